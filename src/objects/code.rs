//! Code objects (`<class 'code'>`, CPython's codeobject.c): the compiled form of a
//! module, function, lambda or comprehension body. An immutable heap object with its
//! instructions, constants, names, the line table (one `Location` per instruction) and
//! the exception table (see `bytecode::code::ExceptEntry`). Not a GC container, as in
//! CPython.

use std::cell::{Cell, OnceCell, RefCell};

use crate::bytecode::code::{Cache, ExceptEntry, GlobalCache, Instr, Location, PolyRow};
use crate::heap::{Payload, PyObj};
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

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
    /// `argcount` when a call with that many positional arguments (and nothing else)
    /// binds them as the first locals and runs a frame with no cells: no keyword-only
    /// parameters, *args or **kwargs, no cellvars (`cell2arg`) or freevars, not a generator
    /// function; else u32::MAX. Made by `Code::plain_args_of` with the fields it
    /// reads (the frame push's one test, vm/frame.rs).
    pub plain_args: u32,
    /// The instructions. Those of a warm code object rewrite themselves into
    /// specialized forms and back (vm/quick.rs); `Op::deopt` gives the compiled one.
    pub instrs: Box<[Cell<Instr>]>,
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
    pub global_cache: Vec<Cell<GlobalCache>>,
    /// Calls and loop iterations left before the code is quickened (CPython's
    /// co_warmup).
    pub warmup: Cell<u8>,
    /// One inline cache per instruction, once quickened.
    pub caches: OnceCell<Box<[Cell<Cache>]>>,
    /// The entries of the polymorphic attribute sites (vm/quick_poly.rs), a row each.
    pub poly: RefCell<Vec<PolyRow>>,
}

impl Payload for Code {
    type Item = ();
    const NAME: &'static str = "code";
    fn extra_size(&self) -> usize {
        use std::mem::size_of;
        self.instrs.len() * size_of::<Instr>()
            + self
                .caches
                .get()
                .map_or(0, |c| c.len() * size_of::<Cache>())
            + self.poly.borrow().capacity() * size_of::<PolyRow>()
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
    /// The instructions as compiled (specialized forms replaced by their families).
    pub fn compiled(&self) -> Vec<Instr> {
        self.instrs
            .iter()
            .map(|i| {
                let i = i.get();
                Instr {
                    op: i.op.deopt(),
                    arg: i.arg,
                }
            })
            .collect()
    }

    /// Turn compiled instructions into the form a code object keeps.
    pub fn instrs_from(v: Vec<Instr>) -> Box<[Cell<Instr>]> {
        v.into_iter().map(Cell::new).collect()
    }

    /// `plain_args` of a code object with these fields.
    pub fn plain_args_of(
        argcount: u32,
        kwonlyargcount: u32,
        flags: u32,
        ncellvars: usize,
        nfreevars: usize,
    ) -> u32 {
        use crate::bytecode::code::flags as f;
        let plain = kwonlyargcount == 0
            && flags & (f::VARARGS | f::VARKEYWORDS | f::GENERATOR) == 0
            && ncellvars == 0
            && nfreevars == 0;
        if plain {
            argcount
        } else {
            u32::MAX
        }
    }

    /// Number of local variables (co_nlocals).
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// The exception handler covering instruction `i`, innermost first.
    pub fn handler_for(&self, i: u32) -> Option<&ExceptEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= i && i < e.end)
    }
}

fn code_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let code = o.get::<Code>().expect("a code object");
    let name = crate::objects::string::as_str(&code.name).unwrap_or_default();
    let file = crate::objects::string::as_str(&code.filename).unwrap_or_default();
    Ok(format!(
        "<code object {name} at 0x{:x}, file \"{file}\", line {}>",
        o.id(),
        code.firstlineno
    ))
}

/// code's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(code_repr),
    ..SlotTable::EMPTY
};
