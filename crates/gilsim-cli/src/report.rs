//! Rendering outcomes: the text summary (to stderr after the script's own output) and the
//! versioned JSON document (docs/formats.md).

use gilsim_core::{RunOptions, Timing};
use gilsim_runtime::{GilStats, Outcome, Status, ThreadGilStats};
use serde_json::{json, Value};

/// Version of the JSON document format.
pub const FORMAT_VERSION: u32 = 2;

/// gilsim's own exit status: 1 when the script failed (a non-zero exit status, a deadlock
/// or hang), was stopped at `--max-time` or `--max-steps` (docs/cli.md), or a manifest finding
/// was made — or, with `strict`, any finding; 0 otherwise.
pub fn gilsim_exit_status(outcome: &Outcome, strict: bool) -> i32 {
    let failed = match outcome.status {
        Status::Finished => outcome.exit_code != 0,
        Status::Blocked | Status::Deadlock | Status::TimeLimit | Status::StepLimit | Status::OutputLimit => true,
    };
    let flagged = outcome.findings.iter().any(|f| strict || f.kind.is_manifest());
    i32::from(failed || flagged)
}

/// How a run failed, as explore and shrink name it: the kind of its first manifest finding,
/// else `exit-status` or how it ended (`blocked`); None when it did not fail.
pub fn failure_kind(outcome: &Outcome) -> Option<String> {
    if gilsim_exit_status(outcome, false) == 0 {
        return None;
    }
    let manifest = outcome.findings.iter().find(|f| f.kind.is_manifest());
    Some(match (manifest, outcome.status) {
        (Some(f), _) => f.kind.as_str().to_string(),
        (None, Status::Finished) => "exit-status".to_string(),
        (None, status) => status.as_str().to_string(),
    })
}

pub(crate) fn seconds(ns: u64) -> f64 {
    ns as f64 / 1e9
}

/// The command that replays this run: every option that differs from its default.
/// A duration in the largest unit that states it exactly (`5ms`, `1500us`).
fn exact_duration(ns: u64) -> String {
    match ns {
        n if n % 1_000_000 == 0 => format!("{}ms", n / 1_000_000),
        n if n % 1_000 == 0 => format!("{}us", n / 1_000),
        n => format!("{n}ns"),
    }
}

pub fn replay_command(script: &str, options: &RunOptions) -> String {
    let defaults = RunOptions::default();
    let mut cmd =
        format!("gilsim run {script} --seed {} --policy {} --python {}", options.seed, options.policy, options.python);
    if options.switch_points == gilsim_core::SwitchPoints::Every {
        cmd.push_str(" --switch-points every");
    }
    if options.switch_interval != defaults.switch_interval {
        cmd.push_str(&format!(" --switch-interval {}", exact_duration(options.switch_interval)));
    }
    if options.cores != defaults.cores {
        cmd.push_str(&format!(" --cores {}", options.cores));
    }
    if options.policy == gilsim_core::Policy::Ticks && options.check_interval != defaults.check_interval {
        cmd.push_str(&format!(" --check-interval {}", options.check_interval));
    }
    if options.timing != defaults.timing {
        cmd.push_str(&format!(" --timing {}", options.timing));
    }
    if options.stdout != defaults.stdout {
        cmd.push_str(&format!(" --stdout {}", options.stdout));
    }
    if options.max_time != defaults.max_time {
        cmd.push_str(&format!(" --max-time {}", exact_duration(options.max_time)));
    }
    if options.max_steps != defaults.max_steps {
        cmd.push_str(&format!(" --max-steps {}", options.max_steps));
    }
    if options.max_memory != defaults.max_memory {
        cmd.push_str(&format!(" --max-memory {}", options.max_memory));
    }
    if options.max_output != defaults.max_output {
        cmd.push_str(&format!(" --max-output {}", options.max_output));
    }
    if options.keep_going {
        cmd.push_str(" --keep-going");
    }
    if !options.detectors {
        cmd.push_str(" --no-detect");
    }
    cmd
}

/// The text summary printed to stderr.
pub fn summary(script: &str, options: &RunOptions, outcome: &Outcome) -> String {
    let mut s = String::from("\n── gilsim ──────────────────────────────────────────\n");
    let status = match outcome.status {
        Status::Finished => format!("finished (exit status {})", outcome.exit_code),
        Status::Blocked => "blocked: no thread can ever run again".to_string(),
        Status::Deadlock => "deadlock: a wait-for cycle no thread can break (--keep-going to go on)".to_string(),
        Status::TimeLimit => format!("stopped at the time limit ({} s virtual)", seconds(options.max_time)),
        Status::StepLimit => format!("stopped at the step limit ({} instructions)", options.max_steps),
        Status::OutputLimit => format!("stopped at the output limit ({} bytes)", options.max_output),
    };
    s.push_str(&format!("outcome:   {status}\n"));
    for b in &outcome.blocked {
        let at = if b.line > 0 { format!(" (line {})", b.line) } else { String::new() };
        s.push_str(&format!("  {} waits for {}{at}\n", b.thread, b.waiting_for));
    }
    if matches!(outcome.status, Status::TimeLimit | Status::StepLimit) && !outcome.still_running.is_empty() {
        s.push_str(&format!("  still running: {}\n", outcome.still_running.join(", ")));
    }
    for f in &outcome.findings {
        match f.threads.is_empty() {
            true => s.push_str(&format!("finding:   {}\n", f.kind.as_str())),
            false => s.push_str(&format!("finding:   {} in {}\n", f.kind.as_str(), f.threads.join(", "))),
        }
    }
    let exact = options.timing == Timing::Exact && options.policy.draws_noise();
    s.push_str(&format!(
        "run:       seed {}, policy {}, python {}, switch interval {} ms{}\n",
        options.seed,
        options.policy,
        options.python,
        seconds(options.switch_interval) * 1e3,
        if exact { ", exact timing" } else { "" }
    ));
    s.push_str(&format!(
        "stats:     {:.6} s virtual, {} instructions, {} thread switches\n",
        seconds(outcome.virtual_time_ns),
        outcome.instructions,
        outcome.switches
    ));
    s.push_str(&gil_summary(&outcome.gil));
    if !outcome.core_busy_ns.is_empty() {
        s.push_str(&format!(
            "cores:     {} busy {}\n",
            outcome.core_busy_ns.len(),
            core_utilisation(outcome).join(", ")
        ));
    }
    s.push_str(&format!("replay:    {}\n", replay_command(script, options)));
    s
}

/// The GIL statistics of a run with more than one thread: the longest wait, the convoy
/// measure, then a line per thread (the first [`GIL_LINES`]; JSON has them all).
fn gil_summary(gil: &GilStats) -> String {
    if gil.threads.len() < 2 {
        return String::new();
    }
    let mut s = String::from("gil:       ");
    match gil.longest_wait() {
        Some((thread, ns)) => {
            s.push_str(&format!("longest wait {} ({thread})", duration(ns)));
            if let Some(ns) = gil.wakeup_wait_mean_ns() {
                s.push_str(&format!(", {} on average after waking", duration(ns)));
            }
        }
        None => s.push_str("no thread waited"),
    }
    s.push('\n');
    let shown = &gil.threads[..gil.threads.len().min(GIL_LINES)];
    let width = shown.iter().map(|t| t.thread.chars().count()).max().unwrap_or(0);
    for t in shown {
        // Padded by hand: a name is the script's, and `format!`'s width stops at 65,535.
        let padding = " ".repeat(width - t.thread.chars().count());
        s.push_str(&format!(
            "  {}{padding}  held {}, waited {}, drops: {} forced, {} voluntary\n",
            t.thread,
            duration(t.hold_ns),
            duration(t.wait_ns),
            t.forced_drops,
            t.voluntary_drops,
        ));
    }
    if gil.threads.len() > shown.len() {
        s.push_str(&format!("  ... {} more threads (--format json lists them)\n", gil.threads.len() - shown.len()));
    }
    s
}

/// Threads the text summary lists GIL statistics for.
const GIL_LINES: usize = 8;

/// A virtual duration in the unit that shows it best (`40 ns`, `12.5 us`, `5.000 ms`, `0.140 s`).
pub(crate) fn duration(ns: u64) -> String {
    match ns {
        0..1_000 => format!("{ns} ns"),
        1_000..1_000_000 => format!("{:.1} us", ns as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.3} ms", ns as f64 / 1e6),
        _ => format!("{:.3} s", seconds(ns)),
    }
}

/// Each core's share of the run's virtual time spent running threads (`97%`).
fn core_utilisation(outcome: &Outcome) -> Vec<String> {
    let total = outcome.virtual_time_ns.max(1) as f64;
    outcome.core_busy_ns.iter().map(|&busy| format!("{:.0}%", busy as f64 * 100.0 / total)).collect()
}

/// The JSON document of a run.
pub fn outcome_json(script: &str, options: &RunOptions, outcome: &Outcome) -> Value {
    let mut document = json!({
        "version": FORMAT_VERSION,
        "script": script,
        "seed": options.seed,
        "policy": options.policy.to_string(),
        "python": options.python.to_string(),
        "switch_points": options.switch_points,
        "switch_interval_s": seconds(options.switch_interval),
        "stdout_mode": options.stdout.to_string(),
        "status": outcome.status.as_str(),
        "exit_code": outcome.exit_code,
        "stdout": outcome.stdout,
        "stderr": outcome.stderr,
        "findings": outcome.findings,
        "blocked": outcome.blocked,
        "still_running": outcome.still_running,
        "stats": {
            "virtual_time_s": seconds(outcome.virtual_time_ns),
            "instructions": outcome.instructions,
            "switches": outcome.switches,
        },
        "replay": replay_command(script, options),
    });
    if !outcome.gil.is_empty() {
        document["stats"]["threads"] = json!(outcome.gil.threads.iter().map(thread_gil_json).collect::<Vec<_>>());
        let longest = outcome.gil.longest_wait().map_or(0, |(_, ns)| ns);
        document["stats"]["gil_longest_wait_s"] = json!(seconds(longest));
        document["stats"]["gil_wakeup_wait_mean_s"] = json!(outcome.gil.wakeup_wait_mean_ns().map(seconds));
    }
    if !outcome.core_busy_ns.is_empty() {
        document["cores"] = json!(options.cores);
        let busy: Vec<f64> = outcome.core_busy_ns.iter().map(|&ns| seconds(ns)).collect();
        document["stats"]["core_busy_s"] = json!(busy);
    }
    document
}

/// One thread's GIL statistics in a run's JSON (`stats.threads[*]`).
fn thread_gil_json(t: &ThreadGilStats) -> Value {
    json!({
        "thread": t.thread,
        "gil_hold_s": seconds(t.hold_ns),
        "gil_wait_s": seconds(t.wait_ns),
        "gil_longest_wait_s": seconds(t.longest_wait_ns),
        "gil_acquisitions": t.acquisitions,
        "forced_drops": t.forced_drops,
        "voluntary_drops": t.voluntary_drops,
        "gil_wakeup_wait_mean_s": t.wakeup_wait_mean_ns().map(seconds),
    })
}

/// The JSON document for a script that did not compile.
pub fn compile_error_json(script: &str, error: &gilsim_lang::CompileError) -> Value {
    json!({
        "version": FORMAT_VERSION,
        "script": script,
        "status": "compile-error",
        "error": {
            "message": error.message,
            "line": error.line,
            "column": error.column,
            "hint": error.hint,
            "rendered": error.rendered,
        },
    })
}
