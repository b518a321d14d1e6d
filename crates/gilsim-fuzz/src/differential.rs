//! The differential check of `dfs` with partial-order reduction: the set of outcomes it reaches
//! must equal the set that running every schedule reaches. When every schedule is too many to
//! run, the reduced search must still reach every outcome of the schedules that were run and
//! of a sample of `pos` and `random` runs.
//!
//! Invariant: a verdict is a pure function of (source, options, limits).

use gilsim_core::RunOptions;
use gilsim_runtime::strategy::{DfsSearch, DporSearch, Pos, RandomStrategy, Reduction};
use gilsim_runtime::{run_with, FindingKind, Image, Outcome};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What a user could tell two runs apart by: how it ended, its output, and what went wrong in
/// it. (A possible-race finding is left out: it predicts what *other* schedules could do, from
/// what this one happened to order, so equivalent runs need not agree on it.)
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seen {
    pub status: String,
    pub exit_code: i32,
    pub stdout: String,
    pub stderr: String,
    pub findings: Vec<String>,
}

impl Seen {
    pub fn of(outcome: &Outcome) -> Seen {
        let manifest = outcome.findings.iter().filter(|f| f.kind != FindingKind::PossibleRace);
        let mut findings: Vec<String> = manifest.map(|f| f.kind.as_str().to_string()).collect();
        findings.sort();
        Seen {
            status: outcome.status.as_str().into(),
            exit_code: outcome.exit_code,
            stdout: outcome.stdout.clone(),
            stderr: outcome.stderr.clone(),
            findings,
        }
    }
}

/// How far each search may go.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Most runs of each reference search (every schedule, sleep sets alone, few preemptions).
    pub every_schedule: u64,
    /// Most runs of the reduced search (it must end within them).
    pub reduced: u64,
    /// `pos` and `random` runs each, compared when every schedule is too many.
    pub sampled: u64,
    /// When every schedule is too many: every schedule with at most this many preemptions
    /// (at most `every_schedule` of them) is compared.
    pub preemption_bound: u32,
}

impl Limits {
    /// References of at most `cap` runs each; the reduced search may make twice as many.
    pub fn with_cap(cap: u64) -> Limits {
        Limits { every_schedule: cap, reduced: 2 * cap, sampled: 200, preemption_bound: 2 }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::with_cap(10_000)
    }
}

/// The outcomes one search reached.
#[derive(Debug)]
pub struct Searched {
    pub outcomes: BTreeSet<Seen>,
    pub runs: u64,
    /// It ran out of schedules (rather than hitting its limit).
    pub complete: bool,
}

/// What the reduced search was compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    /// Every schedule (the search ended within its limit): the sets must be equal.
    EverySchedule,
    /// Every schedule was too many, the search reduced by sleep sets alone was not: the sets
    /// must be equal, and include what the runs of every schedule made reached.
    SleepSets,
    /// Both were too many: the reduced search must reach what every schedule with few
    /// preemptions, the runs of every schedule made, and `pos` and `random` runs reach.
    Sampled,
}

/// What the check found.
#[derive(Debug)]
pub enum Verdict {
    /// The reduced search did not end within its limit.
    ReducedTooLong {
        runs: u64,
    },
    Compared(Comparison),
    /// gilsim panicked (with this message).
    Panicked(String),
}

/// The reduced search's outcomes against a reference's.
#[derive(Debug)]
pub struct Comparison {
    pub reference: Reference,
    pub reduced: Searched,
    pub reduction: Reduction,
    /// Runs the reference searches made.
    pub reference_runs: u64,
    /// With [`Reference::Sampled`]: whether every schedule with few preemptions was run.
    pub bounded_complete: bool,
    /// Outcomes the reference reached and the reduced search did not.
    pub missed: Vec<Seen>,
    /// Outcomes the reduced search reached and an exhaustive reference did not.
    pub extra: Vec<Seen>,
}

impl Verdict {
    pub fn is_mismatch(&self) -> bool {
        matches!(self, Verdict::Compared(c) if !c.missed.is_empty() || !c.extra.is_empty())
    }

    /// One line: the verdict, and the runs each search made.
    pub fn summary(&self) -> String {
        let c = match self {
            Verdict::ReducedTooLong { runs } => return format!("reduced search > {runs} runs"),
            Verdict::Panicked(message) => return format!("PANIC: {message}"),
            Verdict::Compared(c) => c,
        };
        let reference = match c.reference {
            Reference::EverySchedule => "every schedule",
            Reference::SleepSets => "sleep sets alone",
            Reference::Sampled if c.bounded_complete => "sampled, all of few preemptions",
            Reference::Sampled => "sampled, some of few preemptions",
        };
        let verdict = if self.is_mismatch() {
            format!("MISMATCH (missed {}, added {})", c.missed.len(), c.extra.len())
        } else {
            "agree".into()
        };
        format!(
            "{verdict}: {} outcomes, reduced {} runs; {reference}: {} runs",
            c.reduced.outcomes.len(),
            c.reduced.runs,
            c.reference_runs
        )
    }
}

/// Run `dfs` with reduction and the reference searches on `image`, and compare what they
/// reach (see [`Reference`]).
pub fn check(image: &Image, options: &RunOptions, limits: Limits) -> Verdict {
    let (reduced, reduction) = reduced_search(image, options, limits.reduced);
    if !reduced.complete {
        return Verdict::ReducedTooLong { runs: reduced.runs };
    }
    let every = every_schedule(image, options, limits.every_schedule);
    let mut reference_runs = every.runs;
    let compare = |reference, reached: &BTreeSet<Seen>, exhaustive: bool, reference_runs, bounded_complete| {
        let missed = reached.difference(&reduced.outcomes).cloned().collect();
        let extra = if exhaustive { reduced.outcomes.difference(reached).cloned().collect() } else { Vec::new() };
        (reference, missed, extra, reference_runs, bounded_complete)
    };
    let (reference, missed, extra, reference_runs, bounded_complete) = if every.complete {
        compare(Reference::EverySchedule, &every.outcomes, true, reference_runs, false)
    } else {
        let sleep = sleep_set_search(image, options, limits.every_schedule);
        reference_runs += sleep.runs;
        let mut reached = sleep.outcomes;
        reached.extend(every.outcomes);
        if sleep.complete {
            compare(Reference::SleepSets, &reached, true, reference_runs, false)
        } else {
            let bounded = bounded_search(image, options, limits.preemption_bound, limits.every_schedule);
            reference_runs += bounded.runs + 2 * limits.sampled;
            reached.extend(bounded.outcomes);
            reached.extend(sampled(image, options, limits.sampled));
            compare(Reference::Sampled, &reached, false, reference_runs, bounded.complete)
        }
    };
    Verdict::Compared(Comparison { reference, reduced, reduction, reference_runs, bounded_complete, missed, extra })
}

/// Compile `source` for [`check`].
pub fn image_of(source: &str) -> Result<Image, gilsim_lang::CompileError> {
    Ok(Image::new(Arc::new(gilsim_lang::compile(source, "generated.py")?)))
}

/// `dfs` with partial-order reduction, to its end or `cap` runs.
pub fn reduced_search(image: &Image, options: &RunOptions, cap: u64) -> (Searched, Reduction) {
    dpor(DporSearch::new(), image, options, cap)
}

/// The search reduced by sleep sets alone, to its end or `cap` runs.
pub fn sleep_set_search(image: &Image, options: &RunOptions, cap: u64) -> Searched {
    dpor(DporSearch::sleep_sets_only(), image, options, cap).0
}

fn dpor(mut search: DporSearch, image: &Image, options: &RunOptions, cap: u64) -> (Searched, Reduction) {
    let (mut outcomes, mut runs) = (BTreeSet::new(), 0);
    while let Some(mut run) = search.next_run() {
        if runs == cap {
            return (Searched { outcomes, runs, complete: false }, search.reduction());
        }
        let outcome = run_with(image, options, &mut run);
        outcomes.insert(Seen::of(&outcome));
        search.finished(run, &outcome);
        runs += 1;
    }
    (Searched { outcomes, runs, complete: true }, search.reduction())
}

/// Every schedule, to the end or `cap` runs.
pub fn every_schedule(image: &Image, options: &RunOptions, cap: u64) -> Searched {
    plain_search(image, options, None, cap)
}

/// Every schedule with at most `bound` preemptions, to the end or `cap` runs.
pub fn bounded_search(image: &Image, options: &RunOptions, bound: u32, cap: u64) -> Searched {
    plain_search(image, options, Some(bound), cap)
}

fn plain_search(image: &Image, options: &RunOptions, bound: Option<u32>, cap: u64) -> Searched {
    let mut search = DfsSearch::new(bound);
    let (mut outcomes, mut runs) = (BTreeSet::new(), 0);
    while let Some(mut run) = search.next_run() {
        if runs == cap {
            return Searched { outcomes, runs, complete: false };
        }
        let outcome = run_with(image, options, &mut run);
        outcomes.insert(Seen::of(&outcome));
        search.finished(&run);
        runs += 1;
    }
    Searched { outcomes, runs, complete: true }
}

/// The outcomes of `runs` `pos` runs and `runs` `random` runs.
pub fn sampled(image: &Image, options: &RunOptions, runs: u64) -> BTreeSet<Seen> {
    let mut outcomes = BTreeSet::new();
    for seed in 0..runs {
        outcomes.insert(Seen::of(&run_with(image, options, &mut Pos::new(seed))));
        outcomes.insert(Seen::of(&run_with(image, options, &mut RandomStrategy::new(seed))));
    }
    outcomes
}
