//! Python object types, one per file, built on the heap's safe API.
pub mod numeric;
