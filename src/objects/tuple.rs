//! tuple: an immutable array of references stored inline after the header,
//! 40 + 8n bytes as CPython's (16 GC header + 24 header + 8 per item). `()` is a
//! singleton. Tuples whose items are all atomic are untracked by the collector.

use crate::heap::{Payload, PyObj, Untrack, Visit};

use super::context::ctx;

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
