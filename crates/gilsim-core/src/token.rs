//! Schedule tokens: one run — its options, a hash of its script and every scheduling decision
//! — as a compact, copy-pasteable string (`gs1_…`), so that a run found by `explore` can be
//! replayed or shrunk anywhere.
//!
//! Layout (then base64url without padding, after the `gs1_` version prefix): python major and
//! minor, policy, switch points, stdout mode and flags (one byte each); seed, switch interval,
//! instruction cost, max time, max steps and check interval (LEB128 varints); the memory limit
//! when flag 4 says it is not the default, the output limit (flag 8) and the cores (flag 16)
//! likewise; flag 32 marks a free-threaded build, flag 64 timing noise, flag 128 the noise
//! model of 2026-12-04 on (tokens made before these flags existed decode as they always
//! did); the first 8 bytes of the script's SHA-256 (computed by the caller); then the
//! [`Schedule`]: a kind byte and its varints; last, for the noise of 2026-12-07 on
//! (processes take time to start), the noise revision byte, absent in the tokens made
//! before: 1 for that noise as first released (under `ticks` a started thread always went on
//! before its parent), 2 for the current one. A schedule is never the raw list of decisions —
//! a preemptive run makes one at nearly every instruction — but the strategy that made them
//! (random, pct and pos are pure functions of the seed), or, for schedules built by search
//! and shrinking, only the decisions that differ from the default (keep running the current
//! thread; else the first candidate).
//!
//! Invariant: `decode(encode(t)) == t` for every token, and decoding malformed text is an
//! error, never a panic.

use crate::{
    Policy, PythonVersion, RunOptions, StdoutMode, SwitchPoints, Timing, DEFAULT_CORES, DEFAULT_MAX_MEMORY,
    DEFAULT_MAX_OUTPUT, MAX_PCT_DEPTH,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

const PREFIX: &str = "gs1_";

/// The last byte of a token of the current timing noise (processes take time to start, from
/// 2026-12-07; under `ticks` a started thread's parent may go on first, from its revision 2);
/// tokens of the noise before it end with their schedule.
const NOISE_REVISION: u8 = 2;

/// The revision byte of the noise of 2026-12-07 as first released ([`Timing::NoisyChildFirst`]).
const NOISE_REVISION_CHILD_FIRST: u8 = 1;

/// How a run's scheduling decisions were made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Schedule {
    /// The `random` strategy from the options' seed.
    Random,
    /// The `pct` strategy from the options' seed.
    Pct { depth: u32, steps: u64 },
    /// The `pos` strategy from the options' seed.
    Pos,
    /// `pos` as gilsim ran it before threads dropped at a lock formed a band of their own:
    /// what tokens recorded then replay with.
    PosOneBand,
    /// `total` decisions, each the default except at the listed (decision index, choice).
    Deviations { total: u64, deviations: Vec<(u64, u32)> },
}

/// A recorded run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleToken {
    pub options: RunOptions,
    /// The first 8 bytes of the script's SHA-256.
    pub script_hash: [u8; 8],
    pub schedule: Schedule,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("not a gilsim schedule token (they start with `{PREFIX}`)")]
    Prefix,
    #[error("the schedule token is not valid base64url")]
    Encoding,
    #[error("the schedule token is cut short or corrupted ({0})")]
    Corrupt(&'static str),
}

impl ScheduleToken {
    pub fn encode(&self) -> String {
        let o = &self.options;
        // Where nothing is drawn the noise models are one: no flag 128 or revision, and the
        // token decodes as `noisy`.
        let revision = match o.timing {
            Timing::Noisy => Some(NOISE_REVISION),
            Timing::NoisyChildFirst => Some(NOISE_REVISION_CHILD_FIRST),
            _ => None,
        }
        .filter(|_| o.policy.draws_noise());
        let mut bytes = vec![
            o.python.major,
            o.python.minor,
            match o.policy {
                Policy::Fair => 0,
                Policy::Preemptive => 1,
                Policy::Ticks => 2,
                Policy::NoGil => 3,
            },
            match o.switch_points {
                SwitchPoints::Version => 0,
                SwitchPoints::Every => 1,
            },
            match o.stdout {
                StdoutMode::Buffered => 0,
                StdoutMode::Line => 1,
                StdoutMode::Unbuffered => 2,
            },
            u8::from(o.detectors)
                | (u8::from(o.keep_going) << 1)
                | (u8::from(o.max_memory != DEFAULT_MAX_MEMORY) << 2)
                | (u8::from(o.max_output != DEFAULT_MAX_OUTPUT) << 3)
                | (u8::from(o.cores != DEFAULT_CORES) << 4)
                | (u8::from(o.python.free_threaded) << 5)
                | (u8::from(o.timing.is_noisy()) << 6)
                | (u8::from(revision.is_some() || o.timing == Timing::NoisyInstantProcesses) << 7),
        ];
        for n in [o.seed, o.switch_interval, o.instruction_cost, o.max_time, o.max_steps, u64::from(o.check_interval)] {
            put_varint(&mut bytes, n);
        }
        if o.max_memory != DEFAULT_MAX_MEMORY {
            put_varint(&mut bytes, o.max_memory);
        }
        if o.max_output != DEFAULT_MAX_OUTPUT {
            put_varint(&mut bytes, o.max_output);
        }
        if o.cores != DEFAULT_CORES {
            put_varint(&mut bytes, u64::from(o.cores));
        }
        bytes.extend_from_slice(&self.script_hash);
        match &self.schedule {
            Schedule::Random => bytes.push(0),
            Schedule::Pct { depth, steps } => {
                bytes.push(1);
                put_varint(&mut bytes, u64::from(*depth));
                put_varint(&mut bytes, *steps);
            }
            Schedule::PosOneBand => bytes.push(3),
            Schedule::Pos => bytes.push(4),
            Schedule::Deviations { total, deviations } => {
                bytes.push(2);
                put_varint(&mut bytes, *total);
                put_varint(&mut bytes, deviations.len() as u64);
                // Gaps between decision indices keep the varints short.
                let mut last = 0;
                for &(at, choice) in deviations {
                    put_varint(&mut bytes, at - last);
                    put_varint(&mut bytes, u64::from(choice));
                    last = at;
                }
            }
        }
        if let Some(revision) = revision {
            bytes.push(revision);
        }
        format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn decode(text: &str) -> Result<ScheduleToken, TokenError> {
        let body = text.trim().strip_prefix(PREFIX).ok_or(TokenError::Prefix)?;
        let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| TokenError::Encoding)?;
        let mut r = Reader { bytes: &bytes, at: 0 };
        let (major, minor) = (r.byte()?, r.byte()?);
        let policy = match r.byte()? {
            0 => Policy::Fair,
            1 => Policy::Preemptive,
            2 => Policy::Ticks,
            3 => Policy::NoGil,
            _ => return Err(TokenError::Corrupt("unknown policy")),
        };
        let switch_points = match r.byte()? {
            0 => SwitchPoints::Version,
            1 => SwitchPoints::Every,
            _ => return Err(TokenError::Corrupt("unknown switch points")),
        };
        let stdout = match r.byte()? {
            0 => StdoutMode::Buffered,
            1 => StdoutMode::Line,
            2 => StdoutMode::Unbuffered,
            _ => return Err(TokenError::Corrupt("unknown stdout mode")),
        };
        let flags = r.byte()?;
        // Flag 128 (the current noise) means nothing without 64 (noise).
        if flags & 0b1100_0000 == 0b1000_0000 {
            return Err(TokenError::Corrupt("unknown flags"));
        }
        let python = PythonVersion { major, minor, free_threaded: flags & 32 != 0 };
        if !python.is_supported() {
            return Err(TokenError::Corrupt("unknown Python version"));
        }
        let mut options = RunOptions {
            python,
            policy,
            switch_points,
            stdout,
            detectors: flags & 1 != 0,
            keep_going: flags & 2 != 0,
            seed: r.varint()?,
            switch_interval: r.varint()?,
            instruction_cost: r.varint()?,
            max_time: r.varint()?,
            max_steps: r.varint()?,
            check_interval: u32::try_from(r.varint()?).map_err(|_| TokenError::Corrupt("check interval"))?,
            max_memory: DEFAULT_MAX_MEMORY,
            max_output: DEFAULT_MAX_OUTPUT,
            cores: DEFAULT_CORES,
            // Tokens made before the noise existed replay the exact model they ran, and those
            // made before 2026-12-04 and 2026-12-07 the noise of then (the revision byte, read
            // last, tells the current noise).
            timing: match (flags & 64 != 0, flags & 128 != 0) {
                (false, _) => Timing::Exact,
                (true, false) if policy.draws_noise() => Timing::NoisyUniformSlack,
                (true, true) if policy.draws_noise() => Timing::NoisyInstantProcesses,
                (true, _) => Timing::Noisy,
            },
        };
        if flags & 4 != 0 {
            options.max_memory = r.varint()?;
        }
        if flags & 8 != 0 {
            options.max_output = r.varint()?;
        }
        if flags & 16 != 0 {
            options.cores = u32::try_from(r.varint()?).map_err(|_| TokenError::Corrupt("cores"))?;
        }
        if options.validate().is_err() {
            return Err(TokenError::Corrupt("run options out of range"));
        }
        let mut script_hash = [0; 8];
        for byte in &mut script_hash {
            *byte = r.byte()?;
        }
        let schedule = match r.byte()? {
            0 => Schedule::Random,
            1 => {
                let depth = u32::try_from(r.varint()?).ok().filter(|d| (1..=MAX_PCT_DEPTH).contains(d));
                let depth = depth.ok_or(TokenError::Corrupt("pct depth"))?;
                let steps = r.varint()?;
                if steps == 0 {
                    return Err(TokenError::Corrupt("pct steps"));
                }
                Schedule::Pct { depth, steps }
            }
            2 => {
                let total = r.varint()?;
                let count = r.varint()?;
                let mut deviations = Vec::new();
                let mut at = 0u64;
                for _ in 0..count {
                    at = at.checked_add(r.varint()?).ok_or(TokenError::Corrupt("decision index"))?;
                    let choice = u32::try_from(r.varint()?).map_err(|_| TokenError::Corrupt("choice"))?;
                    if at >= total || deviations.last().is_some_and(|&(prev, _)| prev >= at) {
                        return Err(TokenError::Corrupt("decision index"));
                    }
                    deviations.push((at, choice));
                }
                Schedule::Deviations { total, deviations }
            }
            3 => Schedule::PosOneBand,
            4 => Schedule::Pos,
            _ => return Err(TokenError::Corrupt("unknown schedule kind")),
        };
        if r.at < bytes.len() {
            let revision = r.byte()?;
            if options.timing != Timing::NoisyInstantProcesses {
                return Err(TokenError::Corrupt("unknown noise revision"));
            }
            options.timing = match revision {
                NOISE_REVISION => Timing::Noisy,
                NOISE_REVISION_CHILD_FIRST => Timing::NoisyChildFirst,
                _ => return Err(TokenError::Corrupt("unknown noise revision")),
            };
        }
        if r.at != bytes.len() {
            return Err(TokenError::Corrupt("trailing bytes"));
        }
        Ok(ScheduleToken { options, script_hash, schedule })
    }
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, TokenError> {
        let b = *self.bytes.get(self.at).ok_or(TokenError::Corrupt("too short"))?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, TokenError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(TokenError::Corrupt("varint too long"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(schedule: Schedule) -> ScheduleToken {
        let options = RunOptions {
            seed: 1234,
            policy: Policy::Preemptive,
            python: PythonVersion::new(3, 9),
            switch_points: SwitchPoints::Every,
            stdout: StdoutMode::Unbuffered,
            keep_going: true,
            ..RunOptions::default()
        };
        ScheduleToken { options, script_hash: [1, 2, 3, 4, 5, 6, 7, 8], schedule }
    }

    fn schedules() -> Vec<Schedule> {
        vec![
            Schedule::Random,
            Schedule::Pct { depth: 3, steps: 123_456 },
            Schedule::Pos,
            Schedule::PosOneBand,
            Schedule::Deviations { total: 0, deviations: vec![] },
            Schedule::Deviations { total: 5_000_000, deviations: vec![(0, 1), (17, 0), (4_999_999, 7)] },
        ]
    }

    #[test]
    fn round_trips() {
        for (schedule, timing) in schedules().into_iter().zip([Timing::Noisy, Timing::Exact].into_iter().cycle()) {
            let mut t = token(schedule);
            t.options.timing = timing;
            let text = t.encode();
            assert!(text.starts_with("gs1_"), "{text}");
            assert_eq!(ScheduleToken::decode(&text), Ok(t));
        }
    }

    #[test]
    fn free_threaded_runs_on_more_cores_round_trip_and_older_tokens_keep_their_meaning_and_timing() {
        let mut t = token(Schedule::Random);
        t.options.python = PythonVersion::free_threaded(3, 13);
        t.options.policy = Policy::NoGil;
        t.options.cores = 16;
        assert_eq!(ScheduleToken::decode(&t.encode()), Ok(t));
        // A token printed before flags 16 and 32 existed (the ticket-selling scenario's snapshot).
        let old = "gs1_AwkBAAABAcCWsQIUgNiO4W-AqNa5B2REijbY0y1mFgA";
        let decoded = ScheduleToken::decode(old).unwrap();
        assert_eq!(decoded.options.python, PythonVersion::new(3, 9));
        assert_eq!(decoded.options.policy, Policy::Preemptive);
        assert_eq!(decoded.options.cores, DEFAULT_CORES);
        assert_eq!(decoded.options.timing, Timing::Exact, "made before the timing noise: the exact model");
        assert_eq!(decoded.encode(), old);
    }

    #[test]
    fn tokens_made_before_the_noise_of_2026_12_04_replay_the_noise_of_then() {
        // `gilsim run --seed 1 --format json` of a two-sleeper script, before the noise gave
        // the script's timers their whole slack and threads their creation time.
        let old = "gs1_AwsAAABBAcCWsQIIgLCdwt8BgKjWuQdkD5T05x3XIHQA";
        let decoded = ScheduleToken::decode(old).unwrap();
        assert_eq!(decoded.options.timing, Timing::NoisyUniformSlack);
        assert_eq!(decoded.encode(), old);
        let mut now = decoded;
        now.options.timing = Timing::Noisy;
        let text = now.encode();
        assert_ne!(text, old);
        assert_eq!(ScheduleToken::decode(&text), Ok(now));
        // Flag 128 alone is not a token gilsim made.
        let mut bytes = URL_SAFE_NO_PAD.decode(&old[PREFIX.len()..]).unwrap();
        bytes[5] = (bytes[5] & !0b0100_0000) | 0b1000_0000;
        let forged = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(&bytes));
        assert!(ScheduleToken::decode(&forged).is_err(), "{forged}");
    }

    #[test]
    fn tokens_made_before_the_noise_of_2026_12_07_replay_processes_starting_at_once() {
        // A noisy run's token as gilsim wrote them from 2026-12-04 to 2026-12-07: flags 64 and
        // 128, the schedule last.
        let mut then = token(Schedule::Random);
        then.options.policy = Policy::Fair;
        then.options.timing = Timing::NoisyInstantProcesses;
        let old = then.encode();
        let decoded = ScheduleToken::decode(&old).unwrap();
        assert_eq!(decoded.options.timing, Timing::NoisyInstantProcesses);
        assert_eq!(decoded.encode(), old);
        let mut now = decoded;
        now.options.timing = Timing::Noisy;
        let text = now.encode();
        let bytes_of = |t: &str| URL_SAFE_NO_PAD.decode(&t[PREFIX.len()..]).unwrap();
        let old_bytes = bytes_of(&old);
        assert_eq!(bytes_of(&text), [old_bytes.as_slice(), &[NOISE_REVISION]].concat(), "the revision byte last");
        assert_eq!(ScheduleToken::decode(&text), Ok(now));
        // No revision past the current one exists, and none where no noise is drawn.
        let corrupt =
            |bytes: Vec<u8>| ScheduleToken::decode(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))).is_err();
        assert!(corrupt([old_bytes.as_slice(), &[NOISE_REVISION + 1]].concat()), "an unknown revision");
        let preemptive = bytes_of(&token(Schedule::Random).encode());
        assert!(corrupt([preemptive.as_slice(), &[NOISE_REVISION]].concat()), "a revision where nothing is drawn");
    }

    #[test]
    fn tokens_of_the_first_revision_replay_the_started_thread_going_on_first() {
        // A `ticks` run's token as gilsim wrote them on 2026-12-07 before the start race:
        // flags 64 and 128, then the schedule and the revision byte 1.
        let mut then = token(Schedule::Random);
        then.options.python = PythonVersion::new(2, 7);
        then.options.policy = Policy::Ticks;
        then.options.timing = Timing::NoisyChildFirst;
        let old = then.encode();
        let bytes = URL_SAFE_NO_PAD.decode(&old[PREFIX.len()..]).unwrap();
        assert_eq!(bytes.last(), Some(&1), "revision 1 last");
        let decoded = ScheduleToken::decode(&old).unwrap();
        assert_eq!(decoded.options.timing, Timing::NoisyChildFirst);
        assert_eq!(decoded.encode(), old);
        let mut now = decoded;
        now.options.timing = Timing::Noisy;
        let text = now.encode();
        assert_eq!(URL_SAFE_NO_PAD.decode(&text[PREFIX.len()..]).unwrap().last(), Some(&NOISE_REVISION));
        assert_eq!(ScheduleToken::decode(&text), Ok(now));
    }

    #[test]
    fn a_schedule_with_few_preemptions_is_short_however_long_the_run() {
        let text = token(Schedule::Deviations { total: 5_000_000, deviations: vec![(10, 1), (2_000_000, 1)] }).encode();
        assert!(text.len() < 70, "{} chars: {text}", text.len());
    }

    #[test]
    fn malformed_tokens_are_errors_not_panics() {
        assert_eq!(ScheduleToken::decode("xyz"), Err(TokenError::Prefix));
        assert_eq!(ScheduleToken::decode("gs1_***"), Err(TokenError::Encoding));
        for schedule in schedules() {
            let good = token(schedule).encode();
            for cut in 4..good.len() {
                let _ = ScheduleToken::decode(&good[..cut]);
            }
            assert!(ScheduleToken::decode(&format!("{good}AA")).is_err());
        }
    }
}
