//! float: an IEEE double after the header, 24 bytes as CPython's PyFloatObject.

use crate::heap::{Payload, PyObj};

use super::context::ctx;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a float.
pub struct Float(pub f64);

impl Payload for Float {
    type Item = ();
    const NAME: &'static str = "float";
}

/// A new float object.
pub fn new(v: f64) -> PyObj {
    PyObj::new(&ctx().float_type, Float(v))
}

/// The value of a float object, if it is one.
pub fn value(obj: &PyObj) -> Option<f64> {
    obj.get::<Float>().map(|f| f.0)
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

/// float's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(float_repr),
    hash: Some(float_hash),
    richcompare: Some(float_richcompare),
    ..SlotTable::EMPTY
};
