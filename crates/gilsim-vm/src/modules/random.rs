//! `random`: CPython's Mersenne Twister and `Lib/random.py`'s algorithms on it, so a seeded
//! script draws what CPython draws (see [`crate::mersenne`]). Unseeded, each process's
//! generator starts from the run's seed (CPython's starts from the OS's entropy).

use super::{build_module as module, param};
use crate::builtins::{arity, int_arg, number_arg, py_bind, type_name_of};
use crate::footprint;
use crate::mersenne::Mersenne;
use crate::native::{native, Args};
use crate::value::{Instance, Slot, Value};
use crate::{int, Control, Exc, NResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;

native!(RANDOM, "random.random", |vm, _th, _args| Ok(Value::float(vm.rng().random())));
native!(UNIFORM, "random.uniform", |vm, _th, args| {
    let [a, b] = bind(vm, "Random.uniform", args, &["a", "b"], 2, 2)?;
    let a = number_arg(vm, &a, "uniform")?;
    let b = number_arg(vm, &b, "uniform")?;
    Ok(Value::float(a + (b - a) * vm.rng().random()))
});
native!(GETRANDBITS, "random.getrandbits", |vm, _th, args| {
    arity(vm, "getrandbits", args, 1, 1)?;
    let k = int_arg(vm, &args.pos[0], "")?;
    if k < 0 {
        return Err(vm.raise_msg(Exc::ValueError, "number of bits must be non-negative"));
    }
    Ok(int::from_big(vm.rng().getrandbits(k as u64)))
});
native!(RANDINT, "random.randint", |vm, _th, args| {
    let [a, b] = bind(vm, "Random.randint", args, &["a", "b"], 2, 2)?;
    let (a, b) = (int_of(vm, &a)?, int_of(vm, &b)?);
    let one = BigInt::from(1);
    randrange(vm, a, &b + &one, one)
});
native!(RANDRANGE, "random.randrange", |vm, _th, args| {
    let [start, stop, step] = bind(vm, "Random.randrange", args, &["start", "stop", "step"], 3, 1)?;
    let given = match (stop, step) {
        (Value::None, Value::None | Value::Int(1)) => vec![start],
        (Value::None, _) => return Err(vm.raise_msg(Exc::TypeError, "Missing a non-None stop argument")),
        (stop, Value::None) => vec![start, stop],
        (stop, step) => vec![start, stop, step],
    };
    let mut ints = Vec::new();
    for v in &given {
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

/// The arguments of the `Random` method `qualname`, bound as [`py_bind`] binds them; omitted
/// optional ones are None.
fn bind<const N: usize>(
    vm: &mut Vm,
    qualname: &str,
    args: &Args,
    params: &[&str; N],
    positional: usize,
    required: usize,
) -> Result<[Value; N], Control> {
    let bound = py_bind(vm, (qualname, true), args, params, positional, required)?;
    Ok(std::array::from_fn(|i| bound[i].clone().unwrap_or(Value::None)))
}

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
    let [seq] = bind(vm, "Random.choice", args, &["seq"], 1, 1)?;
    let items = vm.collect(th, &seq)?;
    if items.is_empty() {
        return Err(vm.raise_msg(Exc::IndexError, "Cannot choose from an empty sequence"));
    }
    Ok(items[below_usize(vm, items.len())].clone())
});
native!(SHUFFLE, "random.shuffle", |vm, _th, args| {
    let [x] = bind(vm, "Random.shuffle", args, &["x"], 1, 1)?;
    let Value::List(list) = &x else {
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
    // `counts` is new in 3.9.
    let params: &[&str] = if vm.options.python >= gilsim_core::PythonVersion::new(3, 9) {
        &["population", "k", "counts"]
    } else {
        &["population", "k"]
    };
    let bound = py_bind(vm, ("Random.sample", true), args, params, 2, 2)?;
    let arg = |i: usize| bound.get(i).cloned().flatten().unwrap_or(Value::None);
    let population = vm.collect(th, &arg(0))?;
    let k = int_arg(vm, &arg(1), "")?;
    let picked = match arg(2) {
        Value::None => sample_positions(vm, population.len(), k)?.into_iter().map(|i| population[i].clone()).collect(),
        counts => sample_counted(vm, th, &population, &counts, k)?,
    };
    Ok(Value::list(picked))
});

/// `sample(population, k, counts=...)`: `Lib/random.py` samples positions of the population
/// repeated by its counts, then maps each back to its element.
fn sample_counted(
    vm: &mut Vm,
    th: &mut crate::Thread,
    population: &[Value],
    counts: &Value,
    k: i64,
) -> Result<Vec<Value>, Control> {
    let counts = vm.collect(th, counts)?;
    if counts.len() != population.len() {
        return Err(vm.raise_msg(Exc::ValueError, "The number of counts does not match the population"));
    }
    let mut cumulative = Vec::with_capacity(counts.len());
    let mut total = 0i64;
    for count in &counts {
        let count = int_arg(vm, count, "")?;
        total =
            total.checked_add(count).ok_or_else(|| vm.raise_msg(Exc::OverflowError, "total of counts too large"))?;
        cumulative.push(total);
    }
    if total <= 0 {
        return Err(vm.raise_msg(Exc::ValueError, "Total of counts must be greater than zero"));
    }
    let total = usize::try_from(total).map_err(|_| vm.raise_msg(Exc::OverflowError, "total of counts too large"))?;
    let positions = sample_positions(vm, total, k)?;
    Ok(positions.into_iter().map(|p| population[cumulative.partition_point(|&c| c <= p as i64)].clone()).collect())
}

/// The positions `Lib/random.py`'s sample draws from a population of `n`: a pool for small
/// populations, a set of chosen indices for large ones (so the same draws as CPython's, and a
/// large population is never listed).
fn sample_positions(vm: &mut Vm, n: usize, k: i64) -> Result<Vec<usize>, Control> {
    if k < 0 || k as u64 > n as u64 {
        let message = if vm.options.python.major == 2 {
            "sample larger than population"
        } else {
            "Sample larger than population or is negative"
        };
        return Err(vm.raise_msg(Exc::ValueError, message));
    }
    let k = k as usize;
    vm.charge_slots(k, 0)?;
    let mut setsize = 21usize;
    if k > 5 {
        setsize += 4usize.pow(((k * 3) as f64).log(4.0).ceil() as u32);
    }
    let mut out = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool: Vec<usize> = (0..n).collect();
        for i in 0..k {
            let j = below_usize(vm, n - i);
            out.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut selected = std::collections::BTreeSet::new();
        for _ in 0..k {
            let mut j = below_usize(vm, n);
            while selected.contains(&j) {
                j = below_usize(vm, n);
            }
            selected.insert(j);
            out.push(j);
        }
    }
    Ok(out)
}

native!(SEED, "random.seed", |vm, th, args| {
    let a = param(args, 0, "a");
    let run_seeded = matches!(a, None | Some(Value::None));
    let generator = match a {
        None | Some(Value::None) => Mersenne::from_run(vm.options.seed, 2),
        // 2.7's C seeding took what is not an int by its hash, as an unsigned long.
        Some(other)
            if vm.options.python.major == 2 && !matches!(other, Value::Int(_) | Value::Bool(_) | Value::Long(_)) =>
        {
            let hash = vm.hash_of(th, &other)?;
            Mersenne::from_int(&BigInt::from(hash as u64))
        }
        Some(Value::Int(i)) => Mersenne::from_int(&BigInt::from(i)),
        Some(Value::Bool(b)) => Mersenne::from_int(&BigInt::from(u8::from(b))),
        Some(Value::Long(b)) => Mersenne::from_int(&b),
        Some(Value::Str(s)) => seeded_by_bytes(s.as_bytes()),
        Some(Value::Bytes(b)) => seeded_by_bytes(&b),
        Some(Value::ByteArray(b)) => seeded_by_bytes(&b.borrow()),
        Some(Value::Float(f)) => Mersenne::from_int(&BigInt::from(crate::hash::hash_float(f.get()))),
        Some(_) => {
            let message = "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.";
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
    };
    footprint::note(footprint::Resource::Interpreter, true);
    vm.interp.rng.set(generator, run_seeded);
    Ok(Value::None)
});

/// Lib/random.py's version 2 seeding of a str (as UTF-8), bytes or bytearray: the integer
/// whose big-endian bytes are the seed's followed by their SHA-512.
fn seeded_by_bytes(seed: &[u8]) -> Mersenne {
    use sha2::Digest;
    let mut bytes = seed.to_vec();
    bytes.extend_from_slice(&sha2::Sha512::digest(seed));
    Mersenne::from_int(&BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes))
}

native!(GAUSS, "random.gauss", |vm, _th, args| {
    use gilsim_core::PythonVersion;
    arity(vm, "gauss", args, 0, 2)?;
    if vm.options.python < PythonVersion::new(3, 11) {
        // Before 3.11 `mu` and `sigma` have no defaults: Lib/random.py's binding error.
        let missing: Vec<String> = ["mu", "sigma"]
            .iter()
            .enumerate()
            .filter(|(i, name)| param(args, *i, name).is_none())
            .map(|(_, name)| name.to_string())
            .collect();
        if !missing.is_empty() {
            let fname = if vm.options.python >= PythonVersion::new(3, 10) { "Random.gauss" } else { "gauss" };
            return Err(vm.missing_args(fname, "positional", &missing));
        }
    }
    let mu = match param(args, 0, "mu") {
        Some(v) => number_arg(vm, &v, "gauss")?,
        None => 0.0,
    };
    let sigma = match param(args, 1, "sigma") {
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
    Ok(Value::float(mu + z * sigma))
});

// `_getstate()`: `Random.getstate()`'s tuple, (3, the 625 words of the state, gauss_next).
native!(GETSTATE, "random._getstate", |vm, _th, args| {
    arity(vm, "getstate", args, 0, 0)?;
    let rng = vm.rng();
    let words = rng.state_words().into_iter().map(|w| Value::Int(i64::from(w))).collect();
    let gauss_next = rng.gauss_next.map_or(Value::None, Value::float);
    Ok(Value::tuple(vec![Value::Int(3), Value::tuple(words), gauss_next]))
});

// `_setstate(internalstate, gauss_next)`: `_random.Random.setstate`, with its messages.
native!(SETSTATE, "random._setstate", |vm, _th, args| {
    arity(vm, "setstate", args, 2, 2)?;
    let Value::Tuple(items) = &args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "state vector must be a tuple"));
    };
    let mut words = [0u32; crate::mersenne::N + 1];
    if items.len() != words.len() {
        return Err(vm.raise_msg(Exc::ValueError, "state vector is the wrong size"));
    }
    for (word, item) in words.iter_mut().zip(items.iter()) {
        let n = int_of(vm, item)?;
        if n.is_negative() {
            return Err(vm.raise_msg(Exc::OverflowError, "can't convert negative int to unsigned"));
        }
        // C's `unsigned long`, kept to its low 32 bits as `_randommodule.c` stores it.
        *word = (n & BigInt::from(u32::MAX)).to_u32().unwrap_or(0);
    }
    let gauss_next = match &args.pos[1] {
        Value::None => None,
        other => Some(number_arg(vm, other, "setstate")?),
    };
    let Some(generator) = Mersenne::from_state_words(&words, gauss_next) else {
        return Err(vm.raise_msg(Exc::ValueError, "invalid state"));
    };
    footprint::note(footprint::Resource::Interpreter, true);
    vm.interp.rng.set(generator, false);
    Ok(Value::None)
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
    let mut draw_args = Args { pos: args.pos[2..].to_vec(), kw: args.kw.clone() };
    let Value::Instance(inst) = twister else { return (draw.func)(vm, th, &mut draw_args) };
    let Slot::Twister(state) = &inst.slot else { return (draw.func)(vm, th, &mut draw_args) };
    // The instance's generator stands in for the module's while `draw` runs.
    std::mem::swap(&mut *state.borrow_mut(), &mut vm.interp.rng);
    let result = (draw.func)(vm, th, &mut draw_args);
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
            &GETSTATE,
            &SETSTATE,
        ],
        vec![],
    )
}
