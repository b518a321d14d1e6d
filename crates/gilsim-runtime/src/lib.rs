//! gilsim's runtime: the run loop that owns progress. It hands the GIL to one simulated thread
//! at a time, runs it on the VM for a slice, applies the requests threads leave with (sleep,
//! lock waits, start, join), fires timers, jumps the virtual clock to the next deadline when
//! every thread is blocked, and ends the run as CPython's interpreter exit would.
//!
//! Invariants:
//! - A run is a pure function of (program, options, strategy): the only randomness is the
//!   strategy's seeded stream and the timing noise's (`noise`, from the options' seed); ties
//!   are broken by (deadline, blocking order).
//! - The GIL policy ([`gilsim_core::Policy`]) decides *when* a switch may happen and which
//!   threads are candidates; which one runs is FIFO under `fair` and the [`strategy`]'s
//!   recorded choice under `preemptive` (and in the old GIL's re-acquire race).

mod cores;
mod detection;
mod gil_stats;
mod machine;
mod noise;
mod outcome;
mod policy;
mod prefix;
mod processes;
mod shrink;
mod steps;
pub mod strategy;
mod trace;
mod waits;

pub use gil_stats::{GilStats, ThreadGilStats};
pub use gilsim_vm::output::OutputSink;
pub use gilsim_vm::{Image, SIMULATION_STACK};
pub use machine::{run, run_streaming, run_traced, run_with};
pub use outcome::{BlockedThread, Finding, FindingKind, Outcome, SourceNote, Status, TracebackFrame};
pub use prefix::Prefix;
pub use shrink::{shrink, Measure, Shrinking, Shrunk};
pub use steps::StepRecord;
pub use trace::{Activity, Moment, Trace, TracedDecision};
