//! What the detectors observe. The VM reports accesses to shared locations and lock
//! operations; the runtime reports thread start, join and contended acquires.

/// A simulated thread (index in the run's thread table; 0 is the main thread).
pub type ThreadId = usize;

/// A shared location (a module global, an attribute of one object, a dict key, a list slot,
/// a closure cell), numbered densely by the VM in the order first touched.
pub type LocId = u32;

/// What kind of value a [`Shown`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShownKind {
    None,
    Bool,
    Int,
    Float,
    Str,
    List,
    Dict,
    Tuple,
    Object,
    Other,
}

/// A value as reports show it: scalars by value, anything else by its kind.
///
/// A (kind, bits) pair rather than an enum with payloads: every access of the script carries
/// one, and a pair of scalars travels in registers, where the enum was copied through memory
/// with stores and loads of different widths (a store-forwarding stall on every access).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    kind: ShownKind,
    bits: u64,
}

impl Shown {
    pub const NONE: Shown = Shown::of(ShownKind::None);

    /// A value shown only by its kind.
    pub const fn of(kind: ShownKind) -> Shown {
        Shown { kind, bits: 0 }
    }

    pub const fn bool(b: bool) -> Shown {
        Shown { kind: ShownKind::Bool, bits: b as u64 }
    }

    pub const fn int(i: i64) -> Shown {
        Shown { kind: ShownKind::Int, bits: i as u64 }
    }

    pub fn float(x: f64) -> Shown {
        Shown { kind: ShownKind::Float, bits: x.to_bits() }
    }

    pub fn kind(&self) -> ShownKind {
        self.kind
    }
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            ShownKind::None => f.write_str("None"),
            ShownKind::Bool if self.bits != 0 => f.write_str("True"),
            ShownKind::Bool => f.write_str("False"),
            ShownKind::Int => write!(f, "{}", self.bits as i64),
            ShownKind::Float => write!(f, "{:?}", f64::from_bits(self.bits)),
            ShownKind::Str => f.write_str("a str"),
            ShownKind::List => f.write_str("a list"),
            ShownKind::Dict => f.write_str("a dict"),
            ShownKind::Tuple => f.write_str("a tuple"),
            ShownKind::Object => f.write_str("an object"),
            ShownKind::Other => f.write_str("a value"),
        }
    }
}

/// What the detectors observe ([`crate::Detectors::observe`]). Lock operations are not events
/// but calls ([`crate::Detectors::acquire`], [`crate::Detectors::release`]) that hand over the
/// lock's own clock.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Event {
    /// `thread` read `loc` (at script line `line`) and saw `value`.
    Read { thread: ThreadId, loc: LocId, line: u32, value: Shown },
    /// `thread` stored `value` into `loc`.
    Write { thread: ThreadId, loc: LocId, line: u32, value: Shown },
    /// `parent` started `child` (`Thread.start`, a Timer, `_thread.start_new_thread`).
    Start { parent: ThreadId, child: ThreadId },
    /// `joiner` returned from joining the finished thread `joined`.
    Join { joiner: ThreadId, joined: ThreadId },
}
