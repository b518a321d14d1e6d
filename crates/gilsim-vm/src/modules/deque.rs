//! The steps of `collections.deque` (library/collections.py) that CPython's C deque does
//! atomically under the GIL: an append that trims to `maxlen`, a pop that checks for an
//! empty deque, an extend. Each is one native call on the deque's list, so no other thread
//! can run between the check and the change (two threads popping a one-item deque: one gets
//! the item, the other CPython's IndexError). Its iterator is native too, as CPython's.

use crate::builtins::{arity, int_arg};
use crate::native::{native, Control};
use crate::value::{Truth, Value};
use crate::{Exc, Vm};

fn items(vm: &mut Vm, v: &Value) -> Result<std::rc::Rc<crate::footprint::PyCell<Vec<Value>>>, Control> {
    match v {
        Value::List(list) => Ok(list.clone()),
        _ => Err(vm.raise_msg(Exc::TypeError, "deque storage must be a list")),
    }
}

fn maxlen(vm: &mut Vm, v: &Value) -> Result<Option<usize>, Control> {
    match v {
        Value::None => Ok(None),
        v => Ok(Some(int_arg(vm, v, "")?.max(0) as usize)),
    }
}

/// Add `values` at the right (or left) end, dropping from the other end past `maxlen`.
fn push(list: &mut Vec<Value>, values: impl IntoIterator<Item = Value>, maxlen: Option<usize>, left: bool) {
    for value in values {
        if maxlen == Some(0) {
            continue;
        }
        if left {
            list.insert(0, value);
        } else {
            list.push(value);
        }
        if maxlen.is_some_and(|max| list.len() > max) {
            if left {
                list.pop();
            } else {
                list.remove(0);
            }
        }
    }
}

// `_gilsim.deque_push(items, value, maxlen, left)`.
native!(
    DEQUE_PUSH,
    "_gilsim.deque_push",
    |vm, _th, args| {
        arity(vm, "deque_push", args, 4, 4)?;
        let list = items(vm, &args.pos[0])?;
        let maxlen = maxlen(vm, &args.pos[2])?;
        let left = matches!(args.pos[3], Value::Bool(Truth::True));
        push(&mut list.borrow_mut(), [args.pos[1].clone()], maxlen, left);
        Ok(Value::None)
    },
    fast = |_vm, args| {
        let [Value::List(list), value, maxlen, Value::Bool(left)] = args else { return None };
        let maxlen = match maxlen {
            Value::None => None,
            Value::Int(max) => Some((*max).max(0) as usize),
            _ => return None,
        };
        push(&mut list.borrow_mut(), [value.clone()], maxlen, left.get());
        Some(Value::None)
    }
);

// `_gilsim.deque_extend(items, values, maxlen, left)`: `values` a list.
native!(DEQUE_EXTEND, "_gilsim.deque_extend", |vm, _th, args| {
    arity(vm, "deque_extend", args, 4, 4)?;
    let list = items(vm, &args.pos[0])?;
    let values = items(vm, &args.pos[1])?.borrow().clone();
    let maxlen = maxlen(vm, &args.pos[2])?;
    let left = matches!(args.pos[3], Value::Bool(Truth::True));
    push(&mut list.borrow_mut(), values, maxlen, left);
    Ok(Value::None)
});

// `_gilsim.deque_pop(items, left)`; the fast path pops from a deque that is not empty.
native!(
    DEQUE_POP,
    "_gilsim.deque_pop",
    deque_pop,
    fast = |_vm, args| {
        let [Value::List(list), Value::Bool(left)] = args else { return None };
        let mut list = list.borrow_mut();
        match (list.is_empty(), left) {
            (true, _) => None,
            (false, Truth::True) => Some(list.remove(0)),
            (false, Truth::False) => list.pop(),
        }
    }
);

fn deque_pop(vm: &mut Vm, _th: &mut crate::Thread, args: &mut crate::native::Args) -> crate::native::NResult {
    arity(vm, "deque_pop", args, 2, 2)?;
    let list = items(vm, &args.pos[0])?;
    let left = matches!(args.pos[1], Value::Bool(Truth::True));
    let popped = {
        let mut list = list.borrow_mut();
        if list.is_empty() {
            None
        } else if left {
            Some(list.remove(0))
        } else {
            list.pop()
        }
    };
    popped.ok_or_else(|| vm.raise_msg(Exc::IndexError, "pop from an empty deque"))
}

// `_gilsim.deque_iter(items)`: the deque's iterator, which fails once the deque is changed
// under it ("deque mutated during iteration": another thread appending while one iterates).
native!(DEQUE_ITER, "_gilsim.deque_iter", |vm, _th, args| {
    arity(vm, "deque_iter", args, 1, 1)?;
    let items = items(vm, &args.pos[0])?;
    let size = items.borrow().len();
    Ok(crate::iterators::iterator(crate::iterators::IterState::Deque { items, index: 0, size }))
});

pub const NATIVES: [&crate::native::NativeFn; 4] = [&DEQUE_PUSH, &DEQUE_EXTEND, &DEQUE_POP, &DEQUE_ITER];
