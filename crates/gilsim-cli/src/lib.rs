//! The `gilsim` command line: argument parsing (clap), loading and compiling scripts, and
//! rendering outcomes as text or versioned JSON (docs/formats.md). The binary is a thin
//! wrapper around [`main_with_args`] so tests can drive it in-process.

pub mod findings;
pub mod report;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use gilsim_core::{parse_duration, Policy, PythonVersion, RunOptions, StdoutMode, SwitchPoints};
use std::io::Write;
use std::sync::Arc;

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

#[derive(Args)]
struct RunArgs {
    script: String,
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// fair (CPython 3.2+ switch interval), preemptive (seeded choice at every switch point)
    /// or ticks (the old GIL). Default: ticks for --python 2.7, fair otherwise.
    #[arg(long)]
    policy: Option<Policy>,
    /// ticks policy: ticks between GIL checks (sys.setcheckinterval).
    #[arg(long, default_value_t = 100)]
    check_interval: u32,
    /// How sys.stdout is buffered: buffered (print is atomic), line, or unbuffered (each
    /// write of a print releases the GIL).
    #[arg(long, default_value = "buffered")]
    stdout: StdoutMode,
    /// Modelled CPython version: 2.7, 3.6 … 3.13.
    #[arg(long, default_value = "3.11")]
    python: PythonVersion,
    /// Initial sys.getswitchinterval() (e.g. 5ms).
    #[arg(long, default_value = "5ms", value_parser = parse_duration)]
    switch_interval: u64,
    /// `version` (where the modelled version checks the eval breaker) or `every` instruction.
    #[arg(long, default_value = "version")]
    switch_points: SwitchPoints,
    /// Stop at this virtual time.
    #[arg(long, default_value = "60s", value_parser = parse_duration)]
    max_time: u64,
    /// Stop after this many executed instructions.
    #[arg(long, default_value_t = 2_000_000_000)]
    max_steps: u64,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Print no summary (text format only).
    #[arg(long, short)]
    quiet: bool,
    /// Keep running after a deadlock is found (by default the run stops when it closes).
    #[arg(long)]
    keep_going: bool,
    /// Exit with status 1 on possible races too.
    #[arg(long)]
    strict: bool,
    /// Turn the detectors off (deadlock, hang, lost update, race); exceptions are still
    /// reported.
    #[arg(long)]
    no_detect: bool,
}

/// Run the CLI with `args`, writing to the given streams; returns the exit status.
pub fn main_with_args(args: Vec<String>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = write!(err, "{e}");
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match execute(cli, out, err) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "gilsim: {e:#}");
            2
        }
    }
}

fn load(script: &str) -> anyhow::Result<String> {
    std::fs::read_to_string(script).with_context(|| format!("cannot read script `{script}`"))
}

fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    match cli.command {
        Command::Disasm { script, python, switch_points } => {
            let source = load(&script)?;
            let program = match gilsim_lang::compile(&source, &script) {
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
            let program = match gilsim_lang::compile(&source, &args.script) {
                Ok(p) => Arc::new(p),
                Err(e) => {
                    if args.format == Format::Json {
                        let doc = report::compile_error_json(&args.script, &e);
                        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
                    } else {
                        writeln!(err, "{e}")?;
                    }
                    return Ok(2);
                }
            };
            let options = RunOptions {
                seed: args.seed,
                policy: args.policy.unwrap_or_else(|| Policy::default_for(args.python)),
                check_interval: args.check_interval,
                stdout: args.stdout,
                python: args.python,
                switch_points: args.switch_points,
                switch_interval: args.switch_interval,
                max_time: args.max_time,
                max_steps: args.max_steps,
                keep_going: args.keep_going,
                detectors: !args.no_detect,
                ..RunOptions::default()
            };
            let outcome = gilsim_runtime::run(program, &options);
            let code = report::gilsim_exit_status(&outcome, args.strict);
            match args.format {
                Format::Json => {
                    let doc = report::outcome_json(&args.script, &options, &outcome);
                    writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
                }
                Format::Text => {
                    out.write_all(outcome.stdout.as_bytes())?;
                    err.write_all(outcome.stderr.as_bytes())?;
                    if !args.quiet {
                        write!(err, "{}", report::summary(&args.script, &options, &outcome))?;
                        for finding in &outcome.findings {
                            write!(err, "\n{}\n", findings::render(finding, &source, &args.script))?;
                        }
                    }
                }
            }
            Ok(code)
        }
    }
}
