//! The interpreter-lock policies: how a thread gets the GIL, when it must drop it, and who
//! takes it next. The machine keeps the lock's state (holder, run queue, drop request) and
//! asks its process's [`LockPolicy`] at each point where the policies differ.
//!
//! - [`Fair`]: CPython 3.2+'s new GIL (python-semantics.md §2.6, `Python/ceval_gil.c`): a
//!   waiter asks for a drop when a switch interval passed without a switch; the holder drops
//!   at its next switch point and goes to the back of the FIFO.
//! - [`Preemptive`]: every switch point with a waiter is a decision among all of them and the
//!   holder; lock waiters are woken by a decision too. The policy of exploration.
//! - [`Ticks`]: the old GIL (≤ 3.1, §1.5): the VM's ticker ends the slice every
//!   `check_interval` ticks, and the release / re-acquire race is a decision.
//! - [`NoGil`]: a free-threaded build (PEP 703). No lock: every runnable thread takes a free
//!   core; each core keeps its own clock, and the thread whose core is furthest behind runs
//!   next, one instruction at a time while several run, so what two threads do at one
//!   virtual instant is interleaved instruction by instruction (which of them goes first at
//!   a tie is a decision). Threads beyond the cores wait in the run queue and take a core
//!   from a thread that used a switch interval while they waited, as the OS time-slices.

use crate::gil_stats::Release;
use crate::machine::Machine;
#[cfg(doc)]
use crate::noise::Noise;
use crate::strategy::DecisionKind;
use gilsim_core::Policy;
use gilsim_vm::TimelineKind;

/// One interpreter-lock policy. Implementations are stateless: the state lives in the
/// machine, so a policy is shared as `&'static`.
pub(crate) trait LockPolicy: Sync {
    /// Whether the holder in process `p` must stop at its next switch point (set before
    /// each slice).
    fn breaker(&self, m: &Machine, p: usize) -> bool;

    /// Process `p`'s lock is free: the index in its run queue of the thread that takes it.
    fn next_holder(&self, m: &mut Machine, p: usize) -> usize;

    /// The holder `t` stopped at a switch point because the breaker was set.
    fn at_switch_point(&self, m: &mut Machine, t: usize);

    /// `child`, just granted the GIL, has started: `parent`, waiting in `Thread.start()`, is
    /// runnable again. By default the child goes on.
    fn child_started(&self, _m: &mut Machine, _child: usize, _parent: usize) {}

    /// Which of a released lock's `waiters` (in blocking order) is woken. CPython leaves
    /// it to the OS, observed FIFO on Linux (§4.1).
    fn lock_waiter(&self, _m: &mut Machine, _waiters: &[usize]) -> usize {
        0
    }

    /// The earliest time the slice of process `p`'s holder must pause for the policy's own
    /// clock.
    fn pause_at(&self, _m: &Machine, _p: usize) -> Option<u64> {
        None
    }

    /// After every slice of process `p`'s holder.
    fn after_slice(&self, _m: &mut Machine, _p: usize) {}

    /// Whether threads run on the machine's cores, several at once (no lock to hold).
    fn uses_cores(&self) -> bool {
        false
    }
}

/// The policy object for `policy`.
pub(crate) fn lock_policy(policy: Policy) -> &'static dyn LockPolicy {
    match policy {
        Policy::Fair => &Fair,
        Policy::Preemptive => &Preemptive,
        Policy::Ticks => &Ticks,
        Policy::NoGil => &NoGil,
    }
}

pub(crate) struct Fair;

impl LockPolicy for Fair {
    fn breaker(&self, m: &Machine, p: usize) -> bool {
        m.procs[p].gil.drop_request
    }

    fn next_holder(&self, _m: &mut Machine, _p: usize) -> usize {
        0
    }

    fn at_switch_point(&self, m: &mut Machine, t: usize) {
        // Forced drop: the holder goes to the back; the FIFO front takes the GIL.
        let p = m.threads[t].process;
        m.procs[p].gil.drop_request = false;
        m.release_gil(t, Release::Forced);
        m.enqueue(t);
        if let Some(next) = m.procs[p].gil.ready.pop_front() {
            m.grant(next);
        }
        // FORCE_SWITCHING: `drop_gil` waits until the waiter has taken the GIL, so the dropped
        // holder's interval counts switches from after the hand-off (else its first interval
        // would pass "without a switch" only at its second expiry: 10 ms turns, not 5).
        m.threads[t].saved_switch = m.procs[p].gil.switches;
    }

    fn pause_at(&self, m: &Machine, p: usize) -> Option<u64> {
        let gil = &m.procs[p].gil;
        if gil.drop_request {
            return None;
        }
        gil.ready.iter().map(|&w| m.threads[w].gil_deadline).min()
    }

    /// A waiter whose interval expired without a switch sets the drop request; every expired
    /// waiter starts a new interval.
    fn after_slice(&self, m: &mut Machine, p: usize) {
        if m.procs[p].gil.holder.is_none() {
            return;
        }
        let now = m.now();
        let interval = m.interval();
        let switches = m.procs[p].gil.switches;
        for i in 0..m.procs[p].gil.ready.len() {
            let w = m.procs[p].gil.ready[i];
            if m.threads[w].gil_deadline <= now {
                if m.threads[w].saved_switch == switches {
                    m.procs[p].gil.drop_request = true;
                }
                let slack = m.noise.timer_slack();
                let th = &mut m.threads[w];
                th.saved_switch = switches;
                th.gil_deadline = now + interval + slack;
            }
        }
    }
}

pub(crate) struct Preemptive;

impl LockPolicy for Preemptive {
    fn breaker(&self, m: &Machine, p: usize) -> bool {
        !m.procs[p].gil.ready.is_empty()
    }

    fn next_holder(&self, m: &mut Machine, p: usize) -> usize {
        m.choose_ready(p, DecisionKind::NextThread, None)
    }

    fn at_switch_point(&self, m: &mut Machine, t: usize) {
        choose_at_switch_point(m, t);
    }

    fn lock_waiter(&self, m: &mut Machine, waiters: &[usize]) -> usize {
        m.choose(DecisionKind::LockWaiter, waiters, None)
    }
}

pub(crate) struct Ticks;

impl LockPolicy for Ticks {
    /// The VM's own ticker ends the slice.
    fn breaker(&self, _m: &Machine, _p: usize) -> bool {
        false
    }

    fn next_holder(&self, _m: &mut Machine, _p: usize) -> usize {
        0
    }

    /// The old GIL's release and immediate re-acquire race, which any waiter or the holder
    /// itself may win; with no waiter it is a no-op. With timing noise the machine's timing
    /// decides it (the first waiter wins or the holder goes on, and the battle for the lock
    /// costs time: [`Noise::old_gil_check`]); with exact timing it is a scheduling decision.
    fn at_switch_point(&self, m: &mut Machine, t: usize) {
        let p = m.threads[t].process;
        if m.procs[p].gil.ready.is_empty() {
            return;
        }
        let now = m.now();
        let held_since = m.threads[t].gil.held_since().unwrap_or(now);
        let Some(check) = m.noise.old_gil_check(t, held_since, now, m.options.cores) else {
            choose_at_switch_point(m, t);
            return;
        };
        m.pass_time(check.cost);
        if check.waiter_wins {
            hand_over(m, t, 0, Release::Forced);
        }
    }

    /// 2.7's child sets its `_started` event, then acquires a lock in its bootstrap — every
    /// acquire releases the old GIL — while the parent it woke reaches for the GIL: with timing
    /// noise the parent goes on first about half the time ([`Noise::parent_resumes_first`]).
    /// With exact timing the child goes on, as under the other policies.
    fn child_started(&self, m: &mut Machine, child: usize, parent: usize) {
        if !m.noise.parent_resumes_first() {
            return;
        }
        let p = m.threads[child].process;
        if let Some(index) = m.procs[p].gil.ready.iter().position(|&waiter| waiter == parent) {
            hand_over(m, child, index, Release::Voluntary);
        }
    }
}

/// Any queued thread or the holder `t` goes on, by a decision.
fn choose_at_switch_point(m: &mut Machine, t: usize) {
    let p = m.threads[t].process;
    let choice = m.choose_ready(p, DecisionKind::SwitchPoint, Some(t));
    let waiting = m.procs[p].gil.ready.len();
    if choice < waiting {
        hand_over(m, t, choice, Release::Forced);
    } else if waiting > 0 {
        // The holder goes on, by a choice: a new step.
        m.begin_step(t);
    }
}

/// The holder `t` hands process's GIL (dropping it as `how` says) to the waiter at `index` of
/// the run queue and waits behind the others.
fn hand_over(m: &mut Machine, t: usize, index: usize, how: Release) {
    let p = m.threads[t].process;
    let next = m.procs[p].gil.ready.remove(index).expect("in range");
    m.release_gil(t, how);
    // Back in the queue without a new switch interval (not `enqueue`).
    m.procs[p].gil.ready.push_back(t);
    let now = m.now();
    m.threads[t].gil.wait_begins(now, false);
    m.record(t, TimelineKind::WaitingForGil);
    m.grant(next);
}

pub(crate) struct NoGil;

impl LockPolicy for NoGil {
    /// Stop at every switch point (every instruction) while another core runs a thread, so
    /// the cores' clocks stay in step; and when a thread waits for a core past its interval.
    fn breaker(&self, m: &Machine, p: usize) -> bool {
        m.procs[p].gil.drop_request || m.several_on_cores()
    }

    fn uses_cores(&self) -> bool {
        true
    }

    fn next_holder(&self, _m: &mut Machine, _p: usize) -> usize {
        0
    }

    /// A thread waited a whole interval for a core: the one that just ran gives up its core.
    fn at_switch_point(&self, m: &mut Machine, t: usize) {
        let p = m.threads[t].process;
        if m.procs[p].gil.drop_request {
            m.procs[p].gil.drop_request = false;
            m.release_gil(t, Release::Forced);
            m.enqueue(t);
        }
    }

    fn pause_at(&self, m: &Machine, p: usize) -> Option<u64> {
        Fair.pause_at(m, p)
    }

    fn after_slice(&self, m: &mut Machine, p: usize) {
        Fair.after_slice(m, p);
    }
}
