//! range: start, stop, step and length as int objects (CPython's rangeobject, 48
//! bytes); its iterator keeps machine integers (48 bytes too).

use std::cell::Cell;

use crate::heap::{Payload, PyObj};

use super::context::ctx;
use super::int;
use super::numeric::Int;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a range.
pub struct Range {
    pub start: PyObj,
    pub stop: PyObj,
    pub step: PyObj,
    pub length: PyObj,
}

impl Payload for Range {
    type Item = ();
    const NAME: &'static str = "range";
}

/// range(start, stop, step) for values that fit an i64 (the caller checks step != 0).
pub fn new(start: i64, stop: i64, step: i64) -> PyObj {
    let len = length(start, stop, step);
    PyObj::new(
        &ctx().range_type,
        Range {
            start: int::new_i64(start),
            stop: int::new_i64(stop),
            step: int::new_i64(step),
            length: int::new_i64(len),
        },
    )
}

/// range(start, stop, step) for ints of any size (the caller checks step != 0).
pub fn from_ints(start: &Int, stop: &Int, step: &Int) -> VmResult<PyObj> {
    // len = (hi - lo - 1) // |step| + 1 when lo < hi.
    let (lo, hi, st) = if step.is_negative() {
        (stop, start, -step)
    } else {
        (start, stop, step.clone())
    };
    let length = if lo < hi {
        let span = &(hi - lo) - &Int::ONE;
        &span.floordiv(&st)? + &Int::ONE
    } else {
        Int::ZERO
    };
    let obj = |v: &Int| int::new(v).ok_or_else(super::exceptions::memory_error);
    Ok(PyObj::new(
        &ctx().range_type,
        Range {
            start: obj(start)?,
            stop: obj(stop)?,
            step: obj(step)?,
            length: obj(&length)?,
        },
    ))
}

/// Number of items of range(start, stop, step).
pub fn length(start: i64, stop: i64, step: i64) -> i64 {
    let (lo, hi, st) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        0
    } else {
        ((hi - lo - 1) / st + 1).min(i64::MAX as i128) as i64
    }
}

/// (start, step, len) of a range whose values fit i64.
pub fn parts(r: &PyObj) -> Option<(i64, i64, i64)> {
    let r = r.get::<Range>()?;
    Some((
        int::as_i64(&r.start)?,
        int::as_i64(&r.step)?,
        int::as_i64(&r.length)?,
    ))
}

/// The payload of a range iterator (CPython's rangeiterobject, 48 bytes).
pub struct RangeIter {
    pub index: Cell<i64>,
    pub start: i64,
    pub step: i64,
    pub len: i64,
}

impl Payload for RangeIter {
    type Item = ();
    const NAME: &'static str = "range_iterator";
}

/// iter(range).
pub fn iter(start: i64, step: i64, len: i64) -> PyObj {
    PyObj::new(
        &ctx().range_iter_type,
        RangeIter {
            index: Cell::new(0),
            start,
            step,
            len,
        },
    )
}

/// next() of a range iterator (None when exhausted).
#[inline]
pub fn iter_next(it: &RangeIter) -> Option<i64> {
    let i = it.index.get();
    if i >= it.len {
        return None;
    }
    it.index.set(i + 1);
    Some(it.start.wrapping_add(i.wrapping_mul(it.step)))
}

fn range_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let r = o.get::<Range>().expect("a range");
    let (start, stop, step) = (r.start.clone(), r.stop.clone(), r.step.clone());
    let (a, b) = (rt.repr(&start)?, rt.repr(&stop)?);
    if int::as_i64(&step) == Some(1) {
        return Ok(format!("range({a}, {b})"));
    }
    Ok(format!("range({a}, {b}, {})", rt.repr(&step)?))
}

/// The values that decide a range's equality and hash (CPython's range_equals /
/// range_hash): its length, then the start if it has items, then the step if it has
/// more than one.
fn range_key(o: &PyObj) -> Vec<PyObj> {
    let r = o.get::<Range>().expect("a range");
    let n = int::value(&r.length).expect("an int");
    let none = ctx().none.clone();
    if n.is_zero() {
        return vec![r.length.clone(), none.clone(), none];
    }
    if int::as_i64(&r.length) == Some(1) {
        return vec![r.length.clone(), r.start.clone(), none];
    }
    vec![r.length.clone(), r.start.clone(), r.step.clone()]
}

fn range_hash(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    let t = super::tuple::new(range_key(o));
    rt.hash(&t)
}

fn range_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !a.is_a::<Range>() || !b.is_a::<Range>() {
        return Ok(c.not_implemented.clone());
    }
    let (x, y) = (range_key(a), range_key(b));
    let mut same = true;
    for (p, q) in x.iter().zip(&y) {
        if !rt.equal(p, q)? {
            same = false;
            break;
        }
    }
    Ok(if same == (op == CompareOp::Eq) {
        &c.true_
    } else {
        &c.false_
    }
    .clone())
}

/// range's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(range_repr),
    hash: Some(range_hash),
    richcompare: Some(range_richcompare),
    length: Some(range_len),
    bool: Some(range_bool),
    contains: Some(range_contains),
    subscript: Some(range_subscript),
    ..SlotTable::EMPTY
};

/// range[i], range[a:b:c] (a new range).
fn range_subscript(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    let key = super::slice::index_key(rt, key)?;
    let small = parts(o);
    if let Some(i) = int::value(&key) {
        if small.is_none() || i.to_i64().is_none() {
            return big_item(o, &i);
        }
    }
    let Some((start, step, n)) = small else {
        return match key.get::<super::slice::Slice>() {
            Some(s) => big_slice(o, s),
            None => Err(super::slice::bad_index("range", &key)),
        };
    };
    if let Some(i) = super::slice::seq_index(&key, n as usize, "range object index out of range")? {
        return Ok(super::int::new_i64(start + i as i64 * step));
    }
    if let Some(s) = key.get::<super::slice::Slice>() {
        let (a, b, st) = super::slice::parts(s)?;
        let (a, _, len) = super::slice::adjust_indices(n, a, b, st);
        let new_start = start + a * step;
        let new_step = step * st;
        return Ok(new(new_start, new_start + len * new_step, new_step));
    }
    Err(super::slice::bad_index("range", &key))
}

/// range[i] when the range or the index does not fit machine integers: the
/// arithmetic on ints, as CPython's compute_range_item.
fn big_item(o: &PyObj, i: &Int) -> VmResult<PyObj> {
    let r = o.get::<Range>().expect("a range");
    let value = |x: &PyObj| int::value(x).expect("a range holds ints");
    let len = value(&r.length);
    let i = if i.is_negative() { i + &len } else { i.clone() };
    if i.is_negative() || i >= len {
        return Err(super::exceptions::named(
            "IndexError",
            "range object index out of range",
        ));
    }
    let v = &value(&r.start) + &(&i * &value(&r.step));
    int::new(&v).ok_or_else(super::exceptions::memory_error)
}

/// range[a:b:c] when the range does not fit machine integers: the slice's indices
/// clamped with ints of any size (CPython's _PySlice_GetLongIndices), then the items
/// at them make the new range's bounds.
fn big_slice(o: &PyObj, s: &super::slice::Slice) -> VmResult<PyObj> {
    let r = o.get::<Range>().expect("a range");
    let value = |x: &PyObj| int::value(x).expect("a range holds ints");
    let part = |x: &PyObj| -> VmResult<Option<Int>> {
        if x.is(&ctx().none) {
            return Ok(None);
        }
        int::value(x).map(Some).ok_or_else(|| {
            super::exceptions::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )
        })
    };
    let step = part(&s.step)?.unwrap_or(Int::ONE);
    if step.is_zero() {
        return Err(super::exceptions::value_error("slice step cannot be zero"));
    }
    let len = value(&r.length);
    let (lower, upper) = if step.is_negative() {
        (Int::Small(-1), &len - &Int::ONE)
    } else {
        (Int::ZERO, len.clone())
    };
    let clamp = |given: Option<Int>, default: &Int| match given {
        None => default.clone(),
        Some(v) if v.is_negative() => (&v + &len).max(lower.clone()),
        Some(v) => v.min(upper.clone()),
    };
    let (first, last) = if step.is_negative() {
        (&upper, &lower)
    } else {
        (&lower, &upper)
    };
    let a = clamp(part(&s.start)?, first);
    let b = clamp(part(&s.stop)?, last);
    let (start, rstep) = (value(&r.start), value(&r.step));
    let at = |i: &Int| &start + &(i * &rstep);
    from_ints(&at(&a), &at(&b), &(&step * &rstep))
}

fn range_iter_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    let r = it.get::<RangeIter>().expect("a range iterator");
    Ok(iter_next(r).map(int::new_i64))
}

fn range_len(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    let r = o.get::<Range>().expect("a range");
    int::as_i64(&r.length).map(|n| n as usize).ok_or_else(|| {
        crate::objects::exceptions::named(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )
    })
}

fn range_bool(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<bool> {
    let r = o.get::<Range>().expect("a range");
    Ok(!int::value(&r.length).expect("an int").is_zero())
}

/// The int value of `item` when a range answers `in`, `index` and `count` for it by
/// arithmetic: an exact int or a bool (CPython's test; an int subclass is searched
/// for by `==`, its `__eq__` may differ).
pub fn arithmetic_key(item: &PyObj) -> Option<Int> {
    let c = ctx();
    if item.is_type(&c.int_type) || item.is_type(&c.bool_type) {
        int::value(item)
    } else {
        None
    }
}

/// The position of the int `v` in the range, None when it is not an item (machine
/// integers when they suffice, else ints of any size).
pub fn position(o: &PyObj, v: &Int) -> Option<Int> {
    if let (Some((start, step, n)), Some(v)) = (parts(o), v.to_i64()) {
        let off = v as i128 - start as i128;
        let idx = off / step as i128;
        let hit = off % step as i128 == 0 && idx >= 0 && idx < n as i128;
        return hit.then(|| Int::from_i128(idx));
    }
    let r = o.get::<Range>().expect("a range");
    let value = |x: &PyObj| int::value(x).expect("a range holds ints");
    let (start, step, len) = (value(&r.start), value(&r.step), value(&r.length));
    let off = v - &start;
    let (idx, rem) = off.divmod(&step).ok()?;
    (rem.is_zero() && !idx.is_negative() && idx < len).then_some(idx)
}

/// `x in r`: arithmetic for an exact int or a bool, else a search by `==`.
fn range_contains(rt: &mut dyn Runtime, o: &PyObj, item: &PyObj) -> VmResult<bool> {
    if let Some(v) = arithmetic_key(item) {
        return Ok(position(o, &v).is_some());
    }
    let it = rt.iter(o)?;
    while let Some(x) = rt.next(&it)? {
        if x.is(item) || rt.equal(&x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// range_iterator's slots.
pub const ITER_SLOTS: SlotTable = SlotTable {
    iter: Some(super::iter::self_iter),
    iternext: Some(range_iter_next),
    ..SlotTable::EMPTY
};

fn own(o: &PyObj) -> VmResult<&Range> {
    super::descr::expect::<Range>(o, "range")
}
fn get_start(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(own(o)?.start.clone())
}
fn get_stop(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(own(o)?.stop.clone())
}
fn get_step(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(own(o)?.step.clone())
}

/// range's members.
pub static GETSETS: &[super::descr::GetSetDef] = &[
    super::descr::GetSetDef::member("start", get_start),
    super::descr::GetSetDef::member("stop", get_stop),
    super::descr::GetSetDef::member("step", get_step),
];
