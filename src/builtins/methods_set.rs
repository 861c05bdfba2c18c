//! The methods of set and frozenset, on CPython's set algorithms in SetTable: the
//! same merge / presize / difference strategies, so element order and table sizes
//! follow CPython's.

use super::methods_args::this;
use super::none;
use crate::bytecode::opcode::BinaryOp;
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::ctx;
use crate::objects::dict::Dict;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::set::{self, Set};
use crate::objects::set_eq::{KeyEq, KeySource};
use crate::objects::settable::SetTable;
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

/// The methods of set.
pub static SET_METHODS: &[MethodDef] = defs![
    "add" => add, "discard" => discard, "remove" => remove, "pop" => pop,
    "clear" => clear, "copy" => copy, "update" => update,
    "union" => union, "intersection" => intersection, "difference" => difference,
    "symmetric_difference" => symmetric_difference,
    "intersection_update" => intersection_update,
    "difference_update" => difference_update,
    "symmetric_difference_update" => symmetric_difference_update,
    "issubset" => issubset, "issuperset" => issuperset, "isdisjoint" => isdisjoint,
];

/// The methods of frozenset.
pub static FROZENSET_METHODS: &[MethodDef] = defs![
    "copy" => copy, "union" => union, "intersection" => intersection,
    "difference" => difference, "symmetric_difference" => symmetric_difference,
    "issubset" => issubset, "issuperset" => issuperset, "isdisjoint" => isdisjoint,
];

fn busy() -> Exc {
    exceptions::named("RuntimeError", "Set changed size during iteration")
}

/// "set" or "frozenset", for messages.
fn tname(s: &PyObj) -> &'static str {
    if is_frozen(s) {
        "frozenset"
    } else {
        "set"
    }
}

fn is_frozen(s: &PyObj) -> bool {
    crate::objects::typeobj::is_subtype(&s.type_obj(), &ctx().frozenset_type)
}

/// A new set or frozenset of the same base type as `s`, holding `t`.
fn new_like(s: &PyObj, t: SetTable<PyObj>) -> PyObj {
    if is_frozen(s) {
        set::new_frozen(t)
    } else {
        PyObj::new(&ctx().set_type, Set(t))
    }
}

fn snapshot(s: &PyObj) -> VmResult<SetTable<PyObj>> {
    Ok(SetTable::copy_of(&set::borrow(s).ok_or_else(busy)?.0))
}

/// The other operand of a set operation: another set (used in place, its
/// borrow taken only while the receiver's table is being changed), or the hashed
/// keys of a dict (`presize`) or of any other iterable, collected first so that no
/// borrow is held while Python code runs.
enum Source {
    Set(PyObj),
    Keys(Vec<(PyObj, i64)>, bool),
}

fn source(vm: &mut Vm, other: &PyObj) -> VmResult<Source> {
    if other.is_a::<Set>() {
        return Ok(Source::Set(other.clone()));
    }
    if let Ok(d) = other.borrow::<Dict>() {
        let keys =
            d.0.items_hashed()
                .into_iter()
                .map(|(k, _, h)| (k, h))
                .collect();
        return Ok(Source::Keys(keys, true));
    }
    let it = vm.iter(other)?;
    let mut keys = Vec::new();
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        keys.push((k, h));
    }
    Ok(Source::Keys(keys, false))
}

impl Source {
    /// The keys this source brings to an operation, for `key_eq`.
    fn keys(&self) -> KeySource<'_> {
        match self {
            Source::Set(o) => KeySource::Set(o),
            Source::Keys(keys, distinct) => KeySource::Keys(keys, *distinct),
        }
    }
}

/// set_update_internal(t, src).
fn update_with(t: &mut SetTable<PyObj>, src: Source, keq: &KeyEq) -> VmResult<()> {
    let mut eq = keq.eq();
    match src {
        Source::Set(o) => {
            let o = set::borrow(&o).ok_or_else(busy)?;
            t.merge(&o.0, &mut eq)?;
        }
        Source::Keys(keys, true) => {
            t.update_presized(keys.len(), &mut keys.into_iter(), &mut eq)?
        }
        Source::Keys(keys, false) => t.update_iter(&mut keys.into_iter(), &mut eq)?,
    }
    Ok(())
}

/// set_difference_update_internal(t, src); the removed keys are handed back to be
/// dropped once no borrow is held.
fn difference_with(t: &mut SetTable<PyObj>, src: Source, keq: &KeyEq) -> VmResult<Vec<PyObj>> {
    let mut eq = keq.eq();
    match src {
        Source::Set(o) => {
            let o = set::borrow(&o).ok_or_else(busy)?;
            Ok(t.difference_update(&o.0, &mut eq)?)
        }
        Source::Keys(keys, _) => {
            let mut removed = Vec::new();
            for (k, h) in keys {
                removed.extend(t.discard(&k, h, &mut eq)?);
            }
            t.purge_dummies_after_difference();
            Ok(removed)
        }
    }
}

/// A table holding the elements of any iterable (make_new_set).
fn table_of(vm: &mut Vm, other: &PyObj) -> VmResult<SetTable<PyObj>> {
    let src = source(vm, other)?;
    let keq = KeyEq::prepare(vm, &[src.keys()])?;
    let mut t = SetTable::new();
    update_with(&mut t, src, &keq)?;
    Ok(t)
}

/// Run `f` on the table of `s` in place, dropping what it hands back afterwards.
fn in_place<R>(s: &PyObj, f: impl FnOnce(&mut SetTable<PyObj>) -> VmResult<R>) -> VmResult<R> {
    let mut b = s.borrow_mut::<Set>().map_err(|_| busy())?;
    f(&mut b.0)
}

fn add(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("set.add")?;
    vm.set_add(s, x.clone())?;
    Ok(none())
}

fn discard_key(vm: &mut Vm, s: &PyObj, key: &PyObj) -> VmResult<bool> {
    let h = match vm.hash(key) {
        Ok(h) => h,
        Err(e) => match set::frozen_stand_in(key, &e) {
            Some(f) => return discard_key(vm, s, &f),
            None => return Err(e),
        },
    };
    let answers = vm.prepare_eq(s, key, h)?;
    let removed = set::discard(s, key, h, &mut answers.eq())?;
    Ok(removed.is_some())
}

fn discard(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("set.discard")?;
    discard_key(vm, s, x)?;
    Ok(none())
}

fn remove(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("set.remove")?;
    if !discard_key(vm, s, x)? {
        return Err(Exc(exceptions::new_exc(
            ctx().exc_type("KeyError"),
            vec![x.clone()],
        )));
    }
    Ok(none())
}

fn pop(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("set.pop")?;
    let k = s.borrow_mut::<Set>().map_err(|_| busy())?.0.pop()?;
    Ok(k)
}

fn clear(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("set.clear")?;
    let old = s.borrow_mut::<Set>().map_err(|_| busy())?.0.clear();
    drop(old);
    Ok(none())
}

fn copy(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none(&format!("{}.copy", tname(s)))?;
    if is_frozen(s) && !s.vtable().heap_type {
        return Ok(s.clone()); // an exact frozenset is its own copy
    }
    Ok(new_like(s, snapshot(s)?))
}

fn update(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    args.no_kw("set.update")?;
    for other in args.pos() {
        if other.is_a::<Set>() {
            set::update_with_set(vm, s, other, BinaryOp::Or)?;
            continue;
        }
        let src = source(vm, other)?;
        let keq = KeyEq::prepare(vm, &[KeySource::Set(s), src.keys()])?;
        in_place(s, |t| update_with(t, src, &keq))?;
    }
    Ok(none())
}

fn union(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    args.no_kw(&format!("{}.union", tname(s)))?;
    let mut t = snapshot(s)?;
    for other in args.pos() {
        if other.is(s) {
            continue;
        }
        let src = source(vm, other)?;
        let keq = KeyEq::prepare(vm, &[KeySource::Table(&t), src.keys()])?;
        update_with(&mut t, src, &keq)?;
    }
    Ok(new_like(s, t))
}

/// set_intersection(so, other): keeps the keys of the set iterated.
fn intersect(vm: &mut Vm, so: &SetTable<PyObj>, other: &PyObj) -> VmResult<SetTable<PyObj>> {
    if set::borrow(other).is_some() {
        let keq = KeyEq::prepare(vm, &[KeySource::Table(so), KeySource::Set(other)])?;
        let o = set::borrow(other).ok_or_else(busy)?;
        return Ok(so.intersection(&o.0, &mut keq.eq())?);
    }
    let mut keys = Vec::new();
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        keys.push((k, h));
    }
    let keq = KeyEq::prepare(vm, &[KeySource::Table(so), KeySource::Keys(&keys, false)])?;
    let mut eq = keq.eq();
    let mut r = SetTable::new();
    for (k, h) in keys {
        if so.contains(&k, h, &mut eq)? {
            r.add(k, h, &mut eq)?;
        }
    }
    Ok(r)
}

fn intersection_table(vm: &mut Vm, s: &PyObj, others: &[PyObj]) -> VmResult<SetTable<PyObj>> {
    let mut t = snapshot(s)?;
    for other in others {
        if other.is(s) {
            continue;
        }
        t = intersect(vm, &t, other)?;
    }
    Ok(t)
}

fn intersection(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    args.no_kw(&format!("{}.intersection", tname(s)))?;
    let t = intersection_table(vm, s, args.pos())?;
    Ok(new_like(s, t))
}

fn intersection_update(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    args.no_kw("set.intersection_update")?;
    let mut t = intersection_table(vm, s, args.pos())?;
    // set_swap_bodies keeps the finger of `s`.
    let mut b = s.borrow_mut::<Set>().map_err(|_| busy())?;
    b.0.swap_bodies(&mut t);
    drop(b);
    drop(t);
    Ok(none())
}

fn difference(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    args.no_kw(&format!("{}.difference", tname(s)))?;
    let others = args.pos();
    let mut t = match others.first() {
        None => snapshot(s)?,
        Some(first) if first.is(s) => SetTable::new(),
        Some(first) if first.is_a::<Set>() => {
            let keq = KeyEq::prepare(vm, &[KeySource::Set(s), KeySource::Set(first)])?;
            let so = set::borrow(s).ok_or_else(busy)?;
            let o = set::borrow(first).ok_or_else(busy)?;
            let t = so.0.difference(&o.0, &mut keq.eq())?;
            t
        }
        Some(first) => {
            // set_copy_and_difference (dicts and iterables alike here).
            let src = source(vm, first)?;
            let keq = KeyEq::prepare(vm, &[KeySource::Set(s), src.keys()])?;
            let mut t = snapshot(s)?;
            drop(difference_with(&mut t, src, &keq)?);
            t
        }
    };
    for other in others.iter().skip(1) {
        if other.is(s) {
            drop(t.clear());
            continue;
        }
        let src = source(vm, other)?;
        let keq = KeyEq::prepare(vm, &[KeySource::Table(&t), src.keys()])?;
        drop(difference_with(&mut t, src, &keq)?);
    }
    Ok(new_like(s, t))
}

fn difference_update(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    args.no_kw("set.difference_update")?;
    for other in args.pos() {
        if other.is_a::<Set>() {
            set::update_with_set(vm, s, other, BinaryOp::Subtract)?;
            continue;
        }
        let src = source(vm, other)?;
        let keq = KeyEq::prepare(vm, &[KeySource::Set(s), src.keys()])?;
        let removed = in_place(s, |t| difference_with(t, src, &keq))?;
        drop(removed);
    }
    Ok(none())
}

fn symmetric_difference(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let other = args.one(&format!("{}.symmetric_difference", tname(s)))?;
    // A new set from other, then ^= self.
    let mut t = table_of(vm, other)?;
    let keq = KeyEq::prepare(vm, &[KeySource::Table(&t), KeySource::Set(s)])?;
    let so = set::borrow(s).ok_or_else(busy)?;
    let removed = t.symmetric_difference_update(&so.0, &mut keq.eq())?;
    drop(so);
    drop(removed);
    Ok(new_like(s, t))
}

fn symmetric_difference_update(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let other = args.one("set.symmetric_difference_update")?;
    if other.is_a::<Set>() {
        set::update_with_set(vm, s, other, BinaryOp::Xor)?;
        return Ok(none());
    }
    let o = table_of(vm, other)?;
    let keq = KeyEq::prepare(vm, &[KeySource::Set(s), KeySource::Table(&o)])?;
    let removed = in_place(s, |t| Ok(t.symmetric_difference_update(&o, &mut keq.eq())?))?;
    drop(removed);
    Ok(none())
}

fn issubset(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let other = args.one(&format!("{}.issubset", tname(s)))?;
    let o = if set::borrow(other).is_some() {
        snapshot(other)?
    } else {
        table_of(vm, other)?
    };
    let keq = KeyEq::prepare(vm, &[KeySource::Set(s), KeySource::Table(&o)])?;
    let so = set::borrow(s).ok_or_else(busy)?;
    let r = so.0.is_subset(&o, &mut keq.eq())?;
    Ok(bool_obj(r))
}

fn issuperset(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let other = args.one(&format!("{}.issuperset", tname(s)))?;
    if set::borrow(other).is_some() {
        let keq = KeyEq::prepare(vm, &[KeySource::Set(s), KeySource::Set(other)])?;
        let (so, o) = (set::borrow(s), set::borrow(other));
        let (so, o) = (so.ok_or_else(busy)?, o.ok_or_else(busy)?);
        return Ok(bool_obj(so.0.is_superset(&o.0, &mut keq.eq())?));
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if !vm.set_contains(s, &k)? {
            return Ok(bool_obj(false));
        }
    }
    Ok(bool_obj(true))
}

fn isdisjoint(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let other = args.one(&format!("{}.isdisjoint", tname(s)))?;
    if other.is(s) {
        return Ok(bool_obj(set::len(s).unwrap_or(0) == 0));
    }
    if set::borrow(other).is_some() {
        let keq = KeyEq::prepare(vm, &[KeySource::Set(s), KeySource::Set(other)])?;
        let (so, o) = (set::borrow(s), set::borrow(other));
        let (so, o) = (so.ok_or_else(busy)?, o.ok_or_else(busy)?);
        return Ok(bool_obj(so.0.is_disjoint(&o.0, &mut keq.eq())?));
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if vm.set_contains(s, &k)? {
            return Ok(bool_obj(false));
        }
    }
    Ok(bool_obj(true))
}
