//! Argument handling particular to the methods of the built-in types: splitting off
//! `self`, PyArg_ParseTuple's arity check ("f() takes at most 3 arguments (4 given)"),
//! slice indices and str arguments. The general parsers and index conversions are in
//! crate::objects::args.

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::{ctx, int, string, typeobj};

/// `self` and the remaining arguments of a method call.
pub fn this<'a>(args: &Args<'a>) -> (&'a PyObj, Args<'a>) {
    (
        &args.all[0],
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// PyArg_ParseTuple's arity check ("find() takes at least 1 argument (0 given)").
pub fn tuple_range<'a>(
    args: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> VmResult<&'a [PyObj]> {
    args.no_kw(fname)?;
    let p = args.pos();
    let n = p.len();
    let (what, k) = if n < min {
        (if min == max { "exactly" } else { "at least" }, min)
    } else if n > max {
        (if min == max { "exactly" } else { "at most" }, max)
    } else {
        return Ok(p);
    };
    Err(exceptions::type_error(format!(
        "{fname}() takes {what} {k} argument{} ({n} given)",
        plural(k)
    )))
}

/// _PyEval_SliceIndex: None, or an int clamped to the Py_ssize_t range.
pub fn slice_index(o: Option<&PyObj>, none_ok: bool) -> VmResult<Option<i64>> {
    let Some(o) = o else { return Ok(None) };
    if none_ok && o.is(&ctx().none) {
        return Ok(None);
    }
    if let Some(v) = int::as_i64(o) {
        return Ok(Some(v));
    }
    if let Some(v) = int::value(o) {
        return Ok(Some(if v.is_negative() { i64::MIN } else { i64::MAX }));
    }
    Err(exceptions::type_error(if none_ok {
        "slice indices must be integers or None or have an __index__ method"
    } else {
        "slice indices must be integers or have an __index__ method"
    }))
}

/// A str argument, or TypeError `msg(type name)`.
pub fn str_arg<'a>(
    o: &'a PyObj,
    msg: impl FnOnce(&str) -> String,
) -> VmResult<std::borrow::Cow<'a, str>> {
    match string::view(o) {
        Some(v) => Ok(v.to_str_lossy()),
        None => Err(exceptions::type_error(msg(&typeobj::type_name(o)))),
    }
}

/// "must be str, not int".
pub fn must_be_str(o: &PyObj) -> VmResult<std::borrow::Cow<'_, str>> {
    str_arg(o, |t| format!("must be str, not {t}"))
}

/// None for a missing or None argument, else the str.
pub fn opt_str<'a>(
    o: Option<&'a PyObj>,
    msg: impl FnOnce(&str) -> String,
) -> VmResult<Option<std::borrow::Cow<'a, str>>> {
    match o {
        None => Ok(None),
        Some(o) if o.is(&ctx().none) => Ok(None),
        Some(o) => str_arg(o, msg).map(Some),
    }
}
