//! Python exceptions as data: creating them with CPython's messages, matching `except`
//! clauses, collecting tracebacks, and rendering CPython's `Traceback (most recent call
//! last):` report with the script's own file and lines.

use crate::native::{native, Args, Control, NResult};
use crate::types::Types;
use crate::value::{Class, ExceptionData, Slot, Str, Value};
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_bytecode::CodeId;
use gilsim_core::PythonVersion;
use std::cell::RefCell;
use std::rc::Rc;

native!(BASE_EXCEPTION_INIT, "BaseException.__init__", base_exception_init);

fn base_exception_init(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    if let Some(Value::Instance(inst)) = args.pos.first() {
        if !args.kw.is_empty() {
            vm.exception_keywords(inst, &args.kw)?;
        }
        vm.set_exception_attributes(inst, args.pos[1..].to_vec());
    }
    Ok(Value::None)
}

pub fn install(types: &Types) {
    types
        .exception(Exc::BaseException)
        .dict
        .borrow_mut()
        .insert("__init__".into(), Value::Native(&BASE_EXCEPTION_INIT));
}

/// The traceback and chaining data of an exception instance (None for any other value).
pub(crate) fn exception_data(exc: &Value) -> Option<&RefCell<ExceptionData>> {
    match exc {
        Value::Instance(inst) => match &inst.slot {
            Slot::Exception(data) => Some(data),
            _ => None,
        },
        _ => None,
    }
}

/// Record that `exc` is being raised.
pub fn mark_raised(exc: &Value) {
    if let Some(data) = exception_data(exc) {
        data.borrow_mut().raised = true;
    }
}

/// Record that `exc` passed through `code` at instruction `instr`.
pub fn add_traceback(exc: &Value, code: CodeId, instr: u32) {
    if let Some(data) = exception_data(exc) {
        data.borrow_mut().traceback.push((code, instr));
    }
}

impl Vm {
    pub(crate) fn exception_class(&self, exc: Exc) -> Rc<Class> {
        self.types.exception(exc)
    }

    /// A new built-in exception instance with the given args.
    pub(crate) fn new_exception_args(&mut self, class: Exc, args: Vec<Value>) -> Value {
        let class = self.exception_class(class);
        self.instantiate_exception(class, args)
    }

    pub(crate) fn instantiate_exception(&mut self, class: Rc<Class>, args: Vec<Value>) -> Value {
        let inst = crate::value::Instance::new(class, Slot::Exception(Default::default()));
        self.set_exception_attributes(&inst, args);
        Value::Instance(Rc::new(inst))
    }

    /// Whether `name` is one of the fields CPython keeps in the C struct of `class`'s
    /// built-in exception base (`args`, `SystemExit.code`, `OSError.errno`...), which gilsim
    /// keeps in the instance dict: they are not in `__dict__`, nor in what pickling sends.
    pub(crate) fn is_exception_field(&self, class: &Rc<Class>, name: &str) -> bool {
        let derives = |exc| class.is_subclass_of(&self.exception_class(exc));
        match name {
            "args" => true,
            "code" => derives(Exc::SystemExit),
            "value" => derives(Exc::StopIteration),
            "errno" | "strerror" | "filename" | "filename2" => derives(Exc::OSError),
            "message" | "exceptions" => derives(Exc::BaseExceptionGroup),
            _ => false,
        }
    }

    /// `dict` (an exception's instance dict) without the fields its class keeps in CPython's C
    /// struct ([`Vm::is_exception_field`]): its `__dict__` as Python sees it.
    pub(crate) fn without_exception_fields(&self, class: &Rc<Class>, mut dict: crate::dict::Dict) -> crate::dict::Dict {
        dict.retain(|key, _| !matches!(&key.0, Value::Str(name) if self.is_exception_field(class, name)));
        dict
    }

    /// What CPython's `BaseException.__reduce__` (and OSError's) gives for pickling `inst`:
    /// the arguments its class is called with again, and its `__dict__` (None when empty).
    pub(crate) fn exception_reduce_parts(&self, inst: &crate::value::Instance) -> (Value, Value) {
        let mut args = match inst.attr("args") {
            Some(Value::Tuple(items)) => items.to_vec(),
            _ => Vec::new(),
        };
        if let (Some(filename), true) = (inst.attr("filename"), args.len() == 2) {
            if !filename.is_none() && self.is_exception_field(&inst.class, "filename") {
                args.push(filename);
                if let Some(second) = inst.attr("filename2").filter(|f| !f.is_none()) {
                    args.extend([Value::None, second]);
                }
            }
        }
        let dict = self.without_exception_fields(&inst.class, inst.dict.borrow_unnoted().clone());
        let state =
            if dict.is_empty() { Value::None } else { Value::Dict(Rc::new(crate::footprint::PyCell::new(dict))) };
        (Value::tuple(args), state)
    }

    /// A new exception's `args`, and what its class derives from them (`StopIteration.value`,
    /// `SystemExit.code`, `OSError.errno`...).
    pub(crate) fn set_exception_attributes(&self, inst: &crate::value::Instance, args: Vec<Value>) {
        if Rc::ptr_eq(&inst.class, &self.exception_class(Exc::StopIteration)) {
            // `StopIteration.value`: what a generator returned.
            inst.set_attr("value", args.first().cloned().unwrap_or(Value::None));
        }
        if inst.class.is_subclass_of(&self.exception_class(Exc::SystemExit)) {
            // `SystemExit.code`: the one argument, None without, the tuple of several.
            let code = match args.len() {
                0 => Value::None,
                1 => args[0].clone(),
                _ => Value::tuple(args.clone()),
            };
            inst.set_attr("code", code);
        }
        if inst.class.is_subclass_of(&self.exception_class(Exc::BaseExceptionGroup)) {
            self.set_group_attributes(inst, &args);
        }
        let os_error = inst.class.is_subclass_of(&self.exception_class(Exc::OSError));
        self.set_unicode_error_attributes(inst, &args);
        inst.set_attr("args", Value::tuple(args.clone()));
        if os_error {
            self.init_os_error(inst, &args);
        }
    }

    /// The keyword arguments an exception class takes, stored as its attributes: ImportError's
    /// `name` and `path` (3.12: `name_from`), 3.10's AttributeError `name`/`obj` and NameError
    /// `name`; any other keyword is CPython's TypeError, worded per release.
    fn exception_keywords(&mut self, inst: &crate::value::Instance, kw: &[(Str, Value)]) -> Result<(), Control> {
        let version = self.options.python;
        let is = |vm: &Vm, exc: Exc| inst.class.is_subclass_of(&vm.exception_class(exc));
        let v310 = version >= PythonVersion::new(3, 10);
        let (owner, allowed): (&str, &[&str]) = if is(self, Exc::ImportError) {
            (
                "ImportError",
                if version >= PythonVersion::new(3, 12) { &["name", "path", "name_from"] } else { &["name", "path"] },
            )
        } else if v310 && is(self, Exc::AttributeError) {
            ("AttributeError", &["name", "obj"])
        } else if v310 && is(self, Exc::NameError) {
            ("NameError", &["name"])
        } else {
            let class = inst.class.name.to_string();
            let message = if version < PythonVersion::new(3, 7) {
                format!("{class} does not take keyword arguments")
            } else {
                format!("{class}() takes no keyword arguments")
            };
            return Err(self.raise_msg(Exc::TypeError, message));
        };
        for (key, value) in kw {
            if !allowed.contains(&&**key) {
                let message = if version >= PythonVersion::new(3, 13) {
                    format!("{owner}() got an unexpected keyword argument '{key}'")
                } else if version < PythonVersion::new(3, 7) {
                    format!("'{key}' is an invalid keyword argument for this function")
                } else {
                    format!("'{key}' is an invalid keyword argument for {owner}()")
                };
                return Err(self.raise_msg(Exc::TypeError, message));
            }
            inst.set_attr(key, value.clone());
        }
        Ok(())
    }

    pub fn new_exception(&mut self, class: Exc, message: &str) -> Value {
        self.new_exception_args(class, vec![Value::str(message)])
    }

    /// `raise class(message)` as a native's error.
    pub(crate) fn raise_msg(&mut self, class: Exc, message: impl AsRef<str>) -> Control {
        Control::Raise(self.new_exception(class, message.as_ref()))
    }

    /// `raise_msg` for a raise CPython makes in its Python library at `site` (the report shows
    /// that frame).
    pub(crate) fn raise_at(&mut self, site: crate::library_sites::NativeSite, class: Exc, message: &str) -> Control {
        let exc = self.new_exception(class, message);
        if let Some(data) = exception_data(&exc) {
            data.borrow_mut().native_site = Some(site);
        }
        Control::Raise(exc)
    }

    pub(crate) fn name_error(&mut self, name: &str) -> Control {
        let error = self.raise_msg(Exc::NameError, format!("name '{name}' is not defined"));
        self.missing(error, name, None)
    }

    pub(crate) fn unbound_local(&mut self, name: &str) -> Control {
        let message = if self.options.python >= gilsim_core::PythonVersion::new(3, 11) {
            format!("cannot access local variable '{name}' where it is not associated with a value")
        } else {
            format!("local variable '{name}' referenced before assignment")
        };
        self.raise_msg(Exc::UnboundLocalError, message)
    }

    /// Reading or deleting the empty cell `index` of `code` (its cell variables first, then
    /// its free ones): CPython's UnboundLocalError for its own variable, NameError for one of
    /// an enclosing scope.
    pub(crate) fn unbound_cell(&mut self, code: &gilsim_bytecode::CodeObject, index: u32) -> Control {
        let name = code.cell_names.iter().chain(&code.free_names).nth(index as usize).cloned().unwrap_or_default();
        if (index as usize) < code.cell_names.len() {
            return self.unbound_local(&name);
        }
        let message = if self.options.python >= PythonVersion::new(3, 11) {
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope")
        } else {
            format!("free variable '{name}' referenced before assignment in enclosing scope")
        };
        self.raise_msg(Exc::NameError, message)
    }

    /// `raise X`: X may be an exception class (instantiated with no arguments) or instance.
    pub(crate) fn make_exception(&mut self, value: Value) -> Result<Value, Control> {
        match &value {
            Value::Instance(inst) if matches!(inst.slot, Slot::Exception(_)) => Ok(value),
            Value::Class(class) if self.is_exception_class(class) => {
                let mut scratch = Thread::scratch();
                self.call_nested(&mut scratch, value.clone(), Args::default())
            }
            _ => Err(self.raise_msg(Exc::TypeError, "exceptions must derive from BaseException")),
        }
    }

    fn is_exception_class(&self, class: &Rc<Class>) -> bool {
        class.is_subclass_of(&self.exception_class(Exc::BaseException))
    }

    /// `except pattern:` — pattern is a class or a tuple of classes.
    pub(crate) fn exception_matches(&mut self, exc: &Value, pattern: &Value) -> Result<bool, Control> {
        let class = self.class_of(exc);
        match pattern {
            Value::Class(c) => {
                if !self.is_exception_class(c) {
                    return Err(self.raise_msg(
                        Exc::TypeError,
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(class.is_subclass_of(c))
            }
            Value::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self
                .raise_msg(Exc::TypeError, "catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    pub fn is_instance_of(&self, v: &Value, class: Exc) -> bool {
        self.class_of(v).is_subclass_of(&self.exception_class(class))
    }

    /// The last line of a traceback: `ValueError: bad value`.
    pub fn exception_summary(&mut self, exc: &Value) -> String {
        self.exception_line(exc, false)
    }

    /// `Name: text`; `qualify_main`: a class of the script is `__main__.Name`.
    pub(crate) fn exception_line(&mut self, exc: &Value, qualify_main: bool) -> String {
        let class = self.class_of(exc);
        let name = match &*class.module {
            "builtins" => class.qualname.to_string(),
            "__main__" if !qualify_main => class.qualname.to_string(),
            module => format!("{module}.{}", class.qualname),
        };
        let mut scratch = Thread::scratch();
        let text = self.str_of(&mut scratch, exc).unwrap_or_else(|_| "<exception str() failed>".into());
        if text.is_empty() {
            name
        } else {
            format!("{name}: {text}")
        }
    }
}
