//! Frames and argument binding.
//!
//! A frame's slots live on the VM's shared stack: `base..base + nlocals` are the fast
//! locals (the NULL marker when unbound), then one cell per cellvar and freevar, then
//! the operand stack from `stack_base`. Below `base`, from `floor`, the caller's
//! slots the call consumed and the frame keeps until it returns: the callable (and
//! the NULL before it) of a call whose arguments became the locals where they lay.

use crate::bytecode::code::flags;
use crate::error::ExcKind;
use crate::heap::PyObj;
use crate::objects::code::Code;
use crate::objects::function::{self, Function, FunctionState};
use crate::objects::{cell, dict, string, tuple};

use super::call::Flow;
use super::Vm;
use crate::objects::args::Args;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;

/// One activation of a code object.
pub(crate) struct Frame {
    pub code: PyObj,
    /// The globals and builtins of a frame that runs no function's body (module code,
    /// exec, a resumed generator): None for a function's frame, whose function (the
    /// slot just below `base`) holds them, as python3's frame borrows its function's
    /// (`Vm::frame_globals`).
    pub globals: Option<PyObj>,
    pub builtins: Option<PyObj>,
    /// The local namespace dict of module-level code (LOAD_NAME / STORE_NAME).
    pub locals: Option<PyObj>,
    /// First fast local on the VM stack.
    pub base: usize,
    /// Where the caller's stack is cut back to when the frame leaves (<= `base`): the
    /// slots between hold what the caller's CALL consumed (the function, as
    /// python3's frame holds it).
    pub floor: usize,
    /// First operand-stack slot.
    pub stack_base: usize,
    /// Index of the next instruction.
    pub ip: usize,
    /// Keyword names for the next CALL (set by KW_NAMES).
    pub kwnames: Option<PyObj>,
    /// When this frame returns, the eval loop returns to its Rust caller.
    pub entry: bool,
    /// The generator whose frame this is (its slots go back there at a yield).
    pub gen: Option<PyObj>,
    /// What the caller does with the returned value: push it, or (a frame pushed by a
    /// specialized instruction in place of a nested call) check it first.
    pub on_return: OnReturn,
}

impl Frame {
    /// A function's frame about to run `code` from its first instruction: its locals
    /// from `base` (the function just below), its operand stack from `stack_base`,
    /// cut back to `floor` when it leaves; no local namespace, no generator, not an
    /// entry frame, its value pushed for the caller.
    #[inline(always)]
    pub(crate) fn new(code: PyObj, floor: usize, base: usize, stack_base: usize) -> Frame {
        Frame {
            code,
            globals: None,
            builtins: None,
            locals: None,
            base,
            floor,
            stack_base,
            ip: 0,
            kwnames: None,
            entry: false,
            gen: None,
            on_return: OnReturn::Value,
        }
    }
}

/// How a frame's return value reaches its caller.
#[derive(Clone, Copy, Default)]
pub(crate) enum OnReturn {
    /// Pushed on the caller's stack.
    #[default]
    Value,
    /// An `__init__` frame pushed by CALL_ALLOC_AND_ENTER_INIT: the instance waits
    /// below it, and it must return None (vm/quick_call.rs).
    Init,
    /// A class's Python `__op__` pushed by BINARY_OP_PY_DUNDER (BinaryOp operand
    /// `arg`): the operands wait below it, for the reflected operand's turn should it
    /// return NotImplemented (vm/quick_dunder.rs).
    Binary(u8, Reflected),
}

impl OnReturn {
    /// The levels of the recursion count the frame holds: an `__init__` frame also
    /// holds its class's call (vm/quick_call.rs).
    pub(crate) fn depth(self) -> usize {
        match self {
            OnReturn::Init => 2,
            _ => 1,
        }
    }
}

/// What `a op b` tries after a's class's `__op__` returned NotImplemented, decided
/// before that call as CPython's binary_op1 decides it.
#[derive(Clone, Copy)]
pub(crate) enum Reflected {
    /// Nothing: the operands' types are the same, or b's has no slot for `op`.
    Nothing,
    /// b's class's Python `__rop__` (both classes have the class slot).
    Method,
    /// b's type's own number slot.
    Slot(crate::objects::typeobj::slots::BinaryFn),
}

fn type_error(msg: String) -> crate::objects::exceptions::Exc {
    exceptions::new_error(ExcKind::TypeError, msg)
}

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (CPython's format_missing).
fn name_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => format!("'{a}'"),
        [a, b] => format!("'{a}' and '{b}'"),
        _ => {
            let (last, rest) = names.split_last().expect("non-empty");
            let head: Vec<String> = rest.iter().map(|n| format!("'{n}'")).collect();
            format!("{}, and '{last}'", head.join(", "))
        }
    }
}

/// The defaults a call of `f` with `nargs` positional arguments and nothing else
/// takes for its remaining positional parameters (empty when it takes exactly
/// `nargs`); None when such a call needs the general binding (too many or too few
/// arguments, keyword-only parameters, *args or **kwargs).
#[inline]
fn positional_defaults<'f>(f: &'f FunctionState, c: &Code, nargs: usize) -> Option<&'f [PyObj]> {
    let argcount = c.argcount as usize;
    if nargs > argcount
        || c.kwonlyargcount != 0
        || c.flags & (flags::VARARGS | flags::VARKEYWORDS) != 0
    {
        return None;
    }
    if nargs == argcount {
        return Some(&[]);
    }
    let d = f.defaults.as_ref().and_then(tuple::items)?;
    let missing = argcount - nargs;
    (d.len() >= missing).then(|| &d[d.len() - missing..])
}

/// True when Python function `func` takes `n` positional arguments as
/// `push_frame_in_place` binds them: its positional parameters exactly, or fewer with
/// defaults for the rest, and no keyword-only parameters, *args or **kwargs. With
/// `plain`, its call must also run its body (no generator or coroutine function).
pub(crate) fn takes_positional(func: &PyObj, n: usize, plain: bool) -> bool {
    let Some(f) = function::state(func) else {
        return false;
    };
    let Some(c) = f.code.get::<Code>() else {
        return false;
    };
    // Generators, coroutines and async generators (CPython's co_flags bits).
    const MAKES_OBJECT: u32 = flags::GENERATOR | 0x80 | 0x100 | 0x200;
    positional_defaults(&f, c, n).is_some() && !(plain && c.flags & MAKES_OBJECT != 0)
}

/// What a frame pushed in place takes from its function, read before the stack
/// grows (the function lies on that stack).
pub(crate) struct Entry {
    code: PyObj,
    /// Locals beyond the arguments.
    unbound: usize,
}

impl Entry {
    /// None when `func` is not a Python function taking `nargs` positional arguments
    /// as `push_frame_in_place` binds them; Some(Err) when it is, but the call takes
    /// defaults, its frame has cells or its call makes a generator (the longer path).
    /// The usual call is one test: the code's `plain_args` (its arity when nothing
    /// else is needed) against `nargs`.
    #[inline(always)]
    pub(crate) fn read(vm: &Vm, func: &PyObj, nargs: usize) -> Option<Result<Entry, ()>> {
        let x = vm.ctx;
        let f = func.get_exact(&x.function_exact)?.state()?;
        let c = f.code.get_exact(&x.code_exact)?;
        if c.plain_args as usize != nargs {
            positional_defaults(&f, c, nargs)?;
            return Some(Err(()));
        }
        Some(Ok(Entry {
            code: f.code.clone(),
            unbound: c.nlocals() - nargs,
        }))
    }
}

fn varname(c: &Code, i: usize) -> String {
    string::as_str(&c.varnames[i])
        .unwrap_or_default()
        .into_owned()
}

impl Vm {
    /// Push a frame for calling Python function `func` with `args`.
    pub(crate) fn push_function_frame(&mut self, func: &PyObj, args: Args<'_>) -> VmResult<()> {
        self.push_frame_with(
            func,
            args.all.len(),
            args.kwnames,
            |stack| stack.extend(args.all.iter().cloned()),
            args,
        )
    }

    /// As `push_function_frame`, moving the arguments in (the CALL instruction's path).
    pub(crate) fn push_function_frame_owned(
        &mut self,
        func: &PyObj,
        args: super::call::ArgVec,
        kwnames: &[PyObj],
    ) -> VmResult<()> {
        let n = args.len();
        if kwnames.is_empty() && self.is_simple_call(func, n) {
            return self.push_frame_with(
                func,
                n,
                kwnames,
                |stack| stack.extend(args),
                Args::positional(&[]),
            );
        }
        self.push_function_frame(
            func,
            Args {
                all: &args,
                kwnames,
            },
        )
    }

    /// CALL's fast path: if the function at `base - 1` is a Python function taking the
    /// positional arguments on the stack from `base` (see `takes_positional`: exactly
    /// its positional parameters, or fewer with defaults for the rest), push its frame
    /// with them as its first locals where they lie, then the defaults. The slots
    /// from `floor` up to them (the function, and what the call consumed below it, as
    /// python3's frame holds its function) stay below the frame until it leaves.
    /// Ok(false), with nothing changed, when the call is not that simple.
    #[inline]
    pub(crate) fn push_frame_in_place(&mut self, floor: usize, base: usize) -> VmResult<bool> {
        let nargs = self.stack.len() - base;
        match Entry::read(self, &self.stack[base - 1], nargs) {
            Some(Ok(entry)) => {
                self.enter_frame(entry, floor, base)?;
                Ok(true)
            }
            Some(Err(())) => self.push_frame_in_place_with(floor, base),
            None => Ok(false),
        }
    }

    /// `push_frame_in_place` once its `Entry` is read: the unbound locals pushed
    /// after the arguments, then the frame (the stack cut back to `floor` and
    /// RecursionError raised when one more frame would pass the limit).
    #[inline(always)]
    pub(crate) fn enter_frame(&mut self, entry: Entry, floor: usize, base: usize) -> VmResult<()> {
        if self.depth >= self.recursion_limit {
            self.stack.truncate(floor);
            return Err(super::ops::recursion_error(""));
        }
        let Entry { code, unbound } = entry;
        if unbound != 0 {
            self.stack.reserve(unbound);
            for _ in 0..unbound {
                // Locals beyond the arguments start unbound.
                self.stack.push(self.null.clone());
            }
        }
        let stack_base = self.stack.len();
        self.push_frame_record(|| Frame::new(code, floor, base, stack_base));
        self.depth += 1;
        Ok(())
    }

    /// Pushes the frame `make` builds onto the frame stack, written straight into its
    /// slot (`heap::push_built`). Built first and then pushed, the Frame is assembled on
    /// the Rust stack and copied, and the copy's 16-byte loads of bytes just written by
    /// 8-byte stores stall the processor (store forwarding fails): that was about 9 %
    /// of bm_calls' time.
    #[inline(always)]
    pub(crate) fn push_frame_record(&mut self, make: impl FnOnce() -> Frame) {
        crate::heap::push_built(&mut self.frames, make);
    }

    /// CALL with keywords (`kwnames`, naming the last arguments) of a Python function:
    /// as `push_frame_in_place`, the positional arguments become its first locals
    /// where they lie; each keyword's value moves to its parameter's slot and defaults
    /// fill the parameters left, with no dict and no argument vector. Ok(false), with
    /// nothing changed, when the callable at `base - 1` is not a Python function, it
    /// takes *args or **kwargs, or the arguments do not bind (the general path then
    /// reports the error as before).
    #[inline(never)]
    pub(crate) fn push_frame_kw_in_place(
        &mut self,
        floor: usize,
        base: usize,
        kwnames: &PyObj,
    ) -> VmResult<bool> {
        const MAX_KW: usize = 8;
        let func = self.stack[base - 1].clone();
        let Some(f) = function::state(&func) else {
            return Ok(false);
        };
        let Some(c) = f.code.get::<Code>() else {
            return Ok(false);
        };
        let names = tuple::items(kwnames).unwrap_or(&[]);
        let nkw = names.len();
        let npos = self.stack.len() - base - nkw;
        let argcount = c.argcount as usize;
        let nparams = argcount + c.kwonlyargcount as usize;
        if npos > argcount || nkw > MAX_KW || c.flags & (flags::VARARGS | flags::VARKEYWORDS) != 0 {
            return Ok(false);
        }
        // Each keyword's parameter, found before anything moves.
        let mut slots = [0usize; MAX_KW];
        let named = c.posonlyargcount as usize..nparams;
        for (j, name) in names.iter().enumerate() {
            match keyword_param(c, named.clone(), name) {
                Some(i) if i >= npos && !slots[..j].contains(&i) => slots[j] = i,
                _ => return Ok(false),
            }
        }
        let given = |i: usize| i < npos || slots[..nkw].contains(&i);
        // Positional parameters not given need a default.
        let defaults = f.defaults.as_ref().and_then(tuple::items).unwrap_or(&[]);
        let first_default = argcount - defaults.len().min(argcount);
        if (npos..first_default).any(|i| !given(i)) {
            return Ok(false);
        }
        // Keyword-only parameters not given need a keyword default.
        let mut kw_defaults: smallvec::SmallVec<[(usize, PyObj); 4]> = smallvec::SmallVec::new();
        for i in argcount..nparams {
            if given(i) {
                continue;
            }
            let default = match &f.kwdefaults {
                Some(d) => self.dict_get(d, &c.varnames[i])?,
                None => None,
            };
            match default {
                Some(v) => kw_defaults.push((i, v)),
                None => return Ok(false),
            }
        }
        if self.depth >= self.recursion_limit {
            self.stack.truncate(floor);
            return Err(super::ops::recursion_error(""));
        }
        let kw_at = base + npos;
        let cells = c.cell2arg.len() + c.freevars.len();
        self.stack.reserve(c.nlocals() + cells - npos);
        if slots[..nkw].iter().enumerate().all(|(j, &i)| i == npos + j) {
            // The keywords name the parameters after the positional ones, in order:
            // their values already lie in those slots.
            self.stack.resize(base + c.nlocals(), self.null.clone());
        } else {
            let values: smallvec::SmallVec<[PyObj; MAX_KW]> = self.stack.drain(kw_at..).collect();
            self.stack.resize(base + c.nlocals(), self.null.clone());
            for (v, &i) in values.into_iter().zip(&slots) {
                self.stack[base + i] = v;
            }
        }
        for i in npos..argcount {
            if !given(i) {
                self.stack[base + i] = defaults[i - first_default].clone();
            }
        }
        for (i, v) in kw_defaults {
            self.stack[base + i] = v;
        }
        self.finish_frame(&func, &f, c, floor, base)?;
        Ok(true)
    }

    /// `push_frame_in_place` for a call that takes defaults, of a function whose frame
    /// has cells or free variables, or whose call makes a generator.
    #[inline(never)]
    pub(crate) fn push_frame_in_place_with(&mut self, floor: usize, base: usize) -> VmResult<bool> {
        let func = self.stack[base - 1].clone();
        let Some(f) = function::state(&func) else {
            return Ok(false);
        };
        let Some(c) = f.code.get::<Code>() else {
            return Ok(false);
        };
        let nargs = self.stack.len() - base;
        let Some(defaults) = positional_defaults(&f, c, nargs) else {
            return Ok(false);
        };
        if let Err(e) = self.check_recursion() {
            self.stack.truncate(floor);
            return Err(e);
        }
        // One capacity check for the defaults, the unbound locals and the cells.
        let unbound = c.nlocals() - nargs - defaults.len();
        let cells = c.cell2arg.len() + c.freevars.len();
        self.stack.reserve(defaults.len() + unbound + cells);
        self.stack.extend(defaults.iter().cloned());
        for _ in 0..unbound {
            self.stack.push(self.null.clone());
        }
        self.finish_frame(&func, &f, c, floor, base)?;
        Ok(true)
    }

    /// True when `func` takes exactly `n` positional parameters and nothing else, so
    /// the arguments can be moved into its locals as they are.
    pub(crate) fn is_simple_call(&self, func: &PyObj, n: usize) -> bool {
        let Some(f) = function::state(func) else {
            return false;
        };
        let Some(c) = f.code.get::<Code>() else {
            return false;
        };
        c.argcount as usize == n
            && c.kwonlyargcount == 0
            && c.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
    }

    /// Push the frame with the function on top of the stack and the locals above it;
    /// `fill` pushes the positional arguments when the call is simple (exact
    /// positional arity, no keywords), else `args` are bound the general way.
    fn push_frame_with(
        &mut self,
        func: &PyObj,
        nargs: usize,
        kwnames: &[PyObj],
        fill: impl FnOnce(&mut Vec<PyObj>),
        args: Args<'_>,
    ) -> VmResult<()> {
        let f =
            function::state(func).ok_or_else(|| type_error("function is being modified".into()))?;
        let code = f.code.clone();
        let c = code
            .get::<Code>()
            .expect("a function's code is a code object");
        self.check_recursion()?;
        // The frame holds its function (below its locals) until it leaves.
        let floor = self.stack.len();
        self.stack.push(func.clone());
        let base = floor + 1;
        let nlocals = c.nlocals();
        let simple = kwnames.is_empty()
            && c.argcount as usize == nargs
            && c.kwonlyargcount == 0
            && c.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0;
        if simple {
            fill(&mut self.stack);
            self.stack.resize(base + nlocals, self.null.clone());
        } else {
            self.stack.resize(base + nlocals, self.null.clone());
            if let Err(e) = self.bind_arguments(&f, c, base, args) {
                self.stack.truncate(floor);
                return Err(e);
            }
        }
        self.finish_frame(func, &f, c, floor, base)
    }

    /// The rest of a call once the locals are bound from `base`: the cells, then the
    /// frame itself (leaving down to `floor`), or for a generator function the
    /// generator, made from the slots and pushed on the stack cut back to `floor`.
    #[inline(always)]
    fn finish_frame(
        &mut self,
        func: &PyObj,
        f: &FunctionState,
        c: &Code,
        floor: usize,
        base: usize,
    ) -> VmResult<()> {
        // Cells: one per cellvar (holding the argument it shadows, if any), then the
        // closure's cells for the freevars.
        for arg in c.cell2arg.iter() {
            let init = arg
                .map(|a| std::mem::replace(&mut self.stack[base + a as usize], self.null.clone()));
            let null = &self.null;
            self.stack.push(cell::new(init.filter(|v| !v.is(null))));
        }
        if !c.freevars.is_empty() {
            let closure = f.closure.as_ref().and_then(tuple::items).unwrap_or(&[]);
            self.stack.extend(closure.iter().cloned());
        }
        if c.flags & flags::GENERATOR != 0 {
            // A generator function's call returns the generator, its frame's slots
            // moved into it; no frame is pushed.
            return self.make_generator(func, f, c, floor, base);
        }
        let stack_base = self.stack.len();
        self.push_frame_record(|| Frame::new(f.code.clone(), floor, base, stack_base));
        self.depth += 1;
        Ok(())
    }

    /// RETURN_VALUE of the top frame with `v`: the frame goes, the stack is cut back
    /// to its floor (its locals and the function it held) and `v` is pushed for the
    /// caller. A generator's frame, an entry frame and a frame whose caller checks
    /// the value take `return_special`.
    #[inline(always)]
    pub(super) fn return_value(&mut self, v: PyObj, ip: &mut usize) -> VmResult<Flow> {
        let n = self.frames.len() - 1;
        let f = &self.frames[n];
        if f.entry || f.gen.is_some() || !matches!(f.on_return, OnReturn::Value) {
            return self.return_special(v, ip);
        }
        let floor = f.floor;
        self.stack.truncate(floor);
        // Dropped after the locals, as the general path drops it.
        self.pop_frame_lean();
        self.depth -= 1;
        self.stack.push(v);
        Ok(Flow::Switch)
    }

    /// Pop the top frame. A function's frame holds its code and nothing else that needs
    /// a drop (its namespaces are its function's, KW_NAMES's names went to its CALL):
    /// matched as such, only the code is let go, with no call to the frame's whole drop.
    #[inline(always)]
    fn pop_frame_lean(&mut self) {
        match self.frames.pop() {
            Some(Frame {
                code,
                globals: None,
                builtins: None,
                locals: None,
                kwnames: None,
                gen: None,
                ..
            }) => drop(code),
            other => drop(other),
        }
    }

    #[cold]
    #[inline(never)]
    fn return_special(&mut self, v: PyObj, ip: &mut usize) -> VmResult<Flow> {
        let n = self.frames.len() - 1;
        let f = &self.frames[n];
        if !f.entry && f.gen.is_none() {
            // A frame whose caller checks the value (an `__init__`'s, an `__op__`'s):
            // it goes as `return_value`'s plain frame goes, then the check.
            let on = f.on_return;
            self.stack.truncate(f.floor);
            self.pop_frame_lean();
            self.depth -= on.depth();
            if matches!(on, OnReturn::Init) && v.is(&self.ctx.none) {
                // CPython checks that `__init__` returned None and drops it.
                drop(v);
                return Ok(Flow::Switch);
            }
            return self.frame_returned(on, v, ip);
        }
        // A generator's frame, or an entry frame.
        let f = self.frames.pop().expect("frame");
        self.stack.truncate(f.floor);
        self.depth -= f.on_return.depth();
        if let Some(g) = &f.gen {
            return self.gen_returned(g, f.entry, v);
        }
        Ok(Flow::Return(v))
    }

    /// The globals of frame `fi`: its own, or (a function's frame) its function's.
    pub(crate) fn frame_globals(&self, fi: usize) -> PyObj {
        let f = &self.frames[fi];
        match &f.globals {
            Some(g) => g.clone(),
            None => self.frame_function(f).globals.clone(),
        }
    }

    /// The builtins of frame `fi`: its own, or (a function's frame) its function's.
    pub(crate) fn frame_builtins(&self, fi: usize) -> PyObj {
        let f = &self.frames[fi];
        match &f.builtins {
            Some(b) => b.clone(),
            None => self.frame_function(f).builtins.clone(),
        }
    }

    /// The function whose body frame `f` runs (a frame without namespaces of its
    /// own): it lies in the slot just below the frame's locals until the frame leaves.
    pub(crate) fn frame_function(&self, f: &Frame) -> &Function {
        self.stack[f.base - 1]
            .get_exact(&self.ctx.function_exact)
            .expect("a function's frame lies above its function")
    }

    /// RecursionError when one more frame would pass the recursion limit.
    pub(crate) fn check_recursion(&self) -> VmResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(super::ops::recursion_error(""));
        }
        Ok(())
    }

    /// CPython's initialize_locals: bind positional and keyword arguments, *args,
    /// **kwargs and defaults into the fast locals at `base`.
    fn bind_arguments(
        &mut self,
        f: &FunctionState,
        c: &Code,
        base: usize,
        args: Args<'_>,
    ) -> VmResult<()> {
        // The function's name, for the messages only (made when one is raised).
        let qualname = || string::as_str(&f.qualname).unwrap_or_default().into_owned();
        let argcount = c.argcount as usize;
        let posonly = c.posonlyargcount as usize;
        let kwonly = c.kwonlyargcount as usize;
        let has_varargs = c.flags & flags::VARARGS != 0;
        let has_varkw = c.flags & flags::VARKEYWORDS != 0;
        let pos = args.pos();
        let null = self.null.clone();

        // **kwargs dict, made first (its slot comes after *args).
        let kwdict = has_varkw.then(dict::new);
        if let Some(d) = &kwdict {
            let slot = argcount + kwonly + usize::from(has_varargs);
            self.stack[base + slot] = d.clone();
        }

        let n = pos.len().min(argcount);
        for (i, v) in pos[..n].iter().enumerate() {
            self.stack[base + i] = v.clone();
        }
        if has_varargs {
            let extra = tuple::new(pos[n..].to_vec());
            self.stack[base + argcount + kwonly] = extra;
        }

        // Keyword arguments.
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (name, value) in args.kwargs() {
            match keyword_param(c, posonly..argcount + kwonly, name) {
                Some(i) => {
                    if !self.stack[base + i].is(&null) {
                        let key = string::as_str(name).unwrap_or_default();
                        let qualname = qualname();
                        return Err(type_error(format!(
                            "{qualname}() got multiple values for argument '{key}'"
                        )));
                    }
                    self.stack[base + i] = value.clone();
                }
                None => {
                    if let Some(d) = &kwdict {
                        self.dict_set(d, name.clone(), value.clone())?;
                        continue;
                    }
                    let key = string::as_str(name).unwrap_or_default();
                    if (0..posonly).any(|i| varname(c, i) == *key) {
                        posonly_as_kw.push(key.into_owned());
                    } else {
                        let qualname = qualname();
                        return Err(type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{key}'"
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            let qualname = qualname();
            return Err(type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }

        // Too many positional arguments.
        if pos.len() > argcount && !has_varargs {
            let defaults = f
                .defaults
                .as_ref()
                .and_then(tuple::items)
                .map_or(0, <[PyObj]>::len);
            let given_kwonly = (argcount..argcount + kwonly)
                .filter(|&i| !self.stack[base + i].is(&null))
                .count();
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let takes = if defaults > 0 {
                format!(
                    "from {} to {argcount} positional arguments",
                    argcount - defaults
                )
            } else {
                format!("{argcount} positional argument{}", plural(argcount))
            };
            let given = pos.len();
            let kwonly_note = if given_kwonly > 0 {
                format!(
                    " positional argument{} (and {given_kwonly} keyword-only argument{})",
                    plural(given),
                    plural(given_kwonly)
                )
            } else {
                String::new()
            };
            let verb = if given == 1 && given_kwonly == 0 {
                "was"
            } else {
                "were"
            };
            let qualname = qualname();
            return Err(type_error(format!(
                "{qualname}() takes {takes} but {given}{kwonly_note} {verb} given"
            )));
        }

        // Defaults of positional parameters, then missing ones.
        let defaults = f.defaults.as_ref().and_then(tuple::items).unwrap_or(&[]);
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in pos.len().min(argcount)..argcount {
            if self.stack[base + i].is(&null) {
                if i >= first_default {
                    self.stack[base + i] = defaults[i - first_default].clone();
                } else {
                    missing.push(varname(c, i));
                }
            }
        }
        if !missing.is_empty() {
            let s = if missing.len() == 1 { "" } else { "s" };
            let qualname = qualname();
            return Err(type_error(format!(
                "{qualname}() missing {} required positional argument{s}: {}",
                missing.len(),
                name_list(&missing)
            )));
        }

        // Keyword-only parameters.
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if self.stack[base + i].is(&null) {
                let default = match &f.kwdefaults {
                    Some(d) => self.dict_get(d, &c.varnames[i])?,
                    None => None,
                };
                match default {
                    Some(v) => self.stack[base + i] = v,
                    None => missing.push(varname(c, i)),
                }
            }
        }
        if !missing.is_empty() {
            let s = if missing.len() == 1 { "" } else { "s" };
            let qualname = qualname();
            return Err(type_error(format!(
                "{qualname}() missing {} required keyword-only argument{s}: {}",
                missing.len(),
                name_list(&missing)
            )));
        }
        Ok(())
    }
}

/// The parameter among `named` (indices into the code's varnames) that keyword `name`
/// names: by identity first (names in code are interned), then by characters.
fn keyword_param(c: &Code, named: std::ops::Range<usize>, name: &PyObj) -> Option<usize> {
    named
        .clone()
        .find(|&i| c.varnames[i].is(name))
        .or_else(|| named.clone().find(|&i| string::eq(&c.varnames[i], name)))
}
