//! Python hooks run as frames of the calling thread.
//!
//! When an operation ends in a dunder written in Python — a property's getter for
//! `obj.value`, `__getitem__` for `obj[i]`, `__str__` for `print(obj)`, `__eq__` for `a == b`
//! — CPython's slot wrapper calls it as an ordinary Python frame: it has switch points inside
//! and may block on a lock while other threads run. gilsim does the same. The operation
//! returns [`Control::Hook`]; the hook's frame is pushed with [`ReturnMode::Then`], which
//! carries what the operation still has to do with the result ([`Then`]: check that `__str__`
//! gave a str, try the reflected operand on NotImplemented, write print's line); that runs
//! when the frame returns.
//!
//! Invariant: a hook becomes a frame only in tail position — in the operation of an
//! instruction armed by [`Vm::at_tail`] (the operation takes the flag on entry, so whatever
//! it calls in turn sees it unarmed), in a [`Then`] continuation, or as the whole result of a
//! native. Anywhere else a hook runs in a nested loop ([`Vm::call_nested`]) and its
//! continuation at once, switches suppressed.

use crate::frame::ReturnMode;
use crate::interp::Invoked;
use crate::native::{Args, Control};
use crate::value::{Function, Instance, Value};
use crate::{Exc, SliceEnd, Thread, Vm};
use std::rc::Rc;

/// A Python hook to call, and what the operation does with its result.
pub struct Hook {
    pub callable: Value,
    pub args: Args,
    pub then: Then,
}

impl Hook {
    pub(crate) fn control(callable: Value, args: Vec<Value>, then: Then) -> Control {
        Control::Hook(Box::new(Hook { callable, args: Args::new(args), then }))
    }
}

/// What an operation still does with its hook's result.
pub enum Then {
    /// Deliver it as it is (a property's getter, `__getitem__`, `__getattr__`, `__iter__`).
    Value,
    /// Deliver nothing: the hook of a statement (`__setitem__`, a property's setter,
    /// `__setattr__`); a native's call of it gives None.
    Nothing,
    /// It must be a str: `__str__`, `__repr__` (named in the TypeError).
    Str(&'static str),
    /// It must be a str: `__format__` (its own message).
    Format,
    /// A str (`__str__`/`__repr__` for `!s`/`!r`), then formatted by the spec.
    StrThenSpec(&'static str, Box<str>),
    /// Its truth (`in`; negated for `not in`).
    Truth { negate: bool },
    /// A conditional jump's: go to `target` when the truth (of `__bool__`, or of `__len__`
    /// if `len`) is `when`; otherwise pop the tested value if `or_pop` (`and`/`or`, which
    /// leave it on the stack while the hook runs).
    Branch { target: u32, when: bool, len: bool, or_pop: bool },
    /// A binary operator's next candidate, if the result was NotImplemented.
    Binary(Box<crate::dunder_ops::BinaryCall>),
    /// A comparison's answer, or its next candidate on NotImplemented.
    Compare(Box<crate::dunder_ops::CompareCall>),
    /// The str of one of `print`'s arguments: the next ones, then the write.
    Print(Box<crate::print::PrintJob>),
    /// A `str.format` field's text (checked by the inner continuation): the rest of the
    /// template.
    StrFormat(Box<crate::format::FormatJob>, Box<Then>),
    /// A `%s`/`%r` field's text (checked by the inner continuation): the rest of the format.
    Percent(Box<crate::percent::PercentJob>, Box<Then>),
}

/// Where a hook frame's finished result goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// On the stack of the frame below (the instruction's result).
    Push,
    /// To a native waiting in a nested loop.
    Nested,
}

/// What starting a hook came to.
pub(crate) enum Started {
    /// Its frame is on top of the thread; the continuation runs when it returns.
    Frame,
    /// Done already (a hook that is not a Python function, or run nested): the result, if
    /// the operation has one.
    Done(Option<Value>),
}

/// A callable that is a Python function (not a generator's), bare or bound: the function and
/// its receiver.
pub(crate) fn python_function(callable: &Value) -> Option<(Rc<Function>, Option<Value>)> {
    match callable {
        Value::Function(f) if !f.is_generator => Some((f.clone(), None)),
        Value::BoundMethod(m) => match &m.1 {
            Value::Function(f) if !f.is_generator => Some((f.clone(), Some(m.0.clone()))),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// Arm the tail flag for the operation an instruction runs next (see the module docs).
    pub(crate) fn at_tail(&mut self) -> &mut Vm {
        self.tail_hook = true;
        self
    }

    /// `if obj:` on an instance with a Python `__bool__` (else `__len__`): the hook, and the
    /// jump to `target` when the truth is `when` (see [`Then::Branch`] for `or_pop`).
    #[inline]
    pub(crate) fn branch_hook(&mut self, v: &Value, target: u32, when: bool, or_pop: bool) -> Option<Hook> {
        // Inline: most branches test a bool, an int or a container, which have no hook.
        let Value::Instance(inst) = v else { return None };
        self.instance_branch_hook(inst, v, target, when, or_pop)
    }

    /// The method that gives an instance's truth, and whether it is its `__len__`: a Python
    /// `__bool__` (Python 2's `__nonzero__`) or a library class's native one, else a Python
    /// `__len__` (CPython's `slot_nb_bool`). Looked up through the lookup cache.
    pub(crate) fn truth_method(&mut self, inst: &Rc<Instance>) -> Option<(Value, bool)> {
        let truth = if self.options.python.major == 2 {
            inst.class.lookup("__nonzero__")
        } else {
            let name = self.lookups.bool.clone();
            self.class_lookup(&inst.class, &name)
        };
        if let Some(method) = truth.filter(crate::ops::is_user_method) {
            return Some((method, false));
        }
        let name = self.lookups.len.clone();
        let len = self.class_lookup(&inst.class, &name)?;
        matches!(len, Value::Function(_)).then_some((len, true))
    }

    /// [`Vm::branch_hook`] of an instance.
    #[inline(never)]
    fn instance_branch_hook(
        &mut self,
        inst: &Rc<Instance>,
        v: &Value,
        target: u32,
        when: bool,
        or_pop: bool,
    ) -> Option<Hook> {
        let (callable, len) = self.truth_method(inst)?;
        // A native slot (the deque's `__bool__`) runs in place, in `Vm::truthy`.
        python_function(&callable)?;
        let then = Then::Branch { target, when, len, or_pop };
        Some(Hook { callable, args: Args::new(vec![v.clone()]), then })
    }

    /// The RuntimeError for a thread that must block inside a callback running nested.
    pub(crate) fn blocked_in_callback(&mut self) -> Value {
        self.new_exception(
            Exc::RuntimeError,
            "gilsim: a blocking call inside a callback run by a builtin (sorted key, __str__, ...) is not supported",
        )
    }

    /// Take the tail flag: an operation calls this on entry.
    pub(crate) fn take_tail(&mut self) -> bool {
        std::mem::take(&mut self.tail_hook)
    }

    /// Call hook `callable(*args)` and finish with `then`: as a frame when `tail` (the
    /// operation returns [`Control::Hook`]), else nested, at once.
    pub(crate) fn call_hook(
        &mut self,
        th: &mut Thread,
        tail: bool,
        callable: Value,
        args: Vec<Value>,
        then: Then,
    ) -> Result<Option<Value>, Control> {
        if tail && python_function(&callable).is_some() {
            return Err(Hook::control(callable, args, then));
        }
        let value = match self.fast_slot(&callable, &args) {
            Some(value) => value,
            None => self.call_nested(th, callable, Args::new(args))?,
        };
        self.finish_nested(th, then, value)
    }

    /// `callable(*args)` by its fast path, when it is a native that has one and the case is
    /// one it handles (a library class's native slot: the deque's `d[i]` and truth).
    pub(crate) fn fast_slot(&mut self, callable: &Value, args: &[Value]) -> Option<Value> {
        match callable {
            Value::Native(native) => native.fast.and_then(|fast| fast(self, args)),
            _ => None,
        }
    }

    /// [`Vm::call_hook`] for an operation that has a result.
    pub(crate) fn call_hook_value(
        &mut self,
        th: &mut Thread,
        tail: bool,
        callable: Value,
        args: Vec<Value>,
        then: Then,
    ) -> Result<Value, Control> {
        self.call_hook(th, tail, callable, args, then).map(|v| v.unwrap_or(Value::None))
    }

    /// Start `hook`: a Python function gets a frame delivering by `delivery`; anything else
    /// (or no delivery a hook frame can make) runs nested.
    pub(crate) fn start_hook(
        &mut self,
        th: &mut Thread,
        hook: Hook,
        delivery: Option<Delivery>,
    ) -> Result<Started, Control> {
        let Hook { callable, mut args, then } = hook;
        match (python_function(&callable), delivery) {
            (Some((function, receiver)), Some(delivery)) => {
                if let Some(receiver) = receiver {
                    args.pos.insert(0, receiver);
                }
                let mode = match (then, delivery) {
                    // Nothing left to do: the frame returns as a call does.
                    (Then::Value, Delivery::Push) => ReturnMode::Push,
                    (Then::Value, Delivery::Nested) => ReturnMode::Nested,
                    (then, delivery) => ReturnMode::Then(Box::new(then), delivery),
                };
                self.push_function_frame(th, function, args, mode)?;
                Ok(Started::Frame)
            }
            _ => {
                let value = self.call_nested(th, callable, args)?;
                self.finish_nested(th, then, value).map(Started::Done)
            }
        }
    }

    /// A native's [`Control::Hook`], resolved by [`Vm::invoke`] for a call taken by `mode`.
    pub(crate) fn invoke_hook(&mut self, th: &mut Thread, hook: Hook, mode: &ReturnMode) -> Result<Invoked, Control> {
        let delivery = match mode {
            ReturnMode::Push => Some(Delivery::Push),
            ReturnMode::Nested => Some(Delivery::Nested),
            _ => None,
        };
        Ok(match self.start_hook(th, hook, delivery)? {
            Started::Frame => Invoked::Pushed,
            Started::Done(v) => Invoked::Returned(v.unwrap_or(Value::None), false),
        })
    }

    /// Run `then` on `value` and every hook it leads to, nested.
    fn finish_nested(&mut self, th: &mut Thread, mut then: Then, mut value: Value) -> Result<Option<Value>, Control> {
        loop {
            match self.apply_then(th, then, value) {
                Err(Control::Hook(hook)) => {
                    let hook = *hook;
                    value = self.call_nested(th, hook.callable, hook.args)?;
                    then = hook.then;
                }
                Err(Control::Call(call)) => return self.call_nested(th, call.callable, call.args).map(Some),
                other => return other,
            }
        }
    }

    /// A hook frame returned `value`: finish its operation and deliver the result. Some(end)
    /// when a native waiting in a nested loop has it.
    pub(crate) fn finish_hook_frame(
        &mut self,
        th: &mut Thread,
        then: Then,
        delivery: Delivery,
        value: Value,
    ) -> Result<Option<SliceEnd>, Control> {
        let mode = match delivery {
            Delivery::Push => ReturnMode::Push,
            Delivery::Nested => ReturnMode::Nested,
        };
        let finished = match self.apply_then(th, then, value) {
            Err(Control::Hook(hook)) => match self.start_hook(th, *hook, Some(delivery)) {
                Ok(Started::Frame) => return Ok(None),
                Ok(Started::Done(v)) => Ok(v),
                Err(e) => Err(e),
            },
            Err(Control::Call(call)) => match self.invoke(th, call.callable, call.args, mode) {
                Ok(Invoked::Pushed) => return Ok(None),
                Ok(Invoked::Returned(v, _)) => Ok(Some(v)),
                Err(e) => Err(e),
            },
            other => other,
        };
        match (finished, delivery) {
            (Ok(Some(v)), Delivery::Push) => Ok(Vm::hand_to_caller(th, v)),
            (Ok(None), Delivery::Push) => Ok(None),
            (Ok(v), Delivery::Nested) => Ok(Some(SliceEnd::Finished(Ok(v.unwrap_or(Value::None))))),
            (Err(e), Delivery::Push) => Err(e),
            // The native below must get the outcome: nothing unwinds past its nested loop.
            (Err(Control::Raise(exc)), Delivery::Nested) => Ok(Some(SliceEnd::Finished(Err(exc)))),
            (Err(_), Delivery::Nested) => Ok(Some(SliceEnd::Finished(Err(self.blocked_in_callback())))),
        }
    }

    /// The rest of an operation after its hook gave `value`. A further hook or a tail call
    /// comes back as [`Control::Hook`] or [`Control::Call`].
    fn apply_then(&mut self, th: &mut Thread, then: Then, value: Value) -> Result<Option<Value>, Control> {
        match then {
            Then::Value => Ok(Some(value)),
            Then::Nothing => Ok(None),
            Then::Str(method) => self.str_result(value, method).map(Some),
            Then::StrThenSpec(method, spec) => {
                let s = self.str_result(value, method)?;
                self.format_with_spec(th, &s, &spec).map(|text| Some(Value::str(&text)))
            }
            Then::Format => match value {
                Value::Str(_) => Ok(Some(value)),
                other => Err(self.raise_msg(
                    Exc::TypeError,
                    format!("__format__ must return a str, not {}", crate::builtins::type_name_of(&other)),
                )),
            },
            Then::Truth { negate } => Ok(Some(Value::bool(self.truthy(th, &value)? != negate))),
            Then::Branch { target, when, len, or_pop } => {
                let truth = if len { !matches!(value, Value::Int(0)) } else { self.truthy(th, &value)? };
                if let Some(frame) = th.frames.last_mut() {
                    if truth == when {
                        frame.ip = target as usize;
                    } else if or_pop {
                        th.stack.pop();
                    }
                }
                Ok(None)
            }
            Then::Binary(call) => {
                if self.is_not_implemented(&value) {
                    self.binary_candidates(th, *call, true).map(Some)
                } else {
                    Ok(Some(value))
                }
            }
            Then::Compare(call) => self.compare_answer(th, *call, value).map(Some),
            Then::Print(job) => crate::print::print_resumed(self, th, job, value).map(Some),
            Then::Percent(mut job, field) => {
                if let Some(Value::Str(text)) = self.apply_then(th, *field, value)? {
                    job.push_field(&text);
                }
                self.percent_continue(th, job, true).map(Some)
            }
            Then::StrFormat(mut job, field) => {
                if let Some(Value::Str(text)) = self.apply_then(th, *field, value)? {
                    job.push_field(&text);
                }
                self.str_format_resumable(th, job).map(Some)
            }
        }
    }
}
