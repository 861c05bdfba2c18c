//! int: CPython 3.11's layout, a signed length (ob_size) and 30-bit digits stored
//! inline after the header: 24 + 4 * max(1, ndigits) bytes. Zero is stored as one zero
//! digit (CPython 3.11 also allocates one digit for it: getsizeof(0) == 28). The small
//! ints -5..=256 are preallocated singletons.

use crate::heap::{Payload, PyObj, TypeRef};

use super::context::ctx;

/// Bits per digit, as CPython's PyLong_SHIFT on 64-bit builds.
pub const SHIFT: u32 = 30;
/// Mask of one digit.
pub const MASK: u32 = (1 << SHIFT) - 1;
/// The small-int cache covers NSMALLNEGINTS..NSMALLPOSINTS (exclusive), as CPython.
pub const NSMALLNEGINTS: i64 = 5;
pub const NSMALLPOSINTS: i64 = 257;

/// The payload of an int (and a bool): nothing beyond the var header; the digits are
/// the inline items and the sign is the sign of ob_size.
pub struct Int;

impl Payload for Int {
    type Item = u32;
    const NAME: &'static str = "int";
}

/// The 30-bit digits of |v|, least significant first (one zero digit for 0).
fn digits_of_u64(mut m: u64, out: &mut [u32; 3]) -> usize {
    let mut n = 0;
    loop {
        out[n] = (m & MASK as u64) as u32;
        n += 1;
        m >>= SHIFT;
        if m == 0 {
            return n;
        }
    }
}

/// Allocate an int of type `ty` (int or bool) with value `v`, bypassing the cache.
pub(crate) fn alloc_i64(ty: &TypeRef, v: i64) -> PyObj {
    let mut d = [0u32; 3];
    let n = digits_of_u64(v.unsigned_abs(), &mut d);
    PyObj::new_var(ty, v < 0, Int, n, d[..n].iter().copied()).expect("small allocation")
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

/// An int from a sign and 30-bit digits (least significant first, each <= MASK).
/// Leading zero digits are dropped; results in the small range come from the cache.
/// None if memory runs out.
pub fn from_digits(negative: bool, digits: &[u32]) -> Option<PyObj> {
    let mut n = digits.len();
    while n > 0 && digits[n - 1] == 0 {
        n -= 1;
    }
    if n <= 2 {
        let mut m = 0i64;
        for &d in digits[..n].iter().rev() {
            m = (m << SHIFT) | d as i64;
        }
        return Some(new_i64(if negative { -m } else { m }));
    }
    PyObj::new_var(
        &ctx().int_type,
        negative,
        Int,
        n,
        digits[..n].iter().copied(),
    )
}

/// The sign and digits of an int (or bool) object.
pub fn digits(obj: &PyObj) -> Option<(bool, &[u32])> {
    let d = obj.items::<Int>()?;
    Some((obj.ob_size() < 0, d))
}

/// The value of an int object if it fits in an i64.
#[inline]
pub fn as_i64(obj: &PyObj) -> Option<i64> {
    let (neg, d) = digits(obj)?;
    let m: i128 = match d.len() {
        1 => d[0] as i128,
        2 => (d[0] as i128) | (d[1] as i128) << SHIFT,
        3 => (d[0] as i128) | (d[1] as i128) << SHIFT | (d[2] as i128) << (2 * SHIFT),
        _ => return None,
    };
    i64::try_from(if neg { -m } else { m }).ok()
}
