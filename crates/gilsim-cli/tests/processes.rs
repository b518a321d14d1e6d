//! `multiprocessing` on the simulated machine: processes have their own pids, memory and
//! GIL, run on `--cores` at once, talk through pickled values, and their deadlocks and hangs
//! are found like threads'.

mod common;

use serde_json::Value;

const COUNTDOWN: &str = "scenarios/processes/cpu_bound_on_cores.py";

fn run(script: &str, extra: &[&str]) -> Value {
    let mut args = vec!["run", script, "--format", "json"];
    args.extend_from_slice(extra);
    common::json_of(&args)
}

fn virtual_time(doc: &Value) -> f64 {
    doc["stats"]["virtual_time_s"].as_f64().expect("virtual time")
}

#[test]
fn cpu_bound_processes_run_on_cores_at_once() {
    // Four processes counting down: on one core they take turns, on four they run at once
    // (each starting a millisecond or so after the one before, as forks do).
    let four = run(COUNTDOWN, &["--cores", "4"]);
    let busy: Vec<f64> = four["stats"]["core_busy_s"]
        .as_array()
        .expect("per-core busy time")
        .iter()
        .map(|b| b.as_f64().unwrap())
        .collect();
    assert_eq!(busy.len(), 4);
    // Each core ran one countdown (the first also the parent's few instructions).
    let countdown = busy[1];
    assert!(busy.iter().all(|&b| (countdown..=1.01 * countdown).contains(&b)), "{busy:?}");
    let in_countdowns = |doc: &Value| virtual_time(doc) / countdown;
    assert!(in_countdowns(&four) < 1.7, "4 cores: {}", in_countdowns(&four));
    let two = in_countdowns(&run(COUNTDOWN, &["--cores", "2"]));
    assert!((1.9..=2.5).contains(&two), "2 cores: {two}");
    let one = in_countdowns(&run(COUNTDOWN, &["--cores", "1"]));
    assert!((3.9..=4.4).contains(&one), "1 core: {one}");
    // Under a GIL, four threads of one process are not faster on more cores (free_threading.rs).
}

#[test]
fn processes_beyond_the_cores_take_turns() {
    // One core: the parent wakes from its 10 ms sleep and takes the core from the spinning
    // child at once (it has run far longer: Linux's wake-up preemption), sets the flag under
    // the Value's lock and joins; with a core each, it sets the flag as soon as it wakes.
    // Either way the run lasts the sleep and the child's start (1-4 ms) alone.
    let doc = run("scenarios/processes/busy_wait_on_one_core.py", &["--cores", "1"]);
    assert_eq!(doc["status"], "finished", "{doc}");
    assert_eq!(doc["stdout"], "child saw the flag\njoined, exit code 0\n");
    let one = virtual_time(&doc);
    let two = virtual_time(&run("scenarios/processes/busy_wait_on_one_core.py", &["--cores", "2"]));
    assert!((0.0110..0.0140).contains(&one), "{one}");
    assert!((one - two).abs() < 0.0002, "1 core {one}, 2 cores {two}");
}

#[test]
fn a_failed_lock_retry_at_a_hand_off_frees_the_core() {
    // Under the old GIL's re-acquire race a thread handed the GIL at a switch point can lose
    // its lock retry and block before it takes the core: the core must not stay with the
    // thread that gave the GIL up (the crash fuzzer found runs that spun here forever).
    let script = "scenarios/processes/pool_of_workers.py";
    let expected = run(script, &[])["stdout"].clone();
    for seed in ["1", "14"] {
        let doc = run(script, &["--policy", "ticks", "--seed", seed, "--cores", "7", "--max-steps", "300000"]);
        assert_eq!(doc["status"], "finished", "seed {seed}");
        assert_eq!(doc["stdout"], expected, "seed {seed}");
    }
}

#[test]
fn a_lock_order_deadlock_across_processes_names_both() {
    let doc = run("scenarios/detectors/deadlock_across_processes.py", &[]);
    assert_eq!(doc["status"], "deadlock");
    let finding = &doc["findings"][0];
    assert_eq!(finding["kind"], "deadlock");
    assert_eq!(finding["threads"], serde_json::json!(["Process-1/MainThread", "Process-2/MainThread"]));
    let message = finding["message"].as_str().unwrap();
    assert!(message.contains("holds a (line 9)") && message.contains("waits for b (line 11)"), "{message}");
    let blocked: Vec<&str> =
        doc["blocked"].as_array().unwrap().iter().map(|b| b["waiting_for"].as_str().unwrap()).collect();
    assert_eq!(blocked[0], "Process.join()", "{blocked:?}");
}

#[test]
fn a_process_waiting_on_an_empty_queue_is_a_hang() {
    let doc = run("scenarios/detectors/hang_process_waits_on_empty_queue.py", &[]);
    assert_eq!(doc["status"], "blocked");
    let message = doc["findings"][0]["message"].as_str().unwrap().to_string();
    assert!(message.contains("MainThread waits for Process.join(): the process never exits"), "{message}");
    assert!(message.contains("Process-1/MainThread waits for Queue.get(): nobody will put to the queue"), "{message}");
}

#[test]
fn an_unlocked_shared_value_is_a_race_across_processes() {
    let doc = run("scenarios/detectors/race_shared_value_across_processes.py", &[]);
    assert!(doc["stdout"].as_str().unwrap().starts_with("locked counter: 6000\n"));
    // A lost update where the run lost one, a possible one where it did not: named either way.
    let findings = doc["findings"].as_array().unwrap();
    let finding = findings.iter().find(|f| f["kind"] == "lost-update" || f["kind"] == "possible-race").expect("a race");
    assert!(finding["message"].as_str().unwrap().contains("`counter.value`"), "{finding}");
    assert!(findings.iter().all(|f| !f["message"].as_str().unwrap().contains("safe.value")), "{findings:?}");
}

#[test]
fn explore_finds_a_lost_update_across_processes_without_detectors() {
    // Shared operations of processes on different cores happen in virtual-time order, and
    // two within the cores' clock drift in either order: a decision a search can make.
    let script = "crates/gilsim-cli/tests/data/lost_update_across_processes.py";
    for strategy in ["pos", "random", "dfs"] {
        let doc = common::json_of(&[
            "explore",
            script,
            "--format",
            "json",
            "--no-detect",
            "--strategy",
            strategy,
            "--runs",
            "200",
        ]);
        let failure = &doc["first_failure"];
        assert_eq!(failure["kind"], "assertion", "{strategy}: {doc}");
        let token = failure["schedule"].as_str().expect("a token");
        let (code, _, stderr) = common::gilsim(&["replay", script, "--schedule", token, "-q"]);
        assert_eq!(code, 1, "{strategy}: the replay fails again: {stderr}");
        assert!(stderr.contains("AssertionError: "), "{stderr}");
    }
}

#[test]
fn a_sleeper_wakes_at_its_deadline_beside_a_busy_process() {
    // The busy process's core runs far ahead of the sleeper's between shared operations.
    let doc = run("crates/gilsim-cli/tests/data/sleeper_beside_busy_process.py", &[]);
    assert_eq!(doc["stdout"], "slept 0.010\n");
}

#[test]
fn processes_have_their_own_buffered_stdout() {
    // The child's lines come out when it exits, the parent's when it exits (a pipe); with a
    // line-buffered stdout (a terminal) they interleave in time order.
    let script = "scenarios/processes/clock_process_target.py";
    let buffered = run(script, &[]);
    let lines: Vec<&str> = buffered["stdout"].as_str().unwrap().lines().collect();
    assert!(lines[..3].iter().all(|l| l.starts_with("The time is")), "{lines:?}");
    assert!(lines[3..].iter().all(|l| *l == "sleeping......."), "{lines:?}");
    let line = run(script, &["--stdout", "line"]);
    let lines: Vec<&str> = line["stdout"].as_str().unwrap().lines().collect();
    assert_eq!(lines[0], "sleeping.......");
    assert_eq!(lines[1], "The time is Sat Jan  1 00:00:00 2000");
    assert_eq!(lines.len(), 8);
}

#[test]
fn process_runs_replay_from_their_schedule_token() {
    for script in [COUNTDOWN, "scenarios/processes/sentinels_stop_consumers.py"] {
        let first = run(script, &["--policy", "preemptive", "--seed", "5"]);
        let token = first["schedule"].as_str().expect("a token").to_string();
        let again = common::json_of(&["replay", script, "--schedule", &token, "--format", "json"]);
        assert_eq!(first["stdout"], again["stdout"], "{script}");
        assert_eq!(first["stats"], again["stats"], "{script}");
    }
}

#[test]
fn exploring_finds_the_deadlock_across_processes() {
    let (code, stdout, stderr) =
        common::gilsim(&["explore", "scenarios/detectors/deadlock_across_processes.py", "--runs", "20"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("first failure: run 0 (seed 0), deadlock"), "{stdout}{stderr}");
}
