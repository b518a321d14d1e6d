//! Library functions that stand in for functions CPython writes in C (`operator.add`,
//! `heapq.heappush`, `math.isqrt`, `struct.pack`): a script sees built-in functions, as it
//! would on CPython — `<built-in function add>`, of type `builtin_function_or_method`
//! (`inspect.isbuiltin`), with the C module as `__module__` (`_operator`) and none of a Python
//! function's attributes (`__code__`, `__defaults__`, `__globals__`, ...).
//!
//! Which functions these are is the front end's call (`gilsim_lang`'s `WRITTEN_IN_C`, flagged
//! in `gilsim_bytecode::CodeFlags::builtin_function` and copied to
//! [`Function::presents_as_builtin`]). Known difference: such a function stored in a class
//! still binds as a method does (a C function does not).

use crate::native::NativeFn;
use crate::value::{Function, Str, Value};
use crate::Vm;
use gilsim_core::PythonVersion;

/// A Python function's attributes that a built-in function lacks (Objects/funcobject.c's
/// members and getsets against Objects/methodobject.c's).
pub(crate) const PYTHON_FUNCTION_ONLY: [&str; 8] = [
    "__code__",
    "__globals__",
    "__defaults__",
    "__kwdefaults__",
    "__annotations__",
    "__dict__",
    "__get__",
    "__closure__",
];

/// Library modules and the C modules CPython defines their functions in (from 3.x; the
/// exceptions by version are in [`Vm::builtin_function_module`]).
const C_MODULES: [(&str, &str); 15] = [
    ("operator", "_operator"),
    ("signal", "_signal"),
    ("functools", "_functools"),
    ("heapq", "_heapq"),
    ("bisect", "_bisect"),
    ("struct", "_struct"),
    ("pickle", "_pickle"),
    ("csv", "_csv"),
    ("stat", "_stat"),
    ("abc", "_abc"),
    ("socket", "_socket"),
    ("os", "posix"),
    ("io", "_io"),
    ("decimal", "_decimal"),
    ("warnings", "_warnings"),
];

/// The library module that stands in for C module `c_module` (`_operator`: `operator`), as
/// pickle's by-name lookups need it.
pub(crate) fn library_module_of(c_module: &str) -> Option<&'static str> {
    C_MODULES.iter().find(|(_, c)| *c == c_module).map(|(library, _)| *library)
}

impl Vm {
    /// `f.__module__` of a library function presenting as a built-in: the C module that
    /// defines it in CPython for the version run.
    pub(crate) fn builtin_function_module(&self, f: &Function) -> Str {
        let library = &self.program.module_of(f.code).name;
        let python = self.options.python;
        let c_module = C_MODULES.iter().find(|(name, _)| **name == **library).map(|(_, c)| *c);
        let keeps_its_name = match library.as_str() {
            "operator" | "signal" => python.major == 2,
            // 2.7 and 3.12+ name the C module; 3.x before 3.12 re-exported `io.open`.
            "io" => python.major == 3 && python < PythonVersion::new(3, 12),
            "decimal" => python < PythonVersion::new(3, 13),
            _ => false,
        };
        match c_module {
            Some(c_module) if !keeps_its_name => Str::from(c_module),
            _ => Str::from(library.as_str()),
        }
    }

    /// `f.__self__` of a library function presenting as a built-in: its module (CPython's is
    /// the C module), None in 2.7.
    pub(crate) fn builtin_function_self(&mut self, f: &Function) -> Value {
        let library = self.program.module_of(f.code).name.clone();
        self.builtin_self(&library)
    }

    /// `len.__self__`, `time.sleep.__self__`: a module-level built-in function's module
    /// (None in 2.7, and for gilsim's own modules, which scripts do not import).
    pub(crate) fn native_self(&mut self, native: &NativeFn) -> Value {
        native.module().map_or(Value::None, |module| self.builtin_self(module))
    }

    fn builtin_self(&mut self, module: &str) -> Value {
        if self.options.python.major == 2 {
            return Value::None;
        }
        if module == "builtins" {
            return crate::modules::builtins_module(self);
        }
        let found = self.interp.modules.iter().find(|(name, _)| **name == *module);
        found.map_or(Value::None, |(_, module)| module.clone())
    }
}
