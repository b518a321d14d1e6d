//! Methods of `int` and `float` beyond construction: `int.bit_length`, `int.conjugate`,
//! `float.is_integer`, `float.conjugate`.

use crate::builtins::arity;
use crate::int;
use crate::native::native;
use crate::types::Types;
use crate::value::Value;
use crate::Exc;

pub(crate) fn install(t: &Types) {
    crate::methods::add(&t.int, &[("bit_length", &INT_BIT_LENGTH), ("conjugate", &NUMBER_CONJUGATE)]);
    crate::methods::add(&t.float, &[("is_integer", &FLOAT_IS_INTEGER), ("conjugate", &NUMBER_CONJUGATE)]);
}

native!(INT_BIT_LENGTH, "int.bit_length", |vm, _th, args| {
    arity(vm, "bit_length", &args, 1, 1)?;
    match int::as_int(&args.pos[0]) {
        Some(i) => Ok(Value::Int(i.big().bits() as i64)),
        None => Err(vm.raise_msg(Exc::TypeError, "descriptor 'bit_length' requires an 'int' object")),
    }
});
native!(FLOAT_IS_INTEGER, "float.is_integer", |vm, _th, args| {
    arity(vm, "is_integer", &args, 1, 1)?;
    match args.pos[0] {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Err(vm.raise_msg(Exc::TypeError, "descriptor 'is_integer' requires a 'float' object")),
    }
});
native!(NUMBER_CONJUGATE, "int.conjugate", |vm, _th, args| {
    arity(vm, "conjugate", &args, 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        other => other.clone(),
    })
});
