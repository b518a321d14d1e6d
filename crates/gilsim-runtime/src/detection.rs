//! The runtime's side of the detectors: feeding them the runtime's own events
//! (start, join, contended acquires, blocking), stopping the run when a deadlock closes, and
//! turning detector reports into findings with thread names, lock names and source lines.

use crate::machine::{Machine, State};
use crate::outcome::{BlockedThread, Finding, FindingKind, SourceNote, Status};
use crate::waits::{Wait, WaitKind};
use gilsim_detect::{CycleStep, Event, ThreadId, WaitTarget};

/// How many blocked threads a hang finding's message and source notes name.
const HANG_THREADS_LISTED: usize = 8;

impl Machine<'_> {
    pub(crate) fn observe(&mut self, event: Event) {
        if let Some(detectors) = self.vm.detectors_mut() {
            detectors.observe(&event);
        }
    }

    /// Thread `t` blocked: an untimed wait for a lock or a thread becomes a wait-for edge.
    pub(crate) fn note_blocked(&mut self, t: ThreadId, kind: &WaitKind, deadline: Option<u64>, line: u32) {
        if deadline.is_some() {
            return;
        }
        let target = match kind {
            WaitKind::Lock { lock, .. } if !lock.waiter.get() => WaitTarget::Lock(lock.number),
            WaitKind::Join(joined) => WaitTarget::Join(*joined),
            _ => return,
        };
        let Some(detectors) = self.vm.detectors_mut() else { return };
        if let Some(cycle) = detectors.wait_for.blocked(t, target, line) {
            if self.cycle_may_break(t, kind, &cycle) {
                self.open_cycles.push(t);
                return;
            }
            let finding = self.deadlock_finding(&cycle);
            self.findings.push(finding);
            if !self.options.keep_going {
                gilsim_vm::footprint::note_run_ends();
                self.stop = Some(Status::Deadlock);
            }
        }
    }

    /// Whether a wait-for cycle that thread `t` (blocking on `kind`) just closed may still
    /// break: one of its locks is a plain `Lock`, which any thread may release (a hand-off
    /// between threads: Real Python's two-lock pipeline), and a thread outside the cycle can
    /// still run (runnable, or waiting with a timeout).
    fn cycle_may_break(&self, t: ThreadId, kind: &WaitKind, cycle: &[CycleStep]) -> bool {
        let wait_of = |s: &CycleStep| match &self.threads[s.thread].state {
            _ if s.thread == t => Some(kind),
            State::Blocked(wait) => Some(&wait.kind),
            _ => None,
        };
        let releasable = cycle
            .iter()
            .filter_map(wait_of)
            .any(|kind| matches!(kind, WaitKind::Lock { lock, .. } if lock.kind != gilsim_vm::LockKind::RLock));
        releasable
            && self.threads.iter().enumerate().any(|(i, th)| {
                let in_cycle = cycle.iter().any(|s| s.thread == i);
                !in_cycle
                    && match &th.state {
                        State::Runnable => true,
                        State::Blocked(wait) => wait.deadline.is_some(),
                        State::Finished => false,
                    }
            })
    }

    /// At the end of a run, the cycles left open (see [`Machine::cycle_may_break`]) that no
    /// thread broke: deadlocks. A run that ended blocked ends in a deadlock then.
    pub(crate) fn close_open_cycles(&mut self, status: Status) -> Status {
        let mut status = status;
        let mut reported: Vec<Vec<CycleStep>> = Vec::new();
        for t in std::mem::take(&mut self.open_cycles) {
            if !self.threads[t].is_blocked() {
                continue;
            }
            let Some(cycle) = self.vm.detectors().and_then(|d| d.wait_for.cycle_through(t)) else { continue };
            if reported.contains(&cycle) {
                continue;
            }
            let finding = self.deadlock_finding(&cycle);
            self.findings.push(finding);
            reported.push(cycle);
            if status == Status::Blocked {
                status = Status::Deadlock;
            }
        }
        status
    }

    pub(crate) fn note_unblocked(&mut self, t: ThreadId) {
        if let Some(detectors) = self.vm.detectors_mut() {
            detectors.wait_for.unblocked(t);
        }
    }

    pub(crate) fn lock_label(&self, lock: u64) -> String {
        self.vm.lock_name(lock).unwrap_or_else(|| format!("Lock#{lock}"))
    }

    fn target_name(&self, target: WaitTarget) -> String {
        match target {
            WaitTarget::Lock(lock) => self.lock_label(lock),
            WaitTarget::Join(t) => format!("{} to finish", self.thread_name(t)),
        }
    }

    fn deadlock_finding(&self, cycle: &[CycleStep]) -> Finding {
        let name = |t: ThreadId| self.thread_name(t);
        let mut message = String::new();
        let mut locations = Vec::new();
        // Each step links to the next by what it waits for: a lock's holder, or a joined
        // thread (which is the next step's thread).
        let link = |target: WaitTarget, next: ThreadId| match target {
            WaitTarget::Lock(_) => format!(" ← held by {}", name(next)),
            WaitTarget::Join(_) => format!(" ← {}", name(next)),
        };
        for (i, step) in cycle.iter().enumerate() {
            if i > 0 {
                message.push_str(&link(cycle[i - 1].waits_for, step.thread));
                message.push_str(", which");
            } else {
                message.push_str(&name(step.thread));
            }
            if let Some((lock, line)) = step.holds {
                let lock = self.lock_label(lock);
                message.push_str(&format!(" holds {lock} (line {line}),"));
                locations.push(SourceNote { line, note: format!("{} acquires {lock}", name(step.thread)) });
            }
            let target = self.target_name(step.waits_for);
            message.push_str(&format!(" waits for {target} (line {})", step.line));
            locations.push(SourceNote { line: step.line, note: format!("{} waits for {target}", name(step.thread)) });
        }
        if let Some(last) = cycle.last() {
            message.push_str(&link(last.waits_for, cycle[0].thread));
        }
        let threads: Vec<String> = cycle.iter().map(|s| name(s.thread)).collect();
        Finding { cycle: Some(threads.clone()), ..Finding::new(FindingKind::Deadlock, threads, message, locations) }
    }

    /// Manifest lost updates and possible races, at the end of the run.
    pub(crate) fn access_findings(&self) -> Vec<Finding> {
        let Some(detectors) = self.vm.detectors() else { return Vec::new() };
        let name = |t: ThreadId| self.thread_name(t);
        let mut findings = Vec::new();
        let mut manifest = Vec::new();
        for lost in detectors.accesses.lost_updates() {
            manifest.push(lost.loc);
            let place = self.vm.location_name_of(lost.loc);
            let (reader, other) = (name(lost.write.thread), name(lost.lost.thread));
            let times = if lost.count == 1 { "once".to_string() } else { format!("{} times", lost.count) };
            let message = format!(
                "`{place}`: {reader} read {} (line {}), {other} wrote {} (line {}), then {reader} wrote {} (line {}) \
                 over it — {other}'s update is lost ({times} in this run)",
                lost.read.value, lost.read.line, lost.lost.value, lost.lost.line, lost.write.value, lost.write.line
            );
            let locations = vec![
                SourceNote { line: lost.read.line, note: format!("{reader} reads `{place}`") },
                SourceNote { line: lost.lost.line, note: format!("{other} writes `{place}`") },
                SourceNote { line: lost.write.line, note: format!("{reader} overwrites `{place}`") },
            ];
            findings.push(Finding::new(FindingKind::LostUpdate, vec![reader, other], message, locations));
        }
        for race in detectors.accesses.races().iter().filter(|r| !manifest.contains(&r.loc)) {
            let place = self.vm.location_name_of(race.loc);
            let (rmw, other) = (name(race.write.thread), name(race.other.thread));
            let what = if race.other_is_rmw { "read-modify-write" } else { "write" };
            let message = format!(
                "`{place}`: {rmw}'s read-modify-write (read line {}, write line {}) and {other}'s {what} (line {}) \
                 are not ordered by any lock, join or hand-off; another schedule can lose an update",
                race.read.line, race.write.line, race.other.line
            );
            let locations = vec![
                SourceNote { line: race.read.line, note: format!("{rmw} reads `{place}`") },
                SourceNote { line: race.write.line, note: format!("{rmw} writes `{place}`") },
                SourceNote { line: race.other.line, note: format!("{other} writes `{place}`") },
            ];
            findings.push(Finding::new(FindingKind::PossibleRace, vec![rmw, other], message, locations));
        }
        findings
    }

    /// The hang finding for a run that ended blocked: every blocked thread, what it waits for
    /// and why it never can go on (`reasons`, one per thread). None when the detectors are off
    /// or a deadlock already explains the end.
    pub(crate) fn hang_finding(&self, blocked: &[BlockedThread], reasons: &[String]) -> Option<Finding> {
        let deadlocked = self.findings.iter().any(|f| f.kind == FindingKind::Deadlock);
        if self.vm.detectors().is_none() || deadlocked || blocked.is_empty() {
            return None;
        }
        let notes: Vec<SourceNote> = blocked
            .iter()
            .zip(reasons)
            .map(|(b, reason)| SourceNote {
                line: b.line,
                note: format!("{} waits for {}: {reason}", b.thread, b.waiting_for),
            })
            .collect();
        // Thousands of blocked threads make one unreadable line: name the first few (the
        // finding's thread list keeps them all).
        let mut listed: Vec<&str> = notes.iter().take(HANG_THREADS_LISTED).map(|n| n.note.as_str()).collect();
        let more = notes.len().saturating_sub(HANG_THREADS_LISTED);
        let and_more = format!("and {more} more blocked threads");
        if more > 0 {
            listed.push(&and_more);
        }
        let message = format!("no thread can run and no timeout is pending: {}", listed.join("; "));
        let threads = blocked.iter().map(|b| b.thread.clone()).collect();
        let locations = notes.into_iter().filter(|n| n.line > 0).take(HANG_THREADS_LISTED).collect();
        Some(Finding::new(FindingKind::Hang, threads, message, locations))
    }

    /// Why a blocked thread can never go on, when no deadlock cycle explains it.
    pub(crate) fn hang_reason(&self, tid: ThreadId, wait: &Wait) -> String {
        if let Some(call) = self.blocking_call(tid) {
            // `call` is a library qualname: `Event.wait`, `BoundedSemaphore.acquire`,
            // `Queue.get` (the queue classes share Queue's methods).
            let (class, method) = call.split_once('.').unwrap_or(("", &call));
            let reason = match (class, method) {
                ("Event", _) => "lost wakeup: the Event is never set",
                ("Condition", _) => "lost wakeup: the Condition is never notified",
                ("Semaphore" | "BoundedSemaphore", _) => "the semaphore is never released",
                ("Barrier", _) => "the Barrier is short of parties",
                ("Process", "join") => "the process never exits",
                ("Future", _) => "the future never completes",
                ("Connection", "recv") => "nobody will send on the pipe",
                ("Queue", "_feed") | ("Connection", "send" | "send_bytes") | ("SimpleQueue", "put") => {
                    "the pipe is full and nobody reads from it"
                }
                ("Queue", "_finalize_join") => "the queue's feeder thread never finishes",
                (_, "get") => "nobody will put to the queue",
                (_, "put") => "nobody will take from the full queue",
                (_, "join") => "task_done() is never called for every item",
                _ => "waits for a notification that never comes",
            };
            return reason.to_string();
        }
        match &wait.kind {
            WaitKind::Lock { lock, .. } => match lock.owner.get() {
                Some(owner) if self.vm.thread_has_finished(&self.threads[owner].vm) => {
                    format!("{} finished without releasing it", self.thread_name(owner))
                }
                Some(owner) => format!("its holder {} is blocked too", self.thread_name(owner)),
                None => "nobody will release it".to_string(),
            },
            WaitKind::Join(joined) => match self.threads.get(*joined).map(|t| t.is_blocked()) {
                Some(true) => format!("{} is blocked too", self.thread_name(*joined)),
                _ => "the joined thread never finishes".to_string(),
            },
            WaitKind::Process(_) => "the process never exits".to_string(),
            WaitKind::Sleep | WaitKind::StartHandshake(_) | WaitKind::Creation | WaitKind::Fork { .. } => {
                "waits forever".to_string()
            }
        }
    }
}
