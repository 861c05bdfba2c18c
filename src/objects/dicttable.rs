//! The hash table under dict: an indexmap in insertion order with CPython's dict
//! semantics, O(1) amortised deletion by tombstones, and exact byte accounting.
//!
//! Entries are `Slot { hash, kv }` in an `IndexMap<Slot, (), ()>` searched only through
//! the raw entry API (RawEntryApiV1) (precomputed hash + match closure), so K needs neither Hash nor Eq.
//! indexmap gets a mixed copy of the Python hash (hashbrown takes its 7-bit tags from the
//! top bits, which are all 0 for small ints); the Python hash itself is kept in the slot
//! so `__eq__` runs only on equal hashes, as in CPython.
//!
//! Deletion turns a slot into a dummy (kv = None) in place: the others keep their
//! positions and order, and nothing is ever erased from indexmap's hash index, which
//! therefore never holds hashbrown tombstones. Dummies are dropped by a rebuild when a new
//! key is inserted and either the table is full with at least 1/8 of it dead (as CPython
//! compacts its entries at resize time) or dummies outnumber live entries (+8): a dummy
//! keeps its hash in the index, so many dummies of one hash would lengthen that key's
//! probes. Either way the rebuild's O(n) is paid by the deletions that made the dummies.
//! Updating an existing key never rebuilds, so iterators survive `d[k] = v`. A dummy's `hash` field
//! holds the start of the run of dummies it belongs to, so popitem() skips runs quickly
//! (path compression), keeping it O(1) amortised like CPython's popitem.
//!
//! Capacity invariant (what `heap_bytes` relies on): the entries vector's capacity always
//! equals the hash index's full capacity (its bucket count less the empty slots hashbrown
//! keeps), and `IndexMap::capacity()` reports it: tables are built with
//! `with_capacity(cap_for(n))`, whose two capacities agree; indexmap grows its entries to
//! the index's new capacity when the index grows; and without tombstones the index
//! capacity is exactly the full capacity of its buckets.
//!
//! See table_key.rs for the key model and what the object layer must do around `__eq__`.

use std::hash::{BuildHasher, Hasher};
use std::mem;

use indexmap::map::{MutableKeys, RawEntryApiV1};
use indexmap::IndexMap;

use super::table_key::{EqFn, TableKey};
use crate::error::{ExcKind, PyErr, PyResult};

/// One entry. Live: kv = Some, hash = the key's Python hash. Dummy: kv = None, hash =
/// a position p such that every slot in p..=here is a dummy.
struct Slot<K, V> {
    hash: i64,
    kv: Option<(K, V)>,
}

/// indexmap's hasher parameter. Slots do not implement Hash and every search goes through
/// the raw entry API with a precomputed hash, so it never hashes anything; it exists
/// only because indexmap's `MutableKeys` asks for a BuildHasher.
#[derive(Clone, Copy, Default)]
pub struct Unhashed;

/// The never-used hasher of `Unhashed`.
pub struct UnusedHasher;

impl BuildHasher for Unhashed {
    type Hasher = UnusedHasher;
    fn build_hasher(&self) -> UnusedHasher {
        UnusedHasher
    }
}

impl Hasher for UnusedHasher {
    fn finish(&self) -> u64 {
        unreachable!("dict tables are searched by precomputed hash only")
    }
    fn write(&mut self, _bytes: &[u8]) {
        unreachable!("dict tables are searched by precomputed hash only")
    }
}

/// hashbrown's group width: 16 with SSE2 on x86, else 8 bytes (NEON and the generic u64).
const GROUP_WIDTH: usize = if cfg!(all(
    target_feature = "sse2",
    any(target_arch = "x86", target_arch = "x86_64"),
    not(miri)
)) {
    16
} else {
    mem::size_of::<usize>()
};

/// The hash given to indexmap: the Python hash folded and multiplied so both hashbrown's
/// bucket index (low bits) and its tag (top 7 bits) vary.
#[inline]
fn mix(hash: i64) -> u64 {
    let h = hash as u64;
    (h ^ (h >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// hashbrown's capacity_to_buckets for an index of usize (min 4 buckets).
fn buckets_for(cap: usize) -> usize {
    if cap < 4 {
        4
    } else if cap < 8 {
        8
    } else if cap < 15 {
        16
    } else {
        (cap * 8 / 7).next_power_of_two()
    }
}

/// hashbrown's bucket_mask_to_capacity.
fn full_capacity(buckets: usize) -> usize {
    if buckets <= 8 {
        buckets - 1
    } else {
        buckets / 8 * 7
    }
}

/// The capacity of a fresh table for n entries: 0, 3, 7, 14, 28, 56, 112, ...
fn cap_for(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        full_capacity(buckets_for(n))
    }
}

/// An insertion-ordered dict table over object handles.
pub struct DictTable<K, V> {
    map: IndexMap<Slot<K, V>, (), Unhashed>,
    /// Live entries.
    used: usize,
    /// Bumped on every change of the set of keys or of positions (not on value updates).
    version: u64,
}

impl<K: TableKey, V> Default for DictTable<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// The match closure: hash equality, then identity, then `__eq__`; the first error is
/// kept and every later candidate is refused.
#[inline]
fn matches<K: TableKey, V>(
    slot: &Slot<K, V>,
    hash: i64,
    key: &K,
    eq: &mut EqFn<K>,
    err: &mut Option<PyErr>,
) -> bool {
    if err.is_some() || slot.hash != hash {
        return false;
    }
    let Some((k, _)) = &slot.kv else {
        return false;
    };
    if k.is_same(key) {
        return true;
    }
    match eq(k, key) {
        Ok(b) => b,
        Err(e) => {
            *err = Some(e);
            false
        }
    }
}

impl<K: TableKey, V> DictTable<K, V> {
    /// An empty dict: no table allocated.
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A dict with room for n entries without growing.
    pub fn with_capacity(n: usize) -> Self {
        DictTable {
            map: IndexMap::with_capacity_and_hasher(cap_for(n), Unhashed),
            used: 0,
            version: next_version(),
        }
    }

    /// Live entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Changes whenever keys are added or removed or positions move; value updates keep
    /// it. Iterators compare `len()` for CPython's "changed size" error and can use this
    /// to know their position is still meaningful.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Positions in use, dummies included: iterators walk 0..positions().
    #[inline]
    pub fn positions(&self) -> usize {
        self.map.len()
    }

    /// Entries the table holds before it must grow or compact.
    #[inline]
    pub fn capacity(&self) -> usize {
        self.map.capacity()
    }

    /// Dummies (deleted entries) still occupying positions.
    #[inline]
    pub fn dummies(&self) -> usize {
        self.map.len() - self.used
    }

    /// Real bytes of the hash index (hashbrown: usize buckets, control bytes and one
    /// group of padding) plus the entries vector at its capacity. 0 when unallocated.
    pub fn heap_bytes(&self) -> usize {
        let cap = self.map.capacity();
        if cap == 0 {
            return 0;
        }
        let buckets = if cap < 8 { cap + 1 } else { cap / 7 * 8 };
        let ctrl_align = GROUP_WIDTH.max(mem::align_of::<usize>());
        let index = (buckets * mem::size_of::<usize>()).next_multiple_of(ctrl_align)
            + buckets
            + GROUP_WIDTH;
        // indexmap's Bucket { hash: HashValue(usize), key: Slot, value: () }.
        let entries = cap * mem::size_of::<(usize, Slot<K, V>)>();
        index + entries
    }

    /// The live item at a position, or None for a dummy or past the end.
    pub fn entry_at(&self, pos: usize) -> Option<(&K, &V)> {
        let (slot, _) = self.map.get_index(pos)?;
        slot.kv.as_ref().map(|(k, v)| (k, v))
    }

    /// The first live item at a position >= pos: (position, key, value). Dict iterators
    /// resume at position + 1.
    pub fn next_item(&self, pos: usize) -> Option<(usize, &K, &V)> {
        let mut i = pos;
        while let Some((slot, _)) = self.map.get_index(i) {
            if let Some((k, v)) = &slot.kv {
                return Some((i, k, v));
            }
            i += 1;
        }
        None
    }

    /// Live items in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> + '_ {
        self.map
            .keys()
            .filter_map(|s| s.kv.as_ref().map(|(k, v)| (k, v)))
    }

    /// Live (key, value, hash) in insertion order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (&K, &V, i64)> + '_ {
        self.map
            .keys()
            .filter_map(|s| s.kv.as_ref().map(|(k, v)| (k, v, s.hash)))
    }

    /// Calls `f(position, key)` for each live key whose hash equals `hash`, until it
    /// returns true (for the object layer's re-entrant `__eq__`, see table_key.rs).
    pub fn for_each_candidate(&self, hash: i64, f: &mut dyn FnMut(usize, &K) -> bool) {
        let mut stop = false;
        self.map.raw_entry_v1().from_hash(mix(hash), |slot| {
            if !stop && slot.hash == hash {
                if let Some((k, _)) = &slot.kv {
                    // Positions are not visible to this closure: find it by identity.
                    stop = f(self.position_of_same(hash, k), k);
                }
            }
            false
        });
    }

    /// The value of the live entry at position `pos`, for replacing in place (a value
    /// update: the version stays).
    pub fn value_at_mut(&mut self, pos: usize) -> Option<&mut V> {
        if pos >= self.map.len() {
            return None;
        }
        self.slot_mut(pos).kv.as_mut().map(|(_, v)| v)
    }

    /// Does `f` hold for a live key whose hash equals `hash`? (Stops at the first.)
    pub fn any_candidate(&self, hash: i64, f: &mut dyn FnMut(&K) -> bool) -> bool {
        let mut found = false;
        self.map.raw_entry_v1().from_hash(mix(hash), |slot| {
            if !found && slot.hash == hash {
                if let Some((k, _)) = &slot.kv {
                    found = f(k);
                }
            }
            false
        });
        found
    }

    /// Position of the entry holding exactly `key` (identity), which must be present.
    fn position_of_same(&self, hash: i64, key: &K) -> usize {
        self.map
            .raw_entry_v1()
            .index_from_hash(mix(hash), |s| {
                s.hash == hash && s.kv.as_ref().is_some_and(|(k, _)| k.is_same(key))
            })
            .expect("a candidate key is in the table")
    }

    /// The position of the key equal to `key`, if any.
    pub fn find(&self, key: &K, hash: i64, eq: &mut EqFn<K>) -> PyResult<Option<usize>> {
        let mut err = None;
        let found = self
            .map
            .raw_entry_v1()
            .index_from_hash(mix(hash), |s| matches(s, hash, key, eq, &mut err));
        match err {
            Some(e) => Err(e),
            None => Ok(found),
        }
    }

    /// `d[key]` / `d.get(key)`: the stored key and value.
    pub fn get(&self, key: &K, hash: i64, eq: &mut EqFn<K>) -> PyResult<Option<(&K, &V)>> {
        Ok(self.find(key, hash, eq)?.and_then(|i| self.entry_at(i)))
    }

    /// `key in d`.
    pub fn contains(&self, key: &K, hash: i64, eq: &mut EqFn<K>) -> PyResult<bool> {
        Ok(self.find(key, hash, eq)?.is_some())
    }

    /// The live slot at position i, mutably.
    fn slot_mut(&mut self, i: usize) -> &mut Slot<K, V> {
        self.map.get_index_mut2(i).expect("position in range").0
    }

    /// `d[key] = value`. An existing key keeps its position and its original key object
    /// (the new `key` is dropped here: pass a key the caller also holds). Returns the
    /// replaced value for the caller to drop after releasing its borrow.
    pub fn insert(&mut self, key: K, hash: i64, value: V, eq: &mut EqFn<K>) -> PyResult<Option<V>> {
        if let Some(i) = self.find(&key, hash, eq)? {
            let (_, v) = self.slot_mut(i).kv.as_mut().expect("found slots are live");
            return Ok(Some(mem::replace(v, value)));
        }
        self.push_new(key, hash, value);
        Ok(None)
    }

    /// `d.setdefault(key, default)`: the value for key, inserting default if absent.
    pub fn setdefault(&mut self, key: K, hash: i64, default: V, eq: &mut EqFn<K>) -> PyResult<&V> {
        let i = match self.find(&key, hash, eq)? {
            Some(i) => i,
            None => self.push_new(key, hash, default),
        };
        Ok(self.entry_at(i).expect("live entry").1)
    }

    /// Appends a key known to be absent; returns its position.
    fn push_new(&mut self, key: K, hash: i64, value: V) -> usize {
        let dead = self.dummies();
        let full = self.map.len() == self.map.capacity();
        if dead > 0 && ((full && dead * 8 >= self.map.len()) || dead > self.used + 8) {
            self.rebuild(cap_for(self.used + 1));
        }
        self.bump_version();
        self.used += 1;
        let slot = Slot {
            hash,
            kv: Some((key, value)),
        };
        match self.map.raw_entry_mut_v1().from_hash(mix(hash), |_| false) {
            indexmap::map::raw_entry_v1::RawEntryMut::Vacant(v) => {
                let pos = v.index();
                v.insert_hashed_nocheck(mix(hash), slot, ());
                pos
            }
            indexmap::map::raw_entry_v1::RawEntryMut::Occupied(_) => {
                unreachable!("the match closure refuses every slot")
            }
        }
    }

    /// Moves the live entries, in order, into a fresh table of the given capacity.
    fn rebuild(&mut self, cap: usize) {
        let old = mem::replace(
            &mut self.map,
            IndexMap::with_capacity_and_hasher(cap, Unhashed),
        );
        for (slot, ()) in old {
            if slot.kv.is_some() {
                let h = mix(slot.hash);
                match self.map.raw_entry_mut_v1().from_hash(h, |_| false) {
                    indexmap::map::raw_entry_v1::RawEntryMut::Vacant(v) => {
                        v.insert_hashed_nocheck(h, slot, ());
                    }
                    indexmap::map::raw_entry_v1::RawEntryMut::Occupied(_) => unreachable!(),
                }
            }
        }
        self.bump_version();
    }

    /// Turns the live slot at position i into a dummy and returns its item.
    fn take_at(&mut self, i: usize) -> (K, V) {
        let slot = self.slot_mut(i);
        let kv = slot.kv.take().expect("take_at on a live slot");
        slot.hash = i as i64; // a run of dummies starting here
        self.used -= 1;
        self.bump_version();
        kv
    }

    /// `del d[key]` / `d.pop(key)`: removes the item and hands it back (the caller drops
    /// it after releasing its borrow). The others keep their order.
    pub fn remove(&mut self, key: &K, hash: i64, eq: &mut EqFn<K>) -> PyResult<Option<(K, V)>> {
        match self.find(key, hash, eq)? {
            Some(i) => Ok(Some(self.take_at(i))),
            None => Ok(None),
        }
    }

    /// Removes the live item at a position (e.g. for an iterator-driven deletion).
    pub fn remove_at(&mut self, pos: usize) -> Option<(K, V)> {
        self.entry_at(pos)?;
        Some(self.take_at(pos))
    }

    /// The start of the dummy run ending at position p (with path compression).
    fn run_start(&mut self, p: usize) -> usize {
        // First pass: find the lowest position of the run.
        let mut i = p as isize;
        while i >= 0 {
            let s = self.map.get_index(i as usize).expect("in range").0;
            if s.kv.is_some() {
                break;
            }
            let below = s.hash as isize;
            i = if below < i { below } else { i - 1 };
        }
        let start = (i + 1) as usize;
        // Second pass: point every visited dummy at the start.
        let mut j = p as isize;
        while j >= start as isize {
            let s = self.slot_mut(j as usize);
            let below = s.hash as isize;
            s.hash = start as i64;
            j = if below < j { below } else { j - 1 };
        }
        start
    }

    /// `d.popitem()`: removes and returns the last item (LIFO).
    pub fn popitem(&mut self) -> PyResult<(K, V)> {
        if self.used == 0 {
            return Err(PyErr::new(
                ExcKind::KeyError,
                "popitem(): dictionary is empty",
            ));
        }
        let n = self.map.len();
        let last_live = self.run_start(n - 1) - 1;
        let kv = self.take_at(last_live);
        // The popped slot joins the trailing run.
        if last_live + 1 < n {
            self.slot_mut(n - 1).hash = last_live as i64;
        }
        Ok(kv)
    }

    /// A new version for a change of keys or positions; a watched table (a type's
    /// dict) also moves the type-attribute epoch on.
    #[inline]
    fn bump_version(&mut self) {
        let watched = self.version & WATCHED;
        if watched != 0 {
            TYPE_EPOCH.with(|e| e.set(e.get() + 1));
        }
        self.version = next_version() | watched;
    }

    /// Mark this table as a type's dict: from now on a change of its keys moves
    /// `type_epoch()` on (CPython's type version tags, made global).
    pub fn watch(&mut self) {
        self.version |= WATCHED;
    }

    /// `d.clear()`: frees the table. The old contents are returned so the caller drops
    /// them after releasing its borrow.
    #[must_use = "drop the old contents after releasing the borrow"]
    pub fn clear(&mut self) -> DictTable<K, V> {
        let old = mem::take(self);
        self.version = old.version;
        self.bump_version();
        old
    }
}

thread_local! {
    static VERSIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    static TYPE_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// The low bit of a version: the table is watched (see `DictTable::watch`).
const WATCHED: u64 = 1;

/// Moves on whenever a watched table changes its keys: caches of attribute lookups
/// along MROs are valid while it stays the same.
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(|e| e.get())
}

/// Move the type epoch on by hand (a type freed or cleared: caches keyed by its
/// address must not answer for whatever is allocated there next).
pub fn bump_type_epoch() {
    let _ = TYPE_EPOCH.try_with(|e| e.set(e.get() + 1));
}

/// A version number no table of this thread has had before (CPython's global
/// ma_version_tag): equal versions mean the same table in the same state, so caches
/// keyed by a version are never stale.
fn next_version() -> u64 {
    // Even numbers: the low bit is WATCHED.
    VERSIONS.with(|v| {
        let n = v.get() + 2;
        v.set(n);
        n
    })
}

impl<K: TableKey, V: Clone> DictTable<K, V> {
    /// `d.copy()`: the live items in order, in a table sized for them (no dummies).
    pub fn copy(&self) -> DictTable<K, V> {
        let mut t = Self::with_capacity(self.used);
        for (k, v, h) in self.iter_hashed() {
            t.push_new(k.clone(), h, v.clone());
        }
        t.version = next_version();
        t
    }

    /// `d.update(other)` for another dict: inserts or overwrites each item in other's
    /// order, growing once up front if other would not fit. Returns the replaced values.
    #[must_use = "drop the replaced values after releasing the borrow"]
    pub fn update(&mut self, other: &DictTable<K, V>, eq: &mut EqFn<K>) -> PyResult<Vec<V>> {
        if self.map.capacity() - self.map.len() < other.used {
            self.rebuild(cap_for(self.used + other.used));
        }
        let mut replaced = Vec::new();
        for (k, v, h) in other.iter_hashed() {
            if let Some(old) = self.insert(k.clone(), h, v.clone(), eq)? {
                replaced.push(old);
            }
        }
        Ok(replaced)
    }
}

#[cfg(test)]
#[path = "dicttable_tests.rs"]
mod tests;
