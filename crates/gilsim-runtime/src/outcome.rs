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
    /// The virtual clock reached `--max-time`.
    TimeLimit,
    /// `--max-steps` instructions were executed.
    StepLimit,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Finished => "finished",
            Status::Blocked => "blocked",
            Status::TimeLimit => "time-limit",
            Status::StepLimit => "step-limit",
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

/// Something worth a user's attention. This issue reports uncaught exceptions; the
/// detectors (deadlock, hang, lost update, race) add more kinds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: String,
    pub threads: Vec<String>,
    pub message: String,
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
    /// Scheduler decisions where there was a real choice (index into the candidates).
    pub decisions: Vec<u32>,
}
