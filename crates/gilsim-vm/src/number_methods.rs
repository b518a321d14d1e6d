//! Methods of `int` and `float` beyond construction: `int.bit_length`, `int.conjugate`,
//! `float.is_integer`, `float.conjugate`, `as_integer_ratio` (float; int from 3.8).

use crate::builtins::arity;
use crate::int;
use crate::native::native;
use crate::types::Types;
use crate::value::Value;
use crate::Exc;

pub(crate) fn install(t: &Types) {
    crate::methods::add(
        &t.int,
        &[("bit_length", &INT_BIT_LENGTH), ("conjugate", &NUMBER_CONJUGATE), ("as_integer_ratio", &INT_RATIO)],
    );
    crate::methods::add(
        &t.float,
        &[("is_integer", &FLOAT_IS_INTEGER), ("conjugate", &NUMBER_CONJUGATE), ("as_integer_ratio", &FLOAT_RATIO)],
    );
}

native!(FLOAT_RATIO, "float.as_integer_ratio", |vm, _th, args| {
    arity(vm, "as_integer_ratio", args, 1, 1)?;
    let Value::Float(f) = args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "descriptor 'as_integer_ratio' requires a 'float' object"));
    };
    if f.get().is_infinite() {
        return Err(vm.raise_msg(Exc::OverflowError, "cannot convert Infinity to integer ratio"));
    }
    if f.get().is_nan() {
        return Err(vm.raise_msg(Exc::ValueError, "cannot convert NaN to integer ratio"));
    }
    let (numerator, denominator) = exact_ratio(f.get());
    Ok(Value::tuple(vec![int::from_big(numerator), int::from_big(denominator)]))
});
native!(INT_RATIO, "int.as_integer_ratio", |vm, _th, args| {
    arity(vm, "as_integer_ratio", args, 1, 1)?;
    if vm.options.python < gilsim_core::PythonVersion::new(3, 8) {
        return Err(vm.attribute_error(&args.pos[0], "as_integer_ratio"));
    }
    match int::as_int(&args.pos[0]) {
        Some(i) => Ok(Value::tuple(vec![int::from_big(i.big().into_owned()), Value::Int(1)])),
        None => Err(vm.raise_msg(Exc::TypeError, "descriptor 'as_integer_ratio' requires an 'int' object")),
    }
});

/// A finite float as the fraction `n / d` in lowest terms with `d` a power of two.
fn exact_ratio(f: f64) -> (num_bigint::BigInt, num_bigint::BigInt) {
    use num_bigint::BigInt;
    if f == 0.0 {
        return (BigInt::from(0), BigInt::from(1));
    }
    let (mut mantissa, mut exponent) = int::float_parts(f);
    let zeros = mantissa.trailing_zeros();
    mantissa >>= zeros;
    exponent += i64::from(zeros);
    let mut numerator = BigInt::from(mantissa);
    if f < 0.0 {
        numerator = -numerator;
    }
    if exponent >= 0 {
        (numerator << exponent as usize, BigInt::from(1))
    } else {
        (numerator, BigInt::from(1) << (-exponent) as usize)
    }
}

native!(INT_BIT_LENGTH, "int.bit_length", |vm, _th, args| {
    arity(vm, "bit_length", args, 1, 1)?;
    match int::as_int(&args.pos[0]) {
        Some(i) => Ok(Value::Int(i.big().bits() as i64)),
        None => Err(vm.raise_msg(Exc::TypeError, "descriptor 'bit_length' requires an 'int' object")),
    }
});
native!(FLOAT_IS_INTEGER, "float.is_integer", |vm, _th, args| {
    arity(vm, "is_integer", args, 1, 1)?;
    match args.pos[0] {
        Value::Float(f) => Ok(Value::bool(f.get().is_finite() && f.get().fract() == 0.0)),
        _ => Err(vm.raise_msg(Exc::TypeError, "descriptor 'is_integer' requires a 'float' object")),
    }
});
native!(NUMBER_CONJUGATE, "int.conjugate", |vm, _th, args| {
    arity(vm, "conjugate", args, 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        other => other.clone(),
    })
});
