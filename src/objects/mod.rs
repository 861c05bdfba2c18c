//! Python object types, one per file, built on the heap's safe API.
pub mod dicttable;
pub mod settable;
pub mod table_key;
