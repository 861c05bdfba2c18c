//! The data model for instances of classes: the operations of the VM and the builtins
//! call the class's special methods, with CPython's rules (reflected operands tried
//! first for a subclass on the right, NotImplemented, in-place forms falling back to
//! the binary ones, `__eq__` standing in for `__ne__`, identity as the last resort of
//! `==`, `__bool__` then `__len__` for truth, `__getitem__` iteration).

use crate::bytecode::opcode::BinaryOp;
use crate::heap::PyObj;
use crate::objects::iter::GetItemIter;
use crate::objects::{ctx, int, typeobj};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

/// The special method names of a binary operator: (binary, reflected, in-place).
pub fn binary_names(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    use BinaryOp::*;
    match op {
        Add => ("__add__", "__radd__", "__iadd__"),
        Subtract => ("__sub__", "__rsub__", "__isub__"),
        Multiply => ("__mul__", "__rmul__", "__imul__"),
        MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
        TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
        FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        Remainder => ("__mod__", "__rmod__", "__imod__"),
        Power => ("__pow__", "__rpow__", "__ipow__"),
        Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
        Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
        And => ("__and__", "__rand__", "__iand__"),
        Or => ("__or__", "__ror__", "__ior__"),
        Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

/// Does `o` (an instance of a class or not) have a built-in type's behaviour?
fn builtin_behaviour(o: &PyObj) -> bool {
    super::special::builtin_payload(o.vtable())
}

/// Is either operand an instance of a class?
#[inline]
pub fn any_heap(a: &PyObj, b: &PyObj) -> bool {
    a.vtable().heap_type || b.vtable().heap_type
}

fn is_ni(v: &PyObj) -> bool {
    v.is(&ctx().not_implemented)
}

impl Vm {
    /// `name` of `a`'s class called with `b`; None if the class has no such method.
    fn try_special(&mut self, a: &PyObj, name: &'static str, b: &PyObj) -> VmResult<Option<PyObj>> {
        if !self.dispatches(a, name) {
            return Ok(None);
        }
        self.call_special(a, name, std::slice::from_ref(b))
    }

    /// `a op b` (and `a op= b`) where an operand is an instance of a class.
    pub fn binary_special(
        &mut self,
        a: &PyObj,
        b: &PyObj,
        op: BinaryOp,
        inplace: bool,
    ) -> VmResult<Option<PyObj>> {
        let (name, rname, iname) = binary_names(op);
        let a_own = self.dispatches(a, name) || (inplace && self.dispatches(a, iname));
        if !a_own && !self.dispatches(b, rname) {
            // Subclasses of built-in types that override none of these methods.
            return super::binary_op_builtin(self, a, b, op, inplace).map(Some);
        }
        if inplace {
            if let Some(r) = self.try_special(a, iname, b)? {
                if !is_ni(&r) {
                    return Ok(Some(r));
                }
            }
        }
        let (ta, tb) = (a.type_obj(), b.type_obj());
        let same = ta.is(&tb);
        let mut tried_reflected = false;
        if !same && typeobj::is_subtype(&tb, &ta) && b.vtable().heap_type {
            tried_reflected = true;
            if let Some(r) = self.try_special(b, rname, a)? {
                if !is_ni(&r) {
                    return Ok(Some(r));
                }
            }
        }
        if self.dispatches(a, name) {
            if let Some(r) = self.try_special(a, name, b)? {
                if !is_ni(&r) {
                    return Ok(Some(r));
                }
            }
        } else if let Ok(r) = super::binary_op_builtin(self, a, b, op, inplace) {
            return Ok(Some(r));
        }
        if !same && !tried_reflected {
            if let Some(r) = self.try_special(b, rname, a)? {
                if !is_ni(&r) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// -x, +x, ~x, abs(x) for an instance of a class.
    pub fn unary_special(&mut self, v: &PyObj, name: &'static str) -> VmResult<Option<PyObj>> {
        if !self.dispatches(v, name) {
            return Ok(None);
        }
        self.call_special(v, name, &[])
    }

    /// bool(x) of an instance: `__bool__`, else `__len__`, else True; None when a
    /// subclass of a built-in type overrides neither (its built-in truth applies).
    pub fn truthy_special(&mut self, o: &PyObj) -> VmResult<Option<bool>> {
        let r = if self.dispatches(o, "__bool__") {
            self.call_special(o, "__bool__", &[])?
        } else {
            None
        };
        if let Some(r) = r {
            if r.is(&ctx().true_) {
                return Ok(Some(true));
            }
            if r.is(&ctx().false_) {
                return Ok(Some(false));
            }
            return Err(exceptions::type_error(format!(
                "__bool__ should return bool, returned {}",
                typeobj::type_name(&r)
            )));
        }
        if !self.dispatches(o, "__len__") {
            return Ok((!builtin_behaviour(o)).then_some(true));
        }
        match self.len_special(o)? {
            Some(n) => Ok(Some(n > 0)),
            None => Ok(Some(true)),
        }
    }

    /// len(x) of an instance: None if its class has no `__len__`.
    pub fn len_special(&mut self, o: &PyObj) -> VmResult<Option<usize>> {
        let Some(r) = self.call_special(o, "__len__", &[])? else {
            return Ok(None);
        };
        let Some(v) = int::value(&r) else {
            return Err(exceptions::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                typeobj::type_name(&r)
            )));
        };
        if v.is_negative() {
            return Err(exceptions::value_error("__len__() should return >= 0"));
        }
        match int::as_i64(&r) {
            Some(n) => Ok(Some(n as usize)),
            None => Err(exceptions::named(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            )),
        }
    }

    /// iter(x) of an instance: `__iter__`, or a sequence iterator over `__getitem__`.
    pub fn iter_special(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let ty = o.type_obj();
        let key = crate::objects::string::intern_str("__iter__");
        match self.type_lookup(&ty, &key)? {
            Some(f) if f.is(&ctx().none) => {}
            Some(_) => {
                let it = self
                    .call_special(o, "__iter__", &[])?
                    .expect("__iter__ exists");
                if !self.is_iterator(&it)? {
                    return Err(exceptions::type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        typeobj::type_name(&it)
                    )));
                }
                return Ok(it);
            }
            None => {
                let gi = crate::objects::string::intern_str("__getitem__");
                if self.type_lookup(&ty, &gi)?.is_some() {
                    return Ok(PyObj::new(
                        &ctx().getitem_iter_type,
                        GetItemIter {
                            seq: Some(o.clone()),
                            index: 0,
                        },
                    ));
                }
            }
        }
        Err(exceptions::type_error(format!(
            "'{}' object is not iterable",
            typeobj::type_name(o)
        )))
    }

    /// Can `next()` be called on `it`?
    pub fn is_iterator(&mut self, it: &PyObj) -> VmResult<bool> {
        if it.vtable().heap_type {
            let key = crate::objects::string::intern_str("__next__");
            return Ok(self.type_lookup(&it.type_obj(), &key)?.is_some());
        }
        Ok(self.next_is_defined(it))
    }

    /// next(x) of an instance: `__next__`; StopIteration ends the iteration (None).
    pub fn next_special(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        match self.call_special(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(exceptions::type_error(format!(
                "'{}' object is not an iterator",
                typeobj::type_name(it)
            ))),
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("StopIteration")) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The next item of a `__getitem__` iterator (IndexError / StopIteration end it).
    pub fn getitem_iter_next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        let (seq, i) = {
            let Ok(g) = it.borrow::<GetItemIter>() else {
                return Ok(None);
            };
            match &g.seq {
                Some(s) => (s.clone(), g.index),
                None => return Ok(None),
            }
        };
        let key = int::new_i64(i as i64);
        match self.getitem(&seq, &key) {
            Ok(v) => {
                if let Ok(mut g) = it.borrow_mut::<GetItemIter>() {
                    g.index += 1;
                }
                Ok(Some(v))
            }
            Err(e)
                if exceptions::matches(&e.0, ctx().exc_type("IndexError"))
                    || exceptions::matches(&e.0, ctx().exc_type("StopIteration")) =>
            {
                let old = it
                    .borrow_mut::<GetItemIter>()
                    .ok()
                    .and_then(|mut g| g.seq.take());
                drop(old);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// `item in x` of an instance: `__contains__`, else iteration.
    pub fn contains_special(&mut self, o: &PyObj, item: &PyObj) -> VmResult<bool> {
        if let Some(r) = self.call_special(o, "__contains__", std::slice::from_ref(item))? {
            return self.truthy(&r);
        }
        let it = self.iter_special(o).map_err(|_| {
            exceptions::type_error(format!(
                "argument of type '{}' is not iterable",
                typeobj::type_name(o)
            ))
        })?;
        while let Some(v) = self.next(&it)? {
            if v.is(item) || self.equal(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// x[key], x[key] = v, del x[key] of an instance.
    pub fn item_special(
        &mut self,
        o: &PyObj,
        key: &PyObj,
        value: Option<PyObj>,
        delete: bool,
    ) -> VmResult<Option<PyObj>> {
        let (name, args) = match (value, delete) {
            (Some(v), _) => ("__setitem__", vec![key.clone(), v]),
            (None, true) => ("__delitem__", vec![key.clone()]),
            (None, false) => ("__getitem__", vec![key.clone()]),
        };
        self.call_special(o, name, &args)
    }

    /// `o.__index__()` for an instance of a class that defines it (operator.index);
    /// anything else is returned as it is, for the caller's own checks.
    pub fn index_arg(&mut self, o: &PyObj) -> VmResult<PyObj> {
        if !self.dispatches(o, "__index__") {
            return Ok(o.clone());
        }
        match self.call_special(o, "__index__", &[])? {
            Some(r) if int::value(&r).is_some() => Ok(r),
            Some(r) => Err(exceptions::type_error(format!(
                "__index__ returned non-int (type {})",
                typeobj::type_name(&r)
            ))),
            None => Ok(o.clone()),
        }
    }

    /// A conversion special method (`__int__`, `__float__`, `__round__`, ...) of an
    /// instance, if its class defines it.
    pub fn convert_special(
        &mut self,
        o: &PyObj,
        name: &'static str,
        args: &[PyObj],
    ) -> VmResult<Option<PyObj>> {
        if !self.dispatches(o, name) {
            return Ok(None);
        }
        self.call_special(o, name, args)
    }

    /// format(x, spec) of an instance: `__format__`, whose result must be a str.
    pub fn format_special(&mut self, v: &PyObj, spec: &PyObj) -> VmResult<PyObj> {
        let r = self
            .call_special(v, "__format__", std::slice::from_ref(spec))?
            .expect("object defines __format__");
        if crate::objects::string::view(&r).is_none() {
            return Err(exceptions::type_error(format!(
                "__format__ must return a str, not {}",
                typeobj::type_name(&r)
            )));
        }
        Ok(r)
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
