//! The builtins of classes: `__build_class__`, staticmethod, classmethod, property
//! (with getter / setter / deleter), super, and the methods every class inherits from
//! object (`__init__`, `__setattr__`, `__getattribute__`, `__delattr__`, `__repr__`,
//! `__str__`, `__hash__`, `__eq__`, `__ne__`, `__format__`), plus
//! BaseException.__init__.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::{Args, Signature};
use crate::objects::builtin_function::MethodDef;
use crate::objects::descr::{Property, Super, Wrapper};
use crate::objects::exceptions::type_error;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, string};
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
        // CPython's supercheck: a class that is a subclass of `ty`, else an object
        // (a class too, when `ty` is its metaclass) whose type is.
        Some(o) => if let Some(t) =
            TypeRef::from_obj::<TypeInfo>(o).filter(|t| typeobj::is_subtype(t, &ty))
        {
            Some(t)
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

/// A function of the bundled copyreg module (the Python half of object's reduction
/// methods, as CPython's object.__reduce_ex__ calls copyreg for old protocols).
fn copyreg_call(vm: &mut Vm, name: &str, args: &[PyObj]) -> VmResult<PyObj> {
    let m = vm.import_absolute("copyreg")?;
    let f = vm.getattr(&m, &crate::objects::string::intern_str(name))?;
    vm.call(&f, Args::positional(args))
}

/// object.__getstate__(self).
fn object_getstate(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("__getstate__")?.clone();
    copyreg_call(vm, "_object_getstate", &[o])
}

/// object.__reduce__(self): protocol 0's reduction.
fn object_reduce(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("__reduce__")?.clone();
    copyreg_call(vm, "_reduce_ex", &[o, crate::objects::int::new_i64(0)])
}

/// object.__reduce_ex__(self, protocol): a class's own `__reduce__` if it has one,
/// else the reduction for the protocol.
fn object_reduce_ex(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = super::methods_args::this(&args);
    let s = s.clone();
    let proto = rest.one("__reduce_ex__")?;
    let proto = crate::objects::int::as_i64(proto).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            typeobj::type_name(proto)
        ))
    })?;
    let ty = s.type_obj();
    let own = vm.type_lookup_static(&ty, "__reduce__")?;
    let base = vm.type_lookup_static(&ctx().object_type, "__reduce__")?;
    if let (Some(own), Some(base)) = (own, base) {
        if !own.is(&base) {
            let bound = vm.bind_descriptor(own, Some(&s), &ty)?;
            return vm.call(&bound, Args::positional(&[]));
        }
    }
    if proto >= 2 {
        return copyreg_call(vm, "_reduce_newobj", &[s]);
    }
    copyreg_call(vm, "_reduce_ex", &[s, crate::objects::int::new_i64(proto)])
}

pub static OBJECT_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__reduce_ex__",
        func: object_reduce_ex,
    },
    MethodDef {
        name: "__reduce__",
        func: object_reduce,
    },
    MethodDef {
        name: "__getstate__",
        func: object_getstate,
    },
    MethodDef {
        name: "__format__",
        func: object_format,
    },
    MethodDef {
        name: "__sizeof__",
        func: super::sys::object_sizeof,
    },
    MethodDef {
        name: "__dir__",
        func: super::functions::object_dir,
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

/// object.__subclasshook__(cls, subclass): NotImplemented (the ABCs' default).
fn object_subclasshook(_rt: &mut dyn Runtime, _args: Args<'_>) -> VmResult<PyObj> {
    Ok(ctx().not_implemented.clone())
}

static SUBCLASSHOOK: MethodDef = MethodDef {
    name: "__subclasshook__",
    func: object_subclasshook,
};

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
pub fn install_types() {
    let c = ctx();
    crate::objects::typeobj::set_new(&c.staticmethod_type, &NEW_STATICMETHOD);
    crate::objects::typeobj::set_new(&c.classmethod_type, &NEW_CLASSMETHOD);
    crate::objects::typeobj::set_new(&c.property_type, &NEW_PROPERTY);
    crate::objects::typeobj::set_new(&c.super_type, &NEW_SUPER);
    crate::objects::typeobj::add_methods(&c.property_type, PROPERTY_METHODS);
    crate::objects::typeobj::add_methods(&c.object_type, OBJECT_METHODS);
    typeobj::add_classmethods(&c.object_type, &[&SUBCLASSHOOK, &INIT_SUBCLASS]);
}
