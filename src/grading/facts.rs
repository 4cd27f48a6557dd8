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

/// Most facts one question reveals ("Are search and DMs in scope?" may ask two).
pub const MAX_FACTS_PER_QUESTION: usize = 2;

/// The facts a question asks for: facts with an ask whose words all occur in
/// the question (inflection and small typos allowed). The longest matching ask
/// ranks first; a fact whose ask words are all inside a better match's words
/// ("how many users" inside "how many messages per user") is dropped.
pub fn match_facts<'a>(question: &str, facts: &'a [Fact]) -> Vec<&'a Fact> {
    let words = content_stems(question);
    // Index of the question word an ask word matches.
    let position = |(aw, astem): &(String, String)| {
        words
            .iter()
            .position(|(w, s)| s == astem || *s == stem(aw) || is_typo_of(w, aw))
    };
    let mut hits: Vec<(Vec<usize>, &Fact)> = Vec::new();
    for fact in facts {
        let best = fact
            .asks
            .iter()
            .filter_map(|ask| {
                let ask_words = content_stems(ask);
                let pos: Option<Vec<usize>> = ask_words.iter().map(position).collect();
                pos.filter(|p| !p.is_empty())
            })
            .max_by_key(Vec::len);
        if let Some(mut pos) = best {
            pos.sort_unstable();
            pos.dedup();
            hits.push((pos, fact));
        }
    }
    hits.sort_by_key(|h| std::cmp::Reverse(h.0.len()));
    let mut out: Vec<(Vec<usize>, &Fact)> = Vec::new();
    for (pos, fact) in hits {
        let covered = out.iter().any(|(p, _)| pos.iter().all(|i| p.contains(i)));
        if !covered && out.len() < MAX_FACTS_PER_QUESTION {
            out.push((pos, fact));
        }
    }
    out.into_iter().map(|(_, f)| f).collect()
}

/// The best single fact for a question.
pub fn match_fact<'a>(question: &str, facts: &'a [Fact]) -> Option<&'a Fact> {
    match_facts(question, facts).into_iter().next()
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
        let both: Vec<String> =
            match_facts("How many users, and how long do we keep links?", &facts)
                .iter()
                .map(|f| f.id.clone())
                .collect();
        assert_eq!(both, ["scale", "retention"]);
    }
}
