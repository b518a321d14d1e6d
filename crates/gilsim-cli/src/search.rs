//! One search over a script's schedules, shared by `explore` and `check`: with `pos`, `random`
//! and `pct`, run `i` uses seed `BASE + i` and a fresh strategy, so any run can be made again from
//! its index alone (design §6); with `dfs`, every schedule in turn.

use crate::schedule;
use crate::workers::Workers;
use clap::{Args, ValueEnum};
use gilsim_bytecode::Program;
use gilsim_core::{RunOptions, Schedule};
use gilsim_runtime::strategy::{DfsSearch, DporSearch, Reduction};
use gilsim_runtime::{Image, Outcome};
use std::sync::{Arc, OnceLock};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StrategyName {
    /// Random priorities drawn afresh after each step, and a thread that just read shared
    /// data or took a lock yields to the others half of the time (the default).
    Pos,
    /// A uniformly random runnable thread at every decision point.
    Random,
    /// Probabilistic concurrency testing: random priorities and depth-1 change points.
    Pct,
    /// Every schedule in turn (depth-first): one per class of schedules that differ only in
    /// the order of commuting steps (DPOR), or all within --preemption-bound preemptions.
    Dfs,
}

/// How the runs of a search choose threads: options of `explore`, and keys of scenario
/// headers for `check`.
#[derive(Args)]
pub struct StrategyArgs {
    /// How runs choose threads [default: pos; `check` makes a single run as `gilsim run`
    /// does, with random]
    #[arg(long, value_enum)]
    pub strategy: Option<StrategyName>,
    /// pct: the bug depth d (d - 1 priority change points per run), 1 to 100.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=i64::from(gilsim_core::MAX_PCT_DEPTH)))]
    pub depth: u32,
    /// dfs: run every schedule with at most K preemptions (switches away from a thread that
    /// could go on), without partial-order reduction (CHESS-style bounded search).
    #[arg(long, value_name = "K")]
    pub preemption_bound: Option<u32>,
    /// dfs: no partial-order reduction and no bound (every schedule; may be astronomically many).
    #[arg(long, conflicts_with = "preemption_bound")]
    pub no_reduction: bool,
}

/// How `dfs` walks the decision tree.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DfsMode {
    /// DPOR with sleep sets: one schedule per class of equivalent ones.
    Reduced,
    /// Every schedule with at most this many preemptions (None: every schedule).
    Plain(Option<u32>),
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
    dfs: DfsMode,
    /// dfs with reduction: how the search went without it, once it has (see [`Reduction`]).
    reduction_lost: OnceLock<Reduction>,
}

impl Search {
    /// A search with `args`, whose strategy is `default` unless they name one.
    pub fn new(program: Arc<Program>, base: RunOptions, args: &StrategyArgs, default: StrategyName) -> Search {
        let strategy = args.strategy.unwrap_or(default);
        // PCT draws its change points among the decisions of a typical run: measure one.
        let steps = match strategy {
            StrategyName::Pct => gilsim_runtime::run(program.clone(), &base).decisions.len().max(1) as u64,
            StrategyName::Pos | StrategyName::Random | StrategyName::Dfs => 0,
        };
        let dfs = match (args.preemption_bound, args.no_reduction) {
            (None, false) => DfsMode::Reduced,
            (bound, _) => DfsMode::Plain(bound),
        };
        let reduction_lost = OnceLock::new();
        Search { program, base, strategy, depth: args.depth, steps, dfs, reduction_lost }
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
    /// `pos`, `random` and `pct` runs are independent and made in parallel; `dfs` runs are made one
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
            StrategyName::Pos => Schedule::Pos,
            StrategyName::Random | StrategyName::Dfs => Schedule::Random,
        };
        let work = |runner: &mut Runner, i: usize| {
            let run = run_of(i);
            let options = self.options(run);
            let mut strategy =
                schedule::seeded_strategy(&schedule, options.seed).expect("random, pct and pos are seeded");
            let outcome = runner.run(&self.base, &options, strategy.as_mut());
            summarize(run, &outcome, schedule.clone())
        };
        workers.run(count, || Runner { image: self.image(), prefix: None }, work, failed, consume);
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
        let mut tree = match self.dfs {
            DfsMode::Reduced => Tree::Reduced(DporSearch::new()),
            DfsMode::Plain(bound) => Tree::Plain(DfsSearch::new(bound)),
        };
        let mut exhausted = false;
        for run in 0..count as u64 {
            if workers.stop.deadline.is_some_and(|deadline| std::time::Instant::now() >= deadline) {
                break;
            }
            let Some((outcome, schedule)) = tree.run(&image, &self.base) else {
                exhausted = true;
                break;
            };
            let summary = summarize(run, &outcome, schedule);
            let stop = workers.stop.at_failure && failed(&summary);
            (workers.on_run)();
            consume(summary);
            if stop {
                break;
            }
            if run + 1 == count as u64 {
                exhausted = tree.exhausted();
            }
        }
        if let Tree::Reduced(search) = &tree {
            if search.reduction() != Reduction::On {
                let _ = self.reduction_lost.set(search.reduction());
            }
        }
        exhausted
    }

    pub fn label(&self) -> String {
        match self.strategy {
            StrategyName::Pos => "pos".into(),
            StrategyName::Random => "random".into(),
            StrategyName::Pct => format!("pct (depth {})", self.depth),
            StrategyName::Dfs => match (self.dfs, self.reduction_lost.get()) {
                (DfsMode::Reduced, None | Some(Reduction::On)) => "dfs (partial-order reduction)".into(),
                (DfsMode::Reduced, Some(Reduction::OffFromStart)) => {
                    "dfs (every schedule: the runs depend on virtual time, which partial-order reduction cannot reorder)"
                        .into()
                }
                (DfsMode::Reduced, Some(Reduction::RestartedAfter(run))) => format!(
                    "dfs (partial-order reduction until run {run}, which depended on virtual time; then every schedule, \
                     from the first)"
                ),
                (DfsMode::Plain(Some(bound)), _) => format!("dfs (preemption bound {bound})"),
                (DfsMode::Plain(None), _) => "dfs (every schedule)".into(),
            },
        }
    }

    pub fn image(&self) -> Image {
        Image::new(self.program.clone())
    }
}

/// A dfs search of either kind.
enum Tree {
    Reduced(DporSearch),
    Plain(DfsSearch),
}

impl Tree {
    /// Make the next run: its outcome and schedule; None when done.
    fn run(&mut self, image: &Image, options: &RunOptions) -> Option<(Outcome, Schedule)> {
        let deviations = |trace: &[_], deviations| Schedule::Deviations { total: trace.len() as u64, deviations };
        match self {
            Tree::Reduced(search) => {
                let mut strategy = search.next_run()?;
                let outcome = gilsim_runtime::run_with(image, options, &mut strategy);
                let schedule = deviations(strategy.trace(), strategy.deviations());
                search.finished(strategy, &outcome);
                Some((outcome, schedule))
            }
            Tree::Plain(search) => {
                let mut strategy = search.next_run()?;
                let outcome = gilsim_runtime::run_with(image, options, &mut strategy);
                search.finished(&strategy);
                Some((outcome, deviations(strategy.trace(), strategy.deviations())))
            }
        }
    }

    fn exhausted(&mut self) -> bool {
        match self {
            Tree::Reduced(search) => search.next_run().is_none(),
            Tree::Plain(search) => search.next_run().is_none(),
        }
    }
}

/// A worker's runs of one program: its image, and the prefix its runs resume from (made at
/// the first run; see [`gilsim_runtime::Prefix`]).
struct Runner {
    image: Image,
    prefix: Option<Option<gilsim_runtime::Prefix>>,
}

impl Runner {
    fn run(
        &mut self,
        base: &RunOptions,
        options: &RunOptions,
        strategy: &mut dyn gilsim_runtime::strategy::Strategy,
    ) -> Outcome {
        let prefix = self.prefix.get_or_insert_with(|| gilsim_runtime::Prefix::new(&self.image, base));
        if let Some(outcome) = prefix.as_ref().and_then(|prefix| prefix.run(options, strategy)) {
            return outcome;
        }
        gilsim_runtime::run_with(&self.image, options, strategy)
    }
}
