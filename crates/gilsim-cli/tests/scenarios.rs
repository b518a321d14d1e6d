//! Every scenario's outcome report is snapshotted (insta, top-level snapshots/), and every
//! scenario is deterministic: two runs with the same seed give the same JSON document.

mod common;

use sha2::{Digest, Sha256};

fn snapshot_name(script: &str) -> String {
    script.trim_end_matches(".py").replace('/', "__")
}

#[test]
fn scenario_outcomes_match_snapshots() {
    let scenarios = common::scenarios();
    assert!(scenarios.len() >= 15, "expected the seed scenarios, found {scenarios:?}");
    for script in scenarios {
        let flags = common::scenario_flags(&script, &[("seed", "1"), ("max-time", "30s")]);
        let mut args = vec!["run", script.as_str()];
        args.extend(flags.iter().map(String::as_str));
        let (code, stdout, stderr) = common::gilsim(&args);
        let report = format!("exit status: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}");
        insta::with_settings!({
            snapshot_path => common::repo_root().join("snapshots"),
            prepend_module_to_snapshot => false,
            description => script.clone(),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(snapshot_name(&script), report);
        });
    }
}

fn digest(script: &str, extra: &[&str]) -> String {
    let mut args = vec!["run", script, "--format", "json", "--seed", "7", "--max-time", "30s"];
    args.extend_from_slice(extra);
    let (_, stdout, _) = common::gilsim(&args);
    format!("{:x}", Sha256::digest(stdout.as_bytes()))
}

#[test]
fn every_scenario_is_deterministic() {
    for script in common::scenarios() {
        for extra in [&[][..], &["--policy", "preemptive", "--python", "3.9"][..]] {
            assert_eq!(digest(&script, extra), digest(&script, extra), "{script} {extra:?} differs between two runs");
        }
    }
}

#[test]
fn preemptive_seeds_change_the_interleaving() {
    let script = "scenarios/seeds/11b_unlocked_counter_with_call.py";
    let outputs: std::collections::BTreeSet<String> = (0..4)
        .map(|seed| {
            let seed = seed.to_string();
            common::gilsim(&["run", script, "--policy", "preemptive", "--seed", &seed, "-q"]).1
        })
        .collect();
    assert!(outputs.len() > 1, "four seeds gave one outcome: {outputs:?}");
}
