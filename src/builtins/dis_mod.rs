//! `_dis`: what the `dis` module (src/builtins/lib/dis.py) needs from the
//! disassembler (src/dis.rs): a code object's text, its instructions as rows, and the
//! opcode names. `adaptive` shows the instructions as they run now, with the
//! specialized forms quickening put in (vm/quick.rs).

use crate::bytecode::Op;
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::code::Code;
use crate::objects::exceptions::{type_error, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, int, list, string, tuple};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

use super::sys::new_module;

static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "disassemble",
        func: disassemble,
    },
    MethodDef {
        name: "instructions",
        func: instructions,
    },
    MethodDef {
        name: "opnames",
        func: opnames,
    },
];

pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, _) = new_module(vm, "_dis", FUNCTIONS)?;
    Ok(m)
}

/// The (code, adaptive) arguments.
fn code_arg<'a>(args: &Args<'a>, what: &str) -> VmResult<(&'a PyObj, bool)> {
    let pos = args.pos();
    let (Some(code), adaptive) = (pos.first(), pos.get(1)) else {
        return Err(type_error(format!("{what}() needs a code object")));
    };
    if code.borrow::<Code>().is_err() {
        return Err(type_error(format!("{what}() needs a code object")));
    }
    let adaptive = adaptive.is_some_and(|a| a.is(&ctx().true_));
    Ok((code, adaptive))
}

fn disassemble(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (code, adaptive) = code_arg(&args, "disassemble")?;
    Ok(string::new(&crate::dis::disassemble_as(code, adaptive)))
}

/// The value an instruction's argument stands for (dis's argval).
fn argval(code: &Code, op: Op, arg: u32) -> PyObj {
    let pick = |v: &[PyObj]| v.get(arg as usize).cloned();
    let v = match op {
        Op::LOAD_CONST | Op::KW_NAMES => pick(&code.consts),
        Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST => pick(&code.varnames),
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
        | Op::IMPORT_FROM => pick(&code.names),
        _ => None,
    };
    v.unwrap_or_else(|| int::new_i64(arg as i64))
}

fn instructions(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (obj, adaptive) = code_arg(&args, "instructions")?;
    let code = obj.borrow::<Code>().expect("checked");
    let none = || ctx().none.clone();
    let rows = crate::dis::rows(&code, adaptive);
    let items = rows
        .into_iter()
        .map(|r| {
            let family = Op::ALL[r.opcode as usize].deopt();
            tuple::new(vec![
                string::new(r.opname),
                int::new_i64(r.opcode as i64),
                r.arg.map_or_else(none, |a| int::new_i64(a as i64)),
                r.arg.map_or_else(none, |a| argval(&code, family, a)),
                string::new(&r.argrepr),
                int::new_i64(r.offset as i64),
                r.starts_line.map_or_else(none, |l| int::new_i64(l as i64)),
                bool_obj(r.is_jump_target),
            ])
        })
        .collect();
    Ok(list::new_exact(items))
}

fn opnames(_rt: &mut dyn Runtime, _args: Args<'_>) -> VmResult<PyObj> {
    Ok(list::new_exact(
        Op::ALL.iter().map(|o| string::new(o.name())).collect(),
    ))
}
