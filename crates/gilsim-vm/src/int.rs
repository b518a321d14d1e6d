//! Python's `int`: arbitrary precision (`num-bigint`), with the common case kept fast — a value
//! that fits in an `i64` is a `Value::Int`, and arithmetic on two of them uses checked machine
//! arithmetic, falling back to big integers only when it overflows. CPython's semantics
//! throughout: floor division and modulo toward negative infinity, `**` with a negative
//! exponent giving a float, three-argument `pow` with modular inverses (3.8+), infinite
//! two's-complement bitwise operations, exact comparison with floats.
//!
//! Invariant: a `Value::Long` never holds a value that fits in an `i64` ([`from_big`]
//! normalises), so equal ints always have the same representation.

use crate::value::Value;
use crate::{Control, Exc, Vm};
use gilsim_bytecode::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::rc::Rc;

/// CPython 3.11+'s default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: u64 = 4300;

/// An int operand: a machine integer or a big one.
#[derive(Clone, Copy, Debug)]
pub enum Int<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl<'a> Int<'a> {
    pub fn big(self) -> Cow<'a, BigInt> {
        match self {
            Int::Small(i) => Cow::Owned(BigInt::from(i)),
            Int::Big(b) => Cow::Borrowed(b),
        }
    }

    pub fn is_negative(self) -> bool {
        match self {
            Int::Small(i) => i < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    pub fn is_zero(self) -> bool {
        matches!(self, Int::Small(0))
    }

    /// The value as an i64, if it is one.
    pub fn small(self) -> Option<i64> {
        match self {
            Int::Small(i) => Some(i),
            Int::Big(_) => None,
        }
    }

    /// The value, saturated to the i64 range (slice bounds clamp, as CPython's do).
    pub fn saturating(self) -> i64 {
        match self {
            Int::Small(i) => i,
            Int::Big(b) if b.is_negative() => i64::MIN,
            Int::Big(_) => i64::MAX,
        }
    }

    /// Bits of the magnitude.
    fn bits(self) -> u64 {
        match self {
            Int::Small(i) => u64::from(64 - i.unsigned_abs().leading_zeros()),
            Int::Big(b) => b.bits(),
        }
    }
}

/// An int as CPython's `PyNumber_Index` returns it: the object itself, so a bool stays a bool
/// (`operator.index(True)` is `True`), owned so it outlives the value it came from.
#[derive(Clone, Debug)]
pub enum Index {
    Bool(crate::words::Truth),
    Small(i64),
    Big(Rc<BigInt>),
}

impl Index {
    /// The int a value is, if it is one.
    pub fn of(v: &Value) -> Option<Index> {
        match v {
            Value::Bool(b) => Some(Index::Bool(*b)),
            Value::Int(i) => Some(Index::Small(*i)),
            Value::Long(b) => Some(Index::Big(Rc::clone(b))),
            _ => None,
        }
    }

    pub fn int(&self) -> Int<'_> {
        match self {
            Index::Bool(b) => Int::Small(i64::from(*b)),
            Index::Small(i) => Int::Small(*i),
            Index::Big(b) => Int::Big(b),
        }
    }

    pub fn into_value(self) -> Value {
        match self {
            Index::Bool(b) => Value::Bool(b),
            Index::Small(i) => Value::Int(i),
            Index::Big(b) => Value::Long(b),
        }
    }
}

/// The int a value is (`bool` included), if it is one.
pub fn as_int(v: &Value) -> Option<Int<'_>> {
    match v {
        Value::Int(i) => Some(Int::Small(*i)),
        Value::Bool(b) => Some(Int::Small(i64::from(*b))),
        Value::Long(b) => Some(Int::Big(b)),
        _ => None,
    }
}

/// A big integer as a value: an `Int` when it fits.
pub fn from_big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Long(Rc::new(b)),
    }
}

/// The float nearest to an int (CPython: OverflowError past the largest float).
pub fn to_f64(vm: &mut Vm, i: Int<'_>) -> Result<f64, Control> {
    let f = match i {
        Int::Small(i) => i as f64,
        Int::Big(b) => b.to_f64().filter(|f| f.is_finite()).unwrap_or(f64::INFINITY),
    };
    if f.is_infinite() {
        return Err(vm.raise_msg(Exc::OverflowError, "int too large to convert to float"));
    }
    Ok(f)
}

/// A finite float's magnitude as `m * 2**e` exactly (subnormals included; m < 2**53).
pub fn float_parts(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// `int(x)` of a finite float: exact (`int(1e19)` is 10000000000000000000).
pub fn from_f64(x: f64) -> Value {
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Value::Int(t as i64);
    }
    let (mantissa, exponent) = float_parts(t);
    let mantissa = BigInt::from(mantissa);
    let magnitude = if exponent >= 0 { mantissa << exponent as usize } else { mantissa >> (-exponent) as usize };
    from_big(if t < 0.0 { -magnitude } else { magnitude })
}

/// Compare an int with a float exactly (CPython's `float_richcompare`): `2**53 + 1 > 2.0**53`.
pub fn cmp_float(i: Int<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Int::Small(i) = i {
        if i.unsigned_abs() < (1 << 53) {
            return (i as f64).partial_cmp(&f);
        }
    }
    // Compare with the float's integral part, then its fraction breaks a tie.
    let whole = f.trunc();
    let whole_int = match from_f64(whole) {
        Value::Int(w) => BigInt::from(w),
        Value::Long(w) => (*w).clone(),
        _ => unreachable!("from_f64 gives an int"),
    };
    match i.big().as_ref().cmp(&whole_int) {
        Ordering::Equal => (0.0).partial_cmp(&(f - whole)),
        other => Some(other),
    }
}

/// Compare two numbers (ints, bools, floats) exactly: None when either is not a number,
/// `Some(None)` when a NaN leaves them unordered.
pub fn cmp_numbers(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    match (as_int(a), as_int(b), a, b) {
        (Some(x), Some(y), _, _) => Some(Some(cmp(x, y))),
        (Some(x), None, _, Value::Float(f)) => Some(cmp_float(x, f.get())),
        (None, Some(y), Value::Float(f), _) => Some(cmp_float(y, f.get()).map(Ordering::reverse)),
        (None, None, Value::Float(x), Value::Float(y)) => Some(x.get().partial_cmp(&y.get())),
        _ => None,
    }
}

/// Compare two ints.
pub fn cmp(a: Int<'_>, b: Int<'_>) -> Ordering {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => x.cmp(&y),
        _ => a.big().as_ref().cmp(b.big().as_ref()),
    }
}

impl Vm {
    /// `a op b` for two ints (bool & bool bitwise results are the caller's).
    pub(crate) fn int_binary(&mut self, op: BinOp, a: Int<'_>, b: Int<'_>) -> Result<Value, Control> {
        if let (Int::Small(x), Int::Small(y)) = (a, b) {
            if let Some(v) = self.small_binary(op, x, y)? {
                return Ok(v);
            }
        }
        self.big_binary(op, a, b)
    }

    /// The machine-integer fast path: None when the result needs a big integer.
    fn small_binary(&mut self, op: BinOp, x: i64, y: i64) -> Result<Option<Value>, Control> {
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::TrueDiv if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) => {
                if y == 0 {
                    return Err(self.raise_msg(Exc::ZeroDivisionError, "division by zero"));
                }
                return Ok(Some(Value::float(x as f64 / y as f64)));
            }
            BinOp::FloorDiv | BinOp::Mod if y != 0 && !(x == i64::MIN && y == -1) => {
                Some(if op == BinOp::Mod { Integer::mod_floor(&x, &y) } else { Integer::div_floor(&x, &y) })
            }
            BinOp::Pow if y >= 0 => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)),
            BinOp::LShift if (0..63).contains(&y) => x.checked_mul(1i64 << y),
            BinOp::RShift if y >= 0 => Some(x >> y.min(63)),
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            _ => None,
        };
        Ok(r.map(Value::Int))
    }

    fn big_binary(&mut self, op: BinOp, a: Int<'_>, b: Int<'_>) -> Result<Value, Control> {
        let (x, y) = (a.big(), b.big());
        let (x, y) = (x.as_ref(), y.as_ref());
        Ok(match op {
            BinOp::Add => from_big(x + y),
            BinOp::Sub => from_big(x - y),
            BinOp::Mul => {
                self.charge((a.bits() + b.bits()) / 8)?;
                self.charge_multiplication(a.bits() + b.bits())?;
                from_big(x * y)
            }
            BinOp::TrueDiv => Value::float(self.true_divide(x, y)?),
            BinOp::FloorDiv | BinOp::Mod => {
                if y.is_zero() {
                    // `%` has its own message from 3.11.
                    let modulo_own = op == BinOp::Mod && self.options.python >= gilsim_core::PythonVersion::new(3, 11);
                    let message =
                        if modulo_own { "integer modulo by zero" } else { "integer division or modulo by zero" };
                    return Err(self.raise_msg(Exc::ZeroDivisionError, message));
                }
                let (q, r) = x.div_mod_floor(y);
                from_big(if op == BinOp::Mod { r } else { q })
            }
            BinOp::Pow => return self.int_pow(a, b),
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.raise_msg(Exc::ValueError, "negative shift count"));
                }
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                let Some(shift) = y.to_u64().filter(|&s| s < (1 << 40)) else {
                    return Err(self.raise_msg(Exc::OverflowError, "too many digits in integer"));
                };
                self.charge(shift / 8)?;
                from_big(x << shift as usize)
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.raise_msg(Exc::ValueError, "negative shift count"));
                }
                match y.to_u64().filter(|&s| s < a.bits() + 1) {
                    Some(shift) => from_big(x >> shift as usize),
                    None => Value::Int(if x.is_negative() { -1 } else { 0 }),
                }
            }
            BinOp::And => from_big(x & y),
            BinOp::Or => from_big(x | y),
            BinOp::Xor => from_big(x ^ y),
            BinOp::MatMul | BinOp::ClassicDiv => unreachable!("@ of ints is refused, and / of ints made //, before"),
        })
    }

    /// `a ** b` for ints: a float for negative b (0 ** -1 raises), else exact.
    fn int_pow(&mut self, a: Int<'_>, b: Int<'_>) -> Result<Value, Control> {
        if b.is_negative() {
            if a.is_zero() {
                return Err(self.raise_msg(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
            }
            // CPython's long_pow hands a negative exponent to the float power.
            let (x, y) = (to_f64(self, a)?, b.small().map_or(f64::NEG_INFINITY, |e| e as f64));
            return match self.float_pow(x, y)? {
                crate::float_pow::FloatPow::Float(r) => Ok(Value::float(r)),
                crate::float_pow::FloatPow::Complex => unreachable!("an integral exponent"),
            };
        }
        // Bases whose powers never grow, whatever the exponent.
        match a.small() {
            Some(0) => return Ok(Value::Int(i64::from(b.is_zero()))),
            Some(1) => return Ok(Value::Int(1)),
            Some(-1) => return Ok(Value::Int(if b.big().is_odd() { -1 } else { 1 })),
            _ => {}
        }
        let Some(exponent) = b.small().and_then(|e| u32::try_from(e).ok()) else {
            return Err(self.raise_memory_error());
        };
        let result_bits = a.bits().saturating_mul(u64::from(exponent));
        self.charge(result_bits / 8)?;
        self.charge_multiplication(result_bits)?;
        Ok(from_big(num_traits::Pow::pow(a.big().as_ref(), exponent)))
    }

    /// `a / b` for ints, correctly rounded (CPython's `long_true_divide`).
    fn true_divide(&mut self, x: &BigInt, y: &BigInt) -> Result<f64, Control> {
        if y.is_zero() {
            return Err(self.raise_msg(Exc::ZeroDivisionError, "division by zero"));
        }
        // Scale so that the quotient has 64+ significant bits; the remainder rounds the last.
        let shift = (y.bits() as i64 - x.bits() as i64 + 66).max(0);
        let (q, r) = (x.abs() << shift as usize).div_rem(&y.abs());
        let q = if r.is_zero() { q } else { (q << 1usize) | BigInt::one() };
        let shift = shift + i64::from(!r.is_zero());
        // num-bigint's to_f64 rounds to nearest, keeping lower bits as a sticky bit.
        let mut value = q.to_f64().unwrap_or(f64::INFINITY);
        let mut shift = shift;
        while shift > 1000 {
            value /= 2f64.powi(1000);
            shift -= 1000;
        }
        value /= 2f64.powi(shift as i32);
        if !value.is_finite() {
            return Err(self.raise_msg(Exc::OverflowError, "integer division result too large for a float"));
        }
        Ok(if x.is_negative() != y.is_negative() { -value } else { value })
    }

    /// `pow(base, exp, mod)` for ints (3.8+: a negative exponent takes the modular inverse).
    pub(crate) fn int_pow_mod(&mut self, base: Int<'_>, exp: Int<'_>, modulus: Int<'_>) -> Result<Value, Control> {
        let m = modulus.big();
        if m.is_zero() {
            return Err(self.raise_msg(Exc::ValueError, "pow() 3rd argument cannot be 0"));
        }
        let abs_m = m.abs();
        let mut b = base.big().mod_floor(&abs_m);
        let mut e = exp.big().into_owned();
        if e.is_negative() && self.options.python < gilsim_core::PythonVersion::new(3, 8) {
            // 2.7 raised a TypeError, 3.6 and 3.7 a ValueError.
            let kind = if self.options.python.major == 2 { Exc::TypeError } else { Exc::ValueError };
            return Err(self.raise_msg(kind, "pow() 2nd argument cannot be negative when 3rd argument specified"));
        }
        if e.is_negative() {
            let inverse = b.extended_gcd(&abs_m);
            if !inverse.gcd.is_one() {
                return Err(self.raise_msg(Exc::ValueError, "base is not invertible for the given modulus"));
            }
            b = inverse.x.mod_floor(&abs_m);
            e = -e;
        }
        let r = b.modpow(&e, &abs_m);
        // The result takes the modulus's sign, as % does.
        Ok(from_big(if m.is_negative() && !r.is_zero() { r - abs_m } else { r }))
    }

    /// `-i`, `~i`, `abs(i)`.
    pub(crate) fn int_neg(&mut self, i: Int<'_>) -> Value {
        match i {
            Int::Small(x) => x.checked_neg().map_or_else(|| from_big(-BigInt::from(x)), Value::Int),
            Int::Big(b) => from_big(-b),
        }
    }

    pub(crate) fn int_abs(&mut self, i: Int<'_>) -> Value {
        if i.is_negative() {
            self.int_neg(i)
        } else {
            match i {
                Int::Small(x) => Value::Int(x),
                Int::Big(b) => from_big(b.clone()),
            }
        }
    }

    /// `str(i)` of a big int (3.11+: CPython refuses more than 4300 digits, a guard against
    /// quadratic conversion).
    pub(crate) fn long_to_string(&mut self, b: &BigInt) -> Result<String, Control> {
        let limited = self.options.python >= gilsim_core::PythonVersion::new(3, 11);
        let digits_at_least = (b.bits().saturating_sub(1) as f64 * std::f64::consts::LOG10_2) as u64;
        let text = if limited && digits_at_least > MAX_STR_DIGITS {
            None
        } else {
            self.charge_conversion(b.bits())?;
            Some(b.to_string())
        };
        match text {
            Some(text) if !limited || text.trim_start_matches('-').len() as u64 <= MAX_STR_DIGITS => Ok(text),
            _ => {
                let message = format!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use \
                     sys.set_int_max_str_digits() to increase the limit"
                );
                Err(self.raise_msg(Exc::ValueError, message))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_convert_exactly() {
        assert_eq!(from_f64(1e19).to_string_for_test(), "10000000000000000000");
        assert_eq!(from_f64(-2.5).to_string_for_test(), "-2");
        assert_eq!(cmp_float(Int::Small((1 << 53) + 1), (1u64 << 53) as f64), Some(Ordering::Greater));
        let big = BigInt::from(10).pow(30u32);
        assert_eq!(cmp_float(Int::Big(&big), 1e30), Some(Ordering::Less), "1e30 is 1000000000000000019884624838656");
        assert_eq!(cmp_float(Int::Small(3), 3.5), Some(Ordering::Less));
        assert_eq!(cmp_float(Int::Small(3), f64::NAN), None);
    }

    impl Value {
        fn to_string_for_test(&self) -> String {
            match self {
                Value::Int(i) => i.to_string(),
                Value::Long(b) => b.to_string(),
                _ => "?".into(),
            }
        }
    }
}
