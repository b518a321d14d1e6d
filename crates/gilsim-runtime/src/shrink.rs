//! Schedule shrinking: from a failing run, search for a schedule that fails the same way with
//! fewer preemptions, then fewer deviations from the default schedule, then fewer decisions —
//! a failing interleaving a person can follow. Delta debugging (Zeller and Hildebrandt,
//! "Simplifying and Isolating Failure-Inducing Input", TSE 2002) over the run's deviations:
//! try dropping chunks of them, halving the chunk size down to single ones, and keep any run
//! that still fails and measures smaller. Everything not listed follows the default choice (no
//! preemption), so dropping a deviation never adds one.
//!
//! Deviations are keyed by thread, not by global decision number: "at the 3rd switch point
//! where Thread-1 could go on, run Thread-2 instead". Dropping one deviation shifts every
//! later global decision number, but leaves the other threads' own counts — and so the rest of
//! the interleaving — mostly in place, which is what lets the deadlock of five philosophers
//! shrink to the four preemptions it needs.
//!
//! Invariant: the result fails like the original (`fails_like(original, run)` holds) and never
//! measures more; the search is deterministic and makes at most `budget` runs.

use crate::machine::run_with;
use crate::outcome::Outcome;
use crate::strategy::{self, default_choice, Decision, DecisionKind, Step, Strategy};
use gilsim_core::RunOptions;
use gilsim_detect::ThreadId;
use gilsim_vm::Image;
use std::collections::BTreeMap;

/// How simple a failing schedule is; smaller is simpler (compared in field order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Measure {
    pub preemptions: u32,
    /// Decisions that differ from the default choice (preemptions among them).
    pub deviations: u32,
    pub decisions: u64,
}

impl Measure {
    fn of(steps: &[Step]) -> Measure {
        Measure {
            preemptions: strategy::preemptions(steps),
            deviations: strategy::deviations(steps).len() as u32,
            decisions: steps.len() as u64,
        }
    }
}

/// A failing schedule as its deviations from the default, and how simple it is.
#[derive(Clone, Debug)]
pub struct Shrunk {
    pub measure: Measure,
    /// The schedule: `total` decisions, default except at the (decision index, choice) listed.
    pub total: u64,
    pub deviations: Vec<(u64, u32)>,
    /// The run of this schedule.
    pub outcome: Outcome,
}

/// The result of a shrink.
pub struct Shrinking {
    pub original: Measure,
    pub shrunk: Shrunk,
    /// Runs made, the original's included.
    pub runs: u64,
}

/// Names a decision point independently of what other threads did before it: a switch point
/// by the thread that could go on and how many such points it had met; any other decision by
/// its kind and how many of that kind came before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    SwitchPoint { current: ThreadId, nth: u32 },
    Other { kind: u8, nth: u32 },
}

/// Makes a run's decisions — by `inner` (the original run) or by the keyed deviations
/// `wanted` — and records them.
struct Keyed<'s> {
    inner: Option<&'s mut dyn Strategy>,
    wanted: BTreeMap<Key, ThreadId>,
    counts: BTreeMap<(u8, ThreadId), u32>,
    steps: Vec<Step>,
    /// The run's deviations, keyed.
    made: Vec<(Key, ThreadId)>,
}

impl<'s> Keyed<'s> {
    fn new(inner: Option<&'s mut dyn Strategy>, wanted: &[(Key, ThreadId)]) -> Keyed<'s> {
        let wanted = wanted.iter().copied().collect();
        Keyed { inner, wanted, counts: BTreeMap::new(), steps: Vec::new(), made: Vec::new() }
    }

    fn key(&mut self, decision: &Decision<'_>) -> Key {
        let current = decision.current.map(|i| decision.candidates[i]);
        let (kind, thread) = match (decision.kind, current) {
            (DecisionKind::SwitchPoint, Some(thread)) => (0, thread),
            (DecisionKind::SwitchPoint, None) => (1, 0),
            (DecisionKind::NextThread, _) => (2, 0),
            (DecisionKind::LockWaiter, _) => (3, 0),
            (DecisionKind::Parallel, _) => (4, 0),
        };
        let count = self.counts.entry((kind, thread)).or_insert(0);
        let nth = *count;
        *count += 1;
        match kind {
            0 => Key::SwitchPoint { current: thread, nth },
            _ => Key::Other { kind, nth },
        }
    }
}

impl Strategy for Keyed<'_> {
    fn choose(&mut self, decision: &Decision<'_>) -> usize {
        let key = self.key(decision);
        let default = default_choice(decision);
        let choice = match &mut self.inner {
            Some(inner) => inner.choose(decision),
            None => self
                .wanted
                .get(&key)
                .and_then(|thread| decision.candidates.iter().position(|c| c == thread))
                .unwrap_or(default),
        };
        self.steps.push(Step::of(decision, choice as u32));
        if choice != default {
            self.made.push((key, decision.candidates[choice]));
        }
        choice
    }
}

/// One run made by `keyed`, with what it recorded.
struct Tried {
    outcome: Outcome,
    steps: Vec<Step>,
    made: Vec<(Key, ThreadId)>,
}

fn try_run(image: &Image, options: &RunOptions, mut keyed: Keyed<'_>) -> Tried {
    let outcome = run_with(image, options, &mut keyed);
    Tried { outcome, steps: keyed.steps, made: keyed.made }
}

/// Shrink the run `original` makes, keeping runs for which `fails_like(original's outcome,
/// run's outcome)` holds. None when the original run does not fail (`fails_like` is false of
/// it and itself).
pub fn shrink(
    image: &Image,
    options: &RunOptions,
    original: &mut dyn Strategy,
    fails_like: impl Fn(&Outcome, &Outcome) -> bool,
    budget: u64,
) -> Option<Shrinking> {
    let first = try_run(image, options, Keyed::new(Some(original), &[]));
    if !fails_like(&first.outcome, &first.outcome) {
        return None;
    }
    let failing = first.outcome.clone();
    let original_measure = Measure::of(&first.steps);
    let mut best = first;
    let mut best_measure = original_measure;
    let mut runs = 1;
    let mut chunk = best.made.len().div_ceil(2).max(1);
    while !best.made.is_empty() && runs < budget {
        // One pass: try without each chunk of `chunk` deviations, in order.
        let mut improved = false;
        let mut start = 0;
        while start < best.made.len() && runs < budget {
            let end = (start + chunk).min(best.made.len());
            let mut candidate = best.made.clone();
            candidate.drain(start..end);
            let tried = try_run(image, options, Keyed::new(None, &candidate));
            runs += 1;
            let measure = Measure::of(&tried.steps);
            if fails_like(&failing, &tried.outcome) && measure < best_measure {
                // Keep it; the next chunk starts where this one did.
                best = tried;
                best_measure = measure;
                improved = true;
            } else {
                start = end;
            }
        }
        if chunk > 1 {
            chunk = chunk.div_ceil(2).min(best.made.len()).max(1);
        } else if !improved {
            break;
        }
    }
    let shrunk = Shrunk {
        measure: best_measure,
        total: best.steps.len() as u64,
        deviations: strategy::deviations(&best.steps),
        outcome: best.outcome,
    };
    Some(Shrinking { original: original_measure, shrunk, runs })
}
