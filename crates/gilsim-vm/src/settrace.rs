//! `sys.settrace` and `threading.settrace`: CPython's per-thread trace functions
//! (Python/sysmodule.c `sys_settrace`, ceval's `call_trace`). A thread's global trace function
//! is called as `trace(frame, "call", None)` for each frame the thread enters after it was
//! set; what it returns becomes that frame's local trace function, called with `"line"` before
//! each new line (a different line, or a jump back to a loop's start), `"exception"` where an
//! exception is raised or passes, and `"return"` (the value returned or yielded; None when an
//! exception leaves the frame) as the frame ends. A trace function's result, unless None,
//! replaces the frame's (CPython's `trace_trampoline`). One that raises stops the thread's
//! tracing (as `settrace(None)`), and its exception is raised where the traced code is.
//!
//! gilsim traces the script's frames: the library's Python (queue.py, logging) is gilsim's
//! own and runs untraced, as its natives do. Once a trace function is set, the interpreter
//! attends to every instruction of the run ([`crate::slice_end`]); a run that never traces
//! pays nothing. Trace functions run to their end without a thread switch (a nested call,
//! as `__del__` does) and are not traced themselves.
//!
//! Invariant: a traced thread's `frames` mirror its frame stack bottom first, as of the last
//! instruction it ran; frames pushed since get `"call"`, frames gone get `"return"`.

use crate::builtins::arity;
use crate::native::{native, Args, Control, NativeFn};
use crate::value::{Instance, Value};
use crate::{Frame, Thread, Vm};
use gilsim_bytecode::Instr;
use gilsim_core::PythonVersion;
use std::rc::Rc;

/// A thread's tracing state.
pub(crate) struct Tracing {
    /// The thread's trace function (`sys.settrace`), called for each frame it enters.
    global: Value,
    /// One per frame of the thread, bottom first.
    frames: Vec<TracedFrame>,
    /// A trace function is running: its own code is not traced.
    busy: bool,
    /// An exception being raised: its `(type, value, traceback)` and the frame it was raised
    /// in, which had its `"exception"` event before unwinding began.
    unwinding: Option<(Value, usize)>,
}

impl Tracing {
    /// The trace functions it holds (for teardown).
    pub(crate) fn into_values(self) -> impl Iterator<Item = Value> {
        std::iter::once(self.global).chain(self.frames.into_iter().filter_map(|f| f.local))
    }
}

struct TracedFrame {
    code: u32,
    /// A comprehension that 3.12+ runs inline (PEP 709): no frame of its own to Python, its
    /// lines are its function's.
    inlined: bool,
    /// Its local trace function (CPython's `f_trace`).
    local: Option<Value>,
    /// The line of its last `"line"` event.
    line: Option<u32>,
    /// The instruction it was about to run when last looked at: the one that ran since.
    next_ip: Option<usize>,
}

impl TracedFrame {
    fn untraced(frame: &Frame) -> TracedFrame {
        TracedFrame { code: frame.code, inlined: false, local: None, line: None, next_ip: None }
    }
}

/// The natives library/sys.py is given (`threading`'s are in its native module: a
/// library function would be copied with every explored run).
pub(crate) const NATIVES: [&NativeFn; 2] = [&SETTRACE, &GETTRACE];

// `_gilsim.settrace(func)`: the calling thread's trace function (None: no tracing). The frames
// running now are not traced; those the thread enters next are.
native!(SETTRACE, "_gilsim.settrace", |vm, th, args| {
    arity(vm, "settrace", args, 1, 1)?;
    let func = args.pos[0].clone();
    vm.set_trace(th, func);
    Ok(Value::None)
});

// `_gilsim.gettrace()`: the calling thread's trace function, or None.
native!(GETTRACE, "_gilsim.gettrace", |vm, th, args| {
    arity(vm, "gettrace", args, 0, 0)?;
    Ok(th.tracing.as_ref().map_or(Value::None, |t| t.global.clone()))
});

// `threading.settrace(func)`: the trace function each thread started from now on begins with
// (CPython's `threading._trace_hook`).
native!(SET_THREAD_TRACE, "threading.settrace", |vm, _th, args| {
    arity(vm, "settrace", args, 1, 1)?;
    let func = args.pos[0].clone();
    if !func.is_none() {
        vm.tracing = true;
        crate::slice_end::attend_now();
    }
    vm.interp.thread_trace_hook = Some(func).filter(|f| !f.is_none());
    Ok(Value::None)
});

// `threading.gettrace()` (3.10+): what `threading.settrace` set, or None.
native!(GET_THREAD_TRACE, "threading.gettrace", |vm, _th, args| {
    arity(vm, "gettrace", args, 0, 0)?;
    Ok(vm.interp.thread_trace_hook.clone().unwrap_or(Value::None))
});

impl Vm {
    /// Make `func` the trace function of `th` (None: stop tracing it).
    pub(crate) fn set_trace(&mut self, th: &mut Thread, func: Value) {
        if func.is_none() {
            th.tracing = None;
            return;
        }
        self.tracing = true;
        crate::slice_end::attend_now();
        let frames = th.frames.iter().map(TracedFrame::untraced).collect();
        th.tracing = Some(Box::new(Tracing { global: func, frames, busy: false, unwinding: None }));
    }

    /// [`Vm::trace_events`] in the interpreter loop: a trace function's error unwinds there.
    /// (Out of line, as the loop's other traced paths: they must not cost untraced runs.)
    #[inline(never)]
    pub(crate) fn traced(&mut self, th: &mut Thread, instr: Option<Instr>) -> Option<crate::SliceEnd> {
        match self.trace_events(th, instr, None).and_then(|()| self.trace_line(th, instr)) {
            Ok(()) => None,
            Err(control) => self.handle_control(th, control),
        }
    }

    /// A step of `instr` failed with `control` in a traced thread: the `"exception"` event,
    /// the unwinding, and the events of the frames it left and of the one that caught it.
    #[cold]
    #[inline(never)]
    pub(crate) fn traced_failure(
        &mut self,
        th: &mut Thread,
        control: Control,
        instr: Instr,
    ) -> Option<crate::SliceEnd> {
        let control = match control {
            Control::Raise(exc) => match self.trace_raise(th, &exc, instr) {
                Ok(()) => Control::Raise(exc),
                Err(error) => error,
            },
            control => control,
        };
        let end = self.handle_control(th, control);
        self.after_traced_unwind(th, end)
    }

    /// A re-raise in a traced thread: of `exc`, or (None) of the exception being handled —
    /// a bare `raise`, whose lack of one is the step's RuntimeError.
    #[cold]
    #[inline(never)]
    pub(crate) fn traced_reraise(&mut self, th: &mut Thread, exc: Option<Value>) -> Option<crate::SliceEnd> {
        self.trace_reraise(th, exc.as_ref());
        let end = match exc {
            Some(exc) => self.unwind(th, exc, false),
            None => match self.reraise_handled(th) {
                Ok(end) => end,
                Err(control) => return self.traced_failure(th, control, Instr::Raise(0)),
            },
        };
        self.after_traced_unwind(th, end)
    }

    /// After an exception unwound (to a handler, or out of the loop with `end`): the events of
    /// the frames it left and of the one that caught it.
    fn after_traced_unwind(&mut self, th: &mut Thread, end: Option<crate::SliceEnd>) -> Option<crate::SliceEnd> {
        match end {
            Some(end) => Some(self.trace_ended(th, end)),
            None => self.traced(th, None),
        }
    }

    /// A re-raise (a bare `raise`, the end of a `finally` or an `except` that did not match)
    /// of `exc` (None: the exception being handled): no event in its own frame, as CPython's
    /// RERAISE, but in each it passes through.
    fn trace_reraise(&mut self, th: &mut Thread, exc: Option<&Value>) {
        let exc = match exc {
            Some(exc) => exc.clone(),
            None => match th.handled.last() {
                Some(exc) => exc.clone(),
                None => return,
            },
        };
        let Some(index) = th.frames.len().checked_sub(1) else { return };
        if th.tracing.as_ref().is_none_or(|t| t.busy) {
            return;
        }
        let info = self.exception_info(&exc);
        if let Some(tracing) = th.tracing.as_mut() {
            tracing.unwinding = Some((info, index));
        }
    }

    /// An `"exception"` event's argument: `(type, value, traceback)`.
    fn exception_info(&mut self, exc: &Value) -> Value {
        let traceback = self.traceback_object(exc);
        Value::tuple(vec![Value::Class(self.class_of(exc)), exc.clone(), traceback])
    }

    /// The loop ends with `end` because its bottom frame returned or raised: that frame's
    /// `"return"` (a trace function's error becomes the result). The frame below, if any, is
    /// in the middle of the call that ran the loop: no line starts there now.
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_ended(&mut self, th: &mut Thread, end: crate::SliceEnd) -> crate::SliceEnd {
        let (instr, returned) = match &end {
            crate::SliceEnd::Finished(Ok(value)) => (Some(Instr::Return), Some(value.clone())),
            crate::SliceEnd::Finished(Err(_)) => (None, None),
            _ => return end,
        };
        match self.trace_events(th, instr, returned) {
            Ok(()) => end,
            Err(Control::Raise(exc)) => crate::SliceEnd::Finished(Err(exc)),
            Err(control) => self.handle_control(th, control).unwrap_or(end),
        }
    }

    /// `exc` is being raised by the top frame of `th` (by `instr`): its `"exception"` event,
    /// before the exception unwinds (a trace function's own error replaces it).
    fn trace_raise(&mut self, th: &mut Thread, exc: &Value, instr: Instr) -> Result<(), Control> {
        if th.tracing.as_ref().is_none_or(|t| t.busy) {
            return Ok(());
        }
        let Some(index) = th.frames.len().checked_sub(1) else { return Ok(()) };
        let info = self.exception_info(exc);
        if instr == Instr::Return {
            // A generator's return, as StopIteration in the frame that resumed it (through the
            // library's `generator.__next__`; its own frame is gone): that frame's event comes
            // after the generator's `"return"` — but not for a `for` loop's from 3.10, whose
            // FOR_ITER takes it silently.
            let consumer = th.frames.iter().rev().find(|f| !self.program.is_library(f.code));
            let for_loop = consumer.is_some_and(|f| {
                matches!(self.program.codes[f.code as usize].instrs.get(f.ip.wrapping_sub(1)), Some(Instr::ForIter(_)))
            });
            if let Some(tracing) = th.tracing.as_mut() {
                let silent = for_loop && self.options.python >= PythonVersion::new(3, 10);
                tracing.unwinding = Some((info, index + 1)).filter(|_| !silent);
            }
            return Ok(());
        }
        let Some(tracing) = th.tracing.as_mut() else { return Ok(()) };
        tracing.unwinding = Some((info.clone(), index));
        let Some(local) = tracing.frames.get(index).and_then(|f| f.local.clone()) else { return Ok(()) };
        let line = self.line_before(th.frames[index].code, th.frames[index].ip);
        self.local_event(th, index, &local, line, "exception", info)
    }

    /// After `instr` ran in `th` (None: an exception moved it): the events since — `"return"`
    /// for the frames gone and `"call"` for those entered ([`Vm::trace_line`] then looks at
    /// the top frame's line). The error of a trace function, raised where the code is.
    /// `returned`: the value the loop's bottom frame returned (it is on no stack).
    pub(crate) fn trace_events(
        &mut self,
        th: &mut Thread,
        instr: Option<Instr>,
        returned: Option<Value>,
    ) -> Result<(), Control> {
        if th.tracing.as_ref().is_none_or(|t| t.busy) {
            return Ok(());
        }
        let depth = th.frames.len();
        let unwinding = th.tracing.as_mut().and_then(|t| t.unwinding.take()).filter(|_| instr.is_none());
        while let Some(gone) = th.tracing.as_mut().filter(|t| t.frames.len() > depth).and_then(|t| t.frames.pop()) {
            let (Some(local), Some(line)) = (gone.local, gone.line) else { continue };
            let index = th.tracing.as_ref().map_or(0, |t| t.frames.len());
            let mut local = Some(local);
            // A frame the exception passed through: its own event, then its return.
            if let Some((info, _)) = unwinding.as_ref().filter(|(_, raised_in)| *raised_in != index) {
                let frame = self.gone_frame_object(th, gone.code, line);
                local = self.call_trace(th, &local.unwrap_or(Value::None), frame, "exception", info.clone(), false)?;
            }
            let Some(local) = local else { continue };
            // A return or a yield left its value on the caller's stack; an exception, None.
            let value = match instr {
                _ if returned.is_some() => returned.clone().unwrap_or(Value::None),
                Some(Instr::Return | Instr::YieldValue) => {
                    th.frames.last().and_then(|_| th.stack.last().cloned()).unwrap_or(Value::None)
                }
                _ => Value::None,
            };
            let frame = self.gone_frame_object(th, gone.code, line);
            self.call_trace(th, &local, frame, "return", value, false)?;
        }
        // Caught by a frame below the one that raised it: that frame's event.
        if let Some((info, _)) = unwinding.filter(|(_, raised_in)| depth > 0 && *raised_in >= depth) {
            self.trace_caught(th, depth - 1, info)?;
        }
        while let Some(index) = th.tracing.as_ref().map(|t| t.frames.len()).filter(|&n| n < depth) {
            let mut entered = TracedFrame::untraced(&th.frames[index]);
            let code = entered.code;
            entered.inlined = self.options.python >= PythonVersion::new(3, 12) && self.is_inlined_comprehension(code);
            let inlined = entered.inlined;
            let Some(tracing) = th.tracing.as_mut() else { break };
            tracing.frames.push(entered);
            if inlined || self.program.is_library(code) {
                continue;
            }
            let global = tracing.global.clone();
            // A generator resumed is at the line it yielded on; a new frame at its `def`.
            let (code_id, ip) = (th.frames[index].code, th.frames[index].ip);
            let resumed = ip > 0 && th.frames[index].generator.is_some();
            let line =
                if resumed { self.line_before(code_id, ip) } else { self.program.codes[code_id as usize].first_line };
            let frame = self.frame_object_at(th, index, line);
            let local = self.call_trace(th, &global, frame, "call", Value::None, false)?;
            if let Some(entry) = th.tracing.as_mut().and_then(|t| t.frames.get_mut(index)) {
                entry.local = local;
                entry.line = Some(line).filter(|_| resumed);
            }
        }
        Ok(())
    }

    /// The `"exception"` event of `th.frames[index]`, where an exception raised further up
    /// was caught (at the line of its last event: the call the exception came out of).
    fn trace_caught(&mut self, th: &mut Thread, index: usize, info: Value) -> Result<(), Control> {
        let Some(entry) = th.tracing.as_ref().and_then(|t| t.frames.get(index)) else { return Ok(()) };
        let (Some(local), Some(line)) = (entry.local.clone(), entry.line) else { return Ok(()) };
        self.local_event(th, index, &local, line, "exception", info)
    }

    /// The line of the last instruction before `ip` that has one (a resumed generator's
    /// `yield`), or the code's first line.
    fn line_before(&self, code_id: u32, ip: usize) -> u32 {
        let code = &self.program.codes[code_id as usize];
        (0..ip)
            .rev()
            .find(|&i| code.positions.get(i).is_some_and(|p| p.end != 0))
            .map_or(code.first_line, |i| self.line_at(code_id, i as u32).0)
    }

    /// A `"line"` event if the top frame, traced, starts another line (or jumped back); two
    /// where a 3.10+ `while True:` loop's body begins (its header's line first).
    fn trace_line(&mut self, th: &mut Thread, instr: Option<Instr>) -> Result<(), Control> {
        let Some(frame) = th.frames.last() else { return Ok(()) };
        let Some(tracing) = th.tracing.as_mut().filter(|t| !t.busy) else { return Ok(()) };
        // Where the top frame was: the instruction that ran since, unless an exception moved it.
        let ran = tracing.frames.last_mut().and_then(|top| top.next_ip.replace(frame.ip)).filter(|_| instr.is_some());
        // An inlined comprehension's lines are its function's.
        let Some(index) = tracing.frames.iter().rposition(|f| !f.inlined) else { return Ok(()) };
        let entry = &tracing.frames[index];
        if entry.local.is_none() {
            return Ok(());
        }
        let Some(line) = self.line_starting(frame.code, frame.ip, instr, ran) else { return Ok(()) };
        let code = &self.program.codes[frame.code as usize];
        // A function's first instruction stands on its `def` line: its body's first line is
        // the first event, as CPython's.
        if frame.ip == 0 && line == code.first_line {
            return Ok(());
        }
        // Any jump back (a loop's back edge, a test's jump to the loop's start) is a new visit.
        let jumped_back = ran.is_some_and(|ran| frame.ip <= ran);
        if let Some(header) = self.loop_header(frame.code, frame.ip) {
            self.line_event(th, index, header)?;
        } else if entry.line == Some(line) && !jumped_back {
            return Ok(());
        }
        self.line_event(th, index, line)
    }

    /// Call frame `index`'s local trace function for a `"line"` event at `line`.
    fn line_event(&mut self, th: &mut Thread, index: usize, line: u32) -> Result<(), Control> {
        let Some(entry) = th.tracing.as_mut().and_then(|t| t.frames.get_mut(index)) else { return Ok(()) };
        let Some(local) = entry.local.clone() else { return Ok(()) };
        entry.line = Some(line);
        self.local_event(th, index, &local, line, "line", Value::None)
    }

    /// Call `th.frames[index]`'s local trace function `local` for `event` at `line`; what it
    /// leaves is the frame's local trace function after.
    fn local_event(
        &mut self,
        th: &mut Thread,
        index: usize,
        local: &Value,
        line: u32,
        event: &str,
        arg: Value,
    ) -> Result<(), Control> {
        let frame_value = self.frame_object_at(th, index, line);
        let next = self.call_trace(th, local, frame_value, event, arg, event == "line")?;
        if let Some(entry) = th.tracing.as_mut().and_then(|t| t.frames.get_mut(index)) {
            entry.local = next;
        }
        Ok(())
    }

    /// The line instruction `ip` of `code_id` starts, reached after `instr` (at `ran`; None:
    /// after an exception or a call), if it can start one. An instruction of no expression or statement (a
    /// block's setup) cannot; nor can a value's discarding, which ends the line that made it
    /// (after a `with` block's exit too), nor a jump forward, which ends a block — unless a
    /// test falls through to it (`if x: pass`), nor the implicit `return None` at the end of
    /// a function. Nor can a loop's back edge, unless the body's
    /// last statement falls through to it (`pass` has no code of its own): CPython ends each
    /// path through a body with a jump back on that path's line, and from 3.10 a `while`
    /// loop's with its test repeated.
    fn line_starting(&self, code_id: u32, ip: usize, instr: Option<Instr>, ran: Option<usize>) -> Option<u32> {
        let code = &self.program.codes[code_id as usize];
        let position = code.positions.get(ip).filter(|p| p.end != 0)?;
        let fell_through = ran.is_some_and(|ran| ran + 1 == ip);
        // The implicit `return None` that ends every function's code is no statement's.
        let implicit_return = !code.flags.is_lambda
            && ip + 2 >= code.instrs.len()
            && matches!(code.instrs[code.instrs.len() - 2..], [Instr::LoadConst(_), Instr::Return]);
        if implicit_return {
            return None;
        }
        let after_test = fell_through && matches!(instr, Some(Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_)));
        match code.instrs.get(ip)? {
            Instr::Pop => None,
            Instr::Jump(_) if !after_test => None,
            Instr::JumpBackward(_) if position.at_statement.is_loop_end() || !fell_through => None,
            _ => Some(self.line_at(code_id, ip as u32).0),
        }
    }

    /// From 3.10, the line of the `while` loop whose body begins at `ip` if the loop runs no
    /// test there (`while True:`): CPython runs a `NOP` on the header's line each time.
    fn loop_header(&self, code_id: u32, ip: usize) -> Option<u32> {
        if self.options.python < PythonVersion::new(3, 10) {
            return None;
        }
        let code = &self.program.codes[code_id as usize];
        let back_edge = code.instrs.iter().zip(&code.positions).enumerate().find(|(_, (instr, position))| {
            matches!(instr, Instr::JumpBackward(target) if *target as usize == ip)
                && position.at_statement.is_loop_end()
        })?;
        let header = self.line_at(code_id, back_edge.0 as u32).0;
        Some(header).filter(|&header| header != self.line_at(code_id, ip as u32).0)
    }

    /// Call a trace function; the frame's local trace function after it (CPython's
    /// `trace_trampoline`: what it returned, unless None; then its frame's `f_trace`, which it
    /// may have set — for a `"call"`, None unless it did). If it raises, the thread's tracing
    /// ends and the error is the traced code's — at the line about to run, for a `"line"`
    /// event (`at_line`), as CPython's traceback names it.
    fn call_trace(
        &mut self,
        th: &mut Thread,
        func: &Value,
        frame: Value,
        event: &str,
        arg: Value,
        at_line: bool,
    ) -> Result<Option<Value>, Control> {
        let current = if event == "call" { Value::None } else { func.clone() };
        if let Value::Instance(object) = &frame {
            object.set_attr("f_trace", current.clone());
        }
        if let Some(t) = th.tracing.as_mut() {
            t.busy = true;
        }
        let result = self.call_nested(th, func.clone(), Args::new(vec![frame.clone(), Value::str(event), arg]));
        if let Some(t) = th.tracing.as_mut() {
            t.busy = false;
        }
        match result {
            Ok(v) if v.is_none() => {
                let set = match &frame {
                    Value::Instance(object) => object.attr("f_trace"),
                    _ => None,
                };
                Ok(set.or(Some(current)).filter(|f| !f.is_none()))
            }
            Ok(v) => Ok(Some(v)),
            Err(control) => {
                th.tracing = None;
                if let (true, Some(frame)) = (at_line, th.frames.last_mut()) {
                    frame.ip += 1;
                }
                Err(control)
            }
        }
    }

    /// The frame object of `th.frames[index]` at `line`: `f_lineno`, `f_code`, `f_locals`
    /// and `f_back` (the caller, as `sys._getframe(1)` sees it).
    fn frame_object_at(&mut self, th: &Thread, index: usize, line: u32) -> Value {
        let frame = &th.frames[index];
        let code = &self.program.codes[frame.code as usize];
        let file = self.program.module_of(frame.code).filename.clone();
        let (name, first_line) = (code.name.clone(), code.first_line);
        let locals = crate::scope_dicts::frame_locals(self, frame, th.locals_of(frame));
        let object = self.frame_instance(&file, &name, line, Some(first_line));
        object.set_attr("f_locals", locals);
        let back = if index + 1 == th.frames.len() { self.frame_object(th, 1).ok() } else { None };
        object.set_attr("f_back", back.unwrap_or(Value::None));
        Value::Instance(Rc::new(object))
    }

    /// The frame object of a frame of `code` that has just ended at `line`.
    fn gone_frame_object(&mut self, th: &Thread, code_id: u32, line: u32) -> Value {
        let code = &self.program.codes[code_id as usize];
        let file = self.program.module_of(code_id).filename.clone();
        let (name, first_line) = (code.name.clone(), code.first_line);
        let object: Instance = self.frame_instance(&file, &name, line, Some(first_line));
        object.set_attr("f_back", self.frame_object(th, 0).unwrap_or(Value::None));
        Value::Instance(Rc::new(object))
    }
}
