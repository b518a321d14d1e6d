//! The frames of CPython's own library under a script's when an exception escapes a thread
//! or a child process: `_bootstrap_inner` and `run` of threading.py, `_bootstrap` and `run`
//! of multiprocessing/process.py. CPython's reports show them; gilsim starts threads and
//! processes natively, so it prints them from this table.
//!
//! Invariant: line numbers are those of the CPython releases gilsim is checked against
//! (2.7.18, 3.6.15, 3.7.16, 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1, 3.13.0); the files are
//! given a Debian-style install path (`/usr/lib/python3.11/threading.py`).

use gilsim_core::PythonVersion;

/// How the escaping exception's thread began, which decides the frames under the script's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bottom {
    /// `Thread(target=f)`: `_bootstrap_inner` and `Thread.run` calling the target.
    ThreadTarget,
    /// `threading.Timer`: `_bootstrap_inner` and `Timer.run` calling the function.
    TimerFunction,
    /// A `Thread` subclass's own `run`: `_bootstrap_inner` only.
    ThreadSubclass,
    /// A child process's main thread: `_bootstrap` (`Process.run`'s call of a target is
    /// library code of gilsim's, whose traceback entry prints as its frame).
    Process,
}

/// One frame of CPython's library, as a report prints it.
pub struct LibraryFrame {
    pub file: String,
    pub line: u32,
    pub function: &'static str,
    pub source: &'static str,
    /// The caret line this release prints under `source` (after its four spaces of indent);
    /// empty for none.
    pub carets: &'static str,
}

/// Lines of (`self.run()` in `_bootstrap_inner`, the target call in `Thread.run`, the
/// function call in `Timer.run`, `self.run()` in `Process._bootstrap`, the target call in
/// `Process.run`), by minor version of Python 3 (index 0 is 2.7).
const LINES: [(u32, u32, u32, u32, u32); 9] = [
    (801, 754, 1072, 267, 114),
    (916, 864, 1182, 258, 93),
    (926, 870, 1177, 297, 99),
    (932, 870, 1254, 315, 108),
    (980, 917, 1306, 315, 108),
    (1016, 953, 1378, 314, 108),
    (1045, 982, 1401, 314, 108),
    (1073, 1010, 1431, 314, 108),
    (1041, 992, 1342, 313, 108),
];

const RUN: &str = "self.run()";
const RUN_CARETS: &str = "~~~~~~~~^^";
const TARGET: &str = "self._target(*self._args, **self._kwargs)";
const TARGET_CARETS: &str = "~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";
const FUNCTION: &str = "self.function(*self.args, **self.kwargs)";
const FUNCTION_CARETS: &str = "~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^";

/// Line of `self._bootstrap_inner()` in threading.py's `Thread._bootstrap`, by minor
/// version of Python 3 (index 0 is 2.7): the frame under every thread's stack.
const BOOTSTRAP_LINES: [u32; 9] = [774, 884, 890, 890, 937, 973, 1002, 1030, 1012];

/// The frames of CPython's library under a thread's stack (`traceback.print_stack()` in a
/// thread started from `bottom`): `_bootstrap` above the frames an escaping exception shows,
/// and no carets. A child process's stack is not given them (under fork, CPython's shows its
/// parent's `start()` call too).
pub fn stack_frames(version: PythonVersion, bottom: Bottom) -> Vec<LibraryFrame> {
    if bottom == Bottom::Process {
        return Vec::new();
    }
    let index = if version.major == 2 { 0 } else { (version.minor as usize).clamp(6, 13) - 5 };
    let (function, source) = if version.major == 2 {
        ("__bootstrap", "self.__bootstrap_inner()")
    } else {
        ("_bootstrap", "self._bootstrap_inner()")
    };
    let file = format!("{}/threading.py", library_dir(version));
    let bootstrap = LibraryFrame { file, line: BOOTSTRAP_LINES[index], function, source, carets: "" };
    let mut frames = vec![bootstrap];
    frames.extend(self::frames(version, bottom).into_iter().map(|frame| LibraryFrame { carets: "", ..frame }));
    frames
}

/// Where gilsim says CPython `version`'s library lives: a Debian-style install path, the
/// same on every machine (`/usr/lib/python3.11`).
pub fn library_dir(version: PythonVersion) -> String {
    format!("/usr/lib/python{}.{}", version.major, version.minor)
}

/// The library frames under the script's for an exception that escaped from `bottom`,
/// outermost first.
pub fn frames(version: PythonVersion, bottom: Bottom) -> Vec<LibraryFrame> {
    let index = if version.major == 2 { 0 } else { (version.minor as usize).clamp(6, 13) - 5 };
    let (bootstrap, _, timer_run, process_bootstrap, _) = LINES[index];
    let dir = library_dir(version);
    let threading = format!("{dir}/threading.py");
    let process = format!("{dir}/multiprocessing/process.py");
    let frame = |file: &str, line, function, source, carets| LibraryFrame {
        file: file.to_string(),
        line,
        function,
        source,
        carets: if version >= PythonVersion::new(3, 13) { carets } else { "" },
    };
    let inner = if version.major == 2 { "__bootstrap_inner" } else { "_bootstrap_inner" };
    let thread_bootstrap = frame(&threading, bootstrap, inner, RUN, RUN_CARETS);
    let process_bootstrap = frame(&process, process_bootstrap, "_bootstrap", RUN, RUN_CARETS);
    match bottom {
        Bottom::ThreadTarget => vec![thread_bootstrap, run_call_frame(version, RunCall::Thread)],
        Bottom::TimerFunction => vec![thread_bootstrap, frame(&threading, timer_run, "run", FUNCTION, FUNCTION_CARETS)],
        Bottom::ThreadSubclass => vec![thread_bootstrap],
        Bottom::Process => vec![process_bootstrap],
    }
}

/// A `run` method of CPython's library calling its target: `Thread.run` (gilsim's is native,
/// and calls `threading._run_target` when Python code calls it, as `super().run()` in a
/// subclass does) and `Process.run` (library/multiprocessing.py).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunCall {
    Thread,
    Process,
}

/// The run call a line of gilsim's library (`text` in `function` of `module`) stands for.
pub fn run_call_at(module: &str, function: &str, text: &str) -> Option<RunCall> {
    match (module, function, text) {
        ("threading", "_run_target", "target(*args, **kwargs)") => Some(RunCall::Thread),
        ("multiprocessing", "run", TARGET) => Some(RunCall::Process),
        _ => None,
    }
}

/// The frame of `call` in CPython `version`'s library.
pub fn run_call_frame(version: PythonVersion, call: RunCall) -> LibraryFrame {
    let index = if version.major == 2 { 0 } else { (version.minor as usize).clamp(6, 13) - 5 };
    let (_, thread_run, _, _, process_run) = LINES[index];
    let (file, line, source) = match call {
        RunCall::Thread if version.major == 2 => {
            ("threading.py", thread_run, "self.__target(*self.__args, **self.__kwargs)")
        }
        RunCall::Thread => ("threading.py", thread_run, TARGET),
        RunCall::Process => ("multiprocessing/process.py", process_run, TARGET),
    };
    LibraryFrame {
        file: format!("{}/{file}", library_dir(version)),
        line,
        function: "run",
        source,
        carets: if version >= PythonVersion::new(3, 13) { TARGET_CARETS } else { "" },
    }
}
