//! Iterators over the built-in containers, with CPython's sizes: list, tuple and str
//! iterators (48 bytes), dict key/value/item iterators (72) and set iterators (64).
//! An iterator lets go of its container once exhausted, as CPython's do.

use crate::heap::{Payload, PyObj, TypeRef, Visit};

/// list_iterator, tuple_iterator, str_iterator: an index into a sequence.
pub struct SeqIter {
    pub index: usize,
    /// The sequence; None once exhausted.
    pub seq: Option<PyObj>,
}

impl Payload for SeqIter {
    type Item = ();
    const NAME: &'static str = "iterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(s) = &self.seq {
            visit(s);
        }
    }
    fn clear(&mut self) {
        drop(self.seq.take());
    }
}

/// An iterator of type `ty` over `seq`.
pub fn seq_iter(ty: &TypeRef, seq: PyObj) -> PyObj {
    PyObj::new(
        ty,
        SeqIter {
            index: 0,
            seq: Some(seq),
        },
    )
}

/// What a dict iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// dict_keyiterator / dict_valueiterator / dict_itemiterator.
pub struct DictIter {
    pub dict: Option<PyObj>,
    /// The dict's length when the iteration started (to detect size changes).
    pub used: usize,
    /// Position in the dict's entry table.
    pub pos: usize,
    pub kind: DictIterKind,
    /// Items left (__length_hint__).
    pub len: usize,
}

impl Payload for DictIter {
    type Item = ();
    const NAME: &'static str = "dict_iterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(d) = &self.dict {
            visit(d);
        }
    }
    fn clear(&mut self) {
        drop(self.dict.take());
    }
}

/// set_iterator.
pub struct SetIter {
    pub set: Option<PyObj>,
    pub used: usize,
    pub pos: usize,
    pub len: usize,
}

impl Payload for SetIter {
    type Item = ();
    const NAME: &'static str = "set_iterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(s) = &self.set {
            visit(s);
        }
    }
    fn clear(&mut self) {
        drop(self.set.take());
    }
}

/// A sequence iterator over an object with `__getitem__` (CPython's `iterator`).
pub struct GetItemIter {
    pub seq: Option<PyObj>,
    pub index: usize,
}

impl Payload for GetItemIter {
    type Item = ();
    const NAME: &'static str = "iterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(s) = &self.seq {
            visit(s);
        }
    }
    fn clear(&mut self) {
        drop(self.seq.take());
    }
}
