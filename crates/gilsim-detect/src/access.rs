//! Lost updates over shared locations.
//!
//! A *read-modify-write* (RMW) is a write by thread A to location L after A read L (and had
//! not written L since that read) — `counter += 1`, `x = x * 2`, `if x: x -= 1`.
//! - **Manifest lost update**: another thread wrote L between A's read and A's write. A's write
//!   replaces a value it never saw; the other write is lost.
//! - **Possible lost update** (a race): an RMW of L and a write to L by another thread are
//!   not ordered by happens-before — so some schedule interleaves them, even if this run did
//!   not. Like FastTrack (Flanagan and Freund, PLDI 2009) only the last write per location is
//!   compared, which finds every location that has a race, not every racing pair.
//!
//! Reports are per location: the first occurrence, and how often it happened.

use crate::clock::HappensBefore;
use crate::event::{LocId, Shown, ThreadId};
use std::collections::HashMap;

/// One access as reports show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sighting {
    pub thread: ThreadId,
    pub line: u32,
    pub value: Shown,
}

/// Thread `write.thread` read `read` and wrote `write`, replacing `lost` (another thread's
/// write made in between, never seen).
#[derive(Clone, Debug, PartialEq)]
pub struct LostUpdate {
    pub loc: LocId,
    pub read: Sighting,
    pub lost: Sighting,
    pub write: Sighting,
    /// How many updates of this location this run lost.
    pub count: u64,
}

/// The read-modify-write `read`/`write` of one thread and the write `other` of another are
/// unordered: another schedule can lose one of the updates.
#[derive(Clone, Debug, PartialEq)]
pub struct PossibleRace {
    pub loc: LocId,
    pub read: Sighting,
    pub write: Sighting,
    pub other: Sighting,
    /// Whether the other write was itself part of a read-modify-write.
    pub other_is_rmw: bool,
}

#[derive(Clone, Copy, Debug)]
struct LastWrite {
    at: Sighting,
    epoch: u32,
    /// Whether it was a read-modify-write, and the read that made it one. Not an
    /// `Option<Sighting>`: copying that niche-packed layout straddled fields and stalled
    /// store forwarding on every store of the script.
    rmw: bool,
    read: Sighting,
}

impl LastWrite {
    fn rmw_read(&self) -> Option<Sighting> {
        self.rmw.then_some(self.read)
    }
}

/// A thread's last read of a location since its own last write to it, and the version (count
/// of writes) it saw.
#[derive(Clone, Copy, Debug)]
struct PendingRead {
    at: Sighting,
    version: u32,
}

#[derive(Clone, Debug, Default)]
struct LocState {
    /// Writes so far.
    version: u32,
    last_write: Option<LastWrite>,
    /// The last writer's read since that write, if it made one: kept apart from the other
    /// threads' because a thread updating a location over and over (`total += 1` in a loop)
    /// reads and writes it in turn, and the slot spares that a search of `reads` each time.
    own_read: Option<PendingRead>,
    /// Per thread other than the last writer: its last read since its last write.
    reads: Vec<PendingRead>,
    /// A possible race on this location was reported.
    raced: bool,
}

#[derive(Clone, Debug, Default)]
pub struct AccessTracker {
    locations: Vec<LocState>,
    lost_updates: Vec<LostUpdate>,
    races: Vec<PossibleRace>,
    /// Location → index of its report in `lost_updates`.
    lost_index: HashMap<LocId, usize>,
}

impl AccessTracker {
    /// Location `loc`'s state. Inlined into every access: the table grows (out of line) only
    /// when a location is first touched.
    #[inline]
    fn state(&mut self, loc: LocId) -> &mut LocState {
        let i = loc as usize;
        if i < self.locations.len() {
            return &mut self.locations[i];
        }
        self.first_touch(i)
    }

    #[cold]
    #[inline(never)]
    fn first_touch(&mut self, i: usize) -> &mut LocState {
        self.locations.resize_with(i + 1, LocState::default);
        &mut self.locations[i]
    }

    #[inline]
    pub fn read(&mut self, thread: ThreadId, loc: LocId, line: u32, value: Shown) {
        let state = self.state(loc);
        let version = state.version;
        if state.last_write.is_some_and(|last| last.at.thread == thread) {
            state.own_read = Some(PendingRead { at: Sighting { thread, line, value }, version });
            return;
        }
        // Field by field, like `write`'s fast path: a whole-struct copy goes through the stack.
        match state.reads.iter_mut().find(|r| r.at.thread == thread) {
            Some(entry) => {
                entry.at.line = line;
                entry.at.value = value;
                entry.version = version;
            }
            None => state.reads.push(PendingRead { at: Sighting { thread, line, value }, version }),
        }
    }

    #[inline]
    pub fn write(&mut self, hb: &HappensBefore, thread: ThreadId, loc: LocId, line: u32, value: Shown) {
        let epoch = hb.epoch(thread);
        let state = self.state(loc);
        let version = state.version;
        state.version += 1;
        // The common case — this thread also wrote last — can neither lose nor race: update in
        // place, field by field (this runs for every store of the script; a whole `Sighting`
        // built on the stack and copied costs a store-forwarding stall).
        if let Some(last) = &mut state.last_write {
            if last.at.thread == thread {
                last.at.line = line;
                last.at.value = value;
                last.epoch = epoch;
                last.rmw = state.own_read.is_some();
                if let Some(read) = state.own_read.take() {
                    last.read = read.at;
                }
                return;
            }
        }
        self.write_after_other(hb, loc, Sighting { thread, line, value }, epoch, version);
    }

    /// A write by `write.thread` after another thread's write (or the first write): the
    /// checks for a lost update and a race.
    #[cold]
    fn write_after_other(&mut self, hb: &HappensBefore, loc: LocId, write: Sighting, epoch: u32, version: u32) {
        let thread = write.thread;
        let state = &mut self.locations[loc as usize];
        // The previous writer's read stays pending among the other threads' reads; this
        // writer's read, if any, is consumed by this write.
        if let Some(previous_writers) = state.own_read.take() {
            state.reads.push(previous_writers);
        }
        let read = state.reads.iter().position(|r| r.at.thread == thread).map(|i| state.reads.swap_remove(i));
        let latest = LastWrite { at: write, epoch, rmw: read.is_some(), read: read.map_or(write, |r| r.at) };
        let Some(prev) = state.last_write.replace(latest) else { return };
        let raced = state.raced;
        if let Some(read) = read {
            if read.version != version {
                self.lost(LostUpdate { loc, read: read.at, lost: prev.at, write, count: 1 });
            }
        }
        if raced || hb.ordered_before(prev.at.thread, prev.epoch, thread) {
            return;
        }
        let race = match (read, prev.rmw_read()) {
            (Some(read), _) => PossibleRace { loc, read: read.at, write, other: prev.at, other_is_rmw: prev.rmw },
            (None, Some(other_read)) => {
                PossibleRace { loc, read: other_read, write: prev.at, other: write, other_is_rmw: false }
            }
            (None, None) => return,
        };
        self.locations[loc as usize].raced = true;
        self.races.push(race);
    }

    /// Whether a report (a lost update or a possible race) names `loc`.
    pub fn reports(&self, loc: LocId) -> bool {
        self.locations.get(loc as usize).is_some_and(|state| state.raced)
            || (!self.lost_index.is_empty() && self.lost_index.contains_key(&loc))
    }

    /// Forget the accesses of `loc`, a location that can never be touched again (its object
    /// died): its id will number another location.
    pub fn forget(&mut self, loc: LocId) {
        if let Some(state) = self.locations.get_mut(loc as usize) {
            *state = LocState::default();
        }
    }

    fn lost(&mut self, update: LostUpdate) {
        match self.lost_index.get(&update.loc) {
            Some(&i) => self.lost_updates[i].count += 1,
            None => {
                self.lost_index.insert(update.loc, self.lost_updates.len());
                self.lost_updates.push(update);
            }
        }
    }

    /// Manifest lost updates, in the order first seen.
    pub fn lost_updates(&self) -> &[LostUpdate] {
        &self.lost_updates
    }

    /// Possible lost updates (at most one per location), in the order found.
    pub fn races(&self) -> &[PossibleRace] {
        &self.races
    }
}
