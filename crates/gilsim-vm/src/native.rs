//! The native-call protocol. A native returns a value, raises, asks the VM to call a Python
//! callable on its behalf (so natives never recurse into the interpreter for the common
//! cases), or — when it could block or must wake another thread — leaves the interpreter as a
//! [`Request`] that the runtime grants or blocks on. The interpreter itself never blocks.

use crate::footprint::PyCell;
use crate::sync::{LockState, ThreadData};
use crate::value::{Str, Value};
use crate::{Thread, Vm};
use gilsim_core::VirtualTime;
use std::rc::Rc;

/// Arguments of a call.
#[derive(Clone, Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Str, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args { pos, kw: Vec::new() }
    }

    /// The positional arguments, the keyword ones dropped. Most calls have none, and their
    /// never-allocated vector is let go without its (out-of-line) drop.
    #[inline]
    pub fn into_positional(self) -> Vec<Value> {
        let Args { pos, kw } = self;
        if kw.capacity() == 0 {
            std::mem::forget(kw);
        }
        pos
    }
}

/// A native's code. It borrows its arguments (as CPython's METH_FASTCALL functions do): the
/// VM keeps the vector for the next call; a native that hands them on takes them.
pub type NativeImpl = fn(&mut Vm, &mut Thread, &mut Args) -> NResult;

/// A native's fast path for its common cases, as CPython 3.11 specialises `len(x)`,
/// `list.append` and method descriptors (`CALL_NO_KW_LEN`, `CALL_NO_KW_LIST_APPEND`,
/// `CALL_NO_KW_METHOD_DESCRIPTOR_FAST`): it reads the positional arguments (a method's
/// receiver first) where they lie on the value stack, so a call moves no value and takes no
/// vector. `None`: not a case it handles, and the full native runs on the same arguments —
/// so it never raises, and every error message is the full native's.
pub type FastImpl = fn(&mut Vm, &[Value]) -> Option<Value>;

/// A built-in function or method.
pub struct NativeFn {
    pub name: &'static str,
    pub func: NativeImpl,
    /// The fast path of a call without keywords (see [`FastImpl`]).
    pub fast: Option<FastImpl>,
    /// In 3.10+, returning from this call does not check the eval breaker (the specialised
    /// `len`, `isinstance`, `type(x)` calls; python-semantics.md §3.1).
    pub no_switch: bool,
    /// A method (`Thread.join`, `list.append`): the first argument is the receiver, which
    /// the VM checks before calling (`Thread.join()` called unbound with no arguments).
    pub receiver: bool,
    /// Other processes can see what it does (SemLock, channel and process operations, writes
    /// to the terminal): it runs in its turn (see [`crate::Gate`]).
    pub shared: bool,
}

impl NativeFn {
    /// The name Python shows (`__name__`, reprs, thread names): the last dotted part.
    pub fn short_name(&self) -> &'static str {
        // A byte search: `rfind('.')`'s generic char searcher cost ~220 instructions a name,
        // paid for every native of a module each run (explore builds `threading` per run).
        let name = self.name;
        name.bytes().rposition(|b| b == b'.').map_or(name, |dot| &name[dot + 1..])
    }

    /// `__qualname__`: a method's `type.name` (`list.append`, `lock.acquire`), a function's
    /// own name.
    pub fn qualname(&self) -> &'static str {
        if self.receiver {
            self.name
        } else {
            self.short_name()
        }
    }

    /// `__module__`: a function's module (`builtins` for the built-in functions); None for a
    /// method of a built-in type, whose `__module__` CPython leaves unset. `Thread`'s methods
    /// are Python functions of `threading` in CPython.
    pub fn module(&self) -> Option<&'static str> {
        if self.receiver {
            return self.name.starts_with("Thread.").then_some("threading");
        }
        Some(self.name.bytes().rposition(|b| b == b'.').map_or("builtins", |dot| &self.name[..dot]))
    }
}

/// Module-level natives are named after their module; everything else is a method.
const MODULE_PREFIXES: &[&str] = &[
    "threading.",
    "_thread.",
    "_gilsim.",
    "time.",
    "random.",
    "sys.",
    "os.",
    "queue.",
    "builtins.",
    "math.",
    "atexit.",
];

/// Whether a native named `name` takes a receiver (decided at compile time).
pub const fn is_method_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mut has_dot = false;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'.' {
            has_dot = true;
        }
        i += 1;
    }
    if !has_dot {
        return false;
    }
    let mut p = 0;
    while p < MODULE_PREFIXES.len() {
        if starts_with(bytes, MODULE_PREFIXES[p].as_bytes()) {
            return false;
        }
        p += 1;
    }
    true
}

const fn starts_with(bytes: &[u8], prefix: &[u8]) -> bool {
    if prefix.len() > bytes.len() {
        return false;
    }
    let mut i = 0;
    while i < prefix.len() {
        if bytes[i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Why a native did not return a value.
pub enum Control {
    /// A Python exception (an instance of a BaseException subclass).
    Raise(Value),
    /// Leave the interpreter: the runtime must act before this thread continues.
    Block(Box<Request>),
    /// Call `callable(*args)` and use its result as this call's result (boxed, as the other
    /// large outcomes: every native's result is as large as this enum).
    Call(Box<TailCall>),
    /// Make an instance of `class` as calling it does, past any metaclass `__call__`
    /// (`type.__call__`), and use it as this call's result.
    Instantiate(Box<(Rc<crate::value::Class>, Args)>),
    /// A shared operation waits for its turn (see [`crate::Gate`]): the call is pending on
    /// the thread.
    Shared,
    /// Resume a generator: push its frame (returning per the call's mode), then raise
    /// `throw` in it if given.
    Resume { frame: Box<crate::frame::Frame>, throw: Option<Box<Control>> },
    /// Call a Python hook in tail position and finish the operation with its result (see
    /// [`crate::hooks`]).
    Hook(Box<crate::hooks::Hook>),
}

/// The call a native asks for in its place ([`Control::Call`]).
pub struct TailCall {
    pub callable: Value,
    pub args: Args,
}

impl Control {
    /// Leave the interpreter with `request`.
    pub fn block(request: Request) -> Control {
        Control::Block(Box::new(request))
    }

    /// Call `callable(*args)` in the native's place.
    pub fn call(callable: Value, args: Args) -> Control {
        Control::Call(Box::new(TailCall { callable, args }))
    }
}

pub type NResult = Result<Value, Control>;

// Every native returns an `NResult` through memory: the large outcomes are boxed so that it
// stays a `Value` and a tag (it was 72 bytes; boxing them cut 0.9-1.9 % of every workload's
// instructions).
const _: () = assert!(std::mem::size_of::<Control>() <= 24 && std::mem::size_of::<NResult>() <= 32);

/// What a thread asks of the runtime. The VM has already advanced past the call; the runtime
/// resumes the thread with a value (or an exception) via [`Thread::resume`].
pub enum Request {
    /// `time.sleep(d)`: release the GIL, wake after `d` (0 still releases it).
    Sleep { duration: VirtualTime },
    /// A system call that releases the GIL and returns at once (a write to an unbuffered or
    /// line-buffered stdout): queue for the GIL again, then resume with `result`.
    Yield { result: Value },
    /// Blocking acquire of a lock that is held. `deadline` is absolute virtual time.
    /// Resume with True when acquired, False at the deadline. `count`: the RLock recursion
    /// level to hold once acquired (1, or what `Condition.wait` saved).
    Acquire { lock: Rc<LockState>, deadline: Option<VirtualTime>, count: u32 },
    /// A lock with waiters was released: wake one. Resume at once with `result`.
    WakeLockWaiter { lock: Rc<LockState>, result: Value },
    /// `Thread.start()`: create the thread; resume when it has started.
    /// `wait_started`: Thread.start() waits for the child to start (F5); `_thread` does not
    /// and resumes with the new thread's ident.
    Start { thread: Rc<PyCell<ThreadData>>, wait_started: bool },
    /// `Thread.join(timeout)`: resume with None when `target` finished or at the deadline.
    Join { target: usize, deadline: Option<VirtualTime> },
    /// `multiprocessing.Process.start()`: the active process forked (or, with `spawn`,
    /// spawned) `process`, whose main `thread` calls `_bootstrap()`; resume with the child's
    /// pid.
    StartProcess { process: usize, thread: Box<crate::Thread>, spawn: bool },
    /// `Process.join(timeout)`: resume with None when `process` exited or at the deadline.
    JoinProcess { process: usize, deadline: Option<VirtualTime> },
    /// `Process.terminate()` / `kill()`: end `process` at once with exit code `-signal`.
    EndProcess { process: usize, signal: i32 },
    /// `os._exit(status)`: the calling thread's process ends at once (the run, for the
    /// script's process) with `status`.
    ExitProcess { status: i32 },
    /// `sys._current_frames()`: resume at once with the frames of every thread of the
    /// calling process ([`crate::Vm::current_frames`]).
    CurrentFrames,
}

impl Request {
    /// A short description for reports ("blocked on ...").
    pub fn describe(&self) -> String {
        match self {
            Request::Sleep { duration } => format!("sleep({})", duration),
            Request::Yield { .. } => "write to stdout".to_string(),
            Request::Acquire { lock, .. } => format!("acquire of {}", lock.describe()),
            Request::WakeLockWaiter { lock, .. } => format!("release of {}", lock.describe()),
            Request::Start { .. } => "Thread.start()".to_string(),
            Request::Join { target, .. } => format!("join of thread {target}"),
            Request::StartProcess { .. } => "Process.start()".to_string(),
            Request::JoinProcess { process, .. } => format!("join of process {process}"),
            Request::EndProcess { process, .. } => format!("end of process {process}"),
            Request::ExitProcess { status } => format!("os._exit({status})"),
            Request::CurrentFrames => "sys._current_frames()".to_string(),
        }
    }
}

macro_rules! native {
    ($ident:ident, $name:expr, shared, $func:expr) => {
        $crate::native::native!(@make $ident, $name, $func, no_switch: false, shared: true, fast: None);
    };
    ($ident:ident, $name:expr, $func:expr) => {
        $crate::native::native!(@make $ident, $name, $func, no_switch: false, shared: false, fast: None);
    };
    ($ident:ident, $name:expr, $func:expr, fast = $fast:expr) => {
        $crate::native::native!(@make $ident, $name, $func, no_switch: false, shared: false, fast: Some($fast));
    };
    ($ident:ident, $name:expr, $func:expr, no_switch) => {
        $crate::native::native!(@make $ident, $name, $func, no_switch: true, shared: false, fast: None);
    };
    ($ident:ident, $name:expr, $func:expr, no_switch, fast = $fast:expr) => {
        $crate::native::native!(@make $ident, $name, $func, no_switch: true, shared: false, fast: Some($fast));
    };
    (@make $ident:ident, $name:expr, $func:expr, no_switch: $no_switch:expr, shared: $shared:expr, fast: $fast:expr) => {
        pub static $ident: $crate::native::NativeFn = $crate::native::NativeFn {
            name: $name,
            func: $func,
            fast: $fast,
            no_switch: $no_switch,
            receiver: $crate::native::is_method_name($name),
            shared: $shared,
        };
    };
}
pub(crate) use native;

#[cfg(test)]
mod tests {
    use super::is_method_name;

    #[test]
    fn module_functions_take_no_receiver() {
        for name in [
            "threading.current_thread",
            "_thread.allocate_lock",
            "_gilsim.waiter_lock",
            "time.sleep",
            "math.sqrt",
            "atexit.register",
            "print",
        ] {
            assert!(!is_method_name(name), "{name}");
        }
        for name in ["Thread.join", "lock.acquire", "list.append", "TextIOWrapper.write"] {
            assert!(is_method_name(name), "{name}");
        }
    }
}
