//! A run is the same in every process. Every scenario is run in two separate gilsim processes
//! (different heap addresses, so any address that reached output or scheduling would show),
//! with its own options and under preemptive 3.9; `check` and `explore` report the same bytes
//! with one worker and with two.

mod common;

use std::process::Command;

/// Run the gilsim binary in a process of its own; its exit status and stdout.
fn gilsim_process(args: &[&str]) -> (i32, Vec<u8>) {
    let output = Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .args(args)
        .current_dir(common::repo_root())
        .output()
        .expect("run the gilsim binary");
    (output.status.code().unwrap_or(-1), output.stdout)
}

#[test]
fn every_scenario_prints_the_same_bytes_in_two_processes() {
    for script in common::scenarios() {
        for extra in [&[][..], &["--policy", "preemptive", "--python", "3.9", "--seed", "11"][..]] {
            let mut args = vec!["run", script.as_str(), "--format", "json", "--max-time", "30s"];
            args.extend_from_slice(extra);
            let first = gilsim_process(&args);
            let second = gilsim_process(&args);
            assert!(first == second, "{script} {extra:?}: two processes disagree");
        }
    }
}

#[test]
fn check_and_explore_do_not_depend_on_the_number_of_workers() {
    let check = |jobs: &str| gilsim_process(&["check", "scenarios", "--format", "json", "--jobs", jobs]);
    assert!(check("1") == check("2"), "check scenarios: --jobs 1 and --jobs 2 disagree");
    let scripts = [
        "scenarios/detectors/lost_update_account_balance.py",
        "scenarios/detectors/deadlock_dining_philosophers.py",
        "scenarios/language/identities_and_hashes.py",
    ];
    for script in scripts {
        for strategy in ["pos", "random", "pct"] {
            let explore = |jobs: &str| {
                let args = ["explore", script, "--runs", "200", "--keep-going", "--strategy", strategy, "--jobs", jobs];
                gilsim_process(&[&args[..], &["--format", "json"]].concat())
            };
            assert!(explore("1") == explore("2"), "explore {script} --strategy {strategy}: --jobs 1 and 2 disagree");
        }
    }
}
