//! Scheduling strategies: *which* thread runs at a decision point. The GIL policy
//! ([`gilsim_core::Policy`]) decides *when* there is a decision point and which threads are
//! candidates; a strategy only ever sees the candidates (design §6, issue: strategies and
//! policies stay apart).
//!
//! Invariant: a strategy is a pure function of its construction (seed, parameters, recorded
//! decisions) and the decision points it is shown, so a run stays a pure function of
//! (script, options, seed).

mod dfs;
mod pct;
mod random;
mod replay;

pub use dfs::{DfsRun, DfsSearch, Step};
pub use pct::Pct;
pub use random::RandomStrategy;
pub use replay::{default_choice, Divergence, Replay};

use gilsim_detect::ThreadId;

/// What a decision point chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionKind {
    /// The next thread to take the GIL (the previous holder blocked, finished or yielded).
    NextThread,
    /// At a switch point: keep running `current` or switch to another runnable thread.
    SwitchPoint,
    /// Which waiter gets a released lock.
    LockWaiter,
}

/// One decision point: the candidates, in the scheduler's order (FIFO for the run queue,
/// blocking order for lock waiters).
#[derive(Clone, Copy, Debug)]
pub struct Decision<'a> {
    pub kind: DecisionKind,
    pub candidates: &'a [ThreadId],
    /// Index in `candidates` of the thread that holds the GIL now, if it is one of them:
    /// choosing another is a preemption.
    pub current: Option<usize>,
}

/// Chooses among the candidates of a decision point. Called only when there are two or more.
pub trait Strategy {
    /// The index in `decision.candidates` of the thread to pick.
    fn choose(&mut self, decision: &Decision<'_>) -> usize;
}
