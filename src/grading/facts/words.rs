//! What the words of a question or a fact are: filler, everyday words, and
//! typos mended against the words the sheet knows.

use super::lexicon;
use super::lists::{FILLER, GENERAL};
use super::tokens::drop_ly;
pub(super) use super::tokens::{base, word, words, Word};
use crate::grading::fx::{FxMap, FxSet};
use crate::grading::matcher::is_typo_of;
use std::sync::OnceLock;

/// The filler and the everyday words as sets: they are asked of every word
/// of every phrase a sheet reads.
fn sets() -> &'static (FxSet<&'static str>, FxSet<&'static str>) {
    static SETS: OnceLock<(FxSet<&'static str>, FxSet<&'static str>)> = OnceLock::new();
    SETS.get_or_init(|| {
        (
            FILLER.iter().copied().collect(),
            GENERAL.iter().copied().collect(),
        )
    })
}

/// True for an everyday word that names no feature of its own.
pub(super) fn is_general(word: &str) -> bool {
    let general = &sets().1;
    general.contains(word) || general.contains(drop_ly(word))
}

/// True for a word that never names what a question is about.
pub(super) fn is_filler(word: &str) -> bool {
    // A lone letter is a list marker or an initial ("Q:", "a)"), never a
    // subject.
    let letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
    let filler = &sets().0;
    letter || filler.contains(word) || filler.contains(drop_ly(word))
}

/// The words a sheet knows, for mending a question's words: its own, and
/// those of the lexicon and the word lists (read at build time).
#[derive(Debug, Default)]
pub(super) struct Known {
    words: FxSet<String>,
    stems: FxSet<String>,
    /// Each known word's stem by its base and by its own stem.
    bases: FxMap<String, String>,
    /// Words typos are mended towards, four letters or more, sorted.
    vocab: Vec<String>,
}

impl Known {
    /// The words of a sheet.
    pub fn new(words: impl IntoIterator<Item = String>) -> Known {
        let mut k = Known::default();
        for w in words {
            if w == "$" || k.words.contains(&w) {
                continue;
            }
            let wd = word(w.clone());
            if let Some(b) = base(&w) {
                k.bases.entry(b).or_insert_with(|| wd.stem.clone());
            }
            k.bases
                .entry(wd.stem.clone())
                .or_insert_with(|| wd.stem.clone());
            k.stems.insert(wd.stem);
            k.words.insert(w);
        }
        k.vocab = k.words.iter().filter(|w| w.len() >= 4).cloned().collect();
        k.vocab.sort();
        k
    }

    fn has_word(&self, w: &str) -> bool {
        self.words.contains(w) || lexicon::knows_word(w)
    }

    fn has_stem(&self, s: &str) -> bool {
        self.stems.contains(s) || lexicon::knows_stem(s)
    }

    fn stem_by_base(&self, b: &str) -> Option<String> {
        match self.bases.get(b) {
            Some(s) => Some(s.clone()),
            None => lexicon::known_base(b).map(str::to_string),
        }
    }
}

/// Mends a word the sheet does not know when it is a small typo of one it
/// does: "registred" -> "registered", and for four-letter words two
/// neighbouring letters swapped ("mnay" -> "many", "lnog" -> "long").
pub(super) fn mend(w: &mut Word, sheet: &Known) {
    if w.word.len() < 4
        || sheet.has_word(&w.word)
        || sheet.has_stem(&w.stem)
        || w.word.bytes().any(|b| b.is_ascii_digit())
    {
        return;
    }
    // Another form of a word the sheet uses: "spammers" for "spam",
    // "guess" for "guessable".
    let forms = std::iter::once(w.stem.clone()).chain(base(&w.word));
    for f in forms {
        if let Some(s) = sheet.stem_by_base(&f) {
            w.stem = s;
            return;
        }
    }
    let typo = |v: &&str| {
        if w.word.len() == 4 && v.len() == 4 {
            swapped(w.word.as_bytes(), v.as_bytes())
        } else {
            is_typo_of(&w.word, v)
        }
    };
    // The first in alphabetical order of the sheet's words and the
    // lexicon's.
    let own = sheet.vocab.iter().map(String::as_str).find(typo);
    let shared = lexicon::known_vocab().find(typo);
    let fixed = match (own, shared) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(v) = fixed {
        *w = word(v.to_string());
    }
}

/// True when `a` is `b` with two neighbouring letters swapped.
fn swapped(a: &[u8], b: &[u8]) -> bool {
    let diff: Vec<usize> = (0..a.len().min(b.len()))
        .filter(|&i| a[i] != b[i])
        .collect();
    a.len() == b.len()
        && diff.len() == 2
        && diff[1] == diff[0] + 1
        && a[diff[0]] == b[diff[1]]
        && a[diff[1]] == b[diff[0]]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::text::stem;

    fn ws(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.word).collect()
    }

    #[test]
    fn words_undo_everyday_shortcuts() {
        assert_eq!(
            ws("What's the driver's avg in five years?"),
            ["what", "the", "driver", "average", "in", "5", "years", "$"]
        );
        assert_eq!(
            word("simultaneously".into()).stem,
            word("simultaneous".into()).stem
        );
        assert_eq!(word("globally".into()).stem, word("global".into()).stem);
        assert_eq!(word("daily".into()).stem, "daily");
        assert_eq!(word("reply".into()).stem, stem("reply"));
    }

    #[test]
    fn typos_are_mended_towards_known_words() {
        // The sheet's own words and (built in) the lexicon's and the word
        // lists' ("many", "availability").
        let vocab: Vec<String> = ["subscribers", "transcoding"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let known = Known::new(vocab.iter().cloned());
        for (typo, want) in [
            ("mnay", "many"),
            ("availabilty", "availability"),
            ("subscirber", "subscriber"),
            ("transocding", "transcoding"),
            ("many", "many"),
            ("mane", "mane"),
        ] {
            let mut w = word(typo.into());
            mend(&mut w, &known);
            assert_eq!(w.word, want, "{typo}");
        }
        // Another form of a known word keeps its spelling and takes the
        // known word's stem: "registred" reads as "registration".
        let mut w = word("registred".into());
        mend(&mut w, &known);
        assert_eq!(w.stem, word("registration".into()).stem);
    }
}
