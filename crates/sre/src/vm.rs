//! The backtracking machine.
//!
//! All backtracking state lives in one explicit stack of frames, so neither
//! the subject length nor repetition counts ever turn into Rust recursion.
//! Frames are of two sorts:
//!   * choice points: where to resume (pc, position) when what follows fails;
//!   * undo records: a capture slot or repeat counter value to put back when
//!     backtracking passes them.
//!
//! Atomic groups, possessive repeats and lookarounds push a barrier frame;
//! when their body succeeds the choice points above the barrier are dropped
//! (undo records stay, so later backtracking still restores the captures).

use crate::charset::Fold;
use crate::compile::{At, Code, Inst, Single, INF};
use crate::parse::RepKind;
use crate::unicode;
use crate::Subject;

pub const NONE: usize = usize::MAX;

#[derive(Clone, Copy, Debug)]
enum Barrier {
    Atomic,
    Look {
        neg: bool,
    },
    /// One iteration of a possessive repeat: `count` iterations done before
    /// it; `extra` whether the minimum was already reached when it began.
    Poss {
        count: u32,
        extra: bool,
    },
}

/// Capture bookkeeping saved when a choice point is made (CPython's
/// "lastmark" save), and whether resuming it also restores the capture
/// values set since (`full`) or only forgets the ones beyond `lastmark`.
#[derive(Clone, Copy, Debug)]
struct Saved {
    lastmark: i32,
    lastindex: u32,
    full: bool,
}

#[derive(Clone, Copy, Debug)]
enum Frame {
    /// Undo record for a capture slot (subject to the restore policy).
    Slot { slot: u32, old: usize },
    /// Undo record for a repeat's counters (always applied).
    Reg { id: u32, count: i64, last: usize },
    /// Alternative `idx` (of a branch whose alternatives end before `end`)
    /// is next, at `pos`; `idx == end` once the last one is running.
    Alt {
        idx: u32,
        end: u32,
        pos: usize,
        sv: Saved,
    },
    /// Greedy single-character repeat at `pc`: the tail was last tried at
    /// `cur`; retry one shorter, not below `min_pos`.
    OneBack {
        pc: u32,
        min_pos: usize,
        cur: usize,
        sv: Saved,
    },
    /// Lazy single-character repeat at `pc`: `count` taken, tail tried at
    /// `pos`; extend by one and retry.
    OneLazy {
        pc: u32,
        count: u32,
        pos: usize,
        sv: Saved,
    },
    /// Resume at `pc` with `pos` (a greedy repeat giving up an iteration).
    Goto { pc: u32, pos: usize, sv: Saved },
    /// A lazy repeat whose tail failed: try one more iteration.
    LazyMore {
        id: u32,
        cnt: i64,
        pos: usize,
        sv: Saved,
    },
    Barrier {
        kind: Barrier,
        pc: u32,
        pos: usize,
        sv: Saved,
    },
}

impl Frame {
    fn is_undo(&self) -> bool {
        matches!(self, Frame::Slot { .. } | Frame::Reg { .. })
    }
}

/// Reusable working memory for matching.
#[derive(Default, Debug)]
pub struct Scratch {
    stack: Vec<Frame>,
    pending: Vec<Frame>,
    pub(crate) slots: Vec<usize>,
    pub(crate) lastmark: i32,
    pub(crate) lastindex: u32,
    regs: Vec<(i64, usize)>,
}

impl Scratch {
    /// Span of group `g` (1-based) after a match.
    pub(crate) fn span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as i64 > self.lastmark as i64 {
            return None;
        }
        let (s, e) = (self.slots[j], self.slots[j + 1]);
        if s == NONE || e == NONE || e < s {
            None
        } else {
            Some((s, e))
        }
    }

    fn saved(&self, full: bool) -> Saved {
        Saved {
            lastmark: self.lastmark,
            lastindex: self.lastindex,
            full,
        }
    }

    /// Undo the capture changes collected while backtracking.
    fn apply_pending(&mut self) {
        for f in self.pending.drain(..) {
            if let Frame::Slot { slot, old } = f {
                self.slots[slot as usize] = old;
            }
        }
    }

    /// Resume at a choice point: forget the captures beyond its lastmark,
    /// keep the other changed values, and keep their undo records (an
    /// outer choice point may still restore them).
    fn resume(&mut self, sv: Saved) {
        self.lastmark = sv.lastmark;
        self.lastindex = sv.lastindex;
        while let Some(f) = self.pending.pop() {
            let Frame::Slot { slot, .. } = f else {
                continue;
            };
            // a mark beyond lastmark is dead: it is cleared or overwritten
            // before it can count again, so its record is not needed
            if slot as i32 > sv.lastmark {
                continue;
            }
            // an older record for the same slot right below makes this one
            // redundant (restoring applies the oldest value last)
            let dup = self
                .stack
                .iter()
                .rev()
                .take_while(|g| g.is_undo())
                .any(|g| matches!(g, Frame::Slot { slot: s, .. } if *s == slot));
            if !dup {
                self.stack.push(f);
            }
        }
    }
}

pub(crate) struct Vm<'a, S: Subject + ?Sized> {
    pub code: &'a Code,
    pub subj: &'a S,
    pub end: usize,
    pub full: bool,
}

impl<S: Subject + ?Sized> Vm<'_, S> {
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self.subj.at(i)
    }

    fn count_run(&self, s: Single, pos: usize, max: u32) -> usize {
        let limit = if max == INF {
            self.end
        } else {
            self.end.min(pos.saturating_add(max as usize))
        };
        let sets = &self.code.sets;
        let mut p = pos;
        match s {
            Single::AnyAll => p = limit,
            Single::Set(i) => {
                let set = &sets[i as usize];
                while p < limit && set.contains(self.at(p)) {
                    p += 1;
                }
            }
            Single::Char(c) => {
                while p < limit && self.at(p) == c {
                    p += 1;
                }
            }
            Single::Any => {
                while p < limit && self.at(p) != 10 {
                    p += 1;
                }
            }
            Single::NotChar(c) => {
                while p < limit && self.at(p) != c {
                    p += 1;
                }
            }
            _ => {
                while p < limit && s.matches(sets, self.at(p)) {
                    p += 1;
                }
            }
        }
        p - pos
    }

    fn is_word(&self, i: usize, uni: bool) -> bool {
        crate::charset::word(self.at(i), uni)
    }

    fn at_ok(&self, a: At, pos: usize) -> bool {
        let end = self.end;
        match a {
            At::Beginning => pos == 0,
            At::BeginningLine => pos == 0 || self.at(pos - 1) == 10,
            At::End => pos == end || (pos + 1 == end && self.at(pos) == 10),
            At::EndLine => pos == end || (pos < self.subj.len() && self.at(pos) == 10),
            At::EndString => pos == end,
            At::Boundary(u) | At::NonBoundary(u) => {
                if end == 0 {
                    return false;
                }
                let before = pos > 0 && self.is_word(pos - 1, u);
                let here = pos < end && self.is_word(pos, u);
                (before != here) == matches!(a, At::Boundary(_))
            }
        }
    }

    /// Drop choice points down to the topmost barrier, keeping undo
    /// records; remove the barrier and return it.
    fn cut(stack: &mut Vec<Frame>) -> (Barrier, u32, usize) {
        let mut b = stack.len();
        while b > 0 {
            b -= 1;
            if let Frame::Barrier { kind, pc, pos, .. } = stack[b] {
                let mut w = b;
                for r in b + 1..stack.len() {
                    if stack[r].is_undo() {
                        stack[w] = stack[r];
                        w += 1;
                    }
                }
                stack.truncate(w);
                return (kind, pc, pos);
            }
        }
        unreachable!("barrier missing")
    }

    fn set_slot(st: &mut Scratch, slot: u32, pos: usize) {
        let old = st.slots[slot as usize];
        st.stack.push(Frame::Slot { slot, old });
        let i = slot as i32;
        if i > st.lastmark {
            for j in (st.lastmark + 1).max(0)..i {
                st.slots[j as usize] = NONE;
            }
            st.lastmark = i;
        }
        st.slots[slot as usize] = pos;
        if slot & 1 == 1 {
            st.lastindex = slot / 2 + 1;
        }
    }

    fn set_reg(st: &mut Scratch, id: u32, count: i64, last: usize) {
        let (oc, ol) = st.regs[id as usize];
        st.stack.push(Frame::Reg {
            id,
            count: oc,
            last: ol,
        });
        st.regs[id as usize] = (count, last);
    }

    /// Try to match at `start`.  Returns the end of the match; the captures
    /// are left in `st`.
    pub fn run(&self, st: &mut Scratch, start: usize, must_advance: bool) -> Option<usize> {
        let code = self.code;
        let insts = &code.insts[..];
        let sets = &code.sets[..];
        let end = self.end;
        st.stack.clear();
        st.pending.clear();
        st.lastmark = -1;
        st.lastindex = 0;
        if !code.reps.is_empty() {
            st.regs.clear();
            st.regs.resize(code.reps.len(), (-1, NONE));
        }
        let mut pc: usize = 0;
        let mut pos = start;
        'run: loop {
            let ok = match insts[pc] {
                Inst::One(s) => {
                    if pos < end && s.matches(sets, self.at(pos)) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::At(a) => {
                    if self.at_ok(a, pos) {
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Save(slot) => {
                    Self::set_slot(st, slot, pos);
                    pc += 1;
                    true
                }
                Inst::Jump(t) => {
                    pc = t as usize;
                    true
                }
                Inst::Branch {
                    start: a,
                    count,
                    full,
                } => {
                    let sv = st.saved(full);
                    st.stack.push(Frame::Alt {
                        idx: a + 1,
                        end: a + count,
                        pos,
                        sv,
                    });
                    pc = code.alts[a as usize] as usize;
                    true
                }
                // (a start beyond the end only happens for match() with
                // pos > endpos; CPython's single-character repeats fail there)
                Inst::RepOne { .. } if pos > end => false,
                Inst::RepOne {
                    s,
                    min,
                    max,
                    kind,
                    full,
                } => match kind {
                    RepKind::Greedy => {
                        let n = self.count_run(s, pos, max);
                        if n < min as usize {
                            false
                        } else {
                            let sv = st.saved(full);
                            st.stack.push(Frame::OneBack {
                                pc: pc as u32,
                                min_pos: pos + min as usize,
                                cur: pos + n,
                                sv,
                            });
                            pos += n;
                            pc += 1;
                            true
                        }
                    }
                    RepKind::Possessive => {
                        let n = self.count_run(s, pos, max);
                        if n < min as usize {
                            false
                        } else {
                            pos += n;
                            pc += 1;
                            true
                        }
                    }
                    RepKind::Lazy => {
                        let n = if min == 0 {
                            0
                        } else {
                            self.count_run(s, pos, min)
                        };
                        if n < min as usize {
                            false
                        } else {
                            pos += n;
                            let sv = st.saved(full);
                            st.stack.push(Frame::OneLazy {
                                pc: pc as u32,
                                count: min,
                                pos,
                                sv,
                            });
                            pc += 1;
                            true
                        }
                    }
                },
                Inst::RepStart { id, end: e } => {
                    Self::set_reg(st, id, -1, NONE);
                    pc = e as usize;
                    true
                }
                Inst::RepEnd { id } => {
                    let info = code.reps[id as usize];
                    let (count, last) = st.regs[id as usize];
                    let cnt = count + 1;
                    if cnt < info.min as i64 {
                        Self::set_reg(st, id, cnt, last);
                        pc = info.body as usize;
                    } else if info.greedy {
                        if (info.max == INF || cnt < info.max as i64) && pos != last {
                            let sv = st.saved(true);
                            st.stack.push(Frame::Goto {
                                pc: info.tail,
                                pos,
                                sv,
                            });
                            Self::set_reg(st, id, cnt, pos);
                            pc = info.body as usize;
                        } else {
                            pc = info.tail as usize;
                        }
                    } else {
                        let sv = st.saved(info.tail_full);
                        st.stack.push(Frame::LazyMore { id, cnt, pos, sv });
                        pc = info.tail as usize;
                    }
                    true
                }
                Inst::PossStart { min, max, end: e } => {
                    if min > 0 || max > 0 {
                        let extra = min == 0;
                        let sv = st.saved(true);
                        st.stack.push(Frame::Barrier {
                            kind: Barrier::Poss { count: 0, extra },
                            pc: pc as u32,
                            pos,
                            sv,
                        });
                        pc += 1;
                    } else {
                        pc = e as usize + 1;
                    }
                    true
                }
                Inst::PossEnd { start: spc } => {
                    let (kind, _, before) = Self::cut(&mut st.stack);
                    let Barrier::Poss { count, extra } = kind else {
                        unreachable!()
                    };
                    let Inst::PossStart { min, max, end: e } = insts[spc as usize] else {
                        unreachable!()
                    };
                    let n = count + 1;
                    if n < min {
                        let sv = st.saved(true);
                        st.stack.push(Frame::Barrier {
                            kind: Barrier::Poss {
                                count: n,
                                extra: false,
                            },
                            pc: spc,
                            pos,
                            sv,
                        });
                        pc = spc as usize + 1;
                    } else if (max == INF || n < max) && (!extra || pos != before) {
                        let sv = st.saved(true);
                        st.stack.push(Frame::Barrier {
                            kind: Barrier::Poss {
                                count: n,
                                extra: true,
                            },
                            pc: spc,
                            pos,
                            sv,
                        });
                        pc = spc as usize + 1;
                    } else {
                        pc = e as usize + 1;
                    }
                    true
                }
                Inst::AtomicStart => {
                    let sv = st.saved(false);
                    st.stack.push(Frame::Barrier {
                        kind: Barrier::Atomic,
                        pc: 0,
                        pos,
                        sv,
                    });
                    pc += 1;
                    true
                }
                Inst::AtomicEnd => {
                    Self::cut(&mut st.stack);
                    pc += 1;
                    true
                }
                Inst::LookStart {
                    back,
                    neg,
                    end: e,
                    full,
                } => {
                    let back = back as usize;
                    if pos < back {
                        if neg {
                            pc = e as usize + 1;
                            true
                        } else {
                            false
                        }
                    } else {
                        let sv = st.saved(full);
                        st.stack.push(Frame::Barrier {
                            kind: Barrier::Look { neg },
                            pc: e + 1,
                            pos,
                            sv,
                        });
                        pos -= back;
                        pc += 1;
                        true
                    }
                }
                Inst::LookEnd => {
                    let (kind, cont, p) = Self::cut(&mut st.stack);
                    if let Barrier::Look { neg: true } = kind {
                        // the body matched, so a negative lookaround fails;
                        // the captures it set stay for outer choice points
                        false
                    } else {
                        pos = p;
                        pc = cont as usize;
                        true
                    }
                }
                Inst::Backref { group, fold } => match st.span(group as usize) {
                    None => false,
                    Some((s, e)) => {
                        let len = e - s;
                        if pos > end || end - pos < len {
                            false
                        } else {
                            let same = match fold {
                                Fold::None => (0..len).all(|k| self.at(s + k) == self.at(pos + k)),
                                Fold::Ascii => (0..len).all(|k| {
                                    unicode::ascii_lower(self.at(s + k))
                                        == unicode::ascii_lower(self.at(pos + k))
                                }),
                                Fold::Unicode => (0..len).all(|k| {
                                    unicode::lower(self.at(s + k))
                                        == unicode::lower(self.at(pos + k))
                                }),
                            };
                            if same {
                                pos += len;
                                pc += 1;
                            }
                            same
                        }
                    }
                },
                Inst::CondGroup { group, no } => {
                    if st.span(group as usize).is_some() {
                        pc += 1;
                    } else {
                        pc = no as usize;
                    }
                    true
                }
                Inst::Match => {
                    if (self.full && pos != end) || (must_advance && pos == start) {
                        false
                    } else {
                        return Some(pos);
                    }
                }
            };
            if ok {
                continue;
            }
            // backtrack
            loop {
                let f = st.stack.pop()?;
                match f {
                    Frame::Slot { .. } => st.pending.push(f),
                    Frame::Reg { id, count, last } => st.regs[id as usize] = (count, last),
                    Frame::Alt {
                        idx,
                        end: e,
                        pos: p,
                        sv,
                    } => {
                        if sv.full {
                            st.apply_pending();
                        }
                        if idx < e {
                            st.resume(sv);
                            st.stack.push(Frame::Alt {
                                idx: idx + 1,
                                end: e,
                                pos: p,
                                sv,
                            });
                            pc = code.alts[idx as usize] as usize;
                            pos = p;
                            continue 'run;
                        }
                    }
                    Frame::OneBack {
                        pc: rpc,
                        min_pos,
                        cur,
                        sv,
                    } => {
                        if sv.full {
                            st.apply_pending();
                        }
                        if cur > min_pos {
                            let mut c = cur - 1;
                            // a literal right after the repeat: skip positions
                            // where it cannot match
                            // (captures set in between do not matter when a
                            // failed attempt would leave no trace of them)
                            let mut k = rpc as usize + 1;
                            while let Inst::Save(slot) = insts[k] {
                                if !sv.full && slot as i32 <= sv.lastmark {
                                    break;
                                }
                                k += 1;
                            }
                            if let Inst::One(Single::Char(ch)) = &insts[k] {
                                while c > min_pos && self.at(c) != *ch {
                                    c -= 1;
                                }
                                if self.at(c) != *ch {
                                    // no position left where the tail can
                                    // start: this choice point is spent
                                    continue;
                                }
                            }
                            st.resume(sv);
                            st.stack.push(Frame::OneBack {
                                pc: rpc,
                                min_pos,
                                cur: c,
                                sv,
                            });
                            pc = rpc as usize + 1;
                            pos = c;
                            continue 'run;
                        }
                    }
                    Frame::OneLazy {
                        pc: rpc,
                        count,
                        pos: p,
                        sv,
                    } => {
                        if sv.full {
                            st.apply_pending();
                        }
                        let Inst::RepOne { s, max, .. } = insts[rpc as usize] else {
                            unreachable!()
                        };
                        if (max == INF || count < max) && p < end && s.matches(sets, self.at(p)) {
                            st.resume(sv);
                            st.stack.push(Frame::OneLazy {
                                pc: rpc,
                                count: count + 1,
                                pos: p + 1,
                                sv,
                            });
                            pc = rpc as usize + 1;
                            pos = p + 1;
                            continue 'run;
                        }
                    }
                    Frame::Goto { pc: t, pos: p, sv } => {
                        st.apply_pending();
                        st.resume(sv);
                        pc = t as usize;
                        pos = p;
                        continue 'run;
                    }
                    Frame::LazyMore {
                        id,
                        cnt,
                        pos: p,
                        sv,
                    } => {
                        if sv.full {
                            st.apply_pending();
                        }
                        let info = code.reps[id as usize];
                        let last = st.regs[id as usize].1;
                        if (info.max != INF && cnt >= info.max as i64) || p == last {
                            continue;
                        }
                        st.resume(sv);
                        Self::set_reg(st, id, cnt, p);
                        pc = info.body as usize;
                        pos = p;
                        continue 'run;
                    }
                    Frame::Barrier {
                        kind,
                        pc: bpc,
                        pos: p,
                        sv,
                    } => match kind {
                        Barrier::Atomic | Barrier::Look { neg: false } => {}
                        Barrier::Look { neg: true } => {
                            if sv.full {
                                st.apply_pending();
                            }
                            st.resume(sv);
                            pc = bpc as usize;
                            pos = p;
                            continue 'run;
                        }
                        Barrier::Poss { extra, .. } => {
                            if extra {
                                st.apply_pending();
                                st.resume(sv);
                                let Inst::PossStart { end: e, .. } = insts[bpc as usize] else {
                                    unreachable!()
                                };
                                pc = e as usize + 1;
                                pos = p;
                                continue 'run;
                            }
                        }
                    },
                }
            }
        }
    }
}
