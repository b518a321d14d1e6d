//! `isinstance` and `issubclass`: a class's real subclasses (its MRO) match at once; for any
//! other, a metaclass's Python `__instancecheck__` / `__subclasscheck__` decides, as CPython's
//! `PyObject_IsInstance` and `PyObject_IsSubclass` ask `type(cls)` — how `abc.ABCMeta`'s
//! registered virtual subclasses and `collections.abc`'s `__subclasshook__`s are found. Tuples
//! and `types.UnionType` match when a member does.

use crate::builtins::arity;
use crate::native::{Args, Control, NResult};
use crate::value::{Truth, Value};
use crate::Exc;
use crate::{Thread, Vm};
use std::rc::Rc;

/// Which of the two built-ins asks [`class_matches`].
#[derive(Clone, Copy)]
enum ClassCheck {
    IsInstance,
    IsSubclass,
}

impl ClassCheck {
    fn builtin(self) -> &'static str {
        match self {
            ClassCheck::IsInstance => "isinstance",
            ClassCheck::IsSubclass => "issubclass",
        }
    }

    /// The metaclass method that decides for a class that is not a real base.
    fn hook(self) -> &'static str {
        match self {
            ClassCheck::IsInstance => "__instancecheck__",
            ClassCheck::IsSubclass => "__subclasscheck__",
        }
    }
}

/// Whether `subject` (an object for isinstance, a class for issubclass; `class` is its class,
/// or itself) matches `pattern`. A class's real subclasses match at once; otherwise a metaclass's
/// Python `__instancecheck__` / `__subclasscheck__` decides (`abc.ABCMeta`'s registered and
/// hooked virtual subclasses), as CPython's `PyObject_IsInstance` asks `type(cls)`.
fn class_matches(
    vm: &mut Vm,
    th: &mut Thread,
    subject: &Value,
    class: &Rc<crate::value::Class>,
    pattern: &Value,
    check: ClassCheck,
) -> Result<bool, Control> {
    match pattern {
        Value::Class(c) => {
            if class.is_subclass_of(c) {
                return Ok(true);
            }
            match c.metaclass.as_ref().and_then(|meta| crate::class::python_method(meta, check.hook())) {
                Some(hook) => {
                    let verdict = vm.call_nested(th, hook, Args::new(vec![pattern.clone(), subject.clone()]))?;
                    vm.truthy(th, &verdict)
                }
                None => Ok(false),
            }
        }
        Value::Tuple(items) => {
            for item in items.iter() {
                if class_matches(vm, th, subject, class, item, check)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Instance(union) if is_union_type(&union.class) => {
            let members = union.dict.borrow().get(&crate::dict::Name("__args__")).cloned();
            class_matches(vm, th, subject, class, &members.unwrap_or(Value::None), check)
        }
        // An object whose class answers (`list[int]`'s refusal, CPython's PyObject_IsInstance
        // asking `type(cls)`).
        Value::Instance(object) if crate::class::python_method(&object.class, check.hook()).is_some() => {
            let hook = crate::class::python_method(&object.class, check.hook()).expect("checked in the guard");
            let verdict = vm.call_nested(th, hook, Args::new(vec![pattern.clone(), subject.clone()]))?;
            vm.truthy(th, &verdict)
        }
        _ => Err(vm.raise_msg(
            Exc::TypeError,
            format!("{}() arg 2 must be a type, a tuple of types, or a union", check.builtin()),
        )),
    }
}

/// `types.UnionType` (`int | None`, made by `_gilsim_union.union_of`): isinstance() takes it
/// as the tuple of its members, which CPython's `__instancecheck__` amounts to.
fn is_union_type(class: &crate::value::Class) -> bool {
    &*class.name == "UnionType" && &*class.module == "types"
}

/// `isinstance(x, C)` of one class, read on the value stack (CPython's
/// `CALL_NO_KW_ISINSTANCE`): a real base answers at once, and so does a miss when `C` has no
/// metaclass whose `__instancecheck__` could say otherwise; the rest takes [`isinstance`].
pub(crate) fn isinstance_fast(vm: &mut Vm, args: &[Value]) -> Option<Value> {
    let [subject, Value::Class(class)] = args else { return None };
    if vm.class_of(subject).is_subclass_of(class) {
        return Some(Value::Bool(Truth::True));
    }
    class.metaclass.is_none().then_some(Value::Bool(Truth::False))
}

pub(crate) fn isinstance(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "isinstance", args, 2, 2)?;
    let class = vm.class_of(&args.pos[0]);
    Ok(Value::bool(class_matches(vm, th, &args.pos[0], &class, &args.pos[1], ClassCheck::IsInstance)?))
}

pub(crate) fn issubclass(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "issubclass", args, 2, 2)?;
    let Value::Class(class) = &args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "issubclass() arg 1 must be a class"));
    };
    Ok(Value::bool(class_matches(vm, th, &args.pos[0], class, &args.pos[1], ClassCheck::IsSubclass)?))
}
