//! `random`: driven by the run's seeded ChaCha stream; `random.seed(x)` re-seeds it
//! deterministically. The numbers differ from CPython's Mersenne Twister (documented).

use super::{build_module as module, param};
use crate::builtins::{arity, int_arg, number_arg};
use crate::native::native;
use crate::value::Value;
use crate::Exc;
use gilsim_core::SimRng;

native!(RANDOM, "random.random", |vm, _th, _args| Ok(Value::Float(vm.rng().unit_f64())));
native!(UNIFORM, "random.uniform", |vm, _th, args| {
    arity(vm, "uniform", &args, 2, 2)?;
    let a = number_arg(vm, &args.pos[0], "uniform")?;
    let b = number_arg(vm, &args.pos[1], "uniform")?;
    Ok(Value::Float(a + (b - a) * vm.rng().unit_f64()))
});
native!(RANDINT, "random.randint", |vm, _th, args| {
    arity(vm, "randint", &args, 2, 2)?;
    let a = int_arg(vm, &args.pos[0], "")?;
    let b = int_arg(vm, &args.pos[1], "")?;
    if b < a {
        return Err(
            vm.raise_msg(Exc::ValueError, format!("empty range for randrange() ({a}, {}, {})", b + 1, b + 1 - a))
        );
    }
    Ok(Value::Int(a + vm.rng().below((b - a + 1) as u64) as i64))
});
native!(RANDRANGE, "random.randrange", |vm, _th, args| {
    arity(vm, "randrange", &args, 1, 3)?;
    let mut ints = Vec::new();
    for v in &args.pos {
        ints.push(int_arg(vm, v, "")?);
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!("arity"),
    };
    let n = if step > 0 {
        (stop - start + step - 1) / step
    } else if step < 0 {
        (start - stop - step - 1) / -step
    } else {
        0
    };
    if n <= 0 {
        return Err(
            vm.raise_msg(Exc::ValueError, format!("empty range for randrange() ({start}, {stop}, {})", stop - start))
        );
    }
    Ok(Value::Int(start + step * vm.rng().below(n as u64) as i64))
});
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
