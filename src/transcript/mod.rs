//! The saved-session model: one YAML file per session, written atomically
//! after every answer so that nothing but the answer being typed can be lost.

pub mod lock;
mod store;
mod views;

pub use lock::SessionLock;
pub use store::{check_writable, hold_saves, Store, MAX_TRANSCRIPT_BYTES};
pub use views::{SessionInfo, StepTime};

use crate::framework::StepId;
use crate::grading::{Answer, Band, Grade, Level};

pub use crate::grading::scorecard::Rating;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Current transcript format version.
pub const VERSION: u32 = 1;

/// Most seconds a step may claim (about 31 years): a bound that keeps the
/// clock arithmetic of a resumed session far from overflowing.
pub const MAX_STEP_SECONDS: u64 = 1_000_000_000;

/// Who ran the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A candidate practising alone.
    Solo,
    /// An interviewer running the session for a peer.
    Peer,
}

impl Mode {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Solo => "solo",
            Mode::Peer => "peer",
        }
    }
}

/// A clarifying question and the interviewer's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    pub question: String,
    pub answer: String,
    /// Id of the fact revealed, if the question matched one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
}

/// A follow-up the interviewer asked and the reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeReply {
    pub ask: String,
    /// Counter-question bank id, when the probe comes from the bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub reply: String,
}

/// Everything recorded for one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    pub step: StepId,
    #[serde(default)]
    pub answer: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Exchange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probes: Vec<ProbeReply>,
    /// Hints shown, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// Seconds spent on the step.
    #[serde(default)]
    pub seconds: u64,
    #[serde(default)]
    pub done: bool,
    #[serde(default)]
    pub skipped: bool,
    /// Peer mode: the interviewer's view of this step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer: Option<PeerStep>,
}

/// Peer mode, per step: checklist, facts revealed, flags seen, notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerStep {
    /// Rubric topic ids ticked as covered.
    #[serde(default)]
    pub ticked: Vec<String>,
    /// Fact ids revealed to the candidate.
    #[serde(default)]
    pub revealed: Vec<String>,
    /// Red and green flag ids observed.
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

/// Peer mode, for the whole session: who, ratings and recommendation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerSession {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate: Option<String>,
    /// Ratings 1-4 of the four dimensions with a justification each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<Band>,
    #[serde(default)]
    pub notes: String,
}

/// The grade stored when the session was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedGrade {
    pub score: u32,
    pub band: Band,
    /// Step id and score, in interview order.
    pub steps: Vec<(StepId, u32)>,
    pub graded_at: DateTime<FixedOffset>,
}

impl SavedGrade {
    /// The summary of a grade.
    pub fn from_grade(g: &Grade, at: DateTime<FixedOffset>) -> SavedGrade {
        SavedGrade {
            score: g.score,
            band: g.band,
            steps: g.steps.iter().map(|s| (s.id, s.score)).collect(),
            graded_at: at,
        }
    }
}

/// A saved session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transcript {
    pub version: u32,
    pub problem: String,
    pub mode: Mode,
    pub started: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    /// False until the last step is done; `--resume` continues unfinished ones.
    pub finished: bool,
    /// Total minutes the step budgets are scaled to.
    pub minutes: u32,
    #[serde(default = "yes")]
    pub timer: bool,
    /// Seed of the follow-up choice, so a resumed session asks the same.
    #[serde(default)]
    pub seed: u64,
    /// The seven steps in interview order: checked on load, so that code
    /// indexing a step by its id never meets a short or shuffled list.
    #[serde(deserialize_with = "seven_steps")]
    pub steps: Vec<StepRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<SavedGrade>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer: Option<PeerSession>,
    /// Whether the interviewer throws a curveball in the deep dive
    /// (`--no-curveball` turns it off).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub curveballs: bool,
    /// The curveball the interviewer threw and the candidate's reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curveball: Option<CurveballReply>,
    /// The level the candidate is judged at (`--level`); re-grades use it.
    #[serde(default, skip_serializing_if = "is_new_grad")]
    pub level: Level,
}

fn is_new_grad(l: &Level) -> bool {
    *l == Level::default()
}

fn is_true(b: &bool) -> bool {
    *b
}

/// A change of requirement thrown in during the deep dive, and the reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurveballReply {
    /// The curveball's id in the problem file.
    pub id: String,
    /// What the interviewer said.
    pub say: String,
    #[serde(default)]
    pub reply: String,
}

fn yes() -> bool {
    true
}

/// Reads the step list and refuses anything but the seven steps in order.
fn seven_steps<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<StepRecord>, D::Error> {
    let steps = Vec::<StepRecord>::deserialize(d)?;
    check_steps(steps.iter().map(|s| s.step)).map_err(serde::de::Error::custom)?;
    if let Some(s) = steps.iter().find(|s| s.seconds > MAX_STEP_SECONDS) {
        return Err(serde::de::Error::custom(format!(
            "step `{}` claims {} seconds, more than the {MAX_STEP_SECONDS} a transcript may hold",
            s.step.as_str(),
            s.seconds
        )));
    }
    Ok(steps)
}

/// Checks that step ids are the seven of the framework, in interview order;
/// the error says what is wrong and what a transcript holds.
pub fn check_steps(ids: impl IntoIterator<Item = StepId>) -> Result<(), String> {
    let ids: Vec<StepId> = ids.into_iter().collect();
    let expected: Vec<&str> = StepId::ALL.iter().map(|s| s.as_str()).collect();
    if ids.len() != StepId::ALL.len() {
        return Err(format!(
            "`steps` holds {} step(s) where a transcript has all seven ({}): the file is truncated or was edited by hand",
            ids.len(),
            expected.join(", ")
        ));
    }
    match ids.iter().zip(StepId::ALL).position(|(a, b)| *a != b) {
        None => Ok(()),
        Some(i) => Err(format!(
            "step {} is `{}` where `{}` belongs: the steps must be {} in this order",
            i + 1,
            ids[i].as_str(),
            expected[i],
            expected.join(", ")
        )),
    }
}

impl Transcript {
    /// A new, empty session.
    pub fn new(
        problem: &str,
        mode: Mode,
        minutes: u32,
        timer: bool,
        seed: u64,
        now: DateTime<FixedOffset>,
    ) -> Transcript {
        Transcript {
            version: VERSION,
            problem: problem.to_string(),
            mode,
            started: now,
            updated: now,
            finished: false,
            minutes,
            timer,
            seed,
            steps: StepId::ALL
                .iter()
                .map(|&step| StepRecord {
                    step,
                    answer: String::new(),
                    questions: Vec::new(),
                    probes: Vec::new(),
                    hints: Vec::new(),
                    seconds: 0,
                    done: false,
                    skipped: false,
                    peer: None,
                })
                .collect(),
            grade: None,
            peer: None,
            curveballs: true,
            curveball: None,
            level: Level::default(),
        }
    }

    /// The record of a step.
    pub fn step(&self, id: StepId) -> &StepRecord {
        &self.steps[id.index()]
    }

    /// The record of a step, mutably.
    pub fn step_mut(&mut self, id: StepId) -> &mut StepRecord {
        &mut self.steps[id.index()]
    }

    /// The first step not yet done.
    pub fn next_step(&self) -> Option<StepId> {
        self.steps.iter().find(|s| !s.done).map(|s| s.step)
    }

    /// Budget of a step in seconds, scaled to the session's minutes.
    pub fn budget_secs(&self, id: StepId) -> u64 {
        u64::from(id.info().minutes) * u64::from(self.minutes) * 60
            / u64::from(crate::framework::total_minutes())
    }

    /// Marks a step done; returns (seconds over, budget) when the timer is
    /// on and the step ran over its budget.
    pub fn finish_step(&mut self, id: StepId) -> Option<(u64, u64)> {
        let rec = self.step_mut(id);
        rec.done = true;
        let used = rec.seconds;
        let budget = self.budget_secs(id);
        (self.timer && used > budget).then(|| (used - budget, budget))
    }

    /// Total seconds spent (saturating: the figures come from a file).
    pub fn seconds(&self) -> u64 {
        self.steps
            .iter()
            .fold(0u64, |sum, s| sum.saturating_add(s.seconds))
    }

    /// True while nothing has been recorded: no answer, question, probe,
    /// hint, finished or skipped step, peer note, tick or rating. Time alone
    /// does not count, so a session whose input ended at once saves nothing.
    pub fn is_blank(&self) -> bool {
        let steps_blank = self.steps.iter().all(|s| {
            s.answer.trim().is_empty()
                && s.questions.is_empty()
                && s.probes.is_empty()
                && s.hints.is_empty()
                && !s.done
                && !s.skipped
                && s.peer.as_ref().is_none_or(|p| {
                    p.ticked.is_empty()
                        && p.revealed.is_empty()
                        && p.flags.is_empty()
                        && p.notes.trim().is_empty()
                })
        });
        let session_blank = self.peer.as_ref().is_none_or(|p| {
            p.ratings.is_empty() && p.recommendation.is_none() && p.notes.trim().is_empty()
        });
        steps_blank && session_blank && !self.finished && self.grade.is_none()
    }

    /// The answer to grade: each step's text with the questions asked and
    /// the follow-up replies, so they earn credit too.
    pub fn answer(&self) -> Answer {
        let steps = std::array::from_fn(|i| {
            let r = &self.steps[i];
            let mut text = String::new();
            for q in &r.questions {
                text.push_str(&format!("Q: {}\n", q.question.trim()));
            }
            if !r.answer.trim().is_empty() {
                text.push_str(r.answer.trim_end());
                text.push_str("\n\n");
            }
            for p in &r.probes {
                text.push_str(p.reply.trim_end());
                text.push_str("\n\n");
            }
            text
        });
        Answer::from_steps(Some(self.problem.clone()), steps)
    }

    /// Fact ids revealed in the session, over all steps.
    pub fn revealed_facts(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .steps
            .iter()
            .flat_map(|s| {
                s.questions
                    .iter()
                    .filter_map(|q| q.fact.clone())
                    .chain(s.peer.iter().flat_map(|p| p.revealed.clone()))
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// What the session adds to the answer for grading: hints used, facts
    /// revealed, and replies to follow-ups from the counter-question bank.
    pub fn extras(&self) -> crate::grading::Extras {
        crate::grading::Extras {
            hints: self.hints(),
            revealed: Some(self.revealed_facts()),
            follow_ups: self
                .steps
                .iter()
                .flat_map(|s| &s.probes)
                .filter_map(|p| {
                    p.question
                        .clone()
                        .map(|q| (p.ask.clone(), q, p.reply.clone()))
                })
                .collect(),
            curveball: self
                .curveball
                .as_ref()
                .map(|c| (c.id.clone(), c.reply.clone())),
        }
    }

    /// Hints used per step.
    pub fn hints(&self) -> [u32; 7] {
        std::array::from_fn(|i| self.steps[i].hints.len() as u32)
    }

    /// Reads a transcript, checking its version.
    pub fn from_yaml(text: &str, file: &str) -> crate::Result<Transcript> {
        use crate::catalog::depth::{too_deep, MAX_FLOW_DEPTH};
        if let Some((line, column)) = too_deep(text, MAX_FLOW_DEPTH) {
            return Err(crate::Error::Transcript(format!(
                "{file}:{line}:{column}: `[` and `{{` nest more than {MAX_FLOW_DEPTH} levels deep: this is not a transcript sdcoach wrote"
            )));
        }
        #[derive(Deserialize)]
        struct Probe {
            version: Option<u32>,
        }
        let probe: Probe = serde_yaml::from_str(text).map_err(|e| yaml_error(e, file))?;
        match probe.version {
            Some(VERSION) => {}
            Some(v) if v > VERSION => {
                return Err(crate::Error::Transcript(format!(
                    "{file}: transcript version {v} is newer than this sdcoach understands ({VERSION}): upgrade sdcoach"
                )))
            }
            Some(v) => {
                return Err(crate::Error::Transcript(format!(
                    "{file}: transcript version {v} is not supported (this sdcoach reads version {VERSION})"
                )))
            }
            None => {
                return Err(crate::Error::Transcript(format!(
                    "{file}: no `version` field: this is not an sdcoach transcript"
                )))
            }
        }
        serde_yaml::from_str(text).map_err(|e| yaml_error(e, file))
    }

    /// The transcript as YAML.
    pub fn to_yaml(&self) -> String {
        serde_yaml::to_string(self).unwrap_or_default()
    }
}

fn yaml_error(e: serde_yaml::Error, file: &str) -> crate::Error {
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    match e.location() {
        Some(l) => crate::Error::Transcript(format!("{file}:{}:{}: {msg}", l.line(), l.column())),
        None => crate::Error::Transcript(format!("{file}: {msg}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("valid date")
    }

    #[test]
    fn round_trips_through_yaml() {
        let mut t = Transcript::new("twitter", Mode::Solo, 55, true, 7, at());
        t.step_mut(StepId::Requirements).questions.push(Exchange {
            question: "How many users?".into(),
            answer: "100M DAU".into(),
            fact: Some("scale".into()),
        });
        t.step_mut(StepId::Requirements).done = true;
        let back = Transcript::from_yaml(&t.to_yaml(), "t.yaml").expect("parses");
        assert_eq!(back, t);
        assert_eq!(back.next_step(), Some(StepId::Functional));
        assert_eq!(back.revealed_facts(), vec!["scale".to_string()]);
    }

    #[test]
    fn budgets_scale_with_minutes() {
        let t = Transcript::new("twitter", Mode::Solo, 110, true, 0, at());
        assert_eq!(t.budget_secs(StepId::DeepDive), 40 * 60);
        let t = Transcript::new("twitter", Mode::Solo, 55, true, 0, at());
        assert_eq!(t.budget_secs(StepId::Requirements), 5 * 60);
    }

    #[test]
    fn versions_are_checked() {
        let t = Transcript::new("twitter", Mode::Solo, 55, true, 0, at());
        let newer = t.to_yaml().replace("version: 1", "version: 9");
        let err = Transcript::from_yaml(&newer, "x.yaml").expect_err("newer fails");
        assert!(err.to_string().contains("upgrade sdcoach"));
        let err = Transcript::from_yaml("problem: x\n", "x.yaml").expect_err("no version");
        assert!(err.to_string().contains("not an sdcoach transcript"));
    }

    #[test]
    fn short_shuffled_and_overlong_step_lists_are_refused() {
        let t = Transcript::new("twitter", Mode::Solo, 55, true, 0, at());
        let yaml = t.to_yaml();
        let cut = yaml.find("- step: functional").expect("second step");
        let err = Transcript::from_yaml(&yaml[..cut], "x.yaml").expect_err("one step");
        let msg = err.to_string();
        assert!(msg.starts_with("x.yaml"), "{msg}");
        assert!(msg.contains("holds 1 step(s)"), "{msg}");
        let swapped = yaml
            .replacen("step: requirements", "step: functional", 1)
            .replacen("step: functional", "step: requirements", 2)
            .replacen("step: requirements", "step: functional", 1);
        let err = Transcript::from_yaml(&swapped, "x.yaml").expect_err("shuffled");
        assert!(err.to_string().contains("step 1 is `functional`"), "{err}");
        let slow = yaml.replacen("seconds: 0", "seconds: 18446744073709551615", 1);
        let err = Transcript::from_yaml(&slow, "x.yaml").expect_err("too many seconds");
        assert!(err.to_string().contains("seconds"), "{err}");
        assert!(check_steps(StepId::ALL).is_ok());
    }

    #[test]
    fn a_new_session_is_blank_until_something_is_recorded() {
        let mut t = Transcript::new("twitter", Mode::Solo, 55, true, 0, at());
        t.step_mut(StepId::Requirements).seconds = 30;
        assert!(t.is_blank());
        t.step_mut(StepId::Requirements).hints.push("h".into());
        assert!(!t.is_blank());
    }
}
