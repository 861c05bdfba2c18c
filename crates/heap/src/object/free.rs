//! The free path: the per-thread free state, the non-recursive dealloc trampoline
//! (H8) and `free_object`, which drops an object's words, payload and type reference
//! and returns its block.

use std::cell::Cell;
use std::ptr::NonNull;

use super::pending::queue_finalizer;
use super::{gc_head, pre_words_of, vtable_of, words_of, ObHead, PyObj, VarBlock};
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

/// PEP 442 from dealloc: an object with a finalizer that has not run yet is resurrected
/// (count 1, owned by the queue) instead of freed. True if it was.
fn resurrect_for_finalizer(p: NonNull<ObHead>) -> bool {
    let vt = vtable_of(p);
    if !vt.finalize {
        return false;
    }
    // SAFETY: derived vtables with `finalize` are containers (H2).
    if !unsafe { gc::mark_finalized(gc_head(p)) } {
        return false;
    }
    // SAFETY: H1: the object is alive (its block is not freed); the new handle is
    // the one reference the count now records.
    unsafe { (*p.as_ptr()).refcnt.set(1) };
    queue_finalizer(PyObj(p));
    true
}

/// Free an object whose count reached 0, and everything that dies with it, without
/// recursing on the Rust stack (CPython's trashcan, done always).
pub(super) fn dealloc(p: NonNull<ObHead>) {
    if resurrect_for_finalizer(p) {
        return;
    }
    let reentrant = FREE.try_with(|f| {
        if f.freeing.get() {
            // A container waiting here must not be seen by a collection (count 0).
            if vtable_of(p).gc {
                // SAFETY: the vtable says it has a GC header (H2).
                unsafe { gc::untrack(gc_head(p)) };
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
                // SAFETY: H8: `o`'s count reached 0 and no other free is running.
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
        // SAFETY: as above; late frees at thread exit are rare and shallow.
        Err(_) => unsafe { free_object(p) },
    }
}

/// # Safety
/// `p`'s count is 0 and nothing refers to it any more (H1).
unsafe fn free_object(p: NonNull<ObHead>) {
    let vt = vtable_of(p);
    // SAFETY: H3: the var header is valid for var-sized objects.
    let n = if vt.var {
        unsafe { (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs() }
    } else {
        0
    };
    let layout = vt.block_layout(n).expect("layout was valid at allocation");
    if vt.gc {
        // SAFETY: vt.gc says there is a GC header (H2).
        unsafe { gc::on_free(gc_head(p)) };
    }
    if vt.has_words() {
        // SAFETY: the object is live until its block is freed below.
        let (pre, words) = unsafe { (pre_words_of(p), words_of(p)) };
        for w in words.iter().chain(pre) {
            drop(w.take());
        }
    }
    // SAFETY: H1: the count is 0, so the payload is dropped exactly once, here.
    unsafe { (vt.drop)(p) };
    // SAFETY: the type pointer is a strong reference taken at allocation (H1).
    let ty = unsafe { (*p.as_ptr()).ty.get() };
    drop(PyObj(ty));
    // SAFETY: H3: the block was allocated with this layout at this address.
    unsafe { object_dealloc(p.as_ptr().byte_sub(vt.block_pre()).cast::<u8>(), layout) };
    count_free();
}
