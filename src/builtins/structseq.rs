//! Struct sequences (`sys.version_info`, `sys.flags`, `sys.float_info`, ...: tuples
//! whose items are also named attributes, with CPython's repr) and
//! `types.SimpleNamespace` (`sys.implementation`'s type). Both are classes made with
//! `type_new` when the sys module is made, owned by that module.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::{self, MethodDef};
use crate::objects::descr::Property;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj;
use crate::objects::{ctx, dict, int, string, tuple};
use crate::vm::Vm;

static FIELD_GET: MethodDef = MethodDef {
    name: "field",
    func: field_get,
};

/// A field's getter: bound to its index, called with the instance.
fn field_get(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let [i, obj] = args.all else {
        return Err(exceptions::type_error(
            "a struct sequence field takes the instance",
        ));
    };
    let i = int::as_i64(i).unwrap_or(0) as usize;
    match tuple::items(obj).and_then(|t| t.get(i)) {
        Some(v) => Ok(v.clone()),
        None => Ok(ctx().none.clone()),
    }
}

static STRUCTSEQ_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__repr__",
        func: structseq_repr,
    },
    MethodDef {
        name: "__reduce__",
        func: structseq_reduce,
    },
];

/// `sys.version_info(major=3, minor=11, ...)`.
fn structseq_repr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let s = args.one("__repr__")?;
    let ty = s.type_obj();
    let d = typeobj::type_dict(&ty);
    let module = vm
        .dict_get_str(&d, "__module__")
        .and_then(|m| string::as_str(&m).map(|s| s.into_owned()));
    let name = typeobj::info(&ty).name.to_string();
    let full = match module {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    };
    let fields = vm.dict_get_str(&d, "__match_args__");
    let fields = fields
        .as_ref()
        .and_then(tuple::items)
        .unwrap_or(&[])
        .to_vec();
    let items = tuple::items(s).unwrap_or(&[]).to_vec();
    let mut parts = Vec::with_capacity(items.len());
    for (f, v) in fields.iter().zip(&items) {
        let f = string::as_str(f).unwrap_or_default().into_owned();
        parts.push(format!("{f}={}", vm.repr(v)?));
    }
    Ok(string::new(&format!("{full}({})", parts.join(", "))))
}

/// `(type, (tuple(self),))`.
fn structseq_reduce(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let s = args.one("__reduce__")?;
    let items = tuple::new(tuple::items(s).unwrap_or(&[]).to_vec());
    Ok(tuple::new(vec![
        s.type_obj().as_obj().clone(),
        tuple::new(vec![items]),
    ]))
}

/// A struct sequence class `module.name` with these fields.
pub fn make_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> VmResult<TypeRef> {
    let c = ctx();
    let ns = dict::new();
    vm.dict_set_str(&ns, "__module__", string::intern_str(module))?;
    vm.dict_set_str(&ns, "__slots__", c.empty_tuple.clone())?;
    let names: Vec<PyObj> = fields.iter().map(|f| string::intern_str(f)).collect();
    vm.dict_set_str(&ns, "__match_args__", tuple::new(names))?;
    let n = int::new_i64(fields.len() as i64);
    vm.dict_set_str(&ns, "n_sequence_fields", n.clone())?;
    vm.dict_set_str(&ns, "n_fields", n)?;
    vm.dict_set_str(&ns, "n_unnamed_fields", int::new_i64(0))?;
    for (i, f) in fields.iter().enumerate() {
        let getter = builtin_function::new(&FIELD_GET, Some(int::new_i64(i as i64)), None);
        let prop = PyObj::new(
            &c.property_type,
            Property {
                fget: Some(getter),
                fset: None,
                fdel: None,
                doc: None,
                name: Some(string::intern_str(f)),
                getter_doc: 0,
            },
        );
        vm.dict_set_str(&ns, f, prop)?;
    }
    let bases = [c.tuple_type.as_obj().clone()];
    let ty = vm.type_new(
        &ctx().type_type,
        &string::intern_str(name),
        &bases,
        &ns,
        &[],
    )?;
    add_methods(vm, &ty, STRUCTSEQ_METHODS)?;
    Ok(ty)
}

/// Method descriptors of `defs` set on a class made by `type_new`.
fn add_methods(vm: &mut Vm, ty: &TypeRef, defs: &'static [MethodDef]) -> VmResult<()> {
    for def in defs {
        let d = builtin_function::descriptor(def, ty);
        vm.setattr(ty.as_obj(), &string::intern_str(def.name), Some(d))?;
    }
    Ok(())
}

/// An instance of a struct sequence class.
pub fn new(vm: &mut Vm, ty: &TypeRef, values: Vec<PyObj>) -> VmResult<PyObj> {
    let t = tuple::new(values);
    vm.call(ty.as_obj(), Args::positional(&[t]))
}

// ----- types.SimpleNamespace ------------------------------------------------------------

static NAMESPACE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__init__",
        func: namespace_init,
    },
    MethodDef {
        name: "__repr__",
        func: namespace_repr,
    },
    MethodDef {
        name: "__eq__",
        func: namespace_eq,
    },
    MethodDef {
        name: "__reduce__",
        func: namespace_reduce,
    },
];

/// The class `types.SimpleNamespace`.
pub fn namespace_type(vm: &mut Vm) -> VmResult<TypeRef> {
    let c = ctx();
    let ns = dict::new();
    vm.dict_set_str(&ns, "__module__", string::intern_str("types"))?;
    vm.dict_set_str(&ns, "__hash__", c.none.clone())?;
    let bases = [c.object_type.as_obj().clone()];
    let ty = vm.type_new(
        &ctx().type_type,
        &string::intern_str("SimpleNamespace"),
        &bases,
        &ns,
        &[],
    )?;
    add_methods(vm, &ty, NAMESPACE_METHODS)?;
    Ok(ty)
}

fn instance_dict(vm: &mut Vm, o: &PyObj) -> VmResult<PyObj> {
    vm.getattr(o, &string::intern_str("__dict__"))
}

/// SimpleNamespace(**kwargs): keyword arguments become attributes.
fn namespace_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(exceptions::type_error("no positional arguments expected"));
    }
    let s = &pos[0];
    for (k, v) in args.kwargs() {
        vm.setattr(s, k, Some(v.clone()))?;
    }
    Ok(ctx().none.clone())
}

/// `namespace(a=1, b=2)` (a subclass shows its own name).
fn namespace_repr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let s = args.one("__repr__")?;
    let ty = s.type_obj();
    let name = if typeobj::info(&ty).name.as_ref() == "SimpleNamespace"
        && vm
            .dict_get_str(&typeobj::type_dict(&ty), "__module__")
            .and_then(|m| string::as_str(&m).map(|s| s == "types"))
            .unwrap_or(false)
    {
        "namespace".to_string()
    } else {
        typeobj::info(&ty).name.to_string()
    };
    if vm.repr_active.contains(&s.id()) {
        return Ok(string::new(&format!("{name}(...)")));
    }
    vm.repr_active.push(s.id());
    let d = instance_dict(vm, s);
    let r = d.and_then(|d| {
        let mut parts = Vec::new();
        for (k, v) in dict::items(&d).unwrap_or_default() {
            if let Some(k) = string::as_str(&k).map(|k| k.into_owned()) {
                parts.push(format!("{k}={}", vm.repr(&v)?));
            }
        }
        Ok(format!("{name}({})", parts.join(", ")))
    });
    vm.repr_active.pop();
    Ok(string::new(&r?))
}

/// Two namespaces are equal when their attributes are.
fn namespace_eq(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let [a, b] = args.pos() else {
        return Err(exceptions::type_error("__eq__ takes one argument"));
    };
    let ty = a.type_obj();
    let base = namespace_base(&ty);
    if !base.is_some_and(|t| typeobj::is_subtype(&b.type_obj(), &t)) {
        return Ok(ctx().not_implemented.clone());
    }
    let (da, db) = (instance_dict(vm, a)?, instance_dict(vm, b)?);
    let eq = vm.equal(&da, &db)?;
    Ok(crate::vm::ops::bool_obj(eq))
}

/// The SimpleNamespace class among `ty`'s bases (the one these methods belong to).
fn namespace_base(ty: &TypeRef) -> Option<TypeRef> {
    typeobj::base_chain(ty)
        .find(|t| typeobj::info(t).name.as_ref() == "SimpleNamespace" && typeobj::is_heap_type(t))
}

/// `(type(self), (), self.__dict__)`.
fn namespace_reduce(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let s = args.one("__reduce__")?;
    let d = instance_dict(vm, s)?;
    let d = vm.dict_copy(&d)?;
    Ok(tuple::new(vec![
        s.type_obj().as_obj().clone(),
        ctx().empty_tuple.clone(),
        d,
    ]))
}
