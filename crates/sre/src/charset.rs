//! Character sets and single-character matchers.

use crate::parse::{Category, ClassItem};
use crate::unicode;

/// How the subject character is case-mapped before a set is consulted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    None,
    Ascii,
    Unicode,
}

impl Fold {
    #[inline]
    pub fn apply(self, c: u32) -> u32 {
        match self {
            Fold::None => c,
            Fold::Ascii => unicode::ascii_lower(c),
            Fold::Unicode => unicode::lower(c),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cat {
    pub cat: Category,
    pub unicode: bool,
}

impl Cat {
    pub fn matches(self, c: u32) -> bool {
        let u = self.unicode;
        match self.cat {
            Category::Digit => digit(c, u),
            Category::NotDigit => !digit(c, u),
            Category::Space => space(c, u),
            Category::NotSpace => !space(c, u),
            Category::Word => word(c, u),
            Category::NotWord => !word(c, u),
        }
    }
}

#[inline]
pub fn word(c: u32, unicode: bool) -> bool {
    if unicode {
        unicode::is_word(c)
    } else {
        unicode::is_ascii_word(c)
    }
}
fn digit(c: u32, unicode: bool) -> bool {
    if unicode {
        unicode::is_digit(c)
    } else {
        unicode::is_ascii_digit(c)
    }
}
fn space(c: u32, unicode: bool) -> bool {
    if unicode {
        unicode::is_space(c)
    } else {
        unicode::is_ascii_space(c)
    }
}

/// A compiled `[...]` (or `\d`-style class, or a case-insensitive literal
/// with several forms).  Characters below 256 are answered by a bitmap.
#[derive(Clone, Debug)]
pub struct CharSet {
    latin: [u64; 4],
    fold: Fold,
    /// Sorted, merged inclusive ranges tested against the folded character.
    ranges: Vec<(u32, u32)>,
    /// Ranges also tested against the uppercase of the folded character.
    upper_ranges: Vec<(u32, u32)>,
    cats: Vec<Cat>,
    negate: bool,
}

fn in_ranges(r: &[(u32, u32)], c: u32) -> bool {
    let i = r.partition_point(|&(_, b)| b < c);
    i < r.len() && r[i].0 <= c
}

pub fn normalize(mut r: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    r.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(r.len());
    for (a, b) in r {
        if let Some(last) = out.last_mut() {
            if a <= last.1.saturating_add(1) {
                last.1 = last.1.max(b);
                continue;
            }
        }
        out.push((a, b));
    }
    out
}

impl CharSet {
    fn finish(
        fold: Fold,
        ranges: Vec<(u32, u32)>,
        upper_ranges: Vec<(u32, u32)>,
        cats: Vec<Cat>,
        negate: bool,
    ) -> Self {
        let mut s = CharSet {
            latin: [0; 4],
            fold,
            ranges: normalize(ranges),
            upper_ranges,
            cats,
            negate,
        };
        for c in 0..256u32 {
            if s.contains_slow(c) {
                s.latin[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        s
    }

    /// Exactly these code points (ranges), optionally negated.
    pub fn from_ranges(ranges: Vec<(u32, u32)>, negate: bool) -> Self {
        Self::finish(Fold::None, ranges, Vec::new(), Vec::new(), negate)
    }

    /// Build the set for class items.  `fold` is the case-insensitive mode
    /// in force (`Fold::None` without IGNORECASE); `unicode` selects the
    /// Unicode meaning of the categories.
    pub fn from_items(items: &[ClassItem], negate: bool, fold: Fold, unicode: bool) -> Self {
        let cats: Vec<Cat> = items
            .iter()
            .filter_map(|it| match it {
                ClassItem::Cat(c) => Some(Cat { cat: *c, unicode }),
                _ => None,
            })
            .collect();
        if fold != Fold::None {
            if let Some(set) = Self::folded(items, negate, fold, cats.clone()) {
                return set;
            }
        }
        let mut ranges = Vec::new();
        for it in items {
            match *it {
                ClassItem::Lit(c) => ranges.push((c, c)),
                ClassItem::Range(a, b) => ranges.push((a, b)),
                ClassItem::Cat(_) => {}
            }
        }
        Self::finish(Fold::None, ranges, Vec::new(), cats, negate)
    }

    /// The case-insensitive form, or `None` when no item is cased (then the
    /// set is tested on the raw character).
    fn folded(items: &[ClassItem], negate: bool, fold: Fold, cats: Vec<Cat>) -> Option<Self> {
        let cased = |c: u32| match fold {
            Fold::Unicode => unicode::is_cased(c),
            _ => unicode::ascii_is_cased(c),
        };
        let mut map = vec![false; 0x10000];
        let add = |l: u32, map: &mut Vec<bool>| {
            map[l as usize] = true;
            if fold == Fold::Unicode {
                for &(_, k) in unicode::case_extra(l) {
                    map[k as usize] = true;
                }
            }
        };
        let mut has_cased = false;
        let mut tail: Vec<(u32, u32)> = Vec::new();
        let mut upper_tail: Vec<(u32, u32)> = Vec::new();
        for it in items {
            match *it {
                ClassItem::Lit(c) => {
                    let l = fold.apply(c);
                    if l >= 0x10000 {
                        has_cased = true;
                        tail.push((c, c));
                    } else {
                        add(l, &mut map);
                        has_cased = has_cased || cased(c);
                    }
                }
                ClassItem::Range(a, b) => {
                    let mut overflow = false;
                    for i in a..=b {
                        let l = fold.apply(i);
                        if l >= 0x10000 {
                            overflow = true;
                            break;
                        }
                        add(l, &mut map);
                    }
                    if overflow {
                        has_cased = true;
                        upper_tail.push((a, b));
                    } else if !has_cased {
                        has_cased = (a..=b).any(cased);
                    }
                }
                ClassItem::Cat(_) => {}
            }
        }
        if !has_cased {
            return None;
        }
        let mut ranges = tail;
        let mut i = 0usize;
        while i < 0x10000 {
            if map[i] {
                let start = i;
                while i < 0x10000 && map[i] {
                    i += 1;
                }
                ranges.push((start as u32, i as u32 - 1));
            } else {
                i += 1;
            }
        }
        Some(Self::finish(fold, ranges, upper_tail, cats, negate))
    }

    fn contains_slow(&self, ch: u32) -> bool {
        let c = self.fold.apply(ch);
        let hit = in_ranges(&self.ranges, c)
            || self.cats.iter().any(|k| k.matches(c))
            || self
                .upper_ranges
                .iter()
                .any(|&(a, b)| (a..=b).contains(&c) || (a..=b).contains(&unicode::upper(c)));
        hit != self.negate
    }

    #[inline]
    pub fn contains(&self, ch: u32) -> bool {
        if ch < 256 {
            self.latin[(ch >> 6) as usize] & (1 << (ch & 63)) != 0
        } else {
            self.contains_slow(ch)
        }
    }

    /// Code points >= 256 this set can match, when that is a plain list.
    pub fn high_ranges(&self) -> Option<Vec<(u32, u32)>> {
        if self.fold != Fold::None
            || self.negate
            || !self.cats.is_empty()
            || !self.upper_ranges.is_empty()
        {
            return None;
        }
        Some(
            self.ranges
                .iter()
                .filter(|r| r.1 >= 256)
                .map(|&(a, b)| (a.max(256), b))
                .collect(),
        )
    }

    pub fn latin(&self) -> [u64; 4] {
        self.latin
    }
}

/// Set of characters a match can begin with (used to skip start positions).
#[derive(Clone, Debug)]
pub struct Lead {
    pub latin: [u64; 4],
    /// `None`: any character >= 256 may start a match.
    pub high: Option<Vec<(u32, u32)>>,
}

impl Lead {
    pub fn union(mut self, other: &Lead) -> Lead {
        for i in 0..4 {
            self.latin[i] |= other.latin[i];
        }
        self.high = match (self.high, &other.high) {
            (Some(mut a), Some(b)) => {
                a.extend_from_slice(b);
                Some(normalize(a))
            }
            _ => None,
        };
        self
    }

    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 256 {
            self.latin[(c >> 6) as usize] & (1 << (c & 63)) != 0
        } else {
            match &self.high {
                None => true,
                Some(r) => in_ranges(r, c),
            }
        }
    }

    /// The single character this lead allows, if there is exactly one.
    pub fn single(&self) -> Option<u32> {
        let count: u32 = self.latin.iter().map(|w| w.count_ones()).sum();
        match (&self.high, count) {
            (Some(h), 1) if h.is_empty() => {
                for (i, w) in self.latin.iter().enumerate() {
                    if *w != 0 {
                        return Some(i as u32 * 64 + w.trailing_zeros());
                    }
                }
                None
            }
            (Some(h), 0) if h.len() == 1 && h[0].0 == h[0].1 => Some(h[0].0),
            _ => None,
        }
    }
}
