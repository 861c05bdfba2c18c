//! Conversions between int and float: int -> f64 (correctly rounded), f64 -> int
//! (truncating), and int / int true division correctly rounded as CPython's
//! long_true_divide.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use super::int::Int;
use crate::error::{ExcKind, PyErr, PyResult};

const DBL_MANT_DIG: i64 = 53;
const DBL_MAX_EXP: i64 = 1024;
const DBL_MIN_EXP: i64 = -1021;

/// x * 2**e, exact whenever the result is representable.
pub fn ldexp(mut x: f64, mut e: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * pow2(e)
}

fn too_large_for_float() -> PyErr {
    PyErr::new(ExcKind::OverflowError, "int too large to convert to float")
}

impl Int {
    /// float(v), correctly rounded (round half to even).
    #[inline]
    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            // `as` rounds to nearest, ties to even.
            Int::Small(i) => Ok(*i as f64),
            Int::Big(b) => {
                // num-bigint keeps the top 64 bits with a sticky bit (round to odd),
                // so the final rounding to 53 bits is correct.
                let f = b.to_f64().unwrap_or(f64::INFINITY);
                if f.is_finite() {
                    Ok(f)
                } else {
                    Err(too_large_for_float())
                }
            }
        }
    }

    /// int(x) for a float: truncates toward zero.
    pub fn from_f64(x: f64) -> PyResult<Int> {
        if x.is_nan() {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "cannot convert float NaN to integer",
            ));
        }
        if x.is_infinite() {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "cannot convert float infinity to integer",
            ));
        }
        let t = x.trunc();
        if t.abs() < 9_223_372_036_854_775_808.0 {
            return Ok(Int::Small(t as i64));
        }
        // |t| >= 2**63: an integer mantissa times a positive power of two.
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
        let mag = BigInt::from(mant) << (exp as u64);
        Ok(Int::from_bigint(if t < 0.0 { -mag } else { mag }))
    }

    /// a / b, correctly rounded (CPython's long_true_divide).
    pub fn true_div(&self, rhs: &Int) -> PyResult<f64> {
        if rhs.is_zero() {
            return Err(PyErr::new(ExcKind::ZeroDivisionError, "division by zero"));
        }
        // Both exactly representable: one IEEE division rounds correctly.
        const EXACT: u64 = 1 << DBL_MANT_DIG;
        if let (Int::Small(a), Int::Small(b)) = (self, rhs) {
            if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
                return Ok(*a as f64 / *b as f64);
            }
        }
        let negate = self.is_negative() != rhs.is_negative();
        let a = self.big();
        let b = rhs.big();
        let q = true_div_magnitudes(a.magnitude(), b.magnitude())?;
        Ok(if negate { -q } else { q })
    }
}

/// Compares an int with a float exactly, as CPython's float_richcompare does (no
/// rounding of the int); None when x is NaN.
pub fn compare_int_float(v: &Int, x: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    // Exactly representable ints compare as floats.
    if let Int::Small(i) = v {
        if i.unsigned_abs() <= 1 << DBL_MANT_DIG {
            return (*i as f64).partial_cmp(&x);
        }
    }
    // Compare with floor(x), then let the fraction break a tie.
    let fl = x.floor();
    let fi = Int::from_f64(fl).expect("finite");
    Some(match v.cmp(&fi) {
        Ordering::Equal if x > fl => Ordering::Less,
        other => other,
    })
}

/// |a| / |b| for b != 0, correctly rounded, following long_true_divide's steps.
fn true_div_magnitudes(a: &BigUint, b: &BigUint) -> PyResult<f64> {
    let overflow = || {
        PyErr::new(
            ExcKind::OverflowError,
            "integer division result too large for a float",
        )
    };
    if a.is_zero() {
        return Ok(0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > DBL_MAX_EXP {
        return Err(overflow());
    }
    if diff < DBL_MIN_EXP - DBL_MANT_DIG - 1 {
        return Ok(0.0);
    }
    // Scale a so the quotient keeps DBL_MANT_DIG + 2 bits (fewer when subnormal).
    let shift = diff.max(DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        a << ((-shift) as u64)
    } else {
        let s = shift as u64;
        inexact = a.trailing_zeros().is_some_and(|tz| tz < s);
        a >> s
    };
    let (q, r) = x.div_rem(b);
    inexact |= !r.is_zero();
    let mut q = q
        .to_u64()
        .expect("quotient has at most DBL_MANT_DIG + 3 bits");
    let q_bits = 64 - i64::from(q.leading_zeros());
    // Round away the bits below the target precision, half to even, sticky inexact.
    let extra_bits = q_bits.max(DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    let mask = 1u64 << (extra_bits - 1);
    let low = (q & (2 * mask - 1)) | u64::from(inexact);
    if low & mask != 0 && low & (3 * mask - 1) != 0 {
        q += mask;
    }
    q &= !(2 * mask - 1);
    let result = ldexp(q as f64, shift);
    if result.is_infinite() {
        return Err(overflow());
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::One;

    #[test]
    fn to_f64_rounds_half_even() {
        let two = |e: u32| BigInt::one() << e;
        // 2**53 + 1 is a tie between 2**53 and 2**53 + 2: even wins.
        let v = Int::from_bigint(two(80) + two(27));
        assert_eq!(v.to_f64().unwrap(), 2f64.powi(80));
        let v = Int::from_bigint(two(80) + two(27) + 1);
        assert_eq!(v.to_f64().unwrap(), 2f64.powi(80) + 2f64.powi(28));
        let v = Int::from_bigint(two(80) + two(27) * 3);
        assert_eq!(v.to_f64().unwrap(), 2f64.powi(80) + 2f64.powi(29));
        // python3: float(2**1024 - 2**970) -> OverflowError; float(2**1024 - 2**971) ok
        let e = Int::from_bigint(two(1024) - two(970)).to_f64().unwrap_err();
        assert_eq!(e.msg, "int too large to convert to float");
        assert_eq!(
            Int::from_bigint(two(1024) - two(971)).to_f64().unwrap(),
            f64::MAX
        );
        assert_eq!(
            Int::from_bigint(-two(100)).to_f64().unwrap(),
            -(2f64.powi(100))
        );
    }

    #[test]
    fn from_f64_cases() {
        assert_eq!(Int::from_f64(-2.9).unwrap(), Int::from(-2));
        assert_eq!(
            Int::from_f64(1e20).unwrap().to_string(),
            "100000000000000000000"
        );
        assert_eq!(
            Int::from_f64(-9.223_372_036_854_776e18).unwrap(),
            Int::Small(i64::MIN)
        );
        assert_eq!(
            Int::from_f64(1e300).unwrap().to_f64().unwrap(),
            1e300,
            "exact round trip"
        );
        let e = Int::from_f64(f64::INFINITY).unwrap_err();
        assert_eq!(e.msg, "cannot convert float infinity to integer");
        let e = Int::from_f64(f64::NAN).unwrap_err();
        assert_eq!(e.msg, "cannot convert float NaN to integer");
    }

    #[test]
    fn int_float_comparisons() {
        use std::cmp::Ordering::*;
        // From python3 3.11: for (a, x) below, (a > x) - (a < x), or None when a != x
        // and neither is ordered (NaN).
        let two = |e: u32| Int::from_bigint(BigInt::one() << e);
        let cases = [
            (&two(53) + &Int::ONE, 2f64.powi(53), Some(Greater)),
            (two(63), 9.223_372_036_854_776e18, Some(Equal)),
            (&two(63) - &Int::ONE, 9.223_372_036_854_776e18, Some(Less)),
            (Int::from(3), 3.5, Some(Less)),
            (Int::from(-3), -3.5, Some(Greater)),
            (Int::from(-4), -3.5, Some(Less)),
            (two(2000), f64::INFINITY, Some(Less)),
            (-&two(2000), f64::NEG_INFINITY, Some(Greater)),
            (two(2000), f64::MAX, Some(Greater)),
            (Int::ZERO, -0.0, Some(Equal)),
            (Int::from(7), f64::NAN, None),
            (
                Int::from_bigint(BigInt::from(10).pow(20u32)),
                1e20,
                Some(Equal),
            ),
            (
                &Int::from_bigint(BigInt::from(10).pow(20u32)) + &Int::ONE,
                1e20,
                Some(Greater),
            ),
        ];
        for (a, x, want) in cases {
            assert_eq!(compare_int_float(&a, x), want, "{a} vs {x:e}");
        }
    }

    #[test]
    fn true_div_cases() {
        // From python3 3.11: [repr(a / b) for a, b in TRUE_DIV_CASES]; see
        // scripts/numeric/true_div.py.
        let big = |s: &str| Int::from_bigint(s.parse::<BigInt>().unwrap());
        let cases: &[(&str, &str, u64)] = &include!("testdata/true_div.in");
        for (a, b, bits) in cases {
            let got = big(a).true_div(&big(b)).unwrap();
            assert_eq!(got.to_bits(), *bits, "{a} / {b}");
        }
        let e = Int::ONE.true_div(&Int::ZERO).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::ZeroDivisionError, "division by zero")
        );
        let e = big(&"1".repeat(400)).true_div(&Int::ONE).unwrap_err();
        assert_eq!(e.msg, "integer division result too large for a float");
        assert_eq!(
            Int::ZERO.true_div(&Int::from(-3)).unwrap().to_bits(),
            (-0.0f64).to_bits()
        );
    }
}
