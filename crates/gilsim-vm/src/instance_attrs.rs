//! Storing and deleting an instance attribute as `object.__setattr__` and `__delattr__` do — a
//! descriptor's setter or deleter (`__set__`/`__delete__`, a property's), then the
//! `__slots__` check, then the instance dict — and the natives `object.__setattr__` and
//! `object.__delattr__` that a class's own hooks call to get there.

use crate::builtins::arity;
use crate::hooks::Then;
use crate::native::{native, Args, Control};
use crate::property::PropertyAccess;
use crate::value::{DescriptorKind, Hooks, Instance, Str, Value};
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
        // CPython's PyObject_GenericSetAttr: a descriptor on the class with a setter takes
        // the store.
        let found =
            if inst.class.has_hook(Hooks::STORE_DESCRIPTORS) { self.class_lookup(&inst.class, name) } else { None };
        if let Some(set) = found.as_ref().and_then(|attr| self.user_method(attr, "__set__")) {
            let args = vec![found.expect("found"), obj.clone(), value];
            return self.call_hook(th, tail, set, args, Then::Nothing).map(|_| ());
        }
        if found.as_ref().is_some_and(|attr| self.user_method(attr, "__delete__").is_some()) {
            // A descriptor with `__delete__` alone still takes the store (CPython's
            // slot_tp_descr_set), which finds no `__set__`.
            return Err(self.raise_msg(Exc::AttributeError, "__set__"));
        }
        if let Some(Value::Descriptor(d)) = found {
            if d.kind == DescriptorKind::Property {
                let setter = d.setter.borrow().clone();
                return match setter {
                    Some(setter) => {
                        self.call_hook(th, tail, setter, vec![obj.clone(), value], Then::Nothing).map(|_| ())
                    }
                    None => Err(self.property_error(inst, name, PropertyAccess::Set)),
                };
            }
        }
        if matches!(inst.slot, crate::value::Slot::Exception(_)) {
            if let Some(done) = self.set_chaining_attribute(obj, name, value.clone()) {
                return done;
            }
        }
        if let Some(slots) = &inst.class.slots {
            if !slots.iter().any(|n| **n == **name) {
                let mut message = format!("'{}' object has no attribute '{name}'", inst.class.type_name());
                if self.options.python >= PythonVersion::new(3, 13) {
                    message.push_str(" and no __dict__ for setting new attributes");
                }
                return Err(self.raise_msg(Exc::AttributeError, message));
            }
        }
        inst.set_attr_named(&mut self.attr_hints, name, value);
        Ok(())
    }

    /// `del obj.name` as `object.__delattr__` does: a descriptor on the class with a deleter
    /// (`__delete__`, a property's `fdel`) takes it, else the instance dict.
    pub(crate) fn delete_instance_attr(
        &mut self,
        th: &mut Thread,
        inst: &Instance,
        obj: &Value,
        name: &str,
    ) -> Result<(), Control> {
        let found = inst.class.lookup(name);
        if let Some(delete) = found.as_ref().and_then(|attr| self.user_method(attr, "__delete__")) {
            let args = Args::new(vec![found.expect("found"), obj.clone()]);
            return self.call_nested(th, delete, args).map(|_| ());
        }
        if found.as_ref().is_some_and(|attr| self.user_method(attr, "__set__").is_some()) {
            // The same slot takes deletes from a descriptor with `__set__` alone.
            return Err(self.raise_msg(Exc::AttributeError, "__delete__"));
        }
        if let Some(Value::Descriptor(d)) = &found {
            if d.kind == DescriptorKind::Property {
                let deleter = d.deleter.borrow().clone();
                return match deleter {
                    Some(deleter) => self.call_nested(th, deleter, Args::new(vec![obj.clone()])).map(|_| ()),
                    None => Err(self.property_error(inst, name, PropertyAccess::Delete)),
                };
            }
        }
        if inst.remove_attr(name) {
            Ok(())
        } else {
            Err(self.attribute_error(obj, name))
        }
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
    arity(vm, "__setattr__", args, 3, 3)?;
    let (inst, name) = instance_and_name(vm, args, "__setattr__")?;
    vm.store_instance_attr(th, &inst, &args.pos[0], &name, args.pos[2].clone(), false)?;
    Ok(Value::None)
});

native!(OBJECT_DELATTR, "object.__delattr__", |vm, th, args| {
    arity(vm, "__delattr__", args, 2, 2)?;
    let (inst, name) = instance_and_name(vm, args, "__delattr__")?;
    vm.delete_instance_attr(th, &inst, &args.pos[0], &name)?;
    Ok(Value::None)
});
