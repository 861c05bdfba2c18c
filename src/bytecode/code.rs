//! The instruction-level parts of a code object (the object itself is
//! objects/code.rs): instructions, source locations, exception-table entries, the
//! LOAD_GLOBAL inline cache and the co_flags bits.

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

/// Calls and backward jumps before a code object is quickened (CPython 3.11's
/// QUICKENING_WARMUP_DELAY; vm/quick.rs).
pub const WARMUP: u8 = 8;

/// The inline cache of one instruction of a quickened code object (CPython 3.11 keeps
/// these as extra code units after the instruction; here they are a side array with
/// one entry per instruction, made when the code object warms up). What the fields
/// hold depends on the instruction's specialized form (vm/quick.rs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cache {
    /// Adaptive form: executions left before the next try to specialize. Specialized
    /// form: misses left before it goes back to the adaptive form.
    pub counter: u16,
    /// How many times specializing failed in a row (the backoff exponent).
    pub backoff: u8,
    /// A small operand of the specialized form.
    pub tag: u8,
    /// An index: shared-keys entry, dict entry, `__slots__` word, MRO position.
    pub index: u32,
    /// A version the guard compares: the type epoch, a dict's version, a keys count.
    pub version: u64,
    /// An identity the guard compares: a type's or a module's address.
    pub key: usize,
    /// The LOAD_METHOD_* forms of a class's method: the `attr_epoch()` at which
    /// `method` was the value the cache names (0: none kept).
    pub attr: u64,
    /// That method, named without a reference (sys.getrefcount stays CPython's): it
    /// answers only while no `CACHED` object has died (heap H10).
    pub method: crate::heap::BorrowedSlot,
    /// LOAD_METHOD_WITH_DICT: the version tag of the last instance dict found to lack
    /// the name (0: none). Tags are fresh after every change of any dict, so the
    /// same tag is the same dict, unchanged, still lacking it.
    pub dict_tag: u64,
}

/// Types a polymorphic attribute site remembers (vm/quick_poly.rs).
pub const POLY_WAYS: usize = 4;

/// One type of a polymorphic attribute site: the monomorphic form that type would
/// have had (`op`), with that form's cache fields. No reference is held: `key` is the
/// type's address, valid under the type epoch kept in the site's `Cache`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolyEntry {
    pub key: usize,
    pub index: u32,
    pub tag: u8,
    pub op: Op,
    /// A LOAD_METHOD_* entry's method as `Cache::attr` and `Cache::method` keep it.
    pub attr: u64,
    pub method: crate::heap::BorrowedSlot,
}

impl Default for PolyEntry {
    fn default() -> Self {
        PolyEntry {
            key: 0,
            index: 0,
            tag: 0,
            op: Op::NOP,
            attr: 0,
            method: crate::heap::BorrowedSlot::default(),
        }
    }
}

/// The entries of one polymorphic site, out of line (a code object's `poly` table;
/// the site's `Cache::index` names the row, `Cache::tag` how many entries are used).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PolyRow {
    /// The instruction this row belongs to (a site that goes back to its adaptive
    /// form and becomes polymorphic again reuses its row).
    pub site: u32,
    pub entries: [PolyEntry; POLY_WAYS],
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
