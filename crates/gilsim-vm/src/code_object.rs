//! A function's `__code__`, `__defaults__` and `__kwdefaults__`, as CPython's function
//! object gives them (Objects/funcobject.c, Objects/codeobject.c): what `inspect.signature`,
//! `getfullargspec` and decorators that read `f.__code__.co_varnames[:co_argcount]` use.
//!
//! Invariant: `f.__code__` is one object per function (made on first use and kept in the
//! function's attributes, as CPython keeps it), so `f.__code__ is f.__code__`; its `co_*`
//! fields are CPython's for the version run: `co_posonlyargcount` from 3.8, `co_qualname`
//! from 3.11, and `co_flags` with `CO_NOFREE` (64) only before 3.11.

use crate::dict::{Dict, Key};
use crate::footprint::PyCell;
use crate::value::{Function, Instance, Slot, Str, Value};
use crate::Vm;
use gilsim_core::PythonVersion;
use std::rc::Rc;

/// CPython's `co_flags` bits (Include/cpython/code.h).
const CO_OPTIMIZED: i64 = 0x1;
const CO_NEWLOCALS: i64 = 0x2;
const CO_VARARGS: i64 = 0x4;
const CO_VARKEYWORDS: i64 = 0x8;
const CO_NESTED: i64 = 0x10;
const CO_GENERATOR: i64 = 0x20;
const CO_NOFREE: i64 = 0x40;
const CO_COROUTINE: i64 = 0x80;
const CO_ASYNC_GENERATOR: i64 = 0x200;

impl Vm {
    /// `f.__code__`: the function's code object, made once.
    pub(crate) fn function_code(&self, f: &Rc<Function>) -> Value {
        if let Some(code) = f.attrs.borrow().get("__code__") {
            return code.clone();
        }
        let code = Value::Instance(Rc::new(self.code_instance(f)));
        crate::run_shared::before_function_write(f);
        f.attrs.borrow_mut().insert(Str::from("__code__"), code.clone());
        code
    }

    fn code_instance(&self, f: &Function) -> Instance {
        let code = &self.program.codes[f.code as usize];
        let sig = &code.signature;
        let python = self.options.python;
        let params = sig.slot_count();
        // CPython's co_varnames: the parameters, then the locals no inner function captures
        // (those are co_cellvars only).
        let varnames: Vec<Value> = code
            .local_names
            .iter()
            .enumerate()
            .filter(|(slot, name)| *slot < params || !code.cell_names.contains(name))
            .map(|(_, name)| Value::str(name))
            .collect();
        let names = |list: &[String]| Value::tuple(list.iter().map(|name| Value::str(name)).collect());
        let instance = Instance::new(self.types.code.clone(), Slot::None);
        instance.set_attr("co_name", Value::str(&code.name));
        if python >= PythonVersion::new(3, 11) {
            instance.set_attr("co_qualname", Value::str(&code.qualname));
        }
        instance.set_attr("co_filename", Value::str(&self.program.module_of(f.code).filename));
        instance.set_attr("co_firstlineno", Value::Int(i64::from(code.first_line)));
        instance.set_attr("co_argcount", count(sig.positional.len()));
        if python >= PythonVersion::new(3, 8) {
            instance.set_attr("co_posonlyargcount", count(sig.positional_only));
        }
        instance.set_attr("co_kwonlyargcount", count(sig.keyword_only.len()));
        instance.set_attr("co_nlocals", count(varnames.len()));
        instance.set_attr("co_varnames", Value::tuple(varnames));
        instance.set_attr("co_cellvars", names(&code.cell_names));
        instance.set_attr("co_freevars", names(&code.free_names));
        instance.set_attr("co_flags", Value::Int(self.code_flags(f)));
        instance
    }

    fn code_flags(&self, f: &Function) -> i64 {
        let code = &self.program.codes[f.code as usize];
        let flags = &code.flags;
        let mut bits = CO_OPTIMIZED | CO_NEWLOCALS;
        if code.signature.varargs.is_some() {
            bits |= CO_VARARGS;
        }
        if code.signature.varkw.is_some() {
            bits |= CO_VARKEYWORDS;
        }
        if code.qualname.contains("<locals>") {
            bits |= CO_NESTED;
        }
        bits |= if flags.is_async_generator {
            CO_ASYNC_GENERATOR
        } else if flags.is_coroutine {
            CO_COROUTINE
        } else if flags.is_generator {
            CO_GENERATOR
        } else {
            0
        };
        let no_free = code.cell_names.is_empty() && code.free_names.is_empty();
        if no_free && self.options.python < PythonVersion::new(3, 11) {
            bits |= CO_NOFREE;
        }
        bits
    }
}

/// `f.__defaults__`: the positional parameters' defaults, None when there are none.
pub(crate) fn defaults(f: &Function) -> Value {
    if f.defaults.is_empty() {
        Value::None
    } else {
        Value::tuple(f.defaults.clone())
    }
}

/// `f.__kwdefaults__`: the keyword-only parameters' defaults, None when there are none.
pub(crate) fn kw_defaults(f: &Function) -> Value {
    if f.kw_defaults.is_empty() {
        return Value::None;
    }
    let mut dict = Dict::default();
    for (name, value) in &f.kw_defaults {
        dict.insert(Key(Value::Str(name.clone())), value.clone());
    }
    Value::Dict(Rc::new(PyCell::new(dict)))
}

fn count(n: usize) -> Value {
    Value::Int(i64::try_from(n).expect("a signature has fewer than 2^63 parameters"))
}
