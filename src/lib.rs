//! glasspy: a Python-subset interpreter whose memory is real and visible.
//!
//! `unsafe` lives in `heap` and nowhere else: every other module is safe Rust on top of
//! the heap's safe API (allocate, a handle whose Clone increfs and whose Drop decrefs,
//! typed access to the payload).
//!
//! The heap is usable on its own; every number below is what CPython 3.11 reports:
//!
//! ```
//! use glasspy::objects::{int, list, string, tuple};
//!
//! let l = list::new_empty();
//! assert_eq!(l.sizeof(), 56); // sys.getsizeof([])
//! list::append(&l, int::new_i64(1000)).unwrap();
//! assert_eq!(l.sizeof(), 88); // room for 4 items after the first append
//! assert_eq!(int::new_i64(2_i64.pow(30)).sizeof(), 32); // two 30-bit digits
//! assert_eq!(string::new("hello").sizeof(), 54); // ASCII: 49 + n
//! assert_eq!(string::new("h\u{20ac}llo").sizeof(), 84); // UCS-2: 74 + 2n
//! assert!(int::new_i64(256).is(&int::new_i64(256))); // the small-int cache
//! assert!(!int::new_i64(257).is(&int::new_i64(257)));
//! let t = tuple::new(vec![l.clone(), l.clone()]);
//! assert_eq!(t.sizeof(), 56); // 40 + 8n
//! assert_eq!(l.refcnt(), 3); // `l` and the tuple's two slots
//! ```
#![forbid(unsafe_code)]

pub use glasspy_heap as heap;

pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod dis;
pub mod error;
pub mod interactive;
mod interpreter;
pub mod objects;
pub mod parser;
pub mod vm;

/// The allocator a binary installs with `#[global_allocator]` (glasspy's does) so that
/// buffers, not only objects, come from pymalloc.
pub use heap::pymalloc::GlobalPymalloc;
/// The interpreter thread's ownership of the process's allocator (no atomic on its
/// allocations; other threads take the lock): `prepare_allocator_owner` at the start of
/// main, while the process has one thread, then `own_allocator` on the thread that runs
/// Python (crates/heap/src/pymalloc/gate.rs).
pub use heap::pymalloc::{
    own_global_heap as own_allocator, prepare_owner as prepare_allocator_owner,
};
/// Run the interpreter on a stack of a given size, on the calling thread
/// (crates/heap/src/stack.rs).
pub use heap::run_on_stack;
/// How python3 shows a script's path in messages (`glasspy: can't open file ...`).
pub use parser::script_path;
/// A memory size as `--max-memory` and GLASSPY_MAX_MEMORY take it (`64M`, `2G`).
pub use vm::memlimit::parse_size;

pub use interpreter::{
    clear_interrupt, disassemble, init_hash_seed_from_env, interrupt, Allocator, Error,
    Interpreter, Options, Value, CHECK_LEAKS_VAR, LEAK_STATUS,
};
