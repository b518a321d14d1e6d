//! `math`'s special functions bit for bit as CPython computes them on Linux: `acosh`,
//! `asinh` and `atanh` are the C library's, and glibc's are fdlibm's algorithms
//! (sysdeps/ieee754/dbl-64: e_acosh.c, s_asinh.c, e_atanh.c) over its `log` and `log1p`,
//! which Rust's `ln` and `ln_1p` call — Rust's own `acosh`/`asinh` differ from them in the
//! last bit for about one argument in twenty; `gamma` and `lgamma` are mathmodule.c's own
//! (`m_tgamma`, `m_lgamma`), and `remainder` (3.7+) its `m_remainder`, IEEE 754's remainder
//! by `fmod`.

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
    // math_2's checks: a NaN from non-NaN arguments is a domain error.
    check(vm, !x.is_nan() && !y.is_nan(), false, remainder(x, y), false)
});

/// The functions of this file `version` has (`remainder` came in 3.7).
pub(crate) fn natives(version: gilsim_core::PythonVersion) -> Vec<&'static crate::NativeFn> {
    let mut natives: Vec<&'static crate::NativeFn> = vec![&ACOSH, &ASINH, &ATANH, &GAMMA, &LGAMMA];
    if version >= gilsim_core::PythonVersion::new(3, 7) {
        natives.push(&REMAINDER);
    }
    natives
}

// The gamma functions of mathmodule.c (its own, on every platform): Lanczos' approximation
// with N = 13 and g = 6.02468004077673 as a rational function, the reflection
// formula below zero, exact values for small integers.

const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5_040.0,
    40_320.0,
    362_880.0,
    3_628_800.0,
    39_916_800.0,
    479_001_600.0,
    6_227_020_800.0,
    87_178_291_200.0,
    1_307_674_368_000.0,
    20_922_789_888_000.0,
    355_687_428_096_000.0,
    6_402_373_705_728_000.0,
    121_645_100_408_832_000.0,
    2_432_902_008_176_640_000.0,
    51_090_942_171_709_440_000.0,
    1_124_000_727_777_607_680_000.0,
];
const LOG_PI: f64 = 1.1447298858494002;

/// `sin(pi*x)`, exact at integers (mathmodule.c's `m_sinpi`), for finite `x`.
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // Not -sin(pi*(y-1)): that gives -0.0 at y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Lanczos' sum for positive `x`, in 1/x past 5 (no overflow, less error).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `m_tgamma`: a NaN for the domain errors, an infinity for a pole or an overflow.
fn gamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x == 0.0 {
        return f64::INFINITY.copysign(x);
    }
    if x == x.floor() {
        if x < 0.0 {
            return f64::NAN;
        }
        if x <= 23.0 {
            return GAMMA_INTEGRAL[x as usize - 1];
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return 1.0 / x;
    }
    if absx > 200.0 {
        return if x < 0.0 { 0.0 / sinpi(x) } else { f64::INFINITY };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, for the correction factor (mathmodule.c explains it).
    let z =
        if absx > LANCZOS_G_MINUS_HALF { (y - absx) - LANCZOS_G_MINUS_HALF } else { (y - LANCZOS_G_MINUS_HALF) - absx };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    r
}

/// `m_lgamma`: an infinity for a pole (a domain error) or an overflow.
fn lgamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() { x } else { f64::INFINITY };
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { f64::INFINITY } else { 0.0 };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return -absx.ln();
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    r
}

native!(GAMMA, "math.gamma", |vm, th, args| {
    arity(vm, "gamma", args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?;
    let r = gamma(x);
    // A pole (0, a negative integer) or -inf is a domain error; past 171 an overflow.
    if (r.is_nan() && !x.is_nan()) || (x.is_finite() && (x == 0.0 || (x == x.floor() && x < 0.0))) {
        return Err(vm.raise_msg(Exc::ValueError, "math domain error"));
    }
    check(vm, false, x.is_finite(), r, true)
});
native!(LGAMMA, "math.lgamma", |vm, th, args| {
    arity(vm, "lgamma", args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?;
    let r = lgamma(x);
    if x.is_finite() && x == x.floor() && x <= 0.0 {
        return Err(vm.raise_msg(Exc::ValueError, "math domain error"));
    }
    check(vm, false, x.is_finite(), r, true)
});
