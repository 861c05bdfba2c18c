//! The gc module: the cycle collector's interface (collect, counts, thresholds,
//! enable/disable, is_tracked, is_finalized, get_objects, get_referents,
//! get_referrers, get_stats, freeze, the debug flags, garbage and callbacks).

use crate::heap::{self, PyObj, NUM_GENERATIONS};
use crate::objects::args::{as_c_int, number_index, Args};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::list::List;
use crate::objects::runtime::Runtime;
use crate::objects::tuple::Tuple;
use crate::objects::{ctx, dict, list, string, tuple};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

use super::sys::{new_module, usize_obj};

static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "collect",
        func: collect,
    },
    MethodDef {
        name: "get_count",
        func: get_count,
    },
    MethodDef {
        name: "get_threshold",
        func: get_threshold,
    },
    MethodDef {
        name: "set_threshold",
        func: set_threshold,
    },
    MethodDef {
        name: "enable",
        func: enable,
    },
    MethodDef {
        name: "disable",
        func: disable,
    },
    MethodDef {
        name: "isenabled",
        func: isenabled,
    },
    MethodDef {
        name: "is_tracked",
        func: is_tracked,
    },
    MethodDef {
        name: "get_referents",
        func: get_referents,
    },
    MethodDef {
        name: "get_stats",
        func: get_stats,
    },
    MethodDef {
        name: "get_objects",
        func: get_objects,
    },
    MethodDef {
        name: "get_referrers",
        func: get_referrers,
    },
    MethodDef {
        name: "is_finalized",
        func: is_finalized,
    },
    MethodDef {
        name: "set_debug",
        func: set_debug,
    },
    MethodDef {
        name: "get_debug",
        func: get_debug,
    },
    MethodDef {
        name: "freeze",
        func: freeze,
    },
    MethodDef {
        name: "unfreeze",
        func: unfreeze,
    },
    MethodDef {
        name: "get_freeze_count",
        func: get_freeze_count,
    },
];

const DEBUG_STATS: i32 = 1;
const DEBUG_COLLECTABLE: i32 = 2;
const DEBUG_UNCOLLECTABLE: i32 = 4;
const DEBUG_SAVEALL: i32 = 32;
const DEBUG_LEAK: i32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// The module's state on this thread: its debug flags, gc.garbage and gc.callbacks.
struct GcModule {
    debug: std::cell::Cell<i32>,
    garbage: std::cell::RefCell<Option<PyObj>>,
    callbacks: std::cell::RefCell<Option<PyObj>>,
}

thread_local! {
    static STATE: GcModule = const {
        GcModule {
            debug: std::cell::Cell::new(0),
            garbage: std::cell::RefCell::new(None),
            callbacks: std::cell::RefCell::new(None),
        }
    };
}

/// Build the gc module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "gc", FUNCTIONS)?;
    let garbage = list::new_empty();
    let callbacks = list::new_empty();
    vm.dict_set_str(&d, "garbage", garbage.clone())?;
    vm.dict_set_str(&d, "callbacks", callbacks.clone())?;
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        vm.dict_set_str(&d, name, usize_obj(v as usize))?;
    }
    STATE.with(|st| {
        *st.garbage.borrow_mut() = Some(garbage);
        *st.callbacks.borrow_mut() = Some(callbacks);
    });
    heap::set_gc_defer(Some(has_callbacks));
    vm.auto_collect = Some(run_automatic);
    Ok(m)
}

/// Automatic collections are left to the eval loop (`run_automatic`) while gc.callbacks
/// is not empty, so that the callbacks can run around them.
fn has_callbacks() -> bool {
    STATE
        .try_with(|st| {
            let cbs = st.callbacks.try_borrow().ok()?.clone()?;
            let n = list::borrow(&cbs).map(|l| l.0.len());
            n
        })
        .ok()
        .flatten()
        .is_some_and(|n| n > 0)
}

/// Forget the module's state (the interpreter is being dropped).
pub fn reset() {
    let _ = STATE.try_with(|st| {
        st.debug.set(0);
        drop(st.garbage.borrow_mut().take());
        drop(st.callbacks.borrow_mut().take());
    });
    heap::set_gc_report(None);
    heap::set_gc_save(None);
    heap::set_gc_defer(None);
}

fn triple(v: [usize; NUM_GENERATIONS]) -> PyObj {
    tuple::new(v.iter().map(|&n| usize_obj(n)).collect())
}

/// gc.collect(generation=2): the number of unreachable objects found.
fn collect(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("collect", &["generation"], 0)?;
    let generation = match a[0] {
        Some(g) => as_c_int(g)?,
        None => NUM_GENERATIONS as i32 - 1,
    };
    if !(0..NUM_GENERATIONS as i32).contains(&generation) {
        return Err(exceptions::value_error("invalid generation"));
    }
    Ok(usize_obj(collect_with_callbacks(vm, generation as usize)))
}

/// A collection of `generation` with gc.callbacks called before ("start") and after
/// ("stop") it, as CPython's gc_collect_with_callback. Finalizers (__del__) run during
/// the collection, as CPython's do; those queued before it run first. No automatic
/// collection starts while the callbacks run.
fn collect_with_callbacks(vm: &mut Vm, generation: usize) -> usize {
    vm.run_finalizers();
    heap::gc_hold_automatic(true);
    invoke_callbacks(vm, "start", generation, 0);
    heap::gc_hold_automatic(false);
    let n = heap::collect_with(generation, &mut |o| vm.finalize(o));
    vm.run_finalizers();
    heap::gc_hold_automatic(true);
    invoke_callbacks(vm, "stop", generation, n);
    heap::gc_hold_automatic(false);
    n
}

/// The automatic collection the heap left to the interpreter (`PENDING_COLLECT`, set
/// while gc.callbacks is not empty): the eval loop calls this (as `Vm::auto_collect`)
/// before its next instruction, so the collection runs between its callbacks like
/// gc.collect's.
fn run_automatic(vm: &mut Vm) {
    if let Some(generation) = heap::take_due_collection() {
        collect_with_callbacks(vm, generation);
    }
}

/// Call each of gc.callbacks (a snapshot of the list) with `phase` and CPython's info
/// dict; an exception is printed and ignored (PyErr_WriteUnraisable).
fn invoke_callbacks(vm: &mut Vm, phase: &str, generation: usize, collected: usize) {
    let Some(cbs) = STATE.with(|st| st.callbacks.borrow().clone()) else {
        return;
    };
    let snapshot: Vec<PyObj> = list::borrow(&cbs).map(|l| l.0.clone()).unwrap_or_default();
    if snapshot.is_empty() {
        return;
    }
    let info = dict::new();
    for (k, v) in [
        ("generation", generation),
        ("collected", collected),
        ("uncollectable", 0),
    ] {
        // Str keys and int values: setting them cannot fail.
        let _ = vm.dict_set(&info, string::intern_str(k), usize_obj(v));
    }
    let phase = string::intern_str(phase);
    for cb in snapshot {
        let args = [phase.clone(), info.clone()];
        if let Err(e) = vm.call(&cb, Args::positional(&args)) {
            vm.flush();
            let what = vm.repr(&cb).unwrap_or_default();
            let text = vm.format_exception(&e.0);
            eprint!("Exception ignored in: {what}\n{text}");
        }
    }
}

fn get_count(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.get_count")?;
    Ok(triple(heap::gc_get_count()))
}

fn get_threshold(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.get_threshold")?;
    Ok(triple(heap::gc_get_threshold()))
}

/// gc.set_threshold(threshold0[, threshold1[, threshold2]]). A negative threshold is
/// stored as 0 (CPython keeps the negative number).
fn set_threshold(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("set_threshold")?;
    let a = args.pos();
    if a.is_empty() || a.len() > NUM_GENERATIONS {
        let (what, n) = if a.is_empty() {
            ("at least", 1)
        } else {
            ("at most", NUM_GENERATIONS)
        };
        let s = if n == 1 { "" } else { "s" };
        return Err(exceptions::type_error(format!(
            "set_threshold() takes {what} {n} argument{s} ({} given)",
            a.len()
        )));
    }
    let mut t = heap::gc_get_threshold();
    for (slot, v) in t.iter_mut().zip(a) {
        *slot = threshold(v)?;
    }
    heap::gc_set_threshold(t);
    Ok(ctx().none.clone())
}

/// A threshold: PyArg_ParseTuple's "i" format (its messages), negatives stored as 0.
fn threshold(o: &PyObj) -> VmResult<usize> {
    let v = number_index(o)?;
    let Some(n) = v.to_i64() else {
        return Err(exceptions::named(
            "OverflowError",
            "Python int too large to convert to C long",
        ));
    };
    if n > i32::MAX as i64 {
        return Err(exceptions::named(
            "OverflowError",
            "signed integer is greater than maximum",
        ));
    }
    if n < i32::MIN as i64 {
        return Err(exceptions::named(
            "OverflowError",
            "signed integer is less than minimum",
        ));
    }
    Ok(n.max(0) as usize)
}

fn enable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.enable")?;
    heap::gc_set_enabled(true);
    Ok(ctx().none.clone())
}

fn disable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.disable")?;
    heap::gc_set_enabled(false);
    Ok(ctx().none.clone())
}

fn isenabled(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.isenabled")?;
    Ok(bool_obj(heap::gc_is_enabled()))
}

fn is_tracked(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("gc.is_tracked")?;
    Ok(bool_obj(o.gc_is_tracked()))
}

/// gc.get_referents(*objs): what each container's traverse visits. The order is
/// CPython's tp_traverse order for lists and tuples (last item first) and dicts
/// (values only when every key is a str, else value then key per entry).
fn get_referents(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("get_referents")?;
    let mut out: Vec<PyObj> = Vec::new();
    for o in args.pos() {
        if !o.vtable().gc {
            continue;
        }
        if let Some(items) = dict::items(o) {
            let str_keys = items.iter().all(|(k, _)| k.is_type(&ctx().str_type));
            for (k, v) in items {
                out.push(v);
                if !str_keys {
                    out.push(k);
                }
            }
            continue;
        }
        let start = out.len();
        o.visit_children(&mut |child: &PyObj| out.push(child.clone()));
        if o.is_a::<List>() || o.is_a::<Tuple>() {
            out[start..].reverse();
        }
    }
    Ok(list::new_exact(out))
}

/// gc.get_stats(): one dict per generation.
fn get_stats(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("gc.get_stats")?;
    let mut gens = Vec::with_capacity(NUM_GENERATIONS);
    for s in heap::gc_stats() {
        let d = dict::new();
        for (k, v) in [
            ("collections", s.collections),
            ("collected", s.collected),
            ("uncollectable", s.uncollectable),
        ] {
            vm.dict_set(&d, string::intern_str(k), usize_obj(v))?;
        }
        gens.push(d);
    }
    Ok(list::new_exact(gens))
}

/// gc.get_objects(generation=None): the objects the collector tracks.
fn get_objects(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.clinic("get_objects", &["generation"], 0)?;
    let generation = match a[0] {
        Some(g) if !g.is(&ctx().none) => {
            let g = as_c_int(g)?;
            if g >= NUM_GENERATIONS as i32 {
                return Err(exceptions::value_error(format!(
                    "generation parameter must be less than the number of available generations ({NUM_GENERATIONS})"
                )));
            }
            if g < -1 {
                return Err(exceptions::value_error(
                    "generation parameter cannot be negative",
                ));
            }
            (g >= 0).then_some(g as usize)
        }
        _ => None,
    };
    Ok(list::new_exact(heap::gc_get_objects(generation)))
}

/// gc.get_referrers(*objs): the tracked objects whose traverse visits one of objs.
fn get_referrers(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("get_referrers")?;
    let targets = args.pos();
    let mut out = Vec::new();
    for o in heap::gc_get_objects(None) {
        let mut hit = false;
        o.visit_children(&mut |c: &PyObj| hit |= targets.iter().any(|t| t.is(c)));
        if hit {
            out.push(o);
        }
    }
    Ok(list::new_exact(out))
}

fn is_finalized(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("gc.is_finalized")?;
    Ok(bool_obj(o.gc_is_finalized()))
}

/// gc.set_debug(flags): DEBUG_STATS and DEBUG_COLLECTABLE print to stderr during
/// every collection, DEBUG_SAVEALL keeps the garbage in gc.garbage.
fn set_debug(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.clinic("set_debug", &["flags"], 1)?;
    let flags = as_c_int(a[0].expect("required"))?;
    STATE.with(|st| st.debug.set(flags));
    let report = flags & (DEBUG_STATS | DEBUG_COLLECTABLE) != 0;
    heap::set_gc_report(report.then_some(report_event as heap::Report));
    let save = flags & DEBUG_SAVEALL != 0;
    heap::set_gc_save(save.then_some(save_garbage as heap::Save));
    Ok(ctx().none.clone())
}

fn get_debug(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.get_debug")?;
    Ok(usize_obj(STATE.with(|st| st.debug.get()) as usize))
}

/// CPython's DEBUG_STATS and DEBUG_COLLECTABLE lines.
fn report_event(e: &heap::GcEvent<'_>) {
    let debug = STATE.try_with(|st| st.debug.get()).unwrap_or(0);
    match e {
        heap::GcEvent::Start {
            generation,
            counts,
            permanent,
        } if debug & DEBUG_STATS != 0 => {
            eprint!(
                "gc: collecting generation {generation}...\ngc: objects in each generation: {} {} {}\ngc: objects in permanent generation: {permanent}\n",
                counts[0], counts[1], counts[2]
            );
        }
        heap::GcEvent::Collectable(o) if debug & DEBUG_COLLECTABLE != 0 => {
            eprintln!(
                "gc: collectable <{} {:#x}>",
                crate::objects::typeobj::type_name(o),
                o.id()
            );
        }
        heap::GcEvent::Done {
            unreachable,
            uncollectable,
            elapsed,
            ..
        } if debug & DEBUG_STATS != 0 => {
            eprintln!(
                "gc: done, {unreachable} unreachable, {uncollectable} uncollectable, {elapsed:.4}s elapsed"
            );
        }
        _ => {}
    }
}

/// DEBUG_SAVEALL: keep an unreachable object in gc.garbage.
fn save_garbage(o: PyObj) {
    let g = STATE
        .try_with(|st| st.garbage.borrow().clone())
        .ok()
        .flatten();
    if let Some(g) = g {
        let _ = list::append(&g, o);
    }
}

fn freeze(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.freeze")?;
    heap::gc_freeze();
    Ok(ctx().none.clone())
}

fn unfreeze(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.unfreeze")?;
    heap::gc_unfreeze();
    Ok(ctx().none.clone())
}

fn get_freeze_count(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("gc.get_freeze_count")?;
    Ok(usize_obj(heap::gc_freeze_count()))
}
