//! Calls: from the CALL instructions (Python functions get a frame on the frame stack,
//! no Rust recursion) and from Rust (`Vm::call`, which runs a nested eval loop and
//! counts against the recursion limit).

use smallvec::SmallVec;

use crate::heap::{PyObj, TypeRef};
use crate::objects::builtin_function::{BuiltinFunction, MethodDescr};
use crate::objects::code::Code;
use crate::objects::function::{self, Function, FunctionState};
use crate::objects::method::Method;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, dict, string, tuple};

use super::Vm;
use crate::objects::args::Args;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;

/// The recursion error's suffix for a level counted by calling an object through its
/// call slot (python3's `_PyObject_MakeTpCall`).
pub(crate) const CALLING: &str = " while calling a Python object";

/// What an instruction asks the eval loop to do next.
pub(crate) enum Flow {
    /// Go on with the next instruction of this frame.
    Next,
    /// The frame stack changed (call or return): reload the top frame.
    Switch,
    /// The entry frame returned this value.
    Return(PyObj),
}

/// Arguments moved off the value stack; short calls need no heap allocation.
pub(crate) type ArgVec = SmallVec<[PyObj; 8]>;

impl Vm {
    /// CALL n: the stack holds `meth|NULL, f|self, args[n]`.
    pub(crate) fn call_from_stack(&mut self, n: usize, kwnames: Option<PyObj>) -> VmResult<Flow> {
        let first = self.stack.len() - n - 2;
        let is_method = !self.stack[first].is(&self.null);
        let args_start = if is_method { first + 1 } else { first + 2 };
        // The arguments already sit in order: for a simple call they become the new
        // frame's first locals where they are.
        let pushed = match &kwnames {
            None => self.push_frame_in_place(first, args_start)?,
            Some(names) => self.push_frame_kw_in_place(first, args_start, names)?,
        };
        if pushed {
            return Ok(Flow::Switch);
        }
        let callable = self.stack[args_start - 1].clone();
        let args: ArgVec = self.stack.drain(args_start..).collect();
        self.stack.truncate(first);
        self.call_pushing(callable, args, kwnames)
    }

    /// Call `f`: a Python function gets a frame (the loop switches to it); anything
    /// else runs now and its result is pushed.
    pub(crate) fn call_pushing(
        &mut self,
        f: PyObj,
        mut args: ArgVec,
        kwnames: Option<PyObj>,
    ) -> VmResult<Flow> {
        let names = kwnames.as_ref().and_then(tuple::items).unwrap_or(&[]);
        if f.is_a::<Function>() {
            self.push_function_frame_owned(&f, args, names)?;
            return Ok(Flow::Switch);
        }
        if let Some(m) = f.get::<Method>() {
            if m.func.is_a::<Function>() {
                args.insert(0, m.self_.clone());
                let func = m.func.clone();
                self.push_function_frame_owned(&func, args, names)?;
                return Ok(Flow::Switch);
            }
        }
        let r = self.call(
            &f,
            Args {
                all: &args,
                kwnames: names,
            },
        )?;
        self.stack.push(r);
        Ok(Flow::Next)
    }

    /// Call any callable from Rust and return its result.
    pub fn call(&mut self, f: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
        if f.is_a::<Function>() {
            let frames = self.frames.len();
            self.push_function_frame(f, args)?;
            if self.frames.len() == frames {
                // A generator function: its generator is on the stack.
                return Ok(self.stack.pop().expect("the new generator"));
            }
            self.frames.last_mut().expect("frame").entry = true;
            return self.run_frame();
        }
        if let Some(b) = f.get::<BuiltinFunction>() {
            let def = b.def;
            return match &b.self_ {
                None => self.call_native(def.func, args),
                Some(s) => {
                    let s = s.clone();
                    let all: ArgVec = std::iter::once(s).chain(args.all.iter().cloned()).collect();
                    self.call_native(
                        def.func,
                        Args {
                            all: &all,
                            kwnames: args.kwnames,
                        },
                    )
                }
            };
        }
        if let Some(d) = f.get::<MethodDescr>() {
            let (def, objclass) = (d.def, d.objclass.clone());
            let Some(first) = args.pos().first() else {
                return Err(exceptions::type_error(format!(
                    "unbound method {}.{}() needs an argument",
                    typeobj::info(&objclass).name,
                    def.name
                )));
            };
            if !typeobj::is_subtype(&first.type_obj(), &objclass) {
                return Err(exceptions::type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    def.name,
                    typeobj::info(&objclass).name,
                    typeobj::type_name(first)
                )));
            }
            return self.call_native(def.func, args);
        }
        if let Some(m) = f.get::<Method>() {
            let (func, s) = (m.func.clone(), m.self_.clone());
            let all: ArgVec = std::iter::once(s).chain(args.all.iter().cloned()).collect();
            return self.call(
                &func,
                Args {
                    all: &all,
                    kwnames: args.kwnames,
                },
            );
        }
        if let Some(ty) = TypeRef::from_obj::<TypeInfo>(f) {
            // A metaclass's own __call__ (its call slot, when not type's).
            let meta = f.type_obj();
            if !meta.is(&crate::objects::ctx().type_type) {
                let own = typeobj::slotdefs::slots_of_type(&meta).call.get();
                let types = typeobj::slotdefs::slots_of_type(&crate::objects::ctx().type_type)
                    .call
                    .get();
                if let Some(call) = own.filter(|c| types.map(|t| t as usize) != Some(*c as usize)) {
                    self.check_recursion()?;
                    self.depth += 1;
                    let r = call(self, f, args);
                    self.depth -= 1;
                    return r;
                }
            }
            return self.type_call(&ty, args);
        }
        if let Some(call) = typeobj::slotdefs::slots_of_type(&f.type_obj()).call.get() {
            self.check_recursion()?;
            self.depth += 1;
            let r = call(self, f, args);
            self.depth -= 1;
            return r;
        }
        if f.vtable().heap_type {
            let ty = f.type_obj();
            let key = string::intern_str("__call__");
            if let Some(m) = self.type_lookup(&ty, &key)? {
                let m = self.bind_descriptor(m, Some(f), &ty)?;
                self.check_recursion()?;
                self.depth += 1;
                let r = self.call(&m, args);
                self.depth -= 1;
                return r;
            }
        }
        if let Some(w) = f.get::<crate::objects::descr::Wrapper>() {
            if f.is_type(&crate::objects::ctx().staticmethod_type) {
                let c = w.callable.clone();
                return self.call(&c, args);
            }
        }
        Err(exceptions::type_error(format!(
            "'{}' object is not callable",
            typeobj::type_name(f)
        )))
    }

    /// Run a Rust builtin, counting the call against the recursion limit.
    pub(super) fn call_native(
        &mut self,
        func: crate::objects::builtin_function::NativeFn,
        args: Args<'_>,
    ) -> VmResult<PyObj> {
        self.check_recursion()?;
        self.depth += 1;
        let r = func(self, args);
        self.depth -= 1;
        r
    }

    /// Calling a type: its `__new__` (found along the base chain) with the type first.
    pub(crate) fn type_call(&mut self, ty: &TypeRef, args: Args<'_>) -> VmResult<PyObj> {
        if typeobj::is_heap_type(ty) {
            // A class has no vectorcall: python3 calls it through its call slot,
            // one level of the recursion count, while `__new__` and `__init__` run.
            self.enter_recursive(CALLING)?;
            let r = self.call_class(ty, args);
            self.leave_recursive();
            return r;
        }
        // Through the type cache by static name: no interning per call.
        let new = self.type_lookup_static(ty, "__new__")?;
        let Some(new) = new else {
            return Err(exceptions::type_error(format!(
                "cannot create '{}' instances",
                typeobj::info(ty).name
            )));
        };
        let all: ArgVec = std::iter::once(ty.as_obj().clone())
            .chain(args.all.iter().cloned())
            .collect();
        let inner = Args {
            all: &all,
            kwnames: args.kwnames,
        };
        let obj = match typeobj::constructor_of(&new) {
            Some(def) => self.call_native(def.func, inner)?,
            None => self.call(&new, inner)?,
        };
        // type(name, bases, ns) handed over to a metaclass's `__new__` (type_new): the
        // class it made is initialised by its metaclass, as type_call does.
        let oty = obj.type_obj();
        if ty.is(&ctx().type_type)
            && args.pos().len() != 1
            && typeobj::is_heap_type(&oty)
            && typeobj::is_subtype(&oty, ty)
        {
            if let Some(init) = self.type_lookup_static(&oty, "__init__")? {
                let all: ArgVec = std::iter::once(obj.clone())
                    .chain(args.all.iter().cloned())
                    .collect();
                let r = self.call(
                    &init,
                    Args {
                        all: &all,
                        kwnames: args.kwnames,
                    },
                )?;
                if !r.is(&ctx().none) {
                    return Err(exceptions::type_error(format!(
                        "__init__() should return None, not '{}'",
                        typeobj::type_name(&r)
                    )));
                }
            }
        }
        Ok(obj)
    }

    /// An attribute in a type's dict or its bases' (no descriptor binding).
    pub(crate) fn lookup_type_attr(&mut self, ty: &TypeRef, name: &str) -> Option<PyObj> {
        let key = string::intern_str(name);
        let mut cur = Some(ty.clone());
        while let Some(t) = cur {
            let d = typeobj::type_dict(&t).clone();
            if let Ok(Some(v)) = self.dict_get(&d, &key) {
                return Some(v);
            }
            cur = typeobj::info(&t).base().cloned();
        }
        None
    }

    /// The positional values and keyword names of `f(*args, **kwargs)`.
    pub(crate) fn spread_call_args(
        &mut self,
        func: &PyObj,
        args: &PyObj,
        kwargs: Option<&PyObj>,
    ) -> VmResult<(ArgVec, Option<PyObj>)> {
        let mut all: ArgVec = match tuple::items(args) {
            Some(items) => items.iter().cloned().collect(),
            None => self.collect_iter(args)?.into_iter().collect(),
        };
        let Some(kw) = kwargs else {
            return Ok((all, None));
        };
        let Some(items) = dict::items(kw) else {
            return Err(exceptions::type_error(format!(
                "{}() argument after ** must be a mapping, not {}",
                self.callable_name(func),
                typeobj::type_name(kw)
            )));
        };
        let mut names = Vec::with_capacity(items.len());
        for (k, v) in items {
            if string::view(&k).is_none() {
                return Err(exceptions::type_error("keywords must be strings"));
            }
            names.push(k);
            all.push(v);
        }
        Ok((all, Some(tuple::new(names))))
    }

    /// A callable's name for messages (`f`, `A.m`).
    pub(crate) fn callable_name(&self, f: &PyObj) -> String {
        if let Some(func) = function::state(f) {
            return string::as_str(&func.qualname)
                .unwrap_or_default()
                .into_owned();
        }
        if let Some(b) = f.get::<BuiltinFunction>() {
            return b.def.name.to_string();
        }
        typeobj::type_name(f)
    }

    /// MAKE_FUNCTION: build a function from the code object and the flagged extras.
    pub(crate) fn make_function(&mut self, fi: usize, flags: u32) -> VmResult<PyObj> {
        let code = self.stack.pop().expect("code");
        let take =
            |bit: u32, vm: &mut Vm| (flags & bit != 0).then(|| vm.stack.pop().expect("operand"));
        let closure = take(8, self);
        let annotations = take(4, self);
        let kwdefaults = take(2, self);
        let defaults = take(1, self);
        let c = code
            .get::<Code>()
            .expect("MAKE_FUNCTION needs a code object");
        let (name, qualname) = (c.name.clone(), c.qualname.clone());
        // A str consts[0] is the docstring (CPython's PyFunction_New rule).
        let doc = c
            .consts
            .first()
            .filter(|d| crate::objects::string::view(d).is_some())
            .cloned();
        let globals = self.frame_globals(fi);
        let builtins = self.frame_builtins(fi);
        let key = self.name_key.clone();
        let module = self.dict_get(&globals, &key).ok().flatten();
        Ok(function::new(Function::new(
            globals,
            builtins,
            FunctionState {
                code,
                name,
                qualname,
                defaults,
                kwdefaults,
                closure,
                doc,
                dict: None,
                module,
                annotations,
                weakreflist: None,
                version: 0,
            },
        )))
    }
}
