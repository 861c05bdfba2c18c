//! Run-time checked access to mutable payloads: `borrow` / `borrow_mut`, the guards
//! `PRef` / `PMut`, and the borrow state they keep in the object header (H5).

use std::cell::Cell;

use super::{is_mut_borrowed, payload_ptr, ExactType, Payload, PyObj, BORROW_MASK, BORROW_MUT};

/// Why a payload could not be borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BorrowError {
    /// The object's payload is not of the requested Rust type.
    WrongType,
    /// The payload is borrowed in a conflicting way (e.g. mutated during iteration).
    Busy,
}

/// One shared borrow state of a header's flags (H5), given back on drop: what a
/// `PRef` holds, and what the heap holds while a payload callback reads a mutable
/// payload through a shared reference (traverse, can_untrack, extra_size).
pub(super) struct SharedBorrow<'a>(&'a Cell<u32>);

impl<'a> SharedBorrow<'a> {
    /// Take a shared borrow state, unless the payload is exclusively borrowed or the
    /// count of shared borrows is full.
    #[inline]
    pub(super) fn take(flags: &'a Cell<u32>) -> Option<SharedBorrow<'a>> {
        let state = flags.get();
        if state & BORROW_MASK >= BORROW_MUT - 1 {
            return None;
        }
        flags.set(state + 1);
        Some(SharedBorrow(flags))
    }
}

impl Drop for SharedBorrow<'_> {
    #[inline]
    fn drop(&mut self) {
        self.0.set(self.0.get() - 1);
    }
}

impl PyObj {
    /// Borrow a mutable payload for reading.
    pub fn borrow<T: Payload>(&self) -> Result<PRef<'_, T>, BorrowError> {
        if !self.is_a::<T>() {
            return Err(BorrowError::WrongType);
        }
        let shared = SharedBorrow::take(&self.head().flags).ok_or(BorrowError::Busy)?;
        Ok(PRef {
            _shared: shared,
            // SAFETY: H4: the payload is a `T` (checked just now); H5: the borrow state
            // is now shared, for as long as the PRef lives; H1: the handle it borrows
            // keeps the object alive meanwhile.
            payload: unsafe { &*payload_ptr::<T>(self.0) },
        })
    }

    /// Borrow a mutable payload for reading if the object's type is exactly `ty`: one
    /// compare of the type pointer where `borrow` compares the payload's TypeId. None
    /// for any other type (subclasses included) or while the payload is busy.
    #[inline]
    pub fn borrow_exact<T: Payload>(&self, ty: &ExactType<T>) -> Option<PRef<'_, T>> {
        if !self.is_type(ty.type_ref()) {
            return None;
        }
        let shared = SharedBorrow::take(&self.head().flags)?;
        Some(PRef {
            _shared: shared,
            // SAFETY: H4: the object's type is `ty`, whose instance vtable names `T`
            // (ExactType::new checked it; a type's instance vtable is never replaced);
            // H5: the borrow state is now shared, for as long as the PRef lives; H1: the
            // handle it borrows keeps the object alive meanwhile.
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
            // SAFETY: H4: the payload is a `T` (checked just now); H5: the borrow state
            // is now exclusive, for as long as the PMut lives; H1: the handle it
            // borrows keeps the object alive meanwhile.
            payload: unsafe { &mut *payload_ptr::<T>(self.0) },
        })
    }

    /// True while a `PMut` to this object's payload is alive.
    #[inline]
    pub(super) fn mut_borrowed(&self) -> bool {
        // SAFETY: H1: the handle keeps its object alive.
        unsafe { is_mut_borrowed(self.0) }
    }
}

/// A shared borrow of a mutable payload.
pub struct PRef<'a, T> {
    _shared: SharedBorrow<'a>,
    payload: &'a T,
}

impl<T> std::ops::Deref for PRef<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.payload
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
