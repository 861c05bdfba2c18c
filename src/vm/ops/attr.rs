//! Attributes (`obj.name`, `obj.name = v`, `del obj.name`) and method lookup for
//! LOAD_METHOD.

use crate::heap::{Payload, PyObj, TypeRef};
use crate::objects::builtin_function;
use crate::objects::descr::{Instance, Super};
use crate::objects::module::{self, Module};
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, dict, string, tuple};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;

pub(crate) use crate::objects::exceptions::{attribute_error, no_attribute};

impl Vm {
    /// getattr(obj, name).
    pub fn getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
        let vt = o.vtable();
        if vt.heap_type && vt.type_id() == Instance::VTABLE.type_id() {
            return self.instance_getattr(o, name);
        }
        if o.vtable().heap_type && !o.is_a::<Module>() {
            if let Some(ty) = TypeRef::from_obj::<TypeInfo>(o) {
                // A class whose metaclass is a class.
                return self.metaclass_instance_getattr(o, &ty, name);
            }
            return self.instance_getattr(o, name);
        }
        if let Some(m) = o.get::<Module>() {
            let n = string::as_str(name).unwrap_or_default().into_owned();
            let d = m.dict.clone();
            if let Some(v) = self.dict_get(&d, name)? {
                if v.is(&ctx().none) && (n == "__spec__" || n == "__loader__") {
                    // A built-in module made before the import system's specs.
                    if let Some(v) = self.lazy_spec_attr(o, &n)? {
                        return Ok(v);
                    }
                }
                return Ok(v);
            }
            match n.as_str() {
                "__dict__" => return Ok(d),
                "__class__" => return Ok(o.type_obj().as_obj().clone()),
                _ => {}
            }
            // PEP 562: a module-level __getattr__.
            if let Some(ga) = self.dict_get_str(&d, "__getattr__") {
                return self.call(
                    &ga,
                    crate::objects::args::Args::positional(std::slice::from_ref(name)),
                );
            }
            let mname = match self.dict_get_str(&d, "__name__") {
                Some(s) if s.is_type(&ctx().str_type) => {
                    string::as_str(&s).unwrap_or_default().into_owned()
                }
                _ => {
                    return Err(attribute_error(
                        format!("module has no attribute '{n}'"),
                        o,
                        &n,
                    ))
                }
            };
            return Err(attribute_error(
                format!("module '{mname}' has no attribute '{n}'"),
                o,
                &n,
            ));
        }
        if o.vtable().heap_type {
            return self.instance_getattr(o, name);
        }
        if let Some(ty) = TypeRef::from_obj::<TypeInfo>(o) {
            return self.type_getattro(&ty, name);
        }
        // A built-in type with a getattro of its own (not object's generic one).
        if let Some(f) = typeobj::slotdefs::slots_of_type(&o.type_obj())
            .getattro
            .get()
        {
            if f as usize != crate::objects::object::generic_getattr as *const () as usize {
                return f(self, o, name);
            }
        }
        self.builtin_generic_getattr(o, name)
    }

    /// object.__getattribute__ for objects of built-in types (PyObject_GenericGetAttr):
    /// data descriptors of the type's MRO (the types' member and getset
    /// descriptors), then the object's `__dict__` if it has one, then other
    /// attributes of the type.
    pub(crate) fn builtin_generic_getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
        if o.is_a::<Super>() {
            if let Some(v) = self.super_getattr(o, name)? {
                return Ok(v);
            }
        }
        let ty = o.type_obj();
        match self.generic_getattr(o, &ty, name)? {
            Some(v) => Ok(v),
            None => Err(no_attribute(o, &string::as_str(name).unwrap_or_default())),
        }
    }

    /// Attributes of a type object.
    pub(crate) fn type_getattr(&mut self, ty: &TypeRef, n: &str) -> VmResult<Option<PyObj>> {
        match n {
            // A built-in type named `module.name` (`_io.TextIOWrapper`) shows the
            // last part as its name and the rest as its module, as CPython's tp_name.
            "__name__" | "__qualname__" => {
                let full = &typeobj::info(ty).name;
                return Ok(Some(string::new(full.rsplit('.').next().unwrap_or(full))));
            }
            "__base__" if typeobj::is_heap_type(ty) => {
                // A class's current bases decide (they may have been assigned).
                let bases: Vec<TypeRef> = typeobj::info(ty)
                    .heap
                    .as_ref()
                    .and_then(|h| h.bases.borrow().clone())
                    .as_ref()
                    .and_then(tuple::items)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(TypeRef::from_obj::<TypeInfo>)
                    .collect();
                if let Ok(b) = super::super::class::best_base(&bases) {
                    return Ok(Some(b.as_obj().clone()));
                }
            }
            "__base__" => {
                return Ok(Some(
                    typeobj::info(ty)
                        .base()
                        .map_or_else(|| ctx().none.clone(), |b| b.as_obj().clone()),
                ))
            }
            "__dict__" => return Ok(Some(typeobj::type_dict(ty).clone())),
            "__module__" => {
                let full = &typeobj::info(ty).name;
                return Ok(Some(string::intern_str(match full.rfind('.') {
                    Some(i) => &full[..i],
                    None => "builtins",
                })));
            }
            _ => {}
        }
        Ok(self
            .lookup_type_attr(ty, n)
            .map(|v| bind_classmethod(v, ty)))
    }
}

/// A classmethod of a built-in type (dict.fromkeys) bound to the type it was
/// looked up on; anything else as it is.
fn bind_classmethod(v: PyObj, ty: &TypeRef) -> PyObj {
    if let Some(d) = v.get::<builtin_function::ClassMethodDescr>() {
        if typeobj::is_subtype(ty, &d.objclass) {
            return builtin_function::new(d.def, Some(ty.as_obj().clone()), None);
        }
        return v;
    }
    if !v.is_type(&ctx().classmethod_type) {
        return v;
    }
    match v.get::<crate::objects::descr::Wrapper>() {
        Some(w) => crate::objects::method::new(w.callable.clone(), ty.as_obj().clone()),
        None => v,
    }
}

impl Vm {
    /// An attribute of `o`, None when it has none (other errors propagate).
    pub(crate) fn getattr_opt(&mut self, o: &PyObj, name: &str) -> VmResult<Option<PyObj>> {
        match self.getattr(o, &string::intern_str(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The names `dir(obj)` would list: a module's globals, or the attributes of the
    /// type (and its bases) of `obj` (of `obj` itself for a type).
    pub fn dir_names(&mut self, o: &PyObj) -> Vec<String> {
        let mut names = Vec::new();
        if let Some(d) = module::dict(o) {
            for (k, _) in dict::items(d).unwrap_or_default() {
                names.extend(string::as_str(&k).map(|s| s.into_owned()));
            }
        } else {
            let mut cur = Some(TypeRef::from_obj::<TypeInfo>(o).unwrap_or_else(|| o.type_obj()));
            while let Some(t) = cur {
                for (k, _) in dict::items(&typeobj::type_dict(&t)).unwrap_or_default() {
                    names.extend(string::as_str(&k).map(|s| s.into_owned()));
                }
                cur = typeobj::info(&t).base().cloned();
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// LOAD_METHOD: the unbound method for `obj.name(...)` if the type defines it
    /// (so no bound method object is made), else None.
    pub(crate) fn lookup_method(&mut self, o: &PyObj, name: &PyObj) -> VmResult<Option<PyObj>> {
        // An instance of a class whose solid base is object is none of the below.
        let plain = o.vtable().type_id() == Instance::VTABLE.type_id();
        if !plain
            && (o.is_a::<Module>()
                || o.is_a::<Super>()
                || TypeRef::from_obj::<TypeInfo>(o).is_some())
        {
            return Ok(None);
        }
        if o.vtable().heap_type {
            // A plain function on the class, not shadowed by the instance dict and
            // with no __getattribute__ hook: call it without a bound method.
            let ty = o.type_obj();
            // Only object's generic getattro may skip the bound method (CPython's
            // _PyObject_GetMethod); a class with a `__getattribute__` or `__getattr__`
            // hook gets the attribute through it.
            let generic = typeobj::slotdefs::slots_of_type(&ty)
                .getattro
                .get()
                .is_some_and(|f| {
                    f as usize == crate::objects::object::generic_getattr as *const () as usize
                });
            if !generic {
                return Ok(None);
            }
            let Some(f) = self.type_lookup(&ty, name)? else {
                return Ok(None);
            };
            if !typeobj::is_method_descriptor(&f) {
                return Ok(None);
            }
            if self.instance_has_attr(o, &ty, name)? {
                return Ok(None);
            }
            return Ok(Some(f));
        }
        let found = if string::is_interned(name) {
            self.type_lookup(&o.type_obj(), name).ok().flatten()
        } else {
            let n = string::as_str(name).unwrap_or_default();
            self.lookup_type_attr(&o.type_obj(), &n)
        };
        Ok(found.filter(typeobj::is_method_descriptor))
    }

    /// setattr(obj, name, value), or delattr when `value` is None.
    pub fn setattr(&mut self, o: &PyObj, name: &PyObj, value: Option<PyObj>) -> VmResult<()> {
        let vt = o.vtable();
        if vt.heap_type && vt.type_id() == Instance::VTABLE.type_id() {
            // A plain instance: neither a type, nor a module, nor a built-in object.
            return self.instance_setattr(o, name, value);
        }
        if let Some(ty) = TypeRef::from_obj::<TypeInfo>(o) {
            return self.metaclass_instance_setattr(o, &ty, name, value);
        }
        if let Some(d) = module::dict(o).cloned() {
            let n = string::as_str(name).unwrap_or_default().into_owned();
            return match self.store_attr_in(&d, name, value)? {
                true => Ok(()),
                false => Err(exceptions::named("AttributeError", n)),
            };
        }
        if o.vtable().heap_type {
            return self.instance_setattr(o, name, value);
        }
        // A built-in type with a setattro of its own (the weak proxies).
        if let Some(f) = typeobj::slotdefs::slots_of_type(&o.type_obj())
            .setattro
            .get()
        {
            if f as usize != crate::objects::object::generic_setattr as *const () as usize {
                return f(self, o, name, value);
            }
        }
        self.generic_setattr(o, name, value)
    }
}
