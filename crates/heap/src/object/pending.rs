//! Work the eval loop must do between instructions: the queue of objects waiting for
//! their finalizer (`__del__`) and the pending bits (`PENDING_FINALIZE`,
//! `PENDING_CLOSE`, `PENDING_TRACE`, `PENDING_COLLECT`) it tests once per instruction.

use std::cell::Cell;

use super::PyObj;

thread_local! {
    /// Objects waiting for their finalizer (`__del__`), each held by one reference.
    static FINALIZE: std::cell::RefCell<Vec<PyObj>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Work the eval loop must do before its next instruction: `PENDING_FINALIZE`,
    /// `PENDING_CLOSE`, `PENDING_TRACE` bits (one cell, so the loop tests one byte per instruction).
    static PENDING: Cell<u8> = const { Cell::new(0) };
}

/// Finalizers are queued (see `take_finalizers`).
pub const PENDING_FINALIZE: u8 = 1;
/// Freed generators wait to be closed (objects/generator.rs).
pub const PENDING_CLOSE: u8 = 2;
/// Traced blocks wait for the Python stack that made them (trace.rs).
pub const PENDING_TRACE: u8 = 4;
/// An automatic collection is due and left to the interpreter, which runs gc.callbacks
/// around it (gc.rs `set_gc_defer`).
pub const PENDING_COLLECT: u8 = 8;

/// An allocation took the heap past its memory limit (pymalloc's `set_limit`): the
/// eval loop raises MemoryError.
pub const PENDING_MEMORY: u8 = 16;

/// The heap grew past the footprint the memory report watches (pymalloc's
/// `set_watch`): the eval loop takes a sample.
pub const PENDING_SAMPLE: u8 = 32;

/// Is any pending work flagged (finalizers or generator closes)?
#[inline]
pub fn work_pending() -> bool {
    PENDING.with(|f| f.get()) != 0
}

/// Set or clear one bit of the pending work.
#[inline]
pub fn set_pending(bit: u8, on: bool) {
    let _ = PENDING.try_with(|f| {
        let v = f.get();
        f.set(if on { v | bit } else { v & !bit });
    });
}

/// Is the pending-work bit `bit` set?
#[inline]
pub fn pending(bit: u8) -> bool {
    PENDING.with(|f| f.get()) & bit != 0
}

pub(crate) fn defer_finalizer(o: PyObj) {
    FINALIZE.with(|q| q.borrow_mut().push(o));
    set_pending(PENDING_FINALIZE, true);
}

/// Are finalizers waiting to be run (by `take_finalizers`)?
#[inline]
pub fn finalizers_pending() -> bool {
    pending(PENDING_FINALIZE)
}

/// The objects whose finalizers are due, oldest first. The caller runs each one's
/// `__del__` and drops the handle, which frees the object unless it was resurrected.
pub fn take_finalizers() -> Vec<PyObj> {
    set_pending(PENDING_FINALIZE, false);
    FINALIZE.with(|q| std::mem::take(&mut *q.borrow_mut()))
}

/// Queue an object resurrected by dealloc for its finalizer. At thread exit the queue
/// is gone: the handle is then dropped here, which frees the object (already marked
/// finalized).
pub(super) fn queue_finalizer(o: PyObj) {
    let _ = FINALIZE.try_with(|q| q.borrow_mut().push(o));
    set_pending(PENDING_FINALIZE, true);
}
