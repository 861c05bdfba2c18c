//! Type objects: `TypeObject` (the payload of every type: its instances' vtable, then
//! the type's own data) and `TypeRef`, a handle known to be a type object (H4).

use std::alloc;
use std::cell::Cell;
use std::mem::size_of;
use std::ptr::{self, NonNull};

use super::free::count_alloc;
use super::{gc_head, payload_ptr, GcHead, ObHead, Payload, PyObj, Visit, Vtable};
use crate::pymalloc::object_alloc;

// ----- type objects --------------------------------------------------------------------

/// The payload of every type object: the vtable of its instances, then the type's own
/// data `X` (name, base, dict, ... defined by `crate::objects`).
#[repr(C)]
pub struct TypeObject<X: Payload> {
    instance_vt: &'static Vtable,
    pub ext: X,
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
pub struct TypeRef(pub(super) PyObj);

impl std::ops::Deref for TypeRef {
    type Target = PyObj;
    fn deref(&self) -> &PyObj {
        &self.0
    }
}

impl TypeRef {
    /// Create the metatype (`type`), whose type is itself. Its instances are type
    /// objects with extension data `X`.
    pub fn new_metatype<X: Payload<Item = ()>>(ext: X) -> TypeRef {
        let vt = TypeObject::<X>::VTABLE;
        let layout = vt.block_layout(0).expect("fixed layout");
        // SAFETY: fresh block of the right layout; the header's type pointer is the
        // object itself, a strong self-reference counted in refcnt (H1).
        unsafe {
            let block = object_alloc(layout);
            if block.is_null() {
                alloc::handle_alloc_error(layout)
            }
            let p = NonNull::new_unchecked(block.byte_add(vt.block_pre()).cast::<ObHead>());
            p.as_ptr().write(ObHead {
                refcnt: Cell::new(2),
                flags: Cell::new(0),
                ty: Cell::new(p),
            });
            if vt.gc {
                gc_head(p).as_ptr().write(GcHead {
                    next: Cell::new(ptr::null_mut()),
                    prev: Cell::new(ptr::null_mut()),
                });
            }
            payload_ptr::<TypeObject<X>>(p).write(TypeObject {
                instance_vt: vt,
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
    pub fn with_vtable<X: Payload<Item = ()>>(
        meta: &TypeRef,
        instance_vt: &'static Vtable,
        ext: X,
    ) -> TypeRef {
        TypeRef(PyObj::new(meta, TypeObject { instance_vt, ext }))
    }

    /// View a handle as a type object if it is one (its type's instances are
    /// `TypeObject<X>`).
    pub fn from_obj<X: Payload<Item = ()>>(obj: &PyObj) -> Option<TypeRef> {
        obj.is_a::<TypeObject<X>>().then(|| TypeRef(obj.clone()))
    }

    /// The vtable of this type's instances.
    #[inline]
    pub fn instance_vtable(&self) -> &'static Vtable {
        // SAFETY: H4: a TypeRef's payload is a TypeObject beginning with the vtable.
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
    pub fn as_obj(&self) -> &PyObj {
        &self.0
    }
}
