//! The process-wide pymalloc: one instance per preset, chosen once for the process
//! (by `choose_global_mode`, or from GLASSPY_MALLOC=seed|cpython|malloc at first use).
//!
//! Python objects always come from it (`object_alloc` / `object_dealloc`, used by the
//! object layer). `GlobalPymalloc` forwards Rust's allocations to the same instance: a
//! binary that installs it with `#[global_allocator]` (glasspy's does) gets container
//! buffers, strings and the compiler's vectors from pymalloc too, so the statistics
//! tell the whole truth. An embedder who does not install it still gets every object
//! from pymalloc; only the buffers go to the embedder's allocator.
//!
//! Every call tests one thread-local flag, `trace::hooked()`, and tells
//! crates/heap/src/trace.rs about the block only while the thread traces (tracemalloc).
//!
//! # Invariants (cited as G1, G2)
//!
//! - **G1** The mode is fixed once per process: `MODE` goes from UNSET to one mode by a
//!   compare-exchange (`choose_global_mode` or `init_mode`) and never changes again.
//!   Every call routes by the mode, so a block is always given back to the instance
//!   (or the system path) that handed it out; the instances are statics, never
//!   dropped.
//! - **G2** The environment is not modified while another thread may read it: the
//!   contract of `std::env::set_var` (unsafe since Rust 2024). `init_mode` reads
//!   GLASSPY_MALLOC with libc's getenv, which does not allocate, at the first
//!   allocation through pymalloc (before main when `GlobalPymalloc` is the global
//!   allocator).

use super::{MallocStats, Pymalloc, VerifyError};
use crate::pymalloc::geometry::Geometry;
use crate::trace;
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

/// An allocator for `#[global_allocator]`: forwards to the pymalloc chosen for the
/// process, the same instance that serves objects.
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

/// Fix the process's mode, unless the first allocation through pymalloc has chosen it
/// already: Ok if the mode is (now) `m`, Err with the mode in force otherwise.
pub fn choose_global_mode(m: GlobalMode) -> Result<(), GlobalMode> {
    let want = match m {
        GlobalMode::Seed => SEED,
        GlobalMode::Cpython => CPYTHON,
        GlobalMode::Malloc => MALLOC,
    };
    match MODE.compare_exchange(UNSET, want, Relaxed, Relaxed) {
        Ok(_) => Ok(()),
        Err(_) if global_mode() == m => Ok(()),
        Err(_) => Err(global_mode()),
    }
}

/// Read GLASSPY_MALLOC. Runs inside the first allocation through pymalloc (before
/// main when `GlobalPymalloc` is the global allocator), so it must not allocate:
/// libc::getenv does not. Racing threads compute the same value. Unknown values mean
/// `seed`.
#[cold]
#[inline(never)]
fn init_mode() -> u8 {
    // SAFETY: G2: nobody modifies the environment meanwhile, so getenv's result (null,
    // or a NUL-terminated string owned by the environment) stays valid while it is
    // read, at once; the name is NUL-terminated.
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
    match MODE.compare_exchange(UNSET, m, Relaxed, Relaxed) {
        Ok(_) => m,
        Err(chosen) => chosen,
    }
}

/// Allocate an object's block from the process's pymalloc (whatever the global
/// allocator is). Null when the memory cannot be had.
///
/// # Safety
/// As `GlobalAlloc::alloc`: `layout` has a non-zero size.
#[inline]
pub unsafe fn object_alloc(layout: Layout) -> *mut u8 {
    // SAFETY: B1: GlobalAlloc's contract, forwarded from the caller; G1: the instance
    // is the one the process's mode chose.
    unsafe { GlobalPymalloc.alloc(layout) }
}

/// Free a block that `object_alloc` returned.
///
/// # Safety
/// As `GlobalAlloc::dealloc`: `ptr` came from `object_alloc(layout)` and is freed once
/// (B1).
#[inline]
pub unsafe fn object_dealloc(ptr: *mut u8, layout: Layout) {
    // SAFETY: B1, forwarded from the caller; G1: both functions route through the one
    // instance the mode chose.
    unsafe { GlobalPymalloc.dealloc(ptr, layout) }
}

/// The largest object block `object_alloc_small` serves: both geometries' small
/// request threshold.
pub const SMALL_OBJECT: usize = 512;
const _: () = assert!(
    Geometry::SEED.small_request_threshold == SMALL_OBJECT
        && Geometry::CPYTHON.small_request_threshold == SMALL_OBJECT
);

const SEED_SHIFT: u32 = Geometry::SEED.alignment_shift();
const CPYTHON_SHIFT: u32 = Geometry::CPYTHON.alignment_shift();

/// The object layer's fast path: a block of `size` bytes for an object whose
/// alignment is at most 8, straight from the size class of the process's pymalloc
/// (no Layout, no size test: the caller's vtable knows the block is small). Null
/// when the memory cannot be had. The trace hook sees it as `object_alloc` would.
///
/// # Safety
/// `8 <= size <= SMALL_OBJECT`.
#[inline(always)]
pub unsafe fn object_alloc_small(size: usize) -> *mut u8 {
    let p = match MODE.load(Relaxed) {
        // SAFETY: 1 <= size <= the threshold, so the class is below nclasses (G1:
        // the mode is fixed, and the instance is the one it chose).
        SEED => unsafe { SEED_HEAP.alloc_class((size - 1) >> SEED_SHIFT) },
        // SAFETY: as above (G1).
        CPYTHON => unsafe { CPYTHON_HEAP.alloc_class((size - 1) >> CPYTHON_SHIFT) },
        // SAFETY: B1: a non-zero size (caller).
        _ => return unsafe { object_alloc_other(size) },
    };
    if trace::hooked() {
        trace::on_alloc(p, size);
    }
    p
}

/// `object_alloc_small` before the mode is chosen, or under malloc.
///
/// # Safety
/// `8 <= size <= SMALL_OBJECT`.
#[cold]
#[inline(never)]
unsafe fn object_alloc_other(size: usize) -> *mut u8 {
    // SAFETY: B1: a non-zero size at alignment 8 (a valid Layout).
    unsafe { object_alloc(Layout::from_size_align_unchecked(size, 8)) }
}

/// Give back a block `object_alloc_small(size)` returned (or `object_alloc` of a
/// layout of that size at an alignment of at most 8). The size is asked of `size`
/// only under malloc: pymalloc finds the block's pool from its address, so the
/// caller's computation of the size is left out of the common path.
///
/// # Safety
/// `8 <= size() <= SMALL_OBJECT`; `ptr` came from `object_alloc_small(size())` and
/// is freed once (B1).
#[inline(always)]
pub unsafe fn object_dealloc_small(ptr: *mut u8, size: impl FnOnce() -> usize) {
    if trace::hooked() {
        trace::on_free(ptr);
    }
    // SAFETY: B1, forwarded from the caller; G1: the block is given back to the
    // instance the mode chose, which handed it out (a small size at alignment <= 8
    // is served by pymalloc under both geometries).
    unsafe {
        match MODE.load(Relaxed) {
            SEED => SEED_HEAP.dealloc_small(ptr),
            CPYTHON => CPYTHON_HEAP.dealloc_small(ptr),
            _ => object_dealloc_other(ptr, size()),
        }
    }
}

/// `object_dealloc_small` under malloc (the mode was chosen at the allocation).
///
/// # Safety
/// As `object_dealloc_small`.
#[cold]
#[inline(never)]
unsafe fn object_dealloc_other(ptr: *mut u8, size: usize) {
    // SAFETY: B1, forwarded; G1: to the raw path that allocated it.
    unsafe { MALLOC_HEAP.raw_dealloc(ptr, Layout::from_size_align_unchecked(size, 8)) }
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

/// Make the calling thread the owner of the process's pymalloc (the interpreter
/// thread does, before it runs anything): it then allocates and frees without an
/// atomic read-modify-write, while every other thread keeps taking the lock and
/// forces the owner out with membarrier(2) (O1, O2). None under malloc, where
/// membarrier is unavailable, or when a thread owns it already. The ownership ends
/// when the token is dropped.
pub fn own_global_heap() -> Option<super::Owner<'static>> {
    global_heap()?.own()
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

// SAFETY: G1: forwards each call to one Pymalloc chosen once for the whole process,
// so a block is always freed by the instance that allocated it; B1: each instance
// keeps GlobalAlloc's contract.
unsafe impl GlobalAlloc for GlobalPymalloc {
    /// # Safety
    /// GlobalAlloc's: `layout` has a non-zero size.
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = match mode() {
            SEED => SEED_HEAP.alloc(layout),
            CPYTHON => CPYTHON_HEAP.alloc(layout),
            _ => MALLOC_HEAP.raw_alloc(layout, false),
        };
        if trace::hooked() {
            trace::on_alloc(p, layout.size());
        }
        p
    }

    /// # Safety
    /// As `alloc`.
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = match mode() {
            SEED => SEED_HEAP.alloc_zeroed(layout),
            CPYTHON => CPYTHON_HEAP.alloc_zeroed(layout),
            _ => MALLOC_HEAP.raw_alloc(layout, true),
        };
        if trace::hooked() {
            trace::on_alloc(p, layout.size());
        }
        p
    }

    /// # Safety
    /// GlobalAlloc's (B1): `ptr` was allocated by this allocator with `layout`.
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if trace::hooked() {
            trace::on_free(ptr);
        }
        // SAFETY: B1, forwarded; G1: to the instance that allocated.
        unsafe {
            match mode() {
                SEED => SEED_HEAP.dealloc(ptr, layout),
                CPYTHON => CPYTHON_HEAP.dealloc(ptr, layout),
                _ => MALLOC_HEAP.raw_dealloc(ptr, layout),
            }
        }
    }

    /// # Safety
    /// GlobalAlloc's: as `dealloc`, and `new_size` rounded up to `layout.align()` does
    /// not overflow isize.
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: B1, forwarded; G1: to the instance that allocated.
        let p = unsafe {
            match mode() {
                SEED => SEED_HEAP.realloc(ptr, layout, new_size),
                CPYTHON => CPYTHON_HEAP.realloc(ptr, layout, new_size),
                _ => MALLOC_HEAP.raw_realloc(ptr, layout, new_size),
            }
        };
        if trace::hooked() {
            trace::on_realloc(ptr, p, new_size);
        }
        p
    }
}
