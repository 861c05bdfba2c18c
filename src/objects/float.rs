//! float: an IEEE double after the header, 24 bytes as CPython's PyFloatObject.

use crate::heap::{ExactType, Payload, PyObj};

use super::context::ctx;
use crate::bytecode::opcode::BinaryOp;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a float.
pub struct Float(pub f64);

impl Payload for Float {
    type Item = ();
    const NAME: &'static str = "float";
    /// CPython 3.11's PyFloat_MAXFREELIST.
    const FREE_LIST_MAX: usize = 100;
}

/// A new float object.
pub fn new(v: f64) -> PyObj {
    PyObj::new_exact(&ctx().float_exact, Float(v))
}

/// The value of a float object, if it is one.
pub fn value(obj: &PyObj) -> Option<f64> {
    obj.get::<Float>().map(|f| f.0)
}

/// The value of a float of exactly type `ty` (float itself): a specialized
/// instruction's guard and read in one.
#[inline]
pub fn exact_value(obj: &PyObj, ty: &ExactType<Float>) -> Option<f64> {
    obj.get_exact(ty).map(|f| f.0)
}

fn float_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    Ok(super::numeric::float_repr(value(o).expect("a float")))
}

fn float_hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    Ok(super::numeric::hash_float(
        value(o).expect("a float"),
        o.id(),
    ))
}

/// float's comparisons, with floats and ints on either side.
fn float_richcompare(
    _rt: &mut dyn Runtime,
    a: &PyObj,
    b: &PyObj,
    op: CompareOp,
) -> VmResult<PyObj> {
    use super::numeric::compare_int_float;
    let c = ctx();
    let ord = match (value(a), value(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y),
        (Some(x), None) => match super::int::value(b) {
            Some(y) => compare_int_float(&y, x).map(std::cmp::Ordering::reverse),
            None => return Ok(c.not_implemented.clone()),
        },
        (None, Some(y)) => match super::int::value(a) {
            Some(x) => compare_int_float(&x, y),
            None => return Ok(c.not_implemented.clone()),
        },
        (None, None) => return Ok(c.not_implemented.clone()),
    };
    Ok(if op.holds(ord) { &c.true_ } else { &c.false_ }.clone())
}

// ----- the number protocol ------------------------------------------------------------

/// An operand of a float operation: a float, or an int converted to float (None:
/// neither, the slot answers NotImplemented).
fn operand(o: &PyObj) -> Option<VmResult<f64>> {
    if let Some(f) = value(o) {
        return Some(Ok(f));
    }
    super::int::value(o).map(|i| i.to_f64().map_err(exceptions::Exc::from))
}

/// `x op y` where either operand is a float and the other a float or an int.
fn float_binary(a: &PyObj, b: &PyObj, op: BinaryOp) -> VmResult<PyObj> {
    use super::numeric::{float_div, float_floordiv, float_mod, float_pow, FloatPow};
    let (Some(x), Some(y)) = (operand(a), operand(b)) else {
        return Ok(ctx().not_implemented.clone());
    };
    let (x, y) = (x?, y?);
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide => float_div(x, y)?,
        BinaryOp::FloorDivide => float_floordiv(x, y)?,
        BinaryOp::Remainder => float_mod(x, y)?,
        BinaryOp::Power => match float_pow(x, y)? {
            FloatPow::Float(f) => f,
            FloatPow::Complex => {
                // A negative number to a fractional power: complex_pow, as CPython's
                // float_pow hands it on.
                use super::numeric::complex as cx;
                let r = cx::pow(cx::C::new(x, 0.0), cx::C::new(y, 0.0))?;
                return Ok(super::complex::from_c(r));
            }
        },
        _ => return Ok(ctx().not_implemented.clone()),
    };
    Ok(new(r))
}

macro_rules! float_binary_slots {
    ($($f:ident => $op:ident,)*) => {
        $(fn $f(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
            float_binary(a, b, BinaryOp::$op)
        })*
    };
}

float_binary_slots! {
    float_add => Add,
    float_sub => Subtract,
    float_mul => Multiply,
    float_truediv => TrueDivide,
    float_floordiv => FloorDivide,
    float_mod => Remainder,
}

fn float_divmod(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (operand(a), operand(b)) else {
        return Ok(ctx().not_implemented.clone());
    };
    let (q, r) = super::numeric::float_divmod(x?, y?)?;
    Ok(super::tuple::pair(new(q), new(r)))
}

fn float_pow(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, m: &PyObj) -> VmResult<PyObj> {
    if !m.is(&ctx().none) {
        if operand(a).is_none() || operand(b).is_none() {
            return Ok(ctx().not_implemented.clone());
        }
        return Err(exceptions::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    float_binary(a, b, BinaryOp::Power)
}

fn f(o: &PyObj) -> f64 {
    value(o).expect("a float")
}

fn float_neg(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(new(-f(o)))
}

fn float_pos(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    if o.is_type(&ctx().float_type) {
        return Ok(o.clone());
    }
    Ok(new(f(o)))
}

fn float_abs(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(new(f(o).abs()))
}

fn float_bool(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<bool> {
    Ok(f(o) != 0.0)
}

/// int(x): truncated toward zero.
fn float_int(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let v = f(o).trunc();
    if v.abs() < 9.0e18 {
        return Ok(super::int::new_i64(v as i64));
    }
    super::int::obj(&super::numeric::Int::from_f64(v)?)
}

fn float_float(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    float_pos(_rt, o)
}

/// float's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(float_repr),
    hash: Some(float_hash),
    richcompare: Some(float_richcompare),
    add: Some(float_add),
    subtract: Some(float_sub),
    multiply: Some(float_mul),
    remainder: Some(float_mod),
    divmod: Some(float_divmod),
    power: Some(float_pow),
    negative: Some(float_neg),
    positive: Some(float_pos),
    absolute: Some(float_abs),
    bool: Some(float_bool),
    int: Some(float_int),
    float: Some(float_float),
    floor_divide: Some(float_floordiv),
    true_divide: Some(float_truediv),
    ..SlotTable::EMPTY
};

/// float(self): an exact float is itself, a subclass's value a new exact float.
fn get_real(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    if o.is_type(&ctx().float_type) {
        return Ok(o.clone());
    }
    match value(o) {
        Some(f) => Ok(new(f)),
        None => Err(exceptions::type_error(format!(
            "descriptor for 'float' objects doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))),
    }
}
fn get_imag(_: &mut dyn Runtime, _: &PyObj) -> VmResult<PyObj> {
    Ok(new(0.0))
}

/// float's getset descriptors.
pub static GETSETS: &[super::descr::GetSetDef] = &[
    super::descr::GetSetDef::getter("real", get_real),
    super::descr::GetSetDef::getter("imag", get_imag),
];
