//! Runs resumed from a copy of their prefix ([`gilsim_runtime::Prefix`]) are the runs made
//! from the start: every scenario and every corpus program, under `explore`'s options, with
//! the `pos` and `random` strategies and several seeds, has the same outcome both ways (its
//! status, output, findings, decisions, instruction count and GIL statistics).

use gilsim_core::{Policy, PythonVersion, RunOptions, Timing};
use gilsim_runtime::strategy::{Pct, Pos, RandomStrategy, Strategy};
use gilsim_runtime::{Image, Prefix};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scripts_under(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            scripts_under(&path, found);
        } else if path.extension().is_some_and(|e| e == "py") {
            found.push(path);
        }
    }
}

/// The version a script's `# gilsim: python=X.Y` header names, if any.
fn header_python(source: &str) -> Option<PythonVersion> {
    source
        .lines()
        .take_while(|line| line.starts_with('#') || line.trim().is_empty())
        .filter_map(|line| line.strip_prefix("# gilsim:"))
        .flat_map(str::split_whitespace)
        .find_map(|item| item.strip_prefix("python="))
        .and_then(|v| v.parse().ok())
}

/// A strategy of a run, made from its seed.
type MakeStrategy = fn(u64) -> Box<dyn Strategy>;

/// Named strategies to run each seed with.
type Strategies = Vec<(&'static str, MakeStrategy)>;

const POS: MakeStrategy = |seed| Box::new(Pos::new(seed));
const RANDOM: MakeStrategy = |seed| Box::new(RandomStrategy::new(seed));
const PCT: MakeStrategy = |seed| Box::new(Pct::new(seed, 3, 40));

/// What one script's check found: whether it resumed from a prefix, and the first difference.
fn check(path: &Path) -> (bool, Option<String>) {
    let source = std::fs::read_to_string(path).unwrap();
    let python = header_python(&source).unwrap_or(PythonVersion::DEFAULT);
    let base = RunOptions {
        policy: Policy::Preemptive,
        python,
        max_steps: 200_000,
        max_time: 20_000_000_000,
        ..RunOptions::default()
    };
    let older = PythonVersion::from_str("3.9").unwrap();
    let free_threaded = PythonVersion::from_str("3.13t").unwrap();
    // explore's options with the script's version, then other versions and policies.
    let variants: Vec<(RunOptions, Vec<u64>, Strategies)> = vec![
        (base.clone(), vec![0, 1, 7], vec![("pos", POS), ("random", RANDOM), ("pct", PCT)]),
        (RunOptions { python: older, ..base.clone() }, vec![3], vec![("pos", POS)]),
        (
            RunOptions { python: free_threaded, policy: Policy::NoGil, ..base.clone() },
            vec![5],
            vec![("random", RANDOM)],
        ),
        (RunOptions { policy: Policy::Fair, timing: Timing::Exact, ..base.clone() }, vec![2], vec![("pos", POS)]),
    ];
    let mut resumed_any = false;
    for (options, seeds, strategies) in variants {
        let python = options.python;
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Ok(program) = gilsim_lang::compile_for(&source, &name, (python.major, python.minor)) else { continue };
        let image = Image::new(Arc::new(program));
        let Some(prefix) = Prefix::new(&image, &options) else { continue };
        resumed_any = true;
        for seed in seeds {
            let options = RunOptions { seed, ..options.clone() };
            for (label, make) in &strategies {
                let fresh = gilsim_runtime::run_with(&image, &options, make(seed).as_mut());
                let at = format!("{}: {python} {:?} seed {seed} {label}", path.display(), options.policy);
                let Some(resumed) = prefix.run(&options, make(seed).as_mut()) else {
                    return (true, Some(format!("{at}: the copy was refused")));
                };
                let (fresh, resumed) = (format!("{fresh:#?}"), format!("{resumed:#?}"));
                if fresh != resumed {
                    let line = fresh.lines().zip(resumed.lines()).find(|(a, b)| a != b);
                    return (true, Some(format!("{at}: {line:?}")));
                }
            }
        }
    }
    (resumed_any, None)
}

#[test]
fn runs_resumed_from_the_prefix_equal_runs_from_the_start() {
    let root = repo_root();
    let mut scripts = Vec::new();
    scripts_under(&root.join("scenarios"), &mut scripts);
    scripts_under(&root.join("crates/gilsim-cli/tests/data/corpus"), &mut scripts);
    assert!(scripts.len() > 500, "{} scripts", scripts.len());
    let workers = std::thread::available_parallelism().map_or(2, usize::from).min(4);
    let chunks: Vec<Vec<PathBuf>> =
        (0..workers).map(|w| scripts.iter().skip(w).step_by(workers).cloned().collect()).collect();
    let results: Vec<(bool, Option<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                std::thread::Builder::new()
                    .stack_size(gilsim_runtime::SIMULATION_STACK)
                    .spawn_scoped(scope, move || chunk.iter().map(|path| check(path)).collect::<Vec<_>>())
                    .unwrap()
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let differences: Vec<&String> = results.iter().filter_map(|(_, d)| d.as_ref()).collect();
    assert!(
        differences.is_empty(),
        "{} differ:\n{}",
        differences.len(),
        differences.iter().map(|d| d.as_str()).collect::<Vec<_>>().join("\n")
    );
    // Most programs make a choice after a prefix a copy reproduces.
    let resumed = results.iter().filter(|(resumed, _)| *resumed).count();
    assert!(resumed * 10 >= scripts.len() * 7, "only {resumed} of {} programs resumed from a prefix", scripts.len());
}
