//! `property` objects: the constructor, the `getter`/`setter`/`deleter` decorators, and the
//! errors of a property that lacks the function an access needs, worded as each CPython
//! version words them (Objects/descrobject.c: `property_descr_get`, `property_descr_set`).

use crate::builtins::{arity, kwarg};
use crate::native::{native, Args, Control, NResult};
use crate::value::{Descriptor, Instance, Value};
use crate::{Exc, Thread, Vm};
use gilsim_core::PythonVersion;
use std::rc::Rc;

native!(PROPERTY, "property", property);

/// `property(fget=None, fset=None, fdel=None, doc=None)`, positionally or by keyword.
fn property(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "property", args, 0, 4)?;
    const PARAMETERS: [&str; 4] = ["fget", "fset", "fdel", "doc"];
    if let Some((name, _)) = args.kw.iter().find(|(k, _)| !PARAMETERS.contains(&&**k)) {
        let message = if vm.options.python >= PythonVersion::new(3, 13) {
            format!("property() got an unexpected keyword argument '{name}'")
        } else if vm.options.python >= PythonVersion::new(3, 9) {
            format!("'{name}' is an invalid keyword argument for property()")
        } else {
            format!("'{name}' is an invalid keyword argument for this function")
        };
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    let given = |i: usize| {
        let v = args.pos.get(i).cloned().or_else(|| kwarg(args, PARAMETERS[i]));
        v.filter(|v| !matches!(v, Value::None))
    };
    let property =
        Descriptor { doc: given(3), ..Descriptor::property(given(0).unwrap_or(Value::None), given(1), given(2)) };
    Ok(Value::Descriptor(Rc::new(property)))
}

/// Which function of a property a decorator replaces.
#[derive(Clone, Copy)]
enum Accessor {
    Getter,
    Setter,
    Deleter,
}

// `@prop.getter` / `@prop.setter` / `@prop.deleter`: a copy of the property with that
// function replaced.
native!(PROPERTY_GETTER, "property.getter", |vm, _th, args| property_with(vm, args, Accessor::Getter));
native!(PROPERTY_SETTER, "property.setter", |vm, _th, args| property_with(vm, args, Accessor::Setter));
native!(PROPERTY_DELETER, "property.deleter", |vm, _th, args| property_with(vm, args, Accessor::Deleter));

fn property_with(vm: &mut Vm, args: &Args, accessor: Accessor) -> NResult {
    let name = match accessor {
        Accessor::Getter => "getter",
        Accessor::Setter => "setter",
        Accessor::Deleter => "deleter",
    };
    arity(vm, name, args, 2, 2)?;
    let Value::Descriptor(old) = &args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "a property is required"));
    };
    let function = args.pos[1].clone();
    let (mut getter, mut setter, mut deleter) = (old.func.clone(), old.setter.clone(), old.deleter.clone());
    match accessor {
        Accessor::Getter => getter = function,
        Accessor::Setter => setter = Some(function),
        Accessor::Deleter => deleter = Some(function),
    }
    let property = Descriptor { doc: old.doc.clone(), ..Descriptor::property(getter, setter, deleter) };
    Ok(Value::Descriptor(Rc::new(property)))
}

/// What an access wanted of a property.
#[derive(Clone, Copy)]
pub(crate) enum PropertyAccess {
    Get,
    Set,
    Delete,
}

impl Vm {
    /// AttributeError: `inst.name` is a property without the function `access` needs.
    pub(crate) fn property_error(&mut self, inst: &Instance, name: &str, access: PropertyAccess) -> Control {
        let python = self.options.python;
        let message = if python >= PythonVersion::new(3, 11) {
            let lacks = match access {
                PropertyAccess::Get => "getter",
                PropertyAccess::Set => "setter",
                PropertyAccess::Delete => "deleter",
            };
            format!("property '{name}' of '{}' object has no {lacks}", inst.class.name)
        } else {
            let what = match access {
                PropertyAccess::Get => "unreadable attribute",
                PropertyAccess::Set => "can't set attribute",
                PropertyAccess::Delete => "can't delete attribute",
            };
            if python >= PythonVersion::new(3, 10) {
                format!("{what} '{name}'")
            } else {
                what.to_string()
            }
        };
        self.raise_msg(Exc::AttributeError, message)
    }
}
