//! The data model for instances of classes: the operations of the VM and the builtins
//! call the class's special methods, with CPython's rules (reflected operands tried
//! first for a subclass on the right, NotImplemented, in-place forms falling back to
//! the binary ones, `__eq__` standing in for `__ne__`, identity as the last resort of
//! `==`, `__bool__` then `__len__` for truth, `__getitem__` iteration).

use crate::bytecode::opcode::BinaryOp;
use crate::heap::PyObj;
use crate::objects::typeobj::slotdefs::slots_of_type;
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
    /// The nb_index slot of `o`'s type, for objects whose type is a class (operator.index
    /// as the built-ins use it): the int it returns. Objects of built-in types, and
    /// objects without the slot, are returned as they are, for the caller's own checks
    /// (an exact int is its own index; the built-in types' own index slots answer the
    /// same).
    pub fn index_arg(&mut self, o: &PyObj) -> VmResult<PyObj> {
        if !o.vtable().heap_type {
            return Ok(o.clone());
        }
        let Some(f) = slots_of_type(&o.type_obj()).index.get() else {
            return Ok(o.clone());
        };
        let r = f(self, o)?;
        if int::value(&r).is_none() {
            return Err(exceptions::type_error(format!(
                "__index__ returned non-int (type {})",
                typeobj::type_name(&r)
            )));
        }
        Ok(r)
    }

    /// A conversion special method without a slot of its own (`__complex__`,
    /// `__round__`, `__reversed__`, ...) or a number conversion (`__int__`, `__float__`)
    /// of an object whose type is a class: looked up on the type and called
    /// (CPython's _PyObject_LookupSpecial). None when the type has no such method, and
    /// for objects of built-in types, whose callers run the built-in code (what those
    /// types' own methods do).
    pub fn convert_special(
        &mut self,
        o: &PyObj,
        name: &'static str,
        args: &[PyObj],
    ) -> VmResult<Option<PyObj>> {
        if !o.vtable().heap_type {
            return Ok(None);
        }
        self.call_special(o, name, args)
    }
}
