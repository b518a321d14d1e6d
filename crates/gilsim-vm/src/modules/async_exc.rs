//! Exceptions raised in another thread (`ctypes.pythonapi.PyThreadState_SetAsyncExc`, the
//! recipe threaded programs use to stop a thread): CPython stores the exception in the
//! target's thread state, and the target raises it at its next eval-breaker check — when it
//! next takes the GIL after a switch, or right after the blocking call it sits in returns.
//! A thread blocked for good never raises it.
//!
//! Invariant: once a run has imported `ctypes` (the only way to ask for one), every slice
//! notes a read of its thread's state, so that an exploration orders each request against
//! every step of its target ([`crate::footprint::Resource::ThreadState`]).

use crate::builtins::arity;
use crate::footprint::{self, Resource};
use crate::native::{native, NativeFn};
use crate::value::Value;
use crate::{Thread, Vm};

/// The natives `ctypes` is built on.
pub(crate) const NATIVES: [&NativeFn; 2] = [&ALLOW_ASYNC_EXC, &SET_ASYNC_EXC];

// `_gilsim.allow_async_exc()`: `ctypes`' body, on import (see the invariant above).
native!(ALLOW_ASYNC_EXC, "_gilsim.allow_async_exc", |vm, _th, args| {
    arity(vm, "allow_async_exc", args, 0, 0)?;
    vm.interp.async_exc_possible = true;
    Ok(Value::None)
});

// `_gilsim.set_async_exc(ident, exc)`: ask the thread with `ident` (an unsigned C long) to
// raise `exc`, or with None forget what was asked. Returns the number of threads found (0
// or 1), as CPython does.
native!(SET_ASYNC_EXC, "_gilsim.set_async_exc", |vm, th, args| {
    arity(vm, "set_async_exc", args, 2, 2)?;
    let (ident, exc) = (&args.pos[0], &args.pos[1]);
    let Value::Int(ident) = *ident else { return Ok(Value::Int(0)) };
    // The thread table grows as threads start (an interpreter write, see `register_thread`).
    footprint::note(Resource::Interpreter, false);
    let target = vm.interp.threads.iter().find(|data| {
        let data = data.borrow_unnoted();
        data.started && data.ident == Some(ident)
    });
    let Some(target) = target.cloned() else { return Ok(Value::Int(0)) };
    let Some(tid) = target.borrow_unnoted().tid else { return Ok(Value::Int(0)) };
    // Whether it has finished is a read of its state, ordered against its end.
    if target.borrow_unnoted().has_finished() {
        return Ok(Value::Int(0));
    }
    footprint::note(Resource::ThreadState(tid), true);
    if tid == th.tid && !exc.is_none() {
        // Its own thread: the check after this call raises it.
        let exc = vm.make_exception(exc.clone())?;
        return Err(crate::native::Control::Raise(exc));
    }
    target.borrow_mut_unnoted().async_exc = (!exc.is_none()).then(|| exc.clone());
    Ok(Value::Int(1))
});

impl Vm {
    /// At a slice's start, the exception another thread asked this one to raise, if any.
    pub(crate) fn pending_async_exc(&mut self, th: &Thread) -> Option<Value> {
        if !self.interp.async_exc_possible {
            return None;
        }
        footprint::note(Resource::ThreadState(th.tid), false);
        th.data.borrow_mut_unnoted().async_exc.take()
    }
}
