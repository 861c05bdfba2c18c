//! The instruction buffer of one code object: labels and jumps, the location of every
//! instruction, the exception handler active at each instruction (turned into the
//! exception table) and the max-stack computation over the control-flow graph.

use crate::bytecode::opcode::{is_jump, Op};
use crate::bytecode::{ExceptEntry, Instr, Location};

/// A jump target, resolved when the code is finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(u32);

/// An exception handler: where to go and how deep the value stack is kept.
#[derive(Clone, Copy, Debug)]
struct Handler {
    target: Label,
    depth: u32,
    /// Stack items CPython's handler code uses beyond ours: its SETUP_CLEANUP
    /// handlers also push the raising instruction's offset (lasti), and its
    /// except-cleanup copies the previous exception (COPY 3) where glasspy swaps.
    /// Counted so that co_stacksize, and with it a generator's size, is CPython's.
    extra: u32,
}

/// The index of a handler made by `Builder::new_handler`.
pub type HandlerId = usize;

#[derive(Default)]
pub struct Builder {
    instrs: Vec<Instr>,
    locs: Vec<Location>,
    /// The handler covering each instruction.
    covers: Vec<Option<HandlerId>>,
    labels: Vec<Option<u32>>,
    handlers: Vec<Handler>,
    /// Handlers in force, innermost last.
    pub active: Vec<HandlerId>,
    /// The location given to the next instructions.
    pub loc: Location,
}

/// What `finish` hands back.
pub struct Assembled {
    pub instrs: Vec<Instr>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptEntry>,
    pub max_stack: u32,
}

impl Builder {
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Place `l` at the next instruction.
    pub fn bind(&mut self, l: Label) {
        debug_assert!(self.labels[l.0 as usize].is_none(), "label bound twice");
        self.labels[l.0 as usize] = Some(self.instrs.len() as u32);
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        debug_assert!(!is_jump(op), "jumps go through emit_jump");
        self.push(op, arg);
    }

    pub fn emit_jump(&mut self, op: Op, target: Label) {
        debug_assert!(is_jump(op));
        self.push(op, target.0);
    }

    fn push(&mut self, op: Op, arg: u32) {
        self.instrs.push(Instr { op, arg });
        self.locs.push(self.loc);
        self.covers.push(self.active.last().copied());
    }

    /// A handler at `target` that keeps `depth` stack items; not yet active.
    pub fn new_handler(&mut self, target: Label, depth: u32) -> HandlerId {
        self.handlers.push(Handler {
            target,
            depth,
            extra: 0,
        });
        self.handlers.len() - 1
    }

    /// As `new_handler`, for a handler whose code CPython runs `extra` items deeper
    /// (see `Handler::extra`).
    pub fn new_cleanup_handler(&mut self, target: Label, depth: u32, extra: u32) -> HandlerId {
        let h = self.new_handler(target, depth);
        self.handlers[h].extra = extra;
        h
    }

    /// Make `h` the innermost handler.
    pub fn push_handler(&mut self, h: HandlerId) {
        self.active.push(h);
    }

    /// Deactivate `h` (and anything pushed after it).
    pub fn pop_handler(&mut self, h: HandlerId) {
        if let Some(i) = self.active.iter().rposition(|&x| x == h) {
            self.active.truncate(i);
        }
    }

    /// Resolve labels, build the exception table, compute max_stack.
    pub fn finish(self) -> Assembled {
        let Builder {
            mut instrs,
            locs,
            covers,
            labels,
            handlers,
            ..
        } = self;
        let at = |l: Label| labels[l.0 as usize].expect("every label is bound");
        for i in instrs.iter_mut() {
            if is_jump(i.op) {
                i.arg = at(Label(i.arg));
            }
        }
        // Runs of instructions under the same handler become one entry.
        let mut table: Vec<ExceptEntry> = Vec::new();
        let mut extra: Vec<u32> = Vec::new();
        let mut run: Option<(usize, HandlerId)> = None;
        for i in 0..=covers.len() {
            let h = covers.get(i).copied().flatten();
            if let Some((start, cur)) = run {
                if h == Some(cur) {
                    continue;
                }
                let hd = handlers[cur];
                table.push(ExceptEntry {
                    start: start as u32,
                    end: i as u32,
                    target: at(hd.target),
                    depth: hd.depth,
                });
                extra.push(hd.extra);
                run = None;
            }
            if let Some(h) = h {
                run = Some((i, h));
            }
        }
        let max_stack = stack_depth(&instrs, &table, &extra);
        Assembled {
            instrs,
            locations: locs,
            exception_table: table,
            max_stack,
        }
    }
}

/// Does control never fall through to the next instruction?
pub fn is_terminal(op: Op) -> bool {
    matches!(
        op,
        Op::JUMP | Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE
    )
}

/// The deepest stack over every reachable path, where entry i's handler code counts
/// `extra[i]` more items (see `Handler::extra`; that code ends in a RERAISE and is
/// reached from nowhere else). Panics on a depth mismatch between two paths into one
/// instruction: that is a compiler bug the VM must never see.
fn stack_depth(instrs: &[Instr], table: &[ExceptEntry], extra: &[u32]) -> u32 {
    let n = instrs.len();
    // The table entry covering each instruction (entries never overlap), with the
    // extra item its handler gets.
    let mut cover: Vec<Option<(ExceptEntry, u32)>> = vec![None; n];
    for (i, e) in table.iter().enumerate() {
        let extra = extra.get(i).copied().unwrap_or(0);
        for c in &mut cover[(e.start as usize).min(n)..(e.end as usize).min(n)] {
            *c = Some((*e, extra));
        }
    }
    let mut depth: Vec<i32> = vec![-1; n];
    let mut work: Vec<usize> = Vec::new();
    let mut max = 0;
    let reach = |depth: &mut Vec<i32>, work: &mut Vec<usize>, i: usize, d: i32| {
        assert!(d >= 0, "stack underflow at instruction {i}");
        if i >= n {
            return;
        }
        if depth[i] < 0 {
            depth[i] = d;
            work.push(i);
        } else {
            assert_eq!(depth[i], d, "inconsistent stack depth at instruction {i}");
        }
    };
    if n > 0 {
        reach(&mut depth, &mut work, 0, 0);
    }
    while let Some(i) = work.pop() {
        let d = depth[i];
        let Instr { op, arg } = instrs[i];
        if let Some((h, extra)) = cover[i] {
            assert!(h.depth as i32 <= d, "handler depth above the stack at {i}");
            let at = (h.depth + extra) as i32 + 1;
            reach(&mut depth, &mut work, h.target as usize, at);
            max = max.max(at);
        }
        let after = d + op.stack_delta(arg as i32);
        // Items an instruction pushes before popping (COPY, LOAD_METHOD...) fit in `after`.
        max = max.max(after).max(d);
        match op {
            Op::FOR_ITER => reach(&mut depth, &mut work, arg as usize, d - 1),
            Op::SEND => reach(&mut depth, &mut work, arg as usize, d - 1),
            Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                reach(&mut depth, &mut work, arg as usize, d)
            }
            Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE | Op::JUMP => {
                reach(&mut depth, &mut work, arg as usize, after)
            }
            _ => {}
        }
        if !is_terminal(op) {
            reach(&mut depth, &mut work, i + 1, after);
        }
    }
    max as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_table_and_depth() {
        let mut b = Builder::default();
        let h = b.new_label();
        let end = b.new_label();
        b.emit(Op::LOAD_CONST, 0);
        let hid = b.new_handler(h, 1);
        b.push_handler(hid);
        b.emit(Op::LOAD_CONST, 0);
        b.emit(Op::POP_TOP, 0);
        b.pop_handler(hid);
        b.emit_jump(Op::JUMP, end);
        b.bind(h);
        b.emit(Op::POP_TOP, 0);
        b.bind(end);
        b.emit(Op::RETURN_VALUE, 0);
        let a = b.finish();
        assert_eq!(a.instrs[3].arg, 5);
        assert_eq!(
            a.exception_table,
            vec![ExceptEntry {
                start: 1,
                end: 3,
                target: 4,
                depth: 1
            }]
        );
        assert_eq!(a.max_stack, 2);
    }

    #[test]
    fn for_iter_exit_has_one_item_less() {
        // GET_ITER; L: FOR_ITER end; POP_TOP; JUMP L; end: LOAD_CONST; RETURN_VALUE
        let mut b = Builder::default();
        let top = b.new_label();
        let end = b.new_label();
        b.emit(Op::LOAD_CONST, 0);
        b.emit(Op::GET_ITER, 0);
        b.bind(top);
        b.emit_jump(Op::FOR_ITER, end);
        b.emit(Op::POP_TOP, 0);
        b.emit_jump(Op::JUMP, top);
        b.bind(end);
        b.emit(Op::LOAD_CONST, 0);
        b.emit(Op::RETURN_VALUE, 0);
        assert_eq!(b.finish().max_stack, 2);
    }
}
