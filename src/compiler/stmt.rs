//! Code generation for statements: assignments and their targets, control flow,
//! try/except/finally with the exception table, unwinding for break / continue /
//! return, function definitions and imports.

use crate::bytecode::opcode::BinaryOp;
use crate::bytecode::Op;
use crate::parser::ast::*;

use super::consts::CVal;
use super::symtable::{ScopeKind, SymScope};
use super::{CompileErr, Compiler, FBlock, Mode};

type R = Result<(), CompileErr>;

/// BINARY_OP's operand for an AST operator.
pub(crate) fn binop_arg(op: Operator) -> u32 {
    use Operator::*;
    (match op {
        Add => BinaryOp::Add,
        Sub => BinaryOp::Subtract,
        Mult => BinaryOp::Multiply,
        MatMult => BinaryOp::MatrixMultiply,
        Div => BinaryOp::TrueDivide,
        Mod => BinaryOp::Remainder,
        Pow => BinaryOp::Power,
        LShift => BinaryOp::Lshift,
        RShift => BinaryOp::Rshift,
        BitOr => BinaryOp::Or,
        BitXor => BinaryOp::Xor,
        BitAnd => BinaryOp::And,
        FloorDiv => BinaryOp::FloorDivide,
    }) as u32
}

/// The docstring of a body, if its first statement is a string literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        })) => Some(s),
        _ => None,
    }
}

/// Does a module body hold annotations CPython stores (find_ann)?
fn find_ann(body: &[Stmt]) -> bool {
    let mut stack: Vec<&[Stmt]> = vec![body];
    while let Some(b) = stack.pop() {
        for s in b {
            match &s.kind {
                StmtKind::AnnAssign { .. } => return true,
                StmtKind::For { body, orelse, .. }
                | StmtKind::While { body, orelse, .. }
                | StmtKind::If { body, orelse, .. } => {
                    stack.push(body);
                    stack.push(orelse);
                }
                StmtKind::With { body, .. } => stack.push(body),
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    stack.push(body);
                    stack.push(orelse);
                    stack.push(finalbody);
                    for h in handlers {
                        stack.push(&h.body);
                    }
                }
                _ => {}
            }
        }
    }
    false
}

impl<'a> Compiler<'a> {
    pub(crate) fn module_body(&mut self, body: &'a [Stmt]) -> R {
        if find_ann(body) {
            self.emit(Op::SETUP_ANNOTATIONS, 0);
        }
        if let (
            Mode::Eval,
            [Stmt {
                kind: StmtKind::Expr(e),
                ..
            }],
        ) = (self.mode, body)
        {
            self.expr(e)?;
            self.emit(Op::RETURN_VALUE, 0);
            return Ok(());
        }
        let mut rest = body;
        if self.mode == Mode::Exec {
            if let (Some(doc), Some(first)) = (docstring(body), body.first()) {
                self.set_loc(first.span);
                self.load_const(&CVal::Str(doc.to_string()));
                self.store_name("__doc__");
                rest = &body[1..];
            }
        }
        self.stmts(rest)?;
        if let Some(last) = body.last() {
            self.set_loc(last.span);
        }
        self.load_const(&CVal::None);
        self.emit(Op::RETURN_VALUE, 0);
        Ok(())
    }

    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        self.depth.enter()?;
        self.set_loc(s.span);
        let r = self.stmt_inner(s);
        self.depth.leave();
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(fd) => self.function_def(fd, s.span)?,
            StmtKind::ClassDef(cd) => self.class_def(cd, s.span)?,
            StmtKind::With { items, body } => self.with_stmt(s, items, body, 0)?,
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), s)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.set_loc(s.span);
                        self.emit(Op::COPY, 1);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(s, target, annotation, value.as_ref(), *simple)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(s, target, iter, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.label();
                let next = if orelse.is_empty() { end } else { self.label() };
                self.jump_if(test, next, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.set_loc(s.span);
                    self.jump(Op::JUMP, end);
                    self.bind(next);
                    self.stmts(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(s.span);
                self.emit(Op::RAISE_VARARGS, n);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(s, body, handlers, orelse)?;
                } else {
                    self.try_finally(s, body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.check_assert(s, test);
                let end = self.label();
                self.jump_if(test, end, true)?;
                // CPython 3.11 reports a failed assert at its test expression.
                self.set_loc(test.span);
                match msg {
                    Some(m) => {
                        self.emit(Op::PUSH_NULL, 0);
                        self.emit(Op::LOAD_ASSERTION_ERROR, 0);
                        self.expr(m)?;
                        self.set_loc(test.span);
                        self.emit(Op::CALL, 1);
                    }
                    None => self.emit(Op::LOAD_ASSERTION_ERROR, 0),
                }
                self.emit(Op::RAISE_VARARGS, 1);
                self.bind(end);
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.set_loc(s.span);
                    self.load_const(&CVal::Int(0.into()));
                    self.load_const(&CVal::None);
                    let i = self.name_idx(&a.name);
                    self.emit(Op::IMPORT_NAME, i);
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b.c as d` binds the submodule: walk the attributes.
                            for part in a.name.split('.').skip(1) {
                                let i = self.name_idx(part);
                                self.emit(Op::IMPORT_FROM, i);
                                self.emit(Op::SWAP, 2);
                                self.emit(Op::POP_TOP, 0);
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap_or(&a.name);
                            self.store_name(first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.load_const(&CVal::Int((*level as i64).into()));
                let fromlist = names.iter().map(|a| CVal::Ident(a.name.clone())).collect();
                self.load_const(&CVal::Tuple(fromlist));
                let i = self.name_idx(module.as_deref().unwrap_or(""));
                self.emit(Op::IMPORT_NAME, i);
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Op::IMPORT_STAR, 0);
                } else {
                    for a in names {
                        let i = self.name_idx(&a.name);
                        self.emit(Op::IMPORT_FROM, i);
                        self.store_name(a.asname.as_deref().unwrap_or(&a.name));
                    }
                    self.emit(Op::POP_TOP, 0);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => {}
            StmtKind::Expr(e) => {
                if self.mode == Mode::Single && self.units.len() == 1 {
                    self.expr(e)?;
                    self.set_loc(s.span);
                    self.emit(Op::PRINT_EXPR, 0);
                } else if !matches!(e.kind, ExprKind::Constant(_)) {
                    self.expr(e)?;
                    self.set_loc(s.span);
                    self.emit(Op::POP_TOP, 0);
                }
            }
            StmtKind::Break => self.break_continue(s, true)?,
            StmtKind::Continue => self.break_continue(s, false)?,
        }
        Ok(())
    }

    // ----- names and targets -----

    /// Emit the load / store / delete of a name per its scope.
    pub(crate) fn name_op(&mut self, name: &str, ctx: ExprContext) {
        let mangled = self.mangle(name).into_owned();
        let name = mangled.as_str();
        let sc = self.scope();
        let kind = sc.lookup(name);
        let optimized = sc.optimized();
        let class = sc.kind == ScopeKind::Class;
        let (fast, deref, global, plain) = match ctx {
            ExprContext::Load => (
                Op::LOAD_FAST,
                Op::LOAD_DEREF,
                Op::LOAD_GLOBAL,
                Op::LOAD_NAME,
            ),
            ExprContext::Store => (
                Op::STORE_FAST,
                Op::STORE_DEREF,
                Op::STORE_GLOBAL,
                Op::STORE_NAME,
            ),
            ExprContext::Del => (
                Op::DELETE_FAST,
                Op::DELETE_DEREF,
                Op::DELETE_GLOBAL,
                Op::DELETE_NAME,
            ),
        };
        match kind {
            // A class body looks in its namespace before the cell.
            SymScope::Free if class && ctx == ExprContext::Load => {
                let i = self.free_idx(name);
                self.emit(Op::LOAD_CLASSDEREF, i);
            }
            SymScope::Free => {
                let i = self.free_idx(name);
                self.emit(deref, i);
            }
            SymScope::Cell => {
                let i = self.deref_idx(name);
                self.emit(deref, i);
            }
            SymScope::Local if optimized => {
                let i = self.varname_idx(name);
                self.emit(fast, i);
            }
            SymScope::GlobalExplicit => {
                let i = self.name_idx(name);
                self.emit(global, i);
            }
            SymScope::GlobalImplicit if optimized => {
                let i = self.name_idx(name);
                self.emit(global, i);
            }
            _ => {
                let i = self.name_idx(name);
                self.emit(plain, i);
            }
        }
    }

    /// The cell index of a cell or free variable of the current unit.
    pub(crate) fn deref_idx(&self, name: &str) -> u32 {
        let sc = self.scope();
        if let Some(i) = sc.cellvars.iter().position(|c| c == name) {
            return i as u32;
        }
        let f = sc.freevars.iter().position(|c| c == name);
        (sc.cellvars.len() + f.expect("a free variable")) as u32
    }

    /// The cell index of free variable `name`: a class body whose methods need
    /// `__class__` can also read an outer `__class__` (both lists hold the name).
    fn free_idx(&self, name: &str) -> u32 {
        let sc = self.scope();
        let f = sc.freevars.iter().position(|c| c == name);
        (sc.cellvars.len() + f.expect("a free variable")) as u32
    }

    pub(crate) fn store_name(&mut self, name: &str) {
        self.name_op(name, ExprContext::Store);
    }

    /// Store the value on top of the stack into an assignment target.
    pub(crate) fn store_target(&mut self, t: &'a Expr) -> R {
        self.depth.enter()?;
        let r = self.store_target_inner(t);
        self.depth.leave();
        r
    }

    fn store_target_inner(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name { id, .. } => {
                self.set_loc(t.span);
                self.store_name(id);
            }
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                self.set_loc(t.span);
                let i = self.name_idx(attr);
                self.emit(Op::STORE_ATTR, i);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_loc(t.span);
                self.emit(Op::STORE_SUBSCR, 0);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                self.set_loc(t.span);
                self.unpack(elts, t.span)?;
                for e in elts {
                    let e = match &e.kind {
                        ExprKind::Starred { value, .. } => value,
                        _ => e,
                    };
                    self.store_target(e)?;
                }
            }
            ExprKind::Starred { .. } => {
                let msg = "starred assignment target must be in a list or tuple";
                return Err(CompileErr::syntax(msg.into(), t.span));
            }
            _ => {
                return Err(CompileErr::syntax(
                    "cannot assign to expression".into(),
                    t.span,
                ))
            }
        }
        Ok(())
    }

    /// UNPACK_SEQUENCE or UNPACK_EX for a target list.
    fn unpack(&mut self, elts: &[Expr], span: Span) -> R {
        let star = elts
            .iter()
            .position(|e| matches!(e.kind, ExprKind::Starred { .. }));
        match star {
            None => self.emit(Op::UNPACK_SEQUENCE, elts.len() as u32),
            Some(i) => {
                if elts[i + 1..]
                    .iter()
                    .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
                {
                    let msg = "multiple starred expressions in assignment";
                    return Err(CompileErr::syntax(msg.into(), span));
                }
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    let msg = "too many expressions in star-unpacking assignment";
                    return Err(CompileErr::syntax(msg.into(), span));
                }
                self.emit(Op::UNPACK_EX, (i | (after << 8)) as u32);
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R {
        self.depth.enter()?;
        let r = match &t.kind {
            ExprKind::Name { id, .. } => {
                self.set_loc(t.span);
                self.name_op(id, ExprContext::Del);
                Ok(())
            }
            ExprKind::Attribute { value, attr, .. } => self.expr(value).map(|()| {
                self.set_loc(t.span);
                let i = self.name_idx(attr);
                self.emit(Op::DELETE_ATTR, i);
            }),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value).and_then(|()| self.expr(slice)).map(|()| {
                    self.set_loc(t.span);
                    self.emit(Op::DELETE_SUBSCR, 0);
                })
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            _ => Err(CompileErr::syntax(
                "cannot delete expression".into(),
                t.span,
            )),
        };
        self.depth.leave();
        r
    }

    fn aug_assign(&mut self, s: &'a Stmt, target: &'a Expr, op: Operator, value: &'a Expr) -> R {
        let arg = binop_arg(op) + BinaryOp::INPLACE;
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.set_loc(target.span);
                self.name_op(id, ExprContext::Load);
                self.expr(value)?;
                self.set_loc(s.span);
                self.emit(Op::BINARY_OP, arg);
                self.set_loc(target.span);
                self.store_name(id);
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.set_loc(target.span);
                self.emit(Op::COPY, 1);
                let i = self.name_idx(attr);
                self.emit(Op::LOAD_ATTR, i);
                self.expr(value)?;
                self.set_loc(s.span);
                self.emit(Op::BINARY_OP, arg);
                self.set_loc(target.span);
                self.emit(Op::SWAP, 2);
                self.emit(Op::STORE_ATTR, i);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.set_loc(target.span);
                self.emit(Op::COPY, 2);
                self.emit(Op::COPY, 2);
                self.emit(Op::BINARY_SUBSCR, 0);
                self.expr(value)?;
                self.set_loc(s.span);
                self.emit(Op::BINARY_OP, arg);
                self.set_loc(target.span);
                self.emit(Op::SWAP, 3);
                self.emit(Op::SWAP, 2);
                self.emit(Op::STORE_SUBSCR, 0);
            }
            _ => {
                let msg = "'expression' is an illegal expression for augmented assignment";
                return Err(CompileErr::syntax(msg.into(), target.span));
            }
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> R {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        // Module and class bodies store and evaluate annotations; functions do not.
        let module = matches!(self.scope().kind, ScopeKind::Module | ScopeKind::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                // Only module-level simple names are evaluated and stored.
                if simple && module {
                    self.expr(annotation)?;
                    self.set_loc(s.span);
                    let i = self.name_idx("__annotations__");
                    self.emit(Op::LOAD_NAME, i);
                    let key = self.mangle(id).into_owned();
                    self.load_const(&CVal::Ident(key));
                    self.emit(Op::STORE_SUBSCR, 0);
                } else if module {
                    // `(x): T` is evaluated, not stored.
                    self.expr(annotation)?;
                    self.emit(Op::POP_TOP, 0);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.set_loc(s.span);
                    self.emit(Op::POP_TOP, 0);
                }
                if module {
                    self.expr(annotation)?;
                    self.emit(Op::POP_TOP, 0);
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.emit(Op::POP_TOP, 0);
                    self.expr(slice)?;
                    self.emit(Op::POP_TOP, 0);
                }
                if module {
                    self.expr(annotation)?;
                    self.emit(Op::POP_TOP, 0);
                }
            }
            _ => {
                let msg = "invalid annotation target";
                return Err(CompileErr::syntax(msg.into(), target.span));
            }
        }
        Ok(())
    }

    // ----- loops -----

    fn for_stmt(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> R {
        let start = self.label();
        let cleanup = self.label();
        let end = self.label();
        self.iter_expr(iter)?;
        self.set_loc(s.span);
        self.emit(Op::GET_ITER, 0);
        self.bind(start);
        self.set_loc(s.span);
        self.jump(Op::FOR_ITER, cleanup);
        self.u().fblocks.push(FBlock::For { start, exit: end });
        self.store_target(target)?;
        let r = self.stmts(body);
        self.u().fblocks.pop();
        r?;
        self.set_loc(s.span);
        self.jump(Op::JUMP, start);
        self.bind(cleanup);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> R {
        let start = self.label();
        let anchor = self.label();
        let end = self.label();
        self.bind(start);
        self.jump_if(test, anchor, false)?;
        self.u().fblocks.push(FBlock::While { start, exit: end });
        let r = self.stmts(body);
        self.u().fblocks.pop();
        r?;
        self.set_loc(s.span);
        self.jump(Op::JUMP, start);
        self.bind(anchor);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn break_continue(&mut self, s: &'a Stmt, is_break: bool) -> R {
        let fb = &self.units.last().expect("unit").fblocks;
        let Some(li) = fb
            .iter()
            .rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }))
        else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(CompileErr::syntax(msg.into(), s.span));
        };
        let lp = fb[li];
        let handlers = self.unwind_to(li + 1, false, s)?;
        self.set_loc(s.span);
        match (lp, is_break) {
            (FBlock::For { exit, .. }, true) => {
                self.emit(Op::POP_TOP, 0);
                self.jump(Op::JUMP, exit);
            }
            (FBlock::While { exit, .. }, true) => self.jump(Op::JUMP, exit),
            (FBlock::For { start, .. } | FBlock::While { start, .. }, false) => {
                self.jump(Op::JUMP, start)
            }
            _ => unreachable!("a loop block"),
        }
        self.b().active = handlers;
        Ok(())
    }

    fn return_stmt(&mut self, v: Option<&'a Expr>, s: &'a Stmt) -> R {
        let constant = v.and_then(|e| match &e.kind {
            ExprKind::Constant(c) => CVal::from_constant(c),
            _ => None,
        });
        let preserve = v.is_some() && constant.is_none();
        if let (Some(e), true) = (v, preserve) {
            self.expr(e)?;
        }
        let handlers = self.unwind_to(0, preserve, s)?;
        self.set_loc(s.span);
        if !preserve {
            self.load_const(&constant.unwrap_or(CVal::None));
        }
        self.emit(Op::RETURN_VALUE, 0);
        self.b().active = handlers;
        Ok(())
    }

    /// Run the exits of every fblock above index `keep`, innermost first, as CPython's
    /// compiler_unwind_fblock_stack (the value on top is kept when `preserve`).
    /// The fblock stack is restored afterwards; the handlers in force before are
    /// returned, for the caller to restore after its jump or return.
    fn unwind_to(
        &mut self,
        keep: usize,
        preserve: bool,
        s: &'a Stmt,
    ) -> Result<Vec<super::builder::HandlerId>, CompileErr> {
        let saved_blocks = self.u().fblocks.clone();
        let saved_handlers = self.b().active.clone();
        let mut r = Ok(());
        for i in (keep..saved_blocks.len()).rev() {
            self.u().fblocks.truncate(i);
            self.set_loc(s.span);
            r = self.unwind_block(saved_blocks[i], preserve);
            if r.is_err() {
                break;
            }
        }
        self.u().fblocks = saved_blocks;
        r.map(|()| saved_handlers)
    }

    fn unwind_block(&mut self, fb: FBlock<'a>, preserve: bool) -> R {
        match fb {
            FBlock::While { .. } | FBlock::ExceptionHandler => {}
            FBlock::For { .. } => {
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
            }
            FBlock::PopValue => {
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
            }
            FBlock::TryExcept { handler } => self.b().pop_handler(handler),
            FBlock::With { handler, span } => {
                self.b().pop_handler(handler);
                self.set_loc(span);
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.call_exit_with_nones();
                self.emit(Op::POP_TOP, 0);
            }
            FBlock::FinallyTry { handler, body } => {
                self.b().pop_handler(handler);
                if preserve {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                let r = self.stmts(body);
                if preserve {
                    self.u().fblocks.pop();
                }
                r?;
            }
            FBlock::FinallyEnd { cleanup } => {
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.b().pop_handler(cleanup);
                self.emit(Op::POP_EXCEPT, 0);
            }
            FBlock::HandlerCleanup { cleanup, name } => {
                if let Some((_, h)) = name {
                    self.b().pop_handler(h);
                }
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.b().pop_handler(cleanup);
                self.emit(Op::POP_EXCEPT, 0);
                if let Some((n, _)) = name {
                    self.clear_name(n);
                }
            }
        }
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name` body.
    fn clear_name(&mut self, name: &str) {
        self.load_const(&CVal::None);
        self.store_name(name);
        self.name_op(name, ExprContext::Del);
    }

    // ----- exceptions -----

    /// try/except[/else]: see the module docs of `bytecode::code` for the table.
    fn try_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let d = self.base_depth();
        let h_label = self.label();
        let end = self.label();
        let h = self.b().new_handler(h_label, d);
        self.b().push_handler(h);
        self.u().fblocks.push(FBlock::TryExcept { handler: h });
        let r = self.stmts(body);
        self.u().fblocks.pop();
        self.b().pop_handler(h);
        r?;
        self.stmts(orelse)?;
        self.set_loc(s.span);
        self.jump(Op::JUMP, end);
        self.bind(h_label);
        self.handlers(s, handlers, d, end)?;
        self.bind(end);
        Ok(())
    }

    /// The except clauses at handler entry (exc pushed on depth `d`).
    fn handlers(
        &mut self,
        s: &'a Stmt,
        handlers: &'a [ExceptHandler],
        d: u32,
        end: super::Label,
    ) -> R {
        let c_label = self.label();
        let c = self.b().new_cleanup_handler(c_label, d + 1, 2);
        self.b().push_handler(c);
        self.set_loc(s.span);
        self.emit(Op::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(FBlock::ExceptionHandler);
        for (i, hd) in handlers.iter().enumerate() {
            self.set_loc(hd.span);
            let next = self.label();
            match &hd.type_ {
                Some(t) => {
                    self.expr(t)?;
                    self.set_loc(hd.span);
                    self.emit(Op::CHECK_EXC_MATCH, 0);
                    self.jump(Op::POP_JUMP_IF_FALSE, next);
                }
                None if i + 1 < handlers.len() => {
                    let msg = "default 'except:' must be last";
                    return Err(CompileErr::syntax(msg.into(), hd.span));
                }
                None => {}
            }
            match &hd.name {
                Some(name) => {
                    self.store_name(name);
                    let n_label = self.label();
                    let n = self.b().new_cleanup_handler(n_label, d + 1, 1);
                    self.b().push_handler(n);
                    self.u().fblocks.push(FBlock::HandlerCleanup {
                        cleanup: c,
                        name: Some((name, n)),
                    });
                    let r = self.stmts(&hd.body);
                    self.u().fblocks.pop();
                    r?;
                    self.b().pop_handler(n);
                    self.b().pop_handler(c);
                    self.set_loc(hd.span);
                    self.emit(Op::POP_EXCEPT, 0);
                    self.clear_name(name);
                    self.jump(Op::JUMP, end);
                    self.b().push_handler(c);
                    // An exception out of the body: clear the name, re-raise (under C).
                    self.bind(n_label);
                    self.clear_name(name);
                    self.emit(Op::RERAISE, 0);
                }
                None => {
                    self.emit(Op::POP_TOP, 0);
                    self.u().fblocks.push(FBlock::HandlerCleanup {
                        cleanup: c,
                        name: None,
                    });
                    let r = self.stmts(&hd.body);
                    self.u().fblocks.pop();
                    r?;
                    self.b().pop_handler(c);
                    self.set_loc(hd.span);
                    self.emit(Op::POP_EXCEPT, 0);
                    self.jump(Op::JUMP, end);
                    self.b().push_handler(c);
                }
            }
            self.bind(next);
        }
        self.u().fblocks.pop();
        self.set_loc(s.span);
        self.emit(Op::RERAISE, 0);
        self.b().pop_handler(c);
        self.cleanup_handler(c_label);
        Ok(())
    }

    /// C: (prev exc) -- restore prev as the handled exception, re-raise exc.
    fn cleanup_handler(&mut self, at: super::Label) {
        self.bind(at);
        self.emit(Op::SWAP, 2);
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::RERAISE, 0);
    }

    fn try_finally(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> R {
        let d = self.base_depth();
        let f_label = self.label();
        let end = self.label();
        let f = self.b().new_handler(f_label, d);
        self.b().push_handler(f);
        self.u().fblocks.push(FBlock::FinallyTry {
            handler: f,
            body: finalbody,
        });
        let r = if handlers.is_empty() {
            self.stmts(body)
        } else {
            self.try_except(s, body, handlers, orelse)
        };
        self.u().fblocks.pop();
        self.b().pop_handler(f);
        r?;
        // Normal exit: the finally body inline.
        self.stmts(finalbody)?;
        self.set_loc(s.span);
        self.jump(Op::JUMP, end);
        // Exceptional exit: (exc) on depth d.
        self.bind(f_label);
        let c_label = self.label();
        let c = self.b().new_cleanup_handler(c_label, d + 1, 2);
        self.b().push_handler(c);
        self.emit(Op::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(FBlock::FinallyEnd { cleanup: c });
        let r = self.stmts(finalbody);
        self.u().fblocks.pop();
        r?;
        self.set_loc(s.span);
        self.emit(Op::RERAISE, 0);
        self.b().pop_handler(c);
        self.cleanup_handler(c_label);
        self.bind(end);
        Ok(())
    }

    // ----- with -----

    /// `with` item `pos` and the rest, as CPython 3.11's compiler_with: BEFORE_WITH
    /// leaves the bound `__exit__` below the body; handler H (depth: the exit kept)
    /// covers the target store and the body; the exceptional path is
    /// `PUSH_EXC_INFO; WITH_EXCEPT_START; POP_JUMP_IF_TRUE; RERAISE` under cleanup C.
    /// No lasti is pushed (glasspy's tables have none), so RERAISE's operand is 0.
    fn with_stmt(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> R {
        // One item per level: bounded by the compiler's depth limit.
        self.depth.enter()?;
        let r = self.with_item(s, items, body, pos);
        self.depth.leave();
        r
    }

    fn with_item(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> R {
        let item = &items[pos];
        let d = self.base_depth();
        self.expr(&item.context_expr)?;
        self.set_loc(s.span);
        self.emit(Op::BEFORE_WITH, 0);
        let final_label = self.label();
        let exit = self.label();
        let h = self.b().new_handler(final_label, d + 1);
        self.b().push_handler(h);
        self.u().fblocks.push(FBlock::With {
            handler: h,
            span: s.span,
        });
        let r = match &item.optional_vars {
            Some(v) => self.store_target(v),
            None => {
                self.emit(Op::POP_TOP, 0);
                Ok(())
            }
        };
        let r = r.and_then(|()| {
            if pos + 1 == items.len() {
                self.stmts(body)
            } else {
                self.with_stmt(s, items, body, pos + 1)
            }
        });
        self.u().fblocks.pop();
        self.b().pop_handler(h);
        r?;
        // Normal exit: __exit__(None, None, None).
        self.set_loc(s.span);
        self.call_exit_with_nones();
        self.emit(Op::POP_TOP, 0);
        self.jump(Op::JUMP, exit);
        // Exceptional exit: (exit, exc) on the stack.
        self.bind(final_label);
        let c_label = self.label();
        let c = self.b().new_handler(c_label, d + 2);
        self.b().push_handler(c);
        self.emit(Op::PUSH_EXC_INFO, 0);
        self.emit(Op::WITH_EXCEPT_START, 0);
        let suppress = self.label();
        self.jump(Op::POP_JUMP_IF_TRUE, suppress);
        self.emit(Op::RERAISE, 0);
        self.b().pop_handler(c);
        self.cleanup_handler(c_label);
        // __exit__ returned true: drop exc, restore prev, drop exit.
        self.bind(suppress);
        self.b().push_handler(c);
        self.emit(Op::POP_TOP, 0);
        self.b().pop_handler(c);
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::POP_TOP, 0);
        self.bind(exit);
        Ok(())
    }

    /// Call the bound `__exit__` under the top three Nones: it sits where CALL
    /// expects a method, so `CALL 2` runs exit(None, None, None).
    fn call_exit_with_nones(&mut self) {
        self.load_const(&CVal::None);
        self.load_const(&CVal::None);
        self.load_const(&CVal::None);
        self.emit(Op::CALL, 2);
    }

    // ----- functions -----

    fn function_def(&mut self, fd: &'a FunctionDef, span: Span) -> R {
        for d in &fd.decorator_list {
            self.set_loc(d.span);
            self.emit(Op::PUSH_NULL, 0);
            self.expr(d)?;
        }
        self.set_loc(span);
        let first_line = fd.decorator_list.first().map_or(span.line, |d| d.span.line);
        let mut flags = self.arg_defaults(&fd.args)?;
        if self.annotations(&fd.args, fd.returns.as_ref())? {
            flags |= 4;
        }
        let key = super::symtable::node_key(fd);
        let scope = self.table.by_node[&key];
        let qualname = self.qualname(&fd.name, true);
        self.enter_unit(scope, fd.name.clone(), qualname, first_line);
        self.set_arg_counts(&fd.args);
        let doc = docstring(&fd.body);
        self.const_idx(&doc.map_or(CVal::None, |d| CVal::Str(d.into())));
        let body = if doc.is_some() {
            &fd.body[1..]
        } else {
            &fd.body[..]
        };
        let r = self.stmts(body);
        if r.is_err() {
            self.units.pop();
            return r;
        }
        if !matches!(body.last().map(|s| &s.kind), Some(StmtKind::Return(_))) {
            if let Some(last) = body.last() {
                self.set_loc(last.span);
            }
            self.load_const(&CVal::None);
            self.emit(Op::RETURN_VALUE, 0);
        }
        let code = self.leave_unit(None);
        self.set_loc(span);
        self.make_function(code, scope, flags);
        for d in fd.decorator_list.iter().rev() {
            self.set_loc(d.span);
            self.emit(Op::CALL, 1);
        }
        self.set_loc(span);
        self.store_name(&fd.name);
        Ok(())
    }

    // ----- classes -----

    /// A class statement, as CPython 3.11: `__build_class__(body_function, 'Name',
    /// *bases, **keywords)`, decorated, stored under the class name.
    fn class_def(&mut self, cd: &'a ClassDef, span: Span) -> R {
        for d in &cd.decorator_list {
            self.set_loc(d.span);
            self.emit(Op::PUSH_NULL, 0);
            self.expr(d)?;
        }
        self.check_keywords(&cd.keywords)?;
        let first_line = cd.decorator_list.first().map_or(span.line, |d| d.span.line);
        let scope = self.table.by_node[&super::symtable::node_key(cd)];
        let qualname = self.qualname(&cd.name, true);
        self.enter_unit(scope, cd.name.clone(), qualname.clone(), first_line);
        let r = self.class_body(cd, &qualname, first_line);
        if r.is_err() {
            self.units.pop();
            return r;
        }
        let code = self.leave_unit(None);
        self.set_loc(span);
        self.emit(Op::PUSH_NULL, 0);
        self.emit(Op::LOAD_BUILD_CLASS, 0);
        self.make_function(code, scope, 0);
        self.load_const(&CVal::Str(cd.name.clone()));
        self.call_args(span, 2, &cd.bases, &cd.keywords)?;
        for d in cd.decorator_list.iter().rev() {
            self.set_loc(d.span);
            self.emit(Op::CALL, 1);
        }
        self.set_loc(span);
        self.store_name(&cd.name);
        Ok(())
    }

    /// The class body code: `__module__`, `__qualname__`, annotations, `__doc__`, the
    /// statements, then the `__class__` cell (as `__classcell__`) or None returned.
    fn class_body(&mut self, cd: &'a ClassDef, qualname: &str, first_line: u32) -> R {
        self.b().loc = crate::bytecode::Location {
            line: first_line,
            end_line: first_line,
            col: 0,
            end_col: 0,
        };
        let i = self.name_idx("__name__");
        self.emit(Op::LOAD_NAME, i);
        let i = self.name_idx("__module__");
        self.emit(Op::STORE_NAME, i);
        self.load_const(&CVal::Str(qualname.to_string()));
        let i = self.name_idx("__qualname__");
        self.emit(Op::STORE_NAME, i);
        if find_ann(&cd.body) {
            self.emit(Op::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = &cd.body[..];
        if let (Some(doc), Some(first)) = (docstring(&cd.body), cd.body.first()) {
            self.set_loc(first.span);
            self.load_const(&CVal::Str(doc.to_string()));
            let i = self.name_idx("__doc__");
            self.emit(Op::STORE_NAME, i);
            rest = &cd.body[1..];
        }
        self.stmts(rest)?;
        // The return carries no line of its own: it belongs to the last statement.
        if let Some(last) = cd.body.last() {
            self.set_loc(last.span);
        }
        if self.scope().needs_class_closure {
            let i = self.deref_idx("__class__");
            self.emit(Op::LOAD_CLOSURE, i);
            self.emit(Op::COPY, 1);
            let i = self.name_idx("__classcell__");
            self.emit(Op::STORE_NAME, i);
        } else {
            self.load_const(&CVal::None);
        }
        self.emit(Op::RETURN_VALUE, 0);
        Ok(())
    }

    /// co_qualname of a definition named `name` made in the current unit
    /// (CPython's compiler_set_qualname); `def_or_class` for a def or class statement,
    /// whose `global` name is not qualified.
    pub(crate) fn qualname(&self, name: &str, def_or_class: bool) -> String {
        let u = self.units.last().expect("unit");
        let sc = &self.table.scopes[u.scope];
        let mangled = self.mangle(name);
        if sc.kind == ScopeKind::Module
            || (def_or_class && sc.lookup(&mangled) == SymScope::GlobalExplicit)
        {
            name.to_string()
        } else if matches!(sc.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{}", u.qualname, name)
        } else {
            format!("{}.{}", u.qualname, name)
        }
    }

    pub(crate) fn set_arg_counts(&mut self, a: &Arguments) {
        let u = self.u();
        u.argcount = (a.posonlyargs.len() + a.args.len()) as u32;
        u.posonlyargcount = a.posonlyargs.len() as u32;
        u.kwonlyargcount = a.kwonlyargs.len() as u32;
        if a.vararg.is_some() {
            u.flags |= crate::bytecode::code::flags::VARARGS;
        }
        if a.kwarg.is_some() {
            u.flags |= crate::bytecode::code::flags::VARKEYWORDS;
        }
    }

    /// Push the defaults tuple and keyword-defaults dict; MAKE_FUNCTION flags 1 | 2.
    pub(crate) fn arg_defaults(&mut self, a: &'a Arguments) -> Result<u32, CompileErr> {
        let mut flags = 0;
        if !a.defaults.is_empty() {
            self.tuple_of(&a.defaults)?;
            flags |= 1;
        }
        let kw: Vec<(&Arg, &Expr)> = a
            .kwonlyargs
            .iter()
            .zip(&a.kw_defaults)
            .filter_map(|(arg, d)| d.as_ref().map(|d| (arg, d)))
            .collect();
        if !kw.is_empty() {
            for (arg, d) in &kw {
                self.load_const(&CVal::Ident(arg.arg.clone()));
                self.expr(d)?;
            }
            self.emit(Op::BUILD_MAP, kw.len() as u32);
            flags |= 2;
        }
        Ok(flags)
    }

    /// Push the annotations dict if there are any annotations.
    fn annotations(
        &mut self,
        a: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> Result<bool, CompileErr> {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.vararg)
            .chain(&a.kwonlyargs)
            .chain(&a.kwarg);
        let mut n = 0;
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.load_const(&CVal::Ident(arg.arg.clone()));
                self.expr(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(&CVal::Str("return".into()));
            self.expr(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Op::BUILD_MAP, n);
        }
        Ok(n > 0)
    }

    /// Push the closure (if the code has free variables), the code, MAKE_FUNCTION.
    pub(crate) fn make_function(&mut self, code: crate::heap::PyObj, scope: usize, mut flags: u32) {
        let frees = self.table.scopes[scope].freevars.clone();
        if !frees.is_empty() {
            for f in &frees {
                let i = self.deref_idx(f);
                self.emit(Op::LOAD_CLOSURE, i);
            }
            self.emit(Op::BUILD_TUPLE, frees.len() as u32);
            flags |= 8;
        }
        let i = self.code_const(code);
        self.emit(Op::LOAD_CONST, i);
        self.emit(Op::MAKE_FUNCTION, flags);
    }
}
