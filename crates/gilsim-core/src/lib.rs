//! Shared vocabulary of gilsim: the modelled CPython version, GIL policies, virtual time,
//! the run's single seeded random source, and the options that (with the script and the
//! seed) fully determine a run.
//!
//! Invariant: nothing in here reads the wall clock, the environment, or an address; every
//! type is plain data so that a run stays a pure function of (script, options, seed).

mod options;
mod rng;
mod time;
mod token;
mod version;

pub use options::{
    parse_size, Policy, RunOptions, StdoutMode, SwitchPoints, Timing, DEFAULT_CORES, DEFAULT_MAX_MEMORY,
    DEFAULT_MAX_OUTPUT, MAX_CORES, MAX_PCT_DEPTH,
};
pub use rng::SimRng;
pub use time::{parse_duration, VirtualTime, NANOS_PER_SEC};
pub use token::{Schedule, ScheduleToken, TokenError};
pub use version::PythonVersion;
