//! `dfs`: exhaustive, stateless search of the decision tree (Godefroid's VeriSoft; with a
//! preemption bound as in CHESS, Musuvathi & Qadeer, PLDI 2007). Each run replays a prefix of
//! choices and then makes default choices (no preemption), recording every decision; the
//! search then backtracks to the deepest decision with an untried alternative.
//!
//! Alternatives are tried in rank order: rank 0 is the default choice (keep running the
//! current thread, else the first candidate), then the other candidates in scheduler order.
//! A choice of rank > 0 at a switch point where the current thread could go on is a
//! preemption; a search with bound K never makes a run with more than K of them (the CHESS
//! insight: most concurrency bugs need very few).
//!
//! Invariant: the runs are made in a fixed order that depends only on the program and the
//! bound, and no schedule is run twice.

use super::step::{self, Step};
use super::{default_choice, Decision, Strategy};

/// The strategy of one dfs run: follow `prefix` (ranks), then take rank 0.
pub struct DfsRun {
    prefix: Vec<u32>,
    trace: Vec<Step>,
}

impl DfsRun {
    /// The run's decisions, in order.
    pub fn trace(&self) -> &[Step] {
        &self.trace
    }

    /// The run as deviations from the default choice: (decision index, candidate index).
    pub fn deviations(&self) -> Vec<(u64, u32)> {
        step::deviations(&self.trace)
    }
}

/// The candidate index of `rank`: the default first, then the others in order.
fn index_of_rank(rank: u32, default: u32) -> u32 {
    match rank {
        0 => default,
        r if r <= default => r - 1,
        r => r,
    }
}

impl Strategy for DfsRun {
    fn choose(&mut self, decision: &Decision<'_>) -> usize {
        let candidates = decision.candidates.len() as u32;
        let default = default_choice(decision) as u32;
        let rank = self.prefix.get(self.trace.len()).copied().unwrap_or(0);
        assert!(rank < candidates, "dfs replayed a prefix into a decision with fewer candidates");
        let choice = index_of_rank(rank, default);
        self.trace.push(Step::of(decision, choice));
        choice as usize
    }
}

/// The search: hands out one [`DfsRun`] after another until the tree (within the bound) is
/// exhausted.
pub struct DfsSearch {
    preemption_bound: Option<u32>,
    /// The next run's prefix; None when the search is over.
    next: Option<Vec<u32>>,
}

impl DfsSearch {
    pub fn new(preemption_bound: Option<u32>) -> DfsSearch {
        DfsSearch { preemption_bound, next: Some(Vec::new()) }
    }

    /// The strategy of the next run, or None when every schedule has been run.
    pub fn next_run(&mut self) -> Option<DfsRun> {
        self.next.take().map(|prefix| DfsRun { prefix, trace: Vec::new() })
    }

    /// Record the finished run and choose the next: the deepest decision with an untried rank
    /// that stays within the preemption bound.
    pub fn finished(&mut self, run: &DfsRun) {
        let trace = &run.trace;
        let mut preemptions: Vec<u32> = Vec::with_capacity(trace.len() + 1);
        preemptions.push(0);
        for step in trace {
            let last = *preemptions.last().expect("starts with 0");
            preemptions.push(last + u32::from(step.preemptible && step.rank > 0));
        }
        for i in (0..trace.len()).rev() {
            let step = trace[i];
            let rank = step.rank + 1;
            if rank >= step.candidates {
                continue;
            }
            let cost = preemptions[i] + u32::from(step.preemptible);
            if self.preemption_bound.is_some_and(|bound| cost > bound) {
                continue;
            }
            let mut prefix: Vec<u32> = trace[..i].iter().map(|s| s.rank).collect();
            prefix.push(rank);
            self.next = Some(prefix);
            return;
        }
        self.next = None;
    }
}
