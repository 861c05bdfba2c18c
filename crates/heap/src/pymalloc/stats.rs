//! pymalloc statistics: the arena/pool walk behind `Pymalloc::stats`, invariant
//! checking (`Pymalloc::verify`) and the sys._debugmallocstats() report.

use super::arenas::{PoolHeader, State, NO_ARENA};
use super::geometry::{Geometry, MAX_CLASSES, POOL_OVERHEAD};
use std::fmt::{self, Write};

/// One row of the per-size-class table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassStats {
    /// Size class index.
    pub szidx: usize,
    /// Block size in bytes.
    pub size: usize,
    /// Pools serving this class that are not empty (used or full).
    pub num_pools: usize,
    /// Blocks in use.
    pub blocks_in_use: usize,
    /// Blocks free in those pools, never-carved ones included.
    pub avail_blocks: usize,
}

/// Requests served by the system allocator (over 512 bytes, 0 bytes, large
/// alignment, or everything under GLASSPY_MALLOC=malloc).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LargeStats {
    /// Allocations live now.
    pub live_count: usize,
    /// Bytes requested by the live ones.
    pub live_bytes: usize,
    /// Allocations made since the start.
    pub total_count: usize,
    /// High-water mark of `live_bytes`.
    pub peak_bytes: usize,
}

/// A snapshot of an allocator's statistics (field names follow _debugmallocstats).
#[derive(Clone, Copy, Debug)]
pub struct MallocStats {
    /// False under GLASSPY_MALLOC=malloc: only `large` is meaningful then.
    pub pymalloc_enabled: bool,
    pub geometry: Geometry,
    classes: [ClassStats; MAX_CLASSES],
    pub arenas_allocated_total: usize,
    pub arenas_reclaimed: usize,
    pub arenas_highwater: usize,
    pub arenas_allocated_current: usize,
    /// Empty pools in live arenas (on freepools or never carved).
    pub unused_pools: usize,
    pub bytes_in_allocated_blocks: usize,
    pub bytes_in_available_blocks: usize,
    pub bytes_lost_to_pool_headers: usize,
    pub bytes_lost_to_quantization: usize,
    /// Always 0: arenas are pool-aligned.
    pub bytes_lost_to_arena_alignment: usize,
    pub large: LargeStats,
    /// High-water mark of arena bytes + live large bytes.
    pub peak_footprint_bytes: usize,
}

impl MallocStats {
    pub(super) fn empty(geometry: Geometry) -> MallocStats {
        let mut classes = [ClassStats::default(); MAX_CLASSES];
        for (i, c) in classes.iter_mut().enumerate().take(geometry.nclasses()) {
            c.szidx = i;
            c.size = geometry.class_size(i);
        }
        MallocStats {
            pymalloc_enabled: true,
            geometry,
            classes,
            arenas_allocated_total: 0,
            arenas_reclaimed: 0,
            arenas_highwater: 0,
            arenas_allocated_current: 0,
            unused_pools: 0,
            bytes_in_allocated_blocks: 0,
            bytes_in_available_blocks: 0,
            bytes_lost_to_pool_headers: 0,
            bytes_lost_to_quantization: 0,
            bytes_lost_to_arena_alignment: 0,
            large: LargeStats::default(),
            peak_footprint_bytes: 0,
        }
    }

    /// One row per size class of the geometry.
    pub fn classes(&self) -> &[ClassStats] {
        &self.classes[..self.geometry.nclasses()]
    }

    /// The row of size class `szidx`.
    pub fn class(&self, szidx: usize) -> &ClassStats {
        &self.classes()[szidx]
    }

    /// The row of the class serving `nbytes` (None: served by the system).
    pub fn class_for_size(&self, nbytes: usize) -> Option<&ClassStats> {
        self.geometry.size_class(nbytes).map(|i| self.class(i))
    }

    /// Bytes held in arenas now.
    pub fn arena_bytes(&self) -> usize {
        self.arenas_allocated_current * self.geometry.arena_size
    }

    /// Blocks in use over all classes.
    pub fn blocks_in_use(&self) -> usize {
        self.classes().iter().map(|c| c.blocks_in_use).sum()
    }

    /// Bytes taken from the system now: arenas plus live large requests.
    pub fn footprint_bytes(&self) -> usize {
        self.arena_bytes() + self.large.live_bytes
    }

    /// The pymalloc part of sys._debugmallocstats(), in CPython 3.11's layout
    /// (reference/mallocstats.txt). Empty when pymalloc is disabled, as in CPython.
    pub fn debugmallocstats(&self) -> String {
        let mut out = String::new();
        if self.pymalloc_enabled {
            // Writing to a String cannot fail.
            let _ = self.write_report(&mut out);
        }
        out
    }

    fn write_report(&self, out: &mut String) -> fmt::Result {
        let g = &self.geometry;
        writeln!(
            out,
            "Small block threshold = {}, in {} size classes.",
            g.small_request_threshold,
            g.nclasses()
        )?;
        out.push_str("\nclass   size   num pools   blocks in use  avail blocks\n");
        out.push_str("-----   ----   ---------   -------------  ------------\n");
        for c in self.classes().iter().filter(|c| c.num_pools > 0) {
            writeln!(
                out,
                "{:5} {:6} {:11} {:15} {:13}",
                c.szidx, c.size, c.num_pools, c.blocks_in_use, c.avail_blocks
            )?;
        }
        out.push('\n');
        printone(out, "# arenas allocated total", self.arenas_allocated_total);
        printone(out, "# arenas reclaimed", self.arenas_reclaimed);
        printone(out, "# arenas highwater mark", self.arenas_highwater);
        printone(
            out,
            "# arenas allocated current",
            self.arenas_allocated_current,
        );
        let label = format!(
            "{} arenas * {} bytes/arena",
            self.arenas_allocated_current, g.arena_size
        );
        printone(out, &label, self.arena_bytes());
        out.push('\n');
        let mut total = 0;
        total += printone(
            out,
            "# bytes in allocated blocks",
            self.bytes_in_allocated_blocks,
        );
        total += printone(
            out,
            "# bytes in available blocks",
            self.bytes_in_available_blocks,
        );
        let label = format!("{} unused pools * {} bytes", self.unused_pools, g.pool_size);
        total += printone(out, &label, self.unused_pools * g.pool_size);
        total += printone(
            out,
            "# bytes lost to pool headers",
            self.bytes_lost_to_pool_headers,
        );
        total += printone(
            out,
            "# bytes lost to quantization",
            self.bytes_lost_to_quantization,
        );
        total += printone(
            out,
            "# bytes lost to arena alignment",
            self.bytes_lost_to_arena_alignment,
        );
        printone(out, "Total", total);
        Ok(())
    }
}

/// One "label = value" line of the report: the label padded to 35 columns, the value
/// with thousands separators right-aligned in 21 (CPython's printone). Returns value.
pub fn printone(out: &mut String, label: &str, value: usize) -> usize {
    out.push_str(label);
    for _ in label.len()..35 {
        out.push(' ');
    }
    out.push('=');
    let digits = value.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let _ = writeln!(out, "{grouped:>21}");
    value
}

/// The first broken invariant found by `Pymalloc::verify`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// Which invariant, in words.
    pub what: &'static str,
    /// The size class or arena index concerned.
    pub index: usize,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pymalloc invariant broken ({}): {}",
            self.index, self.what
        )
    }
}

impl std::error::Error for VerifyError {}

fn fail(what: &'static str, index: usize) -> Result<(), VerifyError> {
    Err(VerifyError { what, index })
}

impl State {
    /// Fill the pymalloc part of `out` by walking every carved pool of every arena
    /// (as _PyObject_DebugMallocStats does).
    pub fn collect_stats(&self, out: &mut MallocStats) {
        let g = self.g;
        for ai in 0..self.maxarenas {
            // SAFETY: L1: called inside the gate; A4: ai < maxarenas indexes the arena
            // objects, and an associated arena's pools below pool_address are carved,
            // pool-aligned, with initialised headers (P5).
            unsafe {
                let ao = self.ao(ai);
                if (*ao).address.is_null() {
                    continue;
                }
                out.unused_pools += (*ao).nfreepools as usize;
                let mut p = (*ao).address;
                while p < (*ao).pool_address {
                    let pool = p.cast::<PoolHeader>();
                    p = p.add(g.pool_size);
                    let count = (*pool).count as usize;
                    if count == 0 {
                        continue;
                    }
                    let c = &mut out.classes[(*pool).szidx as usize];
                    c.num_pools += 1;
                    c.blocks_in_use += count;
                    c.avail_blocks += g.blocks_per_pool(c.szidx) - count;
                }
            }
        }
        for c in &out.classes[..g.nclasses()] {
            out.bytes_in_allocated_blocks += c.blocks_in_use * c.size;
            out.bytes_in_available_blocks += c.avail_blocks * c.size;
            out.bytes_lost_to_pool_headers += c.num_pools * POOL_OVERHEAD;
            out.bytes_lost_to_quantization +=
                c.num_pools * ((g.pool_size - POOL_OVERHEAD) % c.size);
        }
        out.arenas_allocated_total = self.ntimes_arena_allocated;
        out.arenas_allocated_current = self.narenas_currently_allocated;
        out.arenas_reclaimed = self.ntimes_arena_allocated - self.narenas_currently_allocated;
        out.arenas_highwater = self.narenas_highwater;
    }

    /// Check P1-P4 and A1-A3 (see the block comment in pymalloc.rs).
    pub fn verify(&self) -> Result<(), VerifyError> {
        let g = self.g;
        let npools_max = self.maxarenas as usize * g.pools_per_arena();
        // P1: every pool on a usedpools ring.
        let mut ring_members = 0usize;
        for (i, &head) in self.usedpools.iter().enumerate() {
            if i >= g.nclasses() {
                if !head.is_null() {
                    return fail("usedpools set beyond the last size class", i);
                }
                continue;
            }
            if head.is_null() {
                continue;
            }
            let mut pool = head;
            let mut n = 0;
            // SAFETY: L1: called inside the gate; P1: ring members are carved pools with
            // initialised headers (under verification, but as memory they hold: the
            // walk is bounded by the number of pools that can exist).
            unsafe {
                loop {
                    n += 1;
                    if n > npools_max {
                        return fail("usedpools ring does not close", i);
                    }
                    if (*pool).szidx as usize != i {
                        return fail("pool on usedpools[i] with szidx != i", i);
                    }
                    if (*pool).count == 0 || (*pool).freeblock.is_null() {
                        return fail("empty or full pool on usedpools", i);
                    }
                    if (*(*pool).nextpool).prevpool != pool {
                        return fail("usedpools ring links disagree", i);
                    }
                    pool = (*pool).nextpool;
                    if pool == head {
                        break;
                    }
                }
            }
            ring_members += n;
        }
        // Per arena: A1, P2-P4.
        let mut associated = 0usize;
        let mut with_free_pools = 0usize;
        let mut wholly_free = 0usize;
        let mut nonfull_used = 0usize;
        for ai in 0..self.maxarenas {
            // SAFETY: L1: called inside the gate; A4: ai < maxarenas, and the pools of an
            // associated arena below pool_address are carved (P5) and lie in it;
            // P3: freepools links name carved pools (the walk is bounded).
            unsafe {
                let ao = self.ao(ai);
                if (*ao).address.is_null() {
                    continue;
                }
                associated += 1;
                let nf = (*ao).nfreepools as usize;
                if nf > 0 {
                    with_free_pools += 1;
                }
                if nf == (*ao).ntotalpools as usize {
                    wholly_free += 1;
                }
                let base = (*ao).address;
                let carved = ((*ao).pool_address.addr() - base.addr()) / g.pool_size;
                let mut empty = 0usize;
                for k in 0..carved {
                    let pool = base.add(k * g.pool_size).cast::<PoolHeader>();
                    if (*pool).arenaindex != ai {
                        return fail("pool's arenaindex is not its arena", ai as usize);
                    }
                    if (*pool).count == 0 {
                        empty += 1;
                    } else if !(*pool).freeblock.is_null() {
                        nonfull_used += 1;
                    }
                    self.verify_pool(pool, ai as usize)?;
                }
                // P3: freepools holds exactly the empty carved pools.
                let mut fp = (*ao).freepools;
                let mut on_list = 0usize;
                while !fp.is_null() {
                    on_list += 1;
                    if on_list > carved || (*fp).count != 0 {
                        return fail("freepools holds a non-empty pool", ai as usize);
                    }
                    fp = (*fp).nextpool;
                }
                if on_list != empty || nf != empty + (g.pools_per_arena() - carved) {
                    return fail("nfreepools disagrees with freepools", ai as usize);
                }
            }
        }
        if nonfull_used != ring_members {
            return fail("a used pool is missing from usedpools", nonfull_used);
        }
        if associated != self.narenas_currently_allocated {
            return fail("narenas_currently_allocated is wrong", associated);
        }
        // A1: the unused list holds the other arena objects.
        let mut unused = 0usize;
        let mut ai = self.unused_arena_objects;
        while ai != NO_ARENA {
            unused += 1;
            if ai >= self.maxarenas || unused > self.maxarenas as usize {
                return fail("unused_arena_objects is corrupt", ai as usize);
            }
            // SAFETY: A4: ai < maxarenas, checked above; L1: inside the gate.
            unsafe {
                if !(*self.ao(ai)).address.is_null() {
                    return fail("associated arena on unused_arena_objects", ai as usize);
                }
                ai = (*self.ao(ai)).nextarena;
            }
        }
        if unused + associated != self.maxarenas as usize {
            return fail("arena objects lost", unused);
        }
        // A2, A3: usable_arenas sorted, nfp2lasta right, wholly free one last.
        let mut n = 0usize;
        let mut prev = NO_ARENA;
        let mut prev_nf = 0usize;
        let mut last_of = [NO_ARENA; super::geometry::MAX_POOLS_IN_ARENA + 1];
        let mut ai = self.usable_arenas;
        while ai != NO_ARENA {
            n += 1;
            if ai >= self.maxarenas || n > associated {
                return fail("usable_arenas is corrupt", ai as usize);
            }
            // SAFETY: A4: ai < maxarenas, checked above; L1: inside the gate.
            unsafe {
                let ao = self.ao(ai);
                let nf = (*ao).nfreepools as usize;
                if (*ao).address.is_null() || nf == 0 {
                    return fail("usable arena is unassociated or full", ai as usize);
                }
                if (*ao).prevarena != prev {
                    return fail("usable_arenas links disagree", ai as usize);
                }
                if nf < prev_nf {
                    return fail("usable_arenas not sorted by nfreepools", ai as usize);
                }
                if nf == (*ao).ntotalpools as usize && (*ao).nextarena != NO_ARENA {
                    return fail("wholly free arena not last in usable_arenas", ai as usize);
                }
                last_of[nf] = ai;
                prev = ai;
                prev_nf = nf;
                ai = (*ao).nextarena;
            }
        }
        if n != with_free_pools {
            return fail("an arena with free pools is not usable", n);
        }
        if wholly_free > 1 {
            return fail("more than one wholly free arena kept", wholly_free);
        }
        if last_of != self.nfp2lasta {
            return fail("nfp2lasta is wrong", 0);
        }
        Ok(())
    }

    /// P2, P4 for one carved pool: its free list stays inside the pool on block
    /// boundaries, and free + in use + never carved == capacity.
    ///
    /// # Safety
    /// `pool` is a carved pool of arena `ai` (P5) and the caller is inside the gate (L1).
    unsafe fn verify_pool(&self, pool: *mut PoolHeader, ai: usize) -> Result<(), VerifyError> {
        let g = self.g;
        // SAFETY: P5: the pool is carved, its header initialised (caller); P6: free-
        // list links are checked to lie on block boundaries inside the pool, below
        // nextoffset, before they are followed, so each read is of a block's first
        // word.
        unsafe {
            let sz = (*pool).szidx as usize;
            if sz >= g.nclasses() {
                // Carved but never initialised cannot happen: carving initialises.
                return fail("carved pool with no size class", ai);
            }
            let size = g.class_size(sz);
            let cap = g.blocks_per_pool(sz);
            let count = (*pool).count as usize;
            if count > cap {
                return fail("pool count above capacity", ai);
            }
            let base = pool.cast::<u8>();
            let mut fb = (*pool).freeblock;
            let mut free = 0usize;
            while !fb.is_null() {
                let off = fb.addr().wrapping_sub(base.addr());
                if off < POOL_OVERHEAD
                    || off >= g.pool_size
                    || !(off - POOL_OVERHEAD).is_multiple_of(size)
                    || off as u32 >= (*pool).nextoffset
                {
                    return fail("free block outside its pool", ai);
                }
                free += 1;
                if free > cap {
                    return fail("free list longer than the pool", ai);
                }
                fb = *(fb as *mut *mut u8);
            }
            let next = (*pool).nextoffset as usize;
            let max = (*pool).maxnextoffset as usize;
            let uncarved = if next <= max {
                (max - next) / size + 1
            } else {
                0
            };
            if free + count + uncarved != cap {
                return fail("pool blocks do not add up", ai);
            }
            if count > 0 && (*pool).freeblock.is_null() && count != cap {
                return fail("pool with no free block is not full", ai);
            }
        }
        Ok(())
    }
}
