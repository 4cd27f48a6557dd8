//! Markdown rendering of a grade, for sharing.

use super::grade_text::with_unit;
use super::{clock, verdict_name};
use crate::framework::sanitize::{markdown_inline as md, one_line};
use crate::grading::Grade;
use crate::transcript::SessionInfo;
use std::fmt::Write;

/// A table cell: Markdown-escaped, `|` included.
fn cell(s: &str) -> String {
    md(s)
}

/// The Markdown report.
pub fn grade_markdown(grade: &Grade, session: Option<&SessionInfo>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} ({})\n", grade.title, grade.problem);
    let _ = writeln!(
        out,
        "**Score {}/100**, band `{}`{}",
        grade.score,
        grade.band.as_str(),
        super::grade_text::level_note(grade)
    );
    if grade.free_form {
        let _ = writeln!(
            out,
            "\n_Free-form answer: graded as one text against every step._"
        );
    }
    let _ = writeln!(out, "\n| step | score |\n|---|---:|");
    for s in &grade.steps {
        let _ = writeln!(out, "| {} | {} |", s.title, s.score);
    }
    let d = &grade.dimensions;
    let _ = writeln!(
        out,
        "\n| dimension | score |\n|---|---:|\n| communication | {} |\n| technical depth | {} |\n| practical experience | {} |\n| problem solving | {} |",
        d.communication, d.technical_depth, d.practical_experience, d.problem_solving
    );
    if let Some(info) = session.filter(|i| !i.timing.is_empty()) {
        let _ = writeln!(
            out,
            "\n## Time per step\n\n| step | used | budget |\n|---|---:|---:|"
        );
        for t in &info.timing {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                t.step.info().title,
                clock(t.used_secs),
                clock(t.budget_secs)
            );
        }
    }
    for s in &grade.steps {
        let _ = writeln!(out, "\n## {} — {}/100\n", s.title, s.score);
        for m in &s.matched {
            // The same marks as the terminal report: partial credit is not full.
            let (mark, note) = match m.credit {
                _ if m.elsewhere => ("~", " _(under another step's heading)_"),
                c if c >= 0.99 => ("✓", ""),
                c if c >= 0.5 => ("~", " _(no reason given)_"),
                _ => ("·", " _(listed only)_"),
            };
            let _ = writeln!(
                out,
                "- {mark} **{}**{note}: “{}”",
                md(&m.label),
                md(&m.evidence)
            );
        }
        for m in &s.to_study {
            let _ = writeln!(out, "- ✗ **{}** — study *{}*", md(&m.label), md(&m.study));
        }
        if s.id == crate::framework::StepId::HighLevel {
            if let Some(d) = &grade.diagram {
                super::diagram::diagram_markdown(&mut out, d, &grade.structure);
            }
        }
    }
    if !grade.estimates.is_empty() {
        let _ = writeln!(out, "\n## Estimates\n\n| quantity | yours | reference | verdict | worked |\n|---|---:|---:|---|---|");
        for e in &grade.estimates {
            let yours = e
                .found
                .map(|v| with_unit(v, &e.unit))
                .unwrap_or_else(|| "—".into());
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&e.label),
                cell(&yours),
                cell(&with_unit(e.reference, &e.unit)),
                verdict_name(&e.verdict),
                cell(&e.calculation)
            );
        }
    }
    let wrong: Vec<_> = grade
        .arithmetic
        .iter()
        .filter(|a| a.verdict == crate::estimation::ArithVerdict::Wrong)
        .collect();
    let unverified = grade
        .arithmetic
        .iter()
        .filter(|a| a.verdict == crate::estimation::ArithVerdict::Unverified);
    for (title, list) in [
        ("Arithmetic to fix", wrong),
        ("Arithmetic not verified", unverified.collect()),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n## {title}\n");
        }
        for a in list {
            let _ = writeln!(
                out,
                "- `{}`: {}",
                one_line(&a.text).replace('`', "'"),
                md(&a.explanation)
            );
        }
    }
    if !grade.follow_ups.is_empty() {
        let _ = writeln!(out, "\n## Follow-up questions\n");
        for q in &grade.follow_ups {
            let missed: Vec<&str> = q.to_study.iter().map(|m| m.label.as_str()).collect();
            let _ = writeln!(
                out,
                "- **{}/100** {}{}{}",
                q.score,
                md(&q.ask),
                if q.off_topic {
                    " — the reply does not address the question"
                } else {
                    ""
                },
                if missed.is_empty() {
                    String::new()
                } else {
                    format!(" — missed: {}", missed.join("; "))
                }
            );
        }
    }
    if let Some(c) = &grade.curveball {
        let _ = writeln!(
            out,
            "\n## Curveball — {}/100\n\n> {}\n",
            c.score,
            md(&c.say)
        );
        for m in &c.matched {
            let _ = writeln!(out, "- ✓ **{}**: “{}”", md(&m.label), md(&m.evidence));
        }
        for label in &c.missed {
            let _ = writeln!(out, "- ✗ **{}**", md(label));
        }
    }
    for (title, list) in [
        ("Red flags", &grade.flags.red),
        ("Green flags", &grade.flags.green),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n## {title}\n");
            for f in list {
                let _ = writeln!(
                    out,
                    "- **{}** ({}): “{}”",
                    md(&f.label),
                    f.points,
                    md(&f.evidence)
                );
            }
        }
    }
    if let Some(next) = super::grade_text::study_next(grade) {
        let _ = writeln!(out, "\n**Practise next:** {next}");
    }
    out
}
