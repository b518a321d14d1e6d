//! The native part of `math`: the functions CPython takes from the C library (`log`, `exp`,
//! the trigonometric ones, `sqrt`, `pow`, ...). Rust's `f64` methods call the same C library
//! on the platforms gilsim runs on, so results match CPython's bit for bit. Errors follow
//! `Modules/mathmodule.c`: a NaN or infinite result from finite arguments is "math domain
//! error" (ValueError) or "math range error" (OverflowError). The rest of `math` is Python
//! (library/math.py).

use super::build_module as module;
use crate::builtins::{arity, type_name_of};
use crate::native::native;
use crate::value::Value;
use crate::{Control, Exc, NResult, Thread, Vm};

/// A real-number argument (`must be real number, not str`).
/// An instance converts as CPython's `PyFloat_AsDouble` does: its `__float__`, or (3.8+) its
/// `__index__` (a `Decimal`, a complex number refusing before 3.10).
pub(crate) fn real(vm: &mut Vm, th: &mut Thread, v: &Value) -> Result<f64, Control> {
    if let Some(f) = vm.float_operand(v)? {
        return Ok(f);
    }
    if let Some(method) = vm.user_method(v, "__float__") {
        return match vm.call_nested(th, method, crate::native::Args::new(vec![v.clone()]))? {
            Value::Float(f) => Ok(f.get()),
            other => {
                let message =
                    format!("{}.__float__ returned non-float (type {})", type_name_of(v), type_name_of(&other));
                Err(vm.raise_msg(Exc::TypeError, message))
            }
        };
    }
    if let Some(f) = vm.float_operand(crate::immutable_subclass::value_of(v))? {
        // An int or float subclass without its own `__float__`.
        return Ok(f);
    }
    if vm.options.python >= gilsim_core::PythonVersion::new(3, 8) {
        if let Some(method) = vm.user_method(v, "__index__") {
            let index = vm.call_nested(th, method, crate::native::Args::new(vec![v.clone()]))?;
            if let Some(f) = vm.float_operand(&index)? {
                return Ok(f);
            }
        }
    }
    Err(vm.raise_msg(Exc::TypeError, format!("must be real number, not {}", type_name_of(v))))
}

/// `math_1` of mathmodule.c: `f(x)`, with CPython's checks on the result.
pub(super) fn unary(
    vm: &mut Vm,
    th: &mut Thread,
    args: &crate::native::Args,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> NResult {
    arity(vm, name, args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?;
    let r = f(x);
    // math_1: a NaN from anything but a NaN is invalid (`cos(inf)`), an infinity from a
    // finite argument an overflow or a singularity.
    check(vm, !x.is_nan(), x.is_finite(), r, can_overflow)
}

/// CPython's errors for a result `r`: a NaN is a domain error when `nan_is_invalid`, an
/// infinity when `finite_input` (a range error where the function `can_overflow`).
pub(super) fn check(vm: &mut Vm, nan_is_invalid: bool, finite_input: bool, r: f64, can_overflow: bool) -> NResult {
    if r.is_nan() && nan_is_invalid {
        return Err(vm.raise_msg(Exc::ValueError, "math domain error"));
    }
    if r.is_infinite() && finite_input {
        return Err(if can_overflow {
            vm.raise_msg(Exc::OverflowError, "math range error")
        } else {
            vm.raise_msg(Exc::ValueError, "math domain error")
        });
    }
    Ok(Value::float(r))
}

/// `log(x)` of an int or float: a domain error at and below zero.
fn ln(vm: &mut Vm, th: &mut Thread, v: &Value) -> Result<f64, Control> {
    let x = real(vm, th, v)?;
    if x <= 0.0 {
        return Err(vm.raise_msg(Exc::ValueError, "math domain error"));
    }
    Ok(x.ln())
}

native!(LOG, "math.log", |vm, th, args| {
    arity(vm, "log", args, 1, 2)?;
    let num = ln(vm, th, &args.pos[0])?;
    match args.pos.get(1) {
        None => Ok(Value::float(num)),
        Some(base) => {
            let den = ln(vm, th, base)?;
            if den == 0.0 {
                return Err(vm.raise_msg(Exc::ZeroDivisionError, "float division by zero"));
            }
            Ok(Value::float(num / den))
        }
    }
});
native!(LOG2, "math.log2", |vm, th, args| {
    arity(vm, "math.log2", args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?;
    if x <= 0.0 {
        return Err(vm.raise_msg(Exc::ValueError, "math domain error"));
    }
    Ok(Value::float(x.log2()))
});
native!(LOG10, "math.log10", |vm, th, args| {
    arity(vm, "math.log10", args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?;
    if x <= 0.0 {
        return Err(vm.raise_msg(Exc::ValueError, "math domain error"));
    }
    Ok(Value::float(x.log10()))
});
native!(CBRT, "math.cbrt", |vm, th, args| unary(vm, th, args, "math.cbrt", glibc_cbrt, false));
native!(EXP2, "math.exp2", |vm, th, args| unary(vm, th, args, "math.exp2", f64::exp2, true));
// `nextafter(x, y)` (3.9): the next float after x towards y.
native!(NEXTAFTER, "math.nextafter", |vm, th, args| {
    arity(vm, "nextafter", args, 2, 2)?;
    let (x, y) = (real(vm, th, &args.pos[0])?, real(vm, th, &args.pos[1])?);
    Ok(Value::float(next_after(x, y)))
});
// `ulp(x)` (3.9): the distance from |x| to the next float away from zero.
native!(ULP, "math.ulp", |vm, th, args| {
    arity(vm, "ulp", args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    let up = x.next_up();
    Ok(Value::float(if up.is_infinite() { x - x.next_down() } else { up - x }))
});

/// glibc's `cbrt` (sysdeps/ieee754/dbl-64/s_cbrt.c), which CPython calls: a polynomial
/// start and one Halley step, not correctly rounded (`cbrt(27.0)` is 3.0000000000000004);
/// Rust's `f64::cbrt` rounds differently.
fn glibc_cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_2;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_5;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = crate::hash::frexp(x.abs());
    // glibc's coefficients, written as the doubles they round to.
    let u = 0.354_895_765_043_919_84
        + (1.508_191_937_815_849
            + (-2.114_994_941_673_713
                + (2.446_931_225_635_344_4
                    + (-1.834_692_774_836_130_8 + (0.784_932_344_976_639_2 - 0.145_263_899_385_486_37 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    crate::hash::ldexp(ym, xe / 3).copysign(x)
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if y > x {
        x.next_up()
    } else {
        x.next_down()
    }
}

native!(LOG1P, "math.log1p", |vm, th, args| unary(vm, th, args, "math.log1p", f64::ln_1p, false));
native!(EXP, "math.exp", |vm, th, args| unary(vm, th, args, "math.exp", f64::exp, true));
native!(EXPM1, "math.expm1", |vm, th, args| unary(vm, th, args, "math.expm1", f64::exp_m1, true));
native!(SQRT, "math.sqrt", |vm, th, args| unary(vm, th, args, "math.sqrt", f64::sqrt, false));
native!(SIN, "math.sin", |vm, th, args| unary(vm, th, args, "math.sin", f64::sin, false));
native!(COS, "math.cos", |vm, th, args| unary(vm, th, args, "math.cos", f64::cos, false));
native!(TAN, "math.tan", |vm, th, args| unary(vm, th, args, "math.tan", f64::tan, false));
native!(ASIN, "math.asin", |vm, th, args| unary(vm, th, args, "math.asin", f64::asin, false));
native!(ACOS, "math.acos", |vm, th, args| unary(vm, th, args, "math.acos", f64::acos, false));
native!(ATAN, "math.atan", |vm, th, args| unary(vm, th, args, "math.atan", f64::atan, false));
native!(SINH, "math.sinh", |vm, th, args| unary(vm, th, args, "math.sinh", f64::sinh, true));
native!(COSH, "math.cosh", |vm, th, args| unary(vm, th, args, "math.cosh", f64::cosh, true));
native!(TANH, "math.tanh", |vm, th, args| unary(vm, th, args, "math.tanh", f64::tanh, false));
native!(ATAN2, "math.atan2", |vm, th, args| {
    arity(vm, "atan2", args, 2, 2)?;
    let (y, x) = (real(vm, th, &args.pos[0])?, real(vm, th, &args.pos[1])?);
    Ok(Value::float(y.atan2(x)))
});
native!(POW, "math.pow", |vm, th, args| {
    arity(vm, "pow", args, 2, 2)?;
    let (x, y) = (real(vm, th, &args.pos[0])?, real(vm, th, &args.pos[1])?);
    // C99's pow, with mathmodule.c's errors: 0 to a negative power and a negative base to a
    // fractional power are domain errors; a finite overflow is a range error.
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(vm.raise_msg(Exc::ValueError, "math domain error"));
    }
    let finite = x.is_finite() && y.is_finite();
    check(vm, finite, finite, x.powf(y), true)
});

native!(FSUM, "math.fsum", |vm, th, args| {
    arity(vm, "math.fsum", args, 1, 1)?;
    let items = vm.collect(th, &args.pos[0])?;
    let mut values = Vec::with_capacity(items.len());
    for item in &items {
        values.push(real(vm, th, item)?);
    }
    match exact_sum(&values) {
        Ok(sum) => Ok(Value::float(sum)),
        Err(FsumError::Overflow) => Err(vm.raise_msg(Exc::OverflowError, "intermediate overflow in fsum")),
        Err(FsumError::InfMinusInf) => Err(vm.raise_msg(Exc::ValueError, "-inf + inf in fsum")),
    }
});

native!(FREXP, "math.frexp", |vm, th, args| {
    arity(vm, "math.frexp", args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?;
    let (mantissa, exponent) = crate::hash::frexp(x);
    Ok(Value::tuple(vec![Value::float(mantissa), Value::Int(i64::from(exponent))]))
});

native!(LDEXP, "math.ldexp", |vm, th, args| {
    arity(vm, "ldexp", args, 2, 2)?;
    let x = real(vm, th, &args.pos[0])?;
    let Some(exponent) = crate::int::as_int(&args.pos[1]) else {
        return Err(vm.raise_msg(Exc::TypeError, "Expected an int as second argument to ldexp."));
    };
    let r = crate::hash::ldexp(x, exponent.saturating().clamp(-2200, 2200) as i32);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.raise_msg(Exc::OverflowError, "math range error"));
    }
    Ok(Value::float(r))
});

enum FsumError {
    Overflow,
    InfMinusInf,
}

/// `math.fsum`: Shewchuk's exact partials and the final half-even fix-up, as
/// `Modules/mathmodule.c` (math_fsum) does them.
fn exact_sum(values: &[f64]) -> Result<f64, FsumError> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for &item in values {
        let mut x = item;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                if item.is_finite() {
                    return Err(FsumError::Overflow);
                }
                if item.is_infinite() {
                    inf_sum += item;
                }
                special_sum += item;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        return if inf_sum.is_nan() { Err(FsumError::InfMinusInf) } else { Ok(special_sum) };
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// The native part of `math` in `version` (`nextafter` and `ulp` came in 3.9, `cbrt` and
/// `exp2` in 3.11).
pub fn new(version: gilsim_core::PythonVersion) -> Value {
    let mut natives: Vec<&'static crate::NativeFn> = vec![
        &LOG, &LOG2, &LOG10, &LOG1P, &EXP, &EXPM1, &SQRT, &SIN, &COS, &TAN, &ASIN, &ACOS, &ATAN, &SINH, &COSH, &TANH,
        &ATAN2, &POW, &FSUM, &FREXP, &LDEXP,
    ];
    natives.extend(super::math_norm::natives());
    natives.extend(super::math_special::natives(version));
    natives.extend(super::math_erf::NATIVES);
    if version >= gilsim_core::PythonVersion::new(3, 9) {
        natives.extend([&NEXTAFTER, &ULP]);
    }
    if version >= gilsim_core::PythonVersion::new(3, 11) {
        natives.extend([&CBRT, &EXP2]);
    }
    module("math", &natives, vec![])
}
