//! The compiler's recursion limit: python3 3.11 compiles `x = 1+1+...+1` with 2999
//! terms and raises "RecursionError: maximum recursion depth exceeded during
//! compilation" with 3000 (measured with python3 running a script).

use glasspy::compiler::{compile_module, CompileError};
use glasspy::parser::parse_module;

fn chain(n: usize, term: &str) -> String {
    format!("x = {}\n", vec![term; n].join("+"))
}

fn compile_in_thread(src: String, stack: usize) -> Result<(), CompileError> {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let m = parse_module(&src, "t.py").expect("parses");
            compile_module(&m, "t.py").map(|_| ())
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow")
}

#[test]
fn recursion_limit_matches_python3() {
    const STACK: usize = 16 << 20;
    assert!(compile_in_thread(chain(2999, "a"), STACK).is_ok());
    assert_eq!(
        compile_in_thread(chain(3000, "a"), STACK),
        Err(CompileError::Recursion)
    );
    assert!(compile_in_thread(chain(2999, "1"), STACK).is_ok());
    assert_eq!(
        compile_in_thread(chain(50000, "1"), STACK),
        Err(CompileError::Recursion)
    );
}

#[test]
fn deep_nesting_fits_in_a_small_stack() {
    // COMPILER_STACK_KB=n runs this with an n KiB stack (used to measure the budget:
    // a release build needs between 1024 and 1280 KiB for depth 3000, ~400 bytes a level).
    let kb: usize = std::env::var("COMPILER_STACK_KB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 65536 } else { 4096 });
    let deep = format!("x = {}a\n", "-".repeat(2990));
    assert!(compile_in_thread(deep, kb << 10).is_ok());
    assert!(compile_in_thread(chain(2999, "a"), kb << 10).is_ok());
    assert!(compile_in_thread(chain(2999, "1"), kb << 10).is_ok());
}
