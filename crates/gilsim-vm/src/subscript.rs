//! Subscripts: `x[i]`, `x[i] = v`, `del x[i]` on the built-in containers (indices and slices
//! with CPython's bounds and messages), a class's `__getitem__`/`__setitem__`/`__delitem__`,
//! and the container inside a `dict` or `list` subclass (with a dict subclass's
//! `__missing__`).

use crate::hooks::Then;
use crate::int;
use crate::native::Control;
use crate::value::{Slot, Str, Value};
use crate::Exc;
use crate::{Thread, Vm};

impl Vm {
    /// CPython's `PyNumber_Index` (`range`, `hex`, `operator.index`, math's integer
    /// arguments): an instance's own `__index__` result (an IntEnum member's), an int
    /// subclass's value, an int itself; anything else is CPython's TypeError.
    pub(crate) fn number_index(&mut self, th: &mut Thread, v: &Value) -> Result<int::Index, Control> {
        if let Value::Instance(_) = v {
            if let Some(index) = self.call_user_dunder(th, v, "__index__")? {
                if let Some(int) = int::Index::of(crate::immutable_subclass::value_of(&index)) {
                    return Ok(int);
                }
                let type_name = crate::builtins::type_name_of(&index);
                return Err(self.raise_msg(Exc::TypeError, format!("__index__ returned non-int (type {type_name})")));
            }
        }
        if let Some(int) = int::Index::of(crate::immutable_subclass::value_of(v)) {
            return Ok(int);
        }
        let message = format!("'{}' object cannot be interpreted as an integer", crate::builtins::type_name_of(v));
        Err(self.raise_msg(Exc::TypeError, message))
    }

    pub(crate) fn index_of(&mut self, len: usize, index: &Value, what: &str) -> Result<usize, Control> {
        let i = match int::as_int(crate::immutable_subclass::value_of(index)) {
            Some(int::Int::Small(i)) => i,
            Some(int::Int::Big(_)) => {
                return Err(self.raise_msg(Exc::IndexError, "cannot fit 'int' into an index-sized integer"));
            }
            None => {
                return Err(self.raise_msg(
                    Exc::TypeError,
                    format!("{what} indices must be integers or slices, not {}", crate::builtins::type_name_of(index)),
                ))
            }
        };
        let i = if i < 0 { i + len as i64 } else { i };
        if i < 0 || i >= len as i64 {
            let message = match what {
                "list" | "tuple" | "bytearray" => format!("{what} index out of range"),
                "byte" => "index out of range".into(),
                _ => "string index out of range".into(),
            };
            return Err(self.raise_msg(Exc::IndexError, message));
        }
        Ok(i as usize)
    }

    /// Resolve a slice against a length: (start, stop, step).
    pub(crate) fn slice_indices(&mut self, slice: &[Value; 3], len: usize) -> Result<(i64, i64, i64), Control> {
        let len = len as i64;
        let step = match &slice[2] {
            Value::None => 1,
            v => int::as_int(crate::immutable_subclass::value_of(v))
                .map(int::Int::saturating)
                .ok_or_else(|| self.raise_msg(Exc::TypeError, "slice indices must be integers or None"))?,
        };
        if step == 0 {
            return Err(self.raise_msg(Exc::ValueError, "slice step cannot be zero"));
        }
        let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
        let bound = |vm: &mut Vm, v: &Value, default: i64| -> Result<i64, Control> {
            match v {
                Value::None => Ok(default),
                v => {
                    let i = int::as_int(crate::immutable_subclass::value_of(v))
                        .map(int::Int::saturating)
                        .ok_or_else(|| vm.raise_msg(Exc::TypeError, "slice indices must be integers or None"))?;
                    Ok(if i < 0 { i.saturating_add(len) } else { i })
                }
            }
        };
        if step > 0 {
            let start = clamp(bound(self, &slice[0], 0)?, 0, len);
            let stop = clamp(bound(self, &slice[1], len)?, 0, len);
            Ok((start, stop, step))
        } else {
            let start = clamp(bound(self, &slice[0], len - 1)?, -1, len - 1);
            let stop = clamp(bound(self, &slice[1], -1)?, -1, len - 1);
            let stop = if matches!(slice[1], Value::None) { -1 } else { stop };
            Ok((start, stop, step))
        }
    }

    pub(crate) fn slice_positions(&mut self, slice: &[Value; 3], len: usize) -> Result<Vec<usize>, Control> {
        let (start, stop, step) = self.slice_indices(slice, len)?;
        let mut out = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            out.push(i as usize);
            i += step;
        }
        Ok(out)
    }

    pub(crate) fn get_item(&mut self, th: &mut Thread, container: &Value, index: &Value) -> Result<Value, Control> {
        if let (
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_),
            Value::Instance(_),
        ) = (container, index)
        {
            // An index with its own `__index__` (an IntEnum member): CPython's PyNumber_Index.
            if let Some(i) = self.call_user_dunder(th, index, "__index__")? {
                return self.get_item(th, container, &i);
            }
        }
        let tail = self.take_tail();
        match (container, index) {
            (Value::List(l), Value::Slice(s)) => {
                let len = l.borrow().len();
                let pos = self.slice_positions(s, len)?;
                let items = l.borrow();
                Ok(Value::list(pos.into_iter().map(|i| items[i].clone()).collect()))
            }
            (Value::Tuple(t), Value::Slice(s)) => {
                let pos = self.slice_positions(s, t.len())?;
                Ok(Value::tuple(pos.into_iter().map(|i| t[i].clone()).collect()))
            }
            (Value::Str(st), Value::Slice(s)) => {
                let (start, stop, step) = self.slice_indices(s, st.char_len())?;
                if step == 1 {
                    return Ok(Value::str(char_range(st, start as usize, stop.max(start) as usize)));
                }
                let chars: Vec<char> = st.chars().collect();
                let pos = self.slice_positions(s, chars.len())?;
                Ok(Value::str(&pos.into_iter().map(|i| chars[i]).collect::<String>()))
            }
            (Value::List(l), _) => {
                let len = l.borrow().len();
                let i = self.index_of(len, index, "list")?;
                Ok(l.borrow()[i].clone())
            }
            (Value::Tuple(t), _) => {
                let i = self.index_of(t.len(), index, "tuple")?;
                Ok(t[i].clone())
            }
            (Value::Bytes(data), Value::Slice(s)) => {
                let pos = self.slice_positions(s, data.len())?;
                Ok(crate::bytes::bytes_value(pos.into_iter().map(|i| data[i]).collect::<Vec<u8>>()))
            }
            (Value::Bytes(data), _) => {
                let i = self.index_of(data.len(), index, "byte")?;
                Ok(Value::Int(i64::from(data[i])))
            }
            (Value::ByteArray(array), _) => self.bytearray_item(array, index),
            (Value::Str(s), _) => {
                let i = self.index_of(s.char_len(), index, "string")?;
                Ok(Value::str(char_range(s, i, i + 1)))
            }
            // A slice of a range is a range (CPython's `compute_slice`).
            (Value::Range(r), Value::Slice(s)) => {
                let len = usize::try_from(r.len()).unwrap_or(usize::MAX);
                let (start, stop, step) = self.slice_indices(s, len)?;
                let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
                let sliced = crate::value::RangeObj {
                    start: r.start + start * r.step,
                    stop: r.start + stop * r.step,
                    step: r.step * step,
                };
                Ok(Value::Range(std::rc::Rc::new(sliced)))
            }
            (Value::Range(r), _) => {
                let len = usize::try_from(r.len()).unwrap_or(usize::MAX);
                let i = self.index_of(len, index, "range object")?;
                Ok(crate::value::int_value(r.start + i as i128 * r.step))
            }
            (Value::Dict(d), _) => {
                let key = self.key(th, index.clone())?;
                let found = d.borrow().get(&key).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => Err(Control::Raise(self.new_exception_args(Exc::KeyError, vec![index.clone()]))),
                }
            }
            (Value::Instance(_) | Value::Class(_), _) if self.user_method(container, "__getitem__").is_some() => {
                let m = self.user_method(container, "__getitem__").expect("checked");
                self.call_hook_value(th, tail, m, vec![container.clone(), index.clone()], Then::Value)
            }
            (Value::Class(class), _) => self.class_subscript(th, class, index),
            (Value::Instance(_), _) if container.container_base().is_some() => {
                let base = container.container_base().expect("checked").clone();
                self.base_item(th, tail, container, &base, index)
            }
            _ => Err(self.raise_msg(
                Exc::TypeError,
                format!("'{}' object is not subscriptable", crate::builtins::type_name_of(container)),
            )),
        }
    }

    /// `container[index]` of a dict or list subclass's instance read from its built-in `base`,
    /// the subclass's own `__getitem__` skipped (the syntax without one, `dict.__getitem__`):
    /// a dict subclass's `__missing__` answers for a missing key (CPython's `dict_subscript`).
    pub(crate) fn base_item(
        &mut self,
        th: &mut Thread,
        tail: bool,
        container: &Value,
        base: &Value,
        index: &Value,
    ) -> Result<Value, Control> {
        match self.get_item(th, base, index) {
            Err(Control::Raise(e))
                if self.is_instance_of(&e, Exc::KeyError) && self.user_method(container, "__missing__").is_some() =>
            {
                let missing = self.user_method(container, "__missing__").expect("checked");
                self.call_hook_value(th, tail, missing, vec![container.clone(), index.clone()], Then::Value)
            }
            other => other,
        }
    }

    pub(crate) fn set_item(
        &mut self,
        th: &mut Thread,
        container: &Value,
        index: Value,
        value: Value,
    ) -> Result<(), Control> {
        let tail = self.take_tail();
        match container {
            Value::List(l) => {
                if let Value::Slice(s) = &index {
                    let new = self.collect(th, &value)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step != 1 {
                        return self.assign_extended_slice(l, s, new);
                    }
                    let stop = stop.max(start);
                    let replaced: Vec<Value> = l.borrow_mut().splice(start as usize..stop as usize, new).collect();
                    // Freed as CPython's `list_ass_slice` frees them: last first.
                    crate::trashcan::dispose(replaced);
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.index_of(len, &index, "list").map_err(|e| match e {
                    Control::Raise(_) if int::as_int(&index).is_some() => {
                        self.raise_msg(Exc::IndexError, "list assignment index out of range")
                    }
                    e => e,
                })?;
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => {
                let key = self.key(th, index)?;
                d.borrow_mut().insert(key, value);
                Ok(())
            }
            Value::ByteArray(array) => self.set_bytearray_item(th, array, &index, &value),
            Value::Instance(_) if self.user_method(container, "__setitem__").is_some() => {
                let m = self.user_method(container, "__setitem__").expect("checked");
                self.call_hook(th, tail, m, vec![container.clone(), index, value], Then::Nothing).map(|_| ())
            }
            Value::Instance(_) if container.mutable_base().is_some() => {
                let base = container.mutable_base().expect("checked").clone();
                self.set_item(th, &base, index, value)
            }
            _ => Err(self.raise_msg(
                Exc::TypeError,
                format!("'{}' object does not support item assignment", crate::builtins::type_name_of(container)),
            )),
        }
    }

    /// `items[start:stop:step] = new` with a step other than 1: exactly one new item for
    /// each position, assigned in the slice's order (CPython's `list_ass_subscript`).
    fn assign_extended_slice(
        &mut self,
        list: &crate::footprint::PyCell<Vec<Value>>,
        slice: &[Value; 3],
        new: Vec<Value>,
    ) -> Result<(), Control> {
        let len = list.borrow().len();
        let positions = self.slice_positions(slice, len)?;
        if positions.len() != new.len() {
            let message = format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            );
            return Err(self.raise_msg(Exc::ValueError, message));
        }
        let replaced: Vec<Value> = {
            let mut items = list.borrow_mut();
            positions.into_iter().zip(new).map(|(i, value)| std::mem::replace(&mut items[i], value)).collect()
        };
        crate::trashcan::dispose(replaced);
        Ok(())
    }

    pub(crate) fn del_item(&mut self, th: &mut Thread, container: &Value, index: &Value) -> Result<(), Control> {
        let tail = self.take_tail();
        match container {
            Value::List(l) => {
                let len = l.borrow().len();
                if let Value::Slice(s) = index {
                    let mut pos = self.slice_positions(s, len)?;
                    pos.sort_unstable();
                    for i in pos.into_iter().rev() {
                        l.borrow_mut().remove(i);
                    }
                    return Ok(());
                }
                let i = self
                    .index_of(len, index, "list")
                    .map_err(|_| self.raise_msg(Exc::IndexError, "list assignment index out of range"))?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::ByteArray(array) => self.del_bytearray_item(array, index),
            Value::Dict(d) => {
                let key = self.key(th, index.clone())?;
                if d.borrow_mut().shift_remove(&key).is_none() {
                    return Err(Control::Raise(self.new_exception_args(Exc::KeyError, vec![index.clone()])));
                }
                Ok(())
            }
            Value::Instance(_) if self.user_method(container, "__delitem__").is_some() => {
                let m = self.user_method(container, "__delitem__").expect("checked");
                self.call_hook(th, tail, m, vec![container.clone(), index.clone()], Then::Nothing).map(|_| ())
            }
            Value::Instance(_) if container.mutable_base().is_some() => {
                let base = container.mutable_base().expect("checked").clone();
                self.del_item(th, &base, index)
            }
            _ => Err(self.raise_msg(Exc::TypeError, deletion_refused(container, index))),
        }
    }
}

/// CPython's TypeError for `del container[index]` where nothing deletes items (abstract.c):
/// a type with the sequence protocol (str, tuple, range, a class statement's) refuses an
/// index in PySequence_DelItem's words, anything else in PyObject_DelItem's.
fn deletion_refused(container: &Value, index: &Value) -> String {
    let sequence = match container {
        Value::Str(_) | Value::Bytes(_) | Value::Tuple(_) | Value::Range(_) | Value::Set(_) | Value::View(_) => true,
        Value::Instance(inst) => {
            !matches!(inst.slot, Slot::Generator(_) | Slot::Lock(_) | Slot::Regex(_) | Slot::Weak(_))
        }
        _ => false,
    };
    let index_key = matches!(index.builtin_base().unwrap_or(index), Value::Int(_) | Value::Long(_) | Value::Bool(_));
    let does = if sequence && index_key { "doesn't" } else { "does not" };
    format!("'{}' object {does} support item deletion", crate::builtins::type_name_of(container))
}

/// Characters `start..stop` of `text` (within its length): a byte range of ASCII text, else
/// found by decoding up to them.
fn char_range(text: &Str, start: usize, stop: usize) -> &str {
    if text.is_ascii_text() {
        return &text[start..stop];
    }
    let mut offsets = text.char_indices().map(|(at, _)| at).chain(std::iter::once(text.len()));
    let from = offsets.nth(start).unwrap_or(text.len());
    let to = if stop > start { offsets.nth(stop - start - 1).unwrap_or(text.len()) } else { from };
    &text[from..to]
}
