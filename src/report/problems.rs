//! Listings of problems.

use super::style::Style;
use crate::catalog::Problem;
use crate::framework::{StepId, STEPS};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    difficulty: &'a str,
}

/// `sdcoach problems`: id, title, difficulty.
pub fn problem_list(problems: &[Problem], format: super::Format, st: Style) -> String {
    if format == super::Format::Json {
        let rows: Vec<Row> = problems
            .iter()
            .map(|p| Row {
                id: &p.id,
                title: &p.title,
                difficulty: p.difficulty.as_str(),
            })
            .collect();
        return super::json(&rows) + "\n";
    }
    let mut out = String::new();
    if format == super::Format::Markdown {
        out.push_str("| id | title | difficulty |\n|---|---|---|\n");
        for p in problems {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                p.id,
                p.title,
                p.difficulty.as_str()
            );
        }
        return out;
    }
    let width = problems
        .iter()
        .map(|p| p.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let _ = writeln!(
        out,
        "{}",
        st.bold(&format!("{:<width$}  {:<36} difficulty", "id", "title"))
    );
    for p in problems {
        let _ = writeln!(
            out,
            "{:<width$}  {:<36} {}",
            p.id,
            p.title,
            p.difficulty.as_str()
        );
    }
    out
}

/// `sdcoach problems show ID`: prompt and the steps with budgets.
pub fn problem_show(p: &Problem, st: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}, {})\n",
        st.bold(&p.title),
        p.id,
        p.difficulty.as_str()
    );
    let _ = writeln!(out, "{}\n", p.prompt.trim());
    let _ = writeln!(out, "{}", st.bold("Steps"));
    for (i, s) in STEPS.iter().enumerate() {
        let probes = p.probes.get(s.id.as_str()).map_or(0, Vec::len);
        let _ = writeln!(
            out,
            "  {}. {:<34} {:>2} min  {}",
            i + 1,
            s.title,
            s.minutes,
            st.dim(s.covers)
        );
        if probes > 0 && s.id == StepId::DeepDive {
            let _ = writeln!(out, "     {} follow-up questions prepared", probes);
        }
    }
    let _ = writeln!(
        out,
        "\n{} facts to uncover by asking, {} reference estimates.",
        p.facts.len(),
        p.estimates.len()
    );
    out
}
