//! `math.hypot` as each CPython computes it (`Modules/mathmodule.c`): the C library's
//! `hypot(x, y)` before 3.8; from 3.8 `vector_norm` of any number of coordinates, scaled by
//! the largest and summed with a compensation term; from 3.10 scaled by a power of two,
//! squared and summed exactly (an `fma` split of each square, Neumaier's summation) with a
//! differential correction of the square root, which is correctly rounded in practice. The
//! three disagree in the last bit for about a third of random pairs, so each version gets its
//! own.

use crate::builtins::arity;
use crate::native::native;
use crate::value::Value;
use crate::Exc;
use gilsim_core::PythonVersion;

/// A number and its rounding error: `hi + lo` exactly.
#[derive(Clone, Copy)]
struct DoubleLength {
    hi: f64,
    lo: f64,
}

/// The exact product `x * y` (an fma gives the rounding error of the product).
fn dl_mul(x: f64, y: f64) -> DoubleLength {
    let hi = x * y;
    DoubleLength { hi, lo: x.mul_add(y, -hi) }
}

/// The exact sum `a + b` when `|a| >= |b|` (Dekker's fast two-sum).
fn dl_fast_sum(a: f64, b: f64) -> DoubleLength {
    let hi = a + b;
    DoubleLength { hi, lo: (a - hi) + b }
}

/// 3.10's `vector_norm` of the absolute coordinates `vec` whose largest is `max`.
fn norm_310(vec: &mut [f64], max: f64) -> f64 {
    let (_, max_e) = crate::hash::frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: subnormals made normal first.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * norm_310(vec, max / f64::MIN_POSITIVE);
    }
    let scale = crate::hash::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0, 0.0, 0.0);
    for &x in vec.iter() {
        let x = x * scale;
        let square = dl_mul(x, x);
        let sum = dl_fast_sum(csum, square.hi);
        csum = sum.hi;
        frac1 += square.lo;
        frac2 += sum.lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let square = dl_mul(-h, h);
    let sum = dl_fast_sum(csum, square.hi);
    csum = sum.hi;
    frac1 += square.lo;
    frac2 += sum.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// 3.8's and 3.9's `vector_norm`: each coordinate divided by the largest, with a running
/// compensation of the sum.
fn norm_38(vec: &[f64], max: f64) -> f64 {
    let (mut csum, mut frac) = (1.0f64, 0.0f64);
    for &x in vec {
        let x = x / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac += (old - csum) + x;
    }
    max * (csum - 1.0 + frac).sqrt()
}

/// The Euclidean norm of `coordinates` as `version` computes it.
pub(crate) fn vector_norm(version: PythonVersion, coordinates: &[f64]) -> f64 {
    let mut vec: Vec<f64> = coordinates.iter().map(|x| x.abs()).collect();
    let max = vec.iter().copied().fold(0.0, f64::max);
    if max.is_infinite() {
        return max;
    }
    if vec.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    if version >= PythonVersion::new(3, 10) {
        norm_310(&mut vec, max)
    } else {
        norm_38(&vec, max)
    }
}

native!(HYPOT, "math.hypot", |vm, th, args| {
    let version = vm.options.python;
    if version < PythonVersion::new(3, 8) {
        // The C library's, of exactly two coordinates.
        if args.pos.len() != 2 && version >= PythonVersion::new(3, 7) {
            let message = format!("hypot() takes exactly 2 arguments ({} given)", args.pos.len());
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
        arity(vm, "hypot", args, 2, 2)?;
        let (x, y) = (super::math::real(vm, th, &args.pos[0])?, super::math::real(vm, th, &args.pos[1])?);
        return Ok(Value::float(x.hypot(y)));
    }
    if !args.kw.is_empty() {
        let prefix = if version >= PythonVersion::new(3, 10) { "math." } else { "" };
        return Err(vm.raise_msg(Exc::TypeError, format!("{prefix}hypot() takes no keyword arguments")));
    }
    let mut coordinates = Vec::with_capacity(args.pos.len());
    for v in &args.pos {
        coordinates.push(super::math::real(vm, th, v)?);
    }
    Ok(Value::float(vector_norm(version, &coordinates)))
});

native!(C_HYPOT, "c_hypot", |vm, th, args| {
    arity(vm, "c_hypot", args, 2, 2)?;
    let (x, y) = (super::math::real(vm, th, &args.pos[0])?, super::math::real(vm, th, &args.pos[1])?);
    Ok(Value::float(x.hypot(y)))
});

/// `_gilsim.c_hypot(x, y)`: the C library's `hypot`, which CPython's complex numbers use for
/// `abs()` and powers in every version (library/gilsim_complex.py).
pub(crate) const NATIVES: [&crate::NativeFn; 1] = [&C_HYPOT];

/// `hypot` for the math module (its Python part's `dist` calls it).
pub(crate) fn natives() -> [&'static crate::NativeFn; 1] {
    [&HYPOT]
}
