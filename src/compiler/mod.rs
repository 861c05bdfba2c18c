//! The compiler: AST to code objects. A symbol-table pass (`symtable`) classifies every
//! name, then code generation (`stmt`, `expr`) emits instructions into a `Builder`
//! (labels, locations, exception table, max stack) per code object. Constants are
//! folded and shared across the whole compilation unit (`consts`).
//!
//! Entry points: [`compile_module`], [`compile_interactive`], [`compile_source`].

mod builder;
pub mod consts;
mod expr;
pub mod frozen;
mod stmt;
pub mod symtable;
mod warnings;

pub use warnings::CompileWarning;

use std::collections::HashMap;

use indexmap::IndexMap;

use crate::bytecode::code::flags;
use crate::bytecode::{Location, Op};
use crate::heap::PyObj;
use crate::objects::code::Code;
use crate::objects::{ctx, string};
use crate::parser::ast::{self, Span, Stmt};
use crate::parser::{LineIndex, SyntaxError, SyntaxErrorKind};

use builder::{Builder, Label};
use consts::{CVal, ConstCache, ConstKey};
use symtable::{ScopeId, SymTable};

/// Why compilation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    Syntax(SyntaxError),
    /// "maximum recursion depth exceeded during compilation" (a RecursionError).
    Recursion,
}

impl CompileError {
    pub const RECURSION_MSG: &'static str = "maximum recursion depth exceeded during compilation";
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompileError::Syntax(e) => e.fmt(f),
            CompileError::Recursion => f.write_str(Self::RECURSION_MSG),
        }
    }
}

/// An error inside the compiler, positioned by AST span (no source text at hand).
#[derive(Debug)]
pub(crate) enum CompileErr {
    Syntax { msg: String, span: Span },
    Recursion,
}

impl CompileErr {
    pub(crate) fn syntax(msg: String, span: Span) -> CompileErr {
        CompileErr::Syntax { msg, span }
    }

    /// The public error; with the source, offsets become characters and text is set.
    fn into_public(self, filename: &str, src: Option<&str>) -> CompileError {
        match self {
            CompileErr::Recursion => CompileError::Recursion,
            CompileErr::Syntax { msg, span } => {
                let mut e = match src {
                    Some(src) => {
                        LineIndex::new(src).error_span(SyntaxErrorKind::SyntaxError, msg, span)
                    }
                    None => SyntaxError {
                        kind: SyntaxErrorKind::SyntaxError,
                        msg,
                        filename: String::new(),
                        lineno: span.line as usize,
                        offset: span.col as i64 + 1,
                        end_lineno: span.end_line as usize,
                        end_offset: span.end_col as i64 + 1,
                        text: None,
                    },
                };
                e.filename = filename.to_string();
                CompileError::Syntax(e)
            }
        }
    }
}

/// "<constructs> are not supported by glasspy yet", at the construct.
pub(crate) fn unsupported(what: &str, span: Span) -> CompileErr {
    CompileErr::syntax(format!("{what} are not supported by glasspy yet"), span)
}

/// Nesting depth of the AST walk. python3 3.11 fails `x = 1+1+...+1` at 3000 terms and
/// compiles 2999 (measured): the chain nests 2998 BinOps under an Assign statement.
pub const MAX_DEPTH: u32 = 3000;

#[derive(Default, Debug)]
pub(crate) struct Depth(u32);

impl Depth {
    pub(crate) fn enter(&mut self) -> Result<(), CompileErr> {
        self.0 += 1;
        if self.0 > MAX_DEPTH {
            self.0 -= 1;
            return Err(CompileErr::Recursion);
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.0 -= 1;
    }
}

/// What a compilation unit is compiled for (`compile()`'s mode).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// A module: statements, the value None.
    Exec,
    /// A REPL entry: expression statements print their value.
    Single,
    /// One expression, whose value the code returns.
    Eval,
}

/// Compiles a module (`exec` mode). Compile-time warnings are dropped; see
/// [`compile_module_warn`].
pub fn compile_module(m: &ast::Module, filename: &str) -> Result<PyObj, CompileError> {
    compile_module_warn(m, filename, &mut Vec::new())
}

/// Compiles a module, appending the SyntaxWarnings python3 would print (in order, also
/// when compilation then fails) to `warnings`.
pub fn compile_module_warn(
    m: &ast::Module,
    filename: &str,
    warnings: &mut Vec<CompileWarning>,
) -> Result<PyObj, CompileError> {
    compile_body(&m.body, filename, Mode::Exec, warnings).map_err(|e| e.into_public(filename, None))
}

/// Compiles a REPL entry (`single` mode): expression statements print their value.
pub fn compile_interactive(m: &ast::Interactive, filename: &str) -> Result<PyObj, CompileError> {
    compile_interactive_warn(m, filename, &mut Vec::new())
}

/// [`compile_interactive`], collecting SyntaxWarnings.
pub fn compile_interactive_warn(
    m: &ast::Interactive,
    filename: &str,
    warnings: &mut Vec<CompileWarning>,
) -> Result<PyObj, CompileError> {
    compile_body(&m.body, filename, Mode::Single, warnings)
        .map_err(|e| e.into_public(filename, None))
}

/// Parses and compiles a whole file; compile errors get python3's character offsets
/// and source text.
pub fn compile_source(src: &str, filename: &str) -> Result<PyObj, CompileError> {
    compile_source_warn(src, filename, &mut Vec::new())
}

/// [`compile_source`], collecting SyntaxWarnings.
pub fn compile_source_warn(
    src: &str,
    filename: &str,
    warnings: &mut Vec<CompileWarning>,
) -> Result<PyObj, CompileError> {
    let m = crate::parser::parse_module(src, filename).map_err(CompileError::Syntax)?;
    let norm = src.replace("\r\n", "\n").replace('\r', "\n");
    compile_body(&m.body, filename, Mode::Exec, warnings)
        .map_err(|e| e.into_public(filename, Some(&norm)))
}

/// Parses and compiles one expression (`eval` mode): the code returns its value.
pub fn compile_eval_source(src: &str, filename: &str) -> Result<PyObj, CompileError> {
    let e = crate::parser::parse_expression(src, filename).map_err(CompileError::Syntax)?;
    let span = e.span;
    let body = [Stmt {
        kind: ast::StmtKind::Expr(e),
        span,
    }];
    let norm = src.replace("\r\n", "\n").replace('\r', "\n");
    compile_body(&body, filename, Mode::Eval, &mut Vec::new())
        .map_err(|e| e.into_public(filename, Some(&norm)))
}

fn compile_body(
    body: &[Stmt],
    filename: &str,
    mode: Mode,
    warnings: &mut Vec<CompileWarning>,
) -> Result<PyObj, CompileErr> {
    let table = symtable::build(body)?;
    let mut c = Compiler {
        table,
        consts: ConstCache::default(),
        filename: string::new(filename),
        units: Vec::new(),
        mode,
        depth: Depth::default(),
        fold_memo: HashMap::new(),
        next_code_key: 0,
        warnings: Vec::new(),
    };
    c.enter_unit(0, "<module>".into(), "<module>".into(), 1);
    let r = c.module_body(body);
    warnings.append(&mut c.warnings);
    r?;
    Ok(c.leave_unit(None))
}

/// A loop or protected region the code being compiled is inside (CPython's fblock).
#[derive(Clone, Copy)]
pub(crate) enum FBlock<'a> {
    While {
        start: Label,
        exit: Label,
    },
    For {
        start: Label,
        exit: Label,
    },
    /// A try body with except handlers (handler H active).
    TryExcept {
        handler: builder::HandlerId,
    },
    /// A try body with a finally (handler F active).
    FinallyTry {
        handler: builder::HandlerId,
        body: &'a [Stmt],
    },
    /// The exceptional path of a finally body: prev and exc on the stack.
    FinallyEnd {
        cleanup: builder::HandlerId,
    },
    /// The except clauses: prev on the stack, cleanup C active.
    ExceptionHandler,
    /// One except clause body; `name` cleanup handler N active when named.
    HandlerCleanup {
        cleanup: builder::HandlerId,
        name: Option<(&'a str, builder::HandlerId)>,
    },
    /// A value kept on the stack while a finally body runs inline for `return`.
    PopValue,
    /// A with body: the bound `__exit__` below it, handler `handler` active.
    With {
        handler: builder::HandlerId,
        span: Span,
    },
}

impl FBlock<'_> {
    /// Stack items this block keeps below the statements inside it.
    fn stack_items(&self) -> u32 {
        match self {
            FBlock::For { .. }
            | FBlock::ExceptionHandler
            | FBlock::PopValue
            | FBlock::With { .. } => 1,
            FBlock::FinallyEnd { .. } => 2,
            _ => 0,
        }
    }
}

/// The code object being generated.
pub(crate) struct Unit<'a> {
    scope: ScopeId,
    b: Builder,
    consts: Vec<PyObj>,
    const_index: HashMap<ConstKey, u32>,
    names: IndexMap<String, ()>,
    varnames: IndexMap<String, ()>,
    name: String,
    qualname: String,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    fblocks: Vec<FBlock<'a>>,
}

pub(crate) struct Compiler<'a> {
    table: SymTable,
    consts: ConstCache,
    filename: PyObj,
    units: Vec<Unit<'a>>,
    mode: Mode,
    depth: Depth,
    /// Folded value of each expression node visited (by address), None if not constant.
    fold_memo: HashMap<usize, Option<CVal>>,
    next_code_key: usize,
    warnings: Vec<CompileWarning>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is open")
    }

    pub(crate) fn b(&mut self) -> &mut Builder {
        &mut self.u().b
    }

    pub(crate) fn scope(&self) -> &symtable::Scope {
        let id = self.units.last().expect("a unit is open").scope;
        &self.table.scopes[id]
    }

    pub(crate) fn enter_unit(&mut self, scope: ScopeId, name: String, qualname: String, line: u32) {
        let mut varnames = IndexMap::new();
        for p in &self.table.scopes[scope].params {
            varnames.insert(p.clone(), ());
        }
        self.units.push(Unit {
            scope,
            b: Builder::default(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: IndexMap::new(),
            varnames,
            name,
            qualname,
            firstlineno: line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            fblocks: Vec::new(),
        });
    }

    /// Finish the current unit into a code object. `ret_none` is the location of an
    /// implicit `return None` (None: the body must already end in a return).
    pub(crate) fn leave_unit(&mut self, _ret: Option<Location>) -> PyObj {
        let u = self.units.pop().expect("a unit is open");
        let sc = &self.table.scopes[u.scope];
        let mut flags = u.flags;
        if sc.is_function() {
            flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if sc.nested {
                flags |= flags::NESTED;
            }
        }
        if sc.generator {
            flags |= flags::GENERATOR;
        }
        if sc.cellvars.is_empty() && sc.freevars.is_empty() {
            flags |= flags::NOFREE;
        }
        let cell2arg: Vec<Option<u32>> = sc
            .cellvars
            .iter()
            .map(|c| sc.params.iter().position(|p| p == c).map(|i| i as u32))
            .collect();
        let intern = |v: &[String]| v.iter().map(|s| string::intern_str(s)).collect::<Vec<_>>();
        let names: Vec<String> = u.names.keys().cloned().collect();
        let varnames: Vec<String> = u.varnames.keys().cloned().collect();
        let asm = u.b.finish();
        let code = Code {
            name: string::intern_str(&u.name),
            qualname: string::intern_str(&u.qualname),
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags,
            plain_args: Code::plain_args_of(
                u.argcount,
                u.kwonlyargcount,
                flags,
                cell2arg.len(),
                sc.freevars.len(),
            ),
            instrs: Code::instrs_from(asm.instrs),
            locations: asm.locations,
            consts: u.consts,
            global_cache: vec![Default::default(); names.len()],
            warmup: std::cell::Cell::new(crate::bytecode::code::WARMUP),
            caches: std::cell::OnceCell::new(),
            poly: Default::default(),
            names: intern(&names),
            varnames: intern(&varnames),
            cellvars: intern(&sc.cellvars),
            freevars: intern(&sc.freevars),
            cell2arg,
            exception_table: asm.exception_table,
            max_stack: asm.max_stack,
        };
        PyObj::new(&ctx().code_type, code)
    }

    /// Index of a compile-time constant in the current unit's co_consts.
    pub(crate) fn const_idx(&mut self, v: &CVal) -> u32 {
        let key = v.key();
        if let Some(&i) = self.u().const_index.get(&key) {
            return i;
        }
        let obj = self.consts.get(v);
        self.push_const(key, obj)
    }

    fn push_const(&mut self, key: ConstKey, obj: PyObj) -> u32 {
        let u = self.u();
        let i = u.consts.len() as u32;
        u.consts.push(obj);
        u.const_index.insert(key, i);
        i
    }

    /// A code object as a constant (never shared).
    pub(crate) fn code_const(&mut self, code: PyObj) -> u32 {
        self.next_code_key += 1;
        let key = ConstKey::Code(self.next_code_key);
        self.push_const(key, code)
    }

    pub(crate) fn load_const(&mut self, v: &CVal) {
        let i = self.const_idx(v);
        self.emit(Op::LOAD_CONST, i);
    }

    /// `name` mangled for the class the current unit is in (CPython's _Py_Mangle).
    pub(crate) fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        symtable::mangle(self.scope().private.as_deref(), name)
    }

    /// Index of a (mangled) name in co_names.
    pub(crate) fn name_idx(&mut self, name: &str) -> u32 {
        let name = self.mangle(name).into_owned();
        let name = name.as_str();
        let names = &mut self.u().names;
        match names.get_index_of(name) {
            Some(i) => i as u32,
            None => names.insert_full(name.to_string(), ()).0 as u32,
        }
    }

    pub(crate) fn varname_idx(&mut self, name: &str) -> u32 {
        let names = &mut self.u().varnames;
        match names.get_index_of(name) {
            Some(i) => i as u32,
            None => names.insert_full(name.to_string(), ()).0 as u32,
        }
    }

    pub(crate) fn emit(&mut self, op: Op, arg: u32) {
        self.b().emit(op, arg);
    }

    pub(crate) fn jump(&mut self, op: Op, l: Label) {
        self.b().emit_jump(op, l);
    }

    pub(crate) fn label(&mut self) -> Label {
        self.b().new_label()
    }

    pub(crate) fn bind(&mut self, l: Label) {
        self.b().bind(l);
    }

    /// Instructions emitted next get the location of `span`.
    pub(crate) fn set_loc(&mut self, span: Span) {
        self.b().loc = Location {
            line: span.line,
            end_line: span.end_line,
            col: span.col,
            end_col: span.end_col,
        };
    }

    /// Stack depth at statement boundaries in the current fblock context.
    pub(crate) fn base_depth(&self) -> u32 {
        let u = self.units.last().expect("a unit is open");
        u.fblocks.iter().map(FBlock::stack_items).sum()
    }
}

#[cfg(test)]
mod tests;
