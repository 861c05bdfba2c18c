//! repr(), str() and ascii() of the built-in types, as CPython prints them. Nested
//! containers recurse in Rust, one level per nesting level, counted against the
//! recursion limit (RecursionError as CPython's Py_EnterRecursiveCall); a container
//! that contains itself prints as `[...]`.

use crate::heap::{PyObj, TypeRef};
use crate::objects::builtin_function::{BuiltinFunction, MethodDescr};
use crate::objects::code::Code;
use crate::objects::exception::ExcObj;
use crate::objects::function::Function;
use crate::objects::method::Method;
use crate::objects::module::Module;
use crate::objects::numeric::{float_repr, int_to_decimal};
use crate::objects::range::Range;
use crate::objects::slice::Slice;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::unicode::repr::repr_view;
use crate::objects::{cell, ctx, dict, float, int, list, set, string, tuple};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;

fn at(o: &PyObj) -> String {
    format!("0x{:x}", o.id())
}

impl Vm {
    /// repr(obj) as a str object.
    pub fn repr_obj(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let s = self.repr(o)?;
        Ok(string::new(&s))
    }

    /// str(obj) as a str object (a str is returned as itself).
    pub fn str_obj(&mut self, o: &PyObj) -> VmResult<PyObj> {
        if o.is_type(&ctx().str_type) {
            return Ok(o.clone());
        }
        let s = self.str(o)?;
        Ok(string::new(&s))
    }

    /// ascii(obj): repr with non-ASCII characters escaped.
    pub fn ascii_obj(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let r = self.repr(o)?;
        Ok(string::new(&ascii_escape(&r)))
    }

    /// str(obj) as Rust text.
    pub fn str(&mut self, o: &PyObj) -> VmResult<String> {
        if self.dispatches(o, "__str__") {
            self.enter_recursive(" while calling a Python object")?;
            let r = self.special_text(o, "__str__");
            self.leave_recursive();
            if let Some(s) = r? {
                return Ok(s);
            }
        }
        if let Some(v) = string::view(o) {
            return Ok(v.to_str_lossy().into_owned());
        }
        if o.is_a::<ExcObj>() {
            return self.exception_str(o);
        }
        if let Some(p) = o.get::<dict::MappingProxy>() {
            let m = p.mapping.clone();
            return self.str(&m);
        }
        self.repr(o)
    }

    /// str(exc): the message, per CPython's BaseException.__str__ (KeyError shows
    /// the repr of its key).
    pub fn exception_str(&mut self, e: &PyObj) -> VmResult<String> {
        let args = exceptions::args(e);
        let items = tuple::items(&args).unwrap_or(&[]).to_vec();
        match items.as_slice() {
            [] => Ok(String::new()),
            [x] if exceptions::matches(e, ctx().exc_type("KeyError")) => self.repr(x),
            [x] => self.str(x),
            _ => self.repr(&args),
        }
    }

    /// `<__main__.A object at 0x...>`: object.__repr__.
    pub fn default_repr(&mut self, o: &PyObj) -> String {
        let ty = o.type_obj();
        format!("<{} object at {}>", self.class_display_name(&ty), at(o))
    }

    /// `module.qualname` of a class (just the name for built-in types).
    pub fn class_display_name(&mut self, ty: &TypeRef) -> String {
        let i = typeobj::info(ty);
        let Some(h) = &i.heap else {
            return i.name.to_string();
        };
        let q = string::as_str(&h.qualname.borrow())
            .unwrap_or_default()
            .into_owned();
        let d = typeobj::type_dict(ty);
        match self.dict_get_str(&d, "__module__") {
            Some(m) if string::as_str(&m).as_deref() != Some("builtins") => {
                format!("{}.{q}", string::as_str(&m).unwrap_or_default())
            }
            _ => q,
        }
    }

    /// The str result of a `__repr__` / `__str__` method.
    fn special_text(&mut self, o: &PyObj, name: &'static str) -> VmResult<Option<String>> {
        let Some(r) = self.call_special(o, name, &[])? else {
            return Ok(None);
        };
        match string::view(&r) {
            Some(v) => Ok(Some(v.to_str_lossy().into_owned())),
            None => Err(exceptions::type_error(format!(
                "{name} returned non-string (type {})",
                typeobj::type_name(&r)
            ))),
        }
    }

    /// repr(obj) as Rust text.
    pub fn repr(&mut self, o: &PyObj) -> VmResult<String> {
        let c = ctx();
        if self.dispatches(o, "__repr__") {
            self.enter_recursive(" while calling a Python object")?;
            let r = self.special_text(o, "__repr__");
            self.leave_recursive();
            if let Some(s) = r? {
                return Ok(s);
            }
        }
        if let Some(v) = string::view(o) {
            return Ok(repr_view(v));
        }
        if o.is_type(&c.bool_type) {
            return Ok(if o.is(&c.true_) { "True" } else { "False" }.into());
        }
        if let Some(v) = int::as_i64(o) {
            return Ok(v.to_string());
        }
        if let Some(v) = int::value(o) {
            return Ok(int_to_decimal(&v)?);
        }
        if let Some(f) = float::value(o) {
            return Ok(float_repr(f));
        }
        if o.is(&c.none) {
            return Ok("None".into());
        }
        if o.is(&c.ellipsis) {
            return Ok("Ellipsis".into());
        }
        if o.is(&c.not_implemented) {
            return Ok("NotImplemented".into());
        }
        if tuple::items(o).is_some()
            || o.is_a::<list::List>()
            || o.is_a::<dict::Dict>()
            || o.is_a::<set::Set>()
        {
            return self.container_repr(o);
        }
        if let Some(f) = super::slots::slots_of(o).and_then(|s| s.repr) {
            return f(self, o);
        }
        Ok(self.plain_repr(o))
    }

    /// repr of a list, tuple, dict, set or frozenset.
    fn container_repr(&mut self, o: &PyObj) -> VmResult<String> {
        let c = ctx();
        if self.repr_active.iter().any(|id| *id == o.id()) {
            return Ok(if o.is_a::<list::List>() {
                "[...]"
            } else if o.is_a::<dict::Dict>() {
                "{...}"
            } else {
                "..."
            }
            .to_string());
        }
        self.enter_recursive(" while getting the repr of an object")?;
        self.repr_active.push(o.id());
        let r = self.container_repr_inner(o, c);
        self.repr_active.pop();
        self.leave_recursive();
        r
    }

    fn join_reprs(&mut self, items: &[PyObj]) -> VmResult<String> {
        let mut out = String::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(x)?);
        }
        Ok(out)
    }

    fn container_repr_inner(
        &mut self,
        o: &PyObj,
        c: &crate::objects::context::Ctx,
    ) -> VmResult<String> {
        if let Some(items) = tuple::items(o) {
            let items = items.to_vec();
            let inner = self.join_reprs(&items)?;
            return Ok(if items.len() == 1 {
                format!("({inner},)")
            } else {
                format!("({inner})")
            });
        }
        if let Some(l) = list::borrow(o) {
            let items = l.0.clone();
            drop(l);
            return Ok(format!("[{}]", self.join_reprs(&items)?));
        }
        if let Some(items) = dict::items(o) {
            let mut out = String::from("{");
            for (i, (k, v)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&self.repr(k)?);
                out.push_str(": ");
                out.push_str(&self.repr(v)?);
            }
            out.push('}');
            return Ok(out);
        }
        let items = set::elements(o).unwrap_or_default();
        // Anything but an exact set shows its type's name (frozenset, subclasses).
        let frozen = !o.is_type(&c.set_type);
        let name = typeobj::type_name(o);
        if items.is_empty() {
            return Ok(format!("{name}()"));
        }
        let inner = self.join_reprs(&items)?;
        Ok(if frozen {
            format!("{name}({{{inner}}})")
        } else {
            format!("{{{inner}}}")
        })
    }

    /// repr of objects that are not containers or numbers.
    fn plain_repr(&mut self, o: &PyObj) -> String {
        if let Some(ty) = TypeRef::from_obj::<TypeInfo>(o) {
            return format!("<class '{}'>", self.class_display_name(&ty));
        }
        if let Some(w) = o.get::<crate::objects::descr::Wrapper>() {
            let f = w.callable.clone();
            let inner = self.repr(&f).unwrap_or_default();
            return format!("<{}({inner})>", typeobj::type_name(o));
        }
        if let Some(d) = o.get::<crate::objects::descr::Descr>() {
            let n = string::as_str(&d.name).unwrap_or_default();
            let owner = typeobj::info(&d.owner).name.to_string();
            return match d.kind {
                crate::objects::descr::DescrKind::Slot(_) => {
                    format!("<member '{n}' of '{owner}' objects>")
                }
                _ => format!("<attribute '{n}' of '{owner}' objects>"),
            };
        }
        if let Some(sp) = o.get::<crate::objects::descr::Super>() {
            let t = sp.ty.clone();
            let ot = sp.obj_type.clone();
            let tn = self.class_display_name(&t);
            return match ot {
                Some(ot) => format!(
                    "<super: <class '{tn}'>, <{} object>>",
                    typeobj::info(&ot).name
                ),
                None => format!("<super: <class '{tn}'>, NULL>"),
            };
        }
        if o.vtable().heap_type {
            return self.default_repr(o);
        }
        if let Ok(f) = o.borrow::<Function>() {
            let q = string::as_str(&f.qualname).unwrap_or_default();
            return format!("<function {q} at {}>", at(o));
        }
        if let Some(b) = o.get::<BuiltinFunction>() {
            return match &b.self_ {
                None => format!("<built-in function {}>", b.def.name),
                Some(s) => format!(
                    "<built-in method {} of {} object at {}>",
                    b.def.name,
                    typeobj::type_name(s),
                    at(s)
                ),
            };
        }
        if let Some(d) = o.get::<MethodDescr>() {
            return format!(
                "<method '{}' of '{}' objects>",
                d.def.name,
                typeobj::info(&d.objclass).name
            );
        }
        if let Some(m) = o.get::<Method>() {
            let (func, s) = (m.func.clone(), m.self_.clone());
            let name = self.callable_name(&func);
            let sr = self.repr(&s).unwrap_or_default();
            return format!("<bound method {name} of {sr}>");
        }
        if let Some(m) = o.get::<Module>() {
            let n = string::as_str(&m.name).unwrap_or_default();
            return format!("<module '{n}' (built-in)>");
        }
        if let Some(r) = o.get::<Range>() {
            let (start, stop, step) = (r.start.clone(), r.stop.clone(), r.step.clone());
            let s = |vm: &mut Vm, x: &PyObj| vm.repr(x).unwrap_or_default();
            return if int::as_i64(&step) == Some(1) {
                format!("range({}, {})", s(self, &start), s(self, &stop))
            } else {
                format!(
                    "range({}, {}, {})",
                    s(self, &start),
                    s(self, &stop),
                    s(self, &step)
                )
            };
        }
        if let Some(sl) = o.get::<Slice>() {
            let (a, b, st) = (sl.start.clone(), sl.stop.clone(), sl.step.clone());
            let s = |vm: &mut Vm, x: &PyObj| vm.repr(x).unwrap_or_default();
            return format!("slice({}, {}, {})", s(self, &a), s(self, &b), s(self, &st));
        }
        if o.is_a::<ExcObj>() {
            return self.exception_repr(o);
        }
        self.plain_repr_rest(o)
    }

    /// BaseException.__repr__: `Name(args...)`.
    pub fn exception_repr(&mut self, o: &PyObj) -> String {
        {
            let name = typeobj::type_name(o);
            let args = exceptions::args(o);
            let items = tuple::items(&args).unwrap_or(&[]).to_vec();
            let inner = match items.as_slice() {
                [x] => self.repr(x).unwrap_or_default(),
                _ => {
                    let r = self.repr(&args).unwrap_or_default();
                    r[1..r.len() - 1].trim_end_matches(',').to_string()
                }
            };
            format!("{name}({inner})")
        }
    }

    fn plain_repr_rest(&mut self, o: &PyObj) -> String {
        if let Some(code) = o.get::<Code>() {
            let name = string::as_str(&code.name).unwrap_or_default();
            let file = string::as_str(&code.filename).unwrap_or_default();
            return format!(
                "<code object {name} at {}, file \"{file}\", line {}>",
                at(o),
                code.firstlineno
            );
        }
        if o.is_type(&ctx().cell_type) {
            return match cell::get(o) {
                Some(v) => format!(
                    "<cell at {}: {} object at {}>",
                    at(o),
                    typeobj::type_name(&v),
                    at(&v)
                ),
                None => format!("<cell at {}: empty>", at(o)),
            };
        }
        format!("<{} object at {}>", typeobj::type_name(o), at(o))
    }
}

/// Escape non-ASCII characters as ascii() does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        let c = ch as u32;
        match c {
            0..=0x7f => out.push(ch),
            0x80..=0xff => out.push_str(&format!("\\x{c:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{c:04x}")),
            _ => out.push_str(&format!("\\U{c:08x}")),
        }
    }
    out
}
