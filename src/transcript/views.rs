//! What a saved session hands to the layers that read it: the checklist for
//! the peer scorecard, time per step for reports, and the grade slot.

use super::{SavedGrade, Transcript};
use crate::framework::StepId;
use crate::grading::scorecard::{CheckedStep, Scorecard, ScorecardInput};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

/// Time spent on one step of a session against its budget.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StepTime {
    pub step: StepId,
    pub used_secs: u64,
    pub budget_secs: u64,
}

/// What a session adds to a report: time per step and the saved file.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct SessionInfo {
    pub timing: Vec<StepTime>,
    pub transcript: Option<String>,
}

impl Transcript {
    /// Time spent on each step against its budget.
    pub fn timing(&self) -> Vec<StepTime> {
        self.steps
            .iter()
            .map(|s| StepTime {
                step: s.step,
                used_secs: s.seconds,
                budget_secs: self.budget_secs(s.step),
            })
            .collect()
    }

    /// The interviewer's checklist, ratings and notes, as the scorecard reads them.
    pub fn scorecard_input(&self) -> ScorecardInput {
        let peer = self.peer.clone().unwrap_or_default();
        ScorecardInput {
            steps: self
                .steps
                .iter()
                .map(|s| {
                    let p = s.peer.clone().unwrap_or_default();
                    let checked = CheckedStep {
                        ticked: p.ticked,
                        flags: p.flags,
                        hints: s.hints.len() as u32,
                        skipped: s.skipped,
                    };
                    (s.step, checked)
                })
                .collect(),
            revealed_facts: self.revealed_facts(),
            candidate: peer.candidate,
            ratings: peer.ratings,
            recommendation: peer.recommendation,
            level: self.level,
            notes: peer.notes,
        }
    }
}

impl SavedGrade {
    /// The checklist score in the grade slot, so lists and progress views
    /// show peer sessions beside solo ones.
    pub fn from_scorecard(card: &Scorecard, at: DateTime<FixedOffset>) -> SavedGrade {
        SavedGrade {
            score: card.computed,
            band: card.computed_band,
            steps: card.steps.iter().map(|s| (s.step, s.score)).collect(),
            graded_at: at,
        }
    }
}
