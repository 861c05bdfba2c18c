//! Instance attributes in CPython 3.11's split-keys layout. A class whose instances
//! have a managed `__dict__` keeps a shared str-keys object (`HeapType::cached_keys`,
//! CPython's ht_cached_keys: at most 30 keys). Each instance made by object.__new__
//! gets a values block in its pre-header's values slot, one slot per key the shared
//! keys can hold, and no dict object: attribute load and store find the value by the
//! key's entry number in the shared keys (which a later inline cache can keep, with
//! the keys' version). Asking for `obj.__dict__` moves the values into a dict that
//! shares the class's keys (a split dict). Storing a key that does not fit (not a str,
//! or the shared keys are full) does the same first; the dict then becomes combined as
//! CPython's does.

use crate::heap::{PyObj, TypeRef};
use crate::objects::dicttable::{self, Keys};
use crate::objects::exception::ExcObj;
use crate::objects::{dict, string, typeobj};

use super::Vm;
use crate::objects::exceptions::VmResult;

/// The shared keys of `o`'s class, if its instances have them.
pub(crate) fn cached_keys(o: &PyObj) -> Option<Keys> {
    let ty = o.type_obj();
    keys_of(&ty).cloned()
}

/// The shared keys of the class `ty`, by reference (no count taken on them).
#[inline]
fn keys_of(ty: &TypeRef) -> Option<&Keys> {
    typeobj::info(ty).heap.as_ref()?.cached_keys.as_ref()
}

impl Vm {
    /// init_inline_values: `o`, an instance of the class `ty` just made by
    /// object.__new__ (its values slot empty), gets its values block if the class has
    /// shared keys (and takes one slot back from them, as 3.11 does); the keys are
    /// read in place.
    #[inline]
    pub(crate) fn init_values_of(o: &PyObj, ty: &TypeRef) {
        let (Some(slot), Some(keys)) = (o.values_slot(), keys_of(ty)) else {
            return;
        };
        if let Some(v) = dicttable::new_instance_values(keys) {
            slot.set(Some(v));
        }
    }

    /// Move an instance's values into a dict of its own (sharing the class's keys),
    /// which becomes its `__dict__`. None if it keeps no values apart.
    fn values_to_dict(&mut self, o: &PyObj) -> Option<PyObj> {
        let slot = o.values_slot()?;
        let keys = cached_keys(o)?;
        let v = slot.take()?;
        let d = dict::from_values(&keys, v);
        let w = o.pre_words().first()?;
        drop(w.replace(Some(d.clone())));
        Some(d)
    }

    /// The value of attribute `name` in the instance's own namespace (its values or its
    /// `__dict__`), if there; `ty` is `o`'s class.
    #[inline]
    pub(crate) fn instance_attr_of(
        &mut self,
        o: &PyObj,
        ty: &TypeRef,
        name: &PyObj,
    ) -> VmResult<Option<PyObj>> {
        if let Some(slot) = o.values_slot() {
            if let Some(v) = slot.take() {
                // _PyObject_GetInstanceAttribute: by the key's entry number in the
                // class's shared keys (no count taken on the keys).
                let Some(keys) = keys_of(ty) else {
                    slot.set(Some(v));
                    return self.instance_dict_get(o, name);
                };
                let Some(hash) = string::exact_hash(name) else {
                    // Any other name looks in a dict: make it.
                    slot.set(Some(v));
                    self.values_to_dict(o);
                    return self.instance_dict_get(o, name);
                };
                let found = dicttable::shared_index_hashed(keys, name, hash)
                    .and_then(|ix| v.entries().get(ix).cloned().flatten());
                slot.set(Some(v));
                return Ok(found);
            }
        }
        self.instance_dict_get(o, name)
    }

    /// Is `name` in the instance's own namespace? (`instance_attr_of` without the value.)
    #[inline]
    pub(crate) fn instance_has_attr(
        &mut self,
        o: &PyObj,
        ty: &TypeRef,
        name: &PyObj,
    ) -> VmResult<bool> {
        if let Some(slot) = o.values_slot() {
            if let Some(v) = slot.take() {
                if let (Some(keys), Some(hash)) = (keys_of(ty), string::exact_hash(name)) {
                    let found = dicttable::shared_index_hashed(keys, name, hash)
                        .is_some_and(|ix| v.entries().get(ix).is_some_and(Option::is_some));
                    slot.set(Some(v));
                    return Ok(found);
                }
                slot.set(Some(v));
            }
        }
        Ok(self.instance_attr_of(o, ty, name)?.is_some())
    }

    /// `name` in the instance's `__dict__`, if it has one.
    fn instance_dict_get(&mut self, o: &PyObj, name: &PyObj) -> VmResult<Option<PyObj>> {
        match self.instance_dict(o, false) {
            Some(d) => self.dict_get(&d, name),
            None => Ok(None),
        }
    }

    /// The class's keys, when `o` keeps its values apart (no dict object yet).
    pub(crate) fn values_keys(&mut self, o: &PyObj) -> Option<Keys> {
        let slot = o.values_slot()?;
        let v = slot.take()?;
        slot.set(Some(v));
        cached_keys(o)
    }

    /// Has `o` a managed `__dict__` that `instance_store_of` can store in? (Not an
    /// exception, whose dict is its own.)
    #[inline]
    pub(crate) fn has_managed_dict(o: &PyObj) -> bool {
        !o.pre_words().is_empty() && !o.is_a::<ExcObj>()
    }

    /// `o.name = value` (or `del o.name` when value is None) in the instance's own
    /// namespace (CPython's _PyObject_StoreInstanceAttribute, then the dict), for an `o`
    /// that has a managed `__dict__` (`has_managed_dict`) and whose class is `ty`.
    /// False if there was nothing to delete.
    pub(crate) fn instance_store_of(
        &mut self,
        o: &PyObj,
        ty: &TypeRef,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<bool> {
        let interned;
        let name = if string::is_interned(name) {
            name
        } else {
            interned = string::intern(name.clone());
            &interned
        };
        if let Some(slot) = o.values_slot() {
            if let Some(mut v) = slot.take() {
                let Some(keys) = keys_of(ty) else {
                    slot.set(Some(v));
                    return self.dict_store(o, None, name, value);
                };
                match dicttable::shared_insert(keys, name) {
                    Some(ix) if ix < v.len() => {
                        let r = dicttable::values_store(&mut v, ix, value);
                        slot.set(Some(v));
                        // The old value goes once the values are back in their slot.
                        return Ok(r.is_ok());
                    }
                    Some(_) if value.is_none() => {
                        // A key this instance's values have no room for: not here.
                        slot.set(Some(v));
                        return Ok(false);
                    }
                    _ => {
                        // Not a str, the shared keys are full, or a key this
                        // instance's values have no room for: a dict from now on.
                        slot.set(Some(v));
                        self.values_to_dict(o);
                        return self.dict_store(o, Some(keys), name, value);
                    }
                }
            }
        }
        let keys = keys_of(ty);
        self.dict_store(o, keys, name, value)
    }

    /// Store (or delete) `name` in `o`'s `__dict__`, making it if needed (a split dict
    /// over `keys`, the class's shared keys, when there are some).
    fn dict_store(
        &mut self,
        o: &PyObj,
        keys: Option<&Keys>,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<bool> {
        let d = match o.pre_words()[0].take() {
            Some(d) => d,
            None if value.is_none() => return Ok(false),
            None => match keys {
                // _PyObjectDict_SetItem: a split dict over the class's keys.
                Some(keys) => dict::new_split(keys)?,
                None => dict::new(),
            },
        };
        o.pre_words()[0].set(Some(d.clone()));
        self.store_attr_in(&d, name, value)
    }

    /// `obj.__dict__` (PyObject_GenericGetDict): the instance's dict, made from its
    /// values, or a new empty dict if it had neither.
    pub(crate) fn materialize_dict(&mut self, o: &PyObj) -> Option<PyObj> {
        if o.is_a::<ExcObj>() {
            return self.instance_dict(o, true);
        }
        let w = o.pre_words().first()?;
        if let Some(d) = w.take() {
            w.set(Some(d.clone()));
            return Some(d);
        }
        if let Some(d) = self.values_to_dict(o) {
            return Some(d);
        }
        let d = dict::new();
        w.set(Some(d.clone()));
        Some(d)
    }

    /// `obj.__dict__ = value` (None: `del obj.__dict__`): the values go, the dict is
    /// replaced.
    pub(crate) fn set_instance_dict(&mut self, o: &PyObj, value: Option<PyObj>) {
        let old_values = o.values_slot().and_then(|s| s.take());
        let old = o.pre_words().first().map(|w| w.replace(value));
        drop((old_values, old));
    }

    /// The instance `__dict__` of `o` if it has one (None: it has none, or keeps its
    /// values apart, or its class gives its instances none). `create` makes an empty
    /// one if missing (for exceptions, which keep a dict of their own).
    pub(crate) fn instance_dict(&mut self, o: &PyObj, create: bool) -> Option<PyObj> {
        if let Ok(mut e) = o.borrow_mut::<ExcObj>() {
            if e.dict.is_none() && !create {
                return None;
            }
            return Some(e.dict.get_or_insert_with(dict::new).clone());
        }
        if let Some(func) = o.get::<crate::objects::function::Function>() {
            let mut f = func.state_mut()?;
            if f.dict.is_none() && !create {
                return None;
            }
            return Some(f.dict.get_or_insert_with(dict::new).clone());
        }
        let w = o.pre_words().first()?;
        let d = match w.take() {
            Some(d) => d,
            None if create => match cached_keys(o) {
                Some(keys) => dict::new_split(&keys).ok()?,
                None => dict::new(),
            },
            None => return None,
        };
        w.set(Some(d.clone()));
        Some(d)
    }
}
