//! Steps: a run cut at its scheduling decisions, each piece with its footprint, for
//! strategies that reason about which steps commute (`dpor`).
//!
//! A step is one thread's execution from the moment it is granted the GIL, or keeps it at a
//! switch point where others could have run, until the next such moment. Its footprint is what
//! the VM noted meanwhile ([`gilsim_vm::footprint`]), plus what the runtime does for it (a
//! woken waiter's acquire, the start of a thread, a thread's exit). A thread that another
//! thread's step makes able to go on gets an edge instead: a joiner woken by a thread's exit,
//! a lock waiter woken by a release, a parent whose `Thread.start()` returns once its child
//! first runs — each goes on only after the step that woke it, since that step keeps the GIL
//! until its next decision. (A start, and a join that returns at once, are in the footprint,
//! at their place among the step's operations.)
//!
//! Invariant: steps are reported to the strategy in run order, each before the decision that
//! ends it is presented.

use crate::machine::Machine;
use gilsim_detect::ThreadId;
use gilsim_vm::footprint::{self, Footprint, Resource};

/// One step of a run.
#[derive(Clone, Debug)]
pub struct StepRecord {
    pub thread: ThreadId,
    /// The decision (index among the run's decisions) whose choice began this step, if there
    /// was a choice.
    pub decision: Option<usize>,
    pub footprint: Footprint,
    /// Earlier steps this one must follow (the runtime's hand-offs).
    pub after: Vec<usize>,
}

/// The machine's side of step recording.
#[derive(Default)]
pub(crate) struct StepLog {
    /// The step in progress: thread, the decision that began it, its hand-off edges.
    current: Option<(ThreadId, Option<usize>, Vec<usize>)>,
    steps: usize,
    /// Per thread, the edges its next step will carry.
    pending: Vec<Vec<usize>>,
    /// Per thread, its latest step.
    last_step: Vec<Option<usize>>,
    /// The decision just taken for a thread choice, consumed by the step it begins.
    decision: Option<usize>,
    /// The thread of the step in progress (or last ended).
    thread: ThreadId,
}

impl StepLog {
    fn slot<T: Default>(v: &mut Vec<T>, t: ThreadId) -> &mut T {
        if v.len() <= t {
            v.resize_with(t + 1, T::default);
        }
        &mut v[t]
    }
}

impl Machine<'_> {
    /// Thread `t` begins a step (granted the GIL, or kept it at a decision).
    pub(crate) fn begin_step(&mut self, t: ThreadId) {
        if self.steps.is_none() {
            return;
        }
        self.end_step();
        let log = self.steps.as_mut().expect("checked");
        log.thread = t;
        let after = std::mem::take(StepLog::slot(&mut log.pending, t));
        log.current = Some((t, log.decision.take(), after));
        *StepLog::slot(&mut log.last_step, t) = Some(log.steps);
    }

    /// Report the step in progress to the strategy.
    pub(crate) fn end_step(&mut self) {
        let Some(log) = &mut self.steps else { return };
        let Some((thread, decision, after)) = log.current.take() else { return };
        log.steps += 1;
        let mut footprint = footprint::take_step();
        if self.exit_cuts_off(thread) {
            footprint.note_write(Resource::Exit);
        }
        self.strategy.observe_step(&StepRecord { thread, decision, footprint, after });
    }

    /// The decision `index` chose a thread: the step it begins belongs to it.
    pub(crate) fn note_thread_decision(&mut self, index: usize) {
        if let Some(log) = &mut self.steps {
            log.decision = Some(index);
        }
    }

    /// Thread `later`'s next step follows thread `earlier`'s latest step.
    pub(crate) fn hand_off(&mut self, earlier: ThreadId, later: ThreadId) {
        let Some(log) = &mut self.steps else { return };
        if let Some(step) = log.last_step.get(earlier).copied().flatten() {
            StepLog::slot(&mut log.pending, later).push(step);
        }
    }

    /// Note, as the current step's, whatever the runtime does on a thread's behalf in `f`.
    pub(crate) fn recording<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let Some(log) = &self.steps else { return f(self) };
        footprint::set_recording(Some(log.thread));
        let result = f(self);
        footprint::set_recording(None);
        result
    }
}
