//! The free path: the per-thread free state, the dealloc trampoline with its bounded
//! nesting (H8), PEP 442 resurrection for finalizers, `free_object`, which drops an
//! object's words and payload, and `release`, which parks its block on its type's free
//! list or returns it to the allocator, then gives back the reference to its class (an
//! instance of a static type holds none, H11).
//!
//! Frees run in the order CPython's recursive deallocs do: an object's block is
//! released after everything that died with it (a list's items before the list), and
//! the objects one payload drop let go of are freed in the order it let go of them,
//! each with all that dies with it before the next. An object dying in another's drop
//! is freed there and then, nested (`free_nested`, `free_lean_nested`), while the
//! nesting stays below `NEST_MAX` and nothing before it waits; from the first that
//! cannot, the rest of that drop (and of the drops it is nested in) waits on the
//! pending list, which the outermost free empties in a loop. Waiting work is kept in
//! the order it is to run in while the drops that queued it are nested, and turned
//! round, below the release of the object the trampoline is freeing, when that
//! object's drop ends (`queue_release`), so that the list pops it first first.

use std::any::TypeId;
use std::cell::Cell;
use std::mem::size_of;
use std::ptr::NonNull;

use super::entries::drop_payload;
use super::pending::queue_finalizer;
use super::typeobj::free_lists_of;
use super::{
    gc_head, is_weakrefed, pre_words_of, values_slot_of, vtable_of, words_of, ObHead, Payload,
    PyObj, TypeRef, VarBlock, Vtable, GC_PRE,
};
use crate::gc;
use crate::pymalloc::{object_dealloc, object_dealloc_small};

// ----- per-thread heap state -----------------------------------------------------------

/// A step of the free trampoline. The flag says whether the block may be parked on
/// its type's free list (not if the object had weak references).
#[derive(Clone, Copy)]
enum Work {
    /// An object whose count reached 0 while another was being freed.
    Free(NonNull<ObHead>, bool),
    /// The block of an object whose contents are dropped, to release once the objects
    /// that died with it (pushed after it) are freed.
    Release(NonNull<ObHead>, bool),
}

struct FreeState {
    /// Work waiting, last in first out.
    pending: Cell<Vec<Work>>,
}

thread_local! {
    static FREE: FreeState = const { FreeState { pending: Cell::new(Vec::new()) } };
    /// How many frees run on this thread's Rust stack, one inside another's payload
    /// drop (H8): 0 when none runs, at most `NEST_MAX`. Kept apart from FREE: a
    /// thread-local without a destructor is one load away on every free.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Objects allocated and not yet freed on this thread.
    static LIVE: Cell<usize> = const { Cell::new(0) };
    /// An object that dies now may be freed at once (nested, H8, if it lets go of
    /// anything): no free is running, or one is dropping an object's contents and
    /// nothing that died before in that drop (or in the drops it is nested in) is
    /// still waiting on `pending`. Freeing it there and then is its turn in the free
    /// order, and `pending` does not grow by one entry per item of a big list of strs
    /// or ints, or of tuples.
    static IMMEDIATE: Cell<bool> = const { Cell::new(true) };
    /// The length of `pending` when the first object to wait there during the
    /// current payload drop was queued (read by `free_object` after the drop).
    static DROP_BASE: Cell<usize> = const { Cell::new(0) };
    /// Something was queued on `pending` since the trampoline last emptied it.
    static WAITING: Cell<bool> = const { Cell::new(false) };
}

/// How many frees may run one inside another on the Rust stack (H8): an object that
/// dies deeper waits on the pending list (CPython's trashcan defers at 50).
pub(crate) const NEST_MAX: u32 = 50;

/// How many frees run one inside another now (tests of the free order).
#[cfg(test)]
pub(crate) fn free_depth() -> u32 {
    DEPTH.with(Cell::get)
}

/// Number of objects allocated on this thread and not yet freed.
pub fn live_objects() -> usize {
    LIVE.with(Cell::get)
}

/// Count one object allocated on this thread.
#[inline]
pub(super) fn count_alloc() {
    LIVE.with(|l| l.set(l.get() + 1));
}

/// Count one object freed on this thread.
#[inline]
pub(super) fn count_free() {
    LIVE.with(|l| l.set(l.get() - 1));
}

/// Does the object at `p` (an instance of a class whose vtable says no finalizer)
/// have one now (gc::LateFinalizer)? The check sees the object's type, not the object.
///
/// # Safety
/// `p` heads an object whose block is not freed yet (its count may be 0).
pub(crate) unsafe fn has_late_finalizer(p: NonNull<ObHead>) -> bool {
    // SAFETY: H1/H11: the block is not freed, so its type is live (the header's
    // reference to a class, a static type's pin); the borrowed handle adds one of its
    // own for as long as it lives.
    let ty = TypeRef(unsafe { PyObj::from_borrowed((*p.as_ptr()).ty.get()) });
    gc::late_finalizer(&ty)
}

/// PEP 442 from dealloc: an object with a finalizer that has not run yet is resurrected
/// (count 1, owned by the queue) instead of freed. True if it was.
///
/// # Safety
/// `p` heads an object whose count just reached 0 and whose block is not freed yet;
/// `vt` is its vtable.
#[inline(never)]
unsafe fn resurrect_for_finalizer(p: NonNull<ObHead>, vt: &Vtable) -> bool {
    // SAFETY: H1: the block is not freed yet and its header references its type.
    if !(vt.finalize || (vt.heap_type && vt.gc && unsafe { has_late_finalizer(p) })) {
        return false;
    }
    // SAFETY: H9: only containers are finalized, so `p` has a GC header (H2); C1: the
    // GcPtr is used at once, before the block could be freed.
    if !gc::mark_finalized(unsafe { gc_head(p) }) {
        return false;
    }
    // SAFETY: H1: the object's block is not freed; the new handle is the one reference
    // the count now records.
    unsafe { (*p.as_ptr()).refcnt.set(1) };
    queue_finalizer(PyObj(p));
    true
}

/// Free an object whose count reached 0, and everything that dies with it, without
/// recursing on the Rust stack (CPython's trashcan, done always).
///
/// # Safety
/// `p` heads an object whose count just reached 0 (its last handle is being dropped),
/// so nothing refers to it any more (H1).
#[inline(never)]
pub(super) unsafe fn dealloc(p: NonNull<ObHead>) {
    // SAFETY: H1: the count just reached 0, the block is not freed yet; its header's
    // fields are Cells. One load serves both flag tests.
    let flags = unsafe { p.as_ref() }.flags.get();
    if flags & super::CACHED != 0 {
        // H10: Borrowed handles stop answering before the object goes.
        super::borrowed::cached_object_died();
    }
    // SAFETY: H1: the count just reached 0, the block is not freed yet and its header
    // references its type.
    let vt = unsafe { vtable_of(p) };
    if flags & super::WEAKREFED == 0 {
        // SAFETY: H1, forwarded from the caller; the object has no weak references
        // (W1: WEAKREFED is set only while it has some, and none was added since the
        // load); `vt` is its vtable.
        let freed = unsafe {
            if vt.parks {
                park_simple(p, vt)
            } else if vt.lean {
                // `free_lean::<T>` of its payload type (H4).
                return (vt.free_lean)(p, vt);
            } else {
                free_direct(p, vt)
            }
        };
        if freed {
            return;
        }
    }
    // SAFETY: H1, forwarded from the caller.
    unsafe { dealloc_rest(p, vt, flags) }
}

/// The fast path of an int, a str, bytes with a small block (`direct_items`): freed
/// at once, straight back to its pymalloc size class, unless its turn in the free
/// order is taken from the pending list (`IMMEDIATE` is false). True if it was freed.
///
/// # Safety
/// As `free_plain`'s.
#[inline(always)]
unsafe fn free_direct(p: NonNull<ObHead>, vt: &Vtable) -> bool {
    let n = if vt.var {
        // SAFETY: H3: a var-sized object has its var header right after the ObHead.
        unsafe { (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs() }
    } else {
        0
    };
    if n >= vt.direct_items || !IMMEDIATE.with(Cell::get) {
        return false;
    }
    // SAFETY: H1/H8/W1: forwarded from the caller, and n < direct_items (H9).
    unsafe { give_back_direct(p, vt, n) };
    true
}

/// The end of `free_direct`, out of line (a tail call): `dealloc` saves no registers
/// for it, so a float's inline path pays nothing for it.
///
/// # Safety
/// As `free_plain`'s; `n` is `p`'s item count, and `n < vt.direct_items`.
#[inline(never)]
unsafe fn give_back_direct(p: NonNull<ObHead>, vt: &Vtable, n: usize) {
    // SAFETY: H1/H8: as in `free_plain` (a direct vtable is simple, so plain: nothing
    // to drop, no GC header, no pre words; the block starts at the ObHead); H9: n <
    // direct_items <= small_items, so the block is small, from pymalloc with this
    // size; B1: given back once.
    unsafe { object_dealloc_small(p.as_ptr().cast::<u8>(), || vt.small_block_size(n)) };
    // H11: a simple object's type is static: the header held no reference to it.
    count_free();
}

/// `dealloc` for everything but a float parked at once or an object freed at once by
/// `free_direct`: two tests and a tail call either way, so that `dealloc` saves no
/// registers (the work, and the registers it needs, are in the callees).
///
/// # Safety
/// As `dealloc`'s; `vt` is `p`'s vtable and `flags` its header's flags, read since
/// its count reached 0.
#[inline(always)]
unsafe fn dealloc_rest(p: NonNull<ObHead>, vt: &Vtable, flags: u32) {
    // W1: the flags say whether it has weak references (none can be added to a dead
    // object).
    if vt.plain && flags & super::WEAKREFED == 0 {
        // SAFETY: H1, forwarded from the caller; W1: no weak references.
        unsafe { free_plain_or_slow(p, vt) }
    } else {
        // SAFETY: H1, forwarded from the caller.
        unsafe { dealloc_slow(p, vt) }
    }
}

/// `free_plain`, or `dealloc_slow` where it declines.
///
/// # Safety
/// As `free_plain`'s.
#[inline(never)]
unsafe fn free_plain_or_slow(p: NonNull<ObHead>, vt: &Vtable) {
    // SAFETY: H1/W1, forwarded from the caller; `vt` is `p`'s vtable, plain.
    if !unsafe { free_plain(p, vt) } {
        // SAFETY: H1, forwarded from the caller.
        unsafe { dealloc_slow(p, vt) }
    }
}

/// The fast path of an int, a str, bytes: an object with nothing to let go of and no
/// free list (or a full one), freed at once outside the trampoline - which would do the
/// same for it alone - unless its turn in the free order is taken from the pending
/// list (`IMMEDIATE` is false). True if it was freed.
///
/// # Safety
/// `p`'s count just reached 0, nothing refers to it (H1), it has no weak references
/// (W1: its WEAKREFED flag is clear) and `vt` is its vtable, `plain` (no GC header,
/// nothing to drop).
#[inline(always)]
unsafe fn free_plain(p: NonNull<ObHead>, vt: &Vtable) -> bool {
    // Not simple: instances of classes (an int subclass has a dict, words, maybe a
    // __del__) take the general path, which lets go of their words and asks about
    // finalizers.
    // SAFETY: H1: the block is not freed yet.
    debug_assert!(!unsafe { is_weakrefed(p) });
    if !vt.simple || !IMMEDIATE.with(Cell::get) {
        return false;
    }
    let n = if vt.var {
        // SAFETY: H3: a var-sized object has its var header right after the ObHead.
        unsafe { (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs() }
    } else {
        0
    };
    // SAFETY: H1/H8: the count is 0 and nothing waits to be freed before this object
    // (IMMEDIATE), so this is the object's one free, in its turn; a plain payload has
    // nothing to drop (no drop runs); H3: a simple object
    // has no GC header and no pre words, so its block starts at its ObHead, and it
    // was allocated with this layout (its item count is unchanged, H6); P5: given
    // back once.
    unsafe { give_back(p.as_ptr().cast::<u8>(), vt, n) };
    // H11: a simple object's type is static: the header held no reference to it.
    count_free();
    true
}

/// `dealloc` for what is neither parked nor freed at once (kept out of line, so that
/// the fast paths pay for no more than they use). The common case - no finalizer to
/// run, no weak references, no free running - is laid out straight; the others go
/// out of line to `dealloc_unusual`, so that this path saves few registers.
///
/// # Safety
/// As `dealloc`'s; `vt` is `p`'s vtable.
#[inline(never)]
unsafe fn dealloc_slow(p: NonNull<ObHead>, vt: &Vtable) {
    // A class's instance asks about a late finalizer only once one may exist (the
    // check reads the type through a handle of its own).
    if (vt.finalize || (vt.heap_type && gc::late_finalizer_hooked()))
        // SAFETY: H1, forwarded from the caller.
        && unsafe { resurrect_for_finalizer(p, vt) }
    {
        return;
    }
    // SAFETY: H1: the block is not freed yet.
    let weak = unsafe { is_weakrefed(p) };
    if weak || DEPTH.with(Cell::get) != 0 {
        // SAFETY: H1, forwarded from the caller; not resurrected; `weak` was read
        // from its header just now.
        unsafe { dealloc_unusual(p, vt, weak) };
        return;
    }
    // SAFETY: H1, forwarded; no free is running; no weak references (W1), so the block
    // may be parked.
    unsafe { free_outermost(p, vt, true) }
}

/// `dealloc_slow` for an object with weak references, or one that dies while another
/// is being freed (freed at once, nested, if its turn and the depth allow, else it
/// waits on the pending list).
///
/// # Safety
/// As `dealloc`'s, and the object was not resurrected; `weak` says whether its header
/// carries WEAKREFED.
#[inline(never)]
unsafe fn dealloc_unusual(p: NonNull<ObHead>, vt: &Vtable, weak: bool) {
    let mut parkable = true;
    if weak {
        // SAFETY: W1: the object still carries WEAKREFED and its block is not freed;
        // its weak references are cleared before anything else of it goes.
        unsafe { super::weak::clear_on_dealloc(p) };
        parkable = false;
    }
    let depth = DEPTH.with(Cell::get);
    if depth == 0 {
        // SAFETY: H1, forwarded from the caller; no free is running.
        unsafe { free_outermost(p, vt, parkable) };
        return;
    }
    if depth < NEST_MAX && IMMEDIATE.with(Cell::get) {
        // SAFETY: H1, forwarded from the caller; H8: nothing waits before it and the
        // depth is below the bound.
        unsafe { free_nested(p, vt, parkable, depth) };
        return;
    }
    // SAFETY: H1, forwarded from the caller; a free is running.
    unsafe { queue_free(p, vt, parkable) }
}

/// Free `p`, which died inside the payload drop of the free running at `depth`, at
/// once, nested (H8): its contents, then its block if nothing it let go of waits on
/// the pending list, else its block's release after them. Called when nothing else
/// of the running drops waits (`IMMEDIATE`), so that this is its turn.
///
/// What waits there from here on is left in the order it is to be freed in (first
/// first): this free's waiting objects, then its release; the free that started the
/// drop turns the lot round when it queues its own release (`queue_release`).
///
/// # Safety
/// As `dealloc`'s, and the object was not resurrected; `vt` is `p`'s vtable;
/// `parkable` is false if it had weak references; `depth` is `DEPTH`, at least 1 and
/// below `NEST_MAX`, and `IMMEDIATE` is true.
#[inline(never)]
unsafe fn free_nested(p: NonNull<ObHead>, vt: &Vtable, parkable: bool, depth: u32) {
    debug_assert!(depth > 0 && depth < NEST_MAX && IMMEDIATE.with(Cell::get));
    DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: H1/H8: the count is 0, this is its one free (nested, within the bound);
    // `vt` is its vtable.
    unsafe { drop_contents(p, vt) };
    if IMMEDIATE.with(Cell::get) {
        // SAFETY: H8: the contents were dropped above and nothing of them waits; the
        // block is released once. What dies with its class reference is freed in turn.
        unsafe { release_vt(p, vt, parkable) };
    } else {
        push_release(p, parkable);
    }
    DEPTH.with(|d| d.set(depth));
}

/// Queue the release of `p`, freed nested, after the objects it let go of that wait
/// on the pending list (in the order to be freed: see `free_nested`).
#[inline(never)]
fn push_release(p: NonNull<ObHead>, parkable: bool) {
    FREE.with(|f| {
        let mut v = f.pending.take();
        v.push(Work::Release(p, parkable));
        f.pending.set(v);
    });
}

/// Queue `p`, which died inside another's free, on the pending list.
///
/// # Safety
/// As `dealloc`'s, and the object was not resurrected; `vt` is `p`'s vtable;
/// `parkable` is false if it had weak references; a free is running (DEPTH > 0).
unsafe fn queue_free(p: NonNull<ObHead>, vt: &Vtable, parkable: bool) {
    // A container waiting here must not be seen by a collection (count 0).
    if vt.gc {
        // SAFETY: H1: the block is not freed yet; H2: the vtable says it has a GC
        // header; C1: the GcPtr is used at once.
        gc::untrack(unsafe { gc_head(p) });
    }
    let queued = FREE.try_with(|f| {
        let mut v = f.pending.take();
        if IMMEDIATE.with(Cell::get) {
            // The first object to wait in this drop: what waits from here on is
            // what the dropping object let go of (see `free_object`).
            DROP_BASE.with(|b| b.set(v.len()));
        }
        v.push(Work::Free(p, parkable));
        f.pending.set(v);
        WAITING.with(|w| w.set(true));
    });
    match queued {
        Ok(()) => IMMEDIATE.with(|b| b.set(false)),
        // Thread-local storage is being torn down: free directly.
        // SAFETY: H1 from the caller; H8 is relaxed here: late frees at thread
        // exit are rare and shallow, and each object is still freed once.
        Err(_) => unsafe {
            drop_contents(p, vt);
            release(p, false)
        },
    }
}

/// `dealloc` of a lean container (`Vtable::lean`: a tuple, a list, a dict, a set, an
/// iterator) of payload `T` without weak references (CPython's tp_dealloc of such a
/// type): no finalizer to ask about (none but a builtin one, run by its payload's
/// drop) and no words to drop. What `dealloc_slow` and `free_outermost` do for it,
/// without their tests, and with its payload's drop inline: freed at once when no
/// free is running, else as `dealloc_unusual` frees it (nested, or waiting on the
/// pending list).
///
/// # Safety
/// As `dealloc`'s; `vt` is `p`'s vtable, lean, which names `T` (H4), and `p` has no
/// weak references (W1: its WEAKREFED flag is clear).
pub(super) unsafe fn free_lean<T: Payload>(p: NonNull<ObHead>, vt: &Vtable) {
    debug_assert!(vt.lean && !vt.plain && !vt.has_words() && vt.type_id == TypeId::of::<T>());
    let depth = DEPTH.with(Cell::get);
    if depth != 0 {
        if depth < NEST_MAX && IMMEDIATE.with(Cell::get) {
            // SAFETY: H1, forwarded from the caller; H8: nothing waits before it and
            // the depth is below the bound.
            unsafe { free_lean_nested::<T>(p, vt, depth) };
        } else {
            // SAFETY: H1, forwarded from the caller; not resurrected (no finalizer).
            unsafe { dealloc_unusual(p, vt, false) };
        }
        return;
    }
    DEPTH.with(|d| d.set(1));
    // While IMMEDIATE stays true, nothing the drop let go of waits on the pending
    // list (as in `free_object_vt`).
    IMMEDIATE.with(|b| b.set(true));
    // SAFETY: H2: a lean vtable is a container's, with a GC header; C1: it is
    // unlinked here, before the block is released. H1/H8: the count is 0, no other
    // free runs, so the payload is dropped exactly once, here (no words to drop:
    // lean); H4: `vt` names T.
    unsafe {
        gc::untrack(gc_head(p));
        drop_payload::<T>(p);
    }
    if IMMEDIATE.with(|b| b.replace(false)) {
        // SAFETY: H8: the contents were dropped above; the block is released once;
        // W1: no weak references, so it may be parked.
        unsafe { release_lean::<T>(p, vt) };
    } else {
        queue_release(p, true);
    }
    if WAITING.with(Cell::get) {
        // SAFETY: H8: the trampoline is running (DEPTH 1) and `p` is done with.
        unsafe { drain_pending() };
    }
    DEPTH.with(|d| d.set(0));
    IMMEDIATE.with(|b| b.set(true));
}

/// `free_nested` of a lean object of payload `T` without weak references, its
/// payload's drop inline (a list of tuples frees its tuples here).
///
/// # Safety
/// As `free_lean`'s; `depth` is `DEPTH`, at least 1 and below `NEST_MAX`, and
/// `IMMEDIATE` is true.
#[inline(never)]
unsafe fn free_lean_nested<T: Payload>(p: NonNull<ObHead>, vt: &Vtable, depth: u32) {
    debug_assert!(depth > 0 && depth < NEST_MAX && IMMEDIATE.with(Cell::get));
    DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: H2: a lean vtable is a container's, with a GC header; C1: it is
    // unlinked here, before the block is released. H1/H8: the count is 0 and this is
    // its one free (nested, within the bound), so the payload is dropped exactly once,
    // here (no words to drop: lean); H4: `vt` names T.
    unsafe {
        gc::untrack(gc_head(p));
        drop_payload::<T>(p);
    }
    if IMMEDIATE.with(Cell::get) {
        // SAFETY: H8: the contents were dropped above and nothing of them waits; the
        // block is released once; W1: no weak references, so it may be parked.
        unsafe { release_lean::<T>(p, vt) };
    } else {
        push_release(p, true);
    }
    DEPTH.with(|d| d.set(depth));
}

/// `release_vt` of a lean object of payload `T` that had no weak references: parked
/// on its type's free list if `T` keeps one with room, else given back to pymalloc.
/// No class reference to give back (H11: a lean vtable is no class's).
///
/// # Safety
/// As `release_vt`'s, with `parkable` true; `vt` is lean and names `T`.
#[inline(always)]
unsafe fn release_lean<T: Payload>(p: NonNull<ObHead>, vt: &Vtable) {
    let n = if size_of::<T::Item>() != 0 {
        // SAFETY: H3: a var-sized object has its var header right after the ObHead.
        unsafe { (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs() }
    } else {
        0
    };
    // A container that was finalized (a builtin finalizer, PEP 442) is not parked.
    let parked = T::FREE_LIST_MAX > 0
        && vt.free_max > 0
        // SAFETY: H2: a lean vtable has a GC header; C1: used at once.
        && !unsafe { gc_head(p) }.is_finalized()
        // SAFETY: H1/H11/H4: the header names `p`'s live type object (static: pinned);
        // F1: `p`'s block has its type's layout for `n` items and is dead.
        && unsafe { free_lists_of((*p.as_ptr()).ty.get()).is_some_and(|fl| fl.park(p, n)) };
    if !parked {
        gc::forget_container();
        // SAFETY: H3: a lean block starts with its GC header, GC_PRE bytes before the
        // ObHead, and was allocated for `n` items (unchanged, H6); P5: given back once.
        unsafe { give_back(p.as_ptr().byte_sub(GC_PRE).cast::<u8>(), vt, n) };
    }
    count_free();
}

/// Free `p`, the object whose death starts this free (no other is running), and then
/// what died with it that waits on the pending list.
///
/// # Safety
/// As `dealloc`'s, and no free is running on this thread (DEPTH is 0); `vt` is
/// `p`'s vtable; `parkable` is false if it had weak references.
#[inline(always)]
unsafe fn free_outermost(p: NonNull<ObHead>, vt: &Vtable, parkable: bool) {
    DEPTH.with(|d| d.set(1));
    IMMEDIATE.with(|b| b.set(false));
    // SAFETY: H1/H8: `p`'s count reached 0, it is freed once, here, and no other free
    // is running; `vt` is its vtable. Inlined: the common free (a tuple, a list, a
    // frame's locals) is one call from `dealloc`.
    unsafe { free_object_vt(p, vt, parkable) };
    if WAITING.with(Cell::get) {
        // SAFETY: H8: the trampoline is running (DEPTH 1) and `p` is done with.
        unsafe { drain_pending() };
    }
    DEPTH.with(|d| d.set(0));
    IMMEDIATE.with(|b| b.set(true));
}

/// Free what died with the outermost object, waiting on the pending list, last in
/// first out.
///
/// # Safety
/// Called by `free_outermost` and `free_lean` only, with DEPTH 1, after their object's
/// `free_object_vt`.
#[inline(never)]
unsafe fn drain_pending() {
    // What died with it (in its drop, or with its type reference) waits on the
    // pending list, last in first out.
    while let Some(w) = FREE.with(|f| {
        let mut v = f.pending.take();
        let n = v.pop();
        f.pending.set(v);
        n
    }) {
        match w {
            // SAFETY: H1/H8: `o`'s count reached 0, it is freed once (from the
            // pending list), and no other free is running.
            Work::Free(o, park) => unsafe { free_object(o, park) },
            // SAFETY: H1/H8: `o`'s contents were dropped by its free_object,
            // which queued this release once; its header still holds its type.
            Work::Release(o, park) => unsafe { release(o, park) },
        }
    }
    WAITING.with(|w| w.set(false));
}

/// The fast path of a float: a simple object whose type keeps one free list
/// (`vt.parks`), parked at once, outside the trampoline - unless its turn in the free
/// order is taken from the pending list (`IMMEDIATE` is false) or the list is full.
/// True if it was parked.
///
/// # Safety
/// `p`'s count just reached 0, nothing refers to it (H1), it has no weak references
/// (W1: its WEAKREFED flag is clear) and `vt` is its vtable, which `parks` (simple: no
/// GC header, nothing to drop, no words).
#[inline(always)]
unsafe fn park_simple(p: NonNull<ObHead>, vt: &Vtable) -> bool {
    debug_assert!(vt.parks && vt.simple);
    // SAFETY: H1: the block is not freed yet.
    debug_assert!(!unsafe { is_weakrefed(p) });
    if !IMMEDIATE.with(Cell::get) {
        return false;
    }
    // SAFETY: H1: the block is not freed yet; its header names its type.
    let ty = unsafe { (*p.as_ptr()).ty.get() };
    // SAFETY: H4/H11: `ty` is `p`'s type object, static (`parks` is simple), so
    // pinned and live.
    let Some(fl) = (unsafe { free_lists_of(ty) }) else {
        return false;
    };
    // H1/H8: the count is 0 and nothing waits to be freed before this object
    // (IMMEDIATE), so this is the object's one free, in its turn; a simple payload
    // has nothing to drop, so nothing else is freed meanwhile.
    // SAFETY: F1: a simple payload has nothing to drop and no words, and the block has
    // its type's layout (fixed size).
    if !unsafe { fl.park_parked(p) } {
        return false;
    }
    // H11: a simple object's type is static: the header held no reference to it.
    count_free();
    true
}

/// Give back the block of a dead object of `vt` with `n` items to pymalloc: a small
/// one straight to its size class, others with their layout.
///
/// # Safety
/// `block` is the start of the block of an object of `vt` allocated with `n` items
/// (so its layout was valid), whose contents are dropped; it is given back once (P5).
#[inline(always)]
unsafe fn give_back(block: *mut u8, vt: &Vtable, n: usize) {
    if n < vt.small_items {
        // SAFETY: H9: a small block of this size (8..=SMALL_OBJECT); H3: it came
        // from pymalloc with this size (object_alloc_small, or object_alloc of the
        // layout, which pymalloc serves from the same size class); B1: given back once.
        unsafe { object_dealloc_small(block, || vt.small_block_size(n)) }
    } else {
        // SAFETY: H3: the block was allocated with this layout (valid); B1: given
        // back once.
        unsafe { object_dealloc(block, vt.block_layout_unchecked(n)) }
    }
}

/// Drop an object's words and payload (and items): what it refers to is let go of,
/// its block and type reference stay.
///
/// # Safety
/// `p`'s count is 0 and nothing refers to it any more (H1); this is the one free of
/// `p` (H8); `vt` is its vtable.
#[inline(always)]
unsafe fn drop_contents(p: NonNull<ObHead>, vt: &Vtable) {
    if vt.gc {
        // SAFETY: H2: vt.gc says there is a GC header; C1: it is unlinked here, before
        // the block is released. Gen 0's count is settled by `release`.
        gc::untrack(unsafe { gc_head(p) });
    }
    if vt.has_words() {
        // SAFETY: H3: the block, with its words, is not freed until `release`.
        let (pre, words) = unsafe { (pre_words_of(p), words_of(p)) };
        for w in words.iter().chain(pre) {
            drop(w.take());
        }
        // SAFETY: H3: the block, with its values slot, is not freed until `release`.
        if let Some(slot) = unsafe { values_slot_of(p) } {
            drop(slot.take());
        }
    }
    // SAFETY: H1/H8: the count is 0 and this is the one free, so the payload is dropped
    // exactly once, here; H4: the entry was made for its payload type.
    unsafe { (vt.drop)(p) };
}

/// Free an object from the trampoline: drop its contents, then release its block -
/// at once if nothing died with it, else after what died with it (queued above it,
/// in the order it was let go of).
///
/// # Safety
/// `p`'s count is 0 and nothing refers to it any more (H1); this is the one free of
/// `p` (H8), from the trampoline.
#[inline(never)]
unsafe fn free_object(p: NonNull<ObHead>, parkable: bool) {
    // SAFETY: H1: the block is not freed yet, and its header still holds its type.
    let vt = unsafe { vtable_of(p) };
    // SAFETY: H1/H8, forwarded from the caller; `vt` is `p`'s vtable.
    unsafe { free_object_vt(p, vt, parkable) }
}

/// `free_object` with `p`'s vtable at hand.
///
/// # Safety
/// As `free_object`'s; `vt` is `p`'s vtable.
#[inline(always)]
unsafe fn free_object_vt(p: NonNull<ObHead>, vt: &Vtable, parkable: bool) {
    if vt.plain {
        // Nothing to let go of: no ordering to keep.
        // SAFETY: H1/H8, forwarded from the caller.
        unsafe {
            drop_contents(p, vt);
            release_vt(p, vt, parkable);
        }
        return;
    }
    // While IMMEDIATE stays true, nothing the drop let go of waits on the pending
    // list; the first that does turns it false and notes the list's length then in
    // DROP_BASE.
    IMMEDIATE.with(|b| b.set(true));
    // SAFETY: H1/H8, forwarded from the caller.
    unsafe { drop_contents(p, vt) };
    let alone = IMMEDIATE.with(|b| b.replace(false));
    if alone {
        // SAFETY: H8: the contents were dropped above; the block is released once.
        unsafe { release_vt(p, vt, parkable) };
        return;
    }
    queue_release(p, parkable);
}

/// Queue the release of `p`, whose drop let go of objects that wait on the pending
/// list: below them, so that it comes after them; they are freed in the order they
/// were let go of (the list pops last first). What waits from `DROP_BASE` on was
/// queued in `p`'s drop, in the order it is to run in (the frees nested in the drop
/// left theirs so, each followed by its release: `free_nested`), so turning it round
/// once gives the list's order.
#[inline(never)]
fn queue_release(p: NonNull<ObHead>, parkable: bool) {
    let base = DROP_BASE.with(Cell::get);
    FREE.with(|f| {
        let mut v = f.pending.take();
        v.insert(base, Work::Release(p, parkable));
        v[base + 1..].reverse();
        f.pending.set(v);
    });
}

/// Release the block of an object whose contents were dropped: park it on its type's
/// free list if the type keeps one with room (and `parkable`), else return it to the
/// allocator; then give back the reference to its class (H1; none for a static
/// type, H11).
///
/// # Safety
/// `p`'s contents were dropped by `drop_contents`, nothing refers to it (H1) and its
/// header still holds its type reference; this is the one release of `p` (H8).
#[inline(never)]
unsafe fn release(p: NonNull<ObHead>, parkable: bool) {
    // SAFETY: H1/H11: the block is not freed yet, and its type is live.
    let vt = unsafe { vtable_of(p) };
    // SAFETY: H1/H8, forwarded from the caller; `vt` is `p`'s vtable.
    unsafe { release_vt(p, vt, parkable) }
}

/// `release` with `p`'s vtable at hand.
///
/// # Safety
/// As `release`'s; `vt` is `p`'s vtable.
#[inline(always)]
unsafe fn release_vt(p: NonNull<ObHead>, vt: &Vtable, parkable: bool) {
    let n = if vt.var {
        // SAFETY: H3: a var-sized object has its var header right after the ObHead.
        unsafe { (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs() }
    } else {
        0
    };
    // SAFETY: H1: the type pointer (the reference taken at allocation for a class; a
    // static type is pinned, H11), read before parking overwrites the header's first
    // word.
    let ty = unsafe { (*p.as_ptr()).ty.get() };
    // A container that was finalized (PEP 442) is not parked.
    // SAFETY: H2: vt.gc says there is a GC header; C1: used at once.
    let parkable = parkable && !(vt.gc && unsafe { gc_head(p) }.is_finalized());
    let parked = parkable
        && vt.free_max > 0
        // SAFETY: H4: `ty` is the live type object of `p` (H1/H11); F1: `p`'s block has its type's layout for `n` items and is dead.
        && unsafe { free_lists_of(ty).is_some_and(|fl| fl.park(p, n)) };
    if !parked {
        if vt.gc {
            gc::forget_container();
        }
        // SAFETY: H3: the block starts `block_pre` bytes before the ObHead and was
        // allocated for `n` items (its item count is unchanged, H6); P5: given back
        // once.
        unsafe { give_back(p.as_ptr().byte_sub(vt.block_pre()).cast::<u8>(), vt, n) };
    }
    // The header's reference to a class, given back last: dropping it may free the
    // class, which no longer needs anything of `p`. A static type's instance holds
    // none (H11).
    if vt.heap_type {
        drop(PyObj(ty));
    }
    count_free();
}
