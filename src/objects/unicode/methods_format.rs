//! str padding (center, ljust, rjust, zfill), expandtabs, and format(str, spec) with
//! CPython's format-spec mini-language parser and error messages.

use std::borrow::Cow;

use super::methods::char_len;
use crate::error::{ExcKind, PyErr, PyResult};

/// Results beyond this many bytes raise MemoryError instead of aborting the process.
const MAX_RESULT_BYTES: u64 = 1 << 40;

fn memory_error() -> PyErr {
    PyErr::new(ExcKind::MemoryError, "")
}

fn pad<'a>(s: &'a str, left: usize, right: usize, fill: char) -> PyResult<Cow<'a, str>> {
    if left == 0 && right == 0 {
        return Ok(Cow::Borrowed(s));
    }
    let size = (left as u64 + right as u64) * fill.len_utf8() as u64 + s.len() as u64;
    if size > MAX_RESULT_BYTES {
        return Err(memory_error());
    }
    let mut out = String::with_capacity(size as usize);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Cow::Owned(out))
}

/// The padding a width adds, or None when the str is already wide enough.
fn margin(s: &str, width: i64) -> Option<usize> {
    let n = char_len(s) as i64;
    (width > n).then(|| (width - n) as usize)
}

/// str.center(width, fillchar).
pub fn center(s: &str, width: i64, fill: char) -> PyResult<Cow<'_, str>> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    // CPython: left = marg / 2 + (marg & width & 1).
    let left = marg / 2 + (marg & width as usize & 1);
    pad(s, left, marg - left, fill)
}

/// str.ljust(width, fillchar).
pub fn ljust(s: &str, width: i64, fill: char) -> PyResult<Cow<'_, str>> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    pad(s, 0, marg, fill)
}

/// str.rjust(width, fillchar).
pub fn rjust(s: &str, width: i64, fill: char) -> PyResult<Cow<'_, str>> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    pad(s, marg, 0, fill)
}

/// str.zfill(width): zeros on the left, after a leading sign.
pub fn zfill(s: &str, width: i64) -> PyResult<Cow<'_, str>> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    if marg as u64 > MAX_RESULT_BYTES {
        return Err(memory_error());
    }
    match s.as_bytes().first() {
        // CPython pads, then swaps the sign to the front: sign, zeros, digits.
        Some(&sign @ (b'+' | b'-')) => {
            let mut out = String::with_capacity(s.len() + marg);
            out.push(sign as char);
            out.extend(std::iter::repeat_n('0', marg));
            out.push_str(&s[1..]);
            Ok(Cow::Owned(out))
        }
        _ => pad(s, marg, 0, '0'),
    }
}

/// str.expandtabs(tabsize): columns restart after \n and \r; tabsize <= 0 drops tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> PyResult<Cow<'_, str>> {
    if !s.contains('\t') {
        return Ok(Cow::Borrowed(s));
    }
    // First pass: the result length, checked as CPython does.
    let too_long = || PyErr::new(ExcKind::OverflowError, "new string is too long");
    let (mut total, mut col) = (0i64, 0i64);
    for ch in s.chars() {
        if ch == '\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col = col.checked_add(incr).ok_or_else(too_long)?;
                total = total.checked_add(incr).ok_or_else(too_long)?;
            }
        } else {
            col += 1;
            total = total.checked_add(1).ok_or_else(too_long)?;
            if ch == '\n' || ch == '\r' {
                col = 0;
            }
        }
    }
    if total as u64 > MAX_RESULT_BYTES {
        return Err(memory_error());
    }
    let mut out = String::with_capacity(total as usize + s.len() - char_len(s));
    col = 0;
    for ch in s.chars() {
        if ch == '\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            col += 1;
            out.push(ch);
            if ch == '\n' || ch == '\r' {
                col = 0;
            }
        }
    }
    Ok(Cow::Owned(out))
}

/// A parsed standard format specifier (CPython's InternalFormatSpec).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// '<', '>', '^', '=' or None for the type's default.
    pub align: Option<char>,
    /// '+', '-', ' ' or None.
    pub sign: Option<char>,
    /// 'z': negative zero coercion.
    pub no_neg_0: bool,
    /// '#'.
    pub alternate: bool,
    pub width: Option<usize>,
    /// ',' or '_'.
    pub thousands: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type, or None when omitted.
    pub ty: Option<char>,
}

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::ValueError, msg)
}

/// CPython's get_integer: a run of decimal digits (Unicode decimals count).
fn get_integer(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = chars
        .get(*pos)
        .and_then(|&c| super::ctype::decimal_value(c as u32))
    {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parses `[[fill]align][sign][z][#][0][width][grouping][.precision][type]` as
/// CPython's parse_internal_render_format_spec; `type_name` names the object's type
/// in messages and `default_align` is '<' for str, '>' for numbers.
pub fn parse_format_spec(spec: &str, type_name: &str, default_align: char) -> PyResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut f = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        thousands: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_specified = false;
    if end >= 2 && is_align(chars[1]) {
        f.fill = chars[0];
        f.align = Some(chars[1]);
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.fill = '0';
        if f.align.is_none() && default_align == '>' {
            f.align = Some('=');
        }
        pos += 1;
    }
    f.width = get_integer(&chars, &mut pos)?;
    let both = || value_error("Cannot specify both ',' and '_'.");
    if pos < end && chars[pos] == ',' {
        f.thousands = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.thousands.is_some() {
            return Err(both());
        }
        f.thousands = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.thousands == Some('_') {
        return Err(both());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        f.precision = get_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    if end - pos > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if pos < end {
        f.ty = Some(chars[pos]);
    }
    if let Some(sep) = f.thousands {
        let ty = f.ty.unwrap_or(if default_align == '<' { 's' } else { 'd' });
        let ok = matches!(ty, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
            || (sep == '_' && matches!(ty, 'b' | 'o' | 'x' | 'X'));
        if !ok {
            let shown = if ('!'..'\u{80}').contains(&ty) {
                format!("'{ty}'")
            } else {
                format!("'\\x{:x}'", ty as u32)
            };
            return Err(value_error(format!("Cannot specify '{sep}' with {shown}.")));
        }
    }
    Ok(f)
}

/// CPython's unknown_presentation_type message.
pub fn unknown_format_code(ty: char, type_name: &str) -> PyErr {
    if ('!'..'\u{80}').contains(&ty) {
        value_error(format!(
            "Unknown format code '{ty}' for object of type '{type_name}'"
        ))
    } else {
        value_error(format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            ty as u32
        ))
    }
}

/// format(s, spec) for a str (str.__format__).
pub fn format_str<'a>(s: &'a str, spec: &str) -> PyResult<Cow<'a, str>> {
    if spec.is_empty() {
        return Ok(Cow::Borrowed(s));
    }
    let f = parse_format_spec(spec, "str", '<')?;
    match f.ty {
        None | Some('s') => {}
        Some(ty) => return Err(unknown_format_code(ty, "str")),
    }
    match f.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut text = s;
    if let Some(p) = f.precision {
        if let Some((b, _)) = s.char_indices().nth(p) {
            text = &s[..b];
        }
    }
    let n = char_len(text);
    let width = f.width.unwrap_or(0);
    if width <= n {
        return Ok(Cow::Borrowed(text));
    }
    let total = width - n;
    let left = match f.align.unwrap_or('<') {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    pad(text, left, total - left, f.fill)
}

#[cfg(test)]
mod tests {
    use super::super::test_data as td;
    use super::*;

    #[test]
    fn padding_matches_python() {
        for &(s, width, fill, c, l, r, z) in td::PAD {
            assert_eq!(
                center(s, width, fill).unwrap(),
                c,
                "{s:?}.center({width}, {fill:?})"
            );
            assert_eq!(
                ljust(s, width, fill).unwrap(),
                l,
                "{s:?}.ljust({width}, {fill:?})"
            );
            assert_eq!(
                rjust(s, width, fill).unwrap(),
                r,
                "{s:?}.rjust({width}, {fill:?})"
            );
            assert_eq!(zfill(s, width).unwrap(), z, "{s:?}.zfill({width})");
        }
    }

    #[test]
    fn expandtabs_matches_python() {
        for &(s, tabsize, want) in td::EXPANDTABS {
            assert_eq!(
                expandtabs(s, tabsize).unwrap(),
                want,
                "{s:?}.expandtabs({tabsize})"
            );
        }
        assert_eq!(
            expandtabs("a\tb", 1 << 50).unwrap_err().kind,
            ExcKind::MemoryError
        );
    }

    #[test]
    fn format_matches_python() {
        for &(s, spec, ok, want) in td::FORMAT {
            match format_str(s, spec) {
                Ok(got) => assert!(ok && got == want, "format({s:?}, {spec:?}) = {got:?}"),
                Err(e) => assert!(
                    !ok && e.kind == ExcKind::ValueError && e.msg == want,
                    "format({s:?}, {spec:?}) raised {e}"
                ),
            }
        }
    }
}
