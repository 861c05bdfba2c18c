//! Per-character predicates and full case mappings (CPython's unicodectype.c), read
//! from the python3-generated tables, with ASCII fast paths; Py_ISSPACE and the
//! decimal / space transform the number parsers read.

use std::borrow::Cow;

use super::case_tables as ct;
use super::prop_tables as pt;

#[inline]
fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    // Index of the first range starting after c; the range before it may hold c.
    let i = table.partition_point(|&(lo, _)| lo <= c);
    i > 0 && c <= table[i - 1].1
}

/// Python's str.isspace for one character (also the whitespace of split / strip).
#[inline]
pub fn is_space(c: u32) -> bool {
    if c < 128 {
        return matches!(c, 0x09..=0x0D | 0x1C..=0x20);
    }
    in_ranges(pt::SPACE, c)
}

/// str.isprintable for one character: not in Cc Cf Cs Co Cn Zl Zp Zs, except ' '.
#[inline]
pub fn is_printable(c: u32) -> bool {
    if c < 128 {
        return (0x20..0x7F).contains(&c);
    }
    in_ranges(pt::PRINTABLE, c)
}

#[inline]
pub fn is_alpha(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_ranges(pt::ALPHA, c)
}

#[inline]
pub fn is_decimal(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(pt::DECIMAL, c)
}

#[inline]
pub fn is_digit(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(pt::DIGIT, c)
}

#[inline]
pub fn is_numeric(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(pt::NUMERIC, c)
}

/// Py_UNICODE_ISALNUM: alpha, decimal, digit or numeric.
#[inline]
pub fn is_alnum(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphanumeric();
    }
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// Py_UNICODE_ISLOWER (the Lowercase property).
#[inline]
pub fn is_lower(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_lowercase();
    }
    in_ranges(pt::LOWER, c)
}

/// Py_UNICODE_ISUPPER (the Uppercase property).
#[inline]
pub fn is_upper(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_uppercase();
    }
    in_ranges(pt::UPPER, c)
}

/// Py_UNICODE_ISTITLE (category Lt).
#[inline]
pub fn is_title(c: u32) -> bool {
    c >= 128 && in_ranges(pt::TITLE, c)
}

/// _PyUnicode_IsCased.
#[inline]
pub fn is_cased(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_ranges(pt::CASED, c)
}

/// _PyUnicode_IsCaseIgnorable.
#[inline]
pub fn is_case_ignorable(c: u32) -> bool {
    if c < 128 {
        return matches!(c, 0x27 | 0x2E | 0x3A | 0x5E | 0x60);
    }
    in_ranges(pt::CASE_IGNORABLE, c)
}

/// XID_Start (or '_'): may begin an identifier.
#[inline]
pub fn is_xid_start(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphabetic() || c == u32::from(b'_');
    }
    in_ranges(pt::XID_START, c)
}

/// XID_Continue: may continue an identifier.
#[inline]
pub fn is_xid_continue(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphanumeric() || c == u32::from(b'_');
    }
    in_ranges(pt::XID_CONTINUE, c)
}

/// The decimal digit value of `c` (unicodedata.decimal), used by int() and float().
pub fn decimal_value(c: u32) -> Option<u32> {
    if c < 128 {
        return (c as u8).is_ascii_digit().then(|| c - u32::from(b'0'));
    }
    let t = pt::DECIMAL_VALUE;
    let i = t.partition_point(|&(lo, _, _)| lo <= c);
    let (lo, hi, v) = *t.get(i.checked_sub(1)?)?;
    (c <= hi).then(|| v + (c - lo))
}

/// Py_ISSPACE (pyctype.h): C's isspace, the ASCII whitespace int(), float() and
/// PYTHONHASHSEED parsing skip once the text is ASCII (0x1C..0x1F are not in it).
#[inline]
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, the text int() and float()
/// parse: ASCII kept, other whitespace (Py_UNICODE_ISSPACE) to ' ', Unicode decimals
/// to ASCII digits; anything else ends the text with '?', which never parses.
/// Borrows the input when it is already ASCII.
pub fn transform_decimal_and_space_to_ascii(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if c.is_ascii() {
            out.push(c);
        } else if is_space(cp) {
            out.push(' ');
        } else if let Some(d) = decimal_value(cp) {
            out.extend(char::from_digit(d, 10));
        } else {
            out.push('?');
            break;
        }
    }
    Cow::Owned(out)
}

/// One to three code points: the result of a full case mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mapped {
    chars: [u32; 3],
    len: u8,
}

impl Mapped {
    #[inline]
    fn one(c: u32) -> Mapped {
        Mapped {
            chars: [c, 0, 0],
            len: 1,
        }
    }
    #[inline]
    pub fn as_slice(&self) -> &[u32] {
        &self.chars[..self.len as usize]
    }
    /// Appends the mapped characters (always valid scalar values) to `out`.
    #[inline]
    pub fn push_to(&self, out: &mut String) {
        for &c in self.as_slice() {
            out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
        }
    }
}

fn lookup(single: &[(u32, u32, u32, i32)], multi: &[(u32, [u32; 3])], c: u32) -> Mapped {
    let i = single.partition_point(|&(lo, _, _, _)| lo <= c);
    if i > 0 {
        let (lo, hi, stride, delta) = single[i - 1];
        if c <= hi && (c - lo).is_multiple_of(stride) {
            return Mapped::one(c.wrapping_add_signed(delta));
        }
    }
    if let Ok(j) = multi.binary_search_by_key(&c, |&(k, _)| k) {
        let m = multi[j].1;
        let len = if m[2] != 0 { 3 } else { 2 };
        return Mapped { chars: m, len };
    }
    Mapped::one(c)
}

/// _PyUnicode_ToLowerFull (no final-sigma context).
#[inline]
pub fn to_lower_full(c: u32) -> Mapped {
    if c < 128 {
        return Mapped::one(u32::from((c as u8).to_ascii_lowercase()));
    }
    lookup(ct::LOWER_MAP_SINGLE, ct::LOWER_MAP_MULTI, c)
}

/// _PyUnicode_ToUpperFull.
#[inline]
pub fn to_upper_full(c: u32) -> Mapped {
    if c < 128 {
        return Mapped::one(u32::from((c as u8).to_ascii_uppercase()));
    }
    lookup(ct::UPPER_MAP_SINGLE, ct::UPPER_MAP_MULTI, c)
}

/// _PyUnicode_ToTitleFull.
#[inline]
pub fn to_title_full(c: u32) -> Mapped {
    if c < 128 {
        return Mapped::one(u32::from((c as u8).to_ascii_uppercase()));
    }
    lookup(ct::TITLE_MAP_SINGLE, ct::TITLE_MAP_MULTI, c)
}

/// _PyUnicode_ToFoldedFull.
#[inline]
pub fn to_folded_full(c: u32) -> Mapped {
    if c < 128 {
        return Mapped::one(u32::from((c as u8).to_ascii_lowercase()));
    }
    lookup(ct::CASEFOLD_MAP_SINGLE, ct::CASEFOLD_MAP_MULTI, c)
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{CHAR_FLAGS, CHAR_MAPS};
    use super::*;

    /// Flag bits in the order scripts/unicode/gen_test_data.py writes them.
    type Predicate = (&'static str, fn(u32) -> bool);
    const PREDICATES: &[Predicate] = &[
        ("isprintable", is_printable),
        ("isalpha", is_alpha),
        ("isdecimal", is_decimal),
        ("isdigit", is_digit),
        ("isnumeric", is_numeric),
        ("isspace", is_space),
        ("islower", is_lower),
        ("isupper", is_upper),
        ("istitle", is_title),
        ("isalnum", is_alnum),
        ("xid_start", is_xid_start),
        ("xid_continue", is_xid_continue),
        ("cased", is_cased),
        ("case_ignorable", is_case_ignorable),
    ];

    #[test]
    fn predicates_match_python_samples() {
        for &(c, flags, dec) in CHAR_FLAGS {
            for (bit, (name, f)) in PREDICATES.iter().enumerate() {
                assert_eq!(f(c), flags >> bit & 1 == 1, "{name}(U+{c:04X})");
            }
            let want = if dec >= 0 { Some(dec as u32) } else { None };
            assert_eq!(decimal_value(c), want, "decimal U+{c:04X}");
        }
    }

    #[test]
    fn ascii_fast_paths_agree_with_tables() {
        for c in 0u32..128 {
            assert_eq!(is_space(c), in_ranges(pt::SPACE, c), "{c}");
            assert_eq!(is_printable(c), in_ranges(pt::PRINTABLE, c), "{c}");
            assert_eq!(is_alpha(c), in_ranges(pt::ALPHA, c), "{c}");
            assert_eq!(is_decimal(c), in_ranges(pt::DECIMAL, c), "{c}");
            assert_eq!(is_digit(c), in_ranges(pt::DIGIT, c), "{c}");
            assert_eq!(is_numeric(c), in_ranges(pt::NUMERIC, c), "{c}");
            assert_eq!(is_lower(c), in_ranges(pt::LOWER, c), "{c}");
            assert_eq!(is_upper(c), in_ranges(pt::UPPER, c), "{c}");
            assert_eq!(is_title(c), in_ranges(pt::TITLE, c), "{c}");
            assert_eq!(is_cased(c), in_ranges(pt::CASED, c), "{c}");
            assert_eq!(
                is_case_ignorable(c),
                in_ranges(pt::CASE_IGNORABLE, c),
                "{c}"
            );
            assert_eq!(is_xid_start(c), in_ranges(pt::XID_START, c), "{c}");
            assert_eq!(is_xid_continue(c), in_ranges(pt::XID_CONTINUE, c), "{c}");
            let m = lookup(ct::LOWER_MAP_SINGLE, ct::LOWER_MAP_MULTI, c);
            assert_eq!(to_lower_full(c), m, "{c}");
            let m = lookup(ct::UPPER_MAP_SINGLE, ct::UPPER_MAP_MULTI, c);
            assert_eq!(to_upper_full(c), m, "{c}");
            let m = lookup(ct::TITLE_MAP_SINGLE, ct::TITLE_MAP_MULTI, c);
            assert_eq!(to_title_full(c), m, "{c}");
            let m = lookup(ct::CASEFOLD_MAP_SINGLE, ct::CASEFOLD_MAP_MULTI, c);
            assert_eq!(to_folded_full(c), m, "{c}");
        }
    }

    #[test]
    fn case_maps_match_python_samples() {
        for &(c, lower, upper, title, fold) in CHAR_MAPS {
            let f = |m: Mapped| m.as_slice().to_vec();
            assert_eq!(f(to_lower_full(c)), lower, "lower U+{c:04X}");
            assert_eq!(f(to_upper_full(c)), upper, "upper U+{c:04X}");
            assert_eq!(f(to_title_full(c)), title, "title U+{c:04X}");
            assert_eq!(f(to_folded_full(c)), fold, "casefold U+{c:04X}");
        }
    }

    // Expected values from python3 3.11: unicodedata.decimal(c, None); and
    // int('\u3000١٢') == 12, int('1é2') raises.
    #[test]
    fn decimals_and_number_text() {
        assert_eq!(decimal_value(0x661), Some(1));
        assert_eq!(decimal_value(0xff19), Some(9));
        assert_eq!(decimal_value(0x1d7ff), Some(9));
        assert_eq!(decimal_value(0x66a), None);
        assert_eq!(decimal_value(u32::from('é')), None);
        let t = transform_decimal_and_space_to_ascii;
        assert_eq!(t("\u{3000}١٢x"), " 12x");
        assert_eq!(t("1é2"), "1?");
        assert_eq!(t("\u{85}\u{2028}٣\x1c"), "  3\x1c");
        assert!(matches!(t("12"), Cow::Borrowed("12")));
    }

    #[test]
    fn ascii_space_is_c_isspace() {
        // python3: [c for c in range(128) if bytes([c]).isspace()] (bytes use Py_ISSPACE)
        let want = [9u8, 10, 11, 12, 13, 32];
        for b in 0u8..128 {
            assert_eq!(is_ascii_space(b), want.contains(&b), "{b}");
        }
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for t in [
            pt::PRINTABLE,
            pt::ALPHA,
            pt::SPACE,
            pt::LOWER,
            pt::UPPER,
            pt::CASED,
        ] {
            for w in t.windows(2) {
                assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0);
            }
        }
    }
}
