//! No input may panic the tool: every line-prefix of every scenario and seeded mutations of
//! them (deleted spans, duplicated lines, inserted punctuation, keywords and hostile fragments) go through the
//! front end, and whatever compiles is run for a bounded number of steps under both policies
//! (`bench/crash-fuzz.sh` runs the same mutations, and generated programs, for an hour).

mod common;

use gilsim_core::{Policy, PythonVersion, RunOptions, SimRng};
use gilsim_fuzz::mutate::mutate;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

const MUTATIONS_PER_SCENARIO: usize = 150;

/// Compile and run `source` as the CLI does: on a thread with the simulation's stack (a
/// mutation can recurse through natives into Python deeper than a test thread's 2 MiB).
fn exercise(source: &str) -> Result<(), String> {
    let source = source.to_string();
    std::thread::Builder::new()
        .stack_size(gilsim_runtime::SIMULATION_STACK)
        .spawn(move || exercise_here(&source))
        .expect("spawn a simulation thread")
        .join()
        .expect("exercise catches panics")
}

fn exercise_here(source: &str) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
        // Python 2's front end rewrites tokens first: it must survive anything too.
        if let Ok(program) = gilsim_lang::compile_as(source, "fuzz.py", gilsim_lang::Dialect::Python2) {
            let options = RunOptions { python: PythonVersion::new(2, 7), max_steps: 4_000, ..RunOptions::default() };
            let _ = gilsim_runtime::run(Arc::new(program), &options);
        }
        let Ok(program) = gilsim_lang::compile(source, "fuzz.py") else { return };
        let program = Arc::new(program);
        for (policy, python) in
            [(Policy::Fair, PythonVersion::new(3, 11)), (Policy::Preemptive, PythonVersion::new(3, 9))]
        {
            let options =
                RunOptions { policy, python, max_steps: 4_000, max_time: 2_000_000_000, ..RunOptions::default() };
            let _ = gilsim_runtime::run(program.clone(), &options);
        }
    }))
    .map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("panic: {message}\n--- input ---\n{source}\n-------------")
    })
}

#[test]
fn malformed_and_mutated_scenarios_never_panic() {
    let root = common::repo_root();
    let mut rng = SimRng::new(2026, 9);
    let mut failures = Vec::new();
    let mut inputs = 0;
    for path in common::scenarios() {
        let source = std::fs::read_to_string(root.join(&path)).expect("read scenario");
        let lines: Vec<&str> = source.lines().collect();
        let prefixes = (0..lines.len()).map(|n| lines[..n].join("\n"));
        let mutations = (0..MUTATIONS_PER_SCENARIO).map(|_| mutate(&source, &mut rng)).collect::<Vec<_>>();
        for input in prefixes.chain(mutations) {
            inputs += 1;
            if let Err(failure) = exercise(&input) {
                failures.push(format!("{path}: {failure}"));
            }
        }
    }
    assert!(inputs > 500, "only {inputs} inputs");
    assert!(failures.is_empty(), "{} of {inputs} inputs panicked:\n{}", failures.len(), failures.join("\n"));
}
