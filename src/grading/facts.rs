//! Understanding a clarifying question: split it into the things it asks,
//! and find for each the fact that answers it, by meaning rather than by one
//! exact trigger phrase. A fact is matched through its ways of asking
//! (`asks`), what its answer settles (`covers`) and its topic, across
//! inflection and small typos; rarer words weigh more. Below a confidence
//! threshold the answer is "your call": a wrong fact said confidently is the
//! worst outcome.

use super::matcher::is_typo_of;
use super::text::{for_each_word, stem};
use crate::catalog::Fact;
use std::collections::HashMap;

/// Words that carry no meaning in a question or an ask.
#[rustfmt::skip]
const FILLER: &[&str] = &[
    "what", "whats", "what's", "which", "is", "are", "was", "were", "do", "does", "did", "we",
    "you", "i", "i'm", "should", "will", "would", "can", "could", "there", "of", "to", "for",
    "our", "it", "it's", "be", "in", "on", "any", "us", "about", "the", "a", "an", "and", "or",
    "need", "needs", "have", "has", "get", "gets", "go", "expect", "expected", "assume",
    "assuming", "suppose", "ok", "okay", "so", "just", "also", "this", "that", "these", "those",
    "they", "them", "their", "there's", "if", "at", "by", "with", "from", "as", "like", "right",
    "some", "my", "me", "let", "let's", "want", "wants", "system", "service", "app", "support",
    "supported", "handle", "allowed", "allow", "per", "day", "each", "every", "ever", "typical",
    "typically", "roughly", "approximately", "around", "fine", "important", "care", "make",
    "sure", "going", "able", "things", "thing",
];

/// Least evidence for naming a fact: one specific word, or two common ones.
const MIN_SCORE: f64 = 1.6;
/// Least share of the question's weight the fact must explain: a question
/// that is mostly about something no fact mentions gets "your call".
const MIN_COVERAGE: f64 = 0.6;
/// How much more the question's first content word weighs.
const FOCUS: f64 = 2.0;
/// A runner-up this close to the best makes the answer a guess.
const AMBIGUOUS: f64 = 0.9;

/// One thing a question asks and the fact that answers it, when one does
/// with confidence.
#[derive(Debug, Clone)]
pub struct Reply<'a> {
    /// The words of the question that ask it.
    pub part: String,
    pub fact: Option<&'a Fact>,
}

/// Content words of a text as (word, stem).
fn content(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for_each_word(text, |word, numeric| {
        if !FILLER.contains(&word) {
            let stem = if numeric {
                word.to_string()
            } else {
                stem(word)
            };
            out.push((word.to_string(), stem));
        }
    });
    out
}

/// Splits a question into the things it asks: sentences, then clauses that
/// open with a question word after "and", "also" or a semicolon. A piece of
/// fewer than two content words stays with the one before it.
pub fn split_question(question: &str) -> Vec<String> {
    const OPENERS: &[&str] = &[
        "what", "whats", "how", "do", "does", "is", "are", "can", "could", "should", "will",
        "would", "who", "which", "when", "where", "why", "any", "must",
    ];
    let mut pieces: Vec<String> = Vec::new();
    for sentence in question.split(['?', ';']) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let bare = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            let next = words
                .get(i + 1)
                .map(|n| {
                    n.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_ascii_lowercase()
                })
                .unwrap_or_default();
            let joins = matches!(bare.as_str(), "and" | "also" | "plus");
            if joins && OPENERS.contains(&next.as_str()) && !current.is_empty() {
                pieces.push(current.join(" "));
                current.clear();
                continue;
            }
            current.push(w);
        }
        if !current.is_empty() {
            pieces.push(current.join(" "));
        }
    }
    let mut parts: Vec<String> = Vec::new();
    for piece in pieces {
        let piece = piece.trim().trim_end_matches([',', '.']).to_string();
        if piece.is_empty() {
            continue;
        }
        match parts.last_mut() {
            Some(last) if content(&piece).len() < 2 => {
                last.push_str(", ");
                last.push_str(&piece);
            }
            _ => parts.push(piece),
        }
    }
    if parts.is_empty() {
        parts.push(question.trim().to_string());
    }
    parts
}

/// A fact's phrases as content words: its asks, covers and topic; and the
/// words of its answer, weaker evidence of what it is about.
struct Phrases<'a> {
    fact: &'a Fact,
    phrases: Vec<Vec<(String, String)>>,
    answer: Vec<(String, String)>,
}

/// How much a word of the fact's answer counts against a phrase word.
const ANSWER_WORD: f64 = 0.5;

/// How specific each stem is: words that name one fact weigh more than words
/// shared by many (`users` appears in several facts' phrases).
fn weights(index: &[Phrases]) -> HashMap<String, f64> {
    let mut df: HashMap<String, usize> = HashMap::new();
    for p in index {
        let mut seen: Vec<&str> = p
            .phrases
            .iter()
            .flatten()
            .map(|(_, s)| s.as_str())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for s in seen {
            *df.entry(s.to_string()).or_default() += 1;
        }
    }
    let n = index.len().max(1) as f64;
    df.into_iter()
        .map(|(s, d)| (s, 1.0 + (n / d as f64).ln()))
        .collect()
}

/// Whether a question word is the phrase word (same stem, or a typo of it).
fn same((qw, qs): &(String, String), (pw, ps): &(String, String)) -> bool {
    qs == ps || qw == pw || is_typo_of(qw, pw)
}

/// The weight of the part's words that the fact's phrases explain: every
/// phrase found whole in the part marks the words it matched.
fn fact_score(p: &Phrases, part: &[(String, String)], weight: &dyn Fn(usize, &str) -> f64) -> f64 {
    let mut explained = vec![false; part.len()];
    for ph in p.phrases.iter().filter(|ph| !ph.is_empty()) {
        let hits: Option<Vec<usize>> = ph
            .iter()
            .map(|pw| part.iter().position(|qw| same(qw, pw)))
            .collect();
        for i in hits.into_iter().flatten() {
            explained[i] = true;
        }
    }
    part.iter()
        .zip(explained)
        .enumerate()
        .map(|(i, (qw, e))| {
            if e {
                weight(i, &qw.1)
            } else if p.answer.iter().any(|aw| same(qw, aw)) {
                ANSWER_WORD * weight(i, &qw.1)
            } else {
                0.0
            }
        })
        .sum()
}

/// The facts of a problem read once: each fact's phrases as content words
/// and how specific each word is. Reading a question against it tokenises
/// only the question, so an answer with many questions reads the facts once.
pub struct FactIndex<'a> {
    index: Vec<Phrases<'a>>,
    weights: HashMap<String, f64>,
}

impl<'a> FactIndex<'a> {
    /// Reads the facts' asks, covers, topics and answers.
    pub fn new(facts: &'a [Fact]) -> FactIndex<'a> {
        let index: Vec<Phrases> = facts
            .iter()
            .map(|f| Phrases {
                fact: f,
                phrases: f
                    .asks
                    .iter()
                    .chain(&f.covers)
                    .chain(std::iter::once(&f.topic))
                    .map(|p| content(p))
                    .collect(),
                answer: content(&f.answer),
            })
            .collect();
        let weights = weights(&index);
        FactIndex { index, weights }
    }

    /// Finds, for each thing the question asks, the fact that answers it.
    pub fn understand(&self, question: &str) -> Vec<Reply<'a>> {
        // A word no fact's phrase mentions still counts against the match: it may
        // be what the question is about.
        let unknown = 1.0;
        let weight = |s: &str| self.weights.get(s).copied().unwrap_or(unknown);
        split_question(question)
            .into_iter()
            .map(|part| {
                let words = content(&part);
                // The first content word is what the question is about ("how many
                // URLs", "do we need search"): it weighs more.
                let focus = |i: usize, s: &str| weight(s) * if i == 0 { FOCUS } else { 1.0 };
                let total: f64 = words
                    .iter()
                    .enumerate()
                    .map(|(i, (_, s))| focus(i, s))
                    .sum();
                let mut scored: Vec<(f64, &'a Fact)> = self
                    .index
                    .iter()
                    .map(|p| (fact_score(p, &words, &focus), p.fact))
                    .filter(|(s, _)| *s > 0.0)
                    .collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0));
                let fact = match scored.as_slice() {
                    [(best, f), rest @ ..]
                        if *best >= MIN_SCORE && *best >= total * MIN_COVERAGE =>
                    {
                        let close = rest.first().is_some_and(|(s, _)| *s >= best * AMBIGUOUS);
                        (!close).then_some(*f)
                    }
                    _ => None,
                };
                Reply { part, fact }
            })
            .collect()
    }

    /// The facts a question asks for, each once, in the order asked.
    pub fn match_facts(&self, question: &str) -> Vec<&'a Fact> {
        let mut out: Vec<&Fact> = Vec::new();
        for r in self.understand(question) {
            if let Some(f) = r.fact {
                if !out.iter().any(|o| o.id == f.id) {
                    out.push(f);
                }
            }
        }
        out
    }
}

/// Finds, for each thing the question asks, the fact that answers it (one
/// question; [`FactIndex`] reads the facts once for many).
pub fn understand<'a>(question: &str, facts: &'a [Fact]) -> Vec<Reply<'a>> {
    FactIndex::new(facts).understand(question)
}

/// The facts a question asks for, each once, in the order asked.
pub fn match_facts<'a>(question: &str, facts: &'a [Fact]) -> Vec<&'a Fact> {
    FactIndex::new(facts).match_facts(question)
}

/// The best single fact for a question.
pub fn match_fact<'a>(question: &str, facts: &'a [Fact]) -> Option<&'a Fact> {
    match_facts(question, facts).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(id: &str, asks: &[&str], covers: &[&str]) -> Fact {
        Fact {
            id: id.into(),
            topic: id.into(),
            asks: asks.iter().map(|s| s.to_string()).collect(),
            covers: covers.iter().map(|s| s.to_string()).collect(),
            answer: format!("answer {id}"),
            key: true,
        }
    }

    fn facts() -> Vec<Fact> {
        vec![
            fact(
                "scale",
                &["how many users", "daily active"],
                &["user base", "traffic"],
            ),
            fact(
                "ratio",
                &["read write ratio"],
                &["reads per write", "read heavy"],
            ),
            fact(
                "retention",
                &["retention", "expire"],
                &["links expire", "how long kept", "delete"],
            ),
            fact("features", &["core features"], &["notifications", "search"]),
        ]
    }

    #[test]
    fn questions_find_their_fact_by_any_of_its_words() {
        let facts = facts();
        let id = |q: &str| match_fact(q, &facts).map(|f| f.id.clone());
        assert_eq!(id("How many users do we expect?").as_deref(), Some("scale"));
        assert_eq!(id("What's the read/write ratio?").as_deref(), Some("ratio"));
        assert_eq!(id("Do links expire?").as_deref(), Some("retention"));
        assert_eq!(id("How many daily actve users?").as_deref(), Some("scale"));
        // One feature named, not "features".
        assert_eq!(id("Do we need notifications?").as_deref(), Some("features"));
        assert_eq!(id("Which colour is the logo?"), None);
    }

    #[test]
    fn compound_questions_get_one_reply_per_part() {
        let facts = facts();
        let replies = understand("How many users, and how long do we keep them?", &facts);
        // "and how" splits; "keep" alone is too little to name retention.
        assert_eq!(replies.len(), 2, "{replies:?}");
        assert_eq!(replies[0].fact.map(|f| f.id.as_str()), Some("scale"));
        let replies = understand("Do links expire, and what language should I use?", &facts);
        assert_eq!(replies.len(), 2, "{replies:?}");
        assert_eq!(replies[0].fact.map(|f| f.id.as_str()), Some("retention"));
        assert!(replies[1].fact.is_none());
        assert_eq!(replies[1].part, "what language should I use");
    }

    #[test]
    fn splitting_keeps_short_pieces_together() {
        assert_eq!(
            split_question("Read and write ratio?"),
            ["Read and write ratio"]
        );
        assert_eq!(
            split_question("What is the scale? Also, do links expire?"),
            ["What is the scale", "Also, do links expire"]
        );
        assert_eq!(split_question(""), [""]);
    }
}
