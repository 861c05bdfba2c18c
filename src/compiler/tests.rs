//! Unit tests of code generation: instruction shapes per the VM contract, constant
//! sharing and folding, exception tables, stack depths, scopes and errors.

use super::*;
use crate::bytecode::code::flags;
use crate::bytecode::ExceptEntry;
use crate::dis::const_repr;
use crate::objects::{set, tuple};
use crate::parser::{parse_interactive, parse_module};

fn compile(src: &str) -> PyObj {
    let m = parse_module(src, "t.py").expect("parses");
    compile_module(&m, "t.py").unwrap_or_else(|e| panic!("{e:?}"))
}

fn compile_err(src: &str) -> SyntaxError {
    let m = parse_module(src, "t.py").expect("parses");
    match compile_module(&m, "t.py") {
        Err(CompileError::Syntax(e)) => e,
        other => panic!("expected a SyntaxError, got {:?}", other.map(|_| ())),
    }
}

/// The instructions as "OPNAME operand" with names and constants resolved.
fn ops(code: &PyObj) -> Vec<String> {
    let c = code.borrow::<Code>().expect("code");
    let name = |v: &[PyObj], i: u32| string::as_str(&v[i as usize]).expect("str").into_owned();
    c.compiled()
        .iter()
        .map(|i| {
            let a = match i.op {
                Op::LOAD_CONST | Op::KW_NAMES => {
                    let k = &c.consts[i.arg as usize];
                    if k.borrow::<Code>().is_ok() {
                        "<code>".to_string()
                    } else {
                        const_repr(k)
                    }
                }
                Op::LOAD_NAME
                | Op::STORE_NAME
                | Op::DELETE_NAME
                | Op::LOAD_GLOBAL
                | Op::STORE_GLOBAL
                | Op::LOAD_ATTR
                | Op::STORE_ATTR
                | Op::LOAD_METHOD
                | Op::IMPORT_NAME
                | Op::IMPORT_FROM => name(&c.names, i.arg),
                Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST => name(&c.varnames, i.arg),
                _ => i.arg.to_string(),
            };
            format!("{} {a}", i.op.name())
        })
        .collect()
}

fn code_of(obj: &PyObj) -> crate::heap::PRef<'_, Code> {
    obj.borrow::<Code>().expect("code")
}

fn nested(code: &PyObj, i: usize) -> PyObj {
    code_of(code)
        .consts
        .iter()
        .filter(|k| k.borrow::<Code>().is_ok())
        .nth(i)
        .expect("nested code")
        .clone()
}

fn strs(v: &[PyObj]) -> Vec<String> {
    v.iter()
        .map(|o| string::as_str(o).expect("str").into_owned())
        .collect()
}

#[test]
fn module_assignment_and_return() {
    let code = compile("x = 1\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_CONST 1",
            "STORE_NAME x",
            "LOAD_CONST None",
            "RETURN_VALUE 0"
        ]
    );
    let c = code_of(&code);
    assert_eq!(c.flags, flags::NOFREE);
    assert_eq!(c.max_stack, 1);
    assert_eq!(c.locations[0].line, 1);
    assert_eq!((c.locations[1].col, c.locations[1].end_col), (0, 1));
}

#[test]
fn calls_follow_the_contract() {
    let code = compile("f(a, b)\no.m(a)\nf(a, k=1)\n");
    assert_eq!(
        ops(&code)[..17],
        [
            "PUSH_NULL 0",
            "LOAD_NAME f",
            "LOAD_NAME a",
            "LOAD_NAME b",
            "CALL 2",
            "POP_TOP 0",
            "LOAD_NAME o",
            "LOAD_METHOD m",
            "LOAD_NAME a",
            "CALL 1",
            "POP_TOP 0",
            "PUSH_NULL 0",
            "LOAD_NAME f",
            "LOAD_NAME a",
            "LOAD_CONST 1",
            "KW_NAMES ('k',)",
            "CALL 2",
        ]
    );
    let code = compile("f(a, *b, k=1, **d)\n");
    assert_eq!(
        ops(&code)[..13],
        [
            "PUSH_NULL 0",
            "LOAD_NAME f",
            "LOAD_NAME a",
            "BUILD_LIST 1",
            "LOAD_NAME b",
            "LIST_EXTEND 1",
            "LIST_TO_TUPLE 0",
            "LOAD_CONST 'k'",
            "LOAD_CONST 1",
            "BUILD_MAP 1",
            "LOAD_NAME d",
            "DICT_MERGE 1",
            "CALL_FUNCTION_EX 1",
        ]
    );
    let code = compile("f(*a)\n");
    assert_eq!(
        ops(&code)[..6],
        [
            "PUSH_NULL 0",
            "LOAD_NAME f",
            "BUILD_LIST 0",
            "LOAD_NAME a",
            "LIST_EXTEND 1",
            "LIST_TO_TUPLE 0"
        ]
    );
    assert_eq!(ops(&code)[6], "CALL_FUNCTION_EX 0");
    // KW_NAMES' tuple holds interned strs.
    let code = compile("f(key=1)\n");
    let c = code_of(&code);
    let kw = c
        .consts
        .iter()
        .find_map(|k| tuple::items(k).map(|t| t[0].clone()));
    assert!(string::is_interned(&kw.expect("kw names")));
}

#[test]
fn constants_are_shared_across_code_objects() {
    // python3: a = 1000; def f(): return 1000 -> f() is a (reference/interning.txt).
    let code = compile(
        "a = 1000\nb = 'hello world'\ndef f():\n    return 1000\n\
         def g():\n    def h():\n        return 'hello world', 1000\n    return h\nc = 999 + 1\n",
    );
    let m = code_of(&code);
    let f = nested(&code, 0);
    let g = nested(&code, 1);
    let h = nested(&g, 0);
    let thousand = m.consts[0].clone();
    let hello = m.consts[1].clone();
    assert_eq!(const_repr(&thousand), "1000");
    assert!(code_of(&f).consts.iter().any(|k| k.is(&thousand)));
    let hc = code_of(&h);
    let t = hc
        .consts
        .iter()
        .find_map(|k| tuple::items(k).map(|t| t.to_vec()))
        .expect("a const tuple");
    assert!(t[0].is(&hello) && t[1].is(&thousand));
    // `c = 999 + 1` is folded to the same constant.
    assert_eq!(ops(&code)[ops(&code).len() - 4], "LOAD_CONST 1000");
    assert_eq!(m.consts.iter().filter(|k| k.is(&thousand)).count(), 1);
}

#[test]
fn equal_but_different_constants_stay_apart() {
    let code = compile("x = (1, 1.0, True, 0.0, -0.0, 'a', '')\n");
    let c = code_of(&code);
    let t = tuple::items(&c.consts[0]).expect("folded tuple");
    assert_eq!(t.len(), 7);
    assert!(!t[0].is(&t[1]) && !t[0].is(&t[2]) && !t[3].is(&t[4]));
    assert_eq!(
        const_repr(&c.consts[0]),
        "(1, 1.0, True, 0.0, -0.0, 'a', '')"
    );
    assert!(!c.consts[0].gc_is_tracked());
    assert!(string::is_interned(&t[5]));
}

#[test]
fn folding_like_the_ast_optimizer() {
    let ops_of = |s: &str| ops(&compile(s));
    assert_eq!(ops_of("x = -5\n")[0], "LOAD_CONST -5");
    assert_eq!(ops_of("x = 2 ** 10 * 3\n")[0], "LOAD_CONST 3072");
    assert_eq!(ops_of("x = 'ab' * 3\n")[0], "LOAD_CONST 'ababab'");
    assert_eq!(
        ops_of("x = 1 / 0\n")[..3],
        ["LOAD_CONST 1", "LOAD_CONST 0", "BINARY_OP 11"]
    );
    assert_eq!(ops_of("x = 'a' * 4097\n")[2], "BINARY_OP 5");
    assert_eq!(ops_of("x = (1, (2, -3))\n")[0], "LOAD_CONST (1, (2, -3))");
    assert_eq!(
        ops_of("y = x in [1, 2]\n")[..3],
        ["LOAD_NAME x", "LOAD_CONST (1, 2)", "CONTAINS_OP 0"]
    );
    let code = compile("y = x not in {1, 2, 1.0}\n");
    let c = code_of(&code);
    assert_eq!(set::len(&c.consts[0]), Some(2));
    assert_eq!(ops(&code)[2], "CONTAINS_OP 1");
    assert_eq!(
        ops_of("for x in [1, a]: pass\n")[..4],
        ["LOAD_CONST 1", "LOAD_NAME a", "BUILD_TUPLE 2", "GET_ITER 0"]
    );
}

#[test]
fn displays_choose_cpython_builders() {
    let ops_of = |s: &str| ops(&compile(s));
    assert_eq!(
        ops_of("x = [1, 2, 3]\n")[..3],
        ["BUILD_LIST 0", "LOAD_CONST (1, 2, 3)", "LIST_EXTEND 1"]
    );
    assert_eq!(ops_of("x = [1, 2]\n")[2], "BUILD_LIST 2");
    assert_eq!(
        ops_of("x = {1, 2, 3}\n")[..3],
        [
            "BUILD_SET 0",
            "LOAD_CONST frozenset({1, 2, 3})",
            "SET_UPDATE 1"
        ]
    );
    assert_eq!(
        ops_of("x = [a, *b, c]\n")[..6],
        [
            "LOAD_NAME a",
            "BUILD_LIST 1",
            "LOAD_NAME b",
            "LIST_EXTEND 1",
            "LOAD_NAME c",
            "LIST_APPEND 1"
        ]
    );
    assert_eq!(
        ops_of("x = (*a, b)\n")[..6],
        [
            "BUILD_LIST 0",
            "LOAD_NAME a",
            "LIST_EXTEND 1",
            "LOAD_NAME b",
            "LIST_APPEND 1",
            "LIST_TO_TUPLE 0"
        ]
    );
    assert_eq!(
        ops_of("x = {'a': p, 'b': q}\n")[..4],
        [
            "LOAD_NAME p",
            "LOAD_NAME q",
            "LOAD_CONST ('a', 'b')",
            "BUILD_CONST_KEY_MAP 2"
        ]
    );
    assert_eq!(
        ops_of("x = {'a': p, **m}\n")[..6],
        [
            "LOAD_CONST 'a'",
            "LOAD_NAME p",
            "BUILD_MAP 1",
            "LOAD_NAME m",
            "DICT_UPDATE 1",
            "STORE_NAME x"
        ]
    );
    // 31 names: above STACK_USE_GUIDELINE the list is built item by item.
    let names: Vec<String> = (0..31).map(|i| format!("a{i}")).collect();
    let o = ops_of(&format!("x = [{}]\n", names.join(", ")));
    assert_eq!(o[0], "BUILD_LIST 0");
    assert_eq!(o[2], "LIST_APPEND 1");
    assert_eq!(
        ops_of("x = a[1:2]\ny = a[::2]\n")[..5],
        [
            "LOAD_NAME a",
            "LOAD_CONST 1",
            "LOAD_CONST 2",
            "BUILD_SLICE 2",
            "BINARY_SUBSCR 0"
        ]
    );
    assert_eq!(ops_of("y = a[::2]\n")[4], "BUILD_SLICE 3");
}

#[test]
fn targets_unpacking_and_augmented_assignment() {
    let ops_of = |s: &str| ops(&compile(s));
    assert_eq!(
        ops_of("a, *b, c = x\n")[..5],
        [
            "LOAD_NAME x",
            "UNPACK_EX 257",
            "STORE_NAME a",
            "STORE_NAME b",
            "STORE_NAME c"
        ]
    );
    assert_eq!(
        ops_of("a = b = v\n")[..4],
        ["LOAD_NAME v", "COPY 1", "STORE_NAME a", "STORE_NAME b"]
    );
    assert_eq!(
        ops_of("a.x += v\n")[..7],
        [
            "LOAD_NAME a",
            "COPY 1",
            "LOAD_ATTR x",
            "LOAD_NAME v",
            "BINARY_OP 13",
            "SWAP 2",
            "STORE_ATTR x"
        ]
    );
    assert_eq!(
        ops_of("a[i] -= v\n")[..10],
        [
            "LOAD_NAME a",
            "LOAD_NAME i",
            "COPY 2",
            "COPY 2",
            "BINARY_SUBSCR 0",
            "LOAD_NAME v",
            "BINARY_OP 23",
            "SWAP 3",
            "SWAP 2",
            "STORE_SUBSCR 0"
        ]
    );
    assert_eq!(
        ops_of("(a, [b, c]) = x\n")[..6],
        [
            "LOAD_NAME x",
            "UNPACK_SEQUENCE 2",
            "STORE_NAME a",
            "UNPACK_SEQUENCE 2",
            "STORE_NAME b",
            "STORE_NAME c"
        ]
    );
}

#[test]
fn scopes_pick_the_right_opcodes() {
    let src = "def f(a, b):\n    global g\n    x = a\n    g = len(x)\n    \
               def inner():\n        return a + x\n    return inner\n";
    let code = compile(src);
    let f = nested(&code, 0);
    let fc = code_of(&f);
    assert_eq!(strs(&fc.varnames), ["a", "b", "inner"]);
    assert_eq!(strs(&fc.cellvars), ["a", "x"]);
    assert_eq!(fc.cell2arg, [Some(0), None]);
    assert_eq!(fc.flags, flags::OPTIMIZED | flags::NEWLOCALS);
    assert_eq!(fc.argcount, 2);
    let o = ops(&f);
    assert_eq!(o[0], "LOAD_DEREF 0");
    assert_eq!(o[1], "STORE_DEREF 1");
    assert!(o.contains(&"LOAD_GLOBAL len".to_string()));
    assert!(o.contains(&"STORE_GLOBAL g".to_string()));
    assert!(o.contains(&"LOAD_CLOSURE 0".to_string()));
    assert!(o.contains(&"MAKE_FUNCTION 8".to_string()));
    let inner = nested(&f, 0);
    let ic = code_of(&inner);
    assert_eq!(strs(&ic.freevars), ["a", "x"]);
    assert_eq!(
        string::as_str(&ic.qualname).as_deref(),
        Some("f.<locals>.inner")
    );
    assert_eq!(
        ic.flags,
        flags::OPTIMIZED | flags::NEWLOCALS | flags::NESTED
    );
    assert_eq!(ops(&inner)[..2], ["LOAD_DEREF 0", "LOAD_DEREF 1"]);
    // A name declared global uses GLOBAL ops even at module level (python3's dis).
    assert_eq!(ops(&compile("global q\nq = 1\n"))[1], "STORE_GLOBAL q");
    assert_eq!(ops(&compile("q = 1\n"))[1], "STORE_NAME q");
}

#[test]
fn make_function_operands() {
    let code = compile("def f(a, b=1, *c, d=2, e, **k) -> int:\n    pass\n");
    assert_eq!(
        ops(&code)[..9],
        [
            "LOAD_CONST (1,)",
            "LOAD_CONST 'd'",
            "LOAD_CONST 2",
            "BUILD_MAP 1",
            "LOAD_CONST 'return'",
            "LOAD_NAME int",
            "BUILD_MAP 1",
            "LOAD_CONST <code>",
            "MAKE_FUNCTION 7",
        ]
    );
    let f = nested(&code, 0);
    let fc = code_of(&f);
    assert_eq!(strs(&fc.varnames), ["a", "b", "d", "e", "c", "k"]);
    assert_eq!((fc.argcount, fc.kwonlyargcount), (2, 2));
    assert_ne!(fc.flags & flags::VARARGS, 0);
    assert_ne!(fc.flags & flags::VARKEYWORDS, 0);
    // Decorators: evaluated first, applied innermost first.
    assert_eq!(
        ops(&compile("@d1\n@d2\ndef f(): pass\n"))[..8],
        [
            "PUSH_NULL 0",
            "LOAD_NAME d1",
            "PUSH_NULL 0",
            "LOAD_NAME d2",
            "LOAD_CONST <code>",
            "MAKE_FUNCTION 0",
            "CALL 1",
            "CALL 1"
        ]
    );
    // Docstring is consts[0] of the function; lambdas have None there.
    let f = nested(&compile("def f():\n    'doc'\n    return 1\n"), 0);
    assert_eq!(const_repr(&code_of(&f).consts[0]), "'doc'");
    let l = nested(&compile("f = lambda x: x\n"), 0);
    assert_eq!(const_repr(&code_of(&l).consts[0]), "None");
    assert_eq!(
        string::as_str(&code_of(&l).name).as_deref(),
        Some("<lambda>")
    );
}

#[test]
fn comprehensions_are_nested_functions() {
    let code = compile("def f(n):\n    return [x * n for x in range(n) if x]\n");
    let f = nested(&code, 0);
    assert_eq!(
        ops(&f)[..8],
        [
            "LOAD_CLOSURE 0",
            "BUILD_TUPLE 1",
            "LOAD_CONST <code>",
            "MAKE_FUNCTION 8",
            "PUSH_NULL 0",
            "LOAD_GLOBAL range",
            "LOAD_DEREF 0",
            "CALL 1",
        ]
    );
    assert_eq!(ops(&f)[8..11], ["GET_ITER 0", "CALL 0", "RETURN_VALUE 0"]);
    let comp = nested(&f, 0);
    let cc = code_of(&comp);
    assert_eq!(strs(&cc.varnames), [".0", "x"]);
    assert_eq!(cc.argcount, 1);
    assert_eq!(
        string::as_str(&cc.qualname).as_deref(),
        Some("f.<locals>.<listcomp>")
    );
    assert_eq!(
        ops(&comp),
        [
            "BUILD_LIST 0",
            "LOAD_FAST .0",
            "FOR_ITER 11",
            "STORE_FAST x",
            "LOAD_FAST x",
            "POP_JUMP_IF_FALSE 10",
            "LOAD_FAST x",
            "LOAD_DEREF 0",
            "BINARY_OP 5",
            "LIST_APPEND 2",
            "JUMP 2",
            "RETURN_VALUE 0",
        ]
    );
    assert_eq!(cc.max_stack, 4);
    let d = nested(&compile("d = {k: v for k, v in x for y in k}\n"), 0);
    assert!(ops(&d).contains(&"MAP_ADD 3".to_string()));
}

#[test]
fn try_except_table() {
    let code = compile("try:\n    a()\nexcept E as e:\n    b()\nprint(1)\n");
    let c = code_of(&code);
    let o = ops(&code);
    assert_eq!(
        o[..7],
        [
            "PUSH_NULL 0",
            "LOAD_NAME a",
            "CALL 0",
            "POP_TOP 0",
            "JUMP 27",
            "PUSH_EXC_INFO 0",
            "LOAD_NAME E"
        ]
    );
    assert_eq!(
        o[7..29],
        [
            "CHECK_EXC_MATCH 0",
            "POP_JUMP_IF_FALSE 23",
            "STORE_NAME e",
            "PUSH_NULL 0",
            "LOAD_NAME b",
            "CALL 0",
            "POP_TOP 0",
            "POP_EXCEPT 0",
            "LOAD_CONST None",
            "STORE_NAME e",
            "DELETE_NAME e",
            "JUMP 27",
            // N: an exception out of the handler body clears the name.
            "LOAD_CONST None",
            "STORE_NAME e",
            "DELETE_NAME e",
            "RERAISE 0",
            // No clause matched.
            "RERAISE 0",
            // C: restore the previously handled exception, propagate.
            "SWAP 2",
            "POP_EXCEPT 0",
            "RERAISE 0",
            "PUSH_NULL 0",
            "LOAD_NAME print",
        ]
    );
    let e = |start, end, target, depth| ExceptEntry {
        start,
        end,
        target,
        depth,
    };
    assert_eq!(
        c.exception_table,
        [
            e(0, 4, 5, 0),
            e(5, 10, 24, 1),
            e(10, 14, 19, 1),
            e(19, 24, 24, 1)
        ]
    );
    // python3: co_stacksize 4 (CPython's cleanup handlers also push lasti).
    assert_eq!(c.max_stack, 4);
}

#[test]
fn finally_runs_on_every_exit() {
    let code = compile(
        "def f(x):\n    for i in x:\n        try:\n            if i: return i\n            \
         break\n        finally:\n            g()\n",
    );
    let f = nested(&code, 0);
    let o = ops(&f);
    // return i: the value is kept while the finally body runs, then the iterator goes;
    // the return itself is outside the finally handler.
    let ret = o
        .iter()
        .rposition(|s| s == "LOAD_FAST i")
        .expect("return value");
    assert_eq!(
        o[ret..ret + 8],
        [
            "LOAD_FAST i",
            "PUSH_NULL 0",
            "LOAD_GLOBAL g",
            "CALL 0",
            "POP_TOP 0",
            "SWAP 2",
            "POP_TOP 0",
            "RETURN_VALUE 0"
        ]
    );
    let fc = code_of(&f);
    // Try body, handler at depth 1 (the iterator), cleanup at depth 2.
    assert!(fc.exception_table.iter().any(|e| e.depth == 1));
    assert!(fc.exception_table.iter().any(|e| e.depth == 2));
    let covered = |i: usize| fc.handler_for(i as u32).is_some();
    assert!(!covered(ret + 7));
    assert!(covered(ret - 1));
    // iterator, prev, exc, NULL, g in the exceptional finally path.
    assert_eq!(fc.max_stack, 5);
}

#[test]
fn conditions_and_comparisons() {
    let ops_of = |s: &str| ops(&compile(s));
    assert_eq!(
        ops_of("x = a < b < c\n")[..12],
        [
            "LOAD_NAME a",
            "LOAD_NAME b",
            "SWAP 2",
            "COPY 2",
            "COMPARE_OP 0",
            "JUMP_IF_FALSE_OR_POP 9",
            "LOAD_NAME c",
            "COMPARE_OP 0",
            "JUMP 11",
            "SWAP 2",
            "POP_TOP 0",
            "STORE_NAME x"
        ]
    );
    assert_eq!(
        ops_of("x = a and b or c\n")[..6],
        [
            "LOAD_NAME a",
            "JUMP_IF_FALSE_OR_POP 3",
            "LOAD_NAME b",
            "JUMP_IF_TRUE_OR_POP 5",
            "LOAD_NAME c",
            "STORE_NAME x"
        ]
    );
    assert_eq!(ops_of("x = a is not b\n")[2], "IS_OP 1");
    assert_eq!(
        ops_of("assert a, m\n")[..7],
        [
            "LOAD_NAME a",
            "POP_JUMP_IF_TRUE 7",
            "PUSH_NULL 0",
            "LOAD_ASSERTION_ERROR 0",
            "LOAD_NAME m",
            "CALL 1",
            "RAISE_VARARGS 1"
        ]
    );
    assert_eq!(
        ops_of("x = (y := 2)\n")[..4],
        ["LOAD_CONST 2", "COPY 1", "STORE_NAME y", "STORE_NAME x"]
    );
}

#[test]
fn fstrings_imports_annotations() {
    let ops_of = |s: &str| ops(&compile(s));
    assert_eq!(
        ops_of("x = f'a{b!r:>{w}}'\n")[..7],
        [
            "LOAD_CONST 'a'",
            "LOAD_NAME b",
            "LOAD_CONST '>'",
            "LOAD_NAME w",
            "FORMAT_VALUE 0",
            "BUILD_STRING 2",
            "FORMAT_VALUE 6"
        ]
    );
    assert_eq!(
        ops_of("x = f'{b=}'\n")[..4],
        [
            "LOAD_CONST 'b='",
            "LOAD_NAME b",
            "FORMAT_VALUE 2",
            "BUILD_STRING 2"
        ]
    );
    assert_eq!(
        ops_of("import a.b\nfrom m import x, y as z\n")[..12],
        [
            "LOAD_CONST 0",
            "LOAD_CONST None",
            "IMPORT_NAME a.b",
            "STORE_NAME a",
            "LOAD_CONST 0",
            "LOAD_CONST ('x', 'y')",
            "IMPORT_NAME m",
            "IMPORT_FROM x",
            "STORE_NAME x",
            "IMPORT_FROM y",
            "STORE_NAME z",
            "POP_TOP 0"
        ]
    );
    assert_eq!(ops_of("from . import *\n")[3], "IMPORT_STAR 0");
    assert_eq!(
        ops_of("x: int = 1\n")[..6],
        [
            "SETUP_ANNOTATIONS 0",
            "LOAD_CONST 1",
            "STORE_NAME x",
            "LOAD_NAME int",
            "LOAD_NAME __annotations__",
            "LOAD_CONST 'x'"
        ]
    );
    // In a function the annotation of a simple name is not evaluated.
    let f = nested(&compile("def f():\n    x: undefined = 1\n"), 0);
    assert_eq!(ops(&f)[..2], ["LOAD_CONST 1", "STORE_FAST x"]);
}

#[test]
fn interactive_prints_expressions() {
    let m = parse_interactive("1 + a\n", "<stdin>").expect("parses");
    let code = compile_interactive(&m, "<stdin>").expect("compiles");
    assert_eq!(
        ops(&code)[..4],
        ["LOAD_CONST 1", "LOAD_NAME a", "BINARY_OP 0", "PRINT_EXPR 0"]
    );
}

#[test]
fn compile_errors_carry_python3_messages() {
    // Messages and positions from python3's compile().
    let e = compile_err("f(a=1, b=2, a=3)\n");
    assert_eq!(e.msg, "keyword argument repeated: a");
    assert_eq!((e.lineno, e.offset, e.end_offset), (1, 13, 16));
    let e = compile_err("x = *a\n");
    assert_eq!(e.msg, "can't use starred expression here");
    assert_eq!((e.offset, e.end_offset), (5, 7));
    let e = compile_err("*a, *b = c\n");
    assert_eq!(e.msg, "multiple starred expressions in assignment");
    assert_eq!((e.offset, e.end_offset), (1, 7));
    // Where a yield cannot be (python3's messages and offsets).
    for (src, msg, pos) in [
        ("yield from a\n", "'yield' outside function", (1, 1, 13)),
        (
            "def f():\n    return [(yield) for x in y]\n",
            "'yield' inside list comprehension",
            (2, 14, 19),
        ),
        (
            "def f():\n    x = {(yield x): 1 for x in y}\n",
            "'yield' inside dict comprehension",
            (2, 11, 18),
        ),
    ] {
        let e = compile_err(src);
        assert_eq!(e.msg, msg);
        assert_eq!((e.lineno, e.offset, e.end_offset), pos);
    }
    // With the source at hand, the text and character offsets are filled in.
    match compile_source("x = 'é' + (yield)\n", "t.py") {
        Err(CompileError::Syntax(e)) => {
            assert_eq!(e.text.as_deref(), Some("x = 'é' + (yield)"));
            assert_eq!(e.offset, 12);
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
}

#[test]
fn break_continue_and_while() {
    let code = compile("while a:\n    if b: continue\n    break\nelse:\n    c = 1\n");
    assert_eq!(
        ops(&code)[..6],
        [
            "LOAD_NAME a",
            "POP_JUMP_IF_FALSE 7",
            "LOAD_NAME b",
            "POP_JUMP_IF_FALSE 5",
            "JUMP 0",
            "JUMP 9",
        ]
    );
    assert_eq!(ops(&code)[7..9], ["LOAD_CONST 1", "STORE_NAME c"]);
}

#[test]
fn syntax_warnings_like_python3() {
    // Each source and the warning `python3 -W always` printed for it.
    let cases: &[(&str, &str, u32)] = &[
        (
            "x is 1000\n",
            "\"is\" with a literal. Did you mean \"==\"?",
            1,
        ),
        (
            "x is not ()\n",
            "\"is not\" with a literal. Did you mean \"!=\"?",
            1,
        ),
        (
            "x is -1\n",
            "\"is\" with a literal. Did you mean \"==\"?",
            1,
        ),
        (
            "(1, 2)(3)\n",
            "'tuple' object is not callable; perhaps you missed a comma?",
            1,
        ),
        (
            "\"a\"()\n",
            "'str' object is not callable; perhaps you missed a comma?",
            1,
        ),
        (
            "[1](2)\n",
            "'list' object is not callable; perhaps you missed a comma?",
            1,
        ),
        (
            "f\"{x}\"()\n",
            "'str' object is not callable; perhaps you missed a comma?",
            1,
        ),
        (
            "{1:2}()\n",
            "'dict' object is not callable; perhaps you missed a comma?",
            1,
        ),
        (
            "assert (x, \"m\")\n",
            "assertion is always true, perhaps remove parentheses?",
            1,
        ),
        (
            "assert (1, 2)\n",
            "assertion is always true, perhaps remove parentheses?",
            1,
        ),
        (
            "[1,2][\"a\"]\n",
            "list indices must be integers or slices, not str; perhaps you missed a comma?",
            1,
        ),
        (
            "1[0]\n",
            "'int' object is not subscriptable; perhaps you missed a comma?",
            1,
        ),
        (
            "\"ab\"[1.0]\n",
            "str indices must be integers or slices, not float; perhaps you missed a comma?",
            1,
        ),
        (
            "(x,)[1.5]\n",
            "tuple indices must be integers or slices, not float; perhaps you missed a comma?",
            1,
        ),
        (
            "x = lambda: 0\n(lambda: 0)[0]\n",
            "'function' object is not subscriptable; perhaps you missed a comma?",
            2,
        ),
        (
            "{1}[0]\n",
            "'set' object is not subscriptable; perhaps you missed a comma?",
            1,
        ),
        (
            "None[0]\n",
            "'NoneType' object is not subscriptable; perhaps you missed a comma?",
            1,
        ),
        (
            "x = 1\nif x is 1:\n  pass\n",
            "\"is\" with a literal. Did you mean \"==\"?",
            2,
        ),
    ];
    for (src, msg, line) in cases {
        let m = parse_module(src, "w.py").expect("parses");
        let mut w = Vec::new();
        compile_module_warn(&m, "w.py", &mut w).expect("compiles");
        assert_eq!(
            w,
            [CompileWarning {
                message: msg.to_string(),
                lineno: *line
            }],
            "{src}"
        );
    }
    // No warning from python3 for these.
    for src in [
        "x is None\n",
        "assert ()\n",
        "a[1:2]\n",
        "\"abc\"[True]\n",
        "[1][\"a\":]\n",
        "(1,2)[a]\n",
    ] {
        let m = parse_module(src, "w.py").expect("parses");
        let mut w = Vec::new();
        compile_module_warn(&m, "w.py", &mut w).expect("compiles");
        assert!(w.is_empty(), "{src}: {w:?}");
    }
    let w = CompileWarning {
        message: "m".into(),
        lineno: 2,
    };
    assert_eq!(
        w.render("/d/w.py", Some("x\n    y is 1\n")),
        "/d/w.py:2: SyntaxWarning: m\n  y is 1\n"
    );
}

fn qualname_of(code: &PyObj) -> String {
    string::as_str(&code_of(code).qualname)
        .expect("str")
        .into_owned()
}

#[test]
fn class_statement_calls_build_class() {
    // Shapes from python3 3.11's dis (less PRECALL / RESUME / CACHE; decorators as
    // glasspy's function decorators: PUSH_NULL before, CALL 1 after).
    let code = compile("@d\nclass A(B, metaclass=M):\n    x = 1\n");
    assert_eq!(
        ops(&code),
        [
            "PUSH_NULL 0",
            "LOAD_NAME d",
            "PUSH_NULL 0",
            "LOAD_BUILD_CLASS 0",
            "LOAD_CONST <code>",
            "MAKE_FUNCTION 0",
            "LOAD_CONST 'A'",
            "LOAD_NAME B",
            "LOAD_NAME M",
            "KW_NAMES ('metaclass',)",
            "CALL 4",
            "CALL 1",
            "STORE_NAME A",
            "LOAD_CONST None",
            "RETURN_VALUE 0"
        ]
    );
    let body = nested(&code, 0);
    assert_eq!(
        ops(&body),
        [
            "LOAD_NAME __name__",
            "STORE_NAME __module__",
            "LOAD_CONST 'A'",
            "STORE_NAME __qualname__",
            "LOAD_CONST 1",
            "STORE_NAME x",
            "LOAD_CONST None",
            "RETURN_VALUE 0"
        ]
    );
    let bc = code_of(&body);
    // A class body runs in a namespace dict: no fast locals, no NEWLOCALS.
    assert_eq!(
        bc.flags & (flags::OPTIMIZED | flags::NEWLOCALS | flags::NESTED),
        0
    );
    assert_eq!(bc.argcount, 0);
    // co_firstlineno is the first decorator's line (python3: 1).
    assert_eq!(bc.firstlineno, 1);
    // Star-args: BUILD_LIST 2 over (body function, name), then CALL_FUNCTION_EX.
    let code = compile("class A(*b, **k): pass\n");
    assert_eq!(
        ops(&code)[..13],
        [
            "PUSH_NULL 0",
            "LOAD_BUILD_CLASS 0",
            "LOAD_CONST <code>",
            "MAKE_FUNCTION 0",
            "LOAD_CONST 'A'",
            "BUILD_LIST 2",
            "LOAD_NAME b",
            "LIST_EXTEND 1",
            "LIST_TO_TUPLE 0",
            "BUILD_MAP 0",
            "LOAD_NAME k",
            "DICT_MERGE 1",
            "CALL_FUNCTION_EX 1",
        ]
    );
    let code = compile("class A(B, **k): pass\n");
    assert_eq!(
        ops(&code)[5..8],
        ["LOAD_NAME B", "BUILD_TUPLE 3", "BUILD_MAP 0"]
    );
    let e = compile_err("class A(x=1, x=2): pass\n");
    assert_eq!(e.msg, "keyword argument repeated: x");
}

#[test]
fn class_body_docstring_annotations_and_classcell() {
    let code = compile(
        "class A:\n    'doc'\n    __p: int = 1\n    def m(self):\n        return super().m()\n",
    );
    let body = nested(&code, 0);
    assert_eq!(
        ops(&body),
        [
            "LOAD_NAME __name__",
            "STORE_NAME __module__",
            "LOAD_CONST 'A'",
            "STORE_NAME __qualname__",
            "SETUP_ANNOTATIONS 0",
            "LOAD_CONST 'doc'",
            "STORE_NAME __doc__",
            "LOAD_CONST 1",
            "STORE_NAME _A__p",
            "LOAD_NAME int",
            "LOAD_NAME __annotations__",
            "LOAD_CONST '_A__p'",
            "STORE_SUBSCR 0",
            "LOAD_CLOSURE 0",
            "BUILD_TUPLE 1",
            "LOAD_CONST <code>",
            "MAKE_FUNCTION 8",
            "STORE_NAME m",
            // The implicit __class__ cell goes to type() as __classcell__.
            "LOAD_CLOSURE 0",
            "COPY 1",
            "STORE_NAME __classcell__",
            "RETURN_VALUE 0"
        ]
    );
    let bc = code_of(&body);
    assert_eq!(strs(&bc.cellvars), ["__class__"]);
    assert!(bc.freevars.is_empty());
    let m = nested(&body, 0);
    assert_eq!(strs(&code_of(&m).freevars), ["__class__"]);
    assert_eq!(qualname_of(&m), "A.m");
    // `__class__` itself also asks for the cell; a plain method does not.
    let code = compile("class A:\n    def m(self): return __class__\n");
    let body = nested(&code, 0);
    assert_eq!(strs(&code_of(&body).cellvars), ["__class__"]);
    assert_eq!(ops(&nested(&body, 0))[0], "LOAD_DEREF 0");
    let code = compile("class A:\n    def m(self): return 1\n");
    let body = nested(&code, 0);
    assert!(code_of(&body).cellvars.is_empty());
    assert_eq!(ops(&body)[ops(&body).len() - 2], "LOAD_CONST None");
}

#[test]
fn class_scopes_as_cpython() {
    // Class-local names use NAME ops; a free name of the class body is looked up
    // in the namespace first (LOAD_CLASSDEREF); methods skip the class scope.
    let code = compile(
        "def f():\n    y = 1\n    z = 2\n    class A:\n        print(y)\n        z = 3\n        \
         def m(self): return z\n    return A\n",
    );
    let f = nested(&code, 0);
    assert_eq!(strs(&code_of(&f).cellvars), ["y", "z"]);
    let body = nested(&f, 0);
    let bc = code_of(&body);
    // `z` passes through the class (bound there too) to the method's closure.
    assert_eq!(strs(&bc.freevars), ["y", "z"]);
    assert_eq!(qualname_of(&body), "f.<locals>.A");
    let o = ops(&body);
    assert_eq!(
        o[4..8],
        [
            "PUSH_NULL 0",
            "LOAD_NAME print",
            "LOAD_CLASSDEREF 0",
            "CALL 1"
        ]
    );
    assert!(o.contains(&"STORE_NAME z".to_string()));
    assert!(o.contains(&"LOAD_CLOSURE 1".to_string()));
    let m = nested(&body, 0);
    assert_eq!(ops(&m)[0], "LOAD_DEREF 0");
    assert_eq!(strs(&code_of(&m).freevars), ["z"]);
    // Only functions get NESTED (python3: f.<locals>.C 0, its method 19).
    assert_eq!(bc.flags & flags::NESTED, 0);
    assert_ne!(code_of(&m).flags & flags::NESTED, 0);
    // A method of a module-level class is not nested; class names are invisible.
    let code = compile("class A:\n    x = 1\n    def m(self): return x\n");
    let m = nested(&nested(&code, 0), 0);
    assert_eq!(code_of(&m).flags & flags::NESTED, 0);
    assert_eq!(ops(&m)[0], "LOAD_GLOBAL x");
    // global / nonlocal in a class body.
    let code = compile(
        "def f():\n    n = 0\n    class A:\n        global g\n        nonlocal n\n        \
         g = 1\n        n = 2\n        del g\n",
    );
    let o = ops(&nested(&nested(&code, 0), 0));
    assert!(o.contains(&"STORE_GLOBAL g".to_string()));
    assert!(o.contains(&"STORE_DEREF 0".to_string()));
    assert!(o.iter().any(|s| s.starts_with("DELETE_GLOBAL")));
}

#[test]
fn qualnames_as_cpython() {
    // Every co_qualname below is python3's for the same source.
    let code = compile(
        "class A:\n    def m(self):\n        return lambda: [x for x in self]\n    \
         class B:\n        def m(self): pass\ndef f():\n    class C:\n        def g(self):\n            \
         def h(): pass\n            return h\n    return C\ndef k():\n    global G\n    \
         class G:\n        def m(self): pass\n[[x for x in y] for y in z]\n",
    );
    let mut seen = Vec::new();
    let mut stack = vec![code];
    while let Some(c) = stack.pop() {
        let kids: Vec<PyObj> = code_of(&c)
            .consts
            .iter()
            .filter(|k| k.borrow::<Code>().is_ok())
            .cloned()
            .collect();
        for k in kids.into_iter().rev() {
            seen.push(qualname_of(&k));
            stack.push(k);
        }
    }
    seen.sort();
    let mut want = [
        "A",
        "A.m",
        "A.m.<locals>.<lambda>",
        "A.m.<locals>.<lambda>.<locals>.<listcomp>",
        "A.B",
        "A.B.m",
        "f",
        "f.<locals>.C",
        "f.<locals>.C.g",
        "f.<locals>.C.g.<locals>.h",
        "k",
        "G",
        "G.m",
        "<listcomp>",
        "<listcomp>.<listcomp>",
    ];
    want.sort();
    assert_eq!(seen, want);
}

#[test]
fn private_names_are_mangled() {
    // python3: co_names / co_varnames of the same source.
    let code = compile(
        "class A:\n    __x = 1\n    def __m(self, __p):\n        import __q\n        \
         self.__y = __p + __z + self.__dict__\n        return f(__k=1)\n",
    );
    let body = nested(&code, 0);
    let o = ops(&body);
    assert!(o.contains(&"STORE_NAME _A__x".to_string()));
    assert!(o.contains(&"STORE_NAME _A__m".to_string()));
    let m = nested(&body, 0);
    let mc = code_of(&m);
    assert_eq!(strs(&mc.varnames), ["self", "_A__p", "_A__q"]);
    assert_eq!(string::as_str(&mc.name).as_deref(), Some("__m"));
    assert_eq!(qualname_of(&m), "A.__m");
    let o = ops(&m);
    assert!(o.contains(&"IMPORT_NAME _A__q".to_string()));
    assert!(o.contains(&"STORE_ATTR _A__y".to_string()));
    assert!(o.contains(&"LOAD_GLOBAL _A__z".to_string()));
    assert!(o.contains(&"LOAD_ATTR __dict__".to_string()));
    // Keyword argument names are not mangled.
    assert!(o.contains(&"KW_NAMES ('__k',)".to_string()));
    // Outside a class nothing changes; a class named `_` mangles nothing.
    assert!(ops(&compile("__x = 1\n")).contains(&"STORE_NAME __x".to_string()));
    let body = nested(&compile("class _:\n    __x = 1\n"), 0);
    assert!(ops(&body).contains(&"STORE_NAME __x".to_string()));
}

#[test]
fn with_statement_shape_and_table() {
    let code = compile("with a as b:\n    c()\n");
    let c = code_of(&code);
    assert_eq!(
        ops(&code),
        [
            "LOAD_NAME a",
            "BEFORE_WITH 0",
            "STORE_NAME b",
            "PUSH_NULL 0",
            "LOAD_NAME c",
            "CALL 0",
            "POP_TOP 0",
            // Normal exit: the bound __exit__ sits where a method would.
            "LOAD_CONST None",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "CALL 2",
            "POP_TOP 0",
            "JUMP 23",
            // H: (exit, exc).
            "PUSH_EXC_INFO 0",
            "WITH_EXCEPT_START 0",
            "POP_JUMP_IF_TRUE 20",
            "RERAISE 0",
            // C: (exit, prev, exc).
            "SWAP 2",
            "POP_EXCEPT 0",
            "RERAISE 0",
            // Suppressed: drop exc, restore prev, drop exit.
            "POP_TOP 0",
            "POP_EXCEPT 0",
            "POP_TOP 0",
            "LOAD_CONST None",
            "RETURN_VALUE 0",
        ]
    );
    let e = |start, end, target, depth| ExceptEntry {
        start,
        end,
        target,
        depth,
    };
    // As python3's table (its lasti entries carry one item more): the target store
    // and body under H at depth 1, the handler under C at depth 2.
    assert_eq!(
        c.exception_table,
        [e(2, 7, 13, 1), e(13, 17, 17, 2), e(20, 21, 17, 2)]
    );
    assert_eq!(c.max_stack, 4);
}

#[test]
fn with_exits_on_return_break_continue() {
    // python3 3.11's dis of the same function: the return value goes below the
    // exit (SWAP 2), exit(None, None, None) runs, then the loop's iterator goes.
    let code = compile(
        "def f(x):\n    for i in x:\n        with a as (p, q), b:\n            if i: return g()\n            \
         if p: break\n            continue\n",
    );
    let f = nested(&code, 0);
    let o = ops(&f);
    let ret = o.iter().position(|s| s == "LOAD_GLOBAL g").expect("g") + 2;
    assert_eq!(
        o[ret..ret + 16],
        [
            "SWAP 2",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "CALL 2",
            "POP_TOP 0",
            "SWAP 2",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "CALL 2",
            "POP_TOP 0",
            "SWAP 2",
            "POP_TOP 0",
            "RETURN_VALUE 0",
            "LOAD_FAST p",
        ]
    );
    // break: both exits, the iterator popped, then the jump out; continue: both
    // exits and the jump back to FOR_ITER.
    let brk = ret + 17;
    assert_eq!(
        o[brk..brk + 5],
        [
            "LOAD_CONST None",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "CALL 2",
            "POP_TOP 0"
        ]
    );
    let out = o[2].replace("FOR_ITER", "JUMP");
    assert_eq!(o[brk + 10..brk + 12], ["POP_TOP 0", out.as_str()]);
    assert_eq!(o[brk + 22], "JUMP 2");
    let fc = code_of(&f);
    // The unwinding code runs outside the with handlers; the bodies are inside
    // (depth 2: iterator + first exit; depth 3 for the second item).
    assert!(fc.handler_for(ret as u32).is_some_and(|h| h.depth == 2));
    assert!(fc.handler_for(ret as u32 + 6).is_none());
    assert!(fc.exception_table.iter().any(|e| e.depth == 3));
    assert!(o.contains(&"UNPACK_SEQUENCE 2".to_string()));
}

#[test]
fn generators() {
    // A yield anywhere (even unreachable) makes a generator; CPython 3.11's flags.
    let code = compile("def g(a):\n    if 0:\n        yield\n");
    let f = nested(&code, 0);
    let fc = code_of(&f);
    assert_eq!(
        fc.flags,
        flags::OPTIMIZED | flags::NEWLOCALS | flags::GENERATOR | flags::NOFREE
    );
    let code = compile("def g(a):\n    r = yield a\n    yield from r\n");
    let f = nested(&code, 0);
    let fc = code_of(&f);
    assert_eq!(
        ops(&f),
        [
            "LOAD_FAST a",
            "YIELD_VALUE 0",
            "STORE_FAST r",
            "LOAD_FAST r",
            "GET_YIELD_FROM_ITER 0",
            "LOAD_CONST None",
            "SEND 9",
            "YIELD_VALUE 0",
            "JUMP 6",
            "POP_TOP 0",
            "LOAD_CONST None",
            "RETURN_VALUE 0",
        ]
    );
    // python3: co_stacksize 2 for this function.
    assert_eq!(fc.max_stack, 2);
    // A generator expression: its own <genexpr> code, called with iter(first iterable).
    let code = compile("g = (x * 2 for x in a)\n");
    assert_eq!(
        ops(&code)[..5],
        [
            "LOAD_CONST <code>",
            "MAKE_FUNCTION 0",
            "LOAD_NAME a",
            "GET_ITER 0",
            "CALL 0",
        ]
    );
    let g = nested(&code, 0);
    let gc = code_of(&g);
    assert_eq!(string::as_str(&gc.name).unwrap(), "<genexpr>");
    assert_eq!(
        gc.flags,
        flags::OPTIMIZED | flags::NEWLOCALS | flags::GENERATOR | flags::NOFREE
    );
    // python3: co_stacksize 3, co_nlocals 2 (.0 and x).
    assert_eq!((gc.max_stack, gc.nlocals()), (3, 2));
    // python3: co_stacksize 4 for try/finally and for try/except-as.
    for src in [
        "try:\n    a()\nfinally:\n    b()\n",
        "def f():\n  try:\n    yield [1, 2, (yield 3)]\n  except Exception:\n    pass\n",
    ] {
        let code = compile(src);
        let c = match code_of(&code)
            .consts
            .iter()
            .find(|k| k.borrow::<Code>().is_ok())
        {
            Some(f) => f.clone(),
            None => code.clone(),
        };
        assert_eq!(code_of(&c).max_stack, 4, "{src}");
    }
}
