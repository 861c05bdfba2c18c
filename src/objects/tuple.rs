//! tuple: an immutable array of references stored inline after the header,
//! 40 + 8n bytes as CPython's (16 GC header + 24 header + 8 per item). `()` is a
//! singleton. Tuples whose items are all atomic are untracked by the collector.

use crate::heap::{Payload, PyObj, Untrack, Visit};

use super::context::ctx;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions;
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
    /// CPython 3.11's PyTuple_MAXFREELIST per length, for lengths 1..=PyTuple_MAXSAVESIZE
    /// (the empty tuple is a singleton).
    const FREE_LIST_MAX: usize = 2000;
    const FREE_LIST_ITEMS: usize = 20;
    /// 3.11 takes back tuples of 1..=19 items only (its pop tests `size <
    /// PyTuple_MAXSAVESIZE`, its push `size - 1 < PyTuple_MAXSAVESIZE`): a freed
    /// 20-tuple stays parked until a full collection empties the lists.
    const FREE_LIST_TAKE_ITEMS: usize = 19;
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
    PyObj::new_var_exact(&c.tuple_exact, false, Tuple, n, it)
}

/// A tuple of the `N` (at least one) `items`, moved in without an iterator (BUILD_TUPLE
/// of two, pairs). None if memory runs out.
#[inline]
pub fn try_from_array<const N: usize>(items: [PyObj; N]) -> Option<PyObj> {
    const { assert!(N > 0, "the empty tuple is the singleton") };
    PyObj::new_var_array(&ctx().tuple_exact, Tuple, items)
}

/// A tuple of `items`; aborts if memory runs out (for tuples built by Rust). Past the
/// memory limit a large one is still served (`heap::served`): MemoryError comes at
/// the next instruction.
pub fn new(items: Vec<PyObj>) -> PyObj {
    from_exact(items)
}

/// `new` for any iterator of known length (no Vec in between).
pub fn from_exact<I>(items: I) -> PyObj
where
    I: IntoIterator<Item = PyObj>,
    I::IntoIter: ExactSizeIterator,
{
    let items = items.into_iter();
    let t = if items.len() > 32 {
        crate::heap::served(|| try_new(items))
    } else {
        try_new(items)
    };
    t.expect("out of memory building a tuple")
}

/// The tuple `(a, b)` (enumerate's and dict items' pairs), with no Vec in between.
pub fn pair(a: PyObj, b: PyObj) -> PyObj {
    try_from_array([a, b]).expect("out of memory building a tuple")
}

/// CPython's reuse of the result tuple an iterator keeps (enumerate, zip and dict
/// items iterators): when nothing else holds `kept`, its items from `at` on are
/// swapped with `items`, which then hold the old ones for the caller to drop once it
/// holds no borrow (their finalizers may run code). A tuple the collector untracked
/// is tracked again, as CPython's reuse does (bpo-42536): its new items may be
/// containers. False, and nothing changed, when something else holds `kept`.
pub fn refill(kept: &mut PyObj, at: usize, items: &mut [PyObj]) -> bool {
    if !kept.swap_items_sole::<Tuple>(at, items) {
        return false;
    }
    kept.gc_track();
    true
}

/// A tuple of `n` Nones: the result tuple enumerate, zip and dict items iterators
/// start with, as CPython's (`()` when `n` is 0).
pub fn nones(n: usize) -> PyObj {
    from_exact(std::iter::repeat_n(ctx().none.clone(), n))
}

/// The pair `(a, b)` an iterator that keeps a result tuple yields (enumerate, dict
/// items): `kept` refilled (`refill`) if nothing else holds it, else a new tuple.
/// With a refill come the old items, for the caller to drop once it holds no borrow.
pub fn refill_pair(kept: &mut Option<PyObj>, a: PyObj, b: PyObj) -> (PyObj, Option<[PyObj; 2]>) {
    let mut items = [a, b];
    if let Some(r) = kept.as_mut() {
        if refill(r, 0, &mut items) {
            return (r.clone(), Some(items));
        }
    }
    let [a, b] = items;
    (pair(a, b), None)
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

/// hash(tuple): CPython's xxHash-based combination of the items' hashes. Items that
/// are all built-in are hashed without recursion (a walk with its own stack); items
/// with user hashes recurse, counted against the recursion limit.
fn tuple_hash(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    // Built-in items at any depth hash without the VM (a class instance nested in an
    // inner tuple has a Python __hash__ too).
    if !super::set_eq::needs_vm(o) {
        if let Ok(h) = super::protocol::hash(o) {
            return Ok(h);
        }
    }
    let elems = items(o).expect("a tuple").to_vec();
    rt.enter_recursive(" while calling a Python object")?;
    let mut hashes = Vec::with_capacity(elems.len());
    let mut err = None;
    for x in &elems {
        match rt.hash(x) {
            Ok(h) => hashes.push(h),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    rt.leave_recursive();
    if let Some(e) = err {
        return Err(e);
    }
    Ok(super::numeric::tuple_hash(hashes.into_iter()))
}

/// Lexicographic comparison of two sequences' items (tuple and list): the first pair
/// that differs decides; otherwise the lengths do.
pub fn sequence_richcompare(
    rt: &mut dyn Runtime,
    xa: &[PyObj],
    xb: &[PyObj],
    op: CompareOp,
) -> VmResult<PyObj> {
    let c = ctx();
    let b = |v: bool| if v { c.true_.clone() } else { c.false_.clone() };
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && xa.len() != xb.len() {
        return Ok(b(op == CompareOp::Ne));
    }
    for (x, y) in xa.iter().zip(xb) {
        let equal = match super::protocol::quick_eq(x, y) {
            Some(r) => r,
            None => rt.equal(x, y)?,
        };
        if !equal {
            return match op {
                CompareOp::Eq => Ok(b(false)),
                CompareOp::Ne => Ok(b(true)),
                _ => rt.rich_compare(x, y, op),
            };
        }
    }
    Ok(b(op.holds(Some(xa.len().cmp(&xb.len())))))
}

fn tuple_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (items(a), items(b)) else {
        return Ok(ctx().not_implemented.clone());
    };
    // A tuple's items never change, and the caller holds both tuples.
    sequence_richcompare(rt, x, y, op)
}

fn tuple_concat(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (items(a), items(b)) else {
        return Err(exceptions::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            super::typeobj::type_name(b)
        )));
    };
    let exact = |o: &PyObj| o.is_type(&ctx().tuple_type);
    if y.is_empty() && exact(a) {
        return Ok(a.clone());
    }
    if x.is_empty() && exact(b) {
        return Ok(b.clone());
    }
    let v: Vec<PyObj> = x.iter().chain(y).cloned().collect();
    try_new(v).ok_or_else(exceptions::memory_error)
}

/// The items of `items` repeated `n` times (MemoryError when too many).
pub fn repeated(items: &[PyObj], n: i64) -> VmResult<Vec<PyObj>> {
    let n = n.max(0) as usize;
    let total = items
        .len()
        .checked_mul(n)
        .filter(|t| *t <= isize::MAX as usize / 8)
        .ok_or_else(exceptions::memory_error)?;
    let mut out = Vec::new();
    crate::objects::room::reserve_exact(&mut out, total)?;
    match items {
        // `[x] * n`: one value written n times (Vec::resize's fill loop).
        [x] => out.resize(total, x.clone()),
        _ => {
            for _ in 0..n {
                out.extend_from_slice(items);
            }
        }
    }
    Ok(out)
}

fn tuple_repeat(_rt: &mut dyn Runtime, t: &PyObj, n: i64) -> VmResult<PyObj> {
    let x = items(t).expect("a tuple");
    if (n == 1 || x.is_empty()) && t.is_type(&ctx().tuple_type) {
        return Ok(t.clone());
    }
    try_new(repeated(x, n)?).ok_or_else(exceptions::memory_error)
}

fn tuple_len(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    Ok(items(o).expect("a tuple").len())
}

fn tuple_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::iter::seq_iter(&ctx().tuple_iter_type, o.clone()))
}

/// Is `item` one of `items` (identity, then `==`)?
pub fn any_equal(rt: &mut dyn Runtime, items: &[PyObj], item: &PyObj) -> VmResult<bool> {
    for x in items {
        let equal = match super::protocol::quick_eq(x, item) {
            Some(r) => r,
            None => rt.equal(x, item)?,
        };
        if equal {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_contains(rt: &mut dyn Runtime, t: &PyObj, item: &PyObj) -> VmResult<bool> {
    any_equal(rt, items(t).expect("a tuple"), item)
}

/// tuple's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(tuple_repr),
    hash: Some(tuple_hash),
    richcompare: Some(tuple_richcompare),
    concat: Some(tuple_concat),
    repeat: Some(tuple_repeat),
    length: Some(tuple_len),
    iter: Some(tuple_iter),
    contains: Some(tuple_contains),
    subscript: Some(tuple_subscript),
    ..SlotTable::EMPTY
};

/// tuple[i], tuple[a:b:c] (tuplesubscript); a full slice of an exact tuple is itself.
fn tuple_subscript(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    let key = super::slice::index_key(rt, key)?;
    let items = items(o).expect("a tuple");
    if let Some(i) = super::slice::seq_index(&key, items.len(), "tuple index out of range")? {
        return Ok(items[i].clone());
    }
    if let Some(s) = key.get::<super::slice::Slice>() {
        let (start, n, step) = super::slice::span(s, items.len())?;
        if step == 1 && n == items.len() && !o.vtable().heap_type {
            return Ok(o.clone());
        }
        return Ok(from_exact(super::slice::selected(items, start, n, step)));
    }
    Err(super::slice::bad_index("tuple", &key))
}
