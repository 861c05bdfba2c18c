//! The arguments of a call to a Rust builtin, in CPython's vectorcall layout: the
//! positional arguments, then the values of the keyword arguments named by `kwnames`;
//! the arity checks and Argument Clinic's parser with CPython's messages; and the
//! integer-index conversions (PyNumber_Index, PyNumber_AsSsize_t, _PyLong_AsInt).

use crate::error::ExcKind;
use crate::heap::PyObj;
use crate::objects::numeric::Int;
use crate::objects::{int, string, typeobj};

use super::exceptions::{self, VmResult};

/// The value of each parameter Argument Clinic's parser found (None: not given);
/// up to eight need no heap allocation.
pub type Parsed<'a> = smallvec::SmallVec<[Option<&'a PyObj>; 8]>;

/// Arguments of a call to a builtin.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional arguments followed by keyword values.
    pub all: &'a [PyObj],
    /// Names of the keyword arguments (the last `kwnames.len()` of `all`).
    pub kwnames: &'a [PyObj],
}

impl<'a> Args<'a> {
    /// Positional arguments only.
    pub fn positional(all: &'a [PyObj]) -> Args<'a> {
        Args { all, kwnames: &[] }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [PyObj] {
        &self.all[..self.all.len() - self.kwnames.len()]
    }

    /// The keyword arguments as (name, value).
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a PyObj, &'a PyObj)> + 'a {
        let vals = &self.all[self.all.len() - self.kwnames.len()..];
        self.kwnames.iter().zip(vals)
    }

    /// The value of keyword argument `name`, if given.
    pub fn kw(&self, name: &str) -> Option<&'a PyObj> {
        self.kwargs()
            .find(|(k, _)| string::as_str(k).as_deref() == Some(name))
            .map(|(_, v)| v)
    }

    /// TypeError unless every keyword is one of `allowed`.
    pub fn only_kw(&self, fname: &str, allowed: &[&str]) -> VmResult<()> {
        for (k, _) in self.kwargs() {
            let k = string::as_str(k).unwrap_or_default();
            if !allowed.contains(&k.as_ref()) {
                return Err(exceptions::new_error(
                    ExcKind::TypeError,
                    format!("{fname}() got an unexpected keyword argument '{k}'"),
                ));
            }
        }
        Ok(())
    }

    /// TypeError "f() takes no keyword arguments" when any are given.
    pub fn no_kw(&self, fname: &str) -> VmResult<()> {
        if self.kwnames.is_empty() {
            return Ok(());
        }
        Err(exceptions::new_error(
            ExcKind::TypeError,
            format!("{fname}() takes no keyword arguments"),
        ))
    }

    /// METH_O: exactly one positional argument, no keywords.
    pub fn one(&self, fname: &str) -> VmResult<&'a PyObj> {
        self.no_kw(fname)?;
        match self.pos() {
            [x] => Ok(x),
            p => Err(exceptions::new_error(
                ExcKind::TypeError,
                format!("{fname}() takes exactly one argument ({} given)", p.len()),
            )),
        }
    }

    /// METH_NOARGS: no arguments at all.
    pub fn none(&self, fname: &str) -> VmResult<()> {
        self.no_kw(fname)?;
        match self.pos().len() {
            0 => Ok(()),
            n => Err(exceptions::new_error(
                ExcKind::TypeError,
                format!("{fname}() takes no arguments ({n} given)"),
            )),
        }
    }

    /// _PyArg_CheckPositional: between `min` and `max` positional arguments, no
    /// keywords; messages as "divmod expected 2 arguments, got 1".
    #[inline]
    pub fn range(&self, fname: &str, min: usize, max: usize) -> VmResult<&'a [PyObj]> {
        if self.kwnames.is_empty() && (min..=max).contains(&self.all.len()) {
            return Ok(self.all);
        }
        self.range_checked(fname, min, max)
    }

    /// `range` when it does not take the arguments at once: its checks in order.
    #[inline(never)]
    fn range_checked(&self, fname: &str, min: usize, max: usize) -> VmResult<&'a [PyObj]> {
        self.no_kw(fname)?;
        check_positional(fname, self.pos().len(), min, max)?;
        Ok(self.pos())
    }

    /// Argument Clinic's parser for `fname(names...)`, every parameter positional or
    /// keyword, the first `required` required: the value of each parameter.
    pub fn clinic(&self, fname: &str, names: &[&str], required: usize) -> VmResult<Parsed<'a>> {
        self.parse(&Signature {
            fname,
            names,
            posonly: 0,
            maxpos: names.len(),
            required,
        })
    }

    /// _PyArg_UnpackKeywords: the value of each parameter of `sig`, by position or by
    /// name, with CPython 3.11's checks in its order and its messages.
    pub fn parse(&self, sig: &Signature<'_>) -> VmResult<Parsed<'a>> {
        let Signature {
            fname,
            names,
            posonly,
            maxpos,
            required,
        } = *sig;
        debug_assert!(required <= maxpos && maxpos <= names.len() && posonly <= maxpos);
        let pos = self.pos();
        let (nargs, nkw) = (pos.len(), self.kwnames.len());
        let maxargs = names.len();
        if nargs + nkw > maxargs {
            let kw = if nargs == 0 { "keyword " } else { "" };
            return Err(exceptions::type_error(format!(
                "{fname}() takes at most {maxargs} {kw}argument{} ({} given)",
                plural(maxargs),
                nargs + nkw
            )));
        }
        if nargs > maxpos {
            if maxpos == 0 {
                return Err(exceptions::type_error(format!(
                    "{fname}() takes no positional arguments"
                )));
            }
            let what = if required < maxpos {
                "at most"
            } else {
                "exactly"
            };
            return Err(exceptions::type_error(format!(
                "{fname}() takes {what} {maxpos} positional argument{} ({nargs} given)",
                plural(maxpos)
            )));
        }
        let minposonly = required.min(posonly);
        if nargs < minposonly {
            let what = if minposonly < maxpos {
                "at least"
            } else {
                "exactly"
            };
            return Err(exceptions::type_error(format!(
                "{fname}() takes {what} {minposonly} positional argument{} ({nargs} given)",
                plural(minposonly)
            )));
        }
        let mut out: Parsed<'a> = smallvec::smallvec![None; maxargs];
        for (slot, v) in out.iter_mut().zip(pos) {
            *slot = Some(v);
        }
        let mut left = nkw;
        for i in nargs.max(posonly)..maxargs {
            if left == 0 && i >= required {
                break;
            }
            let v = if left > 0 { self.kw(names[i]) } else { None };
            out[i] = v;
            if v.is_some() {
                left -= 1;
            } else if i < required {
                return Err(exceptions::type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )));
            }
        }
        if left > 0 {
            // A keyword naming a positional argument already given, else an unknown one.
            for (i, name) in names.iter().enumerate().take(nargs).skip(posonly) {
                if self.kw(name).is_some() {
                    return Err(exceptions::type_error(format!(
                        "argument for {fname}() given by name ('{name}') and position ({})",
                        i + 1
                    )));
                }
            }
            for (k, _) in self.kwargs() {
                let k = string::as_str(k).unwrap_or_default();
                if !names[posonly..].contains(&k.as_ref()) {
                    return Err(exceptions::type_error(format!(
                        "'{k}' is an invalid keyword argument for {fname}()"
                    )));
                }
            }
        }
        Ok(out)
    }
}

/// An Argument Clinic signature: parameters `names`, the first `posonly` of them
/// positional-only, the first `maxpos` positional (the rest keyword-only), the first
/// `required` required.
#[derive(Clone, Copy)]
pub struct Signature<'s> {
    pub fname: &'s str,
    pub names: &'s [&'s str],
    pub posonly: usize,
    pub maxpos: usize,
    pub required: usize,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// _PyArg_CheckPositional: "sorted expected 1 argument, got 2".
pub fn check_positional(fname: &str, n: usize, min: usize, max: usize) -> VmResult<()> {
    let (what, k) = if n < min {
        (if min == max { "" } else { "at least " }, min)
    } else if n > max {
        (if min == max { "" } else { "at most " }, max)
    } else {
        return Ok(());
    };
    Err(exceptions::type_error(format!(
        "{fname} expected {what}{k} argument{}, got {n}",
        plural(k)
    )))
}

/// PyNumber_Index for the built-in types: the value of an int or bool, else
/// TypeError "'float' object cannot be interpreted as an integer".
pub fn number_index(o: &PyObj) -> VmResult<Int> {
    int::value(o).ok_or_else(|| {
        exceptions::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            typeobj::type_name(o)
        ))
    })
}

/// PyNumber_AsSsize_t with OverflowError: an int (or bool) as a Py_ssize_t.
#[inline]
pub fn as_ssize_t(o: &PyObj) -> VmResult<i64> {
    match int::as_i64(o) {
        Some(v) => Ok(v),
        None => as_ssize_t_slow(o),
    }
}

#[inline(never)]
fn as_ssize_t_slow(o: &PyObj) -> VmResult<i64> {
    if let Some(v) = int::as_i64(o) {
        return Ok(v);
    }
    number_index(o)?;
    Err(exceptions::named(
        "OverflowError",
        "Python int too large to convert to C ssize_t",
    ))
}

/// _PyLong_AsInt of an index (Argument Clinic's `int` converter).
pub fn as_c_int(o: &PyObj) -> VmResult<i32> {
    number_index(o)?
        .to_i64()
        .and_then(|n| i32::try_from(n).ok())
        .ok_or_else(|| {
            exceptions::named("OverflowError", "Python int too large to convert to C int")
        })
}
