//! `_sre`: the native half of the `re` module over the glasspy-sre engine (crates/sre).
//! It holds the `re.Pattern` and `re.Match` types and their iterator; the bundled
//! `re.py` adds the module functions, the flags, the cache and `re.error`.
//!
//! A subject is read where it is stored: a str's PEP 393 data (1, 2 or 4 bytes a
//! character) or a bytes object's bytes go to the engine without conversion; other
//! bytes-like objects (bytearray, memoryview, array) are copied first.

mod matchobj;
mod pattern;

use crate::heap::{Payload, PyObj, TypeRef, Visit};
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, type_error, Exc, VmResult};
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::unicode::view::StrView;
use crate::objects::{buffer, bytes, ctx, int, string};
use crate::vm::Vm;

// ----- the payloads -----------------------------------------------------------------

/// `re.Pattern`.
pub struct Pattern {
    regex: sre::Regex,
    /// The pattern as given (str or bytes).
    pattern: PyObj,
    /// `groupindex` (a mappingproxy), made at the first use.
    groupindex: std::cell::RefCell<Option<PyObj>>,
}

impl Payload for Pattern {
    type Item = ();
    const NAME: &'static str = "Pattern";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.pattern);
        if let Ok(g) = self.groupindex.try_borrow() {
            if let Some(g) = g.as_ref() {
                visit(g);
            }
        }
    }
}

/// `re.Match`.
pub struct MatchObj {
    /// The Pattern object.
    pattern: PyObj,
    string: PyObj,
    /// The whole match and each group; None for a group that did not take part.
    spans: Vec<Option<(usize, usize)>>,
    lastindex: Option<usize>,
    pos: usize,
    endpos: usize,
}

impl Payload for MatchObj {
    type Item = ();
    const NAME: &'static str = "Match";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

/// The iterator of `finditer` and `scanner`: successive searches.
pub struct Scanner {
    pattern: PyObj,
    string: PyObj,
    /// The pos argument (every match's `pos`).
    pos0: usize,
    st: std::cell::RefCell<ScanState>,
}

struct ScanState {
    pos: usize,
    endpos: usize,
    must_advance: bool,
    done: bool,
}

impl Payload for Scanner {
    type Item = ();
    const NAME: &'static str = "SRE_Scanner";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

// ----- types ------------------------------------------------------------------------

pub struct ReTypes {
    pub pattern: TypeRef,
    pub match_: TypeRef,
    pub scanner: TypeRef,
}

fn new_type<T: Payload>(name: &'static str) -> TypeRef {
    let c = ctx();
    TypeRef::new::<TypeInfo, T>(
        &c.type_type,
        TypeInfo::new(name.into(), Some(c.object_type.clone())),
    )
}

thread_local! {
    static TYPES: &'static ReTypes = Box::leak(Box::new(ReTypes {
        pattern: new_type::<Pattern>("re.Pattern"),
        match_: new_type::<MatchObj>("re.Match"),
        scanner: new_type::<Scanner>("_sre.SRE_Scanner"),
    }));
}

pub fn types() -> &'static ReTypes {
    TYPES.with(|t| *t)
}

/// Methods and properties of the types (once per thread).
pub fn install_types() {
    let t = types();
    pattern::install(&t.pattern, &t.scanner);
    matchobj::install(&t.match_);
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "compile",
        func: pattern::compile_fn,
    },
    MethodDef {
        name: "template_literal",
        func: pattern::template_literal,
    },
];

/// The `_sre` module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = super::sys::new_module(vm, "_sre", FUNCTIONS)?;
    let t = types();
    vm.dict_set_str(&d, "Pattern", t.pattern.as_obj().clone())?;
    vm.dict_set_str(&d, "Match", t.match_.as_obj().clone())?;
    vm.dict_set_str(&d, "MAXGROUPS", int::new_i64(i32::MAX as i64 / 2))?;
    vm.dict_set_str(&d, "MAXREPEAT", int::new_i64(u32::MAX as i64))?;
    Ok(m)
}

// ----- subjects ---------------------------------------------------------------------

/// A subject as the engine reads it.
#[derive(Clone, Copy)]
enum Text<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u16]),
    Full(&'a [u32]),
}

/// Run `$body` with `$s` bound to the subject slice of `$text`, whatever its width.
macro_rules! on_text {
    ($text:expr, $s:ident => $body:expr) => {
        match $text {
            Text::Narrow($s) => $body,
            Text::Wide($s) => $body,
            Text::Full($s) => $body,
        }
    };
}
pub(crate) use on_text;

impl Text<'_> {
    fn len(&self) -> usize {
        on_text!(*self, s => s.len())
    }
}

/// A subject object's characters: borrowed from a str or bytes, else a copy.
enum Held<'a> {
    Str(StrView<'a>),
    Bytes(&'a [u8]),
    Owned(Vec<u8>),
}

impl Held<'_> {
    fn text(&self) -> Text<'_> {
        match self {
            Held::Str(StrView::Ascii(s)) => Text::Narrow(s),
            Held::Str(StrView::Latin1(b)) => Text::Narrow(b),
            Held::Str(StrView::Ucs2(u)) => Text::Wide(u),
            Held::Str(StrView::Ucs4(u)) => Text::Full(u),
            Held::Bytes(b) => Text::Narrow(b),
            Held::Owned(v) => Text::Narrow(v),
        }
    }
    fn is_str(&self) -> bool {
        matches!(self, Held::Str(_))
    }
}

/// The characters of a subject, checked against the pattern's kind.
fn held<'a>(o: &'a PyObj, is_text: bool) -> VmResult<Held<'a>> {
    let h = if let Some(v) = string::view(o) {
        Held::Str(v)
    } else if let Some(b) = bytes::data(o) {
        Held::Bytes(b)
    } else if let Some(v) = buffer::to_vec(o) {
        Held::Owned(v.map_err(Exc::from)?)
    } else {
        return Err(type_error(format!(
            "expected string or bytes-like object, got '{}'",
            typeobj::type_name(o)
        )));
    };
    if is_text && !h.is_str() {
        return Err(type_error(
            "cannot use a string pattern on a bytes-like object",
        ));
    }
    if !is_text && h.is_str() {
        return Err(type_error(
            "cannot use a bytes pattern on a string-like object",
        ));
    }
    Ok(h)
}

/// `string[a:b]` for a subject object.
fn slice_of(vm: &mut Vm, o: &PyObj, a: usize, b: usize) -> VmResult<PyObj> {
    if let Some(v) = string::view(o) {
        if a == 0 && b == v.len() && o.is_type(&ctx().str_type) {
            return Ok(o.clone());
        }
        return str_slice(v, a, b);
    }
    if let Some(d) = bytes::data(o) {
        if a == 0 && b == d.len() && o.is_type(&ctx().bytes_type) {
            return Ok(o.clone());
        }
        return Ok(bytes::new(&d[a..b]));
    }
    // Other bytes-like subjects (bytearray, memoryview, array): groups are bytes.
    let _ = vm;
    match buffer::with_bytes(o, |d| bytes::new(&d[a.min(d.len())..b.min(d.len())])) {
        Some(r) => r.map_err(Exc::from),
        None => Err(type_error("expected a bytes-like object")),
    }
}

/// A new str of the characters `a..b` of `v`.
pub(super) fn str_slice(v: StrView<'_>, a: usize, b: usize) -> VmResult<PyObj> {
    let sub = match v {
        StrView::Ascii(s) => StrView::Ascii(&s[a..b]),
        StrView::Latin1(l) if l[a..b].is_ascii() => StrView::Ascii(&l[a..b]),
        StrView::Latin1(l) => StrView::Latin1(&l[a..b]),
        _ => return string::from_buf(&v.substring(a, b)).ok_or_else(memory),
    };
    string::from_view(sub).ok_or_else(memory)
}

fn memory() -> Exc {
    Exc::from(crate::error::PyErr::memory())
}

/// A str (is_text) or bytes made of code points.
fn new_text(is_text: bool, cps: &[u32]) -> VmResult<PyObj> {
    if is_text {
        string::from_buf(&crate::objects::unicode::view::StrBuf::from_code_points(
            cps,
        ))
        .ok_or_else(memory)
    } else {
        let b: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
        Ok(bytes::new(&b))
    }
}

/// The code points of a str or bytes-like template / pattern.
fn code_points(o: &PyObj) -> Option<VmResult<Vec<u32>>> {
    if let Some(v) = string::view(o) {
        return Some(Ok(v.chars().collect()));
    }
    if let Some(b) = bytes::data(o) {
        return Some(Ok(b.iter().map(|&c| c as u32).collect()));
    }
    buffer::to_vec(o).map(|r| {
        r.map(|v| v.into_iter().map(|c| c as u32).collect())
            .map_err(Exc::from)
    })
}

/// `re.error(msg, pattern, pos)` (the class is in re.py), or OverflowError / ValueError
/// / IndexError / RecursionError for the engine's other kinds of error.
fn engine_error(vm: &mut Vm, e: sre::Error, pattern: &PyObj) -> Exc {
    let name = match e.kind {
        sre::ErrorKind::Re => {
            return re_error(vm, &e.msg, pattern, e.pos);
        }
        sre::ErrorKind::Overflow => "OverflowError",
        sre::ErrorKind::Value => "ValueError",
        sre::ErrorKind::Index => "IndexError",
        sre::ErrorKind::Recursion => "RecursionError",
    };
    exceptions::named(name, e.to_string())
}

fn re_error(vm: &mut Vm, msg: &str, pattern: &PyObj, pos: Option<usize>) -> Exc {
    let cls = match vm
        .import(&string::intern_str("re"))
        .and_then(|m| vm.getattr(&m, &string::intern_str("error")))
    {
        Ok(c) => c,
        Err(e) => return e,
    };
    // An error without a position (look-behind width) carries no pattern either.
    let (pattern, pos) = match pos {
        Some(p) => (pattern.clone(), int::new_i64(p as i64)),
        None => (ctx().none.clone(), ctx().none.clone()),
    };
    match vm.call(&cls, Args::positional(&[string::new(msg), pattern, pos])) {
        Ok(e) => Exc(e),
        Err(e) => e,
    }
}

/// Self and the other arguments of a method call.
fn method_args<'a>(args: &Args<'a>) -> (&'a PyObj, Args<'a>) {
    (
        &args.all[0],
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}
