//! Footprints: the shared state a thread touches between two scheduling decisions, recorded
//! for partial-order reduction (the runtime's `dpor` search, Flanagan & Godefroid, POPL 2005).
//!
//! Two steps of different threads *commute* when neither writes what the other touches; the
//! search only reorders steps that do not. That is sound only if the footprint misses
//! nothing, so it is recorded where state lives rather than where instructions use it:
//! - every mutable heap object (list, dict, set, iterator, closure cell, instance, class and
//!   module attributes, thread data) sits in a [`PyCell`], whose `borrow`/`borrow_mut` note a
//!   read or a write of the object — from script code, library code and natives alike;
//! - module globals, output, the interpreter's counters and its random stream are noted where
//!   the VM touches them, lock operations where they succeed (a blocked acquire or join is not
//!   an operation: the thread is merely not enabled until it can go on);
//! - the interpreter's caches of class lookups (the lookup cache, a class's hook bits) answer
//!   without reading the class dicts they stand for, so they are forgotten as each recorded
//!   step begins: a step's first lookup of a name reads the dicts
//!   ([`crate::value::forget_class_lookups`]);
//! - reading the virtual clock or waiting with a timeout makes the step *timed*: virtual time
//!   depends on every step of every thread, so no step commutes with it.
//!
//! Recording is per OS thread (each search runs its runs on one) and off unless the runtime
//! turns it on around a slice; when off, a borrow costs one thread-local flag test.
//!
//! Objects are named by who made them: the n-th object simulated thread t created. Reordering
//! commuting steps leaves every thread's own execution as it was, so an object keeps its name
//! in every schedule a search compares (numbering by first touch, or by address, would not).
//! Objects made before the first step (the interpreter's setup) are numbered in creation order;
//! those made outside any run (an image's frozen classes, which are never written) share one.

use std::cell::{Cell, Ref, RefCell, RefMut};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Something two steps can both touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resource {
    /// A heap object: (creating thread + 1) << 32 | its number among that thread's objects
    /// (0 << 32 for the setup's; 0 for objects made outside any run).
    Object(u64),
    /// A module global slot.
    Global(u32),
    /// Whether a thread has finished (written when it finishes, read by `is_alive` and joins).
    ThreadState(usize),
    /// stdout and stderr (the order of writes is what a user sees).
    Output,
    /// The interpreter's counters (thread names and idents, `id()` numbers) and the `random`
    /// stream: each use advances them.
    Interpreter,
    /// The interpreter's exit, which cuts off daemon threads: read as each thread it waits for
    /// finishes, written by every step of a thread it does not wait for (so those steps and the
    /// finishes conflict; the order of the finishes does not matter).
    Exit,
}

/// A lock operation, in the order made. Locks are named as objects are
/// ([`crate::LockState::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockOp {
    /// The thread now holds lock `0` (the first acquire; RLock re-entries are not operations).
    Acquire(u64),
    /// Lock `0` is free again.
    Release(u64),
    /// The lock's state was read without changing it (`locked()`, a failed non-blocking
    /// acquire, a release refused).
    Peek(u64),
}

impl LockOp {
    pub fn lock(self) -> u64 {
        match self {
            LockOp::Acquire(l) | LockOp::Release(l) | LockOp::Peek(l) => l,
        }
    }
}

/// An operation that orders steps of different threads: a lock operation, a join, a start.
/// Where it falls among the step's accesses matters (see [`Access`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sync {
    Lock(LockOp),
    /// The step called `join()` on thread `0`, whether it had finished or not (see
    /// [`Sync::Joined`]). An attempt that blocks reads the thread's state as a look at a lock
    /// does: it matters to the search only while the joiner holds a lock.
    JoinAttempt(usize),
    /// The step joined thread `0` without waiting (it had finished).
    Joined(usize),
    /// The step started thread `0`: its steps follow what came before.
    Spawn(usize),
}

/// One resource a step touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Access {
    pub resource: Resource,
    pub write: bool,
    /// How many of the step's [`Sync`]s came before its first touch of the resource.
    pub first: u32,
    /// How many came before its last touch.
    pub last: u32,
}

/// What one step touched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Footprint {
    /// Each resource once, sorted by resource.
    pub accesses: Vec<Access>,
    /// Lock operations and joins, in order.
    pub syncs: Vec<Sync>,
    /// The step read the virtual clock or waited with a timeout (or changed what every later
    /// step depends on, as `sys.setrecursionlimit` does): it commutes with nothing.
    pub timed: bool,
    /// The run stopped after this step (a deadlock closed in it): it cuts off the steps that
    /// would follow it, so it commutes with no step that leaves a trace (a write: output, an
    /// object or global a later step or a detector may read). Lock operations alone leave none
    /// the outcome shows: the cycle's own locks are ordered before the closing step.
    pub ends_run: bool,
}

impl Footprint {
    /// Whether the two steps may not commute (conservatively: true when unsure).
    pub fn conflicts_with(&self, other: &Footprint) -> bool {
        if self.timed || other.timed {
            return true;
        }
        if (self.ends_run && other.writes_any()) || (other.ends_run && self.writes_any()) {
            return true;
        }
        let locks_conflict = self.locks().any(|a| {
            other.locks().any(|b| a.lock() == b.lock() && !matches!((a, b), (LockOp::Peek(_), LockOp::Peek(_))))
        });
        let joins_conflict = |a: &Footprint, b: &Footprint| {
            a.syncs.iter().any(|s| matches!(s, Sync::JoinAttempt(t) if b.writes(Resource::ThreadState(*t))))
        };
        locks_conflict
            || joins_conflict(self, other)
            || joins_conflict(other, self)
            || sorted_conflict(&self.accesses, &other.accesses)
    }

    pub fn locks(&self) -> impl Iterator<Item = LockOp> + '_ {
        self.syncs.iter().filter_map(|s| match s {
            Sync::Lock(op) => Some(*op),
            Sync::JoinAttempt(_) | Sync::Joined(_) | Sync::Spawn(_) => None,
        })
    }

    /// Add a write of `resource`, as if made all through the step.
    pub fn note_write(&mut self, resource: Resource) {
        let access = Access { resource, write: true, first: 0, last: self.syncs.len() as u32 };
        match self.accesses.binary_search_by(|a| a.resource.cmp(&resource)) {
            Ok(at) => self.accesses[at] = access,
            Err(at) => self.accesses.insert(at, access),
        }
    }

    /// Whether the step wrote anything.
    pub fn writes_any(&self) -> bool {
        self.accesses.iter().any(|a| a.write)
    }

    /// Whether the step wrote `resource`.
    pub fn writes(&self, resource: Resource) -> bool {
        self.accesses.iter().any(|a| a.resource == resource && a.write)
    }
}

/// Two access lists sorted by resource share a resource that one of them writes.
fn sorted_conflict(a: &[Access], b: &[Access]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].resource.cmp(&b[j].resource) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if a[i].write || b[j].write {
                    return true;
                }
                i += 1;
                j += 1;
            }
        }
    }
    false
}

#[derive(Default)]
struct Recorder {
    /// The simulated thread whose step is being recorded.
    thread: usize,
    /// Objects made so far by the setup (index 0) and by each thread (index t + 1).
    made: Vec<u32>,
    /// Index in `accesses` of each resource touched by the current step.
    index: HashMap<Resource, usize, crate::dict::FixedState>,
    accesses: Vec<Access>,
    syncs: Vec<Sync>,
    timed: bool,
    ends_run: bool,
}

impl Recorder {
    fn note(&mut self, resource: Resource, write: bool) {
        let now = self.syncs.len() as u32;
        if let Some(last) = self.accesses.last_mut() {
            if last.resource == resource && (last.write || !write) {
                last.last = now;
                return;
            }
        }
        match self.index.get(&resource) {
            Some(&i) => {
                let access = &mut self.accesses[i];
                access.write |= write;
                access.last = now;
            }
            None => {
                self.index.insert(resource, self.accesses.len());
                self.accesses.push(Access { resource, write, first: now, last: now });
            }
        }
    }

    /// A name for an object made now.
    fn new_object(&mut self, recording: bool) -> u64 {
        let maker = if recording { self.thread + 1 } else { 0 };
        if self.made.len() <= maker {
            self.made.resize(maker + 1, 0);
        }
        self.made[maker] += 1;
        (maker as u64) << 32 | u64::from(self.made[maker])
    }
}

/// How many OS threads are recording a run: while none is, every check is one load of this
/// (a thread-local lookup on every borrow cost exploration about a quarter of its speed).
static RECORDING_RUNS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    /// A run is being recorded (objects made now get a name).
    static IN_RUN: Cell<bool> = const { Cell::new(false) };
    static RECORDER: RefCell<Recorder> = RefCell::new(Recorder::default());
}

#[inline(always)]
fn on() -> bool {
    RECORDING_RUNS.load(Ordering::Relaxed) != 0 && ON.with(Cell::get)
}

#[inline(always)]
fn in_run() -> bool {
    RECORDING_RUNS.load(Ordering::Relaxed) != 0 && IN_RUN.with(Cell::get)
}

fn with_recorder<R>(f: impl FnOnce(&mut Recorder) -> R) -> R {
    RECORDER.with(|r| f(&mut r.borrow_mut()))
}

/// Start recording a run: objects made from now on are named afresh. Recording stays paused
/// until [`set_recording`] turns it on.
pub fn begin_run() {
    with_recorder(|r| *r = Recorder::default());
    ON.with(|on| on.set(false));
    if !IN_RUN.with(|in_run| in_run.replace(true)) {
        RECORDING_RUNS.fetch_add(1, Ordering::Relaxed);
    }
}

/// Stop naming objects (the run is over).
pub fn end_run() {
    ON.with(|on| on.set(false));
    if IN_RUN.with(|in_run| in_run.replace(false)) {
        RECORDING_RUNS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Turn recording on for simulated thread `thread` (around its slice and the runtime's own
/// operations on its behalf), or off (None: the scheduler's bookkeeping and reports touch
/// objects too).
pub fn set_recording(thread: Option<usize>) {
    if let Some(t) = thread {
        with_recorder(|r| r.thread = t);
        crate::value::forget_class_lookups();
    }
    ON.with(|on| on.set(thread.is_some()));
}

/// The footprint recorded since the last call.
pub fn take_step() -> Footprint {
    crate::value::forget_class_lookups();
    with_recorder(|r| {
        r.index.clear();
        let mut accesses = std::mem::take(&mut r.accesses);
        accesses.sort_unstable();
        let (syncs, timed, ends_run) =
            (std::mem::take(&mut r.syncs), std::mem::take(&mut r.timed), std::mem::take(&mut r.ends_run));
        Footprint { accesses, syncs, timed, ends_run }
    })
}

/// Note an access to `resource`, when recording.
#[inline]
pub fn note(resource: Resource, write: bool) {
    if on() {
        with_recorder(|r| r.note(resource, write));
    }
}

/// Note a lock operation, when recording.
pub fn note_lock(op: LockOp) {
    if on() {
        with_recorder(|r| r.syncs.push(Sync::Lock(op)));
    }
}

/// Note that the step started thread `tid`, when recording.
pub fn note_spawn(tid: usize) {
    if on() {
        with_recorder(|r| r.syncs.push(Sync::Spawn(tid)));
    }
}

/// Note that the step called `join()` on thread `tid`, when recording.
pub fn note_join_attempt(tid: usize) {
    if on() {
        with_recorder(|r| r.syncs.push(Sync::JoinAttempt(tid)));
    }
}

/// Note that the step joined finished thread `tid`, when recording.
pub fn note_joined(tid: usize) {
    if on() {
        with_recorder(|r| r.syncs.push(Sync::Joined(tid)));
    }
}

/// Note that the step depends on virtual time, when recording.
pub fn note_timed() {
    if on() {
        with_recorder(|r| r.timed = true);
    }
}

/// Note that the step read where every thread is (`sys._current_frames()`): no footprint
/// orders that against the other threads' steps, so, as for a read of the clock, DPOR
/// explores such a run in full.
pub fn note_reads_all_threads() {
    note_timed();
}

/// Note that the run stops after this step, when recording.
pub fn note_run_ends() {
    if on() {
        with_recorder(|r| r.ends_run = true);
    }
}

/// A name for an object (or lock) made now: see [`Resource::Object`].
#[inline]
pub fn new_name() -> u64 {
    if in_run() {
        with_recorder(|r| r.new_object(on()))
    } else {
        0
    }
}

/// A `RefCell` for a heap object that notes every borrow in the current footprint. Its contents
/// are freed through [`crate::trashcan`], so that deep nests of objects free without deep
/// recursion.
pub struct PyCell<T: Default + 'static> {
    /// The object's name (see [`Resource::Object`]).
    tag: Cell<u64>,
    cell: RefCell<T>,
}

impl<T: Default + 'static> Drop for PyCell<T> {
    fn drop(&mut self) {
        crate::trashcan::dispose(std::mem::take(self.cell.get_mut()));
    }
}

impl<T: Default + 'static> PyCell<T> {
    #[inline]
    pub fn new(value: T) -> PyCell<T> {
        PyCell { tag: Cell::new(new_name()), cell: RefCell::new(value) }
    }

    #[cold]
    fn note(&self, write: bool) {
        with_recorder(|r| r.note(Resource::Object(self.tag.get()), write));
    }

    /// Read the object (a read of it in the footprint).
    #[inline(always)]
    pub fn borrow(&self) -> Ref<'_, T> {
        if on() {
            self.note(false);
        }
        self.cell.borrow()
    }

    /// Change the object (a write of it in the footprint).
    #[inline]
    pub fn borrow_mut(&self) -> RefMut<'_, T> {
        if on() {
            self.note(true);
        }
        self.cell.borrow_mut()
    }

    /// Read the object without noting it: for the scheduler's bookkeeping, and for reads whose
    /// operation did not happen (a join that blocks).
    pub fn borrow_unnoted(&self) -> Ref<'_, T> {
        self.cell.borrow()
    }

    /// Change the object without noting it (the caller notes a finer resource instead).
    pub fn borrow_mut_unnoted(&self) -> RefMut<'_, T> {
        self.cell.borrow_mut()
    }

    pub fn replace(&self, value: T) -> T {
        std::mem::replace(&mut *self.borrow_mut(), value)
    }

    pub fn into_inner(mut self) -> T {
        std::mem::take(self.cell.get_mut())
    }

    /// The contents of an object no one else holds, noted as the read that copying them out
    /// would be (the footprint stays the same as the copy's).
    pub fn into_read_contents(self) -> T {
        if on() {
            self.note(false);
        }
        self.into_inner()
    }

    pub fn take(&self) -> T {
        std::mem::take(&mut *self.borrow_mut())
    }
}

impl<T: Default + 'static> Default for PyCell<T> {
    fn default() -> PyCell<T> {
        PyCell::new(T::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_are_noted_only_while_recording() {
        begin_run();
        let list = PyCell::new(vec![1]);
        list.borrow_mut().push(2);
        assert_eq!(take_step(), Footprint::default());
        set_recording(Some(2));
        let other = PyCell::new(0);
        let _ = other.borrow();
        let _ = list.borrow();
        list.borrow_mut().push(3);
        let _ = list.borrow();
        note(Resource::Global(4), false);
        set_recording(None);
        let step = take_step();
        // The setup's first object, and thread 2's first.
        let expected =
            [(Resource::Object(1), true), (Resource::Object(3 << 32 | 1), false), (Resource::Global(4), false)];
        assert_eq!(step.accesses, expected.map(|(resource, write)| Access { resource, write, first: 0, last: 0 }));
        set_recording(Some(0));
        let _ = list.borrow();
        end_run();
        assert_eq!(take_step().accesses, [Access { resource: Resource::Object(1), write: false, first: 0, last: 0 }]);
    }

    #[test]
    fn accesses_know_the_syncs_before_them() {
        begin_run();
        set_recording(Some(0));
        note(Resource::Global(1), false);
        note_lock(LockOp::Acquire(7));
        note(Resource::Global(1), true);
        note(Resource::Global(2), false);
        end_run();
        let step = take_step();
        assert_eq!(step.syncs, [Sync::Lock(LockOp::Acquire(7))]);
        let places: Vec<(Resource, bool, u32, u32)> =
            step.accesses.iter().map(|a| (a.resource, a.write, a.first, a.last)).collect();
        assert_eq!(places, [(Resource::Global(1), true, 0, 1), (Resource::Global(2), false, 1, 1)]);
    }

    #[test]
    fn objects_are_named_by_their_maker() {
        let outside = PyCell::new(());
        begin_run();
        set_recording(Some(1));
        let first = PyCell::new(());
        set_recording(Some(0));
        let _ = PyCell::new(());
        let _ = outside.borrow();
        set_recording(Some(1));
        let second = PyCell::new(());
        let _ = (first.borrow(), second.borrow());
        end_run();
        let names = [Resource::Object(0), Resource::Object(2 << 32 | 1), Resource::Object(2 << 32 | 2)];
        assert_eq!(take_step().accesses, names.map(|resource| Access { resource, write: false, first: 0, last: 0 }));
    }

    #[test]
    fn conflicts() {
        let access = |write| vec![Access { resource: Resource::Global(1), write, first: 0, last: 0 }];
        let reads = Footprint { accesses: access(false), ..Footprint::default() };
        let writes = Footprint { accesses: access(true), ..Footprint::default() };
        let peek = Footprint { syncs: vec![Sync::Lock(LockOp::Peek(3))], ..Footprint::default() };
        let acquire = Footprint { syncs: vec![Sync::Lock(LockOp::Acquire(3))], ..Footprint::default() };
        assert!(!reads.conflicts_with(&reads));
        assert!(reads.conflicts_with(&writes) && writes.conflicts_with(&reads));
        assert!(!peek.conflicts_with(&peek));
        assert!(peek.conflicts_with(&acquire));
        assert!(!reads.conflicts_with(&acquire));
        assert!(reads.conflicts_with(&Footprint { timed: true, ..Footprint::default() }));
    }
}
