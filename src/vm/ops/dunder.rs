//! The data model for instances of classes: the operations of the VM and the builtins
//! call the class's special methods, with CPython's rules (reflected operands tried
//! first for a subclass on the right, NotImplemented, in-place forms falling back to
//! the binary ones, `__eq__` standing in for `__ne__`, identity as the last resort of
//! `==`, `__bool__` then `__len__` for truth, `__getitem__` iteration).

use crate::bytecode::opcode::BinaryOp;
use crate::heap::PyObj;
use crate::objects::{int, typeobj};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;

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

/// Is either operand an instance of a class?
#[inline]
pub fn any_heap(a: &PyObj, b: &PyObj) -> bool {
    a.vtable().heap_type || b.vtable().heap_type
}

impl Vm {
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
