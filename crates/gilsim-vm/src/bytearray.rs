//! `bytearray`: CPython's mutable byte string (Objects/bytearrayobject.c) — the constructor,
//! `repr`, items and slices read, assigned and deleted, `+`, `+=`, `*`, `*=`, comparison
//! with `bytes`, and the mutators (`append`, `extend`, `insert`, `pop`, `remove`, `clear`,
//! `reverse`, `copy`). The methods that only read are `bytes`' own ([`crate::bytes`]), which
//! answer a bytearray receiver with a bytearray, as CPython's shared `bytes_methods.c` does.
//!
//! Invariant: every operation is one native step that borrows the array through its
//! [`PyCell`], so it is atomic as CPython's C methods are under the GIL, and DPOR's footprints
//! see each read and write of it.

use crate::builtins::{arity, int_arg, kwarg, method_arity, type_name_of};
use crate::bytes::{byte_of, bytes_like};
use crate::footprint::PyCell;
use crate::native::{native, Args, Control};
use crate::types::Types;
use crate::value::{Str, Value};
use crate::{Exc, Thread, Vm};
use gilsim_bytecode::BinOp;
use std::rc::Rc;

pub(crate) fn install(t: &Types) {
    crate::methods::add(
        &t.bytearray,
        &[
            ("__new__", &BYTEARRAY_NEW),
            ("append", &BYTEARRAY_APPEND),
            ("extend", &BYTEARRAY_EXTEND),
            ("insert", &BYTEARRAY_INSERT),
            ("pop", &BYTEARRAY_POP),
            ("remove", &BYTEARRAY_REMOVE),
            ("clear", &BYTEARRAY_CLEAR),
            ("reverse", &BYTEARRAY_REVERSE),
            ("copy", &BYTEARRAY_COPY),
        ],
    );
    crate::bytes::install_shared_methods(&t.bytearray);
    let fromhex = Vm::descriptor(crate::value::DescriptorKind::StaticMethod, Value::Native(&BYTEARRAY_FROMHEX));
    t.bytearray.dict.borrow_mut().insert(Str::from("fromhex"), fromhex);
}

pub(crate) fn bytearray_value(data: Vec<u8>) -> Value {
    Value::ByteArray(Rc::new(PyCell::new(data)))
}

/// `bytearray(b'...')`: the bytes shown as `bytes`' repr shows them, but for a `'`, which
/// CPython's `bytearray_repr` escapes even between double quotes.
pub(crate) fn bytearray_repr(data: &[u8]) -> String {
    format!("bytearray({})", crate::bytes::quoted_bytes(data, true))
}

/// An item stored into a bytearray: an int in 0..256 (CPython's `_getbytevalue`).
fn byte_value(vm: &mut Vm, item: &Value) -> Result<u8, Control> {
    match item {
        Value::Int(_) | Value::Bool(_) | Value::Long(_) => {
            let n = int_arg(vm, item, "")?;
            u8::try_from(n).map_err(|_| vm.raise_msg(Exc::ValueError, "byte must be in range(0, 256)"))
        }
        _ => byte_of(vm, item),
    }
}

/// Where [`bytes_of_iterable`] takes its bytes from, for CPython's messages.
#[derive(Clone, Copy)]
enum Source {
    Constructor,
    Extend,
    SliceAssignment,
}

/// The bytes of an iterable given to the constructor, `extend` or a slice assignment: a
/// bytes-like object's own, or each item as a byte.
fn bytes_of_iterable(vm: &mut Vm, th: &mut Thread, source: &Value, kind: Source) -> Result<Vec<u8>, Control> {
    if let Some(data) = bytes_like(source) {
        return Ok(data.to_vec());
    }
    if let (Value::Str(text), 2) = (source, vm.options.python.major) {
        // Python 2's str is its bytes type.
        return crate::codecs::encode(vm, text, crate::codecs::Codec::Latin1, crate::codecs::OnError::Strict);
    }
    const ONLY: &str = "can assign only bytes, buffers, or iterables of ints in range(0, 256)";
    let refused = match (kind, source) {
        (Source::SliceAssignment, Value::Str(_) | Value::Int(_) | Value::Bool(_)) => Some(ONLY.to_string()),
        (Source::Extend, Value::Str(_)) if vm.options.python >= gilsim_core::PythonVersion::new(3, 13) => {
            Some("expected iterable of integers; got: 'str'".to_string())
        }
        (_, Value::Str(_)) => Some("'str' object cannot be interpreted as an integer".to_string()),
        _ => None,
    };
    if let Some(message) = refused {
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    let items = vm.collect_or(th, source, |vm, _, other| {
        let name = type_name_of(other);
        let before_38 = vm.options.python < gilsim_core::PythonVersion::new(3, 8);
        let message = match kind {
            Source::Constructor | Source::Extend if before_38 => format!("'{name}' object is not iterable"),
            Source::Constructor => format!("cannot convert '{name}' object to bytearray"),
            Source::Extend => format!("can't extend bytearray with {name}"),
            Source::SliceAssignment => ONLY.to_string(),
        };
        vm.raise_msg(Exc::TypeError, message)
    })?;
    items.iter().map(|item| byte_value(vm, item)).collect()
}

/// The receiver of a bytearray method.
fn this(vm: &mut Vm, args: &Args) -> Result<Rc<PyCell<Vec<u8>>>, Control> {
    match args.pos.first() {
        Some(Value::ByteArray(array)) => Ok(array.clone()),
        other => {
            let name = other.map_or_else(|| "nothing".to_string(), type_name_of);
            Err(vm.raise_msg(Exc::TypeError, format!("descriptor requires a 'bytearray' object but received '{name}'")))
        }
    }
}

native!(BYTEARRAY_NEW, "bytearray", |vm, th, args| {
    arity(vm, "bytearray", args, 0, 3)?;
    let source = args.pos.first().cloned().or_else(|| kwarg(args, "source"));
    let data = match source {
        None => Vec::new(),
        Some(source @ Value::Str(_)) if vm.options.python.major == 2 && args.pos.len() < 2 => {
            bytes_of_iterable(vm, th, &source, Source::Constructor)?
        }
        Some(Value::Str(text)) => crate::bytes::encoded_text(vm, args, &text, "bytearray")?,
        Some(n @ (Value::Int(_) | Value::Bool(_))) => crate::bytes::zero_bytes(vm, &n)?,
        Some(source) => bytes_of_iterable(vm, th, &source, Source::Constructor)?,
    };
    Ok(bytearray_value(data))
});

native!(BYTEARRAY_FROMHEX, "bytearray.fromhex", |vm, th, args| {
    let Value::Bytes(data) = (crate::bytes::BYTES_FROMHEX.func)(vm, th, args)? else {
        unreachable!("bytes.fromhex makes bytes")
    };
    Ok(bytearray_value(data.to_vec()))
});

native!(BYTEARRAY_APPEND, "bytearray.append", |vm, _th, args| {
    method_arity(vm, "bytearray.append", args, 1, 1)?;
    let array = this(vm, args)?;
    let byte = byte_value(vm, &args.pos[1])?;
    array.borrow_mut().push(byte);
    Ok(Value::None)
});

native!(BYTEARRAY_EXTEND, "bytearray.extend", |vm, th, args| {
    method_arity(vm, "bytearray.extend", args, 1, 1)?;
    let array = this(vm, args)?;
    let data = bytes_of_iterable(vm, th, &args.pos[1], Source::Extend)?;
    vm.charge(data.len() as u64)?;
    array.borrow_mut().extend_from_slice(&data);
    Ok(Value::None)
});

native!(BYTEARRAY_INSERT, "bytearray.insert", |vm, _th, args| {
    method_arity(vm, "bytearray.insert", args, 2, 2)?;
    let array = this(vm, args)?;
    let index = int_arg(vm, &args.pos[1], "")?;
    let byte = byte_value(vm, &args.pos[2])?;
    let mut data = array.borrow_mut();
    // Clamped as list.insert's: past either end inserts at that end.
    let len = data.len() as i64;
    let at = if index < 0 { (index + len).max(0) } else { index.min(len) };
    data.insert(at as usize, byte);
    Ok(Value::None)
});

native!(BYTEARRAY_POP, "bytearray.pop", |vm, _th, args| {
    method_arity(vm, "bytearray.pop", args, 0, 1)?;
    let array = this(vm, args)?;
    let index = match args.pos.get(1) {
        Some(v) => int_arg(vm, v, "")?,
        None => -1,
    };
    let len = array.borrow().len() as i64;
    if len == 0 {
        return Err(vm.raise_msg(Exc::IndexError, "pop from empty bytearray"));
    }
    let at = if index < 0 { index + len } else { index };
    if !(0..len).contains(&at) {
        return Err(vm.raise_msg(Exc::IndexError, "pop index out of range"));
    }
    let byte = array.borrow_mut().remove(at as usize);
    Ok(Value::Int(i64::from(byte)))
});

native!(BYTEARRAY_REMOVE, "bytearray.remove", |vm, _th, args| {
    method_arity(vm, "bytearray.remove", args, 1, 1)?;
    let array = this(vm, args)?;
    let byte = byte_value(vm, &args.pos[1])?;
    let found = array.borrow().iter().position(|&b| b == byte);
    match found {
        Some(at) => {
            array.borrow_mut().remove(at);
            Ok(Value::None)
        }
        None => Err(vm.raise_msg(Exc::ValueError, "value not found in bytearray")),
    }
});

native!(BYTEARRAY_CLEAR, "bytearray.clear", |vm, _th, args| {
    method_arity(vm, "bytearray.clear", args, 0, 0)?;
    this(vm, args)?.borrow_mut().clear();
    Ok(Value::None)
});

native!(BYTEARRAY_REVERSE, "bytearray.reverse", |vm, _th, args| {
    method_arity(vm, "bytearray.reverse", args, 0, 0)?;
    this(vm, args)?.borrow_mut().reverse();
    Ok(Value::None)
});

native!(BYTEARRAY_COPY, "bytearray.copy", |vm, _th, args| {
    method_arity(vm, "bytearray.copy", args, 0, 0)?;
    let data = this(vm, args)?.borrow().clone();
    Ok(bytearray_value(data))
});

impl Vm {
    /// `array[index]`: an int, or a new bytearray of a slice.
    pub(crate) fn bytearray_item(&mut self, array: &PyCell<Vec<u8>>, index: &Value) -> Result<Value, Control> {
        let len = array.borrow().len();
        if let Value::Slice(s) = index {
            let positions = self.slice_positions(s, len)?;
            let data = array.borrow();
            return Ok(bytearray_value(positions.into_iter().map(|i| data[i]).collect()));
        }
        let i = self.index_of(len, index, "bytearray")?;
        Ok(Value::Int(i64::from(array.borrow()[i])))
    }

    /// `array[index] = value`: a byte, or a slice replaced by a bytes-like object's bytes or
    /// an iterable's (an extended slice by exactly as many).
    pub(crate) fn set_bytearray_item(
        &mut self,
        th: &mut Thread,
        array: &PyCell<Vec<u8>>,
        index: &Value,
        value: &Value,
    ) -> Result<(), Control> {
        let Value::Slice(s) = index else {
            let len = array.borrow().len();
            let i = self.index_of(len, index, "bytearray")?;
            let byte = byte_value(self, value)?;
            array.borrow_mut()[i] = byte;
            return Ok(());
        };
        let new = bytes_of_iterable(self, th, value, Source::SliceAssignment)?;
        let len = array.borrow().len();
        let (start, stop, step) = self.slice_indices(s, len)?;
        if step == 1 {
            let stop = stop.max(start);
            array.borrow_mut().splice(start as usize..stop as usize, new);
            return Ok(());
        }
        let positions = self.slice_positions(s, len)?;
        if positions.len() != new.len() {
            let message =
                format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), positions.len());
            return Err(self.raise_msg(Exc::ValueError, message));
        }
        let mut data = array.borrow_mut();
        for (i, byte) in positions.into_iter().zip(new) {
            data[i] = byte;
        }
        Ok(())
    }

    /// `del array[index]`.
    pub(crate) fn del_bytearray_item(&mut self, array: &PyCell<Vec<u8>>, index: &Value) -> Result<(), Control> {
        let len = array.borrow().len();
        if let Value::Slice(s) = index {
            let mut positions = self.slice_positions(s, len)?;
            positions.sort_unstable();
            let mut data = array.borrow_mut();
            for i in positions.into_iter().rev() {
                data.remove(i);
            }
            return Ok(());
        }
        let i = self.index_of(len, index, "bytearray")?;
        array.borrow_mut().remove(i);
        Ok(())
    }

    /// `+` and `*` with a bytearray operand (the result is the left operand's type, as
    /// CPython's), and `+=`/`*=` on a bytearray, which change it in place; `None` for any
    /// other operands.
    pub(crate) fn bytearray_binary(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
        inplace: bool,
    ) -> Result<Option<Value>, Control> {
        match (op, a, b) {
            // `x` is the bytearray operand, `other` the other one (left of it only if bytes).
            (BinOp::Add, Value::ByteArray(x), other) | (BinOp::Add, other @ Value::Bytes(_), Value::ByteArray(x)) => {
                let Some(other) = bytes_like(other) else {
                    let message = format!("can't concat {} to bytearray", type_name_of(other));
                    return Err(self.raise_msg(Exc::TypeError, message));
                };
                let len = x.borrow().len();
                self.charge(len as u64 + other.len() as u64)?;
                // `+=` appends in place: the array is not copied (a receive loop's `buf += chunk`).
                Ok(Some(match (a, inplace) {
                    (Value::ByteArray(_), true) => {
                        x.borrow_mut().extend_from_slice(&other);
                        a.clone()
                    }
                    (Value::ByteArray(_), false) => bytearray_value([&x.borrow()[..], &other[..]].concat()),
                    _ => crate::bytes::bytes_value([&other[..], &x.borrow()[..]].concat()),
                }))
            }
            (BinOp::Mul, Value::ByteArray(x), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::ByteArray(x)) => {
                let count = (*n).max(0) as u64;
                let len = x.borrow().len() as u64;
                let Some(size) = len.checked_mul(count).filter(|&s| s <= isize::MAX as u64) else {
                    return Err(self.raise_msg(Exc::MemoryError, ""));
                };
                self.charge(size)?;
                let repeated = x.borrow().repeat(count as usize);
                if inplace && matches!(a, Value::ByteArray(_)) {
                    *x.borrow_mut() = repeated;
                    return Ok(Some(a.clone()));
                }
                Ok(Some(bytearray_value(repeated)))
            }
            _ => Ok(None),
        }
    }
}
