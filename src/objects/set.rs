//! set and frozenset: CPython 3.11's open-addressing table (`SetTable`), so sizes
//! (216 / 728 / 2264 / 8408 ...) and iteration order match CPython. Both types share
//! this payload; frozenset caches its hash in the table. Sets are always tracked.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{PMut, PRef, Payload, PyObj, TypeRef, Visit};

use super::context::ctx;
use super::set_eq::{with_key_eq, KeyEq, KeySource};
use super::settable::SetTable;
use super::table_key::EqFn;
use crate::bytecode::opcode::BinaryOp;
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a set or frozenset.
pub struct Set(pub SetTable<PyObj>);

impl Payload for Set {
    type Item = ();
    const NAME: &'static str = "set";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        self.0.iter().for_each(visit);
    }
    fn clear(&mut self) {
        drop(self.0.clear());
    }
    fn extra_size(&self) -> usize {
        self.0.heap_bytes()
    }
}

fn new_of(ty: &TypeRef, table: SetTable<PyObj>) -> PyObj {
    PyObj::new(ty, Set(table))
}

/// A new empty set.
pub fn new() -> PyObj {
    new_of(&ctx().set_type, SetTable::new())
}

/// A new frozenset holding `table`.
pub fn new_frozen(table: SetTable<PyObj>) -> PyObj {
    new_of(&ctx().frozenset_type, table)
}

fn busy() -> PyErr {
    PyErr::new(ExcKind::RuntimeError, "Set changed size during iteration")
}

/// Borrow a set's table for reading, if `obj` is a set or frozenset.
pub fn borrow(obj: &PyObj) -> Option<PRef<'_, Set>> {
    obj.borrow::<Set>().ok()
}

fn borrow_mut(obj: &PyObj) -> PyResult<PMut<'_, Set>> {
    obj.borrow_mut::<Set>().map_err(|_| busy())
}

/// s.add(key); true if it was new.
pub fn add(s: &PyObj, key: PyObj, hash: i64, eq: &mut EqFn<PyObj>) -> PyResult<bool> {
    borrow_mut(s)?.0.add(key, hash, eq)
}

/// The hash of an exact str or int (no call out to Python), else None.
#[inline]
fn quick_hash(key: &PyObj) -> Option<i64> {
    let c = ctx();
    if key.is_type(&c.str_type) {
        super::string::hash(key)
    } else if let Some(v) = super::int::exact_i64(key, &c.int_exact) {
        // One or two digits read in place: no trip through the general int hash.
        Some(super::numeric::hash_i64(v))
    } else if key.is_type(&c.int_type) {
        super::int::hash(key)
    } else {
        None
    }
}

/// `key in s` in one probe, without the VM, when it can be told so: `key` is an exact
/// str or int (hashed without a call) and every stored key with its hash compares with it
/// by `protocol::quick_eq`. Some((hash, found)), else None: the caller takes the full
/// path (class instances' `__eq__`, mixed int/float, ...).
pub fn quick_lookup(s: &PyObj, key: &PyObj) -> Option<(i64, bool)> {
    let h = quick_hash(key)?;
    let found = borrow(s)?
        .0
        .lookup_decided(key, h, &mut super::protocol::quick_eq)?;
    Some((h, found.is_some()))
}

/// s.add(key) in one probe, without the VM, when it can be told so (as
/// `quick_lookup`): Some(whether it was added), else None with `s` unchanged (the
/// probe changes nothing before it ends) for the caller's full path.
#[inline]
pub fn quick_add(s: &PyObj, key: &PyObj) -> Option<PyResult<bool>> {
    let h = quick_hash(key)?;
    let mut undecided = false;
    let r = borrow_mut(s).ok()?.0.add(key.clone(), h, &mut |a, b| {
        super::protocol::quick_eq(a, b).ok_or_else(|| {
            undecided = true;
            PyErr::memory()
        })
    });
    (!undecided).then_some(r)
}

/// key in s.
pub fn contains(s: &PyObj, key: &PyObj, hash: i64, eq: &mut EqFn<PyObj>) -> PyResult<bool> {
    borrow(s).ok_or_else(busy)?.0.contains(key, hash, eq)
}

/// s.discard(key); the removed key, if it was there.
pub fn discard(s: &PyObj, key: &PyObj, hash: i64, eq: &mut EqFn<PyObj>) -> PyResult<Option<PyObj>> {
    let removed = borrow_mut(s)?.0.discard(key, hash, eq)?;
    Ok(removed)
}

/// len(s).
/// What a set's lookup methods (`in`, `remove`, `discard`) try when `key` is
/// unhashable: a set (or a subclass of set) whose hash raised TypeError stands for
/// the frozenset of its elements, as in CPython. None when `err` is not a TypeError
/// or `key` is not a set.
pub fn frozen_stand_in(key: &PyObj, err: &Exc) -> Option<PyObj> {
    let c = ctx();
    if !super::exceptions::matches(&err.0, c.exc_type("TypeError"))
        || !super::typeobj::is_subtype(&key.type_obj(), &c.set_type)
    {
        return None;
    }
    let table = SetTable::copy_of(&borrow(key)?.0);
    Some(new_frozen(table))
}

pub fn len(s: &PyObj) -> Option<usize> {
    borrow(s).map(|t| t.0.len())
}

/// A snapshot of the elements in iteration order.
pub fn elements(s: &PyObj) -> Option<Vec<PyObj>> {
    borrow(s).map(|t| t.0.iter().cloned().collect())
}

fn set_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let items = elements(o).unwrap_or_default();
    // Anything but an exact set shows its type's name (frozenset, subclasses).
    let name = super::typeobj::type_name(o);
    if items.is_empty() {
        return Ok(format!("{name}()"));
    }
    let exact_set = o.is_type(&ctx().set_type);
    super::tuple::container_repr(rt, o, &format!("{name}(...)"), |rt| {
        let inner = super::tuple::join_reprs(rt, &items)?;
        Ok(if exact_set {
            format!("{{{inner}}}")
        } else {
            format!("{name}({{{inner}}})")
        })
    })
}

fn frozenset_hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    let mut s = o
        .borrow_mut::<Set>()
        .map_err(|_| super::exceptions::from_pyerr(&busy()))?;
    Ok(s.0.frozenset_hash())
}

/// Set comparisons are inclusion tests, between any sets and frozensets.
fn set_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    if borrow(a).is_none() || borrow(b).is_none() {
        return Ok(c.not_implemented.clone());
    }
    let holds = with_key_eq(rt, &[KeySource::Set(a), KeySource::Set(b)], |eq| {
        let (Some(x), Some(y)) = (borrow(a), borrow(b)) else {
            return Err(busy());
        };
        Ok(match op {
            CompareOp::Eq => x.0.set_eq(&y.0, eq)?,
            CompareOp::Ne => !x.0.set_eq(&y.0, eq)?,
            CompareOp::Le => x.0.is_subset(&y.0, eq)?,
            CompareOp::Ge => x.0.is_superset(&y.0, eq)?,
            CompareOp::Lt => x.0.len() < y.0.len() && x.0.is_subset(&y.0, eq)?,
            CompareOp::Gt => x.0.len() > y.0.len() && x.0.is_superset(&y.0, eq)?,
        })
    })?;
    Ok(if holds { &c.true_ } else { &c.false_ }.clone())
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` of two sets or frozensets (NotImplemented
/// otherwise). The augmented forms of a set work in place as CPython's: `|=` merges,
/// `-=` and `^=` update the table (keeping its size), `&=` swaps in the intersection.
/// `a |= b`, `a -= b` or `a ^= b` (`op`: Or, Subtract, Xor) in a's own table, `b` a
/// set or frozenset: set_update_internal, set_difference_update_internal and
/// set_symmetric_difference_update, shared by the operators and the methods
/// (`update`, `difference_update`, `symmetric_difference_update`). The keys taken out
/// are dropped after the borrows end.
pub(crate) fn update_with_set(
    rt: &mut dyn Runtime,
    a: &PyObj,
    b: &PyObj,
    op: BinaryOp,
) -> VmResult<()> {
    if a.is(b) {
        if op != BinaryOp::Or {
            // s -= s, s ^= s: set_clear; the old contents dropped after the borrow.
            let old = borrow_mut(a)?.0.clear();
            drop(old);
        }
        return Ok(());
    }
    let keq = KeyEq::prepare(rt, &[KeySource::Set(a), KeySource::Set(b)])?;
    let mut eq = keq.eq();
    let removed = {
        let y = borrow(b).ok_or_else(busy)?;
        let mut x = borrow_mut(a)?;
        match op {
            BinaryOp::Or => {
                x.0.merge(&y.0, &mut eq)?;
                Vec::new()
            }
            BinaryOp::Subtract => x.0.difference_update(&y.0, &mut eq)?,
            _ => x.0.symmetric_difference_update(&y.0, &mut eq)?,
        }
    };
    drop(removed);
    Ok(())
}

fn set_algebra(
    rt: &mut dyn Runtime,
    a: &PyObj,
    b: &PyObj,
    op: BinaryOp,
    inplace: bool,
) -> VmResult<PyObj> {
    let c = ctx();
    if borrow(a).is_none() || borrow(b).is_none() {
        return Ok(c.not_implemented.clone());
    }
    let frozen = super::typeobj::is_subtype(&a.type_obj(), &c.frozenset_type);
    if inplace && !frozen && op != BinaryOp::And {
        update_with_set(rt, a, b, op)?;
        return Ok(a.clone());
    }
    let mut result = with_key_eq(rt, &[KeySource::Set(a), KeySource::Set(b)], |eq| {
        let (Some(x), Some(y)) = (borrow(a), borrow(b)) else {
            return Err(busy());
        };
        match op {
            BinaryOp::Or => x.0.union(&y.0, eq),
            BinaryOp::And => x.0.intersection(&y.0, eq),
            BinaryOp::Subtract => x.0.difference(&y.0, eq),
            _ => x.0.symmetric_difference(&y.0, eq),
        }
    })?;
    if inplace && !frozen {
        // set_intersection_update: the new table's body swapped in.
        borrow_mut(a)?.0.swap_bodies(&mut result);
        drop(result);
        return Ok(a.clone());
    }
    if frozen {
        Ok(new_frozen(result))
    } else {
        Ok(PyObj::new(&c.set_type, Set(result)))
    }
}

macro_rules! set_algebra_slots {
    ($($f:ident => $op:ident, $inplace:literal;)*) => {
        $(fn $f(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
            set_algebra(rt, a, b, BinaryOp::$op, $inplace)
        })*
    };
}

set_algebra_slots! {
    set_or => Or, false;
    set_and => And, false;
    set_sub => Subtract, false;
    set_xor => Xor, false;
    set_ior => Or, true;
    set_iand => And, true;
    set_isub => Subtract, true;
    set_ixor => Xor, true;
}

fn set_len(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    Ok(len(o).unwrap_or(0))
}

fn set_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    super::iter::set_iter(o)
}

fn set_contains(rt: &mut dyn Runtime, s: &PyObj, item: &PyObj) -> VmResult<bool> {
    rt.set_contains(s, item)
}

/// set's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(set_repr),
    hash: Some(crate::objects::typeobj::class_slots::hash_not_implemented),
    richcompare: Some(set_richcompare),
    or: Some(set_or),
    and: Some(set_and),
    subtract: Some(set_sub),
    xor: Some(set_xor),
    inplace_or: Some(set_ior),
    inplace_and: Some(set_iand),
    inplace_subtract: Some(set_isub),
    inplace_xor: Some(set_ixor),
    length: Some(set_len),
    iter: Some(set_iter),
    contains: Some(set_contains),
    ..SlotTable::EMPTY
};

/// frozenset's slots.
pub const FROZENSET_SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(set_repr),
    hash: Some(frozenset_hash),
    richcompare: Some(set_richcompare),
    or: Some(set_or),
    and: Some(set_and),
    subtract: Some(set_sub),
    xor: Some(set_xor),
    length: Some(set_len),
    iter: Some(set_iter),
    contains: Some(set_contains),
    ..SlotTable::EMPTY
};
