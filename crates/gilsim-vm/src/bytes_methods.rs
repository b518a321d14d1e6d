//! The rest of the methods `bytes` and `bytearray` share (Objects/bytes_methods.c and
//! stringlib): padding (`center`, `ljust`, `rjust`, `zfill`, `expandtabs`), splitting from the
//! right and by lines, `partition`, prefixes, `translate`/`maketrans`, and ASCII case
//! (`capitalize`, `title`, `swapcase` and the `is...` tests). Each works on ASCII alone: a
//! byte above 127 is neither a letter nor whitespace, as in CPython, so these are not the
//! `str` methods over Latin-1.

use crate::builtins::{arity, int_arg, kwarg, type_name_of};
use crate::bytes::{bytes_like, find_at, like_receiver, rfind_at, split_args, this};
use crate::native::{native, Args, Control, NResult};
use crate::value::Value;
use crate::{Exc, Vm};

/// Whitespace as `bytes.split()` and `bytes.isspace()` read it (Python's, with the vertical
/// tab that Rust's `is_ascii_whitespace` leaves out).
pub(crate) fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// What a method taking a bytes-like argument raises for `value`.
fn bytes_required(vm: &mut Vm, value: &Value) -> Control {
    vm.raise_msg(Exc::TypeError, format!("a bytes-like object is required, not '{}'", type_name_of(value)))
}

/// `value`'s bytes, or the TypeError of a method taking a bytes-like argument.
fn bytes_of(vm: &mut Vm, value: &Value) -> Result<crate::value::Bytes, Control> {
    bytes_like(value).ok_or_else(|| bytes_required(vm, value))
}

pub(crate) const SHARED: [(&str, &crate::native::NativeFn); 19] = [
    ("isascii", &BYTES_ISASCII),
    ("capitalize", &BYTES_CAPITALIZE),
    ("center", &BYTES_CENTER),
    ("ljust", &BYTES_LJUST),
    ("rjust", &BYTES_RJUST),
    ("zfill", &BYTES_ZFILL),
    ("expandtabs", &BYTES_EXPANDTABS),
    ("islower", &BYTES_ISLOWER),
    ("isupper", &BYTES_ISUPPER),
    ("istitle", &BYTES_ISTITLE),
    ("partition", &BYTES_PARTITION),
    ("rpartition", &BYTES_RPARTITION),
    ("rsplit", &BYTES_RSPLIT),
    ("splitlines", &BYTES_SPLITLINES),
    ("swapcase", &BYTES_SWAPCASE),
    ("title", &BYTES_TITLE),
    ("translate", &BYTES_TRANSLATE),
    ("removeprefix", &BYTES_REMOVEPREFIX),
    ("removesuffix", &BYTES_REMOVESUFFIX),
];

native!(BYTES_CAPITALIZE, "bytes.capitalize", |vm, _th, args| {
    arity(vm, "capitalize", args, 1, 1)?;
    let data = this(args);
    let out =
        data.iter().enumerate().map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() });
    Ok(like_receiver(args, out.collect::<Vec<u8>>()))
});

native!(BYTES_SWAPCASE, "bytes.swapcase", |vm, _th, args| {
    arity(vm, "swapcase", args, 1, 1)?;
    let swap = |b: &u8| if b.is_ascii_lowercase() { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() };
    Ok(like_receiver(args, this(args).iter().map(swap).collect::<Vec<u8>>()))
});

native!(BYTES_TITLE, "bytes.title", |vm, _th, args| {
    arity(vm, "title", args, 1, 1)?;
    // A letter after a letter is lowered, any other letter raised.
    let mut previous_cased = false;
    let out = this(args)
        .iter()
        .map(|&b| {
            let out = if previous_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
            previous_cased = b.is_ascii_alphabetic();
            out
        })
        .collect::<Vec<u8>>();
    Ok(like_receiver(args, out))
});

fn case_test(args: &Args, wanted: fn(&u8) -> bool, unwanted: fn(&u8) -> bool) -> NResult {
    let data = this(args);
    Ok(Value::bool(data.iter().any(wanted) && !data.iter().any(unwanted)))
}

native!(BYTES_ISLOWER, "bytes.islower", |vm, _th, args| {
    arity(vm, "islower", args, 1, 1)?;
    case_test(args, u8::is_ascii_lowercase, u8::is_ascii_uppercase)
});
native!(BYTES_ISUPPER, "bytes.isupper", |vm, _th, args| {
    arity(vm, "isupper", args, 1, 1)?;
    case_test(args, u8::is_ascii_uppercase, u8::is_ascii_lowercase)
});

native!(BYTES_ISTITLE, "bytes.istitle", |vm, _th, args| {
    arity(vm, "istitle", args, 1, 1)?;
    // Upper case only after an uncased byte, lower case only after a cased one.
    let (mut cased, mut previous_cased) = (false, false);
    for b in this(args).iter() {
        if b.is_ascii_uppercase() {
            if previous_cased {
                return Ok(Value::bool(false));
            }
            (cased, previous_cased) = (true, true);
        } else if b.is_ascii_lowercase() {
            if !previous_cased {
                return Ok(Value::bool(false));
            }
            (cased, previous_cased) = (true, true);
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::bool(cased))
});

/// A padding method's width and fill byte (argument 2, a byte string of length 1).
fn padding(vm: &mut Vm, args: &Args, method: &str) -> Result<(usize, u8), Control> {
    arity(vm, method, args, 2, 3)?;
    let width = usize::try_from(int_arg(vm, &args.pos[1], "")?).unwrap_or(0);
    let fill = match args.pos.get(2) {
        None => b' ',
        Some(value) => match bytes_like(value) {
            Some(fill) if fill.len() == 1 => fill[0],
            _ => {
                let message =
                    format!("{method}() argument 2 must be a byte string of length 1, not {}", type_name_of(value));
                return Err(vm.raise_msg(Exc::TypeError, message));
            }
        },
    };
    Ok((width, fill))
}

/// `data` with `left` and `right` fill bytes around it, charged to the heap first
/// (`b"x".center(10**12)` is a MemoryError, as past the run's memory limit).
fn padded(vm: &mut Vm, data: &[u8], left: usize, right: usize, fill: u8) -> Result<Vec<u8>, Control> {
    let size = left.saturating_add(data.len()).saturating_add(right);
    vm.charge(size as u64)?;
    let mut out = Vec::with_capacity(size);
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(size, fill);
    Ok(out)
}

native!(BYTES_CENTER, "bytes.center", |vm, _th, args| {
    let (width, fill) = padding(vm, args, "center")?;
    let data = this(args);
    let margin = width.saturating_sub(data.len());
    // stringlib's pad: the odd byte goes left when the width is odd.
    let left = margin / 2 + (margin & width & 1);
    Ok(like_receiver(args, padded(vm, &data, left, margin - left, fill)?))
});

native!(BYTES_LJUST, "bytes.ljust", |vm, _th, args| {
    let (width, fill) = padding(vm, args, "ljust")?;
    let data = this(args);
    Ok(like_receiver(args, padded(vm, &data, 0, width.saturating_sub(data.len()), fill)?))
});

native!(BYTES_RJUST, "bytes.rjust", |vm, _th, args| {
    let (width, fill) = padding(vm, args, "rjust")?;
    let data = this(args);
    Ok(like_receiver(args, padded(vm, &data, width.saturating_sub(data.len()), 0, fill)?))
});

native!(BYTES_ZFILL, "bytes.zfill", |vm, _th, args| {
    arity(vm, "zfill", args, 2, 2)?;
    let width = usize::try_from(int_arg(vm, &args.pos[1], "")?).unwrap_or(0);
    let data = this(args);
    let mut out = padded(vm, &data, width.saturating_sub(data.len()), 0, b'0')?;
    // A sign moves to the front, ahead of the zeros.
    let fill = out.len() - data.len();
    if fill > 0 && matches!(out.get(fill), Some(b'+' | b'-')) {
        out.swap(0, fill);
    }
    Ok(like_receiver(args, out))
});

native!(BYTES_EXPANDTABS, "bytes.expandtabs", |vm, _th, args| {
    arity(vm, "expandtabs", args, 1, 2)?;
    let size = match args.pos.get(1).cloned().or_else(|| kwarg(args, "tabsize")) {
        Some(n) => int_arg(vm, &n, "")?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut column = 0usize;
    for &b in this(args).iter() {
        match b {
            b'\t' => {
                if let Ok(size) = usize::try_from(size) {
                    if size > 0 {
                        let spaces = size - column % size;
                        out.resize(out.len() + spaces, b' ');
                        column += spaces;
                    }
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                column = 0;
            }
            _ => {
                out.push(b);
                column += 1;
            }
        }
    }
    Ok(like_receiver(args, out))
});

/// The separator of `partition`/`rpartition`: bytes-like and not empty.
fn separator(vm: &mut Vm, args: &Args, method: &str) -> Result<crate::value::Bytes, Control> {
    arity(vm, method, args, 2, 2)?;
    let sep = bytes_of(vm, &args.pos[1])?;
    if sep.is_empty() {
        return Err(vm.raise_msg(Exc::ValueError, "empty separator"));
    }
    Ok(sep)
}

fn three_parts(args: &Args, data: &[u8], at: Option<(usize, usize)>, from_right: bool) -> Value {
    let parts = match at {
        Some((start, end)) => [&data[..start], &data[start..end], &data[end..]],
        None if from_right => [&data[..0], &data[..0], data],
        None => [data, &data[..0], &data[..0]],
    };
    Value::tuple(parts.iter().map(|part| like_receiver(args, *part)).collect())
}

native!(BYTES_PARTITION, "bytes.partition", |vm, _th, args| {
    let sep = separator(vm, args, "partition")?;
    let data = this(args);
    let at = find_at(&data, &sep, 0).map(|i| (i, i + sep.len()));
    Ok(three_parts(args, &data, at, false))
});

native!(BYTES_RPARTITION, "bytes.rpartition", |vm, _th, args| {
    let sep = separator(vm, args, "rpartition")?;
    let data = this(args);
    let at = rfind_at(&data, &sep, 0).map(|i| (i, i + sep.len()));
    Ok(three_parts(args, &data, at, true))
});

native!(BYTES_RSPLIT, "bytes.rsplit", |vm, _th, args| {
    let (sep, limit) = split_args(vm, args, "rsplit")?;
    let data = this(args);
    let mut parts: Vec<Value> = Vec::new();
    match sep {
        Some(sep) if sep.is_empty() => return Err(vm.raise_msg(Exc::ValueError, "empty separator")),
        Some(sep) => {
            let mut end = data.len();
            while parts.len() < limit {
                let Some(at) = rfind_at(&data[..end], &sep, 0) else { break };
                parts.push(like_receiver(args, &data[at + sep.len()..end]));
                end = at;
            }
            parts.push(like_receiver(args, &data[..end]));
        }
        None => {
            let mut rest = trim_end(&data);
            while !rest.is_empty() {
                if parts.len() == limit {
                    parts.push(like_receiver(args, trim_start(rest)));
                    break;
                }
                let start = rest.iter().rposition(is_space).map_or(0, |i| i + 1);
                parts.push(like_receiver(args, &rest[start..]));
                rest = trim_end(&rest[..start]);
            }
        }
    }
    parts.reverse();
    Ok(Value::list(parts))
});

pub(crate) fn trim_start(data: &[u8]) -> &[u8] {
    &data[data.iter().take_while(|b| is_space(b)).count()..]
}

pub(crate) fn trim_end(data: &[u8]) -> &[u8] {
    &data[..data.len() - data.iter().rev().take_while(|b| is_space(b)).count()]
}

native!(BYTES_SPLITLINES, "bytes.splitlines", |vm, th, args| {
    arity(vm, "splitlines", args, 1, 2)?;
    let keepends = match args.pos.get(1).cloned().or_else(|| kwarg(args, "keepends")) {
        Some(keep) => vm.truthy(th, &keep)?,
        None => false,
    };
    let data = this(args);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Lines end at \n, \r and \r\n only (str's other separators are not bytes').
    while i < data.len() {
        let end = match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' | b'\n' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        lines.push(like_receiver(args, &data[start..if keepends { end } else { i }]));
        start = end;
        i = end;
    }
    if start < data.len() {
        lines.push(like_receiver(args, &data[start..]));
    }
    Ok(Value::list(lines))
});

native!(BYTES_TRANSLATE, "bytes.translate", |vm, _th, args| {
    arity(vm, "translate", args, 2, 3)?;
    let table = match &args.pos[1] {
        Value::None => None,
        other => match bytes_of(vm, other)? {
            table if table.len() == 256 => Some(table),
            _ => return Err(vm.raise_msg(Exc::ValueError, "translation table must be 256 characters long")),
        },
    };
    let delete = match args.pos.get(2).cloned().or_else(|| kwarg(args, "delete")) {
        Some(delete) => bytes_of(vm, &delete)?,
        None => Default::default(),
    };
    let out = this(args)
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |table| table[usize::from(b)]))
        .collect::<Vec<u8>>();
    Ok(like_receiver(args, out))
});

native!(BYTES_MAKETRANS, "bytes.maketrans", |vm, _th, args| {
    arity(vm, "maketrans", args, 2, 2)?;
    let from = bytes_of(vm, &args.pos[0])?;
    let to = bytes_of(vm, &args.pos[1])?;
    if from.len() != to.len() {
        return Err(vm.raise_msg(Exc::ValueError, "maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[usize::from(*f)] = *t;
    }
    Ok(crate::bytes::bytes_value(table))
});

/// A method newer than the version simulated is missing there: CPython's AttributeError.
fn require(vm: &mut Vm, args: &Args, method: &str, since: (u8, u8)) -> Result<(), Control> {
    if vm.options.python >= gilsim_core::PythonVersion::new(since.0, since.1) {
        return Ok(());
    }
    let message = format!("'{}' object has no attribute '{method}'", type_name_of(&args.pos[0]));
    Err(vm.raise_msg(Exc::AttributeError, message))
}

native!(BYTES_ISASCII, "bytes.isascii", |vm, _th, args| {
    require(vm, args, "isascii", (3, 7))?;
    arity(vm, "isascii", args, 1, 1)?;
    Ok(Value::bool(this(args).is_ascii()))
});

fn remove_affix(vm: &mut Vm, args: &Args, method: &str, prefix: bool) -> NResult {
    require(vm, args, method, (3, 9))?;
    arity(vm, method, args, 2, 2)?;
    let data = this(args);
    let affix = bytes_of(vm, &args.pos[1])?;
    let kept = match prefix {
        true => data.strip_prefix(&affix[..]),
        false => data.strip_suffix(&affix[..]),
    };
    Ok(like_receiver(args, kept.unwrap_or(&data[..])))
}

native!(BYTES_REMOVEPREFIX, "bytes.removeprefix", |vm, _th, args| remove_affix(vm, args, "removeprefix", true));
native!(BYTES_REMOVESUFFIX, "bytes.removesuffix", |vm, _th, args| remove_affix(vm, args, "removesuffix", false));
