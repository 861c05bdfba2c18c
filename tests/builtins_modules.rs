//! The built-in modules sys, gc, math and time, checked by running the glasspy binary
//! against output recorded from python3 3.11 (tests/modules/regen.py regenerates it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_glasspy");

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/modules")
}

fn run(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .env("PYTHONHASHSEED", "0");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run glasspy")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Run tests/modules/<name>.py as `glasspy <name>.py A b` and compare stdout and stderr
/// with python3's (<name>.out, <name>.err).
fn check_program(name: &str) {
    let dir = data_dir();
    let script = format!("{name}.py");
    let out = run(&[&script, "A", "b"], &dir, &[]);
    let want_out = std::fs::read_to_string(dir.join(format!("{name}.out"))).expect("read .out");
    let want_err = std::fs::read_to_string(dir.join(format!("{name}.err"))).expect("read .err");
    let (got_out, got_err) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{name}: stderr:\n{got_err}");
    for (i, (g, w)) in got_out.lines().zip(want_out.lines()).enumerate() {
        assert_eq!(g, w, "{name}.py: stdout line {} differs", i + 1);
    }
    assert_eq!(got_out, want_out, "{name}.py: stdout");
    assert_eq!(got_err, want_err, "{name}.py: stderr");
}

#[test]
fn math_values() {
    check_program("math_values");
}

#[test]
fn gc_collect_and_tracking() {
    check_program("gc_collect");
}

#[test]
fn getsizeof() {
    check_program("sizes");
}

#[test]
fn refcounts() {
    check_program("refcounts");
}

#[test]
fn sys_misc() {
    check_program("sys_misc");
}

#[test]
fn time_clocks() {
    check_program("time_clock");
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n")
}

/// What regen.py records for one expression: status, stdout, last stderr line.
fn describe(o: &Output) -> String {
    let err = text(&o.stderr);
    let last = err.trim().lines().last().unwrap_or("").to_string();
    format!(
        "status={} out=|{}| err=|{}|",
        o.status.code().unwrap_or(-1),
        escape(&text(&o.stdout)),
        escape(&last)
    )
}

/// Each line of cases.txt run alone (errors, messages, exit statuses) against
/// cases.expected.
#[test]
fn cases_match_python3() {
    let dir = data_dir();
    let exprs: Vec<String> = std::fs::read_to_string(dir.join("cases.txt"))
        .expect("read cases.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let expected: Vec<String> = std::fs::read_to_string(dir.join("cases.expected"))
        .expect("read cases.expected")
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(exprs.len(), expected.len(), "run tests/modules/regen.py");
    assert!(exprs.len() > 200);
    let results: Vec<String> = std::thread::scope(|s| {
        let chunks: Vec<_> = exprs
            .chunks(exprs.len().div_ceil(4))
            .map(|chunk| {
                let dir = &dir;
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|e| {
                            let prog = format!("import sys, gc, math, time\nprint(repr({e}))\n");
                            let o = run(&["-c", &prog], dir, &[]);
                            format!("{e} => {}", describe(&o))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    let bad: Vec<String> = results
        .iter()
        .zip(&expected)
        .filter(|(g, w)| g != w)
        .map(|(g, w)| format!("  want {w}\n  got  {g}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{} cases differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// sys._debugmallocstats() writes the allocator's report to stderr after flushing
/// stdout. Under GLASSPY_MALLOC=cpython its header is CPython 3.11's, from
/// /work/shared/reference/mallocstats.txt (python3 3.11.7: `sys._debugmallocstats()`).
#[test]
fn debugmallocstats_on_stderr() {
    let dir = data_dir();
    let prog = "import sys\nprint('before')\nsys._debugmallocstats()\n";
    let o = run(&["-c", prog], &dir, &[("GLASSPY_MALLOC", "cpython")]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "before\n");
    let err = text(&o.stderr);
    let mut lines = err.lines();
    assert_eq!(
        lines.next(),
        Some("Small block threshold = 512, in 32 size classes.")
    );
    assert_eq!(lines.next(), Some(""));
    assert_eq!(
        lines.next(),
        Some("class   size   num pools   blocks in use  avail blocks")
    );
}

/// After the allocator's report, a blank line and the type free lists in CPython 3.11's
/// layout and order: dicts, floats, lists, then tuples of 1..20 items; under
/// GLASSPY_MALLOC=malloc the free lists only (python3 3.11.7 prints the same float line
/// for this program, with and without PYTHONMALLOC=malloc).
#[test]
fn debugmallocstats_ends_with_the_free_lists() {
    let dir = data_dir();
    let prog = "import gc, sys\none = int('1')\ngc.collect()\n\
                x = [one + i + 0.5 for i in range(10)]\ndel x\nsys._debugmallocstats()\n";
    for malloc in ["seed", "cpython", "malloc"] {
        let o = run(&["-c", prog], &dir, &[("GLASSPY_MALLOC", malloc)]);
        assert_eq!(o.status.code(), Some(0));
        let err = text(&o.stderr);
        let lines: Vec<&str> = err.lines().collect();
        let first = lines
            .iter()
            .position(|l| l.contains("free PyDictObjects"))
            .expect("a dict free-list line");
        if malloc == "malloc" {
            assert_eq!(first, 0, "only the free lists under malloc");
        } else {
            assert_eq!(
                lines[first - 1],
                "",
                "a blank line after the allocator's report"
            );
            assert!(lines[first - 2].starts_with("Total"));
        }
        let tail = &lines[first..];
        assert_eq!(tail.len(), 23, "{malloc}: {tail:?}");
        assert_eq!(
            tail[1],
            "          10 free PyFloatObjects * 24 bytes each =                  240"
        );
        assert!(tail[2].contains(" free PyListObjects * 40 bytes each ="));
        for (n, line) in tail[3..].iter().enumerate() {
            let what = format!(
                " free {}-sized PyTupleObjects * {} bytes each =",
                n + 1,
                24 + 8 * (n + 1)
            );
            assert!(line.contains(&what), "{line}");
            assert_eq!(line.find('='), Some(49), "{line}");
        }
    }
}

/// glasspy's own choices (docs/memory-numbers.md), not CPython's numbers: there is no
/// AST arena holding an extra reference to the main script's constants (CPython 3.11
/// prints 4 and 3 here, refcounts.txt), and the preallocated singletons report their
/// true counts instead of ~1e9.
#[test]
fn glasspy_refcount_choices() {
    let dir = data_dir();
    let prog = "import sys\nc = 1000\nprint(sys.getrefcount(c), sys.getrefcount(2.5))\n\
                print(sys.getrefcount(0) < 10000, sys.getrefcount(()) < 10000, \
                sys.getrefcount('') < 10000, sys.getrefcount('a') < 10000)\n";
    let o = run(&["-c", prog], &dir, &[]);
    assert_eq!(text(&o.stdout), "3 2\nTrue True True True\n");
}

/// sys.stderr writes flush buffered stdout first, so merged output keeps program order.
#[test]
fn stderr_flushes_stdout_first() {
    let path = std::env::temp_dir().join(format!("glasspy-modules-{}.txt", std::process::id()));
    let file = std::fs::File::create(&path).expect("temp file");
    let prog = "import sys\nprint('a')\nsys.stderr.write('b\\n')\nprint('c', file=sys.stderr)\n\
                print('d')\nsys.stdout.write('e\\n')\nsys.stdout.flush()\n";
    let status = Command::new(BIN)
        .args(["-c", prog])
        .stdout(file.try_clone().expect("clone"))
        .stderr(file)
        .status()
        .expect("run glasspy");
    assert!(status.success());
    let merged = std::fs::read_to_string(&path).expect("read merged output");
    let _ = std::fs::remove_file(&path);
    assert_eq!(merged, "a\nb\nc\nd\ne\n");
}
