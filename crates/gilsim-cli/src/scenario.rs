//! Scenario files: the `# gilsim: key=value ...` header in a script's leading comments, and
//! the scripts under a path. `gilsim check` reads scenarios through these, and so do the
//! tests, so both agree on what a scenario declares and which scenarios there are.

use std::path::{Path, PathBuf};

/// Every `key=value` (or bare `key`) of a script's leading `# gilsim:` comments, in order.
pub fn header(source: &str) -> Vec<(String, Option<String>)> {
    let leading = source.lines().take_while(|l| l.starts_with('#') || l.trim().is_empty());
    let specs = leading.filter_map(|line| line.strip_prefix("# gilsim:"));
    specs
        .flat_map(str::split_whitespace)
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (key.to_string(), Some(value.to_string())),
            None => (pair.to_string(), None),
        })
        .collect()
}

/// The header as option arguments (`--key value`, or `--key` alone).
pub fn header_arguments(source: &str) -> Vec<String> {
    let mut arguments = Vec::new();
    for (key, value) in header(source) {
        arguments.push(format!("--{key}"));
        arguments.extend(value);
    }
    arguments
}

/// `path` itself, or every `*.py` under it, in sorted order.
pub fn collect_scripts(path: &Path, scripts: &mut Vec<String>) -> anyhow::Result<()> {
    if !path.is_dir() {
        if !path.exists() {
            anyhow::bail!("no such file or directory: `{}`", path.display());
        }
        scripts.push(path.display().to_string());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_scripts(&entry, scripts)?;
        } else if entry.extension().is_some_and(|e| e == "py") {
            scripts.push(entry.display().to_string());
        }
    }
    Ok(())
}
