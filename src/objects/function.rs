//! function: a code object with its globals, defaults and closure (CPython's
//! PyFunctionObject: 152 bytes with the GC header).

use crate::heap::{Payload, PyObj, Visit};

use super::context::ctx;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a function. Fields mirror CPython's so getsizeof matches; those
/// Python can reassign (`__defaults__`, `__name__`, ...) are changed through a borrow.
pub struct Function {
    pub code: PyObj,
    pub globals: PyObj,
    pub builtins: PyObj,
    pub name: PyObj,
    pub qualname: PyObj,
    /// `__defaults__`: a tuple, or None.
    pub defaults: Option<PyObj>,
    /// `__kwdefaults__`: a dict, or None.
    pub kwdefaults: Option<PyObj>,
    /// `__closure__`: a tuple of cells, or None.
    pub closure: Option<PyObj>,
    pub doc: Option<PyObj>,
    /// `__dict__`, created on first use.
    pub dict: Option<PyObj>,
    pub module: Option<PyObj>,
    pub annotations: Option<PyObj>,
    /// The weak reference list slot (weak references are not supported yet).
    pub weakreflist: Option<PyObj>,
    /// CPython's func_version: bumped when the function's defaults or code change.
    pub version: u64,
    /// CPython's vectorcall slot; unused (calls dispatch on the payload type).
    pub vectorcall: usize,
}

impl Payload for Function {
    type Item = ();
    const NAME: &'static str = "function";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.code);
        visit(&self.globals);
        visit(&self.builtins);
        visit(&self.name);
        visit(&self.qualname);
        for o in [
            &self.defaults,
            &self.kwdefaults,
            &self.closure,
            &self.doc,
            &self.dict,
            &self.module,
            &self.annotations,
        ]
        .into_iter()
        .flatten()
        {
            visit(o);
        }
    }
    fn clear(&mut self) {
        let taken = (
            self.defaults.take(),
            self.kwdefaults.take(),
            self.closure.take(),
            self.doc.take(),
            self.dict.take(),
            self.module.take(),
            self.annotations.take(),
        );
        // The globals dict is the usual way back into a cycle: replace it with an
        // empty one (CPython clears func_globals too).
        let globals = std::mem::replace(&mut self.globals, super::dict::new());
        drop((taken, globals));
    }
}

/// A new function object.
pub fn new(f: Function) -> PyObj {
    PyObj::new(&ctx().function_type, f)
}

fn function_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let f = o.borrow::<Function>().expect("a function");
    let q = super::string::as_str(&f.qualname).unwrap_or_default();
    Ok(format!("<function {q} at 0x{:x}>", o.id()))
}

/// function's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(function_repr),
    ..SlotTable::EMPTY
};
