//! CPython's standard format-spec mini-language (formatter_unicode.c), shared by
//! format() of int, float and str: the parsed spec (InternalFormatSpec), its parser with
//! the messages parsing raises, the unknown-code message, and fill / alignment padding.
//! What a spec may hold for a given type is checked by that type's formatter.

use std::borrow::Cow;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::unicode::ctype::decimal_value;

/// Results longer than this many bytes raise MemoryError instead of aborting the
/// process (CPython raises it when malloc fails).
pub const MAX_RESULT_BYTES: u64 = 1 << 40;

/// A parsed spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// '<', '>', '^' or '='; the type's default when the spec gives none.
    pub align: char,
    /// '+', '-', ' ' or None.
    pub sign: Option<char>,
    /// 'z': negative zero coercion.
    pub no_neg_0: bool,
    /// '#'.
    pub alternate: bool,
    pub width: Option<usize>,
    /// ',' or '_' (the formatter picks the group size: '_' is every four in b o x X).
    pub thousands: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type, else the type's default; None only for a type with no
    /// default (float: '\0' in CPython).
    pub ty: Option<char>,
}

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::ValueError, msg)
}

/// A type code as CPython's messages show it: '%c' when printable ASCII, else '\x%x'.
fn show_code(c: char) -> String {
    if ('!'..'\u{80}').contains(&c) {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// CPython's unknown_presentation_type message.
pub fn unknown_format_code(ty: char, type_name: &str) -> PyErr {
    value_error(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        show_code(ty)
    ))
}

/// CPython's get_integer: a run of decimal digits (Unicode decimals count).
fn get_integer(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c as u32)) {
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

/// Parses a non-empty spec as CPython's parse_internal_render_format_spec.
/// `type_name` names the object's type in messages; `default_type` is 'd' for int,
/// 's' for str, None for float; `default_align` is '<' for str, '>' for numbers.
/// Besides malformed specs it rejects a grouping the (possibly default) type cannot
/// take, before any check of the type's own, as CPython does.
pub fn parse_format_spec(
    spec: &str,
    type_name: &str,
    default_type: Option<char>,
    default_align: char,
) -> PyResult<FormatSpec> {
    // The characters, on the stack for the usual short spec (no more characters than
    // bytes).
    let mut small = ['\0'; 16];
    let long: Vec<char>;
    let chars: &[char] = if spec.len() <= small.len() {
        let mut n = 0;
        for c in spec.chars() {
            small[n] = c;
            n += 1;
        }
        &small[..n]
    } else {
        long = spec.chars().collect();
        &long
    };
    let at = |pos: usize| chars.get(pos).copied();
    let mut f = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        thousands: None,
        precision: None,
        ty: default_type,
    };
    let mut pos = 0;
    let mut fill_specified = false;
    let mut align_specified = false;
    if at(1).is_some_and(is_align) {
        f.fill = chars[0];
        f.align = chars[1];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if at(0).is_some_and(is_align) {
        f.align = chars[0];
        align_specified = true;
        pos = 1;
    }
    if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
        f.sign = Some(c);
        pos += 1;
    }
    if at(pos) == Some('z') {
        f.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        f.alternate = true;
        pos += 1;
    }
    // The special case for 0-padding (backwards compatible).
    if !fill_specified && at(pos) == Some('0') {
        f.fill = '0';
        if !align_specified && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    f.width = get_integer(chars, &mut pos)?;
    let both = || value_error("Cannot specify both ',' and '_'.");
    if at(pos) == Some(',') {
        f.thousands = Some(',');
        pos += 1;
    }
    if at(pos) == Some('_') {
        if f.thousands.is_some() {
            return Err(both());
        }
        f.thousands = Some('_');
        pos += 1;
    }
    if at(pos) == Some(',') && f.thousands == Some('_') {
        return Err(both());
    }
    if at(pos) == Some('.') {
        pos += 1;
        f.precision = get_integer(chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    match chars.len() - pos {
        0 => {}
        1 => f.ty = Some(chars[pos]),
        _ => {
            return Err(value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )))
        }
    }
    if let Some(sep) = f.thousands {
        let ok = match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => sep == '_',
            Some(_) => false,
        };
        if !ok {
            let ty = show_code(f.ty.unwrap_or('\0'));
            return Err(value_error(format!("Cannot specify '{sep}' with '{ty}'.")));
        }
    }
    Ok(f)
}

/// Where fill characters go: before everything, between the sign / prefix and the
/// digits ('=' alignment), and after everything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Padding {
    pub left: usize,
    pub inner: usize,
    pub right: usize,
}

impl Padding {
    /// `n` fill characters placed as `align` says (CPython's calc_padding and
    /// calc_number_widths): '<' after, '>' before, '^' split with the smaller half
    /// before, '=' between sign and digits.
    pub fn for_align(n: usize, align: char) -> Padding {
        match align {
            '<' => Padding {
                right: n,
                ..Padding::default()
            },
            '^' => Padding {
                left: n / 2,
                inner: 0,
                right: n - n / 2,
            },
            '=' => Padding {
                inner: n,
                ..Padding::default()
            },
            _ => Padding {
                left: n,
                ..Padding::default()
            },
        }
    }

    /// The padding that brings `len` characters up to `width` (none when wider).
    pub fn to_width(len: usize, width: usize, align: char) -> Padding {
        Padding::for_align(width.saturating_sub(len), align)
    }
}

/// `left` fill, `head` (sign and prefix), `inner` fill, `body`, `right` fill; `body`
/// itself when there is nothing to add. MemoryError past `MAX_RESULT_BYTES`.
pub fn pad<'a>(head: &str, body: &'a str, fill: char, p: Padding) -> PyResult<Cow<'a, str>> {
    let n_fill = p.left as u64 + p.inner as u64 + p.right as u64;
    if head.is_empty() && n_fill == 0 {
        return Ok(Cow::Borrowed(body));
    }
    let size = n_fill * fill.len_utf8() as u64 + head.len() as u64 + body.len() as u64;
    if size > MAX_RESULT_BYTES {
        return Err(PyErr::memory());
    }
    let mut out = super::room::string_with_capacity(size as usize)?;
    out.extend(std::iter::repeat_n(fill, p.left));
    out.push_str(head);
    out.extend(std::iter::repeat_n(fill, p.inner));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, p.right));
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3 3.11, e.g. python3 -c "format(1, '_c')".
    #[test]
    fn parse_errors_match_cpython() {
        let cases: &[(&str, &str, Option<char>, char, &str)] = &[
            ("_c", "int", Some('d'), '>', "Cannot specify '_' with 'c'."),
            (",", "str", Some('s'), '<', "Cannot specify ',' with 's'."),
            (
                "_\x01",
                "int",
                Some('d'),
                '>',
                "Cannot specify '_' with '\\x1'.",
            ),
            (
                ",_",
                "int",
                Some('d'),
                '>',
                "Cannot specify both ',' and '_'.",
            ),
            ("_,", "float", None, '>', "Cannot specify both ',' and '_'."),
            (
                "5.",
                "float",
                None,
                '>',
                "Format specifier missing precision",
            ),
            (
                "5xx",
                "str",
                Some('s'),
                '<',
                "Invalid format specifier '5xx' for object of type 'str'",
            ),
            (
                "99999999999999999999",
                "int",
                Some('d'),
                '>',
                "Too many decimal digits in format string",
            ),
        ];
        for &(spec, name, ty, align, want) in cases {
            let e = parse_format_spec(spec, name, ty, align).unwrap_err();
            assert_eq!(
                (e.kind, e.msg.as_str()),
                (ExcKind::ValueError, want),
                "{spec:?}"
            );
        }
    }

    #[test]
    fn fields_parse_in_order() {
        // python3: format(-1.5, '*^+z#012_.3f') == '***-1.500***'
        let f = parse_format_spec("*^+z#012_.3f", "float", None, '>').unwrap();
        let want = FormatSpec {
            fill: '*',
            align: '^',
            sign: Some('+'),
            no_neg_0: true,
            alternate: true,
            width: Some(12),
            thousands: Some('_'),
            precision: Some(3),
            ty: Some('f'),
        };
        assert_eq!(f, want);
        // '0' sets '=' alignment only for types that default to '>' (python3:
        // format('x', '05') == 'x0000', format(7, '05') == '00007').
        assert_eq!(
            parse_format_spec("05", "str", Some('s'), '<')
                .unwrap()
                .align,
            '<'
        );
        assert_eq!(
            parse_format_spec("05", "int", Some('d'), '>')
                .unwrap()
                .align,
            '='
        );
        // Arabic-Indic digits count as width digits (python3: format(7, '\u0663') == '  7').
        let f = parse_format_spec("\u{663}", "int", Some('d'), '>').unwrap();
        assert_eq!(f.width, Some(3));
    }

    #[test]
    fn padding_places_fill_by_alignment() {
        let p = |n, a| {
            let Padding { left, inner, right } = Padding::for_align(n, a);
            (left, inner, right)
        };
        assert_eq!(p(5, '<'), (0, 0, 5));
        assert_eq!(p(5, '>'), (5, 0, 0));
        assert_eq!(p(5, '^'), (2, 0, 3));
        assert_eq!(p(5, '='), (0, 5, 0));
        let got = pad("-0x", "1f", '*', Padding::for_align(3, '=')).unwrap();
        assert_eq!(got, "-0x***1f");
        assert!(matches!(
            pad("", "ab", '.', Padding::to_width(2, 1, '>')).unwrap(),
            Cow::Borrowed("ab")
        ));
        let huge = Padding::for_align(1 << 41, '<');
        assert_eq!(
            pad("", "", ' ', huge).unwrap_err().kind,
            ExcKind::MemoryError
        );
    }
}
