//! Exception chaining (PEP 3134): `raise X from Y` sets `X.__cause__` and
//! `X.__suppress_context__`; an exception raised while another is being handled gets it as
//! `__context__`, as CPython's `_PyErr_SetObject` does; a report prints the chain, oldest
//! first, joined by "The above exception was the direct cause of the following exception:"
//! or "During handling of the above exception, another exception occurred:"
//! (`traceback.TracebackException`). Python 2 has no chaining.
//!
//! Invariant: following `__context__` from any exception never comes back to it (a new
//! context that would close a cycle is cut, as CPython cuts it).

use crate::exceptions::exception_data;
use crate::native::Control;
use crate::value::Value;
use crate::{Exc, Thread, Vm};
use gilsim_core::PythonVersion;

/// `exc.__context__`, if any.
fn context_of(exc: &Value) -> Option<Value> {
    exception_data(exc).and_then(|d| d.borrow().context.clone())
}

impl Vm {
    /// `exc` is being raised in `th`: the exception `th` is handling becomes its context.
    /// `explicit` (a `raise` statement) replaces an older context, as CPython does each time
    /// an exception is set; an exception arriving from a call keeps the one it got when it
    /// was raised.
    pub(crate) fn chain_context(&self, th: &Thread, exc: &Value, explicit: bool) {
        if self.options.python < PythonVersion::new(3, 0) {
            return;
        }
        let (Some(handled), Some(data)) = (th.handled.last(), exception_data(exc)) else { return };
        if handled.is(exc) || (!explicit && data.borrow().context.is_some()) {
            return;
        }
        // Cut the cycle `exc` would close (CPython's loop in _PyErr_SetObject).
        let mut link = handled.clone();
        for _ in 0..10_000 {
            let Some(next) = context_of(&link) else { break };
            if next.is(exc) {
                if let Some(d) = exception_data(&link) {
                    d.borrow_mut().context = None;
                }
                break;
            }
            link = next;
        }
        data.borrow_mut().context = Some(handled.clone());
    }

    /// `exc.__cause__ = v`, `exc.__context__ = v`, `exc.__suppress_context__ = v`
    /// (CPython's BaseException setters: setting a cause suppresses the context); None for
    /// another attribute.
    pub(crate) fn set_chaining_attribute(
        &mut self,
        exc: &Value,
        name: &str,
        value: Value,
    ) -> Option<Result<(), Control>> {
        let data = exception_data(exc)?;
        let linked = match &value {
            Value::None => Some(None),
            v if exception_data(v).is_some() => Some(Some(v.clone())),
            _ => None,
        };
        let result = match (name, linked) {
            ("__cause__", Some(cause)) => {
                let mut data = data.borrow_mut();
                data.cause = cause;
                data.suppress_context = true;
                Ok(())
            }
            ("__context__", Some(context)) => {
                data.borrow_mut().context = context;
                Ok(())
            }
            ("__cause__" | "__context__", None) => {
                let what = &name[2..name.len() - 2];
                Err(self
                    .raise_msg(Exc::TypeError, format!("exception {what} must be None or derive from BaseException")))
            }
            ("__suppress_context__", _) => match value {
                Value::Bool(truth) => {
                    data.borrow_mut().suppress_context = truth == crate::value::Truth::True;
                    Ok(())
                }
                _ => Err(self.raise_msg(Exc::TypeError, "attribute value type must be bool")),
            },
            _ => return None,
        };
        Some(result)
    }

    /// `raise exc from cause`: `cause` is None, an exception, or an exception class
    /// (instantiated with no arguments).
    pub(crate) fn set_cause(&mut self, exc: &Value, cause: Value) -> Result<(), Control> {
        let cause = match cause {
            Value::None => None,
            Value::Class(_) | Value::Instance(_) => match self.make_exception(cause) {
                Ok(cause) => Some(cause),
                Err(_) => return Err(self.raise_msg(Exc::TypeError, "exception causes must derive from BaseException")),
            },
            _ => return Err(self.raise_msg(Exc::TypeError, "exception causes must derive from BaseException")),
        };
        if let Some(data) = exception_data(exc) {
            let mut data = data.borrow_mut();
            data.cause = cause;
            data.suppress_context = true;
        }
        Ok(())
    }

    /// `__cause__`, `__context__` or `__suppress_context__` of an exception instance.
    pub(crate) fn chaining_attribute(exc: &Value, name: &str) -> Option<Value> {
        let data = exception_data(exc)?.borrow();
        match name {
            "__cause__" => Some(data.cause.clone().unwrap_or(Value::None)),
            "__context__" => Some(data.context.clone().unwrap_or(Value::None)),
            "__suppress_context__" => Some(Value::bool(data.suppress_context)),
            _ => None,
        }
    }

    /// The report of `exc` with the exceptions it was chained to before it, as Python code
    /// prints it (the traceback module, `threading.excepthook`).
    pub fn format_traceback(&mut self, exc: &Value) -> String {
        self.format_chain(exc, false, false)
    }

    /// The report the interpreter itself prints (an exception escaping the main thread, a
    /// `_thread` function or an atexit callback): before 3.11 its last line names a class of
    /// the script `__main__.Name`, as CPython's C `print_exception` does.
    pub(crate) fn format_uncaught(&mut self, exc: &Value) -> String {
        let qualify_main = self.options.python < PythonVersion::new(3, 11);
        self.format_chain(exc, qualify_main, true)
    }

    /// An exception no one can catch (`__del__`'s, a closing generator's), as CPython's
    /// `PyErr_WriteUnraisable` prints it: its own traceback, without its chain.
    pub(crate) fn format_unraisable(&mut self, exc: &Value) -> String {
        let qualify_main = self.options.python < PythonVersion::new(3, 11);
        self.format_one_traceback(exc, qualify_main, false)
    }

    /// `interpreter`: the interpreter's own report (see [`Vm::suggestion_text`]).
    fn format_chain(&mut self, exc: &Value, qualify_main: bool, interpreter: bool) -> String {
        let mut report =
            Report { qualify_main, interpreter, depth: 0, need_close: false, seen: Vec::new(), out: String::new() };
        self.report_chain(exc, &mut report);
        report.out
    }

    /// `exc` with the exceptions chained before it, into `report`
    /// (`TracebackException.format`; from 3.11 an exception group is boxed, its members
    /// each reported inside, as `_ExceptionPrintContext` does).
    fn report_chain(&mut self, exc: &Value, report: &mut Report) {
        let mut chain = vec![(exc.clone(), "")];
        report.seen.push(exc.clone());
        if self.options.python >= PythonVersion::new(3, 0) {
            let mut current = exc.clone();
            while let Some(data) = exception_data(&current) {
                let (next, joint) = {
                    let data = data.borrow();
                    match (&data.cause, &data.context) {
                        (Some(cause), _) => (cause.clone(), CAUSE_JOINT),
                        (None, Some(context)) if !data.suppress_context => (context.clone(), CONTEXT_JOINT),
                        _ => break,
                    }
                };
                if report.seen.iter().any(|seen| seen.is(&next)) {
                    break;
                }
                report.seen.push(next.clone());
                chain.push((next.clone(), joint));
                current = next;
            }
        }
        let mut joint = "";
        for (exc, next_joint) in chain.iter().rev() {
            report.emit(joint, '|');
            match self.group_members(exc) {
                None => {
                    let text = self.format_one_traceback(exc, report.qualify_main, report.interpreter);
                    report.emit(&text, '|');
                }
                Some(_) if report.depth > MAX_GROUP_DEPTH => {
                    report.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
                }
                Some(members) => self.report_group(exc, &members, report),
            }
            joint = next_joint;
        }
    }

    fn report_group(&mut self, group: &Value, members: &[Value], report: &mut Report) {
        let top_level = report.depth == 0;
        if top_level {
            report.depth += 1;
        }
        let (stack, header) = self.traceback_stack(group);
        if header {
            report.emit("Exception Group Traceback (most recent call last):\n", if top_level { '+' } else { '|' });
        }
        report.emit(&stack, '|');
        let line = self.exception_line(group, report.qualify_main);
        let notes = crate::exception_groups::notes_text(self, group);
        report.emit(&format!("{line}\n{notes}"), '|');
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        report.need_close = false;
        for (i, member) in members.iter().take(shown).enumerate() {
            let last = i + 1 == shown;
            if last {
                report.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let corner = if i == 0 { "+-" } else { "  " };
            report.out.push_str(&format!("{}{corner}+---------------- {title} ----------------\n", report.indent()));
            report.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                report.emit(&format!("and {remaining} more exception{plural}\n"), '|');
            } else {
                self.report_chain(member, report);
            }
            if last && report.need_close {
                report.out.push_str(&format!("{}+------------------------------------\n", report.indent()));
                report.need_close = false;
            }
            report.depth -= 1;
        }
        if top_level {
            report.depth = 0;
        }
    }
}

/// CPython's `traceback.py` limits on a group's report.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// A report being written (CPython's `_ExceptionPrintContext`): inside an exception group,
/// every line is indented by its depth and marked with a margin.
struct Report {
    qualify_main: bool,
    /// The interpreter's own report, not the traceback module's.
    interpreter: bool,
    depth: usize,
    need_close: bool,
    /// Exceptions already reported (a chain or group that refers back is cut).
    seen: Vec<Value>,
    out: String,
}

impl Report {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Append `text`, each line indented (with `margin` inside a group).
    fn emit(&mut self, text: &str, margin: char) {
        if self.depth == 0 {
            self.out.push_str(text);
            return;
        }
        let prefix = format!("{}{margin} ", self.indent());
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

const CAUSE_JOINT: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_JOINT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";
