//! `PyObj`, the handle (Clone = Py_INCREF, Drop = Py_DECREF), and what it reads and
//! sets on its object: identity, refcount, type, immutable payloads and items, words,
//! flags, sizes and GC tracking.

use std::any::TypeId;
use std::cell::Cell;
use std::ptr::NonNull;

use super::entries::extra_size_object;
use super::free::dealloc;
use super::{
    gc_head, items_of, ob_size_of, payload_ptr, pre_words_of, traverse_object, vtable_of, words_of,
    ExactType, ObHead, Payload, TypeRef, Untrack, VarBlock, Visit, Vtable, Word, OWNED,
};
use crate::gc::{self, GcPtr};

/// A strong reference to a Python object: Clone is an incref, Drop is a decref.
///
/// It points at the `ObHead` of a live object (H1: the count includes this handle);
/// neither Send nor Sync (H7).
#[repr(transparent)]
pub struct PyObj(pub(super) NonNull<ObHead>);

impl Clone for PyObj {
    #[inline]
    fn clone(&self) -> Self {
        let rc = &self.head().refcnt;
        rc.set(rc.get().saturating_add(1));
        PyObj(self.0)
    }
}

impl Drop for PyObj {
    #[inline]
    fn drop(&mut self) {
        let rc = &self.head().refcnt;
        match rc.get() {
            1 => {
                rc.set(0);
                // SAFETY: H1: this handle was the last reference; the count is now 0.
                unsafe { dealloc(self.0) };
            }
            u32::MAX => {}
            n => rc.set(n - 1),
        }
    }
}

impl PartialEq for PyObj {
    /// Identity (`is`), not Python equality.
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for PyObj {}

impl std::fmt::Debug for PyObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:#x}>", self.vtable().name, self.id())
    }
}

impl PyObj {
    #[inline]
    pub(crate) fn head(&self) -> &ObHead {
        // SAFETY: H1: a handle keeps its object alive.
        unsafe { self.0.as_ref() }
    }

    #[inline]
    pub(crate) fn as_nonnull(&self) -> NonNull<ObHead> {
        self.0
    }

    /// Make a handle from a raw object pointer, taking a new reference.
    ///
    /// # Safety
    /// `p` heads a live object (H1).
    #[inline]
    pub(crate) unsafe fn from_borrowed(p: NonNull<ObHead>) -> PyObj {
        let obj = std::mem::ManuallyDrop::new(PyObj(p));
        (*obj).clone()
    }

    /// The object's address: Python's `id()`.
    #[inline]
    pub fn id(&self) -> usize {
        self.0.as_ptr().addr()
    }

    /// Bytes of the block in front of the object header (pre words and the GC
    /// header: CPython's _PyType_PreHeaderSize), which sys.getsizeof adds to
    /// `__sizeof__`.
    #[inline]
    pub fn pre_size(&self) -> usize {
        self.vtable().block_pre()
    }

    /// The address of the object's block (what the allocator handed out and
    /// tracemalloc traced): `id()` less the pre-header.
    #[inline]
    pub fn block_addr(&self) -> usize {
        self.id() - self.pre_size()
    }

    /// Is this the same object as `other` (Python's `is`)?
    #[inline]
    pub fn is(&self, other: &PyObj) -> bool {
        self.0 == other.0
    }

    /// A new reference to the object a slot holds (None if empty), read in place:
    /// what `take`, `clone` and `set` back would give, with no stores to the slot.
    #[inline]
    pub fn clone_from_slot(slot: &Cell<Option<PyObj>>) -> Option<PyObj> {
        // SAFETY: H7: the slot is confined to this thread, and nothing runs while the
        // reference lives that could replace the slot's contents (cloning a handle
        // only raises a count; H1: the handle in the slot keeps its object alive).
        unsafe { &*slot.as_ptr() }.clone()
    }

    /// The reference count (what sys.getrefcount reports, before its own argument).
    pub fn refcnt(&self) -> usize {
        self.head().refcnt.get() as usize
    }

    /// Make the object immortal: its count is never decremented again (for the
    /// preallocated singletons, like CPython 3.12's immortal objects).
    pub fn make_immortal(&self) {
        self.head().refcnt.set(u32::MAX);
    }

    /// The vtable describing this object's payload.
    #[inline]
    pub fn vtable(&self) -> &'static Vtable {
        // SAFETY: H1: the handle keeps its object alive.
        unsafe { vtable_of(self.0) }
    }

    /// The object's type object (a new reference).
    #[inline]
    pub fn type_obj(&self) -> TypeRef {
        // SAFETY: H1/H4/H11: the header names a live type object (counted for a
        // class, pinned if static).
        TypeRef(unsafe { PyObj::from_borrowed(self.head().ty.get()) })
    }

    /// The address of the object's type (its `id()`), read without taking a
    /// reference: what an inline cache compares.
    #[inline]
    pub fn type_addr(&self) -> usize {
        self.head().ty.get().as_ptr().addr()
    }

    /// Is the object's type exactly `ty`?
    #[inline]
    pub fn is_type(&self, ty: &TypeRef) -> bool {
        self.head().ty.get() == ty.0 .0
    }

    /// Does the payload have Rust type `T`?
    #[inline]
    pub fn is_a<T: Payload>(&self) -> bool {
        self.vtable().type_id == TypeId::of::<T>()
    }

    /// The payload of an immutable object, if it has type `T`.
    #[inline]
    pub fn get<T: Payload>(&self) -> Option<&T> {
        const { assert!(!T::MUTABLE, "use borrow() for mutable payloads") };
        if !self.is_a::<T>() {
            return None;
        }
        // SAFETY: H4 (type checked just now) and H5 (immutable payloads are never
        // mutably borrowed); the handle keeps the object alive for the borrow (H1).
        Some(unsafe { &*payload_ptr::<T>(self.0) })
    }

    /// The items of an immutable var-sized object, if its payload has type `T`.
    #[inline]
    pub fn items<T: Payload>(&self) -> Option<&[T::Item]> {
        if !self.is_a::<T>() {
            return None;
        }
        // SAFETY: H4 (type checked just now) and H6: items are initialised and never
        // mutated; the handle keeps the object alive for the borrow (H1).
        Some(unsafe { items_of::<T>(self.0) })
    }

    /// The payload of an immutable object whose type is exactly `ty` (one compare of
    /// the type pointer: `ty` was checked to hold `T` when it was made).
    #[inline]
    pub fn get_exact<T: Payload>(&self, ty: &ExactType<T>) -> Option<&T> {
        const { assert!(!T::MUTABLE, "use borrow() for mutable payloads") };
        if !self.is_type(&ty.ty) {
            return None;
        }
        // SAFETY: H4: the object's type is `ty`, whose instance vtable names `T`
        // (ExactType::new checked it; a type's instance vtable is never replaced);
        // H5: immutable payloads are never mutably borrowed; H1: the handle keeps the
        // object alive for the borrow.
        Some(unsafe { &*payload_ptr::<T>(self.0) })
    }

    /// ob_size and the items of an object whose type is exactly `ty` (one compare of
    /// the type pointer, as `get_exact`).
    #[inline]
    pub fn var_exact<T: Payload>(&self, ty: &ExactType<T>) -> Option<(isize, &[T::Item])> {
        if !self.is_type(&ty.ty) {
            return None;
        }
        // SAFETY: H4 as in get_exact: the payload is a `T`; H6: the items are
        // initialised and never mutated; H1: the handle keeps the object alive.
        Some(unsafe { (ob_size_of::<T>(self.0), items_of::<T>(self.0)) })
    }

    /// ob_size: the number of items with the type's sign (int keeps its sign here).
    pub fn ob_size(&self) -> isize {
        if !self.vtable().var {
            return 0;
        }
        // SAFETY: H1: the handle keeps its object alive; H3: var-sized objects have a
        // var header right after the ObHead.
        unsafe { (*self.0.as_ptr().cast::<VarBlock<()>>()).ob_size }
    }

    /// Call `f` for each object this one references (tp_traverse, as used by
    /// gc.get_referents); visits nothing while the payload is exclusively borrowed.
    pub fn visit_children(&self, f: Visit<'_>) {
        if self.mut_borrowed() {
            return;
        }
        // SAFETY: H1: the handle keeps its object alive during the traverse.
        unsafe { traverse_object(self.0, f) }
    }

    /// The words after the payload (`__slots__` values, `__weakref__`); empty unless
    /// the type's vtable was derived with words.
    pub fn words(&self) -> &[Word] {
        // SAFETY: H1: the handle keeps the object alive.
        unsafe { words_of(self.0) }
    }

    /// The managed `__dict__` pre-header's dict word (empty if the object has no
    /// pre-header).
    #[inline]
    pub fn pre_words(&self) -> &[Word] {
        // SAFETY: H1: the handle keeps the object alive.
        unsafe { pre_words_of(self.0) }
    }

    /// The managed `__dict__` pre-header's values slot: the instance's attribute
    /// values while it has no dict object (None if the object has no pre-header).
    #[inline]
    pub fn values_slot(&self) -> Option<&crate::table::ValuesSlot> {
        // SAFETY: H1: the handle keeps the object alive.
        unsafe { super::values_slot_of(self.0) }
    }

    /// Mark a container as owned by the one object whose word holds it (on), or give
    /// it back its own life (off, and tracked). While owned it is never tracked and
    /// the owner's traverse visits its contents.
    pub fn set_owned(&self, on: bool) {
        let f = &self.head().flags;
        if on {
            self.gc_untrack();
            f.set(f.get() | OWNED);
        } else if f.get() & OWNED != 0 {
            f.set(f.get() & !OWNED);
            self.gc_track();
        }
    }

    /// Is this container owned by another object's word?
    pub fn is_owned(&self) -> bool {
        self.head().flags.get() & OWNED != 0
    }

    /// One of the 8 free object flag bits (0..8), for the type's own use (e.g. a str's
    /// interned state).
    #[inline]
    pub fn obj_flag(&self, bit: u32) -> bool {
        assert!(bit < 8);
        self.head().flags.get() & (1 << (24 + bit)) != 0
    }

    /// `obj_flag(bit)` of the object's type object, read without taking a reference to
    /// the type (what `type_obj().as_obj().obj_flag(bit)` answers).
    #[inline]
    pub fn type_flag(&self, bit: u32) -> bool {
        assert!(bit < 8);
        // SAFETY: H1/H11: the header names its type object, alive at least as long as
        // this handle's object (counted for a class, pinned if static); only the
        // type's header Cell is read.
        let ty = unsafe { self.head().ty.get().as_ref() };
        ty.flags.get() & (1 << (24 + bit)) != 0
    }

    /// Set or clear one of the 8 object flag bits.
    pub fn set_obj_flag(&self, bit: u32, on: bool) {
        assert!(bit < 8);
        let f = &self.head().flags;
        let mask = 1 << (24 + bit);
        f.set(if on { f.get() | mask } else { f.get() & !mask });
    }

    /// What the heap holds for this object: its block (GC header included) plus the
    /// buffers it owns. This is sys.getsizeof.
    pub fn sizeof(&self) -> usize {
        let vt = self.vtable();
        let n = self.ob_size().unsigned_abs();
        let block = vt.block_size(n).unwrap_or(0);
        if self.mut_borrowed() {
            return block;
        }
        // SAFETY: H1: the handle keeps its object alive during the call.
        block + unsafe { extra_size_object(self.0) }
    }

    // ----- GC tracking ------------------------------------------------------------

    /// The GC header of a container, None for other objects.
    #[inline]
    fn gc_header(&self) -> Option<GcPtr> {
        // SAFETY: H2: the vtable says the object has a GC header; C1: the GcPtr is used
        // at once, while this handle keeps the object alive (H1).
        self.vtable().gc.then(|| unsafe { gc_head(self.0) })
    }

    /// Start tracking a container (PyObject_GC_Track). No-op if already tracked or not
    /// a container.
    pub fn gc_track(&self) {
        if let Some(g) = self.gc_header() {
            if !self.is_owned() {
                gc::track(g);
            }
        }
    }

    /// Stop tracking a container (PyObject_GC_UnTrack).
    pub fn gc_untrack(&self) {
        if let Some(g) = self.gc_header() {
            gc::untrack(g);
        }
    }

    /// gc.is_finalized: the object's finalizer (`__del__`) has run (PEP 442).
    pub fn gc_is_finalized(&self) -> bool {
        self.gc_header().is_some_and(|g| g.is_finalized())
    }

    /// gc.is_tracked.
    pub fn gc_is_tracked(&self) -> bool {
        self.gc_header().is_some_and(|g| g.is_tracked())
    }

    /// CPython's _PyObject_GC_MAY_BE_TRACKED: a container that is tracked, or could be
    /// (lazily untracked types count only while tracked).
    pub fn gc_may_be_tracked(&self) -> bool {
        let vt = self.vtable();
        vt.gc && (vt.untrack != Untrack::Young || self.gc_is_tracked())
    }
}
