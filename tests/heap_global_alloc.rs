//! The process's global allocator is glasspy's pymalloc: Rust allocations (Vec
//! buffers, Strings, Boxes) show up in its statistics, and GLASSPY_MALLOC picks the
//! preset.

use glasspy::heap::pymalloc::{
    global_debugmallocstats, global_heap, global_mode, global_stats, global_verify, GlobalMode,
};
use std::hint::black_box;

/// As the glasspy binary does: pymalloc serves every Rust allocation of the process.
#[global_allocator]
static ALLOCATOR: glasspy::heap::pymalloc::GlobalPymalloc = glasspy::heap::pymalloc::GlobalPymalloc;
use std::sync::Mutex;

/// (Allocations are passed through black_box: LLVM removes an unused allocation.)
/// Tests in this binary run on parallel threads; counting tests hold this lock so
/// the only allocations in flight are their own (plus the harness's, which stay
/// out of the size classes compared).
static SERIAL: Mutex<()> = Mutex::new(());

fn expected_mode() -> GlobalMode {
    match std::env::var("GLASSPY_MALLOC").as_deref() {
        Ok("cpython") => GlobalMode::Cpython,
        Ok("malloc") => GlobalMode::Malloc,
        _ => GlobalMode::Seed,
    }
}

#[test]
fn global_allocator_is_installed_and_counts() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    assert_eq!(global_mode(), expected_mode());
    let Some(heap) = global_heap() else {
        // GLASSPY_MALLOC=malloc: everything is a raw allocation.
        let before = global_stats().large.total_count;
        let v: Vec<u8> = black_box(Vec::with_capacity(100));
        assert!(global_stats().large.total_count > before);
        assert!(!global_stats().pymalloc_enabled);
        assert_eq!(global_debugmallocstats(), "");
        drop(v);
        return;
    };
    let g = heap.geometry();
    // A Vec<u8> of 100 bytes takes one block of the 104-byte (seed) / 112-byte
    // (cpython) class.
    let sz = g.size_class(100).unwrap();
    let in_use = || global_stats().class(sz).blocks_in_use;
    let before = in_use();
    let v: Vec<u8> = black_box(Vec::with_capacity(100));
    assert_eq!(in_use(), before + 1);
    drop(v);
    assert_eq!(in_use(), before);

    // N boxes raise the class by exactly N; their frees bring it back.
    let n = 500;
    let mut boxes: Vec<Box<[u8; 100]>> = Vec::with_capacity(n);
    let before = in_use();
    for i in 0..n {
        boxes.push(black_box(Box::new([i as u8; 100])));
    }
    assert_eq!(in_use(), before + n);
    // LIFO through the global allocator: a freed box's block comes straight back.
    let last = boxes.pop().unwrap();
    let addr = &*last as *const [u8; 100] as usize;
    drop(last);
    let again = black_box(Box::new([7u8; 100]));
    assert_eq!(&*again as *const [u8; 100] as usize, addr);
    drop(again);
    drop(boxes);
    assert_eq!(in_use(), before);

    // String bytes are in pymalloc too.
    let s_before = global_stats()
        .class(g.size_class(40).unwrap())
        .blocks_in_use;
    let s = black_box("x".repeat(40));
    let s_after = global_stats()
        .class(g.size_class(40).unwrap())
        .blocks_in_use;
    assert_eq!(s_after, s_before + 1);
    drop(s);

    // Large buffers go to the system and are counted there.
    let large_before = global_stats().large;
    let big: Vec<u64> = black_box(Vec::with_capacity(10_000));
    let large_after = global_stats().large;
    assert!(large_after.total_count > large_before.total_count);
    assert!(large_after.peak_bytes >= 80_000);
    drop(big);

    let s = global_stats();
    assert!(s.arenas_allocated_current >= 1);
    assert!(s.peak_footprint_bytes >= s.arena_bytes());
    let report = global_debugmallocstats();
    assert!(report.starts_with(&format!(
        "Small block threshold = 512, in {} size classes.\n",
        g.nclasses()
    )));
    if let Err(e) = global_verify() {
        panic!("{e}");
    }
}

/// Re-runs this test binary with each GLASSPY_MALLOC value: the child's
/// `global_allocator_is_installed_and_counts` checks the mode it finds.
#[test]
fn preset_follows_glasspy_malloc() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    if std::env::var_os("GLASSPY_MALLOC_CHILD").is_some() {
        return;
    }
    let exe = std::env::current_exe().unwrap();
    for value in ["seed", "cpython", "malloc"] {
        let out = std::process::Command::new(&exe)
            .args(["--exact", "global_allocator_is_installed_and_counts"])
            .env("GLASSPY_MALLOC", value)
            .env("GLASSPY_MALLOC_CHILD", "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "GLASSPY_MALLOC={value}: {stdout}");
        assert!(
            stdout.contains("1 passed"),
            "GLASSPY_MALLOC={value}: {stdout}"
        );
    }
}
