//! The wait-for graph (design §5): nodes are threads and locks; an edge thread → lock or
//! thread → thread (join) means "blocked, with no timeout, until that is free", an edge
//! lock → thread means "held by". Every node has at most one outgoing edge, so the graph is
//! a successor map and a cycle through a newly blocked thread is found by following edges
//! from it; every change is O(1) however many locks the run has made (a Condition makes a
//! lock per wait, which its waiter then holds for good). A cycle of joins and
//! owner-released locks can never break by itself; one through a plain `Lock`, which any
//! thread may release, breaks if a thread outside it releases the lock (the runtime decides
//! when such a cycle is a deadlock).
//!
//! Timed waits and waits for a signal (Condition, Event, Semaphore, Barrier, queues) are not
//! edges: they can end without any lock being released (python-semantics.md §4).

use crate::event::ThreadId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    Thread(ThreadId),
    Lock(u64),
}

/// What a blocked thread waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitTarget {
    /// A lock (by number) to be released.
    Lock(u64),
    /// A thread to finish.
    Join(ThreadId),
}

/// One thread of a deadlock cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CycleStep {
    pub thread: ThreadId,
    /// The lock of the cycle this thread holds, and the line where it acquired it.
    pub holds: Option<(u64, u32)>,
    pub waits_for: WaitTarget,
    /// The line where it blocked.
    pub line: u32,
}

/// Each node's one outgoing edge, in vectors indexed by thread id and by lock number (both
/// dense: the VM numbers locks from 1 as it makes them): the graph changes on every lock
/// operation, and an index is cheaper than hashing.
#[derive(Clone, Debug, Default)]
pub struct WaitForGraph {
    /// Per thread: what it is blocked on, and the line of the wait.
    waits: Vec<Option<(Node, u32)>>,
    /// Per lock: the thread holding it, and the line of the acquire.
    holders: Vec<Option<(ThreadId, u32)>>,
}

/// The vector slot for `key`, grown to hold it.
fn slot<T>(slots: &mut Vec<Option<T>>, key: usize) -> &mut Option<T> {
    if slots.len() <= key {
        slots.resize_with(key + 1, || None);
    }
    &mut slots[key]
}

impl WaitForGraph {
    fn next(&self, node: Node) -> Option<(Node, u32)> {
        match node {
            Node::Thread(thread) => self.waits.get(thread).copied().flatten(),
            Node::Lock(lock) => {
                let (holder, line) = usize::try_from(lock).ok().and_then(|i| self.holders.get(i).copied().flatten())?;
                Some((Node::Thread(holder), line))
            }
        }
    }

    pub fn acquired(&mut self, thread: ThreadId, lock: u64, line: u32) {
        if let Ok(i) = usize::try_from(lock) {
            *slot(&mut self.holders, i) = Some((thread, line));
        }
    }

    pub fn released(&mut self, lock: u64) {
        if let Some(holder) = usize::try_from(lock).ok().and_then(|i| self.holders.get_mut(i)) {
            *holder = None;
        }
    }

    /// `thread` blocked without a timeout on `target` at `line`. Returns the deadlock this
    /// closes, rotated to start at its smallest thread id.
    pub fn blocked(&mut self, thread: ThreadId, target: WaitTarget, line: u32) -> Option<Vec<CycleStep>> {
        let to = match target {
            WaitTarget::Lock(lock) => Node::Lock(lock),
            WaitTarget::Join(t) => Node::Thread(t),
        };
        *slot(&mut self.waits, thread) = Some((to, line));
        self.cycle_through(thread)
    }

    /// The cycle `thread` is blocked in, if any (rotated to start at its smallest thread id);
    /// None also when it leads into a cycle that does not pass through it.
    pub fn cycle_through(&self, thread: ThreadId) -> Option<Vec<CycleStep>> {
        let start = Node::Thread(thread);
        let (mut node, line) = self.next(start)?;
        let mut path = vec![(start, line)];
        loop {
            if node == start {
                break;
            }
            if path.iter().any(|(n, _)| *n == node) {
                // A cycle that does not pass through `thread` was reported when it closed.
                return None;
            }
            let (next, next_line) = self.next(node)?;
            path.push((node, next_line));
            node = next;
        }
        Some(Self::steps(&path))
    }

    /// Turn the path thread, [lock, thread, ...] (each with its out-edge's line) into steps.
    fn steps(path: &[(Node, u32)]) -> Vec<CycleStep> {
        let n = path.len();
        let mut steps = Vec::new();
        for (i, &(node, line)) in path.iter().enumerate() {
            let Node::Thread(thread) = node else { continue };
            let waits_for = match path[(i + 1) % n].0 {
                Node::Lock(lock) => WaitTarget::Lock(lock),
                Node::Thread(t) => WaitTarget::Join(t),
            };
            let holds = match path[(i + n - 1) % n] {
                (Node::Lock(lock), held_line) => Some((lock, held_line)),
                _ => None,
            };
            steps.push(CycleStep { thread, holds, waits_for, line });
        }
        let first = steps.iter().enumerate().min_by_key(|(_, s)| s.thread).map_or(0, |(i, _)| i);
        steps.rotate_left(first);
        steps
    }

    /// `thread` is no longer blocked.
    pub fn unblocked(&mut self, thread: ThreadId) {
        if let Some(wait) = self.waits.get_mut(thread) {
            *wait = None;
        }
    }
}
