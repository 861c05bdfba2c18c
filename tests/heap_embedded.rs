//! An embedder who links the library without installing pymalloc as the global
//! allocator: every Python object still comes from pymalloc (its blocks show in the
//! statistics), while Rust's own buffers go to the system allocator.

use glasspy::heap::pymalloc::{global_heap, global_stats};
use glasspy::objects::{ctx, int, list, string};
use std::hint::black_box;

#[test]
fn objects_come_from_pymalloc_buffers_do_not() {
    let _ = ctx();
    if global_heap().is_none() {
        return; // GLASSPY_MALLOC=malloc: no size classes to count
    }
    let in_use = |n: usize| {
        global_stats()
            .class_for_size(n)
            .map_or(0, |c| c.blocks_in_use)
    };
    // An int of two digits is one 32-byte block; a 20-character ASCII str one of 69.
    let before = in_use(32);
    let i = black_box(int::new_i64(1 << 40));
    assert_eq!(i.sizeof(), 32);
    assert_eq!(in_use(32), before + 1);
    let before = in_use(69);
    let s = black_box(string::new("twenty characters!!!"));
    assert_eq!(s.sizeof(), 69);
    assert_eq!(in_use(69), before + 1);
    drop((i, s));

    // A Vec's buffer is not pymalloc's here: no class moves.
    let before = global_stats().blocks_in_use();
    let v: Vec<u64> = black_box(Vec::with_capacity(5));
    assert_eq!(global_stats().blocks_in_use(), before);
    drop(v);

    // A list's object block is pymalloc's (56 bytes with its GC header), its item
    // array is the embedder's allocator's.
    let before = in_use(56);
    let l = black_box(list::new_empty());
    assert_eq!(in_use(56), before + 1);
    drop(l);
}
