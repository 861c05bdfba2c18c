//! Finding objects in the generation lists, for the `glass` module: which generation
//! holds a container (or the permanent one, after gc.freeze()), and the members of
//! the permanent generation.

use super::{gen_head, GcPtr, GC, NUM_GENERATIONS};
use crate::object::{object_of, PyObj};

/// Where a container is in the collector's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GcGeneration {
    /// Generation 0, 1 or 2.
    Young(usize),
    /// The permanent generation (gc.freeze()).
    Permanent,
}

/// Call `f` with the address of each member of the list headed by `head` until it
/// returns true; false if it never did, or the lists are busy (a collection is running).
fn any_member(head: GcPtr, mut f: impl FnMut(usize) -> bool) -> bool {
    if GC.with(|st| st.busy.get()) {
        return false;
    }
    let mut g = head.next();
    while g != head {
        // SAFETY: C2: outside a collection's busy window every member of a generation
        // list is a live container's header, followed by its ObHead (H2).
        let p = unsafe { object_of(g) };
        if f(p.as_ptr().addr()) {
            return true;
        }
        g = g.next();
    }
    false
}

/// The generation holding `o`; None if it is not tracked (or not a container).
pub fn gc_generation_of(o: &PyObj) -> Option<GcGeneration> {
    if !o.gc_is_tracked() {
        return None;
    }
    let id = o.id();
    let (heads, perm) = GC.with(|st| {
        let heads: [GcPtr; NUM_GENERATIONS] = std::array::from_fn(|i| gen_head(st, i));
        (heads, st.permanent.get())
    });
    for (i, h) in heads.into_iter().enumerate() {
        if any_member(h, |a| a == id) {
            return Some(GcGeneration::Young(i));
        }
    }
    match perm {
        Some(h) if any_member(h, |a| a == id) => Some(GcGeneration::Permanent),
        _ => None,
    }
}

/// The members of the permanent generation (gc.freeze()), oldest first.
pub fn gc_get_permanent_objects() -> Vec<PyObj> {
    let mut out = Vec::new();
    let Some(head) = GC.with(|st| st.permanent.get()) else {
        return out;
    };
    if GC.with(|st| st.busy.get()) {
        return out;
    }
    let mut g = head.next();
    while g != head {
        // SAFETY: C2: outside a collection's busy window (checked above; nothing here
        // collects) every member is a live container's header (H2); the handle made
        // adds its own reference (H1).
        out.push(unsafe { PyObj::from_borrowed(object_of(g)) });
        g = g.next();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::{gc_freeze, gc_unfreeze};

    #[test]
    fn generations_and_permanent() {
        let t = crate::tests::types();
        let a = crate::tests::lst(&t, vec![]);
        assert_eq!(gc_generation_of(&a), Some(GcGeneration::Young(0)));
        gc_freeze();
        assert_eq!(gc_generation_of(&a), Some(GcGeneration::Permanent));
        assert!(gc_get_permanent_objects().iter().any(|o| o.is(&a)));
        gc_unfreeze();
        assert_eq!(gc_generation_of(&a), Some(GcGeneration::Young(2)));
        a.gc_untrack();
        assert_eq!(gc_generation_of(&a), None);
    }
}
