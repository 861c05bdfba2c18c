//! Generators in the VM: a generator function's call makes a generator holding the new
//! frame; FOR_ITER and SEND resume it on the frame stack of the same eval loop (no Rust
//! recursion); Rust code (list(g), g.send(v), ...) resumes it through a nested loop
//! that counts against the recursion limit. Yields, returns, throw / close, `yield
//! from` delegation and PEP 479 are here; the generator object is objects/generator.rs.

use crate::bytecode::Op;
use crate::heap::{ExactType, PyObj};
use crate::objects::builtin_function::MethodDef;
use crate::objects::code::Code;
use crate::objects::generator::{self, GenState, Generator};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, tuple, typeobj};

use super::call::Flow;
use super::{Frame, Vm};
use crate::objects::args::Args;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

/// What a resumed generator (or any iterator sent a value) did.
pub enum GenResult {
    /// It yielded this value.
    Yield(PyObj),
    /// It returned this value (StopIteration's value).
    Return(PyObj),
}

/// What a generator resumed at its yield receives.
enum Sent {
    /// Nothing is pushed (a first start, or the caller sets up the frame itself).
    Nothing,
    /// The value of the yield expression (None: the None object).
    Value(Option<PyObj>),
}

/// Who resumes a generator's frame: the Rust caller (an entry frame), a FOR_ITER, or
/// the SEND of a generator's `yield from` (whose YIELD_VALUE passes the value on).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Resumer {
    Rust,
    ForIter,
    Send,
}

/// The code and generator types as their payloads' types (`Vm::gen_types`): a
/// resume and a yield read those objects with one compare of the type pointer
/// (generators and code objects are never made with another type).
pub(crate) struct GenTypes {
    code: ExactType<Code>,
    gen: ExactType<Generator>,
}

impl GenTypes {
    pub(crate) fn new(c: &crate::objects::context::Ctx) -> Self {
        GenTypes {
            code: ExactType::new(&c.code_type).expect("code holds Code"),
            gen: ExactType::new(&c.generator_type).expect("generator holds Generator"),
        }
    }

    /// A generator's payload and saved slots.
    #[inline]
    fn gen<'a>(&self, g: &'a PyObj) -> (&'a Generator, &'a [generator::Slot]) {
        let gen = g.get_exact(&self.gen).expect("a generator");
        let (_, items) = g.var_exact(&self.gen).expect("a generator");
        (gen, items)
    }

    /// The code object a generator runs.
    #[inline]
    fn code<'a>(&self, gen: &'a Generator) -> &'a Code {
        gen.code
            .get_exact(&self.code)
            .expect("a generator runs a code object")
    }
}

fn gen_of(g: &PyObj) -> &Generator {
    g.get::<Generator>().expect("a generator")
}

fn code_of(gen: &Generator) -> &Code {
    gen.code
        .get::<Code>()
        .expect("a generator runs a code object")
}

fn none() -> PyObj {
    ctx().none.clone()
}

fn already_executing() -> Exc {
    exceptions::value_error("generator already executing")
}

fn cant_send_non_none() -> Exc {
    exceptions::type_error("can't send non-None value to a just-started generator")
}

fn is_exc(e: &Exc, name: &str) -> bool {
    exceptions::matches(&e.0, ctx().exc_type(name))
}

/// StopIteration's value: its first argument, or None.
fn stop_value(e: &Exc) -> PyObj {
    let args = exceptions::args(&e.0);
    tuple::items(&args)
        .and_then(|a| a.first().cloned())
        .unwrap_or_else(none)
}

/// The StopIteration a generator's `return v` raises to a Rust caller (CPython's
/// _PyGen_SetStopIterationValue: no argument for None).
pub fn stop_iteration(v: PyObj) -> Exc {
    if v.is(&ctx().none) {
        return exceptions::named_empty("StopIteration");
    }
    Exc(exceptions::new_exc(
        ctx().exc_type("StopIteration"),
        vec![v],
    ))
}

impl Vm {
    /// A generator function's call, its locals and cells bound on the stack from
    /// `base`, the function below them: the generator takes the function and those
    /// slots (moved, not counted again) and is pushed in place of what the call
    /// consumed from `floor`.
    pub(crate) fn make_generator(
        &mut self,
        func: &PyObj,
        f: &crate::objects::function::FunctionState,
        c: &Code,
        floor: usize,
        base: usize,
    ) -> VmResult<()> {
        let n = c.nlocals() + c.cellvars.len() + c.freevars.len() + c.max_stack as usize;
        let function = func
            .get::<crate::objects::function::Function>()
            .expect("a generator function");
        let payload = Generator::new(
            f.code.clone(),
            f.name.clone(),
            f.qualname.clone(),
            function.globals.clone(),
            function.builtins.clone(),
        );
        payload
            .saved
            .set(self.stack.len().saturating_sub(base) as u32);
        // The slots move as one block into the new object's items, the rest empty.
        let g =
            PyObj::new_var_from_stack(&self.ctx.generator_type, payload, n, &mut self.stack, base);
        let Some(g) = g else {
            self.stack.truncate(floor);
            return Err(exceptions::memory_error());
        };
        let func = self.stack.pop();
        self.gen_types.gen(&g).0.func.set(func);
        self.stack.truncate(floor);
        self.stack.push(g);
        Ok(())
    }

    /// Move a suspended (or new) generator's frame onto the frame stack. Its saved
    /// slots move to the value stack, and its globals and builtins into the frame
    /// (no reference count changes) until it suspends again; `sent` is what its
    /// yield evaluates to. The frame keeps `g`: a FOR_ITER or SEND resumer's
    /// reference (taken off its stack until the generator yields or returns), or a
    /// Rust caller's new one.
    #[inline(never)]
    fn gen_push_frame(&mut self, g: PyObj, sent: Sent) -> VmResult<()> {
        self.push_gen_frame(g, Resumer::Rust, sent)
    }

    /// `gen_push_frame`'s body, inlined into the resumes of FOR_ITER, SEND and next().
    /// A generator resumed with None at the yield of a `yield from` over a suspended
    /// generator resumes that one too (`resume_delegates`).
    #[inline(always)]
    fn push_gen_frame(&mut self, g: PyObj, by: Resumer, sent: Sent) -> VmResult<()> {
        self.check_recursion()?;
        if let Some(d) = self.push_gen_level(g, by, sent) {
            self.resume_delegates(d);
        }
        Ok(())
    }

    /// The delegates of a chain of `yield from`s resumed with None, from the frame
    /// just pushed down: each one's SEND is done here as the instruction would do it
    /// (the delegating frame's ip after its SEND, the delegate's reference moved into
    /// its frame, whose room below the recursion limit `delegate_at` checked), one
    /// frame pushed per level as the eval loop would push them, without the loop
    /// reloading each level's frame to run its JUMP and SEND. 3.11 also resumes the
    /// innermost frame through each level.
    #[inline(never)]
    fn resume_delegates(&mut self, mut d: PyObj) {
        while let Some(next) = self.push_gen_level(d, Resumer::Send, Sent::Value(None)) {
            d = next;
        }
    }

    /// Push one generator's frame (`gen_push_frame`); the generator it resumes in turn
    /// at the SEND of its `yield from`, taken off its stack, if any.
    #[inline(always)]
    fn push_gen_level(&mut self, g: PyObj, by: Resumer, sent: Sent) -> Option<PyObj> {
        let (gen, items) = self.gen_types.gen(&g);
        let c = self.gen_types.code(gen);
        let n = gen.saved.replace(0) as usize;
        let base = self.stack.len();
        self.stack
            .extend(items[..n].iter().map(|s| s.take().expect("a saved slot")));
        let stack_base = base + c.nlocals() + c.cellvars.len() + c.freevars.len();
        // gi_exc_state: the generator's handled exception replaces the resumer's,
        // which waits in the generator until it suspends again (nothing to do when
        // neither has one, the common case).
        match gen.exc_state.take() {
            Some(mine) => {
                let resumer = self.handled.replace(mine);
                gen.exc_state.set(resumer);
            }
            None => {
                if self.handled.is_some() {
                    gen.exc_state.set(self.handled.clone());
                }
            }
        }
        gen.state.set(GenState::Running);
        if by == Resumer::Send {
            // Cleared at its next yield (a suspended generator's flag is clear).
            gen.by_send.set(true);
        }
        let mut ip = gen.ip.get() as usize;
        let mut delegate = None;
        if let Sent::Value(v) = sent {
            // A None that the next instruction discards (a `yield` statement's
            // POP_TOP) is not pushed: the frame resumes after that instruction.
            let none_sent = v.as_ref().is_none_or(|v| v.is(&self.ctx.none));
            if none_sent && c.instrs.get(ip).is_some_and(|i| i.get().op == Op::POP_TOP) {
                ip += 1;
            } else if let Some(send) = none_sent.then(|| self.delegate_at(c, ip)).flatten() {
                // The `yield from` loop's JUMP and SEND, done by the caller: the
                // delegate leaves the stack for its frame, the None is not pushed.
                ip = send + 1;
                delegate = self.stack.pop();
                drop(v);
            } else {
                self.stack.push(v.unwrap_or_else(none));
            }
        }
        let globals = gen.globals.take().unwrap_or_else(crate::objects::dict::new);
        let builtins = gen.builtins.take().unwrap_or_else(|| self.builtins.clone());
        let code = gen.code.clone();
        self.push_frame_record(|| Frame {
            ip,
            entry: by == Resumer::Rust,
            gen: Some(g),
            globals: Some(globals),
            builtins: Some(builtins),
            ..Frame::new(code, base, base, stack_base)
        });
        self.depth += 1;
        delegate
    }

    /// The SEND a generator resumed at `ip` with None goes on to, when that is the
    /// `yield from` loop (a JUMP back to its SEND) over a suspended generator, on top
    /// of the frame's restored stack, whose frame can be pushed too (the recursion
    /// limit leaves room for it; else the loop runs the SEND and raises there).
    #[inline(always)]
    fn delegate_at(&self, c: &Code, ip: usize) -> Option<usize> {
        let j = c.instrs.get(ip)?.get();
        if j.op != Op::JUMP {
            return None;
        }
        let send = j.arg as usize;
        if c.instrs.get(send)?.get().op != Op::SEND || self.depth + 1 >= self.recursion_limit {
            return None;
        }
        let d = self.stack.last()?.get_exact(&self.gen_types.gen)?;
        (d.state.get() == GenState::Suspended).then_some(send)
    }

    /// The generator's frame leaves the frame stack: give the resumer back its
    /// handled exception, keeping the generator's own when it suspends inside a handler.
    #[inline]
    fn gen_leave(&mut self, gen: &Generator, suspending: bool) {
        let resumer = gen.exc_state.take();
        if resumer.is_none() && self.handled.is_none() {
            return;
        }
        let mine = std::mem::replace(&mut self.handled, resumer.clone());
        if suspending {
            if let Some(m) = mine {
                if !resumer.as_ref().is_some_and(|r| r.is(&m)) {
                    gen.exc_state.set(Some(m));
                }
            }
        }
    }

    /// PUSH_EXC_INFO in frame `fi` saves `prev`, the handled exception it replaces. In
    /// a generator's frame the resumer's exception (which `handled` shows while the
    /// generator has none of its own) is saved as None: the generator may be resumed
    /// later by another caller, handling something else (CPython's exc_info chain).
    pub(super) fn exc_info_saved(&self, fi: usize, prev: PyObj) -> PyObj {
        let Some(g) = &self.frames[fi].gen else {
            return prev;
        };
        match Generator::peek(&gen_of(g).exc_state) {
            Some(resumer) if resumer.is(&prev) => none(),
            _ => prev,
        }
    }

    /// POP_EXCEPT in frame `fi` restores `prev`: None in a generator's frame is the
    /// resumer's exception (the generator has none of its own).
    pub(super) fn exc_info_restored(&self, fi: usize, prev: PyObj) -> Option<PyObj> {
        if !prev.is(&self.ctx.none) {
            return Some(prev);
        }
        let g = self.frames[fi].gen.as_ref()?;
        Generator::peek(&gen_of(g).exc_state)
    }

    /// YIELD_VALUE: save the frame into its generator and hand the value to the
    /// resumer (the frame below, with its reference to the generator back on its
    /// stack, or the Rust caller for an entry frame). A resumer that is a generator's
    /// frame waiting at the SEND of a `yield from` yields the value in turn, here (its
    /// YIELD_VALUE comes next), and so on up the chain.
    pub(super) fn gen_yield(&mut self, mut ip: usize) -> VmResult<Flow> {
        let v = self.stack.pop().expect("the yielded value");
        loop {
            let Frame {
                gen: g,
                globals,
                builtins,
                base,
                entry,
                ..
            } = self.frames.pop().expect("frame");
            self.depth -= 1;
            let g = g.expect("YIELD_VALUE runs in a generator's frame");
            let (gen, items) = self.gen_types.gen(&g);
            let n = self.stack.len() - base;
            assert!(n <= items.len(), "a generator's frame outgrew its slots");
            crate::heap::stash_stack_tail(&mut self.stack, &items[..n]);
            gen.globals.set(globals);
            gen.builtins.set(builtins);
            gen.saved.set(n as u32);
            gen.ip.set(ip as u32);
            gen.state.set(GenState::Suspended);
            let by_send = gen.by_send.get();
            if by_send {
                gen.by_send.set(false);
            }
            self.gen_leave(gen, true);
            if entry {
                return Ok(Flow::Return(v));
            }
            self.stack.push(g);
            match by_send.then(|| self.delegating_yield()).flatten() {
                Some(next) => ip = next,
                None => {
                    self.stack.push(v);
                    return Ok(Flow::Switch);
                }
            }
        }
    }

    /// The ip after the YIELD_VALUE the top frame runs next, when it is a generator's
    /// frame that resumed its delegate by the SEND of a `yield from`.
    #[inline(always)]
    fn delegating_yield(&self) -> Option<usize> {
        let f = self.frames.last()?;
        f.gen.as_ref()?;
        let c = f.code.get_exact(&self.gen_types.code)?;
        let at = c.instrs.get(f.ip.checked_sub(1)?)?.get().op;
        let next = c.instrs.get(f.ip)?.get().op;
        (at == Op::SEND && next == Op::YIELD_VALUE).then_some(f.ip + 1)
    }

    /// RETURN_VALUE in a generator's frame (already popped): the generator is done;
    /// the resumer's FOR_ITER ends its loop, its SEND gets the value (the resumer's
    /// reference to the generator is the frame's, off its stack).
    pub(super) fn gen_returned(&mut self, g: &PyObj, entry: bool, v: PyObj) -> VmResult<Flow> {
        let gen = self.gen_types.gen(g).0;
        gen.state.set(GenState::Completed);
        drop(gen.func.take());
        self.gen_leave(gen, false);
        if entry {
            return Ok(Flow::Return(v));
        }
        let f = self.frames.last_mut().expect("the generator's resumer");
        let code = f.code.get::<Code>().expect("code");
        let resumer = code.instrs[f.ip - 1].get();
        f.ip = resumer.arg as usize;
        match resumer.op.deopt() {
            Op::FOR_ITER => {}
            Op::SEND => self.stack.push(v),
            op => unreachable!("a generator resumed by {op:?}"),
        }
        Ok(Flow::Switch)
    }

    /// An exception leaves a generator's frame (already popped): the generator is
    /// done, and a StopIteration becomes RuntimeError (PEP 479).
    pub(super) fn gen_raised(&mut self, g: &PyObj, exc: Exc) -> Exc {
        let gen = self.gen_types.gen(g).0;
        gen.state.set(GenState::Completed);
        drop(gen.func.take());
        self.gen_leave(gen, false);
        if is_exc(&exc, "StopIteration") {
            let e = exceptions::named("RuntimeError", "generator raised StopIteration");
            exceptions::set_cause(&e.0, Some(exc.0.clone()));
            exceptions::set_context(&e.0, exc.0);
            return e;
        }
        exc
    }

    /// FOR_ITER over the generator on top of the stack: resume it on the frame
    /// stack, its reference moved into its frame until it yields (or popped for
    /// good, as the loop's end pops its iterator).
    pub(super) fn gen_for_iter(&mut self, target: usize, ip: &mut usize) -> VmResult<Flow> {
        let g = self.stack.pop().expect("the generator");
        let sent = match self.gen_types.gen(&g).0.state.get() {
            GenState::Suspended => Sent::Value(None),
            GenState::Created => Sent::Nothing,
            GenState::Completed => {
                *ip = target;
                return Ok(Flow::Next);
            }
            GenState::Running => {
                self.stack.push(g);
                return Err(already_executing());
            }
        };
        self.push_gen_frame(g, Resumer::ForIter, sent)?;
        Ok(Flow::Switch)
    }

    /// GET_YIELD_FROM_ITER.
    pub(super) fn yield_from_iter(&mut self, v: &PyObj) -> VmResult<PyObj> {
        if v.is_a::<Generator>() {
            return Ok(v.clone());
        }
        self.iter(v)
    }

    /// SEND: a generator receiver is resumed on the frame stack (its reference moved
    /// into its frame, as FOR_ITER's); any other iterator is driven now (next() for
    /// None, else its send method).
    pub(super) fn send_op(&mut self, target: usize, ip: &mut usize) -> VmResult<Flow> {
        let sent = self.stack.pop().expect("the sent value");
        let receiver = self.stack.last().expect("the receiver");
        if let Some(gen) = receiver.get_exact(&self.gen_types.gen) {
            let started = match gen.state.get() {
                GenState::Running => return Err(already_executing()),
                GenState::Completed => None,
                GenState::Created => {
                    if !sent.is(&ctx().none) {
                        return Err(cant_send_non_none());
                    }
                    Some(false)
                }
                GenState::Suspended => Some(true),
            };
            if let Some(started) = started {
                let g = self.stack.pop().expect("the receiver");
                let sent = if started {
                    Sent::Value(Some(sent))
                } else {
                    Sent::Nothing
                };
                self.push_gen_frame(g, Resumer::Send, sent)?;
                return Ok(Flow::Switch);
            }
        }
        let receiver = receiver.clone();
        match self.iter_send(&receiver, sent)? {
            GenResult::Yield(v) => self.stack.push(v),
            GenResult::Return(v) => {
                self.stack.pop();
                self.stack.push(v);
                *ip = target;
            }
        }
        Ok(Flow::Next)
    }

    /// Send a value into any iterator: next() for None, else its `send` method.
    fn iter_send(&mut self, it: &PyObj, sent: PyObj) -> VmResult<GenResult> {
        if it.is_a::<Generator>() {
            return self.gen_send(it, Some(sent));
        }
        let r = if sent.is(&ctx().none) {
            match self.next(it) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => return Ok(GenResult::Return(none())),
                Err(e) => Err(e),
            }
        } else {
            let m = self.getattr(it, &crate::objects::string::intern_str("send"))?;
            self.call(&m, Args::positional(&[sent]))
        };
        match r {
            Ok(v) => Ok(GenResult::Yield(v)),
            Err(e) if is_exc(&e, "StopIteration") => Ok(GenResult::Return(stop_value(&e))),
            Err(e) => Err(e),
        }
    }

    /// Run a generator frame just pushed as an entry frame until it yields or ends.
    fn gen_run(&mut self, g: &PyObj) -> VmResult<GenResult> {
        let v = self.run_frame()?;
        Ok(
            if self.gen_types.gen(g).0.state.get() == GenState::Completed {
                GenResult::Return(v)
            } else {
                GenResult::Yield(v)
            },
        )
    }

    /// next(g) from Rust (the generator type's iternext): the yielded value, or None
    /// once it has returned (its value dropped, as gen_iternext drops it).
    pub fn gen_iternext(&mut self, g: &PyObj) -> VmResult<Option<PyObj>> {
        let sent = match self.gen_types.gen(g).0.state.get() {
            GenState::Suspended => Sent::Value(None),
            GenState::Created => Sent::Nothing,
            GenState::Completed => return Ok(None),
            GenState::Running => return Err(already_executing()),
        };
        self.push_gen_frame(g.clone(), Resumer::Rust, sent)?;
        let v = self.run_frame()?;
        Ok((self.gen_types.gen(g).0.state.get() != GenState::Completed).then_some(v))
    }

    /// Resume `g` from Rust with `sent` (None: next()); CPython's gen_send_ex.
    pub fn gen_send(&mut self, g: &PyObj, sent: Option<PyObj>) -> VmResult<GenResult> {
        match self.gen_types.gen(g).0.state.get() {
            GenState::Running => Err(already_executing()),
            GenState::Completed => Ok(GenResult::Return(none())),
            GenState::Created => {
                if sent.as_ref().is_some_and(|s| !s.is(&ctx().none)) {
                    return Err(cant_send_non_none());
                }
                self.gen_push_frame(g.clone(), Sent::Nothing)?;
                self.gen_run(g)
            }
            GenState::Suspended => {
                self.gen_push_frame(g.clone(), Sent::Value(sent))?;
                self.gen_run(g)
            }
        }
    }

    /// The iterator a suspended generator delegates to (`yield from`), and the
    /// target of its SEND.
    fn gen_yield_from(g: &PyObj) -> Option<(PyObj, usize)> {
        let gen = gen_of(g);
        if gen.state.get() != GenState::Suspended {
            return None;
        }
        let c = code_of(gen);
        let ip = gen.ip.get() as usize;
        if ip == 0 || c.instrs[ip - 1].get().op != Op::YIELD_VALUE {
            return None;
        }
        let j = c.instrs.get(ip)?.get();
        let s = c.instrs.get(j.arg as usize)?.get();
        if j.op != Op::JUMP || s.op != Op::SEND {
            return None;
        }
        let n = gen.saved.get() as usize;
        let items = g.items::<Generator>()?;
        let receiver = Generator::peek(items.get(n.checked_sub(1)?)?)?;
        Some((receiver, s.arg as usize))
    }

    /// Throw `exc` into `g` at its yield (CPython's _gen_throw), delegating to the
    /// iterator of a `yield from` first.
    pub fn gen_throw(&mut self, g: &PyObj, mut exc: PyObj) -> VmResult<GenResult> {
        let gen = gen_of(g);
        match gen.state.get() {
            GenState::Running => return Err(already_executing()),
            GenState::Completed => return Err(Exc(exc)),
            GenState::Created => {
                // Raised before the first instruction (traceback line: the def).
                self.gen_discard(g);
                exceptions::add_traceback(&exc, &gen.code, u32::MAX);
                return Err(Exc(exc));
            }
            GenState::Suspended => {}
        }
        if let Some((yf, target)) = Self::gen_yield_from(g) {
            let is_exit = exceptions::matches(&exc, ctx().exc_type("GeneratorExit"));
            self.check_recursion()?;
            self.depth += 1;
            let r = if is_exit {
                self.close_iter(&yf).map(|()| None)
            } else if yf.is_a::<Generator>() {
                self.gen_throw(&yf, exc.clone()).map(Some)
            } else {
                match self.lookup_method(&yf, &crate::objects::string::intern_str("throw"))? {
                    Some(m) => self
                        .call(&m, Args::positional(&[yf.clone(), exc.clone()]))
                        .map(|v| Some(GenResult::Yield(v))),
                    None => Ok(None),
                }
            };
            self.depth -= 1;
            match r {
                Ok(None) => {}
                Ok(Some(GenResult::Yield(v))) => return Ok(GenResult::Yield(v)),
                Ok(Some(GenResult::Return(v))) => return self.gen_finish_send(g, target, v),
                Err(e) if !is_exit && is_exc(&e, "StopIteration") => {
                    return self.gen_finish_send(g, target, stop_value(&e))
                }
                Err(e) => exc = e.0,
            }
        }
        let at = gen.ip.get() as usize - 1;
        self.gen_push_frame(g.clone(), Sent::Nothing)?;
        self.unwind(Exc(exc), at, false)?;
        self.gen_run(g)
    }

    /// The delegate of a suspended `yield from` returned `v`: resume after its SEND.
    fn gen_finish_send(&mut self, g: &PyObj, target: usize, v: PyObj) -> VmResult<GenResult> {
        let gen = gen_of(g);
        let n = gen.saved.get() as usize;
        let items = g.items::<Generator>().expect("a generator's slots");
        let receiver = items[n - 1].replace(Some(v));
        drop(receiver);
        gen.ip.set(target as u32);
        self.gen_push_frame(g.clone(), Sent::Nothing)?;
        self.gen_run(g)
    }

    /// Close any iterator: a generator's close(), else its close method if it has one.
    fn close_iter(&mut self, it: &PyObj) -> VmResult<()> {
        if it.is_a::<Generator>() {
            return self.gen_close(it);
        }
        if let Some(m) = self.lookup_method(it, &crate::objects::string::intern_str("close"))? {
            self.call(&m, Args::positional(std::slice::from_ref(it)))?;
        }
        Ok(())
    }

    /// generator.close(): GeneratorExit at the yield; the generator must not yield.
    pub fn gen_close(&mut self, g: &PyObj) -> VmResult<()> {
        match gen_of(g).state.get() {
            GenState::Running => Err(already_executing()),
            GenState::Created | GenState::Completed => {
                self.gen_discard(g);
                Ok(())
            }
            GenState::Suspended => {
                let exc = exceptions::new_exc(ctx().exc_type("GeneratorExit"), vec![]);
                match self.gen_throw(g, exc) {
                    Ok(GenResult::Yield(_)) => Err(exceptions::named(
                        "RuntimeError",
                        "generator ignored GeneratorExit",
                    )),
                    Ok(GenResult::Return(_)) => Ok(()),
                    Err(e) if is_exc(&e, "GeneratorExit") || is_exc(&e, "StopIteration") => Ok(()),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// Mark `g` finished and drop its saved frame.
    fn gen_discard(&mut self, g: &PyObj) {
        let items = g.items::<Generator>().expect("a generator's slots");
        drop(gen_of(g).finish(items));
    }
}

impl Vm {
    /// Close the unfinished generators freed since the last call (CPython closes them
    /// as they are freed); an error there is reported and ignored, as CPython's
    /// "Exception ignored in" does.
    pub(crate) fn run_pending_closes(&mut self) {
        while let Some(g) = generator::take_pending_close() {
            if let Err(e) = self.gen_close(&g) {
                self.flush();
                let what = self.repr(&g).unwrap_or_default();
                eprintln!("Exception ignored in: {what}");
                self.report_uncaught(&e.0);
            }
            drop(g);
        }
    }
}

fn gen_obj(o: &PyObj) -> VmResult<&Generator> {
    crate::objects::descr::expect::<Generator>(o, "generator")
}
fn gi_name(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(gen_obj(o)?.name.clone())
}
fn gi_qualname(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(gen_obj(o)?.qualname.clone())
}
fn gi_code(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(gen_obj(o)?.code.clone())
}
fn gi_running(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::ops::bool_obj(
        gen_obj(o)?.state.get() == GenState::Running,
    ))
}
fn gi_suspended(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::ops::bool_obj(
        gen_obj(o)?.state.get() == GenState::Suspended,
    ))
}
fn gi_yieldfrom(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    gen_obj(o)?;
    Ok(Vm::gen_yield_from(o).map_or_else(none, |(r, _)| r))
}

/// The generator type's getset descriptors.
pub static GETSETS: &[crate::objects::descr::GetSetDef] = &[
    crate::objects::descr::GetSetDef::getter("gi_code", gi_code),
    crate::objects::descr::GetSetDef::getter("__name__", gi_name),
    crate::objects::descr::GetSetDef::getter("__qualname__", gi_qualname),
    crate::objects::descr::GetSetDef::getter("gi_yieldfrom", gi_yieldfrom),
    crate::objects::descr::GetSetDef::getter("gi_running", gi_running),
    crate::objects::descr::GetSetDef::getter("gi_suspended", gi_suspended),
];

fn self_gen<'a>(args: &Args<'a>, name: &str) -> VmResult<&'a PyObj> {
    match args.pos().first() {
        Some(g) if g.is_a::<Generator>() => Ok(g),
        _ => Err(exceptions::type_error(format!(
            "descriptor '{name}' requires a 'generator' object"
        ))),
    }
}

fn yielded_or_stop(r: GenResult) -> VmResult<PyObj> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(stop_iteration(v)),
    }
}

fn gen_send_method(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.range("send", 2, 2).map_err(|_| {
        exceptions::type_error(format!(
            "generator.send() takes exactly one argument ({} given)",
            args.all.len().saturating_sub(1)
        ))
    })?;
    let g = self_gen(&args, "send")?;
    let r = vm.gen_send(g, Some(pos[1].clone()))?;
    yielded_or_stop(r)
}

/// The exception `throw(typ, val)` raises (CPython's _gen_throw argument rules).
fn throw_exception(vm: &mut Vm, typ: &PyObj, val: Option<&PyObj>) -> VmResult<PyObj> {
    let val = val.filter(|v| !v.is(&ctx().none));
    if exceptions::is_exception_class(typ) {
        let Some(v) = val else {
            return vm.call(typ, Args::positional(&[]));
        };
        let ty = crate::heap::TypeRef::from_obj::<typeobj::TypeInfo>(typ).expect("a class");
        if exceptions::is_exception(v) && typeobj::is_subtype(&v.type_obj(), &ty) {
            return Ok(v.clone());
        }
        return match tuple::items(v) {
            Some(items) => {
                let items = items.to_vec();
                vm.call(typ, Args::positional(&items))
            }
            None => vm.call(typ, Args::positional(std::slice::from_ref(v))),
        };
    }
    if exceptions::is_exception(typ) {
        if val.is_some() {
            return Err(exceptions::type_error(
                "instance exception may not have a separate value",
            ));
        }
        return Ok(typ.clone());
    }
    Err(exceptions::type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        typeobj::type_name(typ)
    )))
}

fn gen_throw_method(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("throw")?;
    let g = self_gen(&args, "throw")?;
    let rest = &args.pos()[1..];
    if rest.is_empty() || rest.len() > 3 {
        let msg = if rest.is_empty() {
            "throw expected at least 1 argument, got 0".to_string()
        } else {
            format!("throw expected at most 3 arguments, got {}", rest.len())
        };
        return Err(exceptions::type_error(msg));
    }
    if let Some(tb) = rest.get(2) {
        if !tb.is(&ctx().none) {
            return Err(exceptions::type_error(
                "throw() third argument must be a traceback object",
            ));
        }
    }
    let exc = throw_exception(vm, &rest[0], rest.get(1))?;
    let r = vm.gen_throw(g, exc)?;
    yielded_or_stop(r)
}

fn gen_close_method(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("close")?;
    let g = self_gen(&args, "close")?;
    vm.gen_close(g)?;
    Ok(none())
}

static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        func: gen_send_method,
    },
    MethodDef {
        name: "throw",
        func: gen_throw_method,
    },
    MethodDef {
        name: "close",
        func: gen_close_method,
    },
];

/// The generator type's methods, iteration and repr (once per thread).
pub fn install() {
    crate::heap::set_finalizer(Some(generator::gc_finalize));
    crate::objects::typeobj::add_methods(&ctx().generator_type, METHODS);
    crate::objects::typeobj::add_getsets(&ctx().generator_type, GETSETS);
}
