//! `follow`: replay a run from its trace (`gilsim replay --trace FILE`). Each recorded
//! decision names its kind and candidates, so the replay checks every decision point against
//! the record, not only the count: the first decision where the run offers other threads (a
//! changed script, other options) is reported as the divergence, with both candidate lists.
//! The run goes on: the recorded thread if it can run, else the default choice.

use super::{default_choice, Decision, DecisionKind, Divergence, Strategy};
use gilsim_detect::ThreadId;

/// One recorded decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedDecision {
    pub kind: DecisionKind,
    pub candidates: Vec<ThreadId>,
    pub chosen: u32,
}

pub struct Follow {
    record: Vec<RecordedDecision>,
    /// Thread names from the record, by id (for the divergence report).
    names: Vec<String>,
    decisions: usize,
    divergence: Option<Divergence>,
}

impl Follow {
    pub fn new(record: Vec<RecordedDecision>, names: Vec<String>) -> Follow {
        Follow { record, names, decisions: 0, divergence: None }
    }

    /// The first divergence, including a run that made fewer decisions than recorded.
    pub fn divergence(&self) -> Option<Divergence> {
        if let Some(d) = &self.divergence {
            return Some(d.clone());
        }
        (self.decisions < self.record.len()).then(|| Divergence {
            decision: self.decisions as u64,
            reason: format!("the run ended after {} decisions; the trace has {}", self.decisions, self.record.len()),
        })
    }

    fn named(&self, threads: &[ThreadId]) -> String {
        let names: Vec<String> =
            threads.iter().map(|&t| self.names.get(t).cloned().unwrap_or_else(|| format!("thread #{t}"))).collect();
        format!("[{}]", names.join(", "))
    }

    fn diverge(&mut self, reason: String) {
        if self.divergence.is_none() {
            self.divergence = Some(Divergence { decision: self.decisions as u64, reason });
        }
    }
}

impl Strategy for Follow {
    fn choose(&mut self, decision: &Decision<'_>) -> usize {
        let at = self.decisions;
        let Some(recorded) = self.record.get(at) else {
            self.diverge(format!("the trace has {} decisions; the run asks for more", self.record.len()));
            self.decisions += 1;
            return default_choice(decision);
        };
        // The recorded thread, if it can run here.
        let wanted = recorded.candidates.get(recorded.chosen as usize).copied();
        if recorded.kind != decision.kind || recorded.candidates != decision.candidates {
            let reason = format!(
                "the trace chose among {} ({}), the run offers {} ({})",
                self.named(&recorded.candidates),
                recorded.kind.as_str(),
                self.named(decision.candidates),
                decision.kind.as_str()
            );
            self.diverge(reason);
        }
        self.decisions += 1;
        wanted
            .and_then(|t| decision.candidates.iter().position(|&c| c == t))
            .unwrap_or_else(|| default_choice(decision))
    }
}
