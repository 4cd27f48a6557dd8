//! Choosing the candidate's figure for an estimate: cue strength, place,
//! dimension and period, and whether a figure is an input or a result.

use super::super::quantity::{
    bitrate_word, period_word, rate_word, scale_word, size_word, Quantity, QuantityKind, UnitInfo,
    PERIODS,
};
use super::super::text::{match_any, same_stem, words, Cue, CueMatch, Word};
use super::places::*;
use super::*;
use crate::catalog::problem::Estimate;
use std::ops::Range;

/// The candidate's figure as a value of `target`'s dimension (base units),
/// with a preference (2 exact, 1 read with a dropped or implied period).
pub(crate) fn compatible(
    text: &str,
    q: &Quantity,
    target: &UnitInfo,
    place: &Place,
) -> Option<(f64, u8)> {
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
        // Not "3 TB" on a line about 5 years: that is over the horizon.
        (0, -1) => {
            let period = target.period.unwrap_or(1.0);
            let over_horizon = place.horizons.iter().any(|h| (h - period).abs() < 0.5);
            (!over_horizon && (period == 1.0 || mentions(place, period_words(period))))
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
pub(crate) fn find_estimate(ctx: &Grading, index: usize, info: &UnitInfo) -> Option<(f64, String)> {
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
            let subject = ctx.subjects.get(first + qi);
            let names_itself = subject.is_some_and(|own| match_any(own, own_cues).is_some());
            // "35 writes/s" is not a figure of peak views: its own words name
            // another estimate's traffic and none of this one's.
            if !names_itself && subject.is_some_and(|s| names_other_kind(s, &own, &others)) {
                continue;
            }
            // "at 500 bytes each" is a per-record size, not a total.
            if !names_itself && info.dim.bytes > 0 && !info.dim.is_rate() && per_item(doc.text, q) {
                continue;
            }
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

/// Words of a figure's unit that say what kind of traffic it counts:
/// "writes" of "35 writes/s". True when one of them belongs to another
/// estimate's cues and none to this one's.
fn names_other_kind(subject: &[Word], own: &[&String], others: &[String]) -> bool {
    const GENERIC: [&str; 14] = [
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
        "request",
        "query",
        "qp",
        "rp",
        "op",
        "operation",
        "event",
    ];
    let specific = |s: &str| !GENERIC.iter().any(|g| same_stem(s, g)) && s != "peak";
    // An estimate whose cues name no kind ("peak") takes any figure.
    if !own.iter().any(|o| specific(o)) {
        return false;
    }
    // Unit words ("PB", "Mbps", "QPS") say nothing about the kind.
    let unit = |s: &str| {
        size_word(s).is_some()
            || bitrate_word(s).is_some()
            || rate_word(s)
            || period_word(s).is_some()
            || scale_word(s).is_some()
            || matches!(s, "b" | "qp" | "rp" | "tp")
    };
    let kinds: Vec<&Word> = subject
        .iter()
        .filter(|w| specific(&w.stem) && !unit(&w.stem))
        .collect();
    !kinds.is_empty()
        && !kinds
            .iter()
            .any(|w| own.iter().any(|o| same_stem(o, &w.stem)))
        && kinds
            .iter()
            .any(|w| others.iter().any(|o| same_stem(o, &w.stem)))
}

/// A size given per item: "500 bytes each", "1 KB per record", "500 B/url".
fn per_item(text: &str, q: &Quantity) -> bool {
    let own = text.get(q.span.clone()).unwrap_or("");
    let after: String = text
        .get(q.span.end..)
        .unwrap_or("")
        .chars()
        .take(24)
        .collect::<String>()
        .to_ascii_lowercase();
    let after = after.trim_start();
    let per_noun = |s: &str| {
        let w = s
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        !w.is_empty() && period_word(w).is_none() && !matches!(w, "a" | "an" | "the")
    };
    // "each URL is about 500 bytes": "each" shortly before, no figure between.
    let before = text.get(..q.span.start).unwrap_or("");
    let from = before.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    let lead = before.get(from..).unwrap_or("").to_ascii_lowercase();
    // ...but not "at 500 bytes each that is 3 TB", where a result follows.
    let each_before = lead.rfind("each ").is_some_and(|i| {
        let tail = lead.get(i + 5..).unwrap_or("");
        !tail.contains(|c: char| c.is_ascii_digit())
            && !tail.split_whitespace().any(|w| {
                matches!(
                    w,
                    "that" | "so" | "which" | "total" | "gives" | "giving" | "means" | "makes"
                )
            })
    });
    each_before
        || after.starts_with("each")
        || after.starts_with("apiece")
        || after.starts_with("a piece")
        || after.strip_prefix("per ").is_some_and(per_noun)
        || own.split_once('/').is_some_and(|(_, w)| per_noun(w))
        || own.split_once(" per ").is_some_and(|(_, w)| per_noun(w))
}

/// A figure with a multiplication, division or addition next to it:
/// `1.2B x 500 bytes`.
pub(crate) fn is_operand(text: &str, q: &Quantity) -> bool {
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
    let times_before = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("times"));
    after.starts_with(is_op) || before.ends_with(is_op) || x_after || x_before || times_before
}

/// May a rate ("600 GB/year") stand for estimate `index`, whose unit is a
/// plain total ("TB")? Not when the estimate spans several of the rate's
/// periods ("storage over 5 years"), nor when another estimate with a rate
/// of that dimension names the same place at least as strongly ("storage per
/// year"): the figure is that one's.
pub(crate) fn rate_as_total(
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
pub(crate) fn multi_period(est: &Estimate) -> Option<f64> {
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
pub(crate) fn clause_head_match(
    doc: &Doc,
    place: &Place,
    cues: &[Cue],
    info: &UnitInfo,
) -> Option<CueMatch> {
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
pub(crate) fn subject_words(text: &str, span: Range<usize>) -> Vec<Word> {
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
pub(crate) fn modifier_penalty(place: &Place, m: &CueMatch, others: &[String]) -> f64 {
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

pub(crate) fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

pub(crate) fn cues_of(cues: &[String], label: &str) -> Vec<Cue> {
    let list: Vec<Cue> = cues
        .iter()
        .map(|c| Cue::new(c))
        .filter(|c| !c.stems.is_empty())
        .collect();
    let list = if list.is_empty() {
        vec![Cue::new(label)]
            .into_iter()
            .filter(|c| !c.stems.is_empty())
            .collect()
    } else {
        list
    };
    with_rate_wordings(list)
}

/// "QPS" and "per second" name the same thing: "write qps" also matches
/// "write requests per second", "reads per second" also "read QPS".
fn with_rate_wordings(list: Vec<Cue>) -> Vec<Cue> {
    let mut out = list.clone();
    for cue in &list {
        let Some(last) = cue.stems.last() else {
            continue;
        };
        let head = cue.stems.get(..cue.stems.len() - 1).unwrap_or(&[]);
        let variants: &[&[&str]] = match last.as_str() {
            "qp" | "rp" => &[&["request", "second"], &["query", "second"]],
            "second" if !head.is_empty() => &[&["qp"], &["rp"]],
            _ => &[],
        };
        for v in variants {
            let mut stems = head.to_vec();
            stems.extend(v.iter().map(|s| s.to_string()));
            out.push(Cue { stems });
        }
    }
    out
}
