//! Type free lists, as CPython 3.11 keeps them for floats (100), tuples (2000 per
//! length 1..=20), lists (80) and dicts (80): a freed object of such a type is parked
//! on its type's list instead of going back to pymalloc, and the next object of that
//! type (and item count) takes the block back, last in first out. So `id()` of a freed
//! float comes back for the next float, not for an int of the same size class.
//!
//! A parked block is still a pymalloc block in use (sys.getallocatedblocks counts it,
//! tracemalloc still traces it: neither parking nor taking back goes through the
//! allocator) but no object: `live_objects` does not count it, the collector does not
//! see it (its GC header is unlinked), and gen 0's count is untouched by parking and
//! by taking back (CPython counts neither). A full collection empties every list
//! (`clear_free_lists`, CPython's clear_freelists).
//!
//! The lists of one type live in a `FreeLists` box owned by the type object (`FreeSlot`,
//! a field of `TypeObject`), registered in a per-thread registry while it lives so that
//! a collection and the statistics can find it. Only types made with
//! `TypeRef::new_with_free_lists` have one; instances of classes (derived vtables) and
//! objects that had weak references or a finalizer are never parked.

use std::cell::{Cell, RefCell};
use std::ptr::{self, NonNull};

use super::{ObHead, Vtable};
use crate::pymalloc::object_dealloc;

/// One list: the parked blocks of one item count, linked through the first word of
/// their `ObHead` (F1).
struct FreeList {
    /// The `ObHead` address of the most recently parked block; null when empty.
    head: Cell<*mut ObHead>,
    len: Cell<u32>,
}

/// The free lists of one type: one per item count (F1). The list of a fixed-size
/// payload, the limit and what picks a var-sized payload's list sit at the start of
/// the box, so that a float's park and take (one list) read the box itself and
/// nothing it points to, and a tuple's read it and its one list.
#[repr(C)]
pub(crate) struct FreeLists {
    /// The one list of a fixed-size payload (empty for a var-sized one).
    first: FreeList,
    /// `vt.free_max`, kept here for the same reason.
    free_max: u32,
    /// `vt.free_take_items` of a var-sized payload (0 for a fixed-size one).
    take_items: u32,
    /// `vt.var`.
    var: bool,
    vt: &'static Vtable,
    /// The lists for 1.. items of a var-sized payload, list `i` for `i + 1` items
    /// (empty for a fixed-size one).
    rest: Box<[FreeList]>,
}

thread_local! {
    /// Every live `FreeLists` of this thread, in the order their types were made (F2).
    static REGISTRY: RefCell<Vec<NonNull<FreeLists>>> = const { RefCell::new(Vec::new()) };
}

/// The free lists a type object owns, if any (a field of `TypeObject`).
pub(crate) struct FreeSlot(Option<NonNull<FreeLists>>);

impl FreeSlot {
    pub(crate) const NONE: FreeSlot = FreeSlot(None);

    /// Free lists for the instances of `vt`, as its payload asks (none if it asks for
    /// none); registered for this thread (F2).
    pub(crate) fn for_vtable(vt: &'static Vtable) -> FreeSlot {
        if vt.free_max == 0 || vt.free_lists == 0 {
            return FreeSlot::NONE;
        }
        let empty = || FreeList {
            head: Cell::new(ptr::null_mut()),
            len: Cell::new(0),
        };
        let rest = if vt.var { vt.free_lists } else { 0 };
        let fl = NonNull::from(Box::leak(Box::new(FreeLists {
            first: empty(),
            free_max: vt.free_max,
            take_items: if vt.var { vt.free_take_items } else { 0 },
            var: vt.var,
            vt,
            rest: (0..rest).map(|_| empty()).collect(),
        })));
        REGISTRY.with(|r| r.borrow_mut().push(fl));
        FreeSlot(Some(fl))
    }

    /// The lists, while the slot (and so its type object) lives.
    pub(crate) fn get(&self) -> Option<&FreeLists> {
        // SAFETY: F2: the box lives until this slot is dropped, and is only reached
        // through shared references (its state is in Cells).
        self.0.map(|p| unsafe { &*p.as_ptr() })
    }
}

impl Drop for FreeSlot {
    fn drop(&mut self) {
        let Some(p) = self.0.take() else { return };
        let _ = REGISTRY.try_with(|r| r.borrow_mut().retain(|q| *q != p));
        // SAFETY: F2: the box was leaked by `for_vtable` for this slot alone and is
        // unregistered now, so this is its one owner; it is dropped once, here.
        let fl = unsafe { Box::from_raw(p.as_ptr()) };
        fl.clear();
    }
}

impl FreeLists {
    /// The list for objects of `n` items (0 for a fixed-size payload), if kept.
    #[inline(always)]
    fn list(&self, n: usize) -> Option<&FreeList> {
        if self.var {
            // n = 0 wraps around to a missing list.
            self.rest.get(n.wrapping_sub(1))
        } else {
            Some(&self.first)
        }
    }

    /// Every list: a fixed-size payload's one, or a var-sized payload's for 1, 2, ...
    /// items.
    fn lists(&self) -> impl Iterator<Item = &FreeList> {
        let first = (!self.var).then_some(&self.first);
        first.into_iter().chain(self.rest.iter())
    }

    /// Take back a parked block for an object of `n` items: the block's start
    /// (its layout is `vt.block_layout(n)`), or null when the list is empty.
    #[inline(always)]
    pub(crate) fn take(&self, n: usize) -> *mut u8 {
        let head = self.take_head(n);
        if head.is_null() {
            return head.cast();
        }
        // SAFETY: H3: the block starts `block_pre` bytes before its ObHead.
        unsafe { head.byte_sub(self.vt.block_pre()).cast() }
    }

    /// `take`, answering the parked block's ObHead (where its object will start).
    #[inline(always)]
    pub(crate) fn take_head(&self, n: usize) -> *mut ObHead {
        let list = if self.var {
            // Items 1..=take_items (n = 0 wraps around past it).
            if n.wrapping_sub(1) >= self.take_items as usize {
                return ptr::null_mut();
            }
            match self.rest.get(n - 1) {
                Some(l) => l,
                None => return ptr::null_mut(),
            }
        } else {
            &self.first
        };
        Self::pop_head(list)
    }

    /// The block on top of `list` (its start), or null.
    #[inline(always)]
    fn pop(&self, list: &FreeList) -> *mut u8 {
        let head = Self::pop_head(list);
        if head.is_null() {
            return head.cast();
        }
        // SAFETY: H3: the block starts `block_pre` bytes before its ObHead.
        unsafe { head.byte_sub(self.vt.block_pre()).cast() }
    }

    /// The ObHead of the block on top of `list`, taken off it; null when empty.
    #[inline(always)]
    fn pop_head(list: &FreeList) -> *mut ObHead {
        let head = list.head.get();
        if head.is_null() {
            return head;
        }
        // SAFETY: F1: `head` is a parked block of this list's layout; its first word
        // holds the next parked block (or null), written by `park`.
        let next = unsafe { head.cast::<*mut ObHead>().read() };
        list.head.set(next);
        list.len.set(list.len.get() - 1);
        head
    }

    /// The one list of a fixed-size payload.
    #[inline(always)]
    fn only(&self) -> &FreeList {
        debug_assert!(!self.var && self.rest.is_empty());
        &self.first
    }

    /// Take back a parked block of a type whose vtable `parks` (a float): the block,
    /// which starts at its ObHead (H3: a simple object has nothing in front of it),
    /// or null when the list is empty.
    #[inline(always)]
    pub(crate) fn take_parked(&self) -> *mut ObHead {
        debug_assert!(self.vt.parks);
        Self::pop_head(self.only())
    }

    /// `park` for a type whose vtable `parks` (a float): its one list, no item count.
    ///
    /// # Safety
    /// As `park`'s, with `n` = 0.
    #[inline(always)]
    pub(crate) unsafe fn park_parked(&self, p: NonNull<ObHead>) -> bool {
        debug_assert!(self.vt.parks);
        // SAFETY: F1, forwarded from the caller; the one list is the one for 0 items.
        unsafe { self.push(self.only(), p) }
    }

    /// Park the block of a dead object of `n` items whose contents were dropped and
    /// whose type reference is no longer needed; false if its list is full or absent
    /// (the caller frees it).
    ///
    /// # Safety
    /// `p` heads the block of an object of this type (its layout: `vt.block_layout(n)`,
    /// H3), whose payload, items and words were dropped and which nothing refers to
    /// any more; the block is not used by the caller after a true return.
    #[inline(always)]
    pub(crate) unsafe fn park(&self, p: NonNull<ObHead>, n: usize) -> bool {
        let Some(list) = self.list(n) else {
            return false;
        };
        // SAFETY: F1, forwarded from the caller; `list` is the one for `n` items.
        unsafe { self.push(list, p) }
    }

    /// Put the dead block `p` on `list` if it has room (else false).
    ///
    /// # Safety
    /// As `park`'s; `list` is this type's list for `p`'s item count.
    #[inline(always)]
    unsafe fn push(&self, list: &FreeList, p: NonNull<ObHead>) -> bool {
        let len = list.len.get();
        if len >= self.free_max {
            return false;
        }
        // SAFETY: F1: the block is dead (caller) and at least an ObHead long, 8-aligned;
        // its first word becomes the link to the previous head.
        unsafe { p.as_ptr().cast::<*mut ObHead>().write(list.head.get()) };
        list.head.set(p.as_ptr());
        list.len.set(len + 1);
        true
    }

    /// Give every parked block back to pymalloc.
    fn clear(&self) {
        for (i, list) in self.lists().enumerate() {
            let n = if self.vt.var { i + 1 } else { 0 };
            let layout = self
                .vt
                .block_layout(n)
                .expect("a parked block had this layout");
            loop {
                let block = self.pop(list);
                if block.is_null() {
                    break;
                }
                // SAFETY: F1/P5: a parked block was allocated by pymalloc with this
                // layout and is no object; it leaves the list above and is freed once.
                unsafe { object_dealloc(block, layout) };
            }
            debug_assert_eq!(list.len.get(), 0);
        }
    }
}

/// Empty every free list of this thread that collections empty (all but those whose
/// payload says `FREE_LIST_GC_CLEARS = false`: the slice cache), giving the blocks back
/// to pymalloc: what a collection of the oldest generation does, as CPython 3.11's
/// clear_freelists.
pub fn clear_free_lists() {
    let all: Vec<NonNull<FreeLists>> = match REGISTRY.try_with(|r| r.borrow().clone()) {
        Ok(v) => v,
        Err(_) => return,
    };
    for p in all {
        // SAFETY: F2: a registered box lives until its slot drops, and freeing parked
        // blocks drops no object, so no slot can drop during this loop.
        let fl = unsafe { p.as_ref() };
        if fl.vt.free_gc_clears {
            fl.clear();
        }
    }
    crate::table::clear_table_free_list();
}

/// What one free list holds: for `sys._debugmallocstats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FreeListStat {
    /// The payload's type name (`Payload::NAME`).
    pub type_name: &'static str,
    /// Item count of the objects on this list (var-sized payloads), else None.
    pub items: Option<usize>,
    /// Blocks parked now.
    pub count: usize,
    /// Bytes of each object from its header on (CPython's basicsize + n * itemsize:
    /// the GC header and pre words not included).
    pub object_size: usize,
}

/// The free lists of this thread, in the order their types were made.
pub fn free_list_stats() -> Vec<FreeListStat> {
    let all: Vec<NonNull<FreeLists>> = REGISTRY
        .try_with(|r| r.borrow().clone())
        .unwrap_or_default();
    let mut out = Vec::new();
    for p in all {
        // SAFETY: F2: a registered box lives until its slot drops.
        let fl = unsafe { p.as_ref() };
        for (i, list) in fl.lists().enumerate() {
            let n = if fl.vt.var { i + 1 } else { 0 };
            let block = fl.vt.block_size(n).unwrap_or(0);
            out.push(FreeListStat {
                type_name: fl.vt.name,
                items: fl.vt.var.then_some(n),
                count: list.len.get() as usize,
                object_size: block - fl.vt.block_pre(),
            });
        }
    }
    out
}
