//! What a question's words mean beyond their spelling: the ways of asking
//! ("how many", "how fast", "do we need") read as the kind of fact asked,
//! the everyday near-words of requirements ("show up" and "propagate" are
//! freshness, "at once" is concurrency, "guest" is anonymous), and the
//! concepts of the shared lexicon (`rubrics/concepts.yaml`). Every phrase
//! found, in a question or in a fact, adds its group's key to the words it
//! spans, so both sides meet on meaning.

pub(super) use super::phrases::Found;
use super::phrases::{find_in, Item, Table};
use super::words::Word;

// The groups and the shipped concept lexicon (`rubrics/concepts.yaml`:
// general vocabulary, not part of a problem), read by `build.rs` with this
// module's own tokeniser: `PHRASES` and `ITEMS` (keys and items), `BY_FIRST`
// and `FIRSTS` (phrase numbers by the stem and the spelling of their first
// word, sorted), all spans of `LEXICON_TEXT`, and
// the words typos are mended towards (`KNOWN_WORDS`, `KNOWN_STEMS`,
// `KNOWN_BASES`). Reading them at each start cost more than the rest of a
// question's understanding.
include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

// `REAL_WORDS`: the words of the built-in problems and rubrics.
include!(concat!(env!("OUT_DIR"), "/real_words.rs"));

/// Whether a word is a real one the project's own texts use: typo mending
/// leaves it as it is.
pub(super) fn is_real_word(w: &str) -> bool {
    REAL_WORDS.binary_search(&w).is_ok()
}

/// The lexicon's phrases, spans of `LEXICON_TEXT`.
const TABLE: Table = Table {
    text: LEXICON_TEXT,
    phrases: PHRASES,
    items: ITEMS,
    by_first: BY_FIRST,
    firsts: FIRSTS,
};

/// A string of `KNOWN_TEXT`: where it starts and how long it is.
type Span = (usize, usize);

/// The string a span is.
fn known(s: Span) -> &'static str {
    KNOWN_TEXT.get(s.0..s.0 + s.1).unwrap_or("")
}

/// Whether the lexicon or the word lists know the word.
pub(super) fn knows_word(w: &str) -> bool {
    KNOWN_WORDS
        .binary_search_by(|(k, _)| known(*k).cmp(w))
        .is_ok()
}

/// Whether a word the lexicon or the word lists know has this stem.
pub(super) fn knows_stem(s: &str) -> bool {
    KNOWN_STEMS.binary_search_by(|k| known(*k).cmp(s)).is_ok()
}

/// The stem of a known word by its base or its own stem.
pub(super) fn known_base(b: &str) -> Option<&'static str> {
    KNOWN_BASES
        .binary_search_by(|(k, _)| known(*k).cmp(b))
        .ok()
        .map(|i| known(KNOWN_BASES[i].1))
}

/// The known words of four letters or more, sorted: typos are mended
/// towards them.
pub(super) fn known_vocab() -> impl Iterator<Item = &'static str> {
    KNOWN_WORDS
        .iter()
        .map(|(w, _)| known(*w))
        .filter(|w| w.len() >= 4)
}

/// The known words of four letters or more that start with `first`,
/// sorted.
pub(super) fn known_vocab_starting(first: u8) -> impl Iterator<Item = &'static str> {
    let from = KNOWN_WORDS.partition_point(|(w, _)| known(*w).as_bytes().first() < Some(&first));
    KNOWN_WORDS[from..]
        .iter()
        .map(|(w, _)| known(*w))
        .take_while(move |w| w.as_bytes().first() == Some(&first))
        .filter(|w| w.len() >= 4)
}

/// Every phrase of the lexicon found in the words.
pub(super) fn find(ws: &[Word]) -> Vec<Found> {
    find_in(&TABLE, ws)
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
        assert!(KNOWN_WORDS
            .windows(2)
            .all(|p| known(p[0].0) < known(p[1].0)));
        assert!(BY_FIRST
            .windows(2)
            .all(|p| TABLE.at(p[0].0) < TABLE.at(p[1].0)));
        assert!(!TABLE.starting("how").is_empty());
    }
}
