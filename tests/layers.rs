//! The arrows between the library's rooms point down only (docs/architecture.md):
//!
//! ```text
//!   interpreter, interactive        the embedding API, REPL support
//!   builtins                        the builtins namespace and built-in modules
//!   vm                              the eval loop, frames, calls, generic dispatch
//!   compiler, dis                   code generation; the disassembler
//!   objects                         every Python type, on the heap's safe API
//!   parser, bytecode, error         source -> AST; the opcode table; plain errors
//!   heap (crates/heap)              allocator, headers, handles, collector
//! ```
//!
//! This test reads every source file under src/ and fails on a `crate::<room>` path
//! that points up or sideways (a `use` or an inline path alike), naming the file and
//! line. Unit-test files (`tests.rs`, `*_tests.rs`) may also reach their siblings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The rooms each room may name, besides itself.
fn allowed(room: &str) -> &'static [&'static str] {
    match room {
        "error" | "parser" | "bytecode" => &["heap", "error"],
        "objects" => &["heap", "error", "bytecode"],
        "compiler" => &["heap", "error", "bytecode", "parser", "objects"],
        "dis" => &["heap", "error", "bytecode", "objects"],
        "vm" => &["heap", "error", "bytecode", "parser", "objects", "compiler"],
        "builtins" => &[
            "heap", "error", "bytecode", "parser", "objects", "compiler", "vm", "dis",
        ],
        "interactive" => &["heap", "error", "parser"],
        // lib.rs and the embedding API sit on top of everything.
        _ => &[
            "heap",
            "error",
            "bytecode",
            "parser",
            "objects",
            "compiler",
            "dis",
            "vm",
            "builtins",
            "interactive",
        ],
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("readable source dir") {
        let p = e.expect("dir entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The room a source file belongs to: its top folder under src/, or its file stem.
fn room_of(rel: &Path) -> String {
    let first = rel.components().next().expect("non-empty path");
    let s = first.as_os_str().to_string_lossy();
    s.strip_suffix(".rs").unwrap_or(&s).to_string()
}

/// Every `crate::<name>` in `text` with its line number (comments skipped).
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::{a, b}` lists rooms after the brace.
            if name.is_empty() && after.starts_with('{') {
                let inner = after[1..].split('}').next().unwrap_or("");
                for part in inner.split(',') {
                    let n: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !n.is_empty() {
                        out.push((i + 1, n));
                    }
                }
            } else if !name.is_empty() {
                out.push((i + 1, name));
            }
            rest = after;
        }
    }
    out
}

#[test]
fn arrows_point_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 50, "found the sources");
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&src).expect("under src");
        let room = room_of(rel);
        if room == "main" || room == "repl" {
            continue; // the binary, which uses the library by its name
        }
        let is_test = f
            .file_stem()
            .is_some_and(|s| s == "tests" || s.to_string_lossy().ends_with("_tests"));
        let text = std::fs::read_to_string(f).expect("readable source");
        for (line, target) in crate_paths(&text) {
            if target == room || allowed(&room).contains(&target.as_str()) {
                continue;
            }
            if is_test && allowed(&target).len() <= allowed(&room).len() {
                continue; // a test may use a sibling room (a disassembly, say)
            }
            wrong
                .entry(format!("{} -> {target}", room))
                .or_default()
                .push(format!("src/{}:{line}", rel.display()));
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows pointing up or sideways:\n{}",
        wrong
            .iter()
            .map(|(k, v)| format!("  {k}: {}", v.join(", ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_binary_uses_the_embedding_api_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for f in ["main.rs", "repl.rs"] {
        let text = std::fs::read_to_string(src.join(f)).expect("readable source");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for inner in [
                "glasspy::vm",
                "glasspy::objects",
                "glasspy::compiler",
                "glasspy::parser",
                "glasspy::heap",
                "glasspy::builtins",
                "crate::",
            ] {
                assert!(
                    !code.contains(inner),
                    "src/{f}:{}: the binary reaches past the embedding API: {line}",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn the_checker_sees_a_bad_arrow() {
    // The scanner itself: paths in code and in brace lists are found, comments are not.
    let found =
        crate_paths("use crate::vm::Vm; // crate::builtins\nlet x = crate::{objects, heap};");
    let names: Vec<&str> = found.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["vm", "objects", "heap"]);
    assert!(!allowed("objects").contains(&"vm"));
}
