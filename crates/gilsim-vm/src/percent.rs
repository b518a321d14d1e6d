//! printf-style `%` formatting (CPython's `PyUnicode_Format`, and PEP 461's
//! `_PyBytes_FormatEx` for a bytes or bytearray template). A field's text comes from the
//! format-spec machinery of [`crate::format`]; a `%s`/`%r` of an instance with a Python
//! `__str__`/`__repr__` may run it as a hook frame, and formatting resumes from its
//! [`PercentJob`].

use crate::hooks::{Hook, Then};
use crate::native::Control;
use crate::value::Value;
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_core::PythonVersion;

/// What a `%` format makes: text, or (3.5+) bytes or a bytearray.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PercentOutput {
    Str,
    Bytes,
    ByteArray,
}

/// What a numeric `%` conversion formats.
enum PercentOperand {
    Number(Value),
    /// `%c` of a one-character str.
    Char(String),
}

/// What `%` formatting has left to do: the template from byte `i`, the text so far, the
/// values and which comes next.
pub struct PercentJob {
    template: crate::Str,
    /// The byte where formatting goes on.
    i: usize,
    out: String,
    items: Vec<Value>,
    mapping: Option<Value>,
    next: usize,
    output: PercentOutput,
}

impl PercentJob {
    /// A hook gave a field's text.
    pub(crate) fn push_field(&mut self, text: &str) {
        self.out.push_str(text);
    }
}

/// The values a `%` format's fields take, in order, and the mapping its `%(key)s` fields read:
/// a dict serves keyed fields, and is the one value of a field without a key.
fn operands(values: &Value) -> (Vec<Value>, Option<Value>) {
    match values {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![values.clone()], Some(values.clone())),
        // A tuple subclass (a namedtuple) is its items.
        Value::Instance(_) if matches!(values.builtin_base(), Some(Value::Tuple(_))) => {
            operands(values.builtin_base().expect("checked"))
        }
        other => (vec![other.clone()], None),
    }
}

/// A bytes template's text: each byte one character (latin-1), so positions and widths
/// count bytes.
fn latin1_text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The bytes of a bytes template's text. Every character is below 256 (the template's
/// bytes, a field's bytes, or ASCII); anything else would be a `?`, never a panic.
fn latin1_bytes(text: &str) -> Vec<u8> {
    text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect()
}

impl Vm {
    /// `fmt % values`; `tail`: a `%s`/`%r` of an instance with a Python `__str__`/`__repr__`
    /// may run it as a hook frame (see [`crate::hooks`]).
    pub(crate) fn percent_format(
        &mut self,
        th: &mut Thread,
        fmt: &crate::Str,
        values: &Value,
        tail: bool,
    ) -> Result<Value, Control> {
        let (items, mapping) = operands(values);
        // Room for the template and a short field per value: growing the text field by field
        // reallocated it two or three times per format.
        let out = String::with_capacity(fmt.len() + 8 * items.len());
        let job = PercentJob { template: fmt.clone(), i: 0, out, items, mapping, next: 0, output: PercentOutput::Str };
        self.percent_continue(th, Box::new(job), tail)
    }

    /// `fmt % values` of a bytes or bytearray `fmt` (PEP 461): the template and the fields
    /// are held as latin-1 text while formatting, so each character is one byte.
    pub(crate) fn percent_format_bytes(
        &mut self,
        th: &mut Thread,
        fmt: &[u8],
        values: &Value,
        output: PercentOutput,
    ) -> Result<Value, Control> {
        let template = latin1_text(fmt);
        let (items, mapping) = operands(values);
        let out = String::with_capacity(template.len() + 8 * items.len());
        let mut job = PercentJob { template: crate::Str::from(template), i: 0, out, items, mapping, next: 0, output };
        self.percent_fields(th, &mut job, false)?;
        let bytes = latin1_bytes(&job.out);
        Ok(match output {
            PercentOutput::ByteArray => Value::ByteArray(std::rc::Rc::new(crate::PyCell::new(bytes))),
            PercentOutput::Str | PercentOutput::Bytes => Value::Bytes(crate::Bytes::from(bytes)),
        })
    }

    /// `%` formatting from where `job` stopped: a field whose str a Python method gives runs
    /// it as a hook frame when `tail`.
    pub(crate) fn percent_continue(
        &mut self,
        th: &mut Thread,
        mut job: Box<PercentJob>,
        tail: bool,
    ) -> Result<Value, Control> {
        match self.percent_fields(th, &mut job, tail)? {
            Some(Hook { callable, args, then }) => {
                let then = Then::Percent(job, Box::new(then));
                Err(Control::Hook(Box::new(Hook { callable, args, then })))
            }
            None => Ok(Value::str(&job.out)),
        }
    }

    /// The fields of `job.template` from byte `job.i` on, into `job.out`; when `tail`, stops at
    /// a field whose str a Python `__str__`/`__repr__` gives, with that method's hook.
    fn percent_fields(&mut self, th: &mut Thread, job: &mut PercentJob, tail: bool) -> Result<Option<Hook>, Control> {
        let template = job.template.clone();
        let bytes = template.as_bytes();
        while job.i < bytes.len() {
            // The text up to the next field is copied as it is; `%` and the flags are ASCII, so
            // byte positions always fall on character boundaries.
            let rest = &template[job.i..];
            let Some(percent) = rest.find('%') else {
                job.out.push_str(rest);
                job.i = bytes.len();
                break;
            };
            job.out.push_str(&rest[..percent]);
            job.i += percent + 1;
            let mut value = None;
            if bytes.get(job.i) == Some(&b'(') {
                let Some(close) = template[job.i..].find(')') else {
                    return Err(self.raise_msg(Exc::ValueError, "incomplete format key"));
                };
                let key = &template[job.i + 1..job.i + close];
                job.i += close + 1;
                let map =
                    job.mapping.clone().ok_or_else(|| self.raise_msg(Exc::TypeError, "format requires a mapping"))?;
                let key = match job.output {
                    PercentOutput::Str => Value::str(key),
                    PercentOutput::Bytes | PercentOutput::ByteArray => Value::Bytes(latin1_bytes(key).into()),
                };
                value = Some(self.get_item(th, &map, &key)?);
            }
            let start = job.i;
            while job.i < bytes.len() && matches!(bytes[job.i], b'-' | b'+' | b' ' | b'#' | b'0'..=b'9' | b'.' | b'*') {
                job.i += 1;
            }
            let starred;
            let flags = match &template[start..job.i] {
                flags if flags.contains('*') => {
                    starred = self.star_arguments(job, flags)?;
                    starred.as_str()
                }
                flags => flags,
            };
            let Some(kind) = template[job.i..].chars().next() else {
                return Err(self.raise_msg(Exc::ValueError, "incomplete format"));
            };
            let kind_at = job.i;
            job.i += kind.len_utf8();
            if kind == '%' {
                job.out.push('%');
                continue;
            }
            let value = match value {
                Some(v) => v,
                None => {
                    let Some(v) = job.items.get(job.next).cloned() else {
                        return Err(self.raise_msg(Exc::TypeError, "not enough arguments for format string"));
                    };
                    job.next += 1;
                    v
                }
            };
            let bytes_output = job.output != PercentOutput::Str;
            let known = "sraiudfFeEgGxXoc".contains(kind) || (bytes_output && kind == 'b');
            if !known {
                let shown = if kind.is_ascii_graphic() { kind } else { '?' };
                let index = template[..kind_at].chars().count();
                let message = format!("unsupported format character '{shown}' ({:#x}) at index {index}", kind as u32);
                return Err(self.raise_msg(Exc::ValueError, message));
            }
            if flags.is_empty() {
                // No flags: a str or an int is its own text (no Python hook can be involved).
                match (kind, &value) {
                    ('s', Value::Str(text)) if !bytes_output => {
                        job.out.push_str(&text[..]);
                        continue;
                    }
                    ('s' | 'd' | 'i' | 'u', Value::Int(i)) if kind != 's' || !bytes_output => {
                        job.out.push_str(itoa::Buffer::new().format(*i));
                        continue;
                    }
                    _ => {}
                }
            }
            let (align_left, rest) = match flags.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, flags),
            };
            let align = match (align_left, rest.starts_with('0')) {
                (true, _) => "<",
                (false, true) => "",
                (false, false) => ">",
            };
            let spec = format!("{align}{rest}");
            if let (true, 's' | 'r') = (tail, kind) {
                // `%s`/`%r` is the conversion's str, padded by the flags.
                if let Some(hook) = self.format_hook(&value, kind as u8, &spec) {
                    return Ok(Some(hook));
                }
            }
            let text = match (bytes_output, kind) {
                (true, 's' | 'b' | 'r' | 'a' | 'c') => self.percent_bytes_field(th, kind, value, &spec)?,
                _ => self.percent_field(th, kind, value, &spec)?,
            };
            job.out.push_str(&text);
        }
        if job.mapping.is_none() && job.next < job.items.len() {
            let what = if job.output == PercentOutput::Str { "string" } else { "bytes" };
            return Err(self.raise_msg(Exc::TypeError, format!("not all arguments converted during {what} formatting")));
        }
        Ok(None)
    }

    /// A field's `flags` with each `*` replaced by the next value, an int: a negative width
    /// aligns left, a negative precision is 0 (`"%*d" % (5, 42)`).
    fn star_arguments(&mut self, job: &mut PercentJob, flags: &str) -> Result<String, Control> {
        let mut out = String::with_capacity(flags.len() + 4);
        let mut after_point = false;
        for c in flags.chars() {
            match c {
                '*' => {
                    let n = match job.items.get(job.next) {
                        Some(Value::Int(n)) => *n,
                        Some(Value::Bool(b)) => i64::from(*b),
                        Some(_) => return Err(self.raise_msg(Exc::TypeError, "* wants int")),
                        None => return Err(self.raise_msg(Exc::TypeError, "not enough arguments for format string")),
                    };
                    job.next += 1;
                    if n < 0 && !after_point {
                        out.insert(0, '-');
                    }
                    let n = if after_point { n.max(0) as u64 } else { n.unsigned_abs() };
                    out.push_str(itoa::Buffer::new().format(n));
                }
                '.' => {
                    after_point = true;
                    out.push('.');
                }
                c => out.push(c),
            }
        }
        Ok(out)
    }

    /// One `%` field of conversion `kind`, formatted by `spec`.
    fn percent_field(&mut self, th: &mut Thread, kind: char, value: Value, spec: &str) -> Result<String, Control> {
        Ok(match kind {
            's' => {
                let s = self.str_of(th, &value)?;
                self.format_with_spec(th, &Value::str(&s), spec)?
            }
            'r' => {
                let s = self.repr_of(th, &value)?;
                self.format_with_spec(th, &Value::str(&s), spec)?
            }
            'a' => {
                let s = crate::builtins::ascii_escaped(&self.repr_of(th, &value)?);
                self.format_with_spec(th, &Value::str(&s), spec)?
            }
            'd' | 'i' | 'u' => {
                // CPython's `PyNumber_Long`: `__int__`, and from 3.8 `__index__` after it.
                let dunders: &[&str] = if self.options.python >= PythonVersion::new(3, 8) {
                    &["__int__", "__index__"]
                } else {
                    &["__int__"]
                };
                let value = self.instance_as_int(th, value, dunders)?;
                let v = match value {
                    Value::Float(f) if f.get().is_finite() => crate::int::from_f64(f.get()),
                    Value::Float(_) => {
                        return Err(self.raise_msg(Exc::OverflowError, "cannot convert float infinity to integer"))
                    }
                    Value::Int(_) | Value::Bool(_) | Value::Long(_) => value,
                    other => {
                        // 3.10 made the message say which numbers (bpo-41974).
                        let number =
                            if self.options.python >= PythonVersion::new(3, 10) { "a real number" } else { "a number" };
                        let type_name = crate::builtins::type_name_of(&other);
                        return Err(self.raise_msg(
                            Exc::TypeError,
                            format!("%{kind} format: {number} is required, not {type_name}"),
                        ));
                    }
                };
                match spec.split_once('.') {
                    Some((flags, digits)) => self.int_with_precision(&v, 'd', flags, digits)?,
                    None => self.format_with_spec(th, &v, &format!("{spec}d"))?,
                }
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 'o' | 'c' => {
                // `%x` and `%o` take an object's `__index__` (CPython 3's `PyNumber_Index`).
                let value = if matches!(kind, 'x' | 'X' | 'o') && self.options.python.major == 3 {
                    self.instance_as_int(th, value, &["__index__"])?
                } else {
                    crate::immutable_subclass::value_of(&value).clone()
                };
                let value = match self.percent_operand(kind, value)? {
                    PercentOperand::Number(value) => value,
                    PercentOperand::Char(c) => return self.format_with_spec(th, &Value::str(&c), spec),
                };
                if let (Value::Int(_) | Value::Bool(_) | Value::Long(_), Some((flags, digits))) =
                    (&value, spec.split_once('.'))
                {
                    if matches!(kind, 'x' | 'X' | 'o') {
                        return self.int_with_precision(&value, kind, flags, digits);
                    }
                }
                let spec = if matches!(kind, 'f' | 'F' | 'e' | 'E' | 'g' | 'G') && !spec.contains('.') {
                    format!("{spec}.6{kind}")
                } else {
                    format!("{spec}{kind}")
                };
                self.format_with_spec(th, &value, &spec)?
            }
            other => return Err(self.raise_msg(Exc::ValueError, format!("unsupported format character '{other}'"))),
        })
    }

    /// An int's `%d`/`%x`/`%X`/`%o` field with a precision: C's minimum number of digits,
    /// zero-padded after the sign and the `#` prefix (`'%#.3x' % 5` is `0x005`), then padded
    /// to the width with spaces (the `0` flag is ignored). `flags` is the field's spec before
    /// the point (an alignment, `+`, ` `, `#`, the width), `digits` the precision.
    fn int_with_precision(&mut self, value: &Value, kind: char, flags: &str, digits: &str) -> Result<String, Control> {
        let i = crate::int::as_int(value).expect("an int").big();
        let magnitude = num_traits::Signed::abs(i.as_ref());
        let mut body = match kind {
            'x' => magnitude.to_str_radix(16),
            'X' => magnitude.to_str_radix(16).to_uppercase(),
            'o' => magnitude.to_str_radix(8),
            _ => magnitude.to_string(),
        };
        let precision: usize = digits.parse().unwrap_or(usize::MAX);
        if precision > i32::MAX as usize {
            return Err(self.raise_msg(Exc::ValueError, "precision too big"));
        }
        if precision == 0 && body == "0" && self.options.python.major == 2 {
            // 2.7's C printf writes no digit for a zero with precision 0.
            body.clear();
        }
        let width: usize = flags.trim_start_matches(['<', '>', '+', ' ', '#', '0']).parse().unwrap_or(0);
        // The text holds at least the padding and the digits asked for.
        self.charge(width.max(precision) as u64)?;
        if body.len() < precision {
            body.insert_str(0, &"0".repeat(precision - body.len()));
        }
        let sign = if num_traits::Signed::is_negative(i.as_ref()) {
            "-"
        } else if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let prefix = match (flags.contains('#'), kind) {
            (true, 'x') => "0x",
            (true, 'X') => "0X",
            (true, 'o') if self.options.python.major == 2 => "0",
            (true, 'o') => "0o",
            _ => "",
        };
        let text = format!("{sign}{prefix}{body}");
        Ok(if flags.starts_with('<') { format!("{text:<width$}") } else { format!("{text:>width$}") })
    }

    /// A bytes template's `%s`/`%b` (a bytes-like object or its `__bytes__`), `%r`/`%a` (the
    /// ASCII repr) or `%c` (one byte), as latin-1 text padded by `spec`.
    fn percent_bytes_field(
        &mut self,
        th: &mut Thread,
        kind: char,
        value: Value,
        spec: &str,
    ) -> Result<String, Control> {
        let text = match kind {
            'r' | 'a' => crate::builtins::ascii_escaped(&self.repr_of(th, &value)?),
            'c' => match &value {
                Value::Int(n) => match u8::try_from(*n) {
                    Ok(b) => char::from(b).to_string(),
                    Err(_) => return Err(self.raise_msg(Exc::OverflowError, "%c arg not in range(256)")),
                },
                other => match crate::bytes::bytes_like(other) {
                    Some(b) if b.len() == 1 => latin1_text(&b),
                    _ => {
                        let message = "%c requires an integer in range(256) or a single byte";
                        return Err(self.raise_msg(Exc::TypeError, message));
                    }
                },
            },
            _ => {
                let bytes = match crate::bytes::bytes_like(&value) {
                    Some(b) => Some(b),
                    None if matches!(value, Value::Instance(_)) => {
                        self.call_user_dunder(th, &value, "__bytes__")?.as_ref().and_then(crate::bytes::bytes_like)
                    }
                    None => None,
                };
                match bytes {
                    Some(b) => latin1_text(&b),
                    None => {
                        let type_name = crate::builtins::type_name_of(&value);
                        let message = format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{type_name}'"
                        );
                        return Err(self.raise_msg(Exc::TypeError, message));
                    }
                }
            }
        };
        self.format_with_spec(th, &Value::str(&text), spec)
    }

    /// `value`, or for an instance the int the first of `dunders` it has returns (an `IntEnum`
    /// member, an int in CPython, gives its value); an instance without one is left as it is.
    fn instance_as_int(&mut self, th: &mut Thread, value: Value, dunders: &[&str]) -> Result<Value, Control> {
        if let Value::Instance(_) = value {
            for &dunder in dunders {
                if let Some(r @ (Value::Int(_) | Value::Long(_) | Value::Bool(_))) =
                    self.call_user_dunder(th, &value, dunder)?
                {
                    return Ok(r);
                }
            }
        }
        // An int or float subclass's own value (str's is no number).
        Ok(match crate::immutable_subclass::value_of(&value) {
            number @ (Value::Int(_) | Value::Long(_) | Value::Float(_)) => number.clone(),
            _ => value,
        })
    }

    /// The operand of a numeric `%` conversion, checked as CPython's `PyUnicode_Format` does.
    fn percent_operand(&mut self, kind: char, value: Value) -> Result<PercentOperand, Control> {
        let old = self.options.python.major == 2;
        let type_name = crate::builtins::type_name_of(&value);
        let message = match (kind, &value) {
            // Before 3.10 an int past a C long failed `%c`'s conversion with the generic text.
            ('c', Value::Long(_)) if self.options.python < PythonVersion::new(3, 10) => {
                "%c requires int or char".into()
            }
            (_, Value::Int(_) | Value::Bool(_) | Value::Long(_)) => return Ok(PercentOperand::Number(value)),
            ('c', Value::Str(text)) if text.chars().count() == 1 => return Ok(PercentOperand::Char(text.to_string())),
            ('c', Value::Float(_)) if old => "integer argument expected, got float".to_string(),
            ('c', _) => "%c requires int or char".to_string(),
            ('x' | 'X' | 'o', Value::Float(f)) if old && f.get().is_finite() => {
                return Ok(PercentOperand::Number(crate::int::from_f64(f.get())))
            }
            ('x' | 'X' | 'o', _) if old => format!("%{kind} format: a number is required, not {type_name}"),
            ('x' | 'X' | 'o', _) => format!("%{kind} format: an integer is required, not {type_name}"),
            // An object's own `__float__`/`__index__` is the formatting's business.
            (_, Value::Float(_) | Value::Instance(_)) => return Ok(PercentOperand::Number(value)),
            _ if old => format!("float argument required, not {type_name}"),
            _ => format!("must be real number, not {type_name}"),
        };
        Err(self.raise_msg(Exc::TypeError, message))
    }
}
