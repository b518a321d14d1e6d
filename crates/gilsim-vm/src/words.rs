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
/// the pointers first).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Str(Rc<Box<str>>);

impl Str {
    /// Whether both are the same object (`is`).
    #[inline]
    pub fn ptr_eq(a: &Str, b: &Str) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }

    /// The address of the shared text, the object's identity while it lives.
    pub fn address(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl Deref for Str {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Str {
    #[inline]
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str(Rc::new(Box::from(s)))
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str(Rc::new(s.into_boxed_str()))
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
