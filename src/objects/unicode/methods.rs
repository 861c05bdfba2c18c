//! str methods that search, split, strip, replace and join, with Python semantics over
//! UTF-8 text and code-point indices (ASCII text takes byte-index fast paths).

use std::borrow::Cow;

use super::ctype::is_space;
use crate::error::{ExcKind, PyErr, PyResult};

/// The code point starting at byte `i` and its UTF-8 length.
#[inline]
pub(crate) fn decode_at(s: &str, i: usize) -> (u32, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (u32::from(b), 1);
    }
    let c = s[i..].chars().next().unwrap_or('\0');
    (c as u32, c.len_utf8())
}

/// The code point ending at byte `i` and its UTF-8 length.
#[inline]
fn decode_before(s: &str, i: usize) -> (u32, usize) {
    let b = s.as_bytes()[i - 1];
    if b < 0x80 {
        return (u32::from(b), 1);
    }
    let c = s[..i].chars().next_back().unwrap_or('\0');
    (c as u32, c.len_utf8())
}

/// Length of `s` in code points.
#[inline]
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `cp` (0 <= cp <= char count) in `s`.
#[inline]
fn byte_offset(s: &str, ascii: bool, cp: usize) -> usize {
    if ascii {
        return cp;
    }
    s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b)
}

/// CPython's ADJUST_INDICES: `None` bounds are 0 and len; negative ones count from
/// the end and clamp at 0; end clamps at len (start may stay beyond len).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let n = len as i64;
    let mut end = end.unwrap_or(n);
    if end > n {
        end = n;
    } else if end < 0 {
        end = (end + n).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + n).max(0);
    }
    (start, end)
}

/// The adjusted window of `s` as (start, end) in code points and its text, or None
/// when it cannot hold `sublen` code points.
fn window(
    s: &str,
    sublen: usize,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<(i64, i64, &str, bool)> {
    let ascii = s.is_ascii();
    let n = if ascii { s.len() } else { s.chars().count() };
    let (start, end) = adjust_indices(start, end, n);
    if end - start < sublen as i64 {
        return None;
    }
    let bs = byte_offset(s, ascii, start as usize);
    let be = bs + byte_offset(&s[bs..], ascii, (end - start) as usize);
    Some((start, end, &s[bs..be], ascii))
}

/// str.find: the lowest index of `sub` in s[start:end], or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((start, _, w, ascii)) = window(s, char_len(sub), start, end) else {
        return -1;
    };
    found_at(w.find(sub), w, start, ascii)
}

/// find / rfind's answer for a match at byte `found` of the window `w`, which begins
/// at code point `start`: the match's code-point index, or -1.
fn found_at(found: Option<usize>, w: &str, start: i64, ascii: bool) -> i64 {
    match found {
        Some(b) if ascii => start + b as i64,
        Some(b) => start + w[..b].chars().count() as i64,
        None => -1,
    }
}

/// str.rfind: the highest index of `sub` in s[start:end], or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((start, _, w, ascii)) = window(s, char_len(sub), start, end) else {
        return -1;
    };
    found_at(w.rfind(sub), w, start, ascii)
}

fn not_found() -> PyErr {
    PyErr::new(ExcKind::ValueError, "substring not found")
}

/// str.index: like find, but ValueError "substring not found".
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match find(s, sub, start, end) {
        -1 => Err(not_found()),
        i => Ok(i),
    }
}

/// str.rindex: like rfind, but ValueError "substring not found".
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match rfind(s, sub, start, end) {
        -1 => Err(not_found()),
        i => Ok(i),
    }
}

/// str.count: non-overlapping occurrences of `sub` in s[start:end].
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((start, end, w, _)) = window(s, char_len(sub), start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return end - start + 1;
    }
    w.matches(sub).count() as i64
}

/// CPython's tailmatch: does s[start:end] start (or end) with `sub`?
fn tailmatch(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let ascii = s.is_ascii();
    let n = if ascii { s.len() } else { s.chars().count() };
    let sublen = char_len(sub) as i64;
    let (start, end) = adjust_indices(start, end, n);
    let end = end - sublen;
    if end < start {
        return false;
    }
    if sublen == 0 {
        return true;
    }
    let at = if at_end { end } else { start } as usize;
    let b = byte_offset(s, ascii, at);
    s[b..].starts_with(sub)
}

/// str.startswith for one prefix (the caller loops over a tuple of prefixes).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, prefix, start, end, false)
}

/// str.endswith for one suffix (the caller loops over a tuple of suffixes).
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, suffix, start, end, true)
}

fn empty_separator() -> PyErr {
    PyErr::new(ExcKind::ValueError, "empty separator")
}

/// maxsplit as a count of splits: negative means unlimited.
#[inline]
fn max_splits(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

/// str.split(sep, maxsplit).
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<&'a str>> {
    let mut out = Vec::new();
    split_each(s, sep, maxsplit, |p| {
        crate::objects::room::push(&mut out, p)
    })?;
    Ok(out)
}

/// str.split(sep, maxsplit), each piece handed to `f` as it is found, left to right
/// (so a caller can build the list without a vector of pieces first).
pub fn split_each<'a, E: From<PyErr>>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: i64,
    mut f: impl FnMut(&'a str) -> Result<(), E>,
) -> Result<(), E> {
    let maxcount = max_splits(maxsplit);
    let Some(sep) = sep else {
        return split_whitespace(s, maxcount, f);
    };
    if sep.is_empty() {
        return Err(empty_separator().into());
    }
    let n = maxcount.saturating_add(1);
    // A one-byte separator is an ASCII character, which no multi-byte UTF-8 sequence
    // contains: a byte scan (short pieces make a searcher's setup the larger cost).
    if let &[b] = sep.as_bytes() {
        let bytes = s.as_bytes();
        let (mut start, mut left) = (0, maxcount);
        while left > 0 {
            let Some(i) = bytes[start..].iter().position(|&c| c == b) else {
                break;
            };
            f(&s[start..start + i])?;
            start += i + 1;
            left -= 1;
        }
        return f(&s[start..]);
    }
    for p in s.splitn(n, sep) {
        f(p)?;
    }
    Ok(())
}

/// `split_each` over the bytes of an ASCII str: the same pieces by byte scans, with no
/// UTF-8 decoding (ASCII whitespace is `is_space` below 128; a separator holding a
/// non-ASCII character has bytes >= 128 and never matches).
pub fn split_each_ascii<'a, E: From<PyErr>>(
    s: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
    mut f: impl FnMut(&'a [u8]) -> Result<(), E>,
) -> Result<(), E> {
    let mut left = max_splits(maxsplit);
    let n = s.len();
    let Some(sep) = sep else {
        let space = |i: usize| is_space(u32::from(s[i]));
        let mut i = 0;
        while left > 0 {
            while i < n && space(i) {
                i += 1;
            }
            if i == n {
                return Ok(());
            }
            let j = i;
            while i < n && !space(i) {
                i += 1;
            }
            f(&s[j..i])?;
            left -= 1;
        }
        // maxsplit was reached: skip whitespace, keep the rest whole.
        while i < n && space(i) {
            i += 1;
        }
        return if i < n { f(&s[i..]) } else { Ok(()) };
    };
    if sep.is_empty() {
        return Err(empty_separator().into());
    }
    let mut start = 0;
    while left > 0 {
        let found = match *sep {
            [b] => s[start..].iter().position(|&c| c == b),
            _ => memchr::memmem::find(&s[start..], sep),
        };
        let Some(i) = found else {
            break;
        };
        f(&s[start..start + i])?;
        start += i + sep.len();
        left -= 1;
    }
    f(&s[start..])
}

/// `rsplit_each` for an ASCII receiver and a separator (`split_each_ascii`'s mirror):
/// the pieces as byte slices, right to left.
pub fn rsplit_each_ascii<'a, E: From<PyErr>>(
    s: &'a [u8],
    sep: &[u8],
    maxsplit: i64,
    mut f: impl FnMut(&'a [u8]) -> Result<(), E>,
) -> Result<(), E> {
    if sep.is_empty() {
        return Err(empty_separator().into());
    }
    let mut left = max_splits(maxsplit);
    let mut end = s.len();
    while left > 0 {
        let Some(i) = crate::objects::bytes_algo::rfind_at(&s[..end], sep) else {
            break;
        };
        f(&s[i + sep.len()..end])?;
        end = i;
        left -= 1;
    }
    f(&s[..end])
}

/// str.rsplit(sep, maxsplit).
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<&'a str>> {
    let mut out = Vec::new();
    rsplit_each(s, sep, maxsplit, |p| {
        crate::objects::room::push(&mut out, p)
    })?;
    out.reverse();
    Ok(out)
}

/// str.rsplit(sep, maxsplit), each piece handed to `f` as it is found, right to left.
pub fn rsplit_each<'a, E: From<PyErr>>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: i64,
    mut f: impl FnMut(&'a str) -> Result<(), E>,
) -> Result<(), E> {
    let maxcount = max_splits(maxsplit);
    match sep {
        None => rsplit_whitespace(s, maxcount, f),
        Some("") => Err(empty_separator().into()),
        Some(sep) => {
            let n = maxcount.saturating_add(1);
            if let &[b] = sep.as_bytes() {
                let bytes = s.as_bytes();
                let (mut end, mut left) = (s.len(), maxcount);
                while left > 0 {
                    let Some(i) = bytes[..end].iter().rposition(|&c| c == b) else {
                        break;
                    };
                    f(&s[i + 1..end])?;
                    end = i;
                    left -= 1;
                }
                return f(&s[..end]);
            }
            for p in s.rsplitn(n, sep) {
                f(p)?;
            }
            Ok(())
        }
    }
}

fn split_whitespace<'a, E>(
    s: &'a str,
    mut maxcount: usize,
    mut f: impl FnMut(&'a str) -> Result<(), E>,
) -> Result<(), E> {
    let n = s.len();
    let mut i = 0;
    while maxcount > 0 {
        while i < n {
            let (c, l) = decode_at(s, i);
            if !is_space(c) {
                break;
            }
            i += l;
        }
        if i == n {
            break;
        }
        let j = i;
        while i < n {
            let (c, l) = decode_at(s, i);
            if is_space(c) {
                break;
            }
            i += l;
        }
        f(&s[j..i])?;
        maxcount -= 1;
    }
    if i < n {
        // maxcount was reached: skip whitespace, keep the rest whole.
        while i < n {
            let (c, l) = decode_at(s, i);
            if !is_space(c) {
                break;
            }
            i += l;
        }
        if i < n {
            f(&s[i..])?;
        }
    }
    Ok(())
}

/// Pieces in right-to-left order.
fn rsplit_whitespace<'a, E>(
    s: &'a str,
    mut maxcount: usize,
    mut f: impl FnMut(&'a str) -> Result<(), E>,
) -> Result<(), E> {
    let mut i = s.len(); // byte just after the current position
    while maxcount > 0 {
        while i > 0 {
            let (c, l) = decode_before(s, i);
            if !is_space(c) {
                break;
            }
            i -= l;
        }
        if i == 0 {
            break;
        }
        let j = i;
        while i > 0 {
            let (c, l) = decode_before(s, i);
            if is_space(c) {
                break;
            }
            i -= l;
        }
        f(&s[i..j])?;
        maxcount -= 1;
    }
    if i > 0 {
        while i > 0 {
            let (c, l) = decode_before(s, i);
            if !is_space(c) {
                break;
            }
            i -= l;
        }
        if i > 0 {
            f(&s[..i])?;
        }
    }
    Ok(())
}

/// Python's line boundaries: \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029 (\r\n is one).
#[inline]
pub fn is_linebreak(c: u32) -> bool {
    matches!(c, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

/// str.splitlines(keepends).
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let n = s.len();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n {
        let mut brk = 0;
        while i < n {
            let (c, l) = decode_at(s, i);
            if is_linebreak(c) {
                brk = l;
                break;
            }
            i += l;
        }
        let mut eol = i;
        if i < n {
            i += if s.as_bytes()[i] == b'\r' && s.as_bytes().get(i + 1) == Some(&b'\n') {
                2
            } else {
                brk
            };
            if keepends {
                eol = i;
            }
        }
        out.push(&s[j..eol]);
        j = i;
    }
    out
}

/// sep.join(pieces): the caller has checked that every item is a str.
pub fn join<'p>(sep: &str, pieces: impl IntoIterator<Item = &'p str> + Clone) -> String {
    let mut total = 0usize;
    let mut k = 0usize;
    for p in pieces.clone() {
        total += p.len();
        k += 1;
    }
    let mut out = String::with_capacity(total + sep.len() * k.saturating_sub(1));
    for (i, p) in pieces.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Both,
}

fn do_strip<'a>(s: &'a str, chars: Option<&str>, side: Side) -> &'a str {
    match chars {
        None => strip_by(s, side, |c| is_space(c as u32)),
        Some(set) if set.is_ascii() => strip_by(s, side, |c| {
            c.is_ascii() && set.as_bytes().contains(&(c as u8))
        }),
        Some(set) => strip_by(s, side, |c| set.contains(c)),
    }
}

/// `s` without the characters matching `p` at the sides `side` names.
fn strip_by(s: &str, side: Side, p: impl Fn(char) -> bool + Copy) -> &str {
    let s = if side != Side::Right {
        s.trim_start_matches(p)
    } else {
        s
    };
    if side != Side::Left {
        s.trim_end_matches(p)
    } else {
        s
    }
}

/// `strip` / `lstrip` / `rstrip` (as `left` and `right` say) of an ASCII str's bytes.
/// An ASCII byte is in `chars` exactly when its character is: no byte of a non-ASCII
/// character's UTF-8 is below 128.
pub fn strip_ascii<'a>(s: &'a [u8], chars: Option<&str>, left: bool, right: bool) -> &'a [u8] {
    let hit = |b: u8| match chars {
        None => is_space(u32::from(b)),
        Some(set) => set.as_bytes().contains(&b),
    };
    let (mut a, mut z) = (0, s.len());
    while left && a < z && hit(s[a]) {
        a += 1;
    }
    while right && z > a && hit(s[z - 1]) {
        z -= 1;
    }
    &s[a..z]
}

/// str.strip(chars): `None` strips whitespace (str.isspace).
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    do_strip(s, chars, Side::Both)
}

/// str.lstrip(chars).
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    do_strip(s, chars, Side::Left)
}

/// str.rstrip(chars).
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    do_strip(s, chars, Side::Right)
}

/// str.replace(old, new, count): count < 0 replaces all. Borrowed when unchanged
/// (CPython then returns the str itself).
pub fn replace<'a>(s: &'a str, old: &str, new: &str, count: i64) -> PyResult<Cow<'a, str>> {
    let maxcount = max_splits(count);
    if maxcount == 0 || (old == new) {
        return Ok(Cow::Borrowed(s));
    }
    if old.is_empty() {
        // Insert `new` before each of the first maxcount positions 0..=len.
        let n = char_len(s);
        let k = maxcount.min(n + 1);
        let size = new
            .len()
            .checked_mul(k)
            .and_then(|x| x.checked_add(s.len()))
            .filter(|&x| x <= isize::MAX as usize)
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "replace string is too long"))?;
        let mut out = String::with_capacity(size);
        let mut inserted = 0;
        for ch in s.chars() {
            if inserted < k {
                out.push_str(new);
                inserted += 1;
            }
            out.push(ch);
        }
        if inserted < k {
            out.push_str(new);
        }
        return Ok(Cow::Owned(out));
    }
    if !s.contains(old) {
        return Ok(Cow::Borrowed(s));
    }
    Ok(Cow::Owned(s.replacen(old, new, maxcount)))
}

/// str.partition(sep).
pub fn partition<'a>(s: &'a str, sep: &str) -> PyResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// str.rpartition(sep).
pub fn rpartition<'a>(s: &'a str, sep: &str) -> PyResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

/// str.removeprefix(prefix).
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// str.removesuffix(suffix).
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::super::test_data as td;
    use super::*;

    #[test]
    fn split_and_rsplit_match_python() {
        for &(s, sep, maxsplit, want, rwant) in td::SPLIT {
            match want {
                Some(w) => assert_eq!(
                    split(s, sep, maxsplit).unwrap(),
                    w,
                    "{s:?}.split({sep:?}, {maxsplit})"
                ),
                None => assert_eq!(split(s, sep, maxsplit).unwrap_err().msg, "empty separator"),
            }
            match rwant {
                Some(w) => assert_eq!(
                    rsplit(s, sep, maxsplit).unwrap(),
                    w,
                    "{s:?}.rsplit({sep:?}, {maxsplit})"
                ),
                None => assert_eq!(rsplit(s, sep, maxsplit).unwrap_err().msg, "empty separator"),
            }
        }
    }

    #[test]
    fn splitlines_matches_python() {
        for &(s, keep, want) in td::SPLITLINES {
            assert_eq!(splitlines(s, keep), want, "{s:?}.splitlines({keep})");
        }
    }

    #[test]
    fn strip_matches_python() {
        for &(s, chars, l, r, b) in td::STRIP {
            assert_eq!(lstrip(s, chars), l, "{s:?}.lstrip({chars:?})");
            assert_eq!(rstrip(s, chars), r, "{s:?}.rstrip({chars:?})");
            assert_eq!(strip(s, chars), b, "{s:?}.strip({chars:?})");
        }
    }

    #[test]
    fn replace_matches_python() {
        for &(s, old, new, count, want) in td::REPLACE {
            assert_eq!(
                replace(s, old, new, count).unwrap(),
                want,
                "{s:?}.replace({old:?}, {new:?}, {count})"
            );
        }
    }

    #[test]
    fn searching_matches_python() {
        for &(s, sub, start, end, f, rf, c, sw, ew) in td::FIND {
            let ctx = format!("{s:?} {sub:?} {start:?} {end:?}");
            assert_eq!(find(s, sub, start, end), f, "find {ctx}");
            assert_eq!(rfind(s, sub, start, end), rf, "rfind {ctx}");
            assert_eq!(count(s, sub, start, end), c, "count {ctx}");
            assert_eq!(startswith(s, sub, start, end), sw, "startswith {ctx}");
            assert_eq!(endswith(s, sub, start, end), ew, "endswith {ctx}");
            match index(s, sub, start, end) {
                Ok(i) => assert_eq!(i, f),
                Err(e) => assert_eq!((f, e.msg.as_str()), (-1, "substring not found")),
            }
            match rindex(s, sub, start, end) {
                Ok(i) => assert_eq!(i, rf),
                Err(e) => assert_eq!((rf, e.kind), (-1, ExcKind::ValueError)),
            }
        }
    }

    #[test]
    fn partition_matches_python() {
        for &(s, sep, p, rp) in td::PARTITION {
            assert_eq!(partition(s, sep).unwrap(), p, "{s:?}.partition({sep:?})");
            assert_eq!(rpartition(s, sep).unwrap(), rp, "{s:?}.rpartition({sep:?})");
        }
        assert_eq!(partition("a", "").unwrap_err().msg, "empty separator");
        assert_eq!(rpartition("a", "").unwrap_err().msg, "empty separator");
    }

    #[test]
    fn join_and_affixes() {
        assert_eq!(join(", ", ["a", "\u{e9}", ""]), "a, \u{e9}, ");
        assert_eq!(join("-", Vec::<&str>::new()), "");
        assert_eq!(removeprefix("prefix-x", "prefix-"), "x");
        assert_eq!(removeprefix("x", "y"), "x");
        assert_eq!(removesuffix("x.py", ".py"), "x");
        assert_eq!(removesuffix("x.py", ""), "x.py");
    }

    /// Property: find / count agree with a brute-force model over code points.
    #[test]
    fn find_and_count_agree_with_a_model() {
        let alphabet = ['a', 'b', '\u{e9}', '\u{20ac}'];
        let mut seed = 12345u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            seed >> 16
        };
        for _ in 0..400 {
            let s: String = (0..next() % 12)
                .map(|_| alphabet[next() as usize % 4])
                .collect();
            let sub: String = (0..next() % 3)
                .map(|_| alphabet[next() as usize % 4])
                .collect();
            let (cs, csub): (Vec<char>, Vec<char>) = (s.chars().collect(), sub.chars().collect());
            let start = (next() % 16) as i64 - 8;
            let end = (next() % 16) as i64 - 8;
            let (a, b) = adjust_indices(Some(start), Some(end), cs.len());
            let mut model_find = -1;
            let mut model_count = 0;
            let mut i = a;
            while b - a >= csub.len() as i64 && i + csub.len() as i64 <= b {
                if cs[i as usize..i as usize + csub.len()] == csub[..] {
                    if model_find < 0 {
                        model_find = i;
                    }
                    model_count += 1;
                    i += csub.len().max(1) as i64;
                } else {
                    i += 1;
                }
            }
            if csub.is_empty() && b >= a {
                model_count = b - a + 1;
            }
            assert_eq!(
                find(&s, &sub, Some(start), Some(end)),
                model_find,
                "{s:?} {sub:?}"
            );
            assert_eq!(
                count(&s, &sub, Some(start), Some(end)),
                model_count,
                "{s:?} {sub:?}"
            );
        }
    }
}
