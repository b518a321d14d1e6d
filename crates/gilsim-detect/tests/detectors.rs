//! The detectors on hand-built event sequences.

use gilsim_detect::{CycleStep, Detectors, Event, LocId, LockClock, Shown, ThreadId, WaitTarget};

const X: LocId = 0;

/// An event, or an operation on a lock (by number: the test keeps each lock's clock, as the
/// VM's lock objects keep theirs).
#[derive(Clone, Copy)]
enum Step {
    Event(Event),
    Acquire(ThreadId, u64),
    Release(ThreadId, u64),
}

fn read(thread: ThreadId, line: u32, value: i64) -> Step {
    Step::Event(Event::Read { thread, loc: X, line, value: Shown::int(value) })
}

fn write(thread: ThreadId, line: u32, value: i64) -> Step {
    Step::Event(Event::Write { thread, loc: X, line, value: Shown::int(value) })
}

fn acquire(thread: ThreadId, lock: u64) -> Step {
    Step::Acquire(thread, lock)
}

fn release(thread: ThreadId, lock: u64) -> Step {
    Step::Release(thread, lock)
}

/// The detectors and the clocks of locks 0 to 3.
#[derive(Default)]
struct Run {
    d: Detectors,
    locks: [LockClock; 4],
}

impl Run {
    fn apply(&mut self, step: Step) {
        match step {
            Step::Event(event) => self.d.observe(&event),
            Step::Acquire(thread, lock) => {
                self.d.acquire(thread, lock, 100 + lock as u32, &mut self.locks[lock as usize]);
            }
            Step::Release(thread, lock) => self.d.release(thread, lock, &mut self.locks[lock as usize]),
        }
    }
}

/// Main starts threads 1 and 2, then `steps` happen.
fn run(steps: &[Step]) -> Run {
    let mut r = Run::default();
    r.apply(Step::Event(Event::Start { parent: 0, child: 1 }));
    r.apply(Step::Event(Event::Start { parent: 0, child: 2 }));
    for step in steps {
        r.apply(*step);
    }
    r
}

#[test]
fn interleaved_increments_lose_an_update_and_race() {
    let Run { d, .. } = run(&[read(1, 10, 0), read(2, 10, 0), write(2, 11, 1), write(1, 11, 1)]);
    let lost = d.accesses.lost_updates();
    assert_eq!(lost.len(), 1);
    assert_eq!((lost[0].read.thread, lost[0].lost.thread, lost[0].write.thread), (1, 2, 1));
    assert_eq!((lost[0].read.value, lost[0].lost.value), (Shown::int(0), Shown::int(1)));
    assert_eq!(d.accesses.races().len(), 1);
}

#[test]
fn repeated_losses_at_the_same_lines_are_counted_once() {
    let mut events = Vec::new();
    for i in 0..5 {
        events.extend([read(1, 10, i), read(2, 10, i), write(2, 11, i + 1), write(1, 11, i + 1)]);
    }
    let Run { d, .. } = run(&events);
    assert_eq!(d.accesses.lost_updates().len(), 1);
    assert_eq!(d.accesses.lost_updates()[0].count, 5);
}

#[test]
fn unordered_increments_race_even_when_nothing_is_lost() {
    let Run { d, .. } = run(&[read(1, 10, 0), write(1, 11, 1), read(2, 10, 1), write(2, 11, 2)]);
    assert!(d.accesses.lost_updates().is_empty());
    let races = d.accesses.races();
    assert_eq!(races.len(), 1);
    assert_eq!((races[0].write.thread, races[0].other.thread), (2, 1));
    assert!(races[0].other_is_rmw);
}

#[test]
fn a_plain_write_after_a_read_modify_write_races() {
    let Run { d, .. } = run(&[read(1, 10, 0), write(1, 11, 1), write(2, 20, 7)]);
    assert_eq!(d.accesses.races().len(), 1);
    assert_eq!(d.accesses.races()[0].read.thread, 1);
}

#[test]
fn plain_writes_alone_are_not_lost_updates() {
    let Run { d, .. } = run(&[write(1, 10, 1), write(2, 20, 2), write(1, 10, 3)]);
    assert!(d.accesses.lost_updates().is_empty());
    assert!(d.accesses.races().is_empty());
}

#[test]
fn increments_under_one_lock_are_ordered() {
    let Run { d, .. } = run(&[
        acquire(1, 1),
        read(1, 10, 0),
        write(1, 11, 1),
        release(1, 1),
        acquire(2, 1),
        read(2, 10, 1),
        write(2, 11, 2),
        release(2, 1),
        acquire(1, 1),
        read(1, 10, 2),
        write(1, 11, 3),
        release(1, 1),
    ]);
    assert!(d.accesses.races().is_empty());
    assert!(d.accesses.lost_updates().is_empty());
}

#[test]
fn different_locks_do_not_order() {
    let Run { d, .. } = run(&[
        acquire(1, 1),
        read(1, 10, 0),
        write(1, 11, 1),
        release(1, 1),
        acquire(2, 2),
        read(2, 10, 1),
        write(2, 11, 2),
        release(2, 2),
    ]);
    assert_eq!(d.accesses.races().len(), 1);
}

#[test]
fn start_and_join_order_accesses() {
    let mut r = Run::default();
    for step in [
        read(0, 1, 0),
        write(0, 1, 1),
        Step::Event(Event::Start { parent: 0, child: 1 }),
        read(1, 5, 1),
        write(1, 5, 2),
        Step::Event(Event::Join { joiner: 0, joined: 1 }),
        read(0, 9, 2),
        write(0, 9, 3),
    ] {
        r.apply(step);
    }
    assert!(r.d.accesses.races().is_empty());
}

#[test]
fn two_locks_taken_in_opposite_orders_deadlock() {
    let Run { mut d, .. } = run(&[acquire(1, 1), acquire(2, 2)]);
    assert_eq!(d.wait_for.blocked(2, WaitTarget::Lock(1), 21), None);
    let cycle = d.wait_for.blocked(1, WaitTarget::Lock(2), 11).expect("deadlock");
    assert_eq!(
        cycle,
        vec![
            CycleStep { thread: 1, holds: Some((1, 101)), waits_for: WaitTarget::Lock(2), line: 11 },
            CycleStep { thread: 2, holds: Some((2, 102)), waits_for: WaitTarget::Lock(1), line: 21 },
        ]
    );
}

#[test]
fn reacquiring_a_held_lock_is_a_one_thread_cycle() {
    let Run { mut d, .. } = run(&[acquire(1, 3)]);
    let cycle = d.wait_for.blocked(1, WaitTarget::Lock(3), 7).expect("deadlock");
    assert_eq!(cycle.len(), 1);
    assert_eq!(cycle[0].holds, Some((3, 103)));
}

#[test]
fn threads_joining_each_other_deadlock() {
    let Run { mut d, .. } = run(&[]);
    assert_eq!(d.wait_for.blocked(0, WaitTarget::Join(1), 30), None);
    let cycle = d.wait_for.blocked(1, WaitTarget::Join(0), 5).expect("deadlock");
    assert_eq!(cycle[0].thread, 0);
    assert_eq!(cycle[0].waits_for, WaitTarget::Join(1));
    assert_eq!(cycle[1].holds, None);
}

#[test]
fn a_released_lock_or_a_woken_thread_breaks_the_chain() {
    let mut r = run(&[acquire(1, 1), acquire(2, 2)]);
    assert_eq!(r.d.wait_for.blocked(2, WaitTarget::Lock(1), 21), None);
    r.d.wait_for.unblocked(2);
    assert_eq!(r.d.wait_for.blocked(1, WaitTarget::Lock(2), 11), None);
    r.apply(release(1, 1));
    assert_eq!(r.d.wait_for.blocked(2, WaitTarget::Lock(1), 21), None);
}

#[test]
fn a_chain_into_an_existing_cycle_is_not_reported_again() {
    let Run { mut d, .. } = run(&[acquire(1, 1), acquire(2, 2)]);
    d.wait_for.blocked(2, WaitTarget::Lock(1), 21);
    assert!(d.wait_for.blocked(1, WaitTarget::Lock(2), 11).is_some());
    assert_eq!(d.wait_for.blocked(0, WaitTarget::Join(1), 40), None);
}
