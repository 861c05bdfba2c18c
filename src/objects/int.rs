//! int: CPython 3.11's layout, a signed length (ob_size) and 30-bit digits stored
//! inline after the header: 24 + 4 * max(1, ndigits) bytes. Zero is stored as one zero
//! digit (CPython 3.11 also allocates one digit for it: getsizeof(0) == 28). The small
//! ints -5..=256 are preallocated singletons. Arithmetic is in `numeric`.

use crate::heap::{ExactType, Payload, PyObj, TypeRef};

use super::context::ctx;
use super::numeric::{self, digits::small_digits, Int};
use crate::bytecode::opcode::BinaryOp;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The small-int cache covers -NSMALLNEGINTS..NSMALLPOSINTS (exclusive), as CPython.
pub const NSMALLNEGINTS: i64 = 5;
pub const NSMALLPOSINTS: i64 = 257;
/// How many small ints the context keeps (`Ctx::small_ints`).
pub const SMALL_INTS: usize = (NSMALLNEGINTS + NSMALLPOSINTS) as usize;

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
    PyObj::new_var_copied(ty, negative, Long, d, n).expect("small allocation")
}

/// The int object for `v`: the cached one for -5..=256, else a new object.
#[inline]
pub fn new_i64(v: i64) -> PyObj {
    let c = ctx();
    if (-NSMALLNEGINTS..NSMALLPOSINTS).contains(&v) {
        return c.small_ints[(v + NSMALLNEGINTS) as usize].clone();
    }
    let m = v.unsigned_abs();
    // One digit (|v| < 2**30), the common case, without counting digits.
    let (negative, d, n) = if m < 1 << 30 {
        (v < 0, [m as u32, 0, 0], 1)
    } else {
        small_digits(v)
    };
    PyObj::new_var_copied_exact(&c.int_exact, negative, Long, d, n).expect("small allocation")
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

/// The value of an int object if it fits in an i64 (the fast path: no allocation,
/// also when the answer is no).
#[inline]
pub fn as_i64(obj: &PyObj) -> Option<i64> {
    let d = obj.items::<Long>()?;
    numeric::digits::digits_to_i64(obj.ob_size() < 0, d)
}

/// The value of an int of exactly type `ty` (int itself) if it fits in an i64: the
/// specialized instructions' guard and read in one (no vtable check, no allocation).
/// Always inlined (every specialized int form and the eval loop's shortcuts read
/// through it); ints of three digits or more take `as_i64` out of line.
#[inline(always)]
pub fn exact_i64(obj: &PyObj, ty: &ExactType<Long>) -> Option<i64> {
    let (size, d) = obj.var_exact(ty)?;
    // One digit (every int below 2**30 in magnitude, zero too, which keeps one zero
    // digit): the value is that digit with ob_size's sign, tested on ob_size itself.
    match (size, d) {
        (1, &[d0]) => Some(d0 as i64),
        (-1, &[d0]) => Some(-(d0 as i64)),
        (_, &[d0, d1]) => {
            let m = d0 as i64 | (d1 as i64) << 30;
            Some(if size < 0 { -m } else { m })
        }
        _ => wide_i64(obj),
    }
}

/// The value of an int of exactly type `ty` below 2**30 and not negative, as an
/// index (what the specialized subscript forms accept, as CPython 3.11's
/// "positive single digit" guard): one compare of the type pointer and one of ob_size.
#[inline(always)]
pub fn exact_index(obj: &PyObj, ty: &ExactType<Long>) -> Option<usize> {
    match obj.var_exact(ty)? {
        (1, &[d0]) => Some(d0 as usize),
        (0, _) => Some(0),
        _ => None,
    }
}

/// `as_i64` for ints of three digits or more, kept out of the inlined readers.
#[inline(never)]
fn wide_i64(obj: &PyObj) -> Option<i64> {
    as_i64(obj)
}

/// Is an int of exactly type `ty` non-zero? (int_bool without building a value.)
#[inline]
pub fn exact_nonzero(obj: &PyObj, ty: &ExactType<Long>) -> Option<bool> {
    let (_, d) = obj.var_exact(ty)?;
    Some(match *d {
        [d0] => d0 != 0,
        _ => d.iter().any(|&x| x != 0),
    })
}

/// hash(int), as CPython's.
pub fn hash(obj: &PyObj) -> Option<i64> {
    Some(match as_i64(obj) {
        Some(v) => numeric::hash_i64(v),
        None => match as_i128(obj) {
            Some(v) => numeric::hash::hash_i128(v),
            None => numeric::hash_int(&value(obj)?),
        },
    })
}

/// str(i) of a machine integer as a str object, its digits written straight into the
/// object (no intermediate text).
pub fn decimal_str(i: i64) -> VmResult<PyObj> {
    let mut buf = [0u8; 20];
    let digits = numeric::intstr::u64_digits(i.unsigned_abs(), &mut buf);
    let c = ctx();
    if let (false, &[d]) = (i < 0, digits) {
        return Ok(c.latin1[d as usize].clone());
    }
    let neg = usize::from(i < 0);
    super::string::ascii_with(neg + digits.len(), |d| {
        if neg == 1 {
            d[0] = b'-';
        }
        d[neg..].copy_from_slice(digits);
    })
    .ok_or_else(exceptions::memory_error)
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
        _ => match (as_i128(a), as_i128(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => match (value(a), value(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => return Ok(c.not_implemented.clone()),
            },
        },
    };
    Ok(if op.holds(Some(ord)) {
        &c.true_
    } else {
        &c.false_
    }
    .clone())
}

// ----- the number protocol ------------------------------------------------------------

/// A new int object for `v` (MemoryError when it cannot be had).
pub fn obj(v: &Int) -> VmResult<PyObj> {
    new(v).ok_or_else(exceptions::memory_error)
}

/// `x op y` for two machine integers without allocating a big integer (None: the
/// result needs more than 64 bits, or the operator has no such shortcut).
#[inline]
pub fn small_op(op: BinaryOp, x: i64, y: i64) -> Option<PyObj> {
    let r = match op {
        BinaryOp::Add => x.checked_add(y)?,
        BinaryOp::Subtract => x.checked_sub(y)?,
        BinaryOp::Multiply => x.checked_mul(y)?,
        BinaryOp::FloorDivide if y != 0 => {
            let (q, r) = (x.checked_div(y)?, x % y);
            if r != 0 && ((r < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinaryOp::Remainder if y != 0 => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        // An arithmetic shift rounds toward minus infinity, as Python's `>>`.
        BinaryOp::Rshift if y >= 0 => x >> y.min(63),
        // Room for the shifted bits and the sign; a negative count raises (general path).
        BinaryOp::Lshift if (0..63).contains(&y) && x.unsigned_abs().leading_zeros() > y as u32 => {
            x << y
        }
        _ => return None,
    };
    Some(new_i64(r))
}

/// The value of an int below 2**127 in magnitude, without a big integer.
#[inline]
fn as_i128(obj: &PyObj) -> Option<i128> {
    let d = obj.items::<Long>()?;
    numeric::digits::digits_to_i128(obj.ob_size() < 0, d)
}

/// The int object for `v` (at most five digits), without a big integer.
fn new_i128(v: i128) -> PyObj {
    if let Ok(small) = i64::try_from(v) {
        return new_i64(small);
    }
    let mut m = v.unsigned_abs();
    let mut d = [0u32; 5];
    let mut n = 0;
    while m != 0 {
        d[n] = (m as u32) & numeric::digits::PYLONG_MASK;
        m >>= numeric::digits::PYLONG_SHIFT;
        n += 1;
    }
    PyObj::new_var_copied_exact(&ctx().int_exact, v < 0, Long, d, n).expect("small allocation")
}

/// `x op y` for ints below 2**127 whose result is too (the 64-bit arithmetic of
/// hashes and random number generators); None: ask the big integers.
fn wide_op(op: BinaryOp, x: i128, y: i128) -> Option<PyObj> {
    let r = match op {
        BinaryOp::Add => x.checked_add(y)?,
        BinaryOp::Subtract => x.checked_sub(y)?,
        BinaryOp::Multiply => x.checked_mul(y)?,
        // A positive power of two: a shift and a mask (floor semantics of two's
        // complement), no 128-bit division.
        BinaryOp::FloorDivide if y > 0 && y & (y - 1) == 0 => x >> y.trailing_zeros(),
        BinaryOp::Remainder if y > 0 && y & (y - 1) == 0 => x & (y - 1),
        BinaryOp::FloorDivide if y != 0 => {
            let (q, r) = (x.checked_div(y)?, x.checked_rem(y)?);
            if r != 0 && ((r < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinaryOp::Remainder if y != 0 => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::Rshift if y >= 0 => x >> y.min(127),
        // Room for the shifted bits and the sign.
        BinaryOp::Lshift
            if (0..127).contains(&y) && x.unsigned_abs().leading_zeros() > y as u32 + 1 =>
        {
            x << y
        }
        _ => return None,
    };
    Some(new_i128(r))
}

/// `x op y` for two ints.
fn big_op(op: BinaryOp, x: &Int, y: &Int) -> VmResult<PyObj> {
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => {
            numeric::arith::room_for_bits(x.bit_length().saturating_add(y.bit_length()))?;
            x * y
        }
        BinaryOp::FloorDivide => x.floordiv(y)?,
        BinaryOp::Remainder => x.modulo(y)?,
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::Lshift => x.lshift(y)?,
        BinaryOp::Rshift => x.rshift(y)?,
        BinaryOp::TrueDivide => return Ok(super::float::new(x.true_div(y)?)),
        BinaryOp::Power => match x.pow(y)? {
            numeric::IntPow::Int(v) => v,
            numeric::IntPow::Float(f) => return Ok(super::float::new(f)),
        },
        BinaryOp::MatrixMultiply => return Ok(ctx().not_implemented.clone()),
    };
    obj(&r)
}

/// An int slot for `op`: both operands ints (bool included), else NotImplemented.
/// Each operand's digits are read once: machine words first, then i128, and only
/// then big integers.
pub(crate) fn int_binary(a: &PyObj, b: &PyObj, op: BinaryOp) -> VmResult<PyObj> {
    let (Some(da), Some(db)) = (digits(a), digits(b)) else {
        return Ok(ctx().not_implemented.clone());
    };
    let digits_to_i64 = numeric::digits::digits_to_i64;
    if let (Some(x), Some(y)) = (digits_to_i64(da.0, da.1), digits_to_i64(db.0, db.1)) {
        if let Some(r) = small_op(op, x, y) {
            return Ok(r);
        }
    }
    let digits_to_i128 = numeric::digits::digits_to_i128;
    if let (Some(x), Some(y)) = (digits_to_i128(da.0, da.1), digits_to_i128(db.0, db.1)) {
        if let Some(r) = wide_op(op, x, y) {
            return Ok(r);
        }
    }
    let value = |(neg, d): (bool, &[u32])| numeric::from_digits(neg, d);
    big_op(op, &value(da), &value(db))
}

macro_rules! int_binary_slots {
    ($($f:ident => $op:ident,)*) => {
        $(fn $f(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
            int_binary(a, b, BinaryOp::$op)
        })*
    };
}

int_binary_slots! {
    int_add => Add,
    int_sub => Subtract,
    int_mul => Multiply,
    int_floordiv => FloorDivide,
    int_mod => Remainder,
    int_truediv => TrueDivide,
    int_lshift => Lshift,
    int_rshift => Rshift,
    int_and => And,
    int_or => Or,
    int_xor => Xor,
}

fn int_divmod(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (value(a), value(b)) else {
        return Ok(ctx().not_implemented.clone());
    };
    let (q, r) = x.divmod(&y)?;
    Ok(super::tuple::pair(obj(&q)?, obj(&r)?))
}

/// `x ** y` and `pow(x, y, m)`.
fn int_pow(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, m: &PyObj) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (value(a), value(b)) else {
        return Ok(ctx().not_implemented.clone());
    };
    if m.is(&ctx().none) {
        return big_op(BinaryOp::Power, &x, &y);
    }
    match value(m) {
        Some(md) => obj(&x.pow_mod(&y, &md)?),
        None => Ok(ctx().not_implemented.clone()),
    }
}

fn int_value_of(o: &PyObj) -> Int {
    value(o).expect("an int")
}

fn int_neg(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    if let Some(v) = as_i64(o).filter(|v| *v != i64::MIN) {
        return Ok(new_i64(-v));
    }
    obj(&-&int_value_of(o))
}

/// +x, int(x), x.__index__(): the value as an exact int.
fn int_exact(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    if o.is_type(&ctx().int_type) {
        return Ok(o.clone());
    }
    obj(&int_value_of(o))
}

fn int_abs(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    if let Some(r) = exact_abs(o) {
        return Ok(r);
    }
    if let Some(v) = as_i64(o).filter(|v| *v != i64::MIN) {
        return Ok(new_i64(v.abs()));
    }
    obj(&int_value_of(o).abs())
}

/// `abs(o)` for an int of exactly type int (None for anything else): as CPython's
/// long_abs, the int itself when it is not negative (long_long), else its negation.
#[inline]
fn exact_abs(o: &PyObj) -> Option<PyObj> {
    let (size, _) = o.var_exact(&ctx().int_exact)?;
    if size >= 0 {
        return Some(o.clone());
    }
    exact_i64(o, &ctx().int_exact)
        .and_then(i64::checked_neg)
        .map(new_i64)
}

fn int_invert(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    obj(&!&int_value_of(o))
}

fn int_bool(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<bool> {
    Ok(as_i64(o).map_or_else(|| !int_value_of(o).is_zero(), |v| v != 0))
}

fn int_float(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::float::new(int_value_of(o).to_f64()?))
}

/// bool's `&`, `|`, `^`: a bool when both operands are bools, else int's.
fn bool_logic(a: &PyObj, b: &PyObj, op: BinaryOp) -> VmResult<PyObj> {
    let c = ctx();
    let is_bool = |o: &PyObj| o.is(&c.true_) || o.is(&c.false_);
    if !is_bool(a) || !is_bool(b) {
        return int_binary(a, b, op);
    }
    let (x, y) = (a.is(&c.true_), b.is(&c.true_));
    let r = match op {
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        _ => x ^ y,
    };
    Ok(if r { &c.true_ } else { &c.false_ }.clone())
}

fn bool_and(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    bool_logic(a, b, BinaryOp::And)
}

fn bool_or(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    bool_logic(a, b, BinaryOp::Or)
}

fn bool_xor(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    bool_logic(a, b, BinaryOp::Xor)
}

/// int's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(int_repr),
    hash: Some(int_hash),
    richcompare: Some(int_richcompare),
    add: Some(int_add),
    subtract: Some(int_sub),
    multiply: Some(int_mul),
    remainder: Some(int_mod),
    divmod: Some(int_divmod),
    power: Some(int_pow),
    negative: Some(int_neg),
    positive: Some(int_exact),
    absolute: Some(int_abs),
    bool: Some(int_bool),
    invert: Some(int_invert),
    lshift: Some(int_lshift),
    rshift: Some(int_rshift),
    and: Some(int_and),
    xor: Some(int_xor),
    or: Some(int_or),
    int: Some(int_exact),
    float: Some(int_float),
    floor_divide: Some(int_floordiv),
    true_divide: Some(int_truediv),
    index: Some(int_exact),
    ..SlotTable::EMPTY
};

/// bool's slots (the rest is int's).
pub const BOOL_SLOTS: SlotTable = SlotTable {
    repr: Some(bool_repr),
    and: Some(bool_and),
    or: Some(bool_or),
    xor: Some(bool_xor),
    ..SlotTable::EMPTY
};

/// int(self): an exact int is itself, a subclass's value a new exact int.
fn exact(o: &PyObj) -> VmResult<PyObj> {
    if o.is_type(&ctx().int_type) {
        return Ok(o.clone());
    }
    let v = value(o).ok_or_else(|| {
        exceptions::type_error(format!(
            "descriptor for 'int' objects doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))
    })?;
    new(&v).ok_or_else(exceptions::memory_error)
}
fn get_real(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    exact(o)
}
fn get_imag(_: &mut dyn Runtime, _: &PyObj) -> VmResult<PyObj> {
    Ok(new_i64(0))
}
fn get_denominator(_: &mut dyn Runtime, _: &PyObj) -> VmResult<PyObj> {
    Ok(new_i64(1))
}

/// int's getset descriptors (bool's too, through the MRO).
pub static GETSETS: &[super::descr::GetSetDef] = &[
    super::descr::GetSetDef::getter("real", get_real),
    super::descr::GetSetDef::getter("imag", get_imag),
    super::descr::GetSetDef::getter("numerator", get_real),
    super::descr::GetSetDef::getter("denominator", get_denominator),
];
