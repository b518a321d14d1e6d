//! gilsim's detectors. They observe a run as a stream of [`Event`]s — shared-memory accesses
//! and synchronisation — and never reach into the VM or the runtime, so each can be tested
//! on a hand-built sequence (design §5).
//!
//! - [`HappensBefore`]: one vector clock per thread and per lock (Lamport 1978; Fidge and
//!   Mattern 1988). Every primitive gilsim models synchronises through a lock or through
//!   thread start/join (Condition, Event, Semaphore, Barrier and the queues are library code
//!   on top of locks), so release→acquire and start/join edges are all it needs.
//! - [`AccessTracker`]: per shared location, *manifest* lost updates (a read-modify-write
//!   whose read missed another thread's write) and *possible* lost updates (a
//!   read-modify-write not ordered by happens-before with another thread's write).
//! - [`WaitForGraph`]: threads, the locks they hold and the locks or threads they wait for
//!   (a successor map: every node has at most one outgoing edge). A cycle of lock-ownership and join edges is a deadlock; timed waits never
//!   enter the graph.
//!
//! Invariant: detectors are pure functions of the event sequence; their reports come out in
//! the order the events that caused them occurred.

mod access;
mod clock;
mod event;
mod waitfor;

pub use access::{AccessTracker, LostUpdate, PossibleRace, Sighting};
pub use clock::{HappensBefore, LockClock, VectorClock};
pub use event::{Event, LocId, Shown, ShownKind, ThreadId};
pub use waitfor::{CycleStep, WaitForGraph, WaitTarget};

/// Every detector over one run's events.
#[derive(Clone, Debug, Default)]
pub struct Detectors {
    pub happens_before: HappensBefore,
    pub accesses: AccessTracker,
    pub wait_for: WaitForGraph,
}

impl Detectors {
    /// Feed one event to every detector that cares.
    pub fn observe(&mut self, event: &Event) {
        match *event {
            Event::Read { thread, loc, line, value } => self.read(thread, loc, line, value),
            Event::Write { thread, loc, line, value } => self.write(thread, loc, line, value),
            Event::Start { parent, child } => self.happens_before.start(parent, child),
            Event::Join { joiner, joined } => self.happens_before.join(joiner, joined),
        }
    }

    /// `thread` now holds lock number `lock` (first acquire; RLock re-entries are not
    /// reported), at script line `line`; `clock` is the lock's own ([`LockClock`]).
    pub fn acquire(&mut self, thread: ThreadId, lock: u64, line: u32, clock: &mut LockClock) {
        self.happens_before.acquire(thread, clock);
        self.wait_for.acquired(thread, lock, line);
    }

    /// Lock number `lock`, whose clock is `clock`, is free again (released by `thread`, which
    /// need not be the acquirer).
    pub fn release(&mut self, thread: ThreadId, lock: u64, clock: &mut LockClock) {
        self.happens_before.release(thread, clock);
        self.wait_for.released(lock);
    }

    /// `observe(&Event::Read { .. })`, for the hot path.
    #[inline]
    pub fn read(&mut self, thread: ThreadId, loc: LocId, line: u32, value: Shown) {
        self.accesses.read(thread, loc, line, value);
    }

    /// `observe(&Event::Write { .. })`, for the hot path.
    #[inline]
    pub fn write(&mut self, thread: ThreadId, loc: LocId, line: u32, value: Shown) {
        self.accesses.write(&self.happens_before, thread, loc, line, value);
    }
}
