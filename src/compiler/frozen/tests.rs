//! The frozen form round-trips every kind of constant and code object the compiler
//! makes, keeps shared objects shared, and refuses what is not its own.

use super::*;
use crate::compiler::compile_source;

const PROGRAM: &str = r#"
import sys
big = 2 ** 100 + 7
neg = -(2 ** 70)
x = (1, 2.5, -0.0, 3j, b"\x00bytes", "hello world", "name_like", None, True, ..., big)
nested = ((1, (2, "three")), ())
def f(a, /, b, *args, c=10, **kw):
    total = 0
    def inner():
        return a + total
    try:
        if b in {1, 2, "x"}:
            return inner()
    except (ValueError, KeyError) as e:
        raise RuntimeError("boom") from e
    finally:
        total += 1
    return [i * 1000 for i in args if i not in {"a", "b"}]
class K:
    attr = 1000
    def m(self):
        return 1000, "hello world", __class__
lam = lambda q: q ** 0.5
"#;

fn code_of(o: &PyObj) -> &Code {
    o.get::<Code>().expect("a code object")
}

/// Two code objects are the same compiled program (filename aside).
fn same_code(a: &PyObj, b: &PyObj) {
    let (x, y) = (code_of(a), code_of(b));
    assert!(string::eq(&x.name, &y.name) && string::eq(&x.qualname, &y.qualname));
    assert_eq!(x.instrs, y.instrs);
    assert_eq!(x.locations, y.locations);
    assert_eq!(x.exception_table, y.exception_table);
    assert_eq!(x.cell2arg, y.cell2arg);
    assert_eq!(
        (
            x.firstlineno,
            x.argcount,
            x.posonlyargcount,
            x.kwonlyargcount
        ),
        (
            y.firstlineno,
            y.argcount,
            y.posonlyargcount,
            y.kwonlyargcount
        )
    );
    assert_eq!((x.flags, x.max_stack), (y.flags, y.max_stack));
    for (l, r) in [
        (&x.names, &y.names),
        (&x.varnames, &y.varnames),
        (&x.cellvars, &y.cellvars),
        (&x.freevars, &y.freevars),
    ] {
        assert_eq!(l.len(), r.len());
        for (p, q) in l.iter().zip(r) {
            assert!(string::eq(p, q) && string::is_interned(q));
        }
    }
    assert_eq!(x.consts.len(), y.consts.len());
    for (p, q) in x.consts.iter().zip(&y.consts) {
        assert!(p.type_obj().is(&q.type_obj()));
        if p.get::<Code>().is_some() {
            same_code(p, q);
        } else {
            assert!(protocol::eq(p, q).expect("constants compare"));
            assert_eq!(string::is_interned(p), string::is_interned(q));
        }
    }
}

#[test]
fn round_trip_keeps_everything() {
    let code = compile_source(PROGRAM, "<frozen test>").expect("compiles");
    let data = freeze(&code, 42).expect("freezable");
    assert_eq!(key_of(&data), Some(42));
    let back = thaw(&data, 42, "elsewhere.py").expect("thaws");
    same_code(&code, &back);
    assert_eq!(
        string::as_str(&code_of(&back).filename).as_deref(),
        Some("elsewhere.py")
    );
    // Writing the thawed code again gives the same bytes.
    assert_eq!(freeze(&back, 42), Some(data));
}

#[test]
fn shared_constants_stay_shared() {
    let code = compile_source(PROGRAM, "t.py").expect("compiles");
    let back = thaw(&freeze(&code, 1).expect("freezable"), 1, "t.py").expect("thaws");
    // 1000 appears in f's list comprehension, in K's body and in K.m: one object in
    // the compiled unit, one object after thawing.
    let mut thousands = Vec::new();
    let mut stack = vec![back];
    while let Some(c) = stack.pop() {
        for k in &code_of(&c).consts {
            if k.get::<Code>().is_some() {
                stack.push(k.clone());
            } else if int::as_i64(k) == Some(1000) {
                thousands.push(k.clone());
            }
        }
    }
    assert!(thousands.len() >= 3);
    assert!(thousands.iter().all(|t| t.is(&thousands[0])));
}

#[test]
fn stale_or_foreign_forms_are_refused() {
    let code = compile_source("x = 1\n", "t.py").expect("compiles");
    let data = freeze(&code, 7).expect("freezable");
    assert!(thaw(&data, 7, "t.py").is_some());
    // Another key: made from other source or by another compiler.
    assert!(thaw(&data, 8, "t.py").is_none());
    // Another format version.
    let mut old = data.clone();
    old[4..8].copy_from_slice(&(VERSION + 1).to_le_bytes());
    assert_eq!(key_of(&old), None);
    assert!(thaw(&old, 7, "t.py").is_none());
    // Not a frozen form at all, truncated, or with bytes after the end.
    assert!(thaw(b"x = 1\n", 7, "t.py").is_none());
    for n in 0..data.len() {
        assert!(thaw(&data[..n], 7, "t.py").is_none(), "cut at {n}");
    }
    let mut longer = data.clone();
    longer.push(b'N');
    assert!(thaw(&longer, 7, "t.py").is_none());
}
