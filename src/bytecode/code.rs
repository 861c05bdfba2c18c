//! Code objects: the compiled form of a module, function, lambda or comprehension body.
//!
//! A code object is an immutable heap object (`<class 'code'>`), like CPython's: its
//! instructions, constants, names, the line table (one `Location` per instruction) and
//! the exception table (see `ExceptEntry`). Not a GC container, as in CPython.

use crate::heap::{Payload, PyObj};

use super::opcode::Op;

/// One instruction: an opcode and its operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

/// Where an instruction comes from: CPython's (lineno, end_lineno, col_offset,
/// end_col_offset), columns 0-based UTF-8 byte offsets; line 0 means none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One entry of the exception table (CPython 3.11's zero-cost exceptions): an exception
/// raised by an instruction in `start..end` pops the value stack down to `depth` items,
/// pushes the exception and jumps to `target`. Entries are ordered innermost first: the
/// first entry that covers the instruction wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// LOAD_GLOBAL's inline cache for one name (CPython 3.11 caches globals lookups too):
/// where the name was found, valid while the dicts' versions are unchanged. Versions
/// are unique per dict state (see dicttable.rs), so a matching version is proof.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GlobalCache {
    /// Version of the globals dict when the entry was cached (0: empty cache).
    pub globals_version: u64,
    /// Version of the builtins dict, when the name was found there.
    pub builtins_version: u64,
    /// Entry position in the dict that holds the name.
    pub pos: u32,
    /// The name lives in builtins, not globals.
    pub in_builtins: bool,
}

/// co_flags bits (CPython's values).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
}

/// The payload of a code object.
pub struct Code {
    /// co_name: the function's name, `<module>`, `<lambda>`, `<listcomp>`, ...
    pub name: PyObj,
    /// co_qualname: `outer.<locals>.inner`.
    pub qualname: PyObj,
    /// co_filename, as given to the compiler.
    pub filename: PyObj,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub instrs: Vec<Instr>,
    /// One per instruction.
    pub locations: Vec<Location>,
    pub consts: Vec<PyObj>,
    /// Names for globals, attributes and imports (interned strs).
    pub names: Vec<PyObj>,
    /// Local variable names; the parameters come first, in order: positional-only,
    /// positional, keyword-only, *args, **kwargs.
    pub varnames: Vec<PyObj>,
    /// Names of locals that live in cells (captured by inner functions).
    pub cellvars: Vec<PyObj>,
    /// Names of variables taken from the enclosing function's cells.
    pub freevars: Vec<PyObj>,
    /// For each cellvar, the index of the parameter it holds, if it is one.
    pub cell2arg: Vec<Option<u32>>,
    pub exception_table: Vec<ExceptEntry>,
    /// The deepest the value stack gets.
    pub max_stack: u32,
    /// LOAD_GLOBAL caches, one per entry of `names`.
    pub global_cache: Vec<std::cell::Cell<GlobalCache>>,
}

impl Payload for Code {
    type Item = ();
    const NAME: &'static str = "code";
    fn extra_size(&self) -> usize {
        use std::mem::size_of;
        self.instrs.capacity() * size_of::<Instr>()
            + self.locations.capacity() * size_of::<Location>()
            + (self.consts.capacity()
                + self.names.capacity()
                + self.varnames.capacity()
                + self.cellvars.capacity()
                + self.freevars.capacity())
                * size_of::<PyObj>()
            + self.cell2arg.capacity() * size_of::<Option<u32>>()
            + self.exception_table.capacity() * size_of::<ExceptEntry>()
            + self.global_cache.capacity() * size_of::<GlobalCache>()
    }
}

impl Code {
    /// Number of local variables (co_nlocals).
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Number of parameters, *args and **kwargs included.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// The exception handler covering instruction `i`, innermost first.
    pub fn handler_for(&self, i: u32) -> Option<&ExceptEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= i && i < e.end)
    }
}
