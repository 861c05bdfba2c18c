//! A built-in type's dict filled on first use.
//!
//! Start-up sets up every built-in type, each with slot wrappers (`__add__`,
//! `__getitem__`, ...), method descriptors and getset descriptors in its dict: well
//! over a thousand objects, most of which a program never looks at. So the bulk
//! fills (`add_operators`, `add_methods`, `add_getsets`, `add_classmethods`) of a type
//! whose dict nobody has used yet are queued for the type instead, each with the
//! number of names the dict had when it came; names set straight into the dict
//! meanwhile (`__new__`, `__doc__`, ...) go in as usual. The first `type_dict` replays
//! the queue in order between those names: the dict ends with the same names in the
//! same order and the same values as if every fill had run when it came. (One order
//! it cannot tell: a name set straight in both before and after a fill that sets it
//! too ends with the fill's value. Set-up code does not do that; code that needs a
//! name the fills may bring queues a `Fill::Put` after them.)
//!
//! The objects a replay makes are not counted by the collector (`gc_uncounted`):
//! CPython makes them before any program runs, so a program's gc.get_count() and
//! collections do not depend on which types it happens to look into first.

use indexmap::IndexMap;
use std::cell::RefCell;
use std::hash::BuildHasherDefault;
use std::mem::ManuallyDrop;

use crate::heap::{PyObj, TypeRef};
use crate::objects::builtin_function::MethodDef;
use crate::objects::descr::GetSetDef;
use crate::objects::dict;

use super::slots::SlotTable;

/// One bulk fill of a built-in type's dict.
pub enum Fill {
    /// The slot wrappers of these slots (slotdefs::add_operators).
    Operators(Box<SlotTable>),
    /// Method descriptors.
    Methods(&'static [MethodDef]),
    /// Member and getset descriptors.
    Getsets(&'static [GetSetDef]),
    /// Classmethod descriptors.
    Classmethods(Vec<&'static MethodDef>),
    /// Any other bulk set-up of the dict: the function is given the type and its dict
    /// (type_docs.rs puts `__doc__` so, where the dict has none by then).
    Put(fn(&TypeRef, &PyObj)),
}

/// Object flag bits of a type object (the heap leaves 8 to each kind of object; the
/// low ones are left alone, since `string::is_interned` reads bit 0 of any object).
/// Its dict has been handed out: fills run at once from then on.
const OPENED: u32 = 6;
/// Fills wait in `WAITING` for its dict's first use.
const FILLS_WAIT: u32 = 7;

/// A type and the fills its dict waits for, each with the dict's length when it came.
type Waiting = (TypeRef, Vec<(usize, Fill)>);

/// Keyed by the type's address (`AddressHasher`: start-up queues a few hundred fills,
/// and SipHash was most of their cost).
type WaitingMap = IndexMap<usize, Waiting, BuildHasherDefault<super::AddressHasher>>;

/// Room for the built-in types that queue fills at start-up, so the table is not
/// grown and rehashed on the way.
const WAITING_CAPACITY: usize = 256;

thread_local! {
    /// The fills waiting, by type (its address). Built-in types live as long as the
    /// thread; the entry holds its type. Never dropped: the types it names are never
    /// freed (the thread's table of them is leaked, context.rs), and dropping the
    /// fills that never ran was most of the work of the process's exit.
    static WAITING: ManuallyDrop<RefCell<WaitingMap>> = ManuallyDrop::new(RefCell::new(
        WaitingMap::with_capacity_and_hasher(WAITING_CAPACITY, BuildHasherDefault::default()),
    ));
}

/// Run `fill` on `ty`'s dict now if it has been handed out, or else queue it for its
/// first use.
pub fn fill(ty: &TypeRef, fill: Fill) {
    let o = ty.as_obj();
    if o.obj_flag(OPENED) || super::is_heap_type(ty) {
        run(ty, &super::type_dict(ty), &fill);
        return;
    }
    let at = dict::len(&super::type_dict_raw(ty)).unwrap_or(0);
    o.set_obj_flag(FILLS_WAIT, true);
    WAITING.with(|w| {
        w.borrow_mut()
            .entry(o.id())
            .or_insert_with(|| (ty.clone(), Vec::with_capacity(4)))
            .1
            .push((at, fill))
    });
}

/// `ty`'s dict `d` is being handed out: run the fills it waits for, in their places.
#[inline]
pub(super) fn open(ty: &TypeRef, d: &PyObj) {
    let o = ty.as_obj();
    if o.obj_flag(OPENED) {
        return;
    }
    o.set_obj_flag(OPENED, true);
    if o.obj_flag(FILLS_WAIT) {
        o.set_obj_flag(FILLS_WAIT, false);
        let waiting = WAITING.with(|w| w.borrow_mut().swap_remove(&o.id()));
        if let Some((_, fills)) = waiting {
            replay(ty, d, fills);
        }
    }
}

fn replay(ty: &TypeRef, d: &PyObj, fills: Vec<(usize, Fill)>) {
    crate::heap::gc_uncounted(|| {
        // The names set straight in, in order, with their latest values.
        let set = dict::items_hashed(d).unwrap_or_default();
        if !set.is_empty() {
            dict::clear(d).expect("a type's dict is not being changed");
        }
        let mut set = set.into_iter();
        let mut done = 0;
        for (at, f) in &fills {
            for (k, v, h) in set.by_ref().take(at.saturating_sub(done)) {
                dict::set_item(d, k, h, v, &mut dict::builtin_eq).expect("str keys");
            }
            done = done.max(*at);
            run(ty, d, f);
        }
        for (k, v, h) in set {
            dict::set_item(d, k, h, v, &mut dict::builtin_eq).expect("str keys");
        }
    });
}

fn run(ty: &TypeRef, d: &PyObj, f: &Fill) {
    match f {
        Fill::Operators(own) => super::slotdefs::add_operators(d, ty, own),
        Fill::Methods(defs) => super::put_methods(d, ty, defs),
        Fill::Getsets(defs) => super::put_getsets(d, ty, defs),
        Fill::Classmethods(defs) => super::put_classmethods(d, ty, defs),
        Fill::Put(put) => put(ty, d),
    }
}

/// Run every waiting fill now (for the leak check, which counts the objects start-up
/// leaves, and for glass's snapshots, which count objects by type).
pub fn fill_all() {
    loop {
        let next = WAITING.with(|w| w.borrow().values().last().map(|(t, _)| t.clone()));
        let Some(ty) = next else { break };
        let _ = super::type_dict(&ty);
    }
}
