//! Grading one answer to a card with the engines that exist, and the rating
//! the grade proposes, with the reason.
//!
//! Words are graded against key points like rubric topics (a point stated
//! with a reason earns full credit). Figures go through the estimation
//! engine (close / order of magnitude / off) after two checks of their own:
//! a number where a unit is needed and a unit of the wrong dimension get a
//! message and another try, never a rating.

use super::card::{Check, Instance, PointsCheck, QuantityCheck, CUE};
use super::Rating;
use crate::catalog::{Catalog, Topic};
use crate::error::Result as CrateResult;
use crate::estimation::{compare_estimates, parse_quantities, parse_unit, EstimateVerdict};
use crate::grading::{self, text::sentences, Missed, TopicHit};
use serde::Serialize;

/// A point score at or above this proposes Good.
pub const GOOD_FROM: u32 = 70;
/// A point score at or above this (and below Good) proposes Hard.
pub const HARD_FROM: u32 = 40;

/// What came of an answer.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Graded: a proposed rating.
    Graded(Graded),
    /// Not gradable as typed (empty, no number, no unit, wrong unit): say
    /// this and ask again; the schedule is untouched.
    Retry(String),
}

/// A graded answer.
#[derive(Debug, Clone, Serialize)]
pub struct Graded {
    pub proposed: Rating,
    /// Why that rating, in one line.
    pub why: String,
    pub result: Result,
}

/// The grade's detail.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Result {
    /// A figure: the engine's verdict, the figure read, what was expected.
    Quantity {
        verdict: EstimateVerdict,
        found: Option<f64>,
        expected: f64,
        unit: String,
        /// The worked calculation.
        worked: Vec<String>,
    },
    /// Key points: score, those covered (with the sentence) and those missed.
    Points {
        score: u32,
        matched: Vec<TopicHit>,
        missed: Vec<Missed>,
    },
}

impl Result {
    /// A short name of the outcome for the review log: `close`, `72/100`.
    pub fn summary(&self) -> String {
        match self {
            Result::Quantity { verdict, .. } => verdict_name(*verdict).to_string(),
            Result::Points { score, .. } => format!("{score}/100"),
        }
    }
}

fn verdict_name(v: EstimateVerdict) -> &'static str {
    match v {
        EstimateVerdict::Close => "close",
        EstimateVerdict::OrderOfMagnitude => "order_of_magnitude",
        EstimateVerdict::Off => "off",
        EstimateVerdict::Missing => "missing",
    }
}

/// Grades `answer` to a card.
pub fn check(inst: &Instance, catalog: &Catalog, answer: &str) -> CrateResult<Reply> {
    if answer.trim().is_empty() {
        return Ok(Reply::Retry(format!(
            "Empty answer: type {} and end with a line holding only `.`, or `:skip` to leave this card for later.",
            inst.how
        )));
    }
    match &inst.check {
        Check::Quantity(q) => Ok(check_quantity(q, answer)),
        Check::Points(p) => check_points(p, catalog, answer),
    }
}

fn check_points(p: &PointsCheck, catalog: &Catalog, answer: &str) -> CrateResult<Reply> {
    let (score, matched, missed) = match &p.question {
        Some(id) => {
            let g = grading::grade_question(catalog, id, answer)?;
            (g.score, g.matched, g.to_study)
        }
        None => {
            let points: Vec<&Topic> = p.points.iter().collect();
            let (s, matched, missed) = grading::score_topics_in(
                &catalog.concepts,
                &points,
                answer,
                &sentences(answer),
                &p.file,
            )?;
            (s.round().clamp(0.0, 100.0) as u32, matched, missed)
        }
    };
    let total = matched.len() + missed.len();
    let proposed = if score >= GOOD_FROM {
        Rating::Good
    } else if score >= HARD_FROM {
        Rating::Hard
    } else {
        Rating::Again
    };
    let reasons = matched.iter().filter(|m| m.credit >= 0.99).count();
    let why = format!(
        "{score}/100: {} of {total} key {} covered, {reasons} with a reason",
        matched.len(),
        crate::framework::plural(total, "point", "points")
    );
    Ok(Reply::Graded(Graded {
        proposed,
        why,
        result: Result::Points {
            score,
            matched,
            missed,
        },
    }))
}

fn check_quantity(q: &QuantityCheck, answer: &str) -> Reply {
    let Some((_, target)) = parse_unit(&q.unit) else {
        return Reply::Retry(format!("This card's unit `{}` is unreadable.", q.unit));
    };
    // The card asks for bytes, so a `B` after a number is bytes (in free
    // text the engine may read `16 B` as sixteen billion).
    let bytes;
    let answer = if target.bytes != 0 {
        bytes = bytes_b(answer);
        bytes.as_str()
    } else {
        answer
    };
    let figures = parse_quantities(answer);
    let Some(last) = figures.last() else {
        return Reply::Retry(format!(
            "No number in `{}`: answer with a number{}, e.g. `{}`.",
            crate::framework::one_line(answer.trim()),
            if target.is_count() {
                ""
            } else {
                " and its unit"
            },
            example(q)
        ));
    };
    let typed = |f: &crate::estimation::Quantity| {
        answer.get(f.span.clone()).unwrap_or("").trim().to_string()
    };
    if !figures.iter().any(|f| f.dim == target) {
        let bare = figures.iter().rev().find(|f| f.dim.is_count());
        let answer_in = if target.is_count() {
            "answer with a plain number".to_string()
        } else {
            format!("answer in {}", q.unit.trim())
        };
        return Reply::Retry(match bare {
            Some(f) if !target.is_count() => format!(
                "`{}` has no unit: {answer_in}, e.g. `{}`.",
                typed(f),
                example(q)
            ),
            _ => format!(
                "`{}` is {}, but this card wants {}: {answer_in}, e.g. `{}`.",
                typed(last),
                last.dim.describe(),
                target.describe(),
                example(q)
            ),
        });
    }
    // The engine reads one place at a time: try each line, the result
    // usually coming last.
    let weights = [(q.problem.estimates[0].id.clone(), 1.0)];
    let found = answer
        .lines()
        .rev()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            compare_estimates(&format!("{CUE}: {}", line.trim()), &q.problem, &weights)
                .into_iter()
                .next()
                .filter(|r| r.verdict != EstimateVerdict::Missing)
        })
        .next();
    let Some(r) = found else {
        return Reply::Retry(format!(
            "Could not read a figure in {} from that: answer with the number and its unit alone, e.g. `{}`.",
            q.unit.trim(),
            example(q)
        ));
    };
    let (proposed, how) = match r.verdict {
        EstimateVerdict::Close => (Rating::Good, format!("within {}x", q.tolerance)),
        EstimateVerdict::OrderOfMagnitude => (Rating::Hard, "within 10x".into()),
        _ => (Rating::Again, "more than 10x away".into()),
    };
    let shown = r
        .found
        .map_or("?".into(), |v| super::estimate::with_unit(v, &q.unit));
    Reply::Graded(Graded {
        proposed,
        why: format!(
            "you said {shown}, expected {} ({how})",
            super::estimate::with_unit(q.expected, &q.unit)
        ),
        result: Result::Quantity {
            verdict: r.verdict,
            found: r.found,
            expected: q.expected,
            unit: q.unit.clone(),
            worked: q.worked.clone(),
        },
    })
}

/// An example answer of the right form (not the answer: a round number).
fn example(q: &QuantityCheck) -> String {
    super::estimate::with_unit(42.0, &q.unit)
}

/// `16 B` → `16 bytes`: a capital B right after a number, standing alone.
fn bytes_b(answer: &str) -> String {
    static B: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    match B.get_or_init(|| regex::Regex::new(r"(\d)\s*B\b").ok()) {
        Some(re) => re.replace_all(answer, "$1 bytes").into_owned(),
        None => answer.to_string(),
    }
}
