//! Run-time checked access to mutable payloads: `borrow` / `borrow_mut`, the guards
//! `PRef` / `PMut`, and the borrow state they keep in the object header (H5).

use std::ptr::NonNull;

use super::{payload_ptr, ObHead, Payload, PyObj, BORROW_MASK, BORROW_MUT};

/// Why a payload could not be borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BorrowError {
    /// The object's payload is not of the requested Rust type.
    WrongType,
    /// The payload is borrowed in a conflicting way (e.g. mutated during iteration).
    Busy,
}
impl PyObj {
    /// Borrow a mutable payload for reading.
    pub fn borrow<T: Payload>(&self) -> Result<PRef<'_, T>, BorrowError> {
        if !self.is_a::<T>() {
            return Err(BorrowError::WrongType);
        }
        let flags = &self.head().flags;
        let state = flags.get();
        let count = state & BORROW_MASK;
        if count >= BORROW_MUT - 1 {
            return Err(BorrowError::Busy);
        }
        flags.set(state + 1);
        Ok(PRef {
            obj: self,
            // SAFETY: H5: the borrow state is now shared.
            payload: unsafe { &*payload_ptr::<T>(self.0) },
        })
    }

    /// Borrow a mutable payload for writing.
    pub fn borrow_mut<T: Payload>(&self) -> Result<PMut<'_, T>, BorrowError> {
        const { assert!(T::MUTABLE, "immutable payloads cannot be borrowed mutably") };
        if !self.is_a::<T>() {
            return Err(BorrowError::WrongType);
        }
        let flags = &self.head().flags;
        let state = flags.get();
        if state & BORROW_MASK != 0 {
            return Err(BorrowError::Busy);
        }
        flags.set(state | BORROW_MUT);
        Ok(PMut {
            obj: self,
            // SAFETY: H5: the borrow state is now exclusive.
            payload: unsafe { &mut *payload_ptr::<T>(self.0) },
        })
    }

    /// True while a `PMut` to this object's payload is alive.
    pub(crate) fn is_mut_borrowed(p: NonNull<ObHead>) -> bool {
        // SAFETY: callers pass live objects.
        unsafe { (*p.as_ptr()).flags.get() & BORROW_MASK == BORROW_MUT }
    }
}

/// A shared borrow of a mutable payload.
pub struct PRef<'a, T> {
    obj: &'a PyObj,
    payload: &'a T,
}

impl<T> std::ops::Deref for PRef<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.payload
    }
}

impl<T> Drop for PRef<'_, T> {
    fn drop(&mut self) {
        let f = &self.obj.head().flags;
        f.set(f.get() - 1);
    }
}

/// An exclusive borrow of a mutable payload.
pub struct PMut<'a, T> {
    obj: &'a PyObj,
    payload: &'a mut T,
}

impl<T> std::ops::Deref for PMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.payload
    }
}

impl<T> std::ops::DerefMut for PMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.payload
    }
}

impl<T> Drop for PMut<'_, T> {
    fn drop(&mut self) {
        let f = &self.obj.head().flags;
        f.set(f.get() & !BORROW_MASK);
    }
}
