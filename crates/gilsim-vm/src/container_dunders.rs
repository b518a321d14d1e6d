//! The container dunders of the built-in types as methods: `d.__getitem__`, `list.__len__`,
//! `s.__contains__`, `x.__iter__`, `l.__setitem__`, `d.__delitem__`, an iterator's `__next__` (`sorted(d,
//! key=d.__getitem__)`, `map(d.__getitem__, keys)`). Each applies the same operation as the
//! syntax to the built-in value — for an instance of a dict subclass, to its built-in base, so
//! `super().__setitem__(k, v)` and `dict.__getitem__(self, k)` skip the subclass's own
//! override, as CPython's slot wrappers do (a `__missing__` still answers a missing key).

use crate::builtins::arity;
use crate::native::{native, Args, NResult, NativeFn};
use crate::types::Types;
use crate::value::Value;

/// What the operation applies to: the receiver, or its built-in base.
fn target(args: &Args) -> Value {
    args.pos[0].builtin_base().unwrap_or(&args.pos[0]).clone()
}

native!(GETITEM, "object.__getitem__", |vm, th, args| {
    arity(vm, "__getitem__", args, 2, 2)?;
    match args.pos[0].builtin_base() {
        Some(base) => {
            let base = base.clone();
            vm.base_item(th, false, &args.pos[0], &base, &args.pos[1])
        }
        None => vm.get_item(th, &args.pos[0], &args.pos[1]),
    }
});
native!(SETITEM, "object.__setitem__", |vm, th, args| {
    arity(vm, "__setitem__", args, 3, 3)?;
    vm.set_item(th, &target(args), args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
});
native!(DELITEM, "object.__delitem__", |vm, th, args| {
    arity(vm, "__delitem__", args, 2, 2)?;
    vm.del_item(th, &target(args), &args.pos[1])?;
    Ok(Value::None)
});
native!(LEN, "object.__len__", |vm, th, args| {
    arity(vm, "__len__", args, 1, 1)?;
    (crate::builtins::LEN.func)(vm, th, &mut Args::new(vec![target(args)]))
});
native!(CONTAINS, "object.__contains__", |vm, th, args| {
    arity(vm, "__contains__", args, 2, 2)?;
    Ok(Value::bool(vm.contains(th, &target(args), &args.pos[1])?))
});
native!(ITER, "object.__iter__", |vm, th, args| -> NResult {
    arity(vm, "__iter__", args, 1, 1)?;
    vm.get_iter(th, target(args))
});

native!(NEXT, "object.__next__", |vm, th, args| -> NResult {
    arity(vm, "__next__", args, 1, 1)?;
    (crate::builtins::NEXT.func)(vm, th, &mut Args::new(vec![args.pos[0].clone()]))
});

/// Install the dunders each built-in container type has in CPython (`dict.__contains__` is
/// dict's own method, installed with the others in `methods`).
pub fn install(t: &Types) {
    let read: [(&str, &'static NativeFn); 4] =
        [("__getitem__", &GETITEM), ("__len__", &LEN), ("__contains__", &CONTAINS), ("__iter__", &ITER)];
    let write: [(&str, &'static NativeFn); 2] = [("__setitem__", &SETITEM), ("__delitem__", &DELITEM)];
    for class in [&t.tuple, &t.str_, &t.bytes, &t.range] {
        crate::methods::add(class, &read);
    }
    for class in [&t.list, &t.bytearray] {
        crate::methods::add(class, &read);
        crate::methods::add(class, &write);
    }
    crate::methods::add(&t.dict, &[("__getitem__", &GETITEM), ("__len__", &LEN), ("__iter__", &ITER)]);
    crate::methods::add(&t.dict, &write);
    for class in [&t.set, &t.frozenset] {
        crate::methods::add(class, &[("__len__", &LEN), ("__contains__", &CONTAINS), ("__iter__", &ITER)]);
    }
    // The built-in iterators (`list_iterator`, `enumerate`, `zip`, ...): `it.__next__`.
    for class in &t.iterators {
        crate::methods::add(class, &[("__iter__", &ITER), ("__next__", &NEXT)]);
    }
}
