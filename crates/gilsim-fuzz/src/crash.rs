//! The crash fuzzer: generated programs, mutations of every scenario and byte-damaged copies
//! of them, each run through the real `gilsim` binary (a child process, so an abort, a stack
//! overflow, a hang or a memory blow-up is seen as the user would see it) under bounded
//! limits. Anything but exit 0, 1 or 2 within the time and memory allowed is a crash, and its
//! input is saved.
//!
//! Invariant: case `i` (its input and its command line) is a function of the seed and `i`
//! alone, so a saved crash can be made again from its number.

use crate::mutate;
use crate::program::{self, Shape};
use gilsim_core::SimRng;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The limits every case runs under.
pub const MAX_MEMORY: &str = "256MiB";
const MAX_STEPS: &str = "300000";
const MAX_OUTPUT: &str = "1MiB";
/// Past this resident size (the limit, plus the interpreter's own bookkeeping and detectors,
/// docs/cli.md) a case counts as a memory blow-up.
pub const MAX_RSS_KB: u64 = 768 * 1024;
/// Past this wall time a case counts as a hang: every case is bounded by --max-steps.
pub const HANG_AFTER: Duration = Duration::from_secs(60);

/// Where a case's input comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Generated,
    Mutated,
    Damaged,
}

/// One case: its input bytes and the gilsim arguments after the script's path.
pub struct Case {
    pub origin: Origin,
    pub input: Vec<u8>,
    pub args: Vec<String>,
}

/// Case `i` of a campaign with `seed` over `scenarios` (their sources).
pub fn case(seed: u64, i: u64, scenarios: &[String]) -> Case {
    let mut rng = SimRng::new(seed, i);
    let origin = match i % 4 {
        0 => Origin::Generated,
        3 => Origin::Damaged,
        _ => Origin::Mutated,
    };
    let scenario = || &scenarios[rng_pick(seed, i, scenarios.len())];
    let input = match origin {
        Origin::Generated => {
            let shape = if rng.below(2) == 0 { Shape::COARSE } else { Shape::FINE };
            program::generate(seed.wrapping_mul(1_000_003).wrapping_add(i), shape).into_bytes()
        }
        Origin::Mutated => mutate::mutate(scenario(), &mut rng).into_bytes(),
        Origin::Damaged => mutate::damage_bytes(scenario(), &mut rng),
    };
    let args = command_line(&mut rng);
    let input = if args[0] == "check" {
        // `check` takes its limits from the header; without them a busy loop legitimately
        // runs to the default 2·10⁹ steps. A key the input's header repeats is a bad header.
        let limits = format!("# gilsim: max-steps={MAX_STEPS} max-memory={MAX_MEMORY} max-output={MAX_OUTPUT}\n");
        [limits.into_bytes(), input].concat()
    } else {
        input
    };
    Case { origin, input, args }
}

fn rng_pick(seed: u64, i: u64, n: usize) -> usize {
    SimRng::new(seed ^ 0x5eed, i).below(n.max(1) as u64) as usize
}

/// A command line: `run` (text or JSON, any policy and version) most often, sometimes a short
/// `explore`, a `disasm`, a traced run, a `check`, or a `replay` of a hostile token.
fn command_line(rng: &mut SimRng) -> Vec<String> {
    let pythons = ["2.7", "3.6", "3.9", "3.11", "3.12", "3.13", "3.13t"];
    // `nogil` only where it is valid: on the free-threaded build.
    let policies = ["fair", "preemptive", "ticks", "nogil"];
    let python = pythons[rng.below(pythons.len() as u64) as usize];
    let valid_policies = if python.ends_with('t') { policies.len() } else { policies.len() - 1 };
    let policy = policies[rng.below(valid_policies as u64) as usize];
    let seed = rng.below(1000).to_string();
    let cores = (1 + rng.below(8)).to_string();
    let limits = ["--max-steps", MAX_STEPS, "--max-memory", MAX_MEMORY, "--max-output", MAX_OUTPUT];
    let mut args: Vec<String> = match rng.below(10) {
        0 => vec!["explore", "--runs", "4", "--jobs", "1"],
        1 => vec!["disasm"],
        2 => vec!["run", "--format", "json"],
        3 => vec!["run", "--trace", "TRACE"],
        // A header's options and expectations, as `check` reads them.
        4 => vec!["check"],
        // A hostile schedule token (bounded by the limits, as replay takes them).
        5 => {
            let token = random_token(rng);
            let limits = ["--max-steps", MAX_STEPS, "--max-memory", MAX_MEMORY];
            return ["replay", "--schedule", &token].into_iter().chain(limits).map(String::from).collect();
        }
        _ => vec!["run"],
    }
    .into_iter()
    .map(String::from)
    .collect();
    if !matches!(args[0].as_str(), "disasm" | "check") {
        args.extend(["--python", python, "--policy", policy, "--seed", &seed, "--cores", &cores].map(String::from));
        args.extend(limits.map(String::from));
    }
    args
}

/// A string that looks like a schedule token: the `gs1_` prefix (mostly) and random
/// base64url characters of random length.
fn random_token(rng: &mut SimRng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let prefix = if rng.below(8) == 0 { "gs9_" } else { "gs1_" };
    let body: String = (0..rng.below(120)).map(|_| ALPHABET[rng.below(64) as usize] as char).collect();
    format!("{prefix}{body}")
}

/// How one case ended.
#[derive(Debug)]
pub enum Ending {
    /// Exit status 0, 1 or 2.
    Exited(i32),
    /// Any other status, or a signal (None).
    Crashed(Option<i32>, String),
    Hung,
    TooMuchMemory(u64),
}

/// Run `case` with the `gilsim` binary, its input written to `dir/input.py`.
pub fn run_case(gilsim: &Path, dir: &Path, case: &Case) -> std::io::Result<Ending> {
    let script = dir.join("input.py");
    std::fs::write(&script, &case.input)?;
    let mut args: Vec<String> = Vec::with_capacity(case.args.len() + 1);
    args.push(case.args[0].clone());
    args.push(script.display().to_string());
    let trace = dir.join("trace.json").display().to_string();
    args.extend(case.args[1..].iter().map(|a| if a == "TRACE" { trace.clone() } else { a.clone() }));
    let mut child = Command::new(gilsim)
        .args(&args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut err) = stderr {
            let _ = std::io::Read::read_to_string(&mut err, &mut text);
        }
        text
    });
    let started = Instant::now();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        peak_kb = peak_kb.max(high_water_kb(&status_path));
        if peak_kb > MAX_RSS_KB || started.elapsed() > HANG_AFTER {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stderr = reader.join().unwrap_or_default();
    Ok(match status {
        None if peak_kb > MAX_RSS_KB => Ending::TooMuchMemory(peak_kb),
        None => Ending::Hung,
        Some(status) => match status.code() {
            Some(code @ 0..=2) => Ending::Exited(code),
            code => Ending::Crashed(code, stderr.chars().rev().take(2000).collect::<String>().chars().rev().collect()),
        },
    })
}

/// The process's resident high-water mark in KiB (0 once it has gone).
fn high_water_kb(status_path: &str) -> u64 {
    let Ok(status) = std::fs::read_to_string(status_path) else { return 0 };
    let line = status.lines().find(|l| l.starts_with("VmHWM:"));
    line.and_then(|l| l.split_whitespace().nth(1)).and_then(|kb| kb.parse().ok()).unwrap_or(0)
}

/// What a campaign saw.
#[derive(Debug, Default)]
pub struct Report {
    pub cases: u64,
    pub by_origin: BTreeMap<String, u64>,
    pub by_exit: BTreeMap<i32, u64>,
    /// Case numbers that crashed, hung or blew the memory, with what happened.
    pub failures: Vec<(u64, String)>,
}

/// Run cases `0..` with `jobs` workers until `deadline`, saving failing inputs in `out`.
pub fn campaign(
    gilsim: &Path,
    seed: u64,
    scenarios: &[String],
    jobs: usize,
    deadline: Instant,
    out: &Path,
) -> std::io::Result<Report> {
    let next = AtomicU64::new(0);
    let report = Mutex::new(Report::default());
    std::fs::create_dir_all(out)?;
    std::thread::scope(|scope| -> std::io::Result<()> {
        let workers: Vec<_> = (0..jobs)
            .map(|w| {
                let (next, report) = (&next, &report);
                scope.spawn(move || -> std::io::Result<()> {
                    let dir: PathBuf = out.join(format!("worker-{w}"));
                    std::fs::create_dir_all(&dir)?;
                    while Instant::now() < deadline {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let case = case(seed, i, scenarios);
                        let ending = run_case(gilsim, &dir, &case)?;
                        record(report, out, i, &case, ending)?;
                    }
                    Ok(())
                })
            })
            .collect();
        for worker in workers {
            worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        }
        Ok(())
    })?;
    Ok(report.into_inner().unwrap_or_else(|e| e.into_inner()))
}

fn record(report: &Mutex<Report>, out: &Path, i: u64, case: &Case, ending: Ending) -> std::io::Result<()> {
    let mut report = report.lock().unwrap_or_else(|e| e.into_inner());
    report.cases += 1;
    *report.by_origin.entry(format!("{:?}", case.origin)).or_default() += 1;
    let failure = match ending {
        Ending::Exited(code) => {
            *report.by_exit.entry(code).or_default() += 1;
            return Ok(());
        }
        Ending::Crashed(code, stderr) => format!("exit {code:?}: {stderr}"),
        Ending::Hung => format!("still running after {} s", HANG_AFTER.as_secs()),
        Ending::TooMuchMemory(kb) => format!("resident {} MiB", kb / 1024),
    };
    std::fs::write(out.join(format!("case-{i}.py")), &case.input)?;
    std::fs::write(out.join(format!("case-{i}.txt")), format!("gilsim {}\n{failure}\n", case.args.join(" ")))?;
    report.failures.push((i, failure));
    Ok(())
}
