//! Hashable keys and dicts. Dicts keep insertion order (as CPython's do); sets are in
//! [`crate::set`]. The hasher is fixed (rustc's Fx hash: no random state, and fast on the
//! short names attribute lookups hash), so even bucket layout is reproducible; no iteration
//! order ever depends on it. (Python's `hash()` of a str is [`crate::hash`]'s, not this.)

use crate::value::Value;
use indexmap::IndexMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

pub type FixedState = rustc_hash::FxBuildHasher;
pub type Dict = IndexMap<Key, Value, FixedState>;
pub use crate::set::PySet;

/// A value known to be hashable. `1`, `1.0` and `True` are the same key, as in Python.
#[derive(Clone, Debug)]
pub struct Key(pub Value);

impl Key {
    /// Wrap `value`, or return the unhashable type's name.
    pub fn new(value: Value) -> Result<Key, &'static str> {
        check_hashable(&value)?;
        Ok(Key(value))
    }
}

/// The explicit stack of a walk through nested keys: a key's items wait on it inline (a
/// tuple of a few items, a dict key in every loop of real programs, takes no allocation),
/// a deep one spills to the heap.
pub(crate) type Walk<T> = smallvec::SmallVec<[T; 8]>;

/// Tuples nest as deep as a script likes (`x = (x,)` in a loop): walking them keeps an explicit
/// stack, never the Rust one.
fn check_hashable(value: &Value) -> Result<(), &'static str> {
    if !matches!(value, Value::Tuple(_)) {
        // Most keys: no walk, and no allocation for its stack.
        return unhashable_type(value).map_or(Ok(()), Err);
    }
    let mut work: Walk<&Value> = smallvec::smallvec![value];
    while let Some(value) = work.pop() {
        match value {
            Value::Tuple(items) => work.extend(items.iter().rev()),
            other => {
                if let Some(kind) = unhashable_type(other) {
                    return Err(kind);
                }
            }
        }
    }
    Ok(())
}

/// The type name of a value that can never be a key (tuples are checked item by item).
fn unhashable_type(value: &Value) -> Option<&'static str> {
    match value {
        Value::List(_) => Some("list"),
        Value::ByteArray(_) => Some("bytearray"),
        Value::Dict(_) => Some("dict"),
        Value::Set(s) if !s.borrow_unnoted().is_frozen() => Some("set"),
        Value::Slice(_) => Some("slice"),
        Value::View(view) => Some(view.type_name()),
        _ => None,
    }
}

impl Hash for Key {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        match &self.0 {
            // The common keys hash without the walk (and as `Name` does).
            Value::Str(s) => s.hash(state),
            Value::Int(i) => crate::hash::hash_int(*i).hash(state),
            other => hash_value(other, state),
        }
    }
}

/// An attribute name borrowed as a dict key: looks up `Key(Value::Str(..))` entries without
/// building a key (an instance's attributes live in a [`Dict`], as CPython's `__dict__` does).
#[derive(Clone, Copy)]
pub struct Name<'a>(pub &'a str);

impl Hash for Name<'_> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl indexmap::Equivalent<Key> for Name<'_> {
    #[inline]
    fn equivalent(&self, key: &Key) -> bool {
        matches!(&key.0, Value::Str(s) if same_text(s, self.0))
    }
}

/// Class and module attribute maps too: `map.get(&Name(name))`.
impl indexmap::Equivalent<crate::value::Str> for Name<'_> {
    #[inline]
    fn equivalent(&self, key: &crate::value::Str) -> bool {
        same_text(key, self.0)
    }
}

/// Text equality that first tries identity: a program's names are one allocation per
/// spelling ([`crate::Image`]), so a name from the code usually *is* the key it looks for.
/// (For `&str`s; two [`crate::Str`]s compare by identity first themselves.)
#[inline]
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    (std::ptr::eq(a.as_ptr(), b.as_ptr()) && a.len() == b.len()) || a == b
}

fn hash_value<H: Hasher>(value: &Value, state: &mut H) {
    // Depth-first, in the order a recursive walk would feed the hasher.
    let mut work: Walk<&Value> = smallvec::smallvec![value];
    while let Some(value) = work.pop() {
        match value {
            Value::None => 0u8.hash(state),
            // Numbers that compare equal hash equally: CPython's numeric hash.
            Value::Bool(b) => i64::from(*b).hash(state),
            Value::Int(i) => crate::hash::hash_int(*i).hash(state),
            Value::Long(b) => crate::hash::hash_long(b).hash(state),
            Value::Float(f) => crate::hash::hash_float(f.get()).hash(state),
            Value::Str(s) => s.hash(state),
            Value::Bytes(b) => b.hash(state),
            Value::Tuple(items) => {
                items.len().hash(state);
                work.extend(items.iter().rev());
            }
            Value::Range(r) => (r.start, r.stop, r.step).hash(state),
            Value::BoundMethod(pair) => {
                identity(&pair.0).hash(state);
                work.push(&pair.1);
            }
            Value::Set(s) if s.borrow_unnoted().is_frozen() => {
                s.borrow_unnoted().frozen_hash().map(|h| h.hash).hash(state)
            }
            Value::Instance(inst) if inst.key_class.get() == VALUE_KEY => match value_of_member(inst) {
                Some(value) => hash_value(&value, state),
                None => identity(value).hash(state),
            },
            Value::Instance(inst) if inst.key_class.get() != 0 => (1u8, inst.key_class.get()).hash(state),
            // A subclass of tuple, str, int or float hashes as its value.
            Value::Instance(_) if crate::immutable_subclass::immutable_base(value).is_some() => {
                work.extend(crate::immutable_subclass::immutable_base(value));
            }
            other => identity(other).hash(state),
        }
    }
}

/// The key class of an enum member with an int, str or float value (`IntEnum`, `StrEnum`,
/// `class Color(str, Enum)`): it hashes and compares as that value ([`value_of_member`]).
pub(crate) const VALUE_KEY: u64 = u64::MAX;

/// The `_value_` of such a member.
fn value_of_member(inst: &crate::value::Instance) -> Option<Value> {
    inst.dict.borrow_unnoted().get(&Name("_value_")).cloned()
}

/// Object identity for hashing objects without value equality.
fn identity(value: &Value) -> usize {
    match value {
        Value::Native(n) => *n as *const _ as *const u8 as usize,
        other => other.heap_address().unwrap_or(0),
    }
}

impl PartialEq for Key {
    #[inline]
    fn eq(&self, other: &Key) -> bool {
        match (&self.0, &other.0) {
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (a, b) => key_eq(a, b),
        }
    }
}

impl Eq for Key {}

/// Equality of hashable values. Instances compare by identity, or by the key class their
/// Python `__hash__` and `__eq__` gave them.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use crate::immutable_subclass::immutable_base;
    let mut work: Walk<(&Value, &Value)> = smallvec::smallvec![(a, b)];
    while let Some((a, b)) = work.pop() {
        let equal = match (a, b) {
            (
                Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Long(_),
                Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Long(_),
            ) => crate::int::cmp_numbers(a, b) == Some(Some(std::cmp::Ordering::Equal)),
            (Value::Str(x), Value::Str(y)) => x == y,
            (Value::Bytes(x), Value::Bytes(y)) => x == y,
            (Value::None, Value::None) => true,
            (Value::Tuple(x), Value::Tuple(y)) if Rc::ptr_eq(x, y) => true,
            (Value::Tuple(x), Value::Tuple(y)) => {
                work.extend(x.iter().zip(y.iter()).rev());
                x.len() == y.len()
            }
            (Value::Range(x), Value::Range(y)) => (x.start, x.stop, x.step) == (y.start, y.stop, y.step),
            // Bound methods of one object and equal functions (CPython 3.8+'s method_richcompare;
            // before 3.8 the objects compared by `==`, here by identity on every version).
            (Value::BoundMethod(x), Value::BoundMethod(y)) => {
                work.push((&x.1, &y.1));
                x.0.is(&y.0)
            }
            // Frozensets with the same members (their members are keys themselves).
            (Value::Set(x), Value::Set(y)) if !Rc::ptr_eq(x, y) => {
                let (x, y) = (x.borrow_unnoted(), y.borrow_unnoted());
                x.is_frozen() && y.is_frozen() && x.len() == y.len() && x.iter().all(|k| y.contains(k))
            }
            // An int, str or float enum member is its value (CPython's is an int, str, float).
            (Value::Instance(x), other) | (other, Value::Instance(x)) if x.key_class.get() == VALUE_KEY => {
                match value_of_member(x) {
                    Some(value) => key_eq(&value, other),
                    None => a.is(b),
                }
            }
            // Instances a Python `__eq__` found equal share a key class (crate::user_hash).
            (Value::Instance(x), Value::Instance(y)) if x.key_class.get() != 0 || y.key_class.get() != 0 => {
                x.key_class.get() == y.key_class.get()
            }
            // A subclass of tuple, str, int or float is its value.
            (Value::Instance(_), _) | (_, Value::Instance(_))
                if immutable_base(a).is_some() || immutable_base(b).is_some() =>
            {
                work.push((immutable_base(a).unwrap_or(a), immutable_base(b).unwrap_or(b)));
                true
            }
            _ => a.is(b),
        };
        if !equal {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_keys_unify() {
        let mut d = Dict::default();
        d.insert(Key::new(Value::Int(1)).unwrap(), Value::str("int"));
        d.insert(Key::new(Value::float(1.0)).unwrap(), Value::str("float"));
        d.insert(Key::new(Value::bool(true)).unwrap(), Value::str("bool"));
        assert_eq!(d.len(), 1);
        assert!(Key::new(Value::list(vec![])).is_err());
        assert!(Key::new(Value::tuple(vec![Value::Int(1), Value::list(vec![])])).is_err());
    }
}
