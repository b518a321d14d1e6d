//! Generators (PEP 255, PEP 342): calling a function whose body yields makes a generator
//! object — an instance of `_gilsim_iter.generator` — holding the function's frame,
//! suspended before its first instruction. Resuming it (`__next__`, `send`, `throw`, all
//! through the native `_gilsim.gen_resume`) pushes that frame onto the resuming thread's
//! stack, so a generator body runs in the thread that asks for the next item, with switch
//! points and blocking calls as any other frame. `yield` parks the frame back in the object
//! and hands the value to the resumer; returning ends the generator with `StopIteration`.
//!
//! Invariant: a generator's frame is either parked in its object (not running) or on exactly
//! one thread's stack (running), where it points back to its state; a frame parked in the
//! object does not, so a parked generator holds no cycle through itself.

use crate::builtins::arity;
use crate::frame::{Frame, ReturnMode};
use crate::native::{native, Control, NativeFn};
use crate::types::Exc;
use crate::value::{Instance, Slot, Value};
use crate::{SliceEnd, Thread, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A generator's state (the `Slot` of its object).
pub struct Generator {
    /// The suspended frame; None while it runs and once it has finished.
    pub(crate) frame: RefCell<Option<Frame>>,
    started: Cell<bool>,
    running: Cell<bool>,
    /// The generator function's name, for the repr.
    pub(crate) name: String,
}

/// The natives `_gilsim_iter.generator` is made of.
pub(crate) const NATIVES: [&NativeFn; 3] = [&GEN_RESUME, &GEN_CLOSE, &GEN_NAME];

impl Vm {
    /// A generator object around `frame` (a call of a generator function, arguments bound).
    pub(crate) fn make_generator(&mut self, th: &mut Thread, frame: Frame) -> Result<Value, Control> {
        let module = self.import_module(th, "_gilsim_iter")?;
        let Value::Class(class) = self.get_attr(th, &module, "generator")? else {
            return Err(self.raise_msg(Exc::RuntimeError, "gilsim: the generator type is missing"));
        };
        let name = self.program.codes[frame.code as usize].name.clone();
        let state =
            Generator { frame: RefCell::new(Some(frame)), started: Cell::new(false), running: Cell::new(false), name };
        Ok(Value::Instance(Rc::new(Instance::new(class, Slot::Generator(Rc::new(state))))))
    }

    /// `yield`: park the running generator frame (on top of `th`) and hand `value` to
    /// whoever resumed it. Some(end) when that was a native waiting in a nested loop.
    pub(crate) fn yield_value(&mut self, th: &mut Thread, value: Value) -> Option<SliceEnd> {
        let mut frame = th.frames.pop().expect("a yielding frame");
        let state = frame.generator.take().expect("yield runs in a generator frame (compiler invariant)");
        state.running.set(false);
        let mode = std::mem::replace(&mut frame.return_mode, ReturnMode::Push);
        *state.frame.borrow_mut() = Some(frame);
        if matches!(mode, ReturnMode::Nested) {
            return Some(SliceEnd::Finished(Ok(value)));
        }
        Vm::hand_to_caller(th, value)
    }

    /// The generator frame `frame` (popped off the stack, or never pushed) returned or
    /// raised: it is over.
    pub(crate) fn generator_ended(frame: &Frame) {
        if let Some(state) = &frame.generator {
            state.running.set(false);
        }
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
    arity(vm, "gen_resume", &args, 3, 3)?;
    let state = state_of(vm, &args.pos[0])?;
    let mut args = args.pos.into_iter().skip(1);
    let (value, throw) = (args.next().unwrap_or(Value::None), args.next().unwrap_or(Value::None));
    let throw = (!throw.is_none()).then_some(throw);
    if state.running.get() {
        return Err(vm.raise_msg(Exc::ValueError, "generator already executing"));
    }
    let Some(mut frame) = state.frame.borrow_mut().take() else {
        return Err(match throw {
            Some(exc) => resume_error(vm, exc),
            None => Control::Raise(vm.new_exception_args(Exc::StopIteration, Vec::new())),
        });
    };
    if !state.started.get() {
        if throw.is_none() && !value.is_none() {
            *state.frame.borrow_mut() = Some(frame);
            return Err(vm.raise_msg(Exc::TypeError, "can't send non-None value to a just-started generator"));
        }
        state.started.set(true);
    } else if throw.is_none() {
        frame.stack.push(value);
    }
    state.running.set(true);
    frame.generator = Some(state);
    Err(Control::Resume { frame: Box::new(frame), throw: throw.map(|exc| Box::new(resume_error(vm, exc))) })
});

/// The exception `throw(exc)` raises: an exception instance, or a class to instantiate.
fn resume_error(vm: &mut Vm, exc: Value) -> Control {
    match vm.make_exception(exc) {
        Ok(exc) => Control::Raise(exc),
        Err(e) => e,
    }
}

// `gen_close(gen)`: the generator is over (its `finally` blocks do not run: docs/language.md).
native!(GEN_CLOSE, "_gilsim.gen_close", |vm, _th, args| {
    arity(vm, "gen_close", &args, 1, 1)?;
    let state = state_of(vm, &args.pos[0])?;
    if state.running.get() {
        return Err(vm.raise_msg(Exc::ValueError, "generator already executing"));
    }
    state.frame.borrow_mut().take();
    Ok(Value::None)
});

native!(GEN_NAME, "_gilsim.gen_name", |vm, _th, args| {
    arity(vm, "gen_name", &args, 1, 1)?;
    let state = state_of(vm, &args.pos[0])?;
    Ok(Value::str(&state.name))
});
