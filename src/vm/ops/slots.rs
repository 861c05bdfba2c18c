//! Per-payload-type slots for object types defined outside the VM (the builtins'
//! iterator types, exit/quit, the dict views, bytes, bytearray, memoryview,
//! array.array, complex): call, repr, iter, len, `in`, __length_hint__, truth,
//! ordering, the binary and unary operators, subscripts, data attributes and format,
//! found by the payload's Rust type as CPython finds tp_call / tp_repr / tp_iter /
//! sq_length / sq_contains / nb_bool / tp_richcompare / nb_* / mp_subscript /
//! mp_ass_subscript / tp_getset in the type.
//!
//! Hashing and `==` of these types are the object layer's (objects::protocol), as
//! dict and set keys need them without the VM.

use std::any::TypeId;

use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::bytecode::Op;
use crate::heap::{Payload, PyObj};

use super::super::Vm;
use crate::objects::args::Args;
use crate::objects::exceptions::VmResult;

/// tp_call.
pub type CallFn = fn(&mut Vm, &PyObj, Args<'_>) -> VmResult<PyObj>;
/// tp_repr.
pub type ReprFn = fn(&mut Vm, &PyObj) -> VmResult<String>;
/// tp_iter.
pub type IterFn = fn(&mut Vm, &PyObj) -> VmResult<PyObj>;
/// len() (sq_length); also the truth of the object and its length hint.
pub type LenFn = fn(&PyObj) -> usize;
/// `item in obj` (sq_contains).
pub type ContainsFn = fn(&mut Vm, &PyObj, &PyObj) -> VmResult<bool>;
/// len() that can fail (a released memoryview).
pub type TryLenFn = fn(&PyObj) -> VmResult<usize>;
/// bool(obj) (nb_bool).
pub type BoolFn = fn(&PyObj) -> bool;
/// `a < b` and the other orderings (tp_richcompare for <, <=, >, >=): None when the
/// operands are not this type's business (NotImplemented).
pub type OrderFn = fn(&mut Vm, &PyObj, &PyObj, CompareOp) -> VmResult<Option<bool>>;
/// `a op b` (op= when the flag is set), called with the operands in their order for
/// either operand's type (CPython's nb_* and sq_concat / sq_repeat slots): None for
/// NotImplemented.
pub type BinaryFn = fn(&mut Vm, &PyObj, &PyObj, BinaryOp, bool) -> VmResult<Option<PyObj>>;
/// -x, +x, ~x (None: not supported).
pub type UnaryFn = fn(&mut Vm, &PyObj, Op) -> VmResult<Option<PyObj>>;
/// obj[key] (mp_subscript).
pub type GetItemFn = fn(&mut Vm, &PyObj, &PyObj) -> VmResult<PyObj>;
/// obj[key] = value, or del obj[key] for None (mp_ass_subscript).
pub type SetItemFn = fn(&mut Vm, &PyObj, &PyObj, Option<PyObj>) -> VmResult<()>;
/// A data attribute (tp_getset / tp_members): None when there is no such attribute.
pub type GetAttrFn = fn(&mut Vm, &PyObj, &str) -> VmResult<Option<PyObj>>;
/// abs(obj) (nb_absolute).
pub type AbsFn = fn(&mut Vm, &PyObj) -> VmResult<PyObj>;
/// format(obj, spec) for a non-empty spec.
pub type FormatFn = fn(&mut Vm, &PyObj, &str) -> VmResult<PyObj>;

/// The slots one payload type fills.
#[derive(Clone, Copy, Default)]
pub struct Slots {
    pub call: Option<CallFn>,
    pub repr: Option<ReprFn>,
    pub iter: Option<IterFn>,
    pub len: Option<LenFn>,
    pub contains: Option<ContainsFn>,
    /// __length_hint__ of an iterator (no len()).
    pub length_hint: Option<LenFn>,
    pub bool: Option<BoolFn>,
    pub order: Option<OrderFn>,
    pub binary: Option<BinaryFn>,
    pub unary: Option<UnaryFn>,
    pub getitem: Option<GetItemFn>,
    pub setitem: Option<SetItemFn>,
    pub getattr: Option<GetAttrFn>,
    pub format: Option<FormatFn>,
    pub abs: Option<AbsFn>,
    pub try_len: Option<TryLenFn>,
}

thread_local! {
    static SLOTS: std::cell::RefCell<Vec<(TypeId, Slots)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Register the slots of payload type `T` (replacing any earlier registration).
pub fn register_slots<T: Payload>(s: Slots) {
    SLOTS.with(|v| {
        let mut v = v.borrow_mut();
        match v.iter_mut().find(|(t, _)| *t == TypeId::of::<T>()) {
            Some(e) => e.1 = s,
            None => v.push((TypeId::of::<T>(), s)),
        }
    });
}

/// The slots registered for `o`'s payload type, if any.
pub fn slots_of(o: &PyObj) -> Option<Slots> {
    let id = o.vtable().type_id();
    SLOTS.with(|v| v.borrow().iter().find(|(t, _)| *t == id).map(|(_, s)| *s))
}

/// len(obj) for a type with a registered len slot.
pub fn slot_len(o: &PyObj) -> Option<usize> {
    slots_of(o).and_then(|s| s.len).map(|f| f(o))
}

/// `a op b` through the binary slot of `a`'s type, then of `b`'s: None when neither
/// has one or both answered NotImplemented.
pub fn slot_binary(
    vm: &mut Vm,
    a: &PyObj,
    b: &PyObj,
    op: BinaryOp,
    inplace: bool,
) -> VmResult<Option<PyObj>> {
    let fa = slots_of(a).and_then(|s| s.binary);
    if let Some(f) = fa {
        if let Some(r) = f(vm, a, b, op, inplace)? {
            return Ok(Some(r));
        }
    }
    let same = fa.is_some() && a.vtable().type_id() == b.vtable().type_id();
    if let Some(f) = slots_of(b).and_then(|s| s.binary).filter(|_| !same) {
        return f(vm, a, b, op, false);
    }
    Ok(None)
}

/// An ordering through the order slot of `a`'s type, then of `b`'s (reflected).
pub fn slot_order(vm: &mut Vm, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<Option<bool>> {
    if let Some(f) = slots_of(a).and_then(|s| s.order) {
        if let Some(r) = f(vm, a, b, op)? {
            return Ok(Some(r));
        }
    }
    if let Some(f) = slots_of(b).and_then(|s| s.order) {
        let swapped = match op {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
            other => other,
        };
        return f(vm, b, a, swapped);
    }
    Ok(None)
}
