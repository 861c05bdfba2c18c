//! The functions of the cmath module on complex values, with the algorithms CPython
//! 3.11's cmathmodule.c documents (scaling to avoid overflow and underflow, log1p
//! near |z| = 1, the inverse functions through square roots), so ordinary inputs give
//! python3's results to the last digit. Arguments with an infinite or NaN part take
//! CPython's special values (cmath_special.rs).
//!
//! Errors are CPython's errno: `Err(Domain)` is ValueError "math domain error",
//! `Err(Range)` OverflowError "math range error".

use super::cmath_special::{self as sv, Table};
use super::complex::{quot, C};

/// Why a cmath function failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathErr {
    Domain,
    Range,
}

type R = Result<C, MathErr>;

const DBL_MIN: f64 = f64::MIN_POSITIVE;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const E: f64 = std::f64::consts::E;
/// DBL_MAX / 4: beyond it the usual formulas may overflow.
const LARGE: f64 = f64::MAX / 4.0;
/// Mantissa digits of a double.
const MANT_DIG: i32 = 53;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

fn sqrt_dbl_min() -> f64 {
    DBL_MIN.sqrt()
}

fn ldexp(x: f64, e: i32) -> f64 {
    super::convert::ldexp(x, i64::from(e))
}

/// asinh of a real, by the classic fdlibm algorithm (as the C library computes it).
pub fn real_asinh(x: f64) -> f64 {
    let ix = ((x.to_bits() >> 32) as u32) & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x + x;
    }
    if ix < 0x3e30_0000 {
        return x;
    }
    let ax = x.abs();
    let w = if ix > 0x41b0_0000 {
        ax.ln() + LN2
    } else if ix > 0x4000_0000 {
        (2.0 * ax + 1.0 / ((x * x + 1.0).sqrt() + ax)).ln()
    } else {
        let t = x * x;
        (ax + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

/// The class of a part for the special-value tables.
fn class(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x.is_infinite() {
        if x > 0.0 {
            5
        } else {
            0
        }
    } else if x == 0.0 {
        if x.is_sign_negative() {
            2
        } else {
            3
        }
    } else if x < 0.0 {
        1
    } else {
        4
    }
}

/// The table's result for a z with an infinite or NaN part.
fn special(t: &Table, z: C) -> R {
    let (re, im, err) = t[class(z.re)][class(z.im)];
    match err {
        1 => Err(MathErr::Domain),
        2 => Err(MathErr::Range),
        _ => Ok(C::new(f64::from_bits(re), f64::from_bits(im))),
    }
}

fn finite(z: C) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

pub fn sqrt(z: C) -> R {
    if !finite(z) {
        return special(&sv::SQRT, z);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return Ok(C::new(0.0, z.im));
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < DBL_MIN && ay < DBL_MIN {
        // hypot(ax, ay) may be subnormal: scale up first.
        ax = ldexp(ax, MANT_DIG);
        ldexp(
            (ax + ax.hypot(ldexp(ay, MANT_DIG))).sqrt(),
            -(MANT_DIG + 1) / 2,
        )
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    Ok(if z.re >= 0.0 {
        C::new(s, d.copysign(z.im))
    } else {
        C::new(d, s.copysign(z.im))
    })
}

pub fn exp(z: C) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            return Ok(if z.re > 0.0 {
                C::new(
                    f64::INFINITY.copysign(z.im.cos()),
                    f64::INFINITY.copysign(z.im.sin()),
                )
            } else {
                C::new(0.0f64.copysign(z.im.cos()), 0.0f64.copysign(z.im.sin()))
            });
        }
        return special(&sv::EXP, z);
    }
    let r = if z.re > log_large() {
        let l = (z.re - 1.0).exp();
        C::new(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        C::new(l * z.im.cos(), l * z.im.sin())
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

/// log(z), natural.
pub fn log(z: C) -> R {
    if !finite(z) {
        return special(&sv::LOG, z);
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < DBL_MIN && ay < DBL_MIN {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - f64::from(MANT_DIG) * LN2
        } else {
            return Err(MathErr::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let am = if ax > ay { ax } else { ay };
            let an = if ax > ay { ay } else { ax };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok(C::new(re, z.im.atan2(z.re)))
}

/// log(z, base).
pub fn log_base(z: C, base: C) -> R {
    let a = log(z)?;
    let b = log(base)?;
    quot(a, b).ok_or(MathErr::Domain)
}

pub fn log10(z: C) -> R {
    let r = log(z)?;
    Ok(C::new(r.re / LN10, r.im / LN10))
}

pub fn asinh(z: C) -> R {
    if !finite(z) {
        return special(&sv::ASINH, z);
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        return Ok(C::new(re, z.im.atan2(z.re.abs())));
    }
    let s1 = sqrt(C::new(1.0 + z.im, -z.re))?;
    let s2 = sqrt(C::new(1.0 - z.im, z.re))?;
    Ok(C::new(
        real_asinh(s1.re * s2.im - s2.re * s1.im),
        z.im.atan2(s1.re * s2.re - s1.im * s2.im),
    ))
}

pub fn asin(z: C) -> R {
    let s = asinh(C::new(-z.im, z.re))?;
    Ok(C::new(s.im, -s.re))
}

pub fn acos(z: C) -> R {
    if !finite(z) {
        return special(&sv::ACOS, z);
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let re = z.im.abs().atan2(z.re);
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        return Ok(C::new(re, im));
    }
    let s1 = sqrt(C::new(1.0 - z.re, -z.im))?;
    let s2 = sqrt(C::new(1.0 + z.re, z.im))?;
    Ok(C::new(
        2.0 * s1.re.atan2(s2.re),
        real_asinh(s2.re * s1.im - s2.im * s1.re),
    ))
}

pub fn acosh(z: C) -> R {
    if !finite(z) {
        return special(&sv::ACOSH, z);
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        return Ok(C::new(
            (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0,
            z.im.atan2(z.re),
        ));
    }
    let s1 = sqrt(C::new(z.re - 1.0, z.im))?;
    let s2 = sqrt(C::new(z.re + 1.0, z.im))?;
    Ok(C::new(
        real_asinh(s1.re * s2.re + s1.im * s2.im),
        2.0 * s1.im.atan2(s2.re),
    ))
}

pub fn atanh(z: C) -> R {
    if !finite(z) {
        return special(&sv::ATANH, z);
    }
    if z.re < 0.0 {
        let r = atanh(C::new(-z.re, -z.im))?;
        return Ok(C::new(-r.re, -r.im));
    }
    let ay = z.im.abs();
    let big = sqrt_large();
    if z.re > big || ay > big {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return Ok(C::new(
            z.re / 4.0 / h / h,
            -(std::f64::consts::FRAC_PI_2).copysign(-z.im),
        ));
    }
    if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(C::new(
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2.0f64.atan2(-ay) / 2.0).copysign(z.im),
        ));
    }
    let one_minus = 1.0 - z.re;
    Ok(C::new(
        (4.0 * z.re / (one_minus * one_minus + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * z.im).atan2(one_minus * (1.0 + z.re) - ay * ay) / 2.0,
    ))
}

pub fn atan(z: C) -> R {
    let s = atanh(C::new(-z.im, z.re))?;
    Ok(C::new(s.im, -s.re))
}

pub fn cosh(z: C) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            return Ok(if z.re > 0.0 {
                C::new(
                    f64::INFINITY.copysign(z.im.cos()),
                    f64::INFINITY.copysign(z.im.sin()),
                )
            } else {
                C::new(
                    f64::INFINITY.copysign(z.im.cos()),
                    -f64::INFINITY.copysign(z.im.sin()),
                )
            });
        }
        return special(&sv::COSH, z);
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        C::new(z.im.cos() * x1.cosh() * E, z.im.sin() * x1.sinh() * E)
    } else {
        C::new(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

pub fn sinh(z: C) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            return Ok(if z.re > 0.0 {
                C::new(
                    f64::INFINITY.copysign(z.im.cos()),
                    f64::INFINITY.copysign(z.im.sin()),
                )
            } else {
                C::new(
                    -f64::INFINITY.copysign(z.im.cos()),
                    f64::INFINITY.copysign(z.im.sin()),
                )
            });
        }
        return special(&sv::SINH, z);
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        C::new(z.im.cos() * x1.sinh() * E, z.im.sin() * x1.cosh() * E)
    } else {
        C::new(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

pub fn tanh(z: C) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            return Ok(C::new(
                1.0f64.copysign(z.re),
                0.0f64.copysign(2.0 * z.im.sin() * z.im.cos()),
            ));
        }
        return special(&sv::TANH, z);
    }
    if z.re.abs() > log_large() {
        return Ok(C::new(
            1.0f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        ));
    }
    let tx = z.re.tanh();
    let ty = z.im.tan();
    let cx = 1.0 / z.re.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok(C::new(
        tx * (1.0 + ty * ty) / denom,
        ((ty / denom) * cx) * cx,
    ))
}

/// The function of i*z whose result is rotated back: f(z) = -i g(i z).
fn rotated(z: C, g: fn(C) -> R) -> R {
    let s = g(C::new(-z.im, z.re))?;
    Ok(C::new(s.im, -s.re))
}

pub fn cos(z: C) -> R {
    cosh(C::new(-z.im, z.re))
}

pub fn sin(z: C) -> R {
    rotated(z, sinh)
}

pub fn tan(z: C) -> R {
    rotated(z, tanh)
}

/// rect(r, phi): r * (cos(phi) + i sin(phi)).
pub fn rect(r: f64, phi: f64) -> R {
    if !r.is_finite() || !phi.is_finite() {
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (c, s) = (phi.cos(), phi.sin());
            return Ok(if r > 0.0 {
                C::new(f64::INFINITY.copysign(c), f64::INFINITY.copysign(s))
            } else {
                C::new(-f64::INFINITY.copysign(c), -f64::INFINITY.copysign(s))
            });
        }
        // CPython's rect table, by the classes of r and phi.
        return special(&sv::RECT, C::new(r, phi));
    }
    if phi == 0.0 {
        return Ok(C::new(r, r * phi));
    }
    Ok(C::new(r * phi.cos(), r * phi.sin()))
}
