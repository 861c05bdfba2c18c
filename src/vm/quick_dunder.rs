//! BINARY_OP_PY_DUNDER: `a op b` where a's class defines `__op__` as a Python
//! function. Instead of the class's number slot calling `__op__` in a nested eval
//! loop, the instruction pushes `__op__`'s frame in this loop, with copies of the
//! operands as its arguments and the operands themselves left below it. When the
//! frame returns (marked `OnReturn::Binary`), the operands become its result; a
//! NotImplemented goes on with what CPython's binary_op1 would try next (b's
//! reflected method or slot, the sequence forms, the TypeError), decided before the
//! call as binary_op1 decides it.
//!
//! The guard: a's type (by address, with the type epoch), `__op__` still a plain
//! Python function at its place along the MRO, no in-place method for `op=`, and b's
//! type not a proper subclass of a's (then b's reflected method or slot would go
//! first: the general path takes that).

use crate::bytecode::code::Cache;
use crate::bytecode::opcode::BinaryOp;
use crate::heap::{PyObj, TypeRef};
use crate::objects::code::Code;
use crate::objects::dicttable::type_epoch;
use crate::objects::exceptions::VmResult;
use crate::objects::string;
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::typeobj::slots::BinaryFn;
use crate::objects::typeobj::{self, class_slots, TypeInfo};

use super::call::Flow;
use super::quick::cache;
use super::quick_attr::plain_function;
use super::{OnReturn, Reflected, Vm};

/// The number slot a class gets for `op` when it defines `__op__` (None for `**`,
/// whose slot takes a modulus and is left to the general path).
fn class_slot(op: BinaryOp) -> Option<BinaryFn> {
    use BinaryOp::*;
    Some(match op {
        Add => class_slots::add,
        Subtract => class_slots::subtract,
        Multiply => class_slots::multiply,
        MatrixMultiply => class_slots::matrix_multiply,
        TrueDivide => class_slots::true_divide,
        FloorDivide => class_slots::floor_divide,
        Remainder => class_slots::remainder,
        Lshift => class_slots::lshift,
        Rshift => class_slots::rshift,
        And => class_slots::and,
        Or => class_slots::or,
        Xor => class_slots::xor,
        Power => return None,
    })
}

impl Vm {
    /// Can BINARY_OP `arg` on `a` and `b` push a's class's `__op__`? The cache: a's
    /// type by address with the epoch, and where `__op__` is along its MRO.
    pub(super) fn binary_dunder_cache(&mut self, a: &PyObj, b: &PyObj, arg: u32) -> Option<Cache> {
        if !a.vtable().heap_type || TypeRef::from_obj::<TypeInfo>(a).is_some() {
            return None;
        }
        let op = BinaryOp::from_arg(arg);
        let this = class_slot(op)?;
        let ta = a.type_obj();
        let slots = slots_of_type(&ta);
        if slots.binary(op, false).map(|f| f as usize) != Some(this as usize)
            || (arg >= BinaryOp::INPLACE && slots.binary(op, true).is_some())
        {
            return None;
        }
        let tb = b.type_obj();
        if !tb.is(&ta) && typeobj::is_subtype(&tb, &ta) {
            return None;
        }
        let name = string::intern_str(super::ops::dunder::binary_names(op).0);
        let (Some(f), Some((index, pos))) = self.type_lookup_at(&ta, &name)? else {
            return None;
        };
        if index > 255 || !plain_function(&f, 2) {
            return None;
        }
        Some(Cache {
            index: pos,
            tag: index as u8,
            version: type_epoch(),
            key: ta.id(),
            ..Cache::default()
        })
    }

    /// BINARY_OP_PY_DUNDER. Ok(None) when the guard fails.
    #[inline(never)]
    pub(super) fn binary_op_dunder(
        &mut self,
        fi: usize,
        code: &Code,
        arg: u32,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let c = cache(code, ip - 1);
        let n = self.stack.len();
        let (a, b) = (&self.stack[n - 2], &self.stack[n - 1]);
        if a.type_addr() != c.key || type_epoch() != c.version {
            return Ok(None);
        }
        let op = BinaryOp::from_arg(arg);
        let ta = a.type_obj();
        let slots = slots_of_type(&ta);
        let Some(slotv) = slots.binary(op, false) else {
            return Ok(None);
        };
        if arg >= BinaryOp::INPLACE && slots.binary(op, true).is_some() {
            return Ok(None);
        }
        // What binary_op1 tries after a's `__op__`, chosen now as it chooses.
        let reflected = if b.type_addr() == c.key {
            Reflected::Nothing
        } else {
            let tb = b.type_obj();
            if b.vtable().heap_type && typeobj::is_subtype(&tb, &ta) {
                return Ok(None);
            }
            match slots_of_type(&tb).binary(op, false) {
                None => Reflected::Nothing,
                Some(w) if w as usize == slotv as usize => Reflected::Method,
                Some(w) => Reflected::Slot(w),
            }
        };
        let f = self.type_cache.fetch(&ta, c.tag as usize, c.index as usize);
        let Some(f) = f.filter(|f| plain_function(f, 2)) else {
            return Ok(None);
        };
        // The frame's entry, read once: a plain `__op__` is entered straight from
        // here; one with cells or free variables goes the longer way.
        let Some(entry) = super::frame::Entry::read(self, &f, 2) else {
            return Ok(None);
        };
        self.frames[fi].ip = ip;
        // (a b f a b): the frame takes the copies as its arguments and holds the
        // function below them.
        let (a, b) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
        self.stack.extend([f, a, b]);
        match entry {
            Ok(entry) => self.enter_frame(entry, n, n + 1)?,
            Err(()) => {
                if !self.push_frame_in_place_with(n, n + 1)? {
                    self.stack.truncate(n);
                    return Ok(None);
                }
            }
        }
        self.frames
            .last_mut()
            .expect("the dunder's frame")
            .on_return = OnReturn::Binary(arg as u8, reflected);
        Ok(Some(Flow::Switch))
    }

    /// A frame marked `on` returned `v` (it is popped; the caller is on top).
    pub(super) fn frame_returned(
        &mut self,
        on: OnReturn,
        v: PyObj,
        ip: &mut usize,
    ) -> VmResult<Flow> {
        match on {
            OnReturn::Binary(arg, reflected) => {
                if v.is(&self.ctx.not_implemented) {
                    return self.binary_not_implemented(arg, reflected, ip);
                }
                let b = self.stack.pop();
                let slot = self.stack.last_mut().expect("the left operand");
                let a = std::mem::replace(slot, v);
                drop((a, b));
                Ok(Flow::Switch)
            }
            OnReturn::Init => self.init_returned(v, ip),
            OnReturn::Value => {
                self.stack.push(v);
                Ok(Flow::Switch)
            }
        }
    }

    /// `__op__` returned NotImplemented: the rest of the operator, at the caller's
    /// BINARY_OP (`*ip` becomes the caller's, so that an error's traceback names that
    /// line).
    #[cold]
    #[inline(never)]
    fn binary_not_implemented(
        &mut self,
        arg: u8,
        reflected: Reflected,
        ip: &mut usize,
    ) -> VmResult<Flow> {
        *ip = self.frames.last().expect("the caller").ip;
        let b = self.stack.pop().expect("the right operand");
        let a = self.stack.pop().expect("the left operand");
        let arg = u32::from(arg);
        let op = BinaryOp::from_arg(arg);
        let r = super::ops::binary_op_after_left(
            self,
            &a,
            &b,
            op,
            arg >= BinaryOp::INPLACE,
            reflected,
        )?;
        self.stack.push(r);
        Ok(Flow::Switch)
    }
}
