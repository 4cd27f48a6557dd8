//! Rendering: grades, problem listings and lint findings as terminal text,
//! Markdown or JSON. The only room that formats output.

mod grade_md;
mod grade_text;
pub mod history_text;
pub mod html;
pub mod number;
mod problems;
pub mod review_md;
pub mod review_text;
pub mod safe_json;
pub mod sanitize;
mod scorecard;
pub mod style;

pub use grade_md::grade_markdown;
pub use grade_text::{grade_text, question_text};
pub use problems::{problem_list, problem_show};
pub use sanitize::{one_line, sanitize};
pub use scorecard::{
    band_words, scorecard_text, Scorecard, ScorecardDimension, ScorecardGap, ScorecardStep,
    DISAGREEMENT,
};
pub use style::{bar, Style};

use crate::estimation::EstimateVerdict;
use crate::framework::StepId;
use serde::Serialize;

/// Output formats of reporting commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
}

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

/// Pretty JSON of any serialisable value.
pub fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Name of an estimate verdict.
pub fn verdict_name(v: &EstimateVerdict) -> &'static str {
    match v {
        EstimateVerdict::Close => "close",
        EstimateVerdict::OrderOfMagnitude => "order_of_magnitude",
        EstimateVerdict::Off => "off",
        EstimateVerdict::Missing => "missing",
    }
}

/// `mm:ss`.
pub fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}
