//! str padding (center, ljust, rjust, zfill), expandtabs, and format(str, spec) with
//! the checks CPython's format_string_internal makes on a spec parsed by
//! objects::format_spec.

use std::borrow::Cow;

use super::methods::char_len;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::format_spec::{
    pad, parse_format_spec, unknown_format_code, Padding, MAX_RESULT_BYTES,
};

/// `s` with `left` and `right` fill characters around it.
fn pad_around(s: &str, left: usize, right: usize, fill: char) -> PyResult<Cow<'_, str>> {
    let p = Padding {
        left,
        inner: 0,
        right,
    };
    pad("", s, fill, p)
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
    pad_around(s, left, marg - left, fill)
}

/// str.ljust(width, fillchar).
pub fn ljust(s: &str, width: i64, fill: char) -> PyResult<Cow<'_, str>> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    pad_around(s, 0, marg, fill)
}

/// str.rjust(width, fillchar).
pub fn rjust(s: &str, width: i64, fill: char) -> PyResult<Cow<'_, str>> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    pad_around(s, marg, 0, fill)
}

/// str.zfill(width): zeros on the left, after a leading sign.
pub fn zfill(s: &str, width: i64) -> PyResult<Cow<'_, str>> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    // CPython pads, then swaps the sign to the front: sign, zeros, digits.
    let sign_len = usize::from(matches!(s.as_bytes().first(), Some(b'+' | b'-')));
    let (sign, rest) = s.split_at(sign_len);
    let zeros = Padding {
        inner: marg,
        ..Padding::default()
    };
    pad(sign, rest, '0', zeros)
}

/// str.expandtabs(tabsize): columns restart after \n and \r; tabsize <= 0 drops tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> PyResult<Cow<'_, str>> {
    if !s.contains('\t') {
        return Ok(Cow::Borrowed(s));
    }
    // First pass: the result length, checked as CPython does.
    let too_long = || PyErr::new(ExcKind::OverflowError, "new string is too long");
    let mut total = 0i64;
    for (_, n) in tab_columns(s, tabsize) {
        total = total.checked_add(n).ok_or_else(too_long)?;
    }
    if total as u64 > MAX_RESULT_BYTES {
        return Err(PyErr::memory());
    }
    let mut out =
        crate::objects::room::string_with_capacity(total as usize + s.len() - char_len(s))?;
    for (ch, n) in tab_columns(s, tabsize) {
        if ch == '\t' {
            out.extend(std::iter::repeat_n(' ', n as usize));
        } else {
            out.push(ch);
        }
    }
    Ok(Cow::Owned(out))
}

/// Each character of `s` with the columns expandtabs gives it: a tab reaches the next
/// multiple of `tabsize` (none when tabsize <= 0), anything else takes one, and the
/// column restarts after \n and \r. The column never passes the running total, which
/// expandtabs checks for overflow.
fn tab_columns(s: &str, tabsize: i64) -> impl Iterator<Item = (char, i64)> + '_ {
    let mut col = 0i64;
    s.chars().map(move |ch| {
        let n = match ch {
            '\t' if tabsize > 0 => tabsize - col % tabsize,
            '\t' => 0,
            _ => 1,
        };
        col = if ch == '\n' || ch == '\r' {
            0
        } else {
            col.saturating_add(n)
        };
        (ch, n)
    })
}

fn value_error(msg: &str) -> PyErr {
    PyErr::new(ExcKind::ValueError, msg)
}

/// format(s, spec) for a str (str.__format__).
pub fn format_str<'a>(s: &'a str, spec: &str) -> PyResult<Cow<'a, str>> {
    if spec.is_empty() {
        return Ok(Cow::Borrowed(s));
    }
    let f = parse_format_spec(spec, "str", Some('s'), '<')?;
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
    if f.align == '=' {
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
    let padding = Padding::to_width(char_len(text), f.width.unwrap_or(0), f.align);
    pad("", text, f.fill, padding)
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
