//! Search power: `explore`'s default strategy finds the bugs of the benchmark within the
//! issues' targets (median runs to the first failure over 20 base seeds). `bench/find.sh`
//! measures the same for every strategy.

mod common;

/// Runs until `explore` first fails (`first_failure.run + 1`), or `None` within 500 runs.
fn runs_to_first_failure(script: &str, seed: u64, extra: &[&str]) -> Option<u64> {
    let seed = seed.to_string();
    let mut args = vec!["explore", script, "--seed", &seed, "--runs", "500", "--format", "json"];
    args.extend_from_slice(extra);
    let found = common::json_of(&args);
    found["first_failure"]["run"].as_u64().map(|run| run + 1)
}

#[test]
fn the_default_strategy_finds_the_benchmark_bugs_within_a_few_runs() {
    for (script, extra, target) in [
        ("bench/cases/unlocked_counter_2.py", &["--switch-points", "every"][..], 3),
        ("bench/cases/two_lock_deadlock.py", &[][..], 3),
        ("bench/cases/dining_philosophers_5.py", &[][..], 25),
        // Switch points at (nearly) every instruction: many reads between two acquires.
        ("bench/cases/dining_philosophers_5.py", &["--python", "3.9"][..], 25),
        ("bench/cases/bugs/philosophers_with.py", &["--switch-points", "every"][..], 25),
    ] {
        let mut runs: Vec<u64> =
            (0..20).map(|s| runs_to_first_failure(script, s * 1000, extra).unwrap_or(u64::MAX)).collect();
        runs.sort_unstable();
        let median = runs[runs.len() / 2 - 1];
        assert!(median <= target, "{script}: median {median} runs to the first failure (target {target}): {runs:?}");
    }
}

#[test]
fn pos_schedules_the_same_with_the_detectors_off() {
    // The reads and lock acquires that drive pos are counted by the VM itself, not by the
    // detectors: turning them off must not change a single schedule.
    let script = "bench/cases/unlocked_counter_2.py";
    for seed in [0, 1000, 2000] {
        let with = runs_to_first_failure(script, seed, &["--switch-points", "every"]);
        let without = runs_to_first_failure(script, seed, &["--switch-points", "every", "--no-detect"]);
        assert_eq!(with, without, "seed {seed}");
        assert!(with.is_some());
    }
}
