//! Text to bytes and back: `str.encode`, `bytes.decode`, `str(data, encoding)` and
//! `bytes(text, encoding)` with the UTF-8, ASCII and Latin-1 codecs and the `strict`,
//! `ignore` and `replace` error handlers, raising CPython's UnicodeEncodeError and
//! UnicodeDecodeError messages (Objects/exceptions.c).

use crate::builtins::{arity, kwarg, type_name_of};
use crate::bytes::{bytes_value, this};
use crate::native::{native, Args, Control, NResult};
use crate::value::Value;
use crate::{Exc, Vm};

/// The codecs gilsim provides, by CPython's normalised names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn lookup(vm: &mut Vm, name: &str) -> Result<Codec, Control> {
        let normal = name.to_ascii_lowercase().replace(['-', ' '], "_");
        match normal.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
            "ascii" | "us_ascii" | "646" => Ok(Codec::Ascii),
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => Ok(Codec::Latin1),
            _ => Err(vm.raise_msg(Exc::LookupError, format!("unknown encoding: {name}"))),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The largest code point the codec encodes as one byte (all of them for UTF-8).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => u32::MAX,
            Codec::Ascii => 0x7f,
            Codec::Latin1 => 0xff,
        }
    }
}

/// How a codec treats what it cannot convert (`errors=`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnError {
    Strict,
    Ignore,
    Replace,
}

pub(crate) fn codec_args(vm: &mut Vm, args: &Args, method: &str) -> Result<(Codec, OnError), Control> {
    let text = |vm: &mut Vm, v: Option<Value>, what: &str| match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s)),
        Some(other) => Err(vm.raise_msg(
            Exc::TypeError,
            format!("{method}() argument '{what}' must be str, not {}", type_name_of(&other)),
        )),
    };
    let encoding = text(vm, args.pos.get(1).cloned().or_else(|| kwarg(args, "encoding")), "encoding")?;
    let errors = text(vm, args.pos.get(2).cloned().or_else(|| kwarg(args, "errors")), "errors")?;
    let codec = Codec::lookup(vm, encoding.as_deref().unwrap_or("utf-8"))?;
    let on_error = match errors.as_deref().unwrap_or("strict") {
        "strict" => OnError::Strict,
        "ignore" => OnError::Ignore,
        "replace" => OnError::Replace,
        other => return Err(vm.raise_msg(Exc::LookupError, format!("unknown error handler name '{other}'"))),
    };
    Ok((codec, on_error))
}

/// `text.encode(codec)`: UTF-8 always succeeds; ASCII/Latin-1 stop at the first character
/// past their range (UnicodeEncodeError with CPython's message) unless told otherwise.
pub(crate) fn encode(vm: &mut Vm, text: &str, codec: Codec, on_error: OnError) -> Result<Vec<u8>, Control> {
    if codec == Codec::Utf8 {
        return Ok(text.as_bytes().to_vec());
    }
    let byte = |c: char| u8::try_from(u32::from(c)).ok().filter(|&b| u32::from(b) <= codec.limit());
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    for (position, &c) in chars.iter().enumerate() {
        match byte(c) {
            Some(b) => out.push(b),
            None if on_error == OnError::Ignore => {}
            None if on_error == OnError::Replace => out.push(b'?'),
            None => {
                // CPython reports the whole run of characters the codec cannot encode.
                let run = chars[position..].iter().take_while(|&&c| byte(c).is_none()).count();
                let range = if codec == Codec::Ascii { "range(128)" } else { "range(256)" };
                let what = if run == 1 {
                    format!("character '{}' in position {position}", escaped(c))
                } else {
                    format!("characters in position {position}-{}", position + run - 1)
                };
                let message = format!("'{}' codec can't encode {what}: ordinal not in {range}", codec.name());
                return Err(vm.raise_msg(Exc::UnicodeEncodeError, message));
            }
        }
    }
    Ok(out)
}

/// A character as Unicode errors show it: `\xe9`, `\u20ac`, `\U0001f600`.
fn escaped(c: char) -> String {
    match u32::from(c) {
        code @ 0..=0xff => format!("\\x{code:02x}"),
        code @ 0x100..=0xffff => format!("\\u{code:04x}"),
        code => format!("\\U{code:08x}"),
    }
}

fn decode(vm: &mut Vm, data: &[u8], codec: Codec, on_error: OnError) -> Result<String, Control> {
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| char::from(b)).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (position, &byte) in data.iter().enumerate() {
                match byte {
                    0..=0x7f => out.push(char::from(byte)),
                    _ if on_error == OnError::Ignore => {}
                    _ if on_error == OnError::Replace => out.push('\u{fffd}'),
                    _ => {
                        let message = format!(
                            "'ascii' codec can't decode byte 0x{byte:02x} in position {position}: ordinal not in range(128)"
                        );
                        return Err(vm.raise_msg(Exc::UnicodeDecodeError, message));
                    }
                }
            }
            Ok(out)
        }
        Codec::Utf8 => match std::str::from_utf8(data) {
            Ok(text) => Ok(text.to_string()),
            Err(_) if on_error == OnError::Replace => Ok(String::from_utf8_lossy(data).into_owned()),
            Err(_) if on_error == OnError::Ignore => {
                Ok(String::from_utf8_lossy(data).chars().filter(|&c| c != '\u{fffd}').collect())
            }
            Err(err) => Err(utf8_error(vm, data, err)),
        },
    }
}

/// CPython's UnicodeDecodeError for the first invalid UTF-8 sequence.
fn utf8_error(vm: &mut Vm, data: &[u8], err: std::str::Utf8Error) -> Control {
    let start = err.valid_up_to();
    let byte = data[start];
    let reason = match err.error_len() {
        None => "unexpected end of data",
        Some(_) if (0x80..0xc2).contains(&byte) || byte > 0xf4 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    let length = err.error_len().unwrap_or(data.len() - start);
    let message = if length == 1 {
        format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
    } else {
        format!("'utf-8' codec can't decode bytes in position {start}-{}: {reason}", start + length - 1)
    };
    vm.raise_msg(Exc::UnicodeDecodeError, message)
}

native!(STR_ENCODE, "str.encode", |vm, _th, args| {
    arity(vm, "encode", args, 1, 3)?;
    let text = crate::methods::this_str(args);
    let (codec, on_error) = codec_args(vm, args, "encode")?;
    let data = encode(vm, &text, codec, on_error)?;
    vm.charge(data.len() as u64)?;
    Ok(bytes_value(data))
});

native!(BYTES_DECODE, "bytes.decode", |vm, _th, args| {
    arity(vm, "decode", args, 1, 3)?;
    let (codec, on_error) = codec_args(vm, args, "decode")?;
    let text = decode(vm, &this(args), codec, on_error)?;
    Ok(Value::str(&text))
});

/// `str(data, encoding[, errors])`: `data.decode(...)`.
pub(crate) fn str_of_bytes(vm: &mut Vm, args: &Args) -> NResult {
    arity(vm, "str", args, 0, 3)?;
    let object = args.pos.first().cloned().or_else(|| kwarg(args, "object"));
    match object {
        Some(data @ (Value::Bytes(_) | Value::ByteArray(_))) => {
            let data = crate::bytes::bytes_like(&data).unwrap_or_default();
            let (codec, on_error) = codec_args(vm, args, "str")?;
            Ok(Value::str(&decode(vm, &data, codec, on_error)?))
        }
        Some(Value::Str(_)) => Err(vm.raise_msg(Exc::TypeError, "decoding str is not supported")),
        Some(other) => Err(vm.raise_msg(
            Exc::TypeError,
            format!("decoding to str: need a bytes-like object, {} found", type_name_of(&other)),
        )),
        None => Ok(Value::str("")),
    }
}
