//! The estimation step's score.

use super::super::arithmetic::{ArithVerdict, ArithmeticCheck};
use super::*;

/// Score of the estimation step, 0..=100 (one decimal):
///
/// `100 × (0.40 · coverage + 0.35 · closeness + 0.25 · arithmetic)`, where
/// * `coverage` = Σ weight of estimates found / Σ weight;
/// * `closeness` = Σ weight · c(verdict) / Σ weight, with c = 1 for `close`,
///   0.4 for `order_of_magnitude`, 0 for `off` and `missing`;
/// * `arithmetic` = share of verified steps that are correct (unverified
///   ones are left out); with no checked
///   steps it is 0.5 when some figure was found (figures without work), 0
///   otherwise.
///
/// Non-positive or non-finite weights count as 0; if every weight is 0 each
/// estimate counts 1. With no graded estimates the score is
/// `100 × arithmetic` share (0 when nothing was checked either).
pub fn estimation_score(results: &[EstimateResult], arithmetic: &[ArithmeticCheck]) -> f64 {
    let weight = |r: &EstimateResult| {
        if r.weight.is_finite() && r.weight > 0.0 {
            r.weight
        } else {
            0.0
        }
    };
    let mut total: f64 = results.iter().map(weight).sum();
    let uniform = total <= 0.0;
    if uniform {
        total = results.len() as f64;
    }
    let w = |r: &EstimateResult| if uniform { 1.0 } else { weight(r) };
    // Unverified steps cost nothing and earn nothing.
    let checked = arithmetic
        .iter()
        .filter(|c| c.verdict != ArithVerdict::Unverified)
        .count();
    let correct = arithmetic.iter().filter(|c| c.ok).count();
    let any_found = results.iter().any(|r| r.found.is_some());
    let arith = if checked > 0 {
        correct as f64 / checked as f64
    } else if any_found {
        0.5
    } else {
        0.0
    };
    let score = if results.is_empty() {
        if checked > 0 {
            arith
        } else {
            0.0
        }
    } else {
        let coverage: f64 = results
            .iter()
            .filter(|r| r.verdict != EstimateVerdict::Missing)
            .map(w)
            .sum::<f64>()
            / total;
        let closeness: f64 = results
            .iter()
            .map(|r| {
                w(r) * match r.verdict {
                    EstimateVerdict::Close => 1.0,
                    EstimateVerdict::OrderOfMagnitude => 0.4,
                    EstimateVerdict::Off | EstimateVerdict::Missing => 0.0,
                }
            })
            .sum::<f64>()
            / total;
        0.40 * coverage + 0.35 * closeness + 0.25 * arith
    };
    let s = (score * 100.0).clamp(0.0, 100.0);
    if s.is_finite() {
        (s * 10.0).round() / 10.0
    } else {
        0.0
    }
}
