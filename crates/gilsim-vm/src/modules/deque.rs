//! The storage of `collections.deque` (library/collections.py) and the steps CPython's C
//! deque does atomically under the GIL. A deque keeps its items in a [`DequeStore`], a
//! double-ended queue held by a storage object in the deque's `_items` attribute, so that
//! both ends are O(1) as CPython's block list makes them (a `popleft` loop over a long deque
//! was quadratic on a list). Each change is one native call, so no other thread runs between
//! the check and the change (two threads popping a one-item deque: one gets the item, the
//! other CPython's IndexError). The methods are native methods of the deque class, with fast
//! paths: a call has no frame of its own, as a C method's (a `queue.Queue` makes three per
//! item). Its iterator is native too, and fails as CPython's `dequeiter_next` does once the
//! deque's `state` (a count of its changes of length) moved.
//!
//! Invariant: a store never holds more than its `maxlen` items.

use crate::builtins::{arity, int_arg};
use crate::footprint::PyCell;
use crate::native::{native, Args, Control, NResult};
use crate::value::{Instance, Slot, Truth, Value};
use crate::{Exc, Vm};
use std::collections::VecDeque;
use std::rc::Rc;

/// A deque's items, its bound and its count of changes.
#[derive(Default)]
pub struct DequeStore {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Moved by every change of length (CPython's `deque->state`): a live iterator fails.
    pub state: u64,
}

impl DequeStore {
    /// Add `value` at the right (or left) end, dropping from the other end past `maxlen`
    /// (CPython's `deque_append` and `deque_appendleft`: a deque of maxlen 0 keeps nothing).
    fn push(&mut self, value: Value, left: bool) {
        if self.maxlen == Some(0) {
            return;
        }
        self.state += 1;
        if left {
            self.items.push_front(value);
        } else {
            self.items.push_back(value);
        }
        if self.maxlen.is_some_and(|max| self.items.len() > max) {
            if left {
                self.items.pop_back();
            } else {
                self.items.pop_front();
            }
        }
    }

    /// Its items become `items` (a change of its state); returns the old ones, to be dropped
    /// once the store is no longer borrowed.
    fn replace_items(&mut self, items: VecDeque<Value>) -> VecDeque<Value> {
        self.state += 1;
        std::mem::replace(&mut self.items, items)
    }

    fn pop(&mut self, left: bool) -> Option<Value> {
        let popped = if left { self.items.pop_front() } else { self.items.pop_back() };
        self.state += u64::from(popped.is_some());
        popped
    }

    /// The same store with each item replaced by `f`'s copy (a copied program state's).
    pub fn try_copy<E>(&self, f: impl FnMut(&Value) -> Result<Value, E>) -> Result<DequeStore, E> {
        Ok(DequeStore { items: self.items.iter().map(f).collect::<Result<_, _>>()?, ..*self })
    }

    /// Its items, emptied out of it (a teardown's).
    pub fn take_values(&mut self) -> VecDeque<Value> {
        std::mem::take(&mut self.items)
    }
}

/// The storage object in a deque's `_items`: an instance whose slot is a [`DequeStore`].
pub(crate) struct Storage(Rc<Instance>);

impl Storage {
    pub(crate) fn of(value: &Value) -> Option<Storage> {
        match value {
            Value::Instance(inst) if matches!(inst.slot, Slot::Deque(_)) => Some(Storage(inst.clone())),
            _ => None,
        }
    }

    pub(crate) fn cell(&self) -> &PyCell<DequeStore> {
        match &self.0.slot {
            Slot::Deque(store) => store,
            _ => unreachable!("Storage::of checked the slot"),
        }
    }

    fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }
}

fn storage_arg(vm: &mut Vm, value: &Value) -> Result<Storage, Control> {
    Storage::of(value).ok_or_else(|| vm.raise_msg(Exc::TypeError, "not a deque's storage"))
}

fn maxlen(vm: &mut Vm, v: &Value) -> Result<Option<usize>, Control> {
    match v {
        Value::None => Ok(None),
        v => Ok(Some(int_arg(vm, v, "")?.max(0) as usize)),
    }
}

// `_gilsim.deque_new(maxlen)`: an empty deque's storage.
native!(DEQUE_NEW, "_gilsim.deque_new", |vm, _th, args| {
    arity(vm, "deque_new", args, 1, 1)?;
    let maxlen = maxlen(vm, &args.pos[0])?;
    let store = DequeStore { maxlen, ..DequeStore::default() };
    let class = vm.types.object.clone();
    Ok(Value::Instance(Rc::new(Instance::new(class, Slot::Deque(PyCell::new(store))))))
});

// `_gilsim.deque_extend(storage, values, left)`: `values` a list.
native!(DEQUE_EXTEND, "_gilsim.deque_extend", |vm, _th, args| {
    arity(vm, "deque_extend", args, 3, 3)?;
    let storage = storage_arg(vm, &args.pos[0])?;
    let Value::List(values) = &args.pos[1] else {
        return Err(vm.raise_msg(Exc::TypeError, "deque_extend takes a list"));
    };
    let left = matches!(args.pos[2], Value::Bool(Truth::True));
    let mut store = storage.cell().borrow_mut();
    for value in values.borrow().iter() {
        store.push(value.clone(), left);
    }
    Ok(Value::None)
});

// `_gilsim.deque_list(storage)`: a list of the deque's items, left to right.
native!(DEQUE_LIST, "_gilsim.deque_list", |vm, _th, args| {
    arity(vm, "deque_list", args, 1, 1)?;
    let storage = storage_arg(vm, &args.pos[0])?;
    let items = storage.cell().borrow().items.iter().cloned().collect();
    Ok(Value::list(items))
});

// `_gilsim.deque_repr_items(storage)`: the repr of a list of the deque's items, or None
// within the deque's own repr (CPython's `deque_repr` shows `[...]` where a deque holds
// itself).
native!(DEQUE_REPR_ITEMS, "_gilsim.deque_repr_items", |vm, th, args| {
    arity(vm, "deque_repr_items", args, 1, 1)?;
    let storage = storage_arg(vm, &args.pos[0])?;
    let items = Value::list(storage.cell().borrow().items.iter().cloned().collect());
    let repr = vm.repr_unless_active(th, Rc::as_ptr(&storage.0) as usize, &items)?;
    Ok(repr.map_or(Value::None, |repr| Value::str(&repr)))
});

// `_gilsim.deque_assign(storage, values)`: the deque's items become the list `values` (at
// most maxlen of them, the last ones), a change of its state.
native!(DEQUE_ASSIGN, "_gilsim.deque_assign", |vm, _th, args| {
    arity(vm, "deque_assign", args, 2, 2)?;
    let storage = storage_arg(vm, &args.pos[0])?;
    let Value::List(values) = &args.pos[1] else {
        return Err(vm.raise_msg(Exc::TypeError, "deque_assign takes a list"));
    };
    let values: VecDeque<Value> = values.borrow().iter().cloned().collect();
    let old = {
        let mut store = storage.cell().borrow_mut();
        let old = store.replace_items(values);
        while store.maxlen.is_some_and(|max| store.items.len() > max) {
            store.items.pop_front();
        }
        old
    };
    drop(old);
    Ok(Value::None)
});

// `_gilsim.deque_iter(storage)`: the deque's iterator, which fails once the deque's length
// changed under it ("deque mutated during iteration": another thread appending while one
// iterates).
native!(DEQUE_ITER, "_gilsim.deque_iter", |vm, _th, args| {
    arity(vm, "deque_iter", args, 1, 1)?;
    let storage = storage_arg(vm, &args.pos[0])?;
    let (size, state) = {
        let store = storage.cell().borrow();
        (store.items.len(), store.state)
    };
    Ok(crate::iterators::iterator(crate::iterators::IterState::Deque {
        storage: storage.value(),
        index: 0,
        size,
        state,
    }))
});

/// The storage of the deque a method was called on, looked for first where deque.__init__
/// puts it (its first attribute): no hashing.
pub(crate) fn deque_storage(receiver: Option<&Value>) -> Option<Storage> {
    let Some(Value::Instance(inst)) = receiver else { return None };
    let dict = inst.dict.borrow();
    match dict.get_index(0) {
        Some((key, value)) if matches!(&key.0, Value::Str(k) if &**k == "_items") => Storage::of(value),
        _ => Storage::of(dict.get(&crate::dict::Name("_items"))?),
    }
}

/// The storage of the deque a method was called on, or CPython's TypeError for a method
/// called on something else.
pub(crate) fn receiver(vm: &mut Vm, args: &Args, method: &str) -> Result<Storage, Control> {
    match deque_storage(args.pos.first()) {
        Some(storage) => Ok(storage),
        None => not_a_deque(vm, args, method),
    }
}

#[inline(never)]
fn not_a_deque<T>(vm: &mut Vm, args: &Args, method: &str) -> Result<T, Control> {
    let what = args.pos.first().map_or_else(|| "nothing".into(), crate::builtins::type_name_of);
    let message = format!("descriptor '{method}' for 'collections.deque' objects doesn't apply to a '{what}' object");
    Err(vm.raise_msg(Exc::TypeError, message))
}

/// CPython's check of a C method's arguments: `append` takes one (METH_O), `pop` none
/// (METH_NOARGS); named `deque.append()` from 3.9, `__len__`'s slot wrapper its own way.
#[inline]
pub(crate) fn check_arguments(vm: &mut Vm, args: &Args, method: &str, wanted: usize) -> Result<(), Control> {
    let given = args.pos.len().saturating_sub(1);
    if given == wanted && args.kw.is_empty() {
        return Ok(());
    }
    wrong_arguments(vm, args, method, wanted)
}

#[inline(never)]
fn wrong_arguments(vm: &mut Vm, args: &Args, method: &str, wanted: usize) -> Result<(), Control> {
    let given = args.pos.len().saturating_sub(1);
    let name = if vm.options.python >= gilsim_core::PythonVersion::new(3, 9) {
        format!("deque.{method}")
    } else {
        method.to_string()
    };
    let message = if !args.kw.is_empty() {
        format!("{name}() takes no keyword arguments")
    } else if method.starts_with("__") {
        format!("expected {wanted} argument{}, got {given}", if wanted == 1 { "" } else { "s" })
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
        let len = receiver(vm, args, "__len__")?.cell().borrow().items.len();
        Ok(Value::Int(len as i64))
    },
    fast = |_vm, args| match args {
        [deque] => Some(Value::Int(deque_storage(Some(deque))?.cell().borrow().items.len() as i64)),
        _ => None,
    }
);

native!(
    DEQUE_BOOL,
    "deque.__bool__",
    |vm, _th, args| {
        check_arguments(vm, args, "__bool__", 0)?;
        let empty = receiver(vm, args, "__bool__")?.cell().borrow().items.is_empty();
        Ok(Value::Bool(Truth::from(!empty)))
    },
    fast = |_vm, args| match args {
        [deque] => Some(Value::Bool(Truth::from(!deque_storage(Some(deque))?.cell().borrow().items.is_empty()))),
        _ => None,
    }
);

native!(DEQUE_CLEAR, "deque.clear", |vm, _th, args| {
    check_arguments(vm, args, "clear", 0)?;
    let storage = receiver(vm, args, "clear")?;
    let old = storage.cell().borrow_mut().replace_items(VecDeque::new());
    drop(old);
    Ok(Value::None)
});

// `maxlen`'s getter (a read-only property, as CPython's).
native!(DEQUE_MAXLEN, "deque.maxlen", |vm, _th, args| {
    check_arguments(vm, args, "maxlen", 0)?;
    let maxlen = receiver(vm, args, "maxlen")?.cell().borrow().maxlen;
    Ok(maxlen.map_or(Value::None, |max| Value::Int(max as i64)))
});

fn append(vm: &mut Vm, args: &Args, method: &str, left: bool) -> NResult {
    check_arguments(vm, args, method, 1)?;
    let storage = receiver(vm, args, method)?;
    storage.cell().borrow_mut().push(args.pos[1].clone(), left);
    Ok(Value::None)
}

/// [`append`] on the value stack (`[deque, value]`).
fn append_fast(args: &[Value], left: bool) -> Option<Value> {
    let [deque, value] = args else { return None };
    deque_storage(Some(deque))?.cell().borrow_mut().push(value.clone(), left);
    Some(Value::None)
}

fn pop(vm: &mut Vm, args: &Args, method: &str, left: bool) -> NResult {
    check_arguments(vm, args, method, 0)?;
    let storage = receiver(vm, args, method)?;
    let popped = storage.cell().borrow_mut().pop(left);
    popped.ok_or_else(|| vm.raise_msg(Exc::IndexError, "pop from an empty deque"))
}

/// [`pop`] on the value stack (`[deque]`) of a deque that is not empty.
fn pop_fast(args: &[Value], left: bool) -> Option<Value> {
    let [deque] = args else { return None };
    let popped = deque_storage(Some(deque))?.cell().borrow_mut().pop(left);
    popped
}

// `_gilsim.deque_methods()`: the deque class's native methods, in the order collections.py
// names them.
native!(DEQUE_METHODS, "_gilsim.deque_methods", |vm, _th, args| {
    arity(vm, "deque_methods", args, 0, 0)?;
    let methods = [
        &DEQUE_APPEND,
        &DEQUE_APPENDLEFT,
        &DEQUE_POP_METHOD,
        &DEQUE_POPLEFT,
        &DEQUE_LEN,
        &DEQUE_BOOL,
        &DEQUE_CLEAR,
        &DEQUE_MAXLEN,
        &super::deque_index::DEQUE_GETITEM,
        &super::deque_index::DEQUE_SETITEM,
        &super::deque_index::DEQUE_DELITEM,
        &super::deque_index::DEQUE_INSERT,
        &super::deque_index::DEQUE_ROTATE,
        &super::deque_index::DEQUE_REVERSE,
    ];
    Ok(Value::tuple(methods.into_iter().map(Value::Native).collect()))
});

/// Whether `native` is one of the deque's methods CPython fills a type slot with (truth,
/// `d[i]`, `d[i] = x`, `del d[i]`): the interpreter's operations call them as they call a
/// Python class's dunders.
pub(crate) fn is_slot(native: &crate::native::NativeFn) -> bool {
    use super::deque_index::{DEQUE_DELITEM, DEQUE_GETITEM, DEQUE_SETITEM};
    [&DEQUE_BOOL, &DEQUE_GETITEM, &DEQUE_SETITEM, &DEQUE_DELITEM].into_iter().any(|slot| std::ptr::eq(slot, native))
}

pub const NATIVES: [&crate::native::NativeFn; 7] =
    [&DEQUE_NEW, &DEQUE_EXTEND, &DEQUE_LIST, &DEQUE_REPR_ITEMS, &DEQUE_ASSIGN, &DEQUE_ITER, &DEQUE_METHODS];
