//! `hash()`: CPython's algorithms wherever CPython's result does not depend on the process —
//! ints and floats (modulo 2**61 - 1), tuples (the xxHash-based `tuplehash` of 3.8+, the
//! multiply-xor one before), `True`,
//! `None` on 3.12+ — and, for objects hashed by identity (instances, functions, classes), the
//! pointer hash of CPython applied to the run-local `id()`, so that the same script and seed
//! print the same hashes in every process. Strings hash with a fixed key (CPython randomises
//! theirs per process; gilsim keeps a run reproducible instead). Python 2.7 hashes as 2.7
//! does (its string hash is not randomised by default): ints are themselves, longs modulo
//! 2**64 - 1, floats by `frexp`, strings by the multiply-xor of `string_hash` — so that its
//! sets and dicts iterate in 2.7's order (crate::set).
//!
//! Invariant: a hash is a pure function of the value and the run (never of an address); equal
//! keys hash equally (`hash(1) == hash(1.0) == hash(True)`).

use crate::value::Value;
use crate::{Control, Exc, Thread, Vm};
use std::hash::{Hash, Hasher};

/// CPython's `_PyHASH_BITS` and modulus (a Mersenne prime).
const BITS: u32 = 61;
const MODULUS: u64 = (1 << BITS) - 1;
const INF: i64 = 314_159;
/// `hash(None)` from CPython 3.12 on.
const NONE_312: i64 = 0xFCA8_6420;

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// -1 is CPython's error return: a hash of -1 becomes -2.
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(i)`: `i` modulo 2**61 - 1, with i's sign.
pub fn hash_int(i: i64) -> i64 {
    let magnitude = (i.unsigned_abs() % MODULUS) as i64;
    not_minus_one(if i < 0 { -magnitude } else { magnitude })
}

/// `hash(n)` for a big int: n modulo 2**61 - 1, with n's sign.
pub fn hash_long(n: &num_bigint::BigInt) -> i64 {
    use num_traits::{Signed, ToPrimitive};
    let magnitude = (n.abs() % MODULUS).to_i64().expect("below the modulus");
    not_minus_one(if n.is_negative() { -magnitude } else { magnitude })
}

/// `hash(x)` for a float (CPython's `_Py_HashDouble`): equal to the int's hash when x is
/// integral; NaN hashes to 0 (as before 3.10: gilsim's floats have no identity).
pub fn hash_float(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { INF } else { -INF };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & MODULUS) | acc >> (BITS - 28);
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= MODULUS {
            acc -= MODULUS;
        }
    }
    let e = if e >= 0 { e as u32 % BITS } else { BITS - 1 - ((-1 - e) as u32 % BITS) };
    acc = ((acc << e) & MODULUS) | acc >> (BITS - e);
    not_minus_one((acc as i64).wrapping_mul(sign))
}

/// C's `frexp`: x = m * 2**e with 0.5 <= |m| < 1 (zero, infinities and NaN give (x, 0)).
pub(crate) fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// C's `ldexp`: x * 2**e, scaled in steps of at most 2**1000 so that no intermediate
/// overflows or underflows early (one rounding at the end, for subnormal results too).
pub(crate) fn ldexp(mut x: f64, mut e: i32) -> f64 {
    while e != 0 && x != 0.0 && x.is_finite() {
        let step = e.clamp(-1000, 1000);
        x *= 2f64.powi(step);
        e -= step;
    }
    x
}

/// CPython's pointer hash (`_Py_HashPointer`: rotated right by 4 bits), of an `id()`.
pub fn hash_id(id: u64) -> i64 {
    not_minus_one(id.rotate_right(4) as i64)
}

/// The hash of a value hashed by value (numbers, strings, `None`, tuples of these), which
/// needs no run state; `None` for values hashed by identity (their hash is the run's `id()`).
/// `None` hashes as on 3.12+ in every version (before, CPython hashed its address).
pub fn value_hash(value: &Value) -> Option<i64> {
    combine_tuples(value, |leaf| leaf_hash(leaf).ok_or(())).ok()
}

/// The hash of a leaf that is hashed by value (the same in every version of Python 3).
fn leaf_hash(value: &Value) -> Option<i64> {
    if PYTHON2.get() {
        return python2::leaf_hash(value);
    }
    Some(match value {
        Value::Int(i) => hash_int(*i),
        Value::Long(b) => hash_long(b),
        Value::Bool(b) => i64::from(*b),
        Value::Float(f) => hash_float(f.get()),
        Value::Str(s) => hash_str(s),
        Value::Bytes(b) => hash_bytes(b),
        Value::None => NONE_312,
        Value::Set(s) => s.borrow_unnoted().frozen_hash()?.by_value?,
        _ => return None,
    })
}

/// CPython's `frozenset_hash` of members with hashes `hashes` (order-independent: each
/// member's hash is shuffled and xored in, then the count and a final dispersal).
pub fn frozenset_hash(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
    let len = hashes.len() as u64;
    let mut hash = hashes.fold(0u64, |acc, h| acc ^ shuffle(h as u64));
    hash ^= len.wrapping_add(1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    match hash as i64 {
        -1 => 590_923_713,
        h => h,
    }
}

/// Hash `value` with `leaf` for everything but tuples, which combine their items' hashes
/// (`tuplehash`). Post-order with an explicit stack: tuples nest as deep as a script likes.
fn combine_tuples<E>(value: &Value, mut leaf: impl FnMut(&Value) -> Result<i64, E>) -> Result<i64, E> {
    enum Task<'v> {
        Visit(&'v Value),
        Combine(usize),
    }
    let mut tasks = vec![Task::Visit(value)];
    let mut lanes: Vec<i64> = Vec::new();
    while let Some(task) = tasks.pop() {
        match task {
            Task::Visit(Value::Tuple(items)) => {
                tasks.push(Task::Combine(items.len()));
                tasks.extend(items.iter().rev().map(Task::Visit));
            }
            Task::Visit(value) => lanes.push(leaf(value)?),
            Task::Combine(n) => {
                let start = lanes.len() - n;
                let h = hash_items(&lanes[start..]);
                lanes.truncate(start);
                lanes.push(h);
            }
        }
    }
    Ok(lanes.pop().expect("one hash"))
}

/// A string's hash: SipHash with a fixed key (see the module docs).
fn hash_str(s: &str) -> i64 {
    let mut hasher = std::hash::DefaultHasher::new();
    s.hash(&mut hasher);
    not_minus_one(hasher.finish() as i64)
}

/// ASCII bytes hash as the equal str does (CPython hashes both with one function).
fn hash_bytes(data: &[u8]) -> i64 {
    match std::str::from_utf8(data) {
        Ok(text) => hash_str(text),
        Err(_) => {
            let mut hasher = std::hash::DefaultHasher::new();
            data.hash(&mut hasher);
            not_minus_one(hasher.finish() as i64)
        }
    }
}

thread_local! {
    /// Whether the run on this OS thread hashes tuples as CPython before 3.8 did (set as each
    /// run's VM is made: a tuple's hash, and so a set's order, depends on the version).
    static TUPLE_HASH_BEFORE_38: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether it hashes numbers and strings as Python 2.7 does.
    static PYTHON2: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Hash as `version` does in the runs made on this OS thread from now on.
pub(crate) fn use_version(version: gilsim_core::PythonVersion) {
    TUPLE_HASH_BEFORE_38.set(version < gilsim_core::PythonVersion::new(3, 8));
    PYTHON2.set(version.major == 2);
}

/// Whether the runs on this OS thread are Python 2.7's (its sets and dicts place members as
/// 2.7 does).
pub(crate) fn python2() -> bool {
    PYTHON2.get()
}

/// CPython's `tuplehash` over the items' hashes: xxHash's mixing from 3.8, before it the
/// multiply-xor of 2.7-3.7 (whose collisions in nested tuples 3.8 fixed).
fn hash_items(lanes: &[i64]) -> i64 {
    if TUPLE_HASH_BEFORE_38.get() {
        return hash_items_before_38(lanes);
    }
    let mut acc = XXPRIME_5;
    for &lane in lanes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(lanes.len() as u64 ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

fn hash_items_before_38(lanes: &[i64]) -> i64 {
    let mut x: u64 = 0x0034_5678;
    let mut mult: u64 = 1_000_003;
    for (i, &lane) in lanes.iter().enumerate() {
        let left = (lanes.len() - 1 - i) as u64;
        x = (x ^ lane as u64).wrapping_mul(mult);
        mult = mult.wrapping_add(82_520 + left + left);
    }
    x = x.wrapping_add(97_531);
    if x == u64::MAX {
        return -2;
    }
    x as i64
}

impl Vm {
    /// `hash(v)` for a hashable built-in value (the caller has checked hashability; user
    /// `__hash__` methods are the caller's). Nested tuples are walked with an explicit stack.
    pub(crate) fn hash_of(&mut self, th: &mut Thread, v: &Value) -> Result<i64, Control> {
        combine_tuples(v, |leaf| self.hash_leaf(th, leaf))
    }

    /// `set` made a `frozenset`: its members' hashes are taken now (they may run a Python
    /// `__hash__`), as CPython caches the hash on first use.
    pub(crate) fn freeze(&mut self, th: &mut Thread, mut set: crate::dict::PySet) -> Result<Value, Control> {
        let members: Vec<Value> = set.iter().map(|k| k.0.clone()).collect();
        let mut hashes = Vec::with_capacity(members.len());
        for m in &members {
            hashes.push(self.hash_of(th, m)?);
        }
        let by_value: Option<Vec<i64>> = members.iter().map(value_hash).collect();
        let hash = crate::set::FrozenHash {
            hash: frozenset_hash(hashes.into_iter()),
            by_value: by_value.map(|h| frozenset_hash(h.into_iter())),
        };
        set.freeze(hash);
        Ok(Value::Set(std::rc::Rc::new(crate::footprint::PyCell::new(set))))
    }

    fn hash_leaf(&mut self, th: &mut Thread, v: &Value) -> Result<i64, Control> {
        Ok(match v {
            Value::Instance(inst) => match self.user_hash(th, inst)? {
                Some(h) => h,
                None => match crate::immutable_subclass::immutable_base(v) {
                    // A subclass of tuple, str, int or float hashes as its value.
                    Some(base) => self.hash_of(th, &base.clone())?,
                    None => hash_id(self.object_id(v)),
                },
            },
            Value::None if self.options.python < gilsim_core::PythonVersion::new(3, 12) => hash_id(self.object_id(v)),
            Value::Range(r) => {
                // CPython hashes a range as the tuple (len, start, step), or (len, None, None).
                let int = |i: i128| hash_long(&num_bigint::BigInt::from(i));
                let parts = match r.len() {
                    0 => [int(0), self.hash_leaf(th, &Value::None)?, self.hash_leaf(th, &Value::None)?],
                    1 => [int(1), int(r.start), self.hash_leaf(th, &Value::None)?],
                    len => [int(len), int(r.start), int(r.step)],
                };
                hash_items(&parts)
            }
            Value::Set(s) if s.borrow_unnoted().is_frozen() => s.borrow_unnoted().frozen_hash().map_or(0, |h| h.hash),
            // CPython's method_hash: the object's identity and the function's hash.
            Value::BoundMethod(pair) => {
                let (receiver, func) = (&pair.0, &pair.1);
                not_minus_one(hash_id(self.object_id(receiver)) ^ self.hash_leaf(th, func)?)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                let name = crate::builtins::type_name_of(v);
                return Err(self.raise_msg(Exc::TypeError, format!("unhashable type: '{name}'")));
            }
            other => match leaf_hash(other) {
                Some(h) => h,
                None => hash_id(self.object_id(other)),
            },
        })
    }
}

/// Python 2.7's hashes of the values it hashes by value (`Objects/intobject.c`,
/// `longobject.c`, `floatobject.c`'s `_Py_HashDouble`, `stringobject.c`'s `string_hash`
/// without randomisation). `None` hashes by address in 2.7: by identity here.
mod python2 {
    use super::not_minus_one;
    use crate::value::Value;

    pub(super) fn leaf_hash(value: &Value) -> Option<i64> {
        Some(match value {
            Value::Int(i) => not_minus_one(*i),
            Value::Long(b) => long_hash(b),
            Value::Bool(b) => i64::from(*b),
            Value::Float(f) => float_hash(f.get()),
            Value::Str(s) => string_hash(s.as_bytes()),
            Value::Bytes(b) => string_hash(b),
            _ => return None,
        })
    }

    /// `long_hash`: the magnitude modulo 2**64 - 1 (its digits summed with rotation), signed.
    pub(super) fn long_hash(n: &num_bigint::BigInt) -> i64 {
        use num_traits::{Signed, ToPrimitive};
        // The representative in 1..=2**64 - 1 for a nonzero n (its loop never makes 0 of one).
        let magnitude = match (n.abs() % u64::MAX).to_u64().expect("below the modulus") {
            0 if n.sign() != num_bigint::Sign::NoSign => u64::MAX,
            m => m,
        } as i64;
        not_minus_one(if n.is_negative() { magnitude.wrapping_neg() } else { magnitude })
    }

    pub(super) fn float_hash(v: f64) -> i64 {
        if v.is_infinite() {
            return if v < 0.0 { -271_828 } else { 314_159 };
        }
        if v.is_nan() {
            return 0;
        }
        if v.fract() == 0.0 {
            if v.abs() > (i64::MAX / 2) as f64 {
                let exact: num_bigint::BigInt = num_traits::FromPrimitive::from_f64(v).expect("a finite float");
                return long_hash(&exact);
            }
            return not_minus_one(v as i64);
        }
        let (m, e) = super::frexp(v);
        let scaled = m * 2_147_483_648.0;
        let high = scaled as i64;
        let low = ((scaled - high as f64) * 2_147_483_648.0) as i64;
        not_minus_one(high.wrapping_add(low).wrapping_add(i64::from(e) << 15))
    }

    pub(super) fn string_hash(bytes: &[u8]) -> i64 {
        let Some(&first) = bytes.first() else { return 0 };
        let mut x = i64::from(first) << 7;
        for &b in bytes {
            x = x.wrapping_mul(1_000_003) ^ i64::from(b);
        }
        not_minus_one(x ^ bytes.len() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python2_hashes_as_in_cpython_27() {
        // `python2.7 -c "print hash('abc'), hash(1.5), ..."`.
        let big = |n: i128| num_bigint::BigInt::from(n);
        assert_eq!(python2::string_hash(b"abc"), 1_453_079_729_188_098_211);
        assert_eq!(python2::string_hash(b""), 0);
        assert_eq!(python2::float_hash(1.5), 1_610_645_504);
        assert_eq!(python2::float_hash(-0.1), -2_577_078_886);
        assert_eq!(python2::float_hash(1e20), 7_766_279_631_452_241_925);
        assert_eq!(python2::long_hash(&(big(1) << 70u32)), 64);
        assert_eq!(python2::long_hash(&big(i128::from(u64::MAX))), -2);
        let minus_two_to_64: num_bigint::BigInt = -(big(1) << 64u32);
        assert_eq!(python2::long_hash(&minus_two_to_64), -2);
    }

    #[test]
    fn numbers_hash_as_in_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_float(1.5), 1_152_921_504_606_846_977);
        assert_eq!(hash_float(-0.5), -1_152_921_504_606_846_976);
        assert_eq!(hash_float(1e300), 1_224_995_262_755_759_164);
        assert_eq!(hash_float(f64::INFINITY), 314_159);
        assert_eq!(hash_float(3.0), 3);
        assert_eq!(hash_float(5e-324), hash_float(5e-324));
    }

    #[test]
    fn tuples_hash_as_in_cpython() {
        assert_eq!(hash_items(&[1, 2]), -3_550_055_125_485_641_917);
        assert_eq!(hash_items(&[]), 5_740_354_900_026_072_187);
        let inner = hash_items(&[2, 3]);
        assert_eq!(hash_items(&[1, inner]), 7_267_574_591_690_527_098);
    }
}
