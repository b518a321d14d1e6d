//! The runtime's GIL model against the measurements of python-semantics.md §2.4 and §7:
//! start() hand-off (F5), lock re-acquisition bias (F29), `sleep(0)` yielding once per switch
//! interval (F27), the virtual clock jumping over sleeps, bounded runs and deep recursion.

use gilsim_core::{Policy, PythonVersion, RunOptions};
use gilsim_runtime::{run, Outcome, Status};
use std::sync::Arc;

fn run_script(source: &str, options: RunOptions) -> Outcome {
    let program = gilsim_lang::compile(source, "test.py").expect("test script compiles");
    run(Arc::new(program), &options)
}

fn fair() -> RunOptions {
    RunOptions::default()
}

#[test]
fn short_child_finishes_before_start_returns() {
    // F5: the parent waits in start() for the child to start; the child keeps the GIL.
    let out = run_script(
        "import threading\n\
         def f():\n    for i in range(3): print('A', i)\n\
         t = threading.Thread(target=f)\nt.start()\nprint('main')\nt.join()\n",
        fair(),
    );
    assert_eq!(out.stdout, "A 0\nA 1\nA 2\nmain\n");
    assert_eq!(out.status, Status::Finished);
}

#[test]
fn cpu_bound_child_delays_start_by_one_switch_interval() {
    // §2.4 start_handoff.py: start() returns ≈5.2 ms after the child began on 3.11.
    let out = run_script(
        "import threading, time\n\
         def spin():\n    n = 0\n    while n < 200000: n += 1\n\
         t0 = time.perf_counter()\n\
         t = threading.Thread(target=spin)\nt.start()\n\
         print(round((time.perf_counter() - t0) * 1000))\nt.join()\n",
        fair(),
    );
    let millis: i64 = out.stdout.trim().parse().expect("a number of milliseconds");
    assert!((5..=7).contains(&millis), "start() returned after {millis} ms");
}

#[test]
fn lock_hand_offs_follow_switch_intervals_not_acquisitions() {
    // F29: two threads × N `with lock:` appends form a few long runs, not alternation.
    let out = run_script(
        "import threading\n\
         lock = threading.Lock()\nseq = []\n\
         def w(tag):\n    for _ in range(20000):\n        with lock:\n            seq.append(tag)\n\
         ts = [threading.Thread(target=w, args=(c,)) for c in 'ab']\n\
         for t in ts: t.start()\nfor t in ts: t.join()\n\
         runs = 1 + sum(1 for i in range(1, len(seq)) if seq[i] != seq[i - 1])\n\
         print(len(seq), runs)\n",
        fair(),
    );
    let fields: Vec<u64> = out.stdout.split_whitespace().map(|f| f.parse().expect("int")).collect();
    assert_eq!(fields[0], 40000);
    let elapsed_intervals = out.virtual_time_ns / 5_000_000;
    assert!(
        fields[1] >= 2 && fields[1] <= elapsed_intervals + 2,
        "{} runs in {} ms",
        fields[1],
        out.virtual_time_ns / 1_000_000
    );
}

#[test]
fn sleep_zero_yields_about_once_per_switch_interval() {
    // F27: against a CPU-bound thread, a sleep(0) loop advances once per interval (~200/s).
    let out = run_script(
        "import threading, time\n\
         stop = False\ncount = 0\n\
         def spin():\n    while not stop: pass\n\
         def yielder():\n    global count\n    while not stop:\n        time.sleep(0)\n        count += 1\n\
         a = threading.Thread(target=spin)\nb = threading.Thread(target=yielder)\n\
         a.start(); b.start()\ntime.sleep(1.0)\nstop = True\na.join(); b.join()\nprint(count)\n",
        fair(),
    );
    let count: u64 = out.stdout.trim().parse().expect("count");
    assert!((60..=260).contains(&count), "sleep(0) loop ran {count} times in 1 s");
}

#[test]
fn clock_jumps_over_sleeps_and_time_limit_stops_endless_scripts() {
    let out = run_script("import time\nt0 = time.time()\ntime.sleep(2.5)\nprint(round(time.time() - t0, 3))\n", fair());
    assert_eq!(out.stdout, "2.5\n");
    let endless =
        run_script("import time\nwhile True:\n    time.sleep(10)\n", RunOptions { max_time: 30_000_000_000, ..fair() });
    assert_eq!(endless.status, Status::TimeLimit);
    assert_eq!(endless.still_running, vec!["MainThread".to_string()]);
    assert_eq!(endless.virtual_time_ns, 30_000_000_000);
}

#[test]
fn step_limit_stops_a_busy_loop() {
    let out = run_script("while True:\n    pass\n", RunOptions { max_steps: 10_000, ..fair() });
    assert_eq!(out.status, Status::StepLimit);
    assert_eq!(out.instructions, 10_000);
}

#[test]
fn deep_recursion_raises_recursion_error_in_the_script() {
    let out = run_script(
        "def down(n):\n    return down(n + 1)\ntry:\n    down(0)\nexcept RecursionError as e:\n    print('caught', e)\n",
        fair(),
    );
    assert_eq!(out.stdout, "caught maximum recursion depth exceeded\n");
}

#[test]
fn preemptive_choices_are_a_function_of_the_seed() {
    let source = "import threading\nx = []\ndef w(c):\n    for i in range(50): x.append(c)\n\
                  ts = [threading.Thread(target=w, args=(c,)) for c in 'abc']\n\
                  for t in ts: t.start()\nfor t in ts: t.join()\nprint(''.join(x))\n";
    let options = |seed| RunOptions { seed, policy: Policy::Preemptive, python: PythonVersion::new(3, 9), ..fair() };
    let a = run_script(source, options(7));
    let b = run_script(source, options(7));
    let c = run_script(source, options(8));
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.decisions, b.decisions);
    assert_ne!(a.stdout, c.stdout);
}
