//! A collection (gc_collect_main and its phases, steps 1-8 of gc.rs): deduce the
//! unreachable containers of the generations collected, run their finalizers, and
//! clear those still unreachable.

use super::list::{
    free_head, list_append, list_init, list_is_empty, list_merge, list_move, list_remove,
    list_size, new_head, GcPtr,
};
use super::{
    defer, gen_head, BusyWindow, Finalize, GcEvent, GcState, FINALIZER, GC, NUM_GENERATIONS,
};
use crate::object::{
    can_untrack_object, clear_object, clear_weakrefs, gc_head, has_late_finalizer, is_mut_borrowed,
    is_weakrefed, object_of, refcnt_of, traverse_object, vtable_of, PyObj, Untrack,
};

pub(super) fn collect_generations() {
    if let Some(g) = GC.with(due_generation) {
        collect_main(g, &mut defer);
    }
}

/// The generation an automatic collection collects: the oldest whose count exceeds
/// its threshold (generation 2 only once long_lived_pending > long_lived_total / 4).
pub(super) fn due_generation(st: &GcState) -> Option<usize> {
    for i in (0..NUM_GENERATIONS).rev() {
        if st.gens[i].count.get() > st.gens[i].threshold.get() {
            if i == NUM_GENERATIONS - 1
                && st.long_lived_pending.get() < st.long_lived_total.get() / 4
            {
                continue;
            }
            return Some(i);
        }
    }
    cfg!(feature = "gc-stress").then_some(0)
}

/// Visit the GC header of each container the member `g` refers to.
///
/// # Safety
/// `g` is a member of a list, not a head (C2: a live container's header).
unsafe fn traverse(g: GcPtr, mut f: impl FnMut(GcPtr)) {
    let mut visit = |child: &PyObj| {
        let c = child.as_nonnull();
        if child.vtable().gc {
            // SAFETY: H2: the child is a container (its vtable says so), so it has a
            // header, live while the child is (C1).
            f(unsafe { gc_head(c) });
        }
    };
    // SAFETY: C2: `g` is a live container's header (caller); H1: it stays alive during
    // its traverse, which C3 forbids to free tracked containers.
    unsafe { traverse_object(object_of(g), &mut visit) };
}

fn any_mut_borrowed(list: GcPtr) -> bool {
    let mut g = list.next();
    while g != list {
        // SAFETY: C2: a member is a live container's header.
        if unsafe { is_mut_borrowed(object_of(g)) } {
            return true;
        }
        g = g.next();
    }
    false
}

fn update_refs(containers: GcPtr) {
    let mut g = containers.next();
    while g != containers {
        // SAFETY: C2: a member is a live container's header.
        let rc = unsafe { refcnt_of(object_of(g)) };
        g.reset_refs(rc);
        g = g.next();
    }
}

fn subtract_refs(containers: GcPtr) {
    let mut g = containers.next();
    while g != containers {
        // SAFETY: C2: `g` is a member.
        unsafe {
            traverse(g, |child| {
                if child.is_collecting() {
                    child.set_refs(child.gc_refs().saturating_sub(1));
                }
            })
        };
        g = g.next();
    }
}

fn visit_reachable(child: GcPtr, reachable: GcPtr) {
    if !child.is_collecting() {
        return;
    }
    let (real_next, unreachable) = child.next_unmasked();
    if unreachable {
        // It looked unreachable, but something reachable refers to it: move it back.
        let p = child.prev();
        p.set_next_unreachable(real_next); // keeps the mask bit
        real_next.set_prev(p);
        list_append(child, reachable);
        child.set_refs(1);
    } else if child.gc_refs() == 0 {
        child.set_refs(1);
    }
}

fn move_unreachable(young: GcPtr, unreachable: GcPtr) {
    let mut prev_g = young;
    let mut g = young.next();
    while g != young {
        if g.gc_refs() > 0 {
            // SAFETY: C2: `g` is a member of young.
            unsafe { traverse(g, |child| visit_reachable(child, young)) };
            g.set_prev(prev_g);
            g.clear_collecting();
            prev_g = g;
        } else {
            prev_g.set_next(g.next());
            let last = unreachable.prev();
            last.set_next_unreachable(g);
            g.set_prev(last);
            g.set_next_unreachable(unreachable);
            unreachable.set_prev_bare(g);
        }
        g = prev_g.next();
    }
    // The head's prev is the last reachable object again.
    young.set_prev_bare(prev_g);
    let (first, _) = unreachable.next_unmasked();
    unreachable.set_next(first);
}

fn clear_unreachable_mask(unreachable: GcPtr) {
    let mut g = unreachable.next();
    while g != unreachable {
        let (n, _) = g.next_unmasked();
        g.set_next(n);
        g = n;
    }
}

fn deduce_unreachable(base: GcPtr, unreachable: GcPtr) {
    update_refs(base);
    subtract_refs(base);
    list_init(unreachable);
    move_unreachable(base, unreachable);
}

fn untrack_where(list: GcPtr, kind: Untrack) {
    let mut g = list.next();
    while g != list {
        let n = g.next();
        // SAFETY: C2: a member is a live container's header.
        let op = unsafe { object_of(g) };
        // SAFETY: as above (H1, H4); C3: can_untrack cannot unlink or free `n` or `g`
        // (the busy window refuses it).
        if unsafe { vtable_of(op) }.untrack == kind && unsafe { can_untrack_object(op) } {
            list_remove(g);
        }
        g = n;
    }
}

fn list_clear_collecting(list: GcPtr) {
    let mut g = list.next();
    while g != list {
        g.clear_collecting();
        g = g.next();
    }
}

/// handle_weakrefs: clear every weak reference to an unreachable object, before any
/// finalizer runs, and run (`fin`) the callbacks of those weak references that are not
/// garbage themselves (a garbage weak reference's callback is never called).
/// Returns how many of those weak references the callbacks freed (CPython counts them
/// as collected).
fn handle_weakrefs(unreachable: GcPtr, fin: Finalize<'_>) -> usize {
    let mut due = Vec::new();
    let mut g = unreachable.next();
    while g != unreachable {
        // SAFETY: C2: a member is a live container's header.
        let op = unsafe { object_of(g) };
        // SAFETY: H1: `op` is live.
        if unsafe { is_weakrefed(op) } {
            // A weak reference object is a container (W2, H2); it is garbage when it is
            // COLLECTING still, which only the members of `unreachable` are now.
            let garbage = |e| {
                // SAFETY: W2: `e` heads a live weak reference object, a container (H2);
                // C1: its header is used at once.
                unsafe { vtable_of(e).gc && gc_head(e).is_collecting() }
            };
            // SAFETY: W1: `op` carries WEAKREFED and is live (C2).
            due.extend(unsafe { clear_weakrefs(op, |e| !garbage(e)) });
        }
        g = g.next();
    }
    let mut freed = 0;
    for wr in due {
        fin(wr.clone());
        if wr.refcnt() == 1 {
            freed += 1;
        }
    }
    freed
}

fn finalize_garbage(collectable: GcPtr, fin: Finalize<'_>) {
    let builtin = FINALIZER.with(|c| c.get());
    let seen = new_head();
    while !list_is_empty(collectable) {
        let g = collectable.next();
        list_move(g, seen);
        if g.is_finalized() {
            continue;
        }
        // SAFETY: C2: `g` is a member, a live container's header.
        let op = unsafe { object_of(g) };
        // SAFETY: as above (H1, H4).
        // SAFETY: as above (H1, H4): `op` is a live container.
        let vt = unsafe { vtable_of(op) };
        // SAFETY: C2/H1 as above: `op` is a member, its block live.
        if vt.finalize || (vt.heap_type && unsafe { has_late_finalizer(op) }) {
            g.set_finalized();
            // SAFETY: as above; the handle keeps it alive while its finalizer runs (H1).
            fin(unsafe { PyObj::from_borrowed(op) });
        } else if let Some(f) = builtin {
            // SAFETY: C2/H1 as above: `op` is a live container.
            let o = unsafe { PyObj::from_borrowed(op) };
            if f(&o) {
                g.set_finalized();
            }
        }
    }
    list_merge(seen, collectable);
    // SAFETY: C1: made by new_head above, empty now, and not used again.
    unsafe { free_head(seen) };
}

fn delete_garbage(collectable: GcPtr, old: GcPtr) {
    while !list_is_empty(collectable) {
        let g = collectable.next();
        // SAFETY: C2: `g` is a member, a live container's header: hold a reference
        // during the clear (H1).
        let o = unsafe { PyObj::from_borrowed(object_of(g)) };
        // SAFETY: H1: we hold a reference (`o`); clear checks the borrow state itself.
        unsafe { clear_object(o.as_nonnull()) };
        drop(o);
        if collectable.next() == g {
            // Still alive (e.g. an immutable container that has no clear): keep it.
            g.clear_collecting();
            list_move(g, old);
        }
    }
}

pub(super) fn collect_main(generation: usize, fin: Finalize<'_>) -> usize {
    let already = GC.with(|st| st.collecting.replace(true));
    if already {
        return 0;
    }
    let report = GC.with(|st| st.report.get());
    let started = report.map(|f| {
        let (counts, permanent) = GC.with(|st| {
            let counts = std::array::from_fn(|i| list_size(gen_head(st, i)));
            (counts, st.permanent.get().map_or(0, list_size))
        });
        f(&GcEvent::Start {
            generation,
            counts,
            permanent,
        });
        std::time::Instant::now()
    });
    let (young, old) = GC.with(|st| {
        if generation + 1 < NUM_GENERATIONS {
            let c = &st.gens[generation + 1].count;
            c.set(c.get() + 1);
        }
        for g in &st.gens[..=generation] {
            g.count.set(0);
        }
        let young = gen_head(st, generation);
        for i in 0..generation {
            list_merge(gen_head(st, i), young);
        }
        let old = if generation + 1 < NUM_GENERATIONS {
            gen_head(st, generation + 1)
        } else {
            young
        };
        (young, old)
    });
    // A payload mutably borrowed by Rust code cannot be traversed: try again later.
    if any_mut_borrowed(young) {
        GC.with(|st| st.collecting.set(false));
        return 0;
    }

    let unreachable = new_head();
    {
        let _busy = BusyWindow::enter();
        deduce_unreachable(young, unreachable);
        untrack_where(young, Untrack::Young);
        if young != old {
            if generation == NUM_GENERATIONS - 2 {
                let n = list_size(young);
                GC.with(|st| {
                    let p = &st.long_lived_pending;
                    p.set(p.get() + n);
                });
            }
            list_merge(young, old);
        } else {
            untrack_where(young, Untrack::Full);
            let total = list_size(young);
            GC.with(|st| {
                st.long_lived_pending.set(0);
                st.long_lived_total.set(total);
            });
        }
        clear_unreachable_mask(unreachable);
    }

    if let Some(f) = report {
        let mut g = unreachable.next();
        while g != unreachable {
            // SAFETY: C2: a member is a live container's header; the handle keeps it
            // alive while the hook looks at it (H1); the hook runs no Python (Report).
            let o = unsafe { PyObj::from_borrowed(object_of(g)) };
            f(&GcEvent::Collectable(&o));
            drop(o);
            g = g.next();
        }
    }
    let wr_freed = handle_weakrefs(unreachable, &mut *fin);
    finalize_garbage(unreachable, fin);
    // handle_resurrected_objects: finalizers may have made some objects reachable.
    list_clear_collecting(unreachable);
    let still = new_head();
    {
        let _busy = BusyWindow::enter();
        deduce_unreachable(unreachable, still);
        clear_unreachable_mask(still);
    }
    list_merge(unreachable, old);

    let m = list_size(still) + wr_freed;
    if let Some(save) = GC.with(|st| st.save.get()) {
        // DEBUG_SAVEALL: the garbage is kept (in gc.garbage), not cleared.
        while !list_is_empty(still) {
            let g = still.next();
            g.clear_collecting();
            list_move(g, old);
            // SAFETY: C2: `g` is a member (now of `old`), a live container's header.
            save(unsafe { PyObj::from_borrowed(object_of(g)) });
        }
    }
    delete_garbage(still, old);
    // SAFETY: C1: both heads were made by new_head in this call, are empty now, and
    // are not used again.
    unsafe {
        free_head(unreachable);
        free_head(still);
    }

    if generation == NUM_GENERATIONS - 1 {
        // Only a collection of the oldest generation empties the type free lists
        // (CPython 3.11's clear_freelists).
        crate::object::clear_free_lists();
    }
    GC.with(|st| {
        let s = &st.stats[generation];
        let mut v = s.get();
        v.collections += 1;
        v.collected += m;
        s.set(v);
        st.collecting.set(false);
    });
    if let (Some(f), Some(t)) = (report, started) {
        f(&GcEvent::Done {
            generation,
            unreachable: m,
            uncollectable: 0,
            elapsed: t.elapsed().as_secs_f64(),
        });
    }
    m
}
