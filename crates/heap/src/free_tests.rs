//! Unit tests of the free order with nested frees (object/free.rs, H8): objects that
//! die inside another's free are freed in the recursive order, nested up to
//! `NEST_MAX` frees deep and through the pending list past that. They run under Miri
//! too.

use std::cell::RefCell;

use super::object::{free_depth, NEST_MAX};
use super::*;

struct Meta;
impl Payload for Meta {
    type Item = ();
    const NAME: &'static str = "type";
}

thread_local! {
    /// (node id, free depth) of every node whose payload was dropped, in order.
    static LOG: RefCell<Vec<(u32, u32)>> = const { RefCell::new(Vec::new()) };
}

/// A container that notes when it is freed, then lets go of its children from the
/// first to the last.
struct Node {
    id: u32,
    kids: Vec<PyObj>,
}
impl Payload for Node {
    type Item = ();
    const NAME: &'static str = "node";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        self.kids.iter().for_each(visit);
    }
}
impl Drop for Node {
    fn drop(&mut self) {
        LOG.with(|l| l.borrow_mut().push((self.id, free_depth())));
    }
}

/// The shape of a tree of nodes, to compute the order they must be freed in.
struct Shape {
    id: u32,
    kids: Vec<Shape>,
}

impl Drop for Shape {
    /// A deep chain's shape is dropped with a loop, not the Rust stack.
    fn drop(&mut self) {
        let mut stack = std::mem::take(&mut self.kids);
        while let Some(mut s) = stack.pop() {
            stack.append(&mut s.kids);
        }
    }
}

impl Shape {
    /// The recursive free order: a node, then each child with all below it.
    fn order(&self, out: &mut Vec<u32>) {
        let mut stack = vec![self];
        while let Some(s) = stack.pop() {
            out.push(s.id);
            stack.extend(s.kids.iter().rev());
        }
    }
}

struct Maker {
    /// A lean container type (free_lean, free_lean_nested).
    lean: TypeRef,
    /// The same payload with a word: the general path (dealloc_slow, free_nested).
    worded: TypeRef,
    next: u32,
}

impl Maker {
    fn new() -> Maker {
        let meta = TypeRef::new_metatype(Meta);
        Maker {
            lean: TypeRef::new::<Meta, Node>(&meta, Meta),
            worded: TypeRef::with_vtable(&meta, Vtable::derived(Node::VTABLE, 0, 1, false), Meta),
            next: 0,
        }
    }

    fn node(&mut self, kids: Vec<(PyObj, Shape)>, worded: bool) -> (PyObj, Shape) {
        self.next += 1;
        let id = self.next;
        let (objs, shapes): (Vec<_>, Vec<_>) = kids.into_iter().unzip();
        let ty = if worded { &self.worded } else { &self.lean };
        let o = PyObj::new(ty, Node { id, kids: objs });
        (o, Shape { id, kids: shapes })
    }

    /// A chain `len` nodes long; each link holds a leaf, the next link, another leaf.
    fn chain(&mut self, len: usize, worded: impl Fn(usize) -> bool) -> (PyObj, Shape) {
        let mut tail = self.node(vec![], false);
        for i in 0..len - 1 {
            let a = self.node(vec![], worded(i + 1));
            let b = self.node(vec![], false);
            tail = self.node(vec![a, tail, b], worded(i));
        }
        tail
    }
}

/// Free `o` and check that its nodes went in `shape`'s recursive order, never more
/// than `NEST_MAX` frees deep; returns the deepest free.
fn free_and_check(o: PyObj, shape: &Shape) -> u32 {
    LOG.with(|l| l.borrow_mut().clear());
    drop(o);
    let log = LOG.with(|l| std::mem::take(&mut *l.borrow_mut()));
    assert_eq!(log[0].1, 1, "the outermost free is 1 deep");
    let mut want = Vec::new();
    shape.order(&mut want);
    let got: Vec<u32> = log.iter().map(|&(id, _)| id).collect();
    assert_eq!(got, want);
    let deepest = log.iter().map(|&(_, d)| d).max().unwrap();
    assert!(deepest <= NEST_MAX);
    deepest
}

#[test]
fn nested_frees_go_as_deep_as_the_bound_and_no_deeper() {
    let mut m = Maker::new();
    let base = live_objects();
    let n = NEST_MAX as usize;
    // The outermost free is 1 deep, the link k links down k deep (and its leaves one
    // deeper), the chain's last node `len` deep: up to the bound, past which the rest
    // waits on the pending list and starts again at 1 deep.
    for len in [1, 2, n - 2, n - 1, n, n + 1, n + 2, 3 * n + 7] {
        let (o, s) = m.chain(len, |_| false);
        assert_eq!(free_and_check(o, &s), len.min(n) as u32, "chain of {len}");
        assert_eq!(live_objects(), base);
    }
}

#[test]
fn past_the_bound_the_rest_waits_in_the_recursive_order() {
    let mut m = Maker::new();
    let base = live_objects();
    let n = NEST_MAX as usize;
    // Lean and general links mixed, and a root holding several deep chains and leaves:
    // what waits past the bound is freed before the siblings that died after it.
    for pattern in [
        |i: usize| i.is_multiple_of(2),
        |i: usize| i % 3 == 1,
        |_: usize| true,
    ] {
        let mut kids = Vec::new();
        for len in [n + 3, 2, n - 1, 2 * n + 1, 1] {
            kids.push(m.chain(len, pattern));
            kids.push(m.node(vec![], false));
        }
        let (o, s) = m.node(kids, false);
        assert_eq!(free_and_check(o, &s), NEST_MAX);
        assert_eq!(live_objects(), base);
    }
}

#[test]
fn a_deep_chain_of_mixed_links_frees_without_recursion() {
    let mut m = Maker::new();
    let base = live_objects();
    let len = if cfg!(miri) { 300 } else { 100_000 };
    let (o, s) = m.chain(len, |i| i.is_multiple_of(5));
    assert_eq!(free_and_check(o, &s), NEST_MAX);
    assert_eq!(live_objects(), base);
}
