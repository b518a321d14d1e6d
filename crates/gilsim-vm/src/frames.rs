//! Leaving and entering frames: returns by return mode, exception unwinding through block
//! stacks (CPython's exception table, in block form), `raise`, and pushing a function frame.
//! Invariant: a frame returning to a nested loop (`Nested`, or a hook's `Then` delivering
//! there) is never unwound past — the native that called into Python gets the result or the
//! exception.

use crate::bind::{complete_locals, fills_positional_prefix};
use crate::frame::{BlockKind, Frame, ReturnMode};
use crate::generator::GenKind;
use crate::interp::Invoked;
use crate::native::{Args, Control};
use crate::value::{Function, Str, Value};
use crate::Exc;
use crate::{SliceEnd, Thread, Vm};
use gilsim_bytecode::CodeId;
use std::rc::Rc;

impl Vm {
    /// Pop the returning frame and deliver `value` according to its return mode. Returns
    /// Some(end) when the thread (or a nested call) is done.
    pub(crate) fn return_from_frame(&mut self, th: &mut Thread, value: Value) -> Result<Option<SliceEnd>, Control> {
        let frame = th.frames.last_mut().expect("returning frame");
        if frame.generator.is_none() && matches!(frame.return_mode, ReturnMode::Push) {
            // The common return, without moving the frame out of the thread's frames (it is
            // large): its values are dropped off the stack (locals first), its block stack
            // goes to the spare pool, the rest is dropped in place.
            th.stack.truncate(frame.base);
            self.spare.give_blocks(std::mem::take(&mut frame.blocks));
            th.frames.truncate(th.frames.len() - 1);
            return Ok(Vm::hand_to_caller(th, value));
        }
        let mut frame = th.pop_frame();
        if frame.generator.is_some() {
            // The generator is over: its value travels in StopIteration, or straight to the
            // `yield from`/`await` that resumed it (CPython's SEND takes the return value).
            Vm::generator_ended(&frame);
            if let ReturnMode::YieldFrom { exit } = frame.return_mode {
                Vm::finish_yield_from_with(th, value, exit);
                return Ok(None);
            }
            let args = if value.is_none() { Vec::new() } else { vec![value] };
            let exc = self.new_exception_args(Exc::StopIteration, args);
            if frame.return_mode.is_nested() {
                return Ok(Some(SliceEnd::Finished(Err(exc))));
            }
            return Err(Control::Raise(exc));
        }
        self.spare.give_blocks(std::mem::take(&mut frame.blocks));
        let value = match frame.return_mode {
            ReturnMode::Push | ReturnMode::ForIter { .. } | ReturnMode::YieldFrom { .. } => value,
            ReturnMode::Nested => return Ok(Some(SliceEnd::Finished(Ok(value)))),
            ReturnMode::Instance(instance) => {
                self.check_init_result(&value)?;
                instance
            }
            ReturnMode::New(call) => {
                let (class, args) = *call;
                match self.init_after_new(th, &class, &value, args, ReturnMode::Push)? {
                    Some(Invoked::Pushed) => return Ok(None),
                    _ => value,
                }
            }
            ReturnMode::ClassBody(header) => {
                let namespace = frame.namespace.expect("class body namespace");
                let module = Str::from(self.program.module_of(frame.code).name.as_str());
                self.finish_class(th, *header, &namespace, module)?
            }
            ReturnMode::Then(then, delivery) => return self.finish_hook_frame(th, *then, delivery, value),
        };
        Ok(Vm::hand_to_caller(th, value))
    }

    /// Push `value` on the frame that is now on top (the caller of the frame that returned
    /// or yielded it); with no frame left, the thread is done with it.
    pub(crate) fn hand_to_caller(th: &mut Thread, value: Value) -> Option<SliceEnd> {
        if th.frames.is_empty() {
            return Some(SliceEnd::Finished(Ok(value)));
        }
        th.stack.push(value);
        None
    }

    /// Unwind to the nearest handler. `record_here`: add the current frame to the traceback
    /// (false for re-raises, which CPython does not record twice).
    pub(crate) fn unwind(&mut self, th: &mut Thread, mut exc: Value, record_here: bool) -> Option<SliceEnd> {
        crate::exceptions::mark_raised(&exc);
        let mut record = record_here;
        loop {
            let Some(frame) = th.frames.last_mut() else {
                return Some(SliceEnd::Finished(Err(exc)));
            };
            if record {
                crate::exceptions::add_traceback(&exc, frame.code, frame.ip.saturating_sub(1) as u32);
                self.note_raising_frame(&exc, frame, &th.stack[frame.base..]);
            }
            record = true;
            while let Some(block) = frame.blocks.pop() {
                match block.kind {
                    BlockKind::ExceptBody => {
                        th.handled.pop();
                    }
                    BlockKind::Handler => {
                        th.stack.truncate(frame.base + block.depth);
                        th.stack.push(exc);
                        frame.ip = block.handler as usize;
                        return None;
                    }
                }
            }
            let frame = th.frames.pop().expect("frame");
            Vm::generator_ended(&frame);
            keep_locals(&exc, &frame, &mut th.stack);
            if let Some(state) = &frame.generator {
                exc = self.stop_iteration_leaving_generator(exc, state.kind);
            }
            match frame.return_mode {
                _ if frame.return_mode.is_nested() => return Some(SliceEnd::Finished(Err(exc))),
                ReturnMode::ForIter { exit } if self.is_instance_of(&exc, Exc::StopIteration) => {
                    // The iterator is exhausted: the loop ends.
                    th.stack.pop();
                    th.frames.last_mut().expect("a for loop's frame").ip = exit as usize;
                    return None;
                }
                ReturnMode::YieldFrom { exit } if self.is_instance_of(&exc, Exc::StopIteration) => {
                    Vm::finish_yield_from(th, &exc, exit);
                    return None;
                }
                _ => {}
            }
        }
    }

    /// PEP 479 (3.7+; always for coroutines): a StopIteration leaving a generator's body
    /// becomes RuntimeError, caused by it, so that it cannot end the loop consuming the
    /// generator silently; so does a StopAsyncIteration leaving an async generator (PEP 525).
    fn stop_iteration_leaving_generator(&mut self, exc: Value, kind: GenKind) -> Value {
        let stop = if self.is_instance_of(&exc, Exc::StopIteration) {
            "StopIteration"
        } else if kind == GenKind::AsyncGenerator && self.is_instance_of(&exc, Exc::StopAsyncIteration) {
            "StopAsyncIteration"
        } else {
            return exc;
        };
        if kind == GenKind::Generator && self.options.python < gilsim_core::PythonVersion::new(3, 7) {
            return exc;
        }
        let kind = if kind == GenKind::AsyncGenerator { "async generator" } else { kind.type_name() };
        let error = self.new_exception(Exc::RuntimeError, &format!("{kind} raised {stop}"));
        if let Some(data) = crate::exceptions::exception_data(&error) {
            let mut data = data.borrow_mut();
            data.cause = Some(exc.clone());
            data.context = Some(exc);
            data.suppress_context = true;
        }
        crate::exceptions::mark_raised(&error);
        error
    }

    /// `raise exc` (`with_cause`: `raise exc from cause`).
    pub(crate) fn do_raise(&mut self, th: &mut Thread, with_cause: bool) -> Control {
        let cause = if with_cause { th.stack.pop() } else { None };
        let value = th.stack.pop().expect("exception");
        let exc = match self.make_exception(value) {
            Ok(exc) => exc,
            Err(e) => return e,
        };
        if let Some(cause) = cause {
            if let Err(e) = self.set_cause(&exc, cause) {
                return e;
            }
        }
        self.chain_context(th, &exc, true);
        Control::Raise(exc)
    }

    /// A bare `raise`: the handled exception goes on, with no traceback entry for this frame
    /// (CPython's RAISE_VARARGS 0 goes to `exception_unwind`, not `error`: the exception
    /// already passed through the frame, or, raised from a function the handler called, never
    /// passes through that function's).
    pub(crate) fn reraise_handled(&mut self, th: &mut Thread) -> Result<Option<SliceEnd>, Control> {
        match th.handled.last() {
            Some(exc) => {
                let exc = exc.clone();
                Ok(self.unwind(th, exc, false))
            }
            None => Err(self.raise_msg(Exc::RuntimeError, "No active exception to reraise")),
        }
    }

    /// CPython's check of what `__init__` returned.
    pub(crate) fn check_init_result(&mut self, value: &Value) -> Result<(), Control> {
        if value.is_none() {
            return Ok(());
        }
        let message = format!("__init__() should return None, not '{}'", crate::builtins::type_name_of(value));
        Err(self.raise_msg(Exc::TypeError, message))
    }

    /// Push a frame for a Python function call (binding arguments): a positional call's
    /// arguments go onto the stack to be bound in place, any other call is bound by the
    /// general binder into the frame, whose values then move onto the stack. Not for a
    /// generator function, whose call makes a generator instead (`invoke`).
    pub(crate) fn push_function_frame(
        &mut self,
        th: &mut Thread,
        function: Rc<Function>,
        args: Args,
        mode: ReturnMode,
    ) -> Result<(), Control> {
        let code = &self.program.codes[function.code as usize];
        if args.kw.is_empty() && fills_positional_prefix(&function, code, args.pos.len()) {
            let base = th.stack.len();
            let mut arguments = args.into_positional();
            th.stack.append(&mut arguments);
            self.spare.give(arguments);
            return self.enter_in_place(th, function, base, mode);
        }
        if th.frames.len() >= self.interp.recursion_limit {
            return Err(self.raise_msg(Exc::RecursionError, "maximum recursion depth exceeded"));
        }
        let caller = th.frames.last().map(|frame| frame.code);
        // Pushed blank and filled in place: a frame built on the machine stack was copied into
        // the vector by a memcpy whose wide loads stalled on the narrow stores that built it.
        th.frames.resize_with(th.frames.len() + 1, Frame::blank);
        let frame = th.frames.last_mut().expect("the frame just pushed");
        if let Err(control) = self.bind_other(&function, args, frame) {
            th.frames.pop();
            return Err(control);
        }
        let frame = th.unpark_top();
        self.spare.give(std::mem::take(&mut frame.parked));
        self.enter_top(th, function, mode, caller);
        Ok(())
    }

    /// Push a frame for a call of `function` whose positional arguments lie on the stack from
    /// `base` on and fill a prefix of its parameters ([`fills_positional_prefix`]): they
    /// become its first locals where they lie, as a CPython 3.11 frame takes its arguments.
    pub(crate) fn enter_in_place(
        &mut self,
        th: &mut Thread,
        function: Rc<Function>,
        base: usize,
        mode: ReturnMode,
    ) -> Result<(), Control> {
        if th.frames.len() >= self.interp.recursion_limit {
            th.stack.truncate(base);
            return Err(self.raise_msg(Exc::RecursionError, "maximum recursion depth exceeded"));
        }
        let caller = th.frames.last().map(|frame| frame.code);
        let code = &self.program.codes[function.code as usize];
        let nlocals = complete_locals(&mut th.stack, base, &function, code);
        th.frames.push(Frame::blank());
        let frame = th.frames.last_mut().expect("the frame just pushed");
        Self::give_cells(code, &function, &th.stack[base..], frame);
        frame.base = base;
        frame.set_nlocals(nlocals);
        self.enter_top(th, function, mode, caller);
        Ok(())
    }

    /// Make the frame just pushed (bound, otherwise blank) `function`'s, returning per `mode`,
    /// and note a call from `caller`'s code for the timeline.
    #[inline(always)]
    fn enter_top(&mut self, th: &mut Thread, function: Rc<Function>, mode: ReturnMode, caller: Option<CodeId>) {
        let code = function.code;
        th.frames.last_mut().expect("the frame just pushed").enter(function, mode);
        if let Some(caller) = caller {
            self.record_call(th, caller, code);
        }
    }
}

/// Give the locals of `frame` (popped off `stack`'s thread), which `exc` is leaving, to the
/// exception, as CPython's traceback keeps the frame; its value stack dies now, as CPython's
/// unwinding pops it. The frame's values leave `stack` either way.
fn keep_locals(exc: &Value, frame: &Frame, stack: &mut Vec<Value>) {
    stack.truncate(frame.stack_base());
    let Some(data) = crate::exceptions::exception_data(exc) else {
        stack.truncate(frame.base);
        return;
    };
    if stack[frame.base..].iter().any(|v| !matches!(v, Value::Undefined)) {
        data.borrow_mut().kept_locals.push(stack.split_off(frame.base));
    } else {
        stack.truncate(frame.base);
    }
}
