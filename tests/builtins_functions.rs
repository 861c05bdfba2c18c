//! exit and quit, which the tests/cases harness cannot cover (its python3 runs with -S,
//! which leaves them out of builtins): their repr, SystemExit and the exit status. The
//! expected text was produced by python3 3.11 with the commands named in each test.

use std::process::Command;

/// Run `glasspy -c code`: (stdout, stderr, exit status).
fn run(code: &str) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_glasspy"))
        .args(["-c", code])
        .output()
        .expect("glasspy runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().expect("exited"),
    )
}

#[test]
fn exit_and_quit_repr() {
    // python3 -c 'print(repr(exit), str(quit), callable(exit))'
    let (out, err, code) = run("print(repr(exit), str(quit), callable(exit))");
    assert_eq!(
        out,
        "Use exit() or Ctrl-D (i.e. EOF) to exit Use quit() or Ctrl-D (i.e. EOF) to exit True\n"
    );
    assert_eq!((err.as_str(), code), ("", 0));
}

#[test]
fn exit_raises_system_exit() {
    // python3 -c $'try:\n    exit(5)\nexcept SystemExit as e:\n    print(repr(e), e.code)\n...'
    let src = "try:\n    exit(5)\nexcept SystemExit as e:\n    print(repr(e), e.code)\n\
               try:\n    exit()\nexcept SystemExit as e:\n    print(repr(e), e.code)\nprint(exit)";
    let (out, _, code) = run(src);
    assert_eq!(
        out,
        "SystemExit(5) 5\nSystemExit(None) None\nUse exit() or Ctrl-D (i.e. EOF) to exit\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn exit_status() {
    // python3 -c 'exit(3)'; echo $?      -> 3
    assert_eq!(run("exit(3)").2, 3);
    // python3 -c 'exit()'; echo $?       -> 0
    assert_eq!(run("print('x')\nexit()"), ("x\n".into(), String::new(), 0));
    // python3 -c "quit('bye')"; echo $?  -> 1, with bye on stderr
    let (out, err, code) = run("quit('bye')");
    assert_eq!((out.as_str(), err.as_str(), code), ("", "bye\n", 1));
}
