//! Looking back at saved sessions: re-grading one transcript, comparing two
//! attempts and summarising the whole transcripts folder. Pure functions over
//! [`Transcript`], [`Catalog`] and [`grading::grade`]; rendering lives in
//! [`crate::report`].

pub mod compare;
pub mod history;
pub mod sample;

pub use compare::{compare, Comparison};
pub use history::{history, Filter, History, SessionSummary};

use crate::catalog::Catalog;
use crate::framework::StepId;
use crate::grading::scorecard::{scorecard, Scorecard};
use crate::grading::{self, Band, Grade};
use crate::transcript::{
    Exchange, Mode, PeerSession, PeerStep, ProbeReply, SavedGrade, StepTime, Transcript,
};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

/// Re-grades a transcript against the current rubric, at the level the
/// session was held at.
pub fn regrade(catalog: &Catalog, t: &Transcript) -> crate::Result<Grade> {
    grading::grade_at(catalog, &t.problem, &t.answer(), &t.extras(), t.level)
}

/// Who, what and when of a saved session.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SessionMeta {
    /// The file as named on the command line or in the folder.
    pub file: String,
    pub problem: String,
    pub mode: Mode,
    pub started: DateTime<FixedOffset>,
    pub finished: bool,
    /// Minutes the step budgets were scaled to.
    pub minutes: u32,
    /// Seconds spent answering, over all steps.
    pub duration_secs: u64,
}

impl SessionMeta {
    /// The metadata of a transcript read from `file`.
    pub fn of(t: &Transcript, file: &str) -> SessionMeta {
        SessionMeta {
            file: file.to_string(),
            problem: t.problem.clone(),
            mode: t.mode,
            started: t.started,
            finished: t.finished,
            minutes: t.minutes,
            duration_secs: t.seconds(),
        }
    }
}

/// One step's score under the saved and the current rubric.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StepChange {
    pub step: StepId,
    pub saved: u32,
    pub today: u32,
}

/// The grade stored with the session next to today's, when they differ.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RubricChange {
    pub saved_score: u32,
    pub saved_band: Band,
    pub today_score: u32,
    pub today_band: Band,
    pub graded_at: DateTime<FixedOffset>,
    /// Steps whose score changed.
    pub steps: Vec<StepChange>,
}

/// Hints shown in one step, in order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StepHints {
    pub step: StepId,
    pub hints: Vec<String>,
}

/// Follow-up questions of one step and the replies.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StepProbes {
    pub step: StepId,
    pub probes: Vec<ProbeReply>,
}

/// The interviewer's record of a peer session.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PeerReview {
    #[serde(flatten)]
    pub session: PeerSession,
    /// Per-step checklist, facts revealed, flags seen and notes (steps with
    /// nothing recorded are left out).
    pub steps: Vec<(StepId, PeerStep)>,
    /// The scorecard from the checklist: a peer session's real grade, since
    /// little of it is typed.
    pub scorecard: Option<Scorecard>,
}

/// Everything a review report shows about one session.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub session: SessionMeta,
    /// Today's grade (the full evidence).
    pub grade: Grade,
    /// The grade stored when the session was saved.
    pub saved: Option<SavedGrade>,
    /// Set when today's rubric scores the session differently.
    pub rubric_change: Option<RubricChange>,
    /// Show the saved scores first (`--as-saved`).
    pub as_saved: bool,
    pub timing: Vec<StepTime>,
    pub questions: Vec<Exchange>,
    pub hints: Vec<StepHints>,
    pub probes: Vec<StepProbes>,
    pub peer: Option<PeerReview>,
}

impl Review {
    /// The overall score shown first: saved with `--as-saved` (when stored),
    /// else today's (the checklist's for a peer session).
    pub fn headline(&self) -> (u32, Band) {
        match (&self.saved, self.as_saved, self.scorecard()) {
            (Some(s), true, _) => (s.score, s.band),
            (_, _, Some(card)) => (card.computed, card.computed_band),
            _ => (self.grade.score, self.grade.band),
        }
    }

    /// The checklist scorecard of a peer session.
    pub fn scorecard(&self) -> Option<&Scorecard> {
        self.peer.as_ref().and_then(|p| p.scorecard.as_ref())
    }

    /// Hints used over all steps.
    pub fn hints_used(&self) -> usize {
        self.hints.iter().map(|h| h.hints.len()).sum()
    }
}

fn rubric_change(saved: &SavedGrade, today: &Grade) -> Option<RubricChange> {
    let steps: Vec<StepChange> = today
        .steps
        .iter()
        .filter_map(|g| {
            let old = saved.steps.iter().find(|(id, _)| *id == g.id)?.1;
            (old != g.score).then_some(StepChange {
                step: g.id,
                saved: old,
                today: g.score,
            })
        })
        .collect();
    let changed = saved.score != today.score || saved.band != today.band || !steps.is_empty();
    changed.then_some(RubricChange {
        saved_score: saved.score,
        saved_band: saved.band,
        today_score: today.score,
        today_band: today.band,
        graded_at: saved.graded_at,
        steps,
    })
}

fn peer_review(catalog: &Catalog, t: &Transcript) -> Option<PeerReview> {
    let steps: Vec<(StepId, PeerStep)> = t
        .steps
        .iter()
        .filter_map(|s| s.peer.clone().map(|p| (s.step, p)))
        .filter(|(_, p)| *p != PeerStep::default())
        .collect();
    if t.peer.is_none() && steps.is_empty() && t.mode != Mode::Peer {
        return None;
    }
    let scorecard = match (catalog.problem(&t.problem), catalog.rubric(&t.problem)) {
        (Ok(problem), Ok(rubric)) if t.mode == Mode::Peer => {
            Some(scorecard(catalog, problem, rubric, &t.scorecard_input()))
        }
        _ => None,
    };
    Some(PeerReview {
        session: t.peer.clone().unwrap_or_default(),
        steps,
        scorecard,
    })
}

/// Re-grades a transcript and gathers what its report shows.
pub fn review(
    catalog: &Catalog,
    t: &Transcript,
    file: &str,
    as_saved: bool,
) -> crate::Result<Review> {
    let grade = regrade(catalog, t)?;
    let peer = peer_review(catalog, t);
    // A peer session's saved grade is its checklist score: compare like with like.
    let change = match peer.as_ref().and_then(|p| p.scorecard.as_ref()) {
        Some(card) => t.grade.as_ref().and_then(|s| {
            (s.score != card.computed || s.band != card.computed_band).then(|| RubricChange {
                saved_score: s.score,
                saved_band: s.band,
                today_score: card.computed,
                today_band: card.computed_band,
                graded_at: s.graded_at,
                steps: Vec::new(),
            })
        }),
        None => t.grade.as_ref().and_then(|s| rubric_change(s, &grade)),
    };
    Ok(Review {
        session: SessionMeta::of(t, file),
        rubric_change: change,
        saved: t.grade.clone(),
        as_saved,
        timing: t.timing(),
        questions: t.steps.iter().flat_map(|s| s.questions.clone()).collect(),
        hints: t
            .steps
            .iter()
            .filter(|s| !s.hints.is_empty())
            .map(|s| StepHints {
                step: s.step,
                hints: s.hints.clone(),
            })
            .collect(),
        probes: t
            .steps
            .iter()
            .filter(|s| !s.probes.is_empty())
            .map(|s| StepProbes {
                step: s.step,
                probes: s.probes.clone(),
            })
            .collect(),
        peer,
        grade,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Rating;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date")
    }

    fn answered() -> Transcript {
        let mut t = Transcript::new("url-shortener", Mode::Solo, 55, true, 2, at());
        t.step_mut(StepId::DeepDive).answer =
            "We base62-encode a counter because it avoids collisions.".into();
        t.step_mut(StepId::DeepDive).seconds = 900;
        t.step_mut(StepId::Requirements)
            .hints
            .push("Ask about scale.".into());
        t
    }

    #[test]
    fn notices_a_changed_rubric_and_keeps_both() {
        let catalog = Catalog::embedded().expect("catalog");
        let mut t = answered();
        let today = regrade(&catalog, &t).expect("grades");
        let mut saved = SavedGrade::from_grade(&today, at());
        let r = review(
            &catalog,
            &{
                t.grade = Some(saved.clone());
                t.clone()
            },
            "a.yaml",
            false,
        )
        .expect("review");
        assert_eq!(r.rubric_change, None);
        saved.score = today.score + 7;
        saved.steps[5].1 += 3;
        t.grade = Some(saved);
        let r = review(&catalog, &t, "a.yaml", true).expect("review");
        let change = r.rubric_change.clone().expect("changed");
        assert_eq!(change.saved_score, today.score + 7);
        assert_eq!(change.steps.len(), 1);
        assert_eq!(r.headline().0, today.score + 7);
        assert_eq!(r.hints_used(), 1);
        assert_eq!(r.timing[5].used_secs, 900);
    }

    #[test]
    fn peer_sessions_carry_the_interviewers_record() {
        let catalog = Catalog::embedded().expect("catalog");
        let mut t = answered();
        t.mode = Mode::Peer;
        t.step_mut(StepId::DeepDive).peer = Some(PeerStep {
            ticked: vec!["collisions".into()],
            notes: "Solid on encoding.".into(),
            ..PeerStep::default()
        });
        t.peer = Some(PeerSession {
            candidate: Some("Candidate A".into()),
            ratings: vec![Rating {
                dimension: "communication".into(),
                score: 3,
                why: "Clear".into(),
            }],
            recommendation: Some(Band::Hire),
            notes: "Good".into(),
        });
        let r = review(&catalog, &t, "p.yaml", false).expect("review");
        let peer = r.peer.expect("peer");
        assert_eq!(peer.steps.len(), 1);
        assert_eq!(peer.session.candidate.as_deref(), Some("Candidate A"));
        assert!(review(&catalog, &answered(), "s.yaml", false)
            .expect("review")
            .peer
            .is_none());
    }
}
