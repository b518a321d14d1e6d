//! `gilsim-fuzz`: long campaigns over generated programs (bench/), printing counts.

use anyhow::Context;
use clap::{Parser, Subcommand};
use gilsim_core::PythonVersion;
use gilsim_fuzz::campaign::{self, Campaign};
use gilsim_fuzz::differential::{self, Limits, Verdict};
use gilsim_fuzz::program::{self, Shape};
use gilsim_fuzz::{crash, reduce};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Parser)]
#[command(version, about = "Campaigns over generated programs that check gilsim itself.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The reduced dfs search against every schedule, on generated programs.
    Dpor {
        /// How many programs.
        #[arg(long, default_value_t = 1000)]
        programs: u64,
        /// The first program's number.
        #[arg(long, default_value_t = 0)]
        from: u64,
        /// Switch points of this version: 3.10 and later switch at calls and back-edges (larger
        /// programs); 3.9 and earlier at every instruction (smaller ones).
        #[arg(long, default_value = "3.11")]
        python: PythonVersion,
        /// Most runs of each reference search per program (the reduced search may make twice
        /// as many).
        #[arg(long, default_value_t = 10_000)]
        cap: u64,
        #[arg(long, default_value_t = 2)]
        jobs: usize,
        /// Write each mismatching program here, with what the reduced search missed.
        #[arg(long)]
        save: Option<PathBuf>,
        /// Print one line per program: its verdict and how many runs each search made.
        #[arg(long)]
        verbose: bool,
    },
    /// Check one program: the reduced search against every schedule.
    Check {
        file: PathBuf,
        #[arg(long, default_value = "3.11")]
        python: PythonVersion,
        #[arg(long, default_value_t = 10_000)]
        cap: u64,
    },
    /// Shrink a program the reduced search gets wrong: drop lines while it still does.
    Reduce {
        file: PathBuf,
        #[arg(long, default_value = "3.11")]
        python: PythonVersion,
        #[arg(long, default_value_t = 10_000)]
        cap: u64,
    },
    /// Print each run of the reduced search of a program: its decisions and its steps.
    Steps {
        file: PathBuf,
        #[arg(long, default_value = "3.11")]
        python: PythonVersion,
        #[arg(long, default_value_t = 20)]
        runs: u64,
    },
    /// Run generated programs, mutated scenarios and damaged files through the gilsim binary
    /// for a while; report how each ended and save any that crashed, hung or blew the memory.
    Crash {
        /// The gilsim binary to run.
        #[arg(long, default_value = "target/release/gilsim")]
        gilsim: PathBuf,
        /// The scenarios to mutate (every .py under it).
        #[arg(long, default_value = "scenarios")]
        scenarios: PathBuf,
        #[arg(long, default_value_t = 60.0)]
        minutes: f64,
        #[arg(long, default_value_t = 2)]
        jobs: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Failing inputs, and each worker's scratch directory.
        #[arg(long, default_value = "target/crash-fuzz")]
        out: PathBuf,
    },
    /// Print generated program N.
    Show {
        seed: u64,
        #[arg(long, default_value = "3.11")]
        python: PythonVersion,
    },
}

/// The sources of every `.py` file under `dir`, in path order.
fn python_files(dir: &std::path::Path) -> anyhow::Result<Vec<String>> {
    let mut paths = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))).collect()
}

fn shape_for(python: PythonVersion) -> Shape {
    if python.checks_every_instruction() {
        Shape::FINE
    } else {
        Shape::COARSE
    }
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Check { file, python, cap } => {
            let source = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            let image = differential::image_of(&source).map_err(|e| anyhow::anyhow!("{e}"))?;
            let limits = Limits::with_cap(cap);
            println!("{:#?}", differential::check(&image, &campaign::options(python), limits));
        }
        Command::Reduce { file, python, cap } => {
            let source = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            let limits = Limits::with_cap(cap);
            let options = campaign::options(python);
            let mismatches = |text: &str| {
                differential::image_of(text)
                    .is_ok_and(|image| differential::check(&image, &options, limits).is_mismatch())
            };
            anyhow::ensure!(mismatches(&source), "the reduced search agrees on {}", file.display());
            print!("{}", reduce::reduce(&source, mismatches));
        }
        Command::Steps { file, python, runs } => {
            let source = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            let image = differential::image_of(&source).map_err(|e| anyhow::anyhow!("{e}"))?;
            let options = campaign::options(python);
            let mut search = gilsim_runtime::strategy::DporSearch::new().explaining();
            for n in 0..runs {
                let Some(mut run) = search.next_run() else { break };
                let outcome = gilsim_runtime::run_with(&image, &options, &mut run);
                println!("run {n}: {:?}", differential::Seen::of(&outcome));
                for (i, step) in run.trace().iter().enumerate() {
                    println!("  decision {i}: {step:?}");
                }
                for (i, step) in run.steps().iter().enumerate() {
                    println!("  step {i}: thread {} decision {:?} after {:?}", step.thread, step.decision, step.after);
                    println!("     {:?}", step.footprint);
                }
                search.finished(run, &outcome);
                for note in search.notes() {
                    println!("  {note}");
                }
            }
        }
        Command::Crash { gilsim, scenarios, minutes, jobs, seed, out } => {
            let sources = python_files(&scenarios)?;
            // Each case runs in its worker's directory.
            let gilsim = gilsim.canonicalize().with_context(|| format!("finding {}", gilsim.display()))?;
            std::fs::create_dir_all(&out)?;
            let out = out.canonicalize()?;
            anyhow::ensure!(!sources.is_empty(), "no scenarios under {}", scenarios.display());
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(minutes * 60.0);
            let report = crash::campaign(&gilsim, seed, &sources, jobs.max(1), deadline, &out)?;
            println!("{} cases ({} scenarios mutated), by origin {:?}", report.cases, sources.len(), report.by_origin);
            println!("exit status: {:?}", report.by_exit);
            println!("crashes, hangs and memory blow-ups: {}", report.failures.len());
            for (case, failure) in &report.failures {
                println!("case {case}: {failure}");
            }
            anyhow::ensure!(report.failures.is_empty(), "failing inputs saved in {}", out.display());
        }
        Command::Show { seed, python } => print!("{}", program::generate(seed, shape_for(python))),
        Command::Dpor { programs, from, python, cap, jobs, save, verbose } => {
            let limits = Limits::with_cap(cap);
            let campaign = Campaign { from, programs, python, shape: shape_for(python), limits };
            if let Some(dir) = &save {
                std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
            let done = AtomicU64::new(0);
            let on_verdict = |seed: u64, verdict: &Verdict| {
                if verbose || matches!(verdict, Verdict::Panicked(_)) {
                    eprintln!("program {seed}: {}", verdict.summary());
                }
                if let (Some(dir), Verdict::Compared(c), true) = (&save, verdict, verdict.is_mismatch()) {
                    eprintln!("mismatch: program {seed}");
                    let mut text = program::generate(seed, campaign.shape);
                    text.push_str(&format!("\n# {}\n", verdict.summary()));
                    for seen in &c.missed {
                        text.push_str(&format!("# missed: {seen:?}\n"));
                    }
                    for seen in &c.extra {
                        text.push_str(&format!("# extra: {seen:?}\n"));
                    }
                    let _ = std::fs::write(dir.join(format!("program_{seed}.py")), text);
                }
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if n.is_multiple_of(500) {
                    eprintln!("{n} programs");
                }
            };
            let report = campaign::run(&campaign, jobs, &on_verdict);
            let mut out = std::io::stdout().lock();
            writeln!(out, "programs {} (python {python} switch points, from {from})", report.programs)?;
            writeln!(out, "  compared with every schedule       {}", report.every_schedule)?;
            writeln!(out, "  compared with sleep sets alone     {}", report.sleep_sets)?;
            writeln!(out, "  compared with samples              {}", report.sampled)?;
            writeln!(out, "    (of which every schedule with <= 2 preemptions: {})", report.bounded_complete)?;
            writeln!(out, "  reduced search over {} runs    {}", 2 * cap, report.reduced_too_long)?;
            writeln!(out, "  searches that gave up reduction    {}", report.without_reduction)?;
            writeln!(out, "  mismatches                         {}", report.mismatches.len())?;
            writeln!(out, "runs: reduced {}, references {}", report.reduced_runs, report.reference_runs)?;
            writeln!(out, "  panics                             {}", report.panics.len())?;
            if !report.panics.is_empty() {
                writeln!(out, "programs that panicked: {:?}", report.panics)?;
            }
            if !report.mismatches.is_empty() {
                writeln!(out, "mismatching programs: {:?}", report.mismatches)?;
            }
        }
    }
    Ok(())
}
