//! `re.Match`: groups by number or name, spans, expand, and CPython's repr.

use super::pattern::{cut, payload as pattern_payload};
use super::*;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::{dict, tuple};

fn payload(o: &PyObj) -> VmResult<&MatchObj> {
    o.get::<MatchObj>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 're.Match' object but received a '{}'",
            typeobj::type_name(o)
        ))
    })
}

fn no_such_group() -> Exc {
    exceptions::named("IndexError", "no such group")
}

/// The number of the group `g` names: an index, or a group name.
fn group_number(vm: &mut Vm, m: &MatchObj, g: &PyObj) -> VmResult<usize> {
    let n = m.spans.len();
    if let Some(i) = int::as_i64(g) {
        return if i >= 0 && (i as usize) < n {
            Ok(i as usize)
        } else {
            Err(no_such_group())
        };
    }
    if let Some(name) = string::as_str(g) {
        let p = pattern_payload(&m.pattern)?;
        return p.regex.group_index(&name).ok_or_else(no_such_group);
    }
    if int::value(g).is_some() {
        return Err(no_such_group());
    }
    // Another index type (CPython tries __index__ first).
    match vm.index(g) {
        Ok(i) => match int::as_i64(&i) {
            Some(i) if i >= 0 && (i as usize) < n => Ok(i as usize),
            _ => Err(no_such_group()),
        },
        Err(_) => Err(no_such_group()),
    }
}

fn group_value(vm: &mut Vm, m: &MatchObj, g: usize, default: &PyObj) -> VmResult<PyObj> {
    match m.spans[g] {
        Some((a, b)) => slice_of(vm, &m.string, a, b),
        None => Ok(default.clone()),
    }
}

fn m_group(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("group")?;
    let (me, rest) = method_args(&args);
    let m = payload(me)?;
    let none = ctx().none.clone();
    match rest.pos() {
        [] => group_value(vm, m, 0, &none),
        [g] => {
            let g = group_number(vm, m, g)?;
            group_value(vm, m, g, &none)
        }
        gs => {
            let mut items = Vec::with_capacity(gs.len());
            for g in gs {
                let g = group_number(vm, m, g)?;
                items.push(group_value(vm, m, g, &none)?);
            }
            Ok(tuple::new(items))
        }
    }
}

fn m_getitem(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let m = payload(o)?;
    let g = group_number(vm, m, key)?;
    group_value(vm, m, g, &ctx().none.clone())
}

fn m_groups(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (me, rest) = method_args(&args);
    let m = payload(me)?;
    let a = rest.clinic("groups", &["default"], 0)?;
    let default = a[0].cloned().unwrap_or_else(|| ctx().none.clone());
    let mut items = Vec::with_capacity(m.spans.len());
    for g in 1..m.spans.len() {
        items.push(group_value(vm, m, g, &default)?);
    }
    Ok(tuple::new(items))
}

fn m_groupdict(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (me, rest) = method_args(&args);
    let m = payload(me)?;
    let a = rest.clinic("groupdict", &["default"], 0)?;
    let default = a[0].cloned().unwrap_or_else(|| ctx().none.clone());
    let p = pattern_payload(&m.pattern)?;
    let d = dict::new();
    for (name, g) in p.regex.group_names() {
        let v = group_value(vm, m, *g, &default)?;
        dict::set_str(&d, name, v)?;
    }
    Ok(d)
}

/// The group argument of start / end / span (default 0).
fn one_group(vm: &mut Vm, fname: &str, args: Args<'_>) -> VmResult<Option<(usize, usize)>> {
    let (me, rest) = method_args(&args);
    let m = payload(me)?;
    rest.no_kw(fname)?;
    crate::objects::args::check_positional(fname, rest.pos().len(), 0, 1)?;
    let g = match rest.pos().first() {
        Some(g) => group_number(vm, m, g)?,
        None => 0,
    };
    Ok(m.spans[g])
}

fn pos_obj(v: Option<usize>) -> PyObj {
    int::new_i64(v.map_or(-1, |v| v as i64))
}

fn m_start(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let s = one_group(Vm::of(rt), "start", args)?;
    Ok(pos_obj(s.map(|s| s.0)))
}

fn m_end(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let s = one_group(Vm::of(rt), "end", args)?;
    Ok(pos_obj(s.map(|s| s.1)))
}

fn span_obj(s: Option<(usize, usize)>) -> PyObj {
    tuple::pair(pos_obj(s.map(|s| s.0)), pos_obj(s.map(|s| s.1)))
}

fn m_span(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let s = one_group(Vm::of(rt), "span", args)?;
    Ok(span_obj(s))
}

fn m_expand(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (me, rest) = method_args(&args);
    let m = payload(me)?;
    let a = rest.clinic("expand", &["template"], 1)?;
    let template = a[0].expect("required");
    let p = pattern_payload(&m.pattern)?;
    if code_points(template).is_some() && string::view(template).is_some() != p.regex.is_text() {
        return Err(super::pattern::join_error(p.regex.is_text(), 0, template));
    }
    let Some(cps) = code_points(template) else {
        return Err(type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            typeobj::type_name(template)
        )));
    };
    let t = p
        .regex
        .parse_template(&cps?)
        .map_err(|e| engine_error(vm, e, template))?;
    let h = held(&m.string, p.regex.is_text())?;
    let sm = sre::Match {
        spans: m.spans.clone(),
        lastindex: m.lastindex,
    };
    let mut out = Vec::new();
    on_text!(h.text(), s => t.expand_into(&sm, s, &mut out));
    new_text(p.regex.is_text(), &out)
}

fn m_copy(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(args.all[0].clone())
}

fn get_string(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(payload(&args.all[0])?.string.clone())
}

fn get_re(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(payload(&args.all[0])?.pattern.clone())
}

fn get_pos(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(int::new_i64(payload(&args.all[0])?.pos as i64))
}

fn get_endpos(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(int::new_i64(payload(&args.all[0])?.endpos as i64))
}

fn get_lastindex(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(match payload(&args.all[0])?.lastindex {
        Some(i) => int::new_i64(i as i64),
        None => ctx().none.clone(),
    })
}

fn get_lastgroup(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let m = payload(&args.all[0])?;
    let p = pattern_payload(&m.pattern)?;
    Ok(match m.lastindex.and_then(|i| p.regex.group_name(i)) {
        Some(n) => string::new(n),
        None => ctx().none.clone(),
    })
}

fn get_regs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let m = payload(&args.all[0])?;
    Ok(tuple::new(m.spans.iter().map(|&s| span_obj(s)).collect()))
}

fn m_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let vm = Vm::of(rt);
    let m = payload(o)?;
    let (a, b) = m.spans[0].unwrap_or((0, 0));
    let g = slice_of(vm, &m.string, a, b)?;
    let r = cut(vm.repr(&g)?, 50);
    Ok(format!("<re.Match object; span=({a}, {b}), match={r}>"))
}

macro_rules! defs {
    ($($name:literal => $f:path,)*) => {
        &[$(MethodDef { name: $name, func: $f },)*]
    };
}

static METHODS: &[MethodDef] = defs! {
    "group" => m_group,
    "groups" => m_groups,
    "groupdict" => m_groupdict,
    "start" => m_start,
    "end" => m_end,
    "span" => m_span,
    "expand" => m_expand,
    "__copy__" => m_copy,
    "__deepcopy__" => m_copy,
};

static PROPS: &[MethodDef] = defs! {
    "string" => get_string,
    "re" => get_re,
    "pos" => get_pos,
    "endpos" => get_endpos,
    "lastindex" => get_lastindex,
    "lastgroup" => get_lastgroup,
    "regs" => get_regs,
};

const SLOTS: SlotTable = SlotTable {
    repr: Some(m_repr),
    subscript: Some(m_getitem),
    ..SlotTable::EMPTY
};

pub(super) fn install(ty: &TypeRef) {
    typeobj::add_methods(ty, METHODS);
    super::super::io::add_properties(ty, PROPS);
    typeobj::install_builtin_slots(ty, &SLOTS);
}
