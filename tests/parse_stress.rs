//! Stress: deep nesting, huge expressions and long operator chains end in a clean
//! error or a clean parse (and a clean drop), never a stack overflow.

use glasspy::parser::ast::{ExprKind, StmtKind};
use glasspy::parser::{parse_module, SyntaxErrorKind};

#[test]
fn hundred_thousand_nested_brackets_is_too_many_nested_parentheses() {
    let src = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let e = parse_module(&src, "s.py").expect_err("too deep");
    assert_eq!(e.kind, SyntaxErrorKind::SyntaxError);
    assert_eq!(e.msg, "too many nested parentheses");
    // python3: the 201st bracket is refused (offset 205 for `x = ` + 201 brackets).
    assert_eq!((e.lineno, e.offset), (1, 205));
}

#[test]
fn two_hundred_nested_brackets_parse() {
    let src = format!("x = {}1{}\n", "[".repeat(200), "]".repeat(200));
    let m = parse_module(&src, "s.py").expect("200 levels are allowed");
    assert_eq!(m.body.len(), 1);
}

#[test]
fn fifty_thousand_chained_additions_parse_and_drop() {
    let src = format!("x = {}1\n", "1+".repeat(50_000));
    let m = parse_module(&src, "s.py").expect("a long chain parses");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!("not an assignment")
    };
    // Left-associative: the outermost BinOp's right operand is the last `1`.
    let ExprKind::BinOp { right, .. } = &value.kind else {
        panic!("not a BinOp")
    };
    assert_eq!(right.span.col as usize, 4 + 2 * 50_000);
    drop(m);
}

#[test]
fn long_unary_and_power_chains_parse_and_drop() {
    let src = format!(
        "x = {}1\ny = 2{}\nz = {}x\n",
        "-".repeat(50_000),
        "**2".repeat(50_000),
        "not ".repeat(50_000)
    );
    let m = parse_module(&src, "s.py").expect("parses");
    assert_eq!(m.body.len(), 3);
}

#[test]
fn one_megabyte_expression_parses() {
    let mut src = String::from("x = [");
    while src.len() < 1 << 20 {
        src.push_str("a + 12345 * f(b, 'str'), ");
    }
    src.push_str("]\n");
    let m = parse_module(&src, "s.py").expect("parses");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!("not an assignment")
    };
    let ExprKind::List { elts, .. } = &value.kind else {
        panic!("not a list")
    };
    assert!(elts.len() > 40_000);
}

#[test]
fn one_megabyte_of_unclosed_brackets_is_a_clean_error() {
    let src = "[".repeat(1 << 20);
    let e = parse_module(&src, "s.py").expect_err("too deep");
    assert_eq!(e.msg, "too many nested parentheses");
}

#[test]
fn deep_indentation_is_an_indentation_error() {
    let mut src = String::new();
    for i in 0..5000 {
        src.push_str(&" ".repeat(i));
        src.push_str("if 1:\n");
    }
    src.push_str(&" ".repeat(5000));
    src.push_str("pass\n");
    let e = parse_module(&src, "s.py").expect_err("too deep");
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(e.msg, "too many levels of indentation");
    assert_eq!(e.lineno, 101);
}
