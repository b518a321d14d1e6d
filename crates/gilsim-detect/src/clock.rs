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

    /// How many entries the clock holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The clocks of every thread and lock.
///
/// A finished thread's clock is kept only until it is first joined: the joiner's clock then
/// covers it, and keeping every finished clock would cost memory in the square of the threads
/// ever started (20,000 threads started and joined one after another took 935 MB). A later
/// join of the same thread by another thread learns from the first joiner instead, exactly when
/// that joiner has not moved on since, else not at all (a possible race may then be reported
/// that the second join would have ruled out).
#[derive(Clone, Debug, Default)]
pub struct HappensBefore {
    threads: Vec<VectorClock>,
    /// Each thread's own component, as [`HappensBefore::epoch`] gives it, kept up to date by
    /// every operation that changes a clock: a write of shared data reads it, and one load
    /// is cheaper there than the clock's two.
    epochs: Vec<u32>,
    /// Per finished thread already joined: the first joiner and its epoch just after the join.
    joined: Vec<Option<(ThreadId, u32)>>,
}

/// A lock's clock: what its last release knew. Kept with the lock (the VM's lock object holds
/// it), so that it dies with the lock: a program that makes a lock per request, or a
/// `Condition` that makes a waiter lock per wait, keeps only its live locks' clocks.
#[derive(Clone, Debug, Default)]
pub struct LockClock {
    released: VectorClock,
    /// A thread whose clock is known to cover `released`: it acquired the lock (joining
    /// `released` into its clock) and no other thread has released it since. Its next acquire
    /// would join nothing new — the common case of one thread taking a lock over and over.
    covered_by: Option<ThreadId>,
}

/// Thread `t`'s clock, which starts at 1 in its own component.
#[inline]
fn clock_of(threads: &mut Vec<VectorClock>, t: ThreadId) -> &mut VectorClock {
    if threads.get(t).is_some_and(|clock| clock.get(t) != 0) {
        return &mut threads[t];
    }
    started_clock(threads, t)
}

/// [`clock_of`] a thread seen for the first time (or whose clock was taken by its join).
#[inline(never)]
fn started_clock(threads: &mut Vec<VectorClock>, t: ThreadId) -> &mut VectorClock {
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
    #[inline]
    pub fn epoch(&self, t: ThreadId) -> u32 {
        self.epochs.get(t).copied().unwrap_or(1)
    }

    /// Record thread `t`'s epoch after its clock changed.
    fn refresh(&mut self, t: ThreadId) {
        let epoch = self.threads.get(t).map_or(1, |c| c.get(t).max(1));
        self.set_epoch(t, epoch);
    }

    #[inline]
    fn set_epoch(&mut self, t: ThreadId, epoch: u32) {
        match self.epochs.get_mut(t) {
            Some(kept) => *kept = epoch,
            None => {
                self.epochs.resize(t + 1, 1);
                self.epochs[t] = epoch;
            }
        }
    }

    /// Whether the event of `u` at epoch `epoch` happens before the current point of `t`.
    pub fn ordered_before(&self, u: ThreadId, epoch: u32, t: ThreadId) -> bool {
        u == t || self.threads.get(t).is_some_and(|c| epoch <= c.get(u))
    }

    /// Thread `t` acquired the lock whose clock is `lock`.
    pub fn acquire(&mut self, t: ThreadId, lock: &mut LockClock) {
        // A joined thread's clock is gone (a new one would start over): it covers nothing.
        let joined = self.joined.get(t).is_some_and(Option::is_some);
        if lock.covered_by != Some(t) || joined {
            clock_of(&mut self.threads, t).join(&lock.released);
            lock.covered_by = Some(t);
            // Others only know `t`'s past epochs: its own moves only for a clock that its
            // join took, begun again.
            if joined {
                self.refresh(t);
            }
        }
    }

    /// Thread `t` released the lock whose clock is `lock`.
    pub fn release(&mut self, t: ThreadId, lock: &mut LockClock) {
        let clock = clock_of(&mut self.threads, t);
        lock.released.join(clock);
        // A `Lock` may be released by a thread that did not acquire it: then the releaser
        // does not know what the acquirer's clock put in.
        if lock.covered_by != Some(t) {
            lock.covered_by = None;
        }
        clock.tick(t);
        let epoch = clock.get(t);
        self.set_epoch(t, epoch);
    }

    pub fn start(&mut self, parent: ThreadId, child: ThreadId) {
        let clock = clock_of(&mut self.threads, parent).clone();
        clock_of(&mut self.threads, child).join(&clock);
        clock_of(&mut self.threads, parent).tick(parent);
        self.refresh(parent);
        self.refresh(child);
    }

    pub fn join(&mut self, joiner: ThreadId, joined: ThreadId) {
        if let Some(Some((first, epoch))) = self.joined.get(joined).copied() {
            // Joined before, its clock gone: the first joiner knew it all at `epoch`.
            if first != joiner && self.epoch(first) == epoch {
                let clock = clock_of(&mut self.threads, first).clone();
                clock_of(&mut self.threads, joiner).join(&clock);
                self.refresh(first);
                self.refresh(joiner);
            }
            return;
        }
        let clock = std::mem::take(clock_of(&mut self.threads, joined));
        let joiner_clock = clock_of(&mut self.threads, joiner);
        joiner_clock.join(&clock);
        let epoch = joiner_clock.get(joiner);
        if self.joined.len() <= joined {
            self.joined.resize(joined + 1, None);
        }
        self.joined[joined] = Some((joiner, epoch));
        self.refresh(joined);
        self.refresh(joiner);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_merge_pointwise() {
        let mut a = VectorClock::default();
        let mut b = VectorClock::default();
        a.tick(1);
        a.tick(5);
        a.tick(5);
        b.tick(3);
        b.tick(5);
        b.tick(9);
        a.join(&b);
        assert_eq!((a.get(1), a.get(3), a.get(5), a.get(9), a.get(7)), (1, 1, 2, 1, 0));
        assert_eq!(a.len(), 10);
    }

    #[test]
    fn a_lock_released_by_another_thread_passes_on_what_that_thread_knew() {
        let mut hb = HappensBefore::default();
        let mut lock = LockClock::default();
        hb.start(0, 1);
        hb.start(0, 2);
        // Thread 1 takes and releases the lock twice: its second acquire joins nothing new.
        hb.acquire(1, &mut lock);
        hb.release(1, &mut lock);
        hb.acquire(1, &mut lock);
        // Thread 2, which never acquired it, releases it (a `Lock` allows that) after an
        // event at `epoch`; thread 1's next acquire must learn of that event.
        let epoch = hb.epoch(2);
        assert!(!hb.ordered_before(2, epoch, 1));
        hb.release(2, &mut lock);
        hb.acquire(1, &mut lock);
        assert!(hb.ordered_before(2, epoch, 1));
    }

    /// The kept epochs equal what the clocks say after every kind of operation.
    #[test]
    fn kept_epochs_follow_the_clocks() {
        let mut hb = HappensBefore::default();
        let check = |hb: &HappensBefore| {
            for t in 0..8 {
                let from_clock = hb.threads.get(t).map_or(1, |c| c.get(t).max(1));
                assert_eq!(hb.epoch(t), from_clock, "thread {t}");
            }
        };
        let mut locks: [LockClock; 3] = Default::default();
        let mut state = 7_u64;
        for _ in 0..2_000 {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let (a, b, lock) = ((state >> 33) as usize % 6, (state >> 45) as usize % 6, (state >> 57) as usize % 3);
            match (state >> 20) % 4 {
                0 => hb.acquire(a, &mut locks[lock]),
                1 => hb.release(a, &mut locks[lock]),
                2 if a != b => hb.start(a, b),
                3 if a != b => hb.join(a, b),
                _ => {}
            }
            check(&hb);
        }
    }

    #[test]
    fn finished_clocks_are_freed_once_joined() {
        let mut hb = HappensBefore::default();
        let mut lock = LockClock::default();
        for child in 1..=2_000 {
            hb.start(0, child);
            hb.release(child, &mut lock);
            hb.join(0, child);
        }
        // Only the main thread's clock (one entry per thread) and the lock's remain.
        let entries: usize = hb.threads.iter().map(VectorClock::len).sum();
        assert!(entries <= 2_001, "{entries} clock entries for 2,000 finished threads");
        assert!(hb.ordered_before(1_000, 1, 0), "the main thread still follows what it joined");
        // A second join by another thread, while the first joiner has not moved on, learns it.
        hb.start(0, 2_001);
        hb.join(2_001, 500);
        assert!(!hb.ordered_before(0, hb.epoch(0), 2_001));
    }
}
