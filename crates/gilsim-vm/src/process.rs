//! Simulated processes. The VM is the machine's memory and instruction engine; each process is
//! an [`Interp`]: its own globals, modules, `threading` counters, `random` stream, recursion
//! limit, exit handlers and stdout buffer. The runtime activates a thread's process before
//! running it ([`Vm::activate`]), so the interpreter loop reads `self.interp` as if there were
//! one. What is machine-wide stays on the VM: the thread table (thread ids are global), lock
//! numbers, the detectors' locations, the timeline, the instruction count, the output limit.
//!
//! Invariant: processes share no mutable Python object except the ones made to be shared
//! (`multiprocessing` locks, semaphores, channels and shared memory): a child starts from a
//! deep copy of its parent's heap (fork, see [`crate::pickle`]), and values cross between
//! processes only pickled.

use crate::frame::{Frame, PendingCall, ReturnMode};
use crate::native::{Args, Control};
use crate::value::{Class, Str, Value};
use crate::{PyCell, ThreadData};
use crate::{Thread, Vm};
use gilsim_core::VirtualTime;
use std::rc::Rc;

/// The pid of the first process (`os.getpid()`); its parent is one less, children count up.
pub const FIRST_PID: i64 = 4242;

/// One process's interpreter state (the active one is [`Vm::interp`]).
pub struct Interp {
    /// Index in the machine's process table.
    pub process: usize,
    pub pid: i64,
    pub ppid: i64,
    /// The thread that runs the process's main code.
    pub main_tid: usize,
    /// Every thread started in this process, the main thread first (CPython's interpreter
    /// keeps its threads' states; `threading.enumerate()` lists the live ones).
    pub(crate) threads: Vec<Rc<PyCell<ThreadData>>>,
    /// Global slots of the script and of the library modules loaded so far (a module's code
    /// runs only once its slots exist).
    pub globals: Vec<Value>,
    pub(crate) modules: Vec<(Str, Value)>,
    /// Per program module: its body has run in this process (library modules load on first use).
    pub(crate) library_loaded: Vec<bool>,
    /// `threading.Thread`: the one library class a script may change, so made per run.
    pub(crate) thread_class: Rc<Class>,
    pub(crate) thread_counter: u64,
    pub(crate) dummy_counter: u64,
    pub(crate) rng: crate::mersenne::LazyMersenne,
    pub recursion_limit: usize,
    /// `threading.stack_size()`: recorded, never used.
    pub(crate) stack_size: i64,
    /// `sys.getswitchinterval()`, in virtual nanoseconds.
    pub switch_interval: VirtualTime,
    /// `atexit` handlers and their arguments, in registration order.
    pub(crate) exit_handlers: Vec<(Value, Args)>,
    /// `threading._register_atexit` calls, made before non-daemon threads are joined.
    pub(crate) threading_exit_hooks: Vec<(Value, Args)>,
    /// `threading._shutdown()` has begun: no more `_register_atexit`.
    pub(crate) threading_shut_down: bool,
    /// The `atexit` handler the main thread is running.
    pub(crate) running_exit_handler: Option<Value>,
    /// `ctypes` was imported: a thread may ask another to raise an exception
    /// ([`crate::modules::async_exc`]).
    pub(crate) async_exc_possible: bool,
    /// `_thread` was imported: a thread may trip a signal for the main thread to handle
    /// ([`crate::modules::interrupts`]).
    pub(crate) signals_possible: bool,
    /// Signals tripped and not yet handled, in arrival order.
    pub(crate) pending_signals: Vec<i64>,
    /// What the process wrote to stdout and has not flushed (kept only while several
    /// processes exist; see [`Vm::flush_stdout`]).
    pub(crate) stdout_buffer: String,
    /// A spawned child's process object, pickled by the parent, and the library modules the
    /// parent had loaded: unpickled and bootstrapped once the child has run the main module
    /// as `__mp_main__`, after importing those modules (CPython's unpickler imports the module
    /// of each function it finds, `multiprocessing.pool` for a pool worker's).
    pub(crate) spawned: Option<(Value, Vec<String>)>,
    /// `threading.settrace(func)`: the trace function of each thread started from now on.
    pub(crate) thread_trace_hook: Option<Value>,
}

impl Interp {
    /// A new interpreter for `program`'s script, run as module `name` (`__main__`, or
    /// `__mp_main__` in a spawned child): process 0 with the first pid until
    /// [`Vm::spawn`] places it.
    pub(crate) fn fresh(
        program: &gilsim_bytecode::Program,
        options: &gilsim_core::RunOptions,
        thread_class: Rc<Class>,
        ppid: i64,
        name: &str,
    ) -> Interp {
        // The script's slots; a library module's are added when it loads (`complete_module`),
        // so a run pays only for the modules it uses.
        let script_globals = &program.global_names[..program.modules[0].globals.1 as usize];
        let mut globals = Vec::new();
        globals.resize_with(script_globals.len(), || Value::Undefined);
        if let Some(slot) = script_globals.iter().position(|n| n == "__name__") {
            globals[slot] = Value::str(name);
        }
        if let Some(slot) = script_globals.iter().position(|n| n == "__file__") {
            globals[slot] = Value::str(&program.filename);
        }
        if let Some(slot) = script_globals.iter().position(|n| n == "__doc__") {
            // The module's docstring (`ArgumentParser(description=__doc__)`), else None.
            let body = &program.codes[program.modules[0].body as usize];
            globals[slot] = body.docstring.as_deref().map_or(Value::None, Value::str);
        }
        Interp {
            process: 0,
            pid: FIRST_PID,
            ppid,
            main_tid: 0,
            threads: Vec::new(),
            globals,
            modules: Vec::new(),
            library_loaded: vec![false; program.modules.len()],
            thread_class,
            thread_counter: 0,
            dummy_counter: 0,
            rng: crate::mersenne::LazyMersenne::from_run(options.seed, 1),
            recursion_limit: 1000,
            stack_size: 0,
            switch_interval: options.switch_interval,
            exit_handlers: Vec::new(),
            threading_exit_hooks: Vec::new(),
            threading_shut_down: false,
            running_exit_handler: None,
            async_exc_possible: false,
            signals_possible: false,
            pending_signals: Vec::new(),
            stdout_buffer: String::new(),
            spawned: None,
            thread_trace_hook: None,
        }
    }

    /// An interpreter holding nothing, in place of `like` once the run is torn down.
    pub(crate) fn empty(like: &Interp) -> Interp {
        Interp {
            process: like.process,
            pid: like.pid,
            ppid: like.ppid,
            main_tid: like.main_tid,
            threads: Vec::new(),
            globals: Vec::new(),
            modules: Vec::new(),
            library_loaded: Vec::new(),
            thread_class: like.thread_class.clone(),
            thread_counter: 0,
            dummy_counter: 0,
            rng: like.rng.clone(),
            recursion_limit: like.recursion_limit,
            stack_size: 0,
            switch_interval: like.switch_interval,
            exit_handlers: Vec::new(),
            threading_exit_hooks: Vec::new(),
            threading_shut_down: true,
            running_exit_handler: None,
            async_exc_possible: false,
            signals_possible: false,
            pending_signals: Vec::new(),
            stdout_buffer: String::new(),
            spawned: None,
            thread_trace_hook: None,
        }
    }
}

/// What every process knows about every other: `multiprocessing`'s view of the process table.
#[derive(Clone)]
pub struct ProcessInfo {
    pub pid: i64,
    pub ppid: i64,
    /// `Process.name` (`MainProcess`, `Process-1`, ...), for reports.
    pub name: String,
    /// Set when the process has exited.
    pub exitcode: Option<i32>,
}

impl Vm {
    /// Make process `p` the active one (a no-op when it is).
    pub fn activate(&mut self, p: usize) {
        if self.interp.process == p {
            return;
        }
        let incoming = self.parked[p].take().expect("a parked process");
        let outgoing = std::mem::replace(&mut self.interp, incoming);
        let slot = outgoing.process;
        self.parked[slot] = Some(outgoing);
    }

    /// Whether writes to stdout wait in the process's buffer until it flushes: a pipe's block
    /// buffering, which only shows once several processes write to it.
    pub(crate) fn buffers_stdout(&self) -> bool {
        self.options.stdout == gilsim_core::StdoutMode::Buffered && self.processes.len() > 1
    }

    /// Write the active process's stdout buffer out (a `flush()`, or the process exits).
    pub fn flush_stdout(&mut self) {
        let pending = std::mem::take(&mut self.interp.stdout_buffer);
        self.emit_now(false, &pending);
    }

    /// The active process is killed: what it had not flushed is lost.
    pub fn discard_stdout(&mut self) {
        self.interp.stdout_buffer.clear();
    }

    /// A child of the active process, forked by thread `th` to run `object._bootstrap()`: a
    /// copy of the active interpreter's heap (CPython's `fork`: the child starts with a copy
    /// of the parent's memory, after the parent flushed its std streams). Returns the new
    /// process's index and its main thread, ready to run; or the exception copying raised
    /// (data nested deeper than pickle recurses).
    pub(crate) fn fork(&mut self, th: &Thread, object: &Value) -> Result<(usize, Thread), Control> {
        let mut copier = crate::pickle::Copier::fork(self, th.tid);
        let globals = self.interp.globals.clone().iter().map(|v| copier.transfer(self, v)).collect::<Result<_, _>>()?;
        let modules = self
            .interp
            .modules
            .clone()
            .iter()
            .map(|(name, m)| Ok((name.clone(), copier.transfer(self, m)?)))
            .collect::<Result<_, Control>>()?;
        let thread_class = match copier.transfer(self, &Value::Class(self.interp.thread_class.clone()))? {
            Value::Class(class) => class,
            _ => unreachable!("a class copies to a class"),
        };
        let object = copier.transfer(self, object)?;
        self.flush_stdout();
        let name = self.fork_thread_name(th);
        let child = Interp {
            globals,
            modules,
            library_loaded: self.interp.library_loaded.clone(),
            thread_counter: self.interp.thread_counter,
            dummy_counter: self.interp.dummy_counter,
            recursion_limit: self.interp.recursion_limit,
            stack_size: self.interp.stack_size,
            switch_interval: self.interp.switch_interval,
            ..Interp::fresh(&self.program, &self.options, thread_class, self.interp.pid, "__main__")
        };
        let call = self.bootstrap_method(&object);
        Ok(self.start_child(child, &object, &name, Some(call)))
    }

    /// A child of the active process started with the `spawn` start method
    /// (CPython's `popen_spawn_posix`): a new interpreter that runs the main module as
    /// `__mp_main__` — so code outside `if __name__ == "__main__":` runs again — and then
    /// unpickles `object` and calls its `_bootstrap()` ([`Vm::begin_spawned_bootstrap`]).
    /// `object` is pickled here: what pickle refuses (a lambda target) raises in the parent.
    pub(crate) fn spawn(&mut self, th: &mut Thread, object: &Value) -> Result<(usize, Thread), Control> {
        let pickled = crate::pickle::Copier::new(crate::pickle::Mode::Spawn, th).transfer(self, object)?;
        self.flush_stdout();
        let attrs = crate::modules::threading::thread_class_attrs(self.options.python);
        let thread_class = crate::modules::threading::thread_class(&self.types, &attrs);
        let mut child = Interp::fresh(&self.program, &self.options, thread_class, self.interp.pid, "__mp_main__");
        let loaded = (0..self.program.modules.len())
            .filter(|&i| self.interp.library_loaded.get(i).copied().unwrap_or(false))
            .map(|i| self.program.modules[i].name.clone())
            .collect();
        child.spawned = Some((pickled, loaded));
        Ok(self.start_child(child, object, "MainThread", None))
    }

    /// Place `child` in the process table and register its main thread (named `name`), which
    /// makes `call` — or runs the main module when there is none.
    fn start_child(&mut self, mut child: Interp, object: &Value, name: &str, call: Option<Value>) -> (usize, Thread) {
        let process = self.processes.len();
        child.process = process;
        child.pid = FIRST_PID + process as i64;
        child.rng = crate::mersenne::LazyMersenne::from_run(self.options.seed, 1 + process as u64);
        let (pid, ppid) = (child.pid, child.ppid);
        let process_name = self.process_name_of(object);
        self.processes.push(ProcessInfo { pid, ppid, name: process_name, exitcode: None });
        self.parked.push(Some(child));
        let parent = self.interp.process;
        self.activate(process);
        let data = crate::modules::threading::register_main_thread(self, name);
        let tid = self.interp.main_tid;
        let mut thread = Thread::new(tid, data);
        match call {
            Some(call) => thread.pending_call = Some(PendingCall::Call(call, Args::default())),
            None => thread.push_frame(Frame::new(0, Vec::new(), Vec::new(), None, ReturnMode::Push)),
        }
        self.activate(parent);
        (process, thread)
    }

    /// A spawned child's main thread `main` has run the main module: unpickle the process
    /// object in the child (its classes are the child's) and make `main` call its
    /// `_bootstrap()`. False when the process was not spawned (or already bootstrapped);
    /// the exception when unpickling fails.
    pub fn begin_spawned_bootstrap(&mut self, main: &mut Thread) -> Result<bool, Value> {
        let Some((pickled, loaded)) = self.interp.spawned.take() else { return Ok(false) };
        let imported = std::iter::once("multiprocessing")
            .chain(loaded.iter().map(String::as_str))
            .try_for_each(|module| self.import_module(main, module).map(drop));
        let unpickled = imported.and_then(|()| self.unpickle(main, &pickled)).map_err(|control| match control {
            Control::Raise(exc) => exc,
            _ => self.new_exception(crate::types::Exc::RuntimeError, "the process object cannot be unpickled"),
        })?;
        main.pending_call = Some(PendingCall::Call(self.bootstrap_method(&unpickled), Args::default()));
        Ok(true)
    }

    /// The name the forking thread has in the child (CPython keeps the thread object).
    fn fork_thread_name(&self, th: &Thread) -> String {
        th.data.borrow_unnoted().name.clone()
    }

    /// `object.name`, for the process table.
    fn process_name_of(&self, object: &Value) -> String {
        match object {
            Value::Instance(inst) => match inst.dict.borrow_unnoted().get(&crate::dict::Name("_name")) {
                Some(Value::Str(name)) => name.to_string(),
                _ => "Process".into(),
            },
            _ => "Process".into(),
        }
    }

    /// `object._bootstrap`, bound.
    fn bootstrap_method(&self, object: &Value) -> Value {
        let Value::Instance(inst) = object else { return Value::None };
        match inst.class.lookup("_bootstrap") {
            Some(func) => Value::BoundMethod(Rc::new((object.clone(), func))),
            None => Value::None,
        }
    }

    /// Record that process `p` exited with `code`.
    pub fn set_exitcode(&mut self, p: usize, code: i32) {
        crate::footprint::note(crate::footprint::Resource::Interpreter, true);
        self.processes[p].exitcode = Some(code);
    }

    /// The interpreters of every process, the active one first.
    pub(crate) fn all_interps(&self) -> impl Iterator<Item = &Interp> {
        std::iter::once(&self.interp).chain(self.parked.iter().flatten())
    }

    /// The interpreters of every process, taken out (for teardown).
    pub(crate) fn take_parked(&mut self) -> Vec<Interp> {
        self.parked.iter_mut().filter_map(Option::take).collect()
    }
}
