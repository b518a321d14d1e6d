//! The run's timeline for `--trace` (design §8): what each thread did when, in virtual time.
//! The interpreter records the synchronisation it performs (lock operations, calls from the
//! script into the threading and queue libraries); the runtime records the scheduler's side
//! (who holds the GIL, who waits for it, who is blocked on what) into the same list, so the
//! list is in the order things happened.
//!
//! Invariant: recording never changes the run — it is off (`Vm::timeline` is None) unless
//! asked for, and only appends.

use crate::frame::Thread;
use crate::Vm;
use gilsim_bytecode::CodeId;
use gilsim_detect::ThreadId;

/// What happened to a thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimelineKind {
    /// It holds the GIL and runs.
    Running,
    /// It is ready and waits for the GIL.
    WaitingForGil,
    /// It is ready and waits for a free core (no GIL: more runnable threads than cores).
    WaitingForCore,
    /// It is blocked; the text says on what (`lock_a held by Thread-1`, `Queue.get()`).
    Blocked(String),
    Finished,
    /// The script acquired lock number `n` (not the library's own locks).
    Acquire(u64),
    /// The script released lock number `n`.
    Release(u64),
    /// The script called a library function (`Queue.put`, `Event.wait`, `Thread.start`).
    Call(CodeId),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEvent {
    /// Virtual time, in ns.
    pub time: u64,
    pub thread: ThreadId,
    /// The script line the thread was at (0: none yet).
    pub line: u32,
    pub kind: TimelineKind,
}

impl Vm {
    /// Record `kind` for thread `thread` at script line `line`, now, if recording.
    pub fn record(&mut self, thread: ThreadId, line: u32, kind: TimelineKind) {
        let time = self.now();
        if let Some(timeline) = &mut self.timeline {
            timeline.push(TimelineEvent { time, thread, line, kind });
        }
    }

    /// Record a lock operation the script made itself (inside library code, the library call
    /// is what the timeline shows).
    pub(crate) fn record_lock(&mut self, th: &Thread, lock: u64, acquired: bool) {
        if self.timeline.is_none() || self.library_call(th).is_some() {
            return;
        }
        let kind = if acquired { TimelineKind::Acquire(lock) } else { TimelineKind::Release(lock) };
        self.record(th.tid, self.current_line(th), kind);
    }

    /// Record a call of library function `code` made directly by the script.
    #[inline]
    pub(crate) fn record_call(&mut self, th: &Thread, caller: CodeId, code: CodeId) {
        // Only the script's own calls: not the library calling itself, nor a thread's start.
        if self.timeline.is_none() || !self.program.is_library(code) || self.program.is_library(caller) {
            return;
        }
        self.record(th.tid, self.current_line(th), TimelineKind::Call(code));
    }

    /// The name a timeline shows for library function `code` (`Queue.put`).
    pub fn code_qualname(&self, code: CodeId) -> &str {
        &self.program.codes[code as usize].qualname
    }
}
