//! Listings of problems.

use super::style::Style;
use super::view::json_of;
use crate::catalog::Problem;
use crate::framework::{plural, StepId, STEPS};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    difficulty: &'a str,
}

/// `sdcoach problems` as JSON rows.
pub fn problem_list_json(problems: &[Problem]) -> Option<String> {
    let rows: Vec<Row> = problems
        .iter()
        .map(|p| Row {
            id: &p.id,
            title: &p.title,
            difficulty: p.difficulty.as_str(),
        })
        .collect();
    json_of(&rows)
}

/// `sdcoach problems` as a Markdown table.
pub fn problem_list_markdown(problems: &[Problem]) -> String {
    let mut out = String::from("| id | title | difficulty |\n|---|---|---|\n");
    for p in problems {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            p.id,
            p.title,
            p.difficulty.as_str()
        );
    }
    out
}

/// `sdcoach problems`: id, title, difficulty.
pub fn problem_list(problems: &[Problem], st: Style) -> String {
    let mut out = String::new();
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
            let _ = writeln!(
                out,
                "     {probes} follow-up {} prepared",
                plural(probes, "question", "questions")
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{} {} to uncover by asking, {} reference {}.",
        p.facts.len(),
        plural(p.facts.len(), "fact", "facts"),
        p.estimates.len(),
        plural(p.estimates.len(), "estimate", "estimates")
    );
    out
}

#[derive(Serialize)]
struct StepRow {
    id: StepId,
    title: &'static str,
    minutes: u32,
    covers: &'static str,
}

#[derive(Serialize)]
struct Shown<'a> {
    id: &'a str,
    title: &'a str,
    difficulty: &'a str,
    prompt: &'a str,
    steps: Vec<StepRow>,
    facts: usize,
    estimates: usize,
}

/// `sdcoach problems show ID` as JSON: what the text shows, no solutions.
pub fn problem_show_json(p: &Problem) -> Option<String> {
    json_of(&Shown {
        id: &p.id,
        title: &p.title,
        difficulty: p.difficulty.as_str(),
        prompt: p.prompt.trim(),
        steps: STEPS
            .iter()
            .map(|s| StepRow {
                id: s.id,
                title: s.title,
                minutes: s.minutes,
                covers: s.covers,
            })
            .collect(),
        facts: p.facts.len(),
        estimates: p.estimates.len(),
    })
}

/// `sdcoach problems show ID` as Markdown.
pub fn problem_show_markdown(p: &Problem) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} ({}, {})\n\n{}\n\n| step | minutes | covers |\n|---|---:|---|",
        p.title,
        p.id,
        p.difficulty.as_str(),
        p.prompt.trim()
    );
    for s in STEPS.iter() {
        let _ = writeln!(out, "| {} | {} | {} |", s.title, s.minutes, s.covers);
    }
    let _ = writeln!(
        out,
        "\n{} facts to uncover by asking, {} reference estimates.",
        p.facts.len(),
        p.estimates.len()
    );
    out
}
