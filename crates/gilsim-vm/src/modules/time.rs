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
    let zone = if vm.options.python.major >= 3 { "GMT" } else { "UTC" };
    struct_time(vm, th, &Civil { zone, ..Civil::of(secs) })
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
            let civil = Civil::from_fields(&int_fields(vm, &items)?);
            match vm.get_attr(th, &args.pos[1], "tm_zone") {
                Ok(Value::Str(zone)) if &*zone == "GMT" => Civil { zone: "GMT", ..civil },
                Ok(Value::None) => Civil { zone: "", ..civil },
                _ => civil,
            }
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
    /// `%Z`: the machine's zone, UTC, or `GMT` for a Python 3 `gmtime()` (its `tm_zone`);
    /// empty for a tuple without a zone whose DST is unknown (a datetime's: `%z` is empty too).
    zone: &'static str,
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
            zone: "UTC",
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
            // glibc names no zone for a time whose DST is unknown (`tm_isdst` -1).
            zone: if f[8] < 0 { "" } else { "UTC" },
        }
    }
}

/// A `time.struct_time` (library/time.py) of `c` (UTC: `tm_isdst` 0), with its `tm_zone`
/// and `tm_gmtoff` in Python 3.
fn struct_time(vm: &mut crate::Vm, th: &mut crate::Thread, c: &Civil) -> Result<Value, Control> {
    let fields = [c.year, c.month, c.day, c.hour, c.minute, c.second, c.weekday, c.yearday, 0];
    let mut items: Vec<Value> = fields.iter().map(|&n| Value::Int(n)).collect();
    if vm.options.python.major >= 3 {
        items.extend([Value::str(c.zone), Value::Int(0)]);
    }
    let tuple = Value::tuple(items);
    let class = vm.library_attr(th, "time", "struct_time")?;
    vm.call_nested(th, class, crate::native::Args::new(vec![tuple]))
}

/// The nine fields of a time tuple, as ints: each a C `int`, as CPython's `gettmarg` parses
/// them (OverflowError beyond).
fn int_fields(vm: &mut crate::Vm, items: &[Value]) -> Result<[i64; 9], Control> {
    let mut fields = [0i64; 9];
    for (field, item) in fields.iter_mut().zip(items.iter()) {
        *field = crate::builtins::int_arg(vm, item, "strftime")?;
        if *field > i64::from(i32::MAX) {
            return Err(vm.raise_msg(Exc::OverflowError, "signed integer is greater than maximum"));
        }
        if *field < i64::from(i32::MIN) {
            return Err(vm.raise_msg(Exc::OverflowError, "signed integer is less than minimum"));
        }
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

/// C's `strftime` in the C locale, as glibc writes it: the directives Python documents and
/// glibc's others (`%C %D %e %F %g %G %h %k %l %n %P %r %R %s %t %T %u %U %V %W`), with
/// glibc's flags (`%-d` unpadded, `%_d` space-padded, `%0e` zero-padded, `%^a` upper case).
/// An unknown directive is kept as written.
fn strftime(format: &str, c: &Civil) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let flag = chars.next_if(|f| matches!(f, '-' | '_' | '0' | '^' | '#'));
        // glibc's E and O modifiers (alternative eras and digits) change nothing in C.
        chars.next_if(|m| matches!(m, 'E' | 'O'));
        let Some(directive) = chars.next() else {
            out.push('%');
            out.extend(flag);
            break;
        };
        match directive_text(directive, c) {
            Some(Field::Number(value, width, pad)) => out.push_str(&padded(value, width, pad, flag)),
            Some(Field::Text(text)) if flag == Some('^') => out.push_str(&text.to_uppercase()),
            Some(Field::Text(text)) => out.push_str(&text),
            None => {
                out.push('%');
                out.extend(flag);
                out.push(directive);
            }
        }
    }
    out
}

/// What a directive writes: a number with its width and padding, or text.
enum Field {
    Number(i64, usize, char),
    Text(String),
}

/// `value` in `width` digits padded with `pad`, as `flag` changes it.
fn padded(value: i64, width: usize, pad: char, flag: Option<char>) -> String {
    let digits = value.unsigned_abs().to_string();
    let sign = if value < 0 { "-" } else { "" };
    let pad = match flag {
        Some('-') => return format!("{sign}{digits}"),
        Some('_') => ' ',
        Some('0') => '0',
        _ => pad,
    };
    let fill = width.saturating_sub(digits.len() + sign.len());
    format!("{sign}{}{digits}", pad.to_string().repeat(fill))
}

fn directive_text(directive: char, c: &Civil) -> Option<Field> {
    let month = MONTHS[(c.month - 1) as usize];
    let weekday = WEEKDAYS[c.weekday as usize];
    let sunday_based = (c.weekday + 1) % 7;
    let yday = c.yearday - 1;
    let number = |value: i64, width: usize| Some(Field::Number(value, width, '0'));
    let text = |text: String| Some(Field::Text(text));
    match directive {
        'Y' => Some(Field::Number(c.year, 1, '0')),
        'C' => number(c.year.div_euclid(100), 2),
        'y' => number(c.year.rem_euclid(100), 2),
        'm' => number(c.month, 2),
        'd' => number(c.day, 2),
        'e' => Some(Field::Number(c.day, 2, ' ')),
        'H' => number(c.hour, 2),
        'k' => Some(Field::Number(c.hour, 2, ' ')),
        'I' => number((c.hour + 11) % 12 + 1, 2),
        'l' => Some(Field::Number((c.hour + 11) % 12 + 1, 2, ' ')),
        'M' => number(c.minute, 2),
        'S' => number(c.second, 2),
        'j' => number(c.yearday, 3),
        'u' => number(c.weekday + 1, 1),
        'w' => number(sunday_based, 1),
        'U' => number((yday + 7 - sunday_based) / 7, 2),
        'W' => number((yday + 7 - c.weekday) / 7, 2),
        'G' => Some(Field::Number(iso_week(c).0, 1, '0')),
        'g' => number(iso_week(c).0.rem_euclid(100), 2),
        'V' => number(iso_week(c).1, 2),
        's' => number(days_from_civil(c.year, c.month, c.day) * 86_400 + c.hour * 3600 + c.minute * 60 + c.second, 1),
        'p' => text((if c.hour < 12 { "AM" } else { "PM" }).to_string()),
        'P' => text((if c.hour < 12 { "am" } else { "pm" }).to_string()),
        'b' | 'h' => text(month[..3].to_string()),
        'B' => text(month.to_string()),
        'a' => text(weekday[..3].to_string()),
        'A' => text(weekday.to_string()),
        'Z' => text(c.zone.to_string()),
        'z' if c.zone.is_empty() => text(String::new()),
        'z' => text("+0000".to_string()),
        'n' => text("\n".to_string()),
        't' => text("\t".to_string()),
        '%' => text("%".to_string()),
        'c' => text(strftime("%a %b %e %H:%M:%S %Y", c)),
        'D' | 'x' => text(strftime("%m/%d/%y", c)),
        'F' => text(strftime("%Y-%m-%d", c)),
        'r' => text(strftime("%I:%M:%S %p", c)),
        'R' => text(strftime("%H:%M", c)),
        'T' | 'X' => text(strftime("%H:%M:%S", c)),
        _ => None,
    }
}

/// The ISO 8601 (year, week) of `c`, as glibc's `iso_week_days` computes them.
fn iso_week(c: &Civil) -> (i64, i64) {
    // Days since the Monday of the year's first ISO week (the week with its Thursday).
    let week_days = |yday: i64, wday: i64| yday - (yday - wday + 4 + 54 * 7).rem_euclid(7) + 3;
    let leap = |year: i64| i64::from(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
    let (yday, wday) = (c.yearday - 1, (c.weekday + 1) % 7);
    let mut year = c.year;
    let mut days = week_days(yday, wday);
    if days < 0 {
        year -= 1;
        days = week_days(yday + 365 + leap(year), wday);
    } else {
        let next = week_days(yday - (365 + leap(year)), wday);
        if next >= 0 {
            year += 1;
            days = next;
        }
    }
    (year, days / 7 + 1)
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
