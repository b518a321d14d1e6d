//! The steps of `collections.deque` (library/collections.py) that CPython's C deque does
//! atomically under the GIL: an append that trims to `maxlen`, a pop that checks for an
//! empty deque, an extend, its length. Each is one native call on the deque's list, so no
//! other thread can run between the check and the change (two threads popping a one-item
//! deque: one gets the item, the other CPython's IndexError). `append`, `appendleft`, `pop`,
//! `popleft` and `__len__` are native methods of the deque class, with fast paths: a call
//! has no frame of its own, as a C method's (a `queue.Queue` makes three per item). Its
//! iterator is native too, as CPython's.

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

// `_gilsim.deque_iter(items)`: the deque's iterator, which fails once the deque is changed
// under it ("deque mutated during iteration": another thread appending while one iterates).
native!(DEQUE_ITER, "_gilsim.deque_iter", |vm, _th, args| {
    arity(vm, "deque_iter", args, 1, 1)?;
    let items = items(vm, &args.pos[0])?;
    let size = items.borrow().len();
    Ok(crate::iterators::iterator(crate::iterators::IterState::Deque { items, index: 0, size }))
});

/// The instance attribute `name` of the deque a method was called on, looked for first at
/// `at`, where deque.__init__ puts it (`_items` first, `maxlen` second): no hashing.
fn deque_attr(receiver: Option<&Value>, name: &str, at: usize) -> Option<Value> {
    let Some(Value::Instance(inst)) = receiver else { return None };
    let dict = inst.dict.borrow();
    match dict.get_index(at) {
        Some((key, value)) if matches!(&key.0, Value::Str(k) if &**k == name) => Some(value.clone()),
        _ => dict.get(&crate::dict::Name(name)).cloned(),
    }
}

/// The items of the deque a method was called on.
fn receiver(vm: &mut Vm, args: &crate::native::Args, method: &str) -> Result<ItemsRef, Control> {
    match deque_attr(args.pos.first(), "_items", 0) {
        Some(Value::List(items)) => Ok(items),
        _ => not_a_deque(vm, args, method),
    }
}

/// The `maxlen` of the deque a method was called on (checked by [`receiver`]).
fn receiver_maxlen(vm: &mut Vm, args: &crate::native::Args) -> Result<Option<usize>, Control> {
    maxlen(vm, &deque_attr(args.pos.first(), "maxlen", 1).unwrap_or(Value::None))
}

#[inline(never)]
fn not_a_deque<T>(vm: &mut Vm, args: &crate::native::Args, method: &str) -> Result<T, Control> {
    let what = args.pos.first().map_or_else(|| "nothing".into(), crate::builtins::type_name_of);
    let message = format!("descriptor '{method}' for 'collections.deque' objects doesn't apply to a '{what}' object");
    Err(vm.raise_msg(Exc::TypeError, message))
}

type ItemsRef = std::rc::Rc<crate::footprint::PyCell<Vec<Value>>>;

/// CPython's check of a C method's arguments: `append` takes one (METH_O), `pop` none
/// (METH_NOARGS); named `deque.append()` from 3.9, `__len__`'s slot wrapper its own way.
#[inline]
fn check_arguments(vm: &mut Vm, args: &crate::native::Args, method: &str, wanted: usize) -> Result<(), Control> {
    let given = args.pos.len().saturating_sub(1);
    if given == wanted && args.kw.is_empty() {
        return Ok(());
    }
    wrong_arguments(vm, args, method, wanted)
}

#[inline(never)]
fn wrong_arguments(vm: &mut Vm, args: &crate::native::Args, method: &str, wanted: usize) -> Result<(), Control> {
    let given = args.pos.len().saturating_sub(1);
    let name = if vm.options.python >= gilsim_core::PythonVersion::new(3, 9) {
        format!("deque.{method}")
    } else {
        method.to_string()
    };
    let message = if !args.kw.is_empty() {
        format!("{name}() takes no keyword arguments")
    } else if method == "__len__" {
        format!("expected 0 arguments, got {given}")
    } else if wanted == 1 {
        format!("{name}() takes exactly one argument ({given} given)")
    } else {
        format!("{name}() takes no arguments ({given} given)")
    };
    Err(vm.raise_msg(Exc::TypeError, message))
}

// The deque methods CPython writes in C, as native methods of library/collections.py's
// deque (`_gilsim.deque_methods()`): a call is one step, with no frame of its own, as a C
// method's (a Queue's put and get call them on every item).
native!(
    DEQUE_APPEND,
    "deque.append",
    |vm, _th, args| append(vm, args, "append", false),
    fast = |_vm, args| append_fast(args, false)
);

native!(
    DEQUE_APPENDLEFT,
    "deque.appendleft",
    |vm, _th, args| append(vm, args, "appendleft", true),
    fast = |_vm, args| append_fast(args, true)
);

native!(
    DEQUE_POP_METHOD,
    "deque.pop",
    |vm, _th, args| pop(vm, args, "pop", false),
    fast = |_vm, args| pop_fast(args, false)
);

native!(
    DEQUE_POPLEFT,
    "deque.popleft",
    |vm, _th, args| pop(vm, args, "popleft", true),
    fast = |_vm, args| pop_fast(args, true)
);

native!(
    DEQUE_LEN,
    "deque.__len__",
    |vm, _th, args| {
        check_arguments(vm, args, "__len__", 0)?;
        let len = receiver(vm, args, "__len__")?.borrow().len();
        Ok(Value::Int(len as i64))
    },
    fast = |_vm, args| match args {
        [deque] => match deque_attr(Some(deque), "_items", 0)? {
            Value::List(items) => Some(Value::Int(items.borrow().len() as i64)),
            _ => None,
        },
        _ => None,
    }
);

fn append(vm: &mut Vm, args: &crate::native::Args, method: &str, left: bool) -> crate::native::NResult {
    check_arguments(vm, args, method, 1)?;
    let items = receiver(vm, args, method)?;
    let maxlen = receiver_maxlen(vm, args)?;
    push(&mut items.borrow_mut(), [args.pos[1].clone()], maxlen, left);
    Ok(Value::None)
}

/// [`append`] on the value stack (`[deque, value]`), when `maxlen` is None or an int.
fn append_fast(args: &[Value], left: bool) -> Option<Value> {
    let [deque, value] = args else { return None };
    let Value::List(items) = deque_attr(Some(deque), "_items", 0)? else { return None };
    let maxlen = match deque_attr(Some(deque), "maxlen", 1)? {
        Value::None => None,
        Value::Int(max) => Some(max.max(0) as usize),
        _ => return None,
    };
    push(&mut items.borrow_mut(), [value.clone()], maxlen, left);
    Some(Value::None)
}

fn pop(vm: &mut Vm, args: &crate::native::Args, method: &str, left: bool) -> crate::native::NResult {
    check_arguments(vm, args, method, 0)?;
    let items = receiver(vm, args, method)?;
    let popped = pop_end(&mut items.borrow_mut(), left);
    popped.ok_or_else(|| vm.raise_msg(Exc::IndexError, "pop from an empty deque"))
}

/// [`pop`] on the value stack (`[deque]`) of a deque that is not empty.
fn pop_fast(args: &[Value], left: bool) -> Option<Value> {
    let [deque] = args else { return None };
    let Value::List(items) = deque_attr(Some(deque), "_items", 0)? else { return None };
    let mut items = items.borrow_mut();
    pop_end(&mut items, left)
}

fn pop_end(items: &mut Vec<Value>, left: bool) -> Option<Value> {
    match (items.is_empty(), left) {
        (true, _) => None,
        (false, true) => Some(items.remove(0)),
        (false, false) => items.pop(),
    }
}

// `_gilsim.deque_methods()`: (append, appendleft, pop, popleft, __len__).
native!(DEQUE_METHODS, "_gilsim.deque_methods", |vm, _th, args| {
    arity(vm, "deque_methods", args, 0, 0)?;
    let methods = [&DEQUE_APPEND, &DEQUE_APPENDLEFT, &DEQUE_POP_METHOD, &DEQUE_POPLEFT, &DEQUE_LEN];
    Ok(Value::tuple(methods.into_iter().map(Value::Native).collect()))
});

pub const NATIVES: [&crate::native::NativeFn; 3] = [&DEQUE_EXTEND, &DEQUE_ITER, &DEQUE_METHODS];
