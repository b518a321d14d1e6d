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
                let setter = d.setter.clone();
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
        let slotted_out = inst.class.slots.as_ref().is_some_and(|slots| !slots.iter().any(|n| **n == **name));
        if slotted_out || !self.has_instance_dict(inst) {
            return Err(self.no_dict_error(obj, name));
        }
        inst.set_attr_named(&mut self.attr_hints, name, value);
        Ok(())
    }

    /// Whether an instance of a built-in type has a `__dict__` for attributes of its own:
    /// `object()` and locks have none (CPython's `object` and `_thread.lock` are C types
    /// without one), exceptions and the script's own classes have one.
    fn has_instance_dict(&self, inst: &Instance) -> bool {
        use crate::value::Slot;
        match &inst.slot {
            Slot::Lock(_) | Slot::Generator(_) | Slot::Weak(_) => !inst.class.frozen,
            Slot::None => !Rc::ptr_eq(&inst.class, &self.types.object),
            _ => true,
        }
    }

    /// Setting or deleting attribute `name` of an object without a `__dict__` (a list, an
    /// int, an instance its `__slots__` leave no room in): read-only where its type has the
    /// attribute, else missing — "and no __dict__ ..." from 3.13.
    pub(crate) fn no_dict_error(&mut self, obj: &Value, name: &str) -> Control {
        let type_name = crate::builtins::type_name_of(obj);
        let class = self.class_of(obj);
        if class.frozen && !matches!(obj, Value::Instance(_)) && class.lookup(name).is_some() {
            return self
                .raise_msg(Exc::AttributeError, format!("'{type_name}' object attribute '{name}' is read-only"));
        }
        let mut message = format!("'{type_name}' object has no attribute '{name}'");
        if self.options.python >= PythonVersion::new(3, 13) {
            message.push_str(" and no __dict__ for setting new attributes");
        }
        self.raise_msg(Exc::AttributeError, message)
    }

    /// `del obj.name` of an attribute missing from the object's dict: before 3.11 the error
    /// is the bare name (CPython's dict lookup's KeyError turned AttributeError); from 3.11
    /// the usual message (`type object 'A'` for a class).
    pub(crate) fn missing_on_delete(&mut self, obj: &Value, name: &str) -> Control {
        if self.options.python < PythonVersion::new(3, 11) {
            return self.raise_msg(Exc::AttributeError, name);
        }
        match obj {
            Value::Class(class) => {
                let message = format!("type object '{}' has no attribute '{name}'", class.type_name());
                self.raise_msg(Exc::AttributeError, message)
            }
            _ => self.attribute_error(obj, name),
        }
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
                let deleter = d.deleter.clone();
                return match deleter {
                    Some(deleter) => self.call_nested(th, deleter, Args::new(vec![obj.clone()])).map(|_| ()),
                    None => Err(self.property_error(inst, name, PropertyAccess::Delete)),
                };
            }
        }
        let slot_member = inst.class.slots.as_ref().map(|slots| slots.iter().any(|n| &**n == name));
        if slot_member == Some(false) || !self.has_instance_dict(inst) {
            Err(self.no_dict_error(obj, name))
        } else if inst.remove_attr(name) {
            Ok(())
        } else if slot_member == Some(true) {
            // An unset `__slots__` member: the bare name, in every version.
            Err(self.raise_msg(Exc::AttributeError, name))
        } else {
            Err(self.missing_on_delete(obj, name))
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
