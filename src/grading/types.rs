//! The grade and its parts: what the grader hands to reports.

use super::flags::FlagHit;
use super::level::Level;
use super::score::{Band, Dimensions};
use super::text::Sentence;
use crate::estimation::{ArithmeticCheck, EstimateResult};
use crate::framework::StepId;
use serde::Serialize;

/// Longest quote kept as evidence.
pub(crate) const QUOTE: usize = 200;
/// Points a hint costs on its step.
pub const HINT_COST: f64 = 3.0;

/// A step's text, split into sentences once.
pub struct StepDoc<'a> {
    pub step: StepId,
    pub text: &'a str,
    pub sentences: Vec<Sentence>,
}

/// A topic the answer covered, with the sentence that earned it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TopicHit {
    pub topic: String,
    pub label: String,
    pub evidence: String,
    /// 1.0 with a reason, about 0.6 in prose, about 0.35 as a bare list
    /// entry; times 0.9 (reasoned) or 0.6 when found under another step's heading.
    pub credit: f64,
    /// Found under another step's heading.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub elsewhere: bool,
}

/// A topic the answer missed, with what to study.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Missed {
    pub topic: String,
    pub label: String,
    pub study: String,
    pub weight: f64,
}

/// The grade of one step.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StepGrade {
    pub id: StepId,
    pub title: String,
    pub score: u32,
    pub matched: Vec<TopicHit>,
    /// Ids of missed topics (the stable JSON contract).
    pub missed: Vec<String>,
    /// Missed topics with labels and study pointers.
    pub to_study: Vec<Missed>,
    pub words: usize,
    pub hints: u32,
}

/// Facts of the problem the candidate uncovered by asking.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct FactCoverage {
    pub uncovered: Vec<String>,
    pub key_uncovered: usize,
    pub key_total: usize,
    /// Key facts nobody asked about: `(id, topic)`.
    pub key_missed: Vec<(String, String)>,
}

/// Flags raised, by colour.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Flags {
    pub red: Vec<FlagHit>,
    pub green: Vec<FlagHit>,
}

/// A whole grade.
#[derive(Debug, Clone, Serialize)]
pub struct Grade {
    pub problem: String,
    pub title: String,
    pub score: u32,
    pub band: Band,
    /// The candidate level the band is judged at.
    pub level: Level,
    pub free_form: bool,
    pub steps: Vec<StepGrade>,
    pub dimensions: Dimensions,
    pub flags: Flags,
    pub estimates: Vec<EstimateResult>,
    pub arithmetic: Vec<ArithmeticCheck>,
    pub facts: FactCoverage,
    /// Follow-up replies graded against the counter-question bank.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<QuestionGrade>,
    /// The reply to the curveball the interviewer threw, graded on its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curveball: Option<super::curveball::CurveballGrade>,
    /// The diagram read from the answer, when one was drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diagram: Option<crate::diagram::Diagram>,
    /// The rubric's structure rules checked against the diagram.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub structure: Vec<crate::diagram::CheckResult>,
}

impl Grade {
    /// The step with the lowest score (first in interview order on ties).
    pub fn weakest_step(&self) -> Option<&StepGrade> {
        self.steps.iter().min_by_key(|s| s.score)
    }
}

/// What a session adds to a written answer.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Hints used per step, in interview order.
    pub hints: [u32; 7],
    /// Facts revealed by the interviewer (session mode); `None` reads the
    /// questions in the requirements text instead.
    pub revealed: Option<Vec<String>>,
    /// Replies to follow-ups drawn from the counter-question bank:
    /// (the ask, the bank id, the reply). Each is graded against the bank.
    pub follow_ups: Vec<(String, String, String)>,
    /// The curveball thrown and the reply to it: (curveball id, reply).
    pub curveball: Option<(String, String)>,
}

/// The grade of an answer to a counter-question.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuestionGrade {
    pub question: String,
    pub ask: String,
    pub score: u32,
    pub matched: Vec<TopicHit>,
    pub missed: Vec<String>,
    pub to_study: Vec<Missed>,
    /// The reply meets none of the key points and shares no content word
    /// with the question: it answers something else.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub off_topic: bool,
}
