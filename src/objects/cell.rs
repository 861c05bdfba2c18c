//! cell: a box for a variable shared between a function and the functions nested in
//! it (CPython's PyCellObject, 40 bytes).

use crate::heap::{Payload, PyObj, Visit};

use super::context::ctx;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a cell; `None` is an empty cell.
pub struct Cell(pub Option<PyObj>);

impl Payload for Cell {
    type Item = ();
    const NAME: &'static str = "cell";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(v) = &self.0 {
            visit(v);
        }
    }
    fn clear(&mut self) {
        drop(self.0.take());
    }
}

/// A new cell holding `v`.
pub fn new(v: Option<PyObj>) -> PyObj {
    PyObj::new(&ctx().cell_type, Cell(v))
}

/// The contents of a cell.
pub fn get(cell: &PyObj) -> Option<PyObj> {
    cell.borrow::<Cell>().ok().and_then(|c| c.0.clone())
}

/// Set the contents of a cell; returns the old value (drop it after).
pub fn set(cell: &PyObj, v: Option<PyObj>) -> Option<PyObj> {
    let mut c = cell
        .borrow_mut::<Cell>()
        .expect("a cell is never borrowed for long");
    std::mem::replace(&mut c.0, v)
}

fn cell_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    Ok(match get(o) {
        Some(v) => format!(
            "<cell at 0x{:x}: {} object at 0x{:x}>",
            o.id(),
            super::typeobj::type_name(&v),
            v.id()
        ),
        None => format!("<cell at 0x{:x}: empty>", o.id()),
    })
}

/// cell's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(cell_repr),
    ..SlotTable::EMPTY
};
