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

use crate::machine::Machine;
use crate::strategy::DecisionKind;
use gilsim_core::Policy;
use gilsim_vm::{footprint, TimelineKind};

/// One interpreter-lock policy. Implementations are stateless: the state lives in the
/// machine, so a policy is shared as `&'static`.
pub(crate) trait LockPolicy: Sync {
    /// Whether the holder must stop at its next switch point (set before each slice).
    fn breaker(&self, m: &Machine) -> bool;

    /// The lock is free: the index in the run queue of the thread that takes it.
    fn next_holder(&self, m: &mut Machine) -> usize;

    /// The holder `t` stopped at a switch point because the breaker was set.
    fn at_switch_point(&self, m: &mut Machine, t: usize);

    /// Which of a released lock's `waiters` (in blocking order) is woken. CPython leaves
    /// it to the OS, observed FIFO on Linux (§4.1).
    fn lock_waiter(&self, _m: &mut Machine, _waiters: &[usize]) -> usize {
        0
    }

    /// The earliest time the holder's slice must pause for the policy's own clock.
    fn pause_at(&self, _m: &Machine) -> Option<u64> {
        None
    }

    /// After every slice of the holder.
    fn after_slice(&self, _m: &mut Machine) {}

    /// Whether threads run on the machine's cores, several at once (no lock to hold).
    fn uses_cores(&self) -> bool {
        false
    }

    /// The thread that runs the next slice, if any can run: the holder, or the one the lock
    /// is handed to now.
    fn next_runner(&self, m: &mut Machine) -> Option<usize> {
        m.gil.holder.or_else(|| m.grant_next())
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
    fn breaker(&self, m: &Machine) -> bool {
        m.gil.drop_request
    }

    fn next_holder(&self, _m: &mut Machine) -> usize {
        0
    }

    fn at_switch_point(&self, m: &mut Machine, t: usize) {
        // Forced drop: the holder goes to the back; the FIFO front takes the GIL.
        m.gil.drop_request = false;
        m.gil.holder = None;
        m.enqueue(t);
        if let Some(next) = m.gil.ready.pop_front() {
            m.grant(next);
        }
    }

    fn pause_at(&self, m: &Machine) -> Option<u64> {
        if m.gil.drop_request {
            return None;
        }
        m.gil.ready.iter().map(|&w| m.threads[w].gil_deadline).min()
    }

    /// A waiter whose interval expired without a switch sets the drop request; every expired
    /// waiter starts a new interval.
    fn after_slice(&self, m: &mut Machine) {
        if m.gil.holder.is_none() {
            return;
        }
        let now = m.now();
        let interval = m.interval();
        let switches = m.gil.switches;
        for &w in &m.gil.ready {
            let th = &mut m.threads[w];
            if th.gil_deadline <= now {
                if th.saved_switch == switches {
                    m.gil.drop_request = true;
                }
                th.saved_switch = switches;
                th.gil_deadline = now + interval;
            }
        }
    }
}

pub(crate) struct Preemptive;

impl LockPolicy for Preemptive {
    fn breaker(&self, m: &Machine) -> bool {
        !m.gil.ready.is_empty()
    }

    fn next_holder(&self, m: &mut Machine) -> usize {
        m.choose_ready(DecisionKind::NextThread, None)
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
    fn breaker(&self, _m: &Machine) -> bool {
        false
    }

    fn next_holder(&self, _m: &mut Machine) -> usize {
        0
    }

    /// The old GIL's release and immediate re-acquire race, which any waiter or the holder
    /// itself may win; with no waiter it is a no-op.
    fn at_switch_point(&self, m: &mut Machine, t: usize) {
        choose_at_switch_point(m, t);
    }
}

/// Any queued thread or the holder `t` goes on, by a decision.
fn choose_at_switch_point(m: &mut Machine, t: usize) {
    let choice = m.choose_ready(DecisionKind::SwitchPoint, Some(t));
    if choice < m.gil.ready.len() {
        let next = m.gil.ready.remove(choice).expect("in range");
        m.gil.holder = None;
        m.gil.ready.push_back(t);
        m.record(t, TimelineKind::WaitingForGil);
        m.grant(next);
    } else if !m.gil.ready.is_empty() {
        // The holder goes on, by a choice: a new step.
        m.begin_step(t);
    }
}

pub(crate) struct NoGil;

impl LockPolicy for NoGil {
    /// Stop at every switch point (every instruction) while another core runs a thread, so
    /// the cores' clocks stay in step; and when a thread waits for a core past its interval.
    fn breaker(&self, m: &Machine) -> bool {
        m.gil.drop_request || several_on_cores(m)
    }

    fn uses_cores(&self) -> bool {
        true
    }

    fn next_holder(&self, _m: &mut Machine) -> usize {
        0
    }

    /// A thread waited a whole interval for a core: the one that just ran gives up its core.
    fn at_switch_point(&self, m: &mut Machine, t: usize) {
        if m.gil.drop_request {
            m.gil.drop_request = false;
            m.release_gil(t);
            m.enqueue(t);
        }
    }

    fn pause_at(&self, m: &Machine) -> Option<u64> {
        Fair.pause_at(m)
    }

    fn after_slice(&self, m: &mut Machine) {
        Fair.after_slice(m);
    }

    /// Fill the free cores from the run queue, then run the thread whose core's clock is
    /// earliest (a decision among those at the same instant).
    fn next_runner(&self, m: &mut Machine) -> Option<usize> {
        while !m.gil.ready.is_empty() {
            let Some(core) = m.free_core() else { break };
            let t = m.gil.ready.pop_front().expect("not empty");
            let start = m.cores[core].clock.max(m.threads[t].ready_since);
            m.cores[core].clock = start;
            m.cores[core].thread = Some(t);
            m.vm.set_now(start);
            // May block `t` again (a lock retry lost), which frees the core.
            m.grant(t);
        }
        let earliest = m.cores.iter().filter(|core| core.thread.is_some()).map(|core| core.clock).min()?;
        let t = m.choose_among_cores(earliest);
        if several_on_cores(m) {
            // Who runs next depends on the cores' clocks: a search cannot reorder this step.
            m.recording(|_| footprint::note_timed());
        }
        m.gil.holder = Some(t);
        m.vm.set_now(earliest);
        Some(t)
    }
}

/// Whether two or more threads are on cores.
fn several_on_cores(m: &Machine) -> bool {
    m.cores.iter().filter(|core| core.thread.is_some()).nth(1).is_some()
}
