//! int <-> str: int(text, base) parsing exactly as CPython's PyLong_FromString, decimal
//! output, hex/oct/bin, and CPython 3.11's limit on decimal digits (4300 by default).
//!
//! The limit is per thread (`set_int_max_str_digits`), like sys.set_int_max_str_digits
//! for an interpreter that runs on one thread: 0 means unlimited, else it is >= 640.

use std::cell::Cell;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};

use super::int::Int;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::unicode::ctype::{is_ascii_space, transform_decimal_and_space_to_ascii};
use crate::objects::unicode::repr::repr_str_200;

/// sys.int_info.default_max_str_digits.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// sys.int_info.str_digits_check_threshold: the smallest non-zero limit, and the size
/// below which no check is made.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

thread_local! {
    static MAX_STR_DIGITS: Cell<usize> = const { Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

/// sys.get_int_max_str_digits().
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|c| c.get())
}

/// sys.set_int_max_str_digits(maxdigits).
pub fn set_int_max_str_digits(maxdigits: &Int) -> PyResult<()> {
    match maxdigits.to_i64() {
        Some(0) => MAX_STR_DIGITS.with(|c| c.set(0)),
        Some(n) if n >= MAX_STR_DIGITS_THRESHOLD as i64 => {
            MAX_STR_DIGITS.with(|c| c.set(usize::try_from(n).unwrap_or(usize::MAX)))
        }
        // Larger than i64: CPython takes it as a C int and fails with OverflowError.
        None if !maxdigits.is_negative() => {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
        _ => {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "maxdigits must be 0 or larger than 640",
            ))
        }
    }
    Ok(())
}

fn invalid_literal(base: u32, original: &str) -> PyErr {
    PyErr::new(
        ExcKind::ValueError,
        format!(
            "invalid literal for int() with base {base}: {}",
            repr_str_200(original)
        ),
    )
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

/// int(text, base). `base` is 0 (guess from the prefix, as a literal) or 2..=36.
pub fn int_from_str(text: &str, base: i64) -> PyResult<Int> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    let orig_base = base as u32;
    let ascii = transform_decimal_and_space_to_ascii(text);
    let s = ascii.as_bytes();
    let err = || invalid_literal(orig_base, text);
    let mut i = 0;
    while i < s.len() && is_ascii_space(s[i]) {
        i += 1;
    }
    let negative = match s.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let at = |k: usize| s.get(k).copied().unwrap_or(0).to_ascii_lowercase();
    let mut base = orig_base;
    // With base 0, a leading '0' not followed by a prefix allows only zeros.
    let mut only_zeros = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    only_zeros = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && ((base == 16 && at(i + 1) == b'x')
            || (base == 8 && at(i + 1) == b'o')
            || (base == 2 && at(i + 1) == b'b'))
    {
        i += 2;
        // One underscore is allowed right after the prefix.
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(err());
    }
    // Scan the digits: underscores only singly between digits.
    let start = i;
    let mut ndigits = 0usize;
    let mut prev_underscore = false;
    let mut has_underscore = false;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            if prev_underscore {
                return Err(err());
            }
            prev_underscore = true;
            has_underscore = true;
        } else if digit_value(c) < base {
            prev_underscore = false;
            ndigits += 1;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore || ndigits == 0 {
        return Err(err());
    }
    let end = i;
    // CPython checks the digit limit before looking at what follows the digits.
    if !base.is_power_of_two() && ndigits > MAX_STR_DIGITS_THRESHOLD {
        let limit = int_max_str_digits();
        if limit > 0 && ndigits > limit {
            return Err(PyErr::new(
                ExcKind::ValueError,
                format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: \
                     value has {ndigits} digits; use sys.set_int_max_str_digits() \
                     to increase the limit"
                ),
            ));
        }
    }
    while i < s.len() && is_ascii_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(err());
    }
    let digits = &s[start..end];
    if only_zeros && digits.iter().any(|&c| c != b'0' && c != b'_') {
        return Err(err());
    }
    let value: Vec<u8>;
    let digits = if has_underscore {
        value = digits.iter().copied().filter(|&c| c != b'_').collect();
        &value[..]
    } else {
        digits
    };
    let mag = digits_to_int(digits, base);
    Ok(if negative { -&mag } else { mag })
}

/// Converts ASCII digits (all valid in `base`) to a non-negative Int.
fn digits_to_int(digits: &[u8], base: u32) -> Int {
    // Fast path: accumulate in u64 while it cannot overflow.
    let mut acc: u64 = 0;
    let mut fits = true;
    for &c in digits {
        match acc
            .checked_mul(u64::from(base))
            .and_then(|v| v.checked_add(u64::from(digit_value(c))))
        {
            Some(v) => acc = v,
            None => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        return Int::from(acc);
    }
    let vals: Vec<u8> = digits.iter().map(|&c| digit_value(c) as u8).collect();
    let mag = if base.is_power_of_two() || vals.len() < DC_THRESHOLD {
        BigUint::from_radix_be(&vals, base).expect("digits were validated")
    } else {
        from_radix_divide_and_conquer(&vals, base)
    };
    Int::from_bigint(BigInt::from_biguint(Sign::Plus, mag))
}

/// Below this many digits num-bigint's quadratic conversion is faster.
const DC_THRESHOLD: usize = 2000;

/// Sub-quadratic parsing: chunks of k digits become u64 leaves, then adjacent values are
/// combined level by level (hi * base**(k * 2**level) + lo), so the big multiplications
/// are balanced and use num-bigint's Karatsuba/Toom-3. Iterative: no recursion.
fn from_radix_divide_and_conquer(vals: &[u8], base: u32) -> BigUint {
    // Largest k with base**k < 2**64.
    let mut k = 1usize;
    let mut pow: u64 = u64::from(base);
    while let Some(next) = pow.checked_mul(u64::from(base)) {
        pow = next;
        k += 1;
    }
    // Leaves from the least significant end: all but the last hold exactly k digits.
    let mut level: Vec<BigUint> = vals
        .rchunks(k)
        .map(|chunk| {
            let v = chunk
                .iter()
                .fold(0u64, |acc, &d| acc * u64::from(base) + u64::from(d));
            BigUint::from(v)
        })
        .collect();
    let mut scale = BigUint::from(pow); // base ** (digits per full node)
    while level.len() > 1 {
        let mut next = Vec::with_capacity(level.len().div_ceil(2));
        let mut it = level.into_iter();
        while let Some(lo) = it.next() {
            match it.next() {
                Some(hi) => next.push(hi * &scale + lo),
                None => next.push(lo),
            }
        }
        level = next;
        if level.len() > 1 {
            scale = &scale * &scale;
        }
    }
    level.pop().unwrap_or_default()
}

fn str_limit_error(limit: usize) -> PyErr {
    PyErr::new(
        ExcKind::ValueError,
        format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ),
    )
}

/// The decimal digits of `m`, written right-aligned into `buf` (no allocation).
pub fn u64_digits(mut m: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    &buf[at..]
}

/// str(v) / repr(v): decimal digits, subject to the digit limit.
pub fn int_to_decimal(v: &Int) -> PyResult<String> {
    match v {
        Int::Small(i) => Ok(i.to_string()),
        Int::Big(b) => {
            let limit = int_max_str_digits();
            if limit > 0 {
                // 10**(d-1) <= |v| < 2**bits, so d >= (bits - 1) * log10(2) + 1.
                let min_digits = ((b.bits() - 1) as f64 * std::f64::consts::LOG10_2) as usize;
                if min_digits > limit {
                    return Err(str_limit_error(limit));
                }
            }
            let s = b.to_string();
            let ndigits = s.len() - usize::from(s.starts_with('-'));
            if limit > 0 && ndigits > limit {
                return Err(str_limit_error(limit));
            }
            Ok(s)
        }
    }
}

/// hex(v), oct(v), bin(v): '0x' / '0o' / '0b' after the sign. `base` is 2, 8 or 16.
pub fn int_to_prefixed(v: &Int, base: u32) -> String {
    let sign = if v.is_negative() { "-" } else { "" };
    let body = match v {
        Int::Small(i) => radix_text(i.unsigned_abs(), base),
        Int::Big(b) => radix_text(b.magnitude(), base),
    };
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    format!("{sign}{prefix}{body}")
}

/// A magnitude's digits in base 2, 8 or 16 (lowercase, no prefix).
fn radix_text<M: fmt::Binary + fmt::Octal + fmt::LowerHex>(m: M, base: u32) -> String {
    match base {
        2 => format!("{m:b}"),
        8 => format!("{m:o}"),
        _ => format!("{m:x}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(r: PyResult<Int>) -> String {
        match r {
            Ok(v) => v.to_string(),
            Err(e) => format!("{:?}: {}", e.kind, e.msg),
        }
    }

    // From python3 3.11 (scripts/numeric/int_parse.py): (text, base, result or error).
    #[test]
    fn parse_matches_cpython() {
        let cases: &[(&str, i64, &str)] = &include!("testdata/int_parse.in");
        for (text, base, want) in cases {
            assert_eq!(
                show(int_from_str(text, *base)),
                *want,
                "int({text:?}, {base})"
            );
        }
    }

    #[test]
    fn digit_limit() {
        // Messages from python3 3.11: int('1'*5000), int('1_'*4400+'1'), str(10**5000).
        assert_eq!(
            show(int_from_str(&"1".repeat(5000), 10)),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: \
             value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        let mut under = "1_".repeat(4400);
        under.push('1');
        assert!(show(int_from_str(&under, 10)).contains("value has 4401 digits;"));
        let big = int_from_str(&"9".repeat(4300), 10).unwrap();
        assert_eq!(int_to_decimal(&big).unwrap(), "9".repeat(4300));
        let bigger = &big * &Int::from(10);
        assert_eq!(
            int_to_decimal(&bigger).unwrap_err().msg,
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        let huge = Int::from(10).pow_nonneg(&Int::from(100_000)).unwrap();
        assert_eq!(int_to_decimal(&huge).unwrap_err().kind, ExcKind::ValueError);
        // The power-of-two bases are never limited.
        assert_eq!(
            int_from_str(&"f".repeat(5000), 16).unwrap().bit_length(),
            20000
        );
        // sys.set_int_max_str_digits semantics (messages from python3).
        assert_eq!(
            set_int_max_str_digits(&Int::from(5)).unwrap_err().msg,
            "maxdigits must be 0 or larger than 640"
        );
        set_int_max_str_digits(&Int::ZERO).unwrap();
        let long = int_from_str(&"7".repeat(20000), 10).unwrap();
        assert_eq!(int_to_decimal(&long).unwrap(), "7".repeat(20000));
        set_int_max_str_digits(&Int::from(640)).unwrap();
        assert!(int_from_str(&"7".repeat(641), 10).is_err());
        set_int_max_str_digits(&Int::from(4300)).unwrap();
    }

    #[test]
    fn divide_and_conquer_matches_num_bigint() {
        for n in [2000usize, 2001, 5003, 12345] {
            let text: String = (0..n)
                .map(|i| (b'0' + ((i * 7 + i / 3) % 10) as u8) as char)
                .collect();
            let vals: Vec<u8> = text.bytes().map(|c| c - b'0').collect();
            let want = BigUint::from_radix_be(&vals, 10).unwrap();
            assert_eq!(from_radix_divide_and_conquer(&vals, 10), want, "{n}");
            let vals7: Vec<u8> = vals.iter().map(|d| d % 7).collect();
            let want7 = BigUint::from_radix_be(&vals7, 7).unwrap();
            assert_eq!(from_radix_divide_and_conquer(&vals7, 7), want7);
        }
    }

    #[test]
    fn prefixed_forms() {
        // From python3: hex(-31), oct(8), bin(-5), hex(0), hex(2**70), bin(-2**63)
        let cases = [
            (Int::from(-31), 16, "-0x1f"),
            (Int::from(8), 8, "0o10"),
            (Int::from(-5), 2, "-0b101"),
            (Int::ZERO, 16, "0x0"),
            (
                Int::ONE.lshift(&Int::from(70)).unwrap(),
                16,
                "0x400000000000000000",
            ),
            (
                Int::Small(i64::MIN),
                2,
                "-0b1000000000000000000000000000000000000000000000000000000000000000",
            ),
        ];
        for (v, b, want) in cases {
            assert_eq!(int_to_prefixed(&v, b), want);
        }
    }
}
