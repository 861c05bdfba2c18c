//! Disassembly smoke tests and a `DIS_FILE` hook to print any file's disassembly.

use glasspy::compiler::compile_source;
use glasspy::dis::disassemble;

#[test]
fn dis_file_from_env() {
    // `DIS_FILE=path cargo test --test compiler_dis -- --nocapture` prints a file.
    let src = match std::env::var("DIS_FILE") {
        Ok(p) => std::fs::read_to_string(p).expect("DIS_FILE readable"),
        Err(_) => "def f(a, *b, c=1, **d):\n    return a(*b, c=c, **d)\n".to_string(),
    };
    let code = compile_source(&src, "t.py").unwrap_or_else(|e| panic!("{e}"));
    let text = disassemble(&code);
    println!("{text}");
    assert!(text.contains("MAKE_FUNCTION"));
}

#[test]
fn layout_follows_python3_dis() {
    // Column layout of python3's `dis` (line, marker, offset, opname padded to 20,
    // arg right-aligned in 5, argrepr in parentheses), offsets being indices here.
    let code = compile_source("x = 1\nfor i in x:\n    pass\n", "t.py").expect("compiles");
    let text = disassemble(&code);
    let want = "  1           0 LOAD_CONST               0 (1)\n\
                \x20             1 STORE_NAME               0 (x)\n\
                \n\
                \x20 2           2 LOAD_NAME                0 (x)\n\
                \x20             3 GET_ITER\n\
                \x20       >>    4 FOR_ITER                 7 (to 7)\n\
                \x20             5 STORE_NAME               1 (i)\n\
                \x20             6 JUMP                     4 (to 4)\n\
                \x20       >>    7 LOAD_CONST               1 (None)\n\
                \x20             8 RETURN_VALUE\n";
    assert_eq!(text, want);
    let code = compile_source("def f(a):\n    return a\n", "t.py").expect("compiles");
    let text = disassemble(&code);
    assert!(text.contains("\nDisassembly of <code object f at 0x"));
    assert!(text.contains(", file \"t.py\", line 1>:\n  2           0 LOAD_FAST"));
}

#[test]
fn class_and_with_opcodes_disassemble() {
    let src =
        "def f():\n    y = 1\n    class A:\n        print(y)\n    with A() as a:\n        pass\n";
    let code = compile_source(src, "t.py").expect("compiles");
    let text = disassemble(&code);
    let line = |op: &str| -> Vec<String> {
        text.lines()
            .find(|l| l.split_whitespace().any(|w| w == op))
            .unwrap_or_else(|| panic!("{op} missing in\n{text}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    // The cell's name is shown; the no-argument opcodes print no operand.
    assert_eq!(
        line("LOAD_CLASSDEREF")[1..],
        ["LOAD_CLASSDEREF", "0", "(y)"]
    );
    assert_eq!(
        line("LOAD_BUILD_CLASS").last().map(String::as_str),
        Some("LOAD_BUILD_CLASS")
    );
    assert_eq!(
        line("BEFORE_WITH").last().map(String::as_str),
        Some("BEFORE_WITH")
    );
    assert_eq!(
        line("WITH_EXCEPT_START").last().map(String::as_str),
        Some("WITH_EXCEPT_START")
    );
}

#[test]
fn generator_opcodes() {
    // yield and yield from: YIELD_VALUE and GET_YIELD_FROM_ITER print no argument
    // (as python3's dis), SEND shows its jump target.
    let code = compile_source("def g(a):\n    yield from a\n", "t.py").expect("compiles");
    let text = disassemble(&code);
    let body = text.split("line 1>:\n").nth(1).expect("g's disassembly");
    let want = "  2           0 LOAD_FAST                0 (a)\n\
                \x20             1 GET_YIELD_FROM_ITER\n\
                \x20             2 LOAD_CONST               0 (None)\n\
                \x20       >>    3 SEND                     6 (to 6)\n\
                \x20             4 YIELD_VALUE\n\
                \x20             5 JUMP                     3 (to 3)\n\
                \x20       >>    6 POP_TOP\n\
                \x20             7 LOAD_CONST               0 (None)\n\
                \x20             8 RETURN_VALUE\n";
    assert_eq!(body, want);
}
