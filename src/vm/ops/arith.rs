//! Arithmetic dispatch (BINARY_OP and the unary operators), CPython's abstract.c over
//! the number slots: binary_op1 (the right operand's slot first when its type is a
//! proper subtype of the left's), the in-place slot before the binary one, then the
//! sequence forms of `+` and `*` (sq_concat, sq_repeat), and CPython's errors. Each
//! type's arithmetic is in its own file (objects/int.rs, float.rs, ...).

use crate::bytecode::opcode::BinaryOp;
use crate::bytecode::Op;
use crate::heap::PyObj;
use crate::objects::numeric::Int;
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::{ctx, int, typeobj};

use super::super::{Reflected, Vm};
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

/// An int object for `v`.
pub fn int_obj(v: &Int) -> VmResult<PyObj> {
    int::obj(v)
}

fn is_ni(v: &PyObj) -> bool {
    v.is(&ctx().not_implemented)
}

/// CPython's binary_op1: the operands' number slots for `op`.
fn binary_op1(vm: &mut Vm, a: &PyObj, b: &PyObj, op: BinaryOp) -> VmResult<PyObj> {
    let (ta, tb) = (a.type_obj(), b.type_obj());
    let slotv = slots_of_type(&ta).binary(op, false);
    let mut slotw = if ta.is(&tb) {
        None
    } else {
        slots_of_type(&tb).binary(op, false)
    };
    if let (Some(v), Some(w)) = (slotv, slotw) {
        if v as usize == w as usize {
            slotw = None;
        }
    }
    if let Some(v) = slotv {
        if let Some(w) = slotw {
            if typeobj::is_subtype(&tb, &ta) {
                let r = w(vm, a, b)?;
                if !is_ni(&r) {
                    return Ok(r);
                }
                slotw = None;
            }
        }
        let r = v(vm, a, b)?;
        if !is_ni(&r) {
            return Ok(r);
        }
    }
    if let Some(w) = slotw {
        return w(vm, a, b);
    }
    Ok(ctx().not_implemented.clone())
}

/// CPython's ternary_op for `**` / pow(): the operands' power slots.
fn ternary_op(vm: &mut Vm, a: &PyObj, b: &PyObj, m: &PyObj, inplace: bool) -> VmResult<PyObj> {
    if inplace {
        if let Some(f) = slots_of_type(&a.type_obj()).power(true) {
            let r = f(vm, a, b, m)?;
            if !is_ni(&r) {
                return Ok(r);
            }
        }
    }
    let (ta, tb) = (a.type_obj(), b.type_obj());
    let slotv = slots_of_type(&ta).power(false);
    let mut slotw = if ta.is(&tb) {
        None
    } else {
        slots_of_type(&tb).power(false)
    };
    if let (Some(v), Some(w)) = (slotv, slotw) {
        if v as usize == w as usize {
            slotw = None;
        }
    }
    if let Some(v) = slotv {
        if let Some(w) = slotw {
            if typeobj::is_subtype(&tb, &ta) {
                let r = w(vm, a, b, m)?;
                if !is_ni(&r) {
                    return Ok(r);
                }
                slotw = None;
            }
        }
        let r = v(vm, a, b, m)?;
        if !is_ni(&r) {
            return Ok(r);
        }
    }
    if let Some(w) = slotw {
        let r = w(vm, a, b, m)?;
        if !is_ni(&r) {
            return Ok(r);
        }
    }
    if !m.is(&ctx().none) {
        if let Some(z) = slots_of_type(&m.type_obj()).power(false) {
            let r = z(vm, a, b, m)?;
            if !is_ni(&r) {
                return Ok(r);
            }
        }
    }
    Ok(ctx().not_implemented.clone())
}

/// pow(a, b, m): three-argument power.
pub fn power3(vm: &mut Vm, a: &PyObj, b: &PyObj, m: &PyObj) -> VmResult<PyObj> {
    let r = ternary_op(vm, a, b, m, false)?;
    if !is_ni(&r) {
        return Ok(r);
    }
    if m.is(&ctx().none) {
        return Err(unsupported_operands(BinaryOp::Power, a, b, false));
    }
    Err(exceptions::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        typeobj::type_name(a),
        typeobj::type_name(b),
        typeobj::type_name(m)
    )))
}

/// The repeat count of `seq * n`: `n` through `__index__`, else CPython's TypeError.
fn repeat_count(vm: &mut Vm, n: &PyObj) -> VmResult<i64> {
    let has_index = slots_of_type(&n.type_obj()).index.get().is_some();
    if !has_index {
        return Err(exceptions::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            typeobj::type_name(n)
        )));
    }
    let i = crate::objects::runtime::Runtime::index(vm, n)?;
    let v = int::value(&i).expect("an int");
    Ok(v.to_i64()
        .unwrap_or(if v.is_negative() { 0 } else { i64::MAX }))
}

/// BINARY_OP: `a op b`, or `a op= b` when `inplace`.
pub fn binary_op(
    vm: &mut Vm,
    a: &PyObj,
    b: &PyObj,
    op: BinaryOp,
    inplace: bool,
) -> VmResult<PyObj> {
    // Two exact ints (the specialized forms' misses: results beyond a machine word,
    // and the operators 3.11 does not specialize): int's slot, without the dispatch.
    if !matches!(op, BinaryOp::Power | BinaryOp::MatrixMultiply) {
        let t = &ctx().int_type;
        if a.is_type(t) && b.is_type(t) {
            return int::int_binary(a, b, op);
        }
    }
    if op == BinaryOp::Power {
        let none = ctx().none.clone();
        let r = ternary_op(vm, a, b, &none, inplace)?;
        if !is_ni(&r) {
            return Ok(r);
        }
        return Err(unsupported_operands(op, a, b, inplace));
    }
    if inplace {
        if let Some(f) = slots_of_type(&a.type_obj()).binary(op, true) {
            let r = f(vm, a, b)?;
            if !is_ni(&r) {
                return Ok(r);
            }
        }
    }
    let r = binary_op1(vm, a, b, op)?;
    if !is_ni(&r) {
        return Ok(r);
    }
    sequence_op(vm, a, b, op, inplace)
}

/// The rest of `a op b` (`a op= b` when `inplace`, a's class having no in-place
/// method) once the Python `__op__` of a's class, called first, returned
/// NotImplemented: what binary_op1 and the class's slot chose, before that call, to
/// try next (`reflected`), then the sequence forms and the error.
pub(crate) fn binary_op_after_left(
    vm: &mut Vm,
    a: &PyObj,
    b: &PyObj,
    op: BinaryOp,
    inplace: bool,
    reflected: Reflected,
) -> VmResult<PyObj> {
    let r = match reflected {
        Reflected::Nothing => None,
        Reflected::Method => {
            let rname = super::dunder::binary_names(op).1;
            match vm.call_special(b, rname, std::slice::from_ref(a))? {
                Some(r) => Some(r),
                None => {
                    // A reflected method set to None is called, as CPython calls it.
                    let key = crate::objects::string::intern_str(rname);
                    if vm
                        .type_lookup(&b.type_obj(), &key)?
                        .is_some_and(|f| f.is(&ctx().none))
                    {
                        return Err(exceptions::type_error("'NoneType' object is not callable"));
                    }
                    None
                }
            }
        }
        Reflected::Slot(w) => Some(w(vm, a, b)?),
    };
    match r {
        Some(r) if !is_ni(&r) => Ok(r),
        _ => sequence_op(vm, a, b, op, inplace),
    }
}

/// `a op b` after the number slots declined: `+` and `*` of sequences
/// (sq_concat, sq_repeat), else CPython's TypeError.
fn sequence_op(vm: &mut Vm, a: &PyObj, b: &PyObj, op: BinaryOp, inplace: bool) -> VmResult<PyObj> {
    match op {
        BinaryOp::Add => {
            let ta = a.type_obj();
            let sa = slots_of_type(&ta);
            let f = if inplace {
                sa.inplace_concat.get().or(sa.concat.get())
            } else {
                sa.concat.get()
            };
            if let Some(f) = f {
                return f(vm, a, b);
            }
        }
        BinaryOp::Multiply => {
            let ta = a.type_obj();
            let sa = slots_of_type(&ta);
            let f = if inplace {
                sa.inplace_repeat.get().or(sa.repeat.get())
            } else {
                sa.repeat.get()
            };
            if let Some(f) = f {
                let n = repeat_count(vm, b)?;
                return f(vm, a, n);
            }
            if let Some(f) = slots_of_type(&b.type_obj()).repeat.get() {
                let n = repeat_count(vm, a)?;
                return f(vm, b, n);
            }
        }
        _ => {}
    }
    Err(unsupported_operands(op, a, b, inplace))
}

/// UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT: the number slot, else TypeError.
pub fn unary_op(vm: &mut Vm, v: &PyObj, op: Op) -> VmResult<PyObj> {
    let ty = v.type_obj();
    let s = slots_of_type(&ty);
    let (f, sym) = match op {
        Op::UNARY_NEGATIVE => (s.negative.get(), "-"),
        Op::UNARY_POSITIVE => (s.positive.get(), "+"),
        _ => (s.invert.get(), "~"),
    };
    match f {
        Some(f) => f(vm, v),
        None => Err(exceptions::type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            typeobj::type_name(v)
        ))),
    }
}

/// abs(x): the absolute slot, else TypeError.
pub fn absolute(vm: &mut Vm, v: &PyObj) -> VmResult<PyObj> {
    match slots_of_type(&v.type_obj()).absolute.get() {
        Some(f) => f(vm, v),
        None => Err(exceptions::type_error(format!(
            "bad operand type for abs(): '{}'",
            typeobj::type_name(v)
        ))),
    }
}

/// divmod(a, b): the divmod slots.
pub fn divmod(vm: &mut Vm, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let (ta, tb) = (a.type_obj(), b.type_obj());
    let slotv = slots_of_type(&ta).divmod.get();
    let mut slotw = if ta.is(&tb) {
        None
    } else {
        slots_of_type(&tb).divmod.get()
    };
    if let (Some(v), Some(w)) = (slotv, slotw) {
        if v as usize == w as usize {
            slotw = None;
        }
    }
    if let Some(v) = slotv {
        if let Some(w) = slotw {
            if typeobj::is_subtype(&tb, &ta) {
                let r = w(vm, a, b)?;
                if !is_ni(&r) {
                    return Ok(r);
                }
                slotw = None;
            }
        }
        let r = v(vm, a, b)?;
        if !is_ni(&r) {
            return Ok(r);
        }
    }
    if let Some(w) = slotw {
        let r = w(vm, a, b)?;
        if !is_ni(&r) {
            return Ok(r);
        }
    }
    Err(exceptions::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        typeobj::type_name(a),
        typeobj::type_name(b)
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

/// The "unsupported operand type(s)" error of a binary operator.
pub fn unsupported_operands(op: BinaryOp, a: &PyObj, b: &PyObj, inplace: bool) -> Exc {
    let sym = match (op, inplace) {
        (BinaryOp::Power, false) => "** or pow()".to_string(),
        (_, false) => op.symbol().to_string(),
        (_, true) => format!("{}=", op.symbol()),
    };
    exceptions::type_error(format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        typeobj::type_name(a),
        typeobj::type_name(b)
    ))
}
