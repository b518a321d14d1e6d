//! One search over a script's schedules, shared by `explore` and `check`: run `i` uses seed
//! `BASE + i` and a fresh strategy of the chosen kind, so any run can be made again from its
//! index alone (design §6).

use clap::ValueEnum;
use gilsim_bytecode::Program;
use gilsim_core::{RunOptions, Schedule};
use gilsim_runtime::strategy::{Pct, RandomStrategy, Strategy};
use gilsim_runtime::{Image, Outcome};
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StrategyName {
    /// A uniformly random runnable thread at every decision point.
    Random,
    /// Probabilistic concurrency testing: random priorities and depth-1 change points.
    Pct,
}

pub struct Search {
    pub program: Arc<Program>,
    /// The options of run 0 (run i differs only in its seed).
    pub base: RunOptions,
    pub strategy: StrategyName,
    /// pct: the bug depth d.
    pub depth: u32,
    /// pct: how many decisions a run makes, measured on run 0.
    steps: u64,
}

impl Search {
    pub fn new(program: Arc<Program>, base: RunOptions, strategy: StrategyName, depth: u32) -> Search {
        // PCT draws its change points among the decisions of a typical run: measure one.
        let steps = match strategy {
            StrategyName::Pct => gilsim_runtime::run(program.clone(), &base).decisions.len().max(1) as u64,
            StrategyName::Random => 0,
        };
        Search { program, base, strategy, depth, steps }
    }

    pub fn seed(&self, run: u64) -> u64 {
        self.base.seed.wrapping_add(run)
    }

    pub fn options(&self, run: u64) -> RunOptions {
        RunOptions { seed: self.seed(run), ..self.base.clone() }
    }

    /// Run number `run`, starting from `image` (one per worker: see [`Image`]).
    pub fn run(&self, image: &Image, run: u64) -> Outcome {
        let options = self.options(run);
        let mut strategy: Box<dyn Strategy> = match self.strategy {
            StrategyName::Random => Box::new(RandomStrategy::new(options.seed)),
            StrategyName::Pct => Box::new(Pct::new(options.seed, self.depth, self.steps)),
        };
        gilsim_runtime::run_with(image, &options, strategy.as_mut())
    }

    /// The schedule every run's token records (with the run's seed in its options).
    pub fn schedule(&self) -> Schedule {
        match self.strategy {
            StrategyName::Random => Schedule::Random,
            StrategyName::Pct => Schedule::Pct { depth: self.depth, steps: self.steps },
        }
    }

    pub fn label(&self) -> String {
        match self.strategy {
            StrategyName::Random => "random".into(),
            StrategyName::Pct => format!("pct (depth {})", self.depth),
        }
    }

    pub fn image(&self) -> Image {
        Image::new(self.program.clone())
    }
}
