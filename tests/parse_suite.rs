//! Parse suite: every file in tests/parse/ (valid per python3's compile()) parses into
//! the AST python3's `ast` gives, compared as dumps (tests/parse/*.dump, made by
//! scripts/regen_syntax_errors.py).

use glasspy::parser::{dump, parse_module};

#[test]
fn parse_files_match_cpython_ast() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parse");
    let mut n = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(dir).expect("tests/parse") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("source");
        let expected = std::fs::read_to_string(path.with_extension("dump")).expect("dump file");
        let expected = expected.lines().nth(1).expect("dump line");
        n += 1;
        match parse_module(&src, "t.py") {
            Ok(m) => {
                let got = dump::dump_module(&m);
                if got != expected {
                    let at = got
                        .bytes()
                        .zip(expected.bytes())
                        .take_while(|(a, b)| a == b)
                        .count();
                    let lo = at.saturating_sub(150);
                    failures.push(format!(
                        "{}: differs at byte {at}\n  got:  {}\n  want: {}",
                        path.display(),
                        &got[lo..(at + 100).min(got.len())],
                        &expected[lo..(at + 100).min(expected.len())]
                    ));
                }
            }
            Err(e) => failures.push(format!("{}: {}", path.display(), e.render())),
        }
    }
    assert!(n >= 5, "parse files found: {n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
