//! Scheduling strategies on hand-made decision points.

use gilsim_runtime::strategy::{Decision, DecisionKind, DfsSearch, Pct, Pos, RandomStrategy, Replay, Strategy, Window};

fn choices(strategy: &mut dyn Strategy, candidates: &[usize], current: Option<usize>, n: usize) -> Vec<usize> {
    let decision = Decision { kind: DecisionKind::SwitchPoint, candidates, current, window: Window::None };
    (0..n).map(|_| strategy.choose(&decision)).collect()
}

#[test]
fn random_is_a_function_of_its_seed() {
    let a = choices(&mut RandomStrategy::new(5), &[0, 1, 2], None, 50);
    let b = choices(&mut RandomStrategy::new(5), &[0, 1, 2], None, 50);
    assert_eq!(a, b);
    assert!((0..3).all(|c| a.contains(&c)), "{a:?}");
}

#[test]
fn pct_of_depth_one_never_changes_its_mind() {
    for seed in 0..20 {
        let picks = choices(&mut Pct::new(seed, 1, 10), &[0, 1], None, 10);
        assert!(picks.iter().all(|&p| p == picks[0]), "seed {seed}: {picks:?}");
    }
}

#[test]
fn pct_of_depth_two_preempts_exactly_once() {
    let mut preempted = 0;
    for seed in 0..20 {
        let picks = choices(&mut Pct::new(seed, 2, 10), &[0, 1], None, 10);
        let switches = picks.windows(2).filter(|w| w[0] != w[1]).count();
        // The change point lowers the running thread, and from then on the other one runs.
        // (A change point drawn at the very first decision shows as no switch at all.)
        assert!(switches <= 1, "seed {seed}: {picks:?}");
        preempted += switches;
    }
    assert!(preempted >= 12, "only {preempted} of 20 seeds preempted");
}

/// Switches in `n` switch points between threads 0 and 1, the chosen one running each time.
fn switches(strategy: &mut dyn Strategy, n: usize) -> usize {
    let mut current = 1;
    let mut switches = 0;
    for _ in 0..n {
        let decision = Decision {
            kind: DecisionKind::SwitchPoint,
            candidates: &[0, 1],
            current: Some(current),
            window: Window::None,
        };
        let chosen = strategy.choose(&decision);
        switches += usize::from(chosen != current);
        current = chosen;
    }
    switches
}

#[test]
fn pos_is_a_function_of_its_seed() {
    let a = choices(&mut Pos::new(5), &[0, 1, 2], Some(2), 50);
    assert_eq!(a, choices(&mut Pos::new(5), &[0, 1, 2], Some(2), 50));
    assert_ne!(a, choices(&mut Pos::new(6), &[0, 1, 2], Some(2), 50));
    assert_eq!(switches(&mut Pos::new(9), 100), switches(&mut Pos::new(9), 100));
}

#[test]
fn pos_keeps_a_thread_that_lost_behind() {
    // Random switches at about half of the points. Under pos the waiting thread keeps the
    // priority it lost with, and the running one draws afresh: the runner is passed over only
    // when its draw falls below that, so each thread runs in long stretches.
    let total = |strategy: fn(u64) -> Box<dyn Strategy>| -> usize {
        (0..100).map(|seed| switches(strategy(seed).as_mut(), 100)).sum()
    };
    let random = total(|seed| Box::new(RandomStrategy::new(seed)));
    let pos = total(|seed| Box::new(Pos::new(seed)));
    assert!((4500..5500).contains(&random), "{random}");
    assert!(pos * 3 < random, "pos {pos}, random {random}");
}

#[test]
fn pos_passes_over_a_thread_that_opened_a_window() {
    // Thread 1 runs, thread 0 waits. Without a window, thread 1's new draw beats thread 0's
    // half of the time; after a window it first drops below every thread half of the time, so
    // it keeps running only a quarter of the time.
    let kept = |window| {
        let decision = Decision { kind: DecisionKind::SwitchPoint, candidates: &[0, 1], current: Some(1), window };
        (0..2000).filter(|&seed| Pos::new(seed).choose(&decision) == 1).count()
    };
    let (plain, read, lock) = (kept(Window::None), kept(Window::Read), kept(Window::Lock));
    assert!((900..1100).contains(&plain), "{plain}");
    assert!((400..600).contains(&read), "{read}");
    assert!((400..600).contains(&lock), "{lock}");
}

#[test]
fn pos_keeps_a_thread_that_dropped_at_a_lock_behind_one_that_dropped_at_a_read() {
    // Thread 1 takes a lock and passes the turn to thread 0 (it dropped, or thread 0's first
    // draw beat its new one), which reads shared data and may drop too. A thread paused
    // holding a lock stays paused while any other can run, so thread 0 goes on after most of
    // these runs: always when thread 1 dropped (two thirds of them). With one band of
    // dropped threads, thread 1 would come back whenever thread 0 dropped: about 45 %.
    let decision = |current, window| Decision { kind: DecisionKind::SwitchPoint, candidates: &[0, 1], current, window };
    let (mut passed, mut went_on) = (0, 0);
    for seed in 0..4000 {
        let mut pos = Pos::new(seed);
        if pos.choose(&decision(Some(1), Window::Lock)) == 0 {
            passed += 1;
            went_on += usize::from(pos.choose(&decision(Some(0), Window::Read)) == 0);
        }
    }
    assert!((2800..3200).contains(&passed), "{passed}");
    assert!(went_on * 100 > passed * 70, "{went_on} of {passed}");
}

#[test]
fn replay_follows_deviations_and_reports_divergence() {
    let mut replay = Replay::new(4, vec![(1, 0), (3, 1)]);
    // Current thread is index 1: the default is to keep it.
    assert_eq!(choices(&mut replay, &[0, 1], Some(1), 4), vec![1, 0, 1, 1]);
    assert_eq!(replay.divergence(), None);

    let mut short = Replay::new(4, vec![]);
    choices(&mut short, &[0, 1], None, 2);
    assert_eq!(short.divergence().map(|d| d.decision), Some(2));

    let mut out_of_range = Replay::new(2, vec![(0, 5)]);
    assert_eq!(choices(&mut out_of_range, &[0, 1], None, 2), vec![0, 0]);
    assert_eq!(out_of_range.divergence().map(|d| d.decision), Some(0));

    let mut long = Replay::new(1, vec![]);
    choices(&mut long, &[0, 1], None, 2);
    assert_eq!(long.divergence().map(|d| d.decision), Some(1));
}

/// Every schedule dfs makes on a fixed "program" of `points` switch points, each between a
/// running thread (current) and one other: the sequence of choices of each run.
fn dfs_schedules(points: usize, bound: Option<u32>) -> Vec<Vec<usize>> {
    let mut search = DfsSearch::new(bound);
    let mut schedules = Vec::new();
    while let Some(mut run) = search.next_run() {
        let picks = choices(&mut run, &[7, 9], Some(1), points);
        search.finished(&run);
        schedules.push(picks);
        assert!(schedules.len() <= 1 << points, "dfs does not terminate");
    }
    schedules
}

#[test]
fn dfs_makes_every_schedule_once_within_the_preemption_bound() {
    // Unbounded: all 2^4 choice sequences, each once, starting with the no-preemption run.
    let all = dfs_schedules(4, None);
    assert_eq!(all.len(), 16);
    assert_eq!(all[0], [1, 1, 1, 1], "the first run never preempts");
    let mut distinct = all.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 16, "a schedule was run twice");
    // Bound k: exactly the sequences with at most k preemptions (choices of 0 here).
    for (bound, expected) in [(0, 1), (1, 5), (2, 11)] {
        let schedules = dfs_schedules(4, Some(bound));
        assert_eq!(schedules.len(), expected, "bound {bound}");
        assert!(schedules.iter().all(|s| s.iter().filter(|&&c| c == 0).count() <= bound as usize));
    }
}

#[test]
fn dfs_choices_that_are_not_preemptions_are_not_bounded() {
    // A thread blocked: choosing which of three threads runs next preempts no one.
    let mut search = DfsSearch::new(Some(0));
    let mut count = 0;
    while let Some(mut run) = search.next_run() {
        let decision =
            Decision { kind: DecisionKind::NextThread, candidates: &[1, 2, 3], current: None, window: Window::None };
        run.choose(&decision);
        run.choose(&decision);
        search.finished(&run);
        count += 1;
    }
    assert_eq!(count, 9);
}
