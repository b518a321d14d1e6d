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
    /// The old GIL of CPython ≤ 3.1 (python-semantics.md §1.5): the holder releases it every
    /// `check_interval` ticks and the next holder, itself included, is a seeded choice.
    Ticks,
    /// No interpreter lock (a free-threaded build, PEP 703): runnable threads run in parallel,
    /// one per core; more threads than cores take turns a switch interval at a time.
    #[serde(rename = "nogil")]
    NoGil,
}

impl Policy {
    /// The policy used when none is given: the old GIL for 2.7, the new one after, none on a
    /// free-threaded build.
    pub fn default_for(python: PythonVersion) -> Policy {
        if python.free_threaded {
            Policy::NoGil
        } else if python.has_old_gil() {
            Policy::Ticks
        } else {
            Policy::Fair
        }
    }

    /// Whether its runs draw timing noise (`--timing`): under `preemptive` and `nogil` the
    /// strategy makes every choice and nothing is drawn.
    pub fn draws_noise(self) -> bool {
        matches!(self, Policy::Fair | Policy::Ticks)
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Policy::Fair => "fair",
            Policy::Preemptive => "preemptive",
            Policy::Ticks => "ticks",
            Policy::NoGil => "nogil",
        })
    }
}

impl FromStr for Policy {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "fair" => Ok(Policy::Fair),
            "preemptive" => Ok(Policy::Preemptive),
            "ticks" => Ok(Policy::Ticks),
            "nogil" => Ok(Policy::NoGil),
            other => Err(format!("unknown policy `{other}` (use fair, preemptive, ticks or nogil)")),
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

/// How the simulated `sys.stdout` is buffered (python-semantics.md §3.4): it decides where
/// `print` releases the GIL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StdoutMode {
    /// Output redirected to a file or pipe: `print` never releases the GIL (atomic), except
    /// `flush=True`, which releases it once after the line.
    Buffered,
    /// A terminal: the GIL is released once after each write that ends a line.
    Line,
    /// `python -u`: every write (each argument, separator and end) releases the GIL.
    Unbuffered,
}

impl fmt::Display for StdoutMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StdoutMode::Buffered => "buffered",
            StdoutMode::Line => "line",
            StdoutMode::Unbuffered => "unbuffered",
        })
    }
}

impl FromStr for StdoutMode {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "buffered" => Ok(StdoutMode::Buffered),
            "line" => Ok(StdoutMode::Line),
            "unbuffered" => Ok(StdoutMode::Unbuffered),
            other => Err(format!("unknown stdout mode `{other}` (use buffered, line or unbuffered)")),
        }
    }
}

/// Whether the fair and ticks policies add the timing noise of a real machine
/// (docs/policies.md: OS wake-up latency, timer slack, drawn from the run's seed), which makes
/// racy outcomes vary over seeds as CPython's vary over runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timing {
    /// Wake-ups and timeouts late by amounts drawn from the seed.
    Noisy,
    /// Every interval and wake-up exactly on time: one outcome for every seed.
    Exact,
    /// The noise before 2026-12-04: the script's timers late by a uniform 0-50 µs, a started
    /// thread existing at once. What schedule tokens made then replay with.
    NoisyUniformSlack,
    /// The noise from 2026-12-04 to 2026-12-07: a started process existing at once, its
    /// `start()` taking no time. What schedule tokens made then replay with.
    NoisyInstantProcesses,
    /// The noise of 2026-12-07 before the old GIL's start race: under `ticks` a started
    /// thread always goes on before its parent. What schedule tokens made then replay with.
    NoisyChildFirst,
}

impl Timing {
    /// Whether delays are drawn (either model of the noise).
    pub fn is_noisy(self) -> bool {
        self != Timing::Exact
    }
}

impl fmt::Display for Timing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Timing::Noisy => "noisy",
            Timing::Exact => "exact",
            Timing::NoisyUniformSlack => "noisy-uniform-slack",
            Timing::NoisyInstantProcesses => "noisy-instant-processes",
            Timing::NoisyChildFirst => "noisy-child-first",
        })
    }
}

impl FromStr for Timing {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "noisy" => Ok(Timing::Noisy),
            "exact" => Ok(Timing::Exact),
            "noisy-uniform-slack" => Ok(Timing::NoisyUniformSlack),
            "noisy-instant-processes" => Ok(Timing::NoisyInstantProcesses),
            "noisy-child-first" => Ok(Timing::NoisyChildFirst),
            other => Err(format!("unknown timing `{other}` (use noisy or exact)")),
        }
    }
}

/// Everything besides the script and the seed that shapes a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// The script's heap may hold at most this many bytes (as gilsim estimates them); past it,
    /// allocating raises `MemoryError`.
    pub max_memory: u64,
    /// The script may write at most this many bytes (stdout and stderr together); past it,
    /// the run stops with an output-limit finding.
    pub max_output: u64,
    pub stdout: StdoutMode,
    /// `ticks` policy: ticks between GIL checks (`sys.setcheckinterval`, default 100).
    pub check_interval: u32,
    /// Run the detectors (lost updates, races, deadlocks; docs/detectors.md).
    pub detectors: bool,
    /// Keep running after a deadlock is found (the deadlocked threads stay blocked).
    pub keep_going: bool,
    /// Cores of the simulated machine (`os.cpu_count()`); threads of a process without a GIL
    /// run on as many at once.
    pub cores: u32,
    /// Timing noise under the fair and ticks policies.
    pub timing: Timing,
}

/// `--cores` unless given.
pub const DEFAULT_CORES: u32 = 4;

/// The most cores a simulated machine may have.
pub const MAX_CORES: u32 = 256;

/// Parse a size: bytes, or a number with a unit (`512MiB`, `2GB`, `64KiB`; KB, MB and GB are
/// powers of 1000, KiB, MiB and GiB of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let bad = || format!("`{text}` is not a size (e.g. 512MiB, 2GB, 1000000)");
    let number: u64 = number.parse().map_err(|_| bad())?;
    let scale: u64 = match unit.trim() {
        "" | "B" => 1,
        "KB" | "kB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        _ => return Err(bad()),
    };
    match number.checked_mul(scale) {
        Some(0) => Err(format!("`{text}`: the size must be more than 0")),
        Some(bytes) => Ok(bytes),
        None => Err(bad()),
    }
}

/// The deepest `pct` bug depth accepted (its change points are drawn up front).
pub const MAX_PCT_DEPTH: u32 = 100;

impl RunOptions {
    /// Why these options cannot make a run, if they cannot: every limit and cost positive, the
    /// Python version one gilsim models.
    pub fn validate(&self) -> Result<(), String> {
        let positive = [
            (self.switch_interval, "the switch interval"),
            (self.instruction_cost, "the instruction cost"),
            (self.max_time, "the time limit"),
            (self.max_steps, "the step limit"),
            (u64::from(self.check_interval), "the check interval"),
            (self.max_memory, "the memory limit"),
            (self.max_output, "the output limit"),
        ];
        if let Some((_, what)) = positive.iter().find(|(value, _)| *value == 0) {
            return Err(format!("{what} must be more than 0"));
        }
        if self.instruction_cost > 1_000_000_000 {
            return Err("the instruction cost must be at most 1 s".into());
        }
        if !self.python.is_supported() {
            return Err(format!("python {} is not one gilsim models", self.python));
        }
        if !(1..=MAX_CORES).contains(&self.cores) {
            return Err(format!("the machine must have 1 to {MAX_CORES} cores"));
        }
        if self.policy == Policy::NoGil && !self.python.free_threaded {
            let build = PythonVersion::DEFAULT_FREE_THREADED;
            return Err(format!("the nogil policy models a free-threaded build: use --python {build}"));
        }
        Ok(())
    }
}

/// `--max-output` unless given: 64 MiB per run.
pub const DEFAULT_MAX_OUTPUT: u64 = 64 << 20;

/// `--max-memory` unless given: 1 GiB per run.
pub const DEFAULT_MAX_MEMORY: u64 = 1 << 30;

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            seed: 0,
            policy: Policy::Fair,
            python: PythonVersion::DEFAULT,
            switch_points: SwitchPoints::Version,
            switch_interval: 5_000_000,
            instruction_cost: 8,
            max_time: 60 * NANOS_PER_SEC,
            max_steps: 2_000_000_000,
            max_memory: DEFAULT_MAX_MEMORY,
            max_output: DEFAULT_MAX_OUTPUT,
            stdout: StdoutMode::Buffered,
            check_interval: 100,
            detectors: true,
            keep_going: false,
            cores: DEFAULT_CORES,
            timing: Timing::Noisy,
        }
    }
}

impl RunOptions {
    /// True when every instruction boundary is a switch point.
    pub fn every_instruction_is_switch_point(&self) -> bool {
        self.switch_points == SwitchPoints::Every || self.python.checks_every_instruction()
    }

    /// Ticks between GIL checks when the policy is `ticks` (None otherwise).
    pub fn tick_interval(&self) -> Option<u32> {
        (self.policy == Policy::Ticks).then_some(self.check_interval.max(1))
    }
}

#[cfg(test)]
mod size_tests {
    use super::parse_size;

    #[test]
    fn sizes_with_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("512MiB"), Ok(512 << 20));
        assert_eq!(parse_size("2GB"), Ok(2_000_000_000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("-1GB").is_err());
        assert!(parse_size("1TB").is_err());
        assert!(parse_size("99999999999999GiB").is_err());
    }
}
