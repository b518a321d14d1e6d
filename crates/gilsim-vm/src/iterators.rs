//! Iterators over built-in values, and the lazy built-ins `enumerate`, `zip`, `map` and
//! `filter`. Each step reads its source as it is *then*, as CPython's iterators do: a list
//! iterator sees items appended meanwhile, a dict iterator reads the value of each key when it
//! reaches it and fails with CPython's "dictionary changed size during iteration" once another
//! thread (or the loop itself) added or removed a key, and `map(f, xs)` calls `f` only when the
//! next item is asked for. When shared data is read is what decides many races.
//! `Vm::get_iter`, `Vm::for_each` and `Vm::collect` are how the VM consumes any iterable.

use crate::dict::{Dict, PySet};
use crate::dict_view::ViewKind;
use crate::footprint::PyCell;
use crate::frame::ReturnMode;
use crate::interp::Invoked;
use crate::native::{Args, Control};
use crate::value::{int_value, Value};
use crate::{Exc, Thread, Vm};
use std::rc::Rc;

/// Iterator state for `iter()` over built-in containers and for the lazy built-ins.
#[derive(Default)]
pub enum IterState {
    Seq {
        items: Value,
        index: usize,
    },
    Range {
        next: i128,
        stop: i128,
        step: i128,
    },
    /// Iterate a snapshot (strings, `reversed`, items collected from Python iterators).
    Snapshot {
        items: Vec<Value>,
        index: usize,
    },
    /// A dict's keys, values or items, each read when reached (CPython's dictiter).
    Dict {
        dict: Rc<PyCell<Dict>>,
        kind: ViewKind,
        index: usize,
        /// The dict's size when iteration began: any other size fails the next step.
        size: usize,
        /// The entries' order when it is not insertion order (Python 2.7's: crate::py2_order).
        order: Option<Rc<[usize]>>,
    },
    /// A set's members in their order when iteration began; fails once the size changes
    /// (CPython's setiter: "Set changed size during iteration").
    Set {
        set: Rc<PyCell<PySet>>,
        members: Vec<Value>,
        index: usize,
        size: usize,
    },
    /// A `collections.deque`'s items (its storage, see [`crate::modules::deque`]), read when
    /// reached, `size` of them; fails once the deque's `state` moved, as CPython's dequeiter
    /// (a `popleft()` and an `append()` too, which leave its length as it was).
    Deque {
        storage: Value,
        index: usize,
        size: usize,
        state: u64,
    },
    /// `enumerate(iterable, start)`: `inner` is an iterator over built-in values.
    Enumerate {
        inner: Value,
        count: i64,
    },
    /// `zip(*iterables)`.
    Zip {
        inners: Vec<Value>,
    },
    /// `map(func, *iterables)`.
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    /// `filter(func, iterable)`; `func` None keeps the true items.
    Filter {
        func: Value,
        inner: Value,
    },
    /// An object with `__getitem__` and no `__iter__`: items 0, 1, ... until IndexError or
    /// StopIteration (CPython's seqiter, the old sequence protocol).
    GetItem {
        obj: Value,
        index: i64,
    },
    #[default]
    Exhausted,
}

/// The types of built-in iterators, by [`IterState::type_index`].
pub const ITERATOR_TYPES: [&str; 14] = [
    "iterator",
    "tuple_iterator",
    "list_iterator",
    "range_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "_deque_iterator",
    "bytearray_iterator",
];

/// A range iterator's next item, stepping past it; None once it reached `stop`.
#[inline(always)]
fn range_take(next: &mut i128, stop: i128, step: i128) -> Option<i128> {
    let more = if step > 0 { *next < stop } else { *next > stop };
    if !more {
        return None;
    }
    let v = *next;
    // Past i128 there is nothing left before the stop.
    *next = next.checked_add(step).unwrap_or(stop);
    Some(v)
}

/// One step of an iterator that needs no interpreter.
pub enum Step {
    Item(Value),
    Done,
    /// The source changed under the iterator: a RuntimeError with this message.
    Changed(&'static str),
    /// A lazy built-in: the interpreter takes the step ([`Vm::next_item`]).
    Lazy,
}

impl IterState {
    /// The next int of a range iterator when it fits an i64; None (and no step taken) for any
    /// other iterator or an exhausted range. `ForIter`'s hottest case: an `Option<i64>` comes
    /// back in registers, where a [`Step`] holding a `Value` is copied through the stack with
    /// its padding (partial-width stores that stall the load reading them back).
    #[inline(always)]
    pub fn next_small_int(&mut self) -> Option<i64> {
        let IterState::Range { next, stop, step } = self else { return None };
        let small = i64::try_from(*next).ok()?;
        range_take(next, *stop, *step).map(|_| small)
    }

    /// The next item of a container iterator; an exhausted iterator stays exhausted.
    /// Always inlined: it is `ForIter`'s hot path (without it case 11 runs ~30% slower).
    #[inline(always)]
    pub fn advance(&mut self) -> Step {
        let result = match self {
            IterState::Range { next, stop, step } => range_take(next, *stop, *step).map(|v| match i64::try_from(v) {
                Ok(small) => Value::Int(small),
                Err(_) => int_value(v),
            }),
            IterState::Seq { items, index } => {
                let item = match items {
                    Value::List(l) => l.borrow().get(*index).cloned(),
                    Value::Tuple(t) => t.get(*index).cloned(),
                    Value::ByteArray(b) => b.borrow().get(*index).map(|&byte| Value::Int(i64::from(byte))),
                    _ => None,
                };
                *index += 1;
                item
            }
            IterState::Snapshot { items, index } => {
                let item = items.get(*index).cloned();
                *index += 1;
                item
            }
            IterState::Dict { dict, kind, index, size, order } => {
                let dict = dict.borrow();
                // The state stays failing, as CPython's does (di_used = -1).
                if dict.len() != *size {
                    return Step::Changed("dictionary changed size during iteration");
                }
                let at = match order {
                    Some(order) => order.get(*index).copied().unwrap_or(usize::MAX),
                    None => *index,
                };
                let item = dict.get_index(at).map(|(k, v)| kind.item(k, v));
                *index += 1;
                item
            }
            IterState::Set { set, members, index, size } => {
                if set.borrow().len() != *size {
                    return Step::Changed("Set changed size during iteration");
                }
                let item = members.get(*index).cloned();
                *index += 1;
                item
            }
            IterState::Deque { storage, index, size, state } => {
                let Some(storage) = crate::modules::deque::Storage::of(storage) else { return Step::Done };
                let store = storage.cell().borrow();
                if store.state != *state {
                    return Step::Changed("deque mutated during iteration");
                }
                let item = if *index < *size { store.items.get(*index).cloned() } else { None };
                *index += 1;
                item
            }
            IterState::Enumerate { .. }
            | IterState::Zip { .. }
            | IterState::Map { .. }
            | IterState::Filter { .. }
            | IterState::GetItem { .. } => return Step::Lazy,
            IterState::Exhausted => None,
        };
        match result {
            Some(v) => Step::Item(v),
            None => {
                *self = IterState::Exhausted;
                Step::Done
            }
        }
    }

    /// CPython's name for the iterator's type (`'map' object is not subscriptable`).
    pub fn type_name(&self) -> &'static str {
        ITERATOR_TYPES[self.type_index()]
    }

    /// The index of the iterator's type in [`ITERATOR_TYPES`].
    pub fn type_index(&self) -> usize {
        match self {
            IterState::Snapshot { .. } | IterState::GetItem { .. } | IterState::Exhausted => 0,
            IterState::Seq { items: Value::Tuple(_), .. } => 1,
            IterState::Seq { items: Value::ByteArray(_), .. } => 13,
            IterState::Seq { .. } => 2,
            IterState::Range { .. } => 3,
            IterState::Dict { kind, .. } => 4 + *kind as usize,
            IterState::Set { .. } => 7,
            IterState::Enumerate { .. } => 8,
            IterState::Zip { .. } => 9,
            IterState::Map { .. } => 10,
            IterState::Filter { .. } => 11,
            IterState::Deque { .. } => 12,
        }
    }

    /// Every value the state holds (to measure the heap and to free it).
    pub fn values(&self) -> Vec<Value> {
        match self {
            IterState::Seq { items, .. } => vec![items.clone()],
            IterState::Snapshot { items, .. } => items.clone(),
            IterState::Dict { dict, .. } => vec![Value::Dict(dict.clone())],
            IterState::Set { set, members, .. } => {
                let mut values = members.clone();
                values.push(Value::Set(set.clone()));
                values
            }
            IterState::Deque { storage, .. } => vec![storage.clone()],
            IterState::Enumerate { inner, .. } => vec![inner.clone()],
            IterState::Zip { inners } => inners.clone(),
            IterState::Map { func, inners } => std::iter::once(func.clone()).chain(inners.iter().cloned()).collect(),
            IterState::Filter { func, inner } => vec![func.clone(), inner.clone()],
            IterState::GetItem { obj, .. } => vec![obj.clone()],
            IterState::Range { .. } | IterState::Exhausted => Vec::new(),
        }
    }

    /// The same state with every value it holds replaced by `f`'s copy (a forked process's).
    pub fn try_map<E>(&self, mut f: impl FnMut(&Value) -> Result<Value, E>) -> Result<IterState, E> {
        fn all<E>(values: &[Value], f: &mut impl FnMut(&Value) -> Result<Value, E>) -> Result<Vec<Value>, E> {
            values.iter().map(f).collect()
        }
        Ok(match self {
            IterState::Seq { items, index } => IterState::Seq { items: f(items)?, index: *index },
            IterState::Range { next, stop, step } => IterState::Range { next: *next, stop: *stop, step: *step },
            IterState::Snapshot { items, index } => IterState::Snapshot { items: all(items, &mut f)?, index: *index },
            IterState::Dict { dict, kind, index, size, order } => match f(&Value::Dict(dict.clone()))? {
                Value::Dict(dict) => {
                    IterState::Dict { dict, kind: *kind, index: *index, size: *size, order: order.clone() }
                }
                _ => IterState::Exhausted,
            },
            IterState::Set { set, members, index, size } => match f(&Value::Set(set.clone()))? {
                Value::Set(set) => IterState::Set { set, members: all(members, &mut f)?, index: *index, size: *size },
                _ => IterState::Exhausted,
            },
            IterState::Deque { storage, index, size, state } => {
                IterState::Deque { storage: f(storage)?, index: *index, size: *size, state: *state }
            }
            IterState::Enumerate { inner, count } => IterState::Enumerate { inner: f(inner)?, count: *count },
            IterState::Zip { inners } => IterState::Zip { inners: all(inners, &mut f)? },
            IterState::Map { func, inners } => IterState::Map { func: f(func)?, inners: all(inners, &mut f)? },
            IterState::Filter { func, inner } => IterState::Filter { func: f(func)?, inner: f(inner)? },
            IterState::GetItem { obj, index } => IterState::GetItem { obj: f(obj)?, index: *index },
            IterState::Exhausted => IterState::Exhausted,
        })
    }
}

pub(crate) fn iterator(state: IterState) -> Value {
    Value::Iterator(Rc::new(PyCell::new(state)))
}

impl Vm {
    /// `ForIter` past its fast path: the next item of any iterator, a Python `__next__` in a
    /// frame of its own, or the jump to `exit` when the iterator is exhausted.
    pub(crate) fn for_iter(&mut self, th: &mut Thread, t: u32) -> Result<(), Control> {
        let frame = th.frames.last_mut().expect("frame");
        let next = match th.stack.last() {
            Some(Value::Iterator(it)) => Some(it.borrow_mut().advance()),
            _ => None,
        };
        match next {
            Some(Step::Item(v)) => {
                th.stack.push(v);
                Ok(())
            }
            Some(Step::Done) => {
                th.stack.pop();
                frame.ip = t as usize;
                Ok(())
            }
            Some(step) => {
                let Some(Value::Iterator(state)) = th.stack.last().cloned() else {
                    unreachable!("advanced an iterator")
                };
                self.at_tail().finish_step(th, &state, step).map(|item| {
                    let frame = th.frames.last_mut().expect("frame");
                    match item {
                        Some(v) => th.stack.push(v),
                        None => {
                            th.stack.pop();
                            frame.ip = t as usize;
                        }
                    }
                })
            }
            None => {
                let it = th.stack.last().expect("iterator").clone();
                if let Some(next) = self.next_method(&it) {
                    // A frame of its own, so that `__next__` may block.
                    let mode = ReturnMode::ForIter { exit: t };
                    self.invoke(th, next, Args::new(vec![it]), mode).map(|invoked| {
                        if let Invoked::Returned(v, _) = invoked {
                            th.stack.push(v);
                        }
                    })
                } else {
                    match self.iter_next(th, &it) {
                        Ok(Some(v)) => {
                            th.stack.push(v);
                            Ok(())
                        }
                        Ok(None) => {
                            let frame = th.frames.last_mut().expect("frame");
                            th.stack.pop();
                            frame.ip = t as usize;
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
    }

    /// The next item of any iterator: a built-in one, a lazy built-in, or an object with a
    /// Python `__next__` (called nested).
    pub(crate) fn next_item(&mut self, th: &mut Thread, it: &Value) -> Result<Option<Value>, Control> {
        let Value::Iterator(state) = it else { return self.iter_next(th, it) };
        let step = state.borrow_mut().advance();
        self.finish_step(th, state, step)
    }

    /// What a [`Step`] means to a Python program: an item, the end, or an exception.
    #[inline]
    pub(crate) fn finish_step(
        &mut self,
        th: &mut Thread,
        state: &Rc<PyCell<IterState>>,
        step: Step,
    ) -> Result<Option<Value>, Control> {
        let tail = self.take_tail();
        match step {
            Step::Item(v) => Ok(Some(v)),
            Step::Done => Ok(None),
            Step::Changed(message) => Err(self.raise_msg(Exc::RuntimeError, message)),
            Step::Lazy => {
                let item = self.lazy_step(th, state, tail)?;
                if item.is_none() {
                    *state.borrow_mut() = IterState::Exhausted;
                }
                Ok(item)
            }
        }
    }

    /// One step of `enumerate`, `zip`, `map`, `filter` or the sequence protocol. The state is
    /// not borrowed while their sources advance or their function runs (which may use the
    /// iterator itself); `tail`: map's function may run as a hook frame (a `for` loop's next
    /// item).
    fn lazy_step(
        &mut self,
        th: &mut Thread,
        state: &Rc<PyCell<IterState>>,
        tail: bool,
    ) -> Result<Option<Value>, Control> {
        let get_item = match &*state.borrow() {
            IterState::GetItem { obj, index } => Some((obj.clone(), *index)),
            _ => None,
        };
        if let Some((obj, index)) = get_item {
            return self.get_item_step(th, state, obj, index);
        }
        let (func, inners, enumerate) = match &*state.borrow() {
            IterState::Enumerate { inner, count } => (None, vec![inner.clone()], Some(*count)),
            IterState::Zip { inners } => (None, inners.clone(), None),
            IterState::Map { func, inners } => (Some(func.clone()), inners.clone(), None),
            IterState::Filter { func, inner } => return self.filter_step(th, func.clone(), inner.clone()),
            _ => return Ok(None),
        };
        if inners.is_empty() {
            return Ok(None); // `zip()`
        }
        let mut row = Vec::with_capacity(inners.len());
        for inner in &inners {
            match self.next_item(th, inner)? {
                Some(v) => row.push(v),
                None => return Ok(None),
            }
        }
        if let Some(count) = enumerate {
            if let IterState::Enumerate { count: next, .. } = &mut *state.borrow_mut() {
                *next = count.saturating_add(1);
            }
            let item = row.pop().unwrap_or_default();
            return Ok(Some(Value::tuple(vec![Value::Int(count), item])));
        }
        match func {
            Some(func) => self.call_hook_value(th, tail, func, row, crate::hooks::Then::Value).map(Some),
            None => Ok(Some(Value::tuple(row))),
        }
    }

    /// `obj[index]`, or None once it raises IndexError or StopIteration.
    fn get_item_step(
        &mut self,
        th: &mut Thread,
        state: &Rc<PyCell<IterState>>,
        obj: Value,
        index: i64,
    ) -> Result<Option<Value>, Control> {
        let getitem = self.user_method(&obj, "__getitem__").ok_or_else(|| {
            let type_name = crate::builtins::type_name_of(&obj);
            self.raise_msg(Exc::TypeError, format!("'{type_name}' object is not subscriptable"))
        })?;
        match self.call_nested(th, getitem, Args::new(vec![obj, Value::Int(index)])) {
            Ok(item) => {
                if let IterState::GetItem { index: next, .. } = &mut *state.borrow_mut() {
                    *next = index.saturating_add(1);
                }
                Ok(Some(item))
            }
            Err(Control::Raise(e))
                if self.is_instance_of(&e, Exc::IndexError) || self.is_instance_of(&e, Exc::StopIteration) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Whether `v` is iterated by the old sequence protocol: a Python `__getitem__` and no
    /// `__iter__` (CPython's PySequence_Check, as `iter()` falls back to it).
    pub(crate) fn iterates_by_getitem(&self, v: &Value) -> bool {
        matches!(v, Value::Instance(inst) if inst.class.lookup("__iter__").is_none())
            && self.user_method(v, "__getitem__").is_some()
    }

    fn filter_step(&mut self, th: &mut Thread, func: Value, inner: Value) -> Result<Option<Value>, Control> {
        while let Some(v) = self.next_item(th, &inner)? {
            let keep = if func.is_none() {
                self.truthy(th, &v)?
            } else {
                let r = self.call_nested(th, func.clone(), Args::new(vec![v.clone()]))?;
                self.truthy(th, &r)?
            };
            if keep {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    pub(crate) fn get_iter(&mut self, th: &mut Thread, v: Value) -> Result<Value, Control> {
        let tail = self.take_tail();
        let state = match &v {
            Value::List(_) | Value::Tuple(_) | Value::ByteArray(_) => IterState::Seq { items: v.clone(), index: 0 },
            Value::Range(r) => IterState::Range { next: r.start, stop: r.stop, step: r.step },
            Value::Iterator(_) => return Ok(v),
            Value::Dict(d) => return Ok(crate::dict_view::dict_iterator(d, ViewKind::Keys)),
            Value::View(view) => return Ok(view.iter()),
            Value::Set(s) => {
                let (members, size) = {
                    let set = s.borrow();
                    (set.iter().map(|k| k.0.clone()).collect(), set.len())
                };
                IterState::Set { set: s.clone(), members, index: 0, size }
            }
            Value::Instance(_) | Value::Class(_) if self.user_method(&v, "__iter__").is_some() => {
                let m = self.user_method(&v, "__iter__").expect("checked");
                return self.call_hook_value(th, tail, m, vec![v.clone()], crate::hooks::Then::Value);
            }
            Value::Instance(_) if v.container_base().is_some() => {
                let base = v.container_base().expect("checked").clone();
                return self.get_iter(th, base);
            }
            // A native class's own `__iter__` (`sys.stdin`'s).
            Value::Instance(inst) if matches!(inst.class.lookup("__iter__"), Some(Value::Native(_))) => {
                let Some(Value::Native(iter)) = inst.class.lookup("__iter__") else { unreachable!("matched") };
                let iterator = (iter.func)(self, th, &mut crate::native::Args::new(vec![v.clone()]))?;
                return self.get_iter(th, iterator);
            }
            Value::Instance(_) if self.iterates_by_getitem(&v) => IterState::GetItem { obj: v.clone(), index: 0 },
            _ => IterState::Snapshot { items: self.collect(th, &v)?, index: 0 },
        };
        Ok(Value::Iterator(Rc::new(PyCell::new(state))))
    }

    /// The Python `__next__` of an iterator written in Python (a generator's too: the library's
    /// generator class): [`Vm::user_method`], an instance's from the lookup cache (a `for`
    /// loop over a generator asks once per item).
    fn next_method(&mut self, it: &Value) -> Option<Value> {
        match it {
            Value::Instance(inst) => {
                let name = self.lookups.next.clone();
                self.class_lookup(&inst.class, &name).filter(|m| matches!(m, Value::Function(_)))
            }
            other => self.user_method(other, "__next__"),
        }
    }

    /// Next item of an iterator object that is not a built-in container iterator.
    pub(crate) fn iter_next(&mut self, th: &mut Thread, it: &Value) -> Result<Option<Value>, Control> {
        if let Some(m) = self.next_method(it) {
            return match self.call_nested(th, m, Args::new(vec![it.clone()])) {
                Ok(v) => Ok(Some(v)),
                Err(Control::Raise(e)) if self.is_instance_of(&e, Exc::StopIteration) => Ok(None),
                Err(e) => Err(e),
            };
        }
        Err(self
            .raise_msg(Exc::TypeError, format!("'{}' object is not an iterator", crate::builtins::type_name_of(it))))
    }

    /// Call `f` on each item of an iterable, one at a time (as CPython's builtins consume
    /// iterators: `sum(range(10**8))` holds no list), until it returns false.
    pub(crate) fn for_each(
        &mut self,
        th: &mut Thread,
        iterable: &Value,
        mut f: impl FnMut(&mut Vm, &mut Thread, Value) -> Result<bool, Control>,
    ) -> Result<(), Control> {
        let it = self.get_iter(th, iterable.clone())?;
        loop {
            let Some(item) = self.next_item(th, &it)? else { return Ok(()) };
            if !f(self, th, item)? {
                return Ok(());
            }
        }
    }

    /// The items `x, y = v` takes, as CPython's UNPACK_SEQUENCE takes them: one by one, and
    /// no more than `limit` (one past the targets, to see whether there are too many: a
    /// generator runs no further than there, an endless iterator ends); all of them for a
    /// starred target (`limit` None). A value that is not iterable is 3.7+'s "cannot unpack
    /// non-iterable int object".
    pub(crate) fn unpack_items(
        &mut self,
        th: &mut Thread,
        v: &Value,
        limit: Option<usize>,
    ) -> Result<Vec<Value>, Control> {
        let lazy = match v {
            Value::Iterator(_) | Value::Range(_) => true,
            Value::Instance(inst) => {
                self.user_method(v, "__iter__").is_some()
                    || matches!(inst.class.lookup("__iter__"), Some(Value::Native(_)))
                    || self.iterates_by_getitem(v)
            }
            Value::Class(_) => self.user_method(v, "__iter__").is_some(),
            _ => false,
        };
        if !lazy {
            return self.collect_or(th, v, |vm, _, other| {
                let type_name = crate::builtins::type_name_of(other);
                let message = if vm.options.python >= gilsim_core::PythonVersion::new(3, 7) {
                    format!("cannot unpack non-iterable {type_name} object")
                } else {
                    format!("'{type_name}' object is not iterable")
                };
                vm.raise_msg(Exc::TypeError, message)
            });
        }
        let iterator = self.get_iter(th, v.clone())?;
        let mut items = Vec::new();
        while items.len() < limit.unwrap_or(usize::MAX) {
            match self.next_item(th, &iterator)? {
                Some(item) => {
                    // Charged as the vector grows: a starred target over an endless
                    // iterator ends in MemoryError at --max-memory, as CPython's would.
                    if items.len().is_power_of_two() {
                        self.charge_slots(2 * items.len(), 0)?;
                    }
                    items.push(item);
                }
                None => break,
            }
        }
        Ok(items)
    }

    /// All items of an iterable.
    pub(crate) fn collect(&mut self, th: &mut Thread, v: &Value) -> Result<Vec<Value>, Control> {
        self.collect_or(th, v, |vm, _, other| {
            vm.raise_msg(Exc::TypeError, format!("'{}' object is not iterable", crate::builtins::type_name_of(other)))
        })
    }

    /// [`Vm::collect`], with `not_iterable` making the error for a value that is not iterable.
    pub(crate) fn collect_or(
        &mut self,
        th: &mut Thread,
        v: &Value,
        not_iterable: impl FnOnce(&mut Vm, &mut Thread, &Value) -> Control,
    ) -> Result<Vec<Value>, Control> {
        Ok(match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s.chars().map(|c| Value::str(c.encode_utf8(&mut [0; 4]))).collect(),
            Value::Bytes(b) => b.iter().map(|&byte| Value::Int(i64::from(byte))).collect(),
            Value::ByteArray(b) => b.borrow().iter().map(|&byte| Value::Int(i64::from(byte))).collect(),
            Value::Dict(d) => crate::py2_order::entries(d, |k, _| k.0.clone()),
            Value::Set(s) => s.borrow().iter().map(|k| k.0.clone()).collect(),
            Value::Range(r) => {
                self.charge_slots(r.len().max(0) as usize, 0)?;
                let mut out = Vec::with_capacity(r.len().max(0) as usize);
                let mut i = r.start;
                while (r.step > 0 && i < r.stop) || (r.step < 0 && i > r.stop) {
                    out.push(crate::value::int_value(i));
                    i += r.step;
                }
                out
            }
            Value::View(view) => view.items(),
            Value::Iterator(_) => {
                let mut out = Vec::new();
                while let Some(item) = self.next_item(th, v)? {
                    out.push(item);
                }
                out
            }
            Value::Instance(_) | Value::Class(_)
                if self.user_method(v, "__iter__").is_some() || self.iterates_by_getitem(v) =>
            {
                let mut out = Vec::new();
                self.for_each(th, v, |_, _, x| {
                    out.push(x);
                    Ok(true)
                })?;
                out
            }
            Value::Instance(_) if v.container_base().is_some() => {
                let base = v.container_base().expect("checked").clone();
                return self.collect(th, &base);
            }
            other => return Err(not_iterable(self, th, other)),
        })
    }
}

/// Whether `v` is a `map` whose function is Python code (each item a hook frame when a `for`
/// loop takes it).
pub(crate) fn maps_python_function(v: &Value) -> bool {
    let Value::Iterator(it) = v else { return false };
    matches!(&*it.borrow(), IterState::Map { func, .. } if crate::hooks::python_function(func).is_some())
}
