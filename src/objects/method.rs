//! method: a function bound to an instance (CPython's PyMethodObject, 64 bytes).

use crate::heap::{Payload, PyObj, Visit};

use super::context::ctx;

/// The payload of a bound method.
pub struct Method {
    pub func: PyObj,
    pub self_: PyObj,
    /// The weak reference list slot (weak references are not supported yet).
    pub weakreflist: Option<PyObj>,
    /// CPython's vectorcall slot; unused.
    pub vectorcall: usize,
}

impl Payload for Method {
    type Item = ();
    const NAME: &'static str = "method";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.func);
        visit(&self.self_);
    }
}

/// `func` bound to `self_`.
pub fn new(func: PyObj, self_: PyObj) -> PyObj {
    PyObj::new(
        &ctx().method_type,
        Method {
            func,
            self_,
            weakreflist: None,
            vectorcall: 0,
        },
    )
}
