//! `gilsim explore` and `gilsim replay`: results independent of the number of workers,
//! shards that partition a search, and schedule tokens that reproduce what explore found.

mod common;

use serde_json::Value;

fn explore(script: &str, extra: &[&str]) -> Value {
    let mut args = vec!["explore", script, "--format", "json"];
    args.extend_from_slice(extra);
    common::json_of(&args)
}

#[test]
fn results_do_not_depend_on_the_number_of_workers() {
    let script = "scenarios/seeds/11b_unlocked_counter_with_call.py";
    for strategy in ["pos", "random", "pct"] {
        let common = ["--runs", "6", "--keep-going", "--strategy", strategy, "--max-steps", "200000"];
        let one = explore(script, &[&common[..], &["--jobs", "1"]].concat());
        let two = explore(script, &[&common[..], &["--jobs", "2"]].concat());
        assert_eq!(one, two, "{strategy}");
        assert_eq!(one["runs"], 6);
    }
    // Stopping at the first failure reports the same run whatever the workers.
    let script = "scenarios/detectors/deadlock_dining_philosophers.py";
    let one = explore(script, &["--runs", "40", "--jobs", "1"]);
    let two = explore(script, &["--runs", "40", "--jobs", "2"]);
    assert_eq!(one, two);
    assert_eq!(one["first_failure"]["kind"], "deadlock");
}

#[test]
fn shards_partition_the_runs() {
    let script = "scenarios/seeds/14_two_lock_deadlock.py";
    let whole = explore(script, &["--runs", "10", "--keep-going"]);
    let first = explore(script, &["--runs", "10", "--keep-going", "--shard", "1/2"]);
    let second = explore(script, &["--runs", "10", "--keep-going", "--shard", "2/2"]);
    assert_eq!(first["runs"].as_u64().unwrap() + second["runs"].as_u64().unwrap(), 10);
    assert_eq!(whole["runs"], 10);
    assert_eq!(second["outcomes"][0]["first_seed"], 1, "shard 2/2 starts at run 1");
}

/// Explore `script` until it fails, then replay the failure's token: same finding, same
/// output as the explored run (which `run --seed` also reproduces for `random`); and the
/// shrunk token (`--shrink`) replays to the same kind of failure.
fn replay_round_trip(script: &str, strategy: &str, expected: &str) {
    let found = explore(script, &["--runs", "200", "--strategy", strategy, "--shrink"]);
    let failure = &found["first_failure"];
    assert_eq!(failure["kind"], expected, "{script}: {found}");
    let token = failure["schedule"].as_str().expect("schedule");
    let replayed = common::json_of(&["replay", script, "--schedule", token, "--format", "json"]);
    let kinds = common::finding_kinds(&replayed);
    assert!(kinds.iter().any(|k| k == expected), "{script}: replay found {kinds:?}");
    assert_eq!(replayed["schedule"], token, "a replay reports the token it replayed");
    let shrunk = &failure["shrunk"];
    let shrunk_token = shrunk["schedule"].as_str().expect("--shrink gives a token");
    let (code, _, err) = common::gilsim(&["replay", script, "--schedule", shrunk_token, "-q"]);
    assert_eq!(code, 1, "{script} {strategy}: the shrunk schedule fails: {err}");
    let kinds =
        common::finding_kinds(&common::json_of(&["replay", script, "--schedule", shrunk_token, "--format", "json"]));
    assert!(kinds.iter().any(|k| k == expected), "{script} {strategy}: the shrunk replay found {kinds:?}");
    if strategy == "random" {
        let seed = failure["seed"].to_string();
        let run = common::json_of(&["run", script, "--policy", "preemptive", "--seed", &seed, "--format", "json"]);
        assert_eq!(run["stdout"], replayed["stdout"], "{script}");
        assert_eq!(run["findings"], replayed["findings"], "{script}");
    }
}

#[test]
fn replaying_a_token_reproduces_every_finding_kind() {
    for (script, kind) in [
        ("scenarios/detectors/deadlock_dining_philosophers.py", "deadlock"),
        ("scenarios/detectors/hang_queue_get_nobody_puts.py", "hang"),
        ("scenarios/detectors/lost_update_account_balance.py", "lost-update"),
        ("scenarios/detectors/assertion_in_worker.py", "assertion"),
        ("scenarios/fidelity/F19_F20_exceptions_in_threads.py", "exception"),
    ] {
        for strategy in ["pos", "random", "pct", "dfs"] {
            replay_round_trip(script, strategy, kind);
        }
    }
}

#[test]
fn a_token_for_another_script_is_flagged() {
    let found = explore("scenarios/seeds/14_two_lock_deadlock.py", &["--runs", "1"]);
    let token = found["first_failure"]["schedule"].as_str().unwrap().to_string();
    let (_, _, err) = common::gilsim(&["replay", "scenarios/seeds/12_locked_counter.py", "--schedule", &token, "-q"]);
    assert!(err.contains("is not the script this schedule was recorded for"), "{err}");
    let (code, _, err) = common::gilsim(&["replay", "scenarios/seeds/12_locked_counter.py", "--schedule", "gs1_AAAA"]);
    assert_eq!(code, 2);
    assert!(err.contains("schedule token"), "{err}");
}

#[test]
fn pos_tokens_recorded_before_the_lock_band_replay_as_they_ran() {
    // Run 2 of five philosophers under 3.9: the same seed, options and script; the last byte
    // names the pos of the token's time. Before threads dropped at a lock formed their own
    // band (kind 3), this run finished; with the band (kind 4) it deadlocks.
    let script = "bench/cases/dining_philosophers_5.py";
    let outcome = |token: &str| {
        let replayed = common::json_of(&["replay", script, "--schedule", token, "--format", "json"]);
        replayed["status"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(outcome("gs1_AwkBAABBAsCWsQIIgLCdwt8BgKjWuQdkt1YUt58-dZ0D"), "finished");
    assert_eq!(outcome("gs1_AwkBAABBAsCWsQIIgLCdwt8BgKjWuQdkt1YUt58-dZ0E"), "deadlock");
    let found = explore(script, &["--python", "3.9", "--seed", "2", "--runs", "1"]);
    assert_eq!(found["first_failure"]["schedule"], "gs1_AwkBAABBAsCWsQIIgLCdwt8BgKjWuQdkt1YUt58-dZ0E");
}

#[test]
fn runs_of_one_worker_do_not_leak_into_each_other() {
    let found = explore("crates/gilsim-cli/tests/data/patches_thread_class.py", &["--runs", "30", "--jobs", "1"]);
    let outcomes = found["outcomes"].as_array().expect("outcomes");
    assert_eq!(outcomes.len(), 1, "{found}");
    assert_eq!(outcomes[0]["signature"], "finished (exit 0), stdout ends \"patches: 1\"");
    assert_eq!(outcomes[0]["count"], 30);
}

#[test]
fn a_time_budget_ends_an_open_ended_search() {
    let script = "bench/cases/locked_increments_2x3.py";
    let timed = explore(script, &["--time", "300ms", "--keep-going", "--jobs", "1"]);
    assert_eq!(timed["stopped"], "time", "{timed}");
    assert!(timed["runs"].as_u64().unwrap() > 0);
    assert_eq!(timed["outcomes"][0]["count"], timed["runs"], "every run is counted");
    // With --runs as well, whichever comes first.
    let counted = explore(script, &["--time", "60s", "--runs", "5"]);
    assert_eq!((counted["stopped"].as_str(), counted["runs"].as_u64()), (Some("runs"), Some(5)));
    let failed = explore("bench/cases/two_lock_deadlock.py", &["--time", "60s"]);
    assert_eq!(failed["stopped"], "first-failure");
}

#[test]
fn dfs_explores_every_schedule_within_its_bound_and_says_so() {
    let script = "bench/cases/locked_increments_2x3.py";
    let counts: Vec<(u64, String)> = ["0", "1", "2"]
        .iter()
        .map(|bound| {
            let doc = explore(script, &["--strategy", "dfs", "--preemption-bound", bound, "--runs", "100000"]);
            (doc["runs"].as_u64().unwrap(), doc["stopped"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(counts[0], (1, "exhausted".into()), "no preemption: one schedule");
    assert!(counts[0].0 < counts[1].0 && counts[1].0 < counts[2].0, "{counts:?}");
    assert!(counts.iter().all(|(_, stopped)| stopped == "exhausted"), "{counts:?}");
    let (_, _, err) = common::gilsim(&["explore", script, "--strategy", "dfs", "--preemption-bound", "1"]);
    assert!(err.starts_with(&format!("explore:   explored all {} schedules of {script}", counts[1].0)), "{err}");
}

#[test]
fn dfs_finds_the_two_lock_deadlock_and_its_token_replays() {
    let script = "bench/cases/two_lock_deadlock.py";
    let found = explore(script, &["--strategy", "dfs"]);
    assert_eq!(found["first_failure"]["kind"], "deadlock", "{found}");
    assert_eq!(found, explore(script, &["--strategy", "dfs", "--jobs", "2"]), "dfs is deterministic");
    let token = found["first_failure"]["schedule"].as_str().expect("token");
    let (code, _, err) = common::gilsim(&["replay", script, "--schedule", token, "-q"]);
    assert_eq!(code, 1, "{err}");
    let replayed = common::json_of(&["replay", script, "--schedule", token, "--format", "json"]);
    assert_eq!(common::finding_kinds(&replayed), ["deadlock"]);
}

#[test]
fn shrinking_keeps_the_failure_and_never_adds_preemptions() {
    let script = "bench/cases/dining_philosophers_5.py";
    let found = explore(script, &["--runs", "5000", "--seed", "3000"]);
    let token = found["first_failure"]["schedule"].as_str().expect("a deadlock within 5000 runs");
    let shrunk = common::json_of(&["shrink", script, "--schedule", token, "--format", "json"]);
    assert_eq!(shrunk["kind"], "deadlock", "{shrunk}");
    let (before, after) = (&shrunk["original"], &shrunk["shrunk"]["measure"]);
    let measure = |m: &Value| (m["preemptions"].as_u64().unwrap(), m["deviations"].as_u64().unwrap());
    assert!(measure(after) < measure(before), "{shrunk}");
    assert!(measure(after).0 >= 4, "five philosophers need four preemptions: {shrunk}");
    let shrunk_token = shrunk["shrunk"]["schedule"].as_str().unwrap();
    let replayed = common::json_of(&["replay", script, "--schedule", shrunk_token, "--format", "json"]);
    assert_eq!(common::finding_kinds(&replayed), ["deadlock"]);
    assert_eq!(shrunk, common::json_of(&["shrink", script, "--schedule", token, "--format", "json"]), "deterministic");
    let (code, _, err) = common::gilsim(&["shrink", script, "--schedule", token]);
    assert_eq!(code, 1);
    assert!(err.contains("after:     ") && err.contains("gilsim replay"), "{err}");
    // A schedule that does not fail has nothing to shrink.
    let clean = common::json_of(&["run", script, "--format", "json"]);
    let (code, _, err) = common::gilsim(&["shrink", script, "--schedule", clean["schedule"].as_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("does not fail: nothing to shrink"), "{err}");
}
