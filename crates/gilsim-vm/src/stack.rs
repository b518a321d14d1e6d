//! Natives over frames. The running thread's stack as `traceback.extract_stack()` reports
//! it: the script's frames, outermost first, each with its line and source text, under the
//! frames of CPython's threading.py that start a thread (`_bootstrap`, `_bootstrap_inner`,
//! `run`); gilsim's own library frames are left out, as in tracebacks, and from 3.12 a
//! comprehension has no frame of its own (see [`Vm::frame_sites`]). And marks on an
//! exception's traceback, for library code that restores one (`contextmanager.__exit__`).

use crate::native::native;
use crate::value::Value;
use crate::{Thread, Vm};

// `_gilsim.stack()`: (filename, line, function, source line) of each frame, outermost first.
native!(STACK, "_gilsim.stack", |vm, th, args| {
    crate::builtins::arity(vm, "stack", args, 0, 0)?;
    Ok(Value::list(
        vm.stack_of(th)
            .into_iter()
            .map(|(file, line, function, source)| {
                Value::tuple(vec![
                    Value::str(&file),
                    Value::Int(i64::from(line)),
                    Value::str(&function),
                    Value::str(&source),
                ])
            })
            .collect(),
    ))
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

pub(crate) const NATIVES: [&crate::native::NativeFn; 3] = [&STACK, &TRACEBACK_MARK, &TRACEBACK_RESET];

impl Vm {
    fn stack_of(&self, th: &Thread) -> Vec<(String, u32, String, String)> {
        let codes: Vec<u32> = th.frames.iter().map(|frame| frame.code).collect();
        let mut stack: Vec<(String, u32, String, String)> = self
            .thread_bottom(th, &codes)
            .map(|bottom| crate::library_frames::stack_frames(self.options.python, bottom))
            .unwrap_or_default()
            .into_iter()
            .map(|frame| (frame.file, frame.line, frame.function.to_string(), frame.source.to_string()))
            .collect();
        let frames = th.frames.iter().rev().map(|frame| (frame.code, frame.ip.saturating_sub(1) as u32));
        for (code_id, site, instr) in self.frame_sites(frames).into_iter().rev() {
            if self.program.is_library(code_id) {
                continue;
            }
            let (line, _) = self.line_at(site, instr);
            let source = self.program.source_line_raw(line).unwrap_or("").trim().to_string();
            let function = self.program.codes[code_id as usize].name.clone();
            stack.push((self.program.filename.clone(), line, function, source));
        }
        stack
    }
}
