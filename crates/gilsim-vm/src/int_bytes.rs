//! Ints to bytes and back: `int.from_bytes` and `int.to_bytes`, big- or little-endian,
//! signed or not, with each version's defaults (`byteorder` and `length` optional from 3.11).

use crate::builtins::{arity, int_arg, kwarg};
use crate::bytes::{byte_of, bytes_value};
use crate::native::{native, Args, Control};
use crate::value::{Truth, Value};
use crate::{Exc, Thread, Vm};

/// A required argument missing, as 3.6's and then 3.7's argument clinic words it.
fn missing_argument(vm: &mut Vm, function: &str, name: &str, position: usize) -> Control {
    let message = if vm.options.python >= gilsim_core::PythonVersion::new(3, 7) {
        format!("{function}() missing required argument '{name}' (pos {position})")
    } else {
        format!("Required argument '{name}' (pos {position}) not found")
    };
    vm.raise_msg(Exc::TypeError, message)
}

/// `byteorder` of `int.from_bytes`/`int.to_bytes`: required before 3.11, "big" by default after.
fn byte_order(vm: &mut Vm, function: &str, value: Option<Value>) -> Result<bool, Control> {
    match value {
        None if vm.options.python >= gilsim_core::PythonVersion::new(3, 11) => Ok(true),
        None => Err(missing_argument(vm, function, "byteorder", 2)),
        Some(Value::Str(s)) if &*s == "big" => Ok(true),
        Some(Value::Str(s)) if &*s == "little" => Ok(false),
        Some(_) => Err(vm.raise_msg(Exc::ValueError, "byteorder must be either 'little' or 'big'")),
    }
}

fn signed(vm: &mut Vm, th: &mut Thread, args: &Args) -> Result<bool, Control> {
    let flag = kwarg(args, "signed").unwrap_or(Value::Bool(Truth::False));
    vm.truthy(th, &flag)
}

// `int.from_bytes(data, byteorder, *, signed=False)`, a class method.
native!(INT_FROM_BYTES, "int.from_bytes", |vm, th, args| {
    arity(vm, "from_bytes", args, 1, 3)?;
    let data = match args.pos.first() {
        Some(b @ (Value::Bytes(_) | Value::ByteArray(_))) => crate::bytes::bytes_like(b).unwrap_or_default().to_vec(),
        Some(other) => {
            let items = vm.collect(th, other)?;
            items.iter().map(|item| byte_of(vm, item)).collect::<Result<Vec<u8>, Control>>()?
        }
        None => Vec::new(),
    };
    let big_endian = byte_order(vm, "from_bytes", args.pos.get(1).cloned().or_else(|| kwarg(args, "byteorder")))?;
    let value = match (signed(vm, th, args)?, big_endian) {
        (false, true) => num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
        (false, false) => num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
        (true, true) => num_bigint::BigInt::from_signed_bytes_be(&data),
        (true, false) => num_bigint::BigInt::from_signed_bytes_le(&data),
    };
    Ok(crate::int::from_big(value))
});

// `n.to_bytes(length=1, byteorder="big", *, signed=False)` (the defaults from 3.11).
native!(INT_TO_BYTES, "int.to_bytes", |vm, th, args| {
    arity(vm, "to_bytes", args, 1, 3)?;
    let Some(number) = crate::int::as_int(&args.pos[0]) else {
        return Err(vm.raise_msg(Exc::TypeError, "descriptor 'to_bytes' requires an 'int' object"));
    };
    let number = number.big().into_owned();
    let length = match args.pos.get(1).cloned().or_else(|| kwarg(args, "length")) {
        Some(n) => int_arg(vm, &n, "")?,
        None if vm.options.python >= gilsim_core::PythonVersion::new(3, 11) => 1,
        None => return Err(missing_argument(vm, "to_bytes", "length", 1)),
    };
    if length < 0 {
        return Err(vm.raise_msg(Exc::ValueError, "length argument must be non-negative"));
    }
    let big_endian = byte_order(vm, "to_bytes", args.pos.get(2).cloned().or_else(|| kwarg(args, "byteorder")))?;
    let signed = signed(vm, th, args)?;
    if !signed && number.sign() == num_bigint::Sign::Minus {
        return Err(vm.raise_msg(Exc::OverflowError, "can't convert negative int to unsigned"));
    }
    let mut data = if signed { number.to_signed_bytes_le() } else { number.to_bytes_le().1 };
    if number.sign() == num_bigint::Sign::NoSign {
        data.clear();
    }
    let length = length as usize;
    if data.len() > length {
        return Err(vm.raise_msg(Exc::OverflowError, "int too big to convert"));
    }
    let fill = if signed && number.sign() == num_bigint::Sign::Minus { 0xff } else { 0 };
    data.resize(length, fill);
    if big_endian {
        data.reverse();
    }
    Ok(bytes_value(data))
});
