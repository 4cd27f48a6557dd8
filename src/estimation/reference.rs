//! Comparing the candidate's figures with a problem's reference estimates,
//! and the estimation step's score.

use super::arithmetic::ArithmeticCheck;
use super::expr::{eval_formula, formula_variables};
use super::quantity::{
    format_quantity, parse_quantities, parse_unit_full, Dim, Quantity, QuantityKind, UnitInfo,
    PERIODS,
};
use super::text::{match_any, same_stem, words, Cue, CueMatch, Word};
use crate::catalog::problem::{Assumption, Estimate, Problem};
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

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

// ---------------------------------------------------------------------------
// The text, cut into places a figure can be found

/// A sentence, a line, or a heading with the line under it.
struct Place {
    /// Where cue words are looked for.
    cue_words: Vec<Word>,
    /// Where the figure is taken from.
    values: Range<usize>,
    /// Words of `values` too (period words such as "year").
    value_words: Vec<Word>,
    /// 2 sentence, 1 whole line of several sentences, 0 heading + next line.
    level: u8,
    /// Positions of `=`, `≈`, `→` in `values`.
    relations: Vec<usize>,
    quote: Range<usize>,
}

struct Doc<'a> {
    text: &'a str,
    quantities: Vec<Quantity>,
    places: Vec<Place>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Doc<'a> {
        let quantities = parse_quantities(text);
        let mut lines: Vec<Range<usize>> = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            lines.push(offset..offset + body.len());
            offset += line.len();
        }
        let mut doc = Doc {
            text,
            quantities,
            places: Vec::new(),
        };
        for (i, line) in lines.iter().enumerate() {
            let sentences = doc.sentences(line.clone());
            let several = sentences.len() > 1;
            for s in sentences {
                doc.push_place(s.clone(), s, 2);
            }
            if several {
                doc.push_place(line.clone(), line.clone(), 1);
            }
            // A heading ("Write QPS:") with the figure on the next line.
            if doc.quantities_in(line.clone()).is_empty() {
                let next = lines
                    .iter()
                    .skip(i + 1)
                    .take(2)
                    .find(|l| text.get((*l).clone()).is_some_and(|t| !t.trim().is_empty()));
                if let Some(next) = next {
                    doc.push_place(line.clone(), next.clone(), 0);
                }
            }
        }
        doc
    }

    fn quantities_in(&self, r: Range<usize>) -> &[Quantity] {
        let lo = self.quantities.partition_point(|q| q.span.start < r.start);
        let hi = self.quantities.partition_point(|q| q.span.start < r.end);
        self.quantities.get(lo..hi.max(lo)).unwrap_or(&[])
    }

    /// Splits a line at ". ", "! ", "? ", "; " outside figures.
    fn sentences(&self, line: Range<usize>) -> Vec<Range<usize>> {
        let Some(body) = self.text.get(line.clone()) else {
            return Vec::new();
        };
        let qs = self.quantities_in(line.clone());
        let mut out = Vec::new();
        let mut start = line.start;
        let mut iter = body.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = line.start + i;
            let ends = matches!(c, '.' | '!' | '?' | ';')
                && iter.peek().is_none_or(|&(_, n)| n.is_whitespace())
                && !qs.iter().any(|q| q.span.start < at && at < q.span.end);
            if ends {
                out.push(start..at + 1);
                start = at + 1;
            }
        }
        if self
            .text
            .get(start..line.end)
            .is_some_and(|t| !t.trim().is_empty())
            || out.is_empty()
        {
            out.push(start..line.end);
        }
        out
    }

    fn push_place(&mut self, cues: Range<usize>, values: Range<usize>, level: u8) {
        let relations = relation_positions(self.text, values.clone());
        let quote = if level == 0 {
            cues.start..values.end
        } else {
            values.clone()
        };
        self.places.push(Place {
            cue_words: words(self.text, cues),
            value_words: if level == 0 {
                words(self.text, values.clone())
            } else {
                Vec::new()
            },
            values,
            level,
            relations,
            quote,
        });
    }

    fn quote(&self, r: Range<usize>) -> String {
        let t = self.text.get(r).unwrap_or("");
        let collapsed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.chars().count() > 240 {
            let cut: String = collapsed.chars().take(240).collect();
            format!("{cut}…")
        } else {
            collapsed
        }
    }
}

/// Byte positions of the result separators `=`, `≈`, `→`, `->`, `=>`,
/// outside parentheses (an aside like "(≈ 3.5 MB/s at peak)" is not the
/// result).
fn relation_positions(text: &str, r: Range<usize>) -> Vec<usize> {
    let Some(body) = text.get(r.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut prev = ' ';
    let mut depth = 0usize;
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let is_rel = depth == 0
            && match c {
                '≈' | '≃' | '→' | '⇒' | '⟶' => true,
                '=' => !matches!(prev, '<' | '>' | '!' | '='),
                '>' => prev == '-',
                _ => false,
            };
        if is_rel {
            out.push(r.start + i);
        }
        prev = c;
    }
    out
}

/// Words that say which period an amount is per ("365 TB" on a line about
/// a year).
fn period_words(period: f64) -> &'static [&'static str] {
    let name = PERIODS
        .iter()
        .find(|(p, _)| (p - period).abs() < 0.5)
        .map_or("", |(_, n)| *n);
    match name {
        // Already stemmed (see `text::stem`).
        "year" => &["year", "yearly", "annual", "annually", "yr", "annum"],
        "month" => &["month", "monthly"],
        "week" => &["week", "weekly"],
        "day" => &["day", "daily"],
        "hour" => &["hour", "hourly"],
        _ => &[],
    }
}

fn mentions(place: &Place, list: &[&str]) -> bool {
    place
        .cue_words
        .iter()
        .chain(place.value_words.iter())
        .any(|x| list.iter().any(|w| x.stem == *w || same_stem(&x.stem, w)))
}

/// The candidate's figure as a value of `target`'s dimension (base units),
/// with a preference (2 exact, 1 read with a dropped or implied period).
fn compatible(text: &str, q: &Quantity, target: &UnitInfo, place: &Place) -> Option<(f64, u8)> {
    let kind_ok = match target.kind {
        QuantityKind::Multiplier | QuantityKind::Ratio => q.kind != QuantityKind::Percent,
        QuantityKind::Percent => matches!(q.kind, QuantityKind::Percent | QuantityKind::Plain),
        QuantityKind::Plain => q.kind == QuantityKind::Plain,
    };
    if !kind_ok || !q.value.is_finite() {
        return None;
    }
    if target.kind == QuantityKind::Multiplier && q.kind == QuantityKind::Plain {
        // "peak factor 3" yes, "at peak: 2 devices" no.
        let after = text.get(q.span.end..).unwrap_or("").trim_start();
        if after.starts_with(|c: char| c.is_alphabetic()) && !after.starts_with("times") {
            return None;
        }
    }
    if q.dim == target.dim {
        return Some((q.value, 2));
    }
    if q.dim.bytes != target.dim.bytes {
        return None;
    }
    match (q.dim.time, target.dim.time) {
        // "Write QPS = 11,574": a count where a per-second rate is meant, or
        // "365 TB" on a line about a year.
        (0, -1) => {
            let period = target.period.unwrap_or(1.0);
            (period == 1.0 || mentions(place, period_words(period)))
                .then_some((q.value / period, 1))
        }
        // "1 TB/day" for a daily figure given in "TB".
        (-1, 0) => q.period.map(|p| (q.value * p, 1)),
        _ => None,
    }
}

/// Finds the candidate's figure for estimate `index`: (value in base units,
/// quote). Places are ranked by cue strength (less penalties for words of
/// other estimates), then sentence over line over heading, then the figure:
/// one that carries the cue itself ("40 writes/s"), the stated result of an
/// equation, an exact dimension, nearness to the cue. An operand of an
/// equation that does not name the estimate is never taken, nor a rate for
/// a plain total that spans several of its periods or that another rate
/// estimate claims (see [`rate_as_total`]).
fn find_estimate(ctx: &Grading, index: usize, info: &UnitInfo) -> Option<(f64, String)> {
    let doc = ctx.doc;
    let own_cues = ctx.cues.get(index)?;
    let own: Vec<&String> = own_cues.iter().flat_map(|c| c.stems.iter()).collect();
    // Words that name other estimates ("peak" for peak QPS, "read" for read
    // QPS).
    let others: Vec<String> = ctx
        .cues
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .flat_map(|(_, cs)| cs.iter().flat_map(|c| c.stems.iter()))
        .filter(|s| !own.iter().any(|o| same_stem(o, s)))
        .cloned()
        .collect();
    let mut best: Option<([f64; 4], f64, Range<usize>)> = None;
    for (place, matches) in doc.places.iter().zip(ctx.matches) {
        let Some(Some(PlaceMatch { m, in_figure })) = matches.get(index) else {
            continue;
        };
        // Another estimate's cue in the same place: beside this one's match
        // ("at peak" on the line of the average) or a stronger match over
        // it ("metadata rows per year" against "per year"). Words inside a
        // figure's unit ("GB/day") do not count.
        let rivals = matches
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                *i != index
                    && r.as_ref().is_some_and(|r| {
                        let apart = r.m.span.end <= m.span.start || r.m.span.start >= m.span.end;
                        !r.in_figure && (apart || r.m.strength > m.strength)
                    })
            })
            .count();
        // Our cue only in a figure's unit ("= 12,000 redirects/s") while
        // another estimate's cue heads the place ("Peak: 3 × 4,000 = …"):
        // the line computes that one.
        let headed_by_other = *in_figure
            && matches.iter().enumerate().any(|(i, r)| {
                i != index
                    && r.as_ref()
                        .is_some_and(|r| !r.in_figure && r.m.span.end <= m.span.start)
            });
        let penalty = modifier_penalty(place, m, &others)
            + (0.25 * rivals as f64).min(0.5)
            + if headed_by_other { 1.5 } else { 0.0 };
        let last_rel = place.relations.last().copied();
        let mut pick: Option<(f64, f64, f64)> = None; // (priority, -distance, value)
        let first = doc
            .quantities
            .partition_point(|q| q.span.start < place.values.start);
        for (qi, q) in doc.quantities_in(place.values.clone()).iter().enumerate() {
            let Some((value, p)) = compatible(doc.text, q, info, place) else {
                continue;
            };
            if q.dim.is_rate() && !info.dim.is_rate() && !rate_as_total(ctx, index, matches, m, q) {
                continue;
            }
            // "40 writes/s": the figure carries the cue in its own unit (but
            // not in a per-item divisor: "100K connections per server").
            let names_itself = ctx
                .subjects
                .get(first + qi)
                .is_some_and(|own| match_any(own, own_cues).is_some());
            // An operand of the equation ("500 bytes" of "1.2B x 500 bytes
            // = 600 GB/year") is an input, not the estimate, unless it names
            // it.
            if !names_itself && last_rel.is_some_and(|r| q.span.end <= r) && is_operand(doc.text, q)
            {
                continue;
            }
            // A figure's span starts at its "≈" when it has one.
            let result_bonus = match last_rel {
                Some(r) if q.span.start >= r => {
                    // The first figure after the last separator is the result.
                    let first_after = doc
                        .quantities_in(r..place.values.end)
                        .first()
                        .is_some_and(|f| f.span == q.span);
                    if first_after {
                        2.0
                    } else {
                        1.0
                    }
                }
                _ if place.relations.iter().any(|&r| q.span.start >= r) => 1.0,
                _ => 0.0,
            };
            let bonus = result_bonus + if names_itself { 3.0 } else { 0.0 };
            let distance = distance(&q.span, &m.span) as f64;
            let key = (f64::from(p) + bonus, -distance, value);
            if pick.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                pick = Some(key);
            }
        }
        let Some((priority, neg_distance, value)) = pick else {
            continue;
        };
        let score = [
            m.strength - penalty,
            f64::from(place.level),
            priority,
            neg_distance,
        ];
        if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            best = Some((score, value, place.quote.clone()));
        }
    }
    best.map(|(_, v, quote)| (v, doc.quote(quote)))
}

/// A figure with a multiplication, division or addition next to it:
/// `1.2B x 500 bytes`.
fn is_operand(text: &str, q: &Quantity) -> bool {
    let is_op = |c: char| matches!(c, '×' | '*' | '/' | '÷' | '·' | '⋅' | '+');
    let after = text.get(q.span.end..).unwrap_or("").trim_start();
    let before = text.get(..q.span.start).unwrap_or("").trim_end();
    // A standalone "x": "1.2B x 500", not "x86" or "box".
    let x_after = after.starts_with(['x', 'X'])
        && !after
            .get(1..)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_alphanumeric()));
    let x_before = before.ends_with(['x', 'X'])
        && !before
            .get(..before.len() - 1)
            .is_some_and(|head| head.ends_with(|c: char| c.is_alphanumeric()));
    after.starts_with(is_op) || before.ends_with(is_op) || x_after || x_before
}

/// May a rate ("600 GB/year") stand for estimate `index`, whose unit is a
/// plain total ("TB")? Not when the estimate spans several of the rate's
/// periods ("storage over 5 years"), nor when another estimate with a rate
/// of that dimension names the same place at least as strongly ("storage per
/// year"): the figure is that one's.
fn rate_as_total(
    ctx: &Grading,
    index: usize,
    matches: &[Option<PlaceMatch>],
    m: &CueMatch,
    q: &Quantity,
) -> bool {
    let period = q.period.unwrap_or(1.0);
    if let Some(Some(spans)) = ctx.multi.get(index) {
        if (spans - period).abs() < 0.5 {
            return false;
        }
    }
    !matches.iter().enumerate().any(|(j, r)| {
        j != index
            && ctx.infos.get(j).is_some_and(|i| i.dim == q.dim)
            && r.as_ref().is_some_and(|r| r.m.strength >= m.strength)
    })
}

/// The period an estimate spans several of, from its label or cues: "over
/// 5 years", "in five years" → a year.
fn multi_period(est: &Estimate) -> Option<f64> {
    const NUMBER_WORDS: [&str; 12] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few",
        "multiple",
    ];
    let several = |w: &str| {
        NUMBER_WORDS.contains(&w) || w.parse::<f64>().is_ok_and(|n| n.is_finite() && n > 1.0)
    };
    std::iter::once(&est.label)
        .chain(est.cues.iter())
        .find_map(|phrase| {
            let ws = words(phrase, 0..phrase.len());
            ws.windows(2).find_map(|pair| match pair {
                [n, unit] if several(&n.stem) => PERIODS
                    .iter()
                    .find(|(secs, name)| *secs > 1.0 && same_stem(&unit.stem, name))
                    .map(|(secs, _)| *secs),
                _ => None,
            })
        })
}

/// A weak cue match for a rate estimate: the first content word of one of
/// its cues ("reads" of "reads per second") heading the clause whose stated
/// result is a rate of the estimate's dimension: "reads 100 x 40 =
/// 4,000/s", "Peak: 3 × 4,000 = 12,000 redirects/s".
fn clause_head_match(doc: &Doc, place: &Place, cues: &[Cue], info: &UnitInfo) -> Option<CueMatch> {
    if !info.dim.is_rate() || place.level == 0 {
        return None;
    }
    let rel = *place.relations.last()?;
    let result = doc.quantities_in(rel..place.values.end).first()?;
    if result.dim != info.dim {
        return None;
    }
    // The clause of the result: after the last ";" or ", " before it.
    let head = doc.text.get(place.values.start..rel)?;
    let clause_start = place.values.start
        + head
            .rmatch_indices([';', ','])
            .find(|(i, _)| {
                head.get(i + 1..)
                    .is_some_and(|rest| rest.starts_with(char::is_whitespace))
            })
            .map_or(0, |(i, _)| i + 1);
    // Its first word, before any figure.
    let (k, w) = place
        .cue_words
        .iter()
        .enumerate()
        .find(|(_, w)| w.span.start >= clause_start)?;
    let first_figure = doc
        .quantities_in(clause_start..rel)
        .first()
        .map_or(rel, |q| q.span.start);
    if w.span.end > first_figure {
        return None;
    }
    cues.iter()
        .filter(|c| c.stems.len() >= 2)
        .any(|c| c.stems.first().is_some_and(|f| same_stem(&w.stem, f)))
        .then(|| CueMatch {
            strength: 1.0,
            span: w.span.clone(),
            first_word: k,
        })
}

/// Words of a figure's unit up to a per-item divisor: "connections" of
/// "100K connections per server", "writes second" of "40 writes/s".
fn subject_words(text: &str, span: Range<usize>) -> Vec<Word> {
    const PERIOD_STEMS: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];
    let ws = words(text, span);
    let mut out: Vec<Word> = Vec::new();
    let mut after_per = false;
    for w in ws {
        let slash_before = out
            .last()
            .and_then(|prev| text.get(prev.span.end..w.span.start))
            .is_some_and(|gap| gap.contains('/'));
        if (after_per || slash_before) && !PERIOD_STEMS.contains(&w.stem.as_str()) {
            break;
        }
        after_per = w.stem == "per";
        if !after_per {
            out.push(w);
        }
    }
    out
}

/// A word naming another estimate right before the cue ("peak write qps")
/// or inside a gapped match ("photo views per second" for "photos per
/// second") says the figure belongs elsewhere.
fn modifier_penalty(place: &Place, m: &CueMatch, others: &[String]) -> f64 {
    let first = m.first_word.saturating_sub(1);
    let words = place
        .cue_words
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, w)| w.span.start < m.span.end)
        .filter(|(i, w)| *i + 1 == m.first_word || w.span.start > m.span.start);
    let mut penalty: f64 = 0.0;
    for (_, w) in words {
        if others.iter().any(|o| same_stem(o, &w.stem)) {
            penalty += 0.75;
        }
    }
    penalty.min(1.5)
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

fn cues_of(cues: &[String], label: &str) -> Vec<Cue> {
    let list: Vec<Cue> = cues
        .iter()
        .map(|c| Cue::new(c))
        .filter(|c| !c.stems.is_empty())
        .collect();
    if list.is_empty() {
        vec![Cue::new(label)]
            .into_iter()
            .filter(|c| !c.stems.is_empty())
            .collect()
    } else {
        list
    }
}

// ---------------------------------------------------------------------------
// Recomputing the reference from the candidate's own inputs

/// Farthest a figure may sit from its cue (bytes).
const MAX_CUE_DISTANCE: usize = 60;
/// A stated input further than this factor from the reference input is
/// taken to be some other figure, not a different assumption.
const PLAUSIBLE_FACTOR: f64 = 10.0;

/// The reference recomputed through the estimate's formula with the
/// candidate's stated inputs, when any differ; with a note naming them.
fn adjusted_reference(
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

fn display_in_unit(value: f64, unit: &str) -> String {
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
fn find_assumption(doc: &Doc, a: &Assumption) -> Option<f64> {
    let info = parse_unit_full(&a.unit)?;
    let cues = cues_of(&a.cues, &a.label);
    let reference = a.value * info.factor;
    let mut best: Option<(usize, usize, f64)> = None; // (distance, position, value)
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
            let ratio = (value / reference).abs();
            if !(1.0 / PLAUSIBLE_FACTOR..=PLAUSIBLE_FACTOR).contains(&ratio) {
                continue;
            }
            let d = distance(&q.span, &m.span);
            if d > MAX_CUE_DISTANCE {
                continue;
            }
            let key = (d, q.span.start, value);
            if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                best = Some(key);
            }
        }
    }
    best.map(|(_, _, v)| v / info.factor)
}

// ---------------------------------------------------------------------------
// Score

/// Score of the estimation step, 0..=100 (one decimal):
///
/// `100 × (0.40 · coverage + 0.35 · closeness + 0.25 · arithmetic)`, where
/// * `coverage` = Σ weight of estimates found / Σ weight;
/// * `closeness` = Σ weight · c(verdict) / Σ weight, with c = 1 for `close`,
///   0.4 for `order_of_magnitude`, 0 for `off` and `missing`;
/// * `arithmetic` = share of checked steps that are correct; with no checked
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
    let checked = arithmetic.len();
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
