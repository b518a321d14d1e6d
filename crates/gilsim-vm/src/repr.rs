//! `str()` and `repr()` of values, matching CPython's text (floats use the shortest
//! round-trip digits with CPython's switch to exponent notation). Object addresses are
//! replaced by simulated ids, so output never depends on the host.

use crate::native::Control;
use crate::value::{Instance, Slot, Value};
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_core::PythonVersion;
use std::collections::HashMap;
use std::rc::Rc;

/// CPython's `repr(float)`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("exponent digits");
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = even_on_tie(x.abs(), digits, exp);
    let decpt = exp + 1;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            out.push_str(&"0".repeat((-decpt) as usize));
            out.push_str(&digits);
        } else if decpt as usize >= digits.len() {
            out.push_str(&digits);
            out.push_str(&"0".repeat(decpt as usize - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        out.push_str(&format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
    }
    out
}

/// Shortest round-tripping digits, as David Gay's dtoa (mode 0) gives them to CPython: when the
/// float lies exactly halfway between two shortest candidates, the one with the even last
/// digit (Rust's formatter may give the other one: 999999999999999.25 is "…9.3" there,
/// "…9.2" in CPython). `digits` × 10^(exp - len + 1) is Rust's candidate for `x > 0`.
fn even_on_tie(x: f64, digits: String, exp: i32) -> String {
    use num_bigint::BigInt;
    let last = digits.as_bytes()[digits.len() - 1] - b'0';
    if last.is_multiple_of(2) {
        return digits;
    }
    let Ok(d) = digits.parse::<u64>() else { return digits };
    let k = exp - (digits.len() as i32 - 1);
    let (m, e) = crate::int::float_parts(x);
    let e = e as i32;
    // Compare 2x with (2d ± 1) * 10^k in integers.
    let scale = |v: BigInt, twos: i32, tens: i32| -> BigInt {
        let v = if twos >= 0 { v << twos as usize } else { v };
        if tens >= 0 {
            v * num_traits::pow(BigInt::from(10), tens as usize)
        } else {
            v
        }
    };
    let (lift2, lift10) = ((-(e + 1)).max(0), (-k).max(0));
    let twice_x = scale(BigInt::from(m), e + 1 + lift2, lift10);
    for neighbour in [d - 1, d + 1] {
        let midpoint = BigInt::from(d + neighbour);
        if scale(midpoint, lift2, k + lift10) != twice_x {
            continue;
        }
        let candidate = neighbour.to_string();
        let round_trips = format!("{candidate}e{k}").parse::<f64>().is_ok_and(|y| y == x);
        if candidate.len() == digits.len() && round_trips {
            return candidate;
        }
    }
    digits
}

/// CPython's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    let python2 = crate::hash::python2();
    if python2 && crate::output::python2_unicode(s) {
        // 2.7's unicode (only its text goes past U+00FF): `u'\u4e2d'`.
        out.push('u');
    }
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            // 2.7 shows every byte and character past ASCII as an escape; 3 those it does
            // not print.
            c if !c.is_ascii() && (python2 || !printable(c)) => out.push_str(&crate::codecs::escaped(c)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Whether Python 3's `str.isprintable` holds for a character: not a control, format,
/// separator (but the space), private-use or noncharacter code point
/// (`Py_UNICODE_ISPRINTABLE`; unassigned code points are taken as printable).
pub(crate) fn printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !matches!(u32::from(c),
        0x80..=0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x1680 | 0x180e
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f | 0x3000
        | 0xe000..=0xf8ff | 0xfdd0..=0xfdef | 0xfeff | 0xfff9..=0xfffb | 0xfffe | 0xffff
        | 0x110bd | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f | 0xf0000..)
}

/// Simulated object ids (`id()`, and the `at 0x...` in reprs): sequential in order of first
/// use, so they are the same on every machine.
#[derive(Default)]
pub struct IdTable {
    ids: HashMap<usize, (u64, Value)>,
}

const ID_BASE: u64 = 0x7f00_0000_0000;

impl IdTable {
    /// The table of a copy of the run ([`crate::snapshot`]): the same ids, for the copies.
    pub(crate) fn copy(&self, cloner: &mut crate::snapshot::Cloner) -> Result<IdTable, crate::snapshot::Unclonable> {
        let mut ids = HashMap::with_capacity(self.ids.len());
        for (key, (id, value)) in &self.ids {
            let copy = cloner.value(value)?;
            // A shared value (a str, a float) keeps its key; a copied object is keyed by its
            // address, as `object_id` keys it.
            let key = match (value.heap_address(), copy.heap_address()) {
                (Some(old), Some(new)) if old != new => new,
                _ => *key,
            };
            ids.insert(key, (*id, copy));
        }
        Ok(IdTable { ids })
    }
}

impl Vm {
    pub(crate) fn object_id(&mut self, v: &Value) -> u64 {
        // Ids are numbered as first asked for: asking reads that numbering (see `next_id`).
        crate::footprint::note(crate::footprint::Resource::Interpreter, false);
        let ptr = match v {
            Value::Int(i) => return *i as u64,
            Value::Bool(b) => return ID_BASE - 0x100 + u64::from(*b),
            Value::None => return ID_BASE - 0x200,
            Value::Instance(inst) => {
                if inst.id.get() == 0 {
                    let n = self.next_id();
                    inst.id.set(ID_BASE + n * 0x30);
                }
                return inst.id.get();
            }
            Value::Str(s) => s.as_ptr() as usize,
            Value::Tuple(t) => std::rc::Rc::as_ptr(t) as *const u8 as usize,
            Value::List(l) => std::rc::Rc::as_ptr(l) as *const u8 as usize,
            Value::Dict(d) => std::rc::Rc::as_ptr(d) as *const u8 as usize,
            Value::Set(s) => std::rc::Rc::as_ptr(s) as *const u8 as usize,
            Value::Function(f) => std::rc::Rc::as_ptr(f) as *const u8 as usize,
            Value::Class(c) => std::rc::Rc::as_ptr(c) as *const u8 as usize,
            Value::Module(m) => std::rc::Rc::as_ptr(m) as *const u8 as usize,
            Value::BoundMethod(m) => std::rc::Rc::as_ptr(m) as *const u8 as usize,
            Value::Native(n) => *n as *const _ as *const u8 as usize,
            Value::Range(r) => std::rc::Rc::as_ptr(r) as *const u8 as usize,
            Value::Iterator(i) => std::rc::Rc::as_ptr(i) as *const u8 as usize,
            Value::View(view) => std::rc::Rc::as_ptr(view) as *const u8 as usize,
            Value::Bytes(b) => b.address(),
            Value::ByteArray(b) => std::rc::Rc::as_ptr(b) as *const u8 as usize,
            Value::Long(l) => std::rc::Rc::as_ptr(l) as *const u8 as usize,
            Value::Slice(s) => std::rc::Rc::as_ptr(s) as *const u8 as usize,
            Value::Cell(c) => std::rc::Rc::as_ptr(c) as *const u8 as usize,
            Value::Descriptor(d) => std::rc::Rc::as_ptr(d) as *const u8 as usize,
            // A float has no heap object: equal floats share an id, keyed by an odd number
            // (no heap address is odd) that its bits decide.
            Value::Float(f) => (f.get().to_bits() as usize).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            Value::Undefined => 0,
        };
        if let Some((id, _)) = self.id_table.ids.get(&ptr) {
            return *id;
        }
        let n = self.next_id();
        let id = ID_BASE + n * 0x30;
        self.id_table.ids.insert(ptr, (id, v.clone()));
        id
    }

    /// `BaseException.__str__` of `v` (an exception): its one argument's str (a KeyError's
    /// repr), the tuple of several, an OSError's or an exception group's own text.
    pub(crate) fn exception_str(&mut self, th: &mut Thread, v: &Value, inst: &Instance) -> Result<String, Control> {
        if let Some(text) = self.os_error_text(th, inst)? {
            return Ok(text);
        }
        if let Some(text) = crate::exception_groups::group_str(self, inst) {
            return Ok(text);
        }
        if let Some(text) = self.unicode_error_text(inst) {
            return Ok(text);
        }
        match inst.attr("args") {
            Some(Value::Tuple(items)) if items.is_empty() => Ok(String::new()),
            Some(Value::Tuple(items)) if items.len() == 1 => {
                let item = items[0].clone();
                if self.is_instance_of(v, Exc::KeyError) {
                    return self.repr_of(th, &item);
                }
                self.str_of(th, &item)
            }
            Some(args) => self.repr_of(th, &args),
            None => Ok(String::new()),
        }
    }

    /// `BaseException.__repr__` of an exception: its class's name and its arguments.
    pub(crate) fn exception_repr(&mut self, th: &mut Thread, inst: &Instance) -> Result<String, Control> {
        let args = inst.attr("args").unwrap_or(Value::tuple(vec![]));
        let args = match args {
            // 3.6 prints the one-item tuple as it is: `KeyError('x',)`.
            Value::Tuple(items) if items.len() == 1 && self.options.python >= PythonVersion::new(3, 7) => {
                format!("({})", self.repr_of(th, &items[0])?)
            }
            other => self.repr_of(th, &other)?,
        };
        Ok(format!("{}{}", inst.class.name, args))
    }

    /// `object.__repr__` of any value: `<__main__.Job object at 0x7f...>`.
    pub(crate) fn object_repr(&mut self, v: &Value) -> String {
        format!("<{} object at {:#x}>", self.class_of(v).dotted_name(), self.object_id(v))
    }

    /// `str(v)`.
    pub(crate) fn str_of(&mut self, th: &mut Thread, v: &Value) -> Result<String, Control> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            // Python 2's str is its bytes: a bytearray's str is its contents.
            Value::ByteArray(array) if self.options.python.major == 2 => {
                Ok(array.borrow().iter().map(|&b| char::from(b)).collect())
            }
            Value::Instance(inst) => {
                // CPython ≤ 3.11 counts str() itself against the recursion limit.
                let dunder = if self.options.python < gilsim_core::PythonVersion::new(3, 12) {
                    self.nested(th, " while getting the str of an object", |vm, th| {
                        vm.call_user_dunder(th, v, "__str__")
                    })?
                } else {
                    self.call_user_dunder(th, v, "__str__")?
                };
                if let Some(r) = dunder {
                    return self.expect_str(r, "__str__");
                }
                if let Slot::Exception(_) = inst.slot {
                    return self.exception_str(th, v, inst);
                }
                match &inst.slot {
                    // str's own `__str__`: the text. int and float had their own until 3.8
                    // (bpo-36793); since, their text is the repr, a subclass's `__repr__` too.
                    Slot::Builtin(Value::Str(s)) => return Ok(s.to_string()),
                    Slot::Builtin(number @ (Value::Int(_) | Value::Long(_) | Value::Float(_)))
                        if self.options.python < gilsim_core::PythonVersion::new(3, 8) =>
                    {
                        let number = number.clone();
                        return self.str_of(th, &number);
                    }
                    _ => {}
                }
                self.repr_of(th, v)
            }
            Value::Float(f) if self.options.python.major == 2 => Ok(py2_float_str(f.get())),
            // Python 2's long: `str` has no `L`.
            Value::Long(b) => self.long_to_string(b),
            other => self.repr_of(th, other),
        }
    }

    fn expect_str(&mut self, r: Value, method: &str) -> Result<String, Control> {
        match r {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(self.non_string(method, &other)),
        }
    }

    /// A `__str__`/`__repr__` result, which must be a str.
    pub(crate) fn str_result(&mut self, r: Value, method: &str) -> Result<Value, Control> {
        match r {
            Value::Str(_) => Ok(r),
            other => Err(self.non_string(method, &other)),
        }
    }

    pub(crate) fn non_string(&mut self, method: &str, other: &Value) -> Control {
        self.raise_msg(
            Exc::TypeError,
            format!("{method} returned non-string (type {})", crate::builtins::type_name_of(other)),
        )
    }

    /// `repr(v)`. A container that (through others) holds itself shows as `[...]` or `{...}`
    /// where it recurs (CPython's `Py_ReprEnter`), and nesting counts against the recursion
    /// limit, as CPython's C recursion does.
    pub(crate) fn repr_of(&mut self, th: &mut Thread, v: &Value) -> Result<String, Control> {
        let (address, marker) = match v {
            Value::List(l) => (Rc::as_ptr(l) as usize, "[...]"),
            Value::Dict(d) => (Rc::as_ptr(d) as usize, "{...}"),
            Value::Tuple(_) | Value::Set(_) | Value::Slice(_) | Value::BoundMethod(_) | Value::Instance(_) => {
                return self.nested(th, " while getting the repr of an object", |vm, th| vm.repr_value(th, v));
            }
            _ => return self.repr_value(th, v),
        };
        Ok(self.repr_unless_active(th, address, v)?.unwrap_or_else(|| marker.into()))
    }

    /// `repr(v)` for the container at `address`, None when its repr is already running
    /// further out (it holds itself).
    pub(crate) fn repr_unless_active(
        &mut self,
        th: &mut Thread,
        address: usize,
        v: &Value,
    ) -> Result<Option<String>, Control> {
        // Addresses only tell containers apart while this repr runs; they never reach output.
        if self.repr_active.contains(&address) {
            return Ok(None);
        }
        self.repr_active.push(address);
        let repr = self.nested(th, " while getting the repr of an object", |vm, th| vm.repr_value(th, v));
        self.repr_active.pop();
        repr.map(Some)
    }

    pub(crate) fn repr_value(&mut self, th: &mut Thread, v: &Value) -> Result<String, Control> {
        Ok(match v {
            Value::Undefined => "<undefined>".into(),
            Value::None => "None".into(),
            Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
            Value::Int(i) => itoa::Buffer::new().format(*i).to_owned(),
            // Python 2's ints beyond 64 bits are longs, whose repr ends in `L`.
            Value::Long(b) if self.options.python.major == 2 => format!("{}L", self.long_to_string(b)?),
            Value::Long(b) => self.long_to_string(b)?,
            Value::Float(f) => float_repr(f.get()),
            Value::Str(s) => str_repr(s),
            Value::Bytes(b) => crate::bytes::bytes_repr(b),
            Value::ByteArray(b) => crate::bytearray::bytearray_repr(&b.borrow()),
            Value::Tuple(items) => {
                let parts = self.repr_all(th, items)?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::List(items) => {
                let items = items.borrow().clone();
                format!("[{}]", self.repr_all(th, &items)?.join(", "))
            }
            Value::Dict(d) => {
                let pairs = crate::py2_order::entries(d, |k, v| (k.0.clone(), v.clone()));
                let mut parts = Vec::new();
                for (k, v) in pairs {
                    parts.push(format!("{}: {}", self.repr_of(th, &k)?, self.repr_of(th, &v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                let (items, frozen): (Vec<Value>, bool) = {
                    let set = s.borrow();
                    (set.iter().map(|k| k.0.clone()).collect(), set.is_frozen())
                };
                let kind = if frozen { "frozenset" } else { "set" };
                if self.options.python.major == 2 {
                    // 2.7: `set(['a', 'b'])`, `set([])`.
                    format!("{kind}([{}])", self.repr_all(th, &items)?.join(", "))
                } else {
                    match (items.is_empty(), frozen) {
                        (true, _) => format!("{kind}()"),
                        (false, false) => format!("{{{}}}", self.repr_all(th, &items)?.join(", ")),
                        (false, true) => format!("frozenset({{{}}})", self.repr_all(th, &items)?.join(", ")),
                    }
                }
            }
            Value::Range(r) if self.options.python.major == 2 => {
                // 2.7's `xrange` shows the stop its items reach (`xrange(0, 12, 3)` for
                // `xrange(0, 10, 3)`).
                let stop = r.start + r.len() * r.step;
                match (r.start, r.step) {
                    (0, 1) => format!("xrange({stop})"),
                    (start, 1) => format!("xrange({start}, {stop})"),
                    (start, step) => format!("xrange({start}, {stop}, {step})"),
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let parts = self.repr_all(th, s.as_ref())?;
                format!("slice({})", parts.join(", "))
            }
            Value::Function(f) if f.presents_as_builtin => format!("<built-in function {}>", f.name),
            Value::Function(f) => format!("<function {} at {:#x}>", f.current_qualname(), self.object_id(v)),
            // A method of a built-in type, unbound: CPython's method descriptor.
            Value::Native(n) if n.receiver && !n.name.starts_with("Thread.") => {
                let owner = &n.name[..n.name.len() - n.short_name().len() - 1];
                format!("<method '{}' of '{}' objects>", n.short_name(), c_type_name(owner))
            }
            Value::Native(n) => format!("<built-in function {}>", n.short_name()),
            Value::BoundMethod(m) if matches!(&m.1, Value::Native(n) if n.receiver && !n.name.starts_with("Thread.")) =>
            {
                let Value::Native(n) = &m.1 else { unreachable!("matched") };
                let owner = match &m.0 {
                    Value::Instance(inst) => inst.class.type_name(),
                    other => crate::builtins::type_name_of(other),
                };
                format!("<built-in method {} of {owner} object at {:#x}>", n.short_name(), self.object_id(&m.0))
            }
            Value::BoundMethod(m) => {
                let (obj, func) = (m.0.clone(), m.1.clone());
                let name = match &func {
                    Value::Function(f) => f.current_qualname().to_string(),
                    Value::Native(n) => n.name.to_string(),
                    _ => "?".into(),
                };
                format!("<bound method {name} of {}>", self.repr_of(th, &obj)?)
            }
            Value::Class(c) => match self.call_user_dunder(th, v, "__repr__")? {
                Some(r) => return self.expect_str(r, "__repr__"),
                None if self.options.python.major == 2 => py2_class_repr(c),
                None => format!("<class '{}'>", c.dotted_name()),
            },
            Value::Module(m) => self.module_repr(&m.name),
            Value::Iterator(state) => {
                let name = state.borrow_unnoted().type_name();
                format!("<{name} object at {:#x}>", self.object_id(v))
            }
            Value::View(view) => self.view_repr(th, view)?,
            Value::Cell(_) => "<cell>".into(),
            Value::Descriptor(_) => format!("<property object at {:#x}>", self.object_id(v)),
            Value::Instance(inst) => {
                if let Some(r) = self.call_user_dunder(th, v, "__repr__")? {
                    return self.expect_str(r, "__repr__");
                }
                match &inst.slot {
                    Slot::Exception(_) => self.exception_repr(th, inst)?,
                    Slot::Thread(data) => crate::modules::threading::thread_repr(self, &inst.class, data)?,
                    Slot::Lock(lock) => crate::modules::threading::lock_repr(self, v, lock),
                    // A dict or list subclass shows its items as the built-in does.
                    Slot::Builtin(base) => return self.repr_value(th, base),
                    Slot::None if Rc::ptr_eq(&inst.class, &self.types.ellipsis) => "Ellipsis".into(),
                    Slot::None if Rc::ptr_eq(&inst.class, &self.types.not_implemented) => "NotImplemented".into(),
                    Slot::None
                    | Slot::Local(_)
                    | Slot::Channel(_)
                    | Slot::Generator(_)
                    | Slot::Twister(_)
                    | Slot::Regex(_)
                    | Slot::Deque(_)
                    | Slot::Weak(_) => self.object_repr(v),
                }
            }
        })
    }

    fn repr_all(&mut self, th: &mut Thread, items: &[Value]) -> Result<Vec<String>, Control> {
        items.iter().map(|v| self.repr_of(th, v)).collect()
    }
}

/// Python 2.7's repr of a class: its built-in types are `<type 'int'>` (the exceptions'
/// module is `exceptions`, `_thread`'s is `thread`); a class statement's is `<class ...>`.
fn py2_class_repr(class: &crate::value::Class) -> String {
    let module = match &*class.module {
        "builtins" if class.kind == crate::value::BuiltinKind::BaseException => "exceptions.",
        "builtins" => "",
        "_thread" => "thread.",
        _ => return format!("<class '{}'>", class.dotted_name()),
    };
    format!("<type '{module}{}'>", class.qualname)
}

/// Python 2.7's `str(float)` (what `print x` shows): 12 significant digits, `%.12g`, with
/// `.0` kept on integral values (`repr` shows 17).
fn py2_float_str(f: f64) -> String {
    if !f.is_finite() {
        return float_repr(f);
    }
    let s = crate::format::general_format(f, 12);
    if s.contains(['.', 'e', 'n', 'i']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// The name CPython gives the built-in type a native method belongs to (its `tp_name`),
/// from the owner part of the native's name (`lock` of `lock.acquire`).
fn c_type_name(owner: &str) -> &str {
    match owner {
        "lock" => "_thread.lock",
        "RLock" => "_thread.RLock",
        "deque" => "collections.deque",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_cpython() {
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(123456.789), "123456.789");
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
    }

    #[test]
    fn strings_like_cpython() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb"), "'a\\nb'");
        assert_eq!(str_repr("王"), "'王'");
    }
}
