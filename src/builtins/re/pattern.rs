//! `re.Pattern`: compile, the matching methods, findall / finditer / sub / split, and
//! the finditer iterator.

use std::cell::RefCell;

use super::*;
use crate::bytecode::opcode::CompareOp;
use crate::objects::args::as_ssize_t;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::{dict, list, tuple};
use crate::vm::ops::bool_obj;
use sre::Mode;

pub(super) fn payload(o: &PyObj) -> VmResult<&Pattern> {
    o.get::<Pattern>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 're.Pattern' object but received a '{}'",
            typeobj::type_name(o)
        ))
    })
}

/// Compile `pattern` (str or bytes) with `flags` into a Pattern object.
fn compile(vm: &mut Vm, pattern: &PyObj, flags: u32) -> VmResult<PyObj> {
    let (cps, is_text) = if let Some(v) = string::view(pattern) {
        (v.chars().collect::<Vec<u32>>(), true)
    } else if let Some(r) = code_points(pattern) {
        (r?, false)
    } else {
        return Err(type_error(
            "first argument must be string or compiled pattern",
        ));
    };
    let regex = sre::Regex::compile(&cps, is_text, flags, None)
        .map_err(|e| engine_error(vm, e, pattern))?;
    Ok(PyObj::new(
        &types().pattern,
        Pattern {
            regex,
            pattern: pattern.clone(),
            groupindex: RefCell::new(None),
        },
    ))
}

/// `_sre.compile(pattern, flags)`.
pub(super) fn compile_fn(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("compile", &["pattern", "flags"], 1)?;
    let flags = match a[1] {
        Some(f) => crate::objects::args::as_c_int(f)? as u32,
        None => 0,
    };
    compile(vm, a[0].expect("required"), flags)
}

/// `_sre.template_literal(pattern, repl)`: the repl as a literal when it has no
/// backslash, else None (re.py's hint for its own fast path).
pub(super) fn template_literal(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("template_literal", 1, 1)?;
    let has_backslash = match code_points(&a[0]) {
        Some(r) => r?.contains(&92),
        None => true,
    };
    Ok(bool_obj(!has_backslash))
}

// ----- matching ---------------------------------------------------------------------

/// pos and endpos arguments clamped to the subject, as CPython's state_init does.
fn bounds(pos: Option<&PyObj>, endpos: Option<&PyObj>, len: usize) -> VmResult<(usize, usize)> {
    let clamp = |o: Option<&PyObj>, default: usize| -> VmResult<usize> {
        Ok(match o {
            None => default,
            Some(v) => as_ssize_t(v)?.clamp(0, len as i64) as usize,
        })
    };
    Ok((clamp(pos, 0)?, clamp(endpos, len)?))
}

pub(super) fn exec(
    p: &Pattern,
    scratch: &mut sre::Scratch,
    text: Text<'_>,
    pos: usize,
    endpos: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<sre::Match> {
    on_text!(text, s => p.regex.exec(scratch, s, pos, endpos, mode, must_advance))
}

pub(super) fn new_match(
    pobj: &PyObj,
    string: &PyObj,
    m: sre::Match,
    pos: usize,
    endpos: usize,
) -> PyObj {
    PyObj::new(
        &types().match_,
        MatchObj {
            pattern: pobj.clone(),
            string: string.clone(),
            spans: m.spans,
            lastindex: m.lastindex,
            pos,
            endpos,
        },
    )
}

fn match_mode(fname: &str, args: Args<'_>, mode: Mode) -> VmResult<PyObj> {
    let (me, rest) = method_args(&args);
    let p = payload(me)?;
    let a = rest.clinic(fname, &["string", "pos", "endpos"], 1)?;
    let string = a[0].expect("required");
    let h = held(string, p.regex.is_text())?;
    let text = h.text();
    let (pos, endpos) = bounds(a[1], a[2], text.len())?;
    let none = || Ok(ctx().none.clone());
    let end = if pos > endpos {
        if mode != Mode::Match {
            return none();
        }
        pos
    } else {
        endpos
    };
    let mut scratch = sre::Scratch::default();
    match exec(p, &mut scratch, text, pos, end, mode, false) {
        Some(m) => Ok(new_match(me, string, m, pos, endpos)),
        None => none(),
    }
}

fn pat_match(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    match_mode("match", args, Mode::Match)
}

fn pat_fullmatch(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    match_mode("fullmatch", args, Mode::FullMatch)
}

fn pat_search(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    match_mode("search", args, Mode::Search)
}

/// Calls `f` with each successive match (finditer's rules for empty matches) until it
/// returns false.
fn each_match(
    p: &Pattern,
    text: Text<'_>,
    pos: usize,
    endpos: usize,
    mut f: impl FnMut(sre::Match) -> VmResult<bool>,
) -> VmResult<()> {
    if pos > endpos {
        return Ok(());
    }
    let mut scratch = sre::Scratch::default();
    let mut at = pos;
    let mut must_advance = false;
    while let Some(m) = exec(
        p,
        &mut scratch,
        text,
        at,
        endpos,
        Mode::Search,
        must_advance,
    ) {
        let (b, e) = m.spans[0].expect("a match has a span");
        must_advance = b == e;
        at = e;
        if !f(m)? {
            break;
        }
    }
    Ok(())
}

fn pat_findall(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (me, rest) = method_args(&args);
    let p = payload(me)?;
    let a = rest.clinic("findall", &["string", "pos", "endpos"], 1)?;
    let string = a[0].expect("required");
    let h = held(string, p.regex.is_text())?;
    let text = h.text();
    let (pos, endpos) = bounds(a[1], a[2], text.len())?;
    let groups = p.regex.groups();
    let mut out = Vec::new();
    let empty = if p.regex.is_text() {
        ctx().empty_str.clone()
    } else {
        bytes::new(b"")
    };
    let piece = |vm: &mut Vm, span: Option<(usize, usize)>| match span {
        Some((x, y)) => slice_of(vm, string, x, y),
        None => Ok(empty.clone()),
    };
    each_match(p, text, pos, endpos, |m| {
        let item = match groups {
            0 => piece(vm, m.spans[0])?,
            1 => piece(vm, m.spans[1])?,
            _ => {
                let mut items = Vec::with_capacity(groups);
                for g in 1..=groups {
                    items.push(piece(vm, m.spans[g])?);
                }
                tuple::new(items)
            }
        };
        out.push(item);
        Ok(true)
    })?;
    Ok(list::new_exact(out))
}

fn scanner_for(fname: &str, args: Args<'_>) -> VmResult<PyObj> {
    let (me, rest) = method_args(&args);
    let p = payload(me)?;
    let a = rest.clinic(fname, &["string", "pos", "endpos"], 1)?;
    let string = a[0].expect("required");
    let len = held(string, p.regex.is_text())?.text().len();
    let (pos, endpos) = bounds(a[1], a[2], len)?;
    Ok(PyObj::new(
        &types().scanner,
        Scanner {
            pattern: me.clone(),
            string: string.clone(),
            pos0: pos,
            st: RefCell::new(ScanState {
                pos,
                endpos,
                must_advance: false,
                done: pos > endpos,
            }),
        },
    ))
}

fn pat_finditer(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    scanner_for("finditer", args)
}

fn pat_scanner(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    scanner_for("scanner", args)
}

fn scanner_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(o.clone())
}

/// The next match of a finditer / scanner (scanner.search()).
fn scanner_step(o: &PyObj, mode: Mode) -> VmResult<Option<PyObj>> {
    let sc = o
        .get::<Scanner>()
        .ok_or_else(|| type_error("a scanner is required"))?;
    let p = payload(&sc.pattern)?;
    let mut st = sc.st.borrow_mut();
    if st.done {
        return Ok(None);
    }
    let h = held(&sc.string, p.regex.is_text())?;
    let text = h.text();
    let mut scratch = sre::Scratch::default();
    let found = exec(
        p,
        &mut scratch,
        text,
        st.pos,
        st.endpos,
        mode,
        st.must_advance,
    );
    match found {
        None => {
            st.done = true;
            Ok(None)
        }
        Some(m) => {
            let (b, e) = m.spans[0].expect("a match has a span");
            st.must_advance = b == e;
            st.pos = e;
            Ok(Some(new_match(
                &sc.pattern,
                &sc.string,
                m,
                sc.pos0,
                st.endpos,
            )))
        }
    }
}

fn scanner_next(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    scanner_step(o, Mode::Search)
}

fn scanner_method(args: Args<'_>, mode: Mode) -> VmResult<PyObj> {
    Ok(scanner_step(&args.all[0], mode)?.unwrap_or_else(|| ctx().none.clone()))
}

fn scanner_search(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    scanner_method(args, Mode::Search)
}

fn scanner_match(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    scanner_method(args, Mode::Match)
}

// ----- sub and split ----------------------------------------------------------------

/// What replaces each match.
enum Repl {
    Literal(Vec<u32>),
    Template(sre::Template),
    /// A template whose type is not the pattern's: the join fails on it.
    Mismatch(PyObj),
    Call(PyObj),
}

/// The error of joining a piece that is not of the pattern's kind.
pub(super) fn join_error(is_text: bool, index: usize, item: &PyObj) -> Exc {
    let t = typeobj::type_name(item);
    type_error(if is_text {
        format!("sequence item {index}: expected str instance, {t} found")
    } else {
        format!("sequence item {index}: expected a bytes-like object, {t} found")
    })
}

fn subx(vm: &mut Vm, args: Args<'_>, fname: &str, with_count: bool) -> VmResult<PyObj> {
    let (me, rest) = method_args(&args);
    let p = payload(me)?;
    let a = rest.clinic(fname, &["repl", "string", "count"], 2)?;
    let (repl, string) = (a[0].expect("required"), a[1].expect("required"));
    let count = match a[2] {
        Some(c) => as_ssize_t(c)?,
        None => 0,
    };
    let is_text = p.regex.is_text();
    let repl = if super::super::functions::is_callable(repl) {
        Repl::Call(repl.clone())
    } else {
        let repl_is_text = string::view(repl).is_some();
        match code_points(repl) {
            None => {
                return Err(type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    typeobj::type_name(repl)
                )))
            }
            Some(cps) => {
                let cps = cps?;
                if repl_is_text != is_text {
                    Repl::Mismatch(repl.clone())
                } else if !cps.contains(&92) {
                    Repl::Literal(cps)
                } else {
                    let t = p
                        .regex
                        .parse_template(&cps)
                        .map_err(|e| engine_error(vm, e, repl))?;
                    match t.literal() {
                        Some(l) => Repl::Literal(l),
                        None => Repl::Template(t),
                    }
                }
            }
        }
    };
    let h = held(string, is_text)?;
    let text = h.text();
    let len = text.len();
    let mut out: Vec<u32> = Vec::new();
    let mut last = 0;
    let mut n: i64 = 0;
    // The index the next piece would have in CPython's list of pieces.
    let mut index = 0;
    let mut failure: Option<Exc> = None;
    let push_text = |out: &mut Vec<u32>, a: usize, b: usize| on_text!(text, s => out.extend((a..b).map(|i| sre::Subject::at(s, i))));
    if count >= 0 {
        each_match(p, text, 0, len, |m| {
            if count != 0 && n >= count {
                return Ok(false);
            }
            let (b, e) = m.spans[0].expect("a match has a span");
            if last < b {
                push_text(&mut out, last, b);
                index += 1;
            }
            match &repl {
                Repl::Literal(l) => {
                    if !l.is_empty() {
                        out.extend_from_slice(l);
                        index += 1;
                    }
                }
                Repl::Template(t) => {
                    on_text!(text, s => t.expand_into(&m, s, &mut out));
                    index += 1;
                }
                Repl::Mismatch(r) => {
                    failure = Some(join_error(is_text, index, r));
                    return Ok(false);
                }
                Repl::Call(f) => {
                    let mo = new_match(me, string, m, 0, len);
                    let r = vm.call(f, Args::positional(&[mo]))?;
                    if !r.is(&ctx().none) {
                        let ok = if is_text {
                            string::view(&r).map(|v| out.extend(v.chars())).is_some()
                        } else {
                            match buffer::with_bytes(&r, |b| {
                                out.extend(b.iter().map(|&c| c as u32))
                            }) {
                                Some(res) => res.map(|_| true).map_err(Exc::from)?,
                                None => false,
                            }
                        };
                        if !ok {
                            failure = Some(join_error(is_text, index, &r));
                            return Ok(false);
                        }
                        index += 1;
                    }
                }
            }
            last = e;
            n += 1;
            Ok(true)
        })?;
    }
    if let Some(e) = failure {
        return Err(e);
    }
    let result = if n == 0 && (string.is_type(&ctx().str_type) || string.is_type(&ctx().bytes_type))
    {
        string.clone()
    } else {
        push_text(&mut out, last, len);
        new_text(is_text, &out)?
    };
    Ok(if with_count {
        tuple::pair(result, int::new_i64(n))
    } else {
        result
    })
}

fn pat_sub(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    subx(Vm::of(rt), args, "sub", false)
}

fn pat_subn(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    subx(Vm::of(rt), args, "subn", true)
}

fn pat_split(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (me, rest) = method_args(&args);
    let p = payload(me)?;
    let a = rest.clinic("split", &["string", "maxsplit"], 1)?;
    let string = a[0].expect("required");
    let maxsplit = match a[1] {
        Some(c) => as_ssize_t(c)?,
        None => 0,
    };
    let h = held(string, p.regex.is_text())?;
    let text = h.text();
    let len = text.len();
    let mut out = Vec::new();
    let mut last = 0;
    let mut n: i64 = 0;
    if maxsplit >= 0 {
        each_match(p, text, 0, len, |m| {
            if maxsplit != 0 && n >= maxsplit {
                return Ok(false);
            }
            let (b, e) = m.spans[0].expect("a match has a span");
            out.push(slice_of(vm, string, last, b)?);
            for g in 1..m.spans.len() {
                out.push(match m.spans[g] {
                    Some((x, y)) => slice_of(vm, string, x, y)?,
                    None => ctx().none.clone(),
                });
            }
            last = e;
            n += 1;
            Ok(true)
        })?;
    }
    out.push(slice_of(vm, string, last, len)?);
    Ok(list::new_exact(out))
}

// ----- attributes, repr, comparison ---------------------------------------------------

fn get_pattern(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(payload(&args.all[0])?.pattern.clone())
}

fn get_flags(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(int::new_i64(payload(&args.all[0])?.regex.flags() as i64))
}

fn get_groups(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(int::new_i64(payload(&args.all[0])?.regex.groups() as i64))
}

/// The groupindex dict (not the proxy), made once.
pub(super) fn groupindex_dict(p: &Pattern) -> VmResult<PyObj> {
    if let Some(g) = p.groupindex.borrow().as_ref() {
        return Ok(g.clone());
    }
    let d = dict::new();
    for (name, g) in p.regex.group_names() {
        dict::set_str(&d, name, int::new_i64(*g as i64))?;
    }
    let proxy = dict::new_mappingproxy(d);
    *p.groupindex.borrow_mut() = Some(proxy.clone());
    Ok(proxy)
}

fn get_groupindex(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    groupindex_dict(payload(&args.all[0])?)
}

/// Flag names in the order CPython's pattern repr lists them.
const FLAG_NAMES: &[(u32, &str)] = &[
    (sre::flags::TEMPLATE, "re.TEMPLATE"),
    (sre::flags::IGNORECASE, "re.IGNORECASE"),
    (sre::flags::LOCALE, "re.LOCALE"),
    (sre::flags::MULTILINE, "re.MULTILINE"),
    (sre::flags::DOTALL, "re.DOTALL"),
    (sre::flags::UNICODE, "re.UNICODE"),
    (sre::flags::VERBOSE, "re.VERBOSE"),
    (sre::flags::DEBUG, "re.DEBUG"),
    (sre::flags::ASCII, "re.ASCII"),
];

/// Python's `%.{n}R`: the repr cut to n characters.
pub(super) fn cut(s: String, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => s[..i].to_string(),
        None => s,
    }
}

fn pat_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let p = payload(o)?;
    let r = cut(rt.repr(&p.pattern)?, 200);
    let mut flags = p.regex.flags();
    if p.regex.is_text()
        && flags & (sre::flags::LOCALE | sre::flags::UNICODE | sre::flags::ASCII)
            == sre::flags::UNICODE
    {
        flags &= !sre::flags::UNICODE;
    }
    if flags == 0 {
        return Ok(format!("re.compile({r})"));
    }
    let mut names: Vec<String> = Vec::new();
    for &(bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    Ok(format!("re.compile({r}, {})", names.join("|")))
}

fn pat_hash(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    let p = payload(o)?;
    let h = rt.hash(&p.pattern)?;
    let h = h ^ (p.regex.flags() as i64).wrapping_mul(1_000_003);
    Ok(if h == -1 { -2 } else { h })
}

fn pat_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (a.get::<Pattern>(), b.get::<Pattern>()) else {
        return Ok(ctx().not_implemented.clone());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(ctx().not_implemented.clone());
    }
    let eq = a.is(b)
        || (x.regex.flags() == y.regex.flags()
            && x.regex.is_text() == y.regex.is_text()
            && rt.equal(&x.pattern, &y.pattern)?);
    Ok(bool_obj(eq == (op == CompareOp::Eq)))
}

fn pat_copy(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(args.all[0].clone())
}

macro_rules! defs {
    ($($name:literal => $f:path,)*) => {
        &[$(MethodDef { name: $name, func: $f },)*]
    };
}

static METHODS: &[MethodDef] = defs! {
    "match" => pat_match,
    "fullmatch" => pat_fullmatch,
    "search" => pat_search,
    "findall" => pat_findall,
    "finditer" => pat_finditer,
    "scanner" => pat_scanner,
    "sub" => pat_sub,
    "subn" => pat_subn,
    "split" => pat_split,
    "__copy__" => pat_copy,
    "__deepcopy__" => pat_copy,
};

static PROPS: &[MethodDef] = defs! {
    "pattern" => get_pattern,
    "flags" => get_flags,
    "groups" => get_groups,
    "groupindex" => get_groupindex,
};

static SCANNER_METHODS: &[MethodDef] = defs! {
    "search" => scanner_search,
    "match" => scanner_match,
};

const SLOTS: SlotTable = SlotTable {
    repr: Some(pat_repr),
    hash: Some(pat_hash),
    richcompare: Some(pat_richcompare),
    ..SlotTable::EMPTY
};

const SCANNER_SLOTS: SlotTable = SlotTable {
    iter: Some(scanner_iter),
    iternext: Some(scanner_next),
    ..SlotTable::EMPTY
};

pub(super) fn install(pattern: &TypeRef, scanner: &TypeRef) {
    typeobj::add_methods(pattern, METHODS);
    super::super::io::add_properties(pattern, PROPS);
    typeobj::install_builtin_slots(pattern, &SLOTS);
    typeobj::add_methods(scanner, SCANNER_METHODS);
    typeobj::install_builtin_slots(scanner, &SCANNER_SLOTS);
}
