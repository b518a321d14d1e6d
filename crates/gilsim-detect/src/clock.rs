//! Vector clocks and the happens-before relation of a run (Lamport, "Time, clocks, and the
//! ordering of events", 1978; vector clocks after Fidge and Mattern, 1988).
//!
//! Invariant: event `e` of thread `u` at `u`'s own clock value `c` happens before the
//! current point of thread `t` iff `c <= clock(t)[u]`.

use crate::event::ThreadId;

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
    /// Indexed by lock number (the VM numbers locks densely from 1): the clock of each lock's
    /// last release.
    locks: Vec<VectorClock>,
}

/// Thread `t`'s clock, which starts at 1 in its own component.
fn clock_of(threads: &mut Vec<VectorClock>, t: ThreadId) -> &mut VectorClock {
    if threads.len() <= t {
        threads.resize_with(t + 1, VectorClock::default);
    }
    let clock = &mut threads[t];
    if clock.get(t) == 0 {
        clock.tick(t);
    }
    clock
}

impl HappensBefore {
    /// Thread `t`'s own component now: the epoch of its current event.
    pub fn epoch(&self, t: ThreadId) -> u32 {
        self.threads.get(t).map_or(1, |c| c.get(t).max(1))
    }

    /// Whether the event of `u` at epoch `epoch` happens before the current point of `t`.
    pub fn ordered_before(&self, u: ThreadId, epoch: u32, t: ThreadId) -> bool {
        u == t || self.threads.get(t).is_some_and(|c| epoch <= c.get(u))
    }

    pub fn acquire(&mut self, t: ThreadId, lock: u64) {
        if let Some(released) = usize::try_from(lock).ok().and_then(|i| self.locks.get(i)) {
            clock_of(&mut self.threads, t).join(released);
        }
    }

    pub fn release(&mut self, t: ThreadId, lock: u64) {
        let Ok(i) = usize::try_from(lock) else { return };
        if self.locks.len() <= i {
            self.locks.resize_with(i + 1, VectorClock::default);
        }
        let clock = clock_of(&mut self.threads, t);
        self.locks[i].join(clock);
        clock.tick(t);
    }

    pub fn start(&mut self, parent: ThreadId, child: ThreadId) {
        let clock = clock_of(&mut self.threads, parent).clone();
        clock_of(&mut self.threads, child).join(&clock);
        clock_of(&mut self.threads, parent).tick(parent);
    }

    pub fn join(&mut self, joiner: ThreadId, joined: ThreadId) {
        let clock = clock_of(&mut self.threads, joined).clone();
        clock_of(&mut self.threads, joiner).join(&clock);
    }
}
