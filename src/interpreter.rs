//! The embedding API: `Interpreter`, the one way into glasspy for a Rust program, and
//! for glasspy's own command line and REPL.
//!
//! An interpreter runs on the thread that made it (objects never cross threads) with
//! one `__main__` namespace; `run_str` / `run_file` execute code in it, `eval` returns
//! an expression's value, `get` / `set` read and write its globals, and `register`
//! adds a Rust function to the builtins. Values cross the boundary as `Value`.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use crate::compiler::{
    compile_eval_source, compile_interactive_warn, compile_source_warn, CompileError,
};
use crate::heap::pymalloc::{choose_global_mode, GlobalMode};
use crate::heap::{Payload, PyObj, TypeRef, Visit};
use crate::interactive::{FILENAME, KEYWORDS};
use crate::objects::args::Args;
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, dict, float, int, list, string, tuple};
use crate::vm::{Vm, DEFAULT_RECURSION_LIMIT, INTERRUPT};

/// Which pymalloc geometry serves the process (see docs/heap.md).
pub type Allocator = GlobalMode;

/// How to make an interpreter.
#[derive(Clone, Debug)]
pub struct Options {
    /// `sys.argv` (python3 makes it `['']` when there is no script).
    pub argv: Vec<String>,
    /// The allocator's geometry. It is chosen once per process, at the first
    /// allocation through pymalloc: `None` takes GLASSPY_MALLOC (default `seed`); a
    /// choice made too late is an error from `Interpreter::new`.
    pub allocator: Option<Allocator>,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// The first entries of `sys.path` (the command line puts the script's folder, or
    /// '' for the current one, then PYTHONPATH's entries); the bundled library's
    /// pseudo-folder always follows them.
    pub path: Vec<String>,
    /// Start tracemalloc with this many frames per traceback (0: do not), as
    /// `-X tracemalloc=N` or PYTHONTRACEMALLOC=N.
    pub tracemalloc: usize,
    /// The heap's memory limit in bytes (0: none), as `--max-memory SIZE` or
    /// GLASSPY_MAX_MEMORY: growing past it raises MemoryError (glass.set_limit).
    pub max_memory: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            argv: vec![String::new()],
            allocator: None,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            path: Vec::new(),
            tracemalloc: 0,
            max_memory: 0,
        }
    }
}

/// A Python value as Rust sees it. Containers convert item by item; anything else
/// is described by its type name and repr.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    None,
    Bool(bool),
    /// An int that fits an i64 (a larger one is `Other`).
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Value>),
    Tuple(Vec<Value>),
    Dict(Vec<(Value, Value)>),
    Other {
        type_name: String,
        repr: String,
    },
}

impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}
impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Float(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Str(v.to_string())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Str(v)
    }
}
impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Value {
        Value::List(v)
    }
}

/// A Python exception, as Rust sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The exception class's name (`ValueError`).
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    /// The traceback python3 would print for it (empty for an error made in Rust).
    pub traceback: String,
}

impl Error {
    /// An exception for a registered function to raise: a built-in exception class
    /// by name (an unknown name raises RuntimeError) and its message.
    pub fn new(type_name: &str, message: impl Into<String>) -> Error {
        Error {
            type_name: type_name.to_string(),
            message: message.into(),
            traceback: String::new(),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.traceback.is_empty() {
            return f.write_str(self.traceback.trim_end());
        }
        if self.message.is_empty() {
            f.write_str(&self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// A Rust function registered as a builtin.
type RustFn = dyn Fn(&[Value]) -> Result<Value, Error>;

/// The payload of a registered Rust function (a `builtin_function_or_method`).
struct RustFunction {
    name: PyObj,
    func: Rc<RustFn>,
}

impl Payload for RustFunction {
    type Item = ();
    const NAME: &'static str = "builtin_function_or_method";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.name);
    }
}

thread_local! {
    static RUST_FUNCTION_TYPE: TypeRef = {
        let c = ctx();
        let ty = TypeRef::new::<TypeInfo, RustFunction>(
            &c.type_type,
            TypeInfo::new(Cow::Borrowed("builtin_function_or_method"), Some(c.object_type.clone())),
        );
        typeobj::install_builtin_slots(
            &ty,
            &SlotTable {
                call: Some(call_rust_function),
                repr: Some(rust_function_repr),
                ..SlotTable::EMPTY
            },
        );
        ty
    };
}

fn call_rust_function(rt: &mut dyn Runtime, f: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let rf = f
        .get::<RustFunction>()
        .expect("registered for RustFunction");
    let name = string::as_str(&rf.name).unwrap_or_default().into_owned();
    args.no_kw(&name)?;
    let values = args
        .pos()
        .iter()
        .map(|a| to_value(vm, a))
        .collect::<VmResult<Vec<_>>>()?;
    let func = rf.func.clone();
    match func(&values) {
        Ok(v) => from_value(vm, &v),
        Err(e) => Err(raise(&e)),
    }
}

fn rust_function_repr(_rt: &mut dyn Runtime, f: &PyObj) -> VmResult<String> {
    let rf = f
        .get::<RustFunction>()
        .expect("registered for RustFunction");
    let name = string::as_str(&rf.name).unwrap_or_default();
    Ok(format!("<built-in function {name}>"))
}

/// The exception a registered function's `Error` raises.
fn raise(e: &Error) -> Exc {
    let known = ctx()
        .exc_types
        .iter()
        .any(|t| *typeobj::info(t).name == e.type_name);
    if known {
        exceptions::named(&e.type_name, &e.message)
    } else {
        exceptions::named("RuntimeError", format!("{}: {}", e.type_name, e.message))
    }
}

/// A Python object as a `Value`.
fn to_value(vm: &mut Vm, o: &PyObj) -> VmResult<Value> {
    let c = ctx();
    if o.is(&c.none) {
        return Ok(Value::None);
    }
    if o.is(&c.true_) || o.is(&c.false_) {
        return Ok(Value::Bool(o.is(&c.true_)));
    }
    if o.is_type(&c.int_type) {
        if let Some(v) = int::as_i64(o) {
            return Ok(Value::Int(v));
        }
    }
    if o.is_type(&c.float_type) {
        return Ok(Value::Float(float::value(o).unwrap_or(f64::NAN)));
    }
    if o.is_type(&c.str_type) {
        return Ok(Value::Str(
            string::as_str(o).unwrap_or_default().into_owned(),
        ));
    }
    if o.is_type(&c.tuple_type) {
        let items = tuple::items(o).unwrap_or(&[]).to_vec();
        let vals = items.iter().map(|x| to_value(vm, x));
        return Ok(Value::Tuple(vals.collect::<VmResult<_>>()?));
    }
    if o.is_type(&c.list_type) {
        let items = list::borrow(o).map(|l| l.0.clone()).unwrap_or_default();
        let vals = items.iter().map(|x| to_value(vm, x));
        return Ok(Value::List(vals.collect::<VmResult<_>>()?));
    }
    if o.is_type(&c.dict_type) {
        let mut out = Vec::new();
        for (k, v) in dict::items(o).unwrap_or_default() {
            out.push((to_value(vm, &k)?, to_value(vm, &v)?));
        }
        return Ok(Value::Dict(out));
    }
    Ok(Value::Other {
        type_name: typeobj::type_name(o),
        repr: vm.repr(o)?,
    })
}

/// A `Value` as a new Python object.
fn from_value(vm: &mut Vm, v: &Value) -> VmResult<PyObj> {
    let c = ctx();
    Ok(match v {
        Value::None => c.none.clone(),
        Value::Bool(b) => if *b { &c.true_ } else { &c.false_ }.clone(),
        Value::Int(i) => int::new_i64(*i),
        Value::Float(f) => float::new(*f),
        Value::Str(s) => string::new(s),
        Value::List(items) => {
            let objs = items.iter().map(|x| from_value(vm, x));
            list::new_exact(objs.collect::<VmResult<_>>()?)
        }
        Value::Tuple(items) => {
            let objs = items.iter().map(|x| from_value(vm, x));
            tuple::new(objs.collect::<VmResult<_>>()?)
        }
        Value::Dict(pairs) => {
            let d = dict::new();
            for (k, v) in pairs {
                let (k, v) = (from_value(vm, k)?, from_value(vm, v)?);
                vm.dict_set(&d, k, v)?;
            }
            d
        }
        Value::Other { type_name, .. } => {
            return Err(exceptions::type_error(format!(
                "cannot make a Python object from a Value::Other of type '{type_name}'"
            )))
        }
    })
}

/// A glasspy interpreter with its `__main__` namespace.
///
/// ```
/// use glasspy::{Interpreter, Options, Value};
///
/// let mut py = Interpreter::new(Options::default()).unwrap();
/// py.set("n", 10);
/// py.register("double", |args| match args {
///     [Value::Int(i)] => Ok(Value::Int(i * 2)),
///     _ => Err(glasspy::Error::new("TypeError", "double() takes one int")),
/// });
/// py.run_str("import sys\nsquares = [i * i for i in range(n)]", "<embedded>").unwrap();
/// assert_eq!(py.eval("sum(squares)").unwrap(), Value::Int(285));
/// assert_eq!(py.eval("double(21)").unwrap(), Value::Int(42));
/// // Memory numbers are CPython 3.11's: a list of 10 built by a comprehension.
/// assert_eq!(py.eval("sys.getsizeof(squares)").unwrap(), Value::Int(184));
/// let err = py.eval("double('x')").unwrap_err();
/// assert_eq!(err.type_name, "TypeError");
/// assert!(err.traceback.ends_with("TypeError: double() takes one int\n"));
/// ```
pub struct Interpreter {
    vm: Vm,
    main: Option<PyObj>,
}

impl Interpreter {
    /// A fresh interpreter: builtins, built-in modules, an empty `__main__`.
    pub fn new(opts: Options) -> Result<Interpreter, Error> {
        if let Some(a) = opts.allocator {
            choose_global_mode(a).map_err(|now| {
                Error::new(
                    "RuntimeError",
                    format!("the allocator is already {now:?} for this process"),
                )
            })?;
        }
        let mut vm = Vm::new(opts.argv, &crate::builtins::LIBRARY);
        vm.recursion_limit = opts.recursion_limit;
        let mut path = opts.path;
        path.push(crate::vm::import::BUNDLED_ROOT.to_string());
        vm.imports.set_path(&path);
        if opts.tracemalloc > 0 {
            crate::builtins::tracemalloc_mod::start_tracing(opts.tracemalloc);
        }
        if opts.max_memory > 0 {
            crate::builtins::glass::set_memory_limit(opts.max_memory);
        }
        Ok(Interpreter { vm, main: None })
    }

    /// The `__main__` namespace, made (with `__file__` = `file`) on first use.
    fn main(&mut self, file: Option<&str>) -> Result<PyObj, Error> {
        if let Some(g) = &self.main {
            return Ok(g.clone());
        }
        let g = self
            .vm
            .new_module("__main__", file)
            .map_err(|e| self.error(e))?;
        self.main = Some(g.clone());
        Ok(g)
    }

    /// An exception as an `Error`, with the traceback python3 would print.
    fn error(&mut self, e: Exc) -> Error {
        let traceback = self.vm.format_exception(&e.0);
        let message = self.vm.str(&e.0).unwrap_or_default();
        Error {
            type_name: typeobj::type_name(&e.0),
            message,
            traceback,
        }
    }

    fn compile_error(e: CompileError) -> Error {
        match e {
            CompileError::Syntax(s) => Error {
                type_name: s.kind.name().to_string(),
                message: s.msg.clone(),
                traceback: s.render(),
            },
            CompileError::Recursion => Error {
                type_name: "RecursionError".into(),
                message: CompileError::RECURSION_MSG.into(),
                traceback: format!("RecursionError: {}\n", CompileError::RECURSION_MSG),
            },
        }
    }

    /// Run `source` in `__main__`; `filename` is what tracebacks show.
    pub fn run_str(&mut self, source: &str, filename: &str) -> Result<(), Error> {
        let code =
            compile_source_warn(source, filename, &mut Vec::new()).map_err(Self::compile_error)?;
        let g = self.main(None)?;
        let r = self.vm.exec_code(code, g);
        self.vm.run_pending_closes();
        self.vm.flush();
        r.map(drop).map_err(|e| self.error(e))
    }

    /// Run a file in `__main__`.
    pub fn run_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let source = std::fs::read_to_string(path)
            .map_err(|e| Error::new("OSError", format!("{}: {e}", path.display())))?;
        let name = path.to_string_lossy().into_owned();
        self.main(Some(&name))?;
        self.run_str(&source, &name)
    }

    /// The value of a Python expression, evaluated in `__main__`.
    pub fn eval(&mut self, expr: &str) -> Result<Value, Error> {
        let code = compile_eval_source(expr, "<string>").map_err(Self::compile_error)?;
        let g = self.main(None)?;
        let r = self.vm.exec_code(code, g);
        self.vm.flush();
        let v = r.map_err(|e| self.error(e))?;
        to_value(&mut self.vm, &v).map_err(|e| self.error(e))
    }

    /// A global of `__main__`, if it is set.
    pub fn get(&mut self, name: &str) -> Option<Value> {
        let g = self.main(None).ok()?;
        let v = self.vm.dict_get_str(&g, name)?;
        to_value(&mut self.vm, &v).ok()
    }

    /// Set a global of `__main__`.
    pub fn set(&mut self, name: &str, value: impl Into<Value>) {
        let value = value.into();
        let Ok(g) = self.main(None) else { return };
        if let Ok(v) = from_value(&mut self.vm, &value) {
            let _ = self.vm.dict_set_str(&g, name, v);
        }
    }

    /// Make a Rust function a Python builtin called `name`: Python's arguments arrive
    /// as `Value`s, its result or its `Error` (raised as that exception) go back.
    pub fn register(
        &mut self,
        name: &str,
        func: impl Fn(&[Value]) -> Result<Value, Error> + 'static,
    ) {
        let ty = RUST_FUNCTION_TYPE.with(Clone::clone);
        let f = PyObj::new(
            &ty,
            RustFunction {
                name: string::intern_str(name),
                func: Rc::new(func),
            },
        );
        let b = self.vm.builtins.clone();
        let _ = self.vm.dict_set_str(&b, name, f);
    }

    // ----- what the command line needs -----------------------------------------------

    /// Start recording a memory report (`--memory-report`): tracemalloc, samples of
    /// the heap as it grows and after each collection, the heap at its peak.
    pub fn start_memory_report(&mut self) {
        crate::builtins::glass::report::start();
    }

    /// Stop recording and write the report's HTML page to `path`.
    pub fn write_memory_report(&mut self, path: &str) -> std::io::Result<()> {
        crate::builtins::glass::report::finish(&mut self.vm, path)
    }

    /// Run a program as `__main__` the way `python3 script.py` does: compile errors,
    /// uncaught exceptions and SystemExit are printed and become the returned exit
    /// status, and the namespace is cleared afterwards (so `__del__` methods run).
    pub fn run_main(&mut self, source: &str, filename: &str, file: Option<&str>) -> i32 {
        self.vm.run_main(source, filename, file)
    }

    /// Run module `name` as `__main__` the way `python3 -m name` does (a package runs
    /// its `__main__` submodule); errors are printed and become the exit status, and
    /// the namespace is cleared afterwards.
    pub fn run_module(&mut self, name: &str) -> i32 {
        let g = match self.main(None) {
            Ok(g) => g,
            Err(e) => {
                eprint!("{e}");
                return 1;
            }
        };
        self.vm.run_module_as_main(name, &g)
    }

    /// Run a program as `__main__` and keep its namespace (`python3 -i`): whatever it
    /// leaves uncaught is printed, SystemExit included.
    pub fn run_main_keep(&mut self, source: &str, filename: &str, file: Option<&str>) {
        let mut warnings = Vec::new();
        let compiled = compile_source_warn(source, filename, &mut warnings);
        let shown_source = (!filename.starts_with('<')).then_some(source);
        for w in &warnings {
            eprint!("{}", w.render(filename, shown_source));
        }
        let g = match self.main(file) {
            Ok(g) => g,
            Err(e) => return eprint!("{e}"),
        };
        match compiled {
            Ok(code) => {
                if let Err(e) = self.vm.exec_code(code, g) {
                    self.vm.flush();
                    let text = self.vm.format_exception(&e.0);
                    eprint!("{text}");
                }
            }
            Err(e) => eprint!("{}", Self::compile_error(e).traceback),
        }
        self.vm.flush();
    }

    /// Compile and run one REPL entry (`single` mode) in `__main__`: expression
    /// statements print their value and bind `_`; errors are printed. Returns the exit
    /// status if the entry raised SystemExit.
    pub fn run_entry(&mut self, source: &str) -> Option<i32> {
        let g = match self.main(None) {
            Ok(g) => g,
            Err(e) => {
                eprint!("{e}");
                return None;
            }
        };
        let tree = match crate::parser::parse_interactive(source, FILENAME) {
            Ok(t) => t,
            Err(e) => {
                eprint!("{}", e.render());
                return None;
            }
        };
        let mut warnings = Vec::new();
        let compiled = compile_interactive_warn(&tree, FILENAME, &mut warnings);
        for w in &warnings {
            eprint!("{}", w.render(FILENAME, None));
        }
        let code = match compiled {
            Ok(c) => c,
            Err(e) => {
                eprint!("{}", Self::compile_error(e).traceback);
                return None;
            }
        };
        let result = self.vm.exec_code(code, g);
        self.vm.flush();
        match result {
            Ok(_) => None,
            Err(e) if e.0.is_type(ctx().exc_type("SystemExit")) => {
                Some(self.vm.report_uncaught(&e.0))
            }
            Err(e) => {
                let text = self.vm.format_exception(&e.0);
                eprint!("{text}");
                None
            }
        }
    }

    /// Names for tab completion of `word` (`name` or dotted `a.b.pre`), found without
    /// calling anything.
    pub fn completions(&mut self, word: &str) -> Vec<String> {
        let Ok(globals) = self.main(None) else {
            return Vec::new();
        };
        let (base, prefix) = match word.rfind('.') {
            Some(i) => (Some(&word[..i]), &word[i + 1..]),
            None => (None, word),
        };
        let names = match base {
            None => {
                let mut names: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
                for d in [&globals, &self.vm.builtins] {
                    for (k, _) in dict::items(d).unwrap_or_default() {
                        names.extend(string::as_str(&k).map(|s| s.into_owned()));
                    }
                }
                names
            }
            Some(b) => {
                let valid = b.split('.').all(|p| {
                    p.chars()
                        .next()
                        .is_some_and(|c| c.is_alphabetic() || c == '_')
                });
                match self.lookup_dotted(&globals, b) {
                    Some(obj) if valid => self.vm.dir_names(&obj),
                    _ => return Vec::new(),
                }
            }
        };
        // As rlcompleter: private names only when asked for with '_', dunders with '__'.
        let mut out: Vec<String> = names
            .into_iter()
            .filter(|n| n.starts_with(prefix))
            .filter(|n| prefix.starts_with('_') || !n.starts_with('_'))
            .filter(|n| prefix.starts_with("__") || !n.starts_with("__") || base.is_none())
            .map(|n| match base {
                Some(b) => format!("{b}.{n}"),
                None => n,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The object a plain dotted name (`a.b.c`) refers to, looked up without calls.
    fn lookup_dotted(&mut self, globals: &PyObj, dotted: &str) -> Option<PyObj> {
        let mut parts = dotted.split('.');
        let first = parts.next()?;
        let builtins = self.vm.builtins.clone();
        let mut obj = self
            .vm
            .dict_get_str(globals, first)
            .or_else(|| self.vm.dict_get_str(&builtins, first))?;
        for p in parts {
            obj = self.vm.getattr(&obj, &string::intern_str(p)).ok()?;
        }
        Some(obj)
    }

    /// Shut down as python3 does at exit: `__main__` is cleared (its objects'
    /// `__del__` run), output is flushed.
    pub fn finish(&mut self) {
        if let Some(g) = self.main.take() {
            self.vm.clear_main(&g);
        }
        self.vm.flush();
    }

    /// Run a program like `run_main` in a fresh interpreter, then check that every
    /// object it made was freed: the objects left once the interpreter is gone and
    /// every generation collected must be exactly those start-up leaves (interned
    /// strings aside), and verify_heap() must be clean; otherwise the findings go to
    /// stderr and the status is `LEAK_STATUS`. The tests/cases harness runs every
    /// case this way (GLASSPY_CHECK_LEAKS=1).
    pub fn run_main_checking_leaks(
        opts: Options,
        source: &str,
        filename: &str,
        file: Option<&str>,
    ) -> i32 {
        Self::checking_leaks(opts, |py| py.run_main(source, filename, file))
    }

    /// `run_module` (`-m`) in a fresh interpreter, with the leak check of
    /// `run_main_checking_leaks`.
    pub fn run_module_checking_leaks(opts: Options, name: &str) -> i32 {
        Self::checking_leaks(opts, |py| py.run_module(name))
    }

    fn checking_leaks(opts: Options, run: impl FnOnce(&mut Interpreter) -> i32) -> i32 {
        // What start-up leaves behind once its interpreter is gone (type dicts,
        // singletons).
        drop(Interpreter::new(Options::default()));
        // Built-in types' dicts are filled on first use: count them all full on both
        // sides.
        crate::objects::typeobj::lazy_dict::fill_all();
        crate::heap::collect(2);
        let before = objects_not_interned();
        let status = match Interpreter::new(opts) {
            Ok(mut py) => run(&mut py),
            Err(e) => {
                eprintln!("glasspy: {e}");
                return 1;
            }
        };
        crate::objects::generator::discard_pending_closes();
        crate::objects::typeobj::lazy_dict::fill_all();
        crate::heap::collect(2);
        let after = objects_not_interned();
        let report = crate::heap::verify_heap();
        if after != before || !report.is_ok() {
            eprintln!(
                "glasspy: leak check: {before} objects after start-up, {after} at exit; heap problems: {:?}",
                report.problems
            );
            return LEAK_STATUS;
        }
        status
    }
}

impl Drop for Interpreter {
    fn drop(&mut self) {
        self.vm.flush();
        crate::builtins::teardown();
    }
}

/// Environment variable that turns on the exit-time leak check (the tests/cases harness).
pub const CHECK_LEAKS_VAR: &str = "GLASSPY_CHECK_LEAKS";

/// Exit status when the leak check finds leaked objects or a broken heap.
pub const LEAK_STATUS: i32 = 70;

/// Live objects minus the intern table, which never shrinks; the one-character
/// and empty strings are start-up singletons whether or not they were interned since.
fn objects_not_interned() -> usize {
    let c = ctx();
    let singletons = c.latin1.iter().chain([&c.empty_str]);
    let singletons = singletons.filter(|s| string::is_interned(s)).count();
    crate::heap::live_objects() + singletons - string::interned_count()
}

/// Ask the running interpreter to raise KeyboardInterrupt at its next loop
/// back-edge (what a SIGINT handler calls; it only stores a flag).
pub fn interrupt() {
    INTERRUPT.store(true, Ordering::Relaxed);
}

/// Forget an interrupt that arrived while no code was running.
pub fn clear_interrupt() {
    INTERRUPT.store(false, Ordering::Relaxed);
}

/// The disassembly of a program (`glasspy --dis`), or its compile error as python3
/// prints it.
pub fn disassemble(source: &str, filename: &str) -> Result<String, String> {
    crate::compiler::compile_source(source, filename)
        .map(|code| crate::dis::disassemble(&code))
        .map_err(|e| Interpreter::compile_error(e).traceback)
}

/// Fix str hashing for the process from PYTHONHASHSEED, as python3 does at start-up:
/// Err with python3's fatal-error text when the variable is invalid.
pub fn init_hash_seed_from_env() -> Result<(), String> {
    crate::objects::unicode::hash::init_hash_secret()
        .map(drop)
        .map_err(|e| e.to_string())
}
