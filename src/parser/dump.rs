//! A compact text dump of the AST, shaped like CPython's `ast.dump` with positions
//! appended as `@line:col-end_line:end_col` (omitted inside f-strings). The parse tests
//! compare it with the same dump made by python3 (scripts/regen_parse.py).
//!
//! Strings print as JSON (ASCII-escaped), floats as `f:` + their IEEE bits in hex.
//! Recursion is capped at `MAX_DEPTH` nodes deep; deeper subtrees print as `...`.

use std::fmt::Write;

use super::ast::*;

pub const MAX_DEPTH: usize = 300;

/// Dumps a module.
pub fn dump_module(m: &Module) -> String {
    let mut d = Dumper {
        out: String::new(),
        depth: 0,
        pos: true,
    };
    d.out.push_str("Module(body=");
    d.stmts(&m.body);
    d.out.push(')');
    d.out
}

/// Dumps one expression.
pub fn dump_expr(e: &Expr) -> String {
    let mut d = Dumper {
        out: String::new(),
        depth: 0,
        pos: true,
    };
    d.expr(e);
    d.out
}

/// JSON string literal with ASCII escapes, as python3's `json.dumps`.
pub fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            '\x08' => o.push_str("\\b"),
            '\x0c' => o.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    let _ = write!(o, "\\u{:04x}", u);
                }
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

struct Dumper {
    out: String,
    depth: usize,
    pos: bool,
}

fn op_name(o: Operator) -> &'static str {
    match o {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn cmp_name(o: CmpOp) -> &'static str {
    match o {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load()",
        ExprContext::Store => "Store()",
        ExprContext::Del => "Del()",
    }
}

impl Dumper {
    fn s(&mut self, t: &str) {
        self.out.push_str(t);
    }

    fn span(&mut self, s: Span) {
        if self.pos {
            let _ = write!(
                self.out,
                "@{}:{}-{}:{}",
                s.line, s.col, s.end_line, s.end_col
            );
        }
    }

    fn list<T>(&mut self, v: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.s("[");
        for (i, x) in v.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            f(self, x);
        }
        self.s("]");
    }

    fn stmts(&mut self, v: &[Stmt]) {
        self.list(v, |d, s| d.stmt(s));
    }

    fn exprs(&mut self, v: &[Expr]) {
        self.list(v, |d, e| d.expr(e));
    }

    fn opt(&mut self, name: &str, e: &Option<Expr>) {
        if let Some(e) = e {
            let _ = write!(self.out, ", {name}=");
            self.expr(e);
        }
    }

    fn opt_box(&mut self, name: &str, e: &Option<Box<Expr>>) {
        if let Some(e) = e {
            let _ = write!(self.out, ", {name}=");
            self.expr(e);
        }
    }

    fn field(&mut self, name: &str, e: &Expr) {
        let _ = write!(self.out, ", {name}=");
        self.expr(e);
    }

    fn arg(&mut self, a: &Arg) {
        let _ = write!(self.out, "arg(arg={}", json_str(&a.arg));
        self.opt("annotation", &a.annotation);
        self.s(")");
        self.span(a.span);
    }

    fn arguments(&mut self, a: &Arguments) {
        self.s("arguments(posonlyargs=");
        self.list(&a.posonlyargs, |d, x| d.arg(x));
        self.s(", args=");
        self.list(&a.args, |d, x| d.arg(x));
        if let Some(v) = &a.vararg {
            self.s(", vararg=");
            self.arg(v);
        }
        self.s(", kwonlyargs=");
        self.list(&a.kwonlyargs, |d, x| d.arg(x));
        self.s(", kw_defaults=");
        self.list(&a.kw_defaults, |d, x| match x {
            Some(e) => d.expr(e),
            None => d.s("None"),
        });
        if let Some(v) = &a.kwarg {
            self.s(", kwarg=");
            self.arg(v);
        }
        self.s(", defaults=");
        self.exprs(&a.defaults);
        self.s(")");
    }

    fn keyword(&mut self, k: &Keyword) {
        self.s("keyword(");
        if let Some(a) = &k.arg {
            let _ = write!(self.out, "arg={}, ", json_str(a));
        }
        self.s("value=");
        self.expr(&k.value);
        self.s(")");
        self.span(k.span);
    }

    fn alias(&mut self, a: &Alias) {
        let _ = write!(self.out, "alias(name={}", json_str(&a.name));
        if let Some(n) = &a.asname {
            let _ = write!(self.out, ", asname={}", json_str(n));
        }
        self.s(")");
        self.span(a.span);
    }

    fn comps(&mut self, g: &[Comprehension]) {
        self.list(g, |d, c| {
            d.s("comprehension(target=");
            d.expr(&c.target);
            d.field("iter", &c.iter);
            d.s(", ifs=");
            d.exprs(&c.ifs);
            d.s(")");
        });
    }

    fn names(&mut self, v: &[String]) {
        self.list(v, |d, n| {
            let j = json_str(n);
            d.s(&j);
        });
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                let _ = write!(self.out, "FunctionDef(name={}, args=", json_str(&f.name));
                self.arguments(&f.args);
                self.s(", body=");
                self.stmts(&f.body);
                self.s(", decorator_list=");
                self.exprs(&f.decorator_list);
                self.opt("returns", &f.returns);
            }
            StmtKind::ClassDef(c) => {
                let _ = write!(self.out, "ClassDef(name={}, bases=", json_str(&c.name));
                self.exprs(&c.bases);
                self.s(", keywords=");
                self.list(&c.keywords, |d, k| d.keyword(k));
                self.s(", body=");
                self.stmts(&c.body);
                self.s(", decorator_list=");
                self.exprs(&c.decorator_list);
            }
            StmtKind::Return(v) => {
                self.s("Return(");
                if let Some(v) = v {
                    self.s("value=");
                    self.expr(v);
                }
            }
            StmtKind::Delete(t) => {
                self.s("Delete(targets=");
                self.exprs(t);
            }
            StmtKind::Assign { targets, value } => {
                self.s("Assign(targets=");
                self.exprs(targets);
                self.field("value", value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.s("AugAssign(target=");
                self.expr(target);
                let _ = write!(self.out, ", op={}()", op_name(*op));
                self.field("value", value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.s("AnnAssign(target=");
                self.expr(target);
                self.field("annotation", annotation);
                self.opt("value", value);
                let _ = write!(self.out, ", simple={}", u8::from(*simple));
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.s("For(target=");
                self.expr(target);
                self.field("iter", iter);
                self.s(", body=");
                self.stmts(body);
                self.s(", orelse=");
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.s(if matches!(s.kind, StmtKind::While { .. }) {
                    "While(test="
                } else {
                    "If(test="
                });
                self.expr(test);
                self.s(", body=");
                self.stmts(body);
                self.s(", orelse=");
                self.stmts(orelse);
            }
            StmtKind::With { items, body } => {
                self.s("With(items=");
                self.list(items, |d, w| {
                    d.s("withitem(context_expr=");
                    d.expr(&w.context_expr);
                    d.opt("optional_vars", &w.optional_vars);
                    d.s(")");
                });
                self.s(", body=");
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                self.s("Raise(");
                if let Some(e) = exc {
                    self.s("exc=");
                    self.expr(e);
                    self.opt("cause", cause);
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.s("Try(body=");
                self.stmts(body);
                self.s(", handlers=");
                self.list(handlers, |d, h| {
                    d.s("ExceptHandler(");
                    let mut sep = "";
                    if let Some(t) = &h.type_ {
                        d.s("type=");
                        d.expr(t);
                        sep = ", ";
                    }
                    if let Some(n) = &h.name {
                        let _ = write!(d.out, "{sep}name={}", json_str(n));
                        sep = ", ";
                    }
                    let _ = write!(d.out, "{sep}body=");
                    d.stmts(&h.body);
                    d.s(")");
                    d.span(h.span);
                });
                self.s(", orelse=");
                self.stmts(orelse);
                self.s(", finalbody=");
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.s("Assert(test=");
                self.expr(test);
                self.opt("msg", msg);
            }
            StmtKind::Import(n) => {
                self.s("Import(names=");
                self.list(n, |d, a| d.alias(a));
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.s("ImportFrom(");
                if let Some(m) = module {
                    let _ = write!(self.out, "module={}, ", json_str(m));
                }
                self.s("names=");
                self.list(names, |d, a| d.alias(a));
                let _ = write!(self.out, ", level={level}");
            }
            StmtKind::Global(n) => {
                self.s("Global(names=");
                self.names(n);
            }
            StmtKind::Nonlocal(n) => {
                self.s("Nonlocal(names=");
                self.names(n);
            }
            StmtKind::Expr(e) => {
                self.s("Expr(value=");
                self.expr(e);
            }
            StmtKind::Pass => self.s("Pass("),
            StmtKind::Break => self.s("Break("),
            StmtKind::Continue => self.s("Continue("),
        }
        self.s(")");
        self.span(s.span);
    }

    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.s("None"),
            Constant::True => self.s("True"),
            Constant::False => self.s("False"),
            Constant::Ellipsis => self.s("Ellipsis"),
            Constant::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Constant::Float(f) => {
                let _ = write!(self.out, "f:{:016x}", f.to_bits());
            }
            Constant::Complex(f) => {
                let _ = write!(self.out, "j:{:016x}", f.to_bits());
            }
            Constant::Str(s) => {
                let j = json_str(s);
                self.s(&j);
            }
            Constant::Bytes(b) => {
                let _ = write!(self.out, "b:");
                for x in b {
                    let _ = write!(self.out, "{x:02x}");
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        if self.depth >= MAX_DEPTH {
            self.s("...");
            return;
        }
        self.depth += 1;
        let saved_pos = self.pos;
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let o = if *op == BoolOp::And { "And" } else { "Or" };
                let _ = write!(self.out, "BoolOp(op={o}(), values=");
                self.exprs(values);
            }
            ExprKind::NamedExpr { target, value } => {
                self.s("NamedExpr(target=");
                self.expr(target);
                self.field("value", value);
            }
            ExprKind::BinOp { left, op, right } => {
                self.s("BinOp(left=");
                self.expr(left);
                let _ = write!(self.out, ", op={}()", op_name(*op));
                self.field("right", right);
            }
            ExprKind::UnaryOp { op, operand } => {
                let o = match op {
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub",
                };
                let _ = write!(self.out, "UnaryOp(op={o}(), operand=");
                self.expr(operand);
            }
            ExprKind::Lambda { args, body } => {
                self.s("Lambda(args=");
                self.arguments(args);
                self.field("body", body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.s("IfExp(test=");
                self.expr(test);
                self.field("body", body);
                self.field("orelse", orelse);
            }
            ExprKind::Dict { keys, values } => {
                self.s("Dict(keys=");
                self.list(keys, |d, k| match k {
                    Some(k) => d.expr(k),
                    None => d.s("None"),
                });
                self.s(", values=");
                self.exprs(values);
            }
            ExprKind::Set(v) => {
                self.s("Set(elts=");
                self.exprs(v);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let n = match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let _ = write!(self.out, "{n}(elt=");
                self.expr(elt);
                self.s(", generators=");
                self.comps(generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.s("DictComp(key=");
                self.expr(key);
                self.field("value", value);
                self.s(", generators=");
                self.comps(generators);
            }
            ExprKind::Yield(v) => {
                self.s("Yield(");
                if let Some(v) = v {
                    self.s("value=");
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.s("YieldFrom(value=");
                self.expr(v);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.s("Compare(left=");
                self.expr(left);
                self.s(", ops=");
                self.list(ops, |d, o| {
                    d.s(cmp_name(*o));
                    d.s("()");
                });
                self.s(", comparators=");
                self.exprs(comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.s("Call(func=");
                self.expr(func);
                self.s(", args=");
                self.exprs(args);
                self.s(", keywords=");
                self.list(keywords, |d, k| d.keyword(k));
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.s("FormattedValue(value=");
                self.expr(value);
                let conv = conversion.map_or(-1, |c| c as i64);
                let _ = write!(self.out, ", conversion={conv}");
                self.opt_box("format_spec", format_spec);
            }
            ExprKind::JoinedStr(v) => {
                self.s("JoinedStr(values=");
                self.pos = false;
                self.exprs(v);
            }
            ExprKind::Constant(c) => {
                self.s("Constant(value=");
                self.constant(c);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.s("Attribute(value=");
                self.expr(value);
                let _ = write!(
                    self.out,
                    ", attr={}, ctx={}",
                    json_str(attr),
                    ctx_name(*ctx)
                );
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.s("Subscript(value=");
                self.expr(value);
                self.field("slice", slice);
                let _ = write!(self.out, ", ctx={}", ctx_name(*ctx));
            }
            ExprKind::Starred { value, ctx } => {
                self.s("Starred(value=");
                self.expr(value);
                let _ = write!(self.out, ", ctx={}", ctx_name(*ctx));
            }
            ExprKind::Name { id, ctx } => {
                let _ = write!(self.out, "Name(id={}, ctx={}", json_str(id), ctx_name(*ctx));
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                self.s(if matches!(e.kind, ExprKind::List { .. }) {
                    "List(elts="
                } else {
                    "Tuple(elts="
                });
                self.exprs(elts);
                let _ = write!(self.out, ", ctx={}", ctx_name(*ctx));
            }
            ExprKind::Slice { lower, upper, step } => {
                self.s("Slice(");
                let start = self.out.len();
                for (n, v) in [("lower", lower), ("upper", upper), ("step", step)] {
                    if let Some(v) = v {
                        if self.out.len() > start {
                            self.s(", ");
                        }
                        let _ = write!(self.out, "{n}=");
                        self.expr(v);
                    }
                }
            }
        }
        self.pos = saved_pos;
        self.s(")");
        self.span(e.span);
        self.depth -= 1;
    }
}
