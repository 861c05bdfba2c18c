//! Arena memory from the system: anonymous mappings (mmap / munmap), as CPython's
//! arena allocator uses, so that an arena given back leaves the process at once.
//! Through malloc it would not: glibc serves a freed 256 KiB block's successors from
//! its heap (its mmap threshold rises to the size of the first mapped block freed),
//! and memory in the middle of that heap stays in the process's RSS after a free.
//! Under Miri, off Unix, or for a layout the page size does not divide, `System`.
//!
//! A layout is served one way or the other by a pure function of the layout and the
//! page size (`mapped`), so `arena_free` undoes what `arena_alloc` did.

use std::alloc::{GlobalAlloc, Layout, System};

/// The page size, or 0 where mappings are not used.
#[cfg(all(unix, not(miri)))]
fn page_size() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    static PAGE: AtomicUsize = AtomicUsize::new(0);
    let p = PAGE.load(Relaxed);
    if p != 0 {
        return p;
    }
    // SAFETY: A4: sysconf reads a constant of the system and does not allocate (L2).
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    let p = if p > 0 && (p as usize).is_power_of_two() {
        p as usize
    } else {
        usize::MAX
    };
    PAGE.store(p, Relaxed);
    p
}

/// Is `layout` served by a mapping? Its size must be a whole number of pages.
#[cfg(all(unix, not(miri)))]
fn mapped(layout: Layout) -> bool {
    let page = page_size();
    page != usize::MAX && layout.size() > 0 && layout.size().is_multiple_of(page)
}

/// A fresh arena of `layout` (size, alignment = the pool size); null if the system
/// refuses.
pub(super) fn arena_alloc(layout: Layout) -> *mut u8 {
    #[cfg(all(unix, not(miri)))]
    if mapped(layout) {
        return map_aligned(layout);
    }
    // SAFETY: A4: a non-zero arena size (Geometry::checked); freed by arena_free with
    // the same layout.
    unsafe { System.alloc(layout) }
}

/// Give back an arena.
///
/// # Safety
/// `p` came from `arena_alloc(layout)` and is given back once (A4); no block of it
/// is used afterwards (B1).
pub(super) unsafe fn arena_free(p: *mut u8, layout: Layout) {
    #[cfg(all(unix, not(miri)))]
    if mapped(layout) {
        // SAFETY: A4: `p` is the start of a mapping of exactly layout.size() bytes
        // made by map_aligned (its head and tail were unmapped there).
        unsafe { libc::munmap(p.cast(), layout.size()) };
        return;
    }
    // SAFETY: A4 (caller): a System allocation of `layout`.
    unsafe { System.dealloc(p, layout) }
}

/// A mapping of layout.size() bytes starting at a multiple of layout.align(): a
/// mapping is page-aligned; for a larger alignment, map `align` bytes more and unmap
/// the head and tail around the aligned part.
#[cfg(all(unix, not(miri)))]
fn map_aligned(layout: Layout) -> *mut u8 {
    let (size, align, page) = (layout.size(), layout.align(), page_size());
    let extra = if align > page { align } else { 0 };
    let Some(len) = size.checked_add(extra) else {
        return std::ptr::null_mut();
    };
    // SAFETY: A4: an anonymous private mapping asks nothing of existing memory, and
    // does not allocate through Rust (L2).
    let base = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if base == libc::MAP_FAILED {
        return std::ptr::null_mut();
    }
    let base = base.cast::<u8>();
    if extra == 0 {
        return base;
    }
    // align > page: head and tail are whole pages (both powers of two, base and the
    // aligned start page-aligned), and head + tail == extra.
    let head = (align - (base as usize & (align - 1))) & (align - 1);
    let tail = extra - head;
    // SAFETY: A4: head and tail lie inside the mapping just made, and nothing else
    // refers to them.
    unsafe {
        if head > 0 {
            libc::munmap(base.cast(), head);
        }
        if tail > 0 {
            libc::munmap(base.add(head + size).cast(), tail);
        }
        base.add(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arenas_are_aligned_writable_and_given_back() {
        for (size, align) in [
            (256 << 10, 4 << 10),
            (1 << 20, 16 << 10),
            (1 << 20, 1 << 20),
        ] {
            let layout = Layout::from_size_align(size, align).unwrap();
            let mut got = Vec::new();
            for _ in 0..3 {
                let p = arena_alloc(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0);
                // SAFETY: A4: the arena is `size` bytes, ours until freed below.
                unsafe {
                    p.write(1);
                    p.add(size - 1).write(2);
                }
                got.push(p);
            }
            for p in got {
                // SAFETY: A4: each came from arena_alloc(layout), freed once.
                unsafe { arena_free(p, layout) };
            }
        }
    }
}
