//! The C accelerator of the library's `json` (CPython's Modules/_json.c: `c_make_encoder` and
//! `c_make_scanner`): `json.dumps` of plain data without `indent`, and `json.loads` without
//! hooks, run as one native call, as in CPython, where the C encoder and scanner run the whole
//! document under the GIL with no instruction boundary inside — a thread cannot be switched
//! out halfway through a document, and a document costs what CPython's C code costs, not a
//! Python loop per character.
//!
//! Invariant: the result is exactly what library/json.py's Python code returns for the same
//! call; anything that code would do differently — call `default` or a hook, raise, meet a
//! cycle, a subclass of a built-in type, a non-finite float, a big int, a lone surrogate, a
//! Python 2 dict's order — is declined (`None`), and json.py runs its Python code instead.

use crate::builtins::arity;
use crate::dict::{Dict, Key};
use crate::footprint::PyCell;
use crate::native::{native, NativeFn};
use crate::repr::float_repr;
use crate::value::{Str, Value};
use std::rc::Rc;

pub const NATIVES: [&NativeFn; 2] = [&JSON_ENCODE, &JSON_DECODE];

/// Containers nested deeper than this are left to the Python code (and its recursion limit).
const MAX_DEPTH: usize = 100;

native!(JSON_ENCODE, "_gilsim.json_encode", |vm, _th, args| {
    arity(vm, "json_encode", args, 5, 5)?;
    let (Value::Str(item_separator), Value::Str(key_separator)) = (&args.pos[3], &args.pos[4]) else {
        return Ok(Value::None);
    };
    let (Some(ensure_ascii), Some(sort_keys)) = (flag(&args.pos[1]), flag(&args.pos[2])) else {
        return Ok(Value::None);
    };
    if vm.options.python.major < 3 {
        return Ok(Value::None);
    }
    let mut encoder =
        Encoder { ensure_ascii, sort_keys, item_separator, key_separator, out: String::new(), open: Vec::new() };
    match encoder.value(&args.pos[0]) {
        Some(()) => {
            vm.note_alloc(encoder.out.len() as u64);
            Ok(Value::Str(Str::from(encoder.out)))
        }
        None => Ok(Value::None),
    }
});

native!(JSON_DECODE, "_gilsim.json_decode", |vm, _th, args| {
    arity(vm, "json_decode", args, 1, 1)?;
    // A str subclass is the Python code's.
    let Value::Str(text) = &args.pos[0] else { return Ok(Value::None) };
    if vm.options.python.major < 3 {
        return Ok(Value::None);
    }
    let mut decoder = Decoder { text: text.as_bytes(), at: 0 };
    let parsed = decoder.document();
    Ok(match parsed {
        Some(value) => {
            vm.note_alloc(2 * text.len() as u64);
            Value::tuple(vec![value])
        }
        None => Value::None,
    })
});

/// The truth of an encoder's flag, when it is a plain value (the library passes the flags as
/// the script set them; another object's truth is Python's to find).
fn flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(b.get()),
        Value::Int(i) => Some(*i != 0),
        Value::None => Some(false),
        _ => None,
    }
}

/// `c_make_encoder` without `indent`: json.py's `JSONEncoder._encode` for plain data.
struct Encoder<'a> {
    ensure_ascii: bool,
    sort_keys: bool,
    item_separator: &'a str,
    key_separator: &'a str,
    out: String,
    /// The containers being encoded (by address): a cycle is declined.
    open: Vec<usize>,
}

impl Encoder<'_> {
    fn value(&mut self, value: &Value) -> Option<()> {
        match value {
            Value::None => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if b.get() { "true" } else { "false" }),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::Float(f) if f.get().is_finite() => self.out.push_str(&float_repr(f.get())),
            Value::Str(s) => quote(&mut self.out, s, self.ensure_ascii),
            Value::List(items) => self.container(value, |encoder| encoder.array(&items.borrow()))?,
            Value::Tuple(items) => self.container(value, |encoder| encoder.array(&items.0))?,
            Value::Dict(dict) => self.container(value, |encoder| encoder.object(&dict.borrow()))?,
            _ => return None,
        }
        Some(())
    }

    /// Encode `container` (a list, tuple or dict) unless it is open already (a cycle) or
    /// nested too deep.
    fn container(&mut self, container: &Value, encode: impl FnOnce(&mut Self) -> Option<()>) -> Option<()> {
        let address = container.heap_address()?;
        if self.open.len() >= MAX_DEPTH || self.open.contains(&address) {
            return None;
        }
        self.open.push(address);
        encode(self)?;
        self.open.pop();
        Some(())
    }

    fn array(&mut self, items: &[Value]) -> Option<()> {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(self.item_separator);
            }
            self.value(item)?;
        }
        self.out.push(']');
        Some(())
    }

    fn object(&mut self, dict: &Dict) -> Option<()> {
        let mut items: Vec<(&Key, &Value)> = dict.iter().collect();
        if self.sort_keys {
            sort_keys(&mut items)?;
        }
        self.out.push('{');
        for (i, (key, value)) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push_str(self.item_separator);
            }
            match &key.0 {
                Value::Str(s) => quote(&mut self.out, s, self.ensure_ascii),
                Value::Int(i) => quote(&mut self.out, &i.to_string(), false),
                Value::Bool(b) => self.out.push_str(if b.get() { "\"true\"" } else { "\"false\"" }),
                Value::None => self.out.push_str("\"null\""),
                Value::Float(f) if f.get().is_finite() => quote(&mut self.out, &float_repr(f.get()), false),
                _ => return None,
            }
            self.out.push_str(self.key_separator);
            self.value(value)?;
        }
        self.out.push('}');
        Some(())
    }
}

/// `sorted(dct.items())` when every key is a str, or every key an int: other mixes are left
/// to Python's comparisons (and their `TypeError`).
fn sort_keys(items: &mut [(&Key, &Value)]) -> Option<()> {
    if items.iter().all(|(key, _)| matches!(key.0, Value::Str(_))) {
        items.sort_by(|(a, _), (b, _)| match (&a.0, &b.0) {
            (Value::Str(a), Value::Str(b)) => a.as_bytes().cmp(b.as_bytes()),
            _ => unreachable!("every key is a str"),
        });
        return Some(());
    }
    if items.iter().all(|(key, _)| matches!(key.0, Value::Int(_))) {
        items.sort_by_key(|(key, _)| match key.0 {
            Value::Int(i) => i,
            _ => unreachable!("every key is an int"),
        });
        return Some(());
    }
    None
}

/// A JSON string literal of `text` (json.py's `_quote`: CPython's `encode_basestring_ascii`
/// when `ensure_ascii`, else `encode_basestring`).
fn quote(out: &mut String, text: &str, ensure_ascii: bool) {
    out.reserve(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => push_escape(out, c as u32),
            c if ensure_ascii && (c as u32) > 0x7e => {
                let n = c as u32;
                if n > 0xffff {
                    let n = n - 0x10000;
                    push_escape(out, 0xd800 | (n >> 10));
                    push_escape(out, 0xdc00 | (n & 0x3ff));
                } else {
                    push_escape(out, n);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn push_escape(out: &mut String, code: u32) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{code:04x}");
}

/// `c_make_scanner` with the default hooks: json.py's `_Decoder` for a well-formed document.
struct Decoder<'a> {
    text: &'a [u8],
    /// A byte offset into `text`, always at a character boundary.
    at: usize,
}

impl Decoder<'_> {
    fn document(&mut self) -> Option<Value> {
        self.skip();
        let value = self.value(0)?;
        self.skip();
        (self.at == self.text.len()).then_some(value)
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn word(&mut self, word: &str) -> bool {
        let found = self.text[self.at..].starts_with(word.as_bytes());
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        match self.peek()? {
            b'"' => {
                self.at += 1;
                Some(Value::Str(Str::from(self.string()?)))
            }
            b'{' if depth < MAX_DEPTH => self.object(depth + 1),
            b'[' if depth < MAX_DEPTH => self.array(depth + 1),
            b'n' if self.word("null") => Some(Value::None),
            b't' if self.word("true") => Some(Value::bool(true)),
            b'f' if self.word("false") => Some(Value::bool(false)),
            b'N' if self.word("NaN") => Some(Value::float(f64::NAN)),
            b'I' if self.word("Infinity") => Some(Value::float(f64::INFINITY)),
            b'-' if self.word("-Infinity") => Some(Value::float(f64::NEG_INFINITY)),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`: an int without a fraction or an
    /// exponent (one that fits 64 bits), else a float.
    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        let mut float = false;
        if self.peek() == Some(b'.') && self.text.get(self.at + 1).is_some_and(u8::is_ascii_digit) {
            float = true;
            self.at += 1;
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let mut end = self.at + 1;
            if matches!(self.text.get(end), Some(b'+' | b'-')) {
                end += 1;
            }
            if self.text.get(end).is_some_and(u8::is_ascii_digit) {
                float = true;
                self.at = end;
                self.digits();
            }
        }
        let number = std::str::from_utf8(&self.text[start..self.at]).ok()?;
        if float {
            number.parse::<f64>().ok().map(Value::float)
        } else {
            number.parse::<i64>().ok().map(Value::Int)
        }
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let run = self.at;
            while self.peek().is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(&self.text[run..self.at]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                _ => return None,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Option<()> {
        let simple = match self.peek()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.at += 1;
                let high = self.hex4()?;
                let code = if (0xd800..0xdc00).contains(&high) && self.text[self.at..].starts_with(b"\\u") {
                    self.at += 2;
                    let low = self.hex4()?;
                    if !(0xdc00..0xe000).contains(&low) {
                        return None;
                    }
                    0x10000 + (((high - 0xd800) << 10) | (low - 0xdc00))
                } else {
                    high
                };
                // A lone surrogate is no Rust char.
                out.push(char::from_u32(code)?);
                return Some(());
            }
            _ => return None,
        };
        self.at += 1;
        out.push(simple);
        Some(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        self.at += 4;
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    }

    /// Whether the container closes with `closing` here (read, with the whitespace before
    /// it); a container's first item follows its opening bracket.
    fn closes(&mut self, closing: u8) -> Option<bool> {
        self.skip();
        let closes = self.peek()? == closing;
        if closes {
            self.at += 1;
        }
        Some(closes)
    }

    /// After an item: `Some(true)` at the container's end, `Some(false)` after a comma (and
    /// its whitespace), `None` at anything else.
    fn after_item(&mut self, closing: u8) -> Option<bool> {
        if self.closes(closing)? {
            return Some(true);
        }
        if self.peek()? != b',' {
            return None;
        }
        self.at += 1;
        self.skip();
        Some(false)
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        self.at += 1;
        let mut dict = Dict::default();
        let mut done = self.closes(b'}')?;
        while !done {
            if self.peek()? != b'"' {
                return None;
            }
            self.at += 1;
            let key = self.string()?;
            self.skip();
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            self.skip();
            let value = self.value(depth)?;
            dict.insert(Key(Value::Str(Str::from(key))), value);
            done = self.after_item(b'}')?;
        }
        Some(Value::Dict(Rc::new(PyCell::new(dict))))
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        self.at += 1;
        let mut items = Vec::new();
        let mut done = self.closes(b']')?;
        while !done {
            items.push(self.value(depth)?);
            done = self.after_item(b']')?;
        }
        Some(Value::list(items))
    }
}
