//! The bits of str behaviour that numeric parsing needs: CPython's
//! _PyUnicode_TransformDecimalAndSpaceToASCII (Unicode digits and spaces to ASCII) and
//! a repr() of str for error messages such as "invalid literal for int() ...: 'x'".

/// First code point of every run of ten Unicode decimal digits (category Nd) above
/// ASCII, from python3 3.11 (Unicode 14) via scripts/numeric/nd_zeros.py.
const DECIMAL_ZEROS: [u32; 65] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The decimal value of a non-ASCII Unicode digit (Py_UNICODE_TODECIMAL).
pub fn unicode_decimal(c: char) -> Option<u8> {
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (cp - zero < 10).then(|| (cp - zero) as u8)
}

/// Py_ISSPACE: the ASCII whitespace the number parsers skip.
#[inline]
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// ASCII text for the number parsers: ASCII kept, other whitespace -> ' ', Unicode
/// digits -> ASCII digits; anything else ends the text with '?' (which never parses).
/// Borrows the input when it is already ASCII.
pub fn to_ascii_number_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if c.is_whitespace() {
            // Non-ASCII str.isspace() equals char::is_whitespace (nd_zeros.py checks).
            out.push(' ');
        } else if let Some(d) = unicode_decimal(c) {
            out.push((b'0' + d) as char);
        } else {
            out.push('?');
            break;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether repr() shows `c` as itself. Exact for ASCII; for the rest an approximation of
/// str.isprintable (control, separator and common format characters are escaped, but
/// unassigned code points are not known here).
fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    let cp = c as u32;
    !(c.is_control()
        || c.is_whitespace()
        || cp == 0xad
        || (0x600..=0x605).contains(&cp)
        || cp == 0x61c
        || cp == 0x6dd
        || cp == 0x70f
        || cp == 0x180e
        || (0x200b..=0x200f).contains(&cp)
        || (0x202a..=0x202e).contains(&cp)
        || (0x2060..=0x206f).contains(&cp)
        || (0xe000..=0xf8ff).contains(&cp)
        || cp == 0xfeff
        || (0xfff9..=0xfffb).contains(&cp)
        || cp & 0xfffe == 0xfffe
        || cp >= 0xf0000)
}

/// repr(s) for a str, as CPython writes it (quote choice and escapes).
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// CPython's "%.200R": repr(s) cut to at most 200 characters.
pub fn str_repr_200(s: &str) -> String {
    let r = str_repr(s);
    match r.char_indices().nth(200) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        // From python3 3.11: repr() of each string.
        let cases = [
            ("abc", "'abc'"),
            ("it's", "\"it's\""),
            ("'\"", "'\\'\"'"),
            ("a\tb\n\\\x00\x7f", "'a\\tb\\n\\\\\\x00\\x7f'"),
            ("é\u{a0}\u{2028}\u{200b}日", "'é\\xa0\\u2028\\u200b日'"),
            ("\u{1c}", "'\\x1c'"),
        ];
        for (s, want) in cases {
            assert_eq!(str_repr(s), want);
        }
        assert_eq!(str_repr_200(&"1".repeat(300)).chars().count(), 200);
    }

    #[test]
    fn unicode_digits_and_spaces() {
        assert_eq!(unicode_decimal('\u{661}'), Some(1));
        assert_eq!(unicode_decimal('\u{ff19}'), Some(9));
        assert_eq!(unicode_decimal('\u{1d7ff}'), Some(9));
        assert_eq!(unicode_decimal('\u{66a}'), None);
        assert_eq!(unicode_decimal('é'), None);
        assert_eq!(to_ascii_number_text("\u{3000}١٢x"), " 12x");
        assert_eq!(to_ascii_number_text("1é2"), "1?");
    }
}
