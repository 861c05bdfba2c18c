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
    /// Position in the dict's entry table (a keys object's entries are counted in
    /// 32 bits): one word with `kind`, so that the iterator is CPython's 72 bytes.
    pub pos: u32,
    pub kind: DictIterKind,
    /// Items left (__length_hint__).
    pub len: usize,
    /// An items iterator's result tuple, refilled in place while nothing else holds
    /// it (CPython's di_result: `(None, None)` at first).
    pub result: Option<PyObj>,
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
        if let Some(r) = &self.result {
            visit(r);
        }
    }
    fn clear(&mut self) {
        drop((self.dict.take(), self.result.take()));
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

// ----- the iterator protocol -------------------------------------------------------------

use super::exceptions::{self, Exc, VmResult};
use super::runtime::Runtime;
use super::typeobj::slots::SlotTable;
use super::{ctx, dict, list, set, string, tuple};

fn changed(what: &str) -> Exc {
    exceptions::named(
        "RuntimeError",
        format!("{what} changed size during iteration"),
    )
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "container modified during iteration")
}

/// iter(iterator) is the iterator itself (PyObject_SelfIter).
pub fn self_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(o.clone())
}

/// The one-character str for code point `ch` (cached for Latin-1).
pub fn char_str(ch: u32) -> PyObj {
    if ch < 256 {
        return ctx().latin1[ch as usize].clone();
    }
    let buf = super::unicode::view::StrBuf::from_code_points(&[ch]);
    string::from_buf(&buf).expect("tiny allocation")
}

/// The next item of `it` if it is a list's or tuple's iterator, whose step runs no
/// Python code (a freed sequence's finalizers wait for the eval loop), so that the
/// caller may hold a borrow of its own meanwhile; None for any other iterator.
pub fn next_running_no_code(rt: &mut dyn Runtime, it: &PyObj) -> Option<VmResult<Option<PyObj>>> {
    let c = ctx();
    (it.is_type(&c.list_iter_type) || it.is_type(&c.tuple_iter_type)).then(|| seq_next(rt, it))
}

/// next() of a list, tuple or str iterator.
pub fn seq_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    let mut s = it.borrow_mut::<SeqIter>().map_err(|_| busy())?;
    let i = s.index;
    // The sequence is read where it lies (the iterator holds it): no reference taken.
    let item = match &s.seq {
        None => return Ok(None),
        Some(seq) => {
            if let Some(l) = list::borrow(seq) {
                l.0.get(i).cloned()
            } else if let Some(items) = tuple::items(seq) {
                items.get(i).cloned()
            } else if let Some(v) = string::view(seq) {
                (i < v.len()).then(|| char_str(v.char_at(i)))
            } else {
                None
            }
        }
    };
    match item {
        Some(x) => {
            s.index = i + 1;
            Ok(Some(x))
        }
        None => {
            let old = s.seq.take();
            drop(s);
            drop(old);
            Ok(None)
        }
    }
}

/// An iterator over a dict's keys, values or items.
pub fn dict_iter(d: &PyObj, kind: DictIterKind) -> VmResult<PyObj> {
    let c = ctx();
    let n = dict::len(d).ok_or_else(busy)?;
    let ty = match kind {
        DictIterKind::Keys => &c.dict_keyiter_type,
        DictIterKind::Values => &c.dict_valueiter_type,
        DictIterKind::Items => &c.dict_itemiter_type,
    };
    let it = PyObj::new(
        ty,
        DictIter {
            dict: Some(d.clone()),
            used: n,
            pos: 0,
            kind,
            len: n,
            result: None,
        },
    );
    if kind == DictIterKind::Items {
        it.borrow_mut::<DictIter>().map_err(|_| busy())?.result = Some(tuple::nones(2));
    }
    Ok(it)
}

/// next() of a dict iterator: RuntimeError if the dict changed size meanwhile.
pub fn dict_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    let mut s = it.borrow_mut::<DictIter>().map_err(|_| busy())?;
    let Some(d) = s.dict.clone() else {
        return Ok(None);
    };
    let t = dict::borrow(&d).ok_or_else(busy)?;
    if t.0.len() != s.used {
        s.used = usize::MAX; // stays broken, as CPython's di_used = -1
        return Err(changed("dictionary"));
    }
    // Only what this kind yields is cloned (and both for items).
    let kind = s.kind;
    let step = t.0.next_item_with(s.pos as usize, |k, v| match kind {
        DictIterKind::Keys => (k.clone(), None),
        DictIterKind::Values => (v.clone(), None),
        DictIterKind::Items => (k.clone(), Some(v.clone())),
    });
    drop(t);
    match step {
        Some(_) if s.len == 0 => {
            // An item the iteration did not expect: keys came and went.
            let old = s.dict.take();
            drop(s);
            drop((step, old));
            Err(super::exceptions::named(
                "RuntimeError",
                "dictionary keys changed during iteration",
            ))
        }
        Some((pos, (first, second))) => {
            s.pos = (pos + 1) as u32;
            s.len = s.len.saturating_sub(1);
            let Some(v) = second else {
                return Ok(Some(first));
            };
            let (r, old) = tuple::refill_pair(&mut s.result, first, v);
            drop(s);
            // The old key and value go now, with no borrow held.
            drop(old);
            Ok(Some(r))
        }
        None => {
            let old = s.dict.take();
            drop(s);
            drop(old);
            Ok(None)
        }
    }
}

/// An iterator over a set's elements.
pub fn set_iter(s: &PyObj) -> VmResult<PyObj> {
    let n = set::len(s).ok_or_else(busy)?;
    Ok(PyObj::new(
        &ctx().set_iter_type,
        SetIter {
            set: Some(s.clone()),
            used: n,
            pos: 0,
            len: n,
        },
    ))
}

/// next() of a set iterator: RuntimeError if the set changed size meanwhile.
pub fn set_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    let mut s = it.borrow_mut::<SetIter>().map_err(|_| busy())?;
    let Some(st) = s.set.clone() else {
        return Ok(None);
    };
    let t = set::borrow(&st).ok_or_else(busy)?;
    if t.0.len() != s.used {
        s.used = usize::MAX;
        return Err(changed("Set"));
    }
    match t.0.next_entry(s.pos) {
        Some((pos, k, _)) => {
            let k = k.clone();
            s.pos = pos + 1;
            s.len = s.len.saturating_sub(1);
            Ok(Some(k))
        }
        None => {
            drop(t);
            let old = s.set.take();
            drop(s);
            drop(old);
            Ok(None)
        }
    }
}

/// next() of a `__getitem__` iterator: IndexError or StopIteration ends it.
pub fn getitem_next(rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    let (seq, i) = {
        let Ok(g) = it.borrow::<GetItemIter>() else {
            return Ok(None);
        };
        match &g.seq {
            Some(s) => (s.clone(), g.index),
            None => return Ok(None),
        }
    };
    let key = super::int::new_i64(i as i64);
    match rt.getitem(&seq, &key) {
        Ok(v) => {
            if let Ok(mut g) = it.borrow_mut::<GetItemIter>() {
                g.index += 1;
            }
            Ok(Some(v))
        }
        Err(e)
            if exceptions::matches(&e.0, ctx().exc_type("IndexError"))
                || exceptions::matches(&e.0, ctx().exc_type("StopIteration")) =>
        {
            let old = it
                .borrow_mut::<GetItemIter>()
                .ok()
                .and_then(|mut g| g.seq.take());
            drop(old);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The slots of the list, tuple and str iterators.
pub const SEQ_ITER_SLOTS: SlotTable = SlotTable {
    iter: Some(self_iter),
    iternext: Some(seq_next),
    ..SlotTable::EMPTY
};

/// The slots of the dict key, value and item iterators.
pub const DICT_ITER_SLOTS: SlotTable = SlotTable {
    iter: Some(self_iter),
    iternext: Some(dict_next),
    ..SlotTable::EMPTY
};

/// The set iterator's slots.
pub const SET_ITER_SLOTS: SlotTable = SlotTable {
    iter: Some(self_iter),
    iternext: Some(set_next),
    ..SlotTable::EMPTY
};

/// The `__getitem__` iterator's slots.
pub const GETITEM_ITER_SLOTS: SlotTable = SlotTable {
    iter: Some(self_iter),
    iternext: Some(getitem_next),
    ..SlotTable::EMPTY
};
