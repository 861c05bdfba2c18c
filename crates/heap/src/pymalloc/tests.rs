//! Unit tests of pymalloc on private instances (deterministic under parallel tests;
//! counts are kept small under Miri).
//!
//! - **T1** A test's blocks are its own: allocated from its private instance `h` (or
//!   the global one, through Box) on its thread, used within their size, and given back
//!   once to the same instance with the layout they were allocated with (`lay(n)` for
//!   `alloc(&h, n)`; for realloc, the last size).

use super::*;
use std::alloc::Layout;

fn lay(n: usize) -> Layout {
    Layout::from_size_align(n, 8).unwrap()
}

fn alloc(h: &Pymalloc, n: usize) -> *mut u8 {
    let p = h.alloc(lay(n));
    assert!(!p.is_null());
    p
}

fn free(h: &Pymalloc, p: *mut u8, n: usize) {
    // SAFETY: T1: every test frees blocks it allocated from `h` with the same size,
    // once, as B1 asks.
    unsafe { h.dealloc(p, lay(n)) }
}

fn ok(h: &Pymalloc) {
    if let Err(e) = h.verify() {
        panic!("{e}");
    }
}

/// Is usedpools[szidx] empty?
fn no_used_pool(h: &Pymalloc, szidx: usize) -> bool {
    h.locked(|s| s.usedpools[szidx].is_null())
}

fn pool_addr(h: &Pymalloc, p: *mut u8) -> usize {
    p.addr() & !(h.geometry().pool_size - 1)
}

#[test]
fn size_classes_seed() {
    let g = Geometry::SEED;
    assert_eq!(g.nclasses(), 64);
    assert_eq!(g.pools_per_arena(), 64);
    assert_eq!(g.size_class(0), None);
    for n in 1..=8 {
        assert_eq!(g.size_class(n), Some(0));
    }
    assert_eq!(g.size_class(9), Some(1));
    assert_eq!(g.size_class(16), Some(1));
    assert_eq!(g.size_class(100), Some(12));
    assert_eq!(g.class_size(12), 104);
    assert_eq!(g.size_class(505), Some(63));
    assert_eq!(g.size_class(512), Some(63));
    assert_eq!(g.class_size(63), 512);
    assert_eq!(g.size_class(513), None);
    for n in 1..=512 {
        let c = g.size_class(n).unwrap();
        assert!(g.class_size(c) >= n && g.class_size(c) - n < 8, "{n}");
    }
    assert_eq!(g.blocks_per_pool(0), (4096 - 48) / 8);
    assert_eq!(g.blocks_per_pool(63), 7);
}

#[test]
fn size_classes_cpython() {
    let g = Geometry::CPYTHON;
    assert_eq!(g.nclasses(), 32);
    assert_eq!(g.pools_per_arena(), 64);
    for n in 1..=16 {
        assert_eq!(g.size_class(n), Some(0));
    }
    assert_eq!(g.size_class(17), Some(1));
    assert_eq!(g.size_class(512), Some(31));
    assert_eq!(g.size_class(513), None);
    assert_eq!(g.class_size(31), 512);
    // reference/mallocstats.txt (python3 3.11.7): blocks per pool 16 -> 1021,
    // 64 -> 255, 512 -> 31.
    assert_eq!(g.blocks_per_pool(0), 1021);
    assert_eq!(g.blocks_per_pool(3), 255);
    assert_eq!(g.blocks_per_pool(31), 31);
    assert_eq!(Geometry::from_name("cpython"), Some(g));
    assert_eq!(Geometry::from_name("seed"), Some(Geometry::SEED));
    assert_eq!(Geometry::from_name("other"), None);
}

#[test]
fn lifo_reuse_both_presets() {
    for g in Geometry::PRESETS {
        let h = Pymalloc::new(g);
        let a = alloc(&h, 24);
        let _b = alloc(&h, 24);
        free(&h, a, 24);
        // Any size of the same class gets the freed block back.
        let c = alloc(&h, 20);
        assert_eq!(c, a, "{}", g.name);
        // A run of frees comes back in reverse order.
        let ps: Vec<*mut u8> = (0..6).map(|_| alloc(&h, 48)).collect();
        for &p in &ps {
            free(&h, p, 48);
        }
        for &p in ps.iter().rev() {
            assert_eq!(alloc(&h, 48), p, "{}", g.name);
        }
        ok(&h);
    }
}

#[test]
fn fresh_pool_carves_consecutive_blocks() {
    for g in Geometry::PRESETS {
        let h = Pymalloc::new(g);
        let a = alloc(&h, 28);
        let b = alloc(&h, 28);
        let c = alloc(&h, 28);
        let step = g.class_size(g.size_class(28).unwrap());
        assert_eq!(b.addr() - a.addr(), step);
        assert_eq!(c.addr() - b.addr(), step);
        // The first block sits right after the pool header.
        assert_eq!(a.addr() - pool_addr(&h, a), POOL_OVERHEAD);
        ok(&h);
    }
}

#[test]
fn alignment_of_blocks() {
    for g in Geometry::PRESETS {
        let h = Pymalloc::new(g);
        let mut live = Vec::new();
        for n in (1..=512).step_by(if cfg!(miri) { 37 } else { 1 }) {
            let p = h.alloc(Layout::from_size_align(n, 1).unwrap());
            assert_eq!(p.addr() % g.alignment, 0, "{} {n}", g.name);
            live.push((p, n));
        }
        // Stronger alignment than ALIGNMENT is served (by the system), aligned.
        let big = Layout::from_size_align(24, 64).unwrap();
        let p = h.alloc(big);
        assert_eq!(p.addr() % 64, 0);
        assert_eq!(h.stats().large.live_count, 1);
        // SAFETY: B1/T1: allocated above from `h` with `big`, freed once.
        unsafe { h.dealloc(p, big) };
        for (p, n) in live {
            // SAFETY: B1/T1: allocated above from `h` with this layout, freed once.
            unsafe { h.dealloc(p, Layout::from_size_align(n, 1).unwrap()) };
        }
        assert_eq!(h.stats().blocks_in_use(), 0);
        ok(&h);
    }
}

#[test]
fn pool_states_used_full_used_empty() {
    let g = Geometry::SEED;
    let h = Pymalloc::new(g);
    let sz = 63; // 512-byte blocks, 7 per pool
    let cap = g.blocks_per_pool(sz);
    assert_eq!(cap, 7);
    // used
    let mut first: Vec<*mut u8> = vec![alloc(&h, 512)];
    assert!(!no_used_pool(&h, sz));
    // full: the pool leaves usedpools
    while first.len() < cap {
        first.push(alloc(&h, 512));
    }
    assert!(no_used_pool(&h, sz));
    let s = h.stats();
    assert_eq!(s.class(sz).num_pools, 1);
    assert_eq!(s.class(sz).blocks_in_use, cap);
    assert_eq!(s.class(sz).avail_blocks, 0);
    ok(&h);
    // A second pool starts serving the class.
    let other = alloc(&h, 512);
    assert_ne!(pool_addr(&h, other), pool_addr(&h, first[0]));
    assert_eq!(h.stats().class(sz).num_pools, 2);
    // full -> used: the pool goes to the front, so its freed block is next.
    let back = first.pop().unwrap();
    free(&h, back, 512);
    assert!(!no_used_pool(&h, sz));
    ok(&h);
    assert_eq!(alloc(&h, 512), back);
    free(&h, back, 512);
    // used -> empty: the pool goes on its arena's freepools and serves any class.
    let empty_pool = pool_addr(&h, first[0]);
    for p in first.drain(..) {
        free(&h, p, 512);
    }
    ok(&h);
    let s = h.stats();
    assert_eq!(s.class(sz).num_pools, 1);
    assert_eq!(s.class(sz).blocks_in_use, 1);
    assert_eq!(s.unused_pools, 63);
    let small = alloc(&h, 8);
    assert_eq!(pool_addr(&h, small), empty_pool);
    assert_eq!(small.addr() - empty_pool, POOL_OVERHEAD);
    assert_eq!(h.stats().class(0).num_pools, 1);
    ok(&h);
    free(&h, small, 8);
    free(&h, other, 512);
    assert_eq!(h.stats().blocks_in_use(), 0);
    ok(&h);
}

#[test]
fn empty_pool_back_to_same_class_reuses_its_free_list() {
    let h = Pymalloc::new(Geometry::SEED);
    let a = alloc(&h, 64);
    let b = alloc(&h, 64);
    free(&h, a, 64);
    free(&h, b, 64);
    // The pool is empty; its free list is b -> a -> (the carved third block).
    assert_eq!(alloc(&h, 64), b);
    assert_eq!(alloc(&h, 64), a);
    ok(&h);
}

#[test]
fn arena_released_when_its_last_pool_empties() {
    let g = Geometry::SEED;
    let h = Pymalloc::new(g);
    let per_arena = g.pools_per_arena() * g.blocks_per_pool(63);
    let first: Vec<*mut u8> = (0..per_arena).map(|_| alloc(&h, 512)).collect();
    let s = h.stats();
    assert_eq!(s.arenas_allocated_current, 1);
    assert_eq!(s.unused_pools, 0);
    // The arena is wholly allocated; one more block needs a second arena.
    let extra = alloc(&h, 500);
    let s = h.stats();
    assert_eq!(
        (s.arenas_allocated_total, s.arenas_allocated_current),
        (2, 2)
    );
    assert_eq!(s.arenas_highwater, 2);
    ok(&h);
    let (last, rest) = first.split_last().unwrap();
    for &p in rest {
        free(&h, p, 512);
    }
    ok(&h);
    let s = h.stats();
    assert_eq!((s.arenas_reclaimed, s.arenas_allocated_current), (0, 2));
    assert_eq!(s.unused_pools, 63 + 63);
    // The last block of the first arena: its last pool empties and it goes back.
    free(&h, *last, 512);
    let s = h.stats();
    assert_eq!((s.arenas_reclaimed, s.arenas_allocated_current), (1, 1));
    assert_eq!(s.arenas_highwater, 2);
    assert_eq!(s.arena_bytes(), g.arena_size);
    ok(&h);
    // The second arena empties too, but as the last usable arena it is kept
    // (CPython 3.11, bpo-37257) ...
    free(&h, extra, 500);
    let s = h.stats();
    assert_eq!((s.arenas_reclaimed, s.arenas_allocated_current), (1, 1));
    assert_eq!(s.unused_pools, 64);
    ok(&h);
    // ... and serves the next request without asking the system.
    let p = alloc(&h, 8);
    assert_eq!(h.stats().arenas_allocated_total, 2);
    free(&h, p, 8);
    ok(&h);
}

#[test]
fn usable_arenas_prefers_the_most_used_arena() {
    let g = Geometry::SEED;
    let h = Pymalloc::new(g);
    let bpp = g.blocks_per_pool(63);
    let per_arena = g.pools_per_arena() * bpp;
    // Two arenas wholly allocated with 512-byte blocks.
    let a1: Vec<*mut u8> = (0..per_arena).map(|_| alloc(&h, 512)).collect();
    let a2: Vec<*mut u8> = (0..per_arena).map(|_| alloc(&h, 512)).collect();
    assert_eq!(h.stats().arenas_allocated_current, 2);
    // Empty 3 pools of arena 1 and 1 pool of arena 2.
    for &p in &a1[..3 * bpp] {
        free(&h, p, 512);
    }
    for &p in &a2[..bpp] {
        free(&h, p, 512);
    }
    ok(&h);
    // A new pool comes from arena 2 (fewer free pools: more used).
    let p = alloc(&h, 8);
    let arena_of = |q: *mut u8| q.addr() & !(g.arena_size - 1);
    assert_eq!(arena_of(p), arena_of(a2[0]));
    free(&h, p, 8);
    for &q in a1[3 * bpp..].iter().chain(&a2[bpp..]) {
        free(&h, q, 512);
    }
    let s = h.stats();
    assert_eq!((s.arenas_reclaimed, s.arenas_allocated_current), (1, 1));
    ok(&h);
}

#[test]
fn statistics_add_up() {
    let n = if cfg!(miri) { 20 } else { 1000 };
    for g in Geometry::PRESETS {
        let h = Pymalloc::new(g);
        let keep = alloc(&h, 200);
        let before = h.stats();
        let sz = g.size_class(40).unwrap();
        let ps: Vec<*mut u8> = (0..n).map(|_| alloc(&h, 40)).collect();
        let after = h.stats();
        assert_eq!(
            after.class(sz).blocks_in_use,
            before.class(sz).blocks_in_use + n
        );
        for c in after.classes().iter().filter(|c| c.szidx != sz) {
            assert_eq!(c, before.class(c.szidx));
        }
        let bsize = g.class_size(sz);
        let c = after.class(sz);
        assert_eq!(c.num_pools, n.div_ceil(g.blocks_per_pool(sz)));
        assert_eq!(
            c.blocks_in_use + c.avail_blocks,
            c.num_pools * g.blocks_per_pool(sz)
        );
        assert_eq!(
            after.bytes_in_allocated_blocks,
            before.bytes_in_allocated_blocks + n * bsize
        );
        // As in _debugmallocstats, the byte accounts add up to the arenas' bytes.
        let total = after.bytes_in_allocated_blocks
            + after.bytes_in_available_blocks
            + after.unused_pools * g.pool_size
            + after.bytes_lost_to_pool_headers
            + after.bytes_lost_to_quantization
            + after.bytes_lost_to_arena_alignment;
        assert_eq!(total, after.arena_bytes());
        for p in ps {
            free(&h, p, 40);
        }
        let back = h.stats();
        assert_eq!(back.class(sz).blocks_in_use, 0);
        assert_eq!(
            back.bytes_in_allocated_blocks,
            before.bytes_in_allocated_blocks
        );
        free(&h, keep, 200);
        assert_eq!(h.stats().blocks_in_use(), 0);
        ok(&h);
    }
}

#[test]
fn large_requests_go_to_the_system() {
    for g in Geometry::PRESETS {
        let h = Pymalloc::new(g);
        let p = alloc(&h, 513);
        let q = alloc(&h, 100_000);
        let z = alloc(&h, 0);
        let s = h.stats();
        assert_eq!(s.arenas_allocated_total, 0, "no arena for large requests");
        assert_eq!(s.large.live_count, 3);
        assert_eq!(s.large.live_bytes, 513 + 100_000 + 1);
        assert_eq!(s.footprint_bytes(), 513 + 100_001);
        free(&h, q, 100_000);
        free(&h, p, 513);
        free(&h, z, 0);
        let s = h.stats();
        assert_eq!((s.large.live_count, s.large.live_bytes), (0, 0));
        assert_eq!(s.large.total_count, 3);
        assert_eq!(s.large.peak_bytes, 100_514);
        // 512 is still small.
        let p = alloc(&h, 512);
        let s = h.stats();
        assert_eq!((s.large.live_count, s.arenas_allocated_current), (0, 1));
        assert_eq!(s.peak_footprint_bytes, g.arena_size.max(100_514));
        free(&h, p, 512);
    }
}

#[test]
fn realloc_keeps_moves_and_crosses() {
    let h = Pymalloc::new(Geometry::SEED);
    let p = alloc(&h, 100); // 104-byte block
                            // SAFETY: B1: p is valid for the 100 bytes asked.
    unsafe {
        for i in 0..100 {
            *p.add(i) = i as u8;
        }
    }
    let re = |p: *mut u8, old: usize, new: usize| {
        // SAFETY: B1/T1: p is live with size `old` at every call below, and each call
        // replaces it with the block returned.
        let q = unsafe { h.realloc(p, lay(old), new) };
        assert!(!q.is_null());
        q
    };
    // Same block: growing within it, or shrinking by less than a quarter.
    assert_eq!(re(p, 100, 104), p);
    assert_eq!(re(p, 104, 79), p); // 4*79 = 316 > 3*104 = 312
                                   // Shrinking by a quarter or more moves to a smaller class.
    let q = re(p, 79, 78);
    assert_ne!(q, p);
    assert_eq!(h.stats().class_for_size(78).unwrap().blocks_in_use, 1);
    assert_eq!(h.stats().class_for_size(100).unwrap().blocks_in_use, 0);
    // The old block was freed: LIFO gives it back.
    let p2 = alloc(&h, 104);
    assert_eq!(p2, p);
    free(&h, p2, 104);
    // Growing moves and copies.
    let r = re(q, 78, 300);
    // To the system and back.
    let big = re(r, 300, 5000);
    assert_eq!(h.stats().large.live_count, 1);
    let big = re(big, 5000, 9000);
    let back = re(big, 9000, 60);
    let s = h.stats();
    assert_eq!(s.large.live_count, 0);
    assert_eq!(s.class_for_size(60).unwrap().blocks_in_use, 1);
    // SAFETY: B1: `back` is live and valid for its 60 bytes (realloc kept them).
    unsafe {
        for i in 0..60 {
            assert_eq!(*back.add(i), i as u8);
        }
    }
    free(&h, back, 60);
    assert_eq!(h.stats().blocks_in_use(), 0);
    ok(&h);
}

#[test]
fn alloc_zeroed_zeroes_a_reused_block() {
    let h = Pymalloc::new(Geometry::CPYTHON);
    let p = alloc(&h, 64);
    // SAFETY: B1: p is valid for the 64 bytes asked.
    unsafe { p.write_bytes(0xAB, 64) };
    free(&h, p, 64);
    let q = h.alloc_zeroed(lay(64));
    assert_eq!(q, p);
    // SAFETY: B1: q is valid for 64 bytes, all written (zeroed) by alloc_zeroed.
    assert!(unsafe { std::slice::from_raw_parts(q, 64) }
        .iter()
        .all(|&b| b == 0));
    free(&h, q, 64);
    let big = h.alloc_zeroed(lay(4000));
    // SAFETY: B1: big is valid for 4000 bytes, all written (zeroed) by alloc_zeroed.
    assert!(unsafe { std::slice::from_raw_parts(big, 4000) }
        .iter()
        .all(|&b| b == 0));
    free(&h, big, 4000);
}

#[test]
fn many_arenas_grow_the_arena_objects() {
    // More than INITIAL_ARENA_OBJECTS (16) arenas makes the arena array grow.
    let g = Geometry::SEED;
    let h = Pymalloc::new(g);
    let narenas = if cfg!(miri) { 17 } else { 40 };
    // One 512-byte block per pool, so each arena takes 64 allocations.
    let per_pool = g.blocks_per_pool(63);
    let mut live = Vec::new();
    for i in 0..narenas * g.pools_per_arena() * per_pool {
        let p = alloc(&h, 512);
        if i % per_pool == 0 {
            live.push(p);
        } else {
            live.push(std::ptr::null_mut());
            free(&h, p, 512);
            // Keep the pool full so the next allocation carves a new one.
            let again = alloc(&h, 512);
            assert_eq!(again, p);
            *live.last_mut().unwrap() = again;
        }
    }
    assert_eq!(h.stats().arenas_allocated_current, narenas);
    ok(&h);
    for p in live {
        free(&h, p, 512);
    }
    let s = h.stats();
    assert_eq!(s.arenas_allocated_current, 1);
    assert_eq!(s.arenas_reclaimed, narenas - 1);
    ok(&h);
}

#[test]
fn report_layout_matches_cpython() {
    let h = Pymalloc::new(Geometry::CPYTHON);
    // reference/mallocstats.txt at script start: class 0 has 1 pool, 107 blocks in
    // use, 914 available; build the same pool here.
    let n = 107;
    let ps: Vec<*mut u8> = (0..n).map(|_| alloc(&h, 16)).collect();
    let report = h.stats().debugmallocstats();
    let lines: Vec<&str> = report.lines().collect();
    // Lines copied from reference/mallocstats.txt (python3 3.11.7).
    assert_eq!(lines[0], "Small block threshold = 512, in 32 size classes.");
    assert_eq!(lines[1], "");
    assert_eq!(
        lines[2],
        "class   size   num pools   blocks in use  avail blocks"
    );
    assert_eq!(
        lines[3],
        "-----   ----   ---------   -------------  ------------"
    );
    assert_eq!(
        lines[4],
        "    0     16           1             107           914"
    );
    assert!(report.contains("\n# arenas allocated total           =                    1\n"));
    assert!(report.contains("\n1 arenas * 1048576 bytes/arena     =            1,048,576\n"));
    assert!(report.contains("\n63 unused pools * 16384 bytes      =            1,032,192\n"));
    assert!(report.ends_with("\nTotal                              =            1,048,576\n"));
    let mut out = String::new();
    stats::printone(&mut out, "# bytes in allocated blocks", 3_499_520);
    assert_eq!(
        out,
        "# bytes in allocated blocks        =            3,499,520\n"
    );
    for p in ps {
        free(&h, p, 16);
    }
}

#[test]
fn threads_share_one_instance() {
    let h = Pymalloc::new(Geometry::SEED);
    let rounds = if cfg!(miri) { 30 } else { 20_000 };
    std::thread::scope(|s| {
        for t in 0..3usize {
            let h = &h;
            s.spawn(move || {
                let mut live: Vec<(*mut u8, usize)> = Vec::new();
                for i in 0..rounds {
                    let n = 1 + (i * 37 + t * 101) % 600;
                    let p = alloc(h, n);
                    // SAFETY: B1: p is valid for the n >= 1 bytes asked.
                    unsafe { p.write(t as u8) };
                    live.push((p, n));
                    if i % 3 == 2 {
                        let (p, n) = live.swap_remove(i % live.len());
                        // SAFETY: T1: this thread's blocks are its own; B1: p is live,
                        // its first byte written above.
                        assert_eq!(unsafe { p.read() }, t as u8);
                        free(h, p, n);
                    }
                }
                for (p, n) in live {
                    free(h, p, n);
                }
            });
        }
    });
    let s = h.stats();
    assert_eq!(s.blocks_in_use(), 0);
    assert_eq!(s.large.live_count, 0);
    ok(&h);
}

#[test]
fn tiny_boxes_through_the_global_allocator() {
    // Blocks smaller than the free-list link (1..7 bytes) dropped by value: the
    // link is written partly through the caller's pointer (write_link).
    for round in 0..3u8 {
        let a = Box::new(round);
        let b = Box::new([round; 3]);
        let c = Box::new(u32::from(round));
        drop(a);
        drop(b);
        drop(c);
        let d = Box::new([round; 7]);
        assert_eq!(d[6], round);
    }
    if let Err(e) = global_verify() {
        panic!("{e}");
    }
}

#[test]
fn verify_detects_a_broken_pool() {
    let h = Pymalloc::new(Geometry::SEED);
    let p = alloc(&h, 16);
    ok(&h);
    let pool = p
        .map_addr(|a| a & !(h.geometry().pool_size - 1))
        .cast::<arenas::PoolHeader>();
    // SAFETY: P5: p's pool header is at the masked address, carved (p is live, T1),
    // reached with the arena's provenance that p carries; L1: written inside the gate.
    h.locked(|_| unsafe { (*pool).count += 1 });
    let err = h.verify().unwrap_err();
    assert_eq!(err.what, "pool blocks do not add up");
    // SAFETY: P5/L1 as above; restores the true count.
    h.locked(|_| unsafe { (*pool).count -= 1 });
    ok(&h);
    // Unlinking the used pool from usedpools is noticed too.
    let sz = Geometry::SEED.size_class(16).unwrap();
    let head = h.locked(|s| std::mem::replace(&mut s.usedpools[sz], std::ptr::null_mut()));
    assert_eq!(
        h.verify().unwrap_err().what,
        "a used pool is missing from usedpools"
    );
    h.locked(|s| s.usedpools[sz] = head);
    ok(&h);
    free(&h, p, 16);
}

#[test]
fn the_limit_refuses_fallible_requests_and_serves_the_others() {
    let h = Pymalloc::new(Geometry::SEED);
    let small = alloc(&h, 16); // the first arena
    let arena = h.footprint();
    h.set_limit(arena + 4096);
    crate::object::set_pending(crate::object::PENDING_MEMORY, false);
    // A raw block past the limit, asked for fallibly: refused, nothing flagged.
    assert!(fallible(|| h.alloc(lay(8192))).is_null());
    assert_eq!(h.footprint(), arena);
    assert!(!crate::object::pending(crate::object::PENDING_MEMORY));
    // Within the limit it is served, fallible or not.
    let p = fallible(|| h.alloc(lay(2048)));
    assert!(!p.is_null());
    // A growing realloc past it, fallibly: null, the old block untouched (B1).
    // SAFETY: T1: p is h's block of 2048 bytes.
    assert!(fallible(|| unsafe { h.realloc(p, lay(2048), 8192) }).is_null());
    free(&h, p, 2048);
    // `served` inside or around a fallible scope: served and flagged.
    let q = served(|| fallible(|| h.alloc(lay(8192))));
    assert!(!q.is_null());
    assert!(crate::object::pending(crate::object::PENDING_MEMORY));
    crate::object::set_pending(crate::object::PENDING_MEMORY, false);
    free(&h, q, 8192);
    // An ordinary request past it: served and flagged (the soft path).
    let r = alloc(&h, 8192);
    assert!(crate::object::pending(crate::object::PENDING_MEMORY));
    crate::object::set_pending(crate::object::PENDING_MEMORY, false);
    free(&h, r, 8192);
    // A new arena asked for fallibly past the limit: refused, its class untouched.
    let n = h
        .geometry()
        .blocks_per_pool(h.size_class(lay(512)).unwrap());
    let mut held = Vec::new();
    let refused = loop {
        let b = fallible(|| h.alloc(lay(512)));
        if b.is_null() {
            break true;
        }
        held.push(b);
        if held.len() > 64 * n {
            break false;
        }
    };
    assert!(refused);
    assert_eq!(h.footprint(), arena);
    ok(&h);
    assert!(!h.has_room(1 << 20));
    h.set_limit(0);
    assert!(h.has_room(1 << 20));
    for b in held {
        free(&h, b, 512);
    }
    free(&h, small, 16);
    ok(&h);
}

#[test]
fn one_owner_at_a_time() {
    let h = Pymalloc::new(Geometry::SEED);
    let g = Pymalloc::new(Geometry::SEED);
    let owner = h.own().expect("membarrier on this system (or Miri)");
    assert!(h.owned_here());
    // Not twice, not a second instance on the same thread, not from another thread.
    assert!(h.own().is_none());
    assert!(g.own().is_none());
    std::thread::scope(|s| {
        s.spawn(|| {
            assert!(!h.owned_here());
            assert!(h.own().is_none());
        });
    });
    let p = alloc(&h, 40).expose_provenance();
    drop(owner);
    assert!(!h.owned_here());
    // Another thread may own it now; blocks cross over either way.
    std::thread::scope(|s| {
        s.spawn(|| {
            let _owner = h.own().expect("free again");
            let p = std::ptr::with_exposed_provenance_mut(p);
            free(&h, p, 40);
            let q = alloc(&h, 40);
            assert_eq!(q, p, "LIFO, as without an owner");
            free(&h, q, 40);
        });
    });
    let s = h.stats();
    assert_eq!(s.blocks_in_use(), 0);
    ok(&h);
}

/// The owner allocates and frees without the lock while other threads allocate, free
/// and also free the owner's blocks (and the owner theirs): every block is handed out
/// once, nothing is lost, and the state's invariants hold at the end (O1-O3).
#[test]
fn an_owner_and_other_threads_share_one_instance() {
    use std::sync::mpsc;
    let h = Pymalloc::new(Geometry::SEED);
    let rounds = if cfg!(miri) { 40 } else { 30_000 };
    let others = 2usize;
    // Blocks handed to the other side to free: (address, size).
    let (to_others, from_owner) = mpsc::channel::<(usize, usize)>();
    let from_owner = std::sync::Mutex::new(from_owner);
    let (to_owner, from_others) = mpsc::channel::<(usize, usize)>();
    // Owned before the others start (registering membarrier can take milliseconds).
    let owner = h.own().expect("membarrier on this system (or Miri)");
    std::thread::scope(|s| {
        let h = &h;
        let from_owner = &from_owner;
        for t in 0..others {
            let to_owner = to_owner.clone();
            s.spawn(move || {
                let tag = 0x40 + t as u8;
                let mut live: Vec<(*mut u8, usize)> = Vec::new();
                for i in 0..rounds {
                    let n = 1 + (i * 53 + t * 17) % 300;
                    let p = alloc(h, n);
                    // SAFETY: B1: p is valid for the n >= 1 bytes asked.
                    unsafe { p.write_bytes(tag, n) };
                    live.push((p, n));
                    if i % 4 == 3 {
                        let (p, n) = live.swap_remove(i % live.len());
                        // SAFETY: T1: this thread's blocks, written above (B1).
                        assert_eq!(unsafe { p.add(n - 1).read() }, tag);
                        if i % 8 == 7 {
                            to_owner.send((p.addr(), n)).unwrap();
                        } else {
                            free(h, p, n);
                        }
                    }
                    if i % 16 == 0 {
                        let got = from_owner.lock().unwrap().try_recv();
                        if let Ok((a, n)) = got {
                            free(h, std::ptr::with_exposed_provenance_mut(a), n);
                        }
                    }
                }
                for (p, n) in live {
                    free(h, p, n);
                }
            });
        }
        drop(to_owner);
        let mut live: Vec<(*mut u8, usize)> = Vec::new();
        for i in 0..rounds {
            let n = 1 + (i * 29) % 500;
            let p = alloc(h, n);
            // SAFETY: B1: p is valid for the n >= 1 bytes asked.
            unsafe { p.write_bytes(0x7f, n) };
            live.push((p, n));
            if i % 3 == 2 {
                let (p, n) = live.swap_remove(i % live.len());
                // SAFETY: T1: the owner's blocks, written above (B1).
                assert_eq!(unsafe { p.add(n - 1).read() }, 0x7f);
                if i % 9 == 8 {
                    // Exposed, so the other thread may use the address (as Box does).
                    to_others.send((p.expose_provenance(), n)).unwrap();
                } else {
                    free(h, p, n);
                }
            }
            while let Ok((a, n)) = from_others.try_recv() {
                free(h, std::ptr::with_exposed_provenance_mut(a), n);
            }
        }
        for (p, n) in live {
            free(h, p, n);
        }
        drop(to_others);
        // The others may have finished: free what is still queued either way.
        while let Ok((a, n)) = from_owner.lock().unwrap().try_recv() {
            free(h, std::ptr::with_exposed_provenance_mut(a), n);
        }
    });
    // After the scope every thread is done: what the others handed over at the end.
    while let Ok((a, n)) = from_others.try_recv() {
        free(&h, std::ptr::with_exposed_provenance_mut(a), n);
    }
    drop(owner);
    let s = h.stats();
    assert_eq!(s.blocks_in_use(), 0);
    assert_eq!(s.large.live_count, 0);
    ok(&h);
}

/// The process's instance owned by this test's thread while another thread allocates
/// through the global allocator (Rust's Box and Vec, as std's threads do).
#[test]
fn the_global_heap_with_an_owner() {
    let Some(owner) = own_global_heap() else {
        // Another test thread owns it, or the mode is malloc: nothing to check here.
        return;
    };
    let rounds = if cfg!(miri) { 20 } else { 5_000 };
    std::thread::scope(|s| {
        s.spawn(|| {
            let mut v = Vec::new();
            for i in 0..rounds {
                v.push(Box::new([i as u8; 24]));
                if i % 2 == 1 {
                    let b = v.swap_remove(0);
                    assert!(b.iter().all(|&x| x == b[0]));
                }
            }
        });
        let mut v = Vec::new();
        for i in 0..rounds {
            v.push(vec![i as u16; 1 + i % 40]);
            if i % 3 == 2 {
                v.swap_remove(0);
            }
        }
    });
    drop(owner);
    if let Err(e) = global_verify() {
        panic!("{e}");
    }
}

/// The tightest race of the gate: the owner and another thread allocate and free
/// blocks of one size class (one pool, one free list) as fast as they can. If the owner
/// did not step aside, both would pop the same block or lose one: each thread writes
/// its tag over its blocks and checks it before giving them back.
#[test]
fn the_owner_steps_aside_on_one_free_list() {
    let h = Pymalloc::new(Geometry::SEED);
    let rounds = if cfg!(miri) { 30 } else { 20_000 };
    let owner = h.own().expect("membarrier on this system (or Miri)");
    let churn = |h: &Pymalloc, tag: u8| {
        let mut held = [std::ptr::null_mut::<u8>(); 8];
        for _ in 0..rounds {
            for p in held.iter_mut() {
                *p = alloc(h, 32);
                // SAFETY: B1: a fresh block of 32 bytes.
                unsafe { p.write_bytes(tag, 32) };
            }
            for &p in held.iter() {
                // SAFETY: T1: this thread's block, written above.
                let b = unsafe { std::slice::from_raw_parts(p, 32) };
                assert!(b.iter().all(|&x| x == tag), "a block was handed out twice");
                free(h, p, 32);
            }
        }
    };
    std::thread::scope(|s| {
        s.spawn(|| churn(&h, 0xa5));
        churn(&h, 0x5a);
    });
    drop(owner);
    assert_eq!(h.stats().blocks_in_use(), 0);
    ok(&h);
}
