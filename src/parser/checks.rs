//! Errors CPython raises after parsing (symtable and compiler): 'return' outside
//! function, 'break' outside loop, 'continue' not properly in loop, nonlocal at module
//! level, and the ones the actions deferred (duplicate argument, starred target).
//! The walk recurses over statements only, whose depth the indentation limit bounds.

use super::actions::{St, Top};
use super::ast::{Stmt, StmtKind};
use super::error::{SyntaxError, SyntaxErrorKind as K};

#[derive(Clone, Copy)]
struct Ctx {
    module: bool,
    function: bool,
    loop_: bool,
}

fn walk(st: &St, body: &[Stmt], c: Ctx, sym: &mut Vec<SyntaxError>, comp: &mut Vec<SyntaxError>) {
    for s in body {
        let err = |msg: &str| st.idx.error_span(K::SyntaxError, msg.to_string(), s.span);
        match &s.kind {
            StmtKind::Return(_) if !c.function => comp.push(err("'return' outside function")),
            StmtKind::Break if !c.loop_ => comp.push(err("'break' outside loop")),
            StmtKind::Continue if !c.loop_ => comp.push(err("'continue' not properly in loop")),
            StmtKind::Nonlocal(_) if c.module => {
                sym.push(err("nonlocal declaration not allowed at module level"))
            }
            StmtKind::FunctionDef(f) => {
                walk(
                    st,
                    &f.body,
                    Ctx {
                        module: false,
                        function: true,
                        loop_: false,
                    },
                    sym,
                    comp,
                );
            }
            StmtKind::ClassDef(k) => {
                walk(
                    st,
                    &k.body,
                    Ctx {
                        module: false,
                        function: false,
                        loop_: false,
                    },
                    sym,
                    comp,
                );
            }
            StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                walk(st, body, Ctx { loop_: true, ..c }, sym, comp);
                walk(st, orelse, c, sym, comp);
            }
            StmtKind::If { body, orelse, .. } => {
                walk(st, body, c, sym, comp);
                walk(st, orelse, c, sym, comp);
            }
            StmtKind::With { body, .. } => walk(st, body, c, sym, comp),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                walk(st, body, c, sym, comp);
                for h in handlers {
                    walk(st, &h.body, c, sym, comp);
                }
                walk(st, orelse, c, sym, comp);
                walk(st, finalbody, c, sym, comp);
            }
            _ => {}
        }
    }
}

fn first(mut v: Vec<SyntaxError>) -> Option<SyntaxError> {
    v.sort_by_key(|e| (e.lineno, e.offset));
    v.into_iter().next()
}

/// The first post-parse error, symtable errors before compiler errors as in CPython.
pub fn check(st: &St, top: &Top) -> Result<(), SyntaxError> {
    let mut sym = std::mem::take(&mut *st.symtable_errs.borrow_mut());
    let mut comp = std::mem::take(&mut *st.compiler_errs.borrow_mut());
    let (body, module) = match top {
        Top::Module(b) => (&b[..], true),
        Top::Interactive(b) => (&b[..], true),
        Top::Expr(_) => (&[][..], false),
    };
    walk(
        st,
        body,
        Ctx {
            module,
            function: false,
            loop_: false,
        },
        &mut sym,
        &mut comp,
    );
    match first(sym).or_else(|| first(comp)) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
