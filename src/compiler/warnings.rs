//! Compile-time SyntaxWarnings, as CPython 3.11's compiler issues them: `is` with a
//! literal, calling or subscripting a literal, bad literal indices, and an assert on a
//! non-empty tuple.

use crate::parser::ast::*;

use super::consts::CVal;
use super::Compiler;

/// A SyntaxWarning raised while compiling; python3 prints it as
/// `{filename}:{lineno}: SyntaxWarning: {message}` and the stripped source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub message: String,
    pub lineno: u32,
}

impl CompileWarning {
    /// What python3 writes to stderr for this warning (the default `warnings` format).
    pub fn render(&self, filename: &str, source: Option<&str>) -> String {
        let mut out = format!(
            "{filename}:{}: SyntaxWarning: {}\n",
            self.lineno, self.message
        );
        let line = source.and_then(|s| s.lines().nth((self.lineno as usize).saturating_sub(1)));
        if let Some(l) = line.map(str::trim).filter(|l| !l.is_empty()) {
            out.push_str("  ");
            out.push_str(l);
            out.push('\n');
        }
        out
    }
}

fn const_type(v: &CVal) -> &'static str {
    match v {
        CVal::None => "NoneType",
        CVal::True | CVal::False => "bool",
        CVal::Ellipsis => "ellipsis",
        CVal::Int(_) => "int",
        CVal::Float(_) => "float",
        CVal::Complex(..) => "complex",
        CVal::Str(_) | CVal::Ident(_) => "str",
        CVal::Bytes(_) => "bytes",
        CVal::Tuple(_) => "tuple",
        CVal::FrozenSet(_) => "frozenset",
    }
}

impl<'a> Compiler<'a> {
    fn warn(&mut self, message: String, span: Span) {
        self.warnings.push(CompileWarning {
            message,
            lineno: span.line,
        });
    }

    /// CPython's infer_type: the type name of a literal-ish expression.
    fn infer_type(&mut self, e: &Expr) -> Option<&'static str> {
        if let Some(v) = self.fold(e) {
            return Some(const_type(&v));
        }
        Some(match &e.kind {
            ExprKind::Tuple { .. } => "tuple",
            ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
            ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
            ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
            ExprKind::GeneratorExp { .. } => "generator",
            ExprKind::Lambda { .. } => "function",
            ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
            ExprKind::Constant(Constant::Complex(_)) => "complex",
            _ => return None,
        })
    }

    /// `x is 1000`: "is" with a literal.
    pub(crate) fn check_compare(&mut self, e: &Expr, left: &Expr, ops: &[CmpOp], cmps: &[Expr]) {
        let is_arg = |c: &mut Self, x: &Expr| match c.fold(x) {
            None => true,
            Some(v) => matches!(v, CVal::None | CVal::True | CVal::False | CVal::Ellipsis),
        };
        let mut left_ok = is_arg(self, left);
        for (op, right) in ops.iter().zip(cmps) {
            let right_ok = is_arg(self, right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_ok && right_ok) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.into(), e.span);
                return;
            }
            left_ok = right_ok;
        }
    }

    /// `(1, 2)(3)`: a literal is not callable.
    pub(crate) fn check_caller(&mut self, call: &Expr, func: &Expr) {
        let literal = self.fold(func).is_some()
            || matches!(
                func.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::Dict { .. }
                    | ExprKind::DictComp { .. }
                    | ExprKind::Set(_)
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::JoinedStr(_)
                    | ExprKind::FormattedValue { .. }
            );
        if literal {
            if let Some(t) = self.infer_type(func) {
                let msg = format!("'{t}' object is not callable; perhaps you missed a comma?");
                self.warn(msg, call.span);
            }
        }
    }

    /// `1[0]`, `[1]['a']`: literals that cannot be subscripted (so).
    pub(crate) fn check_subscript(&mut self, sub: &Expr, value: &Expr, index: &Expr) {
        let folded = self.fold(value);
        let unsubscriptable = match &folded {
            Some(v) => !matches!(
                v,
                CVal::Str(_) | CVal::Ident(_) | CVal::Tuple(_) | CVal::Bytes(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Set(_)
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Lambda { .. }
            ),
        };
        if unsubscriptable {
            if let Some(t) = self.infer_type(value) {
                let msg = format!("'{t}' object is not subscriptable; perhaps you missed a comma?");
                self.warn(msg, sub.span);
            }
            return;
        }
        let Some(index_type) = self.infer_type(index) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match &folded {
            Some(v) => matches!(
                v,
                CVal::Str(_) | CVal::Ident(_) | CVal::Tuple(_) | CVal::Bytes(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::JoinedStr(_)
                    | ExprKind::FormattedValue { .. }
            ),
        };
        if sequence {
            if let Some(t) = self.infer_type(value) {
                let msg = format!(
                    "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                );
                self.warn(msg, sub.span);
            }
        }
    }

    /// `assert (x, "msg")`: always true.
    pub(crate) fn check_assert(&mut self, s: &Stmt, test: &Expr) {
        if matches!(&test.kind, ExprKind::Tuple { elts, .. } if !elts.is_empty()) {
            self.warn(
                "assertion is always true, perhaps remove parentheses?".into(),
                s.span,
            );
        }
    }
}
