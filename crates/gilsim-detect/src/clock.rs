//! Vector clocks and the happens-before relation of a run (Lamport, "Time, clocks, and the
//! ordering of events", 1978; vector clocks after Fidge and Mattern, 1988).
//!
//! Invariant: event `e` of thread `u` at `u`'s own clock value `c` happens before the
//! current point of thread `t` iff `c <= clock(t)[u]`.

use crate::event::ThreadId;
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VectorClock(Vec<u32>);

impl VectorClock {
    pub fn get(&self, t: ThreadId) -> u32 {
        self.0.get(t).copied().unwrap_or(0)
    }

    pub fn tick(&mut self, t: ThreadId) {
        if self.0.len() <= t {
            self.0.resize(t + 1, 0);
        }
        self.0[t] += 1;
    }

    /// Pointwise maximum.
    pub fn join(&mut self, other: &VectorClock) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            *mine = (*mine).max(*theirs);
        }
    }
}

/// The clocks of every thread and lock.
#[derive(Debug, Default)]
pub struct HappensBefore {
    threads: Vec<VectorClock>,
    /// Keyed by lock number; only looked up, never iterated.
    locks: HashMap<u64, VectorClock>,
}

impl HappensBefore {
    fn thread(&mut self, t: ThreadId) -> &mut VectorClock {
        if self.threads.len() <= t {
            self.threads.resize_with(t + 1, VectorClock::default);
        }
        let clock = &mut self.threads[t];
        if clock.get(t) == 0 {
            clock.tick(t);
        }
        clock
    }

    /// Thread `t`'s own component now: the epoch of its current event.
    pub fn epoch(&self, t: ThreadId) -> u32 {
        self.threads.get(t).map_or(1, |c| c.get(t).max(1))
    }

    /// Whether the event of `u` at epoch `epoch` happens before the current point of `t`.
    pub fn ordered_before(&self, u: ThreadId, epoch: u32, t: ThreadId) -> bool {
        u == t || self.threads.get(t).is_some_and(|c| epoch <= c.get(u))
    }

    pub fn acquire(&mut self, t: ThreadId, lock: u64) {
        if let Some(released) = self.locks.get(&lock).cloned() {
            self.thread(t).join(&released);
        }
    }

    pub fn release(&mut self, t: ThreadId, lock: u64) {
        let clock = self.thread(t).clone();
        self.locks.entry(lock).or_default().join(&clock);
        self.thread(t).tick(t);
    }

    pub fn start(&mut self, parent: ThreadId, child: ThreadId) {
        let clock = self.thread(parent).clone();
        self.thread(child).join(&clock);
        self.thread(parent).tick(parent);
    }

    pub fn join(&mut self, joiner: ThreadId, joined: ThreadId) {
        let clock = self.thread(joined).clone();
        self.thread(joiner).join(&clock);
    }
}
