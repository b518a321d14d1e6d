//! `time`: every function reads the virtual clock. `time.time()` starts at the fixed epoch
//! 2000-01-01 00:00:00 UTC ([`crate::EPOCH_SECONDS`]); the simulated machine's time zone is
//! UTC, so `ctime()`, `localtime()`, `gmtime()` and `strftime()` all format UTC.

use super::{build_module as module, nanos, param, seconds};
use crate::native::{native, Control, Request};
use crate::value::Value;
use crate::Exc;

native!(SLEEP, "time.sleep", |vm, _th, args| {
    crate::builtins::arity(vm, "sleep", args, 1, 1)?;
    let secs = seconds(vm, &args.pos[0], "sleep")?;
    if secs < 0.0 {
        return Err(vm.raise_msg(Exc::ValueError, "sleep length must be non-negative"));
    }
    Err(Control::block(Request::Sleep { duration: nanos(secs) }))
});
native!(TIME, "time.time", |vm, _th, _args| Ok(Value::float(
    crate::EPOCH_SECONDS as f64 + vm.timed_now() as f64 / 1e9
)));
native!(MONOTONIC, "time.monotonic", |vm, _th, _args| Ok(Value::float(vm.timed_now() as f64 / 1e9)));
native!(PERF_COUNTER, "time.perf_counter", |vm, _th, _args| Ok(Value::float(vm.timed_now() as f64 / 1e9)));
native!(TIME_NS, "time.time_ns", |vm, _th, _args| Ok(Value::Int(
    crate::EPOCH_SECONDS * 1_000_000_000 + vm.timed_now() as i64
)));
native!(MONOTONIC_NS, "time.monotonic_ns", |vm, _th, _args| Ok(Value::Int(vm.timed_now() as i64)));
native!(PERF_COUNTER_NS, "time.perf_counter_ns", |vm, _th, _args| Ok(Value::Int(vm.timed_now() as i64)));
// CPU clocks: the virtual clock too (a simulated run has no other), so sleeps count.
native!(PROCESS_TIME, "time.process_time", |vm, _th, _args| Ok(Value::float(vm.timed_now() as f64 / 1e9)));
// `time.clock()` (removed in 3.8): the virtual clock, with 3.7's DeprecationWarning (shown in
// `__main__` by PEP 565's filter; 3.3-3.6 ignore it by default).
native!(CLOCK, "time.clock", |vm, th, _args| {
    if vm.options.python == gilsim_core::PythonVersion::new(3, 7) {
        let message = "time.clock has been deprecated in Python 3.3 and will be removed from Python 3.8: use \
                       time.perf_counter or time.process_time instead";
        vm.warn(th, "DeprecationWarning", message, 1, true);
    }
    Ok(Value::float(vm.timed_now() as f64 / 1e9))
});
native!(THREAD_TIME, "time.thread_time", |vm, _th, _args| Ok(Value::float(vm.timed_now() as f64 / 1e9)));
native!(PROCESS_TIME_NS, "time.process_time_ns", |vm, _th, _args| Ok(Value::Int(vm.timed_now() as i64)));
native!(CTIME, "time.ctime", |vm, _th, args| {
    let secs = seconds_or_now(vm, args, "ctime")?;
    Ok(Value::str(&ctime(secs)))
});

/// The seconds a `localtime()`/`gmtime()`/`ctime()`-style call is about: its argument, or now.
fn seconds_or_now(vm: &mut crate::Vm, args: &crate::native::Args, what: &str) -> Result<i64, Control> {
    match param(args, 0, "secs") {
        None | Some(Value::None) => Ok(now_seconds(vm)),
        Some(v) => Ok(seconds(vm, &v, what)?.floor() as i64),
    }
}

/// Whole seconds of `time.time()`.
fn now_seconds(vm: &crate::Vm) -> i64 {
    crate::EPOCH_SECONDS + (vm.timed_now() / 1_000_000_000) as i64
}

native!(GMTIME, "time.gmtime", |vm, th, args| {
    let secs = seconds_or_now(vm, args, "gmtime")?;
    struct_time(vm, th, &Civil::of(secs))
});
native!(LOCALTIME, "time.localtime", |vm, th, args| {
    let secs = seconds_or_now(vm, args, "localtime")?;
    struct_time(vm, th, &Civil::of(secs))
});
native!(STRFTIME, "time.strftime", |vm, th, args| {
    crate::builtins::arity(vm, "strftime", args, 1, 2)?;
    let Value::Str(format) = &args.pos[0] else {
        let t = crate::builtins::type_name_of(&args.pos[0]);
        return Err(vm.raise_msg(Exc::TypeError, format!("strftime() argument 1 must be str, not {t}")));
    };
    let civil = match args.pos.get(1) {
        None => Civil::of(now_seconds(vm)),
        Some(Value::Instance(inst)) if &*inst.class.name == "struct_time" => {
            let items = vm.collect(th, &args.pos[1])?;
            Civil::from_fields(&int_fields(vm, &items)?)
        }
        Some(Value::Tuple(items)) if items.len() == 9 => Civil::from_fields(&int_fields(vm, items)?),
        Some(_) => return Err(vm.raise_msg(Exc::TypeError, "Tuple or struct_time argument required")),
    };
    Ok(Value::str(&strftime(format, &civil)))
});

pub fn new(version: gilsim_core::PythonVersion) -> Value {
    let mut natives: Vec<&'static crate::native::NativeFn> =
        vec![&SLEEP, &TIME, &MONOTONIC, &PERF_COUNTER, &PROCESS_TIME, &CTIME, &GMTIME, &LOCALTIME, &STRFTIME];
    if version < gilsim_core::PythonVersion::new(3, 8) {
        natives.push(&CLOCK);
    }
    // The nanosecond clocks and thread_time are 3.7's (PEP 564).
    if version >= gilsim_core::PythonVersion::new(3, 7) {
        natives.extend([&TIME_NS, &MONOTONIC_NS, &PERF_COUNTER_NS, &PROCESS_TIME_NS, &THREAD_TIME]);
    }
    let utc = Value::tuple(vec![Value::str("UTC"), Value::str("UTC")]);
    module(
        "time",
        &natives,
        vec![("timezone", Value::Int(0)), ("altzone", Value::Int(0)), ("daylight", Value::Int(0)), ("tzname", utc)],
    )
}

/// A UTC calendar time.
struct Civil {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    /// 0 = Monday, as `struct_time.tm_wday`.
    weekday: i64,
    /// 1-based day of the year.
    yearday: i64,
}

impl Civil {
    fn of(secs: i64) -> Civil {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        let yearday = days - days_from_civil(year, 1, 1) + 1;
        Civil {
            year,
            month,
            day,
            hour: rem / 3600,
            minute: rem % 3600 / 60,
            second: rem % 60,
            weekday: (days + 3).rem_euclid(7),
            yearday,
        }
    }

    /// From a 9-tuple as `strftime` takes it.
    fn from_fields(f: &[i64; 9]) -> Civil {
        Civil {
            year: f[0],
            month: f[1].clamp(1, 12),
            day: f[2].clamp(1, 31),
            hour: f[3],
            minute: f[4],
            second: f[5],
            weekday: f[6].rem_euclid(7),
            yearday: f[7].max(1),
        }
    }
}

/// A `time.struct_time` (library/time.py) of `c` (UTC: `tm_isdst` 0).
fn struct_time(vm: &mut crate::Vm, th: &mut crate::Thread, c: &Civil) -> Result<Value, Control> {
    let fields = [c.year, c.month, c.day, c.hour, c.minute, c.second, c.weekday, c.yearday, 0];
    let tuple = Value::tuple(fields.iter().map(|&n| Value::Int(n)).collect());
    let class = vm.library_attr(th, "time", "struct_time")?;
    vm.call_nested(th, class, crate::native::Args::new(vec![tuple]))
}

/// The nine fields of a time tuple, as ints.
fn int_fields(vm: &mut crate::Vm, items: &[Value]) -> Result<[i64; 9], Control> {
    let mut fields = [0i64; 9];
    for (field, item) in fields.iter_mut().zip(items.iter()) {
        *field = crate::builtins::int_arg(vm, item, "strftime")?;
    }
    Ok(fields)
}

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// C's `strftime` in the C locale, for the directives Python documents.
fn strftime(format: &str, c: &Civil) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let month = MONTHS[(c.month - 1) as usize];
        let weekday = WEEKDAYS[c.weekday as usize];
        match chars.next() {
            Some('Y') => out.push_str(&c.year.to_string()),
            Some('y') => out.push_str(&format!("{:02}", c.year.rem_euclid(100))),
            Some('m') => out.push_str(&format!("{:02}", c.month)),
            Some('d') => out.push_str(&format!("{:02}", c.day)),
            Some('H') => out.push_str(&format!("{:02}", c.hour)),
            Some('I') => out.push_str(&format!("{:02}", (c.hour + 11) % 12 + 1)),
            Some('M') => out.push_str(&format!("{:02}", c.minute)),
            Some('S') => out.push_str(&format!("{:02}", c.second)),
            Some('p') => out.push_str(if c.hour < 12 { "AM" } else { "PM" }),
            Some('j') => out.push_str(&format!("{:03}", c.yearday)),
            Some('b') => out.push_str(&month[..3]),
            Some('B') => out.push_str(month),
            Some('a') => out.push_str(&weekday[..3]),
            Some('A') => out.push_str(weekday),
            Some('w') => out.push_str(&((c.weekday + 1) % 7).to_string()),
            Some('Z') => out.push_str("UTC"),
            Some('z') => out.push_str("+0000"),
            Some('c') => out.push_str(&format!(
                "{} {} {:>2} {:02}:{:02}:{:02} {}",
                &weekday[..3],
                &month[..3],
                c.day,
                c.hour,
                c.minute,
                c.second,
                c.year
            )),
            Some('x') => out.push_str(&format!("{:02}/{:02}/{:02}", c.month, c.day, c.year.rem_euclid(100))),
            Some('X') => out.push_str(&format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second)),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

/// (year, month, day) of the day `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Days from 1970-01-01 to `year-month-day` (the inverse of [`civil_from_days`]).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `Sat Jan  1 00:00:00 2000` for Unix time `secs` (UTC).
pub fn ctime(secs: i64) -> String {
    strftime("%c", &Civil::of(secs))
}

#[cfg(test)]
mod tests {
    use super::{ctime, strftime, Civil};

    #[test]
    fn strftime_formats_like_cpython_in_utc() {
        let t = crate::EPOCH_SECONDS + 86_400 * 45 + 3661;
        let c = Civil::of(t);
        assert_eq!(
            strftime("%Y-%m-%d %H:%M:%S %j %a %A %b %B %p %I %y %w %%", &c),
            "2000-02-15 01:01:01 046 Tue Tuesday Feb February AM 01 00 2 %"
        );
        assert_eq!(strftime("%x %X", &Civil::of(0)), "01/01/70 00:00:00");
        assert_eq!(Civil::of(crate::EPOCH_SECONDS).weekday, 5, "2000-01-01 was a Saturday");
    }

    #[test]
    fn formats_like_cpython() {
        assert_eq!(ctime(crate::EPOCH_SECONDS), "Sat Jan  1 00:00:00 2000");
        assert_eq!(ctime(0), "Thu Jan  1 00:00:00 1970");
        assert_eq!(ctime(crate::EPOCH_SECONDS + 86_400 * 45 + 3661), "Tue Feb 15 01:01:01 2000");
    }
}
