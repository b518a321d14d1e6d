//! Free-threaded CPython (`--python 3.13t`, the `nogil` policy) on the machine's `--cores`:
//! CPU-bound threads speed up with cores and not under a GIL, races a GIL build's switch
//! points hide become reachable, and runs stay replayable.

mod common;

use serde_json::Value;

const COUNTDOWN: &str = "scenarios/free_threading/cpu_bound_on_cores.py";
const COUNTER: &str = "scenarios/free_threading/counter_loses_updates.py";
const PHILOSOPHERS: &str = "scenarios/free_threading/philosophers_eating_once.py";

fn run(script: &str, extra: &[&str]) -> Value {
    let mut args = vec!["run", script, "--format", "json"];
    args.extend_from_slice(extra);
    common::json_of(&args)
}

/// The scenario prints how many times longer four counting threads took than one count.
fn speedup_ratio(extra: &[&str]) -> f64 {
    let doc = run(COUNTDOWN, extra);
    let stdout = doc["stdout"].as_str().expect("stdout");
    let ratio = stdout.split("took ").nth(1).and_then(|rest| rest.split(' ').next()).expect("ratio printed");
    ratio.parse().expect("a number")
}

#[test]
fn cpu_bound_threads_run_in_parallel_only_without_a_gil() {
    // A GIL build runs one thread at a time, whatever the cores.
    for cores in ["1", "4", "8"] {
        let ratio = speedup_ratio(&["--python", "3.13", "--cores", cores]);
        assert!((3.8..=4.2).contains(&ratio), "3.13 on {cores} cores: {ratio}");
    }
    // Free-threaded: four threads share the cores.
    let expected = [("1", 3.8..=4.2), ("2", 1.9..=2.4), ("4", 0.9..=1.1), ("8", 0.9..=1.1)];
    for (cores, range) in expected {
        let ratio = speedup_ratio(&["--python", "3.13t", "--cores", cores]);
        assert!(range.contains(&ratio), "3.13t on {cores} cores: {ratio}");
    }
    let doc = run(COUNTDOWN, &["--python", "3.13t", "--cores", "4"]);
    assert_eq!(doc["stdout"].as_str().unwrap().lines().next(), Some("cores: 4 GIL: False"));
    assert_eq!(doc["cores"], 4);
    assert_eq!(doc["stats"]["core_busy_s"].as_array().map(Vec::len), Some(4));
    let with_gil = run(COUNTDOWN, &["--python", "3.13", "--cores", "7"]);
    assert_eq!(with_gil["stdout"].as_str().unwrap().lines().next(), Some("cores: 7 GIL: True"));
    assert!(with_gil.get("cores").is_none(), "a GIL run reports no per-core time");
}

#[test]
fn an_unlocked_counter_loses_updates_only_without_a_gil() {
    let hits = |python: &str| {
        let doc = run(COUNTER, &["--python", python, "--seed", "3"]);
        let stdout = doc["stdout"].as_str().unwrap().to_string();
        (stdout, common::finding_kinds(&doc))
    };
    let (with_gil, kinds) = hits("3.13");
    assert!(with_gil.ends_with("hits: 4000 of 4000\n"), "{with_gil}");
    assert_eq!(kinds, ["possible-race"]);
    let (free, kinds) = hits("3.13t");
    assert!(!free.contains("hits: 4000"), "{free}");
    assert_eq!(kinds, ["lost-update"]);
}

#[test]
fn philosophers_eating_once_deadlock_only_without_a_gil() {
    let explore = |python: &str, extra: &[&str]| {
        let mut args = vec!["explore", PHILOSOPHERS, "--format", "json", "--python", python];
        args.extend_from_slice(extra);
        common::json_of(&args)
    };
    let gil = explore("3.11", &["--strategy", "dfs"]);
    assert_eq!(gil["stopped"], "exhausted", "{gil}");
    assert!(gil["first_failure"].is_null(), "{gil}");
    let free = explore("3.13t", &["--runs", "3000"]);
    assert_eq!(free["first_failure"]["kind"], "deadlock", "{free}");
}

#[test]
fn free_threaded_runs_replay_from_their_token_and_are_deterministic() {
    let options = ["--python", "3.13t", "--cores", "3", "--seed", "11"];
    let first = run(COUNTER, &options);
    assert_eq!(first, run(COUNTER, &options));
    let token = first["schedule"].as_str().expect("a nogil run with ties has a token");
    let (code, stdout, _) = common::gilsim(&["replay", COUNTER, "--schedule", token, "-q"]);
    assert_eq!(code, 1, "the replay finds the lost update again");
    assert_eq!(stdout, first["stdout"].as_str().unwrap());
}

#[test]
fn the_nogil_policy_needs_a_free_threaded_build() {
    let (code, _, stderr) = common::gilsim(&["run", COUNTER, "--policy", "nogil", "--python", "3.12"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("use --python 3.13t"), "{stderr}");
    let (code, _, stderr) = common::gilsim(&["run", COUNTER, "--python", "3.12t"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("3.13t"), "{stderr}");
}

#[test]
fn a_free_threaded_trace_shows_threads_waiting_for_a_core_in_time_order() {
    let path = std::env::temp_dir().join(format!("gilsim-nogil-trace-{}.json", std::process::id()));
    let path_text = path.display().to_string();
    let args = ["run", COUNTDOWN, "--python", "3.13t", "--cores", "2", "--trace", &path_text, "-q"];
    let (code, _, stderr) = common::gilsim(&args);
    assert_eq!(code, 0, "{stderr}");
    let trace: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("trace written")).expect("JSON");
    let _ = std::fs::remove_file(&path);
    let timeline = trace["timeline"].as_array().expect("timeline");
    let events: Vec<&str> = timeline.iter().map(|m| m["event"].as_str().unwrap()).collect();
    assert!(events.contains(&"waiting-for-core"), "four threads on two cores wait: {events:?}");
    assert!(!events.contains(&"waiting-for-gil"), "no GIL to wait for");
    let times: Vec<u64> = timeline.iter().map(|m| m["time_ns"].as_u64().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "the timeline is in time order");
}
