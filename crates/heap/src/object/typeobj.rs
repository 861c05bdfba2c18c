//! Type objects: `TypeObject` (the payload of every type: its instances' vtable, then
//! the type's own data) and `TypeRef`, a handle known to be a type object (H4).

use std::alloc;
use std::any::TypeId;
use std::cell::Cell;
use std::marker::PhantomData;
use std::mem::{offset_of, size_of};
use std::ptr::NonNull;

use super::free::count_alloc;
use super::freelist::{FreeLists, FreeSlot};
use super::{payload_ptr, FixedBlock, ObHead, Payload, PyObj, Visit, Vtable, GC_PRE};
use crate::gc::GcHead;
use crate::pymalloc::object_alloc;

/// The payload of every type object: the vtable of its instances, then the type's own
/// data `X` (name, base, dict, ... defined by `crate::objects`).
#[repr(C)]
pub struct TypeObject<X: Payload> {
    instance_vt: &'static Vtable,
    /// The free lists of this type's exact instances (none for most types).
    free: FreeSlot,
    pub ext: X,
}

/// A type whose instances hold payload `T`, checked once when it is made. An object
/// of exactly this type then reaches its payload or items with one compare of its
/// type pointer (`PyObj::get_exact`, `PyObj::var_exact`): H4 says the type's instance
/// vtable names the payload of every instance, and that vtable is never replaced
/// (`TypeObject::instance_vt` is written only when the type object is made).
pub struct ExactType<T: Payload> {
    pub(super) ty: TypeRef,
    _payload: PhantomData<fn() -> T>,
}

impl<T: Payload> ExactType<T> {
    /// `ty` as a type of `T` instances; None if its instances hold another payload.
    pub fn new(ty: &TypeRef) -> Option<Self> {
        (ty.instance_vtable().type_id() == TypeId::of::<T>()).then(|| ExactType {
            ty: ty.clone(),
            _payload: PhantomData,
        })
    }

    /// The type itself.
    #[inline]
    pub fn type_ref(&self) -> &TypeRef {
        &self.ty
    }
}

impl<X: Payload> TypeObject<X> {
    /// H4: the payload of a type object starts right after its ObHead, where
    /// `vtable_of` and `instance_vtable` read the vtable (the type data's alignment is
    /// at most the header's). Evaluated, at compile time, by every function that makes
    /// a type object.
    const PAYLOAD_AT_HEAD_END: () = assert!(
        offset_of!(FixedBlock<TypeObject<X>>, payload) == size_of::<ObHead>()
            && offset_of!(TypeObject<X>, free) == FREE_OFF,
        "type data must not be aligned beyond the object header"
    );
}

/// Offset of `TypeObject::free` in the payload, whatever the type data (H4).
const FREE_OFF: usize = size_of::<&'static Vtable>();

/// The free lists of the type object at `ty`, if it keeps any.
///
/// # Safety
/// `ty` heads a live type object (H4), and the reference is used only while it lives.
#[inline]
pub(super) unsafe fn free_lists_of<'a>(ty: NonNull<ObHead>) -> Option<&'a FreeLists> {
    // SAFETY: H4: a type object's payload is a TypeObject right after its ObHead, with
    // its FreeSlot at FREE_OFF (checked by PAYLOAD_AT_HEAD_END for every X); F2: the
    // lists live as long as the type object.
    unsafe {
        let slot = ty
            .as_ptr()
            .byte_add(size_of::<ObHead>() + FREE_OFF)
            .cast::<FreeSlot>();
        (*slot).get()
    }
}

impl<X: Payload<Item = ()>> Payload for TypeObject<X> {
    type Item = ();
    const NAME: &'static str = "type";
    const GC: bool = X::GC;
    // Never borrowed mutably: instances read `instance_vt` through raw pointers at any
    // time (H4), so a type's own data changes only through interior mutability (its
    // dict is an object of its own).
    const MUTABLE: bool = {
        assert!(
            !X::MUTABLE,
            "type data must be immutable; use interior mutability"
        );
        false
    };
    fn traverse(&self, _items: &[()], visit: Visit<'_>) {
        self.ext.traverse(&[], visit)
    }
    fn clear(&mut self) {
        self.ext.clear()
    }
    fn clear_shared(&self, _items: &[()]) {
        self.ext.clear_shared(&[])
    }
    fn extra_size(&self) -> usize {
        self.ext.extra_size()
    }
}

/// A handle known to be a type object (its payload is a `TypeObject`, H4).
#[derive(Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct TypeRef(pub(crate) PyObj);

impl std::ops::Deref for TypeRef {
    type Target = PyObj;
    #[inline]
    fn deref(&self) -> &PyObj {
        &self.0
    }
}

/// H11: a new static type (its instances' vtable is not `heap_type`) is pinned: one
/// reference taken here is never given back, so its instances need not count it. A
/// class (`heap_type`) is returned as it is: its instances count it (H1).
fn pinned(ty: TypeRef) -> TypeRef {
    if !ty.instance_vtable().heap_type {
        std::mem::forget(ty.clone());
    }
    ty
}

impl TypeRef {
    /// Create the metatype (`type`), whose type is itself. Its instances are type
    /// objects with extension data `X`.
    pub fn new_metatype<X: Payload<Item = ()>>(ext: X) -> TypeRef {
        let () = TypeObject::<X>::PAYLOAD_AT_HEAD_END;
        let vt = TypeObject::<X>::VTABLE;
        vt.check();
        let layout = vt.block_layout(0).expect("fixed layout");
        // SAFETY: H3: the layout holds at least the ObHead, so its size is not zero.
        let block = unsafe { object_alloc(layout) };
        if block.is_null() {
            alloc::handle_alloc_error(layout)
        }
        // The metatype is a static type: its instances (itself included) do not count
        // it.
        assert!(!vt.heap_type, "the metatype is a static type");
        // SAFETY: H3/H9: a fresh block of `vt`'s layout: `block_pre` bytes (the GC
        // header of a container), then the ObHead (aligned: H9), then the payload at
        // TypeObject<X>'s offset (H4: right after the ObHead). The header's type
        // pointer is the object itself, not counted (its vtable is not
        // `heap_type`, H1); the count, 2, is the TypeRef returned and the pin (H11);
        // the flags say whether the block has the values slot (H3).
        // The GC header is written untracked (C2).
        unsafe {
            let p = NonNull::new_unchecked(block.byte_add(vt.block_pre()).cast::<ObHead>());
            p.as_ptr().write(ObHead {
                refcnt: Cell::new(2),
                flags: Cell::new(super::alloc::managed_flag(vt)),
                ty: Cell::new(p),
            });
            if vt.gc {
                let g = p.as_ptr().byte_sub(GC_PRE).cast::<GcHead>();
                g.write(GcHead::untracked());
            }
            payload_ptr::<TypeObject<X>>(p).write(TypeObject {
                instance_vt: vt,
                free: FreeSlot::NONE,
                ext,
            });
            count_alloc();
            TypeRef(PyObj(p))
        }
    }

    /// Create a type object of metatype `meta` whose instances have payload `T`.
    pub fn new<X: Payload<Item = ()>, T: Payload>(meta: &TypeRef, ext: X) -> TypeRef {
        Self::with_vtable(meta, T::VTABLE, ext)
    }

    /// Create a type object whose instances use `instance_vt` (e.g. `bool` shares
    /// `int`'s payload type).
    ///
    /// Panics if `instance_vt` is not a layout the heap can use (H9: e.g. a copy of a
    /// vtable whose public fields were changed to add words that do not fit).
    pub fn with_vtable<X: Payload<Item = ()>>(
        meta: &TypeRef,
        instance_vt: &'static Vtable,
        ext: X,
    ) -> TypeRef {
        let () = TypeObject::<X>::PAYLOAD_AT_HEAD_END;
        instance_vt.check();
        pinned(TypeRef(PyObj::new(
            meta,
            TypeObject {
                instance_vt,
                free: FreeSlot::NONE,
                ext,
            },
        )))
    }

    /// Create a type object like `new` whose exact instances are kept on free lists
    /// when freed, as `T` asks (`Payload::FREE_LIST_MAX`), for the next allocation of
    /// this type to take back (CPython 3.11's float, tuple, list and dict free lists).
    pub fn new_with_free_lists<X: Payload<Item = ()>, T: Payload>(
        meta: &TypeRef,
        ext: X,
    ) -> TypeRef {
        let () = TypeObject::<X>::PAYLOAD_AT_HEAD_END;
        let instance_vt = T::VTABLE;
        instance_vt.check();
        pinned(TypeRef(PyObj::new(
            meta,
            TypeObject {
                instance_vt,
                free: FreeSlot::for_vtable(instance_vt),
                ext,
            },
        )))
    }

    /// View a handle as a type object if it is one (its type's instances are
    /// `TypeObject<X>`).
    pub fn from_obj<X: Payload<Item = ()>>(obj: &PyObj) -> Option<TypeRef> {
        obj.is_a::<TypeObject<X>>().then(|| TypeRef(obj.clone()))
    }

    /// The vtable of this type's instances.
    #[inline]
    pub fn instance_vtable(&self) -> &'static Vtable {
        // SAFETY: H1: the handle keeps the type object alive; H4: a TypeRef's payload is
        // a TypeObject, right after the ObHead, beginning with the vtable.
        unsafe {
            let payload = self.0 .0.as_ptr().byte_add(size_of::<ObHead>());
            *payload.cast::<&'static Vtable>()
        }
    }

    /// The type's extension data, if it is `X`.
    pub fn ext<X: Payload<Item = ()>>(&self) -> Option<&X> {
        self.0.get::<TypeObject<X>>().map(|t| &t.ext)
    }

    /// The handle as a plain object.
    #[inline]
    pub fn as_obj(&self) -> &PyObj {
        &self.0
    }
}
