//! int bit operations with Python's infinite two's complement semantics: ~ & | ^
//! (std ops on `&Int`) and the shifts << >>.

use std::ops::{BitAnd, BitOr, BitXor, Not};

use super::arith::MAX_INT_BITS;
use super::digits::PYLONG_SHIFT;
use super::int::Int;
use crate::error::{ExcKind, PyErr, PyResult};

macro_rules! bitop {
    ($trait:ident, $method:ident, $op:tt) => {
        impl $trait for &Int {
            type Output = Int;
            #[inline]
            fn $method(self, rhs: &Int) -> Int {
                if let (Int::Small(a), Int::Small(b)) = (self, rhs) {
                    return Int::Small(a $op b);
                }
                // num-bigint's BigInt bit operations use two's complement semantics.
                Int::from_bigint(&*self.big() $op &*rhs.big())
            }
        }
    };
}

bitop!(BitAnd, bitand, &);
bitop!(BitOr, bitor, |);
bitop!(BitXor, bitxor, ^);

/// ~v == -(v + 1).
impl Not for &Int {
    type Output = Int;
    #[inline]
    fn not(self) -> Int {
        match self {
            Int::Small(a) => Int::Small(!a),
            Int::Big(b) => Int::from_bigint(!b),
        }
    }
}

/// CPython 3.11's longest int on a 64-bit build, in 30-bit digits: what fits in
/// PY_SSIZE_T_MAX bytes after the object's 24-byte head, at 4 bytes a digit.
const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;

fn negative_shift() -> PyErr {
    PyErr::new(ExcKind::ValueError, "negative shift count")
}

impl Int {
    /// v << n.
    pub fn lshift(&self, n: &Int) -> PyResult<Int> {
        if n.is_negative() {
            return Err(negative_shift());
        }
        if self.is_zero() {
            return Ok(Int::ZERO);
        }
        // CPython 3.11 refuses a result longer than its largest int object as
        // OverflowError ("too many digits"), and a shorter one it cannot allocate as
        // MemoryError; glasspy's own ceiling (MAX_INT_BITS) is far below both.
        let fits = n.to_i128().is_some_and(|n| {
            let shift = i128::from(PYLONG_SHIFT);
            let ndigits = super::digits::ndigits(self) as i128;
            n / shift + i128::from(n % shift != 0) + ndigits <= i128::from(MAX_LONG_DIGITS)
        });
        if !fits {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "too many digits in integer",
            ));
        }
        let n = match n.to_u64() {
            Some(n) if self.bit_length().saturating_add(n) <= MAX_INT_BITS => n,
            _ => return Err(PyErr::memory()),
        };
        if let Int::Small(a) = self {
            if n < 64 {
                return Ok(Int::from_i128((*a as i128) << n));
            }
        }
        super::arith::room_for_bits(self.bit_length() + n)?;
        Ok(Int::from_bigint(&*self.big() << n))
    }

    /// v >> n, rounding toward minus infinity.
    pub fn rshift(&self, n: &Int) -> PyResult<Int> {
        if n.is_negative() {
            return Err(negative_shift());
        }
        let n = n.to_u64().unwrap_or(u64::MAX);
        match self {
            Int::Small(a) => Ok(Int::Small(a >> n.min(63))),
            Int::Big(b) => {
                if n >= b.bits() {
                    return Ok(Int::Small(if self.is_negative() { -1 } else { 0 }));
                }
                // BigInt >> rounds toward minus infinity, like Python.
                Ok(Int::from_bigint(b >> n))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<i128> {
        let mut v: Vec<i128> = vec![0, 1, -1, 2, -2, 5, -5, 0x55, -0x55];
        for e in [30u32, 31, 60, 62, 63, 64, 70, 100] {
            for d in [-1i128, 0, 1, 12345] {
                v.push((1i128 << e) + d);
                v.push(-(1i128 << e) - d);
            }
        }
        v
    }

    #[test]
    fn bitops_match_i128_oracle() {
        let s = samples();
        for &a in &s {
            let x = Int::from_i128(a);
            assert_eq!(!&x, Int::from_i128(!a));
            for &b in &s {
                let y = Int::from_i128(b);
                assert_eq!(&x & &y, Int::from_i128(a & b), "{a}&{b}");
                assert_eq!(&x | &y, Int::from_i128(a | b), "{a}|{b}");
                assert_eq!(&x ^ &y, Int::from_i128(a ^ b), "{a}^{b}");
            }
            for n in [0u32, 1, 2, 29, 30, 31, 33, 62, 63, 64, 65, 100, 126, 127] {
                let nn = Int::from(n as i64);
                assert_eq!(x.rshift(&nn).unwrap(), Int::from_i128(a >> n), "{a}>>{n}");
                if a.unsigned_abs().leading_zeros() > n + 1 {
                    assert_eq!(x.lshift(&nn).unwrap(), Int::from_i128(a << n), "{a}<<{n}");
                }
            }
            let huge = Int::from_bigint(num_bigint::BigInt::from(10).pow(30));
            let want = if a < 0 { -1 } else { 0 };
            assert_eq!(x.rshift(&huge).unwrap(), Int::from(want));
        }
    }

    #[test]
    fn shift_errors() {
        // python3: 1 >> -1 -> ValueError 'negative shift count'; 1 << 2**40 -> MemoryError
        let e = Int::ONE.rshift(&Int::from(-1)).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::ValueError, "negative shift count")
        );
        let e = Int::ONE.lshift(&Int::from(-1)).unwrap_err();
        assert_eq!(e.msg, "negative shift count");
        let e = Int::ONE.lshift(&Int::from(1i64 << 40)).unwrap_err();
        assert_eq!(e.kind, ExcKind::MemoryError);
        assert_eq!(Int::ZERO.lshift(&Int::from(1i64 << 40)).unwrap(), Int::ZERO);
        // 1 << 2**66 -> OverflowError 'too many digits in integer' (longer than
        // CPython's longest int); 1 << 2**64 -> MemoryError (not longer).
        let e = Int::ONE.lshift(&Int::from(1i128 << 66)).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::OverflowError, "too many digits in integer")
        );
        let e = Int::ONE.lshift(&Int::from(1i128 << 64)).unwrap_err();
        assert_eq!(e.kind, ExcKind::MemoryError);
        assert_eq!(Int::ONE.lshift(&Int::from(200)).unwrap().bit_length(), 201);
    }
}
