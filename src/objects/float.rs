//! float: an IEEE double after the header, 24 bytes as CPython's PyFloatObject.

use crate::heap::{Payload, PyObj};

use super::context::ctx;
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

/// float's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(float_repr),
    ..SlotTable::EMPTY
};
