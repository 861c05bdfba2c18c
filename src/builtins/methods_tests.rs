//! Sizes after method calls (capacities, set tables, str kinds) and frozenset's
//! methods, checked from Rust because the test programs cannot yet import sys or
//! build a frozenset. Expected numbers are python3's (commands in the comments).

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::settable::SetTable;
use crate::objects::{int, list, set, string};
use crate::vm::Vm;

fn call(vm: &mut Vm, o: &PyObj, name: &str, args: &[PyObj]) -> PyObj {
    let m = vm.getattr(o, &string::intern_str(name)).expect("method");
    match vm.call(&m, Args::positional(args)) {
        Ok(r) => r,
        Err(e) => panic!("{name} raised {}", vm.repr(&e.0).unwrap_or_default()),
    }
}

fn s(text: &str) -> PyObj {
    string::new(text)
}

fn i(v: i64) -> PyObj {
    int::new_i64(v)
}

fn ints(vm: &mut Vm, vals: &[i64]) -> PyObj {
    let l = list::new_empty();
    for v in vals {
        call(vm, &l, "append", &[i(*v)]);
    }
    l
}

// python3: a=[]; s=[]
//   for c in "abcdefghijklmnopq": a.append(c); s.append(sys.getsizeof(a))
//   then the same with a.pop()
#[test]
fn list_capacity_follows_list_resize() {
    let mut vm = Vm::new(vec![], &crate::builtins::LIBRARY);
    let a = list::new_empty();
    let mut grow = Vec::new();
    for c in "abcdefghijklmnopq".chars() {
        call(&mut vm, &a, "append", &[s(&c.to_string())]);
        grow.push(a.sizeof());
    }
    assert_eq!(
        grow,
        [88, 88, 88, 88, 120, 120, 120, 120, 184, 184, 184, 184, 184, 184, 184, 184, 248]
    );
    let mut shrink = Vec::new();
    for _ in 0..17 {
        call(&mut vm, &a, "pop", &[]);
        shrink.push(a.sizeof());
    }
    assert_eq!(
        shrink,
        [248, 248, 248, 248, 248, 184, 184, 184, 184, 152, 152, 120, 120, 120, 120, 88, 56]
    );
    // python3: b=list(range(1,11)); b.insert(0,0) -> 184; remove 0..6 -> 120; clear -> 56
    let b = list::new_exact((1..=10).map(i).collect());
    assert_eq!(b.sizeof(), 136);
    call(&mut vm, &b, "insert", &[i(0), i(0)]);
    assert_eq!(b.sizeof(), 184);
    for v in 0..7 {
        call(&mut vm, &b, "remove", &[i(v)]);
    }
    assert_eq!(b.sizeof(), 120);
    assert_eq!(vm.repr(&b).unwrap(), "[7, 8, 9, 10]");
    // copy() is exact: 56 + 8 * 4
    assert_eq!(call(&mut vm, &b, "copy", &[]).sizeof(), 88);
    call(&mut vm, &b, "clear", &[]);
    assert_eq!(b.sizeof(), 56);
}

// python3: t=set(); t.update([1,2,3,4,5]) -> 728; t.update({10:0,...,13:0}) -> 728;
//   t.union([100]), t.copy() -> 728; t.difference_update([1,2,3,4,5,10,11]) -> 728 {12, 13}
#[test]
fn set_sizes_follow_cpython() {
    let mut vm = Vm::new(vec![], &crate::builtins::LIBRARY);
    let t = set::new();
    assert_eq!(t.sizeof(), 216);
    let src = ints(&mut vm, &[1, 2, 3, 4, 5]);
    call(&mut vm, &t, "update", &[src]);
    assert_eq!(t.sizeof(), 728);
    let d = crate::objects::dict::new();
    for k in 10..14 {
        vm.dict_set(&d, i(k), i(0)).unwrap();
    }
    call(&mut vm, &t, "update", &[d]);
    assert_eq!(t.sizeof(), 728);
    let extra = ints(&mut vm, &[100]);
    assert_eq!(call(&mut vm, &t, "union", &[extra]).sizeof(), 728);
    assert_eq!(call(&mut vm, &t, "copy", &[]).sizeof(), 728);
    let gone = ints(&mut vm, &[1, 2, 3, 4, 5, 10, 11]);
    call(&mut vm, &t, "difference_update", &[gone]);
    assert_eq!(t.sizeof(), 728);
    assert_eq!(vm.repr(&t).unwrap(), "{12, 13}");
}

// python3: getsizeof of "aé".replace("é","e"), "a€".strip("€"), ",".join(["a","€"]),
//   "é".upper(), "a€b".split("€")[0], "x😀".partition("😀")[0] -> 51 50 80 74 50 50
#[test]
fn str_results_take_the_narrowest_kind() {
    let mut vm = Vm::new(vec![], &crate::builtins::LIBRARY);
    let r = call(&mut vm, &s("aé"), "replace", &[s("é"), s("e")]);
    assert_eq!(r.sizeof(), 51);
    assert_eq!(call(&mut vm, &s("a€"), "strip", &[s("€")]).sizeof(), 50);
    let parts = list::new_exact(vec![s("a"), s("€")]);
    assert_eq!(call(&mut vm, &s(","), "join", &[parts]).sizeof(), 80);
    assert_eq!(call(&mut vm, &s("é"), "upper", &[]).sizeof(), 74);
    let pieces = call(&mut vm, &s("a€b"), "split", &[s("€")]);
    assert_eq!(list::borrow(&pieces).unwrap().0[0].sizeof(), 50);
    let p = call(&mut vm, &s("x😀"), "partition", &[s("😀")]);
    assert_eq!(crate::objects::tuple::items(&p).unwrap()[0].sizeof(), 50);
}

// python3: f=frozenset([1,2]); f.union([3]), f.intersection([2,3]), f.difference([1]),
//   f.symmetric_difference([2,5]), f.copy() is f, f.issubset([1,2,3]), f.isdisjoint([7])
//   -> frozenset({1, 2, 3}) frozenset({2}) frozenset({2}) frozenset({1, 5}) True True True
#[test]
fn frozenset_methods() {
    let mut vm = Vm::new(vec![], &crate::builtins::LIBRARY);
    let mut t = SetTable::new();
    let mut eq = |a: &PyObj, b: &PyObj| crate::objects::protocol::eq(a, b);
    for v in [1, 2] {
        t.add(
            i(v),
            crate::objects::protocol::hash(&i(v)).unwrap(),
            &mut eq,
        )
        .unwrap();
    }
    let f = set::new_frozen(t);
    let mut out = Vec::new();
    for (name, arg) in [
        ("union", vec![3]),
        ("intersection", vec![2, 3]),
        ("difference", vec![1]),
        ("symmetric_difference", vec![2, 5]),
        ("issubset", vec![1, 2, 3]),
        ("isdisjoint", vec![7]),
    ] {
        let a = ints(&mut vm, &arg);
        let r = call(&mut vm, &f, name, &[a]);
        out.push(vm.repr(&r).unwrap());
    }
    assert_eq!(
        out.join(" "),
        "frozenset({1, 2, 3}) frozenset({2}) frozenset({2}) frozenset({1, 5}) True True"
    );
    assert!(call(&mut vm, &f, "copy", &[]).is(&f));
    // set-only methods are absent: python3 says 'frozenset' object has no attribute 'add'
    let err = vm.getattr(&f, &string::intern_str("add")).unwrap_err();
    assert_eq!(
        vm.str(&err.0).unwrap(),
        "'frozenset' object has no attribute 'add'"
    );
}
