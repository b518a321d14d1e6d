//! Differential tests against the real interpreters on this machine (pyenv): for scenarios
//! whose output does not depend on the schedule, gilsim's stdout must equal CPython's byte
//! for byte with the same exit status; for the lost-update loop, gilsim's per-version
//! prediction must agree with what CPython 3.9 and 3.11 really do.

mod common;

/// Scenarios whose stdout is fixed by their synchronisation (no time-of-day in the output).
const SCHEDULE_INDEPENDENT: &[&str] = &[
    "scenarios/seeds/06_non_daemon_outlives_main.py",
    "scenarios/seeds/07_daemon_abandoned.py",
    "scenarios/seeds/12_locked_counter.py",
    "scenarios/seeds/15b_nonblocking_acquire.py",
    "scenarios/language/builtins_and_formatting.py",
    "scenarios/language/classes_and_closures.py",
    "scenarios/language/exceptions.py",
    "scenarios/language/misuse_of_builtins.py",
    "scenarios/language/thread_basics.py",
];

#[test]
fn stdout_matches_cpython_311() {
    for script in SCHEDULE_INDEPENDENT {
        let (py_code, py_out, py_err) = common::cpython("3.11.7", script);
        let (code, out, err) = common::gilsim(&["run", script, "-q"]);
        assert_eq!(
            out, py_out,
            "{script}: stdout differs from CPython 3.11\nCPython stderr:\n{py_err}\ngilsim stderr:\n{err}"
        );
        assert_eq!(code, py_code, "{script}: exit status differs");
        // CPython names the main script by its absolute path in warnings.
        let root = format!("{}/", common::repo_root().display());
        let py_err = py_err.replace(&root, "");
        let last = |s: &str| s.lines().rfind(|l| !l.starts_with(' ')).map(str::to_string);
        assert_eq!(last(&err), last(&py_err), "{script}: last stderr line differs");
    }
}

fn final_total(stdout: &str) -> i64 {
    let line = stdout.lines().last().expect("output");
    line.rsplit(' ').next().expect("number").parse().expect("integer")
}

#[test]
fn lost_update_predictions_match_cpython_39_and_311() {
    let script = "scenarios/seeds/11_unlocked_counter.py";
    // CPython 3.11: `total += 1` is never interrupted (0 lost updates).
    let (_, py311, _) = common::cpython("3.11.7", script);
    let (_, sim311, _) = common::gilsim(&["run", script, "--python", "3.11", "-q"]);
    assert_eq!(final_total(&py311), 0);
    assert_eq!(final_total(&sim311), 0);
    // CPython 3.9: the same loop loses updates.
    let (_, py39, _) = common::cpython("3.9.18", script);
    let (_, sim39, _) = common::gilsim(&["run", script, "--python", "3.9", "-q"]);
    assert_ne!(final_total(&py39), 0, "CPython 3.9 lost no update this time (it does almost always)");
    assert_ne!(final_total(&sim39), 0);
    // A Python call between read and write loses updates on 3.11 too.
    let with_call = "scenarios/seeds/11b_unlocked_counter_with_call.py";
    let (_, py_call, _) = common::cpython("3.11.7", with_call);
    let (_, sim_call, _) = common::gilsim(&["run", with_call, "--python", "3.11", "-q"]);
    assert_ne!(final_total(&py_call), 0);
    assert_ne!(final_total(&sim_call), 0);
}
