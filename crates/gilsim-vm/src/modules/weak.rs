//! The natives behind the library's `weakref` (library/weakref.py): a handle that refers to
//! an object without keeping it alive. gilsim's values are reference counted (`Rc`), as
//! CPython's objects are, so an object dies when its last strong reference goes — at the
//! same point of the program as in CPython, cycles aside (gilsim has no cycle collector).
//!
//! Invariant: a handle never keeps its referent alive; a fork gives the child a handle to
//! the child's copy of the referent, if the copy lives (see [`crate::pickle`]).

use crate::builtins::{arity, type_name_of};
use crate::native::{native, NativeFn};
use crate::value::{Class, Function, Instance, Slot, Value};
use crate::Exc;
use std::rc::{Rc, Weak};

/// What a weak handle refers to: the kinds of object CPython lets a weakref point at
/// (instances of Python classes, functions, classes).
pub enum WeakTarget {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Class(Weak<Class>),
}

impl WeakTarget {
    /// This reference in a copy of its process (a fork, a run's copy): to the copy `copy`
    /// makes of the referent, or dead if it is.
    pub(crate) fn copied<E>(&self, copy: impl FnOnce(&Value) -> Result<Value, E>) -> Result<WeakTarget, E> {
        Ok(match self.get() {
            Some(referent) => WeakTarget::of(&copy(&referent)?).expect("a copy is of the same kind"),
            None => WeakTarget::Instance(std::rc::Weak::new()),
        })
    }

    pub fn of(value: &Value) -> Option<WeakTarget> {
        Some(match value {
            Value::Instance(inst) if inst.class.lookup("__slots__").is_none() => {
                WeakTarget::Instance(Rc::downgrade(inst))
            }
            Value::Function(f) => WeakTarget::Function(Rc::downgrade(f)),
            Value::Class(c) => WeakTarget::Class(Rc::downgrade(c)),
            _ => return None,
        })
    }

    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<Value> {
        match self {
            WeakTarget::Instance(w) => w.upgrade().map(Value::Instance),
            WeakTarget::Function(w) => w.upgrade().map(Value::Function),
            WeakTarget::Class(w) => w.upgrade().map(Value::Class),
        }
    }
}

pub const NATIVES: [&NativeFn; 3] = [&WEAK_NEW, &WEAK_GET, &WEAK_WATCH];

// `_gilsim.weak_watch(obj, reference)`: call `reference._callback(reference)` when `obj` dies
// (watched for an instance only: a function or class referent never calls it).
native!(WEAK_WATCH, "_gilsim.weak_watch", |vm, _th, args| {
    arity(vm, "weak_watch", args, 2, 2)?;
    if let [Value::Instance(referent), Value::Instance(reference)] = args.pos.as_slice() {
        crate::finalizers::watch(referent, reference);
    }
    Ok(Value::None)
});

// `_gilsim.weak_new(obj)`: a handle to `obj`.
native!(WEAK_NEW, "_gilsim.weak_new", |vm, _th, args| {
    arity(vm, "weak_new", args, 1, 1)?;
    let Some(target) = WeakTarget::of(&args.pos[0]) else {
        let message = format!("cannot create weak reference to '{}' object", type_name_of(&args.pos[0]));
        return Err(vm.raise_msg(Exc::TypeError, message));
    };
    Ok(Value::Instance(Rc::new(Instance::new(vm.types.object.clone(), Slot::Weak(target)))))
});

// `_gilsim.weak_get(handle)`: the referent, or None once it has died.
native!(WEAK_GET, "_gilsim.weak_get", |vm, _th, args| {
    arity(vm, "weak_get", args, 1, 1)?;
    match &args.pos[0] {
        Value::Instance(inst) => match &inst.slot {
            Slot::Weak(target) => Ok(target.get().unwrap_or(Value::None)),
            _ => Err(vm.raise_msg(Exc::TypeError, "not a weak handle")),
        },
        _ => Err(vm.raise_msg(Exc::TypeError, "not a weak handle")),
    }
});
