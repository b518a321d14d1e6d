//! A campaign of differential checks over generated programs, on several OS threads. Program
//! `i` of a campaign is `program::generate(from + i, shape)`, so any program a campaign reports
//! can be made again from its number alone.
//!
//! Invariant: the report does not depend on the number of workers.

use crate::differential::{self, Limits, Reference, Verdict};
use crate::program::{self, Shape};
use gilsim_core::{Policy, PythonVersion, RunOptions, SwitchPoints};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// One campaign: which programs, checked under which switch points.
#[derive(Clone, Copy, Debug)]
pub struct Campaign {
    pub from: u64,
    pub programs: u64,
    pub python: PythonVersion,
    pub shape: Shape,
    pub limits: Limits,
}

/// The options every run of a check uses: the preemptive policy (every switch point a
/// decision) under `python`'s switch points.
pub fn options(python: PythonVersion) -> RunOptions {
    RunOptions { policy: Policy::Preemptive, python, switch_points: SwitchPoints::Version, ..RunOptions::default() }
}

/// What a campaign found.
#[derive(Debug, Default)]
pub struct Report {
    pub programs: u64,
    /// Compared with every schedule.
    pub every_schedule: u64,
    /// Compared with the search reduced by sleep sets alone.
    pub sleep_sets: u64,
    /// Compared with samples (every schedule with few preemptions when `bounded_complete`).
    pub sampled: u64,
    pub bounded_complete: u64,
    /// The reduced search itself did not end within its limit.
    pub reduced_too_long: u64,
    /// The searches whose reduction was given up (virtual time, limits).
    pub without_reduction: u64,
    /// Seeds of programs where the reduced search missed or added outcomes.
    pub mismatches: Vec<u64>,
    /// Seeds of programs on which gilsim panicked.
    pub panics: Vec<u64>,
    pub reduced_runs: u64,
    pub reference_runs: u64,
}

impl Report {
    fn add(&mut self, seed: u64, verdict: &Verdict) {
        self.programs += 1;
        if verdict.is_mismatch() {
            self.mismatches.push(seed);
        }
        let c = match verdict {
            Verdict::Panicked(_) => {
                self.panics.push(seed);
                return;
            }
            Verdict::ReducedTooLong { runs } => {
                self.reduced_too_long += 1;
                self.reduced_runs += runs;
                return;
            }
            Verdict::Compared(c) => c,
        };
        self.reduced_runs += c.reduced.runs;
        self.reference_runs += c.reference_runs;
        match c.reference {
            Reference::EverySchedule => self.every_schedule += 1,
            Reference::SleepSets => self.sleep_sets += 1,
            Reference::Sampled => self.sampled += 1,
        }
        self.bounded_complete += u64::from(c.bounded_complete);
        if c.reduction != gilsim_runtime::strategy::Reduction::On {
            self.without_reduction += 1;
        }
    }
}

/// Check program `seed` of `campaign`'s shape.
pub fn check_one(campaign: &Campaign, seed: u64) -> Verdict {
    let source = program::generate(seed, campaign.shape);
    let image = differential::image_of(&source).unwrap_or_else(|e| panic!("program {seed} does not compile: {e}"));
    differential::check(&image, &options(campaign.python), campaign.limits)
}

/// Run `campaign` on `jobs` OS threads, calling `on_verdict(seed, verdict)` after each program
/// (in no particular order).
pub fn run(campaign: &Campaign, jobs: usize, on_verdict: &(dyn Fn(u64, &Verdict) + Sync)) -> Report {
    let next = AtomicU64::new(0);
    let report = Mutex::new(Report::default());
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= campaign.programs {
                    break;
                }
                let seed = campaign.from + i;
                // A panic is a finding of the campaign (gilsim must not panic on any program).
                let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_one(campaign, seed)));
                let verdict = checked.unwrap_or_else(|panic| Verdict::Panicked(panic_message(&*panic)));
                on_verdict(seed, &verdict);
                report.lock().expect("no worker panics while holding it").add(seed, &verdict);
            });
        }
    });
    let mut report = report.into_inner().expect("workers are done");
    report.mismatches.sort_unstable();
    report.panics.sort_unstable();
    report
}

/// The message a panic carried.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic without a message".into())
}
