//! The dunder methods `object`, `BaseException` and the built-in containers define in CPython,
//! for the calls that name them: `super().__repr__()` in a class's own `__repr__`,
//! `super().__str__()` in an exception's `__str__`, `object.__eq__(a, b)`,
//! `object.__repr__(self)` for the default text of an object that has its own `__repr__`.
//!
//! Invariant: these natives are found only by attribute lookup. The interpreter's own
//! `repr()`, `str()`, `==` and `hash()` look for Python methods (`Vm::user_method`) and take
//! their built-in paths otherwise, so a class that defines nothing behaves as before.
//!
//! The built-in types reach these too (`float.__repr__`, `int.__eq__`, `str.__format__`), and
//! given a built-in value they answer as that type's own slot does in CPython: its repr, its
//! text, its hash, a comparison with a value of its kind (NotImplemented with another).
//! A subclass of tuple, str, int or float hands them its value (crate::immutable_subclass).

use crate::builtins::{arity, type_name_of};
use crate::native::{native, Args, Control, NResult};
use crate::value::{Slot, Value};
use crate::{Exc, Thread, Vm};
use gilsim_bytecode::CmpOp;

impl Vm {
    /// The `NotImplemented` singleton.
    pub(crate) fn not_implemented(&self) -> Value {
        let found = self.builtins.iter().find(|(name, _)| *name == "NotImplemented");
        found.map(|(_, v)| v.clone()).expect("NotImplemented is a builtin of every version")
    }
}

native!(OBJECT_REPR, "object.__repr__", |vm, th, args| {
    arity(vm, "__repr__", args, 1, 1)?;
    if is_builtin_value(&args.pos[0]) {
        return Ok(Value::str(&vm.repr_of(th, &args.pos[0])?));
    }
    Ok(Value::str(&vm.object_repr(&args.pos[0])))
});

/// A value of a built-in type with a slot of its own (not an instance, class or function).
fn is_builtin_value(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_)
            | Value::Bool(_)
            | Value::Long(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Tuple(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
    )
}

/// `a`, a built-in value, and `b` (or its value, for a built-in's subclass) when the
/// built-in's comparison takes `b`: numbers with numbers, otherwise one kind. None: another
/// kind, whose answer is NotImplemented.
fn comparable<'a>(a: &'a Value, b: &'a Value) -> Option<(&'a Value, &'a Value)> {
    let b = crate::immutable_subclass::value_of(b);
    let number = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::Long(_) | Value::Float(_));
    let same = (number(a) && number(b)) || std::mem::discriminant(a) == std::mem::discriminant(b);
    (is_builtin_value(a) && same).then_some((a, b))
}

// CPython's object_str: the object's repr, its class's `__repr__` included.
native!(OBJECT_STR, "object.__str__", |vm, th, args| {
    arity(vm, "__str__", args, 1, 1)?;
    if let Value::Str(_) = &args.pos[0] {
        return Ok(args.pos[0].clone());
    }
    Ok(Value::str(&vm.repr_of(th, &args.pos[0])?))
});

native!(OBJECT_HASH, "object.__hash__", |vm, th, args| {
    arity(vm, "__hash__", args, 1, 1)?;
    if is_builtin_value(&args.pos[0]) {
        return Ok(Value::Int(vm.hash_of(th, &args.pos[0])?));
    }
    Ok(Value::Int(crate::hash::hash_id(vm.object_id(&args.pos[0]))))
});

native!(OBJECT_EQ, "object.__eq__", |vm, th, args| {
    arity(vm, "__eq__", args, 2, 2)?;
    if let Some((a, b)) = comparable(&args.pos[0], &args.pos[1]) {
        let (a, b) = (a.clone(), b.clone());
        return Ok(Value::bool(vm.equal(th, &a, &b)?));
    }
    Ok(if args.pos[0].is(&args.pos[1]) { Value::bool(true) } else { vm.not_implemented() })
});

// CPython's object_richcompare for `!=`: the inverse of the class's `__eq__`, unless that
// is NotImplemented.
native!(OBJECT_NE, "object.__ne__", |vm, th, args| {
    arity(vm, "__ne__", args, 2, 2)?;
    if let Some((a, b)) = comparable(&args.pos[0], &args.pos[1]) {
        let (a, b) = (a.clone(), b.clone());
        return Ok(Value::bool(!vm.equal(th, &a, &b)?));
    }
    let (a, b) = (args.pos[0].clone(), args.pos[1].clone());
    let equal = match vm.user_method(&a, "__eq__") {
        Some(eq) => vm.call_nested(th, eq, Args::new(vec![a, b]))?,
        None if a.is(&b) => Value::bool(true),
        None => return Ok(vm.not_implemented()),
    };
    if vm.is_not_implemented(&equal) {
        return Ok(equal);
    }
    Ok(Value::bool(!vm.truthy(th, &equal)?))
});

native!(OBJECT_LT, "object.__lt__", |vm, th, args| ordering(vm, th, args, CmpOp::Lt));
native!(OBJECT_LE, "object.__le__", |vm, th, args| ordering(vm, th, args, CmpOp::Le));
native!(OBJECT_GT, "object.__gt__", |vm, th, args| ordering(vm, th, args, CmpOp::Gt));
native!(OBJECT_GE, "object.__ge__", |vm, th, args| ordering(vm, th, args, CmpOp::Ge));

/// `object`'s orderings answer NotImplemented (the TypeError is the operator's); a built-in
/// value's order a value of its kind.
fn ordering(vm: &mut Vm, th: &mut Thread, args: &Args, op: CmpOp) -> NResult {
    let name = match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Gt => "__gt__",
        _ => "__ge__",
    };
    arity(vm, name, args, 2, 2)?;
    if let Some((a, b)) = comparable(&args.pos[0], &args.pos[1]) {
        let (a, b) = (a.clone(), b.clone());
        return vm.compare(th, op, &a, &b);
    }
    Ok(vm.not_implemented())
}

native!(OBJECT_FORMAT, "object.__format__", |vm, th, args| {
    arity(vm, "__format__", args, 2, 2)?;
    let spec = match &args.pos[1] {
        Value::Str(spec) => spec.clone(),
        other => {
            let message = format!("__format__() argument 2 must be str, not {}", type_name_of(other));
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
    };
    if is_builtin_value(&args.pos[0]) {
        return Ok(Value::str(&vm.format_with_spec(th, &args.pos[0], &spec)?));
    }
    if !spec.is_empty() {
        let message = format!("unsupported format string passed to {}.__format__", type_name_of(&args.pos[0]));
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    Ok(Value::str(&vm.str_of(th, &args.pos[0])?))
});

native!(OBJECT_GETATTRIBUTE, "object.__getattribute__", |vm, th, args| {
    arity(vm, "__getattribute__", args, 2, 2)?;
    match &args.pos[1] {
        Value::Str(name) => vm.generic_get_attr(th, &args.pos[0], &name.clone(), false),
        other => {
            let message = format!("attribute name must be string, not '{}'", type_name_of(other));
            Err(vm.raise_msg(Exc::TypeError, message))
        }
    }
});

/// The exception `args[0]` is, or the TypeError of a descriptor called on something else.
fn exception_receiver(vm: &mut Vm, args: &Args, name: &str) -> Result<std::rc::Rc<crate::value::Instance>, Control> {
    arity(vm, name, args, 1, 1)?;
    match &args.pos[0] {
        Value::Instance(inst) if matches!(inst.slot, Slot::Exception(_)) => Ok(inst.clone()),
        other => {
            let message = format!(
                "descriptor '{name}' requires a 'BaseException' object but received a '{}'",
                type_name_of(other)
            );
            Err(vm.raise_msg(Exc::TypeError, message))
        }
    }
}

native!(EXCEPTION_STR, "BaseException.__str__", |vm, th, args| {
    let inst = exception_receiver(vm, args, "__str__")?;
    Ok(Value::str(&vm.exception_str(th, &args.pos[0], &inst)?))
});

native!(EXCEPTION_REPR, "BaseException.__repr__", |vm, th, args| {
    let inst = exception_receiver(vm, args, "__repr__")?;
    Ok(Value::str(&vm.exception_repr(th, &inst)?))
});

// The container types' own repr, of a subclass's items too (`super().__repr__()` in a dict
// subclass); `__str__` is object's, which calls the class's `__repr__`.
native!(CONTAINER_REPR, "list.__repr__", |vm, th, args| {
    arity(vm, "__repr__", args, 1, 1)?;
    let v = &args.pos[0];
    let value = v.builtin_base().unwrap_or(v).clone();
    Ok(Value::str(&vm.repr_value(th, &value)?))
});

/// Install the methods on `object`, `BaseException` and the built-in containers.
pub(crate) fn install(t: &crate::types::Types) {
    crate::methods::add(
        &t.object,
        &[
            ("__repr__", &OBJECT_REPR),
            ("__str__", &OBJECT_STR),
            ("__hash__", &OBJECT_HASH),
            ("__eq__", &OBJECT_EQ),
            ("__ne__", &OBJECT_NE),
            ("__lt__", &OBJECT_LT),
            ("__le__", &OBJECT_LE),
            ("__gt__", &OBJECT_GT),
            ("__ge__", &OBJECT_GE),
            ("__format__", &OBJECT_FORMAT),
            ("__getattribute__", &OBJECT_GETATTRIBUTE),
        ],
    );
    crate::methods::add(
        &t.exception(Exc::BaseException),
        &[("__str__", &EXCEPTION_STR), ("__repr__", &EXCEPTION_REPR)],
    );
    for class in [&t.list, &t.dict, &t.tuple, &t.set, &t.frozenset] {
        crate::methods::add(class, &[("__repr__", &CONTAINER_REPR)]);
    }
}
