//! Methods of `int` and `float` beyond construction: `int.bit_length`, `int.bit_count`
//! (3.10+), `int.conjugate`, `float.is_integer`, `float.conjugate`, `float.hex` and
//! `float.fromhex`, `as_integer_ratio` (float; int from 3.8).

use crate::builtins::arity;
use crate::int;
use crate::native::native;
use crate::types::Types;
use crate::value::Value;
use crate::Exc;

pub(crate) fn install(t: &Types) {
    crate::methods::add(
        &t.int,
        &[
            ("bit_length", &INT_BIT_LENGTH),
            ("bit_count", &INT_BIT_COUNT),
            ("conjugate", &NUMBER_CONJUGATE),
            ("as_integer_ratio", &INT_RATIO),
        ],
    );
    crate::methods::add(
        &t.float,
        &[
            ("is_integer", &FLOAT_IS_INTEGER),
            ("conjugate", &NUMBER_CONJUGATE),
            ("as_integer_ratio", &FLOAT_RATIO),
            ("hex", &FLOAT_HEX),
        ],
    );
    let fromhex = crate::Vm::descriptor(crate::value::DescriptorKind::StaticMethod, Value::Native(&FLOAT_FROMHEX));
    t.float.dict.borrow_mut().insert(crate::Str::from("fromhex"), fromhex);
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
native!(INT_BIT_COUNT, "int.bit_count", |vm, _th, args| {
    arity(vm, "bit_count", args, 1, 1)?;
    if vm.options.python < gilsim_core::PythonVersion::new(3, 10) {
        return Err(vm.attribute_error(&args.pos[0], "bit_count"));
    }
    match int::as_int(&args.pos[0]) {
        Some(i) => Ok(Value::Int(i.big().magnitude().count_ones() as i64)),
        None => Err(vm.raise_msg(Exc::TypeError, "descriptor 'bit_count' requires an 'int' object")),
    }
});

// `x.hex()`: `[-]0x1.<13 hex digits>p<exponent>` (subnormals `0x0.`), as `float_hex` prints it.
native!(FLOAT_HEX, "float.hex", |vm, _th, args| {
    arity(vm, "hex", args, 1, 1)?;
    let Value::Float(f) = args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "descriptor 'hex' requires a 'float' object"));
    };
    Ok(Value::str(&float_hex(f.get())))
});

fn float_hex(x: f64) -> String {
    if x.is_nan() || x.is_infinite() {
        return crate::repr::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exponent) = if exponent == 0 { (0, -1022) } else { (1, exponent - 1023) };
    format!("{sign}0x{lead}.{fraction:013x}p{exponent:+}")
}

// `float.fromhex(s)`: the inverse of `hex()` (any number of hex digits, an optional point and
// `p` exponent, `inf`/`nan`, surrounding whitespace).
native!(FLOAT_FROMHEX, "float.fromhex", |vm, _th, args| {
    arity(vm, "fromhex", args, 1, 1)?;
    let Value::Str(text) = &args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "bad argument type for built-in operation"));
    };
    match float_fromhex(text.trim()) {
        Some(Ok(f)) => Ok(Value::Float(f.into())),
        Some(Err(())) => Err(vm.raise_msg(Exc::OverflowError, "hexadecimal value too large to represent as a float")),
        None => Err(vm.raise_msg(Exc::ValueError, "invalid hexadecimal floating-point string")),
    }
});

/// The float a hex string spells (None: not one; Err: too large).
fn float_fromhex(s: &str) -> Option<Result<f64, ()>> {
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |f: f64| if negative { -f } else { f };
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity") {
        return Some(Ok(signed(f64::INFINITY)));
    }
    if lower == "nan" {
        return Some(Ok(signed(f64::NAN)));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exponent) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let digits: String = whole.chars().chain(fraction.chars()).collect();
    let value = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 16)?;
    let exponent = exponent.checked_sub(4 * fraction.len() as i64)?;
    // value * 2**exponent: the digits rounded to a double, then scaled exactly (but for
    // subnormal results, rounded twice).
    let digits = num_traits::ToPrimitive::to_f64(&value).unwrap_or(f64::INFINITY);
    let f = crate::hash::ldexp(digits, exponent.clamp(-4000, 4000) as i32);
    if f.is_infinite() {
        return Some(Err(()));
    }
    Some(Ok(signed(f)))
}

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
