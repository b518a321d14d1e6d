//! Trace files (`--trace FILE`, docs/formats.md): a run's decisions and timeline as gilsim's
//! own JSON — which `gilsim replay --trace FILE` reads back — or as Chrome Trace Event JSON
//! for Perfetto (`--trace-format chrome`): one track per simulated thread showing when it ran,
//! waited for the GIL or was blocked, instant events for lock operations and library calls,
//! and a track of scheduling decisions, all on the virtual clock.
//!
//! Invariant: a gilsim trace written for a run replays to the same run (same decisions, same
//! outcome); reading malformed text is an error, never a panic.

use anyhow::{bail, Context};
use clap::ValueEnum;
use gilsim_runtime::strategy::{DecisionKind, RecordedDecision};
use gilsim_runtime::{Activity, Outcome, Trace};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Version of the gilsim trace format.
pub const TRACE_VERSION: u32 = 1;

#[derive(Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    /// gilsim's trace (replayable with `gilsim replay --trace FILE`).
    #[default]
    Json,
    /// Chrome Trace Event JSON, for Perfetto (ui.perfetto.dev) or chrome://tracing.
    Chrome,
}

#[derive(Serialize, Deserialize)]
pub struct TraceFile {
    pub gilsim_trace: u32,
    pub script: String,
    /// The run's schedule token: its options and the script's hash.
    pub schedule: String,
    pub threads: Vec<String>,
    pub decisions: Vec<DecisionRecord>,
    #[serde(default)]
    pub timeline: Vec<MomentRecord>,
    pub end_time_ns: u64,
    pub outcome: OutcomeRecord,
}

#[derive(Serialize, Deserialize)]
pub struct DecisionRecord {
    pub time_ns: u64,
    pub kind: String,
    pub candidates: Vec<usize>,
    pub chosen: u32,
}

#[derive(Serialize, Deserialize)]
pub struct MomentRecord {
    pub time_ns: u64,
    pub thread: usize,
    pub line: u32,
    pub event: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub detail: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct OutcomeRecord {
    pub status: String,
    pub exit_code: i32,
}

/// An activity as (event name, detail).
fn event_of(activity: &Activity) -> (&'static str, Option<&str>) {
    match activity {
        Activity::Running => ("running", None),
        Activity::WaitingForGil => ("waiting-for-gil", None),
        Activity::WaitingForCore => ("waiting-for-core", None),
        Activity::Blocked(on) => ("blocked", Some(on)),
        Activity::Finished => ("finished", None),
        Activity::Acquire(lock) => ("acquire", Some(lock)),
        Activity::Release(lock) => ("release", Some(lock)),
        Activity::Call(function) => ("call", Some(function)),
    }
}

impl TraceFile {
    pub fn new(script: &str, schedule: String, trace: &Trace, outcome: &Outcome) -> TraceFile {
        let decisions = trace
            .decisions
            .iter()
            .map(|d| DecisionRecord {
                time_ns: d.time,
                kind: d.kind.as_str().into(),
                candidates: d.candidates.clone(),
                chosen: d.chosen,
            })
            .collect();
        let timeline = trace
            .timeline
            .iter()
            .map(|m| {
                let (event, detail) = event_of(&m.activity);
                MomentRecord {
                    time_ns: m.time,
                    thread: m.thread,
                    line: m.line,
                    event: event.into(),
                    detail: detail.map(str::to_string),
                }
            })
            .collect();
        TraceFile {
            gilsim_trace: TRACE_VERSION,
            script: script.into(),
            schedule,
            threads: trace.threads.clone(),
            decisions,
            timeline,
            end_time_ns: trace.end_time,
            outcome: OutcomeRecord { status: outcome.status.as_str().into(), exit_code: outcome.exit_code },
        }
    }

    /// Read a gilsim trace (not a Chrome one: that has no decisions to replay).
    pub fn parse(text: &str) -> anyhow::Result<TraceFile> {
        let value: Value = serde_json::from_str(text).context("the trace is not JSON")?;
        if value.get("traceEvents").is_some() {
            bail!("this is a Chrome trace (for viewing); replay needs a trace written with --trace-format json");
        }
        match value.get("gilsim_trace").and_then(Value::as_u64) {
            Some(v) if v == u64::from(TRACE_VERSION) => {}
            Some(v) => bail!("trace format version {v} is not supported (this gilsim reads version {TRACE_VERSION})"),
            None => bail!("not a gilsim trace (no `gilsim_trace` version)"),
        }
        serde_json::from_value(value).context("the trace is malformed")
    }

    /// The recorded decisions, for [`gilsim_runtime::strategy::Follow`].
    pub fn recorded_decisions(&self) -> anyhow::Result<Vec<RecordedDecision>> {
        self.decisions
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let kind = DecisionKind::from_name(&d.kind)
                    .with_context(|| format!("decision {i} of the trace has an unknown kind `{}`", d.kind))?;
                if d.chosen as usize >= d.candidates.len() {
                    bail!("decision {i} of the trace chose {} of {} candidates", d.chosen, d.candidates.len());
                }
                Ok(RecordedDecision { kind, candidates: d.candidates.clone(), chosen: d.chosen })
            })
            .collect()
    }
}

/// The one process of a Chrome trace: the run.
const PID: u32 = 1;

/// Microseconds, Chrome's unit, from virtual nanoseconds.
fn micros(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

/// The run as Chrome Trace Event JSON (the "JSON object" form, Trace Event Format spec).
pub fn chrome(script: &str, trace: &Trace) -> Value {
    let scheduler_track = trace.threads.len();
    let mut events =
        vec![json!({"name": "process_name", "ph": "M", "pid": PID, "args": {"name": format!("gilsim: {script}")}})];
    for (tid, name) in trace.threads.iter().enumerate() {
        events.extend(track_metadata(tid, name));
    }
    if !trace.decisions.is_empty() {
        events.extend(track_metadata(scheduler_track, "scheduler decisions"));
    }
    // Each thread's current state and when it began; a state ends when the next begins.
    let mut open: Vec<Option<OpenState>> = vec![None; trace.threads.len()];
    let name_of = |t: usize| trace.threads.get(t).map_or("?", String::as_str);
    let mut decisions = trace.decisions.iter().peekable();
    for moment in &trace.timeline {
        while let Some(d) = decisions.next_if(|d| d.time <= moment.time) {
            events.push(decision_event(d, scheduler_track, name_of));
        }
        let tid = moment.thread;
        let instant = match &moment.activity {
            Activity::Acquire(lock) => Some(format!("acquire {lock}")),
            Activity::Release(lock) => Some(format!("release {lock}")),
            // A constructor shows as the class called: `Queue()`.
            Activity::Call(function) => Some(format!("{}()", function.strip_suffix(".__init__").unwrap_or(function))),
            Activity::Running
            | Activity::WaitingForGil
            | Activity::WaitingForCore
            | Activity::Blocked(_)
            | Activity::Finished => None,
        };
        if let Some(name) = instant {
            events.push(json!({
                "name": name, "cat": "sync", "ph": "i", "s": "t", "pid": PID, "tid": tid,
                "ts": micros(moment.time), "args": {"line": moment.line},
            }));
            continue;
        }
        // A state: it ends the thread's previous one (`finished` opens none).
        let state = match &moment.activity {
            Activity::Running => Some(("running".to_string(), "gil")),
            Activity::WaitingForGil => Some(("waiting for the GIL".to_string(), "gil")),
            Activity::WaitingForCore => Some(("waiting for a core".to_string(), "core")),
            Activity::Blocked(on) => Some((format!("blocked on {on}"), "blocked")),
            _ => None,
        };
        close_state(&mut events, tid, open[tid].take(), moment.time);
        if let Some((name, category)) = state {
            open[tid] = Some(OpenState { name, category, start: moment.time, line: moment.line });
        }
    }
    for d in decisions {
        events.push(decision_event(d, scheduler_track, name_of));
    }
    for (tid, state) in open.into_iter().enumerate() {
        close_state(&mut events, tid, state, trace.end_time);
    }
    json!({"traceEvents": events, "displayTimeUnit": "ns", "otherData": {"clock": "gilsim virtual time"}})
}

/// A track's name and position (Chrome's `thread_name` and `thread_sort_index` metadata).
fn track_metadata(tid: usize, name: &str) -> [Value; 2] {
    [
        json!({"name": "thread_name", "ph": "M", "pid": PID, "tid": tid, "args": {"name": name}}),
        json!({"name": "thread_sort_index", "ph": "M", "pid": PID, "tid": tid, "args": {"sort_index": tid}}),
    ]
}

/// A thread's state since `start`, until its next state begins.
#[derive(Clone)]
struct OpenState {
    name: String,
    category: &'static str,
    start: u64,
    line: u32,
}

/// The complete ("X") event of a state that ends at `end`.
fn close_state(events: &mut Vec<Value>, tid: usize, state: Option<OpenState>, end: u64) {
    if let Some(OpenState { name, category, start, line }) = state {
        events.push(json!({
            "name": name, "cat": category, "ph": "X", "pid": PID, "tid": tid,
            "ts": micros(start), "dur": micros(end - start), "args": {"line": line},
        }));
    }
}

fn decision_event<'a>(d: &gilsim_runtime::TracedDecision, track: usize, name_of: impl Fn(usize) -> &'a str) -> Value {
    let candidates: Vec<&str> = d.candidates.iter().map(|&t| name_of(t)).collect();
    let chosen = name_of(d.candidates[d.chosen as usize]);
    json!({
        "name": format!("{}: {chosen}", d.kind.as_str()), "cat": "decision", "ph": "i", "s": "t",
        "pid": PID, "tid": track, "ts": micros(d.time), "args": {"candidates": candidates, "chosen": chosen},
    })
}
