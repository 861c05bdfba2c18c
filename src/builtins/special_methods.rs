//! Special methods of the built-in types that are ordinary method descriptors in
//! their dicts, as in CPython: the ones without a type slot (int's and float's
//! `__round__`, `__trunc__`, `__floor__`, `__ceil__` and `__getnewargs__`,
//! `float.__getformat__`, str's and tuple's `__getnewargs__`, `__reduce__` of set,
//! frozenset, range and slice, `__sizeof__` of the types that define their own), and
//! the `__contains__` that dict, set and frozenset keep beside their sq_contains slot
//! (CPython's METH_COEXIST).

use super::methods_args::this;
use crate::heap::{PyObj, TypeRef};
use crate::objects::args::{number_index, Args};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, type_error, VmResult};
use crate::objects::numeric::float::{float_round, float_round_ndigits};
use crate::objects::numeric::Int;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj;
use crate::objects::{ctx, float, int, string, tuple};
use crate::vm::ops::{bool_obj, int_obj};
use crate::vm::Vm;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

static INT: &[MethodDef] = defs![
    "__ceil__" => int_self, "__floor__" => int_self, "__trunc__" => int_self,
    "__round__" => int_round, "__getnewargs__" => int_getnewargs,
    "__sizeof__" => super::sys::object_sizeof,
];
static FLOAT: &[MethodDef] = defs![
    "__trunc__" => float_trunc, "__floor__" => float_floor, "__ceil__" => float_ceil,
    "__round__" => float_round_method, "__getnewargs__" => float_getnewargs,
];
static GETFORMAT: MethodDef = MethodDef {
    name: "__getformat__",
    func: float_getformat,
};
static STR: &[MethodDef] = defs![
    "__getnewargs__" => str_getnewargs, "__sizeof__" => super::sys::object_sizeof,
];
static TUPLE: &[MethodDef] = defs!["__getnewargs__" => tuple_getnewargs];
static SIZEOF: &[MethodDef] = defs!["__sizeof__" => super::sys::object_sizeof];
static DICT_CONTAINS: &[MethodDef] = defs!["__contains__" => dict_contains];
static SET_CONTAINS: &[MethodDef] = defs!["__contains__" => set_contains];
static REDUCE_SET: &[MethodDef] = defs!["__reduce__" => set_reduce];
static REDUCE_RANGE: &[MethodDef] = defs!["__reduce__" => range_reduce];
static REDUCE_SLICE: &[MethodDef] = defs!["__reduce__" => slice_reduce];

/// Put the methods in the types' dicts.
pub fn install() {
    let c = ctx();
    typeobj::add_methods(&c.int_type, INT);
    typeobj::add_methods(&c.float_type, FLOAT);
    typeobj::add_classmethods(&c.float_type, &[&GETFORMAT]);
    typeobj::add_methods(&c.str_type, STR);
    typeobj::add_methods(&c.tuple_type, TUPLE);
    for ty in [&c.list_type, &c.set_type, &c.frozenset_type] {
        typeobj::add_methods(ty, SIZEOF);
    }
    typeobj::add_methods(&c.dict_type, DICT_CONTAINS);
    for ty in [&c.set_type, &c.frozenset_type] {
        typeobj::add_methods(ty, SET_CONTAINS);
        typeobj::add_methods(ty, REDUCE_SET);
    }
    typeobj::add_methods(&c.range_type, REDUCE_RANGE);
    typeobj::add_methods(&c.slice_type, REDUCE_SLICE);
}

/// `x.__contains__(item)` through the sq_contains slot of the method's own type
/// (`owner`), not of x's class, as the C function CPython stores does.
fn contains_of(rt: &mut dyn Runtime, owner: &TypeRef, args: &Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(args);
    let a = rest.range("__contains__", 1, 1)?;
    let f = typeobj::info(owner)
        .slots
        .contains
        .get()
        .expect("dict and set fill sq_contains");
    Ok(bool_obj(f(rt, s, &a[0])?))
}

fn dict_contains(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    contains_of(rt, &ctx().dict_type, &args)
}

fn set_contains(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    contains_of(rt, &ctx().set_type, &args)
}

/// set.__reduce__ / frozenset.__reduce__: (type, (list of the items,), __dict__ or
/// None).
fn set_reduce(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    rest.none("__reduce__")?;
    let items = vm.collect_iter(s)?;
    let state = match vm.getattr(s, &string::intern_str("__dict__")) {
        Ok(d) => d,
        Err(e) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => ctx().none.clone(),
        Err(e) => return Err(e),
    };
    Ok(tuple::new(vec![
        s.type_obj().as_obj().clone(),
        tuple::new(vec![crate::objects::list::new_exact(items)]),
        state,
    ]))
}

/// range.__reduce__: (range, (start, stop, step)).
fn range_reduce(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    rest.none("__reduce__")?;
    let r = s.get::<crate::objects::range::Range>().expect("a range");
    let parts = vec![r.start.clone(), r.stop.clone(), r.step.clone()];
    Ok(tuple::new(vec![
        ctx().range_type.as_obj().clone(),
        tuple::new(parts),
    ]))
}

/// slice.__reduce__: (slice, (start, stop, step)).
fn slice_reduce(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    rest.none("__reduce__")?;
    let r = s.get::<crate::objects::slice::Slice>().expect("a slice");
    let parts = vec![r.start.clone(), r.stop.clone(), r.step.clone()];
    Ok(tuple::new(vec![
        ctx().slice_type.as_obj().clone(),
        tuple::new(parts),
    ]))
}

/// The int value of self (the descriptor has checked that self is an int).
fn int_of_self(args: &Args<'_>, name: &str) -> VmResult<(Int, PyObj)> {
    let (s, rest) = this(args);
    rest.none(name)?;
    Ok((int::value(s).expect("an int"), s.clone()))
}

/// `__trunc__`, `__floor__`, `__ceil__` of an int: the value as an exact int.
fn int_self(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (v, s) = int_of_self(&args, "__trunc__")?;
    if s.is_type(&ctx().int_type) {
        return Ok(s);
    }
    int_obj(&v)
}

/// int.__round__(ndigits=None): the int itself, or rounded to 10**-ndigits.
fn int_round(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.clinic("__round__", &["ndigits"], 0)?;
    let v = int::value(s).expect("an int");
    match a[0] {
        None => int_self(vm, Args::positional(std::slice::from_ref(s))),
        Some(n) => {
            let n = vm.index_arg(n)?;
            int_obj(&crate::objects::numeric::arith::round_int(
                &v,
                &number_index(&n)?,
            )?)
        }
    }
}

fn int_getnewargs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (v, _) = int_of_self(&args, "__getnewargs__")?;
    Ok(tuple::new(vec![int_obj(&v)?]))
}

fn float_self(args: &Args<'_>, name: &str) -> VmResult<f64> {
    let (s, rest) = this(args);
    rest.none(name)?;
    Ok(float::value(s).expect("a float"))
}

fn float_trunc(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    int_obj(&Int::from_f64(float_self(&args, "__trunc__")?.trunc())?)
}

fn float_floor(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    int_obj(&Int::from_f64(float_self(&args, "__floor__")?.floor())?)
}

fn float_ceil(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    int_obj(&Int::from_f64(float_self(&args, "__ceil__")?.ceil())?)
}

/// float.__round__(ndigits=None): an int (half to even), or a float rounded to
/// ndigits decimal places.
fn float_round_method(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.clinic("__round__", &["ndigits"], 0)?;
    let f = float::value(s).expect("a float");
    match a[0].filter(|n| !n.is(&ctx().none)) {
        None => int_obj(&float_round(f)?),
        Some(n) => {
            let n = vm.index_arg(n)?;
            Ok(float::new(float_round_ndigits(f, &number_index(&n)?)?))
        }
    }
}

fn float_getnewargs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(tuple::new(vec![float::new(float_self(
        &args,
        "__getnewargs__",
    )?)]))
}

/// float.__getformat__(typestr): how doubles and floats are stored.
fn float_getformat(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (_, rest) = this(&args);
    let a = rest.range("__getformat__", 1, 1)?;
    let Some(t) = string::as_str(&a[0]) else {
        return Err(type_error(format!(
            "__getformat__() argument must be str, not {}",
            typeobj::type_name(&a[0])
        )));
    };
    if t != "double" && t != "float" {
        return Err(exceptions::value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        ));
    }
    Ok(string::new("IEEE, little-endian"))
}

fn str_getnewargs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    rest.none("__getnewargs__")?;
    let v = string::view(s).expect("a str");
    let copy = string::from_view_typed(&ctx().str_type, v).ok_or_else(exceptions::memory_error)?;
    Ok(tuple::new(vec![copy]))
}

fn tuple_getnewargs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    rest.none("__getnewargs__")?;
    let items = tuple::items(s).expect("a tuple").to_vec();
    Ok(tuple::new(vec![tuple::new(items)]))
}
