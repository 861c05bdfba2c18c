//! Bytecode: the opcode table and the instruction-level data of code objects.

pub mod code;
pub mod opcode;

pub use code::{ExceptEntry, Instr, Location};
pub use opcode::{BinaryOp, CompareOp, Op};
