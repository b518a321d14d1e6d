//! State of the threading objects the runtime schedules around: locks and threads. The VM
//! changes it only on non-blocking paths (an uncontended acquire, a release); everything that
//! waits goes through a [`crate::Request`].

use crate::value::Value;
use std::cell::{Cell, RefCell};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockKind {
    Lock,
    RLock,
    /// A counting semaphore (`multiprocessing`'s SemLock): `count` is its value.
    Semaphore,
}

/// A `threading.Lock` / `RLock` (`_thread.lock` / `_thread.RLock`).
#[derive(Debug)]
pub struct LockState {
    /// Sequential number for reports (`lock#1`), assigned at creation.
    pub number: u64,
    /// Its name in footprints (see [`crate::footprint::new_name`]): creation order across
    /// threads depends on the schedule, so `number` cannot be compared between runs.
    pub name: u64,
    pub kind: LockKind,
    pub locked: Cell<bool>,
    /// Thread id of the holder (RLock owner; for Lock, the last acquirer).
    pub owner: Cell<Option<usize>>,
    /// RLock recursion depth.
    pub count: Cell<u32>,
    /// Threads blocked in acquire (maintained by the runtime).
    pub waiters: Cell<u32>,
    /// The lock a thread blocks on inside `Condition.wait`: waiting for it is waiting for a
    /// notification, not for a holder to finish (its "holder" is the waiter itself).
    pub waiter: Cell<bool>,
    /// Shared between processes (`multiprocessing`): a fork does not copy it.
    pub shared: bool,
    /// A semaphore's maximum value (`BoundedSemaphore`), past which a release fails.
    pub max_value: u32,
    /// The detectors' happens-before clock of the lock: what its last release knew. Here
    /// rather than in the detectors, so that it dies with the lock.
    pub clock: RefCell<gilsim_detect::LockClock>,
}

impl LockState {
    /// The same lock in a copy of the run ([`crate::snapshot`]): same number, name and state.
    pub(crate) fn exact_copy(&self) -> LockState {
        LockState {
            number: self.number,
            name: self.name,
            kind: self.kind,
            locked: Cell::new(self.locked.get()),
            owner: Cell::new(self.owner.get()),
            count: Cell::new(self.count.get()),
            waiters: Cell::new(self.waiters.get()),
            waiter: Cell::new(self.waiter.get()),
            shared: self.shared,
            max_value: self.max_value,
            clock: RefCell::new(self.clock.borrow().clone()),
        }
    }

    pub fn new(number: u64, kind: LockKind) -> LockState {
        LockState {
            number,
            name: crate::footprint::new_name(),
            kind,
            locked: Cell::new(false),
            owner: Cell::new(None),
            count: Cell::new(0),
            waiters: Cell::new(0),
            waiter: Cell::new(false),
            shared: false,
            max_value: 1,
            clock: RefCell::default(),
        }
    }

    /// A `multiprocessing` lock, RLock or semaphore (value `value`, at most `max_value`).
    pub fn new_shared(number: u64, kind: LockKind, value: u32, max_value: u32) -> LockState {
        let lock = LockState { shared: true, max_value, ..LockState::new(number, kind) };
        if kind == LockKind::Semaphore {
            lock.count.set(value);
            lock.locked.set(value == 0);
            // Nobody holds a semaphore: waiting for one is waiting for a release by anybody.
            lock.waiter.set(true);
        }
        lock
    }

    /// Non-blocking attempt by thread `tid`; true if now held.
    pub fn try_acquire(&self, tid: usize) -> bool {
        match self.kind {
            LockKind::Lock => {
                if self.locked.get() {
                    return false;
                }
                self.locked.set(true);
                self.owner.set(Some(tid));
                true
            }
            LockKind::RLock => {
                if self.locked.get() && self.owner.get() != Some(tid) {
                    return false;
                }
                self.locked.set(true);
                self.owner.set(Some(tid));
                self.count.set(self.count.get() + 1);
                true
            }
            LockKind::Semaphore => {
                let value = self.count.get();
                if value == 0 {
                    return false;
                }
                self.count.set(value - 1);
                self.locked.set(value == 1);
                self.owner.set(Some(tid));
                true
            }
        }
    }

    /// Acquire for `tid` holding recursion level `count` (RLock; ignored for Lock).
    pub fn try_acquire_with(&self, tid: usize, count: u32) -> bool {
        if !self.try_acquire(tid) {
            return false;
        }
        if self.kind == LockKind::RLock {
            self.count.set(self.count.get() + count - 1);
        }
        true
    }

    /// Whether thread `tid` owns the lock in `Condition`'s sense: the RLock's owner, or —
    /// for a Lock, which has no owner — anybody while it is locked.
    pub fn is_owned_by(&self, tid: usize) -> bool {
        match self.kind {
            LockKind::Lock => self.locked.get(),
            LockKind::RLock => self.locked.get() && self.owner.get() == Some(tid),
            LockKind::Semaphore => false,
        }
    }

    /// One release by its holder (checked by the caller): an RLock's level drops by one;
    /// true when the lock is now free.
    pub fn release_once(&self) -> bool {
        if self.kind == LockKind::RLock {
            self.count.set(self.count.get() - 1);
            if self.count.get() > 0 {
                return false;
            }
        }
        self.locked.set(false);
        self.owner.set(None);
        true
    }

    /// Release completely (whatever the recursion level); the level released.
    pub fn release_all(&self) -> u32 {
        let count = self.count.get();
        self.locked.set(false);
        self.owner.set(None);
        self.count.set(0);
        count
    }

    pub fn describe(&self) -> String {
        match self.kind {
            LockKind::Lock => format!("Lock#{}", self.number),
            LockKind::RLock => format!("RLock#{}", self.number),
            LockKind::Semaphore => format!("Semaphore#{}", self.number),
        }
    }
}

/// The runtime-visible state of a `threading.Thread`.
#[derive(Default)]
pub struct ThreadData {
    /// Index in the VM's thread table once started.
    pub tid: Option<usize>,
    /// The process it runs in (set when it starts).
    pub process: usize,
    pub name: String,
    pub daemon: bool,
    pub ident: Option<i64>,
    pub target: Value,
    pub args: Value,
    pub kwargs: Value,
    /// `Thread.__init__` ran.
    pub initialized: bool,
    pub started: bool,
    pub finished: bool,
    /// The Python object (a Thread instance).
    pub object: Value,
    /// Started by `_thread.start_new_thread` (not joined at exit; different error report).
    pub low_level: bool,
    /// A script's `threading.excepthook` was called for an exception that escaped `run()`.
    pub excepthook_called: bool,
    /// An exception another thread asked to raise in this one
    /// (`ctypes.pythonapi.PyThreadState_SetAsyncExc`): raised when it next runs.
    pub async_exc: Option<Value>,
}

impl ThreadData {
    /// Whether the thread has finished: a read of its state in the footprint (the flag is
    /// written unnoted, as [`crate::footprint::Resource::ThreadState`]).
    pub fn has_finished(&self) -> bool {
        if let Some(tid) = self.tid {
            crate::footprint::note(crate::footprint::Resource::ThreadState(tid), false);
        }
        self.finished
    }

    /// Its state without the objects it holds (None in their place), for a copy of its
    /// process (a fork, a run's copy) to fill with their copies.
    pub(crate) fn without_values(&self) -> ThreadData {
        ThreadData {
            tid: self.tid,
            process: self.process,
            name: self.name.clone(),
            daemon: self.daemon,
            ident: self.ident,
            initialized: self.initialized,
            started: self.started,
            finished: self.finished,
            low_level: self.low_level,
            excepthook_called: self.excepthook_called,
            ..Default::default()
        }
    }

    /// The values it holds (for measuring the heap).
    pub(crate) fn values(&self) -> [Value; 5] {
        [
            self.object.clone(),
            self.target.clone(),
            self.args.clone(),
            self.kwargs.clone(),
            self.async_exc.clone().unwrap_or(Value::None),
        ]
    }

    /// The values it holds, taken out (for [`crate::Vm::teardown`]).
    pub(crate) fn take_values(&mut self) -> [Value; 5] {
        [
            std::mem::replace(&mut self.object, Value::None),
            std::mem::replace(&mut self.target, Value::None),
            std::mem::replace(&mut self.args, Value::None),
            std::mem::replace(&mut self.kwargs, Value::None),
            self.async_exc.take().unwrap_or(Value::None),
        ]
    }
}
