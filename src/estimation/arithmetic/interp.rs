//! Values with units and their alternative readings, and the unit algebra
//! of back-of-the-envelope arithmetic.

use super::super::expr::{ExprError, Located, Op, Operand, Tok};
use super::super::quantity::{Dim, Quantity, DAY, MONTH, PERIODS, YEAR};

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
    /// A single figure's number as typed (15B of "15 billion tweets per
    /// month"), for reading an expression by its numbers alone.
    pub typed: Option<f64>,
}

pub(crate) const MAX_INTERPS: usize = 8;

impl Interp {
    /// A plain count.
    pub(crate) fn count(v: f64) -> Interp {
        Interp {
            v,
            dim: Dim::COUNT,
            period: 1.0,
            rounded: false,
            bits: None,
        }
    }
}

impl UVal {
    pub(crate) fn from_quantity(q: &Quantity) -> UVal {
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
            typed: Some(q.display_value()).filter(|t| t.is_finite()),
        }
    }
}

/// Is `n` the number of `small` periods in a `big` one (`86,400` s in a
/// day, `30` days in a month)? `Some(rounded)` when it is, with `rounded`
/// set for the accepted rules of thumb (100K s/day, 2.5M or 3M s/month,
/// 30M s/year).
pub(crate) fn period_ratio(n: f64, small: f64, big: f64) -> Option<bool> {
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
pub(crate) fn duration_conversion(d: Interp, n: Interp, out: &mut Vec<Interp>) {
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
pub(crate) fn join_conversions(toks: Vec<Located<UVal>>) -> Vec<Located<UVal>> {
    let mut out: Vec<Located<UVal>> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        // "/ 24h / 3600s" divides by one day too: (x / d) / n = x / (d × n).
        let div_chain = matches!(t.tok, Tok::Op(Op::Div))
            && matches!(
                out.len().checked_sub(2).and_then(|k| out.get(k)),
                Some(Located {
                    tok: Tok::Op(Op::Div),
                    ..
                })
            );
        if let (
            Tok::Op(Op::Mul) | Tok::Op(Op::Div),
            Some(Located {
                tok: Tok::Val(n), ..
            }),
        ) = (&t.tok, toks.get(i + 1))
        {
            if matches!(t.tok, Tok::Op(Op::Div)) && !div_chain {
                out.push(t.clone());
                i += 1;
                continue;
            }
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
pub(crate) fn convert_uval(d: &UVal, n: &UVal) -> Option<UVal> {
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
        typed: None,
    })
}

/// Drops duplicate readings and keeps the list short.
pub(crate) fn distinct(out: Vec<Interp>) -> Vec<Interp> {
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

pub(crate) fn finite(i: Interp) -> Option<Interp> {
    i.v.is_finite().then_some(i)
}

pub(crate) fn mul_interp(a: Interp, b: Interp, out: &mut Vec<Interp>) -> Result<(), ExprError> {
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

pub(crate) fn div_interp(a: Interp, b: Interp, out: &mut Vec<Interp>) -> Result<(), ExprError> {
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
    if a.dim.is_rate()
        && b.dim == Dim::DURATION
        && a.period > 1.0
        && period_ratio(b.v, 1.0, a.period).is_none()
    {
        // "250B reads/month / 25M s": the amount of one period spread over
        // the duration given, whatever its length.
        out.extend(finite(Interp {
            v: a.v * a.period / b.v,
            dim: a.dim,
            period: 1.0,
            rounded,
            bits: a.bits,
        }));
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

pub(crate) fn add_interp(
    op: Op,
    a: Interp,
    b: Interp,
    out: &mut Vec<Interp>,
) -> Result<(), ExprError> {
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

pub(crate) fn pow_interp(a: Interp, b: Interp, out: &mut Vec<Interp>) -> Result<(), ExprError> {
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
                typed: None,
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
            typed: self.typed.map(|t| -t),
        })
    }
}
