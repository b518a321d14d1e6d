//! `time`: every function reads the virtual clock. `time.time()` starts at the fixed epoch
//! 2000-01-01 00:00:00 UTC ([`crate::EPOCH_SECONDS`]); `ctime()` formats it as UTC.

use super::{build_module as module, nanos, param, seconds};
use crate::native::{native, Control, Request};
use crate::value::Value;
use crate::Exc;

native!(SLEEP, "time.sleep", |vm, _th, args| {
    crate::builtins::arity(vm, "sleep", &args, 1, 1)?;
    let secs = seconds(vm, &args.pos[0], "sleep")?;
    if secs < 0.0 {
        return Err(vm.raise_msg(Exc::ValueError, "sleep length must be non-negative"));
    }
    Err(Control::Block(Request::Sleep { duration: nanos(secs) }))
});
native!(TIME, "time.time", |vm, _th, _args| Ok(Value::Float(
    crate::EPOCH_SECONDS as f64 + vm.timed_now() as f64 / 1e9
)));
native!(MONOTONIC, "time.monotonic", |vm, _th, _args| Ok(Value::Float(vm.timed_now() as f64 / 1e9)));
native!(PERF_COUNTER, "time.perf_counter", |vm, _th, _args| Ok(Value::Float(vm.timed_now() as f64 / 1e9)));
native!(TIME_NS, "time.time_ns", |vm, _th, _args| Ok(Value::Int(
    crate::EPOCH_SECONDS * 1_000_000_000 + vm.timed_now() as i64
)));
native!(CTIME, "time.ctime", |vm, _th, args| {
    let secs = match param(&args, 0, "secs") {
        None | Some(Value::None) => crate::EPOCH_SECONDS + (vm.timed_now() / 1_000_000_000) as i64,
        Some(v) => seconds(vm, &v, "ctime")?.floor() as i64,
    };
    Ok(Value::str(&ctime(secs)))
});

pub fn new() -> Value {
    module("time", &[&SLEEP, &TIME, &MONOTONIC, &PERF_COUNTER, &TIME_NS, &CTIME], vec![])
}

/// `Sat Jan  1 00:00:00 2000` for Unix time `secs` (UTC).
pub fn ctime(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let weekday = (days + 4).rem_euclid(7); // 1970-01-01 was a Thursday.
    const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!("{} {} {day:>2} {h:02}:{m:02}:{s:02} {year}", WEEKDAYS[weekday as usize], MONTHS[(month - 1) as usize])
}

#[cfg(test)]
mod tests {
    use super::ctime;

    #[test]
    fn formats_like_cpython() {
        assert_eq!(ctime(crate::EPOCH_SECONDS), "Sat Jan  1 00:00:00 2000");
        assert_eq!(ctime(0), "Thu Jan  1 00:00:00 1970");
        assert_eq!(ctime(crate::EPOCH_SECONDS + 86_400 * 45 + 3661), "Tue Feb 15 01:01:01 2000");
    }
}
