//! Exception objects (CPython's PyBaseExceptionObject, 88 bytes) and the built-in
//! exception hierarchy.

use crate::error::ExcKind;
use crate::heap::{Payload, PyObj, Visit};
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// One traceback entry: the code object and the index of the instruction that was
/// running in that frame.
pub struct TbEntry {
    pub code: PyObj,
    pub instr: u32,
}

/// The payload of an exception instance.
pub struct ExcObj {
    /// `__dict__`, created on first use.
    pub dict: Option<PyObj>,
    /// `args`: a tuple.
    pub args: PyObj,
    /// `__notes__`.
    pub notes: Option<PyObj>,
    /// `__traceback__`: the frames it passed through, innermost first.
    pub traceback: Option<Box<Vec<TbEntry>>>,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: Option<PyObj>,
    /// `__cause__`: set by `raise ... from ...`.
    pub cause: Option<PyObj>,
    /// `__suppress_context__`.
    pub suppress_context: bool,
}

impl Payload for ExcObj {
    type Item = ();
    const NAME: &'static str = "BaseException";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.args);
        for o in [&self.dict, &self.notes, &self.context, &self.cause]
            .into_iter()
            .flatten()
        {
            visit(o);
        }
        if let Some(tb) = &self.traceback {
            tb.iter().for_each(|e| visit(&e.code));
        }
    }
    fn clear(&mut self) {
        let taken = (
            self.dict.take(),
            self.notes.take(),
            self.traceback.take(),
            self.context.take(),
            self.cause.take(),
        );
        drop(taken);
    }
}

/// The built-in exception classes as (name, base), parents before children, as in
/// CPython's hierarchy (the subset glasspy raises or lets users raise).
pub const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// The class name of an `ExcKind`.
pub fn kind_name(kind: ExcKind) -> &'static str {
    match kind {
        ExcKind::TypeError => "TypeError",
        ExcKind::ValueError => "ValueError",
        ExcKind::ZeroDivisionError => "ZeroDivisionError",
        ExcKind::OverflowError => "OverflowError",
        ExcKind::IndexError => "IndexError",
        ExcKind::KeyError => "KeyError",
        ExcKind::MemoryError => "MemoryError",
        ExcKind::RuntimeError => "RuntimeError",
        ExcKind::RecursionError => "RecursionError",
        ExcKind::AttributeError => "AttributeError",
        ExcKind::UnicodeEncodeError => "UnicodeEncodeError",
    }
}

/// A traceback object (`exc.__traceback__`): one frame's entry and the next, inner
/// one. Made from the exception's entries when asked for.
pub struct Traceback {
    pub code: PyObj,
    pub instr: u32,
    pub lineno: u32,
    pub next: Option<PyObj>,
}

impl Payload for Traceback {
    type Item = ();
    const NAME: &'static str = "traceback";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.code);
        if let Some(n) = &self.next {
            visit(n);
        }
    }
}

/// BaseException.__repr__: `Name(args...)`.
fn exc_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let name = super::typeobj::type_name(o);
    let args = super::exceptions::args(o);
    let items = super::tuple::items(&args).unwrap_or(&[]).to_vec();
    let inner = match items.as_slice() {
        [x] => rt.repr(x)?,
        _ => {
            let r = rt.repr(&args)?;
            r[1..r.len() - 1].trim_end_matches(',').to_string()
        }
    };
    Ok(format!("{name}({inner})"))
}

/// BaseException.__str__: the message (KeyError shows the repr of its key).
fn exc_str(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let args = super::exceptions::args(o);
    let items = super::tuple::items(&args).unwrap_or(&[]).to_vec();
    match items.as_slice() {
        [] => Ok(String::new()),
        [x] if super::exceptions::matches(o, super::ctx().exc_type("KeyError")) => rt.repr(x),
        [x] => rt.str(x),
        _ => rt.repr(&args),
    }
}

/// BaseException.__init__(self, *args): the arguments become `args`.
fn exc_init(
    _rt: &mut dyn Runtime,
    o: &PyObj,
    args: crate::objects::args::Args<'_>,
) -> VmResult<()> {
    let t = super::tuple::new(args.pos().to_vec());
    if let Ok(mut e) = o.borrow_mut::<ExcObj>() {
        let old = std::mem::replace(&mut e.args, t);
        drop(e);
        drop(old);
    }
    Ok(())
}

/// BaseException's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(exc_repr),
    str: Some(exc_str),
    init: Some(exc_init),
    ..SlotTable::EMPTY
};

/// OSError.__str__: `[Errno 2] No such file or directory: 'x'` from the attributes its
/// constructor keeps in the exception's dict (errno, strerror, filename, filename2),
/// else BaseException's.
fn oserror_str(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let d = o.borrow::<ExcObj>().ok().and_then(|x| x.dict.clone());
    let none = &super::ctx().none;
    let field = |n: &str| {
        d.as_ref()
            .and_then(|d| super::dict::get_str(d, n))
            .filter(|v| !v.is(none))
    };
    let (errno, strerror) = (field("errno"), field("strerror"));
    let text = |rt: &mut dyn Runtime, v: &Option<PyObj>| match v {
        Some(v) => rt.str(v),
        None => Ok("None".to_string()),
    };
    match (field("filename"), field("filename2")) {
        (Some(f1), Some(f2)) => Ok(format!(
            "[Errno {}] {}: {} -> {}",
            text(rt, &errno)?,
            text(rt, &strerror)?,
            rt.repr(&f1)?,
            rt.repr(&f2)?
        )),
        (Some(f1), None) => Ok(format!(
            "[Errno {}] {}: {}",
            text(rt, &errno)?,
            text(rt, &strerror)?,
            rt.repr(&f1)?
        )),
        _ => match (errno, strerror) {
            (Some(n), Some(s)) => Ok(format!("[Errno {}] {}", rt.str(&n)?, rt.str(&s)?)),
            _ => exc_str(rt, o),
        },
    }
}

/// SyntaxError.__str__: `msg (file, line N)` from its attributes (the file's base
/// name), else BaseException's.
fn syntax_error_str(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let d = o.borrow::<ExcObj>().ok().and_then(|x| x.dict.clone());
    let none = &super::ctx().none;
    let field = |n: &str| {
        d.as_ref()
            .and_then(|d| super::dict::get_str(d, n))
            .filter(|v| !v.is(none))
    };
    let Some(msg) = d.as_ref().and_then(|d| super::dict::get_str(d, "msg")) else {
        return exc_str(rt, o);
    };
    let msg = rt.str(&msg)?;
    let file = field("filename").and_then(|f| super::string::as_str(&f).map(|s| s.into_owned()));
    let file = file.map(|f| match f.rfind('/') {
        Some(i) => f[i + 1..].to_string(),
        None => f,
    });
    let line = field("lineno").and_then(|l| super::int::as_i64(&l));
    Ok(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}

/// OSError's slots (its subclasses inherit them).
pub const OSERROR_SLOTS: SlotTable = SlotTable {
    str: Some(oserror_str),
    ..SlotTable::EMPTY
};

/// SyntaxError's slots.
pub const SYNTAX_ERROR_SLOTS: SlotTable = SlotTable {
    str: Some(syntax_error_str),
    ..SlotTable::EMPTY
};
