//! Runs in parallel for `explore` and `check`: `jobs` OS threads, each with its own state (a
//! program image: it holds `Rc`s and cannot be shared), claim run indices in increasing order
//! from one counter, so a worker is never idle while runs remain.
//!
//! Invariant: the result is the same whatever `jobs` is (unless a time budget ends the
//! search). Every claimed index is finished, and indices are claimed in order, so the results
//! are always a prefix `0..n` of the runs. When stopping at the first failure, no index past the
//! lowest failing index found so far is claimed, and results past it are dropped: the prefix
//! ends exactly at the first failing run in index order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// When a search ends early.
#[derive(Clone, Copy, Default)]
pub struct Stop {
    /// After the first failing run (in index order).
    pub at_failure: bool,
    /// At this wall-clock time (`--time`): no run is started after it.
    pub deadline: Option<Instant>,
}

/// Run `work(state, i)` for the indices `0..count` on `jobs` workers (each with a state made
/// by `init`) and return the results of a prefix of them, in index order. `done` is called
/// after each run (for a progress bar).
pub fn run_indexed<S, T, I, W, F>(
    count: usize,
    jobs: usize,
    stop: Stop,
    init: I,
    work: W,
    failed: F,
    done: &(dyn Fn() + Sync),
) -> Vec<T>
where
    T: Send,
    I: Fn() -> S + Sync,
    W: Fn(&mut S, usize) -> T + Sync,
    F: Fn(&T) -> bool + Sync,
{
    let next = AtomicUsize::new(0);
    let first_failure = AtomicUsize::new(usize::MAX);
    let worker = || {
        let mut state = init();
        let mut results = Vec::new();
        loop {
            if stop.deadline.is_some_and(|deadline| Instant::now() >= deadline) {
                break;
            }
            let i = next.fetch_add(1, Ordering::SeqCst);
            if i >= count || i > first_failure.load(Ordering::SeqCst) {
                break;
            }
            let result = work(&mut state, i);
            if stop.at_failure && failed(&result) {
                first_failure.fetch_min(i, Ordering::SeqCst);
            }
            done();
            results.push((i, result));
        }
        results
    };
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..jobs.max(1)).map(|_| scope.spawn(worker)).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    let last = first_failure.load(Ordering::SeqCst);
    results.into_iter().take_while(|(i, _)| *i <= last).map(|(_, r)| r).collect()
}

/// `--jobs`, or the machine's cores.
pub fn jobs(requested: Option<usize>) -> usize {
    requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1)
}
