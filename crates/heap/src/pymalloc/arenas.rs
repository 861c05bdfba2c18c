//! The pymalloc state and its algorithms: usedpools, the arena objects and
//! usable_arenas (kept sorted with nfp2lasta), block allocation and release
//! (pymalloc_alloc / pymalloc_free of CPython 3.11's obmalloc.c). Everything here runs
//! inside the instance's gate (L1); the invariants cited are listed in pymalloc.rs.

use super::geometry::{Geometry, MAX_CLASSES, MAX_POOLS_IN_ARENA, POOL_OVERHEAD};
use super::Counters;
use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr::null_mut;

/// A debug-build assertion usable inside the allocator's gate: a panic would
/// allocate (and reenter the allocator, L2), so a broken check writes a line to stderr
/// with libc and aborts.
macro_rules! check {
    ($cond:expr) => {
        if cfg!(debug_assertions) && !($cond) {
            $crate::pymalloc::arenas::check_failed(concat!(
                "pymalloc: check failed: ",
                stringify!($cond),
                "\n"
            ));
        }
    };
}

/// Report a failed `check!` without allocating, then abort.
#[cold]
pub(super) fn check_failed(msg: &str) -> ! {
    // SAFETY: L2: write(2) is how to report without allocating; it reads msg.len()
    // bytes of a valid &str.
    unsafe { libc::write(2, msg.as_ptr().cast(), msg.len()) };
    std::process::abort()
}

/// Lives in the first POOL_OVERHEAD bytes of every carved pool.
#[repr(C)]
pub(super) struct PoolHeader {
    /// ref.count: number of blocks of this pool in use.
    pub count: u32,
    _pad: u32,
    /// Head of the pool's free list of blocks; null iff the pool is full.
    pub freeblock: *mut u8,
    /// usedpools ring links while used; freepools list link (nextpool only) while empty.
    pub nextpool: *mut PoolHeader,
    pub prevpool: *mut PoolHeader,
    /// Index of the owning arena object in `State::arenas`.
    pub arenaindex: u32,
    /// Size class this pool serves (or served, while empty); DUMMY_SIZE_IDX when new.
    pub szidx: u32,
    /// Offset of the next never-used block (lazy carving).
    pub nextoffset: u32,
    /// Largest offset at which a whole block still fits.
    pub maxnextoffset: u32,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<PoolHeader>() == POOL_OVERHEAD);
const _: () = assert!(std::mem::size_of::<PoolHeader>() <= POOL_OVERHEAD);

/// "No arena": the null of arena-object links (arena objects are named by index).
pub(super) const NO_ARENA: u32 = u32::MAX;
/// szidx of a pool never used yet (CPython's DUMMY_SIZE_IDX).
const DUMMY_SIZE_IDX: u32 = 0xffff;
/// Arena objects made the first time (INITIAL_ARENA_OBJECTS); doubled on each growth.
const INITIAL_ARENA_OBJECTS: u32 = 16;

/// Bookkeeping for one arena (struct arena_object). Lives in the `arenas` array,
/// which is allocated from the system, never from pymalloc itself.
pub(super) struct ArenaObject {
    /// Base of the arena from the system; null iff this object is unassociated.
    pub address: *mut u8,
    /// Next pool never carved yet (== address + arena_size when all are carved).
    pub pool_address: *mut u8,
    /// Empty pools: the freepools list plus the pools not carved yet.
    pub nfreepools: u32,
    pub ntotalpools: u32,
    /// Singly linked (through nextpool) list of empty pools, most recently emptied first.
    pub freepools: *mut PoolHeader,
    /// usable_arenas links while associated; unused_arena_objects link otherwise.
    pub nextarena: u32,
    pub prevarena: u32,
}

/// Everything pymalloc mutates; only touched inside the allocator's gate (L1).
pub(super) struct State {
    pub g: Geometry,
    /// Per size class: head of the ring of pools with a free block (null: none).
    pub usedpools: [*mut PoolHeader; MAX_CLASSES],
    /// Array of `maxarenas` arena objects (system memory), null before the first arena.
    pub arenas: *mut ArenaObject,
    pub maxarenas: u32,
    /// Singly linked list of unassociated arena objects.
    pub unused_arena_objects: u32,
    /// Doubly linked list of arenas with a free pool, fewest free pools first.
    pub usable_arenas: u32,
    /// nfp2lasta[n]: the last arena in usable_arenas with nfreepools == n.
    pub nfp2lasta: [u32; MAX_POOLS_IN_ARENA + 1],
    pub ntimes_arena_allocated: usize,
    pub narenas_currently_allocated: usize,
    pub narenas_highwater: usize,
}

impl State {
    pub const fn new(g: Geometry) -> State {
        State {
            g,
            usedpools: [null_mut(); MAX_CLASSES],
            arenas: null_mut(),
            maxarenas: 0,
            unused_arena_objects: NO_ARENA,
            usable_arenas: NO_ARENA,
            nfp2lasta: [NO_ARENA; MAX_POOLS_IN_ARENA + 1],
            ntimes_arena_allocated: 0,
            narenas_currently_allocated: 0,
            narenas_highwater: 0,
        }
    }

    /// Layout asked from the system for one arena: aligned to the pool size so every
    /// pool is pool-aligned and POOL_ADDR is a mask.
    pub fn arena_layout(&self) -> Layout {
        // Geometry::checked guarantees power-of-two alignment.
        Layout::from_size_align(self.g.arena_size, self.g.pool_size).expect("arena layout")
    }

    /// The arena object at index `i`.
    ///
    /// # Safety
    /// `i < self.maxarenas`.
    #[inline]
    pub unsafe fn ao(&self, i: u32) -> *mut ArenaObject {
        check!(i < self.maxarenas);
        // SAFETY: A4: the arenas array holds maxarenas objects, and i < maxarenas
        // (caller).
        unsafe { self.arenas.add(i as usize) }
    }

    /// POOL_ADDR: the pool holding block `bp`, found by masking (provenance kept).
    #[inline]
    pub fn pool_of(&self, bp: *mut u8) -> *mut PoolHeader {
        let mask = self.g.pool_size - 1;
        bp.map_addr(|a| a & !mask).cast()
    }

    /// pymalloc_alloc for size class `szidx`: a block, or null when the system is out
    /// of memory for a new arena.
    ///
    /// # Safety
    /// `szidx < g.nclasses()`; the caller is inside the gate (L1), so the state's invariants
    /// (P1-P6, A1-A4) hold.
    #[inline(always)]
    pub unsafe fn malloc(&mut self, szidx: usize, c: &Counters) -> *mut u8 {
        let pool = self.usedpools[szidx];
        if !pool.is_null() {
            // SAFETY: L1: the state is ours; P1: a pool on usedpools is carved, has
            // szidx == szidx and a non-null freeblock; P6: the first word of a free
            // block is the next free block (or null).
            unsafe {
                (*pool).count += 1;
                let bp = (*pool).freeblock;
                check!(!bp.is_null());
                let next = *(bp as *mut *mut u8);
                (*pool).freeblock = next;
                if next.is_null() {
                    // End of the free list: carve one more block or leave usedpools.
                    self.pool_extend(pool, szidx);
                }
                return bp;
            }
        }
        // SAFETY: L1 and the invariants as above; usedpools[szidx] is empty.
        unsafe { self.allocate_from_new_pool(szidx, c) }
    }

    /// pymalloc_pool_extend: the pool's free list ran out.
    ///
    /// # Safety
    /// Inside the gate (L1); `pool` is the head of usedpools[szidx], whose last free
    /// block was just handed out (its freeblock is now null).
    #[inline(never)]
    unsafe fn pool_extend(&mut self, pool: *mut PoolHeader, szidx: usize) {
        // SAFETY: P1: pool is a carved pool, the head of usedpools[szidx], as are the
        // ring members it is unlinked from; P6: a block at nextoffset <= maxnextoffset
        // lies whole inside the pool and can hold the free-list link.
        unsafe {
            if (*pool).nextoffset <= (*pool).maxnextoffset {
                // Room for another never-used block: it becomes the whole free list.
                let fb = pool.cast::<u8>().add((*pool).nextoffset as usize);
                (*pool).freeblock = fb;
                (*pool).nextoffset += self.g.class_size(szidx) as u32;
                *(fb as *mut *mut u8) = null_mut();
                return;
            }
            // The pool is full: it leaves usedpools (it is the ring's head).
            let next = (*pool).nextpool;
            if next == pool {
                self.usedpools[szidx] = null_mut();
            } else {
                let prev = (*pool).prevpool;
                (*next).prevpool = prev;
                (*prev).nextpool = next;
                self.usedpools[szidx] = next;
            }
        }
    }

    /// allocate_from_new_pool: take an empty pool from the first usable arena (making
    /// an arena if none), link it to usedpools[szidx] and return its first block.
    ///
    /// # Safety
    /// Inside the gate (L1), szidx < g.nclasses() and usedpools[szidx] is empty.
    #[inline(never)]
    unsafe fn allocate_from_new_pool(&mut self, szidx: usize, c: &Counters) -> *mut u8 {
        // SAFETY: A1/A2/A4: arena indices on usable_arenas / nfp2lasta are <
        // maxarenas and associated; P3: a pool on freepools is carved and empty; A4/P5:
        // an arena with nfreepools > 0 and no freepools has an uncarved pool at
        // pool_address, pool-aligned, inside the arena; P6: the blocks handed out and
        // linked below lie inside the pool.
        unsafe {
            if self.usable_arenas == NO_ARENA {
                let ai = self.new_arena(c);
                if ai == NO_ARENA {
                    return null_mut();
                }
                self.usable_arenas = ai;
                let ao = self.ao(ai);
                (*ao).nextarena = NO_ARENA;
                (*ao).prevarena = NO_ARENA;
                let nf = (*ao).nfreepools as usize;
                check!(self.nfp2lasta[nf] == NO_ARENA);
                self.nfp2lasta[nf] = ai;
            }
            let ai = self.usable_arenas;
            let ao = self.ao(ai);
            let nf = (*ao).nfreepools as usize;
            check!(nf > 0);
            // The head arena has the fewest free pools, so taking one keeps the order;
            // only nfp2lasta needs fixing.
            if self.nfp2lasta[nf] == ai {
                self.nfp2lasta[nf] = NO_ARENA;
            }
            if nf > 1 {
                check!(self.nfp2lasta[nf - 1] == NO_ARENA);
                self.nfp2lasta[nf - 1] = ai;
            }
            let pool;
            if !(*ao).freepools.is_null() {
                // A cached empty pool.
                pool = (*ao).freepools;
                (*ao).freepools = (*pool).nextpool;
            } else {
                // Carve a new pool off the arena.
                pool = (*ao).pool_address.cast::<PoolHeader>();
                (*pool).arenaindex = ai;
                (*pool).szidx = DUMMY_SIZE_IDX;
                (*ao).pool_address = (*ao).pool_address.add(self.g.pool_size);
            }
            (*ao).nfreepools -= 1;
            if (*ao).nfreepools == 0 {
                // Wholly allocated: leaves usable_arenas.
                self.usable_arenas = (*ao).nextarena;
                if self.usable_arenas != NO_ARENA {
                    (*self.ao(self.usable_arenas)).prevarena = NO_ARENA;
                }
            }
            // Front-link to the (empty) usedpools ring.
            (*pool).nextpool = pool;
            (*pool).prevpool = pool;
            self.usedpools[szidx] = pool;
            (*pool).count = 1;
            if (*pool).szidx == szidx as u32 {
                // The pool last served this class: its free list is still valid.
                let bp = (*pool).freeblock;
                check!(!bp.is_null());
                (*pool).freeblock = *(bp as *mut *mut u8);
                check!(!(*pool).freeblock.is_null());
                return bp;
            }
            // Initialise: hand out the first block, the second is the free list.
            let size = self.g.class_size(szidx);
            (*pool).szidx = szidx as u32;
            let bp = pool.cast::<u8>().add(POOL_OVERHEAD);
            (*pool).nextoffset = (POOL_OVERHEAD + 2 * size) as u32;
            (*pool).maxnextoffset = (self.g.pool_size - size) as u32;
            let fb = bp.add(size);
            (*pool).freeblock = fb;
            *(fb as *mut *mut u8) = null_mut();
            bp
        }
    }

    /// new_arena: associate an arena object with fresh system memory; NO_ARENA when
    /// the system refuses.
    ///
    /// # Safety
    /// Inside the gate (L1; A1-A4 hold before and after).
    unsafe fn new_arena(&mut self, c: &Counters) -> u32 {
        // SAFETY: A4: the arenas array is (re)allocated from System with the layout of
        // maxarenas objects, and the objects written are below the new maxarenas; A1:
        // unused_arena_objects names an unassociated object < maxarenas.
        unsafe {
            if self.unused_arena_objects == NO_ARENA {
                // Grow the arena objects (no pointer into the array is held: indices).
                let numarenas = if self.maxarenas == 0 {
                    INITIAL_ARENA_OBJECTS
                } else {
                    match self.maxarenas.checked_mul(2) {
                        Some(n) if n < NO_ARENA => n,
                        _ => return NO_ARENA,
                    }
                };
                let Ok(new_layout) = Layout::array::<ArenaObject>(numarenas as usize) else {
                    return NO_ARENA;
                };
                let p = if self.arenas.is_null() {
                    System.alloc(new_layout)
                } else {
                    let old = Layout::array::<ArenaObject>(self.maxarenas as usize)
                        .expect("old arenas layout");
                    System.realloc(self.arenas.cast(), old, new_layout.size())
                };
                if p.is_null() {
                    return NO_ARENA;
                }
                self.arenas = p.cast();
                for i in self.maxarenas..numarenas {
                    self.arenas.add(i as usize).write(ArenaObject {
                        address: null_mut(),
                        pool_address: null_mut(),
                        nfreepools: 0,
                        ntotalpools: 0,
                        freepools: null_mut(),
                        nextarena: if i + 1 < numarenas { i + 1 } else { NO_ARENA },
                        prevarena: NO_ARENA,
                    });
                }
                self.unused_arena_objects = self.maxarenas;
                self.maxarenas = numarenas;
            }
            let ai = self.unused_arena_objects;
            let ao = self.ao(ai);
            if c.check_limit(self.g.arena_size) {
                return NO_ARENA;
            }
            let address = super::sysmem::arena_alloc(self.arena_layout());
            if address.is_null() {
                return NO_ARENA;
            }
            // Blocks handed back to dealloc get their provenance from here (see
            // Pymalloc::block_from_user).
            let _ = address.expose_provenance();
            self.unused_arena_objects = (*ao).nextarena;
            let npools = self.g.pools_per_arena() as u32;
            (*ao).address = address;
            (*ao).pool_address = address;
            (*ao).nfreepools = npools;
            (*ao).ntotalpools = npools;
            (*ao).freepools = null_mut();
            self.narenas_currently_allocated += 1;
            self.ntimes_arena_allocated += 1;
            self.narenas_highwater = self.narenas_highwater.max(self.narenas_currently_allocated);
            c.arena_grew(self.g.arena_size);
            ai
        }
    }

    /// pymalloc_free of block `bp` (which must carry arena provenance). The caller's
    /// own pointer `user`, valid for `user_len` bytes, is used to write the free-list
    /// link into the block (see `write_link`).
    ///
    /// # Safety
    /// Inside the gate (L1); `bp` is a block handed out by `malloc` of this state and
    /// not freed since (B1); `user` has bp's address and is valid for `user_len` bytes.
    #[inline(always)]
    pub unsafe fn free(&mut self, bp: *mut u8, user: *mut u8, user_len: usize, c: &Counters) {
        let pool = self.pool_of(bp);
        // SAFETY: B1: bp is a live block, so P5: its pool's header is at the masked
        // address, carved, with count > 0; P6: bp is a whole block that can hold the
        // free-list link.
        unsafe {
            check!((*pool).count > 0);
            let lastfree = (*pool).freeblock;
            write_link(bp, user, user_len, lastfree);
            (*pool).freeblock = bp;
            (*pool).count -= 1;
            if lastfree.is_null() {
                // The pool was full, so in no list: back to the front of usedpools.
                self.insert_to_usedpool(pool);
                return;
            }
            if (*pool).count != 0 {
                return;
            }
            self.insert_to_freepool(pool, c);
        }
    }

    /// Link a pool that was full to the front of its usedpools ring.
    ///
    /// # Safety
    /// `pool` is a carved pool of this allocator that was full (P2), and the caller is
    /// inside the gate (L1).
    #[inline(never)]
    unsafe fn insert_to_usedpool(&mut self, pool: *mut PoolHeader) {
        // SAFETY: P1/P2: pool and the ring members are carved pools with initialised
        // headers; L1: the state is ours.
        unsafe {
            let sz = (*pool).szidx as usize;
            let head = self.usedpools[sz];
            if head.is_null() {
                (*pool).nextpool = pool;
                (*pool).prevpool = pool;
            } else {
                let tail = (*head).prevpool;
                (*pool).nextpool = head;
                (*pool).prevpool = tail;
                (*head).prevpool = pool;
                (*tail).nextpool = pool;
            }
            self.usedpools[sz] = pool;
        }
    }

    /// The pool became empty: unlink it from usedpools, push it on its arena's
    /// freepools, and keep usable_arenas sorted (freeing the arena if it is wholly
    /// free and not the last one in usable_arenas, as CPython 3.11 does: bpo-37257).
    ///
    /// # Safety
    /// `pool` is on usedpools and now has no block in use; the lock is held (L1).
    #[inline(never)]
    unsafe fn insert_to_freepool(&mut self, pool: *mut PoolHeader, c: &Counters) {
        // SAFETY: P1: pool is on usedpools (it was neither full nor empty), as are its
        // ring neighbours; A1/A4: its arenaindex names an associated arena object,
        // whose memory is an arena_alloc of arena_layout(); A2: the arena indices
        // on usable_arenas and nfp2lasta are valid.
        unsafe {
            let sz = (*pool).szidx as usize;
            let next = (*pool).nextpool;
            if next == pool {
                self.usedpools[sz] = null_mut();
            } else {
                let prev = (*pool).prevpool;
                (*next).prevpool = prev;
                (*prev).nextpool = next;
                if self.usedpools[sz] == pool {
                    self.usedpools[sz] = next;
                }
            }
            let ai = (*pool).arenaindex;
            let ao = self.ao(ai);
            (*pool).nextpool = (*ao).freepools;
            (*ao).freepools = pool;
            let mut nf = (*ao).nfreepools as usize;
            let lastnf = self.nfp2lasta[nf];
            if lastnf == ai {
                // ao was the rightmost arena with nf free pools.
                let p = (*ao).prevarena;
                self.nfp2lasta[nf] = if p != NO_ARENA && (*self.ao(p)).nfreepools as usize == nf {
                    p
                } else {
                    NO_ARENA
                };
            }
            nf += 1;
            (*ao).nfreepools = nf as u32;

            if nf == (*ao).ntotalpools as usize && (*ao).nextarena != NO_ARENA {
                // Case 1: wholly free and not the last usable arena: back to the system.
                let (prev, nxt) = ((*ao).prevarena, (*ao).nextarena);
                if prev == NO_ARENA {
                    self.usable_arenas = nxt;
                } else {
                    (*self.ao(prev)).nextarena = nxt;
                }
                (*self.ao(nxt)).prevarena = prev;
                (*ao).nextarena = self.unused_arena_objects;
                self.unused_arena_objects = ai;
                super::sysmem::arena_free((*ao).address, self.arena_layout());
                (*ao).address = null_mut();
                (*ao).pool_address = null_mut();
                (*ao).freepools = null_mut();
                self.narenas_currently_allocated -= 1;
                c.arena_shrank(self.g.arena_size);
                return;
            }
            if nf == 1 {
                // Case 2: the arena was wholly allocated; it goes to the head.
                (*ao).nextarena = self.usable_arenas;
                (*ao).prevarena = NO_ARENA;
                if self.usable_arenas != NO_ARENA {
                    (*self.ao(self.usable_arenas)).prevarena = ai;
                }
                self.usable_arenas = ai;
                if self.nfp2lasta[1] == NO_ARENA {
                    self.nfp2lasta[1] = ai;
                }
                return;
            }
            if self.nfp2lasta[nf] == NO_ARENA {
                self.nfp2lasta[nf] = ai;
            }
            if ai == lastnf {
                // Case 4: still in order.
                return;
            }
            // Case 3: slide the arena right, to just after lastnf.
            check!(lastnf != NO_ARENA && (*ao).nextarena != NO_ARENA);
            let (prev, nxt) = ((*ao).prevarena, (*ao).nextarena);
            if prev != NO_ARENA {
                (*self.ao(prev)).nextarena = nxt;
            } else {
                self.usable_arenas = nxt;
            }
            (*self.ao(nxt)).prevarena = prev;
            let last = self.ao(lastnf);
            (*ao).prevarena = lastnf;
            (*ao).nextarena = (*last).nextarena;
            if (*ao).nextarena != NO_ARENA {
                (*self.ao((*ao).nextarena)).prevarena = ai;
            }
            (*last).nextarena = ai;
        }
    }

    /// Return every arena and the arena objects to the system (used by Drop of a
    /// private instance; blocks still in use become dangling).
    ///
    /// # Safety
    /// No block of this state is used afterwards (B1), and the state is ours (L1).
    pub unsafe fn release_all(&mut self) {
        // SAFETY: A4: associated arena objects hold arena_alloc allocations of
        // arena_layout(); the array itself was allocated with the layout of maxarenas
        // objects.
        unsafe {
            for i in 0..self.maxarenas {
                let ao = self.ao(i);
                if !(*ao).address.is_null() {
                    super::sysmem::arena_free((*ao).address, self.arena_layout());
                }
            }
            if !self.arenas.is_null() {
                let layout =
                    Layout::array::<ArenaObject>(self.maxarenas as usize).expect("arenas layout");
                System.dealloc(self.arenas.cast(), layout);
            }
        }
        *self = State::new(self.g);
    }
}

/// Store the free-list link `next` in the first word of block `bp`. The bytes the
/// caller owned are written through the caller's pointer `user` (valid for
/// `user_len` bytes), the rest through `bp`: while a Box is being dropped its
/// pointer may still be protected, and a write through any other pointer to the
/// bytes it covers would be undefined behaviour under Stacked Borrows.
///
/// # Safety
/// `bp` is a whole block (>= one word, P6) with arena provenance (A4); `user` has the
/// same address and is valid for writes of `user_len` bytes (B1).
#[inline(always)]
unsafe fn write_link(bp: *mut u8, user: *mut u8, user_len: usize, next: *mut u8) {
    const W: usize = std::mem::size_of::<*mut u8>();
    // SAFETY: P6: the block holds at least W bytes and is aligned for a pointer (the
    // user's pointer too, same address); B1: the caller's bytes are written through
    // the caller's pointer; A4: the rest through the arena's provenance.
    unsafe {
        if user_len >= W {
            (user as *mut *mut u8).write(next);
        } else {
            // Split the pointer's bytes (memcpy keeps each byte's provenance).
            let src = (&next as *const *mut u8).cast::<u8>();
            std::ptr::copy_nonoverlapping(src, user, user_len);
            std::ptr::copy_nonoverlapping(src.add(user_len), bp.add(user_len), W - user_len);
        }
    }
}
