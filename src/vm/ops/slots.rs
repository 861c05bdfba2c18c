//! Type slots for object types defined outside the VM (the dict views): how iter(),
//! len(), repr(), `in` and truth treat their objects, registered once per thread by
//! payload type, as `register_iterator` does for iterators.

use std::any::TypeId;

use crate::heap::{Payload, PyObj};

use super::super::{Vm, VmResult};

/// The generic operations of a payload type.
#[derive(Clone, Copy)]
pub struct TypeSlots {
    /// iter(obj).
    pub iter: fn(&mut Vm, &PyObj) -> VmResult<PyObj>,
    /// len(obj).
    pub len: fn(&PyObj) -> usize,
    /// repr(obj).
    pub repr: fn(&mut Vm, &PyObj) -> VmResult<String>,
    /// `item in obj`.
    pub contains: fn(&mut Vm, &PyObj, &PyObj) -> VmResult<bool>,
}

thread_local! {
    static SLOTS: std::cell::RefCell<Vec<(TypeId, TypeSlots)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Register the slots of payload type `T` (done by the builtins at start-up).
pub fn register_slots<T: Payload>(s: TypeSlots) {
    SLOTS.with(|v| {
        let mut v = v.borrow_mut();
        if !v.iter().any(|(t, _)| *t == TypeId::of::<T>()) {
            v.push((TypeId::of::<T>(), s));
        }
    });
}

/// The registered slots of `o`'s payload type, if any.
pub fn slots_of(o: &PyObj) -> Option<TypeSlots> {
    let id = o.vtable().type_id;
    SLOTS.with(|v| v.borrow().iter().find(|(t, _)| *t == id).map(|(_, s)| *s))
}

/// len(obj) for a type with registered slots.
pub fn slot_len(o: &PyObj) -> Option<usize> {
    slots_of(o).map(|s| (s.len)(o))
}
