//! Helpers the grammar's one-line actions call: node construction with spans, target
//! checks ("cannot assign to ..."), parameter and argument list validation, string and
//! f-string decoding.

use std::cell::RefCell;

use lalrpop_util::ParseError;
use num_bigint::BigInt;

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind as K};
use super::lexer::Tok;
use super::LineIndex;

/// What one parse produced, by entry marker.
pub enum Top {
    Module(Vec<Stmt>),
    Interactive(Vec<Stmt>),
    Expr(Expr),
}

/// One entry of a parameter list, before it is sorted into `Arguments`.
pub enum Param {
    Plain(Arg, Option<Expr>),
    Slash(usize, usize),
    Star(Option<Arg>, usize, usize),
    DStar(Arg, usize, usize),
}

/// One entry of a call's argument list.
pub enum ArgItem {
    Pos(Expr),
    Gen(Expr),
    Star(Expr),
    Kw(Keyword),
}

pub type PResult<'a, T> = Result<T, ParseError<usize, Tok<'a>, SyntaxError>>;

/// Parser state shared by the actions: the source and errors found later than CPython's
/// parser would find them (symtable / compiler errors), reported after a clean parse.
pub struct St<'a> {
    pub idx: LineIndex<'a>,
    pub symtable_errs: RefCell<Vec<SyntaxError>>,
    pub compiler_errs: RefCell<Vec<SyntaxError>>,
}

impl<'a> St<'a> {
    pub fn new(src: &'a str) -> St<'a> {
        St {
            idx: LineIndex::new(src),
            symtable_errs: RefCell::default(),
            compiler_errs: RefCell::default(),
        }
    }
    pub fn span(&self, l: usize, r: usize) -> Span {
        self.idx.span(l, r)
    }
    fn err_span(&self, msg: impl Into<String>, s: Span) -> SyntaxError {
        self.idx.error_span(K::SyntaxError, msg.into(), s)
    }
}

fn user<'a>(error: SyntaxError) -> ParseError<usize, Tok<'a>, SyntaxError> {
    ParseError::User { error }
}

fn join(a: Span, b: Span) -> Span {
    Span {
        line: a.line,
        col: a.col,
        end_line: b.end_line,
        end_col: b.end_col,
    }
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

// ---- lists ----

pub fn push_opt<T>(mut v: Vec<T>, e: Option<T>) -> Vec<T> {
    v.extend(e);
    v
}

pub fn push<T>(mut v: Vec<T>, e: T) -> Vec<T> {
    v.push(e);
    v
}

pub fn push_front<T>(e: T, mut v: Vec<T>) -> Vec<T> {
    v.insert(0, e);
    v
}

pub fn flatten(v: Vec<Vec<Stmt>>) -> Vec<Stmt> {
    v.into_iter().flatten().collect()
}

pub fn names(v: Vec<&str>, e: &str) -> Vec<String> {
    v.into_iter()
        .chain(std::iter::once(e))
        .map(str::to_string)
        .collect()
}

pub fn dotted(n: &str, v: Vec<&str>) -> String {
    let mut s = n.to_string();
    for p in v {
        s.push('.');
        s.push_str(p);
    }
    s
}

// ---- statements ----

fn stmt(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

fn body_end(start: Span, bodies: &[&[Stmt]]) -> Span {
    let last = bodies
        .iter()
        .rev()
        .find_map(|b| b.last())
        .map_or(start, |s| s.span);
    join(start, last)
}

pub fn expr_stmt(st: &St, e: Expr, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Expr(e), st.span(l, r))
}

pub fn pass(st: &St, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Pass, st.span(l, r))
}

pub fn brk(st: &St, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Break, st.span(l, r))
}

pub fn cont(st: &St, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Continue, st.span(l, r))
}

pub fn ret(st: &St, v: Option<Expr>, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Return(v), st.span(l, r))
}

pub fn raise(st: &St, exc: Option<Expr>, cause: Option<Expr>, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Raise { exc, cause }, st.span(l, r))
}

pub fn global(st: &St, n: Vec<String>, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Global(n), st.span(l, r))
}

pub fn nonlocal(st: &St, n: Vec<String>, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Nonlocal(n), st.span(l, r))
}

pub fn assert(st: &St, test: Expr, msg: Option<Expr>, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Assert { test, msg }, st.span(l, r))
}

pub fn alias(st: &St, name: String, asname: Option<&str>, l: usize, r: usize) -> Alias {
    Alias {
        name,
        asname: asname.map(str::to_string),
        span: st.span(l, r),
    }
}

pub fn import(st: &St, n: Vec<Alias>, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Import(n), st.span(l, r))
}

pub fn import_from(
    st: &St,
    d: Vec<u32>,
    m: Option<String>,
    names: Vec<Alias>,
    l: usize,
    r: usize,
) -> Stmt {
    let level = d.iter().sum();
    stmt(
        StmtKind::ImportFrom {
            module: m,
            names,
            level,
        },
        st.span(l, r),
    )
}

pub fn del<'a>(st: &St, mut t: Vec<Expr>, l: usize, r: usize) -> PResult<'a, Stmt> {
    for e in &mut t {
        set_ctx(st, e, ExprContext::Del).map_err(user)?;
    }
    Ok(stmt(StmtKind::Delete(t), st.span(l, r)))
}

pub fn assign<'a>(st: &St, t: Expr, mut v: Vec<Expr>, l: usize, r: usize) -> PResult<'a, Stmt> {
    let value = v.pop().expect("at least one value");
    let mut targets = push_front(t, v);
    let n = targets.len();
    for (i, e) in targets.iter_mut().enumerate() {
        if i + 1 == n && hint_applies(e, &value) {
            let what = expr_name(e);
            let msg = format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?");
            return Err(user(st.err_span(msg, e.span)));
        }
        if matches!(e.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return Err(user(
                st.err_span("assignment to yield expression not possible", e.span),
            ));
        }
        set_ctx(st, e, ExprContext::Store).map_err(user)?;
        if matches!(e.kind, ExprKind::Starred { .. }) {
            let err = st.err_span(
                "starred assignment target must be in a list or tuple",
                e.span,
            );
            st.compiler_errs.borrow_mut().push(err);
        }
    }
    Ok(stmt(StmtKind::Assign { targets, value }, st.span(l, r)))
}

/// CPython's invalid_named_expression: `1 = x` gets "... here. Maybe you meant '=='".
fn hint_applies(t: &Expr, value: &Expr) -> bool {
    let bitwise_or = |e: &Expr| {
        !matches!(
            e.kind,
            ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    ..
                }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::NamedExpr { .. }
                | ExprKind::Starred { .. }
                | ExprKind::Yield(_)
                | ExprKind::YieldFrom(_)
        )
    };
    let excluded = matches!(
        t.kind,
        ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Name { .. }
            | ExprKind::Attribute { .. }
            | ExprKind::Subscript { .. }
            | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
    );
    let first = match &value.kind {
        ExprKind::Tuple { elts, .. }
            if elts
                .first()
                .is_some_and(|e| e.span.col >= value.span.col && e.span == value.span) =>
        {
            None
        }
        ExprKind::Tuple { elts, .. } => elts.first(),
        _ => Some(value),
    };
    !excluded && bitwise_or(t) && first.is_some_and(bitwise_or)
}

pub fn aug_assign<'a>(
    st: &St,
    mut t: Expr,
    op: Operator,
    value: Expr,
    l: usize,
    r: usize,
) -> PResult<'a, Stmt> {
    if !matches!(
        t.kind,
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    ) {
        let msg = format!(
            "'{}' is an illegal expression for augmented assignment",
            expr_name(&t)
        );
        return Err(user(st.err_span(msg, t.span)));
    }
    set_ctx(st, &mut t, ExprContext::Store).map_err(user)?;
    Ok(stmt(
        StmtKind::AugAssign {
            target: t,
            op,
            value,
        },
        st.span(l, r),
    ))
}

pub fn ann_assign<'a>(
    st: &St,
    mut t: Expr,
    ann: Expr,
    value: Option<Expr>,
    l: usize,
    r: usize,
) -> PResult<'a, Stmt> {
    let msg = match t.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple { .. } => Some("only single target (not tuple) can be annotated"),
        ExprKind::List { .. } => Some("only single target (not list) can be annotated"),
        _ => Some("illegal target for annotation"),
    };
    if let Some(m) = msg {
        return Err(user(st.err_span(m, t.span)));
    }
    let span = st.span(l, r);
    let simple = matches!(t.kind, ExprKind::Name { .. })
        && t.span.col == span.col
        && t.span.line == span.line;
    set_ctx(st, &mut t, ExprContext::Store).map_err(user)?;
    Ok(stmt(
        StmtKind::AnnAssign {
            target: t,
            annotation: ann,
            value,
            simple,
        },
        span,
    ))
}

pub fn if_stmt(
    st: &St,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
) -> Stmt {
    let mut orelse = orelse.unwrap_or_default();
    for (el, t, b) in elifs.into_iter().rev() {
        let span = body_end(st.span(el, el), &[&b, &orelse]);
        orelse = vec![stmt(
            StmtKind::If {
                test: t,
                body: b,
                orelse,
            },
            span,
        )];
    }
    let span = body_end(st.span(l, l), &[&body, &orelse]);
    stmt(StmtKind::If { test, body, orelse }, span)
}

pub fn while_stmt(
    st: &St,
    test: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let span = body_end(st.span(l, l), &[&body, &orelse]);
    stmt(StmtKind::While { test, body, orelse }, span)
}

pub fn for_stmt<'a>(
    st: &St,
    mut target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
) -> PResult<'a, Stmt> {
    set_ctx(st, &mut target, ExprContext::Store).map_err(user)?;
    let orelse = orelse.unwrap_or_default();
    let span = body_end(st.span(l, l), &[&body, &orelse]);
    Ok(stmt(
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        },
        span,
    ))
}

pub fn try_stmt(
    st: &St,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Option<Vec<Stmt>>,
    fin: Option<Vec<Stmt>>,
    l: usize,
) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let finalbody = fin.unwrap_or_default();
    let hspan = handlers.last().map(|h| h.span);
    let mut span = body_end(st.span(l, l), &[&body]);
    if let Some(h) = hspan {
        span = join(span, h);
    }
    span = body_end(span, &[&orelse, &finalbody]);
    stmt(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        },
        span,
    )
}

pub fn handler(
    st: &St,
    type_: Option<Expr>,
    name: Option<&str>,
    body: Vec<Stmt>,
    l: usize,
) -> ExceptHandler {
    let span = body_end(st.span(l, l), &[&body]);
    ExceptHandler {
        type_,
        name: name.map(str::to_string),
        body,
        span,
    }
}

pub fn with_item<'a>(st: &St, e: Expr, t: Option<Expr>) -> PResult<'a, WithItem> {
    let mut t = t;
    if let Some(t) = &mut t {
        set_ctx(st, t, ExprContext::Store).map_err(user)?;
    }
    Ok(WithItem {
        context_expr: e,
        optional_vars: t,
    })
}

pub fn with_stmt(st: &St, items: Vec<WithItem>, body: Vec<Stmt>, l: usize) -> Stmt {
    let span = body_end(st.span(l, l), &[&body]);
    stmt(StmtKind::With { items, body }, span)
}

pub fn arg(st: &St, n: &str, annotation: Option<Expr>, l: usize, r: usize) -> Arg {
    Arg {
        arg: n.to_string(),
        annotation,
        span: st.span(l, r),
    }
}

/// Sorts a parameter list into CPython's `arguments`, with CPython's complaints.
fn arguments(st: &St, params: Vec<Param>) -> Result<Arguments, SyntaxError> {
    let mut a = Arguments::default();
    let mut seen_default = false;
    let mut star_seen = false;
    let mut dstar_seen = false;
    let mut slash_seen = false;
    let mut bare_star: Option<Span> = None;
    for p in params {
        if dstar_seen {
            let s = match &p {
                Param::Plain(arg, _) => arg.span,
                Param::Slash(l, r) | Param::Star(_, l, r) | Param::DStar(_, l, r) => {
                    st.span(*l, *r)
                }
            };
            return Err(st.err_span("arguments cannot follow var-keyword argument", s));
        }
        match p {
            Param::Plain(arg, d) => {
                if star_seen {
                    bare_star = None;
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(d);
                } else {
                    match d {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            return Err(st.err_span(
                                "non-default argument follows default argument",
                                arg.span,
                            ));
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            Param::Slash(l, r) => {
                let s = st.span(l, r);
                if slash_seen {
                    return Err(st.err_span("/ may appear only once", s));
                }
                if star_seen {
                    return Err(st.err_span("/ must be ahead of *", s));
                }
                if a.args.is_empty() {
                    return Err(st.err_span("at least one argument must precede /", s));
                }
                slash_seen = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            }
            Param::Star(arg, l, r) => {
                if star_seen {
                    return Err(st.err_span("* argument may appear only once", st.span(l, r)));
                }
                star_seen = true;
                if arg.is_none() {
                    bare_star = Some(st.span(l, r));
                }
                a.vararg = arg;
            }
            Param::DStar(arg, _, _) => {
                dstar_seen = true;
                a.kwarg = Some(arg);
            }
        }
    }
    if let Some(s) = bare_star {
        return Err(st.err_span("named arguments must follow bare *", s));
    }
    // Duplicate names are a symtable error: reported only if the parse succeeds.
    let all: Vec<&Arg> = a
        .posonlyargs
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonlyargs)
        .chain(&a.kwarg)
        .collect();
    for (i, x) in all.iter().enumerate() {
        if all[..i].iter().any(|y| y.arg == x.arg) {
            let msg = format!("duplicate argument '{}' in function definition", x.arg);
            st.symtable_errs.borrow_mut().push(st.err_span(msg, x.span));
            break;
        }
    }
    Ok(a)
}

#[allow(clippy::too_many_arguments)]
pub fn funcdef<'a>(
    st: &St,
    decorator_list: Vec<Expr>,
    n: &str,
    p: Vec<Param>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
    l: usize,
) -> PResult<'a, Stmt> {
    let args = arguments(st, p).map_err(user)?;
    let span = body_end(st.span(l, l), &[&body]);
    let f = FunctionDef {
        name: n.to_string(),
        args,
        body,
        decorator_list,
        returns,
    };
    Ok(stmt(StmtKind::FunctionDef(Box::new(f)), span))
}

#[allow(clippy::too_many_arguments)]
pub fn classdef<'a>(
    st: &St,
    decorator_list: Vec<Expr>,
    n: &str,
    args: Option<(Vec<ArgItem>, usize)>,
    body: Vec<Stmt>,
    l: usize,
) -> PResult<'a, Stmt> {
    let (args, close) = args.unwrap_or_default();
    let (bases, keywords) = split_args(st, args, close).map_err(user)?;
    let span = body_end(st.span(l, l), &[&body]);
    let c = ClassDef {
        name: n.to_string(),
        bases,
        keywords,
        body,
        decorator_list,
    };
    Ok(stmt(StmtKind::ClassDef(Box::new(c)), span))
}

// ---- targets ----

/// `_PyPegen_get_expr_name`: how CPython names an expression in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Marks a target Store/Del, or says "cannot assign to X" as CPython does.
/// Recursion only follows tuples, lists and starred, so it is bounded by bracket depth.
fn set_ctx(st: &St, e: &mut Expr, ctx: ExprContext) -> Result<(), SyntaxError> {
    let span = e.span;
    let bad = |what: &str| {
        let verb = if ctx == ExprContext::Del {
            "delete"
        } else {
            "assign to"
        };
        st.err_span(format!("cannot {verb} {what}"), span)
    };
    let what = expr_name(e);
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => {
            *c = ctx;
            Ok(())
        }
        ExprKind::Tuple { elts, ctx: c } | ExprKind::List { elts, ctx: c } => {
            *c = ctx;
            elts.iter_mut().try_for_each(|x| set_ctx(st, x, ctx))
        }
        ExprKind::Starred { value, ctx: c } if ctx == ExprContext::Store => {
            *c = ctx;
            set_ctx(st, value, ctx)
        }
        _ => Err(bad(what)),
    }
}

// ---- expressions ----

fn ex(kind: ExprKind, span: Span) -> Expr {
    Expr::new(kind, span)
}

pub fn name(st: &St, n: &str, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::Name {
            id: n.to_string(),
            ctx: ExprContext::Load,
        },
        st.span(l, r),
    )
}

pub fn constant(st: &St, c: Constant, l: usize, r: usize) -> Expr {
    ex(ExprKind::Constant(c), st.span(l, r))
}

pub fn none() -> Constant {
    Constant::None
}

pub fn ellipsis() -> Constant {
    Constant::Ellipsis
}

pub fn bool_(b: bool) -> Constant {
    if b {
        Constant::True
    } else {
        Constant::False
    }
}

/// An integer literal: radix prefix and underscores handled, arbitrary precision.
pub fn int(st: &St, text: &str, l: usize, r: usize) -> Expr {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    let (radix, body) = match digits.get(..2) {
        Some("0x" | "0X") => (16, &digits[2..]),
        Some("0o" | "0O") => (8, &digits[2..]),
        Some("0b" | "0B") => (2, &digits[2..]),
        _ => (10, &digits[..]),
    };
    let v = BigInt::parse_bytes(body.as_bytes(), radix).unwrap_or_default();
    constant(st, Constant::Int(v), l, r)
}

fn parse_float(text: &str) -> f64 {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    t.parse().unwrap_or(f64::NAN)
}

pub fn float(st: &St, text: &str, l: usize, r: usize) -> Expr {
    constant(st, Constant::Float(parse_float(text)), l, r)
}

pub fn imag(st: &St, text: &str, l: usize, r: usize) -> Expr {
    constant(
        st,
        Constant::Complex(parse_float(&text[..text.len() - 1])),
        l,
        r,
    )
}

pub fn tuple(st: &St, mut v: Vec<Expr>, e: Option<Expr>, l: usize, r: usize) -> Expr {
    v.extend(e);
    ex(
        ExprKind::Tuple {
            elts: v,
            ctx: ExprContext::Load,
        },
        st.span(l, r),
    )
}

pub fn list(st: &St, v: Vec<Expr>, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::List {
            elts: v,
            ctx: ExprContext::Load,
        },
        st.span(l, r),
    )
}

pub fn set(st: &St, v: Vec<Expr>, l: usize, r: usize) -> Expr {
    ex(ExprKind::Set(v), st.span(l, r))
}

pub fn dict(st: &St, v: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = v.into_iter().unzip();
    ex(ExprKind::Dict { keys, values }, st.span(l, r))
}

pub fn paren<'a>(st: &St, e: Expr, _l: usize, _r: usize) -> PResult<'a, Expr> {
    if matches!(e.kind, ExprKind::Starred { .. }) {
        return Err(user(
            st.err_span("cannot use starred expression here", e.span),
        ));
    }
    Ok(e)
}

pub fn starred(st: &St, e: Expr, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::Starred {
            value: bx(e),
            ctx: ExprContext::Load,
        },
        st.span(l, r),
    )
}

pub fn named(st: &St, n: &str, nr: usize, v: Expr, l: usize, r: usize) -> Expr {
    let target = ex(
        ExprKind::Name {
            id: n.to_string(),
            ctx: ExprContext::Store,
        },
        st.span(l, nr),
    );
    ex(
        ExprKind::NamedExpr {
            target: bx(target),
            value: bx(v),
        },
        st.span(l, r),
    )
}

pub fn if_exp(st: &St, test: Expr, body: Expr, orelse: Expr, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::IfExp {
            test: bx(test),
            body: bx(body),
            orelse: bx(orelse),
        },
        st.span(l, r),
    )
}

pub fn lambda<'a>(st: &St, p: Vec<Param>, body: Expr, l: usize, r: usize) -> PResult<'a, Expr> {
    let args = arguments(st, p).map_err(user)?;
    Ok(ex(
        ExprKind::Lambda {
            args: Box::new(args),
            body: bx(body),
        },
        st.span(l, r),
    ))
}

pub fn bool_op(st: &St, op: BoolOp, e: Expr, v: Vec<Expr>, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::BoolOp {
            op,
            values: push_front(e, v),
        },
        st.span(l, r),
    )
}

pub fn unary(st: &St, op: UnaryOp, e: Expr, l: usize, r: usize) -> Expr {
    ex(ExprKind::UnaryOp { op, operand: bx(e) }, st.span(l, r))
}

pub fn compare(st: &St, e: Expr, v: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = v.into_iter().unzip();
    ex(
        ExprKind::Compare {
            left: bx(e),
            ops,
            comparators,
        },
        st.span(l, r),
    )
}

pub fn bin(st: &St, a: Expr, op: Operator, b: Expr, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::BinOp {
            left: bx(a),
            op,
            right: bx(b),
        },
        st.span(l, r),
    )
}

/// Splits call arguments into positional and keyword ones, with CPython's ordering rules.
/// `close` is the closing parenthesis, where CPython reports misordered arguments.
fn split_args(
    st: &St,
    items: Vec<ArgItem>,
    close: usize,
) -> Result<(Vec<Expr>, Vec<Keyword>), SyntaxError> {
    let n = items.len();
    let mut args = Vec::new();
    let mut kws: Vec<Keyword> = Vec::new();
    for it in items {
        let kw_unpack = kws.iter().any(|k| k.arg.is_none());
        match it {
            ArgItem::Pos(e) | ArgItem::Gen(e) if !kws.is_empty() => {
                let msg = if kw_unpack {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                let _ = e;
                return Err(st.err_span(msg, st.span(close, close + 1)));
            }
            ArgItem::Gen(e) if n > 1 => {
                return Err(st.err_span("Generator expression must be parenthesized", e.span));
            }
            ArgItem::Star(e) if kw_unpack => {
                let star = Span {
                    end_line: e.span.line,
                    end_col: e.span.col + 1,
                    ..e.span
                };
                return Err(st.err_span(
                    "iterable argument unpacking follows keyword argument unpacking",
                    star,
                ));
            }
            ArgItem::Pos(e) | ArgItem::Gen(e) | ArgItem::Star(e) => args.push(e),
            ArgItem::Kw(k) => kws.push(k),
        }
    }
    Ok((args, kws))
}

pub fn call<'a>(st: &St, f: Expr, items: Vec<ArgItem>, l: usize, r: usize) -> PResult<'a, Expr> {
    let sole_gen = items.len() == 1 && matches!(items[0], ArgItem::Gen(_));
    let (mut args, keywords) = split_args(st, items, r - 1).map_err(user)?;
    let span = st.span(l, r);
    if sole_gen {
        // `f(x for x in y)`: the generator's span is the call's parentheses.
        let open = st.idx.offset_of(f.span.end_line, f.span.end_col);
        let open = open + st.idx.src[open..].find('(').unwrap_or(0);
        let s = st.span(open, r);
        args[0].span = s;
    }
    Ok(ex(
        ExprKind::Call {
            func: bx(f),
            args,
            keywords,
        },
        span,
    ))
}

pub fn keyword(st: &St, n: Option<&str>, v: Expr, l: usize, r: usize) -> Keyword {
    Keyword {
        arg: n.map(str::to_string),
        value: v,
        span: st.span(l, r),
    }
}

pub fn subscript(st: &St, v: Expr, s: Expr, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::Subscript {
            value: bx(v),
            slice: bx(s),
            ctx: ExprContext::Load,
        },
        st.span(l, r),
    )
}

pub fn attribute(st: &St, v: Expr, n: &str, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::Attribute {
            value: bx(v),
            attr: n.to_string(),
            ctx: ExprContext::Load,
        },
        st.span(l, r),
    )
}

pub fn slice(
    st: &St,
    lo: Option<Expr>,
    hi: Option<Expr>,
    s: Option<Option<Expr>>,
    l: usize,
    r: usize,
) -> Expr {
    let kind = ExprKind::Slice {
        lower: lo.map(bx),
        upper: hi.map(bx),
        step: s.flatten().map(bx),
    };
    ex(kind, st.span(l, r))
}

pub fn comprehension<'a>(
    st: &St,
    mut target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
) -> PResult<'a, Comprehension> {
    set_ctx(st, &mut target, ExprContext::Store).map_err(user)?;
    Ok(Comprehension { target, iter, ifs })
}

pub fn genexp(st: &St, e: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::GeneratorExp {
            elt: bx(e),
            generators: c,
        },
        st.span(l, r),
    )
}

pub fn list_comp(st: &St, e: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::ListComp {
            elt: bx(e),
            generators: c,
        },
        st.span(l, r),
    )
}

pub fn set_comp(st: &St, e: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::SetComp {
            elt: bx(e),
            generators: c,
        },
        st.span(l, r),
    )
}

pub fn dict_comp(st: &St, k: Expr, v: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    ex(
        ExprKind::DictComp {
            key: bx(k),
            value: bx(v),
            generators: c,
        },
        st.span(l, r),
    )
}

pub fn yield_(st: &St, v: Option<Expr>, l: usize, r: usize) -> Expr {
    ex(ExprKind::Yield(v.map(bx)), st.span(l, r))
}

pub fn yield_from(st: &St, v: Expr, l: usize, r: usize) -> Expr {
    ex(ExprKind::YieldFrom(bx(v)), st.span(l, r))
}

// ---- strings ----

/// The byte range of the token starting at or after `pos` on its line (spaces
/// skipped): a name or number, a one- or two-character operator, or the newline
/// (an empty range, as CPython reports it).
fn next_token(src: &str, pos: usize) -> (usize, usize) {
    let b = src.as_bytes();
    let mut a = pos;
    while a < b.len() && (b[a] == b' ' || b[a] == b'\t' || b[a] == b'\x0c') {
        a += 1;
    }
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    match b.get(a) {
        None | Some(b'\n' | b'\r' | b'#') => (a, a),
        Some(&c) if word(c) => {
            let mut e = a;
            while e < b.len() && word(b[e]) {
                e += 1;
            }
            (a, e)
        }
        Some(_) => {
            const TWO: [&[u8]; 12] = [
                b"==", b"!=", b"<=", b">=", b"**", b"//", b"->", b":=", b"<<", b">>", b"+=", b"-=",
            ];
            let two = b.get(a..a + 2).is_some_and(|p| TWO.contains(&p));
            (a, a + if two { 2 } else { 1 })
        }
    }
}

/// Adjacent string literals: one `Constant(Str)`, or a `JoinedStr` if any is an f-string.
pub fn strings<'a>(
    st: &St<'a>,
    parts: Vec<(usize, &'a str)>,
    l: usize,
    r: usize,
) -> PResult<'a, Expr> {
    let span = st.span(l, r);
    let is_bytes = |lit: &str| {
        lit.bytes()
            .take_while(|&c| c != b'\'' && c != b'"')
            .any(|c| c == b'b' || c == b'B')
    };
    let nbytes = parts.iter().filter(|(_, lit)| is_bytes(lit)).count();
    if nbytes > 0 && nbytes < parts.len() {
        // CPython reports it at the token that follows the literals.
        let (a, b) = next_token(st.idx.src, r);
        let msg = "cannot mix bytes and nonbytes literals";
        return Err(user(st.idx.error(K::SyntaxError, msg.into(), a, b)));
    }
    if nbytes > 0 {
        let mut out = Vec::new();
        for (pos, lit) in parts {
            super::fstring::bytes_literal(st, pos, lit, &mut out).map_err(user)?;
        }
        return Ok(ex(ExprKind::Constant(Constant::Bytes(out)), span));
    }
    let mut b = super::fstring::Builder::new(span);
    for (pos, lit) in parts {
        super::fstring::literal(st, &mut b, pos, lit).map_err(user)?;
    }
    Ok(b.finish())
}
