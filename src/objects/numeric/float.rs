//! float arithmetic with Python semantics: / // % divmod ** (CPython's float_pow special
//! cases and messages), round() with and without ndigits, is_integer,
//! as_integer_ratio and hex.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::One;

use super::floatstr::non_finite_repr;
use super::int::Int;
use crate::error::{ExcKind, PyErr, PyResult};

/// The result of float ** float: a float, or a negative base raised to a non-integral
/// power, which Python answers with a complex number (the caller decides).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    Float(f64),
    Complex,
}

fn zero_div(msg: &str) -> PyErr {
    PyErr::new(ExcKind::ZeroDivisionError, msg)
}

/// x / y.
#[inline]
pub fn float_div(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(zero_div("float division by zero"));
    }
    Ok(x / y)
}

/// x % y, with the sign of y (CPython's float_rem).
pub fn float_mod(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(zero_div("float modulo"));
    }
    Ok(mod_nonzero(x, y))
}

fn mod_nonzero(x: f64, y: f64) -> f64 {
    let m = x % y; // C fmod
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// (x // y, x % y) without the zero check (CPython's _float_div_mod).
fn div_mod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// x // y.
pub fn float_floordiv(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(zero_div("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// divmod(x, y).
pub fn float_divmod(x: f64, y: f64) -> PyResult<(f64, f64)> {
    if y == 0.0 {
        return Err(zero_div("float divmod()"));
    }
    Ok(div_mod(x, y))
}

fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// x ** y with CPython's float_pow rules (C99 Annex F special cases, then libm pow).
pub fn float_pow(x: f64, y: f64) -> PyResult<FloatPow> {
    use FloatPow::Float;
    if y == 0.0 {
        return Ok(Float(1.0));
    }
    if x.is_nan() {
        return Ok(Float(x));
    }
    if y.is_nan() {
        return Ok(Float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Float(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            y.abs()
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(Float(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(Float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Ok(FloatPow::Complex);
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        // libm sets errno = ERANGE; CPython reports it as an OSError-style tuple.
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(Float(if negate { -r } else { r }))
}

/// round(x): nearest integer, ties to even, as an int.
pub fn float_round(x: f64) -> PyResult<Int> {
    Int::from_f64(x.round_ties_even())
}

/// Decimal places past which round(x, n) returns x (CPython's NDIGITS_MAX).
const NDIGITS_MAX: i64 = 323;
/// Decimal places below which round(x, n) returns 0.0 * x (CPython's NDIGITS_MIN).
const NDIGITS_MIN: i64 = -308;

/// round(x, ndigits), correctly rounded through the exact decimal value (as CPython's
/// double_round with _Py_dg_dtoa mode 3): ties go to even.
pub fn float_round_ndigits(x: f64, ndigits: &Int) -> PyResult<f64> {
    if !x.is_finite() {
        return Ok(x);
    }
    // CPython clamps ndigits to a Py_ssize_t first.
    let nd = match ndigits.to_i64() {
        Some(n) => n,
        None if ndigits.is_negative() => i64::MIN,
        None => i64::MAX,
    };
    if nd > NDIGITS_MAX {
        return Ok(x);
    }
    if nd < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    // The usual ndigits (0..=22) with a result inside 128 bits: no big integers.
    if let Some(q) = u32::try_from(nd).ok().and_then(|p| scaled_round(x, p)) {
        // q below 2**53 and 10**nd (nd <= 22) are exact doubles, so their quotient,
        // rounded once by the division, is the nearest double to q * 10**-nd: what
        // parsing the decimal text gives, without the text.
        if q <= 1 << 53 {
            if let Some(p) = EXACT_POWERS_OF_TEN.get(nd as usize) {
                let r = q as f64 / p;
                return Ok(if x < 0.0 { -r } else { r });
            }
        }
        let rounded: f64 = format!("{sign}{q}e{}", -nd)
            .parse()
            .expect("digits and exponent form a valid float");
        return Ok(rounded);
    }
    // |x| = m * 2**e exactly.
    let (m, e) = decompose(x.abs());
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    let ten = BigInt::from(10);
    if nd >= 0 {
        num *= ten.pow(nd as u32);
    } else {
        den *= ten.pow((-nd) as u32);
    }
    let (q, r) = num.div_rem(&den);
    let twice: BigInt = r << 1u32;
    let q = if twice > den || (twice == den && q.is_odd()) {
        q + 1
    } else {
        q
    };
    let text = format!("{sign}{q}e{}", -nd);
    let rounded: f64 = text
        .parse()
        .expect("digits and exponent form a valid float");
    if rounded.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "rounded value too large to represent",
        ));
    }
    Ok(rounded)
}

/// 10**0 ..= 10**22: the powers of ten a double holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// |x| * 10**places rounded to an integer, ties to even, computed exactly in 128 bits
/// (|x| = m * 2**e); None for a non-finite x, places > 22, or a result of 2**127 or
/// more (the callers' big-integer paths take those).
pub(crate) fn scaled_round(x: f64, places: u32) -> Option<u128> {
    if !x.is_finite() || places > 22 {
        return None;
    }
    let (m, e) = decompose(x.abs());
    // 10**22 * 2**53 < 2**127: the product fits.
    let scaled = u128::from(m) * 10u128.pow(places);
    if e >= 0 {
        if e > 127 || i64::from(scaled.leading_zeros()) <= e {
            return None;
        }
        return Some(scaled << e);
    }
    let k = e.unsigned_abs();
    if k >= 128 {
        return Some(0); // below 2**127 / 2**128: less than half of one
    }
    let (q, r) = (scaled >> k, scaled & ((1u128 << k) - 1));
    let half = 1u128 << (k - 1);
    Some(if r > half || (r == half && q & 1 == 1) {
        q + 1
    } else {
        q
    })
}

/// Splits a finite positive float into (m, e) with value m * 2**e, m < 2**53.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

/// float.is_integer().
#[inline]
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// float.as_integer_ratio(): the lowest-terms fraction with a positive denominator.
pub fn float_as_integer_ratio(x: f64) -> PyResult<(Int, Int)> {
    if x.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "cannot convert NaN to integer ratio",
        ));
    }
    if x == 0.0 {
        return Ok((Int::ZERO, Int::ONE));
    }
    let (mut m, mut e) = decompose(x.abs());
    if e < 0 {
        let tz = i64::from(m.trailing_zeros()).min(-e);
        m >>= tz;
        e += tz;
    }
    let sm = if x < 0.0 { -(m as i64) } else { m as i64 };
    if e >= 0 {
        Ok((Int::from(sm).lshift(&Int::from(e))?, Int::ONE))
    } else {
        Ok((Int::from(sm), Int::ONE.lshift(&Int::from(-e))?))
    }
}

/// float.hex(): '0x1.<13 hex digits>p<exp>', subnormals as '0x0.<...>p-1022'.
pub fn float_hex(x: f64) -> String {
    if let Some(s) = non_finite_repr(x) {
        return s.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!("{sign}0x{lead}.{frac:013x}p{e:+}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits_or_err<T, F: Fn(T) -> u64>(r: PyResult<T>, f: F) -> Result<u64, String> {
        r.map(f).map_err(|e| e.msg)
    }

    // From python3 3.11 (scripts/numeric/float_ops.py): for x, y in FLOAT_PAIRS the bits
    // of x // y, x % y and x ** y (or the error message / 'complex').
    #[test]
    fn float_ops_match_cpython() {
        let cases: &[(f64, f64, &str, &str, &str)] = &include!("testdata/float_ops.in");
        let show = |r: Result<u64, String>| match r {
            Ok(b) => format!("{b}"),
            Err(m) => m,
        };
        for (x, y, fd, md, pw) in cases {
            let got_fd = show(bits_or_err(float_floordiv(*x, *y), f64::to_bits));
            let got_md = show(bits_or_err(float_mod(*x, *y), f64::to_bits));
            let got_pw = match float_pow(*x, *y) {
                Ok(FloatPow::Float(f)) => format!("{}", f.to_bits()),
                Ok(FloatPow::Complex) => "complex".into(),
                Err(e) => e.msg,
            };
            assert_eq!(
                (got_fd.as_str(), got_md.as_str(), got_pw.as_str()),
                (*fd, *md, *pw),
                "{x} {y}"
            );
            if *y != 0.0 {
                let (q, r) = float_divmod(*x, *y).unwrap();
                assert_eq!(
                    (q.to_bits().to_string(), r.to_bits().to_string()),
                    (fd.to_string(), md.to_string())
                );
            }
        }
        assert_eq!(float_divmod(1.0, 0.0).unwrap_err().msg, "float divmod()");
        assert_eq!(
            float_div(1.0, 0.0).unwrap_err().msg,
            "float division by zero"
        );
    }

    // From python3 3.11 (scripts/numeric/float_round.py): repr(round(x, n)).
    #[test]
    fn round_ndigits_matches_cpython() {
        let cases: &[(f64, i64, u64)] = &include!("testdata/float_round.in");
        for (x, n, want) in cases {
            let got = float_round_ndigits(*x, &Int::from(*n)).unwrap();
            assert_eq!(got.to_bits(), *want, "round({x:e}, {n})");
        }
        // python3: round(1.7e308, -308) -> OverflowError
        let e = float_round_ndigits(1.7e308, &Int::from(-308)).unwrap_err();
        assert_eq!(e.msg, "rounded value too large to represent");
    }

    #[test]
    fn round_no_ndigits() {
        // python3: [round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1e20)]
        let want = [0i64, 2, 2, 0, -2, 3];
        for (x, w) in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675].iter().zip(want) {
            assert_eq!(float_round(*x).unwrap(), Int::from(w));
        }
        assert_eq!(
            float_round(1e20).unwrap().to_string(),
            "100000000000000000000"
        );
        assert_eq!(
            float_round(f64::INFINITY).unwrap_err().msg,
            "cannot convert float infinity to integer"
        );
        assert_eq!(
            float_round(f64::NAN).unwrap_err().msg,
            "cannot convert float NaN to integer"
        );
    }

    #[test]
    fn ratio_hex_is_integer() {
        // python3: (1.5).as_integer_ratio(), (-0.1).as_integer_ratio(), (1e20).as_integer_ratio()
        let r = |x: f64| {
            let (a, b) = float_as_integer_ratio(x).unwrap();
            (a.to_string(), b.to_string())
        };
        assert_eq!(r(1.5), ("3".into(), "2".into()));
        assert_eq!(
            r(-0.1),
            ("-3602879701896397".into(), "36028797018963968".into())
        );
        assert_eq!(r(1e20), ("100000000000000000000".into(), "1".into()));
        assert_eq!(r(0.0), ("0".into(), "1".into()));
        assert_eq!(
            float_as_integer_ratio(f64::INFINITY).unwrap_err().msg,
            "cannot convert Infinity to integer ratio"
        );
        assert_eq!(
            float_as_integer_ratio(f64::NAN).unwrap_err().msg,
            "cannot convert NaN to integer ratio"
        );
        // python3: [x.hex() for x in (1.0, 0.5, 5e-324, -0.0, 0.1, inf, -2.5, 1e308)]
        let hexes = [
            (1.0, "0x1.0000000000000p+0"),
            (0.5, "0x1.0000000000000p-1"),
            (5e-324, "0x0.0000000000001p-1022"),
            (-0.0, "-0x0.0p+0"),
            (0.1, "0x1.999999999999ap-4"),
            (f64::INFINITY, "inf"),
            (-2.5, "-0x1.4000000000000p+1"),
            (1e308, "0x1.1ccf385ebc8a0p+1023"),
        ];
        for (x, h) in hexes {
            assert_eq!(float_hex(x), h);
        }
        assert!(
            float_is_integer(3.0) && !float_is_integer(3.5) && !float_is_integer(f64::INFINITY)
        );
    }
}
