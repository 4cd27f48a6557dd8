//! Understanding a clarifying question: split it into the things it asks,
//! and find for each the fact that answers it, by meaning rather than by one
//! exact trigger phrase.
//!
//! Both the question and every fact are read into terms: a word's stem plus
//! the keys of the lexicon phrases it belongs to (`lexicon`: "how fast" is a
//! latency, "show up" a freshness, "guest" anonymous use, and the shared
//! concepts). A fact is matched through its ways of asking (`asks`), what
//! its answer settles (`covers`) and its topic, and more weakly through its
//! answer's own words; words shared by many facts weigh less, and a word
//! the sheet never mentions counts against every fact (it may be what the
//! question is about). Below a confidence threshold the answer is "your
//! call": a wrong fact said confidently is the worst outcome.

mod lexicon;
mod split;
mod words;

pub use split::split_question;

use crate::catalog::Fact;
use lexicon::{find, REQUIRED, SCOPE, SUBJECTS};
use std::collections::{HashMap, HashSet};
use words::{is_filler, is_general, mend, words, Known, Word, ASKING};

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
/// The weight of a word no fact mentions: it may be what the question is
/// about, a feature the sheet does not list.
const UNKNOWN: f64 = 2.5;
/// The weight of a word only facts' answers mention.
const PASSING: f64 = 1.5;
/// Most a way of asking weighs: it says which kind of fact, not which fact.
const HEAD_MAX: f64 = 1.5;
/// How much a word the sheet knows but the fact does not explain counts
/// against it: it is often the problem's context ("links", "users").
const MISS_KNOWN: f64 = 0.5;
/// Share of the facts that must use a word for it to be the problem's
/// context ("links" in a URL shortener) rather than a subject.
const CONTEXT_SHARE: f64 = 0.3;
/// How much a context word weighs, of its usual weight.
const CONTEXT: f64 = 0.5;
/// How much a word carried over from the part before weighs.
const ECHO: f64 = 0.5;

/// One thing a question asks and the fact that answers it, when one does
/// with confidence.
#[derive(Debug, Clone)]
pub struct Reply<'a> {
    /// The words of the question that ask it.
    pub part: String,
    pub fact: Option<&'a Fact>,
}

/// A unit of meaning: the keys it is matched by (its stem, and the groups
/// and concepts of the lexicon phrases it is part of).
#[derive(Debug, Clone)]
struct Term {
    keys: Vec<String>,
    /// The groups and concepts whose phrase spans the whole term: a question
    /// says the term only by saying one of them ("per user limit" is a rate
    /// limit; "user" and "limit" apart are not).
    whole: Vec<String>,
    /// Only says what kind of fact is asked ("how many", "do we need").
    head: bool,
    /// Keys one of which the fact named must hold: a maximum asked for, a
    /// latency asked for.
    required: Vec<String>,
    /// The unit of a "per user" or "each account" quantity: the fact named
    /// must give a quantity per the same unit.
    unit: bool,
    /// Carried over from the part before: it weighs less.
    echo: bool,
    /// How many words of the text it spans.
    words: usize,
    text: String,
}

impl Term {
    /// Whether a question holding these keys says what the term says: one of
    /// its groups or concepts, or all of its words.
    fn meets(&self, keys: &HashSet<String>) -> bool {
        let stems: Vec<&String> = self
            .keys
            .iter()
            .filter(|k| !k.starts_with(['@', '#']))
            .collect();
        self.whole.iter().any(|k| keys.contains(k))
            || match stems.as_slice() {
                [] => false,
                [one] if self.words == 1 => keys.contains(*one),
                many => self.whole.is_empty() && many.iter().all(|k| keys.contains(*k)),
            }
    }
}

/// Whether the word at `i` is the unit of a "per user" or "each account"
/// quantity; "per day" is a rate, not a unit.
fn unit(ws: &[Word], i: usize) -> bool {
    const TIME: &[&str] = &["second", "minut", "hour", "day", "week", "month", "year"];
    if TIME.contains(&ws[i].stem.as_str()) || is_general(&ws[i].word) {
        return false;
    }
    // "per new link": everyday words may stand between.
    ws[..i]
        .iter()
        .rev()
        .take(3)
        .find(|w| !is_general(&w.word) || matches!(w.word.as_str(), "per" | "each"))
        .is_some_and(|w| matches!(w.word.as_str(), "per" | "each"))
}

/// The terms of some words: each lexicon phrase found (merged with those it
/// overlaps) is one term, every other content word one more.
fn terms(ws: &[Word]) -> Vec<Term> {
    // Phrases found, merged with those they overlap: (positions, finds).
    let mut groups: Vec<(Vec<usize>, Vec<lexicon::Found>)> = Vec::new();
    let found = find(ws);
    let span = |f: &lexicon::Found| (f.at[0], f.at[f.at.len() - 1]);
    // The longest phrase wins: "how long .. kept" is a retention, not also
    // the size of "how long is".
    let inside = |f: &lexicon::Found| {
        let (a, b) = span(f);
        found.iter().any(|g| {
            let (c, d) = span(g);
            g.key != f.key && c <= a && b <= d && d - c > b - a
        })
    };
    let kept: Vec<lexicon::Found> = found.iter().filter(|f| !inside(f)).cloned().collect();
    for f in kept {
        let (mut at, mut finds) = (f.at.clone(), vec![f]);
        let mut i = 0;
        while i < groups.len() {
            if groups[i].0.iter().any(|p| at.contains(p)) {
                let (a, k) = groups.swap_remove(i);
                at.extend(a);
                finds.extend(k);
            } else {
                i += 1;
            }
        }
        at.sort_unstable();
        at.dedup();
        groups.push((at, finds));
    }
    let covered: HashSet<usize> = groups.iter().flat_map(|(at, _)| at.clone()).collect();
    let mut out: Vec<(usize, Term)> = groups
        .into_iter()
        .map(|(at, finds)| {
            let mut keys: Vec<String> = finds.iter().map(|f| f.key.clone()).collect();
            keys.sort();
            keys.dedup();
            let mut whole: Vec<String> = finds
                .iter()
                .filter(|f| at.iter().all(|p| f.at.contains(p)))
                .map(|f| f.key.clone())
                .collect();
            whole.sort();
            whole.dedup();
            let head = at.iter().all(|&i| is_filler(&ws[i].word))
                && !keys.iter().any(|k| SUBJECTS.contains(&k.as_str()));
            let unit = unit(ws, at[0]);
            let required: Vec<String> = if head {
                REQUIRED
                    .iter()
                    .filter(|(k, _)| keys.iter().any(|x| x == k))
                    .flat_map(|(_, ok)| ok.iter().map(|s| s.to_string()))
                    .collect()
            } else {
                Vec::new()
            };
            for &i in &at {
                let plain = is_filler(&ws[i].word) || is_general(&ws[i].word);
                if !plain && !keys.contains(&ws[i].stem) {
                    keys.push(ws[i].stem.clone());
                }
            }
            let text: Vec<&str> = at.iter().map(|&i| ws[i].word.as_str()).collect();
            let term = Term {
                keys,
                whole,
                head,
                required,
                unit,
                echo: false,
                words: at.len(),
                text: text.join(" "),
            };
            (at[0], term)
        })
        .collect();
    for (i, w) in ws.iter().enumerate() {
        if w.word == "$" || is_filler(&w.word) || covered.contains(&i) {
            continue;
        }
        out.push((
            i,
            Term {
                keys: vec![w.stem.clone()],
                whole: Vec::new(),
                head: false,
                required: Vec::new(),
                unit: unit(ws, i),
                echo: false,
                words: 1,
                text: w.word.clone(),
            },
        ));
    }
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, t)| t).collect()
}

/// A fact read into terms: its phrases (asks, covers, topic) and the keys of
/// its answer.
struct Indexed<'a> {
    fact: &'a Fact,
    phrases: Vec<Vec<Term>>,
    strong: HashSet<String>,
    weak: HashSet<String>,
    /// Units it gives quantities per ("messages per user").
    units: HashSet<String>,
}

/// A problem's facts read once for a question.
struct Sheet<'a> {
    facts: Vec<Indexed<'a>>,
    /// How specific each key is: keys that name one fact weigh more.
    idf: HashMap<String, f64>,
    /// Keys some fact's answer holds.
    passing: HashSet<String>,
    /// Words so many facts use that they are the problem's context
    /// ("messages", "users"), not what a question is about.
    context: HashSet<String>,
    /// Words the sheet and the lexicon know, for mending typos.
    known: Known,
}

impl<'a> Sheet<'a> {
    fn new(facts: &'a [Fact]) -> Sheet<'a> {
        let mut known: HashSet<String> = HashSet::new();
        let facts: Vec<Indexed> = facts
            .iter()
            .map(|f| {
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
                let strong: HashSet<String> = phrases
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
                let weak = answer.into_iter().flat_map(|t| t.keys).collect();
                Indexed {
                    fact: f,
                    phrases,
                    strong,
                    weak,
                    units,
                }
            })
            .collect();
        let mut df: HashMap<String, f64> = HashMap::new();
        for f in &facts {
            for k in &f.strong {
                *df.entry(k.clone()).or_default() += 1.0;
            }
        }
        let passing: HashSet<String> = facts.iter().flat_map(|f| f.weak.iter().cloned()).collect();
        let mut spread: HashMap<String, usize> = HashMap::new();
        for f in &facts {
            for k in f.strong.union(&f.weak) {
                *spread.entry(k.clone()).or_default() += 1;
            }
        }
        let context: HashSet<String> = spread
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
        known.extend(lexicon::vocabulary().map(str::to_string));
        known.extend(ASKING.iter().map(|s| s.to_string()));
        known.extend(words::everyday().map(str::to_string));
        known.remove("$");
        Sheet {
            facts,
            idf,
            passing,
            context,
            known: Known::new(known),
        }
    }

    /// The terms of a part of a question, its typos mended.
    fn read(&self, part: &str) -> Vec<Term> {
        let mut ws = words(part);
        for w in &mut ws {
            if w.word != "$" && !is_filler(&w.word) {
                mend(w, &self.known);
            }
        }
        terms(&ws)
    }

    /// A term's weight: its most specific key the sheet knows; `None` for a
    /// bare number no fact mentions. A way of asking weighs little.
    fn weight(&self, t: &Term) -> Option<f64> {
        let w = self.full_weight(t)?;
        Some(if t.head { w.min(HEAD_MAX) } else { w })
    }

    /// A term's weight, a way of asking included at its full weight.
    fn full_weight(&self, t: &Term) -> Option<f64> {
        let known = t
            .keys
            .iter()
            .filter_map(|k| self.idf.get(k))
            .copied()
            .fold(None, |m: Option<f64>, w| Some(m.map_or(w, |m| m.max(w))));
        let w = match known {
            Some(w) => w,
            None if t.keys.iter().all(|k| k.bytes().all(|b| b.is_ascii_digit())) => return None,
            None if t.whole.is_empty() && is_general(&t.text) => return None,
            None if t.keys.iter().any(|k| self.passing.contains(k)) => PASSING,
            None => UNKNOWN,
        };
        // A term only of the problem's context words (and their groups).
        let context = t.keys.iter().any(|k| self.context.contains(k))
            && t.keys
                .iter()
                .all(|k| k.starts_with(['@', '#']) || self.context.contains(k));
        let w = if context && !t.head { w * CONTEXT } else { w };
        Some(if t.echo { w * ECHO } else { w })
    }

    /// Whether the sheet mentions the term anywhere.
    fn knows(&self, t: &Term) -> bool {
        t.keys
            .iter()
            .any(|k| self.idf.contains_key(k) || self.passing.contains(k))
    }
}

/// How much of a term the fact explains: 1 through a phrase whose every
/// term the question holds, `PARTIAL` through part of a longer phrase,
/// `WEAK` through its answer only; `NEAR` times that when only a lexicon
/// group or concept is shared, not the word.
fn explains(f: &Indexed, complete: &[bool], t: &Term) -> (f64, bool) {
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
struct Ranked<'a> {
    fact: &'a Fact,
    score: f64,
    /// The weight of what the fact leaves unexplained, with the score.
    total: f64,
    /// It explains every term the question requires.
    complete: bool,
}

/// Ranks the facts for the terms of one part.
fn rank<'a>(sheet: &Sheet<'a>, ts: &[Term]) -> Vec<Ranked<'a>> {
    let qkeys: HashSet<String> = ts.iter().flat_map(|t| t.keys.clone()).collect();
    let mut focus_given = false;
    let mut heads: HashSet<&String> = HashSet::new();
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
fn decide<'a>(ranked: &[Ranked<'a>]) -> Option<&'a Fact> {
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

/// Words that point back at the subject of the part before.
const PRONOUNS: &[&str] = &[
    "it", "they", "them", "its", "their", "this", "these", "those",
];

/// The terms of each part; a part that only says what kind of thing it asks
/// ("and for how long"), or points back with a pronoun and names little
/// else ("how fast should it update"), is also about the subject of the
/// part before it.
fn parts_terms(sheet: &Sheet, parts: &[String]) -> Vec<Vec<Term>> {
    let mut out: Vec<Vec<Term>> = Vec::new();
    for part in parts {
        let mut ts = sheet.read(part);
        let refers = words(part)
            .iter()
            .any(|w| PRONOUNS.contains(&w.word.as_str()));
        if ts.iter().all(|t| t.head) || refers && ts.iter().filter(|t| !t.head).count() <= 1 {
            if let Some(prev) = out.last() {
                let mut more: Vec<Term> = prev
                    .iter()
                    .filter(|t| !t.head && !t.echo)
                    .cloned()
                    .collect();
                for t in &mut more {
                    t.echo = true;
                }
                ts.extend(more);
            }
        }
        out.push(ts);
    }
    out
}

/// Finds, for each thing the question asks, the fact that answers it.
pub fn understand<'a>(question: &str, facts: &'a [Fact]) -> Vec<Reply<'a>> {
    let sheet = Sheet::new(facts);
    let parts = split_question(question);
    let terms = parts_terms(&sheet, &parts);
    let mut out = Vec::new();
    for (part, ts) in parts.into_iter().zip(terms) {
        let fact = decide(&rank(&sheet, &ts));
        out.push(Reply { part, fact });
    }
    out
}

/// How a question was read, for tuning and for curious users: each part's
/// terms and its three best facts with score and share explained.
pub fn explain(question: &str, facts: &[Fact]) -> String {
    let sheet = Sheet::new(facts);
    let parts = split_question(question);
    let terms = parts_terms(&sheet, &parts);
    let mut out = String::new();
    for (part, ts) in parts.iter().zip(terms) {
        let ranked = rank(&sheet, &ts);
        let shown: Vec<String> = ts
            .iter()
            .map(|t| {
                let w = sheet.weight(t).map_or("-".into(), |w| format!("{w:.1}"));
                let mark = match (t.head, !t.required.is_empty() || t.unit) {
                    (true, true) => "^!",
                    (true, false) => "^",
                    (false, true) => "!",
                    _ => "",
                };
                format!("{mark}{}[{}]={w}", t.text, t.keys.join(","))
            })
            .collect();
        out.push_str(&format!("{part:?}: {}\n", shown.join(" ")));
        let qkeys: HashSet<String> = ts.iter().flat_map(|t| t.keys.clone()).collect();
        for r in ranked.iter().take(3) {
            let f = sheet.facts.iter().find(|f| f.fact.id == r.fact.id);
            let es: Vec<String> = f
                .map(|f| {
                    let complete: Vec<bool> = f
                        .phrases
                        .iter()
                        .map(|ph| ph.iter().all(|pt| pt.meets(&qkeys)))
                        .collect();
                    ts.iter()
                        .map(|t| format!("{:.2}", explains(f, &complete, t).0))
                        .collect()
                })
                .unwrap_or_default();
            out.push_str(&format!(
                "   {} {:.1} of {:.1} ({:.0}%){} [{}]\n",
                r.fact.id,
                r.score,
                r.total,
                100.0 * r.score / r.total.max(f64::EPSILON),
                if r.complete { "" } else { " incomplete" },
                es.join(" ")
            ));
        }
        let pick = decide(&ranked).map_or("your call", |f| f.id.as_str());
        out.push_str(&format!("   -> {pick}\n"));
    }
    out
}

/// The facts a question asks for, each once, in the order asked.
pub fn match_facts<'a>(question: &str, facts: &'a [Fact]) -> Vec<&'a Fact> {
    let mut out: Vec<&Fact> = Vec::new();
    for r in understand(question, facts) {
        if let Some(f) = r.fact {
            if !out.iter().any(|o| o.id == f.id) {
                out.push(f);
            }
        }
    }
    out
}

/// The best single fact for a question.
pub fn match_fact<'a>(question: &str, facts: &'a [Fact]) -> Option<&'a Fact> {
    match_facts(question, facts).into_iter().next()
}

#[cfg(test)]
mod tests;
