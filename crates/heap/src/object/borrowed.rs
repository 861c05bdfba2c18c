//! `Borrowed`: a reference to an object that holds no count (CPython's type cache keeps
//! such borrowed pointers), checked before each use: it answers only while no object
//! it could name has died since it was made (H10).
//!
//! Making one marks the object `CACHED`; `dealloc` moves the thread's `DEATHS` counter
//! on when an object carrying `CACHED` reaches count 0, before anything else of it
//! goes. A `Borrowed` remembers the counter: while it is unchanged, its object has not
//! died, so it is alive (and its block is its own). The mark is never cleared; a
//! counter move makes every `Borrowed` of the thread answer None (its user looks again).

use std::cell::Cell;
use std::ptr::NonNull;

use super::{ObHead, PyObj, CACHED};

thread_local! {
    /// Deaths of `CACHED` objects on this thread (H10).
    static DEATHS: Cell<u64> = const { Cell::new(0) };
}

/// An object named without a reference (H10). Neither Send nor Sync (H7).
#[derive(Clone, Copy)]
pub struct Borrowed {
    p: NonNull<ObHead>,
    deaths: u64,
}

impl Borrowed {
    /// Name `o` without holding a count (marks it `CACHED`).
    pub fn new(o: &PyObj) -> Borrowed {
        let f = &o.head().flags;
        f.set(f.get() | CACHED);
        Borrowed {
            p: o.as_nonnull(),
            deaths: DEATHS.with(Cell::get),
        }
    }

    /// A new handle to the object, if no `CACHED` object died since `new` (else None).
    #[inline]
    pub fn get(&self) -> Option<PyObj> {
        if DEATHS.with(Cell::get) != self.deaths {
            return None;
        }
        // SAFETY: H10: the object carried CACHED from `new` on and the counter has not
        // moved, so it has not reached count 0: it is alive (H1) and its header can be
        // read; the increment below accounts for the handle made (H1).
        let rc = unsafe { &self.p.as_ref().refcnt };
        rc.set(rc.get().saturating_add(1));
        Some(PyObj(self.p))
    }

    /// The object's address (its `id()`).
    #[inline]
    pub fn id(&self) -> usize {
        self.p.as_ptr().addr()
    }
}

/// A `Borrowed` or none, stored so that all-zero bytes are none: a table of them (the
/// type attribute cache) can be had from zeroed memory, whose pages the kernel maps
/// only when an entry is written, instead of having every entry written at creation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BorrowedSlot {
    p: Option<NonNull<ObHead>>,
    deaths: u64,
}

// SAFETY: H10: all-zero bytes are a valid BorrowedSlot, the empty one, which names no
// object: `p` is None (`Option<NonNull<_>>` has null as None, a guaranteed layout) and
// `deaths` any u64; a slot only ever holds a `Borrowed` made by `Borrowed::new`.
unsafe impl bytemuck::Zeroable for BorrowedSlot {}

impl BorrowedSlot {
    /// A slot holding `b`.
    #[inline]
    pub fn new(b: Option<Borrowed>) -> BorrowedSlot {
        match b {
            Some(b) => BorrowedSlot {
                p: Some(b.p),
                deaths: b.deaths,
            },
            None => BorrowedSlot::default(),
        }
    }

    /// The `Borrowed` held, if any.
    #[inline]
    pub fn get(&self) -> Option<Borrowed> {
        Some(Borrowed {
            p: self.p?,
            deaths: self.deaths,
        })
    }
}

/// An object carrying `CACHED` reached count 0 (called by `dealloc` first thing).
#[cold]
pub(super) fn cached_object_died() {
    let _ = DEATHS.try_with(|d| d.set(d.get() + 1));
}
