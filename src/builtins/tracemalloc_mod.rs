//! `_tracemalloc`, the native half of tracemalloc (the bundled tracemalloc.py builds
//! snapshots and statistics on it). Tracing itself is the heap's
//! (crates/heap/src/trace.rs, per thread) and the eval loop's (src/vm/tracemalloc.rs,
//! which gives each traced block its Python stack).

use std::cell::Cell;

use super::none;
use super::sys::{new_module, usize_obj};
use crate::heap::trace;
use crate::heap::PyObj;
use crate::objects::args::{as_c_int, Args};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{value_error, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{int, list, string, tuple};
use crate::vm::Vm;

/// CPython's MAX_NFRAME.
const MAX_NFRAME: i32 = 65535;

thread_local! {
    /// get_traceback_limit(): the last limit start() was given (1 before any).
    static LIMIT: Cell<usize> = const { Cell::new(1) };
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "start",
        func: start,
    },
    MethodDef {
        name: "stop",
        func: stop,
    },
    MethodDef {
        name: "is_tracing",
        func: is_tracing,
    },
    MethodDef {
        name: "clear_traces",
        func: clear_traces,
    },
    MethodDef {
        name: "get_traced_memory",
        func: get_traced_memory,
    },
    MethodDef {
        name: "reset_peak",
        func: reset_peak,
    },
    MethodDef {
        name: "get_tracemalloc_memory",
        func: get_tracemalloc_memory,
    },
    MethodDef {
        name: "get_traceback_limit",
        func: get_traceback_limit,
    },
    MethodDef {
        name: "_get_object_traceback",
        func: get_object_traceback,
    },
    MethodDef {
        name: "_get_traces",
        func: get_traces,
    },
];

pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    Ok(new_module(vm, "_tracemalloc", FUNCTIONS)?.0)
}

/// Start tracing with `nframe` frames per traceback (the command line's
/// `-X tracemalloc=N` and PYTHONTRACEMALLOC come here too). No-op when tracing.
pub fn start_tracing(nframe: usize) {
    if !trace::is_tracing() {
        LIMIT.with(|l| l.set(nframe));
        trace::start(nframe);
    }
}

fn start(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("start")?;
    let a = args.range("start", 0, 1)?;
    let n = match a.first() {
        Some(o) => as_c_int(o)?,
        None => 1,
    };
    if !(1..=MAX_NFRAME).contains(&n) {
        return Err(value_error(format!(
            "the number of frames must be in range [1; {MAX_NFRAME}]"
        )));
    }
    start_tracing(n as usize);
    Ok(none())
}

fn stop(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("stop")?;
    trace::stop();
    Ok(none())
}

fn is_tracing(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("is_tracing")?;
    Ok(crate::vm::ops::bool_obj(trace::is_tracing()))
}

fn clear_traces(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("clear_traces")?;
    trace::clear_traces();
    Ok(none())
}

fn get_traced_memory(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("get_traced_memory")?;
    Vm::of(rt).trace_flush();
    let (cur, peak) = trace::traced_memory();
    Ok(tuple::pair(usize_obj(cur), usize_obj(peak)))
}

fn reset_peak(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("reset_peak")?;
    Vm::of(rt).trace_flush();
    trace::reset_peak();
    Ok(none())
}

fn get_tracemalloc_memory(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("get_tracemalloc_memory")?;
    Ok(usize_obj(trace::tracemalloc_memory()))
}

fn get_traceback_limit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("get_traceback_limit")?;
    Ok(usize_obj(LIMIT.with(Cell::get)))
}

/// A traceback as Python sees it: a tuple of (filename, lineno), most recent first.
fn frames_tuple(tb: &trace::Traceback, files: &mut Vec<Option<PyObj>>) -> PyObj {
    let frames = tb
        .frames
        .iter()
        .map(|&(file, line)| {
            let i = file as usize;
            if files.len() <= i {
                files.resize(i + 1, None);
            }
            let name = files[i]
                .get_or_insert_with(|| {
                    string::new(&trace::file_name(file).unwrap_or_else(|| "<unknown>".into()))
                })
                .clone();
            tuple::pair(name, int::new_i64(i64::from(line)))
        })
        .collect();
    tuple::new(frames)
}

fn get_object_traceback(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("_get_object_traceback")?;
    Vm::of(rt).trace_flush();
    match trace::block_traceback(o.block_addr()) {
        Some(tb) => Ok(frames_tuple(&tb, &mut Vec::new())),
        None => Ok(none()),
    }
}

/// [(domain, size, traceback, total_nframe), ...] for every traced block, copied
/// before any of the list is made (so the list's own blocks are not in it).
fn get_traces(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("_get_traces")?;
    Vm::of(rt).trace_flush();
    let Some((traces, tracebacks)) = trace::snapshot() else {
        return Ok(list::new_empty());
    };
    let mut files = Vec::new();
    let mut tbs: Vec<Option<(PyObj, PyObj)>> = vec![None; tracebacks.len()];
    let unknown = tuple::new(vec![tuple::new(vec![
        string::new("<unknown>"),
        int::new_i64(0),
    ])]);
    let domain = int::new_i64(0);
    let mut out = Vec::with_capacity(traces.len());
    for t in &traces {
        let (tb, total) = match tracebacks.get(t.traceback as usize) {
            Some(tb) => tbs[t.traceback as usize]
                .get_or_insert_with(|| {
                    (
                        frames_tuple(tb, &mut files),
                        int::new_i64(i64::from(tb.total)),
                    )
                })
                .clone(),
            None => (unknown.clone(), int::new_i64(1)),
        };
        out.push(tuple::new(vec![
            domain.clone(),
            usize_obj(t.size),
            tb,
            total,
        ]));
    }
    Ok(list::new_exact(out))
}
