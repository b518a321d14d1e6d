//! `gilsim explore`: many runs of one script under a scheduling strategy, in parallel, with
//! results that do not depend on the number of workers — run `i` always uses seed `BASE + i`,
//! and runs are merged in index order (design §6).

use crate::progress::Progress;
use crate::search::{Search, StrategyArgs, StrategyName};
use crate::shrink::{self, ShrinkResult};
use crate::workers::{self, Stop, Workers};
use crate::{compile, load, report, schedule, Format, OptionArgs};
use clap::Args;
use gilsim_core::{Policy, Schedule, ScheduleToken, SwitchPoints};
use gilsim_runtime::{FindingKind, Outcome, Status};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;

#[derive(Args)]
pub struct ExploreArgs {
    script: String,
    /// How many runs (before sharding). Default: 1000, or no limit with --time.
    #[arg(long)]
    runs: Option<u64>,
    /// Stop starting runs after this much wall-clock time (e.g. 30s, 5m). The report then
    /// depends on the machine's speed; use --runs for a reproducible search.
    #[arg(long, value_parser = parse_wall_time)]
    time: Option<std::time::Duration>,
    /// Run i uses seed BASE + i.
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    seed: u64,
    #[command(flatten)]
    strategy: StrategyArgs,
    /// Parallel workers (default and most: the machine's cores). Results do not depend on it.
    #[arg(long, value_parser = crate::workers::parse_jobs)]
    jobs: Option<usize>,
    /// Keep exploring after the first failure (collects the whole distribution).
    #[arg(long)]
    keep_going: bool,
    /// Shrink the first failure: the simplest schedule found that fails the same way (as
    /// `gilsim shrink` does).
    #[arg(long)]
    shrink: bool,
    /// Run only shard K of N (`2/4`): the runs i with i mod N = K - 1.
    #[arg(long, value_parser = parse_shard)]
    shard: Option<(u64, u64)>,
    #[command(flatten)]
    options: OptionArgs,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn parse_wall_time(text: &str) -> Result<std::time::Duration, String> {
    gilsim_core::parse_duration(text).map(std::time::Duration::from_nanos)
}

fn parse_shard(text: &str) -> Result<(u64, u64), String> {
    let bad = || format!("`{text}` is not a shard K/N with 1 <= K <= N");
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    let (k, n): (u64, u64) = (k.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
    if k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

/// What one run contributes to the report.
struct RunSummary {
    run: u64,
    signature: String,
    /// The kind of failure, when the run failed (a manifest finding or a failed script).
    failure: Option<String>,
    findings: Vec<(FindingKind, String)>,
    /// What made the run's decisions (a token is made of it only if the report names it).
    schedule: Schedule,
}

/// The outcome's signature for the distribution: how it ended and what it printed last.
fn signature(outcome: &Outcome) -> String {
    use std::fmt::Write as _;
    let last_line = outcome.stdout.lines().last().unwrap_or("");
    // Written into one buffer: every run makes its signature (two `format!`s were ~1,300
    // instructions of a small run's ~120,000).
    let mut signature = String::with_capacity(40 + last_line.len());
    match outcome.status {
        Status::Finished => {
            signature.push_str("finished (exit ");
            signature.push_str(itoa::Buffer::new().format(outcome.exit_code));
            signature.push(')');
        }
        other => signature.push_str(other.as_str()),
    }
    signature.push_str(", stdout ends ");
    let _ = write!(signature, "{last_line:?}");
    signature
}

pub fn execute(args: ExploreArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let source = load(&args.script)?;
    let python = args.options.python;
    let Some(program) = compile(&args.script, &source, python, args.format, out, err)? else { return Ok(2) };
    if args.strategy.strategy == Some(StrategyName::Dfs) && args.shard.is_some() {
        anyhow::bail!("--shard splits random and pct searches; a dfs search is one sequence of runs");
    }
    let base = args.options.options(args.seed, Policy::Preemptive, false)?;
    let search = Search::new(program, base, &args.strategy, StrategyName::Pos);
    let token_of = |run: u64, schedule: &Schedule| schedule::token(&source, &search.options(run), schedule.clone());
    // Shard K of N makes the runs K - 1, K - 1 + N, K - 1 + 2N, ...
    let (k, n) = args.shard.unwrap_or((1, 1));
    let total = match (args.runs, args.time) {
        (Some(runs), _) => Some(runs),
        (None, Some(_)) => None,
        (None, None) => Some(1000),
    };
    let in_shard = total.map(|runs| (runs + n - k) / n);
    let deadline = args.time.map(|budget| std::time::Instant::now() + budget);
    let stop = Stop { at_failure: !args.keep_going, deadline };
    let progress = Progress::new(in_shard, "runs", args.format == Format::Text);
    let mut report = Report::new();
    let workers = Workers { jobs: workers::jobs(args.jobs), stop, on_run: &|| progress.tick() };
    let exhausted = search.each_run(
        in_shard.map_or(usize::MAX, |count| usize::try_from(count).unwrap_or(usize::MAX)),
        &workers,
        |i| (k - 1) + i as u64 * n,
        |run, outcome, schedule| RunSummary {
            run,
            signature: signature(outcome),
            failure: report::failure_kind(outcome),
            findings: outcome.findings.iter().map(|f| (f.kind, f.message.clone())).collect(),
            schedule,
        },
        |summary| summary.failure.is_some(),
        |summary| report.add(summary),
    );
    drop(progress);
    let out_of_time = deadline.is_some_and(|d| std::time::Instant::now() >= d);
    report.stopped = if exhausted {
        Stopped::Exhausted
    } else if report.first_failure.is_some() && !args.keep_going {
        Stopped::FirstFailure
    } else if out_of_time && in_shard.is_none_or(|count| (report.runs as u64) < count) {
        Stopped::Time
    } else {
        Stopped::Runs
    };
    let shrunk = match (&report.first_failure, args.shrink) {
        (Some(failure), true) => {
            let options = search.options(failure.run);
            let token = ScheduleToken {
                options,
                script_hash: schedule::script_hash(&source),
                schedule: failure.schedule.clone(),
            };
            let mut replayer = schedule::Replayer::new(&token);
            shrink::shrink_run(&source, &search.image(), &token.options, replayer.strategy(), shrink::DEFAULT_BUDGET)
        }
        _ => None,
    };
    let report = Shown { report, shrunk };
    match args.format {
        Format::Json => {
            let doc = report.json(&args, &search, &token_of);
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Text => write!(err, "{}", report.text(&args, &search, &token_of))?,
    }
    Ok(i32::from(report.report.first_failure.is_some()))
}

/// What ended a search.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stopped {
    /// Every run asked for was made.
    Runs,
    FirstFailure,
    /// The --time budget.
    Time,
    /// dfs ran every schedule within its bound.
    Exhausted,
}

impl Stopped {
    fn as_str(self) -> &'static str {
        match self {
            Stopped::Runs => "runs",
            Stopped::FirstFailure => "first-failure",
            Stopped::Time => "time",
            Stopped::Exhausted => "exhausted",
        }
    }
}

/// One line of the outcome distribution, or one finding: how often, and the first run.
struct Tally {
    count: u64,
    first_run: u64,
    /// What made the first run's decisions (its token is made only if the report shows it).
    first_schedule: Schedule,
}

/// Count `run` under `key` in `tallies`, kept in order of first appearance (`index` maps a
/// key to its position there).
fn count<K: Ord + Clone>(tallies: &mut Vec<(K, Tally)>, index: &mut BTreeMap<K, usize>, key: &K, run: &RunSummary) {
    match index.get(key) {
        Some(&i) => tallies[i].1.count += 1,
        None => {
            index.insert(key.clone(), tallies.len());
            let tally = Tally { count: 1, first_run: run.run, first_schedule: run.schedule.clone() };
            tallies.push((key.clone(), tally));
        }
    }
}

/// The search's results, counted as runs arrive in index order (runs are not kept).
struct Report {
    runs: usize,
    stopped: Stopped,
    outcomes: Vec<(String, Tally)>,
    outcome_index: BTreeMap<String, usize>,
    findings: Vec<((FindingKind, String), Tally)>,
    finding_index: BTreeMap<(FindingKind, String), usize>,
    first_failure: Option<RunSummary>,
}

/// The schedule token of a run, from its index and what made its decisions.
type TokenOf<'a> = dyn Fn(u64, &Schedule) -> String + 'a;

impl Report {
    fn new() -> Report {
        Report {
            runs: 0,
            stopped: Stopped::Runs,
            outcomes: Vec::new(),
            outcome_index: BTreeMap::new(),
            findings: Vec::new(),
            finding_index: BTreeMap::new(),
            first_failure: None,
        }
    }

    /// Count the next run (in index order).
    fn add(&mut self, run: RunSummary) {
        self.runs += 1;
        count(&mut self.outcomes, &mut self.outcome_index, &run.signature, &run);
        for finding in &run.findings {
            count(&mut self.findings, &mut self.finding_index, finding, &run);
        }
        if self.first_failure.is_none() && run.failure.is_some() {
            self.first_failure = Some(run);
        }
    }
}

/// The report as shown: the search's results and, with --shrink, the shrunk first failure.
struct Shown {
    report: Report,
    shrunk: Option<ShrinkResult>,
}

impl Shown {
    fn json(&self, args: &ExploreArgs, search: &Search, token_of: &TokenOf<'_>) -> serde_json::Value {
        let (base, label, report) = (&search.base, search.label(), &self.report);
        let shrunk = self.shrunk.as_ref().map(|s| {
            let mut doc = shrink::measure_json(&s.shrinking.shrunk.measure);
            doc["schedule"] = s.token.clone().into();
            doc["runs"] = s.shrinking.runs.into();
            doc
        });
        json!({
            "version": report::FORMAT_VERSION,
            "script": args.script,
            "strategy": label,
            "policy": base.policy.to_string(),
            "python": base.python.to_string(),
            "switch_points": base.switch_points,
            "base_seed": args.seed,
            "runs": report.runs,
            "stopped": report.stopped.as_str(),
            "outcomes": report.outcomes.iter().map(|(signature, t)| json!({
                "signature": signature, "count": t.count, "first_seed": search.seed(t.first_run),
            })).collect::<Vec<_>>(),
            "findings": report.findings.iter().map(|((kind, message), t)| json!({
                "kind": kind.as_str(), "message": message, "count": t.count,
                "seed": search.seed(t.first_run), "schedule": token_of(t.first_run, &t.first_schedule),
            })).collect::<Vec<_>>(),
            "first_failure": report.first_failure.as_ref().map(|f| json!({
                "run": f.run, "seed": search.seed(f.run), "schedule": token_of(f.run, &f.schedule), "kind": f.failure,
                "shrunk": shrunk,
            })),
        })
    }

    fn text(&self, args: &ExploreArgs, search: &Search, token_of: &TokenOf<'_>) -> String {
        let (base, label, report) = (&search.base, search.label(), &self.report);
        let points = match base.switch_points {
            SwitchPoints::Every => "a switch point at every instruction".to_string(),
            SwitchPoints::Version => format!("python {}'s switch points", base.python),
        };
        let runs = if report.stopped == Stopped::Exhausted {
            format!("explored all {} schedules", report.runs)
        } else {
            format!("{} runs", report.runs)
        };
        let mut s = format!(
            "explore:   {runs} of {}{}, strategy {}, policy {} with {points}\n",
            args.script,
            if report.stopped == Stopped::Time { " (the --time budget ended the search)" } else { "" },
            label,
            base.policy
        );
        s.push_str("outcomes:\n");
        for (signature, t) in &report.outcomes {
            s.push_str(&format!("  {:>7}  {signature}  (first seed {})\n", t.count, search.seed(t.first_run)));
        }
        if !report.findings.is_empty() {
            s.push_str("findings:\n");
        }
        for ((kind, message), t) in &report.findings {
            let seed = search.seed(t.first_run);
            s.push_str(&format!("  {:>7}  {}: {message}  (first seed {seed})\n", t.count, kind.as_str()));
        }
        match &report.first_failure {
            Some(f) => {
                s.push_str(&format!(
                    "first failure: run {} (seed {}), {}\n",
                    f.run,
                    search.seed(f.run),
                    f.failure.as_deref().unwrap_or("")
                ));
                let token = token_of(f.run, &f.schedule);
                s.push_str(&format!("  replay:  gilsim replay {} --schedule {token}\n", args.script));
                if search.strategy == StrategyName::Random {
                    let command = report::replay_command(&args.script, &search.options(f.run));
                    s.push_str(&format!("  or:      {command}\n"));
                }
                if let Some(shrunk) = &self.shrunk {
                    let (before, after) = (&shrunk.shrinking.original, &shrunk.shrinking.shrunk.measure);
                    s.push_str(&format!(
                        "  shrunk:  {} (was {}; {} runs)\n",
                        shrink::describe(after),
                        shrink::describe(before),
                        shrunk.shrinking.runs
                    ));
                    s.push_str(&format!("           gilsim replay {} --schedule {}\n", args.script, shrunk.token));
                }
            }
            None => s.push_str("no failure found\n"),
        }
        s
    }
}
