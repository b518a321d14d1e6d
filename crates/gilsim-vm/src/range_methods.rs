//! `range.index` and `range.count`: CPython computes both from the bounds for an int, without
//! iterating (Objects/rangeobject.c `range_index`, `range_count`); other values are found by
//! equality (a bool or a float equal to an int), with the generic sequence's error.

use crate::builtins::arity;
use crate::native::{native, Args};
use crate::types::Types;
use crate::value::{RangeObj, Truth, Value};
use crate::Exc;

pub(crate) fn install(t: &Types) {
    crate::methods::add(&t.range, &[("index", &RANGE_INDEX), ("count", &RANGE_COUNT)]);
}

/// The position of `item` in `range`, if it is one of its ints (`in` asks too).
pub(crate) fn position(range: &RangeObj, item: &Value) -> Option<i128> {
    let i = match item {
        Value::Int(i) => i128::from(*i),
        Value::Bool(b) => i128::from(*b == Truth::True),
        Value::Long(b) => num_traits::ToPrimitive::to_i128(b.as_ref())?,
        Value::Float(f) if f.get().fract() == 0.0 && f.get().abs() < 1e38 => f.get() as i128,
        _ => return None,
    };
    let in_bounds =
        if range.step > 0 { i >= range.start && i < range.stop } else { i <= range.start && i > range.stop };
    (in_bounds && (i - range.start) % range.step == 0).then(|| (i - range.start) / range.step)
}

fn this_range(args: &Args) -> &RangeObj {
    match &args.pos[0] {
        Value::Range(r) => r,
        _ => unreachable!("a range method is called on a range"),
    }
}

native!(RANGE_INDEX, "range.index", |vm, th, args| {
    arity(vm, "index", args, 2, 2)?;
    let item = &args.pos[1];
    match position(this_range(args), item) {
        Some(index) => Ok(crate::value::int_value(index)),
        // An int is looked up by value; anything else is searched for by equality, as any
        // sequence's items are.
        None if matches!(item, Value::Int(_) | Value::Long(_)) => {
            let shown = vm.repr_of(th, item)?;
            Err(vm.raise_msg(Exc::ValueError, format!("{shown} is not in range")))
        }
        None => Err(vm.raise_msg(Exc::ValueError, "sequence.index(x): x not in sequence")),
    }
});

native!(RANGE_COUNT, "range.count", |vm, _th, args| {
    arity(vm, "count", args, 2, 2)?;
    Ok(Value::Int(i64::from(position(this_range(args), &args.pos[1]).is_some())))
});
