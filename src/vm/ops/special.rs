//! Special methods of classes: finding `__eq__`, `__len__`, `__enter__`, ... on the
//! type of an object (never on the instance, as CPython's _PyType_Lookup), binding
//! them, and calling them.

use crate::heap::{PyObj, TypeRef};
use crate::objects::function::Function;
use crate::objects::{method, typeobj};

use super::super::Vm;
use crate::objects::args::Args;
use crate::objects::exceptions::VmResult;

impl Vm {
    /// `name` in the dicts along `ty`'s MRO (no binding): CPython's _PyType_Lookup,
    /// probing every dict (`type_lookup` is the cached form).
    pub(crate) fn type_lookup_uncached(
        &mut self,
        ty: &TypeRef,
        name: &PyObj,
    ) -> VmResult<Option<PyObj>> {
        if !typeobj::is_heap_type(ty) {
            for t in typeobj::base_chain(ty) {
                let d = typeobj::type_dict(&t);
                if let Some(v) = self.dict_get(&d, name)? {
                    return Ok(Some(v));
                }
            }
            return Ok(None);
        }
        let m = typeobj::mro(ty);
        for t in typeobj::mro_types(&m) {
            let d = typeobj::type_dict(&t);
            if let Some(v) = self.dict_get(&d, name)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    /// Call the special method `name` of `obj`'s class with `args`; None if the class
    /// has no such method.
    pub fn call_special(
        &mut self,
        obj: &PyObj,
        name: &'static str,
        args: &[PyObj],
    ) -> VmResult<Option<PyObj>> {
        let ty = obj.type_obj();
        let Some(f) = self.type_lookup_static(&ty, name)? else {
            return Ok(None);
        };
        if f.is(&crate::objects::ctx().none) {
            return Ok(None);
        }
        // A slot wrapper (a built-in type's slot, `dict.__setitem__`) runs its slot
        // function without an argument vector.
        if let Some(r) = typeobj::wrapper::call_unbound(self, &f, obj, args) {
            return r.map(Some);
        }
        if typeobj::is_method_descriptor(&f) {
            // No bound method object: `obj` goes first (CPython's unbound method call
            // in vectorcall_method).
            let all: super::super::call::ArgVec = std::iter::once(obj.clone())
                .chain(args.iter().cloned())
                .collect();
            return self.call(&f, Args::positional(&all)).map(Some);
        }
        let bound = self.bind_descriptor(f, Some(obj), &ty)?;
        self.call(&bound, Args::positional(args)).map(Some)
    }

    /// What the attribute `f` found in `ty`'s MRO gives for `obj` (None: looked up on
    /// the class itself): a function binds to `obj`, other descriptors are asked with
    /// their `__get__`.
    pub fn bind_descriptor(
        &mut self,
        f: PyObj,
        obj: Option<&PyObj>,
        ty: &TypeRef,
    ) -> VmResult<PyObj> {
        if f.is_a::<Function>() {
            return Ok(match obj {
                Some(o) => method::new(f, o.clone()),
                None => f,
            });
        }
        self.descr_get(f, obj, ty)
    }
}

impl Vm {
    /// tp_descr_get of the attribute `f` of `ty`, for `obj` (None: on the class): the
    /// slot of `f`'s type (each built-in descriptor fills it in its file; a class with
    /// `__get__` has class_slots' one), or `f` itself when its type has none.
    pub fn descr_get(&mut self, f: PyObj, obj: Option<&PyObj>, ty: &TypeRef) -> VmResult<PyObj> {
        match typeobj::slotdefs::slots_of_type(&f.type_obj())
            .descr_get
            .get()
        {
            Some(get) => get(self, &f, obj, ty),
            None => Ok(f),
        }
    }
}
