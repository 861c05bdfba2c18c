//! Allocation: the block of a new object, its headers written (`raw_alloc`), and the
//! constructors `PyObj::new`, `new_var`, `new_var_filled` and `new_var_concat`.

use std::alloc::{self, Layout};
use std::any::TypeId;
use std::cell::Cell;
use std::marker::PhantomData;
use std::mem::size_of;
use std::ptr::{self, NonNull};

use super::entries::items_off;
use super::free::{count_alloc, count_free};
use super::typeobj::free_lists_of;
use super::{
    items_ptr, payload_ptr, ExactType, ObHead, Payload, PyObj, TypeRef, VarBlock, Vtable, Word,
    GC_PRE,
};
use crate::gc::{self, GcHead};
use crate::pymalloc::{object_alloc, object_alloc_small, object_dealloc};

/// Allocate the block for an object of type `ty` and write its headers (ObHead, GC
/// header, zeroed words). Its payload and items are not written yet.
///
/// A block parked on `ty`'s free list for `n` items is taken back first: it is not
/// counted by gen 0 and triggers no collection (CPython's free lists do neither).
/// Not so for a vtable that `parks`: `PyObj::new` took from its list already.
///
/// None when the block cannot be had (its layout overflows, or out of memory).
///
/// # Safety
/// `vt` is `ty`'s instance vtable, and `n` is 0 for a fixed-size payload.
#[inline(never)]
unsafe fn raw_alloc(ty: &TypeRef, vt: &Vtable, n: usize) -> Option<NonNull<ObHead>> {
    if vt.simple && (vt.free_max == 0 || vt.parks) {
        // An int, a str, bytes, a float whose free list is empty (`PyObj::new` took
        // from it): straight from pymalloc, nothing in front of the ObHead.
        let block = if n < vt.small_items {
            // SAFETY: H9: n < small_items, so the block's size is 8..=SMALL_OBJECT.
            unsafe { object_alloc_small(vt.small_block_size(n)) }
        } else {
            var_block(vt, vt.block_layout(n)?)
        };
        let block = NonNull::new(block)?.cast::<ObHead>();
        // SAFETY: H3: a simple object's block starts with its ObHead (no GC header,
        // no pre words), aligned to the layout's alignment, and holds no object yet.
        // H11: a simple object's type is static (`Vtable::check`): not counted.
        unsafe { init_head(block, ty, false, 0) };
        return Some(block);
    }
    let mut block = ptr::null_mut();
    if vt.free_max > 0 {
        // SAFETY: H1/H4: `ty` is a live type object, held by the caller's handle.
        if let Some(fl) = unsafe { free_lists_of(ty.0 .0) } {
            block = fl.take(n);
            if !block.is_null() && crate::trace::hooked() {
                crate::trace::on_reuse(block);
            }
        }
    }
    if block.is_null() {
        block = fresh_block(vt, n)?;
    }
    // SAFETY: H3: the fresh block holds `block_pre` bytes (pre words, GC header), then
    // the ObHead.
    let p = unsafe { NonNull::new_unchecked(block.byte_add(vt.block_pre()).cast::<ObHead>()) };
    // SAFETY: H3: the ObHead's place in the block (fresh, or taken back from a free list
    // with the same layout and no object in it, F1), aligned (the block is aligned to
    // the layout's alignment, and block_pre is a multiple of 8).
    unsafe { init_head(p, ty, vt.heap_type, managed_flag(vt)) };
    if vt.gc {
        // SAFETY: H2/H3: a container's GC header sits right before its ObHead, in the
        // fresh block; written untracked (C2).
        unsafe {
            p.as_ptr()
                .byte_sub(GC_PRE)
                .cast::<GcHead>()
                .write(GcHead::untracked())
        };
    }
    // SAFETY: H3: `block` starts the block of `p`, an object of `vt`, just made.
    unsafe { write_words(block, p, vt) };
    Some(p)
}

/// Write a new object's words empty: the pre-header's dict word and values slot (if
/// `vt` has them), and the words after its payload. A word at a time, not a memset
/// call: a class's instance has two pre words and one word or two after.
///
/// # Safety
/// `block` is the start of the fresh block of an object of `vt` whose ObHead is at
/// `p` (`block_pre` bytes on); nothing in the words is dropped or read.
#[inline(always)]
unsafe fn write_words(block: *mut u8, p: NonNull<ObHead>, vt: &Vtable) {
    // SAFETY: H3/H9: the pre words (none, or two: `Vtable::derived`) start the block,
    // the dict word then the values slot; the words lie inside a fixed-size block at
    // `words_off`, 8-aligned; each is written once, empty.
    unsafe {
        if vt.pre_words == 2 {
            block.cast::<Word>().write(Word::new(None));
            block
                .add(size_of::<usize>())
                .cast::<crate::table::ValuesSlot>()
                .write(crate::table::ValuesSlot::new(None));
        }
        let words = p.as_ptr().byte_add(vt.words_off).cast::<Word>();
        match vt.n_words {
            0 => {}
            1 => words.write(Word::new(None)),
            2 => {
                words.write(Word::new(None));
                words.add(1).write(Word::new(None));
            }
            // All-zero bytes are `None` in every word.
            n => ptr::write_bytes(words.cast::<u8>(), 0, n * size_of::<usize>()),
        }
    }
}

/// `raw_alloc` with its commonest case inline: a simple object without a free list
/// (an int) with a small block, straight from its pymalloc size class, nothing in
/// front of the ObHead. The rest goes out of line. Used by the
/// var-sized constructor of types known in advance (`new_var_copied_exact`: ints).
///
/// # Safety
/// As `raw_alloc`'s.
#[inline(always)]
unsafe fn raw_alloc_inline(ty: &TypeRef, vt: &Vtable, n: usize) -> Option<NonNull<ObHead>> {
    if n < vt.direct_items {
        // SAFETY: H9: n < direct_items <= small_items, so the block's size is
        // 8..=SMALL_OBJECT; the vtable is simple, with no free list to try (or one
        // the caller tried: `parks`).
        let block = unsafe { object_alloc_small(vt.small_block_size(n)) };
        let block = NonNull::new(block)?.cast::<ObHead>();
        // SAFETY: as in `raw_alloc`: H3: a simple object's block starts with its
        // ObHead, aligned, and holds no object yet; H11: its type is static.
        unsafe { init_head(block, ty, false, 0) };
        return Some(block);
    }
    // SAFETY: H3: forwarded from the caller (vt is ty's, n is 0 if fixed-size).
    unsafe { raw_alloc(ty, vt, n) }
}

/// The block of an object of `ty`, whose instance vtable `parks` (a float), taken
/// back from its free list, its ObHead written; None when the list is empty. As
/// `raw_alloc` does for a parked block, with what the vtable says: the block starts
/// at its ObHead, has no GC header, pre words or words, and is not counted by gen 0.
///
/// # Safety
/// `ty`'s instance vtable `parks`.
#[inline(always)]
unsafe fn take_parked(ty: &TypeRef) -> Option<NonNull<ObHead>> {
    // SAFETY: H1/H4: `ty` is a live type object, held by the caller's handle.
    let fl = unsafe { free_lists_of(ty.0 .0) }?;
    let p = NonNull::new(fl.take_parked())?;
    if crate::trace::hooked() {
        crate::trace::on_reuse(p.as_ptr().cast::<u8>());
    }
    // SAFETY: H3/F1: the block was parked by an object of this layout, which starts
    // at its ObHead (`parks`: simple, no pre words), 8-aligned, and holds no object.
    // H11: a simple object's type is static: not counted.
    unsafe { init_head(p, ty, false, 0) };
    Some(p)
}

/// The block of a lean container of `ty` (`Vtable::lean`) for `n` items taken back
/// from its type's free list, its headers written (ObHead, GC header untracked); None
/// when the type keeps no list for `n` items or it is empty. What `raw_alloc` does
/// for a parked block, with what `lean` says: nothing in front of the GC header, no
/// words, no class to count, no managed dict.
///
/// # Safety
/// `ty`'s instance vtable is lean, and `n` is 0 for a fixed-size payload.
#[inline(always)]
unsafe fn take_lean(ty: &TypeRef, n: usize) -> Option<NonNull<ObHead>> {
    // SAFETY: H1/H4: `ty` is a live type object, held by the caller's handle.
    let fl = unsafe { free_lists_of(ty.0 .0) }?;
    let p = NonNull::new(fl.take_head(n))?;
    // SAFETY: H3: a lean block is the GC header, then the ObHead.
    let block = unsafe { p.byte_sub(GC_PRE) };
    if crate::trace::hooked() {
        crate::trace::on_reuse(block.as_ptr().cast::<u8>());
    }
    // SAFETY: H3/F1: the ObHead's place in a block parked by an object of this
    // layout, which holds no object, 8-aligned; H11: a lean vtable is no class's
    // (not counted), and has no pre words (no MANAGED flag).
    unsafe { init_head(p, ty, false, 0) };
    // SAFETY: H2/H3: a container's GC header sits right before its ObHead; written
    // untracked (C2).
    unsafe { block.cast::<GcHead>().write(GcHead::untracked()) };
    Some(p)
}

/// A fresh block for a lean container of `ty` with a fixed-size payload whose block
/// is small, from its pymalloc size class, its headers written (ObHead, GC header
/// untracked); counted by gen 0 first, which may run a collection. None when the
/// memory cannot be had. What `raw_alloc` and `fresh_block` do for it, without
/// their tests.
///
/// # Safety
/// `ty`'s instance vtable is `vt`, lean, of a fixed-size payload, with
/// `small_items > 0`.
#[inline(always)]
unsafe fn fresh_lean(ty: &TypeRef, vt: &Vtable) -> Option<NonNull<ObHead>> {
    debug_assert!(vt.lean && !vt.var && vt.small_items > 0);
    gc::before_gc_alloc();
    // SAFETY: H9: 0 < small_items, so the block's size is 8..=SMALL_OBJECT.
    let block = NonNull::new(unsafe { object_alloc_small(vt.small_block_size(0)) })?;
    // SAFETY: H3: a lean block is the GC header, then the ObHead (no pre words).
    let p = unsafe { block.byte_add(GC_PRE) }.cast::<ObHead>();
    // SAFETY: H3: the ObHead's place in the fresh block, aligned (the block is
    // 8-aligned, GC_PRE a multiple of 8), holding no object; H11: a lean vtable is
    // no class's (not counted), and has no pre words (no MANAGED flag).
    unsafe { init_head(p, ty, false, 0) };
    // SAFETY: H2/H3: a container's GC header sits right before its ObHead; written
    // untracked (C2).
    unsafe { block.cast::<GcHead>().write(GcHead::untracked()) };
    Some(p)
}

/// Track a container just completed, if its payload starts tracked (or it is a
/// class's instance).
///
/// # Safety
/// `p` heads a complete object of `vt`, payload `T`, just made (untracked, C2), whose
/// one reference the caller holds.
#[inline(always)]
unsafe fn track_new<T: Payload>(vt: &Vtable, p: NonNull<ObHead>) {
    if vt.gc && (T::TRACK_AT_ALLOC || vt.heap_type) {
        // SAFETY: H2: vt.gc says there is a GC header; C1: used at once, while the
        // caller's reference keeps the object alive; C2: written untracked by its
        // allocation, tracked by nobody since.
        gc::track_fresh(unsafe { super::gc_head(p) });
    }
}

/// The header flags a new object of `vt` starts with: `MANAGED` if its block has the
/// values slot (H3).
#[inline(always)]
pub(super) fn managed_flag(vt: &Vtable) -> u32 {
    if vt.pre_words >= 2 {
        super::MANAGED
    } else {
        0
    }
}

/// Write a new object's header at `head`: one reference, `flags` (`managed_flag` of
/// its vtable), and `ty`; the object is counted as allocated. The header owns a new
/// reference to `ty` if `counted` (an instance of a class, H1); a static type is
/// pinned instead (H11).
///
/// # Safety
/// `head` is the start of a block with room for an ObHead, aligned for it, that
/// holds no object (nothing there is dropped or read); `counted` is the
/// `heap_type` of `ty`'s instance vtable, and `flags` its `managed_flag` (H3).
#[inline(always)]
unsafe fn init_head(head: NonNull<ObHead>, ty: &TypeRef, counted: bool, flags: u32) {
    debug_assert_eq!(counted, ty.instance_vtable().heap_type);
    debug_assert_eq!(flags, managed_flag(ty.instance_vtable()));
    if counted {
        // H1: the header's reference to its class, taken here.
        std::mem::forget(ty.0.clone());
    }
    // SAFETY: H3: the caller's contract: `head` is the ObHead's place in its block,
    // writable, aligned and unowned; H1/H11: the type reference was taken above for
    // a class, and a static type is pinned.
    unsafe {
        head.as_ptr().write(ObHead {
            refcnt: Cell::new(1),
            flags: Cell::new(flags),
            ty: Cell::new(ty.0 .0),
        })
    };
    count_alloc();
}

/// Blocks larger than this come from the raw layer under both geometries (their
/// `small_request_threshold`).
const LARGE_BLOCK: usize = 512;

/// A new block from pymalloc for an object of `vt` with `n` items, counted by gen 0
/// if it is a container (which may run a collection first). None if its layout
/// overflows or the memory cannot be had.
#[inline(never)]
fn fresh_block(vt: &Vtable, n: usize) -> Option<*mut u8> {
    if n < vt.small_items {
        if vt.gc {
            gc::before_gc_alloc();
        }
        // SAFETY: H9: n < small_items, so the block's size is 8..=SMALL_OBJECT.
        let block = unsafe { object_alloc_small(vt.small_block_size(n)) };
        return (!block.is_null()).then_some(block);
    }
    let layout = vt.block_layout(n)?;
    if vt.gc {
        gc::before_gc_alloc();
    }
    let block = var_block(vt, layout);
    (!block.is_null()).then_some(block)
}

/// A block of `layout` for an object of `vt` (null when it cannot be had). A
/// var-sized object's caller handles null (MemoryError), so a block beyond
/// pymalloc's classes is asked for as a fallible request: the memory limit refuses
/// it rather than serving it. Smaller blocks take the ordinary path.
#[inline]
fn var_block(vt: &Vtable, layout: Layout) -> *mut u8 {
    // SAFETY: H3: the layout holds at least the ObHead, so its size is not zero.
    let alloc = || unsafe { object_alloc(layout) };
    if vt.var && layout.size() > LARGE_BLOCK {
        crate::pymalloc::fallible(alloc)
    } else {
        alloc()
    }
}

/// Complete a var-sized object whose `n` items are written: its size (negative for a
/// negative int), its payload, and its tracking.
///
/// # Safety
/// `p` heads a fresh block from `PyObj::alloc_var::<T>` for `n` items, all of them
/// initialised, its var header and payload not yet written (H3, H6).
#[inline(always)]
pub(super) unsafe fn finish_var<T: Payload>(
    vt: &Vtable,
    p: NonNull<ObHead>,
    negative: bool,
    n: usize,
    payload: T,
) -> PyObj {
    let size = n as isize;
    // SAFETY: H3/H9: the var header and the payload slot of a `T` lie inside the block
    // (the caller's).
    unsafe {
        let vb = p.as_ptr().cast::<VarBlock<()>>();
        ptr::addr_of_mut!((*vb).ob_size).write(if negative { -size } else { size });
        payload_ptr::<T>(p).write(payload);
    }
    // SAFETY: H3/H6: the object is complete (its items by the caller, its payload
    // above) and fresh; C2: untracked since its allocation; H1: its one reference is
    // the handle made below.
    unsafe { track_new::<T>(vt, p) };
    PyObj(p)
}

/// Write the first `n` of `items` into a fresh var-sized block and complete it.
///
/// # Safety
/// `p` heads a fresh block from `alloc_var` of `vt`, which names `T`, for `n` items,
/// and `n <= N`.
#[inline(always)]
unsafe fn copy_items<T: Payload, const N: usize>(
    vt: &Vtable,
    p: NonNull<ObHead>,
    negative: bool,
    payload: T,
    items: [T::Item; N],
    n: usize,
) -> PyObj
where
    T::Item: Copy,
{
    // SAFETY: H3: the first `n` items lie inside the fresh block, which nothing else
    // sees yet; they are initialised here, before the object is complete (H6). Then
    // the block is a `T` with `n` items written.
    unsafe {
        let first = p.as_ptr().byte_add(vt.items_off).cast::<T::Item>();
        for (i, item) in items.into_iter().enumerate() {
            if i < n {
                first.add(i).write(item);
            }
        }
        finish_var(vt, p, negative, n, payload)
    }
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
        // SAFETY: H4: vt is ty's instance vtable, which names T (checked above).
        unsafe { Self::new_known(ty, vt, payload) }
    }

    /// object.__new__ of a class: `new` with the path of a class's instance whose
    /// block is small (no free list: CPython keeps none for them) straight from its
    /// pymalloc size class, counted by gen 0 first (which may run a collection), its
    /// headers and words written, then tracked. Any other type takes `new`'s way.
    ///
    /// Panics as `new` does.
    #[inline]
    pub fn new_instance<T: Payload>(ty: &TypeRef, payload: T) -> PyObj {
        let vt = ty.instance_vtable();
        assert!(
            vt.type_id == TypeId::of::<T>() && !vt.var,
            "payload does not match type"
        );
        if !(vt.heap_type && vt.gc && vt.free_max == 0 && vt.small_items > 0) {
            // SAFETY: H4: vt is ty's instance vtable, which names T (checked above).
            return unsafe { Self::new_known(ty, vt, payload) };
        }
        gc::before_gc_alloc();
        // SAFETY: H9: 0 < small_items, so the fixed-size block is 8..=SMALL_OBJECT.
        let block = unsafe { object_alloc_small(vt.small_block_size(0)) };
        if block.is_null() {
            alloc::handle_alloc_error(vt.block_layout(0).expect("fixed layout"));
        }
        // SAFETY: H3: the fresh block holds `block_pre` bytes (pre words, GC header),
        // then the ObHead, 8-aligned (block_pre is a multiple of 8), then the payload
        // and the words; nothing else sees it yet. H1: `heap_type`: the header takes a
        // reference to the class; its flags are `managed_flag`'s. H2: the GC header is
        // written untracked (C2), and the object tracked once complete (its payload
        // written, `vt` names T).
        unsafe {
            let p = NonNull::new_unchecked(block.byte_add(vt.block_pre()).cast::<ObHead>());
            init_head(p, ty, true, managed_flag(vt));
            p.as_ptr()
                .byte_sub(GC_PRE)
                .cast::<GcHead>()
                .write(GcHead::untracked());
            write_words(block, p, vt);
            payload_ptr::<T>(p).write(payload);
            track_new::<T>(vt, p);
            PyObj(p)
        }
    }

    /// `new` for a type already known to hold `T` (`ExactType`, checked once when it
    /// was made): no payload check per object. `T` must be a fixed-size payload
    /// (checked at compile time).
    #[inline]
    pub fn new_exact<T: Payload>(ty: &ExactType<T>, payload: T) -> PyObj {
        const { assert!(size_of::<T::Item>() == 0, "a fixed-size payload") };
        let ty = &ty.ty;
        let vt = ty.instance_vtable();
        debug_assert!(vt.type_id == TypeId::of::<T>() && !vt.var);
        // SAFETY: H4: an ExactType's instance vtable names T (checked by
        // `ExactType::new`, and never replaced), and a fixed-size payload's vtable is
        // not var-sized (`Vtable::new` derives `var` from T's items).
        unsafe { Self::new_known(ty, vt, payload) }
    }

    /// The body of `new` once the payload is known to match. The block comes from
    /// `raw_alloc` out of line: the hot fixed-size objects either park (a float,
    /// taken from its list here) or are containers, so `raw_alloc_inline` would only
    /// make the float's path save more registers.
    ///
    /// # Safety
    /// `vt` is `ty`'s instance vtable, which names `T`, a fixed-size payload.
    #[inline(always)]
    unsafe fn new_known<T: Payload>(ty: &TypeRef, vt: &Vtable, payload: T) -> PyObj {
        if vt.parks {
            // SAFETY: H4: vt is ty's instance vtable, and it `parks`.
            if let Some(p) = unsafe { take_parked(ty) } {
                // SAFETY: H3/H9: the block has room for a T at its payload offset (vt
                // names T: the caller's).
                unsafe { payload_ptr::<T>(p).write(payload) };
                // Not a container (`parks` is simple): nothing to track.
                return PyObj(p);
            }
        }
        if T::GC && T::FREE_LIST_MAX > 0 && vt.lean {
            // SAFETY: H4: vt is ty's instance vtable, lean; a fixed-size payload.
            if let Some(p) = unsafe { take_lean(ty, 0) } {
                // SAFETY: H3/H9: the block has room for a T at its payload offset (vt
                // names T: the caller's); then the object is complete and fresh.
                unsafe {
                    payload_ptr::<T>(p).write(payload);
                    track_new::<T>(vt, p);
                }
                return PyObj(p);
            }
        }
        // SAFETY: H3/H4: forwarded from the caller.
        unsafe { Self::new_fresh(ty, vt, payload) }
    }

    /// `new_known` past the free list, out of line (a tail call): a float's path
    /// through its free list saves no registers for it.
    ///
    /// # Safety
    /// As `new_known`'s.
    #[inline(never)]
    unsafe fn new_fresh<T: Payload>(ty: &TypeRef, vt: &Vtable, payload: T) -> PyObj {
        let p = if T::GC && vt.lean && vt.small_items > 0 {
            // SAFETY: H3: vt is ty's instance vtable, lean, of a fixed-size payload
            // whose block is small.
            unsafe { fresh_lean(ty, vt) }
        } else {
            // SAFETY: H3: vt is ty's instance vtable, of a fixed-size payload.
            unsafe { raw_alloc(ty, vt, 0) }
        };
        let Some(p) = p else {
            alloc::handle_alloc_error(vt.block_layout(0).expect("fixed layout"))
        };
        // SAFETY: H3/H9: the block has room for a T at its payload offset (vt names T:
        // the caller's).
        // SAFETY: H3/H9: the block has room for a T at its payload offset (vt names
        // T: the caller's); then the object is complete and fresh (C2: untracked).
        unsafe {
            payload_ptr::<T>(p).write(payload);
            track_new::<T>(vt, p);
        }
        PyObj(p)
    }

    /// The block of a var-sized object of type `ty` (payload `T`) with room for `n`
    /// items, its header written: the vtable and the object pointer. None when the
    /// memory cannot be had.
    #[inline(always)]
    pub(super) fn alloc_var<T: Payload>(
        ty: &TypeRef,
        n: usize,
    ) -> Option<(&'static Vtable, NonNull<ObHead>)> {
        let vt = ty.instance_vtable();
        assert!(
            vt.type_id == TypeId::of::<T>() && vt.var,
            "payload does not match type"
        );
        // SAFETY: H4: vt is ty's instance vtable, which names T (checked above).
        unsafe { Self::alloc_var_known::<T, false>(ty, vt, n) }
    }

    /// `alloc_var` once the payload is known to match; `INLINE` takes a simple
    /// object's small block inline (`raw_alloc_inline`).
    ///
    /// # Safety
    /// `vt` is `ty`'s instance vtable, which names `T`, a var-sized payload.
    #[inline(always)]
    unsafe fn alloc_var_known<T: Payload, const INLINE: bool>(
        ty: &TypeRef,
        vt: &'static Vtable,
        n: usize,
    ) -> Option<(&'static Vtable, NonNull<ObHead>)> {
        assert!(!T::MUTABLE, "var-sized payloads are immutable (H6)");
        if n > isize::MAX as usize / 2 {
            return None;
        }
        if T::GC && T::FREE_LIST_MAX > 0 && vt.lean {
            // SAFETY: H4: vt is ty's instance vtable, lean.
            if let Some(p) = unsafe { take_lean(ty, n) } {
                return Some((vt, p));
            }
        }
        // SAFETY: H3: vt is ty's instance vtable, of a var-sized payload (the caller's).
        let p = unsafe {
            if INLINE {
                raw_alloc_inline(ty, vt, n)?
            } else {
                raw_alloc(ty, vt, n)?
            }
        };
        Some((vt, p))
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
        let (vt, p) = Self::alloc_var::<T>(ty, n)?;
        // SAFETY: H3/H4: `p` is a fresh block of `vt`, which names T, for `n` items.
        unsafe { Self::fill_var(vt, p, negative, payload, n, items) }
    }

    /// `new_var` for a type already known to hold `T` (`ExactType`): no payload check
    /// per object.
    #[inline]
    pub fn new_var_exact<T: Payload, I>(
        ty: &ExactType<T>,
        negative: bool,
        payload: T,
        n: usize,
        items: I,
    ) -> Option<PyObj>
    where
        I: IntoIterator<Item = T::Item>,
    {
        let (vt, p) = Self::alloc_var_exact(ty, n)?;
        // SAFETY: H3/H4: `p` is a fresh block of `vt`, which names T, for `n` items.
        unsafe { Self::fill_var(vt, p, negative, payload, n, items) }
    }

    /// `alloc_var` for a type already known to hold `T` (`ExactType`): its vtable
    /// and a fresh block for `n` items.
    #[inline(always)]
    fn alloc_var_exact<T: Payload>(
        ty: &ExactType<T>,
        n: usize,
    ) -> Option<(&'static Vtable, NonNull<ObHead>)> {
        const { assert!(size_of::<T::Item>() != 0, "a var-sized payload") };
        let ty = &ty.ty;
        let vt = ty.instance_vtable();
        debug_assert!(vt.type_id == TypeId::of::<T>() && vt.var);
        // SAFETY: H4: an ExactType's instance vtable names T (checked by
        // `ExactType::new`, never replaced), var-sized as T's items are.
        unsafe { Self::alloc_var_known::<T, false>(ty, vt, n) }
    }

    /// Allocate a var-sized object of a type known to hold `T` whose items are the
    /// `N` of `items`, moved in as they are: no iterator and no undo guard (moving
    /// cannot fail). None if the memory cannot be had (the items are dropped).
    #[inline]
    pub fn new_var_array<T: Payload, const N: usize>(
        ty: &ExactType<T>,
        payload: T,
        items: [T::Item; N],
    ) -> Option<PyObj> {
        let (vt, p) = Self::alloc_var_exact(ty, N)?;
        // SAFETY: H3/H9: the N items lie inside the fresh block at `items_off`, which
        // is aligned for the item type, and nothing else sees it yet; they are all
        // written here, before the object is complete (H6). Then the block is a `T`
        // with N items written.
        unsafe {
            p.as_ptr()
                .byte_add(vt.items_off)
                .cast::<[T::Item; N]>()
                .write(items);
            Some(finish_var(vt, p, false, N, payload))
        }
    }

    /// The rest of `new_var`: write the items from `items` into the fresh block `p`
    /// and complete it; on a short iterator or a panic, undo.
    ///
    /// # Safety
    /// `p` heads a fresh block from `alloc_var` of `vt`, which names `T`, for `n` items.
    #[inline(always)]
    unsafe fn fill_var<T: Payload, I>(
        vt: &'static Vtable,
        p: NonNull<ObHead>,
        negative: bool,
        payload: T,
        n: usize,
        items: I,
    ) -> Option<PyObj>
    where
        I: IntoIterator<Item = T::Item>,
    {
        // SAFETY: H9: raw_alloc had a block for `n` items, so their layout is valid.
        let layout = unsafe { vt.block_layout_unchecked(n) };
        // Fill the items; on a short iterator or a panic, undo.
        struct Guard<T: Payload> {
            p: NonNull<ObHead>,
            pre: usize,
            written: usize,
            layout: Layout,
            counted: bool,
            _t: PhantomData<T>,
        }
        impl<T: Payload> Drop for Guard<T> {
            fn drop(&mut self) {
                // SAFETY: H9: the items of a `T` start at items_off::<T>(); H6: exactly
                // `written` of them were initialised, and the payload was not written
                // yet; H1: the header holds the type reference taken by raw_alloc if
                // the type is a class (`counted`; H11: not for a static type); H3:
                // the block came from raw_alloc with `layout`, untracked, unseen.
                unsafe {
                    let first = self.p.as_ptr().byte_add(items_off::<T>());
                    let items =
                        std::slice::from_raw_parts_mut(first.cast::<T::Item>(), self.written);
                    ptr::drop_in_place(items);
                    if self.counted {
                        let ty = (*self.p.as_ptr()).ty.get();
                        drop(PyObj(ty));
                    }
                    object_dealloc(self.p.as_ptr().byte_sub(self.pre).cast::<u8>(), self.layout);
                }
                count_free();
            }
        }
        let mut guard = Guard::<T> {
            p,
            pre: vt.block_pre(),
            written: 0,
            layout,
            counted: vt.heap_type,
            _t: PhantomData,
        };
        let mut it = items.into_iter();
        while guard.written < n {
            let item = it.next()?;
            // SAFETY: H3: slot `written` < n lies inside the block, at vt.items_off.
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
        // SAFETY: H3/H9: `p` is the fresh block of a `T` with `n` items, all written.
        Some(unsafe { finish_var(vt, p, negative, n, payload) })
    }

    /// Allocate a var-sized object whose items are the first `n` of `items` (an
    /// int's few digits): no iterator and no undo guard, copying cannot fail; the
    /// copy is unrolled (N is small), not a call to memcpy. None if the memory cannot
    /// be had.
    ///
    /// Panics if `n > N`.
    #[inline]
    pub fn new_var_copied<T: Payload, const N: usize>(
        ty: &TypeRef,
        negative: bool,
        payload: T,
        items: [T::Item; N],
        n: usize,
    ) -> Option<PyObj>
    where
        T::Item: Copy,
    {
        assert!(n <= N, "more items than given");
        let (vt, p) = Self::alloc_var::<T>(ty, n)?;
        // SAFETY: H3/H4: `p` is a fresh block of `vt` (which names T) for `n` <= N items.
        Some(unsafe { copy_items(vt, p, negative, payload, items, n) })
    }

    /// `new_var_copied` for a type already known to hold `T` (`ExactType`): no
    /// payload check per object. `T` must be a var-sized payload (checked at compile
    /// time).
    #[inline]
    pub fn new_var_copied_exact<T: Payload, const N: usize>(
        ty: &ExactType<T>,
        negative: bool,
        payload: T,
        items: [T::Item; N],
        n: usize,
    ) -> Option<PyObj>
    where
        T::Item: Copy,
    {
        const { assert!(size_of::<T::Item>() != 0, "a var-sized payload") };
        assert!(n <= N, "more items than given");
        let ty = &ty.ty;
        let vt = ty.instance_vtable();
        debug_assert!(vt.type_id == TypeId::of::<T>() && vt.var);
        // SAFETY: H4: an ExactType's instance vtable names T (checked by
        // `ExactType::new`, never replaced), var-sized as T's items are (`Vtable::new`
        // derives `var` from them).
        let (vt, p) = unsafe { Self::alloc_var_known::<T, true>(ty, vt, n)? };
        // SAFETY: H3/H4: `p` is a fresh block of `vt` (which names T) for `n` <= N items.
        Some(unsafe { copy_items(vt, p, negative, payload, items, n) })
    }

    /// Allocate a var-sized object whose items are the `parts`, one after another (a
    /// concatenation, or a copy when there is one part): each item written once,
    /// nothing zeroed first. None if the memory cannot be had or the total length
    /// overflows.
    pub fn new_var_concat<T: Payload>(
        ty: &TypeRef,
        negative: bool,
        payload: T,
        parts: &[&[T::Item]],
    ) -> Option<PyObj>
    where
        T::Item: Copy,
    {
        let n = parts
            .iter()
            .try_fold(0usize, |n, p| n.checked_add(p.len()))?;
        let (vt, p) = Self::alloc_var::<T>(ty, n)?;
        // SAFETY: H3: the `n` items lie inside the fresh block, which nothing else sees
        // yet (so no part, borrowed from elsewhere, overlaps it); the parts, `n` items
        // in all, are copied one after another, every item written once before the
        // object is complete (H6). Then the block is a `T` with `n` items written.
        unsafe {
            let mut dst = p.as_ptr().byte_add(vt.items_off).cast::<T::Item>();
            for part in parts {
                ptr::copy_nonoverlapping(part.as_ptr(), dst, part.len());
                dst = dst.add(part.len());
            }
            Some(finish_var(vt, p, negative, n, payload))
        }
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
        let (vt, p) = Self::alloc_var::<T>(ty, n)?;
        // SAFETY: H3: the items lie inside the fresh block; all-zero bytes are a valid
        // value of a Zeroable item (H6: the items are initialised before the object is
        // complete); then the block is a `T` with `n` items written. Its items hold no
        // references, so tracking it before `fill` shows a collection nothing to follow.
        let obj = unsafe {
            let first = p.as_ptr().byte_add(vt.items_off).cast::<T::Item>();
            ptr::write_bytes(first, 0, n);
            finish_var(vt, p, negative, n, payload)
        };
        // SAFETY: H6 allows writing the items until construction ends: `obj` was just
        // created, nothing else holds it (H1: refcount 1), and no borrow of its items
        // exists. Should `fill` panic, dropping `obj` frees a complete object.
        let items = unsafe { &mut *items_ptr::<T>(obj.0) };
        fill(items);
        Some(obj)
    }
}
