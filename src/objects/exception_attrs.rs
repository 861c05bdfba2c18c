//! The data attributes of exceptions as member and getset descriptors (CPython's
//! BaseException_getset and the members of StopIteration, SystemExit, ImportError
//! and UnicodeError), and traceback objects made from an exception's entries.

use crate::heap::PyObj;
use crate::objects::code::Code;
use crate::objects::descr::{none_or, GetSetDef as G};
use crate::objects::exception::{ExcObj, TbEntry, Traceback};
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{string, tuple};

fn exc(o: &PyObj) -> VmResult<crate::heap::PRef<'_, ExcObj>> {
    o.borrow::<ExcObj>().map_err(|_| {
        exceptions::type_error(format!(
            "descriptor for 'BaseException' objects doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))
    })
}

fn exc_mut(o: &PyObj) -> VmResult<crate::heap::PMut<'_, ExcObj>> {
    o.borrow_mut::<ExcObj>()
        .map_err(|_| exceptions::type_error("an exception changed while in use"))
}

fn get_args(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(exc(o)?.args.clone())
}
fn set_args(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let Some(v) = v else {
        return Err(exceptions::type_error("args may not be deleted"));
    };
    let t = match tuple::items(&v) {
        Some(_) => v,
        None => tuple::new(rt.collect_iter(&v)?),
    };
    let old = std::mem::replace(&mut exc_mut(o)?.args, t);
    drop(old);
    Ok(())
}
fn get_traceback(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(traceback_object(o))
}
fn set_tb(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    match v {
        Some(v) => set_traceback(o, &v),
        None => Err(exceptions::type_error("__traceback__ may not be deleted")),
    }
}
/// `__context__` / `__cause__`: an exception or None.
fn chained(v: Option<PyObj>, what: &str) -> VmResult<Option<PyObj>> {
    match v {
        None => Err(exceptions::type_error(format!("{what} may not be deleted"))),
        Some(v) if v.is(&super::ctx().none) => Ok(None),
        Some(v) if exceptions::is_exception(&v) => Ok(Some(v)),
        Some(_) => Err(exceptions::type_error(format!(
            "exception {} must be None or derive from BaseException",
            if what == "__cause__" {
                "cause"
            } else {
                "context"
            }
        ))),
    }
}
fn get_context(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&exc(o)?.context))
}
fn set_context(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = chained(v, "__context__")?;
    let old = std::mem::replace(&mut exc_mut(o)?.context, v);
    drop(old);
    Ok(())
}
fn get_cause(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&exc(o)?.cause))
}
fn set_cause(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = chained(v, "__cause__")?;
    let old = {
        let mut e = exc_mut(o)?;
        e.suppress_context = true;
        std::mem::replace(&mut e.cause, v)
    };
    drop(old);
    Ok(())
}
fn get_suppress(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let c = super::ctx();
    Ok(if exc(o)?.suppress_context {
        &c.true_
    } else {
        &c.false_
    }
    .clone())
}
fn set_suppress(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let c = super::ctx();
    let b = match v {
        Some(v) if v.is(&c.true_) => true,
        Some(v) if v.is(&c.false_) => false,
        Some(_) => return Err(exceptions::type_error("attribute value type must be bool")),
        None => {
            return Err(exceptions::type_error(
                "can't delete numeric/char attribute",
            ))
        }
    };
    exc_mut(o)?.suppress_context = b;
    Ok(())
}
fn get_dict(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(instance_dict(o).unwrap_or_else(|| super::ctx().none.clone()))
}
fn set_dict(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    match v {
        Some(d) if d.is_a::<super::dict::Dict>() => {
            let old = exc_mut(o)?.dict.replace(d);
            drop(old);
            Ok(())
        }
        Some(d) => Err(exceptions::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            super::typeobj::type_name(&d)
        ))),
        None => Err(exceptions::type_error("cannot delete __dict__")),
    }
}

/// The exception's `__dict__`, made on first use (the generic getattr and setattr
/// keep other attributes there).
pub fn instance_dict(o: &PyObj) -> Option<PyObj> {
    let mut e = o.borrow_mut::<ExcObj>().ok()?;
    Some(e.dict.get_or_insert_with(super::dict::new).clone())
}

/// BaseException's member and getset descriptors.
pub static BASE_EXCEPTION: &[G] = &[
    G::member_rw("__suppress_context__", get_suppress, set_suppress),
    G::getset("__dict__", get_dict, set_dict),
    G::getset("args", get_args, set_args),
    G::getset("__traceback__", get_traceback, set_tb),
    G::getset("__context__", get_context, set_context),
    G::getset("__cause__", get_cause, set_cause),
];

/// A member of an exception subclass kept in the exception's `__dict__` (assigned
/// there by its constructor or by the program); `default` when it is not there.
fn dict_member(o: &PyObj, name: &str, default: impl FnOnce() -> PyObj) -> VmResult<PyObj> {
    let d = exc(o)?.dict.clone();
    if let Some(d) = d {
        let key = string::intern_str(name);
        let h = string::hash(&key).expect("str");
        if let Some(v) = super::dict::get_item(&d, &key, h, &mut super::dict::builtin_eq)? {
            return Ok(v);
        }
    }
    Ok(default())
}
fn set_dict_member(rt: &mut dyn Runtime, o: &PyObj, name: &str, v: Option<PyObj>) -> VmResult<()> {
    let d = instance_dict(o).ok_or_else(|| exceptions::type_error("not an exception"))?;
    let key = string::intern_str(name);
    match v {
        Some(v) => rt.setitem(&d, &key, v),
        None => match rt.delitem(&d, &key) {
            Err(e) if exceptions::matches(&e.0, super::ctx().exc_type("KeyError")) => Ok(()),
            r => r,
        },
    }
}
/// The first argument, or None.
fn first_arg(o: &PyObj) -> PyObj {
    let args = exceptions::args(o);
    tuple::items(&args)
        .and_then(|a| a.first().cloned())
        .unwrap_or_else(|| super::ctx().none.clone())
}

fn get_value(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    dict_member(o, "value", || first_arg(o))
}
fn set_value(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "value", v)
}
/// StopIteration's member.
pub static STOP_ITERATION: &[G] = &[G::member_rw("value", get_value, set_value)];

fn get_code(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    dict_member(o, "code", || first_arg(o))
}
fn set_code(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "code", v)
}
/// SystemExit's member.
pub static SYSTEM_EXIT: &[G] = &[G::member_rw("code", get_code, set_code)];

fn none() -> PyObj {
    super::ctx().none.clone()
}
/// ImportError's msg: the one argument when there is exactly one.
fn get_msg(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    dict_member(o, "msg", || {
        let args = exceptions::args(o);
        match tuple::items(&args) {
            Some([m]) => m.clone(),
            _ => none(),
        }
    })
}
fn set_msg(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "msg", v)
}
fn get_name(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    dict_member(o, "name", none)
}
fn set_name(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "name", v)
}
fn get_path(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    dict_member(o, "path", none)
}
fn set_path(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "path", v)
}
/// ImportError's members.
pub static IMPORT_ERROR: &[G] = &[
    G::member_rw("msg", get_msg, set_msg),
    G::member_rw("name", get_name, set_name),
    G::member_rw("path", get_path, set_path),
];

/// UnicodeError's members: the constructor's five arguments (an AttributeError when
/// not made from them).
fn unicode_part(o: &PyObj, name: &str) -> VmResult<PyObj> {
    let v = dict_member(o, name, || {
        super::codecs::unicode_error_attr(o, name).unwrap_or_else(none)
    })?;
    if v.is(&super::ctx().none) {
        return Err(exceptions::named(
            "AttributeError",
            format!(
                "'{}' object has no attribute '{name}'",
                super::typeobj::type_name(o)
            ),
        ));
    }
    Ok(v)
}
fn get_encoding(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    unicode_part(o, "encoding")
}
fn get_object(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    unicode_part(o, "object")
}
fn get_start(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    unicode_part(o, "start")
}
fn get_end(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    unicode_part(o, "end")
}
fn get_reason(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    unicode_part(o, "reason")
}
fn set_encoding(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "encoding", v)
}
fn set_object(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "object", v)
}
fn set_start(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "start", v)
}
fn set_end(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "end", v)
}
fn set_reason(rt: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    set_dict_member(rt, o, "reason", v)
}
/// UnicodeError's members.
pub static UNICODE_ERROR: &[G] = &[
    G::member_rw("encoding", get_encoding, set_encoding),
    G::member_rw("object", get_object, set_object),
    G::member_rw("start", get_start, set_start),
    G::member_rw("end", get_end, set_end),
    G::member_rw("reason", get_reason, set_reason),
];

// Traceback objects.

fn tb(o: &PyObj) -> VmResult<&Traceback> {
    crate::objects::descr::expect::<Traceback>(o, "traceback")
}
fn get_tb_next(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&tb(o)?.next))
}
fn get_tb_lineno(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::int::new_i64(tb(o)?.lineno as i64))
}
fn get_tb_lasti(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::int::new_i64(tb(o)?.instr as i64 * 2))
}
/// traceback's members and getset.
pub static TRACEBACK: &[G] = &[
    G::getter("tb_next", get_tb_next),
    G::member("tb_lasti", get_tb_lasti),
    G::member("tb_lineno", get_tb_lineno),
];

/// `exc.__traceback__ = tb` (None or a traceback object), also
/// `exc.with_traceback(tb)`: the exception's entries become those of the chain.
pub fn set_traceback(exc: &PyObj, tb: &PyObj) -> VmResult<()> {
    let entries = if tb.is(&super::ctx().none) {
        None
    } else if tb.is_a::<Traceback>() {
        let mut v = Vec::new();
        let mut cur = Some(tb.clone());
        while let Some(t) = cur {
            let t2 = t.get::<Traceback>().expect("a traceback");
            v.push(TbEntry {
                code: t2.code.clone(),
                instr: t2.instr,
            });
            cur = t2.next.clone();
        }
        // Entries are kept innermost first.
        v.reverse();
        Some(Box::new(v))
    } else {
        return Err(super::exceptions::type_error(
            "__traceback__ must be a traceback or None",
        ));
    };
    let old = match exc.borrow_mut::<ExcObj>() {
        Ok(mut e) => std::mem::replace(&mut e.traceback, entries),
        Err(_) => None,
    };
    drop(old);
    Ok(())
}

/// `exc.__traceback__`: a chain of traceback objects, outermost frame first (None if
/// the exception was never raised).
pub fn traceback_object(exc: &PyObj) -> PyObj {
    let entries: Vec<(PyObj, u32)> = exc
        .borrow::<ExcObj>()
        .ok()
        .and_then(|e| {
            e.traceback
                .as_ref()
                .map(|t| t.iter().map(|x| (x.code.clone(), x.instr)).collect())
        })
        .unwrap_or_default();
    let mut next: Option<PyObj> = None;
    // Entries are innermost first: build from the inside out.
    for (code, instr) in entries {
        let lineno = code
            .get::<Code>()
            .and_then(|c| c.locations.get(instr as usize).map(|l| l.line))
            .unwrap_or(0);
        next = Some(PyObj::new(
            &super::ctx().traceback_type,
            Traceback {
                code,
                instr,
                lineno,
                next,
            },
        ));
    }
    next.unwrap_or_else(|| super::ctx().none.clone())
}
