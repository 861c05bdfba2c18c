//! The methods of the built-in types against CPython: each tests/methods/<name>.py is
//! run by the built binary and its stdout compared with <name>.expected, and each line
//! of tests/methods/errors.txt is run as `glasspy -c <line>` and the last line of its
//! stderr compared with the same line of errors.expected. The expected files are
//! python3's output, made by tests/methods/regen.py.

use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/methods")
}

fn run_file(name: &str) {
    let d = dir();
    let out = Command::new(env!("CARGO_BIN_EXE_glasspy"))
        .env("PYTHONHASHSEED", "0")
        .arg(format!("{name}.py"))
        .current_dir(&d)
        .output()
        .expect("run glasspy");
    let got = String::from_utf8_lossy(&out.stdout);
    let want = std::fs::read_to_string(d.join(format!("{name}.expected"))).expect("expected file");
    assert!(
        out.status.success(),
        "{name}.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "{name}.py: line {} of output differs", i + 1);
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "{name}.py: line count"
    );
}

#[test]
fn str_methods() {
    run_file("str");
}

#[test]
fn list_methods() {
    run_file("list");
}

#[test]
fn dict_methods_and_views() {
    run_file("dict");
}

#[test]
fn set_methods() {
    run_file("set");
}

#[test]
fn tuple_int_float_methods() {
    run_file("num");
}

#[test]
fn error_messages() {
    let d = dir();
    let progs = std::fs::read_to_string(d.join("errors.txt")).expect("errors.txt");
    let want = std::fs::read_to_string(d.join("errors.expected")).expect("errors.expected");
    let progs: Vec<&str> = progs.lines().collect();
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(progs.len(), want.len(), "regenerate errors.expected");
    let mut failures = Vec::new();
    for (p, w) in progs.iter().zip(&want) {
        let out = Command::new(env!("CARGO_BIN_EXE_glasspy"))
            .env("PYTHONHASHSEED", "0")
            .args(["-c", p])
            .output()
            .expect("run glasspy");
        let err = String::from_utf8_lossy(&out.stderr);
        let got = err
            .trim()
            .lines()
            .last()
            .unwrap_or("(no error)")
            .to_string();
        if got != *w {
            failures.push(format!("{p}\n   got:  {got}\n   want: {w}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
