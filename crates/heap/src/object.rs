//! The object layer's root: the headers every object block holds (`ObHead`, and the
//! `GcHead` of containers, from gc/list.rs), the block layout, and the raw pointer
//! helpers the files under object/ share (vtable of an object, its GC header, its
//! refcount and borrow state).
//!
//! Block layout (addresses grow to the right; `id()` is the address of `ObHead`):
//!
//! ```text
//!   fixed-size:  [pre words]? [GcHead 16]? [ObHead 16][payload T][words]?
//!   var-sized:   [pre words]? [GcHead 16]? [ObHead 16][ob_size 8][payload T][item 0]..[item n-1]
//! ```
//!
//! Words are object slots (`Cell<Option<PyObj>>`, 8 bytes each) that a derived vtable
//! adds around a payload, as CPython's heap types add them to their base's layout:
//! `__slots__` values and the `__weakref__` slot after the payload (fixed-size payloads
//! only), and the managed `__dict__` pre-header (2 words) in front of the GC header:
//! a word for the `__dict__`, then a `table::ValuesSlot` for the instance's values
//! kept apart from any dict (CPython 3.11's values pointer).
//!
//! `ObHead` is CPython's PyObject: a reference count and the type. CPython's count is
//! a Py_ssize_t; ours is a u32 plus a u32 of flags (the borrow state of the payload and
//! a few object bits), so the header stays 16 bytes. A count cannot overflow in
//! practice (each reference is a stored 8-byte pointer), and saturates to immortal.
//!
//! Files: `vtable.rs` (the `Payload` trait, `Vtable`), `entries.rs` (where a payload
//! lies, the vtable entries, words), `alloc.rs` (new objects), `handle.rs` (`PyObj`),
//! `borrow.rs` (`borrow` / `borrow_mut`), `borrowed.rs` (`Borrowed`, references that hold no count), `free.rs` (the free trampoline), `freelist.rs`
//! (the type free lists), `pending.rs`
//! (the finalizer queue and pending bits), `resize.rs` (`PyObj::resize_var`),
//! `stack_slots.rs` (references moved between a value stack and slot items),
//! `typeobj.rs` (type objects).

mod alloc;
mod borrow;
mod borrowed;
mod entries;
mod free;
mod freelist;
mod handle;
mod pending;
mod resize;
mod stack_slots;
mod typeobj;
mod vtable;
mod weak;

pub use borrow::{BorrowError, PMut, PRef};
pub use borrowed::{Borrowed, BorrowedSlot};
pub(crate) use entries::{can_untrack_object, clear_object, traverse_object};
use entries::{
    items_of, items_ptr, ob_size_of, payload_ptr, pre_words_of, values_slot_of, words_of,
};
pub(crate) use free::has_late_finalizer;
pub use free::live_objects;
#[cfg(test)]
pub(crate) use free::{free_depth, NEST_MAX};
pub use freelist::{clear_free_lists, free_list_stats, FreeListStat};
pub use handle::PyObj;
pub(crate) use pending::defer_finalizer;
pub use pending::{
    finalizers_pending, pending, set_pending, take_finalizers, work_pending, PENDING_CLOSE,
    PENDING_COLLECT, PENDING_FINALIZE, PENDING_MEMORY, PENDING_SAMPLE, PENDING_TRACE,
};
pub use stack_slots::{push_built, stash_stack_tail};
pub use typeobj::{ExactType, TypeObject, TypeRef};
pub use vtable::{Payload, Untrack, Visit, Vtable, Word};
pub(crate) use weak::clear_weakrefs;
pub use weak::{weakref_attach, weakref_count, weakrefs_of, WeakRef};

use std::cell::Cell;
use std::mem::size_of;
use std::ptr::NonNull;

use crate::gc::{GcHead, GcPtr};

/// CPython's PyObject header.
#[repr(C)]
pub(crate) struct ObHead {
    pub(crate) refcnt: Cell<u32>,
    /// Bits 0..20: borrow state of the payload (count of shared borrows, or
    /// `BORROW_MUT`). Bit 20: `MANAGED` (the block has the values slot, H3). Bit 21:
    /// `CACHED` (borrowed.rs). Bit 22: `WEAKREFED` (weak.rs).
    /// Bit 23: `OWNED` (see `PyObj::set_owned`). Bits 24..32: free for object types (see
    /// `PyObj::obj_flag`).
    pub(crate) flags: Cell<u32>,
    /// The type object (a counted reference for a class, H1; a static type is
    /// pinned instead, H11; H4).
    pub(crate) ty: Cell<NonNull<ObHead>>,
}

const BORROW_MASK: u32 = 0x000f_ffff;
/// The block has CPython's managed-dict pre-header, whose second word is the values
/// slot (H3): set at allocation from the vtable, never changed. A flag in the header,
/// read with the type pointer, so that the values slot is found without the
/// dependent loads of the type's vtable (LOAD_ATTR_INSTANCE_VALUE's guard).
const MANAGED: u32 = 0x0010_0000;
/// A `Borrowed` names the object (H10): its death moves the deaths counter on.
const CACHED: u32 = 0x0020_0000;
/// The object has weak references: it is in the weak lists (W1).
const WEAKREFED: u32 = 0x0040_0000;
const BORROW_MUT: u32 = BORROW_MASK;
/// The container is owned by one object's word and traversed through it, never
/// tracked itself (an instance's `__dict__` before anyone else has seen it).
const OWNED: u32 = 0x0080_0000;
const GC_PRE: usize = size_of::<GcHead>();

/// The var header: CPython's ob_size. Its magnitude is the number of items; its sign is
/// free for the type (int keeps its sign there, as CPython does).
type ObSize = isize;

#[repr(C)]
struct FixedBlock<T> {
    head: ObHead,
    payload: T,
}

#[repr(C)]
struct VarBlock<T> {
    head: ObHead,
    ob_size: ObSize,
    payload: T,
}

/// The vtable of a live object.
///
/// # Safety
/// `p` heads a live object (H1).
#[inline]
pub(crate) unsafe fn vtable_of(p: NonNull<ObHead>) -> &'static Vtable {
    // SAFETY: H1/H11: `p` is live, and so is its type object (counted by `p` if a
    // class, pinned if static); H4: that type's payload is a TypeObject, which starts right after the ObHead
    // with the vtable of its instances.
    unsafe {
        let ty = (*p.as_ptr()).ty.get();
        let payload = ty.as_ptr().byte_add(size_of::<ObHead>());
        *payload.cast::<&'static Vtable>()
    }
}

/// The GC header of a container.
///
/// # Safety
/// `p` heads a live object whose vtable has `gc` set (H2), and the returned pointer is
/// used only while the object is live (C1).
#[inline]
pub(crate) unsafe fn gc_head(p: NonNull<ObHead>) -> GcPtr {
    // SAFETY: H2/H3: a container's block has its GcHead right before its ObHead, inside
    // the same block; C1 is the caller's promise.
    unsafe { GcPtr::new(NonNull::new_unchecked(p.as_ptr().byte_sub(GC_PRE).cast())) }
}

/// The object a GC header belongs to.
///
/// # Safety
/// `g` is a container's header, not a list head (C2: every list member is one).
#[inline]
pub(crate) unsafe fn object_of(g: GcPtr) -> NonNull<ObHead> {
    // SAFETY: H2/H3: a container's GcHead is followed by its ObHead in the same block.
    unsafe { NonNull::new_unchecked(g.as_nonnull().as_ptr().byte_add(GC_PRE).cast()) }
}

/// The reference count of a live object.
///
/// # Safety
/// `p` heads a live object (H1).
#[inline]
pub(crate) unsafe fn refcnt_of(p: NonNull<ObHead>) -> usize {
    // SAFETY: H1: the object is live; its header's fields are Cells.
    unsafe { p.as_ref() }.refcnt.get() as usize
}

/// Does the object have weak references (W1)?
///
/// # Safety
/// `p` heads an object whose block is not freed.
#[inline]
pub(crate) unsafe fn is_weakrefed(p: NonNull<ObHead>) -> bool {
    // SAFETY: H1: the block is not freed (caller); its header's fields are Cells.
    unsafe { p.as_ref() }.flags.get() & WEAKREFED != 0
}

/// True while a `PMut` to the object's payload is alive (H5).
///
/// # Safety
/// `p` heads a live object (H1).
#[inline]
pub(crate) unsafe fn is_mut_borrowed(p: NonNull<ObHead>) -> bool {
    // SAFETY: H1: the object is live; its header's fields are Cells.
    unsafe { p.as_ref() }.flags.get() & BORROW_MASK == BORROW_MUT
}
