//! tuple: an immutable array of references stored inline after the header,
//! 40 + 8n bytes as CPython's (16 GC header + 24 header + 8 per item). `()` is a
//! singleton. Tuples whose items are all atomic are untracked by the collector.

use crate::heap::{Payload, PyObj, Untrack, Visit};

use super::context::ctx;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a tuple; the items are the object's inline var part.
pub struct Tuple;

impl Payload for Tuple {
    type Item = PyObj;
    const NAME: &'static str = "tuple";
    const GC: bool = true;
    const UNTRACK: Untrack = Untrack::Young;
    fn traverse(&self, items: &[PyObj], visit: Visit<'_>) {
        items.iter().for_each(visit);
    }
    /// _PyTuple_MaybeUntrack: no item is, or may become, a tracked container.
    fn can_untrack(&self, items: &[PyObj]) -> bool {
        items.iter().all(|o| !o.gc_may_be_tracked())
    }
}

/// A tuple of `items` (the empty tuple is the singleton). None if memory runs out.
pub fn try_new<I>(items: I) -> Option<PyObj>
where
    I: IntoIterator<Item = PyObj>,
    I::IntoIter: ExactSizeIterator,
{
    let it = items.into_iter();
    let n = it.len();
    let c = ctx();
    if n == 0 {
        return Some(c.empty_tuple.clone());
    }
    PyObj::new_var(&c.tuple_type, false, Tuple, n, it)
}

/// A tuple of `items`; aborts if memory runs out (for small tuples built by Rust).
pub fn new(items: Vec<PyObj>) -> PyObj {
    try_new(items).expect("out of memory building a tuple")
}

/// The items of a tuple, if `obj` is one.
pub fn items(obj: &PyObj) -> Option<&[PyObj]> {
    obj.items::<Tuple>()
}

/// The reprs of `items` joined by ", ".
pub fn join_reprs(rt: &mut dyn Runtime, items: &[PyObj]) -> VmResult<String> {
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&rt.repr(x)?);
    }
    Ok(out)
}

/// The repr of a container: `inner` runs with the recursion counted and `o` marked,
/// and a container met again while its own repr is being made gives `again`.
pub fn container_repr(
    rt: &mut dyn Runtime,
    o: &PyObj,
    again: &str,
    inner: impl FnOnce(&mut dyn Runtime) -> VmResult<String>,
) -> VmResult<String> {
    if !rt.repr_enter(o) {
        return Ok(again.to_string());
    }
    let r = match rt.enter_recursive(" while getting the repr of an object") {
        Ok(()) => {
            let r = inner(&mut *rt);
            rt.leave_recursive();
            r
        }
        Err(e) => Err(e),
    };
    rt.repr_leave(o);
    r
}

fn tuple_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let items = items(o).expect("a tuple").to_vec();
    if items.is_empty() {
        return Ok("()".into());
    }
    container_repr(rt, o, "(...)", |rt| {
        let inner = join_reprs(rt, &items)?;
        Ok(if items.len() == 1 {
            format!("({inner},)")
        } else {
            format!("({inner})")
        })
    })
}

/// tuple's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(tuple_repr),
    ..SlotTable::EMPTY
};
