//! How many bytes CPython's pickle of a value takes, the protocol `multiprocessing` sends with
//! (`ForkingPickler`'s default: 4 from 3.8, 3 before, 2 in 2.7): what a message takes in a
//! pipe (see [`crate::pipe`]). Exact for the built-in data types (checked against
//! `len(pickle.dumps(obj, protocol))`: ints of every width, floats, str and bytes below and
//! above 256 bytes, tuples, lists and dicts in their batches of 1,000, sets, instances of a
//! plain class, exceptions, the memo's references to an object met before); an estimate for
//! objects that reduce themselves otherwise.

use crate::value::{Class, Value};
use num_bigint::Sign;
use std::collections::HashSet;

/// CPython's `_pickle.c` constants.
const BATCHSIZE: usize = 1000;
const FRAME_SIZE_TARGET: usize = 64 * 1024;
const FRAME_SIZE_MIN: usize = 4;
const FRAME_HEADER: usize = 9;

/// The size of `value` pickled with `protocol` (2, 3 or 4), PROTO and STOP included.
pub fn pickled_size(value: &Value, protocol: u8) -> usize {
    let mut sizer = Sizer { protocol, memo: HashSet::new(), unframed: 0, depth: 0 };
    let body = sizer.value(value) + 1;
    // Protocol 4 frames the opcodes in 64 KiB frames; a payload that large goes outside them.
    let frames = match protocol {
        4.. => {
            let framed = body - sizer.unframed;
            if framed >= FRAME_SIZE_MIN {
                framed.div_ceil(FRAME_SIZE_TARGET) * FRAME_HEADER
            } else {
                0
            }
        }
        _ => 0,
    };
    2 + body + frames
}

struct Sizer {
    protocol: u8,
    /// The objects pickled so far, by address: met again, they are a memo reference.
    memo: HashSet<usize>,
    /// Bytes written outside protocol 4's frames.
    unframed: usize,
    depth: u32,
}

impl Sizer {
    /// MEMOIZE (protocol 4) or BINPUT.
    fn memoize(&self) -> usize {
        if self.protocol >= 4 {
            1
        } else if self.memo.len() < 256 {
            2
        } else {
            5
        }
    }

    /// BINGET / LONG_BINGET of an object met before, or None the first time (now memoised).
    fn seen(&mut self, value: &Value) -> Option<usize> {
        // Numbers and the empty tuple are written again each time.
        match value {
            Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Dict(_) | Value::Set(_) => {}
            Value::Tuple(items) if !items.is_empty() => {}
            Value::ByteArray(_) | Value::Class(_) | Value::Function(_) | Value::Instance(_) => {}
            _ => return None,
        }
        let address = value.heap_address()?;
        if self.memo.insert(address) {
            return None;
        }
        Some(if self.memo.len() < 256 { 2 } else { 5 })
    }

    /// A str or bytes of `n` bytes: SHORT_ form below 256 (protocol 4's str, any bytes), the
    /// 4-byte length form above.
    fn text(&mut self, n: usize, short: bool) -> usize {
        let header = if short && n < 256 { 2 } else { 5 };
        if self.protocol >= 4 && n >= FRAME_SIZE_TARGET {
            self.unframed += header + n;
        }
        header + n + self.memoize()
    }

    fn value(&mut self, value: &Value) -> usize {
        self.depth += 1;
        let size = if self.depth > 200 { 2 } else { self.object(value) };
        self.depth -= 1;
        size
    }

    fn object(&mut self, value: &Value) -> usize {
        if let Some(reference) = self.seen(value) {
            return reference;
        }
        match value {
            Value::None | Value::Bool(_) | Value::Undefined => 1,
            Value::Int(i) => int_size(*i),
            Value::Long(b) => {
                let magnitude = if b.sign() == Sign::Minus { (-&**b - 1u8).bits() } else { b.bits() };
                let n = usize::try_from(magnitude / 8 + 1).unwrap_or(usize::MAX);
                if n < 256 {
                    2 + n
                } else {
                    5 + n
                }
            }
            Value::Float(_) => 9,
            Value::Str(s) => self.text(s.len(), self.protocol >= 4),
            Value::Bytes(b) => self.text(b.len(), true),
            Value::Tuple(items) => self.tuple(items),
            Value::List(items) => {
                let items = items.borrow_unnoted();
                1 + self.memoize() + self.batches(items.iter(), items.len(), 1)
            }
            Value::Dict(dict) => {
                let dict = dict.borrow_unnoted();
                let pairs = dict.iter().flat_map(|(k, v)| [&k.0, v]);
                1 + self.memoize() + self.batches(pairs, dict.len(), 2)
            }
            Value::Set(set) => {
                let set = set.borrow_unnoted();
                let members: Vec<&Value> = set.iter().map(|key| &key.0).collect();
                let items: usize = members.iter().map(|m| self.value(m)).sum();
                match (self.protocol >= 4, set.is_frozen()) {
                    // MARK items FROZENSET / EMPTY_SET and ADDITEMS batches.
                    (true, true) => 2 + items + self.memoize(),
                    (true, false) => 1 + self.memoize() + items + 2 * members.len().div_ceil(BATCHSIZE),
                    // Reduced to (set, ([items],)).
                    (false, frozen) => {
                        let name = if frozen { "frozenset" } else { "set" };
                        self.global("builtins", name) + 1 + self.memoize() + items + 2 + 2 + 2 * self.memoize()
                    }
                }
            }
            Value::Class(class) => self.class(class),
            // A function's module is the script's, as a rule.
            Value::Function(f) => self.global("__main__", &f.qualname),
            Value::ByteArray(bytes) => {
                let n = bytes.borrow_unnoted().len();
                // Reduced to (bytearray, (b'...',)).
                self.global("builtins", "bytearray") + self.text(n, true) + 2 + 2 * self.memoize()
            }
            Value::Instance(instance) => {
                let class = self.class_reference(&instance.class);
                let dict = instance.dict.borrow_unnoted();
                let state = if dict.is_empty() {
                    0
                } else {
                    let pairs = dict.iter().flat_map(|(k, v)| [&k.0, v]);
                    1 + self.memoize() + self.batches(pairs, dict.len(), 2) + 1
                };
                // EMPTY_TUPLE NEWOBJ, then the state and BUILD.
                class + 2 + self.memoize() + state
            }
            _ => 16,
        }
    }

    fn tuple(&mut self, items: &[Value]) -> usize {
        if items.is_empty() {
            return 1;
        }
        let inner: usize = items.iter().map(|item| self.value(item)).sum();
        let wrapping = if items.len() <= 3 && self.protocol >= 2 { 1 } else { 2 };
        inner + wrapping + self.memoize()
    }

    /// A list's or dict's items (`per` values each) after its EMPTY_ opcode: one APPEND /
    /// SETITEM for a single item, else MARK ... APPENDS / SETITEMS per 1,000.
    fn batches<'v>(&mut self, values: impl Iterator<Item = &'v Value>, items: usize, per: usize) -> usize {
        let inner: usize = values.take(items * per).map(|v| self.value(v)).sum();
        match items {
            0 => 0,
            1 => inner + 1,
            _ => inner + 2 * items.div_ceil(BATCHSIZE),
        }
    }

    /// A class by reference: memoised after its first time.
    fn class_reference(&mut self, class: &std::rc::Rc<Class>) -> usize {
        self.value(&Value::Class(class.clone()))
    }

    fn class(&mut self, class: &Class) -> usize {
        self.global(&class.module, &class.qualname)
    }

    /// A global (a class or a function) by module and qualified name: STACK_GLOBAL with two
    /// strings (protocol 4) or GLOBAL's text line, then memoised.
    fn global(&mut self, module: &str, qualname: &str) -> usize {
        if self.protocol >= 4 {
            self.text(module.len(), true) + self.text(qualname.len(), true) + 1 + self.memoize()
        } else {
            1 + module.len() + 1 + qualname.len() + 1 + self.memoize()
        }
    }
}

/// BININT1, BININT2, BININT or LONG1 for an int that fits in 64 bits.
fn int_size(i: i64) -> usize {
    match i {
        0..=0xff => 2,
        0x100..=0xffff => 3,
        _ if i32::try_from(i).is_ok() => 5,
        _ => {
            let magnitude = if i < 0 { !i } else { i };
            let bits = 64 - magnitude.leading_zeros() as usize;
            2 + bits / 8 + 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::{Dict, Key};
    use crate::footprint::PyCell;
    use std::rc::Rc;

    fn ints(range: std::ops::Range<i64>) -> Value {
        Value::list(range.map(Value::Int).collect())
    }

    fn dict(pairs: &[(&str, i64)]) -> Value {
        let mut d = Dict::default();
        for (k, v) in pairs {
            d.insert(Key::new(Value::str(k)).unwrap(), Value::Int(*v));
        }
        Value::Dict(Rc::new(PyCell::new(d)))
    }

    /// `len(pickle.dumps(obj, 4))` and `len(pickle.dumps(obj, 3))` in CPython 3.12.
    #[test]
    fn sizes_are_cpythons_pickles() {
        let shared = Value::str("s");
        let cases: Vec<(Value, usize, usize)> = vec![
            (Value::None, 4, 4),
            (Value::Int(255), 5, 5),
            (Value::Int(256), 15, 6),
            (Value::Int(65536), 17, 8),
            (Value::Int(-1), 17, 8),
            (Value::Int(1 << 31), 19, 10),
            (Value::Int(i64::MIN), 22, 13),
            (Value::float(1.5), 21, 12),
            (Value::str(""), 15, 10),
            (Value::str(&"x".repeat(255)), 270, 265),
            (Value::str(&"x".repeat(256)), 274, 266),
            (Value::str(&"é".repeat(10)), 35, 30),
            (Value::str(&"x".repeat(100_000)), 100_009, 100_010),
            (Value::tuple(vec![]), 4, 4),
            (Value::tuple(vec![Value::Int(1)]), 16, 8),
            (Value::tuple((1..5).map(Value::Int).collect()), 23, 15),
            (Value::list(vec![]), 5, 6),
            (ints(1..2), 17, 9),
            (ints(1..3), 20, 12),
            (ints(0..1000), 2760, 2752),
            (ints(0..1001), 2765, 2757),
            (ints(0..20000), 59798, 59790),
            (dict(&[("a", 1)]), 21, 17),
            (dict(&[("a", 1), ("b", 2)]), 28, 28),
            (Value::list(vec![shared.clone(), shared]), 22, 18),
            (Value::tuple(vec![Value::str("a"), Value::list(vec![Value::float(1.5), Value::None])]), 32, 29),
        ];
        for (i, (value, four, three)) in cases.iter().enumerate() {
            assert_eq!((pickled_size(value, 4), pickled_size(value, 3)), (*four, *three), "case {i}");
        }
    }
}
