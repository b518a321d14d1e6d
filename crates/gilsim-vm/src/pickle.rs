//! Copies of values between processes: the child's memory at a fork, and pickling through
//! `multiprocessing`'s channels.
//!
//! - [`Mode::Fork`]: everything reachable is copied (memoised, so sharing and cycles survive),
//!   as `fork()` copies a process's memory. Locks keep their state (a lock another thread held
//!   stays held in the child, CPython's fork hazard); threads other than the forking one are
//!   finished in the child.
//! - [`Mode::Pickle`] (the sender) and [`Mode::Unpickle`] (the receiver): pickle's rules. Data
//!   is copied; classes and functions travel by reference (module and qualified name) and are
//!   looked up again in the receiving process, so a class or function that is not reachable
//!   by its name (a lambda, a nested function) cannot be sent; locks, threads and modules
//!   cannot either (CPython's errors).
//!
//! Objects made to be shared between processes (`multiprocessing` locks and semaphores,
//! channels, shared memory) are never copied: every process refers to the same one.

use crate::dict_view::DictView;
use crate::footprint::PyCell;
use crate::native::Control;
use crate::sync::LockState;
use crate::types::Exc;
use crate::value::{Class, ClassSpec, Descriptor, Function, Instance, Module, Slot, Value};
use crate::Vm;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Fork,
    Pickle,
    /// Pickling a process object for a spawned child: as [`Mode::Pickle`], but the objects
    /// made to be inherited (`multiprocessing` locks, queues, shared memory) may go.
    Spawn,
    Unpickle,
}

/// One copy operation: the objects copied so far, by address (addresses are stable while
/// the originals live, which they do for the whole copy).
pub(crate) struct Copier<'t> {
    mode: Mode,
    pub(crate) memo: HashMap<usize, Value>,
    /// How deep the copy is in nested objects (bounded, as pickle's recursion is).
    depth: usize,
    /// Fork: the forking thread, whose locks the child's main thread (`child_main`) holds.
    forker: usize,
    child_main: usize,
    /// Pickling: the thread that pickles or unpickles, which runs the objects' Python
    /// `__reduce__`/`__setstate__` hooks (crate::pickle_hooks). None for a fork, which copies
    /// memory and calls nothing.
    pub(crate) th: Option<&'t mut crate::Thread>,
    /// What the objects' hooks made during the copy (a `__reduce__`'s tuple, its items): kept
    /// alive until the copy ends, as the memo is keyed by address and a freed temporary's
    /// address may be a later one's (pickle's memo keeps its objects for the same reason).
    pub(crate) keep: Vec<Value>,
}

impl<'t> Copier<'t> {
    /// A fork of the active process by thread `forker`.
    pub(crate) fn fork(vm: &Vm, forker: usize) -> Copier<'static> {
        Copier {
            mode: Mode::Fork,
            memo: HashMap::new(),
            depth: 0,
            forker,
            child_main: vm.next_tid,
            th: None,
            keep: Vec::new(),
        }
    }

    /// A pickling (or unpickling) by thread `th`.
    pub(crate) fn new(mode: Mode, th: &'t mut crate::Thread) -> Copier<'t> {
        Copier {
            mode,
            memo: HashMap::new(),
            depth: 0,
            forker: usize::MAX,
            child_main: usize::MAX,
            th: Some(th),
            keep: Vec::new(),
        }
    }

    /// The copy of `v`, or the exception copying raises (RecursionError past
    /// [`crate::MAX_NATIVE_DEPTH`] levels of nesting; pickling errors).
    pub(crate) fn transfer(&mut self, vm: &mut Vm, v: &Value) -> Result<Value, Control> {
        let Some(address) = v.heap_address() else { return Ok(v.clone()) };
        if let Some(done) = self.memo.get(&address) {
            return Ok(done.clone());
        }
        if self.depth >= crate::MAX_NATIVE_DEPTH {
            let message = "maximum recursion depth exceeded while pickling an object";
            return Err(vm.raise_msg(Exc::RecursionError, message));
        }
        self.depth += 1;
        let copy = self.copy_object(vm, address, v);
        self.depth -= 1;
        copy
    }

    fn copy_object(&mut self, vm: &mut Vm, address: usize, v: &Value) -> Result<Value, Control> {
        let copy = match v {
            Value::Tuple(items) => {
                let copied = items.iter().map(|item| self.transfer(vm, item)).collect::<Result<Vec<_>, _>>()?;
                Value::tuple(copied)
            }
            Value::List(list) if self.mode == Mode::Unpickle && crate::pickle_hooks::is_reduced(list) => {
                return self.rebuild(vm, address, list);
            }
            Value::List(list) => {
                let new = Rc::new(PyCell::new(Vec::new()));
                self.memo.insert(address, Value::List(new.clone()));
                let items = list.borrow_unnoted().clone();
                let copied = items.iter().map(|item| self.transfer(vm, item)).collect::<Result<Vec<_>, _>>()?;
                *new.borrow_mut_unnoted() = copied;
                Value::List(new)
            }
            Value::ByteArray(array) => Value::ByteArray(Rc::new(PyCell::new(array.borrow_unnoted().clone()))),
            Value::Dict(dict) => {
                let new = Rc::new(PyCell::new(crate::dict::Dict::default()));
                self.memo.insert(address, Value::Dict(new.clone()));
                let entries: Vec<(Value, Value)> =
                    dict.borrow_unnoted().iter().map(|(k, v)| (k.0.clone(), v.clone())).collect();
                for (key, value) in entries {
                    let key = self.transfer(vm, &key)?;
                    let value = self.transfer(vm, &value)?;
                    new.borrow_mut_unnoted().insert(crate::dict::Key(key), value);
                }
                Value::Dict(new)
            }
            Value::Set(set) => {
                let items: Vec<Value> = set.borrow_unnoted().iter().map(|k| k.0.clone()).collect();
                let mut new = crate::dict::PySet::default();
                for item in items {
                    new.insert(crate::dict::Key(self.transfer(vm, &item)?));
                }
                // Members' ids differ in the other process: a frozenset's hash is taken again.
                match set.borrow_unnoted().is_frozen() {
                    true => vm.freeze(&mut crate::Thread::scratch(), new)?,
                    false => Value::Set(Rc::new(PyCell::new(new))),
                }
            }
            Value::Cell(cell) => {
                let new = Rc::new(PyCell::new(Value::None));
                self.memo.insert(address, Value::Cell(new.clone()));
                let inner = cell.borrow_unnoted().clone();
                *new.borrow_mut_unnoted() = self.transfer(vm, &inner)?;
                Value::Cell(new)
            }
            Value::BoundMethod(pair) => {
                let receiver = self.transfer(vm, &pair.0)?;
                let func = self.transfer(vm, &pair.1)?;
                Value::BoundMethod(Rc::new((receiver, func)))
            }
            Value::Function(func) => self.function(vm, func)?,
            Value::Class(class) => self.class(vm, address, class)?,
            Value::Instance(inst) => self.instance(vm, address, inst)?,
            Value::Module(module) => {
                if self.mode != Mode::Fork {
                    return Err(cannot_pickle(vm, "module"));
                }
                let new = Module::new(module.name.clone(), Default::default());
                self.memo.insert(address, Value::Module(new.clone()));
                let entries: Vec<(crate::value::Str, Value)> =
                    module.dict.borrow_unnoted().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (name, value) in entries {
                    let value = self.transfer(vm, &value)?;
                    new.dict.borrow_mut_unnoted().insert(name, value);
                }
                Value::Module(new)
            }
            Value::Iterator(state) => {
                // Cloned out first: transferring what it holds may reach the iterator again.
                let copy = state.borrow_unnoted().try_map(|v| Ok::<_, Control>(v.clone()))?;
                let new = copy.try_map(|item| self.transfer(vm, item))?;
                Value::Iterator(Rc::new(PyCell::new(new)))
            }
            Value::View(view) => {
                if self.mode != Mode::Fork {
                    return Err(cannot_pickle(vm, view.type_name()));
                }
                match self.transfer(vm, &Value::Dict(view.dict.clone()))? {
                    Value::Dict(dict) => {
                        Value::View(Rc::new(DictView { dict, kind: view.kind, ordered: view.ordered }))
                    }
                    other => other,
                }
            }
            Value::Descriptor(desc) => {
                if self.mode != Mode::Fork {
                    return Err(cannot_pickle(vm, "property"));
                }
                let func = self.transfer(vm, &desc.func)?;
                let setter = desc.setter.as_ref().map(|s| self.transfer(vm, s)).transpose()?;
                let deleter = desc.deleter.as_ref().map(|d| self.transfer(vm, d)).transpose()?;
                let doc = desc.doc.as_ref().map(|d| self.transfer(vm, d)).transpose()?;
                Value::Descriptor(Rc::new(Descriptor { kind: desc.kind, func, setter, deleter, doc }))
            }
            // Immutable: shared.
            Value::Str(_) | Value::Bytes(_) | Value::Long(_) | Value::Range(_) | Value::Slice(_) => v.clone(),
            Value::Undefined | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Native(_) => {
                v.clone()
            }
        };
        Ok(self.remember(address, copy))
    }

    fn remember(&mut self, address: usize, copy: Value) -> Value {
        self.memo.insert(address, copy.clone());
        copy
    }

    fn function(&mut self, vm: &mut Vm, func: &Rc<Function>) -> Result<Value, Control> {
        match self.mode {
            Mode::Pickle | Mode::Spawn => {
                let module = vm.program.module_of(func.code).name.clone();
                check_by_name(vm, &Value::Function(func.clone()), &func.qualname, &module)?;
                Ok(Value::Function(func.clone()))
            }
            Mode::Unpickle => {
                let module = vm.program.module_of(func.code).name.clone();
                find_by_name(vm, self.th.as_deref_mut(), &func.qualname, &module)
            }
            Mode::Fork => {
                let defaults = func.defaults.iter().map(|d| self.transfer(vm, d)).collect::<Result<_, _>>()?;
                let kw_defaults = func
                    .kw_defaults
                    .iter()
                    .map(|(k, d)| Ok((k.clone(), self.transfer(vm, d)?)))
                    .collect::<Result<_, Control>>()?;
                let mut closure = Vec::with_capacity(func.closure.len());
                for cell in &func.closure {
                    match self.transfer(vm, &Value::Cell(cell.clone()))? {
                        Value::Cell(cell) => closure.push(cell),
                        _ => unreachable!("a cell copies to a cell"),
                    }
                }
                let owner = match func.owner.borrow().clone() {
                    Some(class) => match self.transfer(vm, &Value::Class(class))? {
                        Value::Class(class) => Some(class),
                        _ => None,
                    },
                    None => None,
                };
                let mut attrs = crate::value::AttrMap::default();
                for (name, value) in func.attrs.borrow().iter() {
                    attrs.insert(name.clone(), self.transfer(vm, value)?);
                }
                Ok(Value::Function(Rc::new(Function {
                    code: func.code,
                    is_generator: func.is_generator,
                    presents_as_builtin: func.presents_as_builtin,
                    name: func.name.clone(),
                    qualname: func.qualname.clone(),
                    defaults,
                    kw_defaults,
                    closure,
                    owner: RefCell::new(owner),
                    attrs: PyCell::new(attrs),
                    sharing: std::cell::Cell::default(),
                })))
            }
        }
    }

    fn class(&mut self, vm: &mut Vm, address: usize, class: &Rc<Class>) -> Result<Value, Control> {
        if class.frozen {
            return Ok(Value::Class(class.clone()));
        }
        match self.mode {
            Mode::Pickle | Mode::Spawn => {
                check_by_name(vm, &Value::Class(class.clone()), &class.qualname, &class.module)?;
                Ok(Value::Class(class.clone()))
            }
            Mode::Unpickle => find_by_name(vm, self.th.as_deref_mut(), &class.qualname, &class.module),
            Mode::Fork => {
                let mut bases = Vec::with_capacity(class.bases.len());
                for base in &class.bases {
                    if let Value::Class(base) = self.transfer(vm, &Value::Class(base.clone()))? {
                        bases.push(base);
                    }
                }
                let metaclass = match &class.metaclass {
                    Some(meta) => match self.transfer(vm, &Value::Class(meta.clone()))? {
                        Value::Class(meta) => Some(meta),
                        _ => None,
                    },
                    None => None,
                };
                let spec = ClassSpec {
                    name: class.name.clone(),
                    qualname: class.qualname.clone(),
                    module: class.module.clone(),
                    bases,
                    dict: Default::default(),
                    kind: class.kind,
                    frozen: false,
                    statement: class.statement,
                    slots: class.slots.clone(),
                    metaclass,
                };
                let new = Class::new(spec).unwrap_or_else(|_| unreachable!("the parent's bases linearized"));
                self.memo.insert(address, Value::Class(new.clone()));
                let entries: Vec<_> = class.dict.borrow_unnoted().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (name, value) in entries {
                    let value = self.transfer(vm, &value)?;
                    new.dict.borrow_mut_unnoted().insert(name, value);
                }
                Ok(Value::Class(new))
            }
        }
    }

    fn instance(&mut self, vm: &mut Vm, address: usize, inst: &Rc<Instance>) -> Result<Value, Control> {
        if inst.class.lookup("__gilsim_proxy__").is_some() {
            // A manager's proxy: every process that has it reaches the one object the
            // manager holds, whether it inherited the proxy or received it pickled.
            return Ok(Value::Instance(inst.clone()));
        }
        let shared = inst.class.is_shared_memory();
        if self.mode == Mode::Pickle && (shared || inst.class.lookup("__gilsim_inherited__").is_some()) {
            // `multiprocessing` locks, queues and shared memory pass to a child only by fork.
            return Err(inherited_only(vm, &inst.class.name));
        }
        if shared {
            // Shared memory (`multiprocessing.Value`): the same object in every process.
            return Ok(Value::Instance(inst.clone()));
        }
        if matches!(self.mode, Mode::Pickle | Mode::Spawn) {
            if let Some(reduced) = self.reduce(vm, address, inst)? {
                return Ok(reduced);
            }
        }
        let slot = match &inst.slot {
            Slot::Generator(state) if self.mode == Mode::Fork => {
                // A forked child gets the generator as it is, suspended frame and all; the
                // frame's values are not copied (docs/processes.md).
                Slot::Generator(state.clone())
            }
            Slot::Generator(_) => return Err(cannot_pickle(vm, "generator")),
            Slot::None => Slot::None,
            // A forked child's `random.Random` draws what the parent's would (as CPython's).
            Slot::Twister(state) => Slot::Twister(RefCell::new(state.borrow().clone())),
            // Compiled patterns never change: the copy may share the engine.
            Slot::Regex(compiled) => Slot::Regex(compiled.clone()),
            // A forked child's weak reference points at the child's copy of the referent
            // (kept alive by the copy's other references, if it has any).
            Slot::Weak(target) if self.mode == Mode::Fork => {
                Slot::Weak(target.copied(|referent| self.transfer(vm, referent))?)
            }
            Slot::Weak(_) => {
                return Err(vm.raise_msg(Exc::TypeError, "cannot pickle 'weakref.ReferenceType' object"));
            }
            Slot::Builtin(base) => Slot::Builtin(self.transfer(vm, base)?),
            Slot::Deque(store) => Slot::Deque(PyCell::new(store.borrow().try_copy(|v| self.transfer(vm, v))?)),
            Slot::Exception(data) => {
                let (cause, context, suppress_context) = {
                    let data = data.borrow();
                    (data.cause.clone(), data.context.clone(), data.suppress_context)
                };
                let cause = cause.map(|v| self.transfer(vm, &v)).transpose()?;
                let context = context.map(|v| self.transfer(vm, &v)).transpose()?;
                Slot::Exception(RefCell::new(crate::value::ExceptionData {
                    traceback: data.borrow().traceback.clone(),
                    cause,
                    context,
                    suppress_context,
                    raised: data.borrow().raised,
                    bottom: data.borrow().bottom,
                    native_site: data.borrow().native_site,
                    missing: None,
                    // A pickled exception has no traceback (a child never finalizes).
                    kept_locals: Vec::new(),
                }))
            }
            Slot::Lock(lock) if lock.shared => {
                if self.mode == Mode::Pickle {
                    return Err(inherited_only(vm, &inst.class.name));
                }
                Slot::Lock(lock.clone())
            }
            Slot::Channel(channel) => Slot::Channel(channel.clone()),
            Slot::Lock(lock) => {
                if self.mode != Mode::Fork {
                    return Err(cannot_pickle(vm, &lock_type_name(lock)));
                }
                Slot::Lock(Rc::new(self.lock_copy(vm, lock)))
            }
            Slot::Thread(data) => {
                if self.mode != Mode::Fork {
                    return Err(thread_error(vm));
                }
                let d = data.borrow_unnoted();
                // Only the forking thread lives on in the child (as its main thread).
                let copy = crate::sync::ThreadData { finished: d.started, ..d.without_values() };
                Slot::Thread(Rc::new(PyCell::new(copy)))
            }
            Slot::Local(data) => {
                if self.mode != Mode::Fork {
                    return Err(cannot_pickle(vm, "_thread._local"));
                }
                Slot::Local(data.forked(self.child_main))
            }
        };
        let class = match self.transfer(vm, &Value::Class(inst.class.clone()))? {
            Value::Class(class) => class,
            _ => inst.class.clone(),
        };
        let new = Rc::new(Instance::new(class, slot));
        // Copied keys stay in the key class of their original (crate::user_hash).
        new.key_class.set(inst.key_class.get());
        self.memo.insert(address, Value::Instance(new.clone()));
        if let Slot::Thread(data) = &new.slot {
            // The thread's object, target and arguments, copied after the instance is memoised.
            let (target, args, kwargs) = {
                let Slot::Thread(old) = &inst.slot else { unreachable!("same slot kind") };
                let d = old.borrow_unnoted();
                (d.target.clone(), d.args.clone(), d.kwargs.clone())
            };
            let (target, args, kwargs) =
                (self.transfer(vm, &target)?, self.transfer(vm, &args)?, self.transfer(vm, &kwargs)?);
            let mut d = data.borrow_mut_unnoted();
            d.object = Value::Instance(new.clone());
            (d.target, d.args, d.kwargs) = (target, args, kwargs);
        }
        let entries: Vec<_> = inst.dict.borrow_unnoted().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (name, value) in entries {
            let value = self.transfer(vm, &value)?;
            new.dict.borrow_mut_unnoted().insert(name, value);
        }
        Ok(Value::Instance(new))
    }

    /// A process-private lock in the child: its state as it was (owned by the forking thread
    /// means owned by the child's main thread).
    fn lock_copy(&self, vm: &mut Vm, lock: &LockState) -> LockState {
        let copy = LockState::new(vm.new_lock_number(), lock.kind);
        copy.locked.set(lock.locked.get());
        copy.owner.set(lock.owner.get().map(|owner| if owner == self.forker { self.child_main } else { owner }));
        copy.count.set(lock.count.get());
        copy.waiter.set(lock.waiter.get());
        copy
    }
}

/// CPython's type name of a lock in pickling errors.
fn lock_type_name(lock: &LockState) -> String {
    match lock.kind {
        crate::sync::LockKind::RLock => "_thread.RLock".into(),
        _ => "_thread.lock".into(),
    }
}

/// Pickling a `Thread`: its first unpicklable attribute, its `_tstate_lock` (from 3.13 its
/// `_handle`).
fn thread_error(vm: &mut Vm) -> Control {
    let part = if vm.options.python >= gilsim_core::PythonVersion::new(3, 13) {
        "_thread._ThreadHandle"
    } else {
        "_thread.lock"
    };
    cannot_pickle(vm, part)
}

/// A `multiprocessing` object that a child may only inherit (its `assert_spawning`).
fn inherited_only(vm: &mut Vm, class_name: &str) -> Control {
    let message = format!("{class_name} objects should only be shared between processes through inheritance");
    vm.raise_msg(Exc::RuntimeError, message)
}

/// `TypeError: cannot pickle 'X' object` (3.8+; `can't pickle X objects` before).
fn cannot_pickle(vm: &mut Vm, type_name: &str) -> Control {
    let message = if vm.options.python >= gilsim_core::PythonVersion::new(3, 8) {
        format!("cannot pickle '{type_name}' object")
    } else {
        format!("can't pickle {type_name} objects")
    };
    vm.raise_msg(Exc::TypeError, message)
}

/// The `multiprocessing` submodules whose classes `library/multiprocessing.py` defines (they
/// only re-export them), and 2.7's C module `_multiprocessing`, home of its `Connection`.
const MULTIPROCESSING_PARTS: [&str; 7] = [
    "_multiprocessing",
    "multiprocessing.connection",
    "multiprocessing.context",
    "multiprocessing.process",
    "multiprocessing.queues",
    "multiprocessing.sharedctypes",
    "multiprocessing.synchronize",
];

/// The module whose global `module.qualname` is in gilsim: the built-in `complex` is a
/// library class (library/gilsim_complex.py), `_operator.add` a library function,
/// `multiprocessing.queues.Queue` a class of `multiprocessing` (a script need not have
/// imported the submodule for pickle to find it, as CPython's pickler imports it).
fn home_module<'m>(module: &'m str, qualname: &str) -> &'m str {
    if module == "builtins" && qualname == "complex" {
        "_gilsim_complex"
    } else if MULTIPROCESSING_PARTS.contains(&module) {
        "multiprocessing"
    } else {
        // A library function presenting as a C module's (`_operator.add`).
        crate::builtin_functions::library_module_of(module).unwrap_or(module)
    }
}

/// Pickle sends classes and functions by name: `obj` must be what its module's global of
/// that name is.
pub(crate) fn check_by_name(vm: &mut Vm, obj: &Value, qualname: &str, module: &str) -> Result<(), Control> {
    let module = home_module(module, qualname);
    if qualname.contains("<locals>") {
        let verb = if vm.options.python >= gilsim_core::PythonVersion::new(3, 13) { "get" } else { "pickle" };
        return Err(vm.raise_msg(Exc::AttributeError, format!("Can't {verb} local object '{qualname}'")));
    }
    let shown = vm.short_repr(obj);
    match vm.module_global(module, qualname).map(without_descriptor) {
        Some(found) if found.is(obj) => Ok(()),
        Some(_) => Err(vm.raise_msg(
            Exc::PicklingError,
            format!("Can't pickle {shown}: it's not the same object as {module}.{qualname}"),
        )),
        None => Err(vm.raise_msg(
            Exc::PicklingError,
            format!("Can't pickle {shown}: attribute lookup {qualname} on {module} failed"),
        )),
    }
}

/// A class attribute as pickling finds a function by name: a classmethod's or staticmethod's
/// function (CPython's `getattr(cls, name)` gives the function, bound or plain).
fn without_descriptor(found: Value) -> Value {
    match &found {
        Value::Descriptor(d) if d.kind != crate::value::DescriptorKind::Property => d.func.clone(),
        _ => found,
    }
}

/// The class or function `module.qualname` in the receiving process, importing `module` there
/// first if the process has not (CPython's unpickler imports it: a pool worker forked before
/// the script imported `decimal` can still be sent a `Decimal`).
pub(crate) fn find_by_name(
    vm: &mut Vm,
    th: Option<&mut crate::Thread>,
    qualname: &str,
    module: &str,
) -> Result<Value, Control> {
    let module = home_module(module, qualname);
    if let Some(th) = th {
        let index = vm.program.modules.iter().position(|m| m.name == module);
        if index.is_some_and(|i| !vm.interp.library_loaded.get(i).copied().unwrap_or(true)) {
            // A native module's Python part (`math.factorial`) may not be loaded yet either.
            let imported = vm.import_module(th, module)?;
            vm.complete_module(th, &imported)?;
        }
    }
    match vm.module_global(module, qualname).map(without_descriptor) {
        Some(found) => Ok(found),
        None => {
            let message = format!("Can't get attribute '{qualname}' on {}", vm.module_repr(module));
            Err(vm.raise_msg(Exc::AttributeError, message))
        }
    }
}

impl Vm {
    /// `pickle.loads(pickle.dumps(v))` across processes, in two halves: [`Vm::pickle`] in
    /// the sender makes a private copy, [`Vm::unpickle`] in the receiver copies it again with
    /// classes and functions looked up by name.
    pub(crate) fn pickle(&mut self, th: &mut crate::Thread, v: &Value) -> Result<Value, Control> {
        Copier::new(Mode::Pickle, th).transfer(self, v)
    }

    pub(crate) fn unpickle(&mut self, th: &mut crate::Thread, v: &Value) -> Result<Value, Control> {
        Copier::new(Mode::Unpickle, th).transfer(self, v)
    }

    /// What reducing `v` itself raises, as `copy.copy`/`copy.deepcopy` and pickling reduce
    /// an object (its contents are reduced in their turn): the errors of objects CPython gives
    /// no reduction — locks, threads, thread-locals, generators, modules.
    pub(crate) fn reduce_error(&mut self, v: &Value) -> Option<Control> {
        let Value::Instance(inst) = v else {
            return matches!(v, Value::Module(_)).then(|| cannot_pickle(self, "module"));
        };
        if inst.class.is_shared_memory() || inst.class.lookup("__gilsim_inherited__").is_some() {
            return Some(inherited_only(self, &inst.class.name));
        }
        match &inst.slot {
            Slot::Lock(lock) if lock.shared => Some(inherited_only(self, &inst.class.name)),
            Slot::Lock(lock) => Some(cannot_pickle(self, &lock_type_name(lock))),
            Slot::Thread(_) => Some(thread_error(self)),
            Slot::Local(_) => Some(cannot_pickle(self, "_thread._local")),
            Slot::Generator(_) => Some(cannot_pickle(self, "generator")),
            _ => None,
        }
    }

    /// The active process's global `qualname` (dotted: attributes of it) of `module`.
    pub(crate) fn module_global(&self, module: &str, qualname: &str) -> Option<Value> {
        let index = self.program.modules.iter().position(|m| m.name == module)?;
        let mut parts = qualname.split('.');
        let mut value = self.bound_global(index, parts.next()?)?;
        for part in parts {
            value = match &value {
                Value::Class(class) => class.lookup(part)?,
                _ => return None,
            };
        }
        (!matches!(value, Value::Undefined)).then_some(value)
    }

    /// `<function f at 0x...>`-style repr for messages, without running Python code.
    fn short_repr(&mut self, v: &Value) -> String {
        match v {
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname, self.object_id(v)),
            Value::Class(c) => format!("<class '{}'>", c.dotted_name()),
            _ => "object".into(),
        }
    }
}
