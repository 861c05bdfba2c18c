//! Python object types, one per file, built on the heap's safe API.

pub mod args;
pub mod builtin_function;
pub mod cell;
pub mod code;
pub mod context;
pub mod descr;
pub mod dict;
pub mod dicttable;
pub mod exception;
pub mod exceptions;
pub mod float;
pub mod format_spec;
pub mod function;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod method;
pub mod module;
pub mod none;
pub mod numeric;
pub mod object;
pub mod protocol;
pub mod range;
pub mod runtime;
pub mod set;
pub mod settable;
pub mod slice;
pub mod string;
pub mod table_key;
pub mod tuple;
pub mod typeobj;
pub mod unicode;

pub use context::ctx;
