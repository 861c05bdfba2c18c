//! The methods bytes and bytearray share (find, split, strip, upper, hex, decode,
//! ...), over the pure functions of objects::bytes_algo, with CPython's argument
//! checks and messages. A method of a bytearray returns bytearrays; an exact bytes
//! receiver that a method would return unchanged is returned itself, as CPython does.
//! Also str.encode, bytes.fromhex / bytearray.fromhex and the maketrans
//! staticmethods.

use std::borrow::Cow;

use super::methods_args::{slice_index, this, tuple_range};
use crate::heap::PyObj;
use crate::objects::args::{as_ssize_t, Args};
use crate::objects::builtin_function::{self, MethodDef};
use crate::objects::bytearray;
use crate::objects::bytes_algo as alg;
use crate::objects::codecs::{self, CodecError, Handler};
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{buffer, bytes, ctx, int, list, string, tuple, typeobj};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

/// The methods of both bytes and bytearray.
pub static SHARED: &[MethodDef] = defs![
    "count" => count, "decode" => decode, "endswith" => endswith, "find" => find,
    "index" => index, "join" => join, "partition" => partition, "replace" => replace,
    "rfind" => rfind, "rindex" => rindex, "rpartition" => rpartition,
    "startswith" => startswith, "translate" => translate, "center" => center,
    "ljust" => ljust, "lstrip" => lstrip, "rjust" => rjust, "rsplit" => rsplit,
    "rstrip" => rstrip, "split" => split, "strip" => strip, "capitalize" => capitalize,
    "expandtabs" => expandtabs, "isalnum" => isalnum, "isalpha" => isalpha,
    "isascii" => isascii, "isdigit" => isdigit, "islower" => islower,
    "isspace" => isspace, "istitle" => istitle, "isupper" => isupper, "lower" => lower,
    "splitlines" => splitlines, "swapcase" => swapcase, "title" => title,
    "upper" => upper, "zfill" => zfill, "hex" => hex, "removeprefix" => removeprefix,
    "removesuffix" => removesuffix,
];

/// The methods only bytes has.
pub static BYTES_ONLY: &[MethodDef] = defs!["__bytes__" => dunder_bytes];

static FROMHEX: MethodDef = MethodDef {
    name: "fromhex",
    func: fromhex,
};
static MAKETRANS: MethodDef = MethodDef {
    name: "maketrans",
    func: maketrans,
};
static ENCODE: &[MethodDef] = defs!["encode" => str_encode];

/// Put the methods in bytes' and bytearray's dicts (and str.encode in str's).
pub fn install(vm: &mut Vm) {
    let c = ctx();
    for ty in [&c.bytes_type, &c.bytearray_type] {
        typeobj::add_methods(ty, SHARED);
        // fromhex is a classmethod (bound to the class it is looked up on), maketrans
        // a staticmethod.
        typeobj::add_classmethods(ty, &[&FROMHEX]);
        let d = typeobj::type_dict_raw(ty);
        let m = builtin_function::new(&MAKETRANS, None, None);
        vm.dict_set_str(&d, "maketrans", m)
            .expect("str keys hash and compare without error");
    }
    typeobj::add_methods(&c.bytes_type, BYTES_ONLY);
    typeobj::add_methods(&c.str_type, ENCODE);
}

// ----- receivers, arguments, results --------------------------------------------------

pub(super) fn busy() -> Exc {
    exceptions::named("BufferError", "bytearray is being used")
}

/// Is the receiver a bytearray (else a bytes)?
pub(super) fn is_ba(o: &PyObj) -> bool {
    bytearray::is_bytearray(o)
}

/// `f` over the receiver's bytes (a bytes or a bytearray), without copying.
pub(super) fn with_recv<R>(o: &PyObj, f: impl FnOnce(&[u8]) -> R) -> VmResult<R> {
    if let Some(d) = bytes::data(o) {
        return Ok(f(d));
    }
    let b = bytearray::borrow(o).ok_or_else(busy)?;
    Ok(f(b.data()))
}

/// A result of the receiver's kind: a bytearray for a bytearray, else a bytes.
pub(super) fn make(recv: &PyObj, data: &[u8]) -> VmResult<PyObj> {
    if is_ba(recv) {
        return Ok(bytearray::new(data)?);
    }
    bytes::try_new(data).ok_or_else(exceptions::memory_error)
}

/// A result that may be the whole receiver: an exact bytes is returned itself.
fn piece(recv: &PyObj, whole: usize, p: &[u8]) -> VmResult<PyObj> {
    if p.len() == whole && recv.is_type(&ctx().bytes_type) {
        return Ok(recv.clone());
    }
    make(recv, p)
}

/// The bytes of a bytes-like object: borrowed for bytes, copied otherwise. None when
/// `o` has no buffer.
pub(super) fn buf(o: &PyObj) -> Option<VmResult<Cow<'_, [u8]>>> {
    if let Some(d) = bytes::data(o) {
        return Some(Ok(Cow::Borrowed(d)));
    }
    buffer::to_vec(o).map(|r| r.map(Cow::Owned).map_err(Exc::from))
}

/// A bytes-like argument, or TypeError "a bytes-like object is required, not 'str'".
pub(super) fn need_buf(o: &PyObj) -> VmResult<Cow<'_, [u8]>> {
    buf(o).unwrap_or_else(|| {
        Err(exceptions::type_error(format!(
            "a bytes-like object is required, not '{}'",
            typeobj::type_name(o)
        )))
    })
}

/// The value of an int argument that must be a byte.
pub(super) fn byte_value(o: &PyObj) -> VmResult<Option<u8>> {
    let Some(v) = int::value(o) else {
        return Ok(None);
    };
    match v.to_i64() {
        Some(x) if (0..256).contains(&x) => Ok(Some(x as u8)),
        _ => Err(exceptions::value_error("byte must be in range(0, 256)")),
    }
}

/// The sub argument of find / count / index: an int in range(256) or a bytes-like.
fn sub_arg(vm: &mut Vm, o: &PyObj) -> VmResult<Cow<'static, [u8]>> {
    let o = vm.index_arg(o)?;
    if let Some(b) = byte_value(&o)? {
        return Ok(Cow::Owned(vec![b]));
    }
    match buf(&o) {
        Some(r) => Ok(Cow::Owned(r?.into_owned())),
        None => Err(exceptions::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            typeobj::type_name(&o)
        ))),
    }
}

/// A search's needle and its start and end.
type Search = (Cow<'static, [u8]>, Option<i64>, Option<i64>);

/// The (sub, start, end) of find, count, index and friends.
fn sub_start_end(vm: &mut Vm, args: &Args<'_>, fname: &str) -> VmResult<Search> {
    let a = tuple_range(args, fname, 1, 3)?;
    let sub = sub_arg(vm, &a[0])?;
    let start = slice_index(a.get(1), true)?;
    let end = slice_index(a.get(2), true)?;
    Ok((sub, start, end))
}

fn new_int(v: i64) -> PyObj {
    int::new_i64(v)
}

// ----- searching ----------------------------------------------------------------------

fn find(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let (sub, a, b) = sub_start_end(vm, &args, "find")?;
    Ok(new_int(with_recv(s, |d| alg::find(d, &sub, a, b))?))
}

fn rfind(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let (sub, a, b) = sub_start_end(vm, &args, "rfind")?;
    Ok(new_int(with_recv(s, |d| alg::rfind(d, &sub, a, b))?))
}

fn not_found() -> Exc {
    exceptions::value_error("subsection not found")
}

fn index(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let (sub, a, b) = sub_start_end(vm, &args, "index")?;
    match with_recv(s, |d| alg::find(d, &sub, a, b))? {
        -1 => Err(not_found()),
        i => Ok(new_int(i)),
    }
}

fn rindex(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let (sub, a, b) = sub_start_end(vm, &args, "rindex")?;
    match with_recv(s, |d| alg::rfind(d, &sub, a, b))? {
        -1 => Err(not_found()),
        i => Ok(new_int(i)),
    }
}

fn count(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let (sub, a, b) = sub_start_end(vm, &args, "count")?;
    Ok(new_int(with_recv(s, |d| alg::count(d, &sub, a, b))?))
}

fn affix(args: Args<'_>, fname: &str, at_end: bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = tuple_range(&args, fname, 1, 3)?;
    let start = slice_index(a.get(1), true)?;
    let end = slice_index(a.get(2), true)?;
    let prefixes: Vec<Cow<'_, [u8]>> = match tuple::items(&a[0]) {
        Some(items) => items.iter().map(need_buf).collect::<VmResult<_>>()?,
        None => match buf(&a[0]) {
            Some(p) => vec![p?],
            None => {
                return Err(exceptions::type_error(format!(
                    "{fname} first arg must be bytes or a tuple of bytes, not {}",
                    typeobj::type_name(&a[0])
                )))
            }
        },
    };
    let r = with_recv(s, |d| {
        prefixes
            .iter()
            .any(|p| alg::tailmatch(d, p, start, end, at_end))
    })?;
    Ok(bool_obj(r))
}

fn startswith(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    affix(args, "startswith", false)
}

fn endswith(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    affix(args, "endswith", true)
}

// ----- splitting and joining ----------------------------------------------------------

fn parts_list(recv: &PyObj, whole: usize, parts: &[&[u8]]) -> VmResult<PyObj> {
    let items = parts
        .iter()
        .map(|p| piece(recv, whole, p))
        .collect::<VmResult<Vec<_>>>()?;
    Ok(list::new_exact(items))
}

fn sep_maxsplit<'a>(args: &Args<'a>, fname: &str) -> VmResult<(Option<Cow<'a, [u8]>>, i64)> {
    let a = args.clinic(fname, &["sep", "maxsplit"], 0)?;
    let sep = match a[0] {
        Some(x) if !x.is(&ctx().none) => {
            let b = need_buf(x)?;
            if b.is_empty() {
                return Err(exceptions::value_error("empty separator"));
            }
            Some(b)
        }
        _ => None,
    };
    let maxsplit = a[1].map(as_ssize_t).transpose()?.unwrap_or(-1);
    Ok((sep, maxsplit))
}

fn split(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sep, maxsplit) = sep_maxsplit(&args, "split")?;
    let (parts, whole): (Vec<Vec<u8>>, usize) = with_recv(s, |d| {
        let p = match &sep {
            Some(sep) => alg::split_sep(d, sep, maxsplit),
            None => alg::split_ws(d, maxsplit),
        };
        (p.into_iter().map(<[u8]>::to_vec).collect(), d.len())
    })?;
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    parts_list(s, whole, &refs)
}

fn rsplit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sep, maxsplit) = sep_maxsplit(&args, "rsplit")?;
    let (parts, whole): (Vec<Vec<u8>>, usize) = with_recv(s, |d| {
        let p = match &sep {
            Some(sep) => alg::rsplit_sep(d, sep, maxsplit),
            None => alg::rsplit_ws(d, maxsplit),
        };
        (p.into_iter().map(<[u8]>::to_vec).collect(), d.len())
    })?;
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    parts_list(s, whole, &refs)
}

fn splitlines(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.clinic("splitlines", &["keepends"], 0)?;
    let keep = a[0].map(as_ssize_t).transpose()?.unwrap_or(0) != 0;
    let (parts, whole): (Vec<Vec<u8>>, usize) = with_recv(s, |d| {
        (
            alg::splitlines(d, keep)
                .into_iter()
                .map(<[u8]>::to_vec)
                .collect(),
            d.len(),
        )
    })?;
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    parts_list(s, whole, &refs)
}

fn join(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let it = args.one("join")?;
    let items = match tuple::items(it) {
        Some(t) => t.to_vec(),
        None => {
            if vm.iter(it).is_err() {
                return Err(exceptions::type_error("can only join an iterable"));
            }
            vm.collect_iter(it)?
        }
    };
    if let [one] = items.as_slice() {
        if one.is_type(&ctx().bytes_type) && !is_ba(s) {
            return Ok(one.clone());
        }
    }
    let mut pieces: Vec<Cow<'_, [u8]>> = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        match buf(x) {
            Some(b) => pieces.push(b?),
            None => {
                return Err(exceptions::type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    typeobj::type_name(x)
                )))
            }
        }
    }
    let sep = with_recv(s, <[u8]>::to_vec)?;
    let total: usize =
        pieces.iter().map(|p| p.len()).sum::<usize>() + sep.len() * pieces.len().saturating_sub(1);
    let mut out = crate::objects::room::vec_with_capacity(total)?;
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(p);
    }
    make(s, &out)
}

fn do_partition(args: Args<'_>, fname: &str, right: bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let sep_obj = args.one(fname)?;
    let sep = need_buf(sep_obj)?;
    if sep.is_empty() {
        return Err(exceptions::value_error("empty separator"));
    }
    let (a, found, c, whole) = with_recv(s, |d| {
        let (a, f, c) = if right {
            alg::rpartition(d, &sep)
        } else {
            alg::partition(d, &sep)
        };
        (a.to_vec(), f, c.to_vec(), d.len())
    })?;
    let mid = if !found {
        make(s, b"")?
    } else if is_ba(s) {
        make(s, &sep)?
    } else if sep_obj.is_type(&ctx().bytes_type) {
        sep_obj.clone()
    } else {
        make(s, &sep)?
    };
    Ok(tuple::new(vec![
        piece(s, whole, &a)?,
        mid,
        piece(s, whole, &c)?,
    ]))
}

fn partition(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_partition(args, "partition", false)
}

fn rpartition(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_partition(args, "rpartition", true)
}

// ----- stripping, replacing -----------------------------------------------------------

fn do_strip(args: Args<'_>, fname: &str, left: bool, right: bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.range(fname, 0, 1)?;
    let chars = match a.first() {
        Some(x) if !x.is(&ctx().none) => Some(need_buf(x)?),
        _ => None,
    };
    let (r, whole) = with_recv(s, |d| {
        (
            alg::strip(d, chars.as_deref(), left, right).to_vec(),
            d.len(),
        )
    })?;
    piece(s, whole, &r)
}

fn strip(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_strip(args, "strip", true, true)
}

fn lstrip(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_strip(args, "lstrip", true, false)
}

fn rstrip(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_strip(args, "rstrip", false, true)
}

fn replace(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.range("replace", 2, 3)?;
    let (old, new) = (need_buf(&a[0])?, need_buf(&a[1])?);
    let count = a.get(2).map(as_ssize_t).transpose()?.unwrap_or(-1);
    let r = with_recv(s, |d| {
        alg::replace(d, &old, &new, count).map(|c| match c {
            Cow::Borrowed(_) => None,
            Cow::Owned(v) => Some(v),
        })
    })??;
    match r {
        None if s.is_type(&ctx().bytes_type) => Ok(s.clone()),
        None => {
            let d = with_recv(s, <[u8]>::to_vec)?;
            make(s, &d)
        }
        Some(v) => make(s, &v),
    }
}

fn affix_remove(args: Args<'_>, fname: &str, suffix: bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let p = need_buf(args.one(fname)?)?;
    let (r, whole) = with_recv(s, |d| {
        let r = if suffix {
            d.strip_suffix(&p[..]).unwrap_or(d)
        } else {
            d.strip_prefix(&p[..]).unwrap_or(d)
        };
        (r.to_vec(), d.len())
    })?;
    piece(s, whole, &r)
}

fn removeprefix(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    affix_remove(args, "removeprefix", false)
}

fn removesuffix(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    affix_remove(args, "removesuffix", true)
}

fn translate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.clinic("translate", &["table", "delete"], 1)?;
    let table = match a[0] {
        Some(t) if !t.is(&ctx().none) => {
            let t = need_buf(t)?;
            if t.len() != 256 {
                return Err(exceptions::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match a[1] {
        Some(d) => need_buf(d)?,
        None => Cow::Borrowed(&b""[..]),
    };
    let (r, same) = with_recv(s, |d| {
        let r = alg::translate(d, table.as_deref(), &delete);
        let same = r == d;
        (r, same)
    })?;
    if same && s.is_type(&ctx().bytes_type) {
        return Ok(s.clone());
    }
    make(s, &r)
}

/// bytes.maketrans(frm, to) / bytearray.maketrans: a static method.
fn maketrans(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("maketrans", 2, 2)?;
    let (f, t) = (need_buf(&a[0])?, need_buf(&a[1])?);
    if f.len() != t.len() {
        return Err(exceptions::value_error(
            "maketrans arguments must have same length",
        ));
    }
    bytes::try_new(&alg::maketrans(&f, &t)).ok_or_else(exceptions::memory_error)
}

// ----- case, classification, padding -------------------------------------------------

fn mapped(args: Args<'_>, fname: &str, f: fn(&[u8]) -> Vec<u8>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none(fname)?;
    let r = with_recv(s, f)?;
    make(s, &r)
}

fn lower(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "lower", alg::lower)
}
fn upper(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "upper", alg::upper)
}
fn swapcase(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "swapcase", alg::swapcase)
}
fn capitalize(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "capitalize", alg::capitalize)
}
fn title(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "title", alg::title)
}

fn predicate(args: Args<'_>, fname: &str, f: fn(&[u8]) -> bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none(fname)?;
    Ok(bool_obj(with_recv(s, f)?))
}

fn isalnum(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "isalnum", alg::isalnum)
}
fn isalpha(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "isalpha", alg::isalpha)
}
fn isascii(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "isascii", alg::isascii)
}
fn isdigit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "isdigit", alg::isdigit)
}
fn islower(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "islower", alg::islower)
}
fn isspace(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "isspace", alg::isspace)
}
fn istitle(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "istitle", alg::istitle)
}
fn isupper(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "isupper", alg::isupper)
}

fn pad(vm: &mut Vm, args: Args<'_>, fname: &str, how: char) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.range(fname, 1, 2)?;
    let w = vm.index_arg(&a[0])?;
    let width = as_ssize_t(&w)?;
    let fill = match a.get(1) {
        None => b' ',
        Some(x) => {
            let one = if bytes::is_bytes(x) || is_ba(x) {
                with_recv(x, |d| (d.len() == 1).then(|| d[0]))?
            } else {
                None
            };
            match one {
                Some(b) => b,
                None => {
                    return Err(exceptions::type_error(format!(
                        "{fname}() argument 2 must be a byte string of length 1, not {}",
                        typeobj::type_name(x)
                    )))
                }
            }
        }
    };
    let (r, whole) = with_recv(s, |d| (alg::pad(d, width, fill, how), d.to_vec()))?;
    match r? {
        Some(v) => make(s, &v),
        None => piece(s, whole.len(), &whole),
    }
}

fn center(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    pad(Vm::of(rt), args, "center", '^')
}
fn ljust(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    pad(Vm::of(rt), args, "ljust", '<')
}
fn rjust(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    pad(Vm::of(rt), args, "rjust", '>')
}

fn zfill(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let w = vm.index_arg(args.one("zfill")?)?;
    let width = as_ssize_t(&w)?;
    let (r, whole) = with_recv(s, |d| (alg::zfill(d, width), d.to_vec()))?;
    match r? {
        Some(v) => make(s, &v),
        None => piece(s, whole.len(), &whole),
    }
}

fn expandtabs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.clinic("expandtabs", &["tabsize"], 0)?;
    let tabsize = a[0].map(as_ssize_t).transpose()?.unwrap_or(8);
    let r = with_recv(s, |d| alg::expandtabs(d, tabsize))??;
    make(s, &r)
}

// ----- hex ----------------------------------------------------------------------------

/// The (sep, bytes_per_sep) arguments of hex(), CPython's checks and messages.
pub(super) fn hex_args(args: &Args<'_>) -> VmResult<(Option<u8>, i64)> {
    let a = args.clinic("hex", &["sep", "bytes_per_sep"], 0)?;
    let sep = match a[0] {
        None => None,
        Some(x) => {
            let bytes: Vec<u32> = if let Some(v) = string::view(x) {
                v.chars().collect()
            } else if let Some(b) = buf(x) {
                b?.iter().map(|&c| c as u32).collect()
            } else {
                return Err(exceptions::type_error(format!(
                    "object of type '{}' has no len()",
                    typeobj::type_name(x)
                )));
            };
            if bytes.len() != 1 {
                return Err(exceptions::value_error("sep must be length 1."));
            }
            if bytes[0] > 127 {
                return Err(exceptions::value_error("sep must be ASCII."));
            }
            Some(bytes[0] as u8)
        }
    };
    let per = match a[1] {
        None => 1,
        Some(x) => crate::objects::args::as_c_int(x)? as i64,
    };
    Ok((sep, per))
}

fn hex(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sep, per) = hex_args(&args)?;
    let text = with_recv(s, |d| alg::hex(d, sep, per))?;
    Ok(string::new(&text))
}

/// bytes.fromhex(string) / bytearray.fromhex: `self` is the type.
fn fromhex(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (ty, args) = this(&args);
    let x = args.one("fromhex")?;
    let Some(v) = string::view(x) else {
        return Err(exceptions::type_error(format!(
            "fromhex() argument must be str, not {}",
            typeobj::type_name(x)
        )));
    };
    let chars: Vec<u32> = v.chars().collect();
    let data = alg::fromhex(&chars)?;
    let c = ctx();
    if ty.is(c.bytearray_type.as_obj()) {
        return Ok(bytearray::new(&data)?);
    }
    let made = bytes::try_new(&data).ok_or_else(exceptions::memory_error)?;
    if ty.is(c.bytes_type.as_obj()) {
        return Ok(made);
    }
    // A subclass: cls(the bytes), as CPython's fromhex.
    Vm::of(rt).call(ty, Args::positional(std::slice::from_ref(&made)))
}

fn dunder_bytes(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("__bytes__")?;
    if s.is_type(&ctx().bytes_type) {
        return Ok(s.clone());
    }
    let d = with_recv(s, <[u8]>::to_vec)?;
    bytes::try_new(&d).ok_or_else(exceptions::memory_error)
}

// ----- codecs -------------------------------------------------------------------------

/// The encoding and errors arguments of encode / decode (strs, CPython's messages).
fn codec_args(args: &Args<'_>, fname: &str) -> VmResult<(String, String)> {
    let a = args.clinic(fname, &["encoding", "errors"], 0)?;
    let get = |i: usize, name: &str, default: &str| -> VmResult<String> {
        match a[i] {
            None => Ok(default.to_string()),
            Some(x) => match string::as_str(x) {
                Some(t) => Ok(t.into_owned()),
                None => Err(exceptions::type_error(format!(
                    "{fname}() argument '{name}' must be str, not {}",
                    typeobj::type_name(x)
                ))),
            },
        }
    };
    Ok((get(0, "encoding", "utf-8")?, get(1, "errors", "strict")?))
}

/// LookupError: unknown encoding.
pub(super) fn unknown_encoding(name: &str) -> Exc {
    exceptions::named("LookupError", format!("unknown encoding: {name}"))
}

/// The exception for a codec failure on `object` (a str for encoding, bytes for
/// decoding).
pub(super) fn codec_exception(e: &CodecError, errors: &str, object: PyObj, encoding: bool) -> Exc {
    match e.bad_handler {
        Some(Handler::Unknown) => {
            return exceptions::named(
                "LookupError",
                format!("unknown error handler name '{errors}'"),
            )
        }
        Some(_) => {
            return exceptions::type_error(
                "don't know how to handle UnicodeDecodeError in error callback",
            )
        }
        None => {}
    }
    let name = if encoding {
        "UnicodeEncodeError"
    } else {
        "UnicodeDecodeError"
    };
    let args = vec![
        string::new(e.codec.name()),
        object,
        int::new_i64(e.start as i64),
        int::new_i64(e.end as i64),
        string::new(e.reason),
    ];
    Exc(exceptions::new_exc(ctx().exc_type(name), args))
}

/// Decode `data` with the encoding and error handler named.
pub(super) fn decode_bytes(data: &[u8], encoding: &str, errors: &str) -> VmResult<PyObj> {
    let codec = codecs::lookup(encoding).ok_or_else(|| unknown_encoding(encoding))?;
    match codecs::decode(data, codec, codecs::handler(errors)) {
        Ok(buf) => string::from_buf(&buf).ok_or_else(exceptions::memory_error),
        Err(e) => {
            let obj = bytes::try_new(data).ok_or_else(exceptions::memory_error)?;
            Err(codec_exception(&e, errors, obj, false))
        }
    }
}

/// Encode the str `s` with the encoding and error handler named.
pub(super) fn encode_str(s: &PyObj, encoding: &str, errors: &str) -> VmResult<Vec<u8>> {
    let codec = codecs::lookup(encoding).ok_or_else(|| unknown_encoding(encoding))?;
    let v = string::view(s).ok_or_else(|| exceptions::type_error("encode of a non-str"))?;
    codecs::encode(v, codec, codecs::handler(errors))
        .map_err(|e| codec_exception(&e, errors, s.clone(), true))
}

fn decode(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (encoding, errors) = codec_args(&args, "decode")?;
    let data = with_recv(s, <[u8]>::to_vec)?;
    decode_bytes(&data, &encoding, &errors)
}

/// str.encode(encoding='utf-8', errors='strict').
fn str_encode(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (encoding, errors) = codec_args(&args, "encode")?;
    let data = encode_str(s, &encoding, &errors)?;
    bytes::try_new(&data).ok_or_else(exceptions::memory_error)
}
