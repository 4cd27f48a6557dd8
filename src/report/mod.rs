//! Rendering: grades, problem listings and lint findings as terminal text,
//! Markdown or JSON. The only room that formats output.

mod diagram;
mod diagram_svg;
pub mod drill;
mod grade_md;
mod grade_text;
pub mod history_text;
pub mod html;
mod problems;
pub mod questions;
pub mod review_md;
pub mod review_text;
pub mod safe_json;
mod scorecard;
mod settings_text;
pub mod style;
pub mod view;
pub mod views;

pub use crate::framework::{clock, one_line, sanitize};
pub use diagram::read_back as diagram_read_back;
pub use diagram_svg::diagram_svg;
pub use drill::{SheetView, StatsView};
pub use grade_md::grade_markdown;
pub use grade_text::{grade_text, question_text};
pub use problems::{problem_list, problem_show};
pub use questions::{QuestionList, QuestionShow};
pub use scorecard::scorecard_text;
pub use style::{bar, Style};
pub use view::{render, Format, View};
pub use views::{GradeView, HistoryView, ProblemList, ProblemShow};

use crate::estimation::EstimateVerdict;
use serde::Serialize;

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
