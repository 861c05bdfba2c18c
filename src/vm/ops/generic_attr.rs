//! Attributes of classes and their instances: CPython's PyObject_GenericGetAttr /
//! GenericSetAttr (data descriptors first, then the instance `__dict__`, then other
//! class attributes), the `__getattribute__` / `__getattr__` / `__setattr__` /
//! `__delattr__` hooks and type_getattro for classes. A descriptor found on the type
//! is asked through its own type's tp_descr_get / tp_descr_set slot (`descr_get` in
//! special.rs, `descr_set` here), which each descriptor type fills in its file.

use crate::heap::{PyObj, TypeRef};
use crate::objects::descr::Super;
use crate::objects::function::Function;
use crate::objects::typeobj::{self, class_slots, slotdefs::slots_of_type};
use crate::objects::{ctx, dict, string, tuple};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

fn attr_error(msg: String) -> Exc {
    exceptions::named("AttributeError", msg)
}

fn no_attribute(o: &PyObj, name: &str) -> Exc {
    super::attr::attribute_error(
        format!(
            "'{}' object has no attribute '{name}'",
            typeobj::type_name(o)
        ),
        o,
        name,
    )
}

impl Vm {
    /// Is `d` (found on a class) a data descriptor: does its type fill tp_descr_set
    /// (a built-in one, or a class defining `__set__` or `__delete__`)?
    #[inline]
    pub(crate) fn is_data_descr(&mut self, d: &PyObj) -> VmResult<bool> {
        // A function (the common class attribute) is not: its type is built in and
        // cannot be subclassed, so its slots never change.
        if d.is_a::<Function>() {
            return Ok(false);
        }
        Ok(slots_of_type(&d.type_obj()).descr_set.get().is_some())
    }

    /// getattr(obj, name) for instances of classes: the class's tp_getattro. A class
    /// that defines `__getattribute__` or `__getattr__` (itself or a base) has the
    /// hook of class_slots.rs (CPython's slot_tp_getattr_hook); any other has
    /// object's generic algorithm.
    pub(crate) fn instance_getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
        let ty = o.type_obj();
        if let Some(f) = slots_of_type(&ty).getattro.get() {
            if f as usize == class_slots::getattr_hook as *const () as usize {
                return f(self, o, name);
            }
        }
        match self.generic_getattr(o, &ty, name)? {
            Some(v) => Ok(v),
            None => Err(no_attribute(o, &string::as_str(name).unwrap_or_default())),
        }
    }

    /// object.__getattribute__: None when the attribute is not found.
    #[inline]
    pub(crate) fn generic_getattr(
        &mut self,
        o: &PyObj,
        ty: &TypeRef,
        name: &PyObj,
    ) -> VmResult<Option<PyObj>> {
        let descr = self.type_lookup(ty, name)?;
        if let Some(d) = &descr {
            if self.is_data_descr(d)? {
                return self.descr_get(d.clone(), Some(o), ty).map(Some);
            }
        }
        if let Some(v) = self.instance_attr_of(o, ty, name)? {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            return self.bind_descriptor(d, Some(o), ty).map(Some);
        }
        Ok(None)
    }

    /// setattr / delattr (value None) on an instance of a class.
    pub(crate) fn instance_setattr(
        &mut self,
        o: &PyObj,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<()> {
        let ty = o.type_obj();
        if let Some(f) = slots_of_type(&ty).setattro.get() {
            if f as usize == class_slots::setattro as *const () as usize {
                return f(self, o, name, value);
            }
        }
        self.generic_setattr_of(o, &ty, name, value)
    }

    /// object.__setattr__ / object.__delattr__.
    pub(crate) fn generic_setattr(
        &mut self,
        o: &PyObj,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<()> {
        let ty = o.type_obj();
        self.generic_setattr_of(o, &ty, name, value)
    }

    /// `generic_setattr` with `o`'s class `ty` at hand.
    fn generic_setattr_of(
        &mut self,
        o: &PyObj,
        ty: &TypeRef,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<()> {
        // An exact str needs no look at its text.
        if !crate::objects::dicttable::exact_str(name) && string::view(name).is_none() {
            return Err(exceptions::type_error(format!(
                "attribute name must be string, not '{}'",
                typeobj::type_name(name)
            )));
        }
        let descr = self.type_lookup(ty, name)?;
        if let Some(d) = &descr {
            if self.is_data_descr(d)? {
                return self.descr_set(d, o, value);
            }
        }
        // The common case: the instance's own namespace (its values or its dict).
        if o.vtable().heap_type && Self::has_managed_dict(o) {
            let deleting = value.is_none();
            if self.instance_store_of(o, ty, name, value)? || !deleting {
                return Ok(());
            }
            let n = string::as_str(name).unwrap_or_default().into_owned();
            return Err(no_attribute(o, &n));
        }
        let n = string::as_str(name).unwrap_or_default().into_owned();
        let Some(d) = self.instance_dict(o, value.is_some()) else {
            if value.is_none() && !o.pre_words().is_empty() {
                return Err(no_attribute(o, &n));
            }
            if descr.is_some() {
                return Err(attr_error(format!(
                    "'{}' object attribute '{n}' is read-only",
                    typeobj::type_name(o)
                )));
            }
            return Err(no_attribute(o, &n));
        };
        match self.store_attr_in(&d, name, value)? {
            true => Ok(()),
            false => Err(no_attribute(o, &n)),
        }
    }

    /// `d[name] = value`, or `del d[name]` when `value` is None: an attribute stored in
    /// a namespace dict (instance, class, module). False if there was nothing to delete.
    pub(crate) fn store_attr_in(
        &mut self,
        d: &PyObj,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<bool> {
        match value {
            Some(v) => self
                .dict_set(d, string::intern(name.clone()), v)
                .map(|_| true),
            None => {
                let old = self.dict_del(d, name)?;
                Ok(old.is_some())
            }
        }
    }

    /// tp_descr_set: `obj.name = value` (or del) through a data descriptor, by the
    /// descriptor's type's slot (property, member and getset descriptors fill it in
    /// their file; a class with `__set__` / `__delete__` has class_slots' one).
    pub(crate) fn descr_set(&mut self, d: &PyObj, o: &PyObj, value: Option<PyObj>) -> VmResult<()> {
        match slots_of_type(&d.type_obj()).descr_set.get() {
            Some(set) => set(self, d, o, value),
            None => Err(attr_error(
                if value.is_some() {
                    "__set__"
                } else {
                    "__delete__"
                }
                .to_string(),
            )),
        }
    }

    /// Attributes of a class object (type_getattro).
    pub(crate) fn class_getattr(&mut self, ty: &TypeRef, name: &PyObj) -> VmResult<Option<PyObj>> {
        let n = string::as_str(name).unwrap_or_default();
        let i = typeobj::info(ty);
        match &*n {
            "__mro__" => return Ok(Some(typeobj::mro(ty))),
            "__bases__" => {
                if let Some(h) = &i.heap {
                    if let Some(b) = &*h.bases.borrow() {
                        return Ok(Some(b.clone()));
                    }
                }
                return Ok(Some(match i.base() {
                    Some(b) => tuple::new(vec![b.as_obj().clone()]),
                    None => ctx().empty_tuple.clone(),
                }));
            }
            "__qualname__" => {
                if let Some(h) = &i.heap {
                    return Ok(Some(h.qualname.borrow().clone()));
                }
            }
            "__class__" => return Ok(Some(ty.type_obj().as_obj().clone())),
            "__dict__" => return Ok(Some(dict::new_mappingproxy(typeobj::type_dict(ty)))),
            "__doc__" if i.heap.is_none() => {
                let d = typeobj::type_dict(ty);
                return Ok(Some(
                    self.dict_get(&d, name)?
                        .unwrap_or_else(|| ctx().none.clone()),
                ));
            }
            _ => {}
        }
        if i.heap.is_none() {
            return Ok(None);
        }
        match self.type_lookup(ty, name)? {
            Some(v) => {
                if v.is_a::<Function>() {
                    return Ok(Some(v));
                }
                self.descr_get(v, None, ty).map(Some)
            }
            None => Ok(None),
        }
    }

    /// setattr / delattr on a class.
    pub(crate) fn class_setattr(
        &mut self,
        ty: &TypeRef,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<()> {
        let n = string::as_str(name).unwrap_or_default().into_owned();
        if !typeobj::is_heap_type(ty) {
            return Err(exceptions::type_error(format!(
                "cannot set '{n}' attribute of immutable type '{}'",
                typeobj::info(ty).name
            )));
        }
        // Inline caches (vm/quick.rs) rely on the type epoch for "no descriptor of
        // this name": storing or replacing anything but a plain value moves it on.
        let replaced = typeobj::type_dict(ty)
            .borrow::<dict::Dict>()
            .ok()
            .and_then(|d| {
                let h = string::hash(name)?;
                d.0.find(name, h, &mut |a: &PyObj, b: &PyObj| Ok(string::eq(a, b)))
                    .ok()
                    .flatten()
                    .and_then(|pos| d.0.value_at(pos))
            });
        if !crate::vm::quick::plain_class_value(value.as_ref())
            || !crate::vm::quick::plain_class_value(replaced.as_ref())
        {
            crate::objects::dicttable::bump_type_epoch();
        }
        match n.as_str() {
            "__qualname__" | "__name__" => {
                let shown = self.getattr(ty.as_obj(), &string::intern_str("__name__"))?;
                let shown = string::as_str(&shown).unwrap_or_default().into_owned();
                let Some(v) = &value else {
                    return Err(exceptions::type_error(format!(
                        "cannot delete '{n}' attribute of immutable type '{shown}'"
                    )));
                };
                if string::view(v).is_none() {
                    return Err(exceptions::type_error(format!(
                        "can only assign string to {shown}.{n}, not '{}'",
                        typeobj::type_name(v)
                    )));
                }
                if let (true, Some(h)) = (n == "__qualname__", &typeobj::info(ty).heap) {
                    *h.qualname.borrow_mut() = v.clone();
                    return Ok(());
                }
            }
            "__mro__" => return Err(attr_error("readonly attribute".to_string())),
            "__bases__" | "__module__" if value.is_none() => {
                return Err(exceptions::type_error(format!(
                    "cannot delete '{n}' attribute of immutable type '{}'",
                    typeobj::info(ty).name
                )))
            }
            "__bases__" => return self.set_bases(ty, value.expect("checked above")),
            "__dict__" => {
                return Err(attr_error(
                    "attribute '__dict__' of 'type' objects is not writable".to_string(),
                ))
            }
            _ => {}
        }
        let d = typeobj::type_dict(ty);
        let stored = self.store_attr_in(&d, name, value)?;
        if typeobj::slotdefs::is_slot_name(&n) {
            // This class's slots and its subclasses' follow the new method.
            typeobj::slotdefs::bump_slot_epoch();
        }
        if n == "__new__" && stored {
            if let Some(h) = &typeobj::info(ty).heap {
                h.new_slot.set(true);
            }
        }
        if n == "__del__" && stored {
            // Instances made before (and classes made without one) are finalized too.
            crate::heap::set_late_finalizer(Some(has_del));
        }
        match stored {
            true => Ok(()),
            false => Err(attr_error(format!(
                "type object '{}' has no attribute '{n}'",
                typeobj::info(ty).name
            ))),
        }
    }

    /// Attributes looked up through `super(...)`: the MRO of the object's type after
    /// the class given, bound to the object.
    pub(crate) fn super_getattr(&mut self, s: &PyObj, name: &PyObj) -> VmResult<Option<PyObj>> {
        let Some((v, inst, ot)) = self.super_find(s, name)? else {
            return Ok(None);
        };
        self.bind_descriptor(v, inst.as_ref(), &ot).map(Some)
    }

    /// LOAD_METHOD on an object of exactly `super`: what the instruction pushes, the
    /// function and the object it binds to when the attribute found is a Python
    /// function bound to an instance (no bound method made), else the NULL and the
    /// attribute as `super_getattr` binds it. None when the MRO after the class given
    /// does not have it (the super object's own attributes come next).
    pub(crate) fn super_method(&mut self, s: &PyObj, name: &PyObj) -> VmResult<Option<[PyObj; 2]>> {
        if !s.is_type(&self.ctx.super_type) {
            return Ok(None);
        }
        let Some((v, inst, ot)) = self.super_find(s, name)? else {
            return Ok(None);
        };
        match inst {
            Some(o) if v.is_a::<Function>() => Ok(Some([v, o])),
            inst => {
                let b = self.bind_descriptor(v, inst.as_ref(), &ot)?;
                Ok(Some([self.null.clone(), b]))
            }
        }
    }

    /// The attribute `name` of super object `s` along its object's type's MRO after
    /// the class given, with the object it binds to (None when unbound, or the object
    /// is the type itself: super(cls, cls)) and the type searched.
    fn super_find(
        &mut self,
        s: &PyObj,
        name: &PyObj,
    ) -> VmResult<Option<(PyObj, Option<PyObj>, TypeRef)>> {
        let sp = s.get::<Super>().expect("super");
        let Some(ot) = sp.obj_type.clone() else {
            return Ok(None);
        };
        let (start, obj) = (sp.ty.clone(), sp.obj.clone());
        if crate::objects::descr::is_class_name(name) {
            return Ok(None);
        }
        let m = typeobj::mro(&ot);
        let mut types = typeobj::mro_types(&m);
        if !types.any(|t| t.is(&start)) {
            return Ok(None);
        }
        for t in types {
            let d = typeobj::type_dict(&t);
            if let Some(v) = self.dict_get(&d, name)? {
                let inst = obj.filter(|o| !o.is(ot.as_obj()));
                return Ok(Some((v, inst, ot)));
            }
        }
        Ok(None)
    }
}

/// Does the class `ty` (or a base) define `__del__` now (heap::LateFinalizer)?
fn has_del(ty: &TypeRef) -> bool {
    let m = typeobj::mro(ty);
    typeobj::slotdefs::mro_lookup_str(&m, "__del__").is_some_and(|f| !f.is(&ctx().none))
}
