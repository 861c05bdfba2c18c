//! Key equality for set operations whose keys may compare with Python code.
//!
//! The set table compares keys through a callback that runs while a set's table is
//! borrowed, so it must not run Python (table_key.rs). Before an operation that
//! compares the keys of several sources (set algebra, set methods, set(iterable)),
//! `KeyEq::prepare` finds the pairs of keys, from different sources (or within a
//! plain list of keys, which may repeat), that share a hash and need the VM to
//! compare — a class instance (its `__eq__` may be Python), a weak reference, or a
//! tuple holding one — and asks the VM for their answers with no borrow held. The
//! callback then answers those pairs from the results and every other pair with the
//! built-in equality (`protocol::eq`). Without such keys (the common case) preparing
//! is one scan of the keys and nothing is allocated.

use std::cell::Cell;
use std::collections::HashMap;

use crate::error::PyResult;
use crate::heap::{PyObj, WeakRef};
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::table_key::EqFn;

use super::set;
use super::settable::SetTable;
use super::{protocol, tuple};

/// Where the keys of an operation come from.
pub enum KeySource<'a> {
    /// A set or frozenset object (its keys are distinct among themselves).
    Set(&'a PyObj),
    /// A table not (yet) in an object: a snapshot, a result (distinct keys).
    Table(&'a SetTable<PyObj>),
    /// Hashed keys: from an iterable (`distinct` false: they may repeat, so they are
    /// compared with each other too) or a dict's keys (`distinct` true).
    Keys(&'a [(PyObj, i64)], bool),
}

/// Answers for the pairs of keys that need the VM; see the module comment.
#[derive(Default)]
pub struct KeyEq {
    answers: HashMap<(usize, usize), bool>,
    /// The keys answered for, held so their ids stay theirs during the operation.
    _held: Vec<PyObj>,
}

/// Does comparing `k` with an equal-hash key need the VM? A class instance, a weak
/// reference, or a tuple or frozenset (at any depth) holding one.
pub fn needs_vm(k: &PyObj) -> bool {
    let c = super::ctx();
    if k.is_type(&c.int_type) || k.is_type(&c.str_type) {
        return false; // the usual keys, told by one type compare each
    }
    if k.vtable().heap_type || k.is_a::<WeakRef>() {
        return true;
    }
    let leaf = |o: &PyObj| {
        !o.vtable().heap_type
            && !o.is_a::<WeakRef>()
            && !o.is_a::<set::Set>()
            && tuple::items(o).is_none()
    };
    match tuple::items(k) {
        // A flat tuple of built-in scalars (the common key), without allocating.
        Some(items) if items.iter().all(leaf) => return false,
        Some(_) => {}
        None if !k.is_a::<set::Set>() => return false,
        None => {}
    }
    let mut todo: Vec<PyObj> = vec![k.clone()];
    while let Some(o) = todo.pop() {
        if o.vtable().heap_type || o.is_a::<WeakRef>() {
            return true;
        }
        if let Some(items) = tuple::items(&o) {
            todo.extend(items.iter().cloned());
        } else if let Some(t) = set::borrow(&o) {
            todo.extend(t.0.iter().cloned());
        }
    }
    false
}

/// Calls `f(key, hash)` for every key of `src` until it returns true; whether it did.
fn any_key(src: &KeySource<'_>, f: &mut dyn FnMut(&PyObj, i64) -> bool) -> bool {
    match src {
        KeySource::Set(s) => match set::borrow(s) {
            Some(t) => t.0.iter_hashed().any(|(k, h)| f(k, h)),
            None => false,
        },
        KeySource::Table(t) => t.iter_hashed().any(|(k, h)| f(k, h)),
        KeySource::Keys(keys, _) => keys.iter().any(|(k, h)| f(k, *h)),
    }
}

impl KeyEq {
    /// No answers: every pair compares with the built-in equality.
    pub fn plain() -> KeyEq {
        KeyEq::default()
    }

    /// The answers an operation over `sources` needs (see the module comment).
    pub fn prepare(rt: &mut dyn Runtime, sources: &[KeySource<'_>]) -> VmResult<KeyEq> {
        if !sources.iter().any(|s| any_key(s, &mut |k, _| needs_vm(k))) {
            return Ok(KeyEq::plain());
        }
        // (hash, origin, key): keys of one set or table share an origin and are
        // never compared with each other; keys of a plain list each get their own.
        let mut all: Vec<(i64, usize, PyObj)> = Vec::new();
        // Origins: a source's index, or for a plain list's keys, the count of keys
        // before them offset past the sources.
        let mut next_own = sources.len();
        for (origin, src) in sources.iter().enumerate() {
            let each = matches!(src, KeySource::Keys(_, false));
            any_key(src, &mut |k, h| {
                let o = if each {
                    next_own += 1;
                    next_own
                } else {
                    origin
                };
                all.push((h, o, k.clone()));
                false
            });
        }
        all.sort_by_key(|e| (e.0, e.1));
        let mut answers = HashMap::new();
        let mut start = 0;
        while start < all.len() {
            let mut end = start + 1;
            while end < all.len() && all[end].0 == all[start].0 {
                end += 1;
            }
            let group = &all[start..end];
            if group.len() > 1 && group.iter().any(|e| needs_vm(&e.2)) {
                for (i, x) in group.iter().enumerate() {
                    for y in &group[i + 1..] {
                        if x.1 == y.1 || x.2.is(&y.2) {
                            continue;
                        }
                        let r = rt.equal(&x.2, &y.2)?;
                        answers.insert((x.2.id(), y.2.id()), r);
                        answers.insert((y.2.id(), x.2.id()), r);
                    }
                }
            }
            start = end;
        }
        Ok(KeyEq {
            answers,
            _held: all.into_iter().map(|e| e.2).collect(),
        })
    }

    /// The table callback: the prepared answer for a pair, else the built-in equality.
    pub fn eq(&self) -> impl FnMut(&PyObj, &PyObj) -> PyResult<bool> + '_ {
        move |a: &PyObj, b: &PyObj| {
            if !self.answers.is_empty() {
                if let Some(r) = self.answers.get(&(a.id(), b.id())) {
                    return Ok(*r);
                }
            }
            protocol::eq(a, b)
        }
    }
}

/// Run a table operation that changes no set (`f`, given the equality to use) first
/// with the built-in equality; if it met an equal-hash pair that needs the VM, prepare
/// the answers for `sources` and run it again with them. The common case (no such
/// pair: keys that differ in hash never reach the equality) costs no preparation.
pub fn with_key_eq<R>(
    rt: &mut dyn Runtime,
    sources: &[KeySource<'_>],
    mut f: impl FnMut(&mut EqFn<PyObj>) -> PyResult<R>,
) -> VmResult<R> {
    let missed = Cell::new(false);
    let first = f(&mut |a: &PyObj, b: &PyObj| {
        if needs_vm(a) || needs_vm(b) {
            missed.set(true);
            return Ok(false);
        }
        protocol::eq(a, b)
    })?;
    if !missed.get() {
        return Ok(first);
    }
    drop(first);
    let keq = KeyEq::prepare(rt, sources)?;
    let mut eq = keq.eq();
    let r = f(&mut eq)?;
    Ok(r)
}
