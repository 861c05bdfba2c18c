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

/// list.__init__(self, iterable=()): empty the list, then extend it.
fn list_init(rt: &mut dyn Runtime, s: &PyObj, rest: Args<'_>) -> VmResult<()> {
    let vm = Vm::of(rt);
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
    Ok(())
}

/// dict.__init__(self, mapping_or_iterable=(), **kwargs): dict.update.
fn dict_init(rt: &mut dyn Runtime, s: &PyObj, rest: Args<'_>) -> VmResult<()> {
    let vm = Vm::of(rt);
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
    Ok(())
}

/// set.__init__(self, iterable=()): empty the set, then add the items.
fn set_init(rt: &mut dyn Runtime, s: &PyObj, rest: Args<'_>) -> VmResult<()> {
    let vm = Vm::of(rt);
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
    Ok(())
}

fn bad_self(name: &str, owner: &str, s: &PyObj) -> crate::objects::exceptions::Exc {
    type_error(format!(
        "descriptor '{name}' requires a '{owner}' object but received a '{}'",
        typeobj::type_name(s)
    ))
}

// ----- __format__ ------------------------------------------------------------------

/// int.__format__, float.__format__, str.__format__, complex.__format__ (the method
/// descriptor has checked that self is one): the format mini-language of the payload.
fn builtin_format(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let a = rest.range("__format__", 1, 1)?;
    let Some(spec) = string::as_str(&a[0]) else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            typeobj::type_name(&a[0])
        )));
    };
    vm.format_builtin(s, &spec)
}

macro_rules! defs {
    ($($name:literal => $f:ident),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

static FORMAT: &[MethodDef] = defs!["__format__" => builtin_format];

/// Put `__format__` in the dicts of the built-in types that format their payload, and
/// fill the tp_init slots of list, dict and set (their `__init__` slot wrappers).
pub fn install(vm: &mut Vm) {
    use crate::objects::typeobj::slots::{AnySlot, SlotId};
    let c = ctx();
    for ty in [&c.int_type, &c.float_type, &c.str_type, &c.complex_type] {
        typeobj::add_methods(ty, FORMAT);
    }
    for (ty, f) in [
        (
            &c.list_type,
            list_init as crate::objects::typeobj::slots::InitFn,
        ),
        (&c.dict_type, dict_init),
        (&c.set_type, set_init),
    ] {
        typeobj::add_slot(ty, SlotId::init, AnySlot::Init(f));
    }
    // Mutable containers are unhashable: their `__hash__` is None, as in CPython.
    for ty in [&c.list_type, &c.dict_type, &c.set_type] {
        let d = typeobj::type_dict_raw(ty);
        let none = c.none.clone();
        vm.dict_set_str(&d, "__hash__", none)
            .expect("a str key in a type dict");
    }
}
