//! The math module: constants, the libm functions with CPython's error rules
//! ("math domain error" / "math range error"), logarithms of big ints, exactly
//! rounded fsum and hypot, and the integer functions (factorial, gcd, lcm, isqrt,
//! comb, perm).

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

use crate::bytecode::BinaryOp;
use crate::heap::PyObj;
use crate::objects::args::{number_index, Args, Signature};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::numeric::Int;
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, float, int, tuple, typeobj};
use crate::vm::ops::{binary_op, bool_obj, int_obj};
use crate::vm::Vm;

use super::sys::new_module;

// ----- errors and conversions ----------------------------------------------------------

fn domain_error() -> Exc {
    exceptions::value_error("math domain error")
}

fn range_error() -> Exc {
    exceptions::named("OverflowError", "math range error")
}

/// A float argument: a float, or an int converted exactly-rounded.
#[inline]
fn to_f64(o: &PyObj) -> VmResult<f64> {
    if let Some(f) = float::exact_value(o, &ctx().float_exact) {
        return Ok(f);
    }
    to_f64_other(o)
}

/// `to_f64` for anything but an exact float.
#[inline(never)]
fn to_f64_other(o: &PyObj) -> VmResult<f64> {
    if let Some(f) = float::value(o) {
        return Ok(f);
    }
    if let Some(v) = int::value(o) {
        return Ok(v.to_f64()?);
    }
    Err(exceptions::type_error(format!(
        "must be real number, not {}",
        typeobj::type_name(o)
    )))
}

fn new_int(v: Int) -> VmResult<PyObj> {
    int_obj(&v)
}

fn big_obj(v: BigInt) -> VmResult<PyObj> {
    int_obj(&Int::from_bigint(v))
}

/// CPython's math_1: apply `f`; a NaN from a non-NaN is a domain error, an infinity
/// from a finite value a range error (or a domain error when `can_overflow` is false).
fn math_1(args: &Args<'_>, fname: &str, f: fn(f64) -> f64, can_overflow: bool) -> VmResult<f64> {
    let x = to_f64(args.one(fname)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

/// CPython's math_2 for a function of two floats.
fn math_2(args: &Args<'_>, fname: &str, f: fn(f64, f64) -> f64) -> VmResult<PyObj> {
    let a = args.range(fname, 2, 2)?;
    let (x, y) = (to_f64(&a[0])?, to_f64(&a[1])?);
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(float::new(r))
}

macro_rules! math1_functions {
    ($($name:ident, $py:literal, $f:expr, $overflow:expr;)*) => {
        $(
            fn $name(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
                Ok(float::new(math_1(&args, $py, $f, $overflow)?))
            }
        )*
    };
}

math1_functions! {
    sqrt, "math.sqrt", f64::sqrt, false;
    exp, "math.exp", f64::exp, true;
    exp2, "math.exp2", f64::exp2, true;
    expm1, "math.expm1", f64::exp_m1, true;
    fabs, "math.fabs", f64::abs, false;
    sin, "math.sin", f64::sin, false;
    cos, "math.cos", f64::cos, false;
    tan, "math.tan", f64::tan, false;
    asin, "math.asin", f64::asin, false;
    acos, "math.acos", f64::acos, false;
    atan, "math.atan", f64::atan, false;
    sinh, "math.sinh", f64::sinh, true;
    cosh, "math.cosh", f64::cosh, true;
    tanh, "math.tanh", f64::tanh, false;
    log1p, "math.log1p", f64::ln_1p, false;
}

// ----- the module ----------------------------------------------------------------------

macro_rules! defs {
    ($($name:ident),* $(,)?) => {
        &[$(MethodDef { name: stringify!($name), func: $name }),*]
    };
}

static FUNCTIONS: &[MethodDef] = defs![
    sqrt, exp, exp2, expm1, fabs, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, log1p, floor,
    ceil, trunc, log, log2, log10, pow, atan2, hypot, degrees, radians, factorial, gcd, lcm, isqrt,
    comb, perm, fsum, prod, copysign, isclose, isinf, isnan, isfinite, fmod, modf, frexp, ldexp,
];

/// Build the math module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "math", FUNCTIONS)?;
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        vm.dict_set_str(&d, name, float::new(v))?;
    }
    Ok(m)
}

// ----- rounding to integers ------------------------------------------------------------

fn round_with(args: &Args<'_>, fname: &str, f: fn(f64) -> f64) -> VmResult<PyObj> {
    let o = args.one(fname)?;
    if let Some(v) = int::value(o) {
        if o.is_type(&ctx().int_type) {
            return Ok(o.clone());
        }
        return new_int(v);
    }
    let r = f(to_f64(o)?);
    // Within ±2**63 the int fits an i64 (PyLong_FromDouble's own shortcut).
    if r.abs() < -(i64::MIN as f64) {
        return Ok(int::new_i64(r as i64));
    }
    new_int(Int::from_f64(r)?)
}

fn floor(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    round_with(&args, "math.floor", f64::floor)
}

fn ceil(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    round_with(&args, "math.ceil", f64::ceil)
}

fn trunc(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("math.trunc")?;
    if int::value(o).is_none() && float::value(o).is_none() {
        return Err(exceptions::type_error(format!(
            "type {} doesn't define __trunc__ method",
            typeobj::type_name(o)
        )));
    }
    round_with(&args, "math.trunc", f64::trunc)
}

// ----- logarithms ----------------------------------------------------------------------

/// frexp of a positive big int: (m, e) with m in [0.5, 1) correctly rounded and
/// v ~= m * 2**e (CPython's _PyLong_Frexp).
fn int_frexp(v: &BigInt) -> (f64, i64) {
    let bits = v.bits() as i64;
    let (top, e) = if bits > 55 {
        let shift = (bits - 55) as u64;
        let mut top: BigInt = v >> shift;
        if (&top << shift) != *v {
            top |= BigInt::one(); // sticky bit: rounds the final conversion right
        }
        (top.to_u64().unwrap_or(u64::MAX), bits)
    } else {
        (v.to_u64().unwrap_or(0), bits)
    };
    let scale = if bits > 55 { 55 } else { bits };
    let m = top as f64 / 2f64.powi(scale as i32);
    if m >= 1.0 {
        (0.5, e + 1)
    } else {
        (m, e)
    }
}

/// CPython's loghelper: `func` of an int of any size, or of a float via math_1.
fn loghelper(o: &PyObj, func: fn(f64) -> f64) -> VmResult<f64> {
    if let Some(v) = int::value(o) {
        if v.is_negative() || v.is_zero() {
            return Err(domain_error());
        }
        return Ok(match v.to_f64() {
            Ok(x) => func(x),
            Err(_) => {
                let (m, e) = int_frexp(&v.big());
                func(m) + func(2.0) * e as f64
            }
        });
    }
    let x = to_f64(o)?;
    let r = func(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(domain_error());
    }
    Ok(r)
}

fn log(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("log")?;
    let a = args.pos();
    if a.is_empty() || a.len() > 2 {
        return Err(exceptions::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(&a[0], f64::ln)?;
    let Some(base) = a.get(1) else {
        return Ok(float::new(num));
    };
    let den = loghelper(base, f64::ln)?;
    if den == 0.0 {
        return Err(exceptions::named(
            "ZeroDivisionError",
            "float division by zero",
        ));
    }
    Ok(float::new(num / den))
}

fn log2(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(float::new(loghelper(args.one("math.log2")?, f64::log2)?))
}

fn log10(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(float::new(loghelper(args.one("math.log10")?, f64::log10)?))
}

// ----- functions of two floats ---------------------------------------------------------

/// math.pow(x, y): IEEE special values handled directly, as CPython does.
fn pow(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("pow", 2, 2)?;
    let (x, y) = (to_f64(&a[0])?, to_f64(&a[1])?);
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 {
                domain_error()
            } else {
                range_error()
            });
        }
        r
    };
    Ok(float::new(r))
}

fn atan2(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    math_2(&args, "atan2", f64::atan2)
}

fn copysign(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    math_2(&args, "copysign", f64::copysign)
}

/// math.fmod(x, y): C's fmod; x for a finite x and an infinite y.
fn fmod(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("fmod", 2, 2)?;
    let (x, y) = (to_f64(&a[0])?, to_f64(&a[1])?);
    if y.is_infinite() && x.is_finite() {
        return Ok(float::new(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(float::new(r))
}

fn degrees(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let x = to_f64(args.one("math.degrees")?)?;
    Ok(float::new(x * (180.0 / std::f64::consts::PI)))
}

fn radians(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let x = to_f64(args.one("math.radians")?)?;
    Ok(float::new(x * (std::f64::consts::PI / 180.0)))
}

// ----- exactly rounded sums: fsum and hypot --------------------------------------------

/// Shewchuk's exact partial sums of a float sequence, as CPython's fsum keeps them.
struct Partials {
    p: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Partials {
    fn new() -> Partials {
        Partials {
            p: Vec::new(),
            special_sum: 0.0,
            inf_sum: 0.0,
        }
    }

    fn add(&mut self, xsave: f64) -> VmResult<()> {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..self.p.len() {
            let mut y = self.p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or NaN from finite input is an overflow of the sum.
                if xsave.is_finite() {
                    return Err(exceptions::named(
                        "OverflowError",
                        "intermediate overflow in fsum",
                    ));
                }
                if xsave.is_infinite() {
                    self.inf_sum += xsave;
                }
                self.special_sum += xsave;
                self.p.clear();
            } else {
                self.p.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum, and what is left of the exact sum after it.
    fn total(&self) -> VmResult<(f64, f64)> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(exceptions::value_error("-inf + inf in fsum"));
            }
            return Ok((self.special_sum, 0.0));
        }
        let p = &self.p;
        let Some(&last) = p.last() else {
            return Ok((0.0, 0.0));
        };
        let mut n = p.len() - 1;
        let mut hi = last;
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even: if the rest of the partials push the same way as `lo`,
        // hi + 2*lo may be the correctly rounded result.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                lo -= x - hi;
                hi = x;
            }
        }
        let rest: f64 = p[..n].iter().sum();
        Ok((hi, lo + rest))
    }
}

fn fsum(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let it = vm.iter(args.one("math.fsum")?)?;
    let mut acc = Partials::new();
    while let Some(item) = vm.next(&it)? {
        acc.add(to_f64(&item)?)?;
    }
    Ok(float::new(acc.total()?.0))
}

/// math.hypot(*coordinates): the Euclidean norm, from the exactly summed squares of
/// the coordinates scaled by a power of two, with one Newton correction of the root.
fn hypot(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("math.hypot")?;
    let xs: Vec<f64> = args
        .pos()
        .iter()
        .map(|o| to_f64(o).map(f64::abs))
        .collect::<VmResult<_>>()?;
    let max = xs.iter().copied().fold(0.0, f64::max);
    if max.is_infinite() {
        return Ok(float::new(max));
    }
    if xs.iter().any(|x| x.is_nan()) {
        return Ok(float::new(f64::NAN));
    }
    if max == 0.0 || xs.len() <= 1 {
        return Ok(float::new(max));
    }
    let (_, e) = frexp_f64(max);
    let mut acc = Partials::new();
    for &x in &xs {
        let s = ldexp_f64(x, -(e as i64));
        let sq = s * s;
        acc.add(sq)?;
        acc.add(s.mul_add(s, -sq))?;
    }
    let (hi, lo) = acc.total()?;
    let mut h = hi.sqrt();
    let residual = (-h).mul_add(h, hi) + lo;
    h += residual / (2.0 * h);
    Ok(float::new(ldexp_f64(h, e as i64)))
}

// ----- float decomposition -------------------------------------------------------------

/// frexp: (m, e) with x = m * 2**e and 0.5 <= |m| < 1 (x itself for 0, inf, nan).
fn frexp_f64(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adj) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022 + adj)
}

/// ldexp: x * 2**e rounded once (also into the subnormal range).
fn ldexp_f64(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = frexp_f64(x);
    let t = (ex as i64).saturating_add(e);
    let pow2 = |k: i64| {
        if k >= -1022 {
            f64::from_bits(((k + 1023) as u64) << 52)
        } else {
            f64::from_bits(1u64 << (k + 1074))
        }
    };
    if t > 1024 {
        f64::INFINITY.copysign(x)
    } else if t < -1074 {
        0f64.copysign(x)
    } else if t == 1024 {
        (m * 2.0) * pow2(1023)
    } else {
        m * pow2(t)
    }
}

fn frexp(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let x = to_f64(args.one("math.frexp")?)?;
    let (m, e) = frexp_f64(x);
    Ok(tuple::pair(float::new(m), int::new_i64(e as i64)))
}

fn ldexp(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("ldexp", 2, 2)?;
    let x = to_f64(&a[0])?;
    let Some(e) = int::value(&a[1]) else {
        return Err(exceptions::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    };
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let r = ldexp_f64(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error());
    }
    Ok(float::new(r))
}

fn modf(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let x = to_f64(args.one("math.modf")?)?;
    let (frac, whole) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let w = x.trunc();
        ((x - w).copysign(x), w)
    };
    Ok(tuple::pair(float::new(frac), float::new(whole)))
}

// ----- predicates ----------------------------------------------------------------------

fn isinf(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(bool_obj(to_f64(args.one("math.isinf")?)?.is_infinite()))
}

fn isnan(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(bool_obj(to_f64(args.one("math.isnan")?)?.is_nan()))
}

fn isfinite(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    Ok(bool_obj(to_f64(args.one("math.isfinite")?)?.is_finite()))
}

/// math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
fn isclose(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let p = args.parse(&Signature {
        fname: "isclose",
        names: &["a", "b", "rel_tol", "abs_tol"],
        posonly: 0,
        maxpos: 2,
        required: 2,
    })?;
    let a = to_f64(p[0].expect("required"))?;
    let b = to_f64(p[1].expect("required"))?;
    let rel_tol = p[2].map(to_f64).transpose()?.unwrap_or(1e-9);
    let abs_tol = p[3].map(to_f64).transpose()?.unwrap_or(0.0);
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(exceptions::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(bool_obj(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(bool_obj(false));
    }
    let diff = (b - a).abs();
    Ok(bool_obj(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

/// math.prod(iterable, *, start=1): the product by the `*` operator.
fn prod(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = args.parse(&Signature {
        fname: "prod",
        names: &["iterable", "start"],
        posonly: 1,
        maxpos: 1,
        required: 1,
    })?;
    let mut acc = p[1].cloned().unwrap_or_else(|| int::new_i64(1));
    let it = vm.iter(p[0].expect("required"))?;
    while let Some(item) = vm.next(&it)? {
        acc = binary_op(vm, &acc, &item, BinaryOp::Multiply, false)?;
    }
    Ok(acc)
}

// ----- integer functions ---------------------------------------------------------------

/// The product of `factors`, multiplied pairwise as a balanced tree (fast for big
/// results, and no recursion).
fn product_tree(mut factors: Vec<BigUint>) -> BigUint {
    while factors.len() > 1 {
        let mut next = Vec::with_capacity(factors.len().div_ceil(2));
        let mut it = factors.into_iter();
        while let Some(a) = it.next() {
            next.push(match it.next() {
                Some(b) => a * b,
                None => a,
            });
        }
        factors = next;
    }
    factors.pop().unwrap_or_else(BigUint::one)
}

/// The product hi * (hi - 1) * ... * (hi - count + 1).
fn falling_product(hi: &BigUint, count: u64) -> BigUint {
    let mut factors = Vec::new();
    if let Some(h) = hi.to_u64() {
        // Pack consecutive machine-word factors into one u64 while they fit.
        let mut acc: u64 = 1;
        for i in 0..count {
            let k = h - i;
            match acc.checked_mul(k) {
                Some(v) => acc = v,
                None => {
                    factors.push(BigUint::from(acc));
                    acc = k;
                }
            }
        }
        factors.push(BigUint::from(acc));
    } else {
        for i in 0..count {
            factors.push(hi - BigUint::from(i));
        }
    }
    product_tree(factors)
}

fn nonneg(o: &PyObj, what: &str) -> VmResult<BigUint> {
    let v = number_index(o)?;
    if v.is_negative() {
        return Err(exceptions::value_error(format!(
            "{what} must be a non-negative integer"
        )));
    }
    Ok(v.big().magnitude().clone())
}

fn factorial(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let v = number_index(args.one("math.factorial")?)?;
    if v.is_negative() {
        return Err(exceptions::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = v.to_i64() else {
        return Err(exceptions::named(
            "OverflowError",
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    let r = falling_product(&BigUint::from(n as u64), n as u64);
    big_obj(BigInt::from_biguint(Sign::Plus, r))
}

fn gcd(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("math.gcd")?;
    let mut g = BigInt::zero();
    for o in args.pos() {
        let v = number_index(o)?;
        g = g.gcd(&v.big());
    }
    big_obj(g)
}

fn lcm(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("math.lcm")?;
    let mut l = BigInt::one();
    for o in args.pos() {
        let v = number_index(o)?;
        l = if l.is_zero() || v.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&v.big())
        };
    }
    big_obj(l)
}

fn isqrt(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let v = number_index(args.one("math.isqrt")?)?;
    if v.is_negative() {
        return Err(exceptions::value_error(
            "isqrt() argument must be nonnegative",
        ));
    }
    if let Some(n) = v.to_u64() {
        // Integer square root of a machine word, corrected from the float estimate.
        let mut r = (n as f64).sqrt() as u64;
        while r.checked_mul(r).is_none_or(|sq| sq > n) {
            r -= 1;
        }
        while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= n) {
            r += 1;
        }
        return new_int(Int::from(r));
    }
    big_obj(v.big().sqrt())
}

/// math.comb(n, k).
fn comb(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("comb", 2, 2)?;
    let n = nonneg(&a[0], "n")?;
    let k = nonneg(&a[1], "k")?;
    if k > n {
        return new_int(Int::from(0i64));
    }
    let k = k.clone().min(&n - &k);
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(exceptions::named(
            "OverflowError",
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    let num = falling_product(&n, k);
    let den = falling_product(&BigUint::from(k), k);
    big_obj(BigInt::from_biguint(Sign::Plus, num / den))
}

/// math.perm(n, k=None).
fn perm(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("perm", 1, 2)?;
    let n = nonneg(&a[0], "n")?;
    let k = match a.get(1) {
        Some(k) if !k.is(&ctx().none) => nonneg(k, "k")?,
        _ => {
            // perm(n) is factorial(n)
            let Some(nn) = n.to_u64().filter(|&v| v <= i64::MAX as u64) else {
                return Err(exceptions::named(
                    "OverflowError",
                    "n must not exceed 9223372036854775807",
                ));
            };
            let r = falling_product(&n, nn);
            return big_obj(BigInt::from_biguint(Sign::Plus, r));
        }
    };
    if k > n {
        return new_int(Int::from(0i64));
    }
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(exceptions::named(
            "OverflowError",
            "k must not exceed 9223372036854775807",
        ));
    };
    big_obj(BigInt::from_biguint(Sign::Plus, falling_product(&n, k)))
}
