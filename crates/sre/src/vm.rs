//! The backtracking machine.
//!
//! All backtracking state lives in one explicit stack of frames, so neither
//! the subject length nor repetition counts ever turn into Rust recursion.
//! Frames are of two sorts:
//!   * choice points: where to resume (pc, position) when what follows fails;
//!   * undo records: a capture slot or repeat counter value to put back when
//!     backtracking passes them.
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
    Look { neg: bool },
    /// One iteration of a possessive repeat: `count` iterations done before
    /// it; `extra` whether the minimum was already reached when it began.
    Poss { count: u32, extra: bool },
}

#[derive(Clone, Copy, Debug)]
enum Frame {
    /// Undo: restore a capture slot and the last-closed group.
    Slot { slot: u32, last: u32, old: usize },
    /// Undo: restore a repeat's counters.
    Reg { id: u32, count: i64, last: usize },
    /// Try alternative `idx` (of a branch ending before `end`) at `pos`.
    Alt { idx: u32, end: u32, pos: usize },
    /// Greedy single-character repeat at `pc`: retry the tail one
    /// character shorter than `cur`, not below `min_pos`.
    OneBack { pc: u32, min_pos: usize, cur: usize },
    /// Lazy single-character repeat at `pc`: `count` taken, tail tried at
    /// `pos`; extend by one and retry.
    OneLazy { pc: u32, count: u32, pos: usize },
    /// Resume at `pc` with `pos` (a greedy repeat giving up an iteration).
    Goto { pc: u32, pos: usize },
    /// A lazy repeat whose tail failed: try one more iteration.
    LazyMore { id: u32, cnt: i64, pos: usize },
    Barrier { kind: Barrier, pc: u32, pos: usize },
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
    pub(crate) slots: Vec<usize>,
    pub(crate) lastindex: u32,
    regs: Vec<(i64, usize)>,
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
        let limit = if max == INF { self.end } else { self.end.min(pos.saturating_add(max as usize)) };
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
            At::EndLine => pos == end || self.at(pos) == 10,
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
            if let Frame::Barrier { kind, pc, pos } = stack[b] {
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
        st.stack.push(Frame::Slot { slot, last: st.lastindex, old });
        st.slots[slot as usize] = pos;
        if slot & 1 == 1 {
            st.lastindex = slot / 2 + 1;
        }
    }

    fn set_reg(st: &mut Scratch, id: u32, count: i64, last: usize) {
        let (oc, ol) = st.regs[id as usize];
        st.stack.push(Frame::Reg { id, count: oc, last: ol });
        st.regs[id as usize] = (count, last);
    }

    fn group_span(st: &Scratch, group: u32) -> Option<(usize, usize)> {
        let i = 2 * (group as usize - 1);
        let (s, e) = (st.slots[i], st.slots[i + 1]);
        if s == NONE || e == NONE || e < s {
            None
        } else {
            Some((s, e))
        }
    }

    /// Try to match at `start`.  Returns the end of the match; the captures
    /// are left in `st`.
    pub fn run(&self, st: &mut Scratch, start: usize, must_advance: bool) -> Option<usize> {
        let code = self.code;
        let insts = &code.insts[..];
        let sets = &code.sets[..];
        let end = self.end;
        st.stack.clear();
        for s in st.slots.iter_mut() {
            *s = NONE;
        }
        st.lastindex = 0;
        st.regs.clear();
        st.regs.resize(code.reps.len(), (-1, NONE));
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
                Inst::Branch { start: a, count } => {
                    if count > 1 {
                        st.stack.push(Frame::Alt { idx: a + 1, end: a + count, pos });
                    }
                    pc = code.alts[a as usize] as usize;
                    true
                }
                Inst::RepOne { s, min, max, kind } => match kind {
                    RepKind::Greedy => {
                        let n = self.count_run(s, pos, max);
                        if n < min as usize {
                            false
                        } else {
                            if n > min as usize {
                                st.stack.push(Frame::OneBack { pc: pc as u32, min_pos: pos + min as usize, cur: pos + n });
                            }
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
                        let n = if min == 0 { 0 } else { self.count_run(s, pos, min) };
                        if n < min as usize {
                            false
                        } else {
                            pos += n;
                            if min < max {
                                st.stack.push(Frame::OneLazy { pc: pc as u32, count: min, pos });
                            }
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
                            st.stack.push(Frame::Goto { pc: info.tail, pos });
                            Self::set_reg(st, id, cnt, pos);
                            pc = info.body as usize;
                        } else {
                            pc = info.tail as usize;
                        }
                    } else {
                        st.stack.push(Frame::LazyMore { id, cnt, pos });
                        pc = info.tail as usize;
                    }
                    true
                }
                Inst::PossStart { min, max, end: e } => {
                    if min > 0 {
                        st.stack.push(Frame::Barrier { kind: Barrier::Poss { count: 0, extra: false }, pc: pc as u32, pos });
                        pc += 1;
                    } else if max > 0 {
                        st.stack.push(Frame::Barrier { kind: Barrier::Poss { count: 0, extra: true }, pc: pc as u32, pos });
                        pc += 1;
                    } else {
                        pc = e as usize + 1;
                    }
                    true
                }
                Inst::PossEnd { start: spc } => {
                    let (kind, _, before) = Self::cut(&mut st.stack);
                    let Barrier::Poss { count, extra } = kind else { unreachable!() };
                    let Inst::PossStart { min, max, end: e } = insts[spc as usize] else { unreachable!() };
                    let n = count + 1;
                    if n < min {
                        st.stack.push(Frame::Barrier { kind: Barrier::Poss { count: n, extra: false }, pc: spc, pos });
                        pc = spc as usize + 1;
                    } else if (max == INF || n < max) && (!extra || pos != before) {
                        st.stack.push(Frame::Barrier { kind: Barrier::Poss { count: n, extra: true }, pc: spc, pos });
                        pc = spc as usize + 1;
                    } else {
                        pc = e as usize + 1;
                    }
                    true
                }
                Inst::AtomicStart => {
                    st.stack.push(Frame::Barrier { kind: Barrier::Atomic, pc: 0, pos });
                    pc += 1;
                    true
                }
                Inst::AtomicEnd => {
                    Self::cut(&mut st.stack);
                    pc += 1;
                    true
                }
                Inst::LookStart { back, neg, end: e } => {
                    let back = back as usize;
                    if pos < back {
                        if neg {
                            pc = e as usize + 1;
                            true
                        } else {
                            false
                        }
                    } else {
                        st.stack.push(Frame::Barrier { kind: Barrier::Look { neg }, pc: e + 1, pos });
                        pos -= back;
                        pc += 1;
                        true
                    }
                }
                Inst::LookEnd => {
                    // find the barrier to see which kind of lookaround this is
                    let neg = st.stack.iter().rev().find_map(|f| match f {
                        Frame::Barrier { kind: Barrier::Look { neg }, .. } => Some(*neg),
                        Frame::Barrier { .. } => Some(false),
                        _ => None,
                    });
                    if neg == Some(true) {
                        // the body matched: a negative lookaround fails.
                        // Unwind to the barrier, undoing what the body did.
                        while let Some(f) = st.stack.pop() {
                            match f {
                                Frame::Barrier { .. } => break,
                                f => Self::undo(st, f),
                            }
                        }
                        false
                    } else {
                        let (_, cont, p) = Self::cut(&mut st.stack);
                        pos = p;
                        pc = cont as usize;
                        true
                    }
                }
                Inst::Backref { group, fold } => match Self::group_span(st, group) {
                    None => false,
                    Some((s, e)) => {
                        let len = e - s;
                        if end - pos < len {
                            false
                        } else {
                            let same = match fold {
                                Fold::None => (0..len).all(|k| self.at(s + k) == self.at(pos + k)),
                                Fold::Ascii => (0..len)
                                    .all(|k| unicode::ascii_lower(self.at(s + k)) == unicode::ascii_lower(self.at(pos + k))),
                                Fold::Unicode => {
                                    (0..len).all(|k| unicode::lower(self.at(s + k)) == unicode::lower(self.at(pos + k)))
                                }
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
                    if Self::group_span(st, group).is_some() {
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
                let Some(f) = st.stack.pop() else { return None };
                match f {
                    Frame::Slot { .. } | Frame::Reg { .. } => Self::undo(st, f),
                    Frame::Alt { idx, end: e, pos: p } => {
                        if idx + 1 < e {
                            st.stack.push(Frame::Alt { idx: idx + 1, end: e, pos: p });
                        }
                        pc = code.alts[idx as usize] as usize;
                        pos = p;
                        continue 'run;
                    }
                    Frame::OneBack { pc: rpc, min_pos, cur } => {
                        let mut c = cur - 1;
                        // a literal right after the repeat: skip positions
                        // where it cannot match
                        if let Some(Inst::One(Single::Char(ch))) = insts.get(rpc as usize + 1) {
                            while c > min_pos && (c >= end || self.at(c) != *ch) {
                                c -= 1;
                            }
                        }
                        if c > min_pos {
                            st.stack.push(Frame::OneBack { pc: rpc, min_pos, cur: c });
                        }
                        pc = rpc as usize + 1;
                        pos = c;
                        continue 'run;
                    }
                    Frame::OneLazy { pc: rpc, count, pos: p } => {
                        let Inst::RepOne { s, max, .. } = insts[rpc as usize] else { unreachable!() };
                        if p < end && s.matches(sets, self.at(p)) {
                            let n = count + 1;
                            if max == INF || n < max {
                                st.stack.push(Frame::OneLazy { pc: rpc, count: n, pos: p + 1 });
                            }
                            pc = rpc as usize + 1;
                            pos = p + 1;
                            continue 'run;
                        }
                    }
                    Frame::Goto { pc: t, pos: p } => {
                        pc = t as usize;
                        pos = p;
                        continue 'run;
                    }
                    Frame::LazyMore { id, cnt, pos: p } => {
                        let info = code.reps[id as usize];
                        let last = st.regs[id as usize].1;
                        if (info.max != INF && cnt >= info.max as i64) || p == last {
                            continue;
                        }
                        Self::set_reg(st, id, cnt, p);
                        pc = info.body as usize;
                        pos = p;
                        continue 'run;
                    }
                    Frame::Barrier { kind, pc: bpc, pos: p } => match kind {
                        Barrier::Atomic | Barrier::Look { neg: false } => {}
                        Barrier::Look { neg: true } => {
                            pc = bpc as usize;
                            pos = p;
                            continue 'run;
                        }
                        Barrier::Poss { extra, .. } => {
                            if extra {
                                let Inst::PossStart { end: e, .. } = insts[bpc as usize] else { unreachable!() };
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

    fn undo(st: &mut Scratch, f: Frame) {
        match f {
            Frame::Slot { slot, last, old } => {
                st.slots[slot as usize] = old;
                st.lastindex = last;
            }
            Frame::Reg { id, count, last } => st.regs[id as usize] = (count, last),
            _ => {}
        }
    }
}
