//! Storing an instance attribute as `object.__setattr__` does — a property's setter, then the
//! `__slots__` check, then the instance dict — and the natives `object.__setattr__` and
//! `object.__delattr__` that a class's own hooks call to get there.

use crate::builtins::arity;
use crate::hooks::Then;
use crate::native::{native, Args, Control};
use crate::value::{DescriptorKind, Instance, Str, Value};
use crate::{Exc, Thread, Vm};
use gilsim_core::PythonVersion;
use std::rc::Rc;

impl Vm {
    /// `object.__setattr__(obj, name, value)`; `tail`: a setter written in Python may run as
    /// a hook frame.
    pub(crate) fn store_instance_attr(
        &mut self,
        th: &mut Thread,
        inst: &Rc<Instance>,
        obj: &Value,
        name: &Str,
        value: Value,
        tail: bool,
    ) -> Result<(), Control> {
        if let Some(Value::Descriptor(d)) = self.class_lookup(&inst.class, name) {
            if d.kind == DescriptorKind::Property {
                let setter = d.setter.borrow().clone();
                return match setter {
                    Some(setter) => {
                        self.call_hook(th, tail, setter, vec![obj.clone(), value], Then::Nothing).map(|_| ())
                    }
                    None => Err(self.raise_msg(
                        Exc::AttributeError,
                        format!("property '{name}' of '{}' object has no setter", inst.class.name),
                    )),
                };
            }
        }
        if let Some(slots) = &inst.class.slots {
            if !slots.iter().any(|n| **n == **name) {
                let mut message = format!("'{}' object has no attribute '{name}'", inst.class.name);
                if self.options.python >= PythonVersion::new(3, 13) {
                    message.push_str(" and no __dict__ for setting new attributes");
                }
                return Err(self.raise_msg(Exc::AttributeError, message));
            }
        }
        inst.set_attr_named(name, value);
        Ok(())
    }
}

/// The instance and attribute name a native hook was called with.
fn instance_and_name(vm: &mut Vm, args: &Args, what: &str) -> Result<(Rc<Instance>, Str), Control> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(Value::Instance(inst)), Some(Value::Str(name))) => Ok((inst.clone(), name.clone())),
        (Some(_), Some(Value::Str(_))) => {
            Err(vm.raise_msg(Exc::TypeError, format!("gilsim supports object.{what}() on instances of classes")))
        }
        _ => Err(vm.raise_msg(Exc::TypeError, "attribute name must be string")),
    }
}

native!(OBJECT_SETATTR, "object.__setattr__", |vm, th, args| {
    arity(vm, "__setattr__", &args, 3, 3)?;
    let (inst, name) = instance_and_name(vm, &args, "__setattr__")?;
    vm.store_instance_attr(th, &inst, &args.pos[0], &name, args.pos[2].clone(), false)?;
    Ok(Value::None)
});

native!(OBJECT_DELATTR, "object.__delattr__", |vm, _th, args| {
    arity(vm, "__delattr__", &args, 2, 2)?;
    let (inst, name) = instance_and_name(vm, &args, "__delattr__")?;
    if !inst.remove_attr(&name) {
        return Err(vm.attribute_error(&args.pos[0], &name));
    }
    Ok(Value::None)
});
