//! Borrowed views over PEP 393 character data (O(1) length and indexing), the owned
//! `StrBuf` in canonical kind, and slicing, concatenation and repetition.

use std::borrow::Cow;
use std::cmp::Ordering;

use super::kind::{data_size, put_unit, Kind};
use crate::error::{ExcKind, PyErr, PyResult};

/// A borrowed view of a str's code points in its storage kind. A view made from an
/// object's data (or from `StrBuf`) is canonical: its kind is the narrowest that holds
/// its max code point. Ucs2 / Ucs4 views may hold lone surrogates, as Python strs can.
/// The ASCII kind is kept as bytes (every one below 128): making a view costs no UTF-8
/// check; `to_str` and `as_ascii` make that check when a caller needs Rust text.
#[derive(Clone, Copy, Debug)]
pub enum StrView<'a> {
    Ascii(&'a [u8]),
    Latin1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

/// An owned str in canonical kind, without the NUL unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StrBuf {
    Ascii(String),
    Latin1(Vec<u8>),
    Ucs2(Vec<u16>),
    Ucs4(Vec<u32>),
}

/// Iterator over the code points of a view.
#[derive(Clone, Debug)]
pub enum CodePoints<'a> {
    Bytes(std::slice::Iter<'a, u8>),
    Ucs2(std::slice::Iter<'a, u16>),
    Ucs4(std::slice::Iter<'a, u32>),
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self {
            CodePoints::Bytes(it) => it.next().map(|&b| b as u32),
            CodePoints::Ucs2(it) => it.next().map(|&u| u as u32),
            CodePoints::Ucs4(it) => it.next().copied(),
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match self {
            CodePoints::Bytes(it) => it.len(),
            CodePoints::Ucs2(it) => it.len(),
            CodePoints::Ucs4(it) => it.len(),
        };
        (n, Some(n))
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    fn next_back(&mut self) -> Option<u32> {
        match self {
            CodePoints::Bytes(it) => it.next_back().map(|&b| b as u32),
            CodePoints::Ucs2(it) => it.next_back().map(|&u| u as u32),
            CodePoints::Ucs4(it) => it.next_back().copied(),
        }
    }
}

impl ExactSizeIterator for CodePoints<'_> {}

/// The bytes of an ASCII view as Rust text. They are ASCII, hence UTF-8: the check
/// cannot fail on a view made from a str object's data.
#[inline]
pub fn ascii_text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("ASCII str data is UTF-8")
}

impl<'a> StrView<'a> {
    /// A view over an object's data area: `len` code points of `kind`, optionally
    /// followed by the NUL unit. Panics if `data` is too short, or if a UCS-2 / UCS-4
    /// area is not aligned for its unit (the object's data is 8-byte aligned). That an
    /// ASCII area is all ASCII is checked in debug builds only.
    pub fn from_data(kind: Kind, len: usize, data: &'a [u8]) -> StrView<'a> {
        let bytes = &data[..kind.width() * len];
        match kind {
            Kind::Ascii => {
                debug_assert!(bytes.is_ascii(), "ASCII str data holds a byte >= 128");
                StrView::Ascii(bytes)
            }
            Kind::Latin1 => StrView::Latin1(bytes),
            Kind::Ucs2 => StrView::Ucs2(bytemuck::cast_slice(bytes)),
            Kind::Ucs4 => StrView::Ucs4(bytemuck::cast_slice(bytes)),
        }
    }

    #[inline]
    pub fn kind(&self) -> Kind {
        match self {
            StrView::Ascii(_) => Kind::Ascii,
            StrView::Latin1(_) => Kind::Latin1,
            StrView::Ucs2(_) => Kind::Ucs2,
            StrView::Ucs4(_) => Kind::Ucs4,
        }
    }

    /// Length in code points, O(1).
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            StrView::Ascii(s) => s.len(),
            StrView::Latin1(b) => b.len(),
            StrView::Ucs2(u) => u.len(),
            StrView::Ucs4(u) => u.len(),
        }
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code point at index `i` (0 <= i < len), O(1). Panics when out of range.
    #[inline]
    pub fn char_at(&self, i: usize) -> u32 {
        match self {
            StrView::Ascii(s) => s[i] as u32,
            StrView::Latin1(b) => b[i] as u32,
            StrView::Ucs2(u) => u[i] as u32,
            StrView::Ucs4(u) => u[i],
        }
    }

    /// Python indexing `s[i]`: negative indices count from the end; IndexError with
    /// CPython's message when out of range.
    pub fn getitem(&self, i: i64) -> PyResult<u32> {
        let n = self.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyErr::new(ExcKind::IndexError, "string index out of range"));
        }
        Ok(self.char_at(j as usize))
    }

    #[inline]
    pub fn chars(&self) -> CodePoints<'a> {
        match *self {
            StrView::Ascii(s) => CodePoints::Bytes(s.iter()),
            StrView::Latin1(b) => CodePoints::Bytes(b.iter()),
            StrView::Ucs2(u) => CodePoints::Ucs2(u.iter()),
            StrView::Ucs4(u) => CodePoints::Ucs4(u.iter()),
        }
    }

    /// The raw code-unit bytes (native endian, no NUL), as hashed by CPython.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        match *self {
            StrView::Ascii(s) | StrView::Latin1(s) => s,
            StrView::Ucs2(u) => bytemuck::cast_slice(u),
            StrView::Ucs4(u) => bytemuck::cast_slice(u),
        }
    }

    /// The ASCII text, when the view is ASCII (checked as UTF-8 here: a view made from
    /// an object's data takes the bytes on trust).
    #[inline]
    pub fn as_ascii(&self) -> Option<&'a str> {
        match *self {
            StrView::Ascii(s) => Some(ascii_text(s)),
            _ => None,
        }
    }

    /// True when some code point is a lone surrogate (not representable in a Rust str).
    pub fn has_surrogates(&self) -> bool {
        match self {
            StrView::Ascii(_) | StrView::Latin1(_) => false,
            StrView::Ucs2(u) => u.iter().any(|&c| (0xD800..0xE000).contains(&c)),
            StrView::Ucs4(u) => u.iter().any(|&c| (0xD800..0xE000).contains(&c)),
        }
    }

    /// The text as UTF-8: borrowed for ASCII, decoded otherwise. None when the view
    /// holds a lone surrogate.
    pub fn to_str(&self) -> Option<Cow<'a, str>> {
        match *self {
            StrView::Ascii(s) => Some(Cow::Borrowed(ascii_text(s))),
            _ => {
                let mut out = String::with_capacity(self.len() * 2);
                for c in self.chars() {
                    out.push(char::from_u32(c)?);
                }
                Some(Cow::Owned(out))
            }
        }
    }

    /// The text as UTF-8 with lone surrogates replaced by U+FFFD.
    pub fn to_str_lossy(&self) -> Cow<'a, str> {
        match *self {
            StrView::Ascii(s) => Cow::Borrowed(ascii_text(s)),
            _ => Cow::Owned(
                self.chars()
                    .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                    .collect(),
            ),
        }
    }

    /// Python slicing with normalised indices (see `slice_indices`): the result in
    /// its canonical (possibly narrower) kind.
    pub fn slice(&self, start: i64, step: i64, slicelength: usize) -> StrBuf {
        if step == 1 {
            let s = start as usize;
            return self.substring(s, s + slicelength);
        }
        let it = (0..slicelength).map(|k| self.char_at((start + k as i64 * step) as usize));
        StrBuf::from_chars(it.clone(), slicelength, super::kind::kind_of_chars(it))
    }

    /// The code points `start..end` (0 <= start <= end <= len) in canonical kind.
    pub fn substring(&self, start: usize, end: usize) -> StrBuf {
        match *self {
            StrView::Ascii(s) => StrBuf::Ascii(ascii_text(&s[start..end]).to_owned()),
            _ => {
                let sub = (start..end).map(|i| self.char_at(i));
                StrBuf::from_chars(sub.clone(), end - start, super::kind::kind_of_chars(sub))
            }
        }
    }

    /// Python's `==` on strs: same code points.
    pub fn eq_view(&self, other: &StrView<'_>) -> bool {
        if self.len() != other.len() {
            return false;
        }
        match (self, other) {
            (StrView::Ascii(a), StrView::Ascii(b)) => a == b,
            _ => self.chars().eq(other.chars()),
        }
    }

    /// Python's ordering on strs: lexicographic by code point.
    pub fn cmp_view(&self, other: &StrView<'_>) -> Ordering {
        match (self, other) {
            (StrView::Ascii(a), StrView::Ascii(b)) => a.cmp(b),
            _ => self.chars().cmp(other.chars()),
        }
    }
}

impl PartialEq for StrView<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.eq_view(other)
    }
}

impl Eq for StrView<'_> {}

/// CPython's PySlice_Unpack + PySlice_AdjustIndices for a sequence of length `len`:
/// returns (start, stop, step, slicelength). `None` bounds mean "omitted".
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyResult<(i64, i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::new(ExcKind::ValueError, "slice step cannot be zero"));
    }
    let n = len as i64;
    let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let adjust = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(v) if v < 0 => (v + n).max(lo),
        Some(v) => v.min(hi),
    };
    let start = adjust(start, if step < 0 { hi } else { lo });
    let stop = adjust(stop, if step < 0 { lo } else { hi });
    let slicelength = if step < 0 {
        if stop < start {
            ((start - stop - 1) / -step + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, slicelength))
}

impl StrBuf {
    /// Encodes text in its canonical kind.
    pub fn from_text(s: &str) -> StrBuf {
        let (kind, n) = super::kind::classify(s);
        if kind == Kind::Ascii {
            return StrBuf::Ascii(s.to_owned());
        }
        StrBuf::from_chars(s.chars().map(|c| c as u32), n, kind)
    }

    /// Builds a buffer of `kind` from `n` code points, each of which fits `kind`.
    pub fn from_chars(chars: impl Iterator<Item = u32>, n: usize, kind: Kind) -> StrBuf {
        match kind {
            Kind::Ascii => {
                let mut s = String::with_capacity(n);
                s.extend(chars.map(|c| c as u8 as char));
                StrBuf::Ascii(s)
            }
            Kind::Latin1 => StrBuf::Latin1(chars.map(|c| c as u8).collect()),
            Kind::Ucs2 => StrBuf::Ucs2(chars.map(|c| c as u16).collect()),
            Kind::Ucs4 => StrBuf::Ucs4(chars.collect()),
        }
    }

    /// Builds a buffer from code points, computing the canonical kind.
    pub fn from_code_points(chars: &[u32]) -> StrBuf {
        let kind = super::kind::kind_of_chars(chars.iter().copied());
        StrBuf::from_chars(chars.iter().copied(), chars.len(), kind)
    }

    pub fn view(&self) -> StrView<'_> {
        match self {
            StrBuf::Ascii(s) => StrView::Ascii(s.as_bytes()),
            StrBuf::Latin1(b) => StrView::Latin1(b),
            StrBuf::Ucs2(u) => StrView::Ucs2(u),
            StrBuf::Ucs4(u) => StrView::Ucs4(u),
        }
    }

    pub fn kind(&self) -> Kind {
        self.view().kind()
    }

    pub fn len(&self) -> usize {
        self.view().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the characters plus the NUL unit into an object's data area of exactly
    /// `data_size(self.kind(), self.len())` bytes.
    pub fn write_data(&self, dst: &mut [u8]) {
        write_view_data(self.view(), dst);
    }
}

/// Writes a view's characters plus the NUL unit into a data area of its own kind.
pub fn write_view_data(v: StrView<'_>, dst: &mut [u8]) {
    let (kind, n) = (v.kind(), v.len());
    assert_eq!(dst.len(), data_size(kind, n), "data area size");
    let bytes = v.as_bytes();
    dst[..bytes.len()].copy_from_slice(bytes);
    put_unit(dst, kind, n, 0);
}

/// The kind and length of the concatenation of `parts`: the max kind, the sum of
/// lengths (OverflowError as CPython's when the sum overflows).
pub fn concat_layout(parts: &[StrView<'_>]) -> PyResult<(Kind, usize)> {
    let mut kind = Kind::Ascii;
    let mut n = 0usize;
    for p in parts {
        kind = kind.max(p.kind());
        n = n
            .checked_add(p.len())
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "strings are too large to concat"))?;
    }
    Ok((kind, n))
}

/// Writes the concatenation of `parts` (NUL included) into a data area laid out by
/// `concat_layout(parts)`.
pub fn concat_into(parts: &[StrView<'_>], kind: Kind, dst: &mut [u8]) {
    concat_iter_into(parts.iter().copied(), kind, dst)
}

/// `concat_into` for the views an iterator yields.
pub fn concat_iter_into<'a>(parts: impl Iterator<Item = StrView<'a>>, kind: Kind, dst: &mut [u8]) {
    let mut i = 0usize;
    for p in parts {
        if p.kind() == kind {
            let b = p.as_bytes();
            let at = i * kind.width();
            dst[at..at + b.len()].copy_from_slice(b);
        } else {
            for (k, c) in p.chars().enumerate() {
                put_unit(dst, kind, i + k, c);
            }
        }
        i += p.len();
    }
    put_unit(dst, kind, i, 0);
}

/// The concatenation of `parts` as an owned buffer of the max kind.
pub fn concat(parts: &[StrView<'_>]) -> PyResult<StrBuf> {
    let (kind, n) = concat_layout(parts)?;
    if kind == Kind::Ascii {
        let mut s = String::new();
        crate::objects::room::reserve_str(&mut s, n)?;
        for p in parts {
            s.push_str(p.as_ascii().unwrap_or_default());
        }
        return Ok(StrBuf::Ascii(s));
    }
    Ok(StrBuf::from_chars(
        parts.iter().flat_map(|p| p.chars()),
        n,
        kind,
    ))
}

/// `s * count` (count <= 0 gives ''); OverflowError "repeated string is too long"
/// as CPython's when the result cannot be represented.
pub fn repeat(v: StrView<'_>, count: i64) -> PyResult<StrBuf> {
    let count = count.max(0) as usize;
    let too_long = || PyErr::new(ExcKind::OverflowError, "repeated string is too long");
    let n = v.len().checked_mul(count).ok_or_else(too_long)?;
    if n.checked_mul(v.kind().width())
        .is_none_or(|b| b > isize::MAX as usize)
    {
        return Err(too_long());
    }
    Ok(match v {
        StrView::Ascii(s) => {
            let bytes = try_repeat(s, count)?;
            StrBuf::Ascii(String::from_utf8(bytes).expect("ASCII repeated is ASCII"))
        }
        StrView::Latin1(b) => StrBuf::Latin1(try_repeat(b, count)?),
        StrView::Ucs2(u) => StrBuf::Ucs2(try_repeat(u, count)?),
        StrView::Ucs4(u) => StrBuf::Ucs4(try_repeat(u, count)?),
    })
}

/// `src` repeated `count` times, or MemoryError when the memory cannot be had (the
/// process must not abort on a huge `'a' * n`).
fn try_repeat<T: Copy>(src: &[T], count: usize) -> PyResult<Vec<T>> {
    let mut out = Vec::new();
    let total = src.len().saturating_mul(count);
    crate::objects::room::reserve_exact(&mut out, total)?;
    for _ in 0..count {
        out.extend_from_slice(src);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::kind::{encode, sizeof};
    use super::*;

    /// A u64-aligned copy of an object data area, as the heap provides.
    fn aligned(data: &[u8]) -> Vec<u64> {
        let mut v = vec![0u64; data.len().div_ceil(8)];
        bytemuck::cast_slice_mut::<u64, u8>(&mut v)[..data.len()].copy_from_slice(data);
        v
    }

    fn with_view<R>(s: &str, f: impl FnOnce(StrView<'_>) -> R) -> R {
        let (kind, n, data) = encode(s);
        let words = aligned(&data);
        let bytes: &[u8] = bytemuck::cast_slice(&words);
        f(StrView::from_data(kind, n, &bytes[..data.len()]))
    }

    const SAMPLES: &[&str] = &[
        "",
        "hello",
        "h\u{e9}llo w\u{f6}rld",
        "\u{20ac}uro \u{e9}t\u{e9}",
        "\u{1f600} smile \u{e9}\u{20ac}",
        "\u{10ffff}\u{0}\u{7f}",
    ];

    #[test]
    fn views_index_and_iterate_like_chars() {
        for s in SAMPLES {
            with_view(s, |v| {
                let chars: Vec<u32> = s.chars().map(|c| c as u32).collect();
                assert_eq!(v.len(), chars.len());
                for (i, &c) in chars.iter().enumerate() {
                    assert_eq!(v.char_at(i), c);
                }
                assert_eq!(v.chars().collect::<Vec<_>>(), chars);
                assert_eq!(v.chars().rev().collect::<Vec<_>>(), {
                    let mut r = chars.clone();
                    r.reverse();
                    r
                });
                assert_eq!(v.to_str().unwrap(), *s);
                assert!(v.getitem(chars.len() as i64).is_err());
                if !chars.is_empty() {
                    assert_eq!(v.getitem(-1).unwrap(), *chars.last().unwrap());
                }
            });
        }
    }

    #[test]
    fn ascii_to_str_is_borrowed() {
        with_view("abc", |v| {
            assert!(matches!(v.to_str(), Some(Cow::Borrowed("abc"))))
        });
    }

    #[test]
    fn slicing_matches_a_model_and_narrows_kind() {
        let steps = [1i64, 2, 3, -1, -2, -5];
        let bounds = [
            None,
            Some(-20),
            Some(-3),
            Some(0),
            Some(1),
            Some(4),
            Some(100),
        ];
        for s in SAMPLES {
            let chars: Vec<u32> = s.chars().map(|c| c as u32).collect();
            with_view(s, |v| {
                for &step in &steps {
                    for &a in &bounds {
                        for &b in &bounds {
                            let (start, _stop, step, n) =
                                slice_indices(v.len(), a, b, Some(step)).unwrap();
                            let got = v.slice(start, step, n);
                            // Model: walk with Python's rules on a Vec.
                            let expect: Vec<u32> = (0..n)
                                .map(|k| chars[(start + k as i64 * step) as usize])
                                .collect();
                            assert_eq!(got, StrBuf::from_code_points(&expect));
                        }
                    }
                }
            });
        }
        with_view("\u{e9}abc", |v| {
            assert_eq!(v.substring(1, 3), StrBuf::Ascii("ab".into()))
        });
        assert!(slice_indices(3, None, None, Some(0)).is_err());
    }

    #[test]
    fn concat_and_repeat_take_max_kind() {
        let bufs: Vec<StrBuf> = SAMPLES.iter().map(|s| StrBuf::from_text(s)).collect();
        for a in &bufs {
            for b in &bufs {
                let got = concat(&[a.view(), b.view()]).unwrap();
                let text = format!(
                    "{}{}",
                    a.view().to_str().unwrap(),
                    b.view().to_str().unwrap()
                );
                assert_eq!(got, StrBuf::from_text(&text));
                assert_eq!(got.kind(), a.kind().max(b.kind()));
                let (kind, n) = concat_layout(&[a.view(), b.view()]).unwrap();
                let mut area = vec![0xAAu8; data_size(kind, n)];
                concat_into(&[a.view(), b.view()], kind, &mut area);
                assert_eq!(area, encode(&text).2);
            }
            let r = repeat(a.view(), 3).unwrap();
            assert_eq!(r, StrBuf::from_text(&a.view().to_str().unwrap().repeat(3)));
            assert!(repeat(a.view(), -1).unwrap().is_empty());
        }
        assert!(repeat(StrView::Ascii(b"ab"), i64::MAX).is_err());
    }

    #[test]
    fn write_data_round_trips() {
        for s in SAMPLES {
            let b = StrBuf::from_text(s);
            let mut area = vec![0xAAu8; data_size(b.kind(), b.len())];
            b.write_data(&mut area);
            assert_eq!(area, encode(s).2);
            assert_eq!(sizeof(b.kind(), b.len()), sizeof(encode(s).0, encode(s).1));
        }
    }

    #[test]
    fn comparisons_are_by_code_point() {
        let a = StrBuf::from_text("\u{e9}");
        let b = StrBuf::from_text("\u{20ac}");
        assert_eq!(a.view().cmp_view(&b.view()), Ordering::Less);
        assert_eq!(
            StrView::Ascii(b"ab").cmp_view(&StrView::Ascii(b"b")),
            Ordering::Less
        );
        assert!(StrView::Latin1(b"ab") == StrView::Ascii(b"ab"));
        let sur = StrView::Ucs2(&[0x61, 0xD800]);
        assert!(sur.has_surrogates());
        assert!(sur.to_str().is_none());
        assert_eq!(sur.to_str_lossy(), "a\u{FFFD}");
    }
}
