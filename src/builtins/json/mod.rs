//! `_json`: the speed-critical half of the bundled `json` package. The decoder's
//! scanner (`scan`, `scanstring`) and the encoder (`encode`, `encode_basestring`,
//! `encode_basestring_ascii`) run here; json/*.py holds the classes and options.
//!
//! Neither walks nested input by Rust recursion: both keep an explicit stack of the
//! containers still open, and count each level against the recursion limit
//! (`enter_recursive`), so deep input ends in RecursionError as in CPython.

mod decode;
mod encode;

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{type_error, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::unicode::view::StrView;
use crate::objects::{ctx, int, string, typeobj};
use crate::vm::Vm;

/// One unit of a str's storage (1, 2 or 4 bytes).
pub(super) trait Unit: Copy {
    fn cp(self) -> u32;
}

impl Unit for u8 {
    #[inline(always)]
    fn cp(self) -> u32 {
        self as u32
    }
}

impl Unit for u16 {
    #[inline(always)]
    fn cp(self) -> u32 {
        self as u32
    }
}

impl Unit for u32 {
    #[inline(always)]
    fn cp(self) -> u32 {
        self
    }
}

/// Run `$body` with `$s` bound to the storage slice of a str view.
macro_rules! on_view {
    ($view:expr, $s:ident => $body:expr) => {
        match $view {
            StrView::Ascii($s) | StrView::Latin1($s) => $body,
            StrView::Ucs2($s) => $body,
            StrView::Ucs4($s) => $body,
        }
    };
}
pub(super) use on_view;

fn str_arg<'a>(o: &'a PyObj, fname: &str) -> VmResult<StrView<'a>> {
    string::view(o).ok_or_else(|| {
        type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            typeobj::type_name(o)
        ))
    })
}

/// `errcls(msg, doc, pos)`: a JSONDecodeError (the class is json.decoder's).
fn decode_error(vm: &mut Vm, errcls: &PyObj, msg: &str, doc: &PyObj, pos: usize) -> Exc {
    match vm.call(
        errcls,
        Args::positional(&[string::new(msg), doc.clone(), int::new_i64(pos as i64)]),
    ) {
        Ok(e) => Exc(e),
        Err(e) => e,
    }
}

/// `_json.scanstring(s, end, strict, errcls)` -> (str, index after the closing quote).
fn scanstring(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("scanstring", 4, 4)?;
    let view = str_arg(&a[0], "scanstring")?;
    let end = crate::objects::args::as_ssize_t(&a[1])?;
    let strict = vm.truthy(&a[2])?;
    if end < 0 || end as usize > view.len() {
        return Err(crate::objects::exceptions::value_error(
            "end is out of bounds",
        ));
    }
    let r = on_view!(view, s => decode::scan_string(s, view, end as usize, strict));
    match r {
        Ok((v, e)) => Ok(crate::objects::tuple::pair(v?, int::new_i64(e as i64))),
        Err((msg, pos)) => Err(decode_error(vm, &a[3], msg, &a[0], pos)),
    }
}

fn encode_basestring_ascii(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("encode_basestring_ascii")?;
    let view = string::view(o).ok_or_else(|| {
        type_error(format!(
            "first argument must be a string, not {}",
            typeobj::type_name(o)
        ))
    })?;
    let mut out = encode::Out::default();
    out.string(view, true);
    out.finish()
}

fn encode_basestring(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("encode_basestring")?;
    let view = string::view(o).ok_or_else(|| {
        type_error(format!(
            "first argument must be a string, not {}",
            typeobj::type_name(o)
        ))
    })?;
    let mut out = encode::Out::default();
    out.string(view, false);
    out.finish()
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "scanstring",
        func: scanstring,
    },
    MethodDef {
        name: "scan",
        func: decode::scan,
    },
    MethodDef {
        name: "encode",
        func: encode::encode,
    },
    MethodDef {
        name: "encode_basestring_ascii",
        func: encode_basestring_ascii,
    },
    MethodDef {
        name: "encode_basestring",
        func: encode_basestring,
    },
];

/// The `_json` module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, _) = super::sys::new_module(vm, "_json", FUNCTIONS)?;
    let _ = ctx();
    Ok(m)
}
