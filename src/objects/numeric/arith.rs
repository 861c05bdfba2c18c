//! int arithmetic with Python semantics: + - * (std ops on `&Int`), floor division and
//! modulo, divmod, ** and three-argument pow, negation and abs.
//!
//! Every operation first tries i64 (checked), then i128 where the result is bounded,
//! and only then num-bigint: the small-value paths never allocate.

use std::ops::{Add, Mul, Neg, Sub};

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;

use super::int::Int;
use crate::error::{ExcKind, PyErr, PyResult};

/// Largest int glasspy will build, in bits (a 512 MiB int). CPython tries to allocate
/// whatever is asked and raises MemoryError when malloc fails; we raise it here.
pub const MAX_INT_BITS: u64 = 1 << 32;

/// MemoryError unless the heap's memory limit leaves room for a result of about
/// `bits` bits: the big-int library's number and the int object's digits, about
/// `bits / 4` bytes. The library allocates infallibly, so the room is asked for
/// before computing (results under 8 KiB are not asked for: an arena's worth of
/// overshoot at most, flagged as any small allocation is).
pub fn room_for_bits(bits: u64) -> PyResult<()> {
    if bits < 1 << 16 {
        return Ok(());
    }
    crate::objects::room::check(usize::try_from(bits / 4).unwrap_or(usize::MAX))
}

fn zero_div(msg: &str) -> PyErr {
    PyErr::new(ExcKind::ZeroDivisionError, msg)
}

/// The result of int ** int: an int, or a float when the exponent is negative.
#[derive(Clone, Debug, PartialEq)]
pub enum IntPow {
    Int(Int),
    Float(f64),
}

impl Add for &Int {
    type Output = Int;
    #[inline]
    fn add(self, rhs: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, rhs) {
            return match a.checked_add(*b) {
                Some(s) => Int::Small(s),
                None => Int::from_i128(*a as i128 + *b as i128),
            };
        }
        Int::from_bigint(&*self.big() + &*rhs.big())
    }
}

impl Sub for &Int {
    type Output = Int;
    #[inline]
    fn sub(self, rhs: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, rhs) {
            return match a.checked_sub(*b) {
                Some(s) => Int::Small(s),
                None => Int::from_i128(*a as i128 - *b as i128),
            };
        }
        Int::from_bigint(&*self.big() - &*rhs.big())
    }
}

impl Mul for &Int {
    type Output = Int;
    #[inline]
    fn mul(self, rhs: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, rhs) {
            return match a.checked_mul(*b) {
                Some(p) => Int::Small(p),
                None => Int::from_i128(*a as i128 * *b as i128),
            };
        }
        Int::from_bigint(&*self.big() * &*rhs.big())
    }
}

impl Neg for &Int {
    type Output = Int;
    #[inline]
    fn neg(self) -> Int {
        match self {
            Int::Small(a) => match a.checked_neg() {
                Some(n) => Int::Small(n),
                None => Int::from_i128(-(*a as i128)),
            },
            Int::Big(b) => Int::from_bigint(-b),
        }
    }
}

/// Floor quotient and remainder of two i64 (b != 0), None only for i64::MIN // -1.
#[inline]
fn small_divmod(a: i64, b: i64) -> Option<(i64, i64)> {
    let q = a.checked_div(b)?;
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

impl Int {
    /// abs(v).
    #[inline]
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            -self
        } else {
            self.clone()
        }
    }

    /// a // b, rounding toward minus infinity.
    pub fn floordiv(&self, rhs: &Int) -> PyResult<Int> {
        Ok(self
            .divmod_with(rhs, "integer division or modulo by zero")?
            .0)
    }

    /// a % b, with the sign of b.
    pub fn modulo(&self, rhs: &Int) -> PyResult<Int> {
        if let (Int::Small(a), Int::Small(b)) = (self, rhs) {
            if *b == 0 {
                return Err(zero_div("integer modulo by zero"));
            }
            // i64::MIN % -1 overflows in Rust; the remainder is 0.
            return Ok(Int::Small(small_divmod(*a, *b).map_or(0, |(_, r)| r)));
        }
        Ok(self.divmod_with(rhs, "integer modulo by zero")?.1)
    }

    /// divmod(a, b) = (a // b, a % b).
    pub fn divmod(&self, rhs: &Int) -> PyResult<(Int, Int)> {
        self.divmod_with(rhs, "integer division or modulo by zero")
    }

    fn divmod_with(&self, rhs: &Int, msg: &str) -> PyResult<(Int, Int)> {
        if rhs.is_zero() {
            return Err(zero_div(msg));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, rhs) {
            if let Some((q, r)) = small_divmod(*a, *b) {
                return Ok((Int::Small(q), Int::Small(r)));
            }
        }
        let (q, r) = self.big().div_mod_floor(&rhs.big());
        Ok((Int::from_bigint(q), Int::from_bigint(r)))
    }

    /// a ** b. A negative exponent gives a float, as CPython's long_pow does by
    /// converting both operands to float.
    pub fn pow(&self, exp: &Int) -> PyResult<IntPow> {
        if exp.is_negative() {
            let x = self.to_f64()?;
            let y = exp.to_f64()?;
            return match super::float::float_pow(x, y)? {
                super::float::FloatPow::Float(f) => Ok(IntPow::Float(f)),
                // An int base with an integral exponent is never complex.
                super::float::FloatPow::Complex => unreachable!("integral exponent"),
            };
        }
        Ok(IntPow::Int(self.pow_nonneg(exp)?))
    }

    /// a ** b for b >= 0.
    pub fn pow_nonneg(&self, exp: &Int) -> PyResult<Int> {
        debug_assert!(!exp.is_negative());
        // Bases whose powers stay bounded, for any exponent size.
        if let Int::Small(b @ -1..=1) = self {
            return Ok(Int::Small(match b {
                0 if exp.is_zero() => 1,
                0 => 0,
                1 => 1,
                _ => {
                    if exp.is_odd() {
                        -1
                    } else {
                        1
                    }
                }
            }));
        }
        let e = match exp.to_u64() {
            Some(e) if e <= u64::from(u32::MAX) => e as u32,
            _ => return Err(PyErr::memory()),
        };
        if let Int::Small(b) = self {
            if let Some(p) = b.checked_pow(e) {
                return Ok(Int::Small(p));
            }
            if let Some(p) = (*b as i128).checked_pow(e) {
                return Ok(Int::from_i128(p));
            }
        }
        // |a| >= 2: the result has at least (bits - 1) * e + 1 bits.
        let bits = (self.bit_length() - 1).saturating_mul(u64::from(e));
        if bits > MAX_INT_BITS {
            return Err(PyErr::memory());
        }
        room_for_bits(bits)?;
        Ok(Int::from_bigint(self.big().pow(e)))
    }

    /// pow(a, b, m) with CPython's rules: m != 0, result has the sign of m, a negative
    /// exponent uses the modular inverse of a.
    pub fn pow_mod(&self, exp: &Int, modulus: &Int) -> PyResult<Int> {
        if modulus.is_zero() {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "pow() 3rd argument cannot be 0",
            ));
        }
        let negative_output = modulus.is_negative();
        let m = modulus.abs();
        if m == Int::ONE {
            return Ok(Int::ZERO);
        }
        let mut base = self.modulo(&m)?;
        let mut e = exp.clone();
        if e.is_negative() {
            base = mod_inverse(&base, &m)?;
            e = -&e;
        }
        let z = match (&base, &e, &m) {
            (Int::Small(b), Int::Small(e), Int::Small(mm)) => {
                Int::Small(small_pow_mod(*b as u64, *e as u64, *mm as u64) as i64)
            }
            _ => Int::from_bigint(base.big().modpow(&e.big(), &m.big())),
        };
        if negative_output && !z.is_zero() {
            Ok(&z - &m)
        } else {
            Ok(z)
        }
    }
}

/// b**e mod m for 0 <= b < m < 2**63, by square-and-multiply in u128.
fn small_pow_mod(mut b: u64, mut e: u64, m: u64) -> u64 {
    let mm = u128::from(m);
    let mut r: u128 = 1;
    let mut bb = u128::from(b);
    while e > 0 {
        if e & 1 == 1 {
            r = r * bb % mm;
        }
        bb = bb * bb % mm;
        e >>= 1;
    }
    b = r as u64;
    b
}

/// The inverse of a modulo m (m > 1, 0 <= a < m), or CPython's ValueError.
fn mod_inverse(a: &Int, m: &Int) -> PyResult<Int> {
    let not_invertible = || {
        PyErr::new(
            ExcKind::ValueError,
            "base is not invertible for the given modulus",
        )
    };
    if let (Int::Small(a), Int::Small(m)) = (a, m) {
        // Extended Euclid in i128: coefficients stay below m in magnitude.
        let (mut r0, mut r1) = (*m as i128, *a as i128);
        let (mut t0, mut t1) = (0i128, 1i128);
        while r1 != 0 {
            let q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if r0 != 1 {
            return Err(not_invertible());
        }
        return Ok(Int::from_i128(t0.rem_euclid(*m as i128)));
    }
    let (ab, mb): (BigUint, BigUint) = (a.big().magnitude().clone(), m.big().magnitude().clone());
    match ab.modinv(&mb) {
        Some(inv) => Ok(Int::from_bigint(BigInt::from_biguint(Sign::Plus, inv))),
        None => Err(not_invertible()),
    }
}

/// Rounds a to a multiple of 10**(-ndigits) for ndigits < 0, ties to even (round(int, n)).
pub fn round_int(a: &Int, ndigits: &Int) -> PyResult<Int> {
    if !ndigits.is_negative() {
        return Ok(a.clone());
    }
    // 10**k > |a| * 2 means the result is 0 (|a| < 10**k / 2).
    let k = match (-ndigits).to_u64() {
        Some(k) if k <= a.bit_length() / 3 + 2 => k as u32,
        _ => return Ok(Int::ZERO),
    };
    let p = Int::Small(10).pow_nonneg(&Int::Small(k.into()))?;
    let (q, r) = a.divmod(&p)?;
    // Compare 2r with p; on a tie round to the even quotient.
    let twice = &r + &r;
    let up = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => q.is_odd(),
    };
    let q = if up { &q + &Int::ONE } else { q };
    Ok(&q * &p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::{One, Signed, Zero};

    pub(crate) fn samples() -> Vec<i128> {
        let mut v: Vec<i128> = vec![0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 255];
        for e in [15u32, 30, 31, 32, 60, 62, 63, 64] {
            for d in [-3i128, -1, 0, 1, 5] {
                v.push((1i128 << e) + d);
                v.push(-(1i128 << e) - d);
            }
        }
        v.push(i64::MIN as i128);
        v.push(i64::MAX as i128);
        v
    }

    fn floor_divmod(a: i128, b: i128) -> (i128, i128) {
        let (q, r) = (a.div_euclid(b), a.rem_euclid(b));
        // Euclid has r >= 0; Python's r takes b's sign.
        if b < 0 && r != 0 {
            (q - 1, r + b)
        } else {
            (q, r)
        }
    }

    #[test]
    fn ops_match_i128_oracle() {
        let s = samples();
        for &a in &s {
            for &b in &s {
                let (x, y) = (Int::from_i128(a), Int::from_i128(b));
                assert_eq!(&x + &y, Int::from_i128(a + b), "{a}+{b}");
                assert_eq!(&x - &y, Int::from_i128(a - b), "{a}-{b}");
                if let Some(p) = a.checked_mul(b) {
                    assert_eq!(&x * &y, Int::from_i128(p), "{a}*{b}");
                }
                assert_eq!(x.cmp(&y), a.cmp(&b));
                if b != 0 {
                    let (q, r) = floor_divmod(a, b);
                    assert_eq!(x.floordiv(&y).unwrap(), Int::from_i128(q), "{a}//{b}");
                    assert_eq!(x.modulo(&y).unwrap(), Int::from_i128(r), "{a}%{b}");
                    let (dq, dr) = x.divmod(&y).unwrap();
                    assert_eq!((dq, dr), (Int::from_i128(q), Int::from_i128(r)));
                }
            }
            assert_eq!(-&Int::from_i128(a), Int::from_i128(-a));
            assert_eq!(Int::from_i128(a).abs(), Int::from_i128(a.abs()));
        }
    }

    #[test]
    fn division_by_zero_messages() {
        // Messages from python3 3.11: 5 % 0, 5 // 0, divmod(5, 0).
        let e = Int::from(5).modulo(&Int::ZERO).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::ZeroDivisionError, "integer modulo by zero")
        );
        let e = Int::from(5).floordiv(&Int::ZERO).unwrap_err();
        assert_eq!(e.msg, "integer division or modulo by zero");
        let e = Int::from(5).divmod(&Int::ZERO).unwrap_err();
        assert_eq!(e.msg, "integer division or modulo by zero");
    }

    #[test]
    fn pow_cases() {
        let p = |a: i64, b: i64| Int::from(a).pow(&Int::from(b)).unwrap();
        assert_eq!(p(2, 10), IntPow::Int(Int::from(1024)));
        assert_eq!(p(-3, 3), IntPow::Int(Int::from(-27)));
        assert_eq!(p(0, 0), IntPow::Int(Int::ONE));
        assert_eq!(p(2, -1), IntPow::Float(0.5));
        assert_eq!(p(-1, i64::MAX), IntPow::Int(Int::from(-1)));
        assert_eq!(
            p(2, 100),
            IntPow::Int(Int::from_bigint(BigInt::one() << 100u32))
        );
        for a in -20i128..=20 {
            for b in 0u32..40 {
                if let Some(want) = a.checked_pow(b) {
                    assert_eq!(p(a as i64, b as i64), IntPow::Int(Int::from_i128(want)));
                }
            }
        }
        // python3: 0 ** -1 -> ZeroDivisionError '0.0 cannot be raised to a negative power'
        let e = Int::ZERO.pow(&Int::from(-1)).unwrap_err();
        assert_eq!(e.msg, "0.0 cannot be raised to a negative power");
        // python3: 2 ** 10**10 -> MemoryError (raised here by the size cap)
        let e = Int::from(2).pow(&Int::from(10_000_000_000i64)).unwrap_err();
        assert_eq!(e.kind, ExcKind::MemoryError);
    }

    #[test]
    fn pow_mod_cases() {
        // Values from python3 3.11: pow(3, 200, 1000003), pow(3, -1, 7), pow(3, -1, -7),
        // pow(-2, 5, 7), pow(2, 5, -7), pow(2, 10**30, 10**20+39), pow(5, 0, 1)
        let pm = |a: Int, b: Int, m: Int| a.pow_mod(&b, &m);
        assert_eq!(
            pm(3.into(), 200.into(), 1000003.into()).unwrap(),
            Int::from(333986)
        );
        assert_eq!(pm(3.into(), (-1).into(), 7.into()).unwrap(), Int::from(5));
        assert_eq!(
            pm(3.into(), (-1).into(), (-7).into()).unwrap(),
            Int::from(-2)
        );
        assert_eq!(pm((-2).into(), 5.into(), 7.into()).unwrap(), Int::from(3));
        assert_eq!(pm(2.into(), 5.into(), (-7).into()).unwrap(), Int::from(-3));
        let big_e = Int::from_bigint(BigInt::from(10).pow(30));
        let big_m = Int::from_bigint(BigInt::from(10).pow(20) + 39);
        assert_eq!(
            pm(2.into(), big_e, big_m).unwrap().to_string(),
            "2897948064927857104"
        );
        assert_eq!(pm(5.into(), 0.into(), 1.into()).unwrap(), Int::ZERO);
        // python3: pow(3, -1, 10**20+39), pow(-7, -3, -(2**89-1)), pow(2**70, -1, 2**64+13)
        let p10 = Int::from_bigint(BigInt::from(10).pow(20u32) + 39);
        assert_eq!(
            pm(3.into(), (-1).into(), p10).unwrap().to_string(),
            "66666666666666666693"
        );
        let m89 = Int::from_bigint(-((BigInt::one() << 89u32) - BigInt::one()));
        assert_eq!(
            pm((-7).into(), (-3).into(), m89).unwrap().to_string(),
            "-407834473583813326716038009"
        );
        let b70 = Int::from_bigint(BigInt::one() << 70u32);
        let m64 = Int::from_bigint((BigInt::one() << 64u32) + 13);
        assert_eq!(
            pm(b70, (-1).into(), m64).unwrap().to_string(),
            "12881680657241886414"
        );
        let e = pm(2.into(), (-1).into(), 4.into()).unwrap_err();
        assert_eq!(e.msg, "base is not invertible for the given modulus");
        let e = pm(2.into(), 3.into(), 0.into()).unwrap_err();
        assert_eq!(e.msg, "pow() 3rd argument cannot be 0");
        // Cross-check the small path against BigInt::modpow.
        for a in [-5i64, 0, 3, 1 << 40, (1 << 62) + 1] {
            for e in [0i64, 1, 2, 31, 1000, 1 << 40] {
                for m in [2i64, 97, 1 << 31, (1 << 62) + 3, -(1 << 61) - 1] {
                    let got = pm(a.into(), e.into(), m.into()).unwrap();
                    let mm = BigInt::from(m);
                    let mut want = BigInt::from(a)
                        .mod_floor(&mm.abs())
                        .modpow(&BigInt::from(e), &mm.abs());
                    if m < 0 && !want.is_zero() {
                        want += &mm;
                    }
                    assert_eq!(got.to_bigint(), want, "pow({a},{e},{m})");
                }
            }
        }
    }

    #[test]
    fn round_int_cases() {
        // From python3: [round(x, n) for x, n in ((1234, -2), (1250, -2), (1350, -2),
        //   (-1250, -2), (-1251, -2), (5, -1), (15, -1), (49, -2), (12, 3), (7, -100))]
        let cases = [
            (1234, -2, 1200),
            (1250, -2, 1200),
            (1350, -2, 1400),
            (-1250, -2, -1200),
            (-1251, -2, -1300),
            (5, -1, 0),
            (15, -1, 20),
            (49, -2, 0),
            (12, 3, 12),
            (7, -100, 0),
        ];
        for (x, n, want) in cases {
            assert_eq!(
                round_int(&Int::from(x), &Int::from(n)).unwrap(),
                Int::from(want),
                "round({x}, {n})"
            );
        }
    }
}
