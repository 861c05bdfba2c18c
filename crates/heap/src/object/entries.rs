//! Where a payload lies in its block (`Shape`, H9) and what the heap does to one
//! object through its vtable: the monomorphised entries (drop, traverse, clear,
//! extra_size, can_untrack), the words, and tp_traverse / tp_clear of any object.

use std::ptr::{self, NonNull};

use super::borrow::SharedBorrow;
use super::vtable::{Payload, Visit, Vtable, Word};
use super::{vtable_of, ObHead, PyObj, VarBlock, BORROW_MASK, BORROW_MUT, GC_PRE, MANAGED, OWNED};
use crate::table::ValuesSlot;

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

/// ob_size of an object whose payload type is `T` (0 for fixed-size payloads).
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4).
#[inline]
pub(super) unsafe fn ob_size_of<T: Payload>(p: NonNull<ObHead>) -> isize {
    if !Shape::<T>::VT.var {
        return 0;
    }
    // SAFETY: H3/H9: a var-sized payload's block has its VarBlock header after the ObHead.
    unsafe { (*p.as_ptr().cast::<VarBlock<()>>()).ob_size }
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
#[inline]
pub(super) unsafe fn drop_payload<T: Payload>(p: NonNull<ObHead>) {
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
pub(super) unsafe fn traverse_payload<T: Payload>(p: NonNull<ObHead>, visit: Visit<'_>) {
    // SAFETY: H4, forwarded from the caller; with_shared takes the borrow state (H5).
    unsafe { with_shared::<T, _>(p, |t, items| t.traverse(items, visit)) };
}

/// tp_clear of a `T`; skipped while anyone borrows the payload.
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4), and the caller holds a
/// reference to it (H1), so the clear cannot free it.
pub(super) unsafe fn clear_payload<T: Payload>(p: NonNull<ObHead>) {
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
pub(super) unsafe fn extra_size_payload<T: Payload>(p: NonNull<ObHead>) -> usize {
    // SAFETY: H4, forwarded from the caller; with_shared takes the borrow state (H5).
    unsafe { with_shared::<T, _>(p, |t, _| t.extra_size()) }.unwrap_or(0)
}

/// May the collector untrack this `T`? False while it cannot be borrowed shared.
///
/// # Safety
/// `p` heads a live object whose payload type is `T` (H4), live during the call.
pub(super) unsafe fn can_untrack_payload<T: Payload>(p: NonNull<ObHead>) -> bool {
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

/// The words in front of the GC header: the managed-dict pre-header's dict word (none,
/// or one; its second word is the values slot).
///
/// # Safety
/// `p` heads a live object (H1), and the slice is used only while it is live.
#[inline]
pub(super) unsafe fn pre_words_of<'a>(p: NonNull<ObHead>) -> &'a [Word] {
    // SAFETY: H1, forwarded from the caller.
    let vt = unsafe { vtable_of(p) };
    if vt.pre_words == 0 {
        return &[];
    }
    debug_assert_eq!(vt.block_pre(), MANAGED_PRE);
    // SAFETY: H3/H9: a layout with a pre-header (`Vtable::derived`: two words, and
    // always a GC header) starts MANAGED_PRE bytes before the ObHead: an initialised
    // word, then the values slot.
    unsafe {
        let first = p.as_ptr().byte_sub(MANAGED_PRE).cast::<Word>();
        std::slice::from_raw_parts(first, 1)
    }
}

/// Bytes in front of the ObHead of an object with the managed-dict pre-header: its
/// two words and the GC header (`Vtable::derived` allows no other pre-header).
const MANAGED_PRE: usize = 2 * size_of::<Word>() + GC_PRE;

/// The values slot of the managed-dict pre-header (its second word), if there is one.
///
/// # Safety
/// `p` heads a live object (H1), and the slot is used only while it is live.
#[inline]
pub(super) unsafe fn values_slot_of<'a>(p: NonNull<ObHead>) -> Option<&'a ValuesSlot> {
    // SAFETY: H1, forwarded from the caller; the header's fields are Cells.
    if unsafe { p.as_ref() }.flags.get() & MANAGED == 0 {
        return None;
    }
    // SAFETY: H1, forwarded from the caller.
    debug_assert_eq!(unsafe { vtable_of(p) }.block_pre(), MANAGED_PRE);
    // SAFETY: H3/H9: `MANAGED` says the block has the 2-word pre-header, whose second
    // word is the values slot (the layout as in `pre_words_of`), initialised at
    // allocation; it is a Cell, so shared references to it are always allowed.
    unsafe {
        let second = p.as_ptr().byte_sub(MANAGED_PRE - size_of::<Word>());
        Some(&*second.cast::<ValuesSlot>())
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
        // SAFETY: H1: `p` is live during the call (caller).
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
        // SAFETY: H1: the caller's reference keeps `p` live while its values drop.
        if let Some(slot) = unsafe { values_slot_of(p) } {
            drop(slot.take());
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
