//! None, NotImplemented and Ellipsis: payload-less singletons of 16 bytes (a bare
//! object header), as in CPython.

use crate::heap::Payload;
use crate::heap::PyObj;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of None, NotImplemented and Ellipsis: nothing beyond the header.
pub struct Singleton;

impl Payload for Singleton {
    type Item = ();
    const NAME: &'static str = "singleton";
}

fn none_repr(_rt: &mut dyn Runtime, _o: &PyObj) -> VmResult<String> {
    Ok("None".into())
}

fn not_implemented_repr(_rt: &mut dyn Runtime, _o: &PyObj) -> VmResult<String> {
    Ok("NotImplemented".into())
}

fn ellipsis_repr(_rt: &mut dyn Runtime, _o: &PyObj) -> VmResult<String> {
    Ok("Ellipsis".into())
}

/// NoneType's slots.
pub const NONE_SLOTS: SlotTable = SlotTable {
    repr: Some(none_repr),
    bool: Some(none_bool),
    ..SlotTable::EMPTY
};

/// None is false (none_bool).
fn none_bool(_rt: &mut dyn Runtime, _o: &PyObj) -> VmResult<bool> {
    Ok(false)
}

/// NotImplementedType's slots.
pub const NOT_IMPLEMENTED_SLOTS: SlotTable = SlotTable {
    repr: Some(not_implemented_repr),
    ..SlotTable::EMPTY
};

/// ellipsis's slots.
pub const ELLIPSIS_SLOTS: SlotTable = SlotTable {
    repr: Some(ellipsis_repr),
    ..SlotTable::EMPTY
};
