//! Type objects: the extension data every glasspy type object carries.
//!
//! The heap's `TypeObject<X>` puts the vtable of the type's instances first; `TypeInfo`
//! is the `X`: what Python sees of a type (its name and base). Classes with their own
//! dict and MRO extend this later.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::heap::{Payload, PyObj, TypeRef, Visit};

/// What Python sees of a type.
pub struct TypeInfo {
    /// `__name__`.
    pub name: Cow<'static, str>,
    /// `__base__` (None only for `object`).
    pub base: Option<TypeRef>,
    /// `__dict__`: the type's attributes and methods, made on first use.
    pub dict: OnceCell<PyObj>,
}

impl TypeInfo {
    /// Type data with an empty dict.
    pub fn new(name: Cow<'static, str>, base: Option<TypeRef>) -> TypeInfo {
        TypeInfo {
            name,
            base,
            dict: OnceCell::new(),
        }
    }
}

impl Payload for TypeInfo {
    type Item = ();
    const NAME: &'static str = "type";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(b) = &self.base {
            visit(b.as_obj());
        }
        if let Some(d) = self.dict.get() {
            visit(d);
        }
    }
}

/// The `TypeInfo` of a type object.
pub fn info(ty: &TypeRef) -> &TypeInfo {
    ty.ext::<TypeInfo>()
        .expect("every glasspy type object carries a TypeInfo")
}

/// The type's `__dict__`.
pub fn type_dict(ty: &TypeRef) -> &PyObj {
    info(ty).dict.get_or_init(super::dict::new)
}

/// `type(obj).__name__`.
pub fn type_name(obj: &PyObj) -> String {
    info(&obj.type_obj()).name.to_string()
}

/// Is `ty` the type `base` or a subtype of it (following `__base__`)?
pub fn is_subtype(ty: &TypeRef, base: &TypeRef) -> bool {
    let mut cur = Some(ty.clone());
    while let Some(t) = cur {
        if t.is(base) {
            return true;
        }
        cur = info(&t).base.clone();
    }
    false
}
