//! The run loop and the GIL policies (python-semantics.md §2.6 for `fair`).

use crate::cores::Core;
use crate::gil_stats::{GilAccount, GilStats, Release};
use crate::noise::Noise;
use crate::outcome::{BlockedThread, Finding, FindingKind, Outcome, SourceNote, Status, TracebackFrame};
use crate::policy::{lock_policy, LockPolicy};
use crate::processes::Proc;
use crate::steps::StepLog;
use crate::strategy::{Decision, DecisionKind, RandomStrategy, Strategy, Window};
use crate::trace::{Trace, TracedDecision};
use crate::waits::{Wait, WaitKind};
use gilsim_bytecode::Program;
use gilsim_core::RunOptions;
use gilsim_detect::Event;
use gilsim_vm::footprint::{self, LockOp, Resource};
use gilsim_vm::output::OutputSink;
use gilsim_vm::{Exc, Gate, Image, LockState, Request, Slice, SliceEnd, Thread, TimelineKind, Value, Vm, Windows};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;

pub(crate) enum State {
    Runnable,
    Blocked(Wait),
    Finished,
}

impl SimThread {
    pub(crate) fn is_blocked(&self) -> bool {
        matches!(self.state, State::Blocked(_))
    }
}

pub(crate) struct SimThread {
    pub(crate) vm: Thread,
    /// The process it belongs to (index in [`Machine::procs`]).
    pub(crate) process: usize,
    pub(crate) state: State,
    /// Fair policy: when this GIL waiter will ask the holder to drop the GIL.
    pub(crate) gil_deadline: u64,
    /// Switch number when the waiter started its current interval.
    pub(crate) saved_switch: u64,
    /// When it last became runnable.
    pub(crate) ready_since: u64,
    /// Woken from a lock wait: retry the acquire (lock, deadline, recursion level) when
    /// granted the GIL.
    pub(crate) retry_acquire: Option<(Rc<LockState>, Option<u64>, u32)>,
    /// Parent waiting in `Thread.start()` for this thread to begin.
    pub(crate) starter: Option<usize>,
    /// The parent this thread, just begun, woke: the policy has its say before the thread's
    /// first slice ([`LockPolicy::child_started`]).
    pub(crate) woke_starter: Option<usize>,
    /// Waiting on its core for its turn among the processes (see [`Turn`]).
    pub(crate) turn: Option<Turn>,
    /// Its time holding and waiting for the GIL (see [`crate::gil_stats`]).
    pub(crate) gil: GilAccount,
}

/// What a thread on a core waits to do in its turn while several processes run: operations
/// other processes can see happen in virtual-time order across cores (see `cores`).
pub(crate) enum Turn {
    /// A shared operation the VM stopped before ([`SliceEnd::Shared`]).
    Op,
    /// A request or the thread's end, for the runtime to act on.
    End(SliceEnd),
}

/// The interpreter lock of a process: who holds it, who waits for it.
#[derive(Clone, Default)]
pub(crate) struct Gil {
    /// Threads that want the GIL, in arrival order.
    pub(crate) ready: VecDeque<usize>,
    pub(crate) holder: Option<usize>,
    pub(crate) last_holder: Option<usize>,
    /// Fair policy: a waiter asked the holder to drop the GIL.
    pub(crate) drop_request: bool,
    /// Hand-offs of the GIL to a different thread.
    pub(crate) switches: u64,
}

/// What the main thread runs: its module, then the calls of interpreter exit.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum MainCall {
    Module,
    /// A `threading._register_atexit` call, made before non-daemon threads are joined.
    ThreadingHook,
    /// An `atexit` handler, after they are joined.
    ExitHandler,
    /// The script's `sys.excepthook`, for the exception that escaped the main module
    /// (`Proc::hooked`).
    ExceptHook,
}

pub(crate) struct Machine<'s> {
    pub(crate) vm: Vm,
    /// Every thread of every process, by thread id.
    pub(crate) threads: Vec<SimThread>,
    /// Every process, by index (0: the script's).
    pub(crate) procs: Vec<Proc>,
    pub(crate) policy: &'static dyn LockPolicy,
    /// The cores, once threads run on them: from the start without a GIL, from the second
    /// process on with one (empty while one process with a GIL runs alone).
    pub(crate) cores: Vec<Core>,
    /// Virtual time the one process ran before there were cores.
    pub(crate) solo_busy: u64,
    pub(crate) block_seq: u64,
    pub(crate) strategy: &'s mut dyn Strategy,
    /// Scratch buffer for the candidates of a decision.
    pub(crate) candidates: Vec<usize>,
    pub(crate) options: RunOptions,
    pub(crate) findings: Vec<Finding>,
    pub(crate) decisions: Vec<u32>,
    /// [`Vm::windows`] when the holder's step began (at its grant or its last decision
    /// point), to tell a strategy which window the step opened.
    pub(crate) windows_mark: Windows,
    /// Every decision with its candidates, when tracing.
    pub(crate) traced_decisions: Option<Vec<TracedDecision>>,
    /// Set to end the run at the next turn of the loop (a deadlock closed).
    pub(crate) stop: Option<Status>,
    /// Threads that closed a wait-for cycle another thread might still break (see
    /// `Machine::note_blocked`): a deadlock if the cycle still stands at the end.
    pub(crate) open_cycles: Vec<usize>,
    /// The run's steps, when the strategy wants them.
    pub(crate) steps: Option<StepLog>,
    /// Lateness of timers and wake-ups (`--timing`).
    pub(crate) noise: Noise,
    /// Turns of the run loop begun so far (see [`crate::prefix`]).
    pub(crate) turns: u64,
    /// The turn in which the first decision with a choice was made.
    pub(crate) first_choice_turn: Option<u64>,
    /// Stop the run at its first decision with a choice, once that turn is over (a probe
    /// for [`crate::prefix`]).
    pub(crate) stop_at_first_choice: bool,
}

/// Run `program` with `options` to its end (or a limit).
pub fn run(program: Arc<Program>, options: &RunOptions) -> Outcome {
    run_with(&Image::new(program), options, &mut RandomStrategy::new(options.seed))
}

/// Run the program of `image` with `options`, letting `strategy` make every scheduling
/// decision. Many runs can start from one image (see [`Image`]).
pub fn run_with(image: &Image, options: &RunOptions, strategy: &mut dyn Strategy) -> Outcome {
    run_machine(image, options, strategy, false, None).0
}

/// [`run_with`], handing the script's output to `sink` as it is written (the outcome then
/// holds none of it).
pub fn run_streaming(
    image: &Image,
    options: &RunOptions,
    strategy: &mut dyn Strategy,
    sink: Box<dyn OutputSink>,
) -> Outcome {
    run_machine(image, options, strategy, false, Some(sink)).0
}

/// [`run_with`], also recording the run's [`Trace`]: every decision and the timeline.
pub fn run_traced(image: &Image, options: &RunOptions, strategy: &mut dyn Strategy) -> (Outcome, Trace) {
    let (outcome, trace) = run_machine(image, options, strategy, true, None);
    (outcome, trace.expect("traced runs keep a trace"))
}

fn run_machine(
    image: &Image,
    options: &RunOptions,
    strategy: &mut dyn Strategy,
    trace: bool,
    sink: Option<Box<dyn OutputSink>>,
) -> (Outcome, Option<Trace>) {
    // Objects the interpreter's setup makes are named for footprints too.
    let steps = strategy.wants_steps().then(|| {
        footprint::begin_run();
        StepLog::default()
    });
    let mut vm = Vm::new(image, options.clone());
    if let Some(sink) = sink {
        vm.stream_output(sink);
    }
    if trace {
        vm.record_timeline();
    }
    let mut m = Machine::new(vm, options, strategy);
    m.traced_decisions = trace.then(Vec::new);
    m.steps = steps;
    let status = m.run_loop();
    m.finish(status)
}

impl<'s> Machine<'s> {
    /// A machine about to run `vm`'s main module.
    pub(crate) fn new(mut vm: Vm, options: &RunOptions, strategy: &'s mut dyn Strategy) -> Machine<'s> {
        let main = vm.main_thread();
        let policy = lock_policy(options.policy);
        Machine {
            vm,
            threads: vec![SimThread::new(main, 0)],
            procs: vec![Proc::first()],
            policy,
            cores: if policy.uses_cores() { vec![Core::default(); options.cores as usize] } else { Vec::new() },
            solo_busy: 0,
            block_seq: 0,
            strategy,
            candidates: Vec::new(),
            options: options.clone(),
            findings: Vec::new(),
            decisions: Vec::new(),
            windows_mark: Windows::default(),
            traced_decisions: None,
            stop: None,
            open_cycles: Vec::new(),
            steps: None,
            noise: Noise::new(options),
            turns: 0,
            first_choice_turn: None,
            stop_at_first_choice: false,
        }
    }

    /// The run's outcome (and trace), once its loop has ended with `status`.
    pub(crate) fn finish(mut self, status: Status) -> (Outcome, Option<Trace>) {
        self.end_step();
        if self.steps.is_some() {
            let runnable: Vec<usize> =
                (0..self.threads.len()).filter(|&t| matches!(self.threads[t].state, State::Runnable)).collect();
            self.strategy.observe_end(&runnable);
            footprint::end_run();
        }
        self.into_outcome(status)
    }
}

impl SimThread {
    pub(crate) fn new(vm: Thread, process: usize) -> SimThread {
        SimThread {
            vm,
            process,
            state: State::Runnable,
            gil_deadline: 0,
            saved_switch: 0,
            ready_since: 0,
            retry_acquire: None,
            starter: None,
            woke_starter: None,
            turn: None,
            gil: GilAccount::default(),
        }
    }
}

impl Machine<'_> {
    pub(crate) fn now(&self) -> u64 {
        self.vm.now()
    }

    pub(crate) fn interval(&self) -> u64 {
        self.vm.switch_interval().max(1000)
    }

    pub(crate) fn run_loop(&mut self) -> Status {
        self.run_until(u64::MAX).expect("a run with no pause runs to its end")
    }

    /// Run the loop to the run's end, or (None) until `turns` turns have been taken.
    pub(crate) fn run_until(&mut self, turns: u64) -> Option<Status> {
        loop {
            if self.turns == turns {
                return None;
            }
            self.turns += 1;
            if let Some(status) = self.stop {
                return Some(status);
            }
            if let Some(status) = self.exit_processes() {
                return Some(status);
            }
            if self.vm.instructions() >= self.options.max_steps {
                return Some(Status::StepLimit);
            }
            if self.now() >= self.options.max_time {
                return Some(Status::TimeLimit);
            }
            let Some(t) = self.next_runner() else {
                match self.next_deadline() {
                    Some(deadline) if deadline > self.options.max_time => {
                        self.vm.set_now(self.options.max_time);
                        return Some(Status::TimeLimit);
                    }
                    Some(deadline) => {
                        let now = self.now().max(deadline);
                        self.vm.set_now(now);
                        self.fire_timers();
                        continue;
                    }
                    None => return Some(Status::Blocked),
                }
            };
            let p = self.threads[t].process;
            if self.procs[p].gil.holder != Some(t) {
                continue;
            }
            if let Some(parent) = self.threads[t].woke_starter.take() {
                self.policy.child_started(self, t, parent);
                if self.procs[p].gil.holder != Some(t) {
                    continue;
                }
            }
            let end = match self.threads[t].turn.take() {
                Some(Turn::End(end)) => {
                    self.vm.activate(p);
                    end
                }
                turn => {
                    let end = match self.run_slice(t, p, turn.is_some()) {
                        Ok(end) => end,
                        Err(status) => return Some(status),
                    };
                    if self.waits_for_turn(&end) {
                        self.threads[t].turn = Some(match end {
                            SliceEnd::Shared => Turn::Op,
                            end => Turn::End(end),
                        });
                        continue;
                    }
                    end
                }
            };
            match end {
                SliceEnd::Budget | SliceEnd::Shared => {}
                SliceEnd::Breaker => self.policy.at_switch_point(self, t),
                SliceEnd::Request(request) => self.recording(|m| m.handle_request(t, request)),
                SliceEnd::Finished(result) => self.recording(|m| m.thread_finished(t, result)),
            }
        }
    }

    /// Run a slice of thread `t` of process `p`; `turn`: it is its turn for a shared
    /// operation. Err: the run must stop.
    fn run_slice(&mut self, t: usize, p: usize, turn: bool) -> Result<SliceEnd, Status> {
        self.vm.activate(p);
        let gate = match (self.orders_shared_operations(), turn) {
            (false, _) => Gate::Open,
            (true, true) => Gate::Pass,
            (true, false) => Gate::Closed,
        };
        let slice = Slice { stop_at: self.slice_end(p), breaker: self.policy.breaker(self, p), gate };
        let started = self.now();
        let end = self.recording(|m| m.vm.run(&mut m.threads[t].vm, slice));
        let slowdown = self.noise.slowdown(self.now() - started);
        self.pass_time(slowdown);
        self.advance_core(t, started);
        if self.vm.memory_check_due() {
            self.vm.measure_memory(t, self.threads.iter().map(|th| &th.vm));
        }
        if self.vm.output_exceeded() {
            return Err(Status::OutputLimit);
        }
        self.fire_timers();
        self.policy.after_slice(self, p);
        Ok(end)
    }

    /// Whether a slice's end must wait for the thread's turn among the processes: a stop
    /// before a shared operation, or a request or end the runtime would act on out of
    /// virtual-time order (not the one its pass let through).
    fn waits_for_turn(&self, end: &SliceEnd) -> bool {
        match end {
            SliceEnd::Shared => true,
            SliceEnd::Request(_) | SliceEnd::Finished(_) => {
                self.orders_shared_operations() && !self.vm.ended_in_passed_operation()
            }
            SliceEnd::Budget | SliceEnd::Breaker => false,
        }
    }

    /// The thread that runs the next slice, if any can run: with one process and a GIL, the
    /// holder or the thread the GIL is handed to now; on cores, the one whose core is
    /// furthest behind.
    fn next_runner(&mut self) -> Option<usize> {
        if self.cores.is_empty() {
            return self.procs[0].gil.holder.or_else(|| self.grant_next(0));
        }
        self.next_on_cores()
    }

    /// Whether the interpreter exit leaves thread `tid` running (a daemon or low-level thread).
    pub(crate) fn exit_cuts_off(&self, tid: usize) -> bool {
        tid != self.procs[self.threads[tid].process].main
            && (self.vm.thread_is_daemon(&self.threads[tid].vm) || self.is_low_level(tid))
    }

    /// Take a thread the VM registered into the machine's table, where its id is its index.
    pub(crate) fn adopt(&mut self, thread: Thread, process: usize) {
        assert_eq!(thread.tid, self.threads.len(), "thread ids are handed out in start order");
        self.threads.push(SimThread::new(thread, process));
    }

    /// The run's GIL statistics so far (none without a GIL).
    fn gil_stats(&self) -> GilStats {
        if self.policy.uses_cores() {
            return GilStats::default();
        }
        let now = self.now();
        let threads =
            self.threads.iter().enumerate().map(|(t, th)| th.gil.clone().finish(self.thread_name(t), now)).collect();
        GilStats { threads }
    }

    /// Thread `t`'s name in reports (see [`Vm::thread_name`]).
    pub(crate) fn thread_name(&self, t: usize) -> String {
        self.vm.thread_name(&self.threads[t].vm)
    }

    fn is_low_level(&self, tid: usize) -> bool {
        self.vm.thread_is_low_level(&self.threads[tid].vm)
    }

    /// Give process `p`'s GIL to the ready thread the policy picks.
    pub(crate) fn grant_next(&mut self, p: usize) -> Option<usize> {
        if self.procs[p].gil.ready.is_empty() {
            return None;
        }
        let index = self.policy.next_holder(self, p);
        let t = self.procs[p].gil.ready.remove(index).expect("index in range");
        self.grant(t);
        Some(t)
    }

    /// A decision point among `candidates` (recorded when there is a real choice).
    pub(crate) fn choose(&mut self, kind: DecisionKind, candidates: &[usize], current: Option<usize>) -> usize {
        if candidates.len() <= 1 {
            return 0;
        }
        let window =
            if current.is_some() { Window::between(self.windows_mark, self.vm.windows()) } else { Window::None };
        if kind != DecisionKind::LockWaiter {
            // The step in progress ends here, before the strategy chooses the next (a lock
            // waiter is chosen in the middle of the releasing thread's step).
            self.end_step();
            self.windows_mark = self.vm.windows();
        }
        if self.first_choice_turn.is_none() {
            self.first_choice_turn = Some(self.turns);
            if self.stop_at_first_choice {
                self.stop = Some(Status::Blocked);
            }
        }
        let choice = self.strategy.choose(&Decision { kind, candidates, current, window });
        assert!(choice < candidates.len(), "strategy chose {choice} of {} candidates", candidates.len());
        self.decisions.push(choice as u32);
        if kind != DecisionKind::LockWaiter {
            self.note_thread_decision(self.decisions.len() - 1);
        }
        if let Some(traced) = &mut self.traced_decisions {
            let time = self.vm.now();
            traced.push(TracedDecision { time, kind, candidates: candidates.to_vec(), chosen: choice as u32 });
        }
        choice
    }

    /// A decision point among process `p`'s run queue (in order), then the GIL holder
    /// `current` if given. The candidates are gathered in a buffer kept between decisions:
    /// this is the scheduler's hot path.
    pub(crate) fn choose_ready(&mut self, p: usize, kind: DecisionKind, current: Option<usize>) -> usize {
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.clear();
        candidates.extend(self.procs[p].gil.ready.iter().copied());
        candidates.extend(current);
        let current_index = current.map(|_| candidates.len() - 1);
        let choice = self.choose(kind, &candidates, current_index);
        self.candidates = candidates;
        choice
    }

    pub(crate) fn grant(&mut self, t: usize) {
        self.wake_up();
        let now = self.now();
        self.threads[t].gil.granted(now);
        self.begin_step(t);
        self.windows_mark = self.vm.windows();
        if let Some((lock, deadline, count)) = self.threads[t].retry_acquire.take() {
            if lock.try_acquire_with(t, count) {
                self.vm.note_lock_window();
                self.recording(|_| footprint::note_lock(LockOp::Acquire(lock.name)));
                let line = self.vm.current_line(&self.threads[t].vm);
                if let Some(detectors) = self.vm.detectors_mut() {
                    detectors.acquire(t, lock.number, line, &mut lock.clock.borrow_mut());
                }
                self.record_acquire(t, lock.number);
                self.threads[t].vm.resume_with(Value::bool(true));
            } else {
                // Lost the race for the lock (a newcomer barged in): it looked, and waits again.
                self.recording(|_| footprint::note_lock(LockOp::Peek(lock.name)));
                self.block(t, WaitKind::Lock { lock, count }, deadline);
                return;
            }
        }
        let p = self.threads[t].process;
        let gil = &mut self.procs[p].gil;
        gil.holder = Some(t);
        gil.drop_request = false;
        if gil.last_holder != Some(t) {
            if gil.last_holder.is_some() {
                gil.switches += 1;
            }
            gil.last_holder = Some(t);
        }
        self.hand_core(t);
        self.record(t, TimelineKind::Running);
        if let Some(parent) = self.threads[t].starter.take() {
            // The child has started: Thread.start() in the parent may return, after this step.
            self.hand_off(t, parent);
            self.make_runnable(parent, Value::None);
            self.threads[t].woke_starter = Some(parent);
        }
    }

    /// A thread handed the GIL waits for the OS to run it (see [`Noise::wake_latency`]) while
    /// no thread of its process runs. With cores, where a thread waits for its core's clock
    /// anyway, the machine's clock does not pass.
    fn wake_up(&mut self) {
        let latency = if self.cores.is_empty() { self.noise.wake_latency() } else { 0 };
        self.pass_time(latency);
    }

    /// `duration` passes on the machine's clock with no thread running Python code (an OS
    /// delay); with cores, where each core keeps its own clock, it does not.
    pub(crate) fn pass_time(&mut self, duration: u64) {
        if duration > 0 && self.cores.is_empty() {
            let now = self.now();
            self.vm.set_now(now + duration);
        }
    }

    /// A timer set now to fire at `deadline`, as late as the machine fires it.
    fn timer(&mut self, deadline: Option<u64>) -> Option<u64> {
        deadline.map(|at| at + self.noise.sleep_slack())
    }

    /// Instruction count at which the current slice (of process `p`) must pause for the
    /// next event.
    fn slice_end(&self, p: usize) -> u64 {
        let now = self.now();
        let mut event = self.options.max_time;
        let events = [self.next_deadline(), self.policy.pause_at(self, p), self.time_slice_due()];
        for deadline in events.into_iter().flatten() {
            event = event.min(deadline);
        }
        let cost = self.options.instruction_cost.max(1);
        let steps = event.saturating_sub(now).div_ceil(cost).max(1);
        (self.vm.instructions() + steps).min(self.options.max_steps)
    }

    fn next_deadline(&self) -> Option<u64> {
        self.threads
            .iter()
            .filter_map(|th| match &th.state {
                State::Blocked(w) => w.deadline,
                _ => None,
            })
            .min()
    }

    /// Wake every blocked thread whose deadline has passed, in (deadline, blocking order).
    fn fire_timers(&mut self) {
        let now = self.now();
        let mut due: Vec<(u64, u64, usize)> = self
            .threads
            .iter()
            .enumerate()
            .filter_map(|(tid, th)| match &th.state {
                State::Blocked(w) => w.deadline.filter(|&d| d <= now).map(|d| (d, w.seq, tid)),
                _ => None,
            })
            .collect();
        due.sort_unstable();
        for (deadline, _, tid) in due {
            let State::Blocked(wait) = std::mem::replace(&mut self.threads[tid].state, State::Runnable) else {
                continue;
            };
            // On cores, the slice that passed the deadline may be another process's, ahead of
            // it: the sleeper wakes at its deadline all the same.
            if !self.cores.is_empty() {
                self.vm.set_now(deadline);
            }
            let result = match wait.kind {
                WaitKind::Lock { lock, .. } => {
                    lock.waiters.set(lock.waiters.get() - 1);
                    Value::bool(false)
                }
                WaitKind::Creation => {
                    self.enqueue(tid);
                    continue;
                }
                WaitKind::Fork { pid } => Value::Int(pid),
                _ => Value::None,
            };
            self.note_unblocked(tid);
            self.make_runnable(tid, result);
        }
        self.vm.set_now(now);
    }

    fn make_runnable(&mut self, tid: usize, result: Value) {
        self.threads[tid].state = State::Runnable;
        self.note_unblocked(tid);
        self.threads[tid].vm.resume_with(result);
        self.queue_for_gil(tid, true);
    }

    /// Queue `tid` for its process's GIL: a new thread, a yield, a forced drop (not a wake-up).
    pub(crate) fn enqueue(&mut self, tid: usize) {
        self.queue_for_gil(tid, false);
    }

    /// Queue `tid` for its process's GIL; `woken`: it just woke from blocking.
    fn queue_for_gil(&mut self, tid: usize, woken: bool) {
        let now = self.now();
        self.threads[tid].gil.wait_begins(now, woken);
        let deadline = now + self.interval() + self.noise.timer_slack();
        let th = &mut self.threads[tid];
        let gil = &mut self.procs[th.process].gil;
        th.gil_deadline = deadline;
        th.saved_switch = gil.switches;
        th.ready_since = now;
        gil.ready.push_back(tid);
        let waiting = if self.cores.is_empty() { TimelineKind::WaitingForGil } else { TimelineKind::WaitingForCore };
        self.record(tid, waiting);
    }

    /// Thread `t` lets go of its process's GIL (if it holds it), as `how` says.
    pub(crate) fn release_gil(&mut self, t: usize, how: Release) {
        let now = self.now();
        self.threads[t].gil.released(now, how);
        let gil = &mut self.procs[self.threads[t].process].gil;
        if gil.holder == Some(t) {
            gil.holder = None;
        }
        if let Some(core) = self.cores.iter_mut().find(|core| core.thread == Some(t)) {
            core.thread = None;
        }
    }

    /// Thread `t`, just started, asks for the GIL only once the OS has created it, after
    /// `creation`.
    pub(crate) fn create_later(&mut self, t: usize, creation: u64) {
        self.block_seq += 1;
        let deadline = Some(self.now() + creation);
        self.threads[t].state =
            State::Blocked(Wait { kind: WaitKind::Creation, deadline, seq: self.block_seq, line: 0 });
    }

    /// Block thread `t`, recording the script line it blocks at.
    pub(crate) fn block(&mut self, t: usize, kind: WaitKind, deadline: Option<u64>) {
        let line = self.vm.current_line(&self.threads[t].vm);
        self.block_seq += 1;
        if let WaitKind::Lock { lock, .. } = &kind {
            lock.waiters.set(lock.waiters.get() + 1);
        }
        if deadline.is_some() {
            footprint::note_timed();
        }
        self.note_blocked(t, &kind, deadline, line);
        self.threads[t].state = State::Blocked(Wait { kind, deadline, seq: self.block_seq, line });
        self.record_blocked(t);
        self.release_gil(t, Release::Voluntary);
    }

    fn handle_request(&mut self, t: usize, request: Request) {
        match request {
            Request::Sleep { duration } => {
                let deadline = self.timer(Some(self.now() + duration));
                self.block(t, WaitKind::Sleep, deadline);
            }
            Request::Yield { result } => {
                self.release_gil(t, Release::Voluntary);
                self.threads[t].vm.resume_with(result);
                self.enqueue(t);
            }
            Request::Acquire { lock, deadline, count } => {
                let deadline = self.timer(deadline);
                self.block(t, WaitKind::Lock { lock, count }, deadline);
            }
            Request::WakeLockWaiter { lock, result } => {
                self.wake_lock_waiter(t, lock);
                self.threads[t].vm.resume_with(result);
            }
            Request::Start { thread, wait_started } => {
                let child = self.vm.register_thread(&thread);
                let vm_thread = self.vm.new_thread(thread.clone());
                self.adopt(vm_thread, self.threads[t].process);
                self.observe(Event::Start { parent: t, child });
                footprint::note_spawn(child);
                match self.noise.thread_creation() {
                    0 => self.enqueue(child),
                    creation => self.create_later(child, creation),
                }
                if wait_started {
                    self.threads[child].starter = Some(t);
                    self.block(t, WaitKind::StartHandshake(child), None);
                } else {
                    let ident = thread.borrow().ident.map_or(Value::None, Value::Int);
                    self.threads[t].vm.resume_with(ident);
                }
            }
            Request::Join { target, deadline } => {
                if matches!(self.threads[target].state, State::Finished) {
                    self.observe(Event::Join { joiner: t, joined: target });
                    self.threads[t].vm.resume_with(Value::None);
                } else {
                    let deadline = self.timer(deadline);
                    self.block(t, WaitKind::Join(target), deadline);
                }
            }
            Request::StartProcess { process, thread, spawn } => self.start_process(t, process, *thread, spawn),
            Request::JoinProcess { process, deadline } => {
                let deadline = self.timer(deadline);
                self.block(t, WaitKind::Process(process), deadline);
            }
            Request::EndProcess { process, signal } => self.end_process(t, process, -signal),
            Request::ExitProcess { status } => {
                let process = self.threads[t].process;
                self.end_process(t, process, status);
                if process == 0 {
                    self.stop = Some(Status::Finished);
                }
            }
            Request::CurrentFrames => {
                let process = self.threads[t].process;
                let threads: Vec<&gilsim_vm::Thread> = self
                    .threads
                    .iter()
                    .filter(|th| th.process == process && !matches!(th.state, State::Finished))
                    .map(|th| &th.vm)
                    .collect();
                let frames = self.vm.current_frames(&threads);
                self.threads[t].vm.resume_with(frames);
            }
        }
    }

    /// A released lock has waiters: wake the one the policy picks to retry its acquire when it
    /// gets the GIL.
    fn wake_lock_waiter(&mut self, waker: usize, lock: Rc<LockState>) {
        let mut waiters: Vec<(u64, usize, Option<u64>, u32)> = self
            .threads
            .iter()
            .enumerate()
            .filter_map(|(tid, th)| match &th.state {
                State::Blocked(Wait { kind: WaitKind::Lock { lock: l, count }, seq, deadline, .. })
                    if Rc::ptr_eq(l, &lock) =>
                {
                    Some((*seq, tid, *deadline, *count))
                }
                _ => None,
            })
            .collect();
        if waiters.is_empty() {
            return;
        }
        waiters.sort_unstable();
        let pick = match waiters.len() {
            1 => 0,
            _ => {
                let candidates: Vec<usize> = waiters.iter().map(|w| w.1).collect();
                self.policy.lock_waiter(self, &candidates)
            }
        };
        let (_, waiter, deadline, count) = waiters[pick];
        lock.waiters.set(lock.waiters.get() - 1);
        self.threads[waiter].state = State::Runnable;
        self.note_unblocked(waiter);
        self.threads[waiter].retry_acquire = Some((lock, deadline, count));
        // Its retry can only come after the waker's step.
        self.hand_off(waker, waiter);
        self.queue_for_gil(waiter, true);
    }

    fn thread_finished(&mut self, t: usize, result: Result<Value, Value>) {
        let p = self.threads[t].process;
        let is_main = t == self.procs[p].main;
        // An exception from an atexit handler (or a `threading._register_atexit` call) is
        // printed and ignored: no exit status.
        let call =
            if is_main { std::mem::replace(&mut self.procs[p].main_call, MainCall::Module) } else { MainCall::Module };
        let mut result = result;
        if call == MainCall::ExceptHook {
            // The module's exception is reported as the hook left it (printed, unless the
            // hook itself raised); the exit goes on.
            let original = self.procs[p].hooked.take().expect("the exception the hook was called for");
            self.record_uncaught(t, &original);
            match &result {
                // `sys.exit()` in the hook exits with its status.
                Err(error) if self.vm.is_instance_of(error, Exc::SystemExit) => {
                    self.procs[p].exit_code = self.vm.exit_status_for(error);
                }
                Err(error) => self.vm.report_sys_excepthook_error(error, &original),
                Ok(_) => {}
            }
            result = Ok(Value::None);
        }
        let in_exit_call = !matches!(call, MainCall::Module | MainCall::ExceptHook);
        if is_main && call == MainCall::Module && result.is_ok() && p > 0 {
            // A spawned child has run the main module as `__mp_main__`: now its process object.
            match self.vm.begin_spawned_bootstrap(&mut self.threads[t].vm) {
                Ok(true) => return,
                Ok(false) => {}
                Err(exc) => result = Err(exc),
            }
        }
        if is_main && call == MainCall::Module {
            // Python 2's Py_FlushLine: a newline a trailing comma left owed.
            self.vm.end_main_module();
            if let (true, Ok(Value::Int(code))) = (p > 0, &result) {
                // A child's main call is `Process._bootstrap()`, which returns the exit code.
                self.procs[p].exit_code = *code as i32;
            }
        }
        if let Err(exc) = &result {
            if !is_main && self.vm.begin_thread_excepthook(&mut self.threads[t].vm, exc) {
                // The thread goes on to call the script's `threading.excepthook`.
                return;
            }
            if is_main && call == MainCall::Module && self.vm.begin_sys_excepthook(&mut self.threads[t].vm, exc) {
                // Main goes on to call the script's `sys.excepthook`.
                self.procs[p].hooked = Some(exc.clone());
                self.procs[p].main_call = MainCall::ExceptHook;
                return;
            }
            self.report_uncaught(t, exc, in_exit_call);
        }
        if !is_main {
            // The exception dies with its report (`_bootstrap_inner` is done with it): what
            // only its traceback kept alive is finalized on this thread, as in CPython.
            drop(result);
            self.vm.finalize_pending(&mut self.threads[t].vm);
        }
        if is_main && call != MainCall::ExitHandler && self.vm.begin_threading_exit_hook(&mut self.threads[t].vm) {
            // `threading._shutdown()`: main makes the `_register_atexit` calls before it joins.
            self.procs[p].main_call = MainCall::ThreadingHook;
            return;
        }
        if !self.exit_cuts_off(t) {
            // One of the threads the interpreter's exit waits for: see `Resource::Exit`.
            footprint::note(Resource::Exit, false);
        }
        self.vm.mark_finished(&self.threads[t].vm);
        self.threads[t].state = State::Finished;
        self.record(t, TimelineKind::Finished);
        self.release_gil(t, Release::End);
        if is_main {
            self.procs[p].main_done = true;
        }
        self.wake_joiners(t, |kind| matches!(kind, WaitKind::Join(j) if *j == t));
    }

    /// Thread `joined` finished (or its process exited): wake every thread whose wait
    /// `waits_for` it, in thread order, each after `joined`'s step.
    pub(crate) fn wake_joiners(&mut self, joined: usize, waits_for: impl Fn(&WaitKind) -> bool) {
        let joiners: Vec<usize> = (0..self.threads.len())
            .filter(|&tid| matches!(&self.threads[tid].state, State::Blocked(Wait { kind, .. }) if waits_for(kind)))
            .collect();
        for j in joiners {
            self.hand_off(joined, j);
            self.observe(Event::Join { joiner: j, joined });
            self.make_runnable(j, Value::None);
        }
    }

    /// An exception escaped thread `t` (or an exit call of its process's main thread):
    /// CPython's report on stderr, the exit status, and a finding.
    fn report_uncaught(&mut self, t: usize, exc: &Value, in_exit_call: bool) {
        // SystemExit is a normal way out (silent in threads, an exit status in main).
        let system_exit = self.vm.is_instance_of(exc, Exc::SystemExit);
        if in_exit_call {
            self.vm.report_exit_handler_error(exc);
            if !system_exit {
                self.push_exception_finding(t, exc);
            }
        } else {
            self.vm.report_uncaught(&self.threads[t].vm, exc);
            self.record_uncaught(t, exc);
        }
    }

    /// An exception escaped thread `t` (reported already): the exit status it gives, if `t`
    /// is its process's main thread, and a finding unless it is SystemExit.
    fn record_uncaught(&mut self, t: usize, exc: &Value) {
        let p = self.threads[t].process;
        if t == self.procs[p].main {
            // From 3.8 an uncaught KeyboardInterrupt ends CPython by SIGINT, which a shell
            // reports as status 130.
            let by_sigint = p == 0
                && self.options.python >= gilsim_core::PythonVersion::new(3, 8)
                && self.vm.is_instance_of(exc, Exc::KeyboardInterrupt);
            self.procs[p].exit_code = if by_sigint { 130 } else { self.vm.exit_status_for(exc) };
        }
        if !self.vm.is_instance_of(exc, Exc::SystemExit) {
            self.push_exception_finding(t, exc);
        }
    }

    fn push_exception_finding(&mut self, t: usize, exc: &Value) {
        let summary = self.vm.exception_summary(exc);
        let kind = if self.vm.is_instance_of(exc, Exc::AssertionError) {
            FindingKind::Assertion
        } else {
            FindingKind::Exception
        };
        let thread = self.thread_name(t);
        let frames = self.vm.script_traceback(exc);
        // With no script frame (an error raised by library code alone), the line the thread
        // was at.
        let line = frames.last().map_or_else(|| self.vm.current_line(&self.threads[t].vm), |(_, line)| *line);
        self.findings.push(exception_finding(kind, thread, summary, line, frames));
    }

    /// The library call thread `tid` is blocked in, as the script knows it (`Queue.get`,
    /// `Process.join`): the outermost one the script made, or in a thread that runs library
    /// code alone, the innermost; None inside a `multiprocessing` lock, whose wait the lock
    /// describes.
    pub(crate) fn blocking_call(&self, tid: usize) -> Option<String> {
        let th = &self.threads[tid].vm;
        let is_lock = |call: &str| call.starts_with("SemLock.");
        // Plumbing under the call a script makes: the lock inside a primitive, a pipe's write.
        let is_plumbing = |call: &str| is_lock(call) || call.starts_with("_Pipe.");
        let call = match self.vm.innermost_library_call(th, |call| !is_plumbing(call)) {
            Some(call) => call,
            None => self.vm.library_call(th)?,
        };
        if is_lock(call) {
            return None;
        }
        Some(call.strip_prefix("BaseProcess.").map_or_else(|| call.to_string(), |method| format!("Process.{method}")))
    }

    pub(crate) fn describe_wait(&self, tid: usize, wait: &Wait) -> String {
        // Inside a library primitive, name the call the script made (`Queue.get()`), not the
        // internal lock it waits on.
        if let Some(call) = self.blocking_call(tid) {
            return format!("{call}()");
        }
        match &wait.kind {
            WaitKind::Sleep => "sleep".into(),
            WaitKind::Lock { lock, .. } => {
                let name = self.vm.lock_name(lock.number).unwrap_or_else(|| lock.describe());
                match lock.owner.get() {
                    Some(owner) if lock.locked.get() => format!("{name} held by {}", self.thread_name(owner)),
                    _ => name,
                }
            }
            WaitKind::Join(target) => format!("join of {}", self.thread_name(*target)),
            WaitKind::Process(process) => format!("join of {}", self.vm.process_info(*process).name),
            WaitKind::StartHandshake(child) => format!("start of {}", self.thread_name(*child)),
            WaitKind::Creation => "its creation".into(),
            WaitKind::Fork { pid } => format!("the start of process {pid}"),
        }
    }

    fn into_outcome(mut self, status: Status) -> (Outcome, Option<Trace>) {
        let status = self.close_open_cycles(status);
        let mut blocked = Vec::new();
        let mut still_running = Vec::new();
        // For a hang: why each thread of `blocked` can never go on.
        let mut reasons = Vec::new();
        for (tid, th) in self.threads.iter().enumerate() {
            match &th.state {
                State::Blocked(wait) => {
                    let waiting_for = self.describe_wait(tid, wait);
                    let thread = self.thread_name(tid);
                    if status == Status::Blocked {
                        reasons.push(self.hang_reason(tid, wait));
                    }
                    blocked.push(BlockedThread { thread: thread.clone(), waiting_for, line: wait.line });
                    still_running.push(thread);
                }
                State::Runnable => still_running.push(self.thread_name(tid)),
                State::Finished => {}
            }
        }
        if status == Status::Blocked {
            // A main thread joining non-daemon threads at its interpreter's exit.
            let exiting: Vec<usize> =
                self.procs.iter().filter(|proc| proc.main_done && !proc.exited).map(|proc| proc.main).collect();
            for (i, main) in exiting.into_iter().enumerate() {
                let waiting_for = "interpreter exit (joining non-daemon threads)".into();
                blocked.insert(i, BlockedThread { thread: self.thread_name(main), waiting_for, line: 0 });
                reasons.insert(i, "the non-daemon threads never finish".into());
            }
        }
        if status == Status::Blocked {
            if let Some(hang) = self.hang_finding(&blocked, &reasons) {
                self.findings.push(hang);
            }
        }
        if status == Status::OutputLimit {
            let limit = self.options.max_output;
            let message = format!("the script wrote more than {limit} bytes (--max-output); the run was stopped");
            self.findings.push(Finding::new(FindingKind::OutputLimit, Vec::new(), message, Vec::new()));
        }
        let access_findings = self.access_findings();
        self.findings.extend(access_findings);
        let exit_code = match status {
            Status::Finished => self.procs[0].exit_code,
            _ => 1,
        };
        if status != Status::Finished {
            // What the processes still hold in their stdout buffers comes out, as when they
            // are interrupted.
            self.flush_all_stdout();
        }
        if !matches!(status, Status::Blocked | Status::Deadlock) {
            blocked.clear();
        }
        if status == Status::Finished {
            still_running.clear();
        }
        let trace = self.take_trace();
        let gil = self.gil_stats();
        let (stdout, stderr) = self.vm.take_output();
        self.vm.teardown(self.threads.iter_mut().map(|th| &mut th.vm));
        let outcome = Outcome {
            status,
            exit_code,
            stdout,
            stderr,
            findings: self.findings,
            blocked,
            still_running,
            virtual_time_ns: self.cores.iter().map(|core| core.clock).fold(self.vm.now(), u64::max),
            gil,
            core_busy_ns: self.cores.iter().map(|core| core.busy).collect(),
            instructions: self.vm.instructions(),
            switches: self.procs.iter().map(|proc| proc.gil.switches).sum(),
            decisions: self.decisions,
        };
        (outcome, trace)
    }
}

/// An assertion or exception finding: the thread, the exception's summary, and the script's
/// traceback, each frame a location (`frames` outermost first; `line` is where it was raised).
fn exception_finding(
    kind: FindingKind,
    thread: String,
    summary: String,
    line: u32,
    frames: Vec<(String, u32)>,
) -> Finding {
    let mut locations: Vec<SourceNote> = frames
        .windows(2)
        .map(|pair| SourceNote {
            line: pair[0].1,
            note: format!("{} calls {}", shown_function(&pair[0].0), shown_function(&pair[1].0)),
        })
        .collect();
    locations.push(SourceNote { line, note: format!("raised in {thread}") });
    let traceback = frames.into_iter().map(|(function, line)| TracebackFrame { function, line }).collect();
    Finding { traceback, ..Finding::new(kind, vec![thread], summary, locations) }
}

/// `work()`, but `<module>` as it is.
fn shown_function(name: &str) -> String {
    if name.starts_with('<') {
        name.to_string()
    } else {
        format!("{name}()")
    }
}
