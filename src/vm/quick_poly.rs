//! Polymorphic attribute sites (glasspy's own: CPython 3.11 has no such forms). A
//! LOAD_ATTR, STORE_ATTR or LOAD_METHOD whose monomorphic form meets an instance of
//! another class (under the same type epoch) becomes LOAD_ATTR_POLYMORPHIC,
//! STORE_ATTR_POLYMORPHIC or LOAD_METHOD_POLYMORPHIC: per class, up to POLY_WAYS of
//! them, the monomorphic form that class would have had and its cache fields, kept in
//! a row of the code object's `poly` table (the site's `Cache::index` names the row,
//! `Cache::tag` counts the entries, `Cache::version` is the type epoch they were
//! recorded under). The form finds the entry of the object's class and runs that
//! form's short path; a class with no entry is added while there is room, and spends
//! one of the site's misses when there is none (or its form is not one a row can
//! hold). When the epoch moves on, the entries are forgotten at the next miss and
//! refilled. A site that meets more classes than a row holds runs out of misses and
//! goes back to its adaptive form with quick.rs's exponential backoff, as any
//! specialized form does: a megamorphic site settles into the general path.
//!
//! Entries hold no references: a class by its address, valid while the epoch holds
//! (a class that dies moves the epoch on).

use std::cell::Cell;

use crate::bytecode::code::{Cache, PolyEntry, PolyRow, POLY_WAYS};
use crate::bytecode::Op;
use crate::heap::{PyObj, TypeRef};
use crate::objects::code::Code;
use crate::objects::dicttable::type_epoch;
use crate::objects::typeobj::TypeInfo;

use super::quick::{self, cache, miss, specialize, STATIC_OWN};
use super::quick_attr;
use super::Vm;

/// The polymorphic form of a family.
fn poly_form(family: Op) -> Option<Op> {
    match family {
        Op::LOAD_ATTR => Some(Op::LOAD_ATTR_POLYMORPHIC),
        Op::STORE_ATTR => Some(Op::STORE_ATTR_POLYMORPHIC),
        Op::LOAD_METHOD => Some(Op::LOAD_METHOD_POLYMORPHIC),
        _ => None,
    }
}

/// Can a row hold this monomorphic form? Those keyed by the instance's class alone.
fn row_kind(op: Op) -> bool {
    matches!(
        op,
        Op::LOAD_ATTR_INSTANCE_VALUE
            | Op::LOAD_ATTR_SLOT
            | Op::LOAD_ATTR_WITH_HINT
            | Op::STORE_ATTR_INSTANCE_VALUE
            | Op::STORE_ATTR_SLOT
            | Op::STORE_ATTR_WITH_HINT
            | Op::LOAD_METHOD_WITH_VALUES
            | Op::LOAD_METHOD_NO_DICT
            | Op::LOAD_METHOD_LAZY_DICT
            | Op::LOAD_METHOD_WITH_DICT
    )
}

/// LOAD_ATTR_POLYMORPHIC at `at`: Err when `obj`'s class has no entry, else what
/// the entry's form found (None: that form's guard failed). Out of line, so that the
/// monomorphic forms' paths stay inlined in the eval loop. The entry was found by
/// `obj`'s class under the current type epoch: that is the guard of
/// LOAD_ATTR_INSTANCE_VALUE, whose value is read here directly.
#[inline(never)]
pub(super) fn load_attr(
    code: &Code,
    at: usize,
    obj: &PyObj,
    name: &PyObj,
) -> Result<Option<PyObj>, ()> {
    let (e, _) = entry(code, at, obj).ok_or(())?;
    Ok(match e.op {
        Op::LOAD_ATTR_INSTANCE_VALUE => obj
            .values_slot()
            .and_then(|s| crate::heap::table::values_entry(s, e.index as usize)),
        Op::LOAD_ATTR_SLOT => quick_attr::slot_value(obj, &as_cache(&e)),
        _ => quick_attr::hint_value(obj, &as_cache(&e), name),
    })
}

/// STORE_ATTR_POLYMORPHIC at `at`: Err when `obj`'s class has no entry, else whether
/// the entry's form stored `v`.
#[inline(never)]
pub(super) fn store_attr(
    code: &Code,
    at: usize,
    obj: &PyObj,
    name: &PyObj,
    v: &PyObj,
) -> Result<bool, ()> {
    let (e, _) = entry(code, at, obj).ok_or(())?;
    let v = v.clone();
    let r = match e.op {
        Op::STORE_ATTR_INSTANCE_VALUE => quick::store_values_at(obj, e.index as usize, v),
        Op::STORE_ATTR_SLOT => quick_attr::store_slot(obj, &as_cache(&e), v),
        _ => quick_attr::store_hint(obj, &as_cache(&e), name, v),
    };
    Ok(r.is_ok())
}

/// LOAD_METHOD_POLYMORPHIC at `at`: Err when `obj`'s class has no entry, else the
/// method the entry's form found. The entry's class and epoch are its forms' common
/// guard; a form without a dict to ask answers here from the method the entry keeps
/// (or the type cache's pinned one), the rest through `method_general`.
#[inline(never)]
pub(super) fn load_method(
    code: &Code,
    at: usize,
    obj: &PyObj,
    name: &PyObj,
    tc: &mut super::ops::TypeCache,
) -> Result<Option<PyObj>, ()> {
    let (e, k) = entry(code, at, obj).ok_or(())?;
    if e.tag == STATIC_OWN {
        // Only a LOAD_METHOD_NO_DICT entry is so marked.
        return Ok(tc.static_method(e.index, obj));
    }
    if e.op != Op::LOAD_METHOD_WITH_DICT {
        if !quick::method_form_holds(obj, e.op) {
            return Ok(None);
        }
        if let Some(m) = quick::kept_method(e.attr, &e.method) {
            return Ok(Some(m));
        }
    }
    Ok(method_general(code, at, obj, &e, k, name, tc))
}

/// `load_method` through `quick::cached_method`: a LOAD_METHOD_WITH_DICT entry, or a
/// kept method that no longer answers (read again and kept in the entry).
#[inline(never)]
fn method_general(
    code: &Code,
    at: usize,
    obj: &PyObj,
    e: &PolyEntry,
    k: usize,
    name: &PyObj,
    tc: &mut super::ops::TypeCache,
) -> Option<PyObj> {
    let c = as_cache(e);
    // The entry keeps the method it found, as a monomorphic site's cache does. The
    // cache is made here and read as made; `kept` receives a new one (key non-zero)
    // only when the kept method is read again. (Copied whole into a cell and reloaded,
    // the cache's narrow fields, just stored apart, were read back as one word: a load
    // the processor cannot forward from those stores.)
    let kept = Cell::new(Cache::default());
    let m = quick::cached_method(obj, &c, &kept, e.op, name, tc);
    let now = kept.get();
    if now.key != 0 && now.attr != c.attr {
        if let Ok(mut rows) = code.poly.try_borrow_mut() {
            let entry = &mut rows[cache(code, at).index as usize].entries[k];
            entry.attr = now.attr;
            entry.method = now.method;
        }
    }
    m
}

/// The entry of `obj`'s class in site `at`'s row, and its place in the row; None
/// when the epoch moved on or the class has none.
#[inline(always)]
fn entry(code: &Code, at: usize, obj: &PyObj) -> Option<(PolyEntry, usize)> {
    let c = quick::cache_cell(code, at)?.get();
    if type_epoch() != c.version {
        return None;
    }
    let key = obj.type_addr();
    let rows = code.poly.try_borrow().ok()?;
    let row = rows.get(c.index as usize)?;
    let k = row.entries[..c.tag as usize]
        .iter()
        .position(|e| e.key == key)?;
    Some((row.entries[k], k))
}

/// The monomorphic form's cache an entry stands for (read while the type epoch the
/// entry was found under holds).
fn as_cache(e: &PolyEntry) -> Cache {
    Cache {
        index: e.index,
        tag: e.tag,
        version: type_epoch(),
        key: e.key,
        attr: e.attr,
        method: e.method,
        ..Cache::default()
    }
}

/// The row of site `at`, made if it has none yet.
fn row_of(code: &Code, at: usize) -> Option<usize> {
    let mut rows = code.poly.try_borrow_mut().ok()?;
    if let Some(i) = rows.iter().position(|r| r.site == at as u32) {
        return Some(i);
    }
    rows.push(PolyRow {
        site: at as u32,
        ..PolyRow::default()
    });
    Some(rows.len() - 1)
}

/// Put `(op, c)` as entry `k` of row `row`.
fn set_entry(code: &Code, row: usize, k: usize, op: Op, c: &Cache) {
    if let Ok(mut rows) = code.poly.try_borrow_mut() {
        rows[row].entries[k] = PolyEntry {
            key: c.key,
            index: c.index,
            tag: c.tag,
            op,
            ..PolyEntry::default()
        };
    }
}

impl Vm {
    /// The monomorphic form `family` would take for `obj`, if a row can hold it and
    /// it was chosen under `epoch` for `obj`'s class.
    fn row_choice(
        &mut self,
        family: Op,
        obj: &PyObj,
        name: &PyObj,
        epoch: u64,
    ) -> Option<(Op, Cache)> {
        if TypeRef::from_obj::<TypeInfo>(obj).is_some() {
            return None;
        }
        let choice = match family {
            Op::LOAD_ATTR => self.choose_load_attr(obj, name),
            Op::STORE_ATTR => self.choose_store_attr(obj, name),
            _ => self.choose_load_method(obj, name),
        };
        choice.filter(|(op, c)| row_kind(*op) && c.key == obj.type_addr() && type_epoch() == epoch)
    }

    /// Monomorphic form `op` at `at` missed: when the object on top is of another
    /// class than the cached one (same epoch) and that class has a form a row holds,
    /// the site becomes polymorphic with both. True when it did.
    #[cold]
    #[inline(never)]
    pub(super) fn go_polymorphic(&mut self, code: &Code, at: usize, op: Op, arg: u32) -> bool {
        if !row_kind(op) {
            return false;
        }
        let Some(form) = poly_form(op.deopt()) else {
            return false;
        };
        let c = cache(code, at);
        let epoch = type_epoch();
        let Some(obj) = self.stack.last().cloned() else {
            return false;
        };
        if c.version != epoch || obj.type_addr() == c.key {
            return false;
        }
        let name = code.names[arg as usize].clone();
        let Some((op2, c2)) = self.row_choice(op.deopt(), &obj, &name, epoch) else {
            return false;
        };
        let Some(row) = row_of(code, at) else {
            return false;
        };
        set_entry(code, row, 0, op, &c);
        set_entry(code, row, 1, op2, &c2);
        let site = Cache {
            index: row as u32,
            tag: 2,
            version: epoch,
            ..Cache::default()
        };
        specialize(code, at, form, site);
        true
    }

    /// Polymorphic form at `at` found no entry for the object on top: forget the
    /// entries if the epoch moved on (a miss), then add the object's class while the
    /// row has room; with none, or no form for that class, spend a miss.
    #[cold]
    #[inline(never)]
    pub(super) fn poly_miss(&mut self, code: &Code, at: usize, arg: u32) {
        let form = code.instrs[at].get().op;
        let family = form.deopt();
        let epoch = type_epoch();
        let mut c = cache(code, at);
        let stale = c.version != epoch;
        if stale {
            miss(code, at);
            if code.instrs[at].get().op != form {
                return; // back to the adaptive form
            }
            c = cache(code, at);
            c.tag = 0;
            c.version = epoch;
            set_cache(code, at, c);
        }
        let k = c.tag as usize;
        if k < POLY_WAYS {
            if let Some(obj) = self.stack.last().cloned() {
                let name = code.names[arg as usize].clone();
                if let Some((op, e)) = self.row_choice(family, &obj, &name, epoch) {
                    set_entry(code, c.index as usize, k, op, &e);
                    c.tag += 1;
                    set_cache(code, at, c);
                    return;
                }
            }
        }
        if !stale {
            miss(code, at);
        }
    }
}

/// Replace the cache of instruction `at`, keeping the instruction.
fn set_cache(code: &Code, at: usize, c: Cache) {
    if let Some(caches) = code.caches.get() {
        caches[at].set(c);
    }
}
