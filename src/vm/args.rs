//! The arguments of a call to a Rust builtin, in CPython's vectorcall layout: the
//! positional arguments, then the values of the keyword arguments named by `kwnames`;
//! and the arity checks with CPython's messages.

use crate::error::ExcKind;
use crate::heap::PyObj;
use crate::objects::string;

use super::{exceptions, VmResult};

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
    pub fn range(&self, fname: &str, min: usize, max: usize) -> VmResult<&'a [PyObj]> {
        self.no_kw(fname)?;
        let n = self.pos().len();
        if n < min {
            let what = if min == max { "" } else { "at least " };
            let s = if min == 1 { "" } else { "s" };
            return Err(exceptions::new_error(
                ExcKind::TypeError,
                format!("{fname} expected {what}{min} argument{s}, got {n}"),
            ));
        }
        if n > max {
            let what = if min == max { "" } else { "at most " };
            let s = if max == 1 { "" } else { "s" };
            return Err(exceptions::new_error(
                ExcKind::TypeError,
                format!("{fname} expected {what}{max} argument{s}, got {n}"),
            ));
        }
        Ok(self.pos())
    }
}
