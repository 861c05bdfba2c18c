//! slice: start, stop and step objects (CPython's PySliceObject, 56 bytes), and the
//! index arithmetic of PySlice_GetIndicesEx.

use crate::heap::{Payload, PyObj, Visit};

use super::context::ctx;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a slice.
pub struct Slice {
    pub start: PyObj,
    pub stop: PyObj,
    pub step: PyObj,
}

impl Payload for Slice {
    type Item = ();
    const NAME: &'static str = "slice";
    const GC: bool = true;
    /// CPython 3.11's slice cache: one freed slice is kept for the next, and
    /// collections leave it alone.
    const FREE_LIST_MAX: usize = 1;
    const FREE_LIST_GC_CLEARS: bool = false;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

/// slice(start, stop, step).
pub fn new(start: PyObj, stop: PyObj, step: PyObj) -> PyObj {
    PyObj::new(&ctx().slice_type, Slice { start, stop, step })
}

/// Clamp slice bounds to a sequence of `len` items (PySlice_AdjustIndices); returns
/// (start, stop, slicelength). `step` must not be 0.
pub fn adjust_indices(
    len: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> (i64, i64, i64) {
    let (lo_default, hi_default) = if step < 0 { (len - 1, -1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut v) => {
                if v < 0 {
                    v += len;
                    if v < 0 {
                        v = if step < 0 { -1 } else { 0 };
                    }
                } else if v >= len {
                    v = if step < 0 { len - 1 } else { len };
                }
                v
            }
        }
    };
    let start = clamp(start, lo_default);
    let stop = clamp(stop, hi_default);
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, n)
}

/// A slice's (start, stop, step) as optional integers; step 0 is a ValueError.
pub fn parts(s: &Slice) -> VmResult<(Option<i64>, Option<i64>, i64)> {
    let conv = |o: &PyObj| -> VmResult<Option<i64>> {
        if o.is(&ctx().none) {
            return Ok(None);
        }
        match super::int::value(o) {
            Some(v) => Ok(Some(v.to_i64().unwrap_or(if v.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))),
            None => Err(exceptions::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = conv(&s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(exceptions::value_error("slice step cannot be zero"));
    }
    Ok((conv(&s.start)?, conv(&s.stop)?, step))
}

/// `span` for the usual slice, every part None or an exact int that fits an i64 and
/// the step not 0 (`l[:i]`, `l[i + 1:]`, `s[a:b:-1]`): read in place, with no error
/// path and no `__index__` to call. None for any other slice.
#[inline]
pub fn plain_span(s: &Slice, len: usize) -> Option<(usize, usize, i64)> {
    let c = ctx();
    let part = |o: &PyObj| -> Option<Option<i64>> {
        if o.is(&c.none) {
            Some(None)
        } else {
            super::int::exact_i64(o, &c.int_exact).map(Some)
        }
    };
    let step = part(&s.step)?.unwrap_or(1);
    if step == 1 {
        // A contiguous run: both bounds clamped to 0..=len, no division.
        let len = len as i64;
        let clamp = |v: Option<i64>, default: i64| match v {
            None => default,
            Some(v) if v < 0 => (v + len).max(0),
            Some(v) => v.min(len),
        };
        let start = clamp(part(&s.start)?, 0);
        let stop = clamp(part(&s.stop)?, len);
        return Some((start as usize, (stop - start).max(0) as usize, 1));
    }
    if step == 0 {
        return None;
    }
    Some(settle(len, part(&s.start)?, part(&s.stop)?, step))
}

/// `span`'s answer from a slice's parts as ints (the step not 0).
fn settle(len: usize, start: Option<i64>, stop: Option<i64>, step: i64) -> (usize, usize, i64) {
    let (start, _, n) = adjust_indices(len as i64, start, stop, step);
    // With no item selected, start may be -1 (a negative step on an empty sequence).
    (start.max(0) as usize, n as usize, step)
}

/// The first position a slice selects in a sequence of `len` items, how many it
/// selects, and its step.
pub fn span(s: &Slice, len: usize) -> VmResult<(usize, usize, i64)> {
    if let Some(r) = plain_span(s, len) {
        return Ok(r);
    }
    let (start, stop, step) = parts(s)?;
    Ok(settle(len, start, stop, step))
}

/// Copies of the `n` items a slice selects from `items`, from `start` by `step`
/// (`span`'s answer).
pub fn selected(
    items: &[PyObj],
    start: usize,
    n: usize,
    step: i64,
) -> impl ExactSizeIterator<Item = PyObj> + '_ {
    (0..n).map(move |i| items[(start as i64 + i as i64 * step) as usize].clone())
}

/// A sequence index: an int, wrapped once if negative; IndexError (`msg`) outside.
/// None when `key` is not an int.
pub fn seq_index(key: &PyObj, len: usize, msg: &str) -> VmResult<Option<usize>> {
    let Some(v) = super::int::value(key) else {
        return Ok(None);
    };
    let out_of_range = || exceptions::named("IndexError", msg);
    let Some(mut i) = v.to_i64() else {
        return Err(if v.bit_length() > 63 {
            exceptions::named("IndexError", "cannot fit 'int' into an index-sized integer")
        } else {
            out_of_range()
        });
    };
    if i < 0 {
        i += len as i64;
    }
    if i < 0 || i >= len as i64 {
        return Err(out_of_range());
    }
    Ok(Some(i as usize))
}

/// "list indices must be integers or slices, not str".
pub fn bad_index(what: &str, key: &PyObj) -> exceptions::Exc {
    exceptions::type_error(format!(
        "{what} indices must be integers or slices, not {}",
        super::typeobj::type_name(key)
    ))
}

/// The key a built-in sequence indexes with: an object with `__index__` becomes its
/// int, and so do such parts of a slice (PyNumber_AsSsize_t in CPython's subscripts).
pub fn index_key(rt: &mut dyn Runtime, key: &PyObj) -> VmResult<PyObj> {
    if key.vtable().heap_type {
        return index_part(rt, key);
    }
    if let Some(s) = key.get::<Slice>() {
        if [&s.start, &s.stop, &s.step]
            .iter()
            .any(|p| p.vtable().heap_type)
        {
            let [a, b, c] = [s.start.clone(), s.stop.clone(), s.step.clone()];
            return Ok(new(
                index_part(rt, &a)?,
                index_part(rt, &b)?,
                index_part(rt, &c)?,
            ));
        }
    }
    Ok(key.clone())
}

fn index_part(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    // An int subclass is taken as the int it is (PyNumber_Index returns an int
    // unchanged): its `__index__` is not called.
    if !o.vtable().heap_type || super::int::digits(o).is_some() {
        return Ok(o.clone());
    }
    let key = super::string::intern_str("__index__");
    if rt.type_lookup(&o.type_obj(), &key)?.is_none() {
        return Ok(o.clone());
    }
    rt.index(o)
}

fn slice_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let s = o.get::<Slice>().expect("a slice");
    let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
    Ok(format!(
        "slice({}, {}, {})",
        rt.repr(&a)?,
        rt.repr(&b)?,
        rt.repr(&c)?
    ))
}

/// Slices compare as the tuples (start, stop, step).
fn slice_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (a.get::<Slice>(), b.get::<Slice>()) else {
        return Ok(ctx().not_implemented.clone());
    };
    let xa = [x.start.clone(), x.stop.clone(), x.step.clone()];
    let xb = [y.start.clone(), y.stop.clone(), y.step.clone()];
    super::tuple::sequence_richcompare(rt, &xa, &xb, op)
}

/// slice's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(slice_repr),
    hash: Some(crate::objects::typeobj::class_slots::hash_not_implemented),
    richcompare: Some(slice_richcompare),
    ..SlotTable::EMPTY
};

fn own(o: &PyObj) -> VmResult<&Slice> {
    super::descr::expect::<Slice>(o, "slice")
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

/// slice's members.
pub static GETSETS: &[super::descr::GetSetDef] = &[
    super::descr::GetSetDef::member("start", get_start),
    super::descr::GetSetDef::member("stop", get_stop),
    super::descr::GetSetDef::member("step", get_step),
];
