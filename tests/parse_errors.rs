//! Error suite: each tests/syntax_errors/NAME.py must fail with the type, line, offsets
//! and rendered stderr python3 gave (NAME.expected, made by scripts/regen_syntax_errors.py).

use glasspy::parser::parse_module;

#[test]
fn syntax_errors_match_cpython() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax_errors");
    let mut n = 0;
    let mut failures = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    for path in names {
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let src = std::fs::read_to_string(&path).expect("source");
        let expected =
            std::fs::read_to_string(path.with_extension("expected")).expect("expected file");
        let (head, stderr) = expected.split_once('\n').expect("header line");
        n += 1;
        let err = match parse_module(&src, &format!("<dir>/{name}")) {
            Ok(_) => {
                failures.push(format!("{name}: parsed, python3 said\n{stderr}"));
                continue;
            }
            Err(e) => e,
        };
        let got_head = format!(
            "{} {} {} {} {}",
            err.kind.name(),
            err.lineno,
            err.offset,
            err.end_lineno,
            err.end_offset
        );
        let rendered = err.render();
        if got_head != head || rendered != stderr {
            failures.push(format!(
                "{name}:\n  want {head}\n  got  {got_head}\n--- want\n{stderr}--- got\n{rendered}"
            ));
        }
    }
    assert!(n >= 38, "error cases found: {n}");
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
