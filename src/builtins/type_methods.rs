//! The methods and slots of `type` itself, which every metaclass inherits:
//! `__call__`, `__getattribute__`, `__setattr__` / `__delattr__` (type_call,
//! type_getattro, type_setattro), `__init__`, `__prepare__`, `mro`,
//! `__instancecheck__`, `__subclasscheck__` and `__subclasses__`.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{type_error, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::{AnySlot, SlotId};
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, dict, list};
use crate::vm::Vm;

use super::methods_args::this;

/// The type a method of `type` was called on (its first argument).
fn as_type(o: &PyObj, method: &str) -> VmResult<TypeRef> {
    TypeRef::from_obj::<TypeInfo>(o).ok_or_else(|| {
        type_error(format!(
            "descriptor '{method}' requires a 'type' object but received a '{}'",
            typeobj::type_name(o)
        ))
    })
}

/// type.__call__ (tp_call): `__new__`, then `__init__` when it made an instance.
fn type_call(rt: &mut dyn Runtime, o: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let ty = as_type(o, "__call__")?;
    Vm::of(rt).type_call(&ty, args)
}

/// type.__getattribute__ (tp_getattro).
fn type_getattro(rt: &mut dyn Runtime, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let ty = as_type(o, "__getattribute__")?;
    Vm::of(rt).type_getattro(&ty, name)
}

/// type.__setattr__ / type.__delattr__ (tp_setattro).
fn type_setattro(
    rt: &mut dyn Runtime,
    o: &PyObj,
    name: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    let ty = as_type(o, "__setattr__")?;
    Vm::of(rt).type_setattro(&ty, name, value)
}

/// type.__init__(cls, name, bases, dict, **kwds): checks its arguments only (the
/// class was made by `__new__`).
fn type_init(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (_, rest) = this(&args);
    let n = rest.pos().len();
    if !rest.kwnames.is_empty() && n == 1 {
        return Err(type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 1 && n != 3 {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(ctx().none.clone())
}

/// type.__prepare__(name, bases, **kwds): a new dict (a classmethod).
fn type_prepare(_rt: &mut dyn Runtime, _args: Args<'_>) -> VmResult<PyObj> {
    Ok(dict::new())
}

/// type.mro(cls): the C3 linearisation of the class's bases, as a list.
fn type_mro(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, rest) = this(&args);
    rest.range("mro", 0, 0)?;
    let ty = as_type(o, "mro")?;
    let m = Vm::of(rt).default_mro(&ty)?;
    Ok(list::new_exact(
        m.into_iter().map(|t| t.as_obj().clone()).collect(),
    ))
}

/// type.__instancecheck__(cls, obj).
fn type_instancecheck(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, rest) = this(&args);
    let obj = rest.one("__instancecheck__")?;
    let ty = as_type(o, "__instancecheck__")?;
    Ok(crate::vm::ops::bool_obj(typeobj::is_subtype(
        &obj.type_obj(),
        &ty,
    )))
}

/// type.__subclasscheck__(cls, sub).
fn type_subclasscheck(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, rest) = this(&args);
    let sub = rest.one("__subclasscheck__")?;
    let r = crate::vm::metaclass::recursive_issubclass(sub, o)?;
    Ok(crate::vm::ops::bool_obj(r))
}

static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__init__",
        func: type_init,
    },
    MethodDef {
        name: "mro",
        func: type_mro,
    },
    MethodDef {
        name: "__instancecheck__",
        func: type_instancecheck,
    },
    MethodDef {
        name: "__subclasscheck__",
        func: type_subclasscheck,
    },
    MethodDef {
        name: "__subclasses__",
        func: type_subclasses,
    },
];

/// type.__subclasses__(): the live classes made with this one as a direct base.
fn type_subclasses(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    let ty = as_type(s, "__subclasses__")?;
    if !rest.all.is_empty() {
        return Err(type_error(format!(
            "{}.__subclasses__() takes no arguments ({} given)",
            typeobj::info(&ty).name,
            rest.all.len()
        )));
    }
    let subs = typeobj::subclasses::subclasses(&ty);
    Ok(list::new_exact(
        subs.into_iter().map(|t| t.as_obj().clone()).collect(),
    ))
}

static PREPARE: MethodDef = MethodDef {
    name: "__prepare__",
    func: type_prepare,
};

/// Give `type` its slots (and their wrappers in its dict) and its methods.
pub fn install() {
    let t = &ctx().type_type;
    typeobj::add_slot(t, SlotId::call, AnySlot::Call(type_call));
    typeobj::add_slot(t, SlotId::getattro, AnySlot::Getattr(type_getattro));
    typeobj::add_slot(t, SlotId::setattro, AnySlot::Setattr(type_setattro));
    // `int | str`: a types.UnionType.
    typeobj::add_slot(
        t,
        SlotId::or,
        AnySlot::Binary(crate::objects::uniontype::union_or),
    );
    typeobj::add_methods(t, METHODS);
    typeobj::add_classmethods(t, &[&PREPARE]);
    // The built-in generic classes: list[int] is a types.GenericAlias.
    let c = ctx();
    for ty in [
        &c.list_type,
        &c.tuple_type,
        &c.dict_type,
        &c.set_type,
        &c.frozenset_type,
    ] {
        typeobj::add_classmethods(ty, &[&CLASS_GETITEM]);
    }
    let _ = crate::objects::genericalias::generic_alias_type();
    let _ = crate::objects::uniontype::union_type();
}

static CLASS_GETITEM: MethodDef = MethodDef {
    name: "__class_getitem__",
    func: crate::objects::genericalias::class_getitem,
};
