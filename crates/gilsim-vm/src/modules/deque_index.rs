//! A `collections.deque`'s positional methods, as CPython's C deque has them: `d[i]`,
//! `d[i] = x` and `del d[i]` (an int index only, negative from the right: "sequence index
//! must be integer", "deque index out of range"), `insert`, `rotate` and `reverse`. Each is
//! one native step on the deque's [`DequeStore`](super::deque::DequeStore).

use super::deque::{check_arguments, receiver};
use crate::native::{native, Args, Control};
use crate::value::Value;
use crate::{Exc, Vm};

/// The int a deque is indexed by (CPython's `deque_item` takes a Py_ssize_t).
fn index_arg(vm: &mut Vm, index: &Value) -> Result<i64, Control> {
    match crate::immutable_subclass::value_of(index) {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Long(_) => Err(vm.raise_msg(Exc::IndexError, "cannot fit 'int' into an index-sized integer")),
        other => {
            let message = format!("sequence index must be integer, not '{}'", crate::builtins::type_name_of(other));
            Err(vm.raise_msg(Exc::TypeError, message))
        }
    }
}

/// The position `index` names in a deque of `len` items.
fn position(vm: &mut Vm, index: &Value, len: usize) -> Result<usize, Control> {
    let index = index_arg(vm, index)?;
    let position = if index < 0 { index + len as i64 } else { index };
    if (0..len as i64).contains(&position) {
        Ok(position as usize)
    } else {
        Err(vm.raise_msg(Exc::IndexError, "deque index out of range"))
    }
}

native!(
    DEQUE_GETITEM,
    "deque.__getitem__",
    |vm, _th, args| {
        check_arguments(vm, args, "__getitem__", 1)?;
        let storage = receiver(vm, args, "__getitem__")?;
        let len = storage.cell().borrow().items.len();
        let at = position(vm, &args.pos[1], len)?;
        let item = storage.cell().borrow().items[at].clone();
        Ok(item)
    },
    fast = |_vm, args| {
        let [deque, Value::Int(index)] = args else { return None };
        let storage = super::deque::deque_storage(Some(deque))?;
        let store = storage.cell().borrow();
        let at = if *index < 0 { index.checked_add(store.items.len() as i64)? } else { *index };
        store.items.get(usize::try_from(at).ok()?).cloned()
    }
);

native!(DEQUE_SETITEM, "deque.__setitem__", |vm, _th, args| {
    check_arguments(vm, args, "__setitem__", 2)?;
    let storage = receiver(vm, args, "__setitem__")?;
    let len = storage.cell().borrow().items.len();
    let at = position(vm, &args.pos[1], len)?;
    let old = std::mem::replace(&mut storage.cell().borrow_mut().items[at], args.pos[2].clone());
    drop(old);
    Ok(Value::None)
});

native!(DEQUE_DELITEM, "deque.__delitem__", |vm, _th, args| {
    check_arguments(vm, args, "__delitem__", 1)?;
    let storage = receiver(vm, args, "__delitem__")?;
    let len = storage.cell().borrow().items.len();
    let at = position(vm, &args.pos[1], len)?;
    let removed = {
        let mut store = storage.cell().borrow_mut();
        store.state += 1;
        store.items.remove(at)
    };
    drop(removed);
    Ok(Value::None)
});

/// A method's count of arguments after the receiver, CPython's `_PyArg_CheckPositional`
/// message when it is outside `min..=max`.
fn positional(vm: &mut Vm, args: &Args, method: &str, min: usize, max: usize) -> Result<(), Control> {
    let given = args.pos.len().saturating_sub(1);
    if !args.kw.is_empty() {
        return Err(vm.raise_msg(Exc::TypeError, format!("{method}() takes no keyword arguments")));
    }
    let message = match given {
        n if n < min => format!("{method} expected {min} argument{}, got {n}", if min == 1 { "" } else { "s" }),
        n if n > max => format!("{method} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" }),
        _ => return Ok(()),
    };
    Err(vm.raise_msg(Exc::TypeError, message))
}

// CPython's `deque_insert`: at the right end from the length on, at the left end from minus
// the length; a full bounded deque refuses.
native!(DEQUE_INSERT, "deque.insert", |vm, _th, args| {
    positional(vm, args, "insert", 2, 2)?;
    let storage = receiver(vm, args, "insert")?;
    let index = crate::builtins::int_arg(vm, &args.pos[1], "")?;
    let mut store = storage.cell().borrow_mut();
    let len = store.items.len();
    if store.maxlen == Some(len) {
        drop(store);
        return Err(vm.raise_msg(Exc::IndexError, "deque already at its maximum size"));
    }
    let at = if index < 0 { (index + len as i64).max(0) } else { index.min(len as i64) };
    store.state += 1;
    store.items.insert(at as usize, args.pos[2].clone());
    Ok(Value::None)
});

// `rotate(n=1)`: n steps to the right (the last item first), left for a negative n.
native!(DEQUE_ROTATE, "deque.rotate", |vm, _th, args| {
    positional(vm, args, "rotate", 0, 1)?;
    let storage = receiver(vm, args, "rotate")?;
    let steps = match args.pos.get(1) {
        Some(n) => crate::builtins::int_arg(vm, n, "")?,
        None => 1,
    };
    let mut store = storage.cell().borrow_mut();
    let len = store.items.len();
    if len > 1 {
        store.state += 1;
        let right = steps.rem_euclid(len as i64) as usize;
        store.items.rotate_right(right);
    }
    Ok(Value::None)
});

native!(DEQUE_REVERSE, "deque.reverse", |vm, _th, args| {
    check_arguments(vm, args, "reverse", 0)?;
    let storage = receiver(vm, args, "reverse")?;
    storage.cell().borrow_mut().items.make_contiguous().reverse();
    Ok(Value::None)
});
