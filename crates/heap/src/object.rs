//! Object blocks: the header every object starts with, the GC header in front of
//! containers, the vtable that tells the heap how to drop, traverse and size a payload,
//! `PyObj` (Clone = incref, Drop = decref) and the free trampoline.
//!
//! Block layout (addresses grow to the right; `id()` is the address of `ObHead`):
//!
//! ```text
//!   fixed-size:  [pre words]? [GcHead 16]? [ObHead 16][payload T][words]?
//!   var-sized:   [pre words]? [GcHead 16]? [ObHead 16][ob_size 8][payload T][item 0]..[item n-1]
//! ```
//!
//! Words are object slots (`Cell<Option<PyObj>>`, 8 bytes each) that a derived vtable
//! adds around a payload, as CPython's heap types add them to their base's layout:
//! `__slots__` values and the `__weakref__` slot after the payload (fixed-size payloads
//! only), and the managed `__dict__` pre-header (2 words) in front of the GC header:
//! a word for the `__dict__`, then a `ValuesSlot` for the instance's values kept apart
//! from any dict (CPython 3.11's values pointer; see table.rs).
//!
//! `ObHead` is CPython's PyObject: a reference count and the type. CPython's count is
//! a Py_ssize_t; ours is a u32 plus a u32 of flags (the borrow state of the payload and
//! a few object bits), so the header stays 16 bytes. A count cannot overflow in
//! practice (each reference is a stored 8-byte pointer), and saturates to immortal.

use std::alloc::{self, Layout};

use crate::pymalloc::{object_alloc, object_dealloc};
use std::any::TypeId;
use std::cell::Cell;
use std::marker::PhantomData;
use std::mem::{align_of, size_of};
use std::ptr::{self, NonNull};

use super::gc;
use crate::table::ValuesSlot;

/// CPython's PyGC_Head: links for the generation lists, and during a collection the
/// scratch copy of the refcount (`gc_refs`) in the upper bits of `prev`.
#[repr(C)]
pub(crate) struct GcHead {
    /// Next object in its list; null when untracked. During a collection the low bit is
    /// NEXT_MASK_UNREACHABLE.
    pub(crate) next: Cell<*mut GcHead>,
    /// Previous object in its list, with flag bits 0 (FINALIZED) and 1 (COLLECTING).
    pub(crate) prev: Cell<*mut GcHead>,
}

/// CPython's PyObject header.
#[repr(C)]
pub(crate) struct ObHead {
    pub(crate) refcnt: Cell<u32>,
    /// Bits 0..23: borrow state of the payload (count of shared borrows, or
    /// `BORROW_MUT`). Bit 23: `OWNED` (see `PyObj::set_owned`). Bits 24..32: free for
    /// object types (see `PyObj::obj_flag`).
    pub(crate) flags: Cell<u32>,
    /// The type object (a strong reference, H1/H4).
    pub(crate) ty: Cell<NonNull<ObHead>>,
}

const BORROW_MASK: u32 = 0x007f_ffff;
const BORROW_MUT: u32 = BORROW_MASK;
/// The container is owned by one object's word and traversed through it, never
/// tracked itself (an instance's `__dict__` before anyone else has seen it).
const OWNED: u32 = 0x0080_0000;
const GC_PRE: usize = size_of::<GcHead>();

/// The var header: CPython's ob_size. Its magnitude is the number of items; its sign is
/// free for the type (int keeps its sign there, as CPython does).
type ObSize = isize;

#[repr(C)]
struct FixedBlock<T> {
    head: ObHead,
    payload: T,
}

#[repr(C)]
struct VarBlock<T> {
    head: ObHead,
    ob_size: ObSize,
    payload: T,
}

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
    /// The vtable; do not override.
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
#[derive(Clone, Copy)]
pub struct Vtable {
    pub name: &'static str,
    pub(crate) type_id: TypeId,
    pub gc: bool,
    pub mutable: bool,
    pub untrack: Untrack,
    var: bool,
    /// Offset of the payload from the `ObHead`.
    payload_off: usize,
    /// Offset of item 0 from the `ObHead` (var-sized only).
    items_off: usize,
    item_size: usize,
    align: usize,
    /// Bytes from the `ObHead` to the end of a fixed-size object (words included).
    fixed_size: usize,
    /// Words in front of the GC header (the managed dict pre-header).
    pub pre_words: usize,
    /// Words after a fixed-size payload, at `words_off` from the `ObHead`.
    pub n_words: usize,
    words_off: usize,
    /// Instances are finalized (`__del__`) once, before they are freed.
    pub finalize: bool,
    /// Instances of a class (a derived vtable): their behaviour comes from the
    /// class's special methods.
    pub heap_type: bool,
    drop: unsafe fn(NonNull<ObHead>),
    pub(crate) traverse: unsafe fn(NonNull<ObHead>, Visit<'_>),
    pub(crate) clear: unsafe fn(NonNull<ObHead>),
    extra_size: unsafe fn(NonNull<ObHead>) -> usize,
    pub(crate) can_untrack: unsafe fn(NonNull<ObHead>) -> bool,
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

    fn block_layout(&self, n: usize) -> Option<Layout> {
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
    fn block_pre(&self) -> usize {
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

// ----- monomorphised vtable entries ---------------------------------------------------

/// # Safety
/// `p` heads a live object whose payload type is `T` (H4).
unsafe fn payload_ptr<T: Payload>(p: NonNull<ObHead>) -> *mut T {
    // SAFETY: H3/H4: the block holds a `T` at the vtable's payload offset.
    unsafe { p.as_ptr().byte_add(T::VTABLE.payload_off).cast::<T>() }
}

/// Raw pointer to the items of a var-sized object (an empty slice for fixed-size ones).
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4).
unsafe fn items_ptr<T: Payload>(p: NonNull<ObHead>) -> *mut [T::Item] {
    if !T::VTABLE.var {
        return ptr::slice_from_raw_parts_mut(NonNull::<T::Item>::dangling().as_ptr(), 0);
    }
    // SAFETY: H3/H6: ob_size follows the header and its magnitude counts the
    // initialised items stored at items_off.
    unsafe {
        let n = (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs();
        let first = p.as_ptr().byte_add(T::VTABLE.items_off).cast::<T::Item>();
        ptr::slice_from_raw_parts_mut(first, n)
    }
}

/// # Safety
/// `p` heads a live object whose payload type is `T` (H4); the items are not being
/// dropped.
unsafe fn items_of<'a, T: Payload>(p: NonNull<ObHead>) -> &'a [T::Item] {
    // SAFETY: H6: the items are initialised and only read after construction.
    unsafe { &*items_ptr::<T>(p) }
}

unsafe fn drop_payload<T: Payload>(p: NonNull<ObHead>) {
    // SAFETY: called once by free_object on an object whose count reached 0 (H1, H8),
    // so no reference to its payload or items remains: shared access is fine first,
    // then the drops. Items are dropped from the last to the first, as CPython's
    // tupledealloc releases them.
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

unsafe fn traverse_payload<T: Payload>(p: NonNull<ObHead>, visit: Visit<'_>) {
    // SAFETY: the collector calls this only when the borrow state is not exclusive
    // (it checks `is_mut_borrowed` first), so a shared reference is allowed (H5).
    unsafe { (*payload_ptr::<T>(p)).traverse(items_of::<T>(p), visit) }
}

/// # Safety
/// `p` heads a live object whose payload type is `T` (H4).
unsafe fn clear_payload<T: Payload>(p: NonNull<ObHead>) {
    if !T::MUTABLE {
        // SAFETY: H5: an immutable payload is only ever borrowed shared, so a shared
        // reference is allowed; H1: the collector holds a reference to `p`; the items
        // are initialised (H6), and any change goes through the item's own cells.
        unsafe { (*payload_ptr::<T>(p)).clear_shared(items_of::<T>(p)) };
        return;
    }
    // SAFETY: H1: the collector holds a reference to `p` while clearing it.
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

unsafe fn extra_size_payload<T: Payload>(p: NonNull<ObHead>) -> usize {
    // SAFETY: called through a live handle outside any exclusive borrow (see sizeof).
    unsafe { (*payload_ptr::<T>(p)).extra_size() }
}

unsafe fn can_untrack_payload<T: Payload>(p: NonNull<ObHead>) -> bool {
    // SAFETY: as traverse_payload: the collector checked the borrow state.
    unsafe { (*payload_ptr::<T>(p)).can_untrack(items_of::<T>(p)) }
}

// ----- words ---------------------------------------------------------------------------

/// The words after a fixed-size payload.
///
/// # Safety
/// `p` heads a live object (H3/H4).
unsafe fn words_of<'a>(p: NonNull<ObHead>) -> &'a [Word] {
    let vt = vtable_of(p);
    // SAFETY: H3: a derived layout has `n_words` initialised words at `words_off`;
    // words are Cells, so shared references to them are always allowed.
    unsafe {
        let first = p.as_ptr().byte_add(vt.words_off).cast::<Word>();
        std::slice::from_raw_parts(first, vt.n_words)
    }
}

/// The words in front of the GC header: the managed-dict pre-header's dict word
/// (none, or one).
///
/// # Safety
/// `p` heads a live object (H3/H4).
unsafe fn pre_words_of<'a>(p: NonNull<ObHead>) -> &'a [Word] {
    let vt = vtable_of(p);
    // SAFETY: H3: the block starts `block_pre` bytes before the ObHead with the
    // pre-header: a word, then the values slot.
    unsafe {
        let first = p.as_ptr().byte_sub(vt.block_pre()).cast::<Word>();
        std::slice::from_raw_parts(first, vt.pre_words.min(1))
    }
}

/// The values slot of the managed-dict pre-header (its second word), if there is one.
///
/// # Safety
/// `p` heads a live object (H3/H4).
unsafe fn values_slot_of<'a>(p: NonNull<ObHead>) -> Option<&'a ValuesSlot> {
    let vt = vtable_of(p);
    if vt.pre_words < 2 {
        return None;
    }
    // SAFETY: H3: the values slot is the pre-header's second word, initialised; it is
    // a Cell, so shared references to it are always allowed.
    unsafe {
        let first = p.as_ptr().byte_sub(vt.block_pre()).cast::<Word>();
        Some(&*first.add(1).cast::<ValuesSlot>())
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

/// tp_traverse of any object: its payload's, then its words'.
///
/// # Safety
/// `p` heads a live object whose payload is not exclusively borrowed (H5).
pub(crate) unsafe fn traverse_object(p: NonNull<ObHead>, visit: Visit<'_>) {
    let vt = vtable_of(p);
    // SAFETY: forwarded from the caller.
    unsafe { (vt.traverse)(p, &mut *visit) };
    if vt.has_words() {
        // SAFETY: `p` is live (caller).
        let (pre, words) = unsafe { (pre_words_of(p), words_of(p)) };
        for w in pre.iter().chain(words) {
            visit_word(w, &mut *visit);
        }
        // SAFETY: `p` is live (caller).
        if let Some(slot) = unsafe { values_slot_of(p) } {
            // CPython's subtype_traverse visits the instance's values.
            if let Some(v) = slot.take() {
                v.entries().iter().flatten().for_each(&mut *visit);
                slot.set(Some(v));
            }
        }
    }
    if vt.heap_type {
        // An instance of a class holds its class (CPython's subtype_traverse), so a
        // class and its instances can form a collectable cycle.
        // SAFETY: H1/H4: the header's type pointer is a live, counted reference.
        let ty = std::mem::ManuallyDrop::new(PyObj(unsafe { (*p.as_ptr()).ty.get() }));
        visit(&ty);
    }
}

/// tp_clear of any object: empty its words, then clear its payload.
///
/// # Safety
/// `p` heads a live object the caller holds a reference to (H1).
pub(crate) unsafe fn clear_object(p: NonNull<ObHead>) {
    let vt = vtable_of(p);
    if vt.has_words() {
        // SAFETY: `p` is live (caller).
        let (pre, words) = unsafe { (pre_words_of(p), words_of(p)) };
        for w in pre.iter().chain(words) {
            drop(w.take());
        }
        // SAFETY: `p` is live (caller).
        if let Some(slot) = unsafe { values_slot_of(p) } {
            drop(slot.take());
        }
    }
    // SAFETY: clear checks the borrow state itself.
    unsafe { (vt.clear)(p) };
}

// ----- per-thread heap state -----------------------------------------------------------

struct FreeState {
    /// A `free_object` is running on this thread (H8).
    freeing: Cell<bool>,
    /// Objects whose count reached 0 while another was being freed.
    pending: Cell<Vec<NonNull<ObHead>>>,
    /// Objects allocated and not yet freed on this thread.
    live: Cell<usize>,
}

thread_local! {
    static FREE: FreeState = const {
        FreeState { freeing: Cell::new(false), pending: Cell::new(Vec::new()), live: Cell::new(0) }
    };
}

/// Number of objects allocated on this thread and not yet freed.
pub fn live_objects() -> usize {
    FREE.with(|f| f.live.get())
}

/// The vtable of a live object (H4).
#[inline]
pub(crate) fn vtable_of(p: NonNull<ObHead>) -> &'static Vtable {
    // SAFETY: H4: the type object's payload is a TypeObject, whose first field is the
    // instance vtable; the type object is alive because `p` holds a reference to it.
    unsafe {
        let ty = (*p.as_ptr()).ty.get();
        let payload = ty.as_ptr().byte_add(size_of::<ObHead>());
        *payload.cast::<&'static Vtable>()
    }
}

/// The GC header of a container.
///
/// # Safety
/// `p` heads a live object whose vtable has `gc` set (H2).
#[inline]
pub(crate) unsafe fn gc_head(p: NonNull<ObHead>) -> NonNull<GcHead> {
    // SAFETY: H2/H3: containers have a GcHead right before their ObHead.
    unsafe { NonNull::new_unchecked(p.as_ptr().byte_sub(GC_PRE).cast::<GcHead>()) }
}

/// The object a GC header belongs to.
#[inline]
pub(crate) fn from_gc(g: NonNull<GcHead>) -> NonNull<ObHead> {
    // SAFETY: H2: every GcHead in a generation list is followed by its ObHead.
    unsafe { NonNull::new_unchecked(g.as_ptr().byte_add(GC_PRE).cast::<ObHead>()) }
}

thread_local! {
    /// Objects waiting for their finalizer (`__del__`), each held by one reference.
    static FINALIZE: std::cell::RefCell<Vec<PyObj>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Work the eval loop must do before its next instruction: `PENDING_FINALIZE`,
    /// `PENDING_CLOSE` bits (one cell, so the loop tests one byte per instruction).
    static PENDING: Cell<u8> = const { Cell::new(0) };
}

/// Finalizers are queued (see `take_finalizers`).
pub const PENDING_FINALIZE: u8 = 1;
/// Freed generators wait to be closed (objects/generator.rs).
pub const PENDING_CLOSE: u8 = 2;

/// Is any pending work flagged (finalizers or generator closes)?
#[inline]
pub fn work_pending() -> bool {
    PENDING.with(|f| f.get()) != 0
}

/// Set or clear one bit of the pending work.
#[inline]
pub fn set_pending(bit: u8, on: bool) {
    let _ = PENDING.try_with(|f| {
        let v = f.get();
        f.set(if on { v | bit } else { v & !bit });
    });
}

/// Is the pending-work bit `bit` set?
#[inline]
pub fn pending(bit: u8) -> bool {
    PENDING.with(|f| f.get()) & bit != 0
}

pub(crate) fn defer_finalizer(o: PyObj) {
    FINALIZE.with(|q| q.borrow_mut().push(o));
    set_pending(PENDING_FINALIZE, true);
}

/// Are finalizers waiting to be run (by `take_finalizers`)?
#[inline]
pub fn finalizers_pending() -> bool {
    pending(PENDING_FINALIZE)
}

/// The objects whose finalizers are due, oldest first. The caller runs each one's
/// `__del__` and drops the handle, which frees the object unless it was resurrected.
pub fn take_finalizers() -> Vec<PyObj> {
    set_pending(PENDING_FINALIZE, false);
    FINALIZE.with(|q| std::mem::take(&mut *q.borrow_mut()))
}

/// PEP 442 from dealloc: an object with a finalizer that has not run yet is resurrected
/// (count 1, owned by the queue) instead of freed. True if it was.
fn resurrect_for_finalizer(p: NonNull<ObHead>) -> bool {
    let vt = vtable_of(p);
    if !vt.finalize {
        return false;
    }
    // SAFETY: derived vtables with `finalize` are containers (H2).
    if !unsafe { gc::mark_finalized(gc_head(p)) } {
        return false;
    }
    // SAFETY: H1: the object is alive (its block is not freed); the new handle is
    // the one reference the count now records.
    unsafe { (*p.as_ptr()).refcnt.set(1) };
    let o = PyObj(p);
    // At thread exit the queue is gone: the handle is dropped with the closure, which
    // frees the object (already marked finalized).
    let _ = FINALIZE.try_with(|q| q.borrow_mut().push(o));
    set_pending(PENDING_FINALIZE, true);
    true
}

/// Free an object whose count reached 0, and everything that dies with it, without
/// recursing on the Rust stack (CPython's trashcan, done always).
fn dealloc(p: NonNull<ObHead>) {
    if resurrect_for_finalizer(p) {
        return;
    }
    let reentrant = FREE.try_with(|f| {
        if f.freeing.get() {
            // A container waiting here must not be seen by a collection (count 0).
            if vtable_of(p).gc {
                // SAFETY: the vtable says it has a GC header (H2).
                unsafe { gc::untrack(gc_head(p)) };
            }
            let mut v = f.pending.take();
            v.push(p);
            f.pending.set(v);
            return true;
        }
        f.freeing.set(true);
        false
    });
    match reentrant {
        Ok(true) => {}
        Ok(false) => {
            let mut next = Some(p);
            while let Some(o) = next {
                // SAFETY: H8: `o`'s count reached 0 and no other free is running.
                unsafe { free_object(o) };
                next = FREE.with(|f| {
                    let mut v = f.pending.take();
                    let n = v.pop();
                    f.pending.set(v);
                    n
                });
            }
            FREE.with(|f| f.freeing.set(false));
        }
        // Thread-local storage is being torn down: free directly.
        // SAFETY: as above; late frees at thread exit are rare and shallow.
        Err(_) => unsafe { free_object(p) },
    }
}

/// # Safety
/// `p`'s count is 0 and nothing refers to it any more (H1).
unsafe fn free_object(p: NonNull<ObHead>) {
    let vt = vtable_of(p);
    // SAFETY: H3: the var header is valid for var-sized objects.
    let n = if vt.var {
        unsafe { (*p.as_ptr().cast::<VarBlock<()>>()).ob_size.unsigned_abs() }
    } else {
        0
    };
    let layout = vt.block_layout(n).expect("layout was valid at allocation");
    if vt.gc {
        // SAFETY: vt.gc says there is a GC header (H2).
        unsafe { gc::on_free(gc_head(p)) };
    }
    if vt.has_words() {
        // SAFETY: the object is live until its block is freed below.
        let (pre, words) = unsafe { (pre_words_of(p), words_of(p)) };
        for w in words.iter().chain(pre) {
            drop(w.take());
        }
        // SAFETY: the object is live until its block is freed below.
        if let Some(slot) = unsafe { values_slot_of(p) } {
            drop(slot.take());
        }
    }
    // SAFETY: H1: the count is 0, so the payload is dropped exactly once, here.
    unsafe { (vt.drop)(p) };
    // SAFETY: the type pointer is a strong reference taken at allocation (H1).
    let ty = unsafe { (*p.as_ptr()).ty.get() };
    drop(PyObj(ty));
    // SAFETY: H3: the block was allocated with this layout at this address.
    unsafe { object_dealloc(p.as_ptr().byte_sub(vt.block_pre()).cast::<u8>(), layout) };
    FREE.with(|f| f.live.set(f.live.get() - 1));
}

// ----- the handle ----------------------------------------------------------------------

/// A strong reference to a Python object: Clone is an incref, Drop is a decref.
#[repr(transparent)]
pub struct PyObj(NonNull<ObHead>);

impl Clone for PyObj {
    #[inline]
    fn clone(&self) -> Self {
        let rc = &self.head().refcnt;
        rc.set(rc.get().saturating_add(1));
        PyObj(self.0)
    }
}

impl Drop for PyObj {
    #[inline]
    fn drop(&mut self) {
        let rc = &self.head().refcnt;
        match rc.get() {
            1 => {
                rc.set(0);
                dealloc(self.0);
            }
            u32::MAX => {}
            n => rc.set(n - 1),
        }
    }
}

impl PartialEq for PyObj {
    /// Identity (`is`), not Python equality.
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for PyObj {}

impl std::fmt::Debug for PyObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:#x}>", self.vtable().name, self.id())
    }
}

/// Why a payload could not be borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BorrowError {
    /// The object's payload is not of the requested Rust type.
    WrongType,
    /// The payload is borrowed in a conflicting way (e.g. mutated during iteration).
    Busy,
}

/// Allocate the block for an object of type `ty` and write its header.
///
/// # Safety
/// `vt` is `ty`'s instance vtable and `layout` is `vt.block_layout(n)`.
unsafe fn raw_alloc(ty: &TypeRef, vt: &Vtable, layout: Layout) -> Option<NonNull<ObHead>> {
    if vt.gc {
        gc::before_gc_alloc();
    }
    // SAFETY: layout has a non-zero size (it holds at least the header).
    let block = unsafe { object_alloc(layout) };
    if block.is_null() {
        return None;
    }
    // SAFETY: the block is fresh and large enough for the GC header and ObHead.
    let p = unsafe { NonNull::new_unchecked(block.byte_add(vt.block_pre()).cast::<ObHead>()) };
    let ty_ptr = ty.0.clone();
    let ty_nn = ty_ptr.0;
    std::mem::forget(ty_ptr); // the header now owns this reference (H1)
                              // SAFETY: writing the header into the fresh block.
    unsafe {
        p.as_ptr().write(ObHead {
            refcnt: Cell::new(1),
            flags: Cell::new(0),
            ty: Cell::new(ty_nn),
        })
    };
    if vt.gc {
        // SAFETY: the GC header precedes the ObHead in this fresh block.
        unsafe {
            gc_head(p).as_ptr().write(GcHead {
                next: Cell::new(ptr::null_mut()),
                prev: Cell::new(ptr::null_mut()),
            })
        };
    }
    // SAFETY: H3: the pre words start the block and the words end a fixed-size one;
    // all-zero bytes are `None` in every word; the values slot is written as None.
    unsafe {
        ptr::write_bytes(block, 0, vt.pre_words * size_of::<usize>());
        if vt.pre_words == 2 {
            block
                .add(size_of::<usize>())
                .cast::<ValuesSlot>()
                .write(ValuesSlot::new(None));
        }
        if vt.n_words > 0 {
            ptr::write_bytes(
                p.as_ptr().byte_add(vt.words_off).cast::<u8>(),
                0,
                vt.n_words * size_of::<usize>(),
            );
        }
    }
    FREE.with(|f| f.live.set(f.live.get() + 1));
    Some(p)
}

impl PyObj {
    /// Allocate a fixed-size object of type `ty` holding `payload`.
    ///
    /// Panics if `ty`'s instances do not have payload type `T`. Aborts on out-of-memory
    /// as Rust allocations do (fixed-size objects are small).
    pub fn new<T: Payload>(ty: &TypeRef, payload: T) -> PyObj {
        let vt = ty.instance_vtable();
        assert!(
            vt.type_id == TypeId::of::<T>() && !vt.var,
            "payload does not match type"
        );
        let layout = vt.block_layout(0).expect("fixed layout");
        // SAFETY: vt is ty's instance vtable; layout from it.
        let Some(p) = (unsafe { raw_alloc(ty, vt, layout) }) else {
            alloc::handle_alloc_error(layout)
        };
        // SAFETY: the block has room for a T at payload_off (H3).
        unsafe { payload_ptr::<T>(p).write(payload) };
        let obj = PyObj(p);
        if vt.gc && (T::TRACK_AT_ALLOC || vt.heap_type) {
            obj.gc_track();
        }
        obj
    }

    /// The block of a var-sized object of type `ty` (payload `T`) with room for `n`
    /// items, its header written: the vtable, the layout and the object pointer. None
    /// when the memory cannot be had.
    fn alloc_var<T: Payload>(
        ty: &TypeRef,
        n: usize,
    ) -> Option<(&'static Vtable, Layout, NonNull<ObHead>)> {
        let vt = ty.instance_vtable();
        assert!(
            vt.type_id == TypeId::of::<T>() && vt.var,
            "payload does not match type"
        );
        assert!(!T::MUTABLE, "var-sized payloads are immutable (H6)");
        if n > isize::MAX as usize / 2 {
            return None;
        }
        let layout = vt.block_layout(n)?;
        // SAFETY: vt is ty's instance vtable; layout from it.
        let p = unsafe { raw_alloc(ty, vt, layout)? };
        Some((vt, layout, p))
    }

    /// Allocate a var-sized object of type `ty` with `payload` and the `n` items
    /// produced by `items`; `negative` sets the sign of ob_size. Returns None when the
    /// memory cannot be had (the caller raises MemoryError) or `items` yields fewer
    /// than `n` items.
    pub fn new_var<T: Payload, I>(
        ty: &TypeRef,
        negative: bool,
        payload: T,
        n: usize,
        items: I,
    ) -> Option<PyObj>
    where
        I: IntoIterator<Item = T::Item>,
    {
        let (vt, layout, p) = Self::alloc_var::<T>(ty, n)?;
        // Fill the items; on a short iterator or a panic, undo.
        struct Guard<T: Payload> {
            p: NonNull<ObHead>,
            pre: usize,
            written: usize,
            layout: Layout,
            _t: PhantomData<T>,
        }
        impl<T: Payload> Drop for Guard<T> {
            fn drop(&mut self) {
                // SAFETY: exactly `written` items were initialised; the payload was not
                // written yet; the block came from raw_alloc with `layout`, untracked.
                unsafe {
                    let first = self.p.as_ptr().byte_add(T::VTABLE.items_off);
                    let items =
                        std::slice::from_raw_parts_mut(first.cast::<T::Item>(), self.written);
                    ptr::drop_in_place(items);
                    let ty = (*self.p.as_ptr()).ty.get();
                    drop(PyObj(ty));
                    object_dealloc(self.p.as_ptr().byte_sub(self.pre).cast::<u8>(), self.layout);
                }
                FREE.with(|f| f.live.set(f.live.get() - 1));
            }
        }
        let mut guard = Guard::<T> {
            p,
            pre: vt.block_pre(),
            written: 0,
            layout,
            _t: PhantomData,
        };
        let mut it = items.into_iter();
        while guard.written < n {
            let item = it.next()?;
            // SAFETY: slot `written` < n lies inside the block (H3).
            unsafe {
                p.as_ptr()
                    .byte_add(vt.items_off)
                    .cast::<T::Item>()
                    .add(guard.written)
                    .write(item)
            };
            guard.written += 1;
        }
        std::mem::forget(guard);
        let size = n as isize;
        // SAFETY: the var header and payload slots lie inside the block (H3).
        unsafe {
            let vb = p.as_ptr().cast::<VarBlock<()>>();
            ptr::addr_of_mut!((*vb).ob_size).write(if negative { -size } else { size });
            payload_ptr::<T>(p).write(payload);
        }
        let obj = PyObj(p);
        if vt.gc && (T::TRACK_AT_ALLOC || vt.heap_type) {
            obj.gc_track();
        }
        Some(obj)
    }

    /// Allocate a var-sized object whose `n` plain-data items are zeroed and then
    /// written by `fill` before anyone else can see them (a string's code units, an
    /// int's digits). None if the memory cannot be had.
    pub fn new_var_filled<T: Payload>(
        ty: &TypeRef,
        negative: bool,
        payload: T,
        n: usize,
        fill: impl FnOnce(&mut [T::Item]),
    ) -> Option<PyObj>
    where
        T::Item: bytemuck::Zeroable + Copy,
    {
        let (vt, _, p) = Self::alloc_var::<T>(ty, n)?;
        let size = n as isize;
        // SAFETY: H3: the items, var header and payload slots lie inside the fresh
        // block; all-zero bytes are a valid value of a Zeroable item (H6: the items
        // are initialised before the object is complete).
        unsafe {
            let first = p.as_ptr().byte_add(vt.items_off).cast::<T::Item>();
            ptr::write_bytes(first, 0, n);
            let vb = p.as_ptr().cast::<VarBlock<()>>();
            ptr::addr_of_mut!((*vb).ob_size).write(if negative { -size } else { size });
            payload_ptr::<T>(p).write(payload);
        }
        let obj = PyObj(p);
        // SAFETY: H6 allows writing the items until construction ends: `obj` was just
        // created, nothing else holds it (refcount 1), and no borrow of its items
        // exists. Should `fill` panic, dropping `obj` frees a complete object.
        let items = unsafe { &mut *items_ptr::<T>(obj.0) };
        fill(items);
        if vt.gc && (T::TRACK_AT_ALLOC || vt.heap_type) {
            obj.gc_track();
        }
        Some(obj)
    }

    #[inline]
    pub(crate) fn head(&self) -> &ObHead {
        // SAFETY: H1: a handle keeps its object alive.
        unsafe { self.0.as_ref() }
    }

    #[inline]
    pub(crate) fn as_nonnull(&self) -> NonNull<ObHead> {
        self.0
    }

    /// Make a handle from a raw object pointer, taking a new reference.
    ///
    /// # Safety
    /// `p` heads a live object.
    #[inline]
    pub(crate) unsafe fn from_borrowed(p: NonNull<ObHead>) -> PyObj {
        let obj = std::mem::ManuallyDrop::new(PyObj(p));
        (*obj).clone()
    }

    /// The object's address: Python's `id()`.
    #[inline]
    pub fn id(&self) -> usize {
        self.0.as_ptr().addr()
    }

    /// Is this the same object as `other` (Python's `is`)?
    #[inline]
    pub fn is(&self, other: &PyObj) -> bool {
        self.0 == other.0
    }

    /// The reference count (what sys.getrefcount reports, before its own argument).
    pub fn refcnt(&self) -> usize {
        self.head().refcnt.get() as usize
    }

    /// Make the object immortal: its count is never decremented again (for the
    /// preallocated singletons, like CPython 3.12's immortal objects).
    pub fn make_immortal(&self) {
        self.head().refcnt.set(u32::MAX);
    }

    /// The vtable describing this object's payload.
    #[inline]
    pub fn vtable(&self) -> &'static Vtable {
        vtable_of(self.0)
    }

    /// The object's type object (a new reference).
    pub fn type_obj(&self) -> TypeRef {
        // SAFETY: H1/H4: the header holds a reference to a live type object.
        TypeRef(unsafe { PyObj::from_borrowed(self.head().ty.get()) })
    }

    /// Is the object's type exactly `ty`?
    #[inline]
    pub fn is_type(&self, ty: &TypeRef) -> bool {
        self.head().ty.get() == ty.0 .0
    }

    /// Does the payload have Rust type `T`?
    #[inline]
    pub fn is_a<T: Payload>(&self) -> bool {
        self.vtable().type_id == TypeId::of::<T>()
    }

    /// The payload of an immutable object, if it has type `T`.
    #[inline]
    pub fn get<T: Payload>(&self) -> Option<&T> {
        const { assert!(!T::MUTABLE, "use borrow() for mutable payloads") };
        if !self.is_a::<T>() {
            return None;
        }
        // SAFETY: H4 (type checked just now) and H5 (immutable payloads are never
        // mutably borrowed); the handle keeps the object alive for the borrow.
        Some(unsafe { &*payload_ptr::<T>(self.0) })
    }

    /// The items of an immutable var-sized object, if its payload has type `T`.
    #[inline]
    pub fn items<T: Payload>(&self) -> Option<&[T::Item]> {
        if !self.is_a::<T>() {
            return None;
        }
        // SAFETY: H4 and H6: items are initialised and never mutated.
        Some(unsafe { items_of::<T>(self.0) })
    }

    /// ob_size: the number of items with the type's sign (int keeps its sign here).
    pub fn ob_size(&self) -> isize {
        if !self.vtable().var {
            return 0;
        }
        // SAFETY: H3: var-sized objects have a var header.
        unsafe { (*self.0.as_ptr().cast::<VarBlock<()>>()).ob_size }
    }

    /// Borrow a mutable payload for reading.
    pub fn borrow<T: Payload>(&self) -> Result<PRef<'_, T>, BorrowError> {
        if !self.is_a::<T>() {
            return Err(BorrowError::WrongType);
        }
        let flags = &self.head().flags;
        let state = flags.get();
        let count = state & BORROW_MASK;
        if count >= BORROW_MUT - 1 {
            return Err(BorrowError::Busy);
        }
        flags.set(state + 1);
        Ok(PRef {
            obj: self,
            // SAFETY: H5: the borrow state is now shared.
            payload: unsafe { &*payload_ptr::<T>(self.0) },
        })
    }

    /// Borrow a mutable payload for writing.
    pub fn borrow_mut<T: Payload>(&self) -> Result<PMut<'_, T>, BorrowError> {
        const { assert!(T::MUTABLE, "immutable payloads cannot be borrowed mutably") };
        if !self.is_a::<T>() {
            return Err(BorrowError::WrongType);
        }
        let flags = &self.head().flags;
        let state = flags.get();
        if state & BORROW_MASK != 0 {
            return Err(BorrowError::Busy);
        }
        flags.set(state | BORROW_MUT);
        Ok(PMut {
            obj: self,
            // SAFETY: H5: the borrow state is now exclusive.
            payload: unsafe { &mut *payload_ptr::<T>(self.0) },
        })
    }

    /// True while a `PMut` to this object's payload is alive.
    pub(crate) fn is_mut_borrowed(p: NonNull<ObHead>) -> bool {
        // SAFETY: callers pass live objects.
        unsafe { (*p.as_ptr()).flags.get() & BORROW_MASK == BORROW_MUT }
    }

    /// Call `f` for each object this one references (tp_traverse, as used by
    /// gc.get_referents); visits nothing while the payload is exclusively borrowed.
    pub fn visit_children(&self, f: Visit<'_>) {
        if Self::is_mut_borrowed(self.0) {
            return;
        }
        // SAFETY: H5: not exclusively borrowed, so a shared read is allowed.
        unsafe { traverse_object(self.0, f) }
    }

    /// The words after the payload (`__slots__` values, `__weakref__`); empty unless
    /// the type's vtable was derived with words.
    pub fn words(&self) -> &[Word] {
        // SAFETY: H1: the handle keeps the object alive.
        unsafe { words_of(self.0) }
    }

    /// The managed `__dict__` pre-header's dict word (empty if the object has no
    /// pre-header).
    pub fn pre_words(&self) -> &[Word] {
        // SAFETY: H1: the handle keeps the object alive.
        unsafe { pre_words_of(self.0) }
    }

    /// The managed `__dict__` pre-header's values slot: the instance's attribute
    /// values while it has no dict object (None if the object has no pre-header).
    pub fn values_slot(&self) -> Option<&ValuesSlot> {
        // SAFETY: H1: the handle keeps the object alive.
        unsafe { values_slot_of(self.0) }
    }

    /// Mark a container as owned by the one object whose word holds it (on), or give
    /// it back its own life (off, and tracked). While owned it is never tracked and
    /// the owner's traverse visits its contents.
    pub fn set_owned(&self, on: bool) {
        let f = &self.head().flags;
        if on {
            self.gc_untrack();
            f.set(f.get() | OWNED);
        } else if f.get() & OWNED != 0 {
            f.set(f.get() & !OWNED);
            self.gc_track();
        }
    }

    /// Is this container owned by another object's word?
    pub fn is_owned(&self) -> bool {
        self.head().flags.get() & OWNED != 0
    }

    /// One of the 8 free object flag bits (0..8), for the type's own use (e.g. a str's
    /// interned state).
    pub fn obj_flag(&self, bit: u32) -> bool {
        assert!(bit < 8);
        self.head().flags.get() & (1 << (24 + bit)) != 0
    }

    /// Set or clear one of the 8 object flag bits.
    pub fn set_obj_flag(&self, bit: u32, on: bool) {
        assert!(bit < 8);
        let f = &self.head().flags;
        let mask = 1 << (24 + bit);
        f.set(if on { f.get() | mask } else { f.get() & !mask });
    }

    /// What the heap holds for this object: its block (GC header included) plus the
    /// buffers it owns. This is sys.getsizeof.
    pub fn sizeof(&self) -> usize {
        let vt = self.vtable();
        let n = self.ob_size().unsigned_abs();
        let block = vt.block_size(n).unwrap_or(0);
        if Self::is_mut_borrowed(self.0) {
            return block;
        }
        // SAFETY: not exclusively borrowed (checked above), so a shared read is fine.
        block + unsafe { (vt.extra_size)(self.0) }
    }

    // ----- GC tracking ------------------------------------------------------------

    /// Start tracking a container (PyObject_GC_Track). No-op if already tracked or not
    /// a container.
    pub fn gc_track(&self) {
        if self.vtable().gc && !self.is_owned() {
            // SAFETY: containers have a GC header (H2).
            unsafe { gc::track(gc_head(self.0)) };
        }
    }

    /// Stop tracking a container (PyObject_GC_UnTrack).
    pub fn gc_untrack(&self) {
        if self.vtable().gc {
            // SAFETY: containers have a GC header (H2).
            unsafe { gc::untrack(gc_head(self.0)) };
        }
    }

    /// gc.is_tracked.
    pub fn gc_is_tracked(&self) -> bool {
        // SAFETY: containers have a GC header (H2).
        self.vtable().gc && unsafe { gc::is_tracked(gc_head(self.0)) }
    }

    /// CPython's _PyObject_GC_MAY_BE_TRACKED: a container that is tracked, or could be
    /// (lazily untracked types count only while tracked).
    pub fn gc_may_be_tracked(&self) -> bool {
        let vt = self.vtable();
        vt.gc && (vt.untrack != Untrack::Young || self.gc_is_tracked())
    }
}

/// A shared borrow of a mutable payload.
pub struct PRef<'a, T> {
    obj: &'a PyObj,
    payload: &'a T,
}

impl<T> std::ops::Deref for PRef<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.payload
    }
}

impl<T> Drop for PRef<'_, T> {
    fn drop(&mut self) {
        let f = &self.obj.head().flags;
        f.set(f.get() - 1);
    }
}

/// An exclusive borrow of a mutable payload.
pub struct PMut<'a, T> {
    obj: &'a PyObj,
    payload: &'a mut T,
}

impl<T> std::ops::Deref for PMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.payload
    }
}

impl<T> std::ops::DerefMut for PMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.payload
    }
}

impl<T> Drop for PMut<'_, T> {
    fn drop(&mut self) {
        let f = &self.obj.head().flags;
        f.set(f.get() & !BORROW_MASK);
    }
}

// ----- type objects --------------------------------------------------------------------

/// The payload of every type object: the vtable of its instances, then the type's own
/// data `X` (name, base, dict, ... defined by `crate::objects`).
#[repr(C)]
pub struct TypeObject<X: Payload> {
    instance_vt: &'static Vtable,
    pub ext: X,
}

impl<X: Payload<Item = ()>> Payload for TypeObject<X> {
    type Item = ();
    const NAME: &'static str = "type";
    const GC: bool = X::GC;
    // Never borrowed mutably: instances read `instance_vt` through raw pointers at any
    // time (H4), so a type's own data changes only through interior mutability (its
    // dict is an object of its own).
    const MUTABLE: bool = {
        assert!(
            !X::MUTABLE,
            "type data must be immutable; use interior mutability"
        );
        false
    };
    fn traverse(&self, _items: &[()], visit: Visit<'_>) {
        self.ext.traverse(&[], visit)
    }
    fn clear(&mut self) {
        self.ext.clear()
    }
    fn clear_shared(&self, _items: &[()]) {
        self.ext.clear_shared(&[])
    }
    fn extra_size(&self) -> usize {
        self.ext.extra_size()
    }
}

/// A handle known to be a type object (its payload is a `TypeObject`, H4).
#[derive(Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct TypeRef(PyObj);

impl std::ops::Deref for TypeRef {
    type Target = PyObj;
    fn deref(&self) -> &PyObj {
        &self.0
    }
}

impl TypeRef {
    /// Create the metatype (`type`), whose type is itself. Its instances are type
    /// objects with extension data `X`.
    pub fn new_metatype<X: Payload<Item = ()>>(ext: X) -> TypeRef {
        let vt = TypeObject::<X>::VTABLE;
        let layout = vt.block_layout(0).expect("fixed layout");
        // SAFETY: fresh block of the right layout; the header's type pointer is the
        // object itself, a strong self-reference counted in refcnt (H1).
        unsafe {
            let block = object_alloc(layout);
            if block.is_null() {
                alloc::handle_alloc_error(layout)
            }
            let p = NonNull::new_unchecked(block.byte_add(vt.block_pre()).cast::<ObHead>());
            p.as_ptr().write(ObHead {
                refcnt: Cell::new(2),
                flags: Cell::new(0),
                ty: Cell::new(p),
            });
            if vt.gc {
                gc_head(p).as_ptr().write(GcHead {
                    next: Cell::new(ptr::null_mut()),
                    prev: Cell::new(ptr::null_mut()),
                });
            }
            payload_ptr::<TypeObject<X>>(p).write(TypeObject {
                instance_vt: vt,
                ext,
            });
            FREE.with(|f| f.live.set(f.live.get() + 1));
            TypeRef(PyObj(p))
        }
    }

    /// Create a type object of metatype `meta` whose instances have payload `T`.
    pub fn new<X: Payload<Item = ()>, T: Payload>(meta: &TypeRef, ext: X) -> TypeRef {
        Self::with_vtable(meta, T::VTABLE, ext)
    }

    /// Create a type object whose instances use `instance_vt` (e.g. `bool` shares
    /// `int`'s payload type).
    pub fn with_vtable<X: Payload<Item = ()>>(
        meta: &TypeRef,
        instance_vt: &'static Vtable,
        ext: X,
    ) -> TypeRef {
        TypeRef(PyObj::new(meta, TypeObject { instance_vt, ext }))
    }

    /// View a handle as a type object if it is one (its type's instances are
    /// `TypeObject<X>`).
    pub fn from_obj<X: Payload<Item = ()>>(obj: &PyObj) -> Option<TypeRef> {
        obj.is_a::<TypeObject<X>>().then(|| TypeRef(obj.clone()))
    }

    /// The vtable of this type's instances.
    #[inline]
    pub fn instance_vtable(&self) -> &'static Vtable {
        // SAFETY: H4: a TypeRef's payload is a TypeObject beginning with the vtable.
        unsafe {
            let payload = self.0 .0.as_ptr().byte_add(size_of::<ObHead>());
            *payload.cast::<&'static Vtable>()
        }
    }

    /// The type's extension data, if it is `X`.
    pub fn ext<X: Payload<Item = ()>>(&self) -> Option<&X> {
        self.0.get::<TypeObject<X>>().map(|t| &t.ext)
    }

    /// The handle as a plain object.
    pub fn as_obj(&self) -> &PyObj {
        &self.0
    }
}
