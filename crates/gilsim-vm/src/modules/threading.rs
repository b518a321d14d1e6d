//! `threading` and `_thread`: Thread, Lock, RLock and the module functions, with CPython's
//! names, messages and deprecated aliases (python-semantics.md §4.1, §4.2, §4.8, §4.10, §5).
//! Starting, joining and contended acquires leave the VM as requests.

use super::{build_module as module, param};
use crate::builtins::{arity, c_method_arity, int_arg, kwarg, method_arity, py_arity};
use crate::footprint::PyCell;
use crate::footprint::{self, LockOp, Resource};
use crate::library_sites::NativeSite;
use crate::native::{native, Args, Control, NResult, Request};
use crate::sync::{LockKind, LockState, ThreadData};
use crate::types::Types;
use crate::value::{AttrMap, BuiltinKind, Class, ClassSpec, Instance, Slot, Str, Truth, Value};
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_core::PythonVersion;
use std::rc::Rc;

/// `threading.TIMEOUT_MAX` on Linux.
pub const TIMEOUT_MAX: f64 = 9_223_372_036.0;

pub fn new_thread_data() -> Rc<PyCell<ThreadData>> {
    Rc::new(PyCell::new(ThreadData {
        tid: None,
        process: 0,
        name: String::new(),
        daemon: false,
        ident: None,
        target: Value::None,
        args: Value::tuple(vec![]),
        kwargs: Value::None,
        initialized: false,
        started: false,
        finished: false,
        object: Value::None,
        low_level: false,
        excepthook_called: false,
        async_exc: None,
    }))
}

fn data_of(vm: &mut Vm, v: &Value) -> Result<Rc<PyCell<ThreadData>>, Control> {
    match v {
        Value::Instance(inst) => match &inst.slot {
            Slot::Thread(d) => Ok(d.clone()),
            _ => Err(vm.raise_msg(Exc::TypeError, "descriptor requires a 'Thread' object")),
        },
        _ => Err(vm.raise_msg(Exc::TypeError, "descriptor requires a 'Thread' object")),
    }
}

pub(crate) fn lock_of(vm: &mut Vm, v: &Value) -> Result<Rc<LockState>, Control> {
    match v {
        Value::Instance(inst) => match &inst.slot {
            Slot::Lock(l) => Ok(l.clone()),
            _ => Err(vm.raise_msg(Exc::TypeError, "descriptor requires a lock object")),
        },
        _ => Err(vm.raise_msg(Exc::TypeError, "descriptor requires a lock object")),
    }
}

/// The object of a thread not created by calling `Thread`: the main thread's is a
/// `threading._MainThread`, a `_thread` thread's a `threading._DummyThread` (both subclasses
/// of the run's `Thread`, as in CPython's threading.py, whose reprs say so).
fn thread_object(vm: &Vm, data: &Rc<PyCell<ThreadData>>, class_name: &str) -> Value {
    let spec = ClassSpec {
        name: Str::from(class_name),
        qualname: Str::from(class_name),
        module: Str::from("threading"),
        bases: vec![vm.interp.thread_class.clone()],
        dict: AttrMap::default(),
        kind: BuiltinKind::Thread,
        frozen: false,
        statement: false,
        slots: None,
        metaclass: None,
    };
    let class = Class::new(spec).unwrap_or_else(|_| unreachable!("one base always linearizes"));
    Value::Instance(Rc::new(Instance::new(class, Slot::Thread(data.clone()))))
}

/// Register the main thread of the active process, named `name`.
pub fn register_main_thread(vm: &mut Vm, name: &str) -> Rc<PyCell<ThreadData>> {
    let data = new_thread_data();
    let object = thread_object(vm, &data, "_MainThread");
    let tid = vm.next_tid;
    vm.next_tid += 1;
    {
        let mut d = data.borrow_mut();
        d.tid = Some(tid);
        d.process = vm.interp.process;
        d.name = name.into();
        d.ident = Some(vm.next_ident);
        d.initialized = true;
        d.started = true;
        d.object = object;
    }
    vm.next_ident += 1;
    vm.interp.threads.push(data.clone());
    vm.live_threads += 1;
    vm.interp.main_tid = tid;
    data
}

impl Vm {
    /// Register a started thread; returns its thread id.
    /// CPython's error when the host will not start another thread ([`crate::MAX_LIVE_THREADS`]).
    pub(crate) fn check_thread_limit(&mut self) -> Result<(), Control> {
        if self.live_threads >= crate::MAX_LIVE_THREADS {
            return Err(self.raise_msg(Exc::RuntimeError, "can't start new thread"));
        }
        Ok(())
    }

    pub fn register_thread(&mut self, data: &Rc<PyCell<ThreadData>>) -> usize {
        self.live_threads += 1;
        let tid = self.next_tid;
        self.next_tid += 1;
        let ident = self.next_ident;
        self.next_ident += 0x1000;
        footprint::note(Resource::Interpreter, true);
        {
            let mut d = data.borrow_mut();
            d.tid = Some(tid);
            d.process = self.interp.process;
            d.ident = Some(ident);
            d.started = true;
        }
        self.interp.threads.push(data.clone());
        tid
    }

    /// The data of thread `tid`, of any process.
    pub(crate) fn thread_data(&self, tid: usize) -> Option<Rc<PyCell<ThreadData>>> {
        self.all_interps().flat_map(|interp| &interp.threads).find(|d| d.borrow_unnoted().tid == Some(tid)).cloned()
    }

    fn next_thread_name(&mut self, target: &Value) -> String {
        self.interp.thread_counter += 1;
        footprint::note(Resource::Interpreter, true);
        let n = self.interp.thread_counter;
        let target_name: Option<&str> = match target {
            _ if !self.options.python.thread_name_has_target() => None,
            Value::Function(f) => Some(&f.name),
            Value::Native(f) => Some(f.short_name()),
            Value::BoundMethod(m) => match &m.1 {
                Value::Function(f) => Some(&f.name),
                _ => None,
            },
            _ => None,
        };
        // Built in place: every `Thread()` of every run makes one (two `format!`s cost ~1,400
        // instructions of an explore run, one ~400).
        let mut digits = itoa::Buffer::new();
        let number = digits.format(n);
        let mut name = String::with_capacity(7 + number.len() + target_name.map_or(0, |t| t.len() + 3));
        name.push_str("Thread-");
        name.push_str(number);
        if let Some(target) = target_name {
            name.push_str(" (");
            name.push_str(target);
            name.push(')');
        }
        name
    }

    fn current_thread_object(&self, th: &Thread) -> Value {
        th.data.borrow().object.clone()
    }
}

// ---- Thread ----------------------------------------------------------------------------------

native!(THREAD_INIT, "Thread.__init__", thread_init);
native!(THREAD_START, "Thread.start", thread_start);
native!(THREAD_RUN, "Thread.run", thread_run);
native!(THREAD_JOIN, "Thread.join", thread_join);
native!(THREAD_IS_ALIVE, "Thread.is_alive", |vm, th, args| {
    py_arity(vm, "Thread.is_alive", args, &["self"], 1)?;
    if stop_replaced(vm, &args.pos[0]) {
        return Err(vm.library_tail_call(th, "threading", "_is_alive_and_stop", std::mem::take(args)));
    }
    thread_is_alive(vm, th, args)
});
// `Thread.is_alive` and `join` as they are when the thread's `_stop` is CPython's.
native!(IS_ALIVE_PLAIN, "_gilsim.is_alive", thread_is_alive);
native!(JOIN_PLAIN, "_gilsim.join", join_plain);
/// Natives of `_gilsim` for library/threading.py.
pub const NATIVES: [&crate::native::NativeFn; 2] = [&IS_ALIVE_PLAIN, &JOIN_PLAIN];

fn thread_is_alive(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    let d = initialized_data(vm, &args.pos[0], NativeSite::IsAliveWithoutInit)?;
    let d = d.borrow();
    Ok(Value::bool(d.started && !d.has_finished()))
}

/// Whether `thread` (3.6-3.12) has its own `_stop`, in its dict or its class: CPython's
/// `join()` and `is_alive()` then call that once the thread has finished, where they meant
/// `Thread._stop` (the old recipe for a stoppable thread, `self._stop = Event()`, fails
/// there). Python 2 mangles the name (`__stop`); 3.13 no longer calls it.
fn stop_replaced(vm: &Vm, thread: &Value) -> bool {
    let version = vm.options.python;
    let calls_stop = version >= PythonVersion::new(3, 6) && version < PythonVersion::new(3, 13);
    let Value::Instance(inst) = thread else { return false };
    calls_stop && (inst.attr("_stop").is_some() || inst.class.lookup("_stop").is_some())
}
native!(THREAD_IS_ALIVE_OLD, "Thread.isAlive", |vm, th, args| {
    if vm.options.python == PythonVersion::new(3, 8) {
        vm.warn_deprecated(th, "isAlive() is deprecated, use is_alive() instead");
    }
    thread_is_alive(vm, th, args)
});
/// The data of `thread`, whose class's `__init__` must have called `Thread.__init__`: CPython's
/// properties assert it (raised as at `site`).
fn initialized_data(vm: &mut Vm, thread: &Value, site: NativeSite) -> Result<Rc<PyCell<ThreadData>>, Control> {
    let d = data_of(vm, thread)?;
    if !d.borrow_unnoted().initialized {
        return Err(vm.raise_at(site, Exc::AssertionError, "Thread.__init__() not called"));
    }
    Ok(d)
}
native!(THREAD_NAME_GET, "Thread.name", |vm, _th, args| Ok(Value::str(
    &initialized_data(vm, &args.pos[0], NativeSite::NameWithoutInit)?.borrow().name
)));
native!(THREAD_NAME_SET, "Thread.name", |vm, th, args| {
    let d = initialized_data(vm, &args.pos[0], NativeSite::NameSetWithoutInit)?;
    let name = vm.str_of(th, &args.pos[1])?;
    d.borrow_mut().name = name;
    Ok(Value::None)
});
/// `Thread._target`, `_args` and `_kwargs` (2.7: `_Thread__target`...), which subclasses
/// read in their own `run()` (the recipe for a thread that returns its target's result):
/// attributes of the thread's data, deleted by `Thread.run()` as CPython's is.
#[derive(Clone, Copy)]
enum RunPart {
    Target,
    Args,
    Kwargs,
}

impl RunPart {
    fn field(self, data: &ThreadData) -> &Value {
        match self {
            RunPart::Target => &data.target,
            RunPart::Args => &data.args,
            RunPart::Kwargs => &data.kwargs,
        }
    }

    fn field_mut(self, data: &mut ThreadData) -> &mut Value {
        match self {
            RunPart::Target => &mut data.target,
            RunPart::Args => &mut data.args,
            RunPart::Kwargs => &mut data.kwargs,
        }
    }

    fn name(self, version: PythonVersion) -> &'static str {
        let py2 = version.major == 2;
        match self {
            RunPart::Target if py2 => "_Thread__target",
            RunPart::Args if py2 => "_Thread__args",
            RunPart::Kwargs if py2 => "_Thread__kwargs",
            RunPart::Target => "_target",
            RunPart::Args => "_args",
            RunPart::Kwargs => "_kwargs",
        }
    }

    fn get(self, vm: &mut Vm, thread: &Value) -> NResult {
        let data = data_of(vm, thread)?;
        let value = self.field(&data.borrow()).clone();
        if matches!(value, Value::Undefined) {
            let message = format!(
                "'{}' object has no attribute '{}'",
                crate::builtins::type_name_of(thread),
                self.name(vm.options.python)
            );
            return Err(vm.raise_msg(Exc::AttributeError, message));
        }
        Ok(value)
    }

    fn set(self, vm: &mut Vm, thread: &Value, value: Value) -> NResult {
        let data = data_of(vm, thread)?;
        *self.field_mut(&mut data.borrow_mut()) = value;
        Ok(Value::None)
    }
}

native!(THREAD_TARGET_GET, "Thread._target", |vm, _th, args| RunPart::Target.get(vm, &args.pos[0]));
native!(THREAD_TARGET_SET, "Thread._target", |vm, _th, args| RunPart::Target.set(
    vm,
    &args.pos[0],
    args.pos[1].clone()
));
native!(THREAD_ARGS_GET, "Thread._args", |vm, _th, args| RunPart::Args.get(vm, &args.pos[0]));
native!(THREAD_ARGS_SET, "Thread._args", |vm, _th, args| RunPart::Args.set(vm, &args.pos[0], args.pos[1].clone()));
native!(THREAD_KWARGS_GET, "Thread._kwargs", |vm, _th, args| RunPart::Kwargs.get(vm, &args.pos[0]));
native!(THREAD_KWARGS_SET, "Thread._kwargs", |vm, _th, args| RunPart::Kwargs.set(
    vm,
    &args.pos[0],
    args.pos[1].clone()
));
native!(THREAD_IDENT_GET, "Thread.ident", |vm, _th, args| {
    Ok(initialized_data(vm, &args.pos[0], NativeSite::IdentWithoutInit)?.borrow().ident.map_or(Value::None, Value::Int))
});
native!(THREAD_NATIVE_ID_GET, "Thread.native_id", |vm, _th, args| {
    let site = NativeSite::NativeIdWithoutInit;
    Ok(initialized_data(vm, &args.pos[0], site)?.borrow().ident.map_or(Value::None, Value::Int))
});
native!(THREAD_DAEMON_GET, "Thread.daemon", |vm, _th, args| Ok(Value::bool(
    initialized_data(vm, &args.pos[0], NativeSite::DaemonWithoutInit)?.borrow().daemon
)));
native!(THREAD_DAEMON_SET, "Thread.daemon", |vm, th, args| {
    let d = data_of(vm, &args.pos[0])?;
    if !d.borrow().initialized {
        return Err(vm.raise_msg(Exc::RuntimeError, "Thread.__init__() not called"));
    }
    if d.borrow().started {
        return Err(vm.raise_msg(Exc::RuntimeError, "cannot set daemon status of active thread"));
    }
    let flag = vm.truthy(th, &args.pos[1])?;
    d.borrow_mut().daemon = flag;
    Ok(Value::None)
});
native!(THREAD_GETNAME, "Thread.getName", |vm, th, args| {
    py_arity(vm, "Thread.getName", args, &["self"], 1)?;
    if vm.options.python.warns_on_camel_case_aliases() {
        vm.warn_deprecated(th, "getName() is deprecated, get the name attribute instead");
    }
    Ok(Value::str(&initialized_data(vm, &args.pos[0], NativeSite::NameWithoutInit)?.borrow().name))
});
native!(THREAD_SETNAME, "Thread.setName", |vm, th, args| {
    py_arity(vm, "Thread.setName", args, &["self", "name"], 2)?;
    if vm.options.python.warns_on_camel_case_aliases() {
        vm.warn_deprecated(th, "setName() is deprecated, set the name attribute instead");
    }
    let d = initialized_data(vm, &args.pos[0], NativeSite::NameSetWithoutInit)?;
    let name = vm.str_of(th, &args.pos[1])?;
    d.borrow_mut().name = name;
    Ok(Value::None)
});
native!(THREAD_ISDAEMON, "Thread.isDaemon", |vm, th, args| {
    py_arity(vm, "Thread.isDaemon", args, &["self"], 1)?;
    if vm.options.python.warns_on_camel_case_aliases() {
        vm.warn_deprecated(th, "isDaemon() is deprecated, get the daemon attribute instead");
    }
    Ok(Value::bool(initialized_data(vm, &args.pos[0], NativeSite::DaemonWithoutInit)?.borrow().daemon))
});
// `super().__repr__()` in a subclass's own `__repr__`.
native!(THREAD_REPR, "Thread.__repr__", |vm, _th, args| {
    py_arity(vm, "Thread.__repr__", args, &["self"], 1)?;
    let data = data_of(vm, &args.pos[0])?;
    let class = vm.class_of(&args.pos[0]);
    Ok(Value::str(&thread_repr(vm, &class, &data)?))
});
native!(THREAD_SETDAEMON, "Thread.setDaemon", |vm, th, args| {
    py_arity(vm, "Thread.setDaemon", args, &["self", "daemonic"], 2)?;
    if vm.options.python.warns_on_camel_case_aliases() {
        vm.warn_deprecated(th, "setDaemon() is deprecated, set the daemon attribute instead");
    }
    (THREAD_DAEMON_SET.func)(vm, th, args)
});

/// `Thread.__init__`'s parameters after `self` (2.7's last is `verbose`, 3's keyword-only
/// `daemon`).
fn thread_init_parameters(vm: &Vm) -> [&'static str; 6] {
    let last = if vm.options.python.major == 2 { "verbose" } else { "daemon" };
    ["group", "target", "name", "args", "kwargs", last]
}

/// A keyword `Thread.__init__` has no parameter for (`Thread(targt=f)`), or one given by
/// position too: CPython's TypeError for the Python function it is.
fn check_thread_init_keywords(vm: &mut Vm, args: &Args) -> Result<(), Control> {
    let parameters = thread_init_parameters(vm);
    let fname = crate::builtins::py_function_name(vm, "Thread.__init__");
    for (name, _) in &args.kw {
        let message = match parameters.iter().position(|p| **p == **name) {
            Some(i) if i + 1 < args.pos.len() && i < 5 => {
                format!("{fname}() got multiple values for argument '{name}'")
            }
            Some(_) => continue,
            None => crate::suggestions::unexpected_keyword(vm, fname, name, &parameters),
        };
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    Ok(())
}

fn thread_init(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    let d = data_of(vm, &args.pos[0])?;
    if !args.kw.is_empty() {
        check_thread_init_keywords(vm, args)?;
    }
    let group = param(args, 1, "group").unwrap_or(Value::None);
    if !group.is_none() {
        return Err(vm.raise_msg(Exc::AssertionError, "group argument must be None for now"));
    }
    let target = param(args, 2, "target").unwrap_or(Value::None);
    let name = param(args, 3, "name").unwrap_or(Value::None);
    let call_args = param(args, 4, "args").unwrap_or_else(|| Value::tuple(vec![]));
    // CPython's `if kwargs is None: kwargs = {}`.
    let kwargs = match param(args, 5, "kwargs") {
        None | Some(Value::None) => Value::Dict(Rc::new(PyCell::new(crate::dict::Dict::default()))),
        Some(kwargs) => kwargs,
    };
    if args.pos.len() > 6 {
        return Err(vm.raise_msg(
            Exc::TypeError,
            format!("Thread.__init__() takes from 1 to 6 positional arguments but {} were given", args.pos.len()),
        ));
    }
    let daemon = match kwarg(args, "daemon") {
        None | Some(Value::None) => th.data.borrow().daemon,
        Some(v) => vm.truthy(th, &v)?,
    };
    let name = match name {
        Value::None => vm.next_thread_name(&target),
        other => vm.str_of(th, &other)?,
    };
    let mut data = d.borrow_mut();
    data.target = target;
    data.args = call_args;
    data.kwargs = kwargs;
    data.name = name;
    data.daemon = daemon;
    data.initialized = true;
    Ok(Value::None)
}

fn thread_start(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    py_arity(vm, "Thread.start", args, &["self"], 1)?;
    let d = data_of(vm, &args.pos[0])?;
    if !d.borrow().initialized {
        return Err(vm.raise_at(NativeSite::StartWithoutInit, Exc::RuntimeError, "thread.__init__() not called"));
    }
    if d.borrow().started {
        return Err(vm.raise_at(NativeSite::StartedTwice, Exc::RuntimeError, "threads can only be started once"));
    }
    vm.check_thread_limit()?;
    Err(Control::block(Request::Start { thread: d, wait_started: true }))
}

fn thread_run(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    py_arity(vm, "Thread.run", args, &["self"], 1)?;
    let target = RunPart::Target.get(vm, &args.pos[0])?;
    let call_args = RunPart::Args.get(vm, &args.pos[0])?;
    let kwargs = RunPart::Kwargs.get(vm, &args.pos[0])?;
    // `del self._target, self._args, self._kwargs` (in CPython's `finally`, once the target
    // returned: here as the call begins, which no code of the thread can tell apart).
    for part in [RunPart::Target, RunPart::Args, RunPart::Kwargs] {
        part.set(vm, &args.pos[0], Value::Undefined)?;
    }
    if target.is_none() {
        return Ok(Value::None);
    }
    // `self._target(*self._args, **self._kwargs)`.
    let pos = match &call_args {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        other => vm.call_args_list(th, &target, other)?,
    };
    if !th.frames.is_empty() {
        // Python code called `run()` (a subclass's `super().run()`): CPython's `run` is a
        // frame of its own, which tracebacks show, and returns None.
        let run_target = vm.library_attr(th, "threading", "_run_target")?;
        let call = Args::new(vec![target, Value::tuple(pos), kwargs]);
        return Err(Control::call(run_target, call));
    }
    let kw = match &kwargs {
        Value::Dict(dict) => dict
            .borrow()
            .iter()
            .filter_map(|(k, v)| match &k.0 {
                Value::Str(s) => Some((s.clone(), v.clone())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Err(Control::call(target, Args { pos, kw }))
}

fn timeout_deadline(vm: &mut Vm, timeout: Option<Value>) -> Result<Option<u64>, Control> {
    match timeout {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let secs = super::seconds(vm, &v, "timeout")?.max(0.0);
            Ok(Some(vm.timed_now() + super::nanos(secs)))
        }
    }
}

fn thread_join(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    py_arity(vm, "Thread.join", args, &["self", "timeout"], 1)?;
    if stop_replaced(vm, &args.pos[0]) {
        return Err(vm.library_tail_call(th, "threading", "_join_and_stop", std::mem::take(args)));
    }
    join_plain(vm, th, args)
}

fn join_plain(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    let d = data_of(vm, &args.pos[0])?;
    let (started, tid) = {
        let d = d.borrow();
        (d.started, d.tid)
    };
    // Whether it finished is noted as a join attempt (a sync), not a read: see
    // `footprint::Sync::JoinAttempt`.
    let finished = d.borrow_unnoted().finished;
    if !d.borrow().initialized {
        return Err(vm.raise_at(NativeSite::JoinWithoutInit, Exc::RuntimeError, "Thread.__init__() not called"));
    }
    if !started {
        return Err(vm.raise_at(
            NativeSite::JoinBeforeStart,
            Exc::RuntimeError,
            "cannot join thread before it is started",
        ));
    }
    let tid = tid.expect("started threads have an id");
    if tid == th.tid {
        return Err(vm.raise_at(NativeSite::JoinCurrentThread, Exc::RuntimeError, "cannot join current thread"));
    }
    footprint::note_join_attempt(tid);
    if finished {
        // Returning at once still orders the thread's whole run before what follows.
        footprint::note_joined(tid);
        vm.note_join(th.tid, tid);
        return Ok(Value::None);
    }
    let deadline = timeout_deadline(vm, param(args, 1, "timeout"))?;
    Err(Control::block(Request::Join { target: tid, deadline }))
}

/// `<Thread(name, status)>`; CPython's `__repr__` asserts that `Thread.__init__` ran.
pub fn thread_repr(vm: &mut Vm, class: &Rc<Class>, data: &Rc<PyCell<ThreadData>>) -> Result<String, Control> {
    if !data.borrow().initialized {
        let message = "Thread.__init__() was not called";
        return Err(vm.raise_at(NativeSite::ReprWithoutInit, Exc::AssertionError, message));
    }
    let d = data.borrow();
    let mut status = if d.has_finished() {
        "stopped".to_string()
    } else if d.started {
        "started".to_string()
    } else {
        "initial".to_string()
    };
    if d.daemon {
        status.push_str(" daemon");
    }
    if let Some(ident) = d.ident {
        status.push_str(&format!(" {ident}"));
    }
    Ok(format!("<{}({}, {status})>", class.name, d.name))
}

// ---- Lock / RLock ----------------------------------------------------------------------------

pub(crate) fn new_lock(vm: &mut Vm, kind: LockKind) -> Value {
    let number = vm.new_lock_number();
    lock_object(vm, LockState::new(number, kind))
}

/// The Python object of a lock (a semaphore is a `_thread.lock` to Python code: only
/// `multiprocessing`'s own code sees it).
pub(crate) fn lock_object(vm: &Vm, lock: LockState) -> Value {
    let class = match lock.kind {
        LockKind::Lock | LockKind::Semaphore => vm.types.lock.clone(),
        LockKind::RLock => vm.types.rlock.clone(),
    };
    Value::Instance(Rc::new(Instance::new(class, Slot::Lock(Rc::new(lock)))))
}

impl Vm {
    /// The number of a new lock (`Lock#3` in reports; the detectors' lock id).
    pub(crate) fn new_lock_number(&mut self) -> u64 {
        self.next_lock_number += 1;
        self.next_lock_number
    }
}

native!(LOCK_NEW, "threading.Lock", |vm, _th, args| {
    if vm.options.python < PythonVersion::new(3, 13) {
        arity(vm, "_thread.allocate_lock", args, 0, 0)?;
    } else if !args.pos.is_empty() {
        // `threading.Lock` is a class from 3.13 on.
        return Err(vm.raise_msg(Exc::TypeError, format!("lock expected 0 arguments, got {}", args.pos.len())));
    }
    Ok(new_lock(vm, LockKind::Lock))
});
native!(ALLOCATE_LOCK, "_thread.allocate_lock", |vm, _th, args| {
    arity(vm, "_thread.allocate_lock", args, 0, 0)?;
    Ok(new_lock(vm, LockKind::Lock))
});
// `_thread.allocate()`, `start_new()` and `exit_thread()`: the old names, separate built-ins
// in CPython (`_thread.allocate is _thread.allocate_lock` is False).
native!(ALLOCATE, "_thread.allocate", |vm, _th, args| {
    arity(vm, "_thread.allocate", args, 0, 0)?;
    Ok(new_lock(vm, LockKind::Lock))
});
native!(START_NEW, "_thread.start_new", |vm, th, args| (START_NEW_THREAD.func)(vm, th, args));
// `_thread.exit()`: SystemExit, which ends the thread quietly.
native!(EXIT, "_thread.exit", |vm, _th, args| {
    arity(vm, "exit", args, 0, 0)?;
    Err(Control::Raise(vm.new_exception_args(Exc::SystemExit, vec![])))
});
native!(EXIT_THREAD, "_thread.exit_thread", |vm, th, args| (EXIT.func)(vm, th, args));
native!(RLOCK_NEW, "threading.RLock", |vm, _th, _args| Ok(new_lock(vm, LockKind::RLock)));
native!(LOCK_ACQUIRE, "lock.acquire", lock_acquire);
native!(LOCK_ENTER, "lock.__enter__", lock_acquire);
native!(LOCK_RELEASE, "lock.release", |vm, th, args| {
    let shown = match lock_of(vm, &args.pos[0])?.kind {
        LockKind::Lock | LockKind::Semaphore => "lock.release",
        LockKind::RLock => "RLock.release",
    };
    method_arity(vm, shown, args, 0, 0)?;
    lock_release(vm, th, args)
});
native!(LOCK_EXIT, "lock.__exit__", |vm, th, args| {
    args.pos.truncate(1);
    lock_release(vm, th, args)
});
native!(LOCK_LOCKED, "lock.locked", |vm, _th, args| {
    method_arity(vm, "lock.locked", args, 0, 0)?;
    let lock = lock_of(vm, &args.pos[0])?;
    footprint::note_lock(LockOp::Peek(lock.name));
    Ok(Value::bool(lock.locked.get()))
});

// CPython's RLock has it for `Condition` (and scripts that assert they hold the lock).
native!(RLOCK_IS_OWNED, "RLock._is_owned", |vm, th, args| {
    method_arity(vm, "RLock._is_owned", args, 0, 0)?;
    let lock = lock_of(vm, &args.pos[0])?;
    footprint::note_lock(LockOp::Peek(lock.name));
    Ok(Value::bool(lock.is_owned_by(th.tid)))
});

fn lock_acquire(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    c_method_arity(vm, "acquire", args, 2)?;
    let lock = lock_of(vm, &args.pos[0])?;
    let blocking = match param(args, 1, "blocking") {
        Some(v) => vm.truthy(th, &v)?,
        None => true,
    };
    let timeout = match param(args, 2, "timeout") {
        Some(v) => super::seconds(vm, &v, "timeout")?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.raise_msg(Exc::ValueError, "can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        let message = if vm.options.python >= PythonVersion::new(3, 13) {
            "timeout value must be a non-negative number"
        } else {
            "timeout value must be positive"
        };
        return Err(vm.raise_msg(Exc::ValueError, message));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.raise_msg(Exc::OverflowError, "timestamp out of range for platform time_t"));
    }
    if !blocking {
        // It looks whether the lock is free, and goes on either way: unlike a blocking
        // acquire, it races with the release as well as with other acquires.
        footprint::note_lock(LockOp::Peek(lock.name));
    }
    if lock.try_acquire(th.tid) {
        if lock.count.get() <= 1 {
            vm.note_lock(th, &lock, true);
        }
        return Ok(Value::Bool(Truth::True));
    }
    if !blocking {
        return Ok(Value::Bool(Truth::False));
    }
    // The attempt found the lock held and blocks: the step read the lock's state (had the
    // holder not taken it yet, the step would have gone on holding it).
    footprint::note_lock(LockOp::Peek(lock.name));
    let deadline = (timeout >= 0.0).then(|| vm.timed_now() + super::nanos(timeout));
    Err(Control::block(Request::Acquire { lock, deadline, count: 1 }))
}

/// CPython's error when thread `tid` may not release `lock`: a Lock must be locked (by
/// anyone), an RLock owned by `tid`.
pub(crate) fn check_release(vm: &mut Vm, lock: &LockState, tid: usize) -> Result<(), Control> {
    if lock.is_owned_by(tid) {
        return Ok(());
    }
    footprint::note_lock(LockOp::Peek(lock.name));
    let message = match lock.kind {
        LockKind::Lock | LockKind::Semaphore => "release unlocked lock",
        LockKind::RLock => "cannot release un-acquired lock",
    };
    if lock.kind == LockKind::Lock && vm.options.python.major == 2 {
        // Python 2's C lock raises thread.error.
        let error = vm.instantiate_exception(vm.types.thread_error.clone(), vec![Value::str(message)]);
        return Err(Control::Raise(error));
    }
    Err(vm.raise_msg(Exc::RuntimeError, message))
}

fn lock_release(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    let lock = lock_of(vm, &args.pos[0])?;
    check_release(vm, &lock, th.tid)?;
    if !lock.release_once() {
        return Ok(Value::None);
    }
    vm.note_lock(th, &lock, false);
    wake_waiter(lock, Value::None)
}

/// After a release: return `result`, through the runtime when a waiter must be woken.
pub(crate) fn wake_waiter(lock: Rc<LockState>, result: Value) -> NResult {
    if lock.waiters.get() > 0 {
        return Err(Control::block(Request::WakeLockWaiter { lock, result }));
    }
    Ok(result)
}

pub fn lock_repr(vm: &mut Vm, v: &Value, lock: &LockState) -> String {
    let id = vm.object_id(v);
    let state = if lock.locked.get() { "locked" } else { "unlocked" };
    match lock.kind {
        LockKind::Lock | LockKind::Semaphore => format!("<{state} _thread.lock object at {id:#x}>"),
        LockKind::RLock => {
            let owner = lock.owner.get().and_then(|t| vm.thread_data(t)?.borrow().ident).unwrap_or(0);
            format!("<{state} _thread.RLock object owner={owner} count={} at {id:#x}>", lock.count.get())
        }
    }
}

// ---- module functions ------------------------------------------------------------------------

native!(CURRENT_THREAD, "threading.current_thread", |vm, th, args| {
    py_arity(vm, "current_thread", args, &[], 0)?;
    Ok(vm.current_thread_object(th))
});
native!(CURRENT_THREAD_OLD, "threading.currentThread", |vm, th, args| {
    py_arity(vm, "currentThread", args, &[], 0)?;
    if vm.options.python.warns_on_camel_case_aliases() {
        vm.warn_deprecated(th, "currentThread() is deprecated, use current_thread() instead");
    }
    Ok(vm.current_thread_object(th))
});
native!(MAIN_THREAD, "threading.main_thread", |vm, _th, args| {
    py_arity(vm, "main_thread", args, &[], 0)?;
    Ok(vm.interp.threads[0].borrow().object.clone())
});
native!(ENUMERATE, "threading.enumerate", |vm, _th, args| {
    py_arity(vm, "enumerate", args, &[], 0)?;
    Ok(Value::list(alive(vm)))
});
native!(ACTIVE_COUNT, "threading.active_count", |vm, _th, args| {
    py_arity(vm, "active_count", args, &[], 0)?;
    Ok(Value::Int(alive(vm).len() as i64))
});
native!(ACTIVE_COUNT_OLD, "threading.activeCount", |vm, th, args| {
    py_arity(vm, "activeCount", args, &[], 0)?;
    if vm.options.python.warns_on_camel_case_aliases() {
        vm.warn_deprecated(th, "activeCount() is deprecated, use active_count() instead");
    }
    Ok(Value::Int(alive(vm).len() as i64))
});
native!(GET_IDENT, "threading.get_ident", |vm, th, args| {
    arity(vm, "_thread.get_ident", args, 0, 0)?;
    Ok(th.data.borrow().ident.map_or(Value::None, Value::Int))
});
// The thread's simulated native id (3.8+): its ident, as `Thread.native_id` is.
native!(GET_NATIVE_ID, "threading.get_native_id", |vm, th, args| {
    arity(vm, "get_native_id", args, 0, 0)?;
    Ok(th.data.borrow().ident.map_or(Value::None, Value::Int))
});
native!(START_NEW_THREAD, "_thread.start_new_thread", |vm, _th, args| {
    arity(vm, "start_new_thread", args, 2, 3)?;
    if !matches!(args.pos[1], Value::Tuple(_)) {
        return Err(vm.raise_msg(Exc::TypeError, "2nd arg must be a tuple"));
    }
    let data = new_thread_data();
    vm.interp.dummy_counter += 1;
    footprint::note(Resource::Interpreter, true);
    let object = thread_object(vm, &data, "_DummyThread");
    {
        let mut d = data.borrow_mut();
        d.target = args.pos[0].clone();
        d.args = args.pos[1].clone();
        d.kwargs = args.pos.get(2).cloned().unwrap_or(Value::None);
        d.name = format!("Dummy-{}", vm.interp.dummy_counter);
        d.daemon = true;
        d.initialized = true;
        d.low_level = true;
        d.object = object;
    }
    vm.check_thread_limit()?;
    Err(Control::block(Request::Start { thread: data, wait_started: false }))
});

// `threading.stack_size(size=0)`: the size is only recorded (simulated threads have no C
// stack), but validated as CPython's `_thread.stack_size` does on Linux. As there, calling it
// without an argument also resets the size to 0.
native!(STACK_SIZE, "threading.stack_size", |vm, _th, args| {
    if args.pos.len() > 1 {
        let message = format!("stack_size() takes at most 1 argument ({} given)", args.pos.len());
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    let size = match args.pos.first() {
        None => 0,
        Some(Value::Float(_)) if vm.options.python < PythonVersion::new(3, 10) => {
            return Err(vm.raise_msg(Exc::TypeError, "integer argument expected, got float"));
        }
        Some(other) => int_arg(vm, other, "")?,
    };
    if size < 0 {
        return Err(vm.raise_msg(Exc::ValueError, "size must be 0 or a positive value"));
    }
    if size != 0 && size < MIN_STACK_SIZE {
        return Err(vm.raise_msg(Exc::ValueError, format!("size not valid: {size} bytes")));
    }
    footprint::note(Resource::Interpreter, true);
    let previous = std::mem::replace(&mut vm.interp.stack_size, size);
    Ok(Value::Int(previous))
});

/// PTHREAD_STACK_MIN on Linux: CPython rejects smaller non-zero sizes.
const MIN_STACK_SIZE: i64 = 32_768;

/// `threading.enumerate()`: started threads that have not finished. The main thread stays
/// listed after the main module ends (CPython stops it but keeps it in `_active`).
/// `threading._active`: CPython's dict of the running threads by ident, which "stop a thread"
/// recipes read (`for ident, thread in threading._active.items()`). Made afresh on each read
/// of the attribute, so a program that keeps the dict sees it as of that read.
pub(crate) fn active_by_ident(vm: &Vm) -> Value {
    let mut active = crate::dict::Dict::default();
    for data in alive_threads(vm) {
        let data = data.borrow();
        let Some(ident) = data.ident else { continue };
        let key = crate::dict::Key::new(Value::Int(ident)).expect("an int is hashable");
        active.insert(key, data.object.clone());
    }
    Value::Dict(Rc::new(PyCell::new(active)))
}

fn alive(vm: &Vm) -> Vec<Value> {
    alive_threads(vm).map(|d| d.borrow().object.clone()).collect()
}

/// The threads `enumerate()` lists: the main thread and those started and not finished.
fn alive_threads(vm: &Vm) -> impl Iterator<Item = &Rc<PyCell<ThreadData>>> {
    // The thread table grows as threads start (an interpreter write, see `register_thread`).
    footprint::note(Resource::Interpreter, false);
    let main = vm.interp.main_tid;
    vm.interp.threads.iter().filter(move |d| {
        let d = d.borrow();
        d.tid == Some(main) || d.started && !d.has_finished()
    })
}

/// What a `threading.Thread` class of `version` starts with: its methods and properties,
/// less what `version` lacks (`isAlive` went in 3.9, `native_id` came in 3.8), so `hasattr`
/// agrees with the attribute. Built once per [`crate::Image`] and version.
pub fn thread_class_attrs(version: PythonVersion) -> AttrMap {
    let property = |get: &'static crate::NativeFn, set: Option<&'static crate::NativeFn>| {
        let desc = crate::value::Descriptor::property(Value::Native(get), set.map(Value::Native), None);
        Value::Descriptor(Rc::new(desc))
    };
    let mut dict = AttrMap::default();
    let methods = [
        ("__init__", &THREAD_INIT),
        ("start", &THREAD_START),
        ("run", &THREAD_RUN),
        ("join", &THREAD_JOIN),
        ("is_alive", &THREAD_IS_ALIVE),
        ("isAlive", &THREAD_IS_ALIVE_OLD),
        ("getName", &THREAD_GETNAME),
        ("setName", &THREAD_SETNAME),
        ("isDaemon", &THREAD_ISDAEMON),
        ("setDaemon", &THREAD_SETDAEMON),
        ("__repr__", &THREAD_REPR),
    ];
    for (name, f) in methods {
        if name != "isAlive" || version < PythonVersion::new(3, 9) {
            dict.insert(Str::from(name), Value::Native(f));
        }
    }
    dict.insert(Str::from("name"), property(&THREAD_NAME_GET, Some(&THREAD_NAME_SET)));
    dict.insert(Str::from("ident"), property(&THREAD_IDENT_GET, None));
    if version >= PythonVersion::new(3, 8) {
        dict.insert(Str::from("native_id"), property(&THREAD_NATIVE_ID_GET, None));
    }
    dict.insert(Str::from("daemon"), property(&THREAD_DAEMON_GET, Some(&THREAD_DAEMON_SET)));
    for (part, get, set) in [
        (RunPart::Target, &THREAD_TARGET_GET, &THREAD_TARGET_SET),
        (RunPart::Args, &THREAD_ARGS_GET, &THREAD_ARGS_SET),
        (RunPart::Kwargs, &THREAD_KWARGS_GET, &THREAD_KWARGS_SET),
    ] {
        dict.insert(Str::from(part.name(version)), property(get, Some(set)));
    }
    dict
}

/// A fresh `threading.Thread` class with `attrs` (from [`thread_class_attrs`]; a copy of the
/// template keeps its hash table, so no key is hashed again). Unlike the built-in types it is
/// not frozen: CPython writes it in Python, and scripts may patch it (`Thread.run = ...`), so
/// each run has its own.
pub fn thread_class(types: &Types, attrs: &AttrMap) -> Rc<Class> {
    let spec = ClassSpec {
        name: Str::from("Thread"),
        qualname: Str::from("Thread"),
        module: Str::from("threading"),
        bases: vec![types.object.clone()],
        dict: attrs.clone(),
        kind: BuiltinKind::Thread,
        frozen: false,
        statement: false,
        slots: None,
        metaclass: None,
    };
    Class::new(spec).unwrap_or_else(|_| unreachable!("one base always linearizes"))
}

/// The methods of the built-in lock types.
pub fn install_classes(types: &Types) {
    for class in [&types.lock, &types.rlock] {
        let mut d = class.dict.borrow_mut();
        for (name, f) in [
            ("acquire", &LOCK_ACQUIRE),
            ("release", &LOCK_RELEASE),
            ("__enter__", &LOCK_ENTER),
            ("__exit__", &LOCK_EXIT),
        ] {
            d.insert(Str::from(name), Value::Native(f));
        }
        if Rc::ptr_eq(class, &types.lock) {
            d.insert(Str::from("locked"), Value::Native(&LOCK_LOCKED));
            d.insert(Str::from("__new__"), Value::Native(&LOCK_NEW));
        } else {
            d.insert(Str::from("__new__"), Value::Native(&RLOCK_NEW));
            d.insert(Str::from("_is_owned"), Value::Native(&RLOCK_IS_OWNED));
        }
    }
}

pub fn threading_module(vm: &Vm) -> Value {
    let mut natives: Vec<&'static crate::native::NativeFn> = vec![
        &CURRENT_THREAD,
        &CURRENT_THREAD_OLD,
        &MAIN_THREAD,
        &ENUMERATE,
        &ACTIVE_COUNT,
        &ACTIVE_COUNT_OLD,
        &GET_IDENT,
        &STACK_SIZE,
        &RLOCK_NEW,
        &super::atexit::REGISTER_THREADING_EXIT,
    ];
    if vm.options.python >= gilsim_core::PythonVersion::new(3, 8) {
        natives.push(&GET_NATIVE_ID);
    }
    natives.push(&crate::settrace::SET_THREAD_TRACE);
    if vm.options.python >= gilsim_core::PythonVersion::new(3, 10) {
        natives.push(&crate::settrace::GET_THREAD_TRACE);
    }
    module(
        "threading",
        &natives,
        vec![
            ("Thread", Value::Class(vm.interp.thread_class.clone())),
            ("local", Value::Class(vm.types.local.clone())),
            ("TIMEOUT_MAX", Value::float(TIMEOUT_MAX)),
            // `_thread.allocate_lock` itself, until 3.13 made it the lock type.
            ("Lock", lock_factory(vm)),
        ],
    )
}

fn lock_factory(vm: &Vm) -> Value {
    if vm.options.python >= PythonVersion::new(3, 13) {
        Value::Class(vm.types.lock.clone())
    } else {
        Value::Native(&ALLOCATE_LOCK)
    }
}

pub fn thread_module(vm: &Vm) -> Value {
    // `error` is RuntimeError from 3.3; Python 2's `thread.error` is a class of its own.
    let error = if vm.options.python.major == 2 {
        vm.types.thread_error.clone()
    } else {
        vm.exception_class(Exc::RuntimeError)
    };
    module(
        "_thread",
        &[
            &START_NEW_THREAD,
            &START_NEW,
            &ALLOCATE_LOCK,
            &ALLOCATE,
            &GET_IDENT,
            &GET_NATIVE_ID,
            &STACK_SIZE,
            &EXIT,
            &EXIT_THREAD,
            &super::interrupts::INTERRUPT_MAIN,
        ],
        vec![
            ("LockType", Value::Class(vm.types.lock.clone())),
            ("RLock", Value::Class(vm.types.rlock.clone())),
            ("error", Value::Class(error)),
            ("TIMEOUT_MAX", Value::float(TIMEOUT_MAX)),
        ],
    )
}

impl Vm {
    /// An exception escaped `run()` of thread `th` and the script replaced
    /// `threading.excepthook` (3.8+): make the thread call the script's hook with an
    /// `ExceptHookArgs`, as `Thread._bootstrap_inner` does (for `SystemExit` too), and return
    /// true. The default hook is not called: the runtime prints the same report itself.
    pub fn begin_thread_excepthook(&mut self, th: &mut Thread, exc: &Value) -> bool {
        let skip = {
            let data = th.data.borrow();
            data.low_level || data.excepthook_called
        };
        if skip || self.options.python < PythonVersion::new(3, 8) {
            return false;
        }
        let Some(module) = self.interp.modules.iter().find(|(n, _)| &**n == "threading").map(|(_, m)| m.clone()) else {
            return false;
        };
        let Value::Module(m) = &module else { return false };
        let hook = m.dict.borrow_unnoted().get("excepthook").cloned();
        let script_hook = match &hook {
            None => false,
            Some(Value::Function(f)) => self.program.module_of(f.code).name != "threading",
            Some(_) => true,
        };
        if !script_hook || self.complete_module(th, &module).is_err() {
            return false;
        }
        let (Some(hook), Some(class)) = (hook, m.dict.borrow_unnoted().get("ExceptHookArgs").cloned()) else {
            return false;
        };
        th.data.borrow_mut().excepthook_called = true;
        let thread = th.data.borrow().object.clone();
        // The hook's traceback starts in threading.py's `_bootstrap_inner`, as CPython's does.
        self.mark_bottom(th, exc);
        let traceback = self.traceback_object(exc);
        let fields = Value::tuple(vec![Value::Class(self.class_of(exc)), exc.clone(), traceback, thread]);
        match self.call_nested(th, class, Args::new(vec![fields])) {
            Ok(args) => {
                th.pending_call = Some(crate::frame::PendingCall::Call(hook, Args::new(vec![args])));
                true
            }
            Err(_) => false,
        }
    }
}
