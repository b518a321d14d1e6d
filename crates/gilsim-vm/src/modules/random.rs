//! `random`: driven by the run's seeded ChaCha stream; `random.seed(x)` re-seeds it
//! deterministically. The numbers differ from CPython's Mersenne Twister (documented).

use super::{build_module as module, param};
use crate::builtins::{arity, int_arg, number_arg, type_name_of};
use crate::native::native;
use crate::value::Value;
use crate::{int, Control, Exc, NResult, Vm};
use gilsim_core::SimRng;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

native!(RANDOM, "random.random", |vm, _th, _args| Ok(Value::Float(vm.rng().unit_f64())));
native!(UNIFORM, "random.uniform", |vm, _th, args| {
    arity(vm, "uniform", &args, 2, 2)?;
    let a = number_arg(vm, &args.pos[0], "uniform")?;
    let b = number_arg(vm, &args.pos[1], "uniform")?;
    Ok(Value::Float(a + (b - a) * vm.rng().unit_f64()))
});
native!(RANDINT, "random.randint", |vm, _th, args| {
    arity(vm, "randint", &args, 2, 2)?;
    let (a, b) = (int_of(vm, &args.pos[0])?, int_of(vm, &args.pos[1])?);
    let one = BigInt::from(1);
    randrange(vm, a, &b + &one, one)
});
native!(RANDRANGE, "random.randrange", |vm, _th, args| {
    arity(vm, "randrange", &args, 1, 3)?;
    let mut ints = Vec::new();
    for v in &args.pos {
        ints.push(int_of(vm, v)?);
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (BigInt::zero(), stop.clone(), BigInt::from(1)),
        [start, stop] => (start.clone(), stop.clone(), BigInt::from(1)),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("arity"),
    };
    if step.is_zero() {
        return Err(vm.raise_msg(Exc::ValueError, "zero step for randrange()"));
    }
    randrange(vm, start, stop, step)
});

/// An int argument as a big integer.
fn int_of(vm: &mut Vm, v: &Value) -> Result<BigInt, Control> {
    match int::as_int(v) {
        Some(i) => Ok(i.big().into_owned()),
        None => {
            let message = format!("'{}' object cannot be interpreted as an integer", type_name_of(v));
            Err(vm.raise_msg(Exc::TypeError, message))
        }
    }
}

/// A uniform choice of `start + step * k` below `stop` (any size: `randint(-2**63, 2**63 - 1)`).
fn randrange(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> NResult {
    let span = &stop - &start;
    let one = BigInt::from(1);
    let n: BigInt = if step.is_positive() {
        (&span + &step - &one).div_floor(&step)
    } else {
        (&span + &step + &one).div_floor(&step)
    };
    if !n.is_positive() {
        let message = format!("empty range for randrange() ({start}, {stop}, {span})");
        return Err(vm.raise_msg(Exc::ValueError, message));
    }
    let k = below(vm, &n);
    Ok(int::from_big(start + step * k))
}

/// A uniform big integer in 0..n (n > 0): rejection sampling over n's bit length.
fn below(vm: &mut Vm, n: &BigInt) -> BigInt {
    if let Some(small) = n.to_u64() {
        return BigInt::from(vm.rng().below(small));
    }
    let bits = n.bits();
    loop {
        let words = bits.div_ceil(64) as usize;
        let mut candidate = BigInt::zero();
        for _ in 0..words {
            candidate = (candidate << 64usize) + BigInt::from(vm.rng().next_u64());
        }
        candidate >>= (words as u64 * 64 - bits) as usize;
        if &candidate < n {
            return candidate;
        }
    }
}
native!(CHOICE, "random.choice", |vm, th, args| {
    arity(vm, "choice", &args, 1, 1)?;
    let items = vm.collect(th, &args.pos[0])?;
    if items.is_empty() {
        return Err(vm.raise_msg(Exc::IndexError, "Cannot choose from an empty sequence"));
    }
    Ok(items[vm.rng().below(items.len() as u64) as usize].clone())
});
native!(SHUFFLE, "random.shuffle", |vm, _th, args| {
    arity(vm, "shuffle", &args, 1, 1)?;
    let Value::List(list) = &args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "shuffle() needs a list"));
    };
    let mut items = list.borrow_mut();
    for i in (1..items.len()).rev() {
        let j = vm.rng().below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    Ok(Value::None)
});
native!(SAMPLE, "random.sample", |vm, th, args| {
    arity(vm, "sample", &args, 2, 2)?;
    let mut items = vm.collect(th, &args.pos[0])?;
    let k = int_arg(vm, &args.pos[1], "")?;
    if k < 0 || k as usize > items.len() {
        return Err(vm.raise_msg(Exc::ValueError, "Sample larger than population or is negative"));
    }
    let mut out = Vec::new();
    for _ in 0..k {
        let j = vm.rng().below(items.len() as u64) as usize;
        out.push(items.remove(j));
    }
    Ok(Value::list(out))
});
native!(SEED, "random.seed", |vm, _th, args| {
    let seed = match param(&args, 0, "a") {
        None | Some(Value::None) => vm.options.seed,
        Some(Value::Int(i)) => i as u64,
        Some(Value::Long(b)) => crate::hash::hash_long(&b) as u64,
        Some(Value::Str(s)) => {
            s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
        }
        Some(Value::Float(f)) => f.to_bits(),
        Some(Value::Bool(b)) => u64::from(b),
        Some(_) => return Err(vm.raise_msg(Exc::TypeError, "The only supported seed types are: None, int, float, str")),
    };
    *vm.rng() = SimRng::new(seed, 2);
    Ok(Value::None)
});

pub fn new() -> Value {
    module("random", &[&RANDOM, &UNIFORM, &RANDINT, &RANDRANGE, &CHOICE, &SHUFFLE, &SAMPLE, &SEED], vec![])
}
