//! CPython's int storage: sign plus little-endian 30-bit digits (`digit` = u32), the
//! conversions between it and `Int`, and the object size that storage implies.
//!
//! ob_size is ±ndigits with ndigits = ceil(bit_length(|v|) / 30), 0 for zero; CPython
//! 3.11 still allocates one digit for zero, so sys.getsizeof is 24 + 4 * max(1, ndigits).

use num_bigint::{BigInt, BigUint, Sign};

use super::int::Int;

/// Bits per digit (CPython's PyLong_SHIFT).
pub const PYLONG_SHIFT: u32 = 30;
/// Mask of one digit (CPython's PyLong_MASK).
pub const PYLONG_MASK: u32 = (1 << PYLONG_SHIFT) - 1;
/// Bytes before the digits: refcount, type, ob_size.
pub const INT_HEADER_SIZE: usize = 24;

/// |ob_size|: how many 30-bit digits the value needs (0 for zero).
#[inline]
pub fn ndigits(v: &Int) -> usize {
    v.bit_length().div_ceil(PYLONG_SHIFT as u64) as usize
}

/// CPython's signed ob_size: ±ndigits with the value's sign, 0 for zero.
#[inline]
pub fn ob_size(v: &Int) -> isize {
    let n = ndigits(v) as isize;
    if v.is_negative() {
        -n
    } else {
        n
    }
}

/// sys.getsizeof of an int with this value (CPython 3.11, 64-bit).
#[inline]
pub fn sizeof_int(v: &Int) -> usize {
    INT_HEADER_SIZE + 4 * ndigits(v).max(1)
}

/// The value of CPython storage when it fits an i64 (at most three digits), with no
/// allocation: the readers' test "is this a machine integer" must not build a big one.
#[inline]
pub fn digits_to_i64(negative: bool, digits: &[u32]) -> Option<i64> {
    let m = match *digits {
        [] => 0,
        [d0] => u64::from(d0),
        [d0, d1] => u64::from(d0) | u64::from(d1) << PYLONG_SHIFT,
        // 4 + 60 bits: below 2**64, so the u64 holds it; the sign decides the fit.
        [d0, d1, d2] if d2 < 16 => {
            u64::from(d0) | u64::from(d1) << PYLONG_SHIFT | u64::from(d2) << (2 * PYLONG_SHIFT)
        }
        _ => return None,
    };
    if negative {
        0i64.checked_sub_unsigned(m)
    } else {
        i64::try_from(m).ok()
    }
}

/// The value of CPython storage when its magnitude is below 2**127 (four digits, or
/// five whose top one holds at most 7 bits), with no allocation.
#[inline]
pub fn digits_to_i128(negative: bool, digits: &[u32]) -> Option<i128> {
    let d = |k: usize, x: u32| u128::from(x) << (k as u32 * PYLONG_SHIFT);
    let m = match *digits {
        [] => 0,
        [d0] => u128::from(d0),
        [d0, d1] => d(0, d0) | d(1, d1),
        [d0, d1, d2] => d(0, d0) | d(1, d1) | d(2, d2),
        [d0, d1, d2, d3] => d(0, d0) | d(1, d1) | d(2, d2) | d(3, d3),
        [d0, d1, d2, d3, d4] if d4 < 1 << 7 => d(0, d0) | d(1, d1) | d(2, d2) | d(3, d3) | d(4, d4),
        _ => return None,
    } as i128;
    Some(if negative { -m } else { m })
}

/// Builds the value from CPython storage. Values that fit an i64 take no allocation;
/// more digits regroup bits in O(n).
pub fn from_digits(negative: bool, digits: &[u32]) -> Int {
    if let Some(v) = digits_to_i64(negative, digits) {
        return Int::Small(v);
    }
    let mag = biguint_from_digits(digits);
    let s = if negative { Sign::Minus } else { Sign::Plus };
    Int::from_bigint(BigInt::from_biguint(s, mag))
}

/// Regroups 30-bit digits into 32-bit limbs for num-bigint, in O(n).
fn biguint_from_digits(digits: &[u32]) -> BigUint {
    let mut limbs = Vec::with_capacity(digits.len() * 30 / 32 + 1);
    let mut acc: u64 = 0;
    let mut nbits = 0u32;
    for &d in digits {
        debug_assert!(d <= PYLONG_MASK);
        acc |= u64::from(d) << nbits;
        nbits += PYLONG_SHIFT;
        if nbits >= 32 {
            limbs.push(acc as u32);
            acc >>= 32;
            nbits -= 32;
        }
    }
    if nbits > 0 {
        limbs.push(acc as u32);
    }
    BigUint::new(limbs)
}

/// Writes |v| as 30-bit digits into `out`, whose length must be exactly `ndigits(v)`;
/// returns whether v is negative. Lets the object layer fill its inline digits directly.
pub fn write_digits_into(v: &Int, out: &mut [u32]) -> bool {
    assert_eq!(
        out.len(),
        ndigits(v),
        "digit buffer must hold ndigits(v) digits"
    );
    match v {
        Int::Small(i) => {
            let mut m = i.unsigned_abs();
            for d in out.iter_mut() {
                *d = (m as u32) & PYLONG_MASK;
                m >>= PYLONG_SHIFT;
            }
            *i < 0
        }
        Int::Big(b) => {
            let mut acc: u64 = 0;
            let mut nbits = 0u32;
            let mut k = 0;
            for limb in b.iter_u32_digits() {
                acc |= u64::from(limb) << nbits;
                nbits += 32;
                while nbits >= PYLONG_SHIFT {
                    if k < out.len() {
                        out[k] = (acc as u32) & PYLONG_MASK;
                    }
                    k += 1;
                    acc >>= PYLONG_SHIFT;
                    nbits -= PYLONG_SHIFT;
                }
            }
            if nbits > 0 && k < out.len() {
                out[k] = acc as u32;
            }
            b.sign() == Sign::Minus
        }
    }
}

/// Appends |v|'s digits to `out` (cleared first); returns whether v is negative.
pub fn write_digits(v: &Int, out: &mut Vec<u32>) -> bool {
    out.clear();
    out.resize(ndigits(v), 0);
    write_digits_into(v, out)
}

/// The digits of a value known to be small, with no allocation: (negative, digits, n).
#[inline]
pub fn small_digits(v: i64) -> (bool, [u32; 3], usize) {
    let m = v.unsigned_abs();
    let d = [
        (m as u32) & PYLONG_MASK,
        ((m >> 30) as u32) & PYLONG_MASK,
        (m >> 60) as u32,
    ];
    let n = (64 - m.leading_zeros()).div_ceil(PYLONG_SHIFT) as usize;
    (v < 0, d, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::One;

    // From python3 3.11: [sys.getsizeof(x) for x in (0, 12, 2**30-1, 2**30, 2**60-1,
    //   2**60, 2**63, 10**100, -2**30, -(2**90))]
    const SIZES: [usize; 10] = [28, 28, 28, 32, 32, 36, 36, 72, 32, 40];

    #[test]
    fn sizes_match_cpython() {
        let b = |e: u32| BigInt::one() << e;
        let vals = [
            Int::ZERO,
            Int::from(12),
            Int::from((1i64 << 30) - 1),
            Int::from(1i64 << 30),
            Int::from((1i64 << 60) - 1),
            Int::from(1i64 << 60),
            Int::from_bigint(b(63)),
            Int::from_bigint(BigInt::from(10).pow(100)),
            Int::from(-(1i64 << 30)),
            Int::from_bigint(-b(90)),
        ];
        for (v, want) in vals.iter().zip(SIZES) {
            assert_eq!(sizeof_int(v), want, "{v}");
        }
    }

    // From python3 3.11 (scripts/numeric/int_digits.py reads ob_size and ob_digit
    // through ctypes): (ob_size, digits) for 10**20, -(2**95+7), 2**63, -12.
    #[test]
    fn digits_match_cpython() {
        let cases: [(Int, i64, &[u32]); 3] = [
            (
                Int::from_bigint(-((BigInt::one() << 95u32) + BigInt::from(7))),
                -4,
                &[7, 0, 0, 32],
            ),
            (Int::from_bigint(BigInt::one() << 63), 3, &[0, 0, 8]),
            (Int::from(-12), -1, &[12]),
        ];
        let ten20 = Int::from_bigint(BigInt::from(10).pow(20));
        let mut buf = Vec::new();
        assert!(!write_digits(&ten20, &mut buf));
        assert_eq!(buf, [588251136, 790460597, 86]);
        for (v, ob_size, digits) in cases.iter() {
            let neg = write_digits(v, &mut buf);
            let size = if neg {
                -(buf.len() as i64)
            } else {
                buf.len() as i64
            };
            assert_eq!((size, &buf[..]), (*ob_size, *digits));
            assert_eq!(super::ob_size(v) as i64, *ob_size);
            assert_eq!(&from_digits(neg, digits), v);
        }
    }

    #[test]
    fn round_trip_many() {
        let mut vals: Vec<i128> = vec![0, 1, -1, i64::MAX as i128, i64::MIN as i128];
        for e in [29u32, 30, 31, 59, 60, 61, 62, 63, 64, 89, 90, 91, 120, 126] {
            for d in [-1i128, 0, 1] {
                vals.push((1i128 << e) + d);
                vals.push(-(1i128 << e) - d);
            }
        }
        let mut buf = Vec::new();
        for v in vals {
            let int = Int::from_i128(v);
            let neg = write_digits(&int, &mut buf);
            assert_eq!(neg, v < 0);
            // Reassemble with i128 (an independent oracle).
            let mut m: i128 = 0;
            for (k, d) in buf.iter().enumerate() {
                assert!(*d <= PYLONG_MASK);
                m |= (*d as i128) << (30 * k);
            }
            assert_eq!(if neg { -m } else { m }, v);
            assert!(buf.last().is_none_or(|d| *d != 0), "normalised");
            assert_eq!(from_digits(neg, &buf), int, "{v}");
            if let Some(s) = int.to_i64() {
                let (sn, sd, n) = small_digits(s);
                assert_eq!((sn, &sd[..n]), (neg, &buf[..]));
            }
        }
    }

    #[test]
    fn big_round_trip() {
        let v = -BigInt::from(7).pow(1000u32);
        let int = Int::from_bigint(v.clone());
        let mut buf = Vec::new();
        let neg = write_digits(&int, &mut buf);
        assert!(neg);
        assert_eq!(buf.len() as u64, v.bits().div_ceil(30));
        assert_eq!(from_digits(true, &buf).to_bigint(), v);
    }
}
