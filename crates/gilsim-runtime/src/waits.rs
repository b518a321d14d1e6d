//! What a blocked thread waits for.

use gilsim_vm::LockState;
use std::rc::Rc;

pub enum WaitKind {
    Sleep,
    /// A contended acquire; `count` is the RLock recursion level to hold once acquired.
    Lock {
        lock: Rc<LockState>,
        count: u32,
    },
    Join(usize),
    /// Parent in `Thread.start()` until the child has started.
    StartHandshake(usize),
    /// `Process.join()`: until the process (by index) exits.
    Process(usize),
    /// A thread just started that the OS is still creating (noisy timing, see
    /// [`crate::noise::Noise::thread_creation`]): it asks for the GIL when its timer fires.
    Creation,
    /// `Process.start()` while the OS forks or spawns the child (noisy timing, see
    /// [`crate::noise::Noise::process_creation`]): resumes with the child's `pid`.
    Fork {
        pid: i64,
    },
}

pub struct Wait {
    pub kind: WaitKind,
    /// Absolute virtual time at which the wait times out.
    pub deadline: Option<u64>,
    /// Global blocking order (FIFO wake-ups and deterministic tie-breaks).
    pub seq: u64,
    pub line: u32,
}
