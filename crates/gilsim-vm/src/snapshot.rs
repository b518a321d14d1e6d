//! Deep copies of a run's whole state, so that many runs can resume from one point instead of
//! each executing the same prefix again: `explore`'s runs of one program are identical up to
//! their first scheduling choice (the imports, the set-up, the first `start()`), which
//! `gilsim_runtime::Prefix` runs once and copies for every run — as stateful model checkers
//! restore a saved state instead of re-executing the path to it.
//!
//! Invariant: a copy shares no mutable object with its original but the modules, classes and
//! functions [`crate::run_shared`] marks, whose writes each run undoes. Every list, dict, set,
//! cell, instance, class, function, iterator, lock, thread state and generator reachable from
//! the run's roots is copied once (memoised by address, so sharing and cycles survive), and only
//! immutable values are shared (strings, bytes, ints, ranges, natives, frozen classes, and
//! tuples, slices and descriptors of these). Tables keyed by identity (ids, detector
//! locations, key classes) are keyed again by the copies; caches keyed by address start
//! empty. A copy takes a seed of its own: the script's random generators that have not drawn
//! yet are seeded from it. A state whose copy would not run as the original would is refused
//! ([`Unclonable`]); the caller then runs from the start.

use crate::dict::{Dict, Key};
use crate::footprint::PyCell;
use crate::frame::{Frame, PendingCall, ReturnMode};
use crate::generator::Generator;
use crate::native::Args;
use crate::run_shared::{Sharing, Survey};
use crate::sync::{LockState, ThreadData};
use crate::value::{Class, Descriptor, ExceptionData, Function, Instance, IterState, Module, Slot, Value};
use crate::Thread;
use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Why a run's state cannot be copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unclonable {
    #[error("a native call waits for Python code it called")]
    NestedCall,
    #[error("an operation waits for a Python hook to return")]
    HookContinuation,
    #[error("the script drew random numbers seeded by the run")]
    SeededRandom,
    #[error("the run has more than one process")]
    Processes,
    #[error("the script opened files")]
    Files,
    #[error("objects are nested too deep")]
    TooDeep,
    #[error("the run records a timeline or streams its output")]
    Recording,
    #[error("objects with finalizers or Python 2 ordered dicts exist")]
    Finalizers,
    #[error("the script traces its threads (sys.settrace)")]
    Tracing,
}

/// Whether the run now active on this OS thread can be copied as far as its OS-thread state
/// goes (its finalization queue and registry live outside the VM). Ask before another run
/// starts on the thread.
pub fn thread_state_copyable() -> Result<(), Unclonable> {
    if crate::finalizers::idle() && crate::py2_order::idle() {
        Ok(())
    } else {
        Err(Unclonable::Finalizers)
    }
}

type SetRef = Rc<PyCell<crate::dict::PySet>>;

/// A copied dict and its copied items, to insert.
type PendingDict = (Rc<PyCell<Dict>>, Vec<(Value, Value)>);

/// How deep the copy recurses into nested objects before it gives up.
const MAX_DEPTH: usize = 2_000;

/// One copy: the objects copied so far, by the original's address (originals outlive the
/// copy, so addresses are not reused meanwhile).
pub struct Cloner {
    memo: HashMap<usize, Value>,
    thread_data: HashMap<usize, Rc<PyCell<ThreadData>>>,
    locks: HashMap<usize, Rc<LockState>>,
    generators: HashMap<usize, Rc<Generator>>,
    /// Dicts and sets whose items are inserted once every object exists: a key's hash may
    /// read its object's attributes (an enum member hashes as its value), which a cycle may
    /// not have copied yet.
    pending_dicts: Vec<PendingDict>,
    /// (original, copy) of each set.
    pending_sets: Vec<(SetRef, SetRef)>,
    depth: usize,
    /// The copy's run seed (for random generators that have not drawn yet).
    pub(crate) seed: u64,
    /// What the modules, classes and functions copied hold, when asked ([`Cloner::surveying`]).
    survey: Option<Survey>,
}

impl Cloner {
    /// A copy with run seed `seed`, of a state of about `objects` objects.
    pub fn new(seed: u64, objects: usize) -> Cloner {
        Cloner {
            memo: HashMap::with_capacity_and_hasher(objects, Default::default()),
            thread_data: HashMap::default(),
            locks: HashMap::default(),
            generators: HashMap::default(),
            pending_dicts: Vec::new(),
            pending_sets: Vec::new(),
            depth: 0,
            seed,
            survey: None,
        }
    }

    /// A copy that also surveys the modules, classes and functions it copies: which the runs
    /// resumed from the state copied could share ([`Cloner::into_survey`]).
    pub fn surveying(seed: u64, objects: usize) -> Cloner {
        Cloner { survey: Some(Survey::default()), ..Cloner::new(seed, objects) }
    }

    /// The survey of a [`Cloner::surveying`] copy.
    pub fn into_survey(self) -> Option<Survey> {
        self.survey
    }

    /// The copy of `v`.
    pub fn value(&mut self, v: &Value) -> Result<Value, Unclonable> {
        if shareable(v) {
            return Ok(v.clone());
        }
        self.unshared(v)
    }

    /// The copy of `v`, which is not [`shareable`].
    fn unshared(&mut self, v: &Value) -> Result<Value, Unclonable> {
        let Some(address) = v.heap_address() else { return Ok(v.clone()) };
        if let Some(done) = self.memo.get(&address) {
            return Ok(done.clone());
        }
        if self.depth >= MAX_DEPTH {
            return Err(Unclonable::TooDeep);
        }
        self.depth += 1;
        let copy = self.copy_object(address, v);
        self.depth -= 1;
        copy
    }

    /// Values built from their parts (a tuple, a function): a cycle through a part may have
    /// built this one meanwhile, and there must be one copy.
    fn built(&mut self, address: usize, copy: Value) -> Value {
        self.memo.entry(address).or_insert(copy).clone()
    }

    fn remember(&mut self, address: usize, copy: Value) -> Value {
        self.memo.insert(address, copy.clone());
        copy
    }

    fn copy_object(&mut self, address: usize, v: &Value) -> Result<Value, Unclonable> {
        Ok(match v {
            Value::Tuple(items) => {
                let copied = self.values(items)?;
                self.built(address, Value::tuple(copied))
            }
            Value::Slice(parts) => {
                let [a, b, c] = &**parts;
                let copied = [self.value(a)?, self.value(b)?, self.value(c)?];
                self.built(address, Value::Slice(Rc::new(copied)))
            }
            Value::BoundMethod(pair) => {
                let copied = (self.value(&pair.0)?, self.value(&pair.1)?);
                self.built(address, Value::BoundMethod(Rc::new(copied)))
            }
            Value::List(list) => {
                let new = Rc::new(PyCell::new(Vec::new()));
                self.remember(address, Value::List(new.clone()));
                let items = list.borrow_unnoted().clone();
                *new.borrow_mut_unnoted() = self.values(&items)?;
                Value::List(new)
            }
            Value::ByteArray(array) => {
                self.remember(address, Value::ByteArray(Rc::new(PyCell::new(array.borrow_unnoted().clone()))))
            }
            Value::Dict(dict) => Value::Dict(self.dict(dict)?),
            Value::Set(set) => {
                let new = Rc::new(PyCell::new(crate::dict::PySet::default()));
                self.remember(address, Value::Set(new.clone()));
                let members: Vec<Value> = set.borrow_unnoted().iter().map(|k| k.0.clone()).collect();
                self.values(&members)?;
                self.pending_sets.push((set.clone(), new.clone()));
                Value::Set(new)
            }
            Value::Cell(cell) => {
                let new = Rc::new(PyCell::new(Value::None));
                self.remember(address, Value::Cell(new.clone()));
                let inner = cell.borrow_unnoted().clone();
                *new.borrow_mut_unnoted() = self.value(&inner)?;
                Value::Cell(new)
            }
            Value::Function(func) => self.function(address, func)?,
            Value::Class(class) => self.class(address, class)?,
            Value::Instance(inst) => self.instance(address, inst)?,
            Value::Module(module) => {
                let new = Module::new(module.name.clone(), Default::default());
                self.remember(address, Value::Module(new.clone()));
                if let Some(survey) = &mut self.survey {
                    let dict = module.dict.borrow_unnoted();
                    survey.record(address, v.clone(), true, dict.values());
                }
                let entries = self.attrs(&module.dict.borrow_unnoted())?;
                *new.dict.borrow_mut_unnoted() = entries;
                Value::Module(new)
            }
            Value::Iterator(state) => {
                let new = Rc::new(PyCell::new(IterState::Exhausted));
                self.remember(address, Value::Iterator(new.clone()));
                let original = state.borrow_unnoted().try_map(|v| Ok::<_, Unclonable>(v.clone()))?;
                *new.borrow_mut_unnoted() = original.try_map(|item| self.value(item))?;
                Value::Iterator(new)
            }
            Value::View(view) => {
                let dict = self.dict(&view.dict)?;
                self.built(
                    address,
                    Value::View(Rc::new(crate::dict_view::DictView { dict, kind: view.kind, ordered: view.ordered })),
                )
            }
            Value::Descriptor(desc) => {
                let func = self.value(&desc.func)?;
                let setter = desc.setter.as_ref().map(|s| self.value(s)).transpose()?;
                let deleter = desc.deleter.as_ref().map(|d| self.value(d)).transpose()?;
                let doc = desc.doc.as_ref().map(|d| self.value(d)).transpose()?;
                let copy = Descriptor { kind: desc.kind, func, setter, deleter, doc };
                self.built(address, Value::Descriptor(Rc::new(copy)))
            }
            Value::Str(_) | Value::Bytes(_) | Value::Long(_) | Value::Range(_) => v.clone(),
            Value::Undefined | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Native(_) => {
                v.clone()
            }
        })
    }

    pub(crate) fn values(&mut self, values: &[Value]) -> Result<Vec<Value>, Unclonable> {
        values.iter().map(|v| self.value(v)).collect()
    }

    /// How many objects were copied (to size the next copy's table).
    pub fn objects(&self) -> usize {
        self.memo.len()
    }

    pub(crate) fn attrs(&mut self, attrs: &crate::value::AttrMap) -> Result<crate::value::AttrMap, Unclonable> {
        // Names are shared: the table is cloned as it is (no hashing) and its values replaced.
        let mut copy = attrs.clone();
        for value in copy.values_mut() {
            if !shareable(value) {
                *value = self.unshared(value)?;
            }
        }
        Ok(copy)
    }

    pub(crate) fn args(&mut self, args: &Args) -> Result<Args, Unclonable> {
        let kw = args.kw.iter().map(|(k, v)| Ok((k.clone(), self.value(v)?))).collect::<Result<_, Unclonable>>()?;
        Ok(Args { pos: self.values(&args.pos)?, kw })
    }

    /// A dict.
    pub(crate) fn dict(&mut self, dict: &Rc<PyCell<Dict>>) -> Result<Rc<PyCell<Dict>>, Unclonable> {
        let address = Rc::as_ptr(dict) as usize;
        if let Some(Value::Dict(done)) = self.memo.get(&address) {
            return Ok(done.clone());
        }
        let new = Rc::new(PyCell::new(Dict::default()));
        self.memo.insert(address, Value::Dict(new.clone()));
        self.fill_dict(dict, &new)?;
        Ok(new)
    }

    /// Copy `original`'s items into `new` (memoised already).
    fn fill_dict(&mut self, original: &Rc<PyCell<Dict>>, new: &Rc<PyCell<Dict>>) -> Result<(), Unclonable> {
        if original.borrow_unnoted().keys().all(|k| shareable(&k.0)) {
            // Keys that stay the same hash the same: the table is cloned as it is, and its
            // values replaced by their copies.
            let values: Vec<Value> = original.borrow_unnoted().values().cloned().collect();
            let copied = self.values(&values)?;
            let mut table = original.borrow_unnoted().clone();
            for (slot, value) in table.values_mut().zip(copied) {
                *slot = value;
            }
            *new.borrow_mut_unnoted() = table;
            return Ok(());
        }
        // Other keys are inserted at [`Cloner::finish_containers`], once every object exists.
        let entries: Vec<(Value, Value)> =
            original.borrow_unnoted().iter().map(|(k, v)| (k.0.clone(), v.clone())).collect();
        let mut copied = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            copied.push((self.value(&key)?, self.value(&value)?));
        }
        self.pending_dicts.push((new.clone(), copied));
        Ok(())
    }

    pub(crate) fn class_ref(&mut self, class: &Rc<Class>) -> Result<Rc<Class>, Unclonable> {
        match self.value(&Value::Class(class.clone()))? {
            Value::Class(copy) => Ok(copy),
            _ => unreachable!("a class copies to a class"),
        }
    }

    pub(crate) fn function_ref(&mut self, func: &Rc<Function>) -> Result<Rc<Function>, Unclonable> {
        match self.value(&Value::Function(func.clone()))? {
            Value::Function(copy) => Ok(copy),
            _ => unreachable!("a function copies to a function"),
        }
    }

    pub(crate) fn cell_ref(&mut self, cell: &Rc<PyCell<Value>>) -> Result<Rc<PyCell<Value>>, Unclonable> {
        match self.value(&Value::Cell(cell.clone()))? {
            Value::Cell(copy) => Ok(copy),
            _ => unreachable!("a cell copies to a cell"),
        }
    }

    fn function(&mut self, address: usize, func: &Rc<Function>) -> Result<Value, Unclonable> {
        let defaults = self.values(&func.defaults)?;
        let kw_defaults =
            func.kw_defaults.iter().map(|(k, d)| Ok((k.clone(), self.value(d)?))).collect::<Result<_, Unclonable>>()?;
        let closure = func.closure.iter().map(|cell| self.cell_ref(cell)).collect::<Result<_, _>>()?;
        if let Some(done) = self.memo.get(&address) {
            return Ok(done.clone());
        }
        if let Some(survey) = &mut self.survey {
            let owner = func.owner.borrow().clone().map(Value::Class);
            let attrs = func.attrs.borrow_unnoted();
            let held = func.defaults.iter().chain(func.kw_defaults.iter().map(|(_, d)| d)).chain(&owner);
            // A closure's cells can be written.
            survey.record(address, Value::Function(func.clone()), func.closure.is_empty(), held.chain(attrs.values()));
        }
        let copy = Rc::new(Function {
            code: func.code,
            is_generator: func.is_generator,
            presents_as_builtin: func.presents_as_builtin,
            name: func.name.clone(),
            qualname: func.qualname.clone(),
            defaults,
            kw_defaults,
            closure,
            owner: RefCell::new(None),
            attrs: PyCell::new(Default::default()),
            sharing: std::cell::Cell::default(),
        });
        self.remember(address, Value::Function(copy.clone()));
        let owner = func.owner.borrow().clone();
        *copy.owner.borrow_mut() = owner.map(|class| self.class_ref(&class)).transpose()?;
        if !func.attrs.borrow_unnoted().is_empty() {
            let attrs = self.attrs(&func.attrs.borrow_unnoted())?;
            *copy.attrs.borrow_mut_unnoted() = attrs;
        }
        Ok(Value::Function(copy))
    }

    fn class(&mut self, address: usize, class: &Rc<Class>) -> Result<Value, Unclonable> {
        let bases = class.bases.iter().map(|base| self.class_ref(base)).collect::<Result<Vec<_>, _>>()?;
        let mro = class.mro.iter().map(|base| self.class_ref(base)).collect::<Result<Vec<_>, _>>()?;
        let metaclass = class.metaclass.as_ref().map(|meta| self.class_ref(meta)).transpose()?;
        if let Some(done) = self.memo.get(&address) {
            return Ok(done.clone());
        }
        if let Some(survey) = &mut self.survey {
            let classes: Vec<Value> =
                class.bases.iter().chain(&class.mro).chain(&class.metaclass).cloned().map(Value::Class).collect();
            let dict = class.dict.borrow_unnoted();
            survey.record(address, Value::Class(class.clone()), true, classes.iter().chain(dict.values()));
        }
        let copy = class.copied(bases, mro, metaclass);
        self.remember(address, Value::Class(copy.clone()));
        let attrs = self.attrs(&class.dict.borrow_unnoted())?;
        *copy.dict.borrow_mut_unnoted() = attrs;
        Ok(Value::Class(copy))
    }

    fn instance(&mut self, address: usize, inst: &Rc<Instance>) -> Result<Value, Unclonable> {
        let class = self.class_ref(&inst.class)?;
        let slot = self.slot_shell(&inst.slot)?;
        if let Some(done) = self.memo.get(&address) {
            return Ok(done.clone());
        }
        // Its `__dict__` may have been reached first (a script holding `vars(obj)`).
        let dict_address = Rc::as_ptr(&inst.dict) as usize;
        let (dict, fill_dict) = match self.memo.get(&dict_address) {
            Some(Value::Dict(done)) => (done.clone(), false),
            _ => (Rc::new(PyCell::new(Dict::default())), true),
        };
        let copy = Rc::new(Instance {
            class,
            dict: dict.clone(),
            slot,
            id: Cell::new(inst.id.get()),
            key_class: Cell::new(inst.key_class.get()),
        });
        self.remember(address, Value::Instance(copy.clone()));
        if fill_dict {
            self.memo.insert(dict_address, Value::Dict(dict.clone()));
            self.fill_dict(&inst.dict, &dict)?;
        }
        self.fill_slot(&inst.slot, &copy.slot)?;
        Ok(Value::Instance(copy))
    }

    /// An instance's slot, its parts that may refer back to the instance left to
    /// [`Cloner::fill_slot`].
    fn slot_shell(&mut self, slot: &Slot) -> Result<Slot, Unclonable> {
        Ok(match slot {
            Slot::None => Slot::None,
            Slot::Exception(data) => {
                let data = data.borrow();
                Slot::Exception(RefCell::new(ExceptionData {
                    traceback: data.traceback.clone(),
                    cause: None,
                    context: None,
                    suppress_context: data.suppress_context,
                    raised: data.raised,
                    bottom: data.bottom,
                    native_site: data.native_site,
                    missing: None,
                    kept_locals: Vec::new(),
                }))
            }
            Slot::Thread(data) => Slot::Thread(self.thread_data(data)?),
            Slot::Lock(lock) => Slot::Lock(self.lock(lock)),
            Slot::Local(local) => Slot::Local(local.try_copy(|v| self.value(v))?),
            Slot::Channel(_) => return Err(Unclonable::Processes),
            Slot::Generator(generator) => Slot::Generator(self.generator_shell(generator)),
            Slot::Twister(twister) => Slot::Twister(RefCell::new(twister.borrow().reseeded(self.seed)?)),
            Slot::Regex(compiled) => Slot::Regex(compiled.clone()),
            Slot::Builtin(base) => Slot::Builtin(self.value(base)?),
            Slot::Deque(store) => Slot::Deque(PyCell::new(store.borrow().try_copy(|v| self.value(v))?)),
            Slot::Weak(target) => Slot::Weak(target.copied(|referent| self.value(referent))?),
        })
    }

    fn fill_slot(&mut self, original: &Slot, copy: &Slot) -> Result<(), Unclonable> {
        match (original, copy) {
            (Slot::Exception(data), Slot::Exception(new)) => {
                let (cause, context, missing, kept) = {
                    let data = data.borrow();
                    (data.cause.clone(), data.context.clone(), data.missing.clone(), data.kept_locals.clone())
                };
                let kept_locals = kept
                    .iter()
                    .map(|locals| locals.iter().map(|v| self.value(v)).collect::<Result<Vec<_>, _>>())
                    .collect::<Result<Vec<_>, _>>()?;
                let cause = cause.map(|v| self.value(&v)).transpose()?;
                let context = context.map(|v| self.value(&v)).transpose()?;
                let missing = match missing {
                    Some(mut missing) => {
                        missing.obj = missing.obj.map(|v| self.value(&v)).transpose()?;
                        if let Some(frame) = &mut missing.frame {
                            frame.self_obj = frame.self_obj.take().map(|v| self.value(&v)).transpose()?;
                        }
                        Some(missing)
                    }
                    None => None,
                };
                let mut new = new.borrow_mut();
                (new.cause, new.context, new.missing, new.kept_locals) = (cause, context, missing, kept_locals);
            }
            (Slot::Generator(generator), Slot::Generator(new)) => self.fill_generator(generator, new)?,
            _ => {}
        }
        Ok(())
    }

    /// A thread's state (shared by its `Thread` object, its thread and its process's list).
    pub(crate) fn thread_data(&mut self, data: &Rc<PyCell<ThreadData>>) -> Result<Rc<PyCell<ThreadData>>, Unclonable> {
        let address = Rc::as_ptr(data) as usize;
        if let Some(done) = self.thread_data.get(&address) {
            return Ok(done.clone());
        }
        let (copy, values, has_async) = {
            let d = data.borrow_unnoted();
            let copy = Rc::new(PyCell::new(d.without_values()));
            (copy, d.values(), d.async_exc.is_some())
        };
        self.thread_data.insert(address, copy.clone());
        let [object, target, args, kwargs, async_exc] = values;
        let copied = [self.value(&object)?, self.value(&target)?, self.value(&args)?, self.value(&kwargs)?];
        let async_exc = if has_async { Some(self.value(&async_exc)?) } else { None };
        let mut d = copy.borrow_mut_unnoted();
        let [object, target, args, kwargs] = copied;
        (d.object, d.target, d.args, d.kwargs, d.async_exc) = (object, target, args, kwargs, async_exc);
        drop(d);
        Ok(copy)
    }

    /// A lock, exactly as it is (its number and footprint name too).
    pub fn lock(&mut self, lock: &Rc<LockState>) -> Rc<LockState> {
        let address = Rc::as_ptr(lock) as usize;
        self.locks.entry(address).or_insert_with(|| Rc::new(lock.exact_copy())).clone()
    }

    fn generator_shell(&mut self, generator: &Rc<Generator>) -> Rc<Generator> {
        let address = Rc::as_ptr(generator) as usize;
        self.generators.entry(address).or_insert_with(|| Rc::new(generator.shell_copy())).clone()
    }

    fn fill_generator(&mut self, generator: &Rc<Generator>, new: &Rc<Generator>) -> Result<(), Unclonable> {
        let frame = match &*generator.frame.borrow() {
            Some(frame) => Some(self.frame(frame)?),
            None => None,
        };
        *new.frame.borrow_mut() = frame;
        let handled = generator.handled_values();
        new.set_handled(self.values(&handled)?);
        Ok(())
    }

    pub(crate) fn frame(&mut self, frame: &Frame) -> Result<Frame, Unclonable> {
        let return_mode = match &frame.return_mode {
            ReturnMode::Push => ReturnMode::Push,
            ReturnMode::Instance(v) => ReturnMode::Instance(self.value(v)?),
            ReturnMode::ClassBody(header) => ReturnMode::ClassBody(Box::new(crate::class::ClassHeader {
                name: header.name.clone(),
                bases: header.bases.iter().map(|b| self.class_ref(b)).collect::<Result<_, _>>()?,
                metaclass: header.metaclass.as_ref().map(|m| self.class_ref(m)).transpose()?,
                keywords: header
                    .keywords
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), self.value(v)?)))
                    .collect::<Result<_, Unclonable>>()?,
                orig_bases: header.orig_bases.as_ref().map(|v| self.value(v)).transpose()?,
            })),
            ReturnMode::New(parts) => ReturnMode::New(Box::new((self.class_ref(&parts.0)?, self.args(&parts.1)?))),
            ReturnMode::ForIter { exit } => ReturnMode::ForIter { exit: *exit },
            ReturnMode::YieldFrom { exit } => ReturnMode::YieldFrom { exit: *exit },
            ReturnMode::Nested => return Err(Unclonable::NestedCall),
            ReturnMode::Then(..) => return Err(Unclonable::HookContinuation),
        };
        let mut copy = Frame::blank();
        copy.code = frame.code;
        copy.nlocals = frame.nlocals;
        copy.ip = frame.ip;
        copy.base = frame.base;
        copy.parked = self.values(&frame.parked)?;
        copy.cells = frame.cells.iter().map(|c| self.cell_ref(c)).collect::<Result<_, _>>()?;
        copy.blocks = frame.blocks.clone();
        copy.function = frame.function.as_ref().map(|f| self.function_ref(f)).transpose()?;
        copy.namespace = frame.namespace.as_ref().map(|d| self.dict(d)).transpose()?;
        copy.return_mode = return_mode;
        copy.generator = frame.generator.as_ref().map(|g| self.generator_shell(g));
        if let (Some(original), Some(new)) = (&frame.generator, &copy.generator) {
            // A running generator: its frame is this one, on the thread's stack.
            new.set_handled(self.values(&original.handled_values())?);
        }
        Ok(copy)
    }

    /// A thread as the VM runs it: its frames, its handled exceptions, what it resumes with.
    pub fn thread(&mut self, thread: &Thread) -> Result<Thread, Unclonable> {
        let data = self.thread_data(&thread.data)?;
        let mut copy = Thread::new(thread.tid, data);
        copy.stack = self.values(&thread.stack)?;
        copy.frames = thread.frames.iter().map(|f| self.frame(f)).collect::<Result<_, _>>()?;
        copy.handled = self.values(&thread.handled)?;
        copy.resume = match &thread.resume {
            Some(Ok(v)) => Some(Ok(self.value(v)?)),
            Some(Err(e)) => Some(Err(self.value(e)?)),
            None => None,
        };
        copy.pending_call = match &thread.pending_call {
            Some(PendingCall::Run(v)) => Some(PendingCall::Run(self.value(v)?)),
            Some(PendingCall::Call(v, args)) => Some(PendingCall::Call(self.value(v)?, self.args(args)?)),
            None => None,
        };
        copy.pending_output = thread.pending_output.clone();
        copy.resumes_after_jump = thread.resumes_after_jump;
        Ok(copy)
    }

    /// Insert the items of every dict and set copied (call once, after everything is copied).
    pub(crate) fn finish_containers(&mut self) -> Result<(), Unclonable> {
        for (dict, items) in std::mem::take(&mut self.pending_dicts) {
            let mut dict = dict.borrow_mut_unnoted();
            for (key, value) in items {
                dict.insert(Key(key), value);
            }
        }
        for (original, new) in std::mem::take(&mut self.pending_sets) {
            let copy = original.borrow_unnoted().try_map(|k| self.value(k))?;
            *new.borrow_mut_unnoted() = copy;
        }
        Ok(())
    }
}

/// Whether `v` can be shared by a copy: nothing reachable from it can change, or a run's
/// changes to it are undone ([`crate::run_shared`]).
pub(crate) fn shareable(v: &Value) -> bool {
    match v {
        Value::Undefined
        | Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::Float(_)
        | Value::Native(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::Long(_)
        | Value::Range(_) => true,
        Value::Class(class) => class.frozen || class.sharing.get() != Sharing::Private,
        Value::Function(func) => func.sharing.get() != Sharing::Private,
        Value::Module(module) => module.sharing.get() != Sharing::Private,
        // A built-in singleton (`Ellipsis`, `NotImplemented`): it holds nothing, and scripts
        // test its identity (`x is ...`), which a copy would break.
        Value::Instance(inst) => {
            inst.class.frozen
                && matches!(inst.slot, crate::value::Slot::None)
                && inst.class.slots.as_deref().is_some_and(|slots| slots.is_empty())
        }
        Value::Tuple(items) => items.len() <= 8 && items.iter().all(shareable_leaf),
        // A descriptor cannot change once made: shared when its functions are natives (the
        // `threading.Thread` class's properties).
        Value::Descriptor(desc) => [Some(&desc.func), desc.setter.as_ref(), desc.deleter.as_ref(), desc.doc.as_ref()]
            .into_iter()
            .flatten()
            .all(shareable_leaf),
        _ => false,
    }
}

/// [`shareable`] without looking into containers (a tuple nested a million deep).
pub(crate) fn shareable_leaf(v: &Value) -> bool {
    !matches!(v, Value::Tuple(_) | Value::Descriptor(_)) && shareable(v)
}
