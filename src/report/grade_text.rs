//! Terminal rendering of a grade.

use super::style::{bar, Style};
use super::{clock, verdict_name};
use crate::estimation::{ArithVerdict, EstimateVerdict};
use crate::framework::number::human;
use crate::framework::plural;
use crate::framework::sanitize::one_line;
use crate::grading::{Grade, QuestionGrade, StepGrade};
use crate::transcript::SessionInfo;
use std::fmt::Write;

/// Longest estimate label shown in the table.
const LABEL_MAX: usize = 40;

/// `40/s`, `3 TB`, `6B urls`.
pub fn with_unit(v: f64, unit: &str) -> String {
    if unit.starts_with('/') {
        format!("{}{unit}", human(v))
    } else {
        format!("{} {unit}", human(v))
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!(
            "{}…",
            s.chars().take(max - 1).collect::<String>().trim_end()
        )
    }
}

/// The one thing to practise next: weakest step and its heaviest missed topic.
pub fn study_next(grade: &Grade) -> Option<String> {
    let mut steps: Vec<&StepGrade> = grade
        .steps
        .iter()
        .filter(|s| !s.to_study.is_empty())
        .collect();
    // Lowest score first; interview order on ties.
    steps.sort_by_key(|s| s.score);
    let Some(step) = steps.first() else {
        return Some(
            "every expected topic is covered: try another problem (`sdcoach practice --random`)"
                .into(),
        );
    };
    // The heaviest missed topic, the first one on ties.
    let topic =
        step.to_study
            .iter()
            .fold(None::<&crate::grading::Missed>, |best, t| match best {
                Some(b) if b.weight >= t.weight => Some(b),
                _ => Some(t),
            })?;
    Some(format!(
        "{} ({}/100): {} — study \"{}\"",
        step.title, step.score, topic.label, topic.study
    ))
}

fn step_block(out: &mut String, step: &StepGrade, st: Style) {
    let _ = writeln!(
        out,
        "\n{} {}",
        st.bold(&format!("{} — {}/100", step.title, step.score)),
        st.dim(&format!(
            "({} {}{})",
            step.words,
            plural(step.words, "word", "words"),
            match step.hints {
                0 => String::new(),
                1 => ", 1 hint".to_string(),
                n => format!(", {n} hints"),
            }
        ))
    );
    for m in &step.matched {
        let (mark, note) = match m.credit {
            _ if m.elsewhere => (st.yellow("~"), " (under another step's heading)"),
            c if c >= 0.99 => (st.green("✓"), ""),
            c if c >= 0.5 => (st.yellow("~"), " (no reason given)"),
            _ => (st.yellow("·"), " (listed only)"),
        };
        let _ = writeln!(
            out,
            "  {mark} {}{note}: \"{}\"",
            m.label,
            one_line(&m.evidence)
        );
    }
    for m in &step.to_study {
        let _ = writeln!(out, "  {} {} — study \"{}\"", st.red("✗"), m.label, m.study);
    }
}

/// The full text report.
pub fn grade_text(grade: &Grade, session: Option<&SessionInfo>, st: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        st.bold(&format!("{} ({})", grade.title, grade.problem))
    );
    let _ = writeln!(
        out,
        "Score {}  band {}{}{}",
        st.score(grade.score, &format!("{}/100", grade.score)),
        st.bold(grade.band.as_str()),
        level_note(grade),
        if grade.free_form {
            "  (free-form answer: graded as one text against every step)"
        } else {
            ""
        }
    );

    let _ = writeln!(out, "\nSteps");
    for s in &grade.steps {
        let _ = writeln!(
            out,
            "  {:<34} {:>3} {}",
            s.title,
            s.score,
            st.score(s.score, &bar(s.score, 20))
        );
    }
    let d = &grade.dimensions;
    let _ = writeln!(out, "\nDimensions");
    for (name, v) in [
        ("communication", d.communication),
        ("technical depth", d.technical_depth),
        ("practical experience", d.practical_experience),
        ("problem solving", d.problem_solving),
    ] {
        let _ = writeln!(out, "  {name:<34} {v:>3} {}", st.score(v, &bar(v, 20)));
    }

    if let Some(info) = session.filter(|i| !i.timing.is_empty()) {
        let _ = writeln!(out, "\nTime per step (used / budget)");
        for t in &info.timing {
            let over = t.used_secs > t.budget_secs;
            let line = format!(
                "  {:<34} {:>6} / {:>6}",
                t.step.info().title,
                clock(t.used_secs),
                clock(t.budget_secs)
            );
            let _ = writeln!(
                out,
                "{}",
                if over {
                    st.yellow(&format!("{line}  over"))
                } else {
                    line
                }
            );
        }
    }

    for s in &grade.steps {
        step_block(&mut out, s, st);
        if s.id == crate::framework::StepId::HighLevel {
            if let Some(d) = &grade.diagram {
                super::diagram::diagram_text(&mut out, d, &grade.structure, st);
            }
        }
        if s.id == crate::framework::StepId::Requirements && grade.facts.key_total > 0 {
            let missed: Vec<&str> = grade
                .facts
                .key_missed
                .iter()
                .map(|(_, t)| t.as_str())
                .collect();
            let _ = writeln!(
                out,
                "  Key facts uncovered: {}/{}{}",
                grade.facts.key_uncovered,
                grade.facts.key_total,
                if missed.is_empty() {
                    String::new()
                } else {
                    format!(" (not asked: {})", missed.join(", "))
                }
            );
        }
    }

    if !grade.estimates.is_empty() {
        let _ = writeln!(out, "\n{}", st.bold("Estimates"));
        let label = |l: &str| truncate(l, LABEL_MAX);
        let width = grade
            .estimates
            .iter()
            .map(|e| label(&e.label).chars().count())
            .max()
            .unwrap_or(8)
            .max(8);
        let _ = writeln!(
            out,
            "  {:<width$} {:>14} {:>14}  verdict",
            "quantity", "yours", "reference"
        );
        for e in &grade.estimates {
            let yours = e
                .found
                .map(|v| with_unit(v, &e.unit))
                .unwrap_or_else(|| "—".into());
            let reference = with_unit(e.reference, &e.unit);
            let verdict = verdict_name(&e.verdict);
            let painted = match e.verdict {
                EstimateVerdict::Close => st.green(verdict),
                EstimateVerdict::OrderOfMagnitude => st.yellow(verdict),
                _ => st.red(verdict),
            };
            let _ = writeln!(
                out,
                "  {:<width$} {:>14} {:>14}  {painted}",
                label(&e.label),
                yours,
                reference
            );
            if let (Some(adj), Some(note)) = (e.adjusted_reference, &e.adjusted_note) {
                let _ = writeln!(
                    out,
                    "      {} (your inputs give {})",
                    one_line(note),
                    with_unit(adj, &e.unit)
                );
            }
            if !matches!(e.verdict, EstimateVerdict::Close) {
                let _ = writeln!(out, "      worked: {}", e.calculation);
            }
        }
    }
    if !grade.arithmetic.is_empty() {
        let ok = grade.arithmetic.iter().filter(|a| a.ok).count();
        let unverified = grade
            .arithmetic
            .iter()
            .filter(|a| a.verdict == ArithVerdict::Unverified);
        let _ = writeln!(
            out,
            "\n{} {ok}/{} lines check out{}",
            st.bold("Arithmetic"),
            grade.arithmetic.len() - unverified.clone().count(),
            match unverified.clone().count() {
                0 => String::new(),
                n => format!(", {n} not verified"),
            }
        );
        for a in grade.arithmetic.iter().filter(|a| !a.ok) {
            let mark = if a.verdict == ArithVerdict::Unverified {
                "?".to_string()
            } else {
                st.red("✗")
            };
            let _ = writeln!(
                out,
                "  {mark} \"{}\": {}",
                one_line(&a.text),
                one_line(&a.explanation)
            );
        }
    }

    if !grade.follow_ups.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            st.bold("Follow-up questions (key points from the question bank)")
        );
        for q in &grade.follow_ups {
            let _ = writeln!(
                out,
                "  {} {}",
                st.score(q.score, &format!("{:>3}/100", q.score)),
                one_line(&q.ask)
            );
            if q.off_topic {
                let _ = writeln!(
                    out,
                    "      {} the reply does not address the question",
                    st.red("✗")
                );
            }
            for m in &q.to_study {
                let _ = writeln!(
                    out,
                    "      {} {} — study \"{}\"",
                    st.red("✗"),
                    m.label,
                    m.study
                );
            }
        }
    }
    if let Some(c) = &grade.curveball {
        let _ = writeln!(
            out,
            "\n{} {}",
            st.bold("Curveball"),
            st.score(c.score, &format!("{}/100", c.score))
        );
        let _ = writeln!(out, "  Interviewer: {}", one_line(&c.say));
        for m in &c.matched {
            let _ = writeln!(
                out,
                "  {} {}: \"{}\"",
                st.green("✓"),
                m.label,
                one_line(&m.evidence)
            );
        }
        for label in &c.missed {
            let _ = writeln!(out, "  {} {label}", st.red("✗"));
        }
    }
    if !grade.flags.red.is_empty() {
        let _ = writeln!(out, "\n{}", st.bold("Red flags"));
        for f in &grade.flags.red {
            let _ = writeln!(
                out,
                "  {} {} (−{}): \"{}\"",
                st.red("✗"),
                f.label,
                f.points,
                one_line(&f.evidence)
            );
            if !f.advice.is_empty() {
                let _ = writeln!(out, "      → {}", f.advice);
            }
        }
    }
    if !grade.flags.green.is_empty() {
        let _ = writeln!(out, "\n{}", st.bold("Green flags"));
        for f in &grade.flags.green {
            let _ = writeln!(
                out,
                "  {} {} (+{}): \"{}\"",
                st.green("✓"),
                f.label,
                f.points,
                one_line(&f.evidence)
            );
        }
    }
    if let Some(next) = study_next(grade) {
        let _ = writeln!(out, "\n{} {next}", st.bold("Practise next:"));
    }
    if let Some(path) = session.and_then(|s| s.transcript.as_ref()) {
        let _ = writeln!(out, "Transcript saved: {}", one_line(path));
    }
    out
}

/// Text report of a counter-question grade.
pub fn question_text(g: &QuestionGrade, st: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", st.bold(&format!("{} ({})", g.ask, g.question)));
    let _ = writeln!(
        out,
        "Score {}",
        st.score(g.score, &format!("{}/100", g.score))
    );
    for m in &g.matched {
        let mark = if m.credit >= 0.99 {
            st.green("✓")
        } else {
            st.yellow("~")
        };
        let _ = writeln!(out, "  {mark} {}: \"{}\"", m.label, one_line(&m.evidence));
    }
    for m in &g.to_study {
        let _ = writeln!(out, "  {} {} — study \"{}\"", st.red("✗"), m.label, m.study);
    }
    out
}

/// Markdown report of a counter-question grade.
pub fn question_markdown(g: &QuestionGrade) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {} (`{}`)\n\nScore **{}/100**\n",
        crate::framework::sanitize::markdown_inline(&g.ask),
        g.question,
        g.score
    );
    for m in &g.matched {
        let mark = if m.credit >= 0.99 {
            "✓"
        } else {
            "~ (partial)"
        };
        let md = crate::framework::sanitize::markdown_inline;
        let _ = writeln!(out, "- {mark} {}: \"{}\"", md(&m.label), md(&m.evidence));
    }
    for m in &g.to_study {
        let _ = writeln!(out, "- ✗ {} — study \"{}\"", m.label, m.study);
    }
    out
}

/// " for a senior candidate" when the band is judged at another level than
/// the guide's (new graduate); nothing at the default.
pub fn level_note(grade: &Grade) -> String {
    if grade.level == crate::grading::Level::default() {
        String::new()
    } else {
        format!(" for a {} candidate", grade.level)
    }
}
