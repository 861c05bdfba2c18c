//! Looking at the allocator from outside, for the `glass` module: a snapshot of every
//! arena and pool with a bitmap of its free blocks (`Pymalloc::walk`), and where an
//! address lives (`Pymalloc::locate`). Both only read the allocator's own metadata
//! (arena objects, pool headers, free-list links) under the lock, never a block's
//! contents, and allocate nothing inside the gate (L2).

use super::arenas::{PoolHeader, State};
use super::geometry::POOL_OVERHEAD;
use super::Pymalloc;

/// Words of a pool's free bitmap: enough bits for the largest pool of any preset
/// (cpython: (16384 - 48) / 16 = 1021 blocks).
pub const FREE_WORDS: usize = 16;

/// One pool of an arena, as the walk found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolView {
    /// Index of the owning arena in `HeapWalk::arenas`.
    pub arena: usize,
    /// Position of the pool in its arena (0 = the first pool).
    pub index: usize,
    /// The pool's address (its header).
    pub address: usize,
    /// The size class served (or last served, while empty); None if never carved.
    pub szidx: Option<usize>,
    /// Bytes per block of that class (0 if never carved).
    pub block_size: usize,
    /// Blocks in use.
    pub count: usize,
    /// Blocks the pool holds ((pool size - 48) / block size; 0 if never carved).
    pub capacity: usize,
    /// Bit i set: block i is free (on the free list or never handed out).
    pub free: [u64; FREE_WORDS],
}

impl PoolView {
    /// used (some blocks in use, some free), full, or empty (no block in use).
    pub fn state(&self) -> &'static str {
        if self.count == 0 {
            "empty"
        } else if self.count == self.capacity {
            "full"
        } else {
            "used"
        }
    }

    /// Is block `i` of the pool free?
    pub fn is_free(&self, i: usize) -> bool {
        i >= self.capacity || self.free[i / 64] & (1 << (i % 64)) != 0
    }

    /// The address of block `i`.
    pub fn block_address(&self, i: usize) -> usize {
        self.address + POOL_OVERHEAD + i * self.block_size
    }
}

/// One arena: its address and the index of its arena object (CPython's arenaindex).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArenaView {
    /// Index of the arena object in the allocator's table.
    pub arena_index: usize,
    pub address: usize,
    /// Empty pools (on the free list or never carved).
    pub nfreepools: usize,
    pub ntotalpools: usize,
    /// The range of `HeapWalk::pools` holding this arena's pools, in address order.
    pub first_pool: usize,
}

/// Every arena and every pool of an instance at one moment.
#[derive(Clone, Debug, Default)]
pub struct HeapWalk {
    pub arenas: Vec<ArenaView>,
    pub pools: Vec<PoolView>,
}

impl HeapWalk {
    /// The pools of arena `a` (an index into `arenas`).
    pub fn pools_of(&self, a: usize) -> &[PoolView] {
        let start = self.arenas[a].first_pool;
        let end = self
            .arenas
            .get(a + 1)
            .map_or(self.pools.len(), |n| n.first_pool);
        &self.pools[start..end]
    }
}

/// Where an address lies in pymalloc's geometry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// Index of the arena object (CPython's arenaindex).
    pub arena_index: usize,
    /// Position of the pool in its arena.
    pub pool: usize,
    /// Index of the block in its pool.
    pub block: usize,
    pub szidx: usize,
    pub block_size: usize,
    /// The block's start (the address may lie inside it).
    pub block_address: usize,
}

impl Pymalloc {
    /// A snapshot of every associated arena and all its pools, with each pool's free
    /// blocks. Arenas are listed by the index of their arena object.
    pub fn walk(&self) -> HeapWalk {
        let mut out = HeapWalk::default();
        loop {
            let (na, np) = self.locked(|s| s.walk_sizes());
            // Reserve outside the gate (this may allocate from this instance).
            out.arenas.reserve(na + 1);
            out.pools.reserve(np + 64);
            if self.locked(|s| s.walk_fill(&mut out)) {
                return out;
            }
            out.arenas.clear();
            out.pools.clear();
        }
    }

    /// The arena, pool and block holding `addr`, if it lies in a block of a carved
    /// pool of this instance (None for memory of the raw layer, or a pool header).
    pub fn locate(&self, addr: usize) -> Option<Location> {
        self.locked(|s| s.locate(addr))
    }
}

impl State {
    /// Associated arenas, and their pools.
    fn walk_sizes(&self) -> (usize, usize) {
        let (mut na, mut np) = (0, 0);
        for ai in 0..self.maxarenas {
            // SAFETY: L1: inside the gate; A4: ai < maxarenas indexes an initialised
            // arena object.
            let ao = unsafe { &*self.ao(ai) };
            if !ao.address.is_null() {
                na += 1;
                np += ao.ntotalpools as usize;
            }
        }
        (na, np)
    }

    /// Push every arena and pool into `out` without growing its vectors; false when
    /// they lack capacity (the caller reserves more and tries again).
    fn walk_fill(&self, out: &mut HeapWalk) -> bool {
        let g = self.g;
        for ai in 0..self.maxarenas {
            // SAFETY: L1: inside the gate; A4: ai < maxarenas; an associated arena's
            // pools below pool_address are carved, pool-aligned, with initialised
            // headers (P5), and P6: their free lists link blocks of the same pool.
            unsafe {
                let ao = &*self.ao(ai);
                if ao.address.is_null() {
                    continue;
                }
                if out.arenas.len() == out.arenas.capacity()
                    || out.pools.capacity() - out.pools.len() < ao.ntotalpools as usize
                {
                    return false;
                }
                let arena = out.arenas.len();
                out.arenas.push(ArenaView {
                    arena_index: ai as usize,
                    address: ao.address.addr(),
                    nfreepools: ao.nfreepools as usize,
                    ntotalpools: ao.ntotalpools as usize,
                    first_pool: out.pools.len(),
                });
                for index in 0..ao.ntotalpools as usize {
                    let p = ao.address.add(index * g.pool_size);
                    let mut v = PoolView {
                        arena,
                        index,
                        address: p.addr(),
                        szidx: None,
                        block_size: 0,
                        count: 0,
                        capacity: 0,
                        free: [0; FREE_WORDS],
                    };
                    if p < ao.pool_address {
                        self.fill_pool(p.cast::<PoolHeader>(), &mut v);
                    }
                    out.pools.push(v);
                }
            }
        }
        true
    }

    /// The class, counts and free bitmap of a carved pool.
    ///
    /// # Safety
    /// Inside the gate (L1); `pool` is a carved pool of this state (P5).
    unsafe fn fill_pool(&self, pool: *mut PoolHeader, v: &mut PoolView) {
        let g = self.g;
        // SAFETY: P5: a carved pool's header is initialised; P6: each free-list link
        // is null or a block of the same pool whose first word is the next link; the
        // walk stops after `capacity` steps should a list not end.
        unsafe {
            let szidx = (*pool).szidx as usize;
            if szidx >= g.nclasses() {
                return; // carved but never served a class (DUMMY_SIZE_IDX)
            }
            let size = g.class_size(szidx);
            let capacity = g.blocks_per_pool(szidx).min(FREE_WORDS * 64);
            v.szidx = Some(szidx);
            v.block_size = size;
            v.capacity = capacity;
            v.count = (*pool).count as usize;
            let first_never = ((*pool).nextoffset as usize).saturating_sub(POOL_OVERHEAD) / size;
            for i in first_never.min(capacity)..capacity {
                v.free[i / 64] |= 1 << (i % 64);
            }
            if v.count == 0 {
                // Empty: every block is free, whatever its list holds.
                for i in 0..capacity {
                    v.free[i / 64] |= 1 << (i % 64);
                }
                return;
            }
            let base = pool.addr() + POOL_OVERHEAD;
            let mut bp = (*pool).freeblock;
            let mut steps = 0;
            while !bp.is_null() && steps < capacity {
                let i = (bp.addr() - base) / size;
                if i < capacity {
                    v.free[i / 64] |= 1 << (i % 64);
                }
                bp = *(bp as *mut *mut u8);
                steps += 1;
            }
        }
    }

    /// See `Pymalloc::locate`.
    fn locate(&self, addr: usize) -> Option<Location> {
        let g = self.g;
        for ai in 0..self.maxarenas {
            // SAFETY: L1: inside the gate; A4: ai < maxarenas; a pool below the arena's
            // pool_address is carved with an initialised header (P5).
            unsafe {
                let ao = &*self.ao(ai);
                let base = ao.address.addr();
                if ao.address.is_null() || addr < base || addr >= base + g.arena_size {
                    continue;
                }
                let pool_addr = addr & !(g.pool_size - 1);
                if pool_addr >= ao.pool_address.addr() || addr < pool_addr + POOL_OVERHEAD {
                    return None;
                }
                let pool = ao.address.add(pool_addr - base).cast::<PoolHeader>();
                let szidx = (*pool).szidx as usize;
                if szidx >= g.nclasses() {
                    return None;
                }
                let size = g.class_size(szidx);
                let block = (addr - pool_addr - POOL_OVERHEAD) / size;
                if block >= g.blocks_per_pool(szidx) {
                    return None; // the tail lost to quantization
                }
                return Some(Location {
                    arena_index: ai as usize,
                    pool: (pool_addr - base) / g.pool_size,
                    block,
                    szidx,
                    block_size: size,
                    block_address: pool_addr + POOL_OVERHEAD + block * size,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Geometry, Pymalloc};
    use std::alloc::Layout;

    fn lay(n: usize) -> Layout {
        Layout::from_size_align(n, 8).unwrap()
    }

    #[test]
    fn walk_and_locate() {
        for g in Geometry::PRESETS {
            let h = Pymalloc::new(g);
            assert!(h.walk().arenas.is_empty());
            let a: Vec<*mut u8> = (0..5).map(|_| h.alloc(lay(24))).collect();
            let b = h.alloc(lay(100));
            let w = h.walk();
            assert_eq!(w.arenas.len(), 1);
            assert_eq!(w.pools.len(), g.pools_per_arena());
            assert_eq!(w.pools_of(0).len(), g.pools_per_arena());
            let used: Vec<_> = w.pools.iter().filter(|p| p.count > 0).collect();
            assert_eq!(used.len(), 2);
            let p24 = used.iter().find(|p| p.szidx == g.size_class(24)).unwrap();
            assert_eq!(p24.count, 5);
            assert_eq!(p24.state(), "used");
            assert_eq!(p24.block_size, g.class_size(g.size_class(24).unwrap()));
            for (i, &p) in a.iter().enumerate() {
                let loc = h.locate(p.addr()).unwrap();
                assert_eq!(loc.block, i);
                assert_eq!(loc.block_address, p.addr());
                assert!(!p24.is_free(i));
                assert_eq!(p24.block_address(i), p.addr());
            }
            assert!(p24.is_free(5));
            // Free the middle block: the bitmap shows the hole, locate still finds it.
            // SAFETY: T1: a block of h, freed once with its layout.
            unsafe { h.dealloc(a[2], lay(24)) };
            let w = h.walk();
            let p24 = w.pools.iter().find(|p| p.count == 4).unwrap();
            assert!(p24.is_free(2) && !p24.is_free(1) && !p24.is_free(3));
            let loc = h.locate(b.addr() + 3).unwrap();
            assert_eq!(loc.block_address, b.addr());
            assert_eq!(h.locate(p24.address), None); // a pool header
            assert_eq!(h.locate(1), None);
            // SAFETY: T1: the remaining blocks of h, each freed once.
            unsafe {
                for (i, &p) in a.iter().enumerate() {
                    if i != 2 {
                        h.dealloc(p, lay(24));
                    }
                }
                h.dealloc(b, lay(100));
            }
            let w = h.walk();
            assert!(w.pools.iter().all(|p| p.count == 0 && p.state() == "empty"));
        }
    }
}
