//! A problem's facts read into terms once, with what the ranking needs:
//! how specific each key is, which words are the problem's context, and the
//! words typos are mended towards. Plain code over the lexicon, so that
//! `build.rs` reads the built-in problems' sheets with it.

use super::groups::KINDS;
use super::terms::{terms, Term};
use super::tokens::drop_ly;
use super::words::{is_general, words, Known};
use crate::catalog::Fact;
use crate::grading::fx::Fx;
use crate::grading::fx::{FxMap, FxSet};
use std::hash::Hasher;

/// The weight of a word no fact mentions: it may be what the question is
/// about, a feature the sheet does not list.
const UNKNOWN: f64 = 2.5;
/// The weight of a word only facts' answers mention.
const PASSING: f64 = 1.5;
/// Most a way of asking weighs: it says which kind of fact, not which fact.
const HEAD_MAX: f64 = 1.5;
/// Share of the facts that must use a word for it to be the problem's
/// context ("links" in a URL shortener) rather than a subject.
const CONTEXT_SHARE: f64 = 0.3;
/// How much a context word weighs, of its usual weight.
const CONTEXT: f64 = 0.5;
/// How much a word carried over from the part before weighs.
const ECHO: f64 = 0.5;

/// An adverb of manner or degree no fact uses ("strictly", "massively",
/// "simultaneously"): it says how the question is put, not what it is
/// about. "Weekly" and "monthly" name a period and are kept; a word the
/// lexicon knows never reaches here.
fn is_manner(word: &str) -> bool {
    let base = drop_ly(word);
    base != word
        && !matches!(
            base,
            "week" | "month" | "year" | "hour" | "night" | "quarter" | "friend" | "time"
        )
}

/// A fact read into terms: its phrases (asks, covers, topic) and the keys of
/// its answer.
pub(super) struct Indexed {
    /// Position of the fact in the problem's list.
    pub fact: usize,
    pub phrases: Vec<Vec<Term>>,
    pub strong: FxSet<String>,
    pub weak: FxSet<String>,
    /// Units it gives quantities per ("messages per user").
    pub units: FxSet<String>,
    /// The stems of its answer's words that name something, in order.
    pub said: Vec<Vec<String>>,
}

/// What identifies a fact list: the same words in the same places.
pub(super) fn fingerprint(facts: &[Fact]) -> u64 {
    let mut h = Fx::default();
    for f in facts {
        for text in [&f.id, &f.topic, &f.answer]
            .into_iter()
            .chain(&f.asks)
            .chain(&f.covers)
        {
            h.write(text.as_bytes());
            h.write_u8(0xff);
        }
        h.write_u8(0xfe);
    }
    h.finish()
}

/// A problem's facts read once for a question.
pub(super) struct Sheet {
    pub facts: Vec<Indexed>,
    /// How specific each key is: keys that name one fact weigh more.
    pub idf: FxMap<String, f64>,
    /// Keys some fact's answer holds.
    pub passing: FxSet<String>,
    /// Words so many facts use that they are the problem's context
    /// ("messages", "users"), not what a question is about.
    pub context: FxSet<String>,
    /// Words the sheet and the lexicon know, for mending typos.
    pub known: Known,
    /// Two words a fact's phrase says one after the other ("last seen"),
    /// by stem: found when a question is first read.
    pub pairs: std::sync::OnceLock<FxSet<(String, String)>>,
}

impl Sheet {
    pub fn new(facts: &[Fact]) -> Sheet {
        let mut known: FxSet<String> = FxSet::default();
        let facts: Vec<Indexed> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let phrases: Vec<Vec<Term>> = f
                    .asks
                    .iter()
                    .chain(&f.covers)
                    .chain(std::iter::once(&f.topic))
                    .map(|p| {
                        let ws = words(p);
                        known.extend(ws.iter().map(|w| w.word.clone()));
                        terms(&ws)
                    })
                    .filter(|t| !t.is_empty())
                    .collect();
                let answer = words(&f.answer);
                known.extend(answer.iter().map(|w| w.word.clone()));
                let strong: FxSet<String> = phrases
                    .iter()
                    .flatten()
                    .flat_map(|t| t.keys.clone())
                    .collect();
                let answer = terms(&answer);
                let units = phrases
                    .iter()
                    .flatten()
                    .chain(&answer)
                    .filter(|t| t.unit)
                    .flat_map(|t| t.keys.clone())
                    .collect();
                // The answer's words that name something, in order, each
                // by its stems: two of a question's words close together
                // that are close together here too are what it says.
                let said: Vec<Vec<String>> = answer
                    .iter()
                    .filter(|t| !t.head && !t.everyday())
                    .map(|t| {
                        t.keys
                            .iter()
                            .filter(|k| !k.starts_with(['@', '#']))
                            .cloned()
                            .collect::<Vec<String>>()
                    })
                    .filter(|ks| !ks.is_empty())
                    .collect();
                let weak = answer.into_iter().flat_map(|t| t.keys).collect();
                Indexed {
                    fact: i,
                    phrases,
                    strong,
                    weak,
                    units,
                    said,
                }
            })
            .collect();
        let mut df: FxMap<String, f64> = FxMap::default();
        for f in &facts {
            for k in &f.strong {
                *df.entry(k.clone()).or_default() += 1.0;
            }
        }
        let passing: FxSet<String> = facts.iter().flat_map(|f| f.weak.iter().cloned()).collect();
        let mut spread: FxMap<String, usize> = FxMap::default();
        for f in &facts {
            for k in f.strong.union(&f.weak) {
                *spread.entry(k.clone()).or_default() += 1;
            }
        }
        let context: FxSet<String> = spread
            .into_iter()
            .filter(|(k, n)| {
                !k.starts_with(['@', '#']) && *n as f64 >= CONTEXT_SHARE * facts.len() as f64
            })
            .map(|(k, _)| k)
            .collect();
        let n = facts.len().max(1) as f64;
        let idf = df
            .into_iter()
            .map(|(k, d)| (k, 1.0 + (n / d).ln().max(0.0)))
            .collect();
        Sheet {
            facts,
            idf,
            passing,
            context,
            known: Known::new(known),
            pairs: std::sync::OnceLock::new(),
        }
    }

    /// Two words a fact's phrase says one after the other, by stem.
    pub fn pairs(&self) -> &FxSet<(String, String)> {
        self.pairs.get_or_init(|| {
            let stem = |t: &Term| -> Option<String> {
                let mut stems = t.keys.iter().filter(|k| !k.starts_with(['@', '#']));
                match (stems.next(), stems.next()) {
                    (Some(one), None) if t.words == 1 && !t.head => Some(one.clone()),
                    _ => None,
                }
            };
            self.facts
                .iter()
                .flat_map(|f| &f.phrases)
                .flat_map(|ph| ph.windows(2))
                .filter_map(|w| Some((stem(&w[0])?, stem(&w[1])?)))
                .collect()
        })
    }

    /// A term's weight: its most specific key the sheet knows; `None` for a
    /// bare number no fact mentions. A way of asking weighs little.
    pub fn weight(&self, t: &Term) -> Option<f64> {
        let w = self.full_weight(t)?;
        Some(if t.head { w.min(HEAD_MAX) } else { w })
    }

    /// A term's weight, a way of asking included at its full weight.
    pub fn full_weight(&self, t: &Term) -> Option<f64> {
        // "something like five hundred million": a figure in words is the
        // candidate's proposal, whatever figures the sheet states.
        if t.keys.iter().all(|k| is_magnitude(k)) {
            return None;
        }
        let known = t
            .keys
            .iter()
            .filter_map(|k| self.idf.get(k))
            .copied()
            .fold(None, |m: Option<f64>, w| Some(m.map_or(w, |m| m.max(w))));
        let w = match known {
            Some(w) => w,
            // A figure no fact mentions ("6k", "3x", "10%"): the candidate's
            // own proposal, which says nothing of which fact is asked.
            None if t
                .keys
                .iter()
                .all(|k| k.starts_with(|c: char| c.is_ascii_digit())) =>
            {
                return None
            }
            None if t.whole.is_empty() && (is_general(&t.text) || is_manner(&t.text)) => {
                return None
            }
            None if t.keys.iter().any(|k| self.passing.contains(k)) => PASSING,
            None => UNKNOWN,
        };
        // A term only of the problem's context words (and their groups),
        // unless it names a kind of requirement ("viewed more than").
        let context = self.is_context(t);
        // So is an everyday word the sheet happens to use ("main",
        // "data"), and the people who use the system.
        let plain = !t.head && t.plain();
        let w = if (context || plain) && !t.head {
            w * CONTEXT
        } else {
            w
        };
        Some(if t.echo { w * ECHO } else { w })
    }

    /// Whether the term is only the problem's context words (and groups).
    pub fn is_context(&self, t: &Term) -> bool {
        t.keys.iter().any(|k| self.context.contains(k))
            && t.keys.iter().all(|k| {
                (k.starts_with(['@', '#']) && !KINDS.contains(&k.as_str()))
                    || self.context.contains(k)
            })
    }

    /// Whether the sheet mentions the term anywhere.
    pub fn knows(&self, t: &Term) -> bool {
        t.keys
            .iter()
            .any(|k| self.idf.contains_key(k) || self.passing.contains(k))
    }
}

/// Words that scale a figure: "a million", "five hundred million".
fn is_magnitude(stem: &str) -> bool {
    matches!(stem, "million" | "billion" | "trillion")
}
