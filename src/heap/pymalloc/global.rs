//! The process-wide allocator: `GlobalPymalloc`, installed with #[global_allocator],
//! whose preset is read from GLASSPY_MALLOC=seed|cpython|malloc at first use.

use super::{MallocStats, Pymalloc, VerifyError};
use crate::heap::pymalloc::geometry::Geometry;
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicU8, Ordering::Relaxed};

/// Which allocator serves the process (chosen once, at the first allocation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlobalMode {
    /// pymalloc with Geometry::SEED (the default).
    Seed,
    /// pymalloc with Geometry::CPYTHON.
    Cpython,
    /// Everything to the system allocator (like PYTHONMALLOC=malloc).
    Malloc,
}

const UNSET: u8 = 0;
const SEED: u8 = 1;
const CPYTHON: u8 = 2;
const MALLOC: u8 = 3;

static MODE: AtomicU8 = AtomicU8::new(UNSET);

static SEED_HEAP: Pymalloc = Pymalloc::new(Geometry::SEED);
static CPYTHON_HEAP: Pymalloc = Pymalloc::new(Geometry::CPYTHON);
/// Under GLASSPY_MALLOC=malloc only its raw (system) path and counters are used.
static MALLOC_HEAP: Pymalloc = Pymalloc::new(Geometry::SEED);

/// Rust's global allocator for every binary and test that links glasspy.
#[global_allocator]
static GLOBAL: GlobalPymalloc = GlobalPymalloc;

/// The `#[global_allocator]`: forwards to the pymalloc chosen by GLASSPY_MALLOC.
pub struct GlobalPymalloc;

#[inline]
fn mode() -> u8 {
    let m = MODE.load(Relaxed);
    if m != UNSET {
        m
    } else {
        init_mode()
    }
}

/// Read GLASSPY_MALLOC. Runs inside the first allocation of the process (before
/// main), so it must not allocate: libc::getenv does not. Racing threads compute
/// the same value. Unknown values mean `seed`.
#[cold]
#[inline(never)]
fn init_mode() -> u8 {
    // SAFETY: the name is NUL-terminated; getenv returns null or a NUL-terminated
    // string owned by the environment, read at once (before anyone calls setenv:
    // this runs at the process's first allocation).
    let m = unsafe {
        let p = libc::getenv(c"GLASSPY_MALLOC".as_ptr());
        if p.is_null() {
            SEED
        } else {
            match std::ffi::CStr::from_ptr(p).to_bytes() {
                b"cpython" => CPYTHON,
                b"malloc" => MALLOC,
                _ => SEED,
            }
        }
    };
    MODE.store(m, Relaxed);
    m
}

/// The mode the process runs in.
pub fn global_mode() -> GlobalMode {
    match mode() {
        CPYTHON => GlobalMode::Cpython,
        MALLOC => GlobalMode::Malloc,
        _ => GlobalMode::Seed,
    }
}

/// The pymalloc instance serving the process, None under GLASSPY_MALLOC=malloc.
pub fn global_heap() -> Option<&'static Pymalloc> {
    match mode() {
        CPYTHON => Some(&CPYTHON_HEAP),
        MALLOC => None,
        _ => Some(&SEED_HEAP),
    }
}

/// Statistics of the process-wide allocator.
pub fn global_stats() -> MallocStats {
    match global_heap() {
        Some(h) => h.stats(),
        None => {
            let mut s = MALLOC_HEAP.stats();
            s.pymalloc_enabled = false;
            s
        }
    }
}

/// The pymalloc part of sys._debugmallocstats() for the process ("" under malloc).
pub fn global_debugmallocstats() -> String {
    global_stats().debugmallocstats()
}

/// Pymalloc::verify on the process-wide allocator (Ok under malloc).
pub fn global_verify() -> Result<(), VerifyError> {
    global_heap().map_or(Ok(()), |h| h.verify())
}

// SAFETY: forwards each call to one Pymalloc chosen once for the whole process
// (MODE never changes after it is set), so a block is always freed by the instance
// that allocated it.
unsafe impl GlobalAlloc for GlobalPymalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match mode() {
            SEED => SEED_HEAP.alloc(layout),
            CPYTHON => CPYTHON_HEAP.alloc(layout),
            _ => MALLOC_HEAP.raw_alloc(layout, false),
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match mode() {
            SEED => SEED_HEAP.alloc_zeroed(layout),
            CPYTHON => CPYTHON_HEAP.alloc_zeroed(layout),
            _ => MALLOC_HEAP.raw_alloc(layout, true),
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: GlobalAlloc's contract, forwarded to the instance that allocated.
        unsafe {
            match mode() {
                SEED => SEED_HEAP.dealloc(ptr, layout),
                CPYTHON => CPYTHON_HEAP.dealloc(ptr, layout),
                _ => MALLOC_HEAP.raw_dealloc(ptr, layout),
            }
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: GlobalAlloc's contract, forwarded to the instance that allocated.
        unsafe {
            match mode() {
                SEED => SEED_HEAP.realloc(ptr, layout, new_size),
                CPYTHON => CPYTHON_HEAP.realloc(ptr, layout, new_size),
                _ => MALLOC_HEAP.raw_realloc(ptr, layout, new_size),
            }
        }
    }
}
