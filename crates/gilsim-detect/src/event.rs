//! What the detectors observe. The VM reports accesses to shared locations and lock
//! operations; the runtime reports thread start, join and contended acquires.

/// A simulated thread (index in the run's thread table; 0 is the main thread).
pub type ThreadId = usize;

/// A shared location (a module global, an attribute of one object, a dict key, a list slot,
/// a closure cell), numbered densely by the VM in the order first touched.
pub type LocId = u32;

/// A value as reports show it. Only scalars are kept; anything else is shown by type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shown {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Any other value: its type name.
    Other(&'static str),
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shown::None => f.write_str("None"),
            Shown::Bool(true) => f.write_str("True"),
            Shown::Bool(false) => f.write_str("False"),
            Shown::Int(i) => write!(f, "{i}"),
            Shown::Float(x) => write!(f, "{x:?}"),
            Shown::Other(type_name) => write!(f, "a {type_name}"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Event {
    /// `thread` read `loc` (at script line `line`) and saw `value`.
    Read { thread: ThreadId, loc: LocId, line: u32, value: Shown },
    /// `thread` stored `value` into `loc`.
    Write { thread: ThreadId, loc: LocId, line: u32, value: Shown },
    /// `thread` now holds lock number `lock` (first acquire; RLock re-entries are not reported).
    Acquire { thread: ThreadId, lock: u64, line: u32 },
    /// `lock` is free again (released by `thread`, which need not be the acquirer).
    Release { thread: ThreadId, lock: u64 },
    /// `parent` started `child` (`Thread.start`, a Timer, `_thread.start_new_thread`).
    Start { parent: ThreadId, child: ThreadId },
    /// `joiner` returned from joining the finished thread `joined`.
    Join { joiner: ThreadId, joined: ThreadId },
}
