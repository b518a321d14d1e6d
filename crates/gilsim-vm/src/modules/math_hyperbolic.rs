//! `math.acosh`, `asinh`, `atanh` and `remainder` bit for bit as CPython computes them on
//! Linux: the first three are the C library's, and glibc's are fdlibm's algorithms
//! (sysdeps/ieee754/dbl-64: e_acosh.c, s_asinh.c, e_atanh.c) over its `log` and `log1p`,
//! which Rust's `ln` and `ln_1p` call — Rust's own `acosh`/`asinh` differ from them in the
//! last bit for about one argument in twenty. `remainder` (3.7+) is mathmodule.c's
//! `m_remainder`, IEEE 754's remainder by `fmod`.

use super::math::{check, real, unary};
use crate::builtins::arity;
use crate::native::native;
use crate::Exc;
use std::f64::consts::LN_2 as LN2;

/// glibc's `__ieee754_acosh`: a NaN below 1.
fn acosh(x: f64) -> f64 {
    let hx = x.to_bits() as i64;
    if hx < 0x3ff0_0000_0000_0000 {
        f64::NAN
    } else if hx >= 0x41b0_0000_0000_0000 {
        // Past 2**28 (an infinity or NaN stays itself).
        if hx >= 0x7ff0_0000_0000_0000 {
            x + x
        } else {
            x.ln() + LN2
        }
    } else if hx == 0x3ff0_0000_0000_0000 {
        0.0
    } else if hx > 0x4000_0000_0000_0000 {
        let t = x * x;
        (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln()
    } else {
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

/// glibc's `__asinh`.
fn asinh(x: f64) -> f64 {
    let ix = ((x.to_bits() >> 32) as u32) & 0x7fff_ffff;
    if ix < 0x3e30_0000 {
        // |x| < 2**-28: x itself.
        return x;
    }
    let w = if ix > 0x41b0_0000 {
        if ix >= 0x7ff0_0000 {
            return x + x;
        }
        x.abs().ln() + LN2
    } else {
        let xa = x.abs();
        if ix > 0x4000_0000 {
            (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
        } else {
            let t = xa * xa;
            (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
        }
    };
    w.copysign(x)
}

/// glibc's `__ieee754_atanh`: a NaN past ±1, an infinity at it (both math domain errors).
fn atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < f64::from_bits(0x3e30_0000_0000_0000) {
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 || xa.is_nan() {
        return if xa.is_nan() { x } else { f64::NAN };
    } else {
        return x / 0.0;
    };
    t.copysign(x)
}

/// mathmodule.c's `m_remainder`: `x - n*y` for the integer `n` nearest `x/y` (ties to even).
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: the even multiple.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

native!(ACOSH, "math.acosh", |vm, th, args| unary(vm, th, args, "math.acosh", acosh, false));
native!(ASINH, "math.asinh", |vm, th, args| unary(vm, th, args, "math.asinh", asinh, false));
native!(ATANH, "math.atanh", |vm, th, args| unary(vm, th, args, "math.atanh", atanh, false));
native!(REMAINDER, "math.remainder", |vm, th, args| {
    arity(vm, "remainder", args, 2, 2)?;
    let x = real(vm, th, &args.pos[0])?;
    let y = real(vm, th, &args.pos[1])?;
    let r = remainder(x, y);
    // math_2's checks: a NaN from non-NaN arguments is a domain error.
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.raise_msg(Exc::ValueError, "math domain error"));
    }
    check(vm, false, false, r, false)
});

/// The functions of this file `version` has (`remainder` came in 3.7).
pub(crate) fn natives(version: gilsim_core::PythonVersion) -> Vec<&'static crate::NativeFn> {
    let mut natives: Vec<&'static crate::NativeFn> = vec![&ACOSH, &ASINH, &ATANH];
    if version >= gilsim_core::PythonVersion::new(3, 7) {
        natives.push(&REMAINDER);
    }
    natives
}
