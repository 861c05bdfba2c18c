//! The memory limit is hard for the built-ins' large allocations: a request that
//! would take the heap past the limit is refused before it is served, so the heap's
//! peak footprint stays within the limit plus the documented overshoot (small
//! requests, served and flagged; the handler's headroom) while every one of them
//! raises MemoryError. Alone in its test binary: the peak is the process heap's.

use glasspy::heap::pymalloc;
use glasspy::{Interpreter, Options, Value};

#[global_allocator]
static ALLOCATOR: glasspy::GlobalPymalloc = glasspy::GlobalPymalloc;

/// Each would take far more than the limit (most 800 MB or more); none may be
/// served.
const HUGE: &[&str] = &[
    "[0] * 10**8",
    "[0, 1] * 10**8",
    "[1] + [2] * 10**8",
    "(0,) * 10**8",
    "list(range(10**8))",
    "tuple(range(10**8))",
    "[x for x in range(10**8)]",
    "list(x for x in range(10**8))",
    "set(range(10**8))",
    "{i for i in range(10**8)}",
    "dict.fromkeys(range(10**8))",
    "{i: i for i in range(10**8)}",
    "sorted(range(10**8))",
    "bytearray(10**9)",
    "bytearray(b'x') * 10**9",
    "bytes(10**9)",
    "b'x' * 10**9",
    "'x' * 10**9",
    "'\\u20ac' * 10**9",
    "'ab'.center(10**9)",
    "'x'.ljust(10**9)",
    "'x'.zfill(10**9)",
    "b'x'.center(10**9)",
    "'\\t'.expandtabs(10**9)",
    "''.join(['abcdefgh'] * 10**7)",
    "b''.join([b'abcdefgh'] * 10**7)",
    "'{:1000000000}'.format(1)",
    "'%1000000000d' % 1",
    "('a,' * 10**7).split(',')",
    "('a ' * 10**7).split()",
    "__import__('array').array('d', [0]) * 10**9",
    "10 ** 10**9",
    "1 << 10**10",
    "(1 << 10**8) * (1 << 10**8) * (1 << 10**8)",
];

#[test]
fn huge_requests_are_refused_before_they_are_served() {
    let heap = pymalloc::global_heap().expect("pymalloc");
    let limit = heap.footprint() + (32 << 20);
    let mut py = Interpreter::new(Options {
        max_memory: limit,
        ..Options::default()
    })
    .expect("interpreter");
    py.run_str("kept = {'a': [1, 2, 3]}", "<test>").unwrap();
    let mut served = Vec::new();
    for expr in HUGE {
        let code = format!(
            "try:\n    x = {expr}\n    outcome = 'served'\nexcept MemoryError:\n    outcome = 'MemoryError'\n"
        );
        py.run_str(&code, "<test>").unwrap();
        let outcome = py.eval("outcome").unwrap();
        let peak = heap.stats().peak_footprint_bytes;
        // The overshoot allowed: what the soft path may serve (an arena at a time,
        // small buffers) before the MemoryError, the handler's headroom, and the
        // free trampoline's list when the unwinding frees the objects made (8 bytes
        // an object: at most a quarter of their bytes). Each request here is 800 MB
        // or more.
        if outcome != Value::Str("MemoryError".into()) || peak > limit + limit / 2 + (4 << 20) {
            served.push(format!(
                "{expr}: {outcome:?}, peak {} KiB, limit {} KiB",
                peak >> 10,
                limit >> 10
            ));
        }
        // What the attempt took is given back at once.
        assert!(
            heap.footprint() < limit,
            "{expr} left the heap over its limit"
        );
    }
    assert!(
        served.is_empty(),
        "served past the limit:\n{}",
        served.join("\n")
    );
    assert_eq!(
        py.eval("kept['a']").unwrap(),
        Value::List(vec![Value::Int(1), Value::Int(2), Value::Int(3)])
    );
    assert_eq!(py.eval("len([0] * 10**6)").unwrap(), Value::Int(1_000_000));
}
