//! `dfs` with partial-order reduction: dynamic partial-order reduction (Flanagan & Godefroid,
//! POPL 2005) with sleep sets (Godefroid 1996) and source sets (Abdulla et al., POPL 2014).
//! Two schedules that differ only in the order of steps that commute — neither writes what the
//! other touches, see [`gilsim_vm::footprint`] — end in the same state, so only one of them is
//! run.
//!
//! Each run follows a prefix of thread choices and then the default (no preemption). After a
//! run, its steps are checked for *races* ([`super::races`]): a step `k` that conflicts with an
//! earlier step `j` of another thread, with nothing else ordering `j` before `k`. To reverse
//! it, one of the *initials* of what followed `j` without depending on it (ending with `k`)
//! must run at the decision that began `j` — `k`'s own thread only if `k` depended on none of
//! those steps; every candidate there when no initial was a candidate. A lock is shared state
//! like any other (an attempt that blocks reads it), with one exception the runtime's
//! semantics allow: an acquire need not race with the release before it while its thread holds
//! no lock, since beginning that step before the release would only have blocked it there.
//! The runtime's hand-offs (start, join, a woken waiter) order steps without racing.
//!
//! Sleep sets remove the remaining redundancy: once a thread's step from a decision has been
//! explored, later siblings carry it asleep until a conflicting step runs; a sleeping thread is
//! never chosen, and a run in which every candidate sleeps is equivalent to one already run.
//!
//! Virtual time breaks commutation (each step moves the clock others read, and timers fire by
//! it), so a run that reads the clock or waits with a timeout, or that is cut short by a limit,
//! turns the reduction off; the first such run after reduction has pruned anything restarts the
//! search without it. Threads that could still run when a run ended (a deadlock stopped it, or
//! the exit cut off daemons) race with every step they do not already follow, and the step
//! that closed a deadlock races with the steps that left a trace and that it does not follow
//! (it cut off what came after it). Lock-waiter decisions are always explored in full.
//!
//! Invariant: the runs are made in a fixed order that depends only on the program and options.

use super::races::{races, Analysis, Later};
use super::step::{self, Step};
use super::{default_choice, Decision, DecisionKind, Strategy};
use crate::{Outcome, Status, StepRecord};
use gilsim_detect::ThreadId;
use gilsim_vm::footprint::{Footprint, Resource};
use std::collections::{BTreeMap, BTreeSet};

/// A thread explored from a decision, with the footprint of the step it made there.
type Explored = (ThreadId, Footprint);

/// One decision of a run, as the search keeps it.
struct Node {
    kind: DecisionKind,
    candidates: Vec<ThreadId>,
    /// Candidate index of the default choice.
    default: usize,
    chosen: ThreadId,
    /// Threads to run from here.
    backtrack: Vec<ThreadId>,
    /// Threads run from here, in order (the footprint is absent at lock-waiter decisions).
    done: Vec<(ThreadId, Option<Footprint>)>,
    /// Threads asleep on arrival.
    asleep: Vec<ThreadId>,
}

impl Node {
    /// The candidates in the order alternatives are tried: the default, then the others.
    fn by_rank(&self) -> impl Iterator<Item = ThreadId> + '_ {
        let default = self.candidates[self.default];
        std::iter::once(default).chain(self.candidates.iter().copied().filter(move |&t| t != default))
    }

    fn backtrack_all(&mut self) {
        self.backtrack.clone_from(&self.candidates);
    }

    /// Make sure one of `initials` is run from here (Source-DPOR's rule): nothing to do if one
    /// already was or will be; else the first that is a candidate; else, when none is (they
    /// were blocked or not yet started here), every candidate.
    fn add_one_of(&mut self, initials: &[ThreadId]) {
        let covered = |t: &ThreadId| self.backtrack.contains(t) || self.done.iter().any(|(d, _)| d == t);
        if initials.iter().any(covered) {
            return;
        }
        match initials.iter().find(|t| self.candidates.contains(t)) {
            Some(&thread) => self.backtrack.push(thread),
            None => self.backtrack_all(),
        }
    }
}

/// A decision as one run made it.
struct Made {
    kind: DecisionKind,
    candidates: Vec<ThreadId>,
    default: usize,
    chosen: ThreadId,
    asleep: Vec<ThreadId>,
}

/// The strategy of one run: follow the prefix, then choose the default unless it sleeps.
pub struct DporRun {
    /// Per decision of the prefix: the thread to run, and the threads run there before it.
    prefix: Vec<(ThreadId, Vec<Explored>)>,
    reduce: bool,
    made: Vec<Made>,
    steps: Vec<StepRecord>,
    trace: Vec<Step>,
    sleep: Vec<Explored>,
    /// The first decision at which every candidate was asleep.
    sleep_blocked: Option<usize>,
    /// Threads that could still run when the run ended.
    runnable_at_end: Vec<ThreadId>,
}

impl DporRun {
    /// The run's decisions, in order.
    pub fn trace(&self) -> &[Step] {
        &self.trace
    }

    /// The run as deviations from the default choice: (decision index, candidate index).
    pub fn deviations(&self) -> Vec<(u64, u32)> {
        step::deviations(&self.trace)
    }

    /// The run's steps, with their footprints, in order.
    pub fn steps(&self) -> &[StepRecord] {
        &self.steps
    }

    fn asleep(&self, thread: ThreadId) -> bool {
        self.sleep.iter().any(|(t, _)| *t == thread)
    }
}

impl Strategy for DporRun {
    fn choose(&mut self, decision: &Decision<'_>) -> usize {
        let index = self.made.len();
        let candidates = decision.candidates;
        let default = default_choice(decision);
        let choice = if let Some((thread, _)) = self.prefix.get(index) {
            candidates.iter().position(|t| t == thread).expect("a dpor prefix replays the same decisions")
        } else if decision.kind == DecisionKind::LockWaiter || !self.asleep(candidates[default]) {
            default
        } else if let Some(awake) = candidates.iter().position(|&t| !self.asleep(t)) {
            awake
        } else {
            self.sleep_blocked.get_or_insert(index);
            default
        };
        let asleep = self.sleep.iter().map(|(t, _)| *t).collect();
        if let Some((_, before)) = self.prefix.get(index) {
            self.sleep.extend(before.iter().cloned());
        }
        let made =
            Made { kind: decision.kind, candidates: candidates.to_vec(), default, chosen: candidates[choice], asleep };
        self.made.push(made);
        self.trace.push(Step::of(decision, choice as u32));
        choice
    }

    fn wants_steps(&self) -> bool {
        true
    }

    fn observe_step(&mut self, step: &StepRecord) {
        if self.reduce {
            self.sleep.retain(|(t, footprint)| *t != step.thread && !footprint.conflicts_with(&step.footprint));
        }
        self.steps.push(step.clone());
    }

    fn observe_end(&mut self, runnable: &[ThreadId]) {
        self.runnable_at_end = runnable.to_vec();
    }
}

/// Whether a search could reduce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reduction {
    On,
    /// The first run depended on virtual time (or hit a limit): every schedule is run.
    OffFromStart,
    /// Run `0` (counted from 1) did: the search started over without reduction after it.
    RestartedAfter(u64),
}

/// The search: hands out one [`DporRun`] after another until every class of equivalent
/// schedules has been run.
pub struct DporSearch {
    nodes: Vec<Node>,
    /// The next run's prefix; None when the search is over.
    next: Option<Vec<(ThreadId, Vec<Explored>)>>,
    /// Reduction is on (off once the script showed it depends on virtual time).
    reduce: bool,
    /// Backtrack only where races call for it (DPOR); otherwise every candidate of every
    /// decision is tried, and only sleep sets reduce.
    by_races: bool,
    runs: u64,
    /// The run after which the search restarted without reduction, if it did.
    restarted_after: Option<u64>,
    /// When explaining: what the analysis of the last run found (races and what they added).
    notes: Option<Vec<String>>,
}

impl Default for DporSearch {
    fn default() -> DporSearch {
        DporSearch::new()
    }
}

impl DporSearch {
    pub fn new() -> DporSearch {
        DporSearch {
            nodes: Vec::new(),
            next: Some(Vec::new()),
            reduce: true,
            by_races: true,
            runs: 0,
            restarted_after: None,
            notes: None,
        }
    }

    /// Keep, for each run, a note of every reversal it called for ([`DporSearch::notes`]): for
    /// people debugging the search.
    pub fn explaining(self) -> DporSearch {
        DporSearch { notes: Some(Vec::new()), ..self }
    }

    /// What the analysis of the last finished run found, when explaining.
    pub fn notes(&self) -> &[String] {
        self.notes.as_deref().unwrap_or_default()
    }

    /// A search reduced by sleep sets alone (Godefroid 1996): every candidate of every decision
    /// is tried, but never a thread whose step commutes with everything run since a sibling
    /// ran it. It finds every outcome with a simpler argument than DPOR's, and more runs: the
    /// reference the differential tests compare DPOR with where every schedule is too many.
    pub fn sleep_sets_only() -> DporSearch {
        DporSearch { by_races: false, ..DporSearch::new() }
    }

    /// The strategy of the next run, or None when every schedule class has been run.
    pub fn next_run(&mut self) -> Option<DporRun> {
        let prefix = self.next.take()?;
        let (made, steps, trace, sleep) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let reduce = self.reduce;
        Some(DporRun { prefix, reduce, made, steps, trace, sleep, sleep_blocked: None, runnable_at_end: Vec::new() })
    }

    /// Whether the search reduced, or found the script's schedules depend on virtual time.
    pub fn reduction(&self) -> Reduction {
        match (self.reduce, self.restarted_after) {
            (true, _) => Reduction::On,
            (false, None) => Reduction::OffFromStart,
            (false, Some(run)) => Reduction::RestartedAfter(run),
        }
    }

    /// Record the finished run and choose the next.
    pub fn finished(&mut self, run: DporRun, outcome: &Outcome) {
        self.runs += 1;
        if let Some(notes) = &mut self.notes {
            notes.clear();
        }
        let full = needs_full_exploration(&run, outcome);
        if full && self.reduce {
            self.reduce = false;
            if self.runs > 1 {
                // Reduction may have pruned schedules that time tells apart: start over.
                self.restarted_after = Some(self.runs);
                self.nodes.clear();
                self.next = Some(Vec::new());
                return;
            }
        }
        let step_of_decision = steps_by_decision(&run);
        for (i, made) in run.made.into_iter().enumerate() {
            if i == self.nodes.len() {
                let Made { kind, candidates, default, chosen, asleep } = made;
                let node = Node { kind, candidates, default, chosen, backtrack: Vec::new(), done: Vec::new(), asleep };
                self.nodes.push(node);
            }
            let node = &mut self.nodes[i];
            node.chosen = made.chosen;
            if !node.done.iter().any(|(t, _)| *t == made.chosen) {
                let footprint = step_of_decision[i].map(|s| run.steps[s].footprint.clone());
                node.done.push((made.chosen, footprint));
            }
            if !self.reduce || !self.by_races || node.kind == DecisionKind::LockWaiter {
                node.backtrack_all();
            }
        }
        if self.reduce && self.by_races {
            // Steps after a decision where every candidate slept repeat an explored run.
            let end = run.sleep_blocked.and_then(|d| step_of_decision[d]).unwrap_or(run.steps.len());
            let steps = &run.steps[..end];
            let analysis = races(steps);
            let mut reversals: Vec<(usize, Later)> = analysis.races.iter().map(|&(j, k)| (j, Later::Step(k))).collect();
            if run.sleep_blocked.is_none() {
                reversals.extend(cut_off_reversals(steps, &analysis, &run.runnable_at_end));
            }
            for (j, later) in reversals {
                let Some(decision) = steps[j].decision else { continue };
                let initials = analysis.initials(j, later);
                let node = &mut self.nodes[decision];
                if let Some(notes) = &mut self.notes {
                    let later = match later {
                        Later::Step(k) => format!("step {k}"),
                        Later::NextOf(t) => format!("the next step of thread {t}"),
                    };
                    let done: Vec<ThreadId> = node.done.iter().map(|d| d.0).collect();
                    notes.push(format!(
                        "race: step {j} (decision {decision}) with {later}; initials {initials:?}, candidates {:?}, \
                         done {done:?}, to run {:?}, asleep {:?}",
                        node.candidates, node.backtrack, node.asleep
                    ));
                }
                node.add_one_of(&initials);
            }
        }
        self.next = self.backtrack_point();
    }

    /// The deepest decision with a thread left to run, and the prefix that runs it.
    fn backtrack_point(&mut self) -> Option<Vec<(ThreadId, Vec<Explored>)>> {
        let reduce = self.reduce;
        let (index, thread) = self.nodes.iter().enumerate().rev().find_map(|(i, node)| {
            let pending = |t: &ThreadId| {
                node.backtrack.contains(t)
                    && !node.done.iter().any(|(d, _)| d == t)
                    && !(reduce && node.asleep.contains(t))
            };
            node.by_rank().find(pending).map(|t| (i, t))
        })?;
        self.nodes.truncate(index + 1);
        let explored = |node: &Node, except: Option<ThreadId>| -> Vec<Explored> {
            let others = node.done.iter().filter(|(t, _)| Some(*t) != except);
            others.filter_map(|(t, f)| f.clone().map(|f| (*t, f))).collect()
        };
        let mut prefix: Vec<(ThreadId, Vec<Explored>)> = self.nodes[..index]
            .iter()
            .map(|n| (n.chosen, if reduce { explored(n, Some(n.chosen)) } else { Vec::new() }))
            .collect();
        let last = &self.nodes[index];
        prefix.push((thread, if reduce { explored(last, None) } else { Vec::new() }));
        Some(prefix)
    }
}

/// For each decision of the run, the step its choice began (none at lock-waiter decisions).
fn steps_by_decision(run: &DporRun) -> Vec<Option<usize>> {
    let mut by_decision = vec![None; run.made.len()];
    for (s, step) in run.steps.iter().enumerate() {
        if let Some(d) = step.decision {
            by_decision[d] = Some(s);
        }
    }
    by_decision
}

/// The races a run's end makes: a next step that never ran may conflict with anything its
/// thread does not already follow; and a deadlock stops the run when its cycle closes, cutting
/// off whatever had not run by then, so the closing step races with every step it does not
/// follow that left a trace (output, or a write of what another thread touches): in another
/// schedule that step comes after it, and never runs.
fn cut_off_reversals(steps: &[StepRecord], analysis: &Analysis, runnable_at_end: &[ThreadId]) -> Vec<(usize, Later)> {
    let mut reversals = Vec::new();
    for &thread in runnable_at_end {
        let later = Later::NextOf(thread);
        let unordered = (0..steps.len()).filter(|&j| !analysis.before(j, later));
        reversals.extend(unordered.map(|j| (j, later)));
    }
    if let Some(last) = steps.len().checked_sub(1).filter(|&k| steps[k].footprint.ends_run) {
        let later = Later::Step(last);
        let shared = shared_resources(steps);
        let leaves_trace = |j: usize| {
            let accesses = &steps[j].footprint.accesses;
            accesses.iter().any(|a| a.write && (a.resource == Resource::Output || shared.contains(&a.resource)))
        };
        let unordered = (0..last).filter(|&j| leaves_trace(j) && !analysis.before(j, later));
        reversals.extend(unordered.map(|j| (j, later)));
    }
    reversals
}

/// The resources that more than one thread touched in the run.
fn shared_resources(steps: &[StepRecord]) -> BTreeSet<Resource> {
    let mut first_toucher: BTreeMap<Resource, ThreadId> = BTreeMap::new();
    let mut shared = BTreeSet::new();
    for step in steps {
        for access in &step.footprint.accesses {
            if *first_toucher.entry(access.resource).or_insert(step.thread) != step.thread {
                shared.insert(access.resource);
            }
        }
    }
    shared
}

/// A run whose schedules time or a cut-off can tell apart: see the module docs.
fn needs_full_exploration(run: &DporRun, outcome: &Outcome) -> bool {
    if run.steps.iter().any(|s| s.footprint.timed) {
        return true;
    }
    // Cut short by a limit: where it stopped depends on the clock.
    !matches!(outcome.status, Status::Finished | Status::Deadlock | Status::Blocked)
}
