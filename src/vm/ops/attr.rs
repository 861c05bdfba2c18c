//! Attributes (`obj.name`, `obj.name = v`, `del obj.name`) and method lookup for
//! LOAD_METHOD.

use crate::heap::{PyObj, TypeRef};
use crate::objects::builtin_function::{self, MethodDescr};
use crate::objects::descr::{Descr, Property, Super, Wrapper};
use crate::objects::exception::ExcObj;
use crate::objects::function::Function;
use crate::objects::method::Method;
use crate::objects::module::{self, Module};
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, dict, float, int, string, tuple};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

/// AttributeError: 'T' object has no attribute 'name'.
pub(crate) fn no_attribute(o: &PyObj, name: &str) -> Exc {
    attribute_error(
        format!(
            "'{}' object has no attribute '{name}'",
            typeobj::type_name(o)
        ),
        o,
        name,
    )
}

/// An AttributeError carrying `name` and `obj`, as CPython 3.10+ sets them (the
/// traceback printer uses them for "Did you mean" suggestions).
pub(crate) fn attribute_error(msg: String, o: &PyObj, name: &str) -> Exc {
    let e = exceptions::named("AttributeError", msg);
    if let Ok(mut x) = e.0.borrow_mut::<ExcObj>() {
        let d = dict::new();
        for (k, v) in [("name", string::new(name)), ("obj", o.clone())] {
            let key = string::intern_str(k);
            let h = string::hash(&key).expect("str");
            let _ = dict::set_item(&d, key, h, v, &mut dict::builtin_eq);
        }
        x.dict = Some(d);
    }
    e
}

fn none_or(o: &Option<PyObj>) -> PyObj {
    o.clone().unwrap_or_else(|| ctx().none.clone())
}

impl Vm {
    /// getattr(obj, name).
    pub fn getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
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

    /// object.__getattribute__ for objects of built-in types: their data attributes,
    /// then their type's methods and descriptors.
    pub(crate) fn builtin_generic_getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
        let n = string::as_str(name).unwrap_or_default().into_owned();
        if o.is_a::<Super>() {
            if let Some(v) = self.super_getattr(o, name)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.special_attr(o, &n)? {
            return Ok(v);
        }
        if n == "__class__" {
            return Ok(o.type_obj().as_obj().clone());
        }
        // Methods and other attributes of the object's type.
        if let Some(v) = self.lookup_type_attr(&o.type_obj(), &n) {
            if let Some(d) = v.get::<MethodDescr>() {
                return Ok(builtin_function::new(d.def, Some(o.clone()), None));
            }
            if v.is_type(&ctx().property_type) || v.is_a::<Descr>() {
                // A data attribute of a built-in type (a file's `closed`, `name`;
                // `slice.start`).
                return self.descr_get(v, Some(o), &o.type_obj());
            }
            let vt = v.type_obj();
            if let Some(get) = typeobj::slotdefs::slots_of_type(&vt).descr_get.get() {
                return get(self, &v, Some(o), &o.type_obj());
            }
            return Ok(bind_classmethod(v, &o.type_obj()));
        }
        Err(no_attribute(o, &n))
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
    /// CPython's _PyObject_IsAbstract: a true `o.__isabstractmethod__` (a missing one is
    /// false).
    pub(crate) fn is_abstract(&mut self, o: &PyObj) -> VmResult<bool> {
        match self.getattr(o, &string::intern_str("__isabstractmethod__")) {
            Ok(v) => self.truthy(&v),
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Data attributes of the built-in types (function.__name__, e.args, x.real, ...).
    pub(super) fn special_attr(&mut self, o: &PyObj, n: &str) -> VmResult<Option<PyObj>> {
        if let Some(v) = crate::vm::gen::gen_attr(o, n) {
            return Ok(Some(v));
        }
        if let Ok(f) = o.borrow::<Function>() {
            let v = match n {
                "__name__" => Some(f.name.clone()),
                "__qualname__" => Some(f.qualname.clone()),
                "__code__" => Some(f.code.clone()),
                "__defaults__" => Some(none_or(&f.defaults)),
                "__kwdefaults__" => Some(none_or(&f.kwdefaults)),
                "__closure__" => Some(none_or(&f.closure)),
                "__doc__" => Some(none_or(&f.doc)),
                "__module__" => Some(none_or(&f.module)),
                "__globals__" => Some(f.globals.clone()),
                "__annotations__" => match &f.annotations {
                    Some(a) => Some(a.clone()),
                    None => {
                        // Made on first read, as CPython does.
                        drop(f);
                        let d = dict::new();
                        if let Ok(mut f) = o.borrow_mut::<Function>() {
                            f.annotations = Some(d.clone());
                        }
                        return Ok(Some(d));
                    }
                },
                "__dict__" => None,
                _ => match &f.dict {
                    Some(d) => {
                        let d = d.clone();
                        drop(f);
                        return self.dict_get(&d, &string::intern_str(n));
                    }
                    None => None,
                },
            };
            if v.is_some() || n != "__dict__" {
                return Ok(v);
            }
            drop(f);
            let d = dict::new();
            o.borrow_mut::<Function>()
                .map_err(|_| no_attribute(o, n))?
                .dict
                .get_or_insert(d);
            return Ok(o.borrow::<Function>().ok().and_then(|f| f.dict.clone()));
        }
        if o.is_a::<ExcObj>() {
            return self.exception_attr(o, n);
        }
        if let Some(m) = o.get::<Method>() {
            return Ok(match n {
                "__self__" => Some(m.self_.clone()),
                "__func__" => Some(m.func.clone()),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = m.func.clone();
                    return self.getattr(&f, &string::intern_str(n)).map(Some);
                }
                _ => None,
            });
        }
        if let Some(w) = o.get::<Wrapper>() {
            return Ok(match n {
                "__func__" | "__wrapped__" => Some(w.callable.clone()),
                // Copied from the function in CPython 3.10+ (functools.update_wrapper).
                "__doc__" | "__name__" | "__qualname__" | "__module__" => {
                    let f = w.callable.clone();
                    return match self.getattr(&f, &string::intern_str(n)) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => {
                            Ok(None)
                        }
                        Err(e) => Err(e),
                    };
                }
                "__isabstractmethod__" => {
                    let f = w.callable.clone();
                    Some(crate::vm::ops::bool_obj(self.is_abstract(&f)?))
                }
                _ => None,
            });
        }
        if let Ok(p) = o.borrow::<Property>() {
            return Ok(match n {
                "fget" => Some(none_or(&p.fget)),
                "fset" => Some(none_or(&p.fset)),
                "fdel" => Some(none_or(&p.fdel)),
                "__doc__" => Some(none_or(&p.doc)),
                "__isabstractmethod__" => {
                    let fs: Vec<PyObj> = [&p.fget, &p.fset, &p.fdel]
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect();
                    drop(p);
                    let mut abs = false;
                    for f in fs {
                        if self.is_abstract(&f)? {
                            abs = true;
                            break;
                        }
                    }
                    Some(crate::vm::ops::bool_obj(abs))
                }
                _ => None,
            });
        }
        if let Some(t) = o.get::<crate::objects::exception::Traceback>() {
            return Ok(match n {
                "tb_next" => Some(none_or(&t.next)),
                "tb_lineno" => Some(crate::objects::int::new_i64(t.lineno as i64)),
                "tb_lasti" => Some(crate::objects::int::new_i64(t.instr as i64 * 2)),
                _ => None,
            });
        }
        if let Some(v) = o.get::<dict::DictView>() {
            return Ok((n == "mapping").then(|| dict::new_mappingproxy(v.dict.clone())));
        }
        if let Some(b) = o.get::<builtin_function::BuiltinFunction>() {
            return Ok(match n {
                "__name__" => Some(string::new(b.def.name)),
                // A method's is its type's qualified name; a module function's its name.
                "__qualname__" => Some(string::new(&match &b.self_ {
                    Some(s) if TypeRef::from_obj::<TypeInfo>(s).is_some() => {
                        let t = TypeRef::from_obj::<TypeInfo>(s).expect("a type");
                        format!("{}.{}", typeobj::info(&t).name, b.def.name)
                    }
                    Some(s) if module::dict(s).is_none() => {
                        format!("{}.{}", typeobj::type_name(s), b.def.name)
                    }
                    _ => b.def.name.to_string(),
                })),
                "__self__" => Some(none_or(&b.self_)),
                "__module__" => Some(none_or(&b.module)),
                _ => None,
            });
        }
        if let Some(d) = o.get::<crate::objects::builtin_function::MethodDescr>() {
            return Ok(match n {
                "__name__" => Some(string::new(d.def.name)),
                "__qualname__" => Some(string::new(&format!(
                    "{}.{}",
                    typeobj::info(&d.objclass).name,
                    d.def.name
                ))),
                "__objclass__" => Some(d.objclass.as_obj().clone()),
                _ => None,
            });
        }
        if let Some(d) = o.get::<Descr>() {
            return Ok(match n {
                "__name__" => Some(d.name.clone()),
                "__objclass__" => Some(d.owner.as_obj().clone()),
                _ => None,
            });
        }
        if int::value(o).is_some() {
            return Ok(match n {
                "real" | "numerator" => Some(int::new(&int::value(o).expect("int")).expect("int")),
                "imag" => Some(int::new_i64(0)),
                "denominator" => Some(int::new_i64(1)),
                _ => None,
            });
        }
        if let Some(f) = float::value(o) {
            return Ok(match n {
                "real" => Some(float::new(f)),
                "imag" => Some(float::new(0.0)),
                _ => None,
            });
        }
        if let Some(s) = o.get::<crate::objects::slice::Slice>() {
            return Ok(match n {
                "start" => Some(s.start.clone()),
                "stop" => Some(s.stop.clone()),
                "step" => Some(s.step.clone()),
                _ => None,
            });
        }
        if let Some(r) = o.get::<crate::objects::range::Range>() {
            return Ok(match n {
                "start" => Some(r.start.clone()),
                "stop" => Some(r.stop.clone()),
                "step" => Some(r.step.clone()),
                _ => None,
            });
        }
        if let Some(v) = crate::objects::complex::getattr(o, n) {
            return Ok(Some(v));
        }
        if let Some(v) = crate::objects::buffer::getattr(o, n) {
            return Ok(Some(v?));
        }
        Ok(None)
    }

    /// What a built-in type's member or getset descriptor reads (descr.rs's
    /// `GetSetDef`): the object's class for `__class__`, else the type's own attribute
    /// code. None if the object has no such attribute.
    pub(crate) fn builtin_data_attr(&mut self, o: &PyObj, n: &str) -> VmResult<Option<PyObj>> {
        if n == "__class__" {
            return Ok(Some(o.type_obj().as_obj().clone()));
        }
        self.special_attr(o, n)
    }

    /// Assignment (or deletion) through a built-in type's member or getset descriptor.
    pub(crate) fn set_builtin_data_attr(
        &mut self,
        o: &PyObj,
        g: &crate::objects::descr::GetSetDef,
        value: Option<PyObj>,
    ) -> VmResult<()> {
        let n = g.name;
        if !g.writable {
            return Err(exceptions::named(
                "AttributeError",
                if g.member {
                    "readonly attribute".to_string()
                } else {
                    format!(
                        "attribute '{n}' of '{}' objects is not writable",
                        typeobj::type_name(o)
                    )
                },
            ));
        }
        if n == "__class__" {
            // glasspy cannot change the type of an existing object
            // (docs/differences.md).
            return Err(exceptions::type_error(format!(
                "__class__ assignment is not supported: '{}' object",
                typeobj::type_name(o)
            )));
        }
        match value {
            Some(v) if o.is_a::<ExcObj>() => self.exception_setattr(o, n, v),
            // Functions: their attribute code in `setattr` never looks at descriptors.
            Some(v) if o.is_a::<Function>() => self.setattr(o, &string::intern_str(n), Some(v)),
            Some(_) => Err(exceptions::named(
                "AttributeError",
                format!(
                    "attribute '{n}' of '{}' objects is not writable",
                    typeobj::type_name(o)
                ),
            )),
            None => Err(exceptions::type_error(format!("{n} may not be deleted"))),
        }
    }

    /// Data attributes of exceptions (args, __cause__, ...), then their `__dict__`.
    pub(crate) fn exception_attr(&mut self, o: &PyObj, n: &str) -> VmResult<Option<PyObj>> {
        let Ok(e) = o.borrow::<ExcObj>() else {
            return Ok(None);
        };
        let v = match n {
            "args" => Some(e.args.clone()),
            "__cause__" => Some(none_or(&e.cause)),
            "__context__" => Some(none_or(&e.context)),
            "__suppress_context__" => Some(super::bool_obj(e.suppress_context)),
            "__traceback__" => {
                drop(e);
                return Ok(Some(traceback_object(o)));
            }
            _ => None,
        };
        if v.is_some() {
            return Ok(v);
        }
        let first = tuple::items(&e.args).and_then(|a| a.first().cloned());
        let dictv = e.dict.clone();
        drop(e);
        let c = ctx();
        if (n == "value" && o.is_type(c.exc_type("StopIteration")))
            || (n == "code" && o.is_type(c.exc_type("SystemExit")))
        {
            return Ok(Some(first.unwrap_or_else(|| c.none.clone())));
        }
        if let Some(d) = dictv {
            if let Some(v) = self.dict_get(&d, &string::intern_str(n))? {
                return Ok(Some(v));
            }
        }
        // ImportError's members, None unless given (msg: the one argument).
        if matches!(n, "msg" | "name" | "path") && exceptions::matches(o, c.exc_type("ImportError"))
        {
            if n == "msg" {
                let args = exceptions::args(o);
                if let Some([m]) = tuple::items(&args) {
                    return Ok(Some(m.clone()));
                }
            }
            return Ok(Some(c.none.clone()));
        }
        Ok(crate::objects::codecs::unicode_error_attr(o, n))
    }

    /// Setting the data attributes of an exception.
    pub(crate) fn exception_setattr(&mut self, o: &PyObj, n: &str, v: PyObj) -> VmResult<()> {
        let none = v.is(&ctx().none);
        if n == "__traceback__" {
            return set_traceback(o, &v);
        }
        if n == "args" {
            let t = match tuple::items(&v) {
                Some(_) => v,
                None => tuple::new(self.collect_iter(&v)?),
            };
            let mut e = o.borrow_mut::<ExcObj>().map_err(|_| no_attribute(o, n))?;
            let old = std::mem::replace(&mut e.args, t);
            drop(e);
            drop(old);
            return Ok(());
        }
        let mut e = o.borrow_mut::<ExcObj>().map_err(|_| no_attribute(o, n))?;
        let old = match n {
            "__cause__" => {
                e.suppress_context = true;
                std::mem::replace(&mut e.cause, (!none).then_some(v))
            }
            "__context__" => std::mem::replace(&mut e.context, (!none).then_some(v)),
            "__suppress_context__" => {
                e.suppress_context = v.is(&ctx().true_);
                None
            }
            _ => None,
        };
        drop(e);
        drop(old);
        Ok(())
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
        if o.is_a::<Module>() || o.is_a::<Super>() || TypeRef::from_obj::<TypeInfo>(o).is_some() {
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
            if !f.is_a::<Function>() && !f.is_a::<MethodDescr>() {
                return Ok(None);
            }
            if self.instance_attr(o, name)?.is_some() {
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
        Ok(found.filter(|v| v.is_a::<MethodDescr>()))
    }

    /// setattr(obj, name, value), or delattr when `value` is None.
    pub fn setattr(&mut self, o: &PyObj, name: &PyObj, value: Option<PyObj>) -> VmResult<()> {
        if let Some(ty) = TypeRef::from_obj::<TypeInfo>(o) {
            return self.metaclass_instance_setattr(o, &ty, name, value);
        }
        if o.vtable().heap_type && !o.is_a::<Function>() && module::dict(o).is_none() {
            return self.instance_setattr(o, name, value);
        }
        if o.is_a::<crate::heap::WeakRef>() {
            // A built-in type with a setattro of its own (the weak proxies).
            if let Some(f) = typeobj::slotdefs::slots_of_type(&o.type_obj())
                .setattro
                .get()
            {
                return f(self, o, name, value);
            }
        }
        let n = string::as_str(name).unwrap_or_default().into_owned();
        if let Some(d) = module::dict(o).cloned() {
            return match self.store_attr_in(&d, name, value)? {
                true => Ok(()),
                false => Err(exceptions::named("AttributeError", n)),
            };
        }
        if o.is_a::<Function>() {
            if let Some(v) = value {
                let d = {
                    let mut f = o
                        .borrow_mut::<Function>()
                        .map_err(|_| no_attribute(o, &n))?;
                    match n.as_str() {
                        "__globals__" | "__closure__" | "__builtins__" => {
                            return Err(exceptions::named("AttributeError", "readonly attribute"));
                        }
                        "__defaults__" => {
                            let old = std::mem::replace(
                                &mut f.defaults,
                                (!v.is(&ctx().none)).then_some(v),
                            );
                            drop(f);
                            drop(old);
                            return Ok(());
                        }
                        "__name__" => {
                            let old = std::mem::replace(&mut f.name, v);
                            drop(f);
                            drop(old);
                            return Ok(());
                        }
                        // The other writable members (functools.wraps sets them).
                        "__qualname__" | "__doc__" | "__module__" | "__annotations__"
                        | "__kwdefaults__" => {
                            let none = v.is(&ctx().none);
                            let slot = match n.as_str() {
                                "__qualname__" => {
                                    let old = std::mem::replace(&mut f.qualname, v);
                                    drop(f);
                                    drop(old);
                                    return Ok(());
                                }
                                "__doc__" => &mut f.doc,
                                "__module__" => &mut f.module,
                                "__annotations__" => &mut f.annotations,
                                _ => &mut f.kwdefaults,
                            };
                            let keep = !none || n == "__doc__" || n == "__module__";
                            let old = std::mem::replace(slot, keep.then_some(v));
                            drop(f);
                            drop(old);
                            return Ok(());
                        }
                        "__dict__" => {
                            if !v.is_type(&ctx().dict_type) {
                                return Err(exceptions::type_error(
                                    "__dict__ must be set to a dictionary",
                                ));
                            }
                            let old = f.dict.replace(v);
                            drop(f);
                            drop(old);
                            return Ok(());
                        }
                        _ => f.dict.get_or_insert_with(dict::new).clone(),
                    }
                };
                return self.dict_set(&d, string::intern(name.clone()), v);
            }
        }
        if o.vtable().heap_type {
            return self.instance_setattr(o, name, value);
        }
        if let Some(ty) = TypeRef::from_obj::<TypeInfo>(o) {
            return self.class_setattr(&ty, name, value);
        }
        if o.is_a::<ExcObj>() {
            if let Some(v) = value {
                if matches!(
                    n.as_str(),
                    "args" | "__cause__" | "__context__" | "__suppress_context__" | "__traceback__"
                ) {
                    return self.exception_setattr(o, &n, v);
                }
                let d = self.instance_dict(o, true).expect("exceptions have a dict");
                return self.dict_set(&d, string::intern(name.clone()), v);
            }
        }
        if o.is_a::<ExcObj>() {
            if let Some(v) = value {
                let d = {
                    let mut e = o.borrow_mut::<ExcObj>().map_err(|_| no_attribute(o, &n))?;
                    match n.as_str() {
                        "__cause__" => {
                            let old =
                                std::mem::replace(&mut e.cause, (!v.is(&ctx().none)).then_some(v));
                            e.suppress_context = true;
                            drop(e);
                            drop(old);
                            return Ok(());
                        }
                        "__context__" => {
                            let old = std::mem::replace(
                                &mut e.context,
                                (!v.is(&ctx().none)).then_some(v),
                            );
                            drop(e);
                            drop(old);
                            return Ok(());
                        }
                        _ => e.dict.get_or_insert_with(dict::new).clone(),
                    }
                };
                return self.dict_set(&d, string::intern(name.clone()), v);
            }
        }
        // A member or getset descriptor of the type says why it cannot be assigned.
        if let Some(d) = self.lookup_type_attr(&o.type_obj(), &n) {
            if let Some(ds) = d.get::<Descr>() {
                if let crate::objects::descr::DescrKind::Builtin(g) = ds.kind {
                    return self.set_builtin_data_attr(o, g, value);
                }
            }
        }
        Err(no_attribute(o, &n))
    }
}

/// `exc.__traceback__ = tb` (None or a traceback object), also
/// `exc.with_traceback(tb)`: the exception's entries become those of the chain.
pub fn set_traceback(exc: &PyObj, tb: &PyObj) -> VmResult<()> {
    use crate::objects::exception::{TbEntry, Traceback};
    let entries = if tb.is(&ctx().none) {
        None
    } else if tb.is_a::<Traceback>() {
        let mut v = Vec::new();
        let mut cur = Some(tb.clone());
        while let Some(t) = cur {
            let t2 = t.get::<Traceback>().expect("a traceback");
            v.push(TbEntry {
                code: t2.code.clone(),
                instr: t2.instr,
            });
            cur = t2.next.clone();
        }
        // Entries are kept innermost first.
        v.reverse();
        Some(Box::new(v))
    } else {
        return Err(exceptions::type_error(
            "__traceback__ must be a traceback or None",
        ));
    };
    let old = match exc.borrow_mut::<ExcObj>() {
        Ok(mut e) => std::mem::replace(&mut e.traceback, entries),
        Err(_) => None,
    };
    drop(old);
    Ok(())
}

/// `exc.__traceback__`: a chain of traceback objects, outermost frame first (None if
/// the exception was never raised).
pub fn traceback_object(exc: &PyObj) -> PyObj {
    use crate::objects::code::Code;
    use crate::objects::exception::Traceback;
    let entries: Vec<(PyObj, u32)> = exc
        .borrow::<ExcObj>()
        .ok()
        .and_then(|e| {
            e.traceback
                .as_ref()
                .map(|t| t.iter().map(|x| (x.code.clone(), x.instr)).collect())
        })
        .unwrap_or_default();
    let mut next: Option<PyObj> = None;
    // Entries are innermost first: build from the inside out.
    for (code, instr) in entries {
        let lineno = code
            .get::<Code>()
            .and_then(|c| c.locations.get(instr as usize).map(|l| l.line))
            .unwrap_or(0);
        next = Some(PyObj::new(
            &ctx().traceback_type,
            Traceback {
                code,
                instr,
                lineno,
                next,
            },
        ));
    }
    next.unwrap_or_else(|| ctx().none.clone())
}
