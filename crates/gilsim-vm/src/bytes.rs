//! `bytes`: CPython's immutable byte strings (Objects/bytesobject.c) — the constructor,
//! `repr`, indexing to ints, slicing, `+`, `*`, `in`, comparison, and the methods threaded
//! programs use on them (`hex`, searching, splitting, stripping, case). Text to bytes and
//! back is [`crate::codecs`]; ints to bytes and back, [`crate::int_bytes`].
//!
//! Invariant: a `Value::Bytes` is never mutated (its `Bytes` is shared freely, as
//! `str`'s is); every operation builds a new one.

use crate::builtins::{arity, int_arg, kwarg, type_name_of};
use crate::bytes_methods::{is_space, trim_end, trim_start};
use crate::native::{native, Args, Control, NResult};
use crate::types::Types;
use crate::value::{Bytes, Str, Truth, Value};
use crate::{Exc, Vm};

pub(crate) fn install(t: &Types) {
    crate::methods::add(&t.str_, &[("encode", &crate::codecs::STR_ENCODE)]);
    crate::methods::add(&t.bytes, &[("__new__", &BYTES_NEW)]);
    install_shared_methods(&t.bytes);
    // Class methods in CPython; called on the class alone here, they need not know it.
    let static_method = |f| Vm::descriptor(crate::value::DescriptorKind::StaticMethod, Value::Native(f));
    t.bytes.dict.borrow_mut().insert(Str::from("fromhex"), static_method(&BYTES_FROMHEX));
    crate::methods::add(&t.int, &[("to_bytes", &crate::int_bytes::INT_TO_BYTES)]);
    t.int.dict.borrow_mut().insert(Str::from("from_bytes"), static_method(&crate::int_bytes::INT_FROM_BYTES));
}

/// The methods `bytes` and `bytearray` share: they read the receiver, and what they make is
/// of the receiver's type.
pub(crate) fn install_shared_methods(class: &std::rc::Rc<crate::value::Class>) {
    crate::methods::add(
        class,
        &[
            ("decode", &crate::codecs::BYTES_DECODE),
            ("hex", &BYTES_HEX),
            ("startswith", &BYTES_STARTSWITH),
            ("endswith", &BYTES_ENDSWITH),
            ("find", &BYTES_FIND),
            ("rfind", &BYTES_RFIND),
            ("rindex", &BYTES_RINDEX),
            ("index", &BYTES_INDEX),
            ("count", &BYTES_COUNT),
            ("split", &BYTES_SPLIT),
            ("strip", &BYTES_STRIP),
            ("lstrip", &BYTES_LSTRIP),
            ("rstrip", &BYTES_RSTRIP),
            ("join", &BYTES_JOIN),
            ("upper", &BYTES_UPPER),
            ("lower", &BYTES_LOWER),
            ("replace", &BYTES_REPLACE),
            ("isdigit", &BYTES_ISDIGIT),
            ("isalpha", &BYTES_ISALPHA),
            ("isalnum", &BYTES_ISALNUM),
            ("isspace", &BYTES_ISSPACE),
        ],
    );
    crate::methods::add(class, &crate::bytes_methods::SHARED);
    let maketrans = Vm::descriptor(
        crate::value::DescriptorKind::StaticMethod,
        Value::Native(&crate::bytes_methods::BYTES_MAKETRANS),
    );
    class.dict.borrow_mut().insert(Str::from("maketrans"), maketrans);
}

pub(crate) fn bytes_value(data: impl Into<Bytes>) -> Value {
    Value::Bytes(data.into())
}

/// CPython's `bytes_repr`: `b'...'`, in double quotes only when the data holds a single
/// quote and no double quote; printable ASCII as is, `\t\n\r` and the rest as escapes.
pub(crate) fn bytes_repr(data: &[u8]) -> String {
    quoted_bytes(data, false)
}

/// `b'...'` as [`bytes_repr`] makes it; `always_escape_single` escapes every `'` even inside
/// double quotes, as CPython's `bytearray_repr` does (`bytearray(b"it\'s")`).
pub(crate) fn quoted_bytes(data: &[u8], always_escape_single: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in data {
        match byte {
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\\' => out.push_str("\\\\"),
            _ if char::from(byte) == quote || (always_escape_single && byte == b'\'') => {
                out.push('\\');
                out.push(char::from(byte));
            }
            0x20..=0x7e => out.push(char::from(byte)),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote);
    out
}

/// The receiver of a method `bytes` and `bytearray` share (a bytearray's bytes copied).
pub(crate) fn this(args: &Args) -> Bytes {
    args.pos.first().and_then(bytes_like).unwrap_or_default()
}

/// The bytes of a bytes-like object (`bytes`, or a copy of a `bytearray`'s), for the
/// operations that take either.
pub(crate) fn bytes_like(value: &Value) -> Option<Bytes> {
    match value {
        Value::Bytes(b) => Some(b.clone()),
        Value::ByteArray(array) => Some(Bytes::from(&array.borrow()[..])),
        _ => None,
    }
}

/// An argument of a method `bytes` and `bytearray` share: a bytes-like object, or under
/// Python 2, whose str is its bytes type, a str of code points below 256.
fn bytes_arg_of(vm: &Vm, value: &Value) -> Option<Bytes> {
    match value {
        Value::Str(text) if vm.options.python.major == 2 => {
            text.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect::<Option<Vec<u8>>>().map(Bytes::from)
        }
        _ => bytes_like(value),
    }
}

/// A result of a shared method on `args`' receiver: a bytearray's is a bytearray.
pub(crate) fn like_receiver(args: &Args, data: impl Into<Vec<u8>>) -> Value {
    match args.pos.first() {
        Some(Value::ByteArray(_)) => crate::bytearray::bytearray_value(data.into()),
        _ => bytes_value(data.into()),
    }
}

native!(BYTES_NEW, "bytes", |vm, th, args| {
    arity(vm, "bytes", args, 0, 3)?;
    let source = args.pos.first().cloned().or_else(|| kwarg(args, "source"));
    // A str or int subclass is its value.
    let source = source.map(|s| match crate::immutable_subclass::value_of(&s) {
        base @ (Value::Str(_) | Value::Int(_)) => base.clone(),
        _ => s,
    });
    let data = match source {
        None => Vec::new(),
        Some(Value::Bytes(b)) => return Ok(Value::Bytes(b)),
        Some(Value::ByteArray(array)) => array.borrow().clone(),
        Some(Value::Str(text)) => encoded_text(vm, args, &text, "bytes")?,
        Some(n @ (Value::Int(_) | Value::Bool(_))) => zero_bytes(vm, &n)?,
        Some(iterable) => {
            let items = vm.collect(th, &iterable)?;
            items.iter().map(|item| byte_of(vm, item)).collect::<Result<Vec<u8>, Control>>()?
        }
    };
    Ok(bytes_value(data))
});

/// `bytes(text, encoding[, errors])` (or `bytearray(...)`, `what`): the text encoded.
pub(crate) fn encoded_text(vm: &mut Vm, args: &Args, text: &str, what: &str) -> Result<Vec<u8>, Control> {
    if args.pos.len() < 2 && kwarg(args, "encoding").is_none() {
        return Err(vm.raise_msg(Exc::TypeError, "string argument without an encoding"));
    }
    let mut codec_args_only = args.clone();
    codec_args_only.pos[0] = Value::None;
    let (codec, on_error) = crate::codecs::codec_args(vm, &codec_args_only, what)?;
    crate::codecs::encode(vm, text, codec, on_error)
}

/// `bytes(n)` (or `bytearray(n)`): `n` zero bytes.
pub(crate) fn zero_bytes(vm: &mut Vm, n: &Value) -> Result<Vec<u8>, Control> {
    let count = int_arg(vm, n, "")?;
    if count < 0 {
        return Err(vm.raise_msg(Exc::ValueError, "negative count"));
    }
    vm.charge(count as u64)?;
    Ok(vec![0; count as usize])
}

/// An item of `bytes(iterable)` or the needle of `in`: an int in 0..256.
pub(crate) fn byte_of(vm: &mut Vm, item: &Value) -> Result<u8, Control> {
    match item {
        Value::Int(_) | Value::Bool(_) => {
            let n = int_arg(vm, item, "")?;
            u8::try_from(n).map_err(|_| vm.raise_msg(Exc::ValueError, "bytes must be in range(0, 256)"))
        }
        other => Err(vm.raise_msg(
            Exc::TypeError,
            format!("'{}' object cannot be interpreted as an integer", type_name_of(other)),
        )),
    }
}

// `data.hex(sep="", bytes_per_sep=1)`: the separator (3.8+) between groups of bytes counted
// from the right, or from the left when `bytes_per_sep` is negative.
native!(BYTES_HEX, "bytes.hex", |vm, _th, args| {
    if vm.options.python < gilsim_core::PythonVersion::new(3, 8) && args.pos.len() > 1 {
        let message = format!("hex() takes no arguments ({} given)", args.pos.len() - 1);
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    arity(vm, "hex", args, 1, 3)?;
    let digits = hex(&this(args));
    let Some(sep) = args.pos.get(1).cloned().or_else(|| crate::builtins::kwarg(args, "sep")) else {
        return Ok(Value::str(&digits));
    };
    let sep = match &sep {
        Value::Str(s) if s.chars().count() == 1 && s.is_ascii() => s.to_string(),
        Value::Bytes(b) if b.len() == 1 && b[0].is_ascii() => char::from(b[0]).to_string(),
        Value::Str(_) | Value::Bytes(_) => return Err(vm.raise_msg(Exc::ValueError, "sep must be length 1.")),
        other => {
            let message = format!("object of type '{}' has no len()", crate::builtins::type_name_of(other));
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
    };
    let per = match args.pos.get(2).cloned().or_else(|| crate::builtins::kwarg(args, "bytes_per_sep")) {
        Some(n) => crate::builtins::int_arg(vm, &n, "")?,
        None => 1,
    };
    let data = this(args);
    if per == 0 || data.is_empty() {
        return Ok(Value::str(&digits));
    }
    let group = per.unsigned_abs() as usize;
    let pairs: Vec<&str> = (0..data.len()).map(|i| &digits[2 * i..2 * i + 2]).collect();
    // Group boundaries fall every `group` bytes from the right end (or the left for negative).
    let first = if per > 0 { data.len() % group } else { group.min(data.len()) };
    let mut out = String::with_capacity(digits.len() + data.len());
    for (i, pair) in pairs.iter().enumerate() {
        let boundary =
            i != 0 && if per > 0 { (i + group - first).is_multiple_of(group) } else { i.is_multiple_of(group) };
        if boundary {
            out.push_str(&sep);
        }
        out.push_str(pair);
    }
    Ok(Value::str(&out))
});

pub(crate) fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect()
}

native!(BYTES_FROMHEX, "bytes.fromhex", |vm, _th, args| {
    arity(vm, "fromhex", args, 1, 1)?;
    let Value::Str(text) = &args.pos[0] else {
        let message = format!("fromhex() argument must be str, not {}", type_name_of(&args.pos[0]));
        return Err(vm.raise_msg(Exc::TypeError, message));
    };
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let pair = (chars[i].to_digit(16), chars.get(i + 1).and_then(|c| c.to_digit(16)));
        let (Some(high), Some(low)) = pair else {
            let at = if pair.0.is_some() { i + 1 } else { i };
            let message = format!("non-hexadecimal number found in fromhex() arg at position {at}");
            return Err(vm.raise_msg(Exc::ValueError, message));
        };
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    Ok(bytes_value(out))
});

/// The bytes argument `i` of a method (`sep`, `prefix`, ...).
fn bytes_arg(vm: &mut Vm, args: &Args, i: usize, method: &str) -> Result<Option<Bytes>, Control> {
    match args.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(other) => match bytes_arg_of(vm, other) {
            Some(data) => Ok(Some(data)),
            None => Err(vm.raise_msg(
                Exc::TypeError,
                format!("{method}: a bytes-like object is required, not '{}'", type_name_of(other)),
            )),
        },
    }
}

pub(crate) fn find_at(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= haystack.len()).then_some(from);
    }
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|at| at + from)
}

/// The last place of `needle` in `haystack` at or after `from`.
pub(crate) fn rfind_at(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > haystack.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(haystack.len());
    }
    haystack[from..].windows(needle.len()).rposition(|w| w == needle).map(|at| at + from)
}

pub(crate) fn contains(vm: &mut Vm, data: &[u8], item: &Value) -> Result<bool, Control> {
    match item {
        Value::Bytes(_) | Value::ByteArray(_) => {
            let needle = bytes_like(item).unwrap_or_default();
            Ok(find_at(data, &needle, 0).is_some())
        }
        Value::Int(_) | Value::Bool(_) => Ok(data.contains(&byte_of(vm, item)?)),
        other => {
            Err(vm.raise_msg(Exc::TypeError, format!("a bytes-like object is required, not '{}'", type_name_of(other))))
        }
    }
}

fn affix(vm: &mut Vm, args: &Args, method: &str, test: fn(&[u8], &[u8]) -> bool) -> NResult {
    arity(vm, method, args, 2, 2)?;
    let data = this(args);
    let candidates = match &args.pos[1] {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    for candidate in &candidates {
        match bytes_arg_of(vm, candidate) {
            Some(b) if test(&data, &b) => return Ok(Value::Bool(Truth::True)),
            Some(_) => {}
            None => {
                let message =
                    format!("{method} first arg must be bytes or a tuple of bytes, not {}", type_name_of(candidate));
                return Err(vm.raise_msg(Exc::TypeError, message));
            }
        }
    }
    Ok(Value::Bool(Truth::False))
}

native!(BYTES_STARTSWITH, "bytes.startswith", |vm, _th, args| affix(vm, args, "startswith", <[u8]>::starts_with));
native!(BYTES_ENDSWITH, "bytes.endswith", |vm, _th, args| affix(vm, args, "endswith", <[u8]>::ends_with));

/// A search: the receiver's bytes, the needle (bytes or one byte's int) and the window
/// `[start, end)` it searches: `end` clamped as a slice bound, `start` only below (a start
/// past `end` finds nothing, not even the empty needle, as CPython's stringlib).
struct Search {
    data: Bytes,
    needle: Vec<u8>,
    start: usize,
    end: usize,
}

fn search(vm: &mut Vm, args: &Args, method: &str) -> Result<Search, Control> {
    arity(vm, method, args, 2, 4)?;
    let needle = match bytes_arg_of(vm, &args.pos[1]) {
        Some(b) => b.to_vec(),
        None => vec![byte_of(vm, &args.pos[1])?],
    };
    let data = this(args);
    let len = data.len() as i64;
    let mut bound = |i: usize, default: i64| -> Result<usize, Control> {
        let n = match args.pos.get(i) {
            None | Some(Value::None) => default,
            Some(v) => int_arg(vm, v, "")?,
        };
        Ok((if n < 0 { n + len } else { n }).clamp(0, len + 1) as usize)
    };
    let (start, end) = (bound(2, 0)?, bound(3, len)?);
    Ok(Search { data, needle, start, end: end.min(len as usize) })
}

/// `find`, `rfind`, `index`, `rindex`: where the needle is (the first place, or the last
/// with `from_right`); the index methods raise where the find methods give -1.
fn find_or_index(vm: &mut Vm, args: &Args, method: &str, from_right: bool, raises: bool) -> NResult {
    let Search { data, needle, start, end } = search(vm, args, method)?;
    let find = if from_right { rfind_at } else { find_at };
    match find(&data[..end], &needle, start) {
        Some(at) => Ok(Value::Int(at as i64)),
        None if raises => Err(vm.raise_msg(Exc::ValueError, "subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

native!(BYTES_FIND, "bytes.find", |vm, _th, args| find_or_index(vm, args, "find", false, false));
native!(BYTES_INDEX, "bytes.index", |vm, _th, args| find_or_index(vm, args, "index", false, true));
native!(BYTES_RFIND, "bytes.rfind", |vm, _th, args| find_or_index(vm, args, "rfind", true, false));
native!(BYTES_RINDEX, "bytes.rindex", |vm, _th, args| find_or_index(vm, args, "rindex", true, true));
native!(BYTES_COUNT, "bytes.count", |vm, _th, args| {
    let Search { data, needle, start, end } = search(vm, args, "count")?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let data = &data[start..end];
    if needle.is_empty() {
        return Ok(Value::Int(data.len() as i64 + 1));
    }
    let (mut count, mut from) = (0, 0);
    while let Some(at) = find_at(data, &needle, from) {
        count += 1;
        from = at + needle.len();
    }
    Ok(Value::Int(count))
});

/// `split`'s and `rsplit`'s `sep` and `maxsplit` (as a count of splits, unlimited when negative).
pub(crate) fn split_args(vm: &mut Vm, args: &Args, method: &str) -> Result<(Option<Bytes>, usize), Control> {
    arity(vm, method, args, 1, 3)?;
    let sep = bytes_arg(vm, args, 1, method)?.or_else(|| kwarg(args, "sep").as_ref().and_then(bytes_like));
    let max = match args.pos.get(2).cloned().or_else(|| kwarg(args, "maxsplit")) {
        Some(n) => int_arg(vm, &n, "")?,
        None => -1,
    };
    Ok((sep, usize::try_from(max).unwrap_or(usize::MAX)))
}

native!(BYTES_SPLIT, "bytes.split", |vm, _th, args| {
    let (sep, limit) = split_args(vm, args, "split")?;
    let data = this(args);
    let parts: Vec<Value> = match sep {
        Some(sep) if sep.is_empty() => return Err(vm.raise_msg(Exc::ValueError, "empty separator")),
        Some(sep) => {
            let (mut parts, mut from) = (Vec::new(), 0);
            while parts.len() < limit {
                let Some(at) = find_at(&data, &sep, from) else { break };
                parts.push(like_receiver(args, &data[from..at]));
                from = at + sep.len();
            }
            parts.push(like_receiver(args, &data[from..]));
            parts
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = trim_start(&data);
            while !rest.is_empty() {
                if parts.len() == limit {
                    parts.push(like_receiver(args, trim_end(rest)));
                    break;
                }
                let end = rest.iter().position(is_space).unwrap_or(rest.len());
                parts.push(like_receiver(args, &rest[..end]));
                rest = trim_start(&rest[end..]);
            }
            parts
        }
    };
    Ok(Value::list(parts))
});

fn strip(vm: &mut Vm, args: &Args, method: &str, start: bool, end: bool) -> NResult {
    arity(vm, method, args, 1, 2)?;
    let data = this(args);
    let chars = bytes_arg(vm, args, 1, method)?;
    let strips = |b: &u8| chars.as_ref().map_or(is_space(b), |set| set.contains(b));
    let mut slice = &data[..];
    if start {
        let skip = slice.iter().take_while(|b| strips(b)).count();
        slice = &slice[skip..];
    }
    if end {
        let keep = slice.len() - slice.iter().rev().take_while(|b| strips(b)).count();
        slice = &slice[..keep];
    }
    Ok(like_receiver(args, slice))
}

native!(BYTES_STRIP, "bytes.strip", |vm, _th, args| strip(vm, args, "strip", true, true));
native!(BYTES_LSTRIP, "bytes.lstrip", |vm, _th, args| strip(vm, args, "lstrip", true, false));
native!(BYTES_RSTRIP, "bytes.rstrip", |vm, _th, args| strip(vm, args, "rstrip", false, true));

native!(BYTES_JOIN, "bytes.join", |vm, th, args| {
    arity(vm, "join", args, 2, 2)?;
    let sep = this(args);
    let items = vm.collect(th, &args.pos[1])?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = bytes_arg_of(vm, item) else {
            let message = format!("sequence item {i}: expected a bytes-like object, {} found", type_name_of(item));
            return Err(vm.raise_msg(Exc::TypeError, message));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    vm.charge(out.len() as u64)?;
    Ok(like_receiver(args, out))
});

native!(BYTES_UPPER, "bytes.upper", |_vm, _th, args| Ok(like_receiver(args, this(args).to_ascii_uppercase())));
native!(BYTES_LOWER, "bytes.lower", |_vm, _th, args| Ok(like_receiver(args, this(args).to_ascii_lowercase())));

native!(BYTES_REPLACE, "bytes.replace", |vm, _th, args| {
    arity(vm, "replace", args, 3, 4)?;
    let data = this(args);
    let (Some(old), Some(new)) = (bytes_arg(vm, args, 1, "replace")?, bytes_arg(vm, args, 2, "replace")?) else {
        return Err(vm.raise_msg(Exc::TypeError, "a bytes-like object is required, not 'NoneType'"));
    };
    let limit = match args.pos.get(3) {
        Some(n) => usize::try_from(int_arg(vm, n, "")?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let (mut out, mut from, mut done) = (Vec::new(), 0, 0);
    while done < limit && !old.is_empty() {
        let Some(at) = find_at(&data, &old, from) else { break };
        out.extend_from_slice(&data[from..at]);
        out.extend_from_slice(&new);
        from = at + old.len();
        done += 1;
    }
    out.extend_from_slice(&data[from..]);
    Ok(like_receiver(args, out))
});

fn all_bytes(args: &Args, test: fn(&u8) -> bool) -> NResult {
    let data = this(args);
    Ok(Value::bool(!data.is_empty() && data.iter().all(test)))
}

native!(BYTES_ISDIGIT, "bytes.isdigit", |_vm, _th, args| all_bytes(args, u8::is_ascii_digit));
native!(BYTES_ISALPHA, "bytes.isalpha", |_vm, _th, args| all_bytes(args, u8::is_ascii_alphabetic));
native!(BYTES_ISALNUM, "bytes.isalnum", |_vm, _th, args| all_bytes(args, u8::is_ascii_alphanumeric));
native!(BYTES_ISSPACE, "bytes.isspace", |_vm, _th, args| all_bytes(args, is_space));

impl Vm {
    /// `bytes + bytes` and `bytes * n`; `None` for any other operands.
    pub(crate) fn bytes_binary(
        &mut self,
        op: gilsim_bytecode::BinOp,
        a: &Value,
        b: &Value,
    ) -> Result<Option<Value>, Control> {
        use gilsim_bytecode::BinOp;
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
                self.charge(x.len() as u64 + y.len() as u64)?;
                bytes_value([&x[..], &y[..]].concat())
            }
            (BinOp::Mul, Value::Bytes(data), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::Bytes(data)) => {
                let count = (*n).max(0) as u64;
                let Some(size) = (data.len() as u64).checked_mul(count).filter(|&s| s <= isize::MAX as u64) else {
                    return Err(self.raise_msg(Exc::OverflowError, "repeated bytes are too long"));
                };
                self.charge(size)?;
                bytes_value(data.repeat(count as usize))
            }
            _ => return Ok(None),
        }))
    }
}
