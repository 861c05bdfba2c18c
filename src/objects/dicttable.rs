//! The hash table under dict: CPython 3.11's compact dict (Objects/dictobject.c),
//! with its layout, constants and algorithms, so that sizes, iteration order and
//! `popitem` order are CPython's.
//!
//! A dict (`DictTable`, 32 bytes: used, version tag, keys, values) points at a *keys
//! object*: one block (heap::table::Table) holding a 32-byte header, an index array of
//! 1, 2, 4 or 8-byte signed slots (-1 empty, -2 dummy, else an entry number) and the
//! entries, appended in insertion order: 24 bytes (hash, key, value) in a general
//! table, 16 bytes (key, value) when every key is an exact str (the str caches its
//! hash). The empty dict has no keys object (CPython's shared empty keys).
//!
//! A *split* dict shares its keys object with a class (CPython's ht_cached_keys, at
//! most 30 str keys) and keeps its values in a values block of its own (`Values`: one
//! byte of insertion order per slot, then the value slots), like an instance's values
//! before anyone asks for its `__dict__`.
//!
//! Sizes: `usable = 2 * size / 3` entries per table; a full table grows to the
//! smallest power of 2 above `3 * used` (CPython's calculate_log2_keysize, quirks
//! included); deletions leave dummies and never shrink; `clear()` frees the keys.
//!
//! Everything here is plain Rust on the table's contents: no Python code runs. Key
//! comparisons that may run Python code are the object layer's (dict.rs): a probe stops
//! at such a candidate and hands back a `Cursor`; the caller compares with no borrow
//! held, then checks that the dict still has the same keys object with the same key at
//! that entry (else it restarts, as CPython's lookups do) and resumes the probe.

use std::cell::Cell;
use std::mem;

use crate::heap::table::{Entries, EntriesMut, SmallTable, Table, TableMut, TableRef, Tagged};
use crate::heap::PyObj;

use super::{protocol, string};

/// An index slot that never held an entry.
pub const EMPTY: i64 = -1;
/// An index slot whose entry was deleted.
pub const DUMMY: i64 = -2;
const PERTURB_SHIFT: u32 = 5;
/// log2 of the smallest table (8 slots).
pub const LOG_MINSIZE: u8 = 3;
/// The most keys a class's shared keys object takes (SHARED_KEYS_MAX_SIZE).
pub const SHARED_KEYS_MAX_SIZE: usize = 30;
/// log2 of the shared keys object's size (64 slots).
const LOG_SHARED_SIZE: u8 = 6;
/// dict_new_presized never presizes beyond 2**17 slots.
const LOG_MAX_PRESIZE: u8 = 17;

/// What a keys object holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Kind {
    /// Any keys: 24-byte entries with the hash.
    General,
    /// Exact str keys only: 16-byte entries.
    Unicode,
    /// A class's shared str keys; the values live in each dict's values block.
    Split,
}

/// The header of a keys object after the block's own 16 bytes (refs, borrow, sizes):
/// together CPython's 32-byte PyDictKeysObject header. Its tag is dk_version: 0 after
/// any change of the keys, else a number no other keys state of this thread had (given
/// on request, see `keys_version`); the heap reads it, and a cached entry's value,
/// without a borrow (`Table::value_if_tag`).
pub type KeysHead = Tagged<KeysInfo>;

/// The keys header's fields after the tag.
#[repr(C)]
pub struct KeysInfo {
    log2_size: u8,
    kind: Kind,
    _pad: [u8; 2],
    /// Entries that can still be appended.
    usable: u32,
    /// Entries used so far (live or deleted).
    nentries: u32,
}

pub use crate::heap::table::{Entry, StrEntry};

/// A keys object.
pub type Keys = Table<KeysHead, Entry, StrEntry>;
type KeysRef<'a> = TableRef<'a, KeysHead, Entry, StrEntry>;
type KeysMut<'a> = TableMut<'a, KeysHead, Entry, StrEntry>;

/// A split dict's (or an instance's) values: the header counts the live values, the
/// side bytes hold their entry numbers in insertion order, the slots are indexed by
/// entry number of the shared keys.
pub type Values = SmallTable<u8, Option<PyObj>>;

/// USABLE_FRACTION.
#[inline]
pub fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// CPython 3.11's calculate_log2_keysize (64-bit): `bit_length(((n | 8) - 1) | 7)`.
/// Not always the smallest power of 2 >= n (1..=7 give 16): CPython's quirks are kept.
#[inline]
pub fn calculate_log2_keysize(minsize: usize) -> u8 {
    let m = ((minsize | 8) - 1) | 7;
    (usize::BITS - m.leading_zeros()) as u8
}

/// estimate_log2_keysize: the table that holds n entries without growing.
#[inline]
pub fn estimate_log2_keysize(n: usize) -> u8 {
    calculate_log2_keysize((n * 3).div_ceil(2))
}

/// Bytes per index slot of a table of 2**log2 slots.
#[inline]
fn index_width(log2: u8) -> usize {
    match log2 {
        0..=7 => 1,
        8..=15 => 2,
        16..=31 => 4,
        _ => 8,
    }
}

/// The bytes a keys object of 2**log2 slots takes (CPython's _PyDict_KeysSize).
pub fn keys_size(log2: u8, general: bool) -> usize {
    let size = 1usize << log2;
    Keys::size_for(size * index_width(log2), usable_fraction(size), !general)
        .expect("a table that exists")
}

/// Is `o` an exact str (not a subclass instance)?
#[inline]
pub fn exact_str(o: &PyObj) -> bool {
    let vt = o.vtable();
    !vt.heap_type && vt.type_id() == std::any::TypeId::of::<string::Str>()
}

/// A new keys object of 2**log2 slots, all empty. None on out-of-memory.
fn new_keys(log2: u8, kind: Kind) -> Option<Keys> {
    let size = 1usize.checked_shl(log2 as u32)?;
    let usable = usable_fraction(size);
    let head = KeysHead {
        tag: Cell::new(0),
        rest: KeysInfo {
            log2_size: log2,
            kind,
            _pad: [0; 2],
            usable: u32::try_from(usable).ok()?,
            nentries: 0,
        },
    };
    let nbytes = size.checked_mul(index_width(log2))?;
    let str_keys = kind != Kind::General;
    if log2 == LOG_MINSIZE && str_keys {
        // CPython 3.11 keeps up to 80 freed keys objects of this one shape (the
        // smallest, str keys) for the next dict that needs one.
        Keys::new_parkable(head, nbytes, 0xff, usable, true)
    } else {
        Keys::new(head, nbytes, 0xff, usable, str_keys)
    }
}

// ----- index slots of any width ----------------------------------------------------------

/// An index slot type: i8, i16, i32 or i64.
trait Idx: bytemuck::Pod {
    fn get(self) -> i64;
    fn of(v: i64) -> Self;
}

macro_rules! idx {
    ($($t:ty),*) => {$(
        impl Idx for $t {
            #[inline]
            fn get(self) -> i64 {
                self as i64
            }
            #[inline]
            fn of(v: i64) -> Self {
                v as $t
            }
        }
    )*};
}
idx!(i8, i16, i32, i64);

/// Call `$f::<I>(args)` with I the index type of a table of 2**`$log2` slots.
macro_rules! by_width {
    ($log2:expr, $f:ident($($a:expr),*)) => {
        match index_width($log2) {
            1 => $f::<i8>($($a),*),
            2 => $f::<i16>($($a),*),
            4 => $f::<i32>($($a),*),
            _ => $f::<i64>($($a),*),
        }
    };
}

#[inline]
fn next_slot(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    (i.wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1))
        & mask
}

/// The key and hash of entry `ix`, if it holds a key.
#[inline]
fn key_hash<'a>(e: &Entries<'a, Entry, StrEntry>, ix: usize) -> Option<(&'a PyObj, i64)> {
    match e {
        Entries::A(es) => {
            let en = &es[ix];
            en.key.as_ref().map(|k| (k, en.hash))
        }
        Entries::B(es) => es[ix]
            .key
            .as_ref()
            .map(|k| (k, string::hash(k).unwrap_or(-1))),
    }
}

/// Where a probe stopped to have two keys compared by the caller.
#[derive(Clone, Copy, Debug)]
pub struct Cursor {
    /// The keys object probed (its address).
    keys: usize,
    slot: usize,
    perturb: u64,
    /// The entry holding the candidate key.
    pub ix: usize,
}

/// The outcome of probing for a key.
pub enum Probe {
    /// The key is at this entry.
    Found(usize),
    /// The key is absent.
    Missing,
    /// This stored key has the probe's hash and comparing them may run Python code:
    /// compare `stored == key` with no borrow held, then `resume`.
    Compare(PyObj, Cursor),
}

/// `stored == key` when no Python code can run: both exact str, or both objects with
/// no `__eq__` of a class and no items (ints, floats, None, ...). None: ask the caller.
#[inline]
fn quick_eq(stored: &PyObj, key: &PyObj) -> Option<bool> {
    if let Some(r) = protocol::quick_eq(stored, key) {
        return Some(r);
    }
    let (a, b) = (stored.vtable(), key.vtable());
    if a.heap_type || b.heap_type || a.gc || b.gc {
        return None;
    }
    protocol::eq(stored, key).ok()
}

fn probe_in<I: Idx>(t: &KeysRef<'_>, key: &PyObj, hash: i64, from: Option<Cursor>) -> Probe {
    let idx = t.ints::<I>();
    let entries = t.entries();
    let mask = idx.len() - 1;
    let (mut i, mut perturb) = match from {
        Some(c) => {
            let mut p = c.perturb;
            (next_slot(c.slot, &mut p, mask), p)
        }
        None => (hash as usize & mask, hash as u64),
    };
    loop {
        let ix = idx[i].get();
        if ix >= 0 {
            let stored = match &entries {
                Entries::A(e) => e[ix as usize].key.as_ref(),
                Entries::B(e) => e[ix as usize].key.as_ref(),
            };
            if stored.is_some_and(|k| k.is(key)) {
                return Probe::Found(ix as usize);
            }
            if let Some((k, h)) = key_hash(&entries, ix as usize) {
                if h == hash {
                    match quick_eq(k, key) {
                        Some(true) => return Probe::Found(ix as usize),
                        Some(false) => {}
                        None => {
                            let c = Cursor {
                                keys: t.table().addr(),
                                slot: i,
                                perturb,
                                ix: ix as usize,
                            };
                            return Probe::Compare(k.clone(), c);
                        }
                    }
                }
            }
        } else if ix == EMPTY {
            return Probe::Missing;
        }
        i = next_slot(i, &mut perturb, mask);
    }
}

/// The first slot on `hash`'s probe path that holds no entry (empty or dummy).
fn find_empty_slot<I: Idx>(idx: &[I], hash: i64) -> usize {
    let mask = idx.len() - 1;
    let mut i = hash as usize & mask;
    let mut perturb = hash as u64;
    while idx[i].get() >= 0 {
        i = next_slot(i, &mut perturb, mask);
    }
    i
}

/// The slot on `hash`'s probe path that holds entry `ix` (lookdict_index).
fn slot_of<I: Idx>(idx: &[I], hash: i64, ix: usize) -> Option<usize> {
    let mask = idx.len() - 1;
    let mut i = hash as usize & mask;
    let mut perturb = hash as u64;
    loop {
        let v = idx[i].get();
        if v == ix as i64 {
            return Some(i);
        }
        if v == EMPTY {
            return None;
        }
        i = next_slot(i, &mut perturb, mask);
    }
}

fn set_slot<I: Idx>(idx: &mut [I], i: usize, v: i64) {
    idx[i] = I::of(v);
}

/// Put entry numbers 0..hashes.len() into an empty index (build_indices).
fn build_indices<I: Idx>(idx: &mut [I], hashes: &[i64]) {
    let mask = idx.len() - 1;
    for (ix, &h) in hashes.iter().enumerate() {
        let mut i = h as usize & mask;
        let mut perturb = h as u64;
        while idx[i].get() != EMPTY {
            i = next_slot(i, &mut perturb, mask);
        }
        idx[i] = I::of(ix as i64);
    }
}

fn empty_slot_in(t: &mut KeysMut<'_>, hash: i64) -> usize {
    let log2 = t.header().log2_size;
    fn go<I: Idx>(t: &mut KeysMut<'_>, hash: i64) -> usize {
        find_empty_slot(t.ints::<I>(), hash)
    }
    by_width!(log2, go(t, hash))
}

fn slot_of_in(t: &KeysMut<'_>, hash: i64, ix: usize) -> Option<usize> {
    fn go<I: Idx>(t: &KeysMut<'_>, hash: i64, ix: usize) -> Option<usize> {
        slot_of(t.ints::<I>(), hash, ix)
    }
    by_width!(t.header().log2_size, go(t, hash, ix))
}

fn set_slot_in(t: &mut KeysMut<'_>, i: usize, v: i64) {
    fn go<I: Idx>(t: &mut KeysMut<'_>, i: usize, v: i64) {
        set_slot(t.parts_mut::<I>().1, i, v)
    }
    let log2 = t.header().log2_size;
    by_width!(log2, go(t, i, v))
}

fn build_indices_in(t: &mut KeysMut<'_>, hashes: &[i64]) {
    fn go<I: Idx>(t: &mut KeysMut<'_>, hashes: &[i64]) {
        build_indices(t.parts_mut::<I>().1, hashes)
    }
    let log2 = t.header().log2_size;
    by_width!(log2, go(t, hashes))
}

// ----- versions ----------------------------------------------------------------------------

thread_local! {
    static VERSIONS: Cell<u64> = const { Cell::new(0) };
    static KEYS_VERSIONS: Cell<u32> = const { Cell::new(1) };
    static TYPE_EPOCH: Cell<u64> = const { Cell::new(1) };
    static ATTR_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// The low bit of a dict's version tag: the dict is watched (a type's dict).
const WATCHED: u64 = 1;

/// A fresh version tag (CPython's DICT_NEXT_VERSION; even: the low bit is WATCHED).
fn next_version() -> u64 {
    VERSIONS.with(|v| {
        let n = v.get() + 2;
        v.set(n);
        n
    })
}

/// A keys version no keys object of this thread had (0 once they run out: then keys
/// are not cacheable, as CPython's _PyDictKeys_GetVersionForCurrentState).
fn next_keys_version() -> u32 {
    KEYS_VERSIONS.with(|v| {
        let n = v.get();
        if n != 0 {
            v.set(n.wrapping_add(1));
        }
        n
    })
}

/// Moves on whenever a watched dict (a type's) gains or loses a key: caches of
/// attribute lookups along MROs are valid while it stays the same.
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(|e| e.get())
}

/// Move the type epoch on by hand (a type freed or cleared: caches keyed by its
/// address must not answer for whatever is allocated there next).
pub fn bump_type_epoch() {
    let _ = TYPE_EPOCH.try_with(|e| e.set(e.get() + 1));
    bump_attr_epoch();
}

/// Moves on whenever the type epoch does and whenever a watched dict changes at all
/// (a value replaced too): the type cache (vm/ops/typecache.rs), which keeps the
/// values it found, is valid while it stays the same.
#[inline]
pub fn attr_epoch() -> u64 {
    ATTR_EPOCH.with(|e| e.get())
}

fn bump_attr_epoch() {
    let _ = ATTR_EPOCH.try_with(|e| e.set(e.get() + 1));
}

/// A keys object is busy (borrowed by an operation in progress).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

impl From<crate::heap::BorrowError> for Busy {
    fn from(_: crate::heap::BorrowError) -> Busy {
        Busy
    }
}

// ----- values ------------------------------------------------------------------------------

/// Record entry `ix` as the newest of `v` (_PyDictValues_AddToInsertionOrder).
fn order_push(v: &mut Values, ix: usize) {
    let (count, order, _) = v.parts_mut();
    order[*count as usize] = ix as u8;
    *count += 1;
}

/// Forget entry `ix` in `v`'s insertion order (delete_index_from_values).
fn order_remove(v: &mut Values, ix: usize) {
    let (count, order, _) = v.parts_mut();
    let n = *count as usize;
    if let Some(p) = order[..n].iter().position(|&x| x as usize == ix) {
        order.copy_within(p + 1..n, p);
        *count -= 1;
    }
}

/// A values block of `size` empty slots.
pub fn new_values(size: usize) -> Option<Values> {
    Values::new_empty(size)
}

/// The live values of `v` in insertion order: (entry number, value).
pub fn values_in_order(v: &Values) -> impl Iterator<Item = (usize, &PyObj)> + '_ {
    let n = *v.header() as usize;
    v.bytes()[..n].iter().filter_map(move |&ix| {
        v.entries()[ix as usize]
            .as_ref()
            .map(|val| (ix as usize, val))
    })
}

// ----- the table ---------------------------------------------------------------------------

/// A dict's table: CPython's PyDictObject after its object header.
pub struct DictTable {
    /// Live items.
    used: usize,
    /// ma_version_tag: a fresh number after every change; the low bit marks a watched
    /// dict (a type's).
    version: u64,
    /// None: the shared empty keys.
    keys: Option<Keys>,
    /// Present exactly when the dict is split (its keys are a class's).
    values: Option<Values>,
}

impl Default for DictTable {
    fn default() -> Self {
        Self::new()
    }
}

/// Keys, values and items taken out of a dict, to drop once its borrow is released
/// (dropping may free objects).
#[must_use = "drop the old contents after releasing the borrow"]
pub struct Garbage(
    #[allow(dead_code)] Option<Keys>,
    #[allow(dead_code)] Option<Values>,
);

impl DictTable {
    /// An empty dict: no keys object.
    pub fn new() -> Self {
        DictTable {
            used: 0,
            version: next_version(),
            keys: None,
            values: None,
        }
    }

    /// dict_new_presized: room for `n` items without growing (none below 6; at most
    /// 2**17 slots), with str-key entries if `unicode`.
    pub fn presized(n: usize, unicode: bool) -> Option<Self> {
        let mut t = Self::new();
        if n <= usable_fraction(1 << LOG_MINSIZE) {
            return Some(t);
        }
        let log2 = if n > usable_fraction(1 << LOG_MAX_PRESIZE) {
            LOG_MAX_PRESIZE
        } else {
            estimate_log2_keysize(n)
        };
        let kind = if unicode {
            Kind::Unicode
        } else {
            Kind::General
        };
        t.keys = Some(new_keys(log2, kind)?);
        Some(t)
    }

    /// A split dict over a class's shared keys, with these values (`used` of them live).
    pub fn split(keys: Keys, values: Values) -> Self {
        let used = *values.header() as usize;
        DictTable {
            used,
            version: next_version(),
            keys: Some(keys),
            values: Some(values),
        }
    }

    /// Live items.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Is the dict split (values apart from the shared keys)?
    #[inline]
    pub fn is_split(&self) -> bool {
        self.values.is_some()
    }

    /// The keys object (None for the empty keys).
    #[inline]
    pub fn keys(&self) -> Option<&Keys> {
        self.keys.as_ref()
    }

    /// The values of a split dict.
    #[inline]
    pub fn values(&self) -> Option<&Values> {
        self.values.as_ref()
    }

    fn kref(&self) -> Option<KeysRef<'_>> {
        self.keys.as_ref().and_then(|k| k.borrow().ok())
    }

    /// The kind of the keys (the empty keys are str keys, as CPython's).
    pub fn kind(&self) -> Kind {
        self.kref().map_or(Kind::Unicode, |t| t.header().kind)
    }

    /// log2 of the table size (0 for the empty keys, whose size is 1).
    pub fn log2_size(&self) -> u8 {
        self.kref().map_or(0, |t| t.header().log2_size)
    }

    /// Entries used so far, deleted ones included (dk_nentries).
    pub fn nentries(&self) -> usize {
        self.kref().map_or(0, |t| t.header().nentries as usize)
    }

    /// Entries that can still be appended (dk_usable).
    pub fn usable(&self) -> usize {
        self.kref().map_or(0, |t| t.header().usable as usize)
    }

    /// DK_IS_UNICODE: str-key entries (unicode or split).
    pub fn is_unicode(&self) -> bool {
        self.kind() != Kind::General
    }

    /// The version tag (ma_version_tag): changes with every change of the dict.
    #[inline]
    pub fn version_tag(&self) -> u64 {
        self.version
    }

    /// The keys' version: the same number while the keys (which key is at which entry)
    /// stay the same, never reused for another keys state. 0: not cacheable (the empty
    /// keys, or the numbers ran out). A cache keyed on (version, entry number) is valid
    /// while this returns the version it saw.
    pub fn version(&self) -> u64 {
        let Some(t) = self.kref() else { return 0 };
        let v = &t.header().tag;
        if v.get() == 0 {
            v.set(next_keys_version());
        }
        v.get() as u64
    }

    /// Do the keys still have `version` (non-zero)? A read-only `version() == v`: no
    /// version is handed out, and no borrow of the keys taken (the heap reads the tag).
    #[inline]
    pub fn has_version(&self, version: u64) -> bool {
        self.keys.as_ref().is_some_and(|k| k.has_tag(version))
    }

    /// The value at entry `ix` if the keys still have `version` (non-zero): what a
    /// cache of (keys version, entry number) reads. The heap reads the keys' tag and
    /// the entry in place, without a borrow of the keys.
    #[inline]
    pub fn cached_value(&self, version: u64, ix: usize) -> Option<PyObj> {
        let keys = self.keys.as_ref()?;
        match &self.values {
            None => keys.value_if_tag(version, ix),
            Some(v) if keys.has_tag(version) => v.entries().get(ix).cloned().flatten(),
            Some(_) => None,
        }
    }

    /// Replace the value at entry `ix` if the keys still have `version` (non-zero) and
    /// it holds one (a combined dict): the old value, or the new one back.
    pub fn replace_cached(
        &mut self,
        version: u64,
        ix: usize,
        value: PyObj,
    ) -> Result<PyObj, PyObj> {
        if self.values.is_some() || version == 0 {
            return Err(value);
        }
        let Some(k) = &self.keys else {
            return Err(value);
        };
        let Ok(mut t) = k.borrow_mut() else {
            return Err(value);
        };
        if t.header().tag.get() as u64 != version {
            return Err(value);
        }
        let slot = match t.parts_mut::<i8>().2 {
            EntriesMut::A(e) => e.get_mut(ix).map(|en| &mut en.value),
            EntriesMut::B(e) => e.get_mut(ix).map(|en| &mut en.value),
        };
        match slot {
            Some(s) if s.is_some() => {
                let old = s.replace(value).expect("checked");
                drop(t);
                self.bump();
                Ok(old)
            }
            _ => Err(value),
        }
    }

    /// The keys changed: forget their version; a watched dict moves the type epoch on.
    fn keys_changed(&mut self) {
        if let Some(t) = self.kref() {
            t.header().tag.set(0);
        }
        if self.version & WATCHED != 0 {
            TYPE_EPOCH.with(|e| e.set(e.get() + 1));
        }
        self.bump();
    }

    /// A new version tag (any change).
    #[inline]
    fn bump(&mut self) {
        let watched = self.version & WATCHED;
        self.version = next_version() | watched;
        if watched != 0 {
            bump_attr_epoch();
        }
    }

    /// Mark this dict as a type's: from now on a change of its keys moves
    /// `type_epoch()` on (CPython's type version tags, made global).
    pub fn watch(&mut self) {
        self.version |= WATCHED;
    }

    /// Is this dict watched (does any change of it move `attr_epoch()` on)?
    pub fn is_watched(&self) -> bool {
        self.version & WATCHED != 0
    }

    /// The blocks this table owns or shares, for `glass.info`: (what, address, bytes).
    pub fn buffers(&self) -> Vec<(&'static str, usize, usize)> {
        let mut out = Vec::new();
        if let Some(k) = &self.keys {
            let what = if k.refs() == 1 {
                "keys object"
            } else {
                "shared keys object"
            };
            out.push((what, k.addr(), k.block_size()));
        }
        if let Some(v) = &self.values {
            out.push(("split values", v.addr(), v.block_size()));
        }
        out
    }

    /// What getsizeof adds to the dict object's 64 bytes (CPython's _PyDict_SizeOf):
    /// the values slots of a split dict (as many as the shared keys can still hold),
    /// and the keys object unless it is shared.
    pub fn extra_size(&self) -> usize {
        let Some(k) = &self.keys else { return 0 };
        let mut n = 0;
        if self.values.is_some() {
            if let Ok(t) = k.borrow() {
                let h = t.header();
                n += (h.nentries + h.usable) as usize * mem::size_of::<PyObj>();
            }
        }
        if k.refs() == 1 {
            n += k.block_size();
        }
        n
    }

    // ----- probing ----------------------------------------------------------------

    /// Probe for `key` (hash `hash`) from the start, or on after `from`.
    pub fn probe(&self, key: &PyObj, hash: i64, from: Option<Cursor>) -> Probe {
        let Some(t) = self.kref() else {
            return Probe::Missing;
        };
        if let Some(c) = &from {
            if c.keys != t.table().addr() {
                return self.probe(key, hash, None);
            }
        }
        let log2 = t.header().log2_size;
        by_width!(log2, probe_in(&t, key, hash, from))
    }

    /// After comparing at `c`: are the keys object and the key at its entry the same
    /// (CPython's `dk == mp->ma_keys && ep->me_key == startkey`)? If not, restart.
    pub fn still_at(&self, c: &Cursor, stored: &PyObj) -> bool {
        let Some(t) = self.kref() else { return false };
        t.table().addr() == c.keys
            && key_hash(&t.entries(), c.ix).is_some_and(|(k, _)| k.is(stored))
    }

    /// The entry holding `key` when no Python code can decide it: an exact str key (or
    /// keys compared by `eq`, which must run no Python code). For caches of names.
    pub fn find(
        &self,
        key: &PyObj,
        hash: i64,
        eq: &mut dyn FnMut(&PyObj, &PyObj) -> crate::error::PyResult<bool>,
    ) -> crate::error::PyResult<Option<usize>> {
        let mut from = None;
        loop {
            match self.probe(key, hash, from) {
                Probe::Found(ix) => return Ok(self.value_at(ix).map(|_| ix)),
                Probe::Missing => return Ok(None),
                Probe::Compare(stored, c) => {
                    if eq(&stored, key)? {
                        return Ok(self.value_at(c.ix).map(|_| c.ix));
                    }
                    from = Some(c);
                }
            }
        }
    }

    /// The value at entry `ix` (None for a deleted entry or a split dict's missing one).
    pub fn value_at(&self, ix: usize) -> Option<PyObj> {
        if let Some(v) = &self.values {
            return v.entries().get(ix).cloned().flatten();
        }
        let t = self.kref()?;
        match t.entries() {
            Entries::A(e) => e.get(ix)?.value.clone(),
            Entries::B(e) => e.get(ix)?.value.clone(),
        }
    }

    /// The value at entry `ix` if the key there is `key` itself (the same object):
    /// an attribute hint's check, with no reference taken to the key.
    #[inline]
    pub fn value_if_key(&self, ix: usize, key: &PyObj) -> Option<PyObj> {
        let t = self.kref()?;
        let entries = t.entries();
        let (k, v) = match &entries {
            Entries::A(e) => {
                let en = e.get(ix)?;
                (en.key.as_ref()?, &en.value)
            }
            Entries::B(e) => {
                let en = e.get(ix)?;
                (en.key.as_ref()?, &en.value)
            }
        };
        if !k.is(key) {
            return None;
        }
        match &self.values {
            Some(vs) => vs.entries().get(ix)?.clone(),
            None => v.clone(),
        }
    }

    /// The key and value at entry `ix`, if live.
    pub fn entry_at(&self, ix: usize) -> Option<(PyObj, PyObj)> {
        let t = self.kref()?;
        let (k, _) = key_hash(&t.entries(), ix)?;
        let v = match &self.values {
            Some(v) => v.entries().get(ix)?.clone()?,
            None => match t.entries() {
                Entries::A(e) => e[ix].value.clone()?,
                Entries::B(e) => e[ix].value.clone()?,
            },
        };
        Some((k.clone(), v))
    }

    // ----- changing values -----------------------------------------------------------

    /// Store `value` at the found entry `ix`: the old value comes back (None if a split
    /// dict had none there: then the key joins its insertion order).
    pub fn replace_at(&mut self, ix: usize, value: PyObj) -> Result<Option<PyObj>, Busy> {
        if let Some(v) = &mut self.values {
            let old = v.entries_mut()[ix].replace(value);
            if old.is_none() {
                order_push(v, ix);
                self.used += 1;
            }
            self.bump();
            return Ok(old);
        }
        let k = self.keys.as_ref().ok_or(Busy)?;
        let mut t = k.borrow_mut()?;
        let old = match t.parts_mut::<i8>().2 {
            EntriesMut::A(e) => e[ix].value.replace(value),
            EntriesMut::B(e) => e[ix].value.replace(value),
        };
        drop(t);
        self.bump();
        Ok(old)
    }

    /// insertdict's first step: a str-keys table gets a general one before a key that
    /// is not an exact str is looked up (the empty keys stay).
    pub fn prepare_for(&mut self, key: &PyObj) -> Option<()> {
        if self.keys.is_some() && self.is_unicode() && !exact_str(key) {
            let log2 = calculate_log2_keysize(self.used * 3);
            self.resize(log2, false)?;
        }
        Some(())
    }

    /// Insert `key` (known to be absent: the probe said so, with nothing changed since)
    /// with `value`, growing the table if it is full (insertdict / insert_to_emptydict).
    /// None on out-of-memory.
    pub fn insert_new(&mut self, key: PyObj, hash: i64, value: PyObj) -> Option<()> {
        let str_key = exact_str(&key);
        if self.keys.is_none() {
            let kind = if str_key {
                Kind::Unicode
            } else {
                Kind::General
            };
            self.keys = Some(new_keys(LOG_MINSIZE, kind)?);
        } else {
            // A key that is not a str never goes into str-key entries (CPython would
            // put it there after a lookup whose __eq__ emptied the dict).
            if self.is_unicode() && !str_key {
                self.resize(calculate_log2_keysize(self.used * 3), false)?;
            }
            let full = self.usable() == 0
                || self
                    .values
                    .as_ref()
                    .is_some_and(|v| self.nentries() >= v.len());
            if full {
                self.resize(calculate_log2_keysize(self.used * 3), true)?;
            }
        }
        let k = self.keys.as_ref().expect("keys made above");
        let mut t = k.borrow_mut().ok()?;
        let slot = empty_slot_in(&mut t, hash);
        let n = t.header().nentries as usize;
        set_slot_in(&mut t, slot, n as i64);
        {
            let (h, _, entries) = t.parts_mut::<i8>();
            match entries {
                EntriesMut::A(e) => {
                    e[n] = Entry {
                        hash,
                        key: Some(key),
                        value: Some(value),
                    }
                }
                EntriesMut::B(e) => {
                    e[n].key = Some(key);
                    match &mut self.values {
                        Some(v) => {
                            v.entries_mut()[n] = Some(value);
                            order_push(v, n);
                        }
                        None => e[n].value = Some(value),
                    }
                }
            }
            h.usable -= 1;
            h.nentries += 1;
        }
        drop(t);
        self.used += 1;
        self.keys_changed();
        Some(())
    }

    /// Remove the item at entry `ix` (found with `hash`): delitem_common. The key and
    /// value come back, to drop after the borrow.
    pub fn delete_at(&mut self, ix: usize, hash: i64) -> Result<(PyObj, PyObj), Busy> {
        if let Some(v) = &mut self.values {
            let value = v.entries_mut()[ix].take().ok_or(Busy)?;
            order_remove(v, ix);
            self.used -= 1;
            self.bump();
            let key = self
                .kref()
                .and_then(|t| key_hash(&t.entries(), ix).map(|(k, _)| k.clone()))
                .ok_or(Busy)?;
            return Ok((key, value));
        }
        let k = self.keys.as_ref().ok_or(Busy)?;
        let mut t = k.borrow_mut()?;
        let slot = slot_of_in(&t, hash, ix).ok_or(Busy)?;
        set_slot_in(&mut t, slot, DUMMY);
        let (key, value) = match t.parts_mut::<i8>().2 {
            EntriesMut::A(e) => {
                e[ix].hash = 0;
                (e[ix].key.take(), e[ix].value.take())
            }
            EntriesMut::B(e) => (e[ix].key.take(), e[ix].value.take()),
        };
        drop(t);
        self.used -= 1;
        self.keys_changed();
        Ok((key.ok_or(Busy)?, value.ok_or(Busy)?))
    }

    /// `d.popitem()`: the last item, or None when empty. A split dict becomes combined
    /// first (at its size); the table never shrinks.
    pub fn popitem(&mut self) -> Result<Option<(PyObj, PyObj)>, Busy> {
        if self.used == 0 {
            return Ok(None);
        }
        if self.values.is_some() {
            let log2 = self.log2_size();
            self.resize(log2, true).ok_or(Busy)?;
        }
        let k = self.keys.as_ref().ok_or(Busy)?;
        let mut t = k.borrow_mut()?;
        t.header().tag.set(0);
        let n = t.header().nentries as usize;
        let (i, key, hash, value) = {
            let (h, _, entries) = t.parts_mut::<i8>();
            let (i, key, hash, value) = match entries {
                EntriesMut::A(e) => {
                    let i = (0..n).rev().find(|&i| e[i].value.is_some()).ok_or(Busy)?;
                    let hash = mem::replace(&mut e[i].hash, -1);
                    (i, e[i].key.take(), hash, e[i].value.take())
                }
                EntriesMut::B(e) => {
                    let i = (0..n).rev().find(|&i| e[i].value.is_some()).ok_or(Busy)?;
                    let key = e[i].key.take();
                    let hash = key.as_ref().and_then(string::hash).unwrap_or(-1);
                    (i, key, hash, e[i].value.take())
                }
            };
            h.nentries = i as u32;
            (i, key, hash, value)
        };
        let slot = slot_of_in(&t, hash, i).ok_or(Busy)?;
        set_slot_in(&mut t, slot, DUMMY);
        drop(t);
        self.used -= 1;
        self.keys_changed();
        Ok(Some((key.ok_or(Busy)?, value.ok_or(Busy)?)))
    }

    /// `d.clear()`: back to the empty keys. The old contents come back, to drop after
    /// the borrow.
    pub fn clear(&mut self) -> Garbage {
        let g = Garbage(self.keys.take(), self.values.take());
        self.used = 0;
        self.keys_changed();
        g
    }

    /// dictresize: a new combined table of 2**log2 slots (str-key entries if `unicode`
    /// and every key is an exact str), the live items moved in order. None on
    /// out-of-memory (the dict is unchanged).
    pub fn resize(&mut self, log2: u8, unicode: bool) -> Option<()> {
        if log2 as u32 >= usize::BITS {
            return None;
        }
        let unicode = unicode && self.is_unicode();
        let kind = if unicode {
            Kind::Unicode
        } else {
            Kind::General
        };
        let new = new_keys(log2, kind)?;
        // All the memory is had before any item moves: a refusal (the memory limit)
        // leaves the dict as it was.
        let mut items: Vec<(i64, PyObj, PyObj)> = super::room::vec_with_capacity(self.used).ok()?;
        let mut hashes: Vec<i64> = super::room::vec_with_capacity(self.used).ok()?;
        match (&self.keys, &mut self.values) {
            (None, _) => {}
            (Some(old), Some(v)) => {
                let t = old.borrow().ok()?;
                let entries = t.entries();
                let count = *v.header() as usize;
                let (_, order, vals) = v.parts_mut();
                for &ix in &order[..count] {
                    let ix = ix as usize;
                    if let (Some((k, h)), Some(val)) = (key_hash(&entries, ix), vals[ix].take()) {
                        items.push((h, k.clone(), val));
                    }
                }
            }
            (Some(old), None) => {
                let mut t = old.borrow_mut().ok()?;
                let n = t.header().nentries as usize;
                match t.parts_mut::<i8>().2 {
                    EntriesMut::A(e) => {
                        for en in &mut e[..n] {
                            if let (Some(k), Some(v)) = (en.key.take(), en.value.take()) {
                                items.push((en.hash, k, v));
                            }
                        }
                    }
                    EntriesMut::B(e) => {
                        for en in &mut e[..n] {
                            if let (Some(k), Some(v)) = (en.key.take(), en.value.take()) {
                                items.push((string::hash(&k).unwrap_or(-1), k, v));
                            }
                        }
                    }
                }
            }
        }
        let n = items.len();
        {
            let mut t = new.borrow_mut().ok()?;
            hashes.extend(items.iter().map(|(h, _, _)| *h));
            build_indices_in(&mut t, &hashes);
            let (h, _, entries) = t.parts_mut::<i8>();
            match entries {
                EntriesMut::A(e) => {
                    for (slot, (hash, k, v)) in e.iter_mut().zip(items) {
                        *slot = Entry {
                            hash,
                            key: Some(k),
                            value: Some(v),
                        };
                    }
                }
                EntriesMut::B(e) => {
                    for (slot, (_, k, v)) in e.iter_mut().zip(items) {
                        *slot = StrEntry {
                            key: Some(k),
                            value: Some(v),
                        };
                    }
                }
            }
            h.usable -= n as u32;
            h.nentries = n as u32;
        }
        // The old keys and values are empty of items now (a shared keys object keeps
        // its own): dropping them frees no object.
        self.keys = Some(new);
        self.values = None;
        self.used = n;
        self.keys_changed();
        Some(())
    }

    /// clone_combined_dict_keys: a copy of this combined dict's keys object, same size
    /// and layout (dummies included), sharing its keys and values.
    pub fn clone_keys(&self) -> Option<Keys> {
        let t = self.kref()?;
        let h = t.header();
        let kind = h.kind;
        let new = new_keys(h.log2_size, kind)?;
        {
            let mut m = new.borrow_mut().ok()?;
            let (nh, _, _) = m.parts_mut::<i8>();
            nh.usable = h.usable;
            nh.nentries = h.nentries;
            fn copy_idx<I: Idx>(from: &KeysRef<'_>, to: &mut KeysMut<'_>) {
                to.parts_mut::<I>().1.copy_from_slice(from.ints::<I>());
            }
            by_width!(h.log2_size, copy_idx(&t, &mut m));
            match (t.entries(), m.parts_mut::<i8>().2) {
                (Entries::A(from), EntriesMut::A(to)) => {
                    for (a, b) in from.iter().zip(to.iter_mut()) {
                        *b = Entry {
                            hash: a.hash,
                            key: a.key.clone(),
                            value: a.value.clone(),
                        };
                    }
                }
                (Entries::B(from), EntriesMut::B(to)) => {
                    for (a, b) in from.iter().zip(to.iter_mut()) {
                        *b = StrEntry {
                            key: a.key.clone(),
                            value: a.value.clone(),
                        };
                    }
                }
                _ => return None,
            }
        }
        Some(new)
    }

    /// Replace the contents with a clone of `keys` holding `used` items (the fast
    /// copy); the old contents come back.
    pub fn set_keys(&mut self, keys: Keys, used: usize) -> Garbage {
        let g = Garbage(self.keys.replace(keys), self.values.take());
        self.used = used;
        self.keys_changed();
        g
    }

    /// A copy of a split dict: the same shared keys, a values block sized for what
    /// they can hold now, the same order.
    pub fn copy_split(&self) -> Option<DictTable> {
        let keys = self.keys.clone()?;
        let v = self.values.as_ref()?;
        let size = {
            let t = keys.borrow().ok()?;
            (t.header().nentries + t.header().usable) as usize
        };
        let mut nv = new_values(size.max(1))?;
        {
            let (count, order, vals) = nv.parts_mut();
            *count = *v.header();
            let c = *count as usize;
            order[..c].copy_from_slice(&v.bytes()[..c]);
            for (i, slot) in vals.iter_mut().enumerate() {
                *slot = v.entries().get(i).cloned().flatten();
            }
        }
        Some(DictTable::split(keys, nv))
    }

    // ----- iteration ------------------------------------------------------------------

    /// One past the last iteration position: entries used for a combined dict, live
    /// items for a split one (whose positions follow its insertion order).
    pub fn positions(&self) -> usize {
        match &self.values {
            Some(_) => self.used,
            None => self.nentries(),
        }
    }

    /// The entry number at iteration position `pos` (its insertion order, for a split
    /// dict).
    fn ix_at(&self, pos: usize) -> Option<usize> {
        match &self.values {
            Some(v) => (pos < *v.header() as usize).then(|| v.bytes()[pos] as usize),
            None => Some(pos),
        }
    }

    /// The live item at iteration position `pos`, with its hash.
    pub fn item_at(&self, pos: usize) -> Option<(PyObj, PyObj, i64)> {
        let ix = self.ix_at(pos)?;
        let (k, v) = self.entry_at(ix)?;
        let h = key_hash(&self.kref()?.entries(), ix)?.1;
        Some((k, v, h))
    }

    /// The first live item at an iteration position >= pos: (position, key, value).
    /// Iterators resume at position + 1.
    pub fn next_item(&self, pos: usize) -> Option<(usize, PyObj, PyObj)> {
        self.next_item_with(pos, |k, v| (k.clone(), v.clone()))
            .map(|(p, (k, v))| (p, k, v))
    }

    /// The first live item at an iteration position >= pos, its key and value lent to
    /// `f` (which clones only what it keeps): (position, what `f` made).
    pub fn next_item_with<R>(
        &self,
        pos: usize,
        f: impl FnOnce(&PyObj, &PyObj) -> R,
    ) -> Option<(usize, R)> {
        self.find_item(pos..self.positions(), f)
    }

    /// The last live item at an iteration position < pos, lent to `f` as in
    /// `next_item_with`.
    pub fn prev_item_with<R>(
        &self,
        pos: usize,
        f: impl FnOnce(&PyObj, &PyObj) -> R,
    ) -> Option<(usize, R)> {
        self.find_item((0..pos.min(self.positions())).rev(), f)
    }

    /// The first live item at the iteration positions `ps` yields, lent to `f`; all
    /// the entries are read under one borrow of the keys (and of the values).
    fn find_item<R>(
        &self,
        mut ps: impl Iterator<Item = usize>,
        f: impl FnOnce(&PyObj, &PyObj) -> R,
    ) -> Option<(usize, R)> {
        let t = self.kref()?;
        let entries = t.entries();
        let (p, k, v) = match (&self.values, &entries) {
            (Some(vals), _) => {
                let vs = vals.entries();
                ps.find_map(|p| {
                    let ix = self.ix_at(p)?;
                    Some((p, key_hash(&entries, ix)?.0, vs.get(ix)?.as_ref()?))
                })
            }
            (None, Entries::A(e)) => {
                ps.find_map(|p| Some((p, e[p].key.as_ref()?, e[p].value.as_ref()?)))
            }
            (None, Entries::B(e)) => {
                ps.find_map(|p| Some((p, e[p].key.as_ref()?, e[p].value.as_ref()?)))
            }
        }?;
        Some((p, f(k, v)))
    }

    /// `next_item` with the key's hash (_PyDict_Next).
    pub fn next_item_hashed(&self, pos: usize) -> Option<(usize, PyObj, PyObj, i64)> {
        let end = self.positions();
        (pos..end).find_map(|p| self.item_at(p).map(|(k, v, h)| (p, k, v, h)))
    }

    /// The last live item at an iteration position < pos: (position, key, value).
    pub fn prev_item(&self, pos: usize) -> Option<(usize, PyObj, PyObj)> {
        self.prev_item_with(pos, |k, v| (k.clone(), v.clone()))
            .map(|(p, (k, v))| (p, k, v))
    }

    /// Live items in iteration order (clones).
    pub fn items(&self) -> Vec<(PyObj, PyObj)> {
        let mut out = Vec::with_capacity(self.used);
        self.for_each(|k, v| out.push((k.clone(), v.clone())));
        out
    }

    /// Live (key, value, hash) in iteration order (clones).
    pub fn items_hashed(&self) -> Vec<(PyObj, PyObj, i64)> {
        (0..self.positions())
            .filter_map(|p| self.item_at(p))
            .collect()
    }

    /// Call `f(key, value)` for each live item in iteration order.
    pub fn for_each(&self, mut f: impl FnMut(&PyObj, &PyObj)) {
        let Some(t) = self.kref() else { return };
        let entries = t.entries();
        match &self.values {
            Some(v) => {
                for (ix, val) in values_in_order(v) {
                    if let Some((k, _)) = key_hash(&entries, ix) {
                        f(k, val);
                    }
                }
            }
            None => match entries {
                Entries::A(e) => e
                    .iter()
                    .filter_map(|en| Some((en.key.as_ref()?, en.value.as_ref()?)))
                    .for_each(|(k, v)| f(k, v)),
                Entries::B(e) => e
                    .iter()
                    .filter_map(|en| Some((en.key.as_ref()?, en.value.as_ref()?)))
                    .for_each(|(k, v)| f(k, v)),
            },
        }
    }

    /// dict_traverse: the values, and the keys of a general table (str keys are not
    /// containers).
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObj)) {
        if let Some(v) = &self.values {
            v.entries().iter().flatten().for_each(visit);
            return;
        }
        let Some(t) = self.kref() else { return };
        match t.entries() {
            Entries::A(e) => {
                for en in e {
                    if let (Some(k), Some(v)) = (&en.key, &en.value) {
                        visit(k);
                        visit(v);
                    }
                }
            }
            Entries::B(e) => e.iter().filter_map(|en| en.value.as_ref()).for_each(visit),
        }
    }

    /// _PyDict_MaybeUntrack's test: nothing stored is, or may become, a tracked
    /// container.
    pub fn all_atomic(&self) -> bool {
        use super::dict::may_be_tracked;
        let mut atomic = true;
        let general = self.kind() == Kind::General;
        if general {
            self.for_each(|k, v| {
                atomic &= !may_be_tracked(k) && !may_be_tracked(v);
            });
        } else {
            self.traverse(&mut |v| atomic &= !may_be_tracked(v));
        }
        atomic
    }
}

// A class's shared keys and its instances' values.
#[path = "dicttable_shared.rs"]
mod shared;
pub use shared::*;

#[cfg(test)]
#[path = "dicttable_tests.rs"]
mod tests;
