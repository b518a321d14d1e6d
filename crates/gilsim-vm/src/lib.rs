//! gilsim's interpreter: values and heap, the instruction loop, builtins and the natives of the
//! simulated modules (`threading`, `_thread`, `time`, `random`, `sys`, `os`).
//!
//! Invariants:
//! - The VM never blocks and never decides scheduling. [`Vm::run`] executes one thread for
//!   the [`Slice`] the runtime grants: until its instruction budget ends, it reaches a switch
//!   point while a switch is requested, it is about to do something other processes can see
//!   while the [`Gate`] is closed, it needs the runtime ([`Request`]), or it finishes.
//! - Each simulated thread owns its frame stack ([`Thread`]); calls between Python functions
//!   push frames instead of recursing in Rust, so deep recursion raises `RecursionError`
//!   rather than overflowing the Rust stack.
//! - Output, time and randomness come only from the VM's own buffers, the virtual clock and
//!   the seeded stream.

mod attr_hints;
mod attr_load;
mod bind;
mod builtin_functions;
mod builtins;
mod bytearray;
mod bytes;
mod bytes_methods;
mod call;
mod call_args;
mod chaining;
mod class;
mod class_checks;
mod code_object;
mod codecs;
mod container_dunders;
mod coroutine;
mod dict;
mod dict_view;
mod dir;
mod dunder_ops;
mod exception_groups;
mod exceptions;
mod files;
mod finalizers;
mod float_pow;
mod float_sum;
pub mod footprint;
mod format;
mod frame;
mod frames;
mod fused;
mod generator;
mod hash;
mod hooks;
mod image;
mod immutable_subclass;
mod import_builtin;
mod instance_attrs;
pub mod int;
mod int_bytes;
mod interp;
mod iterators;
pub mod library_frames;
pub mod library_sites;
mod locations;
mod lookup_cache;
mod make_function;
pub mod memory;
pub mod mersenne;
mod methods;
mod modules;
mod native;
mod number_dunders;
mod number_methods;
mod object_methods;
mod ops;
mod os_error;
pub mod output;
mod percent;
mod pickle;
mod pickle_hooks;
mod pickle_size;
pub mod pipe;
mod print;
mod print2;
pub mod process;
pub(crate) mod property;
mod py2_order;
mod range_methods;
mod repr;
mod round2;
pub mod run_shared;
mod scope_dicts;
mod set;
mod set_methods;
mod settrace;
mod shared;
mod slice;
mod slice_end;
pub mod snapshot;
mod snapshot_vm;
mod stack;
mod str_concat;
mod str_predicates;
mod str_search;
mod str_split;
mod str_translate;
mod subscript;
mod suggestions;
mod sync;
mod teardown;
mod timeline;
mod title_case;
mod traceback;
mod trashcan;
mod types;
mod unicode_errors;
mod user_hash;
mod value;
mod words;
mod work;

pub use dict::Key;
pub use footprint::PyCell;
pub use frame::{Frame, Thread};
pub use image::Image;
pub use native::{Args, Control, NResult, NativeFn, Request};
pub use snapshot::{Cloner, Unclonable};
pub use snapshot_vm::copy_threads;
pub use sync::{LockKind, LockState, ThreadData};
pub use timeline::{TimelineEvent, TimelineKind};
pub use types::Exc;
pub use value::{Bytes, Class, FloatBits, Instance, Str, Truth, Value};

use gilsim_bytecode::Program;
use gilsim_core::{RunOptions, VirtualTime};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;
use types::Types;

/// What the runtime lets one call of [`Vm::run`] do.
#[derive(Clone, Copy, Debug)]
pub struct Slice {
    /// Stop once the instruction counter reaches this (checked between instructions).
    pub stop_at: u64,
    /// Stop at the next switch point: the runtime wants to switch threads.
    pub breaker: bool,
    /// Whether operations other processes can see may run.
    pub gate: Gate,
}

/// Operations other processes can see — on shared memory (`multiprocessing.Value`), SemLocks,
/// channels, the process table and the terminal — happen in virtual-time order across cores:
/// while several processes run, a thread stops before each one ([`SliceEnd::Shared`]) until
/// the runtime gives it its turn. Everything else a process does is its own, and runs without
/// waiting for the other cores.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Gate {
    /// One process runs: nothing to order.
    Open,
    /// Stop before the next shared operation.
    Closed,
    /// This slice's turn: the first shared operation runs, then the gate closes.
    Pass,
}

/// Why [`Vm::run`] returned.
pub enum SliceEnd {
    /// The instruction budget ran out (not necessarily at a switch point).
    Budget,
    /// At a switch point with [`Slice::breaker`] set: the runtime may switch threads here.
    Breaker,
    /// Stopped before a shared operation with the [`Gate`] closed: run it with a pass in its
    /// turn.
    Shared,
    /// The thread needs the runtime.
    Request(Request),
    /// The thread's outermost call returned (Ok) or raised (Err: the exception).
    Finished(Result<Value, Value>),
}

/// The stack a thread that runs simulations needs (reserved, not committed: only what a
/// script's nesting uses is touched). Natives that call back into Python (`sorted(key=...)`,
/// `__str__`) run nested interpreter loops on it, at most [`MAX_NESTED_LOOPS`] deep, and
/// container repr and comparison recurse on it, at most [`MAX_NATIVE_DEPTH`] deep; freeing deep
/// data does not (see `trashcan`).
pub const SIMULATION_STACK: usize = 1 << 30;

/// Nested interpreter loops past which a call from a native raises RecursionError, whatever
/// `sys.setrecursionlimit` allows (CPython would overflow its C stack there).
pub const MAX_NESTED_LOOPS: usize = 10_000;

/// Native recursion into containers past which RecursionError is raised, whatever
/// `sys.setrecursionlimit` allows.
pub const MAX_NATIVE_DEPTH: usize = 100_000;

/// Threads alive at once past which starting one raises CPython's `RuntimeError: can't start
/// new thread` (the host's limit, in CPython). Threads that synchronise with each other cost
/// the detectors a vector clock of every thread each: n² entries for n live threads.
pub const MAX_LIVE_THREADS: usize = 4096;

/// Fixed epoch of the virtual wall clock: 2000-01-01 00:00:00 UTC (`time.time()` at t=0).
pub const EPOCH_SECONDS: i64 = 946_684_800;

/// Windows opened so far (see [`Vm::windows`]): a strategy compares two counts to learn what
/// a thread's step did.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct Windows {
    /// Reads of shared data by the script: what was read may go stale.
    pub reads: u64,
    /// Lock acquires: the holder keeps others waiting.
    pub locks: u64,
}

/// A deprecation warning printed by the script (text as CPython prints it).
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub line: u32,
    pub text: String,
}

/// The interpreter state of one run.
pub struct Vm {
    pub(crate) program: Arc<Program>,
    pub(crate) options: RunOptions,
    consts: Rc<Vec<Vec<Value>>>,
    names: Rc<Vec<Vec<Str>>>,
    /// For each global slot, the builtin of that name (or Undefined).
    builtin_fallback: Rc<Vec<Value>>,
    /// Every builtin by name (for class-body lookups of names that are not globals).
    builtins: Rc<Vec<(&'static str, Value)>>,
    types: Rc<Types>,
    /// The active process's interpreter state (see [`process`]).
    pub(crate) interp: process::Interp,
    /// The other processes' interpreter states, by process (`None` for the active one).
    parked: Vec<Option<process::Interp>>,
    /// Every process started, by index.
    pub(crate) processes: Vec<process::ProcessInfo>,
    /// The script's stdout and stderr (see [`output`]).
    output: output::Output,
    /// Instructions executed so far (all threads).
    pub(crate) icount: u64,
    clock_base: VirtualTime,
    clock_base_icount: u64,
    /// This slice's [`Slice::breaker`].
    breaker: bool,
    /// This slice's [`Slice::stop_at`] (see [`slice_end`]).
    stop_at: u64,
    /// This slice's [`Gate`].
    gate: Gate,
    /// The instruction count when this slice's pass was used.
    passed_at: Option<u64>,
    /// Every instruction boundary is a switch point (≤ 3.9 or `--switch-points every`).
    every_instruction: bool,
    /// The id the next thread started in any process gets (0 = the first process's main).
    next_tid: usize,
    next_ident: i64,
    next_object_id: u64,
    next_lock_number: u64,
    /// The machine's files (see [`files`]), made on first use.
    files: Option<files::FileSystem>,
    warned: HashSet<(u32, String)>,
    key_classes: user_hash::KeyClasses,
    id_table: repr::IdTable,
    /// Depth of nested interpreter loops (natives calling back into Python).
    nested: usize,
    /// The operation an instruction is about to run may end in a Python hook run as a frame
    /// (armed by [`Vm::at_tail`], taken by the operation on entry; see [`hooks`]).
    tail_hook: bool,
    /// Depth of native recursion into containers (repr, comparison): see [`Vm::nested`].
    native_depth: usize,
    /// Threads started (the main thread included) and not yet finished.
    live_threads: usize,
    /// Containers whose repr is being made (for `[...]`).
    repr_active: Vec<usize>,
    /// Some class of this run defines `__getattribute__` in Python: until then the attribute
    /// fast paths need not ask a class for the hook ([`crate::call::has_getattribute`]).
    pub(crate) getattribute_hooks: bool,
    /// `ticks` policy: ticks between GIL checks (0: not ticking).
    tick_interval: u64,
    ticks_left: u64,
    /// Reads of shared data by the script and lock acquires so far: operations after which
    /// a thread holds something that can go stale or keep others waiting (see
    /// `gilsim_runtime::strategy::Pos`). Counted whether or not the detectors are on.
    pub(crate) windows: Windows,
    /// The detectors, fed as events happen (the runtime feeds them too); `None` when off.
    pub(crate) detectors: Option<Box<gilsim_detect::Detectors>>,
    locations: locations::Locations,
    /// The run's timeline, when recording (`--trace`); see [`timeline`].
    pub(crate) timeline: Option<Vec<TimelineEvent>>,
    /// The run's memory against `--max-memory` (see [`memory`]).
    memory: memory::Meter,
    /// End the slice before the next instruction, outside switch points: the runtime must
    /// measure the heap, or stop the run (output past its limit). Set through
    /// [`Vm::interrupt`], which ends the running slice too.
    interrupt: bool,
    /// Emptied vectors of returned frames (see [`frame::SparePool`]).
    spare: frame::SparePool,
    /// Recent MRO lookups (see [`lookup_cache`]), taken from the image for the run.
    lookups: lookup_cache::LookupCache,
    /// Where [`Vm::teardown`] gives `lookups` and `spare` back for the image's next run.
    carried_home: Rc<RefCell<image::Carried>>,
    /// Where instances' attributes were last found in their dicts (see [`attr_hints`]).
    attr_hints: attr_hints::AttrHints,
    /// A thread of this run has had a trace function (`sys.settrace`): the loop attends to
    /// every instruction ([`settrace`]).
    tracing: bool,
}

impl Vm {
    /// A fresh heap for one run of `image`'s program.
    pub fn new(image: &Image, options: RunOptions) -> Vm {
        hash::use_version(options.python);
        py2_order::reset();
        let memory = memory::Meter::new(options.max_memory);
        let carried = image.carried.take();
        let program = image.program.clone();
        let tick_interval = options.tick_interval().map_or(0, u64::from);
        let every_instruction = options.every_instruction_is_switch_point();
        let detectors = options.detectors;
        let thread_class = image.thread_class(options.python);
        let builtins = image.builtins(options.python);
        let interp = process::Interp::fresh(&program, &options, thread_class, process::FIRST_PID - 1, "__main__");
        let mut vm = Vm {
            program,
            options,
            consts: image.consts.clone(),
            names: image.names.clone(),
            interp,
            parked: vec![None],
            processes: vec![process::ProcessInfo {
                pid: process::FIRST_PID,
                ppid: process::FIRST_PID - 1,
                name: "MainProcess".into(),
                exitcode: None,
            }],
            builtin_fallback: builtins.by_slot,
            builtins: builtins.by_name,
            types: image.types.clone(),
            output: output::Output::default(),
            icount: 0,
            clock_base: 0,
            clock_base_icount: 0,
            breaker: false,
            stop_at: 0,
            gate: Gate::Open,
            passed_at: None,
            every_instruction,
            next_tid: 0,
            next_ident: 139_800_000_000_000,
            next_object_id: 0,
            next_lock_number: 0,
            files: None,
            warned: HashSet::new(),
            key_classes: Default::default(),
            id_table: repr::IdTable::default(),
            nested: 0,
            tail_hook: false,
            native_depth: 0,
            live_threads: 0,
            repr_active: Vec::new(),
            getattribute_hooks: false,
            tick_interval,
            ticks_left: tick_interval,
            windows: Windows::default(),
            detectors: detectors.then(Box::default),
            locations: Default::default(),
            timeline: None,
            memory,
            interrupt: false,
            spare: carried.spare,
            lookups: carried.lookups,
            carried_home: image.carried.clone(),
            attr_hints: attr_hints::AttrHints::default(),
            tracing: false,
        };
        modules::threading::register_main_thread(&mut vm, "MainThread");
        finalizers::reset(true);
        // Code run before the first slice (nested, outside `run`) attends after every
        // instruction, whatever an earlier VM on this thread left.
        slice_end::attend_now();
        vm
    }

    /// The main thread, ready to run the module body (the script's compile-time warnings are
    /// printed first, as CPython prints them before running it).
    pub fn main_thread(&mut self) -> Thread {
        self.print_compile_warnings();
        let data = self.interp.threads[0].clone();
        let mut thread = Thread::new(self.interp.main_tid, data);
        let frame = Frame::new(0, Vec::new(), Vec::new(), None, frame::ReturnMode::Push);
        thread.push_frame(frame);
        thread
    }

    /// The initial state of a thread registered with `data` ([`Request::Start`]): it will
    /// call its `run` method.
    pub fn new_thread(&mut self, data: Rc<PyCell<ThreadData>>) -> Thread {
        let object = data.borrow().object.clone();
        let tid = data.borrow().tid.expect("a registered thread");
        let mut thread = Thread::new(tid, data);
        thread.pending_call = Some(frame::PendingCall::Run(object));
        thread
    }

    /// Script line of the instruction `th` is executing (or last executed): inside gilsim's
    /// library modules, the line of the script that called into them.
    pub fn current_line(&self, th: &Thread) -> u32 {
        self.script_frame(th).map_or(0, |(_, line)| line)
    }

    /// The innermost script frame of `th` (library frames skipped): its code and the line it
    /// is executing.
    pub(crate) fn script_frame(&self, th: &Thread) -> Option<(&gilsim_bytecode::CodeObject, u32)> {
        self.script_frame_at(th, 0)
    }

    /// The script frame `outward` script frames out from the innermost (library frames
    /// skipped; a warning's `stacklevel` - 1): its code and the line it is executing.
    pub(crate) fn script_frame_at(&self, th: &Thread, outward: usize) -> Option<(&gilsim_bytecode::CodeObject, u32)> {
        let frame = th.frames.iter().rev().filter(|frame| !self.program.is_library(frame.code)).nth(outward)?;
        let code = &self.program.codes[frame.code as usize];
        Some((code, code.lines.get(frame.ip.saturating_sub(1)).copied().unwrap_or(code.first_line)))
    }

    /// The library function `th` is inside, called from the script (`Queue.get`,
    /// `Condition.wait`): the outermost of the library frames above the script's last frame.
    pub fn library_call(&self, th: &Thread) -> Option<&str> {
        // The outermost of the library frames on top of the stack: the call script code made
        // (a pool's worker runs script code inside library code, which may call it again).
        let call = th.frames.iter().rev().take_while(|frame| self.program.is_library(frame.code)).last()?;
        Some(self.program.codes[call.code as usize].qualname.as_str())
    }

    /// For a thread that runs library code alone (a pool's worker, a handler thread), the
    /// innermost library call `wanted` accepts; None for a thread with script frames.
    pub fn innermost_library_call(&self, th: &Thread, wanted: impl Fn(&str) -> bool) -> Option<&str> {
        if th.frames.iter().any(|frame| !self.program.is_library(frame.code)) {
            return None;
        }
        th.frames
            .iter()
            .rev()
            .map(|frame| self.program.codes[frame.code as usize].qualname.as_str())
            .find(|q| wanted(q))
    }

    /// Instructions executed so far, by every thread of every process.
    pub fn instructions(&self) -> u64 {
        self.icount
    }

    /// The active process's `sys.getswitchinterval()`, in ns.
    pub fn switch_interval(&self) -> VirtualTime {
        self.interp.switch_interval
    }

    /// Process `p`'s pid, parent, name and exit code.
    pub fn process_info(&self, p: usize) -> &process::ProcessInfo {
        &self.processes[p]
    }

    /// Reads of shared data and lock acquires so far (see [`Vm::note_lock_window`]).
    pub fn windows(&self) -> Windows {
        self.windows
    }

    /// A thread now holds a lock and keeps others waiting: the runtime calls this for a lock
    /// it hands to a woken waiter, as the VM counts the script's own reads and acquires (see
    /// `gilsim_runtime::strategy::Pos`).
    pub fn note_lock_window(&mut self) {
        self.windows.locks += 1;
    }

    /// The detectors, when on (the runtime feeds them scheduling events).
    pub fn detectors(&self) -> Option<&gilsim_detect::Detectors> {
        self.detectors.as_deref()
    }

    pub fn detectors_mut(&mut self) -> Option<&mut gilsim_detect::Detectors> {
        self.detectors.as_deref_mut()
    }

    /// Start recording the run's timeline (`--trace`).
    pub fn record_timeline(&mut self) {
        self.timeline = Some(Vec::new());
    }

    pub fn records_timeline(&self) -> bool {
        self.timeline.is_some()
    }

    /// The timeline recorded so far (empty when not recording).
    pub fn take_timeline(&mut self) -> Vec<TimelineEvent> {
        self.timeline.take().unwrap_or_default()
    }

    /// Current virtual time.
    pub fn now(&self) -> VirtualTime {
        self.clock_base + (self.icount - self.clock_base_icount) * self.options.instruction_cost
    }

    /// Set the virtual clock (the runtime does this when it jumps to a deadline).
    pub fn set_now(&mut self, now: VirtualTime) {
        self.clock_base = now;
        self.clock_base_icount = self.icount;
    }

    /// The virtual time, read by the script (the step becomes timed: see [`footprint`]).
    pub(crate) fn timed_now(&self) -> VirtualTime {
        footprint::note_timed();
        self.now()
    }

    /// The `random` module's stream (each draw advances it: a write in the footprint).
    pub(crate) fn rng(&mut self) -> &mut mersenne::Mersenne {
        footprint::note(footprint::Resource::Interpreter, true);
        self.interp.rng.get()
    }

    fn next_id(&mut self) -> u64 {
        footprint::note(footprint::Resource::Interpreter, true);
        self.next_object_id += 1;
        self.next_object_id
    }

    /// Name of thread `th` in reports: its `name`, after its process's name
    /// (`Process-1/MainThread`) when it is not in the first process.
    pub fn thread_name(&self, th: &Thread) -> String {
        let data = th.data.borrow();
        match data.process {
            0 => data.name.clone(),
            p => format!("{}/{}", self.processes[p].name, data.name),
        }
    }

    pub fn thread_is_daemon(&self, th: &Thread) -> bool {
        th.data.borrow().daemon
    }

    /// Whether `th` was started by `_thread.start_new_thread` (no `Thread` object).
    pub fn thread_is_low_level(&self, th: &Thread) -> bool {
        th.data.borrow().low_level
    }

    /// Whether `th`'s `is_alive()` is false.
    pub fn thread_has_finished(&self, th: &Thread) -> bool {
        th.data.borrow().finished
    }

    /// Mark a thread finished (its `is_alive()` turns false).
    pub fn mark_finished(&mut self, th: &Thread) {
        // Noted as the thread's state alone: its other data (name, daemon flag) is unchanged.
        crate::footprint::note(crate::footprint::Resource::ThreadState(th.tid), true);
        // The main thread finishes twice when atexit handlers run after it.
        if !std::mem::replace(&mut th.data.borrow_mut_unnoted().finished, true) {
            self.live_threads -= 1;
        }
    }

    /// Print CPython's report for an exception that escaped a thread's `run`, or the main
    /// module (`Traceback ...`). `SystemExit` in a thread is silent, as in CPython.
    pub fn report_uncaught(&mut self, th: &Thread, exc: &Value) {
        let tid = th.tid;
        if self.is_instance_of(exc, Exc::SystemExit) {
            // Silent in a thread; in the main thread CPython prints only a code that is not an
            // int or None (`sys.exit("bad input")`), as the exit message.
            if tid == self.interp.main_tid {
                if let Some(message) = self.system_exit_message(exc) {
                    self.write_stderr(&format!("{message}\n"));
                }
            }
            return;
        }
        self.mark_bottom(th, exc);
        let mut text = String::new();
        if tid == self.interp.main_tid && self.interp.process != 0 {
            // `Process._bootstrap()`'s report of what escaped `run()`.
            text.push_str(&format!("Process {}:\n", self.processes[self.interp.process].name));
        }
        if tid != self.interp.main_tid {
            let low_level = th.data.borrow().low_level;
            if low_level {
                let target = th.data.borrow().target.clone();
                let mut scratch = Thread::scratch();
                let shown = self.repr_of(&mut scratch, &target).unwrap_or_default();
                text.push_str(&format!("Exception ignored in thread started by: {shown}\n"));
            } else if th.data.borrow().excepthook_called {
                // What escaped the script's `threading.excepthook` itself.
                text.push_str("Exception in threading.excepthook:\n");
            } else {
                text.push_str(&format!("Exception in thread {}:\n", th.data.borrow().name));
            }
        }
        // C code prints the main thread's, a `_thread` function's, a thread's from 3.8 on
        // (`_thread._excepthook`) and what escaped the script's excepthook (sys.excepthook);
        // Python code prints a child process's and, before 3.8, a thread's (`print_exc`).
        let by_interpreter = if tid == self.interp.main_tid {
            self.interp.process == 0
        } else {
            let data = th.data.borrow();
            data.low_level || data.excepthook_called || self.options.python >= gilsim_core::PythonVersion::new(3, 8)
        };
        if by_interpreter {
            text.push_str(&self.format_uncaught(exc));
        } else {
            text.push_str(&self.format_traceback(exc));
        }
        let reported_by_bootstrap = tid != self.interp.main_tid && !th.data.borrow().low_level;
        if reported_by_bootstrap && self.options.python < gilsim_core::PythonVersion::new(3, 8) {
            // Before the hook, `_bootstrap_inner` print()ed the formatted traceback: one more
            // newline.
            text.push('\n');
        }
        self.write_stderr(&text);
    }

    /// The message `sys.exit(code)` prints: `str(code)` unless the code is None or an int.
    fn system_exit_message(&mut self, exc: &Value) -> Option<String> {
        let Value::Instance(inst) = exc else { return None };
        let args = inst.attr("args");
        let code = match args {
            Some(Value::Tuple(items)) if items.len() == 1 => items[0].clone(),
            Some(Value::Tuple(items)) if items.is_empty() => return None,
            Some(other) => other,
            None => return None,
        };
        match code {
            Value::None | Value::Int(_) | Value::Bool(_) => None,
            code => {
                let mut scratch = Thread::scratch();
                Some(self.str_of(&mut scratch, &code).unwrap_or_default())
            }
        }
    }

    /// The exit status CPython gives when the main module raised `exc`.
    pub fn exit_status_for(&self, exc: &Value) -> i32 {
        if self.is_instance_of(exc, Exc::SystemExit) {
            if let Value::Instance(inst) = exc {
                let args = inst.attr("args");
                if let Some(Value::Tuple(items)) = args {
                    return match items.first() {
                        None | Some(Value::None) => 0,
                        Some(Value::Int(code)) => *code as i32,
                        Some(_) => 1,
                    };
                }
            }
            return 0;
        }
        1
    }
}
