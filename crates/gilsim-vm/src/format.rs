//! String formatting: f-string conversions and the format-spec mini-language
//! (`format()`, `str.format`); printf-style `%` formatting is [`crate::percent`]'s.

use crate::hooks::{Hook, Then};
use crate::native::{Args, Control};
use crate::repr::float_repr;
use crate::value::Value;
use crate::Exc;
use crate::{Thread, Vm};

/// A parsed format spec: `[[fill]align][sign][#][0][width][,][.precision][type]`.
#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    zero: bool,
    /// `#`: the alternate form (`0x` prefixes).
    alternate: bool,
    width: usize,
    /// `,` or `_`: the digit group separator.
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str) -> Option<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    if chars.len() >= 2 && matches!(chars[1], '<' | '>' | '^' | '=') {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && matches!(chars[0], '<' | '>' | '^' | '=') {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(chars[start..i].iter().collect::<String>().parse().ok()?);
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    (i == chars.len()).then_some(s)
}

/// Digits with `separator` between groups of `every`, from the right.
fn group_digits(digits: &str, separator: char, every: usize) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(every) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn pad(body: String, negative: bool, spec: &Spec, numeric: bool) -> String {
    pad_after(body, "", negative, spec, numeric)
}

/// [`pad`] with a prefix (`0x`) that stays with the sign, before any zero padding.
fn pad_after(body: String, prefix: &str, negative: bool, spec: &Spec, numeric: bool) -> String {
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') if numeric => "+",
            Some(' ') if numeric => " ",
            _ => "",
        }
    };
    let len = body.chars().count() + sign.len() + prefix.len();
    if len >= spec.width {
        // No padding: the common case builds no intermediate text.
        if sign.is_empty() && prefix.is_empty() {
            return body;
        }
        let mut text = String::with_capacity(sign.len() + prefix.len() + body.len());
        text.push_str(sign);
        text.push_str(prefix);
        text.push_str(&body);
        return text;
    }
    let sign = format!("{sign}{prefix}");
    let sign = sign.as_str();
    let fill_n = spec.width - len;
    let (fill, align) = if spec.zero && spec.align.is_none() && numeric {
        ('0', '=')
    } else {
        (spec.fill.unwrap_or(' '), spec.align.unwrap_or(if numeric { '>' } else { '<' }))
    };
    let fill_str = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", fill_str(fill_n)),
        '^' => format!("{}{sign}{body}{}", fill_str(fill_n / 2), fill_str(fill_n - fill_n / 2)),
        '=' => format!("{sign}{}{body}", fill_str(fill_n)),
        _ => format!("{}{sign}{body}", fill_str(fill_n)),
    }
}

/// Digits after the point past which every f64 prints zeros (none has more than 1,074), and
/// significant digits past which its exact value is all zeros (none has more than 767). Rust's
/// formatter takes at most 65,535: longer precisions are these digits, then zeros.
const EXACT_FRACTION_DIGITS: usize = 1100;
const EXACT_SIGNIFICANT_DIGITS: usize = 800;

/// Fixed-point text with `precision` digits after the point, as CPython prints it (the exact
/// binary value, correctly rounded).
fn fixed(x: f64, precision: usize) -> String {
    if precision <= EXACT_FRACTION_DIGITS || !x.is_finite() {
        return format!("{x:.*}", precision.min(EXACT_FRACTION_DIGITS));
    }
    let mut s = format!("{x:.EXACT_FRACTION_DIGITS$}");
    s.extend(std::iter::repeat_n('0', precision - EXACT_FRACTION_DIGITS));
    s
}

/// `%e`-style text with a two-digit exponent.
fn exp_format(x: f64, precision: usize) -> String {
    let exact = precision.min(EXACT_SIGNIFICANT_DIGITS);
    let s = format!("{x:.exact$e}");
    let (m, e) = s.split_once('e').expect("exponent");
    let e: i32 = e.parse().expect("digits");
    let zeros = "0".repeat(precision - exact);
    format!("{m}{zeros}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `%g`: `precision` significant digits, without trailing zeros.
pub(crate) fn general_format(x: f64, precision: usize) -> String {
    general(x, precision, General { alternate: false, typeless: false })
}

/// The shape of CPython's `'g'`-style float text (Python/pystrtod.c `format_float_short`).
#[derive(Clone, Copy)]
struct General {
    /// `#`: every significant digit kept, and the point; otherwise trailing zeros and a bare
    /// point are dropped.
    alternate: bool,
    /// A precision with no type (`.3`): fixed-point text keeps a digit after the point
    /// (`1.0`), so it holds one significant digit fewer before switching to an exponent
    /// (`Py_DTSF_ADD_DOT_0`: `format(100.0, '.3')` is `1e+02`).
    typeless: bool,
}

/// C's `%g` in `form`: `precision` significant digits in fixed-point when the exponent *after
/// rounding* is below the limit (so 999999.5 is `1e+06`) and at least -4, else as `%e`.
fn general(x: f64, precision: usize, form: General) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    // Trimmed text shows no more digits than an f64 has.
    let p = if form.alternate { precision.max(1) } else { precision.clamp(1, EXACT_SIGNIFICANT_DIGITS) };
    let scientific = exp_format(x, p - 1);
    let exp: i32 = scientific.rsplit_once('e').and_then(|(_, e)| e.parse().ok()).expect("an exponent");
    let limit = if form.typeless { p as i32 - 1 } else { p as i32 };
    let s = if exp < -4 || exp >= limit { scientific } else { fixed(x, (p as i32 - 1 - exp) as usize) };
    if form.alternate {
        return with_point(s);
    }
    let s = match s.split_once('e') {
        Some((m, e)) if m.contains('.') => format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.')),
        Some(_) => s,
        None if s.contains('.') => s.trim_end_matches('0').trim_end_matches('.').to_string(),
        None => s,
    };
    if form.typeless && !s.contains(['.', 'e']) {
        return s + ".0";
    }
    s
}

/// The alternate form (`#`) of a float's digits: a decimal point even with no digits after it
/// (`3.`, `3.e+00`).
fn with_point(s: String) -> String {
    if s.contains('.') {
        return s;
    }
    match s.find(['e', 'E', '%']) {
        Some(at) => format!("{}.{}", &s[..at], &s[at..]),
        None => s + ".",
    }
}

impl Vm {
    /// The Python method that gives `format(value, spec)` after `conversion` (`!s`, `!r` or
    /// none), if any: a user `__format__`, or with an empty spec `object.__format__`'s
    /// `str(value)`, or the conversion's `__str__`/`__repr__` (its str then formatted by
    /// `spec`).
    pub(crate) fn format_hook(&self, value: &Value, conversion: u8, spec: &str) -> Option<Hook> {
        if !matches!(value, Value::Instance(_)) {
            return None;
        }
        let (name, then) = match conversion {
            b's' if spec.is_empty() => ("__str__", Then::Str("__str__")),
            b'r' if spec.is_empty() => ("__repr__", Then::Str("__repr__")),
            b's' => ("__str__", Then::StrThenSpec("__str__", spec.into())),
            b'r' => ("__repr__", Then::StrThenSpec("__repr__", spec.into())),
            0 => match self.user_method(value, "__format__") {
                Some(callable) => {
                    let args = Args::new(vec![value.clone(), Value::str(spec)]);
                    return Some(Hook { callable, args, then: Then::Format });
                }
                None if spec.is_empty() => ("__str__", Then::Str("__str__")),
                None => return None,
            },
            _ => return None,
        };
        let callable = self.user_method(value, name)?;
        Some(Hook { callable, args: Args::new(vec![value.clone()]), then })
    }

    /// `format(value, spec)`.
    pub(crate) fn format_with_spec(
        &mut self,
        th: &mut Thread,
        value: &Value,
        spec_text: &str,
    ) -> Result<String, Control> {
        if let Some(method) = self.user_method(value, "__format__") {
            let result = self.call_nested(th, method, Args::new(vec![value.clone(), Value::str(spec_text)]))?;
            return match result {
                Value::Str(s) => Ok(s.to_string()),
                other => Err(self.raise_msg(
                    Exc::TypeError,
                    format!("__format__ must return a str, not {}", crate::builtins::type_name_of(&other)),
                )),
            };
        }
        if spec_text.is_empty() {
            return self.str_of(th, value);
        }
        if let Some(base) = crate::immutable_subclass::immutable_base(value) {
            // A subclass of str, int or float formats as its value.
            let base = base.clone();
            return self.format_with_spec(th, &base, spec_text);
        }
        let Some(spec) = parse_spec(spec_text) else {
            return Err(self.raise_msg(Exc::ValueError, format!("Invalid format specifier '{spec_text}'")));
        };
        let precision = spec.precision.unwrap_or(0);
        if precision > i32::MAX as usize {
            return Err(self.raise_msg(Exc::ValueError, "precision too big"));
        }
        // The result holds at least the padding and the digits asked for.
        self.charge(spec.width.max(precision) as u64)?;
        let bad = |vm: &mut Vm, kind: char, v: &Value| {
            vm.raise_msg(
                Exc::ValueError,
                format!("Unknown format code '{kind}' for object of type '{}'", crate::builtins::type_name_of(v)),
            )
        };
        match value {
            Value::Int(_) | Value::Bool(_) | Value::Long(_)
                if matches!(spec.kind, None | Some('d' | 'x' | 'X' | 'o' | 'b' | 'n' | 'c')) =>
            {
                if spec.precision.is_some() {
                    return Err(self.raise_msg(Exc::ValueError, "Precision not allowed in integer format specifier"));
                }
                let small = match value {
                    Value::Int(i) => Some(*i),
                    Value::Bool(b) => Some(i64::from(*b)),
                    _ => None,
                };
                if let (Some(i), None | Some('d'), None) = (small, spec.kind, spec.grouping) {
                    // A machine int in decimal: no big-int conversion.
                    return Ok(pad_after(i.unsigned_abs().to_string(), "", i < 0, &spec, true));
                }
                let i = crate::int::as_int(value).expect("an int").big();
                let magnitude = num_traits::Signed::abs(i.as_ref());
                // `_` groups hex, octal and binary digits by four (`,` is refused there).
                let by_four = |digits: String| match spec.grouping {
                    Some('_') => group_digits(&digits, '_', 4),
                    _ => digits,
                };
                let body = match spec.kind {
                    Some('x') => by_four(magnitude.to_str_radix(16)),
                    Some('X') => by_four(magnitude.to_str_radix(16).to_uppercase()),
                    Some('o') => by_four(magnitude.to_str_radix(8)),
                    Some('b') => by_four(magnitude.to_str_radix(2)),
                    Some('c') => {
                        let code = num_traits::ToPrimitive::to_u32(i.as_ref()).and_then(char::from_u32);
                        let Some(c) = code else {
                            return Err(self.raise_msg(Exc::OverflowError, "%c arg not in range(0x110000)"));
                        };
                        String::from(c)
                    }
                    _ => {
                        let d = magnitude.to_string();
                        match spec.grouping {
                            Some(separator) => group_digits(&d, separator, 3),
                            None => d,
                        }
                    }
                };
                let prefix = match (spec.alternate, spec.kind) {
                    (true, Some('x')) => "0x",
                    (true, Some('X')) => "0X",
                    (true, Some('o')) => "0o",
                    (true, Some('b')) => "0b",
                    _ => "",
                };
                Ok(pad_after(body, prefix, num_traits::Signed::is_negative(i.as_ref()), &spec, true))
            }
            Value::Int(_) | Value::Bool(_) | Value::Long(_) | Value::Float(_) => {
                let x = self.float_operand(value)?.expect("a number");
                // A NaN prints without its sign, as CPython's float formatting does.
                let negative = x.is_sign_negative() && !x.is_nan();
                let a = x.abs();
                let g_form = General { alternate: spec.alternate, typeless: false };
                let body = match spec.kind {
                    Some(k) if !a.is_finite() && "fFeEgGn%".contains(k) => {
                        let word = if a.is_nan() { "nan" } else { "inf" };
                        let word = if k.is_ascii_uppercase() { word.to_ascii_uppercase() } else { word.to_string() };
                        if k == '%' {
                            format!("{word}%")
                        } else {
                            word
                        }
                    }
                    Some('f' | 'F') => fixed(a, spec.precision.unwrap_or(6)),
                    Some('e') => exp_format(a, spec.precision.unwrap_or(6)),
                    // `n` is `g` in the C locale gilsim's processes run in.
                    Some('g' | 'n') => general(a, spec.precision.unwrap_or(6), g_form),
                    // The same digits with an upper-case exponent (`1E+20`).
                    Some('E') => exp_format(a, spec.precision.unwrap_or(6)).to_ascii_uppercase(),
                    Some('G') => general(a, spec.precision.unwrap_or(6), g_form).to_ascii_uppercase(),
                    Some('%') => format!("{}%", fixed(a * 100.0, spec.precision.unwrap_or(6))),
                    None => match spec.precision {
                        Some(p) => general(a, p, General { typeless: true, ..g_form }),
                        None => float_repr(a),
                    },
                    Some(k) => return Err(bad(self, k, value)),
                };
                let body = if spec.alternate && a.is_finite() { with_point(body) } else { body };
                let body = match spec.grouping {
                    Some(separator) => {
                        // The integer digits only: not the fraction, nor an exponent (`1e+21`).
                        let (int_part, rest) =
                            body.split_at(body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len()));
                        format!("{}{rest}", group_digits(int_part, separator, 3))
                    }
                    None => body,
                };
                Ok(pad(body, negative, &spec, true))
            }
            Value::Str(_) => {
                if let Some(k) = spec.kind.filter(|k| *k != 's') {
                    return Err(bad(self, k, value));
                }
                let mut s = self.str_of(th, value)?;
                if let Some(p) = spec.precision {
                    s = s.chars().take(p).collect();
                }
                Ok(pad(s, false, &spec, false))
            }
            // object.__format__: only an empty spec (handled above) is allowed.
            _ => {
                let name = crate::builtins::type_name_of(value);
                Err(self.raise_msg(Exc::TypeError, format!("unsupported format string passed to {name}.__format__")))
            }
        }
    }

    /// f-string `{value!conversion:spec}`.
    pub(crate) fn format_value(
        &mut self,
        th: &mut Thread,
        value: Value,
        conversion: u8,
        spec: Option<Value>,
    ) -> Result<Value, Control> {
        let tail = self.take_tail();
        let spec_text = match &spec {
            Some(Value::Str(s)) => s.as_ref(),
            _ => "",
        };
        if spec_text.is_empty() && matches!(conversion, 0 | b's') {
            // `f"{v}"` is `str(v)` (CPython's `format(s, '')` of a str is `s` itself).
            if let Some(text) = value.plain_str() {
                return Ok(text);
            }
        }
        if let Some(hook) = self.format_hook(&value, conversion, spec_text) {
            // A Python `__format__`/`__str__`/`__repr__` gives the result (see crate::hooks).
            return self.call_hook_value(th, tail, hook.callable, hook.args.pos, hook.then);
        }
        let value = match conversion {
            b's' => Value::str(&self.str_of(th, &value)?),
            b'r' => Value::str(&self.repr_of(th, &value)?),
            b'a' => Value::str(&crate::builtins::ascii_escaped(&self.repr_of(th, &value)?)),
            _ => value,
        };
        let spec = match spec {
            Some(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        Ok(Value::str(&self.format_with_spec(th, &value, &spec)?))
    }

    /// `template.format(*args, **kwargs)`, its fields' Python hooks run nested.
    pub(crate) fn str_format(
        &mut self,
        th: &mut Thread,
        template: &str,
        args: &[Value],
        kwargs: &[(crate::Str, Value)],
    ) -> Result<String, Control> {
        let mut job = FormatJob::new(template, args.to_vec(), kwargs.to_vec());
        let chars = std::mem::take(&mut job.chars);
        self.format_fields(th, &chars, &mut job, false)?;
        Ok(job.out)
    }

    /// `str.format` as a native's whole result: a field whose text a Python `__format__`,
    /// `__str__` or `__repr__` gives runs it as a hook frame (see [`crate::hooks`]).
    pub(crate) fn str_format_resumable(&mut self, th: &mut Thread, mut job: Box<FormatJob>) -> Result<Value, Control> {
        let chars = std::mem::take(&mut job.chars);
        let stopped = self.format_fields(th, &chars, &mut job, true);
        job.chars = chars;
        match stopped? {
            Some(Hook { callable, args, then }) => {
                let then = Then::StrFormat(job, Box::new(then));
                Err(Control::Hook(Box::new(Hook { callable, args, then })))
            }
            None => Ok(Value::str(&job.out)),
        }
    }

    /// The fields of `chars` from `job.i` on, into `job.out`; when `tail`, stops at a field
    /// whose text a Python method gives, with that method's hook.
    fn format_fields(
        &mut self,
        th: &mut Thread,
        chars: &[char],
        job: &mut FormatJob,
        tail: bool,
    ) -> Result<Option<Hook>, Control> {
        while job.i < chars.len() {
            let i = job.i;
            let c = chars[i];
            if c == '{' && chars.get(i + 1) == Some(&'{') {
                job.out.push('{');
                job.i += 2;
                continue;
            }
            if c == '}' && chars.get(i + 1) == Some(&'}') {
                job.out.push('}');
                job.i += 2;
                continue;
            }
            if c == '}' {
                return Err(self.raise_msg(Exc::ValueError, "Single '}' encountered in format string"));
            }
            if c != '{' {
                job.out.push(c);
                job.i += 1;
                continue;
            }
            let Some(end) = field_end(chars, i) else {
                // Python/unicode_format.h's messages for a field left open.
                let open = &chars[i + 1..];
                let message = if open.is_empty() {
                    "Single '{' encountered in format string"
                } else if open.iter().any(|&c| c == ':' || c == '!') {
                    "unmatched '{' in format spec"
                } else {
                    "expected '}' before end of string"
                };
                return Err(self.raise_msg(Exc::ValueError, message));
            };
            let field: String = chars[i + 1..end].iter().collect();
            job.i = end + 1;
            let (field, spec) = match field.split_once(':') {
                Some((f, s)) => (f.to_string(), s.to_string()),
                None => (field, String::new()),
            };
            let (field, conversion) = match field.split_once('!') {
                Some((f, c)) => (f.to_string(), c.chars().next()),
                None => (field, None),
            };
            let split = field.find(['.', '[']).unwrap_or(field.len());
            let (head, mut rest) = field.split_at(split);
            let numbered = if head.is_empty() {
                Some(Numbering::Automatic)
            } else {
                head.parse::<usize>().ok().map(|_| Numbering::Manual)
            };
            if let Some(numbering) = numbered {
                if job.numbering.is_some_and(|used| used != numbering) {
                    let message = match numbering {
                        Numbering::Automatic => {
                            "cannot switch from manual field specification to automatic field numbering"
                        }
                        Numbering::Manual => {
                            "cannot switch from automatic field numbering to manual field specification"
                        }
                    };
                    return Err(self.raise_msg(Exc::ValueError, message));
                }
                job.numbering = Some(numbering);
            }
            let mut value = if head.is_empty() {
                let v = job.args.get(job.auto).cloned();
                job.auto += 1;
                let auto = job.auto;
                v.ok_or_else(|| {
                    self.raise_msg(
                        Exc::IndexError,
                        format!("Replacement index {} out of range for positional args tuple", auto - 1),
                    )
                })?
            } else if let Ok(n) = head.parse::<usize>() {
                job.args.get(n).cloned().ok_or_else(|| {
                    self.raise_msg(
                        Exc::IndexError,
                        format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                match job.kwargs.iter().find(|(k, _)| &**k == head) {
                    Some((_, v)) => v.clone(),
                    None => return Err(Control::Raise(self.new_exception_args(Exc::KeyError, vec![Value::str(head)]))),
                }
            };
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    value = self.get_attr(th, &value, &r[..end])?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let key = &r[..end];
                    let index = key.parse::<i64>().map(Value::Int).unwrap_or_else(|_| Value::str(key));
                    value = self.get_item(th, &value, &index)?;
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let expands = spec.contains('{');
            let conversion_byte = match conversion {
                Some('r') => b'r',
                Some('s') => b's',
                Some(_) => b'a',
                None => 0,
            };
            if tail && !expands {
                if let Some(hook) = self.format_hook(&value, conversion_byte, &spec) {
                    return Ok(Some(hook));
                }
            }
            let value = match conversion {
                Some('r') => Value::str(&self.repr_of(th, &value)?),
                Some('a') => Value::str(&crate::builtins::ascii_escaped(&self.repr_of(th, &value)?)),
                Some('s') => Value::str(&self.str_of(th, &value)?),
                _ => value,
            };
            let spec = if expands {
                // The spec's own `{}` fields take the next automatic numbers, after the field's.
                let mut nested = FormatJob::new(&spec, job.args.clone(), job.kwargs.clone());
                nested.auto = job.auto;
                nested.numbering = job.numbering;
                let chars = std::mem::take(&mut nested.chars);
                self.format_fields(th, &chars, &mut nested, false)?;
                job.auto = nested.auto;
                job.numbering = nested.numbering;
                nested.out
            } else {
                spec
            };
            let text = self.format_with_spec(th, &value, &spec)?;
            job.out.push_str(&text);
        }
        Ok(None)
    }
}

/// What `fmt % values` has left to do: the format's characters from `i`, the text so far, the
/// values not yet used.
/// What `str.format` has left to do: the template's characters from `i`, the text so far,
/// the next automatic field number, the arguments.
pub struct FormatJob {
    chars: Vec<char>,
    i: usize,
    out: String,
    auto: usize,
    /// How the fields so far were numbered: a template may not mix `{}` and `{0}`.
    numbering: Option<Numbering>,
    args: Vec<Value>,
    kwargs: Vec<(crate::Str, Value)>,
}

/// Whether a `str.format` template numbers its fields itself (`{0}`) or leaves it to the
/// order of the fields (`{}`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Automatic,
    Manual,
}

impl FormatJob {
    pub(crate) fn new(template: &str, args: Vec<Value>, kwargs: Vec<(crate::Str, Value)>) -> FormatJob {
        let out = String::with_capacity(template.len() + 8 * (args.len() + kwargs.len()));
        // One allocation: a template has no more characters than bytes.
        let mut chars = Vec::with_capacity(template.len());
        chars.extend(template.chars());
        FormatJob { chars, i: 0, out, auto: 0, numbering: None, args, kwargs }
    }

    /// A hook gave a field's text.
    pub(crate) fn push_field(&mut self, text: &str) {
        self.out.push_str(text);
    }
}

/// The `}` closing the field that opens at `chars[start]`, past the fields nested in its spec
/// (`{width:{n}}`).
fn field_end(chars: &[char], start: usize) -> Option<usize> {
    let mut depth = 0;
    for (offset, &c) in chars[start..].iter().enumerate() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + offset);
                }
            }
            _ => {}
        }
    }
    None
}
