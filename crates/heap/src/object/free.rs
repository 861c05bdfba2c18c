//! The free path: the per-thread free state, the non-recursive dealloc trampoline
//! (H8), PEP 442 resurrection for finalizers, and `free_object`, which drops an
//! object's words, payload and type reference and returns its block.

use std::cell::Cell;
use std::ptr::NonNull;

use super::pending::queue_finalizer;
use super::{
    gc_head, is_weakrefed, pre_words_of, values_slot_of, vtable_of, words_of, ObHead, PyObj,
    TypeRef, VarBlock,
};
use crate::gc;
use crate::pymalloc::object_dealloc;

// ----- per-thread heap state -----------------------------------------------------------

struct FreeState {
    /// A `free_object` is running on this thread (H8).
    freeing: Cell<bool>,
    /// Objects whose count reached 0 while another was being freed.
    pending: Cell<Vec<NonNull<ObHead>>>,
    /// Objects allocated and not yet freed on this thread.
    live: Cell<usize>,
}

thread_local! {
    static FREE: FreeState = const {
        FreeState { freeing: Cell::new(false), pending: Cell::new(Vec::new()), live: Cell::new(0) }
    };
}

/// Number of objects allocated on this thread and not yet freed.
pub fn live_objects() -> usize {
    FREE.with(|f| f.live.get())
}

/// Count one object allocated on this thread.
pub(super) fn count_alloc() {
    FREE.with(|f| f.live.set(f.live.get() + 1));
}

/// Count one object freed on this thread.
pub(super) fn count_free() {
    FREE.with(|f| f.live.set(f.live.get() - 1));
}

/// Does the object at `p` (an instance of a class whose vtable says no finalizer)
/// have one now (gc::LateFinalizer)? The check sees the object's type, not the object.
///
/// # Safety
/// `p` heads an object whose block is not freed yet (its count may be 0).
pub(crate) unsafe fn has_late_finalizer(p: NonNull<ObHead>) -> bool {
    // SAFETY: H1: the block is not freed, so its header still holds a reference to its
    // live type object; the borrowed handle adds one of its own for as long as it lives.
    let ty = TypeRef(unsafe { PyObj::from_borrowed((*p.as_ptr()).ty.get()) });
    gc::late_finalizer(&ty)
}

/// PEP 442 from dealloc: an object with a finalizer that has not run yet is resurrected
/// (count 1, owned by the queue) instead of freed. True if it was.
///
/// # Safety
/// `p` heads an object whose count just reached 0 and whose block is not freed yet.
unsafe fn resurrect_for_finalizer(p: NonNull<ObHead>) -> bool {
    // SAFETY: the block is not freed yet (caller), and its type is still referenced
    // by its header (H1), so the vtable can be read.
    let vt = unsafe { vtable_of(p) };
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
pub(super) unsafe fn dealloc(p: NonNull<ObHead>) {
    // SAFETY: H1, forwarded from the caller: the count just reached 0, the block is
    // not freed yet.
    if unsafe { resurrect_for_finalizer(p) } {
        return;
    }
    // SAFETY: H1: the block is not freed yet.
    if unsafe { is_weakrefed(p) } {
        // SAFETY: W1: the object still carries WEAKREFED and its block is not freed;
        // its weak references are cleared before anything else of it goes.
        unsafe { super::weak::clear_on_dealloc(p) };
    }
    let reentrant = FREE.try_with(|f| {
        if f.freeing.get() {
            // A container waiting here must not be seen by a collection (count 0).
            // SAFETY: H1: the block is not freed yet; H2: the vtable says whether it
            // has a GC header; C1: the GcPtr is used at once.
            if let Some(g) = unsafe { vtable_of(p).gc.then(|| gc_head(p)) } {
                gc::untrack(g);
            }
            let mut v = f.pending.take();
            v.push(p);
            f.pending.set(v);
            return true;
        }
        f.freeing.set(true);
        false
    });
    match reentrant {
        Ok(true) => {}
        Ok(false) => {
            let mut next = Some(p);
            while let Some(o) = next {
                // SAFETY: H1/H8: `o`'s count reached 0, it is freed once (from here or
                // the pending list), and no other free is running.
                unsafe { free_object(o) };
                next = FREE.with(|f| {
                    let mut v = f.pending.take();
                    let n = v.pop();
                    f.pending.set(v);
                    n
                });
            }
            FREE.with(|f| f.freeing.set(false));
        }
        // Thread-local storage is being torn down: free directly.
        // SAFETY: H1 from the caller; H8 is relaxed here: late frees at thread exit
        // are rare and shallow, and each object is still freed once.
        Err(_) => unsafe { free_object(p) },
    }
}

/// Drop an object's words, payload and items and its type reference, and return its
/// block to the allocator.
///
/// # Safety
/// `p`'s count is 0 and nothing refers to it any more (H1); this is the one free of
/// `p` (H8).
unsafe fn free_object(p: NonNull<ObHead>) {
    // SAFETY: H1: the block is not freed yet, and its header still holds its type.
    let vt = unsafe { vtable_of(p) };
    let n = if vt.var {
        // SAFETY: H3: a var-sized object has its var header right after the ObHead.
        unsafe { (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs() }
    } else {
        0
    };
    let layout = vt.block_layout(n).expect("layout was valid at allocation");
    if vt.gc {
        // SAFETY: H2: vt.gc says there is a GC header; C1: it is unlinked here, before
        // the block is freed below.
        gc::on_free(unsafe { gc_head(p) });
    }
    if vt.has_words() {
        // SAFETY: H3: the block, with its words, is not freed until below.
        let (pre, words) = unsafe { (pre_words_of(p), words_of(p)) };
        for w in words.iter().chain(pre) {
            drop(w.take());
        }
        // SAFETY: H3: the block, with its values slot, is not freed until below.
        if let Some(slot) = unsafe { values_slot_of(p) } {
            drop(slot.take());
        }
    }
    // SAFETY: H1/H8: the count is 0 and this is the one free, so the payload is dropped
    // exactly once, here; H4: the entry was made for its payload type.
    unsafe { (vt.drop)(p) };
    // SAFETY: H1: the type pointer is the strong reference taken at allocation, given
    // back here.
    let ty = unsafe { (*p.as_ptr()).ty.get() };
    drop(PyObj(ty));
    // SAFETY: H3: the block starts `block_pre` bytes before the ObHead and was
    // allocated with this layout (its item count is unchanged, H6); P5: given back once.
    unsafe { object_dealloc(p.as_ptr().byte_sub(vt.block_pre()).cast::<u8>(), layout) };
    count_free();
}
