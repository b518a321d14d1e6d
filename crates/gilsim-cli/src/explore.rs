//! `gilsim explore`: many runs of one script under a scheduling strategy, in parallel, with
//! results that do not depend on the number of workers — run `i` always uses seed `BASE + i`,
//! and runs are merged in index order (design §6).

use crate::search::{Search, StrategyName};
use crate::workers::{self, Stop};
use crate::{compile, load, report, schedule, Format, OptionArgs};
use clap::Args;
use gilsim_core::{Policy, RunOptions, SwitchPoints};
use gilsim_runtime::{FindingKind, Outcome, Status};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;

#[derive(Args)]
pub struct ExploreArgs {
    script: String,
    /// How many runs (before sharding).
    #[arg(long, default_value_t = 1000)]
    runs: u64,
    /// Run i uses seed BASE + i.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    #[arg(long, value_enum, default_value = "random")]
    strategy: StrategyName,
    /// pct: the bug depth d (d - 1 priority change points per run).
    #[arg(long, default_value_t = 3)]
    depth: u32,
    /// Parallel workers (default: the machine's cores). Results do not depend on it.
    #[arg(long)]
    jobs: Option<usize>,
    /// Keep exploring after the first failure (collects the whole distribution).
    #[arg(long)]
    keep_going: bool,
    /// Run only shard K of N (`2/4`): the runs i with i mod N = K - 1.
    #[arg(long, value_parser = parse_shard)]
    shard: Option<(u64, u64)>,
    #[command(flatten)]
    options: OptionArgs,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
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
    seed: u64,
    signature: String,
    /// The kind of failure, when the run failed (a manifest finding or a failed script).
    failure: Option<String>,
    findings: Vec<(FindingKind, String)>,
}

/// The outcome's signature for the distribution: how it ended and what it printed last.
fn signature(outcome: &Outcome) -> String {
    let last_line = outcome.stdout.lines().last().unwrap_or("");
    let ending = match outcome.status {
        Status::Finished => format!("finished (exit {})", outcome.exit_code),
        other => other.as_str().to_string(),
    };
    format!("{ending}, stdout ends {last_line:?}")
}

fn failure_kind(outcome: &Outcome) -> Option<String> {
    if report::gilsim_exit_status(outcome, false) == 0 {
        return None;
    }
    let manifest = outcome.findings.iter().find(|f| f.kind.is_manifest());
    Some(match (manifest, outcome.status) {
        (Some(f), _) => f.kind.as_str().to_string(),
        (None, Status::Finished) => "exit-status".to_string(),
        (None, status) => status.as_str().to_string(),
    })
}

pub fn execute(args: ExploreArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let source = load(&args.script)?;
    let Some(program) = compile(&args.script, &source, args.format, out, err)? else { return Ok(2) };
    let base = args.options.options(args.seed, Policy::Preemptive, false);
    let search = Search::new(program, base.clone(), args.strategy, args.depth);
    // Tokens are made only for the runs the report names, not for every run.
    let schedule_of = |seed: u64| schedule::token(&source, &RunOptions { seed, ..base.clone() }, search.schedule());
    let (k, n) = args.shard.unwrap_or((1, 1));
    let indices: Vec<u64> = (0..args.runs).filter(|i| i % n == k - 1).collect();
    let stop = Stop { at_failure: !args.keep_going, deadline: None };
    let summaries = workers::run_indexed(
        indices.len(),
        workers::jobs(args.jobs),
        stop,
        || search.image(),
        |image, i| {
            let run = indices[i];
            let outcome = search.run(image, run);
            RunSummary {
                run,
                seed: search.seed(run),
                signature: signature(&outcome),
                failure: failure_kind(&outcome),
                findings: outcome.findings.iter().map(|f| (f.kind, f.message.clone())).collect(),
            }
        },
        |summary| summary.failure.is_some(),
        &|| {},
    );
    let report = Report::new(&summaries, &schedule_of);
    match args.format {
        Format::Json => {
            let doc = report.json(&args, &search);
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Text => write!(err, "{}", report.text(&args, &search))?,
    }
    Ok(i32::from(report.first_failure.is_some()))
}

/// One line of the outcome distribution, or one finding: how often, and the first run.
struct Tally<'a> {
    count: u64,
    first: &'a RunSummary,
}

/// Count `run` under `key` in `tallies`, kept in order of first appearance (`index` maps a
/// key to its position there).
fn count<'a, K: Ord + Copy>(
    tallies: &mut Vec<(K, Tally<'a>)>,
    index: &mut BTreeMap<K, usize>,
    key: K,
    run: &'a RunSummary,
) {
    match index.get(&key) {
        Some(&i) => tallies[i].1.count += 1,
        None => {
            index.insert(key, tallies.len());
            tallies.push((key, Tally { count: 1, first: run }));
        }
    }
}

struct Report<'a> {
    runs: usize,
    outcomes: Vec<(&'a str, Tally<'a>)>,
    findings: Vec<((FindingKind, &'a str), Tally<'a>)>,
    first_failure: Option<&'a RunSummary>,
    /// The schedule token of the run with a given seed.
    schedule_of: &'a dyn Fn(u64) -> String,
}

impl<'a> Report<'a> {
    fn new(summaries: &'a [RunSummary], schedule_of: &'a dyn Fn(u64) -> String) -> Report<'a> {
        let mut outcomes = Vec::new();
        let mut outcome_index = BTreeMap::new();
        let mut findings = Vec::new();
        let mut finding_index = BTreeMap::new();
        for s in summaries {
            count(&mut outcomes, &mut outcome_index, s.signature.as_str(), s);
            for (kind, message) in &s.findings {
                count(&mut findings, &mut finding_index, (*kind, message.as_str()), s);
            }
        }
        let first_failure = summaries.iter().find(|s| s.failure.is_some());
        Report { runs: summaries.len(), outcomes, findings, first_failure, schedule_of }
    }

    fn json(&self, args: &ExploreArgs, search: &Search) -> serde_json::Value {
        let (base, label) = (&search.base, search.label());
        json!({
            "version": report::FORMAT_VERSION,
            "script": args.script,
            "strategy": label,
            "policy": base.policy.to_string(),
            "python": base.python.to_string(),
            "switch_points": base.switch_points,
            "base_seed": args.seed,
            "runs": self.runs,
            "outcomes": self.outcomes.iter().map(|(signature, t)| json!({
                "signature": signature, "count": t.count, "first_seed": t.first.seed,
            })).collect::<Vec<_>>(),
            "findings": self.findings.iter().map(|((kind, message), t)| json!({
                "kind": kind.as_str(), "message": message, "count": t.count,
                "seed": t.first.seed, "schedule": (self.schedule_of)(t.first.seed),
            })).collect::<Vec<_>>(),
            "first_failure": self.first_failure.map(|f| json!({
                "run": f.run, "seed": f.seed, "schedule": (self.schedule_of)(f.seed), "kind": f.failure,
            })),
        })
    }

    fn text(&self, args: &ExploreArgs, search: &Search) -> String {
        let (base, label) = (&search.base, search.label());
        let points = match base.switch_points {
            SwitchPoints::Every => "a switch point at every instruction".to_string(),
            SwitchPoints::Version => format!("python {}'s switch points", base.python),
        };
        let mut s = format!(
            "explore:   {} runs of {}, strategy {}, policy {} with {points}\n",
            self.runs, args.script, label, base.policy
        );
        s.push_str("outcomes:\n");
        for (signature, t) in &self.outcomes {
            s.push_str(&format!("  {:>7}  {signature}  (first seed {})\n", t.count, t.first.seed));
        }
        if !self.findings.is_empty() {
            s.push_str("findings:\n");
        }
        for ((kind, message), t) in &self.findings {
            s.push_str(&format!("  {:>7}  {}: {message}  (first seed {})\n", t.count, kind.as_str(), t.first.seed));
        }
        match self.first_failure {
            Some(f) => {
                s.push_str(&format!(
                    "first failure: run {} (seed {}), {}\n",
                    f.run,
                    f.seed,
                    f.failure.as_deref().unwrap_or("")
                ));
                s.push_str(&format!(
                    "  replay:  gilsim replay {} --schedule {}\n",
                    args.script,
                    (self.schedule_of)(f.seed)
                ));
                if args.strategy == StrategyName::Random {
                    let options = RunOptions { seed: f.seed, ..base.clone() };
                    s.push_str(&format!("  or:      {}\n", report::replay_command(&args.script, &options)));
                }
            }
            None => s.push_str("no failure found\n"),
        }
        s
    }
}
