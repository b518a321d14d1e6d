//! Subclasses of the immutable built-ins `tuple`, `str`, `int` and `float` (a `namedtuple`, a
//! `class Point(tuple)`, `class Token(str)`, `class Money(int)`): an instance is a
//! [`Slot::Builtin`] around the built-in value, made when the instance is (CPython's
//! `tp_new`), which the operations that look through a built-in base (`len`, indexing,
//! iteration, comparison, arithmetic, `repr`) use as the value.
//!
//! Invariant: the value never changes after creation, and the built-in type's own methods
//! (`str.upper`, `tuple.count`, `int.bit_length`) see the value, not the instance — so their
//! results are plain built-ins, as CPython's are (`Token("a").upper()` is a `str`) — while
//! `object`'s methods (`__setattr__`, `__reduce_ex__`) and the subclass's own see the instance.

use crate::frame::ReturnMode;
use crate::interp::Invoked;
use crate::native::{Args, Control, NativeFn};
use crate::value::{BuiltinKind, Class, Instance, Slot, Value};
use crate::{Thread, Vm};
use std::rc::Rc;

/// Whether instances of a subclass of a built-in of this kind hold the value it was made with.
pub(crate) fn is_immutable_kind(kind: BuiltinKind) -> bool {
    matches!(kind, BuiltinKind::Tuple | BuiltinKind::Str | BuiltinKind::Int | BuiltinKind::Float)
}

/// Whether `v` is a value of one of these built-ins (the base of such an instance).
fn is_immutable_value(v: &Value) -> bool {
    matches!(v, Value::Tuple(_) | Value::Str(_) | Value::Int(_) | Value::Long(_) | Value::Float(_))
}

/// The value of an instance of such a subclass that hashes and compares as its value: one
/// whose class gave it no key class of its own (a Python `__hash__`, see crate::user_hash).
pub(crate) fn immutable_base(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(inst) if inst.key_class.get() == 0 => match &inst.slot {
            Slot::Builtin(base) if is_immutable_value(base) => Some(base),
            _ => None,
        },
        _ => None,
    }
}

/// `v`, or the value of an instance of such a subclass: what CPython's C code that takes one
/// of these built-ins (`PyLong_Check`, `PyFloat_Check` pass a subclass) reads of it.
pub(crate) fn value_of(v: &Value) -> &Value {
    immutable_base(v).unwrap_or(v)
}

impl Vm {
    /// `Class(*args)` for a subclass of an immutable built-in: its Python `__new__` if it has
    /// one; otherwise the built-in makes the value from the arguments, and a Python
    /// `__init__` then runs with the same arguments (the built-in's ignores them, as
    /// CPython's `object.__init__` does when `__new__` is overridden).
    pub(crate) fn instantiate_immutable(
        &mut self,
        th: &mut Thread,
        class: Rc<Class>,
        builtin: Rc<Class>,
        args: Args,
        mode: ReturnMode,
    ) -> Result<Invoked, Control> {
        if let Some(new @ Value::Function(_)) = class.lookup("__new__") {
            return self.call_user_new(th, class, new, args, mode);
        }
        let value = self.call_nested(th, Value::Class(builtin), args.clone())?;
        let made = self.immutable_instance(class.clone(), value);
        let init_mode = if matches!(mode, ReturnMode::Nested) { ReturnMode::Nested } else { ReturnMode::Push };
        Ok(self.init_after_new(th, &class, &made, args, init_mode)?.unwrap_or(Invoked::Returned(made, false)))
    }

    /// `tuple.__new__(cls, *args)` (and `str`'s, `int`'s, `float`'s) for a subclass `cls` of
    /// that built-in (`kind`): an instance of `cls` whose value is the built-in's of `args`;
    /// its `__init__` is not called. None when the first argument is no such class — the
    /// call is the constructor's. `str(cls)` of one argument stays the class's text.
    pub(crate) fn new_immutable_subclass(
        &mut self,
        th: &mut Thread,
        args: &Args,
        kind: BuiltinKind,
    ) -> Result<Option<Value>, Control> {
        let Some(Value::Class(class)) = args.pos.first() else { return Ok(None) };
        let builtin = self.builtin_ancestor(class);
        if builtin.kind != kind || Rc::ptr_eq(&builtin, class) || kind == BuiltinKind::Str && args.pos.len() < 2 {
            return Ok(None);
        }
        let class = class.clone();
        let rest = Args { pos: args.pos[1..].to_vec(), kw: args.kw.clone() };
        let value = self.call_nested(th, Value::Class(builtin), rest)?;
        Ok(Some(self.immutable_instance(class, value)))
    }

    fn immutable_instance(&mut self, class: Rc<Class>, value: Value) -> Value {
        self.note_alloc(128);
        let instance = Rc::new(Instance::new(class, Slot::Builtin(value)));
        crate::finalizers::on_new(&instance);
        Value::Instance(instance)
    }

    /// Before a method of a built-in runs: if its receiver is an instance of an immutable
    /// built-in's subclass and the method is that built-in's own, the receiver becomes the
    /// value (see the module's invariant). Out of line: most receivers are no such instance.
    #[inline(never)]
    pub(crate) fn unwrap_immutable_receiver(&self, native: &NativeFn, args: &mut Args) {
        let Some(Value::Instance(inst)) = args.pos.first() else { return };
        let Slot::Builtin(base) = &inst.slot else { return };
        if !is_immutable_value(base) {
            return;
        }
        let own = self
            .class_of(base)
            .dict
            .borrow_unnoted()
            .values()
            .any(|v| matches!(v, Value::Native(n) if std::ptr::eq(*n, native)));
        if own || overrides_in_c(base, native) {
            args.pos[0] = base.clone();
        }
    }
}

/// Whether CPython's type of `base` has a slot of its own where gilsim's shares `object`'s
/// native (crate::object_methods): repr, hash and the comparisons for all four, `__format__`
/// for str, int and float, `__str__` for str alone (int's and float's text is their repr).
fn overrides_in_c(base: &Value, native: &NativeFn) -> bool {
    use crate::object_methods as object;
    let is = |other: &NativeFn| std::ptr::eq(native, other);
    let shared = [&object::OBJECT_REPR, &object::OBJECT_HASH, &object::OBJECT_EQ, &object::OBJECT_NE];
    let orderings = [&object::OBJECT_LT, &object::OBJECT_LE, &object::OBJECT_GT, &object::OBJECT_GE];
    if shared.into_iter().chain(orderings).any(is) {
        return true;
    }
    match base {
        Value::Str(_) => is(&object::OBJECT_STR) || is(&object::OBJECT_FORMAT),
        Value::Tuple(_) => false,
        _ => is(&object::OBJECT_FORMAT),
    }
}
