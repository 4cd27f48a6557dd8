//! Checking each link of a chain: which side is the computation, which
//! the stated figure, and the verdict.

use super::super::expr::{evaluate, Located, Tok};
use super::super::quantity::{format_quantity, format_quantity_per, Dim, Quantity, QuantityKind};
use super::clauses::*;
use super::interp::*;
use super::*;

/// The figure a link states.
pub(crate) struct Stated {
    pub(crate) v: f64,
    pub(crate) dim: Dim,
    pub(crate) period: f64,
    pub(crate) unit_factor: f64,
    pub(crate) display: String,
    pub(crate) approx: bool,
    pub(crate) range: Range<usize>,
    pub(crate) bits: bool,
}

pub(crate) fn check_clause(
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

pub(crate) fn single<'q>(chunk: &Chunk, quantities: &'q [Quantity]) -> Option<&'q Quantity> {
    if chunk.has_op || chunk.figures.len() != 1 {
        return None;
    }
    chunk.figures.first().and_then(|&i| quantities.get(i))
}

pub(crate) fn check_link(
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

pub(crate) fn times(ratio: f64) -> String {
    if ratio >= 9.95 {
        format!("{}x", format_quantity(ratio.round(), Dim::COUNT))
    } else {
        let one_decimal = format!("{ratio:.1}");
        format!("{}x", one_decimal.trim_end_matches(".0"))
    }
}

pub(crate) fn stated_from_quantity(line: &str, q: &Quantity, sep_approx: bool) -> Stated {
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
pub(crate) fn map_to_stated(c: Interp, s: &Stated) -> Option<f64> {
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
