//! The specialized instructions (see quick.rs for how an instruction becomes one):
//! each checks its guard and takes its short path, or counts a miss and runs its
//! family's general instruction.

use crate::bytecode::{Instr, Op};
use crate::heap::PyObj;
use crate::objects::code::Code;
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::{int, list};

use super::call::Flow;
use super::ops;
use super::quick::{self, cache, miss};
use super::quick_attr;
use super::quick_poly;
use super::Vm;

/// The first specialized opcode: the opcode table lists every form the compiler emits
/// first and the specialized forms after them (checked by a test below), so the eval
/// loop tells the two apart by one compare and goes to `step_quick` or `step` without
/// a second match in between.
const FIRST_SPECIALIZED: u8 = Op::LOAD_FAST__LOAD_FAST as u8;

/// Is `op` a specialized form (run by `step_quick`)?
#[inline(always)]
pub(super) fn is_specialized(op: Op) -> bool {
    op as u8 >= FIRST_SPECIALIZED
}

impl Vm {
    /// Run specialized instruction `op` (at `*ip - 1`).
    #[inline(always)]
    pub(super) fn step_quick(
        &mut self,
        fi: usize,
        base: usize,
        code: &Code,
        op: Op,
        arg: u32,
        ip: &mut usize,
    ) -> VmResult<Flow> {
        let at = *ip - 1;
        match op {
            Op::LOAD_FAST__LOAD_FAST | Op::LOAD_FAST__LOAD_CONST => {
                self.load_fast(code, base, arg)?;
                let Instr { arg: arg2, .. } = code.instrs[*ip].get();
                *ip += 1;
                if op == Op::LOAD_FAST__LOAD_FAST {
                    self.load_fast(code, base, arg2)?;
                } else {
                    self.stack.push(code.consts[arg2 as usize].clone());
                }
            }
            Op::STORE_FAST__LOAD_FAST => {
                self.store_fast(base, arg);
                let Instr { arg: arg2, .. } = code.instrs[*ip].get();
                *ip += 1;
                self.load_fast(code, base, arg2)?;
            }
            Op::STORE_FAST__STORE_FAST => {
                self.store_fast(base, arg);
                let Instr { arg: arg2, .. } = code.instrs[*ip].get();
                *ip += 1;
                self.store_fast(base, arg2);
            }
            Op::LOAD_CONST__LOAD_FAST => {
                self.stack.push(code.consts[arg as usize].clone());
                let Instr { arg: arg2, .. } = code.instrs[*ip].get();
                *ip += 1;
                self.load_fast(code, base, arg2)?;
            }
            Op::LOAD_ATTR_INSTANCE_VALUE => {
                let c = cache(code, at);
                let top = self.stack.last().expect("value stack underflow");
                match quick::instance_value(top, &c) {
                    Some(v) => self.replace_top(v),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::LOAD_ATTR_MODULE => {
                let c = cache(code, at);
                let top = self.stack.last().expect("value stack underflow");
                match quick::module_value(top, &c) {
                    Some(v) => self.replace_top(v),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::STORE_ATTR_INSTANCE_VALUE => {
                let c = cache(code, at);
                // The value moves from the stack into the instance; both go back on
                // a miss, for the general instruction.
                let (v, obj) = self.pop_two();
                match quick::store_instance_value(&obj, &c, v) {
                    Ok(()) => drop(obj),
                    Err(v) => {
                        self.push_back(v, obj);
                        return self.missed(fi, base, code, op, arg, ip);
                    }
                }
            }
            Op::LOAD_ATTR_SLOT | Op::LOAD_ATTR_WITH_HINT | Op::LOAD_ATTR_CLASS => {
                let c = cache(code, at);
                let top = self.stack.last().expect("value stack underflow");
                let hit = match op {
                    Op::LOAD_ATTR_SLOT => quick_attr::slot_value(top, &c),
                    Op::LOAD_ATTR_WITH_HINT => {
                        quick_attr::hint_value(top, &c, &code.names[arg as usize])
                    }
                    _ => quick_attr::class_attr(top, &c, false, &mut self.type_cache),
                };
                match hit {
                    Some(v) => {
                        self.replace_top(v);
                    }
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::LOAD_ATTR_PROPERTY => match self.load_attr_property(fi, code, at, *ip)? {
                Some(flow) => return Ok(flow),
                None => return self.missed(fi, base, code, op, arg, ip),
            },
            Op::STORE_ATTR_SLOT | Op::STORE_ATTR_WITH_HINT => {
                let c = cache(code, at);
                let (v, obj) = self.pop_two();
                let r = if op == Op::STORE_ATTR_SLOT {
                    quick_attr::store_slot(&obj, &c, v)
                } else {
                    quick_attr::store_hint(&obj, &c, &code.names[arg as usize], v)
                };
                match r {
                    Ok(()) => drop(obj),
                    Err(v) => {
                        self.push_back(v, obj);
                        return self.missed(fi, base, code, op, arg, ip);
                    }
                }
            }
            Op::LOAD_METHOD_CLASS => {
                let c = cache(code, at);
                let top = self.stack.last().expect("value stack underflow");
                match quick_attr::class_attr(top, &c, true, &mut self.type_cache) {
                    Some(v) => {
                        self.replace_top(self.null.clone());
                        self.stack.push(v);
                    }
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::LOAD_METHOD_WITH_VALUES
            | Op::LOAD_METHOD_NO_DICT
            | Op::LOAD_METHOD_LAZY_DICT
            | Op::LOAD_METHOD_WITH_DICT => {
                let top = self.stack.last().expect("value stack underflow");
                let name = &code.names[arg as usize];
                // A specialized form runs in quickened code: its cache cell is there.
                let m = quick::cache_cell(code, at).and_then(|cell| {
                    quick::cached_method(top, &cell.get(), cell, op, name, &mut self.type_cache)
                });
                match m {
                    Some(m) => self.push_method(m),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::LOAD_ATTR_POLYMORPHIC => {
                let top = self.stack.last().expect("value stack underflow");
                match quick_poly::load_attr(code, at, top, &code.names[arg as usize]) {
                    Ok(Some(v)) => {
                        self.replace_top(v);
                    }
                    Ok(None) => return self.missed(fi, base, code, op, arg, ip),
                    Err(()) => return self.poly_missed(fi, base, code, op, arg, ip),
                }
            }
            Op::STORE_ATTR_POLYMORPHIC => {
                let n = self.stack.len();
                let (v, obj) = (&self.stack[n - 2], &self.stack[n - 1]);
                match quick_poly::store_attr(code, at, obj, &code.names[arg as usize], v) {
                    Ok(true) => {
                        self.stack.pop();
                        self.stack.pop();
                    }
                    Ok(false) => return self.missed(fi, base, code, op, arg, ip),
                    Err(()) => return self.poly_missed(fi, base, code, op, arg, ip),
                }
            }
            Op::LOAD_METHOD_POLYMORPHIC => {
                let top = self.stack.last().expect("value stack underflow");
                let name = &code.names[arg as usize];
                match quick_poly::load_method(code, at, top, name, &mut self.type_cache) {
                    Ok(Some(m)) => self.push_method(m),
                    Ok(None) => return self.missed(fi, base, code, op, arg, ip),
                    Err(()) => return self.poly_missed(fi, base, code, op, arg, ip),
                }
            }
            Op::LOAD_METHOD_MODULE => {
                let c = cache(code, at);
                let top = self.stack.last().expect("value stack underflow");
                match quick::module_value(top, &c) {
                    Some(v) => {
                        self.replace_top(self.null.clone());
                        self.stack.push(v);
                    }
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::LOAD_GLOBAL_MODULE | Op::LOAD_GLOBAL_BUILTIN => {
                match self.cached_global(fi, code, arg as usize) {
                    Some(v) => self.stack.push(v),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::BINARY_OP_ADD_FLOAT
            | Op::BINARY_OP_SUBTRACT_FLOAT
            | Op::BINARY_OP_MULTIPLY_FLOAT
            | Op::BINARY_OP_TRUE_DIVIDE_FLOAT => {
                let n = self.stack.len();
                let r = quick::float_op(
                    op,
                    &self.stack[n - 2],
                    &self.stack[n - 1],
                    &self.ctx.float_exact,
                );
                return self.binary_result(r, fi, base, code, op, arg, ip);
            }
            Op::BINARY_OP_ADD_INT | Op::BINARY_OP_SUBTRACT_INT | Op::BINARY_OP_MULTIPLY_INT => {
                let n = self.stack.len();
                let r = quick::int_op(
                    op,
                    &self.stack[n - 2],
                    &self.stack[n - 1],
                    &self.ctx.int_exact,
                );
                return self.binary_result(r, fi, base, code, op, arg, ip);
            }
            Op::BINARY_OP_ADD_UNICODE => {
                let n = self.stack.len();
                let (a, b) = (&self.stack[n - 2], &self.stack[n - 1]);
                let t = &self.ctx.str_type;
                if !a.is_type(t) || !b.is_type(t) {
                    return self.missed(fi, base, code, op, arg, ip);
                }
                let r = crate::objects::string::concat_ascii(a, b);
                match r {
                    Some(r) => self.replace_two(r),
                    // Not both ASCII, or one empty: the general path (no miss).
                    None => return self.generic(fi, base, code, Op::BINARY_OP, arg, ip),
                }
            }
            Op::BINARY_OP_INPLACE_ADD_UNICODE => match self.inplace_add_unicode(base, code, ip) {
                Some(r) => r?,
                None => return self.missed(fi, base, code, op, arg, ip),
            },
            Op::BINARY_OP_PY_DUNDER => match self.binary_op_dunder(fi, code, arg, *ip)? {
                Some(flow) => return Ok(flow),
                None => return self.missed(fi, base, code, op, arg, ip),
            },
            Op::COMPARE_OP_INT_JUMP => {
                let (a, b) = self.top_two();
                match quick::compare_int(a, b, arg, self.ctx) {
                    Some(r) => self.compare_jump(r, code, ip),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::COMPARE_OP_FLOAT_JUMP => {
                let (a, b) = self.top_two();
                match quick::compare_float(a, b, arg, self.ctx) {
                    Some(r) => self.compare_jump(r, code, ip),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::COMPARE_OP_STR_JUMP => {
                let (a, b) = self.top_two();
                match quick::compare_str(a, b, arg, self.ctx) {
                    Some(r) => self.compare_jump(r, code, ip),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::BINARY_SUBSCR_LIST_INT => {
                let (l, k) = self.top_two();
                match quick::list_item(l, k, self.ctx) {
                    Some(v) => self.replace_two(v),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::BINARY_SUBSCR_TUPLE_INT => {
                let (t, k) = self.top_two();
                match quick::tuple_item(t, k, self.ctx) {
                    Some(v) => self.replace_two(v),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::BINARY_SUBSCR_DICT => {
                if !self.top_two().0.is_type(&self.ctx.dict_type) {
                    return self.missed(fi, base, code, op, arg, ip);
                }
                let (d, key) = self.pop_two();
                match self.dict_get(&d, &key)? {
                    Some(v) => {
                        self.stack.push(v);
                        drop(key);
                        drop(d);
                    }
                    None => {
                        let e = exceptions::new_exc(self.ctx.exc_type("KeyError"), vec![key]);
                        return Err(Exc(e));
                    }
                }
            }
            Op::STORE_SUBSCR_LIST_INT => {
                let key = self.pop();
                let (v, l) = self.pop_two();
                match quick::store_list_item(&l, &key, v, self.ctx) {
                    Ok(()) => {
                        drop(key);
                        drop(l);
                    }
                    Err(v) => {
                        self.push_back(v, l);
                        self.stack.push(key);
                        return self.missed(fi, base, code, op, arg, ip);
                    }
                }
            }
            Op::STORE_SUBSCR_DICT => {
                let n = self.stack.len();
                if !self.stack[n - 2].is_type(&self.ctx.dict_type) {
                    return self.missed(fi, base, code, op, arg, ip);
                }
                let key = self.stack.pop().expect("value stack underflow");
                let d = self.stack.pop().expect("value stack underflow");
                let v = self.stack.pop().expect("value stack underflow");
                self.dict_set(&d, key, v)?;
            }
            // The items go from the sequence's storage straight onto the stack (last
            // item first), then the sequence is let go, as CPython's forms do.
            Op::UNPACK_SEQUENCE_TWO_TUPLE => {
                let seq = self.pop();
                match seq.var_exact(&self.ctx.tuple_exact) {
                    Some((_, [a, b])) => self.push_two(b.clone(), a.clone()),
                    _ => {
                        self.stack.push(seq);
                        return self.missed(fi, base, code, op, arg, ip);
                    }
                }
            }
            Op::UNPACK_SEQUENCE_TUPLE => {
                let seq = self.pop();
                match seq.var_exact(&self.ctx.tuple_exact) {
                    Some((_, items)) if items.len() == arg as usize => {
                        self.stack.extend(items.iter().rev().cloned());
                    }
                    _ => {
                        self.stack.push(seq);
                        return self.missed(fi, base, code, op, arg, ip);
                    }
                }
            }
            Op::UNPACK_SEQUENCE_LIST => {
                let seq = self.pop();
                let done = match seq.borrow_exact(&self.ctx.list_exact) {
                    Some(l) if l.0.len() == arg as usize => {
                        self.stack.extend(l.0.iter().rev().cloned());
                        true
                    }
                    _ => false,
                };
                if !done {
                    self.stack.push(seq);
                    return self.missed(fi, base, code, op, arg, ip);
                }
            }
            Op::FOR_ITER_LIST | Op::FOR_ITER_RANGE | Op::FOR_ITER_TUPLE => {
                let it = self.stack.last().expect("value stack underflow");
                let ty = match op {
                    Op::FOR_ITER_LIST => &self.ctx.list_iter_type,
                    Op::FOR_ITER_TUPLE => &self.ctx.tuple_iter_type,
                    _ => &self.ctx.range_iter_type,
                };
                if !it.is_type(ty) {
                    return self.missed(fi, base, code, op, arg, ip);
                }
                if super::INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(super::take_interrupt());
                }
                let next = if op == Op::FOR_ITER_RANGE {
                    let r = it
                        .get::<crate::objects::range::RangeIter>()
                        .expect("range iterator");
                    crate::objects::range::iter_next(r).map(int::new_i64)
                } else {
                    let it = it.clone();
                    crate::objects::iter::seq_next(self, &it)?
                };
                match next {
                    Some(v) => self.stack.push(v),
                    None => {
                        self.stack.pop();
                        *ip = arg as usize;
                    }
                }
            }
            Op::FOR_ITER_GEN => {
                let it = self.stack.last().expect("value stack underflow");
                if !it.is_type(&self.ctx.generator_type) {
                    return self.missed(fi, base, code, op, arg, ip);
                }
                if super::INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(super::take_interrupt());
                }
                self.frames[fi].ip = *ip;
                return self.gen_for_iter(arg as usize, ip);
            }
            Op::BINARY_SUBSCR_GETITEM => match self.subscr_getitem(fi, code, at, *ip)? {
                Some(flow) => return Ok(flow),
                None => return self.missed(fi, base, code, op, arg, ip),
            },
            Op::CALL_NO_KW_BUILTIN_O
            | Op::CALL_NO_KW_BUILTIN_FAST
            | Op::CALL_BUILTIN_FAST_WITH_KEYWORDS
            | Op::CALL_NO_KW_METHOD_DESCRIPTOR_O
            | Op::CALL_NO_KW_METHOD_DESCRIPTOR_FAST
            | Op::CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS => {
                match self.call_native_form(fi, code, op, arg as usize, *ip)? {
                    Some(flow) => return Ok(flow),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::CALL_NO_KW_TYPE_1 | Op::CALL_NO_KW_STR_1 | Op::CALL_NO_KW_TUPLE_1 => {
                match self.call_builtin_class_1(fi, op, *ip)? {
                    Some(flow) => return Ok(flow),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::PRECALL_BUILTIN_CLASS => {
                match self.call_builtin_class(fi, code, arg as usize, *ip)? {
                    Some(flow) => return Ok(flow),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::CALL_BOUND_METHOD_EXACT_ARGS => {
                match self.call_bound_method(fi, arg as usize, *ip)? {
                    Some(flow) => return Ok(flow),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::CALL_ALLOC_AND_ENTER_INIT => {
                match self.call_alloc_and_enter_init(fi, code, arg as usize, *ip)? {
                    Some(flow) => return Ok(flow),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::CALL_PY_EXACT_ARGS | Op::CALL_PY_WITH_DEFAULTS => {
                match self.call_py_in_place(fi, arg as usize, *ip)? {
                    Some(flow) => return Ok(flow),
                    None => return self.missed(fi, base, code, op, arg, ip),
                }
            }
            Op::CALL_NO_KW_LEN | Op::CALL_NO_KW_ISINSTANCE => {
                let n = arg as usize;
                let first = self.stack.len() - n - 2;
                let c = cache(code, at);
                if !self.stack[first].is(&self.null)
                    || quick::builtin_def_of(&self.stack[first + 1]) != c.key
                    || self.frames[fi].kwnames.is_some()
                {
                    return self.missed(fi, base, code, op, arg, ip);
                }
                let r = if op == Op::CALL_NO_KW_LEN {
                    let x = self.stack.last().expect("value stack underflow");
                    // Built-in types only: a class's __len__ takes the general call.
                    match ops::builtin_len(x, self.ctx) {
                        Some(r) => int::new_i64(r? as i64),
                        None => return self.generic(fi, base, code, Op::CALL, arg, ip),
                    }
                } else {
                    self.frames[fi].ip = *ip;
                    let cls = self.pop();
                    let o = self.pop();
                    let r = self.isinstance(&o, &cls);
                    // The arguments go first, in order, as CPython lets them go.
                    drop(o);
                    drop(cls);
                    ops::bool_obj(r?)
                };
                // (NULL f [x]) -> result: what is left goes one by one, without a
                // call to drop a slice.
                if op == Op::CALL_NO_KW_LEN {
                    drop(self.stack.pop());
                }
                drop(self.stack.pop());
                self.replace_top(r);
            }
            Op::CALL_NO_KW_LIST_APPEND => {
                let first = self.stack.len() - 3;
                let c = cache(code, at);
                if quick::method_def_of(&self.stack[first]) != c.key
                    || !self.stack[first + 1].is_type(&self.ctx.list_type)
                    || self.frames[fi].kwnames.is_some()
                {
                    return self.missed(fi, base, code, op, arg, ip);
                }
                let v = self.stack.pop().expect("value stack underflow");
                list::append(&self.stack[first + 1], v)?;
                drop(self.stack.pop());
                self.replace_top(self.ctx.none.clone());
            }
            _ => unreachable!("{} is not a specialized instruction", op.name()),
        }
        Ok(Flow::Next)
    }

    /// A guard failed: count the miss and run the general instruction.
    #[cold]
    #[inline(never)]
    fn missed(
        &mut self,
        fi: usize,
        base: usize,
        code: &Code,
        op: Op,
        arg: u32,
        ip: &mut usize,
    ) -> VmResult<Flow> {
        if !self.go_polymorphic(code, *ip - 1, op, arg) {
            miss(code, *ip - 1);
        }
        self.step(fi, base, code, op.deopt(), arg, ip)
    }

    /// A polymorphic form had no entry for the object's class: add one or count a
    /// miss (quick_poly.rs), and run the general instruction.
    #[cold]
    #[inline(never)]
    fn poly_missed(
        &mut self,
        fi: usize,
        base: usize,
        code: &Code,
        op: Op,
        arg: u32,
        ip: &mut usize,
    ) -> VmResult<Flow> {
        self.poly_miss(code, *ip - 1, arg);
        self.step(fi, base, code, op.deopt(), arg, ip)
    }

    /// Run the family's general instruction without counting a miss (the guard held
    /// but this operand needs the general path). Kept out of line so the eval loop's
    /// `step` stays inlined.
    #[inline(never)]
    fn generic(
        &mut self,
        fi: usize,
        base: usize,
        code: &Code,
        op: Op,
        arg: u32,
        ip: &mut usize,
    ) -> VmResult<Flow> {
        self.step(fi, base, code, op, arg, ip)
    }

    /// LOAD_METHOD found method `m` of the object on top: (obj -- m obj).
    #[inline(always)]
    fn push_method(&mut self, m: PyObj) {
        let slot = self.stack.last_mut().expect("value stack underflow");
        let obj = std::mem::replace(slot, m);
        self.stack.push(obj);
    }

    /// The value on top becomes `r`.
    #[inline(always)]
    pub(super) fn replace_top(&mut self, r: PyObj) {
        let slot = self.stack.last_mut().expect("value stack underflow");
        drop(std::mem::replace(slot, r));
    }

    /// The two operands on top become `r`.
    #[inline(always)]
    pub(super) fn replace_two(&mut self, r: PyObj) {
        let b = self.stack.pop();
        let slot = self.stack.last_mut().expect("value stack underflow");
        let a = std::mem::replace(slot, r);
        drop((a, b));
    }

    /// The two values on top (second, top), with one check of the stack's length.
    #[inline(always)]
    fn top_two(&self) -> (&PyObj, &PyObj) {
        match &self.stack[..] {
            [.., a, b] => (a, b),
            _ => panic!("value stack underflow"),
        }
    }

    /// Pop the two values on top: (second, top).
    #[inline(always)]
    pub(super) fn pop_two(&mut self) -> (PyObj, PyObj) {
        let n = self.stack.len();
        assert!(n >= 2, "value stack underflow");
        let b = self.stack.pop().expect("value stack underflow");
        let a = self.stack.pop().expect("value stack underflow");
        (a, b)
    }

    /// Push `a`, then `b` (one capacity check).
    #[inline(always)]
    fn push_two(&mut self, a: PyObj, b: PyObj) {
        self.stack.reserve(2);
        self.stack.push(a);
        self.stack.push(b);
    }

    /// Put back what `pop_two` took, for a specialized form's miss.
    #[cold]
    fn push_back(&mut self, a: PyObj, b: PyObj) {
        self.stack.push(a);
        self.stack.push(b);
    }

    /// A COMPARE_OP_*_JUMP form's result `r`: pop its operands (left first) and take
    /// the POP_JUMP_IF_* that follows (checked when specializing; a jump is never
    /// rewritten into another family).
    #[inline(always)]
    fn compare_jump(&mut self, r: bool, code: &Code, ip: &mut usize) {
        let (a, b) = self.pop_two();
        drop(a);
        drop(b);
        let jump = code.instrs[*ip].get();
        *ip += 1;
        if r == (jump.op == Op::POP_JUMP_IF_TRUE) {
            *ip = jump.arg as usize;
        }
    }

    /// A BINARY_OP shortcut's result, or the general path when it had none.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn binary_result(
        &mut self,
        r: Option<PyObj>,
        fi: usize,
        base: usize,
        code: &Code,
        op: Op,
        arg: u32,
        ip: &mut usize,
    ) -> VmResult<Flow> {
        match r {
            Some(r) => {
                self.replace_two(r);
                Ok(Flow::Next)
            }
            None => self.missed(fi, base, code, op, arg, ip),
        }
    }

    /// LOAD_FAST.
    #[inline(always)]
    pub(super) fn load_fast(&mut self, code: &Code, base: usize, arg: u32) -> VmResult<()> {
        let v = &self.stack[base + arg as usize];
        if v.is(&self.null) {
            return Err(super::eval::unbound_local(code, arg));
        }
        let v = v.clone();
        self.stack.push(v);
        Ok(())
    }

    /// STORE_FAST.
    #[inline(always)]
    pub(super) fn store_fast(&mut self, base: usize, arg: u32) {
        let v = self.stack.pop().expect("value stack underflow");
        let old = std::mem::replace(&mut self.stack[base + arg as usize], v);
        drop(old);
    }
}

#[cfg(test)]
mod tests {
    use super::is_specialized;
    use crate::bytecode::Op;

    #[test]
    fn specialized_forms_follow_the_general_ones() {
        for &op in Op::ALL {
            assert_eq!(is_specialized(op), op.deopt() != op, "{}", op.name());
        }
    }
}
