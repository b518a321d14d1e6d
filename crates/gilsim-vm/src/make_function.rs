//! `MakeFunction`: a function object from a code object and what the compiler left on the
//! stack for it (defaults, keyword defaults, annotations, closure cells); and a function's
//! `__get__`, which binds it as a method.

use crate::footprint::PyCell;
use crate::value::{Function, Str, Value};
use gilsim_bytecode::{CodeObject, Const, Program};
use std::cell::RefCell;
use std::rc::Rc;

/// MAKE_FUNCTION: a function of `code.consts[c]` from what `flags` says is on the stack —
/// defaults (1), keyword defaults (2), annotations (8), closure cells (4). Out of line, so
/// the dispatch loop's registers are not spent on it.
#[inline(never)]
pub(crate) fn make_function(program: &Program, code: &CodeObject, stack: &mut Vec<Value>, c: u32, flags: u8) -> Value {
    let closure = if flags & 4 != 0 {
        match pop(stack) {
            Value::Tuple(cells) => cells
                .iter()
                .map(|c| match c {
                    Value::Cell(cell) => cell.clone(),
                    _ => panic!("closure item is not a cell"),
                })
                .collect(),
            _ => panic!("closure is not a tuple"),
        }
    } else {
        Vec::new()
    };
    let annotations = (flags & 8 != 0).then(|| pop(stack));
    let kw_defaults = if flags & 2 != 0 {
        match pop(stack) {
            Value::Dict(d) => d
                .borrow()
                .iter()
                .map(|(k, v)| match &k.0 {
                    Value::Str(s) => (s.clone(), v.clone()),
                    _ => panic!("kw default name"),
                })
                .collect(),
            _ => panic!("kw defaults is not a dict"),
        }
    } else {
        Vec::new()
    };
    let defaults = if flags & 1 != 0 {
        match pop(stack) {
            Value::Tuple(t) => t.to_vec(),
            _ => panic!("defaults is not a tuple"),
        }
    } else {
        Vec::new()
    };
    let id = match code.consts[c as usize] {
        Const::Code(id) => id,
        _ => panic!("MakeFunction operand is not code"),
    };
    let target = &program.codes[id as usize];
    let mut attrs = crate::value::AttrMap::default();
    if let Some(annotations) = annotations {
        attrs.insert(Str::from("__annotations__"), annotations);
    }
    Value::Function(Rc::new(Function {
        code: id,
        is_generator: target.flags.is_generator,
        presents_as_builtin: target.flags.builtin_function,
        name: Str::from(target.name.as_str()),
        qualname: Str::from(target.qualname.as_str()),
        defaults,
        kw_defaults,
        closure,
        owner: RefCell::new(None),
        attrs: PyCell::new(attrs),
        sharing: std::cell::Cell::default(),
    }))
}

fn pop(stack: &mut Vec<Value>) -> Value {
    stack.pop().expect("MakeFunction's operands on the stack (compiler invariant)")
}

// `function.__get__(instance, owner=None)` (CPython's func_descr_get): the method bound to
// `instance`, or the function itself when `instance` is None and an owner is given.
crate::native::native!(FUNCTION_GET, "__get__", function_get);

fn function_get(vm: &mut crate::Vm, _th: &mut crate::Thread, args: &mut crate::native::Args) -> crate::native::NResult {
    // The receiver (the function) comes first; CPython's messages name no function.
    let given = args.pos.len().saturating_sub(1);
    if !(1..=2).contains(&given) {
        let message = if given == 0 {
            // "1 arguments" until 3.8's PyArg_UnpackTuple.
            let plural = if vm.options.python < gilsim_core::PythonVersion::new(3, 8) { "s" } else { "" };
            format!(" expected at least 1 argument{plural}, got 0")
        } else {
            format!(" expected at most 2 arguments, got {given}")
        };
        return Err(vm.raise_msg(crate::Exc::TypeError, message));
    }
    let (func, instance) = (args.pos[0].clone(), args.pos[1].clone());
    let owner = args.pos.get(2).cloned().unwrap_or(Value::None);
    match (&instance, &owner) {
        (Value::None, Value::None) => Err(vm.raise_msg(crate::Exc::TypeError, "__get__(None, None) is invalid")),
        (Value::None, _) => Ok(func),
        _ => Ok(Value::BoundMethod(Rc::new((instance, func)))),
    }
}
