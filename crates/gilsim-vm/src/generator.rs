//! Generators (PEP 255, PEP 342): calling a function whose body yields makes a generator
//! object — an instance of `_gilsim_iter.generator` — holding the function's frame,
//! suspended before its first instruction. Resuming it (`__next__`, `send`, `throw`, all
//! through the native `_gilsim.gen_resume`) pushes that frame onto the resuming thread's
//! stack, so a generator body runs in the thread that asks for the next item, with switch
//! points and blocking calls as any other frame. `yield` parks the frame back in the object
//! and hands the value to the resumer; returning ends the generator with `StopIteration`.
//!
//! `yield from` (PEP 380) runs as CPython 3.11's `SEND` loop: each value sent in goes to the
//! iterator's `__next__`/`send` in a frame of the thread, each item it yields is yielded, and
//! a `throw()` into a generator parked there is handed to the iterator's `throw`.
//!
//! Invariant: a generator's frame is either parked in its object (not running) or on exactly
//! one thread's stack (running), where it points back to its state; a frame parked in the
//! object does not, so a parked generator holds no cycle through itself.

use crate::builtins::arity;
use crate::frame::{BlockKind, Frame, ReturnMode};
use crate::interp::Invoked;
use crate::native::{native, Args, Control, NativeFn};
use crate::types::Exc;
use crate::value::{Instance, Slot, Truth, Value};
use crate::{SliceEnd, Thread, Vm};
use gilsim_bytecode::Instr;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A generator's state (the `Slot` of its object).
pub struct Generator {
    /// The suspended frame; None while it runs and once it has finished.
    pub(crate) frame: RefCell<Option<Frame>>,
    started: Cell<bool>,
    running: Cell<bool>,
    /// Closed by its finalizer (when dropped or at exit): never again (PEP 442).
    pub(crate) finalized: Cell<bool>,
    /// The exceptions its `except` bodies were handling when it yielded, oldest first: a
    /// generator keeps its own (CPython's `gi_exc_state`), off the resumer's stack.
    handled: RefCell<Vec<Value>>,
    /// Set by `throw()` on a generator parked in `yield from`: its `Send` hands the exception
    /// on TOS to the iterator's `throw` instead of sending it.
    delegate_throw: Cell<bool>,
    /// The generator function's qualified name, for the repr (CPython's `gi_qualname`).
    pub(crate) name: String,
    pub(crate) kind: GenKind,
    /// Its function's code, for where it is (`gen_location`).
    code: gilsim_bytecode::CodeId,
}

/// What a generator-like object is: they share the frame machinery and differ in their
/// type and in a few messages.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum GenKind {
    Generator,
    /// An `async def`'s coroutine (PEP 492).
    Coroutine,
    /// An `async def` that yields (PEP 525).
    AsyncGenerator,
}

impl GenKind {
    pub(crate) fn of(flags: gilsim_bytecode::CodeFlags) -> GenKind {
        if flags.is_async_generator {
            GenKind::AsyncGenerator
        } else if flags.is_coroutine {
            GenKind::Coroutine
        } else {
            GenKind::Generator
        }
    }

    /// The library class of its objects (`_gilsim_iter`'s generator, `_gilsim_async`'s
    /// others), and the word CPython's messages use.
    pub(crate) fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
}

/// The natives `_gilsim_iter.generator` is made of.
pub(crate) const NATIVES: [&NativeFn; 6] = [&GEN_RESUME, &GEN_CLOSE, &GEN_NAME, &GEN_LOCATION, &GEN_STATE, &GEN_FRAME];

impl Vm {
    /// A generator object around `frame` (a call of a generator function, arguments bound).
    pub(crate) fn make_generator(&mut self, th: &mut Thread, frame: Frame) -> Result<Value, Control> {
        let frame_code = frame.code;
        let kind = GenKind::of(self.program.codes[frame.code as usize].flags);
        let module = if kind == GenKind::Generator { "_gilsim_iter" } else { "_gilsim_async" };
        let Value::Class(class) = self.library_attr(th, module, kind.type_name())? else {
            return Err(self.raise_msg(Exc::RuntimeError, "gilsim: the generator type is missing"));
        };
        let code = &self.program.codes[frame.code as usize];
        let (name, closable) = (code.qualname.clone(), code.flags.has_handlers || kind == GenKind::Coroutine);
        let state = Generator {
            frame: RefCell::new(Some(frame)),
            started: Cell::new(false),
            running: Cell::new(false),
            delegate_throw: Cell::new(false),
            finalized: Cell::new(false),
            handled: RefCell::new(Vec::new()),
            name,
            kind,
            code: frame_code,
        };
        let generator = Rc::new(Instance::new(class, Slot::Generator(Rc::new(state))));
        if closable {
            crate::finalizers::on_new_generator(&generator);
        }
        Ok(Value::Instance(generator))
    }

    /// `yield`: park the running generator frame (on top of `th`) and hand `value` to
    /// whoever resumed it. Some(end) when that was a native waiting in a nested loop.
    pub(crate) fn yield_value(&mut self, th: &mut Thread, value: Value) -> Option<SliceEnd> {
        let mut frame = th.park_frame();
        let state = frame.generator.take().expect("yield runs in a generator frame (compiler invariant)");
        state.running.set(false);
        let handling = frame.blocks.iter().filter(|b| b.kind == BlockKind::ExceptBody).count();
        if handling > 0 {
            *state.handled.borrow_mut() = th.handled.split_off(th.handled.len().saturating_sub(handling));
        }
        let mode = std::mem::replace(&mut frame.return_mode, ReturnMode::Push);
        *state.frame.borrow_mut() = Some(frame);
        if matches!(mode, ReturnMode::Nested) {
            return Some(SliceEnd::Finished(Ok(value)));
        }
        Vm::hand_to_caller(th, value)
    }

    /// `Send(exit)` (`yield from`): send TOS into the iterator below it — `next` for None,
    /// its `send` otherwise, its `throw` for an exception `throw()` delegated here. What the
    /// iterator yields arrives on the stack (now, or when its frame returns); its end comes
    /// as StopIteration, here or when its frame unwinds (`ReturnMode::YieldFrom`).
    pub(crate) fn yield_from_send(&mut self, th: &mut Thread, exit: u32) -> Result<(), Control> {
        let frame = th.frames.last_mut().expect("frame");
        let throwing = frame.generator.as_ref().is_some_and(|g| g.delegate_throw.replace(false));
        let value = th.stack.pop().expect("the value to send");
        let iterator = th.stack.last().expect("yield from's iterator").clone();
        if throwing && self.is_instance_of(&value, Exc::GeneratorExit) {
            // Closing: the iterator is closed, then GeneratorExit goes on here (PEP 380).
            match self.get_attr(th, &iterator, "close") {
                Ok(close) => {
                    self.call_nested(th, close, Args::new(Vec::new()))?;
                }
                Err(Control::Raise(e)) if self.is_instance_of(&e, Exc::AttributeError) => {}
                Err(e) => return Err(e),
            }
            return Err(Control::Raise(value));
        }
        let (callable, args) = if throwing {
            match self.get_attr(th, &iterator, "throw") {
                Ok(throw) => (throw, vec![value]),
                // An iterator without `throw`: the exception is raised at the `yield from`.
                Err(Control::Raise(e)) if self.is_instance_of(&e, Exc::AttributeError) => {
                    return Err(Control::Raise(value))
                }
                Err(e) => return Err(e),
            }
        } else if matches!(&iterator, Value::Instance(inst) if matches!(inst.slot, Slot::Generator(_))) {
            // A generator or coroutine (every `await` of a coroutine) resumes directly, as
            // CPython's SEND does (`gen_send_ex`), not through its `send` method.
            (Value::Native(&GEN_RESUME), vec![iterator, value, Value::None])
        } else if value.is_none() {
            (Value::Native(&crate::builtins::NEXT), vec![iterator])
        } else {
            (self.get_attr(th, &iterator, "send")?, vec![value])
        };
        match self.invoke(th, callable, Args::new(args), ReturnMode::YieldFrom { exit }) {
            Ok(Invoked::Returned(item, _)) => {
                th.stack.push(item);
                Ok(())
            }
            Ok(Invoked::Pushed) => Ok(()),
            Err(Control::Raise(stop)) if self.is_instance_of(&stop, Exc::StopIteration) => {
                Vm::finish_yield_from(th, &stop, exit);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// The iterator of the `yield from` on top of `th` ended with `stop` (a StopIteration):
    /// its value replaces the iterator, and the frame goes on at `exit`.
    pub(crate) fn finish_yield_from(th: &mut Thread, stop: &Value, exit: u32) {
        let value = match stop {
            Value::Instance(inst) => inst.attr("value").unwrap_or(Value::None),
            _ => Value::None,
        };
        Vm::finish_yield_from_with(th, value, exit);
    }

    /// The iterator of the `yield from` on top of `th` returned `value`.
    pub(crate) fn finish_yield_from_with(th: &mut Thread, value: Value, exit: u32) {
        th.stack.pop();
        th.stack.push(value);
        th.frames.last_mut().expect("yield from's frame").ip = exit as usize;
    }

    /// A generator's `frame` is resumed on `th`: the exceptions it was handling when it
    /// yielded are handled again, above the resumer's.
    pub(crate) fn restore_handled(th: &mut Thread, frame: &Frame) {
        if let Some(state) = &frame.generator {
            th.handled.append(&mut state.handled.borrow_mut());
        }
    }

    /// The generator frame `frame` (popped off the stack, or never pushed) returned or
    /// raised: it is over.
    pub(crate) fn generator_ended(frame: &Frame) {
        if let Some(state) = &frame.generator {
            state.running.set(false);
        }
    }
}

impl Generator {
    /// A copy of its state without its frame and handled exceptions, which the copy of a
    /// run fills in ([`crate::snapshot`]).
    pub(crate) fn shell_copy(&self) -> Generator {
        Generator {
            frame: RefCell::new(None),
            started: Cell::new(self.started.get()),
            running: Cell::new(self.running.get()),
            finalized: Cell::new(self.finalized.get()),
            handled: RefCell::new(Vec::new()),
            delegate_throw: Cell::new(self.delegate_throw.get()),
            name: self.name.clone(),
            kind: self.kind,
            code: self.code,
        }
    }

    pub(crate) fn handled_values(&self) -> Vec<Value> {
        self.handled.borrow().clone()
    }

    pub(crate) fn set_handled(&self, handled: Vec<Value>) {
        *self.handled.borrow_mut() = handled;
    }

    /// A coroutine that never ran and was not closed: its finalizer warns (CPython's
    /// `_PyErr_WarnUnawaitedCoroutine`).
    pub(crate) fn never_awaited(&self) -> bool {
        self.kind == GenKind::Coroutine
            && !self.started.get()
            && self.frame.try_borrow().is_ok_and(|frame| frame.is_some())
    }

    /// Started, not finished, and parked inside a `try` or `with` block: closing it runs
    /// code (its handlers and `finally` blocks).
    pub(crate) fn suspended_in_block(&self) -> bool {
        self.started.get() && self.frame.try_borrow().is_ok_and(|f| f.as_ref().is_some_and(|f| !f.blocks.is_empty()))
    }
}

fn state_of(vm: &mut Vm, v: &Value) -> Result<Rc<Generator>, Control> {
    match v {
        Value::Instance(inst) => match &inst.slot {
            Slot::Generator(state) => Ok(state.clone()),
            _ => Err(vm.raise_msg(Exc::TypeError, "expected a generator")),
        },
        _ => Err(vm.raise_msg(Exc::TypeError, "expected a generator")),
    }
}

// `gen_resume(gen, value, exc)`: run the generator until it yields (the call's result),
// returns (StopIteration) or raises; with `exc`, raise it where the generator is suspended.
native!(GEN_RESUME, "_gilsim.gen_resume", |vm, _th, args| {
    arity(vm, "gen_resume", args, 3, 3)?;
    let state = state_of(vm, &args.pos[0])?;
    let mut args = args.pos.drain(..).skip(1);
    let (value, throw) = (args.next().unwrap_or(Value::None), args.next().unwrap_or(Value::None));
    let throw = (!throw.is_none()).then_some(throw);
    let kind = state.kind.type_name();
    if state.running.get() {
        return Err(vm.raise_msg(Exc::ValueError, format!("{kind} already executing")));
    }
    let Some(mut frame) = state.frame.borrow_mut().take() else {
        return Err(match throw {
            Some(exc) => resume_error(vm, exc),
            // CPython's coroutines refuse to run again (a second `await` of one coroutine).
            None if state.kind == GenKind::Coroutine => {
                vm.raise_msg(Exc::RuntimeError, "cannot reuse already awaited coroutine")
            }
            None => Control::Raise(vm.new_exception_args(Exc::StopIteration, Vec::new())),
        });
    };
    if !state.started.get() {
        if throw.is_none() && !value.is_none() {
            *state.frame.borrow_mut() = Some(frame);
            let message = format!("can't send non-None value to a just-started {kind}");
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
        state.started.set(true);
    } else if throw.is_none() {
        frame.parked.push(value);
    }
    let mut throw = throw.map(|exc| resume_error(vm, exc));
    if let (Some(Control::Raise(exc)), Some(send)) = (&throw, parked_in_yield_from(vm, &frame)) {
        // Back to the `Send`, which hands the exception to the iterator (PEP 380).
        frame.parked.push(exc.clone());
        frame.ip = send;
        state.delegate_throw.set(true);
        throw = None;
    }
    state.running.set(true);
    frame.generator = Some(state);
    Err(Control::Resume { frame: Box::new(frame), throw: throw.map(Box::new) })
});

/// Where the `Send` of the `yield from` that `frame` is parked in is (it parks on the
/// `YieldValue` just after it), if it is parked in one.
fn parked_in_yield_from(vm: &Vm, frame: &Frame) -> Option<usize> {
    let send = frame.ip.checked_sub(2)?;
    matches!(vm.program.codes[frame.code as usize].instrs.get(send), Some(Instr::Send(_))).then_some(send)
}

/// The exception `throw(exc)` raises: an exception instance, or a class to instantiate.
fn resume_error(vm: &mut Vm, exc: Value) -> Control {
    match vm.make_exception(exc) {
        Ok(exc) => Control::Raise(exc),
        Err(e) => e,
    }
}

// `gen_close(gen)`: close a generator that has nothing to run on closing (not started,
// finished, or parked outside any `try`/`with`), and say so (True); otherwise False, and the
// caller throws GeneratorExit into it (CPython's `gen_close`).
native!(GEN_CLOSE, "_gilsim.gen_close", |vm, _th, args| {
    arity(vm, "gen_close", args, 1, 1)?;
    let state = state_of(vm, &args.pos[0])?;
    if state.running.get() {
        return Err(vm.raise_msg(Exc::ValueError, format!("{} already executing", state.kind.type_name())));
    }
    if state.suspended_in_block() {
        return Ok(Value::Bool(Truth::False));
    }
    state.frame.borrow_mut().take();
    Ok(Value::Bool(Truth::True))
});

native!(GEN_NAME, "_gilsim.gen_name", |vm, _th, args| {
    arity(vm, "gen_name", args, 1, 1)?;
    let state = state_of(vm, &args.pos[0])?;
    Ok(Value::str(&state.name))
});

// `gen_location(gen)`: (file, line, finished) for asyncio's task reprs — the line a suspended
// generator is parked at (`coro=<f() running at file:7>`), or the line of its `def` once it
// has finished (`done, defined at file:3`).
native!(GEN_LOCATION, "_gilsim.gen_location", |vm, th, args| {
    arity(vm, "gen_location", args, 1, 1)?;
    let state = state_of(vm, &args.pos[0])?;
    let (line, finished) = location(vm, th, &state);
    let filename = &vm.program.module_of(state.code).filename;
    Ok(Value::tuple(vec![Value::str(filename), Value::Int(i64::from(line)), Value::bool(finished)]))
});

/// The line a generator is at — where it is parked or runs, its `def` line before it starts
/// and once it has finished — and whether it has finished.
fn location(vm: &Vm, th: &Thread, state: &Rc<Generator>) -> (u32, bool) {
    let code = &vm.program.codes[state.code as usize];
    let line_at = |frame: &Frame| code.lines.get(frame.ip.saturating_sub(1)).copied().unwrap_or(code.first_line);
    // Running: its frame is on this thread's stack.
    let running = th.frames.iter().rev().find(|f| f.generator.as_ref().is_some_and(|g| Rc::ptr_eq(g, state)));
    match (&*state.frame.borrow(), running) {
        (_, Some(frame)) => (line_at(frame), false),
        (Some(frame), None) if state.started.get() => (line_at(frame), false),
        (Some(_), None) => (code.first_line, false),
        (None, None) => (code.first_line, !state.running.get()),
    }
}

// `gen_state(gen)`: what `inspect.getgeneratorstate` says of it — "GEN_RUNNING",
// "GEN_CREATED", "GEN_SUSPENDED" or "GEN_CLOSED" (CPython's `gi_running`, `gi_suspended`,
// `gi_frame`).
native!(GEN_STATE, "_gilsim.gen_state", |vm, _th, args| {
    arity(vm, "gen_state", args, 1, 1)?;
    let state = state_of(vm, &args.pos[0])?;
    let name = if state.running.get() {
        "GEN_RUNNING"
    } else if state.frame.borrow().is_none() {
        "GEN_CLOSED"
    } else if state.started.get() {
        "GEN_SUSPENDED"
    } else {
        "GEN_CREATED"
    };
    Ok(Value::str(name))
});

// `gen_frame(gen, always=False)`: its `gi_frame` — a frame object at the line it is at
// (`f_lineno`, `f_code`), or None once it has finished (unless `always`: `gi_code`).
native!(GEN_FRAME, "_gilsim.gen_frame", |vm, th, args| {
    arity(vm, "gen_frame", args, 1, 2)?;
    let state = state_of(vm, &args.pos[0])?;
    let always = args.pos.get(1).is_some_and(|v| matches!(v, Value::Bool(Truth::True)));
    let (line, finished) = location(vm, th, &state);
    if !always && (finished || (state.frame.borrow().is_none() && !state.running.get())) {
        return Ok(Value::None);
    }
    let code = &vm.program.codes[state.code as usize];
    let (file, first_line) = (vm.program.module_of(state.code).filename.clone(), code.first_line);
    let frame = vm.frame_instance(&file, &code.name, line, Some(first_line));
    Ok(Value::Instance(Rc::new(frame)))
});
