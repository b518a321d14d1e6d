//! `sum()`'s running total as CPython's `builtin_sum_impl` keeps it: while the total is an
//! exact float, float and int items are added as C doubles — from 3.12 with Neumaier's
//! compensation (Neumaier 1974, the "improved Kahan–Babuška" sum), so `sum([0.1] * 10)` is
//! `1.0` there and `0.9999999999999999` before. Any other item ends that loop for good: the
//! total (with its compensation) becomes a float object and the rest is added with `+`.

use crate::value::Value;

/// Where the total stands.
pub(crate) enum Total {
    /// Added with `+` (an int total is exact either way).
    Value(Value),
    /// An exact float total in CPython's float loop.
    Float { sum: f64, compensation: f64 },
    /// The float loop has ended: `+` for the rest.
    Generic(Value),
}

impl Total {
    /// The total `start` begins as.
    pub(crate) fn new(start: Value) -> Total {
        Total::Value(start).entering_float_loop()
    }

    /// CPython tests for an exact float total once, after the int loop (or at the start).
    pub(crate) fn entering_float_loop(self) -> Total {
        match self {
            Total::Value(Value::Float(f)) => Total::Float { sum: f.get(), compensation: 0.0 },
            other => other,
        }
    }

    /// Add `item` in the float loop; `Err(item)` when it is not a float or an int that fits
    /// a C long, and the loop ends.
    pub(crate) fn add_in_float_loop(&mut self, item: Value, compensated: bool) -> Result<(), Value> {
        let Total::Float { sum, compensation } = self else { return Err(item) };
        let x = match &item {
            Value::Float(f) => f.get(),
            Value::Int(i) => {
                *sum += *i as f64;
                return Ok(());
            }
            Value::Bool(b) => {
                *sum += f64::from(*b as u8);
                return Ok(());
            }
            _ => return Err(item),
        };
        let t = *sum + x;
        if compensated {
            *compensation += if sum.abs() >= x.abs() { (*sum - t) + x } else { (x - t) + *sum };
        }
        *sum = t;
        Ok(())
    }

    /// The total as a value (the float loop's sum with its compensation, when finite).
    pub(crate) fn value(self) -> Value {
        match self {
            Total::Value(v) | Total::Generic(v) => v,
            Total::Float { sum, compensation } => {
                let finite_correction = compensation != 0.0 && compensation.is_finite();
                Value::float(if finite_correction { sum + compensation } else { sum })
            }
        }
    }
}
