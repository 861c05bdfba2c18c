//! Allocator geometry: arena, pool and size-class parameters, with the `seed` and
//! `cpython` presets kept in this one place.

/// Bytes at the start of every pool taken by its `PoolHeader` (CPython's POOL_OVERHEAD,
/// 48 on 64-bit: count, freeblock, nextpool, prevpool, arenaindex, szidx, nextoffset,
/// maxnextoffset).
pub const POOL_OVERHEAD: usize = 48;

/// Largest number of size classes any geometry may have (seed: 512 / 8).
pub const MAX_CLASSES: usize = 64;

/// Largest number of pools in one arena any geometry may have.
pub const MAX_POOLS_IN_ARENA: usize = 256;

/// The numbers that shape pymalloc. Both presets serve requests of 1..=512 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    /// Preset name as accepted by GLASSPY_MALLOC.
    pub name: &'static str,
    /// Bytes asked from the system for one arena.
    pub arena_size: usize,
    /// Bytes in one pool; pools are aligned to this, so `block & !(pool_size-1)` is
    /// the block's pool.
    pub pool_size: usize,
    /// Distance between size classes, and the alignment of every block (ALIGNMENT).
    pub alignment: usize,
    /// Requests above this many bytes go to the system (SMALL_REQUEST_THRESHOLD).
    pub small_request_threshold: usize,
}

impl Geometry {
    /// The project's documented default: 256 KiB arenas of 64 pools of 4 KiB, size
    /// classes 8 bytes apart (8, 16, ..., 512: 64 classes).
    pub const SEED: Geometry = Geometry {
        name: "seed",
        arena_size: 256 << 10,
        pool_size: 4 << 10,
        alignment: 8,
        small_request_threshold: 512,
    }
    .checked();

    /// CPython 3.11 on 64-bit: 1 MiB arenas of 64 pools of 16 KiB, size classes 16
    /// bytes apart (16, 32, ..., 512: 32 classes). reference/mallocstats.txt.
    pub const CPYTHON: Geometry = Geometry {
        name: "cpython",
        arena_size: 1 << 20,
        pool_size: 16 << 10,
        alignment: 16,
        small_request_threshold: 512,
    }
    .checked();

    /// Both presets, default first.
    pub const PRESETS: [Geometry; 2] = [Geometry::SEED, Geometry::CPYTHON];

    /// The preset called `name` ("seed" or "cpython").
    pub fn from_name(name: &str) -> Option<Geometry> {
        Self::PRESETS.into_iter().find(|g| g.name == name)
    }

    /// Panics (at compile time for the presets) unless the geometry is usable.
    pub const fn checked(self) -> Geometry {
        assert!(self.alignment.is_power_of_two() && self.alignment >= 8);
        assert!(self.pool_size.is_power_of_two());
        assert!(self.arena_size.is_multiple_of(self.pool_size));
        assert!(self.small_request_threshold.is_multiple_of(self.alignment));
        assert!(self.small_request_threshold / self.alignment <= MAX_CLASSES);
        assert!(self.arena_size / self.pool_size <= MAX_POOLS_IN_ARENA);
        // An arena's last empty pool is told apart from its first (insert_to_freepool).
        assert!(self.arena_size / self.pool_size >= 2);
        assert!(POOL_OVERHEAD.is_multiple_of(self.alignment));
        // At least two blocks of the largest class fit in a pool.
        assert!(self.pool_size - POOL_OVERHEAD >= 2 * self.small_request_threshold);
        // Offsets inside a pool are kept in u32.
        assert!(self.pool_size <= u32::MAX as usize);
        self
    }

    /// log2(alignment) (ALIGNMENT_SHIFT).
    pub const fn alignment_shift(&self) -> u32 {
        self.alignment.trailing_zeros()
    }

    /// Number of size classes (NB_SMALL_SIZE_CLASSES).
    pub const fn nclasses(&self) -> usize {
        self.small_request_threshold / self.alignment
    }

    /// Pools in one arena (arenas are pool-aligned, so none is lost to alignment).
    pub const fn pools_per_arena(&self) -> usize {
        self.arena_size / self.pool_size
    }

    /// The size class index (szidx) serving a request of `nbytes`, or None when the
    /// request goes to the system allocator (0 bytes or above the threshold).
    pub const fn size_class(&self, nbytes: usize) -> Option<usize> {
        if nbytes == 0 || nbytes > self.small_request_threshold {
            None
        } else {
            Some((nbytes - 1) >> self.alignment_shift())
        }
    }

    /// Block size of size class `szidx` (INDEX2SIZE).
    pub const fn class_size(&self, szidx: usize) -> usize {
        (szidx + 1) << self.alignment_shift()
    }

    /// Blocks of class `szidx` one pool holds (NUMBLOCKS).
    pub const fn blocks_per_pool(&self, szidx: usize) -> usize {
        (self.pool_size - POOL_OVERHEAD) / self.class_size(szidx)
    }
}

impl Default for Geometry {
    fn default() -> Self {
        Geometry::SEED
    }
}
