//! `UnicodeEncodeError` and `UnicodeDecodeError` as CPython builds them
//! (Objects/exceptions.c): the arguments `(encoding, object, start, end, reason)`, which are
//! also its attributes, and a text made from them — "'ascii' codec can't encode character
//! '\xe9' in position 3: ordinal not in range(128)", "... characters in position 0-1: ...",
//! "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".

use crate::native::Control;
use crate::value::{Instance, Value};
use crate::{Exc, Vm};

impl Vm {
    /// A codec's error: `kind` (UnicodeEncodeError or UnicodeDecodeError) of `object` (the
    /// text or the bytes) from `start` to `end` (exclusive), for `reason`.
    pub(crate) fn raise_unicode_error(
        &mut self,
        kind: Exc,
        encoding: &str,
        object: Value,
        (start, end): (usize, usize),
        reason: &str,
    ) -> Control {
        let position = |i: usize| Value::Int(i64::try_from(i).unwrap_or(i64::MAX));
        let args = vec![Value::str(encoding), object, position(start), position(end), Value::str(reason)];
        Control::Raise(self.new_exception_args(kind, args))
    }

    /// Whether `inst` is a UnicodeEncodeError (`Some(true)`) or a UnicodeDecodeError
    /// (`Some(false)`).
    fn unicode_error_kind(&self, inst: &Instance) -> Option<bool> {
        if inst.class.is_subclass_of(&self.exception_class(Exc::UnicodeEncodeError)) {
            Some(true)
        } else {
            inst.class.is_subclass_of(&self.exception_class(Exc::UnicodeDecodeError)).then_some(false)
        }
    }

    /// A new exception's attributes, if it is a UnicodeEncodeError or UnicodeDecodeError made
    /// with five arguments.
    pub(crate) fn set_unicode_error_attributes(&self, inst: &Instance, args: &[Value]) {
        if let [encoding, object, start, end, reason] = args {
            if self.unicode_error_kind(inst).is_none() {
                return;
            }
            for (name, value) in
                [("encoding", encoding), ("object", object), ("start", start), ("end", end), ("reason", reason)]
            {
                inst.set_attr(name, value.clone());
            }
        }
    }

    /// The text of a UnicodeEncodeError or UnicodeDecodeError made from its five arguments
    /// (None when it was made otherwise: its text is then BaseException's).
    pub(crate) fn unicode_error_text(&self, inst: &Instance) -> Option<String> {
        let encoding_error = self.unicode_error_kind(inst)?;
        let (
            Some(Value::Str(encoding)),
            Some(object),
            Some(Value::Int(start)),
            Some(Value::Int(end)),
            Some(Value::Str(reason)),
        ) = (inst.attr("encoding"), inst.attr("object"), inst.attr("start"), inst.attr("end"), inst.attr("reason"))
        else {
            return None;
        };
        let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
        let what = match (&object, encoding_error) {
            (Value::Str(text), true) if end == start + 1 => {
                let c = text.chars().nth(start)?;
                // 2.7 shows the character as its unicode's repr: `u'\u4e2d'`.
                let u = if self.options.python.major == 2 { "u" } else { "" };
                format!("character {u}'{}' in position {start}", crate::codecs::escaped(c))
            }
            (_, true) => format!("characters in position {start}-{}", end.saturating_sub(1)),
            (_, false) if end == start + 1 => {
                let byte =
                    crate::bytes::bytes_like(&object).and_then(|data| data.get(start).copied()).or_else(|| {
                        match &object {
                            // A Python 2 str holds its bytes as characters.
                            Value::Str(text) => text.chars().nth(start).and_then(|c| u8::try_from(u32::from(c)).ok()),
                            _ => None,
                        }
                    })?;
                format!("byte 0x{byte:02x} in position {start}")
            }
            (_, false) => format!("bytes in position {start}-{}", end.saturating_sub(1)),
        };
        let verb = if encoding_error { "encode" } else { "decode" };
        Some(format!("'{encoding}' codec can't {verb} {what}: {reason}"))
    }
}
