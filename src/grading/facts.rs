//! Matching a clarifying question to the problem's facts.

use super::matcher::is_typo_of;
use super::text::{stem, tokenize};
use crate::catalog::Fact;

/// Words that carry no meaning in a question or an ask.
const FILLER: [&str; 27] = [
    "what", "whats", "what's", "is", "are", "do", "does", "we", "you", "i", "should", "will",
    "would", "can", "could", "there", "of", "to", "for", "our", "it", "be", "in", "on", "any",
    "us", "about",
];

fn content_stems(text: &str) -> Vec<(String, String)> {
    tokenize(text)
        .into_iter()
        .filter(|t| !FILLER.contains(&t.word.as_str()))
        .map(|t| (t.word, t.stem))
        .collect()
}

/// The fact a question asks for: the fact with an ask whose words all occur in
/// the question (inflection and small typos allowed), preferring longer asks.
pub fn match_fact<'a>(question: &str, facts: &'a [Fact]) -> Option<&'a Fact> {
    let words = content_stems(question);
    let present = |(aw, astem): &(String, String)| {
        words
            .iter()
            .any(|(w, s)| s == astem || *s == stem(aw) || is_typo_of(w, aw))
    };
    let mut best: Option<(usize, &Fact)> = None;
    for fact in facts {
        for ask in &fact.asks {
            let ask_words = content_stems(ask);
            if ask_words.is_empty() || !ask_words.iter().all(present) {
                continue;
            }
            if best.is_none_or(|(n, _)| ask_words.len() > n) {
                best = Some((ask_words.len(), fact));
            }
        }
    }
    best.map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(id: &str, asks: &[&str]) -> Fact {
        Fact {
            id: id.into(),
            topic: id.into(),
            asks: asks.iter().map(|s| s.to_string()).collect(),
            answer: format!("answer {id}"),
            key: true,
        }
    }

    #[test]
    fn questions_find_their_fact() {
        let facts = [
            fact("scale", &["how many users", "daily active", "scale"]),
            fact("ratio", &["read write ratio", "reads per write"]),
            fact("retention", &["how long", "retention", "expire"]),
        ];
        let id = |q: &str| match_fact(q, &facts).map(|f| f.id.clone());
        assert_eq!(id("How many users do we expect?").as_deref(), Some("scale"));
        assert_eq!(id("What's the read/write ratio?").as_deref(), Some("ratio"));
        assert_eq!(id("Do links expire?").as_deref(), Some("retention"));
        assert_eq!(id("What is the expected sacle?").as_deref(), Some("scale"));
        assert_eq!(id("Which colour is the logo?"), None);
    }
}
