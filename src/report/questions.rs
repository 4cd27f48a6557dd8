//! `sdcoach questions`: the counter-question bank, and one question with its
//! key points only when asked for.

use super::style::Style;
use super::view::{json_of, View};
use crate::catalog::Question;
use serde::Serialize;
use std::fmt::Write;

/// Every question of the bank.
pub struct QuestionList<'a>(pub &'a [Question]);

/// One question; `answers` adds its key points (the solution).
pub struct QuestionShow<'a> {
    pub question: &'a Question,
    pub answers: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    area: &'a str,
    ask: &'a str,
    study: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    points: Option<Vec<&'a str>>,
}

fn row(q: &Question, answers: bool) -> Row<'_> {
    Row {
        id: &q.id,
        area: &q.area,
        ask: &q.ask,
        study: &q.study,
        points: answers.then(|| q.points.iter().map(|p| p.label.as_str()).collect()),
    }
}

impl View for QuestionList<'_> {
    fn what(&self) -> &'static str {
        "the question list"
    }

    fn text(&self, st: Style) -> String {
        let width = self.0.iter().map(|q| q.id.len()).max().unwrap_or(2).max(2);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            st.bold(&format!("{:<width$}  {:<14} guide section", "id", "area"))
        );
        for q in self.0 {
            let _ = writeln!(out, "{:<width$}  {:<14} {}", q.id, q.area, q.study);
        }
        let _ = writeln!(
            out,
            "\n{} questions. `sdcoach questions show ID` prints one; grade an answer with `sdcoach grade --question ID FILE`.",
            self.0.len()
        );
        out
    }

    fn markdown(&self) -> Option<String> {
        let mut out = String::from("| id | area | question | guide section |\n|---|---|---|---|\n");
        for q in self.0 {
            let _ = writeln!(out, "| `{}` | {} | {} | {} |", q.id, q.area, q.ask, q.study);
        }
        Some(out)
    }

    fn json(&self) -> Option<String> {
        let rows: Vec<Row> = self.0.iter().map(|q| row(q, false)).collect();
        json_of(&rows)
    }
}

impl View for QuestionShow<'_> {
    fn what(&self) -> &'static str {
        "a question"
    }

    fn text(&self, st: Style) -> String {
        let q = self.question;
        let mut out = format!(
            "{}\n{}\n",
            st.bold(&q.ask),
            st.dim(&format!("{} · {} · study \"{}\"", q.id, q.area, q.study))
        );
        if self.answers {
            let _ = writeln!(out, "\n{}", st.bold("Key points a good answer makes"));
            for p in &q.points {
                let _ = writeln!(out, "  - {}", p.label);
            }
        } else {
            let _ = writeln!(
                out,
                "\nAnswer it, then grade it: `sdcoach grade --question {} FILE`. `--answers` shows the key points.",
                q.id
            );
        }
        out
    }

    fn markdown(&self) -> Option<String> {
        let q = self.question;
        let mut out = format!(
            "## {}\n\n`{}` · {} · study \"{}\"\n",
            q.ask, q.id, q.area, q.study
        );
        if self.answers {
            out.push_str("\n### Key points\n\n");
            for p in &q.points {
                let _ = writeln!(out, "- {}", p.label);
            }
        }
        Some(out)
    }

    fn json(&self) -> Option<String> {
        json_of(&row(self.question, self.answers))
    }
}
