//! A type's subclasses (CPython's tp_subclasses): weak references to the classes
//! made with it as a direct base, in the order they were made, so
//! `type.__subclasses__()` lists them and `__bases__` assignment can recompute the
//! MROs below a class. The list holds the weak reference objects, not the classes;
//! as in CPython it is not traversed (weak references make no cycles). A class that
//! dies leaves a dead reference, removed from its bases' lists as it goes.

use crate::heap::{weakref_attach, weakrefs_of, PyObj, TypeRef, WeakRef};

use super::{info, TypeInfo};
use crate::objects::ctx;

/// A weak reference to `target` with no callback: the one at the head of its list if
/// there is one (as weakref.ref(x) would return), else a new one put there.
fn basic_ref(target: &PyObj) -> PyObj {
    let c = ctx();
    if let Some(h) = weakrefs_of(target).into_iter().next() {
        if h.is_type(&c.weakref_type) && h.get::<WeakRef>().is_some_and(|w| !w.has_callback()) {
            return h;
        }
    }
    let w = PyObj::new(&c.weakref_type, WeakRef::new(None));
    weakref_attach(&w, target, 0);
    w
}

/// Record `sub` as a subclass of `base` (a class made, or given new bases).
pub fn add_subclass(base: &TypeRef, sub: &TypeRef) {
    let w = basic_ref(sub.as_obj());
    info(base).subclasses.borrow_mut().push(w);
}

/// Forget `sub` as a subclass of `base`, and any dead entry on the way.
pub fn remove_subclass(base: &TypeRef, sub: &TypeRef) {
    let gone = take_where(base, |t| t.is_none_or(|t| t.is(sub.as_obj())));
    drop(gone);
}

/// Remove the dead entries of `base`'s list (a subclass died).
pub fn prune(base: &TypeRef) {
    let gone = take_where(base, |t| t.is_none());
    drop(gone);
}

/// Take out the entries whose referent (None once dead) `f` picks; they are dropped
/// by the caller, with no borrow of the list held.
fn take_where(base: &TypeRef, f: impl Fn(Option<&PyObj>) -> bool) -> Vec<PyObj> {
    let Ok(mut list) = info(base).subclasses.try_borrow_mut() else {
        return Vec::new();
    };
    let mut gone = Vec::new();
    let mut kept = Vec::with_capacity(list.len());
    for w in list.drain(..) {
        let target = w.get::<WeakRef>().and_then(WeakRef::get);
        if f(target.as_ref()) {
            gone.push(w);
        } else {
            kept.push(w);
        }
    }
    *list = kept;
    gone
}

/// `ty.__subclasses__()`: the built-in types whose base it is, then the live classes
/// made with it as a direct base, oldest first.
pub fn subclasses(ty: &TypeRef) -> Vec<TypeRef> {
    let c = ctx();
    let mut out: Vec<TypeRef> = c
        .all_types()
        .filter(|t| info(t).heap.is_none() && info(t).base().is_some_and(|b| b.is(ty)))
        .cloned()
        .collect();
    let refs: Vec<PyObj> = info(ty).subclasses.borrow().clone();
    for w in refs {
        if let Some(t) = w.get::<WeakRef>().and_then(WeakRef::get) {
            if let Some(t) = TypeRef::from_obj::<TypeInfo>(&t) {
                out.push(t);
            }
        }
    }
    out
}
