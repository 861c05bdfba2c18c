//! The gc module: the cycle collector's interface (collect, counts, thresholds,
//! enable/disable, is_tracked, get_referents, get_stats, garbage).

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
];

/// Build the gc module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "gc", FUNCTIONS)?;
    vm.dict_set_str(&d, "garbage", list::new_empty())?;
    Ok(m)
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
    // Finalizers (__del__) run during the collection, as CPython's do; those queued
    // before it run first.
    vm.run_finalizers();
    let n = heap::collect_with(generation as usize, &mut |o| vm.finalize(o));
    vm.run_finalizers();
    Ok(usize_obj(n))
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
