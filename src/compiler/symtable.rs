//! The symbol-table pass (CPython's symtable.c): one scope per module, class, function,
//! lambda and comprehension; each name classified local, cell, free, explicit global or
//! implicit global before code generation starts. Names are stored mangled
//! (`__x` in class `A` is `_A__x`, CPython's _Py_Mangle).

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use crate::parser::ast::*;

use super::{CompileErr, Depth};

/// Symbol flags collected while visiting (CPython's DEF_* bits).
pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_IMPORT: u32 = 32;
pub const DEF_ANNOT: u32 = 64;
pub const DEF_COMP_ITER: u32 = 128;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives, after analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

/// One scope of the program.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    /// Flags per name, in order of first appearance.
    pub symbols: IndexMap<String, u32>,
    /// The analysis result per name.
    pub scopes: HashMap<String, SymScope>,
    /// Parameters in CPython's order (posonly, regular, kwonly, *args, **kwargs).
    pub params: Vec<String>,
    /// Sorted names of cell and free variables.
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Nested inside a function (CPython's ste_nested).
    pub nested: bool,
    /// A class whose methods use `super` or `__class__`: its body makes the implicit
    /// `__class__` cell (CPython's ste_needs_class_closure).
    pub needs_class_closure: bool,
    /// The class name private names are mangled with (CPython's u_private).
    pub private: Option<String>,
    /// The statement of each global / nonlocal declaration, for error positions.
    decls: HashMap<String, Span>,
    /// >0 while visiting a comprehension's iterable expression.
    comp_iter_expr: u32,
    /// Contains `yield` or is a generator expression (CPython's ste_generator).
    pub generator: bool,
}

impl Scope {
    /// Function-like scopes use fast locals.
    pub fn optimized(&self) -> bool {
        !matches!(self.kind, ScopeKind::Module | ScopeKind::Class)
    }

    /// Is this a function, lambda or comprehension (CPython's FunctionBlock)?
    pub fn is_function(&self) -> bool {
        self.optimized()
    }

    pub fn lookup(&self, name: &str) -> SymScope {
        self.scopes
            .get(name)
            .copied()
            .unwrap_or(if self.optimized() {
                SymScope::GlobalImplicit
            } else {
                SymScope::Local
            })
    }
}

/// All scopes of a compilation unit; scope 0 is the module.
#[derive(Debug)]
pub struct SymTable {
    pub scopes: Vec<Scope>,
    /// The scope made for a FunctionDef / Lambda / comprehension node (by address).
    pub by_node: HashMap<usize, ScopeId>,
}

/// CPython's _Py_Mangle: `__name` inside class `private` becomes `_private__name`,
/// unless it ends in `__`, holds a dot, or the class name is all underscores.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(p) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

/// The key of an AST node in `by_node`.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    cur: ScopeId,
    depth: Depth,
    /// The enclosing class name, for mangling (CPython's st_private).
    private: Option<String>,
}

/// Builds and analyses the symbol table of a module (or REPL entry) body.
pub(crate) fn build(body: &[Stmt]) -> Result<SymTable, CompileErr> {
    let mut b = Builder {
        scopes: Vec::new(),
        by_node: HashMap::new(),
        cur: 0,
        depth: Depth::default(),
        private: None,
    };
    b.new_scope(ScopeKind::Module, "top".into(), None);
    for s in body {
        b.stmt(s)?;
    }
    analyze(&mut b.scopes)?;
    Ok(SymTable {
        scopes: b.scopes,
        by_node: b.by_node,
    })
}

impl Builder {
    fn new_scope(&mut self, kind: ScopeKind, name: String, key: Option<usize>) -> ScopeId {
        let id = self.scopes.len();
        let parent = if id == 0 { None } else { Some(self.cur) };
        let nested = parent.is_some_and(|p| {
            let ps = &self.scopes[p];
            ps.nested || ps.is_function()
        });
        let private = self.private.clone();
        self.scopes.push(Scope {
            kind,
            name,
            parent,
            children: Vec::new(),
            symbols: IndexMap::new(),
            scopes: HashMap::new(),
            params: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            nested,
            needs_class_closure: false,
            private,
            decls: HashMap::new(),
            comp_iter_expr: 0,
            generator: false,
        });
        if let Some(p) = parent {
            self.scopes[p].children.push(id);
        }
        if let Some(k) = key {
            self.by_node.insert(k, id);
        }
        self.cur = id;
        id
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn add_def(&mut self, name: &str, flag: u32) {
        self.add_def_in(self.cur, name, flag);
    }

    /// Record `flag` for `name` (mangled) in scope `id`.
    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32) {
        let name = mangle(self.private.as_deref(), name).into_owned();
        *self.scopes[id].symbols.entry(name).or_insert(0) |= flag;
    }

    fn flags(&self, name: &str) -> u32 {
        self.scopes[self.cur]
            .symbols
            .get(mangle(self.private.as_deref(), name).as_ref())
            .copied()
            .unwrap_or(0)
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileErr> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[Expr]) -> Result<(), CompileErr> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileErr> {
        self.depth.enter()?;
        let r = self.stmt_inner(s);
        self.depth.leave();
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> Result<(), CompileErr> {
        match &s.kind {
            StmtKind::FunctionDef(fd) => {
                self.add_def(&fd.name, DEF_LOCAL);
                self.arg_defaults(&fd.args)?;
                self.annotations(&fd.args)?;
                if let Some(r) = &fd.returns {
                    self.expr(r)?;
                }
                self.exprs(&fd.decorator_list)?;
                let outer = self.cur;
                self.new_scope(ScopeKind::Function, fd.name.clone(), Some(node_key(&**fd)));
                self.params(&fd.args);
                self.stmts(&fd.body)?;
                self.cur = outer;
            }
            StmtKind::ClassDef(cd) => {
                self.add_def(&cd.name, DEF_LOCAL);
                self.exprs(&cd.bases)?;
                for k in &cd.keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(&cd.decorator_list)?;
                let outer = self.cur;
                self.new_scope(ScopeKind::Class, cd.name.clone(), Some(node_key(&**cd)));
                let saved = self.private.replace(cd.name.clone());
                self.scope().private = self.private.clone();
                let r = self.stmts(&cd.body);
                self.private = saved;
                r?;
                self.cur = outer;
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(ts) => self.exprs(ts)?,
            StmtKind::Assign { targets, value } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.flags(id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur != 0 && *simple {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        let msg = format!("annotated name '{id}' can't be {what}");
                        return Err(CompileErr::syntax(msg, s.span));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL);
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL);
                    }
                } else {
                    self.expr(target)?;
                }
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = a
                        .asname
                        .as_deref()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or(&a.name));
                    self.add_def(bound, DEF_IMPORT);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur != 0 {
                            let msg = "import * only allowed at module level".to_string();
                            return Err(CompileErr::syntax(msg, a.span));
                        }
                        continue;
                    }
                    self.add_def(a.asname.as_deref().unwrap_or(&a.name), DEF_IMPORT);
                }
            }
            StmtKind::Global(names) => self.declare(names, s.span, true)?,
            StmtKind::Nonlocal(names) => self.declare(names, s.span, false)?,
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn declare(&mut self, names: &[String], span: Span, global: bool) -> Result<(), CompileErr> {
        let what = if global { "global" } else { "nonlocal" };
        for name in names {
            let cur = self.flags(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {what}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {what} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {what}")
                } else {
                    format!("name '{name}' is assigned to before {what} declaration")
                };
                return Err(CompileErr::syntax(msg, span));
            }
            self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL });
            let mangled = mangle(self.private.as_deref(), name).into_owned();
            self.scope().decls.entry(mangled).or_insert(span);
        }
        Ok(())
    }

    fn arg_defaults(&mut self, a: &Arguments) -> Result<(), CompileErr> {
        self.exprs(&a.defaults)?;
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotations(&mut self, a: &Arguments) -> Result<(), CompileErr> {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.vararg)
            .chain(&a.kwonlyargs)
            .chain(&a.kwarg);
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, a: &Arguments) {
        let names = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.kwonlyargs)
            .chain(&a.vararg)
            .chain(&a.kwarg);
        for arg in names {
            self.add_def(&arg.arg, DEF_PARAM);
            let mangled = mangle(self.private.as_deref(), &arg.arg).into_owned();
            self.scope().params.push(mangled);
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileErr> {
        self.depth.enter()?;
        let r = self.expr_inner(e);
        self.depth.leave();
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), CompileErr> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                if self.scopes[self.cur].comp_iter_expr > 0 {
                    let msg = "assignment expression cannot be used in a comprehension iterable expression";
                    return Err(CompileErr::syntax(msg.into(), e.span));
                }
                if self.scopes[self.cur].kind == ScopeKind::Comprehension {
                    self.extend_namedexpr_scope(target)?;
                }
                self.expr(value)?;
                self.expr(target)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args)?;
                let outer = self.cur;
                self.new_scope(ScopeKind::Lambda, "lambda".into(), Some(node_key(e)));
                self.params(args);
                self.expr(body)?;
                self.cur = outer;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set(v) => self.exprs(v)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "dictcomp", generators, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", generators, elt, None)?
            }
            ExprKind::Yield(v) => {
                self.yield_here(e.span)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.yield_here(e.span)?;
                self.expr(v)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr(v) => self.exprs(v)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag);
                // `super()` needs the implicit `__class__` cell of the enclosing class.
                if *ctx == ExprContext::Load && id == "super" && self.scopes[self.cur].is_function()
                {
                    self.add_def("__class__", USE);
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    /// A `yield` in the current scope makes it a generator; CPython's errors where a
    /// yield cannot be.
    fn yield_here(&mut self, span: Span) -> Result<(), CompileErr> {
        let s = self.scope();
        let what = match (s.kind, s.name.as_str()) {
            (ScopeKind::Module, _) => "'yield' outside function",
            (ScopeKind::Comprehension, "listcomp") => "'yield' inside list comprehension",
            (ScopeKind::Comprehension, "setcomp") => "'yield' inside set comprehension",
            (ScopeKind::Comprehension, "dictcomp") => "'yield' inside dict comprehension",
            (ScopeKind::Comprehension, _) => "'yield' inside generator expression",
            _ => {
                s.generator = true;
                return Ok(());
            }
        };
        Err(CompileErr::syntax(what.into(), span))
    }

    /// A comprehension: the outermost iterable in this scope, the rest in a new one.
    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        gens: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<(), CompileErr> {
        let first = &gens[0];
        self.scope().comp_iter_expr += 1;
        let r = self.expr(&first.iter);
        self.scope().comp_iter_expr -= 1;
        r?;
        let outer = self.cur;
        self.new_scope(ScopeKind::Comprehension, name.into(), Some(node_key(e)));
        self.scope().generator = name == "genexpr";
        self.add_def(".0", DEF_PARAM);
        self.scope().params.push(".0".into());
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.scope().comp_iter_expr += 1;
                let r = self.expr(&g.iter);
                self.scope().comp_iter_expr -= 1;
                r?;
            }
            self.comp_target(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.cur = outer;
        Ok(())
    }

    /// A comprehension's `for` target: its names are iteration variables.
    fn comp_target(&mut self, t: &Expr) -> Result<(), CompileErr> {
        self.expr(t)?;
        let mut stack = vec![t];
        while let Some(x) = stack.pop() {
            match &x.kind {
                ExprKind::Name { id, .. } => self.add_def(id, DEF_COMP_ITER),
                ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                    stack.extend(elts.iter())
                }
                ExprKind::Starred { value, .. } => stack.push(value),
                _ => {}
            }
        }
        Ok(())
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function or module.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> Result<(), CompileErr> {
        let ExprKind::Name { id, .. } = &target.kind else {
            return Ok(());
        };
        let mut s = Some(self.cur);
        while let Some(id_s) = s {
            let sc = &self.scopes[id_s];
            match sc.kind {
                ScopeKind::Comprehension => {
                    if sc.symbols.get(id).is_some_and(|f| f & DEF_COMP_ITER != 0) {
                        let msg = format!(
                            "assignment expression cannot rebind comprehension iteration variable '{id}'"
                        );
                        return Err(CompileErr::syntax(msg, target.span));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let global = sc.symbols.get(id).is_some_and(|f| f & DEF_GLOBAL != 0);
                    self.add_def(id, if global { DEF_GLOBAL } else { DEF_NONLOCAL });
                    self.add_def_in(id_s, id, DEF_LOCAL);
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.add_def(id, DEF_GLOBAL);
                    self.add_def_in(id_s, id, DEF_GLOBAL);
                    return Ok(());
                }
                ScopeKind::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(CompileErr::syntax(msg.into(), target.span));
                }
            }
            s = sc.parent;
        }
        Ok(())
    }
}

/// CPython's analyze_block, run iteratively: bound and global names flow down in
/// creation order (parents before children), free names flow up in reverse order.
fn analyze(scopes: &mut [Scope]) -> Result<(), CompileErr> {
    let n = scopes.len();
    // What each scope passes to its children.
    let mut down: Vec<(Option<HashSet<String>>, HashSet<String>)> = Vec::with_capacity(n);
    for (id, sc) in scopes.iter_mut().enumerate() {
        let (mut bound, mut global) = match sc.parent {
            Some(p) => down[p].clone(),
            None => (None, HashSet::new()),
        };
        // A class's own names are invisible to its children: they see what the class saw.
        let class_pass = (sc.kind == ScopeKind::Class).then(|| (bound.clone(), global.clone()));
        let mut local = HashSet::new();
        let names: Vec<(String, u32)> = sc.symbols.iter().map(|(k, v)| (k.clone(), *v)).collect();
        for (name, flags) in names {
            let decl = sc.decls.get(&name).copied().unwrap_or_default();
            let scope = if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    let msg = format!("name '{name}' is nonlocal and global");
                    return Err(CompileErr::syntax(msg, decl));
                }
                global.insert(name.clone());
                if let Some(b) = bound.as_mut() {
                    b.remove(&name);
                }
                SymScope::GlobalExplicit
            } else if flags & DEF_NONLOCAL != 0 {
                if !bound.as_ref().is_some_and(|b| b.contains(&name)) {
                    let msg = format!("no binding for nonlocal '{name}' found");
                    return Err(CompileErr::syntax(msg, decl));
                }
                SymScope::Free
            } else if flags & DEF_BOUND != 0 {
                local.insert(name.clone());
                global.remove(&name);
                SymScope::Local
            } else if bound.as_ref().is_some_and(|b| b.contains(&name)) {
                SymScope::Free
            } else {
                SymScope::GlobalImplicit
            };
            sc.scopes.insert(name, scope);
        }
        if let Some((cbound, cglobal)) = class_pass {
            let mut newbound = cbound.unwrap_or_default();
            newbound.insert("__class__".to_string());
            down.push((Some(newbound), cglobal));
            continue;
        }
        let mut newbound = HashSet::new();
        if sc.kind != ScopeKind::Module {
            newbound.extend(local);
        }
        if let Some(b) = bound {
            newbound.extend(b);
        }
        let pass = if id == 0 && newbound.is_empty() {
            None
        } else {
            Some(newbound)
        };
        down.push((pass, global));
    }
    // Free names flow up: children's free names become cells where bound, else free.
    let mut up: Vec<HashSet<String>> = vec![HashSet::new(); n];
    for id in (0..n).rev() {
        let mut newfree = std::mem::take(&mut up[id]);
        let sc = &mut scopes[id];
        let mut cells = Vec::new();
        let mut frees = Vec::new();
        if sc.kind == ScopeKind::Class {
            // A method using `super` / `__class__`: the class body makes that cell.
            sc.needs_class_closure = newfree.remove("__class__");
            if sc.needs_class_closure {
                cells.push("__class__".to_string());
            }
            // Children's free names pass through the class (CPython's DEF_FREE_CLASS):
            // they are free variables of the class code even when the body binds them.
            for name in &newfree {
                sc.scopes.entry(name.clone()).or_insert(SymScope::Free);
            }
            frees.extend(newfree.iter().cloned());
            for (name, s) in &sc.scopes {
                if *s == SymScope::Free && !newfree.contains(name) {
                    frees.push(name.clone());
                }
            }
            newfree.extend(frees.iter().cloned());
        } else if sc.kind != ScopeKind::Module {
            for (name, s) in sc.scopes.iter_mut() {
                if *s == SymScope::Local && newfree.remove(name) {
                    *s = SymScope::Cell;
                }
            }
            for name in &newfree {
                sc.scopes.entry(name.clone()).or_insert(SymScope::Free);
            }
            for (name, s) in &sc.scopes {
                match s {
                    SymScope::Cell => cells.push(name.clone()),
                    SymScope::Free => frees.push(name.clone()),
                    _ => {}
                }
            }
            newfree.extend(frees.iter().cloned());
        }
        cells.sort();
        frees.sort();
        sc.cellvars = cells;
        sc.freevars = frees;
        if let Some(p) = sc.parent {
            up[p].extend(newfree);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse_module;

    fn table(src: &str) -> SymTable {
        build(&parse_module(src, "t.py").expect("parses").body).expect("symtable")
    }

    fn err(src: &str) -> String {
        let m = parse_module(src, "t.py").expect("parses");
        match build(&m.body) {
            Err(CompileErr::Syntax { msg, span }) => format!("{msg} @{}:{}", span.line, span.col),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn classifies_names() {
        let t = table(
            "g = 1\ndef f(a, b=1, *args, c, **kw):\n    global q\n    x = a\n    \
             def inner():\n        nonlocal x\n        x = b + g + q\n        \
             def deep():\n            return a\n    return len\n",
        );
        let f = &t.scopes[1];
        assert_eq!(f.params, ["a", "b", "c", "args", "kw"]);
        assert_eq!(f.lookup("x"), SymScope::Cell);
        assert_eq!(f.lookup("a"), SymScope::Cell);
        assert_eq!(f.lookup("b"), SymScope::Cell);
        assert_eq!(f.lookup("q"), SymScope::GlobalExplicit);
        assert_eq!(f.lookup("len"), SymScope::GlobalImplicit);
        assert_eq!(f.cellvars, ["a", "b", "x"]);
        let inner = &t.scopes[2];
        assert_eq!(inner.lookup("x"), SymScope::Free);
        assert_eq!(inner.lookup("g"), SymScope::GlobalImplicit);
        assert_eq!(inner.lookup("q"), SymScope::GlobalImplicit);
        // `a` passes through inner to deep.
        assert_eq!(inner.freevars, ["a", "b", "x"]);
        assert_eq!(t.scopes[3].freevars, ["a"]);
        assert!(t.scopes[0].cellvars.is_empty());
    }

    #[test]
    fn comprehension_scopes_and_walrus() {
        let t = table("def f(n):\n    return [(y := i) + n for i in range(n)]\n");
        let comp = &t.scopes[2];
        assert_eq!(comp.kind, ScopeKind::Comprehension);
        assert_eq!(comp.params, [".0"]);
        assert_eq!(comp.lookup("i"), SymScope::Local);
        assert_eq!(comp.lookup("y"), SymScope::Free);
        assert_eq!(comp.lookup("range"), SymScope::GlobalImplicit);
        assert_eq!(t.scopes[1].cellvars, ["n", "y"]);
        let t = table("[(y := i) for i in a]\n");
        assert_eq!(t.scopes[1].lookup("y"), SymScope::GlobalExplicit);
    }

    #[test]
    fn errors_like_cpython() {
        // Messages and positions from python3 (compile() of each source).
        assert_eq!(
            err("def f(x):\n    global x\n"),
            "name 'x' is parameter and global @2:4"
        );
        assert_eq!(
            err("def f():\n    print(x)\n    global x\n"),
            "name 'x' is used prior to global declaration @3:4"
        );
        assert_eq!(
            err("def f():\n    nonlocal x\n"),
            "no binding for nonlocal 'x' found @2:4"
        );
        assert_eq!(
            err("def f():\n  x=1\n  def g():\n    global x\n    nonlocal x\n"),
            "name 'x' is nonlocal and global @4:4"
        );
        assert_eq!(
            err("x=1\nglobal x\n"),
            "name 'x' is assigned to before global declaration @2:0"
        );
        assert_eq!(
            err("def f():\n    x: int\n    global x\n"),
            "annotated name 'x' can't be global @3:4"
        );
        assert_eq!(
            err("[(y:=1) for y in a]"),
            "assignment expression cannot rebind comprehension iteration variable 'y' @1:2"
        );
        assert_eq!(
            err("def f():\n  [i for i in (z:=a)]\n"),
            "assignment expression cannot be used in a comprehension iterable expression @2:15"
        );
        assert_eq!(
            err("def f():\n    from m import *\n"),
            "import * only allowed at module level @2:18"
        );
        assert_eq!(err("x = (yield)"), "'yield' outside function @1:5");
        assert_eq!(
            err("def f():\n  ((yield) for i in a)"),
            "'yield' inside generator expression @2:4"
        );
        let t = table("def f():\n  (yield)\ndef h(): pass\nx = (i for i in a)\n");
        let gens: Vec<bool> = t.scopes.iter().map(|s| s.generator).collect();
        assert_eq!(gens, [false, true, false, true]);
    }

    #[test]
    fn class_scopes() {
        let t = table(
            "def f():\n    y = 1\n    class A:\n        x = 1\n        print(y)\n        \
             def m(self): return x, y, super()\n",
        );
        let (f, a, m) = (&t.scopes[1], &t.scopes[2], &t.scopes[3]);
        assert_eq!(a.kind, ScopeKind::Class);
        assert!(!a.optimized());
        assert_eq!(a.lookup("x"), SymScope::Local);
        assert_eq!(a.lookup("y"), SymScope::Free);
        assert_eq!(a.lookup("print"), SymScope::GlobalImplicit);
        // Methods do not see class-level names.
        assert_eq!(m.lookup("x"), SymScope::GlobalImplicit);
        assert_eq!(m.lookup("y"), SymScope::Free);
        assert_eq!(m.lookup("__class__"), SymScope::Free);
        assert!(a.needs_class_closure);
        assert_eq!(a.cellvars, ["__class__"]);
        assert_eq!(a.freevars, ["y"]);
        assert_eq!(f.cellvars, ["y"]);
        assert_eq!(m.freevars, ["__class__", "y"]);
        // `global` in a class body is not seen by its methods.
        let t = table(
            "def f():\n    x = 1\n    class A:\n        global x\n        def m(s): return x\n",
        );
        assert_eq!(t.scopes[2].lookup("x"), SymScope::GlobalExplicit);
        assert_eq!(t.scopes[3].lookup("x"), SymScope::Free);
        assert_eq!(t.scopes[2].freevars, ["x"]);
        assert!(!t.scopes[2].needs_class_closure);
    }

    #[test]
    fn mangling_as_py_mangle() {
        assert_eq!(mangle(Some("A"), "__x"), "_A__x");
        assert_eq!(mangle(Some("__A_"), "__x"), "_A___x");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(Some("A"), "__x__"), "__x__");
        assert_eq!(mangle(Some("A"), "__a.b"), "__a.b");
        assert_eq!(mangle(Some("A"), "_x"), "_x");
        assert_eq!(mangle(None, "__x"), "__x");
        let t = table("class A:\n    __a = 1\n    def __m(self, __p):\n        global __g\n");
        assert!(t.scopes[1].symbols.contains_key("_A__a"));
        assert!(t.scopes[1].symbols.contains_key("_A__m"));
        assert_eq!(t.scopes[2].params, ["self", "_A__p"]);
        assert_eq!(t.scopes[2].lookup("_A__g"), SymScope::GlobalExplicit);
        // A nested class mangles with its own name.
        let t = table("class A:\n    class B:\n        __b = 1\n");
        assert!(t.scopes[2].symbols.contains_key("_B__b"));
        assert!(t.scopes[1].symbols.contains_key("B"));
    }

    #[test]
    fn class_errors_like_cpython() {
        // python3: compile("class A:\n  [(y:=1) for i in a]\n") -> line 2, offset 5.
        assert_eq!(
            err("class A:\n  [(y:=1) for i in a]\n"),
            "assignment expression within a comprehension cannot be used in a class body @2:4"
        );
        assert_eq!(
            err("class A:\n    nonlocal x\n"),
            "no binding for nonlocal 'x' found @2:4"
        );
    }
}
