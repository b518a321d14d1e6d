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

/// Runs per worker in one block: results are handed over and dropped block by block, so an
/// open-ended search (`--time`) keeps bounded memory.
const BLOCK_PER_WORKER: usize = 2048;

/// A pool of `jobs` workers with a stopping rule; `on_run` is called after each run (for a
/// progress bar).
pub struct Workers<'a> {
    pub jobs: usize,
    pub stop: Stop,
    pub on_run: &'a (dyn Fn() + Sync),
}

impl Workers<'_> {
    /// Run `work(state, i)` for the indices `0..count` (each worker's state made by `init`,
    /// once per block) and hand the results of a prefix of them to `consume`, in index order.
    pub fn run<S, T, I, W, F>(&self, count: usize, init: I, work: W, failed: F, mut consume: impl FnMut(T))
    where
        T: Send,
        I: Fn() -> S + Sync,
        W: Fn(&mut S, usize) -> T + Sync,
        F: Fn(&T) -> bool + Sync,
    {
        let jobs = self.jobs.max(1);
        let mut start = 0;
        while start < count {
            let end = start.saturating_add(BLOCK_PER_WORKER * jobs).min(count);
            let (results, go_on) = run_block(start..end, jobs, self.stop, &init, &work, &failed, self.on_run);
            let claimed_all = results.len() == end - start;
            results.into_iter().for_each(&mut consume);
            if !go_on || !claimed_all {
                return;
            }
            start = end;
        }
    }

    /// [`Workers::run`], collecting the results.
    pub fn collect<S, T, I, W, F>(&self, count: usize, init: I, work: W, failed: F) -> Vec<T>
    where
        T: Send,
        I: Fn() -> S + Sync,
        W: Fn(&mut S, usize) -> T + Sync,
        F: Fn(&T) -> bool + Sync,
    {
        let mut results = Vec::new();
        self.run(count, init, work, failed, |r| results.push(r));
        results
    }
}

/// One block of [`Workers::run`]: its results in index order, and whether the search may go
/// on (no failure stopped it and the deadline has not passed).
fn run_block<S, T: Send>(
    indices: std::ops::Range<usize>,
    jobs: usize,
    stop: Stop,
    init: &(impl Fn() -> S + Sync),
    work: &(impl Fn(&mut S, usize) -> T + Sync),
    failed: &(impl Fn(&T) -> bool + Sync),
    done: &(dyn Fn() + Sync),
) -> (Vec<T>, bool) {
    let next = AtomicUsize::new(indices.start);
    let first_failure = AtomicUsize::new(usize::MAX);
    let worker = || {
        let mut state = init();
        let mut results = Vec::new();
        loop {
            if stop.deadline.is_some_and(|deadline| Instant::now() >= deadline) {
                break;
            }
            let i = next.fetch_add(1, Ordering::SeqCst);
            if i >= indices.end || i > first_failure.load(Ordering::SeqCst) {
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
        // No more workers than runs; each with a simulation's stack. A worker the host will not
        // start is simply not there (the others claim its runs); with none, this thread works.
        let wanted = jobs.min(indices.len()).max(1);
        let handles: Vec<_> = (0..wanted)
            .filter_map(|_| {
                let builder = std::thread::Builder::new().stack_size(gilsim_runtime::SIMULATION_STACK);
                builder.spawn_scoped(scope, worker).ok()
            })
            .collect();
        if handles.is_empty() {
            return worker();
        }
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    let last = first_failure.load(Ordering::SeqCst);
    let results: Vec<T> = results.into_iter().take_while(|(i, _)| *i <= last).map(|(_, r)| r).collect();
    (results, last == usize::MAX)
}

/// `--jobs`, at most the machine's cores (runs are CPU-bound: more workers only cost memory),
/// or the cores. Results never depend on it.
pub fn jobs(requested: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    requested.map_or(cores, |jobs| jobs.min(cores)).max(1)
}

/// `--jobs N`: a positive number.
pub fn parse_jobs(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("--jobs must be at least 1".into()),
        Ok(jobs) => Ok(jobs),
        Err(_) => Err(format!("`{text}` is not a number of workers")),
    }
}
