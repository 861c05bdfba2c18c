//! Arithmetic on the built-in types: BINARY_OP and the unary operators, with
//! CPython's results and messages (int fast paths first).

use crate::bytecode::opcode::BinaryOp;
use crate::bytecode::Op;
use crate::heap::PyObj;
use crate::objects::numeric::{self, FloatPow, Int, IntPow};
use crate::objects::{ctx, float, int, list, string, tuple, typeobj};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

/// An int object for `v`.
pub fn int_obj(v: &Int) -> VmResult<PyObj> {
    int::new(v).ok_or_else(exceptions::memory_error)
}

/// The value of an int or bool.
fn int_val(o: &PyObj) -> Option<Int> {
    int::value(o)
}

/// The value of a float, or of an int converted to float (for mixed arithmetic).
fn as_f64(o: &PyObj) -> Option<VmResult<f64>> {
    if let Some(f) = float::value(o) {
        return Some(Ok(f));
    }
    int_val(o).map(|i| i.to_f64().map_err(Exc::from))
}

/// BINARY_OP's fast path in the eval loop: both operands built-in ints that fit
/// an i64 and a result that does too (None: take the general path).
#[inline]
pub fn small_int_binary(a: &PyObj, b: &PyObj, op: BinaryOp) -> Option<PyObj> {
    if super::dunder::any_heap(a, b) {
        return None;
    }
    small_int_op(op, int::as_i64(a)?, int::as_i64(b)?)
}

/// a op b for two small ints without allocating a big integer.
#[inline]
fn small_int_op(op: BinaryOp, x: i64, y: i64) -> Option<PyObj> {
    let r = match op {
        BinaryOp::Add => x.checked_add(y)?,
        BinaryOp::Subtract => x.checked_sub(y)?,
        BinaryOp::Multiply => x.checked_mul(y)?,
        BinaryOp::FloorDivide if y != 0 => {
            let (q, r) = (x.checked_div(y)?, x % y);
            if r != 0 && ((r < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinaryOp::Remainder if y != 0 => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        _ => return None,
    };
    Some(int::new_i64(r))
}

fn int_op(op: BinaryOp, x: &Int, y: &Int) -> VmResult<PyObj> {
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::FloorDivide => x.floordiv(y)?,
        BinaryOp::Remainder => x.modulo(y)?,
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::Lshift => x.lshift(y)?,
        BinaryOp::Rshift => x.rshift(y)?,
        BinaryOp::TrueDivide => return Ok(float::new(x.true_div(y)?)),
        BinaryOp::Power => match x.pow(y)? {
            IntPow::Int(v) => v,
            IntPow::Float(f) => return Ok(float::new(f)),
        },
        BinaryOp::MatrixMultiply => unreachable!("checked by the caller"),
    };
    int_obj(&r)
}

fn float_op(op: BinaryOp, x: f64, y: f64) -> VmResult<Option<PyObj>> {
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide => numeric::float_div(x, y)?,
        BinaryOp::FloorDivide => numeric::float_floordiv(x, y)?,
        BinaryOp::Remainder => numeric::float_mod(x, y)?,
        BinaryOp::Power => match numeric::float_pow(x, y)? {
            FloatPow::Float(f) => f,
            FloatPow::Complex => {
                return Err(exceptions::value_error(
                    "complex results are not supported by glasspy",
                ))
            }
        },
        _ => return Ok(None),
    };
    Ok(Some(float::new(r)))
}

/// The repeat count of `seq * n`: an int (or bool), else TypeError.
fn repeat_count(seq: &PyObj, n: &PyObj) -> VmResult<i64> {
    match int_val(n) {
        Some(v) => Ok(v
            .to_i64()
            .unwrap_or(if v.is_negative() { 0 } else { i64::MAX })),
        None => Err(exceptions::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            typeobj::type_name(if int_val(seq).is_some() { seq } else { n })
        ))),
    }
}

fn is_sequence(o: &PyObj) -> bool {
    string::view(o).is_some() || tuple::items(o).is_some() || o.is_a::<list::List>()
}

/// `seq * n` for str, tuple and list.
fn repeat(seq: &PyObj, n: i64) -> VmResult<PyObj> {
    let n = n.max(0) as usize;
    // Only an exact str or tuple is its own result (a subclass gives a new base object).
    let exact = !seq.vtable().heap_type;
    if let Some(v) = string::view(seq) {
        if n == 1 && exact {
            return Ok(seq.clone());
        }
        let buf = crate::objects::unicode::view::repeat(v, n as i64)?;
        return string::from_buf(&buf).ok_or_else(exceptions::memory_error);
    }
    let items: Vec<PyObj> = match tuple::items(seq) {
        Some(t) => {
            if n == 1 && exact {
                return Ok(seq.clone());
            }
            t.to_vec()
        }
        None => list::borrow(seq).map(|l| l.0.clone()).unwrap_or_default(),
    };
    let total = items
        .len()
        .checked_mul(n)
        .filter(|t| *t <= isize::MAX as usize / 8)
        .ok_or_else(exceptions::memory_error)?;
    let mut out = Vec::new();
    out.try_reserve_exact(total)
        .map_err(|_| exceptions::memory_error())?;
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    if tuple::items(seq).is_some() {
        tuple::try_new(out).ok_or_else(exceptions::memory_error)
    } else {
        Ok(list::new_exact(out))
    }
}

fn concat_error(a: &PyObj, b: &PyObj) -> Exc {
    // The built-in type's name, as CPython's list_concat / tupleconcat / PyUnicode_Concat.
    let what = if string::view(a).is_some() {
        "str".to_string()
    } else if tuple::items(a).is_some() {
        "tuple".to_string()
    } else if a.is_a::<list::List>() {
        "list".to_string()
    } else {
        typeobj::type_name(a)
    };
    exceptions::type_error(format!(
        "can only concatenate {what} (not \"{}\") to {what}",
        typeobj::type_name(b)
    ))
}

/// `a + b` for two sequences of the same kind.
fn concat(a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if let Some(s) = string::concat_ascii(a, b) {
        return Ok(s);
    }
    if let (Some(x), Some(y)) = (string::view(a), string::view(b)) {
        if y.is_empty() && !a.vtable().heap_type {
            return Ok(a.clone());
        }
        if x.is_empty() && !b.vtable().heap_type {
            return Ok(b.clone());
        }
        let buf = crate::objects::unicode::view::concat(&[x, y])?;
        return string::from_buf(&buf).ok_or_else(exceptions::memory_error);
    }
    if let (Some(x), Some(y)) = (tuple::items(a), tuple::items(b)) {
        let v: Vec<PyObj> = x.iter().chain(y).cloned().collect();
        return tuple::try_new(v).ok_or_else(exceptions::memory_error);
    }
    if let (Some(x), Some(y)) = (list::borrow(a), list::borrow(b)) {
        let v: Vec<PyObj> = x.0.iter().chain(y.0.iter()).cloned().collect();
        return Ok(list::new_exact(v));
    }
    Err(concat_error(a, b))
}

/// BINARY_OP: the built-in types, or the special methods of classes.
#[inline]
pub fn binary_op(
    vm: &mut Vm,
    a: &PyObj,
    b: &PyObj,
    op: BinaryOp,
    inplace: bool,
) -> VmResult<PyObj> {
    if super::dunder::any_heap(a, b) {
        return match vm.binary_special(a, b, op, inplace)? {
            Some(r) => Ok(r),
            None if op == BinaryOp::Multiply && (is_sequence(a) || is_sequence(b)) => {
                let other = if is_sequence(a) { b } else { a };
                let n = vm.index_arg(other)?;
                if int::value(&n).is_some() {
                    let (x, y) = if is_sequence(a) { (a, &n) } else { (&n, b) };
                    return binary_op_builtin(vm, x, y, op, inplace);
                }
                Err(exceptions::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    typeobj::type_name(other)
                )))
            }
            None => Err(super::dunder::unsupported_operands(op, a, b, inplace)),
        };
    }
    binary_op_builtin(vm, a, b, op, inplace)
}

/// BINARY_OP for the built-in types.
pub(crate) fn binary_op_builtin(
    vm: &mut Vm,
    a: &PyObj,
    b: &PyObj,
    op: BinaryOp,
    inplace: bool,
) -> VmResult<PyObj> {
    if let (Some(x), Some(y)) = (int::as_i64(a), int::as_i64(b)) {
        if let Some(r) = small_int_op(op, x, y) {
            return Ok(r);
        }
    }
    if op == BinaryOp::MatrixMultiply {
        return Err(super::dunder::unsupported_operands(op, a, b, inplace));
    }
    if let (Some(x), Some(y)) = (int_val(a), int_val(b)) {
        return int_op(op, &x, &y);
    }
    if float::value(a).is_some() || float::value(b).is_some() {
        if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
            if let Some(r) = float_op(op, x?, y?)? {
                return Ok(r);
            }
            return Err(super::dunder::unsupported_operands(op, a, b, inplace));
        }
    }
    match op {
        BinaryOp::Add if is_sequence(a) => {
            if inplace && a.is_a::<list::List>() && b.is_a::<list::List>() {
                vm.list_extend(a, b)?;
                return Ok(a.clone());
            }
            if inplace && a.is_a::<list::List>() {
                vm.list_extend(a, b)?;
                return Ok(a.clone());
            }
            if is_sequence(b) {
                return concat(a, b);
            }
            Err(concat_error(a, b))
        }
        BinaryOp::Multiply if is_sequence(a) => {
            let n = repeat_count(a, b)?;
            if inplace && a.is_a::<list::List>() {
                let r = repeat(a, n)?;
                let items = list::borrow(&r).map(|l| l.0.clone()).unwrap_or_default();
                let old = std::mem::replace(&mut list::borrow_mut(a).ok_or_else(busy)?.0, items);
                drop(old);
                return Ok(a.clone());
            }
            repeat(a, n)
        }
        BinaryOp::Multiply if is_sequence(b) => {
            let n = repeat_count(b, a)?;
            repeat(b, n)
        }
        BinaryOp::Remainder if string::view(a).is_some() => vm.str_percent_format(a, b),
        BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor
            if a.is_a::<crate::objects::set::Set>() && b.is_a::<crate::objects::set::Set>() =>
        {
            vm.set_binary_op(a, b, op, inplace)
        }
        // dict_or / dict_ior: `|` takes two dicts; `|=` anything dict.update takes.
        BinaryOp::Or
            if a.is_a::<crate::objects::dict::Dict>()
                && (inplace || b.is_a::<crate::objects::dict::Dict>()) =>
        {
            let target = if inplace { a.clone() } else { vm.dict_copy(a)? };
            vm.dict_update_arg(&target, b)?;
            Ok(target)
        }
        _ => {
            // dict views and mappingproxy (vm/ops/dictview.rs).
            if inplace && op == BinaryOp::Or {
                if let Some(e) = vm.proxy_inplace_or(a) {
                    return Err(e);
                }
            }
            match vm.dict_view_binary(a, b, op)? {
                Some(r) => Ok(r),
                None => Err(super::dunder::unsupported_operands(op, a, b, inplace)),
            }
        }
    }
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "list modified during operation")
}

/// UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT.
pub fn unary_op(vm: &mut Vm, v: &PyObj, op: Op) -> VmResult<PyObj> {
    if v.vtable().heap_type {
        let name = match op {
            Op::UNARY_NEGATIVE => "__neg__",
            Op::UNARY_POSITIVE => "__pos__",
            _ => "__invert__",
        };
        if let Some(r) = vm.unary_special(v, name)? {
            return Ok(r);
        }
    }
    if let Some(x) = int_val(v) {
        let r = match op {
            Op::UNARY_NEGATIVE => -&x,
            Op::UNARY_POSITIVE => x,
            _ => !&x,
        };
        return int_obj(&r);
    }
    if let Some(f) = float::value(v) {
        match op {
            Op::UNARY_NEGATIVE => return Ok(float::new(-f)),
            Op::UNARY_POSITIVE => return Ok(float::new(f)),
            _ => {}
        }
    }
    let sym = match op {
        Op::UNARY_NEGATIVE => "-",
        Op::UNARY_POSITIVE => "+",
        _ => "~",
    };
    Err(exceptions::type_error(format!(
        "bad operand type for unary {sym}: '{}'",
        typeobj::type_name(v)
    )))
}

/// True or False.
#[inline]
pub fn bool_obj(b: bool) -> PyObj {
    let c = ctx();
    if b {
        c.true_.clone()
    } else {
        c.false_.clone()
    }
}
