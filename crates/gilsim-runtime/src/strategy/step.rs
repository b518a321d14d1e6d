//! A decision as taken, relative to the default choice: what dfs enumerates and what
//! shrinking counts (deviations from the default schedule, preemptions among them).

use super::{default_choice, Decision, DecisionKind};

/// One decision of a run: how many candidates, which was taken, what the default was, and
/// whether taking another than the default is a preemption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub candidates: u32,
    /// The choice's rank: 0 for the default, then the other candidates in order.
    pub rank: u32,
    /// The candidate index taken.
    pub choice: u32,
    pub default: u32,
    /// A switch point where the current thread could go on: choosing another preempts it.
    pub preemptible: bool,
}

impl Step {
    pub fn of(decision: &Decision<'_>, choice: u32) -> Step {
        let default = default_choice(decision) as u32;
        let rank = match choice {
            c if c == default => 0,
            c if c < default => c + 1,
            c => c,
        };
        let preemptible = decision.kind == DecisionKind::SwitchPoint && decision.current.is_some();
        Step { candidates: decision.candidates.len() as u32, rank, choice, default, preemptible }
    }

    /// A preemption: another thread than the one that could go on.
    pub fn preempts(&self) -> bool {
        self.preemptible && self.choice != self.default
    }
}

/// The deviations of a run from the default choice: (decision index, candidate index).
pub fn deviations(steps: &[Step]) -> Vec<(u64, u32)> {
    let deviating = steps.iter().enumerate().filter(|(_, s)| s.choice != s.default);
    deviating.map(|(i, s)| (i as u64, s.choice)).collect()
}

/// How many preemptions a run made.
pub fn preemptions(steps: &[Step]) -> u32 {
    steps.iter().filter(|s| s.preempts()).count() as u32
}
