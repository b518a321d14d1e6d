//! `atexit`: `register(func, *args, **kwargs)` and `unregister(func)`.
//!
//! CPython runs the handlers last-registered first, after `threading._shutdown()` has joined
//! every non-daemon thread (python-semantics.md §4.11, F30). The runtime asks for them one
//! at a time with [`Vm::begin_exit_handler`]; each runs as an ordinary call on the main
//! thread, so a handler may block, sleep or join like any other code. An exception in a
//! handler is printed and ignored: it does not change the exit status.
//!
//! `threading._register_atexit` (3.9+, what `concurrent.futures` uses to stop its workers)
//! registers calls that `threading._shutdown()` makes earlier: when the main module is done,
//! before the non-daemon threads are joined ([`Vm::begin_threading_exit_hook`]).

use super::build_module;
use crate::builtins::{arity, type_name_of};
use crate::frame::PendingCall;
use crate::native::{native, Args};
use crate::value::Value;
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_core::PythonVersion;

native!(REGISTER, "atexit.register", |vm, _th, args| {
    let Some(func) = args.pos.first().cloned() else {
        return Err(vm.raise_msg(Exc::TypeError, "register() takes at least 1 argument (0 given)"));
    };
    if !crate::builtins::is_callable(&func) {
        return Err(vm.raise_msg(Exc::TypeError, "the first argument must be callable"));
    }
    vm.interp.exit_handlers.push(exit_call(func.clone(), args));
    Ok(func)
});

/// A registered exit call: `func(*args[1:], **kwargs)` (a change to the interpreter's state).
fn exit_call(func: Value, args: &mut Args) -> (Value, Args) {
    crate::footprint::note(crate::footprint::Resource::Interpreter, true);
    (func, Args { pos: args.pos[1..].to_vec(), kw: std::mem::take(&mut args.kw) })
}

native!(UNREGISTER, "atexit.unregister", |vm, th, args| {
    arity(vm, "unregister", args, 1, 1)?;
    let func = &args.pos[0];
    let mut kept = Vec::new();
    for (handler, call_args) in std::mem::take(&mut vm.interp.exit_handlers) {
        if !vm.equal(th, &handler, func)? {
            kept.push((handler, call_args));
        }
    }
    crate::footprint::note(crate::footprint::Resource::Interpreter, true);
    vm.interp.exit_handlers = kept;
    Ok(Value::None)
});

native!(REGISTER_THREADING_EXIT, "threading._register_atexit", |vm, _th, args| {
    let Some(func) = args.pos.first().cloned() else {
        return Err(vm.raise_msg(Exc::TypeError, "_register_atexit() missing 1 required positional argument: 'func'"));
    };
    if vm.interp.threading_shut_down {
        return Err(vm.raise_msg(Exc::RuntimeError, "can't register atexit after shutdown"));
    }
    vm.interp.threading_exit_hooks.push(exit_call(func, args));
    Ok(Value::None)
});

pub fn new() -> Value {
    build_module("atexit", &[&REGISTER, &UNREGISTER], Vec::new())
}

impl Vm {
    /// The main module is done (`threading._shutdown()`): if a `_register_atexit` call is
    /// left, make `main` call it (the most recently registered first) and return true.
    pub fn begin_threading_exit_hook(&mut self, main: &mut Thread) -> bool {
        self.interp.threading_shut_down = true;
        let call = self.interp.threading_exit_hooks.pop();
        self.begin_exit_call(main, call)
    }

    /// Interpreter exit: if an `atexit` handler is left, make `main` call it (the most
    /// recently registered first) and return true.
    pub fn begin_exit_handler(&mut self, main: &mut Thread) -> bool {
        let call = self.interp.exit_handlers.pop();
        self.begin_exit_call(main, call)
    }

    /// Make `main` make `call`, if there is one.
    fn begin_exit_call(&mut self, main: &mut Thread, call: Option<(Value, Args)>) -> bool {
        let Some((func, args)) = call else {
            return false;
        };
        main.pending_call = Some(PendingCall::Call(func.clone(), args));
        self.interp.running_exit_handler = Some(func);
        true
    }

    /// Print CPython's report for an exception that escaped an `atexit` handler.
    pub fn report_exit_handler_error(&mut self, exc: &Value) {
        let Some(func) = self.interp.running_exit_handler.take() else {
            return;
        };
        let python = self.options.python;
        let mut text = if python < PythonVersion::new(3, 10) {
            if self.is_instance_of(exc, Exc::SystemExit) {
                return;
            }
            "Error in atexit._run_exitfuncs:\n".to_string()
        } else {
            let shown = self.repr_of(&mut Thread::scratch(), &func).unwrap_or_else(|_| type_name_of(&func));
            if python < PythonVersion::new(3, 13) {
                format!("Exception ignored in atexit callback: {shown}\n")
            } else {
                format!("Exception ignored in atexit callback {shown}:\n")
            }
        };
        text.push_str(&self.format_uncaught(exc));
        self.write_stderr(&text);
    }
}
