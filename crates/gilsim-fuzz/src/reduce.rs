//! Shrinking a program that shows a problem: delta debugging over its lines (Zeller &
//! Hildebrandt, 2002), keeping only removals after which the program still compiles and
//! still shows the problem. Trailing `# ...` comments (what a campaign noted) are dropped first.
//!
//! Invariant: the result shows the problem whenever the input does.

/// The smallest program found, line by line, for which `shows` stays true.
pub fn reduce(source: &str, shows: impl Fn(&str) -> bool) -> String {
    let mut lines: Vec<&str> = source.lines().filter(|l| !l.starts_with("# ")).collect();
    if !shows(&join(&lines)) {
        lines = source.lines().collect();
    }
    let mut chunk = (lines.len() / 2).max(1);
    loop {
        let mut removed = false;
        let mut at = 0;
        while at < lines.len() {
            let end = (at + chunk).min(lines.len());
            let candidate: Vec<&str> = lines[..at].iter().chain(&lines[end..]).copied().collect();
            if shows(&join(&candidate)) {
                lines = candidate;
                removed = true;
            } else {
                at += chunk;
            }
        }
        if chunk == 1 && !removed {
            return join(&lines);
        }
        if !removed {
            chunk = (chunk / 2).max(1);
        }
    }
}

fn join(lines: &[&str]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_only_what_the_problem_needs() {
        let source = "a\nb\nc\nd\ne\n";
        let reduced = super::reduce(source, |text| text.contains('b') && text.contains('d'));
        assert_eq!(reduced, "b\nd\n");
    }
}
