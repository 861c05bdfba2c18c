//! Quickening of CALL: which specialized form a call site becomes (specialize_call),
//! and the forms that do more than a few lines (run from quick_eval.rs).
//!
//! - Python functions: CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS (fewer positional
//!   arguments than parameters, defaults for the rest, re-read at each call, so
//!   `f.__defaults__ = ...` needs no guard), and CALL_BOUND_METHOD_EXACT_ARGS for a
//!   bound method object of one (its function and self take the callable's two slots,
//!   then the same frame push).
//! - Built-in functions and the methods of built-in types (method descriptors), named
//!   as 3.11 names them by how they take their arguments: one (`_O`), none besides
//!   self (`_NOARGS`), several (`_FAST`), with keywords. glasspy's built-ins all take
//!   the vectorcall layout, so the name follows the call site's argument count. The
//!   guard is the MethodDef's address (and, for a method, the exact type of self).
//! - `type(x)`, `str(x)`, `tuple(x)`, `len`, `isinstance`, `list.append`.
//! - Any other built-in class with a native constructor (`range(n)`, `list(xs)`,
//!   `ValueError(msg)`, with or without keywords: PRECALL_BUILTIN_CLASS), its
//!   constructor called straight from the stack; `type` itself and classes take
//!   the general call.
//! - A class with object's `__new__` and a Python `__init__`
//!   (CALL_ALLOC_AND_ENTER_INIT; defaults may fill its last parameters): the
//!   instance is made here and the `__init__` frame
//!   pushed on the frame stack with the instance left below it; when that frame
//!   returns (marked `OnReturn::Init`), its None is dropped and the instance is the
//!   call's result. No nested eval loop.

use crate::bytecode::code::Cache;
use crate::bytecode::Op;
use crate::heap::{Payload, PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::{BuiltinFunction, MethodDef, MethodDescr};
use crate::objects::code::Code;
use crate::objects::descr::Instance;
use crate::objects::dicttable::type_epoch;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::function::Function;
use crate::objects::method::Method;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{string, tuple};

use super::call::{ArgVec, Flow};
use super::frame::takes_positional;
use super::quick::{cache, failed, settle, specialize};
use super::OnReturn;
use super::Vm;

impl Vm {
    /// CALL n met the stack from `first` (`meth|NULL, f|self, args[n]`; `kw`: with
    /// keywords): choose a specialized form.
    pub(crate) fn specialize_call(
        &mut self,
        code: &Code,
        at: usize,
        first: usize,
        n: usize,
        kw: bool,
    ) {
        let is_method = !self.stack[first].is(&self.null);
        let callable = if is_method {
            self.stack[first].clone()
        } else {
            self.stack[first + 1].clone()
        };
        let c = self.ctx;
        if let Some(b) = callable.get::<BuiltinFunction>() {
            if b.self_.is_some() || is_method {
                return failed(code, at);
            }
            let def = b.def as *const MethodDef as usize;
            let key = Cache {
                key: def,
                ..Cache::default()
            };
            if !kw {
                for (name, arity, op) in [
                    ("len", 1, Op::CALL_NO_KW_LEN),
                    ("isinstance", 2, Op::CALL_NO_KW_ISINSTANCE),
                ] {
                    if n == arity && self.builtin_def(name) == Some(def) {
                        return specialize(code, at, op, key);
                    }
                }
            }
            let op = match (kw, n) {
                (true, _) => Op::CALL_BUILTIN_FAST_WITH_KEYWORDS,
                (false, 1) => Op::CALL_NO_KW_BUILTIN_O,
                (false, _) => Op::CALL_NO_KW_BUILTIN_FAST,
            };
            return specialize(code, at, op, key);
        }
        let class_1 = n == 1 && !kw && self.class_1_op(&callable).is_some();
        if !is_method && !class_1 {
            if let Some(k) = self.builtin_class_cache(&callable) {
                return specialize(code, at, Op::PRECALL_BUILTIN_CLASS, k);
            }
        }
        if kw {
            return failed(code, at);
        }
        if callable.is_a::<Function>() {
            let nargs = n + usize::from(is_method);
            let op = if self.is_simple_call(&callable, nargs) {
                Some(Op::CALL_PY_EXACT_ARGS)
            } else if takes_positional(&callable, nargs, false) {
                Some(Op::CALL_PY_WITH_DEFAULTS)
            } else {
                None
            };
            return settle(code, at, op);
        }
        if let Some(d) = callable.get::<MethodDescr>() {
            let def = d.def as *const MethodDef as usize;
            let self_ty = self.stack[first + 1].type_obj();
            if !is_method || !self_ty.is(&d.objclass) {
                return failed(code, at);
            }
            let key = Cache {
                key: def,
                version: self_ty.id() as u64,
                ..Cache::default()
            };
            let op = match n {
                1 if self.method_def(&c.list_type, "append") == Some(def) => {
                    Op::CALL_NO_KW_LIST_APPEND
                }
                0 => Op::CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS,
                1 => Op::CALL_NO_KW_METHOD_DESCRIPTOR_O,
                _ => Op::CALL_NO_KW_METHOD_DESCRIPTOR_FAST,
            };
            return specialize(code, at, op, key);
        }
        if is_method {
            return failed(code, at);
        }
        if let Some(m) = callable.get::<Method>() {
            let fits = m.func.is_a::<Function>() && self.is_simple_call(&m.func, n + 1);
            return settle(code, at, fits.then_some(Op::CALL_BOUND_METHOD_EXACT_ARGS));
        }
        if n == 1 {
            if let Some(op) = self.class_1_op(&callable) {
                return specialize(code, at, op, Cache::default());
            }
        }
        match self.init_cache(&callable, n) {
            Some(k) => specialize(code, at, Op::CALL_ALLOC_AND_ENTER_INIT, k),
            None => failed(code, at),
        }
    }

    /// Can calling class `cls` with `n` positional arguments allocate the instance
    /// directly and push its `__init__`? Its metaclass is `type`, its `__new__`
    /// object's, its instances plain ones, and its `__init__` a Python function
    /// taking self and the n arguments exactly. The cache: the class by address with
    /// the epoch, and where `__init__` is along its MRO.
    fn init_cache(&mut self, cls_obj: &PyObj, n: usize) -> Option<Cache> {
        let cls = TypeRef::from_obj::<TypeInfo>(cls_obj)?;
        let c = self.ctx;
        if !typeobj::is_heap_type(&cls)
            || !cls_obj.is_type(&c.type_type)
            || cls.instance_vtable().type_id() != Instance::VTABLE.type_id()
        {
            return None;
        }
        let new = self.type_lookup_static(&cls, "__new__").ok()??;
        let object_new = self.type_lookup_static(&c.object_type, "__new__").ok()??;
        if !new.is(&object_new) {
            return None;
        }
        let name = string::intern_str("__init__");
        let (Some(init), Some((index, pos))) = self.type_lookup_at(&cls, &name)? else {
            return None;
        };
        if index > 255 || !takes_positional(&init, n + 1, true) {
            return None;
        }
        // object.__new__'s checks, made here once: the epoch guards their answers
        // (every dict along the MRO was walked for `__new__`).
        if typeobj::has_new_slot(&cls)
            || self
                .type_lookup_static(&cls, "__abstractmethods__")
                .ok()?
                .is_some()
        {
            return None;
        }
        Some(Cache {
            index: pos,
            tag: index as u8,
            version: type_epoch(),
            key: cls_obj.id(),
            ..Cache::default()
        })
    }

    /// CALL_NO_KW_TYPE_1 / _STR_1 / _TUPLE_1 when `callable` is that class.
    fn class_1_op(&self, callable: &PyObj) -> Option<Op> {
        let c = self.ctx;
        [
            (&c.type_type, Op::CALL_NO_KW_TYPE_1),
            (&c.str_type, Op::CALL_NO_KW_STR_1),
            (&c.tuple_type, Op::CALL_NO_KW_TUPLE_1),
        ]
        .into_iter()
        .find(|(t, _)| callable.is(t.as_obj()))
        .map(|(_, op)| op)
    }

    /// PRECALL_BUILTIN_CLASS's cache when `callable` is a built-in class other than
    /// `type` (whose call with three arguments may end in a metaclass's `__init__`)
    /// with a native constructor as its `__new__`: the class by address. A built-in
    /// class's dict cannot change and the class is never freed, so the address
    /// alone guards the constructor.
    fn builtin_class_cache(&mut self, callable: &PyObj) -> Option<Cache> {
        let ty = TypeRef::from_obj::<TypeInfo>(callable)?;
        if typeobj::is_heap_type(&ty) || ty.is(&self.ctx.type_type) {
            return None;
        }
        let new = self.type_lookup_static(&ty, "__new__").ok()??;
        typeobj::constructor_of(&new)?;
        Some(Cache {
            key: callable.id(),
            ..Cache::default()
        })
    }

    /// The definition behind the builtins' `name`, if it is a built-in function.
    fn builtin_def(&mut self, name: &str) -> Option<usize> {
        let b = self.builtins.clone();
        let f = self.dict_get_str(&b, name)?;
        let def = f.get::<BuiltinFunction>()?.def;
        Some(def as *const MethodDef as usize)
    }

    /// The definition behind method `name` of built-in type `ty`.
    fn method_def(&mut self, ty: &TypeRef, name: &'static str) -> Option<usize> {
        let f = self.type_lookup_static(ty, name).ok()??;
        let def = f.get::<MethodDescr>()?.def;
        Some(def as *const MethodDef as usize)
    }

    /// CALL_NO_KW_BUILTIN_O / _FAST, CALL_BUILTIN_FAST_WITH_KEYWORDS and the
    /// CALL_NO_KW_METHOD_DESCRIPTOR_* forms: the MethodDef's function called with the
    /// arguments moved off the stack. Ok(None) when the guard fails.
    #[inline(never)]
    pub(super) fn call_native_form(
        &mut self,
        fi: usize,
        code: &Code,
        op: Op,
        n: usize,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let at = ip - 1;
        let first = self.stack.len() - n - 2;
        let c = cache(code, at);
        let kw = self.frames[fi].kwnames.is_some();
        let (def, args_start) = match op {
            Op::CALL_NO_KW_BUILTIN_O
            | Op::CALL_NO_KW_BUILTIN_FAST
            | Op::CALL_BUILTIN_FAST_WITH_KEYWORDS => {
                let def = self.stack[first + 1]
                    .get::<BuiltinFunction>()
                    .filter(|b| b.self_.is_none() && self.stack[first].is(&self.null))
                    .map(|b| b.def);
                let wants_kw = op == Op::CALL_BUILTIN_FAST_WITH_KEYWORDS;
                match def {
                    Some(d) if d as *const MethodDef as usize == c.key && kw == wants_kw => {
                        (d, first + 2)
                    }
                    _ => return Ok(None),
                }
            }
            _ => {
                let def = self.stack[first].get::<MethodDescr>().map(|d| d.def);
                match def {
                    Some(d)
                        if d as *const MethodDef as usize == c.key
                            && !kw
                            && self.stack[first + 1].type_addr() as u64 == c.version =>
                    {
                        (d, first + 1)
                    }
                    _ => return Ok(None),
                }
            }
        };
        self.call_native_on_stack(fi, ip, def.func, args_start, first)
    }

    /// CALL_NO_KW_TYPE_1 / _STR_1 / _TUPLE_1. Ok(None) when the guard fails.
    #[inline(never)]
    pub(super) fn call_builtin_class_1(
        &mut self,
        fi: usize,
        op: Op,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let first = self.stack.len() - 3;
        let c = self.ctx;
        let t = match op {
            Op::CALL_NO_KW_TYPE_1 => &c.type_type,
            Op::CALL_NO_KW_STR_1 => &c.str_type,
            _ => &c.tuple_type,
        };
        if !self.stack[first].is(&self.null)
            || !self.stack[first + 1].is(t.as_obj())
            || self.frames[fi].kwnames.is_some()
        {
            return Ok(None);
        }
        self.frames[fi].ip = ip;
        let x = self.stack.pop().expect("value stack underflow");
        let r = match op {
            Op::CALL_NO_KW_TYPE_1 => x.type_obj().as_obj().clone(),
            Op::CALL_NO_KW_STR_1 => self.str_obj(&x)?,
            _ if x.is_type(&c.tuple_type) => x,
            _ => {
                let items = self.collect_iter(&x)?;
                tuple::try_new(items).ok_or_else(exceptions::memory_error)?
            }
        };
        self.stack.truncate(first);
        self.stack.push(r);
        Ok(Some(Flow::Next))
    }

    /// PRECALL_BUILTIN_CLASS: the class's constructor called with the class and the
    /// arguments moved off the stack, as type_call calls it. Ok(None) when the
    /// guard fails.
    #[inline(never)]
    pub(super) fn call_builtin_class(
        &mut self,
        fi: usize,
        code: &Code,
        n: usize,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let first = self.stack.len() - n - 2;
        if !self.stack[first].is(&self.null)
            || self.stack[first + 1].id() != cache(code, ip - 1).key
        {
            return Ok(None);
        }
        let Some(def) = typeobj::constructor(&self.stack[first + 1]) else {
            return Ok(None);
        };
        // (cls args[n]): the layout a constructor takes, the class first.
        self.call_native_on_stack(fi, ip, def.func, first + 1, first)
    }

    /// Call `func` with the stack's values from `args_start` (the last ones named by
    /// the frame's kwnames), the stack cut back to `first` and the result pushed.
    /// Inlined into its two callers: one prologue and epilogue per native call.
    #[inline(always)]
    fn call_native_on_stack(
        &mut self,
        fi: usize,
        ip: usize,
        func: crate::objects::builtin_function::NativeFn,
        args_start: usize,
        first: usize,
    ) -> VmResult<Option<Flow>> {
        self.frames[fi].ip = ip;
        if self.frames[fi].kwnames.is_some() {
            return self.call_native_on_stack_kw(fi, func, args_start, first);
        }
        let names: &[PyObj] = &[];
        // Up to three values move into an array on the Rust stack (the usual
        // `len(x)`, `l.append(x)`, `l.insert(i, x)`, `list(xs)`); more go to an ArgVec.
        let r = match self.stack.len() - args_start {
            1 => {
                let a = [self.pop()];
                self.call_native_cut(func, first, &a, names)
            }
            2 => {
                let b = self.pop();
                let a = [self.pop(), b];
                self.call_native_cut(func, first, &a, names)
            }
            3 => {
                let c = self.pop();
                let b = self.pop();
                let a = [self.pop(), b, c];
                self.call_native_cut(func, first, &a, names)
            }
            _ => {
                let args: ArgVec = self.stack.drain(args_start..).collect();
                self.call_native_cut(func, first, &args, names)
            }
        }?;
        self.stack.push(r);
        Ok(Some(Flow::Next))
    }

    /// `call_native_on_stack` with keywords (the frame's kwnames name the last
    /// values).
    #[inline(never)]
    fn call_native_on_stack_kw(
        &mut self,
        fi: usize,
        func: crate::objects::builtin_function::NativeFn,
        args_start: usize,
        first: usize,
    ) -> VmResult<Option<Flow>> {
        let kwnames = self.frames[fi].kwnames.take();
        let names = kwnames.as_ref().and_then(tuple::items).unwrap_or(&[]);
        let args: ArgVec = self.stack.drain(args_start..).collect();
        let r = self.call_native_cut(func, first, &args, names)?;
        self.stack.push(r);
        Ok(Some(Flow::Next))
    }

    /// Cut the stack back to `first`, then call `func` with `all` (the last ones
    /// named by `kwnames`).
    #[inline(always)]
    fn call_native_cut(
        &mut self,
        func: crate::objects::builtin_function::NativeFn,
        first: usize,
        all: &[PyObj],
        kwnames: &[PyObj],
    ) -> VmResult<PyObj> {
        // One or two values (NULL and the function, or the descriptor): popped one
        // by one, not through a call that drops a slice.
        while self.stack.len() > first {
            drop(self.stack.pop());
        }
        self.call_native(func, Args { all, kwnames })
    }

    /// CALL_PY_EXACT_ARGS / CALL_PY_WITH_DEFAULTS: the function's frame pushed with
    /// the arguments where they lie (push_frame_in_place re-reads the arity and the
    /// defaults, so a changed `__code__` or `__defaults__` needs no guard). Ok(None),
    /// with nothing changed, when the guard fails.
    #[inline]
    pub(super) fn call_py_in_place(
        &mut self,
        fi: usize,
        n: usize,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let first = self.stack.len() - n - 2;
        // A call site with keywords is never specialized to these forms, and
        // KW_NAMES comes right before its CALL: no keywords here.
        debug_assert!(self.frames[fi].kwnames.is_none());
        // (NULL f args[n]) or (meth self args[n]): self is the first argument.
        let base = if self.stack[first].is(&self.null) {
            first + 2
        } else {
            first + 1
        };
        self.frames[fi].ip = ip;
        if !self.push_frame_in_place(first, base)? {
            return Ok(None);
        }
        Ok(Some(Flow::Switch))
    }

    /// CALL_BOUND_METHOD_EXACT_ARGS: the method's function and self replace the
    /// NULL and the method, then the call goes on as CALL_PY_EXACT_ARGS's.
    #[inline(never)]
    pub(super) fn call_bound_method(
        &mut self,
        fi: usize,
        n: usize,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let first = self.stack.len() - n - 2;
        if !self.stack[first].is(&self.null) || self.frames[fi].kwnames.is_some() {
            return Ok(None);
        }
        let parts = match self.stack[first + 1].get::<Method>() {
            Some(m) if m.func.is_a::<Function>() => (m.func.clone(), m.self_.clone()),
            _ => return Ok(None),
        };
        let (func, self_) = parts;
        drop(std::mem::replace(&mut self.stack[first], func));
        drop(std::mem::replace(&mut self.stack[first + 1], self_));
        self.frames[fi].ip = ip;
        // (f self args[n]): the method layout of CALL n.
        self.call_from_stack(n, None).map(Some)
    }

    /// CALL_ALLOC_AND_ENTER_INIT. Ok(None) when the guard fails.
    #[inline(never)]
    pub(super) fn call_alloc_and_enter_init(
        &mut self,
        fi: usize,
        code: &Code,
        n: usize,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let first = self.stack.len() - n - 2;
        let c = cache(code, ip - 1);
        let cls_obj = &self.stack[first + 1];
        if !self.stack[first].is(&self.null)
            || cls_obj.id() != c.key
            || type_epoch() != c.version
            || self.frames[fi].kwnames.is_some()
        {
            return Ok(None);
        }
        let Some(cls) = TypeRef::from_obj::<TypeInfo>(cls_obj) else {
            return Ok(None);
        };
        let init = self
            .type_cache
            .fetch(&cls, c.tag as usize, c.index as usize);
        let Some(init) = init else {
            return Ok(None);
        };
        // The frame's entry, read once: a plain call enters it straight from here;
        // one taking defaults or with cells goes the longer way (a generator
        // function's `__init__` is a miss).
        let entry = match super::frame::Entry::read(self, &init, n + 1) {
            Some(Ok(entry)) => Some(entry),
            Some(Err(())) if takes_positional(&init, n + 1, true) => None,
            _ => return Ok(None),
        };
        self.frames[fi].ip = ip;
        // python3 calls a class through its call slot: one level of the recursion
        // count, taken before `__new__`, held until `__init__` returns (the frame's
        // `OnReturn::Init` gives it back).
        self.enter_recursive(super::call::CALLING)?;
        // object.__new__ without its checks (made when specializing).
        let obj = PyObj::new_instance(&cls, Instance);
        Self::init_values_of(&obj, &cls);
        // (obj init obj args): the frame takes the second obj and the arguments as its
        // locals and holds `__init__` below them; the first obj is the result once
        // `__init__` returns.
        drop(std::mem::replace(&mut self.stack[first], obj.clone()));
        drop(std::mem::replace(&mut self.stack[first + 1], init));
        // Inserted below the n arguments by swaps: a handful of them, no call to
        // Vec::insert's move.
        self.stack.push(obj);
        let args = &mut self.stack[first + 2..];
        for i in (1..args.len()).rev() {
            args.swap(i, i - 1);
        }
        let entered = match entry {
            Some(entry) => self.enter_frame(entry, first + 1, first + 2),
            None => self.push_frame_in_place(first + 1, first + 2).map(drop),
        };
        if let Err(e) = entered {
            self.leave_recursive();
            return Err(e);
        }
        self.frames
            .last_mut()
            .expect("the __init__ frame")
            .on_return = OnReturn::Init;
        Ok(Some(Flow::Switch))
    }

    /// An `__init__` frame pushed by CALL_ALLOC_AND_ENTER_INIT returned `v` (its
    /// frame is popped; the instance is on top of the caller's stack). Anything but
    /// None is the caller's TypeError, raised at its CALL (`*ip` becomes the
    /// caller's, so the traceback names that line, as python3's does).
    #[cold]
    #[inline(never)]
    pub(super) fn init_returned(&mut self, v: PyObj, ip: &mut usize) -> VmResult<Flow> {
        if v.is(&self.ctx.none) {
            return Ok(Flow::Switch);
        }
        *ip = self.frames.last().expect("the caller").ip;
        Err(exceptions::type_error(format!(
            "__init__() should return None, not '{}'",
            typeobj::type_name(&v)
        )))
    }
}
