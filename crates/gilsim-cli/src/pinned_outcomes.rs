//! `# gilsim: expect-outcomes=FILE runs=N`: a scenario's outcome distribution over seeds
//! `seed .. seed + N`, pinned in a text file beside it and reviewed in diffs like a snapshot.
//! `gilsim check` runs the scenario as `gilsim run` would, once per seed, and compares the
//! distribution's text with FILE; `gilsim check --update` writes FILE instead (and CI, which
//! never passes `--update`, fails on any difference or a missing file).
//!
//! The file's first line says what was run (the scenario's name, runs and seeds, options that
//! shape a run); then one line per distinct outcome, most frequent first
//! (`   17x finished (exit 0) "Done .... 0" [possible-race]`; see [`crate::distribution`]).

use crate::distribution::{self, counted, OutcomeKey};
use gilsim_bytecode::Program;
use gilsim_core::RunOptions;
use gilsim_runtime::strategy::RandomStrategy;
use gilsim_runtime::Image;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Differing lines quoted in a verdict, from each side.
const DIFF_LINES_SHOWN: usize = 3;

/// The verdict on a pinned distribution: (met, detail).
pub struct Verdict {
    pub met: bool,
    pub detail: String,
}

/// Where FILE of `script`'s header is: relative to the scenario's directory.
pub fn file_of(script: &str, file: &str) -> PathBuf {
    Path::new(script).parent().unwrap_or(Path::new("")).join(file)
}

/// The distribution of `runs` runs of `program` from seed `options.seed` on, as FILE's text.
pub fn render(script: &str, program: Arc<Program>, options: &RunOptions, runs: u64) -> String {
    let image = Image::new(program);
    let outcomes = (0..runs).map(|i| {
        let options = RunOptions { seed: options.seed.wrapping_add(i), ..options.clone() };
        OutcomeKey::of(&gilsim_runtime::run_with(&image, &options, &mut RandomStrategy::new(options.seed)))
    });
    let name = Path::new(script).file_name().map_or_else(|| script.into(), |n| n.to_string_lossy());
    let last = options.seed.wrapping_add(runs.saturating_sub(1));
    let mut text = format!(
        "# gilsim check: outcomes of {name}, {runs} run{} (seeds {}..{last}), python {}, policy {}, timing {}\n",
        if runs == 1 { "" } else { "s" },
        options.seed,
        options.python,
        options.policy,
        options.timing,
    );
    for line in distribution::lines(&counted(outcomes)) {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// Compare `actual` with the pinned `file`, or with `update`, write it there.
pub fn verdict(file: &Path, actual: &str, update: bool) -> Verdict {
    let shown = file.display();
    let expected = std::fs::read_to_string(file).ok();
    if expected.as_deref() == Some(actual) {
        let outcomes = actual.lines().count().saturating_sub(1);
        let detail = format!("{outcomes} outcome{} as pinned in {shown}", if outcomes == 1 { "" } else { "s" });
        return Verdict { met: true, detail };
    }
    if update {
        return match std::fs::write(file, actual) {
            Ok(()) => Verdict { met: true, detail: format!("updated {shown}") },
            Err(e) => Verdict { met: false, detail: format!("cannot write {shown}: {e}") },
        };
    }
    let Some(expected) = expected else {
        let detail = format!("no pinned outcomes in {shown} yet (`gilsim check --update` writes them)");
        return Verdict { met: false, detail };
    };
    Verdict { met: false, detail: format!("outcomes differ from {shown}: {}", difference(&expected, actual)) }
}

/// The lines only one side has, a few of each: `-` pinned, `+` now.
fn difference(expected: &str, actual: &str) -> String {
    let only = |a: &str, b: &str, sign: char| -> Vec<String> {
        let others: Vec<&str> = b.lines().collect();
        a.lines()
            .filter(|l| !others.contains(l))
            .take(DIFF_LINES_SHOWN)
            .map(|l| format!("{sign}{}", l.trim()))
            .collect()
    };
    let mut parts = only(expected, actual, '-');
    parts.extend(only(actual, expected, '+'));
    parts.join("; ")
}
