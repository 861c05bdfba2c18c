//! The hash table under set and frozenset: CPython 3.11's setobject.c algorithm, so that
//! iteration order, table sizes and frozenset hashes match CPython's.
//!
//! Layout (CPython's PySetObject minus its object header): fill, used, mask, table,
//! hash, finger, smalltable[8]. The table pointer is a boxed slice (a fat pointer, 16
//! bytes) where CPython has an 8-byte pointer plus an 8-byte weakreflist, so the struct is
//! 184 bytes for a pointer-sized key, and a set object is 32 (GC + object header) + 184 =
//! 216 bytes, plus 16 bytes per slot once the table leaves the smalltable.
//!
//! Slots are (key, hash): empty = (None, 0), dummy = (None, -1), active = (Some(k), h).
//! A Python hash is never -1, so the states cannot be confused.
//!
//! Probing: slot i = hash & mask, then up to LINEAR_PROBES neighbours when they fit below
//! the mask, then i = (i*5 + 1 + perturb) & mask with perturb >>= PERTURB_SHIFT.
//! Growth: after an add fills a never-used slot, if fill*5 >= mask*3 the table is rebuilt
//! to the smallest power of 2 > used*4 (used*2 above 50000): 8, 32, 128, 512, 2048, ...
//! Deletions leave dummies and never shrink the table; clear() goes back to the smalltable.
//!
//! See table_key.rs for the key model and what the object layer must do around `__eq__`.

use std::mem;

use super::table_key::{EqFn, TableKey};
use crate::error::{ExcKind, PyErr, PyResult};

/// Slots in the inline smalltable (PySet_MINSIZE).
pub const SET_MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const DUMMY_HASH: i64 = -1;

/// One slot: (key, hash). Empty is (None, 0), dummy is (None, -1).
pub struct SetEntry<K> {
    key: Option<K>,
    hash: i64,
}

impl<K> SetEntry<K> {
    const EMPTY: Self = SetEntry { key: None, hash: 0 };

    #[inline]
    fn is_unused(&self) -> bool {
        self.key.is_none() && self.hash == 0
    }

    #[inline]
    fn is_dummy(&self) -> bool {
        self.key.is_none() && self.hash == DUMMY_HASH
    }
}

/// CPython's set table. Generic over the key (an object handle in glasspy).
pub struct SetTable<K> {
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Table size - 1.
    mask: usize,
    /// The external table, or None while the smalltable is in use.
    table: Option<Box<[SetEntry<K>]>>,
    /// frozenset's cached hash; -1 = not computed.
    hash: i64,
    /// Where pop() starts its search.
    finger: usize,
    smalltable: [SetEntry<K>; SET_MINSIZE],
}

impl<K: TableKey> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// Inserts into a table known to hold no dummies and no equal key (set_insert_clean).
fn insert_clean<K>(table: &mut [SetEntry<K>], mask: usize, key: K, hash: i64) {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if table[i].key.is_none() {
            table[i] = SetEntry {
                key: Some(key),
                hash,
            };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            let run = &mut table[i + 1..=i + LINEAR_PROBES];
            if let Some(e) = run.iter_mut().find(|e| e.key.is_none()) {
                *e = SetEntry {
                    key: Some(key),
                    hash,
                };
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// The next slot of the probe sequence after the run starting at `i`.
#[inline]
fn next_probe(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    (i.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb as usize))
        & mask
}

/// How many neighbours after slot `i` are probed linearly.
#[inline]
fn linear_probes(i: usize, mask: usize) -> usize {
    if i + LINEAR_PROBES <= mask {
        LINEAR_PROBES
    } else {
        0
    }
}

impl<K: TableKey> SetTable<K> {
    /// An empty set on its smalltable (216 bytes as an object).
    pub fn new() -> Self {
        SetTable {
            fill: 0,
            used: 0,
            mask: SET_MINSIZE - 1,
            table: None,
            hash: -1,
            finger: 0,
            smalltable: [SetEntry::EMPTY; SET_MINSIZE],
        }
    }

    /// A copy of `other` built as CPython's set(other) / other.copy(): set_merge on an
    /// empty set, which presizes (set(set(range(5))) is 472 bytes, not 728).
    pub fn copy_of(other: &SetTable<K>) -> Self {
        let mut s = Self::new();
        s.merge(other, &mut |_, _| Ok(false))
            .expect("merge into an empty set compares nothing");
        s
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Active + dummy slots.
    #[inline]
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Table size - 1. Changes whenever the table is rebuilt.
    #[inline]
    pub fn mask(&self) -> usize {
        self.mask
    }

    /// Number of slots (8 on the smalltable).
    #[inline]
    pub fn table_size(&self) -> usize {
        self.mask + 1
    }

    /// Bytes of the external table (0 on the smalltable).
    pub fn heap_bytes(&self) -> usize {
        match &self.table {
            Some(t) => mem::size_of_val::<[SetEntry<K>]>(t),
            None => 0,
        }
    }

    /// The external table's address and bytes (None on the smalltable).
    pub fn table_buffer(&self) -> Option<(usize, usize)> {
        self.table
            .as_ref()
            .map(|t| (t.as_ptr().addr(), mem::size_of_val::<[SetEntry<K>]>(t)))
    }

    /// frozenset's cached hash (-1 when not computed yet).
    #[inline]
    pub fn cached_hash(&self) -> i64 {
        self.hash
    }

    #[inline]
    fn slots(&self) -> &[SetEntry<K>] {
        match &self.table {
            Some(t) => t,
            None => &self.smalltable,
        }
    }

    #[inline]
    fn slots_mut(&mut self) -> &mut [SetEntry<K>] {
        match &mut self.table {
            Some(t) => t,
            None => &mut self.smalltable,
        }
    }

    /// The key in slot `i`, if active.
    pub fn slot_key(&self, i: usize) -> Option<&K> {
        self.slots().get(i).and_then(|e| e.key.as_ref())
    }

    /// The first active slot at index >= pos: (index, key, hash). For set iterators:
    /// resume at index + 1 (CPython's set_next / setiter_iternext).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, &K, i64)> {
        let slots = self.slots();
        let mut i = pos;
        while i < slots.len() {
            if let Some(k) = &slots[i].key {
                return Some((i, k, slots[i].hash));
            }
            i += 1;
        }
        None
    }

    /// Active keys in table order (iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.slots().iter().filter_map(|e| e.key.as_ref())
    }

    /// Active (key, hash) pairs in table order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (&K, i64)> + '_ {
        self.slots()
            .iter()
            .filter_map(|e| e.key.as_ref().map(|k| (k, e.hash)))
    }

    /// Calls `f(slot, key)` for every active slot on `hash`'s probe sequence whose hash
    /// equals `hash`, in probe order, until `f` returns true or the probe reaches an
    /// empty slot (for the object layer's re-entrant `__eq__`). As in CPython's probe, a
    /// slot can come up again when the sequence wraps around.
    #[allow(clippy::needless_range_loop)] // the slot number is the result
    pub fn for_each_candidate(&self, hash: i64, f: &mut dyn FnMut(usize, &K) -> bool) {
        let slots = self.slots();
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            for j in i..=i + linear_probes(i, mask) {
                let e = &slots[j];
                if e.is_unused() {
                    return;
                }
                if e.hash == hash {
                    if let Some(k) = &e.key {
                        if f(j, k) {
                            return;
                        }
                    }
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// set_lookkey: the slot holding a key equal to `key`, or None.
    pub fn lookup(&self, key: &K, hash: i64, eq: &mut EqFn<K>) -> PyResult<Option<usize>> {
        self.probe(key, hash, &mut |a, b| eq(a, b))
    }

    /// set_lookkey with an equality that may not know (None: a candidate needs the
    /// VM's `__eq__`): Some(slot or None) when every candidate was decided, else None,
    /// so the caller takes the full path. One probe, no callback into Python.
    pub fn lookup_decided(
        &self,
        key: &K,
        hash: i64,
        eq: &mut dyn FnMut(&K, &K) -> Option<bool>,
    ) -> Option<Option<usize>> {
        self.probe(key, hash, &mut |a, b| eq(a, b).ok_or(())).ok()
    }

    /// The probe both lookups share: hash equality, then identity, then `eq`, whose
    /// error ends the probe.
    #[allow(clippy::needless_range_loop)] // the slot number is the result
    #[inline]
    fn probe<E>(
        &self,
        key: &K,
        hash: i64,
        eq: &mut dyn FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let slots = self.slots();
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            for j in i..=i + linear_probes(i, mask) {
                let e = &slots[j];
                if e.is_unused() {
                    return Ok(None);
                }
                if e.hash == hash {
                    if let Some(start) = &e.key {
                        if start.is_same(key) || eq(start, key)? {
                            return Ok(Some(j));
                        }
                    }
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// `key in set`.
    pub fn contains(&self, key: &K, hash: i64, eq: &mut EqFn<K>) -> PyResult<bool> {
        Ok(self.lookup(key, hash, eq)?.is_some())
    }

    /// set_add_entry: adds `key` unless an equal key is present (then `key` is dropped).
    /// Returns whether it was added. Reuses the last dummy seen on the probe path.
    #[allow(clippy::needless_range_loop)] // the slot number is the result
    pub fn add(&mut self, key: K, hash: i64, eq: &mut EqFn<K>) -> PyResult<bool> {
        let mask = self.mask;
        let mut freeslot: Option<usize> = None;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let unused = 'probe: loop {
            let slots = self.slots();
            for j in i..=i + linear_probes(i, mask) {
                let e = &slots[j];
                if e.is_unused() {
                    break 'probe j;
                }
                if e.hash == hash {
                    if let Some(start) = &e.key {
                        if start.is_same(&key) || eq(start, &key)? {
                            return Ok(false);
                        }
                    }
                } else if e.is_dummy() {
                    freeslot = Some(j); // the last dummy on the path, as CPython
                }
            }
            i = next_probe(i, &mut perturb, mask);
        };
        self.used += 1;
        if let Some(f) = freeslot {
            self.slots_mut()[f] = SetEntry {
                key: Some(key),
                hash,
            };
            return Ok(true);
        }
        self.fill += 1;
        self.slots_mut()[unused] = SetEntry {
            key: Some(key),
            hash,
        };
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.table_resize(minused)?;
        }
        Ok(true)
    }

    /// set_discard_entry: removes the key equal to `key` and hands it back (the caller
    /// drops it after releasing its borrow). Leaves a dummy; never shrinks.
    pub fn discard(&mut self, key: &K, hash: i64, eq: &mut EqFn<K>) -> PyResult<Option<K>> {
        match self.lookup(key, hash, eq)? {
            None => Ok(None),
            Some(j) => Ok(Some(self.take_slot(j))),
        }
    }

    /// Turns active slot `j` into a dummy and returns its key.
    fn take_slot(&mut self, j: usize) -> K {
        let e = &mut self.slots_mut()[j];
        let old = e.key.take().expect("take_slot on an active slot");
        e.hash = DUMMY_HASH;
        self.used -= 1;
        old
    }

    /// set.pop(): the first active slot from the finger on, wrapping around.
    pub fn pop(&mut self) -> PyResult<K> {
        if self.used == 0 {
            return Err(PyErr::new(ExcKind::KeyError, "pop from an empty set"));
        }
        let mask = self.mask;
        let mut i = self.finger & mask;
        while self.slots()[i].key.is_none() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let key = self.take_slot(i);
        self.finger = i + 1;
        Ok(key)
    }

    /// set.clear(): back to an empty smalltable. The old contents are returned so the
    /// caller drops them after releasing its borrow (CPython's set_clear_internal).
    #[must_use = "drop the old contents after releasing the borrow"]
    pub fn clear(&mut self) -> SetTable<K> {
        let finger = self.finger;
        let old = mem::take(self);
        self.finger = finger;
        old
    }

    /// set_table_resize: rebuilds into the smallest power-of-2 table > minused, dropping
    /// dummies. Table size 8 means the smalltable. MemoryError (the set unchanged)
    /// when the new table cannot be had.
    fn table_resize(&mut self, minused: usize) -> PyResult<()> {
        let mut newsize = SET_MINSIZE;
        while newsize <= minused {
            newsize = newsize.checked_mul(2).ok_or_else(PyErr::memory)?;
        }
        if newsize == SET_MINSIZE && self.table.is_none() && self.fill == self.used {
            return Ok(()); // no dummies to purge
        }
        let mut newtable = if newsize == SET_MINSIZE {
            None
        } else {
            let mut v = super::room::vec_with_capacity(newsize)?;
            v.resize_with(newsize, || SetEntry::EMPTY);
            Some(v.into_boxed_slice())
        };
        let old_small = mem::replace(&mut self.smalltable, [SetEntry::EMPTY; SET_MINSIZE]);
        let old_table = self.table.take();
        self.mask = newsize - 1;
        self.fill = self.used;
        let mask = self.mask;
        let dest: &mut [SetEntry<K>] = match &mut newtable {
            Some(t) => t,
            None => &mut self.smalltable,
        };
        let move_all = |src: &mut [SetEntry<K>], dest: &mut [SetEntry<K>]| {
            for e in src.iter_mut() {
                if let Some(k) = e.key.take() {
                    insert_clean(dest, mask, k, e.hash);
                }
            }
        };
        match old_table {
            Some(mut t) => move_all(&mut t, dest),
            None => {
                let mut small = old_small;
                move_all(&mut small, dest);
            }
        }
        self.table = newtable;
        Ok(())
    }

    /// The presizing rule of set_merge and of set_update_internal for a dict: one resize
    /// to the smallest power of 2 > 2*(used + n) if (fill + n)*5 >= mask*3. (When the
    /// table cannot be had the merge goes on unsized: its adds raise MemoryError.)
    pub fn presize_for_merge(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask * 3 {
            let _ = self.table_resize((self.used + n).saturating_mul(2));
        }
    }

    /// set_merge: `self |= other` for another set (other must not be self: the object
    /// layer skips `s.update(s)`).
    pub fn merge(&mut self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        self.presize_for_merge(other.used);
        if self.fill == 0 && self.mask == other.mask && other.fill == other.used {
            // Same size, no dummies: copy slot by slot.
            let src = other.slots();
            let dest = self.slots_mut();
            for (d, s) in dest.iter_mut().zip(src) {
                if let Some(k) = &s.key {
                    *d = SetEntry {
                        key: Some(k.clone()),
                        hash: s.hash,
                    };
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            let mask = self.mask;
            let dest = match &mut self.table {
                Some(t) => &mut t[..],
                None => &mut self.smalltable[..],
            };
            for (k, h) in other.iter_hashed() {
                insert_clean(dest, mask, k.clone(), h);
            }
            return Ok(());
        }
        for (k, h) in other.iter_hashed() {
            self.add(k.clone(), h, eq)?;
        }
        Ok(())
    }

    /// set_update_internal for a dict or any source whose length is known up front:
    /// presize for `n` items, then add them in order.
    pub fn update_presized(
        &mut self,
        n: usize,
        items: &mut dyn Iterator<Item = (K, i64)>,
        eq: &mut EqFn<K>,
    ) -> PyResult<()> {
        self.presize_for_merge(n);
        for (k, h) in items {
            self.add(k, h, eq)?;
        }
        Ok(())
    }

    /// set.update(iterable) for other iterables: plain adds.
    pub fn update_iter(
        &mut self,
        items: &mut dyn Iterator<Item = (K, i64)>,
        eq: &mut EqFn<K>,
    ) -> PyResult<()> {
        for (k, h) in items {
            self.add(k, h, eq)?;
        }
        Ok(())
    }

    /// `self | other` (set_or): a copy of self, then merge other.
    pub fn union(&self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<SetTable<K>> {
        let mut r = Self::copy_of(self);
        r.merge(other, eq)?;
        Ok(r)
    }

    /// `self & other` (set_intersection): iterates the smaller set, keeping its keys.
    pub fn intersection(&self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<SetTable<K>> {
        let (big, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        let mut r = Self::new();
        for (k, h) in small.iter_hashed() {
            if big.contains(k, h, eq)? {
                r.add(k.clone(), h, eq)?;
            }
        }
        Ok(r)
    }

    /// `self &= other` (set_intersection_update): computes the intersection and swaps
    /// bodies with it (set_swap_bodies keeps each finger). Returns the old body.
    #[must_use = "drop the old body after releasing the borrow"]
    pub fn intersection_update(
        &mut self,
        other: &SetTable<K>,
        eq: &mut EqFn<K>,
    ) -> PyResult<SetTable<K>> {
        let mut tmp = self.intersection(other, eq)?;
        self.swap_bodies(&mut tmp);
        Ok(tmp)
    }

    /// set_swap_bodies: exchanges the tables but not the fingers. A set's cached hash
    /// is reset, as CPython does unless both are frozensets (then the caller swaps them).
    pub fn swap_bodies(&mut self, other: &mut SetTable<K>) {
        let (fa, fb) = (self.finger, other.finger);
        mem::swap(self, other);
        self.finger = fa;
        other.finger = fb;
        self.hash = -1;
        other.hash = -1;
    }

    /// `self - other` (set_difference) for another set.
    pub fn difference(&self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<SetTable<K>> {
        if (self.used >> 2) > other.used {
            // set_copy_and_difference
            let mut r = Self::copy_of(self);
            let dropped = r.difference_update(other, eq)?;
            drop(dropped);
            return Ok(r);
        }
        let mut r = Self::new();
        for (k, h) in self.iter_hashed() {
            if !other.contains(k, h, eq)? {
                r.add(k.clone(), h, eq)?;
            }
        }
        Ok(r)
    }

    /// set_difference's loop for a dict `other` given by its membership test: a new set
    /// of self's keys not in other, in self's order. CPython takes this path when
    /// len(self) >> 2 <= len(other); otherwise it copies self and discards other's keys
    /// (`copy_of`, `discard`, `purge_dummies_after_difference`).
    pub fn difference_by(
        &self,
        in_other: &mut dyn FnMut(&K, i64) -> PyResult<bool>,
        eq: &mut EqFn<K>,
    ) -> PyResult<SetTable<K>> {
        let mut r = Self::new();
        for (k, h) in self.iter_hashed() {
            if !in_other(k, h)? {
                r.add(k.clone(), h, eq)?;
            }
        }
        Ok(r)
    }

    /// `self -= other` (set_difference_update_internal) for another set. Returns the
    /// removed keys for the caller to drop after releasing its borrow.
    #[must_use = "drop the removed keys after releasing the borrow"]
    pub fn difference_update(&mut self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<Vec<K>> {
        let mut removed = Vec::new();
        if (other.used >> 3) > self.used {
            // Other is more than 8 times larger: discard the intersection instead.
            let common = self.intersection(other, eq)?;
            for (k, h) in common.iter_hashed() {
                removed.extend(self.discard(k, h, eq)?);
            }
        } else {
            for (k, h) in other.iter_hashed() {
                removed.extend(self.discard(k, h, eq)?);
            }
        }
        self.purge_dummies_after_difference();
        Ok(removed)
    }

    /// The end of set_difference_update_internal (also after discarding an iterable's
    /// keys): if more than a quarter of the slots are dummies, rebuild (this can shrink).
    pub fn purge_dummies_after_difference(&mut self) {
        if self.fill - self.used <= self.mask / 4 {
            return;
        }
        let minused = if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        };
        // Purging only saves room: without the memory for it the table stays as it is.
        let _ = self.table_resize(minused);
    }

    /// `self ^= other` (set_symmetric_difference_update) for another set: for each of
    /// other's keys, discard it if present, else add it. Returns the removed keys.
    #[must_use = "drop the removed keys after releasing the borrow"]
    pub fn symmetric_difference_update(
        &mut self,
        other: &SetTable<K>,
        eq: &mut EqFn<K>,
    ) -> PyResult<Vec<K>> {
        let mut removed = Vec::new();
        for (k, h) in other.iter_hashed() {
            match self.discard(k, h, eq)? {
                Some(old) => removed.push(old),
                None => {
                    self.add(k.clone(), h, eq)?;
                }
            }
        }
        Ok(removed)
    }

    /// `self ^ other` (set_symmetric_difference): a copy of other, then ^= self.
    pub fn symmetric_difference(
        &self,
        other: &SetTable<K>,
        eq: &mut EqFn<K>,
    ) -> PyResult<SetTable<K>> {
        let mut r = Self::copy_of(other);
        let removed = r.symmetric_difference_update(self, eq)?;
        drop(removed);
        Ok(r)
    }

    /// `self <= other` (set_issubset).
    pub fn is_subset(&self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<bool> {
        if self.used > other.used {
            return Ok(false);
        }
        for (k, h) in self.iter_hashed() {
            if !other.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `self >= other` (set_issuperset for a set).
    pub fn is_superset(&self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<bool> {
        other.is_subset(self, eq)
    }

    /// set.isdisjoint for another set: iterates the smaller one.
    pub fn is_disjoint(&self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<bool> {
        let (big, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        for (k, h) in small.iter_hashed() {
            if big.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `self == other` (set_richcompare Py_EQ): sizes, cached frozenset hashes, subset.
    pub fn set_eq(&self, other: &SetTable<K>, eq: &mut EqFn<K>) -> PyResult<bool> {
        if self.used != other.used {
            return Ok(false);
        }
        if self.hash != -1 && other.hash != -1 && self.hash != other.hash {
            return Ok(false);
        }
        self.is_subset(other, eq)
    }

    /// frozenset_hash: computed once over every slot (active, empty and dummy) and cached.
    pub fn frozenset_hash(&mut self) -> i64 {
        if self.hash != -1 {
            return self.hash;
        }
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for e in self.slots() {
            hash ^= shuffle_bits(e.hash as u64);
        }
        if (self.mask + 1 - self.fill) & 1 == 1 {
            hash ^= shuffle_bits(0);
        }
        if (self.fill - self.used) & 1 == 1 {
            hash ^= shuffle_bits(u64::MAX);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        self.hash = hash as i64;
        self.hash
    }
}

#[cfg(test)]
#[path = "settable_tests.rs"]
pub(crate) mod tests;
