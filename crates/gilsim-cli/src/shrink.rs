//! `gilsim shrink SCRIPT --schedule TOKEN` (and `explore --shrink`): from a failing run, the
//! simplest schedule found that fails the same way — fewest preemptions, then fewest
//! deviations from the default schedule, then fewest decisions (see
//! [`gilsim_runtime::shrink`]) — as a new token, with its preemption count.

use crate::{compile, findings, load, report, schedule, Format};
use clap::Args;
use gilsim_core::{RunOptions, Schedule, ScheduleToken};
use gilsim_runtime::strategy::Strategy;
use gilsim_runtime::{Image, Measure, Outcome, Shrinking};
use serde_json::json;
use std::io::Write;

/// The most runs a shrink makes by default.
pub const DEFAULT_BUDGET: u64 = 2000;

#[derive(Args)]
pub struct ShrinkArgs {
    script: String,
    #[command(flatten)]
    limits: crate::LimitArgs,
    /// The failing run's schedule token (from run, replay or explore).
    #[arg(long)]
    schedule: String,
    /// The most runs to try.
    #[arg(long, default_value_t = DEFAULT_BUDGET)]
    max_runs: u64,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// A finished shrink: how the run failed, the search, and the simplest schedule's token.
pub struct ShrinkResult {
    pub kind: String,
    pub shrinking: Shrinking,
    pub token: String,
}

/// Shrink the run `strategy` makes of `image` with `options`, keeping the way it fails. None
/// when the run does not fail.
pub fn shrink_run(
    source: &str,
    image: &Image,
    options: &RunOptions,
    strategy: &mut dyn Strategy,
    budget: u64,
) -> Option<ShrinkResult> {
    let fails_like = |original: &Outcome, run: &Outcome| {
        let failure = report::failure_kind(run);
        failure.is_some() && failure == report::failure_kind(original)
    };
    let shrinking = gilsim_runtime::shrink(image, options, strategy, fails_like, budget)?;
    let kind = report::failure_kind(&shrinking.shrunk.outcome).expect("a shrunk run fails");
    let schedule =
        Schedule::Deviations { total: shrinking.shrunk.total, deviations: shrinking.shrunk.deviations.clone() };
    let token = schedule::token(source, options, schedule);
    Some(ShrinkResult { kind, shrinking, token })
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `3 preemptions, 7 deviations, 41 decisions`.
pub fn describe(m: &Measure) -> String {
    format!(
        "{}, {}, {}",
        plural(u64::from(m.preemptions), "preemption", "preemptions"),
        plural(u64::from(m.deviations), "deviation", "deviations"),
        plural(m.decisions, "decision", "decisions")
    )
}

pub fn measure_json(m: &Measure) -> serde_json::Value {
    json!({"preemptions": m.preemptions, "deviations": m.deviations, "decisions": m.decisions})
}

pub fn execute(args: ShrinkArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let source = load(&args.script)?;
    let token = ScheduleToken::decode(&args.schedule)?;
    let token = ScheduleToken { options: args.limits.bound(token.options), ..token };
    schedule::warn_if_other_script(err, &args.script, &source, &token, "shrinking")?;
    let python = token.options.python;
    let Some(program) = compile(&args.script, &source, python, args.format, out, err)? else { return Ok(2) };
    let image = Image::new(program);
    let mut replayer = schedule::Replayer::new(&token);
    let Some(result) = shrink_run(&source, &image, &token.options, replayer.strategy(), args.max_runs) else {
        anyhow::bail!("the run of this schedule does not fail: nothing to shrink");
    };
    let ShrinkResult { kind, shrinking, token: shrunk_token } = &result;
    let (before, after) = (&shrinking.original, &shrinking.shrunk.measure);
    match args.format {
        Format::Json => {
            let doc = json!({
                "version": report::FORMAT_VERSION,
                "script": args.script,
                "kind": kind,
                "runs": shrinking.runs,
                "original": measure_json(before),
                "shrunk": {"schedule": shrunk_token, "measure": measure_json(after)},
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Text => {
            writeln!(err, "shrink:    {kind}, {} runs", shrinking.runs)?;
            writeln!(err, "before:    {}", describe(before))?;
            writeln!(err, "after:     {}", describe(after))?;
            writeln!(err, "schedule:  {shrunk_token}")?;
            writeln!(err, "replay:    gilsim replay {} --schedule {shrunk_token}", args.script)?;
            for finding in &shrinking.shrunk.outcome.findings {
                write!(err, "\n{}\n", findings::render(finding, &source, &args.script))?;
            }
        }
    }
    Ok(1)
}
