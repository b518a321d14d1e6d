//! Races between the steps of a run, for [`super::dpor`]: pairs of conflicting steps of
//! different threads that nothing else orders, found with vector clocks (Flanagan &
//! Godefroid, POPL 2005, with clocks as in Flanagan & Freund's FastTrack, PLDI 2009).
//!
//! A step is not atomic for this purpose: it is a sequence of *segments* of accesses (whose
//! order within a segment is not recorded) separated by its syncs, and what a thread knows
//! grows along it — by an acquire, a join, or a conflict with another thread's earlier touch.
//! So each touch is checked against what its thread knew at that point, and each touch is
//! remembered with what its thread knew *then*: a step that learns something late must not
//! appear to have known it early (that hid races, and lost schedules).
//!
//! Invariant: a clock entry is a *point* within a step ([`at`]), not a whole step, and every
//! clock is an under-approximation of what happened before its point (never more), so a race
//! is never missed; at worst one is reported that a finer record would rule out.

use crate::StepRecord;
use gilsim_detect::ThreadId;
use gilsim_vm::footprint::{Access, LockOp, Resource, Sync};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// A point in a run: step `step`, at `local` within it — `2s` for the accesses of segment `s`
/// (after `s` of its syncs), `2i + 1` for its sync `i`. Never 0, which clocks use for
/// "nothing known".
pub(super) fn at(step: usize, local: usize) -> u64 {
    ((step as u64) << 32 | local as u64) + 1
}

/// The end of step `k` (everything it did).
pub(super) fn end_of(k: usize, step: &StepRecord) -> u64 {
    at(k, 2 * step.footprint.syncs.len())
}

type Clock = Vec<u64>;

/// A touch of a resource or lock: the step, its point, and what its thread knew there.
#[derive(Clone)]
struct Touch {
    step: usize,
    thread: ThreadId,
    point: u64,
    known: Rc<Clock>,
    /// A lock's release (an acquire after it need not race with it, see [`Walk::sync`]).
    is_release: bool,
}

#[derive(Default)]
struct Accesses {
    last_write: Option<Touch>,
    /// Reads since the last write, the latest per thread.
    reads: Vec<Touch>,
}

/// A lock's state is a variable: acquires and releases write it, looks read it. The last
/// acquisition is kept apart too (see [`Walk::sync`]).
#[derive(Default)]
struct LockHistory {
    history: Accesses,
    last_acquire: Option<Touch>,
}

/// The state of the walk over a run's steps.
struct Walk<'a> {
    steps: &'a [StepRecord],
    threads: usize,
    /// Per thread, what it knows after its latest step (None before its first).
    latest: Vec<Option<Clock>>,
    /// Per step, what its thread knew at its end.
    ends: Vec<Rc<Clock>>,
    accesses: BTreeMap<Resource, Accesses>,
    locks: BTreeMap<u64, LockHistory>,
    /// What a started thread's first step follows: its parent's clock at the start.
    spawned: BTreeMap<ThreadId, Clock>,
    /// Who holds each held lock, and how many locks each thread holds.
    holders: BTreeMap<u64, ThreadId>,
    held: Vec<usize>,
    races: Vec<(usize, usize)>,
    /// Step-level order (see [`StepOrder`]).
    order: StepOrder,
}

/// The order of whole steps: a step follows every step it conflicts with in any of its parts,
/// and what those follow. Coarser than the clocks of points — an over-approximation of what
/// must come first — which is what choosing a reversal's *initials* needs: a thread whose step
/// may depend on `j` must not be taken for one that can run before it.
struct StepOrder {
    /// Per step: per thread, 1 + the latest of its steps this one follows (0: none).
    ends: Vec<Rc<Clock>>,
    latest: Vec<Option<Clock>>,
    spawned: BTreeMap<ThreadId, Clock>,
}

impl StepOrder {
    /// Step `k` of `thread` ends: it follows its thread's previous step (or its parent's
    /// starting step) and the steps in `follows`; the threads it `starts` follow it.
    fn end_step(&mut self, k: usize, thread: ThreadId, follows: &[usize], joined: &[ThreadId], starts: &[ThreadId]) {
        let threads = self.latest.len();
        let mut clock =
            self.latest[thread].take().or_else(|| self.spawned.remove(&thread)).unwrap_or_else(|| vec![0; threads]);
        for &earlier in follows {
            join(&mut clock, &self.ends[earlier]);
        }
        for &target in joined {
            if let Some(Some(exit)) = self.latest.get(target) {
                let exit = exit.clone();
                join(&mut clock, &exit);
            }
        }
        clock[thread] = k as u64 + 1;
        for &child in starts {
            self.spawned.insert(child, clock.clone());
        }
        self.ends.push(Rc::new(clock.clone()));
        self.latest[thread] = Some(clock);
    }
}

/// The step being walked: its thread, what it knows now, and what it learns at the end of
/// the current segment.
struct Here {
    k: usize,
    thread: ThreadId,
    clock: Clock,
    racing: BTreeSet<usize>,
    learned: Vec<Rc<Clock>>,
    /// Every earlier step this one conflicted with, or learned from.
    follows: Vec<usize>,
}

impl Here {
    /// Another thread's earlier `touch` conflicts with one at this point: a race unless the
    /// thread already knew of it; either way, it knows of it afterwards.
    fn conflict(&mut self, touch: &Touch) {
        if touch.thread == self.thread {
            return;
        }
        if self.clock[touch.thread] < touch.point {
            self.racing.insert(touch.step);
        }
        self.learned.push(touch.known.clone());
        self.follows.push(touch.step);
    }

    /// Everything conflicting so far happened before what follows.
    fn learn(&mut self) {
        for known in self.learned.drain(..) {
            join(&mut self.clock, &known);
        }
    }

    /// A touch at `local` (what is known there, before this segment's conflicts: the order of
    /// a segment's touches is not recorded, so a touch follows only its own resource's).
    fn touch(&self, local: usize) -> Touch {
        let point = at(self.k, local);
        let mut known = self.clock.clone();
        known[self.thread] = point;
        Touch { step: self.k, thread: self.thread, point, known: Rc::new(known), is_release: false }
    }
}

/// The races of a run: pairs (j, k) of conflicting steps of different threads, j before k,
/// where step k's thread did not know of j's touch at its own (see the module docs). A lock is
/// shared state like any other: an acquire or a release changes it, a look (`locked()`, a
/// failed non-blocking acquire, an attempt that blocks) reads it — so an acquire races with the
/// release before it, since an attempt made before that release is a step too (one that blocks,
/// and may then lose the lock to a newcomer). A start and a join order steps without racing.
/// Also returns each thread's clock after its latest step.
pub(super) fn races(steps: &[StepRecord]) -> Analysis {
    let threads = steps.iter().map(|s| s.thread + 1).max().unwrap_or(0);
    let mut walk = Walk {
        steps,
        threads,
        latest: vec![None; threads],
        ends: Vec::with_capacity(steps.len()),
        accesses: BTreeMap::new(),
        locks: BTreeMap::new(),
        spawned: BTreeMap::new(),
        holders: BTreeMap::new(),
        held: vec![0; threads],
        races: Vec::new(),
        order: StepOrder {
            ends: Vec::with_capacity(steps.len()),
            latest: vec![None; threads],
            spawned: BTreeMap::new(),
        },
    };
    for k in 0..steps.len() {
        walk.step(k);
    }
    let zero = || vec![0; threads];
    let latest = walk.latest.into_iter().map(|c| c.unwrap_or_else(zero)).collect();
    let step_latest = walk.order.latest.into_iter().map(|c| c.unwrap_or_else(zero)).collect();
    let thread_of = steps.iter().map(|s| s.thread).collect();
    Analysis { races: walk.races, ends: walk.ends, latest, step_ends: walk.order.ends, step_latest, thread_of }
}

/// A run's races, and the happens-before order of its steps.
pub(super) struct Analysis {
    /// Pairs (j, k) of racing steps, j before k.
    pub races: Vec<(usize, usize)>,
    /// Per step, what its thread knew at its end.
    ends: Vec<Rc<Clock>>,
    /// Per thread, what it knew after its latest step.
    latest: Vec<Clock>,
    /// The same in whole steps ([`StepOrder`]).
    step_ends: Vec<Rc<Clock>>,
    step_latest: Vec<Clock>,
    thread_of: Vec<ThreadId>,
}

/// The later side of a race: a step that ran, or the next step of a thread that never ran it.
#[derive(Clone, Copy)]
pub(super) enum Later {
    Step(usize),
    NextOf(ThreadId),
}

impl Analysis {
    /// Whether step `a` happens before `later` (as a whole: `later` cannot run before `a`,
    /// though it may have learned of it only at its end).
    pub fn before(&self, a: usize, later: Later) -> bool {
        let (thread, known) = match later {
            Later::Step(b) => (self.thread_of[b], Some(&*self.ends[b])),
            // A thread that never ran knows nothing.
            Later::NextOf(t) => (t, self.latest.get(t)),
        };
        let knows = known.and_then(|k| k.get(self.thread_of[a])).is_some_and(|&k| k >= at(a, 0));
        self.thread_of[a] == thread || knows
    }

    /// Whether `later` must come after step `a` in whole steps (see [`StepOrder`]): a
    /// conflict anywhere in a step orders all of it.
    fn follows_step(&self, a: usize, later: Later) -> bool {
        let (thread, known) = match later {
            Later::Step(b) => (self.thread_of[b], Some(&*self.step_ends[b])),
            Later::NextOf(t) => (t, self.step_latest.get(t)),
        };
        let knows = known.and_then(|k| k.get(self.thread_of[a])).is_some_and(|&k| k > a as u64);
        self.thread_of[a] == thread || knows
    }

    /// The threads that can begin a reversal of the race of step `j` with `later`: the
    /// *initials* of the steps after `j` that do not follow it, then `later` (Abdulla et al.,
    /// Source Sets, POPL 2014). Running one of them instead of `j`'s thread where `j` began
    /// leads to a schedule in which `later` comes before `j`; running `later`'s thread may not,
    /// when `later` followed some of those steps. Steps are ordered as wholes here
    /// ([`StepOrder`]): the initials are then a subset of the true ones (a step whose segment
    /// order hides a dependency on `j` is not among them), so picking any one is safe.
    pub fn initials(&self, j: usize, later: Later) -> Vec<ThreadId> {
        let end = match later {
            Later::Step(k) => k,
            Later::NextOf(_) => self.thread_of.len(),
        };
        // The first step of each thread among those, in order: a thread's later steps follow
        // its first, so it begins the reversal only if its first follows none of the others'.
        let mut firsts: Vec<(ThreadId, Later)> = Vec::new();
        for e in j + 1..end {
            let thread = self.thread_of[e];
            if firsts.iter().all(|&(t, _)| t != thread) && !self.follows_step(j, Later::Step(e)) {
                firsts.push((thread, Later::Step(e)));
            }
        }
        let thread = match later {
            Later::Step(k) => self.thread_of[k],
            Later::NextOf(t) => t,
        };
        if firsts.iter().all(|&(t, _)| t != thread) {
            firsts.push((thread, later));
        }
        let step_of = |l: Later| match l {
            Later::Step(e) => e,
            Later::NextOf(_) => usize::MAX,
        };
        let mut initials = Vec::new();
        for (i, &(thread, e)) in firsts.iter().enumerate() {
            if firsts[..i].iter().all(|&(_, f)| !self.follows_step(step_of(f), e)) {
                initials.push(thread);
            }
        }
        initials
    }
}

impl Walk<'_> {
    fn step(&mut self, k: usize) {
        let step = &self.steps[k];
        let thread = step.thread;
        let clock = self.latest[thread]
            .take()
            .or_else(|| self.spawned.remove(&thread))
            .unwrap_or_else(|| vec![0; self.threads]);
        let mut here = Here { k, thread, clock, racing: BTreeSet::new(), learned: Vec::new(), follows: Vec::new() };
        for &earlier in &step.after {
            join(&mut here.clock, &self.ends[earlier]);
        }
        let footprint = &step.footprint;
        let by_first = segments(&footprint.accesses, |a| a.first);
        let by_last = segments(&footprint.accesses, |a| a.last);
        // Per resource, what its own conflicts taught: its touch follows them, whatever the
        // order of the segment's other touches (which the footprint does not record).
        let mut followed: BTreeMap<Resource, Clock> = BTreeMap::new();
        for segment in 0..=footprint.syncs.len() {
            for access in by_first.get(&(segment as u32)).into_iter().flatten() {
                let before = here.learned.len();
                self.check_access(&mut here, access);
                if here.learned.len() > before {
                    let mut clock = vec![0; self.threads];
                    here.learned[before..].iter().for_each(|known| join(&mut clock, known));
                    followed.insert(access.resource, clock);
                }
            }
            let touch = here.touch(2 * segment);
            for access in by_last.get(&(segment as u32)).into_iter().flatten() {
                match followed.get(&access.resource) {
                    Some(conflicts) => {
                        let mut known = touch.known.to_vec();
                        join(&mut known, conflicts);
                        self.record_access(access, &Touch { known: Rc::new(known), ..touch.clone() });
                    }
                    None => self.record_access(access, &touch),
                }
            }
            here.learn();
            if let Some(&sync) = footprint.syncs.get(segment) {
                self.sync(&mut here, sync, 2 * segment + 1);
            }
        }
        here.clock[thread] = end_of(k, step);
        self.races.extend(here.racing.iter().map(|&j| (j, k)));
        self.ends.push(Rc::new(here.clock.clone()));
        self.latest[thread] = Some(here.clock);
        let mut follows = here.follows;
        follows.extend_from_slice(&step.after);
        let (mut joined, mut starts) = (Vec::new(), Vec::new());
        for sync in &footprint.syncs {
            match *sync {
                Sync::Joined(target) => joined.push(target),
                Sync::Spawn(child) => starts.push(child),
                Sync::Lock(_) | Sync::JoinAttempt(_) => {}
            }
        }
        self.order.end_step(k, thread, &follows, &joined, &starts);
    }

    /// Keep track of who holds which lock (a Lock may be released by another thread).
    fn note_holder(&mut self, op: LockOp, thread: ThreadId) {
        match op {
            LockOp::Acquire(lock) => {
                self.holders.insert(lock, thread);
                self.held[thread] += 1;
            }
            LockOp::Release(lock) => {
                if let Some(holder) = self.holders.remove(&lock) {
                    self.held[holder] -= 1;
                }
            }
            LockOp::Peek(_) => {}
        }
    }

    fn check_access(&mut self, here: &mut Here, access: &Access) {
        let seen = self.accesses.entry(access.resource).or_default();
        if let Some(write) = &seen.last_write {
            here.conflict(write);
        }
        if access.write {
            seen.reads.iter().for_each(|read| here.conflict(read));
        }
    }

    fn record_access(&mut self, access: &Access, touch: &Touch) {
        record(self.accesses.entry(access.resource).or_default(), access.write, touch);
    }

    fn sync(&mut self, here: &mut Here, sync: Sync, local: usize) {
        match sync {
            Sync::Lock(op) => {
                let write = !matches!(op, LockOp::Peek(_));
                let lock = self.locks.entry(op.lock()).or_default();
                let history = &mut lock.history;
                if let Some(change) = &history.last_write {
                    if matches!(op, LockOp::Acquire(_)) && change.is_release && self.held[here.thread] == 0 {
                        // Had this step begun after the previous acquisition but before this
                        // release, it would have blocked there holding no lock: the same as
                        // not having begun yet (but for what it did before, whose conflicts
                        // are races of their own). Begun before that acquisition, it would
                        // have taken the lock first: that race stays.
                        if let Some(acquire) = &lock.last_acquire {
                            here.conflict(acquire);
                        }
                        here.learned.push(change.known.clone());
                        if change.thread != here.thread {
                            here.follows.push(change.step);
                        }
                    } else {
                        here.conflict(change);
                    }
                }
                if write {
                    history.reads.iter().for_each(|peek| here.conflict(peek));
                }
                here.learn();
                let touch = Touch { is_release: matches!(op, LockOp::Release(_)), ..here.touch(local) };
                record(history, write, &touch);
                if let LockOp::Acquire(_) = op {
                    lock.last_acquire = Some(touch);
                }
                self.note_holder(op, here.thread);
            }
            Sync::JoinAttempt(target) => {
                // Whether the thread had finished: a read of its state, which races with its
                // finish only while the joiner holds a lock (a join that blocks holding none
                // is the same as not having begun; one that returns follows the finish).
                if self.held[here.thread] > 0 {
                    let seen = self.accesses.entry(Resource::ThreadState(target)).or_default();
                    if let Some(finish) = &seen.last_write {
                        here.conflict(finish);
                    }
                    here.learn();
                    record(seen, false, &here.touch(local));
                }
            }
            Sync::Joined(target) => {
                if let Some(exit) = self.latest.get(target).cloned().flatten() {
                    join(&mut here.clock, &exit);
                }
            }
            Sync::Spawn(child) => {
                let touch = here.touch(local);
                self.spawned.insert(child, touch.known.to_vec());
            }
        }
    }
}

fn record(seen: &mut Accesses, write: bool, touch: &Touch) {
    if write {
        seen.last_write = Some(touch.clone());
        seen.reads.clear();
    } else {
        seen.reads.retain(|r| r.thread != touch.thread);
        seen.reads.push(touch.clone());
    }
}

/// The accesses of a footprint by the segment `key` gives.
fn segments(accesses: &[Access], key: impl Fn(&Access) -> u32) -> BTreeMap<u32, Vec<Access>> {
    let mut by: BTreeMap<u32, Vec<Access>> = BTreeMap::new();
    for access in accesses {
        by.entry(key(access)).or_default().push(*access);
    }
    by
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
        let footprint = Footprint { accesses, syncs: syncs.to_vec(), ..Footprint::default() };
        StepRecord { thread, decision: None, footprint, after: Vec::new() }
    }

    const X: Resource = Resource::Global(1);

    #[test]
    fn conflicting_steps_of_two_threads_race_unless_something_orders_them() {
        let reads = step(1, &[(X, false, 0)], &[]);
        let writes = step(2, &[(X, true, 0)], &[]);
        assert_eq!(races(&[reads.clone(), writes.clone()]).races, [(0, 1)]);
        assert_eq!(races(&[reads.clone(), reads.clone()]).races, [], "reads commute");
        // The same thread: program order.
        assert_eq!(races(&[writes.clone(), writes.clone()]).races, []);
        // Ordered by a hand-off: thread 2's step follows thread 1's.
        let handed = StepRecord { after: vec![0], ..writes };
        assert_eq!(races(&[reads, handed]).races, []);
    }

    #[test]
    fn an_acquire_races_with_the_release_before_it_but_what_the_lock_protects_does_not() {
        let lock = |op| Sync::Lock(op);
        // Thread 1 writes X inside the lock; thread 2 then takes the lock and writes X.
        let first = step(1, &[(X, true, 1)], &[lock(LockOp::Acquire(7)), lock(LockOp::Release(7))]);
        let second = step(2, &[(X, true, 1)], &[lock(LockOp::Acquire(7)), lock(LockOp::Release(7))]);
        assert_eq!(races(&[first.clone(), second]).races, [(0, 1)], "only the lock operations race");
        // Thread 2 writes X before it takes the lock: that write races too (the release it
        // waits for orders only what follows the acquire). One race per pair of steps.
        let early = step(2, &[(X, true, 0)], &[lock(LockOp::Acquire(7))]);
        assert_eq!(races(&[first.clone(), early]).races, [(0, 1)]);
        // What a step did after its release is not passed on by the release.
        let after_release = step(1, &[(X, true, 2)], &[lock(LockOp::Acquire(7)), lock(LockOp::Release(7))]);
        let reader = step(2, &[(X, false, 1)], &[lock(LockOp::Acquire(7))]);
        let separate = step(3, &[], &[lock(LockOp::Acquire(7))]);
        assert_eq!(races(&[after_release, reader]).races, [(0, 1)]);
        assert_eq!(races(&[first, separate]).races, [(0, 1)]);
    }

    #[test]
    fn what_a_step_learns_late_does_not_order_what_it_did_early() {
        const Y: Resource = Resource::Global(2);
        let writes_x = step(1, &[(X, true, 0)], &[]);
        let writes_y = step(1, &[(Y, true, 0)], &[]);
        // Thread 2 writes X first, then (after taking a lock) Y: only the second write
        // follows thread 1's steps, so its write of X races with thread 1's.
        let both = step(2, &[(X, true, 0), (Y, true, 1)], &[Sync::Lock(LockOp::Acquire(7))]);
        assert_eq!(races(&[writes_x.clone(), writes_y.clone(), both]).races, [(0, 2), (1, 2)]);
        // Had it written Y first, that write (which follows step 1, and so step 0) orders
        // the later write of X.
        let y_first = step(2, &[(Y, true, 0), (X, true, 1)], &[Sync::Lock(LockOp::Acquire(7))]);
        assert_eq!(races(&[writes_x, writes_y, y_first]).races, [(1, 2)]);
    }

    #[test]
    fn a_look_at_a_lock_races_with_its_release() {
        let held = step(1, &[], &[Sync::Lock(LockOp::Acquire(7))]);
        let look = step(2, &[], &[Sync::Lock(LockOp::Peek(7))]);
        let release = step(1, &[], &[Sync::Lock(LockOp::Release(7))]);
        assert_eq!(races(&[held, look, release]).races, [(0, 1), (1, 2)]);
    }

    #[test]
    fn a_join_orders_only_what_follows_it() {
        let exit = step(1, &[(Resource::ThreadState(1), true, 0)], &[]);
        let alive_then_join = step(0, &[(Resource::ThreadState(1), false, 0)], &[Sync::Joined(1)]);
        let join_then_read = step(0, &[(Resource::ThreadState(1), false, 1)], &[Sync::Joined(1)]);
        assert_eq!(races(&[exit.clone(), alive_then_join]).races, [(0, 1)]);
        assert_eq!(races(&[exit, join_then_read]).races, []);
    }
}
