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
    /// The read that made it a read-modify-write.
    read: Option<Sighting>,
}

#[derive(Debug, Default)]
struct LocState {
    /// Writes so far.
    version: u32,
    last_write: Option<LastWrite>,
    /// Per thread: its last read since its last write, and the version it saw.
    reads: Vec<(ThreadId, Sighting, u32)>,
    /// A possible race on this location was reported.
    raced: bool,
}

#[derive(Debug, Default)]
pub struct AccessTracker {
    locations: Vec<LocState>,
    lost_updates: Vec<LostUpdate>,
    races: Vec<PossibleRace>,
    /// Location → index of its report in `lost_updates`.
    lost_index: HashMap<LocId, usize>,
}

impl AccessTracker {
    fn state(&mut self, loc: LocId) -> &mut LocState {
        let i = loc as usize;
        if self.locations.len() <= i {
            self.locations.resize_with(i + 1, LocState::default);
        }
        &mut self.locations[i]
    }

    pub fn read(&mut self, thread: ThreadId, loc: LocId, line: u32, value: Shown) {
        let state = self.state(loc);
        let version = state.version;
        let seen = Sighting { thread, line, value };
        match state.reads.iter_mut().find(|(t, ..)| *t == thread) {
            Some(entry) => *entry = (thread, seen, version),
            None => state.reads.push((thread, seen, version)),
        }
    }

    pub fn write(&mut self, hb: &HappensBefore, thread: ThreadId, loc: LocId, line: u32, value: Shown) {
        let epoch = hb.epoch(thread);
        let state = self.state(loc);
        let read = state.reads.iter().position(|(t, ..)| *t == thread).map(|i| state.reads.swap_remove(i));
        let previous = state.last_write;
        let version = state.version;
        let raced = state.raced;
        let write = Sighting { thread, line, value };
        state.version += 1;
        state.last_write = Some(LastWrite { at: write, epoch, read: read.map(|(_, r, _)| r) });
        let Some(prev) = previous.filter(|p| p.at.thread != thread) else {
            return;
        };
        if let Some((_, read, seen_version)) = read {
            if seen_version != version {
                self.lost(LostUpdate { loc, read, lost: prev.at, write, count: 1 });
            }
        }
        let rmw = read.map(|(_, r, _)| r);
        let unordered = !hb.ordered_before(prev.at.thread, prev.epoch, thread);
        if unordered && !raced {
            let race = match (rmw, prev.read) {
                (Some(read), _) => {
                    Some(PossibleRace { loc, read, write, other: prev.at, other_is_rmw: prev.read.is_some() })
                }
                (None, Some(other_read)) => {
                    Some(PossibleRace { loc, read: other_read, write: prev.at, other: write, other_is_rmw: false })
                }
                (None, None) => None,
            };
            if let Some(race) = race {
                self.locations[loc as usize].raced = true;
                self.races.push(race);
            }
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
