//! Quickening, continued (quick.rs has the counters and the first forms): attribute
//! forms that find the value somewhere other than the instance's values. A
//! `__slots__` word (LOAD_ATTR_SLOT, STORE_ATTR_SLOT), the instance's own `__dict__`
//! at the entry the name was last seen at (the *_WITH_HINT forms), the class itself
//! (LOAD_ATTR_CLASS, LOAD_METHOD_CLASS) and a property whose getter is a Python
//! function (LOAD_ATTR_PROPERTY, which pushes the getter's frame in the same loop).
//!
//! The guards are quick.rs's: the type (or, for a class, the class itself) by address
//! with the type epoch, so where the name is found along the MRO and what kind of
//! object sits there hold while they match. A hint is checked by the key found at
//! that entry of the dict (the same interned name object).

use crate::bytecode::code::flags;
use crate::bytecode::code::Cache;
use crate::bytecode::Op;
use std::cell::Cell;

use crate::heap::{PyObj, TypeRef};
use crate::objects::code::Code;
use crate::objects::descr::{Descr, DescrKind, Property};
use crate::objects::dicttable::{type_epoch, Probe};
use crate::objects::exception::ExcObj;
use crate::objects::exceptions::VmResult;
use crate::objects::function::Function;
use crate::objects::module::Module;
use crate::objects::typeobj::TypeInfo;
use crate::objects::{dict, string};

use super::call::Flow;
use super::quick::{self, cache, generic_getattro, is_dunder, module_entry, plain_class_value};
use super::Vm;

/// Is `f` a Python function that takes exactly `n` positional parameters and
/// nothing else, and makes no generator (its frame can be pushed as it is)?
pub(super) fn plain_function(f: &PyObj, n: usize) -> bool {
    let Some(func) = crate::objects::function::state(f) else {
        return false;
    };
    let Some(c) = func.code.get::<Code>() else {
        return false;
    };
    // Generators, coroutines and async generators (CPython's co_flags bits).
    const MAKES_OBJECT: u32 = flags::GENERATOR | 0x80 | 0x100 | 0x200;
    c.argcount as usize == n
        && c.kwonlyargcount == 0
        && c.flags & (flags::VARARGS | flags::VARKEYWORDS | MAKES_OBJECT) == 0
}

/// A cache naming type `ty` (by address, with the epoch) and a word or entry.
fn type_cache(ty: &TypeRef, index: u32, tag: u8) -> Cache {
    Cache {
        index,
        tag,
        version: type_epoch(),
        key: ty.id(),
        ..Cache::default()
    }
}

/// The dict in `obj`'s `__dict__` word, if one is made.
fn dict_word(obj: &PyObj) -> Option<PyObj> {
    PyObj::clone_from_slot(obj.pre_words().first()?)
}

impl Vm {
    /// LOAD_ATTR on something other than a values-keeping instance or a module:
    /// a class, a slot, a property, an instance with a dict of its own.
    pub(super) fn specialize_load_attr_other(
        &mut self,
        obj: &PyObj,
        name: &PyObj,
    ) -> Option<(Op, Cache)> {
        if !string::is_interned(name) || is_dunder(name) {
            return None;
        }
        if let Some(cls) = TypeRef::from_obj::<TypeInfo>(obj) {
            let c = self.class_attr_cache(obj, &cls, name, false)?;
            return Some((Op::LOAD_ATTR_CLASS, c));
        }
        if !obj.vtable().heap_type || obj.is_a::<Module>() || obj.is_a::<ExcObj>() {
            return None;
        }
        let ty = obj.type_obj();
        if !generic_getattro(&ty) {
            return None;
        }
        let (found, place) = self.type_lookup_at(&ty, name)?;
        if let Some(d) = &found {
            if let Some(ds) = d.get::<Descr>() {
                return match ds.kind {
                    DescrKind::Slot(i) => {
                        let c = type_cache(&ty, i as u32, 0);
                        Some((Op::LOAD_ATTR_SLOT, c))
                    }
                    _ => None,
                };
            }
            if let Ok(p) = d.borrow::<Property>() {
                let fget = p.fget.clone()?;
                drop(p);
                let (index, pos) = place?;
                if index > 255 || !plain_function(&fget, 1) {
                    return None;
                }
                return Some((Op::LOAD_ATTR_PROPERTY, type_cache(&ty, pos, index as u8)));
            }
            if self.is_data_descr(d).ok()? {
                return None;
            }
        }
        // The instance's own dict (values kept apart are LOAD_ATTR_INSTANCE_VALUE's).
        if self.values_keys(obj).is_some() {
            return None;
        }
        let e = module_entry(&dict_word(obj)?, name)?;
        Some((Op::LOAD_ATTR_WITH_HINT, type_cache(&ty, e.index, 0)))
    }

    /// STORE_ATTR on an instance of a class with generic setattro whose value does
    /// not go into kept-apart values: a slot, or its own dict.
    pub(super) fn specialize_store_attr_other(
        &mut self,
        obj: &PyObj,
        name: &PyObj,
    ) -> Option<(Op, Cache)> {
        if !string::is_interned(name)
            || is_dunder(name)
            || obj.is_a::<Module>()
            || obj.is_a::<ExcObj>()
        {
            return None;
        }
        let ty = obj.type_obj();
        let (found, _) = self.type_lookup_at(&ty, name)?;
        if let Some(d) = &found {
            if let Some(ds) = d.get::<Descr>() {
                return match ds.kind {
                    DescrKind::Slot(i) => Some((Op::STORE_ATTR_SLOT, type_cache(&ty, i as u32, 0))),
                    _ => None,
                };
            }
            if self.is_data_descr(d).ok()? {
                return None;
            }
        }
        if self.values_keys(obj).is_some() {
            return None;
        }
        let e = module_entry(&dict_word(obj)?, name)?;
        Some((Op::STORE_ATTR_WITH_HINT, type_cache(&ty, e.index, 0)))
    }

    /// `cls.name` on a class whose metaclass is `type` itself, when the name is
    /// not an attribute of `type` and is found along the class's MRO as a function
    /// (or, unless `method`, a plain value): where it was found, keyed by the class.
    pub(super) fn class_attr_cache(
        &mut self,
        obj: &PyObj,
        cls: &TypeRef,
        name: &PyObj,
        method: bool,
    ) -> Option<Cache> {
        let tt = self.ctx.type_type.clone();
        if !obj.is_type(&tt) || !string::is_interned(name) || is_dunder(name) {
            return None;
        }
        if self.type_lookup(&tt, name).ok()?.is_some() {
            return None;
        }
        let (Some(v), Some((index, pos))) = self.type_lookup_at(cls, name)? else {
            return None;
        };
        let kind_ok = v.is_a::<Function>() || (!method && plain_class_value(Some(&v)));
        if index > 255 || !kind_ok {
            return None;
        }
        Some(Cache {
            index: pos,
            tag: index as u8,
            version: type_epoch(),
            key: obj.id(),
            ..Cache::default()
        })
    }

    /// BINARY_SUBSCR on an instance of a class whose `__getitem__` is a Python
    /// function of two parameters: where it is along the MRO.
    pub(super) fn getitem_cache(&mut self, obj: &PyObj) -> Option<Cache> {
        if !obj.vtable().heap_type || TypeRef::from_obj::<TypeInfo>(obj).is_some() {
            return None;
        }
        let ty = obj.type_obj();
        let name = string::intern_str("__getitem__");
        let (Some(f), Some((index, pos))) = self.type_lookup_at(&ty, &name)? else {
            return None;
        };
        if index > 255 || !plain_function(&f, 2) {
            return None;
        }
        Some(type_cache(&ty, pos, index as u8))
    }

    /// BINARY_SUBSCR_GETITEM: push `__getitem__`'s frame with the container and the
    /// key as its arguments. None when the guard fails.
    #[inline(never)]
    pub(super) fn subscr_getitem(
        &mut self,
        fi: usize,
        code: &Code,
        at: usize,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let c = cache(code, at);
        let first = self.stack.len() - 2;
        let obj = &self.stack[first];
        if obj.type_addr() != c.key || type_epoch() != c.version {
            return Ok(None);
        }
        let ty = obj.type_obj();
        let f = self.type_cache.fetch(&ty, c.tag as usize, c.index as usize);
        let Some(f) = f.filter(|f| plain_function(f, 2)) else {
            return Ok(None);
        };
        self.frames[fi].ip = ip;
        // (f obj key): the frame holds `__getitem__` below its arguments.
        self.stack.insert(first, f);
        self.push_frame_in_place(first, first + 1)?;
        Ok(Some(Flow::Switch))
    }

    /// LOAD_ATTR_PROPERTY: push the getter's frame with the object as its argument.
    /// None when the guard fails.
    #[inline(never)]
    pub(super) fn load_attr_property(
        &mut self,
        fi: usize,
        code: &Code,
        at: usize,
        ip: usize,
    ) -> VmResult<Option<Flow>> {
        let c = cache(code, at);
        let obj = self.stack.last().expect("value stack underflow");
        if obj.type_addr() != c.key || type_epoch() != c.version {
            return Ok(None);
        }
        let ty = obj.type_obj();
        let Some(prop) = self.type_cache.fetch(&ty, c.tag as usize, c.index as usize) else {
            return Ok(None);
        };
        let fget = match prop.borrow::<Property>() {
            Ok(p) => p.fget.clone(),
            Err(_) => None,
        };
        let Some(fget) = fget.filter(|f| plain_function(f, 1)) else {
            return Ok(None);
        };
        self.frames[fi].ip = ip;
        let first = self.stack.len() - 1;
        // (fget obj): the frame holds the getter below its argument.
        self.stack.insert(first, fget);
        self.push_frame_in_place(first, first + 1)?;
        Ok(Some(Flow::Switch))
    }
}

/// A `__slots__` value through its cache (None: the guard failed or the slot is
/// empty, which the general path reports).
#[inline]
pub(super) fn slot_value(obj: &PyObj, c: &Cache) -> Option<PyObj> {
    if obj.type_addr() != c.key || type_epoch() != c.version {
        return None;
    }
    PyObj::clone_from_slot(obj.words().get(c.index as usize)?)
}

/// Store a `__slots__` value through its cache; the value back when the guard fails.
#[inline]
pub(super) fn store_slot(obj: &PyObj, c: &Cache, v: PyObj) -> Result<(), PyObj> {
    if obj.type_addr() != c.key || type_epoch() != c.version {
        return Err(v);
    }
    let Some(w) = obj.words().get(c.index as usize) else {
        return Err(v);
    };
    drop(w.replace(Some(v)));
    Ok(())
}

/// The value in the instance's own dict at the hinted entry, if the key there is
/// still `name`.
#[inline]
pub(super) fn hint_value(obj: &PyObj, c: &Cache, name: &PyObj) -> Option<PyObj> {
    if obj.type_addr() != c.key || type_epoch() != c.version {
        return None;
    }
    let d = dict_word(obj)?;
    let b = dict::borrow(&d)?;
    b.0.value_if_key(c.index as usize, name)
}

/// Does `obj`'s own dict (made, str keys only) lack `name`? The guard of
/// LOAD_METHOD_WITH_DICT: the look-up generic getattr makes in the instance's dict
/// before it takes the class's method, found empty.
#[inline]
pub(super) fn dict_lacks(obj: &PyObj, name: &PyObj) -> bool {
    dict_word(obj).is_some_and(|d| table_lacks(&d, name))
}

/// Whether dict `d` has str keys only and no key `name`: a str-keys table compares
/// str keys without Python code, so Missing is the answer.
#[inline]
fn table_lacks(d: &PyObj, name: &PyObj) -> bool {
    let Some(h) = string::cached_hash(name).or_else(|| string::hash(name)) else {
        return false;
    };
    let Some(b) = dict::borrow(d) else {
        return false;
    };
    b.0.is_unicode() && matches!(b.0.probe(name, h, None), Probe::Missing)
}

/// `dict_lacks` for LOAD_METHOD_WITH_DICT, remembering in `cell` (whose contents are
/// `c`) the version tag of the dict it last found lacking `name`: a dict with that
/// tag is that same dict, unchanged since (every change gives a dict a tag no dict
/// had), so it still lacks it, and the hash and probe are skipped.
#[inline]
pub(super) fn dict_still_lacks(obj: &PyObj, name: &PyObj, c: &Cache, cell: &Cell<Cache>) -> bool {
    let Some(w) = obj.pre_words().first() else {
        return false;
    };
    // Read in place (taken and put back: the probe of a str-keys table runs no
    // Python code in between).
    let d = w.take();
    let seen = d.as_ref().and_then(|d| {
        let tag = dict::borrow(d)?.0.version_tag();
        Some((tag, tag == c.dict_tag || table_lacks(d, name)))
    });
    w.set(d);
    let Some((tag, lacks)) = seen else {
        return false;
    };
    if !lacks {
        return false;
    }
    if tag == c.dict_tag {
        return true;
    }
    cell.set(Cache {
        dict_tag: tag,
        ..*c
    });
    true
}

/// Store into the instance's own dict at the hinted entry, if the key there is still
/// `name` and holds a value; the value back otherwise.
#[inline]
pub(super) fn store_hint(obj: &PyObj, c: &Cache, name: &PyObj, v: PyObj) -> Result<(), PyObj> {
    if obj.type_addr() != c.key || type_epoch() != c.version {
        return Err(v);
    }
    let Some(d) = dict_word(obj) else {
        return Err(v);
    };
    let here = dict::borrow(&d)
        .and_then(|b| b.0.entry_at(c.index as usize))
        .is_some_and(|(k, _)| k.is(name));
    if !here {
        return Err(v);
    }
    if !d.gc_is_tracked() && dict::may_be_tracked(&v) {
        d.gc_track();
    }
    let Ok(mut t) = d.borrow_mut::<dict::Dict>() else {
        return Err(v);
    };
    let old = t.0.replace_at(c.index as usize, v);
    drop(t);
    drop(old);
    Ok(())
}

/// The attribute of a class through LOAD_ATTR_CLASS's / LOAD_METHOD_CLASS's cache.
#[inline]
pub(super) fn class_attr(
    obj: &PyObj,
    c: &Cache,
    method: bool,
    tc: &mut super::ops::TypeCache,
) -> Option<PyObj> {
    if obj.id() != c.key || type_epoch() != c.version {
        return None;
    }
    let cls = TypeRef::from_obj::<TypeInfo>(obj)?;
    let v = tc.fetch(&cls, c.tag as usize, c.index as usize)?;
    (v.is_a::<Function>() || (!method && quick::plain_class_value(Some(&v)))).then_some(v)
}
