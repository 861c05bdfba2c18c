//! References moved as a block between a value stack (a `Vec<PyObj>`) and an object's
//! slot items (`Word`s): a generator's frame saved into its object at a yield, and
//! the object made with the frame's first slots. A move changes no reference count:
//! each reference leaves one place and lands in the other. And `push_built`, which
//! builds a record (the interpreter's frames) in its Vec slot.

use std::ptr;

use super::alloc::finish_var;
use super::{Payload, PyObj, TypeRef, Word};

/// Move the last `slots.len()` values of `stack` into `slots`, in order (the lowest
/// of them into `slots[0]`); the stack is that many shorter. A slot that held a
/// reference drops it (the slots of a suspended frame are normally empty).
///
/// Panics, the stack unchanged, if it holds fewer values than there are slots.
#[inline]
pub fn stash_stack_tail(stack: &mut Vec<PyObj>, slots: &[Word]) {
    let n = slots.len();
    let start = stack
        .len()
        .checked_sub(n)
        .expect("fewer values on the stack than slots");
    // SAFETY: `stack[start..start + n]` are initialised references owned by the vector;
    // once its length is cut to `start` it no longer owns them, and each is read
    // exactly once below and moved into a slot (H1: the reference moves with its count,
    // dropped once, by the slot). The reads stay inside the allocation (`start + n` is
    // the old length). Should dropping a slot's old value panic, the values not read
    // yet leak, which is safe.
    unsafe {
        stack.set_len(start);
        let src = stack.as_ptr().add(start);
        for (i, s) in slots.iter().enumerate() {
            drop(s.replace(Some(ptr::read(src.add(i)))));
        }
    }
}

/// Push the value `make` builds onto `v`, built in its slot. `Vec::push(make())`
/// builds a large value on the Rust stack first and copies it when `push` is not
/// inlined (or when it may grow the Vec in between): the copy's 16-byte loads of
/// bytes just written by 8-byte stores miss store forwarding and stall the
/// processor. Here the room is made first and the value written once, in place.
#[inline(always)]
pub fn push_built<T>(v: &mut Vec<T>, make: impl FnOnce() -> T) {
    if v.len() == v.capacity() {
        grow_for_one(v);
    }
    let len = v.len();
    v.spare_capacity_mut()[0].write(make());
    // SAFETY: V1: the element at `len` (within the capacity: the index above is
    // checked) was initialised by the write just made, so the first `len + 1` are.
    unsafe { v.set_len(len + 1) };
}

#[cold]
#[inline(never)]
fn grow_for_one<T>(v: &mut Vec<T>) {
    v.reserve(1);
}

impl PyObj {
    /// Allocate a var-sized object of type `ty` with `payload` and `n` slot items, the
    /// first ones the values `stack[from..]` (moved: the stack is cut back to `from`),
    /// the rest empty. None, the stack unchanged, when the memory cannot be had or
    /// `stack[from..]` holds more than `n` values.
    ///
    /// Panics if `ty`'s instances do not have payload type `T`, or if `from` is past
    /// the end of the stack.
    pub fn new_var_from_stack<T: Payload<Item = Word>>(
        ty: &TypeRef,
        payload: T,
        n: usize,
        stack: &mut Vec<PyObj>,
        from: usize,
    ) -> Option<PyObj> {
        let m = stack
            .len()
            .checked_sub(from)
            .expect("`from` within the stack");
        if m > n {
            return None;
        }
        let (vt, p) = Self::alloc_var::<T>(ty, n)?;
        // SAFETY: H3: the `n` items lie inside the fresh block, which nothing else sees
        // (so it does not overlap the stack). `stack[from..]` are `m` initialised
        // references; a `PyObj` (a repr(transparent) NonNull) has the layout of a
        // filled `Word` (Cell is repr(transparent), Option<PyObj> uses the null
        // niche), so copying their bytes moves them into the first `m` items, and
        // the vector, cut back to `from`, no longer owns them (H1: each reference
        // moves with its count). All-zero bytes are the empty Word (None), written
        // to the other `n - m`. H6: every item is initialised before the object is
        // complete; then the block is a `T` with `n` items.
        unsafe {
            let first = p.as_ptr().byte_add(vt.items_off).cast::<Word>();
            ptr::copy_nonoverlapping(stack.as_ptr().add(from).cast::<Word>(), first, m);
            stack.set_len(from);
            ptr::write_bytes(first.add(m), 0, n - m);
            Some(finish_var(vt, p, false, n, payload))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live_objects;
    use std::cell::Cell;

    struct Meta;
    impl Payload for Meta {
        type Item = ();
        const NAME: &'static str = "type";
    }

    struct Atom(#[allow(dead_code)] i64);
    impl Payload for Atom {
        type Item = ();
        const NAME: &'static str = "atom";
    }

    /// A saved frame's slots (like a generator).
    struct Saved;
    impl Payload for Saved {
        type Item = Word;
        const NAME: &'static str = "saved";
        const GC: bool = true;
        fn traverse(&self, items: &[Word], visit: crate::Visit<'_>) {
            for s in items {
                let v = s.take();
                if let Some(o) = &v {
                    visit(o);
                }
                s.set(v);
            }
        }
    }

    fn filled(s: &Word) -> Option<i64> {
        let v = s.take();
        let r = v.as_ref().map(|o| o.refcnt() as i64);
        s.set(v);
        r
    }

    #[test]
    fn push_built_writes_in_place_and_grows() {
        let mut v: Vec<[u64; 14]> = Vec::new();
        for i in 0..20u64 {
            push_built(&mut v, || [i; 14]);
        }
        assert_eq!(v.len(), 20);
        assert!(v
            .iter()
            .enumerate()
            .all(|(i, r)| r.iter().all(|&x| x == i as u64)));
        let mut owned: Vec<String> = Vec::with_capacity(1);
        push_built(&mut owned, || "a".to_string());
        push_built(&mut owned, || "b".to_string());
        assert_eq!(owned, ["a", "b"]);
    }

    #[test]
    fn made_from_the_stack_then_stashed_and_restored() {
        let meta = TypeRef::new_metatype(Meta);
        let atom = TypeRef::new::<Meta, Atom>(&meta, Meta);
        let saved = TypeRef::new::<Meta, Saved>(&meta, Meta);
        let base = live_objects();
        let a = PyObj::new(&atom, Atom(1));
        let b = PyObj::new(&atom, Atom(2));
        let below = PyObj::new(&atom, Atom(0));
        let mut stack = vec![below.clone(), a.clone(), b.clone()];
        // Too few slots: nothing moves.
        assert!(PyObj::new_var_from_stack(&saved, Saved, 1, &mut stack, 1).is_none());
        assert_eq!(stack.len(), 3);
        let g = PyObj::new_var_from_stack(&saved, Saved, 5, &mut stack, 1).expect("made");
        assert_eq!(stack.len(), 1);
        assert_eq!((a.refcnt(), b.refcnt()), (2, 2), "moved, not counted again");
        let items = g.items::<Saved>().expect("slots");
        assert_eq!(items.len(), 5);
        assert_eq!(
            items.iter().map(filled).collect::<Vec<_>>(),
            [Some(2), Some(2), None, None, None]
        );
        let first = items[0].take().expect("a");
        assert!(first.is(&a));
        items[0].set(Some(first));
        // Restore onto the stack, then stash back.
        stack.extend(items[..2].iter().map(|s| s.take().expect("filled")));
        stack.push(PyObj::new(&atom, Atom(3)));
        assert_eq!(stack.len(), 4);
        stash_stack_tail(&mut stack, &items[..3]);
        assert_eq!(stack.len(), 1);
        assert!(stack[0].is(&below));
        assert_eq!(
            items.iter().map(filled).collect::<Vec<_>>(),
            [Some(2), Some(2), Some(1), None, None]
        );
        // A filled slot's old value is dropped.
        stack.push(b.clone());
        assert_eq!(b.refcnt(), 3);
        stash_stack_tail(&mut stack, &items[1..2]);
        assert_eq!(b.refcnt(), 2);
        // Nothing to move.
        stash_stack_tail(&mut stack, &items[..0]);
        let empty: &[Word] = &[Cell::new(None)][..0];
        stash_stack_tail(&mut stack, empty);
        assert_eq!(stack.len(), 1);
        drop(g);
        assert_eq!((a.refcnt(), b.refcnt()), (1, 1));
        drop((a, b, below, stack));
        assert_eq!(live_objects(), base);
    }

    #[test]
    #[should_panic(expected = "fewer values")]
    fn stash_needs_the_values() {
        let slots = [Cell::new(None), Cell::new(None)];
        stash_stack_tail(&mut Vec::new(), &slots);
    }
}
