//! The eval loop: one `match` over the opcode table, running the frame on top of the
//! frame stack until the entry frame returns. Calls to Python functions push a frame
//! and continue here; exceptions unwind through the code objects' exception tables.

use std::sync::atomic::Ordering;

use crate::bytecode::code::GlobalCache;
use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::bytecode::{Instr, Op};
use crate::heap::PyObj;
use crate::objects::code::Code;
use crate::objects::{cell, ctx, dict, list, string, tuple};

use super::call::Flow;
use super::frame::Frame;
use super::ops;
use super::quick;
use super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

impl Vm {
    #[inline]
    pub(super) fn pop(&mut self) -> PyObj {
        self.stack.pop().expect("value stack underflow")
    }

    #[inline]
    fn top(&self) -> &PyObj {
        self.stack.last().expect("value stack underflow")
    }

    /// Pop `n` values, oldest first.
    fn pop_n(&mut self, n: usize) -> Vec<PyObj> {
        let at = self.stack.len() - n;
        self.stack.split_off(at)
    }

    /// Run the frame on top of the frame stack (marked `entry`) to completion.
    pub(crate) fn run_frame(&mut self) -> VmResult<PyObj> {
        if crate::heap::pending(crate::heap::PENDING_TRACE) && self.frames.len() > 1 {
            // Blocks a builtin allocated before calling back into Python: its caller's.
            self.trace_pending(self.frames.len() - 2);
        }
        // Freed generators waiting to be closed run before a frame (re)starts: here,
        // after an unwind, and after a call or return (`switch_pending`).
        if crate::objects::generator::close_pending() {
            self.run_pending_closes();
        }
        loop {
            let fi = self.frames.len() - 1;
            let frame = &self.frames[fi];
            let mut ip = frame.ip;
            let base = frame.base;
            let code_obj = frame.code.clone();
            // Code objects have one exact type: one compare of the type pointer, not
            // the dependent loads of the payload's TypeId (this runs at every call
            // and return).
            let code = code_obj
                .get_exact(&self.ctx.code_exact)
                .expect("frames run code objects");
            quick::warm(code);
            // The instruction array, held once: `code` has interior mutability, so
            // indexing through it would reload the slice on every instruction.
            let instrs: &[std::cell::Cell<Instr>] = &code.instrs;
            let flow = loop {
                let Instr { op, arg } = instrs[ip].get();
                ip += 1;
                // The simplest instructions run here, with `ip` a plain local and no
                // `Flow` to pass back; the rest go through `step`, or `step_quick` for a
                // specialized form (one compare, no second match).
                match op {
                    Op::LOAD_FAST => {
                        if let Err(e) = self.load_fast(code, base, arg) {
                            break Err(self.raised(fi, ip, e, false));
                        }
                    }
                    Op::LOAD_CONST => {
                        self.stack.push(code.consts[arg as usize].clone());
                    }
                    Op::STORE_FAST => self.store_fast(base, arg),
                    Op::POP_TOP => drop(self.pop()),
                    Op::LOAD_FAST__LOAD_FAST | Op::LOAD_FAST__LOAD_CONST => {
                        if let Err(e) = self.load_fast(code, base, arg) {
                            break Err(self.raised(fi, ip, e, false));
                        }
                        let arg2 = instrs[ip].get().arg;
                        ip += 1;
                        if op == Op::LOAD_FAST__LOAD_FAST {
                            if let Err(e) = self.load_fast(code, base, arg2) {
                                break Err(self.raised(fi, ip, e, false));
                            }
                        } else {
                            self.stack.push(code.consts[arg2 as usize].clone());
                        }
                    }
                    Op::STORE_FAST__LOAD_FAST => {
                        self.store_fast(base, arg);
                        let arg2 = instrs[ip].get().arg;
                        ip += 1;
                        if let Err(e) = self.load_fast(code, base, arg2) {
                            break Err(self.raised(fi, ip, e, false));
                        }
                    }
                    Op::STORE_FAST__STORE_FAST => {
                        self.store_fast(base, arg);
                        let arg2 = instrs[ip].get().arg;
                        ip += 1;
                        self.store_fast(base, arg2);
                    }
                    Op::LOAD_CONST__LOAD_FAST => {
                        self.stack.push(code.consts[arg as usize].clone());
                        let arg2 = instrs[ip].get().arg;
                        ip += 1;
                        if let Err(e) = self.load_fast(code, base, arg2) {
                            break Err(self.raised(fi, ip, e, false));
                        }
                    }
                    Op::JUMP => {
                        // A backward jump closes a loop: the place to notice Ctrl-C, and a
                        // step towards quickening.
                        if (arg as usize) < ip {
                            if super::INTERRUPT.load(Ordering::Relaxed) {
                                break Err(self.raised(fi, ip, super::take_interrupt(), false));
                            }
                            quick::warm(code);
                        }
                        ip = arg as usize;
                    }
                    Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                        let v = self.pop();
                        let t = if v.is(&self.ctx.true_) {
                            true
                        } else if v.is(&self.ctx.false_) {
                            false
                        } else {
                            let t = self.truthy(&v);
                            drop(v);
                            match t {
                                Ok(t) => t,
                                Err(e) => break Err(self.raised(fi, ip, e, false)),
                            }
                        };
                        if t == (op == Op::POP_JUMP_IF_TRUE) {
                            ip = arg as usize;
                        }
                    }
                    _ => {
                        // `step` may move the instruction pointer through a reference:
                        // a copy, so that `ip` itself can stay in a register.
                        let mut next = ip;
                        let r = if super::quick_eval::is_specialized(op) {
                            self.step_quick(fi, base, code, op, arg, &mut next)
                        } else {
                            self.step(fi, base, code, op, arg, &mut next)
                        };
                        ip = next;
                        match r {
                            Ok(Flow::Next) => {}
                            Ok(flow) => {
                                // A call (its ip is saved) or a return: the same byte, once.
                                if crate::heap::work_pending() {
                                    self.switch_pending(fi, matches!(flow, Flow::Return(_)));
                                }
                                break Ok(flow);
                            }
                            Err(e) => {
                                let reraise = matches!(op, Op::RERAISE)
                                    || (op == Op::RAISE_VARARGS && arg == 0);
                                break Err(self.raised(fi, ip, e, reraise));
                            }
                        }
                    }
                }
                // One byte tested per instruction for all the kinds of work.
                if crate::heap::work_pending() {
                    if let Some(flow) = self.pending_work(fi, ip) {
                        break flow;
                    }
                }
            };
            match flow {
                Ok(Flow::Return(v)) => return Ok(v),
                Ok(_) => {}
                Err((exc, at, reraise)) => {
                    if let Some(f) = self.frames.get_mut(fi) {
                        f.ip = ip;
                    }
                    self.unwind(exc, at, reraise)?;
                    if crate::objects::generator::close_pending() {
                        self.run_pending_closes();
                    }
                }
            }
        }
    }

    /// An instruction of frame `fi` raised `e`, its next instruction at `ip`: what the
    /// eval loop unwinds with (the instruction's index, and whether it re-raises),
    /// after tracemalloc's attribution of what it allocated.
    #[cold]
    #[inline(never)]
    fn raised(&mut self, fi: usize, ip: usize, e: Exc, reraise: bool) -> (Exc, usize, bool) {
        if crate::heap::pending(crate::heap::PENDING_TRACE) {
            if let Some(f) = self.frames.get_mut(fi) {
                f.ip = ip;
            }
            self.trace_pending(fi);
        }
        (e, ip - 1, reraise)
    }

    /// The work flagged when frame `fi` called or returned (`ret`: the entry frame
    /// returned, and the eval loop with it), in the order the loop does it: this
    /// frame's line for tracemalloc, then (unless returning) the finalizers due and
    /// the generators waiting to be closed.
    #[cold]
    #[inline(never)]
    fn switch_pending(&mut self, fi: usize, ret: bool) {
        if crate::heap::pending(crate::heap::PENDING_TRACE) {
            self.trace_pending(fi);
        }
        if ret {
            return;
        }
        if crate::heap::finalizers_pending() {
            self.run_finalizers();
        }
        if crate::objects::generator::close_pending() {
            self.run_pending_closes();
        }
    }

    /// The work the heap flagged (the pending byte) between two instructions of frame
    /// `fi`, its next instruction at `ip`: tracemalloc's attribution, finalizers,
    /// generator closes, collections, the memory report's sample and MemoryError.
    /// Some(flow) when the frame must stop here. Kept out of the eval loop.
    #[cold]
    #[inline(never)]
    fn pending_work(&mut self, fi: usize, ip: usize) -> Option<Result<Flow, (Exc, usize, bool)>> {
        if crate::heap::pending(crate::heap::PENDING_TRACE) {
            // tracemalloc: this instruction allocated.
            self.frames[fi].ip = ip;
            self.trace_pending(fi);
        }
        if crate::heap::finalizers_pending() {
            // Run the __del__ methods now due (and the closes they left), then come
            // back here through the frame reload.
            self.frames[fi].ip = ip;
            self.run_finalizers();
            if crate::objects::generator::close_pending() {
                self.run_pending_closes();
            }
            return Some(Ok(Flow::Switch));
        }
        // Freed generators waiting to be closed (finally blocks).
        if crate::objects::generator::close_pending() {
            self.run_pending_closes();
        }
        if crate::heap::pending(crate::heap::PENDING_COLLECT) {
            // An automatic collection with gc.callbacks to run.
            self.frames[fi].ip = ip;
            self.run_automatic_collection();
        }
        // The memory report (--memory-report) samples the heap.
        if crate::heap::pending(crate::heap::PENDING_SAMPLE) {
            self.frames[fi].ip = ip;
            super::memlimit::run_sample_hook(self);
        }
        // The heap went past its memory limit (glass.set_limit).
        if let Some(e) = super::memlimit::take_memory_error() {
            self.frames[fi].ip = ip;
            return Some(Err((e, ip - 1, false)));
        }
        None
    }

    /// An exception was raised at instruction `at` of the top frame: find a handler in
    /// this frame or its callers (up to the entry frame), recording the traceback.
    pub(super) fn unwind(
        &mut self,
        mut exc: Exc,
        mut at: usize,
        mut reraise: bool,
    ) -> VmResult<()> {
        if !reraise {
            // Implicit chaining: raised while handling another exception.
            if let Some(h) = &self.handled {
                exceptions::set_context(&exc.0, h.clone());
            }
        }
        loop {
            let f = self.frames.last().expect("a frame is running");
            if !reraise {
                exceptions::add_traceback(&exc.0, &f.code, at as u32);
            }
            let code = f.code.get::<Code>().expect("code");
            if let Some(h) = code.handler_for(at as u32) {
                let depth = f.stack_base + h.depth as usize;
                let target = h.target as usize;
                self.stack.truncate(depth);
                self.stack.push(exc.0);
                let f = self.frames.last_mut().expect("frame");
                f.ip = target;
                f.kwnames = None;
                return Ok(());
            }
            let f = self.frames.pop().expect("frame");
            self.stack.truncate(f.floor);
            self.depth -= f.on_return.depth();
            if let Some(g) = &f.gen {
                exc = self.gen_raised(g, exc);
            }
            if f.entry {
                return Err(exc);
            }
            at = self.frames.last().expect("caller").ip - 1;
            reraise = false;
        }
    }

    /// Execute one general instruction (the specialized forms run in `step_quick`).
    #[inline(always)]
    pub(super) fn step(
        &mut self,
        fi: usize,
        base: usize,
        code: &Code,
        op: Op,
        arg: u32,
        ip: &mut usize,
    ) -> VmResult<Flow> {
        match op {
            Op::NOP => {}
            Op::POP_TOP => {
                self.pop();
            }
            Op::COPY => {
                let v = self.stack[self.stack.len() - arg as usize].clone();
                self.stack.push(v);
            }
            Op::SWAP => {
                let n = self.stack.len();
                self.stack.swap(n - 1, n - arg as usize);
            }
            Op::LOAD_CONST => self.stack.push(code.consts[arg as usize].clone()),
            Op::LOAD_FAST => self.load_fast(code, base, arg)?,
            Op::STORE_FAST => self.store_fast(base, arg),
            Op::DELETE_FAST => {
                let null = self.null.clone();
                let slot = &mut self.stack[base + arg as usize];
                if slot.is(&null) {
                    return Err(unbound_local(code, arg));
                }
                let old = std::mem::replace(slot, null);
                drop(old);
            }
            Op::LOAD_DEREF => {
                let c = &self.stack[base + code.nlocals() + arg as usize];
                match cell::get(c) {
                    Some(v) => self.stack.push(v),
                    None => return Err(unbound_deref(code, arg)),
                }
            }
            Op::STORE_DEREF => {
                let v = self.pop();
                let c = self.stack[base + code.nlocals() + arg as usize].clone();
                drop(cell::set(&c, Some(v)));
            }
            Op::DELETE_DEREF => {
                let c = self.stack[base + code.nlocals() + arg as usize].clone();
                if cell::set(&c, None).is_none() {
                    return Err(unbound_deref(code, arg));
                }
            }
            Op::LOAD_CLOSURE => {
                let c = self.stack[base + code.nlocals() + arg as usize].clone();
                self.stack.push(c);
            }
            Op::LOAD_CLASSDEREF => {
                let i = arg as usize;
                let name = match code.cellvars.get(i) {
                    Some(n) => n,
                    None => &code.freevars[i - code.cellvars.len()],
                };
                let local = match self.frames[fi].locals.clone() {
                    Some(l) => self.ns_get(&l, name)?,
                    None => None,
                };
                let v = match local {
                    Some(v) => v,
                    None => {
                        let c = &self.stack[base + code.nlocals() + i];
                        cell::get(c).ok_or_else(|| unbound_deref(code, arg))?
                    }
                };
                self.stack.push(v);
            }
            Op::LOAD_GLOBAL => {
                let v = match self.cached_global(fi, code, arg as usize) {
                    Some(v) => v,
                    None => self.load_global_and_cache(fi, code, arg as usize)?,
                };
                if quick::due(code, *ip - 1, Op::LOAD_GLOBAL) {
                    self.specialize_load_global(code, *ip - 1, arg);
                }
                self.stack.push(v);
            }
            Op::STORE_GLOBAL => {
                let v = self.pop();
                let v = match self.store_global_cached(fi, code, arg as usize, v) {
                    Ok(old) => {
                        drop(old);
                        return Ok(Flow::Next);
                    }
                    Err(v) => v,
                };
                let g = self.frame_globals(fi);
                self.dict_set(&g, code.names[arg as usize].clone(), v)?;
            }
            Op::DELETE_GLOBAL => {
                let g = self.frame_globals(fi);
                self.dict_delete_name(&g, &code.names[arg as usize])?;
            }
            Op::LOAD_NAME if self.frames[fi].locals.is_none() => {
                // Module code: the namespace is the globals, so LOAD_GLOBAL's cache
                // answers.
                let v = match self.cached_global(fi, code, arg as usize) {
                    Some(v) => v,
                    None => self.load_global_and_cache(fi, code, arg as usize)?,
                };
                self.stack.push(v);
            }
            Op::LOAD_NAME => {
                let name = &code.names[arg as usize];
                let local = match self.frames[fi].locals.clone() {
                    Some(l) => self.ns_get(&l, name)?,
                    None => None,
                };
                let v = match local {
                    Some(v) => v,
                    None => self.load_global(fi, name)?,
                };
                self.stack.push(v);
            }
            Op::STORE_NAME => {
                let mut v = self.pop();
                if self.frames[fi].locals.is_none() {
                    // Module code: the namespace is the globals (STORE_GLOBAL's cache);
                    // a class body stores into its own namespace dict.
                    v = match self.store_global_cached(fi, code, arg as usize, v) {
                        Ok(old) => {
                            drop(old);
                            return Ok(Flow::Next);
                        }
                        Err(v) => v,
                    };
                    self.store_name_and_cache(fi, code, arg as usize, v)?;
                    return Ok(Flow::Next);
                }
                let ns = self.namespace(fi);
                self.ns_set(&ns, code.names[arg as usize].clone(), v)?;
            }
            Op::DELETE_NAME => {
                let ns = self.namespace(fi);
                self.ns_del(&ns, &code.names[arg as usize])?;
            }
            Op::LOAD_ATTR => {
                if quick::due(code, *ip - 1, Op::LOAD_ATTR) {
                    let obj = self.top().clone();
                    self.specialize_load_attr(code, *ip - 1, &obj, &code.names[arg as usize]);
                }
                let obj = self.pop();
                let v = self.getattr(&obj, &code.names[arg as usize])?;
                self.stack.push(v);
            }
            Op::STORE_ATTR => {
                if quick::due(code, *ip - 1, Op::STORE_ATTR) {
                    let obj = self.top().clone();
                    self.specialize_store_attr(code, *ip - 1, &obj, &code.names[arg as usize]);
                }
                let obj = self.pop();
                let v = self.pop();
                self.setattr(&obj, &code.names[arg as usize], Some(v))?;
            }
            Op::DELETE_ATTR => {
                let obj = self.pop();
                self.setattr(&obj, &code.names[arg as usize], None)?;
            }
            Op::LOAD_METHOD => {
                if quick::due(code, *ip - 1, Op::LOAD_METHOD) {
                    let obj = self.top().clone();
                    self.specialize_load_method(code, *ip - 1, &obj, &code.names[arg as usize]);
                }
                let obj = self.pop();
                match self.lookup_method(&obj, &code.names[arg as usize])? {
                    Some(m) => {
                        self.stack.push(m);
                        self.stack.push(obj);
                    }
                    None => {
                        let name = &code.names[arg as usize];
                        let [m, v] = match self.super_method(&obj, name)? {
                            Some(pair) => pair,
                            None => [self.null.clone(), self.getattr(&obj, name)?],
                        };
                        self.stack.push(m);
                        self.stack.push(v);
                    }
                }
            }
            Op::PUSH_NULL => self.stack.push(self.null.clone()),
            Op::KW_NAMES => self.frames[fi].kwnames = Some(code.consts[arg as usize].clone()),
            Op::CALL => {
                if quick::due(code, *ip - 1, Op::CALL) {
                    let first = self.stack.len() - arg as usize - 2;
                    let kw = self.frames[fi].kwnames.is_some();
                    self.specialize_call(code, *ip - 1, first, arg as usize, kw);
                }
                let kwnames = self.frames[fi].kwnames.take();
                self.frames[fi].ip = *ip;
                return self.call_from_stack(arg as usize, kwnames);
            }
            Op::CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 { Some(self.pop()) } else { None };
                let args = self.pop();
                let func = self.pop();
                let _null = self.pop();
                self.frames[fi].ip = *ip;
                let (all, names) = self.spread_call_args(&func, &args, kwargs.as_ref())?;
                return self.call_pushing(func, all, names);
            }
            Op::MAKE_FUNCTION => {
                let f = self.make_function(fi, arg)?;
                self.stack.push(f);
            }
            Op::RETURN_VALUE => {
                let v = self.pop();
                return self.return_value(v, ip);
            }
            Op::BINARY_OP => {
                if quick::due(code, *ip - 1, Op::BINARY_OP) {
                    let n = self.stack.len();
                    let (a, b) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
                    self.specialize_binary_op(code, *ip - 1, &a, &b, arg);
                }
                // Small exact ints, exact floats and the two mixed (quick::binary_fast).
                let n = self.stack.len();
                let (a, b) = (&self.stack[n - 2], &self.stack[n - 1]);
                if let Some(r) = quick::binary_fast(a, b, arg, self.ctx) {
                    self.replace_two(r);
                    return Ok(Flow::Next);
                }
                let b = self.pop();
                let a = self.pop();
                let r = ops::binary_op(
                    self,
                    &a,
                    &b,
                    BinaryOp::from_arg(arg),
                    arg >= BinaryOp::INPLACE,
                )?;
                self.stack.push(r);
            }
            Op::UNARY_NEGATIVE | Op::UNARY_POSITIVE | Op::UNARY_INVERT => {
                if op == Op::UNARY_NEGATIVE {
                    if let Some(r) = quick::negate_exact(self.top(), self.ctx) {
                        self.replace_top(r);
                        return Ok(Flow::Next);
                    }
                }
                let v = self.pop();
                let r = ops::unary_op(self, &v, op)?;
                self.stack.push(r);
            }
            Op::UNARY_NOT => {
                let v = self.pop();
                let t = self.truthy(&v)?;
                self.stack.push(ops::bool_obj(!t));
            }
            Op::COMPARE_OP => {
                if quick::due(code, *ip - 1, Op::COMPARE_OP) {
                    let n = self.stack.len();
                    let (a, b) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
                    self.specialize_compare_op(code, *ip - 1, &a, &b, arg);
                }
                let op = CompareOp::from_arg(arg);
                // Two exact ints (machine-word sized) or two exact floats: no call out
                // of the loop (chained comparisons, results stored rather than jumped on).
                let n = self.stack.len();
                let c = self.ctx;
                if let Some(r) = quick::compare_exact(&self.stack[n - 2], &self.stack[n - 1], op, c)
                {
                    let r = if r { &c.true_ } else { &c.false_ }.clone();
                    self.replace_two(r);
                    return Ok(Flow::Next);
                }
                let b = self.pop();
                let a = self.pop();
                let r = ops::compare(self, &a, &b, op)?;
                self.stack.push(r);
            }
            Op::IS_OP => {
                let b = self.pop();
                let a = self.pop();
                self.stack.push(ops::bool_obj(a.is(&b) != (arg == 1)));
            }
            Op::CONTAINS_OP => {
                let container = self.pop();
                let item = self.pop();
                let r = self.contains(&container, &item)?;
                self.stack.push(ops::bool_obj(r != (arg == 1)));
            }
            Op::BINARY_SUBSCR => {
                if quick::due(code, *ip - 1, Op::BINARY_SUBSCR) {
                    let n = self.stack.len();
                    let (c, k) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
                    self.specialize_binary_subscr(code, *ip - 1, &c, &k);
                }
                let key = self.pop();
                let container = self.pop();
                let v = self.getitem(&container, &key)?;
                self.stack.push(v);
            }
            Op::STORE_SUBSCR => {
                if quick::due(code, *ip - 1, Op::STORE_SUBSCR) {
                    let n = self.stack.len();
                    let (c, k) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
                    self.specialize_store_subscr(code, *ip - 1, &c, &k);
                }
                let key = self.pop();
                let container = self.pop();
                let v = self.pop();
                self.setitem(&container, &key, v)?;
            }
            Op::DELETE_SUBSCR => {
                let key = self.pop();
                let container = self.pop();
                self.delitem(&container, &key)?;
            }
            Op::BUILD_SLICE => {
                let step = if arg == 3 {
                    self.pop()
                } else {
                    ctx().none.clone()
                };
                let stop = self.pop();
                let start = self.pop();
                self.stack
                    .push(crate::objects::slice::new(start, stop, step));
            }
            Op::BUILD_TUPLE => {
                // The items move straight from the value stack into the tuple (a
                // pair through an array: no Drain to finish).
                let t = if arg == 2 {
                    let (a, b) = self.pop_two();
                    tuple::try_from_array([a, b])
                } else {
                    let at = self.stack.len() - arg as usize;
                    tuple::try_new(self.stack.drain(at..))
                };
                self.stack.push(t.ok_or_else(exceptions::memory_error)?);
            }
            Op::BUILD_LIST => {
                let items = self.pop_n(arg as usize);
                self.stack.push(list::new_exact(items));
            }
            Op::BUILD_SET => {
                let items = self.pop_n(arg as usize);
                let s = crate::objects::set::new();
                for x in items {
                    self.set_add(&s, x)?;
                }
                self.stack.push(s);
            }
            Op::BUILD_MAP => {
                // _PyDict_FromItems: presized for the n items.
                let items = self.pop_n(2 * arg as usize);
                let keys: Vec<PyObj> = items.iter().step_by(2).cloned().collect();
                let d = dict::presized_for(&keys)?;
                drop(keys);
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.dict_set(&d, k, v)?;
                }
                self.stack.push(d);
            }
            Op::BUILD_CONST_KEY_MAP => {
                let keys = self.pop();
                let values = self.pop_n(arg as usize);
                let keys = tuple::items(&keys)
                    .expect("BUILD_CONST_KEY_MAP keys are a tuple")
                    .to_vec();
                let d = dict::presized_for(&keys)?;
                for (k, v) in keys.into_iter().zip(values) {
                    self.dict_set(&d, k, v)?;
                }
                self.stack.push(d);
            }
            Op::BUILD_STRING => {
                let parts = self.pop_n(arg as usize);
                let s = ops::concat_strs(&parts)?;
                self.stack.push(s);
            }
            Op::LIST_APPEND => {
                let v = self.pop();
                let l = self.stack[self.stack.len() - arg as usize].clone();
                list::append(&l, v)?;
            }
            Op::SET_ADD => {
                let v = self.pop();
                let s = self.stack[self.stack.len() - arg as usize].clone();
                self.set_add(&s, v)?;
            }
            Op::MAP_ADD => {
                let v = self.pop();
                let k = self.pop();
                let d = self.stack[self.stack.len() - arg as usize].clone();
                self.dict_set(&d, k, v)?;
            }
            Op::LIST_EXTEND => {
                let it = self.pop();
                let l = self.stack[self.stack.len() - arg as usize].clone();
                self.list_extend(&l, &it)?;
            }
            Op::SET_UPDATE => {
                let it = self.pop();
                let s = self.stack[self.stack.len() - arg as usize].clone();
                // set.update (the set's own method: CPython's _PySet_Update).
                let update = self
                    .type_lookup_static(&ctx().set_type, "update")?
                    .expect("set has update");
                self.call(&update, crate::objects::args::Args::positional(&[s, it]))?;
            }
            Op::DICT_UPDATE | Op::DICT_MERGE => {
                let m = self.pop();
                let d = self.stack[self.stack.len() - arg as usize].clone();
                if op == Op::DICT_MERGE {
                    // The function called sits under its arguments (format_kwargs_error).
                    let func = self.stack[self.stack.len() - arg as usize - 2].clone();
                    self.dict_merge_kwargs(&d, &m, &func)?;
                } else {
                    self.dict_update(&d, &m, false)?;
                }
            }
            Op::LIST_TO_TUPLE => {
                let l = self.pop();
                let items = list::borrow(&l).map(|b| b.0.clone()).unwrap_or_default();
                self.stack.push(tuple::new(items));
            }
            Op::FORMAT_VALUE => {
                let spec = if arg & 4 != 0 { Some(self.pop()) } else { None };
                let v = self.pop();
                let v = match arg & 3 {
                    1 => self.str_obj(&v)?,
                    2 => self.repr_obj(&v)?,
                    3 => self.ascii_obj(&v)?,
                    _ => v,
                };
                let r = self.format(&v, spec.as_ref())?;
                self.stack.push(r);
            }
            Op::UNPACK_SEQUENCE => {
                if quick::due(code, *ip - 1, Op::UNPACK_SEQUENCE) {
                    let seq = self.top().clone();
                    self.specialize_unpack(code, *ip - 1, &seq, arg);
                }
                let seq = self.pop();
                let items = self.unpack(&seq, arg as usize)?;
                self.stack.extend(items.into_iter().rev());
            }
            Op::UNPACK_EX => {
                let seq = self.pop();
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let mut items = self.collect_iter(&seq)?;
                if items.len() < before + after {
                    return Err(exceptions::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                self.stack.extend(tail.into_iter().rev());
                self.stack.push(list::new_exact(middle));
                self.stack.extend(items.into_iter().rev());
            }
            Op::JUMP => {
                // A backward jump closes a loop: the place to notice Ctrl-C, and a
                // step towards quickening.
                if (arg as usize) < *ip {
                    if super::INTERRUPT.load(Ordering::Relaxed) {
                        return Err(super::take_interrupt());
                    }
                    quick::warm(code);
                }
                *ip = arg as usize;
            }
            Op::POP_JUMP_IF_FALSE => {
                let v = self.pop();
                if !self.truthy(&v)? {
                    *ip = arg as usize;
                }
            }
            Op::POP_JUMP_IF_TRUE => {
                let v = self.pop();
                if self.truthy(&v)? {
                    *ip = arg as usize;
                }
            }
            Op::JUMP_IF_FALSE_OR_POP => {
                let v = self.top().clone();
                if self.truthy(&v)? {
                    self.pop();
                } else {
                    *ip = arg as usize;
                }
            }
            Op::JUMP_IF_TRUE_OR_POP => {
                let v = self.top().clone();
                if self.truthy(&v)? {
                    *ip = arg as usize;
                } else {
                    self.pop();
                }
            }
            Op::GET_ITER => {
                let v = self.pop();
                let it = self.iter(&v)?;
                self.stack.push(it);
            }
            Op::FOR_ITER => {
                if super::INTERRUPT.load(Ordering::Relaxed) {
                    return Err(super::take_interrupt());
                }
                let it = self.top().clone();
                if quick::due(code, *ip - 1, Op::FOR_ITER) {
                    self.specialize_for_iter(code, *ip - 1, &it);
                }
                self.frames[fi].ip = *ip;
                if it.is_a::<crate::objects::generator::Generator>() {
                    drop(it);
                    return self.gen_for_iter(arg as usize, ip);
                }
                match self.next(&it)? {
                    Some(v) => self.stack.push(v),
                    None => {
                        self.pop();
                        *ip = arg as usize;
                    }
                }
            }
            Op::YIELD_VALUE => return self.gen_yield(*ip),
            Op::GET_YIELD_FROM_ITER => {
                let v = self.pop();
                let it = self.yield_from_iter(&v)?;
                self.stack.push(it);
            }
            Op::SEND => {
                self.frames[fi].ip = *ip;
                return self.send_op(arg as usize, ip);
            }
            Op::RAISE_VARARGS => {
                let cause = if arg == 2 { Some(self.pop()) } else { None };
                let exc = if arg >= 1 { Some(self.pop()) } else { None };
                return Err(self.do_raise(exc, cause));
            }
            Op::PUSH_EXC_INFO => {
                let exc = self.pop();
                let prev = self
                    .handled
                    .replace(exc.clone())
                    .unwrap_or_else(|| ctx().none.clone());
                self.stack.push(self.exc_info_saved(fi, prev));
                self.stack.push(exc);
            }
            Op::POP_EXCEPT => {
                let prev = self.pop();
                self.handled = self.exc_info_restored(fi, prev);
            }
            Op::CHECK_EXC_MATCH => {
                let ty = self.pop();
                let exc = self.top().clone();
                let m = self.exception_matches(&exc, &ty)?;
                self.stack.push(ops::bool_obj(m));
            }
            Op::RERAISE => {
                let exc = self.pop();
                return Err(Exc(exc));
            }
            Op::BEFORE_WITH => {
                let mgr = self.pop();
                let Some(enter) = self.with_method(&mgr, "__enter__")? else {
                    return Err(exceptions::type_error(format!(
                        "'{}' object does not support the context manager protocol",
                        crate::objects::typeobj::type_name(&mgr)
                    )));
                };
                let Some(exit) = self.with_method(&mgr, "__exit__")? else {
                    return Err(exceptions::type_error(format!(
                        "'{}' object does not support the context manager protocol \
                         (missed __exit__ method)",
                        crate::objects::typeobj::type_name(&mgr)
                    )));
                };
                self.stack.push(exit);
                drop(mgr);
                // __enter__() runs as a call: its result lands on the stack.
                self.frames[fi].ip = *ip;
                return self.call_pushing(enter, std::iter::empty().collect(), None);
            }
            Op::WITH_EXCEPT_START => {
                // (exit prev exc): exit(type(exc), exc, None), its result pushed.
                let n = self.stack.len();
                let exit = self.stack[n - 3].clone();
                let exc = self.stack[n - 1].clone();
                let ty = exc.type_obj().as_obj().clone();
                let tb = ops::traceback_object(&exc);
                let args = [ty, exc, tb].into_iter().collect();
                self.frames[fi].ip = *ip;
                return self.call_pushing(exit, args, None);
            }
            Op::LOAD_BUILD_CLASS => {
                let b = self.frame_builtins(fi);
                let key = string::intern_str("__build_class__");
                match self.dict_get(&b, &key)? {
                    Some(bc) => self.stack.push(bc),
                    None => {
                        return Err(exceptions::named("NameError", "__build_class__ not found"))
                    }
                }
            }
            Op::LOAD_ASSERTION_ERROR => {
                self.stack
                    .push(ctx().exc_type("AssertionError").as_obj().clone());
            }
            Op::IMPORT_NAME => {
                let fromlist = self.pop();
                let level = self.pop();
                let (globals, builtins) = (self.frame_globals(fi), self.frame_builtins(fi));
                let locals = self.frames[fi].locals.clone();
                let name = &code.names[arg as usize];
                let m = self.import_instr(name, fromlist, level, &globals, locals, &builtins)?;
                self.stack.push(m);
            }
            Op::IMPORT_FROM => {
                let m = self.top().clone();
                let v = self.import_from(&m, &code.names[arg as usize])?;
                self.stack.push(v);
            }
            Op::IMPORT_STAR => {
                let m = self.pop();
                let ns = self.namespace(fi);
                self.import_star(&m, &ns)?;
            }
            Op::SETUP_ANNOTATIONS => {
                let ns = self.namespace(fi);
                if self.dict_get_str(&ns, "__annotations__").is_none() {
                    self.dict_set_str(&ns, "__annotations__", dict::new())?;
                }
            }
            Op::PRINT_EXPR => {
                let v = self.pop();
                self.display_hook(&v)?;
            }
            // The specialized forms: run_frame sends them to `step_quick`, and their
            // misses come here with the family's general instruction.
            _ => unreachable!("{} is a specialized instruction", op.name()),
        }
        Ok(Flow::Next)
    }

    /// `__enter__` / `__exit__` of the manager's type, bound (CPython's
    /// _PyObject_LookupSpecial: a None there is returned, to
    /// fail when called).
    fn with_method(&mut self, mgr: &PyObj, name: &'static str) -> VmResult<Option<PyObj>> {
        let ty = mgr.type_obj();
        match self.type_lookup_static(&ty, name)? {
            Some(f) => self.bind_descriptor(f, Some(mgr), &ty).map(Some),
            None => Ok(None),
        }
    }

    /// The namespace of module-level code (its locals dict, else its globals).
    fn namespace(&self, fi: usize) -> PyObj {
        match &self.frames[fi].locals {
            Some(l) => l.clone(),
            None => self.frame_globals(fi),
        }
    }

    /// LOAD_GLOBAL from the inline cache, if its dict versions still match: a name
    /// in the globals is one keys-version check and a read of the entry; a builtin is
    /// the globals' version check (no name shadows it yet), then the same on the
    /// builtins. An empty cache has version 0, which never matches. The globals and
    /// builtins are borrowed as exact dicts (one type compare): a dict subclass
    /// (`exec` allows one) always takes the slow way, as in CPython.
    #[inline]
    pub(super) fn cached_global(&self, fi: usize, code: &Code, i: usize) -> Option<PyObj> {
        let e = code.global_cache[i].get();
        let f = &self.frames[fi];
        let exact = &self.ctx.dict_exact;
        // A function's frame reads its function's namespaces (in the slot below its
        // locals); other frames hold their own (both or neither).
        let func = match &f.globals {
            Some(_) => None,
            None => Some(self.stack[f.base - 1].get_exact(&self.ctx.function_exact)?),
        };
        let globals = match func {
            Some(func) => &func.globals,
            None => f.globals.as_ref()?,
        };
        let g = globals.borrow_exact(exact)?;
        if !e.in_builtins {
            return g.0.cached_value(e.globals_version, e.pos as usize);
        }
        if !g.0.has_version(e.globals_version) {
            return None;
        }
        drop(g);
        let builtins = match func {
            Some(func) => &func.builtins,
            None => f.builtins.as_ref()?,
        };
        let b = builtins.borrow_exact(exact)?;
        b.0.cached_value(e.builtins_version, e.pos as usize)
    }

    /// STORE_GLOBAL (and STORE_NAME in module code) through LOAD_GLOBAL's cache: a
    /// name already in the globals, whose keys have not changed since, gets its new
    /// value in place. Ok(old value); Err(value) when the slow way must run.
    #[inline]
    fn store_global_cached(
        &self,
        fi: usize,
        code: &Code,
        i: usize,
        v: PyObj,
    ) -> Result<PyObj, PyObj> {
        let f = &self.frames[fi];
        if f.locals.is_some() {
            return Err(v);
        }
        let e = code.global_cache[i].get();
        if e.globals_version == 0 || e.in_builtins {
            return Err(v);
        }
        match &f.globals {
            Some(g) => dict::replace_at(g, e.globals_version, e.pos as usize, v),
            None => self.store_function_global(f, e.globals_version, e.pos as usize, v),
        }
    }

    /// `store_global_cached` in a function's frame (a `global` statement's store),
    /// through its function's globals: out of line, so that module code's stores
    /// (the loop variables of module-level loops) keep the inlined path short.
    #[inline(never)]
    fn store_function_global(
        &self,
        f: &Frame,
        version: u64,
        pos: usize,
        v: PyObj,
    ) -> Result<PyObj, PyObj> {
        dict::replace_at(&self.frame_function(f).globals, version, pos, v)
    }

    /// STORE_NAME in module code the slow way (the namespace is the globals), then
    /// fill LOAD_GLOBAL's cache for the name, so the next store (the loop variable of
    /// a module-level `for`, which no load may ever have cached) is made in place.
    #[inline(never)]
    fn store_name_and_cache(&mut self, fi: usize, code: &Code, i: usize, v: PyObj) -> VmResult<()> {
        let ns = self.namespace(fi);
        self.ns_set(&ns, code.names[i].clone(), v)?;
        // Names in code are interned: found by identity or str equality alone. Only an
        // exact dict (a subclass's `__setitem__` has its say on every store).
        let g = &self.frame_globals(fi);
        if !g.is_type(&self.ctx.dict_type) {
            return Ok(());
        }
        if let Some(c) = quick::module_entry(g, &code.names[i]) {
            code.global_cache[i].set(GlobalCache {
                globals_version: c.version,
                builtins_version: 0,
                pos: c.index,
                in_builtins: false,
            });
        }
        Ok(())
    }

    /// LOAD_GLOBAL the slow way, then fill the cache for next time.
    fn load_global_and_cache(&mut self, fi: usize, code: &Code, i: usize) -> VmResult<PyObj> {
        let name = &code.names[i];
        let v = self.load_global(fi, name)?;
        let h = self.hash(name)?;
        let mut eq = ops::table_eq(self);
        let (globals, builtins) = (self.frame_globals(fi), self.frame_builtins(fi));
        let entry = {
            let g = dict::borrow(&globals);
            let b = dict::borrow(&builtins);
            match (g, b) {
                (Some(g), Some(b)) => match g.0.find(name, h, &mut eq)? {
                    Some(pos) => Some(GlobalCache {
                        globals_version: g.0.version(),
                        builtins_version: 0,
                        pos: pos as u32,
                        in_builtins: false,
                    }),
                    None => b.0.find(name, h, &mut eq)?.map(|pos| GlobalCache {
                        globals_version: g.0.version(),
                        builtins_version: b.0.version(),
                        pos: pos as u32,
                        in_builtins: true,
                    }),
                },
                _ => None,
            }
        };
        if let Some(e) = entry {
            code.global_cache[i].set(e);
        }
        Ok(v)
    }

    /// LOAD_GLOBAL: globals, then builtins; NameError otherwise.
    fn load_global(&mut self, fi: usize, name: &PyObj) -> VmResult<PyObj> {
        let g = self.frame_globals(fi);
        if let Some(v) = self.dict_get(&g, name)? {
            return Ok(v);
        }
        let b = self.frame_builtins(fi);
        if let Some(v) = self.dict_get(&b, name)? {
            return Ok(v);
        }
        Err(name_error(name))
    }

    /// del name from a namespace dict; NameError when missing.
    pub(crate) fn dict_delete_name(&mut self, d: &PyObj, name: &PyObj) -> VmResult<()> {
        match self.dict_del(d, name)? {
            Some(_) => Ok(()),
            None => Err(name_error(name)),
        }
    }

    /// The exception `raise exc from cause` raises.
    fn do_raise(&mut self, exc: Option<PyObj>, cause: Option<PyObj>) -> Exc {
        let Some(exc) = exc else {
            return match &self.handled {
                Some(h) => Exc(h.clone()),
                None => exceptions::named("RuntimeError", "No active exception to reraise"),
            };
        };
        let exc = match self.instantiate_exception(&exc) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if let Some(cause) = cause {
            let cause = if cause.is(&ctx().none) {
                None
            } else {
                match self.instantiate_exception(&cause) {
                    Ok(c) => Some(c),
                    Err(_) => {
                        return exceptions::type_error(
                            "exception causes must derive from BaseException",
                        )
                    }
                }
            };
            exceptions::set_cause(&exc, cause);
        }
        Exc(exc)
    }

    /// An exception instance from `raise X`: X itself, or X() for a class.
    fn instantiate_exception(&mut self, x: &PyObj) -> Result<PyObj, Exc> {
        if exceptions::is_exception(x) {
            return Ok(x.clone());
        }
        if exceptions::is_exception_class(x) {
            return self.call(x, crate::objects::args::Args::positional(&[]));
        }
        Err(exceptions::type_error(
            "exceptions must derive from BaseException",
        ))
    }

    /// Does exception `exc` match `ty` (a class or a tuple of classes)?
    fn exception_matches(&mut self, exc: &PyObj, ty: &PyObj) -> VmResult<bool> {
        let classes: Vec<PyObj> = match tuple::items(ty) {
            Some(items) => items.to_vec(),
            None => vec![ty.clone()],
        };
        for c in &classes {
            if !exceptions::is_exception_class(c) {
                return Err(exceptions::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        let ety = exc.type_obj();
        Ok(classes.iter().any(|c| {
            crate::heap::TypeRef::from_obj::<crate::objects::typeobj::TypeInfo>(c)
                .is_some_and(|t| crate::objects::typeobj::is_subtype(&ety, &t))
        }))
    }

    /// Unpack exactly `n` values from an iterable.
    fn unpack(&mut self, seq: &PyObj, n: usize) -> VmResult<Vec<PyObj>> {
        if let Some(items) = tuple::items(seq) {
            if items.len() == n {
                return Ok(items.to_vec());
            }
        }
        let it = match self.iter(seq) {
            Ok(it) => it,
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("TypeError")) => {
                return Err(exceptions::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    crate::objects::typeobj::type_name(seq)
                )))
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(n);
        while let Some(v) = self.next(&it)? {
            if out.len() == n {
                return Err(exceptions::value_error(format!(
                    "too many values to unpack (expected {n})"
                )));
            }
            out.push(v);
        }
        if out.len() < n {
            return Err(exceptions::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                out.len()
            )));
        }
        Ok(out)
    }
}

fn name_error(name: &PyObj) -> Exc {
    let n = string::as_str(name).unwrap_or_default();
    exceptions::named("NameError", format!("name '{n}' is not defined"))
}

pub(super) fn unbound_local(code: &Code, arg: u32) -> Exc {
    let n = string::as_str(&code.varnames[arg as usize]).unwrap_or_default();
    exceptions::named(
        "UnboundLocalError",
        format!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

fn unbound_deref(code: &Code, arg: u32) -> Exc {
    let i = arg as usize;
    if i < code.cellvars.len() {
        let n = string::as_str(&code.cellvars[i]).unwrap_or_default();
        exceptions::named(
            "UnboundLocalError",
            format!("cannot access local variable '{n}' where it is not associated with a value"),
        )
    } else {
        let n = string::as_str(&code.freevars[i - code.cellvars.len()]).unwrap_or_default();
        exceptions::named(
            "NameError",
            format!(
                "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
            ),
        )
    }
}
