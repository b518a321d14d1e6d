//! The methods of `set` and `frozenset`. Each visits members in the order CPython's C code
//! does, so results have CPython's layout (see [`crate::set`]); an argument that is not a set
//! is consumed in its own iteration order, as `set_update_internal` does. A frozenset is a
//! set made immutable ([`Vm::freeze`]): its class has only the methods that make new sets,
//! whose results are frozensets again.

use crate::builtins::{arity, method_arity};
use crate::dict::{Key, PySet};
use crate::footprint::PyCell;
use crate::memory;
use crate::native::{native, Args, Control};
use crate::types::Types;
use crate::value::Value;
use crate::Exc;
use crate::{Thread, Vm};
use std::rc::Rc;

pub(crate) fn install(t: &Types) {
    crate::methods::add(
        &t.set,
        &[
            ("__new__", &SET_NEW),
            ("add", &SET_ADD),
            ("discard", &SET_DISCARD),
            ("remove", &SET_REMOVE),
            ("pop", &SET_POP),
            ("clear", &SET_CLEAR),
            ("copy", &SET_COPY),
            ("union", &SET_UNION),
            ("update", &SET_UPDATE),
            ("intersection", &SET_INTERSECTION),
            ("intersection_update", &SET_INTERSECTION_UPDATE),
            ("difference", &SET_DIFFERENCE),
            ("difference_update", &SET_DIFFERENCE_UPDATE),
            ("symmetric_difference", &SET_SYMMETRIC_DIFFERENCE),
            ("symmetric_difference_update", &SET_SYMMETRIC_DIFFERENCE_UPDATE),
            ("issubset", &SET_ISSUBSET),
            ("issuperset", &SET_ISSUPERSET),
            ("isdisjoint", &SET_ISDISJOINT),
        ],
    );
    crate::methods::add(
        &t.frozenset,
        &[
            ("__new__", &FROZENSET_NEW),
            ("copy", &SET_COPY),
            ("union", &SET_UNION),
            ("intersection", &SET_INTERSECTION),
            ("difference", &SET_DIFFERENCE),
            ("symmetric_difference", &SET_SYMMETRIC_DIFFERENCE),
            ("issubset", &SET_ISSUBSET),
            ("issuperset", &SET_ISSUPERSET),
            ("isdisjoint", &SET_ISDISJOINT),
        ],
    );
}

fn this_set(args: &Args) -> Rc<PyCell<PySet>> {
    match args.pos.first() {
        Some(Value::Set(s)) => s.clone(),
        _ => Rc::new(PyCell::new(PySet::default())),
    }
}

/// The members of `other` as a set: a set as it is (same layout, so the same iteration
/// order); another iterable added item by item.
fn as_set(vm: &mut Vm, th: &mut Thread, other: &Value) -> Result<PySet, Control> {
    if let Value::Set(s) = other {
        return Ok(s.borrow().clone());
    }
    let mut out = PySet::default();
    for v in vm.collect(th, other)? {
        out.insert(vm.key(th, v)?);
    }
    Ok(out)
}

/// `set_update_internal`: a set is merged; another iterable is added in its order.
pub(crate) fn set_update(
    vm: &mut Vm,
    th: &mut Thread,
    target: &Rc<PyCell<PySet>>,
    other: &Value,
) -> Result<(), Control> {
    if let Value::Set(s) = other {
        let other = s.borrow().copy();
        vm.note_alloc(2 * memory::SLOT * other.len() as u64);
        target.borrow_mut().merge(&other);
        return Ok(());
    }
    for v in vm.collect(th, other)? {
        let key = vm.key(th, v)?;
        vm.note_alloc(2 * memory::SLOT);
        target.borrow_mut().insert(key);
    }
    Ok(())
}

/// `set` as a new `set`, or as a `frozenset` when the receiver of the method is one.
fn like_receiver(vm: &mut Vm, th: &mut Thread, args: &Args, set: PySet) -> Result<Value, Control> {
    if this_set(args).borrow().is_frozen() {
        return vm.freeze(th, set);
    }
    Ok(Value::Set(Rc::new(PyCell::new(set))))
}

native!(SET_NEW, "set", |vm, th, args| {
    arity(vm, "set", args, 0, 1)?;
    vm.unless_iterated_in_python(th, args, |vm| Value::Class(vm.types.set.clone()))?;
    let set = Rc::new(PyCell::new(PySet::default()));
    if let Some(source) = args.pos.first() {
        set_update(vm, th, &set, source)?;
    }
    Ok(Value::Set(set))
});
native!(FROZENSET_NEW, "frozenset", |vm, th, args| {
    arity(vm, "frozenset", args, 0, 1)?;
    if let Some(Value::Set(s)) = args.pos.first() {
        if s.borrow().is_frozen() {
            return Ok(args.pos[0].clone());
        }
    }
    vm.unless_iterated_in_python(th, args, |vm| Value::Class(vm.types.frozenset.clone()))?;
    let set = Rc::new(PyCell::new(PySet::default()));
    if let Some(source) = args.pos.first() {
        set_update(vm, th, &set, source)?;
    }
    let members = std::mem::take(&mut *set.borrow_mut());
    vm.freeze(th, members)
});
native!(SET_ADD, "set.add", |vm, th, args| {
    method_arity(vm, "set.add", args, 1, 1)?;
    let key = vm.key(th, args.pos[1].clone())?;
    vm.note_alloc(2 * memory::SLOT);
    this_set(args).borrow_mut().insert(key);
    Ok(Value::None)
});
native!(SET_DISCARD, "set.discard", |vm, th, args| {
    method_arity(vm, "set.discard", args, 1, 1)?;
    let key = vm.key(th, args.pos[1].clone())?;
    this_set(args).borrow_mut().remove(&key);
    Ok(Value::None)
});
native!(SET_REMOVE, "set.remove", |vm, th, args| {
    method_arity(vm, "set.remove", args, 1, 1)?;
    let key = vm.key(th, args.pos[1].clone())?;
    if this_set(args).borrow_mut().remove(&key) {
        Ok(Value::None)
    } else {
        Err(Control::Raise(vm.new_exception_args(Exc::KeyError, vec![args.pos[1].clone()])))
    }
});
native!(SET_POP, "set.pop", |vm, _th, args| {
    let popped = this_set(args).borrow_mut().pop();
    match popped {
        Some(Key(v)) => Ok(v),
        None => Err(vm.raise_msg(Exc::KeyError, "pop from an empty set")),
    }
});
native!(SET_CLEAR, "set.clear", |vm, _th, args| {
    method_arity(vm, "set.clear", args, 0, 0)?;
    this_set(args).borrow_mut().clear();
    Ok(Value::None)
});
native!(SET_COPY, "set.copy", |vm, th, args| {
    method_arity(vm, "set.copy", args, 0, 0)?;
    if this_set(args).borrow().is_frozen() {
        return Ok(args.pos[0].clone());
    }
    let copy = this_set(args).borrow().copy();
    like_receiver(vm, th, args, copy)
});
native!(SET_UNION, "set.union", |vm, th, args| {
    let out = Rc::new(PyCell::new(this_set(args).borrow().copy()));
    for other in &args.pos[1..] {
        set_update(vm, th, &out, other)?;
    }
    let out = std::mem::take(&mut *out.borrow_mut());
    like_receiver(vm, th, args, out)
});
native!(SET_UPDATE, "set.update", |vm, th, args| {
    let set = this_set(args);
    for other in &args.pos[1..] {
        set_update(vm, th, &set, other)?;
    }
    Ok(Value::None)
});
native!(SET_INTERSECTION, "set.intersection", |vm, th, args| {
    let mut out = this_set(args).borrow().copy();
    for other in &args.pos[1..] {
        out = out.intersection(&as_set(vm, th, other)?);
    }
    like_receiver(vm, th, args, out)
});
native!(SET_INTERSECTION_UPDATE, "set.intersection_update", |vm, th, args| {
    let set = this_set(args);
    for other in &args.pos[1..] {
        let other = as_set(vm, th, other)?;
        let kept = set.borrow().intersection(&other);
        *set.borrow_mut() = kept;
    }
    Ok(Value::None)
});
native!(SET_DIFFERENCE, "set.difference", |vm, th, args| {
    let mut out = this_set(args).borrow().copy();
    for other in &args.pos[1..] {
        out = out.difference(&as_set(vm, th, other)?);
    }
    like_receiver(vm, th, args, out)
});
native!(SET_DIFFERENCE_UPDATE, "set.difference_update", |vm, th, args| {
    let set = this_set(args);
    for other in &args.pos[1..] {
        for key in as_set(vm, th, other)?.iter() {
            set.borrow_mut().remove(key);
        }
    }
    Ok(Value::None)
});
native!(SET_SYMMETRIC_DIFFERENCE, "set.symmetric_difference", |vm, th, args| {
    method_arity(vm, "set.symmetric_difference", args, 1, 1)?;
    // CPython toggles our members in a new set made from the argument.
    let mut out = match &args.pos[1] {
        Value::Set(s) => s.borrow().copy(),
        other => as_set(vm, th, other)?,
    };
    out.toggle(&this_set(args).borrow());
    like_receiver(vm, th, args, out)
});
native!(SET_SYMMETRIC_DIFFERENCE_UPDATE, "set.symmetric_difference_update", |vm, th, args| {
    method_arity(vm, "set.symmetric_difference_update", args, 1, 1)?;
    let other = as_set(vm, th, &args.pos[1])?;
    this_set(args).borrow_mut().toggle(&other);
    Ok(Value::None)
});
native!(SET_ISSUBSET, "set.issubset", |vm, th, args| {
    method_arity(vm, "set.issubset", args, 1, 1)?;
    let other = as_set(vm, th, &args.pos[1])?;
    Ok(Value::bool(this_set(args).borrow().is_subset(&other)))
});
native!(SET_ISSUPERSET, "set.issuperset", |vm, th, args| {
    method_arity(vm, "set.issuperset", args, 1, 1)?;
    let other = as_set(vm, th, &args.pos[1])?;
    Ok(Value::bool(other.is_subset(&this_set(args).borrow())))
});
native!(SET_ISDISJOINT, "set.isdisjoint", |vm, th, args| {
    method_arity(vm, "set.isdisjoint", args, 1, 1)?;
    let other = as_set(vm, th, &args.pos[1])?;
    let set = this_set(args);
    let disjoint = !set.borrow().iter().any(|k| other.contains(k));
    Ok(Value::bool(disjoint))
});

// `_gilsim.set_table_size(s)`: the slots of the set's table (library/sys.py's getsizeof), or
// None.
native!(SET_TABLE_SIZE, "set_table_size", |vm, _th, args| {
    crate::builtins::arity(vm, "set_table_size", args, 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Set(set) => set.borrow_unnoted().table_size().map_or(Value::None, |n| Value::Int(n as i64)),
        _ => Value::None,
    })
});

pub(crate) const NATIVES: [&crate::NativeFn; 1] = [&SET_TABLE_SIZE];
