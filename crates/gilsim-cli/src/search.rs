//! One search over a script's schedules, shared by `explore` and `check`: with `random` and
//! `pct`, run `i` uses seed `BASE + i` and a fresh strategy, so any run can be made again from
//! its index alone (design §6); with `dfs`, every schedule in turn.

use crate::workers::Workers;
use clap::{Args, ValueEnum};
use gilsim_bytecode::Program;
use gilsim_core::{RunOptions, Schedule};
use gilsim_runtime::strategy::{DfsSearch, Pct, RandomStrategy, Strategy};
use gilsim_runtime::{Image, Outcome};
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StrategyName {
    /// A uniformly random runnable thread at every decision point.
    Random,
    /// Probabilistic concurrency testing: random priorities and depth-1 change points.
    Pct,
    /// Every schedule in turn (depth-first), with at most --preemption-bound preemptions.
    Dfs,
}

/// How the runs of a search choose threads: options of `explore`, and keys of scenario
/// headers for `check`.
#[derive(Args)]
pub struct StrategyArgs {
    #[arg(long, value_enum, default_value = "random")]
    pub strategy: StrategyName,
    /// pct: the bug depth d (d - 1 priority change points per run).
    #[arg(long, default_value_t = 3)]
    pub depth: u32,
    /// dfs: the most preemptions (switches away from a thread that could go on) per run.
    #[arg(long, default_value_t = 2)]
    pub preemption_bound: u32,
    /// dfs: no preemption bound (every schedule; may be astronomically many).
    #[arg(long, conflicts_with = "preemption_bound")]
    pub unbounded: bool,
}

pub struct Search {
    pub program: Arc<Program>,
    /// The options of run 0 (a random or pct run i differs only in its seed).
    pub base: RunOptions,
    pub strategy: StrategyName,
    /// pct: the bug depth d.
    pub depth: u32,
    /// pct: how many decisions a run makes, measured on run 0.
    steps: u64,
    /// dfs: the most preemptions a run may make (None: no bound).
    preemption_bound: Option<u32>,
}

impl Search {
    pub fn new(program: Arc<Program>, base: RunOptions, args: &StrategyArgs) -> Search {
        // PCT draws its change points among the decisions of a typical run: measure one.
        let steps = match args.strategy {
            StrategyName::Pct => gilsim_runtime::run(program.clone(), &base).decisions.len().max(1) as u64,
            StrategyName::Random | StrategyName::Dfs => 0,
        };
        let preemption_bound = (!args.unbounded).then_some(args.preemption_bound);
        Search { program, base, strategy: args.strategy, depth: args.depth, steps, preemption_bound }
    }

    /// The seed of run `run` (dfs runs all use the base seed: the schedule varies, not the
    /// seed).
    pub fn seed(&self, run: u64) -> u64 {
        match self.strategy {
            StrategyName::Dfs => self.base.seed,
            _ => self.base.seed.wrapping_add(run),
        }
    }

    pub fn options(&self, run: u64) -> RunOptions {
        RunOptions { seed: self.seed(run), ..self.base.clone() }
    }

    /// Make the runs `run_of(0)`, `run_of(1)`, ... (at most `count`) on `workers`, handing
    /// `summarize(run, outcome, schedule)` of each to `consume` in order; returns true when
    /// the search ran out of schedules (dfs explored the whole tree).
    ///
    /// `random` and `pct` runs are independent and made in parallel; `dfs` runs are made one
    /// after another, since each run's schedule follows from the previous one.
    pub fn each_run<T: Send>(
        &self,
        count: usize,
        workers: &Workers<'_>,
        run_of: impl Fn(usize) -> u64 + Sync,
        summarize: impl Fn(u64, &Outcome, Schedule) -> T + Sync,
        failed: impl Fn(&T) -> bool + Sync,
        consume: impl FnMut(T),
    ) -> bool {
        if self.strategy == StrategyName::Dfs {
            return self.each_dfs_run(count, workers, summarize, failed, consume);
        }
        let schedule = match self.strategy {
            StrategyName::Pct => Schedule::Pct { depth: self.depth, steps: self.steps },
            _ => Schedule::Random,
        };
        let work = |image: &mut Image, i: usize| {
            let run = run_of(i);
            let options = self.options(run);
            let mut strategy: Box<dyn Strategy> = match self.strategy {
                StrategyName::Pct => Box::new(Pct::new(options.seed, self.depth, self.steps)),
                _ => Box::new(RandomStrategy::new(options.seed)),
            };
            let outcome = gilsim_runtime::run_with(image, &options, strategy.as_mut());
            summarize(run, &outcome, schedule.clone())
        };
        workers.run(count, || self.image(), work, failed, consume);
        false
    }

    fn each_dfs_run<T>(
        &self,
        count: usize,
        workers: &Workers<'_>,
        summarize: impl Fn(u64, &Outcome, Schedule) -> T,
        failed: impl Fn(&T) -> bool,
        mut consume: impl FnMut(T),
    ) -> bool {
        let image = self.image();
        let mut dfs = DfsSearch::new(self.preemption_bound);
        for run in 0..count as u64 {
            if workers.stop.deadline.is_some_and(|deadline| std::time::Instant::now() >= deadline) {
                return false;
            }
            let Some(mut strategy) = dfs.next_run() else { return true };
            let outcome = gilsim_runtime::run_with(&image, &self.base, &mut strategy);
            dfs.finished(&strategy);
            let total = strategy.trace().len() as u64;
            let summary = summarize(run, &outcome, Schedule::Deviations { total, deviations: strategy.deviations() });
            let stop = workers.stop.at_failure && failed(&summary);
            (workers.on_run)();
            consume(summary);
            if stop {
                return false;
            }
        }
        dfs.next_run().is_none()
    }

    pub fn label(&self) -> String {
        match self.strategy {
            StrategyName::Random => "random".into(),
            StrategyName::Pct => format!("pct (depth {})", self.depth),
            StrategyName::Dfs => match self.preemption_bound {
                Some(bound) => format!("dfs (preemption bound {bound})"),
                None => "dfs (no preemption bound)".into(),
            },
        }
    }

    pub fn image(&self) -> Image {
        Image::new(self.program.clone())
    }
}
