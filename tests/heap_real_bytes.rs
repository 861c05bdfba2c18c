//! sys.getsizeof is what the heap really holds: creating an object takes exactly the
//! blocks its size implies from the allocator (one block of the size class of its
//! getsizeof, plus its owned buffers' blocks), measured with pymalloc's statistics.
//! One test function, so no other test thread allocates meanwhile.

use glasspy::heap::pymalloc::global_stats;
use glasspy::heap::PyObj;
use glasspy::objects::{ctx, dict, float, int, list, set, string, tuple};
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
    // 74 + 2n, tuple 40 + 8n, list 56, set 216), except the dict, whose 104 bytes are
    // glasspy's own layout (32 bytes of headers + the 72-byte table struct; CPython's
    // {} is 64, see docs/dict-and-set.md).
    let keep = vec![
        takes_one_block("int 2**40", 32, || int::new_i64(1 << 40)),
        takes_one_block("float", 24, || float::new(2.5)),
        takes_one_block("str 'hello world'", 60, || string::new("hello world")),
        takes_one_block("str 'h\u{20ac}llo'", 84, || string::new("h\u{20ac}llo")),
        takes_one_block("3-tuple", 64, || {
            tuple::new(vec![int::new_i64(1), int::new_i64(2), int::new_i64(3)])
        }),
        takes_one_block("[]", 56, list::new_empty),
        takes_one_block("{}", 104, dict::new),
        takes_one_block("set()", 216, set::new),
    ];
    // A list's item array is a separate block: 8 bytes per allocated slot.
    let l = &keep[5];
    let before = in_use(32);
    list::append(l, int::new_i64(7)).unwrap();
    assert_eq!(l.sizeof(), 56 + 32);
    assert_eq!(in_use(32), before + 1, "the 4-slot item array");
    drop(keep);
}
