//! Checks DictTable::heap_bytes and SetTable::heap_bytes against the bytes really
//! allocated, counted by a wrapper around the system allocator.
//!
//! Not part of the build: a GlobalAlloc needs `unsafe`, which the project allows only
//! under src/heap. To rerun the check (it passed on x86_64 with indexmap 2.14.2 /
//! hashbrown 0.17.1):
//!     cp scripts/tables/heap_bytes_check.rs tests/ && cargo test --release --test heap_bytes_check; rm tests/heap_bytes_check.rs
//! It only works while the library installs no #[global_allocator] of its own; once the
//! heap routes every allocation through pymalloc, use the heap's byte statistics instead.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use glasspy::error::PyResult;
use glasspy::objects::dicttable::DictTable;
use glasspy::objects::settable::SetTable;
use glasspy::objects::table_key::TableKey;

struct Counting;

thread_local! {
    // Net bytes allocated by this thread (const-initialised: no allocation on access).
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

// A GlobalAlloc impl cannot be written without unsafe; it only forwards to System.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.with(|c| c.set(c.get() + layout.size() as isize));
        // SAFETY: forwarded unchanged to the system allocator, which has the same contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.with(|c| c.set(c.get() - layout.size() as isize));
        // SAFETY: ptr was allocated by System.alloc with this layout (see alloc/realloc).
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.with(|c| c.set(c.get() + new_size as isize - layout.size() as isize));
        // SAFETY: ptr came from System with this layout; same contract as System.realloc.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> isize {
    LIVE.with(|c| c.get())
}

/// A pointer-sized key with a niche that allocates nothing when cloned.
#[derive(Clone, Copy)]
struct Ref(&'static i64);

impl TableKey for Ref {
    fn is_same(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

fn eq(a: &Ref, b: &Ref) -> PyResult<bool> {
    Ok(a.0 == b.0)
}

#[test]
fn heap_bytes_equal_allocated_bytes() {
    let ints: &'static [i64] = Box::leak((0..5000).collect::<Vec<i64>>().into_boxed_slice());
    let key = |i: usize| (Ref(&ints[i]), ints[i]);

    // Dict: growth by inserts, deletions, compaction, popitem, copy, clear.
    let base = live();
    let mut d: DictTable<Ref, Ref> = DictTable::new();
    let mut checked = 0;
    for i in 0..3000 {
        let (k, h) = key(i);
        d.insert(k, h, k, &mut eq).unwrap();
        assert_eq!(live() - base, d.heap_bytes() as isize, "dict after {} inserts", i + 1);
        checked += 1;
    }
    for i in (0..3000).step_by(3) {
        let (k, h) = key(i);
        d.remove(&k, h, &mut eq).unwrap().unwrap();
    }
    for _ in 0..100 {
        d.popitem().unwrap();
    }
    assert_eq!(live() - base, d.heap_bytes() as isize, "dict after deletions");
    for i in 3000..5000 {
        let (k, h) = key(i);
        d.insert(k, h, k, &mut eq).unwrap();
        assert_eq!(live() - base, d.heap_bytes() as isize, "dict insert {i} after deletions");
    }
    let c = d.copy();
    assert_eq!(live() - base, (d.heap_bytes() + c.heap_bytes()) as isize, "copy");
    drop(c);
    let old = d.clear();
    assert_eq!(live() - base, old.heap_bytes() as isize, "cleared dict frees its table");
    drop(old);
    assert_eq!(live() - base, 0);
    assert_eq!(checked, 3000);

    // Set: the external table is one allocation of 16 bytes per slot.
    let base = live();
    let mut s: SetTable<Ref> = SetTable::new();
    for i in 0..5000 {
        let (k, h) = key(i);
        s.add(k, h, &mut eq).unwrap();
        assert_eq!(live() - base, s.heap_bytes() as isize, "set after {} adds", i + 1);
        assert_eq!(s.heap_bytes(), if s.table_size() == 8 { 0 } else { 16 * s.table_size() });
    }
    drop(s.clear());
    assert_eq!(live() - base, 0);
}
