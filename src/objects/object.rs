//! `object`: the base of every class. Its slots are the defaults every type inherits:
//! the `<mod.Name object at 0x...>` repr, identity hash and equality, the generic
//! attribute algorithm, and `__init__`'s excess-argument rule.

use crate::bytecode::opcode::CompareOp;
use crate::heap::{PyObj, TypeRef};

use super::args::Args;
use super::exceptions::{self, VmResult};
use super::runtime::Runtime;
use super::typeobj::slotdefs::slots_of_type;
use super::typeobj::slots::{RichCmpFn, SlotTable};
use super::typeobj::{self, info};
use super::{ctx, dict, string};

/// `module.qualname` of a class (just the name for a built-in type, and for a class
/// whose `__module__` is 'builtins').
pub fn class_display_name(ty: &TypeRef) -> String {
    let i = info(ty);
    let Some(h) = &i.heap else {
        return i.name.to_string();
    };
    let q = string::as_str(&h.qualname.borrow())
        .unwrap_or_default()
        .into_owned();
    let d = typeobj::type_dict(ty);
    match dict::get_str(&d, "__module__") {
        Some(m) if string::as_str(&m).as_deref() != Some("builtins") => {
            format!("{}.{q}", string::as_str(&m).unwrap_or_default())
        }
        _ => q,
    }
}

/// object.__repr__: `<__main__.A object at 0x...>`.
pub fn repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    Ok(default_repr(o))
}

/// The text of object.__repr__.
pub fn default_repr(o: &PyObj) -> String {
    format!(
        "<{} object at 0x{:x}>",
        class_display_name(&o.type_obj()),
        o.id()
    )
}

/// object.__str__: the type's repr.
fn str(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    rt.repr(o)
}

/// object.__hash__: from the identity (CPython's _Py_HashPointer).
fn hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    Ok(super::numeric::hash_pointer(o.id()))
}

/// object's comparisons: `==` is identity, `!=` the negation of the type's `==`,
/// the orderings are not implemented.
fn richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    match op {
        CompareOp::Eq => Ok(if a.is(b) {
            c.true_.clone()
        } else {
            c.not_implemented.clone()
        }),
        CompareOp::Ne => {
            let Some(f) = slots_of_type(&a.type_obj()).richcompare.get() else {
                return Ok(c.not_implemented.clone());
            };
            let r = f(rt, a, b, CompareOp::Eq)?;
            if r.is(&c.not_implemented) {
                return Ok(r);
            }
            let t = rt.truthy(&r)?;
            Ok(if t { c.false_.clone() } else { c.true_.clone() })
        }
        _ => Ok(c.not_implemented.clone()),
    }
}

/// Is `f` object's own comparison? When both operands of `==` or `!=` have it,
/// do_richcompare's answer is identity (it gives NotImplemented both ways for two
/// objects, and `!=` asks the type's `==`, which is this), with no call made.
pub fn is_object_richcompare(f: RichCmpFn) -> bool {
    f as usize == richcompare as RichCmpFn as usize
}

/// object.__getattribute__ (PyObject_GenericGetAttr).
pub fn generic_getattr(rt: &mut dyn Runtime, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    rt.generic_getattr(o, name)
}

/// object.__setattr__ / __delattr__ (PyObject_GenericSetAttr).
pub fn generic_setattr(
    rt: &mut dyn Runtime,
    o: &PyObj,
    name: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    rt.generic_setattr(o, name, value)
}

/// object.__init__: arguments are an error unless the class overrides `__new__` and
/// not `__init__` (CPython's excess_args rules).
pub fn init(rt: &mut dyn Runtime, o: &PyObj, args: Args<'_>) -> VmResult<()> {
    if args.all.is_empty() {
        return Ok(());
    }
    let ty = o.type_obj();
    if slots_of_type(&ty).init.get().map(|f| f as usize) != Some(init as *const () as usize) {
        return Err(exceptions::type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    if new_is_object_new(rt, &ty)? {
        return Err(exceptions::type_error(format!(
            "{}.__init__() takes exactly one argument (the instance to initialize)",
            info(&ty).name
        )));
    }
    Ok(())
}

/// Is `ty.__new__` object's own?
pub fn new_is_object_new(rt: &mut dyn Runtime, ty: &TypeRef) -> VmResult<bool> {
    let key = string::intern_str("__new__");
    let found = rt.type_lookup(ty, &key)?;
    let object_new = dict::get_str(&typeobj::type_dict(&ctx().object_type), "__new__");
    Ok(match (found, object_new) {
        (Some(f), Some(o)) => f.is(&o),
        _ => false,
    })
}

/// object's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(repr),
    str: Some(str),
    hash: Some(hash),
    richcompare: Some(richcompare),
    getattro: Some(generic_getattr),
    setattro: Some(generic_setattr),
    init: Some(init),
    ..SlotTable::EMPTY
};
