//! `random`: a uniformly random candidate at every decision point, from the run's seeded
//! scheduler stream (the strategy `preemptive` runs have always used).

use super::{Decision, Strategy};
use gilsim_core::SimRng;

pub struct RandomStrategy {
    rng: SimRng,
}

impl RandomStrategy {
    pub fn new(seed: u64) -> RandomStrategy {
        RandomStrategy { rng: SimRng::new(seed, 0) }
    }
}

impl Strategy for RandomStrategy {
    fn choose(&mut self, decision: &Decision<'_>) -> usize {
        self.rng.below(decision.candidates.len() as u64) as usize
    }
}
