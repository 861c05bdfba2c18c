//! str.encode and bytes.decode for the codecs glasspy has: UTF-8, ASCII and Latin-1
//! (with CPython's aliases), and the error handlers strict, ignore, replace,
//! backslashreplace, surrogateescape, surrogatepass (UTF-8) and xmlcharrefreplace
//! (encoding). Error ranges and reasons are CPython's, so the UnicodeEncodeError /
//! UnicodeDecodeError messages read the same.

use super::unicode::view::{StrBuf, StrView};
use crate::heap::PyObj;

/// A codec glasspy implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec's name in messages ('utf-8', 'ascii', 'latin-1').
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// The codec for an encoding name (case, '-', '_' and ' ' do not matter, as in
/// CPython's normalisation); None for an unknown one.
pub fn lookup(name: &str) -> Option<Codec> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" | "cp367"
        | "csascii" | "ibm367" | "iso_ir_6" | "ansi_x3.4_1986" | "iso_646.irv_1991" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" | "iso8859" => Codec::Latin1,
        _ => return None,
    })
}

/// An error handler by name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    SurrogateEscape,
    SurrogatePass,
    XmlCharRefReplace,
    /// An unknown name: LookupError when an error happens.
    Unknown,
}

pub fn handler(name: &str) -> Handler {
    match name {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        _ => Handler::Unknown,
    }
}

/// Why a codec failed: the range [start, end) of the input and the reason; the caller
/// makes the UnicodeEncodeError / UnicodeDecodeError (or the LookupError of an
/// unknown handler, or the TypeError of a handler that cannot do this direction).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError {
    pub codec: Codec,
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
    /// The handler was unknown (LookupError) or does not apply (TypeError).
    pub bad_handler: Option<Handler>,
}

fn is_surrogate(c: u32) -> bool {
    (0xD800..0xE000).contains(&c)
}

// ----- encoding -----------------------------------------------------------------------

/// Can `c` be encoded by `codec` without an error?
fn encodable(codec: Codec, c: u32) -> bool {
    match codec {
        Codec::Utf8 => !is_surrogate(c),
        Codec::Ascii => c < 0x80,
        Codec::Latin1 => c < 0x100,
    }
}

fn push_char(codec: Codec, c: u32, out: &mut Vec<u8>) {
    match codec {
        Codec::Utf8 => {
            let mut buf = [0u8; 4];
            match char::from_u32(c) {
                Some(ch) => out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes()),
                None => {
                    // A surrogate (surrogatepass): its 3-byte form.
                    out.push(0xE0 | (c >> 12) as u8);
                    out.push(0x80 | ((c >> 6) & 0x3F) as u8);
                    out.push(0x80 | (c & 0x3F) as u8);
                }
            }
        }
        _ => out.push(c as u8),
    }
}

/// Encode a str's characters.
pub fn encode(v: StrView<'_>, codec: Codec, errors: Handler) -> Result<Vec<u8>, CodecError> {
    // Fast paths: whole text encodable.
    match (codec, v) {
        (_, StrView::Ascii(s)) => return Ok(s.to_vec()),
        (Codec::Latin1, StrView::Latin1(b)) => return Ok(b.to_vec()),
        (Codec::Utf8, _) if !v.has_surrogates() => {
            if let Some(s) = v.to_str() {
                return Ok(s.into_owned().into_bytes());
            }
        }
        _ => {}
    }
    let chars: Vec<u32> = v.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        if encodable(codec, c) {
            push_char(codec, c, &mut out);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < n && !encodable(codec, chars[end]) {
            end += 1;
        }
        let reason = match codec {
            Codec::Utf8 => "surrogates not allowed",
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
        };
        let fail = |bad: Option<Handler>| CodecError {
            codec,
            start,
            end,
            reason,
            bad_handler: bad,
        };
        match errors {
            Handler::Strict => return Err(fail(None)),
            Handler::Unknown => return Err(fail(Some(Handler::Unknown))),
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', end - start)),
            Handler::BackslashReplace => {
                for &c in &chars[start..end] {
                    let esc = if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[start..end] {
                    out.extend_from_slice(format!("&#{c};").as_bytes());
                }
            }
            Handler::SurrogateEscape => {
                // Only U+DC80..U+DCFF go back to the bytes 0x80..0xFF.
                for (k, &c) in chars[start..end].iter().enumerate() {
                    if !(0xDC80..0xDD00).contains(&c) {
                        return Err(CodecError {
                            start: start + k,
                            end: start + k + 1,
                            ..fail(None)
                        });
                    }
                    out.push((c - 0xDC00) as u8);
                }
            }
            Handler::SurrogatePass => {
                if codec != Codec::Utf8 {
                    return Err(fail(None));
                }
                for (k, &c) in chars[start..end].iter().enumerate() {
                    if !is_surrogate(c) {
                        return Err(CodecError {
                            start: start + k,
                            end: start + k + 1,
                            ..fail(None)
                        });
                    }
                    push_char(codec, c, &mut out);
                }
            }
        }
        i = end;
    }
    Ok(out)
}

// ----- decoding -----------------------------------------------------------------------

/// The next UTF-8 sequence at `b[i..]`: Ok(code point, length) or Err((bad length,
/// reason)) with CPython's error ranges (the maximal valid prefix, at least one byte).
fn utf8_next(b: &[u8], i: usize) -> Result<(u32, usize), (usize, &'static str)> {
    let c0 = b[i];
    if c0 < 0x80 {
        return Ok((c0 as u32, 1));
    }
    let (n, lo, hi) = match c0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Err((1, "invalid start byte")),
    };
    let mut cp = (c0 as u32) & (0x7F >> n);
    for k in 1..n {
        let Some(&c) = b.get(i + k) else {
            return Err((b.len() - i, "unexpected end of data"));
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if c < l || c > h {
            return Err((k, "invalid continuation byte"));
        }
        cp = (cp << 6) | (c as u32 & 0x3F);
    }
    Ok((cp, n))
}

/// Decode bytes to a str buffer.
pub fn decode(b: &[u8], codec: Codec, errors: Handler) -> Result<StrBuf, CodecError> {
    if b.is_ascii() {
        return Ok(StrBuf::Ascii(
            std::str::from_utf8(b).expect("ASCII").to_owned(),
        ));
    }
    match codec {
        Codec::Latin1 => {
            return Ok(StrBuf::from_chars(
                b.iter().map(|&x| x as u32),
                b.len(),
                super::unicode::kind::Kind::Latin1,
            ))
        }
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(StrBuf::from_text(s));
            }
        }
        Codec::Ascii => {}
    }
    let mut out: Vec<u32> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let r = match codec {
            Codec::Utf8 => utf8_next(b, i),
            _ if b[i] < 0x80 => Ok((b[i] as u32, 1)),
            _ => Err((1, "ordinal not in range(128)")),
        };
        let (len, reason) = match r {
            Ok((cp, n)) => {
                out.push(cp);
                i += n;
                continue;
            }
            Err(e) => e,
        };
        let (start, end) = (i, i + len);
        let fail = |bad: Option<Handler>| CodecError {
            codec,
            start,
            end,
            reason,
            bad_handler: bad,
        };
        match errors {
            Handler::Strict => return Err(fail(None)),
            Handler::Unknown => return Err(fail(Some(Handler::Unknown))),
            Handler::XmlCharRefReplace => return Err(fail(Some(Handler::XmlCharRefReplace))),
            Handler::Ignore => {}
            Handler::Replace => out.push(0xFFFD),
            Handler::BackslashReplace => {
                for &x in &b[start..end] {
                    for c in format!("\\x{x:02x}").chars() {
                        out.push(c as u32);
                    }
                }
            }
            Handler::SurrogateEscape => {
                for &x in &b[start..end] {
                    if x < 0x80 {
                        return Err(fail(None));
                    }
                    out.push(0xDC00 + x as u32);
                }
            }
            Handler::SurrogatePass => {
                // A 3-byte encoded surrogate is accepted; anything else fails.
                if codec == Codec::Utf8 && b[i] == 0xED && b.len() >= i + 3 {
                    let (c1, c2) = (b[i + 1], b[i + 2]);
                    if (0xA0..=0xBF).contains(&c1) && (0x80..=0xBF).contains(&c2) {
                        out.push(0xD000 | ((c1 as u32 & 0x3F) << 6) | (c2 as u32 & 0x3F));
                        i += 3;
                        continue;
                    }
                }
                return Err(fail(None));
            }
        }
        i = end;
    }
    Ok(StrBuf::from_code_points(&out))
}

/// The message of a UnicodeEncodeError: `'ascii' codec can't encode character
/// '\xe9' in position 0: ordinal not in range(128)`.
pub fn encode_error_message(
    encoding: &str,
    chars: &[u32],
    start: usize,
    end: usize,
    reason: &str,
) -> String {
    if end == start + 1 && start < chars.len() {
        let c = chars[start];
        let shown = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        return format!(
            "'{encoding}' codec can't encode character '{shown}' in position {start}: {reason}"
        );
    }
    format!(
        "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
        end.saturating_sub(1)
    )
}

/// The message of a UnicodeDecodeError: `'utf-8' codec can't decode byte 0xff in
/// position 0: invalid start byte`.
pub fn decode_error_message(
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> String {
    if end == start + 1 && start < data.len() {
        return format!(
            "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start]
        );
    }
    format!(
        "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
        end.saturating_sub(1)
    )
}

// ----- UnicodeEncodeError / UnicodeDecodeError objects -------------------------------

/// The five arguments (encoding, object, start, end, reason) of a
/// UnicodeEncodeError / UnicodeDecodeError, and whether it is the decode one; None
/// for other exceptions or other arguments.
fn unicode_error_args(exc: &PyObj) -> Option<(Vec<PyObj>, bool)> {
    let c = super::ctx();
    let decode = if super::exceptions::matches(exc, c.exc_type("UnicodeDecodeError")) {
        true
    } else if super::exceptions::matches(exc, c.exc_type("UnicodeEncodeError")) {
        false
    } else {
        return None;
    };
    let args = super::exceptions::args(exc);
    let items = super::tuple::items(&args)?.to_vec();
    if items.len() != 5
        || super::string::view(&items[0]).is_none()
        || super::int::as_i64(&items[2]).is_none()
        || super::int::as_i64(&items[3]).is_none()
        || super::string::view(&items[4]).is_none()
    {
        return None;
    }
    Some((items, decode))
}

/// str() of a UnicodeEncodeError / UnicodeDecodeError made from its five arguments.
pub fn unicode_error_str(exc: &PyObj) -> Option<String> {
    let (a, decode) = unicode_error_args(exc)?;
    let text = |o: &PyObj| super::string::view(o).map(|v| v.to_str_lossy().into_owned());
    let encoding = text(&a[0])?;
    let reason = text(&a[4])?;
    let start = super::int::as_i64(&a[2])?.max(0) as usize;
    let end = super::int::as_i64(&a[3])?.max(0) as usize;
    if decode {
        let data = super::buffer::to_vec(&a[1])?.ok()?;
        Some(decode_error_message(&encoding, &data, start, end, &reason))
    } else {
        let chars: Vec<u32> = super::string::view(&a[1])?.chars().collect();
        Some(encode_error_message(&encoding, &chars, start, end, &reason))
    }
}

/// The attributes encoding, object, start, end and reason of a Unicode error.
pub fn unicode_error_attr(exc: &PyObj, name: &str) -> Option<PyObj> {
    let (a, _) = unicode_error_args(exc)?;
    let i = ["encoding", "object", "start", "end", "reason"]
        .iter()
        .position(|n| *n == name)?;
    Some(a[i].clone())
}

/// str() of UnicodeEncodeError / UnicodeDecodeError: the codec's message when made
/// from the five arguments, else BaseException's.
fn unicode_error_str_slot(
    rt: &mut dyn super::runtime::Runtime,
    o: &PyObj,
) -> super::exceptions::VmResult<String> {
    if let Some(s) = unicode_error_str(o) {
        return Ok(s);
    }
    let f = super::exception::SLOTS
        .str
        .expect("BaseException has a str slot");
    f(rt, o)
}

/// The slots of UnicodeEncodeError and UnicodeDecodeError.
pub const UNICODE_ERROR_SLOTS: super::typeobj::slots::SlotTable =
    super::typeobj::slots::SlotTable {
        str: Some(unicode_error_str_slot),
        ..super::typeobj::slots::SlotTable::EMPTY
    };

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(b: &[u8]) -> Result<StrBuf, (usize, usize, &'static str)> {
        decode(b, Codec::Utf8, Handler::Strict).map_err(|e| (e.start, e.end, e.reason))
    }

    /// python3: the UnicodeDecodeError ranges and reasons of these inputs.
    #[test]
    fn utf8_errors_match_cpython() {
        assert_eq!(dec(b"\xff").unwrap_err(), (0, 1, "invalid start byte"));
        assert_eq!(
            dec(b"a\xe2\x82").unwrap_err(),
            (1, 3, "unexpected end of data")
        );
        assert_eq!(
            dec(b"\xe2\x28\xa1").unwrap_err(),
            (0, 1, "invalid continuation byte")
        );
        assert_eq!(
            dec(b"\xe2\x82\x28").unwrap_err(),
            (0, 2, "invalid continuation byte")
        );
        assert_eq!(
            dec(b"\xed\xa0\x80").unwrap_err(),
            (0, 1, "invalid continuation byte")
        );
        assert_eq!(dec(b"\xc0\x80").unwrap_err(), (0, 1, "invalid start byte"));
        let r = decode(b"a\xffb\xe2\x82", Codec::Utf8, Handler::Replace).expect("replace");
        assert_eq!(r, StrBuf::from_text("a\u{fffd}b\u{fffd}"));
    }

    #[test]
    fn lookup_knows_the_aliases() {
        assert_eq!(lookup("UTF8"), Some(Codec::Utf8));
        assert_eq!(lookup("Latin-1"), Some(Codec::Latin1));
        assert_eq!(lookup("iso-8859-1"), Some(Codec::Latin1));
        assert_eq!(lookup("US-ASCII"), Some(Codec::Ascii));
        assert_eq!(lookup("utf-16"), None);
    }
}
