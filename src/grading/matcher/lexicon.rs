//! The spelling variants and word senses every phrase of a matcher obeys,
//! read from the concept lexicon. Plain code over the tokeniser, so that
//! `build.rs` builds the built-in rubrics' matchers with it.

use crate::grading::fx::{Fx, FxMap, FxSet};
use crate::grading::text::{tokenize, Token};
use std::hash::Hasher;
use std::sync::Arc;

/// Spelling variants and word senses that every phrase of a matcher obeys.
/// Cheap to clone: every matcher of a grade shares one.
#[derive(Debug, Clone)]
pub struct Lexicon(Arc<Words>);

#[derive(Debug, Default)]
struct Words {
    /// (one word, the same as several words).
    variants: Vec<(String, Vec<String>)>,
    /// Word to the guard phrases (as words) in which it does not count.
    senses: FxMap<String, Vec<Vec<String>>>,
    /// Stem to the stem of the first word of its `same` group.
    same: FxMap<String, String>,
    /// The words a variant starts with (each one-word spelling, and the
    /// first word of each several-word one).
    triggers: FxSet<String>,
    /// What identifies the lexicon: a hash of what it was read from.
    key: u64,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new(&[], std::iter::empty(), &[])
    }
}

/// A word and the phrases in which it does not count, as the data says them.
pub type SenseRef<'a> = (&'a str, &'a [String]);

/// What identifies a lexicon's data: the same words in the same places.
pub fn key<'a>(
    variants: &[(String, String)],
    senses: impl IntoIterator<Item = SenseRef<'a>>,
    same: &[Vec<String>],
) -> u64 {
    let mut h = Fx::default();
    let mut text = |s: &str| {
        h.write(s.as_bytes());
        h.write_u8(0xff);
    };
    for (one, many) in variants {
        text(one);
        text(many);
    }
    text("\u{1}senses");
    for (word, not) in senses {
        text(word);
        for g in not {
            text(g);
        }
        text("\u{1}");
    }
    text("\u{1}same");
    for group in same {
        for w in group {
            text(w);
        }
        text("\u{1}");
    }
    h.finish()
}

impl Lexicon {
    /// Reads spelling variants (`fanout` is `fan out`), word senses (the
    /// word does not count inside these phrases) and `same` groups (words
    /// that stand for the group's first).
    pub fn new<'a>(
        variants: &[(String, String)],
        senses: impl IntoIterator<Item = SenseRef<'a>> + Clone,
        same: &[Vec<String>],
    ) -> Lexicon {
        let words = |s: &str| -> Vec<String> { tokenize(s).into_iter().map(|t| t.word).collect() };
        let mut by_word: FxMap<String, Vec<Vec<String>>> = FxMap::default();
        for (word, not) in senses.clone() {
            let w = word.to_lowercase();
            for g in not {
                let g = words(g);
                if g.len() >= 2 && g.contains(&w) {
                    by_word.entry(w.clone()).or_default().push(g);
                }
            }
        }
        let mut stems: FxMap<String, String> = FxMap::default();
        for group in same {
            let group_stems: Vec<String> = group
                .iter()
                .filter_map(|w| tokenize(w).into_iter().next().map(|t| t.stem))
                .collect();
            if let Some(first) = group_stems.first() {
                for st in &group_stems[1..] {
                    stems.insert(st.clone(), first.clone());
                }
            }
        }
        let split: Vec<(String, Vec<String>)> = variants
            .iter()
            .map(|(one, many)| (one.to_lowercase(), words(many)))
            .filter(|(one, many)| !one.is_empty() && many.len() >= 2)
            .collect();
        let triggers = split
            .iter()
            .flat_map(|(one, many)| std::iter::once(one).chain(many.first()))
            .cloned()
            .collect();
        Lexicon(Arc::new(Words {
            same: stems,
            variants: split,
            senses: by_word,
            triggers,
            key: key(variants, senses, same),
        }))
    }

    /// What identifies the lexicon: two lexicons read from the same data
    /// have the same key.
    pub fn key(&self) -> u64 {
        self.0.key
    }

    /// True when some variant touches this word of a phrase.
    pub(super) fn touches(&self, word: &str) -> bool {
        self.0.triggers.contains(word)
    }

    /// Every spelling of a phrase's words: "fan out" also as "fanout".
    pub(super) fn spellings(&self, words: &[String]) -> Vec<Vec<String>> {
        let mut out = vec![words.to_vec()];
        for (one, many) in &self.0.variants {
            let mut more = Vec::new();
            for w in &out {
                if let Some(i) = w.windows(many.len()).position(|win| win == many.as_slice()) {
                    let mut v = w[..i].to_vec();
                    v.push(one.clone());
                    v.extend_from_slice(&w[i + many.len()..]);
                    more.push(v);
                }
                if let Some(i) = w.iter().position(|x| x == one) {
                    let mut v = w[..i].to_vec();
                    v.extend(many.iter().cloned());
                    v.extend_from_slice(&w[i + 1..]);
                    more.push(v);
                }
            }
            out.extend(more);
            if out.len() > 8 {
                break;
            }
        }
        out
    }

    /// The stem a phrase word is matched by: its group's first word's.
    pub(super) fn canonical<'s>(&'s self, stem: &'s str) -> &'s str {
        self.0.same.get(stem).map_or(stem, String::as_str)
    }

    /// True when the word at `j` sits inside one of its guard phrases.
    pub(super) fn off_sense(&self, tokens: &[Token], j: usize) -> bool {
        let Some(guards) = self.0.senses.get(&tokens[j].word) else {
            return false;
        };
        guards.iter().any(|g| {
            g.iter().enumerate().any(|(p, w)| {
                *w == tokens[j].word
                    && j >= p
                    && j - p + g.len() <= tokens.len()
                    && tokens[j - p..j - p + g.len()]
                        .iter()
                        .zip(g)
                        .all(|(t, gw)| t.word == *gw)
            })
        })
    }
}
