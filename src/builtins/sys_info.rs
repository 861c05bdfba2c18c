//! The descriptive part of the sys module: sys.path, the struct sequences (version_info,
//! flags, float_info, int_info, hash_info), implementation, executable, the module name
//! lists, encodings, and sys.stdin.

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, float, int, list, string, tuple};
use crate::vm::Vm;

use super::structseq;

pub static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "getdefaultencoding",
        func: getdefaultencoding,
    },
    MethodDef {
        name: "getfilesystemencoding",
        func: getdefaultencoding,
    },
    MethodDef {
        name: "getfilesystemencodeerrors",
        func: getfilesystemencodeerrors,
    },
    MethodDef {
        name: "exception",
        func: exception,
    },
    MethodDef {
        name: "is_finalizing",
        func: is_finalizing,
    },
    MethodDef {
        name: "getswitchinterval",
        func: getswitchinterval,
    },
    MethodDef {
        name: "setswitchinterval",
        func: setswitchinterval,
    },
    MethodDef {
        name: "gettrace",
        func: gettrace,
    },
    MethodDef {
        name: "getprofile",
        func: gettrace,
    },
    MethodDef {
        name: "settrace",
        func: settrace,
    },
    MethodDef {
        name: "setprofile",
        func: settrace,
    },
    MethodDef {
        name: "call_tracing",
        func: call_tracing,
    },
    MethodDef {
        name: "getallocatedblocks",
        func: getallocatedblocks,
    },
];

/// The hooks, also kept as `__excepthook__` / `__displayhook__`: a program may replace
/// sys.excepthook / sys.displayhook and the interpreter then calls its function.
pub static HOOKS: &[MethodDef] = &[
    MethodDef {
        name: "excepthook",
        func: excepthook,
    },
    MethodDef {
        name: "displayhook",
        func: displayhook,
    },
];

/// sys.exception(): the exception being handled, or None.
fn exception(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("exception")?;
    Ok(vm.handled.clone().unwrap_or_else(|| ctx().none.clone()))
}

fn is_finalizing(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("is_finalizing")?;
    Ok(ctx().false_.clone())
}

/// glasspy runs one thread: the interval is only remembered.
fn getswitchinterval(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("getswitchinterval")?;
    Ok(float::new(SWITCH_INTERVAL.with(|c| c.get())))
}

thread_local! {
    static SWITCH_INTERVAL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.005) };
}

fn setswitchinterval(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.clinic("setswitchinterval", &["interval"], 1)?;
    let v = a[0].expect("required");
    let f = float::value(v)
        .or_else(|| int::as_i64(v).map(|i| i as f64))
        .ok_or_else(|| {
            exceptions::type_error(format!(
                "must be real number, not {}",
                crate::objects::typeobj::type_name(v)
            ))
        })?;
    if f <= 0.0 {
        return Err(exceptions::value_error(
            "switch interval must be strictly positive",
        ));
    }
    SWITCH_INTERVAL.with(|c| c.set(f));
    Ok(ctx().none.clone())
}

/// gettrace() / getprofile(): glasspy has no tracing, so always None.
fn gettrace(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gettrace")?;
    Ok(ctx().none.clone())
}

/// settrace(None) / setprofile(None) are accepted; a function is refused, as glasspy
/// would never call it.
fn settrace(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let f = args.one("settrace")?;
    if !f.is(&ctx().none) {
        return Err(exceptions::named(
            "NotImplementedError",
            "glasspy does not support trace or profile functions",
        ));
    }
    Ok(ctx().none.clone())
}

/// call_tracing(func, args): func(*args).
fn call_tracing(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("call_tracing", 2, 2)?;
    let Some(items) = tuple::items(&a[1]) else {
        return Err(exceptions::type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            crate::objects::typeobj::type_name(&a[1])
        )));
    };
    let items = items.to_vec();
    vm.call(&a[0], Args::positional(&items))
}

/// getallocatedblocks(): the pymalloc blocks in use.
fn getallocatedblocks(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("getallocatedblocks")?;
    let n = crate::heap::pymalloc::global_stats().blocks_in_use();
    Ok(int::new_i64(n as i64))
}

/// sys.excepthook(type, value, traceback): print the exception as an uncaught one.
fn excepthook(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("excepthook", 3, 3)?;
    vm.flush();
    if crate::objects::exceptions::is_exception(&a[1]) {
        let text = vm.format_exception(&a[1]);
        eprint!("{text}");
    } else {
        eprintln!(
            "TypeError: print_exception(): Exception expected for value, {} found",
            crate::objects::typeobj::type_name(&a[1])
        );
    }
    Ok(ctx().none.clone())
}

/// sys.displayhook(value): print repr(value) unless None, and keep it in builtins._.
fn displayhook(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let v = args.one("displayhook")?;
    vm.default_display_hook(v)?;
    Ok(ctx().none.clone())
}

fn getdefaultencoding(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("getdefaultencoding")?;
    Ok(string::intern_str("utf-8"))
}

fn getfilesystemencodeerrors(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("getfilesystemencodeerrors")?;
    Ok(string::intern_str("surrogateescape"))
}

fn i(v: i64) -> PyObj {
    int::new_i64(v)
}

fn s(v: &str) -> PyObj {
    string::intern_str(v)
}

/// Add the descriptive attributes to the sys namespace `d`.
pub fn fill(vm: &mut Vm, d: &PyObj) -> VmResult<()> {
    let c = ctx();
    let none = c.none.clone();
    let set = |vm: &mut Vm, k: &str, v: PyObj| vm.dict_set_str(d, k, v);
    set(vm, "path", vm.imports.path.clone())?;
    let vi_type = structseq::make_type(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    )?;
    let vi = structseq::new(vm, &vi_type, vec![i(3), i(11), i(7), s("final"), i(0)])?;
    set(vm, "version_info", vi.clone())?;
    let hashed = match std::env::var("PYTHONHASHSEED").ok().as_deref() {
        None | Some("random") => 1,
        Some(v) => (v.trim().parse::<u64>().unwrap_or(1) != 0) as i64,
    };
    let flags_type = structseq::make_type(
        vm,
        "sys",
        "flags",
        &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
    )?;
    let f = c.false_.clone();
    let flags = vec![
        i(0),
        i(0),
        i(0),
        i(0),
        i(1),
        i(0),
        i(1),
        i(0),
        i(0),
        i(0),
        i(0),
        i(hashed),
        i(0),
        f.clone(),
        i(0),
        i(0),
        f,
        i(-1),
    ];
    let flags = structseq::new(vm, &flags_type, flags)?;
    set(vm, "flags", flags)?;
    let fi_type = structseq::make_type(
        vm,
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    )?;
    let fi = vec![
        float::new(f64::MAX),
        i(f64::MAX_EXP as i64),
        i(f64::MAX_10_EXP as i64),
        float::new(f64::MIN_POSITIVE),
        i(f64::MIN_EXP as i64),
        i(f64::MIN_10_EXP as i64),
        i(f64::DIGITS as i64),
        i(f64::MANTISSA_DIGITS as i64),
        float::new(f64::EPSILON),
        i(f64::RADIX as i64),
        i(1),
    ];
    let fi = structseq::new(vm, &fi_type, fi)?;
    set(vm, "float_info", fi)?;
    let ii_type = structseq::make_type(
        vm,
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
    )?;
    let ii = structseq::new(vm, &ii_type, vec![i(30), i(4), i(4300), i(640)])?;
    set(vm, "int_info", ii)?;
    let hi_type = structseq::make_type(
        vm,
        "sys",
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
    )?;
    let hi = vec![
        i(64),
        i((1 << 61) - 1),
        i(314159),
        i(0),
        i(1000003),
        s("siphash13"),
        i(64),
        i(128),
        i(0),
    ];
    let hi = structseq::new(vm, &hi_type, hi)?;
    set(vm, "hash_info", hi)?;
    // sys.implementation: a types.SimpleNamespace (types.py takes its type from here).
    let ns_type = structseq::namespace_type(vm)?;
    let imp = vm.call(ns_type.as_obj(), Args::positional(&[]))?;
    for (k, v) in [
        ("name", s("glasspy")),
        ("cache_tag", none.clone()),
        ("version", vi),
        ("hexversion", i(0x030b_07f0)),
    ] {
        vm.setattr(&imp, &s(k), Some(v))?;
    }
    set(vm, "implementation", imp)?;
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    set(vm, "executable", string::new(&exe))?;
    set(vm, "_base_executable", string::new(&exe))?;
    let builtin: Vec<PyObj> = super::BUILTIN_MODULES.iter().map(|n| s(n)).collect();
    set(vm, "builtin_module_names", tuple::new(builtin))?;
    let mut names: Vec<&str> = super::BUILTIN_MODULES.to_vec();
    names.extend(super::bundled::top_level_names());
    let stdlib = ctx().frozenset_type.as_obj().clone();
    let items = list::new_exact(names.iter().map(|n| s(n)).collect());
    let stdlib = vm.call(&stdlib, Args::positional(&[items]))?;
    set(vm, "stdlib_module_names", stdlib)?;
    set(vm, "maxunicode", i(0x10ffff))?;
    set(vm, "dont_write_bytecode", c.true_.clone())?;
    set(vm, "float_repr_style", s("short"))?;
    set(vm, "api_version", i(1013))?;
    set(vm, "warnoptions", list::new_empty())?;
    set(vm, "pycache_prefix", none.clone())?;
    let orig: Vec<PyObj> = std::env::args().map(|a| string::new(&a)).collect();
    set(vm, "orig_argv", list::new_exact(orig))?;
    set(vm, "abiflags", s(""))?;
    set(vm, "platlibdir", s("lib"))?;
    // The folder above the executable's, as CPython derives its prefix.
    let prefix = std::path::Path::new(&exe)
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    for k in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        set(vm, k, string::new(&prefix))?;
    }
    set(
        vm,
        "copyright",
        string::new("glasspy: a Python 3.11 subset in Rust. Python is Copyright (c) 2001-2023 Python Software Foundation."),
    )?;
    let ti_type = structseq::make_type(vm, "sys", "thread_info", &["name", "lock", "version"])?;
    let ti = structseq::new(vm, &ti_type, vec![none.clone(), none.clone(), none])?;
    set(vm, "thread_info", ti)?;
    let sys_name = s("sys");
    for def in HOOKS {
        let f = crate::objects::builtin_function::new(def, None, Some(sys_name.clone()));
        set(vm, def.name, f.clone())?;
        set(vm, &format!("__{}__", def.name), f)?;
    }
    Ok(())
}
