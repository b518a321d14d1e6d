//! The frames CPython's own library code adds to a traceback where gilsim's library (written
//! differently) has its own: `future.result()` re-raising a worker's exception shows
//! `_base.py`'s `result` and `__get_result` over `thread.py`'s `run`, iterating
//! `executor.map(...)` adds `result_iterator` (and `_result_or_cancel` from 3.10), and a
//! `@contextmanager` generator that raises in `__exit__` shows contextlib.py's `gen.throw`,
//! `queue.Empty` escaping `q.get_nowait()` shows queue.py's `get_nowait` and `get`
//! ([`sync`]), a request handler's error socketserver.py's frames ([`servers`]), and a
//! process pool's task error its pool.py or process.py frames, in the child and in the parent
//! ([`pool`], [`process_pool`]), and a manager proxy's call its generated method and
//! `_callmethod` ([`managers`]), and a log record whose message does not format its
//! `logging` frames ([`logging`]), and an exception escaping `asyncio.run`'s coroutine the
//! runner's frames ([`asyncio`]), a `GetoptError` getopt.py's ([`getopt`]), and a
//! namedtuple's `_replace` of an unknown field collections' ([`collections`]), and a bad
//! Base64 input to `base64.b64decode` base64.py's ([`base64`]). A traceback
//! entry in gilsim's library at one of the sites prints as these frames; entries elsewhere in
//! the library are left out. A raise in one of gilsim's natives that CPython makes in its
//! Python library ([`NativeSite`]: `Thread.start` twice) is marked on the exception and
//! prints as that frame, innermost.
//!
//! Invariant: a site is keyed by the module, function and source line (trimmed, comment
//! included) of gilsim's library (scenarios/language/future_tracebacks.py and
//! library_tracebacks.py, compared with every release, pass through each); line numbers are
//! those of the CPython releases gilsim is checked against (3.6.15 ... 3.13.0), index 0 being
//! 3.6; 0 means the release has no such frame.

mod asyncio;
mod base64;
mod collections;
mod futures;
mod getopt;
mod logging;
mod managers;
mod pool;
mod process_pool;
mod servers;
mod sync;

use crate::library_frames::LibraryFrame;
use gilsim_core::PythonVersion;

/// A frame of CPython's library: where it is, per release, and its carets.
struct Frame {
    file: &'static str,
    function: &'static str,
    source: &'static str,
    lines: [u32; 8],
    /// Carets of 3.11 and 3.12 under `source` (after its indent), if any.
    carets_311: &'static str,
    /// Carets of 3.13, if any.
    carets_313: &'static str,
}

/// A line of gilsim's library and the CPython frames it stands for, outermost first.
struct Site {
    module: &'static str,
    function: &'static str,
    text: &'static str,
    frames: &'static [Frame],
}

/// A raise in one of gilsim's natives that CPython makes in its own Python library: the
/// exception's report shows that library frame innermost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeSite {
    /// `Thread.start()` on a subclass whose `__init__` did not call `Thread.__init__`.
    StartWithoutInit,
    /// `Thread.start()` a second time.
    StartedTwice,
    /// `Thread.join()` on a subclass whose `__init__` did not call `Thread.__init__`.
    JoinWithoutInit,
    JoinBeforeStart,
    JoinCurrentThread,
    /// `repr()` of a thread whose class's `__init__` did not call `Thread.__init__`.
    ReprWithoutInit,
    /// `Thread.is_alive()` on such a thread.
    IsAliveWithoutInit,
    /// Its `name`, `ident`, `daemon` or `native_id` property (the getters assert).
    NameWithoutInit,
    NameSetWithoutInit,
    IdentWithoutInit,
    DaemonWithoutInit,
    NativeIdWithoutInit,
}

/// The CPython frames a traceback entry at `text` (a line of `function` in the library module
/// `module`) stands for under `version`, outermost first; None for a line that is no site.
pub fn frames_at(version: PythonVersion, module: &str, function: &str, text: &str) -> Option<Vec<LibraryFrame>> {
    if let Some(call) = crate::library_frames::run_call_at(module, function, text) {
        return Some(vec![crate::library_frames::run_call_frame(version, call)]);
    }
    if version.major == 2 {
        return python2_frame(module, function, text).map(|frame| vec![frame]);
    }
    let site = futures::SITES
        .iter()
        .chain(sync::SITES)
        .chain(pool::SITES)
        .chain(managers::SITES)
        .chain(process_pool::SITES)
        .chain(servers::SITES)
        .chain(logging::SITES)
        .chain(asyncio::SITES)
        .chain(getopt::SITES)
        .chain(collections::SITES)
        .chain(base64::SITES)
        .find(|s| s.module == module && s.function == function && s.text == text)?;
    python3_frames(version, site.frames)
}

/// A site's frame in 2.7's library: at gilsim's `text` in `function`, 2.7's `source` at `line`.
struct Python2Line {
    function: &'static str,
    text: &'static str,
    source: &'static str,
    line: u32,
}

/// The 2.7 frame of a site, for the modules tabled for 2.7 (`logging`'s and `getopt`'s).
fn python2_frame(module: &str, function: &str, text: &str) -> Option<LibraryFrame> {
    let (file, lines) = match module {
        "logging" => ("logging/__init__.py", logging::PYTHON2_LINES),
        "getopt" => ("getopt.py", getopt::PYTHON2_LINES),
        _ => return None,
    };
    let found = lines.iter().find(|l| l.function == function && l.text == text)?;
    Some(LibraryFrame {
        file: format!("{}/{file}", crate::library_frames::library_dir(PythonVersion::new(2, 7))),
        line: found.line,
        function: found.function,
        source: found.source,
        carets: "",
    })
}

/// The frame of CPython's library a raise at `site` in a native shows under `version` (none
/// before 3.6).
pub fn native_site_frames(version: PythonVersion, site: NativeSite) -> Vec<LibraryFrame> {
    python3_frames(version, &[sync::native_frame(site)]).unwrap_or_default()
}

/// `frames` as `version` prints them: those it has, at its lines, with its carets (None for
/// Python 2 and releases before 3.6, whose libraries are not tabled).
fn python3_frames(version: PythonVersion, frames: &[Frame]) -> Option<Vec<LibraryFrame>> {
    if version.major != 3 || version.minor < 6 {
        return None;
    }
    let index = (version.minor as usize).min(13) - 6;
    let dir = crate::library_frames::library_dir(version);
    let frames = frames.iter().filter(|f| f.lines[index] != 0).map(|f| LibraryFrame {
        // `<string>`: code CPython's library made with exec (a manager proxy's methods).
        file: if f.file.starts_with('<') { f.file.to_string() } else { format!("{dir}/{}", f.file) },
        line: f.lines[index],
        function: f.function,
        source: f.source,
        carets: match version.minor {
            11 | 12 => f.carets_311,
            13.. => f.carets_313,
            _ => "",
        },
    });
    Some(frames.collect())
}
