//! `pct`: probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi and Nagarakatte,
//! "A Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010).
//!
//! Every thread gets a random priority when first seen, all above `depth`; the candidate with
//! the highest priority always runs. At `depth - 1` change points, drawn uniformly among the
//! first `steps` decisions, the thread just chosen drops to priority `depth - i` (below every
//! initial one), which forces a preemption there. A bug of depth `d` among `n` threads and `k`
//! steps is found with probability at least 1/(n·k^(d-1)) per run.
//!
//! `steps` must estimate the run's number of decisions; `gilsim explore` measures it with one
//! calibration run so that every run of a search uses the same value.

use super::{highest_priority, Decision, Strategy};
use gilsim_core::SimRng;
use gilsim_detect::ThreadId;

pub struct Pct {
    rng: SimRng,
    depth: u32,
    /// Priority per thread id (0 = not seen yet).
    priorities: Vec<u64>,
    /// Decision numbers at which the chosen thread's priority drops, sorted.
    change_points: Vec<u64>,
    decisions: u64,
}

impl Pct {
    /// A PCT schedule for `seed`, bug depth `depth` (≥ 1) and about `steps` decisions per run.
    pub fn new(seed: u64, depth: u32, steps: u64) -> Pct {
        let mut rng = SimRng::new(seed, 0);
        let depth = depth.max(1);
        let mut change_points: Vec<u64> = (1..depth).map(|_| rng.below(steps.max(1))).collect();
        change_points.sort_unstable();
        Pct { rng, depth, priorities: Vec::new(), change_points, decisions: 0 }
    }

    fn priority(&mut self, thread: ThreadId) -> u64 {
        if self.priorities.len() <= thread {
            self.priorities.resize(thread + 1, 0);
        }
        if self.priorities[thread] == 0 {
            // Above every change-point priority (1..depth), distinct with high probability;
            // ties go to the earlier candidate.
            self.priorities[thread] = u64::from(self.depth) + 1 + (self.rng.next_u64() >> 16);
        }
        self.priorities[thread]
    }
}

impl Strategy for Pct {
    fn choose(&mut self, decision: &Decision<'_>) -> usize {
        let chosen = highest_priority(decision.candidates, |thread| self.priority(thread));
        let step = self.decisions;
        self.decisions += 1;
        if self.change_points.first() != Some(&step) {
            return chosen;
        }
        // Change point number i (from 1) lowers the thread that would run to depth - i; several
        // change points drawn on one step count once each.
        while self.change_points.first() == Some(&step) {
            self.change_points.remove(0);
        }
        let passed = u64::from(self.depth - 1) - self.change_points.len() as u64;
        let thread = decision.candidates[chosen];
        self.priorities[thread] = (u64::from(self.depth) - passed).max(1);
        highest_priority(decision.candidates, |thread| self.priority(thread))
    }
}
