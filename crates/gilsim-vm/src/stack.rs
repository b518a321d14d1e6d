//! Natives over frames. The running thread's stack as `traceback.extract_stack()` reports
//! it: the script's frames, outermost first, each with its line and source text, under the
//! frames of CPython's threading.py that start a thread (`_bootstrap`, `_bootstrap_inner`,
//! `run`); gilsim's own library frames are left out, as in tracebacks, and from 3.12 a
//! comprehension has no frame of its own (see [`Vm::frame_sites`]). The same frames as
//! frame objects (`sys._getframe()`, `inspect.currentframe()`): snapshots with `f_back`,
//! `f_code` (`co_name`, `co_filename`, `co_firstlineno`) and `f_lineno` as of the call. And
//! marks on an exception's traceback, for library code that restores one
//! (`contextmanager.__exit__`).

use crate::native::{native, Control};
use crate::types::Exc;
use crate::value::{Instance, Slot, Value};
use crate::{Thread, Vm};
use std::rc::Rc;

// `_gilsim.stack()`: (filename, line, function, source line) of each frame, outermost first.
native!(STACK, "_gilsim.stack", |vm, th, args| {
    crate::builtins::arity(vm, "stack", args, 0, 0)?;
    Ok(Value::list(vm.stack_of(th).iter().map(StackEntry::summary).collect()))
});

// `_gilsim.traceback_mark(exc)`: how many frames `exc`'s traceback has now.
native!(TRACEBACK_MARK, "_gilsim.traceback_mark", |vm, _th, args| {
    crate::builtins::arity(vm, "traceback_mark", args, 1, 1)?;
    let frames = crate::exceptions::exception_data(&args.pos[0]).map_or(0, |data| data.borrow().traceback.len());
    Ok(Value::Int(frames as i64))
});

// `_gilsim.traceback_reset(exc, mark)`: `exc`'s traceback back to what it was at `mark`
// (CPython's `exc.__traceback__ = traceback` in `_GeneratorContextManager.__exit__`).
native!(TRACEBACK_RESET, "_gilsim.traceback_reset", |vm, _th, args| {
    crate::builtins::arity(vm, "traceback_reset", args, 2, 2)?;
    if let (Some(data), Value::Int(mark)) = (crate::exceptions::exception_data(&args.pos[0]), &args.pos[1]) {
        data.borrow_mut().traceback.truncate(usize::try_from(*mark).unwrap_or(0));
    }
    Ok(Value::None)
});

// `_gilsim.frame()`: the frame object of the script's innermost frame (the library's own
// frames are not among them: `inspect.currentframe()` gets its caller's).
native!(FRAME, "_gilsim.frame", |vm, th, args| {
    crate::builtins::arity(vm, "frame", args, 0, 0)?;
    vm.frame_object(th, 0)
});

pub(crate) const NATIVES: [&crate::native::NativeFn; 4] = [&STACK, &FRAME, &TRACEBACK_MARK, &TRACEBACK_RESET];

/// One frame of a thread's stack.
struct StackEntry {
    file: String,
    line: u32,
    function: String,
    /// The source line, stripped, and as written (CPython's library's: as gilsim knows it).
    source: String,
    raw: String,
    /// The first line of its code (0 for CPython's library).
    first_line: u32,
}

impl StackEntry {
    /// As `traceback.extract_stack()` takes it: (filename, line, function, source line).
    fn summary(&self) -> Value {
        let line = Value::Int(i64::from(self.line));
        Value::tuple(vec![Value::str(&self.file), line, Value::str(&self.function), Value::str(&self.source)])
    }
}

impl Vm {
    /// The frame object `depth` frames out from the script's innermost frame in `th`
    /// (`sys._getframe(depth)`): ValueError past the outermost, as CPython's.
    pub(crate) fn frame_object(&mut self, th: &Thread, depth: i64) -> Result<Value, Control> {
        let stack = self.stack_of(th);
        let depth = usize::try_from(depth).unwrap_or(0);
        if depth >= stack.len() {
            return Err(self.raise_msg(Exc::ValueError, "call stack is not deep enough"));
        }
        Ok(self.frame_chain(&stack[..stack.len() - depth]))
    }

    /// The frame object of the last of `entries` (outermost first), each frame's `f_back` the
    /// one made before it.
    fn frame_chain(&self, entries: &[StackEntry]) -> Value {
        let mut back = Value::None;
        for entry in entries {
            let frame = self.frame_instance(&entry.file, &entry.function, entry.line, Some(entry.first_line));
            frame.set_attr("f_back", back);
            frame.set_attr("_gilsim_context", Value::str(&entry.raw));
            frame.set_attr("_gilsim_summary", entry.summary());
            back = Value::Instance(Rc::new(frame));
        }
        back
    }

    /// `sys._current_frames()`: a dict of each of `threads`' innermost frame object (as
    /// [`Vm::frame_object`] makes it) by the thread's ident, newest thread first as CPython
    /// walks its thread states; a thread without frames yet is left out.
    pub fn current_frames(&self, threads: &[&Thread]) -> Value {
        let mut dict = crate::dict::Dict::default();
        for th in threads.iter().rev() {
            let Some(ident) = th.data.borrow_unnoted().ident else { continue };
            let stack = self.stack_of(th);
            if !stack.is_empty() {
                dict.insert(crate::dict::Key(Value::Int(ident)), self.frame_chain(&stack));
            }
        }
        Value::Dict(Rc::new(crate::footprint::PyCell::new(dict)))
    }

    /// A frame object (a traceback's `tb_frame`, `sys._getframe()`'s): `f_lineno` and
    /// `f_code` with `co_name`, `co_filename` and, where known, `co_firstlineno`.
    pub(crate) fn frame_instance(&self, file: &str, function: &str, line: u32, first_line: Option<u32>) -> Instance {
        let code = Instance::new(self.types.code.clone(), Slot::None);
        code.set_attr("co_name", Value::str(function));
        code.set_attr("co_filename", Value::str(file));
        if let Some(first_line) = first_line {
            code.set_attr("co_firstlineno", Value::Int(i64::from(first_line)));
        }
        let frame = Instance::new(self.types.frame.clone(), Slot::None);
        frame.set_attr("f_code", Value::Instance(Rc::new(code)));
        frame.set_attr("f_lineno", Value::Int(i64::from(line)));
        frame
    }

    fn stack_of(&self, th: &Thread) -> Vec<StackEntry> {
        let codes: Vec<u32> = th.frames.iter().map(|frame| frame.code).collect();
        let mut stack: Vec<StackEntry> = self
            .thread_bottom(th, &codes)
            .map(|bottom| crate::library_frames::stack_frames(self.options.python, bottom))
            .unwrap_or_default()
            .into_iter()
            .map(|frame| StackEntry {
                file: frame.file,
                line: frame.line,
                function: frame.function.to_string(),
                source: frame.source.to_string(),
                raw: frame.source.to_string(),
                first_line: 0,
            })
            .collect();
        let frames = th.frames.iter().rev().map(|frame| (frame.code, frame.ip.saturating_sub(1) as u32));
        for (code_id, site, instr) in self.frame_sites(frames).into_iter().rev() {
            if self.program.is_library(code_id) {
                continue;
            }
            let (line, _) = self.line_at(site, instr);
            let raw = self.program.source_line_raw(line).unwrap_or("").to_string();
            let source = raw.trim().to_string();
            let code = &self.program.codes[code_id as usize];
            let (function, first_line) = (code.name.clone(), code.first_line);
            stack.push(StackEntry { file: self.program.filename.clone(), line, function, source, raw, first_line });
        }
        stack
    }
}
