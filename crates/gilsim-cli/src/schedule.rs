//! Schedule tokens for the command line: the script's hash, the token of a run, and the
//! strategy that replays a token.

use gilsim_core::{RunOptions, Schedule, ScheduleToken};
use gilsim_runtime::strategy::{Divergence, Follow, Pct, Pos, RandomStrategy, Replay, Strategy};
use sha2::{Digest, Sha256};

/// The first 8 bytes of the SHA-256 of the script's source.
pub fn script_hash(source: &str) -> [u8; 8] {
    let digest = Sha256::digest(source.as_bytes());
    let mut hash = [0; 8];
    hash.copy_from_slice(&digest[..8]);
    hash
}

/// Warn on `err` when `token` was recorded for another script than `source` (at `path`); the
/// command goes on (`doing`: "replaying", "shrinking") and reports any divergence.
pub fn warn_if_other_script(
    err: &mut dyn std::io::Write,
    path: &str,
    source: &str,
    token: &ScheduleToken,
    doing: &str,
) -> std::io::Result<()> {
    if token.script_hash == script_hash(source) {
        return Ok(());
    }
    writeln!(
        err,
        "gilsim: warning: `{path}` is not the script this schedule was recorded for (its hash differs); {doing} anyway"
    )
}

/// The token of a run of `source` with `options` whose decisions `schedule` made.
pub fn token(source: &str, options: &RunOptions, schedule: Schedule) -> String {
    ScheduleToken { options: options.clone(), script_hash: script_hash(source), schedule }.encode()
}

/// The strategy that makes the decisions of `schedule` from `seed`, if the schedule is a
/// seeded strategy (`random`, `pct`, `pos`) rather than recorded decisions.
pub fn seeded_strategy(schedule: &Schedule, seed: u64) -> Option<Box<dyn Strategy>> {
    match schedule {
        Schedule::Random => Some(Box::new(RandomStrategy::new(seed))),
        Schedule::Pct { depth, steps } => Some(Box::new(Pct::new(seed, *depth, *steps))),
        Schedule::Pos => Some(Box::new(Pos::new(seed))),
        Schedule::PosOneBand => Some(Box::new(Pos::one_band(seed))),
        Schedule::Deviations { .. } => None,
    }
}

/// The strategy that makes a recorded run's decisions again.
pub enum Replayer {
    Seeded(Box<dyn Strategy>),
    /// Follows recorded deviations and can tell where the run diverged from them.
    Recorded(Replay),
    /// Follows a trace's decisions, checking each one's candidates.
    Traced(Follow),
}

impl Replayer {
    pub fn new(token: &ScheduleToken) -> Replayer {
        match &token.schedule {
            Schedule::Deviations { total, deviations } => Replayer::Recorded(Replay::new(*total, deviations.clone())),
            seeded => Replayer::Seeded(
                seeded_strategy(seeded, token.options.seed).expect("every schedule but deviations is seeded"),
            ),
        }
    }

    pub fn strategy(&mut self) -> &mut dyn Strategy {
        match self {
            Replayer::Seeded(s) => s.as_mut(),
            Replayer::Recorded(r) => r,
            Replayer::Traced(f) => f,
        }
    }

    /// Where the replayed run stopped matching its record (seeded schedules cannot tell).
    pub fn divergence(&self) -> Option<Divergence> {
        match self {
            Replayer::Seeded(_) => None,
            Replayer::Recorded(r) => r.divergence(),
            Replayer::Traced(f) => f.divergence(),
        }
    }
}
