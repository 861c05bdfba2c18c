//! The `_weakref` module: weakref.ref (ReferenceType), the proxies (ProxyType,
//! CallableProxyType), getweakrefcount and getweakrefs, after CPython 3.11's
//! Objects/weakrefobject.c. The weak lists and the clearing when a referent dies are
//! the heap's (crates/heap/src/object/weak.rs); the rest of `weakref` is Python
//! (src/builtins/lib/weakref.py).

use std::borrow::Cow;

use super::methods_args::this;
use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::heap::{weakref_attach, weakref_count, weakrefs_of, PyObj, TypeRef, WeakRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, type_error, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, list, string};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

use super::sys::new_module;

/// The types of `_weakref`.
pub struct WeakTypes {
    pub ref_type: TypeRef,
    pub proxy: TypeRef,
    pub callable_proxy: TypeRef,
}

fn new_type(name: &'static str) -> TypeRef {
    let c = ctx();
    TypeRef::new::<TypeInfo, WeakRef>(
        &c.type_type,
        TypeInfo::new(Cow::Borrowed(name), Some(c.object_type.clone())),
    )
}

thread_local! {
    static TYPES: &'static WeakTypes = Box::leak(Box::new(WeakTypes {
        ref_type: ctx().weakref_type.clone(),
        proxy: new_type("weakref.ProxyType"),
        callable_proxy: new_type("weakref.CallableProxyType"),
    }));
}

/// This thread's `_weakref` types.
pub fn types() -> &'static WeakTypes {
    TYPES.with(|t| *t)
}

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

static FUNCTIONS: &[MethodDef] = defs![
    "getweakrefcount" => getweakrefcount, "getweakrefs" => getweakrefs, "proxy" => proxy,
    "_remove_dead_weakref" => remove_dead_weakref,
];

static REF_METHODS: &[MethodDef] = defs!["__init__" => ref_init];
/// ref's member descriptor.
static REF_GETSETS: &[crate::objects::descr::GetSetDef] =
    &[crate::objects::descr::GetSetDef::member(
        "__callback__",
        callback_prop,
    )];
static PROXY_METHODS: &[MethodDef] =
    defs!["__bytes__" => proxy_bytes, "__reversed__" => proxy_reversed];

static NEW_REF: MethodDef = MethodDef {
    name: "ref",
    func: new_ref,
};

const REF_SLOTS: SlotTable = SlotTable {
    repr: Some(ref_repr),
    hash: Some(ref_hash),
    richcompare: Some(ref_richcompare),
    call: Some(ref_call),
    ..SlotTable::EMPTY
};

macro_rules! proxy_binary {
    ($($name:ident => $op:ident, $inplace:expr);* $(;)?) => {
        $(fn $name(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
            let (a, b) = (unwrap(a)?, unwrap(b)?);
            rt.binary_op(&a, &b, BinaryOp::$op, $inplace)
        })*
    };
}

proxy_binary! {
    p_add => Add, false; p_sub => Subtract, false; p_mul => Multiply, false;
    p_matmul => MatrixMultiply, false; p_truediv => TrueDivide, false;
    p_floordiv => FloorDivide, false; p_mod => Remainder, false; p_lshift => Lshift, false;
    p_rshift => Rshift, false; p_and => And, false; p_or => Or, false; p_xor => Xor, false;
    p_iadd => Add, true; p_isub => Subtract, true; p_imul => Multiply, true;
    p_imatmul => MatrixMultiply, true; p_itruediv => TrueDivide, true;
    p_ifloordiv => FloorDivide, true; p_imod => Remainder, true; p_ilshift => Lshift, true;
    p_irshift => Rshift, true; p_iand => And, true; p_ior => Or, true; p_ixor => Xor, true;
}

fn p_pow(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, _m: &PyObj) -> VmResult<PyObj> {
    let (a, b) = (unwrap(a)?, unwrap(b)?);
    rt.binary_op(&a, &b, BinaryOp::Power, false)
}

fn p_ipow(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, _m: &PyObj) -> VmResult<PyObj> {
    let (a, b) = (unwrap(a)?, unwrap(b)?);
    rt.binary_op(&a, &b, BinaryOp::Power, true)
}

/// A unary operation on the referent, through its special method.
fn unary_special(rt: &mut dyn Runtime, p: &PyObj, name: &str) -> VmResult<PyObj> {
    let o = unwrap(p)?;
    let vm = Vm::of(rt);
    let f = vm.getattr(&o, &string::intern_str(name))?;
    vm.call(&f, Args::positional(&[]))
}

macro_rules! proxy_unary {
    ($($name:ident => $dunder:literal);* $(;)?) => {
        $(fn $name(rt: &mut dyn Runtime, p: &PyObj) -> VmResult<PyObj> {
            unary_special(rt, p, $dunder)
        })*
    };
}

proxy_unary! {
    p_neg => "__neg__"; p_pos => "__pos__"; p_abs => "__abs__"; p_invert => "__invert__";
    p_int => "__int__"; p_float => "__float__"; p_index => "__index__";
}

const PROXY_SLOTS: SlotTable = SlotTable {
    repr: Some(proxy_repr),
    str: Some(proxy_str),
    hash: Some(proxy_hash),
    richcompare: Some(proxy_richcompare),
    getattro: Some(proxy_getattr),
    setattro: Some(proxy_setattr),
    iter: Some(proxy_iter),
    iternext: Some(proxy_iternext),
    bool: Some(proxy_bool),
    length: Some(proxy_len),
    contains: Some(proxy_contains),
    subscript: Some(proxy_getitem),
    ass_subscript: Some(proxy_setitem),
    add: Some(p_add),
    subtract: Some(p_sub),
    multiply: Some(p_mul),
    matrix_multiply: Some(p_matmul),
    true_divide: Some(p_truediv),
    floor_divide: Some(p_floordiv),
    remainder: Some(p_mod),
    power: Some(p_pow),
    lshift: Some(p_lshift),
    rshift: Some(p_rshift),
    and: Some(p_and),
    or: Some(p_or),
    xor: Some(p_xor),
    inplace_add: Some(p_iadd),
    inplace_subtract: Some(p_isub),
    inplace_multiply: Some(p_imul),
    inplace_matrix_multiply: Some(p_imatmul),
    inplace_true_divide: Some(p_itruediv),
    inplace_floor_divide: Some(p_ifloordiv),
    inplace_remainder: Some(p_imod),
    inplace_power: Some(p_ipow),
    inplace_lshift: Some(p_ilshift),
    inplace_rshift: Some(p_irshift),
    inplace_and: Some(p_iand),
    inplace_or: Some(p_ior),
    inplace_xor: Some(p_ixor),
    negative: Some(p_neg),
    positive: Some(p_pos),
    absolute: Some(p_abs),
    invert: Some(p_invert),
    int: Some(p_int),
    float: Some(p_float),
    index: Some(p_index),
    ..SlotTable::EMPTY
};

/// Register the types' slots, methods and constructor (once per thread).
pub fn install_types() {
    let t = types();
    typeobj::install_builtin_slots(&t.ref_type, &REF_SLOTS);
    typeobj::set_new(&t.ref_type, &NEW_REF);
    crate::vm::allow_subclassing(&t.ref_type);
    typeobj::add_methods(&t.ref_type, REF_METHODS);
    typeobj::add_getsets(&t.ref_type, REF_GETSETS);
    typeobj::install_builtin_slots(&t.proxy, &PROXY_SLOTS);
    typeobj::add_methods(&t.proxy, PROXY_METHODS);
    let callable = SlotTable {
        call: Some(proxy_call),
        ..PROXY_SLOTS
    };
    typeobj::install_builtin_slots(&t.callable_proxy, &callable);
    typeobj::add_methods(&t.callable_proxy, PROXY_METHODS);
}

/// Build the `_weakref` module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "_weakref", FUNCTIONS)?;
    let t = types();
    vm.dict_set_str(&d, "ref", t.ref_type.as_obj().clone())?;
    vm.dict_set_str(&d, "ReferenceType", t.ref_type.as_obj().clone())?;
    vm.dict_set_str(&d, "ProxyType", t.proxy.as_obj().clone())?;
    vm.dict_set_str(&d, "CallableProxyType", t.callable_proxy.as_obj().clone())?;
    Ok(m)
}

fn none() -> PyObj {
    ctx().none.clone()
}

/// Can objects of `o`'s type be weakly referenced (CPython's tp_weaklistoffset)?
pub fn supports_weakref(o: &PyObj) -> bool {
    use crate::objects::{
        array::Array, builtin_function::BuiltinFunction, code::Code, deque::Deque,
        function::Function, generator::Generator, method::Method, module::Module, set::Set,
    };
    let ty = o.type_obj();
    if let Some(h) = &typeobj::info(&ty).heap {
        return h.has_weakref;
    }
    if TypeRef::from_obj::<TypeInfo>(o).is_some() {
        return true;
    }
    o.is_a::<Set>()
        || o.is_a::<Function>()
        || o.is_a::<BuiltinFunction>()
        || o.is_a::<Method>()
        || o.is_a::<Generator>()
        || o.is_a::<Code>()
        || o.is_a::<Module>()
        || o.is_a::<Deque>()
        || o.is_a::<Array>()
        || o.is_a::<super::re::Pattern>()
}

fn cannot(o: &PyObj) -> Exc {
    type_error(format!(
        "cannot create weak reference to '{}' object",
        typeobj::type_name(o)
    ))
}

fn payload(o: &PyObj) -> VmResult<&WeakRef> {
    o.get::<WeakRef>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 'weakref.ReferenceType' object but received a '{}'",
            typeobj::type_name(o)
        ))
    })
}

fn is_proxy(o: &PyObj) -> bool {
    let t = types();
    o.is_type(&t.proxy) || o.is_type(&t.callable_proxy)
}

fn is_exact_ref(o: &PyObj) -> bool {
    o.is_type(&types().ref_type)
}

/// CPython's get_basic_refs: the shared callback-less ref and proxy at the head of
/// the list, and where a new weak reference goes after them.
fn basic_refs(list: &[PyObj]) -> (Option<PyObj>, Option<PyObj>) {
    let mut i = 0;
    let mut r = None;
    let no_cb = |o: &PyObj| o.get::<WeakRef>().is_some_and(|w| !w.has_callback());
    if let Some(h) = list.first() {
        if no_cb(h) && is_exact_ref(h) {
            r = Some(h.clone());
            i = 1;
        }
    }
    let p = list.get(i).filter(|o| no_cb(o) && is_proxy(o)).cloned();
    (r, p)
}

/// Where a weak reference to `ob` with (`has_cb`) goes: 0 (head) or after `prev`.
fn position(list: &[PyObj], prev: Option<&PyObj>) -> usize {
    match prev {
        None => 0,
        Some(p) => list.iter().position(|o| o.is(p)).map_or(0, |i| i + 1),
    }
}

/// ref.__new__(type, ob, callback=None).
fn new_ref(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let ty = super::constructors::called_type(&args, "ref")?;
    let t = types();
    if !ty.is(&t.ref_type) {
        super::subclass::check_subtype(&ty, &t.ref_type)?;
    }
    let (_, rest) = this(&args);
    let pos = rest.pos();
    if pos.is_empty() || pos.len() > 2 {
        let n = pos.len();
        return Err(type_error(if n == 0 {
            "__new__ expected at least 1 argument, got 0".to_string()
        } else {
            format!("__new__ expected at most 2 arguments, got {n}")
        }));
    }
    let ob = &pos[0];
    if !supports_weakref(ob) {
        return Err(cannot(ob));
    }
    let callback = pos.get(1).filter(|c| !c.is(&ctx().none)).cloned();
    let list = weakrefs_of(ob);
    let (r, p) = basic_refs(&list);
    let exact = ty.is(&t.ref_type);
    if callback.is_none() && exact {
        if let Some(r) = r {
            return Ok(r);
        }
    }
    let w = PyObj::new(&ty, WeakRef::new(callback.clone()));
    let at = if callback.is_none() && exact {
        0
    } else {
        position(&list, p.as_ref().or(r.as_ref()))
    };
    weakref_attach(&w, ob, at);
    Ok(w)
}

/// ref.__init__: the arguments were taken by __new__.
fn ref_init(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, _) = this(&args);
    payload(s)?;
    Ok(none())
}

/// weakref.proxy(object, callback=None).
fn proxy(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("proxy")?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        let n = pos.len();
        return Err(type_error(if n == 0 {
            "proxy expected at least 1 argument, got 0".to_string()
        } else {
            format!("proxy expected at most 2 arguments, got {n}")
        }));
    }
    let _ = rt;
    let ob = &pos[0];
    if !supports_weakref(ob) {
        return Err(cannot(ob));
    }
    let callback = pos.get(1).filter(|c| !c.is(&ctx().none)).cloned();
    let list = weakrefs_of(ob);
    let (r, p) = basic_refs(&list);
    if callback.is_none() {
        if let Some(p) = p {
            return Ok(p);
        }
    }
    let t = types();
    let ty = if super::functions::is_callable(ob) {
        &t.callable_proxy
    } else {
        &t.proxy
    };
    let at = if callback.is_none() {
        position(&list, r.as_ref())
    } else {
        position(&list, p.as_ref().or(r.as_ref()))
    };
    let w = PyObj::new(ty, WeakRef::new(callback));
    weakref_attach(&w, ob, at);
    Ok(w)
}

fn getweakrefcount(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("getweakrefcount")?;
    Ok(super::sys::usize_obj(weakref_count(o)))
}

fn getweakrefs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("getweakrefs")?;
    Ok(list::new_exact(weakrefs_of(o)))
}

/// _remove_dead_weakref(dict, key): delete dict[key] if it is a dead weak reference.
fn remove_dead_weakref(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(type_error(format!(
            "_remove_dead_weakref expected 2 arguments, got {}",
            pos.len()
        )));
    }
    let vm = Vm::of(rt);
    if let Some(v) = vm.dict_get(&pos[0], &pos[1])? {
        if v.get::<WeakRef>().is_some_and(|w| !w.is_alive()) {
            vm.delitem(&pos[0], &pos[1])?;
        }
    }
    Ok(none())
}

fn callback_prop(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(payload(o)?.callback().unwrap_or_else(none))
}

// ----- ref ---------------------------------------------------------------------------

fn ref_call(_rt: &mut dyn Runtime, s: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    if !args.kwnames.is_empty() {
        return Err(type_error("weakref() takes no keyword arguments"));
    }
    if !args.pos().is_empty() {
        let n = args.pos().len();
        return Err(type_error(format!("weakref expected 0 arguments, got {n}")));
    }
    Ok(payload(s)?.get().unwrap_or_else(none))
}

fn address(o: &PyObj) -> String {
    format!("{:#018x}", o.id())
}

fn ref_repr(rt: &mut dyn Runtime, s: &PyObj) -> VmResult<String> {
    let Some(o) = payload(s)?.get() else {
        return Ok(format!("<weakref at {}; dead>", address(s)));
    };
    let vm = Vm::of(rt);
    let name = vm
        .getattr(&o, &string::intern_str("__name__"))
        .ok()
        .and_then(|n| string::as_str(&n).map(|s| s.to_string()));
    let ty = typeobj::type_name(&o);
    Ok(match name {
        Some(n) => format!(
            "<weakref at {}; to '{ty}' at {} ({n})>",
            address(s),
            address(&o)
        ),
        None => format!("<weakref at {}; to '{ty}' at {}>", address(s), address(&o)),
    })
}

fn ref_hash(rt: &mut dyn Runtime, s: &PyObj) -> VmResult<i64> {
    let w = payload(s)?;
    if w.hash() != -1 {
        return Ok(w.hash());
    }
    let Some(o) = w.get() else {
        return Err(type_error("weak object has gone away"));
    };
    let h = rt.hash(&o)?;
    w.set_hash(h);
    Ok(h)
}

fn ref_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let (Some(x), Some(y)) = (a.get::<WeakRef>(), b.get::<WeakRef>()) else {
        return Ok(ctx().not_implemented.clone());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(ctx().not_implemented.clone());
    }
    match (x.get(), y.get()) {
        (Some(x), Some(y)) => rt.rich_compare(&x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(bool_obj(if op == CompareOp::Eq { same } else { !same }))
        }
    }
}

// ----- proxies -----------------------------------------------------------------------

fn dead() -> Exc {
    exceptions::named(
        "ReferenceError",
        "weakly-referenced object no longer exists",
    )
}

/// The referent of a proxy (an error once it died); any other object as it is.
fn unwrap(o: &PyObj) -> VmResult<PyObj> {
    if !is_proxy(o) {
        return Ok(o.clone());
    }
    o.get::<WeakRef>().and_then(|w| w.get()).ok_or_else(dead)
}

fn proxy_repr(_rt: &mut dyn Runtime, s: &PyObj) -> VmResult<String> {
    let o = s.get::<WeakRef>().and_then(|w| w.get());
    let (ty, at) = match &o {
        Some(o) => (typeobj::type_name(o), address(o)),
        None => ("NoneType".to_string(), address(&ctx().none)),
    };
    Ok(format!("<weakproxy at {}; to '{ty}' at {at}>", address(s)))
}

fn proxy_str(rt: &mut dyn Runtime, s: &PyObj) -> VmResult<String> {
    let o = unwrap(s)?;
    rt.str(&o)
}

fn proxy_hash(_rt: &mut dyn Runtime, s: &PyObj) -> VmResult<i64> {
    Err(type_error(format!(
        "unhashable type: '{}'",
        typeobj::type_name(s)
    )))
}

fn proxy_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let (a, b) = (unwrap(a)?, unwrap(b)?);
    rt.rich_compare(&a, &b, op)
}

fn proxy_getattr(rt: &mut dyn Runtime, s: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let o = unwrap(s)?;
    rt.getattr(&o, name)
}

fn proxy_setattr(rt: &mut dyn Runtime, s: &PyObj, name: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let o = unwrap(s)?;
    rt.setattr(&o, name, v)
}

fn proxy_iter(rt: &mut dyn Runtime, s: &PyObj) -> VmResult<PyObj> {
    let o = unwrap(s)?;
    rt.iter(&o)
}

fn proxy_iternext(rt: &mut dyn Runtime, s: &PyObj) -> VmResult<Option<PyObj>> {
    let o = unwrap(s)?;
    let has_next = typeobj::slotdefs::slots_of_type(&o.type_obj())
        .iternext
        .get()
        .is_some();
    if !has_next {
        return Err(type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            typeobj::type_name(&o)
        )));
    }
    rt.next(&o)
}

fn proxy_bool(rt: &mut dyn Runtime, s: &PyObj) -> VmResult<bool> {
    let o = unwrap(s)?;
    rt.truthy(&o)
}

fn proxy_len(rt: &mut dyn Runtime, s: &PyObj) -> VmResult<usize> {
    let o = unwrap(s)?;
    rt.len(&o)
}

fn proxy_contains(rt: &mut dyn Runtime, s: &PyObj, v: &PyObj) -> VmResult<bool> {
    let o = unwrap(s)?;
    rt.contains(&o, v)
}

fn proxy_getitem(rt: &mut dyn Runtime, s: &PyObj, k: &PyObj) -> VmResult<PyObj> {
    let o = unwrap(s)?;
    rt.getitem(&o, k)
}

fn proxy_setitem(rt: &mut dyn Runtime, s: &PyObj, k: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let o = unwrap(s)?;
    match v {
        Some(v) => rt.setitem(&o, k, v),
        None => rt.delitem(&o, k),
    }
}

fn proxy_call(rt: &mut dyn Runtime, s: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let o = unwrap(s)?;
    rt.call(&o, args)
}

fn proxy_bytes(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let s = args.one("__bytes__")?;
    let o = unwrap(s)?;
    let vm = Vm::of(rt);
    let b = vm.builtins.clone();
    let f = vm
        .dict_get(&b, &string::intern_str("bytes"))?
        .ok_or_else(|| type_error("bytes"))?;
    vm.call(&f, Args::positional(std::slice::from_ref(&o)))
}

fn proxy_reversed(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let s = args.one("__reversed__")?;
    let o = unwrap(s)?;
    let vm = Vm::of(rt);
    let b = vm.builtins.clone();
    let f = vm
        .dict_get(&b, &string::intern_str("reversed"))?
        .ok_or_else(|| type_error("reversed"))?;
    vm.call(&f, Args::positional(std::slice::from_ref(&o)))
}
