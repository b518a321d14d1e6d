//! Partial-order reduction must not lose behaviours: on small programs exercising every kind
//! of shared state (locks looked at and taken, thread liveness, output, containers, queues,
//! conditions, events, RLocks, semaphores, lock waiters, daemon threads, sleeps), `dfs` with
//! DPOR reaches exactly the outcomes that running every schedule reaches, in far fewer runs.

mod common;

use gilsim_core::{Policy, RunOptions, SwitchPoints};
use gilsim_runtime::strategy::{DfsSearch, DporSearch, RandomStrategy, Reduction};
use gilsim_runtime::{run_with, FindingKind, Image, Outcome};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What a user could tell two runs apart by: how it ended, its output, and what went wrong in
/// it. (A possible-race finding is left out: it predicts what *other* schedules could do, from
/// what this one happened to order, so equivalent runs need not agree on it.)
type Seen = (String, i32, String, String, Vec<String>);

fn seen(outcome: &Outcome) -> Seen {
    let manifest = outcome.findings.iter().filter(|f| f.kind != FindingKind::PossibleRace);
    let mut kinds: Vec<String> = manifest.map(|f| f.kind.as_str().to_string()).collect();
    kinds.sort();
    (outcome.status.as_str().into(), outcome.exit_code, outcome.stdout.clone(), outcome.stderr.clone(), kinds)
}

fn image_of(name: &str, switch_points: SwitchPoints) -> (Image, RunOptions) {
    let path = format!("{}/tests/data/dpor/{name}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).expect("test script");
    let program = gilsim_lang::compile(&source, name).expect("compiles");
    let options = RunOptions { policy: Policy::Preemptive, switch_points, ..RunOptions::default() };
    (Image::new(Arc::new(program)), options)
}

/// Every outcome of `dfs` with DPOR, and how many runs it made (it must finish).
fn reduced(name: &str, switch_points: SwitchPoints) -> (BTreeSet<Seen>, u64) {
    let (outcomes, runs, _) = reduced_search(name, switch_points);
    (outcomes, runs)
}

/// [`reduced`], and whether the search kept its reduction.
fn reduced_search(name: &str, switch_points: SwitchPoints) -> (BTreeSet<Seen>, u64, Reduction) {
    let (image, options) = image_of(name, switch_points);
    let mut search = DporSearch::new();
    let (mut outcomes, mut runs) = (BTreeSet::new(), 0);
    while let Some(mut run) = search.next_run() {
        let outcome = run_with(&image, &options, &mut run);
        outcomes.insert(seen(&outcome));
        search.finished(run, &outcome);
        runs += 1;
        assert!(runs < 5000, "{name}: dpor did not finish");
    }
    (outcomes, runs, search.reduction())
}

/// Every outcome of running every schedule (at most `cap` runs), and whether that was all.
fn every(name: &str, cap: u64, switch_points: SwitchPoints) -> (BTreeSet<Seen>, u64, bool) {
    let (image, options) = image_of(name, switch_points);
    let mut search = DfsSearch::new(None);
    let (mut outcomes, mut runs) = (BTreeSet::new(), 0);
    while let Some(mut run) = search.next_run() {
        if runs == cap {
            return (outcomes, runs, false);
        }
        let outcome = run_with(&image, &options, &mut run);
        outcomes.insert(seen(&outcome));
        search.finished(&run);
        runs += 1;
    }
    (outcomes, runs, true)
}

/// The outcomes of `runs` random schedules.
fn sampled(name: &str, runs: u64, switch_points: SwitchPoints) -> BTreeSet<Seen> {
    let (image, options) = image_of(name, switch_points);
    (0..runs).map(|seed| seen(&run_with(&image, &options, &mut RandomStrategy::new(seed)))).collect()
}

#[test]
fn reduction_keeps_every_outcome() {
    let scripts = [
        "lock_state.py",
        "liveness.py",
        "prints.py",
        "containers.py",
        "daemon.py",
        "sleeper.py",
        "reentrant.py",
        "handoffs.py",
        "contenders.py",
    ];
    // Every instruction boundary a switch point: steps are single instructions.
    let fine = ["liveness.py", "containers.py", "lock_state.py", "reentrant.py", "contenders.py"];
    let cases =
        scripts.iter().map(|s| (*s, SwitchPoints::Version)).chain(fine.iter().map(|s| (*s, SwitchPoints::Every)));
    let mut report = Vec::new();
    for (name, switch_points) in cases {
        let (with_dpor, dpor_runs) = reduced(name, switch_points);
        let (all, all_runs, complete) = every(name, 5_000, switch_points);
        if complete {
            assert_eq!(with_dpor, all, "{name}: dpor ({dpor_runs} runs) and every schedule ({all_runs}) differ");
        } else {
            // Too many schedules to run them all: what the first ones and random ones reach.
            assert!(with_dpor.is_superset(&all), "{name}: dpor missed outcomes seen in {all_runs} runs");
            let random = sampled(name, 1_000, switch_points);
            let missed: Vec<&Seen> = random.difference(&with_dpor).collect();
            assert!(
                missed.is_empty(),
                "{name}: dpor missed outcomes of random runs: {missed:?}; it found {with_dpor:?}"
            );
        }
        assert!(dpor_runs <= all_runs, "{name}: {dpor_runs} > {all_runs}");
        let points = match switch_points {
            SwitchPoints::Version => "",
            SwitchPoints::Every => " (switch points: every)",
        };
        let plus = if complete { "" } else { "+" };
        report.push(format!(
            "{name}{points}: {} outcomes, dpor {dpor_runs} runs, every schedule {all_runs}{plus}",
            with_dpor.len()
        ));
    }
    insta::with_settings!({
        snapshot_path => common::repo_root().join("snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("dpor_runs_and_outcomes", report.join("\n"));
    });
}

#[test]
fn a_schedule_that_reads_the_clock_restarts_the_search_without_reduction() {
    let points = SwitchPoints::Version;
    let (with_dpor, runs, reduction) = reduced_search("late_clock.py", points);
    // The first run did not read the clock; a later one did, and the search began again.
    let Reduction::RestartedAfter(after) = reduction else { panic!("{reduction:?}") };
    assert!(after > 1, "{reduction:?}");
    let (all, all_runs, complete) = every("late_clock.py", 5_000, points);
    assert!(complete);
    assert_eq!(with_dpor, all);
    // The runs before the restart, then every schedule.
    assert_eq!(runs, after + all_runs);
    let (_, first_run_timed, from_start) = reduced_search("sleeper.py", points);
    assert_eq!(from_start, Reduction::OffFromStart, "{first_run_timed} runs");
}
