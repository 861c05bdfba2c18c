//! The managed heap: allocator, object headers, handles, cycle collector.
pub mod pymalloc;
