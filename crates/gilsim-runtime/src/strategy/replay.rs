//! `replay`: follow a recorded schedule given as its deviations from the default choice (keep
//! running the current thread; else the first candidate) — the form search and shrinking
//! produce. When the run asks for a decision the record cannot answer — a recorded choice out
//! of range for the candidates, or more or fewer decisions than recorded — the run has
//! diverged from the recorded one (a changed script or options); the first such point is
//! kept for the report, and the run goes on with default choices.

use super::{Decision, Strategy};

/// Where a replay stopped matching its record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// Index of the decision (from 0) that did not match.
    pub decision: u64,
    pub reason: String,
}

pub struct Replay {
    total: u64,
    /// (decision index, choice), in increasing index order.
    deviations: Vec<(u64, u32)>,
    next_deviation: usize,
    decisions: u64,
    divergence: Option<Divergence>,
}

/// The choice a schedule makes when it records none: no preemption.
pub fn default_choice(decision: &Decision<'_>) -> usize {
    decision.current.unwrap_or(0)
}

impl Replay {
    pub fn new(total: u64, deviations: Vec<(u64, u32)>) -> Replay {
        Replay { total, deviations, next_deviation: 0, decisions: 0, divergence: None }
    }

    /// The first divergence, including a run that made fewer decisions than recorded.
    pub fn divergence(&self) -> Option<Divergence> {
        if let Some(d) = &self.divergence {
            return Some(d.clone());
        }
        (self.decisions < self.total).then(|| Divergence {
            decision: self.decisions,
            reason: format!("the run ended after {} decisions; the record has {}", self.decisions, self.total),
        })
    }

    fn diverge(&mut self, reason: String) {
        if self.divergence.is_none() {
            self.divergence = Some(Divergence { decision: self.decisions, reason });
        }
    }
}

impl Strategy for Replay {
    fn choose(&mut self, decision: &Decision<'_>) -> usize {
        let n = decision.candidates.len();
        if self.decisions == self.total {
            self.diverge(format!("the record has {} decisions; the run asks for more", self.total));
        }
        let mut choice = default_choice(decision);
        if let Some(&(at, recorded)) = self.deviations.get(self.next_deviation) {
            if at == self.decisions {
                self.next_deviation += 1;
                if (recorded as usize) < n {
                    choice = recorded as usize;
                } else {
                    self.diverge(format!("recorded choice {recorded} but only {n} threads could run"));
                }
            }
        }
        self.decisions += 1;
        choice
    }
}
