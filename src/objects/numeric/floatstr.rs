//! float <-> str: repr()/str() exactly as CPython (shortest round-trip digits placed by
//! Python's 'r' rules) and float(text) parsing with CPython's grammar and message.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::unicode::ctype::{is_ascii_space, transform_decimal_and_space_to_ascii};
use crate::objects::unicode::repr::repr_str;

/// The shortest decimal digits that round-trip to |x| (finite), and the decimal point
/// position: |x| = 0.DIGITS * 10**decpt. Zero gives ("0", 1).
pub fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's LowerExp without a precision prints the shortest round-trip digits, but
    // breaks an exact tie between two shortest candidates upward; CPython's dtoa takes
    // the even one.
    let s = format!("{:e}", x.abs());
    let (mut digits, decpt) = split_exp_form(&s);
    let last = *digits.as_bytes().last().expect("at least one digit");
    if last % 2 == 1 && is_exact_tie(x.abs(), &digits, decpt) {
        let lower = format!("{}{}", &digits[..digits.len() - 1], (last - 1) as char);
        let lower_value: f64 = format!("0.{lower}e{decpt}").parse().unwrap_or(f64::NAN);
        if lower_value == x.abs() {
            digits = lower;
        }
    }
    (digits, decpt)
}

/// Whether |x| is exactly 0.DIGITS * 10**decpt minus half a unit in the last digit.
fn is_exact_tie(x: f64, digits: &str, decpt: i32) -> bool {
    use num_bigint::BigInt;
    if x == 0.0 {
        return false;
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    // The half unit sits at 10**k; x has exactly -e fractional decimal digits.
    let k = i64::from(decpt) - digits.len() as i64 - 1;
    if e >= 0 && k < 0 {
        return false; // an integer is never half-way between two integers' digits
    }
    if e < 0 && -e != -k {
        return false;
    }
    let d: BigInt = digits.parse().expect("decimal digits");
    let t = d * 10 - 5; // the tie point is t * 10**k
    let ten = BigInt::from(10);
    let (mut lhs, mut rhs) = (BigInt::from(m), t);
    if e >= 0 {
        lhs <<= e as u64;
    } else {
        rhs <<= (-e) as u64;
    }
    if k >= 0 {
        rhs *= ten.pow(k as u32);
    } else {
        lhs *= ten.pow((-k) as u32);
    }
    lhs == rhs
}

/// Correctly rounded digits with `ndigits` significant digits (ndigits >= 1), half to
/// even on exact ties, and the decimal point position as in `shortest_digits`.
pub fn precision_digits(x: f64, ndigits: usize) -> (String, i32) {
    let s = format!("{:.*e}", ndigits - 1, x.abs());
    split_exp_form(&s)
}

/// `x` with exactly `places` digits after the point (no sign: |x| is written),
/// correctly rounded, ties to even, as '%.*f' gives it: computed exactly in 128-bit
/// integers (`scaled_round`) into `buf`. None when that declines (the caller asks the
/// general path).
pub fn fixed_places(x: f64, places: usize, buf: &mut [u8; 64]) -> Option<&str> {
    let n = super::float::scaled_round(x, u32::try_from(places).ok()?)?;
    // The digits of n right-aligned, with at least one before the point.
    let mut digits = [b'0'; 40];
    let mut at = digits.len();
    let mut v = n;
    while v > u128::from(u64::MAX) {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    // The rest in 64-bit arithmetic (a 128-bit division is a library call).
    let mut v = v as u64;
    while v != 0 {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    let len = (digits.len() - at).max(places + 1);
    let digits = &digits[digits.len() - len..];
    let int_len = len - places;
    buf[..int_len].copy_from_slice(&digits[..int_len]);
    let mut end = int_len;
    if places > 0 {
        buf[end] = b'.';
        buf[end + 1..end + 1 + places].copy_from_slice(&digits[int_len..]);
        end += 1 + places;
    }
    Some(std::str::from_utf8(&buf[..end]).expect("ASCII digits"))
}

/// Splits Rust's "d.ddde-5" into ("dddd", decpt).
fn split_exp_form(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').expect("LowerExp always has an exponent");
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().expect("exponent is an integer");
    (digits, exp + 1)
}

/// repr of a NaN or an infinity ('nan', 'inf', '-inf'); None for a finite x.
pub fn non_finite_repr(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("nan")
    } else if x.is_infinite() {
        Some(if x > 0.0 { "inf" } else { "-inf" })
    } else {
        None
    }
}

/// repr(x) and str(x).
pub fn float_repr(x: f64) -> String {
    if let Some(s) = non_finite_repr(x) {
        return s.into();
    }
    let (digits, decpt) = shortest_digits(x);
    let mut out = String::with_capacity(digits.len() + 8);
    if x.is_sign_negative() {
        out.push('-');
    }
    let n = digits.len() as i32;
    if decpt <= -4 || decpt > 16 {
        // Exponent form: d[.ddd]e+XX, at least two exponent digits, no '.0'.
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        out.push_str(&format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else if decpt >= n {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (decpt - n) as usize));
        out.push_str(".0");
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

fn could_not_convert(original: &str) -> PyErr {
    PyErr::new(
        ExcKind::ValueError,
        format!("could not convert string to float: {}", repr_str(original)),
    )
}

/// float(text): surrounding whitespace, sign, 'inf'/'infinity'/'nan' in any case,
/// decimal digits with single underscores between digits, Unicode digits.
pub fn float_from_str(text: &str) -> PyResult<f64> {
    let ascii = transform_decimal_and_space_to_ascii(text);
    let mut s = ascii.as_bytes();
    let err = || could_not_convert(text);
    // Underscores: each must sit between two digits; then they are dropped.
    let cleaned: Vec<u8>;
    if s.contains(&b'_') {
        for (i, &c) in s.iter().enumerate() {
            if c == b'_' {
                let before = i > 0 && s[i - 1].is_ascii_digit();
                let after = s.get(i + 1).is_some_and(|b| b.is_ascii_digit());
                if !(before && after) {
                    return Err(err());
                }
            }
        }
        cleaned = s.iter().copied().filter(|&c| c != b'_').collect();
        s = &cleaned;
    }
    while let [first, rest @ ..] = s {
        if !is_ascii_space(*first) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., last] = s {
        if !is_ascii_space(*last) {
            break;
        }
        s = rest;
    }
    if !valid_float_syntax(s) {
        return Err(err());
    }
    // The syntax is validated; Rust's parser rounds correctly and knows inf/nan.
    let body = std::str::from_utf8(s).map_err(|_| err())?;
    body.parse::<f64>().map_err(|_| err())
}

/// CPython's _PyOS_ascii_strtod grammar, whole string.
fn valid_float_syntax(s: &[u8]) -> bool {
    let s = match s.first() {
        Some(b'+' | b'-') => &s[1..],
        _ => s,
    };
    let lower = s.to_ascii_lowercase();
    if lower == b"inf" || lower == b"infinity" || lower == b"nan" {
        return true;
    }
    let mut i = 0;
    let int_digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if s.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    // From python3 3.11 (scripts/numeric/float_repr.py): (bits, repr(x)).
    #[test]
    fn repr_matches_cpython() {
        let cases: &[(u64, &str)] = &include!("testdata/float_repr.in");
        for (bits, want) in cases {
            assert_eq!(float_repr(f64::from_bits(*bits)), *want);
        }
    }

    // fixed_places against core's exact formatting (correctly rounded, ties to even,
    // as '%.*f'): exact ties, halves, tiny and huge values, and pseudo-random bits.
    #[test]
    fn fixed_places_matches_exact_formatting() {
        let mut xs = vec![
            0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            2.675,
            1.005,
            5e-324,
            1e-300,
            1e-7,
            0.015,
            9.995,
            1e15,
            1e16,
            1e22,
            1e23,
            4.5e15,
            123456789.125,
            1.7976931348623157e308,
        ];
        let mut s: u64 = 12345;
        for _ in 0..4000 {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Exponents around the point, where the digits are: 2**-80 .. 2**80.
            let exp = 1023 - 80 + (s >> 56) % 160;
            xs.push(f64::from_bits(exp << 52 | (s >> 12)));
        }
        let mut buf = [0u8; 64];
        for x in xs {
            for places in [0, 1, 2, 3, 6, 10, 17, 22] {
                let want = format!("{:.*}", places, x);
                match fixed_places(x, places, &mut buf) {
                    Some(got) => assert_eq!(got, want, "{x:e} .{places}f"),
                    // Declined only past 128 bits: |x| * 10**places >= 2**127.
                    None => assert!(
                        x.abs() * 10f64.powi(places as i32) >= 2f64.powi(126),
                        "{x:e} .{places}f declined"
                    ),
                }
            }
        }
        assert_eq!(fixed_places(f64::NAN, 2, &mut buf), None);
        assert_eq!(fixed_places(1.0, 23, &mut buf), None);
    }

    // From python3 3.11 (scripts/numeric/float_parse.py): (text, bits of float(text) or
    // the error message).
    #[test]
    fn parse_matches_cpython() {
        let cases: &[(&str, &str)] = &include!("testdata/float_parse.in");
        for (text, want) in cases {
            let got = match float_from_str(text) {
                Ok(f) if f.is_nan() => "nan".to_string(),
                Ok(f) => f.to_bits().to_string(),
                Err(e) => e.msg,
            };
            assert_eq!(got, *want, "float({text:?})");
        }
    }

    // python3 3.11: float's message quotes the whole repr (%R, not int()'s %.200R):
    // len(str(e)) for float('1' * 300 + 'x') is 338; float('\u0378x') quotes '\u0378x'.
    #[test]
    fn parse_messages_quote_the_full_repr() {
        let long = format!("{}x", "1".repeat(300));
        assert_eq!(float_from_str(&long).unwrap_err().msg.chars().count(), 338);
        let e = float_from_str("\u{378}x").unwrap_err();
        assert_eq!(e.msg, r"could not convert string to float: '\u0378x'");
    }
}
