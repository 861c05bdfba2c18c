//! Tests of the set table against CPython 3.11 (data from scripts/tables/gen_set_cases.py).

use std::rc::Rc;

use super::*;

#[rustfmt::skip]
#[path = "settable_testdata.rs"]
mod data;

/// A pointer-sized key with a niche, like an object handle: Clone is a refcount increment.
#[derive(Clone, Debug)]
pub(crate) struct IntKey(pub(crate) Rc<i64>);

impl TableKey for IntKey {
    fn is_same(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Python's hash() of an int that fits in i64: v mod (2**61 - 1) keeping the sign,
/// with -1 mapped to -2.
pub(crate) fn int_hash(v: i64) -> i64 {
    const P: i128 = (1 << 61) - 1;
    let a = (v as i128).abs() % P;
    let h = if v < 0 { -a } else { a } as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

pub(crate) fn int_eq(a: &IntKey, b: &IntKey) -> PyResult<bool> {
    Ok(a.0 == b.0)
}

fn k(v: i64) -> (IntKey, i64) {
    (IntKey(Rc::new(v)), int_hash(v))
}

fn build(vals: &[i64]) -> SetTable<IntKey> {
    let mut s = SetTable::new();
    for &v in vals {
        let (key, h) = k(v);
        s.add(key, h, &mut int_eq).unwrap();
    }
    s
}

fn order(s: &SetTable<IntKey>) -> Vec<i64> {
    s.iter().map(|k| *k.0).collect()
}

/// getsizeof of a set object holding this table: GC header + object header + table.
fn getsizeof(s: &SetTable<IntKey>) -> usize {
    32 + mem::size_of::<SetTable<IntKey>>() + s.heap_bytes()
}

/// One step of a case script (mirrors gen_set_cases.py's `run`).
pub enum Op {
    Add(i64),
    Discard(i64),
    Pop,
    Clear,
    Copy,
    Hash,
    Update(&'static [i64]),
    UpdateDict(&'static [i64]),
    IAnd(&'static [i64]),
    And(&'static [i64]),
    ISub(&'static [i64]),
    Sub(&'static [i64]),
    IXor(&'static [i64]),
    Xor(&'static [i64]),
    Or(&'static [i64]),
    Compare(&'static [i64]),
}

struct Outcome {
    set: SetTable<IntKey>,
    popped: Vec<i64>,
    bools: Vec<bool>,
    hashes: Vec<i64>,
}

fn run(ops: &[Op]) -> Outcome {
    let eq = &mut int_eq;
    let mut s = SetTable::new();
    let (mut popped, mut bools, mut hashes) = (vec![], vec![], vec![]);
    for op in ops {
        match op {
            Op::Add(v) => {
                let (key, h) = k(*v);
                s.add(key, h, eq).unwrap();
            }
            Op::Discard(v) => {
                let (key, h) = k(*v);
                drop(s.discard(&key, h, eq).unwrap());
            }
            Op::Pop => match s.pop() {
                Ok(key) => popped.push(*key.0),
                Err(e) => {
                    assert!(s.is_empty());
                    assert_eq!(e, PyErr::new(ExcKind::KeyError, "pop from an empty set"));
                }
            },
            Op::Clear => drop(s.clear()),
            Op::Copy => s = SetTable::copy_of(&s),
            Op::Hash => hashes.push(SetTable::copy_of(&s).frozenset_hash()),
            Op::UpdateDict(vals) => {
                // dict.fromkeys(vals): distinct keys in first-insertion order.
                let mut d: Vec<i64> = Vec::new();
                for v in vals.iter() {
                    if !d.contains(v) {
                        d.push(*v);
                    }
                }
                let mut items = d.iter().map(|&v| k(v));
                s.update_presized(d.len(), &mut items, eq).unwrap();
            }
            Op::Update(vals) => s.merge(&build(vals), eq).unwrap(),
            Op::IAnd(vals) => drop(s.intersection_update(&build(vals), eq).unwrap()),
            Op::And(vals) => s = s.intersection(&build(vals), eq).unwrap(),
            Op::ISub(vals) => drop(s.difference_update(&build(vals), eq).unwrap()),
            Op::Sub(vals) => s = s.difference(&build(vals), eq).unwrap(),
            Op::IXor(vals) => drop(s.symmetric_difference_update(&build(vals), eq).unwrap()),
            Op::Xor(vals) => s = s.symmetric_difference(&build(vals), eq).unwrap(),
            Op::Or(vals) => s = s.union(&build(vals), eq).unwrap(),
            Op::Compare(vals) => {
                let o = build(vals);
                bools.push(s.is_subset(&o, eq).unwrap());
                bools.push(s.is_superset(&o, eq).unwrap());
                bools.push(s.is_disjoint(&o, eq).unwrap());
                bools.push(s.set_eq(&o, eq).unwrap());
            }
        }
    }
    Outcome {
        set: s,
        popped,
        bools,
        hashes,
    }
}

#[test]
fn layout_is_cpythons() {
    // PySetObject is 200 bytes = 16 (object header) + 184; plus 16 of GC header = 216.
    assert_eq!(mem::size_of::<SetTable<IntKey>>(), 184);
    assert_eq!(mem::size_of::<SetEntry<IntKey>>(), 16);
    let s: SetTable<IntKey> = SetTable::new();
    assert_eq!(getsizeof(&s), 216);
    assert_eq!(s.heap_bytes(), 0);
}

#[test]
fn cases_match_cpython() {
    for (n, case) in data::CASES.iter().enumerate() {
        let out = run(case.ops);
        assert_eq!(order(&out.set), case.order, "case {n}: iteration order");
        assert_eq!(getsizeof(&out.set), case.getsizeof, "case {n}: getsizeof");
        assert_eq!(out.popped, case.popped, "case {n}: pop()");
        assert_eq!(out.bools, case.bools, "case {n}: comparisons");
        assert_eq!(out.hashes, case.hashes, "case {n}: frozenset hash");
        assert_eq!(out.set.len(), case.order.len());
    }
}

#[test]
fn sizes_after_adds_match_cpython() {
    let mut s = SetTable::new();
    for (n, &want) in data::ADD_SIZES.iter().enumerate() {
        assert_eq!(getsizeof(&s), want, "after {n} adds");
        let (key, h) = k(n as i64);
        assert!(s.add(key, h, &mut int_eq).unwrap());
    }
}

#[test]
fn size_steps_match_cpython() {
    let last = data::ADD_STEPS.last().unwrap().0 + 10;
    let mut steps = vec![(0, getsizeof(&SetTable::<IntKey>::new()))];
    let mut s = SetTable::new();
    let mut prev = steps[0].1;
    for n in 1..=last {
        let (key, h) = k(n as i64 - 1);
        s.add(key, h, &mut int_eq).unwrap();
        let g = getsizeof(&s);
        if g != prev {
            steps.push((n, g));
            prev = g;
        }
    }
    assert_eq!(steps, data::ADD_STEPS);
}

#[test]
fn equal_keys_are_not_added_twice_and_identity_skips_eq() {
    let mut s = SetTable::new();
    let (a, h) = k(5);
    let mut calls = 0;
    let mut eq = |x: &IntKey, y: &IntKey| {
        calls += 1;
        int_eq(x, y)
    };
    assert!(s.add(a.clone(), h, &mut eq).unwrap());
    assert!(!s.add(a.clone(), h, &mut eq).unwrap()); // same object: no __eq__
    assert!(!s.add(IntKey(Rc::new(5)), h, &mut eq).unwrap()); // equal object: one __eq__
    assert_eq!(calls, 1);
    assert_eq!(s.len(), 1);
    // The rejected key was dropped, the stored one kept: only `a` and the set hold it.
    assert_eq!(Rc::strong_count(&a.0), 2);
}

#[test]
fn eq_errors_propagate_and_leave_the_table_intact() {
    let mut s = build(&[-1, 3]);
    let boom = PyErr::new(ExcKind::TypeError, "boom");
    let mut failing = |_: &IntKey, _: &IntKey| -> PyResult<bool> { Err(boom.clone()) };
    // hash(-2) == hash(-1): the probe must compare and the error comes out.
    let (key, h) = k(-2);
    assert_eq!(s.add(key.clone(), h, &mut failing), Err(boom.clone()));
    assert_eq!(s.contains(&key, h, &mut failing), Err(boom.clone()));
    assert_eq!(
        s.discard(&key, h, &mut failing).map(|o| o.is_some()),
        Err(boom.clone())
    );
    assert_eq!(order(&s), vec![3, -1]);
    assert_eq!(s.len(), 2);
    // A key with a different hash never calls __eq__.
    let (key, h) = k(4);
    assert!(s.add(key, h, &mut failing).unwrap());
}

#[test]
fn removed_keys_are_handed_back_and_clear_returns_the_old_body() {
    let mut s = build(&(0..50).collect::<Vec<_>>());
    let (probe, h) = k(7);
    let got = s.discard(&probe, h, &mut int_eq).unwrap().unwrap();
    assert_eq!(*got.0, 7);
    assert_eq!(Rc::strong_count(&got.0), 1); // the set no longer holds it
    assert!(s.heap_bytes() > 0);
    let old = s.clear();
    assert_eq!(old.len(), 49);
    assert_eq!((s.len(), s.heap_bytes(), s.table_size()), (0, 0, 8));
}

#[test]
fn candidates_and_slots_support_reentrant_eq() {
    let s = build(&[-1, -2, 6, 14]);
    // hash(-1) == hash(-2): both are candidates; the probe may pass a slot repeatedly.
    let mut seen: Vec<(usize, i64)> = vec![];
    s.for_each_candidate(int_hash(-2), &mut |slot, key| {
        if !seen.iter().any(|p| p.0 == slot) {
            seen.push((slot, *key.0));
        }
        false
    });
    let mut vals: Vec<i64> = seen.iter().map(|p| p.1).collect();
    vals.sort();
    assert_eq!(vals, vec![-2, -1]);
    for &(slot, v) in &seen {
        assert_eq!(s.slot_key(slot).map(|k| *k.0), Some(v));
    }
    let mut first = None;
    s.for_each_candidate(int_hash(-2), &mut |slot, _| {
        first = Some(slot);
        true // stop at once
    });
    assert_eq!(first, Some(seen[0].0));
    let mut pos = 0;
    let mut walked = vec![];
    while let Some((i, key, h)) = s.next_entry(pos) {
        assert_eq!(h, int_hash(*key.0));
        walked.push(*key.0);
        pos = i + 1;
    }
    assert_eq!(walked, order(&s));
}
