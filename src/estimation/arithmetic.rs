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

use super::expr::{evaluate, ExprError, Located, Op, Operand, Tok};
use super::quantity::{
    format_quantity, format_quantity_per, parse_quantities, Dim, Quantity, QuantityKind, DAY,
    MONTH, PERIODS, YEAR,
};
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

// ---------------------------------------------------------------------------
// Values with units and alternative readings

/// One reading of a value. Several readings are kept when a step is
/// ambiguous: `1 TB/day × 365` is 365 TB/day (a multiplier) or 1 TB/day seen
/// per year (a period conversion).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Interp {
    /// Base units: bytes, seconds, per second.
    pub v: f64,
    pub dim: Dim,
    /// Seconds of the period a rate is thought of per; for a duration, the
    /// unit it was written in (3,600 for "2 h"); 1 otherwise.
    pub period: f64,
    /// Used a rounded period (100K s/day, 2.5M s/month): looser tolerance.
    pub rounded: bool,
    /// `Some(true)`: a reading only a figure in bits may state ("× 8" to
    /// turn bytes into bits).
    pub bits: Option<bool>,
}

/// A value under evaluation: its readings, the first being the literal one.
#[derive(Debug, Clone)]
pub(crate) struct UVal {
    pub interps: Vec<Interp>,
    /// A single figure written in bits ("5 Mbps"), for "/ 8".
    pub bits: bool,
}

const MAX_INTERPS: usize = 8;

impl UVal {
    fn from_quantity(q: &Quantity) -> UVal {
        UVal {
            interps: vec![Interp {
                v: q.value,
                dim: q.dim,
                period: if q.dim.is_rate() {
                    q.period.unwrap_or(1.0)
                } else if q.dim == Dim::DURATION {
                    q.unit_factor
                } else {
                    1.0
                },
                rounded: false,
                bits: None,
            }],
            bits: q.bits,
        }
    }
}

/// Is `n` the number of `small` periods in a `big` one (`86,400` s in a
/// day, `30` days in a month)? `Some(rounded)` when it is, with `rounded`
/// set for the accepted rules of thumb (100K s/day, 2.5M or 3M s/month,
/// 30M s/year).
fn period_ratio(n: f64, small: f64, big: f64) -> Option<bool> {
    let exact = big / small;
    if (n - exact).abs() <= exact * 0.02 {
        return Some(false);
    }
    let rules: &[(f64, f64, f64)] = &[
        (1.0, DAY, 1e5),
        (1.0, MONTH, 2.5e6),
        (1.0, MONTH, 3e6),
        (1.0, YEAR, 3e7),
        (DAY, YEAR, 360.0),
    ];
    rules
        .iter()
        .any(|&(s, b, r)| s == small && b == big && (n - r).abs() <= r * 1e-9)
        .then_some(true)
}

/// "30 days × 24 hrs", "24 hrs × 3600 seconds", "1 year × 12 months": a
/// duration `d` times a duration `n` whose number, as written, is how many
/// of `n`'s (smaller) unit make one of `d`'s unit, is `d` expressed in
/// `n`'s unit (720 hours, 86,400 seconds, 12 months), not a product of two
/// durations. Pushes that reading when the pair is such a conversion: the
/// figures multiplied as typed, then, for a rule-of-thumb count (100K s a
/// day), the exact duration too.
fn duration_conversion(d: Interp, n: Interp, out: &mut Vec<Interp>) {
    if d.dim != Dim::DURATION
        || n.dim != Dim::DURATION
        || !(n.period > 0.0 && n.period < d.period && d.period.is_finite())
    {
        return;
    }
    let d_typed = d.v / d.period;
    let n_typed = n.v / n.period;
    // 30 days is the month everywhere else; a 31-day month is exact too.
    let long_month = n.period == DAY && d.period == MONTH && (n_typed - 31.0).abs() <= 1e-9;
    let Some(r) = period_ratio(n_typed, n.period, d.period).or(long_month.then_some(false)) else {
        return;
    };
    let rounded = r || d.rounded || n.rounded;
    out.extend(finite(Interp {
        v: d_typed * n_typed * n.period,
        dim: Dim::DURATION,
        period: n.period,
        rounded,
        bits: None,
    }));
    if r {
        out.extend(finite(Interp {
            period: n.period,
            rounded: true,
            bits: None,
            ..d
        }));
    }
}

/// Joins unit conversions in a product ahead of the rest of the
/// expression, left to right: `4000/s × 24 hours × 3600 seconds` is 4000/s
/// × 86,400 s, not (4000/s × 24 hours) × 3600 s, and `30 days × 24 hrs ×
/// 3600 seconds` is 720 hours, then 2,592,000 seconds. A figure next to a
/// `^` is left alone. Other products of durations are untouched.
fn join_conversions(toks: Vec<Located<UVal>>) -> Vec<Located<UVal>> {
    let mut out: Vec<Located<UVal>> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        if let (
            Tok::Op(Op::Mul),
            Some(Located {
                tok: Tok::Val(n), ..
            }),
        ) = (&t.tok, toks.get(i + 1))
        {
            let is_pow = |t: Option<&Located<UVal>>| {
                matches!(
                    t,
                    Some(Located {
                        tok: Tok::Op(Op::Pow),
                        ..
                    })
                )
            };
            let pow_before = is_pow(out.len().checked_sub(2).and_then(|k| out.get(k)));
            let pow_after = is_pow(toks.get(i + 2));
            if let Some(Located {
                tok: Tok::Val(d), ..
            }) = out.last_mut()
            {
                if !pow_before && !pow_after {
                    if let Some(joined) = convert_uval(d, n) {
                        *d = joined;
                        i += 2;
                        continue;
                    }
                }
            }
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

/// The readings of `d × n` as a unit conversion, if any pair of their
/// readings is one.
fn convert_uval(d: &UVal, n: &UVal) -> Option<UVal> {
    let mut out = Vec::new();
    for &x in &d.interps {
        for &y in &n.interps {
            duration_conversion(x, y, &mut out);
        }
    }
    let interps = distinct(out);
    (!interps.is_empty()).then_some(UVal {
        interps,
        bits: false,
    })
}

/// Drops duplicate readings and keeps the list short.
fn distinct(out: Vec<Interp>) -> Vec<Interp> {
    let mut kept: Vec<Interp> = Vec::new();
    for i in out {
        let dup = kept.iter().any(|k| {
            k.dim == i.dim
                && k.period == i.period
                && (k.v - i.v).abs() <= 1e-9 * k.v.abs().max(i.v.abs())
        });
        if !dup && kept.len() < MAX_INTERPS {
            kept.push(i);
        }
    }
    kept
}

fn finite(i: Interp) -> Option<Interp> {
    i.v.is_finite().then_some(i)
}

fn mul_interp(a: Interp, b: Interp, out: &mut Vec<Interp>) -> Result<(), ExprError> {
    let dim = a
        .dim
        .times(b.dim)
        .ok_or_else(|| ExprError::Incompatible("units grow too large".into()))?;
    let period = if dim == Dim::DURATION {
        // "100M × 2 h" is still counted in hours.
        if a.dim == Dim::DURATION {
            a.period
        } else if b.dim == Dim::DURATION {
            b.period
        } else {
            1.0
        }
    } else if !dim.is_rate() {
        1.0
    } else if a.dim.is_rate() {
        a.period
    } else if b.dim.is_rate() {
        b.period
    } else {
        1.0
    };
    out.extend(finite(Interp {
        v: a.v * b.v,
        dim,
        period,
        rounded: a.rounded || b.rounded,
        bits: a.bits.or(b.bits),
    }));
    for (d, n) in [(a, b), (b, a)] {
        if d.dim != Dim::DURATION {
            continue;
        }
        if n.dim.is_count() {
            // "100M × 12 months", "× 5 years": in back-of-the-envelope
            // arithmetic a duration that multiplies a plain count is a
            // number of periods (12, 5), and the product stays a count. The
            // literal reading ("100M × 2 h" hours of content) is kept above.
            out.extend(finite(Interp {
                v: n.v * d.v / d.period,
                dim: Dim::COUNT,
                period: 1.0,
                rounded: d.rounded || n.rounded,
                bits: n.bits,
            }));
            // "2 h × 3600": the same duration, counted in seconds.
            for &(small, _) in PERIODS.iter().filter(|(p, _)| *p < d.period) {
                if let Some(r) = period_ratio(n.v, small, d.period) {
                    out.extend(finite(Interp {
                        v: d.v * n.v * small / d.period,
                        dim: Dim::DURATION,
                        period: small,
                        rounded: r || d.rounded || n.rounded,
                        bits: None,
                    }));
                }
            }
        } else if n.dim == Dim::DURATION {
            // "30 days × 24 hrs", "2 h × 3600 s": a unit conversion, not
            // seconds squared.
            let before = out.len();
            duration_conversion(d, n, out);
            if out.len() > before {
                continue;
            }
            // "5 s × 1 s", "2 h × 1 h": one of the first duration's own
            // units, read as the first duration in seconds.
            if let Some(r) = period_ratio(n.v, 1.0, d.period) {
                out.push(Interp {
                    period: 1.0,
                    rounded: r || d.rounded || n.rounded,
                    ..d
                });
            }
        } else if n.dim.time == 0 {
            // "50,000 h × 40 GB": hours of content, each of that size.
            out.extend(finite(Interp {
                v: d.v / d.period * n.v,
                dim: n.dim,
                period: n.period,
                rounded: d.rounded || n.rounded,
                bits: n.bits,
            }));
        }
    }
    // "X per second × 86,400", "1 TB/day × 365": the same rate, seen per a
    // longer period.
    for (rate, n) in [(a, b), (b, a)] {
        if !rate.dim.is_rate() || !n.dim.is_count() {
            continue;
        }
        for &(big, _) in PERIODS.iter().filter(|(p, _)| *p > rate.period) {
            if let Some(rounded) = period_ratio(n.v, rate.period, big) {
                out.extend(finite(Interp {
                    v: rate.v * n.v * rate.period / big,
                    dim: rate.dim,
                    period: big,
                    rounded: rounded || rate.rounded || n.rounded,
                    bits: rate.bits,
                }));
            }
        }
    }
    Ok(())
}

fn div_interp(a: Interp, b: Interp, out: &mut Vec<Interp>) -> Result<(), ExprError> {
    if b.v == 0.0 {
        return Err(ExprError::DivisionByZero);
    }
    let rounded = a.rounded || b.rounded;
    if a.dim.is_rate() && b.dim.is_count() {
        // "1B posts/day / 86,400", "30M/month / 2.5M": per-day to per-second.
        for &(small, _) in PERIODS.iter().filter(|(p, _)| *p < a.period) {
            if let Some(r) = period_ratio(b.v, small, a.period) {
                out.extend(finite(Interp {
                    v: a.v * a.period / (b.v * small),
                    dim: a.dim,
                    period: small,
                    rounded: rounded || r,
                    bits: a.bits,
                }));
                if r {
                    // The exact conversion too, so a precise answer passes.
                    out.push(Interp {
                        period: small,
                        rounded: true,
                        ..a
                    });
                }
            }
        }
    }
    if a.dim.is_rate() && b.dim == Dim::DURATION {
        // "1B posts/day / 86,400 s": the duration is the rate's own period.
        if let Some(r) = period_ratio(b.v, 1.0, a.period) {
            out.extend(finite(Interp {
                v: a.v * a.period / b.v,
                dim: a.dim,
                period: 1.0,
                rounded: rounded || r,
                bits: a.bits,
            }));
            if r {
                out.push(Interp {
                    period: 1.0,
                    rounded: true,
                    ..a
                });
            }
            return Ok(());
        }
    }
    if a.dim.time == 0 && b.dim.is_count() {
        // "1B / 100K": the rounded seconds-per-day; also try the exact one.
        for &(big, _) in PERIODS.iter().filter(|(p, _)| *p > 1.0) {
            if period_ratio(b.v, 1.0, big) == Some(true) {
                out.extend(finite(Interp {
                    v: a.v / big,
                    dim: a.dim,
                    period: 1.0,
                    rounded: true,
                    bits: a.bits,
                }));
            }
        }
    }
    let dim = a
        .dim
        .per(b.dim)
        .ok_or_else(|| ExprError::Incompatible("units grow too large".into()))?;
    let keeps_period = (dim.is_rate() && a.dim.is_rate()) || (dim == Dim::DURATION && a.dim == dim);
    let period = if keeps_period { a.period } else { 1.0 };
    out.extend(finite(Interp {
        v: a.v / b.v,
        dim,
        period,
        rounded,
        bits: a.bits,
    }));
    Ok(())
}

fn add_interp(op: Op, a: Interp, b: Interp, out: &mut Vec<Interp>) -> Result<(), ExprError> {
    if a.dim != b.dim {
        return Err(ExprError::Incompatible(format!(
            "cannot add {} and {}",
            a.dim.describe(),
            b.dim.describe()
        )));
    }
    let v = if op == Op::Add { a.v + b.v } else { a.v - b.v };
    out.extend(finite(Interp {
        v,
        dim: a.dim,
        period: if a.period == b.period { a.period } else { 1.0 },
        rounded: a.rounded || b.rounded,
        bits: a.bits.or(b.bits),
    }));
    Ok(())
}

fn pow_interp(a: Interp, b: Interp, out: &mut Vec<Interp>) -> Result<(), ExprError> {
    if !a.dim.is_count() || !b.dim.is_count() {
        return Err(ExprError::Incompatible(
            "powers of quantities with units".into(),
        ));
    }
    out.extend(finite(Interp {
        v: a.v.powf(b.v),
        dim: Dim::COUNT,
        period: 1.0,
        rounded: a.rounded || b.rounded,
        bits: None,
    }));
    Ok(())
}

impl Operand for UVal {
    fn apply(op: Op, a: UVal, b: UVal) -> Result<UVal, ExprError> {
        let mut out: Vec<Interp> = Vec::new();
        let mut first_err = None;
        let eight = |v: &UVal| {
            v.interps
                .first()
                .is_some_and(|i| i.dim.is_count() && i.v == 8.0)
        };
        // "5 Mbps / 8": bits to bytes by hand, already done by the parser.
        if op == Op::Div && a.bits && eight(&b) {
            out.extend(a.interps.iter().map(|&i| Interp { bits: None, ..i }));
        }
        // "625 KB/s × 8 = 5 Mbps": bytes to bits, for a figure stated in bits.
        if op == Op::Mul && eight(&b) {
            out.extend(
                a.interps
                    .iter()
                    .filter(|i| i.dim.bytes > 0)
                    .map(|&i| Interp {
                        bits: Some(true),
                        ..i
                    }),
            );
        }
        for &x in &a.interps {
            for &y in &b.interps {
                let r = match op {
                    Op::Add | Op::Sub => add_interp(op, x, y, &mut out),
                    Op::Mul => mul_interp(x, y, &mut out),
                    Op::Div => div_interp(x, y, &mut out),
                    Op::Pow => pow_interp(x, y, &mut out),
                };
                if let Err(e) = r {
                    first_err.get_or_insert(e);
                }
            }
        }
        let kept = distinct(out);
        if kept.is_empty() {
            Err(first_err.unwrap_or(ExprError::NotFinite))
        } else {
            // A product or quotient of a figure in bits is still "in bits"
            // for a later "/ 8".
            let bits = match op {
                Op::Mul => a.bits || b.bits,
                Op::Div => a.bits,
                _ => false,
            };
            Ok(UVal {
                interps: kept,
                bits,
            })
        }
    }

    fn negate(self) -> Result<UVal, ExprError> {
        Ok(UVal {
            interps: self
                .interps
                .into_iter()
                .map(|i| Interp { v: -i.v, ..i })
                .collect(),
            bits: self.bits,
        })
    }
}

// ---------------------------------------------------------------------------
// Splitting lines into clauses, chains and expressions

/// Splits a line at `;`, `|`, and `, ` / `. ` / `? ` / `! ` outside figures.
fn clauses(line: &str, quantities: &[Quantity]) -> Vec<Range<usize>> {
    let inside = |i: usize| {
        quantities
            .iter()
            .any(|q| q.span.start < i && i < q.span.end)
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = line.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next_space = iter.peek().is_none_or(|&(_, n)| n.is_whitespace());
        let split = match c {
            ';' | '|' | '\n' => true,
            ',' | '.' | '?' | '!' => next_space && !inside(i),
            _ => false,
        };
        if split {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..line.len());
    out
}

/// A separator between links of a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// `=`, `→`, `->`, `=>`; `approx` for `≈`, `~=`.
    Result { approx: bool },
    /// `<=`, `>=`, `!=`: not a stated result; the chain stops.
    Break,
}

/// Segments of a clause between separators, each with the separator that
/// ends it (None for the last).
fn segments(line: &str, clause: Range<usize>) -> Vec<(Range<usize>, Option<Sep>)> {
    let text = line.get(clause.clone()).unwrap_or("");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut seg_start = 0;
    let mut k = 0;
    while let Some(&(i, c)) = chars.get(k) {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, p)| p);
        // (separator, chars it spans)
        let found: Option<(Sep, usize)> = match c {
            '→' | '⇒' | '⟶' | '⟹' => Some((Sep::Result { approx: false }, 1)),
            '≈' | '≃' => Some((Sep::Result { approx: true }, 1)),
            '<' | '>' | '!' if next == Some('=') => Some((Sep::Break, 2)),
            '-' | '=' => {
                // Runs like "->", "-->", "=>", "==", "=~".
                let mut j = k;
                while chars.get(j).is_some_and(|&(_, d)| d == '-' || d == '=') {
                    j += 1;
                }
                let run = j - k;
                let arrow = chars.get(j).is_some_and(|&(_, d)| d == '>');
                let all_eq = chars
                    .get(k..j)
                    .is_some_and(|r| r.iter().all(|&(_, d)| d == '='));
                if arrow {
                    Some((Sep::Result { approx: false }, run + 1))
                } else if all_eq {
                    let tilde_after = chars.get(j).is_some_and(|&(_, d)| d == '~');
                    let approx = prev == Some('~') || tilde_after;
                    Some((Sep::Result { approx }, run + usize::from(tilde_after)))
                } else {
                    None
                }
            }
            '~' if next.is_some_and(|n| n.is_whitespace() || n.is_ascii_digit())
                && prev.is_some_and(|p| p.is_whitespace())
                && text.get(..i).is_some_and(|h| {
                    h.trim_end()
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_alphanumeric() || p == ')' || p == '%')
                }) =>
            {
                Some((Sep::Result { approx: true }, 1))
            }
            _ => None,
        };
        if let Some((sep, len)) = found {
            out.push((clause.start + seg_start..clause.start + i, Some(sep)));
            let end_k = k + len;
            seg_start = chars.get(end_k).map_or(text.len(), |&(e, _)| e);
            k = end_k;
        } else {
            k += 1;
        }
    }
    out.push((clause.start + seg_start..clause.end, None));
    out
}

/// A maximal well-formed expression inside a segment.
#[derive(Debug, Clone)]
struct Chunk {
    toks: Vec<Located<UVal>>,
    /// Indices (into the line's quantities) of the figures used.
    figures: Vec<usize>,
    range: Range<usize>,
    has_op: bool,
}

#[derive(Debug)]
enum GapTok {
    Op(Op),
    LParen,
    RParen,
    /// A word; `of` links a percentage to what follows.
    Word(bool),
    /// Something that stops an expression (an unreadable number).
    Stop,
}

/// Reads operators, parentheses and words between two figures.
fn gap_tokens(line: &str, range: Range<usize>) -> Vec<(GapTok, usize)> {
    let text = line.get(range.clone()).unwrap_or("");
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = range.start + i;
        let tok = match c {
            '(' | '[' => GapTok::LParen,
            ')' | ']' => GapTok::RParen,
            '+' => GapTok::Op(Op::Add),
            '-' | '−' => GapTok::Op(Op::Sub),
            '*' | '×' | '·' | '⋅' | '✕' => GapTok::Op(Op::Mul),
            '/' | '÷' => GapTok::Op(Op::Div),
            '^' => GapTok::Op(Op::Pow),
            c if c.is_alphabetic() => {
                let mut word = String::from(c);
                while let Some(&(_, d)) = iter.peek() {
                    if d.is_alphabetic() {
                        word.push(d);
                        iter.next();
                    } else {
                        break;
                    }
                }
                let lower = word.to_lowercase();
                match lower.as_str() {
                    "x" | "times" => GapTok::Op(Op::Mul),
                    "of" => GapTok::Word(true),
                    _ => GapTok::Word(false),
                }
            }
            c if c.is_ascii_digit() => GapTok::Stop,
            _ => continue,
        };
        out.push((tok, at));
    }
    out
}

/// Builds the expressions of a segment from its figures and the gaps.
fn chunks(line: &str, seg: Range<usize>, quantities: &[Quantity]) -> Vec<Chunk> {
    struct Builder {
        done: Vec<Chunk>,
        cur: Option<Chunk>,
        depth: usize,
        expecting: bool,
        /// Whether all words since the last figure were "of".
        only_of: bool,
        last_kind: Option<QuantityKind>,
    }
    impl Builder {
        fn finish(&mut self) {
            if let Some(mut c) = self.cur.take() {
                // Unmatched "(" are allowed only before the first figure.
                let mut unmatched = self.depth;
                while unmatched > 0 && matches!(c.toks.first().map(|t| &t.tok), Some(Tok::LParen)) {
                    c.toks.remove(0);
                    unmatched -= 1;
                }
                if let Some(first) = c.toks.first() {
                    c.range.start = c.range.start.max(first.column.saturating_sub(1));
                }
                let ends_ok = matches!(
                    c.toks.last().map(|t| &t.tok),
                    Some(Tok::Val(_) | Tok::RParen)
                );
                if unmatched == 0 && ends_ok && !c.figures.is_empty() {
                    c.toks = join_conversions(std::mem::take(&mut c.toks));
                    self.done.push(c);
                }
            }
            self.depth = 0;
            self.expecting = true;
            self.last_kind = None;
        }
        fn push(&mut self, tok: Tok<UVal>, at: Range<usize>) {
            let c = self.cur.get_or_insert_with(|| Chunk {
                toks: Vec::new(),
                figures: Vec::new(),
                range: at.clone(),
                has_op: false,
            });
            if matches!(tok, Tok::Op(_)) {
                c.has_op = true;
            }
            c.range.end = at.end;
            c.toks.push(Located {
                tok,
                column: at.start + 1,
            });
        }
    }
    let mut b = Builder {
        done: Vec::new(),
        cur: None,
        depth: 0,
        expecting: true,
        only_of: true,
        last_kind: None,
    };
    let in_seg: Vec<usize> = quantities
        .iter()
        .enumerate()
        .filter(|(_, q)| q.span.end > seg.start && q.span.end <= seg.end)
        .map(|(i, _)| i)
        .collect();
    let mut cursor = seg.start;
    for &qi in &in_seg {
        let Some(q) = quantities.get(qi) else {
            continue;
        };
        let q_start = q.span.start.max(seg.start).max(cursor);
        for (tok, at) in gap_tokens(line, cursor..q_start) {
            let r = at..at + 1;
            match tok {
                GapTok::Word(of) => b.only_of &= of,
                GapTok::Stop => b.finish(),
                GapTok::Op(op) => {
                    if b.expecting {
                        // An operator with nothing before it: start afresh.
                        b.cur = None;
                        b.depth = 0;
                    } else {
                        b.push(Tok::Op(op), r);
                        b.expecting = true;
                    }
                }
                GapTok::LParen => {
                    if !b.expecting {
                        b.finish();
                    }
                    b.push(Tok::LParen, r);
                    b.depth += 1;
                    b.expecting = true;
                }
                GapTok::RParen => {
                    if b.depth == 0 {
                        b.finish();
                    } else if b.expecting {
                        b.cur = None;
                        b.depth = 0;
                        b.expecting = true;
                    } else {
                        b.push(Tok::RParen, r);
                        b.depth -= 1;
                    }
                }
            }
        }
        if !b.expecting {
            // Two figures in a row: "3× 11.6K" and "20% of 1B" multiply,
            // anything else starts a new expression.
            let implicit = match b.last_kind {
                Some(QuantityKind::Multiplier) => true,
                Some(QuantityKind::Percent) => b.only_of,
                _ => false,
            };
            if implicit {
                b.push(Tok::Op(Op::Mul), q_start..q_start);
            } else {
                b.finish();
            }
        }
        b.push(Tok::Val(UVal::from_quantity(q)), q_start..q.span.end);
        if let Some(c) = b.cur.as_mut() {
            c.figures.push(qi);
        }
        b.expecting = false;
        b.last_kind = Some(q.kind);
        b.only_of = true;
        cursor = q.span.end;
    }
    // Closing parentheses after the last figure.
    for (tok, at) in gap_tokens(line, cursor..seg.end) {
        match tok {
            GapTok::RParen if b.depth > 0 && !b.expecting => {
                b.push(Tok::RParen, at..at + 1);
                b.depth -= 1;
            }
            GapTok::Word(_) => {}
            // "25% dedup/delta savings)": an operator with nothing after it
            // leaves the expression unfinished.
            GapTok::Op(_) => {
                b.cur = None;
                break;
            }
            _ => break,
        }
    }
    b.finish();
    b.done
}

// ---------------------------------------------------------------------------
// Checking links

/// The figure a link states.
struct Stated {
    v: f64,
    dim: Dim,
    period: f64,
    unit_factor: f64,
    display: String,
    approx: bool,
    range: Range<usize>,
    bits: bool,
}

fn check_clause(
    line: &str,
    offset: usize,
    clause: Range<usize>,
    quantities: &[Quantity],
    out: &mut Vec<ArithmeticCheck>,
) {
    let segs = segments(line, clause);
    let parsed: Vec<Vec<Chunk>> = segs
        .iter()
        .map(|(r, _)| chunks(line, r.clone(), quantities))
        .collect();
    // In "a × b = c = d", `d` is checked against `a × b` too.
    let mut carried: Option<&Chunk> = None;
    for (k, (_, sep)) in segs.iter().enumerate() {
        let Some(Sep::Result { approx }) = sep else {
            carried = None;
            continue;
        };
        let (Some(mut left), Some(right)) = (
            parsed.get(k).and_then(|c| c.last()),
            parsed.get(k + 1).and_then(|c| c.first()),
        ) else {
            carried = None;
            continue;
        };
        // In "… = 150 TB/day × 365 ≈ 55 PB/year" the stated result is the
        // first figure and the rest carries on to the next link; in
        // "… = 231K × 4.8 ≈ 1.1M" the whole expression restates the left.
        // The reading that checks out wins; the first when neither does.
        let whole = right;
        let first_figure;
        let right = match right.toks.first().map(|t| &t.tok) {
            Some(Tok::Val(v)) if right.has_op => {
                first_figure = Chunk {
                    toks: vec![Located {
                        tok: Tok::Val(v.clone()),
                        column: right.range.start + 1,
                    }],
                    figures: right.figures.first().copied().into_iter().collect(),
                    range: right
                        .figures
                        .first()
                        .and_then(|&i| quantities.get(i))
                        .map_or(right.range.clone(), |q| q.span.clone()),
                    has_op: false,
                };
                &first_figure
            }
            _ => right,
        };
        let only_chunk = parsed.get(k).is_some_and(|c| c.len() == 1);
        let no_parens = segs
            .get(k)
            .and_then(|(r, _)| line.get(r.clone()))
            .is_some_and(|t| !t.contains(['(', ')']));
        let middle = left;
        if let Some(prev) = carried {
            if only_chunk && no_parens && single(left, quantities).is_some() {
                left = prev;
            }
        }
        carried = left.has_op.then_some(left);
        let mut check = check_link(line, offset, left, right, *approx, quantities);
        if whole.has_op && !check.as_ref().is_some_and(|c| c.ok) {
            let restated = check_link(line, offset, left, whole, *approx, quantities);
            if restated.as_ref().is_some_and(|c| c.ok) {
                check = restated;
            }
        }
        // "100M x 500 B = 50 GB/day ≈ 18 TB/year": the middle figure says
        // per what the product is; its conversion to the last one may be
        // the step meant.
        if !std::ptr::eq(middle, left) && !check.as_ref().is_some_and(|c| c.ok) {
            let converted = check_link(line, offset, middle, right, *approx, quantities);
            let closer = match (&converted, &check) {
                (Some(c), Some(k)) => {
                    c.ok || (c.verdict == ArithVerdict::Wrong
                        && c.relative_error < k.relative_error)
                }
                (Some(c), None) => c.ok,
                _ => false,
            };
            if closer {
                check = converted;
            }
        }
        if let Some(check) = check {
            out.push(check);
        }
    }
}

fn single<'q>(chunk: &Chunk, quantities: &'q [Quantity]) -> Option<&'q Quantity> {
    if chunk.has_op || chunk.figures.len() != 1 {
        return None;
    }
    chunk.figures.first().and_then(|&i| quantities.get(i))
}

fn check_link(
    line: &str,
    offset: usize,
    left: &Chunk,
    right: &Chunk,
    sep_approx: bool,
    quantities: &[Quantity],
) -> Option<ArithmeticCheck> {
    let l_single = single(left, quantities);
    let r_single = single(right, quantities);
    let lone_multiplier = |q: Option<&Quantity>| {
        q.is_some_and(|q| matches!(q.kind, QuantityKind::Multiplier | QuantityKind::Ratio))
    };
    if lone_multiplier(l_single) || lone_multiplier(r_single) {
        return None;
    }
    // Which side is the computation and which the stated figure.
    let (expr_chunk, stated) = match (l_single, r_single) {
        (Some(l), Some(r)) => {
            // Two bare figures: only a unit conversion is a checkable step
            // ("1 TB/day = 11.6 MB/s"), not "10 servers = 20 cores".
            let same_unit = (l.unit_factor - r.unit_factor).abs()
                <= 1e-9 * l.unit_factor.abs().max(r.unit_factor.abs());
            if l.dim != r.dim || l.dim.is_count() || same_unit {
                return None;
            }
            (left, stated_from_quantity(line, r, sep_approx))
        }
        (_, Some(r)) => (left, stated_from_quantity(line, r, sep_approx)),
        (Some(l), None) if l.kind == QuantityKind::Plain => {
            (right, stated_from_quantity(line, l, sep_approx))
        }
        (Some(_), None) => return None,
        (None, None) => {
            let v = evaluate(&right.toks).ok()?;
            let i = *v.interps.first()?;
            (
                left,
                Stated {
                    v: i.v,
                    dim: i.dim,
                    period: i.period,
                    unit_factor: 1.0,
                    display: line.get(right.range.clone())?.trim().to_string(),
                    approx: sep_approx,
                    range: right.range.clone(),
                    bits: false,
                },
            )
        }
    };
    let computed = evaluate(&expr_chunk.toks).ok()?;
    let lhs = line.get(expr_chunk.range.clone())?.trim().to_string();
    let start = expr_chunk.range.start.min(stated.range.start);
    let end = expr_chunk.range.end.max(stated.range.end);
    let text = line.get(start..end)?.trim().to_string();
    let span = (offset + start)..(offset + end);

    // The best-matching reading of the computation.
    let mut best: Option<(f64, f64, Interp)> = None;
    for &i in &computed.interps {
        if let Some(mapped) = map_to_stated(i, &stated) {
            let err = relative_error(stated.v, mapped);
            if best.is_none_or(|(e, _, _)| err < e) {
                best = Some((err, mapped, i));
            }
        }
    }
    let Some((err, mapped, interp)) = best else {
        let c = *computed.interps.first()?;
        let computed_display = format_quantity_per(c.v, c.dim, Some(c.period));
        return Some(ArithmeticCheck {
            explanation: format!(
                "{lhs} gives {computed_display} ({}), but {} is {}: the units do not match",
                c.dim.describe(),
                stated.display,
                stated.dim.describe()
            ),
            text,
            span,
            stated: stated.v / stated.unit_factor,
            computed: c.v,
            stated_display: stated.display,
            computed_display,
            relative_error: 1.0,
            verdict: ArithVerdict::DimensionMismatch,
            ok: false,
        });
    };
    let tolerance = if stated.approx || interp.rounded {
        LOOSE_TOLERANCE
    } else {
        TOLERANCE
    };
    let computed_display = format_quantity_per(mapped, stated.dim, Some(stated.period));
    let ok = err <= tolerance;
    let explanation = if ok {
        let note = if interp.rounded {
            " (rounded seconds per period accepted)"
        } else {
            ""
        };
        format!(
            "{lhs} = {computed_display}: {} checks out{note}",
            stated.display
        )
    } else {
        let ratio = if mapped != 0.0 {
            stated.v / mapped
        } else {
            0.0
        };
        let how = if ratio >= 1.5 {
            format!("; {} too high", times(ratio))
        } else if ratio > 0.0 && ratio <= 1.0 / 1.5 {
            format!("; {} too low", times(1.0 / ratio))
        } else {
            String::new()
        };
        format!(
            "{lhs} = {computed_display}, not {} (off by {:.0}%{how})",
            stated.display,
            err * 100.0
        )
    };
    Some(ArithmeticCheck {
        text,
        span,
        stated: stated.v / stated.unit_factor,
        computed: mapped / stated.unit_factor,
        stated_display: stated.display,
        computed_display,
        relative_error: err,
        verdict: if ok {
            ArithVerdict::Correct
        } else {
            ArithVerdict::Wrong
        },
        ok,
        explanation,
    })
}

fn times(ratio: f64) -> String {
    if ratio >= 9.95 {
        format!("{}x", format_quantity(ratio.round(), Dim::COUNT))
    } else {
        let one_decimal = format!("{ratio:.1}");
        format!("{}x", one_decimal.trim_end_matches(".0"))
    }
}

fn stated_from_quantity(line: &str, q: &Quantity, sep_approx: bool) -> Stated {
    Stated {
        v: q.value,
        dim: q.dim,
        period: q.period.unwrap_or(1.0),
        unit_factor: if q.unit_factor.is_finite() && q.unit_factor != 0.0 {
            q.unit_factor
        } else {
            1.0
        },
        display: line
            .get(q.span.clone())
            .unwrap_or("")
            .trim_start_matches(['~', '≈', '≃'])
            .trim()
            .to_string(),
        approx: q.approx || sep_approx,
        range: q.span.clone(),
        bits: q.bits,
    }
}

/// Expresses a computed reading in the stated figure's dimension, allowing
/// a dropped period: `100M × 10 posts/day = 1B` states the daily amount,
/// `1B / 86400 = 11,574/s` states a rate where a count was computed.
fn map_to_stated(c: Interp, s: &Stated) -> Option<f64> {
    if c.bits == Some(true) && !s.bits {
        return None;
    }
    if c.dim == s.dim {
        return Some(c.v);
    }
    if c.dim.bytes != s.dim.bytes {
        return None;
    }
    match (c.dim.time, s.dim.time) {
        (-1, 0) => Some(c.v * c.period),
        (0, -1) => Some(c.v / s.period),
        _ => None,
    }
}

/// `|s − c| / max(|s|, |c|)`, 0 when both are 0.
pub(crate) fn relative_error(s: f64, c: f64) -> f64 {
    let scale = s.abs().max(c.abs());
    if scale == 0.0 || !scale.is_finite() {
        return if s == c { 0.0 } else { 1.0 };
    }
    ((s - c).abs() / scale).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn checks(text: &str) -> Vec<ArithmeticCheck> {
        check_arithmetic(text)
    }

    /// The single check of `text`, asserting its verdict.
    fn verdict(text: &str) -> ArithVerdict {
        let cs = checks(text);
        assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
        cs[0].verdict
    }

    #[test]
    fn correct_steps() {
        for text in [
            "100M × 10 = 1B",
            "100M x 10 = 1B",
            "100M * 10 = 1B",
            "1B / 86400 = 11,574",
            "1B / 86,400 = 11,574/s",
            "1B posts/day / 86,400 s ≈ 11.6K/s",
            "1B posts/day / 86400 = 11,574 posts/sec",
            "1B * 1 KB = 1 TB",
            "peak = 3 × 11.6K ≈ 35K",
            "1 TB/day × 365 = 365 TB",
            "1 TB/day × 365 = 365 TB/year",
            "1 TB/day × 365 days = 365 TB",
            "300M tweets/day ≈ 3,500 tweets/sec",
            "10M users × 10 GB each → 100 PB",
            "10M users × 10 GB each -> 100 PB",
            "10M users × 10 GB each => 100 PB",
            "11,574/s × 86,400 = 1B/day",
            "11.6 MB/s × 86,400 s ≈ 1 TB",
            "20% of 1B = 200M",
            "(100M + 50M) × 2 = 300M",
            "2^10 = 1024",
            "3x10 = 30",
            "1 TB/day = 11.6 MB/second",
            "1 day = 86,400 s",
            "100 Mbps × 8 = 100 MB/s",
        ] {
            let cs = checks(text);
            assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
            assert_eq!(
                cs[0].verdict,
                ArithVerdict::Correct,
                "{text}: {}",
                cs[0].explanation
            );
            assert!(cs[0].ok);
        }
    }

    #[test]
    fn multiplying_durations_count_periods() {
        // A duration that multiplies a count is a number of periods.
        for text in [
            "100M x 12 months x 5 years = 6B URLs",
            "100M × 12 months × 5 years = 6B",
            "100M * 12 months = 1.2B",
            "100M × 12 × 5 years = 6B URLs",
            "100M/month × 12 months × 5 years = 6B",
            "10 posts × 365 days = 3,650 posts",
            // Rate × duration is still the total, and hours of content
            // still a duration.
            "1 TB/day × 365 days = 365 TB",
            "11,574/s × 86,400 s = 1B",
            "100M × 2 h = 200M hours",
        ] {
            let cs = checks(text);
            assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
            assert_eq!(
                cs[0].verdict,
                ArithVerdict::Correct,
                "{text}: {}",
                cs[0].explanation
            );
        }
        assert_eq!(
            verdict("100M x 12 months x 5 years = 60B"),
            ArithVerdict::Wrong
        );
        assert_eq!(
            verdict("100M × 12 months = 5 TB"),
            ArithVerdict::DimensionMismatch
        );
    }

    #[test]
    fn time_unit_conversions_in_products() {
        // A duration times the count of a smaller unit in one of its own is
        // that duration in the smaller unit, left to right: 30 days × 24 hrs
        // = 720 hours, × 3600 seconds = 2,592,000 seconds, not s^3.
        for (text, stated, computed) in [
            (
                "(100 million) / ((30 days × 24 hrs × 3600 seconds)) = ~ 40 URLs/second",
                40.0,
                1e8 / 2_592_000.0,
            ),
            // Stated per day: compared as typed, 4000/s × 86,400 s.
            (
                "4000 URLs/second × 24 hours × 3600 seconds = ~ 350 million requests/day",
                350e6,
                345.6e6,
            ),
            (
                "(1 billion) / ((24 hrs × 3600 seconds)) = ~ 12K requests/second",
                12_000.0,
                1e9 / 86_400.0,
            ),
            (
                "(400 GB) / ((24 hrs × 3600 seconds)) = ~ 5 MB/second",
                5.0,
                400e3 / 86_400.0,
            ),
            ("1B / (24 × 3600) = 11,574", 11_574.0, 1e9 / 86_400.0),
            ("30 days × 24 hours = 720 hours", 720.0, 720.0),
            (
                "365 days × 24 h × 3600 s = 31.5M seconds",
                31.5e6,
                31_536_000.0,
            ),
            ("1 TB/day × 365 days = 365 TB", 365.0, 365.0),
            ("100M × 12 months × 5 years = 6B", 6e9, 6e9),
            // The other conversions of the rule, and the reverse order.
            ("2 h × 60 min = 120 min", 120.0, 120.0),
            ("1 week × 7 days = 7 days", 7.0, 7.0),
            ("1 month × 31 days × 24 hours = 744 hours", 744.0, 744.0),
            ("1 year × 12 months = 12 months", 12.0, 12.0),
            ("1 year × 52 weeks = 52 weeks", 52.0, 52.0),
            (
                "1 year × 365 days × 24 hours = 8,760 hours",
                8_760.0,
                8_760.0,
            ),
            ("2 s × 1000 ms = 2000 ms", 2_000.0, 2_000.0),
            ("3600 s × 24 hours = 86,400 s", 86_400.0, 86_400.0),
            ("100M × 2 h × 60 min = 12B", 12e9, 12e9),
        ] {
            let cs = checks(text);
            assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
            let c = &cs[0];
            assert_eq!(
                c.verdict,
                ArithVerdict::Correct,
                "{text}: {}",
                c.explanation
            );
            assert!((c.stated - stated).abs() <= 1e-9 * stated, "{text}: {c:#?}");
            assert!(
                (c.computed - computed).abs() <= 1e-6 * computed,
                "{text}: {c:#?}"
            );
        }
        // The figures are still compared.
        for (text, computed) in [
            (
                "30 days × 24 hrs × 3600 seconds = 259,200 seconds",
                2_592_000.0,
            ),
            (
                "4000 URLs/second × 24 hours × 3600 seconds = ~ 35 million requests/day",
                345.6e6,
            ),
            (
                "1B / (30 days × 24 h × 3600 s) = 3,860/s",
                1e9 / 2_592_000.0,
            ),
        ] {
            let cs = checks(text);
            assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
            assert_eq!(cs[0].verdict, ArithVerdict::Wrong, "{text}: {cs:#?}");
            assert!(
                (cs[0].computed - computed).abs() <= 1e-6 * computed,
                "{text}: {cs:#?}"
            );
        }
        // Any other product of durations is still a product.
        for text in ["2 h × 3 h = 6 hours", "30 days × 25 hours = 750 hours"] {
            assert_eq!(verdict(text), ArithVerdict::DimensionMismatch, "{text}");
        }
        assert!(checks("2 ^ 24 hours × 3600 s = 5").is_empty());
    }

    #[test]
    fn billions_times_a_size() {
        for (text, stated) in [
            ("2B x 1 KB = 2 TB", 2.0),
            ("1.2B × 500 bytes = 600 GB", 600.0),
            ("1.2B x 500 bytes = 600 GB", 600.0),
            ("1.2 B x 500B = 600 GB", 600.0),
            ("100M x 500B = 50 GB", 50.0),
            ("Storage per year: 1.2B x 500 bytes = 600 GB/year.", 600.0),
        ] {
            let cs = checks(text);
            assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
            assert_eq!(
                cs[0].verdict,
                ArithVerdict::Correct,
                "{text}: {}",
                cs[0].explanation
            );
            assert!((cs[0].stated - stated).abs() < 1e-9, "{text}");
            assert!((cs[0].computed - stated).abs() < 1e-6, "{text}");
        }
    }

    #[test]
    fn a_total_stated_per_period() {
        // A computed total stated as the growth per period, and back.
        for text in [
            "1.2B x 500 bytes = 600 GB/year",
            "1B × 1 KB = 1 TB per day",
            "1B × 1 KB = 1 TB/day",
            "100M × 10 = 1B/day",
            "1 TB/day × 365 = 365 TB",
            "11,574/s × 86,400 = 1B",
        ] {
            let cs = checks(text);
            assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
            assert_eq!(
                cs[0].verdict,
                ArithVerdict::Correct,
                "{text}: {}",
                cs[0].explanation
            );
        }
        // The numbers are still compared, in the stated unit.
        let cs = checks("1B × 1 KB = 2 TB per day");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].verdict, ArithVerdict::Wrong);
        assert!((cs[0].computed - 1.0).abs() < 1e-9, "{cs:#?}");
        assert_eq!(
            verdict("1.2B x 500 bytes = 600/year"),
            ArithVerdict::DimensionMismatch
        );
    }

    #[test]
    fn seconds_per_month_and_clause_context() {
        assert_eq!(
            verdict("Writes: 100M / 2.5M s per month ≈ 40 writes/s."),
            ArithVerdict::Correct
        );
        assert_eq!(
            verdict("1B / 86,400 s per day = 11,574/s"),
            ArithVerdict::Correct
        );
        let cs = checks(
            "Cache: 10B / 30 ≈ 333M redirects per day; caching 20% of them at 500 bytes is 333M × 0.2 × 500 B ≈ 33 GB of memory",
        );
        assert_eq!(cs.len(), 2, "{cs:#?}");
        assert!(cs.iter().all(|c| c.ok), "{cs:#?}");
    }

    #[test]
    fn a_chain_through_a_stated_rate() {
        for text in [
            "100M x 500 B = 50 GB/day ≈ 18 TB/year",
            "500M x 10 = 5B a day ≈ 58K a second",
        ] {
            let cs = checks(text);
            assert_eq!(cs.len(), 2, "{text}: {cs:#?}");
            assert!(cs.iter().all(|c| c.ok), "{text}: {cs:#?}");
        }
        let cs = checks("100M x 500 B = 50 GB/day ≈ 180 TB/year");
        assert_eq!(cs.len(), 2, "{cs:#?}");
        assert_eq!(cs[1].verdict, ArithVerdict::Wrong);
        assert!(
            cs[1].explanation.contains("= 18.2 TB/year, not 180"),
            "{}",
            cs[1].explanation
        );
    }

    #[test]
    fn mismatch_messages_name_the_units() {
        let cs = checks("1 h × 2 h = 5");
        assert_eq!(cs.len(), 1, "{cs:#?}");
        assert_eq!(cs[0].verdict, ArithVerdict::DimensionMismatch);
        assert!(cs[0].explanation.contains("(s^2)"), "{}", cs[0].explanation);
        assert!(
            !cs[0].explanation.contains("bytes^0"),
            "{}",
            cs[0].explanation
        );
    }

    #[test]
    fn ten_x_slip_is_wrong_with_the_right_figure() {
        let cs = checks("Write QPS: 1B / 86400 = 115,740");
        assert_eq!(cs.len(), 1);
        let c = &cs[0];
        assert_eq!(c.verdict, ArithVerdict::Wrong);
        assert!(!c.ok);
        assert_eq!(c.stated, 115_740.0);
        assert!((c.computed - 11_574.07).abs() < 0.01);
        assert_eq!(c.computed_display, "11,574");
        assert!((c.relative_error - 0.9).abs() < 0.001);
        assert_eq!(c.text, "1B / 86400 = 115,740");
        assert_eq!(
            c.explanation,
            "1B / 86400 = 11,574, not 115,740 (off by 90%; 10x too high)"
        );
    }

    #[test]
    fn tolerances() {
        // 10% plain, 25% when marked approximate.
        assert_eq!(verdict("3 × 11.6K = 40K"), ArithVerdict::Wrong);
        assert_eq!(verdict("3 × 11.6K ≈ 40K"), ArithVerdict::Correct);
        assert_eq!(verdict("3 × 11.6K = ~40K"), ArithVerdict::Correct);
        assert_eq!(verdict("3 × 11.6K = 37K"), ArithVerdict::Correct);
        assert_eq!(verdict("3 × 11.6K ≈ 50K"), ArithVerdict::Wrong);
        // The 100K-seconds-a-day rounding: their divisor, or the exact one
        // within 25%.
        assert_eq!(verdict("1B / 100K = 10K"), ArithVerdict::Correct);
        assert_eq!(verdict("1B/day / 100K = 10K/s"), ArithVerdict::Correct);
        assert_eq!(verdict("1B / 100K = 11.6K"), ArithVerdict::Correct);
        assert_eq!(verdict("1B / 100K = 20K"), ArithVerdict::Wrong);
    }

    #[test]
    fn per_month_rule_of_thumb() {
        // 2.5M seconds a month, ~30 days a month.
        assert_eq!(verdict("30M/month / 2.5M = 12/s"), ArithVerdict::Correct);
        assert_eq!(verdict("30M/month / 2.5M s = 12/s"), ArithVerdict::Correct);
        assert_eq!(
            verdict("30M/month / 2.592M = 11.6/s"),
            ArithVerdict::Correct
        );
        assert_eq!(verdict("30M/month / 30 = 1M/day"), ArithVerdict::Correct);
        assert_eq!(
            verdict("30M/month / 30 days = 11.6/s"),
            ArithVerdict::Correct
        );
        assert_eq!(verdict("30M / 2.5M = 12"), ArithVerdict::Correct);
        assert_eq!(verdict("12/s × 2.5M = 30M/month"), ArithVerdict::Correct);
        assert_eq!(verdict("1M/day × 30 = 30M/month"), ArithVerdict::Correct);
        assert_eq!(verdict("30M/month / 2.5M = 120/s"), ArithVerdict::Wrong);
    }

    #[test]
    fn dimension_mistakes() {
        let cs = checks("1B / 86400 = 11.6 TB");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].verdict, ArithVerdict::DimensionMismatch);
        assert!(!cs[0].ok);
        assert!(cs[0].explanation.contains("units do not match"));
        assert_eq!(
            verdict("1B * 1 KB = 1,000,000,000,000"),
            ArithVerdict::DimensionMismatch
        );
        assert_eq!(
            verdict("11.6K/s × 3 = 35 GB"),
            ArithVerdict::DimensionMismatch
        );
    }

    #[test]
    fn chains_check_every_link() {
        let cs = checks("storage = 1B × 1 KB = 1 TB = 1,000 GB");
        assert_eq!(cs.len(), 2);
        assert!(cs.iter().all(|c| c.ok));
        let cs = checks("2 × 3 = 6 = 7");
        assert_eq!(cs.len(), 2);
        assert!(cs[0].ok);
        assert_eq!(cs[1].verdict, ArithVerdict::Wrong);
        let cs = checks("100M × 10 = 1B, 1B / 86400 = 11,574; peak = 3 × 11,574 = 34,722");
        assert_eq!(cs.len(), 3);
        assert!(cs.iter().all(|c| c.ok), "{cs:#?}");
    }

    #[test]
    fn no_false_checks_on_labels_and_bare_figures() {
        for text in [
            "Peak (3× average) = 34,722 posts/second",
            "1 year = 365 TB",
            "(Plus reads: 100× = 1.16 GB/second)",
            "10 servers = 20 cores",
            "P99 <= 200 ms",
            "Storage:",
            "read:write = 100:1",
            "growth = 2x",
        ] {
            assert!(checks(text).is_empty(), "{text}: {:#?}", checks(text));
        }
    }

    #[test]
    fn bad_input_is_skipped() {
        for text in [
            "10^400 × 2 = 5",
            "1 / 0 = 5",
            "(1 + 2 = 3 × (4",
            "1e-300 TB × 1e-300 = 0",
            "((((((1)))))) = 1",
            "1B × = 5",
            "= = = →",
        ] {
            for c in checks(text) {
                assert!(c.stated.is_finite() && c.computed.is_finite(), "{text}");
                assert!(c.relative_error.is_finite(), "{text}");
            }
        }
        assert!(checks("1 / 0 = 5").is_empty());
        assert!(checks("10^400 × 2 = 5").is_empty());
        let deep = format!("{}1{} = 1", "(".repeat(5_000), ")".repeat(5_000));
        assert!(checks(&deep).is_empty());
        let digits = format!("{} / 2 = 3", "7".repeat(5_000));
        assert!(checks(&digits).is_empty());
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "Intro line\nWrite QPS: 1B / 86400 = 11,574\n";
        let cs = checks(text);
        assert_eq!(cs.len(), 1);
        assert_eq!(text.get(cs[0].span.clone()), Some("1B / 86400 = 11,574"));
    }

    #[test]
    fn serializes_with_report_field_names() {
        let cs = checks("100M × 10 = 1B");
        let json = serde_json::to_value(&cs).unwrap_or_default();
        let first = &json[0];
        for key in ["text", "stated", "computed", "ok", "verdict"] {
            assert!(first.get(key).is_some(), "{key}");
        }
        assert_eq!(first["verdict"], "correct");
        let mismatch = serde_json::to_value(ArithVerdict::DimensionMismatch).unwrap_or_default();
        assert_eq!(mismatch, "dimension_mismatch");
    }

    proptest! {
        #[test]
        fn checker_never_panics(s in "\\PC{0,200}") {
            for c in check_arithmetic(&s) {
                prop_assert!(c.stated.is_finite() && c.computed.is_finite());
                prop_assert!(c.relative_error.is_finite());
                prop_assert!(s.get(c.span.clone()).is_some());
            }
        }

        #[test]
        fn checker_never_panics_on_arithmetic_soup(
            s in "[0-9 ,.^x×*/+()=≈→~KMBTkbGs%:a-z-]{0,160}"
        ) {
            for c in check_arithmetic(&s) {
                prop_assert!(c.stated.is_finite() && c.computed.is_finite());
                prop_assert!(c.relative_error.is_finite());
            }
        }

        #[test]
        fn products_check_out(a in 1u32..100_000, b in 1u32..10_000) {
            let product = f64::from(a) * f64::from(b);
            let text = format!("{a} × {b} = {}", format_quantity(product, Dim::COUNT));
            let cs = check_arithmetic(&text);
            prop_assert_eq!(cs.len(), 1, "{}", text);
            prop_assert!(cs[0].ok, "{}: {}", text, cs[0].explanation);
        }
    }
}
