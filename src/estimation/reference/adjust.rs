//! Recomputing the reference from the candidate's own inputs.

use super::super::expr::{eval_formula, formula_variables};
use super::super::quantity::{format_quantity, parse_unit_full, Dim, Quantity, QuantityKind};
use super::super::text::match_any;
use super::pick::*;
use super::places::*;
use crate::catalog::problem::{Assumption, Estimate, Problem};
use std::collections::HashMap;
use std::ops::Range;

// Recomputing the reference from the candidate's own inputs

/// Farthest a figure may sit from its cue (bytes).
pub(crate) const MAX_CUE_DISTANCE: usize = 60;
/// A stated input further than this factor from the reference input is
/// taken to be some other figure, not a different assumption.
pub(crate) const PLAUSIBLE_FACTOR: f64 = 10.0;

/// The reference recomputed through the estimate's formula with the
/// candidate's stated inputs, when any differ; with a note naming them.
pub(crate) fn adjusted_reference(
    problem: &Problem,
    stated_inputs: &HashMap<&str, Option<f64>>,
    est: &Estimate,
) -> Option<(f64, String)> {
    let formula = est.formula.as_deref()?;
    let mut vars: HashMap<String, f64> = HashMap::new();
    let mut changed: Vec<String> = Vec::new();
    for name in formula_variables(formula) {
        let a = problem.assumptions.iter().find(|a| a.id == name)?;
        let mut value = a.value;
        if let Some(&Some(stated)) = stated_inputs.get(a.id.as_str()) {
            let same = (stated - a.value).abs() <= 0.005 * a.value.abs().max(stated.abs());
            if !same {
                value = stated;
                changed.push(format!(
                    "{} = {}",
                    a.label,
                    display_in_unit(stated, &a.unit)
                ));
            }
        }
        vars.insert(name, value);
    }
    if changed.is_empty() {
        return None;
    }
    let adjusted = eval_formula(formula, &vars).ok()?;
    let differs = (adjusted - est.value).abs() > 1e-9 * est.value.abs().max(adjusted.abs());
    (adjusted.is_finite() && differs).then(|| {
        (
            adjusted,
            format!("recomputed from your {}", changed.join(", ")),
        )
    })
}

pub(crate) fn display_in_unit(value: f64, unit: &str) -> String {
    let number = format_quantity(value, Dim::COUNT);
    let unit = unit.trim();
    if unit.is_empty() {
        number
    } else if unit.starts_with('/') || unit == "%" || unit == "x" {
        format!("{number}{unit}")
    } else {
        format!("{number} {unit}")
    }
}

/// The candidate's value for an assumption, in the assumption's unit: the
/// figure nearest one of its cue words, not the result of an equation.
pub(crate) fn find_assumption(doc: &Doc, a: &Assumption) -> Option<f64> {
    let info = parse_unit_full(&a.unit)?;
    let cues = cues_of(&a.cues, &a.label);
    let reference = a.value * info.factor;
    let mut best: Option<(usize, usize, f64)> = None; // (distance, position, value)
                                                      // A figure near the cue that agrees with the reference: the candidate
                                                      // may have stated it, so no other figure is named as their input
                                                      // ("40 GB for all renditions; masters at 100 GB/h").
    let mut agrees = false;
    for place in doc.places.iter().filter(|p| p.level > 0) {
        let Some(m) = match_any(&place.cue_words, &cues) else {
            continue;
        };
        for q in doc.quantities_in(place.values.clone()) {
            if place.relations.iter().any(|&r| q.span.start >= r) {
                continue;
            }
            let Some((value, _)) = compatible(doc.text, q, &info, place) else {
                continue;
            };
            // A ratio is named only when written as one ("3x", "100:1") or
            // right after its cue ("peak factor of 3"), never a figure
            // elsewhere in the sentence ("peak: 12 servers").
            if matches!(info.kind, QuantityKind::Multiplier | QuantityKind::Ratio)
                && q.kind == QuantityKind::Plain
                && !right_after_cue(doc.text, &m.span, q)
            {
                continue;
            }
            let ratio = (value / reference).abs();
            if !(1.0 / PLAUSIBLE_FACTOR..=PLAUSIBLE_FACTOR).contains(&ratio) {
                continue;
            }
            let d = distance(&q.span, &m.span);
            if d > MAX_CUE_DISTANCE {
                continue;
            }
            agrees |= (value - reference).abs() <= 0.005 * reference.abs().max(value.abs());
            let key = (d, q.span.start, value);
            if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                best = Some(key);
            }
        }
    }
    if agrees {
        return Some(a.value);
    }
    best.map(|(_, _, v)| v / info.factor)
}

/// "peak factor of 3", "peak factor: 3", "ratio = 3": nothing but a few
/// linking words between the cue and the figure.
fn right_after_cue(text: &str, cue: &Range<usize>, q: &Quantity) -> bool {
    if q.span.start < cue.end {
        return false;
    }
    let between = text
        .get(cue.end..q.span.start)
        .unwrap_or("x")
        .to_ascii_lowercase();
    between.len() <= 16
        && between
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                matches!(
                    w,
                    "of" | "is" | "factor" | "ratio" | "about" | "around" | "roughly" | "by"
                )
            })
}
