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

use crate::heap::PyObj;
use crate::objects::descr::Instance;
use crate::objects::dicttable::{self, Keys};
use crate::objects::exception::ExcObj;
use crate::objects::{dict, string, typeobj};

use super::Vm;
use crate::heap::Payload;
use crate::objects::exceptions::VmResult;

/// The shared keys of `o`'s class, if its instances have them.
pub(crate) fn cached_keys(o: &PyObj) -> Option<Keys> {
    let ty = o.type_obj();
    typeobj::info(&ty).heap.as_ref()?.cached_keys.clone()
}

impl Vm {
    /// init_inline_values: a new instance of a class with shared keys gets its values
    /// block (and takes one slot back from the shared keys, as 3.11 does).
    pub(crate) fn init_instance_values(&mut self, o: &PyObj) {
        if o.vtable().type_id() != Instance::VTABLE.type_id() {
            return;
        }
        let (Some(slot), Some(keys)) = (o.values_slot(), cached_keys(o)) else {
            return;
        };
        if let Some(v) = dicttable::new_instance_values(&keys) {
            drop(slot.replace(Some(v)));
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
    /// `__dict__`), if there.
    pub(crate) fn instance_attr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<Option<PyObj>> {
        if let Some(slot) = o.values_slot() {
            if let Some(v) = slot.take() {
                // _PyObject_GetInstanceAttribute: by the key's entry number in the
                // class's shared keys (no count taken on the keys).
                let ty = o.type_obj();
                let keys = typeobj::info(&ty)
                    .heap
                    .as_ref()
                    .and_then(|h| h.cached_keys.as_ref());
                let found = match keys {
                    Some(k) if dicttable::exact_str(name) => Some(
                        dicttable::shared_index(k, name)
                            .and_then(|ix| v.entries().get(ix).cloned().flatten()),
                    ),
                    _ => None,
                };
                let has_keys = keys.is_some();
                slot.set(Some(v));
                if let Some(found) = found {
                    return Ok(found);
                }
                if has_keys {
                    // Any other name looks in a dict: make it.
                    self.values_to_dict(o);
                }
            }
        }
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

    /// `o.name = value` (or `del o.name` when value is None) in the instance's own
    /// namespace (CPython's _PyObject_StoreInstanceAttribute, then the dict). None if
    /// `o` has no managed `__dict__`; Some(false) if there was nothing to delete.
    pub(crate) fn instance_store(
        &mut self,
        o: &PyObj,
        name: &PyObj,
        value: Option<PyObj>,
    ) -> VmResult<Option<bool>> {
        if o.is_a::<ExcObj>() || o.pre_words().is_empty() {
            return Ok(None);
        }
        let name = &string::intern(name.clone());
        if let Some(slot) = o.values_slot() {
            if let Some(mut v) = slot.take() {
                let ty = o.type_obj();
                let keys = typeobj::info(&ty)
                    .heap
                    .as_ref()
                    .and_then(|h| h.cached_keys.as_ref());
                let ix = keys.and_then(|k| dicttable::shared_insert(k, name));
                let r = ix.map(|ix| dicttable::values_store(&mut v, ix, value.clone()));
                let has_keys = keys.is_some();
                slot.set(Some(v));
                match r {
                    Some(Ok(old)) => {
                        drop(old); // the values are back in their slot
                        return Ok(Some(true));
                    }
                    Some(Err(_)) if value.is_none() => return Ok(Some(false)),
                    _ => {}
                }
                if has_keys {
                    // Not a str, the shared keys are full: a dict from now on.
                    self.values_to_dict(o);
                }
            }
        }
        let d = match o.pre_words()[0].take() {
            Some(d) => d,
            None if value.is_none() => return Ok(Some(false)),
            None => match cached_keys(o) {
                // _PyObjectDict_SetItem: a split dict over the class's keys.
                Some(keys) => dict::new_split(&keys)?,
                None => dict::new(),
            },
        };
        o.pre_words()[0].set(Some(d.clone()));
        self.store_attr_in(&d, name, value).map(Some)
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
        if let Ok(mut f) = o.borrow_mut::<crate::objects::function::Function>() {
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
