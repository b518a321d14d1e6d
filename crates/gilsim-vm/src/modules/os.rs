//! `os`: only the simulated process ids (`getpid()` = 4242, `getppid()` = 4241); nothing
//! touches the host.

use super::build_module as module;
use crate::native::native;
use crate::value::Value;

pub const PID: i64 = 4242;

native!(GETPID, "os.getpid", |_vm, _th, _args| Ok(Value::Int(PID)));
native!(GETPPID, "os.getppid", |_vm, _th, _args| Ok(Value::Int(PID - 1)));

pub fn new() -> Value {
    module("os", &[&GETPID, &GETPPID], vec![("name", Value::str("posix")), ("sep", Value::str("/"))])
}
