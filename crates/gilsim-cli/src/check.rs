//! `gilsim check PATH...`: verify that every scenario produces what it declares, for CI.
//!
//! A scenario declares its expectation and options in its leading comments:
//! `# gilsim: expect=deadlock policy=preemptive runs=500`. Keys are the long options of
//! `gilsim run` / `explore` (`python=3.9`, `switch-points=every`, `max-time=2s`, `seed=`,
//! `strategy=`, `depth=`, `preemption-bound=`), plus `expect` (`ok`, or finding kinds
//! separated by commas) and `runs` (default 1). One run is made as `gilsim run` would (the
//! version's default policy; `random` under `preemptive`); more runs are an exploration
//! (default policy `preemptive`, strategy `pos`), stopped as soon as the verdict is known.
//! `ok` holds when no run has a finding; a list of kinds holds when one run shows them all.
//! Instead of `expect`, `expect-outcomes=FILE` pins the distribution of outcomes over `runs`
//! seeds in a file beside the scenario (`pinned_outcomes`; `--update` writes it).

use crate::progress::Progress;
use crate::search::{Search, StrategyArgs, StrategyName};
use crate::workers::{self, Stop, Workers};
use crate::{pinned_outcomes, report, scenario, schedule, Format, OptionArgs};
use clap::{Args, CommandFactory, Parser};
use gilsim_core::Policy;
use gilsim_runtime::{FindingKind, Outcome};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Args)]
pub struct CheckArgs {
    /// Scenario files, or directories to search for `*.py` files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Parallel workers (default and most: the machine's cores). Results do not depend on it.
    #[arg(long, value_parser = crate::workers::parse_jobs)]
    jobs: Option<usize>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the outcome distributions of `expect-outcomes=FILE` scenarios to their files
    /// instead of comparing with them.
    #[arg(long)]
    update: bool,
}

/// What a scenario's header may say, parsed like command-line options.
#[derive(Parser)]
#[command(no_binary_name = true)]
struct Header {
    #[arg(long)]
    expect: Option<String>,
    #[arg(long, conflicts_with = "expect")]
    expect_outcomes: Option<String>,
    #[arg(long, default_value_t = 1)]
    runs: u64,
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    seed: u64,
    #[command(flatten)]
    strategy: StrategyArgs,
    #[command(flatten)]
    options: OptionArgs,
}

/// The expectation: no finding at all, or these kinds in one run.
#[derive(Clone, PartialEq, Eq)]
enum Expect {
    Ok,
    Kinds(Vec<FindingKind>),
}

impl Expect {
    fn parse(text: &str) -> Result<Expect, String> {
        if text == "ok" {
            return Ok(Expect::Ok);
        }
        let kinds: Result<Vec<FindingKind>, String> = text
            .split(',')
            .map(|name| {
                FindingKind::from_name(name).ok_or_else(|| {
                    let known: Vec<&str> = FindingKind::ALL.iter().map(|k| k.as_str()).collect();
                    format!("`expect={text}`: `{name}` is not ok or a finding kind ({})", known.join(", "))
                })
            })
            .collect();
        kinds.map(Expect::Kinds)
    }

    fn label(&self) -> String {
        match self {
            Expect::Ok => "ok".into(),
            Expect::Kinds(kinds) => kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(","),
        }
    }

    /// Whether `outcome` settles the verdict: it shows every expected kind, or (for `ok`) any
    /// finding.
    fn decided_by(&self, outcome: &Outcome) -> bool {
        match self {
            Expect::Ok => !outcome.findings.is_empty(),
            Expect::Kinds(kinds) => kinds.iter().all(|k| outcome.findings.iter().any(|f| f.kind == *k)),
        }
    }
}

/// One scenario's verdict.
struct Checked {
    script: String,
    expect: String,
    /// Runs made, of `planned`.
    runs: u64,
    planned: u64,
    met: bool,
    detail: String,
    /// The token of the run that decided the verdict.
    schedule: Option<String>,
}

impl Checked {
    fn unmet(script: &str, expect: String, detail: String) -> Checked {
        Checked { script: script.to_string(), expect, runs: 0, planned: 0, met: false, detail, schedule: None }
    }
}

pub fn execute(args: CheckArgs, out: &mut dyn Write) -> anyhow::Result<i32> {
    let mut scripts = Vec::new();
    for path in &args.paths {
        let before = scripts.len();
        scenario::collect_scripts(path, &mut scripts)?;
        // A CI job pointed at the wrong directory must not pass by checking nothing.
        anyhow::ensure!(scripts.len() > before, "no scenarios (`*.py` files) under `{}`", path.display());
    }
    // Scenarios are checked in parallel, each on one worker: most make a single run.
    let progress = Progress::new(Some(scripts.len() as u64), "scenarios", args.format == Format::Text);
    let workers = Workers { jobs: workers::jobs(args.jobs), stop: Stop::default(), on_run: &|| progress.tick() };
    let checked = workers.collect(scripts.len(), || (), |_, i| check_one(&scripts[i], args.update), |_| false);
    drop(progress);
    let unmet = checked.iter().filter(|c| !c.met).count();
    match args.format {
        Format::Json => {
            let doc = json!({
                "version": report::FORMAT_VERSION,
                "scenarios": checked.iter().map(|c| json!({
                    "script": c.script, "expect": c.expect, "runs": c.runs, "planned_runs": c.planned,
                    "met": c.met, "detail": c.detail, "schedule": c.schedule,
                })).collect::<Vec<_>>(),
                "met": checked.len() - unmet,
                "unmet": unmet,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Text => write!(out, "{}", table(&checked))?,
    }
    Ok(i32::from(unmet > 0))
}

fn check_one(script: &str, update: bool) -> Checked {
    let source = match std::fs::read_to_string(script) {
        Ok(source) => source,
        Err(e) => return Checked::unmet(script, "?".into(), format!("cannot read it: {e}")),
    };
    let arguments = scenario::header_arguments(&source);
    let command = Header::command();
    let keys: Vec<&str> = command.get_arguments().filter_map(|a| a.get_long()).collect();
    if let Some(unknown) = arguments.iter().filter_map(|a| a.strip_prefix("--")).find(|key| !keys.contains(key)) {
        let detail = format!("unknown key `{unknown}` in its `# gilsim:` header (known: {})", keys.join(", "));
        return Checked::unmet(script, "?".into(), detail);
    }
    let header = match Header::try_parse_from(arguments) {
        Ok(header) => header,
        Err(e) => {
            let message = e.to_string();
            let first = message.lines().next().unwrap_or("").trim_start_matches("error: ");
            return Checked::unmet(script, "?".into(), format!("bad `# gilsim:` header: {first}"));
        }
    };
    if let Some(file) = &header.expect_outcomes {
        return check_outcomes(script, &source, &header, file, update);
    }
    let Some(expect_text) = header.expect.as_deref() else {
        let detail = "no `# gilsim: expect=...` or `expect-outcomes=...` in its leading comments";
        return Checked::unmet(script, "?".into(), detail.into());
    };
    let expect = match Expect::parse(expect_text) {
        Ok(expect) => expect,
        Err(e) => return Checked::unmet(script, expect_text.into(), e),
    };
    let program = match crate::compile_for(&source, script, header.options.python) {
        Ok(program) => Arc::new(program),
        Err(e) => {
            let first = e.to_string().lines().next().unwrap_or("").to_string();
            return Checked::unmet(script, expect.label(), format!("does not compile: {first}"));
        }
    };
    // One run is a `gilsim run`; several are an exploration.
    let (default_policy, default_strategy) = if header.runs > 1 {
        (Policy::Preemptive, StrategyName::Pos)
    } else {
        (Policy::default_for(header.options.python), StrategyName::Random)
    };
    let base = match header.options.options(header.seed, default_policy, false) {
        Ok(options) => options,
        Err(why) => return Checked::unmet(script, expect.label(), format!("bad header: {why}")),
    };
    let search = Search::new(program, base, &header.strategy, default_strategy);
    let workers = Workers { jobs: 1, stop: Stop { at_failure: true, deadline: None }, on_run: &|| {} };
    // Per run: if it decided the verdict, its first finding and its token.
    let mut verdicts: Vec<Option<(String, String)>> = Vec::new();
    let exhausted = search.each_run(
        header.runs as usize,
        &workers,
        |i| i as u64,
        |run, outcome, schedule| {
            expect.decided_by(outcome).then(|| {
                let first = outcome.findings.first().map(|f| format!("{}: {}", f.kind.as_str(), f.message));
                (first.unwrap_or_default(), schedule::token(&source, &search.options(run), schedule))
            })
        },
        Option::is_some,
        |verdict| verdicts.push(verdict),
    );
    let runs = verdicts.len() as u64;
    let decider = verdicts.iter().position(Option::is_some);
    let at = |run: usize| format!("run {run} (seed {})", search.seed(run as u64));
    let all = if exhausted { format!("all {runs} schedules") } else { format!("{runs} run{}", plural(runs)) };
    let (met, detail) = match (&expect, decider) {
        (Expect::Ok, None) => (true, format!("no finding in {all}")),
        (Expect::Ok, Some(run)) => {
            let finding = verdicts[run].as_ref().map(|(f, _)| f.clone()).unwrap_or_default();
            (false, format!("{}: {finding}", at(run)))
        }
        (Expect::Kinds(_), Some(run)) => (true, format!("found in {}", at(run))),
        (Expect::Kinds(_), None) => (false, format!("not found in {all}")),
    };
    let token = decider.and_then(|run| verdicts[run].as_ref().map(|(_, token)| token.clone()));
    Checked {
        script: script.to_string(),
        expect: expect.label(),
        runs,
        planned: header.runs,
        met,
        detail,
        schedule: token,
    }
}

/// A scenario whose outcome distribution is pinned in `file` (see [`pinned_outcomes`]).
fn check_outcomes(script: &str, source: &str, header: &Header, file: &str, update: bool) -> Checked {
    let expect = "outcomes".to_string();
    let program = match crate::compile_for(source, script, header.options.python) {
        Ok(program) => Arc::new(program),
        Err(e) => {
            let first = e.to_string().lines().next().unwrap_or("").to_string();
            return Checked::unmet(script, expect, format!("does not compile: {first}"));
        }
    };
    let options = match header.options.options(header.seed, Policy::default_for(header.options.python), false) {
        Ok(options) => options,
        Err(why) => return Checked::unmet(script, expect, format!("bad header: {why}")),
    };
    let outcomes = pinned_outcomes::outcome_lines(program, &options, header.runs);
    let verdict = if file == pinned_outcomes::INLINE {
        pinned_outcomes::inline_verdict(script, source, &outcomes, update)
    } else {
        let text = pinned_outcomes::file_text(script, &options, header.runs, &outcomes);
        pinned_outcomes::verdict(&pinned_outcomes::file_of(script, file), &text, update)
    };
    Checked {
        script: script.to_string(),
        expect,
        runs: header.runs,
        planned: header.runs,
        met: verdict.met,
        detail: verdict.detail,
        schedule: None,
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The summary table, then the replay command of every unmet expectation.
fn table(checked: &[Checked]) -> String {
    let width = checked.iter().map(|c| c.script.len()).max().unwrap_or(0).max("scenario".len());
    let expect_width = checked.iter().map(|c| c.expect.len()).max().unwrap_or(0).max("expect".len());
    let mut s = format!("{:<width$}  {:<expect_width$}  {:>5}  result\n", "scenario", "expect", "runs");
    for c in checked {
        let verdict = if c.met { "ok    " } else { "FAILED" };
        s.push_str(&format!(
            "{:<width$}  {:<expect_width$}  {:>5}  {verdict} {}\n",
            c.script, c.expect, c.runs, c.detail
        ));
    }
    for c in checked.iter().filter(|c| !c.met) {
        if let Some(token) = &c.schedule {
            s.push_str(&format!("replay {}: gilsim replay {} --schedule {token}\n", c.script, c.script));
        }
    }
    let unmet = checked.iter().filter(|c| !c.met).count();
    s.push_str(&format!(
        "check: {} scenario{}, {} met {} expectation, {unmet} did not\n",
        checked.len(),
        plural(checked.len() as u64),
        checked.len() - unmet,
        if checked.len() - unmet == 1 { "its" } else { "their" },
    ));
    s
}
