//! Python object types, one per file, built on the heap's safe API.

pub mod context;
pub mod dict;
pub mod dicttable;
pub mod float;
pub mod format_spec;
pub mod int;
pub mod list;
pub mod none;
pub mod numeric;
pub mod protocol;
pub mod set;
pub mod settable;
pub mod string;
pub mod table_key;
pub mod tuple;
pub mod typeobj;
pub mod unicode;

pub use context::ctx;
