//! `dir()`: the sorted attribute names of an object, as CPython's `object.__dir__` gathers
//! them — the instance's own `__dict__`, then every class along the MRO (`type.__dir__` for a
//! class, the module's dict for a module). CPython's `object` defines more dunders than
//! gilsim's; their names are added so that `dir(obj)` of a script's class lists what CPython
//! lists. Without an argument: the names bound in the calling frame (its locals in a
//! function, the module's globals at the top level).

use crate::builtins::arity;
use crate::native::{native, Control, NResult};
use crate::value::{Class, Value};
use crate::{Thread, Vm};
use std::collections::BTreeSet;
use std::rc::Rc;

/// `object`'s attributes in CPython 3.6-3.13 that gilsim's `object` does not define itself
/// (3.11 adds `__getstate__`).
const OBJECT_DUNDERS: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// What a `class` statement adds to its namespace in CPython.
const CLASS_STATEMENT_DUNDERS: &[&str] = &["__dict__", "__module__", "__weakref__"];

native!(DIR, "dir", |vm, th, args| {
    arity(vm, "dir", args, 0, 1)?;
    let names = match args.pos.first() {
        None => scope_names(vm, th),
        Some(obj) => names_of(vm, th, obj)?,
    };
    sorted_list(names)
});

/// `dir(obj)`'s names, sorted.
pub(crate) fn names_of(vm: &mut Vm, th: &mut Thread, obj: &Value) -> Result<BTreeSet<String>, Control> {
    Ok(match obj {
        Value::Module(module) => {
            vm.complete_module(th, obj)?;
            module.dict.borrow().keys().map(|k| k.to_string()).collect()
        }
        Value::Class(class) => class_names(vm, class),
        Value::Instance(instance) => {
            let mut names = class_names(vm, &instance.class);
            names.extend(instance.dict.borrow().keys().filter_map(|k| match &k.0 {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            }));
            names
        }
        other => {
            let class = vm.class_of(other);
            class_names(vm, &class)
        }
    })
}

/// Every name along `class`'s MRO, with what CPython's `object` and `class` statements add.
fn class_names(vm: &Vm, class: &Rc<Class>) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = OBJECT_DUNDERS.iter().map(|n| n.to_string()).collect();
    if vm.options.python >= gilsim_core::PythonVersion::new(3, 11) {
        names.insert("__getstate__".to_string());
    }
    for klass in std::iter::once(class).chain(&class.mro) {
        names.extend(klass.dict.borrow().keys().map(|k| k.to_string()));
        if !klass.frozen && !Rc::ptr_eq(klass, &vm.types.object) && klass.slots.is_none() {
            names.extend(CLASS_STATEMENT_DUNDERS.iter().map(|n| n.to_string()));
        }
    }
    names
}

/// The names bound where `dir()` was called: a function's locals, or the module's globals
/// (with the dunders CPython's `__main__` has).
fn scope_names(vm: &Vm, th: &Thread) -> BTreeSet<String> {
    let Some(frame) = th.frames.last() else { return BTreeSet::new() };
    let code = &vm.program.codes[frame.code as usize];
    if !code.flags.is_module {
        return code
            .local_names
            .iter()
            .zip(th.locals_of(frame))
            .filter(|(_, value)| !matches!(value, Value::Undefined))
            .map(|(name, _)| name.clone())
            .collect();
    }
    let (start, end) = vm.program.modules[code.module as usize].globals;
    let mut names: BTreeSet<String> = (start as usize..end as usize)
        .filter(|&slot| vm.interp.globals.get(slot).is_some_and(|v| !matches!(v, Value::Undefined)))
        .map(|slot| vm.program.global_names[slot].clone())
        .collect();
    let module_dunders = [
        "__annotations__",
        "__builtins__",
        "__cached__",
        "__doc__",
        "__file__",
        "__loader__",
        "__name__",
        "__package__",
        "__spec__",
    ];
    names.extend(module_dunders.iter().map(|n| n.to_string()));
    names
}

fn sorted_list(names: BTreeSet<String>) -> NResult {
    Ok(Value::list(names.into_iter().map(|name| Value::str(&name)).collect()))
}
