//! The generational cycle collector, after CPython 3.11's Modules/gcmodule.c.
//!
//! Three generations, each a circular doubly-linked list of GC headers with a sentinel
//! head, thresholds (700, 10, 10). Allocating a container adds one to count[0]; freeing
//! one takes one away. When count[0] exceeds threshold[0] the oldest generation whose
//! count exceeds its threshold is collected (generation 2 only once long_lived_pending
//! exceeds long_lived_total / 4). Collecting generation i resets count[0..=i] and adds
//! one to count[i+1].
//!
//! A collection of generation i (gc_collect_main):
//! 1. merge the younger generations into it: `young`;
//! 2. update_refs: gc_refs = refcount for each object in young, COLLECTING set;
//! 3. subtract_refs: for each reference from one young object to another, gc_refs -= 1.
//!    Now gc_refs counts the references from outside young;
//! 4. move_unreachable: objects with gc_refs > 0 are reachable, and so is everything
//!    they reach; the rest move to `unreachable`. After it, young holds exactly the
//!    reachable objects, with real prev pointers again;
//! 5. untrack_tuples (and untrack_dicts in full collections); young joins the older
//!    generation;
//! 6. finalize_garbage: run finalizers of unreachable objects not yet finalized;
//! 7. handle_resurrected_objects: redo 2-4 inside `unreachable`; objects a finalizer
//!    made reachable go to the older generation;
//! 8. delete_garbage: tp_clear each remaining object, which breaks the cycles so that
//!    reference counting frees them.
//!
//! The number returned is the number of unreachable objects found in step 8's list.
//!
//! Bits: `prev` bit 0 FINALIZED, bit 1 COLLECTING, gc_refs in the bits above while
//! COLLECTING; `next` bit 0 NEXT_MASK_UNREACHABLE while in move_unreachable's output.

use std::cell::Cell;
use std::ptr::{self, NonNull};

use super::object::{from_gc, gc_head, vtable_of, GcHead, ObHead, PyObj, Untrack};

pub const NUM_GENERATIONS: usize = 3;

const PREV_MASK_FINALIZED: usize = 1;
const PREV_MASK_COLLECTING: usize = 2;
const PREV_SHIFT: usize = 2;
const PREV_FLAGS: usize = PREV_MASK_FINALIZED | PREV_MASK_COLLECTING;
const NEXT_MASK_UNREACHABLE: usize = 1;

type G = *mut GcHead;

/// Statistics of one generation (gc.get_stats()).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GcStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

struct Generation {
    head: Cell<G>,
    threshold: Cell<usize>,
    count: Cell<usize>,
}

struct GcState {
    gens: [Generation; NUM_GENERATIONS],
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    stats: [Cell<GcStats>; NUM_GENERATIONS],
}

const fn generation(threshold: usize) -> Generation {
    Generation {
        head: Cell::new(ptr::null_mut()),
        threshold: Cell::new(threshold),
        count: Cell::new(0),
    }
}

thread_local! {
    static GC: GcState = const {
        GcState {
            gens: [generation(700), generation(10), generation(10)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: [
                Cell::new(GcStats { collections: 0, collected: 0, uncollectable: 0 }),
                Cell::new(GcStats { collections: 0, collected: 0, uncollectable: 0 }),
                Cell::new(GcStats { collections: 0, collected: 0, uncollectable: 0 }),
            ],
        }
    };
}

// ----- list primitives (the sentinel heads are leaked per thread, so a header never
// points at freed thread-local storage) -------------------------------------------------

#[inline]
fn next(g: G) -> G {
    // SAFETY: H2: every header reachable through the lists is alive.
    unsafe { (*g).next.get() }
}
#[inline]
fn set_next(g: G, n: G) {
    // SAFETY: as `next`.
    unsafe { (*g).next.set(n) }
}
#[inline]
fn prev_raw(g: G) -> G {
    // SAFETY: as `next`.
    unsafe { (*g).prev.get() }
}
#[inline]
fn prev(g: G) -> G {
    prev_raw(g).map_addr(|a| a & !PREV_FLAGS)
}
#[inline]
fn set_prev(g: G, p: G) {
    let flags = prev_raw(g).addr() & PREV_FLAGS;
    // SAFETY: as `next`.
    unsafe { (*g).prev.set(p.map_addr(|a| a | flags)) }
}
#[inline]
fn gc_refs(g: G) -> usize {
    prev_raw(g).addr() >> PREV_SHIFT
}
#[inline]
fn set_refs(g: G, refs: usize) {
    let flags = prev_raw(g).addr() & PREV_FLAGS;
    // SAFETY: as `next`; while COLLECTING, prev holds a number, not a pointer.
    unsafe {
        (*g).prev
            .set(ptr::without_provenance_mut(flags | (refs << PREV_SHIFT)))
    }
}
#[inline]
fn reset_refs(g: G, refs: usize) {
    let finalized = prev_raw(g).addr() & PREV_MASK_FINALIZED;
    let v = finalized | PREV_MASK_COLLECTING | (refs << PREV_SHIFT);
    // SAFETY: as set_refs.
    unsafe { (*g).prev.set(ptr::without_provenance_mut(v)) }
}
#[inline]
fn is_collecting(g: G) -> bool {
    prev_raw(g).addr() & PREV_MASK_COLLECTING != 0
}
#[inline]
fn clear_collecting(g: G) {
    let p = prev_raw(g).map_addr(|a| a & !PREV_MASK_COLLECTING);
    // SAFETY: as `next`.
    unsafe { (*g).prev.set(p) }
}
#[inline]
fn is_finalized(g: G) -> bool {
    prev_raw(g).addr() & PREV_MASK_FINALIZED != 0
}
#[inline]
fn set_finalized(g: G) {
    let p = prev_raw(g).map_addr(|a| a | PREV_MASK_FINALIZED);
    // SAFETY: as `next`.
    unsafe { (*g).prev.set(p) }
}

fn list_init(l: G) {
    set_next(l, l);
    // SAFETY: as `next`.
    unsafe { (*l).prev.set(l) };
}
fn list_is_empty(l: G) -> bool {
    next(l) == l
}
fn list_append(node: G, list: G) {
    let last = prev(list);
    set_prev(node, last);
    set_next(last, node);
    set_next(node, list);
    // SAFETY: the list head carries no flags.
    unsafe { (*list).prev.set(node) };
}
fn list_remove(node: G) {
    let p = prev(node);
    let n = next(node);
    set_next(p, n);
    set_prev(n, p);
    set_next(node, ptr::null_mut());
}
fn list_move(node: G, list: G) {
    let p = prev(node);
    let n = next(node);
    set_next(p, n);
    set_prev(n, p);
    list_append(node, list);
}
fn list_merge(from: G, to: G) {
    if !list_is_empty(from) {
        let to_tail = prev(to);
        let from_head = next(from);
        let from_tail = prev(from);
        set_next(to_tail, from_head);
        set_prev(from_head, to_tail);
        set_next(from_tail, to);
        set_prev(to, from_tail);
    }
    list_init(from);
}
fn list_size(l: G) -> usize {
    let mut n = 0;
    let mut g = next(l);
    while g != l {
        n += 1;
        g = next(g);
    }
    n
}

fn new_head() -> G {
    let h = Box::into_raw(Box::new(GcHead {
        next: Cell::new(ptr::null_mut()),
        prev: Cell::new(ptr::null_mut()),
    }));
    list_init(h);
    h
}

fn gen_head(st: &GcState, i: usize) -> G {
    let h = st.gens[i].head.get();
    if !h.is_null() {
        return h;
    }
    for g in &st.gens {
        g.head.set(new_head());
    }
    st.gens[i].head.get()
}

/// The generation list heads of this thread, for verify_heap.
pub(crate) fn generation_heads() -> [G; NUM_GENERATIONS] {
    GC.with(|st| std::array::from_fn(|i| gen_head(st, i)))
}

pub(crate) fn list_next(g: G) -> G {
    next(g)
}

pub(crate) fn list_prev(g: G) -> G {
    prev(g)
}

// ----- tracking ------------------------------------------------------------------------

/// # Safety
/// `g` is the GC header of a live container.
pub(crate) unsafe fn is_tracked(g: NonNull<GcHead>) -> bool {
    !next(g.as_ptr()).is_null()
}

/// Append to generation 0 (_PyObject_GC_TRACK).
///
/// # Safety
/// `g` is the GC header of a live container.
pub(crate) unsafe fn track(g: NonNull<GcHead>) {
    let g = g.as_ptr();
    if !next(g).is_null() {
        return;
    }
    GC.with(|st| list_append(g, gen_head(st, 0)));
}

/// # Safety
/// `g` is the GC header of a live container.
pub(crate) unsafe fn untrack(g: NonNull<GcHead>) {
    let g = g.as_ptr();
    if next(g).is_null() {
        return;
    }
    list_remove(g);
    let keep = prev_raw(g).addr() & PREV_MASK_FINALIZED;
    // SAFETY: the header is now unlinked; only the FINALIZED flag survives.
    unsafe { (*g).prev.set(ptr::without_provenance_mut(keep)) };
}

/// A container is being freed (PyObject_GC_Del).
///
/// # Safety
/// `g` is the GC header of a container whose count reached 0.
pub(crate) unsafe fn on_free(g: NonNull<GcHead>) {
    // SAFETY: forwarded.
    unsafe { untrack(g) };
    let _ = GC.try_with(|st| {
        let c = &st.gens[0].count;
        if c.get() > 0 {
            c.set(c.get() - 1);
        }
    });
}

/// Called before a container is allocated (_PyObject_GC_Link): counts it and runs a
/// collection when generation 0 is over its threshold.
pub(crate) fn before_gc_alloc() {
    let run = GC.with(|st| {
        let c = &st.gens[0].count;
        c.set(c.get() + 1);
        let t = st.gens[0].threshold.get();
        let stress = cfg!(feature = "gc-stress");
        (stress || (c.get() > t && t != 0)) && st.enabled.get() && !st.collecting.get()
    });
    if run {
        collect_generations();
    }
}

fn collect_generations() {
    let generation = GC.with(|st| {
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
    });
    if let Some(g) = generation {
        collect_main(g, &mut defer);
    }
}

/// gc.collect(generation): collect generations 0..=generation and return the number
/// of unreachable objects found. Runs even while automatic collection is disabled.
pub fn collect(generation: usize) -> usize {
    collect_with(generation, &mut defer)
}

/// gc.collect(generation), running the finalizers of unreachable objects with `fin`
/// during the collection (CPython's finalize_garbage), so objects that stay
/// unreachable afterwards are counted and freed in this same collection.
pub fn collect_with(generation: usize, fin: Finalize<'_>) -> usize {
    assert!(generation < NUM_GENERATIONS, "invalid generation");
    collect_main(generation, fin)
}

/// Mark a container finalized (PEP 442: `__del__` runs at most once).
///
/// # Safety
/// `g` is the GC header of a live container.
pub(crate) unsafe fn mark_finalized(g: NonNull<GcHead>) -> bool {
    let g = g.as_ptr();
    let was = is_finalized(g);
    set_finalized(g);
    !was
}

pub fn gc_is_enabled() -> bool {
    GC.with(|st| st.enabled.get())
}

pub fn gc_set_enabled(on: bool) {
    GC.with(|st| st.enabled.set(on))
}

pub fn gc_get_threshold() -> [usize; NUM_GENERATIONS] {
    GC.with(|st| std::array::from_fn(|i| st.gens[i].threshold.get()))
}

pub fn gc_set_threshold(t: [usize; NUM_GENERATIONS]) {
    GC.with(|st| {
        for (g, v) in st.gens.iter().zip(t) {
            g.threshold.set(v);
        }
    })
}

pub fn gc_get_count() -> [usize; NUM_GENERATIONS] {
    GC.with(|st| std::array::from_fn(|i| st.gens[i].count.get()))
}

pub fn gc_stats() -> [GcStats; NUM_GENERATIONS] {
    GC.with(|st| std::array::from_fn(|i| st.stats[i].get()))
}

// ----- finalizers ----------------------------------------------------------------------

/// What a collection does with an unreachable object that has a finalizer (`__del__`):
/// run it now (gc.collect() from the VM passes a closure that calls `__del__`), or
/// queue it for the VM to run at its next instruction (`defer`).
pub type Finalize<'a> = &'a mut dyn FnMut(PyObj);

/// A finalizer of a built-in payload that needs no VM at collection time (a suspended
/// generator hands its frame over to be closed): returns true if `obj` had one and it
/// ran. Objects whose vtable says `finalize` (classes with `__del__`) go through
/// `Finalize` instead.
pub type Finalizer = fn(&PyObj) -> bool;

thread_local! {
    static FINALIZER: Cell<Option<Finalizer>> = const { Cell::new(None) };
}

/// Install the built-in payloads' collection-time finalizer (see `Finalizer`).
pub fn set_finalizer(f: Option<Finalizer>) {
    FINALIZER.with(|c| c.set(f));
}

/// Queue a finalizer for the VM (see `take_finalizers`); automatic collections and
/// objects whose count reaches 0 use this, as they run where the VM cannot be called.
pub fn defer(o: PyObj) {
    super::object::defer_finalizer(o);
}

// ----- the collection ------------------------------------------------------------------

fn obj(g: G) -> NonNull<ObHead> {
    // SAFETY: list members are non-null headers (H2).
    from_gc(unsafe { NonNull::new_unchecked(g) })
}

/// Visit the GC-header of each container `op` refers to.
fn traverse(op: NonNull<ObHead>, mut f: impl FnMut(G)) {
    let mut visit = |child: &PyObj| {
        let c = child.as_nonnull();
        if vtable_of(c).gc {
            // SAFETY: the child is a container (vtable says so), hence has a header.
            f(unsafe { gc_head(c) }.as_ptr());
        }
    };
    // SAFETY: the collection checked no object in it is exclusively borrowed.
    unsafe { super::object::traverse_object(op, &mut visit) };
}

fn any_mut_borrowed(list: G) -> bool {
    let mut g = next(list);
    while g != list {
        if PyObj::is_mut_borrowed(obj(g)) {
            return true;
        }
        g = next(g);
    }
    false
}

fn update_refs(containers: G) {
    let mut g = next(containers);
    while g != containers {
        // SAFETY: live member of the list.
        let rc = unsafe { (*obj(g).as_ptr()).refcnt.get() } as usize;
        reset_refs(g, rc);
        g = next(g);
    }
}

fn subtract_refs(containers: G) {
    let mut g = next(containers);
    while g != containers {
        traverse(obj(g), |child| {
            if is_collecting(child) {
                set_refs(child, gc_refs(child).saturating_sub(1));
            }
        });
        g = next(g);
    }
}

fn visit_reachable(child: G, reachable: G) {
    if !is_collecting(child) {
        return;
    }
    let n = next(child);
    if n.addr() & NEXT_MASK_UNREACHABLE != 0 {
        // It looked unreachable, but something reachable refers to it: move it back.
        let p = prev(child);
        let real_next = n.map_addr(|a| a & !NEXT_MASK_UNREACHABLE);
        set_next(p, n); // keeps the mask bit
        set_prev(real_next, p);
        list_append(child, reachable);
        set_refs(child, 1);
    } else if gc_refs(child) == 0 {
        set_refs(child, 1);
    }
}

fn move_unreachable(young: G, unreachable: G) {
    let mut prev_g = young;
    let mut g = next(young);
    while g != young {
        if gc_refs(g) > 0 {
            traverse(obj(g), |child| visit_reachable(child, young));
            set_prev(g, prev_g);
            clear_collecting(g);
            prev_g = g;
        } else {
            set_next(prev_g, next(g));
            let last = prev(unreachable);
            set_next(last, g.map_addr(|a| a | NEXT_MASK_UNREACHABLE));
            set_prev(g, last);
            set_next(g, unreachable.map_addr(|a| a | NEXT_MASK_UNREACHABLE));
            // SAFETY: the head carries no flags.
            unsafe { (*unreachable).prev.set(g) };
        }
        g = next(prev_g);
    }
    // SAFETY: restore the head's prev to the last reachable object.
    unsafe { (*young).prev.set(prev_g) };
    set_next(
        unreachable,
        next(unreachable).map_addr(|a| a & !NEXT_MASK_UNREACHABLE),
    );
}

fn clear_unreachable_mask(unreachable: G) {
    let mut g = next(unreachable);
    while g != unreachable {
        let n = next(g).map_addr(|a| a & !NEXT_MASK_UNREACHABLE);
        set_next(g, n);
        g = n;
    }
}

fn deduce_unreachable(base: G, unreachable: G) {
    update_refs(base);
    subtract_refs(base);
    list_init(unreachable);
    move_unreachable(base, unreachable);
}

fn untrack_where(list: G, kind: Untrack) {
    let mut g = next(list);
    while g != list {
        let n = next(g);
        let op = obj(g);
        let vt = vtable_of(op);
        // SAFETY: not exclusively borrowed (checked at the start of the collection).
        if vt.untrack == kind && unsafe { (vt.can_untrack)(op) } {
            // SAFETY: `g` is a tracked container's header.
            unsafe { untrack(NonNull::new_unchecked(g)) };
        }
        g = n;
    }
}

fn list_clear_collecting(list: G) {
    let mut g = next(list);
    while g != list {
        clear_collecting(g);
        g = next(g);
    }
}

fn finalize_garbage(collectable: G, fin: Finalize<'_>) {
    let builtin = FINALIZER.with(|c| c.get());
    let seen = new_head();
    while !list_is_empty(collectable) {
        let g = next(collectable);
        list_move(g, seen);
        if is_finalized(g) {
            continue;
        }
        if vtable_of(obj(g)).finalize {
            set_finalized(g);
            // SAFETY: a live member of the list: take a reference while finalizing.
            fin(unsafe { PyObj::from_borrowed(obj(g)) });
        } else if let Some(f) = builtin {
            // SAFETY: as above.
            let o = unsafe { PyObj::from_borrowed(obj(g)) };
            if f(&o) {
                set_finalized(g);
            }
        }
    }
    list_merge(seen, collectable);
    // SAFETY: allocated by new_head above; now empty and unreferenced.
    drop(unsafe { Box::from_raw(seen) });
}

fn delete_garbage(collectable: G, old: G) {
    while !list_is_empty(collectable) {
        let g = next(collectable);
        let op = obj(g);
        // SAFETY: a live member of the list: hold a reference during the clear.
        let o = unsafe { PyObj::from_borrowed(op) };
        // SAFETY: we hold a reference (`o`); clear checks the borrow state itself.
        unsafe { super::object::clear_object(op) };
        drop(o);
        if next(collectable) == g {
            // Still alive (e.g. an immutable container that has no clear): keep it.
            clear_collecting(g);
            list_move(g, old);
        }
    }
}

fn collect_main(generation: usize, fin: Finalize<'_>) -> usize {
    let already = GC.with(|st| st.collecting.replace(true));
    if already {
        return 0;
    }
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
    deduce_unreachable(young, unreachable);
    untrack_where(young, Untrack::Young);
    if young != old {
        if generation == NUM_GENERATIONS - 2 {
            GC.with(|st| {
                let p = &st.long_lived_pending;
                p.set(p.get() + list_size(young));
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

    finalize_garbage(unreachable, fin);
    // handle_resurrected_objects: finalizers may have made some objects reachable.
    list_clear_collecting(unreachable);
    let still = new_head();
    deduce_unreachable(unreachable, still);
    clear_unreachable_mask(still);
    list_merge(unreachable, old);

    let m = list_size(still);
    delete_garbage(still, old);
    // SAFETY: both heads were allocated by new_head in this call and are now empty.
    unsafe {
        drop(Box::from_raw(unreachable));
        drop(Box::from_raw(still));
    }

    GC.with(|st| {
        let s = &st.stats[generation];
        let mut v = s.get();
        v.collections += 1;
        v.collected += m;
        s.set(v);
        st.collecting.set(false);
    });
    m
}
