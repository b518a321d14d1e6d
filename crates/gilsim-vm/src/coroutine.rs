//! `await`, `async with`, `async for` and async generators' `yield` (PEP 492, PEP 525).
//!
//! A coroutine is a generator object of kind [`GenKind::Coroutine`]: its frame, parking and
//! resumption are the generator's (`gilsim_vm::generator`), and `await x` compiles to
//! `GetAwaitable` and the `Send` loop of `yield from` — CPython 3.11's GET_AWAITABLE, SEND
//! and YIELD_VALUE. What an `await` passes up (an asyncio future, or None from
//! `asyncio.sleep(0)`) travels through every awaiting frame to whoever sends into the
//! outermost coroutine: the event loop's task step, in the library's `asyncio`.
//!
//! An async generator's own `yield` (`AsyncGenYield`) parks its frame with the value wrapped
//! in `_gilsim_async.async_gen_value` (CPython's `_PyAsyncGenWrappedValue`), so that the
//! `__anext__` awaitable driving it (library `_gilsim_async.async_gen_asend`) tells an item
//! from what an `await` in its body passes up.
//!
//! Every entry point is out of line: the interpreter loop pays nothing for them.

use crate::generator::{GenKind, Generator};
use crate::native::{Args, Control};
use crate::types::Exc;
use crate::value::{Instance, Slot, Value};
use crate::{SliceEnd, Thread, Vm};
use gilsim_core::PythonVersion;
use std::rc::Rc;

impl Vm {
    /// `GetAwaitable`: replace TOS by what the `Send` loop of its `await` drives.
    #[inline(never)]
    pub(crate) fn get_awaitable(&mut self, th: &mut Thread) -> Result<(), Control> {
        let value = th.stack.pop().expect("the awaited value");
        if generator_kind(&value) == Some(GenKind::Coroutine) {
            th.stack.push(value);
            return Ok(());
        }
        let class = self.class_of(&value);
        let Some(await_method) = class.lookup("__await__") else {
            let type_name = crate::builtins::type_name_of(&value);
            return Err(
                self.raise_msg(Exc::TypeError, format!("object {type_name} can't be used in 'await' expression"))
            );
        };
        // Most `__await__`s are generator functions, whose call runs no code; the others
        // return another object's `__await__()` or an iterator.
        let iterator = self.call_nested(th, await_method, Args::new(vec![value]))?;
        self.check_await_iterator(&iterator)?;
        th.stack.push(iterator);
        Ok(())
    }

    /// CPython's checks on what `__await__()` returned.
    fn check_await_iterator(&mut self, iterator: &Value) -> Result<(), Control> {
        if generator_kind(iterator) == Some(GenKind::Coroutine) {
            return Err(self.raise_msg(Exc::TypeError, "__await__() returned a coroutine"));
        }
        let class = self.class_of(iterator);
        if class.lookup("__next__").is_none() {
            let type_name = crate::builtins::type_name_of(iterator);
            let message = format!("__await__() returned non-iterator of type '{type_name}'");
            return Err(self.raise_msg(Exc::TypeError, message));
        }
        Ok(())
    }

    /// `GetAIter`: replace TOS by its `__aiter__()`.
    #[inline(never)]
    pub(crate) fn get_aiter(&mut self, th: &mut Thread) -> Result<(), Control> {
        let value = th.stack.pop().expect("the async iterable");
        let class = self.class_of(&value);
        let type_name = crate::builtins::type_name_of(&value);
        let Some(aiter) = class.lookup("__aiter__") else {
            let message = format!("'async for' requires an object with __aiter__ method, got {type_name}");
            return Err(self.raise_msg(Exc::TypeError, message));
        };
        let iterator = self.call_nested(th, aiter, Args::new(vec![value]))?;
        let class = self.class_of(&iterator);
        if class.lookup("__anext__").is_none() {
            let type_name = crate::builtins::type_name_of(&iterator);
            let message = if self.options.python < PythonVersion::new(3, 7) {
                format!("'async for' received an invalid object from __aiter__: {type_name}")
            } else {
                format!("'async for' received an object from __aiter__ that does not implement __anext__: {type_name}")
            };
            return Err(self.raise_msg(Exc::TypeError, message));
        }
        th.stack.push(iterator);
        Ok(())
    }

    /// `GetANext`: push `__anext__()` of the async iterator on TOS.
    #[inline(never)]
    pub(crate) fn get_anext(&mut self, th: &mut Thread) -> Result<(), Control> {
        let iterator = th.stack.last().expect("the async iterator").clone();
        let class = self.class_of(&iterator);
        let Some(anext) = class.lookup("__anext__") else {
            let type_name = crate::builtins::type_name_of(&iterator);
            let message = format!("'async for' requires an iterator with __anext__ method, got {type_name}");
            return Err(self.raise_msg(Exc::TypeError, message));
        };
        let mut args = self.spare.take(1);
        args.push(iterator);
        self.call_and_push(th, anext, Args::new(args))
    }

    /// `EndAsyncFor`: the loop ends on StopAsyncIteration (None); any other exception is
    /// given back to be re-raised.
    #[inline(never)]
    pub(crate) fn end_async_for(&mut self, th: &mut Thread) -> Option<Value> {
        let exc = th.stack.pop().expect("the exception");
        if !self.is_instance_of(&exc, Exc::StopAsyncIteration) {
            return Some(exc);
        }
        th.stack.pop();
        None
    }

    /// `AsyncGenYield`: park the async generator on top of `th`, handing out TOS as its item.
    #[inline(never)]
    pub(crate) fn async_gen_yield(&mut self, th: &mut Thread) -> Result<Option<SliceEnd>, Control> {
        let value = th.stack.pop().expect("the yielded value");
        let Value::Class(class) = self.library_attr(th, "_gilsim_async", "async_gen_value")? else {
            return Err(self.raise_msg(Exc::RuntimeError, "gilsim: the async generator type is missing"));
        };
        let wrapped = Instance::new(class, Slot::None);
        wrapped.set_attr("value", value);
        Ok(self.yield_value(th, Value::Instance(Rc::new(wrapped))))
    }

    /// `BeforeAsyncWith`: push the manager's bound `__aexit__` and call its `__aenter__`.
    #[inline(never)]
    pub(crate) fn before_async_with(&mut self, th: &mut Thread) -> Result<(), Control> {
        let manager = th.stack.pop().expect("the context manager");
        let class = self.class_of(&manager);
        let (enter, exit) = (class.lookup("__aenter__"), class.lookup("__aexit__"));
        let (Some(enter), Some(exit)) = (enter, exit) else {
            return Err(self.context_protocol_error(&manager, ContextProtocol::Async));
        };
        let exit = Value::BoundMethod(Rc::new((manager.clone(), exit)));
        th.stack.push(exit);
        let mut args = self.spare.take(1);
        args.push(manager);
        self.call_and_push(th, enter, Args::new(args))
    }

    /// CPython's error for a context manager that lacks its enter or exit method, per
    /// version: AttributeError naming the first one missing, in the order the version looked
    /// them up (3.6-3.8 looked up `__aexit__` first), TypeError from 3.11.
    #[cold]
    #[inline(never)]
    pub(crate) fn context_protocol_error(&mut self, manager: &Value, protocol: ContextProtocol) -> Control {
        let class = self.class_of(manager);
        let (enter_name, exit_name) = protocol.method_names();
        let enter_found = class.lookup(enter_name).is_some();
        let exit_found = class.lookup(exit_name).is_some();
        let python = self.options.python;
        if python < PythonVersion::new(3, 11) {
            // 2.7's SETUP_WITH and 3.6-3.8's BEFORE_ASYNC_WITH look up the exit first.
            let exit_first =
                python.major == 2 || (protocol == ContextProtocol::Async && python < PythonVersion::new(3, 9));
            let missing = match (enter_found, exit_found) {
                (false, false) if exit_first => exit_name,
                (false, _) => enter_name,
                _ => exit_name,
            };
            return self.raise_msg(Exc::AttributeError, missing);
        }
        let type_name = crate::builtins::type_name_of(manager);
        let kind = match protocol {
            ContextProtocol::Sync => "",
            ContextProtocol::Async => "asynchronous ",
        };
        let missed = if enter_found { format!(" (missed {exit_name} method)") } else { String::new() };
        self.raise_msg(
            Exc::TypeError,
            format!("'{type_name}' object does not support the {kind}context manager protocol{missed}"),
        )
    }
}

impl Vm {
    /// The RuntimeWarning of a coroutine that is freed without having run, attributed to the
    /// script line that dropped it (once per line), or at exit to `sys:1` (`<sys>:0` from
    /// 3.13), where no frame is left; from 3.7 with the tracemalloc hint.
    pub(crate) fn warn_never_awaited(&mut self, th: &Thread, state: &Generator, at_exit: bool) {
        let message = format!("coroutine '{}' was never awaited", state.name);
        let python = self.options.python;
        if !at_exit {
            if self.warn(th, "RuntimeWarning", &message, 1, true) && python >= PythonVersion::new(3, 7) {
                self.write_stderr("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
            }
            return;
        }
        if self.warned.insert((0, format!("RuntimeWarning: {message}"))) {
            let location = if python >= PythonVersion::new(3, 13) { "<sys>:0" } else { "sys:1" };
            self.write_stderr(&format!("{location}: RuntimeWarning: {message}\n"));
        }
    }
}

/// `with` or `async with`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContextProtocol {
    Sync,
    Async,
}

impl ContextProtocol {
    fn method_names(self) -> (&'static str, &'static str) {
        match self {
            ContextProtocol::Sync => ("__enter__", "__exit__"),
            ContextProtocol::Async => ("__aenter__", "__aexit__"),
        }
    }
}

/// The kind of a generator-like object, if `value` is one.
pub(crate) fn generator_kind(value: &Value) -> Option<GenKind> {
    match value {
        Value::Instance(inst) => match &inst.slot {
            Slot::Generator(state) => Some(state.kind),
            _ => None,
        },
        _ => None,
    }
}
