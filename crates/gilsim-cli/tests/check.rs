//! `gilsim check`: every scenario of the repository meets its declared expectation, and
//! unmet, missing or malformed expectations fail with a reason (and a replay token when a run
//! decided the verdict).

mod common;

use serde_json::Value;

fn check_json(paths: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(paths);
    let (code, out, err) = common::gilsim(&args);
    let doc = serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON from check: {e}\n{out}\n{err}"));
    (code, doc)
}

/// The verdict on one scenario of a check document: (met, detail).
fn verdict<'a>(doc: &'a Value, script_suffix: &str) -> (bool, &'a str) {
    let scenarios = doc["scenarios"].as_array().expect("scenarios");
    let entry = scenarios
        .iter()
        .find(|s| s["script"].as_str().is_some_and(|p| p.ends_with(script_suffix)))
        .unwrap_or_else(|| panic!("{script_suffix} not checked: {doc}"));
    (entry["met"].as_bool().expect("met"), entry["detail"].as_str().expect("detail"))
}

#[test]
fn every_scenario_meets_its_expectation() {
    let (code, doc) = check_json(&["scenarios"]);
    let unmet: Vec<&Value> =
        doc["scenarios"].as_array().expect("scenarios").iter().filter(|s| s["met"] == false).collect();
    assert!(unmet.is_empty(), "unmet expectations: {unmet:#?}");
    assert_eq!(code, 0);
    assert_eq!(doc["scenarios"].as_array().map(Vec::len), Some(common::scenarios().len()), "every scenario is checked");
}

#[test]
fn unmet_missing_and_malformed_expectations_fail() {
    let (code, doc) = check_json(&["crates/gilsim-cli/tests/data/check"]);
    assert_eq!(code, 1);
    assert_eq!(doc["unmet"], 5, "{doc:#}");
    let (met, detail) = verdict(&doc, "expects_ok_but_deadlocks.py");
    assert!(!met && detail.contains("deadlock"), "{detail}");
    let (met, detail) = verdict(&doc, "expects_deadlock_but_is_clean.py");
    assert!(!met && detail == "not found in 20 runs", "{detail}");
    let (met, detail) = verdict(&doc, "no_expectation.py");
    assert!(!met && detail.contains("no `# gilsim: expect=...`"), "{detail}");
    let (met, detail) = verdict(&doc, "bad_header.py");
    assert!(!met && detail.contains("unknown key `polcy`"), "{detail}");
    let (met, detail) = verdict(&doc, "unknown_kind.py");
    assert!(!met && detail.contains("`livelock` is not ok or a finding kind"), "{detail}");
    // Several runs are an exploration under the preemptive policy: the deadlock is found.
    let (met, detail) = verdict(&doc, "explores_to_find_deadlock.py");
    assert!(met && detail.starts_with("found in run "), "{detail}");
}

#[test]
fn an_unmet_expectation_carries_the_token_of_the_run_that_broke_it() {
    let script = "crates/gilsim-cli/tests/data/check/expects_ok_but_deadlocks.py";
    let (_, doc) = check_json(&[script]);
    let token = doc["scenarios"][0]["schedule"].as_str().expect("schedule token");
    let replayed = common::json_of(&["replay", script, "--schedule", token, "--format", "json"]);
    assert_eq!(common::finding_kinds(&replayed), ["deadlock"]);
    // The text table names it too, with the replay command.
    let (code, out, _) = common::gilsim(&["check", script]);
    assert_eq!(code, 1);
    assert!(out.contains("FAILED") && out.contains(&format!("gilsim replay {script} --schedule {token}")), "{out}");
    assert!(out.ends_with("check: 1 scenario, 0 met their expectation, 1 did not\n"), "{out}");
}

#[test]
fn results_do_not_depend_on_the_number_of_workers() {
    let dir = "crates/gilsim-cli/tests/data/check";
    assert_eq!(check_json(&[dir, "--jobs", "1"]), check_json(&[dir, "--jobs", "3"]));
}

/// `expect-outcomes=FILE`: a missing file fails (CI never updates), `--update` writes the
/// distribution, an unchanged run then meets it, and a changed file fails with the lines that
/// differ.
#[test]
fn pinned_outcome_distributions_are_written_by_update_and_compared_otherwise() {
    let dir = std::env::temp_dir().join(format!("gilsim-pinned-outcomes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("coin.py");
    let pinned = dir.join("coin.outcomes");
    std::fs::write(
        &script,
        "# gilsim: expect-outcomes=coin.outcomes runs=6 seed=10\nimport random\nprint('heads' if random.random() < 0.5 else 'tails')\n",
    )
    .expect("write script");
    let script = script.display().to_string();

    let (code, doc) = check_json(&[&script]);
    let (met, detail) = verdict(&doc, "coin.py");
    assert!(code == 1 && !met && detail.contains("--update"), "{detail}");

    let (code, doc) = check_json(&[&script, "--update"]);
    assert_eq!((code, verdict(&doc, "coin.py").0), (0, true), "{doc}");
    let text = std::fs::read_to_string(&pinned).expect("written");
    assert!(text.starts_with("# gilsim check: outcomes of coin.py, 6 runs (seeds 10..15), python 3.11"), "{text}");
    let counts: u64 = text.lines().skip(1).map(|l| l.trim().split('x').next().unwrap().parse::<u64>().unwrap()).sum();
    assert_eq!(counts, 6, "{text}");

    let (code, doc) = check_json(&[&script]);
    assert_eq!((code, verdict(&doc, "coin.py").0), (0, true), "{doc}");

    std::fs::write(&pinned, text.replace("heads", "HEADS")).expect("edit");
    let (code, doc) = check_json(&[&script]);
    let (met, detail) = verdict(&doc, "coin.py");
    assert!(code == 1 && !met, "{detail}");
    assert!(detail.contains("-") && detail.contains("HEADS") && detail.contains("+"), "{detail}");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// `expect-outcomes=inline`: the list lives in the scenario's leading comments; `--update`
/// writes it there and leaves the rest of the script as it was.
#[test]
fn inline_outcome_lists_are_written_into_the_scenario_and_compared() {
    let dir = std::env::temp_dir().join(format!("gilsim-inline-outcomes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("coin.py");
    let body = "import random\nprint('heads' if random.random() < 0.5 else 'tails')\n";
    std::fs::write(&script, format!("# gilsim: expect-outcomes=inline runs=6 seed=10\n{body}")).expect("write");
    let path = script.display().to_string();
    let (code, doc) = check_json(&[&path]);
    assert_eq!((code, verdict(&doc, "coin.py").0), (1, false), "{doc}");
    let (code, _) = check_json(&[&path, "--update"]);
    assert_eq!(code, 0);
    let updated = std::fs::read_to_string(&script).expect("read");
    assert!(updated.ends_with(body), "the script's code is untouched: {updated}");
    assert_eq!(updated.lines().filter(|l| l.starts_with("# gilsim-outcome: ")).count(), 2, "{updated}");
    let (code, doc) = check_json(&[&path]);
    assert_eq!((code, verdict(&doc, "coin.py")), (0, (true, "2 outcomes as listed inline")), "{doc}");
    std::fs::write(&script, updated.replacen("3x finished (exit 0) \"heads\"", "4x finished (exit 0) \"heads\"", 1))
        .expect("edit");
    let (code, doc) = check_json(&[&path]);
    let (met, detail) = verdict(&doc, "coin.py");
    assert!(code == 1 && !met && detail.contains("-4x") && detail.contains("+3x"), "{detail}");
    std::fs::remove_dir_all(&dir).expect("clean up");
}
