//! The machine's cores. While one process with a GIL runs alone there are none: one thread
//! runs at a time on the machine's one clock. Without a GIL (free-threaded), or from the
//! second process on, runnable threads take cores: a process with a GIL puts its holder on
//! one, a process without puts every ready thread on one. Each core keeps its own clock, and
//! the thread whose core is furthest behind runs next, so what threads on different cores do
//! is ordered by virtual time. Without a GIL a thread runs one instruction at a time while
//! another core is busy (threads share everything), and which of two at the same instant
//! goes first is a decision. With one, processes share only what `multiprocessing` shares,
//! so a thread runs on until it is about to do something other processes can see (a shared
//! `Value`, a SemLock, a channel, the process table, the terminal: `gilsim_vm::Gate`) and
//! waits there for its turn: such operations happen in virtual-time order, except that two
//! less than [`SKEW`] apart may happen in either order (a decision) — real cores' clocks
//! drift, and this is how a lost update on a shared `Value` can be found. When more
//! processes want a core than there are, the OS time-slices: a process that has waited a
//! switch interval for a core takes it from the GIL holder that has been on a core the
//! longest (which keeps its GIL); one that woke (a sleep, a lock, a queue) takes it at once
//! from a process that has run [`WAKEUP_PREEMPTION`] longer than it — Linux's wake-up
//! preemption, which favours a sleeper over a thread that has been running (CFS compares
//! their virtual runtimes).

use crate::machine::Machine;
use gilsim_vm::footprint;

/// How far apart in virtual time two shared operations of processes on different cores may
/// be and still happen in either order (ns): a hundred instructions.
pub(crate) const SKEW: u64 = 2_000;

/// How much longer than a woken process another must have run for the woken one to take its
/// core at once (ns; CFS's wake-up granularity). CPython 3.8 and 3.12 on one core here (Linux
/// 6.18), beside a child spinning on a `Value`: the parent's `time.sleep(0.01)` returned
/// after 10.10–10.12 ms in 20 of 20 sleeps, and its `get_lock()` acquire took 8–99 µs in 19
/// of 20; waiting for the spinner's time slice would have made them 10–15 ms and up to 5 ms.
const WAKEUP_PREEMPTION: u64 = 1_000_000;

/// Whose core a process waiting for one takes.
#[derive(Clone, Copy)]
enum Victim {
    /// This core's (a woken process preempts a long runner).
    Core(usize),
    /// The core whose thread has been on it longest, once that is a switch interval.
    LongestOnCore,
}

/// A core of the simulated machine.
#[derive(Clone, Copy, Default)]
pub(crate) struct Core {
    /// The thread on it.
    pub(crate) thread: Option<usize>,
    /// How far this core's virtual time has come.
    pub(crate) clock: u64,
    /// Virtual time it spent running threads.
    pub(crate) busy: u64,
    /// When its thread was put on it.
    since: u64,
}

impl Machine<'_> {
    /// The second process started (`t` forked it): from now on threads run on cores. The
    /// running thread takes the first; the others start at the current time.
    pub(crate) fn start_cores(&mut self, t: usize) {
        if !self.cores.is_empty() {
            return;
        }
        let now = self.now();
        self.cores = vec![Core { thread: None, clock: now, busy: 0, since: now }; self.options.cores as usize];
        self.cores[0] = Core { thread: Some(t), clock: now, busy: self.solo_busy, since: now };
    }

    /// Fill the free cores, then pick the thread whose core's clock is earliest.
    pub(crate) fn next_on_cores(&mut self) -> Option<usize> {
        self.free_stale_cores();
        self.time_slice();
        self.fill_cores();
        let (t, at) = if self.orders_shared_operations() { self.next_turn()? } else { self.earliest_on_cores()? };
        if self.several_on_cores() {
            // Who runs next depends on the cores' clocks: a search cannot reorder this step.
            self.recording(|_| footprint::note_timed());
        }
        if self.policy.uses_cores() {
            // No GIL: the "holder" is the thread that runs this slice.
            let p = self.threads[t].process;
            self.procs[p].gil.holder = Some(t);
        }
        self.vm.set_now(at);
        Some(t)
    }

    /// Whether shared operations wait for their turn: several processes with a GIL on cores.
    pub(crate) fn orders_shared_operations(&self) -> bool {
        !self.policy.uses_cores() && self.several_on_cores()
    }

    /// Among the threads on cores, the one whose core is furthest behind (a decision among
    /// ties), and its core's clock.
    fn earliest_on_cores(&mut self) -> Option<(usize, u64)> {
        let earliest = self.cores.iter().filter(|core| core.thread.is_some()).map(|core| core.clock).min()?;
        Some((self.choose_among_cores(earliest, earliest), earliest))
    }

    /// Who goes next while shared operations are ordered: a thread that is not waiting for its
    /// turn and is at most [`SKEW`] past the earliest waiting one runs on (it may reach a
    /// shared operation within the window); otherwise one of the waiting threads within
    /// [`SKEW`] of the earliest takes its turn (a decision).
    fn next_turn(&mut self) -> Option<(usize, u64)> {
        let threads = &self.threads;
        let waiting = |core: &&Core| core.thread.is_some_and(|t| threads[t].turn.is_some());
        let earliest_waiting = self.cores.iter().filter(waiting).map(|core| core.clock).min();
        let horizon = earliest_waiting.map_or(u64::MAX, |at| at.saturating_add(SKEW));
        let running = self
            .cores
            .iter()
            .filter(|core| core.thread.is_some() && !waiting(core) && core.clock <= horizon)
            .min_by_key(|core| core.clock);
        if let Some(core) = running {
            return Some((core.thread.expect("a busy core"), core.clock));
        }
        let earliest = earliest_waiting?;
        let t = self.choose_among_cores(earliest, horizon);
        let at = self.cores.iter().find(|core| core.thread == Some(t)).map_or(earliest, |core| core.clock);
        Some((t, at))
    }

    /// Put runnable threads on free cores, process by process: the GIL holder of a process
    /// with a GIL (handing a free GIL to the thread the policy picks), every ready thread of a
    /// process without.
    fn fill_cores(&mut self) {
        let free_threading = self.policy.uses_cores();
        // The process that has waited longest for a core goes first.
        let mut order: Vec<usize> = (0..self.procs.len()).collect();
        order.sort_by_key(|&p| (self.procs[p].core_wait_since.unwrap_or(u64::MAX), p));
        for p in order {
            if !self.wants_core(p) {
                self.procs[p].core_wait_since = None;
                continue;
            }
            if self.free_core().is_none() {
                let now = self.now();
                self.procs[p].core_wait_since.get_or_insert(now);
                continue;
            }
            self.procs[p].core_wait_since = None;
            self.procs[p].in_turn = false;
            while let Some(core) = self.free_core() {
                let (t, granted) = if free_threading {
                    match self.procs[p].gil.ready.pop_front() {
                        Some(t) => (t, false),
                        None => break,
                    }
                } else {
                    match self.procs[p].gil.holder {
                        Some(holder) if self.on_core(holder) => break,
                        Some(holder) => (holder, true),
                        None if self.procs[p].gil.ready.is_empty() => break,
                        None => {
                            let index = self.policy.next_holder(self, p);
                            (self.procs[p].gil.ready.remove(index).expect("index in range"), false)
                        }
                    }
                };
                let start = self.cores[core].clock.max(self.threads[t].ready_since);
                self.cores[core] = Core { thread: Some(t), clock: start, since: start, ..self.cores[core] };
                self.vm.set_now(start);
                if !granted {
                    // May block `t` again (a lock retry lost), which frees the core.
                    self.grant(t);
                }
                if !free_threading {
                    break;
                }
            }
        }
    }

    /// With a GIL, only a holder runs on a core. A hand-off at a switch point leaves the core
    /// to the new holder (`hand_core`), but when the new holder's lock retry fails it blocks
    /// before taking it: the core is free again.
    fn free_stale_cores(&mut self) {
        if self.policy.uses_cores() {
            return;
        }
        for c in 0..self.cores.len() {
            if let Some(t) = self.cores[c].thread {
                if self.procs[self.threads[t].process].gil.holder != Some(t) {
                    self.cores[c].thread = None;
                }
            }
        }
    }

    /// Whether process `p` has a thread that could run but is on no core.
    fn wants_core(&self, p: usize) -> bool {
        let gil = &self.procs[p].gil;
        match gil.holder {
            _ if self.policy.uses_cores() => !gil.ready.is_empty(),
            Some(holder) => !self.on_core(holder),
            None => !gil.ready.is_empty(),
        }
    }

    /// The OS's time slice, with a GIL: once a process has waited a switch interval for a
    /// core, the GIL holder on a core the longest (at least an interval) gives it up, keeping
    /// its GIL, and waits for a core in turn; a process that woke takes the core of one that
    /// has run [`WAKEUP_PREEMPTION`] longer at once.
    fn time_slice(&mut self) {
        if self.policy.uses_cores() {
            return;
        }
        let Some((due, victim)) = self.next_core_waiter() else { return };
        let Some(now) = self.cores.iter().filter(|core| core.thread.is_some()).map(|core| core.clock).min() else {
            return;
        };
        if due > now {
            return;
        }
        let core = match victim {
            Victim::Core(c) => Some(c),
            Victim::LongestOnCore => (0..self.cores.len())
                .filter(|&c| {
                    self.cores[c].thread.is_some() && self.cores[c].since + self.interval() <= self.cores[c].clock
                })
                .min_by_key(|&c| (self.cores[c].since, c)),
        };
        if let Some(c) = core {
            let t = self.cores[c].thread.take().expect("a busy core");
            self.threads[t].ready_since = self.cores[c].clock;
            let p = self.threads[t].process;
            self.procs[p].core_wait_since = Some(self.cores[c].clock);
            self.procs[p].in_turn = true;
        }
    }

    /// The process waiting for a core that may take one first: when it may (a switch interval
    /// after it began waiting, or at once when it woke and another has run much longer), and
    /// whose core it takes.
    fn next_core_waiter(&self) -> Option<(u64, Victim)> {
        let interval = self.interval();
        (0..self.procs.len())
            .filter_map(|p| {
                let since = self.procs[p].core_wait_since?;
                let woken = (!self.procs[p].in_turn).then(|| self.hog_core(p)).flatten();
                Some(match woken {
                    Some(c) => (since, Victim::Core(c)),
                    None => (since + interval, Victim::LongestOnCore),
                })
            })
            .min_by_key(|&(due, _)| due)
    }

    /// The core whose process has run longest, if that is [`WAKEUP_PREEMPTION`] longer than
    /// process `p` has.
    fn hog_core(&self, p: usize) -> Option<usize> {
        let cpu = |c: usize| self.cores[c].thread.map(|t| self.procs[self.threads[t].process].cpu);
        let c = (0..self.cores.len()).filter(|&c| cpu(c).is_some()).max_by_key(|&c| (cpu(c), std::cmp::Reverse(c)))?;
        (cpu(c)? >= self.procs[p].cpu + WAKEUP_PREEMPTION).then_some(c)
    }

    /// When the running slice must pause for the OS's time slice: when the next waiting
    /// process may take a core (for the time slice, once a thread has been on its core an
    /// interval).
    pub(crate) fn time_slice_due(&self) -> Option<u64> {
        if self.cores.is_empty() || self.policy.uses_cores() {
            return None;
        }
        let (due, victim) = self.next_core_waiter()?;
        let longest = self.cores.iter().filter(|core| core.thread.is_some()).map(|core| core.since).min()?;
        Some(match victim {
            Victim::Core(_) => due,
            Victim::LongestOnCore => due.max(longest + self.interval()),
        })
    }

    /// The new GIL holder `t` of a process with a GIL takes the core of the thread it took
    /// the GIL from (a hand-off at a switch point happens on the same CPU).
    pub(crate) fn hand_core(&mut self, t: usize) {
        if self.cores.is_empty() || self.policy.uses_cores() || self.on_core(t) {
            return;
        }
        let p = self.threads[t].process;
        let threads = &self.threads;
        if let Some(core) = self.cores.iter_mut().find(|core| core.thread.is_some_and(|o| threads[o].process == p)) {
            core.thread = Some(t);
        }
    }

    fn on_core(&self, t: usize) -> bool {
        self.cores.iter().any(|core| core.thread == Some(t))
    }

    /// A decision among the threads on cores whose clock is from `from` to `to` (in core
    /// order).
    fn choose_among_cores(&mut self, from: u64, to: u64) -> usize {
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.clear();
        candidates
            .extend(self.cores.iter().filter(|core| (from..=to).contains(&core.clock)).filter_map(|core| core.thread));
        let t = candidates[self.choose(crate::strategy::DecisionKind::Parallel, &candidates, None)];
        self.candidates = candidates;
        t
    }

    /// The free core whose clock is earliest.
    pub(crate) fn free_core(&self) -> Option<usize> {
        (0..self.cores.len()).filter(|&c| self.cores[c].thread.is_none()).min_by_key(|&c| self.cores[c].clock)
    }

    /// Whether two or more threads are on cores.
    pub(crate) fn several_on_cores(&self) -> bool {
        self.cores.iter().filter(|core| core.thread.is_some()).nth(1).is_some()
    }

    /// Thread `t` ran a slice that began at `started`: its core's clock follows.
    pub(crate) fn advance_core(&mut self, t: usize, started: u64) {
        let now = self.now();
        self.procs[self.threads[t].process].cpu += now - started;
        if self.cores.is_empty() {
            self.solo_busy += now - started;
        } else if let Some(core) = self.cores.iter_mut().find(|core| core.thread == Some(t)) {
            core.busy += now - started;
            core.clock = now;
        }
    }
}
