//! Loading gilsim's library modules (Python source linked into every program, see
//! `gilsim_bytecode::Program::link`) and `_gilsim`, the natives only library code may import.
//!
//! A library module's body runs once per run, on first use, in a nested interpreter loop on
//! the thread that first needs it: `import queue`, or the first lookup of a name that
//! `threading`'s natives do not define (`threading.Condition`). Its public globals are then
//! merged into the module object the script sees.

use super::build_module;
use super::threading::{check_release, lock_of, new_lock, wake_waiter};
use crate::builtins::{arity, int_arg};
use crate::frame::{Frame, ReturnMode};
use crate::native::{native, Control, Request};
use crate::sync::LockKind;
use crate::value::{Slot, Str, Value};
use crate::{Thread, Vm};

native!(IS_NATIVE_LOCK, "_gilsim.is_native_lock", |vm, _th, args| {
    arity(vm, "is_native_lock", args, 1, 1)?;
    Ok(Value::bool(matches!(&args.pos[0], Value::Instance(inst) if matches!(inst.slot, Slot::Lock(_)))))
});

// `Condition` uses these on a Lock or RLock (CPython: `_release_save`, `_acquire_restore`,
// `_is_owned`, python-semantics.md §4.2).
native!(IS_OWNED, "_gilsim.is_owned", |vm, th, args| {
    arity(vm, "is_owned", args, 1, 1)?;
    let lock = lock_of(vm, &args.pos[0])?;
    crate::footprint::note_lock(crate::footprint::LockOp::Peek(lock.name));
    Ok(Value::bool(lock.is_owned_by(th.tid)))
});

native!(RELEASE_SAVE, "_gilsim.release_save", |vm, th, args| {
    arity(vm, "release_save", args, 1, 1)?;
    let lock = lock_of(vm, &args.pos[0])?;
    check_release(vm, &lock, th.tid)?;
    let count = lock.release_all();
    vm.note_lock(th, &lock, false);
    let saved = match lock.kind {
        LockKind::Lock | LockKind::Semaphore => Value::None,
        LockKind::RLock => Value::Int(i64::from(count)),
    };
    wake_waiter(lock, saved)
});

native!(ACQUIRE_RESTORE, "_gilsim.acquire_restore", |vm, th, args| {
    arity(vm, "acquire_restore", args, 2, 2)?;
    let lock = lock_of(vm, &args.pos[0])?;
    let count = match &args.pos[1] {
        Value::None => 1,
        saved => int_arg(vm, saved, "")?.clamp(1, i64::from(u32::MAX)) as u32,
    };
    if lock.try_acquire_with(th.tid, count) {
        vm.note_lock(th, &lock, true);
        return Ok(Value::None);
    }
    crate::footprint::note_lock(crate::footprint::LockOp::Peek(lock.name));
    Err(Control::block(Request::Acquire { lock, deadline: None, count }))
});

// The lock a thread blocks on inside `Condition.wait` (a plain Lock, as in CPython).
native!(WAITER_LOCK, "_gilsim.waiter_lock", |vm, _th, _args| {
    let lock = new_lock(vm, LockKind::Lock);
    if let Ok(state) = lock_of(vm, &lock) {
        state.waiter.set(true);
    }
    Ok(lock)
});

native!(WARN_DEPRECATED, "_gilsim.warn_deprecated", |vm, th, args| {
    arity(vm, "warn_deprecated", args, 1, 1)?;
    if vm.options.python.warns_on_camel_case_aliases() {
        let message = vm.str_of(th, &args.pos[0])?;
        vm.warn_deprecated(th, &message);
    }
    Ok(Value::None)
});

// `warnings.warn`'s report: `_gilsim.warn(message, category_name, stacklevel, once_per_line)`.
native!(WARN, "_gilsim.warn", |vm, th, args| {
    arity(vm, "warn", args, 4, 4)?;
    let message = vm.str_of(th, &args.pos[0])?;
    let category = vm.str_of(th, &args.pos[1])?;
    let stacklevel = usize::try_from(int_arg(vm, &args.pos[2], "")?).unwrap_or(1);
    let once_per_line = vm.truthy(th, &args.pos[3])?;
    vm.warn(th, &category, &message, stacklevel, once_per_line);
    Ok(Value::None)
});

// A system call of the simulated kernel (socket.py's sends and receives): CPython releases the
// GIL around it, so the thread queues for the GIL again before it goes on.
native!(SYSCALL, "_gilsim.syscall", |vm, _th, args| {
    arity(vm, "syscall", args, 0, 0)?;
    Err(Control::block(Request::Yield { result: Value::None }))
});

// `logging`'s `findCaller`: (path, line, function) of the innermost script frame, or of the
// one `outward` script frames out (`_gilsim.caller(outward)`, a warning's stacklevel - 1).
native!(CALLER, "_gilsim.caller", |vm, th, args| {
    arity(vm, "caller", args, 0, 1)?;
    let outward = match args.pos.first() {
        Some(v) => usize::try_from(int_arg(vm, v, "")?).unwrap_or(0),
        None => 0,
    };
    Ok(match vm.script_frame_at(th, outward) {
        Some((code, line)) => Value::tuple(vec![
            Value::str(&vm.program.filename),
            Value::Int(i64::from(line)),
            Value::str(code.name.as_str()),
        ]),
        None => Value::tuple(vec![Value::str("(unknown file)"), Value::Int(0), Value::str("(unknown function)")]),
    })
});

// `script_access(obj, name, value, write)`: a library property that stands for a plain
// attribute (`multiprocessing.Value`'s `value`) shows the detectors the script reading or
// writing `obj.name` at its own line.
native!(SCRIPT_ACCESS, "_gilsim.script_access", |vm, th, args| {
    arity(vm, "script_access", args, 4, 4)?;
    let write = vm.truthy(th, &args.pos[3])?;
    if let (Some(site), Value::Str(name)) = (vm.script_site(th), &args.pos[1]) {
        vm.note_access(site, crate::shared::Place::Attr(&args.pos[0], name), &args.pos[2], write);
    }
    Ok(Value::None)
});

// `operator.index` and the integer arguments of math's functions (CPython's PyNumber_Index).
native!(INDEX, "_gilsim.index", |vm, th, args| {
    arity(vm, "index", args, 1, 1)?;
    vm.number_index(th, &args.pos[0]).map(crate::int::Index::into_value)
});

// The exception being handled (`sys.exc_info()[1]`), or None.
native!(HANDLED_EXCEPTION, "_gilsim.handled_exception", |_vm, th, _args| {
    Ok(th.handled.last().cloned().unwrap_or(Value::None))
});

// `types.MethodType(func, obj)`: what a descriptor's `__get__` returns to bind a callable.
native!(METHOD, "_gilsim.method", |vm, _th, args| {
    arity(vm, "method", args, 2, 2)?;
    Ok(Value::BoundMethod(std::rc::Rc::new((args.pos[1].clone(), args.pos[0].clone()))))
});

// Where a Python function is defined: (file, line of its `def`), or None for anything else
// (asyncio names a callback's source in its reprs, as `inspect.getsourcefile` would).
native!(FUNCTION_LOCATION, "_gilsim.function_location", |vm, _th, args| {
    arity(vm, "function_location", args, 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Function(f) => {
            let code = &vm.program.codes[f.code as usize];
            let filename = &vm.program.module_of(f.code).filename;
            Value::tuple(vec![Value::str(filename), Value::Int(i64::from(code.first_line))])
        }
        _ => Value::None,
    })
});

// What a call of a function makes: "generator", "coroutine", "async_generator", or None
// for a plain function (`inspect`'s CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR flags).
native!(FUNCTION_KIND, "_gilsim.function_kind", |vm, _th, args| {
    arity(vm, "function_kind", args, 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Function(f) if f.is_generator => {
            Value::str(crate::generator::GenKind::of(vm.program.codes[f.code as usize].flags).type_name())
        }
        _ => Value::None,
    })
});

// CPython's traceback report of an exception (`traceback.format_exception`), script frames.
native!(FORMAT_EXCEPTION, "_gilsim.format_exception", |vm, _th, args| {
    arity(vm, "format_exception", args, 1, 1)?;
    let text = vm.format_traceback(&args.pos[0]);
    Ok(Value::str(text.trim_end_matches('\n')))
});

// The value of the global `name` of `function`'s module (or the builtin): what a string
// annotation names, for `functools.singledispatch` under PEP 563. None when undefined.
native!(GLOBAL_OF, "_gilsim.global_of", |vm, _th, args| {
    arity(vm, "global_of", args, 2, 2)?;
    let (Value::Function(function), Value::Str(name)) = (&args.pos[0], &args.pos[1]) else {
        return Ok(Value::None);
    };
    let module = vm.program.codes[function.code as usize].module;
    Ok(vm.lookup_global_name(module, name).unwrap_or(Value::None))
});

// The script's defined globals as (name, value) pairs, sorted by name (`dir()` of
// `__main__`): what `unittest.main()` looks for test cases in.
native!(SCRIPT_GLOBALS, "_gilsim.script_globals", |vm, _th, args| {
    arity(vm, "script_globals", args, 0, 0)?;
    let (start, end) = vm.program.modules[0].globals;
    let mut defined: Vec<(&str, Value)> = (start as usize..end as usize)
        .filter_map(|slot| match vm.interp.globals.get(slot) {
            Some(Value::Undefined) | None => None,
            Some(value) => Some((vm.program.global_names[slot].as_str(), value.clone())),
        })
        .collect();
    defined.sort_by(|a, b| a.0.cmp(b.0));
    Ok(Value::list(defined.into_iter().map(|(name, value)| Value::tuple(vec![Value::str(name), value])).collect()))
});

// `_gilsim.insertion_ordered(d)`: `d` (a dict, or an instance of a dict subclass), kept in
// insertion order under Python 2.7 (an `OrderedDict`'s items; crate::py2_order).
native!(INSERTION_ORDERED, "_gilsim.insertion_ordered", |vm, _th, args| {
    arity(vm, "insertion_ordered", args, 1, 1)?;
    let target = &args.pos[0];
    if let Value::Dict(dict) = target.builtin_base().unwrap_or(target) {
        crate::py2_order::keep_insertion_order(dict);
    }
    Ok(args.pos[0].clone())
});

// `_gilsim.odict_view(od, kind)`: an `OrderedDict`'s keys (0), values (1) or items (2) view.
native!(ODICT_VIEW, "_gilsim.odict_view", |vm, _th, args| {
    arity(vm, "odict_view", args, 2, 2)?;
    use crate::dict_view::{DictView, ViewKind};
    let kind = match args.pos[1] {
        Value::Int(0) => ViewKind::Keys,
        Value::Int(1) => ViewKind::Values,
        _ => ViewKind::Items,
    };
    let target = &args.pos[0];
    match target.builtin_base().unwrap_or(target) {
        Value::Dict(dict) => Ok(Value::View(std::rc::Rc::new(DictView { dict: dict.clone(), kind, ordered: true }))),
        _ => Err(vm.raise_msg(crate::Exc::TypeError, "odict_view() needs a dict")),
    }
});

pub fn internal_module(vm: &Vm) -> Value {
    let version = vm.options.python;
    let natives: Vec<&crate::native::NativeFn> = [
        &IS_NATIVE_LOCK,
        &IS_OWNED,
        &RELEASE_SAVE,
        &ACQUIRE_RESTORE,
        &WAITER_LOCK,
        &WARN_DEPRECATED,
        &WARN,
        &CALLER,
        &HANDLED_EXCEPTION,
        &INDEX,
        &SCRIPT_ACCESS,
        &FORMAT_EXCEPTION,
        &METHOD,
        &FUNCTION_KIND,
        &FUNCTION_LOCATION,
        &GLOBAL_OF,
        &SCRIPT_GLOBALS,
        &SYSCALL,
        &INSERTION_ORDERED,
        &ODICT_VIEW,
    ]
    .into_iter()
    .chain(super::processes::NATIVES)
    .chain(super::shared_memory::NATIVES)
    .chain(crate::generator::NATIVES)
    .chain(crate::settrace::NATIVES)
    .chain(super::sre::NATIVES)
    .chain(super::deque::NATIVES)
    .chain(super::hashing::NATIVES)
    .chain(super::json::NATIVES)
    .chain(super::structs::NATIVES)
    .chain(super::weak::NATIVES)
    .chain(super::math_norm::NATIVES)
    .chain(crate::set_methods::NATIVES)
    .chain(crate::files::NATIVES)
    .chain(super::async_exc::NATIVES)
    .chain(crate::exception_groups::NATIVES)
    .chain(crate::stack::NATIVES)
    .chain(super::threading::NATIVES)
    .collect();
    build_module(
        "_gilsim",
        &natives,
        vec![
            ("version", Value::tuple(vec![Value::Int(i64::from(version.major)), Value::Int(i64::from(version.minor))])),
            // A free-threaded build (`--python 3.13t`): its ABI flag `t`, `Py_GIL_DISABLED`.
            ("free_threaded", Value::bool(version.free_threaded)),
        ],
    )
}

impl Vm {
    /// If `module` has a library part that has not run yet, run it and merge its public
    /// names into `module`. Returns whether anything was loaded.
    pub(crate) fn complete_module(&mut self, th: &mut Thread, module: &Value) -> Result<bool, Control> {
        let Value::Module(m) = module else {
            return Ok(false);
        };
        let Some((index, info)) = self.program.library_module(&m.name) else {
            return Ok(false);
        };
        if self.interp.library_loaded[index] {
            return Ok(false);
        }
        self.interp.library_loaded[index] = true;
        let (body, (start, end)) = (info.body, info.globals);
        if self.interp.globals.len() < end as usize {
            self.interp.globals.resize_with(end as usize, || Value::Undefined);
        }
        let locals = self.spare.unbound_locals(self.program.codes[body as usize].local_names.len());
        th.push_frame(Frame::new(body, locals, Vec::new(), None, ReturnMode::Nested));
        self.run_nested_frame(th)?;
        // A module made before a run's prefix may first import its library part in a run.
        crate::run_shared::before_module_write(m);
        let mut dict = m.dict.borrow_mut();
        for slot in start as usize..end as usize {
            let name = &self.program.global_names[slot];
            let private = name.starts_with('_') && !(name.starts_with("__") && name.ends_with("__"));
            if private || matches!(self.interp.globals[slot], Value::Undefined) {
                continue;
            }
            if !dict.contains_key(name.as_str()) {
                dict.insert(Str::from(name.as_str()), self.interp.globals[slot].clone());
            }
        }
        Ok(true)
    }
}
