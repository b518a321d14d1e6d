//! GIL statistics of a run: per thread, the virtual time it held its process's GIL and waited
//! for it, and how it let go — *voluntary* drops (it blocked: a lock, a sleep, I/O, a join; or
//! yielded) and *forced* ones (a waiter's drop request after the switch interval in the new GIL,
//! the old GIL's ticks or a preemptive decision handing the GIL to another thread). Per run: the
//! longest single wait and the convoy measure — the mean wait for the GIL of a thread that has
//! just woken from a blocking call, which is how long an I/O-bound thread's every operation is
//! delayed behind a CPU-bound one (Beazley, "Understanding the Python GIL", PyCon 2010).
//!
//! Invariant: a thread's account is in at most one interval at a time (waiting or holding);
//! intervals are closed with the machine's virtual time, so the statistics are a pure function
//! of the run. Free-threaded runs (no GIL) keep no account.

use serde::Serialize;

/// One thread's GIL account while the run goes on.
#[derive(Clone, Debug, Default)]
pub(crate) struct GilAccount {
    held_since: Option<u64>,
    /// When its current wait began, and whether it began with a wake-up from blocking.
    waiting_since: Option<(u64, bool)>,
    hold_ns: u64,
    wait_ns: u64,
    longest_wait_ns: u64,
    forced_drops: u64,
    voluntary_drops: u64,
    acquisitions: u64,
    wakeup_waits: u64,
    wakeup_wait_ns: u64,
}

/// How a holder let go of the GIL.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Release {
    /// It blocked or yielded.
    Voluntary,
    /// The policy made it hand the GIL over.
    Forced,
    /// It finished (or its process ended): not a drop.
    End,
}

impl GilAccount {
    pub(crate) fn wait_begins(&mut self, now: u64, woken: bool) {
        if self.waiting_since.is_none() {
            self.waiting_since = Some((now, woken));
        }
    }

    /// The wait ends without the GIL (the thread's process ended).
    pub(crate) fn wait_abandoned(&mut self, now: u64) {
        self.close_wait(now);
    }

    /// Since when it holds the GIL, if it does.
    pub(crate) fn held_since(&self) -> Option<u64> {
        self.held_since
    }

    pub(crate) fn granted(&mut self, now: u64) {
        self.close_wait(now);
        if self.held_since.is_none() {
            self.held_since = Some(now);
            self.acquisitions += 1;
        }
    }

    pub(crate) fn released(&mut self, now: u64, how: Release) {
        let Some(since) = self.held_since.take() else { return };
        self.hold_ns += now.saturating_sub(since);
        match how {
            Release::Voluntary => self.voluntary_drops += 1,
            Release::Forced => self.forced_drops += 1,
            Release::End => {}
        }
    }

    fn close_wait(&mut self, now: u64) {
        let Some((since, woken)) = self.waiting_since.take() else { return };
        let waited = now.saturating_sub(since);
        self.wait_ns += waited;
        self.longest_wait_ns = self.longest_wait_ns.max(waited);
        if woken {
            self.wakeup_waits += 1;
            self.wakeup_wait_ns += waited;
        }
    }

    /// The account at the run's end (`now`), intervals still open counted up to it.
    pub(crate) fn finish(mut self, thread: String, now: u64) -> ThreadGilStats {
        self.close_wait(now);
        self.released(now, Release::End);
        ThreadGilStats {
            thread,
            hold_ns: self.hold_ns,
            wait_ns: self.wait_ns,
            longest_wait_ns: self.longest_wait_ns,
            forced_drops: self.forced_drops,
            voluntary_drops: self.voluntary_drops,
            acquisitions: self.acquisitions,
            wakeup_waits: self.wakeup_waits,
            wakeup_wait_ns: self.wakeup_wait_ns,
        }
    }
}

/// One thread's GIL statistics (virtual nanoseconds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ThreadGilStats {
    /// The thread's name as findings show it.
    pub thread: String,
    pub hold_ns: u64,
    pub wait_ns: u64,
    pub longest_wait_ns: u64,
    pub forced_drops: u64,
    pub voluntary_drops: u64,
    /// Times it took the GIL.
    pub acquisitions: u64,
    /// Waits that began with a wake-up from blocking, and their total.
    pub wakeup_waits: u64,
    pub wakeup_wait_ns: u64,
}

impl ThreadGilStats {
    /// Its mean wait for the GIL after waking from a blocking call: an I/O-bound thread's
    /// response time (None when it never woke to wait).
    pub fn wakeup_wait_mean_ns(&self) -> Option<u64> {
        (self.wakeup_waits > 0).then(|| self.wakeup_wait_ns / self.wakeup_waits)
    }
}

/// The run's GIL statistics: per thread, and the run's figures drawn from them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GilStats {
    pub threads: Vec<ThreadGilStats>,
}

impl GilStats {
    /// The longest single wait for the GIL, and the thread that waited.
    pub fn longest_wait(&self) -> Option<(&str, u64)> {
        self.threads
            .iter()
            .filter(|t| t.longest_wait_ns > 0)
            .max_by_key(|t| t.longest_wait_ns)
            .map(|t| (t.thread.as_str(), t.longest_wait_ns))
    }

    /// The convoy measure: the mean wait for the GIL after a wake-up from blocking (None when
    /// no thread woke to wait).
    pub fn wakeup_wait_mean_ns(&self) -> Option<u64> {
        let waits: u64 = self.threads.iter().map(|t| t.wakeup_waits).sum();
        let total: u64 = self.threads.iter().map(|t| t.wakeup_wait_ns).sum();
        (waits > 0).then(|| total / waits)
    }

    pub fn is_empty(&self) -> bool {
        self.threads.is_empty()
    }
}
