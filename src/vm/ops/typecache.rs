//! The type attribute cache: what `type_lookup` found along a type's MRO, per
//! (type, name), so repeated attribute and special-method lookups skip the dict
//! probes. CPython's method cache, with one global invalidation: the dicts walked are
//! marked watched, and any change of a watched dict (a key, or a value replaced) moves
//! `dicttable::attr_epoch()` on, which empties the cache.
//!
//! An entry keeps the value itself as a `heap::Borrowed` (no count, so
//! sys.getrefcount is CPython's), which answers only while no object so named has
//! died; and where it was found (the MRO index and the entry number), which the inline
//! caches of quick.rs keep under the coarser `type_epoch()`.

use crate::heap::{Borrowed, BorrowedSlot, PyObj, TypeRef};
use crate::objects::dicttable::attr_epoch;
use crate::objects::{dict, string, tuple, typeobj};

use super::super::Vm;
use crate::objects::exceptions::VmResult;

/// What `type_lookup_at` tells: the value found along the MRO, and where.
pub(crate) type Located = (Option<PyObj>, Option<(u32, u32)>);

/// Number of entries (a power of two; CPython 3.11's method cache has 4096 too): 4096
/// of 56 bytes, 224 KiB, past the 128 KiB from which glibc's malloc serves a request
/// with a fresh mapping (its M_MMAP_THRESHOLD), whose pages are zero until written.
/// At 1024 (56 KiB) the table came from the main heap, and calloc cleared it at
/// every start (about 65 K instructions and 14 page faults for an empty script).
const SIZE: usize = 4096;

const _: () = assert!(SIZE * std::mem::size_of::<Stored>() >= 128 << 10);

/// The key length of an entry kept by position (`TypeCache::fetch`): an interned
/// name's is usize::MAX, a static text's twice its length plus the question.
const AT_KEY: usize = usize::MAX - 1;

/// What a lookup found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// In no dict of the MRO.
    Absent,
    /// At `pos` of the dict of the MRO's `index`-th type.
    At { index: u32, pos: u32 },
}

/// An entry as stored: the words (epoch, type, name, len, tag, index, pos) and the
/// value. `ty` is the type's address (freeing or clearing a type moves the epoch on,
/// so an address names one type while the epoch stays); `name` an interned str's
/// address (len usize::MAX), or a static text's address and length with the question
/// asked in the low bit; `tag` 0 for an empty entry, else TAG_ABSENT or TAG_AT (then
/// `Answer::At { index, pos }`). Plain words and a `BorrowedSlot`, whose all-zero bytes
/// are an empty entry: the table comes from zeroed memory, so only the pages of
/// entries written are ever touched (an empty script writes none of its 224 KiB).
type Stored = ((u64, usize, usize, usize, u32, u32, u32), BorrowedSlot);

/// A stored entry's tag: `Answer::Absent`, `Answer::At` (0: empty).
const TAG_ABSENT: u32 = 1;
const TAG_AT: u32 = 2;

/// A valid entry's answer.
#[inline]
fn answer(e: &Stored) -> Answer {
    let (_, _, _, _, tag, index, pos) = e.0;
    if tag == TAG_ABSENT {
        Answer::Absent
    } else {
        Answer::At { index, pos }
    }
}

/// The per-interpreter cache (a field of `Vm`).
pub(crate) struct TypeCache {
    entries: Box<[Stored]>,
    /// Methods found in static types' own dicts, numbered for the LOAD_METHOD sites
    /// that name them (`static_method`).
    statics: Vec<(Borrowed, u32)>,
    /// Where (type address, entry number) stands in `statics`.
    static_index: std::collections::HashMap<(usize, u32), u32>,
}

impl Default for TypeCache {
    fn default() -> Self {
        TypeCache {
            entries: bytemuck::allocation::zeroed_slice_box(SIZE),
            statics: Vec::new(),
            static_index: std::collections::HashMap::new(),
        }
    }
}

#[inline]
fn slot(ty: usize, name: usize, len: usize) -> usize {
    let h = (ty >> 4) ^ (name >> 3).wrapping_mul(0x9E37_79B9) ^ len;
    h & (SIZE - 1)
}

/// A cache hit: Some(None) when the name is in no dict of the MRO, Some(Some(v)) with
/// the value found; None when not cached.
type Hit = Option<Option<PyObj>>;

impl TypeCache {
    /// The valid entry for (ty, name, len), if any.
    #[inline]
    fn entry(&self, ty: &TypeRef, name: usize, len: usize) -> Option<&Stored> {
        let e = &self.entries[slot(ty.id(), name, len)];
        let (epoch, t, n, l, tag, _, _) = e.0;
        let valid = tag != 0 && t == ty.id() && n == name && l == len && epoch == attr_epoch();
        valid.then_some(e)
    }

    #[inline]
    fn hit(&self, ty: &TypeRef, name: usize, len: usize) -> Hit {
        let e = self.entry(ty, name, len)?;
        match e.0 .4 {
            TAG_AT => Some(Some(e.1.get()?.get()?)),
            _ => Some(None),
        }
    }

    /// The value at (index, pos) of `ty`'s walk (what an inline cache names, after its
    /// guard held): kept in an entry of its own, keyed by the position, while
    /// `attr_epoch()` stays, as a `heap::Borrowed`. An entry is made only for a watched
    /// dict (whose every change moves that epoch on).
    #[inline]
    pub(crate) fn fetch(&mut self, ty: &TypeRef, index: usize, pos: usize) -> Option<PyObj> {
        // The key spreads the position over the bits the slot hash reads; the entry's
        // answer tells the position exactly.
        let key = (pos << 4) ^ (index << 40);
        if let Some(e) = self.entry(ty, key, AT_KEY) {
            if answer(e)
                == (Answer::At {
                    index: index as u32,
                    pos: pos as u32,
                })
            {
                if let Some(v) = e.1.get().as_ref().and_then(Borrowed::get) {
                    return Some(v);
                }
            }
        }
        self.fetch_slow(ty, index, pos, key)
    }

    #[inline(never)]
    fn fetch_slow(&mut self, ty: &TypeRef, index: usize, pos: usize, key: usize) -> Option<PyObj> {
        let (v, watched) = fetch_watched(ty, index, pos)?;
        if watched && u32::try_from(index).is_ok() && u32::try_from(pos).is_ok() {
            let at = Answer::At {
                index: index as u32,
                pos: pos as u32,
            };
            self.put(ty, key, AT_KEY, at, Some(&v));
        }
        Some(v)
    }

    /// The number by which an inline cache names `v`, found at entry `pos` of static
    /// type `ty`'s own dict. A static type is never freed (heap H11) and its dict
    /// never changes (its attributes cannot be set), so the type's address and the
    /// number name that value for good, with no epoch to compare.
    pub(crate) fn pin_static(&mut self, ty: &TypeRef, pos: u32, v: &PyObj) -> Option<u32> {
        if typeobj::is_heap_type(ty) {
            return None;
        }
        if let Some(&n) = self.static_index.get(&(ty.id(), pos)) {
            return Some(n);
        }
        let n = u32::try_from(self.statics.len()).ok()?;
        self.statics.push((Borrowed::new(v), pos));
        self.static_index.insert((ty.id(), pos), n);
        Some(n)
    }

    /// The value pinned as number `n` (`pin_static`) for `obj`, whose type is the
    /// static type the inline cache was keyed by. The `Borrowed` answers while no
    /// `CACHED` object has died; after one has, the value is read again from the
    /// type's dict, which still holds it.
    #[inline]
    pub(crate) fn static_method(&mut self, n: u32, obj: &PyObj) -> Option<PyObj> {
        let (b, _) = self.statics.get(n as usize)?;
        match b.get() {
            Some(v) => Some(v),
            None => self.static_method_again(n, obj),
        }
    }

    #[cold]
    #[inline(never)]
    fn static_method_again(&mut self, n: u32, obj: &PyObj) -> Option<PyObj> {
        let e = self.statics.get_mut(n as usize)?;
        let (v, _) = entry_value(&obj.type_obj(), e.1 as usize)?;
        e.0 = Borrowed::new(&v);
        Some(v)
    }

    fn put(&mut self, ty: &TypeRef, name: usize, len: usize, answer: Answer, v: Option<&PyObj>) {
        let (tag, index, pos) = match answer {
            Answer::Absent => (TAG_ABSENT, 0, 0),
            Answer::At { index, pos } => (TAG_AT, index, pos),
        };
        self.entries[slot(ty.id(), name, len)] = (
            (attr_epoch(), ty.id(), name, len, tag, index, pos),
            BorrowedSlot::new(v.map(Borrowed::new)),
        );
    }
}

/// The types `type_lookup` walks for `ty`: its MRO for a class, the base chain for a
/// built-in type.
fn walk(ty: &TypeRef) -> Vec<TypeRef> {
    if typeobj::is_heap_type(ty) {
        let m = typeobj::mro(ty);
        typeobj::mro_types(&m).collect()
    } else {
        typeobj::base_chain(ty).collect()
    }
}

/// The `index`-th type of `ty`'s walk, without collecting it.
fn walk_nth(ty: &TypeRef, index: usize) -> Option<TypeRef> {
    if typeobj::is_heap_type(ty) {
        let m = typeobj::info(ty).mro.try_borrow().ok()?;
        let t = tuple::items(m.as_ref()?)?.get(index)?;
        TypeRef::from_obj::<typeobj::TypeInfo>(t)
    } else {
        typeobj::base_chain(ty).nth(index)
    }
}

/// Mark the dicts of all the types walked as watched; false if one is busy.
fn watch_all(types: &[TypeRef]) -> bool {
    for t in types {
        let d = typeobj::type_dict(t);
        match d.borrow_mut::<dict::Dict>() {
            Ok(mut b) => b.0.watch(),
            Err(_) => return false,
        };
    }
    true
}

/// Key of a static text (`q`: which question; 0, the lookup, is the only one).
#[inline]
fn static_key(name: &'static str, q: usize) -> (usize, usize) {
    (name.as_ptr() as usize, name.len() * 2 + q)
}

impl Vm {
    /// `name` in the dicts along `ty`'s MRO (no binding): CPython's _PyType_Lookup,
    /// through the cache for interned names.
    #[inline]
    pub fn type_lookup(&mut self, ty: &TypeRef, name: &PyObj) -> VmResult<Option<PyObj>> {
        if string::is_interned(name) {
            if let Some(v) = self.type_cache.hit(ty, name.id(), usize::MAX) {
                return Ok(v);
            }
        }
        self.type_lookup_miss(ty, name)
    }

    /// `type_lookup` when the cache does not answer.
    #[inline(never)]
    fn type_lookup_miss(&mut self, ty: &TypeRef, name: &PyObj) -> VmResult<Option<PyObj>> {
        if !string::is_interned(name) {
            return self.type_lookup_uncached(ty, name);
        }
        let (k, len) = (name.id(), usize::MAX);
        let found = self.type_lookup_uncached(ty, name)?;
        if let Some(a) = self.answer_for(ty, name, found.as_ref()) {
            self.type_cache.put(ty, k, len, a, found.as_ref());
        }
        Ok(found)
    }

    /// `type_lookup` for a name given as static text (special methods).
    pub fn type_lookup_static(
        &mut self,
        ty: &TypeRef,
        name: &'static str,
    ) -> VmResult<Option<PyObj>> {
        let (k, len) = static_key(name, 0);
        if let Some(v) = self.type_cache.hit(ty, k, len) {
            return Ok(v);
        }
        let key = string::intern_str(name);
        let found = self.type_lookup_uncached(ty, &key)?;
        if let Some(a) = self.answer_for(ty, &key, found.as_ref()) {
            self.type_cache.put(ty, k, len, a, found.as_ref());
        }
        Ok(found)
    }

    /// Where `found` (the uncached answer) sits along `ty`'s walk, with the dicts
    /// walked watched from now on; None when that cannot be told (a busy dict).
    fn answer_for(&mut self, ty: &TypeRef, name: &PyObj, found: Option<&PyObj>) -> Option<Answer> {
        let types = walk(ty);
        let h = string::hash(name)?;
        let mut eq = super::table_eq(self);
        let mut answer = Answer::Absent;
        for (index, t) in types.iter().enumerate() {
            let d = typeobj::type_dict(t);
            let b = dict::borrow(&d)?;
            if let Some(pos) = b.0.find(name, h, &mut eq).ok()? {
                answer = Answer::At {
                    index: index as u32,
                    pos: pos as u32,
                };
                let (_, v) = b.0.entry_at(pos)?;
                if !found.is_some_and(|f| f.is(&v)) {
                    return None;
                }
                break;
            }
        }
        if answer == Answer::Absent && found.is_some() {
            return None;
        }
        watch_all(&types).then_some(answer)
    }

    /// `type_lookup(ty, name)` with where the cache says it found it: the value and
    /// Some((index, pos)) when at entry `pos` of the dict of the walk's `index`-th type
    /// (None when in no dict of the MRO). None when the answer is not cached (so the
    /// dicts may not be watched, and an inline cache must not rely on it).
    pub(crate) fn type_lookup_at(&mut self, ty: &TypeRef, name: &PyObj) -> Option<Located> {
        if !string::is_interned(name) {
            return None;
        }
        let value = self.type_lookup(ty, name).ok()?;
        match answer(self.type_cache.entry(ty, name.id(), usize::MAX)?) {
            Answer::Absent => Some((value, None)),
            Answer::At { index, pos } => Some((value, Some((index, pos)))),
        }
    }
}

/// The value at a cached position (None if the position is no longer live, which a
/// valid entry never sees), and whether its dict is watched.
fn fetch_watched(ty: &TypeRef, index: usize, pos: usize) -> Option<(PyObj, bool)> {
    if index == 0 {
        return entry_value(ty, pos);
    }
    entry_value(&walk_nth(ty, index)?, pos)
}

/// The value at position `pos` of `t`'s dict, and whether that dict is watched.
fn entry_value(t: &TypeRef, pos: usize) -> Option<(PyObj, bool)> {
    let i = typeobj::info(t);
    let d = i.dict.try_borrow().ok()?;
    let b = dict::borrow(d.as_ref()?)?;
    Some((b.0.value_at(pos)?, b.0.is_watched()))
}
