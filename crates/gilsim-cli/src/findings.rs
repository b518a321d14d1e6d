//! Findings as rustc-style reports (annotate-snippets): a title per finding and the script's
//! lines it involves, each labelled with what happened there.

use annotate_snippets::{Level, Renderer, Snippet};
use gilsim_runtime::{Finding, FindingKind};

/// Byte range of line `line` (1-based) of `source`, without indentation or newline.
fn line_span(source: &str, line: u32) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    for (i, text) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            let body = text.trim_end_matches(['\n', '\r']);
            let indent = body.len() - body.trim_start().len();
            return (body.len() > indent).then(|| start + indent..start + body.len());
        }
        start += text.len();
    }
    None
}

/// One finding, rendered with the source lines it involves.
pub fn render(finding: &Finding, source: &str, script: &str) -> String {
    let level = if finding.kind.is_manifest() { Level::Error } else { Level::Warning };
    let certainty = match finding.kind {
        FindingKind::PossibleRace => "possible lost update",
        FindingKind::LostUpdate => "lost update (manifest)",
        FindingKind::Assertion => "assertion failed",
        FindingKind::Exception => "uncaught exception",
        other => other.as_str(),
    };
    let title = match finding.kind {
        FindingKind::Assertion | FindingKind::Exception => {
            format!("{certainty} in {}: {}", finding.threads.join(", "), finding.message)
        }
        _ => format!("{certainty}: {}", finding.message),
    };
    let mut snippet = Snippet::source(source).line_start(1).origin(script).fold(true);
    let mut seen = Vec::new();
    for note in &finding.locations {
        let Some(span) = line_span(source, note.line) else { continue };
        if seen.contains(&(note.line, &note.note)) {
            continue;
        }
        seen.push((note.line, &note.note));
        snippet = snippet.annotation(Level::Info.span(span).label(&note.note));
    }
    let mut report = level.title(&title);
    if !seen.is_empty() {
        report = report.snippet(snippet);
    }
    let traceback = (!finding.traceback.is_empty()).then(|| {
        let frames: Vec<String> =
            finding.traceback.iter().map(|f| format!("{} (line {})", f.function, f.line)).collect();
        format!("traceback: {}", collapse_repeats(&frames).join(" → "))
    });
    if let Some(traceback) = &traceback {
        report = report.footer(Level::Note.title(traceback));
    }
    let rendered = Renderer::plain().render(report).to_string();
    rendered
}

/// Frames with runs of the same frame cut to three and a count, as CPython prints `[Previous
/// line repeated 996 more times]` for a runaway recursion.
fn collapse_repeats(frames: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < frames.len() {
        let run = frames[i..].iter().take_while(|f| **f == frames[i]).count();
        out.extend(frames[i..i + run.min(3)].iter().cloned());
        if run > 3 {
            out.push(format!("[{} repeated {} more times]", frames[i], run - 3));
        }
        i += run;
    }
    out
}
