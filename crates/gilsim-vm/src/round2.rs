//! Python 2.7's `round(x[, n])`: always a float, and a half rounds away from zero
//! (`round(2.5)` is `3.0`, `round(0.125, 2)` is `0.13`), decided on the exact decimal value of
//! the double (`round(2.675, 2)` is `2.67`: 2.675 is stored a little below), as 2.7's
//! `builtin_round` over `_Py_double_round` does.

use crate::builtins::{arity, int_arg, kwarg};
use crate::native::{Args, NResult};
use crate::value::Value;
use crate::{Exc, Vm};

pub(crate) fn round(vm: &mut Vm, args: &mut Args) -> NResult {
    arity(vm, "round", args, 1, 2)?;
    let digits = match args.pos.get(1).cloned().or_else(|| kwarg(args, "ndigits")) {
        None | Some(Value::None) => 0,
        Some(v) => int_arg(vm, &v, "")?,
    };
    let x = match &args.pos[0] {
        Value::Int(i) => *i as f64,
        Value::Bool(b) => f64::from(u8::from(b.get())),
        Value::Float(f) => f.get(),
        Value::Long(big) => num_traits::ToPrimitive::to_f64(&**big).filter(|f| f.is_finite()).unwrap_or(f64::INFINITY),
        _ => return Err(vm.raise_msg(Exc::TypeError, "a float is required")),
    };
    Ok(Value::float(half_away_from_zero(x, digits)))
}

/// `x` rounded to `digits` decimal places (negative: to tens, hundreds...), a half away from
/// zero on the exact decimal expansion.
fn half_away_from_zero(x: f64, digits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 || digits > 323 {
        return x;
    }
    if digits < -308 {
        return 0.0 * x;
    }
    let exact = format!("{:.1100}", x.abs());
    let (int_part, fraction) = exact.split_once('.').unwrap_or((&exact, ""));
    let all = format!("{int_part}{fraction}");
    // The digits kept: the integer part's and `digits` decimals' (fewer of the integer part's
    // for negative `digits`); the first one dropped decides.
    let kept = usize::try_from(int_part.len() as i64 + digits).unwrap_or(0).min(all.len());
    let mut head: Vec<u8> = all.as_bytes()[..kept].to_vec();
    if all.as_bytes().get(kept).is_some_and(|&d| d >= b'5') {
        increment(&mut head);
    }
    let head = if head.is_empty() { "0".to_string() } else { String::from_utf8_lossy(&head).into_owned() };
    format!("{head}e{}", -digits).parse::<f64>().unwrap_or(0.0).copysign(x)
}

/// Add one to a decimal digit string (`"199"` becomes `"200"`, `"99"` `"100"`, `""` `"1"`).
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

#[cfg(test)]
mod tests {
    use super::half_away_from_zero as round;

    /// CPython 2.7's results.
    #[test]
    fn halves_go_away_from_zero_on_the_exact_value() {
        assert_eq!(round(2.5, 0), 3.0);
        assert_eq!(round(-2.5, 0), -3.0);
        assert_eq!(round(-0.5, 0), -1.0);
        assert_eq!(round(0.125, 2), 0.13);
        assert_eq!(round(2.675, 2), 2.67);
        assert_eq!(round(1234.5, -1), 1230.0);
        assert_eq!(round(1250.0, -2), 1300.0);
        assert_eq!(round(0.4, 0), 0.0);
        assert_eq!(round(9.99, 1), 10.0);
        assert_eq!(round(1e300, 2), 1e300);
    }
}
