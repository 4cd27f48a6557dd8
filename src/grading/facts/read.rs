//! Reading a question against a problem's sheet: the sheet kept per fact
//! list (the built-in problems' read at build time), and the question's
//! words with their typos mended towards the words the sheet knows.

use super::lexicon;
use super::sheet::{fingerprint, Sheet};
use super::terms::{terms, Term};
use super::words::{base, is_filler, word, words, Known, Word};
use crate::catalog::Fact;
use crate::grading::matcher::is_typo_of;
use std::sync::{Arc, Mutex, OnceLock};

// The built-in problems' sheets, read by `build.rs` with this module's
// siblings: `BUILT` (fingerprint of the fact list, the sheet as text for
// `Sheet::from_text`). Reading a sheet cost more than the rest of a grade's
// questions.
include!(concat!(env!("OUT_DIR"), "/sheets.rs"));

/// The sheet read at build time for this fact list, if it is a built-in one.
fn built(key: u64) -> Option<Sheet> {
    let (_, text) = BUILT.iter().find(|(k, _)| *k == key)?;
    Sheet::from_text(text)
}

/// Most sheets kept at once.
const KEPT: usize = 32;

/// Sheets read so far, by a hash of their facts, oldest first.
type Kept = Mutex<Vec<(u64, Arc<Sheet>)>>;

/// The sheet of a fact list, read once and kept while it is in use.
pub(super) fn sheet(facts: &[Fact]) -> Arc<Sheet> {
    static SHEETS: OnceLock<Kept> = OnceLock::new();
    let key = fingerprint(facts);
    let kept = SHEETS.get_or_init(|| Mutex::new(Vec::new()));
    if let Ok(list) = kept.lock() {
        if let Some((_, s)) = list.iter().find(|(k, _)| *k == key) {
            return Arc::clone(s);
        }
    }
    let made = Arc::new(built(key).unwrap_or_else(|| Sheet::new(facts)));
    if let Ok(mut list) = kept.lock() {
        if list.len() >= KEPT {
            list.remove(0);
        }
        list.push((key, Arc::clone(&made)));
    }
    made
}

impl Sheet {
    /// The terms of a part of a question, its typos mended.
    pub fn read(&self, part: &str) -> Vec<Term> {
        let mut ws = words(part);
        for w in &mut ws {
            if w.word != "$" && !is_filler(&w.word) {
                mend(w, &self.known);
            }
        }
        terms(&ws)
    }
}

impl Known {
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
    // lexicon's. A typo keeps its first letter, unless two of four letters
    // are swapped.
    let first = w.word.as_bytes()[0];
    let short = w.word.len() == 4;
    let maybe = |v: &&str| short && v.len() == 4 || v.as_bytes().first() == Some(&first);
    let own = sheet
        .vocab
        .iter()
        .map(String::as_str)
        .filter(maybe)
        .find(typo);
    let shared = lexicon::known_vocab().filter(maybe).find(typo);
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
    use crate::catalog::Catalog;

    #[test]
    fn the_sheets_read_at_build_time_are_the_sheets_read_now() {
        let catalog = Catalog::embedded().expect("data");
        let ids = catalog.ids();
        assert_eq!(BUILT.len(), ids.len());
        for id in ids {
            let facts = &catalog.problem(&id).expect("problem").facts;
            let now = Sheet::new(facts).to_text();
            let key = fingerprint(facts);
            let (_, text) = BUILT
                .iter()
                .find(|(k, _)| *k == key)
                .unwrap_or_else(|| panic!("{id}: no sheet read at build time"));
            assert_eq!(*text, now, "{id}");
            let back = Sheet::from_text(text).expect("reads back");
            assert_eq!(back.to_text(), now, "{id}");
        }
        assert!(Sheet::from_text("not a sheet").is_none());
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
