//! What a payload tells the heap: the `Payload` trait and the `Vtable` derived from it
//! (layouts, derived layouts with words, their check, H9). The entries a vtable
//! points at are in entries.rs.

use std::alloc::Layout;
use std::any::TypeId;
use std::cell::Cell;
use std::mem::{align_of, size_of};
use std::ptr::NonNull;

use super::entries::{
    can_untrack_payload, clear_payload, drop_payload, extra_size_payload, traverse_payload,
};
use super::free::free_lean;
use super::{FixedBlock, ObHead, PyObj, VarBlock, GC_PRE};
use crate::pymalloc::SMALL_OBJECT;

/// When the collector may stop tracking a container whose contents are all atomic
/// (CPython's _PyTuple_MaybeUntrack and _PyDict_MaybeUntrack).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Untrack {
    /// Always tracked while alive.
    Never,
    /// Checked for every survivor of any collection (tuples).
    Young,
    /// Checked in full collections only (dicts).
    Full,
}

/// The visitor a payload's `traverse` calls for each object it references.
pub type Visit<'a> = &'a mut dyn FnMut(&PyObj);

/// What a Rust payload type tells the heap. Implementors are the object types of
/// `crate::objects`; the heap derives a `Vtable` from these items.
pub trait Payload: Sized + 'static {
    /// Element of the inline variable-size part; `()` for fixed-size objects.
    type Item: 'static;
    /// The Python-level type name, for diagnostics.
    const NAME: &'static str;
    /// Objects carry a GC header and are traversed by the cycle collector.
    const GC: bool = false;
    /// Start tracked (CPython tracks most containers at creation; dicts start untracked).
    const TRACK_AT_ALLOC: bool = true;
    /// The payload changes after construction: access only through `borrow*`.
    const MUTABLE: bool = false;
    /// When the collector may untrack these objects.
    const UNTRACK: Untrack = Untrack::Never;
    /// Free list (CPython 3.11's float, list, dict and tuple free lists): at most this
    /// many freed objects of the exact type are kept, per item count for var-sized
    /// payloads, for the next allocation of that type to take back. 0: none. Only a
    /// type object made with `TypeRef::new_with_free_lists` keeps one (object/freelist.rs).
    const FREE_LIST_MAX: usize = 0;
    /// For a var-sized payload with a free list: objects of 1..=FREE_LIST_ITEMS items
    /// are kept (one list per count); others are freed at once.
    const FREE_LIST_ITEMS: usize = 0;
    /// Objects of at most this many items are taken back from their free list (var-
    /// sized payloads): CPython 3.11 parks 20-tuples but takes back only 1..=19.
    const FREE_LIST_TAKE_ITEMS: usize = Self::FREE_LIST_ITEMS;
    /// A collection of the oldest generation empties this free list (CPython 3.11's
    /// clear_freelists does so for all but its one-slice cache).
    const FREE_LIST_GC_CLEARS: bool = true;
    /// The vtable; do not override. (An override changes which vtable
    /// `TypeRef::new` installs, never where the heap finds a `Self` in a block: H9.)
    const VTABLE: &'static Vtable = &Vtable::new::<Self>();

    /// Visit every object this one references (tp_traverse).
    fn traverse(&self, _items: &[Self::Item], _visit: Visit<'_>) {}
    /// Drop the references this object holds, to break a cycle (tp_clear). Called by
    /// the collector on unreachable mutable containers only.
    fn clear(&mut self) {}
    /// tp_clear for an immutable payload that keeps its references in cells (a
    /// generator's saved frame): drop them through shared access. Called by the
    /// collector on unreachable containers whose payload is not `MUTABLE`.
    fn clear_shared(&self, _items: &[Self::Item]) {}
    /// Called once when the object is about to be freed (its count reached 0), before
    /// its payload and items are dropped: the last look at them. It may move state
    /// out (a generator hands its unfinished frame to the VM to be closed); the
    /// object itself cannot be resurrected.
    fn before_free(&self, _items: &[Self::Item]) {}
    /// Bytes this object owns outside its block (a list's item array, a dict's table).
    fn extra_size(&self) -> usize {
        0
    }
    /// True if the collector may stop tracking this object (see `UNTRACK`).
    fn can_untrack(&self, _items: &[Self::Item]) -> bool {
        false
    }
}

/// How the heap handles one payload type: CPython's tp_dealloc / tp_traverse /
/// tp_clear / tp_basicsize / tp_itemsize, derived from a `Payload` impl.
///
/// The public fields can be changed on a copy; a vtable is checked (`check`, H9) when
/// a type object is made with it, and its private fields (the payload's offsets, its
/// entries) always come from `Vtable::new` of the payload type it names.
#[derive(Clone, Copy)]
pub struct Vtable {
    pub name: &'static str,
    pub(crate) type_id: TypeId,
    pub gc: bool,
    pub mutable: bool,
    pub untrack: Untrack,
    pub(super) var: bool,
    /// Offset of the payload from the `ObHead`.
    pub(super) payload_off: usize,
    /// Offset of item 0 from the `ObHead` (var-sized only).
    pub(super) items_off: usize,
    pub(super) item_size: usize,
    pub(super) align: usize,
    /// Bytes from the `ObHead` to the end of a fixed-size object (words included).
    pub(super) fixed_size: usize,
    /// Words in front of the GC header (the managed dict pre-header).
    pub pre_words: usize,
    /// Words after a fixed-size payload, at `words_off` from the `ObHead`.
    pub n_words: usize,
    pub(super) words_off: usize,
    /// Instances are finalized (`__del__`) once, before they are freed.
    pub finalize: bool,
    /// Instances of a class (a derived vtable): their behaviour comes from the
    /// class's special methods, and each holds a counted reference to its class
    /// (H1; a static type's instances do not, H11).
    pub heap_type: bool,
    /// Free lists of this payload (`Payload::FREE_LIST_MAX`; 0 in derived vtables:
    /// instances of classes are never kept).
    pub(super) free_max: u32,
    /// Number of free lists: 1 for a fixed-size payload, one per item count 1..=n for
    /// a var-sized one.
    pub(super) free_lists: u32,
    /// Var-sized: the largest item count taken back from a free list.
    pub(super) free_take_items: u32,
    /// A full collection empties the free lists of this payload.
    pub(super) free_gc_clears: bool,
    /// Nothing to drop in the payload and no GC header: a freed object can be parked
    /// without the free trampoline (a float).
    pub(super) plain: bool,
    /// Plain, and nothing else to do when freed: no words, no finalizer, not a class's
    /// instances (an int, a str, bytes; a float when its free list is full). Freed
    /// outside the trampoline by giving its block back.
    pub(super) simple: bool,
    /// Objects with fewer than this many items have a small block (at most
    /// `SMALL_OBJECT` bytes, alignment at most 8), which comes from and goes back to
    /// pymalloc's size classes directly (`object_alloc_small`). 1 for a small
    /// fixed-size object, 0 when no block of this layout is small. Derived from the
    /// other fields (`small_items_of`); `check` makes sure it still is.
    pub(super) small_items: usize,
    /// The block size of a small object with no items: `small_block_size(n)` is this
    /// plus `n * item_size`. Derived with `small_items`.
    pub(super) small_base: usize,
    /// Simple, fixed-size, small, and kept on a free list (a float): allocated from
    /// and freed to that list by the inline paths (`alloc::take_parked`,
    /// `free::park_simple`). Derived with `small_items`.
    pub(super) parks: bool,
    /// `small_items` for a simple vtable that has no free list to try first (or
    /// `parks`, whose constructor and dealloc try it inline), 0 for every other: an
    /// object with fewer items is allocated straight from its pymalloc size class,
    /// and freed straight back to it, by the inline paths (`alloc::raw_alloc_inline`,
    /// `free::free_direct`). Derived with `small_items`.
    pub(super) direct_items: usize,
    /// A container of a payload's own vtable: its GC header right in front of the
    /// ObHead and nothing before it (no pre words), no words, no finalizer, not a
    /// class's instances (a tuple, a list, a dict, a set, an iterator, a bound
    /// method). Allocated and freed by the short paths (`alloc::take_lean`,
    /// `free::free_lean`). Derived from the other fields (`lean_of`).
    pub(super) lean: bool,
    pub(super) drop: unsafe fn(NonNull<ObHead>),
    /// tp_dealloc of a lean object of this payload (`free::free_lean`), used only
    /// while `lean` says so.
    pub(super) free_lean: unsafe fn(NonNull<ObHead>, &Vtable),
    pub(super) traverse: unsafe fn(NonNull<ObHead>, Visit<'_>),
    pub(super) clear: unsafe fn(NonNull<ObHead>),
    pub(super) extra_size: unsafe fn(NonNull<ObHead>) -> usize,
    pub(super) can_untrack: unsafe fn(NonNull<ObHead>) -> bool,
}

const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

const fn round_up(n: usize, align: usize) -> usize {
    (n + align - 1) & !(align - 1)
}

impl Vtable {
    pub const fn new<T: Payload>() -> Vtable {
        let var = size_of::<T::Item>() != 0;
        let plain = !T::GC && !std::mem::needs_drop::<T>() && !std::mem::needs_drop::<T::Item>();
        let head_align = max(align_of::<ObHead>(), align_of::<T>());
        let align = max(head_align, align_of::<T::Item>());
        let (payload_off, items_off, fixed_size) = if var {
            let off = std::mem::offset_of!(VarBlock<T>, payload);
            let items = round_up(size_of::<VarBlock<T>>(), align_of::<T::Item>());
            (off, items, 0)
        } else {
            let off = std::mem::offset_of!(FixedBlock<T>, payload);
            (off, 0, size_of::<FixedBlock<T>>())
        };
        let mut vt = Vtable {
            name: T::NAME,
            type_id: TypeId::of::<T>(),
            gc: T::GC,
            mutable: T::MUTABLE,
            untrack: T::UNTRACK,
            var,
            payload_off,
            items_off,
            item_size: size_of::<T::Item>(),
            align,
            fixed_size,
            pre_words: 0,
            n_words: 0,
            words_off: fixed_size,
            finalize: false,
            heap_type: false,
            free_max: T::FREE_LIST_MAX as u32,
            free_lists: if T::FREE_LIST_MAX == 0 {
                0
            } else if var {
                T::FREE_LIST_ITEMS as u32
            } else {
                1
            },
            free_take_items: T::FREE_LIST_TAKE_ITEMS as u32,
            free_gc_clears: T::FREE_LIST_GC_CLEARS,
            plain,
            // A payload's own vtable has no words, no finalizer and is no class's.
            simple: plain,
            small_items: 0,
            small_base: 0,
            parks: false,
            direct_items: 0,
            lean: false,
            drop: drop_payload::<T>,
            free_lean: free_lean::<T>,
            traverse: traverse_payload::<T>,
            clear: clear_payload::<T>,
            extra_size: extra_size_payload::<T>,
            can_untrack: can_untrack_payload::<T>,
        };
        vt.small_items = vt.small_items_of();
        vt.small_base = vt.small_base_of();
        vt.parks = vt.parks_of();
        vt.direct_items = vt.direct_items_of();
        vt.lean = vt.lean_of();
        vt
    }

    /// `lean` as the other fields give it.
    const fn lean_of(&self) -> bool {
        self.gc && self.pre_words == 0 && self.n_words == 0 && !self.finalize && !self.heap_type
    }

    /// `direct_items` as the other fields give it.
    const fn direct_items_of(&self) -> usize {
        if self.simple && (self.free_max == 0 || self.parks) {
            self.small_items
        } else {
            0
        }
    }

    /// `parks` as the other fields give it: a simple object of a fixed-size payload
    /// whose block is small (so it starts at the ObHead and is one pymalloc size
    /// class), with a free list of one list.
    const fn parks_of(&self) -> bool {
        self.simple
            && !self.var
            && self.free_max > 0
            && self.free_lists == 1
            && self.small_items == 1
    }

    /// `small_items` as the layout's other fields give it: how many items (plus one)
    /// still fit a block of at most `SMALL_OBJECT` bytes, when the alignment is at
    /// most 8.
    const fn small_items_of(&self) -> usize {
        let base = self.small_base_of();
        if self.align > 8 || base > SMALL_OBJECT || base < 8 {
            0
        } else if self.var {
            (SMALL_OBJECT - base) / self.item_size + 1
        } else {
            1
        }
    }

    /// The block size with no items: pre words, GC header, then the fixed part.
    const fn small_base_of(&self) -> usize {
        let pre = self.pre_words * size_of::<usize>() + if self.gc { GC_PRE } else { 0 };
        pre + if self.var {
            self.items_off
        } else {
            self.fixed_size
        }
    }

    /// The block size of an object with `n` items, when `n < small_items`: at most
    /// `SMALL_OBJECT` and at least 8 bytes, computed without overflow checks (a
    /// fixed-size payload has `n == 0` and an item size of 0).
    #[inline(always)]
    pub(super) fn small_block_size(&self, n: usize) -> usize {
        debug_assert!(n < self.small_items);
        self.small_base + n * self.item_size
    }

    /// The vtable of a class's instances: `base`'s payload with words added
    /// (`pre_words` in front of the GC header, `n_words` after a fixed-size payload),
    /// finalized if `finalize`. Instances of classes are containers (their words are
    /// traversed). Derived vtables are made once per shape and kept for the thread.
    pub fn derived(
        base: &'static Vtable,
        pre_words: usize,
        n_words: usize,
        finalize: bool,
    ) -> &'static Vtable {
        assert!(
            n_words == 0 || !base.var,
            "words follow fixed-size payloads only"
        );
        assert!(
            base.pre_words == 0 && base.n_words == 0,
            "derive from a payload's vtable"
        );
        assert!(
            pre_words == 0 || pre_words == 2,
            "the pre-header is CPython's managed dict: a dict word and a values slot"
        );
        let key = (base.type_id, pre_words, n_words, finalize);
        DERIVED.with(|d| {
            *d.borrow_mut().entry(key).or_insert_with(|| {
                let mut vt = *base;
                vt.gc = true;
                vt.pre_words = pre_words;
                vt.n_words = n_words;
                vt.finalize = finalize;
                vt.heap_type = true;
                vt.simple = false;
                // CPython keeps exact instances only on its free lists.
                vt.free_max = 0;
                vt.free_lists = 0;
                // CPython untracks exact tuples and dicts only: instances of classes
                // stay tracked while alive.
                vt.untrack = Untrack::Never;
                if !base.var {
                    vt.words_off = round_up(base.fixed_size, align_of::<usize>());
                    vt.fixed_size = vt.words_off + n_words * size_of::<usize>();
                    vt.align = max(vt.align, align_of::<usize>());
                }
                vt.small_items = vt.small_items_of();
                vt.small_base = vt.small_base_of();
                vt.parks = vt.parks_of();
                vt.direct_items = vt.direct_items_of();
                vt.lean = vt.lean_of();
                Box::leak(Box::new(vt))
            })
        })
    }

    /// H9: panic unless this layout is one the heap can allocate, walk and free: its
    /// words lie inside its block, after a fixed-size payload only; the block size
    /// does not overflow; what comes before the ObHead keeps it (and so the payload)
    /// aligned; and only containers (`gc`) are finalized (the FINALIZED bit is in the
    /// GC header). H11: instances of a class (`heap_type`) are not `simple`: the
    /// inline paths of simple objects do not count the type reference.
    pub(super) fn check(&self) {
        let word = size_of::<usize>();
        assert!(
            !self.finalize || self.gc,
            "finalized objects must be containers"
        );
        assert!(
            !(self.heap_type && self.simple),
            "instances of a class are not simple (H11)"
        );
        let words_end = self
            .n_words
            .checked_mul(word)
            .and_then(|b| b.checked_add(self.words_off));
        assert!(
            self.n_words == 0 || (!self.var && words_end.is_some_and(|e| e <= self.fixed_size)),
            "the words of this layout do not fit its block"
        );
        let pre = self
            .pre_words
            .checked_mul(word)
            .and_then(|b| b.checked_add(GC_PRE));
        assert!(
            pre.is_some() && self.block_layout(0).is_some(),
            "the block of this layout is too large"
        );
        assert!(
            self.small_items == self.small_items_of() && self.small_base == self.small_base_of(),
            "small_items does not match this layout (changed fields of a copy)"
        );
        assert!(
            self.parks == self.parks_of(),
            "parks does not match this vtable (changed fields of a copy)"
        );
        assert!(
            self.direct_items == self.direct_items_of(),
            "direct_items does not match this vtable (changed fields of a copy)"
        );
        assert!(
            self.lean == self.lean_of(),
            "lean does not match this vtable (changed fields of a copy)"
        );
        assert!(
            self.block_pre().is_multiple_of(self.align),
            "the pre words and GC header of this layout misalign its payload"
        );
    }

    /// Bytes of the object's block, GC header included, for `n` items (CPython's
    /// basicsize + n * itemsize, plus the GC header).
    pub fn block_size(&self, n: usize) -> Option<usize> {
        let pre = self.block_pre();
        let body = if self.var {
            n.checked_mul(self.item_size)?.checked_add(self.items_off)?
        } else {
            self.fixed_size
        };
        body.checked_add(pre)
    }

    pub(super) fn block_layout(&self, n: usize) -> Option<Layout> {
        Layout::from_size_align(self.block_size(n)?, self.align).ok()
    }

    /// `block_layout(n)` of an object that was allocated with `n` items: no checks.
    ///
    /// # Safety
    /// `block_layout(n)` is Some (it was computed when the object was allocated).
    #[inline]
    pub(super) unsafe fn block_layout_unchecked(&self, n: usize) -> Layout {
        let body = if self.var {
            n * self.item_size + self.items_off
        } else {
            self.fixed_size
        };
        // SAFETY: H9: block_layout(n) was a valid Layout for this object (the caller),
        // and this is the same size and alignment computed without the checks.
        unsafe { Layout::from_size_align_unchecked(body + self.block_pre(), self.align) }
    }

    /// The Rust type of the payload (two vtables with the same `type_id` lay out the
    /// same payload, whatever words a class added around it).
    #[inline]
    pub fn type_id(&self) -> TypeId {
        self.type_id
    }

    /// Is the payload var-sized (items inline after it)?
    #[inline]
    pub fn is_var(&self) -> bool {
        self.var
    }

    /// Does this layout add words to its payload?
    #[inline]
    pub fn has_words(&self) -> bool {
        self.pre_words + self.n_words > 0
    }

    /// Bytes of the block in front of the `ObHead`: pre words and the GC header.
    #[inline(always)]
    pub(super) fn block_pre(&self) -> usize {
        self.pre_words * size_of::<usize>() + if self.gc { GC_PRE } else { 0 }
    }
}

/// One word of an object: an optional reference (null when empty).
pub type Word = Cell<Option<PyObj>>;

/// (payload, pre words, words, finalize) -> the derived vtable of that shape.
type DerivedTable = std::collections::HashMap<(TypeId, usize, usize, bool), &'static Vtable>;

thread_local! {
    /// Derived vtables, one per shape.
    static DERIVED: std::cell::RefCell<DerivedTable> = std::cell::RefCell::new(DerivedTable::new());
}
