//! Signals that arrive in the main thread: `_thread.interrupt_main()` (CPython's
//! `PyErr_SetInterruptEx`), which a watchdog thread calls to stop the main thread. CPython
//! trips the signal's flag and sets the eval breaker; no real signal is sent, so a main thread
//! blocked in `sleep()` or `join()` is not woken: it runs the signal's Python handler at its
//! next eval-breaker check — when it next runs after a switch, or right after the blocking
//! call returns. The default SIGINT handler raises `KeyboardInterrupt` there; a handler the
//! script installed (`signal.signal`) is called as a frame of the main thread; `SIG_IGN` and
//! `SIG_DFL` make it nothing from 3.7 (3.6 calls them too, a TypeError).
//!
//! Invariant: once a process has imported `_thread` (the only way to trip a signal), each
//! slice of its main thread notes a read of that thread's state, so that an exploration orders
//! every `interrupt_main()` against every step of the main thread
//! ([`crate::footprint::Resource::ThreadState`]).

use crate::builtins::{arity, int_arg};
use crate::footprint::{self, Resource};
use crate::native::{native, Control};
use crate::value::Value;
use crate::{Exc, SliceEnd, Thread, Vm};

/// SIGINT, the signal `interrupt_main()` trips by default.
const SIGINT: i64 = 2;

/// Signal numbers are below this (Linux's `NSIG`).
const NSIG: i64 = 65;

// `_thread.interrupt_main(signum=SIGINT)` (the argument from 3.10).
native!(INTERRUPT_MAIN, "_thread.interrupt_main", |vm, _th, args| {
    let most = usize::from(vm.options.python >= gilsim_core::PythonVersion::new(3, 10));
    arity(vm, "interrupt_main", args, 0, most)?;
    let signum = match args.pos.first() {
        Some(v) => int_arg(vm, v, "")?,
        None => SIGINT,
    };
    if !(1..NSIG).contains(&signum) {
        return Err(vm.raise_msg(Exc::ValueError, "signal number out of range"));
    }
    let main = vm.interp.main_tid;
    footprint::note(Resource::ThreadState(main), true);
    // A tripped signal is a flag: tripping it again before it is handled changes nothing.
    if !vm.interp.pending_signals.contains(&signum) {
        vm.interp.pending_signals.push(signum);
    }
    Ok(Value::None)
});

/// What the main thread does with a signal that arrived.
enum Handling {
    Ignore,
    KeyboardInterrupt,
    Call(Value),
}

impl Vm {
    /// At a slice's start in the main thread, handle a signal that arrived: raise or call its
    /// handler where the thread resumes. `Some` ends the slice (the exception escaped).
    pub(crate) fn handle_pending_signal(&mut self, th: &mut Thread, after_jump: bool) -> Option<SliceEnd> {
        if !self.interp.signals_possible || th.tid != self.interp.main_tid {
            return None;
        }
        footprint::note(Resource::ThreadState(th.tid), false);
        if self.interp.pending_signals.is_empty() {
            return None;
        }
        let signum = self.interp.pending_signals.remove(0);
        match self.signal_handling(th, signum) {
            Err(control) => self.handle_control(th, control),
            Ok(Handling::Ignore) => None,
            Ok(Handling::KeyboardInterrupt) => {
                let exc = self.new_exception_args(Exc::KeyboardInterrupt, Vec::new());
                self.raise_at_resume(th, exc, after_jump)
            }
            Ok(Handling::Call(handler)) => {
                let args = vec![Value::Int(signum), Value::None];
                let hook = crate::hooks::Hook::control(handler, args, crate::hooks::Then::Nothing);
                self.handle_control(th, hook)
            }
        }
    }

    /// The handler `signal.getsignal(signum)` names, as the main thread runs it.
    fn signal_handling(&mut self, th: &mut Thread, signum: i64) -> Result<Handling, Control> {
        // Without `signal` imported no handler was changed: SIGINT's default raises.
        if !self.interp.modules.iter().any(|(name, _)| &**name == "signal") {
            return Ok(if signum == SIGINT { Handling::KeyboardInterrupt } else { Handling::Ignore });
        }
        let getsignal = self.library_attr(th, "signal", "getsignal")?;
        let handler = self.call_nested(th, getsignal, crate::native::Args::new(vec![Value::Int(signum)]))?;
        if handler.is(&self.library_attr(th, "signal", "default_int_handler")?) {
            return Ok(Handling::KeyboardInterrupt);
        }
        // 3.6 calls even `SIG_IGN` and `SIG_DFL` (ints there): a TypeError in the main thread.
        let calls_any = self.options.python < gilsim_core::PythonVersion::new(3, 7);
        for name in ["SIG_IGN", "SIG_DFL"] {
            if !calls_any && handler.is(&self.library_attr(th, "signal", name)?) {
                return Ok(Handling::Ignore);
            }
        }
        Ok(Handling::Call(handler))
    }
}
