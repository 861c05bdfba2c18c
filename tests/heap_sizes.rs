//! sys.getsizeof of the core types equals CPython 3.11's, for the cases in
//! shared/reference (copied into tests/data by scripts/extract_reference_sizes.py).

use glasspy::heap::PyObj;
use glasspy::objects::{ctx, float, int, list, string, tuple};

fn data(name: &str) -> Vec<String> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split("  #").next().unwrap().to_string())
        .collect()
}

fn nums(s: &str) -> Vec<usize> {
    s.split_whitespace().map(|x| x.parse().unwrap()).collect()
}

#[test]
fn ints_are_24_plus_4_per_30_bit_digit() {
    let rows = data("sizes_int.txt");
    assert!(rows.len() > 30);
    for row in rows {
        let mut f = row.split_whitespace();
        let size: usize = f.next().unwrap().parse().unwrap();
        let negative = f.next().unwrap() == "-";
        let digits: Vec<u32> = f.map(|d| d.parse().unwrap()).collect();
        let obj = int::from_digits(negative, &digits).unwrap();
        assert_eq!(obj.sizeof(), size, "{row}");
    }
}

#[test]
fn small_ints_are_cached_and_others_are_not() {
    for v in -5..=256 {
        assert!(int::new_i64(v).is(&int::new_i64(v)), "{v}");
    }
    for v in [-6, 257, 1000, i64::MAX, i64::MIN] {
        assert!(!int::new_i64(v).is(&int::new_i64(v)), "{v}");
        assert_eq!(int::as_i64(&int::new_i64(v)), Some(v));
    }
}

#[test]
fn singletons_and_floats() {
    let c = ctx();
    // reference/sizes.tsv: None 16, True 28, False 28, ... 16, NotImplemented 16
    assert_eq!(c.none.sizeof(), 16);
    assert_eq!(c.true_.sizeof(), 28);
    assert_eq!(c.false_.sizeof(), 28);
    assert_eq!(c.ellipsis.sizeof(), 16);
    assert_eq!(c.not_implemented.sizeof(), 16);
    let object = PyObj::new(&c.object_type, glasspy::objects::none::Singleton);
    assert_eq!(object.sizeof(), 16); // object() 16 (size_formulas.txt)
    for row in data("sizes_float.txt") {
        let mut f = row.split_whitespace();
        let size: usize = f.next().unwrap().parse().unwrap();
        let v: f64 = f.next().unwrap().parse().unwrap();
        assert_eq!(float::new(v).sizeof(), size, "{row}");
    }
}

#[test]
fn strs_use_pep393_kinds() {
    let rows = data("sizes_str.txt");
    assert!(rows.len() > 30);
    for row in rows {
        let mut f = row.split_whitespace();
        let size: usize = f.next().unwrap().parse().unwrap();
        let text: String = f
            .filter(|c| *c != "-")
            .map(|c| char::from_u32(c.parse().unwrap()).unwrap())
            .collect();
        let obj = string::new(&text);
        assert_eq!(obj.sizeof(), size, "{row}");
        assert_eq!(string::as_str(&obj).unwrap(), text);
    }
}

#[test]
fn tuples_are_40_plus_8n() {
    for row in data("sizes_tuple.txt") {
        let f = nums(&row);
        let items: Vec<PyObj> = (0..f[1] as i64).map(int::new_i64).collect();
        assert_eq!(tuple::new(items).sizeof(), f[0], "{row}");
    }
    assert!(tuple::new(vec![]).is(&ctx().empty_tuple));
}

fn series(prefix: &str) -> Vec<usize> {
    let rows = data("sizes_series.txt");
    let row = rows
        .iter()
        .find(|r| r.starts_with(prefix))
        .unwrap_or_else(|| panic!("series {prefix}"));
    nums(row.split('\t').nth(1).unwrap())
}

#[test]
fn list_appends_and_pops_resize_as_cpython() {
    let expected = series("list.append:");
    let l = list::new_empty();
    assert_eq!(l.sizeof(), expected[0]);
    for (n, size) in expected.iter().enumerate().skip(1) {
        list::append(&l, int::new_i64(n as i64)).unwrap();
        assert_eq!(l.sizeof(), *size, "after {n} appends");
    }
    let expected = series("list(range(100)) then pop()");
    let l = list::from_sized((0..100i32).map(|i| int::new_i64(i as i64))).unwrap();
    assert_eq!(l.sizeof(), expected[0]);
    for (k, size) in expected.iter().enumerate().skip(1) {
        list::pop_from(&mut list::borrow_mut(&l).unwrap().0).unwrap();
        assert_eq!(l.sizeof(), *size, "after {k} pops");
    }
}

#[test]
fn list_constructors_allocate_as_cpython() {
    let rows = data("list_constructors.txt");
    let table = |prefix: &str| -> (Vec<usize>, Vec<usize>) {
        let row = rows.iter().find(|r| r.starts_with(prefix)).unwrap();
        let mut f = row.split('\t').skip(1);
        (nums(f.next().unwrap()), nums(f.next().unwrap()))
    };
    let cap = |l: &PyObj| list::allocated(l).unwrap();
    // list(range(n)): len known, list_preallocate_exact
    let (ns, caps) = table("list(range(n))");
    for (n, c) in ns.iter().zip(caps) {
        let l = list::from_sized((0..*n).map(|i| int::new_i64(i as i64))).unwrap();
        assert_eq!(cap(&l), c, "list(range({n}))");
    }
    // [0] * n and copies: exact
    let (ns, caps) = table("[0] * n");
    for (n, c) in ns.iter().zip(caps) {
        let l = list::new_exact(vec![int::new_i64(0); *n]);
        assert_eq!(cap(&l), c, "[0] * {n}");
    }
    // [] then n appends
    let (ns, caps) = table("[] then n x append");
    for (n, c) in ns.iter().zip(caps) {
        let l = list::new_empty();
        for i in 0..*n {
            list::append(&l, int::new_i64(i as i64)).unwrap();
        }
        assert_eq!(cap(&l), c, "{n} appends");
    }
}
