//! The [`View`] of everything the commands print.

use super::grade_md::grade_markdown;
use super::grade_text::{grade_text, question_markdown, question_text};
use super::history_text::{history_markdown, history_text};
use super::html::review_html;
use super::problems::{
    problem_list, problem_list_json, problem_list_markdown, problem_show, problem_show_json,
    problem_show_markdown,
};
use super::review_md::{compare_markdown, review_markdown};
use super::review_text::{compare_text, review_text};
use super::scorecard::scorecard_text;
use super::style::Style;
use super::view::{json_of, View};
use crate::catalog::Problem;
use crate::grading::scorecard::Scorecard;
use crate::grading::{Grade, QuestionGrade};
use crate::review::{Comparison, History, Review};
use crate::transcript::SessionInfo;

/// A grade, with the session it came from when there is one.
pub struct GradeView<'a> {
    pub grade: &'a Grade,
    pub session: Option<&'a SessionInfo>,
}

impl View for GradeView<'_> {
    fn what(&self) -> &'static str {
        "a grade"
    }
    fn text(&self, st: Style) -> String {
        grade_text(self.grade, self.session, st)
    }
    fn markdown(&self) -> Option<String> {
        Some(grade_markdown(self.grade, self.session))
    }
    fn json(&self) -> Option<String> {
        json_of(self.grade)
    }
}

impl View for QuestionGrade {
    fn what(&self) -> &'static str {
        "a counter-question grade"
    }
    fn text(&self, st: Style) -> String {
        question_text(self, st)
    }
    fn markdown(&self) -> Option<String> {
        Some(question_markdown(self))
    }
    fn json(&self) -> Option<String> {
        json_of(self)
    }
}

/// Every saved session of a folder.
pub struct HistoryView<'a> {
    pub history: &'a History,
    /// The folder, as the person named it.
    pub folder: &'a str,
}

impl View for HistoryView<'_> {
    fn what(&self) -> &'static str {
        "the history"
    }
    fn text(&self, st: Style) -> String {
        history_text(self.history, self.folder, st)
    }
    fn markdown(&self) -> Option<String> {
        Some(history_markdown(self.history, self.folder))
    }
    fn json(&self) -> Option<String> {
        json_of(self.history)
    }
}

impl View for Review {
    fn what(&self) -> &'static str {
        "a review"
    }
    fn text(&self, st: Style) -> String {
        review_text(self, st)
    }
    fn markdown(&self) -> Option<String> {
        Some(review_markdown(self))
    }
    fn json(&self) -> Option<String> {
        json_of(self)
    }
    fn html(&self) -> Option<String> {
        Some(review_html(self))
    }
}

impl View for Comparison {
    fn what(&self) -> &'static str {
        "a comparison (review A and B separately for HTML)"
    }
    fn text(&self, st: Style) -> String {
        compare_text(self, st)
    }
    fn markdown(&self) -> Option<String> {
        Some(compare_markdown(self))
    }
    fn json(&self) -> Option<String> {
        json_of(self)
    }
}

/// The problem list.
pub struct ProblemList<'a>(pub &'a [Problem]);

impl View for ProblemList<'_> {
    fn what(&self) -> &'static str {
        "the problem list"
    }
    fn text(&self, st: Style) -> String {
        problem_list(self.0, st)
    }
    fn markdown(&self) -> Option<String> {
        Some(problem_list_markdown(self.0))
    }
    fn json(&self) -> Option<String> {
        problem_list_json(self.0)
    }
}

/// One problem: prompt and steps.
pub struct ProblemShow<'a>(pub &'a Problem);

impl View for ProblemShow<'_> {
    fn what(&self) -> &'static str {
        "a problem"
    }
    fn text(&self, st: Style) -> String {
        problem_show(self.0, st)
    }
    fn markdown(&self) -> Option<String> {
        Some(problem_show_markdown(self.0))
    }
    fn json(&self) -> Option<String> {
        problem_show_json(self.0)
    }
}

impl View for Scorecard {
    fn what(&self) -> &'static str {
        "a scorecard"
    }
    fn text(&self, st: Style) -> String {
        scorecard_text(self, st)
    }
    fn json(&self) -> Option<String> {
        json_of(self)
    }
}
