//! sys.getsizeof is what the heap really holds: creating an object takes exactly the
//! blocks its size implies from the allocator (one block of the size class of its
//! getsizeof, plus its owned buffers' blocks), measured with pymalloc's statistics.
//! One test function, so no other test thread allocates meanwhile.

use glasspy::heap::pymalloc::global_stats;
use glasspy::heap::{self, PyObj};
use glasspy::objects::{ctx, dict, float, int, list, protocol, set, string, tuple};
use glasspy::{Interpreter, Options, Value};
use std::hint::black_box;

/// As the glasspy binary does: pymalloc serves every Rust allocation of the process.
#[global_allocator]
static ALLOCATOR: glasspy::heap::pymalloc::GlobalPymalloc = glasspy::heap::pymalloc::GlobalPymalloc;

/// Blocks in use in the size class serving `n` bytes.
fn in_use(n: usize) -> usize {
    global_stats()
        .class_for_size(n)
        .map_or(0, |c| c.blocks_in_use)
}

/// Create an object with `make` and check it took one block of the class of
/// `expected_size` (its getsizeof).
fn takes_one_block(what: &str, expected_size: usize, make: impl FnOnce() -> PyObj) -> PyObj {
    let before = in_use(expected_size);
    let obj = black_box(make());
    assert_eq!(obj.sizeof(), expected_size, "{what}: getsizeof");
    assert_eq!(
        in_use(expected_size),
        before + 1,
        "{what}: one block of its class"
    );
    obj
}

#[test]
fn getsizeof_is_what_the_allocator_hands_out() {
    if global_stats().geometry.small_request_threshold == 0 || !global_stats().pymalloc_enabled {
        return; // GLASSPY_MALLOC=malloc: no size classes to count
    }
    let _ = ctx();
    // Sizes: CPython 3.11's getsizeof for the same values (shared/reference/sizes.tsv
    // and size_formulas.txt: int 24 + 4 * 2 digits, ASCII str 49 + n, UCS-2 str
    // 74 + 2n, tuple 40 + 8n, list 56, dict 64, set 216).
    let keep = vec![
        takes_one_block("int 2**40", 32, || int::new_i64(1 << 40)),
        takes_one_block("float", 24, || float::new(2.5)),
        takes_one_block("str 'hello world'", 60, || string::new("hello world")),
        takes_one_block("str 'h\u{20ac}llo'", 84, || string::new("h\u{20ac}llo")),
        takes_one_block("3-tuple", 64, || {
            tuple::new(vec![int::new_i64(1), int::new_i64(2), int::new_i64(3)])
        }),
        takes_one_block("[]", 56, list::new_empty),
        takes_one_block("{}", 64, dict::new),
        takes_one_block("set()", 216, set::new),
    ];
    // A list's item array is a separate block: 8 bytes per allocated slot.
    let l = &keep[5];
    let before = in_use(32);
    list::append(l, int::new_i64(7)).unwrap();
    assert_eq!(l.sizeof(), 56 + 32);
    assert_eq!(in_use(32), before + 1, "the 4-slot item array");
    drop(keep);
    dict_keys_are_one_block();
    split_instances_take_what_getsizeof_says();
}

/// A dict's keys object (header, index bytes and entries) is one block: its first
/// key takes exactly the bytes getsizeof adds to the 64 of `{}`.
fn dict_keys_are_one_block() {
    for (what, key, size) in [
        ("{'a': 1}", string::new("a"), 184),
        ("{1000: 1}", int::new_i64(1000), 224),
    ] {
        let d = dict::new();
        let keys_bytes = size - 64;
        let before = in_use(keys_bytes);
        let h = protocol::hash(&key).unwrap();
        dict::set_item(&d, key, h, int::new_i64(1), &mut dict::builtin_eq).unwrap();
        assert_eq!(d.sizeof(), size, "{what}: getsizeof");
        assert_eq!(in_use(keys_bytes), before + 1, "{what}: one keys block");
    }
    // Room for 1000 keys: a 2048-slot table, 36888 bytes from the system allocator.
    let large = global_stats().large.live_bytes;
    let d = dict::new_presized(1000, false).unwrap();
    assert_eq!(d.sizeof(), 36952);
    assert_eq!(global_stats().large.live_bytes - large, 36952 - 64);
    drop(d);
}

/// An instance whose class shares its keys is its 56-byte block plus a values block:
/// once the shared keys have given back all but one spare slot, an instance with two
/// attributes has 3 value slots (24 bytes, what getsizeof of its `__dict__` adds to
/// the dict's 64) after CPython's 8-byte insertion-order prefix, which CPython's
/// getsizeof does not count either.
fn split_instances_take_what_getsizeof_says() {
    let mut py = Interpreter::new(Options::default()).unwrap();
    py.run_str(
        "import sys\n\
         class A:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\n\
         warm = [A() for _ in [None] * 100]\n\
         more = []\n\
         more.extend(())\n",
        "<test>",
    )
    .unwrap();
    // (`more.extend` in the warm-up: list's method descriptors are made on first use
    // of its dict, some of them 56-byte blocks.) Lists are 56-byte blocks too: empty the list free list (which keeps parked lists
    // in use) at both ends, so that only the instances remain.
    heap::clear_free_lists();
    let (inst, vals) = (in_use(56), in_use(32));
    py.run_str("more.extend([A() for _ in [None] * 1000])\n", "<test>")
        .unwrap();
    heap::clear_free_lists();
    assert_eq!(in_use(56) - inst, 1000, "one 56-byte block per instance");
    assert_eq!(
        in_use(32) - vals,
        1000,
        "one 8 + 3 * 8-byte values block each"
    );
    assert_eq!(py.eval("sys.getsizeof(more[0])").unwrap(), Value::Int(56));
    assert_eq!(
        py.eval("sys.getsizeof(more[0].__dict__)").unwrap(),
        Value::Int(64 + 3 * 8)
    );
}
