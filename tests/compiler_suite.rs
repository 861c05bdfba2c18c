//! Compiles every file of the parse suite (tests/parse/*.py, valid per python3) and
//! every top-level statement of each on its own: each compiles, or fails only with the
//! documented "... are not supported by glasspy yet" SyntaxError.

use glasspy::compiler::{compile_module, CompileError};
use glasspy::parser::{ast, parse_module};

fn check(m: &ast::Module, what: &str, failures: &mut Vec<String>) -> bool {
    match compile_module(m, "t.py") {
        Ok(_) => true,
        Err(CompileError::Syntax(e)) if e.msg.ends_with("are not supported by glasspy yet") => {
            false
        }
        Err(e) => {
            failures.push(format!("{what}: {e:?}"));
            false
        }
    }
}

#[test]
fn parse_suite_compiles() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parse");
    let mut failures = Vec::new();
    let (mut files, mut compiled) = (0, 0);
    for entry in std::fs::read_dir(dir).expect("tests/parse") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        files += 1;
        let src = std::fs::read_to_string(&path).expect("source");
        let m = parse_module(&src, "t.py").expect("the parse suite parses");
        check(&m, &path.display().to_string(), &mut failures);
        for (i, s) in m.body.into_iter().enumerate() {
            let one = ast::Module { body: vec![s] };
            if check(&one, &format!("{} stmt {i}", path.display()), &mut failures) {
                compiled += 1;
            }
        }
    }
    assert!(files >= 5, "found {files} files");
    assert!(compiled >= 60, "only {compiled} statements compiled");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
