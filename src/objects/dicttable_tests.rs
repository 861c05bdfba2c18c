//! Tests of the dict table against CPython 3.11 (data from scripts/tables/gen_dict_cases.py).

use std::rc::Rc;

use super::*;
use crate::objects::settable::tests::{int_eq, int_hash, IntKey};

#[rustfmt::skip]
#[path = "dicttable_testdata.rs"]
mod data;

/// One step of a case script (mirrors gen_dict_cases.py's `run`).
pub enum Op {
    Set(i64, i64),
    Del(i64),
    PopItem,
    SetDefault(i64, i64),
    Clear,
    Copy,
    Update(&'static [(i64, i64)]),
}

type Table = DictTable<IntKey, IntKey>;

fn k(v: i64) -> (IntKey, i64) {
    (IntKey(Rc::new(v)), int_hash(v))
}

fn val(v: i64) -> IntKey {
    IntKey(Rc::new(v))
}

fn items(d: &Table) -> Vec<i64> {
    d.iter().flat_map(|(k, v)| [*k.0, *v.0]).collect()
}

fn set(d: &mut Table, key: i64, v: i64) {
    let (key, h) = k(key);
    d.insert(key, h, val(v), &mut int_eq).unwrap();
}

fn run(ops: &[Op]) -> (Table, Vec<i64>) {
    let eq = &mut int_eq;
    let mut d = Table::new();
    let mut returned = vec![];
    for op in ops {
        match op {
            Op::Set(key, v) => set(&mut d, *key, *v),
            Op::Del(key) => {
                let (key, h) = k(*key);
                drop(d.remove(&key, h, eq).unwrap());
            }
            Op::PopItem => match d.popitem() {
                Ok((key, v)) => returned.extend([*key.0, *v.0]),
                Err(e) => {
                    assert!(d.is_empty());
                    assert_eq!(e, PyErr::new(ExcKind::KeyError, data::POPITEM_EMPTY));
                }
            },
            Op::SetDefault(key, v) => {
                let (key, h) = k(*key);
                returned.push(*d.setdefault(key, h, val(*v), eq).unwrap().0);
            }
            Op::Clear => drop(d.clear()),
            Op::Copy => d = d.copy(),
            Op::Update(pairs) => {
                let mut o = Table::new();
                for &(key, v) in pairs.iter() {
                    set(&mut o, key, v);
                }
                drop(d.update(&o, eq).unwrap());
            }
        }
        check_invariants(&d);
    }
    (d, returned)
}

/// Counts agree and the capacity invariant behind heap_bytes holds.
fn check_invariants(d: &Table) {
    assert_eq!(d.iter().count(), d.len());
    assert_eq!(d.positions(), d.len() + d.dummies());
    let cap = d.capacity();
    assert!(
        cap == 0 || cap == cap_for(cap),
        "capacity {cap} is a full bucket capacity"
    );
}

#[test]
fn cases_match_cpython() {
    for (n, case) in data::CASES.iter().enumerate() {
        let (d, returned) = run(case.ops);
        assert_eq!(items(&d), case.items, "case {n}: items in order");
        assert_eq!(returned, case.returned, "case {n}: returned values");
    }
}

#[test]
fn layout() {
    // indexmap (entries Vec 24 + hashbrown table 32) + used + version.
    assert_eq!(mem::size_of::<Table>(), 72);
    // A live slot: hash + key + value; indexmap adds its own hash word per entry.
    assert_eq!(mem::size_of::<Slot<IntKey, IntKey>>(), 24);
    assert_eq!(mem::size_of::<(usize, Slot<IntKey, IntKey>)>(), 32);
    assert_eq!(Table::new().heap_bytes(), 0);
}

#[test]
fn capacities_follow_hashbrown() {
    let caps: Vec<usize> = [0, 1, 3, 4, 7, 8, 14, 15, 28, 29, 56, 57]
        .map(cap_for)
        .to_vec();
    assert_eq!(caps, vec![0, 3, 3, 7, 7, 14, 14, 28, 28, 56, 56, 112]);
    let mut d = Table::new();
    let mut seen = vec![d.capacity()];
    for i in 0..200 {
        set(&mut d, i, i);
        if *seen.last().unwrap() != d.capacity() {
            seen.push(d.capacity());
        }
    }
    assert_eq!(seen, vec![0, 3, 7, 14, 28, 56, 112, 224]);
    // 224 = 256 buckets * 7/8: index 256*8 + 256 + GROUP_WIDTH, entries 224 * 32.
    assert_eq!(d.heap_bytes(), 256 * 8 + 256 + GROUP_WIDTH + 224 * 32);
}

#[test]
fn reassignment_keeps_position_and_original_key() {
    // python3: d = {1.0: 'a'}; d[1] = 'b' -> {1.0: 'b'}: the first key object stays.
    let mut d = Table::new();
    let (first, h) = k(1);
    d.insert(first.clone(), h, val(10), &mut int_eq).unwrap();
    set(&mut d, 2, 20);
    let (second, h2) = k(1);
    let old = d.insert(second.clone(), h2, val(11), &mut int_eq).unwrap();
    assert_eq!(old.map(|v| *v.0), Some(10));
    assert_eq!(items(&d), vec![1, 11, 2, 20]);
    let (stored, _) = d.get(&second, h2, &mut int_eq).unwrap().unwrap();
    assert!(stored.is_same(&first) && !stored.is_same(&second));
    assert_eq!(Rc::strong_count(&second.0), 1); // the table did not keep the new key
}

#[test]
fn eq_errors_propagate() {
    let mut d = Table::new();
    set(&mut d, -1, 1);
    let boom = PyErr::new(ExcKind::TypeError, "boom");
    let mut failing = |_: &IntKey, _: &IntKey| -> PyResult<bool> { Err(boom.clone()) };
    let (key, h) = k(-2); // hash(-2) == hash(-1)
    assert_eq!(d.find(&key, h, &mut failing), Err(boom.clone()));
    assert_eq!(
        d.insert(key.clone(), h, val(2), &mut failing).err(),
        Some(boom.clone())
    );
    assert!(d.remove(&key, h, &mut failing).is_err());
    assert_eq!(items(&d), vec![-1, 1]);
    let (other, h) = k(5); // different hash: no __eq__ call
    assert!(d.insert(other, h, val(5), &mut failing).unwrap().is_none());
}

#[test]
fn deletions_are_tombstones_then_compacted() {
    let mut d = Table::new();
    for i in 0..100 {
        set(&mut d, i, i);
    }
    let cap = d.capacity();
    let v0 = d.version();
    for i in 0..20 {
        let (key, h) = k(i);
        assert!(d.remove(&key, h, &mut int_eq).unwrap().is_some());
    }
    assert!(d.version() > v0);
    assert_eq!((d.len(), d.dummies(), d.capacity()), (80, 20, cap));
    // Positions of the survivors did not move.
    assert_eq!(
        d.next_item(0).map(|(p, key, _)| (p, *key.0)),
        Some((20, 20))
    );
    // Fill up to the capacity; the next insertion compacts instead of growing.
    let mut next = 1000;
    while d.positions() < d.capacity() {
        set(&mut d, next, 0);
        next += 1;
    }
    assert_eq!(d.dummies(), 20);
    set(&mut d, next, 0);
    assert_eq!((d.dummies(), d.capacity()), (0, cap));
    let keys: Vec<i64> = d.iter().map(|(key, _)| *key.0).collect();
    let want: Vec<i64> = (20..100).chain(1000..=next).collect();
    assert_eq!(keys, want);
    // Many more dummies than live entries: the next new key compacts at once.
    for i in 20..100 {
        let (key, h) = k(i);
        drop(d.remove(&key, h, &mut int_eq).unwrap());
    }
    assert!(d.dummies() > d.len() + 8);
    set(&mut d, -5, 0);
    assert_eq!(d.dummies(), 0);
    assert_eq!(d.capacity(), cap_for(d.len()));
}

#[test]
fn popitem_after_many_deletions_is_fast_and_lifo() {
    let n = 200_000;
    let mut d = Table::new();
    for i in 0..n {
        set(&mut d, i, i);
    }
    // Delete a big block near the end, then alternate inserts and popitems: each popitem
    // must skip the block quickly (path compression), not rescan it.
    for i in 1000..n - 10 {
        let (key, h) = k(i);
        drop(d.remove(&key, h, &mut int_eq).unwrap());
    }
    let start = std::time::Instant::now();
    for round in 0..20_000 {
        set(&mut d, n + round, 0);
        assert_eq!(*d.popitem().unwrap().0 .0, n + round);
        let (key, _) = d.popitem().unwrap();
        set(&mut d, *key.0, 0);
    }
    assert!(
        start.elapsed().as_secs_f64() < 2.0,
        "popitem rescans dummies"
    );
    let mut popped = vec![];
    while let Ok((key, _)) = d.popitem() {
        popped.push(*key.0);
    }
    assert_eq!(popped.len(), 1010);
    assert!(popped.windows(2).all(|w| w[0] != w[1]));
}

#[test]
fn iteration_by_position_and_candidates() {
    let mut d = Table::new();
    for i in [-1, -2, 5, 6] {
        set(&mut d, i, i * 2);
    }
    let (key, h) = k(5);
    drop(d.remove(&key, h, &mut int_eq).unwrap());
    assert!(d.entry_at(2).is_none());
    let mut pos = 0;
    let mut walked = vec![];
    while let Some((p, key, _)) = d.next_item(pos) {
        walked.push((p, *key.0));
        pos = p + 1;
    }
    assert_eq!(walked, vec![(0, -1), (1, -2), (3, 6)]);
    let mut cands = vec![];
    d.for_each_candidate(int_hash(-1), &mut |p, key| {
        cands.push((p, *key.0));
        false
    });
    cands.sort();
    assert_eq!(cands, vec![(0, -1), (1, -2)]);
}

#[test]
fn clear_frees_and_copy_compacts() {
    let mut d = Table::new();
    for i in 0..50 {
        set(&mut d, i, i);
    }
    for i in 0..40 {
        let (key, h) = k(i);
        drop(d.remove(&key, h, &mut int_eq).unwrap());
    }
    let c = d.copy();
    assert_eq!(items(&c), items(&d));
    assert_eq!((c.dummies(), c.capacity()), (0, 14));
    let old = d.clear();
    assert_eq!(old.len(), 10);
    assert_eq!((d.len(), d.heap_bytes()), (0, 0));
}

#[test]
fn getsizeof_after_n_inserts() {
    // glasspy's own sizes (docs/dict-and-set.md): 32 bytes of headers + the table struct
    // + heap_bytes. Index 9*buckets + 16 bytes (x86_64), entries 32 bytes each.
    let want = [
        (0, 104),
        (1, 252),
        (3, 252),
        (4, 416),
        (7, 416),
        (8, 712),
        (14, 712),
        (15, 1304),
        (28, 1304),
        (29, 2488),
        (56, 2488),
        (57, 4856),
        (112, 4856),
        (113, 9592),
        (1000, 75896),
    ];
    for (n, size) in want {
        let mut d = Table::new();
        for i in 0..n {
            set(&mut d, i, i);
        }
        let got = 32 + mem::size_of::<Table>() + d.heap_bytes();
        if GROUP_WIDTH == 16 {
            assert_eq!(got, size, "n = {n}");
        }
        let buckets = if n == 0 { 0 } else { buckets_for(n as usize) };
        let index = if n == 0 { 0 } else { 9 * buckets + GROUP_WIDTH };
        assert_eq!(got, 104 + index + 32 * cap_for(n as usize), "n = {n}");
    }
}
