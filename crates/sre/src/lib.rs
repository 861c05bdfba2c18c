//! A regular-expression engine with the semantics of CPython 3.11's `re`
//! module (the "sre" engine): the same pattern syntax, flags, error
//! messages, and the same choice of match among the possible ones.
//!
//! Patterns are str patterns (code points) or bytes patterns (bytes).
//! Subjects are any [`Subject`]: `[u8]`, `[u16]`, `[u32]` or `[char]`
//! slices; the pattern's kind, not the slice type, decides the semantics,
//! so a str pattern can run over a Latin-1 (`[u8]`) or UCS-2 (`[u16]`)
//! string without conversion.
//!
//! ```
//! use sre::{Regex, flags};
//! let pat: Vec<u32> = r"(\w+)@(\w+)\.com".chars().map(|c| c as u32).collect();
//! let re = Regex::compile_str(&pat, flags::IGNORECASE).unwrap();
//! let text: Vec<u32> = "mail Bob@Example.COM now".chars().map(|c| c as u32).collect();
//! let m = re.search(&text[..], 0, text.len()).unwrap();
//! assert_eq!(m.span(0), Some((5, 20)));
//! assert_eq!(m.span(2), Some((9, 16)));
//! ```
#![forbid(unsafe_code)]

mod charset;
mod compile;
mod parse;
mod template;
mod unicode;
mod unicode_data;
mod vm;

pub use parse::py_repr;
pub use template::{Piece, Template};
pub use vm::Scratch;

/// Flag values, equal to those of Python's `re` module.
pub mod flags {
    pub const TEMPLATE: u32 = 1;
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const MULTILINE: u32 = 8;
    pub const DOTALL: u32 = 16;
    pub const UNICODE: u32 = 32;
    pub const VERBOSE: u32 = 64;
    pub const DEBUG: u32 = 128;
    pub const ASCII: u32 = 256;
}

/// Which Python exception an [`Error`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `re.error`
    Re,
    /// `OverflowError` (a repeat count of 2**32-1 or more)
    Overflow,
    /// `ValueError` (incompatible flags given as arguments)
    Value,
    /// `IndexError` (unknown group name in a replacement template)
    Index,
    /// `RecursionError` (groups nested too deeply, several hundred levels)
    Recursion,
}

/// A compile (or template) error: the message without the
/// " at position N" suffix, and the position (in characters of the
/// pattern) when CPython reports one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub msg: String,
    pub pos: Option<usize>,
}

impl Error {
    /// `(lineno, colno)` of `pos` in `pattern`, both 1-based, as `re.error`
    /// computes them.
    pub fn line_col(&self, pattern: &[u32]) -> Option<(usize, usize)> {
        let pos = self.pos?.min(pattern.len());
        let before = &pattern[..pos];
        let line = 1 + before.iter().filter(|&&c| c == 10).count();
        let col = match before.iter().rposition(|&c| c == 10) {
            Some(i) => pos - i,
            None => pos + 1,
        };
        Some((line, col))
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{} at position {}", self.msg, p),
            None => f.write_str(&self.msg),
        }
    }
}

impl std::error::Error for Error {}

/// A string to match against: a random-access sequence of code points.
pub trait Subject {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> u32;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Subject for [u8] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}
impl Subject for [u16] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u16]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}
impl Subject for [u32] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}
impl Subject for [char] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[char]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Regex {
    code: compile::Code,
    groups: usize,
    names: Vec<(String, usize)>,
    flags: u32,
    is_text: bool,
}

/// How a match attempt is anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `re.match`: at `pos` only.
    Match,
    /// `re.fullmatch`: at `pos`, and ending exactly at `endpos`.
    FullMatch,
    /// `re.search`: the first position at or after `pos` where it matches.
    Search,
}

/// The result of a successful match: spans of group 0 and every group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// `spans[0]` is the whole match; `spans[g]` group g (`None` when the
    /// group did not take part in the match).
    pub spans: Vec<Option<(usize, usize)>>,
    /// Number of the last group closed (Python's `lastindex`).
    pub lastindex: Option<usize>,
}

impl Match {
    pub fn start(&self) -> usize {
        self.spans[0].unwrap().0
    }
    pub fn end(&self) -> usize {
        self.spans[0].unwrap().1
    }
    pub fn span(&self, group: usize) -> Option<(usize, usize)> {
        self.spans.get(group).copied().flatten()
    }
}

/// Looks up the code point of a `\N{...}` character name.
pub type NameLookup<'a> = &'a dyn Fn(&str) -> Option<u32>;

impl Regex {
    /// Compile a str pattern given as code points.  `\N{...}` escapes are
    /// rejected as undefined names (see [`Regex::compile`]).
    pub fn compile_str(pattern: &[u32], flags: u32) -> Result<Regex, Error> {
        Self::compile(pattern, true, flags, None)
    }

    /// Compile a bytes pattern.
    pub fn compile_bytes(pattern: &[u8], flags: u32) -> Result<Regex, Error> {
        let p: Vec<u32> = pattern.iter().map(|&b| b as u32).collect();
        Self::compile(&p, false, flags, None)
    }

    /// Compile a pattern: code points (bytes widened for a bytes pattern),
    /// `is_text` for a str pattern, Python flag bits, and optionally a
    /// lookup for `\N{name}` escapes.
    pub fn compile(
        pattern: &[u32],
        is_text: bool,
        flags: u32,
        names: Option<NameLookup>,
    ) -> Result<Regex, Error> {
        let parsed = parse::parse(pattern, is_text, flags, names)?;
        let code = compile::compile(&parsed.root, parsed.groups, is_text)?;
        Ok(Regex {
            code,
            groups: parsed.groups as usize,
            names: parsed
                .names
                .into_iter()
                .map(|(n, g)| (n, g as usize))
                .collect(),
            flags: parsed.flags,
            is_text,
        })
    }

    /// Number of capturing groups (Python's `pattern.groups`).
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// Named groups with their numbers, in order of definition
    /// (Python's `pattern.groupindex`).
    pub fn group_names(&self) -> &[(String, usize)] {
        &self.names
    }

    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    /// Name of group `g`, if it has one.
    pub fn group_name(&self, g: usize) -> Option<&str> {
        self.names
            .iter()
            .find(|&&(_, i)| i == g)
            .map(|(n, _)| n.as_str())
    }

    /// Flags after inline flags, with UNICODE added for a str pattern
    /// without ASCII (Python's `pattern.flags`).
    pub fn flags(&self) -> u32 {
        self.flags
    }

    /// Whether this is a str pattern (else bytes).
    pub fn is_text(&self) -> bool {
        self.is_text
    }

    /// `re.match` semantics at `pos`, the subject cut at `endpos`.
    pub fn match_at<S: Subject + ?Sized>(
        &self,
        subject: &S,
        pos: usize,
        endpos: usize,
    ) -> Option<Match> {
        self.exec(
            &mut Scratch::default(),
            subject,
            pos,
            endpos,
            Mode::Match,
            false,
        )
    }

    pub fn fullmatch<S: Subject + ?Sized>(
        &self,
        subject: &S,
        pos: usize,
        endpos: usize,
    ) -> Option<Match> {
        self.exec(
            &mut Scratch::default(),
            subject,
            pos,
            endpos,
            Mode::FullMatch,
            false,
        )
    }

    pub fn search<S: Subject + ?Sized>(
        &self,
        subject: &S,
        pos: usize,
        endpos: usize,
    ) -> Option<Match> {
        self.exec(
            &mut Scratch::default(),
            subject,
            pos,
            endpos,
            Mode::Search,
            false,
        )
    }

    /// The general entry point.  `pos` and `endpos` are clamped to the
    /// subject (negative values are the caller's to map to 0).  With
    /// `must_advance`, an empty match at `pos` is not accepted (a non-empty
    /// one at `pos` is): the rule `finditer`, `sub` and `split` use after an
    /// empty match.
    pub fn exec<S: Subject + ?Sized>(
        &self,
        scratch: &mut Scratch,
        subject: &S,
        pos: usize,
        endpos: usize,
        mode: Mode,
        must_advance: bool,
    ) -> Option<Match> {
        let end = endpos.min(subject.len());
        let pos = pos.min(subject.len());
        if pos > end && mode == Mode::Search {
            return None;
        }
        let vm = vm::Vm {
            code: &self.code,
            subj: subject,
            end,
            full: mode == Mode::FullMatch,
        };
        scratch.slots.resize(2 * self.groups, vm::NONE);
        let found = |scratch: &Scratch, start: usize, stop: usize| {
            let mut spans = Vec::with_capacity(self.groups + 1);
            spans.push(Some((start, stop)));
            for g in 1..=self.groups {
                spans.push(scratch.span(g));
            }
            let lastindex = if scratch.lastindex == 0 {
                None
            } else {
                Some(scratch.lastindex as usize)
            };
            Match { spans, lastindex }
        };
        if mode != Mode::Search {
            return vm
                .run(scratch, pos, must_advance)
                .map(|e| found(scratch, pos, e));
        }
        if self.code.anchored {
            if pos != 0 {
                return None;
            }
            return vm
                .run(scratch, 0, must_advance)
                .map(|e| found(scratch, 0, e));
        }
        let mut s = pos;
        match &self.code.lead {
            None => loop {
                if let Some(e) = vm.run(scratch, s, must_advance && s == pos) {
                    return Some(found(scratch, s, e));
                }
                if s >= end {
                    return None;
                }
                s += 1;
            },
            Some(lead) => {
                let single = lead.single();
                loop {
                    // skip to a possible first character
                    match single {
                        Some(c) => {
                            while s < end && subject.at(s) != c {
                                s += 1;
                            }
                        }
                        None => {
                            while s < end && !lead.contains(subject.at(s)) {
                                s += 1;
                            }
                        }
                    }
                    if s >= end {
                        return None;
                    }
                    if let Some(e) = vm.run(scratch, s, must_advance && s == pos) {
                        return Some(found(scratch, s, e));
                    }
                    s += 1;
                }
            }
        }
    }

    /// Python's `finditer` (and the match sequence of `findall`, `sub`,
    /// `split`): successive non-overlapping matches, where an empty match
    /// may follow a non-empty one directly but not another empty one at
    /// the same place.
    pub fn find_iter<'r, 's, S: Subject + ?Sized>(
        &'r self,
        subject: &'s S,
        pos: usize,
        endpos: usize,
    ) -> FindIter<'r, 's, S> {
        FindIter {
            re: self,
            subject,
            pos,
            endpos,
            must_advance: false,
            done: false,
            scratch: Scratch::default(),
        }
    }

    /// `re.sub` with a parsed template: the result and the number of
    /// replacements (`count == 0`: no limit).
    pub fn sub<S: Subject + ?Sized>(
        &self,
        template: &Template,
        subject: &S,
        count: usize,
    ) -> (Vec<u32>, usize) {
        let mut out = Vec::new();
        let mut last = 0;
        let mut n = 0;
        for m in self.find_iter(subject, 0, subject.len()) {
            if count != 0 && n >= count {
                break;
            }
            let (b, e) = m.spans[0].unwrap();
            out.extend((last..b).map(|i| subject.at(i)));
            template.expand_into(&m, subject, &mut out);
            last = e;
            n += 1;
        }
        out.extend((last..subject.len()).map(|i| subject.at(i)));
        (out, n)
    }

    /// `re.split`: the pieces, with `None` for groups that did not match.
    pub fn split<S: Subject + ?Sized>(
        &self,
        subject: &S,
        maxsplit: usize,
    ) -> Vec<Option<Vec<u32>>> {
        let slice = |a: usize, b: usize| (a..b).map(|i| subject.at(i)).collect::<Vec<u32>>();
        let mut out = Vec::new();
        let mut last = 0;
        for (n, m) in self.find_iter(subject, 0, subject.len()).enumerate() {
            if maxsplit != 0 && n >= maxsplit {
                break;
            }
            let (b, e) = m.spans[0].unwrap();
            out.push(Some(slice(last, b)));
            for g in 1..m.spans.len() {
                out.push(m.spans[g].map(|(x, y)| slice(x, y)));
            }
            last = e;
        }
        out.push(Some(slice(last, subject.len())));
        out
    }

    /// Parse a replacement template for this pattern (`\1`, `\g<name>`,
    /// escapes), with CPython's errors.
    pub fn parse_template(&self, template: &[u32]) -> Result<Template, Error> {
        template::parse_template(template, self)
    }
}

/// Iterator returned by [`Regex::find_iter`].
pub struct FindIter<'r, 's, S: Subject + ?Sized> {
    re: &'r Regex,
    subject: &'s S,
    pos: usize,
    endpos: usize,
    must_advance: bool,
    done: bool,
    scratch: Scratch,
}

impl<S: Subject + ?Sized> Iterator for FindIter<'_, '_, S> {
    type Item = Match;
    fn next(&mut self) -> Option<Match> {
        if self.done {
            return None;
        }
        let m = self.re.exec(
            &mut self.scratch,
            self.subject,
            self.pos,
            self.endpos,
            Mode::Search,
            self.must_advance,
        );
        match m {
            None => {
                self.done = true;
                None
            }
            Some(m) => {
                let (b, e) = m.spans[0].unwrap();
                self.must_advance = b == e;
                self.pos = e;
                Some(m)
            }
        }
    }
}
