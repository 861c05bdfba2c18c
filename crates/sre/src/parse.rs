//! Pattern text -> syntax tree, with the error messages and positions of
//! CPython 3.11's `re` parser.
//!
//! The pattern is read as a sequence of tokens: a single character, or a
//! backslash together with the character after it.  Like the reference
//! implementation we always hold one token of look-ahead, so an error found
//! while reading ahead (a trailing lone backslash) shows up as soon as the
//! token before it is consumed.

use crate::flags::*;
use crate::unicode;
use crate::{Error, ErrorKind};

/// Repetition count meaning "no upper bound" (CPython's MAXREPEAT).
pub const MAXREPEAT: u64 = 4_294_967_295;
/// Deepest nesting accepted (two levels per parenthesis).
const MAX_NESTING: u32 = 1000;
/// Largest group number CPython accepts.
pub const MAXGROUPS: u64 = 1_073_741_823;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtKind {
    /// `^`: start of string, or of a line under MULTILINE.
    Caret,
    /// `\A`
    StartString,
    /// `$`: end, or before a final newline; any line end under MULTILINE.
    Dollar,
    /// `\Z`
    EndString,
    /// `\b`
    Boundary,
    /// `\B`
    NonBoundary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassItem {
    Lit(u32),
    Range(u32, u32),
    Cat(Category),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepKind {
    Greedy,
    Lazy,
    Possessive,
}

/// Syntax tree.  Nodes whose meaning depends on flags carry the flags in
/// force where they were written (scoped flags already applied).
#[derive(Clone, Debug)]
pub enum Node {
    /// A literal character; `neg` for the `[^x]` form.
    Lit {
        c: u32,
        neg: bool,
        fl: u32,
    },
    Any {
        fl: u32,
    },
    Class {
        items: Vec<ClassItem>,
        negate: bool,
        fl: u32,
    },
    At {
        kind: AtKind,
        fl: u32,
    },
    /// `Some(n)`: capturing group n; `None`: non-capturing (possibly with
    /// scoped flags, already baked into the body).
    Group {
        index: Option<u32>,
        body: Box<Node>,
    },
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        min: u64,
        max: u64,
        kind: RepKind,
        body: Box<Node>,
    },
    Backref {
        group: u32,
        fl: u32,
    },
    Cond {
        group: u32,
        yes: Box<Node>,
        no: Option<Box<Node>>,
    },
    Look {
        behind: bool,
        neg: bool,
        body: Box<Node>,
    },
    Atomic(Box<Node>),
}

pub struct Parsed {
    pub root: Node,
    /// Number of capturing groups (not counting group 0).
    pub groups: u32,
    pub names: Vec<(String, u32)>,
    /// Flags after inline global flags and the str/bytes fix-up.
    pub flags: u32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Tok {
    c: u32,
    esc: bool,
}

impl Tok {
    fn len(self) -> usize {
        if self.esc {
            2
        } else {
            1
        }
    }
    fn is(self, ch: char) -> bool {
        !self.esc && self.c == ch as u32
    }
    fn text(self) -> String {
        let mut s = String::new();
        if self.esc {
            s.push('\\');
        }
        s.push(to_char(self.c));
        s
    }
}

pub(crate) fn to_char(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{FFFD}')
}

struct Source<'a> {
    s: &'a [u32],
    index: usize,
    next: Option<Tok>,
    is_text: bool,
}

fn err(msg: impl Into<String>, pos: usize) -> Error {
    Error {
        kind: ErrorKind::Re,
        msg: msg.into(),
        pos: Some(pos),
    }
}

impl<'a> Source<'a> {
    fn new(s: &'a [u32], is_text: bool) -> Result<Self, Error> {
        let mut src = Source {
            s,
            index: 0,
            next: None,
            is_text,
        };
        src.advance()?;
        Ok(src)
    }
    fn advance(&mut self) -> Result<(), Error> {
        let i = self.index;
        if i >= self.s.len() {
            self.next = None;
            return Ok(());
        }
        let c = self.s[i];
        if c == '\\' as u32 {
            if i + 1 >= self.s.len() {
                return Err(err("bad escape (end of pattern)", self.s.len() - 1));
            }
            self.next = Some(Tok {
                c: self.s[i + 1],
                esc: true,
            });
            self.index = i + 2;
        } else {
            self.next = Some(Tok { c, esc: false });
            self.index = i + 1;
        }
        Ok(())
    }
    fn tell(&self) -> usize {
        self.index - self.next.map_or(0, |t| t.len())
    }
    fn error(&self, msg: impl Into<String>, offset: usize) -> Error {
        err(msg, self.tell().saturating_sub(offset))
    }
    fn get(&mut self) -> Result<Option<Tok>, Error> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }
    fn eat(&mut self, ch: char) -> Result<bool, Error> {
        if let Some(t) = self.next {
            if t.is(ch) {
                self.advance()?;
                return Ok(true);
            }
        }
        Ok(false)
    }
    fn next_is(&self, ch: char) -> bool {
        self.next.is_some_and(|t| t.is(ch))
    }
    fn next_plain(&self) -> Option<u32> {
        match self.next {
            Some(t) if !t.esc => Some(t.c),
            _ => None,
        }
    }
    /// Up to `n` plain characters satisfying `pred`.
    fn get_while(&mut self, n: usize, pred: fn(u32) -> bool) -> Result<Vec<u32>, Error> {
        let mut out = Vec::new();
        for _ in 0..n {
            match self.next_plain() {
                Some(c) if pred(c) => {
                    out.push(c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }
    /// Text up to `term` (consumed); tokens are taken whole, escapes included.
    fn get_until(&mut self, term: char, name: &str) -> Result<String, Error> {
        let mut result = String::new();
        let mut count = 0usize;
        loop {
            let c = self.next;
            self.advance()?;
            match c {
                None => {
                    if count == 0 {
                        return Err(self.error(format!("missing {name}"), 0));
                    }
                    return Err(self.error(format!("missing {term}, unterminated name"), count));
                }
                Some(t) if t.is(term) => {
                    if count == 0 {
                        return Err(self.error(format!("missing {name}"), 1));
                    }
                    break;
                }
                Some(t) => {
                    result.push_str(&t.text());
                    count += t.len();
                }
            }
        }
        Ok(result)
    }
}

fn is_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}
fn is_octal(c: u32) -> bool {
    (b'0' as u32..=b'7' as u32).contains(&c)
}
fn is_hex(c: u32) -> bool {
    char::from_u32(c).is_some_and(|ch| ch.is_ascii_hexdigit())
}
fn is_ascii_letter(c: u32) -> bool {
    char::from_u32(c).is_some_and(|ch| ch.is_ascii_alphabetic())
}
fn digits_value(d: &[u32], radix: u32) -> u64 {
    let mut v: u64 = 0;
    for &c in d {
        v = v
            .saturating_mul(radix as u64)
            .saturating_add(to_char(c).to_digit(radix).unwrap_or(0) as u64);
    }
    v
}
fn chars_len(s: &str) -> usize {
    s.chars().count()
}

/// Python's `str.isidentifier()` (approximated outside ASCII by the \w table).
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    let Some(first) = it.next() else { return false };
    let start_ok = |c: char| {
        c == '_'
            || c.is_ascii_alphabetic()
            || (!c.is_ascii() && unicode::is_word(c as u32) && !unicode::is_digit(c as u32))
    };
    let cont_ok = |c: char| {
        c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && unicode::is_word(c as u32))
    };
    start_ok(first) && it.all(cont_ok)
}

/// Python's `int(s)` for a group number written as text: surrounding
/// whitespace, a sign, Unicode decimal digits and single underscores
/// between digits are accepted.  Saturates far beyond any group number.
pub(crate) fn py_int(s: &str) -> Option<i64> {
    let t = s.trim_matches(|c: char| unicode::is_space(c as u32));
    let (neg, digits) = match t.chars().next()? {
        '+' => (false, &t[1..]),
        '-' => (true, &t[1..]),
        _ => (false, t),
    };
    let mut v: i64 = 0;
    let mut prev_digit = false;
    let mut any = false;
    for c in digits.chars() {
        if c == '_' {
            if !prev_digit {
                return None;
            }
            prev_digit = false;
            continue;
        }
        let d = unicode::decimal_value(c as u32)?;
        v = v.saturating_mul(10).saturating_add(d as i64);
        prev_digit = true;
        any = true;
    }
    if !any || !prev_digit {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Python's `repr()` of a str, enough for the names quoted in messages.
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) || c as u32 == 0xad => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

const WHITESPACE: &[u32] = &[
    b' ' as u32,
    b'\t' as u32,
    b'\n' as u32,
    b'\r' as u32,
    0x0b,
    0x0c,
];

fn flag_of(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        't' => TEMPLATE,
        'u' => UNICODE,
        _ => return None,
    })
}

const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
const GLOBAL_FLAGS: u32 = DEBUG;

/// Looks up `\N{name}`; supplied by the caller (no name table is built in).
pub type NameLookup<'a> = &'a dyn Fn(&str) -> Option<u32>;

struct State<'a> {
    /// Global flags (inline global flags are added as they are seen).
    flags: u32,
    /// Next group number (1 + number of groups opened so far).
    groups: u32,
    names: Vec<(String, u32)>,
    /// Width of each closed group; `None` while open.  Index 0 unused.
    widths: Vec<Option<(u64, u64)>>,
    lookbehind_groups: Option<u32>,
    groupref_pos: Vec<(u32, usize)>,
    lookup: Option<NameLookup<'a>>,
}

impl State<'_> {
    fn group_named(&self, name: &str) -> Option<u32> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }
    fn check_group(&self, gid: u32) -> bool {
        gid < self.groups && self.widths[gid as usize].is_some()
    }
    fn check_lookbehind_group(&self, gid: u32, src: &Source) -> Result<(), Error> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.check_group(gid) {
                return Err(src.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(src.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }
}

/// Combine scoped flags as the compiler does: turning on a type flag
/// replaces the other type flags.
fn combine_flags(flags: u32, add: u32, del: u32) -> u32 {
    let mut f = flags;
    if add & TYPE_FLAGS != 0 {
        f &= !TYPE_FLAGS;
    }
    (f | add) & !del
}

pub fn parse(
    pattern: &[u32],
    is_text: bool,
    flags: u32,
    lookup: Option<NameLookup>,
) -> Result<Parsed, Error> {
    let mut src = Source::new(pattern, is_text)?;
    let mut st = State {
        flags,
        groups: 1,
        names: Vec::new(),
        widths: vec![None],
        lookbehind_groups: None,
        groupref_pos: Vec::new(),
        lookup,
    };
    let mut p = Parser {
        src: &mut src,
        st: &mut st,
    };
    let root = p.parse_sub(flags & VERBOSE != 0, 0, flags)?;
    let final_flags = fix_flags(is_text, st.flags)?;
    if src.next.is_some() {
        return Err(src.error("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &st.groupref_pos {
        if g >= st.groups {
            return Err(err(format!("invalid group reference {g}"), pos));
        }
    }
    Ok(Parsed {
        root,
        groups: st.groups - 1,
        names: st.names,
        flags: final_flags,
    })
}

pub(crate) fn fix_flags(is_text: bool, mut flags: u32) -> Result<u32, Error> {
    let verr = |m: &str| Error {
        kind: ErrorKind::Value,
        msg: m.to_string(),
        pos: None,
    };
    if is_text {
        if flags & LOCALE != 0 {
            return Err(verr("cannot use LOCALE flag with a str pattern"));
        }
        if flags & ASCII == 0 {
            flags |= UNICODE;
        } else if flags & UNICODE != 0 {
            return Err(verr("ASCII and UNICODE flags are incompatible"));
        }
    } else {
        if flags & UNICODE != 0 {
            return Err(verr("cannot use UNICODE flag with a bytes pattern"));
        }
        if flags & LOCALE != 0 && flags & ASCII != 0 {
            return Err(verr("ASCII and LOCALE flags are incompatible"));
        }
    }
    Ok(flags)
}

struct Parser<'s, 'a, 'b> {
    src: &'s mut Source<'a>,
    st: &'s mut State<'b>,
}

fn is_repeat(n: &Node) -> bool {
    matches!(n, Node::Repeat { .. })
}

impl Parser<'_, '_, '_> {
    /// Alternatives separated by `|`.  `fl` is the flags in force.
    fn parse_sub(&mut self, verbose: bool, nested: u32, fl: u32) -> Result<Node, Error> {
        // CPython's recursive parser gives up (RecursionError) somewhere
        // below 500 nested groups; stop at a depth our own recursion (parse,
        // compile, drop) handles comfortably.
        if nested > MAX_NESTING {
            return Err(Error {
                kind: ErrorKind::Recursion,
                msg: "maximum recursion depth exceeded".into(),
                pos: None,
            });
        }
        let mut items = Vec::new();
        let mut verbose = verbose;
        let mut fl = fl;
        loop {
            let first = nested == 0 && items.is_empty();
            let (seq, v2, f2) = self.parse_seq(verbose, nested + 1, first, fl)?;
            if first {
                // global flags read at the start hold for the rest
                verbose = v2;
                fl = f2;
            }
            items.push(seq);
            if !self.src.eat('|')? {
                break;
            }
        }
        if items.len() == 1 {
            return Ok(items.pop().unwrap());
        }
        // Alternatives that are all single characters or non-negated sets
        // (with the same flags) become one set, as in CPython; this is
        // visible in a corner of case-insensitive matching, so it is done
        // for exactness as well as speed.
        let fl0 = match &items[0] {
            Node::Lit { fl, .. } | Node::Class { fl, .. } => Some(*fl),
            _ => None,
        };
        if let Some(fl0) = fl0 {
            let mut set: Vec<ClassItem> = Vec::new();
            let mut ok = true;
            for it in &items {
                match it {
                    Node::Lit { c, neg: false, fl } if *fl == fl0 => set.push(ClassItem::Lit(*c)),
                    Node::Class {
                        items: ci,
                        negate: false,
                        fl,
                    } if *fl == fl0 => set.extend_from_slice(ci),
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                let mut uniq: Vec<ClassItem> = Vec::new();
                for i in set {
                    if !uniq.contains(&i) {
                        uniq.push(i);
                    }
                }
                return Ok(Node::Class {
                    items: uniq,
                    negate: false,
                    fl: fl0,
                });
            }
        }
        Ok(Node::Alt(items))
    }

    /// One alternative: a sequence of items up to `|`, `)` or the end.
    /// Returns the node and the verbose flag / flags at its end (changed by
    /// global inline flags).
    fn parse_seq(
        &mut self,
        mut verbose: bool,
        nested: u32,
        first: bool,
        mut fl: u32,
    ) -> Result<(Node, bool, u32), Error> {
        let mut items: Vec<Node> = Vec::new();
        while let Some(this) = self.src.next {
            if this.is('|') || this.is(')') {
                break;
            }
            self.src.get()?;
            if verbose && !this.esc {
                if WHITESPACE.contains(&this.c) {
                    continue;
                }
                if this.c == '#' as u32 {
                    loop {
                        match self.src.get()? {
                            None => break,
                            Some(t) if t.is('\n') => break,
                            _ => {}
                        }
                    }
                    continue;
                }
            }
            if this.esc {
                let node = self.escape(this, fl)?;
                items.push(node);
                continue;
            }
            let ch = to_char(this.c);
            match ch {
                '[' => {
                    let node = self.class(fl)?;
                    items.push(node);
                }
                '*' | '+' | '?' | '{' => {
                    let here = self.src.tell();
                    let (min, max) = match ch {
                        '?' => (0, 1),
                        '*' => (0, MAXREPEAT),
                        '+' => (1, MAXREPEAT),
                        _ => {
                            if self.src.next_is('}') {
                                items.push(Node::Lit {
                                    c: this.c,
                                    neg: false,
                                    fl,
                                });
                                continue;
                            }
                            let lo = self.src.get_while(usize::MAX, is_digit)?;
                            let hi = if self.src.eat(',')? {
                                self.src.get_while(usize::MAX, is_digit)?
                            } else {
                                lo.clone()
                            };
                            if !self.src.eat('}')? {
                                items.push(Node::Lit {
                                    c: this.c,
                                    neg: false,
                                    fl,
                                });
                                self.seek(here)?;
                                continue;
                            }
                            let mut min = 0;
                            let mut max = MAXREPEAT;
                            let too_large = || Error {
                                kind: ErrorKind::Overflow,
                                msg: "the repetition number is too large".into(),
                                pos: None,
                            };
                            if !lo.is_empty() {
                                min = digits_value(&lo, 10);
                                if min >= MAXREPEAT {
                                    return Err(too_large());
                                }
                            }
                            if !hi.is_empty() {
                                max = digits_value(&hi, 10);
                                if max >= MAXREPEAT {
                                    return Err(too_large());
                                }
                                if max < min {
                                    return Err(self.src.error(
                                        "min repeat greater than max repeat",
                                        self.src.tell() - here,
                                    ));
                                }
                            }
                            (min, max)
                        }
                    };
                    let off = self.src.tell() - here + 1;
                    let Some(last) = items.pop() else {
                        return Err(self.src.error("nothing to repeat", off));
                    };
                    if matches!(last, Node::At { .. }) {
                        return Err(self.src.error("nothing to repeat", off));
                    }
                    if is_repeat(&last) {
                        return Err(self.src.error("multiple repeat", off));
                    }
                    let kind = if self.src.eat('?')? {
                        RepKind::Lazy
                    } else if self.src.eat('+')? {
                        RepKind::Possessive
                    } else {
                        RepKind::Greedy
                    };
                    items.push(Node::Repeat {
                        min,
                        max,
                        kind,
                        body: Box::new(last),
                    });
                }
                '.' => items.push(Node::Any { fl }),
                '(' => {
                    let start = self.src.tell() - 1;
                    match self.group(start, verbose, nested, first && items.is_empty(), fl)? {
                        GroupResult::Node(n) => items.push(n),
                        GroupResult::Nothing => {}
                        GroupResult::Global => {
                            // only other global groups can come before, so
                            // the global flags are the flags now in force
                            fl = self.st.flags;
                            verbose = self.st.flags & VERBOSE != 0;
                        }
                    }
                }
                '^' => items.push(Node::At {
                    kind: AtKind::Caret,
                    fl,
                }),
                '$' => items.push(Node::At {
                    kind: AtKind::Dollar,
                    fl,
                }),
                _ => items.push(Node::Lit {
                    c: this.c,
                    neg: false,
                    fl,
                }),
            }
        }
        let node = if items.len() == 1 {
            items.pop().unwrap()
        } else {
            Node::Concat(items)
        };
        Ok((node, verbose, fl))
    }

    fn seek(&mut self, index: usize) -> Result<(), Error> {
        self.src.index = index;
        self.src.advance()
    }

    fn group(
        &mut self,
        start: usize,
        verbose: bool,
        nested: u32,
        first: bool,
        fl: u32,
    ) -> Result<GroupResult, Error> {
        let mut capture = true;
        let mut atomic = false;
        let mut name: Option<String> = None;
        let mut sub_fl = fl;
        let mut sub_verbose = verbose;
        if self.src.eat('?')? {
            let Some(t) = self.src.get()? else {
                return Err(self.src.error("unexpected end of pattern", 0));
            };
            let ch = if t.esc { '\u{0}' } else { to_char(t.c) };
            match ch {
                'P' => {
                    if self.src.eat('<')? {
                        let n = self.src.get_until('>', "group name")?;
                        if !is_identifier(&n) {
                            return Err(self.src.error(
                                format!("bad character in group name {}", py_repr(&n)),
                                chars_len(&n) + 1,
                            ));
                        }
                        name = Some(n);
                    } else if self.src.eat('=')? {
                        let n = self.src.get_until(')', "group name")?;
                        let off = chars_len(&n) + 1;
                        if !is_identifier(&n) {
                            return Err(self.src.error(
                                format!("bad character in group name {}", py_repr(&n)),
                                off,
                            ));
                        }
                        let Some(gid) = self.st.group_named(&n) else {
                            return Err(self
                                .src
                                .error(format!("unknown group name {}", py_repr(&n)), off));
                        };
                        if !self.st.check_group(gid) {
                            return Err(self.src.error("cannot refer to an open group", off));
                        }
                        self.st.check_lookbehind_group(gid, self.src)?;
                        return Ok(GroupResult::Node(Node::Backref { group: gid, fl }));
                    } else {
                        let Some(t2) = self.src.get()? else {
                            return Err(self.src.error("unexpected end of pattern", 0));
                        };
                        return Err(self
                            .src
                            .error(format!("unknown extension ?P{}", t2.text()), t2.len() + 2));
                    }
                }
                ':' => capture = false,
                '#' => {
                    loop {
                        if self.src.next.is_none() {
                            return Err(self.src.error(
                                "missing ), unterminated comment",
                                self.src.tell() - start,
                            ));
                        }
                        if self.src.get()?.is_some_and(|t| t.is(')')) {
                            break;
                        }
                    }
                    return Ok(GroupResult::Nothing);
                }
                '=' | '!' | '<' => {
                    let mut behind = false;
                    let mut kind = ch;
                    let mut saved_lb = None;
                    if ch == '<' {
                        let Some(t2) = self.src.get()? else {
                            return Err(self.src.error("unexpected end of pattern", 0));
                        };
                        if !(t2.is('=') || t2.is('!')) {
                            return Err(self.src.error(
                                format!("unknown extension ?<{}", t2.text()),
                                t2.len() + 2,
                            ));
                        }
                        kind = to_char(t2.c);
                        behind = true;
                        saved_lb = Some(self.st.lookbehind_groups);
                        if self.st.lookbehind_groups.is_none() {
                            self.st.lookbehind_groups = Some(self.st.groups);
                        }
                    }
                    let body = self.parse_sub(verbose, nested + 1, fl)?;
                    if let Some(prev) = saved_lb {
                        if prev.is_none() {
                            self.st.lookbehind_groups = None;
                        }
                    }
                    if !self.src.eat(')')? {
                        return Err(self.src.error(
                            "missing ), unterminated subpattern",
                            self.src.tell() - start,
                        ));
                    }
                    return Ok(GroupResult::Node(Node::Look {
                        behind,
                        neg: kind == '!',
                        body: Box::new(body),
                    }));
                }
                '(' => {
                    let condname = self.src.get_until(')', "group name")?;
                    let off = chars_len(&condname) + 1;
                    let condgroup;
                    if is_identifier(&condname) {
                        match self.st.group_named(&condname) {
                            Some(g) => condgroup = g,
                            None => {
                                return Err(self.src.error(
                                    format!("unknown group name {}", py_repr(&condname)),
                                    off,
                                ))
                            }
                        }
                    } else {
                        let v = match py_int(&condname) {
                            Some(v) if v >= 0 => v as u64,
                            _ => {
                                return Err(self.src.error(
                                    format!("bad character in group name {}", py_repr(&condname)),
                                    off,
                                ))
                            }
                        };
                        if v == 0 {
                            return Err(self.src.error("bad group number", off));
                        }
                        if v >= MAXGROUPS {
                            return Err(self
                                .src
                                .error(format!("invalid group reference {v}"), off));
                        }
                        condgroup = v as u32;
                        if !self.st.groupref_pos.iter().any(|&(g, _)| g == condgroup) {
                            let pos = self.src.tell() - off;
                            self.st.groupref_pos.push((condgroup, pos));
                        }
                    }
                    self.st.check_lookbehind_group(condgroup, self.src)?;
                    let (yes, _, _) = self.parse_seq(verbose, nested + 1, false, fl)?;
                    let no = if self.src.eat('|')? {
                        let (no, _, _) = self.parse_seq(verbose, nested + 1, false, fl)?;
                        if self.src.next_is('|') {
                            return Err(self
                                .src
                                .error("conditional backref with more than two branches", 0));
                        }
                        Some(Box::new(no))
                    } else {
                        None
                    };
                    if !self.src.eat(')')? {
                        return Err(self.src.error(
                            "missing ), unterminated subpattern",
                            self.src.tell() - start,
                        ));
                    }
                    return Ok(GroupResult::Node(Node::Cond {
                        group: condgroup,
                        yes: Box::new(yes),
                        no,
                    }));
                }
                '>' => {
                    capture = false;
                    atomic = true;
                }
                _ if ch == '-' || flag_of(t.c).is_some() && !t.esc => {
                    match self.parse_flags(t.c)? {
                        None => {
                            if !first {
                                return Err(self.src.error(
                                    "global flags not at the start of the expression",
                                    self.src.tell() - start,
                                ));
                            }
                            return Ok(GroupResult::Global);
                        }
                        Some((add, del)) => {
                            sub_fl = combine_flags(fl, add, del);
                            sub_verbose = (verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
                            capture = false;
                        }
                    }
                }
                _ => {
                    return Err(self
                        .src
                        .error(format!("unknown extension ?{}", t.text()), t.len() + 1));
                }
            }
        }
        let group = if capture {
            let gid = self.st.groups;
            self.st.groups += 1;
            self.st.widths.push(None);
            if gid as u64 >= MAXGROUPS {
                return Err(self.src.error("too many groups", 0));
            }
            if let Some(n) = &name {
                if let Some(og) = self.st.group_named(n) {
                    return Err(self.src.error(
                        format!(
                            "redefinition of group name {} as group {gid}; was group {og}",
                            py_repr(n)
                        ),
                        chars_len(n) + 1,
                    ));
                }
                self.st.names.push((n.clone(), gid));
            }
            Some(gid)
        } else {
            None
        };
        let body = self.parse_sub(sub_verbose, nested + 1, sub_fl)?;
        if !self.src.eat(')')? {
            return Err(self.src.error(
                "missing ), unterminated subpattern",
                self.src.tell() - start,
            ));
        }
        if let Some(g) = group {
            let w = width(&body, &self.st.widths);
            self.st.widths[g as usize] = Some(w);
        }
        if atomic {
            return Ok(GroupResult::Node(Node::Atomic(Box::new(body))));
        }
        Ok(GroupResult::Node(Node::Group {
            index: group,
            body: Box::new(body),
        }))
    }

    /// Flags after `(?`; `c` is the first flag character (or `-`).
    /// `None` for a global flags group `(?flags)`.
    fn parse_flags(&mut self, mut c: u32) -> Result<Option<(u32, u32)>, Error> {
        let mut add = 0;
        let mut del = 0;
        let is_text = self.src.is_text;
        let mut last: Option<Tok>;
        if c != '-' as u32 {
            loop {
                let flag = flag_of(c).unwrap();
                if is_text {
                    if flag == LOCALE {
                        return Err(self.src.error(
                            "bad inline flags: cannot use 'L' flag with a str pattern",
                            0,
                        ));
                    }
                } else if flag == UNICODE {
                    return Err(self.src.error(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        0,
                    ));
                }
                add |= flag;
                if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                    return Err(self.src.error(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        0,
                    ));
                }
                last = self.src.get()?;
                let Some(t) = last else {
                    return Err(self.src.error("missing -, : or )", 0));
                };
                if t.is(')') || t.is('-') || t.is(':') {
                    break;
                }
                if t.esc || flag_of(t.c).is_none() {
                    let msg = if !t.esc && to_char(t.c).is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing -, : or )"
                    };
                    return Err(self.src.error(msg, t.len()));
                }
                c = t.c;
            }
            let t = last.unwrap();
            if t.is(')') {
                self.st.flags |= add;
                return Ok(None);
            }
            if add & GLOBAL_FLAGS != 0 {
                return Err(self
                    .src
                    .error("bad inline flags: cannot turn on global flag", 1));
            }
            c = t.c;
        }
        if c == '-' as u32 {
            let Some(t) = self.src.get()? else {
                return Err(self.src.error("missing flag", 0));
            };
            if t.esc || flag_of(t.c).is_none() {
                let msg = if !t.esc && to_char(t.c).is_alphabetic() {
                    "unknown flag"
                } else {
                    "missing flag"
                };
                return Err(self.src.error(msg, t.len()));
            }
            let mut c2 = t.c;
            loop {
                let flag = flag_of(c2).unwrap();
                if flag & TYPE_FLAGS != 0 {
                    return Err(self.src.error(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        0,
                    ));
                }
                del |= flag;
                let Some(t) = self.src.get()? else {
                    return Err(self.src.error("missing :", 0));
                };
                if t.is(':') {
                    break;
                }
                if t.esc || flag_of(t.c).is_none() {
                    let msg = if !t.esc && to_char(t.c).is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing :"
                    };
                    return Err(self.src.error(msg, t.len()));
                }
                c2 = t.c;
            }
        }
        if del & GLOBAL_FLAGS != 0 {
            return Err(self
                .src
                .error("bad inline flags: cannot turn off global flag", 1));
        }
        if add & del != 0 {
            return Err(self
                .src
                .error("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }

    /// `[...]`, the `[` already consumed.
    fn class(&mut self, fl: u32) -> Result<Node, Error> {
        let here = self.src.tell() - 1;
        let mut set: Vec<ClassItem> = Vec::new();
        let negate = self.src.eat('^')?;
        loop {
            let Some(this) = self.src.get()? else {
                return Err(self
                    .src
                    .error("unterminated character set", self.src.tell() - here));
            };
            if this.is(']') && !set.is_empty() {
                break;
            }
            // `]` first is a literal; but only the very first item: after
            // at least one item `]` ends the set.
            let code1 = if this.esc {
                self.class_escape(this)?
            } else {
                ClassItem::Lit(this.c)
            };
            if self.src.eat('-')? {
                let Some(that) = self.src.get()? else {
                    return Err(self
                        .src
                        .error("unterminated character set", self.src.tell() - here));
                };
                if that.is(']') {
                    set.push(code1);
                    set.push(ClassItem::Lit('-' as u32));
                    break;
                }
                let code2 = if that.esc {
                    self.class_escape(that)?
                } else {
                    ClassItem::Lit(that.c)
                };
                let off = this.len() + 1 + that.len();
                let msg = || format!("bad character range {}-{}", this.text(), that.text());
                match (code1, code2) {
                    (ClassItem::Lit(lo), ClassItem::Lit(hi)) => {
                        if hi < lo {
                            return Err(self.src.error(msg(), off));
                        }
                        set.push(ClassItem::Range(lo, hi));
                    }
                    _ => return Err(self.src.error(msg(), off)),
                }
            } else {
                set.push(code1);
            }
        }
        if set.len() == 1 {
            if let ClassItem::Lit(c) = set[0] {
                return Ok(Node::Lit { c, neg: negate, fl });
            }
        }
        Ok(Node::Class {
            items: set,
            negate,
            fl,
        })
    }

    /// Escapes shared by both contexts: `\x \u \U \N`.  Returns `Ok(None)`
    /// when `t` is not one of them.
    fn hex_escape(&mut self, t: Tok) -> Result<Option<u32>, Error> {
        let c = to_char(t.c);
        let text = self.src.is_text;
        let n = match c {
            'x' => 2,
            'u' if text => 4,
            'U' if text => 8,
            'N' if text => {
                if !self.src.eat('{')? {
                    return Err(self.src.error("missing {", 0));
                }
                let name = self.src.get_until('}', "character name")?;
                let found = self.st.lookup.and_then(|f| f(&name));
                return match found {
                    Some(v) => Ok(Some(v)),
                    None => Err(self.src.error(
                        format!("undefined character name {}", py_repr(&name)),
                        chars_len(&name) + 4,
                    )),
                };
            }
            _ => return Ok(None),
        };
        let digits = self.src.get_while(n, is_hex)?;
        let len = 2 + digits.len();
        let mut esc = String::from("\\");
        esc.push(c);
        for &d in &digits {
            esc.push(to_char(d));
        }
        if digits.len() != n {
            return Err(self.src.error(format!("incomplete escape {esc}"), len));
        }
        let v = digits_value(&digits, 16);
        if v > 0x10ffff {
            return Err(self.src.error(format!("bad escape {esc}"), len));
        }
        Ok(Some(v as u32))
    }

    fn class_escape(&mut self, t: Tok) -> Result<ClassItem, Error> {
        if let Some(v) = simple_escape(t.c, true) {
            return Ok(ClassItem::Lit(v));
        }
        if let Some(cat) = category_escape(t.c) {
            return Ok(ClassItem::Cat(cat));
        }
        if let Some(v) = self.hex_escape(t)? {
            return Ok(ClassItem::Lit(v));
        }
        if is_octal(t.c) {
            let more = self.src.get_while(2, is_octal)?;
            let mut digits = vec![t.c];
            digits.extend_from_slice(&more);
            let v = digits_value(&digits, 8);
            if v > 0o377 {
                let esc: String = std::iter::once('\\')
                    .chain(digits.iter().map(|&d| to_char(d)))
                    .collect();
                return Err(self.src.error(
                    format!("octal escape value {esc} outside of range 0-0o377"),
                    digits.len() + 1,
                ));
            }
            return Ok(ClassItem::Lit(v as u32));
        }
        if is_digit(t.c) || is_ascii_letter(t.c) {
            return Err(self.src.error(format!("bad escape {}", t.text()), 2));
        }
        Ok(ClassItem::Lit(t.c))
    }

    fn escape(&mut self, t: Tok, fl: u32) -> Result<Node, Error> {
        let c = to_char(t.c);
        match c {
            'A' => {
                return Ok(Node::At {
                    kind: AtKind::StartString,
                    fl,
                })
            }
            'Z' => {
                return Ok(Node::At {
                    kind: AtKind::EndString,
                    fl,
                })
            }
            'b' => {
                return Ok(Node::At {
                    kind: AtKind::Boundary,
                    fl,
                })
            }
            'B' => {
                return Ok(Node::At {
                    kind: AtKind::NonBoundary,
                    fl,
                })
            }
            _ => {}
        }
        if let Some(cat) = category_escape(t.c) {
            return Ok(Node::Class {
                items: vec![ClassItem::Cat(cat)],
                negate: false,
                fl,
            });
        }
        if let Some(v) = simple_escape(t.c, false) {
            return Ok(Node::Lit {
                c: v,
                neg: false,
                fl,
            });
        }
        if let Some(v) = self.hex_escape(t)? {
            return Ok(Node::Lit {
                c: v,
                neg: false,
                fl,
            });
        }
        if c == '0' {
            let more = self.src.get_while(2, is_octal)?;
            return Ok(Node::Lit {
                c: digits_value(&more, 8) as u32,
                neg: false,
                fl,
            });
        }
        if is_digit(t.c) {
            let mut digits = vec![t.c];
            if let Some(d2) = self.src.next_plain().filter(|&d| is_digit(d)) {
                self.src.get()?;
                digits.push(d2);
                if is_octal(digits[0]) && is_octal(d2) {
                    if let Some(d3) = self.src.next_plain().filter(|&d| is_octal(d)) {
                        self.src.get()?;
                        digits.push(d3);
                        let v = digits_value(&digits, 8);
                        if v > 0o377 {
                            let esc: String = std::iter::once('\\')
                                .chain(digits.iter().map(|&d| to_char(d)))
                                .collect();
                            return Err(self.src.error(
                                format!("octal escape value {esc} outside of range 0-0o377"),
                                4,
                            ));
                        }
                        return Ok(Node::Lit {
                            c: v as u32,
                            neg: false,
                            fl,
                        });
                    }
                }
            }
            let group = digits_value(&digits, 10) as u32;
            let elen = digits.len() + 1;
            if group < self.st.groups {
                if !self.st.check_group(group) {
                    return Err(self.src.error("cannot refer to an open group", elen));
                }
                self.st.check_lookbehind_group(group, self.src)?;
                return Ok(Node::Backref { group, fl });
            }
            return Err(self
                .src
                .error(format!("invalid group reference {group}"), elen - 1));
        }
        if is_ascii_letter(t.c) {
            return Err(self.src.error(format!("bad escape {}", t.text()), 2));
        }
        Ok(Node::Lit {
            c: t.c,
            neg: false,
            fl,
        })
    }
}

enum GroupResult {
    Node(Node),
    Nothing,
    Global,
}

fn simple_escape(c: u32, in_class: bool) -> Option<u32> {
    Some(match to_char(c) {
        'a' => 7,
        'b' if in_class => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

fn category_escape(c: u32) -> Option<Category> {
    Some(match to_char(c) {
        'd' => Category::Digit,
        'D' => Category::NotDigit,
        's' => Category::Space,
        'S' => Category::NotSpace,
        'w' => Category::Word,
        'W' => Category::NotWord,
        _ => return None,
    })
}

/// (min, max) number of characters a node can match, as CPython computes
/// it (lookarounds count as zero; max saturates at MAXREPEAT).
pub fn width(node: &Node, groups: &[Option<(u64, u64)>]) -> (u64, u64) {
    let (lo, hi) = width_raw(node, groups);
    (lo.min(MAXREPEAT - 1), hi.min(MAXREPEAT))
}

fn width_raw(node: &Node, groups: &[Option<(u64, u64)>]) -> (u64, u64) {
    match node {
        Node::Lit { .. } | Node::Any { .. } | Node::Class { .. } => (1, 1),
        Node::At { .. } | Node::Look { .. } => (0, 0),
        Node::Group { body, .. } | Node::Atomic(body) => width(body, groups),
        Node::Concat(items) => {
            let mut lo = 0u64;
            let mut hi = 0u64;
            for it in items {
                let (a, b) = width(it, groups);
                lo = lo.saturating_add(a);
                hi = hi.saturating_add(b);
            }
            (lo, hi)
        }
        Node::Alt(alts) => {
            let mut lo = MAXREPEAT - 1;
            let mut hi = 0;
            for a in alts {
                let (l, h) = width(a, groups);
                lo = lo.min(l);
                hi = hi.max(h);
            }
            (lo, hi)
        }
        Node::Repeat { min, max, body, .. } => {
            let (i, j) = width(body, groups);
            let lo = i.saturating_mul(*min);
            let hi = if *max == MAXREPEAT && j > 0 {
                MAXREPEAT
            } else {
                j.saturating_mul(*max)
            };
            (lo, hi)
        }
        Node::Backref { group, .. } => groups
            .get(*group as usize)
            .copied()
            .flatten()
            .unwrap_or((0, MAXREPEAT)),
        Node::Cond { yes, no, .. } => {
            let (mut i, mut j) = width(yes, groups);
            match no {
                Some(n) => {
                    let (l, h) = width(n, groups);
                    i = i.min(l);
                    j = j.max(h);
                }
                None => i = 0,
            }
            (i, j)
        }
    }
}

/// Width of every group, for the compiler's look-behind check.
pub fn group_widths(root: &Node, groups: u32) -> Vec<Option<(u64, u64)>> {
    let mut out = vec![None; groups as usize + 1];
    fill_widths(root, &mut out);
    out
}

fn fill_widths(node: &Node, out: &mut Vec<Option<(u64, u64)>>) {
    match node {
        Node::Group { index, body } => {
            fill_widths(body, out);
            if let Some(g) = index {
                let w = width(body, out);
                out[*g as usize] = Some(w);
            }
        }
        Node::Atomic(b) | Node::Look { body: b, .. } | Node::Repeat { body: b, .. } => {
            fill_widths(b, out)
        }
        Node::Concat(v) | Node::Alt(v) => v.iter().for_each(|n| fill_widths(n, out)),
        Node::Cond { yes, no, .. } => {
            fill_widths(yes, out);
            if let Some(n) = no {
                fill_widths(n, out);
            }
        }
        _ => {}
    }
}
