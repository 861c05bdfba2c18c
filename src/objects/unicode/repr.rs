//! repr() of a str exactly as CPython's unicode_repr: the quote choice and the
//! \\ \n \r \t \xNN \uNNNN \UNNNNNNNN escapes for non-printable characters.

use std::fmt::Write;

use super::ctype::is_printable;
use super::view::StrView;

/// repr of the str whose code points `chars` yields (surrogates allowed).
pub fn repr_chars(chars: impl Iterator<Item = u32> + Clone, len_hint: usize) -> String {
    let (mut squote, mut dquote) = (false, false);
    for c in chars.clone() {
        match c {
            0x27 => squote = true,
            0x22 => dquote = true,
            _ => {}
        }
    }
    let quote = if squote && !dquote { '"' } else { '\'' };
    let mut out = String::with_capacity(len_hint + 2);
    out.push(quote);
    for c in chars {
        push_escaped(&mut out, c, quote);
    }
    out.push(quote);
    out
}

#[inline]
fn push_escaped(out: &mut String, c: u32, quote: char) {
    match c {
        0x5C => out.push_str("\\\\"),
        0x09 => out.push_str("\\t"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        _ if c == quote as u32 => {
            out.push('\\');
            out.push(quote);
        }
        0x20..=0x7E => out.push(c as u8 as char),
        _ if c < 0x80 => {
            let _ = write!(out, "\\x{c:02x}");
        }
        _ if is_printable(c) => out.push(char::from_u32(c).unwrap_or('\u{FFFD}')),
        _ if c <= 0xFF => {
            let _ = write!(out, "\\x{c:02x}");
        }
        _ if c <= 0xFFFF => {
            let _ = write!(out, "\\u{c:04x}");
        }
        _ => {
            let _ = write!(out, "\\U{c:08x}");
        }
    }
}

/// repr of a str view.
pub fn repr_view(v: StrView<'_>) -> String {
    repr_chars(v.chars(), v.len())
}

/// repr of the Python str equal to `s`.
pub fn repr_str(s: &str) -> String {
    repr_chars(s.chars().map(|c| c as u32), s.len())
}

/// CPython's "%.200R" (int() messages): repr(s) cut to 200 characters.
pub fn repr_str_200(s: &str) -> String {
    let mut r = repr_str(s);
    if let Some((cut, _)) = r.char_indices().nth(200) {
        r.truncate(cut);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::super::test_data::REPR;
    use super::super::view::StrBuf;
    use super::*;

    #[test]
    fn repr_matches_python() {
        for &(s, want) in REPR {
            assert_eq!(repr_str(s), want, "{s:?}");
            assert_eq!(repr_view(StrBuf::from_text(s).view()), want, "{s:?}");
        }
    }

    // Expected values from python3 3.11: repr(s); and for "%.200R",
    // int('1' * 300 + 'x'), whose message quotes 200 characters of the repr.
    #[test]
    fn message_reprs_match_python() {
        let cases = [
            ("it's", r#""it's""#),
            (r#"'""#, r#"'\'"'"#),
            ("a\tb\n\\\x00\x7f", r"'a\tb\n\\\x00\x7f'"),
            ("é\u{a0}\u{2028}\u{200b}日", r"'é\xa0\u2028\u200b日'"),
            ("\u{378}x", r"'\u0378x'"),
        ];
        for (s, want) in cases {
            assert_eq!(repr_str_200(s), want, "{s:?}");
        }
        let long = format!("{}x", "1".repeat(300));
        assert_eq!(repr_str_200(&long), format!("'{}", "1".repeat(199)));
    }

    // python3 -c "print(repr('a\ud800b\udfff'))"  ->  'a\ud800b\udfff'
    #[test]
    fn lone_surrogates_are_escaped() {
        let v = StrView::Ucs2(&[0x61, 0xD800, 0x62, 0xDFFF]);
        assert_eq!(repr_view(v), "'a\\ud800b\\udfff'");
    }
}
