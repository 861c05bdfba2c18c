//! format(x, spec) for int and float (f'{x:spec}'), following CPython 3.11's
//! formatter_unicode.c on a spec parsed by objects::format_spec: which fields each
//! type allows, number widths with fill / align / sign / '#' / '0', ',' and '_'
//! grouping (zero padding is grouped too), and PyOS_double_to_string's layouts for
//! e f g % and repr.

use super::floatstr::{non_finite_repr, precision_digits, shortest_digits};
use super::int::Int;
use super::intstr::{int_to_decimal, int_to_prefixed};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::format_spec::{
    pad, parse_format_spec, unknown_format_code, FormatSpec, Padding, MAX_RESULT_BYTES,
};

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::ValueError, msg)
}

/// CPython's _PyUnicode_InsertThousandsGrouping for a fixed group size (0 = no
/// separator): groups `digits` from the right, padding with zeros up to `min_width`.
fn group_digits(digits: &str, min_width: isize, sep: Option<(char, usize)>) -> String {
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width;
    let mut parts: Vec<String> = Vec::new(); // least significant group first
    let piece = |remaining: isize, l: isize| -> String {
        let n_zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        let start = (remaining as usize) - n_chars;
        let mut s = "0".repeat(n_zeros);
        s.push_str(&digits[start..start + n_chars]);
        s
    };
    let mut broken = false;
    if let Some((_, size)) = sep {
        let size = size as isize;
        loop {
            let l = size.min(remaining.max(min_width).max(1));
            parts.push(piece(remaining, l));
            remaining -= l.min(remaining).max(0);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1; // the separator's width
        }
    }
    if !broken {
        let l = remaining.max(min_width).max(1);
        parts.push(piece(remaining, l));
    }
    let sep_str = sep.map_or(String::new(), |(c, _)| c.to_string());
    parts.reverse();
    parts.join(&sep_str)
}

/// The sign a number is written with under spec `f`: '-' when negative, else what the
/// spec's sign option asks for ('+', ' ', or nothing).
fn sign_text(f: &FormatSpec, negative: bool) -> &'static str {
    match (f.sign, negative) {
        (_, true) => "-",
        (Some('+'), false) => "+",
        (Some(' '), false) => " ",
        _ => "",
    }
}

/// Lays out sign, prefix, grouped digits, remainder and padding (CPython's
/// calc_number_widths + fill_number). `digits` are the leading integer digits,
/// `remainder` everything after them (decimal point, fraction, exponent, '%').
pub(crate) fn fill_number(
    f: &FormatSpec,
    negative: bool,
    prefix: &str,
    digits: &str,
    remainder: &str,
    group_size: usize,
) -> PyResult<String> {
    // The result has at least `width` characters: refuse before zero-filling them.
    if f.width.unwrap_or(0) as u64 > MAX_RESULT_BYTES {
        return Err(PyErr::memory());
    }
    let sign = sign_text(f, negative);
    let width = f.width.map_or(-1, |w| w as isize);
    let non_digit = (sign.len() + prefix.len() + remainder.chars().count()) as isize;
    let min_width = if f.fill == '0' && f.align == '=' {
        width - non_digit
    } else {
        0
    };
    let sep = f.thousands.map(|c| (c, group_size));
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, min_width, sep)
    };
    let n_chars = non_digit as usize + grouped.chars().count();
    let mut body = grouped;
    body.push_str(remainder);
    let head = format!("{sign}{prefix}");
    let padding = Padding::to_width(n_chars, f.width.unwrap_or(0), f.align);
    Ok(pad(&head, &body, f.fill, padding)?.into_owned())
}

/// format(v, spec) for an int (not bool with an empty spec: that is str(bool)).
pub fn format_int(v: &Int, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return int_to_decimal(v);
    }
    let f = parse_format_spec(spec, "int", Some('d'), '>')?;
    let ty = f.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_with(v.to_f64()?, &f);
        }
        c => return Err(unknown_format_code(c, "int")),
    }
    if f.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v.to_i64().ok_or_else(|| {
            PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C long",
            )
        })?;
        let ch = u32::try_from(x)
            .ok()
            .filter(|x| *x <= 0x10ffff)
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "%c arg not in range(0x110000)"))?;
        // A lone surrogate cannot live in a Rust String; U+FFFD stands in for it.
        let c = char::from_u32(ch).unwrap_or('\u{fffd}');
        return fill_number(&f, false, "", "", &c.to_string(), 3);
    }
    if let (Int::Small(i), 'd' | 'n', None) = (v, ty, f.thousands) {
        return small_decimal(*i, &f);
    }
    let (base, group) = match ty {
        'b' => (2, 4),
        'o' => (8, 4),
        'x' | 'X' => (16, 4),
        _ => (10, 3),
    };
    let text = if base == 10 {
        int_to_decimal(v)?
    } else {
        int_to_prefixed(v, base)
    };
    let negative = text.starts_with('-');
    let body = text.trim_start_matches('-');
    let body = if base == 10 { body } else { &body[2..] };
    let mut prefix = if f.alternate && base != 10 {
        text.trim_start_matches('-')[..2].to_string()
    } else {
        String::new()
    };
    let mut digits = body.to_string();
    if ty == 'X' {
        prefix = prefix.to_uppercase();
        digits = digits.to_uppercase();
    }
    // 'n' uses the C locale here: no grouping.
    let f2;
    let f = if ty == 'n' {
        f2 = FormatSpec {
            thousands: None,
            ..f
        };
        &f2
    } else {
        &f
    };
    fill_number(f, negative, &prefix, &digits, "", group)
}

/// `format(i, spec)` for a machine integer in decimal with no grouping (`{x:02d}`,
/// `{x:>5}`): the digits from a stack buffer, laid out once.
fn small_decimal(i: i64, f: &FormatSpec) -> PyResult<String> {
    let mut buf = [0u8; 20];
    let digits = super::intstr::u64_digits(i.unsigned_abs(), &mut buf);
    let digits = std::str::from_utf8(digits).expect("ASCII digits");
    lay_out(f, i < 0, digits)
}

/// fill, sign, fill, `body`, fill written once into the result: fill_number's layout
/// when there is no grouping and no prefix (zero padding, '0' before the width, is the
/// '=' alignment with '0' fill, which is the inner fill here).
fn lay_out(f: &FormatSpec, negative: bool, body: &str) -> PyResult<String> {
    let width = f.width.unwrap_or(0);
    if width as u64 > MAX_RESULT_BYTES {
        return Err(PyErr::memory());
    }
    let sign = sign_text(f, negative);
    let p = Padding::to_width(sign.len() + body.chars().count(), width, f.align);
    let n_fill = (p.left + p.inner + p.right) as u64;
    let size = n_fill * f.fill.len_utf8() as u64 + (sign.len() + body.len()) as u64;
    if size > MAX_RESULT_BYTES {
        return Err(PyErr::memory());
    }
    let mut out = crate::objects::room::string_with_capacity(size as usize)?;
    out.extend(std::iter::repeat_n(f.fill, p.left));
    out.push_str(sign);
    out.extend(std::iter::repeat_n(f.fill, p.inner));
    out.push_str(body);
    out.extend(std::iter::repeat_n(f.fill, p.right));
    Ok(out)
}

/// format(x, spec) for a float.
pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(super::floatstr::float_repr(x));
    }
    let f = parse_format_spec(spec, "float", None, '>')?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_with(x, &f),
        Some(c) => Err(unknown_format_code(c, "float")),
    }
}

fn format_float_with(x: f64, f: &FormatSpec) -> PyResult<String> {
    // 'f' with a precision, no grouping and no '#' or 'z' (`{x:.2f}`): the digits as
    // the general path's mode 3 computes them, laid out once.
    if let (Some('f'), Some(p), None, false, false, true) = (
        f.ty,
        f.precision,
        f.thousands,
        f.alternate,
        f.no_neg_0,
        x.is_finite(),
    ) {
        let mut buf = [0u8; 64];
        if let Some(body) = super::floatstr::fixed_places(x, p, &mut buf) {
            return lay_out(f, x.is_sign_negative(), body);
        }
    }
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    let mut ty = match f.ty {
        None => {
            add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(c) => c,
    };
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
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
    let mut text = double_to_string(val, ty, precision, add_dot_0, f.alternate, f.no_neg_0);
    if add_pct {
        text.push('%');
    }
    let negative = text.starts_with('-');
    let body = if negative { &text[1..] } else { &text[..] };
    let n_lead = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, remainder) = body.split_at(n_lead);
    let f2;
    let f = if f.ty == Some('n') {
        f2 = FormatSpec {
            thousands: None,
            ..f.clone()
        };
        &f2
    } else {
        f
    };
    fill_number(f, negative, "", digits, remainder, 3)
}

/// Digits as _Py_dg_dtoa returns them: (digits without trailing zeros, decpt), where
/// mode 0 is shortest, mode 2 `n` significant digits, mode 3 `n` places after the point.
fn dtoa(x: f64, mode: u8, n: usize) -> (String, i32) {
    if x == 0.0 {
        return ("0".into(), 1);
    }
    let (digits, decpt) = match mode {
        0 => shortest_digits(x),
        2 => precision_digits(x, n.max(1)),
        _ => {
            let s = format!("{:.*}", n, x.abs());
            let int_len = s.find('.').unwrap_or(s.len()) as i32;
            let all: String = s.chars().filter(|c| *c != '.').collect();
            let lead = all.bytes().take_while(|b| *b == b'0').count();
            if lead == all.len() {
                return (String::new(), -(n as i32));
            }
            (all[lead..].to_string(), int_len - lead as i32)
        }
    };
    let trimmed = digits.trim_end_matches('0');
    (trimmed.to_string(), decpt)
}

/// PyOS_double_to_string + format_float_short for codes e E f F g G r.
pub(crate) fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    add_dot_0: bool,
    alt: bool,
    no_neg_0: bool,
) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if let Some(s) = non_finite_repr(x) {
        return if upper { s.to_uppercase() } else { s.into() };
    }
    let (mode, precision) = match code {
        'e' => (2, precision + 1),
        'f' => (3, precision),
        'g' => (2, precision.max(1)),
        _ => (0, 0),
    };
    let (digits, mut decpt) = dtoa(x, mode, precision);
    let digits_len = digits.len() as i64;
    let mut negative = x.is_sign_negative();
    if no_neg_0 && negative && (digits.is_empty() || digits == "0") {
        negative = false;
    }
    let mut decpt64 = i64::from(decpt);
    let precision = precision as i64;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt64 + precision,
        'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            if decpt64 <= -4 || decpt64 > limit {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt64 <= -4 || decpt64 > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
        decpt64 = 1;
    }
    let vdigits_start = if decpt64 <= 0 { decpt64 - 1 } else { 0 };
    vdigits_end = if !use_exp && add_dot_0 {
        vdigits_end.max(decpt64 + 1)
    } else {
        vdigits_end.max(decpt64)
    };
    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if decpt64 <= 0 {
        out.push_str(&zeros(decpt64 - vdigits_start));
        out.push('.');
        out.push_str(&zeros(-decpt64));
    } else {
        out.push_str(&zeros(-vdigits_start));
    }
    if 0 < decpt64 && decpt64 <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt64 {
        out.push_str(&zeros(decpt64 - digits_len));
        out.push('.');
        out.push_str(&zeros(vdigits_end - decpt64));
    } else {
        out.push_str(&zeros(vdigits_end - digits_len));
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!(
            "{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(r: PyResult<String>) -> String {
        match r {
            Ok(s) => s,
            Err(e) => format!("{:?}: {}", e.kind, e.msg),
        }
    }

    // From python3 3.11 (scripts/numeric/format_spec.py): (int text, spec, format()).
    #[test]
    fn int_formats_match_cpython() {
        let cases: &[(&str, &str, &str)] = &include!("testdata/format_int.in");
        for (text, spec, want) in cases {
            let v = super::super::intstr::int_from_str(text, 10).unwrap();
            assert_eq!(
                show(format_int(&v, spec)),
                *want,
                "format({text}, {spec:?})"
            );
        }
    }

    // python3 3.11 (under ulimit -v): format(1, '2000000000000') and
    // format(1.5, '02000000000000') raise MemoryError rather than crash.
    #[test]
    fn huge_widths_raise_memory_error() {
        let e = format_int(&Int::from(1), "2000000000000").unwrap_err();
        assert_eq!(e.kind, ExcKind::MemoryError);
        let e = format_float(1.5, "02000000000000").unwrap_err();
        assert_eq!(e.kind, ExcKind::MemoryError);
    }

    // From python3 3.11 (scripts/numeric/format_spec.py): (float, spec, format()).
    #[test]
    fn float_formats_match_cpython() {
        let cases: &[(f64, &str, &str)] = &include!("testdata/format_float.in");
        for (x, spec, want) in cases {
            assert_eq!(
                show(format_float(*x, spec)),
                *want,
                "format({x:e}, {spec:?})"
            );
        }
    }
}
