//! The result of a run.

use serde::Serialize;

/// How the run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The interpreter exited (main finished and non-daemon threads were joined).
    Finished,
    /// No thread can ever run again.
    Blocked,
    /// Threads wait for each other in a cycle (stopped when it closed; see `--keep-going`).
    Deadlock,
    /// The virtual clock reached `--max-time`.
    TimeLimit,
    /// `--max-steps` instructions were executed.
    StepLimit,
    /// The script wrote more than `--max-output`.
    OutputLimit,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Finished => "finished",
            Status::Blocked => "blocked",
            Status::Deadlock => "deadlock",
            Status::TimeLimit => "time-limit",
            Status::StepLimit => "step-limit",
            Status::OutputLimit => "output-limit",
        }
    }
}

/// A thread that could not run when the run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockedThread {
    pub thread: String,
    /// What it waits for (`Lock#2 held by Thread-1 (func_1)`, `join of Thread-2`, ...).
    pub waiting_for: String,
    /// Source line of the blocking call.
    pub line: u32,
}

/// What a finding is about (docs/detectors.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    Deadlock,
    Hang,
    /// Manifest: this run lost an update.
    LostUpdate,
    /// Possible: a read-modify-write not ordered with another thread's write.
    PossibleRace,
    Assertion,
    Exception,
    /// The script wrote more than `--max-output`: the run was stopped.
    OutputLimit,
}

impl FindingKind {
    pub const ALL: [FindingKind; 7] = [
        FindingKind::Deadlock,
        FindingKind::Hang,
        FindingKind::LostUpdate,
        FindingKind::PossibleRace,
        FindingKind::Assertion,
        FindingKind::Exception,
        FindingKind::OutputLimit,
    ];

    /// The kind named `name` (as [`FindingKind::as_str`] spells it).
    pub fn from_name(name: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Deadlock => "deadlock",
            FindingKind::Hang => "hang",
            FindingKind::LostUpdate => "lost-update",
            FindingKind::PossibleRace => "possible-race",
            FindingKind::Assertion => "assertion",
            FindingKind::Exception => "exception",
            FindingKind::OutputLimit => "output-limit",
        }
    }

    /// Whether the finding shows a failure in this very run (a possible race does not).
    pub fn is_manifest(self) -> bool {
        self != FindingKind::PossibleRace
    }
}

/// A source line a finding involves, and what happened there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceNote {
    pub line: u32,
    pub note: String,
}

/// Something worth a user's attention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub threads: Vec<String>,
    pub message: String,
    pub locations: Vec<SourceNote>,
    /// Deadlocks: the threads of the cycle, starting at the smallest thread id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cycle: Option<Vec<String>>,
    /// Assertions and exceptions: the script's frames, outermost first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub traceback: Vec<TracebackFrame>,
}

impl Finding {
    /// A finding with no cycle and no traceback.
    pub fn new(kind: FindingKind, threads: Vec<String>, message: String, locations: Vec<SourceNote>) -> Finding {
        Finding { kind, threads, message, locations, cycle: None, traceback: Vec::new() }
    }
}

/// One frame of a traceback: the function and the line it was executing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TracebackFrame {
    pub function: String,
    pub line: u32,
}

/// Everything a run produced.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    pub status: Status,
    /// The exit status CPython would give (for finished runs; 1 when blocked).
    pub exit_code: i32,
    pub stdout: String,
    pub stderr: String,
    pub findings: Vec<Finding>,
    /// For `blocked`: every thread that could not run, and why.
    pub blocked: Vec<BlockedThread>,
    /// For limits: threads still alive when the run stopped.
    pub still_running: Vec<String>,
    pub virtual_time_ns: u64,
    pub instructions: u64,
    /// GIL hand-offs to a different thread.
    pub switches: u64,
    /// Per thread: time holding and waiting for the GIL, drops (empty without a GIL).
    #[serde(skip_serializing_if = "crate::GilStats::is_empty")]
    pub gil: crate::GilStats,
    /// Without a GIL: the virtual time each core spent running threads (empty under a GIL).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub core_busy_ns: Vec<u64>,
    /// Scheduler decisions where there was a real choice (index into the candidates).
    pub decisions: Vec<u32>,
}
