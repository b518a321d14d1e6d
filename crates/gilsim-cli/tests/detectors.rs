//! The detectors end to end: every scenario under scenarios/detectors/ produces the finding
//! its header expects (and nothing worse), and the correct-but-dangerous-looking programs
//! (`clean_*.py`) come out clean under many seeds of the preemptive policy, with each
//! version's switch points and with a switch point at every instruction.

mod common;
fn detector_scenarios() -> Vec<String> {
    common::scenarios().into_iter().filter(|s| s.starts_with("scenarios/detectors/")).collect()
}

#[test]
fn every_detector_scenario_declares_and_produces_its_finding() {
    let scenarios = detector_scenarios();
    assert!(scenarios.len() >= 20, "expected the detector scenarios, found {scenarios:?}");
    for script in scenarios {
        let expected = common::scenario_expectation(&script).unwrap_or_else(|| panic!("{script}: no expect="));
        let flags = common::scenario_flags(&script, &[("seed", "1")]);
        let args: Vec<&str> = flags.iter().map(String::as_str).collect();
        let doc = common::outcome_json(&script, &args);
        let found = common::finding_kinds(&doc);
        if expected == "ok" {
            assert!(found.is_empty(), "{script}: expected no finding, got {found:?}");
            assert_eq!(doc["status"], "finished", "{script}");
        } else {
            assert!(found.contains(&expected), "{script}: expected {expected}, got {found:?}");
        }
        // Only a deadlock stops a run; only a hang leaves it blocked.
        let status = doc["status"].as_str().expect("status");
        assert_eq!(status == "deadlock", expected == "deadlock", "{script}: status {status}");
        assert_eq!(status == "blocked", expected == "hang", "{script}: status {status}");
    }
}

/// `script` under `seeds` preemptive seeds for each of several versions, and with a switch
/// point at every instruction: no finding at all, and the run finishes.
fn stays_clean(script: &str, seeds: u64) {
    let mut configurations: Vec<Vec<String>> = Vec::new();
    for python in ["3.9", "3.11", "3.13"] {
        for seed in 0..seeds {
            configurations.push(vec!["--python".into(), python.into(), "--seed".into(), seed.to_string()]);
        }
    }
    for seed in 0..seeds / 2 {
        configurations.push(vec!["--switch-points".into(), "every".into(), "--seed".into(), seed.to_string()]);
    }
    for config in configurations {
        let mut args = vec!["--policy", "preemptive"];
        args.extend(config.iter().map(String::as_str));
        let doc = common::outcome_json(script, &args);
        let found: Vec<&str> =
            doc["findings"].as_array().expect("findings").iter().filter_map(|f| f["message"].as_str()).collect();
        assert!(found.is_empty(), "{script} {args:?}: false alarm {found:#?}");
        assert_eq!(doc["status"], "finished", "{script} {args:?}");
    }
}

#[test]
fn timed_lock_waits_that_back_off_are_not_a_deadlock() {
    stays_clean("scenarios/detectors/clean_timed_lock_backoff.py", 40);
}

#[test]
fn readers_writers_on_a_condition_do_not_race() {
    stays_clean("scenarios/detectors/clean_readers_writers_condition.py", 40);
}

#[test]
fn objects_handed_over_through_a_queue_do_not_race() {
    stays_clean("scenarios/detectors/clean_queue_handoff.py", 40);
}

#[test]
fn thread_local_state_is_not_shared() {
    stays_clean("scenarios/detectors/clean_thread_local_state.py", 40);
}

#[test]
fn state_passed_through_start_and_join_does_not_race() {
    stays_clean("scenarios/detectors/clean_start_join_handoff.py", 40);
}

#[test]
fn barrier_actions_are_ordered_with_the_parties() {
    stays_clean("scenarios/detectors/clean_barrier_action.py", 40);
}

#[test]
fn a_lock_released_by_another_thread_is_not_a_deadlock() {
    stays_clean("scenarios/detectors/clean_lock_handed_between_threads.py", 40);
}

#[test]
fn objects_of_one_thread_each_do_not_race_however_many_come_and_go() {
    stays_clean("scenarios/detectors/clean_short_lived_objects_per_thread.py", 16);
}

/// The detectors let a dead object's locations go once a run has numbered thousands, and give
/// their ids to new ones — but never the id of a location a report names: the race on a
/// batch that died stays `Batch.count`, however many objects take its place afterwards.
#[test]
fn a_report_on_a_dead_object_keeps_its_location_while_later_objects_come_and_go() {
    let script = "crates/gilsim-cli/tests/data/race_on_a_dead_object_then_churn.py";
    let runs: [(&[&str], &str); 2] =
        [(&["--seed", "0"], "possible-race"), (&["--seed", "0", "--switch-points", "every"], "lost-update")];
    for (flags, kind) in runs {
        let mut args = vec!["--policy", "preemptive"];
        args.extend_from_slice(flags);
        let doc = common::outcome_json(script, &args);
        let findings = doc["findings"].as_array().expect("findings");
        assert_eq!(findings.len(), 1, "{args:?}: {findings:#?}");
        assert_eq!(findings[0]["kind"], kind, "{args:?}");
        let message = findings[0]["message"].as_str().expect("message");
        assert!(message.starts_with("`Batch.count`: "), "{args:?}: {message}");
        assert_eq!(doc["stdout"], "done\n", "{args:?}");
    }
}
