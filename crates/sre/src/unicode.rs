//! Character predicates and case mappings for str patterns.

use crate::unicode_data::*;

fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    // binary search over sorted, disjoint inclusive ranges
    let mut lo = 0usize;
    let mut hi = table.len();
    while lo < hi {
        let mid = (lo + hi) / 2;
        let (a, b) = table[mid];
        if c < a {
            hi = mid;
        } else if c > b {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    false
}

fn lookup_pair(table: &[(u32, u32)], c: u32) -> Option<u32> {
    table
        .binary_search_by_key(&c, |&(a, _)| a)
        .ok()
        .map(|i| table[i].1)
}

pub fn is_word(c: u32) -> bool {
    if c < 128 {
        is_ascii_word(c)
    } else {
        in_ranges(WORD, c)
    }
}

pub fn is_digit(c: u32) -> bool {
    if c < 128 {
        (48..=57).contains(&c)
    } else {
        in_ranges(DIGIT, c)
    }
}

pub fn is_space(c: u32) -> bool {
    if c < 128 {
        // str.isspace() also counts the separators \x1c-\x1f
        is_ascii_space(c) || (28..=31).contains(&c)
    } else {
        in_ranges(SPACE, c)
    }
}

pub fn is_ascii_word(c: u32) -> bool {
    c < 128 && (c == b'_' as u32 || (c as u8).is_ascii_alphanumeric())
}

pub fn is_ascii_space(c: u32) -> bool {
    c == 32 || (9..=13).contains(&c)
}

pub fn is_ascii_digit(c: u32) -> bool {
    (48..=57).contains(&c)
}

/// Simple lowercase as the regex engine uses it.
pub fn lower(c: u32) -> u32 {
    if c < 128 {
        ascii_lower(c)
    } else {
        lookup_pair(LOWER, c).unwrap_or(c)
    }
}

/// Simple uppercase (first code point of the full mapping).
pub fn upper(c: u32) -> u32 {
    if c < 128 {
        if (b'a' as u32..=b'z' as u32).contains(&c) {
            c - 32
        } else {
            c
        }
    } else {
        lookup_pair(UPPER, c).unwrap_or(c)
    }
}

pub fn ascii_lower(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

pub fn is_cased(c: u32) -> bool {
    lower(c) != c || upper(c) != c
}

pub fn ascii_is_cased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// Other lowercase code points equal to `l` (itself a lowercase value)
/// when case is ignored, beyond those sharing its lowercase.
pub fn case_extra(l: u32) -> &'static [(u32, u32)] {
    let start = CASE_EXTRA.partition_point(|&(a, _)| a < l);
    let end = CASE_EXTRA.partition_point(|&(a, _)| a <= l);
    &CASE_EXTRA[start..end]
}

/// Every code point whose lowercase is `l`.
pub fn lower_preimages(l: u32, out: &mut Vec<u32>) {
    if lower(l) == l {
        out.push(l);
    }
    for &(a, b) in LOWER {
        if b == l {
            out.push(a);
        }
    }
}

/// Value of a Unicode decimal digit (`str.isdecimal()` characters).
pub fn decimal_value(c: u32) -> Option<u32> {
    if (48..=57).contains(&c) {
        return Some(c - 48);
    }
    if c < 128 {
        return None;
    }
    // decimal digits come in runs of ten starting at a zero
    let i = DIGIT.partition_point(|&(_, b)| b < c);
    let &(a, b) = DIGIT.get(i)?;
    if c < a || c > b {
        return None;
    }
    Some((c - a) % 10)
}
