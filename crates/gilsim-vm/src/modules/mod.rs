//! The simulated standard-library modules. Each is built on first import, per run.

pub mod async_exc;
pub mod atexit;
pub mod deque;
pub mod deque_index;
pub mod excepthook;
pub mod hashing;
pub mod interrupts;
pub mod json;
pub mod library;
pub mod local;
pub mod math;
mod math_erf;
mod math_norm;
mod math_special;
pub mod os;
pub mod processes;
pub mod random;
pub mod shared_memory;
pub mod sre;
pub(crate) mod sre_syntax;
pub mod structs;
pub mod sys;
pub mod threading;
pub mod time;
pub mod weak;

use crate::dict::Key;
use crate::footprint::{self, PyCell, Resource};
use crate::native::{Args, Control, NativeFn};
use crate::value::{AttrMap, Class, Module, Str, Value};
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_bytecode::CompileWarning;
use gilsim_core::PythonVersion;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// Each module dict built on this thread, its other values left None, by its natives'
    /// addresses and its other names. Natives are immutable statics, so the dict is the same
    /// for every run but for those values: a run clones it (a count increment per name) and
    /// sets them, instead of allocating and hashing every name again — `explore` builds
    /// `threading` once per run.
    static MODULE_DICTS: RefCell<Vec<ModuleDict>> = const { RefCell::new(Vec::new()) };
}

struct ModuleDict {
    natives: Vec<usize>,
    names: Vec<String>,
    dict: AttrMap,
}

/// Build a module object from natives and other values (the dict in that order).
pub(crate) fn build_module(name: &str, natives: &[&'static NativeFn], values: Vec<(&str, Value)>) -> Value {
    let addresses = || natives.iter().map(|n| std::ptr::from_ref::<NativeFn>(n) as usize);
    let same = |built: &ModuleDict| {
        built.natives.iter().copied().eq(addresses())
            && built.names.iter().map(String::as_str).eq(values.iter().map(|v| v.0))
    };
    let mut dict = MODULE_DICTS.with_borrow_mut(|built| match built.iter().find(|b| same(b)) {
        Some(built) => built.dict.clone(),
        None => {
            let mut dict = AttrMap::with_capacity_and_hasher(natives.len() + values.len(), Default::default());
            for n in natives {
                dict.insert(Str::from(n.short_name()), Value::Native(n));
            }
            for (k, _) in &values {
                dict.insert(Str::from(*k), Value::None);
            }
            let names = values.iter().map(|(k, _)| (*k).to_owned()).collect();
            built.push(ModuleDict { natives: addresses().collect(), names, dict: dict.clone() });
            dict
        }
    });
    for (k, v) in values {
        *dict.get_mut(k).expect("the kept dict has every name it was built with") = v;
    }
    Value::Module(Module::new(Str::from(name), dict))
}

/// The `builtins` module, imported now if it was not yet (it needs no Python code).
pub(crate) fn builtins_module(vm: &mut Vm) -> Value {
    if let Some((_, m)) = vm.interp.modules.iter().find(|(n, _)| &**n == "builtins") {
        return m.clone();
    }
    let visible = vm.builtins.iter().filter(|(builtin, _)| !builtin.starts_with("_gilsim"));
    let module = build_module("builtins", &[], visible.map(|(builtin, value)| (*builtin, value.clone())).collect());
    vm.register_module("builtins", module.clone());
    module
}

impl Vm {
    /// `module.name`, the module imported first (how natives reach the library's Python). A
    /// private name (`_join_and_stop`), which a library module's attributes leave out, is
    /// read from the module's globals once its library part has run.
    pub(crate) fn library_attr(&mut self, th: &mut Thread, module: &str, name: &str) -> Result<Value, Control> {
        let module_value = self.import_module(th, module)?;
        if name.starts_with('_') && !name.starts_with("__") {
            // Its library part runs first: the script's `import threading` is the natives'.
            self.complete_module(th, &module_value)?;
            let private = self.program.library_module(module).and_then(|(index, _)| self.bound_global(index, name));
            if let Some(value) = private {
                return Ok(value);
            }
        }
        self.get_attr(th, &module_value, name)
    }

    /// Hand a native's call to `module.name` in the library's Python, as a tail call (the
    /// native's result is that function's); an error importing it is the call's error.
    pub(crate) fn library_tail_call(&mut self, th: &mut Thread, module: &str, name: &str, args: Args) -> Control {
        match self.library_attr(th, module, name) {
            Ok(callable) => Control::call(callable, args),
            Err(error) => error,
        }
    }

    /// `import name`: the run's module object (built once).
    pub(crate) fn import_module(&mut self, th: &mut Thread, name: &str) -> Result<Value, Control> {
        if let Some((_, m)) = self.interp.modules.iter().find(|(n, _)| &**n == name) {
            return Ok(m.clone());
        }
        if self.too_new(name) {
            if self.options.python.major < 3 {
                return Err(self.raise_msg(Exc::ImportError, format!("No module named {name}")));
            }
            return Err(self.raise_msg(Exc::ModuleNotFoundError, format!("No module named '{name}'")));
        }
        let module = match name {
            "_gilsim" => library::internal_module(self),
            // A package whose submodules appear as they are imported.
            "concurrent" | "urllib" => build_module(name, &[], Vec::new()),
            "threading" => threading::threading_module(self),
            "_thread" => {
                self.interp.signals_possible = true;
                threading::thread_module(self)
            }
            "time" => time::new(self.options.python),
            "random" => random::new(),
            "math" => math::new(self.options.python),
            "sys" => {
                let sys = sys::new(self);
                self.register_module(name, sys.clone());
                // `sys.modules`: every module imported so far and from now on (see
                // [`Vm::register_module`]), `builtins` and `__main__` among them as in CPython.
                self.import_module(th, "builtins")?;
                self.import_module(th, "__main__")?;
                let registry: crate::dict::Dict = self
                    .interp
                    .modules
                    .iter()
                    .map(|(name, module)| (Key(Value::Str(name.clone())), module.clone()))
                    .collect();
                if let Value::Module(m) = &sys {
                    m.dict.borrow_mut().insert(Str::from("modules"), Value::Dict(Rc::new(PyCell::new(registry))));
                }
                return Ok(sys);
            }
            // The script's own module: its attributes are the script's globals (see
            // [`Vm::script_module_attr`]).
            "__main__" => build_module(name, &[], Vec::new()),
            "os" => os::new(),
            "atexit" => atexit::new(),
            "builtins" => return Ok(builtins_module(self)),
            // A module written in Python alone (`queue`, `logging`, ...).
            _ if self.program.library_module(name).is_some() => {
                let module = build_module(name, &[], Vec::new());
                self.register_module(name, module.clone());
                if let Some((package, submodule)) = name.rsplit_once('.') {
                    if let Value::Module(package) = self.import_module(th, package)? {
                        crate::run_shared::before_module_write(&package);
                        package.dict.borrow_mut().insert(Str::from(submodule), module.clone());
                    }
                }
                self.complete_module(th, &module)?;
                return Ok(module);
            }
            // The compiler lets through only modules CPython has not either, imported where
            // the script catches the error (gilsim_compiler's subset check).
            other => return Err(self.no_module_named(other)),
        };
        self.register_module(name, module.clone());
        Ok(module)
    }

    /// CPython's error for importing `name`, a module it does not have: Python 3 names the
    /// top-level package (in `name` too), Python 2 the whole dotted name.
    fn no_module_named(&mut self, name: &str) -> Control {
        if self.options.python.major == 2 {
            return self.raise_msg(Exc::ImportError, format!("No module named {name}"));
        }
        let top = name.split('.').next().unwrap_or(name);
        let error = self.new_exception(Exc::ModuleNotFoundError, &format!("No module named '{top}'"));
        if let Value::Instance(inst) = &error {
            inst.set_attr("name", Value::str(top));
        }
        Control::Raise(error)
    }

    /// Record the imported `module` as the process's `name`, in `sys.modules` too once `sys`
    /// was imported.
    fn register_module(&mut self, name: &str, module: Value) {
        let sys = self.interp.modules.iter().find(|(n, _)| &**n == "sys").map(|(_, sys)| sys);
        if let Some(Value::Module(sys)) = sys {
            if let Some(Value::Dict(registry)) = sys.dict.borrow_unnoted().get("modules") {
                registry.borrow_mut().insert(Key(Value::str(name)), module.clone());
            }
        }
        self.interp.modules.push((Str::from(name), module));
    }

    /// The active process's value of module `module`'s global `name`, if bound.
    pub(crate) fn bound_global(&self, module: usize, name: &str) -> Option<Value> {
        let slot = self.program.global_slot(module, name)?;
        self.interp.globals.get(slot).filter(|v| !matches!(v, Value::Undefined)).cloned()
    }

    /// `module.name` of the script's module (`import __main__`, `sys.modules[__name__]`):
    /// the script's global of that name, if bound.
    pub(crate) fn script_module_attr(&self, module: &Module, name: &str) -> Option<Value> {
        let slot = self.script_global_slot(module, name)?;
        footprint::note(Resource::Global(slot as u32), false);
        self.bound_global(0, name)
    }

    /// The slot of the script's global `name`, when `module` is the script's module.
    pub(crate) fn script_global_slot(&self, module: &Module, name: &str) -> Option<usize> {
        (&*module.name == "__main__").then(|| self.program.global_slot(0, name)).flatten()
    }

    /// `args` of a built-in that consumes iterables, back to it — unless one is an instance
    /// whose class defines `__iter__` or `__next__` in Python (a generator too), or a `map`
    /// of a Python function, which may block: then the call is handed, as a tail call (`Err`), to Python code
    /// (`_gilsim_iter.reapply_at`) that collects those arguments' items in the thread's own
    /// frames and calls `builtin` with lists in their place.
    pub(crate) fn unless_iterated_in_python(
        &mut self,
        th: &mut Thread,
        args: &mut Args,
        builtin: fn(&Vm) -> Value,
    ) -> Result<(), Control> {
        let indices = self.iterated_in_python(args);
        self.reapply_after_collecting(th, args, builtin, indices)
    }

    /// [`Vm::unless_iterated_in_python`] for a built-in whose only iterable is its first
    /// argument (`sum(xs, start)`, `max(xs)`): a `Counter()` start or `max(a, b)` of two
    /// iterable instances are operands, not iterables to collect.
    pub(crate) fn unless_first_iterated_in_python(
        &mut self,
        th: &mut Thread,
        args: &mut Args,
        builtin: fn(&Vm) -> Value,
    ) -> Result<(), Control> {
        let mut indices = self.iterated_in_python(args);
        indices.retain(|&i| i == 0);
        self.reapply_after_collecting(th, args, builtin, indices)
    }

    fn reapply_after_collecting(
        &mut self,
        th: &mut Thread,
        args: &mut Args,
        builtin: fn(&Vm) -> Value,
        indices: Vec<usize>,
    ) -> Result<(), Control> {
        if indices.is_empty() {
            return Ok(());
        }
        let indices: Vec<Value> = indices.into_iter().map(|i| Value::Int(i as i64)).collect();
        let Args { pos: given, kw } = std::mem::take(args);
        let mut pos = Vec::with_capacity(given.len() + 2);
        pos.push(builtin(self));
        pos.push(Value::tuple(indices));
        pos.extend(given);
        Err(self.library_tail_call(th, "_gilsim_iter", "reapply_at", Args { pos, kw }))
    }

    /// `args` of a lazy or short-circuiting built-in (`zip`, `map`, `filter`, `enumerate`,
    /// `any`, `all`), back to it — unless one is iterated in Python (as for
    /// [`Vm::unless_iterated_in_python`]): then the call is handed, as a tail call, to the
    /// Python twin `_gilsim_iter.<name>`, which asks for one item at a time in the thread's
    /// own frames. Collecting first would hang on `zip(xs, itertools.cycle(ys))` and read
    /// shared data earlier than CPython does.
    pub(crate) fn lazily_unless_iterated_in_python(
        &mut self,
        th: &mut Thread,
        args: &mut Args,
        name: &str,
    ) -> Result<(), Control> {
        if self.iterated_in_python(args).is_empty() {
            return Ok(());
        }
        Err(self.library_tail_call(th, "_gilsim_iter", name, std::mem::take(args)))
    }

    /// Positions of the arguments whose items only Python code can produce (an instance
    /// whose class defines `__iter__` or `__next__` in Python, a generator too, or a `map`
    /// of a Python function); none inside a nested loop, which cannot run frames.
    fn iterated_in_python(&self, args: &Args) -> Vec<usize> {
        if self.nested > 0 {
            return Vec::new();
        }
        let in_python = |v: &Value| self.user_method(v, "__next__").is_some() || self.iterates_in_python(v);
        (0..args.pos.len()).filter(|&i| in_python(&args.pos[i])).collect()
    }

    /// Whether iterating `value` runs Python code, which may block: an instance whose class
    /// defines `__iter__` in Python (a generator too), or a `map` of a Python function.
    pub(crate) fn iterates_in_python(&self, value: &Value) -> bool {
        self.user_method(value, "__iter__").is_some() || crate::iterators::maps_python_function(value)
    }

    /// `from module import *` into the module `into` (CPython's `import_all_from`): bind the
    /// public names — those `__all__` lists, else those without a leading underscore — that
    /// are global slots of `into`. Slots are every global name the importing module reads or
    /// writes, so these are all the bindings it can observe (`globals()` lists only them).
    ///
    /// gilsim's modules have no `__all__`; CPython's Python modules do, and it lists none of
    /// the modules they import: without one, a module other than the imported one's own
    /// submodule (`os.path`) is not bound, so `from time import time` survives a later
    /// `from concurrent.futures import *`.
    pub(crate) fn import_star(&mut self, th: &mut Thread, into: u32, module: &Value) -> Result<(), Control> {
        let listed: Option<Vec<Value>> = match self.get_attr(th, module, "__all__") {
            Ok(all) => Some(self.collect(th, &all)?),
            Err(_) => None,
        };
        let program = self.program.clone();
        let (first, end) = program.modules[into as usize].globals;
        for slot in first..end {
            let name = program.global_names[slot as usize].as_str();
            let public = match &listed {
                Some(names) => names.iter().any(|n| matches!(n, Value::Str(s) if &**s == name)),
                None => !name.starts_with('_'),
            };
            if !public {
                continue;
            }
            let Ok(value) = self.get_attr(th, module, name) else { continue };
            let foreign_module = match (&value, module) {
                (Value::Module(bound), Value::Module(from)) => {
                    bound.name.strip_prefix(&*from.name).is_none_or(|rest| !rest.starts_with('.'))
                }
                _ => false,
            };
            if listed.is_some() || !foreign_module {
                footprint::note(Resource::Global(slot), true);
                self.interp.globals[slot as usize] = value;
            }
        }
        Ok(())
    }

    /// Whether module `name` is newer than the version simulated: missing, as in that CPython.
    fn too_new(&self, name: &str) -> bool {
        let first = match name {
            "reprlib" | "multiprocessing.context" => PythonVersion::new(3, 0),
            "dataclasses" | "contextvars" => PythonVersion::new(3, 7),
            "graphlib" => PythonVersion::new(3, 9),
            "multiprocessing.shared_memory" => PythonVersion::new(3, 8),
            _ => return false,
        };
        self.options.python < first
    }

    /// `from module import name`; from a package, `name` may be a submodule to import.
    pub(crate) fn import_from(&mut self, th: &mut Thread, module: &Value, name: &str) -> Result<Value, Control> {
        if let Value::Module(m) = module {
            let dotted = format!("{}.{name}", m.name);
            if !m.dict.borrow().contains_key(name)
                && self.program.library_module(&dotted).is_some()
                && !self.too_new(&dotted)
            {
                self.import_module(th, &dotted)?;
            }
        }
        match self.get_attr(th, module, name) {
            // A missing name (or one a module's `__getattr__` refused) is an ImportError.
            Err(Control::Raise(e)) if self.is_instance_of(&e, Exc::AttributeError) => {
                let module_name = match module {
                    Value::Module(m) => m.name.to_string(),
                    _ => String::new(),
                };
                let message = self.cannot_import_message(name, &module_name);
                let error = self.raise_msg(Exc::ImportError, message);
                // 3.12 suggests one of the module's names, as for a missing attribute.
                Err(if self.options.python >= PythonVersion::new(3, 12) {
                    self.missing(error, name, Some(module))
                } else {
                    error
                })
            }
            other => other,
        }
    }

    /// CPython's text: the bare name in 2.7, the name quoted in 3.6; from 3.7 the module and
    /// the file it came from (under `/usr/lib/pythonX.Y/`, as gilsim names CPython's library),
    /// "unknown location" for a module CPython builds in.
    fn cannot_import_message(&self, name: &str, module_name: &str) -> String {
        let python = self.options.python;
        if python.major < 3 {
            return format!("cannot import name {name}");
        }
        if python < PythonVersion::new(3, 7) {
            return format!("cannot import name '{name}'");
        }
        let file = self.program.library_module(module_name).and_then(|(_, info)| {
            let file = info.filename.strip_prefix("<gilsim>/")?;
            let built_in = ["math.py", "itertools.py", "time.py", "sys.py"].contains(&file);
            (!built_in).then(|| file.to_string())
        });
        match file {
            Some(file) => {
                let shown_name = if file == "posixpath.py" { "posixpath" } else { module_name };
                let dir = crate::library_frames::library_dir(python);
                format!("cannot import name '{name}' from '{shown_name}' ({dir}/{file})")
            }
            None if ["concurrent", "urllib"].contains(&module_name) => {
                let dir = crate::library_frames::library_dir(python);
                format!("cannot import name '{name}' from '{module_name}' ({dir}/{module_name}/__init__.py)")
            }
            None => format!("cannot import name '{name}' from '{module_name}' (unknown location)"),
        }
    }

    /// A module's repr, as CPython's import system makes it: `<module 'm' from '/path'>` for
    /// the script and for a module CPython writes in Python (under `/usr/lib/pythonX.Y/`, a
    /// `.pyc` under 2.7), `(frozen)` for those 3.11+ freezes into the interpreter, and
    /// `(built-in)` for the ones it builds in.
    pub(crate) fn module_repr(&self, name: &str) -> String {
        let python = self.options.python;
        let dir = crate::library_frames::library_dir(python);
        let shown = match name {
            "os.path" => "posixpath",
            "queue" if python.major == 2 => "Queue",
            "collections.abc" if python >= PythonVersion::new(3, 13) => "_collections_abc",
            _ => name,
        };
        let frozen = ["os", "os.path", "abc", "io"].contains(&name)
            || (name == "collections.abc" && python >= PythonVersion::new(3, 13));
        let file = match name {
            "__main__" => return format!("<module '__main__' from '{}'>", self.program.filename),
            _ if frozen && python >= PythonVersion::new(3, 11) => return format!("<module '{shown}' (frozen)>"),
            "math" | "cmath" | "time" if python.major == 2 => format!("lib-dynload/{name}.so"),
            "math" | "cmath" | "select" if python.major == 3 => {
                let abi = if python < PythonVersion::new(3, 8) { "m" } else { "" };
                let tag = format!("{}{}{abi}", python.major, python.minor);
                format!("lib-dynload/{name}.cpython-{tag}-x86_64-linux-gnu.so")
            }
            "concurrent" => "concurrent/__init__.py".to_string(),
            "collections.abc" => "collections/abc.py".to_string(),
            _ => {
                // gilsim's library modules that CPython builds in (or links from C).
                let in_c = ["math", "itertools", "time", "sys", "errno", "gc", "select"].contains(&name);
                let info = self.program.library_module(name).map(|(_, info)| info);
                match info.and_then(|info| info.filename.strip_prefix("<gilsim>/")) {
                    Some(file) if !in_c && !name.starts_with("_gilsim") => file.to_string(),
                    _ => return format!("<module '{shown}' (built-in)>"),
                }
            }
        };
        if python.major == 2 {
            // 2.7's collections is a module; its compiled files are read.
            let file = match file.as_str() {
                "collections/__init__.py" => "collections.pyc".to_string(),
                "queue.py" => "Queue.pyc".to_string(),
                _ if file.ends_with(".py") => format!("{file}c"),
                _ => file,
            };
            return format!("<module '{shown}' from '{dir}/{file}'>");
        }
        format!("<module '{shown}' from '{dir}/{file}'>")
    }

    /// Print a DeprecationWarning the way CPython's default filters do: attributed to the
    /// calling line of the script, once per call site.
    pub(crate) fn warn_deprecated(&mut self, th: &Thread, message: &str) {
        self.warn(th, "DeprecationWarning", message, 1, true);
    }

    /// Print a warning as the `warnings` module does: `file:line: Category: message` and the
    /// line's source, at the script frame `stacklevel` frames out (1: the one that called into
    /// the library); with `once_per_line` (the default action) once per line and message.
    /// Whether it printed.
    pub(crate) fn warn(
        &mut self,
        th: &Thread,
        category: &str,
        message: &str,
        stacklevel: usize,
        once_per_line: bool,
    ) -> bool {
        let Some((_, line)) = self.script_frame_at(th, stacklevel.max(1) - 1) else {
            return false;
        };
        if once_per_line && !self.warned.insert((line, format!("{category}: {message}"))) {
            return false;
        }
        self.write_warning(line, category, message);
        true
    }

    /// `file:line: Category: message` and the line's source, on stderr.
    fn write_warning(&mut self, line: u32, category: &str, message: &str) {
        let mut text = format!("{}:{line}: {category}: {message}\n", self.program.filename);
        if let Some(src) = self.program.source_line(line) {
            let src =
                if self.options.python.major == 2 { crate::output::python2_source_text(src) } else { src.to_string() };
            text.push_str(&format!("  {src}\n"));
        }
        self.write_stderr(&text);
    }

    /// The warnings CPython's compiler prints before the script runs, as this release words
    /// them: an assertion of a tuple always; `x is 1` and a call of a literal from 3.8 (the
    /// literal's type named from 3.12); an invalid escape sequence from 3.12 (a
    /// `DeprecationWarning` before, which no default filter shows).
    pub(crate) fn print_compile_warnings(&mut self) {
        let python = self.options.python;
        let checks_calls = python >= PythonVersion::new(3, 8);
        let named = python >= PythonVersion::new(3, 12);
        // The program, not its warnings, is copied: one reference count, not every message.
        let program = std::sync::Arc::clone(&self.program);
        for warning in &program.warnings {
            let (line, message) = match *warning {
                CompileWarning::AssertTuple { line } => {
                    (line, "assertion is always true, perhaps remove parentheses?".to_string())
                }
                CompileWarning::NotCallable { line, ref type_name } if checks_calls => {
                    (line, format!("'{type_name}' object is not callable; perhaps you missed a comma?"))
                }
                CompileWarning::IsLiteral { line, negated, ref type_name } if checks_calls => {
                    let (op, instead) = if negated { ("is not", "!=") } else { ("is", "==") };
                    let literal = if named { format!("'{type_name}' literal") } else { "a literal".to_string() };
                    (line, format!("\"{op}\" with {literal}. Did you mean \"{instead}\"?"))
                }
                CompileWarning::InvalidEscape { line, ref sequence, octal } if named => {
                    let kind = if octal { "invalid octal escape sequence" } else { "invalid escape sequence" };
                    (line, format!("{kind} '{sequence}'"))
                }
                CompileWarning::InvalidEscape { .. }
                | CompileWarning::NotCallable { .. }
                | CompileWarning::IsLiteral { .. } => continue,
            };
            self.write_warning(line, "SyntaxWarning", &message);
        }
    }
}

/// A `super(within, obj)` proxy: attribute lookups walk the MRO of `obj`'s type (of `obj`
/// itself when it is a class) from the class after `within`, and bind to `obj`.
pub(crate) fn make_super(vm: &mut Vm, within: &Rc<Class>, obj: Value) -> Value {
    let class =
        crate::types::new_class("super", "builtins", Some(vm.types.object.clone()), crate::value::BuiltinKind::Object);
    // `obj`'s type's MRO; for a class, its own MRO (super() in a class method) unless `within`
    // is on its metaclass's (super() in a metaclass method).
    let (owner, bind_functions) = match &obj {
        Value::Class(c) if c.is_subclass_of(within) => (c.clone(), false),
        other => (vm.class_of(other), true),
    };
    let chain: Vec<Rc<Class>> = std::iter::once(owner.clone()).chain(owner.mro.iter().cloned()).collect();
    let mut dict = class.dict.borrow_mut();
    for c in chain.iter().skip_while(|c| !Rc::ptr_eq(c, within)).skip(1) {
        for (k, v) in c.dict.borrow().iter() {
            if dict.contains_key(k) {
                continue;
            }
            let bound = match v {
                // `__new__` is a static method in CPython.
                _ if &**k == "__new__" => v.clone(),
                Value::Function(_) | Value::Native(_) if bind_functions => {
                    Value::BoundMethod(Rc::new((obj.clone(), v.clone())))
                }
                Value::Descriptor(d) if d.kind == crate::value::DescriptorKind::ClassMethod => {
                    Value::BoundMethod(Rc::new((Value::Class(owner.clone()), d.func.clone())))
                }
                Value::Descriptor(d) if d.kind == crate::value::DescriptorKind::StaticMethod => d.func.clone(),
                other => other.clone(),
            };
            dict.insert(k.clone(), bound);
        }
    }
    drop(dict);
    Value::Class(class)
}

/// Argument parsing helper: positional-or-keyword parameter `i` named `name`.
pub(crate) fn param(args: &Args, i: usize, name: &str) -> Option<Value> {
    args.pos.get(i).cloned().or_else(|| crate::builtins::kwarg(args, name))
}

/// A duration or timeout in seconds: a number, not NaN (CPython's `_PyTime_FromSecondsObject`).
pub(crate) fn seconds(vm: &mut Vm, v: &Value, what: &str) -> Result<f64, Control> {
    let secs = crate::builtins::number_arg(vm, v, what)?;
    if secs.is_nan() {
        return Err(vm.raise_msg(crate::Exc::ValueError, "Invalid value NaN (not a number)"));
    }
    Ok(secs)
}

pub(crate) fn nanos(secs: f64) -> u64 {
    (secs * 1e9).round().clamp(0.0, u64::MAX as f64 / 4.0) as u64
}
