//! Run options: together with the script and the seed they determine a run completely.

use crate::{PythonVersion, VirtualTime, NANOS_PER_SEC};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// When the running thread may lose the GIL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// CPython 3.2+ "new GIL": a waiter requests a drop after the switch interval; FIFO hand-off.
    Fair,
    /// Every switch point is a decision point; the seeded RNG picks any runnable thread.
    Preemptive,
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Policy::Fair => "fair",
            Policy::Preemptive => "preemptive",
        })
    }
}

impl FromStr for Policy {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "fair" => Ok(Policy::Fair),
            "preemptive" => Ok(Policy::Preemptive),
            other => Err(format!("unknown policy `{other}` (use fair or preemptive)")),
        }
    }
}

/// Where switch points are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SwitchPoints {
    /// Follow the modelled CPython version (python-semantics.md §3.1).
    Version,
    /// Every instruction boundary (most adversarial; like ≤3.9 or free-threaded builds).
    Every,
}

impl FromStr for SwitchPoints {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "version" => Ok(SwitchPoints::Version),
            "every" => Ok(SwitchPoints::Every),
            other => Err(format!("unknown switch-points mode `{other}` (use version or every)")),
        }
    }
}

/// How the simulated `sys.stdout` is buffered. Only `Buffered` (print is atomic) exists so
/// far; the unbuffered mode of issue 3 will add GIL releases inside `print`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StdoutMode {
    Buffered,
}

/// Everything besides the script and the seed that shapes a run.
#[derive(Clone, Debug, Serialize)]
pub struct RunOptions {
    pub seed: u64,
    pub policy: Policy,
    pub python: PythonVersion,
    pub switch_points: SwitchPoints,
    /// `sys.getswitchinterval()` at start, in virtual nanoseconds (default 5 ms).
    pub switch_interval: VirtualTime,
    /// Virtual cost of one executed instruction, in nanoseconds.
    pub instruction_cost: VirtualTime,
    /// Stop the run when the virtual clock passes this.
    pub max_time: VirtualTime,
    /// Stop the run after this many executed instructions.
    pub max_steps: u64,
    pub stdout: StdoutMode,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            seed: 0,
            policy: Policy::Fair,
            python: PythonVersion::DEFAULT,
            switch_points: SwitchPoints::Version,
            switch_interval: 5_000_000,
            instruction_cost: 20,
            max_time: 60 * NANOS_PER_SEC,
            max_steps: 2_000_000_000,
            stdout: StdoutMode::Buffered,
        }
    }
}

impl RunOptions {
    /// True when every instruction boundary is a switch point.
    pub fn every_instruction_is_switch_point(&self) -> bool {
        self.switch_points == SwitchPoints::Every || self.python.checks_every_instruction()
    }
}
