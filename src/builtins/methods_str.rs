//! The methods of str: wrappers over the pure functions of objects::unicode with
//! CPython's argument checks and messages. A result equal to the whole receiver is
//! the receiver itself, as CPython returns it; new strs take the narrowest kind.

use std::borrow::Cow;

use super::methods_args::{must_be_str, opt_str, slice_index, this, tuple_range};
use crate::heap::PyObj;
use crate::objects::args::as_ssize_t;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::unicode::methods_view::{count_view, find_view};
use crate::objects::unicode::view::{ascii_text, StrView};
use crate::objects::unicode::{methods as m, methods_case as mc, methods_format as mf};
use crate::objects::{ctx, list, string, tuple, typeobj};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

/// The methods of str.
pub static METHODS: &[MethodDef] = defs![
    "split" => split, "rsplit" => rsplit, "splitlines" => splitlines, "join" => join,
    "strip" => strip, "lstrip" => lstrip, "rstrip" => rstrip, "replace" => replace,
    "find" => find, "rfind" => rfind, "index" => index_, "rindex" => rindex,
    "count" => count, "startswith" => startswith, "endswith" => endswith,
    "partition" => partition, "rpartition" => rpartition,
    "upper" => upper, "lower" => lower, "casefold" => casefold,
    "capitalize" => capitalize, "title" => title, "swapcase" => swapcase,
    "center" => center, "ljust" => ljust, "rjust" => rjust, "zfill" => zfill,
    "expandtabs" => expandtabs,
    "isalpha" => isalpha, "isdigit" => isdigit, "isdecimal" => isdecimal,
    "isnumeric" => isnumeric, "isalnum" => isalnum, "isspace" => isspace,
    "isupper" => isupper, "islower" => islower, "istitle" => istitle,
    "isidentifier" => isidentifier, "isprintable" => isprintable, "isascii" => isascii,
    "removeprefix" => removeprefix, "removesuffix" => removesuffix,
    "format" => super::methods_str_format::format, "format_map" => super::methods_str_format::format_map,
];

/// The receiver's text (lone surrogates become U+FFFD here: see the report).
fn text(o: &PyObj) -> Cow<'_, str> {
    string::view(o).map_or(Cow::Borrowed(""), |v| v.to_str_lossy())
}

fn new_str(s: &str) -> VmResult<PyObj> {
    string::try_new(s).ok_or_else(exceptions::memory_error)
}

/// `p` (a piece of `whole`, the text of `orig`) as a str: `orig` itself when whole.
fn piece(orig: &PyObj, whole: &str, p: &str) -> VmResult<PyObj> {
    if p.len() == whole.len() && orig.is_type(&ctx().str_type) {
        return Ok(orig.clone());
    }
    new_str(p)
}

/// A Cow result: borrowed means unchanged (the receiver), owned is a new str.
fn cow_result(orig: &PyObj, r: Cow<'_, str>) -> VmResult<PyObj> {
    match r {
        Cow::Borrowed(_) if orig.is_type(&ctx().str_type) => Ok(orig.clone()),
        r => new_str(&r),
    }
}

/// The list of `parts` as str objects; its item array is a fallible request and
/// each new piece checks the memory limit (a split makes many objects in one call).
fn str_list(orig: &PyObj, whole: &str, parts: &[&str]) -> VmResult<PyObj> {
    let mut items = crate::objects::room::vec_with_capacity(parts.len())?;
    for p in parts {
        items.push(piece(orig, whole, p)?);
        crate::vm::memlimit::check()?;
    }
    Ok(list::new_exact(items))
}

fn sep_maxsplit<'a>(args: &Args<'a>, fname: &str) -> VmResult<(Option<Cow<'a, str>>, i64)> {
    // No argument or one positional (the usual call): no signature to bind.
    if args.kwnames.is_empty() && args.all.len() <= 1 {
        let sep = opt_str(args.all.first(), |t| {
            format!("must be str or None, not {t}")
        })?;
        return Ok((sep, -1));
    }
    let a = args.clinic(fname, &["sep", "maxsplit"], 0)?;
    let sep = opt_str(a[0], |t| format!("must be str or None, not {t}"))?;
    let maxsplit = a[1].map(as_ssize_t).transpose()?.unwrap_or(-1);
    Ok((sep, maxsplit))
}

/// The list of a split, built as CPython's stringlib builds it: room for 12 items
/// (maxsplit + 1 when fewer can come), then list.append's growth, each piece made as
/// it is found (no vector of pieces first); so its size is CPython's too.
fn split_list(
    maxsplit: i64,
    run: impl FnOnce(&mut dyn FnMut(PyObj) -> VmResult<()>) -> VmResult<()>,
) -> VmResult<Vec<PyObj>> {
    const MAX_PREALLOC: usize = 12;
    let prealloc = match usize::try_from(maxsplit) {
        Ok(n) if n < MAX_PREALLOC => n + 1,
        _ => MAX_PREALLOC,
    };
    let mut items: Vec<PyObj> = Vec::new();
    items
        .try_reserve_exact(prealloc)
        .map_err(|_| exceptions::memory_error())?;
    run(&mut |x| list::append_to(&mut items, x).map_err(Into::into))?;
    Ok(items)
}

/// A receiver shorter than the separator gives a list of exactly the receiver
/// itself, even of a str subclass (CPython returns before preallocating).
fn shorter_than_sep(s: &PyObj, sep: Option<&str>) -> Option<VmResult<PyObj>> {
    let sep = sep.filter(|p| !p.is_empty())?;
    if string::len(s)? >= sep.chars().count() {
        return None;
    }
    Some(Ok(list::new_exact(vec![s.clone()])))
}

fn split(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sep, maxsplit) = sep_maxsplit(&args, "split")?;
    if let Some(r) = shorter_than_sep(s, sep.as_deref()) {
        return r;
    }
    // An ASCII receiver (the common case): its pieces are ASCII, made straight from
    // its bytes with no text conversion and no kind scan.
    if let Some(StrView::Ascii(t)) = string::view(s) {
        let sep = sep.as_deref().map(str::as_bytes);
        let items = split_list(maxsplit, |push| {
            m::split_each_ascii(t, sep, maxsplit, |p| push(ascii_piece(s, t, p)?))
        })?;
        return Ok(list::from_vec(items));
    }
    let t = text(s);
    let items = split_list(maxsplit, |push| {
        m::split_each(&t, sep.as_deref(), maxsplit, |p| push(piece(s, &t, p)?))
    })?;
    Ok(list::from_vec(items))
}

/// `piece` for a piece of an ASCII receiver.
fn ascii_piece(orig: &PyObj, whole: &[u8], p: &[u8]) -> VmResult<PyObj> {
    if p.len() == whole.len() && orig.is_type(&ctx().str_type) {
        return Ok(orig.clone());
    }
    string::try_new_ascii(p).ok_or_else(exceptions::memory_error)
}

fn rsplit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sep, maxsplit) = sep_maxsplit(&args, "rsplit")?;
    if let Some(r) = shorter_than_sep(s, sep.as_deref()) {
        return r;
    }
    // An ASCII receiver with a separator: split's byte path, from the right.
    if let (Some(StrView::Ascii(t)), Some(sep)) = (string::view(s), sep.as_deref()) {
        let mut items = split_list(maxsplit, |push| {
            m::rsplit_each_ascii(t, sep.as_bytes(), maxsplit, |p| push(ascii_piece(s, t, p)?))
        })?;
        items.reverse();
        return Ok(list::from_vec(items));
    }
    let t = text(s);
    let mut items = split_list(maxsplit, |push| {
        m::rsplit_each(&t, sep.as_deref(), maxsplit, |p| push(piece(s, &t, p)?))
    })?;
    items.reverse();
    Ok(list::from_vec(items))
}

fn splitlines(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.clinic("splitlines", &["keepends"], 0)?;
    let keep = a[0].map(as_ssize_t).transpose()?.unwrap_or(0) != 0;
    let t = text(s);
    str_list(s, &t, &m::splitlines(&t, keep))
}

fn join(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let it = args.one("str.join")?;
    // A list or tuple is read in place (CPython's PySequence_Fast); joining runs no
    // Python code, so the list cannot change meanwhile.
    if let Some(t) = tuple::items(it) {
        return join_items(s, t);
    }
    if it.is_type(&ctx().list_type) {
        if let Some(l) = list::borrow(it) {
            return join_items(s, &l.0);
        }
    }
    if vm.iter(it).is_err() {
        return Err(exceptions::type_error("can only join an iterable"));
    }
    let items = vm.collect_iter(it)?;
    join_items(s, &items)
}

/// Joins of at most this many items gather their views on the stack first.
const JOIN_INLINE: usize = 8;

/// sep.join(items), written straight into the new str.
fn join_items(sep: &PyObj, items: &[PyObj]) -> VmResult<PyObj> {
    if let [one] = items {
        if one.is_type(&ctx().str_type) {
            return Ok(one.clone());
        }
    }
    for (i, x) in items.iter().enumerate() {
        if string::view(x).is_none() {
            return Err(exceptions::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                typeobj::type_name(x)
            )));
        }
    }
    let sep = string::view(sep).expect("a str");
    let joined = if items.len() <= JOIN_INLINE {
        // A few items (the usual join): their views and the separators in a slice on
        // the stack, which `from_parts` walks faster than the chained iterator below.
        let mut parts: smallvec::SmallVec<[StrView<'_>; 2 * JOIN_INLINE]> =
            smallvec::SmallVec::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 && !sep.is_empty() {
                parts.push(sep);
            }
            parts.extend(string::view(x));
        }
        string::from_parts(parts.iter().copied())
    } else {
        let parts = items.iter().enumerate().flat_map(move |(i, x)| {
            let glue = (i > 0 && !sep.is_empty()).then_some(sep);
            glue.into_iter().chain(string::view(x))
        });
        string::from_parts(parts)
    };
    joined.map_err(|too_long| {
        if too_long {
            exceptions::named(
                "OverflowError",
                "join() result is too long for a Python string",
            )
        } else {
            exceptions::memory_error()
        }
    })
}

fn do_strip(
    args: Args<'_>,
    fname: &str,
    f: for<'x> fn(&'x str, Option<&str>) -> &'x str,
    (left, right): (bool, bool),
) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.range(fname, 0, 1)?;
    let chars = opt_str(a.first(), |_| format!("{fname} arg must be None or str"))?;
    if let Some(StrView::Ascii(t)) = string::view(s) {
        return ascii_piece(s, t, m::strip_ascii(t, chars.as_deref(), left, right));
    }
    let t = text(s);
    let r = f(&t, chars.as_deref());
    piece(s, &t, r)
}

fn strip(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_strip(args, "strip", m::strip, (true, true))
}

fn lstrip(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_strip(args, "lstrip", m::lstrip, (true, false))
}

fn rstrip(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_strip(args, "rstrip", m::rstrip, (false, true))
}

fn replace(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.range("replace", 2, 3)?;
    let arg = |i: usize| {
        super::methods_args::str_arg(&a[i], |t| {
            format!("replace() argument {} must be str, not {t}", i + 1)
        })
    };
    let (old, new) = (arg(0)?, arg(1)?);
    let count = a.get(2).map(as_ssize_t).transpose()?.unwrap_or(-1);
    if let Some(r) = replace_ascii(s, &old, &new, count) {
        return r;
    }
    let t = text(s);
    let r = m::replace(&t, &old, &new, count)?;
    cow_result(s, r)
}

/// str.replace of ASCII text by ASCII text, written straight into the new str once
/// its length is known (no Rust String first, which doubled the result's memory at
/// its peak). None: not that case (the general path does it).
fn replace_ascii(s: &PyObj, old: &str, new: &str, count: i64) -> Option<VmResult<PyObj>> {
    let Some(StrView::Ascii(t)) = string::view(s) else {
        return None;
    };
    let t = ascii_text(t);
    if count == 0 || old == new || old.is_empty() || !old.is_ascii() || !new.is_ascii() {
        return None;
    }
    let max = usize::try_from(count).unwrap_or(usize::MAX);
    let k = t.match_indices(old).take(max).count();
    if k == 0 {
        return None;
    }
    // Never longer than the general path's result, which checks the size itself.
    let size = (t.len() - k * old.len()).checked_add(new.len().checked_mul(k)?)?;
    if size <= 1 || size > isize::MAX as usize {
        return None;
    }
    let r = string::ascii_with(size, |d| {
        let (mut at, mut last) = (0, 0);
        for (i, _) in t.match_indices(old).take(k) {
            let keep = &t.as_bytes()[last..i];
            d[at..at + keep.len()].copy_from_slice(keep);
            at += keep.len();
            d[at..at + new.len()].copy_from_slice(new.as_bytes());
            at += new.len();
            last = i + old.len();
        }
        d[at..].copy_from_slice(&t.as_bytes()[last..]);
    });
    Some(r.ok_or_else(exceptions::memory_error))
}

/// The (sub, start, end) arguments of find, count, index and friends.
fn sub_start_end<'a>(
    args: &Args<'a>,
    fname: &str,
) -> VmResult<(&'a PyObj, Option<i64>, Option<i64>)> {
    let a = tuple_range(args, fname, 1, 3)?;
    must_be_str(&a[0])?;
    let start = slice_index(a.get(1), true)?;
    let end = slice_index(a.get(2), true)?;
    Ok((&a[0], start, end))
}

fn find(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sub, start, end) = sub_start_end(&args, "find")?;
    let r = find_view(
        string::view(s).expect("str"),
        string::view(sub).expect("str"),
        start,
        end,
    );
    Ok(crate::objects::int::new_i64(r))
}

fn rfind(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sub, start, end) = sub_start_end(&args, "rfind")?;
    Ok(crate::objects::int::new_i64(m::rfind(
        &text(s),
        &text(sub),
        start,
        end,
    )))
}

fn index_(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sub, start, end) = sub_start_end(&args, "index")?;
    match find_view(
        string::view(s).expect("str"),
        string::view(sub).expect("str"),
        start,
        end,
    ) {
        -1 => Err(exceptions::value_error("substring not found")),
        i => Ok(crate::objects::int::new_i64(i)),
    }
}

fn rindex(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sub, start, end) = sub_start_end(&args, "rindex")?;
    Ok(crate::objects::int::new_i64(m::rindex(
        &text(s),
        &text(sub),
        start,
        end,
    )?))
}

fn count(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sub, start, end) = sub_start_end(&args, "count")?;
    let r = count_view(
        string::view(s).expect("str"),
        string::view(sub).expect("str"),
        start,
        end,
    );
    Ok(crate::objects::int::new_i64(r))
}

fn affix(args: Args<'_>, fname: &str, at_end: bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = tuple_range(&args, fname, 1, 3)?;
    let start = slice_index(a.get(1), true)?;
    let end = slice_index(a.get(2), true)?;
    let t = text(s);
    let test = |p: &str| {
        if at_end {
            m::endswith(&t, p, start, end)
        } else {
            m::startswith(&t, p, start, end)
        }
    };
    if let Some(items) = tuple::items(&a[0]) {
        for x in items {
            let p = super::methods_args::str_arg(x, |ty| {
                format!("tuple for {fname} must only contain str, not {ty}")
            })?;
            if test(&p) {
                return Ok(bool_obj(true));
            }
        }
        return Ok(bool_obj(false));
    }
    let p = super::methods_args::str_arg(&a[0], |ty| {
        format!("{fname} first arg must be str or a tuple of str, not {ty}")
    })?;
    Ok(bool_obj(test(&p)))
}

fn startswith(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    affix(args, "startswith", false)
}

fn endswith(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    affix(args, "endswith", true)
}

fn do_partition(args: Args<'_>, fname: &str, right: bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let sep = args.one(fname)?;
    // ASCII text and separator: searched as bytes, no text conversion, no Vec.
    if let (Some(StrView::Ascii(t)), Some(StrView::Ascii(p))) = (string::view(s), string::view(sep))
    {
        if !p.is_empty() {
            let (a, found, c) = if right {
                crate::objects::bytes_algo::rpartition(t, p)
            } else {
                crate::objects::bytes_algo::partition(t, p)
            };
            if !found {
                return Ok(not_partitioned(s, right));
            }
            let a = ascii_piece(s, t, a)?;
            let c = ascii_piece(s, t, c)?;
            return Ok(tuple::from_exact([a, sep.clone(), c]));
        }
    }
    let sep_text = must_be_str(sep)?;
    let t = text(s);
    let (a, b, c) = if right {
        m::rpartition(&t, &sep_text)?
    } else {
        m::partition(&t, &sep_text)?
    };
    if b.is_empty() {
        return Ok(not_partitioned(s, right));
    }
    Ok(tuple::new(vec![
        piece(s, &t, a)?,
        sep.clone(),
        piece(s, &t, c)?,
    ]))
}

/// partition's answer when the separator is absent: the receiver itself (a str
/// subclass's instance too, as CPython's stringlib partition) and two empty strs.
fn not_partitioned(s: &PyObj, right: bool) -> PyObj {
    let e = || ctx().empty_str.clone();
    if right {
        tuple::from_exact([e(), e(), s.clone()])
    } else {
        tuple::from_exact([s.clone(), e(), e()])
    }
}

fn partition(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_partition(args, "str.partition", false)
}

fn rpartition(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_partition(args, "str.rpartition", true)
}

/// A method with no arguments mapping the text to new text.
fn mapped(args: Args<'_>, fname: &str, f: fn(&str) -> String) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none(fname)?;
    new_str(&f(&text(s)))
}

/// `mapped` for a case mapping that takes ASCII to ASCII byte by byte (`byte`): an
/// ASCII receiver's result is written straight into the new str.
fn mapped_bytes(
    args: Args<'_>,
    fname: &str,
    f: fn(&str) -> String,
    byte: fn(&u8) -> u8,
) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    if let Some(StrView::Ascii(t)) = string::view(s) {
        if t.len() > 1 {
            rest.none(fname)?;
            return string::ascii_with(t.len(), |d| {
                for (o, b) in d.iter_mut().zip(t) {
                    *o = byte(b);
                }
            })
            .ok_or_else(exceptions::memory_error);
        }
    }
    mapped(args, fname, f)
}

fn upper(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped_bytes(args, "str.upper", mc::upper, u8::to_ascii_uppercase)
}
fn lower(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped_bytes(args, "str.lower", mc::lower, u8::to_ascii_lowercase)
}
fn casefold(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "str.casefold", mc::casefold)
}
fn capitalize(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "str.capitalize", mc::capitalize)
}
fn title(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "str.title", mc::title)
}
fn swapcase(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    mapped(args, "str.swapcase", mc::swapcase)
}

type PadFn = for<'x> fn(&'x str, i64, char) -> crate::error::PyResult<Cow<'x, str>>;

fn pad(args: Args<'_>, fname: &str, f: PadFn) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.range(fname, 1, 2)?;
    let width = as_ssize_t(&a[0])?;
    let fill = match a.get(1) {
        None => ' ',
        Some(x) => {
            let v = string::view(x).ok_or_else(|| {
                exceptions::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    typeobj::type_name(x)
                ))
            })?;
            if v.len() != 1 {
                return Err(exceptions::type_error(
                    "The fill character must be exactly one character long",
                ));
            }
            char::from_u32(v.char_at(0)).unwrap_or('\u{FFFD}')
        }
    };
    let t = text(s);
    let r = f(&t, width, fill)?;
    cow_result(s, r)
}

fn center(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    pad(args, "center", mf::center)
}
fn ljust(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    pad(args, "ljust", mf::ljust)
}
fn rjust(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    pad(args, "rjust", mf::rjust)
}

fn zfill(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let width = as_ssize_t(args.one("str.zfill")?)?;
    let t = text(s);
    let r = mf::zfill(&t, width)?;
    cow_result(s, r)
}

fn expandtabs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.clinic("expandtabs", &["tabsize"], 0)?;
    let tabsize = a[0].map(as_ssize_t).transpose()?.unwrap_or(8);
    let t = text(s);
    let r = mf::expandtabs(&t, tabsize)?;
    cow_result(s, r)
}

/// A predicate method with no arguments.
fn predicate(args: Args<'_>, fname: &str, f: fn(&str) -> bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none(fname)?;
    Ok(bool_obj(f(&text(s))))
}

fn isalpha(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isalpha", mc::isalpha)
}
fn isdigit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isdigit", mc::isdigit)
}
fn isdecimal(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isdecimal", mc::isdecimal)
}
fn isnumeric(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isnumeric", mc::isnumeric)
}
fn isalnum(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isalnum", mc::isalnum)
}
fn isspace(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isspace", mc::isspace)
}
fn isupper(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isupper", mc::isupper)
}
fn islower(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.islower", mc::islower)
}
fn istitle(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.istitle", mc::istitle)
}
fn isidentifier(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isidentifier", mc::isidentifier)
}
fn isprintable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isprintable", mc::isprintable)
}
fn isascii(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    predicate(args, "str.isascii", mc::isascii)
}

fn affix_remove(args: Args<'_>, fname: &str, suffix: bool) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.one(&format!("str.{fname}"))?;
    let p =
        super::methods_args::str_arg(a, |t| format!("{fname}() argument must be str, not {t}"))?;
    let t = text(s);
    let r = if suffix {
        m::removesuffix(&t, &p)
    } else {
        m::removeprefix(&t, &p)
    };
    piece(s, &t, r)
}

fn removeprefix(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    affix_remove(args, "removeprefix", false)
}

fn removesuffix(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    affix_remove(args, "removesuffix", true)
}
