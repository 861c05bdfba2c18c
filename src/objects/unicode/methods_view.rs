//! Methods over `StrView`s that must work for every str, lone surrogates included:
//! join in the right kind, and find / count / `in` (text methods take `&str`).

use super::methods::adjust_indices;
use super::view::{concat, StrBuf, StrView};
use crate::error::PyResult;

/// sep.join(items) as a buffer of the max kind of the separator and items.
pub fn join_views(sep: StrView<'_>, items: &[StrView<'_>]) -> PyResult<StrBuf> {
    let mut parts = Vec::with_capacity(items.len() * 2);
    for (i, it) in items.iter().enumerate() {
        if i > 0 && !sep.is_empty() {
            parts.push(sep);
        }
        parts.push(*it);
    }
    concat(&parts)
}

/// Both views as UTF-8 when neither holds a lone surrogate.
fn both_text<'a, 'b>(
    a: StrView<'a>,
    b: StrView<'b>,
) -> Option<(std::borrow::Cow<'a, str>, std::borrow::Cow<'b, str>)> {
    Some((a.to_str()?, b.to_str()?))
}

/// Positions (code-point indices) where `sub` occurs in hay[start..end], left to
/// right and non-overlapping, computed on code points (the surrogate fallback).
fn scan(
    hay: StrView<'_>,
    sub: StrView<'_>,
    start: usize,
    end: usize,
    first_only: bool,
) -> Vec<usize> {
    let m = sub.len();
    let mut out = Vec::new();
    let mut i = start;
    while i + m <= end {
        if (0..m).all(|k| hay.char_at(i + k) == sub.char_at(k)) {
            out.push(i);
            if first_only {
                break;
            }
            i += m.max(1);
        } else {
            i += 1;
        }
    }
    out
}

/// str.find on views.
pub fn find_view(hay: StrView<'_>, sub: StrView<'_>, start: Option<i64>, end: Option<i64>) -> i64 {
    if let Some((h, s)) = both_text(hay, sub) {
        return super::methods::find(&h, &s, start, end);
    }
    let (a, b) = adjust_indices(start, end, hay.len());
    if b - a < sub.len() as i64 {
        return -1;
    }
    scan(hay, sub, a as usize, b as usize, true)
        .first()
        .map_or(-1, |&i| i as i64)
}

/// str.count on views.
pub fn count_view(hay: StrView<'_>, sub: StrView<'_>, start: Option<i64>, end: Option<i64>) -> i64 {
    if let Some((h, s)) = both_text(hay, sub) {
        return super::methods::count(&h, &s, start, end);
    }
    let (a, b) = adjust_indices(start, end, hay.len());
    if b - a < sub.len() as i64 {
        return 0;
    }
    if sub.is_empty() {
        return b - a + 1;
    }
    scan(hay, sub, a as usize, b as usize, false).len() as i64
}

/// `sub in hay`.
pub fn contains_view(hay: StrView<'_>, sub: StrView<'_>) -> bool {
    match (hay, sub) {
        (StrView::Ascii(h), StrView::Ascii(s)) => memchr::memmem::find(h, s).is_some(),
        _ => find_view(hay, sub, None, None) >= 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_takes_the_widest_kind() {
        let sep = StrBuf::from_text(", ");
        let items: Vec<StrBuf> = ["a", "\u{e9}", "\u{1f600}"]
            .iter()
            .map(|s| StrBuf::from_text(s))
            .collect();
        let views: Vec<StrView<'_>> = items.iter().map(|b| b.view()).collect();
        assert_eq!(
            join_views(sep.view(), &views).unwrap(),
            StrBuf::from_text("a, \u{e9}, \u{1f600}")
        );
        assert_eq!(
            join_views(sep.view(), &views[..2]).unwrap().kind(),
            super::super::Kind::Latin1
        );
        assert_eq!(join_views(sep.view(), &[]).unwrap(), StrBuf::from_text(""));
    }

    // python3: s = 'a\ud800b\ud800'; s.find('\ud800') == 1, s.find('\ud800', 2) == 3,
    // s.count('\ud800') == 2, s.count('') == 5, ('\ud800b' in s) is True.
    #[test]
    fn surrogate_strs_search_on_code_points() {
        let hay = StrView::Ucs2(&[0x61, 0xD800, 0x62, 0xD800]);
        let sur = StrView::Ucs2(&[0xD800]);
        assert_eq!(find_view(hay, sur, None, None), 1);
        assert_eq!(find_view(hay, sur, Some(2), None), 3);
        assert_eq!(count_view(hay, sur, None, None), 2);
        assert_eq!(count_view(hay, StrView::Ascii(b""), None, None), 5);
        assert!(contains_view(hay, StrView::Ucs2(&[0xD800, 0x62])));
        assert!(!contains_view(hay, StrView::Ascii(b"ba")));
        // Surrogate-free views take the text path.
        assert_eq!(
            find_view(StrView::Latin1(b"x\xe9y"), StrView::Ascii(b"y"), None, None),
            2
        );
        assert!(contains_view(
            StrView::Ascii(b"hello"),
            StrView::Ascii(b"ell")
        ));
    }
}
