//! The slot functions of classes (CPython's slot_* functions in typeobject.c): each
//! calls the special method the class (or a base) defines in Python, with CPython's
//! rules for results (`__len__` must return a non-negative int, `__bool__` a bool,
//! `__repr__` a str, ...) and for the reflected operands of binary operators.

use crate::bytecode::opcode::CompareOp;
use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, int, string};

use super::slotdefs::slots_of_type;
use super::type_name;

fn not_implemented() -> PyObj {
    ctx().not_implemented.clone()
}

fn is_ni(v: &PyObj) -> bool {
    v.is(&ctx().not_implemented)
}

/// Call `name` of `o`'s class; None when the class lacks it. A name set to None is
/// called as CPython calls it: "'NoneType' object is not callable".
fn special(
    rt: &mut dyn Runtime,
    o: &PyObj,
    name: &'static str,
    args: &[PyObj],
) -> VmResult<Option<PyObj>> {
    match rt.call_special(o, name, args)? {
        Some(v) => Ok(Some(v)),
        None if set_to_none(rt, o, name)? => {
            Err(exceptions::type_error("'NoneType' object is not callable"))
        }
        None => Ok(None),
    }
}

/// Does `o`'s class set `name` to None (`__eq__ = None`)?
fn set_to_none(rt: &mut dyn Runtime, o: &PyObj, name: &'static str) -> VmResult<bool> {
    let key = string::intern_str(name);
    Ok(rt
        .type_lookup(&o.type_obj(), &key)?
        .is_some_and(|f| f.is(&ctx().none)))
}

/// Call `name`, which the class has (the slot exists because it does). A name set
/// to None is "not callable", as calling None is in CPython.
fn call_required(
    rt: &mut dyn Runtime,
    o: &PyObj,
    name: &'static str,
    args: &[PyObj],
) -> VmResult<PyObj> {
    match rt.call_special(o, name, args)? {
        Some(v) => Ok(v),
        None => {
            let key = string::intern_str(name);
            if rt.type_lookup(&o.type_obj(), &key)?.is_some() {
                return Err(exceptions::type_error("'NoneType' object is not callable"));
            }
            Err(exceptions::named("AttributeError", name))
        }
    }
}

/// `__repr__` / `__str__` results must be str.
fn text_result(r: PyObj, name: &str) -> VmResult<String> {
    match string::view(&r) {
        Some(v) => Ok(v.to_str_lossy().into_owned()),
        None => Err(exceptions::type_error(format!(
            "{name} returned non-string (type {})",
            type_name(&r)
        ))),
    }
}

pub fn repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    rt.enter_recursive(" while calling a Python object")?;
    let r = call_required(rt, o, "__repr__", &[]);
    rt.leave_recursive();
    text_result(r?, "__repr__")
}

pub fn str(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    rt.enter_recursive(" while calling a Python object")?;
    let r = call_required(rt, o, "__str__", &[]);
    rt.leave_recursive();
    text_result(r?, "__str__")
}

/// `__hash__`: an int, reduced as CPython reduces a big int's hash; -1 becomes -2.
pub fn hash(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    let r = call_required(rt, o, "__hash__", &[])?;
    if int::value(&r).is_none() {
        return Err(exceptions::type_error(
            "__hash__ method should return an integer",
        ));
    }
    let h = match int::as_i64(&r) {
        Some(v) => v,
        None => rt.hash(&r)?,
    };
    Ok(if h == -1 { -2 } else { h })
}

/// The hash slot of a class that sets `__hash__ = None`.
pub fn hash_not_implemented(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    Err(exceptions::type_error(format!(
        "unhashable type: '{}'",
        type_name(o)
    )))
}

fn cmp_name(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    }
}

/// tp_richcompare: the class's `__op__`, or NotImplemented if it has none.
pub fn richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    Ok(special(rt, a, cmp_name(op), std::slice::from_ref(b))?.unwrap_or_else(not_implemented))
}

/// tp_iter: `__iter__` (set to None: not iterable).
pub fn iter(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    match rt.call_special(o, "__iter__", &[])? {
        Some(r) => Ok(r),
        None => Err(exceptions::type_error(format!(
            "'{}' object is not iterable",
            type_name(o)
        ))),
    }
}

/// `__next__`: a StopIteration ends the iteration (its value is for generators'
/// `yield from`, not for iteration).
pub fn iternext(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    match call_required(rt, o, "__next__", &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if exceptions::matches(&e.0, ctx().exc_type("StopIteration")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// tp_getattro of a class with `__getattribute__` or `__getattr__` written in Python
/// (CPython's slot_tp_getattr_hook): `__getattribute__`, then on AttributeError
/// `__getattr__`.
pub fn getattr_hook(rt: &mut dyn Runtime, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let ty = o.type_obj();
    let getattr = lookup(rt, &ty, "__getattr__")?;
    let r = match lookup(rt, &ty, "__getattribute__")? {
        Some(ga) if !is_object_getattribute(&ga) => {
            rt.call(&ga, Args::positional(&[o.clone(), name.clone()]))
        }
        _ => rt.generic_getattr(o, name),
    };
    match (r, getattr) {
        (Err(e), Some(ga)) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => {
            drop(e);
            rt.call(&ga, Args::positional(&[o.clone(), name.clone()]))
        }
        (r, _) => r,
    }
}

fn is_object_getattribute(f: &PyObj) -> bool {
    super::wrapper::wrapped_slot(f).is_some_and(|(id, func)| {
        id == super::slots::SlotId::getattro
            && func.addr() == crate::objects::object::generic_getattr as *const () as usize
    })
}

fn lookup(rt: &mut dyn Runtime, ty: &TypeRef, name: &str) -> VmResult<Option<PyObj>> {
    let key = string::intern_str(name);
    rt.type_lookup(ty, &key)
}

/// tp_setattro: `__setattr__(name, value)` or `__delattr__(name)`.
pub fn setattro(
    rt: &mut dyn Runtime,
    o: &PyObj,
    name: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    match value {
        Some(v) => call_required(rt, o, "__setattr__", &[name.clone(), v])?,
        None => call_required(rt, o, "__delattr__", std::slice::from_ref(name))?,
    };
    Ok(())
}

/// tp_descr_get: `__get__(instance or None, owner)`.
pub fn descr_get(
    rt: &mut dyn Runtime,
    d: &PyObj,
    obj: Option<&PyObj>,
    ty: &TypeRef,
) -> VmResult<PyObj> {
    let inst = obj.cloned().unwrap_or_else(|| ctx().none.clone());
    call_required(rt, d, "__get__", &[inst, ty.as_obj().clone()])
}

/// tp_descr_set: `__set__(instance, value)` or `__delete__(instance)`.
pub fn descr_set(
    rt: &mut dyn Runtime,
    d: &PyObj,
    obj: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    match value {
        Some(v) => call_required(rt, d, "__set__", &[obj.clone(), v])?,
        None => call_required(rt, d, "__delete__", std::slice::from_ref(obj))?,
    };
    Ok(())
}

/// tp_call: `__call__(*args, **kwargs)`.
pub fn call(rt: &mut dyn Runtime, o: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let ty = o.type_obj();
    let Some(f) = lookup(rt, &ty, "__call__")? else {
        return Err(exceptions::type_error(format!(
            "'{}' object is not callable",
            type_name(o)
        )));
    };
    // slot_tp_call binds `__call__` as a descriptor: a class stored there (a
    // metaclass's `__call__ = dict`) is called without the instance.
    if !f.is_a::<crate::objects::function::Function>() {
        if let Some(get) = slots_of_type(&f.type_obj()).descr_get.get() {
            let bound = get(rt, &f, Some(o), &ty)?;
            return rt.call(&bound, args);
        }
        if TypeRef::from_obj::<super::TypeInfo>(&f).is_some() {
            return rt.call(&f, args);
        }
    }
    let mut all: Vec<PyObj> = Vec::with_capacity(args.all.len() + 1);
    all.push(o.clone());
    all.extend(args.all.iter().cloned());
    let bound_args = Args {
        all: &all,
        kwnames: args.kwnames,
    };
    rt.call(&f, bound_args)
}

/// tp_init: `__init__` must return None.
pub fn init(rt: &mut dyn Runtime, o: &PyObj, args: Args<'_>) -> VmResult<()> {
    let ty = o.type_obj();
    let Some(f) = lookup(rt, &ty, "__init__")? else {
        return Ok(());
    };
    let mut all: Vec<PyObj> = Vec::with_capacity(args.all.len() + 1);
    all.push(o.clone());
    all.extend(args.all.iter().cloned());
    let r = rt.call(
        &f,
        Args {
            all: &all,
            kwnames: args.kwnames,
        },
    )?;
    if !r.is(&ctx().none) {
        return Err(exceptions::type_error(format!(
            "__init__() should return None, not '{}'",
            type_name(&r)
        )));
    }
    Ok(())
}

/// The body of a class's binary slot (CPython's SLOT1BINFULL): `a.__op__(b)`, and
/// `b.__rop__(a)` when b's class has this same slot function, trying the reflected
/// method first when b's class is a subclass of a's.
fn binary(
    rt: &mut dyn Runtime,
    a: &PyObj,
    b: &PyObj,
    op: (&'static str, &'static str),
    this: super::slots::BinaryFn,
    pick: fn(&super::slots::Slots) -> Option<super::slots::BinaryFn>,
) -> VmResult<PyObj> {
    let (ta, tb) = (a.type_obj(), b.type_obj());
    let same = ta.is(&tb);
    let mine = |t: &TypeRef| pick(slots_of_type(t)).is_some_and(|f| f as usize == this as usize);
    let mut do_other = !same && mine(&tb);
    if mine(&ta) {
        if do_other && super::is_subtype(&tb, &ta) {
            if let Some(r) = special(rt, b, op.1, std::slice::from_ref(a))? {
                if !is_ni(&r) {
                    return Ok(r);
                }
            }
            do_other = false;
        }
        if let Some(r) = special(rt, a, op.0, std::slice::from_ref(b))? {
            if !is_ni(&r) || same {
                return Ok(r);
            }
        }
    }
    if do_other {
        if let Some(r) = special(rt, b, op.1, std::slice::from_ref(a))? {
            return Ok(r);
        }
    }
    Ok(not_implemented())
}

macro_rules! binary_slots {
    ($($f:ident, $field:ident, $name:literal, $rname:literal;)*) => {
        $(pub fn $f(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
            binary(rt, a, b, ($name, $rname), $f, |s| s.$field.get())
        })*
    };
}

binary_slots! {
    add, add, "__add__", "__radd__";
    subtract, subtract, "__sub__", "__rsub__";
    multiply, multiply, "__mul__", "__rmul__";
    matrix_multiply, matrix_multiply, "__matmul__", "__rmatmul__";
    true_divide, true_divide, "__truediv__", "__rtruediv__";
    floor_divide, floor_divide, "__floordiv__", "__rfloordiv__";
    remainder, remainder, "__mod__", "__rmod__";
    divmod, divmod, "__divmod__", "__rdivmod__";
    lshift, lshift, "__lshift__", "__rlshift__";
    rshift, rshift, "__rshift__", "__rrshift__";
    and, and, "__and__", "__rand__";
    or, or, "__or__", "__ror__";
    xor, xor, "__xor__", "__rxor__";
}

/// nb_power of a class: as the binary slots, with the modulus passed on when given
/// (the reflected `__rpow__` never gets one).
pub fn power(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, m: &PyObj) -> VmResult<PyObj> {
    if m.is(&ctx().none) {
        let (ta, tb) = (a.type_obj(), b.type_obj());
        let same = ta.is(&tb);
        let mine = |t: &TypeRef| {
            slots_of_type(t)
                .power
                .get()
                .is_some_and(|f| f as usize == power as *const () as usize)
        };
        let mut do_other = !same && mine(&tb);
        if mine(&ta) {
            if do_other && super::is_subtype(&tb, &ta) {
                if let Some(r) = special(rt, b, "__rpow__", std::slice::from_ref(a))? {
                    if !is_ni(&r) {
                        return Ok(r);
                    }
                }
                do_other = false;
            }
            if let Some(r) = special(rt, a, "__pow__", std::slice::from_ref(b))? {
                if !is_ni(&r) || same {
                    return Ok(r);
                }
            }
        }
        if do_other {
            if let Some(r) = special(rt, b, "__rpow__", std::slice::from_ref(a))? {
                return Ok(r);
            }
        }
        return Ok(not_implemented());
    }
    // Three-argument pow: only the first operand's __pow__ is asked.
    let mine = slots_of_type(&a.type_obj())
        .power
        .get()
        .is_some_and(|f| f as usize == power as *const () as usize);
    if mine {
        if let Some(r) = special(rt, a, "__pow__", &[b.clone(), m.clone()])? {
            return Ok(r);
        }
    }
    Ok(not_implemented())
}

macro_rules! inplace_slots {
    ($($f:ident, $name:literal;)*) => {
        $(pub fn $f(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
            Ok(special(rt, a, $name, std::slice::from_ref(b))?.unwrap_or_else(not_implemented))
        })*
    };
}

inplace_slots! {
    inplace_add, "__iadd__";
    inplace_subtract, "__isub__";
    inplace_multiply, "__imul__";
    inplace_matrix_multiply, "__imatmul__";
    inplace_true_divide, "__itruediv__";
    inplace_floor_divide, "__ifloordiv__";
    inplace_remainder, "__imod__";
    inplace_lshift, "__ilshift__";
    inplace_rshift, "__irshift__";
    inplace_and, "__iand__";
    inplace_or, "__ior__";
    inplace_xor, "__ixor__";
}

pub fn inplace_power(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, _m: &PyObj) -> VmResult<PyObj> {
    Ok(special(rt, a, "__ipow__", std::slice::from_ref(b))?.unwrap_or_else(not_implemented))
}

macro_rules! unary_slots {
    ($($f:ident, $name:literal;)*) => {
        $(pub fn $f(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
            call_required(rt, o, $name, &[])
        })*
    };
}

unary_slots! {
    negative, "__neg__";
    positive, "__pos__";
    absolute, "__abs__";
    invert, "__invert__";
    int, "__int__";
    float, "__float__";
    index, "__index__";
}

/// nb_bool: `__bool__` must return a bool.
pub fn bool(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<bool> {
    let r = call_required(rt, o, "__bool__", &[])?;
    let c = ctx();
    if r.is(&c.true_) {
        return Ok(true);
    }
    if r.is(&c.false_) {
        return Ok(false);
    }
    Err(exceptions::type_error(format!(
        "__bool__ should return bool, returned {}",
        type_name(&r)
    )))
}

/// sq_length: `__len__` must return a non-negative int that fits an index.
pub fn length(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    let r = call_required(rt, o, "__len__", &[])?;
    let r = if int::value(&r).is_some() {
        r
    } else {
        rt.index(&r).map_err(|_| {
            exceptions::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&r)
            ))
        })?
    };
    let v = int::value(&r).expect("an int");
    if v.is_negative() {
        return Err(exceptions::value_error("__len__() should return >= 0"));
    }
    v.to_i64()
        .filter(|n| *n <= isize::MAX as i64)
        .map(|n| n as usize)
        .ok_or_else(|| {
            exceptions::named(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            )
        })
}

pub fn subscript(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    call_required(rt, o, "__getitem__", std::slice::from_ref(key))
}

pub fn ass_subscript(
    rt: &mut dyn Runtime,
    o: &PyObj,
    key: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    match value {
        Some(v) => call_required(rt, o, "__setitem__", &[key.clone(), v])?,
        None => call_required(rt, o, "__delitem__", std::slice::from_ref(key))?,
    };
    Ok(())
}

/// sq_contains: `__contains__`'s result, as a bool.
pub fn contains(rt: &mut dyn Runtime, o: &PyObj, item: &PyObj) -> VmResult<bool> {
    if set_to_none(rt, o, "__contains__")? {
        return Err(exceptions::type_error(format!(
            "'{}' object is not a container",
            type_name(o)
        )));
    }
    let r = call_required(rt, o, "__contains__", std::slice::from_ref(item))?;
    rt.truthy(&r)
}

/// An AttributeError for a missing special method (what a slot that lost its
/// method raises).
pub fn missing(name: &str) -> Exc {
    exceptions::named("AttributeError", name)
}
