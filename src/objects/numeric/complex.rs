//! Complex numbers without objects: CPython 3.11's arithmetic (Smith's division, the
//! power by repeated squaring for small integral exponents), abs, hash, repr, format
//! and complex(text) parsing, with CPython's results and messages.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::format_spec::{parse_format_spec, unknown_format_code, FormatSpec};

use super::floatstr::non_finite_repr;
use super::format::{double_to_string, fill_number};
use super::hash::hash_float;

/// A complex value (real, imag).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}

impl C {
    pub const fn new(re: f64, im: f64) -> C {
        C { re, im }
    }
}

fn zero_div(msg: &str) -> PyErr {
    PyErr::new(ExcKind::ZeroDivisionError, msg)
}

pub fn add(a: C, b: C) -> C {
    C::new(a.re + b.re, a.im + b.im)
}

pub fn sub(a: C, b: C) -> C {
    C::new(a.re - b.re, a.im - b.im)
}

pub fn neg(a: C) -> C {
    C::new(-a.re, -a.im)
}

pub fn mul(a: C, b: C) -> C {
    C::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// a / b by Smith's method (scale by the larger part of b); None for b == 0.
pub fn quot(a: C, b: C) -> Option<C> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(C::new(
            (a.re + a.im * ratio) / denom,
            (a.im - a.re * ratio) / denom,
        ))
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(C::new(
            (a.re * ratio + a.im) / denom,
            (a.im * ratio - a.re) / denom,
        ))
    } else {
        // A NaN in b.
        Some(C::new(f64::NAN, f64::NAN))
    }
}

/// a / b with CPython's error.
pub fn div(a: C, b: C) -> PyResult<C> {
    quot(a, b).ok_or_else(|| zero_div("complex division by zero"))
}

/// x ** n for n >= 0, by repeated squaring from the low bit up.
fn powu(x: C, n: u64) -> C {
    let mut r = C::new(1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

/// a ** b for any complex exponent (polar form); None for 0 to a negative or complex
/// power.
fn pow_general(a: C, b: C) -> Option<C> {
    if b.re == 0.0 && b.im == 0.0 {
        return Some(C::new(1.0, 0.0));
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return None;
        }
        return Some(C::new(0.0, 0.0));
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Some(C::new(len * phase.cos(), len * phase.sin()))
}

/// a ** b as CPython's complex_pow: integral exponents up to 100 in magnitude by
/// repeated multiplication, others in polar form.
pub fn pow(a: C, b: C) -> PyResult<C> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n >= 0 {
            Some(powu(a, n as u64))
        } else {
            quot(C::new(1.0, 0.0), powu(a, n.unsigned_abs()))
        }
    } else {
        pow_general(a, b)
    };
    let Some(r) = r else {
        return Err(zero_div("0.0 to a negative or complex power"));
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(PyErr::new(ExcKind::OverflowError, "complex exponentiation"));
    }
    Ok(r)
}

/// abs(z): hypot, infinite if either part is, OverflowError when a finite z
/// overflows.
pub fn abs(z: C) -> PyResult<f64> {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() || z.im.is_infinite() {
            return Ok(f64::INFINITY);
        }
        return Ok(f64::NAN);
    }
    let r = z.re.hypot(z.im);
    if r.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "absolute value too large",
        ));
    }
    Ok(r)
}

/// hash(z): hash(re) + 1000003 * hash(im), wrapping; `identity` for NaN parts.
pub fn hash(z: C, identity: usize) -> i64 {
    let hr = hash_float(z.re, identity) as u64;
    let hi = hash_float(z.im, identity) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A part of a repr: the shortest repr digits without a forced '.0'.
fn part(x: f64, sign: bool) -> String {
    let s = match non_finite_repr(x) {
        // The sign of a NaN is not shown.
        Some(_) if x.is_nan() => "nan".to_string(),
        _ => double_to_string(x, 'r', 0, false, false, false),
    };
    if sign && !s.starts_with('-') {
        format!("+{s}")
    } else {
        s
    }
}

/// repr(z) and str(z): `1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`.
pub fn repr(z: C) -> String {
    if z.re == 0.0 && z.re.is_sign_positive() {
        return format!("{}j", part(z.im, false));
    }
    format!("({}{}j)", part(z.re, false), part(z.im, true))
}

/// One part of a formatted complex: sign, grouping and digits, no padding.
fn format_part(x: f64, ty: char, precision: usize, f: &FormatSpec) -> PyResult<String> {
    let text = if x.is_nan() {
        "nan".to_string()
    } else {
        double_to_string(x, ty, precision, false, f.alternate, f.no_neg_0)
    };
    let text = if ty.is_ascii_uppercase() && x.is_nan() {
        text.to_uppercase()
    } else {
        text
    };
    let negative = text.starts_with('-');
    let body = if negative { &text[1..] } else { &text[..] };
    let n_lead = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, remainder) = body.split_at(n_lead);
    let unpadded = FormatSpec {
        fill: ' ',
        align: '<',
        width: None,
        ..f.clone()
    };
    fill_number(&unpadded, negative, "", digits, remainder, 3)
}

/// format(z, spec) as CPython's format_complex_internal.
pub fn format(z: C, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(repr(z));
    }
    let f = parse_format_spec(spec, "complex", None, '>')?;
    if f.fill == '0' {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == '=' {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (mut ty, mut default_precision) = (f.ty.unwrap_or('\0'), 6);
    let (mut skip_re, mut add_parens) = (false, false);
    match ty {
        '\0' => {
            ty = 'r';
            default_precision = 0;
            if z.re == 0.0 && z.re.is_sign_positive() {
                skip_re = true;
            } else {
                add_parens = true;
            }
        }
        'n' => ty = 'g',
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {}
        c => return Err(unknown_format_code(c, "complex")),
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let re = format_part(z.re, ty, precision, &f)?;
    let im_spec = FormatSpec {
        sign: if skip_re { f.sign } else { Some('+') },
        ..f.clone()
    };
    let im = format_part(z.im, ty, precision, &im_spec)?;
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&re);
    }
    body.push_str(&im);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let n = body.chars().count();
    let width = f.width.unwrap_or(0);
    if n >= width {
        return Ok(body);
    }
    let pad = width - n;
    let (l, r) = match f.align {
        '<' => (0, pad),
        '^' => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let fill = |k: usize| std::iter::repeat_n(f.fill, k).collect::<String>();
    Ok(format!("{}{body}{}", fill(l), fill(r)))
}

fn malformed() -> PyErr {
    PyErr::new(ExcKind::ValueError, "complex() arg is a malformed string")
}

/// The longest prefix of `s` that is a float as _PyOS_ascii_strtod reads it
/// (sign, digits with a point and exponent, inf / infinity / nan): its value and
/// length; None when no float starts here.
fn strtod_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    let special = if lower.starts_with(b"infinity") {
        Some((f64::INFINITY, 8))
    } else if lower.starts_with(b"inf") {
        Some((f64::INFINITY, 3))
    } else if lower.starts_with(b"nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((v, n)) = special {
        let v = if s[0] == b'-' { -v } else { v };
        return Some((v, i + n));
    }
    let int_digits = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac = 0;
    if s.get(i) == Some(&b'.') {
        frac = s[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if int_digits + frac > 0 {
            i += 1 + frac;
        }
    }
    if int_digits + frac == 0 {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let ed = s[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        if ed > 0 {
            i = j + ed;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, i))
}

/// complex(text) for text already stripped of underscores and with Unicode digits and
/// spaces made ASCII: CPython's complex_from_string_inner grammar.
pub fn parse(s: &str) -> PyResult<C> {
    let b = s.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let mut bracket = false;
    if b.get(i) == Some(&b'(') {
        bracket = true;
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    if let Some((z, n)) = strtod_prefix(&b[i..]) {
        i += n;
        match b.get(i) {
            Some(b'+' | b'-') => {
                x = z;
                if let Some((v, n)) = strtod_prefix(&b[i..]) {
                    y = v;
                    i += n;
                } else {
                    y = if b[i] == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
                if !is_j(b.get(i)) {
                    return Err(malformed());
                }
                i += 1;
            }
            Some(b'j' | b'J') => {
                i += 1;
                y = z;
            }
            _ => x = z,
        }
    } else {
        match b.get(i) {
            Some(b'+') => {
                y = 1.0;
                i += 1;
            }
            Some(b'-') => {
                y = -1.0;
                i += 1;
            }
            _ => y = 1.0,
        }
        if !is_j(b.get(i)) {
            return Err(malformed());
        }
        i += 1;
    }
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    if bracket {
        if b.get(i) != Some(&b')') {
            return Err(malformed());
        }
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
    }
    if i != b.len() {
        return Err(malformed());
    }
    Ok(C::new(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// python3: repr of complex values.
    #[test]
    fn reprs_match_cpython() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        let cases = [
            (C::new(1.0, -nan), "(1+nanj)"),
            (C::new(0.0, 1.0), "1j"),
            (C::new(-0.0, 1.0), "(-0+1j)"),
            (C::new(0.0, -0.0), "-0j"),
            (C::new(-0.0, -0.0), "(-0-0j)"),
            (C::new(1e16, 2.0), "(1e+16+2j)"),
            (C::new(1.0, 1e-5), "(1+1e-05j)"),
            (C::new(inf, -inf), "(inf-infj)"),
            (C::new(2.5, 0.0), "(2.5+0j)"),
        ];
        for (z, want) in cases {
            assert_eq!(repr(z), want);
        }
    }

    /// python3: complex(s) for these strings.
    #[test]
    fn parsing_matches_cpython() {
        let ok = [
            ("1+2j", C::new(1.0, 2.0)),
            (" (1+2j) ", C::new(1.0, 2.0)),
            ("j", C::new(0.0, 1.0)),
            ("-j", C::new(0.0, -1.0)),
            ("1e3j", C::new(0.0, 1000.0)),
            (" 3 ", C::new(3.0, 0.0)),
            ("+1.5-2.5J", C::new(1.5, -2.5)),
            ("( 1+2j )", C::new(1.0, 2.0)),
        ];
        for (s, want) in ok {
            assert_eq!(parse(s).ok(), Some(want), "{s:?}");
        }
        for s in ["1+ 2j", "(1", "1+2", "2j+1", "1e", "0x10", "1+-2j"] {
            assert!(parse(s).is_err(), "{s:?}");
        }
    }

    /// python3: format(z, spec).
    #[test]
    fn formats_match_cpython() {
        let cases = [
            (C::new(1.0, 2.0), ".2f", "1.00+2.00j"),
            (C::new(1.5, -2.0), ">20", "            (1.5-2j)"),
            (C::new(1.0, 2.0), "g", "1+2j"),
            (C::new(0.0, 1.0), ".3", "1j"),
            (C::new(1.0, 2.0), "+", "(+1+2j)"),
            (C::new(1.0, 0.0), ".1e", "1.0e+00+0.0e+00j"),
        ];
        for (z, spec, want) in cases {
            assert_eq!(format(z, spec).ok().as_deref(), Some(want), "{spec:?}");
        }
    }
}
