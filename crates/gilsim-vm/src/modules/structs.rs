//! The packing behind the library's `struct` (library/struct.py): CPython's Modules/_struct.c
//! format language — a byte-order prefix (`@` native with alignment, `=`, `<`, `>`, `!`
//! standard sizes), counts, and the codes `x c b B ? h H i I l L q Q n N e f d s p P` — with
//! its `struct.error` messages per release (3.12 words every range error as
//! `'X' format requires lo <= number <= hi`). The machine is a 64-bit little-endian Linux, as
//! CPython's native sizes and alignment here are. The natives take the module's `error` class
//! first, so they raise `struct.error` itself.

use crate::builtins::arity;
use crate::int::{as_int, from_big, Int};
use crate::native::{native, NativeFn};
use crate::value::{Bytes, Value};
use crate::{Control, Exc, Thread, Vm};
use gilsim_core::PythonVersion;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub const NATIVES: [&NativeFn; 3] = [&STRUCT_CALCSIZE, &STRUCT_PACK, &STRUCT_UNPACK];

/// One code of a format with its repeat count and the offset of its first byte.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    offset: usize,
}

/// A parsed format: its items, total size, and whether it is native (`@`) and little-endian.
struct Layout {
    items: Vec<Item>,
    size: usize,
    native: bool,
    little: bool,
}

impl Layout {
    /// How many values packing takes (and unpacking gives): `s`/`p` take one per run, `x` none.
    fn arity(&self) -> usize {
        self.items
            .iter()
            .map(|item| match item.code {
                b'x' => 0,
                b's' | b'p' => 1,
                _ => item.count,
            })
            .sum()
    }
}

fn item_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

/// Parse `fmt`; `None` for CPython's "bad char in struct format".
fn parse(fmt: &[u8]) -> Option<Layout> {
    let (native, little, body) = match fmt.first() {
        Some(b'@') => (true, true, &fmt[1..]),
        Some(b'=' | b'<') => (false, true, &fmt[1..]),
        Some(b'>' | b'!') => (false, false, &fmt[1..]),
        _ => (true, true, fmt),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while i < body.len() && body[i].is_ascii_digit() {
            let digit = usize::from(body[i] - b'0');
            count = Some(count.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
            i += 1;
        }
        let code = *body.get(i)?;
        i += 1;
        let count = count.unwrap_or(1);
        let width = item_size(code, native)?;
        if native && !matches!(code, b's' | b'p' | b'x' | b'c' | b'b' | b'B' | b'?') {
            size = size.div_ceil(width) * width;
        }
        items.push(Item { code, count, offset: size });
        size = size.checked_add(width.checked_mul(count)?)?;
    }
    Some(Layout { items, size, native, little })
}

fn layout(vm: &mut Vm, error: &Value, fmt: &Value) -> Result<Layout, Control> {
    let bytes: &[u8] = match fmt {
        Value::Str(s) => s.as_bytes(),
        Value::Bytes(b) => b,
        other => {
            let name = crate::builtins::type_name_of(other);
            let message = format!("Struct() argument 1 must be a str or bytes object, not {name}");
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
    };
    match parse(bytes) {
        Some(layout) => Ok(layout),
        None => Err(struct_error(vm, error, "bad char in struct format")),
    }
}

fn struct_error(vm: &mut Vm, error: &Value, message: &str) -> Control {
    match error {
        Value::Class(class) => Control::Raise(vm.instantiate_exception(class.clone(), vec![Value::str(message)])),
        _ => vm.raise_msg(Exc::TypeError, "struct natives take the error class first"),
    }
}

// `struct_calcsize(error, fmt)`.
native!(STRUCT_CALCSIZE, "_gilsim.struct_calcsize", |vm, _th, args| {
    arity(vm, "struct_calcsize", args, 2, 2)?;
    let layout = layout(vm, &args.pos[0], &args.pos[1])?;
    Ok(Value::Int(layout.size as i64))
});

// `struct_pack(error, fmt, values)`: the bytes of `values` (a tuple) laid out by `fmt`.
native!(STRUCT_PACK, "_gilsim.struct_pack", |vm, th, args| {
    arity(vm, "struct_pack", args, 3, 3)?;
    let error = args.pos[0].clone();
    let layout = layout(vm, &error, &args.pos[1])?;
    let Value::Tuple(values) = &args.pos[2] else {
        return Err(vm.raise_msg(Exc::TypeError, "struct_pack takes a tuple of values"));
    };
    if values.len() != layout.arity() {
        let message = format!("pack expected {} items for packing (got {})", layout.arity(), values.len());
        return Err(struct_error(vm, &error, &message));
    }
    let mut out = vec![0u8; layout.size];
    let mut next = values.iter();
    for item in &layout.items {
        match item.code {
            b'x' => {}
            b's' | b'p' => {
                let value = next.next().cloned().unwrap_or_default();
                pack_string(vm, &error, item, &value, &mut out)?;
            }
            code => {
                let width = item_size(code, layout.native).unwrap_or(1);
                for k in 0..item.count {
                    let value = next.next().cloned().unwrap_or_default();
                    let at = item.offset + k * width;
                    let field = pack_one(vm, th, &error, &layout, code, &value)?;
                    out[at..at + width].copy_from_slice(&field);
                }
            }
        }
    }
    Ok(Value::Bytes(out.into()))
});

fn pack_string(vm: &mut Vm, error: &Value, item: &Item, value: &Value, out: &mut [u8]) -> Result<(), Control> {
    let Value::Bytes(data) = value else {
        let message = format!("argument for '{}' must be a bytes object", char::from(item.code));
        return Err(struct_error(vm, error, &message));
    };
    let field = &mut out[item.offset..item.offset + item.count];
    if item.code == b's' {
        let n = data.len().min(item.count);
        field[..n].copy_from_slice(&data[..n]);
    } else if item.count > 0 {
        let n = data.len().min(item.count - 1).min(255);
        field[0] = n as u8;
        field[1..=n].copy_from_slice(&data[..n]);
    }
    Ok(())
}

/// The bytes of one value of an integer, float, bool or char code.
fn pack_one(
    vm: &mut Vm,
    th: &mut Thread,
    error: &Value,
    layout: &Layout,
    code: u8,
    value: &Value,
) -> Result<Vec<u8>, Control> {
    let width = item_size(code, layout.native).unwrap_or(1);
    let ordered = |mut bytes: Vec<u8>| {
        if !layout.little {
            bytes.reverse();
        }
        bytes
    };
    match code {
        b'c' => match value {
            Value::Bytes(b) if b.len() == 1 => Ok(vec![b[0]]),
            _ => Err(struct_error(vm, error, "char format requires a bytes object of length 1")),
        },
        b'?' => Ok(vec![u8::from(vm.truthy(th, value)?)]),
        b'e' | b'f' | b'd' => {
            let x = match value {
                Value::Float(f) => f.get(),
                other => match as_int(other).and_then(|i| i.big().to_f64()) {
                    Some(f) if f.is_finite() => f,
                    _ => return Err(struct_error(vm, error, "required argument is not a float")),
                },
            };
            let bytes = match code {
                b'd' => x.to_le_bytes().to_vec(),
                b'f' => {
                    let narrow = x as f32;
                    if narrow.is_infinite() && x.is_finite() && !layout.native {
                        return Err(vm.raise_msg(Exc::OverflowError, "float too large to pack with f format"));
                    }
                    narrow.to_le_bytes().to_vec()
                }
                _ => match pack_half(x) {
                    Some(bits) => bits.to_le_bytes().to_vec(),
                    None => return Err(vm.raise_msg(Exc::OverflowError, "float too large to pack with e format")),
                },
            };
            Ok(ordered(bytes))
        }
        _ => {
            let Some(int) = as_int(value) else {
                return Err(struct_error(vm, error, "required argument is not an integer"));
            };
            let big = int.big().into_owned();
            let signed = code.is_ascii_lowercase();
            check_range(vm, error, code, width, signed, &big)?;
            let mut bytes = if signed { big.to_signed_bytes_le() } else { big.to_bytes_le().1 };
            let fill = if big < BigInt::from(0) { 0xff } else { 0 };
            bytes.resize(width, fill);
            Ok(ordered(bytes))
        }
    }
}

/// CPython's range check for integer codes, with the message its release gives.
fn check_range(
    vm: &mut Vm,
    error: &Value,
    code: u8,
    width: usize,
    signed: bool,
    value: &BigInt,
) -> Result<(), Control> {
    let bits = 8 * width as u32;
    let (lo, hi) = if signed {
        (-(BigInt::from(1) << (bits - 1)), (BigInt::from(1) << (bits - 1)) - 1)
    } else {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    };
    if *value >= lo && *value <= hi {
        return Ok(());
    }
    let python = vm.options.python;
    let ranged = format!("'{}' format requires {lo} <= number <= {hi}", char::from(code));
    let message = if python >= PythonVersion::new(3, 12) {
        ranged
    } else if let Some(named) = named_range_error(code, python) {
        named.to_string()
    } else {
        let fits_c_long = if signed { i64::try_from(value).is_ok() } else { u64::try_from(value).is_ok() };
        if fits_c_long && width < 8 {
            ranged
        } else {
            "argument out of range".to_string()
        }
    };
    Err(struct_error(vm, error, &message))
}

/// Before 3.12 the one-byte and two-byte codes named their C type.
fn named_range_error(code: u8, python: PythonVersion) -> Option<&'static str> {
    let hex = python < PythonVersion::new(3, 11);
    Some(match code {
        b'b' => "byte format requires -128 <= number <= 127",
        b'B' => "ubyte format requires 0 <= number <= 255",
        b'h' if hex => "short format requires (-0x7fff - 1) <= number <= 0x7fff",
        b'h' => "short format requires -32768 <= number <= 32767",
        b'H' if hex => "ushort format requires 0 <= number <= (0x7fff * 2 + 1)",
        b'H' => "ushort format requires 0 <= number <= 65535",
        _ => return None,
    })
}

/// IEEE 754 half precision, rounding half to even (CPython's PyFloat_Pack2); `None` on overflow.
fn pack_half(x: f64) -> Option<u16> {
    let sign = u16::from(x.is_sign_negative()) << 15;
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let (mut f, mut e) = crate::hash::frexp(a);
    f *= 2.0;
    e -= 1;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - f64::from(bits);
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(sign | ((e as u16) << 10) | bits)
}

fn unpack_half(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((bits >> 10) & 0x1f);
    let f = f64::from(bits & 0x3ff);
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 if f == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

// `struct_unpack(error, fmt, data, offset, mode)`: the values in `data[offset:]`; `mode` words
// the size error as `unpack`, `unpack_from` or `iter_unpack` do.
native!(STRUCT_UNPACK, "_gilsim.struct_unpack", |vm, _th, args| {
    arity(vm, "struct_unpack", args, 5, 5)?;
    let error = args.pos[0].clone();
    let layout = layout(vm, &error, &args.pos[1])?;
    let (Value::Bytes(data), Some(Int::Small(offset)), Value::Str(mode)) =
        (&args.pos[2], as_int(&args.pos[3]), &args.pos[4])
    else {
        return Err(vm.raise_msg(Exc::TypeError, "a bytes-like object is required"));
    };
    let start = usize::try_from(offset).unwrap_or(usize::MAX);
    let fits = match &**mode {
        "unpack" => data.len() == layout.size,
        _ => start <= data.len() && data.len() - start >= layout.size,
    };
    if !fits {
        let message = size_error(vm, &layout, data.len(), start, mode);
        return Err(struct_error(vm, &error, &message));
    }
    let data = &data[start..start + layout.size];
    let mut values = Vec::with_capacity(layout.arity());
    for item in &layout.items {
        let width = item_size(item.code, layout.native).unwrap_or(1);
        match item.code {
            b'x' => {}
            b's' => values.push(Value::Bytes(data[item.offset..item.offset + item.count].into())),
            b'p' => {
                let field = &data[item.offset..item.offset + item.count];
                let n = field.first().map_or(0, |&n| usize::from(n).min(item.count.saturating_sub(1)));
                values.push(Value::Bytes(field.get(1..=n).unwrap_or_default().into()));
            }
            code => {
                for k in 0..item.count {
                    let at = item.offset + k * width;
                    let mut field = data[at..at + width].to_vec();
                    if !layout.little {
                        field.reverse();
                    }
                    values.push(unpack_one(code, &field));
                }
            }
        }
    }
    Ok(Value::tuple(values))
});

fn size_error(vm: &Vm, layout: &Layout, len: usize, start: usize, mode: &str) -> String {
    let size = layout.size;
    match mode {
        "unpack" => format!("unpack requires a buffer of {size} bytes"),
        _ if vm.options.python < PythonVersion::new(3, 7) => {
            format!("unpack_from requires a buffer of at least {size} bytes")
        }
        _ if start > len => format!("offset {start} out of range for {len}-byte buffer"),
        _ => format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {start} \
             (actual buffer size is {len})",
            size + start
        ),
    }
}

/// One value from its little-endian bytes.
fn unpack_one(code: u8, field: &[u8]) -> Value {
    match code {
        b'c' => Value::Bytes(Bytes::from(field)),
        b'?' => Value::bool(field[0] != 0),
        b'e' => Value::float(unpack_half(u16::from_le_bytes([field[0], field[1]]))),
        b'f' => Value::float(f64::from(f32::from_le_bytes([field[0], field[1], field[2], field[3]]))),
        b'd' => {
            let mut raw = [0u8; 8];
            raw.copy_from_slice(field);
            Value::float(f64::from_le_bytes(raw))
        }
        code if code.is_ascii_lowercase() => from_big(BigInt::from_signed_bytes_le(field)),
        _ => from_big(BigInt::from_bytes_le(num_bigint::Sign::Plus, field)),
    }
}
