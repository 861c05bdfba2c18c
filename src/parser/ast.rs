//! The abstract syntax tree: CPython 3.11's `ast` node set (minus async, match and bytes),
//! with a source span on every node. Independent of the parser generator.
//!
//! Spans follow CPython's `lineno`/`col_offset` convention: lines are 1-based, columns
//! are 0-based UTF-8 byte offsets into the line.
//!
//! Dropping is iterative (see `Drop for Expr`), so a 50 000-deep operator chain can be
//! freed without recursing on the Rust stack.

use num_bigint::BigInt;

/// Where a node sits in the source: (line, column) to (end line, end column).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// A whole file (`exec` mode).
#[derive(Debug, Default)]
pub struct Module {
    pub body: Vec<Stmt>,
}

/// One REPL entry (`single` mode).
#[derive(Debug, Default)]
pub struct Interactive {
    pub body: Vec<Stmt>,
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum StmtKind {
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    /// `a = b = value`: several targets, one value.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: Operator,
        value: Expr,
    },
    /// `simple` is true for a bare name target not in parentheses (CPython's `simple=1`).
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import(Vec<Alias>),
    /// `from ..mod import a`: module `Some("mod")`, level 2.
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Expr(Expr),
    Pass,
    Break,
    Continue,
}

#[derive(Debug)]
pub struct FunctionDef {
    pub name: String,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Expr>,
}

#[derive(Debug)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

/// A parameter list, laid out as CPython's `arguments` node.
#[derive(Debug, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per keyword-only parameter; `None` when it has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last positional parameters (posonly and regular).
    pub defaults: Vec<Expr>,
}

#[derive(Debug)]
pub struct Arg {
    pub arg: String,
    pub annotation: Option<Expr>,
    pub span: Span,
}

/// `name=value` in a call or class header; `arg` is `None` for `**value`.
#[derive(Debug)]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
    pub span: Span,
}

/// `import name as asname`.
#[derive(Debug)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub span: Span,
}

#[derive(Debug)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

/// `except type as name:` (type is `None` for a bare `except:`).
#[derive(Debug)]
pub struct ExceptHandler {
    pub type_: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// One `for target in iter if cond...` clause of a comprehension.
#[derive(Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `keys[i]` is `None` for a `**mapping` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `a < b < c`: left `a`, ops `[Lt, Lt]`, comparators `[b, c]`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `{value!conversion:format_spec}` inside an f-string. `conversion` is
    /// `None`, or `Some('r' | 's' | 'a')`. `format_spec` is a `JoinedStr`.
    FormattedValue {
        value: Box<Expr>,
        conversion: Option<char>,
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: `Constant(Str)` and `FormattedValue` parts.
    JoinedStr(Vec<Expr>),
    Constant(Constant),
    Attribute {
        value: Box<Expr>,
        attr: String,
        ctx: ExprContext,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: String,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// A literal value. Ints are arbitrary precision so the compiler can fold and dedupe.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(f64),
    /// An imaginary literal `2.5j` (real part 0).
    Complex(f64),
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// A leaf used to take an expression's place while it is moved or dropped.
    pub fn placeholder() -> Expr {
        Expr::new(ExprKind::Constant(Constant::None), Span::default())
    }
}

/// Moves every child expression of `kind` into `out`, leaving leaves behind.
fn take_children(kind: &mut ExprKind, out: &mut Vec<Expr>) {
    fn bx(b: &mut Box<Expr>, out: &mut Vec<Expr>) {
        out.push(std::mem::replace(&mut **b, Expr::placeholder()));
    }
    fn gens(g: &mut Vec<Comprehension>, out: &mut Vec<Expr>) {
        for c in g.drain(..) {
            out.push(c.target);
            out.push(c.iter);
            out.extend(c.ifs);
        }
    }
    match kind {
        ExprKind::BoolOp { values, .. } => out.append(values),
        ExprKind::NamedExpr { target, value } => {
            bx(target, out);
            bx(value, out);
        }
        ExprKind::BinOp { left, right, .. } => {
            bx(left, out);
            bx(right, out);
        }
        ExprKind::UnaryOp { operand, .. } => bx(operand, out),
        ExprKind::Lambda { args, body } => {
            let a = std::mem::take(&mut **args);
            out.extend(a.defaults);
            out.extend(a.kw_defaults.into_iter().flatten());
            let anns = a.posonlyargs.into_iter().chain(a.args).chain(a.kwonlyargs);
            out.extend(
                anns.chain(a.vararg)
                    .chain(a.kwarg)
                    .filter_map(|x| x.annotation),
            );
            bx(body, out);
        }
        ExprKind::IfExp { test, body, orelse } => {
            bx(test, out);
            bx(body, out);
            bx(orelse, out);
        }
        ExprKind::Dict { keys, values } => {
            out.extend(keys.drain(..).flatten());
            out.append(values);
        }
        ExprKind::Set(v) => out.append(v),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            bx(elt, out);
            gens(generators, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            bx(key, out);
            bx(value, out);
            gens(generators, out);
        }
        ExprKind::Yield(v) => {
            if let Some(b) = v {
                bx(b, out);
            }
        }
        ExprKind::YieldFrom(b) => bx(b, out),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            bx(left, out);
            out.append(comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            bx(func, out);
            out.append(args);
            out.extend(keywords.drain(..).map(|k| k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            bx(value, out);
            if let Some(b) = format_spec {
                bx(b, out);
            }
        }
        ExprKind::JoinedStr(v) => out.append(v),
        ExprKind::Constant(_) | ExprKind::Name { .. } => {}
        ExprKind::Attribute { value, .. } => bx(value, out),
        ExprKind::Subscript { value, slice, .. } => {
            bx(value, out);
            bx(slice, out);
        }
        ExprKind::Starred { value, .. } => bx(value, out),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => out.append(elts),
        ExprKind::Slice { lower, upper, step } => {
            for b in [lower, upper, step].into_iter().flatten() {
                bx(b, out);
            }
        }
    }
}

impl ExprKind {
    fn is_leaf(&self) -> bool {
        matches!(self, ExprKind::Constant(_) | ExprKind::Name { .. })
    }
}

/// Iterative drop: children are detached onto a heap stack before each node is freed,
/// so no node's destructor ever recurses into a deep subtree.
impl Drop for Expr {
    fn drop(&mut self) {
        if self.kind.is_leaf() {
            return;
        }
        let mut stack = Vec::new();
        take_children(&mut self.kind, &mut stack);
        while let Some(mut e) = stack.pop() {
            if !e.kind.is_leaf() {
                take_children(&mut e.kind, &mut stack);
            }
            // `e` now has only leaf children; its own drop returns at once.
        }
    }
}
