//! float: an IEEE double after the header, 24 bytes as CPython's PyFloatObject.

use crate::heap::{Payload, PyObj};

use super::context::ctx;

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
