//! Processes on the machine: each has its own interpreter (see `gilsim_vm::process`), its own
//! interpreter lock and its own exit. A process exits as CPython's does: once its main call is
//! done, it makes the `threading._register_atexit` calls and joins its non-daemon threads; the
//! script's process then runs its `atexit` handlers (a `multiprocessing` child leaves through
//! `os._exit` and runs none), flushes its stdout buffer, and wakes those who join it.

use crate::gil_stats::Release;
use crate::machine::{Gil, Machine, MainCall, State};
use crate::outcome::Status;
use crate::waits::WaitKind;
use gilsim_detect::Event;
use gilsim_vm::footprint;
use gilsim_vm::{Thread, TimelineKind, Value};
use std::collections::VecDeque;

/// A process's state on the machine.
pub(crate) struct Proc {
    pub(crate) gil: Gil,
    /// Its main thread.
    pub(crate) main: usize,
    /// The main call (module or `Process._bootstrap()`) has returned.
    pub(crate) main_done: bool,
    /// The exit call the main thread is making, once its main call is done.
    pub(crate) main_call: MainCall,
    /// The exception the script's `sys.excepthook` is being called for.
    pub(crate) hooked: Option<Value>,
    pub(crate) exit_code: i32,
    pub(crate) exited: bool,
    /// Since when a thread of it has been waiting for a core (all cores busy).
    pub(crate) core_wait_since: Option<u64>,
    /// It waits for a core in turn — the OS's time slice took its core, or it is new (CFS
    /// starts a new task behind the running ones) — rather than having woken.
    pub(crate) in_turn: bool,
    /// Virtual time its threads have run (what Linux's scheduler weighs at a wake-up).
    pub(crate) cpu: u64,
}

impl Proc {
    /// A process whose main thread is `main` (not yet queued for the GIL).
    pub(crate) fn new(main: usize) -> Proc {
        Proc {
            gil: Gil::default(),
            main,
            main_done: false,
            main_call: MainCall::Module,
            hooked: None,
            exit_code: 0,
            exited: false,
            core_wait_since: None,
            in_turn: true,
            cpu: 0,
        }
    }

    /// The script's process, its main thread first in the queue for the GIL.
    pub(crate) fn first() -> Proc {
        Proc { gil: Gil { ready: VecDeque::from([0]), ..Gil::default() }, ..Proc::new(0) }
    }
}

impl Machine<'_> {
    /// End the processes whose interpreter can exit now. `Some(Finished)` once the script's
    /// process has.
    pub(crate) fn exit_processes(&mut self) -> Option<Status> {
        for p in 0..self.procs.len() {
            if self.procs[p].exited || !self.can_exit(p) {
                continue;
            }
            let main = self.procs[p].main;
            self.vm.activate(p);
            // Only the script's process runs atexit handlers: a child leaves through `os._exit`.
            if p == 0 && self.vm.begin_exit_handler(&mut self.threads[main].vm) {
                // Non-daemon threads are joined; now the atexit handlers run on main (F30).
                for joined in 0..self.threads.len() {
                    let th = &self.threads[joined];
                    if joined != main && th.process == p && matches!(th.state, State::Finished) {
                        self.observe(Event::Join { joiner: main, joined });
                    }
                }
                let proc = &mut self.procs[p];
                proc.main_done = false;
                proc.main_call = MainCall::ExitHandler;
                self.threads[main].state = State::Runnable;
                self.enqueue(main);
                continue;
            }
            if p == 0 {
                // The interpreter's last step: the collector finalizes what is still alive.
                self.vm.finalize_at_exit(&mut self.threads[main].vm);
            }
            self.vm.flush_stdout();
            self.process_ended(p);
            if p == 0 {
                return Some(Status::Finished);
            }
        }
        None
    }

    /// Whether process `p`'s interpreter would exit: its main call is done and every thread
    /// it must join has finished.
    fn can_exit(&self, p: usize) -> bool {
        self.procs[p].main_done
            && self.threads.iter().enumerate().all(|(tid, th)| {
                th.process != p
                    || tid == self.procs[p].main
                    || matches!(th.state, State::Finished)
                    || self.exit_cuts_off(tid)
            })
    }

    /// `Process.start()` by thread `t` forked (or spawned) `process`: its main thread queues
    /// for the child's GIL and `t` goes on with the child's pid — under noisy timing once the
    /// OS has made the child, as long as CPython's `start()` takes, and the child's main
    /// thread later still (see [`crate::noise::Noise::process_creation`]).
    pub(crate) fn start_process(&mut self, t: usize, process: usize, thread: Thread, spawn: bool) {
        let child = thread.tid;
        self.adopt(thread, process);
        self.procs.push(Proc::new(child));
        self.start_cores(t);
        self.observe(Event::Start { parent: t, child });
        footprint::note_spawn(child);
        let pid = self.vm.process_info(process).pid;
        let (start, child_runs) = self.noise.process_creation(spawn);
        match child_runs {
            0 => self.enqueue(child),
            later => self.create_later(child, later),
        }
        match start {
            0 => self.threads[t].vm.resume_with(Value::Int(pid)),
            start => self.block(t, WaitKind::Fork { pid }, Some(self.now() + start)),
        }
    }

    /// `terminate()` / `kill()` of `process` by thread `t`: the process ends at once with
    /// exit code `code`; what it had not flushed is lost.
    pub(crate) fn end_process(&mut self, t: usize, process: usize, code: i32) {
        let own = self.threads[t].process;
        if !self.procs[process].exited {
            self.vm.activate(process);
            self.vm.discard_stdout();
            self.vm.activate(own);
            self.procs[process].exit_code = code;
            self.process_ended(process);
        }
        if own != process {
            self.threads[t].vm.resume_with(Value::None);
        }
    }

    /// Process `p` has exited: its threads stop, its exit code is known, its joiners wake.
    fn process_ended(&mut self, p: usize) {
        self.procs[p].exited = true;
        let code = self.procs[p].exit_code;
        self.vm.set_exitcode(p, code);
        if p > 0 {
            // Its daemon threads (or all of them, when it is killed) end with it.
            for tid in 0..self.threads.len() {
                if self.threads[tid].process == p && !matches!(self.threads[tid].state, State::Finished) {
                    self.stop_thread(tid);
                }
            }
        }
        let main = self.procs[p].main;
        self.wake_joiners(main, |kind| matches!(kind, WaitKind::Process(q) if *q == p));
    }

    /// Thread `tid` stops where it is (its process ended).
    fn stop_thread(&mut self, tid: usize) {
        if let State::Blocked(wait) = &self.threads[tid].state {
            if let WaitKind::Lock { lock, .. } = &wait.kind {
                lock.waiters.set(lock.waiters.get() - 1);
            }
            self.note_unblocked(tid);
        }
        let p = self.threads[tid].process;
        self.procs[p].gil.ready.retain(|&w| w != tid);
        let now = self.now();
        self.threads[tid].gil.wait_abandoned(now);
        self.release_gil(tid, Release::End);
        self.threads[tid].state = State::Finished;
        self.threads[tid].turn = None;
        self.vm.mark_finished(&self.threads[tid].vm);
        self.record(tid, TimelineKind::Finished);
    }

    /// At the end of a run that did not finish, every process's stdout buffer comes out.
    pub(crate) fn flush_all_stdout(&mut self) {
        for p in 0..self.procs.len() {
            if !self.procs[p].exited {
                self.vm.activate(p);
                self.vm.flush_stdout();
            }
        }
    }
}
