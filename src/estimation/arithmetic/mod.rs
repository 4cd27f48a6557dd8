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

mod claims;
mod clauses;
mod context;
mod doubt;
mod interp;
mod links;

#[cfg(test)]
mod tests;

use super::quantity::parse_quantities;
use claims::check_claims;
use clauses::clauses;
use context::Context;
use links::{check_clause, LineCtx};
use serde::Serialize;
use std::ops::Range;

/// Outcome of one checked step. Precision comes first: a step is `Wrong`
/// only when it is wrong under every plausible reading (of an ambiguous
/// unit, of an arrow, of a bare number); when it cannot be read with
/// confidence it is `Unverified`, shown as such, and costs nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArithVerdict {
    /// The stated figure follows from the expression.
    Ok,
    /// Wrong under every reading tried.
    Wrong,
    /// Not checkable with confidence (units that do not match, say).
    Unverified,
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
///
/// Figures with units in earlier lines of `text` (the step) give bare
/// numbers their unit; a line's own earlier clauses do too.
pub fn check_arithmetic(text: &str) -> Vec<ArithmeticCheck> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut ctx = Context::default();
    for raw in text.split_inclusive('\n') {
        let cleaned = unmark(raw);
        let line = cleaned.as_str();
        let quantities = parse_quantities(line);
        let lc = LineCtx {
            line,
            offset,
            quantities: &quantities,
        };
        let first_new = out.len();
        for clause in clauses(line, &quantities) {
            let before = quantities.partition_point(|q| q.span.end <= clause.start);
            ctx.remember(quantities.get(..before).unwrap_or(&[]));
            check_clause(&lc, &ctx, clause, &mut out);
        }
        doubt::soften(&lc, out.get_mut(first_new..).unwrap_or_default());
        check_claims(&lc, &mut out, first_new);
        if raw.chars().any(|c| superscript(c).is_some()) {
            for check in out.get_mut(first_new..).unwrap_or_default() {
                quote_powers(raw, line, offset, check);
            }
        }
        ctx.remember(&quantities);
        offset += raw.len();
    }
    out
}

/// The step and the start of its explanation quoted as the candidate typed
/// them: "5×10⁹ reads/day", not the "5×10^9  reads/day" the checker read.
/// The read line has the typed line's bytes, so a span of one is a span of
/// the other once widened to whole characters.
fn quote_powers(raw: &str, read: &str, offset: usize, check: &mut ArithmeticCheck) {
    let widen = |mut end: usize| {
        while end < raw.len() && !raw.is_char_boundary(end) {
            end += 1;
        }
        end
    };
    let (start, end) = (check.span.start - offset, check.span.end - offset);
    let Some(seen) = read.get(start..end) else {
        return;
    };
    let lead = start + seen.len() - seen.trim_start().len();
    let Some(typed) = raw.get(start..widen(end)) else {
        return;
    };
    // The explanation opens with the left side of the step, as read.
    let shared = check
        .explanation
        .char_indices()
        .zip(check.text.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    if let Some(head) = raw.get(lead..widen(lead + shared)) {
        let rest = check.explanation.get(shared..).unwrap_or_default();
        check.explanation = format!("{}{rest}", unmark_with(head, false));
    }
    check.text = unmark_with(typed, false).trim().to_string();
}

/// Markdown emphasis and escapes blanked out, byte for byte, so spans stay
/// valid: `5M \\* 3 MB`, `**40/s**`, `` `1B / 86400` ``.
fn unmark(line: &str) -> String {
    unmark_with(line, true)
}

/// As `unmark`; superscript powers become "^9" only when `powers` is set
/// (for reading; a quote keeps them as typed).
fn unmark_with(line: &str, powers: bool) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars
                .peek()
                .is_some_and(|n| matches!(n, '*' | '_' | '~' | '|')) =>
            {
                out.push(' ')
            }
            '`' => out.push(' '),
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                out.push_str("  ");
            }
            // "10⁹" is "10^9": the caret and digits fit in the bytes of the
            // superscript run, the rest padded with spaces.
            c if powers
                && superscript(c).is_some()
                && out.ends_with(|p: char| p.is_ascii_digit()) =>
            {
                let mut digits = String::new();
                let mut bytes = c.len_utf8();
                digits.push(superscript(c).unwrap_or('0'));
                while let Some(d) = chars.peek().and_then(|&n| superscript(n)) {
                    bytes += chars.next().map_or(0, char::len_utf8);
                    digits.push(d);
                }
                out.push('^');
                out.push_str(&digits);
                out.extend(std::iter::repeat_n(' ', bytes - digits.len() - 1));
            }
            _ => out.push(c),
        }
    }
    out
}

/// The digit a superscript digit stands for.
fn superscript(c: char) -> Option<char> {
    let d = match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    };
    Some(d)
}

/// `|s − c| / max(|s|, |c|)`, 0 when both are 0.
pub(crate) fn relative_error(s: f64, c: f64) -> f64 {
    let scale = s.abs().max(c.abs());
    if scale == 0.0 || !scale.is_finite() {
        return if s == c { 0.0 } else { 1.0 };
    }
    ((s - c).abs() / scale).min(1.0)
}
