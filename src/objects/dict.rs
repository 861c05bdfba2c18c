//! dict: CPython's semantics (insertion order, LIFO popitem, no shrink on delete) on
//! the indexmap-based `DictTable`. getsizeof reports our real bytes: 32 bytes of headers,
//! the table struct and its index table and entry vector at their capacities, which is
//! more than CPython's compact dict (see docs/dict-and-set.md).
//!
//! Tracking follows CPython: a new dict is untracked; it becomes tracked when a key or
//! value that is (or may become) a tracked container is stored; full collections
//! untrack dicts whose contents are all atomic again.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{PMut, PRef, Payload, PyObj, Untrack, Visit};

use super::context::ctx;
use super::dicttable::DictTable;
use super::table_key::{EqFn, TableKey};
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

impl TableKey for PyObj {
    fn is_same(&self, other: &Self) -> bool {
        self.is(other)
    }
}

/// The payload of a dict.
pub struct Dict(pub DictTable<PyObj, PyObj>);

impl Payload for Dict {
    type Item = ();
    const NAME: &'static str = "dict";
    const GC: bool = true;
    const MUTABLE: bool = true;
    const TRACK_AT_ALLOC: bool = false;
    const UNTRACK: Untrack = Untrack::Full;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        for (k, v) in self.0.iter() {
            visit(k);
            visit(v);
        }
    }
    fn clear(&mut self) {
        drop(self.0.clear());
    }
    fn extra_size(&self) -> usize {
        self.0.heap_bytes()
    }
    /// _PyDict_MaybeUntrack: nothing stored is, or may become, a tracked container.
    fn can_untrack(&self, _: &[()]) -> bool {
        self.0
            .iter()
            .all(|(k, v)| !k.gc_may_be_tracked() && !v.gc_may_be_tracked())
    }
}

/// A new empty dict.
pub fn new() -> PyObj {
    PyObj::new(&ctx().dict_type, Dict(DictTable::new()))
}

/// A new empty dict with room for `n` items (BUILD_CONST_KEY_MAP presizes).
pub fn new_presized(n: usize) -> PyObj {
    PyObj::new(&ctx().dict_type, Dict(DictTable::with_capacity(n)))
}

fn busy() -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        "dictionary changed size during iteration",
    )
}

/// Borrow a dict's table for reading, if `obj` is a dict.
pub fn borrow(obj: &PyObj) -> Option<PRef<'_, Dict>> {
    obj.borrow::<Dict>().ok()
}

fn borrow_mut(obj: &PyObj) -> PyResult<PMut<'_, Dict>> {
    obj.borrow_mut::<Dict>().map_err(|_| busy())
}

/// MAINTAIN_TRACKING: start tracking when a container is stored.
fn maintain_tracking(d: &PyObj, key: &PyObj, value: &PyObj) {
    if !d.gc_is_tracked() && (key.gc_may_be_tracked() || value.gc_may_be_tracked()) {
        d.gc_track();
    }
}

/// d[key] = value. `hash` is hash(key); `eq` compares keys (see table_key.rs).
pub fn set_item(
    d: &PyObj,
    key: PyObj,
    hash: i64,
    value: PyObj,
    eq: &mut EqFn<PyObj>,
) -> PyResult<()> {
    maintain_tracking(d, &key, &value);
    let old = borrow_mut(d)?.0.insert(key, hash, value, eq)?;
    drop(old); // after the borrow ends: freeing may run arbitrary code
    Ok(())
}

/// d[name] = value for an identifier key (interned, so built-in str equality decides:
/// no user code runs).
pub fn set_str(d: &PyObj, name: &str, value: PyObj) -> PyResult<()> {
    let key = super::string::intern_str(name);
    let h = super::protocol::hash(&key)?;
    set_item(d, key, h, value, &mut super::protocol::eq)
}

/// d[name] for an identifier key, found without running Python code (None: absent,
/// or the dict is being changed).
pub fn get_str(d: &PyObj, name: &str) -> Option<PyObj> {
    let key = super::string::intern_str(name);
    let h = super::string::hash(&key)?;
    get_item(d, &key, h, &mut super::protocol::eq)
        .ok()
        .flatten()
}

/// Replace the value at position `pos` if the table still has `version` (a cached
/// position of a str key, see the eval loop's name caches); the old value is handed
/// back to drop after the borrow. Err(value) when the position cannot be trusted.
pub fn replace_at(d: &PyObj, version: u64, pos: usize, value: PyObj) -> Result<PyObj, PyObj> {
    if !d.gc_is_tracked() && value.gc_may_be_tracked() {
        d.gc_track();
    }
    let Ok(mut t) = d.borrow_mut::<Dict>() else {
        return Err(value);
    };
    if t.0.version() != version {
        return Err(value);
    }
    match t.0.value_at_mut(pos) {
        Some(slot) => Ok(std::mem::replace(slot, value)),
        None => Err(value),
    }
}

/// d[key], or None when absent.
pub fn get_item(
    d: &PyObj,
    key: &PyObj,
    hash: i64,
    eq: &mut EqFn<PyObj>,
) -> PyResult<Option<PyObj>> {
    let t = borrow(d).ok_or_else(busy)?;
    Ok(t.0.get(key, hash, eq)?.map(|(_, v)| v.clone()))
}

/// del d[key]: the removed (key, value), or None when absent.
pub fn del_item(
    d: &PyObj,
    key: &PyObj,
    hash: i64,
    eq: &mut EqFn<PyObj>,
) -> PyResult<Option<(PyObj, PyObj)>> {
    let removed = borrow_mut(d)?.0.remove(key, hash, eq)?;
    Ok(removed)
}

/// len(d).
pub fn len(d: &PyObj) -> Option<usize> {
    borrow(d).map(|t| t.0.len())
}

/// A snapshot of the items, in order.
pub fn items(d: &PyObj) -> Option<Vec<(PyObj, PyObj)>> {
    borrow(d).map(|t| t.0.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}

fn dict_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let pairs = items(o).unwrap_or_default();
    if pairs.is_empty() {
        return Ok("{}".into());
    }
    super::tuple::container_repr(rt, o, "{...}", |rt| {
        let mut out = String::from("{");
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&rt.repr(k)?);
            out.push_str(": ");
            out.push_str(&rt.repr(v)?);
        }
        out.push('}');
        Ok(out)
    })
}

/// dict's `==` / `!=` with another dict: the same keys, each with an equal value.
fn dict_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !a.is_a::<Dict>() || !b.is_a::<Dict>() {
        return Ok(c.not_implemented.clone());
    }
    let (ia, ib) = (items(a).unwrap_or_default(), items(b).unwrap_or_default());
    let mut same = ia.len() == ib.len();
    if same {
        rt.enter_recursive(" in comparison")?;
        let r: VmResult<bool> = (|| {
            for (k, v) in &ia {
                match rt.dict_get(b, k)? {
                    Some(w) if rt.equal(v, &w)? => {}
                    _ => return Ok(false),
                }
            }
            Ok(true)
        })();
        rt.leave_recursive();
        same = r?;
    }
    let holds = same == (op == CompareOp::Eq);
    Ok(if holds { &c.true_ } else { &c.false_ }.clone())
}

/// `a | b` for two dicts: a copy of a updated with b.
fn dict_or(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if !a.is_a::<Dict>() || !b.is_a::<Dict>() {
        return Ok(ctx().not_implemented.clone());
    }
    let out = new();
    rt.dict_update(&out, a, false)?;
    rt.dict_update(&out, b, false)?;
    Ok(out)
}

/// `a |= b`: a updated with b (any mapping or iterable of pairs, as dict.update).
fn dict_ior(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if !b.is_a::<Dict>() {
        let update = super::string::intern_str("update");
        let f = rt.getattr(a, &update)?;
        rt.call(&f, super::args::Args::positional(std::slice::from_ref(b)))?;
        return Ok(a.clone());
    }
    rt.dict_update(a, b, false)?;
    Ok(a.clone())
}

fn dict_len(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    Ok(len(o).unwrap_or(0))
}

fn dict_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    super::iter::dict_iter(o, super::iter::DictIterKind::Keys)
}

/// dict's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(dict_repr),
    hash: Some(crate::objects::typeobj::class_slots::hash_not_implemented),
    richcompare: Some(dict_richcompare),
    or: Some(dict_or),
    inplace_or: Some(dict_ior),
    length: Some(dict_len),
    iter: Some(dict_iter),
    ..SlotTable::EMPTY
};
