//! list: a header with a pointer to a separately allocated item array, 56 bytes plus
//! 8 per allocated slot, as CPython's (16 GC header + 40 PyListObject). The item array
//! grows and shrinks exactly as CPython 3.11's list_resize (see `list_resize`).

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{PMut, PRef, Payload, PyObj, Visit};

use super::context::ctx;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a list: a Vec whose capacity is CPython's `allocated`.
pub struct List(pub Vec<PyObj>);

impl Drop for List {
    /// Items are released from the end, as CPython's list_dealloc does (the order
    /// in which their `__del__` methods run).
    fn drop(&mut self) {
        while let Some(x) = self.0.pop() {
            drop(x);
        }
    }
}

impl Payload for List {
    type Item = ();
    const NAME: &'static str = "list";
    const GC: bool = true;
    const MUTABLE: bool = true;
    /// CPython 3.11's PyList_MAXFREELIST: the list object is kept, its item array freed.
    const FREE_LIST_MAX: usize = 80;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        self.0.iter().for_each(visit);
    }
    fn clear(&mut self) {
        // Take the items out first: dropping them may run arbitrary frees.
        drop(std::mem::take(&mut self.0));
    }
    fn extra_size(&self) -> usize {
        self.0.capacity() * std::mem::size_of::<PyObj>()
    }
}

/// Set the capacity of `v` to exactly `cap` (>= its length).
fn set_capacity(v: &mut Vec<PyObj>, cap: usize) -> PyResult<()> {
    debug_assert!(cap >= v.len());
    if cap > v.capacity() {
        let more = cap - v.len();
        crate::objects::room::reserve_exact(v, more)?;
    } else if cap < v.capacity() {
        v.shrink_to(cap);
    }
    Ok(())
}

/// CPython 3.11's list_resize: make room for `newsize` items in a list that holds
/// `v.len()` now. The over-allocation is mild but enough for linear-time amortised
/// appends:
///
/// ```text
///   new_allocated = (newsize + (newsize >> 3) + 6) & ~3
///   appends give capacities 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108, 128, ...
/// ```
///
/// Nothing is reallocated while `allocated / 2 <= newsize <= allocated`, so a list
/// shrinks only when its length falls below half its capacity. A jump bigger than the
/// over-allocation (an extend) allocates `(newsize + 3) & ~3`; an empty list frees its
/// array.
pub fn list_resize(v: &mut Vec<PyObj>, newsize: usize) -> PyResult<()> {
    let allocated = v.capacity();
    if allocated >= newsize && newsize >= allocated >> 1 {
        return Ok(());
    }
    let mut new_allocated = newsize
        .checked_add((newsize >> 3) + 6)
        .ok_or_else(PyErr::memory)?
        & !3;
    if newsize > v.len() && newsize - v.len() > new_allocated - newsize {
        new_allocated = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new_allocated = 0;
    }
    if new_allocated > isize::MAX as usize / std::mem::size_of::<PyObj>() {
        return Err(PyErr::memory());
    }
    set_capacity(v, new_allocated.max(v.len()))
}

/// A list holding exactly `items`, capacity == length (BUILD_LIST, `[x] * n`, slices,
/// `copy()`, concatenation).
pub fn new_exact(mut items: Vec<PyObj>) -> PyObj {
    items.shrink_to_fit();
    PyObj::new(&ctx().list_type, List(items))
}

/// A list holding `items` at the capacity they have (the caller grew them as
/// CPython grows that list: a str split's preallocation, then appends).
pub fn from_vec(items: Vec<PyObj>) -> PyObj {
    PyObj::new(&ctx().list_type, List(items))
}

/// An empty list (capacity 0).
pub fn new_empty() -> PyObj {
    new_exact(Vec::new())
}

/// CPython's list_preallocate_exact: `list(x)` or `extend` onto an empty list when `x`
/// has a known length `n` allocates (n + 1) & ~1 slots, then appends.
pub fn preallocate_exact(v: &mut Vec<PyObj>, n: usize) -> PyResult<()> {
    debug_assert!(v.is_empty());
    let cap = n.checked_add(1).ok_or_else(PyErr::memory)? & !1;
    set_capacity(v, cap)
}

/// A list built from an iterator whose length is known (`list(sized)`).
pub fn from_sized<I>(items: I) -> PyResult<PyObj>
where
    I: IntoIterator<Item = PyObj>,
    I::IntoIter: ExactSizeIterator,
{
    let it = items.into_iter();
    let mut v = Vec::new();
    preallocate_exact(&mut v, it.len())?;
    for x in it {
        append_to(&mut v, x)?;
    }
    Ok(PyObj::new(&ctx().list_type, List(v)))
}

/// Append to a list's items with CPython's growth.
#[inline]
pub fn append_to(v: &mut Vec<PyObj>, x: PyObj) -> PyResult<()> {
    if v.len() == v.capacity() {
        grow_for_one(v)?;
    }
    v.push(x);
    Ok(())
}

#[cold]
#[inline(never)]
fn grow_for_one(v: &mut Vec<PyObj>) -> PyResult<()> {
    list_resize(v, v.len() + 1)
}

/// Remove the last item with CPython's shrinking.
pub fn pop_from(v: &mut Vec<PyObj>) -> Option<PyObj> {
    let x = v.pop()?;
    // Cannot fail: shrinking never allocates more.
    let _ = list_resize(v, v.len());
    Some(x)
}

/// Borrow a list's items for reading, if `obj` is a list.
pub fn borrow(obj: &PyObj) -> Option<PRef<'_, List>> {
    obj.borrow::<List>().ok()
}

/// Borrow a list's items for writing, if `obj` is a list and not in use.
pub fn borrow_mut(obj: &PyObj) -> Option<PMut<'_, List>> {
    obj.borrow_mut::<List>().ok()
}

/// `lst.append(x)`.
#[inline]
pub fn append(obj: &PyObj, x: PyObj) -> PyResult<()> {
    let mut l = borrow_mut(obj)
        .ok_or_else(|| PyErr::new(ExcKind::RuntimeError, "list modified during iteration"))?;
    append_to(&mut l.0, x)
}

/// The capacity CPython calls `allocated`.
pub fn allocated(obj: &PyObj) -> Option<usize> {
    borrow(obj).map(|l| l.0.capacity())
}

fn list_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let items = borrow(o).map(|l| l.0.clone()).unwrap_or_default();
    if items.is_empty() {
        return Ok("[]".into());
    }
    super::tuple::container_repr(rt, o, "[...]", |rt| {
        Ok(format!("[{}]", super::tuple::join_reprs(rt, &items)?))
    })
}

fn list_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (borrow(a), borrow(b)) else {
        return Ok(ctx().not_implemented.clone());
    };
    let (x, y) = (x.0.clone(), y.0.clone());
    super::tuple::sequence_richcompare(rt, &x, &y, op)
}

fn busy() -> exceptions::Exc {
    exceptions::named("RuntimeError", "list modified during operation")
}

fn list_concat(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (borrow(a), borrow(b)) else {
        return Err(exceptions::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            super::typeobj::type_name(b)
        )));
    };
    let mut v = Vec::with_capacity(x.0.len() + y.0.len());
    v.extend_from_slice(&x.0);
    v.extend_from_slice(&y.0);
    Ok(new_exact(v))
}

fn list_repeat(_rt: &mut dyn Runtime, l: &PyObj, n: i64) -> VmResult<PyObj> {
    // Read in place: repeating runs no Python code, so the borrow cannot be met.
    let out = match borrow(l) {
        Some(x) => super::tuple::repeated(&x.0, n)?,
        None => Vec::new(),
    };
    Ok(new_exact(out))
}

/// list_extend's growth for a source of known size, then the source's items.
fn extend_sized<I>(v: &mut Vec<PyObj>, items: I) -> VmResult<()>
where
    I: IntoIterator<Item = PyObj>,
    I::IntoIter: ExactSizeIterator,
{
    let items = items.into_iter();
    if items.len() == 0 {
        return Ok(());
    }
    if v.capacity() == 0 {
        preallocate_exact(v, items.len())?;
    } else {
        list_resize(v, v.len() + items.len())?;
    }
    v.extend(items);
    Ok(())
}

/// list.extend(iterable), allocating as CPython 3.11's list_extend: an exact list or
/// tuple is copied at once (presized exactly); anything else is iterated after
/// reserving its length hint, and the list is trimmed to its size afterwards.
pub fn extend(rt: &mut dyn Runtime, l: &PyObj, src: &PyObj) -> VmResult<()> {
    let sized = (src.is_type(&ctx().list_type) || src.is_type(&ctx().tuple_type))
        || (!src.vtable().heap_type && (super::tuple::items(src).is_some() || src.is_a::<List>()));
    if !sized {
        // Reserve before consuming the source: `list(range(10**12))` is a MemoryError
        // at once instead of an abort after filling memory.
        if let Some(r) = src.get::<super::range::Range>() {
            if super::int::as_i64(&r.length).is_none() {
                return Err(exceptions::named(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                ));
            }
        }
        let hint = rt.length_hint(src);
        let mut b = borrow_mut(l).ok_or_else(busy)?;
        if b.0.capacity() == 0 {
            preallocate_exact(&mut b.0, hint)?;
        } else if hint > 0 {
            let n = b.0.len() + hint;
            list_resize(&mut b.0, n)?;
        }
    }
    // An exact tuple or another exact list: its items copied straight in.
    if src.is_type(&ctx().tuple_type) {
        let items = super::tuple::items(src).expect("a tuple");
        let mut b = borrow_mut(l).ok_or_else(busy)?;
        return extend_sized(&mut b.0, items.iter().cloned());
    }
    if src.is_type(&ctx().list_type) && !src.is(l) {
        if let Some(s) = borrow(src) {
            let mut b = borrow_mut(l).ok_or_else(busy)?;
            return extend_sized(&mut b.0, s.0.iter().cloned());
        }
    }
    let items = rt.collect_iter(src)?;
    let mut b = borrow_mut(l).ok_or_else(busy)?;
    let v = &mut b.0;
    if sized {
        return extend_sized(v, items);
    }
    for x in items {
        append_to(v, x)?;
    }
    if v.len() < v.capacity() {
        let n = v.len();
        list_resize(v, n)?;
    }
    Ok(())
}

/// `l += iterable`: list.extend, returning the list.
fn list_inplace_concat(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    extend(rt, a, b)?;
    Ok(a.clone())
}

/// `l *= n`: the list repeated in place.
fn list_inplace_repeat(_rt: &mut dyn Runtime, l: &PyObj, n: i64) -> VmResult<PyObj> {
    let items = borrow(l).map(|x| x.0.clone()).unwrap_or_default();
    let new_items = super::tuple::repeated(&items, n)?;
    let old = std::mem::replace(&mut borrow_mut(l).ok_or_else(busy)?.0, new_items);
    drop(old);
    Ok(l.clone())
}

fn list_len(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    Ok(borrow(o).map_or(0, |l| l.0.len()))
}

fn list_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::iter::seq_iter(&ctx().list_iter_type, o.clone()))
}

/// `item in l`, as CPython's list_contains: item by item, the length and the item
/// re-read at every step (an `__eq__` may change the list), no copy of the list.
fn list_contains(rt: &mut dyn Runtime, l: &PyObj, item: &PyObj) -> VmResult<bool> {
    let mut i = 0;
    loop {
        let Some(x) = borrow(l).and_then(|b| b.0.get(i).cloned()) else {
            return Ok(false);
        };
        let equal = match super::protocol::quick_eq(&x, item) {
            Some(r) => r,
            None => rt.equal(&x, item)?,
        };
        if equal {
            return Ok(true);
        }
        i += 1;
    }
}

/// list's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(list_repr),
    hash: Some(crate::objects::typeobj::class_slots::hash_not_implemented),
    richcompare: Some(list_richcompare),
    concat: Some(list_concat),
    repeat: Some(list_repeat),
    inplace_concat: Some(list_inplace_concat),
    inplace_repeat: Some(list_inplace_repeat),
    length: Some(list_len),
    iter: Some(list_iter),
    contains: Some(list_contains),
    ..SlotTable::EMPTY
};
