//! dict: CPython 3.11's compact dict (see dicttable.rs for the table). A dict object
//! is CPython's 64 bytes (GC header, object header, used, version tag, keys, values);
//! getsizeof adds what CPython's `__sizeof__` adds, which is what the heap holds for it.
//!
//! Lookups whose key comparison may run Python code (`__eq__` of a class, keys with
//! items) call the caller's `eq` with no borrow of the dict held; afterwards the probe
//! checks that the dict still has the same keys object with the same key at that
//! entry, and restarts otherwise, as CPython's lookups do. So `__eq__` may change the
//! dict it is being looked up in, and nothing breaks.
//!
//! Tracking follows CPython: a new dict is untracked; it becomes tracked when a key or
//! value that is (or may become) a tracked container is stored; full collections
//! untrack dicts whose contents are all atomic again.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{PMut, PRef, Payload, PyObj, Untrack, Visit};

use super::context::ctx;
use super::dicttable::{
    estimate_log2_keysize, exact_str, usable_fraction, DictTable, Keys, Probe, Values,
};
use super::exceptions::{self, Exc, VmResult};
use super::protocol;
use crate::bytecode::opcode::CompareOp;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a dict.
pub struct Dict(pub DictTable);

impl Payload for Dict {
    type Item = ();
    const NAME: &'static str = "dict";
    const GC: bool = true;
    const MUTABLE: bool = true;
    /// CPython 3.11's PyDict_MAXFREELIST: the dict object is kept, its keys and values
    /// released.
    const FREE_LIST_MAX: usize = 80;
    const TRACK_AT_ALLOC: bool = false;
    const UNTRACK: Untrack = Untrack::Full;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        self.0.traverse(visit);
    }
    fn clear(&mut self) {
        drop(self.0.clear());
    }
    fn extra_size(&self) -> usize {
        self.0.extra_size()
    }
    /// _PyDict_MaybeUntrack: nothing stored is, or may become, a tracked container.
    fn can_untrack(&self, _: &[()]) -> bool {
        self.0.all_atomic()
    }
}

/// The key comparison a lookup uses for candidates whose equality may run Python
/// code: `eq(stored_key, probe_key)`. It is called with no borrow of the dict held.
pub type KeyEq<'a> = dyn FnMut(&PyObj, &PyObj) -> VmResult<bool> + 'a;

/// The built-in types' equality (runs no Python code), for callers without the VM.
pub fn builtin_eq(a: &PyObj, b: &PyObj) -> VmResult<bool> {
    Ok(protocol::eq(a, b)?)
}

/// A new empty dict.
pub fn new() -> PyObj {
    from_table(DictTable::new())
}

/// A dict object holding `t`.
pub fn from_table(t: DictTable) -> PyObj {
    PyObj::new(&ctx().dict_type, Dict(t))
}

/// A new empty dict with room for `n` items (dict_new_presized), str-key entries if
/// `unicode`.
pub fn new_presized(n: usize, unicode: bool) -> VmResult<PyObj> {
    let t = DictTable::presized(n, unicode).ok_or_else(exceptions::memory_error)?;
    Ok(from_table(t))
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "dictionary changed size during iteration")
}

fn busy_err() -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        "dictionary changed size during iteration",
    )
}

/// Borrow a dict's table for reading, if `obj` is a dict.
pub fn borrow(obj: &PyObj) -> Option<PRef<'_, Dict>> {
    obj.borrow::<Dict>().ok()
}

fn borrow_ok(obj: &PyObj) -> VmResult<PRef<'_, Dict>> {
    obj.borrow::<Dict>().map_err(|_| busy())
}

fn borrow_mut(obj: &PyObj) -> VmResult<PMut<'_, Dict>> {
    obj.borrow_mut::<Dict>().map_err(|_| busy())
}

/// CPython's _PyObject_GC_MAY_BE_TRACKED: a container that is tracked or could be.
/// Built-in types are not containers for the collector (CPython's static types are
/// not GC objects: type_is_gc says so).
pub fn may_be_tracked(o: &PyObj) -> bool {
    o.gc_may_be_tracked()
        && crate::heap::TypeRef::from_obj::<super::typeobj::TypeInfo>(o)
            .is_none_or(|t| super::typeobj::is_heap_type(&t))
}

/// MAINTAIN_TRACKING: start tracking when a container is stored.
fn maintain_tracking(d: &PyObj, key: &PyObj, value: &PyObj) {
    if !d.gc_is_tracked() && (may_be_tracked(key) || may_be_tracked(value)) {
        d.gc_track();
    }
}

// ----- lookups ----------------------------------------------------------------------

/// The entry holding `key` (hash `hash`), if any (_Py_dict_lookup). For a split dict
/// the entry may have no value in this dict.
pub fn lookup(d: &PyObj, key: &PyObj, hash: i64, eq: &mut KeyEq<'_>) -> VmResult<Option<usize>> {
    let mut from = None;
    loop {
        let probe = borrow_ok(d)?.0.probe(key, hash, from.take());
        match probe {
            Probe::Found(ix) => return Ok(Some(ix)),
            Probe::Missing => return Ok(None),
            Probe::Compare(stored, c) => {
                let equal = eq(&stored, key)?;
                let t = borrow_ok(d)?;
                if !t.0.still_at(&c, &stored) {
                    continue; // the dict changed under __eq__: start again
                }
                if equal {
                    return Ok(Some(c.ix));
                }
                from = Some(c);
            }
        }
    }
}

/// d[key], or None when absent.
pub fn get_item(d: &PyObj, key: &PyObj, hash: i64, eq: &mut KeyEq<'_>) -> VmResult<Option<PyObj>> {
    {
        // The common case, in one borrow: no comparison needs Python code.
        let t = borrow_ok(d)?;
        match t.0.probe(key, hash, None) {
            Probe::Found(ix) => return Ok(t.0.value_at(ix)),
            Probe::Missing => return Ok(None),
            Probe::Compare(..) => {}
        }
    }
    match lookup(d, key, hash, eq)? {
        Some(ix) => Ok(borrow_ok(d)?.0.value_at(ix)),
        None => Ok(None),
    }
}

/// d[key] = value (PyDict_SetItem). `hash` is hash(key).
pub fn set_item(
    d: &PyObj,
    key: PyObj,
    hash: i64,
    value: PyObj,
    eq: &mut KeyEq<'_>,
) -> VmResult<()> {
    let old = {
        let mut t = borrow_mut(d)?;
        if t.0.keys().is_none() {
            // insert_to_emptydict: nothing to compare with.
            maintain_tracking(d, &key, &value);
            return t
                .0
                .insert_new(key, hash, value)
                .ok_or_else(exceptions::memory_error);
        }
        t.0.prepare_for(&key).ok_or_else(exceptions::memory_error)?;
        // The common case, in one borrow: no comparison needs Python code.
        match t.0.probe(&key, hash, None) {
            Probe::Found(ix) => {
                maintain_tracking(d, &key, &value);
                t.0.replace_at(ix, value).map_err(|_| busy())?
            }
            Probe::Missing => {
                maintain_tracking(d, &key, &value);
                t.0.insert_new(key, hash, value)
                    .ok_or_else(exceptions::memory_error)?;
                None
            }
            Probe::Compare(..) => {
                drop(t);
                return insert(d, key, hash, value, eq);
            }
        }
    };
    drop(old); // after the borrow: freeing may free other objects
    Ok(())
}

/// insertdict: look `key` up, then replace its value or add it.
fn insert(d: &PyObj, key: PyObj, hash: i64, value: PyObj, eq: &mut KeyEq<'_>) -> VmResult<()> {
    let found = lookup(d, &key, hash, eq)?;
    maintain_tracking(d, &key, &value);
    let old = {
        let mut t = borrow_mut(d)?;
        match found {
            Some(ix) => t.0.replace_at(ix, value).map_err(|_| busy())?,
            None => {
                t.0.insert_new(key, hash, value)
                    .ok_or_else(exceptions::memory_error)?;
                None
            }
        }
    };
    drop(old); // after the borrow: freeing may free other objects
    Ok(())
}

/// d[name] = value for an identifier key (interned, so str equality decides: no
/// Python code runs).
pub fn set_str(d: &PyObj, name: &str, value: PyObj) -> PyResult<()> {
    let key = super::string::intern_str(name);
    let h = protocol::hash(&key)?;
    set_item(d, key, h, value, &mut builtin_eq).map_err(|_| busy_err())
}

/// d[name] for an identifier key, found without running Python code (None: absent,
/// or the dict is being changed).
pub fn get_str(d: &PyObj, name: &str) -> Option<PyObj> {
    let key = super::string::intern_str(name);
    let h = super::string::hash(&key)?;
    get_item(d, &key, h, &mut builtin_eq).ok().flatten()
}

/// Replace the value at entry `ix` if the keys still have `version` (a cached entry of
/// a str key, see the eval loop's name caches); the old value is handed back to drop
/// after the borrow. Err(value) when the entry cannot be trusted.
pub fn replace_at(d: &PyObj, version: u64, ix: usize, value: PyObj) -> Result<PyObj, PyObj> {
    let Ok(mut t) = d.borrow_mut::<Dict>() else {
        return Err(value);
    };
    if !d.gc_is_tracked() && may_be_tracked(&value) {
        d.gc_track();
    }
    t.0.replace_cached(version, ix, value)
}

/// del d[key]: the removed (key, value), or None when absent.
pub fn del_item(
    d: &PyObj,
    key: &PyObj,
    hash: i64,
    eq: &mut KeyEq<'_>,
) -> VmResult<Option<(PyObj, PyObj)>> {
    let Some(ix) = lookup(d, key, hash, eq)? else {
        return Ok(None);
    };
    let mut t = borrow_mut(d)?;
    if t.0.value_at(ix).is_none() {
        return Ok(None);
    }
    Ok(Some(t.0.delete_at(ix, hash).map_err(|_| busy())?))
}

/// d.setdefault(key, default) (PyDict_SetDefault): the value for key, inserting
/// `default` if absent.
pub fn setdefault(
    d: &PyObj,
    key: PyObj,
    hash: i64,
    default: PyObj,
    eq: &mut KeyEq<'_>,
) -> VmResult<PyObj> {
    {
        let mut t = borrow_mut(d)?;
        if t.0.keys().is_none() {
            maintain_tracking(d, &key, &default);
            t.0.insert_new(key, hash, default.clone())
                .ok_or_else(exceptions::memory_error)?;
            return Ok(default);
        }
        t.0.prepare_for(&key).ok_or_else(exceptions::memory_error)?;
    }
    let found = lookup(d, &key, hash, eq)?;
    let mut t = borrow_mut(d)?;
    if let Some(ix) = found {
        if let Some(v) = t.0.value_at(ix) {
            return Ok(v);
        }
        maintain_tracking(d, &key, &default);
        t.0.replace_at(ix, default.clone()).map_err(|_| busy())?;
        return Ok(default);
    }
    maintain_tracking(d, &key, &default);
    t.0.insert_new(key, hash, default.clone())
        .ok_or_else(exceptions::memory_error)?;
    Ok(default)
}

/// KeyError's message for popitem() of an empty dict.
pub const POPITEM_EMPTY: &str = "popitem(): dictionary is empty";

/// d.popitem(): the last item (LIFO), or None when empty.
pub fn popitem(d: &PyObj) -> VmResult<Option<(PyObj, PyObj)>> {
    borrow_mut(d)?.0.popitem().map_err(|_| busy())
}

/// d.clear().
pub fn clear(d: &PyObj) -> VmResult<()> {
    let old = borrow_mut(d)?.0.clear();
    drop(old); // after the borrow
    Ok(())
}

/// len(d).
pub fn len(d: &PyObj) -> Option<usize> {
    borrow(d).map(|t| t.0.len())
}

/// A snapshot of the items, in order.
pub fn items(d: &PyObj) -> Option<Vec<(PyObj, PyObj)>> {
    borrow(d).map(|t| t.0.items())
}

/// The items of `d` with their hashes, in order (a snapshot).
pub fn items_hashed(d: &PyObj) -> Option<Vec<(PyObj, PyObj, i64)>> {
    borrow(d).map(|t| t.0.items_hashed())
}

// ----- building and merging -----------------------------------------------------------

/// The empty dict BUILD_MAP and BUILD_CONST_KEY_MAP fill with these keys
/// (_PyDict_FromItems): presized for them, with str-key entries if every key is an
/// exact str. The caller then sets the items in order.
pub fn presized_for(keys: &[PyObj]) -> VmResult<PyObj> {
    new_presized(keys.len(), keys.iter().all(exact_str))
}

/// How `merge` treats a key already present.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Merge {
    /// d.update(other): the other's value wins.
    Update,
    /// Keep the value present.
    Keep,
    /// A key already present is an error (f(**a, **b)): `merge` returns it.
    Unique,
}

/// dict_merge of a dict `b` into the dict `a` (b's own iteration, not an override of
/// `__iter__`): an empty `a` takes a clone of a clean `b`'s keys; otherwise `a` grows
/// once up front, then gets b's items in b's order. With `Merge::Unique`, the first key
/// already present is returned (nothing after it is merged).
pub fn merge(a: &PyObj, b: &PyObj, mode: Merge, eq: &mut KeyEq<'_>) -> VmResult<Option<PyObj>> {
    if a.is(b) {
        return Ok(None);
    }
    let (b_used, b_split, b_nentries, b_log2, b_unicode, b_tracked) = {
        let t = borrow_ok(b)?;
        (
            t.0.len(),
            t.0.is_split(),
            t.0.nentries(),
            t.0.log2_size(),
            t.0.is_unicode(),
            b.gc_is_tracked(),
        )
    };
    if b_used == 0 {
        return Ok(None);
    }
    let mut mode = mode;
    let a_used = len(a).ok_or_else(busy)?;
    if a_used == 0 {
        mode = Merge::Update;
        let clean = !b_split
            && b_used == b_nentries
            && (b_log2 == super::dicttable::LOG_MINSIZE
                || usable_fraction((1usize << b_log2) / 2) < b_used);
        if clean {
            let keys = borrow_ok(b)?
                .0
                .clone_keys()
                .ok_or_else(exceptions::memory_error)?;
            let old = borrow_mut(a)?.0.set_keys(keys, b_used);
            drop(old);
            if b_tracked && !a.gc_is_tracked() {
                a.gc_track();
            }
            return Ok(None);
        }
    }
    {
        let mut t = borrow_mut(a)?;
        let size = 1usize << t.0.log2_size();
        if usable_fraction(size) < b_used {
            let log2 = estimate_log2_keysize(t.0.len() + b_used);
            t.0.resize(log2, b_unicode)
                .ok_or_else(exceptions::memory_error)?;
        }
    }
    let mut pos = 0;
    loop {
        let next = borrow_ok(b)?.0.next_item_hashed(pos);
        let Some((p, k, v, h)) = next else { break };
        pos = p + 1;
        match mode {
            Merge::Update => set_item(a, k, h, v, eq)?,
            Merge::Keep | Merge::Unique => {
                let present = match lookup(a, &k, h, eq)? {
                    Some(ix) => borrow_ok(a)?.0.value_at(ix).is_some(),
                    None => false,
                };
                if !present {
                    set_item(a, k, h, v, eq)?;
                } else if mode == Merge::Unique {
                    return Ok(Some(k));
                }
            }
        }
        if borrow_ok(b)?.0.nentries() != b_nentries {
            return Err(exceptions::named(
                "RuntimeError",
                "dict mutated during update",
            ));
        }
    }
    Ok(None)
}

/// PyDict_Copy: a new dict with d's items. A split dict's copy shares its keys; a dict
/// with few deletions is cloned at its size (`clonable`: d iterates as a dict does);
/// anything else is merged into a new dict, which compacts it.
pub fn copy(d: &PyObj, clonable: bool, eq: &mut KeyEq<'_>) -> VmResult<PyObj> {
    let (used, split, nentries) = {
        let t = borrow_ok(d)?;
        (t.0.len(), t.0.is_split(), t.0.nentries())
    };
    if used == 0 {
        return Ok(new());
    }
    let tracked = d.gc_is_tracked();
    if split {
        let t = borrow_ok(d)?
            .0
            .copy_split()
            .ok_or_else(exceptions::memory_error)?;
        let c = from_table(t);
        if tracked {
            c.gc_track();
        }
        return Ok(c);
    }
    if clonable && used >= nentries * 2 / 3 {
        let keys = borrow_ok(d)?
            .0
            .clone_keys()
            .ok_or_else(exceptions::memory_error)?;
        let c = new();
        drop(borrow_mut(&c)?.0.set_keys(keys, used));
        if tracked {
            c.gc_track();
        }
        return Ok(c);
    }
    let c = new();
    merge(&c, d, Merge::Update, eq)?;
    Ok(c)
}

/// dict.fromkeys(src, value) into the new, empty, exact dict `d`, when `src` is an
/// exact dict or an exact set / frozenset (`set_items`: its keys and hashes): one
/// resize for all of them, then the inserts. False if `src` is neither.
pub fn fromkeys_fast(
    d: &PyObj,
    src: &PyObj,
    value: &PyObj,
    set_items: Option<Vec<(PyObj, i64)>>,
    eq: &mut KeyEq<'_>,
) -> VmResult<bool> {
    let (keys, unicode): (Vec<(PyObj, i64)>, bool) = match set_items {
        Some(items) => (items, false),
        None => {
            if src.vtable().heap_type {
                return Ok(false);
            }
            let Some(t) = borrow(src) else {
                return Ok(false);
            };
            let ks =
                t.0.items_hashed()
                    .into_iter()
                    .map(|(k, _, h)| (k, h))
                    .collect();
            (ks, t.0.is_unicode())
        }
    };
    {
        let mut t = borrow_mut(d)?;
        t.0.resize(estimate_log2_keysize(keys.len()), unicode)
            .ok_or_else(exceptions::memory_error)?;
    }
    for (k, h) in keys {
        set_item(d, k, h, value.clone(), eq)?;
    }
    Ok(true)
}

// ----- views and mappingproxy --------------------------------------------------------------

/// dict_keys / dict_values / dict_items (CPython's _PyDictViewObject, 40 bytes).
pub struct DictView {
    pub dict: PyObj,
    pub kind: super::iter::DictIterKind,
}

impl Payload for DictView {
    type Item = ();
    const NAME: &'static str = "dict_view";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.dict);
    }
}

/// Is `o` a keys or items view (the set-like views)?
pub fn is_set_view(o: &PyObj) -> bool {
    o.get::<DictView>()
        .is_some_and(|v| v.kind != super::iter::DictIterKind::Values)
}

/// mappingproxy: a read-only view of a mapping (CPython's mappingproxyobject, 40
/// bytes): a class's `__dict__`, a dict view's `mapping`.
pub struct MappingProxy {
    pub mapping: PyObj,
}

impl Payload for MappingProxy {
    type Item = ();
    const NAME: &'static str = "mappingproxy";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.mapping);
    }
}

thread_local! {
    static PROXY_TYPE: std::cell::OnceCell<crate::heap::TypeRef> = const { std::cell::OnceCell::new() };
}

/// The mappingproxy type (made once per thread).
pub fn mappingproxy_type() -> crate::heap::TypeRef {
    PROXY_TYPE.with(|t| {
        t.get_or_init(|| {
            let c = ctx();
            crate::heap::TypeRef::new::<super::typeobj::TypeInfo, MappingProxy>(
                &c.type_type,
                super::typeobj::TypeInfo::new(
                    std::borrow::Cow::Borrowed("mappingproxy"),
                    Some(c.object_type.clone()),
                ),
            )
        })
        .clone()
    })
}

/// A mappingproxy over `mapping`.
pub fn new_mappingproxy(mapping: PyObj) -> PyObj {
    PyObj::new(&mappingproxy_type(), MappingProxy { mapping })
}

// ----- instances: split keys and values ----------------------------------------------------

/// make_dict_from_instance_attributes: the `__dict__` of an instance whose values were
/// kept apart, sharing the class's keys; tracked if a value may be a container.
pub fn from_values(keys: &Keys, values: Values) -> PyObj {
    let track = values.entries().iter().flatten().any(may_be_tracked);
    let d = from_table(DictTable::split(keys.clone(), values));
    if track {
        d.gc_track();
    }
    d
}

/// new_dict_with_shared_keys: an empty split dict over a class's keys (the lazily made
/// `__dict__` of an instance of a subclass of a built-in type).
pub fn new_split(keys: &Keys) -> VmResult<PyObj> {
    let size = super::dicttable::shared_size(keys);
    let v = super::dicttable::new_values(size.max(1)).ok_or_else(exceptions::memory_error)?;
    Ok(from_table(DictTable::split(keys.clone(), v)))
}

fn dict_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let pairs = items(o).unwrap_or_default();
    if pairs.is_empty() {
        return Ok("{}".into());
    }
    super::tuple::container_repr(rt, o, "{...}", |rt| {
        let mut out = String::from("{");
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&rt.repr(k)?);
            out.push_str(": ");
            out.push_str(&rt.repr(v)?);
        }
        out.push('}');
        Ok(out)
    })
}

/// dict's `==` / `!=` with another dict: the same keys, each with an equal value.
fn dict_richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !a.is_a::<Dict>() || !b.is_a::<Dict>() {
        return Ok(c.not_implemented.clone());
    }
    let (ia, ib) = (items(a).unwrap_or_default(), items(b).unwrap_or_default());
    let mut same = ia.len() == ib.len();
    if same {
        rt.enter_recursive(" in comparison")?;
        let r: VmResult<bool> = (|| {
            for (k, v) in &ia {
                match rt.dict_get(b, k)? {
                    Some(w) if rt.equal(v, &w)? => {}
                    _ => return Ok(false),
                }
            }
            Ok(true)
        })();
        rt.leave_recursive();
        same = r?;
    }
    let holds = same == (op == CompareOp::Eq);
    Ok(if holds { &c.true_ } else { &c.false_ }.clone())
}

/// `a | b` for two dicts (dict_or): PyDict_Copy of a, updated with b.
fn dict_or(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if !a.is_a::<Dict>() || !b.is_a::<Dict>() {
        return Ok(ctx().not_implemented.clone());
    }
    let clonable = !a.vtable().heap_type;
    let out = copy(a, clonable, &mut |x, y| rt.equal(x, y))?;
    rt.dict_update(&out, b, false)?;
    Ok(out)
}

/// `a |= b`: a updated with b (any mapping or iterable of pairs, as dict.update).
fn dict_ior(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if !b.is_a::<Dict>() {
        let update = super::string::intern_str("update");
        let f = rt.getattr(a, &update)?;
        rt.call(&f, super::args::Args::positional(std::slice::from_ref(b)))?;
        return Ok(a.clone());
    }
    rt.dict_update(a, b, false)?;
    Ok(a.clone())
}

fn dict_len(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    Ok(len(o).unwrap_or(0))
}

/// Does `d`'s type iterate with dict's own tp_iter (so a merge or copy may read its
/// table directly, as CPython's dict_merge and PyDict_Copy check)?
pub fn iterates_as_dict(d: &PyObj) -> bool {
    let ty = d.type_obj();
    crate::objects::typeobj::slotdefs::slots_of_type(&ty)
        .iter
        .get()
        .is_some_and(|f| f as usize == dict_iter as *const () as usize)
}

fn dict_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    super::iter::dict_iter(o, super::iter::DictIterKind::Keys)
}

fn dict_contains(rt: &mut dyn Runtime, d: &PyObj, key: &PyObj) -> VmResult<bool> {
    Ok(rt.dict_get(d, key)?.is_some())
}

/// dict's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(dict_repr),
    hash: Some(crate::objects::typeobj::class_slots::hash_not_implemented),
    richcompare: Some(dict_richcompare),
    or: Some(dict_or),
    inplace_or: Some(dict_ior),
    length: Some(dict_len),
    iter: Some(dict_iter),
    contains: Some(dict_contains),
    ..SlotTable::EMPTY
};
