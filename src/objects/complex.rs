//! complex: two doubles after the header, 32 bytes as CPython's PyComplexObject.
//! The arithmetic, repr and parsing are in numeric::complex.

use crate::heap::{Payload, PyObj, TypeRef};

use super::context::ctx;
use super::numeric::complex::{self as cx, C};
use super::{float, int};
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;

/// The payload of a complex.
pub struct Complex(pub C);

impl Payload for Complex {
    type Item = ();
    const NAME: &'static str = "complex";
}

/// A new complex object.
pub fn new(re: f64, im: f64) -> PyObj {
    PyObj::new(&ctx().complex_type, Complex(C::new(re, im)))
}

/// A complex object for `z`.
pub fn from_c(z: C) -> PyObj {
    new(z.re, z.im)
}

/// A complex of class `ty` (complex or a subclass).
pub fn new_typed(ty: &TypeRef, z: C) -> PyObj {
    PyObj::new(ty, Complex(z))
}

/// The value of a complex object (or of an instance of a subclass).
pub fn value(obj: &PyObj) -> Option<C> {
    obj.get::<Complex>().map(|c| c.0)
}

/// The value of a complex, float, int or bool as a complex (mixed arithmetic);
/// an int too large for a float gives an OverflowError.
pub fn coerce(obj: &PyObj) -> Option<crate::error::PyResult<C>> {
    if let Some(z) = value(obj) {
        return Some(Ok(z));
    }
    if let Some(f) = float::value(obj) {
        return Some(Ok(C::new(f, 0.0)));
    }
    int::value(obj).map(|i| i.to_f64().map(|f| C::new(f, 0.0)))
}

/// hash(z), CPython's (a NaN part hashes by the object's identity).
pub fn hash(obj: &PyObj) -> Option<i64> {
    value(obj).map(|z| cx::hash(z, obj.id()))
}

/// `z == other` for a complex `z` and a number: None when `other` is not a number.
pub fn eq(z: C, other: &PyObj) -> Option<bool> {
    if let Some(w) = value(other) {
        return Some(z == w);
    }
    if z.im != 0.0 {
        return (float::value(other).is_some() || int::value(other).is_some()).then_some(false);
    }
    if let Some(f) = float::value(other) {
        return Some(z.re == f);
    }
    // Exactly, as float == int compares.
    int::value(other)
        .map(|i| super::numeric::compare_int_float(&i, z.re) == Some(std::cmp::Ordering::Equal))
}

fn part(o: &PyObj, f: fn(C) -> f64) -> VmResult<PyObj> {
    match value(o) {
        Some(z) => Ok(float::new(f(z))),
        None => Err(super::exceptions::type_error(format!(
            "descriptor for 'complex' objects doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))),
    }
}
fn get_real(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    part(o, |z| z.re)
}
fn get_imag(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    part(o, |z| z.im)
}

/// complex's members.
pub static GETSETS: &[super::descr::GetSetDef] = &[
    super::descr::GetSetDef::member("real", get_real),
    super::descr::GetSetDef::member("imag", get_imag),
];
