//! The constructors of the built-in types (their `__new__`, called with the type
//! first): object, type, int, float, str, bool, list, tuple, dict, set, frozenset,
//! range, slice, and the exception classes; with CPython 3.11's conversion rules and
//! messages.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::{check_positional, number_index, Args, Signature};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::type_error;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::none::Singleton;
use crate::objects::numeric::{float_from_str, int_from_str, Int};
use crate::objects::range::Range;
use crate::objects::runtime::Runtime;
use crate::objects::set_eq::{self, KeyEq, KeySource};
use crate::objects::settable::SetTable;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, dict, float, int, list, set, slice, string, tuple};
use crate::vm::ops::{self, bool_obj};
use crate::vm::Vm;

use super::methods_args::this;
use super::subclass;

/// The type a constructor was called on (args.all[0]); `X.__new__(5)` is a TypeError.
pub(crate) fn called_type(args: &Args<'_>, name: &str) -> VmResult<TypeRef> {
    match args.all.first() {
        Some(t) => TypeRef::from_obj::<TypeInfo>(t).ok_or_else(|| {
            type_error(format!(
                "{name}.__new__(X): X is not a type object ({})",
                typeobj::type_name(t)
            ))
        }),
        None => Err(type_error(format!(
            "{name}.__new__(): not enough arguments"
        ))),
    }
}

/// "int() takes at most 2 arguments (3 given)" style check on the arguments after
/// the type; no keywords.
fn at_most(args: &Args<'_>, fname: &str, max: usize) -> VmResult<()> {
    this(args).1.range(fname, 0, max).map(drop)
}

/// object()
fn new_object(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = called_type(&args, "object")?;
    let c = ctx();
    if typeobj::is_heap_type(&ty) {
        return super::classes::object_new_class(vm, &args);
    }
    if !ty.is(&c.object_type) {
        return Err(type_error(format!(
            "cannot create '{}' instances",
            typeobj::info(&ty).name
        )));
    }
    if args.all.len() > 1 {
        return Err(type_error("object() takes no arguments"));
    }
    Ok(PyObj::new(&c.object_type, Singleton))
}

/// type(obj): the object's type. type(name, bases, dict) makes a class.
fn new_type(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let all = args.pos();
    let Some(meta) = all.first() else {
        return Err(type_error("type.__new__(): not enough arguments"));
    };
    let Some(meta) = TypeRef::from_obj::<TypeInfo>(meta) else {
        return Err(type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            typeobj::type_name(meta)
        )));
    };
    if !typeobj::is_subtype(&meta, &ctx().type_type) {
        return Err(type_error(format!(
            "type.__new__({}): {} is not a subtype of type",
            typeobj::info(&meta).name,
            typeobj::info(&meta).name
        )));
    }
    let exact = meta.is(&ctx().type_type);
    let pos = &all[1..];
    match pos.len() {
        1 if exact && args.kwnames.is_empty() => Ok(pos[0].type_obj().as_obj().clone()),
        1 if exact => Err(type_error("type() takes no keyword arguments")),
        3 => {
            if string::view(&pos[0]).is_none() {
                return Err(type_error(format!(
                    "type.__new__() argument 1 must be str, not {}",
                    typeobj::type_name(&pos[0])
                )));
            }
            let Some(bases) = tuple::items(&pos[1]) else {
                return Err(type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    typeobj::type_name(&pos[1])
                )));
            };
            if !pos[2].is_a::<dict::Dict>() {
                return Err(type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    typeobj::type_name(&pos[2])
                )));
            }
            let bases = bases.to_vec();
            // A metaclass more derived than `meta` among the bases' makes the class
            // with its own `__new__` when that is not this one (CPython's type_new).
            vm.refuse_mro_entries(&bases)?;
            let winner = vm.calculate_metaclass(&meta, &bases)?;
            if !winner.is(&meta) {
                let mine = vm.type_lookup_static(&ctx().type_type, "__new__")?;
                let theirs = vm.type_lookup_static(&winner, "__new__")?;
                if let Some(f) = theirs.filter(|f| !mine.as_ref().is_some_and(|m| m.is(f))) {
                    let f = match f.get::<crate::objects::descr::Wrapper>() {
                        Some(w) => w.callable.clone(),
                        None => f,
                    };
                    let mut all: Vec<PyObj> = vec![winner.as_obj().clone()];
                    all.extend(args.all[1..].iter().cloned());
                    return vm.call(
                        &f,
                        Args {
                            all: &all,
                            kwnames: args.kwnames,
                        },
                    );
                }
            }
            let kw: Vec<(PyObj, PyObj)> =
                args.kwargs().map(|(k, v)| (k.clone(), v.clone())).collect();
            Ok(vm
                .type_new(&meta, &pos[0], &bases, &pos[2], &kw)?
                .as_obj()
                .clone())
        }
        _ if exact => Err(type_error("type() takes 1 or 3 arguments")),
        n => Err(type_error(format!(
            "type.__new__() takes exactly 3 arguments ({n} given)"
        ))),
    }
}

/// The object a built-in type's `__new__` made, as an instance of `ty` when that is
/// a subclass (CPython's long_subtype_new, float_subtype_new, ...).
fn as_subtype(ty: &TypeRef, base: &TypeRef, v: VmResult<PyObj>) -> VmResult<PyObj> {
    if ty.is(base) {
        return v;
    }
    subclass::check_subtype(ty, base)?;
    subclass::retype(ty, &v?)
}

/// int(x=0) / int(x, base=10)
fn new_int(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = called_type(&args, "int")?;
    let r = int_value(vm, args);
    as_subtype(&ty, &ctx().int_type, r)
}

fn int_value(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (_, args) = this(&args);
    // int(x) of an exact str, int or float: str has no `__int__`, and int's and
    // float's give what int_of gives; none is a heap type (no `__index__` look-up).
    // So PyNumber_Long's answer is int_of's, without the argument parsing.
    if let ([x], []) = (args.all, args.kwnames) {
        let c = ctx();
        if x.is_type(&c.str_type) || x.is_type(&c.int_type) || x.is_type(&c.float_type) {
            return int_of(x);
        }
    }
    let a = args.parse(&Signature {
        fname: "int",
        names: &["x", "base"],
        posonly: 1,
        maxpos: 2,
        required: 0,
    })?;
    let base = a[1];
    let Some(x) = a[0] else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(int::new_i64(0));
    };
    if base.is_none() {
        if let Some(r) = vm.convert_special(x, "__int__", &[])? {
            let Some(v) = int::value(&r) else {
                return Err(type_error(format!(
                    "__int__ returned non-int (type {})",
                    typeobj::type_name(&r)
                )));
            };
            return ops::int_obj(&v);
        }
        if x.vtable().heap_type {
            let r = vm.index_arg(x)?;
            if let Some(v) = int::value(&r) {
                return ops::int_obj(&v);
            }
        }
    }
    if let Some(b) = base {
        let b = number_index(b)?;
        if let Some(text) = bytes_text(x) {
            let b = b.to_i64().unwrap_or(i64::MAX);
            return ops::int_obj(&int_from_bytes(x, &text?, b)?);
        }
        let Some(v) = string::view(x) else {
            return Err(type_error(
                "int() can't convert non-string with explicit base",
            ));
        };
        let b = b.to_i64().unwrap_or(i64::MAX);
        return ops::int_obj(&int_from_str(&v.to_str_lossy(), b)?);
    }
    int_of(x)
}

/// int(x) for one argument (PyNumber_Long).
pub fn int_of(x: &PyObj) -> VmResult<PyObj> {
    let c = ctx();
    if x.is_type(&c.int_type) {
        return Ok(x.clone());
    }
    if let Some(v) = int::value(x) {
        return ops::int_obj(&v);
    }
    if let Some(f) = float::value(x) {
        return ops::int_obj(&Int::from_f64(f)?);
    }
    if let Some(v) = string::view(x) {
        if let Some(n) = short_decimal(&v) {
            return Ok(int::new_i64(n));
        }
        return ops::int_obj(&int_from_str(&v.to_str_lossy(), 10)?);
    }
    if let Some(text) = bytes_text(x) {
        return ops::int_obj(&int_from_bytes(x, &text?, 10)?);
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        typeobj::type_name(x)
    )))
}

/// The value of an ASCII str that is only an optional sign and 1 to 18 decimal digits
/// (the common `int("42")`), read without the general parser; None for anything else
/// (spaces, underscores, other digits, longer), which int_from_str handles.
fn short_decimal(v: &crate::objects::unicode::view::StrView<'_>) -> Option<i64> {
    let crate::objects::unicode::view::StrView::Ascii(b) = v else {
        return None;
    };
    let (negative, digits) = match b {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, &b[..]),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(d - b'0');
    }
    Some(if negative { -n } else { n })
}

/// The text of a bytes or bytearray argument of int() / float() (its bytes as
/// Latin-1 characters, so non-ASCII bytes are never digits).
fn bytes_text(x: &PyObj) -> Option<VmResult<String>> {
    if !crate::objects::bytes::is_bytes(x) && !crate::objects::bytearray::is_bytearray(x) {
        return None;
    }
    let r = crate::objects::buffer::with_bytes(x, |d| d.iter().map(|&b| b as char).collect())?;
    Some(r.map_err(Exc::from))
}

/// repr of a bytes or bytearray (for the messages of int() and float()).
fn bytes_repr(x: &PyObj) -> String {
    let ba = crate::objects::bytearray::is_bytearray(x);
    let r = crate::objects::buffer::with_bytes(x, |d| crate::objects::bytes_algo::repr(d, ba))
        .and_then(Result::ok)
        .unwrap_or_default();
    if ba {
        format!("bytearray({r})")
    } else {
        r
    }
}

/// int(bytes, base): the text's value; CPython's message shows the bytes' repr.
fn int_from_bytes(x: &PyObj, text: &str, base: i64) -> VmResult<Int> {
    match int_from_str(text, base) {
        Ok(v) => Ok(v),
        Err(e) if e.msg.starts_with("invalid literal") => Err(exceptions::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            bytes_repr(x)
        ))),
        Err(e) => Err(e.into()),
    }
}

/// float(x=0.0)
fn new_float(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = called_type(&args, "float")?;
    let r = float_value(vm, args);
    as_subtype(&ty, &ctx().float_type, r)
}

fn float_value(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    at_most(&args, "float", 1)?;
    let Some(x) = args.pos().get(1) else {
        return Ok(float::new(0.0));
    };
    if x.is_type(&ctx().float_type) {
        return Ok(x.clone());
    }
    if let Some(r) = vm.convert_special(x, "__float__", &[])? {
        if float::value(&r).is_none() {
            return Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                typeobj::type_name(x),
                typeobj::type_name(&r)
            )));
        }
        return Ok(r);
    }
    let idx;
    let x = if x.vtable().heap_type {
        idx = vm.index_arg(x)?;
        &idx
    } else {
        x
    };
    if let Some(v) = int::value(x) {
        return Ok(float::new(v.to_f64()?));
    }
    if let Some(v) = string::view(x) {
        return Ok(float::new(float_from_str(&v.to_str_lossy())?));
    }
    if let Some(text) = bytes_text(x) {
        return match float_from_str(&text?) {
            Ok(f) => Ok(float::new(f)),
            Err(e) if e.kind == crate::error::ExcKind::ValueError => Err(exceptions::value_error(
                format!("could not convert string to float: {}", bytes_repr(x)),
            )),
            Err(e) => Err(e.into()),
        };
    }
    Err(type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        typeobj::type_name(x)
    )))
}

/// str(object='')
fn new_str(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = called_type(&args, "str")?;
    let r = str_value(vm, args);
    as_subtype(&ty, &ctx().str_type, r)
}

fn str_value(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = &args.pos()[1..];
    let nargs = args.all.len() - 1;
    if nargs > 3 {
        return Err(type_error(format!(
            "str() takes at most 3 arguments ({nargs} given)"
        )));
    }
    for (k, _) in args.kwargs() {
        let k = string::as_str(k).unwrap_or_default();
        if !["object", "encoding", "errors"].contains(&k.as_ref()) {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for str()"
            )));
        }
    }
    let obj = pos.first().or_else(|| args.kw("object"));
    let decoding = pos.len() > 1 || args.kw("encoding").is_some() || args.kw("errors").is_some();
    match obj {
        None if !decoding => Ok(ctx().empty_str.clone()),
        Some(x) if !decoding => vm.str_obj(x),
        Some(x) if crate::objects::buffer::is_buffer(x) => {
            let enc = pos.get(1).or_else(|| args.kw("encoding"));
            let err = pos.get(2).or_else(|| args.kw("errors"));
            let text = |o: Option<&PyObj>, what: &str, default: &str| -> VmResult<String> {
                match o {
                    None => Ok(default.to_string()),
                    Some(o) => string::as_str(o).map(|t| t.into_owned()).ok_or_else(|| {
                        type_error(format!(
                            "str() argument '{what}' must be str, not {}",
                            typeobj::type_name(o)
                        ))
                    }),
                }
            };
            let (enc, err) = (
                text(enc, "encoding", "utf-8")?,
                text(err, "errors", "strict")?,
            );
            let data = crate::objects::buffer::to_vec(x).expect("a buffer")?;
            super::methods_bytes::decode_bytes(&data, &enc, &err)
        }
        x => Err(type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            x.map_or_else(|| "str".to_string(), typeobj::type_name)
        ))),
    }
}

/// bool(x=False)
fn new_bool(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    at_most(&args, "bool", 1)?;
    match args.pos().get(1) {
        None => Ok(ctx().false_.clone()),
        Some(x) => Ok(bool_obj(vm.truthy(x)?)),
    }
}

/// An empty object of a subclass of list, dict or set (`__init__` fills it).
fn empty_subtype(ty: &TypeRef, base: &TypeRef) -> Option<VmResult<PyObj>> {
    if ty.is(base) {
        return None;
    }
    Some(subclass::check_subtype(ty, base).map(|()| subclass::new_empty_of(ty)))
}

/// list(iterable=())
fn new_list(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(r) = empty_subtype(&called_type(&args, "list")?, &ctx().list_type) {
        return r;
    }
    at_most(&args, "list", 1)?;
    let l = list::new_empty();
    if let Some(x) = args.pos().get(1) {
        vm.list_extend(&l, x)?;
    }
    Ok(l)
}

/// tuple(iterable=())
fn new_tuple(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = called_type(&args, "tuple")?;
    let r = tuple_value(vm, args);
    as_subtype(&ty, &ctx().tuple_type, r)
}

fn tuple_value(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    at_most(&args, "tuple", 1)?;
    match args.pos().get(1) {
        None => Ok(ctx().empty_tuple.clone()),
        Some(x) if x.is_type(&ctx().tuple_type) => Ok(x.clone()),
        Some(x) => {
            let items = vm.collect_iter(x)?;
            Ok(tuple::new(items))
        }
    }
}

/// dict(mapping_or_iterable=(), **kwargs)
fn new_dict(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(r) = empty_subtype(&called_type(&args, "dict")?, &ctx().dict_type) {
        return r;
    }
    let pos = &args.pos()[1..];
    check_positional("dict", pos.len(), 0, 1)?;
    let d = dict::new();
    if let Some(x) = pos.first() {
        dict_fill(vm, &d, x)?;
    }
    for (k, v) in args.kwargs() {
        vm.dict_set(&d, k.clone(), v.clone())?;
    }
    Ok(d)
}

/// dict.update(x) for a new dict: another dict's items, or pairs from an iterable
/// (CPython's PyDict_MergeFromSeq2 messages).
pub(crate) fn dict_fill(vm: &mut Vm, d: &PyObj, x: &PyObj) -> VmResult<()> {
    vm.dict_update_arg(d, x)
}

/// The set table of set(x) / frozenset(x): set_update_internal.
pub(crate) fn set_table_from(vm: &mut Vm, x: &PyObj) -> VmResult<SetTable<PyObj>> {
    if let Some(s) = set::borrow(x) {
        return Ok(SetTable::copy_of(&s.0));
    }
    let mut t = SetTable::new();
    if let Some(items) = dict::items(x) {
        // A dict's keys: presized once for all of them.
        let mut hashed = Vec::with_capacity(items.len());
        for (k, _) in items {
            let h = vm.hash(&k)?;
            hashed.push((k, h));
        }
        let keq = KeyEq::prepare(vm, &[KeySource::Keys(&hashed, true)])?;
        t.update_presized(hashed.len(), &mut hashed.into_iter(), &mut keq.eq())?;
        return Ok(t);
    }
    // Keys added as they come while they compare without the VM; from the first that
    // may not (a class instance...), the rest are collected and compared first
    // (objects/set_eq.rs).
    let mut rest: Option<Vec<(PyObj, i64)>> = None;
    let plain = KeyEq::plain();
    let it = vm.iter(x)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        match &mut rest {
            Some(r) => r.push((k, h)),
            None if set_eq::needs_vm(&k) => rest = Some(vec![(k, h)]),
            None => {
                t.add(k, h, &mut plain.eq())?;
            }
        }
    }
    if let Some(rest) = rest {
        let keq = KeyEq::prepare(vm, &[KeySource::Table(&t), KeySource::Keys(&rest, false)])?;
        let mut eq = keq.eq();
        for (k, h) in rest {
            t.add(k, h, &mut eq)?;
        }
    }
    Ok(t)
}

/// set(iterable=())
fn new_set(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(r) = empty_subtype(&called_type(&args, "set")?, &ctx().set_type) {
        return r;
    }
    at_most(&args, "set", 1)?;
    let table = match args.pos().get(1) {
        None => SetTable::new(),
        Some(x) => set_table_from(vm, x)?,
    };
    Ok(PyObj::new(&ctx().set_type, set::Set(table)))
}

/// frozenset(iterable=())
fn new_frozenset(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = called_type(&args, "frozenset")?;
    let r = frozenset_value(vm, args);
    as_subtype(&ty, &ctx().frozenset_type, r)
}

fn frozenset_value(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    at_most(&args, "frozenset", 1)?;
    let table = match args.pos().get(1) {
        None => SetTable::new(),
        Some(x) if x.is_type(&ctx().frozenset_type) => return Ok(x.clone()),
        Some(x) => set_table_from(vm, x)?,
    };
    Ok(set::new_frozen(table))
}

/// range(stop) / range(start, stop[, step])
fn new_range(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let given = this(&args).1.range("range", 1, 3)?;
    if let Some(r) = small_range(given) {
        return Ok(r);
    }
    let mut conv = Vec::with_capacity(given.len());
    for a in given {
        conv.push(vm.index_arg(a)?);
    }
    let (start, stop, step) = match conv.as_slice() {
        [stop] => (Int::Small(0), number_index(stop)?, Int::Small(1)),
        [a, b] => (number_index(a)?, number_index(b)?, Int::Small(1)),
        [a, b, c] => (number_index(a)?, number_index(b)?, number_index(c)?),
        _ => unreachable!("range() checked the count"),
    };
    if step.is_zero() {
        return Err(exceptions::value_error("range() arg 3 must not be zero"));
    }
    crate::objects::range::from_ints(&start, &stop, &step)
}

/// range() of exact ints well inside an i64 and a step other than zero: the length
/// in machine arithmetic, the arguments kept as they are (what number_index gives
/// back for an exact int). None for anything else (the general path).
fn small_range(given: &[PyObj]) -> Option<PyObj> {
    const LIMIT: i64 = 1 << 60;
    let c = ctx();
    let mut v = [0i64; 3];
    for (slot, a) in v.iter_mut().zip(given) {
        if !a.is_type(&c.int_type) {
            return None;
        }
        *slot = int::as_i64(a).filter(|x| x.abs() < LIMIT)?;
    }
    let (start, stop, step) = match *given {
        [ref stop] => (int::new_i64(0), stop.clone(), int::new_i64(1)),
        [ref a, ref b] => (a.clone(), b.clone(), int::new_i64(1)),
        [ref a, ref b, ref st] if v[2] != 0 => (a.clone(), b.clone(), st.clone()),
        _ => return None,
    };
    let (lo, hi, st) = match *given {
        [_] => (0, v[0], 1),
        [_, _] => (v[0], v[1], 1),
        _ if v[2] < 0 => (v[1], v[0], -v[2]),
        _ => (v[0], v[1], v[2]),
    };
    let length = if lo < hi { (hi - lo - 1) / st + 1 } else { 0 };
    Some(PyObj::new(
        &c.range_type,
        Range {
            start,
            stop,
            step,
            length: int::new_i64(length),
        },
    ))
}

/// slice(stop) / slice(start, stop[, step])
fn new_slice(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let none = || ctx().none.clone();
    Ok(match this(&args).1.range("slice", 1, 3)? {
        [stop] => slice::new(none(), stop.clone(), none()),
        [a, b] => slice::new(a.clone(), b.clone(), none()),
        [a, b, c] => slice::new(a.clone(), b.clone(), c.clone()),
        _ => unreachable!("range() checked the count"),
    })
}

/// Calling an exception class: an instance with the arguments as `args`.
fn new_exception(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let ty = called_type(&args, "BaseException")?;
    Ok(exceptions::new_exc(&ty, args.pos()[1..].to_vec()))
}

macro_rules! defs {
    ($($id:ident = $name:literal => $f:ident;)*) => {
        $(static $id: MethodDef = MethodDef { name: $name, func: $f };)*
    };
}

defs! {
    NEW_OBJECT = "object" => new_object;
    NEW_TYPE = "type" => new_type;
    NEW_INT = "int" => new_int;
    NEW_FLOAT = "float" => new_float;
    NEW_STR = "str" => new_str;
    NEW_BOOL = "bool" => new_bool;
    NEW_LIST = "list" => new_list;
    NEW_TUPLE = "tuple" => new_tuple;
    NEW_DICT = "dict" => new_dict;
    NEW_SET = "set" => new_set;
    NEW_FROZENSET = "frozenset" => new_frozenset;
    NEW_RANGE = "range" => new_range;
    NEW_SLICE = "slice" => new_slice;
    NEW_EXC = "BaseException" => new_exception;
    NEW_NONE = "NoneType" => new_none;
}

/// NoneType(): the None singleton (CPython's none_new).
fn new_none(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    if args.all.len() > 1 {
        return Err(type_error("NoneType takes no arguments"));
    }
    Ok(ctx().none.clone())
}

/// Register the constructors of the built-in types (once per thread).
pub fn install_types() {
    let c = ctx();
    let pairs: [(&TypeRef, &'static MethodDef); 15] = [
        (&c.none_type, &NEW_NONE),
        (&c.object_type, &NEW_OBJECT),
        (&c.type_type, &NEW_TYPE),
        (&c.int_type, &NEW_INT),
        (&c.float_type, &NEW_FLOAT),
        (&c.str_type, &NEW_STR),
        (&c.bool_type, &NEW_BOOL),
        (&c.list_type, &NEW_LIST),
        (&c.tuple_type, &NEW_TUPLE),
        (&c.dict_type, &NEW_DICT),
        (&c.set_type, &NEW_SET),
        (&c.frozenset_type, &NEW_FROZENSET),
        (&c.range_type, &NEW_RANGE),
        (&c.slice_type, &NEW_SLICE),
        (c.exc_type("BaseException"), &NEW_EXC),
    ];
    for (ty, def) in pairs {
        crate::objects::typeobj::set_new(ty, def);
    }
}
