//! Subclasses of the built-in types: objects of a class made with a built-in payload
//! (`retype`, what `int.__new__(cls, x)` returns), list / dict / set `__init__`, and
//! the special methods of the built-in types as entries of their dicts (CPython's
//! slot wrappers: `list.__len__`, `int.__add__`, ...) so `super().__repr__()` and
//! `list.__getitem__(a, i)` reach the built-in behaviour.

use crate::bytecode::opcode::BinaryOp;
use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::type_error;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::settable::SetTable;
use crate::objects::typeobj;
use crate::objects::{ctx, dict, float, int, list, set, string, tuple};
use crate::vm::ops;
use crate::vm::Vm;

use super::methods_args::this;

/// `X.__new__(cls)` where cls is not a subtype of X: CPython's tp_new_wrapper message.
pub fn check_subtype(ty: &TypeRef, base: &TypeRef) -> VmResult<()> {
    if typeobj::is_subtype(ty, base) {
        return Ok(());
    }
    let (t, b) = (
        typeobj::info(ty).name.clone(),
        typeobj::info(base).name.clone(),
    );
    Err(type_error(format!(
        "{b}.__new__({t}): {t} is not a subtype of {b}"
    )))
}

/// The value of the built-in object `v` (an exact int, float, str, tuple or
/// frozenset) as a new object of the class `ty`, whose instances carry that payload.
pub fn retype(ty: &TypeRef, v: &PyObj) -> VmResult<PyObj> {
    let made = if let Some((neg, digits)) = int::digits(v) {
        PyObj::new_var(ty, neg, int::Long, digits.len(), digits.iter().copied())
    } else if let Some(f) = float::value(v) {
        Some(PyObj::new(ty, float::Float(f)))
    } else if let Some(s) = string::view(v) {
        string::from_view_typed(ty, s)
    } else if let Some(items) = tuple::items(v) {
        PyObj::new_var(ty, false, tuple::Tuple, items.len(), items.iter().cloned())
    } else if let Some(s) = set::borrow(v) {
        let t = SetTable::copy_of(&s.0);
        drop(s);
        Some(PyObj::new(ty, set::Set(t)))
    } else {
        return Err(type_error(format!(
            "cannot make a '{}' from a '{}'",
            typeobj::info(ty).name,
            typeobj::type_name(v)
        )));
    };
    made.ok_or_else(exceptions::memory_error)
}

/// An empty list, dict or set of the class `ty` (their `__new__`; `__init__` fills).
pub fn new_empty_of(ty: &TypeRef) -> PyObj {
    let c = ctx();
    if typeobj::is_subtype(ty, &c.list_type) {
        PyObj::new(ty, list::List(Vec::new()))
    } else if typeobj::is_subtype(ty, &c.dict_type) {
        PyObj::new(ty, dict::Dict(crate::objects::dicttable::DictTable::new()))
    } else {
        PyObj::new(ty, set::Set(SetTable::new()))
    }
}

fn none() -> VmResult<PyObj> {
    Ok(ctx().none.clone())
}

/// list.__init__(self, iterable=()): empty the list, then extend it.
fn list_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    rest.no_kw("list")?;
    let p = rest.pos();
    if p.len() > 1 {
        return Err(type_error(format!(
            "list expected at most 1 argument, got {}",
            p.len()
        )));
    }
    let old = match list::borrow_mut(s) {
        Some(mut l) => std::mem::take(&mut l.0),
        None => return Err(bad_self("__init__", "list", s)),
    };
    drop(old);
    if let Some(x) = p.first() {
        vm.list_extend(s, x)?;
    }
    none()
}

/// dict.__init__(self, mapping_or_iterable=(), **kwargs): dict.update.
fn dict_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    if !s.is_a::<dict::Dict>() {
        return Err(bad_self("__init__", "dict", s));
    }
    let p = rest.pos();
    if p.len() > 1 {
        return Err(type_error(format!(
            "dict expected at most 1 argument, got {}",
            p.len()
        )));
    }
    if let Some(x) = p.first() {
        super::constructors::dict_fill(vm, s, x)?;
    }
    for (k, v) in rest.kwargs() {
        vm.dict_set(s, k.clone(), v.clone())?;
    }
    none()
}

/// set.__init__(self, iterable=()): empty the set, then add the items.
fn set_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    rest.no_kw("set")?;
    let p = rest.pos();
    if p.len() > 1 {
        return Err(type_error(format!(
            "set expected at most 1 argument, got {}",
            p.len()
        )));
    }
    if !s.is_a::<set::Set>() {
        return Err(bad_self("__init__", "set", s));
    }
    let table = match p.first() {
        Some(x) => super::constructors::set_table_from(vm, x)?,
        None => SetTable::new(),
    };
    let old = match s.borrow_mut::<set::Set>() {
        Ok(mut t) => std::mem::replace(&mut t.0, table),
        Err(_) => {
            return Err(exceptions::named(
                "RuntimeError",
                "Set changed size during iteration",
            ))
        }
    };
    drop(old);
    none()
}

fn bad_self(name: &str, owner: &str, s: &PyObj) -> crate::objects::exceptions::Exc {
    type_error(format!(
        "descriptor '{name}' requires a '{owner}' object but received a '{}'",
        typeobj::type_name(s)
    ))
}

// ----- slot wrappers ---------------------------------------------------------------

/// Which built-in family an object belongs to (the operands a built-in binary
/// operator or comparison accepts; anything else gets NotImplemented).
#[derive(PartialEq, Eq, Clone, Copy)]
enum Family {
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Other,
}

fn family(o: &PyObj) -> Family {
    if int::digits(o).is_some() {
        Family::Int
    } else if float::value(o).is_some() {
        Family::Float
    } else if string::view(o).is_some() {
        Family::Str
    } else if o.is_a::<list::List>() {
        Family::List
    } else if tuple::items(o).is_some() {
        Family::Tuple
    } else if o.is_a::<dict::Dict>() {
        Family::Dict
    } else if o.is_a::<set::Set>() {
        Family::Set
    } else {
        Family::Other
    }
}

/// Does the built-in binary operator of `a`'s family accept `b`?
fn operand_ok(op: BinaryOp, a: Family, b: Family) -> bool {
    use Family::*;
    match (a, op) {
        (Int, _) => b == Int,
        (Float, _) => matches!(b, Int | Float),
        (Str | List | Tuple, BinaryOp::Multiply) => b == Int,
        (Str, BinaryOp::Remainder) => true,
        (List, BinaryOp::Add) => b == List,
        (Str | Tuple | Dict | Set, _) => a == b,
        _ => false,
    }
}

fn recv_any<'a>(args: &Args<'a>, name: &str) -> VmResult<(&'a PyObj, Args<'a>)> {
    let (s, rest) = this(args);
    if family(s) == Family::Other {
        return Err(bad_self(name, &typeobj::type_name(s), s));
    }
    Ok((s, rest))
}

fn w_len(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = recv_any(&args, "__len__")?;
    rest.range("__len__", 0, 0)?;
    match ops::len_of(s) {
        Some(n) => Ok(int::new_i64(n? as i64)),
        None => Err(bad_self("__len__", "list", s)),
    }
}

fn w_iter(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = recv_any(&args, "__iter__")?;
    rest.range("__iter__", 0, 0)?;
    vm.without_dispatch(s, |vm| vm.iter(s))
}

fn w_contains(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = recv_any(&args, "__contains__")?;
    let a = rest.range("__contains__", 1, 1)?;
    let r = vm.without_dispatch(s, |vm| vm.contains(s, &a[0]))?;
    Ok(ops::bool_obj(r))
}

fn w_getitem(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = recv_any(&args, "__getitem__")?;
    let a = rest.range("__getitem__", 1, 1)?;
    vm.without_dispatch(s, |vm| vm.getitem(s, &a[0]))
}

fn w_setitem(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = recv_any(&args, "__setitem__")?;
    let a = rest.range("__setitem__", 2, 2)?;
    vm.without_dispatch(s, |vm| vm.setitem(s, &a[0], a[1].clone()))?;
    none()
}

fn w_delitem(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = recv_any(&args, "__delitem__")?;
    let a = rest.range("__delitem__", 1, 1)?;
    vm.without_dispatch(s, |vm| vm.delitem(s, &a[0]))?;
    none()
}

fn w_format(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = recv_any(&args, "__format__")?;
    let a = rest.range("__format__", 1, 1)?;
    if string::view(&a[0]).is_none() {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            typeobj::type_name(&a[0])
        )));
    }
    vm.without_dispatch(s, |vm| vm.format(s, Some(&a[0])))
}

fn w_bool(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = recv_any(&args, "__bool__")?;
    rest.range("__bool__", 0, 0)?;
    let r = vm.without_dispatch(s, |vm| vm.truthy(s))?;
    Ok(ops::bool_obj(r))
}

fn unary(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    op: crate::bytecode::opcode::Op,
) -> VmResult<PyObj> {
    let (s, rest) = recv_any(&args, name)?;
    rest.range(name, 0, 0)?;
    vm.without_dispatch(s, |vm| ops::unary_op(vm, s, op))
}

fn binary_slot(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    op: BinaryOp,
    reflected: bool,
    inplace: bool,
) -> VmResult<PyObj> {
    let (s, rest) = recv_any(&args, name)?;
    let a = rest.range(name, 1, 1)?;
    let other = &a[0];
    let ok = inplace && family(s) == Family::List && op == BinaryOp::Add
        || operand_ok(op, family(s), family(other));
    if !ok {
        return Ok(ctx().not_implemented.clone());
    }
    if reflected {
        ops::binary_op_builtin(vm, other, s, op, false)
    } else {
        ops::binary_op_builtin(vm, s, other, op, inplace)
    }
}

macro_rules! slot_fns {
    ($($f:ident => $body:expr;)*) => {
        $(fn $f(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
            let vm = Vm::of(rt);
            #[allow(clippy::redundant_closure_call)]
            ($body)(vm, args)
        })*
    };
}

use crate::bytecode::opcode::Op;
slot_fns! {
    w_neg => |vm, a| unary(vm, a, "__neg__", Op::UNARY_NEGATIVE);
    w_pos => |vm, a| unary(vm, a, "__pos__", Op::UNARY_POSITIVE);
    w_invert => |vm, a| unary(vm, a, "__invert__", Op::UNARY_INVERT);
    w_add => |vm, a| binary_slot(vm, a, "__add__", BinaryOp::Add, false, false);
    w_radd => |vm, a| binary_slot(vm, a, "__radd__", BinaryOp::Add, true, false);
    w_iadd => |vm, a| binary_slot(vm, a, "__iadd__", BinaryOp::Add, false, true);
    w_sub => |vm, a| binary_slot(vm, a, "__sub__", BinaryOp::Subtract, false, false);
    w_rsub => |vm, a| binary_slot(vm, a, "__rsub__", BinaryOp::Subtract, true, false);
    w_mul => |vm, a| binary_slot(vm, a, "__mul__", BinaryOp::Multiply, false, false);
    w_rmul => |vm, a| binary_slot(vm, a, "__rmul__", BinaryOp::Multiply, true, false);
    w_imul => |vm, a| binary_slot(vm, a, "__imul__", BinaryOp::Multiply, false, true);
    w_truediv => |vm, a| binary_slot(vm, a, "__truediv__", BinaryOp::TrueDivide, false, false);
    w_rtruediv => |vm, a| binary_slot(vm, a, "__rtruediv__", BinaryOp::TrueDivide, true, false);
    w_floordiv => |vm, a| binary_slot(vm, a, "__floordiv__", BinaryOp::FloorDivide, false, false);
    w_rfloordiv => |vm, a| binary_slot(vm, a, "__rfloordiv__", BinaryOp::FloorDivide, true, false);
    w_mod => |vm, a| binary_slot(vm, a, "__mod__", BinaryOp::Remainder, false, false);
    w_rmod => |vm, a| binary_slot(vm, a, "__rmod__", BinaryOp::Remainder, true, false);
    w_pow => |vm, a| binary_slot(vm, a, "__pow__", BinaryOp::Power, false, false);
    w_rpow => |vm, a| binary_slot(vm, a, "__rpow__", BinaryOp::Power, true, false);
    w_and => |vm, a| binary_slot(vm, a, "__and__", BinaryOp::And, false, false);
    w_rand => |vm, a| binary_slot(vm, a, "__rand__", BinaryOp::And, true, false);
    w_or => |vm, a| binary_slot(vm, a, "__or__", BinaryOp::Or, false, false);
    w_ror => |vm, a| binary_slot(vm, a, "__ror__", BinaryOp::Or, true, false);
    w_xor => |vm, a| binary_slot(vm, a, "__xor__", BinaryOp::Xor, false, false);
    w_rxor => |vm, a| binary_slot(vm, a, "__rxor__", BinaryOp::Xor, true, false);
    w_lshift => |vm, a| binary_slot(vm, a, "__lshift__", BinaryOp::Lshift, false, false);
    w_rlshift => |vm, a| binary_slot(vm, a, "__rlshift__", BinaryOp::Lshift, true, false);
    w_rshift => |vm, a| binary_slot(vm, a, "__rshift__", BinaryOp::Rshift, false, false);
    w_rrshift => |vm, a| binary_slot(vm, a, "__rrshift__", BinaryOp::Rshift, true, false);
}

macro_rules! defs {
    ($($name:literal => $f:ident),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

static COMMON: &[MethodDef] = defs!["__format__" => w_format];
static NUMBER: &[MethodDef] = defs![
    "__bool__" => w_bool, "__neg__" => w_neg, "__pos__" => w_pos,
    "__add__" => w_add, "__radd__" => w_radd, "__sub__" => w_sub, "__rsub__" => w_rsub,
    "__mul__" => w_mul, "__rmul__" => w_rmul, "__truediv__" => w_truediv,
    "__rtruediv__" => w_rtruediv, "__floordiv__" => w_floordiv,
    "__rfloordiv__" => w_rfloordiv, "__mod__" => w_mod, "__rmod__" => w_rmod,
    "__pow__" => w_pow, "__rpow__" => w_rpow,
];
static INT_ONLY: &[MethodDef] = defs![
    "__invert__" => w_invert, "__and__" => w_and, "__rand__" => w_rand,
    "__or__" => w_or, "__ror__" => w_ror, "__xor__" => w_xor, "__rxor__" => w_rxor,
    "__lshift__" => w_lshift, "__rlshift__" => w_rlshift, "__rshift__" => w_rshift,
    "__rrshift__" => w_rrshift,
];
static CONTAINER: &[MethodDef] = defs![
    "__len__" => w_len, "__iter__" => w_iter, "__contains__" => w_contains,
];
static SEQUENCE: &[MethodDef] = defs![
    "__getitem__" => w_getitem, "__add__" => w_add, "__mul__" => w_mul,
    "__rmul__" => w_rmul,
];
static STR_ONLY: &[MethodDef] = defs!["__mod__" => w_mod];
static LIST_ONLY: &[MethodDef] = defs![
    "__init__" => list_init, "__setitem__" => w_setitem, "__delitem__" => w_delitem,
    "__iadd__" => w_iadd, "__imul__" => w_imul,
];
static DICT_ONLY: &[MethodDef] = defs![
    "__init__" => dict_init, "__getitem__" => w_getitem, "__setitem__" => w_setitem,
    "__delitem__" => w_delitem, "__or__" => w_or,
];
static SET_COMMON: &[MethodDef] = defs![
    "__and__" => w_and, "__or__" => w_or, "__sub__" => w_sub, "__xor__" => w_xor,
    "__rand__" => w_rand, "__ror__" => w_ror, "__rsub__" => w_rsub, "__rxor__" => w_rxor,
];
static SET_ONLY: &[MethodDef] = defs!["__init__" => set_init];

/// Put the slot wrappers and the `__init__`s in the built-in types' dicts.
pub fn install(vm: &mut Vm) {
    let c = ctx();
    let table: [(&TypeRef, &[&'static [MethodDef]]); 8] = [
        (&c.int_type, &[COMMON, NUMBER, INT_ONLY]),
        (&c.float_type, &[COMMON, NUMBER]),
        (&c.str_type, &[COMMON, CONTAINER, SEQUENCE, STR_ONLY]),
        (&c.list_type, &[COMMON, CONTAINER, SEQUENCE, LIST_ONLY]),
        (&c.tuple_type, &[COMMON, CONTAINER, SEQUENCE]),
        (&c.dict_type, &[COMMON, CONTAINER, DICT_ONLY]),
        (&c.set_type, &[COMMON, CONTAINER, SET_COMMON, SET_ONLY]),
        (&c.frozenset_type, &[COMMON, CONTAINER, SET_COMMON]),
    ];
    for (ty, groups) in table {
        for defs in groups {
            crate::objects::typeobj::add_methods(ty, defs);
        }
    }
    // Mutable containers are unhashable: their `__hash__` is None, as in CPython.
    for ty in [&c.list_type, &c.dict_type, &c.set_type] {
        let d = typeobj::type_dict(ty);
        let none = c.none.clone();
        vm.dict_set_str(&d, "__hash__", none)
            .expect("a str key in a type dict");
    }
}
