//! The `gilsim` command line: argument parsing (clap), loading and compiling scripts, and
//! rendering outcomes as text or versioned JSON (docs/formats.md). The binary is a thin
//! wrapper around [`main_with_args`] so tests can drive it in-process.

mod check;
mod compare;
mod distribution;
mod explore;
pub mod findings;
mod pinned_outcomes;
mod progress;
pub mod report;
pub mod scenario;
pub mod schedule;
mod search;
mod shrink;
mod timeline;
pub mod trace_file;
mod workers;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use gilsim_core::{
    parse_duration, Policy, PythonVersion, RunOptions, Schedule, ScheduleToken, StdoutMode, SwitchPoints, Timing,
};
use gilsim_runtime::strategy::{Follow, RandomStrategy, Strategy};
pub use gilsim_runtime::SIMULATION_STACK;
use gilsim_runtime::{Image, Outcome};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use trace_file::{TraceFile, TraceFormat};

#[derive(Parser)]
#[command(name = "gilsim", version, about = "Deterministic simulator for Python threading programs on a virtual GIL")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario script once and report the outcome.
    Run(RunArgs),
    /// Explore many schedules of a script and report the outcomes and findings.
    Explore(explore::ExploreArgs),
    /// Replay a run exactly from its schedule token or trace file.
    Replay(ReplayArgs),
    /// Find the simplest schedule that fails like a given one (fewest preemptions).
    Shrink(shrink::ShrinkArgs),
    /// Check that every scenario produces what its header declares: `# gilsim: expect=...`
    /// (an outcome, a finding) or `# gilsim: expect-outcomes=FILE` (a pinned distribution).
    Check(check::CheckArgs),
    /// Run a script under several versions, policies and switch intervals (the cross
    /// product), many seeds each, and compare the outcomes and GIL statistics side by side.
    Compare(compare::CompareArgs),
    /// Print the bytecode of a script, marking where a thread switch can happen.
    Disasm {
        script: String,
        /// Modelled CPython version (decides the switch points shown).
        #[arg(long, default_value = "3.11")]
        python: PythonVersion,
        #[arg(long, default_value = "version")]
        switch_points: SwitchPoints,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The options that, with the script and the seed, determine a run.
#[derive(Args)]
struct OptionArgs {
    /// fair (CPython 3.2+ switch interval), preemptive (seeded choice at every switch point),
    /// ticks (the old GIL) or nogil (free-threaded: threads run in parallel on --cores).
    /// Default: ticks for --python 2.7, nogil for 3.13t, fair otherwise (`explore`:
    /// preemptive).
    #[arg(long)]
    policy: Option<Policy>,
    /// ticks policy: ticks between GIL checks (sys.setcheckinterval).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    check_interval: u32,
    /// How sys.stdout is buffered: buffered (print is atomic), line, or unbuffered (each
    /// write of a print releases the GIL).
    #[arg(long, default_value = "buffered")]
    stdout: StdoutMode,
    /// Modelled CPython version: 2.7, 3.6 … 3.13, or 3.13t (free-threaded, no GIL).
    #[arg(long, default_value = "3.11")]
    python: PythonVersion,
    /// Cores of the simulated machine (os.cpu_count()); threads without a GIL run on as many
    /// at once.
    #[arg(long, default_value_t = gilsim_core::DEFAULT_CORES, value_parser = clap::value_parser!(u32).range(1..=i64::from(gilsim_core::MAX_CORES)))]
    cores: u32,
    /// Initial sys.getswitchinterval() (e.g. 5ms).
    #[arg(long, default_value = "5ms", value_parser = parse_positive_duration, allow_hyphen_values = true)]
    switch_interval: u64,
    /// `version` (where the modelled version checks the eval breaker) or `every` instruction.
    #[arg(long, default_value = "version")]
    switch_points: SwitchPoints,
    /// Stop at this virtual time.
    #[arg(long, default_value = "60s", value_parser = parse_positive_duration, allow_hyphen_values = true)]
    max_time: u64,
    /// Stop after this many executed instructions.
    #[arg(long, default_value_t = 2_000_000_000, value_parser = clap::value_parser!(u64).range(1..))]
    max_steps: u64,
    /// Stop the run when the script has written this much (stdout and stderr), with an
    /// output-limit finding. E.g. 64MiB.
    #[arg(long, default_value = "64MiB", value_parser = gilsim_core::parse_size)]
    max_output: u64,
    /// The script's heap may hold at most this much (as gilsim estimates it, per run); past it,
    /// allocating raises MemoryError in the script. E.g. 512MiB, 2GB.
    #[arg(long, default_value = "1GiB", value_parser = gilsim_core::parse_size)]
    max_memory: u64,
    /// Turn the detectors off (deadlock, hang, lost update, race); exceptions are still
    /// reported.
    #[arg(long)]
    no_detect: bool,
    /// fair and ticks policies: `noisy` makes timers and wake-ups late by amounts drawn from
    /// the seed, as a real machine's are (racy outcomes vary over seeds like CPython's over
    /// runs); `exact` keeps every interval exact (one outcome for every seed).
    #[arg(long, default_value = "noisy")]
    timing: Timing,
}

impl OptionArgs {
    /// The run options, or why they cannot make a run (`--policy nogil` on a GIL build).
    fn options(&self, seed: u64, default_policy: Policy, keep_going: bool) -> anyhow::Result<RunOptions> {
        let options = RunOptions {
            seed,
            policy: self.policy.unwrap_or(default_policy),
            check_interval: self.check_interval,
            stdout: self.stdout,
            python: self.python,
            switch_points: self.switch_points,
            switch_interval: self.switch_interval,
            max_time: self.max_time,
            max_steps: self.max_steps,
            max_memory: self.max_memory,
            max_output: self.max_output,
            keep_going,
            detectors: !self.no_detect,
            cores: self.cores,
            timing: self.timing,
            ..RunOptions::default()
        };
        options.validate().map_err(|why| anyhow::anyhow!("{why}"))?;
        Ok(options)
    }
}

/// How a single run is reported.
#[derive(Args)]
struct OutputArgs {
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Print no summary (text format only).
    #[arg(long, short)]
    quiet: bool,
    /// Exit with status 1 on possible races too.
    #[arg(long)]
    strict: bool,
}

#[derive(Args)]
struct RunArgs {
    script: String,
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    seed: u64,
    #[command(flatten)]
    options: OptionArgs,
    /// Keep running after a deadlock is found (by default the run stops when it closes).
    #[arg(long)]
    keep_going: bool,
    /// Write the run's trace to FILE (see --trace-format).
    #[arg(long, value_name = "FILE")]
    trace: Option<PathBuf>,
    #[command(flatten)]
    trace_format: TraceFormatArg,
    /// Write the run's timeline to FILE.html: a self-contained page, one lane per thread.
    #[arg(long, value_name = "FILE")]
    timeline: Option<PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Args)]
struct TraceFormatArg {
    /// What a written trace holds: gilsim's replayable JSON, or Chrome Trace Event JSON for
    /// Perfetto.
    #[arg(long, value_enum, default_value = "json")]
    trace_format: TraceFormat,
}

#[derive(Args)]
struct ReplayArgs {
    script: String,
    #[command(flatten)]
    limits: LimitArgs,
    /// The schedule token of the run (`gs1_…`, printed by run, explore and shrink).
    #[arg(long, required_unless_present = "trace", conflicts_with = "trace")]
    schedule: Option<String>,
    /// A trace written by `--trace FILE` (json format): replays its decisions, checking each.
    #[arg(long, value_name = "FILE")]
    trace: Option<PathBuf>,
    /// Write the replayed run's trace to FILE (see --trace-format).
    #[arg(long, value_name = "FILE")]
    save_trace: Option<PathBuf>,
    #[command(flatten)]
    trace_format: TraceFormatArg,
    /// Write the replayed run's timeline to FILE.html (see `run --timeline`).
    #[arg(long, value_name = "FILE")]
    timeline: Option<PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
}

/// A duration that is more than 0.
fn parse_positive_duration(text: &str) -> Result<u64, String> {
    match parse_duration(text)? {
        0 => Err(format!("`{text}`: the duration must be more than 0")),
        ns => Ok(ns),
    }
}

/// Lower limits for a run a token or trace describes (which may ask for any limits).
#[derive(Args)]
pub struct LimitArgs {
    /// Stop at this virtual time, if the record allows more.
    #[arg(long, value_parser = parse_positive_duration, allow_hyphen_values = true)]
    max_time: Option<u64>,
    /// Stop after this many instructions, if the record allows more.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    max_steps: Option<u64>,
    /// The memory limit, if the record allows more.
    #[arg(long, value_parser = gilsim_core::parse_size)]
    max_memory: Option<u64>,
}

impl LimitArgs {
    /// `options` with these limits where they are lower.
    pub fn bound(&self, mut options: RunOptions) -> RunOptions {
        options.max_time = options.max_time.min(self.max_time.unwrap_or(u64::MAX));
        options.max_steps = options.max_steps.min(self.max_steps.unwrap_or(u64::MAX));
        options.max_memory = options.max_memory.min(self.max_memory.unwrap_or(u64::MAX));
        options
    }
}

/// The script's output in `gilsim run`, when it reaches the process's own stdout and stderr as
/// the script writes it.
struct TerminalSink;

impl gilsim_runtime::OutputSink for TerminalSink {
    fn write(&mut self, stderr: bool, text: &str) {
        // A closed pipe (`gilsim run … | head`) is not the run's business.
        let _ = if stderr {
            std::io::stderr().write_all(text.as_bytes())
        } else {
            std::io::stdout().write_all(text.as_bytes())
        };
    }
}

/// The `gilsim` binary: [`main_with_args`] on the process's stdout and stderr, where `run`
/// shows the script's output as it is printed (text format, no `--trace`), not after the run.
pub fn main_streaming(args: Vec<String>) -> i32 {
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    run_cli(args, &mut stdout.lock(), &mut stderr.lock(), true)
}

/// Run the CLI with `args`, writing to the given streams; returns the exit status.
pub fn main_with_args(args: Vec<String>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    run_cli(args, out, err, false)
}

fn run_cli(args: Vec<String>, out: &mut dyn Write, err: &mut dyn Write, stream: bool) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are answers, not errors: stdout, status 0.
            if e.use_stderr() {
                let _ = write!(err, "{e}");
                return 2;
            }
            let _ = write!(out, "{e}");
            return 0;
        }
    };
    match execute(cli, out, err, stream) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "gilsim: {e:#}");
            2
        }
    }
}

/// A script's source. Like CPython without an encoding declaration, gilsim reads UTF-8, and
/// says where the first byte that is not is (a binary or a Latin-1 file).
fn load(script: &str) -> anyhow::Result<String> {
    let bytes = std::fs::read(script).with_context(|| format!("cannot read script `{script}`"))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        anyhow::anyhow!(
            "cannot read script `{script}`: SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' on line {line}, \
             but no encoding declared (gilsim reads scripts as UTF-8)",
            bytes[at]
        )
    })
}

fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write, stream: bool) -> anyhow::Result<i32> {
    match cli.command {
        Command::Disasm { script, python, switch_points } => {
            let source = load(&script)?;
            let program = match compile_for(&source, &script, python) {
                Ok(p) => p,
                Err(e) => {
                    writeln!(err, "{e}")?;
                    return Ok(2);
                }
            };
            let every = switch_points == SwitchPoints::Every || python.checks_every_instruction();
            write!(out, "{}", gilsim_bytecode::disassemble(&program, every))?;
            Ok(0)
        }
        Command::Run(args) => {
            let source = load(&args.script)?;
            let python = args.options.python;
            let Some(program) = compile(&args.script, &source, python, args.output.format, out, err)? else {
                return Ok(2);
            };
            let options = args.options.options(args.seed, Policy::default_for(python), args.keep_going)?;
            let script = Script { path: &args.script, source: &source };
            let save = Saves {
                trace: args.trace.as_deref().map(|path| (path, args.trace_format.trace_format)),
                timeline: args.timeline.as_deref(),
            };
            let mut strategy = RandomStrategy::new(options.seed);
            let outcome = if stream && !save.any() && args.output.format == Format::Text {
                // The locks on the process's streams are released while the script writes.
                out.flush()?;
                gilsim_runtime::run_streaming(&Image::new(program), &options, &mut strategy, Box::new(TerminalSink))
            } else {
                run_saving_trace(&script, program, &options, Schedule::Random, &mut strategy, save)?
            };
            report_run(script, &options, &outcome, Schedule::Random, &args.output, out, err)
        }
        Command::Replay(args) => replay(args, out, err),
        Command::Explore(args) => explore::execute(args, out, err),
        Command::Check(args) => check::execute(args, out),
        Command::Compare(args) => compare::execute(args, out, err),
        Command::Shrink(args) => shrink::execute(args, out, err),
    }
}

fn replay(args: ReplayArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let source = load(&args.script)?;
    let (token, mut replayer) = match (&args.schedule, &args.trace) {
        (_, Some(path)) => {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("cannot read trace `{}`", path.display()))?;
            let file = TraceFile::parse(&text).with_context(|| format!("cannot replay `{}`", path.display()))?;
            let token = ScheduleToken::decode(&file.schedule).context("the trace's schedule token")?;
            let follow = Follow::new(file.recorded_decisions()?, file.threads);
            (token, schedule::Replayer::Traced(follow))
        }
        (schedule, None) => {
            let token = ScheduleToken::decode(schedule.as_deref().context("replay needs --schedule or --trace")?)?;
            let replayer = schedule::Replayer::new(&token);
            (token, replayer)
        }
    };
    let token = ScheduleToken { options: args.limits.bound(token.options), ..token };
    schedule::warn_if_other_script(err, &args.script, &source, &token, "replaying")?;
    let python = token.options.python;
    let Some(program) = compile(&args.script, &source, python, args.output.format, out, err)? else { return Ok(2) };
    let script = Script { path: &args.script, source: &source };
    let save = Saves {
        trace: args.save_trace.as_deref().map(|path| (path, args.trace_format.trace_format)),
        timeline: args.timeline.as_deref(),
    };
    let outcome =
        run_saving_trace(&script, program, &token.options, token.schedule.clone(), replayer.strategy(), save)?;
    let code = report_run(script, &token.options, &outcome, token.schedule.clone(), &args.output, out, err)?;
    if let Some(divergence) = replayer.divergence() {
        writeln!(
            err,
            "gilsim: the replay diverged from the recorded run at decision {}: {}",
            divergence.decision, divergence.reason
        )?;
        return Ok(2);
    }
    Ok(code)
}

/// What a run writes besides its report: its trace (in a format), its timeline page.
struct Saves<'a> {
    trace: Option<(&'a Path, TraceFormat)>,
    timeline: Option<&'a Path>,
}

impl Saves<'_> {
    fn any(&self) -> bool {
        self.trace.is_some() || self.timeline.is_some()
    }
}

/// Run `program`, writing what `save` asks for (which needs the run traced).
fn run_saving_trace(
    script: &Script<'_>,
    program: Arc<gilsim_bytecode::Program>,
    options: &RunOptions,
    schedule: Schedule,
    strategy: &mut dyn Strategy,
    save: Saves<'_>,
) -> anyhow::Result<Outcome> {
    let image = Image::new(program);
    if !save.any() {
        return Ok(gilsim_runtime::run_with(&image, options, strategy));
    }
    let same_file = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b);
    for (path, what) in [(save.trace.map(|(path, _)| path), "trace"), (save.timeline, "timeline")] {
        if let Some(path) = path {
            anyhow::ensure!(
                !same_file(path, Path::new(script.path)),
                "the {what} file `{}` is the script itself: refusing to overwrite it",
                path.display()
            );
        }
    }
    let (outcome, trace) = gilsim_runtime::run_traced(&image, options, strategy);
    if let Some((path, format)) = save.trace {
        let doc = match format {
            TraceFormat::Json => {
                let token = schedule::token(script.source, options, schedule);
                serde_json::to_value(TraceFile::new(script.path, token, &trace, &outcome))?
            }
            TraceFormat::Chrome => trace_file::chrome(script.path, &trace),
        };
        std::fs::write(path, serde_json::to_string(&doc)? + "\n")
            .with_context(|| format!("cannot write trace `{}`", path.display()))?;
    }
    if let Some(path) = save.timeline {
        std::fs::write(path, timeline::html(script.path, &trace, &outcome))
            .with_context(|| format!("cannot write timeline `{}`", path.display()))?;
    }
    Ok(outcome)
}

/// Compile a script as `python` reads it: Python 2's print statements and the like under 2.7
/// (gilsim_lang::py2), and no syntax newer than the release.
pub fn compile_for(
    source: &str,
    script: &str,
    python: PythonVersion,
) -> Result<gilsim_bytecode::Program, gilsim_lang::CompileError> {
    gilsim_lang::compile_for(source, script, (python.major, python.minor))
}

/// Compile `source`; on a compile error, report it (as JSON with `--format json`) and return
/// None.
fn compile(
    script: &str,
    source: &str,
    python: PythonVersion,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Option<Arc<gilsim_bytecode::Program>>> {
    match compile_for(source, script, python) {
        Ok(p) => Ok(Some(Arc::new(p))),
        Err(e) => {
            if format == Format::Json {
                let doc = report::compile_error_json(script, &e);
                writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
            } else {
                writeln!(err, "{e}")?;
            }
            Ok(None)
        }
    }
}

/// Report one run (the script's output, gilsim's summary and findings, or the JSON document);
/// returns gilsim's exit status.
/// A script as loaded: its path (as the user gave it) and source.
struct Script<'a> {
    path: &'a str,
    source: &'a str,
}

fn report_run(
    script: Script<'_>,
    options: &RunOptions,
    outcome: &Outcome,
    schedule: Schedule,
    output: &OutputArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Script { path: script, source } = script;
    let schedule = schedule::token(source, options, schedule);
    match output.format {
        Format::Json => {
            let mut doc = report::outcome_json(script, options, outcome);
            doc["schedule"] = schedule.into();
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Text => {
            out.write_all(outcome.stdout.as_bytes())?;
            err.write_all(outcome.stderr.as_bytes())?;
            if !output.quiet {
                write!(err, "{}", report::summary(script, options, outcome))?;
                if !outcome.decisions.is_empty() {
                    writeln!(err, "schedule:  {schedule}")?;
                }
                for finding in &outcome.findings {
                    write!(err, "\n{}\n", findings::render(finding, source, script))?;
                }
            }
        }
    }
    Ok(report::gilsim_exit_status(outcome, output.strict))
}
