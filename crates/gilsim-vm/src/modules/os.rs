//! `os`: the simulated process — its ids (`getpid()` = 4242 for the first process, one more for each child; `getppid()`), an empty
//! environment (`environ`, `getenv`), the machine's `--cores` (`cpu_count()`), and `_exit()`,
//! which ends the simulated process at once, `sched_yield()` and `strerror()` (glibc's texts);
//! nothing touches the host
//! (docs/robustness.md).

use super::{build_module as module, param};
use crate::dict::Dict;
use crate::footprint::PyCell;
use crate::native::native;
use crate::value::Value;
use std::rc::Rc;

native!(GETPID, "os.getpid", |vm, _th, _args| Ok(Value::Int(vm.interp.pid)));
native!(STRERROR, "os.strerror", |vm, _th, args| {
    crate::builtins::arity(vm, "strerror", args, 1, 1)?;
    let code = crate::builtins::int_arg(vm, &args.pos[0], "")?;
    Ok(Value::str(&crate::os_error::strerror(code)))
});
native!(GETPPID, "os.getppid", |vm, _th, _args| Ok(Value::Int(vm.interp.ppid)));
native!(CPU_COUNT_FN, "os.cpu_count", |vm, _th, _args| Ok(Value::Int(i64::from(vm.options.cores))));
// The environment is empty: every variable takes its default.
native!(GETENV, "os.getenv", |_vm, _th, args| Ok(param(args, 1, "default").unwrap_or(Value::None)));

// `os._exit(n)`: the process ends now with status `n` (its low byte, as the OS keeps it):
// no exception, no atexit handler, no thread joined, and what its stdout had not flushed is
// lost (CPython's `_exit(2)`; a watchdog thread's way out).
native!(EXIT_NOW, "os._exit", |vm, _th, args| {
    crate::builtins::arity(vm, "_exit", args, 1, 1)?;
    let status = match &args.pos[0] {
        // Argument Clinic's int converter: its older wording before 3.10.
        v @ (Value::Int(_) | Value::Bool(_) | Value::Long(_)) => crate::builtins::int_arg(vm, v, "")?,
        other if vm.options.python < gilsim_core::PythonVersion::new(3, 10) => {
            let message = format!("an integer is required (got type {})", crate::builtins::type_name_of(other));
            return Err(vm.raise_msg(crate::Exc::TypeError, message));
        }
        other => crate::builtins::int_arg(vm, other, "")?,
    };
    Err(crate::native::Control::block(crate::native::Request::ExitProcess { status: (status & 0xff) as i32 }))
});

// `os.sched_yield()`: CPython lets go of the GIL around the system call, as `time.sleep(0)`
// does — a spinning thread's way to let the others run.
native!(SCHED_YIELD, "os.sched_yield", |vm, _th, args| {
    crate::builtins::arity(vm, "sched_yield", args, 0, 0)?;
    Err(crate::native::Control::block(crate::native::Request::Sleep { duration: 0 }))
});

pub fn new() -> Value {
    let environ = Value::Dict(Rc::new(PyCell::new(Dict::default())));
    let attributes = vec![
        ("name", Value::str("posix")),
        ("sep", Value::str("/")),
        ("linesep", Value::str("\n")),
        ("environ", environ),
    ];
    module("os", &[&GETPID, &GETPPID, &CPU_COUNT_FN, &GETENV, &EXIT_NOW, &SCHED_YIELD, &STRERROR], attributes)
}
