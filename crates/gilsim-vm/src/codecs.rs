//! Text to bytes and back: `str.encode`, `bytes.decode`, `str(data, encoding)` and
//! `bytes(text, encoding)` with the UTF-8, UTF-16, UTF-32, ASCII and Latin-1 codecs and the
//! `strict`, `ignore`, `replace`, `backslashreplace` and (encoding) `xmlcharrefreplace` error
//! handlers, raising CPython's UnicodeEncodeError and UnicodeDecodeError with their
//! arguments (crate::unicode_errors).

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
    /// UTF-16 or UTF-32 (`width` 2 or 4 bytes a unit), in one byte order, or (`order`
    /// None) with a byte order mark: little-endian, as CPython's on this machine.
    Wide {
        width: u8,
        order: Option<ByteOrder>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ByteOrder {
    Little,
    Big,
}

impl Codec {
    fn lookup(vm: &mut Vm, name: &str) -> Result<Codec, Control> {
        let normal = name.to_ascii_lowercase().replace(['-', ' '], "_");
        match normal.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
            "ascii" | "us_ascii" | "646" => Ok(Codec::Ascii),
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => Ok(Codec::Latin1),
            "utf_16" | "utf16" | "u16" => Ok(Codec::Wide { width: 2, order: None }),
            "utf_16_le" | "utf_16le" => Ok(Codec::Wide { width: 2, order: Some(ByteOrder::Little) }),
            "utf_16_be" | "utf_16be" => Ok(Codec::Wide { width: 2, order: Some(ByteOrder::Big) }),
            "utf_32" | "utf32" | "u32" => Ok(Codec::Wide { width: 4, order: None }),
            "utf_32_le" | "utf_32le" => Ok(Codec::Wide { width: 4, order: Some(ByteOrder::Little) }),
            "utf_32_be" | "utf_32be" => Ok(Codec::Wide { width: 4, order: Some(ByteOrder::Big) }),
            _ => Err(vm.raise_msg(Exc::LookupError, format!("unknown encoding: {name}"))),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Wide { width: 2, order: None } => "utf-16",
            Codec::Wide { width: 2, order: Some(ByteOrder::Little) } => "utf-16-le",
            Codec::Wide { width: 2, order: Some(ByteOrder::Big) } => "utf-16-be",
            Codec::Wide { order: None, .. } => "utf-32",
            Codec::Wide { order: Some(ByteOrder::Little), .. } => "utf-32-le",
            Codec::Wide { order: Some(ByteOrder::Big), .. } => "utf-32-be",
        }
    }

    /// The largest code point the codec encodes as one byte (all of them for UTF-8).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 | Codec::Wide { .. } => u32::MAX,
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
    /// `\xe9`, `\u20ac` for a character, `\xff` for a byte.
    Backslash,
    /// `&#233;` (encoding only).
    XmlCharRef,
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
        "backslashreplace" => OnError::Backslash,
        "xmlcharrefreplace" => OnError::XmlCharRef,
        other => return Err(vm.raise_msg(Exc::LookupError, format!("unknown error handler name '{other}'"))),
    };
    Ok((codec, on_error))
}

/// `text.encode(codec)`: UTF-8 always succeeds; ASCII/Latin-1 stop at the first character
/// past their range (UnicodeEncodeError with CPython's message) unless told otherwise.
pub(crate) fn encode(vm: &mut Vm, text: &str, codec: Codec, on_error: OnError) -> Result<Vec<u8>, Control> {
    match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Wide { width, order } => return Ok(encode_wide(text, width, order)),
        Codec::Ascii | Codec::Latin1 => {}
    }
    let byte = |c: char| u8::try_from(u32::from(c)).ok().filter(|&b| u32::from(b) <= codec.limit());
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    for (position, &c) in chars.iter().enumerate() {
        match byte(c) {
            Some(b) => out.push(b),
            None if on_error == OnError::Ignore => {}
            None if on_error == OnError::Replace => out.push(b'?'),
            None if on_error == OnError::Backslash => out.extend(escaped(c).bytes()),
            None if on_error == OnError::XmlCharRef => out.extend(format!("&#{};", u32::from(c)).bytes()),
            None => {
                // CPython reports the whole run of characters the codec cannot encode.
                let run = chars[position..].iter().take_while(|&&c| byte(c).is_none()).count();
                let reason =
                    if codec == Codec::Ascii { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
                let span = (position, position + run);
                return Err(vm.raise_unicode_error(
                    Exc::UnicodeEncodeError,
                    codec.name(),
                    Value::str(text),
                    span,
                    reason,
                ));
            }
        }
    }
    Ok(out)
}

/// A character as Unicode errors and reprs show it: `\xe9`, `\u20ac`, `\U0001f600`.
pub(crate) fn escaped(c: char) -> String {
    match u32::from(c) {
        code @ 0..=0xff => format!("\\x{code:02x}"),
        code @ 0x100..=0xffff => format!("\\u{code:04x}"),
        code => format!("\\U{code:08x}"),
    }
}

/// UTF-16 or UTF-32: a byte order mark first when the codec names no order.
fn encode_wide(text: &str, width: u8, order: Option<ByteOrder>) -> Vec<u8> {
    let mut units: Vec<u32> = Vec::with_capacity(text.len() + 1);
    if order.is_none() {
        units.push(0xfeff);
    }
    if width == 2 {
        units.extend(text.encode_utf16().map(u32::from));
    } else {
        units.extend(text.chars().map(u32::from));
    }
    let big = order == Some(ByteOrder::Big);
    let mut out = Vec::with_capacity(units.len() * usize::from(width));
    for unit in units {
        let bytes = unit.to_le_bytes();
        let unit_bytes = &bytes[..usize::from(width)];
        if big {
            out.extend(unit_bytes.iter().rev());
        } else {
            out.extend(unit_bytes);
        }
    }
    out
}

/// UTF-16 or UTF-32 back to text (a leading byte order mark decides and is dropped when the
/// codec names no order), with CPython's errors: "truncated data", "illegal encoding",
/// "code point not in range(0x110000)".
fn decode_wide(vm: &mut Vm, data: &[u8], codec: Codec, on_error: OnError) -> Result<String, Control> {
    let Codec::Wide { width, order } = codec else { unreachable!("a wide codec") };
    let width = usize::from(width);
    let (mut big, mut start) = (order == Some(ByteOrder::Big), 0);
    if order.is_none() && data.len() >= width {
        let mark = &data[..width];
        let little_mark: &[u8] = if width == 2 { &[0xff, 0xfe] } else { &[0xff, 0xfe, 0, 0] };
        let big_mark: &[u8] = if width == 2 { &[0xfe, 0xff] } else { &[0, 0, 0xfe, 0xff] };
        if mark == little_mark || mark == big_mark {
            big = mark == big_mark;
            start = width;
        }
    }
    let unit_at = |at: usize| {
        let bytes = &data[at..at + width];
        let fold = |acc: u32, &b: &u8| (acc << 8) | u32::from(b);
        if big {
            bytes.iter().fold(0, fold)
        } else {
            bytes.iter().rev().fold(0, fold)
        }
    };
    // Errors name the byte order the data was read in.
    let named = Codec::Wide { width: width as u8, order: Some(if big { ByteOrder::Big } else { ByteOrder::Little }) };
    let mut out = String::with_capacity(data.len() / width);
    let mut at = start;
    let fail = |vm: &mut Vm, out: &mut String, at: usize, end: usize, reason: &str| -> Result<(), Control> {
        match on_error {
            OnError::Ignore => Ok(()),
            OnError::Replace => {
                out.push('\u{fffd}');
                Ok(())
            }
            OnError::Backslash => {
                out.extend(data[at..end].iter().map(|&b| escaped(char::from(b))));
                Ok(())
            }
            OnError::XmlCharRef => Err(handler_cannot_decode(vm, codec)),
            OnError::Strict => Err(decoding_error(vm, named.name(), data, (at, end), reason)),
        }
    };
    while at < data.len() {
        if at + width > data.len() {
            fail(vm, &mut out, at, data.len(), "truncated data")?;
            break;
        }
        let unit = unit_at(at);
        if width == 4 {
            match char::from_u32(unit) {
                Some(c) => out.push(c),
                None if unit > 0x10ffff => fail(vm, &mut out, at, at + 4, "code point not in range(0x110000)")?,
                None => fail(vm, &mut out, at, at + 4, "code point in surrogate code point range(0xd800, 0xe000)")?,
            }
            at += 4;
            continue;
        }
        if !(0xd800..0xe000).contains(&unit) {
            out.push(char::from_u32(unit).expect("not a surrogate"));
            at += 2;
        } else if at + 4 > data.len() && (unit < 0xdc00 || vm.options.python < gilsim_core::PythonVersion::new(3, 7)) {
            // 3.6 asks for the next unit before it looks at which surrogate this is.
            fail(vm, &mut out, at, data.len(), "unexpected end of data")?;
            break;
        } else if unit >= 0xdc00 {
            fail(vm, &mut out, at, at + 2, "illegal encoding")?;
            at += 2;
        } else if at + 4 > data.len() {
            fail(vm, &mut out, at, data.len(), "unexpected end of data")?;
            break;
        } else {
            let low = unit_at(at + 2);
            if (0xdc00..0xe000).contains(&low) {
                out.push(char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)).expect("a pair"));
                at += 4;
            } else {
                fail(vm, &mut out, at, at + 2, "illegal UTF-16 surrogate")?;
                at += 2;
            }
        }
    }
    Ok(out)
}

fn decode(vm: &mut Vm, data: &[u8], codec: Codec, on_error: OnError) -> Result<String, Control> {
    // 2.7's backslashreplace only encodes.
    let on_error =
        if on_error == OnError::Backslash && vm.options.python.major == 2 { OnError::XmlCharRef } else { on_error };
    match codec {
        Codec::Wide { .. } => decode_wide(vm, data, codec, on_error),
        Codec::Latin1 => Ok(data.iter().map(|&b| char::from(b)).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (position, &byte) in data.iter().enumerate() {
                match byte {
                    0..=0x7f => out.push(char::from(byte)),
                    _ if on_error == OnError::Ignore => {}
                    _ if on_error == OnError::Replace => out.push('\u{fffd}'),
                    _ if on_error == OnError::Backslash => out.push_str(&escaped(char::from(byte))),
                    _ if on_error == OnError::XmlCharRef => return Err(handler_cannot_decode(vm, codec)),
                    _ => {
                        let span = (position, position + 1);
                        return Err(decoding_error(vm, "ascii", data, span, "ordinal not in range(128)"));
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
            Err(_) if on_error == OnError::Backslash => Ok(utf8_backslashed(data)),
            Err(_) if on_error == OnError::XmlCharRef => Err(handler_cannot_decode(vm, codec)),
            Err(err) => Err(utf8_error(vm, data, err)),
        },
    }
}

/// A handler that only encodes (`xmlcharrefreplace`; `backslashreplace` in 2.7) met bytes it
/// cannot decode. Until 3.12 the UTF-16/32 codecs' wrapper names itself in the message.
fn handler_cannot_decode(vm: &mut Vm, codec: Codec) -> Control {
    let message = "don't know how to handle UnicodeDecodeError in error callback";
    if matches!(codec, Codec::Wide { .. }) && vm.options.python < gilsim_core::PythonVersion::new(3, 12) {
        let wrapped = format!("decoding with '{}' codec failed (TypeError: {message})", codec.name());
        return vm.raise_msg(Exc::TypeError, wrapped);
    }
    vm.raise_msg(Exc::TypeError, message)
}

/// UTF-8 with each byte of an invalid sequence written `\xNN`.
fn utf8_backslashed(mut data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len());
    loop {
        match std::str::from_utf8(data) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(err) => {
                let (valid, rest) = data.split_at(err.valid_up_to());
                out.push_str(std::str::from_utf8(valid).expect("the valid prefix"));
                let bad = err.error_len().unwrap_or(rest.len());
                out.extend(rest[..bad].iter().map(|&b| escaped(char::from(b))));
                data = &rest[bad..];
            }
        }
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
    // 2.7's decoder calls itself `utf8`.
    let name = if vm.options.python.major == 2 { "utf8" } else { "utf-8" };
    decoding_error(vm, name, data, (start, start + length), reason)
}

/// A UnicodeDecodeError of `data` from `span.0` to `span.1`: its object is the bytes (2.7's,
/// a `str` of them).
fn decoding_error(vm: &mut Vm, encoding: &str, data: &[u8], span: (usize, usize), reason: &str) -> Control {
    let object = if vm.options.python.major == 2 {
        Value::str(&data.iter().map(|&b| char::from(b)).collect::<String>())
    } else {
        bytes_value(data.to_vec())
    };
    vm.raise_unicode_error(Exc::UnicodeDecodeError, encoding, object, span, reason)
}

/// Python 2's `hex` codec between strs (`data.encode('hex')`, `text.decode('hex')`), if
/// `args` name it: gilsim's 2.7 strs hold one byte a character.
fn python2_hex(vm: &mut Vm, args: &Args, encoding: bool) -> Option<NResult> {
    if vm.options.python.major != 2 {
        return None;
    }
    let codec = args.pos.get(1).cloned().or_else(|| kwarg(args, "encoding"));
    let Some(Value::Str(name)) = codec else { return None };
    if !matches!(name.to_ascii_lowercase().as_str(), "hex" | "hex_codec") {
        return None;
    }
    let text = crate::methods::this_str(args);
    if encoding {
        let bytes: Vec<u32> = text.chars().map(u32::from).collect();
        return Some(Ok(Value::str(&bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())));
    }
    let digits: Vec<u32> = text.chars().map(|c| c.to_digit(16).unwrap_or(u32::MAX)).collect();
    if digits.len() % 2 == 1 {
        return Some(Err(vm.raise_msg(Exc::TypeError, "Odd-length string")));
    }
    if digits.contains(&u32::MAX) {
        return Some(Err(vm.raise_msg(Exc::TypeError, "Non-hexadecimal digit found")));
    }
    let decoded: String = digits.chunks(2).filter_map(|pair| char::from_u32(pair[0] * 16 + pair[1])).collect();
    Some(Ok(Value::str(&decoded)))
}

native!(STR_ENCODE, "str.encode", |vm, th, args| {
    arity(vm, "encode", args, 1, 3)?;
    if let Some(result) = python2_hex(vm, args, true) {
        return result;
    }
    let text = crate::methods::this_str(args);
    let (codec, on_error) = codec_args(vm, args, "encode")?;
    let data = encode(vm, &text, codec, on_error)?;
    vm.charge(data.len() as u64)?;
    let by_script = th.frames.last().is_some_and(|frame| !vm.program.is_library(frame.code));
    if vm.options.python.major == 2 && by_script {
        // 2.7's encoded text is a `str`: one character per byte (crate::output). The library
        // (pickle, sockets) is gilsim's Python 3 and wants bytes.
        return Ok(Value::str(&data.iter().map(|&b| char::from(b)).collect::<String>()));
    }
    Ok(bytes_value(data))
});

// `data.decode(encoding)` of a Python 2 `str`, which holds bytes (an attribute of a str
// under 2.7 alone: crate::call's `get_attr`).
native!(STR_DECODE, "str.decode", |vm, _th, args| {
    arity(vm, "decode", args, 1, 3)?;
    if let Some(result) = python2_hex(vm, args, false) {
        return result;
    }
    let text = crate::methods::this_str(args);
    // Each character up to U+00FF is a byte; past it (a `u''` literal, which gilsim does not
    // tell apart), the text is its UTF-8.
    let data: Vec<u8> = match text.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect::<Option<Vec<u8>>>() {
        Some(bytes) => bytes,
        None => text.as_bytes().to_vec(),
    };
    let (codec, on_error) = codec_args(vm, args, "decode")?;
    Ok(Value::str(&decode(vm, &data, codec, on_error)?))
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
