//! Resizing a var-sized object that its caller holds the only reference to
//! (`PyObj::resize_var`): CPython's PyObject_Realloc of such an object, as
//! `s += t` on a str does when the variable being assigned is the string's only
//! other reference. The block is resized with pymalloc's realloc: the same block
//! while its size class still fits, otherwise a new block, the contents copied and
//! the old block freed (so `id()` may change, as in CPython).

use std::alloc::GlobalAlloc;
use std::any::TypeId;
use std::mem::ManuallyDrop;
use std::ptr::{self, NonNull};

use super::{items_ptr, payload_ptr, ObHead, Payload, PyObj, VarBlock, BORROW_MASK};
use super::{CACHED, WEAKREFED};
use crate::pymalloc::GlobalPymalloc;

/// Blocks larger than this are asked for as fallible requests (as `var_block` in
/// alloc.rs: pymalloc's small request threshold).
const LARGE_BLOCK: usize = 512;

impl PyObj {
    /// Resize the var-sized object `self` to `n` items and give it `payload`, when
    /// `self` is its only reference: items `..keep` are kept, the rest zeroed and then
    /// `fill` sees all `n` items to write what it wants. The block is resized with
    /// pymalloc's realloc (the same block while its size class fits, else a new one
    /// and a copy), so the object may move; tracemalloc and the allocator's
    /// statistics see a realloc. A tracked container is untracked for the move and
    /// tracked again after it (in the youngest generation, as CPython's
    /// `_PyTuple_Resize` does).
    ///
    /// Err(self), unchanged, when something else may name the object (its count is
    /// not 1, a `Borrowed` names it, it has weak references), when `n` items do not
    /// make a valid layout, or when the memory cannot be had.
    ///
    /// Panics if the object's payload is not a var-sized `T`, or if `keep` exceeds
    /// the old or the new item count.
    pub fn resize_var<T: Payload>(
        self,
        n: usize,
        keep: usize,
        payload: T,
        fill: impl FnOnce(&mut [T::Item]),
    ) -> Result<PyObj, PyObj>
    where
        T::Item: bytemuck::Zeroable + Copy,
    {
        let vt = self.vtable();
        assert!(
            vt.type_id == TypeId::of::<T>() && vt.var,
            "payload does not match type"
        );
        let head = self.head();
        let shared = CACHED | WEAKREFED | BORROW_MASK;
        if head.refcnt.get() != 1 || head.flags.get() & shared != 0 {
            return Err(self);
        }
        let old_size = self.ob_size();
        let old_n = old_size.unsigned_abs();
        assert!(keep <= old_n && keep <= n, "kept items beyond the object");
        let Some(layout) = vt.block_layout(n).filter(|_| n <= isize::MAX as usize / 2) else {
            return Err(self);
        };
        // SAFETY: H3: the object was allocated with block_layout(old_n), which was
        // valid then.
        let old_layout = unsafe { vt.block_layout_unchecked(old_n) };
        let tracked = self.gc_is_tracked();
        if tracked {
            // The collector's lists name the GC header's address: out of them while
            // the block moves.
            self.gc_untrack();
        }
        let pre = vt.block_pre();
        let obj = ManuallyDrop::new(self);
        let block = obj.0.as_ptr().cast::<u8>().wrapping_byte_sub(pre);
        let realloc = || {
            // SAFETY: B1/H3: `block` is the object's live block, from pymalloc (the
            // process's allocator routes object blocks through the same instance)
            // with `old_layout`; the new size is a valid layout's at the same
            // alignment. On null the old block is untouched.
            unsafe { GlobalPymalloc.realloc(block, old_layout, layout.size()) }
        };
        let new_block = if layout.size() > LARGE_BLOCK {
            crate::pymalloc::fallible(realloc)
        } else {
            realloc()
        };
        let Some(new_block) = NonNull::new(new_block) else {
            let obj = ManuallyDrop::into_inner(obj);
            if tracked {
                obj.gc_track();
            }
            return Err(obj);
        };
        // SAFETY: H3: the ObHead sits `pre` bytes into the block (the realloc kept
        // the bytes: pre words and GC header, header, var header, payload and items
        // `..min(old_n, n)`).
        let p: NonNull<ObHead> = unsafe { new_block.byte_add(pre).cast() };
        // SAFETY: H1: the count was 1 and held by `self`, which is consumed: no handle,
        // `Borrowed` (CACHED clear) or weak reference (WEAKREFED clear) names the old
        // address, and no borrow of the payload exists (the borrow state was clear),
        // so the block is written while nothing else can see it. H3/H9: the var header,
        // the payload and the `n` items lie inside the block of `layout`; items
        // `keep..n` are zeroed (a valid Zeroable item) before the object is complete,
        // and `..keep` were initialised (H6 of the old object: keep <= old_n). Then
        // the block is a `T` with `n` items, allocated with block_layout(n) (H3).
        let old_payload = unsafe {
            let vb = p.as_ptr().cast::<VarBlock<()>>();
            let size = n as isize;
            ptr::addr_of_mut!((*vb).ob_size).write(if old_size < 0 { -size } else { size });
            let first = p.as_ptr().byte_add(vt.items_off).cast::<T::Item>();
            ptr::write_bytes(first.add(keep), 0, n - keep);
            ptr::replace(payload_ptr::<T>(p), payload)
        };
        let obj = PyObj(p);
        if tracked {
            obj.gc_track();
        }
        drop(old_payload);
        // SAFETY: H6 allows writing the items while the object is being made, and
        // this one is remade: `obj` is its only handle (H1: count 1, nothing else
        // names it, above) and no borrow of its items exists. Should `fill` panic,
        // dropping `obj` frees a complete object.
        let items = unsafe { &mut *items_ptr::<T>(obj.0) };
        fill(items);
        Ok(obj)
    }

    /// Is `self` the only reference to its object? Its count is 1, and no
    /// `Borrowed`, weak reference or borrow of its payload names it.
    #[inline]
    pub fn is_sole(&self) -> bool {
        let head = self.head();
        head.refcnt.get() == 1 && head.flags.get() & (CACHED | WEAKREFED | BORROW_MASK) == 0
    }

    /// Swap items `at..at + items.len()` of the var-sized `T` object `self` with
    /// `items`, when `self` is its only reference (`is_sole`): CPython's enumerate,
    /// zip and dict items iterators refill the result tuple they keep when nothing else
    /// holds it. `items` then holds the old items, for the caller to drop once it
    /// holds no borrow of its own (their finalizers may run code). False, and nothing
    /// swapped, when something else may name the object or the range is outside it.
    ///
    /// Panics if the object's payload is not a var-sized `T`.
    pub fn swap_items_sole<T: Payload>(&mut self, at: usize, items: &mut [T::Item]) -> bool {
        let vt = self.vtable();
        assert!(
            vt.type_id == TypeId::of::<T>() && vt.var,
            "payload does not match type"
        );
        let n = self.ob_size().unsigned_abs();
        if !self.is_sole() || at > n || items.len() > n - at {
            return false;
        }
        // SAFETY: H6's exception for a sole reference: the count is 1 and nothing
        // else (no Borrowed, no weak reference) names the object, and this handle is
        // borrowed mutably, so no borrow of its items is alive (a borrow of the items
        // lives no longer than the handle it came from, H1). H4/H9: the payload is a
        // var-sized `T` (checked above), whose `n` initialised items lie at
        // items_ptr (H3, H6). The swap moves initialised items both ways, runs no code
        // and allocates nothing, so no collection reads the items meanwhile.
        let mine = unsafe { &mut (&mut *items_ptr::<T>(self.0))[at..at + items.len()] };
        mine.swap_with_slice(items);
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::{live_objects, trace, Borrowed, Payload, PyObj, TypeRef, Visit};

    struct Meta;
    impl Payload for Meta {
        type Item = ();
        const NAME: &'static str = "type";
    }

    /// Plain data items, with a fixed part that changes with them (like a str).
    struct Text(usize);
    impl Payload for Text {
        type Item = u8;
        const NAME: &'static str = "text";
    }

    /// A container with plain items (to see the GC header move with the block).
    struct Boxy;
    impl Payload for Boxy {
        type Item = u32;
        const NAME: &'static str = "boxy";
        const GC: bool = true;
        fn traverse(&self, _: &[u32], _: Visit<'_>) {}
    }

    fn text(ty: &TypeRef, s: &[u8]) -> PyObj {
        PyObj::new_var_concat(ty, false, Text(s.len()), &[s]).unwrap()
    }

    fn append(o: PyObj, tail: &[u8]) -> Result<PyObj, PyObj> {
        let old = o.items::<Text>().unwrap().len();
        o.resize_var(old + tail.len(), old, Text(old + tail.len()), |items| {
            assert!(
                items[old..].iter().all(|&b| b == 0),
                "the new items are zeroed"
            );
            items[old..].copy_from_slice(tail);
        })
    }

    #[test]
    fn a_resized_object_keeps_its_items_and_takes_the_new_ones() {
        let meta = TypeRef::new_metatype(Meta);
        let ty = TypeRef::new::<Meta, Text>(&meta, Meta);
        let base = live_objects();
        let mut o = text(&ty, b"ab");
        // 16 + 8 + 8 + 2 = 34 bytes: a block of 40 under both geometries' classes
        // of 8 (seed) or 48 (cpython); one more byte stays in it.
        let id = o.id();
        o = append(o, b"c").unwrap();
        assert_eq!(o.id(), id, "the block's size class still fits");
        assert_eq!(o.items::<Text>().unwrap(), b"abc");
        assert_eq!(o.get::<Text>().unwrap().0, 3);
        assert_eq!(o.ob_size(), 3);
        assert_eq!(o.sizeof(), 32 + 3);
        // Growing past pymalloc's classes and back down: copies both ways.
        let long = [7u8; 1000];
        o = append(o, &long).unwrap();
        assert_eq!(o.ob_size(), 1003);
        assert_eq!(&o.items::<Text>().unwrap()[..4], b"abc\x07");
        assert!(o.items::<Text>().unwrap()[3..].iter().all(|&b| b == 7));
        o = o.resize_var(2, 2, Text(2), |_| {}).unwrap();
        assert_eq!(o.items::<Text>().unwrap(), b"ab");
        assert_eq!(live_objects(), base + 1);
        drop(o);
        assert_eq!(live_objects(), base);
    }

    #[test]
    fn an_object_named_elsewhere_is_not_resized() {
        let meta = TypeRef::new_metatype(Meta);
        let ty = TypeRef::new::<Meta, Text>(&meta, Meta);
        let o = text(&ty, b"xy");
        let other = o.clone();
        let o = append(o, b"z").unwrap_err();
        assert_eq!(o.items::<Text>().unwrap(), b"xy");
        drop(other);
        let b = Borrowed::new(&o);
        let o = append(o, b"z").unwrap_err();
        assert!(
            b.get().is_some_and(|x| x.is(&o)),
            "still where the Borrowed says"
        );
        assert_eq!(o.items::<Text>().unwrap(), b"xy");
    }

    #[test]
    fn only_a_sole_reference_swaps_items() {
        let meta = TypeRef::new_metatype(Meta);
        let ty = TypeRef::new::<Meta, Text>(&meta, Meta);
        let base = live_objects();
        let mut o = text(&ty, b"abcd");
        let id = o.id();
        let mut two = *b"xy";
        assert!(o.swap_items_sole::<Text>(1, &mut two));
        assert_eq!(o.items::<Text>().unwrap(), b"axyd");
        assert_eq!(&two, b"bc", "the old items come back");
        assert_eq!(o.id(), id, "in place");
        assert!(!o.swap_items_sole::<Text>(3, &mut two), "past the end");
        assert!(!o.swap_items_sole::<Text>(5, &mut []), "past the end");
        assert!(
            o.swap_items_sole::<Text>(4, &mut []),
            "an empty range at the end"
        );
        let other = o.clone();
        assert!(!o.is_sole());
        assert!(!o.swap_items_sole::<Text>(0, &mut two), "named twice");
        drop(other);
        let b = Borrowed::new(&o);
        assert!(
            !o.swap_items_sole::<Text>(0, &mut two),
            "named by a Borrowed"
        );
        assert!(b.get().is_some());
        assert_eq!(o.items::<Text>().unwrap(), b"axyd");
        drop(o);
        assert_eq!(live_objects(), base);
    }

    #[test]
    fn tracemalloc_sees_a_realloc() {
        let meta = TypeRef::new_metatype(Meta);
        let ty = TypeRef::new::<Meta, Text>(&meta, Meta);
        trace::start(1);
        let o = text(&ty, b"0123456789");
        let (before, _) = trace::traced_memory();
        let o = append(o, &[b'x'; 600]).unwrap();
        let (after, _) = trace::traced_memory();
        assert_eq!(after - before, 600, "the block's trace took the new size");
        drop(o);
        let (freed, _) = trace::traced_memory();
        assert_eq!(before - freed, 32 + 10);
        trace::stop();
    }

    #[test]
    fn a_tracked_container_stays_tracked_where_it_moves() {
        let meta = TypeRef::new_metatype(Meta);
        let ty = TypeRef::new::<Meta, Boxy>(&meta, Meta);
        let base = live_objects();
        let o = PyObj::new_var_concat(&ty, false, Boxy, &[&[1, 2, 3]]).unwrap();
        o.gc_track();
        assert!(o.gc_is_tracked());
        let o = o
            .resize_var(200, 3, Boxy, |items| {
                for (i, x) in items.iter_mut().enumerate().skip(3) {
                    *x = i as u32;
                }
            })
            .unwrap();
        assert!(o.gc_is_tracked());
        assert_eq!(&o.items::<Boxy>().unwrap()[..5], &[1, 2, 3, 3, 4]);
        assert_eq!(o.items::<Boxy>().unwrap()[199], 199);
        crate::collect(2);
        assert!(o.gc_is_tracked(), "reachable from this handle: kept");
        let report = crate::verify_heap();
        assert!(report.is_ok(), "{:?}", report.problems);
        drop(o);
        assert_eq!(live_objects(), base);
    }
}
