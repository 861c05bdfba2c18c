//! int: CPython 3.11's layout, a signed length (ob_size) and 30-bit digits stored
//! inline after the header: 24 + 4 * max(1, ndigits) bytes. Zero is stored as one zero
//! digit (CPython 3.11 also allocates one digit for it: getsizeof(0) == 28). The small
//! ints -5..=256 are preallocated singletons. Arithmetic is in `numeric`.

use crate::heap::{Payload, PyObj, TypeRef};

use super::context::ctx;
use super::numeric::{self, digits::small_digits, Int};
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The small-int cache covers -NSMALLNEGINTS..NSMALLPOSINTS (exclusive), as CPython.
pub const NSMALLNEGINTS: i64 = 5;
pub const NSMALLPOSINTS: i64 = 257;

/// The payload of an int (and a bool), CPython's PyLongObject: nothing beyond the var
/// header; the digits are the inline items and the sign is the sign of ob_size.
pub struct Long;

impl Payload for Long {
    type Item = u32;
    const NAME: &'static str = "int";
}

/// Allocate an int of type `ty` (int or bool) with value `v`, bypassing the cache.
pub(crate) fn alloc_i64(ty: &TypeRef, v: i64) -> PyObj {
    let (negative, d, n) = small_digits(v);
    let n = n.max(1); // zero keeps one zero digit, as CPython 3.11 allocates
    PyObj::new_var(ty, negative, Long, n, d[..n].iter().copied()).expect("small allocation")
}

/// The int object for `v`: the cached one for -5..=256, else a new object.
#[inline]
pub fn new_i64(v: i64) -> PyObj {
    let c = ctx();
    if (-NSMALLNEGINTS..NSMALLPOSINTS).contains(&v) {
        return c.small_ints[(v + NSMALLNEGINTS) as usize].clone();
    }
    alloc_i64(&c.int_type, v)
}

/// The int object for `v`. None if memory runs out (the caller raises MemoryError).
pub fn new(v: &Int) -> Option<PyObj> {
    match v {
        Int::Small(i) => Some(new_i64(*i)),
        Int::Big(_) => {
            let n = numeric::ndigits(v);
            PyObj::new_var_filled(&ctx().int_type, v.is_negative(), Long, n, |d| {
                numeric::digits::write_digits_into(v, d);
            })
        }
    }
}

/// An int from a sign and 30-bit digits (least significant first).
pub fn from_digits(negative: bool, digits: &[u32]) -> Option<PyObj> {
    new(&numeric::from_digits(negative, digits))
}

/// The sign and digits of an int (or bool) object.
pub fn digits(obj: &PyObj) -> Option<(bool, &[u32])> {
    let d = obj.items::<Long>()?;
    Some((obj.ob_size() < 0, d))
}

/// The value of an int (or bool) object.
pub fn value(obj: &PyObj) -> Option<Int> {
    let (neg, d) = digits(obj)?;
    Some(numeric::from_digits(neg, d))
}

/// The value of an int object if it fits in an i64 (the fast path: no allocation).
#[inline]
pub fn as_i64(obj: &PyObj) -> Option<i64> {
    let d = obj.items::<Long>()?;
    let m = match *d {
        [d0] => d0 as i64,
        [d0, d1] => d0 as i64 | (d1 as i64) << 30,
        _ => {
            return match numeric::from_digits(obj.ob_size() < 0, d) {
                Int::Small(v) => Some(v),
                Int::Big(_) => None,
            }
        }
    };
    Some(if obj.ob_size() < 0 { -m } else { m })
}

/// hash(int), as CPython's.
pub fn hash(obj: &PyObj) -> Option<i64> {
    Some(match as_i64(obj) {
        Some(v) => numeric::hash_int(&Int::Small(v)),
        None => numeric::hash_int(&value(obj)?),
    })
}

fn int_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    if let Some(v) = as_i64(o) {
        return Ok(v.to_string());
    }
    let v = value(o).expect("an int");
    Ok(super::numeric::int_to_decimal(&v)?)
}

fn bool_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    Ok(if o.is(&ctx().true_) { "True" } else { "False" }.into())
}

fn int_hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    Ok(hash(o).expect("an int"))
}

/// int's comparisons: with ints only (a float compares itself with an int).
fn int_richcompare(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    let ord = match (as_i64(a), as_i64(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => match (value(a), value(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => return Ok(c.not_implemented.clone()),
        },
    };
    Ok(if op.holds(Some(ord)) {
        &c.true_
    } else {
        &c.false_
    }
    .clone())
}

/// int's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(int_repr),
    hash: Some(int_hash),
    richcompare: Some(int_richcompare),
    ..SlotTable::EMPTY
};

/// bool's slots (the rest is int's).
pub const BOOL_SLOTS: SlotTable = SlotTable {
    repr: Some(bool_repr),
    ..SlotTable::EMPTY
};
