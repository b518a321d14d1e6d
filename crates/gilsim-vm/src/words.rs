//! The payloads of a [`crate::Value`] that are not plain pointers or ints: a bool, a float's
//! bits, a str and a bytes, each one machine word of integer class.
//!
//! Invariant: every payload of `Value` is one word of integer or pointer class at the same
//! offset, so that the compiler lays `Value` out as a *scalar pair* (a full-word tag and one
//! word): it is 16 bytes, passed and returned in two registers, and copied with two word
//! moves. With a one-byte tag and payloads of other shapes (a `bool` at byte 1, an `f64`, a
//! two-word `Rc<str>`), a value was 24 bytes copied by a 16-byte load across its separately
//! written tag and payload — a store-forwarding stall of ~12 cycles on every push of a value
//! just made (a `LoadFast`, a call's arguments), a third of a method call's time.

use std::borrow::Borrow;
use std::cell::Cell;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// A Python bool, one word wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u64)]
pub enum Truth {
    False = 0,
    True = 1,
}

impl Truth {
    #[inline]
    pub fn get(self) -> bool {
        self == Truth::True
    }
}

impl From<bool> for Truth {
    #[inline]
    fn from(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

macro_rules! truth_as_int {
    ($($int:ty),*) => {$(
        impl From<Truth> for $int {
            #[inline]
            fn from(b: Truth) -> $int {
                <$int>::from(b.get())
            }
        }
    )*};
}
truth_as_int!(u8, i64, u64);

impl fmt::Display for Truth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.get())
    }
}

/// A Python float, kept as its bits. Not comparable itself: bits are not float equality
/// (`-0.0 == 0.0`, `nan != nan`); compare what [`FloatBits::get`] returns.
#[derive(Clone, Copy)]
pub struct FloatBits(u64);

impl FloatBits {
    #[inline]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl From<f64> for FloatBits {
    #[inline]
    fn from(x: f64) -> FloatBits {
        FloatBits(x.to_bits())
    }
}

impl fmt::Display for FloatBits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.get(), f)
    }
}

/// Text shared by reference count behind one pointer (a Python str's text, and the names of
/// attributes, globals and modules). Equality, order and hash are the text's (`==` compares
/// the pointers first). The text knows its length in characters, as CPython's str does
/// (`len(s)`, `s[i]` of ASCII text without a scan), and grows in place when nothing else
/// holds it ([`Str::append`]).
#[derive(Clone, Default)]
pub struct Str(Rc<Text>);

struct Text {
    text: String,
    /// Characters (`text.len()` when the text is ASCII), counted when first asked for:
    /// [`UNCOUNTED`] until then.
    chars: Cell<usize>,
}

/// A text's characters not counted yet.
const UNCOUNTED: usize = usize::MAX;

impl Default for Text {
    fn default() -> Text {
        Text { text: String::new(), chars: Cell::new(0) }
    }
}

impl Text {
    fn new(text: String) -> Text {
        Text { text, chars: Cell::new(UNCOUNTED) }
    }

    fn chars(&self) -> usize {
        match self.chars.get() {
            UNCOUNTED => {
                let chars = char_count(&self.text);
                self.chars.set(chars);
                chars
            }
            chars => chars,
        }
    }
}

/// The characters of `text`: its bytes when it is ASCII, as most text is (one vectorised
/// test rather than a decode).
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

impl Str {
    /// Whether both are the same object (`is`).
    #[inline]
    pub fn ptr_eq(a: &Str, b: &Str) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }

    /// The address of the shared text, the object's identity while it lives.
    pub fn address(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }

    /// The length in characters (Python's `len`), counted once.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.0.chars()
    }

    /// Whether every character is ASCII, so that character and byte offsets agree.
    #[inline]
    pub fn is_ascii_text(&self) -> bool {
        self.0.chars() == self.0.text.len()
    }

    /// Append `tail` in place when this is the text's only holder (CPython's
    /// `PyUnicode_Append` resizing a str whose reference count is one); whether it did.
    pub fn append(&mut self, tail: &Str) -> bool {
        let Some(text) = Rc::get_mut(&mut self.0) else { return false };
        text.text.push_str(&tail.0.text);
        let chars = match (text.chars.get(), tail.0.chars.get()) {
            (UNCOUNTED, _) | (_, UNCOUNTED) => UNCOUNTED,
            (a, b) => a + b,
        };
        text.chars.set(chars);
        true
    }

    /// A new text made of `self` then `tail`.
    pub fn concat(&self, tail: &Str) -> Str {
        let mut text = String::with_capacity(self.len() + tail.len());
        text.push_str(self);
        text.push_str(tail);
        Str(Rc::new(Text::new(text)))
    }
}

impl PartialEq for Str {
    #[inline]
    fn eq(&self, other: &Str) -> bool {
        Str::ptr_eq(self, other) || self.0.text == other.0.text
    }
}

impl Eq for Str {}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    fn cmp(&self, other: &Str) -> std::cmp::Ordering {
        self.0.text.cmp(&other.0.text)
    }
}

/// As `str` hashes, for [`Borrow<str>`].
impl std::hash::Hash for Str {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.text.hash(state);
    }
}

impl Deref for Str {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.0.text
    }
}

impl Borrow<str> for Str {
    #[inline]
    fn borrow(&self) -> &str {
        &self.0.text
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str(Rc::new(Text::new(s.to_owned())))
    }
}

impl From<String> for Str {
    fn from(mut s: String) -> Str {
        s.shrink_to_fit();
        Str(Rc::new(Text::new(s)))
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// The bytes of a Python bytes object, shared behind one pointer.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bytes(Rc<Box<[u8]>>);

impl Bytes {
    #[inline]
    pub fn ptr_eq(a: &Bytes, b: &Bytes) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }

    pub fn address(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl Deref for Bytes {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl From<&[u8]> for Bytes {
    fn from(b: &[u8]) -> Bytes {
        Bytes(Rc::new(Box::from(b)))
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(b: Vec<u8>) -> Bytes {
        Bytes(Rc::new(b.into_boxed_slice()))
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

const _: () = assert!(std::mem::size_of::<crate::Value>() == 16);
