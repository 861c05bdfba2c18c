//! compile(), exec() and eval(): source text compiled in the three modes (SyntaxError
//! instances with `<string>` locations for bad text), code objects run with given or
//! the caller's globals and locals (any mapping for the locals), and `__builtins__`
//! put into globals that lack it, as CPython does.

use crate::compiler::{self, CompileError};
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::code::Code;
use crate::objects::exceptions::{self, type_error, value_error, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, dict, int, string, typeobj};
use crate::vm::exec::compile_error;
use crate::vm::Vm;

/// The builtins exec / eval / compile.
pub static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "compile",
        func: compile,
    },
    MethodDef {
        name: "exec",
        func: exec,
    },
    MethodDef {
        name: "eval",
        func: eval,
    },
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
    Single,
}

/// Compile source text in `mode`.
fn compile_text(src: &str, filename: &str, mode: Mode) -> VmResult<PyObj> {
    if src.contains('\0') {
        return Err(exceptions::named(
            "SyntaxError",
            "source code string cannot contain null bytes",
        ));
    }
    let r = match mode {
        Mode::Exec => compiler::compile_source(src, filename),
        Mode::Eval => compiler::compile_eval_source(src, filename),
        Mode::Single => crate::parser::parse_interactive(src, filename)
            .map_err(CompileError::Syntax)
            .and_then(|m| compiler::compile_interactive(&m, filename)),
    };
    r.map_err(|e| compile_error(&e))
}

fn is_code(o: &PyObj) -> bool {
    o.is_a::<Code>()
}

/// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)
fn compile(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic(
        "compile",
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
    )?;
    let source = a[0].expect("required");
    let filename = super::io::fspath(vm, a[1].expect("required"), "compile")?;
    let filename = string::as_str(&filename).unwrap_or_default().into_owned();
    let mode_o = a[2].expect("required");
    let Some(mode_s) = string::as_str(mode_o) else {
        return Err(type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            typeobj::type_name(mode_o)
        )));
    };
    let mode = match mode_s.as_ref() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => {
            return Err(value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    };
    for (i, name) in [(3, "flags"), (5, "optimize")] {
        if let Some(v) = a[i] {
            if int::value(v).is_none() {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    typeobj::type_name(v)
                )));
            }
            let _ = name;
        }
    }
    if is_code(source) {
        return Ok(source.clone());
    }
    let Some(src) = string::as_str(source) else {
        return Err(type_error(
            "compile() arg 1 must be a string, bytes or AST object",
        ));
    };
    compile_text(&src, &filename, mode)
}

/// The caller's globals and locals (the frame that called exec / eval).
fn caller_namespaces(vm: &mut Vm) -> VmResult<(PyObj, PyObj)> {
    let g = match vm.frames.len() {
        0 => vm.builtins.clone(),
        n => vm.frame_globals(n - 1),
    };
    let l = super::functions::frame_locals(vm)?;
    Ok((g, l))
}

fn is_mapping(vm: &mut Vm, o: &PyObj) -> VmResult<bool> {
    if dict::len(o).is_some() {
        return Ok(true);
    }
    let key = string::intern_str("__getitem__");
    Ok(vm.type_lookup(&o.type_obj(), &key)?.is_some())
}

/// The globals and locals exec / eval run with, `__builtins__` put into the globals
/// when missing.
fn namespaces(
    vm: &mut Vm,
    fname: &str,
    globals: Option<&PyObj>,
    locals: Option<&PyObj>,
) -> VmResult<(PyObj, Option<PyObj>)> {
    let none = &ctx().none;
    let globals = globals.filter(|g| !g.is(none));
    let locals = locals.filter(|l| !l.is(none));
    if let Some(g) = globals {
        if dict::len(g).is_none() {
            return Err(type_error(if fname == "exec" {
                format!(
                    "exec() globals must be a dict, not {}",
                    typeobj::type_name(g)
                )
            } else if is_mapping(vm, g)? {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            }));
        }
    }
    if let Some(l) = locals {
        if !is_mapping(vm, l)? {
            return Err(type_error(if fname == "exec" {
                format!(
                    "locals must be a mapping or None, not {}",
                    typeobj::type_name(l)
                )
            } else {
                "locals must be a mapping".to_string()
            }));
        }
    }
    let (g, l) = match (globals, locals) {
        (None, None) => {
            let (g, l) = caller_namespaces(vm)?;
            (g, Some(l))
        }
        (None, Some(l)) => (caller_namespaces(vm)?.0, Some(l.clone())),
        (Some(g), l) => (g.clone(), l.cloned()),
    };
    if vm.dict_get_str(&g, "__builtins__").is_none() {
        let b = match vm.frames.len() {
            0 => vm.builtins.clone(),
            n => vm.frame_builtins(n - 1),
        };
        vm.dict_set_str(&g, "__builtins__", b)?;
    }
    Ok((g, l))
}

fn run(vm: &mut Vm, code: PyObj, g: PyObj, l: Option<PyObj>, fname: &str) -> VmResult<PyObj> {
    let nfree = code.get::<Code>().map_or(0, |c| c.freevars.len());
    if nfree > 0 {
        let _ = fname;
        return Err(type_error(format!(
            "code object requires a closure of exactly length {nfree}"
        )));
    }
    vm.run_code(code, g, l)
}

/// exec(source, globals=None, locals=None, /, *, closure=None)
fn exec(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.only_kw("exec", &["closure"])?;
    let pos = args.pos();
    crate::objects::args::check_positional("exec", pos.len(), 1, 3)?;
    if args.kw("closure").is_some_and(|c| !c.is(&ctx().none)) {
        return Err(type_error(
            "closure can only be used when source is a code object",
        ));
    }
    let source = &pos[0];
    let code = if is_code(source) {
        source.clone()
    } else if let Some(src) = string::as_str(source) {
        let (g, l) = namespaces(vm, "exec", pos.get(1), pos.get(2))?;
        let code = compile_text(&src, "<string>", Mode::Exec)?;
        run(vm, code, g, l, "exec")?;
        return Ok(ctx().none.clone());
    } else {
        return Err(type_error(
            "exec() arg 1 must be a string, bytes or code object",
        ));
    };
    let (g, l) = namespaces(vm, "exec", pos.get(1), pos.get(2))?;
    run(vm, code, g, l, "exec")?;
    Ok(ctx().none.clone())
}

/// eval(source, globals=None, locals=None, /)
fn eval(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("eval")?;
    let pos = args.pos();
    crate::objects::args::check_positional("eval", pos.len(), 1, 3)?;
    let source = &pos[0];
    let code = if is_code(source) {
        None
    } else if string::view(source).is_some() {
        Some(string::as_str(source).unwrap_or_default().into_owned())
    } else {
        return Err(type_error(
            "eval() arg 1 must be a string, bytes or code object",
        ));
    };
    let (g, l) = namespaces(vm, "eval", pos.get(1), pos.get(2))?;
    let code = match code {
        None => source.clone(),
        Some(src) => {
            let src = src.trim_start_matches([' ', '\t']);
            compile_text(src, "<string>", Mode::Eval)?
        }
    };
    run(vm, code, g, l, "eval")
}
