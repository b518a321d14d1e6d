//! Trace files: `--trace FILE` writes a run's decisions and timeline; `replay --trace FILE`
//! makes the same run again and says where a changed script diverges; `--trace-format chrome`
//! writes a timeline Perfetto loads. Every scenario is traced, twice, and replayed.

mod common;

use serde_json::Value;
use std::path::PathBuf;

/// A fresh path for a trace file of this test run.
fn trace_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("trace-{name}.json"))
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn file_name(script: &str) -> String {
    script.replace('/', "_")
}

/// The outcome part of a run's JSON report (the schedule token too).
fn outcome(args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    common::json_of(&args)
}

#[test]
fn every_scenario_traces_deterministically_and_replays_from_its_trace() {
    for script in common::scenarios() {
        // The version its header names (a Python 2 scenario compiles only as one).
        let flags = common::scenario_flags(&script, &[]);
        let python: Vec<&str> = match flags.iter().position(|f| f == "--python") {
            Some(at) => flags[at..at + 2].iter().map(String::as_str).collect(),
            None => Vec::new(),
        };
        for (label, extra) in [("fair", &[][..]), ("preemptive", &["--policy", "preemptive", "--seed", "7"][..])] {
            let name = format!("{}-{label}", file_name(&script));
            let (first, second, again) =
                (trace_path(&format!("{name}-1")), trace_path(&format!("{name}-2")), trace_path(&format!("{name}-r")));
            // Bounded: a trace grows with the run (the long counting loops make millions of decisions).
            let bounds = ["run", script.as_str(), "--max-time", "30s", "--max-steps", "300000"];
            let base = [&bounds[..], &python[..], extra].concat();
            let untraced = outcome(&base);
            let first_arg = first.to_str().unwrap();
            let traced = outcome(&[&base[..], &["--trace", first_arg]].concat());
            assert_eq!(traced, untraced, "{script} {label}: tracing changed the run");
            outcome(&[&base[..], &["--trace", second.to_str().unwrap()]].concat());
            let trace = read(&first);
            assert_eq!(trace, read(&second), "{script} {label}: two traces of one run differ");
            let replayed = outcome(&["replay", &script, "--trace", first_arg, "--save-trace", again.to_str().unwrap()]);
            assert_eq!(replayed, untraced, "{script} {label}: the replay of the trace differs");
            assert_eq!(read(&again), trace, "{script} {label}: the replay's trace differs");
        }
    }
}

#[test]
fn a_trace_records_decisions_states_and_sync_operations() {
    // A schedule of the two-lock program that does not deadlock.
    let script = "bench/cases/two_lock_deadlock.py";
    let path = trace_path("two-lock");
    let (code, _, err) =
        common::gilsim(&["run", script, "--policy", "preemptive", "--seed", "1", "--trace", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let trace: Value = serde_json::from_str(&read(&path)).unwrap();
    assert_eq!(trace["gilsim_trace"], 1);
    assert_eq!(trace["threads"][0], "MainThread");
    let decisions = trace["decisions"].as_array().unwrap();
    assert!(!decisions.is_empty(), "a preemptive run makes decisions");
    for d in decisions {
        let n = d["candidates"].as_array().unwrap().len() as u64;
        assert!(n >= 2 && d["chosen"].as_u64().unwrap() < n, "{d}");
    }
    let events: Vec<(&str, Option<&str>)> = trace["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["event"].as_str().unwrap(), m["detail"].as_str()))
        .collect();
    for wanted in ["running", "waiting-for-gil", "blocked", "acquire", "release", "finished"] {
        assert!(events.iter().any(|(e, _)| *e == wanted), "no {wanted} in {events:?}");
    }
    assert!(events.contains(&("acquire", Some("a"))), "locks are named as the script names them: {events:?}");
    let times: Vec<u64> =
        trace["timeline"].as_array().unwrap().iter().map(|m| m["time_ns"].as_u64().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "the timeline is in time order");
}

#[test]
fn a_chrome_trace_has_a_track_per_thread_on_the_virtual_clock() {
    let script = "scenarios/seeds/33_producer_consumer_many.py";
    let path = trace_path("chrome");
    let args = ["run", script, "--policy", "preemptive", "--trace", path.to_str().unwrap(), "--trace-format", "chrome"];
    let (code, _, err) = common::gilsim(&args);
    assert_ne!(code, 2, "{err}");
    let doc: Value = serde_json::from_str(&read(&path)).unwrap();
    let events = doc["traceEvents"].as_array().expect("Chrome's JSON object form");
    let named: Vec<&str> = events
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == "thread_name")
        .map(|e| e["args"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(named[0], "MainThread");
    assert!(named.contains(&"scheduler decisions"), "{named:?}");
    let categories: std::collections::BTreeSet<&str> =
        events.iter().filter(|e| e["ph"] == "X").map(|e| e["cat"].as_str().unwrap()).collect();
    assert_eq!(categories, ["blocked", "gil"].into(), "running, waiting for the GIL, blocked");
    assert!(events.iter().any(|e| e["ph"] == "i" && e["name"] == "Queue.put()"), "queue operations are instants");
    assert!(events.iter().any(|e| e["ph"] == "X" && e["name"] == "running"));
    // On each thread's track the states follow one another without overlapping.
    for tid in 0..named.len() - 1 {
        // Microseconds with fractions, back to whole virtual nanoseconds.
        let ns = |e: &Value, key: &str| (e[key].as_f64().unwrap() * 1000.0).round() as i64;
        let mut spans: Vec<(i64, i64)> =
            events.iter().filter(|e| e["ph"] == "X" && e["tid"] == tid).map(|e| (ns(e, "ts"), ns(e, "dur"))).collect();
        spans.sort();
        assert!(spans.iter().all(|s| s.1 >= 0));
        assert!(spans.windows(2).all(|w| w[0].0 + w[0].1 <= w[1].0), "thread {tid}: {spans:?}");
    }
}

#[test]
fn replaying_a_trace_on_a_changed_script_says_where_it_diverged() {
    let path = trace_path("diverge");
    let original = "bench/cases/two_lock_deadlock.py";
    common::gilsim(&["run", original, "--policy", "preemptive", "--seed", "1", "--trace", path.to_str().unwrap()]);
    // The same program with one more call in forward(): one more switch point.
    let source = read(&common::repo_root().join(original));
    let extra_call =
        source.replacen("    a.acquire()\n    b.acquire()\n", "    a.acquire()\n    a.locked()\n    b.acquire()\n", 1);
    assert_ne!(extra_call, source, "forward() takes a, then b");
    let changed = trace_path("diverge-changed-script").with_extension("py");
    std::fs::write(&changed, extra_call).unwrap();
    let (code, _, err) =
        common::gilsim(&["replay", changed.to_str().unwrap(), "--trace", path.to_str().unwrap(), "-q"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is not the script this schedule was recorded for"), "{err}");
    assert!(err.contains("the replay diverged from the recorded run at decision"), "{err}");
    assert!(err.contains("the trace chose among [MainThread,"), "names the candidates: {err}");
}

#[test]
fn malformed_traces_are_refused_with_a_reason() {
    let script = "bench/cases/two_lock_deadlock.py";
    let chrome = trace_path("refused-chrome");
    common::gilsim(&["run", script, "--trace", chrome.to_str().unwrap(), "--trace-format", "chrome"]);
    let good = trace_path("refused-good");
    common::gilsim(&["run", script, "--policy", "preemptive", "--trace", good.to_str().unwrap()]);
    let good_text = read(&good);
    let out_of_range = good_text.replacen("\"chosen\":", "\"chosen\":9", 1);
    let bad_kind = good_text.replacen("switch-point", "coin-toss", 1);
    let cases = [
        ("not JSON", "{".to_string(), "not JSON"),
        ("no version", "{}".to_string(), "not a gilsim trace"),
        ("version 9", r#"{"gilsim_trace": 9}"#.to_string(), "version 9 is not supported"),
        ("missing fields", r#"{"gilsim_trace": 1}"#.to_string(), "malformed"),
        ("chrome", read(&chrome), "Chrome trace"),
        ("choice out of range", out_of_range, "candidates"),
        ("unknown kind", bad_kind, "unknown kind `coin-toss`"),
    ];
    for (label, text, expected) in cases {
        let path = trace_path(&format!("refused-{}", label.replace(' ', "-")));
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = common::gilsim(&["replay", script, "--trace", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{label}: {err}");
        assert!(err.contains(expected), "{label}: {err}");
    }
}
