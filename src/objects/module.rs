//! module: a namespace dict with a name (CPython's PyModuleObject, 72 bytes).

use crate::heap::{Payload, PyObj, Visit};

use super::context::ctx;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a module.
pub struct Module {
    pub dict: PyObj,
    pub name: PyObj,
    /// CPython's md_def, md_state and md_weaklist slots: unused here.
    pub reserved: [usize; 3],
}

impl Payload for Module {
    type Item = ();
    const NAME: &'static str = "module";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.dict);
        visit(&self.name);
    }
}

/// A module named `name` with namespace `dict`.
pub fn new(name: PyObj, dict: PyObj) -> PyObj {
    PyObj::new(
        &ctx().module_type,
        Module {
            dict,
            name,
            reserved: [0; 3],
        },
    )
}

/// The namespace of a module.
pub fn dict(m: &PyObj) -> Option<&PyObj> {
    m.get::<Module>().map(|m| &m.dict)
}

fn module_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let m = o.get::<Module>().expect("a module");
    let n = super::string::as_str(&m.name).unwrap_or_default();
    Ok(format!("<module '{n}' (built-in)>"))
}

/// module's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(module_repr),
    ..SlotTable::EMPTY
};
