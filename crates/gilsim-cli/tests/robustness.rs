//! No input may panic the tool: every line-prefix of every scenario and seeded mutations of
//! them (deleted spans, duplicated lines, inserted punctuation and keywords) go through the
//! front end, and whatever compiles is run for a bounded number of steps under both policies.

mod common;

use gilsim_core::{Policy, PythonVersion, RunOptions, SimRng};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

const MUTATIONS_PER_SCENARIO: usize = 150;
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "=",
    "+=",
    "*",
    "**",
    "'",
    "\"",
    "\n",
    "\t",
    "    ",
    "\\",
    "#",
    "@",
    "lambda",
    "yield",
    "global x",
    "nonlocal y",
    "return",
    "break",
    "continue",
    "class",
    "def",
    "with",
    "try:",
    "except",
    "finally:",
    "raise",
    "del",
    "not",
    "None",
    "1e999",
    "-",
    "0x",
    "f'{",
    "}'",
    "%s",
    "import queue",
    ".acquire()",
    ".release()",
    ".join()",
    ".start()",
    "threading.Lock()",
    "while True:",
    "if",
    "else:",
];

fn mutate(source: &str, rng: &mut SimRng) -> String {
    let mut text: Vec<char> = source.chars().collect();
    for _ in 0..1 + rng.below(3) {
        let len = text.len().max(1) as u64;
        let at = rng.below(len) as usize;
        match rng.below(4) {
            0 => {
                let end = (at + 1 + rng.below(12) as usize).min(text.len());
                text.drain(at.min(end)..end);
            }
            1 | 2 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len() as u64) as usize];
                let at = at.min(text.len());
                text.splice(at..at, fragment.chars());
            }
            _ => {
                let lines: Vec<String> = text.iter().collect::<String>().lines().map(str::to_owned).collect();
                if lines.is_empty() {
                    continue;
                }
                let pick = rng.below(lines.len() as u64) as usize;
                let mut out = lines.clone();
                out.insert(pick, lines[pick].clone());
                text = out.join("\n").chars().collect();
            }
        }
    }
    text.into_iter().collect()
}

fn exercise(source: &str) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
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
