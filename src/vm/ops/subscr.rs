//! Subscripts: `obj[key]`, `obj[key] = v` and `del obj[key]` through the type's
//! subscript slots (CPython's PyObject_GetItem / SetItem / DelItem); each built-in
//! type's own subscript lives with the type (list and dict: builtins/methods_*.rs;
//! tuple, str, range: objects/).

use crate::heap::PyObj;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::{ctx, string, typeobj};

use super::super::Vm;

impl Vm {
    /// obj[key] (PyObject_GetItem): the type's subscript slot, else a class's
    /// `__class_getitem__`.
    pub fn getitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
        if let Some(f) = slots_of_type(&o.type_obj()).subscript.get() {
            return f(self, o, key);
        }
        if let Some(ty) = crate::heap::TypeRef::from_obj::<typeobj::TypeInfo>(o) {
            // A class's `__class_getitem__` (list[int], a class's own hook); type[x]
            // is special-cased, as in CPython, so that int[x] fails.
            if ty.is(&ctx().type_type) {
                return Ok(crate::objects::genericalias::new(o.clone(), key.clone()));
            }
            match self.getattr(o, &string::intern_str("__class_getitem__")) {
                Ok(f) => {
                    return self.call(
                        &f,
                        crate::objects::args::Args::positional(std::slice::from_ref(key)),
                    )
                }
                Err(e) if !exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => {
                    return Err(e)
                }
                Err(_) => {}
            }
            return Err(exceptions::type_error(format!(
                "type '{}' is not subscriptable",
                typeobj::info(&ty).name
            )));
        }
        Err(exceptions::type_error(format!(
            "'{}' object is not subscriptable",
            typeobj::type_name(o)
        )))
    }

    /// obj[key] = value (PyObject_SetItem).
    pub fn setitem(&mut self, o: &PyObj, key: &PyObj, value: PyObj) -> VmResult<()> {
        if let Some(f) = slots_of_type(&o.type_obj()).ass_subscript.get() {
            return f(self, o, key, Some(value));
        }
        Err(exceptions::type_error(format!(
            "'{}' object does not support item assignment",
            typeobj::type_name(o)
        )))
    }

    /// del obj[key] (PyObject_DelItem): CPython says "doesn't" for sequences and
    /// "does not" for other objects.
    pub fn delitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<()> {
        let ty = o.type_obj();
        let slots = slots_of_type(&ty);
        if let Some(f) = slots.ass_subscript.get() {
            return f(self, o, key, None);
        }
        // PySequence_DelItem's wording for an index into a type with sequence methods
        // (classes always have them), PyObject_DelItem's otherwise.
        let sequence =
            o.vtable().heap_type || slots.length.get().is_some() || slots.contains.get().is_some();
        let verb = if sequence && crate::objects::int::value(key).is_some() {
            "doesn't"
        } else {
            "does not"
        };
        Err(exceptions::type_error(format!(
            "'{}' object {verb} support item deletion",
            typeobj::type_name(o)
        )))
    }
}
