//! Loading an attribute (`LoadAttr`, and `LoadMethod` when no method is found on the type):
//! the common cases first — an ordinary instance's own attribute, a function of its class —
//! then the general [`Vm::get_attr`]; a read of the script's data (an instance's or class's
//! own attribute, a function's) is reported to the detectors.

use crate::native::Control;
use crate::value::{Hooks, Slot, Str, Value};
use crate::{Thread, Vm};
use gilsim_bytecode::CodeObject;
use std::rc::Rc;

impl Vm {
    /// `module.name` when the module's dict has it: what [`Vm::get_attr`] finds first, without
    /// its general path (`_gilsim.is_owned` on every `notify()`, `time.sleep` in a script),
    /// by the attribute hints. Not data for the detectors, as on that path.
    fn module_own_attribute(&mut self, obj: &Value, name: &Str) -> Option<Value> {
        let Value::Module(module) = obj else { return None };
        self.attr_hints.module_value(&module.dict.borrow(), Rc::as_ptr(module) as usize, name)
    }

    /// `obj.name`, reported to the detectors when it reads data of the script's objects.
    pub(crate) fn load_attribute(
        &mut self,
        th: &mut Thread,
        code: &CodeObject,
        ip: usize,
        obj: &Value,
        name: &Str,
    ) -> Result<Value, Control> {
        // The common case first: an attribute in an ordinary instance's own dict that no data
        // descriptor of its class overrides (what `get_attr` would find; a data attribute).
        let own = match obj {
            Value::Instance(inst) if !matches!(inst.slot, Slot::Local(_)) => {
                let own = self.attr_hints.value_of(&inst.dict.borrow(), &inst.class, name);
                own.filter(|_| {
                    !inst.class.has_hook(Hooks::DATA_DESCRIPTORS)
                        || !inst.class.has_hook(Hooks::GETATTRIBUTE)
                            && !self.class_lookup(&inst.class, name).is_some_and(|attr| attr.is_data_descriptor())
                })
            }
            _ => None,
        };
        let (v, data) = match own {
            Some(v) => (v, true),
            None => match self.bound_class_function(obj, name).or_else(|| self.module_own_attribute(obj, name)) {
                Some(method) => (method, false),
                None => {
                    let v = self.at_tail().get_attr(th, obj, name)?;
                    (v, is_data_attribute(obj, name))
                }
            },
        };
        if code.module == 0 && data {
            self.note_script_read(code);
            if let Some(site) = self.site(code, ip, th.tid) {
                self.note_attribute(site, obj, name, &v, false);
            }
        }
        Ok(v)
    }

    /// `obj.name` in the library's code (`self._lock`, `self.queue` in `queue.py`), when it is
    /// an ordinary instance's own attribute and its class has no data descriptor at all: what
    /// [`Vm::load_attribute`] finds first, with nothing to report (the detectors watch the
    /// script's accesses). Inline in the dispatch; `None` sends the load the whole way.
    #[inline]
    pub(crate) fn library_own_attribute(&mut self, obj: &Value, name: &Str) -> Option<Value> {
        match obj {
            Value::Instance(inst)
                if !matches!(inst.slot, Slot::Local(_)) && !inst.class.has_hook(Hooks::DATA_DESCRIPTORS) =>
            {
                self.attr_hints.value_of(&inst.dict.borrow(), &inst.class, name)
            }
            _ => None,
        }
    }

    /// `obj.name` when it is a function or built-in function on an ordinary instance's class:
    /// what [`Vm::get_attr`] makes of it (a bound method; a built-in function that is no
    /// method comes back unbound, [`crate::call::bind_native`]), its class lookup answered by the lookup cache
    /// (`self._lock.__exit__(*args)`, on every `with` of a Condition, loads a method as an
    /// attribute). Called once [`Vm::load_attribute`] found no `name` it could use in the
    /// instance's dict: it sets one aside only when the class's `name` is a data descriptor,
    /// never a function, so a function found here means the dict has no `name`.
    fn bound_class_function(&mut self, obj: &Value, name: &Str) -> Option<Value> {
        let Value::Instance(inst) = obj else { return None };
        if matches!(inst.slot, Slot::Local(_)) || self.getattribute_hooks && crate::call::has_getattribute(&inst.class)
        {
            return None;
        }
        match self.class_lookup(&inst.class, name)? {
            method @ Value::Function(_) => Some(Value::BoundMethod(Rc::new((obj.clone(), method)))),
            Value::Native(native) => Some(crate::call::bind_native(obj, native)),
            _ => None,
        }
    }
}

/// Whether `obj.name` is data stored on `obj` itself (an instance's own attribute, or a
/// class attribute read through the class), not a method or a class attribute seen through
/// an instance.
fn is_data_attribute(obj: &Value, name: &Str) -> bool {
    match obj {
        Value::Instance(inst) => inst.dict.borrow().contains_key(&crate::dict::Name(name)),
        Value::Class(class) => class
            .dict
            .borrow()
            .get(name)
            .is_some_and(|v| !matches!(v, Value::Function(_) | Value::Native(_) | Value::Descriptor(_))),
        Value::Function(f) => f.attrs.borrow().contains_key(&**name),
        _ => false,
    }
}
