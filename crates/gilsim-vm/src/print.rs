//! `print()` and the simulated standard streams it writes to. CPython's print writes each
//! separator and argument as it goes; an argument with a `__str__` written in Python is a hook
//! frame ([`crate::hooks`]), so [`PrintJob`] keeps what is left to do across it.
//!
//! Invariant: stdout is written as its buffering mode makes CPython write it — block-buffered
//! (a pipe) without system calls until a flush, line-buffered with one per line, unbuffered
//! with one per write; each system call releases the GIL (`Request::Yield`).

use crate::builtins::{kwarg, type_name_of};
use crate::native::{native, Args, Control, NResult, Request};
use crate::value::{Truth, Value};
use crate::Exc;
use crate::{Thread, Vm};

native!(PRINT, "print", shared, print);

fn print(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    let sep = match kwarg(args, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(
                vm.raise_msg(Exc::TypeError, format!("sep must be None or a string, not {}", type_name_of(&other)))
            )
        }
    };
    let end = match kwarg(args, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(
                vm.raise_msg(Exc::TypeError, format!("end must be None or a string, not {}", type_name_of(&other)))
            )
        }
    };
    let file = match kwarg(args, "file") {
        None | Some(Value::None) => vm.replaced_stdout(),
        given => given,
    };
    let to_stderr = match file {
        None => false,
        Some(file) => match crate::modules::sys::standard_stream(&file) {
            Some(stderr) => stderr,
            None => {
                let flush = kwarg(args, "flush");
                return print_to_object(vm, th, file, std::mem::take(&mut args.pos), sep, end, flush);
            }
        },
    };
    let flush = match kwarg(args, "flush") {
        Some(v) => vm.truthy(th, &v)?,
        None => false,
    };
    let writes = Vec::with_capacity(args.pos.len() * 2 + 1);
    let job =
        PrintJob { args: std::mem::take(&mut args.pos), next: 0, writes, sep, end, to_stderr, flush, resumed: false };
    continue_print(vm, th, Box::new(job))
}

/// `print(..., file=obj)` to an object of the script's (an `io.StringIO`, a class with a
/// `write` method): CPython calls `obj.write` with each str, separator and the end, then
/// `obj.flush()` if asked — here in Python (`_gilsim_iter.print_to`), in the thread's frames.
fn print_to_object(
    vm: &mut Vm,
    th: &mut Thread,
    file: Value,
    items: Vec<Value>,
    sep: String,
    end: String,
    flush: Option<Value>,
) -> NResult {
    let helper = vm.library_attr(th, "_gilsim_iter", "print_to")?;
    let mut pos = vec![file, Value::str(&sep), Value::str(&end), flush.unwrap_or(Value::Bool(Truth::False))];
    pos.extend(items);
    Err(Control::call(helper, Args::new(pos)))
}

/// What `print` has left to do: the str of each argument in turn — a Python `__str__` runs as
/// a frame of the thread ([`crate::hooks`]) — then the write of what is still unwritten.
/// CPython's print writes each separator and argument as it goes, so what precedes an
/// argument with a Python `__str__` is in the stream before that `__str__` runs.
pub struct PrintJob {
    args: Vec<Value>,
    /// The argument whose str comes next.
    next: usize,
    /// Separators and strs not written yet.
    writes: Vec<String>,
    sep: String,
    end: String,
    to_stderr: bool,
    flush: bool,
    /// Whether a `__str__` frame ran: the last write is then a call of its own, which waits
    /// for its turn as print's did (see [`crate::Gate`]).
    resumed: bool,
}

fn continue_print(vm: &mut Vm, th: &mut Thread, mut job: Box<PrintJob>) -> NResult {
    while job.next < job.args.len() {
        if job.next > 0 {
            job.writes.push(job.sep.clone());
        }
        let v = job.args[job.next].clone();
        if let (Value::Instance(_), Some(method)) = (&v, vm.user_method(&v, "__str__")) {
            // Into the stream's buffer (no flush, so no system call) before `__str__` runs.
            for w in std::mem::take(&mut job.writes) {
                vm.emit_unflushed(job.to_stderr, &w);
            }
            return Err(crate::hooks::Hook::control(method, vec![v], crate::hooks::Then::Print(job)));
        }
        let s = vm.str_of(th, &v)?;
        job.writes.push(s);
        job.next += 1;
    }
    let PrintJob { mut writes, end, to_stderr, flush, resumed, .. } = *job;
    writes.push(end);
    if !resumed {
        return vm.write_stream(th, to_stderr, writes, flush, Value::None);
    }
    let mut args = vec![Value::bool(to_stderr), Value::bool(flush)];
    args.extend(writes.iter().map(|w| Value::str(w)));
    Err(Control::call(Value::Native(&PRINT_WRITE), Args::new(args)))
}

/// `print` after a `__str__` frame gave `value` for the next argument.
pub(crate) fn print_resumed(vm: &mut Vm, th: &mut Thread, mut job: Box<PrintJob>, value: Value) -> NResult {
    let s = match value {
        Value::Str(s) => s.to_string(),
        other => return Err(vm.non_string("__str__", &other)),
    };
    job.writes.push(s);
    job.next += 1;
    job.resumed = true;
    continue_print(vm, th, job)
}

// print's write after its arguments' `__str__` frames: [to_stderr, flush, *writes].
native!(PRINT_WRITE, "_gilsim.print_write", shared, |vm, th, args| {
    let mut pos = args.pos.drain(..);
    let (Some(Value::Bool(to_stderr)), Some(Value::Bool(flush))) = (pos.next(), pos.next()) else {
        return Err(vm.raise_msg(Exc::TypeError, "_gilsim.print_write(to_stderr, flush, *writes)"));
    };
    let writes = pos
        .map(|w| match w {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        })
        .collect();
    vm.write_stream(th, to_stderr.get(), writes, flush.get(), Value::None)
});

impl Vm {
    /// Write `writes` to the simulated stderr (unbuffered: never a switch point) or stdout
    /// ([`Vm::write_stdout`]); the call then returns `result`.
    pub(crate) fn write_stream(
        &mut self,
        th: &mut Thread,
        stderr: bool,
        writes: Vec<String>,
        flush: bool,
        result: Value,
    ) -> NResult {
        if self.options.python.major == 2 {
            // A 2.7 unicode reaching a pipe is encoded as ASCII (its text past U+00FF marks
            // it: see crate::output's python2_bytes_as_text).
            for text in writes.iter().filter(|w| crate::output::python2_unicode(w)) {
                crate::codecs::encode(self, text, crate::codecs::Codec::Ascii, crate::codecs::OnError::Strict)?;
            }
        }
        if stderr {
            writes.iter().for_each(|w| self.write_stderr(w));
            return Ok(result);
        }
        self.write_stdout(th, writes, flush, result)
    }

    /// Add `text` to a stream without a system call: stderr is unbuffered; on stdout the
    /// text waits in the buffer (CPython's print writing an argument in block-buffered mode).
    pub(crate) fn emit_unflushed(&mut self, stderr: bool, text: &str) {
        crate::footprint::note(crate::footprint::Resource::Output, true);
        self.emit(stderr, text);
    }

    /// Write `text` to the simulated stderr (an output write in the footprint).
    pub(crate) fn write_stderr(&mut self, text: &str) {
        crate::footprint::note(crate::footprint::Resource::Output, true);
        self.emit(true, text);
    }

    /// Write `writes` to the simulated stdout, releasing the GIL where its buffering mode
    /// makes a system call (python-semantics.md §3.4); the call then returns `result`.
    pub(crate) fn write_stdout(&mut self, th: &mut Thread, writes: Vec<String>, flush: bool, result: Value) -> NResult {
        use gilsim_core::StdoutMode;
        crate::footprint::note(crate::footprint::Resource::Output, true);
        match self.options.stdout {
            StdoutMode::Buffered | StdoutMode::Line => {
                let ends_line = writes.iter().any(|w| w.contains('\n'));
                writes.iter().for_each(|w| self.emit(false, w));
                if flush {
                    self.flush_stdout();
                }
                let syscall = flush || (self.options.stdout == StdoutMode::Line && ends_line);
                if syscall {
                    return Err(Control::block(Request::Yield { result }));
                }
                Ok(result)
            }
            StdoutMode::Unbuffered => {
                let mut writes: std::collections::VecDeque<String> =
                    writes.into_iter().filter(|w| !w.is_empty()).collect();
                let Some(first) = writes.pop_front() else { return Ok(result) };
                self.emit(false, &first);
                th.pending_output = writes;
                Err(Control::block(Request::Yield { result }))
            }
        }
    }
}
