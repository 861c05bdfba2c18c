//! Tests of the dict table against CPython 3.11 (data from scripts/tables/gen_dict_cases.py):
//! items in order, what popitem / setdefault returned, and getsizeof, after scripts of
//! operations on int keys; the sizing functions; a lookup whose `__eq__` changes the dict.

use super::*;
use crate::heap::PyObj;
use crate::objects::dict::{self, builtin_eq, Merge};
use crate::objects::exceptions::VmResult;
use crate::objects::{int, protocol, string};

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

fn obj(v: i64) -> PyObj {
    int::new_i64(v)
}

fn h(k: &PyObj) -> i64 {
    protocol::hash(k).unwrap()
}

fn set(d: &PyObj, k: i64, v: i64) {
    let key = obj(k);
    let hash = h(&key);
    dict::set_item(d, key, hash, obj(v), &mut builtin_eq).unwrap();
}

fn items(d: &PyObj) -> Vec<i64> {
    dict::items(d)
        .unwrap()
        .iter()
        .flat_map(|(k, v)| [int::as_i64(k).unwrap(), int::as_i64(v).unwrap()])
        .collect()
}

fn run(ops: &[Op]) -> (PyObj, Vec<i64>) {
    let eq = &mut builtin_eq;
    let mut d = dict::new();
    let mut returned = vec![];
    for op in ops {
        match op {
            Op::Set(k, v) => set(&d, *k, *v),
            Op::Del(k) => {
                let key = obj(*k);
                drop(dict::del_item(&d, &key, h(&key), eq).unwrap());
            }
            Op::PopItem => {
                if let Some((k, v)) = dict::popitem(&d).unwrap() {
                    returned.extend([int::as_i64(&k).unwrap(), int::as_i64(&v).unwrap()]);
                }
            }
            Op::SetDefault(k, v) => {
                let key = obj(*k);
                let hash = h(&key);
                let r = dict::setdefault(&d, key, hash, obj(*v), eq).unwrap();
                returned.push(int::as_i64(&r).unwrap());
            }
            Op::Clear => dict::clear(&d).unwrap(),
            Op::Copy => d = dict::copy(&d, true, eq).unwrap(),
            Op::Update(pairs) => {
                let o = dict::new();
                for &(k, v) in pairs.iter() {
                    set(&o, k, v);
                }
                dict::merge(&d, &o, Merge::Update, eq).unwrap();
            }
        }
    }
    (d, returned)
}

#[test]
fn cases_match_cpython() {
    for (n, case) in data::CASES.iter().enumerate() {
        let (d, returned) = run(case.ops);
        assert_eq!(items(&d), case.items, "case {n}: items in order");
        assert_eq!(returned, case.returned, "case {n}: returned values");
        assert_eq!(d.sizeof(), case.size, "case {n}: getsizeof");
    }
    assert_eq!(dict::POPITEM_EMPTY, data::POPITEM_EMPTY);
}

#[test]
fn layout_is_cpythons() {
    assert_eq!(mem::size_of::<DictTable>(), 32);
    assert_eq!(mem::size_of::<KeysHead>(), 16);
    assert_eq!(mem::size_of::<Entry>(), 24);
    assert_eq!(mem::size_of::<StrEntry>(), 16);
    // _PyDict_KeysSize: 32 + index bytes + usable * entry size.
    assert_eq!(keys_size(3, false), 32 + 8 + 5 * 16);
    assert_eq!(keys_size(3, true), 32 + 8 + 5 * 24);
    assert_eq!(keys_size(8, true), 32 + 2 * 256 + 170 * 24);
    assert_eq!(keys_size(16, false), 32 + 4 * 65536 + 43690 * 16);
    assert_eq!(dict::new().sizeof(), 64);
    // A split dict's values: CPython's order prefix, then the slots.
    assert_eq!(Values::size_for(29), 32 + 29 * 8);
}

#[test]
fn sizing_functions_keep_cpythons_quirks() {
    let got: Vec<u8> = [0, 1, 5, 7, 8, 9, 15, 16, 17, 24, 63, 64, 126]
        .map(calculate_log2_keysize)
        .to_vec();
    assert_eq!(got, vec![3, 4, 4, 4, 3, 4, 4, 5, 5, 5, 6, 7, 7]);
    let est: Vec<u8> = [0, 1, 4, 5, 6, 10, 11, 85, 86]
        .map(estimate_log2_keysize)
        .to_vec();
    assert_eq!(est, vec![3, 4, 4, 3, 4, 4, 5, 8, 8]);
    assert_eq!(usable_fraction(8), 5);
    assert_eq!(usable_fraction(1 << 17), 87381);
}

#[test]
fn growth_steps_match_size_formulas() {
    // shared/reference/size_formulas.txt: DICT SIZE STEPS (str keys / int keys).
    let steps = [
        (0, 64, 64),
        (1, 184, 224),
        (6, 272, 352),
        (11, 464, 632),
        (22, 832, 1168),
        (43, 1584, 2264),
        (86, 3328, 4688),
        (171, 6576, 9304),
        (342, 13056, 18512),
        (683, 26032, 36952),
        (1366, 51968, 73808),
    ];
    let (s, i) = (dict::new(), dict::new());
    let mut n = 0;
    for (at, str_size, int_size) in steps {
        while n < at {
            let k = string::new(&format!("k{n}"));
            let hash = h(&k);
            dict::set_item(&s, k, hash, obj(n), &mut builtin_eq).unwrap();
            set(&i, n, n);
            n += 1;
        }
        assert_eq!((s.sizeof(), i.sizeof()), (str_size, int_size), "{at} keys");
    }
}

#[test]
fn a_key_compare_that_empties_the_dict_restarts_the_lookup() {
    // Tuples of tuples may hold objects whose __eq__ is Python code: compared by the
    // caller (a flat tuple of ints is compared in the probe).
    let d = dict::new();
    let inner = || crate::objects::tuple::new(vec![obj(1)]);
    let stored = crate::objects::tuple::new(vec![inner()]);
    let hash = h(&stored);
    dict::set_item(&d, stored, hash, obj(1), &mut builtin_eq).unwrap();
    let probe = crate::objects::tuple::new(vec![inner()]);
    let mut calls = 0;
    let mut eq = |a: &PyObj, b: &PyObj| -> VmResult<bool> {
        calls += 1;
        if calls == 1 {
            dict::clear(&d).unwrap();
            set(&d, 2, 2);
        }
        builtin_eq(a, b)
    };
    let found = dict::lookup(&d, &probe, hash, &mut eq).unwrap();
    assert_eq!((found, calls), (None, 1));
    assert_eq!(items(&d), vec![2, 2]);
}

#[test]
fn split_dicts_share_keys_and_keep_their_order() {
    let keys = new_class_keys().unwrap();
    let names: Vec<PyObj> = ["a", "b", "c"]
        .iter()
        .map(|s| string::intern_str(s))
        .collect();
    let mut v1 = new_instance_values(&keys).unwrap();
    assert_eq!(v1.len(), 29);
    for (i, n) in names.iter().enumerate() {
        let ix = shared_insert(&keys, n).unwrap();
        assert_eq!(ix, i);
        values_store(&mut v1, ix, Some(obj(i as i64))).unwrap();
    }
    let mut v2 = new_instance_values(&keys).unwrap();
    assert_eq!(v2.len(), 28);
    for n in names.iter().rev() {
        let ix = shared_index(&keys, n).unwrap();
        values_store(&mut v2, ix, Some(obj(7))).unwrap();
    }
    let d1 = dict::from_values(&keys, v1);
    let d2 = dict::from_values(&keys, v2);
    // 64 + 8 * (nentries + usable) of the shared keys, which the second instance shrank.
    assert_eq!((d1.sizeof(), d2.sizeof()), (288, 288));
    let order = |d: &PyObj| -> Vec<String> {
        dict::items(d)
            .unwrap()
            .iter()
            .map(|(k, _)| string::as_str(k).unwrap().into_owned())
            .collect()
    };
    assert_eq!(order(&d1), ["a", "b", "c"]);
    assert_eq!(order(&d2), ["c", "b", "a"]);
    // A new str key goes into the shared keys; a non-str key makes the dict combined.
    let k = string::intern_str("d");
    let hash = h(&k);
    dict::set_item(&d1, k, hash, obj(4), &mut builtin_eq).unwrap();
    assert_eq!((d1.sizeof(), shared_nentries(&keys)), (288, 4));
    set(&d1, 5, 5);
    assert_eq!(d1.sizeof(), 64 + keys_size(4, true));
    assert_eq!(order(&d2), ["c", "b", "a"]);
    drop((d1, d2));
    assert_eq!(keys.refs(), 1);
}
