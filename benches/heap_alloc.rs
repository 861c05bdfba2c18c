//! Micro-benchmark: small-block allocate/free through a private pymalloc (both
//! presets), through the global allocator (glasspy's pymalloc, as installed) and
//! through the system allocator. Run: cargo bench --bench heap_alloc

use glasspy::heap::pymalloc::{global_heap, global_mode, Geometry, Pymalloc};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::time::Instant;

/// std::alloc::alloc / dealloc: whatever #[global_allocator] is installed.
struct Global;

// SAFETY: forwards to the installed global allocator.
unsafe impl GlobalAlloc for Global {
    #[inline]
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe { std::alloc::alloc(l) }
    }
    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: forwarded contract.
        unsafe { std::alloc::dealloc(p, l) }
    }
}

const OPS: usize = 2_000_000;

fn lay(n: usize) -> Layout {
    Layout::from_size_align(n, 8).unwrap()
}

/// alloc(32); free it; repeat: the freed block comes straight back. With `keep`, one
/// other block of the class stays live, so its pool stays used (the interpreter's
/// steady state); without, the pool empties and is taken back at every round (as in
/// CPython, allocate_from_new_pool / insert_to_freepool run each time).
fn lifo_churn<A: GlobalAlloc>(a: &A, keep: bool) -> f64 {
    let l = lay(32);
    // SAFETY: non-zero size; freed below with the same layout.
    // (black_box: LLVM removes an unused allocation made through std::alloc.)
    let kept = black_box(if keep {
        unsafe { a.alloc(l) }
    } else {
        std::ptr::null_mut()
    });
    let t = Instant::now();
    for _ in 0..OPS {
        // SAFETY: l has a non-zero size; p is freed with the same layout.
        unsafe {
            let p = a.alloc(l);
            black_box(p);
            a.dealloc(p, l);
        }
    }
    let ns = t.elapsed().as_nanos() as f64 / (2 * OPS) as f64;
    if keep {
        // SAFETY: allocated above with l.
        unsafe { a.dealloc(kept, l) };
    }
    ns
}

/// Allocate 10,000 blocks of 48 bytes, then free them all (oldest first).
fn many_then_free_all<A: GlobalAlloc>(a: &A, slots: &mut [*mut u8]) -> f64 {
    let l = lay(48);
    let rounds = OPS / slots.len();
    let t = Instant::now();
    for _ in 0..rounds {
        for s in slots.iter_mut() {
            // SAFETY: non-zero size.
            *s = unsafe { a.alloc(l) };
        }
        black_box(&*slots);
        for &p in slots.iter() {
            // SAFETY: allocated just above with l.
            unsafe { a.dealloc(p, l) };
        }
    }
    t.elapsed().as_nanos() as f64 / (2 * rounds * slots.len()) as f64
}

/// A window of 1,000 live blocks of random sizes 1..=512: free one, allocate one.
fn mixed_sizes<A: GlobalAlloc>(a: &A, slots: &mut [(*mut u8, usize)]) -> f64 {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for s in slots.iter_mut() {
        let n = 1 + (next() % 512) as usize;
        // SAFETY: non-zero size.
        *s = (unsafe { a.alloc(lay(n)) }, n);
    }
    let t = Instant::now();
    for i in 0..OPS {
        let k = i % slots.len();
        let n = 1 + (next() % 512) as usize;
        // SAFETY: the slot holds a live block of its recorded size.
        unsafe {
            a.dealloc(slots[k].0, lay(slots[k].1));
            slots[k] = (a.alloc(lay(n)), n);
        }
    }
    let ns = t.elapsed().as_nanos() as f64 / (2 * OPS) as f64;
    for &(p, n) in slots.iter() {
        // SAFETY: live blocks of their recorded sizes.
        unsafe { a.dealloc(p, lay(n)) };
    }
    ns
}

/// LIFO churn on two threads at once sharing the allocator (the lock contended);
/// ns per operation per thread.
fn two_threads<A: GlobalAlloc + Sync>(a: &A) -> f64 {
    let t = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| lifo_churn(a, true));
        }
    });
    t.elapsed().as_nanos() as f64 / (2 * OPS) as f64
}

/// Best of 5 runs of each pattern.
fn run<A: GlobalAlloc + Sync>(name: &str, a: &A) {
    let mut slots = vec![std::ptr::null_mut(); 10_000];
    let mut mixed = vec![(std::ptr::null_mut(), 0usize); 1_000];
    let best = |f: &mut dyn FnMut() -> f64| (0..5).map(|_| f()).fold(f64::MAX, f64::min);
    let churn = best(&mut || lifo_churn(a, true));
    let churn_empty = best(&mut || lifo_churn(a, false));
    let many = best(&mut || many_then_free_all(a, &mut slots));
    let mix = best(&mut || mixed_sizes(a, &mut mixed));
    let two = best(&mut || two_threads(a));
    println!("{name:<28} {churn:>10.1} {churn_empty:>12.1} {many:>14.1} {mix:>12.1} {two:>12.1}");
}

fn main() {
    println!(
        "ns per operation (one alloc or one free), best of 5; global mode {:?}",
        global_mode()
    );
    println!(
        "{:<28} {:>10} {:>12} {:>14} {:>12} {:>12}",
        "allocator", "LIFO churn", "churn, empty", "many/free all", "mixed sizes", "2 threads"
    );
    let seed = Pymalloc::new(Geometry::SEED);
    let cpython = Pymalloc::new(Geometry::CPYTHON);
    run("pymalloc (private, seed)", &seed);
    run("pymalloc (private, cpython)", &cpython);
    run("global (#[global_allocator])", &Global);
    if let Some(h) = global_heap() {
        run("global instance, called", h);
    }
    run("system (std::alloc::System)", &System);
}
