//! The interpreter as the object layer sees it.
//!
//! Objects never name the VM (the VM is built on them). A native function receives the
//! running interpreter as `&mut dyn Runtime`, which the VM implements: code above the
//! VM (the builtins) may ask for the VM behind it with `Vm::of`; code in the object
//! layer uses only what this trait offers.

use std::any::Any;

/// The running interpreter, as handed to native functions.
pub trait Runtime: Any {}
