//! Scheduling strategies: *which* thread runs at a decision point. The GIL policy
//! ([`gilsim_core::Policy`]) decides *when* there is a decision point and which threads are
//! candidates; a strategy only ever sees the candidates, and whether the running thread's
//! last step opened a window (design §6, issue: strategies and policies stay apart).
//!
//! Invariant: a strategy is a pure function of its construction (seed, parameters, recorded
//! decisions) and the decision points it is shown, so a run stays a pure function of
//! (script, options, seed).

mod dfs;
mod dpor;
mod follow;
mod pct;
mod pos;
mod races;
mod random;
mod replay;
mod step;

pub use dfs::{DfsRun, DfsSearch};
pub use dpor::{DporRun, DporSearch, Reduction};
pub use follow::{Follow, RecordedDecision};
pub use pct::Pct;
pub use pos::Pos;
pub use random::RandomStrategy;
pub use replay::{default_choice, Divergence, Replay};
pub use step::{deviations, preemptions, Step};

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
    /// Without a GIL: which of the threads running on different cores at the same virtual
    /// instant makes its next instruction first.
    Parallel,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 4] =
        [DecisionKind::NextThread, DecisionKind::SwitchPoint, DecisionKind::LockWaiter, DecisionKind::Parallel];

    /// The name traces use.
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::NextThread => "next-thread",
            DecisionKind::SwitchPoint => "switch-point",
            DecisionKind::LockWaiter => "lock-waiter",
            DecisionKind::Parallel => "parallel",
        }
    }

    pub fn from_name(name: &str) -> Option<DecisionKind> {
        DecisionKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
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
    /// The window `current`'s step since its last decision point opened ([`Window::None`]
    /// when no thread holds the GIL).
    pub window: Window,
}

/// What a thread's step opened: the window in which lost updates and lock-order deadlocks
/// happen. What it read may go stale, and the lock it took keeps others waiting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// Neither: nothing another thread can spoil or wait for.
    None,
    /// It read shared data of the script (a global, a closure cell, an attribute, an item).
    Read,
    /// It acquired a lock (whatever else it did).
    Lock,
}

impl Window {
    /// The window a step opened, from the VM's counts at its start and at its end.
    pub fn between(start: gilsim_vm::Windows, end: gilsim_vm::Windows) -> Window {
        if end.locks != start.locks {
            Window::Lock
        } else if end.reads != start.reads {
            Window::Read
        } else {
            Window::None
        }
    }
}

/// Chooses among the candidates of a decision point. Called only when there are two or more.
pub trait Strategy {
    /// The index in `decision.candidates` of the thread to pick.
    fn choose(&mut self, decision: &Decision<'_>) -> usize;

    /// Whether the run should report its steps with their footprints ([`Strategy::observe_step`]).
    fn wants_steps(&self) -> bool {
        false
    }

    /// A step of the run ended (reported in order, before the decision that ends it).
    fn observe_step(&mut self, _step: &crate::StepRecord) {}

    /// The run ended with `runnable` threads still able to run (their next steps never ran:
    /// a deadlock stopped the run, or the interpreter exited under daemon threads).
    fn observe_end(&mut self, _runnable: &[ThreadId]) {}
}

/// The index of the candidate whose `priority` is highest (the earlier one on a tie): how
/// the priority strategies (`pct`, `pos`) choose.
fn highest_priority(candidates: &[ThreadId], mut priority: impl FnMut(ThreadId) -> u64) -> usize {
    let mut best = (0, 0);
    for (i, &thread) in candidates.iter().enumerate() {
        let p = priority(thread);
        if p > best.1 {
            best = (i, p);
        }
    }
    best.0
}
