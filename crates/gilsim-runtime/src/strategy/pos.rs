//! `pos`: random priorities that are drawn afresh after every step, and a thread that has
//! just opened a window yields to all others half of the time.
//!
//! Partial-order sampling (Yuan, Yang and Gu, "Partial Order Aware Concurrency Sampling",
//! CAV 2018): every thread holds a random priority and the candidate with the highest one
//! runs. A thread draws a new priority after each step it ran (and when it comes back from a
//! wait or first appears); the others keep theirs. A thread that lost a draw therefore stays
//! behind until the winners' new draws fall below it: threads stall for long stretches, which
//! a uniform choice at every decision almost never does, and many bugs need exactly that.
//!
//! POS proper also draws new priorities for the pending operations that race with the one
//! just run; gilsim cannot see a thread's next operation before it runs, so it looks at the
//! step just run instead. When that step *opened a window* ([`Window`]) — read shared data of
//! the script or acquired a lock — the thread drops below every other thread with probability
//! 1/2, so the others run while what it read may go stale or while it holds the lock. This is
//! the move of RaceFuzzer (Sen, PLDI 2008) and DeadlockFuzzer (Joshi, Park, Sen and Naik,
//! PLDI 2009), which pause a thread at such points, made at random here.
//!
//! Dropped threads form two bands. A thread that dropped at a read comes back, first dropped
//! first, as soon as no undropped thread can run; one that dropped just after taking a lock
//! comes back only when no other thread can run at all, as DeadlockFuzzer keeps a thread
//! paused at an acquire for as long as others make progress. One band would undo the pause:
//! with switch points at every instruction (CPython ≤ 3.9, free-threaded builds) a thread
//! reads shared data many times before its next acquire, and each drop at a read sent it
//! behind the lock holders, which then ran on and took their next lock. Five philosophers
//! (`bench/cases/dining_philosophers_5.py`, `--python 3.9`) went from a median of 149 runs
//! to the deadlock to 3 (`bench/find.sh`).
//!
//! Every schedule keeps a positive probability: at each decision the running thread's new
//! priority may land above or below any other.

use super::{highest_priority, Decision, DecisionKind, Strategy, Window};
use gilsim_core::SimRng;
use gilsim_detect::ThreadId;

/// Drawn priorities lie in `[FRESH, 2 * FRESH)`; threads dropped at a read get ever lower ones
/// below (down to `LOCK_DROPS`), and threads dropped at a lock ever lower ones below that.
const FRESH: u64 = 1 << 62;
const READ_DROPS: u64 = FRESH;
const LOCK_DROPS: u64 = FRESH / 2;

pub struct Pos {
    rng: SimRng,
    /// Priority per thread id (0: not seen yet).
    priorities: Vec<u64>,
    /// The candidates of the last decision among runnable threads, and the thread it chose.
    last_candidates: Vec<ThreadId>,
    last_chosen: Option<ThreadId>,
    /// The priorities the next threads dropped at a read and at a lock get.
    next_read_drop: u64,
    next_lock_drop: u64,
    /// Threads dropped at a lock join those dropped at a read, as before the bands: only to
    /// replay the tokens recorded then.
    one_band: bool,
}

impl Pos {
    pub fn new(seed: u64) -> Pos {
        Pos {
            rng: SimRng::new(seed, 0),
            priorities: Vec::new(),
            last_candidates: Vec::new(),
            last_chosen: None,
            next_read_drop: READ_DROPS - 1,
            next_lock_drop: LOCK_DROPS - 1,
            one_band: false,
        }
    }

    /// `pos` as recorded by gilsim before the two bands (`Schedule::PosOneBand` tokens).
    pub fn one_band(seed: u64) -> Pos {
        Pos { one_band: true, ..Pos::new(seed) }
    }

    fn draw(&mut self) -> u64 {
        FRESH | (self.rng.next_u64() >> 2)
    }

    /// The priority of a thread dropping now at `window`: below every thread that dropped
    /// before it in its band.
    fn next_drop(&mut self, window: Window) -> u64 {
        let (next, floor) = match window {
            _ if self.one_band => (&mut self.next_read_drop, 1),
            Window::Lock => (&mut self.next_lock_drop, 1),
            Window::Read | Window::None => (&mut self.next_read_drop, LOCK_DROPS),
        };
        let priority = *next;
        *next = next.saturating_sub(1).max(floor);
        priority
    }

    fn priority_mut(&mut self, thread: ThreadId) -> &mut u64 {
        if self.priorities.len() <= thread {
            self.priorities.resize(thread + 1, 0);
        }
        &mut self.priorities[thread]
    }
}

impl Strategy for Pos {
    fn choose(&mut self, decision: &Decision<'_>) -> usize {
        let candidates = decision.candidates;
        if decision.kind == DecisionKind::LockWaiter {
            // Waiters did not run since they blocked: their priorities stand.
            for &thread in candidates {
                if *self.priority_mut(thread) == 0 {
                    *self.priority_mut(thread) = self.draw();
                }
            }
            return highest_priority(candidates, |thread| self.priorities[thread]);
        }
        let current = decision.current.map(|i| candidates[i]);
        for &thread in candidates {
            let ran = Some(thread) == current || Some(thread) == self.last_chosen;
            let stale = *self.priority_mut(thread) == 0 || ran || !self.last_candidates.contains(&thread);
            if Some(thread) == current && decision.window != Window::None && self.rng.below(2) == 0 {
                *self.priority_mut(thread) = self.next_drop(decision.window);
            } else if stale {
                let fresh = self.draw();
                *self.priority_mut(thread) = fresh;
            }
        }
        let chosen = highest_priority(candidates, |thread| self.priorities[thread]);
        self.last_candidates.clear();
        self.last_candidates.extend_from_slice(candidates);
        self.last_chosen = Some(candidates[chosen]);
        chosen
    }
}
