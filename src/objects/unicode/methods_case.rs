//! str case conversions (upper, lower with the final-sigma rule, casefold, capitalize,
//! title, swapcase) and the str.isX predicates, as CPython's unicodeobject.c.

use super::ctype::{
    is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_lower, is_numeric,
    is_printable, is_space, is_title, is_upper, is_xid_continue, is_xid_start, to_folded_full,
    to_lower_full, to_title_full, to_upper_full, Mapped,
};

const CAPITAL_SIGMA: u32 = 0x3A3;

fn code_points(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

/// CPython's handle_capital_sigma: ς when the sigma ends a word, else σ.
fn lower_sigma(cps: &[u32], i: usize) -> u32 {
    let mut j = i;
    while j > 0 && is_case_ignorable(cps[j - 1]) {
        j -= 1;
    }
    let mut final_sigma = j > 0 && is_cased(cps[j - 1]);
    if final_sigma {
        let mut k = i + 1;
        while k < cps.len() && is_case_ignorable(cps[k]) {
            k += 1;
        }
        final_sigma = k == cps.len() || !is_cased(cps[k]);
    }
    if final_sigma {
        0x3C2
    } else {
        0x3C3
    }
}

/// CPython's lower_ucs4: full lowercase with the final-sigma context.
fn push_lower(out: &mut String, cps: &[u32], i: usize) {
    let c = cps[i];
    if c == CAPITAL_SIGMA {
        out.push(char::from_u32(lower_sigma(cps, i)).unwrap_or('\u{FFFD}'));
    } else {
        to_lower_full(c).push_to(out);
    }
}

/// str.upper.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    map_full(s, to_upper_full)
}

/// Each character through a full case mapping that needs no context.
fn map_full(s: &str, map: fn(u32) -> Mapped) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        map(ch as u32).push_to(&mut out);
    }
    out
}

/// str.lower.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let cps = code_points(s);
    let mut out = String::with_capacity(s.len());
    for i in 0..cps.len() {
        push_lower(&mut out, &cps, i);
    }
    out
}

/// str.casefold.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_full(s, to_folded_full)
}

/// str.capitalize: the first character title-cased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return out;
    }
    let cps = code_points(s);
    let mut out = String::with_capacity(s.len());
    for i in 0..cps.len() {
        if i == 0 {
            to_title_full(cps[0]).push_to(&mut out);
        } else {
            push_lower(&mut out, &cps, i);
        }
    }
    out
}

/// str.title: title-case after an uncased character, lowercase after a cased one.
pub fn title(s: &str) -> String {
    if s.is_ascii() {
        let mut prev_cased = false;
        return s
            .bytes()
            .map(|b| {
                let m = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                m as char
            })
            .collect();
    }
    let cps = code_points(s);
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in cps.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &cps, i);
        } else {
            to_title_full(c).push_to(&mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// str.swapcase.
pub fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .map(|b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase() as char
                } else {
                    b.to_ascii_uppercase() as char
                }
            })
            .collect();
    }
    let cps = code_points(s);
    let mut out = String::with_capacity(s.len());
    for (i, &c) in cps.iter().enumerate() {
        if is_upper(c) {
            push_lower(&mut out, &cps, i);
        } else if is_lower(c) {
            to_upper_full(c).push_to(&mut out);
        } else {
            out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
        }
    }
    out
}

#[inline]
fn all_nonempty(s: &str, p: impl Fn(u32) -> bool) -> bool {
    !s.is_empty() && s.chars().all(|c| p(c as u32))
}

/// str.isalpha.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}
/// str.isdecimal.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}
/// str.isdigit.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}
/// str.isnumeric.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}
/// str.isalnum.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}
/// str.isspace.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}
/// str.isascii (True for '').
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
/// str.isprintable (True for '').
pub fn isprintable(s: &str) -> bool {
    s.chars().all(|c| is_printable(c as u32))
}

/// str.isupper: no lowercase or titlecase character and at least one uppercase one.
pub fn isupper(s: &str) -> bool {
    all_one_case(s, is_upper, is_lower)
}

/// str.islower: no uppercase or titlecase character and at least one lowercase one.
pub fn islower(s: &str) -> bool {
    all_one_case(s, is_lower, is_upper)
}

/// At least one character of case `this`, none of case `other` and none titlecase.
fn all_one_case(s: &str, this: fn(u32) -> bool, other: fn(u32) -> bool) -> bool {
    let mut cased = false;
    for ch in s.chars() {
        let c = ch as u32;
        if other(c) || is_title(c) {
            return false;
        }
        cased = cased || this(c);
    }
    cased
}

/// str.istitle: uppercase / titlecase only after uncased, lowercase only after cased.
pub fn istitle(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for ch in s.chars() {
        let c = ch as u32;
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
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

/// str.isidentifier: XID_Start or '_', then XID_Continue.
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_xid_start(c as u32) => it.all(|c| is_xid_continue(c as u32)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_data as td;
    use super::*;

    #[test]
    fn case_conversions_match_python() {
        for &(s, up, low, fold, cap, tit, swap) in td::CASE {
            assert_eq!(upper(s), up, "{s:?}.upper()");
            assert_eq!(lower(s), low, "{s:?}.lower()");
            assert_eq!(casefold(s), fold, "{s:?}.casefold()");
            assert_eq!(capitalize(s), cap, "{s:?}.capitalize()");
            assert_eq!(title(s), tit, "{s:?}.title()");
            assert_eq!(swapcase(s), swap, "{s:?}.swapcase()");
        }
    }

    /// Bit order as written by scripts/unicode/gen_test_data.py.
    type Predicate = (&'static str, fn(&str) -> bool);
    const PREDICATES: &[Predicate] = &[
        ("isalpha", isalpha),
        ("isdecimal", isdecimal),
        ("isdigit", isdigit),
        ("isnumeric", isnumeric),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
    ];

    #[test]
    fn string_predicates_match_python() {
        for &(s, flags) in td::IS {
            for (bit, (name, f)) in PREDICATES.iter().enumerate() {
                assert_eq!(f(s), flags >> bit & 1 == 1, "{s:?}.{name}()");
            }
        }
    }
}
