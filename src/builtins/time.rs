//! The time module: wall-clock time, the monotonic, performance and process counters,
//! sleep; the calendar functions are in time_fmt.rs.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::numeric::Int;
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, float, int};
use crate::vm::ops::int_obj;
use crate::vm::Vm;

use super::sys::new_module;
use super::time_fmt;

static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "time",
        func: time,
    },
    MethodDef {
        name: "time_ns",
        func: time_ns,
    },
    MethodDef {
        name: "perf_counter",
        func: perf_counter,
    },
    MethodDef {
        name: "perf_counter_ns",
        func: perf_counter_ns,
    },
    MethodDef {
        name: "monotonic",
        func: monotonic,
    },
    MethodDef {
        name: "monotonic_ns",
        func: monotonic_ns,
    },
    MethodDef {
        name: "sleep",
        func: sleep,
    },
    MethodDef {
        name: "gmtime",
        func: time_fmt::gmtime,
    },
    MethodDef {
        name: "localtime",
        func: time_fmt::localtime,
    },
    MethodDef {
        name: "mktime",
        func: time_fmt::mktime,
    },
    MethodDef {
        name: "asctime",
        func: time_fmt::asctime,
    },
    MethodDef {
        name: "ctime",
        func: time_fmt::ctime,
    },
    MethodDef {
        name: "strftime",
        func: time_fmt::strftime,
    },
    MethodDef {
        name: "process_time",
        func: time_fmt::process_time,
    },
    MethodDef {
        name: "process_time_ns",
        func: time_fmt::process_time_ns,
    },
];

/// Build the time module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    monotonic_nanos(); // the counters' reference point
    let (m, d) = new_module(vm, "time", FUNCTIONS)?;
    // struct_time is made by the module's Python part, which gmtime() finds in
    // sys.modules.
    let modules = vm.modules.clone();
    vm.dict_set_str(&modules, "time", m.clone())?;
    time_fmt::install(vm, &d)?;
    Ok(m)
}

/// Nanoseconds since the Unix epoch.
fn wall_nanos() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// Nanoseconds of the monotonic clock since the first use in this process (the
/// reference point of perf_counter and monotonic is undefined in Python too).
fn monotonic_nanos() -> u128 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos()
}

fn time(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("time.time")?;
    Ok(float::new(wall_nanos() as f64 * 1e-9))
}

fn time_ns(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("time.time_ns")?;
    int_obj(&Int::from_i128(wall_nanos()))
}

fn perf_counter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("time.perf_counter")?;
    Ok(float::new(monotonic_nanos() as f64 * 1e-9))
}

fn perf_counter_ns(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("time.perf_counter_ns")?;
    Ok(int::new_i64(monotonic_nanos() as i64))
}

fn monotonic(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("time.monotonic")?;
    Ok(float::new(monotonic_nanos() as f64 * 1e-9))
}

fn monotonic_ns(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("time.monotonic_ns")?;
    Ok(int::new_i64(monotonic_nanos() as i64))
}

/// time.sleep(secs). Flushes buffered stdout first, so output written before a pause
/// is seen before it.
fn sleep(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("time.sleep")?;
    let too_large = || {
        exceptions::named(
            "OverflowError",
            "timestamp too large to convert to C _PyTime_t",
        )
    };
    let nanos: i128 = if let Some(f) = float::value(o) {
        if f.is_nan() {
            return Err(exceptions::value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * 1e9).ceil();
        if ns.abs() >= i64::MAX as f64 {
            return Err(exceptions::named(
                "OverflowError",
                "timestamp out of range for platform time_t",
            ));
        }
        ns as i128
    } else if let Some(v) = int::value(o) {
        match v.to_i64().and_then(|s| s.checked_mul(1_000_000_000)) {
            Some(ns) => ns as i128,
            None => return Err(too_large()),
        }
    } else {
        return Err(exceptions::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::objects::typeobj::type_name(o)
        )));
    };
    if nanos < 0 {
        return Err(exceptions::value_error("sleep length must be non-negative"));
    }
    vm.flush();
    std::thread::sleep(Duration::from_nanos(nanos as u64));
    Ok(ctx().none.clone())
}
