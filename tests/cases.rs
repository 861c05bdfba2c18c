//! The tests/cases harness: runs the glasspy binary on every tests/cases/*.py and
//! examples/*.py and compares stdout, stderr and exit status byte for byte with what
//! python3 produced (the .out/.err/.code files made by scripts/regen_cases.py), with
//! the exit-time leak check on (GLASSPY_CHECK_LEAKS=1). Reports every failing case
//! with a diff, then fails. No python3 needed.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A case that runs longer than this fails (a hang must not stall the suite).
const TIMEOUT: Duration = Duration::from_secs(60);

/// Diffs longer than this many lines are cut.
const MAX_DIFF_LINES: usize = 40;

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    code: Option<i32>,
}

/// Run glasspy on `name` inside `dir`, as scripts/regen_cases.py runs python3.
fn run_case(dir: &Path, name: &str, stdin: Vec<u8>) -> Result<Outcome, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glasspy"))
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("GLASSPY_CHECK_LEAKS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start glasspy: {e}"))?;
    let mut input = child.stdin.take().expect("piped stdin");
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let _ = feeder.join();
    Ok(Outcome {
        stdout: out_reader.join().expect("stdout reader"),
        stderr: err_reader.join().expect("stderr reader"),
        code: status.code(),
    })
}

fn read_or_empty(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_default()
}

/// The exit status python3 gave: <name>.code, or 0 when absent.
fn expected_code(base: &Path) -> i32 {
    let text = String::from_utf8(read_or_empty(&base.with_extension("code")))
        .expect("a .code file is text");
    let text = text.trim();
    if text.is_empty() {
        0
    } else {
        text.parse().expect("a .code file holds an integer")
    }
}

/// A line diff of `want` and `got` (longest common subsequence), `-` expected
/// lines missing and `+` lines glasspy printed instead, cut to MAX_DIFF_LINES.
fn diff(want: &str, got: &str) -> String {
    let a: Vec<&str> = want.split_inclusive('\n').collect();
    let b: Vec<&str> = got.split_inclusive('\n').collect();
    // Trim the common head and tail so the table stays small.
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut lines = Vec::new();
    if a.len() * b.len() > 4_000_000 {
        lines.extend(a.iter().map(|l| format!("-{l}")));
        lines.extend(b.iter().map(|l| format!("+{l}")));
    } else {
        // lcs[i][j]: longest common subsequence of a[i..] and b[j..].
        let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                lines.push(format!(" {}", a[i]));
                i += 1;
                j += 1;
            } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
                lines.push(format!("+{}", b[j]));
                j += 1;
            } else {
                lines.push(format!("-{}", a[i]));
                i += 1;
            }
        }
    }
    let mut text = format!("    @@ after {head} equal lines\n");
    for l in lines.iter().take(MAX_DIFF_LINES) {
        text.push_str("    ");
        text.push_str(l);
        if !l.ends_with('\n') {
            text.push_str("\\ (no newline at end)\n");
        }
    }
    if lines.len() > MAX_DIFF_LINES {
        text.push_str(&format!(
            "    ... {} more diff lines\n",
            lines.len() - MAX_DIFF_LINES
        ));
    }
    text
}

/// The fields of gc.set_debug's stderr lines that no two interpreters share, on both
/// sides replaced by placeholders: the size of the oldest and of the permanent
/// generation (every object the interpreter tracks), the elapsed time, and the address
/// of a collectable object. Everything else in those lines is compared exactly.
fn gc_debug_placeholders(text: &str) -> String {
    if !text.contains("gc: ") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let fixed = if let Some(sizes) = body.strip_prefix("gc: objects in each generation: ") {
            let young: Vec<&str> = sizes.split(' ').collect();
            match young.split_last() {
                Some((_, rest)) if !rest.is_empty() => {
                    format!("gc: objects in each generation: {} <n>", rest.join(" "))
                }
                _ => body.to_string(),
            }
        } else if body.starts_with("gc: objects in permanent generation: ") {
            "gc: objects in permanent generation: <n>".to_string()
        } else if let Some(head) = body
            .strip_prefix("gc: done, ")
            .and_then(|_| body.strip_suffix("s elapsed"))
            .and_then(|b| b.rsplit_once(", "))
            .map(|(head, _)| head)
        {
            format!("{head}, <t>s elapsed")
        } else if let Some(rest) = body.strip_prefix("gc: collectable <") {
            match rest.rsplit_once(" 0x") {
                Some((ty, _)) => format!("gc: collectable <{ty} <addr>>"),
                None => body.to_string(),
            }
        } else {
            body.to_string()
        };
        out.push_str(&fixed);
        out.push_str(end);
    }
    out
}

#[test]
fn gc_debug_placeholders_keep_the_deterministic_fields() {
    let py = "gc: collecting generation 1...\ngc: objects in each generation: 2 0 3995\ngc: objects in permanent generation: 0\ngc: collectable <dict 0x7f8f6a137540>\ngc: done, 2 unreachable, 0 uncollectable, 0.0002s elapsed\nTraceback\n";
    let ours = "gc: collecting generation 1...\ngc: objects in each generation: 2 0 1612\ngc: objects in permanent generation: 0\ngc: collectable <dict 0x7f5d9d3a6b00>\ngc: done, 2 unreachable, 0 uncollectable, 0.0000s elapsed\nTraceback\n";
    assert_eq!(gc_debug_placeholders(py), gc_debug_placeholders(ours));
    assert!(gc_debug_placeholders(ours)
        .contains("gc: done, 2 unreachable, 0 uncollectable, <t>s elapsed\n"));
    for (a, b) in [
        (
            "gc: objects in each generation: 1 0 5",
            "gc: objects in each generation: 2 0 5",
        ),
        (
            "gc: done, 1 unreachable, 0 uncollectable, 0.1s elapsed",
            "gc: done, 2 unreachable, 0 uncollectable, 0.1s elapsed",
        ),
        (
            "gc: collecting generation 0...",
            "gc: collecting generation 2...",
        ),
        ("gc: collectable <list 0x1>", "gc: collectable <dict 0x1>"),
    ] {
        assert_ne!(gc_debug_placeholders(a), gc_debug_placeholders(b));
    }
}

/// Compare one case; None when it passes, else the failure report.
fn check(dir: &Path, name: &str) -> Option<String> {
    let base = dir.join(name);
    let expected_out = base.with_extension("out");
    if !expected_out.exists() {
        return Some(format!(
            "{} has no .out file: run python3 scripts/regen_cases.py",
            base.display()
        ));
    }
    let got = match run_case(dir, name, read_or_empty(&base.with_extension("in"))) {
        Ok(o) => o,
        Err(e) => return Some(format!("{}: {e}\n", base.display())),
    };
    // python3's tracebacks name the script by its absolute path; both sides are
    // compared with that directory written as <dir>.
    let dir_text = dir.display().to_string();
    let normalise =
        |b: &[u8]| gc_debug_placeholders(&String::from_utf8_lossy(b).replace(&dir_text, "<dir>"));
    let want_out = normalise(&read_or_empty(&expected_out));
    let want_err = normalise(&read_or_empty(&base.with_extension("err")));
    let want_code = expected_code(&base);
    let (got_out, got_err) = (normalise(&got.stdout), normalise(&got.stderr));
    let mut report = String::new();
    if got.code != Some(want_code) {
        report.push_str(&format!(
            "  exit status: python3 {want_code}, glasspy {}\n",
            got.code
                .map_or("killed by a signal".to_string(), |c| c.to_string())
        ));
    }
    if got_out != want_out {
        report.push_str("  stdout differs (-python3 +glasspy):\n");
        report.push_str(&diff(&want_out, &got_out));
    }
    if got_err != want_err {
        report.push_str("  stderr differs (-python3 +glasspy):\n");
        report.push_str(&diff(&want_err, &got_err));
    }
    (!report.is_empty()).then(|| format!("FAIL {}\n{report}", base.display()))
}

/// Every `*.py` in `dir`, sorted.
fn scripts(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| {
            e.expect("directory entry")
                .file_name()
                .into_string()
                .expect("UTF-8 name")
        })
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    names
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .canonicalize()
        .expect("the crate directory exists")
}

/// Run every case of `dirs` on a few threads; panic listing all failures.
fn run_all(dirs: &[PathBuf], min_cases: usize) {
    let jobs: Vec<(PathBuf, String)> = dirs
        .iter()
        .flat_map(|d| scripts(d).into_iter().map(move |n| (d.clone(), n)))
        .collect();
    assert!(
        jobs.len() >= min_cases,
        "found only {} cases in {dirs:?}",
        jobs.len()
    );
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((dir, name)) = jobs.get(i) else {
                    break;
                };
                if let Some(f) = check(dir, name) {
                    failures.lock().expect("no poisoned lock").push(f);
                }
            });
        }
    });
    let mut failures = failures.into_inner().expect("no poisoned lock");
    failures.sort();
    if !failures.is_empty() {
        panic!(
            "{} of {} cases failed:\n\n{}",
            failures.len(),
            jobs.len(),
            failures.join("\n")
        );
    }
}

#[test]
fn cases() {
    run_all(&[root().join("tests").join("cases")], 1);
}

#[test]
fn examples() {
    run_all(&[root().join("examples")], 1);
}

#[test]
fn diff_marks_changed_lines() {
    let d = diff("a\nb\nc\n", "a\nB\nc\n");
    assert!(d.contains("-b\n") && d.contains("+B\n"), "{d}");
    assert!(d.contains("after 1 equal lines"), "{d}");
    let d = diff("x\n", "x\ny\n");
    assert!(d.contains("+y\n") && !d.contains("-x"), "{d}");
}
