//! str `+` stored back into its left operand's local: CPython 3.11's
//! BINARY_OP_INPLACE_ADD_UNICODE. `s += t` (or `s = s + t`) in a function, with `s`
//! a local, appends to `s` in place when the local is the string's only other
//! reference, instead of copying it (which makes a loop of them quadratic).

use crate::bytecode::Op;
use crate::heap::PyObj;
use crate::objects::code::Code;
use crate::objects::exceptions::VmResult;
use crate::objects::string;

use super::Vm;

impl Vm {
    /// The form for a str + str site at `at` of the frame on top, whose left operand
    /// is `a`: the in-place one when the next instruction stores to the local holding
    /// `a` (as 3.11's specializer decides), else BINARY_OP_ADD_UNICODE.
    pub(super) fn str_add_form(&self, code: &Code, at: usize, a: &PyObj) -> Op {
        let base = self.frames.last().expect("a running frame").base;
        match self.target_local(code, at + 1, base) {
            Some(slot) if self.stack[slot].is(a) => Op::BINARY_OP_INPLACE_ADD_UNICODE,
            _ => Op::BINARY_OP_ADD_UNICODE,
        }
    }

    /// The value stack index of the local that the STORE_FAST at `at` (any of its
    /// forms) stores to; None if the instruction there is not one.
    #[inline]
    fn target_local(&self, code: &Code, at: usize, base: usize) -> Option<usize> {
        let next = code.instrs.get(at)?.get();
        (next.op.deopt() == Op::STORE_FAST).then_some(base + next.arg as usize)
    }

    /// BINARY_OP_INPLACE_ADD_UNICODE, the instruction after it at `*ip`: None when
    /// its guard fails (the operands are not both exact strs, or the local the next
    /// instruction stores to does not hold the left one). Else the store is done
    /// here and that STORE_FAST skipped (a STORE_FAST__LOAD_FAST's LOAD_FAST, the
    /// next instruction, still runs). The local is cleared while the string is
    /// appended to, so that its count shows whether anything else holds it; if that
    /// fails (MemoryError), the local stays unbound, as in CPython.
    pub(super) fn inplace_add_unicode(
        &mut self,
        base: usize,
        code: &Code,
        ip: &mut usize,
    ) -> Option<VmResult<()>> {
        let n = self.stack.len();
        let t = &self.ctx.str_type;
        let (a, b) = (&self.stack[n - 2], &self.stack[n - 1]);
        if !a.is_type(t) || !b.is_type(t) {
            return None;
        }
        let slot = self.target_local(code, *ip, base)?;
        if !self.stack[slot].is(a) {
            return None;
        }
        let right = self.stack.pop().expect("value stack underflow");
        drop(self.stack.pop());
        let left = std::mem::replace(&mut self.stack[slot], self.null.clone());
        Some(string::append(left, &right).map(|r| {
            self.stack[slot] = r;
            *ip += 1;
        }))
    }
}
