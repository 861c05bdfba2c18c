//! The builtins of classes: `__build_class__`, staticmethod, classmethod, property
//! (with getter / setter / deleter), super, and the methods every class inherits from
//! object (`__init__`, `__setattr__`, `__getattribute__`, `__delattr__`, `__repr__`,
//! `__str__`, `__hash__`, `__eq__`, `__ne__`, `__format__`), plus
//! BaseException.__init__.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::{Args, Signature};
use crate::objects::builtin_function::MethodDef;
use crate::objects::descr::{Property, Super, Wrapper};
use crate::objects::exception::ExcObj;
use crate::objects::exceptions;
use crate::objects::exceptions::type_error;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, string, tuple};
use crate::vm::Vm;

use super::constructors::called_type;
use super::methods_args::this;

/// __build_class__(func, name, *bases, **kwds)
fn build_class(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    vm.build_class(args)
}

pub static BUILD_CLASS: MethodDef = MethodDef {
    name: "__build_class__",
    func: build_class,
};

/// staticmethod(f) / classmethod(f)
fn new_wrapper(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let ty = called_type(&args, "staticmethod")?;
    let (_, rest) = this(&args);
    let name = typeobj::info(&ty).name.to_string();
    rest.no_kw(&name)?;
    let f = rest.range(&name, 1, 1)?[0].clone();
    Ok(PyObj::new(
        &ty,
        Wrapper {
            callable: f,
            dict: None,
        },
    ))
}

/// property(fget=None, fset=None, fdel=None, doc=None)
fn new_property(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (_, rest) = this(&args);
    let a = rest.parse(&Signature {
        fname: "property",
        names: &["fget", "fset", "fdel", "doc"],
        posonly: 0,
        maxpos: 4,
        required: 0,
    })?;
    let some = |o: Option<&PyObj>| o.filter(|o| !o.is(&ctx().none)).cloned();
    let fget = some(a[0]);
    let mut doc = some(a[3]);
    let mut getter_doc = 0;
    if doc.is_none() {
        if let Some(g) = &fget {
            if let Ok(d) = vm.getattr(g, &string::intern_str("__doc__")) {
                if !d.is(&ctx().none) {
                    doc = Some(d);
                    getter_doc = 1;
                }
            }
        }
    }
    Ok(PyObj::new(
        &ctx().property_type,
        Property {
            fget,
            fset: some(a[1]),
            fdel: some(a[2]),
            doc,
            name: None,
            getter_doc,
        },
    ))
}

/// property.getter / setter / deleter: a copy with one function replaced.
fn property_copy(args: &Args<'_>, which: usize, fname: &str) -> VmResult<PyObj> {
    let (s, rest) = this(args);
    let f = rest.range(fname, 1, 1)?[0].clone();
    let p = s
        .borrow::<Property>()
        .map_err(|_| type_error("descriptor requires a 'property' object"))?;
    let mut fns = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    fns[which] = (!f.is(&ctx().none)).then_some(f);
    let [fget, fset, fdel] = fns;
    let mut doc = p.doc.clone();
    if which == 0 && p.getter_doc != 0 {
        doc = None;
    }
    let name = p.name.clone();
    drop(p);
    Ok(PyObj::new(
        &s.type_obj(),
        Property {
            fget,
            fset,
            fdel,
            doc,
            name,
            getter_doc: 0,
        },
    ))
}

fn property_getter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    property_copy(&args, 0, "getter")
}
fn property_setter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    property_copy(&args, 1, "setter")
}
fn property_deleter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    property_copy(&args, 2, "deleter")
}

/// property.__set_name__(owner, name)
fn property_set_name(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    let a = rest.range("__set_name__", 2, 2)?;
    if let Ok(mut p) = s.borrow_mut::<Property>() {
        let old = p.name.replace(a[1].clone());
        drop(p);
        drop(old);
    }
    Ok(ctx().none.clone())
}

/// property.__get__(obj, type=None)
fn property_get(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.range("__get__", 1, 2)?;
    let obj = (!a[0].is(&ctx().none)).then(|| a[0].clone());
    let ty = obj
        .as_ref()
        .map_or_else(|| ctx().object_type.clone(), |o| o.type_obj());
    vm.descr_get(s.clone(), obj.as_ref(), &ty)
}

pub static PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "getter",
        func: property_getter,
    },
    MethodDef {
        name: "setter",
        func: property_setter,
    },
    MethodDef {
        name: "deleter",
        func: property_deleter,
    },
    MethodDef {
        name: "__set_name__",
        func: property_set_name,
    },
    MethodDef {
        name: "__get__",
        func: property_get,
    },
];

/// super() / super(type) / super(type, obj)
fn new_super(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (_, rest) = this(&args);
    rest.no_kw("super")?;
    let pos = rest.range("super", 0, 2)?;
    let (ty, obj) = match pos.len() {
        0 => {
            let (t, o) = vm.zero_arg_super()?;
            (t, Some(o))
        }
        n => {
            let Some(t) = TypeRef::from_obj::<TypeInfo>(&pos[0]) else {
                return Err(type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    typeobj::type_name(&pos[0])
                )));
            };
            (t, (n == 2).then(|| pos[1].clone()))
        }
    };
    let obj_type = match &obj {
        None => None,
        Some(o) => if let Some(t) = TypeRef::from_obj::<TypeInfo>(o) {
            if typeobj::is_subtype(&t, &ty) {
                Some(t)
            } else {
                None
            }
        } else if typeobj::is_subtype(&o.type_obj(), &ty) {
            Some(o.type_obj())
        } else {
            None
        }
        .ok_or_else(|| type_error("super(type, obj): obj must be an instance or subtype of type"))
        .map(Some)?,
    };
    Ok(PyObj::new(&ctx().super_type, Super { ty, obj, obj_type }))
}

// ----- object's methods --------------------------------------------------------------

/// object.__new__ for classes (the built-in `object()` is handled by its constructor).
pub fn object_new_class(vm: &mut Vm, args: &Args<'_>) -> VmResult<PyObj> {
    let ty = called_type(args, "object")?;
    vm.object_new(&ty, args.all.len() - 1)
}

/// object.__init__(self, *args, **kwargs)
fn object_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    if !rest.all.is_empty() {
        let ty = s.type_obj();
        if vm.overrides(&ty, "__init__") {
            return Err(type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if vm.new_is_object_new(&ty) {
            return Err(type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                typeobj::info(&ty).name
            )));
        }
    }
    Ok(ctx().none.clone())
}

fn object_setattr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.range("__setattr__", 2, 2)?;
    vm.generic_setattr(s, &a[0], Some(a[1].clone()))?;
    Ok(ctx().none.clone())
}

fn object_delattr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.range("__delattr__", 1, 1)?;
    vm.generic_setattr(s, &a[0], None)?;
    Ok(ctx().none.clone())
}

fn object_getattribute(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.range("__getattribute__", 1, 1)?;
    if string::view(&a[0]).is_none() {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            typeobj::type_name(&a[0])
        )));
    }
    if !s.vtable().heap_type {
        return vm.getattr(s, &a[0]);
    }
    let ty = s.type_obj();
    match vm.generic_getattr(s, &ty, &a[0])? {
        Some(v) => Ok(v),
        None => Err(exceptions::named(
            "AttributeError",
            format!(
                "'{}' object has no attribute '{}'",
                typeobj::type_name(s),
                string::as_str(&a[0]).unwrap_or_default()
            ),
        )),
    }
}

fn object_repr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, _) = this(&args);
    Ok(string::new(&vm.default_repr(s)))
}

fn object_str(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, _) = this(&args);
    vm.repr_obj(s)
}

fn object_hash(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, _) = this(&args);
    Ok(crate::objects::int::new_i64(
        crate::objects::numeric::hash_pointer(s.id()),
    ))
}

fn object_eq(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    let a = rest.range("__eq__", 1, 1)?;
    Ok(if s.is(&a[0]) {
        ctx().true_.clone()
    } else {
        ctx().not_implemented.clone()
    })
}

fn object_ne(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.range("__ne__", 1, 1)?;
    // The inverse of __eq__, unless that is NotImplemented.
    let r = match vm.call_special(s, "__eq__", &a[..1])? {
        Some(r) => r,
        None => ctx().not_implemented.clone(),
    };
    if r.is(&ctx().not_implemented) {
        return Ok(r);
    }
    Ok(crate::vm::ops::bool_obj(!vm.truthy(&r)?))
}

fn object_format(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.range("__format__", 1, 1)?;
    let Some(spec) = string::as_str(&a[0]) else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            typeobj::type_name(&a[0])
        )));
    };
    if !spec.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            typeobj::type_name(s)
        )));
    }
    vm.str_obj(s)
}

pub static OBJECT_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__init__",
        func: object_init,
    },
    MethodDef {
        name: "__setattr__",
        func: object_setattr,
    },
    MethodDef {
        name: "__delattr__",
        func: object_delattr,
    },
    MethodDef {
        name: "__getattribute__",
        func: object_getattribute,
    },
    MethodDef {
        name: "__repr__",
        func: object_repr,
    },
    MethodDef {
        name: "__str__",
        func: object_str,
    },
    MethodDef {
        name: "__hash__",
        func: object_hash,
    },
    MethodDef {
        name: "__eq__",
        func: object_eq,
    },
    MethodDef {
        name: "__ne__",
        func: object_ne,
    },
    MethodDef {
        name: "__format__",
        func: object_format,
    },
];

/// object.__init_subclass__(cls): accepts no keywords.
fn object_init_subclass(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    if !args.kwnames.is_empty() {
        let name = args
            .all
            .first()
            .and_then(TypeRef::from_obj::<TypeInfo>)
            .map(|t| typeobj::info(&t).name.to_string())
            .unwrap_or_default();
        return Err(type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(ctx().none.clone())
}

static INIT_SUBCLASS: MethodDef = MethodDef {
    name: "__init_subclass__",
    func: object_init_subclass,
};

/// BaseException.__init__(self, *args): args become the new args.
fn exception_init(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    let t = tuple::new(rest.pos().to_vec());
    if let Ok(mut e) = s.borrow_mut::<ExcObj>() {
        let old = std::mem::replace(&mut e.args, t);
        drop(e);
        drop(old);
    }
    Ok(ctx().none.clone())
}

fn exception_repr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, _) = this(&args);
    Ok(string::new(&vm.exception_repr(s)))
}

fn exception_str(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, _) = this(&args);
    Ok(string::new(&vm.exception_str(s)?))
}

pub static EXCEPTION_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__init__",
        func: exception_init,
    },
    MethodDef {
        name: "__repr__",
        func: exception_repr,
    },
    MethodDef {
        name: "__str__",
        func: exception_str,
    },
];

pub static NEW_STATICMETHOD: MethodDef = MethodDef {
    name: "staticmethod",
    func: new_wrapper,
};
pub static NEW_CLASSMETHOD: MethodDef = MethodDef {
    name: "classmethod",
    func: new_wrapper,
};
pub static NEW_PROPERTY: MethodDef = MethodDef {
    name: "property",
    func: new_property,
};
pub static NEW_SUPER: MethodDef = MethodDef {
    name: "super",
    func: new_super,
};

/// Install the class builtins (once per thread).
pub fn install_types(vm: &mut Vm) {
    let c = ctx();
    crate::objects::typeobj::set_new(&c.staticmethod_type, &NEW_STATICMETHOD);
    crate::objects::typeobj::set_new(&c.classmethod_type, &NEW_CLASSMETHOD);
    crate::objects::typeobj::set_new(&c.property_type, &NEW_PROPERTY);
    crate::objects::typeobj::set_new(&c.super_type, &NEW_SUPER);
    crate::objects::typeobj::add_methods(&c.property_type, PROPERTY_METHODS);
    crate::objects::typeobj::add_methods(&c.object_type, OBJECT_METHODS);
    let isc = crate::objects::builtin_function::new(&INIT_SUBCLASS, None, None);
    let w = PyObj::new(
        &c.classmethod_type,
        Wrapper {
            callable: isc,
            dict: None,
        },
    );
    let d = typeobj::type_dict(&c.object_type);
    vm.dict_set(&d, string::intern_str("__init_subclass__"), w)
        .expect("str keys");
    crate::objects::typeobj::add_methods(c.exc_type("BaseException"), EXCEPTION_METHODS);
    crate::vm::ops::register_iterator::<crate::objects::iter::GetItemIter>(|vm, it| {
        vm.getitem_iter_next(it)
    });
}
