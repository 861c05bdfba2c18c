//! The disassembler (`glasspy --dis`): every code object, nested ones after their
//! parent, in python3 `dis`'s layout (line, `>>` for jump targets, offset = instruction
//! index, opname, arg, argrepr), then the exception table.

use std::fmt::Write;

use crate::heap::PyObj;
use crate::objects::numeric::intstr::{int_to_decimal, int_to_prefixed};
use crate::objects::numeric::{float_repr, Int};
use crate::objects::unicode::repr::repr_view;
use crate::objects::{ctx, float, int, set, string, tuple};

use crate::bytecode::opcode::{is_jump, BinaryOp, CompareOp, Op};
use crate::objects::code::Code;

/// The repr of a constant (ints, floats, strs, tuples, frozensets, code, singletons).
pub fn const_repr(obj: &PyObj) -> String {
    let c = ctx();
    if obj.is(&c.none) {
        return "None".into();
    }
    if obj.is(&c.true_) {
        return "True".into();
    }
    if obj.is(&c.false_) {
        return "False".into();
    }
    if obj.is(&c.ellipsis) {
        return "Ellipsis".into();
    }
    if let Some(v) = string::view(obj) {
        return repr_view(v);
    }
    if let Some(v) = float::value(obj) {
        return float_repr(v);
    }
    if let Some(z) = crate::objects::complex::value(obj) {
        return crate::objects::numeric::complex::repr(z);
    }
    if let Some(b) = crate::objects::bytes::data(obj) {
        return crate::objects::bytes_algo::repr(b, false);
    }
    if let Some(v) = int::value(obj) {
        return int_repr(&v);
    }
    if let Some(items) = tuple::items(obj) {
        let parts: Vec<String> = items.iter().map(const_repr).collect();
        return match parts.len() {
            1 => format!("({},)", parts[0]),
            _ => format!("({})", parts.join(", ")),
        };
    }
    if let Some(items) = set::elements(obj) {
        let parts: Vec<String> = items.iter().map(const_repr).collect();
        return format!("frozenset({{{}}})", parts.join(", "));
    }
    if let Ok(code) = obj.borrow::<Code>() {
        let name = string::as_str(&code.name).unwrap_or_default().into_owned();
        let file = string::as_str(&code.filename)
            .unwrap_or_default()
            .into_owned();
        return format!(
            "<code object {name} at {:#x}, file \"{file}\", line {}>",
            obj.id(),
            code.firstlineno
        );
    }
    format!("<object at {:#x}>", obj.id())
}

fn int_repr(v: &Int) -> String {
    // Past the int-to-str digit limit, show hex rather than fail.
    int_to_decimal(v).unwrap_or_else(|_| int_to_prefixed(v, 16))
}

fn name_at(list: &[PyObj], i: u32) -> String {
    list.get(i as usize)
        .and_then(|o| string::as_str(o).map(|s| s.into_owned()))
        .unwrap_or_else(|| "?".into())
}

/// The argrepr column for one instruction.
fn argrepr(code: &Code, op: Op, arg: u32) -> String {
    match op {
        Op::LOAD_CONST | Op::KW_NAMES => code
            .consts
            .get(arg as usize)
            .map(const_repr)
            .unwrap_or_default(),
        Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST => name_at(&code.varnames, arg),
        Op::LOAD_DEREF
        | Op::STORE_DEREF
        | Op::DELETE_DEREF
        | Op::LOAD_CLOSURE
        | Op::LOAD_CLASSDEREF => {
            let n = code.cellvars.len() as u32;
            if arg < n {
                name_at(&code.cellvars, arg)
            } else {
                name_at(&code.freevars, arg - n)
            }
        }
        Op::LOAD_GLOBAL
        | Op::STORE_GLOBAL
        | Op::DELETE_GLOBAL
        | Op::LOAD_NAME
        | Op::STORE_NAME
        | Op::DELETE_NAME
        | Op::LOAD_ATTR
        | Op::STORE_ATTR
        | Op::DELETE_ATTR
        | Op::LOAD_METHOD
        | Op::IMPORT_NAME
        | Op::IMPORT_FROM => name_at(&code.names, arg),
        Op::BINARY_OP => {
            let sym = BinaryOp::from_arg(arg).symbol();
            if arg >= BinaryOp::INPLACE {
                format!("{sym}=")
            } else {
                sym.to_string()
            }
        }
        Op::COMPARE_OP => CompareOp::from_arg(arg).symbol().to_string(),
        Op::IS_OP => ["is", "is not"][(arg & 1) as usize].to_string(),
        Op::CONTAINS_OP => ["in", "not in"][(arg & 1) as usize].to_string(),
        Op::FORMAT_VALUE => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            match (conv, arg & 4 != 0) {
                ("", true) => "with format".into(),
                (c, true) => format!("{c}, with format"),
                (c, false) => c.to_string(),
            }
        }
        Op::MAKE_FUNCTION => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            let parts: Vec<&str> = (0..4)
                .filter(|b| arg & (1 << b) != 0)
                .map(|b| names[b])
                .collect();
            parts.join(", ")
        }
        _ if is_jump(op) => format!("to {arg}"),
        _ => String::new(),
    }
}

/// Does the opcode take an argument worth printing?
fn has_arg(op: Op) -> bool {
    !matches!(
        op,
        Op::NOP
            | Op::POP_TOP
            | Op::PUSH_NULL
            | Op::RETURN_VALUE
            | Op::UNARY_NEGATIVE
            | Op::UNARY_POSITIVE
            | Op::UNARY_NOT
            | Op::UNARY_INVERT
            | Op::BINARY_SUBSCR
            | Op::STORE_SUBSCR
            | Op::DELETE_SUBSCR
            | Op::LIST_TO_TUPLE
            | Op::GET_ITER
            | Op::YIELD_VALUE
            | Op::GET_YIELD_FROM_ITER
            | Op::PUSH_EXC_INFO
            | Op::POP_EXCEPT
            | Op::CHECK_EXC_MATCH
            | Op::LOAD_ASSERTION_ERROR
            | Op::LOAD_BUILD_CLASS
            | Op::BEFORE_WITH
            | Op::WITH_EXCEPT_START
            | Op::IMPORT_STAR
            | Op::SETUP_ANNOTATIONS
            | Op::PRINT_EXPR
    )
}

/// The instructions to show: as compiled, or as they run now (`adaptive`: with the
/// specialized forms quickening put in).
fn shown(code: &Code, adaptive: bool) -> Vec<crate::bytecode::Instr> {
    if adaptive {
        code.instrs.iter().map(std::cell::Cell::get).collect()
    } else {
        code.compiled()
    }
}

/// One row of `dis.get_instructions`: opname, opcode, arg (None without one),
/// argrepr, offset, starts_line (None), is_jump_target.
pub struct Row {
    pub opname: &'static str,
    pub opcode: u32,
    pub arg: Option<u32>,
    pub argrepr: String,
    pub offset: usize,
    pub starts_line: Option<u32>,
    pub is_jump_target: bool,
}

/// The rows of one code object (not its nested ones).
pub fn rows(code: &Code, adaptive: bool) -> Vec<Row> {
    let instrs = shown(code, adaptive);
    let targets = jump_targets(code, &instrs);
    let mut last_line = None;
    let mut out = Vec::with_capacity(instrs.len());
    for (idx, (ins, loc)) in instrs.iter().zip(&code.locations).enumerate() {
        let line = (loc.line != 0 && Some(loc.line) != last_line).then_some(loc.line);
        if line.is_some() {
            last_line = line;
        }
        let family = ins.op.deopt();
        let arg = has_arg(family).then_some(ins.arg);
        out.push(Row {
            opname: ins.op.name(),
            opcode: ins.op as u32,
            arg,
            argrepr: if arg.is_some() {
                argrepr(code, family, ins.arg)
            } else {
                String::new()
            },
            offset: idx,
            starts_line: line,
            is_jump_target: targets[idx],
        });
    }
    out
}

/// Which instructions are jump targets (or exception handlers).
fn jump_targets(code: &Code, instrs: &[crate::bytecode::Instr]) -> Vec<bool> {
    let n = instrs.len();
    let mut targets = vec![false; n + 1];
    for i in instrs {
        if is_jump(i.op) && (i.arg as usize) <= n {
            targets[i.arg as usize] = true;
        }
    }
    for e in &code.exception_table {
        if (e.target as usize) <= n {
            targets[e.target as usize] = true;
        }
    }
    targets
}

/// Disassemble one code object (not its nested ones) into `out`.
fn disassemble_one(code: &Code, adaptive: bool, out: &mut String) {
    let instrs = shown(code, adaptive);
    let n = instrs.len();
    let width = n.saturating_sub(1).to_string().len().max(4);
    let targets = jump_targets(code, &instrs);
    let mut last_line = None;
    for (idx, (ins, loc)) in instrs.iter().zip(&code.locations).enumerate() {
        let line = (loc.line != 0 && Some(loc.line) != last_line).then_some(loc.line);
        if line.is_some() {
            if last_line.is_some() {
                out.push('\n');
            }
            last_line = Some(loc.line);
        }
        let mut fields = vec![
            line.map_or("   ".to_string(), |l| format!("{l:>3}")),
            "   ".to_string(),
            if targets[idx] { ">>" } else { "  " }.to_string(),
            format!("{idx:>width$}"),
            format!("{:<20}", ins.op.name()),
        ];
        if has_arg(ins.op.deopt()) {
            fields.push(format!("{:>5}", ins.arg));
            let r = argrepr(code, ins.op.deopt(), ins.arg);
            if !r.is_empty() {
                fields.push(format!("({r})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]",
                e.start,
                e.end.saturating_sub(1),
                e.target,
                e.depth
            );
        }
    }
}

/// A one-line summary of a code object's header, used between code objects.
fn header(obj: &PyObj) -> String {
    format!("Disassembly of {}:\n", const_repr(obj))
}

/// Every code object reachable from `code`, each followed by its nested ones, in
/// python3's `dis.dis` layout. Iterative: nesting depth costs no Rust stack.
pub fn disassemble(code: &PyObj) -> String {
    disassemble_as(code, false)
}

/// `disassemble`, showing the instructions as they run now when `adaptive`.
pub fn disassemble_as(code: &PyObj, adaptive: bool) -> String {
    let mut out = String::new();
    // Depth-first, children in co_consts order after their parent.
    let mut stack: Vec<(PyObj, bool)> = vec![(code.clone(), true)];
    while let Some((obj, top)) = stack.pop() {
        let Ok(c) = obj.borrow::<Code>() else {
            continue;
        };
        if !top {
            out.push('\n');
            out.push_str(&header(&obj));
        }
        disassemble_one(&c, adaptive, &mut out);
        let nested: Vec<PyObj> = c
            .consts
            .iter()
            .filter(|k| k.borrow::<Code>().is_ok())
            .cloned()
            .collect();
        for k in nested.into_iter().rev() {
            stack.push((k, false));
        }
    }
    out
}
