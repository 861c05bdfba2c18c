//! The cmath module: the functions of objects::numeric::cmath with CPython's argument
//! conversion (complex, float, int, or a class with __complex__ / __float__ /
//! __index__) and errors ("math domain error", "math range error"), polar, rect,
//! phase, the predicates, isclose and the constants.

use crate::heap::PyObj;
use crate::objects::args::{Args, Signature};
use crate::objects::builtin_function::MethodDef;
use crate::objects::complex;
use crate::objects::exceptions::{self, type_error, Exc, VmResult};
use crate::objects::numeric::cmath::{self as cm, MathErr};
use crate::objects::numeric::complex::{self as cx, C};
use crate::objects::runtime::Runtime;
use crate::objects::{float, int, tuple, typeobj};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

use super::sys::new_module;

fn math_error(e: MathErr) -> Exc {
    match e {
        MathErr::Domain => exceptions::value_error("math domain error"),
        MathErr::Range => exceptions::named("OverflowError", "math range error"),
    }
}

/// A complex argument (PyComplex_AsCComplex).
fn to_complex(vm: &mut Vm, o: &PyObj) -> VmResult<C> {
    if let Some(z) = complex::value(o) {
        return Ok(z);
    }
    if o.vtable().heap_type {
        if let Some(r) = vm.convert_special(o, "__complex__", &[])? {
            return complex::value(&r).ok_or_else(|| {
                type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    typeobj::type_name(&r)
                ))
            });
        }
    }
    Ok(C::new(to_f64(vm, o)?, 0.0))
}

/// A float argument (PyFloat_AsDouble).
fn to_f64(vm: &mut Vm, o: &PyObj) -> VmResult<f64> {
    if let Some(f) = float::value(o) {
        return Ok(f);
    }
    if let Some(i) = int::value(o) {
        return Ok(i.to_f64()?);
    }
    if o.vtable().heap_type {
        if let Some(r) = vm.convert_special(o, "__float__", &[])? {
            if let Some(f) = float::value(&r) {
                return Ok(f);
            }
        }
        if crate::objects::protocol::index_check(o) {
            let i = vm.index_arg(o)?;
            return Ok(int::value(&i).expect("an int").to_f64()?);
        }
    }
    Err(type_error(format!(
        "must be real number, not {}",
        typeobj::type_name(o)
    )))
}

fn one(vm: &mut Vm, args: &Args<'_>, fname: &str) -> VmResult<C> {
    let x = args.one(fname)?;
    to_complex(vm, x)
}

fn result(r: Result<C, MathErr>) -> VmResult<PyObj> {
    r.map(complex::from_c).map_err(math_error)
}

macro_rules! cmath1_functions {
    ($($name:ident, $py:literal, $f:path;)*) => {
        $(
            fn $name(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
                let vm = Vm::of(rt);
                let z = one(vm, &args, $py)?;
                result($f(z))
            }
        )*
    };
}

cmath1_functions! {
    sqrt, "cmath.sqrt", cm::sqrt;
    exp, "cmath.exp", cm::exp;
    log10, "cmath.log10", cm::log10;
    sin, "cmath.sin", cm::sin;
    cos, "cmath.cos", cm::cos;
    tan, "cmath.tan", cm::tan;
    asin, "cmath.asin", cm::asin;
    acos, "cmath.acos", cm::acos;
    atan, "cmath.atan", cm::atan;
    sinh, "cmath.sinh", cm::sinh;
    cosh, "cmath.cosh", cm::cosh;
    tanh, "cmath.tanh", cm::tanh;
    asinh, "cmath.asinh", cm::asinh;
    acosh, "cmath.acosh", cm::acosh;
    atanh, "cmath.atanh", cm::atanh;
}

/// log(x[, base]).
fn log(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("log", 1, 2)?;
    let z = to_complex(vm, &a[0])?;
    match a.get(1) {
        None => result(cm::log(z)),
        Some(b) => {
            let b = to_complex(vm, b)?;
            result(cm::log_base(z, b))
        }
    }
}

fn phase(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let z = one(vm, &args, "cmath.phase")?;
    let phi = z.im.atan2(z.re);
    // The C library reports an underflow to zero (errno ERANGE), which CPython
    // raises as a range error.
    if phi == 0.0 && z.im != 0.0 && z.im.is_finite() && z.re.is_finite() {
        return Err(math_error(MathErr::Range));
    }
    Ok(float::new(phi))
}

fn polar(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let z = one(vm, &args, "cmath.polar")?;
    let r = cx::abs(z).map_err(|_| math_error(MathErr::Range))?;
    Ok(tuple::new(vec![
        float::new(r),
        float::new(z.im.atan2(z.re)),
    ]))
}

fn rect(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("rect", 2, 2)?;
    let r = to_f64(vm, &a[0])?;
    let phi = to_f64(vm, &a[1])?;
    result(cm::rect(r, phi))
}

fn isfinite(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let z = one(vm, &args, "cmath.isfinite")?;
    Ok(bool_obj(z.re.is_finite() && z.im.is_finite()))
}

fn isinf(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let z = one(vm, &args, "cmath.isinf")?;
    Ok(bool_obj(z.re.is_infinite() || z.im.is_infinite()))
}

fn isnan(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let z = one(vm, &args, "cmath.isnan")?;
    Ok(bool_obj(z.re.is_nan() || z.im.is_nan()))
}

/// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
fn isclose(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = args.parse(&Signature {
        fname: "isclose",
        names: &["a", "b", "rel_tol", "abs_tol"],
        posonly: 0,
        maxpos: 2,
        required: 2,
    })?;
    let a = to_complex(vm, p[0].expect("required"))?;
    let b = to_complex(vm, p[1].expect("required"))?;
    let rel = match p[2] {
        Some(x) => to_f64(vm, x)?,
        None => 1e-09,
    };
    let abs_tol = match p[3] {
        Some(x) => to_f64(vm, x)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(exceptions::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(bool_obj(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(bool_obj(false));
    }
    let diff = cx::abs(cx::sub(a, b)).unwrap_or(f64::INFINITY);
    let (aa, ab) = (
        cx::abs(a).unwrap_or(f64::INFINITY),
        cx::abs(b).unwrap_or(f64::INFINITY),
    );
    Ok(bool_obj(
        (diff <= rel * ab) || (diff <= rel * aa) || diff <= abs_tol,
    ))
}

macro_rules! defs {
    ($($name:ident),* $(,)?) => {
        &[$(MethodDef { name: stringify!($name), func: $name }),*]
    };
}

static FUNCTIONS: &[MethodDef] = defs![
    sqrt, exp, log, log10, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh,
    phase, polar, rect, isfinite, isinf, isnan, isclose,
];

/// Build the cmath module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "cmath", FUNCTIONS)?;
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        vm.dict_set_str(&d, name, float::new(v))?;
    }
    vm.dict_set_str(&d, "infj", complex::new(0.0, f64::INFINITY))?;
    vm.dict_set_str(&d, "nanj", complex::new(0.0, f64::NAN))?;
    Ok(m)
}
