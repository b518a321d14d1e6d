//! Outcome distributions: how many runs of a script ended alike — same status, exit code, last
//! line of stdout and finding kinds. `gilsim compare` prints one per configuration, and
//! `gilsim check` pins one per scenario (`# gilsim: expect-outcomes=FILE`) as a reviewable
//! text file.
//!
//! Invariant: a distribution is a pure function of the runs' outcomes, in a fixed order (most
//! frequent first, ties by the outcome itself), so its text is byte-identical wherever it is
//! computed.

use gilsim_runtime::Outcome;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Runs that ended alike.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct OutcomeKey {
    pub status: &'static str,
    pub exit_code: i32,
    pub stdout_tail: String,
    /// The kinds of finding the run had, sorted, each once.
    pub findings: Vec<&'static str>,
}

impl OutcomeKey {
    pub fn of(outcome: &Outcome) -> OutcomeKey {
        let mut findings: Vec<&'static str> = outcome.findings.iter().map(|f| f.kind.as_str()).collect();
        findings.sort_unstable();
        findings.dedup();
        OutcomeKey {
            status: outcome.status.as_str(),
            exit_code: outcome.exit_code,
            stdout_tail: outcome.stdout.lines().last().unwrap_or("").to_string(),
            findings,
        }
    }

    /// `finished (exit 0) "Done .... 0" [possible-race]`.
    pub fn describe(&self) -> String {
        let mut s = format!("{} (exit {}) {:?}", self.status, self.exit_code, self.stdout_tail);
        if !self.findings.is_empty() {
            let _ = write!(s, " [{}]", self.findings.join(", "));
        }
        s
    }
}

/// One item of a distribution and how many runs had it.
#[derive(Serialize)]
pub struct Count<T> {
    #[serde(flatten)]
    pub what: T,
    pub runs: u64,
}

/// Each distinct item with its count, most frequent first (ties in the items' order).
pub fn counted<T: Ord>(items: impl Iterator<Item = T>) -> Vec<Count<T>> {
    let mut counts: BTreeMap<T, u64> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    let mut counted: Vec<Count<T>> = counts.into_iter().map(|(what, runs)| Count { what, runs }).collect();
    counted.sort_by_key(|c| std::cmp::Reverse(c.runs));
    counted
}

/// A distribution as lines of text: `   17x finished (exit 0) "Done .... 0"`.
pub fn lines(outcomes: &[Count<OutcomeKey>]) -> Vec<String> {
    outcomes.iter().map(|c| format!("{:>5}x {}", c.runs, c.what.describe())).collect()
}
