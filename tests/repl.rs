//! The interactive REPL, driven through a pseudo-terminal: prompts, echo and `_`,
//! multi-line entries, tracebacks, Ctrl-C, Ctrl-D, history and tab completion.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};

/// A fresh HOME for one test (the history file lands there).
struct Home(PathBuf);

impl Home {
    fn new(name: &str) -> Home {
        let dir = std::env::temp_dir().join(format!("glasspy-repl-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary HOME");
        Home(dir)
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn start(home: &Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glasspy"));
    cmd.env("HOME", home)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("PYTHONHASHSEED");
    let opts = Options::new()
        .timeout_ms(Some(5000))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, opts).expect("spawn glasspy in a pty");
    p.exp_string("(Python 3.11 subset)").expect("banner");
    p.exp_string(">>> ").expect("first prompt");
    p
}

/// Type a line and press Enter.
fn enter(p: &mut PtySession, line: &str) {
    p.send(line).expect("send");
    p.send("\r").expect("send");
    p.flush().expect("flush");
}

/// Type a line, then return what was printed up to the next primary prompt.
fn eval(p: &mut PtySession, line: &str) -> String {
    enter(p, line);
    p.exp_string(">>> ").expect("prompt after entry")
}

fn exit_status(p: &mut PtySession) -> i32 {
    p.exp_eof().expect("end of output");
    match p.process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("glasspy did not exit normally: {other:?}"),
    }
}

#[test]
fn results_are_echoed_and_bound_to_underscore() {
    let home = Home::new("echo");
    let mut p = start(&home.0);
    assert!(eval(&mut p, "6 * 7").contains("42"));
    assert!(eval(&mut p, "_ + 1").contains("43"));
    // Each entry is its own compilation unit: no constant sharing across entries.
    eval(&mut p, "a = 1000");
    eval(&mut p, "b = 1000");
    assert!(eval(&mut p, "a is b").contains("False"));
    // None is not echoed.
    eval(&mut p, "nothing = None");
    let out = eval(&mut p, "nothing");
    assert!(!out.contains("None"), "None echoed: {out:?}");
    assert!(eval(&mut p, "'x' * 3").contains("'xxx'"));
    p.send_control('d').unwrap();
    assert_eq!(exit_status(&mut p), 0);
}

#[test]
fn multi_line_def_and_for_loop() {
    let home = Home::new("multi");
    let mut p = start(&home.0);
    enter(&mut p, "def double(n):");
    p.exp_string("... ").unwrap();
    // The body line is auto-indented.
    enter(&mut p, "return n * 2");
    p.exp_string("... ").unwrap();
    eval(&mut p, "");
    assert!(eval(&mut p, "double(21)").contains("42"));
    enter(&mut p, "for i in range(3):");
    p.exp_string("... ").unwrap();
    // A line that brings its own indentation (as pasted text does) keeps it.
    enter(&mut p, "    print(i * 10, end=';')");
    p.exp_string("... ").unwrap();
    assert!(eval(&mut p, "").contains("0;10;20;"));
    // A bracketed paste of a whole block, nested indentation included.
    p.send("\x1b[200~for i in range(2):\n    if i:\n        print('one')\n    else:\n        print('zero')\n\nprint('after')\x1b[201~").unwrap();
    p.flush().unwrap();
    // The pasted text is redrawn after the prompt before Enter runs it.
    p.exp_string("print('after')").unwrap();
    let out = eval(&mut p, "");
    assert!(out.contains("zero\r\none\r\nafter"), "{out:?}");
    enter(&mut p, "total = (1 +");
    p.exp_string("... ").unwrap();
    eval(&mut p, "2)");
    assert!(eval(&mut p, "total").contains('3'));
    p.send_control('d').unwrap();
    assert_eq!(exit_status(&mut p), 0);
}

#[test]
fn classes_generators_and_with_at_the_prompt() {
    let home = Home::new("classes");
    let mut p = start(&home.0);
    // A class block: methods are auto-indented one level deeper.
    enter(&mut p, "class Point:");
    p.exp_string("... ").unwrap();
    enter(&mut p, "def __init__(self, x):");
    p.exp_string("... ").unwrap();
    enter(&mut p, "self.x = x");
    p.exp_string("... ").unwrap();
    // One blank line ends the whole block, as in python3.
    eval(&mut p, "");
    let out = eval(&mut p, "Point(3).x, type(Point(1)).__name__");
    assert!(out.contains("(3, 'Point')"), "{out:?}");
    // The instance's repr is echoed like python3's, address and all.
    let out = eval(&mut p, "Point(1)");
    assert!(out.contains("<__main__.Point object at 0x"), "{out:?}");
    let out = eval(&mut p, "sum(i * i for i in range(4))");
    assert!(out.contains("14"), "{out:?}");
    // A finalizer runs as soon as the last reference goes.
    enter(&mut p, "class D:");
    p.exp_string("... ").unwrap();
    enter(&mut p, "def __del__(self): print('bye')");
    p.exp_string("... ").unwrap();
    eval(&mut p, "");
    eval(&mut p, "d = D()");
    let out = eval(&mut p, "del d");
    assert!(out.contains("bye"), "{out:?}");
    // What the session still holds is finalized when it ends, as python3 does.
    eval(&mut p, "kept = D()");
    p.send_control('d').unwrap();
    p.exp_string("bye").unwrap();
    assert_eq!(exit_status(&mut p), 0);
}

#[test]
fn traceback_then_the_session_goes_on() {
    let home = Home::new("traceback");
    let mut p = start(&home.0);
    eval(&mut p, "kept = 5");
    let out = eval(&mut p, "1 / 0");
    assert!(
        out.contains("Traceback (most recent call last):"),
        "{out:?}"
    );
    assert!(
        out.contains("File \"<stdin>\", line 1, in <module>"),
        "{out:?}"
    );
    assert!(
        out.contains("ZeroDivisionError: division by zero"),
        "{out:?}"
    );
    // Line numbers count within the entry, as in python3's REPL.
    enter(&mut p, "def boom():");
    enter(&mut p, "x = 1");
    enter(&mut p, "return undefined_name");
    eval(&mut p, "");
    let out = eval(&mut p, "boom()");
    assert!(out.contains("File \"<stdin>\", line 3, in boom"), "{out:?}");
    assert!(out.contains("NameError: name 'undefined_name' is not defined"));
    let out = eval(&mut p, "1 +");
    assert!(out.contains("SyntaxError: invalid syntax"), "{out:?}");
    assert!(eval(&mut p, "kept + 1").contains('6'));
    enter(&mut p, "exit(3)");
    assert_eq!(exit_status(&mut p), 3);
}

#[test]
fn ctrl_c_at_the_prompt_and_while_running() {
    let home = Home::new("ctrlc");
    let mut p = start(&home.0);
    // At the prompt: the line is dropped.
    p.send("this is not run").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    assert!(eval(&mut p, "2 + 2").contains('4'));
    // While code runs: KeyboardInterrupt in the loop, state kept.
    eval(&mut p, "n = 0");
    enter(&mut p, "while True:");
    enter(&mut p, "n += 1");
    enter(&mut p, "");
    // Nothing to wait for while the loop spins; give the entry time to start.
    std::thread::sleep(Duration::from_millis(300));
    p.send_control('c').unwrap();
    let out = p.exp_string(">>> ").unwrap();
    assert!(
        out.contains("Traceback (most recent call last):"),
        "{out:?}"
    );
    assert!(out.contains("KeyboardInterrupt"), "{out:?}");
    assert!(eval(&mut p, "n > 0").contains("True"));
    p.send_control('d').unwrap();
    assert_eq!(exit_status(&mut p), 0);
}

#[test]
fn history_is_kept_across_sessions() {
    let home = Home::new("history");
    let mut p = start(&home.0);
    eval(&mut p, "remembered = 4242");
    p.send_control('d').unwrap();
    assert_eq!(exit_status(&mut p), 0);
    let saved = std::fs::read_to_string(home.0.join(".glasspy_history")).expect("history file");
    assert!(saved.contains("remembered = 4242"), "{saved:?}");
    // A new session recalls it with the up arrow.
    let mut p = start(&home.0);
    p.send("\x1b[A").unwrap();
    p.flush().unwrap();
    // The recalled line is redrawn after the prompt.
    p.exp_string(">>> remembered = 4242").unwrap();
    eval(&mut p, "");
    assert!(eval(&mut p, "remembered + 1").contains("4243"));
    p.send_control('d').unwrap();
    assert_eq!(exit_status(&mut p), 0);
}

#[test]
fn tab_completes_names_and_attributes() {
    let home = Home::new("complete");
    let mut p = start(&home.0);
    eval(&mut p, "a_rather_long_name = 'abc'");
    p.send("a_rather_lo\t").unwrap();
    p.flush().unwrap();
    p.exp_string("a_rather_long_name").unwrap();
    assert!(eval(&mut p, " * 2").contains("'abcabc'"));
    p.send("a_rather_long_name.upp\t").unwrap();
    p.flush().unwrap();
    p.exp_string(".upper").unwrap();
    assert!(eval(&mut p, "()").contains("'ABC'"));
    eval(&mut p, "import sys");
    p.send("sys.getsizeo\t").unwrap();
    p.flush().unwrap();
    p.exp_string("getsizeof").unwrap();
    assert!(eval(&mut p, "(a_rather_long_name) > 0").contains("True"));
    p.send_control('d').unwrap();
    assert_eq!(exit_status(&mut p), 0);
}

#[test]
fn dash_i_opens_the_repl_in_the_script_namespace() {
    let home = Home::new("inspect");
    let script = home.0.join("script.py");
    std::fs::write(&script, "left_behind = 41\nimport sys\nsys.exit(3)\n").unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glasspy"));
    cmd.env("HOME", &home.0)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .arg("-i")
        .arg(&script);
    let opts = Options::new()
        .timeout_ms(Some(5000))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, opts).expect("spawn glasspy -i in a pty");
    // As python3 -i: SystemExit is reported, not obeyed, and no banner.
    let out = p.exp_string(">>> ").unwrap();
    assert!(out.contains("SystemExit: 3"), "{out:?}");
    assert!(!out.contains("Python 3.11 subset"), "{out:?}");
    assert!(eval(&mut p, "left_behind + 1").contains("42"));
    p.send_control('d').unwrap();
    assert_eq!(exit_status(&mut p), 0);
}
