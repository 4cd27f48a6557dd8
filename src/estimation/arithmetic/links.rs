//! Checking each link of a chain: which side is the computation, which
//! the stated figure, and the verdict.

use super::super::expr::{evaluate, Located, Op, Tok};
use super::super::quantity::{format_quantity, format_quantity_per, Dim, Quantity, QuantityKind};
use super::clauses::*;
use super::context::{b_alternative, horizon_after, Context};
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
    /// "300 TB over 5 years": the span (seconds) a total is stated over.
    pub(crate) horizon: Option<f64>,
    /// The other reading of an ambiguous "B" (bytes or billions), in base
    /// units with its dimension.
    pub(crate) alt: Option<(f64, Dim)>,
}

/// One line under check, with what the lines before it said.
pub(crate) struct LineCtx<'a> {
    pub(crate) line: &'a str,
    pub(crate) offset: usize,
    pub(crate) quantities: &'a [Quantity],
}

pub(crate) fn check_clause(
    lc: &LineCtx,
    ctx: &Context,
    clause: Range<usize>,
    out: &mut Vec<ArithmeticCheck>,
) {
    let (line, quantities) = (lc.line, lc.quantities);
    let segs = segments(line, clause);
    let parsed: Vec<Vec<Chunk>> = segs
        .iter()
        .map(|(r, _)| chunks(line, r.clone(), quantities, ctx))
        .collect();
    // In "a × b = c = d", `d` is checked against `a × b` too.
    let mut carried: Option<&Chunk> = None;
    for (k, (_, sep)) in segs.iter().enumerate() {
        let Some(Sep::Result { approx, arrow }) = sep else {
            carried = None;
            continue;
        };
        let (approx, arrow) = (*approx, *arrow);
        let (Some(mut left), Some(right)) = (
            parsed.get(k).and_then(|c| c.last()),
            parsed.get(k + 1).and_then(|c| c.first()),
        ) else {
            carried = None;
            continue;
        };
        // An arrow followed by a new expression ("… → 50M × 400 × 16 B ≈
        // 320 GB") starts afresh: the expression is checked against its own
        // result, not against what came before the arrow.
        if arrow && right.has_op {
            carried = None;
            continue;
        }
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
        // An arrow is "therefore": what it follows is the figure just
        // before it, not the whole chain ("36^8 ≈ 2.8T → 8 characters").
        if let Some(prev) = carried.filter(|_| !arrow) {
            if only_chunk && no_parens && single(left, quantities).is_some() {
                left = prev;
            }
        }
        carried = left.has_op.then_some(left);
        if arrow {
            if let Some(check) = check_arrow(lc, left, right, parsed.get(k + 1)) {
                out.push(check);
            }
            continue;
        }
        let mut check = check_link(lc, left, right, approx);
        if whole.has_op && !check.as_ref().is_some_and(|c| c.ok) {
            let restated = check_link(lc, left, whole, approx);
            if restated.as_ref().is_some_and(|c| c.ok) {
                check = restated;
            }
        }
        // "100M x 500 B = 50 GB/day ≈ 18 TB/year": the middle figure says
        // per what the product is; its conversion to the last one may be
        // the step meant.
        if !std::ptr::eq(middle, left) && !check.as_ref().is_some_and(|c| c.ok) {
            let converted = check_link(lc, middle, right, approx);
            let closer = match (&converted, &check) {
                (Some(c), Some(k)) => {
                    c.ok || (c.verdict == ArithVerdict::Wrong
                        && (k.verdict != ArithVerdict::Wrong
                            || c.relative_error < k.relative_error))
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

/// An arrow link. It is an equality only when the right side is the same
/// kind of quantity in another unit or period ("5 TB/month → 60 TB/year",
/// "60 TB/year → 300 TB over 5 years"), the result of the expression before
/// it, or the figure before it scaled by a multiplier named after it ("≈
/// 1,200/s → ~3,600/s at a 3x peak"). Anything else ("= 12 servers → 24
/// with headroom", "2.8T → 8 characters") is a conclusion: not checked.
fn check_arrow(
    lc: &LineCtx,
    left: &Chunk,
    right: &Chunk,
    rest: Option<&Vec<Chunk>>,
) -> Option<ArithmeticCheck> {
    let quantities = lc.quantities;
    let r = single(right, quantities)?;
    if r.kind != QuantityKind::Plain {
        return None;
    }
    if let Some(l) = single(left, quantities) {
        // A multiplier named after the right figure ("at a 3x peak").
        let multiplier = rest.and_then(|cs| {
            cs.iter()
                .skip(1)
                .find_map(|c| single(c, quantities).filter(|q| q.kind == QuantityKind::Multiplier))
        });
        if let (Some(m), true) = (multiplier, l.dim == r.dim) {
            let m_chunk = rest.and_then(|cs| {
                cs.iter()
                    .skip(1)
                    .find(|c| single(c, quantities).is_some_and(|q| q.span == m.span))
            })?;
            let mut toks = left.toks.clone();
            toks.push(Located {
                tok: Tok::Op(Op::Mul),
                column: m.span.start + 1,
            });
            toks.extend(m_chunk.toks.iter().cloned());
            let scaled = Chunk {
                toks,
                figures: left.figures.clone(),
                range: left.range.clone(),
                has_op: true,
            };
            return check_link(lc, &scaled, right, true);
        }
        let horizon = horizon_after(lc.line, r.span.end);
        let conversion = l.dim == r.dim
            && l.dim.is_rate()
            && relative_error(l.unit_factor, r.unit_factor) > 1e-9;
        let over_horizon =
            l.dim.is_rate() && horizon.is_some() && r.dim.time == 0 && r.dim.bytes == l.dim.bytes;
        if !(conversion || over_horizon) {
            return None;
        }
        return check_link(lc, left, right, false);
    }
    // An expression before the arrow: an equality when the result is of
    // the same kind; never a unit mismatch.
    let check = check_link(lc, left, right, false)?;
    (check.verdict != ArithVerdict::Unverified).then_some(check)
}

pub(crate) fn single<'q>(chunk: &Chunk, quantities: &'q [Quantity]) -> Option<&'q Quantity> {
    if chunk.has_op || chunk.figures.len() != 1 {
        return None;
    }
    chunk.figures.first().and_then(|&i| quantities.get(i))
}

/// Whether every figure of an expression is a bare number (no unit, no
/// period): then the unit of the result is the candidate's to choose.
fn all_bare(chunk: &Chunk, quantities: &[Quantity]) -> bool {
    chunk
        .figures
        .iter()
        .filter_map(|&i| quantities.get(i))
        .all(|q| q.dim.is_count())
}

pub(crate) fn check_link(
    lc: &LineCtx,
    left: &Chunk,
    right: &Chunk,
    sep_approx: bool,
) -> Option<ArithmeticCheck> {
    let (line, quantities) = (lc.line, lc.quantities);
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
            // ("1 TB/day = 11.6 MB/s"), not "10 servers = 20 cores"; or a
            // rate over a stated horizon ("60 TB/year → 300 TB over 5 years").
            let same_unit = (l.unit_factor - r.unit_factor).abs()
                <= 1e-9 * l.unit_factor.abs().max(r.unit_factor.abs());
            let stated = stated_from_quantity(line, r, sep_approx);
            let over_horizon =
                l.dim.is_rate() && stated.horizon.is_some() && r.dim == Dim::new(l.dim.bytes, 0);
            if !over_horizon && (l.dim != r.dim || l.dim.is_count() || same_unit) {
                return None;
            }
            (left, stated)
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
                    horizon: None,
                    alt: None,
                },
            )
        }
    };
    let computed = evaluate(&expr_chunk.toks).ok()?;
    let lhs = line.get(expr_chunk.range.clone())?.trim().to_string();
    let start = expr_chunk.range.start.min(stated.range.start);
    let end = expr_chunk.range.end.max(stated.range.end);
    let text = line.get(start..end)?.trim().to_string();
    let span = (lc.offset + start)..(lc.offset + end);
    let bare = all_bare(expr_chunk, quantities);
    let any_bare = expr_chunk
        .figures
        .iter()
        .filter_map(|&i| quantities.get(i))
        .any(|q| q.dim.is_count() && q.kind == QuantityKind::Plain);
    let typed = any_bare.then(|| typed_value(expr_chunk)).flatten();
    let mut check = judge(&computed, &stated, &lhs, (bare, typed), text, span);
    if check.verdict == ArithVerdict::Wrong {
        if let Some(t) = typed_value(expr_chunk) {
            // A unit prefix may be the candidate's own only when nothing on
            // the left is scaled ("1B / 86400 = 11.6 TB" stays wrong).
            as_typed_doubt(&mut check, &stated, t, bare && !scaled(&lhs));
        }
    }
    Some(check)
}

/// A figure with a scale word or letter: "1B", "2.5M", "10 million".
fn scaled(text: &str) -> bool {
    let lower = text.to_lowercase();
    let b = lower.as_bytes();
    b.windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'k' | b'm' | b'b' | b't'))
        || ["thousand", "million", "billion", "trillion"]
            .iter()
            .any(|w| lower.contains(w))
}

/// A step called wrong whose numbers as typed give the stated figure
/// ("100M daily viewers × 1.5 hours = 150M viewing hours"), or, when no
/// figure has a unit, give it up to a unit prefix ("5 × 3,600 / 8 ≈ 2.25
/// GB", 2,250 MB): the units are the candidate's, unread, so the step is
/// not checked rather than called wrong.
fn as_typed_doubt(check: &mut ArithmeticCheck, stated: &Stated, typed: f64, shift: bool) {
    let as_typed = stated.v / stated.unit_factor;
    let tolerance = if stated.approx {
        LOOSE_TOLERANCE
    } else {
        TOLERANCE
    };
    let prefixes: &[i32] = if shift {
        &[-3, -2, -1, 0, 1, 2, 3]
    } else {
        &[0]
    };
    let matches = prefixes
        .iter()
        .any(|&k| relative_error(as_typed * 1000f64.powi(k), typed) <= tolerance);
    if matches {
        check.verdict = ArithVerdict::Unverified;
        check.ok = false;
        check.relative_error = 0.0;
        check.explanation = format!(
            "{}: the numbers as typed give {}, but the units are unclear, so it is not checked",
            check.text,
            format_quantity(typed, Dim::COUNT)
        );
    }
}

/// The expression evaluated on its numbers as typed, units left aside:
/// `15 billion tweets per month * (400 / 1 billion)` is 6,000, the
/// candidate's own conversion factor applied.
fn typed_value(chunk: &Chunk) -> Option<f64> {
    let toks: Option<Vec<Located<f64>>> = chunk
        .toks
        .iter()
        .map(|t| {
            let tok = match &t.tok {
                Tok::Val(v) => Tok::Val(v.typed?),
                Tok::Op(op) => Tok::Op(*op),
                Tok::LParen => Tok::LParen,
                Tok::RParen => Tok::RParen,
            };
            Some(Located {
                tok,
                column: t.column,
            })
        })
        .collect();
    evaluate(&toks?).ok().filter(|v| v.is_finite())
}

/// The verdict on one link: the reading of the computation closest to the
/// stated figure (or to its other reading) decides.
/// `bare`: every figure of the expression is a bare number; `typed`: the
/// expression's value on its numbers as typed, when it has a bare factor
/// that may be the candidate's own unit conversion.
fn judge(
    computed: &UVal,
    stated: &Stated,
    lhs: &str,
    (bare, typed): (bool, Option<f64>),
    text: String,
    span: Range<usize>,
) -> ArithmeticCheck {
    let mut best: Option<(f64, f64, Interp)> = None;
    let alt = stated.alt.map(|(v, dim)| Stated {
        v,
        dim,
        unit_factor: 1.0,
        alt: None,
        display: String::new(),
        range: 0..0,
        ..*stated
    });
    for s in std::iter::once(stated).chain(alt.as_ref()) {
        for &i in &computed.interps {
            for mapped in map_to_stated(i, s) {
                // Compared in the main reading's units.
                let mapped = mapped * stated.v / s.v.max(f64::MIN_POSITIVE);
                let err = relative_error(stated.v, mapped);
                if best.is_none_or(|(e, _, _)| err < e) {
                    best = Some((err, mapped, i));
                }
            }
        }
    }
    let Some((err, mapped, interp)) = best else {
        let mut check = unit_mismatch(computed, stated, lhs, bare, text, span);
        let tolerance = if stated.approx {
            LOOSE_TOLERANCE
        } else {
            TOLERANCE
        };
        if let Some(t) =
            typed.filter(|&t| !check.ok && relative_error(check.stated, t) <= tolerance)
        {
            check.computed = t;
            check.computed_display = format_quantity(t, Dim::COUNT);
            check.relative_error = relative_error(check.stated, t);
            check.explanation = format!(
                "{lhs} = {}: {} checks out (numbers as written)",
                check.computed_display, check.stated_display
            );
            check.verdict = ArithVerdict::Ok;
            check.ok = true;
        }
        return check;
    };
    let tolerance = if stated.approx || interp.rounded {
        LOOSE_TOLERANCE
    } else {
        TOLERANCE
    };
    let computed_display = format_quantity_per(mapped, stated.dim, Some(stated.period));
    let ok = err <= tolerance;
    let as_typed = stated.v / stated.unit_factor;
    if let Some(t) = typed.filter(|&t| !ok && relative_error(as_typed, t) <= tolerance) {
        let number = format_quantity(t, Dim::COUNT);
        return ArithmeticCheck {
            explanation: format!(
                "{lhs} = {number}: {} checks out (numbers as written)",
                stated.display
            ),
            text,
            span,
            stated: as_typed,
            computed: t,
            stated_display: stated.display.clone(),
            computed_display: number,
            relative_error: relative_error(as_typed, t),
            verdict: ArithVerdict::Ok,
            ok: true,
        };
    }
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
        off_by(
            lhs,
            &computed_display,
            &stated.display,
            stated.v,
            mapped,
            err,
        )
    };
    ArithmeticCheck {
        text,
        span,
        stated: stated.v / stated.unit_factor,
        computed: mapped / stated.unit_factor,
        stated_display: stated.display.clone(),
        computed_display,
        relative_error: err,
        verdict: if ok {
            ArithVerdict::Ok
        } else {
            ArithVerdict::Wrong
        },
        ok,
        explanation,
    }
}

/// "lhs = computed, not stated (off by 90%; 10x too high)".
fn off_by(lhs: &str, computed: &str, stated: &str, s: f64, c: f64, err: f64) -> String {
    let ratio = if c != 0.0 { s / c } else { 0.0 };
    let how = if ratio >= 1.5 {
        format!("; {} too high", times(ratio))
    } else if ratio > 0.0 && ratio <= 1.0 / 1.5 {
        format!("; {} too low", times(1.0 / ratio))
    } else {
        String::new()
    };
    format!(
        "{lhs} = {computed}, not {stated} (off by {}{how})",
        percent(err)
    )
}

/// A relative error as a percentage that never rounds a 1,000x slip up to
/// "100%": "90%", "99%", "99.9%", "over 99.9%".
pub(super) fn percent(err: f64) -> String {
    if err < 0.995 {
        format!("{:.0}%", err * 100.0)
    } else if err < 0.9995 {
        format!("{:.1}%", err * 100.0)
    } else {
        "over 99.9%".to_string()
    }
}

/// No reading of the computation has the stated figure's unit. When the
/// numbers agree (the unit written only on the result, as in `14.6 × 5 =
/// 73 TB` or `100K × 64 = 6.4 MB/s`), the candidate's unit is taken and the
/// step is right. When they do not, the step is wrong only if the left side
/// is bare numbers (wrong whatever unit is meant); otherwise it is not
/// verified.
fn unit_mismatch(
    computed: &UVal,
    stated: &Stated,
    lhs: &str,
    bare: bool,
    text: String,
    span: Range<usize>,
) -> ArithmeticCheck {
    let typed = stated.v / stated.unit_factor;
    let mut best: Option<(f64, f64, Interp)> = None; // (error, computed, reading)
                                                     // Only a unit written on one side alone: on the result (`14.6 × 5 = 73
                                                     // TB`) or on the inputs (`1B × 1 KB = 1,000,000,000,000`).
    for &i in &computed.interps {
        if i.bits == Some(true) || !(i.dim.is_count() || stated.dim.is_count()) {
            continue;
        }
        for target in [stated.v, typed] {
            let err = relative_error(target, i.v);
            if best.is_none_or(|(e, _, _)| err < e) {
                best = Some((err, i.v * typed / target.max(f64::MIN_POSITIVE), i));
            }
        }
    }
    let first = computed.interps.first().copied();
    let (err, as_typed, interp) = match (best, first) {
        (Some(b), _) => b,
        (None, Some(f)) => (1.0, f.v, f),
        (None, None) => (1.0, f64::NAN, Interp::count(f64::NAN)),
    };
    let as_typed = if as_typed.is_finite() { as_typed } else { 0.0 };
    let tolerance = if stated.approx || interp.rounded {
        LOOSE_TOLERANCE
    } else {
        TOLERANCE
    };
    let number = format_quantity(as_typed, Dim::COUNT);
    let (verdict, explanation) = if err <= tolerance {
        (
            ArithVerdict::Ok,
            format!(
                "{lhs} = {number}: {} checks out (unit taken as written)",
                stated.display
            ),
        )
    } else if bare {
        (
            ArithVerdict::Wrong,
            off_by(lhs, &number, &stated.display, typed, as_typed, err),
        )
    } else {
        let c = first.unwrap_or(interp);
        (
            ArithVerdict::Unverified,
            format!(
                "{lhs} gives {} ({}), but {} is {}: the units do not match, so it is not checked",
                format_quantity_per(c.v, c.dim, Some(c.period)),
                c.dim.describe(),
                stated.display,
                stated.dim.describe()
            ),
        )
    };
    ArithmeticCheck {
        text,
        span,
        stated: typed,
        computed: as_typed,
        stated_display: stated.display.clone(),
        computed_display: number,
        relative_error: if verdict == ArithVerdict::Unverified {
            0.0
        } else {
            err
        },
        ok: verdict == ArithVerdict::Ok,
        verdict,
        explanation,
    }
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
        horizon: horizon_after(line, q.span.end),
        alt: b_alternative(line, q),
    }
}

/// Expresses a computed reading in the stated figure's dimension, allowing
/// a dropped period: `100M × 10 posts/day = 1B` states the daily amount,
/// `1B / 86400 = 11,574/s` states a rate where a count was computed.
/// A total stated over a horizon ("300 TB over 5 years") is the rate times
/// the horizon.
pub(crate) fn map_to_stated(c: Interp, s: &Stated) -> Vec<f64> {
    if c.bits == Some(true) && !s.bits {
        return Vec::new();
    }
    if c.dim == s.dim {
        return vec![c.v];
    }
    if c.dim.bytes != s.dim.bytes {
        return Vec::new();
    }
    match (c.dim.time, s.dim.time) {
        (-1, 0) => {
            let mut out = vec![c.v * c.period];
            out.extend(s.horizon.map(|h| c.v * h));
            out
        }
        (0, -1) => vec![c.v / s.period],
        _ => Vec::new(),
    }
}
