//! Per-payload-type slots for object types defined outside the VM (the builtins'
//! iterator types, exit/quit, the dict views): call, repr, iter, len, `in` and
//! __length_hint__, found by the payload's Rust type as CPython finds tp_call /
//! tp_repr / tp_iter / sq_length / sq_contains in the type.

use std::any::TypeId;

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
