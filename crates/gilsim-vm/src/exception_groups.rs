//! Exception groups (PEP 654, 3.11) and exception notes (PEP 678, 3.11). `BaseExceptionGroup`
//! and `ExceptionGroup` are built-in exception classes whose constructor checks its arguments
//! and picks the class as
//! CPython's `BaseExceptionGroup_new` does (`BaseExceptionGroup(msg, [ValueError()])` is an
//! `ExceptionGroup`), with `message`, `exceptions` and the `msg (N sub-exceptions)` str.
//! `split`, `subgroup` and `derive` are library/gilsim_groups.py's, as is the matching of
//! `except*` clauses; the boxed report of an uncaught group is [`crate::chaining`]'s.
//! `exc.add_note(text)` appends to the exception's `__notes__` list, whose lines a report
//! prints under the exception's.
//!
//! Invariant: an instance of either class has a `message` str and an `exceptions` tuple of
//! exception instances, at least one.

use crate::native::{native, Args, Control, NResult};
use crate::types::{Exc, Types};
use crate::value::{Class, Instance, Truth, Value};
use crate::{Thread, Vm};
use std::rc::Rc;

native!(SPLIT, "BaseExceptionGroup.split", |vm, th, args| library_method(vm, th, args, "split"));
native!(SUBGROUP, "BaseExceptionGroup.subgroup", |vm, th, args| library_method(vm, th, args, "subgroup"));
native!(DERIVE, "BaseExceptionGroup.derive", |vm, th, args| library_method(vm, th, args, "derive"));

/// Give the methods to the built-in class.
pub(crate) fn install(types: &Types) {
    let class = types.exception(Exc::BaseExceptionGroup);
    let mut dict = class.dict.borrow_mut();
    for method in [&SPLIT, &SUBGROUP, &DERIVE] {
        let name = method.name.rsplit('.').next().expect("a method name");
        dict.insert(name.into(), Value::Native(method));
    }
}

/// The members a group is made of: the items of a list or tuple (None for anything else).
fn group_items(exceptions: &Value) -> Option<Vec<Value>> {
    match exceptions {
        Value::List(list) => Some(list.borrow().clone()),
        Value::Tuple(items) => Some(items.to_vec()),
        _ => None,
    }
}

/// `group.method(arg)`, handed to `_gilsim_groups.method(group, arg)`.
fn library_method(vm: &mut Vm, th: &mut Thread, args: &mut Args, method: &str) -> NResult {
    crate::builtins::arity(vm, method, args, 2, 2)?;
    Err(vm.library_tail_call(th, "_gilsim_groups", method, std::mem::take(args)))
}

impl Vm {
    /// The class `class(message, exceptions)` makes, after CPython's checks of the
    /// arguments; any other exception class is returned as it is.
    pub(crate) fn exception_group_class(&mut self, class: Rc<Class>, args: &Args) -> Result<Rc<Class>, Control> {
        let base_group = self.types.exception(Exc::BaseExceptionGroup);
        if !class.is_subclass_of(&base_group) {
            return Ok(class);
        }
        let [message, exceptions] = args.pos.as_slice() else {
            let message = format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.pos.len());
            return Err(self.raise_msg(Exc::TypeError, message));
        };
        if !matches!(message, Value::Str(_)) {
            let type_name = crate::builtins::type_name_of(message);
            let message = format!("BaseExceptionGroup.__new__() argument 1 must be str, not {type_name}");
            return Err(self.raise_msg(Exc::TypeError, message));
        }
        let Some(items) = group_items(exceptions) else {
            return Err(self.raise_msg(Exc::TypeError, "second argument (exceptions) must be a sequence"));
        };
        if items.is_empty() {
            return Err(self.raise_msg(Exc::ValueError, "second argument (exceptions) must be a non-empty sequence"));
        }
        let mut nests_base_exceptions = false;
        for (i, item) in items.iter().enumerate() {
            if crate::exceptions::exception_data(item).is_none() {
                let message = format!("Item {i} of second argument (exceptions) is not an exception");
                return Err(self.raise_msg(Exc::ValueError, message));
            }
            nests_base_exceptions |= !self.is_instance_of(item, Exc::Exception);
        }
        let group = self.types.exception(Exc::ExceptionGroup);
        if Rc::ptr_eq(&class, &base_group) {
            return Ok(if nests_base_exceptions { class } else { group });
        }
        if nests_base_exceptions && class.is_subclass_of(&self.types.exception(Exc::Exception)) {
            let message = if Rc::ptr_eq(&class, &group) {
                "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
            } else {
                format!("Cannot nest BaseExceptions in '{}'", class.name)
            };
            return Err(self.raise_msg(Exc::TypeError, message));
        }
        Ok(class)
    }

    /// A new group's `message` and `exceptions` (its arguments were checked).
    pub(crate) fn set_group_attributes(&self, inst: &Instance, args: &[Value]) {
        if let [message, exceptions] = args {
            if let Some(items) = group_items(exceptions) {
                inst.set_attr("message", message.clone());
                inst.set_attr("exceptions", Value::tuple(items));
            }
        }
    }

    /// The members of an exception group (None for any other value).
    pub(crate) fn group_members(&self, exc: &Value) -> Option<Vec<Value>> {
        let Value::Instance(inst) = exc else { return None };
        if !inst.class.is_subclass_of(&self.types.exception(Exc::BaseExceptionGroup)) {
            return None;
        }
        match inst.attr("exceptions") {
            Some(Value::Tuple(items)) => Some(items.to_vec()),
            _ => None,
        }
    }
}

// `exc.add_note(note)` (3.11+; reached through `get_attr`, so older versions have none).
native!(ADD_NOTE, "BaseException.add_note", |vm, _th, args| {
    crate::builtins::arity(vm, "add_note", args, 2, 2)?;
    let Value::Instance(inst) = &args.pos[0] else { return Ok(Value::None) };
    let note = match &args.pos[1] {
        note @ Value::Str(_) => note.clone(),
        other => {
            let message = format!("note must be a str, not '{}'", crate::builtins::type_name_of(other));
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
    };
    match inst.attr("__notes__") {
        Some(Value::List(notes)) => notes.borrow_mut().push(note),
        Some(_) => return Err(vm.raise_msg(Exc::TypeError, "Cannot add note: __notes__ is not a list")),
        None => inst.set_attr("__notes__", Value::list(vec![note])),
    }
    Ok(Value::None)
});

/// Whether `inst` is an exception of a version with notes.
pub(crate) fn has_notes(vm: &Vm, inst: &Instance) -> bool {
    matches!(inst.slot, crate::value::Slot::Exception(_)) && vm.options.python >= gilsim_core::PythonVersion::new(3, 11)
}

/// The lines a report prints under the exception's: each note's lines (a `__notes__` that
/// is not a list or tuple is shown by its repr, as `traceback.py` does).
pub(crate) fn notes_text(vm: &mut Vm, exc: &Value) -> String {
    let Value::Instance(inst) = exc else { return String::new() };
    if !has_notes(vm, inst) {
        return String::new();
    }
    let notes = match inst.attr("__notes__") {
        None => return String::new(),
        Some(Value::List(list)) => list.borrow().clone(),
        Some(Value::Tuple(items)) => items.to_vec(),
        Some(other) => {
            let mut scratch = Thread::scratch();
            let shown = vm.repr_of(&mut scratch, &other).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            return format!("{shown}\n");
        }
    };
    let mut out = String::new();
    for note in notes {
        let mut scratch = Thread::scratch();
        let text = vm.str_of(&mut scratch, &note).unwrap_or_else(|_| "<note str() failed>".into());
        for line in text.split('\n') {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `str(group)`: `message (N sub-exceptions)`.
pub(crate) fn group_str(vm: &Vm, inst: &Instance) -> Option<String> {
    if !inst.class.is_subclass_of(&vm.types.exception(Exc::BaseExceptionGroup)) {
        return None;
    }
    let (Some(Value::Str(message)), Some(Value::Tuple(items))) = (inst.attr("message"), inst.attr("exceptions")) else {
        return None;
    };
    let plural = if items.len() == 1 { "" } else { "s" };
    Some(format!("{message} ({} sub-exception{plural})", items.len()))
}

// What CPython's `exceptiongroup_subset` copies from a group to a part of it: the
// traceback, the context and the cause (setting the cause suppresses the context).
native!(COPY_EXCEPTION_STATE, "_gilsim.copy_exception_state", |vm, _th, args| {
    crate::builtins::arity(vm, "copy_exception_state", args, 2, 2)?;
    copy_state(&args.pos[0], &args.pos[1]);
    Ok(Value::None)
});

// Whether `exc`, leaving an `except*` clause, is (a part of) the group being handled
// re-raised — CPython's `is_same_exception_metadata`: the same traceback (a bare `raise`
// adds the clause's frame to it here), cause and context.
native!(SAME_EXCEPTION_STATE, "_gilsim.same_exception_state", |vm, _th, args| {
    crate::builtins::arity(vm, "same_exception_state", args, 2, 2)?;
    let (Some(exc), Some(original)) =
        (crate::exceptions::exception_data(&args.pos[0]), crate::exceptions::exception_data(&args.pos[1]))
    else {
        return Ok(Value::Bool(Truth::False));
    };
    let (exc, original) = (exc.borrow(), original.borrow());
    let same = |a: &Option<Value>, b: &Option<Value>| match (a, b) {
        (Some(a), Some(b)) => a.is(b),
        (None, None) => true,
        _ => false,
    };
    let same_traceback = !original.traceback.is_empty() && exc.traceback.starts_with(&original.traceback);
    Ok(Value::bool(same_traceback && same(&exc.cause, &original.cause) && same(&exc.context, &original.context)))
});

pub(crate) const NATIVES: [&crate::native::NativeFn; 2] = [&COPY_EXCEPTION_STATE, &SAME_EXCEPTION_STATE];

fn copy_state(from: &Value, to: &Value) {
    let (Some(from), Some(to)) = (crate::exceptions::exception_data(from), crate::exceptions::exception_data(to))
    else {
        return;
    };
    if std::ptr::eq(from, to) {
        return;
    }
    let from = from.borrow();
    let mut to = to.borrow_mut();
    to.traceback.clone_from(&from.traceback);
    to.raised = from.raised;
    to.bottom = from.bottom;
    to.cause.clone_from(&from.cause);
    to.context.clone_from(&from.context);
    to.suppress_context = true;
}
