//! The embedding API takes the memory limit (`Options::max_memory`): past it, code
//! run through the API fails with MemoryError and the interpreter goes on. Alone in
//! its test binary, since the limit is the process heap's.

use glasspy::heap::pymalloc;
use glasspy::{Interpreter, Options, Value};

#[global_allocator]
static ALLOCATOR: glasspy::GlobalPymalloc = glasspy::GlobalPymalloc;

#[test]
fn the_limit_of_the_options_raises_memory_error() {
    let before = pymalloc::global_heap().expect("pymalloc").footprint();
    let mut py = Interpreter::new(Options {
        max_memory: before + (16 << 20),
        ..Options::default()
    })
    .expect("interpreter");
    py.run_str("kept = [1, 2, 3]", "<test>").unwrap();
    let err = py
        .run_str("hog = [bytearray(10000) for _ in range(100000)]", "<test>")
        .unwrap_err();
    assert_eq!(err.type_name, "MemoryError");
    assert_eq!(
        py.eval("kept").unwrap(),
        Value::List(vec![Value::Int(1), Value::Int(2), Value::Int(3)])
    );
    assert_eq!(
        py.eval("len([bytearray(1000) for _ in range(100)])")
            .unwrap(),
        Value::Int(100)
    );
    assert_eq!(
        py.eval("__import__('glass').get_limit() > 0").unwrap(),
        Value::Bool(true)
    );
    py.run_str("import glass; glass.set_limit(None)", "<test>")
        .unwrap();
    assert_eq!(pymalloc::global_heap().unwrap().limit(), 0);
}
