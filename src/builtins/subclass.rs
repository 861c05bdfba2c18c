//! Subclasses of the built-in types: objects of a class made with a built-in payload
//! (`retype`, what `int.__new__(cls, x)` returns), list / dict / set `__init__`, and
//! the special methods of the built-in types as entries of their dicts (CPython's
//! slot wrappers: `list.__len__`, `int.__add__`, ...) so `super().__repr__()` and
//! `list.__getitem__(a, i)` reach the built-in behaviour.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::type_error;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::settable::SetTable;
use crate::objects::typeobj;
use crate::objects::{ctx, dict, float, int, list, set, string, tuple};
use crate::vm::Vm;

use super::methods_args::this;

/// `X.__new__(cls)` where cls is not a subtype of X: CPython's tp_new_wrapper message.
pub fn check_subtype(ty: &TypeRef, base: &TypeRef) -> VmResult<()> {
    if typeobj::is_subtype(ty, base) {
        return Ok(());
    }
    let (t, b) = (
        typeobj::info(ty).name.clone(),
        typeobj::info(base).name.clone(),
    );
    Err(type_error(format!(
        "{b}.__new__({t}): {t} is not a subtype of {b}"
    )))
}

/// The value of the built-in object `v` (an exact int, float, str, tuple or
/// frozenset) as a new object of the class `ty`, whose instances carry that payload.
pub fn retype(ty: &TypeRef, v: &PyObj) -> VmResult<PyObj> {
    let made = if let Some((neg, digits)) = int::digits(v) {
        PyObj::new_var(ty, neg, int::Long, digits.len(), digits.iter().copied())
    } else if let Some(f) = float::value(v) {
        Some(PyObj::new(ty, float::Float(f)))
    } else if let Some(s) = string::view(v) {
        string::from_view_typed(ty, s)
    } else if let Some(items) = tuple::items(v) {
        PyObj::new_var(ty, false, tuple::Tuple, items.len(), items.iter().cloned())
    } else if let Some(s) = set::borrow(v) {
        let t = SetTable::copy_of(&s.0);
        drop(s);
        Some(PyObj::new(ty, set::Set(t)))
    } else {
        return Err(type_error(format!(
            "cannot make a '{}' from a '{}'",
            typeobj::info(ty).name,
            typeobj::type_name(v)
        )));
    };
    made.ok_or_else(exceptions::memory_error)
}

/// An empty list, dict or set of the class `ty` (their `__new__`; `__init__` fills).
pub fn new_empty_of(ty: &TypeRef) -> PyObj {
    let c = ctx();
    if typeobj::is_subtype(ty, &c.list_type) {
        PyObj::new(ty, list::List(Vec::new()))
    } else if typeobj::is_subtype(ty, &c.dict_type) {
        PyObj::new(ty, dict::Dict(crate::objects::dicttable::DictTable::new()))
    } else {
        PyObj::new(ty, set::Set(SetTable::new()))
    }
}

fn none() -> VmResult<PyObj> {
    Ok(ctx().none.clone())
}

/// list.__init__(self, iterable=()): empty the list, then extend it.
fn list_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    rest.no_kw("list")?;
    let p = rest.pos();
    if p.len() > 1 {
        return Err(type_error(format!(
            "list expected at most 1 argument, got {}",
            p.len()
        )));
    }
    let old = match list::borrow_mut(s) {
        Some(mut l) => std::mem::take(&mut l.0),
        None => return Err(bad_self("__init__", "list", s)),
    };
    drop(old);
    if let Some(x) = p.first() {
        vm.list_extend(s, x)?;
    }
    none()
}

/// dict.__init__(self, mapping_or_iterable=(), **kwargs): dict.update.
fn dict_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    if !s.is_a::<dict::Dict>() {
        return Err(bad_self("__init__", "dict", s));
    }
    let p = rest.pos();
    if p.len() > 1 {
        return Err(type_error(format!(
            "dict expected at most 1 argument, got {}",
            p.len()
        )));
    }
    if let Some(x) = p.first() {
        super::constructors::dict_fill(vm, s, x)?;
    }
    for (k, v) in rest.kwargs() {
        vm.dict_set(s, k.clone(), v.clone())?;
    }
    none()
}

/// set.__init__(self, iterable=()): empty the set, then add the items.
fn set_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    rest.no_kw("set")?;
    let p = rest.pos();
    if p.len() > 1 {
        return Err(type_error(format!(
            "set expected at most 1 argument, got {}",
            p.len()
        )));
    }
    if !s.is_a::<set::Set>() {
        return Err(bad_self("__init__", "set", s));
    }
    let table = match p.first() {
        Some(x) => super::constructors::set_table_from(vm, x)?,
        None => SetTable::new(),
    };
    let old = match s.borrow_mut::<set::Set>() {
        Ok(mut t) => std::mem::replace(&mut t.0, table),
        Err(_) => {
            return Err(exceptions::named(
                "RuntimeError",
                "Set changed size during iteration",
            ))
        }
    };
    drop(old);
    none()
}

fn bad_self(name: &str, owner: &str, s: &PyObj) -> crate::objects::exceptions::Exc {
    type_error(format!(
        "descriptor '{name}' requires a '{owner}' object but received a '{}'",
        typeobj::type_name(s)
    ))
}

// ----- slot wrappers ---------------------------------------------------------------

/// Which built-in family an object belongs to (the operands a built-in binary
/// operator or comparison accepts; anything else gets NotImplemented).
#[derive(PartialEq, Eq, Clone, Copy)]
enum Family {
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Other,
}

fn family(o: &PyObj) -> Family {
    if int::digits(o).is_some() {
        Family::Int
    } else if float::value(o).is_some() {
        Family::Float
    } else if string::view(o).is_some() {
        Family::Str
    } else if o.is_a::<list::List>() {
        Family::List
    } else if tuple::items(o).is_some() {
        Family::Tuple
    } else if o.is_a::<dict::Dict>() {
        Family::Dict
    } else if o.is_a::<set::Set>() {
        Family::Set
    } else {
        Family::Other
    }
}

fn recv_any<'a>(args: &Args<'a>, name: &str) -> VmResult<(&'a PyObj, Args<'a>)> {
    let (s, rest) = this(args);
    if family(s) == Family::Other {
        return Err(bad_self(name, &typeobj::type_name(s), s));
    }
    Ok((s, rest))
}

fn w_format(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = recv_any(&args, "__format__")?;
    let a = rest.range("__format__", 1, 1)?;
    if string::view(&a[0]).is_none() {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            typeobj::type_name(&a[0])
        )));
    }
    vm.without_dispatch(s, |vm| vm.format(s, Some(&a[0])))
}

macro_rules! defs {
    ($($name:literal => $f:ident),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

static COMMON: &[MethodDef] = defs!["__format__" => w_format];
static LIST_ONLY: &[MethodDef] = defs!["__init__" => list_init];
static DICT_ONLY: &[MethodDef] = defs!["__init__" => dict_init];
static SET_ONLY: &[MethodDef] = defs!["__init__" => set_init];

/// Put the slot wrappers and the `__init__`s in the built-in types' dicts.
pub fn install(vm: &mut Vm) {
    let c = ctx();
    let table: [(&TypeRef, &[&'static [MethodDef]]); 8] = [
        (&c.int_type, &[COMMON]),
        (&c.float_type, &[COMMON]),
        (&c.str_type, &[COMMON]),
        (&c.list_type, &[COMMON, LIST_ONLY]),
        (&c.tuple_type, &[COMMON]),
        (&c.dict_type, &[COMMON, DICT_ONLY]),
        (&c.set_type, &[COMMON, SET_ONLY]),
        (&c.frozenset_type, &[COMMON]),
    ];
    for (ty, groups) in table {
        for defs in groups {
            crate::objects::typeobj::add_methods(ty, defs);
        }
    }
    // Mutable containers are unhashable: their `__hash__` is None, as in CPython.
    for ty in [&c.list_type, &c.dict_type, &c.set_type] {
        let d = typeobj::type_dict(ty);
        let none = c.none.clone();
        vm.dict_set_str(&d, "__hash__", none)
            .expect("a str key in a type dict");
    }
}
