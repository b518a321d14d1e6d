//! The arithmetic dunders of `int` and `float` called as methods — `(5).__add__(3)`,
//! `int.__radd__`, `float.__truediv__`, `(7).__neg__()`, `x.__index__()` — as CPython's slot
//! wrappers answer them: an operand of another kind gives NotImplemented (an int method given
//! a float: `(5).__add__(2.5)`), a receiver of another kind is a TypeError ("descriptor
//! '__add__' requires a 'int' object but received a 'str'").
//!
//! Invariant: these are natives, so the operators never dispatch to them
//! ([`crate::Vm::user_method`] finds Python functions only): `a + b` keeps its own paths,
//! and these give the same values through [`crate::Vm::binary_op`] and
//! [`crate::Vm::unary_op`].

use crate::builtins::type_name_of;
use crate::immutable_subclass::value_of;
use crate::native::{native, Args, Control, NativeFn};
use crate::types::Types;
use crate::value::Value;
use crate::{Exc, Thread, Vm};
use gilsim_bytecode::{BinOp, UnaryOp};

/// The type whose method is called: an int method takes ints (bools are ints), a float
/// method floats as its receiver and ints or floats as its operand.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Float,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::Float => "float",
        }
    }

    fn is_receiver(self, v: &Value) -> bool {
        match self {
            Kind::Int => matches!(v, Value::Int(_) | Value::Long(_) | Value::Bool(_)),
            Kind::Float => matches!(v, Value::Float(_)),
        }
    }

    fn is_operand(self, v: &Value) -> bool {
        matches!(v, Value::Int(_) | Value::Long(_) | Value::Bool(_))
            || self == Kind::Float && matches!(v, Value::Float(_))
    }
}

/// The receiver's own value, checked: a descriptor called on another type is a TypeError.
fn receiver(vm: &mut Vm, args: &Args, kind: Kind, name: &str, operands: usize) -> Result<Value, Control> {
    let Some(first) = args.pos.first() else {
        let message = format!("descriptor '{name}' of '{}' object needs an argument", kind.name());
        return Err(vm.raise_msg(Exc::TypeError, message));
    };
    let me = value_of(first).clone();
    if !kind.is_receiver(&me) {
        let message =
            format!("descriptor '{name}' requires a '{}' object but received a '{}'", kind.name(), type_name_of(first));
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    let given = args.pos.len() - 1;
    if given != operands || !args.kw.is_empty() {
        let message = if args.kw.is_empty() {
            // 3.6 and 3.7 said "1 arguments".
            let singular = operands == 1 && vm.options.python >= gilsim_core::PythonVersion::new(3, 8);
            let noun = if singular { "argument" } else { "arguments" };
            format!("expected {operands} {noun}, got {given}")
        } else {
            format!("{name}() takes no keyword arguments")
        };
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    Ok(me)
}

/// `x.__op__(y)` (`reflected`: `x.__rop__(y)`, which computes `y op x`).
fn binary(vm: &mut Vm, th: &mut Thread, args: &Args, kind: Kind, op: BinOp, reflected: bool) -> Result<Value, Control> {
    let forward = crate::ops::dunder_for(op);
    let name = if reflected { format!("__r{}", &forward[2..]) } else { forward.to_string() };
    let me = receiver(vm, args, kind, &name, 1)?;
    let other = value_of(&args.pos[1]).clone();
    if !kind.is_operand(&other) {
        return Ok(vm.not_implemented());
    }
    let (a, b) = if reflected { (other, me) } else { (me, other) };
    vm.binary_op(th, op, a, b, false)
}

/// `x.__neg__()` and the other one-operand dunders.
fn unary(vm: &mut Vm, th: &mut Thread, args: &Args, kind: Kind, name: &str) -> Result<Value, Control> {
    let me = receiver(vm, args, kind, name, 0)?;
    match name {
        "__neg__" => vm.unary_op(th, UnaryOp::Neg, me),
        "__pos__" => vm.unary_op(th, UnaryOp::Pos, me),
        "__invert__" => vm.unary_op(th, UnaryOp::Invert, me),
        "__abs__" => match me {
            Value::Float(f) => Ok(Value::float(f.get().abs())),
            int => Ok(vm.int_abs(crate::int::as_int(&int).expect("an int receiver"))),
        },
        "__bool__" => Ok(Value::bool(vm.truthy(th, &me)?)),
        "__float__" => match me {
            Value::Float(_) => Ok(me),
            int => Ok(Value::float(crate::int::to_f64(vm, crate::int::as_int(&int).expect("an int receiver"))?)),
        },
        // `__int__` and `__index__` of an int: the plain int (a bool's is 0 or 1); a float's
        // `__int__` truncates.
        _ => match me {
            Value::Bool(b) => Ok(Value::Int(i64::from(b))),
            Value::Float(f) if f.get().is_nan() => {
                Err(vm.raise_msg(Exc::ValueError, "cannot convert float NaN to integer"))
            }
            Value::Float(f) if f.get().is_infinite() => {
                Err(vm.raise_msg(Exc::OverflowError, "cannot convert float infinity to integer"))
            }
            Value::Float(f) => Ok(crate::int::from_f64(f.get())),
            int => Ok(int),
        },
    }
}

macro_rules! binary_dunders {
    ($kind:expr, $($ident:ident, $name:expr, $op:expr, $reflected:expr;)*) => {
        $(native!($ident, $name, |vm, th, args| binary(vm, th, &args, $kind, $op, $reflected));)*
    };
}

macro_rules! unary_dunders {
    ($kind:expr, $($ident:ident, $name:expr, $dunder:expr;)*) => {
        $(native!($ident, $name, |vm, th, args| unary(vm, th, &args, $kind, $dunder));)*
    };
}

binary_dunders!(Kind::Int,
    INT_ADD, "int.__add__", BinOp::Add, false;
    INT_RADD, "int.__radd__", BinOp::Add, true;
    INT_SUB, "int.__sub__", BinOp::Sub, false;
    INT_RSUB, "int.__rsub__", BinOp::Sub, true;
    INT_MUL, "int.__mul__", BinOp::Mul, false;
    INT_RMUL, "int.__rmul__", BinOp::Mul, true;
    INT_TRUEDIV, "int.__truediv__", BinOp::TrueDiv, false;
    INT_RTRUEDIV, "int.__rtruediv__", BinOp::TrueDiv, true;
    INT_FLOORDIV, "int.__floordiv__", BinOp::FloorDiv, false;
    INT_RFLOORDIV, "int.__rfloordiv__", BinOp::FloorDiv, true;
    INT_MOD, "int.__mod__", BinOp::Mod, false;
    INT_RMOD, "int.__rmod__", BinOp::Mod, true;
    INT_POW, "int.__pow__", BinOp::Pow, false;
    INT_RPOW, "int.__rpow__", BinOp::Pow, true;
    INT_LSHIFT, "int.__lshift__", BinOp::LShift, false;
    INT_RLSHIFT, "int.__rlshift__", BinOp::LShift, true;
    INT_RSHIFT, "int.__rshift__", BinOp::RShift, false;
    INT_RRSHIFT, "int.__rrshift__", BinOp::RShift, true;
    INT_AND, "int.__and__", BinOp::And, false;
    INT_RAND, "int.__rand__", BinOp::And, true;
    INT_OR, "int.__or__", BinOp::Or, false;
    INT_ROR, "int.__ror__", BinOp::Or, true;
    INT_XOR, "int.__xor__", BinOp::Xor, false;
    INT_RXOR, "int.__rxor__", BinOp::Xor, true;
);

binary_dunders!(Kind::Float,
    FLOAT_ADD, "float.__add__", BinOp::Add, false;
    FLOAT_RADD, "float.__radd__", BinOp::Add, true;
    FLOAT_SUB, "float.__sub__", BinOp::Sub, false;
    FLOAT_RSUB, "float.__rsub__", BinOp::Sub, true;
    FLOAT_MUL, "float.__mul__", BinOp::Mul, false;
    FLOAT_RMUL, "float.__rmul__", BinOp::Mul, true;
    FLOAT_TRUEDIV, "float.__truediv__", BinOp::TrueDiv, false;
    FLOAT_RTRUEDIV, "float.__rtruediv__", BinOp::TrueDiv, true;
    FLOAT_FLOORDIV, "float.__floordiv__", BinOp::FloorDiv, false;
    FLOAT_RFLOORDIV, "float.__rfloordiv__", BinOp::FloorDiv, true;
    FLOAT_MOD, "float.__mod__", BinOp::Mod, false;
    FLOAT_RMOD, "float.__rmod__", BinOp::Mod, true;
    FLOAT_POW, "float.__pow__", BinOp::Pow, false;
    FLOAT_RPOW, "float.__rpow__", BinOp::Pow, true;
);

unary_dunders!(Kind::Int,
    INT_NEG, "int.__neg__", "__neg__";
    INT_POS, "int.__pos__", "__pos__";
    INT_ABS, "int.__abs__", "__abs__";
    INT_INVERT, "int.__invert__", "__invert__";
    INT_BOOL, "int.__bool__", "__bool__";
    INT_INT, "int.__int__", "__int__";
    INT_INDEX, "int.__index__", "__index__";
    INT_FLOAT, "int.__float__", "__float__";
);

unary_dunders!(Kind::Float,
    FLOAT_NEG, "float.__neg__", "__neg__";
    FLOAT_POS, "float.__pos__", "__pos__";
    FLOAT_ABS, "float.__abs__", "__abs__";
    FLOAT_BOOL, "float.__bool__", "__bool__";
    FLOAT_INT, "float.__int__", "__int__";
    FLOAT_FLOAT, "float.__float__", "__float__";
);

const INT_DUNDERS: [&NativeFn; 32] = [
    &INT_ADD,
    &INT_RADD,
    &INT_SUB,
    &INT_RSUB,
    &INT_MUL,
    &INT_RMUL,
    &INT_TRUEDIV,
    &INT_RTRUEDIV,
    &INT_FLOORDIV,
    &INT_RFLOORDIV,
    &INT_MOD,
    &INT_RMOD,
    &INT_POW,
    &INT_RPOW,
    &INT_LSHIFT,
    &INT_RLSHIFT,
    &INT_RSHIFT,
    &INT_RRSHIFT,
    &INT_AND,
    &INT_RAND,
    &INT_OR,
    &INT_ROR,
    &INT_XOR,
    &INT_RXOR,
    &INT_NEG,
    &INT_POS,
    &INT_ABS,
    &INT_INVERT,
    &INT_BOOL,
    &INT_INT,
    &INT_INDEX,
    &INT_FLOAT,
];

const FLOAT_DUNDERS: [&NativeFn; 20] = [
    &FLOAT_ADD,
    &FLOAT_RADD,
    &FLOAT_SUB,
    &FLOAT_RSUB,
    &FLOAT_MUL,
    &FLOAT_RMUL,
    &FLOAT_TRUEDIV,
    &FLOAT_RTRUEDIV,
    &FLOAT_FLOORDIV,
    &FLOAT_RFLOORDIV,
    &FLOAT_MOD,
    &FLOAT_RMOD,
    &FLOAT_POW,
    &FLOAT_RPOW,
    &FLOAT_NEG,
    &FLOAT_POS,
    &FLOAT_ABS,
    &FLOAT_BOOL,
    &FLOAT_INT,
    &FLOAT_FLOAT,
];

/// Put the dunders in `int`'s and `float`'s dicts, each under its short name (Python 3's set:
/// 2.7's `__nonzero__`, `__div__` and `__coerce__` are not provided).
pub(crate) fn install(t: &Types) {
    for (class, natives) in [(&t.int, &INT_DUNDERS[..]), (&t.float, &FLOAT_DUNDERS[..])] {
        let entries: Vec<(&str, &'static NativeFn)> = natives.iter().map(|n| (n.short_name(), *n)).collect();
        crate::methods::add(class, &entries);
    }
}
