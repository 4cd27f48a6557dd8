//! Ranking the facts for one part of a question, and deciding whether the
//! best is sure enough to be said.

use super::fx::FxSet;
use super::lexicon::SCOPE;
use super::sheet::{Indexed, Sheet};
use super::terms::Term;

/// Least evidence for naming a fact.
const MIN_SCORE: f64 = 1.5;
/// Least share of the question's weight the fact must explain: a question
/// that is mostly about something no fact mentions gets "your call".
const MIN_COVERAGE: f64 = 0.66;
/// How much more the question's subject (its first term that is not a way
/// of asking) weighs.
const FOCUS: f64 = 2.0;
/// A runner-up this close to the best makes the answer a guess.
const AMBIGUOUS: f64 = 0.9;
/// How much a term counts when it is only part of a longer phrase of the
/// fact whose other words the question lacks ("concurrent drivers" for
/// "concurrent trips").
const PARTIAL: f64 = 0.6;
/// How much a term counts when only the fact's answer holds it.
const WEAK: f64 = 0.5;
/// How much a term counts when the fact meets it only through a lexicon
/// group or concept, not through the word itself.
const NEAR: f64 = 0.8;
/// How much a word the sheet knows but the fact does not explain counts
/// against it: it is often the problem's context ("links", "users").
const MISS_KNOWN: f64 = 0.5;

/// How much of a term the fact explains: 1 through a phrase whose every
/// term the question holds, `PARTIAL` through part of a longer phrase,
/// `WEAK` through its answer only; `NEAR` times that when only a lexicon
/// group or concept is shared, not the word.
pub(super) fn explains(f: &Indexed, complete: &[bool], t: &Term) -> (f64, bool) {
    let closeness = |keys: &mut dyn Iterator<Item = &String>| -> f64 {
        let mut best: f64 = 0.0;
        for k in keys {
            if t.keys.contains(k) {
                // A way of asking is only ever a group: meeting it is exact.
                let near = k.starts_with(['@', '#']) && !t.head;
                best = best.max(if near { NEAR } else { 1.0 });
            }
        }
        best
    };
    let mut best: f64 = 0.0;
    for (ph, whole) in f.phrases.iter().zip(complete) {
        for pt in ph {
            let c = closeness(&mut pt.keys.iter());
            best = best.max(c * if *whole { 1.0 } else { PARTIAL });
        }
    }
    if best > 0.0 {
        return (best, true);
    }
    (WEAK * closeness(&mut f.weak.iter()), false)
}

/// How a fact ranks for one part of a question.
#[derive(Debug, Clone)]
pub(super) struct Ranked {
    /// Position of the fact in the problem's list.
    pub fact: usize,
    pub score: f64,
    /// The weight of what the fact leaves unexplained, with the score.
    pub total: f64,
    /// It explains every term the question requires.
    pub complete: bool,
}

/// Ranks the facts for the terms of one part.
pub(super) fn rank(sheet: &Sheet, ts: &[Term]) -> Vec<Ranked> {
    let qkeys: FxSet<String> = ts.iter().flat_map(|t| t.keys.clone()).collect();
    let mut focus_given = false;
    let mut heads: FxSet<&String> = FxSet::default();
    // A question that only asks what is in or out of scope ("Which
    // features?", "Out of scope?") is about the scope: its words weigh
    // fully and suffice. "How big?" alone says too little.
    let only_heads = !ts.is_empty()
        && ts
            .iter()
            .all(|t| t.head && t.keys.iter().any(|k| SCOPE.contains(&k.as_str())));
    let weighted: Vec<(&Term, f64, bool)> = ts
        .iter()
        .filter(|t| !t.head || t.keys.iter().any(|k| heads.insert(k)))
        .filter_map(|t| {
            let w = if only_heads {
                sheet.full_weight(t)?
            } else {
                sheet.weight(t)?
            };
            let focus = !t.head && !t.echo && !focus_given;
            focus_given |= focus;
            Some((t, if focus { w * FOCUS } else { w }, sheet.knows(t)))
        })
        .collect();
    let mut ranked: Vec<Ranked> = sheet
        .facts
        .iter()
        .map(|f| {
            let complete: Vec<bool> = f
                .phrases
                .iter()
                .map(|ph| ph.iter().all(|pt| pt.meets(&qkeys)))
                .collect();
            let (mut score, mut total, mut all) = (0.0, 0.0, true);
            let mut strong = false;
            for (t, w, known) in &weighted {
                let (e, phrase) = explains(f, &complete, t);
                strong |= (only_heads || !t.head) && phrase;
                score += w * e;
                total += w * (e + (1.0 - e) * if *known { MISS_KNOWN } else { 1.0 });
                all &= !t.unit || t.keys.iter().any(|k| f.units.contains(k));
                all &= t.required.is_empty()
                    || t.required
                        .iter()
                        .any(|k| f.strong.contains(k) || f.weak.contains(k));
            }
            Ranked {
                fact: f.fact,
                score,
                total,
                complete: all && strong,
            }
        })
        .filter(|r| r.score > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    ranked
}

/// The fact a ranking names with confidence.
pub(super) fn decide(ranked: &[Ranked]) -> Option<usize> {
    // A fact that lacks what the question requires is no candidate, not
    // even a rival.
    let mut able = ranked.iter().filter(|r| r.complete);
    let best = able.next()?;
    let sure = best.score >= MIN_SCORE && best.score >= best.total * MIN_COVERAGE;
    let close = able
        .next()
        .is_some_and(|r| r.score >= best.score * AMBIGUOUS);
    (sure && !close).then_some(best.fact)
}
