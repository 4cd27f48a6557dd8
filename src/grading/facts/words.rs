//! What the words of a question or a fact are: filler, everyday words, and
//! typos mended against the words the sheet knows.

use super::lists::{FILLER, GENERAL};
use super::tokens::drop_ly;
pub(super) use super::tokens::{base, word, words, Word};
use crate::grading::fx::{FxMap, FxSet};
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

/// True for an everyday word that names no feature of its own, in any of
/// its forms ("changes", "serving").
pub(super) fn is_general(word: &str) -> bool {
    let general = &sets().1;
    general.contains(word)
        || general.contains(drop_ly(word))
        || bases(word).any(|b| general.contains(b.as_str()))
}

/// The words an inflected word may come from: "changes" and "changed" from
/// "change", "serving" from "serve", "running" from "run".
fn bases(w: &str) -> impl Iterator<Item = String> + '_ {
    let cut = |suffix: &str| w.strip_suffix(suffix).filter(|b| b.len() >= 3);
    let mut out: Vec<String> = Vec::new();
    for suffix in ["s", "es", "d", "ed", "ing"] {
        if let Some(b) = cut(suffix) {
            out.push(b.to_string());
            if suffix == "ing" || suffix == "ed" {
                out.push(format!("{b}e"));
                let bs = b.as_bytes();
                if bs.len() >= 2 && bs[bs.len() - 1] == bs[bs.len() - 2] {
                    out.push(b[..b.len() - 1].to_string());
                }
            }
        }
    }
    out.into_iter()
}

/// True for the stem of an everyday word in any of its forms ("serving"
/// as "serve").
pub(super) fn is_general_stem(stem: &str) -> bool {
    static STEMS: OnceLock<FxSet<String>> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            GENERAL
                .iter()
                .map(|w| word((*w).to_string()).stem)
                .collect()
        })
        .contains(stem)
}

/// True for a word that never names what a question is about.
pub(super) fn is_filler(word: &str) -> bool {
    // A lone letter is a list marker or an initial ("Q:", "a)"), never a
    // subject.
    let letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
    let filler = &sets().0;
    // "I'd", "they're", "we'll": a pronoun and a verb.
    let contracted = word
        .split_once('\'')
        .is_some_and(|(a, _)| !a.is_empty() && filler.contains(a));
    letter || filler.contains(word) || filler.contains(drop_ly(word)) || contracted
}

/// The words a sheet knows, for mending a question's words: its own (the
/// lexicon's and the word lists' are built in). Read with the sheet, or at
/// build time for the built-in problems.
#[derive(Debug)]
pub(super) enum Known {
    Read(KnownWords),
    Built(BuiltWords),
}

/// A sheet's words, read with it.
#[derive(Debug, Default)]
pub(super) struct KnownWords {
    pub(super) words: FxSet<String>,
    pub(super) stems: FxSet<String>,
    /// Each known word's stem by its base and by its own stem.
    pub(super) bases: FxMap<String, String>,
    /// Words typos are mended towards, four letters or more, sorted.
    pub(super) vocab: Vec<String>,
}

/// A string of a built-in text: where it starts and how long it is.
pub(super) type Span = (usize, usize);

/// A built-in sheet's words, read at build time: spans of `text`, each list
/// sorted.
#[derive(Debug, Clone, Copy)]
pub(super) struct BuiltWords {
    pub text: &'static str,
    pub words: &'static [Span],
    pub stems: &'static [Span],
    /// Each word's stem by its base and by its own stem.
    pub bases: &'static [(Span, Span)],
}

impl BuiltWords {
    /// The string a span is.
    pub fn at(&self, s: Span) -> &'static str {
        self.text.get(s.0..s.0 + s.1).unwrap_or("")
    }
}

impl Known {
    /// The words of a sheet.
    pub fn new(words: impl IntoIterator<Item = String>) -> Known {
        let mut k = KnownWords::default();
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
        Known::Read(k)
    }
}

impl Known {
    /// The words, their stems, and the stems by base, each sorted.
    // For `build.rs`, which writes them, and the test that reads them back.
    #[allow(dead_code)]
    pub fn lists(&self) -> (Vec<String>, Vec<String>, Vec<(String, String)>) {
        let sorted = |mut v: Vec<String>| {
            v.sort();
            v
        };
        match self {
            Known::Read(k) => {
                let mut bases: Vec<(String, String)> = k
                    .bases
                    .iter()
                    .map(|(a, b)| (a.clone(), b.clone()))
                    .collect();
                bases.sort();
                (
                    sorted(k.words.iter().cloned().collect()),
                    sorted(k.stems.iter().cloned().collect()),
                    bases,
                )
            }
            Known::Built(b) => (
                b.words.iter().map(|s| b.at(*s).to_string()).collect(),
                b.stems.iter().map(|s| b.at(*s).to_string()).collect(),
                b.bases
                    .iter()
                    .map(|(x, y)| (b.at(*x).to_string(), b.at(*y).to_string()))
                    .collect(),
            ),
        }
    }
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
}
