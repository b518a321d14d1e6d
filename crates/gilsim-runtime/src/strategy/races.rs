//! Races between the steps of a run, for [`super::dpor`]: pairs of conflicting steps of
//! different threads that nothing else orders, found with vector clocks (Flanagan &
//! Godefroid, POPL 2005, with clocks as in Flanagan & Freund's FastTrack, PLDI 2009).
//!
//! Invariant: a clock entry is a *point* within a step ([`at`]), not a whole step, so that a
//! release passes on only what its step did before it.

use crate::StepRecord;
use gilsim_detect::ThreadId;
use gilsim_vm::footprint::{LockOp, Resource, Sync};
use std::collections::BTreeMap;

/// A point in a run: step `step`, at `local` within it — `2e` for its accesses made after
/// `e` of its syncs, `2i + 1` for its sync `i`. Never 0, which clocks use for "nothing known".
pub(super) fn at(step: usize, local: usize) -> u64 {
    ((step as u64) << 32 | local as u64) + 1
}

/// The end of step `k` (everything it did).
pub(super) fn end_of(k: usize, step: &StepRecord) -> u64 {
    at(k, 2 * step.footprint.syncs.len())
}

/// Where a step touched a resource: the step and the point of its last touch.
type Touch = (usize, u64);

#[derive(Default)]
struct Accesses {
    last_write: Option<Touch>,
    /// Reads since the last write, the latest per thread.
    reads: Vec<Touch>,
}

#[derive(Default)]
struct LockHistory {
    last_acquire: Option<Touch>,
    /// The last release, and what was known at it (what an acquire after it follows).
    last_release: Option<(Touch, Vec<u64>)>,
    /// Peeks since the last acquire or release.
    peeks: Vec<Touch>,
}

/// A conflict of the step being checked: the other step and where in it, and the index of
/// the sync before which the checked step made its side of the conflict.
struct Conflict {
    step: usize,
    at: u64,
    before_sync: usize,
}

/// The races of a run: pairs (j, k) of conflicting steps of different threads, j before k,
/// where nothing but their own conflict orders j before k. Happens-before is tracked with
/// vector clocks whose entries are points in the run ([`at`]): a release passes on what was
/// known at the release, not what its step did after it, and likewise a start; a join passes
/// on the joined thread's whole run. Conflicts are taken at the checked step's first touch
/// and the other step's last, so a step's accesses before its acquire are checked without
/// the release that acquire follows. Also returns each thread's clock after its latest step.
pub(super) fn races(steps: &[StepRecord]) -> (Vec<(usize, usize)>, Vec<Vec<u64>>) {
    let threads = steps.iter().map(|s| s.thread + 1).max().unwrap_or(0);
    let mut clocks: Vec<Vec<u64>> = Vec::with_capacity(steps.len());
    let mut latest: Vec<Option<usize>> = vec![None; threads];
    let mut accesses: BTreeMap<Resource, Accesses> = BTreeMap::new();
    let mut locks: BTreeMap<u64, LockHistory> = BTreeMap::new();
    let mut spawned: BTreeMap<ThreadId, Vec<u64>> = BTreeMap::new();
    let mut races = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        let p = step.thread;
        let mut base = match latest[p] {
            Some(previous) => clocks[previous].clone(),
            None => spawned.remove(&p).unwrap_or_else(|| vec![0; threads]),
        };
        for &a in &step.after {
            join(&mut base, &clocks[a]);
        }
        let mut conflicts: Vec<Conflict> = Vec::new();
        for access in &step.footprint.accesses {
            let seen = accesses.entry(access.resource).or_default();
            let before_sync = access.first as usize;
            let mut conflict = |(step, at): Touch| conflicts.push(Conflict { step, at, before_sync });
            seen.last_write.into_iter().for_each(&mut conflict);
            if access.write {
                seen.reads.iter().copied().for_each(conflict);
            }
        }
        // `known[i]`: the clock before sync i, after the ones before it.
        let mut known = vec![base];
        for (i, &sync) in step.footprint.syncs.iter().enumerate() {
            let here = at(k, 2 * i + 1);
            let mut next = known[i].clone();
            let mut conflict = |(step, at): Touch| conflicts.push(Conflict { step, at, before_sync: i });
            // What this step knows at this sync: passed on by a release or a start.
            let passed_on = |conflicts: &[Conflict]| {
                let mut clock = known[i].clone();
                for c in conflicts.iter().filter(|c| c.before_sync <= i && steps[c.step].thread != p) {
                    join(&mut clock, &clocks[c.step]);
                }
                clock[p] = here;
                clock
            };
            match sync {
                Sync::Lock(op) => {
                    let history = locks.entry(op.lock()).or_default();
                    match op {
                        LockOp::Acquire(_) => {
                            history.last_acquire.into_iter().for_each(&mut conflict);
                            history.peeks.iter().copied().for_each(&mut conflict);
                            if let Some(((_, _), released)) = &history.last_release {
                                join(&mut next, released);
                            }
                            history.last_acquire = Some((k, here));
                            history.peeks.clear();
                        }
                        LockOp::Release(_) => {
                            history.last_acquire.into_iter().for_each(&mut conflict);
                            history.peeks.iter().copied().for_each(&mut conflict);
                            history.peeks.clear();
                            let released = passed_on(&conflicts);
                            locks.entry(op.lock()).or_default().last_release = Some(((k, here), released));
                        }
                        LockOp::Peek(_) => {
                            let release = history.last_release.as_ref().map(|(touch, _)| *touch);
                            let last = history.last_acquire.max(release);
                            last.into_iter().for_each(conflict);
                            history.peeks.push((k, here));
                        }
                    }
                }
                Sync::Joined(thread) => {
                    if let Some(exit) = latest.get(thread).copied().flatten() {
                        join(&mut next, &clocks[exit]);
                    }
                }
                Sync::Spawn(child) => {
                    spawned.insert(child, passed_on(&conflicts));
                }
            }
            known.push(next);
        }
        conflicts.retain(|c| steps[c.step].thread != p);
        let mut clock = known.last().expect("starts with the base").clone();
        for c in &conflicts {
            join(&mut clock, &clocks[c.step]);
        }
        clock[p] = end_of(k, step);
        let mut racing: Vec<usize> = Vec::new();
        for c in &conflicts {
            let q = steps[c.step].thread;
            // Only the latest conflicting step of each thread can race; earlier ones precede it.
            if racing.contains(&c.step) || conflicts.iter().any(|d| d.step > c.step && steps[d.step].thread == q) {
                continue;
            }
            let mut others = known[c.before_sync].clone();
            for d in conflicts.iter().filter(|d| d.step != c.step) {
                join(&mut others, &clocks[d.step]);
            }
            if others[q] < c.at {
                racing.push(c.step);
            }
        }
        racing.sort_unstable();
        races.extend(racing.into_iter().map(|j| (j, k)));
        clocks.push(clock);
        latest[p] = Some(k);
        for access in &step.footprint.accesses {
            let seen = accesses.entry(access.resource).or_default();
            let touch = (k, at(k, 2 * access.last as usize));
            if access.write {
                seen.last_write = Some(touch);
                seen.reads.clear();
            } else {
                seen.reads.retain(|&(r, _)| steps[r].thread != p);
                seen.reads.push(touch);
            }
        }
    }
    let thread_clocks = latest.iter().map(|s| s.map_or_else(|| vec![0; threads], |s| clocks[s].clone())).collect();
    (races, thread_clocks)
}

fn join(into: &mut [u64], other: &[u64]) {
    for (a, b) in into.iter_mut().zip(other) {
        *a = (*a).max(*b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gilsim_vm::footprint::{Access, Footprint};

    fn step(thread: ThreadId, accesses: &[(Resource, bool, u32)], syncs: &[Sync]) -> StepRecord {
        let mut accesses: Vec<Access> =
            accesses.iter().map(|&(resource, write, at)| Access { resource, write, first: at, last: at }).collect();
        accesses.sort_unstable();
        let footprint = Footprint { accesses, syncs: syncs.to_vec(), timed: false };
        StepRecord { thread, decision: None, footprint, after: Vec::new() }
    }

    const X: Resource = Resource::Global(1);

    #[test]
    fn conflicting_steps_of_two_threads_race_unless_something_orders_them() {
        let reads = step(1, &[(X, false, 0)], &[]);
        let writes = step(2, &[(X, true, 0)], &[]);
        assert_eq!(races(&[reads.clone(), writes.clone()]).0, [(0, 1)]);
        assert_eq!(races(&[reads.clone(), reads.clone()]).0, [], "reads commute");
        // The same thread: program order.
        assert_eq!(races(&[writes.clone(), writes.clone()]).0, []);
        // Ordered by a hand-off: thread 2's step follows thread 1's.
        let handed = StepRecord { after: vec![0], ..writes };
        assert_eq!(races(&[reads, handed]).0, []);
    }

    #[test]
    fn acquisitions_race_but_what_a_lock_protects_does_not() {
        let lock = |op| Sync::Lock(op);
        // Thread 1 writes X inside the lock; thread 2 then takes the lock and writes X.
        let first = step(1, &[(X, true, 1)], &[lock(LockOp::Acquire(7)), lock(LockOp::Release(7))]);
        let second = step(2, &[(X, true, 1)], &[lock(LockOp::Acquire(7)), lock(LockOp::Release(7))]);
        assert_eq!(races(&[first.clone(), second]).0, [(0, 1)], "only the acquisitions race");
        // Thread 2 writes X before it takes the lock: that write races too (the release it
        // waits for orders only what follows the acquire). One race per pair of steps.
        let early = step(2, &[(X, true, 0)], &[lock(LockOp::Acquire(7))]);
        assert_eq!(races(&[first.clone(), early]).0, [(0, 1)]);
        // What a step did after its release is not passed on by the release.
        let after_release = step(1, &[(X, true, 2)], &[lock(LockOp::Acquire(7)), lock(LockOp::Release(7))]);
        let reader = step(2, &[(X, false, 1)], &[lock(LockOp::Acquire(7))]);
        let separate = step(3, &[], &[lock(LockOp::Acquire(7))]);
        assert_eq!(races(&[after_release, reader]).0, [(0, 1)]);
        assert_eq!(races(&[first, separate]).0, [(0, 1)]);
    }

    #[test]
    fn a_look_at_a_lock_races_with_its_release() {
        let held = step(1, &[], &[Sync::Lock(LockOp::Acquire(7))]);
        let look = step(2, &[], &[Sync::Lock(LockOp::Peek(7))]);
        let release = step(1, &[], &[Sync::Lock(LockOp::Release(7))]);
        assert_eq!(races(&[held, look, release]).0, [(0, 1), (1, 2)]);
    }

    #[test]
    fn a_join_orders_only_what_follows_it() {
        let exit = step(1, &[(Resource::ThreadState(1), true, 0)], &[]);
        let alive_then_join = step(0, &[(Resource::ThreadState(1), false, 0)], &[Sync::Joined(1)]);
        let join_then_read = step(0, &[(Resource::ThreadState(1), false, 1)], &[Sync::Joined(1)]);
        assert_eq!(races(&[exit.clone(), alive_then_join]).0, [(0, 1)]);
        assert_eq!(races(&[exit, join_then_read]).0, []);
    }
}
