//! The key model of the set table: identity, precomputed hashes and a fallible equality
//! callback. (The dict table, dicttable.rs, calls `__eq__` itself with no borrow held
//! and restarts when the dict changed, as CPython does: see dict.rs.)
//!
//! The set table takes the key's Python hash (never -1) from the caller and compares keys
//! with hash equality, then identity (`is_same`), then the caller's `__eq__` callback, as
//! CPython's lookups do. An error from the callback propagates out of the operation.
//!
//! Re-entrancy (what the object layer must do): CPython re-checks its table after each
//! `__eq__` call because Python code may mutate or free the container meanwhile. Here the
//! callback runs while the caller holds a Rust borrow of the table, so the callback
//! cannot reach it: memory safety is guaranteed by the borrow checker, and the table never
//! needs to restart a probe. The object layer therefore:
//! - passes a callback that runs no Python code while it holds the borrow (exact str,
//!   int, float, tuple-of-atoms keys compare without user code), or
//! - for keys whose `__eq__` is user code, first collects the stored keys with an equal
//!   hash (`for_each_candidate`, cloning = incref), releases the borrow, runs `__eq__` on
//!   them, re-borrows, and checks that the table is unchanged (`SetTable::mask`/slot
//!   key); if it changed it restarts, as CPython's lookups do; if not, it repeats the
//!   operation with a callback answering from the results it already has.
//! - for operations over several sources (set algebra, set methods, set(iterable)),
//!   prepares the answers for every cross-source pair of equal-hash keys that needs the
//!   VM before borrowing (set_eq.rs `KeyEq`), and passes a callback answering from them.
//! - drops keys that the table hands back (removed keys, cleared contents) only after
//!   releasing the borrow, since a decref can run a finaliser.

use crate::error::PyResult;

/// A key stored in a set table. `Clone` is an incref for object handles.
pub trait TableKey: Clone {
    /// Identity: `self is other`. Checked before `__eq__`, as CPython does.
    fn is_same(&self, other: &Self) -> bool;
}

/// The `__eq__` callback: `eq(stored_key, probe_key)`. May raise.
pub type EqFn<'a, K> = dyn FnMut(&K, &K) -> PyResult<bool> + 'a;

impl TableKey for crate::heap::PyObj {
    fn is_same(&self, other: &Self) -> bool {
        self.is(other)
    }
}
