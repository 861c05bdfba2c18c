//! The text encodings files use: UTF-8, ASCII and Latin-1 (with their aliases), and
//! the error handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace
//! and surrogateescape, with CPython's UnicodeEncodeError / UnicodeDecodeError
//! messages.

use crate::objects::exceptions::{self, Exc, VmResult};

/// An encoding files can use.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Ascii,
    Latin1,
}

impl Encoding {
    /// The encoding called `name` (any of Python's spellings), if supported.
    pub fn lookup(name: &str) -> Option<Encoding> {
        let n: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c })
            .collect();
        Some(match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Encoding::Utf8,
            "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" => Encoding::Ascii,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1"
            | "latin" | "iso-ir-100" => Encoding::Latin1,
            _ => return None,
        })
    }

    /// The codec's name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
        }
    }
}

/// LookupError: unknown encoding: x
pub fn unknown_encoding(name: &str) -> Exc {
    exceptions::named("LookupError", format!("unknown encoding: {name}"))
}

/// Is `errors` an error handler this module knows?
pub fn known_handler(errors: &str) -> bool {
    matches!(
        errors,
        "strict"
            | "ignore"
            | "replace"
            | "backslashreplace"
            | "xmlcharrefreplace"
            | "surrogateescape"
    )
}

/// LookupError: unknown error handler name 'x'
pub fn unknown_handler(errors: &str) -> Exc {
    exceptions::named(
        "LookupError",
        format!("unknown error handler name '{errors}'"),
    )
}

/// Encode code points, appending to `out`.
pub fn encode(enc: Encoding, errors: &str, chars: &[u32], out: &mut Vec<u8>) -> VmResult<()> {
    let limit = match enc {
        Encoding::Utf8 => 0x110000,
        Encoding::Ascii => 0x80,
        Encoding::Latin1 => 0x100,
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let bad = if enc == Encoding::Utf8 {
            (0xd800..0xe000).contains(&c)
        } else {
            c >= limit
        };
        if !bad {
            match enc {
                Encoding::Utf8 => {
                    let ch = char::from_u32(c).expect("not a surrogate");
                    let mut b = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
                }
                _ => out.push(c as u8),
            }
            i += 1;
            continue;
        }
        // A run of unencodable characters (CPython reports the run for strict).
        let mut j = i + 1;
        while j < chars.len() {
            let cj = chars[j];
            let badj = if enc == Encoding::Utf8 {
                (0xd800..0xe000).contains(&cj)
            } else {
                cj >= limit
            };
            if !badj {
                break;
            }
            j += 1;
        }
        match errors {
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for &c in &chars[i..j] {
                    let s = if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    out.extend_from_slice(s.as_bytes());
                }
            }
            "xmlcharrefreplace" if enc != Encoding::Utf8 => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{c};").as_bytes());
                }
            }
            "surrogateescape" if chars[i..j].iter().all(|c| (0xdc80..0xdd00).contains(c)) => {
                out.extend(chars[i..j].iter().map(|c| (c - 0xdc00) as u8));
            }
            h if !known_handler(h) => return Err(unknown_handler(h)),
            _ => {
                let reason = match enc {
                    Encoding::Utf8 => "surrogates not allowed",
                    Encoding::Ascii => "ordinal not in range(128)",
                    Encoding::Latin1 => "ordinal not in range(256)",
                };
                // strict (and a handler that cannot handle these characters).
                let j = if enc == Encoding::Utf8 { j } else { i + 1 };
                return Err(encode_error(enc, chars, i, j, reason));
            }
        }
        i = j;
    }
    Ok(())
}

fn char_repr(c: u32) -> String {
    if c < 0x100 {
        format!("'\\x{c:02x}'")
    } else if c < 0x10000 {
        format!("'\\u{c:04x}'")
    } else {
        format!("'\\U{c:08x}'")
    }
}

fn encode_error(enc: Encoding, chars: &[u32], start: usize, end: usize, reason: &str) -> Exc {
    let msg = if end - start == 1 {
        format!(
            "'{}' codec can't encode character {} in position {start}: {reason}",
            enc.name(),
            char_repr(chars[start])
        )
    } else {
        format!(
            "'{}' codec can't encode characters in position {start}-{}: {reason}",
            enc.name(),
            end - 1
        )
    };
    exceptions::named("UnicodeEncodeError", msg)
}

/// One step of decoding.
pub enum Step {
    /// A character and the bytes it took.
    Char(u32, usize),
    /// The bytes end in the middle of a character (only when more may come).
    NeedMore,
    /// Undecodable bytes: how many, and why.
    Bad(usize, &'static str),
}

/// Decode the character at the start of `b` (not empty). `eof`: no more bytes follow.
pub fn decode_one(enc: Encoding, b: &[u8], eof: bool) -> Step {
    let b0 = b[0];
    match enc {
        Encoding::Latin1 => Step::Char(u32::from(b0), 1),
        Encoding::Ascii => {
            if b0 < 0x80 {
                Step::Char(u32::from(b0), 1)
            } else {
                Step::Bad(1, "ordinal not in range(128)")
            }
        }
        Encoding::Utf8 => {
            if b0 < 0x80 {
                return Step::Char(u32::from(b0), 1);
            }
            let (n, min2, max2) = match b0 {
                0xc2..=0xdf => (2, 0x80, 0xbf),
                0xe0 => (3, 0xa0, 0xbf),
                0xed => (3, 0x80, 0x9f),
                0xe1..=0xef => (3, 0x80, 0xbf),
                0xf0 => (4, 0x90, 0xbf),
                0xf1..=0xf3 => (4, 0x80, 0xbf),
                0xf4 => (4, 0x80, 0x8f),
                _ => return Step::Bad(1, "invalid start byte"),
            };
            for k in 1..n {
                let Some(&bk) = b.get(k) else {
                    return if eof {
                        Step::Bad(k, "unexpected end of data")
                    } else {
                        Step::NeedMore
                    };
                };
                let (lo, hi) = if k == 1 { (min2, max2) } else { (0x80, 0xbf) };
                if !(lo..=hi).contains(&bk) {
                    return Step::Bad(k, "invalid continuation byte");
                }
            }
            let mut c = u32::from(b0) & (0x7f >> n);
            for &bk in &b[1..n] {
                c = (c << 6) | (u32::from(bk) & 0x3f);
            }
            Step::Char(c, n)
        }
    }
}

/// UnicodeDecodeError for bytes `start..end` of `b`.
pub fn decode_error(enc: Encoding, b: &[u8], start: usize, end: usize, reason: &str) -> Exc {
    let msg = if end - start == 1 {
        format!(
            "'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            enc.name(),
            b[start]
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {start}-{}: {reason}",
            enc.name(),
            end - 1
        )
    };
    exceptions::named("UnicodeDecodeError", msg)
}

/// What an error handler puts in place of undecodable bytes (strict: an error).
pub fn decode_replacement(
    enc: Encoding,
    errors: &str,
    b: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut Vec<u32>,
) -> VmResult<()> {
    match errors {
        "ignore" => {}
        "replace" => out.push(0xfffd),
        "backslashreplace" => {
            for &x in &b[start..end] {
                out.extend(format!("\\x{x:02x}").chars().map(u32::from));
            }
        }
        "surrogateescape" => out.extend(b[start..end].iter().map(|&x| 0xdc00 + u32::from(x))),
        h if !known_handler(h) => return Err(unknown_handler(h)),
        _ => return Err(decode_error(enc, b, start, end, reason)),
    }
    Ok(())
}

/// Decode all of `b` (its end is the end of the data).
pub fn decode_all(enc: Encoding, errors: &str, b: &[u8]) -> VmResult<Vec<u32>> {
    let mut out = Vec::with_capacity(b.len());
    if enc == Encoding::Utf8 {
        if let Ok(s) = std::str::from_utf8(b) {
            out.extend(s.chars().map(u32::from));
            return Ok(out);
        }
    }
    let mut i = 0;
    while i < b.len() {
        match decode_one(enc, &b[i..], true) {
            Step::Char(c, n) => {
                out.push(c);
                i += n;
            }
            Step::Bad(n, reason) => {
                decode_replacement(enc, errors, b, i, i + n, reason, &mut out)?;
                i += n;
            }
            Step::NeedMore => unreachable!("eof given"),
        }
    }
    Ok(out)
}
