//! Argument handling shared by the methods of the built-in types: splitting off
//! `self`, CPython's three arity-check styles (METH_O / METH_NOARGS in `Args`,
//! PyArg_ParseTuple's "f() takes at most 3 arguments (4 given)", Argument Clinic's
//! keyword parser) and the index conversions (`__index__`, slice indices).

use crate::heap::PyObj;
use crate::objects::{ctx, int, string, typeobj};
use crate::vm::{exceptions, Args, Exc, VmResult};

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

/// Argument Clinic's keyword parser for `fname(names...)` with the first `required`
/// parameters required: the value of each parameter, by position or by name.
pub fn clinic<'a>(
    args: &Args<'a>,
    fname: &str,
    names: &[&str],
    required: usize,
) -> VmResult<Vec<Option<&'a PyObj>>> {
    let pos = args.pos();
    let total = pos.len() + args.kwnames.len();
    if total > names.len() {
        let max = names.len();
        return Err(exceptions::type_error(format!(
            "{fname}() takes at most {max} argument{} ({total} given)",
            plural(max)
        )));
    }
    let mut out: Vec<Option<&PyObj>> = vec![None; names.len()];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        let k = string::as_str(k).unwrap_or_default();
        let Some(i) = names.iter().position(|n| *n == k) else {
            return Err(exceptions::type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        };
        if i < pos.len() {
            return Err(exceptions::type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v);
    }
    if let Some(i) = out[..required].iter().position(Option::is_none) {
        return Err(exceptions::type_error(format!(
            "{fname}() missing required argument '{}' (pos {})",
            names[i],
            i + 1
        )));
    }
    Ok(out)
}

fn overflow() -> Exc {
    exceptions::named(
        "OverflowError",
        "Python int too large to convert to C ssize_t",
    )
}

/// PyNumber_AsSsize_t with OverflowError: an int (or bool) as a Py_ssize_t.
pub fn index(o: &PyObj) -> VmResult<i64> {
    if let Some(v) = int::as_i64(o) {
        return Ok(v);
    }
    if int::value(o).is_some() {
        return Err(overflow());
    }
    Err(exceptions::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        typeobj::type_name(o)
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
