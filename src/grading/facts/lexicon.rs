//! What a question's words mean beyond their spelling: the ways of asking
//! ("how many", "how fast", "do we need") read as the kind of fact asked,
//! the everyday near-words of requirements ("show up" and "propagate" are
//! freshness, "at once" is concurrency, "guest" is anonymous), and the
//! concepts of the shared lexicon (`rubrics/concepts.yaml`). Every phrase
//! found, in a question or in a fact, adds its group's key to the words it
//! spans, so both sides meet on meaning.

use super::words::Word;

/// Kinds of fact that only a fact stating them can answer, when a question
/// asks for them in so many words, with the keys that state them: a
/// maximum the sheet does not give is "your call", and "how fast" asks for
/// a latency or a freshness, never for the feature itself.
pub(super) const REQUIRED: &[(&str, &[&str])] = &[
    ("@max", &["@max"]),
    ("@speed", &["@speed", "@fresh"]),
    ("@big", &["@size", "@max", "@big"]),
];

/// The ways of asking what is in or out of scope.
pub(super) const SCOPE: &[&str] = &["@scope", "@out"];

/// Groups whose phrases are made of asking words but say what the question
/// is about, so they are not only a way of asking.
pub(super) const SUBJECTS: &[&str] = &[
    "@scenario",
    "@guess",
    "@order",
    "@exact",
    "@resume",
    "@edit",
];

/// Most words a `..` gap stands for.
const GAP: usize = 4;

/// One item of a phrase: a word (as written and its stem), a gap of up to
/// `GAP` words, or the end of a clause.
#[derive(Debug, Clone, Copy)]
pub(super) enum Item {
    Word(&'static str, &'static str),
    Gap,
    End,
}

/// A phrase found: its key and the positions of the words it matched.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub key: &'static str,
    pub at: Vec<usize>,
}

// The groups and the shipped concept lexicon (`rubrics/concepts.yaml`:
// general vocabulary, not part of a problem), read by `build.rs` with this
// module's own tokeniser: `PHRASES` (key and items), `BY_FIRST` (phrase
// numbers by the stem and the spelling of their first word, sorted) and
// the words typos are mended towards (`KNOWN_WORDS`, `KNOWN_STEMS`,
// `KNOWN_BASES`). Reading them at each start cost more than the rest of a
// question's understanding.
include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// The phrases whose first word is `key` (a stem or a spelling).
fn starting(key: &str) -> &'static [u16] {
    BY_FIRST
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .map_or(&[], |i| BY_FIRST[i].1)
}

/// Whether the lexicon or the word lists know the word.
pub(super) fn knows_word(w: &str) -> bool {
    KNOWN_WORDS.binary_search_by(|(k, _)| (*k).cmp(w)).is_ok()
}

/// Whether a word the lexicon or the word lists know has this stem.
pub(super) fn knows_stem(s: &str) -> bool {
    KNOWN_STEMS.binary_search(&s).is_ok()
}

/// The stem of a known word by its base or its own stem.
pub(super) fn known_base(b: &str) -> Option<&'static str> {
    KNOWN_BASES
        .binary_search_by(|(k, _)| (*k).cmp(b))
        .ok()
        .map(|i| KNOWN_BASES[i].1)
}

/// The known words of four letters or more, sorted: typos are mended
/// towards them.
pub(super) fn known_vocab() -> impl Iterator<Item = &'static str> {
    KNOWN_WORDS.iter().map(|(w, _)| *w).filter(|w| w.len() >= 4)
}

/// Matches the phrase's items from `from` on; returns the matched positions.
fn match_at(items: &[Item], ws: &[Word], from: usize, at: &mut Vec<usize>) -> bool {
    let Some((first, rest)) = items.split_first() else {
        return true;
    };
    match *first {
        Item::End => ws.get(from).is_some_and(|w| w.word == "$"),
        Item::Gap => {
            // The next word may come after up to GAP others, within the clause.
            for skip in 0..=GAP {
                let i = from + skip;
                let mark = at.len();
                if match_at(rest, ws, i, at) {
                    return true;
                }
                at.truncate(mark);
                if ws.get(i).is_none_or(|w| w.word == "$") {
                    return false;
                }
            }
            false
        }
        Item::Word(word, stem) => {
            if ws
                .get(from)
                .is_some_and(|w| w.stem == stem || w.word == word)
            {
                at.push(from);
                match_at(rest, ws, from + 1, at)
            } else {
                false
            }
        }
    }
}

/// Every phrase of the lexicon found in the words.
pub(super) fn find(ws: &[Word]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut candidates: Vec<u16> = Vec::new();
    let mut at = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        candidates.clear();
        candidates.extend_from_slice(starting(&w.stem));
        if w.word != w.stem {
            candidates.extend_from_slice(starting(&w.word));
            candidates.sort_unstable();
            candidates.dedup();
        }
        for &c in &candidates {
            let (key, items) = PHRASES[usize::from(c)];
            at.clear();
            if match_at(items, ws, i, &mut at) {
                out.push(Found {
                    key,
                    at: at.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let mut k: Vec<String> = find(&super::super::words::words(text))
            .into_iter()
            .map(|f| f.key.to_string())
            .collect();
        k.sort();
        k.dedup();
        k
    }

    #[test]
    fn ways_of_asking_read_as_kinds() {
        assert!(!keys("How mnay users").contains(&"@count".to_string()));
        assert!(keys("How many users?").contains(&"@count".to_string()));
        assert!(keys("How long can a tweet be?").contains(&"@size".to_string()));
        assert!(!keys("How long can a tweet be kept?").contains(&"@size".to_string()));
        assert!(keys("How long do we keep tweets?").contains(&"@retain".to_string()));
        assert!(keys("Can guests paste without signing in?").contains(&"@anonymous".to_string()));
        assert!(keys("users online at the same time").contains(&"@concurrent".to_string()));
        assert!(keys("Is eventual consistency fine").contains(&"#eventual_consistency".to_string()));
    }

    #[test]
    fn the_tables_read_at_build_time_know_the_word_lists_and_the_phrases() {
        use super::super::lists::{ASKING, FILLER, GENERAL};
        for w in ASKING.iter().chain(FILLER).chain(GENERAL) {
            assert!(knows_word(w), "{w}");
        }
        for w in ["anonymous", "simultaneously", "balancer"] {
            assert!(knows_word(w), "{w}");
        }
        assert!(KNOWN_WORDS.windows(2).all(|p| p[0].0 < p[1].0));
        assert!(BY_FIRST.windows(2).all(|p| p[0].0 < p[1].0));
        assert!(!starting("how").is_empty());
    }
}
