//! `locals()`, `globals()` and `vars()` without an argument: the names bound where they are
//! called, as a dict.
//!
//! Every global and cell read is noted in the step's footprint, as the instructions reading
//! them note theirs.
//!
//! - In a function, `locals()` is a new dict of the bound locals, then the bound cell and
//!   free variables, in the code's order (CPython's `PyFrame_GetLocals`: a snapshot; writing
//!   to it binds nothing, in every version up to 3.13's PEP 667 too).
//! - In a class body it is the namespace being built, itself (writes define attributes).
//! - At module level, and `globals()` anywhere, it is the module's bound globals after the
//!   dunders CPython's module dict starts with. gilsim's globals are slots, so this dict is a
//!   copy where CPython's is the module's own: the compiler refuses writes through
//!   `globals()` (`subset.rs`), which would otherwise bind nothing.

use crate::builtins::arity;
use crate::dict::{Dict, Key};
use crate::footprint::PyCell;
use crate::native::native;
use crate::value::Value;
use crate::{Thread, Vm};
use std::rc::Rc;

native!(LOCALS, "locals", |vm, th, args| {
    arity(vm, "locals", args, 0, 0)?;
    Ok(scope_dict(vm, th, false))
});
native!(GLOBALS, "globals", |vm, th, args| {
    arity(vm, "globals", args, 0, 0)?;
    Ok(scope_dict(vm, th, true))
});

/// `vars()`: the caller's `locals()`.
pub(crate) fn caller_locals(vm: &mut Vm, th: &Thread) -> Value {
    scope_dict(vm, th, false)
}

/// The dict of the names bound in the caller's scope (`globals`: its module's).
fn scope_dict(vm: &mut Vm, th: &Thread, globals: bool) -> Value {
    let Some(frame) = th.frames.last() else { return new_dict(Dict::default()) };
    let code = &vm.program.codes[frame.code as usize];
    if globals || code.flags.is_module {
        return module_globals(vm, code.module);
    }
    frame_locals(vm, frame, th.locals_of(frame))
}

/// The names bound in `frame` (a function's or a class body's, its fast slots `locals`), as
/// `locals()` there gives them.
pub(crate) fn frame_locals(vm: &Vm, frame: &crate::Frame, locals: &[Value]) -> Value {
    let code = &vm.program.codes[frame.code as usize];
    if let Some(namespace) = &frame.namespace {
        return Value::Dict(namespace.clone());
    }
    let mut dict = Dict::default();
    for (name, value) in code.local_names.iter().zip(locals) {
        if !matches!(value, Value::Undefined) {
            dict.insert(Key(Value::str(name)), value.clone());
        }
    }
    for (name, cell) in code.cell_names.iter().chain(&code.free_names).zip(&frame.cells) {
        let value = cell.borrow().clone();
        if !matches!(value, Value::Undefined) {
            dict.entry(Key(Value::str(name))).or_insert(value);
        }
    }
    new_dict(dict)
}

/// Module `module`'s globals (`globals()`, a function's `__globals__`): CPython's module dict begins with these dunders (values gilsim
/// has no object for, `__loader__` and `__spec__`, are None), then the bound globals in slot
/// order.
pub(crate) fn module_globals(vm: &mut Vm, module: u32) -> Value {
    let builtins = crate::modules::builtins_module(vm);
    let (start, end) = vm.program.modules[module as usize].globals;
    let bound = |name: &str| vm.bound_global(module as usize, name);
    let info = &vm.program.modules[module as usize];
    let name = bound("__name__").unwrap_or_else(|| Value::str(if module == 0 { "__main__" } else { &info.name }));
    let file = bound("__file__").unwrap_or_else(|| Value::str(&vm.program.filename));
    let annotations = bound("__annotations__").unwrap_or_else(|| new_dict(Dict::default()));
    let dunders: Vec<(&str, Value)> = if vm.options.python.major == 2 {
        // 2.7's dict order for these five keys.
        vec![
            ("__builtins__", builtins),
            ("__name__", name),
            ("__file__", file),
            ("__doc__", Value::None),
            ("__package__", Value::None),
        ]
    } else {
        vec![
            ("__name__", name),
            ("__doc__", Value::None),
            ("__package__", Value::None),
            ("__loader__", Value::None),
            ("__spec__", Value::None),
            ("__annotations__", annotations),
            ("__builtins__", builtins),
            ("__file__", file),
            ("__cached__", Value::None),
        ]
    };
    let mut dict = Dict::default();
    for (key, value) in dunders {
        dict.insert(Key(Value::str(key)), value);
    }
    for slot in start as usize..end as usize {
        // Each global is read, as a search's footprints must know.
        crate::footprint::note(crate::footprint::Resource::Global(slot as u32), false);
        match vm.interp.globals.get(slot) {
            Some(Value::Undefined) | None => {}
            Some(value) => _ = dict.insert(Key(Value::str(&vm.program.global_names[slot])), value.clone()),
        }
    }
    new_dict(dict)
}

fn new_dict(dict: Dict) -> Value {
    Value::Dict(Rc::new(PyCell::new(dict)))
}
