//! Code generation for expressions: constant folding on the way, displays (with
//! CPython's BUILD_* / *_EXTEND choices), calls, comparisons, conditional jumps,
//! lambdas, comprehensions (nested functions) and f-strings.

use crate::bytecode::Op;
use crate::parser::ast::*;

use super::builder::Label;
use super::consts::{self, CVal};
use super::stmt::binop_arg;
use super::symtable::node_key;
use super::{CompileErr, Compiler};

type R = Result<(), CompileErr>;

/// CPython's STACK_USE_GUIDELINE: above this, displays are built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

fn cmp_op(op: CmpOp) -> (Op, u32) {
    match op {
        CmpOp::Lt => (Op::COMPARE_OP, 0),
        CmpOp::LtE => (Op::COMPARE_OP, 1),
        CmpOp::Eq => (Op::COMPARE_OP, 2),
        CmpOp::NotEq => (Op::COMPARE_OP, 3),
        CmpOp::Gt => (Op::COMPARE_OP, 4),
        CmpOp::GtE => (Op::COMPARE_OP, 5),
        CmpOp::Is => (Op::IS_OP, 0),
        CmpOp::IsNot => (Op::IS_OP, 1),
        CmpOp::In => (Op::CONTAINS_OP, 0),
        CmpOp::NotIn => (Op::CONTAINS_OP, 1),
    }
}

/// Which display a sequence builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    /// The compile-time value of `e`, if CPython's AST optimizer makes it a constant.
    pub(crate) fn fold(&mut self, e: &Expr) -> Option<CVal> {
        let key = node_key(e);
        if let Some(v) = self.fold_memo.get(&key) {
            return v.clone();
        }
        let v = match &e.kind {
            ExprKind::Constant(c) => CVal::from_constant(c),
            // The optimizer replaces __debug__ with True (no -O here).
            ExprKind::Name { id, ctx } if id == "__debug__" && *ctx == ExprContext::Load => {
                Some(CVal::True)
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.fold(operand);
                v.and_then(|v| consts::fold_unary(*op, &v))
            }
            ExprKind::BinOp { left, op, right } => {
                let l = self.fold(left);
                let r = self.fold(right);
                match (l, r) {
                    (Some(l), Some(r)) => consts::fold_binary(*op, &l, &r),
                    _ => None,
                }
            }
            ExprKind::Subscript {
                value,
                slice,
                ctx: ExprContext::Load,
            } => {
                let v = self.fold(value);
                let i = self.fold(slice);
                match (v, i) {
                    (Some(v), Some(i)) => consts::fold_subscript(&v, &i),
                    _ => None,
                }
            }
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            } => {
                let mut out = Vec::with_capacity(elts.len());
                let mut all = true;
                for x in elts {
                    match self.fold(x) {
                        Some(v) if !is_starred(x) => out.push(v),
                        _ => all = false,
                    }
                }
                all.then_some(CVal::Tuple(out))
            }
            _ => None,
        };
        self.fold_memo.insert(key, v.clone());
        v
    }

    pub(crate) fn expr(&mut self, e: &'a Expr) -> R {
        self.depth.enter()?;
        self.set_loc(e.span);
        let r = self.expr_inner(e);
        self.depth.leave();
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        if !matches!(e.kind, ExprKind::Constant(_)) {
            if let Some(v) = self.fold(e) {
                self.load_const(&v);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::Constant(c) => match CVal::from_constant(c) {
                Some(v) => self.load_const(&v),
                None => return Err(super::unsupported("complex numbers", e.span)),
            },
            ExprKind::Name { id, ctx } => self.name_op(id, *ctx),
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_loc(e.span);
                self.emit(Op::BINARY_OP, binop_arg(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.set_loc(e.span);
                let op = match op {
                    UnaryOp::Invert => Op::UNARY_INVERT,
                    UnaryOp::Not => Op::UNARY_NOT,
                    UnaryOp::UAdd => Op::UNARY_POSITIVE,
                    UnaryOp::USub => Op::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.label();
                let jump = match op {
                    BoolOp::And => Op::JUMP_IF_FALSE_OR_POP,
                    BoolOp::Or => Op::JUMP_IF_TRUE_OR_POP,
                };
                let (last, init) = values.split_last().expect("two or more values");
                for v in init {
                    self.expr(v)?;
                    self.set_loc(e.span);
                    self.jump(jump, end);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.set_loc(e.span);
                self.emit(Op::COPY, 1);
                self.store_target(target)?;
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(e, left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.label();
                let other = self.label();
                self.jump_if(test, other, false)?;
                self.expr(body)?;
                self.set_loc(e.span);
                self.jump(Op::JUMP, end);
                self.bind(other);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                self.set_loc(e.span);
                let i = self.name_idx(attr);
                let op = match ctx {
                    ExprContext::Load => Op::LOAD_ATTR,
                    ExprContext::Store => Op::STORE_ATTR,
                    ExprContext::Del => Op::DELETE_ATTR,
                };
                self.emit(op, i);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscript(e, value, slice);
                }
                self.expr(value)?;
                self.expr(slice)?;
                self.set_loc(e.span);
                self.emit(Op::BINARY_SUBSCR, 0);
            }
            ExprKind::Slice { lower, upper, step } => {
                for b in [lower, upper] {
                    match b {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(&CVal::None),
                    }
                }
                let mut n = 2;
                if let Some(s) = step {
                    self.expr(s)?;
                    n = 3;
                }
                self.set_loc(e.span);
                self.emit(Op::BUILD_SLICE, n);
            }
            ExprKind::Starred { .. } => {
                let msg = "can't use starred expression here";
                return Err(CompileErr::syntax(msg.into(), e.span));
            }
            ExprKind::Tuple { elts, .. } => self.sequence(elts, Seq::Tuple, e.span, 0)?,
            ExprKind::List { elts, .. } => self.sequence(elts, Seq::List, e.span, 0)?,
            ExprKind::Set(elts) => self.sequence(elts, Seq::Set, e.span, 0)?,
            ExprKind::Dict { keys, values } => self.dict(e, keys, values)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, elt, None)?
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.set_loc(e.span);
                        self.load_const(&CVal::None);
                    }
                }
                self.set_loc(e.span);
                self.emit(Op::YIELD_VALUE, 0);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.set_loc(e.span);
                self.emit(Op::GET_YIELD_FROM_ITER, 0);
                self.load_const(&CVal::None);
                let send = self.label();
                let exit = self.label();
                self.bind(send);
                self.jump(Op::SEND, exit);
                self.emit(Op::YIELD_VALUE, 0);
                self.jump(Op::JUMP, send);
                self.bind(exit);
            }
            ExprKind::JoinedStr(parts) => self.joined_str(e, parts)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut arg = match conversion {
                    None => 0,
                    Some('s') => 1,
                    Some('r') => 2,
                    Some(_) => 3,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    arg |= 4;
                }
                self.set_loc(e.span);
                self.emit(Op::FORMAT_VALUE, arg);
            }
        }
        Ok(())
    }

    /// Compile a condition and jump to `target` when its truth equals `cond`.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> R {
        self.depth.enter()?;
        let r = self.jump_if_inner(e, target, cond);
        self.depth.leave();
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> R {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if self.fold(e).is_none() => return self.jump_if(operand, target, !cond),
            ExprKind::BoolOp { op, values } => {
                let is_or = *op == BoolOp::Or;
                let (last, init) = values.split_last().expect("two or more values");
                let next2 = if is_or == cond {
                    None
                } else {
                    Some(self.label())
                };
                for v in init {
                    match next2 {
                        Some(n) => self.jump_if(v, n, is_or)?,
                        None => self.jump_if(v, target, cond)?,
                    }
                }
                self.jump_if(last, target, cond)?;
                if let Some(n) = next2 {
                    self.bind(n);
                }
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && self.fold(e).is_none() => {
                return self.chain_jump(e, left, ops, comparators, target, cond);
            }
            _ => {}
        }
        if let Some(v) = self.fold(e) {
            if v.truthy() == cond {
                self.set_loc(e.span);
                self.jump(Op::JUMP, target);
            }
            return Ok(());
        }
        self.expr(e)?;
        self.set_loc(e.span);
        let op = if cond {
            Op::POP_JUMP_IF_TRUE
        } else {
            Op::POP_JUMP_IF_FALSE
        };
        self.jump(op, target);
        Ok(())
    }

    fn compare(&mut self, e: &'a Expr, left: &'a Expr, ops: &[CmpOp], cmps: &'a [Expr]) -> R {
        let cleanup = self.label();
        self.compare_links(e, left, ops, cmps, Op::JUMP_IF_FALSE_OR_POP, cleanup)?;
        if ops.len() == 1 {
            return Ok(());
        }
        let end = self.label();
        self.jump(Op::JUMP, end);
        self.bind(cleanup);
        self.emit(Op::SWAP, 2);
        self.emit(Op::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// A chained comparison as a condition (as CPython compiles one under `if` or
    /// `while`): each link but the last jumps, when false, to a cleanup that drops the
    /// operand kept for the next link; the last jumps to `target` itself. No bool is
    /// pushed and tested between the links, and each comparison is followed by its
    /// conditional jump (so COMPARE_OP_*_JUMP can take both).
    fn chain_jump(
        &mut self,
        e: &'a Expr,
        left: &'a Expr,
        ops: &[CmpOp],
        cmps: &'a [Expr],
        target: Label,
        cond: bool,
    ) -> R {
        let cleanup = self.label();
        self.compare_links(e, left, ops, cmps, Op::POP_JUMP_IF_FALSE, cleanup)?;
        let jump = if cond {
            Op::POP_JUMP_IF_TRUE
        } else {
            Op::POP_JUMP_IF_FALSE
        };
        self.jump(jump, target);
        let end = self.label();
        self.jump(Op::JUMP, end);
        self.bind(cleanup);
        self.emit(Op::POP_TOP, 0);
        if !cond {
            self.jump(Op::JUMP, target);
        }
        self.bind(end);
        Ok(())
    }

    /// The comparisons of `left ops[0] cmps[0] ops[1] ...`, left to right: each link
    /// but the last keeps its right operand for the next (SWAP, COPY) and is followed
    /// by `link_jump` to `cleanup` (bound by the caller; unused for one comparison);
    /// the last leaves its result on the stack.
    fn compare_links(
        &mut self,
        e: &'a Expr,
        left: &'a Expr,
        ops: &[CmpOp],
        cmps: &'a [Expr],
        link_jump: Op,
        cleanup: Label,
    ) -> R {
        self.check_compare(e, left, ops, cmps);
        self.expr(left)?;
        let last = ops.len() - 1;
        for i in 0..last {
            self.expr(&cmps[i])?;
            self.set_loc(e.span);
            self.emit(Op::SWAP, 2);
            self.emit(Op::COPY, 2);
            let (op, arg) = cmp_op(ops[i]);
            self.emit(op, arg);
            self.jump(link_jump, cleanup);
        }
        self.contains_operand(ops[last], &cmps[last])?;
        self.set_loc(e.span);
        let (op, arg) = cmp_op(ops[last]);
        self.emit(op, arg);
        Ok(())
    }

    /// The right operand of a comparison: for `in` / `not in`, a list display becomes
    /// a tuple and a set of constants a frozenset constant (CPython's fold_compare).
    fn contains_operand(&mut self, op: CmpOp, e: &'a Expr) -> R {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iter_expr(e)
        } else {
            self.expr(e)
        }
    }

    /// An iterable in `for` / `in`: CPython's fold_iter (list -> tuple, constant set ->
    /// frozenset).
    pub(crate) fn iter_expr(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::List { elts, .. } => {
                self.set_loc(e.span);
                let folded: Option<Vec<CVal>> = elts
                    .iter()
                    .map(|x| if is_starred(x) { None } else { self.fold(x) })
                    .collect();
                match folded {
                    Some(v) => {
                        self.load_const(&CVal::Tuple(v));
                        Ok(())
                    }
                    None => self.sequence(elts, Seq::Tuple, e.span, 0),
                }
            }
            ExprKind::Set(elts) => {
                let folded: Option<Vec<CVal>> = elts
                    .iter()
                    .map(|x| if is_starred(x) { None } else { self.fold(x) })
                    .collect();
                match folded {
                    Some(v) => {
                        self.set_loc(e.span);
                        self.load_const(&consts::frozenset_of(v));
                        Ok(())
                    }
                    None => self.expr(e),
                }
            }
            _ => self.expr(e),
        }
    }

    /// Push a tuple of the given expressions (a constant when they all fold).
    pub(crate) fn tuple_of(&mut self, elts: &'a [Expr]) -> R {
        let folded: Option<Vec<CVal>> = elts.iter().map(|x| self.fold(x)).collect();
        match folded {
            Some(v) => self.load_const(&CVal::Tuple(v)),
            None => {
                for x in elts {
                    self.expr(x)?;
                }
                self.emit(Op::BUILD_TUPLE, elts.len() as u32);
            }
        }
        Ok(())
    }

    /// A list / tuple / set display, as CPython's starunpack_helper; `pushed` items
    /// already on the stack go first (a class's body function and name).
    fn sequence(&mut self, elts: &'a [Expr], kind: Seq, span: Span, pushed: u32) -> R {
        let (build, add, extend) = match kind {
            Seq::List | Seq::Tuple => (Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND),
            Seq::Set => (Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE),
        };
        let n = elts.len();
        if n > 2 {
            let folded: Option<Vec<CVal>> = elts
                .iter()
                .map(|x| if is_starred(x) { None } else { self.fold(x) })
                .collect();
            if let Some(v) = folded {
                self.set_loc(span);
                match kind {
                    Seq::Tuple if pushed == 0 => self.load_const(&CVal::Tuple(v)),
                    Seq::Tuple => {
                        self.emit(build, pushed);
                        self.load_const(&CVal::Tuple(v));
                        self.emit(extend, 1);
                        self.emit(Op::LIST_TO_TUPLE, 0);
                    }
                    Seq::List => {
                        self.emit(build, pushed);
                        self.load_const(&CVal::Tuple(v));
                        self.emit(extend, 1);
                    }
                    Seq::Set => {
                        self.emit(build, pushed);
                        self.load_const(&consts::frozenset_of(v));
                        self.emit(extend, 1);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let starred = elts.iter().any(is_starred);
        if !starred && !big {
            for x in elts {
                self.expr(x)?;
            }
            self.set_loc(span);
            let op = if kind == Seq::Tuple {
                Op::BUILD_TUPLE
            } else {
                build
            };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.set_loc(span);
            self.emit(build, pushed);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.kind {
                if !built {
                    self.set_loc(span);
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(value)?;
                self.set_loc(span);
                self.emit(extend, 1);
            } else {
                self.expr(x)?;
                if built {
                    self.set_loc(span);
                    self.emit(add, 1);
                }
            }
        }
        if kind == Seq::Tuple {
            self.set_loc(span);
            self.emit(Op::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn dict(&mut self, e: &'a Expr, keys: &'a [Option<Expr>], values: &'a [Expr]) -> R {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(e, keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Op::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.set_loc(e.span);
                    self.emit(Op::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.set_loc(e.span);
                self.emit(Op::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(e, keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Op::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(e, keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Op::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.set_loc(e.span);
            self.emit(Op::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// Entries begin..end (all with keys) as one dict, CPython's compiler_subdict.
    fn subdict(
        &mut self,
        e: &'a Expr,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> R {
        let n = end - begin;
        let key = |i: usize| keys[i].as_ref().expect("a key");
        if n > 1 {
            let folded: Option<Vec<CVal>> = (begin..end).map(|i| self.fold(key(i))).collect();
            if let Some(ks) = folded {
                for v in &values[begin..end] {
                    self.expr(v)?;
                }
                self.set_loc(e.span);
                self.load_const(&CVal::Tuple(ks));
                self.emit(Op::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.set_loc(e.span);
            self.emit(Op::BUILD_MAP, 0);
        }
        for (k, v) in keys[begin..end].iter().zip(&values[begin..end]) {
            self.expr(k.as_ref().expect("a key"))?;
            self.expr(v)?;
            if big {
                self.set_loc(e.span);
                self.emit(Op::MAP_ADD, 1);
            }
        }
        self.set_loc(e.span);
        if !big {
            self.emit(Op::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], kws: &'a [Keyword]) -> R {
        self.check_keywords(kws)?;
        self.check_caller(e, func);
        let simple = !args.iter().any(is_starred) && kws.iter().all(|k| k.arg.is_some());
        match &func.kind {
            ExprKind::Attribute {
                value,
                attr,
                ctx: ExprContext::Load,
            } if simple && args.len() + kws.len() < STACK_USE_GUIDELINE => {
                self.expr(value)?;
                self.set_loc(func.span);
                let i = self.name_idx(attr);
                self.emit(Op::LOAD_METHOD, i);
            }
            _ => {
                self.set_loc(func.span);
                self.emit(Op::PUSH_NULL, 0);
                self.expr(func)?;
            }
        }
        self.call_args(e.span, 0, args, kws)
    }

    /// The arguments and the CALL / CALL_FUNCTION_EX of a call whose callable (and
    /// `pushed` leading arguments) are already on the stack (CPython's call_helper).
    pub(crate) fn call_args(
        &mut self,
        span: Span,
        pushed: u32,
        args: &'a [Expr],
        kws: &'a [Keyword],
    ) -> R {
        let simple = !args.iter().any(is_starred) && kws.iter().all(|k| k.arg.is_some());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            for k in kws {
                self.expr(&k.value)?;
            }
            self.set_loc(span);
            if !kws.is_empty() {
                let names = kws
                    .iter()
                    .map(|k| CVal::Ident(k.arg.clone().expect("named")))
                    .collect();
                let i = self.const_idx(&CVal::Tuple(names));
                self.emit(Op::KW_NAMES, i);
            }
            self.emit(Op::CALL, pushed + (args.len() + kws.len()) as u32);
            return Ok(());
        }
        // f(*args, **kwargs): a tuple of positionals, then maybe a dict.
        if args.iter().any(is_starred) || pushed > 0 {
            self.sequence(args, Seq::Tuple, span, pushed)?;
        } else {
            self.tuple_of(args)?;
        }
        let mut have_dict = false;
        let mut seen = 0;
        for (i, k) in kws.iter().enumerate() {
            if k.arg.is_none() {
                if seen > 0 {
                    self.subkwargs(span, &kws[i - seen..i])?;
                    if have_dict {
                        self.emit(Op::DICT_MERGE, 1);
                    }
                    have_dict = true;
                    seen = 0;
                }
                if !have_dict {
                    self.set_loc(span);
                    self.emit(Op::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&k.value)?;
                self.set_loc(span);
                self.emit(Op::DICT_MERGE, 1);
            } else {
                seen += 1;
            }
        }
        if seen > 0 {
            self.subkwargs(span, &kws[kws.len() - seen..])?;
            if have_dict {
                self.emit(Op::DICT_MERGE, 1);
            }
            have_dict = true;
        }
        self.set_loc(span);
        self.emit(Op::CALL_FUNCTION_EX, have_dict as u32);
        Ok(())
    }

    /// A run of `name=value` keywords as one dict.
    fn subkwargs(&mut self, span: Span, kws: &'a [Keyword]) -> R {
        let name = |k: &Keyword| CVal::Ident(k.arg.clone().expect("named"));
        if kws.len() > 1 {
            for k in kws {
                self.expr(&k.value)?;
            }
            self.set_loc(span);
            self.load_const(&CVal::Tuple(kws.iter().map(name).collect()));
            self.emit(Op::BUILD_CONST_KEY_MAP, kws.len() as u32);
        } else {
            for k in kws {
                self.load_const(&name(k));
                self.expr(&k.value)?;
            }
            self.set_loc(span);
            self.emit(Op::BUILD_MAP, kws.len() as u32);
        }
        Ok(())
    }

    /// "keyword argument repeated: x", at the repeated keyword.
    pub(crate) fn check_keywords(&self, kws: &[Keyword]) -> R {
        for (i, k) in kws.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if kws[..i].iter().any(|p| p.arg.as_ref() == Some(name)) {
                let msg = format!("keyword argument repeated: {name}");
                return Err(CompileErr::syntax(msg, k.span));
            }
        }
        Ok(())
    }

    fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> R {
        let flags = self.arg_defaults(args)?;
        let scope = self.table.by_node[&node_key(e)];
        let qualname = self.qualname("<lambda>", false);
        self.enter_unit(scope, "<lambda>".into(), qualname, e.span.line);
        self.set_arg_counts(args);
        self.const_idx(&CVal::None); // a lambda has no docstring: None is consts[0]
        if let Err(err) = self.expr(body) {
            self.units.pop();
            return Err(err);
        }
        self.set_loc(body.span);
        self.emit(Op::RETURN_VALUE, 0);
        let code = self.leave_unit(None);
        self.set_loc(e.span);
        self.make_function(code, scope, flags);
        Ok(())
    }

    /// A comprehension: a nested function called with the outermost iterator.
    fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        gens: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        let scope = self.table.by_node[&node_key(e)];
        let qualname = self.qualname(name, false);
        self.enter_unit(scope, name.into(), qualname, e.span.line);
        self.u().argcount = 1;
        let r = self.comprehension_body(e, name, gens, elt, value);
        if r.is_err() {
            self.units.pop();
            return r;
        }
        let code = self.leave_unit(None);
        self.set_loc(e.span);
        self.make_function(code, scope, 0);
        self.iter_expr(&gens[0].iter)?;
        self.set_loc(e.span);
        self.emit(Op::GET_ITER, 0);
        // As CPython: no NULL; CALL 0 sees (function, iterator) as (method, self),
        // so the stack is one item shallower (co_stacksize, generator sizes).
        self.emit(Op::CALL, 0);
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        e: &'a Expr,
        name: &str,
        gens: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        self.set_loc(e.span);
        let (build, add) = match name {
            "<listcomp>" => (Some(Op::BUILD_LIST), Op::LIST_APPEND),
            "<setcomp>" => (Some(Op::BUILD_SET), Op::SET_ADD),
            "<genexpr>" => (None, Op::YIELD_VALUE),
            _ => (Some(Op::BUILD_MAP), Op::MAP_ADD),
        };
        if let Some(build) = build {
            self.emit(build, 0);
        }
        let mut loops: Vec<(Label, Label, Label)> = Vec::with_capacity(gens.len());
        for (i, g) in gens.iter().enumerate() {
            let start = self.label();
            let if_cleanup = self.label();
            let anchor = self.label();
            if i == 0 {
                self.set_loc(e.span);
                self.emit(Op::LOAD_FAST, 0);
            } else {
                self.iter_expr(&g.iter)?;
                self.set_loc(e.span);
                self.emit(Op::GET_ITER, 0);
            }
            self.bind(start);
            self.set_loc(e.span);
            self.jump(Op::FOR_ITER, anchor);
            self.store_target(&g.target)?;
            for cond in &g.ifs {
                self.jump_if(cond, if_cleanup, false)?;
            }
            loops.push((start, if_cleanup, anchor));
        }
        match value {
            Some(v) => {
                self.expr(elt)?;
                self.expr(v)?;
            }
            None => self.expr(elt)?,
        }
        self.set_loc(e.span);
        if build.is_some() {
            self.emit(add, gens.len() as u32 + 1);
        } else {
            self.emit(Op::YIELD_VALUE, 0);
            self.emit(Op::POP_TOP, 0);
        }
        for (start, if_cleanup, anchor) in loops.into_iter().rev() {
            self.bind(if_cleanup);
            self.set_loc(e.span);
            self.jump(Op::JUMP, start);
            self.bind(anchor);
        }
        self.set_loc(e.span);
        if build.is_none() {
            self.load_const(&CVal::None);
        }
        self.emit(Op::RETURN_VALUE, 0);
        Ok(())
    }

    fn joined_str(&mut self, e: &'a Expr, parts: &'a [Expr]) -> R {
        if parts.len() > STACK_USE_GUIDELINE {
            self.set_loc(e.span);
            self.load_const(&CVal::Str(String::new()));
            let i = self.name_idx("join");
            self.emit(Op::LOAD_METHOD, i);
            self.emit(Op::BUILD_LIST, 0);
            for p in parts {
                self.expr(p)?;
                self.set_loc(e.span);
                self.emit(Op::LIST_APPEND, 1);
            }
            self.emit(Op::CALL, 1);
            return Ok(());
        }
        for p in parts {
            self.expr(p)?;
        }
        if parts.len() != 1 {
            self.set_loc(e.span);
            self.emit(Op::BUILD_STRING, parts.len() as u32);
        }
        Ok(())
    }
}
