//! Disassembly smoke tests and a `DIS_FILE` hook to print any file's disassembly.

use glasspy::bytecode::disasm::disassemble;
use glasspy::compiler::compile_source;

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
