//! `gilsim compare SCRIPT --python 2.7,3.9 --policy fair,ticks --switch-interval 1ms,5ms
//! --runs N`: the GIL lab's side-by-side view (docs/gil-lab.md). Every configuration of the
//! cross product runs seeds `seed .. seed + N` as `gilsim run` would, and is summarised in one
//! row: its outcome distribution (status, exit code and last line of stdout, with counts, most
//! frequent first), the findings (kind and in how many runs), the median virtual time and the
//! GIL statistics (medians over runs).
//!
//! Invariant: the report is a pure function of the arguments (runs go over `--jobs` workers,
//! results come back in seed order); a configuration the options refuse (`nogil` on a GIL
//! build) is a row that says why, not an error.

use crate::distribution::{self, counted, Count, OutcomeKey};
use crate::workers::{self, Stop, Workers};
use crate::{compile_for, load, parse_positive_duration, report, Format};
use clap::Args;
use gilsim_core::{Policy, PythonVersion, RunOptions, StdoutMode, Timing};
use gilsim_runtime::strategy::RandomStrategy;
use gilsim_runtime::{Image, Outcome};
use serde::Serialize;
use std::io::Write;
use std::sync::Arc;

#[derive(Args)]
pub struct CompareArgs {
    script: String,
    /// Modelled CPython versions, separated by commas (2.7, 3.6 … 3.13, 3.13t).
    #[arg(long, value_delimiter = ',', default_value = "3.11")]
    python: Vec<PythonVersion>,
    /// Policies, separated by commas; by default each version's own (ticks for 2.7, nogil for
    /// 3.13t, fair otherwise).
    #[arg(long, value_delimiter = ',')]
    policy: Vec<Policy>,
    /// Switch intervals, separated by commas (e.g. 1ms,5ms).
    #[arg(long, value_delimiter = ',', default_value = "5ms", value_parser = parse_positive_duration, allow_hyphen_values = true)]
    switch_interval: Vec<u64>,
    /// Runs per configuration (seeds `--seed` onwards).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    runs: u64,
    /// The first seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Timing noise (noisy: outcomes vary over seeds like CPython's over runs; exact).
    #[arg(long, default_value = "noisy")]
    timing: Timing,
    /// Cores of the simulated machine.
    #[arg(long, default_value_t = gilsim_core::DEFAULT_CORES, value_parser = clap::value_parser!(u32).range(1..=i64::from(gilsim_core::MAX_CORES)))]
    cores: u32,
    /// ticks policy: ticks between GIL checks.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    check_interval: u32,
    #[arg(long, default_value = "buffered")]
    stdout: StdoutMode,
    /// Stop each run at this virtual time.
    #[arg(long, default_value = "60s", value_parser = parse_positive_duration, allow_hyphen_values = true)]
    max_time: u64,
    /// Turn the detectors off.
    #[arg(long)]
    no_detect: bool,
    /// Parallel workers (default and most: the machine's cores). Results do not depend on it.
    #[arg(long, value_parser = workers::parse_jobs)]
    jobs: Option<usize>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// What one run contributes to its row.
struct RunSummary {
    outcome: OutcomeKey,
    virtual_time_ns: u64,
    switches: u64,
    longest_gil_wait_ns: u64,
    wakeup_wait_ns: Option<u64>,
    forced_drops: u64,
    voluntary_drops: u64,
}

#[derive(PartialEq, Eq, PartialOrd, Ord, Serialize)]
struct FindingCount {
    kind: &'static str,
}

/// One configuration's row.
#[derive(Serialize)]
struct Row {
    python: String,
    policy: String,
    switch_interval_s: f64,
    runs: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    outcomes: Vec<Count<OutcomeKey>>,
    findings: Vec<Count<FindingCount>>,
    median_virtual_time_s: f64,
    median_switches: u64,
    median_forced_drops: u64,
    median_voluntary_drops: u64,
    median_longest_gil_wait_s: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    median_gil_wakeup_wait_s: Option<f64>,
}

pub fn execute(args: CompareArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let source = load(&args.script)?;
    let mut rows = Vec::new();
    for &python in &args.python {
        let program = match compile_for(&source, &args.script, python) {
            Ok(program) => Arc::new(program),
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(2);
            }
        };
        let policies = if args.policy.is_empty() { vec![Policy::default_for(python)] } else { args.policy.clone() };
        for &policy in &policies {
            for &switch_interval in &args.switch_interval {
                let options = RunOptions {
                    python,
                    policy,
                    switch_interval,
                    timing: args.timing,
                    cores: args.cores,
                    check_interval: args.check_interval,
                    stdout: args.stdout,
                    max_time: args.max_time,
                    detectors: !args.no_detect,
                    ..RunOptions::default()
                };
                rows.push(compare_one(&program, options, &args));
            }
        }
    }
    match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "version": report::FORMAT_VERSION,
                "script": args.script,
                "runs": args.runs,
                "first_seed": args.seed,
                "timing": args.timing,
                "rows": rows,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Text => write!(out, "{}", table(&rows, &args))?,
    }
    Ok(0)
}

/// The runs of one configuration, summarised.
fn compare_one(program: &Arc<gilsim_bytecode::Program>, base: RunOptions, args: &CompareArgs) -> Row {
    let mut row = Row {
        python: base.python.to_string(),
        policy: base.policy.to_string(),
        switch_interval_s: report::seconds(base.switch_interval),
        runs: 0,
        error: None,
        outcomes: Vec::new(),
        findings: Vec::new(),
        median_virtual_time_s: 0.0,
        median_switches: 0,
        median_forced_drops: 0,
        median_voluntary_drops: 0,
        median_longest_gil_wait_s: 0.0,
        median_gil_wakeup_wait_s: None,
    };
    if let Err(why) = base.validate() {
        row.error = Some(why);
        return row;
    }
    let workers = Workers { jobs: workers::jobs(args.jobs), stop: Stop::default(), on_run: &|| {} };
    let runs = workers.collect(
        args.runs as usize,
        || Image::new(program.clone()),
        |image, i| {
            let options = RunOptions { seed: args.seed.wrapping_add(i as u64), ..base.clone() };
            summarise(&gilsim_runtime::run_with(image, &options, &mut RandomStrategy::new(options.seed)))
        },
        |_| false,
    );
    row.runs = runs.len() as u64;
    row.outcomes = counted(runs.iter().map(|r| r.outcome.clone()));
    row.findings = counted(runs.iter().flat_map(|r| r.outcome.findings.iter().map(|&kind| FindingCount { kind })));
    let median_of = |value: &dyn Fn(&RunSummary) -> u64| median(runs.iter().map(value).collect());
    row.median_virtual_time_s = report::seconds(median_of(&|r| r.virtual_time_ns));
    row.median_switches = median_of(&|r| r.switches);
    row.median_forced_drops = median_of(&|r| r.forced_drops);
    row.median_voluntary_drops = median_of(&|r| r.voluntary_drops);
    row.median_longest_gil_wait_s = report::seconds(median_of(&|r| r.longest_gil_wait_ns));
    let wakeups: Vec<u64> = runs.iter().filter_map(|r| r.wakeup_wait_ns).collect();
    row.median_gil_wakeup_wait_s = (!wakeups.is_empty()).then(|| report::seconds(median(wakeups)));
    row
}

fn summarise(outcome: &Outcome) -> RunSummary {
    let gil = &outcome.gil;
    RunSummary {
        outcome: OutcomeKey::of(outcome),
        virtual_time_ns: outcome.virtual_time_ns,
        switches: outcome.switches,
        longest_gil_wait_ns: gil.longest_wait().map_or(0, |(_, ns)| ns),
        wakeup_wait_ns: gil.wakeup_wait_mean_ns(),
        forced_drops: gil.threads.iter().map(|t| t.forced_drops).sum(),
        voluntary_drops: gil.threads.iter().map(|t| t.voluntary_drops).sum(),
    }
}

/// The median (the lower middle of an even count); 0 of nothing.
fn median(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    values.get(values.len().saturating_sub(1) / 2).copied().unwrap_or(0)
}

/// Outcomes listed per row in text; JSON lists them all.
const OUTCOMES_SHOWN: usize = 3;

fn table(rows: &[Row], args: &CompareArgs) -> String {
    let mut s = format!(
        "{}: {} run{} per configuration (seeds {}..{}, {} timing)\n",
        args.script,
        args.runs,
        if args.runs == 1 { "" } else { "s" },
        args.seed,
        args.seed.wrapping_add(args.runs - 1),
        args.timing
    );
    s.push_str(&format!(
        "{:<7} {:<10} {:>9} {:>12} {:>9} {:>14} {:>14} {:>12}\n",
        "python", "policy", "interval", "median time", "switches", "forced/volunt.", "longest wait", "wake-up wait"
    ));
    for row in rows {
        let interval = format!("{}ms", row.switch_interval_s * 1e3);
        if let Some(error) = &row.error {
            s.push_str(&format!("{:<7} {:<10} {:>9}  not run: {error}\n", row.python, row.policy, interval));
            continue;
        }
        let wakeup = row.median_gil_wakeup_wait_s.map_or("-".to_string(), |w| format!("{:.3} ms", w * 1e3));
        s.push_str(&format!(
            "{:<7} {:<10} {:>9} {:>10.4} s {:>9} {:>14} {:>11.3} ms {:>12}\n",
            row.python,
            row.policy,
            interval,
            row.median_virtual_time_s,
            row.median_switches,
            format!("{}/{}", row.median_forced_drops, row.median_voluntary_drops),
            row.median_longest_gil_wait_s * 1e3,
            wakeup,
        ));
        let shown = row.outcomes.len().min(OUTCOMES_SHOWN);
        for line in distribution::lines(&row.outcomes[..shown]) {
            s.push_str(&format!("  {line}\n"));
        }
        if row.outcomes.len() > OUTCOMES_SHOWN {
            let rest: u64 = row.outcomes[OUTCOMES_SHOWN..].iter().map(|o| o.runs).sum();
            s.push_str(&format!(
                "  {rest:>5}x in {} other outcomes ({} distinct in all)\n",
                row.outcomes.len() - OUTCOMES_SHOWN,
                row.outcomes.len()
            ));
        }
        let findings: Vec<String> = row.findings.iter().map(|f| format!("{} in {}", f.what.kind, f.runs)).collect();
        if !findings.is_empty() {
            s.push_str(&format!("    findings: {}\n", findings.join(", ")));
        }
    }
    s
}
