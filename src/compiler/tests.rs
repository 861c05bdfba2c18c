//! Unit tests of code generation: instruction shapes, constants, tables, depths.

use super::*;
use crate::bytecode::{ExceptEntry, Instr};
use crate::parser::parse_module;

fn compile(src: &str) -> PyObj {
    let m = parse_module(src, "t.py").expect("parses");
    compile_module(&m, "t.py").unwrap_or_else(|e| panic!("{e:?}"))
}

/// (opname arg) pairs of a code object.
fn ops(code: &PyObj) -> Vec<String> {
    let c = code.borrow::<Code>().expect("code");
    c.instrs
        .iter()
        .map(|Instr { op, arg }| format!("{} {arg}", op.name()))
        .collect()
}

fn nested(code: &PyObj, i: usize) -> PyObj {
    let c = code.borrow::<Code>().expect("code");
    c.consts
        .iter()
        .filter(|k| k.borrow::<Code>().is_ok())
        .nth(i)
        .expect("nested code")
        .clone()
}

#[test]
fn smoke() {
    let code = compile("x = 1\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_CONST 0",
            "STORE_NAME 0",
            "LOAD_CONST 1",
            "RETURN_VALUE 0"
        ]
    );
}
