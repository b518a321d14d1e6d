//! Timing noise (`--timing noisy`, the default under the `fair` and `ticks` policies): the
//! lateness a real machine adds to every wake-up, drawn from the run's seed on a stream of its
//! own, so that where a GIL hand-off lands in a thread's instruction stream — and so which
//! updates a race loses — varies over seeds as CPython's outcomes vary over runs
//! (docs/policies.md has the calibration against CPython 2.7 and 3.6–3.9).
//!
//! Its sources, all integer draws (no floating point, so every platform draws the same):
//! - **timer slack**: Linux fires a normal thread's timer up to `timer_slack_ns` (50 µs by
//!   default, `prctl(PR_SET_TIMERSLACK)`) late: the script's timers (a `time.sleep`, a timed
//!   `acquire`/`join`) at the slack's end, the GIL waiter's timed wait of one switch interval
//!   (`COND_TIMED_WAIT` in `Python/ceval_gil.c`) anywhere in it;
//! - **thread creation**: a started thread exists only after the OS has made it;
//! - **process creation**: `Process.start()` takes as long as a fork (or a spawn) takes, and
//!   the child runs its first bytecode later still;
//! - **wake-up latency**: a thread handed the GIL was asleep on a condition variable and
//!   runs only once the OS schedules it (a few µs on an idle core, with a long tail);
//! - **instruction speed**: a stretch of bytecode never runs at quite the same speed twice
//!   (caches, branch predictors, frequency scaling): each slice takes 0–3 % longer;
//! - **the old GIL's race** on several cores, and what it costs (see `old_gil_check`), and
//!   who goes on once a started thread has woken its parent (`parent_resumes_first`).
//!
//! Invariant: with `--timing exact`, or under `preemptive` and `nogil` (whose choices are the
//! strategy's), nothing is drawn and every amount is 0 — the model of earlier releases, which
//! tokens made before the noise existed replay.

use gilsim_core::{RunOptions, SimRng, Timing};

/// The scheduler's stream is 0; this one is the machine's timing.
const NOISE_STREAM: u64 = 0x7153;

/// Linux's default timer slack for a normal thread.
const TIMER_SLACK_NS: u64 = 50_000;

/// How long the OS takes to create a started thread before it runs: `pthread_create`, the new
/// thread's first wake-up and its bootstrap before it asks for the GIL.
const THREAD_CREATION_NS: u64 = 40_000;

/// `Process.start()` with the `fork` start method: the fork (the parent's page tables
/// copied), the pipes and bookkeeping around it. CPython here, median of 12 starts each: 1.06
/// ms (3.13) to 1.55 ms (3.6) to return, the child's target running 2.7 to 4.7 ms after the
/// call (copy-on-write faults, the child's bootstrap); a start takes `FORK_NS` plus up to
/// `FORK_SPREAD_NS`, and the child begins `FORKED_CHILD_NS` plus up to its spread after it.
const FORK_NS: u64 = 1_000_000;
const FORK_SPREAD_NS: u64 = 600_000;
const FORKED_CHILD_NS: u64 = 1_200_000;
const FORKED_CHILD_SPREAD_NS: u64 = 1_200_000;

/// `Process.start()` with the `spawn` start method: a new interpreter starts and imports
/// `multiprocessing` before it runs the main module again (whose own work gilsim counts as it
/// runs it). CPython 3.8 and 3.12 here: `start()` 1.0–2.6 ms, the target running 69–79 ms
/// after the call.
const SPAWN_NS: u64 = 1_500_000;
const SPAWNED_CHILD_NS: u64 = 55_000_000;
const SPAWNED_CHILD_SPREAD_NS: u64 = 15_000_000;

/// The least a woken thread waits for a core.
const WAKE_LATENCY_MIN_NS: u64 = 4_000;

/// The scale of the wake-up latency's tail (its mean above the minimum is 1.5 times this).
const WAKE_LATENCY_STEP_NS: u64 = 8_000;

/// How much slower than its instruction count says a slice may run, in thousandths.
const SLOWDOWN_PER_MILLE: u64 = 30;

/// The old GIL on several cores: the chance that a waiter wins the release / re-acquire race
/// at one check. The holder re-takes the lock nanoseconds after releasing it, the waiter must
/// first be woken; it wins when it happens to be awake in that gap. Calibrated with the
/// contested check's cost below on CPython 2.7 on two cores here: two spinning threads changed
/// hands 7,974–22,590 times a second (python-semantics.md §1.4, timeslice.py;
/// scenarios/gil/time_slices.py), and the unlocked counter's spread (docs/policies.md).
const OLD_GIL_WAITER_WINS_ONE_IN: u64 = 40;

/// The old GIL, `Thread.start()`: the chance that the parent, woken by its child's `_started`
/// event, takes the GIL before the child runs its target. The child's bootstrap acquires a
/// lock right after waking the parent, and a 2.7 acquire always releases the GIL, while the
/// parent is awake and reaching for it. CPython 2.7.18 on two idle cores here: the parent ran
/// first in 17, 16 and 13 of 30 runs (a child appending to a list whose length the parent
/// read after `start()`), and printed first in 15 of 30 (F5-style programs); on a loaded
/// machine in 39 of 40.
const OLD_GIL_PARENT_FIRST_ONE_IN: u64 = 2;

/// The old GIL on several cores: the chance that a holder's run begins with the waiter on the
/// holder's own core (the OS put both threads on one), so that the waiter cannot win until the
/// OS preempts the holder after a quantum. The time-slice measurement's longest runs were
/// 8 ms; this rate is calibrated on the spread of the unlocked counter's totals.
const OLD_GIL_ONE_CORE_ONE_IN: u64 = 2048;

/// The old GIL on several cores: what one contested check costs the holder — it signals the
/// waiter (a futex system call), which wakes on another core and fights for the lock's cache
/// line before it sleeps again. Calibrated on Beazley's countdown (scenarios/gil/gil_battle.py):
/// CPython 2.7 on two cores took 1.7 times as long in two threads as serially (§1.4).
const OLD_GIL_BATTLE_NS: u64 = 1_000;

/// The OS scheduler's quantum: a thread waiting for a core gets it after this (4 ms on Linux
/// here: 2.7 pinned to one core switched every 4.0 ms, §1.4).
const OS_QUANTUM_NS: u64 = 4_000_000;

/// How a check of the old GIL with waiters went (see [`Noise::old_gil_check`]).
pub(crate) struct OldGilCheck {
    /// The first waiter takes the GIL.
    pub(crate) waiter_wins: bool,
    /// Virtual time the check cost the holder.
    pub(crate) cost: u64,
}

/// The run's timing noise.
pub(crate) struct Noise {
    rng: Option<SimRng>,
    /// The old GIL: the holder's run the race was last decided in (thread, granted at), and
    /// whether the waiter shares its core during it.
    old_gil_run: Option<(usize, u64, bool)>,
    /// The model of tokens made before 2026-12-04 ([`Timing::NoisyUniformSlack`]).
    uniform_slack: bool,
    /// The model of tokens made before 2026-12-07 ([`Timing::NoisyInstantProcesses`]) too.
    instant_processes: bool,
    /// Every model before the old GIL's start race ([`Timing::NoisyChildFirst`] and older).
    child_first: bool,
}

impl Noise {
    pub(crate) fn new(options: &RunOptions) -> Noise {
        let noisy = options.timing.is_noisy() && options.policy.draws_noise();
        Noise {
            rng: noisy.then(|| SimRng::new(options.seed, NOISE_STREAM)),
            old_gil_run: None,
            uniform_slack: options.timing == Timing::NoisyUniformSlack,
            instant_processes: matches!(options.timing, Timing::NoisyUniformSlack | Timing::NoisyInstantProcesses),
            child_first: options.timing != Timing::Noisy,
        }
    }

    /// The old GIL's release / re-acquire race at a check with waiters, decided by timing,
    /// the holder `holder` holding the GIL since `held_since`, at `now`, on a machine of
    /// `cores`. A waiter on the holder's core (always, with one core) wins once the OS
    /// preempts the holder after its quantum; one on another core wins by chance, and the
    /// battle costs the holder time. None with exact timing, where the race is a scheduling
    /// decision.
    pub(crate) fn old_gil_check(
        &mut self,
        holder: usize,
        held_since: u64,
        now: u64,
        cores: u32,
    ) -> Option<OldGilCheck> {
        let rng = self.rng.as_mut()?;
        let one_core = match self.old_gil_run {
            Some((thread, since, one_core)) if (thread, since) == (holder, held_since) => one_core,
            _ => {
                let one_core = cores == 1 || rng.below(OLD_GIL_ONE_CORE_ONE_IN) == 0;
                self.old_gil_run = Some((holder, held_since, one_core));
                one_core
            }
        };
        let quantum_over = now.saturating_sub(held_since) >= OS_QUANTUM_NS;
        Some(if one_core {
            OldGilCheck { waiter_wins: quantum_over, cost: 0 }
        } else {
            let waiter_wins = quantum_over || rng.below(OLD_GIL_WAITER_WINS_ONE_IN) == 0;
            OldGilCheck { waiter_wins, cost: OLD_GIL_BATTLE_NS }
        })
    }

    /// Under the old GIL, whether a parent whose child has just started goes on before the
    /// child (see [`OLD_GIL_PARENT_FIRST_ONE_IN`]); never with exact timing.
    pub(crate) fn parent_resumes_first(&mut self) -> bool {
        // The older models draw nothing here: their tokens replay the same draws.
        match self.rng.as_mut() {
            Some(rng) if !self.child_first => rng.below(OLD_GIL_PARENT_FIRST_ONE_IN) == 0,
            _ => false,
        }
    }

    /// The extra time a slice that took `elapsed` by its instruction count really took.
    pub(crate) fn slowdown(&mut self, elapsed: u64) -> u64 {
        let Some(rng) = self.rng.as_mut() else { return 0 };
        elapsed.saturating_mul(rng.below(SLOWDOWN_PER_MILLE + 1)) / 1000
    }

    /// How late the script's timer (a `time.sleep`, a timed `acquire`, `join` or `wait`)
    /// fires: at the end of its slack, 50 µs. The kernel programs a sleeping thread's timer
    /// for the slack's end, and on an idle core nothing interrupts earlier; CPython 3.11's
    /// `time.sleep(0.01)` here returned 77-204 µs late (median 105 µs over 200 sleeps; the
    /// rest is the wake-up, [`Noise::wake_latency`], drawn when the woken thread is handed the
    /// GIL), where a draw from 0-50 µs made sleeps 25 µs late on average. Tokens made before
    /// 2026-12-04 replay that draw ([`Timing::NoisyUniformSlack`]).
    pub(crate) fn sleep_slack(&mut self) -> u64 {
        match &self.rng {
            Some(_) if self.uniform_slack => self.timer_slack(),
            Some(_) => TIMER_SLACK_NS,
            None => 0,
        }
    }

    /// How long a started thread takes to exist: CPython 3.11's `Thread.start()` here
    /// returned 76 µs after it was called (median of 50; 3.6 53 µs, 3.8 55 µs, 3.13 59 µs), its
    /// target running 60 µs after the call, where gilsim's took 33 µs and 12 µs.
    pub(crate) fn thread_creation(&self) -> u64 {
        if self.rng.is_some() && !self.uniform_slack {
            THREAD_CREATION_NS
        } else {
            0
        }
    }

    /// How long `Process.start()` takes to return, and how long after the start the child's
    /// main thread runs: `spawn` or fork (see [`FORK_NS`], [`SPAWN_NS`]). (0, 0) where nothing
    /// is drawn: the child exists at once.
    pub(crate) fn process_creation(&mut self, spawn: bool) -> (u64, u64) {
        let Some(rng) = self.rng.as_mut().filter(|_| !self.instant_processes) else { return (0, 0) };
        let start = if spawn { SPAWN_NS } else { FORK_NS + rng.below(FORK_SPREAD_NS + 1) };
        let child = if spawn {
            SPAWNED_CHILD_NS + rng.below(SPAWNED_CHILD_SPREAD_NS + 1)
        } else {
            FORKED_CHILD_NS + rng.below(FORKED_CHILD_SPREAD_NS + 1)
        };
        (start, start + child)
    }

    /// How late the GIL waiter's timed wait of one switch interval fires: uniform in
    /// [0, 50 µs], the draw the spread of the unlocked counter's totals is calibrated with
    /// (docs/policies.md).
    pub(crate) fn timer_slack(&mut self) -> u64 {
        self.rng.as_mut().map_or(0, |rng| rng.below(TIMER_SLACK_NS + 1))
    }

    /// How long a thread handed the GIL takes to run: 4 µs, plus a geometric number of 8 µs
    /// steps (each further step half as likely) and a uniform part of one — an exponential-like
    /// tail in integers, capped at 64 steps.
    pub(crate) fn wake_latency(&mut self) -> u64 {
        let Some(rng) = self.rng.as_mut() else { return 0 };
        let steps = u64::from(rng.next_u64().trailing_zeros());
        WAKE_LATENCY_MIN_NS + steps * WAKE_LATENCY_STEP_NS + rng.below(WAKE_LATENCY_STEP_NS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gilsim_core::Policy;

    fn options(policy: Policy, timing: Timing) -> RunOptions {
        RunOptions { policy, timing, seed: 7, ..RunOptions::default() }
    }

    #[test]
    fn exact_timing_and_the_searching_policies_draw_nothing() {
        for (policy, timing) in
            [(Policy::Fair, Timing::Exact), (Policy::Ticks, Timing::Exact), (Policy::Preemptive, Timing::Noisy)]
        {
            let mut noise = Noise::new(&options(policy, timing));
            assert_eq!((noise.timer_slack(), noise.wake_latency(), noise.slowdown(1000)), (0, 0, 0));
            assert!(noise.old_gil_check(1, 0, 10, 4).is_none(), "{policy} {timing}: the race is a decision");
        }
    }

    #[test]
    fn the_old_gils_waiter_wins_by_chance_across_cores_and_after_a_quantum_on_one() {
        let mut noise = Noise::new(&options(Policy::Ticks, Timing::Noisy));
        // One core: the holder keeps the GIL, at no cost, until the OS preempts it.
        for now in [1_000, 3_999_999] {
            let check = noise.old_gil_check(1, 0, now, 1).expect("noisy");
            assert!(!check.waiter_wins && check.cost == 0, "at {now} ns");
        }
        assert!(noise.old_gil_check(1, 0, OS_QUANTUM_NS, 1).expect("noisy").waiter_wins);
        // Several cores: each check of a run costs the battle and the waiter wins now and then.
        let checks: Vec<OldGilCheck> = (0..40_000).map(|i| noise.old_gil_check(2, 0, i, 2).expect("noisy")).collect();
        let wins = checks.iter().filter(|c| c.waiter_wins).count();
        let shared_core = checks[0].cost == 0;
        assert!(shared_core || (800..1_200).contains(&wins), "{wins} wins in 40,000 checks (1 in 40)");
        assert!(checks.iter().all(|c| c.cost == checks[0].cost), "one run, one placement");
    }

    #[test]
    fn noisy_amounts_stay_in_their_ranges_and_follow_the_seed() {
        let draw = |seed| {
            let mut noise = Noise::new(&RunOptions { seed, ..options(Policy::Fair, Timing::Noisy) });
            (0..1000).map(|_| (noise.timer_slack(), noise.wake_latency())).collect::<Vec<_>>()
        };
        let (a, b, c) = (draw(1), draw(1), draw(2));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().all(|&(slack, _)| slack <= TIMER_SLACK_NS));
        assert!(a.iter().all(|&(_, latency)| latency >= WAKE_LATENCY_MIN_NS));
        let mean = a.iter().map(|&(_, latency)| latency).sum::<u64>() / 1000;
        assert!((12_000..20_000).contains(&mean), "mean wake-up latency {mean} ns");
    }
}
