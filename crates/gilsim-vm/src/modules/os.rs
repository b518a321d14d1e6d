//! `os`: the simulated process — its ids (`getpid()` = 4242 for the first process, one more for each child; `getppid()`), an empty
//! environment (`environ`, `getenv`), the machine's `--cores` (`cpu_count()`); nothing touches
//! the host (docs/robustness.md).

use super::{build_module as module, param};
use crate::dict::Dict;
use crate::footprint::PyCell;
use crate::native::native;
use crate::value::Value;
use std::rc::Rc;

native!(GETPID, "os.getpid", |vm, _th, _args| Ok(Value::Int(vm.interp.pid)));
native!(GETPPID, "os.getppid", |vm, _th, _args| Ok(Value::Int(vm.interp.ppid)));
native!(CPU_COUNT_FN, "os.cpu_count", |vm, _th, _args| Ok(Value::Int(i64::from(vm.options.cores))));
// The environment is empty: every variable takes its default.
native!(GETENV, "os.getenv", |_vm, _th, args| Ok(param(args, 1, "default").unwrap_or(Value::None)));

pub fn new() -> Value {
    let environ = Value::Dict(Rc::new(PyCell::new(Dict::default())));
    let attributes = vec![
        ("name", Value::str("posix")),
        ("sep", Value::str("/")),
        ("linesep", Value::str("\n")),
        ("environ", environ),
    ];
    module("os", &[&GETPID, &GETPPID, &CPU_COUNT_FN, &GETENV], attributes)
}
