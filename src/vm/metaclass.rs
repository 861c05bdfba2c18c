//! Metaclasses: the class statement (`__build_class__`: `__mro_entries__`, the most
//! derived metaclass, `__prepare__`, the call of the metaclass), attributes of classes
//! found through their metaclass (CPython's type_getattro), and isinstance /
//! issubclass with the metaclass hooks `__instancecheck__` / `__subclasscheck__`.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::function::Function;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{cell, ctx, dict, method, string, tuple, uniontype};

use super::call::ArgVec;
use super::Vm;

const CONFLICT: &str = "metaclass conflict: the metaclass of a derived class must be a \
                        (non-strict) subclass of the metaclasses of all its bases";

fn type_error(msg: impl Into<String>) -> exceptions::Exc {
    exceptions::type_error(msg.into())
}

/// The arguments `(*pos, **kwds)` as one vector and the keyword names.
fn with_kwds(pos: Vec<PyObj>, kwds: &[(PyObj, PyObj)]) -> (ArgVec, Vec<PyObj>) {
    let mut all: ArgVec = pos.into_iter().collect();
    let mut names = Vec::with_capacity(kwds.len());
    for (k, v) in kwds {
        all.push(v.clone());
        names.push(k.clone());
    }
    (all, names)
}

impl Vm {
    /// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: resolve the bases
    /// (`__mro_entries__`), pick the metaclass, make the namespace (`__prepare__`), run
    /// the body in it, call the metaclass, and fill the body's `__class__` cell.
    pub fn build_class(&mut self, args: Args<'_>) -> VmResult<PyObj> {
        let pos = args.pos();
        if pos.len() < 2 {
            return Err(type_error("__build_class__: not enough arguments"));
        }
        let func = pos[0].clone();
        if !func.is_a::<Function>() {
            return Err(type_error("__build_class__: func must be a function"));
        }
        let name = pos[1].clone();
        if string::view(&name).is_none() {
            return Err(type_error("__build_class__: name is not a string"));
        }
        let orig_bases: Vec<PyObj> = pos[2..].to_vec();
        let updated = self.update_bases(&orig_bases)?;
        let bases = updated.clone().unwrap_or_else(|| orig_bases.clone());
        let mut meta: Option<PyObj> = None;
        let mut kwds: Vec<(PyObj, PyObj)> = Vec::new();
        for (k, v) in args.kwargs() {
            if string::as_str(k).as_deref() == Some("metaclass") {
                meta = Some(v.clone());
                continue;
            }
            kwds.push((k.clone(), v.clone()));
        }
        let c = ctx();
        let meta = match meta {
            Some(m) => m,
            None => match bases.first() {
                Some(b) => b.type_obj().as_obj().clone(),
                None => c.type_type.as_obj().clone(),
            },
        };
        // A metaclass that is a class gives way to the most derived one of the bases'.
        let meta = match TypeRef::from_obj::<TypeInfo>(&meta) {
            Some(m) => self.calculate_metaclass(&m, &bases)?.as_obj().clone(),
            None => meta,
        };
        let bases_tuple = tuple::new(bases.clone());
        let plain = meta.is(c.type_type.as_obj());
        let ns = if plain {
            dict::new()
        } else {
            self.prepare_namespace(&meta, &name, &bases_tuple, &kwds)?
        };
        let ret = self.run_class_body(&func, &ns)?;
        if updated.is_some() {
            let key = string::intern_str("__orig_bases__");
            self.ns_set(&ns, key, tuple::new(orig_bases))?;
        }
        let cls = if plain {
            self.type_new(&c.type_type, &name, &bases, &ns, &kwds)?
                .as_obj()
                .clone()
        } else {
            let (all, names) = with_kwds(vec![name, bases_tuple, ns], &kwds);
            self.call(
                &meta,
                Args {
                    all: &all,
                    kwnames: &names,
                },
            )?
        };
        if ret.is_a::<crate::objects::cell::Cell>() && TypeRef::from_obj::<TypeInfo>(&cls).is_some()
        {
            drop(cell::set(&ret, Some(cls.clone())));
        }
        Ok(cls)
    }

    /// `meta.__prepare__(name, bases, **kwds)`, which must give a mapping; a metaclass
    /// without one (a plain function) gets a new dict.
    fn prepare_namespace(
        &mut self,
        meta: &PyObj,
        name: &PyObj,
        bases: &PyObj,
        kwds: &[(PyObj, PyObj)],
    ) -> VmResult<PyObj> {
        let prep = match self.getattr(meta, &string::intern_str("__prepare__")) {
            Ok(p) => p,
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => {
                return Ok(dict::new())
            }
            Err(e) => return Err(e),
        };
        let (all, names) = with_kwds(vec![name.clone(), bases.clone()], kwds);
        let ns = self.call(
            &prep,
            Args {
                all: &all,
                kwnames: &names,
            },
        )?;
        let is_mapping = ns.is_a::<dict::Dict>()
            || typeobj::slotdefs::slots_of_type(&ns.type_obj())
                .subscript
                .get()
                .is_some();
        if !is_mapping {
            let who = match TypeRef::from_obj::<TypeInfo>(meta) {
                Some(m) => typeobj::info(&m).name.to_string(),
                None => "<metaclass>".to_string(),
            };
            return Err(type_error(format!(
                "{who}.__prepare__() must return a mapping, not {}",
                typeobj::type_name(&ns)
            )));
        }
        Ok(ns)
    }

    /// CPython's update_bases: a base that is not a class and has `__mro_entries__`
    /// is replaced by what that returns (a tuple). None when no base was replaced.
    fn update_bases(&mut self, bases: &[PyObj]) -> VmResult<Option<Vec<PyObj>>> {
        let mut out: Option<Vec<PyObj>> = None;
        let key = string::intern_str("__mro_entries__");
        for (i, b) in bases.iter().enumerate() {
            if TypeRef::from_obj::<TypeInfo>(b).is_some() {
                if let Some(o) = &mut out {
                    o.push(b.clone());
                }
                continue;
            }
            let f = match self.getattr(b, &key) {
                Ok(f) => f,
                Err(e) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => {
                    if let Some(o) = &mut out {
                        o.push(b.clone());
                    }
                    continue;
                }
                Err(e) => return Err(e),
            };
            let all = [tuple::new(bases.to_vec())];
            let r = self.call(&f, Args::positional(&all))?;
            let Some(items) = tuple::items(&r) else {
                return Err(type_error("__mro_entries__ must return a tuple"));
            };
            let o = out.get_or_insert_with(|| bases[..i].to_vec());
            o.extend(items.iter().cloned());
        }
        Ok(out)
    }

    /// A metaclass that overrides `mro()` decides the class's `__mro__`: each item must
    /// be a class.
    pub(crate) fn custom_mro(&mut self, cls: &TypeRef, meta: &TypeRef) -> VmResult<()> {
        let Some(f) = self.type_lookup(meta, &string::intern_str("mro"))? else {
            return Ok(());
        };
        if f.is_a::<crate::objects::builtin_function::MethodDescr>() {
            return Ok(());
        }
        let bound = self.bind_descriptor(f, Some(cls.as_obj()), meta)?;
        let r = self.call(&bound, Args::positional(&[]))?;
        let items = self.collect_iter(&r)?;
        for it in &items {
            if TypeRef::from_obj::<TypeInfo>(it).is_none() {
                return Err(type_error(format!(
                    "mro() returned a non-class ('{}')",
                    typeobj::type_name(it)
                )));
            }
        }
        *typeobj::info(cls).mro.borrow_mut() = Some(tuple::new(items.into_iter().collect()));
        crate::objects::dicttable::bump_type_epoch();
        Ok(())
    }

    /// CPython's _PyType_CalculateMetaclass: the most derived of `meta` and the
    /// metaclasses of the bases; a TypeError when none is a subclass of all others.
    pub(crate) fn calculate_metaclass(
        &mut self,
        meta: &TypeRef,
        bases: &[PyObj],
    ) -> VmResult<TypeRef> {
        let mut winner = meta.clone();
        for b in bases {
            let t = b.type_obj();
            if typeobj::is_subtype(&winner, &t) {
                continue;
            }
            if typeobj::is_subtype(&t, &winner) {
                winner = t;
                continue;
            }
            return Err(type_error(CONFLICT));
        }
        Ok(winner)
    }

    /// An attribute of a class object (CPython's type_getattro): a data descriptor of
    /// the metaclass first, then the class's own MRO, then the metaclass's attribute
    /// (bound to the class).
    pub(crate) fn type_getattro(&mut self, ty: &TypeRef, name: &PyObj) -> VmResult<PyObj> {
        let meta = ty.as_obj().type_obj();
        let plain = meta.is(&ctx().type_type);
        let meta_attr = if plain {
            None
        } else {
            self.type_lookup(&meta, name)?
        };
        if let Some(ma) = &meta_attr {
            if !ma.is_a::<Function>() && self.is_data_descr(ma)? {
                return self.descr_get(ma.clone(), Some(ty.as_obj()), &meta);
            }
        }
        if let Some(v) = self.class_getattr(ty, name)? {
            return Ok(v);
        }
        let n = string::as_str(name).unwrap_or_default().into_owned();
        if let Some(v) = self.type_getattr(ty, &n)? {
            return Ok(v);
        }
        let meta_attr = match meta_attr {
            Some(m) => Some(m),
            None if plain => self.type_lookup(&meta, name)?,
            None => None,
        };
        if let Some(ma) = meta_attr {
            if ma.is_a::<Function>() {
                return Ok(method::new(ma, ty.as_obj().clone()));
            }
            return self.descr_get(ma, Some(ty.as_obj()), &meta);
        }
        if n == "__abstractmethods__" {
            // type's getset: a class without the entry (and type itself) has none.
            return Err(exceptions::named("AttributeError", n));
        }
        Err(super::ops::attribute_error(
            format!(
                "type object '{}' has no attribute '{n}'",
                typeobj::info(ty).name
            ),
            ty.as_obj(),
            &n,
        ))
    }

    /// getattr on a class whose metaclass is a class: the metaclass's
    /// `__getattribute__` / `__getattr__` when it defines them, else type_getattro.
    pub(crate) fn metaclass_instance_getattr(
        &mut self,
        o: &PyObj,
        ty: &TypeRef,
        name: &PyObj,
    ) -> VmResult<PyObj> {
        let own = typeobj::slotdefs::slots_of_type(&o.type_obj())
            .getattro
            .get();
        let types = typeobj::slotdefs::slots_of_type(&ctx().type_type)
            .getattro
            .get();
        match own {
            Some(f) if types.map(|t| t as usize) != Some(f as usize) => f(self, o, name),
            _ => self.type_getattro(ty, name),
        }
    }

    /// setattr / delattr on a class: the metaclass's `__setattr__` / `__delattr__`
    /// when it defines them, else type_setattro.
    pub(crate) fn metaclass_instance_setattr(
        &mut self,
        o: &PyObj,
        ty: &TypeRef,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<()> {
        let meta = o.type_obj();
        if !meta.is(&ctx().type_type) {
            let own = typeobj::slotdefs::slots_of_type(&meta).setattro.get();
            let types = typeobj::slotdefs::slots_of_type(&ctx().type_type)
                .setattro
                .get();
            if let Some(f) = own {
                if types.map(|t| t as usize) != Some(f as usize) {
                    return f(self, o, name, value);
                }
            }
        }
        self.type_setattro(ty, name, value)
    }

    /// setattr / delattr on a class (CPython's type_setattro): a data descriptor of the
    /// metaclass takes the value, else the class's dict does.
    pub(crate) fn type_setattro(
        &mut self,
        ty: &TypeRef,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<()> {
        let meta = ty.as_obj().type_obj();
        if !meta.is(&ctx().type_type) {
            if let Some(d) = self.type_lookup(&meta, name)? {
                if !d.is_a::<Function>() && self.is_data_descr(&d)? {
                    return self.descr_set(&d, ty.as_obj(), value);
                }
            }
        }
        self.class_setattr(ty, name, value)
    }

    /// isinstance(obj, classinfo) (PyObject_IsInstance): an exact type match, then
    /// for each class of a (nested) tuple its metaclass's `__instancecheck__`.
    pub fn isinstance(&mut self, obj: &PyObj, classinfo: &PyObj) -> VmResult<bool> {
        if obj.type_addr() == classinfo.id() {
            return Ok(true);
        }
        let t = obj.type_obj();
        // One class whose metaclass is `type` itself (no `__instancecheck__` of its
        // own): the loop's answer for it, without the list of classes to visit.
        if let Some(c) = TypeRef::from_obj::<TypeInfo>(classinfo) {
            if c.as_obj().is_type(&ctx().type_type) {
                return Ok(typeobj::is_subtype(&t, &c));
            }
        }
        let mut todo = vec![classinfo.clone()];
        while let Some(cls) = todo.pop() {
            if let Some(items) = tuple::items(&cls).filter(|_| cls.is_a::<tuple::Tuple>()) {
                todo.extend(items.iter().rev().cloned());
                continue;
            }
            if let Some(items) = uniontype::members(&cls) {
                todo.extend(items.into_iter().rev());
                continue;
            }
            let hit = match TypeRef::from_obj::<TypeInfo>(&cls) {
                Some(c) if c.as_obj().type_obj().is(&ctx().type_type) => {
                    typeobj::is_subtype(&t, &c)
                }
                _ => {
                    match self.call_special(&cls, "__instancecheck__", std::slice::from_ref(obj))? {
                        Some(r) => self.truthy(&r)?,
                        None => {
                            return Err(type_error(
                                "isinstance() arg 2 must be a type, a tuple of types, or a union",
                            ))
                        }
                    }
                }
            };
            if hit {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// issubclass(derived, classinfo) (PyObject_IsSubclass), with the metaclass's
    /// `__subclasscheck__`.
    pub fn issubclass(&mut self, derived: &PyObj, classinfo: &PyObj) -> VmResult<bool> {
        let mut todo = vec![classinfo.clone()];
        while let Some(cls) = todo.pop() {
            if let Some(items) = tuple::items(&cls).filter(|_| cls.is_a::<tuple::Tuple>()) {
                todo.extend(items.iter().rev().cloned());
                continue;
            }
            if let Some(items) = uniontype::members(&cls) {
                todo.extend(items.into_iter().rev());
                continue;
            }
            let hit = match TypeRef::from_obj::<TypeInfo>(&cls) {
                Some(c) if c.as_obj().type_obj().is(&ctx().type_type) => {
                    recursive_issubclass(derived, &cls)?
                }
                _ => {
                    match self.call_special(
                        &cls,
                        "__subclasscheck__",
                        std::slice::from_ref(derived),
                    )? {
                        Some(r) => self.truthy(&r)?,
                        None => recursive_issubclass(derived, &cls)?,
                    }
                }
            };
            if hit {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// issubclass for classes (type.__subclasscheck__): both must be classes.
pub(crate) fn recursive_issubclass(derived: &PyObj, cls: &PyObj) -> VmResult<bool> {
    let Some(d) = TypeRef::from_obj::<TypeInfo>(derived) else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    let Some(c) = TypeRef::from_obj::<TypeInfo>(cls) else {
        return Err(type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    };
    Ok(typeobj::is_subtype(&d, &c))
}
