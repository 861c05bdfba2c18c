//! The virtual machine: one eval loop over an explicit stack of frames.
//!
//! A Python call pushes a `Frame` and the same loop continues with it; it never
//! recurses on the Rust stack. Where Rust calls back into Python (a key function, a
//! `__repr__`), `call` runs a nested loop that stops when that frame returns; each
//! such re-entry counts against the recursion limit like a Python frame.
//!
//! All frames share one value stack (`Vm::stack`): a frame's fast locals, then its
//! cells, then its operand stack, as CPython 3.11's per-thread data stack.

mod call;
mod class;
mod eval;
pub mod exec;
mod frame;
pub(crate) mod gen;
pub mod import;
mod instance;
pub mod memlimit;
pub mod metaclass;
pub mod ops;
pub(crate) mod quick;
mod quick_attr;
mod quick_call;
mod quick_dunder;
mod quick_eval;
mod quick_poly;
mod quick_str;
mod run;
mod runpy;
mod runtime;
pub mod traceback;
mod tracemalloc;
pub(crate) use call::ArgVec;
pub use class::allow_subclassing;

use std::sync::atomic::{AtomicBool, Ordering};

use crate::heap::PyObj;
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::{ctx, dict, string};

pub(crate) use frame::{Frame, OnReturn, Reflected};

/// Set by the REPL's SIGINT handler; the eval loop checks it at backward jumps and
/// FOR_ITER and raises KeyboardInterrupt there (CPython's eval breaker, reduced).
pub static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Clear a pending Ctrl-C and return the KeyboardInterrupt it becomes.
pub(crate) fn take_interrupt() -> Exc {
    INTERRUPT.store(false, Ordering::Relaxed);
    exceptions::named_empty("KeyboardInterrupt")
}

/// The default sys.getrecursionlimit().
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// What the layer above the VM hands it when it is made: how to fill the builtins
/// namespace and the built-in types' methods, and how to make a built-in module by
/// name (None: no such module).
pub struct Library {
    pub install: fn(&mut Vm),
    pub make_module: fn(&mut Vm, &str) -> VmResult<Option<PyObj>>,
    /// The names `make_module` knows (sys.builtin_module_names).
    pub builtin_names: &'static [&'static str],
    /// The Python modules bundled in the binary: (path under the library root, source),
    /// sorted by path (see import.rs).
    pub bundled: &'static [(&'static str, &'static str)],
    /// Per entry of `bundled`: the key its frozen code must carry and the frozen code
    /// (empty when there is none); see compiler/frozen.rs.
    pub frozen: &'static [(u64, &'static [u8])],
}

/// Interpreter state: the frame stack and what the sys module shows.
pub struct Vm {
    /// Locals, cells and operand stacks of all frames.
    pub(crate) stack: Vec<PyObj>,
    pub(crate) frames: Vec<Frame>,
    /// The builtins module's namespace.
    pub builtins: PyObj,
    /// sys.modules.
    pub modules: PyObj,
    /// The exception being handled (what sys.exc_info() returns).
    pub(crate) handled: Option<PyObj>,
    pub recursion_limit: usize,
    /// CPython's NULL stack marker (cached from ctx() for the eval loop).
    pub(crate) null: PyObj,
    /// The built-in types (ctx(), kept here for the eval loop's type guards).
    pub(crate) ctx: &'static crate::objects::context::Ctx,
    /// The code and generator types as their payloads' types: what a generator's
    /// resume and yield read those objects through (one compare of the type pointer).
    pub(crate) gen_types: gen::GenTypes,
    /// The interned str `__name__`: the globals key MAKE_FUNCTION reads a new
    /// function's `__module__` from (made once, not interned again per function).
    pub(crate) name_key: PyObj,
    /// Python frames plus Rust re-entries into Python.
    pub(crate) depth: usize,
    /// sys.argv.
    pub argv: Vec<String>,
    /// Containers whose repr is being computed (to print `[...]` for a cycle).
    pub(crate) repr_active: Vec<usize>,
    /// sys.stdout and sys.stderr once the sys module exists.
    pub std_streams: [Option<PyObj>; 2],
    /// Buffered standard output (flushed before exit and before input()).
    pub out: std::io::BufWriter<std::io::Stdout>,
    /// Text written to sys.stdout and not yet passed to `out` (CPython's
    /// TextIOWrapper pending bytes: moved on when a chunk fills or on flush), so
    /// `sys.stdout.buffer.write` lands before earlier text as it does in CPython.
    pub(crate) text_pending: Vec<u8>,
    /// Runs an automatic collection the heap left to the interpreter
    /// (`heap::PENDING_COLLECT`) with gc.callbacks around it; installed by the gc
    /// module, which alone knows the callbacks.
    pub auto_collect: Option<fn(&mut Vm)>,
    /// Where attributes were found along types' MROs (ops/typecache.rs).
    pub(crate) type_cache: ops::TypeCache,
    /// The builtins and built-in modules (see `Library`).
    pub(crate) library: &'static Library,
    /// sys.path, the import system's caches (import.rs).
    pub imports: import::ImportState,
}

impl Vm {
    /// A fresh interpreter with the builtins and the built-in modules of `library`.
    pub fn new(argv: Vec<String>, library: &'static Library) -> Vm {
        let c = ctx();
        let mut vm = Vm {
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            builtins: dict::new(),
            modules: dict::new(),
            handled: None,
            null: c.null.clone(),
            ctx: c,
            gen_types: gen::GenTypes::new(c),
            name_key: string::intern_str("__name__"),
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            depth: 0,
            argv,
            repr_active: Vec::new(),
            std_streams: [None, None],
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            text_pending: Vec::new(),
            auto_collect: None,
            type_cache: ops::TypeCache::default(),
            library,
            imports: import::ImportState::new(&[]),
        };
        (library.install)(&mut vm);
        vm
    }

    /// Set key `name` (an identifier) in a namespace dict.
    pub fn dict_set_str(&mut self, d: &PyObj, name: &str, value: PyObj) -> VmResult<()> {
        let key = string::intern_str(name);
        self.dict_set(d, key, value)
    }

    /// d[key] = value with Python's hashing and equality.
    pub fn dict_set(&mut self, d: &PyObj, key: PyObj, value: PyObj) -> VmResult<()> {
        let h = self.hash(&key)?;
        dict::set_item(d, key, h, value, &mut |a, b| self.equal(a, b))
    }

    /// d[key] with Python's hashing and equality; None if absent. A key's `__eq__`
    /// runs with no borrow of the dict held (objects/dict.rs).
    pub fn dict_get(&mut self, d: &PyObj, key: &PyObj) -> VmResult<Option<PyObj>> {
        let h = self.hash(key)?;
        dict::get_item(d, key, h, &mut |a, b| self.equal(a, b))
    }

    /// del d[key] with Python's hashing and equality: the removed item, None if absent.
    pub fn dict_del(&mut self, d: &PyObj, key: &PyObj) -> VmResult<Option<(PyObj, PyObj)>> {
        let h = self.hash(key)?;
        dict::del_item(d, key, h, &mut |a, b| self.equal(a, b))
    }

    /// d[name] for an identifier key.
    pub fn dict_get_str(&mut self, d: &PyObj, name: &str) -> Option<PyObj> {
        let key = string::intern_str(name);
        self.dict_get(d, &key).ok().flatten()
    }

    /// Is `f` sys.stderr?
    pub fn is_stderr(&self, f: &PyObj) -> bool {
        self.std_streams[1].as_ref().is_some_and(|s| s.is(f))
    }

    /// Flush buffered standard output.
    pub fn flush(&mut self) {
        use std::io::Write;
        self.flush_text_pending();
        let _ = self.out.flush();
    }

    /// Pass the pending text of sys.stdout to its buffer (`out`).
    pub fn flush_text_pending(&mut self) {
        use std::io::Write;
        if !self.text_pending.is_empty() {
            let _ = self.out.write_all(&self.text_pending);
            self.text_pending.clear();
        }
    }

    /// sys.stdout.buffer.write: bytes straight to the buffer, after what it holds
    /// and before the text still pending.
    pub fn write_stdout_bytes(&mut self, b: &[u8]) {
        use std::io::Write;
        let _ = self.out.write_all(b);
    }

    /// sys.stdout.buffer.flush: the buffer only (pending text stays pending).
    pub fn flush_stdout_buffer(&mut self) {
        use std::io::Write;
        let _ = self.out.flush();
    }
}

impl Vm {
    /// The VM behind the runtime a native function receives: the VM is the only
    /// `Runtime` there is.
    pub fn of(rt: &mut dyn crate::objects::runtime::Runtime) -> &mut Vm {
        let any: &mut dyn std::any::Any = rt;
        any.downcast_mut::<Vm>().expect("the runtime is the VM")
    }
}
