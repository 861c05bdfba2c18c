//! PEP 393 storage kinds: classification of text, the byte layout of each kind, and
//! the sizes CPython 3.11's sys.getsizeof reports for a compact str.

/// The storage kind of a compact str (CPython's PyUnicode_KIND plus the ASCII flag).
/// Ordered by width, so the kind of a concatenation is the max of its parts' kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Every code point below 128: one byte each, PyASCIIObject header.
    Ascii,
    /// Max code point 128..=255: one byte each.
    Latin1,
    /// Max code point 256..=0xFFFF: two bytes each (native endian).
    Ucs2,
    /// Max code point 0x10000..=0x10FFFF: four bytes each (native endian).
    Ucs4,
}

impl Kind {
    /// Bytes per code unit (CPython's PyUnicode_KIND value).
    #[inline]
    pub const fn width(self) -> usize {
        match self {
            Kind::Ascii | Kind::Latin1 => 1,
            Kind::Ucs2 => 2,
            Kind::Ucs4 => 4,
        }
    }

    /// The narrowest kind that can hold code point `c`.
    #[inline]
    pub const fn of_char(c: u32) -> Kind {
        if c < 0x80 {
            Kind::Ascii
        } else if c < 0x100 {
            Kind::Latin1
        } else if c < 0x1_0000 {
            Kind::Ucs2
        } else {
            Kind::Ucs4
        }
    }

    /// The largest code point this kind can hold.
    #[inline]
    pub const fn max_char(self) -> u32 {
        match self {
            Kind::Ascii => 0x7F,
            Kind::Latin1 => 0xFF,
            Kind::Ucs2 => 0xFFFF,
            Kind::Ucs4 => 0x10_FFFF,
        }
    }
}

/// Bytes of the fixed header before the characters: PyASCIIObject (48) for ASCII,
/// PyCompactUnicodeObject (72) otherwise.
#[inline]
pub const fn header_size(kind: Kind) -> usize {
    match kind {
        Kind::Ascii => 48,
        _ => 72,
    }
}

/// Bytes of the character data: `n` code units plus the terminating NUL unit.
#[inline]
pub const fn data_size(kind: Kind, n: usize) -> usize {
    kind.width() * (n + 1)
}

/// sys.getsizeof of a compact str of `n` code points of `kind` (no cached UTF-8):
/// ASCII 49 + n, Latin-1 73 + n, UCS-2 74 + 2n, UCS-4 76 + 4n.
#[inline]
pub const fn sizeof(kind: Kind, n: usize) -> usize {
    header_size(kind) + data_size(kind, n)
}

/// The kind and length in code points of `s`, in one pass without decoding or
/// allocating. Continuation bytes (80..BF) sort below every multi-byte lead byte, so
/// the largest byte alone gives the kind: up to 7F ASCII, C2/C3 (the leads of
/// U+0080..U+00FF) Latin-1, up to EF the rest of the BMP, F0.. the other planes. The
/// length is the number of bytes that are not continuation bytes.
pub fn classify(s: &str) -> (Kind, usize) {
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        return (Kind::Ascii, bytes.len());
    }
    // Branch-free chunks so the compiler can vectorise max and count.
    let (mut max, mut cont) = (0u8, 0usize);
    for chunk in bytes.chunks(256) {
        let mut m = 0u8;
        let mut c = 0u32;
        for &b in chunk {
            m = m.max(b);
            c += u32::from((b as i8) < -0x40);
        }
        max = max.max(m);
        cont += c as usize;
    }
    let kind = match max {
        0x00..=0x7F => Kind::Ascii,
        0x80..=0xC3 => Kind::Latin1,
        0xC4..=0xEF => Kind::Ucs2,
        _ => Kind::Ucs4,
    };
    (kind, bytes.len() - cont)
}

/// The kind of a sequence of code points (the max over its characters).
pub fn kind_of_chars(chars: impl IntoIterator<Item = u32>) -> Kind {
    let mut max = 0u32;
    for c in chars {
        max = max.max(c);
    }
    Kind::of_char(max)
}

/// Writes code point `c` as code unit `i` of a `kind` data area.
#[inline]
pub(crate) fn put_unit(dst: &mut [u8], kind: Kind, i: usize, c: u32) {
    match kind {
        Kind::Ascii | Kind::Latin1 => dst[i] = c as u8,
        Kind::Ucs2 => dst[2 * i..2 * i + 2].copy_from_slice(&(c as u16).to_ne_bytes()),
        Kind::Ucs4 => dst[4 * i..4 * i + 4].copy_from_slice(&c.to_ne_bytes()),
    }
}

/// Encodes `s` into a data area of `kind` holding `n` code points plus the NUL unit,
/// as CPython stores it. `dst` must be exactly `data_size(kind, n)` bytes and `kind`
/// wide enough for every character (as `classify` returns).
pub fn encode_into(s: &str, kind: Kind, n: usize, dst: &mut [u8]) {
    assert_eq!(dst.len(), data_size(kind, n), "data area size");
    if kind == Kind::Ascii {
        dst[..n].copy_from_slice(s.as_bytes());
        dst[n] = 0;
        return;
    }
    let mut i = 0;
    for ch in s.chars() {
        put_unit(dst, kind, i, ch as u32);
        i += 1;
    }
    assert_eq!(i, n, "code point count");
    put_unit(dst, kind, n, 0);
}

/// Encodes `s` into a fresh data area (NUL included); returns kind, length and bytes.
pub fn encode(s: &str) -> (Kind, usize, Vec<u8>) {
    let (kind, n) = classify(s);
    let mut data = vec![0u8; data_size(kind, n)];
    encode_into(s, kind, n, &mut data);
    (kind, n, data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_kinds_and_lengths() {
        assert_eq!(classify(""), (Kind::Ascii, 0));
        assert_eq!(classify("hello"), (Kind::Ascii, 5));
        assert_eq!(classify("\u{7f}"), (Kind::Ascii, 1));
        assert_eq!(classify("h\u{80}llo"), (Kind::Latin1, 5));
        assert_eq!(classify("\u{ff}"), (Kind::Latin1, 1));
        assert_eq!(classify("\u{100}"), (Kind::Ucs2, 1));
        assert_eq!(classify("a\u{20ac}\u{e9}"), (Kind::Ucs2, 3));
        assert_eq!(classify("\u{ffff}"), (Kind::Ucs2, 1));
        assert_eq!(classify("\u{10000}x"), (Kind::Ucs4, 2));
        assert_eq!(classify("\u{10ffff}\u{e9}"), (Kind::Ucs4, 2));
    }

    #[test]
    fn classify_agrees_with_chars_on_every_code_point() {
        for c in (0u32..0x11_0000).step_by(13).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(
                classify(&s),
                (Kind::of_char(c as u32).max(Kind::Ascii), 3),
                "{c:?}"
            );
        }
    }

    #[test]
    fn encode_layout_with_nul() {
        assert_eq!(encode("ab"), (Kind::Ascii, 2, vec![b'a', b'b', 0]));
        assert_eq!(encode("\u{e9}a"), (Kind::Latin1, 2, vec![0xe9, b'a', 0]));
        let (k, n, d) = encode("\u{20ac}a");
        assert_eq!((k, n), (Kind::Ucs2, 2));
        let units: Vec<u16> = d
            .chunks_exact(2)
            .map(|c| u16::from_ne_bytes([c[0], c[1]]))
            .collect();
        assert_eq!(units, vec![0x20ac, 0x61, 0]);
        let (k, n, d) = encode("\u{1f600}");
        assert_eq!((k, n), (Kind::Ucs4, 1));
        let units: Vec<u32> = d
            .chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        assert_eq!(units, vec![0x1f600, 0]);
    }

    // sys.getsizeof values from /work/shared/reference/sizes.tsv (CPython 3.11.7).
    #[test]
    fn sizes_match_cpython() {
        let cases: &[(&str, usize)] = &[
            ("", 49),
            ("a", 50),
            ("hello", 54),
            ("\u{e9}", 74),
            ("h\u{e9}llo", 78),
            ("\u{20ac}", 76),
            ("h\u{20ac}llo", 84),
            ("\u{1f600}", 80),
            ("h\u{1f600}llo", 96),
        ];
        for &(s, size) in cases {
            let (k, n) = classify(s);
            assert_eq!(sizeof(k, n), size, "{s:?}");
        }
        let series: &[(&str, usize, usize)] = &[
            ("a", 100, 149),
            ("a", 1000, 1049),
            ("\u{e9}", 10, 83),
            ("\u{20ac}", 10, 94),
            ("\u{1f600}", 10, 116),
            ("\u{e9}", 2, 75),
            ("\u{20ac}", 2, 78),
            ("\u{1f600}", 2, 84),
        ];
        for &(s, times, size) in series {
            let (k, n) = classify(&s.repeat(times));
            assert_eq!(sizeof(k, n), size, "{s:?}*{times}");
        }
        assert_eq!(header_size(Kind::Ascii), 48);
        assert_eq!(header_size(Kind::Ucs2), 72);
        assert_eq!(data_size(Kind::Ucs4, 3), 16);
    }
}
