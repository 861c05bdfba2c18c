//! The sys module: argv, exit, sizes and reference counts, interning, the recursion
//! and int-digit limits, the standard text streams, and the helpers the other built-in
//! modules share (module construction, sizes as ints).

use std::io::Write;

use super::none;
use crate::heap::pymalloc::{global_debugmallocstats, printone};
use crate::heap::PyObj;
use crate::objects::args::{as_c_int, number_index, Args};
use crate::objects::builtin_function::{self, MethodDef};
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::numeric::{int_max_str_digits, set_int_max_str_digits};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj;
use crate::objects::{ctx, dict, int, list, module, string, tuple};
use crate::vm::Vm;

// ----- helpers shared by the built-in modules ------------------------------------------

/// A module called `name` whose namespace holds `__name__` and `defs` as builtin
/// functions; returns the module and its namespace dict.
pub(super) fn new_module(
    vm: &mut Vm,
    name: &str,
    defs: &'static [MethodDef],
) -> VmResult<(PyObj, PyObj)> {
    let d = dict::new();
    let mname = string::intern_str(name);
    let none = ctx().none.clone();
    vm.dict_set_str(&d, "__name__", mname.clone())?;
    vm.dict_set_str(&d, "__doc__", none.clone())?;
    // `__loader__` and `__spec__` are filled in when the import system's
    // _frozen_importlib is loaded (src/vm/import.rs).
    vm.dict_set_str(&d, "__package__", string::intern_str(""))?;
    vm.dict_set_str(&d, "__loader__", none.clone())?;
    vm.dict_set_str(&d, "__spec__", none)?;
    for def in defs {
        let f = builtin_function::new(def, None, Some(mname.clone()));
        vm.dict_set_str(&d, def.name, f)?;
    }
    Ok((module::new(mname, d.clone()), d))
}

/// A size as an int (clamped to Py_ssize_t).
pub(super) fn usize_obj(n: usize) -> PyObj {
    int::new_i64(i64::try_from(n).unwrap_or(i64::MAX))
}

// ----- the module ----------------------------------------------------------------------

/// The version this interpreter implements, and its own.
pub const VERSION: &str = concat!("3.11.7 (glasspy ", env!("CARGO_PKG_VERSION"), ")");

static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "exit",
        func: exit,
    },
    MethodDef {
        name: "getsizeof",
        func: getsizeof,
    },
    MethodDef {
        name: "getallocatedblocks",
        func: getallocatedblocks,
    },
    MethodDef {
        name: "getrefcount",
        func: getrefcount,
    },
    MethodDef {
        name: "intern",
        func: intern,
    },
    MethodDef {
        name: "getrecursionlimit",
        func: getrecursionlimit,
    },
    MethodDef {
        name: "setrecursionlimit",
        func: setrecursionlimit,
    },
    MethodDef {
        name: "get_int_max_str_digits",
        func: get_int_max_str_digits,
    },
    MethodDef {
        name: "set_int_max_str_digits",
        func: set_int_max_str_digits_,
    },
    MethodDef {
        name: "exc_info",
        func: exc_info,
    },
    MethodDef {
        name: "_debugmallocstats",
        func: debugmallocstats,
    },
];

/// Build the sys module; also makes sys.stdout / sys.stderr the VM's standard streams.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "sys", FUNCTIONS)?;
    let argv: Vec<PyObj> = vm.argv.iter().map(|a| string::new(a)).collect();
    vm.dict_set_str(&d, "argv", list::new_exact(argv))?;
    vm.dict_set_str(&d, "maxsize", int::new_i64(isize::MAX as i64))?;
    vm.dict_set_str(&d, "version", string::new(VERSION))?;
    vm.dict_set_str(&d, "hexversion", int::new_i64(0x030b_07f0))?;
    let mname = string::intern_str("sys");
    for def in super::sys_info::FUNCTIONS {
        let f = builtin_function::new(def, None, Some(mname.clone()));
        vm.dict_set_str(&d, def.name, f)?;
    }
    super::sys_info::fill(vm, &d)?;
    vm.dict_set_str(&d, "platform", string::intern_str("linux"))?;
    let order = if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    };
    vm.dict_set_str(&d, "byteorder", string::intern_str(order))?;
    vm.dict_set_str(&d, "modules", vm.modules.clone())?;
    let [stdin, out, err] = super::io::std_streams();
    for (name, v) in [("stdin", &stdin), ("stdout", &out), ("stderr", &err)] {
        vm.dict_set_str(&d, name, v.clone())?;
        vm.dict_set_str(&d, &format!("__{name}__"), v.clone())?;
    }
    vm.std_streams = [Some(out), Some(err)];
    Ok(m)
}

/// sys.stdout when a program replaced it (print writes there); None while it is the
/// standard stream or the sys module was never imported.
pub(super) fn current_stdout(vm: &mut Vm) -> Option<PyObj> {
    let modules = vm.modules.clone();
    let sys = vm.dict_get_str(&modules, "sys")?;
    let d = module::dict(&sys)?.clone();
    let out = vm.dict_get_str(&d, "stdout")?;
    if vm.std_streams[0].as_ref().is_some_and(|s| s.is(&out)) {
        return None;
    }
    Some(out)
}

/// sys.exit([status]): raise SystemExit(status). A tuple status becomes the
/// exception's args, as PyErr_SetObject does.
fn exit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    if !args.kwnames.is_empty() {
        return Err(exceptions::type_error(
            "sys.exit() takes no keyword arguments",
        ));
    }
    let a = args.range("exit", 0, 1)?;
    let exc_args = match a.first() {
        None => vec![],
        Some(c) => match tuple::items(c) {
            Some(items) => items.to_vec(),
            None => vec![c.clone()],
        },
    };
    let ty = ctx().exc_type("SystemExit");
    Err(crate::objects::exceptions::Exc(exceptions::new_exc(
        ty, exc_args,
    )))
}

/// sys.getsizeof(object[, default]): the bytes the heap holds for the object (its
/// block, GC header included, plus the buffers it owns).
fn getsizeof(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.clinic("getsizeof", &["object", "default"], 1)?;
    let o = a[0].expect("required");
    match sizeof_of(rt, o) {
        Ok(n) => Ok(usize_obj(n)),
        // CPython returns the default for a TypeError only.
        Err(e) if a[1].is_some() && exceptions::matches(&e.0, ctx().exc_type("TypeError")) => {
            Ok(a[1].expect("given").clone())
        }
        Err(e) => Err(e),
    }
}

/// CPython's _PySys_GetSizeOf: `type(o).__sizeof__(o)` plus the pre-header (GC
/// header and managed-dict words). `object.__sizeof__` (every built-in type's) is
/// the heap's size less the pre-header, so the sum is `PyObj::sizeof` at once.
fn sizeof_of(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    let name = string::intern_str("__sizeof__");
    let found = rt.type_lookup(&o.type_obj(), &name)?;
    let base = rt.type_lookup(&ctx().object_type, &name)?;
    match (found, base) {
        (Some(m), Some(b)) if m.is(&b) => return Ok(o.sizeof()),
        // A built-in type's own method (dict's, inherited by a dict subclass): the
        // heap's figure is the same, and for a subclass of a built-in type it covers
        // the whole instance.
        (Some(m), _) if typeobj::type_name(&m) == "method_descriptor" => return Ok(o.sizeof()),
        (Some(_), _) => {}
        (None, _) => {
            return Err(exceptions::type_error(format!(
                "Type {} doesn't define __sizeof__",
                typeobj::type_name(o)
            )))
        }
    }
    let r = match rt.call_special(o, "__sizeof__", &[])? {
        Some(r) => r,
        None => {
            return Err(exceptions::type_error(format!(
                "Type {} doesn't define __sizeof__",
                typeobj::type_name(o)
            )))
        }
    };
    let n = match int::as_i64(&r) {
        Some(n) => n,
        None if typeobj::is_subtype(&r.type_obj(), &ctx().int_type) => {
            return Err(exceptions::new_error(
                crate::error::ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ));
        }
        None => return Err(exceptions::type_error("an integer is required")),
    };
    if n < 0 {
        return Err(exceptions::value_error("__sizeof__() should return >= 0"));
    }
    Ok(n as usize + o.pre_size())
}

/// object.__sizeof__(): the object's size without its pre-header (CPython's
/// tp_basicsize + items, or the type's own `__sizeof__`: the heap's figure is the
/// same number, buffers included).
pub(super) fn object_sizeof(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("__sizeof__")?;
    Ok(usize_obj(o.sizeof().saturating_sub(o.pre_size())))
}

/// sys.getallocatedblocks(): pymalloc's blocks in use (0 under GLASSPY_MALLOC=malloc,
/// as CPython's under PYTHONMALLOC=malloc).
fn getallocatedblocks(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("getallocatedblocks")?;
    let s = crate::heap::pymalloc::global_stats();
    let n = if s.pymalloc_enabled {
        s.blocks_in_use()
    } else {
        0
    };
    Ok(usize_obj(n))
}

/// sys.getrefcount(object): the reference count, which includes the argument's own
/// reference. The intern table's reference to an interned str is not counted.
fn getrefcount(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("sys.getrefcount")?;
    let mut n = o.refcnt();
    if string::is_interned(o) {
        n -= 1;
    }
    Ok(usize_obj(n))
}

/// sys.intern(string).
fn intern(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("sys.intern")?;
    if !o.is_type(&ctx().str_type) && string::view(o).is_some() {
        return Err(exceptions::type_error(format!(
            "can't intern {}",
            typeobj::type_name(o)
        )));
    }
    if !o.is_type(&ctx().str_type) {
        return Err(exceptions::type_error(format!(
            "intern() argument must be str, not {}",
            typeobj::type_name(o)
        )));
    }
    Ok(string::intern(o.clone()))
}

fn getrecursionlimit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("sys.getrecursionlimit")?;
    Ok(usize_obj(vm.recursion_limit))
}

/// sys.setrecursionlimit(limit). The depth counts Python frames and Rust re-entries,
/// this call included, as CPython counts it.
fn setrecursionlimit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("sys.setrecursionlimit")?;
    let n = as_c_int(o)? as i64;
    if n < 1 {
        return Err(exceptions::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.depth;
    if depth as i64 >= n {
        return Err(exceptions::named(
            "RecursionError",
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {depth}: \
                 the limit is too low"
            ),
        ));
    }
    vm.recursion_limit = n as usize;
    Ok(none())
}

fn get_int_max_str_digits(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("sys.get_int_max_str_digits")?;
    Ok(usize_obj(int_max_str_digits()))
}

fn set_int_max_str_digits_(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.clinic("set_int_max_str_digits", &["maxdigits"], 1)?;
    let v = number_index(a[0].expect("required"))?;
    set_int_max_str_digits(&v)?;
    Ok(none())
}

/// sys.exc_info(): (type, value, traceback) of the exception being handled.
fn exc_info(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("sys.exc_info")?;
    Ok(match vm.handled.clone() {
        Some(e) if !e.is(&ctx().none) => {
            let ty = e.type_obj().as_obj().clone();
            let tb = crate::vm::ops::traceback_object(&e);
            tuple::new(vec![ty, e, tb])
        }
        _ => tuple::new(vec![none(), none(), none()]),
    })
}

/// sys._debugmallocstats(): the allocator's report on stderr.
fn debugmallocstats(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("sys._debugmallocstats")?;
    vm.flush();
    let mut report = global_debugmallocstats();
    if !report.is_empty() {
        report.push('\n');
    }
    free_list_report(&mut report);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(report.as_bytes());
    let _ = err.flush();
    Ok(none())
}

/// The free-list part of sys._debugmallocstats(), after the allocator's (printed
/// under GLASSPY_MALLOC=malloc too, as CPython prints it under PYTHONMALLOC=malloc):
/// dict, float, list, then the tuple lists by length, each line as CPython's
/// _PyDebugAllocatorStats lays it out.
fn free_list_report(out: &mut String) {
    let stats = crate::heap::free_list_stats();
    for (type_name, label) in [
        ("dict", "PyDictObject"),
        ("float", "PyFloatObject"),
        ("list", "PyListObject"),
        ("tuple", "PyTupleObject"),
    ] {
        for s in stats.iter().filter(|s| s.type_name == type_name) {
            let what = match s.items {
                Some(n) => format!("{} free {n}-sized {label}s", s.count),
                None => format!("{} free {label}s", s.count),
            };
            let line = format!("{:>48} ", format!("{what} * {} bytes each", s.object_size));
            printone(out, &line, s.count * s.object_size);
        }
    }
}

/// Make the per-thread types of this module (at start-up, with the other types).
pub(super) fn install_types() {}
