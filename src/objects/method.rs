//! method: a function bound to an instance (CPython's PyMethodObject, 64 bytes).

use crate::heap::{Payload, PyObj, Visit};

use super::context::ctx;
use crate::bytecode::opcode::CompareOp;
use crate::objects::descr::GetSetDef as G;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

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

/// The name a bound method shows for its function: a Python function's qualname, a
/// builtin's name, else the type's name.
pub fn callable_name(f: &PyObj) -> String {
    if let Some(func) = super::function::state(f) {
        return super::string::as_str(&func.qualname)
            .unwrap_or_default()
            .into_owned();
    }
    if let Some(b) = f.get::<super::builtin_function::BuiltinFunction>() {
        return b.def.name.to_string();
    }
    super::typeobj::type_name(f)
}

fn method_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let m = o.get::<Method>().expect("a method");
    let (func, s) = (m.func.clone(), m.self_.clone());
    let name = callable_name(&func);
    let sr = rt.repr(&s)?;
    Ok(format!("<bound method {name} of {sr}>"))
}

/// Bound methods are equal when they bind the same object to equal functions.
fn method_richcompare(
    rt: &mut dyn Runtime,
    a: &PyObj,
    b: &PyObj,
    op: CompareOp,
) -> VmResult<PyObj> {
    let c = ctx();
    let (Some(x), Some(y)) = (a.get::<Method>(), b.get::<Method>()) else {
        return Ok(c.not_implemented.clone());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(c.not_implemented.clone());
    }
    let (fx, fy) = (x.func.clone(), y.func.clone());
    let same = x.self_.is(&y.self_) && rt.equal(&fx, &fy)?;
    Ok(if same == (op == CompareOp::Eq) {
        &c.true_
    } else {
        &c.false_
    }
    .clone())
}

fn method_hash(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    let m = o.get::<Method>().expect("a method");
    let (f, s) = (m.func.clone(), m.self_.clone());
    let h = super::protocol::id_hash(&s) ^ rt.hash(&f)?;
    Ok(if h == -1 { -2 } else { h })
}

fn parts(o: &PyObj) -> VmResult<&Method> {
    crate::objects::descr::expect::<Method>(o, "method")
}
fn get_func(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(parts(o)?.func.clone())
}
fn get_self(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(parts(o)?.self_.clone())
}
fn get_doc(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let f = parts(o)?.func.clone();
    rt.getattr(&f, &super::string::intern_str("__doc__"))
}

/// method's member and getset descriptors.
pub static GETSETS: &[G] = &[
    G::member("__func__", get_func),
    G::member("__self__", get_self),
    G::getter("__doc__", get_doc),
];

/// method_getattro: the method type's own attributes, else the function's
/// (`m.__name__`, `m.__module__`, attributes set on the function).
fn method_getattro(rt: &mut dyn Runtime, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let ty = o.type_obj();
    if let Some(d) = rt.type_lookup(&ty, name)? {
        return rt.descr_get(&d, Some(o), &ty);
    }
    let f = parts(o)?.func.clone();
    rt.getattr(&f, name)
}

/// method's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(method_getattro),
    repr: Some(method_repr),
    hash: Some(method_hash),
    richcompare: Some(method_richcompare),
    ..SlotTable::EMPTY
};
