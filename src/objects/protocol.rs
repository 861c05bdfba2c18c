//! hash() and == for the built-in types, as CPython computes them, for the dict and
//! set tables and the VM. Nested tuples and lists are walked with an explicit stack, so
//! no input nesting depth can overflow the Rust stack.
//!
//! Types whose hash or equality is user code (instances with __hash__ / __eq__) are the
//! VM's business: it handles them and falls back to these for the built-in types.

use std::cmp::Ordering;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::PyObj;

use super::numeric::{self, compare_int_float, tuple_hash};
use super::typeobj::type_name;
use super::{float, int, list, set, string, tuple};

fn unhashable(obj: &PyObj) -> PyErr {
    PyErr::new(
        ExcKind::TypeError,
        format!("unhashable type: '{}'", type_name(obj)),
    )
}

/// hash() of anything that is not a tuple.
fn leaf_hash(obj: &PyObj) -> PyResult<i64> {
    if let Some(h) = int::hash(obj) {
        return Ok(h);
    }
    if let Some(h) = string::hash(obj) {
        return Ok(h);
    }
    if let Some(v) = float::value(obj) {
        return Ok(numeric::hash_float(v, obj.id()));
    }
    if let Some(h) = super::complex::hash(obj) {
        return Ok(h);
    }
    if let Some(h) = super::buffer::hash(obj) {
        return h;
    }
    if let Some(mut s) = obj
        .borrow_mut::<set::Set>()
        .ok()
        .filter(|_| super::typeobj::is_subtype(&obj.type_obj(), &super::ctx().frozenset_type))
    {
        return Ok(s.0.frozenset_hash());
    }
    let vt = obj.vtable();
    if vt.mutable || super::dict::is_set_view(obj) || obj.is_a::<super::dict::MappingProxy>() {
        return Err(unhashable(obj)); // list, dict, set; keys / items views, mappingproxy
    }
    Ok(numeric::hash_pointer(obj.id()))
}

/// hash(obj) for the built-in types.
pub fn hash(obj: &PyObj) -> PyResult<i64> {
    let Some(items) = tuple::items(obj) else {
        return leaf_hash(obj);
    };
    if items.iter().all(|x| tuple::items(x).is_none()) {
        // No nested tuples: the items' hashes feed the combination directly.
        let mut err = None;
        let h = tuple_hash(items.iter().map_while(|x| match leaf_hash(x) {
            Ok(h) => Some(h),
            Err(e) => {
                err = Some(e);
                None
            }
        }));
        return match err {
            Some(e) => Err(e),
            None => Ok(h),
        };
    }
    // Post-order walk: each frame is a tuple, the next item to visit, and the hashes of
    // the items visited so far.
    let mut stack: Vec<(PyObj, usize, Vec<i64>)> = vec![(obj.clone(), 0, Vec::new())];
    loop {
        let (t, i, hashes) = stack.last_mut().expect("non-empty");
        let items = tuple::items(t).expect("frames are tuples");
        if *i < items.len() {
            let child = items[*i].clone();
            *i += 1;
            if tuple::items(&child).is_some() {
                let n = tuple::items(&child).map_or(0, <[PyObj]>::len);
                stack.push((child, 0, Vec::with_capacity(n)));
            } else {
                hashes.push(leaf_hash(&child)?);
            }
            continue;
        }
        let h = tuple_hash(hashes.iter().copied());
        stack.pop();
        match stack.last_mut() {
            Some((_, _, parent)) => parent.push(h),
            None => return Ok(h),
        }
    }
}

/// Compare two objects that are not both tuples or both lists.
fn leaf_eq(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if let (Some(x), Some(y)) = (
        a.get::<crate::heap::WeakRef>(),
        b.get::<crate::heap::WeakRef>(),
    ) {
        // Weak references compare their referents while both are alive, else identity.
        return match (x.get(), y.get()) {
            (Some(x), Some(y)) => leaf_eq(&x, &y),
            _ => Ok(false),
        };
    }
    if let (Some(x), Some(y)) = (
        a.get::<super::method::Method>(),
        b.get::<super::method::Method>(),
    ) {
        // Bound methods are equal when they bind the same object to the same function.
        return Ok(x.self_.is(&y.self_) && x.func.is(&y.func));
    }
    if let (Some(x), Some(y)) = (int::as_i64(a), int::as_i64(b)) {
        return Ok(x == y);
    }
    match (
        int::value(a),
        int::value(b),
        float::value(a),
        float::value(b),
    ) {
        (Some(x), Some(y), _, _) => return Ok(x == y),
        (Some(x), _, _, Some(y)) => return Ok(compare_int_float(&x, y) == Some(Ordering::Equal)),
        (_, Some(y), Some(x), _) => return Ok(compare_int_float(&y, x) == Some(Ordering::Equal)),
        (_, _, Some(x), Some(y)) => return Ok(x == y),
        _ => {}
    }
    if let (Some(x), Some(y)) = (string::view(a), string::view(b)) {
        return Ok(x.eq_view(&y));
    }
    if let Some(z) = super::complex::value(a) {
        return Ok(super::complex::eq(z, b).unwrap_or(false));
    }
    if let Some(z) = super::complex::value(b) {
        return Ok(super::complex::eq(z, a).unwrap_or(false));
    }
    if let Some(r) = super::buffer::eq(a, b) {
        return r;
    }
    if let (Some(x), Some(y)) = (set::borrow(a), set::borrow(b)) {
        return x.0.set_eq(&y.0, &mut |p, q| eq(p, q));
    }
    Ok(false)
}

/// `a == b` for two objects of the same exact built-in type among int (and bool),
/// float and str, with no Python code to run; None for anything else.
#[inline]
fn scalar_eq(a: &PyObj, b: &PyObj) -> Option<bool> {
    use std::any::TypeId;
    let (va, vb) = (a.vtable(), b.vtable());
    if va.heap_type || vb.heap_type || va.type_id() != vb.type_id() {
        return None;
    }
    let t = va.type_id();
    if t == TypeId::of::<int::Long>() {
        return Some(match (int::as_i64(a), int::as_i64(b)) {
            (Some(x), Some(y)) => x == y,
            _ => int::value(a)? == int::value(b)?,
        });
    }
    if t == TypeId::of::<string::Str>() {
        return Some(string::eq(a, b));
    }
    if t == TypeId::of::<float::Float>() {
        return Some(float::value(a)? == float::value(b)?);
    }
    None
}

/// The items of `o` if it is an exact tuple.
#[inline]
fn exact_tuple_items(o: &PyObj) -> Option<&[PyObj]> {
    // tuple is the one built-in type with tuple items (struct sequences are classes).
    if o.vtable().heap_type {
        return None;
    }
    tuple::items(o)
}

/// `a == b` as containers ask it (PyObject_RichCompareBool: identity first) when no
/// Python code can run: exact ints, floats or strs of one type, or exact tuples whose
/// items are those (compared in order; the first pair not decidable here, before any
/// unequal pair, leaves the answer to the caller). None: compare through the slots.
#[inline]
pub fn quick_eq(a: &PyObj, b: &PyObj) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let Some(r) = scalar_eq(a, b) {
        return Some(r);
    }
    let (x, y) = (exact_tuple_items(a)?, exact_tuple_items(b)?);
    if x.len() != y.len() {
        return Some(false);
    }
    for (p, q) in x.iter().zip(y) {
        if !p.is(q) && !scalar_eq(p, q)? {
            return Some(false);
        }
    }
    Some(true)
}

/// The items of a tuple or a list (a snapshot), with which of the two it is.
fn sequence(obj: &PyObj) -> Option<(bool, Vec<PyObj>)> {
    if let Some(items) = tuple::items(obj) {
        return Some((true, items.to_vec()));
    }
    list::borrow(obj).map(|l| (false, l.0.clone()))
}

/// `a == b` for the built-in types (identity implies equality, as in containers).
pub fn eq(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    if let Some(r) = quick_eq(a, b) {
        return Ok(r);
    }
    let mut pending: Vec<(Vec<PyObj>, Vec<PyObj>, usize)> = Vec::new();
    let mut pair = Some((a.clone(), b.clone()));
    loop {
        if let Some((x, y)) = pair.take() {
            if !x.is(&y) {
                match (sequence(&x), sequence(&y)) {
                    (Some((tx, ix)), Some((ty, iy))) if tx == ty => {
                        if ix.len() != iy.len() {
                            return Ok(false);
                        }
                        pending.push((ix, iy, 0));
                    }
                    _ => {
                        if !leaf_eq(&x, &y)? {
                            return Ok(false);
                        }
                    }
                }
            }
        }
        let Some((xs, ys, i)) = pending.last_mut() else {
            return Ok(true);
        };
        if *i == xs.len() {
            pending.pop();
            continue;
        }
        pair = Some((xs[*i].clone(), ys[*i].clone()));
        *i += 1;
    }
}

/// The hash of an object's identity (CPython's _Py_HashPointer).
pub fn id_hash(o: &PyObj) -> i64 {
    numeric::hash_pointer(o.id())
}

/// Does `o`'s type fill nb_index (CPython's PyIndex_Check)?
pub fn index_check(o: &PyObj) -> bool {
    super::typeobj::slotdefs::slots_of_type(&o.type_obj())
        .index
        .get()
        .is_some()
}
