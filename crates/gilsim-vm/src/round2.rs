//! Rounding a float at a decimal place, decided on the exact decimal value of the double
//! (`round(2.675, 2)` is `2.67`: 2.675 is stored a little below) and parsed back once, as
//! CPython's `double_round` does with a correctly rounded decimal string: Python 3 rounds a
//! half to even, Python 2.7's `round(x[, n])` away from zero (`round(2.5)` is `3.0`,
//! `round(0.125, 2)` is `0.13`) and always returns a float.

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
    Ok(Value::float(round_decimal(x, digits, Ties::AwayFromZero)))
}

/// Which way an exact half goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ties {
    /// Python 3.
    Even,
    /// Python 2.7.
    AwayFromZero,
}

/// `x` rounded to `digits` decimal places (negative: to tens, hundreds...) on its exact
/// decimal expansion; `x` itself past 323 digits and a signed zero below -308, as CPython's
/// `double_round`.
pub(crate) fn round_decimal(x: f64, digits: i64, ties: Ties) -> f64 {
    if !x.is_finite() || x == 0.0 || digits > 323 {
        return x;
    }
    if digits < -308 {
        return 0.0 * x;
    }
    if ties == Ties::Even && digits >= 0 {
        // Formatting to `digits` places is already exact and halves to even.
        return format!("{x:.*}", digits as usize).parse().unwrap_or(x);
    }
    let exact = format!("{:.1100}", x.abs());
    let (int_part, fraction) = exact.split_once('.').unwrap_or((&exact, ""));
    let all = format!("{int_part}{fraction}");
    // The digits kept: the integer part's and `digits` decimals' (fewer of the integer part's
    // for negative `digits`); the first one dropped decides.
    let kept = usize::try_from(int_part.len() as i64 + digits).unwrap_or(0).min(all.len());
    let (head, dropped) = all.as_bytes().split_at(kept);
    let up = match dropped.split_first() {
        None => false,
        Some((&first, rest)) => match (first.cmp(&b'5'), ties) {
            (std::cmp::Ordering::Greater, _) => true,
            (std::cmp::Ordering::Less, _) => false,
            (std::cmp::Ordering::Equal, Ties::AwayFromZero) => true,
            (std::cmp::Ordering::Equal, Ties::Even) => {
                rest.iter().any(|&d| d != b'0') || head.last().is_some_and(|&d| (d - b'0') % 2 == 1)
            }
        },
    };
    let mut head = head.to_vec();
    if up {
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
    use super::{round_decimal, Ties};

    fn round(x: f64, digits: i64) -> f64 {
        round_decimal(x, digits, Ties::AwayFromZero)
    }

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

    /// CPython 3.11's results: halves to even, and one rounding of the whole decimal string
    /// (parsing the kept digits as a float first rounded `123456789012345678901.0` twice).
    #[test]
    fn python3_halves_go_to_even() {
        let even = |x, digits| round_decimal(x, digits, Ties::Even);
        assert_eq!(even(2.5, 0), 2.0);
        assert_eq!(even(0.125, 2), 0.12);
        assert_eq!(even(150.0, -2), 200.0);
        assert_eq!(even(250.0, -2), 200.0);
        assert_eq!(even(12345.678, -2), 12300.0);
        assert_eq!(even(123456789012345678901.0, -1), 1.2345678901234568e20);
        assert_eq!(even(-7.77e24, -4), -7.77e24);
    }
}
