//! Syntax tree -> program for the backtracking machine.

use crate::charset::{CharSet, Fold, Lead};
use crate::flags::*;
use crate::parse::{self, AtKind, Node, RepKind, MAXREPEAT};
use crate::unicode;
use crate::{Error, ErrorKind};

/// "No upper bound" for repetition counts in the program.
pub const INF: u32 = u32::MAX;

/// A test of exactly one character.
#[derive(Clone, Copy, Debug)]
pub enum Single {
    Char(u32),
    NotChar(u32),
    /// Either of two characters (ASCII case-insensitive letters).
    Char2(u32, u32),
    NotChar2(u32, u32),
    /// Any character but `\n`.
    Any,
    AnyAll,
    Set(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    Beginning,
    BeginningLine,
    End,
    EndLine,
    EndString,
    Boundary(bool),
    NonBoundary(bool),
}

#[derive(Clone, Copy, Debug)]
pub enum Inst {
    One(Single),
    At(At),
    /// Record the current position in a capture slot.
    Save(u32),
    Jump(u32),
    /// Alternatives: `alts[start .. start + count]` are their entry points.
    /// `full`: backtracking restores the captures set by a failed
    /// alternative (only inside a general repeat, as in CPython).
    Branch {
        start: u32,
        count: u32,
        full: bool,
    },
    /// A repeat of one single-character test; the tail follows.
    RepOne {
        s: Single,
        min: u32,
        max: u32,
        kind: RepKind,
        full: bool,
    },
    /// General greedy or lazy repeat `id`; body follows, `RepEnd` at `end`.
    RepStart {
        id: u32,
        end: u32,
    },
    RepEnd {
        id: u32,
    },
    /// Possessive repeat: body follows, `PossEnd` at `end`, tail after it.
    PossStart {
        min: u32,
        max: u32,
        end: u32,
    },
    PossEnd {
        start: u32,
    },
    AtomicStart,
    AtomicEnd,
    /// Lookaround: `back` characters behind (0 for lookahead); body
    /// follows, `LookEnd` at `end`, the rest after it.
    LookStart {
        back: u32,
        neg: bool,
        end: u32,
        full: bool,
    },
    LookEnd,
    Backref {
        group: u32,
        fold: Fold,
    },
    /// Continue if `group` matched, else jump to `no`.
    CondGroup {
        group: u32,
        no: u32,
    },
    Match,
}

#[derive(Clone, Copy, Debug)]
pub struct RepInfo {
    pub min: u32,
    pub max: u32,
    pub greedy: bool,
    pub body: u32,
    pub tail: u32,
    /// Whether captures are fully restored when the tail of a lazy repeat
    /// fails (true when the repeat sits inside another general repeat).
    pub tail_full: bool,
}

#[derive(Clone, Debug)]
pub struct Code {
    pub insts: Vec<Inst>,
    pub alts: Vec<u32>,
    pub sets: Vec<CharSet>,
    pub reps: Vec<RepInfo>,
    /// Characters a match must begin with, if known.
    pub lead: Option<Lead>,
    /// The pattern can only match at index 0 (`\A` or non-MULTILINE `^`).
    pub anchored: bool,
}

struct Compiler<'a> {
    code: Code,
    /// Number of general (greedy or lazy, not single-character) repeats
    /// whose body is being compiled.
    depth: u32,
    is_text: bool,
    widths: &'a [Option<(u64, u64)>],
}

fn clamp(v: u64) -> u32 {
    if v >= MAXREPEAT {
        INF
    } else {
        v as u32
    }
}

pub fn compile(root: &Node, groups: u32, is_text: bool) -> Result<Code, Error> {
    let widths = parse::group_widths(root, groups);
    let mut c = Compiler {
        code: Code {
            insts: Vec::new(),
            alts: Vec::new(),
            sets: Vec::new(),
            reps: Vec::new(),
            lead: None,
            anchored: false,
        },
        depth: 0,
        is_text,
        widths: &widths,
    };
    c.node(root)?;
    c.code.insts.push(Inst::Match);
    c.code.lead = c.lead(root);
    c.code.anchored = anchored(root);
    Ok(c.code)
}

fn anchored(n: &Node) -> bool {
    match n {
        Node::At {
            kind: AtKind::StartString,
            ..
        } => true,
        Node::At {
            kind: AtKind::Caret,
            fl,
        } => fl & MULTILINE == 0,
        Node::Concat(items) => items.first().is_some_and(anchored),
        Node::Group { body, .. } | Node::Atomic(body) => anchored(body),
        _ => false,
    }
}

impl Compiler<'_> {
    fn pc(&self) -> u32 {
        self.code.insts.len() as u32
    }
    fn emit(&mut self, i: Inst) -> u32 {
        self.code.insts.push(i);
        self.pc() - 1
    }

    fn unicode(&self, fl: u32) -> bool {
        self.is_text && fl & (ASCII | LOCALE) == 0
    }
    fn fold(&self, fl: u32) -> Fold {
        if fl & IGNORECASE == 0 {
            Fold::None
        } else if self.unicode(fl) {
            Fold::Unicode
        } else {
            Fold::Ascii
        }
    }

    fn add_set(&mut self, s: CharSet) -> Single {
        self.code.sets.push(s);
        Single::Set(self.code.sets.len() as u32 - 1)
    }

    /// The single-character test for a node, if it is one.
    fn single(&mut self, n: &Node) -> Option<Single> {
        Some(match n {
            Node::Lit { c, neg, fl } => self.literal(*c, *neg, *fl),
            Node::Any { fl } => {
                if fl & DOTALL != 0 {
                    Single::AnyAll
                } else {
                    Single::Any
                }
            }
            Node::Class { items, negate, fl } => {
                let s = CharSet::from_items(items, *negate, self.fold(*fl), self.unicode(*fl));
                self.add_set(s)
            }
            Node::Group { index: None, body } => return self.single(body),
            _ => return None,
        })
    }

    fn is_single(n: &Node) -> bool {
        match n {
            Node::Lit { .. } | Node::Any { .. } | Node::Class { .. } => true,
            Node::Group { index: None, body } => Self::is_single(body),
            _ => false,
        }
    }

    fn literal(&mut self, c: u32, neg: bool, fl: u32) -> Single {
        let plain = if neg {
            Single::NotChar(c)
        } else {
            Single::Char(c)
        };
        match self.fold(fl) {
            Fold::None => plain,
            Fold::Ascii => {
                if !unicode::ascii_is_cased(c) {
                    return plain;
                }
                let l = unicode::ascii_lower(c);
                let u = l - 32;
                if neg {
                    Single::NotChar2(l, u)
                } else {
                    Single::Char2(l, u)
                }
            }
            Fold::Unicode => {
                if !unicode::is_cased(c) {
                    return plain;
                }
                let l = unicode::lower(c);
                let mut forms = Vec::new();
                unicode::lower_preimages(l, &mut forms);
                for &(_, k) in unicode::case_extra(l) {
                    unicode::lower_preimages(k, &mut forms);
                }
                forms.sort_unstable();
                forms.dedup();
                match (forms.len(), neg) {
                    (1, false) => Single::Char(forms[0]),
                    (1, true) => Single::NotChar(forms[0]),
                    (2, false) => Single::Char2(forms[0], forms[1]),
                    (2, true) => Single::NotChar2(forms[0], forms[1]),
                    _ => {
                        let s = CharSet::from_ranges(forms.iter().map(|&f| (f, f)).collect(), neg);
                        self.add_set(s)
                    }
                }
            }
        }
    }

    fn node(&mut self, n: &Node) -> Result<(), Error> {
        match n {
            Node::Lit { .. } | Node::Any { .. } | Node::Class { .. } => {
                let s = self.single(n).unwrap();
                self.emit(Inst::One(s));
            }
            Node::At { kind, fl } => {
                let multi = fl & MULTILINE != 0;
                let uni = self.unicode(*fl);
                let at = match kind {
                    AtKind::Caret if multi => At::BeginningLine,
                    AtKind::Caret | AtKind::StartString => At::Beginning,
                    AtKind::Dollar if multi => At::EndLine,
                    AtKind::Dollar => At::End,
                    AtKind::EndString => At::EndString,
                    AtKind::Boundary => At::Boundary(uni),
                    AtKind::NonBoundary => At::NonBoundary(uni),
                };
                self.emit(Inst::At(at));
            }
            Node::Group { index, body } => match index {
                Some(g) => {
                    self.emit(Inst::Save(2 * (g - 1)));
                    self.node(body)?;
                    self.emit(Inst::Save(2 * (g - 1) + 1));
                }
                None => self.node(body)?,
            },
            Node::Concat(items) => {
                for it in items {
                    self.node(it)?;
                }
            }
            Node::Alt(alts) => {
                let full = self.depth > 0;
                let branch = self.emit(Inst::Branch {
                    start: 0,
                    count: alts.len() as u32,
                    full,
                });
                let mut entries = Vec::new();
                let mut jumps = Vec::new();
                for a in alts {
                    entries.push(self.pc());
                    self.node(a)?;
                    jumps.push(self.emit(Inst::Jump(0)));
                }
                let end = self.pc();
                for j in jumps {
                    self.code.insts[j as usize] = Inst::Jump(end);
                }
                let start = self.code.alts.len() as u32;
                self.code.alts.extend_from_slice(&entries);
                self.code.insts[branch as usize] = Inst::Branch {
                    start,
                    count: alts.len() as u32,
                    full,
                };
            }
            Node::Repeat {
                min,
                max,
                kind,
                body,
            } => {
                let (min, max) = (clamp(*min), clamp(*max));
                if Self::is_single(body) {
                    let s = self.single(body).unwrap();
                    let full = self.depth > 0;
                    self.emit(Inst::RepOne {
                        s,
                        min,
                        max,
                        kind: *kind,
                        full,
                    });
                } else if *kind == RepKind::Possessive {
                    let start = self.emit(Inst::PossStart { min, max, end: 0 });
                    self.node(body)?;
                    let end = self.emit(Inst::PossEnd { start });
                    self.code.insts[start as usize] = Inst::PossStart { min, max, end };
                } else {
                    let id = self.code.reps.len() as u32;
                    let tail_full = self.depth > 0;
                    self.code.reps.push(RepInfo {
                        min,
                        max,
                        greedy: *kind == RepKind::Greedy,
                        body: 0,
                        tail: 0,
                        tail_full,
                    });
                    let start = self.emit(Inst::RepStart { id, end: 0 });
                    self.depth += 1;
                    self.node(body)?;
                    self.depth -= 1;
                    let end = self.emit(Inst::RepEnd { id });
                    self.code.insts[start as usize] = Inst::RepStart { id, end };
                    let r = &mut self.code.reps[id as usize];
                    r.body = start + 1;
                    r.tail = end + 1;
                }
            }
            Node::Backref { group, fl } => {
                let fold = self.fold(*fl);
                self.emit(Inst::Backref {
                    group: *group,
                    fold,
                });
            }
            Node::Cond { group, yes, no } => {
                let cond = self.emit(Inst::CondGroup {
                    group: *group,
                    no: 0,
                });
                self.node(yes)?;
                let jump = self.emit(Inst::Jump(0));
                let no_pc = self.pc();
                if let Some(no) = no {
                    self.node(no)?;
                }
                let end = self.pc();
                self.code.insts[jump as usize] = Inst::Jump(end);
                self.code.insts[cond as usize] = Inst::CondGroup {
                    group: *group,
                    no: no_pc,
                };
            }
            Node::Look { behind, neg, body } => {
                let back = if *behind {
                    let (lo, hi) = parse::width(body, self.widths);
                    if lo != hi {
                        return Err(Error {
                            kind: ErrorKind::Re,
                            msg: "look-behind requires fixed-width pattern".into(),
                            pos: None,
                        });
                    }
                    if lo > u32::MAX as u64 {
                        return Err(Error {
                            kind: ErrorKind::Re,
                            msg: "looks too much behind".into(),
                            pos: None,
                        });
                    }
                    lo as u32
                } else {
                    0
                };
                let full = self.depth > 0;
                let start = self.emit(Inst::LookStart {
                    back,
                    neg: *neg,
                    end: 0,
                    full,
                });
                self.node(body)?;
                let end = self.emit(Inst::LookEnd);
                self.code.insts[start as usize] = Inst::LookStart {
                    back,
                    neg: *neg,
                    end,
                    full,
                };
            }
            Node::Atomic(body) => {
                self.emit(Inst::AtomicStart);
                self.node(body)?;
                self.emit(Inst::AtomicEnd);
            }
        }
        Ok(())
    }

    /// Characters every match of `n` must start with (`None`: unknown, or
    /// `n` may match the empty string).
    fn lead(&mut self, n: &Node) -> Option<Lead> {
        match self.first_info(n) {
            (Some(l), false) => Some(l),
            _ => None,
        }
    }

    /// The characters a non-empty match of `n` can start with (`None`:
    /// any), and whether `n` can match without consuming anything.
    fn first_info(&mut self, n: &Node) -> (Option<Lead>, bool) {
        let empty = || Lead {
            latin: [0; 4],
            high: Some(Vec::new()),
        };
        let union = |a: Option<Lead>, b: &Option<Lead>| match (a, b) {
            (Some(x), Some(y)) => Some(x.union(y)),
            _ => None,
        };
        match n {
            Node::Lit { .. } | Node::Any { .. } | Node::Class { .. } => {
                let s = self.single(n).unwrap();
                (Some(self.single_lead(s)), false)
            }
            Node::At { .. } | Node::Look { .. } => (Some(empty()), true),
            Node::Group { body, .. } | Node::Atomic(body) => self.first_info(body),
            Node::Concat(items) => {
                let mut acc = Some(empty());
                for it in items {
                    let (l, nullable) = self.first_info(it);
                    acc = union(acc, &l);
                    if !nullable {
                        return (acc, false);
                    }
                }
                (acc, true)
            }
            Node::Alt(alts) => {
                let mut acc = Some(empty());
                let mut nullable = false;
                for a in alts {
                    let (l, nl) = self.first_info(a);
                    acc = union(acc, &l);
                    nullable |= nl;
                }
                (acc, nullable)
            }
            Node::Repeat { min, body, .. } => {
                let (l, nl) = self.first_info(body);
                (l, nl || *min == 0)
            }
            Node::Backref { .. } | Node::Cond { .. } => (None, true),
        }
    }

    fn single_lead(&self, s: Single) -> Lead {
        let mut latin = [0u64; 4];
        let mut set = |c: u32| {
            if c < 256 {
                latin[(c >> 6) as usize] |= 1 << (c & 63);
            }
        };
        let high = match s {
            Single::Char(c) => {
                set(c);
                Some(if c >= 256 { vec![(c, c)] } else { vec![] })
            }
            Single::Char2(a, b) => {
                set(a);
                set(b);
                let mut h: Vec<(u32, u32)> = [a, b]
                    .iter()
                    .filter(|&&x| x >= 256)
                    .map(|&x| (x, x))
                    .collect();
                h.sort_unstable();
                Some(h)
            }
            Single::NotChar(_) | Single::NotChar2(..) | Single::Any | Single::AnyAll => {
                for c in 0..256 {
                    let ok = match s {
                        Single::NotChar(x) => c != x,
                        Single::NotChar2(x, y) => c != x && c != y,
                        Single::Any => c != 10,
                        _ => true,
                    };
                    if ok {
                        set(c);
                    }
                }
                None
            }
            Single::Set(i) => {
                let cs = &self.code.sets[i as usize];
                latin = cs.latin();
                cs.high_ranges()
            }
        };
        Lead { latin, high }
    }
}

impl Single {
    #[inline(always)]
    pub fn matches(self, sets: &[CharSet], c: u32) -> bool {
        match self {
            Single::Char(x) => c == x,
            Single::NotChar(x) => c != x,
            Single::Char2(x, y) => c == x || c == y,
            Single::NotChar2(x, y) => c != x && c != y,
            Single::Any => c != 10,
            Single::AnyAll => true,
            Single::Set(i) => sets[i as usize].contains(c),
        }
    }
}
