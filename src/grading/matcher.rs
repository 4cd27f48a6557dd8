//! Phrase and pattern matching over tokenised sentences, tolerant of
//! inflection (via stems) and small typos (via strsim), each mention with
//! the stance of its clause.
//! Matching is linear in the answer: each distinct word is resolved against
//! the rubric's vocabulary once, and phrases are looked up by their first word.

use super::stance::{stance_at, Stance};
use super::text::{tokenize, Sentence, Token};
use regex::Regex;
use std::collections::HashMap;

/// A place where a target (topic, flag, fact ask) was mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub target: usize,
    pub sentence: usize,
    /// Token index where the phrase or pattern match starts.
    pub at: usize,
    /// How the clause stands towards the mention.
    pub stance: Stance,
}

#[derive(Debug)]
struct Phrase {
    ids: Vec<u32>,
    target: usize,
}

/// Compiled phrases and patterns for a set of targets.
#[derive(Debug, Default)]
pub struct Matcher {
    stems: HashMap<String, u32>,
    /// (word as written in the rubric, its stem id), for typo matching.
    words: Vec<(String, u32)>,
    phrases: Vec<Phrase>,
    by_first: HashMap<u32, Vec<usize>>,
    patterns: Vec<(Regex, usize)>,
}

impl Matcher {
    /// Builds a matcher; `targets[i]` holds target i's phrases and regex patterns.
    /// Returns the index of the target and the pattern when a regex is invalid.
    pub fn new(targets: &[(Vec<&str>, Vec<&str>)]) -> Result<Matcher, (usize, String, String)> {
        let mut m = Matcher::default();
        for (target, (phrases, patterns)) in targets.iter().enumerate() {
            for phrase in phrases {
                let tokens = tokenize(phrase);
                if tokens.is_empty() {
                    continue;
                }
                let ids: Vec<u32> = tokens.iter().map(|t| m.intern(t)).collect();
                let idx = m.phrases.len();
                m.by_first.entry(ids[0]).or_default().push(idx);
                m.phrases.push(Phrase { ids, target });
            }
            for pat in patterns {
                let re = Regex::new(&format!("(?i){pat}"))
                    .map_err(|e| (target, pat.to_string(), e.to_string()))?;
                m.patterns.push((re, target));
            }
        }
        Ok(m)
    }

    fn intern(&mut self, t: &Token) -> u32 {
        let next = self.stems.len() as u32;
        let id = *self.stems.entry(t.stem.clone()).or_insert(next);
        if !t.numeric && !self.words.iter().any(|(w, _)| *w == t.word) {
            self.words.push((t.word.clone(), id));
        }
        id
    }

    /// Resolves a token to a vocabulary id: by stem, else by a small typo.
    fn resolve<'a>(&self, t: &'a Token, memo: &mut HashMap<&'a str, Option<u32>>) -> Option<u32> {
        if let Some(id) = self.stems.get(&t.stem) {
            return Some(*id);
        }
        if t.numeric || t.word.len() < 5 || !t.word.is_ascii() {
            return None;
        }
        if let Some(hit) = memo.get(t.word.as_str()) {
            return *hit;
        }
        // The stem too: "replcias" is two edits from "replica", "replcia" one.
        let hit = self
            .words
            .iter()
            .find(|(w, _)| is_typo_of(&t.word, w) || (t.stem.len() >= 5 && is_typo_of(&t.stem, w)))
            .map(|(_, id)| *id);
        memo.insert(t.word.as_str(), hit);
        hit
    }

    /// Finds every mention in the sentences of `source`.
    pub fn find(&self, source: &str, sentences: &[Sentence]) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut memo: HashMap<&str, Option<u32>> = HashMap::new();
        let mut ids: Vec<Option<u32>> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            ids.clear();
            ids.extend(s.tokens.iter().map(|t| self.resolve(t, &mut memo)));
            for (i, id) in ids.iter().enumerate() {
                let Some(id) = id else { continue };
                let Some(cands) = self.by_first.get(id) else {
                    continue;
                };
                for &pi in cands {
                    let p = &self.phrases[pi];
                    let end = i + p.ids.len();
                    if end <= ids.len()
                        && ids[i..end].iter().zip(&p.ids).all(|(a, b)| *a == Some(*b))
                    {
                        out.push(Mention {
                            target: p.target,
                            sentence: si,
                            at: i,
                            stance: stance_at(sentences, source, si, i),
                        });
                    }
                }
            }
            if !self.patterns.is_empty() {
                let text = source.get(s.span.clone()).unwrap_or("");
                for (re, target) in &self.patterns {
                    if let Some(m) = re.find(text) {
                        let at = s
                            .tokens
                            .iter()
                            .position(|t| t.pos + t.word.len() > m.start())
                            .unwrap_or(s.tokens.len().saturating_sub(1));
                        out.push(Mention {
                            target: *target,
                            sentence: si,
                            at,
                            stance: stance_at(sentences, source, si, at),
                        });
                    }
                }
            }
        }
        out
    }
}

/// A small typo of a rubric word: for 5-6 letters only a swap of neighbours or
/// one letter too many or too few (a substitution would turn "shard" into
/// "share"); from 7 letters any single edit; from 10 letters two.
pub fn is_typo_of(word: &str, vocab: &str) -> bool {
    let (lw, lv) = (word.len(), vocab.len());
    if lv < 5 || lw.abs_diff(lv) > 2 || word.as_bytes().first() != vocab.as_bytes().first() {
        return false;
    }
    let d = strsim::osa_distance(word, vocab);
    match lv {
        5..=6 => d == 1 && (lw != lv || strsim::levenshtein(word, vocab) == 2),
        7..=9 => d == 1,
        _ => d <= 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::text::sentences;

    fn find(phrases: &[&str], text: &str) -> Vec<Mention> {
        let m = Matcher::new(&[(phrases.to_vec(), vec![])]).expect("valid");
        m.find(text, &sentences(text))
    }

    #[test]
    fn matches_inflection_typos_and_articles() {
        assert_eq!(find(&["cache"], "We are caching hot links.").len(), 1);
        assert_eq!(find(&["cache"], "Put a cahce in front.").len(), 1);
        assert_eq!(
            find(&["read replica"], "Add read-replcias for reads.").len(),
            1
        );
        assert_eq!(
            find(
                &["copies of the database"],
                "copies of database serve reads"
            )
            .len(),
            1
        );
        assert!(find(&["shard"], "We share the link.").is_empty());
    }

    #[test]
    fn negated_mentions_are_marked() {
        let hits = find(
            &["cache"],
            "We won't need a cache. We do not cache. Without caching it is slow.",
        );
        assert_eq!(hits.len(), 3);
        assert!(hits.iter().all(|h| h.stance == Stance::Negated));
        let hits = find(&["counter"], "We hash the URL instead of a global counter.");
        assert_eq!(hits[0].stance, Stance::Rejected);
        let hits = find(&["cache"], "No sharding at first, but we cache hot keys.");
        assert_eq!(hits[0].stance, Stance::Adopted);
        let hits = find(&["collide"], "Codes can never collide.");
        assert_eq!(hits[0].stance, Stance::Adopted);
    }

    #[test]
    fn patterns_match_case_insensitively() {
        let m = Matcher::new(&[(vec![], vec![r"\bp99\b"])]).expect("valid");
        let text = "Latency P99 under 100 ms.";
        assert_eq!(m.find(text, &sentences(text)).len(), 1);
        assert!(Matcher::new(&[(vec![], vec!["(unclosed"])]).is_err());
    }

    #[test]
    fn typo_rules() {
        assert!(is_typo_of("cahce", "cache"));
        assert!(is_typo_of("replcia", "replica"));
        assert!(is_typo_of("shardnig", "sharding"));
        assert!(!is_typo_of("share", "shard"));
        assert!(!is_typo_of("cat", "cap"));
        assert!(is_typo_of("consistancy", "consistency"));
    }
}
