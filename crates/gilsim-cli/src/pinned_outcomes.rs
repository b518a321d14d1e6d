//! `# gilsim: expect-outcomes=FILE runs=N`: a scenario's outcome distribution over seeds
//! `seed .. seed + N`, pinned in a text file beside it and reviewed in diffs like a snapshot.
//! `gilsim check` runs the scenario as `gilsim run` would, once per seed, and compares the
//! distribution's text with FILE; `gilsim check --update` writes FILE instead (and CI, which
//! never passes `--update`, fails on any difference or a missing file).
//!
//! The file's first line says what was run (the scenario's name, runs and seeds, options that
//! shape a run); then one line per distinct outcome, most frequent first
//! (`   17x finished (exit 0) "Done .... 0" [possible-race]`; see [`crate::distribution`]).
//!
//! `expect-outcomes=inline` keeps the list in the scenario itself instead, as leading comment
//! lines `# gilsim-outcome:    17x finished ...` (after the `# gilsim:` lines, where
//! `--update` puts them; the rest of the script is left byte for byte).

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

/// The `expect-outcomes` value that keeps the list in the scenario.
pub const INLINE: &str = "inline";

/// How an inline list's lines begin.
const INLINE_PREFIX: &str = "# gilsim-outcome: ";

/// The distribution of `runs` runs of `program` from seed `options.seed` on, a line per
/// outcome.
pub fn outcome_lines(program: Arc<Program>, options: &RunOptions, runs: u64) -> Vec<String> {
    let image = Image::new(program);
    let outcomes = (0..runs).map(|i| {
        let options = RunOptions { seed: options.seed.wrapping_add(i), ..options.clone() };
        OutcomeKey::of(&gilsim_runtime::run_with(&image, &options, &mut RandomStrategy::new(options.seed)))
    });
    distribution::lines(&counted(outcomes))
}

/// FILE's text: what was run, then the outcome lines.
pub fn file_text(script: &str, options: &RunOptions, runs: u64, outcomes: &[String]) -> String {
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
    for line in outcomes {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// The inline list of `source`'s leading comments (each line without its prefix).
fn inline_lines(source: &str) -> Vec<&str> {
    leading(source).filter_map(|line| line.strip_prefix(INLINE_PREFIX)).collect()
}

fn leading(source: &str) -> impl Iterator<Item = &str> {
    source.lines().take_while(|l| l.starts_with('#') || l.trim().is_empty())
}

/// `source` with its inline list replaced by `outcomes`, placed after its last `# gilsim:`
/// line; every other line as it was.
fn with_inline_lines(source: &str, outcomes: &[String]) -> String {
    let header_lines = leading(source).count();
    let last_spec = leading(source).enumerate().filter(|(_, l)| l.starts_with("# gilsim:")).map(|(i, _)| i).last();
    let mut out = String::with_capacity(source.len());
    for (i, line) in source.split_inclusive('\n').enumerate() {
        if !(i < header_lines && line.starts_with(INLINE_PREFIX)) {
            out.push_str(line);
        }
        if Some(i) == last_spec {
            if !line.ends_with('\n') {
                out.push('\n');
            }
            for outcome in outcomes {
                out.push_str(INLINE_PREFIX);
                out.push_str(outcome);
                out.push('\n');
            }
        }
    }
    out
}

/// Compare the scenario's inline list with `outcomes`, or with `update`, rewrite it.
pub fn inline_verdict(script: &str, source: &str, outcomes: &[String], update: bool) -> Verdict {
    let pinned = inline_lines(source);
    if pinned.iter().copied().eq(outcomes.iter().map(String::as_str)) {
        let n = outcomes.len();
        return Verdict { met: true, detail: format!("{n} outcome{} as listed inline", if n == 1 { "" } else { "s" }) };
    }
    if update {
        return match std::fs::write(script, with_inline_lines(source, outcomes)) {
            Ok(()) => Verdict { met: true, detail: "updated its `# gilsim-outcome:` lines".into() },
            Err(e) => Verdict { met: false, detail: format!("cannot write {script}: {e}") },
        };
    }
    if pinned.is_empty() {
        let detail = "no `# gilsim-outcome:` lines yet (`gilsim check --update` writes them)".to_string();
        return Verdict { met: false, detail };
    }
    let actual: String = outcomes.iter().map(|l| format!("{l}\n")).collect();
    let expected: String = pinned.iter().map(|l| format!("{l}\n")).collect();
    Verdict { met: false, detail: format!("outcomes differ from its inline list: {}", difference(&expected, &actual)) }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inline_list_goes_after_the_header_and_leaves_the_script_alone() {
        let source = "# a scenario\n# gilsim: expect-outcomes=inline runs=2\n# gilsim-outcome: old\n\nprint(1)\n# gilsim-outcome: not in the header\n";
        let updated = with_inline_lines(source, &["    2x new".to_string()]);
        assert_eq!(
            updated,
            "# a scenario\n# gilsim: expect-outcomes=inline runs=2\n# gilsim-outcome:     2x new\n\nprint(1)\n# gilsim-outcome: not in the header\n"
        );
        assert_eq!(inline_lines(&updated), vec!["    2x new"]);
        assert_eq!(with_inline_lines(&updated, &["    2x new".to_string()]), updated);
    }
}
