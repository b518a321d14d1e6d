//! A run's trace (`--trace`): every scheduling decision with its candidates, and the timeline
//! of what each thread did (running, waiting for the GIL, blocked on what; lock operations and
//! library calls), in virtual time. The decisions make the trace replayable — more strictly
//! than a schedule token, since each recorded decision names its candidates and a replay can
//! say exactly where the run offered different ones.
//!
//! Invariant: tracing only observes. A traced run makes the same decisions and produces the
//! same outcome as the untraced run of the same (program, options, strategy).

use crate::machine::Machine;
use crate::strategy::DecisionKind;
use gilsim_detect::ThreadId;
use gilsim_vm::{TimelineEvent, TimelineKind};

/// One decision point of a traced run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TracedDecision {
    /// Virtual time of the decision, in ns.
    pub time: u64,
    pub kind: DecisionKind,
    /// The threads that could run, in the scheduler's order.
    pub candidates: Vec<ThreadId>,
    /// Index of the chosen one in `candidates`.
    pub chosen: u32,
}

/// What a timeline event shows, with names resolved at the end of the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Activity {
    Running,
    WaitingForGil,
    WaitingForCore,
    /// Blocked on what (`lock_a held by Thread-1`, `Queue.get()`, `sleep`).
    Blocked(String),
    Finished,
    Acquire(String),
    Release(String),
    /// A call into the threading or queue library (`Queue.put`).
    Call(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    pub time: u64,
    pub thread: ThreadId,
    pub line: u32,
    pub activity: Activity,
}

/// A traced run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    /// Thread names, by thread id.
    pub threads: Vec<String>,
    pub decisions: Vec<TracedDecision>,
    pub timeline: Vec<Moment>,
    /// Virtual time at the end of the run, in ns.
    pub end_time: u64,
}

impl Machine<'_> {
    /// Record that thread `t` is now in `kind` (a no-op unless tracing).
    pub(crate) fn record(&mut self, t: ThreadId, kind: TimelineKind) {
        if self.vm.records_timeline() {
            let line = self.vm.current_line(&self.threads[t].vm);
            self.vm.record(t, line, kind);
        }
    }

    /// Record that thread `t` blocked, naming what on (after its state was set).
    pub(crate) fn record_blocked(&mut self, t: ThreadId) {
        if self.vm.records_timeline() {
            if let crate::machine::State::Blocked(wait) = &self.threads[t].state {
                let what = self.describe_wait(t, wait);
                self.record(t, TimelineKind::Blocked(what));
            }
        }
    }

    /// Record a lock the scheduler handed to a woken waiter, as the VM records the others.
    pub(crate) fn record_acquire(&mut self, t: ThreadId, lock: u64) {
        if self.vm.records_timeline() && self.vm.library_call(&self.threads[t].vm).is_none() {
            self.record(t, TimelineKind::Acquire(lock));
        }
    }

    /// The trace, built before the run's heap is torn down (lock names are looked up in it).
    pub(crate) fn take_trace(&mut self) -> Option<Trace> {
        let decisions = self.traced_decisions.take()?;
        let events = self.vm.take_timeline();
        let timeline = events.into_iter().map(|event| self.moment(event)).collect();
        let threads = (0..self.threads.len()).map(|t| self.thread_name(t)).collect();
        Some(Trace { threads, decisions, timeline, end_time: self.vm.now() })
    }

    fn moment(&self, event: TimelineEvent) -> Moment {
        let TimelineEvent { time, thread, line, kind } = event;
        let activity = match kind {
            TimelineKind::Running => Activity::Running,
            TimelineKind::WaitingForGil => Activity::WaitingForGil,
            TimelineKind::WaitingForCore => Activity::WaitingForCore,
            TimelineKind::Blocked(what) => Activity::Blocked(what),
            TimelineKind::Finished => Activity::Finished,
            TimelineKind::Acquire(lock) => Activity::Acquire(self.lock_label(lock)),
            TimelineKind::Release(lock) => Activity::Release(self.lock_label(lock)),
            TimelineKind::Call(code) => Activity::Call(self.vm.code_qualname(code).to_string()),
        };
        Moment { time, thread, line, activity }
    }
}
