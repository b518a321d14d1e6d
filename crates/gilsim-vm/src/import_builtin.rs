//! The builtin `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the module
//! object `import name` binds — a dotted name's top-level package unless `fromlist` names
//! something, as CPython's `builtin___import__`. gilsim compiles a script's modules before it
//! runs, so the compiler accepts `__import__` only with a string literal naming a module it
//! can simulate (gilsim_compiler's subset check) and compiles that module as it would for
//! `import name`.

use crate::builtins::{arity, kwarg, type_name_of};
use crate::native::native;
use crate::value::Value;
use crate::Exc;
use gilsim_core::PythonVersion;

native!(DUNDER_IMPORT, "__import__", |vm, th, args| {
    arity(vm, "__import__", args, 1, 5)?;
    let name = match &args.pos[0] {
        Value::Str(name) => name.clone(),
        other => {
            let message = if vm.options.python >= PythonVersion::new(3, 11) {
                "module name must be a string".to_string()
            } else {
                let str_ = if vm.options.python.major == 2 { "string" } else { "str" };
                format!("__import__() argument 1 must be {str_}, not {}", type_name_of(other))
            };
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
    };
    if name.is_empty() {
        return Err(vm.raise_msg(Exc::ValueError, "Empty module name"));
    }
    let fromlist = args.pos.get(3).cloned().or_else(|| kwarg(args, "fromlist")).unwrap_or(Value::None);
    let module = vm.import_module(th, &name)?;
    if vm.truthy(th, &fromlist)? {
        return Ok(module);
    }
    match name.split_once('.') {
        Some((top, _)) => vm.import_module(th, top),
        None => Ok(module),
    }
});
