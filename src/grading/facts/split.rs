//! Splitting a question into the things it asks.

use super::lexicon::find;
use super::words::{is_filler, words};

/// Words that open a question of their own after "and".
const OPENERS: &[&str] = &[
    "what", "whats", "how", "do", "does", "did", "is", "are", "can", "could", "should", "will",
    "would", "who", "which", "when", "where", "why", "any", "must", "may", "might", "have", "has",
    "shall",
];

/// Words that may stand between "and" and the question word ("and for how
/// long", "and in what format").
const LEADS: &[&str] = &["for", "in", "at", "to", "by", "on", "with", "from", "up"];

/// A word bare of punctuation, lower-cased, `what's` as `whats`.
fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace(['\'', '’'], "")
}

/// True when the piece names nothing: no content word and no phrase of the
/// question lexicon ("and why").
fn empty(piece: &str) -> bool {
    let ws = words(piece);
    ws.iter().all(|w| w.word == "$" || is_filler(&w.word)) && find(&ws).is_empty()
}

/// Splits a question into the things it asks: sentences, then clauses that
/// open with a question word after "and", "also" or "plus" ("..., and can it
/// have attachments", "..., and for how long"). Alternatives joined by "or"
/// stay one thing ("expire, or kept forever"). A piece that names nothing
/// stays with the one before it.
pub fn split_question(question: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for sentence in question.split(['?', ';', '!']) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let next = |k: usize| words.get(i + k).map(|n| bare(n)).unwrap_or_default();
            let joins = matches!(bare(w).as_str(), "and" | "also" | "plus");
            let opens = OPENERS.contains(&next(1).as_str())
                || LEADS.contains(&next(1).as_str()) && OPENERS.contains(&next(2).as_str());
            if joins && opens && !current.is_empty() {
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
            Some(last) if empty(&piece) => {
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
