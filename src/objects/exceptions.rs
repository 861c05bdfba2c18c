//! Raising: the exception in flight (`Exc`), the result of anything that can raise
//! (`VmResult`), and making and inspecting exception objects.

use crate::error::{ExcKind, PyErr};
use crate::heap::{PyObj, TypeRef};
use crate::objects::exception::{kind_name, ExcObj, TbEntry};
use crate::objects::{ctx, string, tuple, typeobj};

/// An exception in flight: an exception instance.
#[derive(Debug, Clone)]
pub struct Exc(pub PyObj);

/// The result of anything that can raise.
pub type VmResult<T> = Result<T, Exc>;

impl From<PyErr> for Exc {
    fn from(e: PyErr) -> Exc {
        from_pyerr(&e)
    }
}

/// A new instance of exception class `ty` with `args`.
pub fn new_exc(ty: &TypeRef, args: Vec<PyObj>) -> PyObj {
    PyObj::new(
        ty,
        ExcObj {
            dict: None,
            args: tuple::new(args),
            notes: None,
            traceback: None,
            context: None,
            cause: None,
            suppress_context: false,
        },
    )
}

/// An exception of the built-in class `name` with message `msg`.
pub fn named(name: &str, msg: impl AsRef<str>) -> Exc {
    let ty = ctx().exc_type(name);
    Exc(new_exc(ty, vec![string::new(msg.as_ref())]))
}

/// An exception of built-in class `name` with no arguments.
pub fn named_empty(name: &str) -> Exc {
    Exc(new_exc(ctx().exc_type(name), vec![]))
}

/// An exception for one of the kinds the object layer raises.
pub fn new_error(kind: ExcKind, msg: impl AsRef<str>) -> Exc {
    if kind == ExcKind::MemoryError && msg.as_ref().is_empty() {
        return memory_error();
    }
    named(kind_name(kind), msg)
}

/// The exception object for an object-layer error.
pub fn from_pyerr(e: &PyErr) -> Exc {
    new_error(e.kind, &e.msg)
}

/// A MemoryError (no message, as CPython's).
pub fn memory_error() -> Exc {
    named_empty("MemoryError")
}

/// A TypeError.
pub fn type_error(msg: impl AsRef<str>) -> Exc {
    named("TypeError", msg)
}

/// A ValueError.
pub fn value_error(msg: impl AsRef<str>) -> Exc {
    named("ValueError", msg)
}

/// Is `obj` an exception instance (its payload is an exception's)?
pub fn is_exception(obj: &PyObj) -> bool {
    obj.is_a::<ExcObj>()
}

/// Is `ty` an exception class?
pub fn is_exception_class(ty: &PyObj) -> bool {
    TypeRef::from_obj::<typeobj::TypeInfo>(ty).is_some_and(|t| {
        t.instance_vtable().type_id() == ctx().exc_type("BaseException").instance_vtable().type_id()
    })
}

/// isinstance(exc, ty) for an exception class.
pub fn matches(exc: &PyObj, ty: &TypeRef) -> bool {
    typeobj::is_subtype(&exc.type_obj(), ty)
}

/// The `args` tuple of an exception.
pub fn args(exc: &PyObj) -> PyObj {
    exc.borrow::<ExcObj>()
        .map(|e| e.args.clone())
        .unwrap_or_else(|_| ctx().empty_tuple.clone())
}

/// Record that the exception passed through `code` at instruction `instr`. Entries
/// are kept innermost first (appending is O(1) however deep the recursion); the
/// traceback printer reverses them.
pub fn add_traceback(exc: &PyObj, code: &PyObj, instr: u32) {
    if let Ok(mut e) = exc.borrow_mut::<ExcObj>() {
        e.traceback
            .get_or_insert_with(Default::default)
            .push(TbEntry {
                code: code.clone(),
                instr,
            });
    }
}

/// Set `__context__` (implicit chaining) unless it would make a cycle.
pub fn set_context(exc: &PyObj, context: PyObj) {
    if exc.is(&context) {
        return;
    }
    // Break a cycle through the context chain, as CPython's _PyErr_SetObject does.
    let mut o = Some(context.clone());
    while let Some(cur) = o {
        let next = cur.borrow::<ExcObj>().ok().and_then(|e| e.context.clone());
        if let Some(n) = &next {
            if n.is(exc) {
                if let Ok(mut c) = cur.borrow_mut::<ExcObj>() {
                    drop(c.context.take());
                }
                break;
            }
        }
        o = next;
    }
    if let Ok(mut e) = exc.borrow_mut::<ExcObj>() {
        if e.context.is_none() {
            e.context = Some(context);
        }
    }
}

/// Set `__cause__` (raise ... from ...): also sets `__suppress_context__`.
pub fn set_cause(exc: &PyObj, cause: Option<PyObj>) {
    if let Ok(mut e) = exc.borrow_mut::<ExcObj>() {
        e.cause = cause;
        e.suppress_context = true;
    }
}

/// AttributeError: 'T' object has no attribute 'name'.
pub fn no_attribute(o: &PyObj, name: &str) -> Exc {
    attribute_error(
        format!(
            "'{}' object has no attribute '{name}'",
            super::typeobj::type_name(o)
        ),
        o,
        name,
    )
}

/// An AttributeError carrying `name` and `obj`, as CPython 3.10+ sets them (the
/// traceback printer uses them for "Did you mean" suggestions).
pub fn attribute_error(msg: String, o: &PyObj, name: &str) -> Exc {
    let e = named("AttributeError", msg);
    if let Ok(mut x) = e.0.borrow_mut::<ExcObj>() {
        let d = super::dict::new();
        for (k, v) in [("name", string::new(name)), ("obj", o.clone())] {
            let key = string::intern_str(k);
            let h = string::hash(&key).expect("str");
            let _ = super::dict::set_item(&d, key, h, v, &mut super::dict::builtin_eq);
        }
        x.dict = Some(d);
    }
    e
}
