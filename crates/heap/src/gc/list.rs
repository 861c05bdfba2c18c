//! The generation lists: `GcHead` (CPython's PyGC_Head), `GcPtr` (a pointer to a live
//! one, C1) and the circular doubly-linked list primitives the collector runs on, with
//! the flag bits and the collection's scratch refcount packed into the links (C2, C3).

use std::cell::Cell;
use std::ptr::{self, NonNull};

/// CPython's PyGC_Head: links for the generation lists, and during a collection the
/// scratch copy of the refcount (`gc_refs`) in the upper bits of `prev`.
#[repr(C)]
pub(crate) struct GcHead {
    /// Next header in its list; null when untracked. While in move_unreachable's output
    /// the low bit is NEXT_MASK_UNREACHABLE (C3).
    next: Cell<*mut GcHead>,
    /// Previous header in its list, with flag bits 0 (FINALIZED) and 1 (COLLECTING);
    /// gc_refs instead of the pointer while COLLECTING (C3).
    prev: Cell<*mut GcHead>,
}

impl GcHead {
    /// The header of a new container: untracked, not finalized.
    pub(crate) const fn untracked() -> GcHead {
        GcHead {
            next: Cell::new(ptr::null_mut()),
            prev: Cell::new(ptr::null_mut()),
        }
    }
}

const PREV_MASK_FINALIZED: usize = 1;
const PREV_MASK_COLLECTING: usize = 2;
const PREV_SHIFT: usize = 2;
const PREV_FLAGS: usize = PREV_MASK_FINALIZED | PREV_MASK_COLLECTING;
const NEXT_MASK_UNREACHABLE: usize = 1;

/// A pointer to a live GC header (C1): a container's, or the head of a list.
///
/// The link-following methods (`next`, `prev`) and the link writers are private to the
/// collector (`gc` and its files): they rely on C2 and C3, which only its own code
/// keeps. Outside it a `GcPtr` can only be tracked, untracked and asked about.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct GcPtr(NonNull<GcHead>);

impl GcPtr {
    /// # Safety
    /// `p` points at a live GC header: a container's, right in front of its `ObHead`
    /// (H2, H3), or a list head made by `new_head`. It stays live for as long as the
    /// returned value or a copy of it is used (C1).
    #[inline]
    pub(crate) unsafe fn new(p: NonNull<GcHead>) -> GcPtr {
        GcPtr(p)
    }

    /// The header's address.
    #[inline]
    pub(crate) fn as_nonnull(self) -> NonNull<GcHead> {
        self.0
    }

    #[inline]
    fn head(&self) -> &GcHead {
        // SAFETY: C1: a GcPtr points at a live header; its fields are Cells, so a
        // shared reference to it is always allowed.
        unsafe { self.0.as_ref() }
    }

    /// A GcPtr from a link read out of a live header.
    ///
    /// # Safety
    /// `p` was read from a link that C2 makes a pointer to a live header of the same
    /// list (non-null, mask bits removed), and C3 does not make a number.
    #[inline]
    unsafe fn from_link(p: *mut GcHead) -> GcPtr {
        debug_assert!(!p.is_null() && p.is_aligned());
        // SAFETY: forwarded from the caller (C2, C3).
        unsafe { GcPtr::new(NonNull::new_unchecked(p)) }
    }

    /// Is the header in a list (`next` non-null, H2)?
    #[inline]
    pub(crate) fn is_tracked(self) -> bool {
        !self.head().next.get().is_null()
    }

    /// The next header of its list.
    #[inline]
    pub(super) fn next(self) -> GcPtr {
        let n = self.head().next.get();
        debug_assert!(n.addr() & NEXT_MASK_UNREACHABLE == 0);
        // SAFETY: C2: the collector calls this on headers in a list only, and C3: never
        // on move_unreachable's output before its mask bits are cleared.
        unsafe { GcPtr::from_link(n) }
    }

    /// The next header of a member of move_unreachable's output with its mask bit
    /// removed, and whether the bit was set (C3).
    #[inline]
    pub(super) fn next_unmasked(self) -> (GcPtr, bool) {
        let n = self.head().next.get();
        let masked = n.addr() & NEXT_MASK_UNREACHABLE != 0;
        // SAFETY: C2/C3: a linked header's next is a live header, with at most the
        // mask bit set, which is removed here.
        let g = unsafe { GcPtr::from_link(n.map_addr(|a| a & !NEXT_MASK_UNREACHABLE)) };
        (g, masked)
    }

    #[inline]
    pub(super) fn set_next(self, n: GcPtr) {
        self.head().next.set(n.0.as_ptr());
    }

    /// Link to `n` with the NEXT_MASK_UNREACHABLE bit set (move_unreachable, C3).
    #[inline]
    pub(super) fn set_next_unreachable(self, n: GcPtr) {
        let p = n.0.as_ptr().map_addr(|a| a | NEXT_MASK_UNREACHABLE);
        self.head().next.set(p);
    }

    #[inline]
    fn prev_raw(self) -> *mut GcHead {
        self.head().prev.get()
    }

    /// The previous header of its list (flag bits removed).
    #[inline]
    pub(super) fn prev(self) -> GcPtr {
        let p = self.prev_raw().map_addr(|a| a & !PREV_FLAGS);
        // SAFETY: C2: the collector calls this on headers in a list only, and C3: never
        // while prev holds gc_refs.
        unsafe { GcPtr::from_link(p) }
    }

    /// Set the previous header, keeping the flag bits.
    #[inline]
    pub(super) fn set_prev(self, p: GcPtr) {
        let flags = self.prev_raw().addr() & PREV_FLAGS;
        self.head().prev.set(p.0.as_ptr().map_addr(|a| a | flags));
    }

    /// Set the previous header of a list head, which carries no flags.
    #[inline]
    pub(super) fn set_prev_bare(self, p: GcPtr) {
        self.head().prev.set(p.0.as_ptr());
    }

    /// Unlinked: next null, prev holding only the FINALIZED flag (C2).
    #[inline]
    fn clear_links(self) {
        let keep = self.prev_raw().addr() & PREV_MASK_FINALIZED;
        self.head().next.set(ptr::null_mut());
        self.head().prev.set(ptr::without_provenance_mut(keep));
    }

    /// gc_refs, the collection's scratch refcount (C3).
    #[inline]
    pub(super) fn gc_refs(self) -> usize {
        self.prev_raw().addr() >> PREV_SHIFT
    }

    /// Set gc_refs, keeping the flags; prev holds a number from now on (C3).
    #[inline]
    pub(super) fn set_refs(self, refs: usize) {
        let flags = self.prev_raw().addr() & PREV_FLAGS;
        let v = flags | (refs << PREV_SHIFT);
        self.head().prev.set(ptr::without_provenance_mut(v));
    }

    /// update_refs: COLLECTING set, gc_refs = `refs`, FINALIZED kept (C3).
    #[inline]
    pub(super) fn reset_refs(self, refs: usize) {
        let finalized = self.prev_raw().addr() & PREV_MASK_FINALIZED;
        let v = finalized | PREV_MASK_COLLECTING | (refs << PREV_SHIFT);
        self.head().prev.set(ptr::without_provenance_mut(v));
    }

    #[inline]
    pub(super) fn is_collecting(self) -> bool {
        self.prev_raw().addr() & PREV_MASK_COLLECTING != 0
    }

    #[inline]
    pub(super) fn clear_collecting(self) {
        let p = self.prev_raw().map_addr(|a| a & !PREV_MASK_COLLECTING);
        self.head().prev.set(p);
    }

    #[inline]
    pub(crate) fn is_finalized(self) -> bool {
        self.prev_raw().addr() & PREV_MASK_FINALIZED != 0
    }

    #[inline]
    pub(super) fn set_finalized(self) {
        let p = self.prev_raw().map_addr(|a| a | PREV_MASK_FINALIZED);
        self.head().prev.set(p);
    }
}

// ----- list primitives ---------------------------------------------------------------

/// A new empty list head. The generation heads are leaked per thread, so no header
/// ever points at freed thread-local storage; a collection's own heads are freed by
/// `free_head` once empty (C1).
pub(super) fn new_head() -> GcPtr {
    let h = Box::into_raw(Box::new(GcHead::untracked()));
    // SAFETY: C1: a fresh allocation holding a header, live until free_head.
    let h = unsafe { GcPtr::new(NonNull::new_unchecked(h)) };
    list_init(h);
    h
}

/// Free a head made by `new_head`.
///
/// # Safety
/// `h` came from `new_head`, its list is empty, and neither it nor a copy is used
/// afterwards (C1).
pub(super) unsafe fn free_head(h: GcPtr) {
    debug_assert!(list_is_empty(h));
    // SAFETY: C1: allocated by new_head with Box, freed once, here.
    drop(unsafe { Box::from_raw(h.0.as_ptr()) });
}

pub(super) fn list_init(l: GcPtr) {
    l.set_next(l);
    l.set_prev_bare(l);
}

pub(super) fn list_is_empty(l: GcPtr) -> bool {
    l.next() == l
}

pub(super) fn list_append(node: GcPtr, list: GcPtr) {
    let last = list.prev();
    node.set_prev(last);
    last.set_next(node);
    node.set_next(list);
    list.set_prev_bare(node);
}

/// Unlink `node` from its list: untracked, keeping only its FINALIZED flag.
pub(super) fn list_remove(node: GcPtr) {
    let p = node.prev();
    let n = node.next();
    p.set_next(n);
    n.set_prev(p);
    node.clear_links();
}

pub(super) fn list_move(node: GcPtr, list: GcPtr) {
    let p = node.prev();
    let n = node.next();
    p.set_next(n);
    n.set_prev(p);
    list_append(node, list);
}

pub(super) fn list_merge(from: GcPtr, to: GcPtr) {
    if !list_is_empty(from) {
        let to_tail = to.prev();
        let from_head = from.next();
        let from_tail = from.prev();
        to_tail.set_next(from_head);
        from_head.set_prev(to_tail);
        from_tail.set_next(to);
        to.set_prev(from_tail);
    }
    list_init(from);
}

pub(super) fn list_size(l: GcPtr) -> usize {
    let mut n = 0;
    let mut g = l.next();
    while g != l {
        n += 1;
        g = g.next();
    }
    n
}
