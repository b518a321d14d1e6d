//! A slice's start and its requests. Before the instruction loop, [`Vm::run`] finishes what
//! the thread left pending when it last gave up the GIL — the next write of an unbuffered
//! print, a `MemoryError` the heap measurement decided, the value or exception the runtime
//! resumes it with, an exception another thread asked it to raise, a call the runtime queued
//! (a thread's `run`) — so that the loop only ever
//! starts at an instruction. A failed step becomes the slice's end here
//! ([`Vm::handle_control`]): a raise unwinds to a handler, a block goes to the runtime. The
//! shared-operation [`Gate`] lets one operation of shared memory through at a time.

use crate::footprint::{self, Resource};
use crate::frame::PendingCall;
use crate::interp::push_result;
use crate::native::{Args, Control};
use crate::value::Value;
use crate::{Gate, Slice, SliceEnd, Thread, Vm};
use gilsim_bytecode::Instr;

impl Vm {
    /// Raise `exc` in `th` where it stopped (a `MemoryError` the heap measurement decided, an
    /// exception another thread asked for). The traceback names the instruction it ran last:
    /// the one before where it resumes, or with `after_jump` the loop's back edge that jumped
    /// there (the last one in the code, as a `continue` jumps there too).
    pub(crate) fn raise_at_resume(&mut self, th: &mut Thread, exc: Value, after_jump: bool) -> Option<SliceEnd> {
        if let Some(frame) = th.frames.last() {
            let resumes_at = frame.ip;
            let back_edge = after_jump
                .then(|| {
                    let instrs = &self.program.codes[frame.code as usize].instrs;
                    instrs.iter().rposition(|i| matches!(i, Instr::JumpBackward(t) if *t as usize == resumes_at))
                })
                .flatten();
            let ran_last = back_edge.unwrap_or(resumes_at.saturating_sub(1));
            crate::exceptions::add_traceback(&exc, frame.code, ran_last as u32);
        }
        self.unwind(th, exc, false)
    }

    /// Run `th` for `slice`: until the instruction counter reaches its `stop_at`, a switch
    /// point is reached with its breaker set, a shared operation with its gate closed, the
    /// thread leaves with a request, or it finishes.
    pub fn run(&mut self, th: &mut Thread, slice: Slice) -> SliceEnd {
        self.breaker = slice.breaker;
        self.stop_at = slice.stop_at;
        self.set_attention();
        self.gate = slice.gate;
        self.passed_at = None;
        let after_jump = std::mem::take(&mut th.resumes_after_jump);
        if !th.pending_output.is_empty() && self.gated() {
            return SliceEnd::Shared;
        }
        if let Some(piece) = th.pending_output.pop_front() {
            // The next write of an unbuffered print, then release the GIL again.
            footprint::note(Resource::Output, true);
            self.emit(false, &piece);
            let result = match th.resume.take() {
                Some(Ok(value)) => value,
                _ => Value::None,
            };
            return SliceEnd::Request(crate::Request::Yield { result });
        }
        if let Some(exc) = self.pending_memory_error(th) {
            if let Some(end) = self.raise_at_resume(th, exc, after_jump) {
                return end;
            }
        }
        if let Some(result) = th.resume.take() {
            match result {
                Ok(value) if th.frames.is_empty() => return SliceEnd::Finished(Ok(value)),
                Ok(value) => th.stack.push(value),
                Err(exc) => {
                    if let Some(end) = self.unwind(th, exc, false) {
                        return end;
                    }
                }
            }
        }
        if th.pending_call.is_none() {
            if let Some(exc) = self.pending_async_exc(th) {
                let end = match self.make_exception(exc) {
                    Ok(exc) => self.raise_at_resume(th, exc, after_jump),
                    Err(control) => self.handle_control(th, control),
                };
                if let Some(end) = end {
                    return end;
                }
            }
            if let Some(end) = self.handle_pending_signal(th, after_jump) {
                return end;
            }
        }
        if let Some(call) = th.pending_call.take() {
            let step = match call {
                PendingCall::Run(object) => {
                    // CPython's `_bootstrap_inner` sets `threading.settrace`'s function first.
                    if let Some(hook) = self.interp.thread_trace_hook.clone() {
                        self.set_trace(th, hook);
                    }
                    self.get_attr(th, &object, "run").and_then(|run| self.call_and_push(th, run, Args::default()))
                }
                PendingCall::Call(func, args) => self.call_and_push(th, func, args),
            };
            match step {
                Ok(()) => {}
                Err(control) => {
                    if let Some(end) = self.handle_control(th, control) {
                        return end;
                    }
                }
            }
            if th.frames.is_empty() {
                return SliceEnd::Finished(Ok(Value::None));
            }
        }
        self.execute(th)
    }

    /// Turn a failed step into the slice's end (or continue after unwinding to a handler).
    pub(crate) fn handle_control(&mut self, th: &mut Thread, control: Control) -> Option<SliceEnd> {
        match control {
            Control::Raise(exc) => {
                if crate::finalizers::any_pending() {
                    // What the failed instruction dropped (a failed call's arguments) is
                    // finalized in its frame, before the exception leaves it, as in CPython.
                    self.run_finalizers(th);
                }
                self.chain_context(th, &exc, false);
                self.unwind(th, exc, true)
            }
            Control::Block(request) => {
                if self.nested > 0 {
                    let exc = self.blocked_in_callback();
                    return self.unwind(th, exc, true);
                }
                Some(SliceEnd::Request(*request))
            }
            Control::Hook(hook) => match self.start_hook(th, *hook, Some(crate::hooks::Delivery::Push)) {
                Ok(crate::hooks::Started::Frame) => None,
                Ok(crate::hooks::Started::Done(value)) => {
                    if let Some(value) = value {
                        push_result(th, value);
                    }
                    None
                }
                Err(control) => self.handle_control(th, control),
            },
            Control::Call(_) | Control::Instantiate(_) => unreachable!("tail calls are resolved by invoke"),
            Control::Shared => Some(SliceEnd::Shared),
            Control::Resume { .. } => unreachable!("generator resumes are resolved by invoke"),
        }
    }

    /// Whether a shared operation about to run must wait for its turn (see [`Gate`]); a pass
    /// is used up by the operation it lets through.
    pub(crate) fn gated(&mut self) -> bool {
        match self.gate {
            Gate::Open => false,
            _ if self.nested > 0 => false,
            Gate::Pass => {
                self.gate = Gate::Closed;
                self.passed_at = Some(self.icount);
                false
            }
            Gate::Closed => true,
        }
    }

    /// Whether the slice ended in the shared operation its pass let through (a request it
    /// made), rather than later.
    pub fn ended_in_passed_operation(&self) -> bool {
        self.passed_at == Some(self.icount)
    }
}
