//! Checking the arithmetic a candidate types in the estimation step:
//! `100M × 10 = 1B`, `1B posts/day / 86,400 s ≈ 11.6K/s`,
//! `10M users × 10 GB each → 100 PB`.
//!
//! Each line is split into clauses, each clause into a chain of segments
//! separated by `=`, `≈`, `→`, `->`, `=>`; every link of the chain (the
//! expression before a separator against the figure after it) is checked.
//!
//! Values keep several readings (`Interp`); the one closest to the
//! stated figure is judged. Besides plain unit algebra: a duration that
//! multiplies a count is a number of periods (`100M × 12 months × 5 years =
//! 6B`), a rate times a duration is a total (`1 TB/day × 365 days = 365 TB`),
//! and a total may be stated per period or a rate as a total
//! (`1.2B × 500 bytes = 600 GB/year`), compared in the stated unit. A
//! duration times the count of a smaller unit in one of its own is a unit
//! conversion, joined left to right before the rest of the product:
//! `30 days × 24 hrs × 3600 seconds` is 720 hours, then 2,592,000 seconds,
//! and `4000/s × 24 hours × 3600 seconds` is 4000/s × 86,400 s.

mod clauses;
mod interp;
mod links;

#[cfg(test)]
mod tests;

use super::quantity::parse_quantities;
use clauses::clauses;
use links::check_clause;
use serde::Serialize;
use std::ops::Range;

/// Outcome of one checked step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArithVerdict {
    Correct,
    Wrong,
    DimensionMismatch,
}

/// One checked step of the candidate's arithmetic.
///
/// `stated` and `computed` are both in the stated figure's own unit (365 for
/// "365 TB", 11,574 for "11,574/s"); for a dimension mismatch `computed`
/// is in base units (bytes, seconds, per second) of what the left side gives.
#[derive(Debug, Clone, Serialize)]
pub struct ArithmeticCheck {
    /// The step as written, from the expression to the stated figure.
    pub text: String,
    /// Byte range of `text` in the checked text.
    pub span: Range<usize>,
    pub stated: f64,
    pub computed: f64,
    pub stated_display: String,
    pub computed_display: String,
    /// `|stated − computed| / max(|stated|, |computed|)`: 0.9 when the stated
    /// figure is ten times too large, 0.5 when it is half.
    pub relative_error: f64,
    pub verdict: ArithVerdict,
    pub ok: bool,
    /// One sentence for the report: "1B / 86400 = 11,574, not 115,740 (off by 90%)".
    pub explanation: String,
}

/// Tolerance for a correct result.
const TOLERANCE: f64 = 0.10;
/// Tolerance when marked approximate or using 100K s/day, 2.5M s/month.
const LOOSE_TOLERANCE: f64 = 0.25;

/// Checks every step with a stated result in `text`. Lines that cannot be
/// read (overflowing numbers, unbalanced parentheses, division by zero) are
/// skipped, never reported with NaN or infinity.
pub fn check_arithmetic(text: &str) -> Vec<ArithmeticCheck> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let quantities = parse_quantities(line);
        for clause in clauses(line, &quantities) {
            check_clause(line, offset, clause, &quantities, &mut out);
        }
        offset += line.len();
    }
    out
}

/// `|s − c| / max(|s|, |c|)`, 0 when both are 0.
pub(crate) fn relative_error(s: f64, c: f64) -> f64 {
    let scale = s.abs().max(c.abs());
    if scale == 0.0 || !scale.is_finite() {
        return if s == c { 0.0 } else { 1.0 };
    }
    ((s - c).abs() / scale).min(1.0)
}
