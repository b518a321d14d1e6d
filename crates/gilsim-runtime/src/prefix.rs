//! Runs resumed from their common prefix. Every run of a program under a seeded strategy
//! (`pos`, `random`, `pct`) is the same up to its first decision with a choice: the imports,
//! the set-up, the first `start()`. [`Prefix`] runs that part once, stops the machine at the
//! start of the run loop's turn that makes the choice, and each run resumes from a deep copy
//! of it ([`gilsim_vm::snapshot`]) with its own seed and strategy — as a stateful model
//! checker restores a saved state instead of re-executing the path to it.
//!
//! Invariant: a resumed run is the run made from the start with the same options and
//! strategy, byte for byte (its outcome, its decisions, its findings). What the prefix did
//! must therefore not depend on the seed: no timing noise was drawn (the noisy policies draw
//! from the first slice on, so they are never resumed) and the script's random generators
//! drew nothing from the run's seed (checked by copying once with another seed). Runs that
//! record steps (`dfs`), trace or stream their output start from the beginning.

use crate::machine::{Machine, SimThread, State};
use crate::noise::Noise;
use crate::outcome::Outcome;
use crate::processes::Proc;
use crate::strategy::{Decision, Strategy};
use crate::waits::{Wait, WaitKind};
use gilsim_core::RunOptions;
use gilsim_vm::run_shared::{SharedObjects, Survey};
use gilsim_vm::{Cloner, Image, Thread, Unclonable, Vm};

/// A program's state at its first decision with a choice, for runs to resume from.
pub struct Prefix {
    machine: Machine<'static>,
    /// Objects the last copy made (each copy's table is made that big at once).
    objects: std::cell::Cell<usize>,
    /// The prefix's modules, classes and functions that its runs share instead of copying.
    shared: SharedObjects,
}

/// The strategy of the paused machine: it never decides (it stops before the choice).
struct Paused;

impl Strategy for Paused {
    fn choose(&mut self, _decision: &Decision<'_>) -> usize {
        unreachable!("a prefix stops before its first choice")
    }
}

impl Prefix {
    /// The prefix of `image`'s program under `options` (whose seed does not matter), or None
    /// when its runs cannot resume from one: the program makes no choice, draws on the seed
    /// before its first, or holds what a copy cannot reproduce.
    pub fn new(image: &Image, options: &RunOptions) -> Option<Prefix> {
        if options.timing.is_noisy() && options.policy.draws_noise() {
            return None;
        }
        // A probe finds the turn of the first choice (the same in every run); a second run
        // stops at its start.
        let mut probe_strategy = crate::strategy::RandomStrategy::new(options.seed);
        let mut probe = Machine::new(Vm::new(image, options.clone()), options, &mut probe_strategy);
        probe.stop_at_first_choice = true;
        let status = probe.run_loop();
        let first_choice = probe.first_choice_turn;
        drop(probe.finish(status));
        let turns_before = first_choice? - 1;
        let mut machine = Machine::new(Vm::new(image, options.clone()), options, Box::leak(Box::new(Paused)));
        if let Some(status) = machine.run_until(turns_before) {
            // Ended before the choice: the probe's run was not this one.
            drop(machine.finish(status));
            return None;
        }
        // (Dropped, a paused prefix is torn down.)
        let mut prefix = Prefix { machine, objects: std::cell::Cell::new(0), shared: SharedObjects::default() };
        // Objects with finalizers keep OS-thread state a copy cannot take along.
        gilsim_vm::snapshot::thread_state_copyable().ok()?;
        // A copy for another seed must be possible (the script drew nothing from this one);
        // it also finds what the runs can share.
        let other = RunOptions { seed: options.seed ^ 1, ..options.clone() };
        let mut paused = Paused;
        let (mut copy, survey) = prefix.resume_with(Cloner::surveying(other.seed, 0), &other, &mut paused).ok()?;
        copy.tear_down();
        prefix.shared = survey.map(Survey::finish).unwrap_or_default();
        Some(prefix)
    }

    /// The run with `options` (this prefix's but for the seed) and `strategy`, resumed from
    /// the prefix; None if its state cannot be copied (the caller runs it from the start).
    pub fn run(&self, options: &RunOptions, strategy: &mut dyn Strategy) -> Option<Outcome> {
        let mut machine = self.resume(options, strategy).ok()?;
        let status = machine.run_loop();
        Some(machine.finish(status).0)
    }

    fn resume<'s>(&self, options: &RunOptions, strategy: &'s mut dyn Strategy) -> Result<Machine<'s>, Unclonable> {
        let cloner = Cloner::new(options.seed, self.objects.get());
        Ok(self.resume_with(cloner, options, strategy)?.0)
    }

    /// The run resumed by `cloner`'s copy, and the copy's survey if it made one.
    fn resume_with<'s>(
        &self,
        mut cloner: Cloner,
        options: &RunOptions,
        strategy: &'s mut dyn Strategy,
    ) -> Result<(Machine<'s>, Option<Survey>), Unclonable> {
        let m = &self.machine;
        let mut vm = m.vm.copy_for_run(&mut cloner, options.clone())?;
        let threads = m.threads.iter().map(|t| t.copy(&mut cloner)).collect::<Result<Vec<_>, _>>()?;
        let procs = m.procs.iter().map(|p| p.copy(&mut cloner)).collect::<Result<Vec<_>, _>>()?;
        vm.finish_copy(&m.vm, &mut cloner)?;
        self.objects.set(cloner.objects());
        let survey = cloner.into_survey();
        vm.begin_resumed_run();
        Ok((Machine::resumed(vm, threads, procs, m, options, strategy), survey))
    }
}

impl Drop for Prefix {
    fn drop(&mut self) {
        // The shared objects become the prefix's own again, for its teardown to empty.
        self.shared = SharedObjects::default();
        self.machine.tear_down();
    }
}

impl<'s> Machine<'s> {
    /// Break the reference cycles of a machine that will not run (or not run on), as a run's
    /// end does.
    fn tear_down(&mut self) {
        self.vm.teardown(self.threads.iter_mut().map(|th| &mut th.vm));
    }

    /// A copy of `original` (a paused [`crate::Prefix`]) made of its copied parts, to run
    /// with `options` and `strategy`.
    fn resumed(
        vm: Vm,
        threads: Vec<SimThread>,
        procs: Vec<Proc>,
        original: &Machine<'_>,
        options: &RunOptions,
        strategy: &'s mut dyn Strategy,
    ) -> Machine<'s> {
        Machine {
            vm,
            threads,
            procs,
            policy: original.policy,
            cores: original.cores.clone(),
            solo_busy: original.solo_busy,
            block_seq: original.block_seq,
            strategy,
            candidates: Vec::new(),
            options: options.clone(),
            findings: original.findings.clone(),
            decisions: original.decisions.clone(),
            windows_mark: original.windows_mark,
            traced_decisions: None,
            stop: original.stop,
            open_cycles: original.open_cycles.clone(),
            steps: None,
            noise: Noise::new(options),
            turns: original.turns,
            first_choice_turn: original.first_choice_turn,
            stop_at_first_choice: false,
        }
    }
}

impl SimThread {
    /// This thread's scheduling state around `vm` and `state` (its copies), for a copy of the
    /// run ([`crate::prefix`]).
    fn copy_with(&self, vm: Thread, state: State, cloner: &mut Cloner) -> SimThread {
        SimThread {
            vm,
            process: self.process,
            state,
            gil_deadline: self.gil_deadline,
            saved_switch: self.saved_switch,
            ready_since: self.ready_since,
            retry_acquire: self
                .retry_acquire
                .as_ref()
                .map(|(lock, deadline, count)| (cloner.lock(lock), *deadline, *count)),
            starter: self.starter,
            woke_starter: self.woke_starter,
            turn: None,
            gil: self.gil.clone(),
        }
    }

    /// This thread in a copy of the run.
    fn copy(&self, cloner: &mut Cloner) -> Result<SimThread, Unclonable> {
        if self.turn.is_some() {
            // Waiting for its turn among processes.
            return Err(Unclonable::Processes);
        }
        let state = match &self.state {
            State::Runnable => State::Runnable,
            State::Finished => State::Finished,
            State::Blocked(wait) => State::Blocked(Wait {
                kind: match &wait.kind {
                    WaitKind::Sleep => WaitKind::Sleep,
                    WaitKind::Lock { lock, count } => WaitKind::Lock { lock: cloner.lock(lock), count: *count },
                    WaitKind::Join(t) => WaitKind::Join(*t),
                    WaitKind::StartHandshake(t) => WaitKind::StartHandshake(*t),
                    WaitKind::Process(p) => WaitKind::Process(*p),
                    WaitKind::Creation => WaitKind::Creation,
                    WaitKind::Fork { pid } => WaitKind::Fork { pid: *pid },
                },
                deadline: wait.deadline,
                seq: wait.seq,
                line: wait.line,
            }),
        };
        Ok(self.copy_with(cloner.thread(&self.vm)?, state, cloner))
    }
}

impl Proc {
    /// This process in a copy of the run.
    fn copy(&self, cloner: &mut Cloner) -> Result<Proc, Unclonable> {
        let hooked = self.hooked.as_ref().map(|exc| cloner.value(exc)).transpose()?;
        Ok(Proc {
            gil: self.gil.clone(),
            main: self.main,
            main_done: self.main_done,
            main_call: self.main_call,
            hooked,
            exit_code: self.exit_code,
            exited: self.exited,
            core_wait_since: self.core_wait_since,
            in_turn: self.in_turn,
            cpu: self.cpu,
        })
    }
}
