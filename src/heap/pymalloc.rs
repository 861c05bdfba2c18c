//! pymalloc-style allocator (arenas, pools, blocks). Filled in by the allocator work.
