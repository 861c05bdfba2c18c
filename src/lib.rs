//! glasspy: a Python-subset interpreter whose memory is real and visible.
//!
//! `unsafe` lives in `heap` and nowhere else: every other module is safe Rust on top of
//! the heap's safe API (allocate, a handle whose Clone increfs and whose Drop decrefs,
//! typed access to the payload).
#![deny(unsafe_code)]

pub mod error;
#[allow(unsafe_code)]
pub mod heap;
pub mod objects;
pub mod parser;
