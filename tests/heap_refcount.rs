//! Exact reference counting with the real object types: building and dropping a
//! million objects returns the heap to its baseline, a million-deep chain frees
//! without overflowing the Rust stack, and the singletons and intern table behave as
//! CPython 3.11's (reference/interning.txt).

use glasspy::heap::{live_objects, verify_heap, PyObj};
use glasspy::objects::{ctx, int, list, string, tuple};

#[test]
fn a_million_objects_come_and_go() {
    let _ = ctx();
    let base = live_objects();
    let l = list::new_empty();
    for i in 0..1_000_000i64 {
        list::append(&l, int::new_i64(1_000 + i)).unwrap();
    }
    assert_eq!(live_objects(), base + 1_000_001);
    assert!(verify_heap().is_ok());
    drop(l);
    assert_eq!(live_objects(), base);
}

#[test]
fn a_million_deep_chain_frees_iteratively() {
    let _ = ctx();
    let base = live_objects();
    // nested lists: [[[...]]]
    let mut head = list::new_empty();
    for _ in 0..1_000_000 {
        head = list::new_exact(vec![head]);
    }
    drop(head);
    assert_eq!(live_objects(), base);
    // a linked list of tuples: (i, (i-1, (...)))
    let mut node = ctx().none.clone();
    for i in 0..1_000_000i64 {
        node = tuple::new(vec![int::new_i64(i), node]);
    }
    drop(node);
    assert_eq!(live_objects(), base);
}

#[test]
fn references_are_counted_exactly() {
    let x = string::new("some text");
    assert_eq!(x.refcnt(), 1);
    let l = list::new_exact(vec![x.clone(), x.clone(), x.clone()]);
    assert_eq!(x.refcnt(), 4);
    let t = tuple::new(vec![x.clone()]);
    assert_eq!(x.refcnt(), 5);
    drop(l);
    assert_eq!(x.refcnt(), 2);
    drop(t);
    assert_eq!(x.refcnt(), 1);
}

#[test]
fn small_strings_are_singletons() {
    let c = ctx();
    // '' and chr(0)..chr(255) made at run time are cached (reference/interning.txt)
    assert!(string::new("").is(&c.empty_str));
    assert!(string::new("a").is(&string::new("a")));
    assert!(string::new("\u{e9}").is(&string::new("\u{e9}")));
    assert!(string::new("\u{ff}").is(&string::new("\u{ff}")));
    assert!(!string::new("\u{100}").is(&string::new("\u{100}")));
    assert!(!string::new("\u{20ac}").is(&string::new("\u{20ac}")));
    assert!(!string::new("ab").is(&string::new("ab")));
}

#[test]
fn intern_returns_the_first_equal_string() {
    let a = string::new("hello_world");
    let b = string::new("hello_world");
    assert!(!a.is(&b));
    let ia = string::intern(a.clone());
    assert!(ia.is(&a), "interning a fresh string interns that object");
    let ib = string::intern(b.clone());
    assert!(ib.is(&a), "an equal string gets the interned one back");
    assert!(string::is_interned(&a));
    assert!(!string::is_interned(&b));
    assert!(string::intern_str("hello_world").is(&a));
}

#[test]
fn hashes_are_cached_and_stable() {
    let s = string::new("hash me");
    let h = string::hash(&s).unwrap();
    assert_ne!(h, -1);
    assert_eq!(string::hash(&s), Some(h));
    assert_eq!(string::hash(&string::new("hash me")), Some(h));
    assert_eq!(string::hash(&string::new("")), Some(0));
}

#[test]
fn ids_are_addresses_and_freed_blocks_come_back() {
    let _ = ctx();
    let a = PyObj::clone(&string::new("a fresh string"));
    let id = a.id();
    drop(a);
    // LIFO reuse: the next object of the same size class gets the same block
    let b = string::new("b fresh string");
    assert_eq!(b.id(), id);
}
