//! A class's shared keys and its instances' values (CPython 3.11's split dicts): the
//! keys object a class shares with its instances, and the values block each instance
//! keeps (dicttable.rs has the tables themselves).

use std::mem;

use crate::heap::table::{Entries, EntriesMut};
use crate::heap::PyObj;
use crate::objects::string;

use super::{
    bump_type_epoch, empty_slot_in, index_width, new_keys, new_values, next_slot, order_push,
    order_remove, probe_in, set_slot_in, Keys, Kind, Probe, Values, EMPTY, LOG_SHARED_SIZE,
    SHARED_KEYS_MAX_SIZE,
};

/// _PyDict_NewKeysForClass: 64 slots of str keys, of which 30 may be used.
pub fn new_class_keys() -> Option<Keys> {
    let k = new_keys(LOG_SHARED_SIZE, Kind::Split)?;
    // "Max size + 1": the first instance takes one back.
    k.borrow_mut().ok()?.header_mut().usable = SHARED_KEYS_MAX_SIZE as u32;
    Some(k)
}

/// shared_keys_usable_size: values slots a new split dict of these keys gets.
pub fn shared_size(keys: &Keys) -> usize {
    keys.borrow()
        .map_or(0, |t| (t.header().nentries + t.header().usable) as usize)
}

/// init_inline_values: the values of a new instance. Each instance takes one slot
/// back from the shared keys (3.11), down to one left.
pub fn new_instance_values(keys: &Keys) -> Option<Values> {
    let size = {
        let mut t = keys.borrow_mut().ok()?;
        let h = t.header_mut();
        if h.usable > 1 {
            h.usable -= 1;
        }
        (h.nentries + h.usable) as usize
    };
    new_values(size.max(1))
}

/// The entry number of the str `name` in the shared keys, if present
/// (_PyDictKeys_StringLookup).
#[inline]
pub fn shared_index(keys: &Keys, name: &PyObj) -> Option<usize> {
    let hash = string::exact_hash(name)?;
    shared_index_hashed(keys, name, hash)
}

/// `shared_index` for an exact str `name` of hash `hash`. A class's shared keys are
/// str keys in 64 one-byte slots; two interned strs are equal only if they are the
/// same object (the intern table holds one str per text), so names and keys that are
/// both interned, as attribute names are, are told apart without a look at their text.
#[inline]
pub fn shared_index_hashed(keys: &Keys, name: &PyObj, hash: i64) -> Option<usize> {
    let t = keys.borrow().ok()?;
    if t.header().kind == Kind::General {
        return None;
    }
    if t.header().log2_size != LOG_SHARED_SIZE {
        return match by_width!(t.header().log2_size, probe_in(&t, name, hash, None)) {
            Probe::Found(ix) => Some(ix),
            _ => None,
        };
    }
    let Entries::B(entries) = t.entries() else {
        return None;
    };
    let idx = t.ints::<i8>();
    let interned = string::is_interned(name);
    let mask = idx.len() - 1;
    let (mut i, mut perturb) = (hash as usize & mask, hash as u64);
    loop {
        let ix = idx[i] as i64;
        if ix >= 0 {
            if let Some(k) = &entries[ix as usize].key {
                if k.is(name)
                    || (!(interned && string::is_interned(k))
                        && string::hash(k) == Some(hash)
                        && string::eq(k, name))
                {
                    return Some(ix as usize);
                }
            }
        } else if ix == EMPTY {
            return None;
        }
        i = next_slot(i, &mut perturb, mask);
    }
}

/// insert_into_dictkeys: the entry number of `name` in the shared keys, adding it if
/// there is room. None: not a str, or the keys are full.
#[inline]
pub fn shared_insert(keys: &Keys, name: &PyObj) -> Option<usize> {
    let hash = string::exact_hash(name)?;
    if let Some(ix) = shared_index_hashed(keys, name, hash) {
        return Some(ix);
    }
    shared_add(keys, name, hash)
}

/// Add the absent str `name` (hash `hash`) to the shared keys, if there is room.
#[inline(never)]
fn shared_add(keys: &Keys, name: &PyObj, hash: i64) -> Option<usize> {
    let mut t = keys.borrow_mut().ok()?;
    if t.header().usable == 0 {
        return None;
    }
    t.header().tag.set(0);
    let slot = empty_slot_in(&mut t, hash);
    let ix = t.header().nentries as usize;
    set_slot_in(&mut t, slot, ix as i64);
    let (h, _, entries) = t.parts_mut::<i8>();
    if let EntriesMut::B(e) = entries {
        e[ix].key = Some(name.clone());
    }
    h.usable -= 1;
    h.nentries += 1;
    // A class's instances gained a shared key: inline caches that rely on a name not
    // being one of them (LOAD_METHOD_WITH_VALUES) must look again.
    bump_type_epoch();
    Some(ix)
}

/// The key of each entry of shared keys, in entry order (None where deleted): the
/// attribute names of the instances' values, for `glass.graph`.
pub fn shared_names(keys: &Keys) -> Vec<Option<PyObj>> {
    let Ok(t) = keys.borrow() else {
        return Vec::new();
    };
    let n = t.header().nentries as usize;
    match t.entries() {
        Entries::B(e) => e.iter().take(n).map(|x| x.key.clone()).collect(),
        Entries::A(_) => Vec::new(),
    }
}

/// Entries used in the shared keys.
pub fn shared_nentries(keys: &Keys) -> usize {
    keys.borrow().map_or(0, |t| t.header().nentries as usize)
}

/// There was no value to delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoValue;

/// Store (Some) or delete (None) the value at entry `ix` of an instance's values,
/// keeping their insertion order. The old value comes back; deleting a missing value
/// is an error.
pub fn values_store(
    v: &mut Values,
    ix: usize,
    value: Option<PyObj>,
) -> Result<Option<PyObj>, NoValue> {
    if ix >= v.len() {
        return Err(NoValue);
    }
    let deleting = value.is_none();
    let old = mem::replace(&mut v.entries_mut()[ix], value);
    match (&old, deleting) {
        (None, true) => return Err(NoValue),
        (None, false) => order_push(v, ix),
        (Some(_), true) => order_remove(v, ix),
        (Some(_), false) => {}
    }
    Ok(old)
}
