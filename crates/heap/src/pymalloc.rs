//! pymalloc: CPython 3.11's small-object allocator (arenas, pools, blocks), made the
//! process's global allocator, with statistics and a sys._debugmallocstats() report.

/* ==========================================================================
 * An object allocator for glasspy, after CPython's Objects/obmalloc.c
 * ==========================================================================
 *
 * Every allocation of the process comes through here: Python objects, list item
 * arrays, dict tables, string bytes, the compiler's Vecs.  Three layers:
 *
 *      Python objects (src/objects), list item arrays, dict tables, str bytes
 *    ________________________________________________________________________
 * +2 | Rust's global allocator: GlobalPymalloc (global.rs)                  |
 *    |   1..=512 bytes and          |   0 bytes, > 512 bytes, or            |
 *    |   align <= ALIGNMENT         |   align > ALIGNMENT                   |
 *    |______________________________|                                       |
 * +1 | pymalloc: Pymalloc,          |                                       |
 *    |   State (arenas.rs):         |                                       |
 *    |   arenas -> pools -> blocks  |                                       |
 *    |   usedpools, usable_arenas   |                                       |
 *    |______________________________|_______________________________________|
 *  0 | raw layer: arenas mapped by sysmem.rs (mmap / munmap, pool-aligned) |
 *    |   and the large requests from std::alloc::System (malloc / free)     |
 *    |______________________________________________________________________|
 *
 * With GLASSPY_MALLOC=malloc (like PYTHONMALLOC=malloc) layer +1 is skipped and
 * every request goes to the raw layer.
 *
 * Geometry (geometry.rs holds both presets; `seed` is the default):
 *
 *                 arena      pools/arena  pool     ALIGNMENT  classes
 *    seed         256 KiB    64           4 KiB    8          64: 8, 16, ... 512
 *    cpython      1 MiB      64           16 KiB   16         32: 16, 32, ... 512
 *
 * Arenas are mapped aligned to the pool size (a larger mapping trimmed when the
 * pool is bigger than a page), so all 64 pools are usable ("bytes lost to arena
 * alignment" is 0; CPython's mmap'd arenas lose one pool when the mapping is not
 * pool-aligned) and POOL_ADDR(block) is a mask.
 *
 * Size classes, seed (ALIGNMENT = 8):
 *
 *    Request in bytes     Size of allocated block      Size class idx (szidx)
 *    -----------------------------------------------------------------------
 *          1-8                      8                       0
 *          9-16                    16                       1
 *         17-24                    24                       2
 *          ...                    ...                     ...
 *         97-104                  104                      12
 *          ...                    ...                     ...
 *        497-504                  504                      62
 *        505-512                  512                      63
 *
 * Size classes, cpython (ALIGNMENT = 16):
 *
 *          1-16                    16                       0
 *         17-32                    32                       1
 *          ...                    ...                     ...
 *        497-512                  512                      31
 *
 *    szidx = (nbytes - 1) >> ALIGNMENT_SHIFT;  block size = (szidx + 1) << ALIGNMENT_SHIFT
 *
 * Pool layout: a 48-byte pool header (POOL_OVERHEAD), then blocks of one size
 * class back to back; (pool size - 48) % block size bytes at the end are lost to
 * quantization.  A pool holds (pool size - 48) / block size blocks.
 *
 * The pool header:
 *    count          blocks in use (CPython's ref.count)
 *    freeblock      head of the singly linked list of free blocks; a free block's
 *                   first word is the next free block
 *    nextpool,      the usedpools ring (both) or the arena's freepools list
 *    prevpool       (nextpool only)
 *    arenaindex     which arena object owns the pool
 *    szidx          the size class served
 *    nextoffset     offset of the first never-used block ("lazy carving": blocks
 *                   are threaded onto the free list one at a time, only when the
 *                   free list runs dry, so untouched memory is never written)
 *    maxnextoffset  the largest nextoffset at which a whole block still fits
 *
 * Pool states:
 *    used   0 < count < capacity: some blocks free, some in use.  The pool is in
 *           its size class's usedpools ring.
 *    full   count == capacity: freeblock is null and no block can be carved.  The
 *           pool is in no list.  Freeing one block makes it used again and puts it
 *           at the FRONT of usedpools, so it is the next pool allocated from.
 *    empty  count == 0: the pool is on its arena's freepools list (or was never
 *           carved) and can be given to any size class.  If it goes back to the size
 *           class it last served, its old free list is reused as it is.
 *
 * Blocks: a freed block is pushed on the FRONT of its pool's free list; allocation
 * pops the front of the first used pool's list.  So a freed block is the very next
 * block handed out for its size class (LIFO), and a run of frees comes back in
 * reverse order: this is why CPython's id() of a freed object comes back.
 *
 * Arenas: an arena object records the arena's address, pool_address (the next
 * pool never carved), nfreepools (empty pools: freepools plus never carved),
 * ntotalpools and freepools.  usable_arenas is a doubly linked list of the arenas
 * that have an empty pool, sorted by nfreepools ascending (the most used first),
 * so new pools come from the fullest arenas and the emptiest arenas get a chance
 * to become wholly free; nfp2lasta[n] points at the last arena with n free pools,
 * to keep the list sorted in O(1).  An arena whose pools are all empty is given
 * back to the system at once, unless it is the last arena of usable_arenas: CPython
 * 3.11 keeps that one, so that a loop allocating and freeing one object does not
 * map and unmap an arena every time (bpo-37257).
 *
 * Invariants (checked by Pymalloc::verify; SAFETY comments cite them):
 *    P1  a pool is in usedpools[i] if and only if it is carved, its szidx == i,
 *        count > 0 and freeblock != null (the moment its last block is handed out
 *        it leaves the ring).
 *    P2  a carved pool with count > 0 is full, and in no list, if and only if its
 *        freeblock is null.
 *    P3  a pool is on its arena's freepools if and only if it is carved and
 *        count == 0.
 *    P4  every block of a pool is either on the pool's free list, in use (counted by
 *        count), or at an offset >= nextoffset (never carved).
 *    A1  an arena object is associated (address != null) if and only if it is not on
 *        unused_arena_objects.
 *    A2  an arena is on usable_arenas if and only if it is associated and
 *        nfreepools > 0; usable_arenas is sorted by nfreepools ascending and
 *        nfp2lasta[n] is the last arena on it with nfreepools == n (or none).
 *    A3  at most one associated arena has nfreepools == ntotalpools, and it is the
 *        last of usable_arenas.
 *
 * More invariants the SAFETY comments cite (not checked by verify: they hold by
 * construction):
 *    P5  a pool starts at a pool_size-aligned address inside its arena, and its
 *        header fills the pool's first POOL_OVERHEAD bytes, so masking the address
 *        of any of its blocks with !(pool_size - 1) gives the header (POOL_ADDR).
 *        A carved pool's header is initialised; its szidx changes only while the
 *        pool is empty (P3).
 *    P6  the blocks of a carved pool of class szidx lie at POOL_OVERHEAD + k * size
 *        within it (size = class_size(szidx), a multiple of ALIGNMENT >= 8): each is
 *        aligned to ALIGNMENT and can hold a pointer; the first word of a free block
 *        is the next free block of the pool, or null.
 *    A4  `arenas` is null (maxarenas == 0) or a System allocation of exactly maxarenas
 *        initialised arena objects.  An associated arena's address is an
 *        arena_alloc of arena_layout() (sysmem.rs: arena_size bytes, pool-aligned)
 *        whose provenance was exposed when it was made; its pools below pool_address
 *        are carved.
 *    L1  the State of a Pymalloc is only read or written by a thread that has
 *        passed its gate (Pymalloc::locked; pymalloc/gate.rs) and not yet left it;
 *        the gate lets one thread through at a time (O1-O3), which makes the
 *        `&mut State` unique.  The raw pointers in the state name memory owned by
 *        the instance (arenas, the arena objects), not by a thread.
 *    L2  nothing done inside the gate allocates or unwinds (either would reenter
 *        the allocator: deadlock on its lock, or the owner working on the state it
 *        is in the middle of changing): a failed check! writes its message with
 *        write(2) and aborts.
 *    O1  at most one thread owns an instance: `owned` is set and cleared with the
 *        lock held, and only by the thread whose thread-local OWNS names the gate
 *        (set after it set `owned`, cleared before it clears it; Pymalloc::own,
 *        whose token is not Send).  Only the owner writes `inside`; `wants` is
 *        written only with the lock held.  An instance can be owned only where
 *        membarrier(2) PRIVATE_EXPEDITED is registered for the process (checked
 *        once); elsewhere no thread owns one and every thread takes the lock.
 *    O2  the owner goes in without the lock: it stores `inside = true`, then loads
 *        `wants` (a compiler fence keeps the order in the code), and works on the
 *        state only if `wants` is clear; otherwise it stores `inside = false` and
 *        takes the lock.  Any other thread takes the lock, and if the instance is
 *        owned stores `wants = true`, calls membarrier, and waits until it loads
 *        `inside == false`.  membarrier makes every running thread of the process
 *        execute a full barrier before it returns (a descheduled one passes one
 *        when it is scheduled again), so of the owner's store-then-load and the
 *        other thread's store-membarrier-load at least one sees the other's store:
 *        the owner sees `wants` (and goes to the lock), or the other thread sees
 *        the owner inside (and waits for it to leave).  While `wants` is set (until
 *        that thread leaves) every owner check sees it.  Under Miri the four
 *        accesses are sequentially consistent and a SeqCst fence stands for
 *        membarrier (a symmetric Dekker).
 *    O3  what one thread wrote in the state is visible to the next one let through:
 *        owner to other by the owner's release store of `inside = false` and the
 *        other's acquire load of it; other to owner by the release store of
 *        `wants = false` and the owner's acquire load of `wants`; between two that
 *        took the lock by the lock (and O1's changes of `owned` under it).
 *    B1  a block handed out for a layout is valid for layout.size() bytes and aligned
 *        to layout.align() until it is given back; a pointer given back to dealloc or
 *        realloc is such a live block of the same instance, with the layout it was
 *        allocated with (for realloc's result: the new size).  This is GlobalAlloc's
 *        contract: alloc keeps the first half, the unsafe callers promise the second.
 *
 * Where this differs from CPython: Rust hands the Layout back at every free, so
 * whether a block belongs to pymalloc is decided from its size and alignment, not
 * by address_in_range / the arena radix tree.  Consequently realloc of a large
 * (system) block down to <= 512 bytes moves it into pymalloc (CPython keeps it in
 * the system allocator), and there is no arena map in the report.
 */

mod arenas;
mod fallible;
mod gate;
pub mod geometry;
mod global;
mod stats;
mod sysmem;
#[cfg(test)]
mod tests;
mod walk;

pub use fallible::{check_room, fallible, served};
pub use gate::{prepare_owner, Owner};
pub use geometry::{Geometry, MAX_CLASSES, POOL_OVERHEAD};
pub use global::{
    choose_global_mode, global_debugmallocstats, global_heap, global_mode, global_stats,
    global_verify, object_alloc, object_alloc_small, object_dealloc, object_dealloc_small,
    own_global_heap, GlobalMode, GlobalPymalloc, SMALL_OBJECT,
};
pub use stats::{printone, ClassStats, LargeStats, MallocStats, VerifyError};
pub use walk::{ArenaView, HeapWalk, Location, PoolView, FREE_WORDS};

use arenas::State;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicUsize, Ordering::*};

/// A pymalloc instance: one set of arenas with its own gate (an owner thread, a lock
/// for the others) and statistics. The process-wide one is behind `GlobalPymalloc`;
/// tests make private ones.
pub struct Pymalloc {
    geometry: Geometry,
    gate: gate::Gate,
    state: UnsafeCell<State>,
    counters: Counters,
}

// SAFETY: L1: `state` is only touched by the one thread the gate lets through (see
// `Pymalloc::locked`, O1-O3); the raw pointers inside it name memory owned by this
// instance, not by any thread.
unsafe impl Sync for Pymalloc {}
// SAFETY: L1: nothing in the state is tied to a thread.
unsafe impl Send for Pymalloc {}

impl Pymalloc {
    /// A pymalloc with no arenas yet (the first small request makes one).
    pub const fn new(geometry: Geometry) -> Pymalloc {
        let geometry = geometry.checked();
        Pymalloc {
            geometry,
            gate: gate::Gate::new(),
            state: UnsafeCell::new(State::new(geometry)),
            counters: Counters::new(),
        }
    }

    /// The geometry this instance was built with.
    pub fn geometry(&self) -> Geometry {
        self.geometry
    }

    /// The size class serving `layout`, or None when it goes to the system.
    #[inline]
    pub fn size_class(&self, layout: Layout) -> Option<usize> {
        if layout.align() <= self.geometry.alignment {
            self.geometry.size_class(layout.size())
        } else {
            None
        }
    }

    /// Go through the gate: the owner thread without the lock, any other with it
    /// (O1-O3). The calling thread alone works on the state until the pass drops.
    #[inline(always)]
    fn enter(&self) -> Pass<'_> {
        let owner = self.gate.enter_owner();
        if !owner {
            self.gate.enter_slow();
        }
        Pass(&self.gate, owner)
    }

    /// Run `f` on the state, inside the gate.
    #[inline(always)]
    fn locked<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let _pass = self.enter();
        // SAFETY: L1: the gate lets this thread alone through until `_pass` is dropped
        // (O2, O3), so this is the only reference to the state.
        f(unsafe { &mut *self.state.get() })
    }

    /// Make the calling thread this instance's owner: from now on it allocates and
    /// frees without an atomic read-modify-write, and other threads force it out with
    /// membarrier(2) when they need the state (O1, O2). None where membarrier is
    /// unavailable (everyone keeps the lock), when the instance has an owner, or
    /// when this thread owns another instance. The ownership ends when the token is
    /// dropped (on this thread: it is not Send).
    pub fn own(&self) -> Option<Owner<'_>> {
        self.gate.own()
    }

    /// Does the calling thread own this instance?
    pub fn owned_here(&self) -> bool {
        self.gate.owned_here()
    }

    /// Allocate a block for `layout` (any size, zero included); null when out of
    /// memory. Small requests come from pymalloc, others from the system.
    #[inline]
    pub fn alloc(&self, layout: Layout) -> *mut u8 {
        match self.size_class(layout) {
            // SAFETY: szidx < nclasses by size_class; L1: the state, whose invariants
            // (P1-P6, A1-A4) hold between calls, is ours inside the gate.
            Some(szidx) => self.locked(|s| unsafe { s.malloc(szidx, &self.counters) }),
            None => self.raw_alloc(layout, false),
        }
    }

    /// A block of size class `szidx` (the object layer's fast path: the caller
    /// computed the class). Null when out of memory.
    ///
    /// # Safety
    /// `szidx < self.geometry.nclasses()`.
    #[inline(always)]
    pub(crate) unsafe fn alloc_class(&self, szidx: usize) -> *mut u8 {
        // Not through `locked`: where the compiler kept that call out of line, the
        // closure's captures went through memory. The owner's way in here, any other
        // out of line: nothing to keep in a register until leaving.
        if !self.gate.enter_owner() {
            // SAFETY: szidx < nclasses (caller), alloc_class_locked's contract; L1:
            // it goes through the gate itself.
            return unsafe { self.alloc_class_locked(szidx) };
        }
        let _pass = Pass(&self.gate, true);
        // SAFETY: szidx < nclasses (caller); L1: the gate lets this thread alone
        // through until `_pass` drops (O2, O3), so the state, whose invariants
        // (P1-P6, A1-A4) hold between calls, is ours alone.
        unsafe { (*self.state.get()).malloc(szidx, &self.counters) }
    }

    /// `alloc_class` through the lock (a thread that does not own the instance, or
    /// the owner while another thread wants in).
    ///
    /// # Safety
    /// As `alloc_class`.
    #[cold]
    #[inline(never)]
    unsafe fn alloc_class_locked(&self, szidx: usize) -> *mut u8 {
        self.gate.enter_slow();
        let _pass = Pass(&self.gate, false);
        // SAFETY: szidx < nclasses (caller); L1: the gate lets this thread alone
        // through until `_pass` drops (O2, O3), so the state is ours alone.
        unsafe { (*self.state.get()).malloc(szidx, &self.counters) }
    }

    /// Give back a small block (the object layer's fast path: the caller knows the
    /// block is pymalloc's; its pool, found from its address, knows the size).
    ///
    /// # Safety
    /// `ptr` came from this instance's `alloc_class` (or `alloc` of a layout with
    /// that size class; every class holds at least one word) and is freed once (B1).
    #[inline(always)]
    pub(crate) unsafe fn dealloc_small(&self, ptr: *mut u8) {
        // Not through `locked`: where the compiler kept that call out of line (the
        // object layer's general free path), the closure's captures went through
        // memory. The owner's way in here, any other out of line.
        if !self.gate.enter_owner() {
            // SAFETY: B1, forwarded from the caller; L1: dealloc_small_locked goes
            // through the gate itself.
            return unsafe { self.dealloc_small_locked(ptr) };
        }
        let _pass = Pass(&self.gate, true);
        // SAFETY: B1 (caller): the block is a live pymalloc block of this instance, at
        // least one word long (P6), so ptr is valid for the one word of the free-list
        // link; L1: the gate lets this thread alone through until `_pass` drops (O2,
        // O3), so the state is ours alone.
        unsafe { self.free_small(ptr) };
    }

    /// `dealloc_small` through the lock.
    ///
    /// # Safety
    /// As `dealloc_small`.
    #[cold]
    #[inline(never)]
    unsafe fn dealloc_small_locked(&self, ptr: *mut u8) {
        self.gate.enter_slow();
        let _pass = Pass(&self.gate, false);
        // SAFETY: B1 (caller), as in `dealloc_small`; L1: the gate lets this thread
        // alone through until `_pass` drops (O2, O3).
        unsafe { self.free_small(ptr) };
    }

    /// The state's part of `dealloc_small`.
    ///
    /// # Safety
    /// As `dealloc_small`, and the calling thread is inside the gate (L1).
    #[inline(always)]
    unsafe fn free_small(&self, ptr: *mut u8) {
        let bp = block_from_user(ptr);
        let link = std::mem::size_of::<usize>();
        // SAFETY: B1 (caller): bp is a live pymalloc block of this instance, at least
        // one word long (P6), so ptr is valid for the one word of the free-list link;
        // L1: the caller is inside the gate, so the state is ours alone.
        unsafe { (*self.state.get()).free(bp, ptr, link, &self.counters) };
    }

    /// Like `alloc`, with the block's first `layout.size()` bytes zeroed.
    pub fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if self.size_class(layout).is_none() {
            return self.raw_alloc(layout, true);
        }
        let p = self.alloc(layout);
        if !p.is_null() {
            // SAFETY: B1: p is a fresh block valid for layout.size() bytes.
            unsafe { p.write_bytes(0, layout.size()) };
        }
        p
    }

    /// Free a block.
    ///
    /// # Safety
    /// `ptr` came from this instance's alloc/alloc_zeroed/realloc with the same
    /// `layout` (for realloc: the new size) and has not been freed since (B1).
    #[inline]
    pub unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if self.size_class(layout).is_some() {
            let bp = block_from_user(ptr);
            // SAFETY: B1 (caller): bp is a live pymalloc block of this instance and
            // ptr is valid for layout.size() bytes; L1: inside the gate.
            self.locked(|s| unsafe { s.free(bp, ptr, layout.size(), &self.counters) });
        } else {
            // SAFETY: B1 (caller): a raw block allocated with this layout.
            unsafe { self.raw_dealloc(ptr, layout) };
        }
    }

    /// Resize a block as pymalloc_realloc does: a small block is kept when the new
    /// size fits it and does not shrink it by a quarter or more; otherwise a new
    /// block is allocated, the contents copied and the old block freed.
    ///
    /// # Safety
    /// As `dealloc` for `ptr` and `layout`; `new_size` rounded up to `layout.align()`
    /// does not overflow isize. On success the block's layout becomes
    /// (`new_size`, `layout.align()`); on null the old block is untouched.
    pub unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller promises new_size rounded up to the alignment does not
        // overflow isize (B1: realloc's contract), and the alignment is a Layout's.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if self.size_class(layout).is_some() {
            let bp = block_from_user(ptr);
            // SAFETY: B1 (caller): bp is a live block, so its pool is carved and its
            // header lies at the masked address (P5); its szidx is fixed while we read
            // it (written only while a pool is empty: P3, P5). The read is of a u32 that
            // no other thread writes while a block of the pool is live.
            let size = unsafe {
                let pool = bp.map_addr(|a| a & !(self.geometry.pool_size - 1));
                let pool = pool.cast::<arenas::PoolHeader>();
                self.geometry.class_size((*pool).szidx as usize)
            };
            if new_size <= size && 4 * new_size > 3 * size {
                // The same block, or shrinking by less than a quarter.
                return ptr;
            }
            let np = self.alloc(new_layout);
            if !np.is_null() {
                // SAFETY: B1: both blocks are live, distinct, and valid for the bytes
                // copied; the old one is given back once. (CPython copies the whole old
                // block when growing; only the caller's layout.size() bytes are
                // meaningful, and only those are copied.)
                unsafe {
                    std::ptr::copy_nonoverlapping(ptr, np, new_size.min(layout.size()));
                    self.dealloc(ptr, layout);
                }
            }
            np
        } else if self.size_class(new_layout).is_some() {
            // A large block shrinking to a small size moves into pymalloc.
            let np = self.alloc(new_layout);
            if !np.is_null() {
                // SAFETY: B1: the old (raw) block holds layout.size() > new_size bytes,
                // the new one new_size; the old one is given back once.
                unsafe {
                    std::ptr::copy_nonoverlapping(ptr, np, new_size);
                    self.raw_dealloc(ptr, layout);
                }
            }
            np
        } else {
            // SAFETY: B1 (caller): a raw block of `layout`.
            unsafe { self.raw_realloc(ptr, layout, new_size) }
        }
    }

    /// System realloc of a raw block, with the counters kept.
    ///
    /// # Safety
    /// `ptr` was returned by `raw_alloc` (or `raw_realloc`) of this instance with
    /// `layout` and not freed since (B1); `new_size` rounded up to `layout.align()`
    /// does not overflow isize.
    unsafe fn raw_realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = raw_layout(layout).expect("allocated with this layout");
        let new_size = new_size.max(1);
        if self
            .counters
            .check_limit(new_size.saturating_sub(old.size()))
        {
            return std::ptr::null_mut();
        }
        // SAFETY: B1 (caller): a raw block allocated with `old`; new_size > 0.
        let np = unsafe { System.realloc(ptr, old, new_size) };
        if !np.is_null() {
            self.counters.raw_resized(old.size(), new_size);
        }
        np
    }

    fn raw_alloc(&self, layout: Layout, zeroed: bool) -> *mut u8 {
        let Some(layout) = raw_layout(layout) else {
            return std::ptr::null_mut();
        };
        if self.counters.check_limit(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: B1: System's alloc needs a non-zero size, which raw_layout gives.
        let p = unsafe {
            if zeroed {
                System.alloc_zeroed(layout)
            } else {
                System.alloc(layout)
            }
        };
        if !p.is_null() {
            self.counters.raw_allocated(layout.size());
        }
        p
    }

    /// # Safety
    /// `ptr` was returned by `raw_alloc` of this instance with this `layout` and not
    /// freed since (B1).
    unsafe fn raw_dealloc(&self, ptr: *mut u8, layout: Layout) {
        let layout = raw_layout(layout).expect("allocated with this layout");
        // SAFETY: B1 (caller): ptr was allocated by raw_alloc with this layout.
        unsafe { System.dealloc(ptr, layout) };
        self.counters.raw_freed(layout.size());
    }

    /// The memory limit in bytes (0: none). See `set_limit`.
    pub fn limit(&self) -> usize {
        self.counters.limit.load(Relaxed)
    }

    /// Set the memory limit: from now on, a request for a new arena or a raw block
    /// that would take the footprint (arenas + raw blocks) past `bytes` is refused
    /// (null) when the requesting thread made it inside `fallible` (a try_reserve,
    /// whose caller raises MemoryError); any other such request is served and sets
    /// the thread's `PENDING_MEMORY` bit, which the eval loop turns into MemoryError
    /// before its next instruction (see fallible.rs). 0 removes the limit. Costs
    /// nothing on the fast path: the check sits where a new arena or a raw block is
    /// asked for.
    pub fn set_limit(&self, bytes: usize) {
        self.counters.limit.store(bytes, Relaxed);
    }

    /// Would `bytes` more stay within the limit (true when there is none)?
    pub fn has_room(&self, bytes: usize) -> bool {
        let limit = self.limit();
        limit == 0 || self.footprint().saturating_add(bytes) <= limit
    }

    /// Flag the allocating thread's `PENDING_SAMPLE` bit when a new arena or raw
    /// block takes the footprint past `bytes` (the memory report samples the heap as
    /// it grows); 0 turns it off. Same cost as the limit: on the slow path only.
    pub fn set_watch(&self, bytes: usize) {
        self.counters.watch.store(bytes, Relaxed);
    }

    /// Bytes held from the system now: arenas plus live raw blocks (what the limit
    /// is compared with).
    pub fn footprint(&self) -> usize {
        self.counters.arena_bytes.load(Relaxed) + self.counters.raw_live_bytes.load(Relaxed)
    }

    /// A snapshot of the statistics (walks every arena, like _debugmallocstats).
    pub fn stats(&self) -> MallocStats {
        let mut out = MallocStats::empty(self.geometry);
        self.locked(|s| s.collect_stats(&mut out));
        self.counters.fill(&mut out);
        out
    }

    /// Check invariants P1-P4 and A1-A3; the first violation found, if any.
    pub fn verify(&self) -> Result<(), VerifyError> {
        self.locked(|s| s.verify())
    }
}

impl Drop for Pymalloc {
    fn drop(&mut self) {
        // SAFETY: L1: `&mut self` is exclusive; B1: no block of this instance can be
        // given back or used any more (they borrowed the instance).
        unsafe { self.state.get_mut().release_all() };
    }
}

// SAFETY: B1: blocks are at least layout.size() bytes, aligned to layout.align() (P5,
// P6: pools are pool-aligned, the header and block sizes are multiples of ALIGNMENT;
// larger alignments go to System), and live until given back.
unsafe impl GlobalAlloc for Pymalloc {
    /// # Safety
    /// GlobalAlloc's: `layout` has a non-zero size (any size is served here).
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Pymalloc::alloc(self, layout)
    }
    /// # Safety
    /// As `alloc`.
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        Pymalloc::alloc_zeroed(self, layout)
    }
    /// # Safety
    /// GlobalAlloc's, which is B1: `ptr` is a live block of this instance allocated
    /// with `layout`.
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: B1, forwarded from the caller.
        unsafe { Pymalloc::dealloc(self, ptr, layout) }
    }
    /// # Safety
    /// GlobalAlloc's: as `dealloc`, and `new_size` rounded up to `layout.align()` does
    /// not overflow isize.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: B1, forwarded from the caller.
        unsafe { Pymalloc::realloc(self, ptr, layout, new_size) }
    }
}

/// The block `ptr` names, with the provenance of its arena. The caller's pointer may
/// carry a narrower provenance (a Box's covers only its payload), but the free list
/// link and the pool header lie outside that; the arena's provenance was exposed
/// when the arena was allocated (State::new_arena).
#[inline(always)]
fn block_from_user(ptr: *mut u8) -> *mut u8 {
    std::ptr::with_exposed_provenance_mut(ptr.addr())
}

/// The layout given to the system for a raw request (0 bytes becomes 1, as malloc(0)
/// returns a unique pointer). None for 0 bytes at an alignment so large that 1 byte
/// cannot have it (2^63 on 64-bit): that request fails.
#[inline]
fn raw_layout(layout: Layout) -> Option<Layout> {
    if layout.size() == 0 {
        Layout::from_size_align(1, layout.align()).ok()
    } else {
        Some(layout)
    }
}

/// A thread inside the gate, and whether it came in as the owner: leaves it when
/// dropped. (The flag kept in a register measured faster than finding the way in
/// again from the thread-local and `inside` when leaving.)
struct Pass<'a>(&'a gate::Gate, bool);

impl Drop for Pass<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.0.leave(self.1);
    }
}

/// Counters kept outside the gate (atomics): raw (system) requests and the footprint.
struct Counters {
    raw_live_count: AtomicUsize,
    raw_live_bytes: AtomicUsize,
    raw_total_count: AtomicUsize,
    raw_peak_bytes: AtomicUsize,
    arena_bytes: AtomicUsize,
    peak_footprint: AtomicUsize,
    /// The memory limit in bytes; 0: none.
    limit: AtomicUsize,
    /// Footprint at which to flag `PENDING_SAMPLE` (the memory report); 0: none.
    watch: AtomicUsize,
}

impl Counters {
    const fn new() -> Counters {
        Counters {
            raw_live_count: AtomicUsize::new(0),
            raw_live_bytes: AtomicUsize::new(0),
            raw_total_count: AtomicUsize::new(0),
            raw_peak_bytes: AtomicUsize::new(0),
            arena_bytes: AtomicUsize::new(0),
            peak_footprint: AtomicUsize::new(0),
            limit: AtomicUsize::new(0),
            watch: AtomicUsize::new(0),
        }
    }

    /// The slow path is about to take `extra` more bytes from the system. Past the
    /// limit: true (refuse the request) if the thread is inside `fallible`, else
    /// flag MemoryError for the allocating thread and false (serve it). No
    /// allocation, no unwinding: this may run inside the gate, L2.
    #[inline]
    fn check_limit(&self, extra: usize) -> bool {
        let (limit, watch) = (self.limit.load(Relaxed), self.watch.load(Relaxed));
        if limit | watch != 0 {
            let now = self.arena_bytes.load(Relaxed) + self.raw_live_bytes.load(Relaxed);
            let after = now.saturating_add(extra);
            if limit != 0 && after > limit {
                if fallible::refusable() {
                    return true;
                }
                crate::object::set_pending(crate::object::PENDING_MEMORY, true);
            }
            if watch != 0 && after > watch {
                crate::object::set_pending(crate::object::PENDING_SAMPLE, true);
            }
        }
        false
    }

    fn note_footprint(&self) {
        let now = self.arena_bytes.load(Relaxed) + self.raw_live_bytes.load(Relaxed);
        if now > self.peak_footprint.load(Relaxed) {
            self.peak_footprint.fetch_max(now, Relaxed);
        }
    }

    fn arena_grew(&self, n: usize) {
        self.arena_bytes.fetch_add(n, Relaxed);
        self.note_footprint();
    }

    fn arena_shrank(&self, n: usize) {
        self.arena_bytes.fetch_sub(n, Relaxed);
    }

    fn raw_allocated(&self, n: usize) {
        self.raw_live_count.fetch_add(1, Relaxed);
        self.raw_total_count.fetch_add(1, Relaxed);
        let live = self.raw_live_bytes.fetch_add(n, Relaxed) + n;
        if live > self.raw_peak_bytes.load(Relaxed) {
            self.raw_peak_bytes.fetch_max(live, Relaxed);
        }
        self.note_footprint();
    }

    fn raw_freed(&self, n: usize) {
        self.raw_live_count.fetch_sub(1, Relaxed);
        self.raw_live_bytes.fetch_sub(n, Relaxed);
    }

    fn raw_resized(&self, old: usize, new: usize) {
        if new >= old {
            let live = self.raw_live_bytes.fetch_add(new - old, Relaxed) + (new - old);
            if live > self.raw_peak_bytes.load(Relaxed) {
                self.raw_peak_bytes.fetch_max(live, Relaxed);
            }
            self.note_footprint();
        } else {
            self.raw_live_bytes.fetch_sub(old - new, Relaxed);
        }
    }

    fn fill(&self, out: &mut MallocStats) {
        out.large = LargeStats {
            live_count: self.raw_live_count.load(Relaxed),
            live_bytes: self.raw_live_bytes.load(Relaxed),
            total_count: self.raw_total_count.load(Relaxed),
            peak_bytes: self.raw_peak_bytes.load(Relaxed),
        };
        out.peak_footprint_bytes = self.peak_footprint.load(Relaxed);
    }
}
