//! The methods of bytes and bytearray on plain byte slices, as CPython's
//! Objects/bytes_methods.c and stringlib compute them: searching, splitting,
//! stripping, ASCII case mapping and classification, padding, hex, repr.
//! Only ASCII counts as letters, digits and whitespace, as in CPython.

use std::borrow::Cow;

use memchr::memmem;

use crate::error::{ExcKind, PyErr, PyResult};

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::ValueError, msg)
}

/// Python's bytes.isspace characters: space, \t, \n, \r, \x0b, \x0c.
#[inline]
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// ADJUST_INDICES: slice-like start and end clamped to 0..=len.
pub fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let n = len as i64;
    let fix = |v: i64| {
        if v < 0 {
            (v + n).max(0)
        } else {
            v.min(n)
        }
    };
    let s = start.map_or(0, fix);
    let e = end.map_or(n, fix);
    (s as usize, e as usize)
}

/// First index of `needle` in `hay`.
#[inline]
pub fn find_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(0),
        [b] => memchr::memchr(*b, hay),
        _ => memmem::find(hay, needle),
    }
}

/// Last index of `needle` in `hay`.
#[inline]
pub fn rfind_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(hay.len()),
        [b] => memchr::memrchr(*b, hay),
        _ => memmem::rfind(hay, needle),
    }
}

/// bytes.find(sub, start, end); -1 when absent.
pub fn find(hay: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    let len = hay.len() as i64;
    if start.is_some_and(|s| s > len) {
        return -1;
    }
    let (s, e) = adjust(start, end, hay.len());
    if e < s || e - s < sub.len() {
        return -1;
    }
    find_at(&hay[s..e], sub).map_or(-1, |i| (i + s) as i64)
}

/// bytes.rfind(sub, start, end); -1 when absent.
pub fn rfind(hay: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    let len = hay.len() as i64;
    if start.is_some_and(|s| s > len) {
        return -1;
    }
    let (s, e) = adjust(start, end, hay.len());
    if e < s || e - s < sub.len() {
        return -1;
    }
    rfind_at(&hay[s..e], sub).map_or(-1, |i| (i + s) as i64)
}

/// bytes.count(sub, start, end): non-overlapping occurrences.
pub fn count(hay: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    let len = hay.len() as i64;
    if start.is_some_and(|s| s > len) {
        return 0;
    }
    let (s, e) = adjust(start, end, hay.len());
    if e < s {
        return 0;
    }
    let h = &hay[s..e];
    match sub {
        [] => h.len() as i64 + 1,
        [b] => memchr::memchr_iter(*b, h).count() as i64,
        _ => count_nonoverlapping(h, sub) as i64,
    }
}

fn count_nonoverlapping(h: &[u8], sub: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    let f = memmem::Finder::new(sub);
    while let Some(p) = f.find(&h[i..]) {
        n += 1;
        i += p + sub.len();
    }
    n
}

/// `sub in hay`.
pub fn contains(hay: &[u8], sub: &[u8]) -> bool {
    find_at(hay, sub).is_some()
}

/// startswith / endswith one prefix within hay[start:end] (CPython's tailmatch).
pub fn tailmatch(
    hay: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
    at_end: bool,
) -> bool {
    let len = hay.len() as i64;
    if start.is_some_and(|s| s > len) {
        return false;
    }
    let (s, e) = adjust(start, end, hay.len());
    if e < s || e - s < sub.len() {
        return false;
    }
    if at_end {
        &hay[e - sub.len()..e] == sub
    } else {
        &hay[s..s + sub.len()] == sub
    }
}

/// split(sep, maxsplit) with a separator (non-empty; the caller checks).
pub fn split_sep<'a>(s: &'a [u8], sep: &[u8], maxsplit: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let f = memmem::Finder::new(sep);
    while left > 0 {
        match f.find(rest) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = &rest[i + sep.len()..];
                left -= 1;
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

/// rsplit(sep, maxsplit) with a separator.
pub fn rsplit_sep<'a>(s: &'a [u8], sep: &[u8], maxsplit: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let f = memmem::FinderRev::new(sep);
    while left > 0 {
        match f.rfind(rest) {
            Some(i) => {
                out.push(&rest[i + sep.len()..]);
                rest = &rest[..i];
                left -= 1;
            }
            None => break,
        }
    }
    out.push(rest);
    out.reverse();
    out
}

/// split() on runs of ASCII whitespace.
pub fn split_ws(s: &[u8], maxsplit: i64) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut i = 0;
    let n = s.len();
    while i < n {
        while i < n && is_space(s[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        if left == 0 {
            // The rest, as it is (trailing whitespace kept).
            out.push(&s[i..]);
            return out;
        }
        let start = i;
        while i < n && !is_space(s[i]) {
            i += 1;
        }
        out.push(&s[start..i]);
        left -= 1;
    }
    out
}

/// rsplit() on runs of ASCII whitespace.
pub fn rsplit_ws(s: &[u8], maxsplit: i64) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut j = s.len();
    while j > 0 {
        while j > 0 && is_space(s[j - 1]) {
            j -= 1;
        }
        if j == 0 {
            break;
        }
        if left == 0 {
            // The rest, leading whitespace kept.
            out.push(&s[..j]);
            break;
        }
        let end = j;
        while j > 0 && !is_space(s[j - 1]) {
            j -= 1;
        }
        out.push(&s[j..end]);
        left -= 1;
    }
    out.reverse();
    out
}

/// splitlines(keepends): \n, \r and \r\n end lines.
pub fn splitlines(s: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = s.len();
    while i < n {
        let start = i;
        while i < n && s[i] != b'\n' && s[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if s[i] == b'\r' && i + 1 < n && s[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(&s[start..eol]);
    }
    out
}

fn in_set(chars: Option<&[u8]>, b: u8) -> bool {
    match chars {
        None => is_space(b),
        Some(c) => c.contains(&b),
    }
}

/// strip(chars): ASCII whitespace when `chars` is None.
pub fn strip<'a>(s: &'a [u8], chars: Option<&[u8]>, left: bool, right: bool) -> &'a [u8] {
    let mut i = 0;
    let mut j = s.len();
    if left {
        while i < j && in_set(chars, s[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && in_set(chars, s[j - 1]) {
            j -= 1;
        }
    }
    &s[i..j]
}

/// replace(old, new, count): borrowed when nothing changes.
pub fn replace<'a>(s: &'a [u8], old: &[u8], new: &[u8], count: i64) -> PyResult<Cow<'a, [u8]>> {
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if max == 0 || (old.is_empty() && new.is_empty()) {
        return Ok(Cow::Borrowed(s));
    }
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to `max` times.
        let k = max.min(s.len() + 1);
        let total = s
            .len()
            .checked_add(new.len().checked_mul(k).ok_or_else(overflow)?)
            .ok_or_else(overflow)?;
        let mut out = Vec::with_capacity(total);
        for (i, &b) in s.iter().enumerate() {
            if i < k {
                out.extend_from_slice(new);
            }
            out.push(b);
        }
        if k > s.len() {
            out.extend_from_slice(new);
        }
        return Ok(Cow::Owned(out));
    }
    let f = memmem::Finder::new(old);
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    let mut done = 0;
    while done < max {
        let Some(p) = f.find(&s[i..]) else { break };
        let o = out.get_or_insert_with(|| Vec::with_capacity(s.len()));
        o.extend_from_slice(&s[i..i + p]);
        o.extend_from_slice(new);
        i += p + old.len();
        done += 1;
    }
    match out {
        None => Ok(Cow::Borrowed(s)),
        Some(mut o) => {
            o.extend_from_slice(&s[i..]);
            Ok(Cow::Owned(o))
        }
    }
}

fn overflow() -> PyErr {
    PyErr::new(ExcKind::OverflowError, "replace bytes is too long")
}

/// partition(sep): (before, sep found, after); sep must be non-empty.
pub fn partition<'a>(s: &'a [u8], sep: &[u8]) -> (&'a [u8], bool, &'a [u8]) {
    match find_at(s, sep) {
        Some(i) => (&s[..i], true, &s[i + sep.len()..]),
        None => (s, false, &s[s.len()..]),
    }
}

/// rpartition(sep).
pub fn rpartition<'a>(s: &'a [u8], sep: &[u8]) -> (&'a [u8], bool, &'a [u8]) {
    match rfind_at(s, sep) {
        Some(i) => (&s[..i], true, &s[i + sep.len()..]),
        None => (&s[..0], false, s),
    }
}

pub fn lower(s: &[u8]) -> Vec<u8> {
    s.to_ascii_lowercase()
}

pub fn upper(s: &[u8]) -> Vec<u8> {
    s.to_ascii_uppercase()
}

pub fn swapcase(s: &[u8]) -> Vec<u8> {
    s.iter()
        .map(|&b| {
            if b.is_ascii_lowercase() {
                b.to_ascii_uppercase()
            } else if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b
            }
        })
        .collect()
}

pub fn capitalize(s: &[u8]) -> Vec<u8> {
    s.iter()
        .enumerate()
        .map(|(i, &b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect()
}

pub fn title(s: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    s.iter()
        .map(|&b| {
            let r = if b.is_ascii_alphabetic() {
                if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            } else {
                b
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

pub fn isalnum(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(u8::is_ascii_alphanumeric)
}

pub fn isalpha(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(u8::is_ascii_alphabetic)
}

pub fn isascii(s: &[u8]) -> bool {
    s.is_ascii()
}

pub fn isdigit(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(u8::is_ascii_digit)
}

pub fn isspace(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|&b| is_space(b))
}

pub fn islower(s: &[u8]) -> bool {
    s.iter().any(u8::is_ascii_lowercase) && !s.iter().any(u8::is_ascii_uppercase)
}

pub fn isupper(s: &[u8]) -> bool {
    s.iter().any(u8::is_ascii_uppercase) && !s.iter().any(u8::is_ascii_lowercase)
}

pub fn istitle(s: &[u8]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for &b in s {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// center / ljust / rjust: None when no padding is needed; MemoryError when the
/// result cannot be had.
pub fn pad(s: &[u8], width: i64, fill: u8, how: char) -> PyResult<Option<Vec<u8>>> {
    if width <= s.len() as i64 {
        return Ok(None);
    }
    let total = width as usize - s.len();
    let (l, r) = match how {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's pad for center: the odd byte goes left when the width is odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = crate::objects::room::vec_with_capacity(width as usize)?;
    out.resize(l, fill);
    out.extend_from_slice(s);
    out.resize(l + s.len() + r, fill);
    Ok(Some(out))
}

/// zfill(width): None when nothing changes; MemoryError when the result cannot be
/// had.
pub fn zfill(s: &[u8], width: i64) -> PyResult<Option<Vec<u8>>> {
    if width <= s.len() as i64 {
        return Ok(None);
    }
    let fill = width as usize - s.len();
    let mut out = crate::objects::room::vec_with_capacity(width as usize)?;
    out.resize(fill, b'0');
    out.extend_from_slice(s);
    if matches!(s.first(), Some(b'+' | b'-')) {
        out[0] = s[0];
        out[fill] = b'0';
    }
    Ok(Some(out))
}

/// expandtabs(tabsize).
pub fn expandtabs(s: &[u8], tabsize: i64) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut col: usize = 0;
    for &b in s {
        match b {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - col % tabsize as usize;
                    if out.len() + n > isize::MAX as usize / 2 {
                        return Err(PyErr::new(ExcKind::OverflowError, "result too long"));
                    }
                    crate::objects::room::reserve(&mut out, n)?;
                    out.resize(out.len() + n, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(out)
}

/// hex(sep, bytes_per_sep): `sep` None for no separator.
pub fn hex(s: &[u8], sep: Option<u8>, bytes_per_sep: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(s.len() * 3);
    let n = s.len();
    let group = bytes_per_sep.unsigned_abs() as usize;
    for (i, &b) in s.iter().enumerate() {
        if let Some(c) = sep.filter(|_| group > 0 && i > 0) {
            let boundary = if bytes_per_sep > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(c as char);
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// bytes.fromhex(text): pairs of hex digits, whitespace allowed between pairs.
pub fn fromhex(text: &[u32]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 2);
    let digit = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(16));
    let mut i = 0;
    let n = text.len();
    let bad = |pos: usize| {
        value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    while i < n {
        if text[i] < 128 && is_space(text[i] as u8) {
            i += 1;
            continue;
        }
        let hi = digit(text[i]).ok_or_else(|| bad(i))?;
        let lo = match text.get(i + 1) {
            Some(&c) => digit(c).ok_or_else(|| bad(i + 1))?,
            None => return Err(bad(i + 1)),
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// repr of bytes data: b'...' with CPython's quote choice and escapes. `bytearray`
/// reprs always escape a single quote (CPython's bytearray_repr).
pub fn repr(s: &[u8], bytearray: bool) -> String {
    let quote = if s.contains(&b'\'') && !s.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(s.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in s {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\'' if quote == b'\'' || bytearray => out.push_str("\\'"),
            b'"' if quote == b'"' => out.push_str("\\\""),
            0x20..=0x7e => out.push(b as char),
            _ => {
                const D: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\x");
                out.push(D[(b >> 4) as usize] as char);
                out.push(D[(b & 15) as usize] as char);
            }
        }
    }
    out.push(quote as char);
    out
}

/// translate(table, delete): `table` of 256 bytes or None.
pub fn translate(s: &[u8], table: Option<&[u8]>, delete: &[u8]) -> Vec<u8> {
    let mut del = [false; 256];
    for &d in delete {
        del[d as usize] = true;
    }
    s.iter()
        .filter(|&&b| !del[b as usize])
        .map(|&b| table.map_or(b, |t| t[b as usize]))
        .collect()
}

/// bytes.maketrans(from, to) (equal lengths; the caller checks).
pub fn maketrans(from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (&f, &x) in from.iter().zip(to) {
        t[f as usize] = x;
    }
    t
}

/// Compare two byte strings (memcmp, then length).
pub fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    a.cmp(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// python3 outputs for these calls.
    #[test]
    fn methods_match_cpython() {
        assert_eq!(
            split_ws(b"a b\x0bc\x1cd", -1),
            vec![&b"a"[..], b"b", b"c\x1cd"]
        );
        assert_eq!(split_ws(b"  a  b  ", 1), vec![&b"a"[..], b"b  "]);
        assert_eq!(rsplit_ws(b"  a  b  ", 1), vec![&b"  a"[..], b"b"]);
        assert_eq!(
            splitlines(b"a\r\nb\rc\nd\n", true),
            vec![&b"a\r\n"[..], b"b\r", b"c\n", b"d\n"]
        );
        assert_eq!(title(b"hello world"), b"Hello World");
        assert!(!istitle(b"ab1c") && istitle(b"Ab1C"));
        assert_eq!(zfill(b"-12", 5).unwrap().unwrap(), b"-0012");
        assert_eq!(zfill(b"+", 3).unwrap().unwrap(), b"+00");
        assert_eq!(hex(b"abcdef", Some(b':'), 2), "6162:6364:6566");
        assert_eq!(hex(b"abcde", Some(b'-'), 2), "61-6263-6465");
        assert_eq!(hex(b"abcde", Some(b'-'), -2), "6162-6364-65");
        assert_eq!(repr(b"it's", true), "b\"it\\'s\"");
        assert_eq!(repr(b"'\"", false), "b'\\'\"'");
        assert_eq!(pad(b"abc", 9, b'*', '^').unwrap().unwrap(), b"***abc***");
        assert_eq!(pad(b"ab", 5, b'*', '^').unwrap().unwrap(), b"**ab*");
        assert_eq!(expandtabs(b"A\tb", 4).unwrap(), b"A   b");
    }
}
