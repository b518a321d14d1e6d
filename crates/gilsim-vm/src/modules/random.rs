//! `random`: CPython's Mersenne Twister and `Lib/random.py`'s algorithms on it, so a seeded
//! script draws what CPython draws (see [`crate::mersenne`]). Unseeded, each process's
//! generator starts from the run's seed (CPython's starts from the OS's entropy).

use super::{build_module as module, param};
use crate::builtins::{arity, int_arg, number_arg, type_name_of};
use crate::footprint;
use crate::mersenne::Mersenne;
use crate::native::{native, Args};
use crate::value::{Instance, Slot, Value};
use crate::{int, Control, Exc, NResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;

native!(RANDOM, "random.random", |vm, _th, _args| Ok(Value::Float(vm.rng().random())));
native!(UNIFORM, "random.uniform", |vm, _th, args| {
    arity(vm, "uniform", &args, 2, 2)?;
    let a = number_arg(vm, &args.pos[0], "uniform")?;
    let b = number_arg(vm, &args.pos[1], "uniform")?;
    Ok(Value::Float(a + (b - a) * vm.rng().random()))
});
native!(GETRANDBITS, "random.getrandbits", |vm, _th, args| {
    arity(vm, "getrandbits", &args, 1, 1)?;
    let k = int_arg(vm, &args.pos[0], "")?;
    if k < 0 {
        return Err(vm.raise_msg(Exc::ValueError, "number of bits must be non-negative"));
    }
    Ok(int::from_big(vm.rng().getrandbits(k as u64)))
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
        [stop] => {
            if !stop.is_positive() {
                return Err(vm.raise_msg(Exc::ValueError, "empty range for randrange()"));
            }
            return Ok(int::from_big(draw_below(vm, stop)));
        }
        [start, stop] => (start.clone(), stop.clone(), BigInt::from(1)),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("arity"),
    };
    if step.is_zero() {
        return Err(vm.raise_msg(Exc::ValueError, "zero step for randrange()"));
    }
    randrange(vm, start, stop, step)
});

/// A uniform integer in 0..n (n > 0): Python 3's `_randbelow`; Python 2.7 scales
/// `random()` for ranges below 2**53, as its `random.py` does.
fn draw_below(vm: &mut Vm, n: &BigInt) -> BigInt {
    if vm.options.python.major == 2 && n.bits() <= 53 {
        let n = n.to_f64().expect("below 2**53");
        return BigInt::from((vm.rng().random() * n) as u64);
    }
    vm.rng().below(n)
}

fn below_usize(vm: &mut Vm, n: usize) -> usize {
    draw_below(vm, &BigInt::from(n)).to_usize().expect("below a usize")
}

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

/// `Random.randrange(start, stop, step)` as `Lib/random.py` computes it.
fn randrange(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> NResult {
    let width = &stop - &start;
    let one = BigInt::from(1);
    if step == one {
        if width.is_positive() {
            return Ok(int::from_big(&start + draw_below(vm, &width)));
        }
        let message = format!("empty range for randrange() ({start}, {stop}, {width})");
        return Err(vm.raise_msg(Exc::ValueError, message));
    }
    let n: BigInt = if step.is_positive() {
        (&width + &step - &one).div_floor(&step)
    } else {
        (&width + &step + &one).div_floor(&step)
    };
    if !n.is_positive() {
        return Err(vm.raise_msg(Exc::ValueError, "empty range for randrange()"));
    }
    let k = draw_below(vm, &n);
    Ok(int::from_big(start + step * k))
}
native!(CHOICE, "random.choice", |vm, th, args| {
    arity(vm, "choice", &args, 1, 1)?;
    let items = vm.collect(th, &args.pos[0])?;
    if items.is_empty() {
        return Err(vm.raise_msg(Exc::IndexError, "Cannot choose from an empty sequence"));
    }
    Ok(items[below_usize(vm, items.len())].clone())
});
native!(SHUFFLE, "random.shuffle", |vm, _th, args| {
    arity(vm, "shuffle", &args, 1, 1)?;
    let Value::List(list) = &args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "shuffle() needs a list"));
    };
    let mut items = list.borrow_mut();
    for i in (1..items.len()).rev() {
        let j = below_usize(vm, i + 1);
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
    // `Lib/random.py`: a pool for small populations, a set of chosen indices for large ones.
    let (n, k) = (items.len(), k as usize);
    let mut setsize = 21usize;
    if k > 5 {
        setsize += 4usize.pow(((k * 3) as f64).log(4.0).ceil() as u32);
    }
    let mut out = Vec::with_capacity(k);
    if n <= setsize {
        for i in 0..k {
            let j = below_usize(vm, n - i);
            out.push(items[j].clone());
            items[j] = items[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::BTreeSet::new();
        for _ in 0..k {
            let mut j = below_usize(vm, n);
            while selected.contains(&j) {
                j = below_usize(vm, n);
            }
            selected.insert(j);
            out.push(items[j].clone());
        }
    }
    Ok(Value::list(out))
});
native!(SEED, "random.seed", |vm, _th, args| {
    let generator = match param(&args, 0, "a") {
        None | Some(Value::None) => Mersenne::from_run(vm.options.seed, 2),
        Some(Value::Int(i)) => Mersenne::from_int(&BigInt::from(i)),
        Some(Value::Bool(b)) => Mersenne::from_int(&BigInt::from(u8::from(b))),
        Some(Value::Long(b)) => Mersenne::from_int(&b),
        Some(Value::Str(s)) => {
            // Version 2 seeding: the string's bytes followed by their SHA-512.
            use sha2::Digest;
            let mut bytes = s.as_bytes().to_vec();
            bytes.extend_from_slice(&sha2::Sha512::digest(s.as_bytes()));
            Mersenne::from_int(&BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes))
        }
        Some(Value::Float(f)) => Mersenne::from_int(&BigInt::from(crate::hash::hash_float(f))),
        Some(_) => {
            let message = "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.";
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
    };
    footprint::note(footprint::Resource::Interpreter, true);
    vm.interp.rng.set(generator);
    Ok(Value::None)
});

native!(GAUSS, "random.gauss", |vm, _th, args| {
    let required = if vm.options.python >= gilsim_core::PythonVersion::new(3, 11) { 0 } else { 2 };
    arity(vm, "gauss", &args, required, 2)?;
    let mu = match param(&args, 0, "mu") {
        Some(v) => number_arg(vm, &v, "gauss")?,
        None => 0.0,
    };
    let sigma = match param(&args, 1, "sigma") {
        Some(v) => number_arg(vm, &v, "gauss")?,
        None => 1.0,
    };
    // `Lib/random.py`'s gauss: Box-Muller, keeping the second value for the next call.
    let rng = vm.rng();
    let z = match rng.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = rng.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - rng.random()).ln()).sqrt();
            rng.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::Float(mu + z * sigma))
});

// The generator of a new `random.Random()`: seeded from the run (CPython seeds from the
// OS's entropy), each instance on a stream of its own.
native!(TWISTER, "random._twister", |vm, _th, _args| {
    let stream = 1_000 + vm.next_id();
    let state = crate::mersenne::LazyMersenne::from_run(vm.options.seed, stream);
    let class = vm.types.object.clone();
    Ok(Value::Instance(std::rc::Rc::new(Instance::new(class, Slot::Twister(RefCell::new(state))))))
});

// `_twister_call(twister, native, *args)`: the module's `native` drawing from `twister`
// (a `random.Random`'s generator) instead of the module's; `twister` None draws from the
// module's.
native!(TWISTER_CALL, "random._twister_call", |vm, th, args| {
    let (Some(twister), Some(Value::Native(draw))) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.raise_msg(Exc::TypeError, "_twister_call(twister, native, *args)"));
    };
    let draw_args = Args { pos: args.pos[2..].to_vec(), kw: args.kw.clone() };
    let Value::Instance(inst) = twister else { return (draw.func)(vm, th, draw_args) };
    let Slot::Twister(state) = &inst.slot else { return (draw.func)(vm, th, draw_args) };
    // The instance's generator stands in for the module's while `draw` runs.
    std::mem::swap(&mut *state.borrow_mut(), &mut vm.interp.rng);
    let result = (draw.func)(vm, th, draw_args);
    std::mem::swap(&mut *state.borrow_mut(), &mut vm.interp.rng);
    result
});

pub fn new() -> Value {
    module(
        "random",
        &[
            &RANDOM,
            &UNIFORM,
            &GETRANDBITS,
            &RANDINT,
            &RANDRANGE,
            &CHOICE,
            &SHUFFLE,
            &SAMPLE,
            &SEED,
            &GAUSS,
            &TWISTER,
            &TWISTER_CALL,
        ],
        vec![],
    )
}
