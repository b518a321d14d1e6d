//! `--timeline FILE.html`: a run's trace as one self-contained HTML page — an SVG with a lane
//! per thread (named as in findings) showing, over virtual time, when it ran, waited for the
//! GIL (or a core), slept or was blocked on a named primitive; the GIL's hand-offs between
//! lanes; and the findings, marked where their thread last was on their line. The wheel zooms
//! around the pointer, dragging pans, a double click shows the whole run; no server, no
//! network (the script is inline).
//!
//! Invariant: the page is a pure function of (script path, trace, outcome) — the same run
//! gives the same bytes — and every name in it is HTML-escaped.

use crate::report::duration;
use gilsim_runtime::{Activity, Outcome, Trace};
use std::fmt::Write as _;

/// State changes drawn at most; a longer run's page shows its beginning and says so.
const MAX_SPANS: usize = 50_000;

/// Width of the lanes' coordinate system (the whole run), and one lane's height and gap.
const WIDTH: f64 = 1000.0;
const LANE: f64 = 24.0;
const GAP: f64 = 8.0;

/// What a lane shows for a stretch of time.
#[derive(Clone, PartialEq, Eq)]
enum State {
    Running,
    WaitingForGil,
    WaitingForCore,
    Sleeping,
    Blocked(String),
}

impl State {
    fn class(&self) -> &'static str {
        match self {
            State::Running => "running",
            State::WaitingForGil => "gil-wait",
            State::WaitingForCore => "core-wait",
            State::Sleeping => "sleeping",
            State::Blocked(_) => "blocked",
        }
    }

    fn describe(&self) -> String {
        match self {
            State::Running => "running".into(),
            State::WaitingForGil => "waiting for the GIL".into(),
            State::WaitingForCore => "waiting for a core".into(),
            State::Sleeping => "sleeping".into(),
            State::Blocked(on) => format!("blocked on {on}"),
        }
    }
}

struct Span {
    thread: usize,
    start: u64,
    end: u64,
    state: State,
    line: u32,
}

/// The GIL (or a core) passing from one thread to another.
struct Handoff {
    time: u64,
    from: usize,
    to: usize,
}

/// A finding, placed on a thread's lane.
struct Marker {
    time: u64,
    thread: usize,
    label: String,
}

/// The pieces of the page, cut at [`MAX_SPANS`] (then `shown_until` is where the cut falls).
struct Picture {
    spans: Vec<Span>,
    handoffs: Vec<Handoff>,
    shown_until: u64,
}

fn picture(trace: &Trace) -> Picture {
    let mut open: Vec<Option<(u64, State, u32)>> = vec![None; trace.threads.len()];
    let mut spans = Vec::new();
    let mut handoffs = Vec::new();
    let mut last_runner: Option<usize> = None;
    let mut shown_until = trace.end_time;
    for moment in &trace.timeline {
        let state = match &moment.activity {
            Activity::Running => Some(State::Running),
            Activity::WaitingForGil => Some(State::WaitingForGil),
            Activity::WaitingForCore => Some(State::WaitingForCore),
            Activity::Blocked(on) if on == "sleep" => Some(State::Sleeping),
            Activity::Blocked(on) => Some(State::Blocked(on.clone())),
            Activity::Finished => None,
            Activity::Acquire(_) | Activity::Release(_) | Activity::Call(_) => continue,
        };
        let t = moment.thread;
        if t >= open.len() {
            continue;
        }
        if spans.len() >= MAX_SPANS {
            shown_until = moment.time;
            break;
        }
        if let Some((start, previous, line)) = open[t].take() {
            spans.push(Span { thread: t, start, end: moment.time, state: previous, line });
        }
        if state == Some(State::Running) {
            if let Some(from) = last_runner.filter(|&from| from != t) {
                handoffs.push(Handoff { time: moment.time, from, to: t });
            }
            last_runner = Some(t);
        }
        open[t] = state.map(|s| (moment.time, s, moment.line));
    }
    for (t, state) in open.into_iter().enumerate() {
        if let Some((start, state, line)) = state {
            spans.push(Span { thread: t, start: start.min(shown_until), end: shown_until, state, line });
        }
    }
    Picture { spans, handoffs, shown_until }
}

/// Each finding where it shows last: the latest moment one of its threads was on one of its
/// lines (a deadlock's last thread blocking, a lost update's overwriting write), else the
/// run's end on its first thread's lane.
fn markers(trace: &Trace, outcome: &Outcome) -> Vec<Marker> {
    let mut markers = Vec::new();
    for finding in &outcome.findings {
        let threads: Vec<usize> =
            finding.threads.iter().filter_map(|name| trace.threads.iter().position(|t| t == name)).collect();
        let Some(&first) = threads.first() else { continue };
        let lines: Vec<u32> = finding.locations.iter().map(|l| l.line).collect();
        let (time, thread) = trace
            .timeline
            .iter()
            .rev()
            .find(|m| threads.contains(&m.thread) && lines.contains(&m.line))
            .map_or((trace.end_time, first), |m| (m.time, m.thread));
        markers.push(Marker { time, thread, label: format!("{}: {}", finding.kind.as_str(), finding.message) });
    }
    markers
}

/// `s` safe in HTML text and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page for `trace`, the run of `script` that ended as `outcome`.
pub fn html(script: &str, trace: &Trace, outcome: &Outcome) -> String {
    let picture = picture(trace);
    let end = trace.end_time.max(1);
    let x = |ns: u64| ns as f64 * WIDTH / end as f64;
    let y = |thread: usize| thread as f64 * (LANE + GAP) + GAP / 2.0;
    let height = trace.threads.len() as f64 * (LANE + GAP);
    let mut lanes = String::new();
    for (t, name) in trace.threads.iter().enumerate() {
        let _ = write!(lanes, "<g class=\"lane\" data-thread=\"{}\">", escape(name));
        let _ = write!(lanes, "<rect class=\"track\" x=\"0\" y=\"{}\" width=\"{WIDTH}\" height=\"{LANE}\"/>", y(t));
        for span in picture.spans.iter().filter(|s| s.thread == t) {
            let _ = write!(
                lanes,
                "<rect class=\"{}\" x=\"{:.4}\" y=\"{}\" width=\"{:.4}\" height=\"{LANE}\"><title>{}: {} – {} (line {})</title></rect>",
                span.state.class(),
                x(span.start),
                y(t),
                (x(span.end) - x(span.start)).max(0.0),
                escape(&span.state.describe()),
                duration(span.start),
                duration(span.end),
                span.line
            );
        }
        lanes.push_str("</g>");
    }
    for h in &picture.handoffs {
        let (from, to) = (&trace.threads[h.from], &trace.threads[h.to]);
        let _ = write!(
            lanes,
            "<line class=\"handoff\" data-from=\"{}\" data-to=\"{}\" x1=\"{:.4}\" x2=\"{:.4}\" y1=\"{}\" y2=\"{}\"><title>GIL to {} at {}</title></line>",
            escape(from),
            escape(to),
            x(h.time),
            x(h.time),
            y(h.from) + LANE / 2.0,
            y(h.to) + LANE / 2.0,
            escape(to),
            duration(h.time)
        );
    }
    let markers = markers(trace, outcome);
    for m in &markers {
        let _ = write!(
            lanes,
            "<line class=\"finding\" x1=\"{:.4}\" x2=\"{:.4}\" y1=\"{}\" y2=\"{}\"><title>{} (at {})</title></line>",
            x(m.time),
            x(m.time),
            y(m.thread) - GAP / 2.0,
            y(m.thread) + LANE + GAP / 2.0,
            escape(&m.label),
            duration(m.time)
        );
    }
    let labels: String = trace
        .threads
        .iter()
        .map(|name| format!("<div class=\"label\" style=\"height:{}px\">{}</div>", LANE + GAP, escape(name)))
        .collect();
    let mut findings: String = markers.iter().map(|m| format!("<li>{}</li>", escape(&m.label))).collect();
    if findings.is_empty() {
        findings.push_str("<li>none</li>");
    }
    let cut = if picture.shown_until < trace.end_time {
        format!(
            "<p class=\"cut\">The run changed state more than {MAX_SPANS} times: the timeline shows its first {} of {}.</p>",
            duration(picture.shown_until),
            duration(trace.end_time)
        )
    } else {
        String::new()
    };
    let summary = escape(&summary(trace, outcome, picture.handoffs.len()));
    let (height, end) = (format!("{height}"), end.to_string());
    fill(
        PAGE,
        &[
            ("TITLE", &escape(script)),
            ("SUMMARY", &summary),
            ("CUT", &cut),
            ("LABELS", &labels),
            ("HEIGHT", &height),
            ("END_NS", &end),
            ("LANES", &lanes),
            ("FINDINGS", &findings),
        ],
    )
}

/// `template` with each `{KEY}` of `values` replaced, in one pass: a value is never searched
/// for keys again (a thread may be named `{LANES}`).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let key = rest[1..].split('}').next().unwrap_or("");
        match values.iter().find(|(k, _)| *k == key && rest[1 + key.len()..].starts_with('}')) {
            Some((_, value)) => {
                out.push_str(value);
                rest = &rest[key.len() + 2..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn summary(trace: &Trace, outcome: &Outcome, handoffs: usize) -> String {
    format!(
        "{}, {} thread{}, {} of virtual time, {handoffs} GIL hand-off{}, {} finding{}",
        outcome.status.as_str(),
        trace.threads.len(),
        if trace.threads.len() == 1 { "" } else { "s" },
        duration(trace.end_time),
        if handoffs == 1 { "" } else { "s" },
        outcome.findings.len(),
        if outcome.findings.len() == 1 { "" } else { "s" },
    )
}

const PAGE: &str = include_str!("timeline.html");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_filled_once() {
        assert_eq!(escape("<b>\"x\" & 'y'</b>"), "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
        let page = fill("a {ONE} b {TWO} {css: 1} {", &[("ONE", "{TWO}"), ("TWO", "2")]);
        assert_eq!(page, "a {TWO} b 2 {css: 1} {");
    }
}
