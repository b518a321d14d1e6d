//! The reduce protocol of pickling between processes (PEP 307; CPython's `save_reduce`,
//! `load_newobj`, `load_reduce` and `load_build`). An instance whose class defines
//! `__reduce_ex__`, `__reduce__`, `__getstate__` or `__setstate__` in Python travels as what
//! those say — a callable and its arguments, then a state — and the receiver calls the
//! callable again and hands it the state: an enum member comes back as the receiver's
//! member, an object whose `__getstate__` leaves its lock out makes a new one in
//! `__setstate__`, and an object `__reduce__` cannot rebuild fails in the receiver as in
//! CPython. An exception travels as `BaseException.__reduce__` says: its class called again
//! with its args, then its `__dict__` (its traceback, cause and context stay behind). Other
//! instances are copied field by field (crate::pickle), which is what
//! `object.__reduce_ex__` amounts to for them.
//!
//! Invariant: the sender's record of a reduced object is a list whose first item is
//! [`REDUCED`], a native no script can reach, so the receiver tells it from any list.

use crate::class::python_method;
use crate::footprint::PyCell;
use crate::native::{native, Args, Control};
use crate::pickle::{check_by_name, find_by_name, Copier};
use crate::types::Exc;
use crate::value::{Instance, Slot, Value};
use crate::Vm;
use gilsim_core::PythonVersion;
use std::rc::Rc;

native!(REDUCED, "_gilsim.reduced", |vm, _th, _args| {
    Err(vm.raise_msg(Exc::TypeError, "a pickling record is not callable"))
});

/// How the receiver makes the object again.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rebuild {
    /// `callable(*args)`: what `__reduce__` returned.
    Call = 0,
    /// `cls.__new__(cls)` (copyreg's `__newobj__`): `__getstate__`/`__setstate__` alone.
    NewObject = 1,
    /// The receiver's global of that name (`__reduce__` returned a string).
    Global = 2,
}

impl Rebuild {
    /// The kind a record's `KIND` field holds.
    fn of(field: &Value) -> Rebuild {
        [Rebuild::NewObject, Rebuild::Global]
            .into_iter()
            .find(|kind| matches!(field, Value::Int(n) if *n == *kind as i64))
            .unwrap_or(Rebuild::Call)
    }
}

/// The fields of a record, after [`REDUCED`].
const KIND: usize = 1;
const CALLABLE: usize = 2;
const ARGS: usize = 3;
const STATE: usize = 4;
const LIST_ITEMS: usize = 5;
const DICT_ITEMS: usize = 6;
const STATE_SETTER: usize = 7;
const RECORD_LEN: usize = 8;

/// Whether `list` is a sender's record of a reduced object.
pub(crate) fn is_reduced(list: &Rc<PyCell<Vec<Value>>>) -> bool {
    matches!(list.borrow_unnoted().first(), Some(Value::Native(n)) if std::ptr::eq(*n, &REDUCED))
}

impl Copier<'_> {
    /// The sender's record of `inst` when its class has Python reduce hooks or it is an
    /// exception; None to copy it as it is.
    pub(crate) fn reduce(
        &mut self,
        vm: &mut Vm,
        address: usize,
        inst: &Rc<Instance>,
    ) -> Result<Option<Value>, Control> {
        let class = &inst.class;
        let hook = |name| python_method(class, name);
        let (reduce_ex, reduce, getstate) = (hook("__reduce_ex__"), hook("__reduce__"), hook("__getstate__"));
        let exception = matches!(inst.slot, Slot::Exception(_));
        let hooked = reduce_ex.is_some() || reduce.is_some() || getstate.is_some() || hook("__setstate__").is_some();
        if !hooked && !exception {
            return Ok(None);
        }
        let Some(th) = self.th.as_deref_mut() else { return Ok(None) };
        if !hooked {
            // BaseException.__reduce__: the class called again with the arguments, then the
            // `__dict__`; traceback, cause and context stay behind.
            let (args, state) = vm.exception_reduce_parts(inst);
            let parts = [Value::Class(class.clone()), args, state];
            return self.reduced_call(vm, address, &parts).map(Some);
        }
        let obj = Value::Instance(inst.clone());
        let returned = if let Some(reduce_ex) = reduce_ex {
            Some(vm.call_nested(th, reduce_ex, Args::new(vec![obj.clone(), Value::Int(default_protocol(vm))]))?)
        } else if let Some(reduce) = reduce {
            Some(vm.call_nested(th, reduce, Args::new(vec![obj.clone()]))?)
        } else {
            None
        };
        match returned {
            Some(Value::Str(name)) => {
                check_by_name(vm, &obj, &name, &class.module)?;
                let (record, list) = self.record(address, Rebuild::Global);
                let mut list = list.borrow_mut_unnoted();
                list[CALLABLE] = Value::Str(class.module.clone());
                list[ARGS] = Value::Str(name);
                drop(list);
                Ok(Some(record))
            }
            Some(Value::Tuple(parts)) => {
                check_reduce_tuple(vm, &parts)?;
                self.reduced_call(vm, address, &parts).map(Some)
            }
            Some(_) => Err(vm.raise_msg(Exc::PicklingError, "__reduce__ must return a string or tuple")),
            None => {
                // `__getstate__`/`__setstate__` alone: object.__reduce_ex__'s `copyreg.__newobj__`.
                let state = match getstate {
                    Some(getstate) => vm.call_nested(th, getstate, Args::new(vec![obj]))?,
                    None if inst.dict.borrow_unnoted().is_empty() => Value::None,
                    None => Value::Dict(Rc::new(PyCell::new(inst.dict.borrow_unnoted().clone()))),
                };
                self.keep.push(state.clone());
                let (record, list) = self.record(address, Rebuild::NewObject);
                let class = self.transfer(vm, &Value::Class(class.clone()))?;
                let state = self.transfer(vm, &state)?;
                let mut list = list.borrow_mut_unnoted();
                list[CALLABLE] = class;
                list[STATE] = state;
                drop(list);
                Ok(Some(record))
            }
        }
    }

    /// A new record of `kind`, memoised as `address`'s copy (before its parts are copied, so
    /// that a part referring back to the object finds it).
    fn record(&mut self, address: usize, kind: Rebuild) -> (Value, Rc<PyCell<Vec<Value>>>) {
        let mut fields = vec![Value::None; RECORD_LEN];
        fields[0] = Value::Native(&REDUCED);
        fields[KIND] = Value::Int(kind as i64);
        let list = Rc::new(PyCell::new(fields));
        let record = Value::List(list.clone());
        self.memo.insert(address, record.clone());
        (record, list)
    }

    /// The record of `callable(*args)` and what follows it in a reduce tuple (`parts`, checked).
    fn reduced_call(&mut self, vm: &mut Vm, address: usize, parts: &[Value]) -> Result<Value, Control> {
        self.keep.extend(parts.iter().cloned());
        let (record, list) = self.record(address, Rebuild::Call);
        let (callable, args) = (self.transfer(vm, &parts[0])?, self.transfer(vm, &parts[1])?);
        let mut fields = vec![(CALLABLE, callable), (ARGS, args)];
        for (at, field) in [(2, STATE), (3, LIST_ITEMS), (4, DICT_ITEMS), (5, STATE_SETTER)] {
            let Some(part) = parts.get(at).filter(|p| !p.is_none()) else { continue };
            let part = match field {
                LIST_ITEMS | DICT_ITEMS => {
                    let th = self.th.as_deref_mut().expect("pickling has a thread");
                    let items = Value::list(vm.collect(th, part)?);
                    self.keep.push(items.clone());
                    items
                }
                _ => part.clone(),
            };
            fields.push((field, self.transfer(vm, &part)?));
        }
        let mut list = list.borrow_mut_unnoted();
        for (field, value) in fields {
            list[field] = value;
        }
        drop(list);
        Ok(record)
    }

    /// The receiver's object for the sender's `record` (CPython's load_newobj/load_reduce,
    /// then load_build with the state).
    pub(crate) fn rebuild(
        &mut self,
        vm: &mut Vm,
        address: usize,
        record: &Rc<PyCell<Vec<Value>>>,
    ) -> Result<Value, Control> {
        let fields = record.borrow_unnoted().clone();
        let kind = Rebuild::of(&fields[KIND]);
        if kind == Rebuild::Global {
            let (Value::Str(module), Value::Str(name)) = (&fields[CALLABLE], &fields[ARGS]) else {
                unreachable!("a global record names its module and global")
            };
            let found = find_by_name(vm, self.th.as_deref_mut(), name, module)?;
            self.memo.insert(address, found.clone());
            return Ok(found);
        }
        let callable = self.transfer(vm, &fields[CALLABLE])?;
        let args = match kind {
            Rebuild::NewObject => vec![callable.clone()],
            _ => match self.transfer(vm, &fields[ARGS])? {
                Value::Tuple(items) => items.to_vec(),
                _ => Vec::new(),
            },
        };
        let th = self.th.as_deref_mut().expect("unpickling has a thread");
        let obj = match kind {
            Rebuild::NewObject => {
                let new = vm.get_attr(th, &callable, "__new__")?;
                vm.call_nested(th, new, Args::new(args))?
            }
            _ => vm.call_nested(th, callable, Args::new(args))?,
        };
        self.memo.insert(address, obj.clone());
        let state = self.transfer(vm, &fields[STATE])?;
        let state_setter = self.transfer(vm, &fields[STATE_SETTER])?;
        let list_items = self.transfer(vm, &fields[LIST_ITEMS])?;
        let dict_items = self.transfer(vm, &fields[DICT_ITEMS])?;
        let th = self.th.as_deref_mut().expect("unpickling has a thread");
        if !list_items.is_none() {
            let extend = vm.get_attr(th, &obj, "extend")?;
            vm.call_nested(th, extend, Args::new(vec![list_items]))?;
        }
        if let Value::List(pairs) = dict_items {
            for pair in pairs.borrow_unnoted().clone() {
                let Value::Tuple(kv) = pair else { continue };
                if let [key, value] = &kv[..] {
                    vm.set_item(th, &obj, key.clone(), value.clone())?;
                }
            }
        }
        if !state_setter.is_none() {
            vm.call_nested(th, state_setter, Args::new(vec![obj.clone(), state]))?;
        } else if !state.is_none() {
            build(vm, th, &obj, state)?;
        }
        Ok(obj)
    }
}

/// CPython's load_build: `__setstate__(state)`, or the state's items into the instance dict
/// (a `(dict, slots)` pair's slots set as attributes).
fn build(vm: &mut Vm, th: &mut crate::Thread, obj: &Value, state: Value) -> Result<(), Control> {
    if let Some(setstate) = vm.user_method(obj, "__setstate__") {
        let method = Value::BoundMethod(Rc::new((obj.clone(), setstate)));
        vm.call_nested(th, method, Args::new(vec![state]))?;
        return Ok(());
    }
    let (state, slots) = match state {
        Value::Tuple(pair) if pair.len() == 2 => (pair[0].clone(), pair[1].clone()),
        other => (other, Value::None),
    };
    for (part, as_attributes) in [(state, false), (slots, true)] {
        match part {
            Value::None => {}
            Value::Dict(dict) => {
                let entries: Vec<_> = dict.borrow().iter().map(|(k, v)| (k.0.clone(), v.clone())).collect();
                for (key, value) in entries {
                    let Value::Str(name) = key else { continue };
                    match (as_attributes, obj) {
                        (false, Value::Instance(inst)) => inst.set_attr(&name, value),
                        _ => vm.set_attr(th, obj, &name, value)?,
                    }
                }
            }
            _ => return Err(vm.raise_msg(Exc::UnpicklingError, "state is not a dictionary")),
        }
    }
    Ok(())
}

/// CPython's checks of what `__reduce__` returned, with its messages.
fn check_reduce_tuple(vm: &mut Vm, parts: &[Value]) -> Result<(), Control> {
    let most = if vm.options.python >= PythonVersion::new(3, 8) { 6 } else { 5 };
    if !(2..=most).contains(&parts.len()) {
        let message = format!("tuple returned by __reduce__ must contain 2 through {most} elements");
        return Err(vm.raise_msg(Exc::PicklingError, message));
    }
    if !crate::builtins::is_callable(&parts[0]) {
        return Err(vm.raise_msg(Exc::PicklingError, "first item of the tuple returned by __reduce__ must be callable"));
    }
    if !matches!(parts[1], Value::Tuple(_)) {
        return Err(vm.raise_msg(Exc::PicklingError, "second item of the tuple returned by __reduce__ must be a tuple"));
    }
    Ok(())
}

/// pickle's DEFAULT_PROTOCOL, which multiprocessing pickles with: 3, and 4 from 3.8.
fn default_protocol(vm: &Vm) -> i64 {
    if vm.options.python >= PythonVersion::new(3, 8) {
        4
    } else {
        3
    }
}
