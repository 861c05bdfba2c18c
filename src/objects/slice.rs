//! slice: start, stop and step objects (CPython's PySliceObject, 56 bytes), and the
//! index arithmetic of PySlice_GetIndicesEx.

use crate::heap::{Payload, PyObj, Visit};

use super::context::ctx;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions::VmResult;
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
    repr: Some(slice_repr),
    hash: Some(crate::objects::typeobj::class_slots::hash_not_implemented),
    richcompare: Some(slice_richcompare),
    ..SlotTable::EMPTY
};
