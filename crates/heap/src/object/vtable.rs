//! What a payload tells the heap: the `Payload` trait, the `Vtable` derived from it
//! (layouts, derived layouts with words, their check (H9), the monomorphised drop /
//! traverse / clear entries) and the words a derived layout adds around a payload.

use std::alloc::Layout;
use std::any::TypeId;
use std::cell::Cell;
use std::mem::{align_of, size_of};
use std::ptr::{self, NonNull};

use super::borrow::SharedBorrow;
use super::{
    vtable_of, FixedBlock, ObHead, PyObj, VarBlock, BORROW_MASK, BORROW_MUT, GC_PRE, OWNED,
};

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
    /// class's special methods.
    pub heap_type: bool,
    pub(super) drop: unsafe fn(NonNull<ObHead>),
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
        Vtable {
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
            drop: drop_payload::<T>,
            traverse: traverse_payload::<T>,
            clear: clear_payload::<T>,
            extra_size: extra_size_payload::<T>,
            can_untrack: can_untrack_payload::<T>,
        }
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
        let key = (base.type_id, pre_words, n_words, finalize);
        DERIVED.with(|d| {
            *d.borrow_mut().entry(key).or_insert_with(|| {
                let mut vt = *base;
                vt.gc = true;
                vt.pre_words = pre_words;
                vt.n_words = n_words;
                vt.finalize = finalize;
                vt.heap_type = true;
                // CPython untracks exact tuples and dicts only: instances of classes
                // stay tracked while alive.
                vt.untrack = Untrack::Never;
                if !base.var {
                    vt.words_off = round_up(base.fixed_size, align_of::<usize>());
                    vt.fixed_size = vt.words_off + n_words * size_of::<usize>();
                    vt.align = max(vt.align, align_of::<usize>());
                }
                Box::leak(Box::new(vt))
            })
        })
    }

    /// H9: panic unless this layout is one the heap can allocate, walk and free: its
    /// words lie inside its block, after a fixed-size payload only; the block size
    /// does not overflow; what comes before the ObHead keeps it (and so the payload)
    /// aligned; and only containers (`gc`) are finalized (the FINALIZED bit is in the
    /// GC header).
    pub(super) fn check(&self) {
        let word = size_of::<usize>();
        assert!(
            !self.finalize || self.gc,
            "finalized objects must be containers"
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

// ----- where a payload lies in its block ------------------------------------------------

/// The layout of payload `T` as `Vtable::new` computes it, which no `Payload` impl can
/// override: every vtable naming `T` (its `type_id`) has these offsets (H9).
struct Shape<T>(std::marker::PhantomData<T>);

impl<T: Payload> Shape<T> {
    const VT: Vtable = Vtable::new::<T>();
}

/// # Safety
/// `p` heads a live object whose payload type is `T` (H4).
pub(super) unsafe fn payload_ptr<T: Payload>(p: NonNull<ObHead>) -> *mut T {
    // SAFETY: H3/H9: the block holds a `T` at Shape<T>'s payload offset, inside it.
    unsafe { p.as_ptr().byte_add(Shape::<T>::VT.payload_off).cast::<T>() }
}

/// Raw pointer to the items of a var-sized object (an empty slice for fixed-size ones).
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4).
pub(super) unsafe fn items_ptr<T: Payload>(p: NonNull<ObHead>) -> *mut [T::Item] {
    if !Shape::<T>::VT.var {
        return ptr::slice_from_raw_parts_mut(NonNull::<T::Item>::dangling().as_ptr(), 0);
    }
    // SAFETY: H3/H6/H9: ob_size follows the header and its magnitude counts the
    // initialised items stored at Shape<T>'s items offset.
    unsafe {
        let n = (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs();
        let first = p
            .as_ptr()
            .byte_add(Shape::<T>::VT.items_off)
            .cast::<T::Item>();
        ptr::slice_from_raw_parts_mut(first, n)
    }
}

/// Offset of item 0 from the `ObHead` for payload type `T` (H9).
pub(super) const fn items_off<T: Payload>() -> usize {
    Shape::<T>::VT.items_off
}

/// # Safety
/// `p` heads a live object whose payload type is `T` (H4); the items are not being
/// dropped, and the reference is used only while the object is live.
pub(super) unsafe fn items_of<'a, T: Payload>(p: NonNull<ObHead>) -> &'a [T::Item] {
    // SAFETY: H6: the items are initialised and only read after construction.
    unsafe { &*items_ptr::<T>(p) }
}

/// Run `f` on the payload and items of `p` with a shared reference, taking a shared
/// borrow state for it if `T` is mutable (H5), so that `f` (a payload callback) cannot
/// get a `PMut` to it meanwhile. None if the state cannot be had: the payload is
/// exclusively borrowed, or its shared count is full.
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4), live while `f` runs.
unsafe fn with_shared<T: Payload, R>(
    p: NonNull<ObHead>,
    f: impl FnOnce(&T, &[T::Item]) -> R,
) -> Option<R> {
    // SAFETY: H1: `p` is live (caller); its header's fields are Cells.
    let head = unsafe { p.as_ref() };
    let _shared = if T::MUTABLE {
        Some(SharedBorrow::take(&head.flags)?)
    } else {
        None
    };
    // SAFETY: H5: a mutable payload is now in a shared borrow state until `_shared`
    // drops; an immutable one is never mutably borrowed. H6: the items are initialised.
    let (payload, items) = unsafe { (&*payload_ptr::<T>(p), items_of::<T>(p)) };
    Some(f(payload, items))
}

// ----- monomorphised vtable entries ---------------------------------------------------

/// tp_dealloc of a `T`: `before_free`, then drop the items and the payload.
///
/// # Safety
/// Called once, by free_object, on an object whose payload type is `T` (H4) and whose
/// count reached 0 (H1, H8).
unsafe fn drop_payload<T: Payload>(p: NonNull<ObHead>) {
    // SAFETY: H1/H8: the count reached 0, so no handle, and no reference to the payload
    // or items, remains: shared access is fine first, then the drops (H4: it is a `T`).
    // Items are dropped from the last to the first, as CPython's tupledealloc
    // releases them.
    unsafe {
        (*payload_ptr::<T>(p)).before_free(items_of::<T>(p));
        let items = items_ptr::<T>(p);
        let first = items.cast::<T::Item>();
        for i in (0..items.len()).rev() {
            ptr::drop_in_place(first.add(i));
        }
        ptr::drop_in_place(payload_ptr::<T>(p));
    }
}

/// tp_traverse of a `T`; visits nothing while the payload cannot be borrowed shared.
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4), live during the call.
unsafe fn traverse_payload<T: Payload>(p: NonNull<ObHead>, visit: Visit<'_>) {
    // SAFETY: H4, forwarded from the caller; with_shared takes the borrow state (H5).
    unsafe { with_shared::<T, _>(p, |t, items| t.traverse(items, visit)) };
}

/// tp_clear of a `T`; skipped while anyone borrows the payload.
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4), and the caller holds a
/// reference to it (H1), so the clear cannot free it.
unsafe fn clear_payload<T: Payload>(p: NonNull<ObHead>) {
    if !T::MUTABLE {
        // SAFETY: H5: an immutable payload is only ever borrowed shared, so a shared
        // reference is allowed; H1: the caller holds a reference to `p`; the items
        // are initialised (H6), and any change goes through the item's own cells.
        unsafe { (*payload_ptr::<T>(p)).clear_shared(items_of::<T>(p)) };
        return;
    }
    // SAFETY: H1: the caller holds a reference to `p`; its header's fields are Cells.
    let head = unsafe { p.as_ref() };
    let state = head.flags.get();
    if state & BORROW_MASK != 0 {
        return; // somebody is looking at it: it is not garbage after all; skip
    }
    head.flags.set(state | BORROW_MUT);
    // SAFETY: H5: we just took the exclusive borrow state; the payload is mutable.
    unsafe { (*payload_ptr::<T>(p)).clear() };
    head.flags.set(head.flags.get() & !BORROW_MASK);
}

/// The bytes a `T` owns outside its block; 0 while it cannot be borrowed shared.
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4), live during the call.
unsafe fn extra_size_payload<T: Payload>(p: NonNull<ObHead>) -> usize {
    // SAFETY: H4, forwarded from the caller; with_shared takes the borrow state (H5).
    unsafe { with_shared::<T, _>(p, |t, _| t.extra_size()) }.unwrap_or(0)
}

/// May the collector untrack this `T`? False while it cannot be borrowed shared.
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4), live during the call.
unsafe fn can_untrack_payload<T: Payload>(p: NonNull<ObHead>) -> bool {
    // SAFETY: H4, forwarded from the caller; with_shared takes the borrow state (H5).
    unsafe { with_shared::<T, _>(p, |t, items| t.can_untrack(items)) }.unwrap_or(false)
}

// ----- words ---------------------------------------------------------------------------

/// The words after a fixed-size payload.
///
/// # Safety
/// `p` heads a live object (H1), and the slice is used only while it is live.
pub(super) unsafe fn words_of<'a>(p: NonNull<ObHead>) -> &'a [Word] {
    // SAFETY: H1, forwarded from the caller.
    let vt = unsafe { vtable_of(p) };
    // SAFETY: H3/H9: a layout's `n_words` words lie at `words_off`, inside the block,
    // initialised; words are Cells, so shared references to them are always allowed.
    unsafe {
        let first = p.as_ptr().byte_add(vt.words_off).cast::<Word>();
        std::slice::from_raw_parts(first, vt.n_words)
    }
}

/// The words in front of the GC header.
///
/// # Safety
/// `p` heads a live object (H1), and the slice is used only while it is live.
pub(super) unsafe fn pre_words_of<'a>(p: NonNull<ObHead>) -> &'a [Word] {
    // SAFETY: H1, forwarded from the caller.
    let vt = unsafe { vtable_of(p) };
    // SAFETY: H3/H9: the block starts `block_pre` bytes before the ObHead with
    // `pre_words` initialised words.
    unsafe {
        let first = p.as_ptr().byte_sub(vt.block_pre()).cast::<Word>();
        std::slice::from_raw_parts(first, vt.pre_words)
    }
}

/// Visit a word's object: an owned container is traversed through (its children are
/// visited), anything else is visited itself.
fn visit_word(w: &Word, visit: Visit<'_>) {
    let Some(o) = w.take() else { return };
    if o.head().flags.get() & OWNED != 0 {
        o.visit_children(visit);
    } else {
        visit(&o);
    }
    w.set(Some(o));
}

/// tp_traverse of any object: its payload's (if it can be borrowed shared, H5), then
/// its words'.
///
/// # Safety
/// `p` heads a live object (H1), live during the call.
pub(crate) unsafe fn traverse_object(p: NonNull<ObHead>, visit: Visit<'_>) {
    // SAFETY: H1, forwarded from the caller.
    let vt = unsafe { vtable_of(p) };
    // SAFETY: H4: the entry was made for the payload type of `p`; H1 from the caller.
    unsafe { (vt.traverse)(p, &mut *visit) };
    if vt.has_words() {
        // SAFETY: H1: `p` is live during the call (caller).
        let (pre, words) = unsafe { (pre_words_of(p), words_of(p)) };
        for w in pre.iter().chain(words) {
            visit_word(w, &mut *visit);
        }
    }
    if vt.heap_type {
        // An instance of a class holds its class (CPython's subtype_traverse), so a
        // class and its instances can form a collectable cycle.
        // SAFETY: H1/H4: the header's type pointer is a live, counted reference; the
        // ManuallyDrop handle lends it without counting.
        let ty = std::mem::ManuallyDrop::new(PyObj(unsafe { (*p.as_ptr()).ty.get() }));
        visit(&ty);
    }
}

/// tp_clear of any object: empty its words, then clear its payload.
///
/// # Safety
/// `p` heads a live object the caller holds a reference to (H1).
pub(crate) unsafe fn clear_object(p: NonNull<ObHead>) {
    // SAFETY: H1, forwarded from the caller.
    let vt = unsafe { vtable_of(p) };
    if vt.has_words() {
        // SAFETY: H1: the caller's reference keeps `p` live while its words drop.
        let (pre, words) = unsafe { (pre_words_of(p), words_of(p)) };
        for w in pre.iter().chain(words) {
            drop(w.take());
        }
    }
    // SAFETY: H4: the entry was made for the payload type of `p`; H1 from the caller.
    unsafe { (vt.clear)(p) };
}

/// May the collector untrack `p` (CPython's _PyTuple_MaybeUntrack / _PyDict_MaybeUntrack)?
///
/// # Safety
/// `p` heads a live object (H1), live during the call.
pub(crate) unsafe fn can_untrack_object(p: NonNull<ObHead>) -> bool {
    // SAFETY: H1, forwarded from the caller.
    let vt = unsafe { vtable_of(p) };
    // SAFETY: H4: the entry was made for the payload type of `p`; H1 from the caller.
    unsafe { (vt.can_untrack)(p) }
}

/// sys.getsizeof's share from the payload: the bytes it owns outside its block.
///
/// # Safety
/// `p` heads a live object (H1), live during the call.
pub(super) unsafe fn extra_size_object(p: NonNull<ObHead>) -> usize {
    // SAFETY: H1, forwarded from the caller.
    let vt = unsafe { vtable_of(p) };
    // SAFETY: H4: the entry was made for the payload type of `p`; H1 from the caller.
    unsafe { (vt.extra_size)(p) }
}
