//! Comparing the candidate's figures with a problem's reference estimates,
//! and the estimation step's score.

mod adjust;
mod pick;
mod places;
mod score;

pub use score::estimation_score;

use super::quantity::{parse_unit_full, Dim, QuantityKind, UnitInfo};
use super::text::{match_any, Cue, CueMatch, Word};
use crate::catalog::problem::{Estimate, Problem};
use adjust::{adjusted_reference, find_assumption};
use pick::{clause_head_match, cues_of, find_estimate, multi_period, subject_words};
use places::Doc;
use serde::Serialize;
use std::collections::HashMap;

/// How a candidate's figure compares with the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EstimateVerdict {
    /// Within the estimate's tolerance factor (2x by default).
    Close,
    /// Within 10x.
    OrderOfMagnitude,
    /// Further than 10x.
    Off,
    /// No figure found for it.
    Missing,
}

impl EstimateVerdict {
    /// Higher is better.
    fn rank(self) -> u8 {
        match self {
            EstimateVerdict::Close => 3,
            EstimateVerdict::OrderOfMagnitude => 2,
            EstimateVerdict::Off => 1,
            EstimateVerdict::Missing => 0,
        }
    }
}

/// The grading of one reference estimate.
#[derive(Debug, Clone, Serialize)]
pub struct EstimateResult {
    pub id: String,
    pub label: String,
    /// Reference value, in the estimate's unit.
    pub reference: f64,
    pub unit: String,
    /// The candidate's figure, in the estimate's unit.
    pub found: Option<f64>,
    /// The sentence or line the figure was found in.
    pub found_text: Option<String>,
    /// The reference recomputed from the candidate's own inputs, when they
    /// stated different ones (in the estimate's unit).
    pub adjusted_reference: Option<f64>,
    /// What was recomputed from: "recomputed from your daily active users = 500M".
    pub adjusted_note: Option<String>,
    pub verdict: EstimateVerdict,
    pub calculation: String,
    pub weight: f64,
}

/// Grades the candidate's figures in `text` against the problem's
/// estimates. Only estimates listed in `weights` (id, rubric weight) are
/// graded, in the problem's order.
pub fn compare_estimates(
    text: &str,
    problem: &Problem,
    weights: &[(String, f64)],
) -> Vec<EstimateResult> {
    let doc = Doc::new(text);
    // The candidate's value for each assumption, looked up once.
    let stated: HashMap<&str, Option<f64>> = problem
        .assumptions
        .iter()
        .map(|a| (a.id.as_str(), find_assumption(&doc, a)))
        .collect();
    // Cue matches of every estimate in every place, computed once.
    let cues: Vec<Vec<Cue>> = problem
        .estimates
        .iter()
        .map(|e| cues_of(&e.cues, &e.label))
        .collect();
    let infos: Vec<UnitInfo> = problem
        .estimates
        .iter()
        .map(|e| unit_info(&e.unit))
        .collect();
    let multi: Vec<Option<f64>> = problem.estimates.iter().map(multi_period).collect();
    let matches: Vec<Vec<Option<PlaceMatch>>> = doc
        .places
        .iter()
        .map(|p| {
            let figures = doc.quantities_in(p.values.clone());
            cues.iter()
                .zip(&infos)
                .map(|(c, info)| {
                    match_any(&p.cue_words, c)
                        .or_else(|| clause_head_match(&doc, p, c, info))
                        .map(|m| PlaceMatch {
                            in_figure: figures
                                .iter()
                                .any(|q| q.span.start <= m.span.start && m.span.end <= q.span.end),
                            m,
                        })
                })
                .collect()
        })
        .collect();
    // What each figure names in its own unit ("writes" of "40 writes/s").
    let subjects: Vec<Vec<Word>> = doc
        .quantities
        .iter()
        .map(|q| subject_words(text, q.span.clone()))
        .collect();
    let ctx = Grading {
        doc: &doc,
        problem,
        stated: &stated,
        cues: &cues,
        infos: &infos,
        multi: &multi,
        matches: &matches,
        subjects: &subjects,
    };
    let mut out = Vec::new();
    for (index, est) in problem.estimates.iter().enumerate() {
        let Some(&(_, weight)) = weights.iter().find(|(id, _)| *id == est.id) else {
            continue;
        };
        out.push(grade(&ctx, index, est, weight));
    }
    out
}

/// What grading one estimate needs from the others.
struct Grading<'a> {
    doc: &'a Doc<'a>,
    problem: &'a Problem,
    stated: &'a HashMap<&'a str, Option<f64>>,
    cues: &'a [Vec<Cue>],
    /// Per estimate, its unit.
    infos: &'a [UnitInfo],
    /// Per estimate, the period it spans several of ("over 5 years").
    multi: &'a [Option<f64>],
    /// `[place][estimate]`.
    matches: &'a [Vec<Option<PlaceMatch>>],
    /// Per figure of `doc.quantities`, the words of its unit's subject.
    subjects: &'a [Vec<Word>],
}

/// An estimate's cue found in a place.
struct PlaceMatch {
    m: CueMatch,
    /// Inside a figure's unit ("GB/day"), not a mention in the prose.
    in_figure: bool,
}

/// An estimate's unit, a plain count when unreadable.
fn unit_info(unit: &str) -> UnitInfo {
    parse_unit_full(unit).unwrap_or(UnitInfo {
        factor: 1.0,
        dim: Dim::COUNT,
        period: None,
        kind: QuantityKind::Plain,
    })
}

fn grade(ctx: &Grading, index: usize, est: &Estimate, weight: f64) -> EstimateResult {
    let info = ctx
        .infos
        .get(index)
        .copied()
        .unwrap_or_else(|| unit_info(&est.unit));
    let tolerance = if est.tolerance().is_finite() {
        est.tolerance().max(1.0)
    } else {
        2.0
    };
    let found = find_estimate(ctx, index, &info);
    let found_value = found.as_ref().map(|(v, _)| v / info.factor);
    let (adjusted, note) = adjusted_reference(ctx.problem, ctx.stated, est).unzip();
    let mut verdict = match found_value {
        Some(f) => compare(f, est.value, tolerance),
        None => EstimateVerdict::Missing,
    };
    if let (Some(f), Some(a)) = (found_value, adjusted) {
        let alt = compare(f, a, tolerance);
        if alt.rank() > verdict.rank() {
            verdict = alt;
        }
    }
    EstimateResult {
        id: est.id.clone(),
        label: est.label.clone(),
        reference: est.value,
        unit: est.unit.clone(),
        found: found_value,
        found_text: found.map(|(_, t)| t),
        adjusted_reference: adjusted,
        adjusted_note: note,
        verdict,
        calculation: est.calculation.clone(),
        weight,
    }
}

/// `close` within the tolerance factor, `order_of_magnitude` within 10x.
fn compare(found: f64, reference: f64, tolerance: f64) -> EstimateVerdict {
    if !found.is_finite() || !reference.is_finite() {
        return EstimateVerdict::Off;
    }
    if reference == 0.0 || found == 0.0 {
        return if found == reference {
            EstimateVerdict::Close
        } else {
            EstimateVerdict::Off
        };
    }
    if (found < 0.0) != (reference < 0.0) {
        return EstimateVerdict::Off;
    }
    let ratio = (found / reference).abs().max((reference / found).abs());
    if ratio <= tolerance {
        EstimateVerdict::Close
    } else if ratio <= 10.0 {
        EstimateVerdict::OrderOfMagnitude
    } else {
        EstimateVerdict::Off
    }
}
