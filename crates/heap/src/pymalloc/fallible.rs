//! Fallible requests: allocations whose caller handles a refusal (a `try_reserve`, a
//! var-sized object's block), which the memory limit therefore refuses instead of
//! serving, and `check_room` for allocations made where no refusal can be handled.
//!
//! The limit (`Pymalloc::set_limit`) is compared with the footprint only where the
//! allocator asks the system for memory (a new arena, a raw block, a growing raw
//! realloc). There, a request that would take the footprint past the limit is:
//!
//! - refused (null, so `try_reserve` returns Err and the caller raises MemoryError)
//!   when the requesting thread is inside `fallible`;
//! - otherwise served, with the thread's `PENDING_MEMORY` bit set: Rust's infallible
//!   allocations (`Vec::push`, `Box::new`) abort on null, so they cannot be refused.
//!   The eval loop, and the interpreter's bulk loops, raise MemoryError at their next
//!   step.
//!
//! The marker is a thread-local flag read only on that slow path, under the limit
//! check (nothing is read when no limit is set), so the fast path pays nothing.

use std::cell::Cell;

/// The thread's requests: served as usual (soft past the limit).
const ORDINARY: u8 = 0;
/// Inside `fallible`: a request past the limit returns null.
const REFUSABLE: u8 = 1;
/// Inside `served`: served as usual even within a `fallible` made further in.
const SERVED: u8 = 2;

thread_local! {
    /// ORDINARY, REFUSABLE or SERVED.
    static MODE: Cell<u8> = const { Cell::new(ORDINARY) };
}

/// Sets the thread's mode for a scope and puts the old one back, even on a panic.
struct Scope(u8);

impl Scope {
    fn enter(mode: u8) -> Scope {
        Scope(MODE.with(|c| {
            let old = c.get();
            if old != SERVED {
                c.set(mode);
            }
            old
        }))
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let _ = MODE.try_with(|c| c.set(self.0));
    }
}

/// Run `f` with this thread's allocations refusable: a request that would take the
/// footprint past the memory limit returns null instead of being served. `f` must
/// make only allocations whose failure it handles (`Vec::try_reserve`,
/// `try_reserve_exact`, a var-sized object's block): an infallible allocation
/// refused inside it aborts the process, as any failed Rust allocation does.
#[inline]
pub fn fallible<R>(f: impl FnOnce() -> R) -> R {
    let _scope = Scope::enter(REFUSABLE);
    f()
}

/// Run `f` with this thread's allocations served past the limit (flagging
/// `PENDING_MEMORY`), `fallible` scopes inside it included: for a caller that cannot
/// handle a refusal of something that is fallible further down (an object the
/// interpreter itself builds and must have).
pub fn served<R>(f: impl FnOnce() -> R) -> R {
    let _scope = Scope::enter(SERVED);
    f()
}

/// Is the current thread inside `fallible` (and not inside `served`)? Read on the
/// slow path only; it does not allocate, so it may run inside the allocator's gate
/// (L2).
#[inline]
pub(crate) fn refusable() -> bool {
    MODE.try_with(|c| c.get() == REFUSABLE).unwrap_or(false)
}

/// Is there room for `bytes` more under the process's memory limit? True when no
/// limit is set (or the process runs without pymalloc). For allocations made where a
/// refusal cannot be handled (inside a library that allocates infallibly): ask
/// first, raise MemoryError on false.
pub fn check_room(bytes: usize) -> bool {
    super::global_heap().is_none_or(|h| h.has_room(bytes))
}
