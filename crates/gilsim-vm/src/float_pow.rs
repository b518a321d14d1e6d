//! `x ** y` of floats (and of ints with a negative exponent, which CPython's `long_pow` hands
//! to the float power), as CPython's `float_pow` (Objects/floatobject.c): the special cases
//! of zeros, infinities and NaNs sorted out before the C library's `pow`, a zero to a
//! negative power a ZeroDivisionError, a finite result out of range an OverflowError with
//! ERANGE's errno, and a negative base to a fractional power the complex power (Python 3)
//! or a ValueError (Python 2).

use crate::native::Control;
use crate::value::Value;
use crate::{Exc, Vm};

/// What the float power of two operands is.
pub(crate) enum FloatPow {
    Float(f64),
    /// A negative base to a non-integral exponent: Python 3 makes it a complex number.
    Complex,
}

/// C's ERANGE.
const ERANGE: i64 = 34;

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc() && (x % 2.0).abs() == 1.0
}

impl Vm {
    pub(crate) fn float_pow(&mut self, base: f64, exponent: f64) -> Result<FloatPow, Control> {
        let float = |x: f64| Ok(FloatPow::Float(x));
        if exponent == 0.0 {
            return float(1.0);
        }
        if base.is_nan() {
            return float(base);
        }
        if exponent.is_nan() {
            return float(if base == 1.0 { 1.0 } else { exponent });
        }
        if exponent.is_infinite() {
            let magnitude = base.abs();
            return float(if magnitude == 1.0 {
                1.0
            } else if (exponent > 0.0) == (magnitude > 1.0) {
                f64::INFINITY
            } else {
                0.0
            });
        }
        if base.is_infinite() {
            let odd = is_odd_integer(exponent);
            return float(match (exponent > 0.0, odd) {
                (true, true) => base,
                (true, false) => base.abs(),
                (false, true) => 0.0f64.copysign(base),
                (false, false) => 0.0,
            });
        }
        if base == 0.0 {
            if exponent < 0.0 {
                return Err(self.raise_msg(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
            }
            return float(if is_odd_integer(exponent) { base } else { 0.0 });
        }
        let mut magnitude = base;
        let mut negate = false;
        if base < 0.0 {
            if exponent != exponent.floor() {
                if self.options.python.major == 2 {
                    let message = "negative number cannot be raised to a fractional power";
                    return Err(self.raise_msg(Exc::ValueError, message));
                }
                return Ok(FloatPow::Complex);
            }
            magnitude = -base;
            negate = is_odd_integer(exponent);
        }
        if magnitude == 1.0 {
            return float(if negate { -1.0 } else { 1.0 });
        }
        let result = magnitude.powf(exponent);
        if result.is_infinite() {
            let args = vec![Value::Int(ERANGE), Value::str(&crate::os_error::strerror(ERANGE))];
            return Err(Control::Raise(self.new_exception_args(Exc::OverflowError, args)));
        }
        float(if negate { -result } else { result })
    }
}
