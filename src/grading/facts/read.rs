//! Reading a question against a problem's sheet: the sheet kept per fact
//! list (the built-in problems' read at build time), and the question's
//! words with their typos mended towards the words the sheet knows.

use super::lexicon;
use super::persona::without_persona;
use super::sheet::{fingerprint, Sheet};
use super::terms::{terms, Term};
use super::words::{base, is_filler, word, words, BuiltWords, Known, Word};
use crate::catalog::Fact;
use crate::grading::matcher::is_typo_of;
use std::sync::{Arc, Mutex, OnceLock};

// The built-in problems' sheets, read by `build.rs` with this module's
// siblings: `BUILT` (fingerprint of the fact list, the sheet as text for
// `Sheet::from_text`, its words as spans of `SHEET_WORDS`). Reading a sheet
// cost more than the rest of a grade's questions.
include!(concat!(env!("OUT_DIR"), "/sheets.rs"));

/// The sheet read at build time for this fact list, if it is a built-in one.
fn built(key: u64) -> Option<Sheet> {
    let (_, text, words) = BUILT.iter().find(|(k, _, _)| *k == key)?;
    Sheet::from_text(text, Known::Built(*words))
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
        // "If Maria in Brazil posts": the person a case is put in is anyone.
        let plain = without_persona(part, |w| self.known.has_word(w));
        let mut ws = words(plain.as_deref().unwrap_or(part));
        // "Can we afford to lose a file": a risk weighed, not a budget.
        let idiom: Vec<usize> = (0..ws.len())
            .filter(|&i| ws[i].word == "afford" && ws.get(i + 1).is_some_and(|n| n.word == "to"))
            .collect();
        for i in idiom.into_iter().rev() {
            ws.remove(i);
        }
        for w in &mut ws {
            if w.word != "$" && !is_filler(&w.word) {
                mend(w, &self.known);
            }
        }
        let mut ts = terms(&ws);
        self.join(&ws, &mut ts);
        without_options(&ws, &mut ts);
        limit_of_a_count(&mut ts);
        ts
    }

    /// Joins two words of a question that a fact's phrase says one after
    /// the other ("last seen") into one term: together they name a thing,
    /// though each alone is an everyday word.
    fn join(&self, ws: &[Word], ts: &mut Vec<Term>) {
        // Where each term of one word stands in the question.
        let mut at = 0;
        let mut places: Vec<Option<usize>> = Vec::with_capacity(ts.len());
        for t in ts.iter() {
            let found = (t.words == 1)
                .then(|| {
                    ws[at..]
                        .iter()
                        .position(|w| w.word == t.text)
                        .map(|p| p + at)
                })
                .flatten();
            if let Some(p) = found {
                at = p + 1;
            }
            places.push(found);
        }
        let mut i = 0;
        while i + 1 < ts.len() {
            let adjacent = matches!((places[i], places[i + 1]), (Some(a), Some(b)) if b == a + 1);
            // Only words that alone would say little: two everyday words
            // ("last seen").
            let pair = adjacent
                && !ts[i].head
                && !ts[i + 1].head
                && ts[i].everyday()
                && ts[i + 1].everyday()
                && ts[i].keys.len() == 1
                && ts[i + 1].keys.len() == 1
                && self
                    .pairs()
                    .contains(&(ts[i].keys[0].clone(), ts[i + 1].keys[0].clone()));
            if pair {
                let next = ts.remove(i + 1);
                places.remove(i + 1);
                let t = &mut ts[i];
                t.keys.extend(next.keys);
                t.words += 1;
                t.text = format!("{} {}", t.text, next.text);
                t.unit |= next.unit;
            }
            i += 1;
        }
    }
}

impl Known {
    fn has_word(&self, w: &str) -> bool {
        lexicon::knows_word(w)
            || match self {
                Known::Read(k) => k.words.contains(w),
                Known::Built(b) => b.words.binary_search_by(|s| b.at(*s).cmp(w)).is_ok(),
            }
    }

    fn has_stem(&self, s: &str) -> bool {
        lexicon::knows_stem(s)
            || match self {
                Known::Read(k) => k.stems.contains(s),
                Known::Built(b) => b.stems.binary_search_by(|x| b.at(*x).cmp(s)).is_ok(),
            }
    }

    fn stem_by_base(&self, base: &str) -> Option<String> {
        let own = match self {
            Known::Read(k) => k.bases.get(base).cloned(),
            Known::Built(b) => b
                .bases
                .binary_search_by(|(x, _)| b.at(*x).cmp(base))
                .ok()
                .map(|i| b.at(b.bases[i].1).to_string()),
        };
        own.or_else(|| lexicon::known_base(base).map(str::to_string))
    }

    /// The sheet's own words typos are mended towards, four letters or
    /// more, sorted.
    fn vocab(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            Known::Read(k) => Box::new(k.vocab.iter().map(String::as_str)),
            Known::Built(b) => Box::new(b.words.iter().map(|s| b.at(*s)).filter(|w| w.len() >= 4)),
        }
    }
}

/// Drops the figures of a question that offers several to choose from
/// ("10M, 100M or 500M?"): the options are the candidate's, and a fact
/// that happens to state one of them is not thereby the one asked.
fn without_options(ws: &[Word], ts: &mut Vec<Term>) {
    let figure =
        |t: &Term| t.number() || t.words == 1 && t.keys.iter().all(|k| is_magnitude_word(k));
    let choice = ws.iter().any(|w| w.word == "or");
    if choice && ts.iter().filter(|t| t.number()).count() >= 2 {
        ts.retain(|t| !figure(t));
    }
}

/// "A cap on how many pastes one person creates" asks for the limit, not
/// for how many there are: the count right after a limit requires no fact
/// that states a number of them.
fn limit_of_a_count(ts: &mut [Term]) {
    for i in 1..ts.len() {
        let limit = !ts[i - 1].head && ts[i - 1].keys.iter().any(|k| k == "@limit");
        if limit && ts[i].head && ts[i].keys.iter().any(|k| k == "@many") {
            ts[i].required.clear();
        }
    }
}

/// Words that scale a figure ("10 million", "5k").
fn is_magnitude_word(k: &str) -> bool {
    matches!(k, "thousand" | "million" | "billion" | "trillion" | "k")
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
    // A real word is no typo, though one letter from a word the sheet
    // uses ("sports" is no "sorts", "internal" no "interval").
    if lexicon::is_real_word(&w.word) {
        return;
    }
    // A word of four letters is mended only by a swap: a letter more or
    // less turns too many real words into others ("cash" is no "crash").
    let typo = |v: &&str| {
        if w.word.len() == 4 {
            swapped(w.word.as_bytes(), v.as_bytes())
        } else {
            (is_typo_of(&w.word, v) && !other_verb(&w.word, v)) || doubled_elsewhere(&w.word, v)
        }
    };
    // The first in alphabetical order of the sheet's words and the
    // lexicon's. A typo keeps its first letter, unless two of four letters
    // are swapped.
    let first = w.word.as_bytes()[0];
    let (own, shared) = if w.word.len() == 4 {
        let maybe = |v: &&str| v.len() == 4 || v.as_bytes().first() == Some(&first);
        (
            sheet.vocab().filter(maybe).find(typo),
            lexicon::known_vocab().filter(maybe).find(typo),
        )
    } else {
        (
            sheet
                .vocab()
                .skip_while(|v| v.as_bytes().first() < Some(&first))
                .take_while(|v| v.as_bytes().first() == Some(&first))
                .find(typo),
            lexicon::known_vocab_starting(first).find(typo),
        )
    };
    let fixed = match (own, shared) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(v) = fixed {
        *w = word(v.to_string());
    }
}

/// True when two words of six letters or more differ only in which
/// letters are doubled ("dissapear" for "disappear", "occured" for
/// "occurred"): one slip, though two edits apart.
fn doubled_elsewhere(a: &str, b: &str) -> bool {
    fn single(w: &str) -> Vec<u8> {
        let mut out: Vec<u8> = w.bytes().collect();
        out.dedup();
        out
    }
    a.len() >= 6 && b.len() >= 6 && a != b && single(a) == single(b)
}

/// True when two words of one ending differ in the last letter before it
/// ("leaking" and "leaving"): the same inflection of another verb, not a
/// slip of the keys.
fn other_verb(a: &str, b: &str) -> bool {
    ["ing", "ed"].iter().any(|end| {
        let (Some(x), Some(y)) = (a.strip_suffix(end), b.strip_suffix(end)) else {
            return false;
        };
        x.len() == y.len() && x.len() >= 3 && {
            let n = x.len() - 1;
            x[..n] == y[..n] && x[n..] != y[n..]
        }
    })
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
            let now = Sheet::new(facts);
            let built = built(fingerprint(facts))
                .unwrap_or_else(|| panic!("{id}: no sheet read at build time"));
            assert_eq!(built.to_text(), now.to_text(), "{id}");
            assert_eq!(built.known.lists(), now.known.lists(), "{id}");
        }
        let words = BuiltWords {
            text: "",
            words: &[],
            stems: &[],
            bases: &[],
        };
        assert!(Sheet::from_text("not a sheet", Known::Built(words)).is_none());
    }

    #[test]
    fn a_doubled_letter_put_on_the_wrong_letter_is_mended() {
        assert!(doubled_elsewhere("dissapear", "disappear"));
        assert!(doubled_elsewhere("occured", "occurred"));
        assert!(!doubled_elsewhere("disappear", "disappear"));
        assert!(!doubled_elsewhere("dispel", "dispels"));
        let catalog = Catalog::embedded().expect("data");
        let facts = &catalog.problem("instagram").expect("problem").facts;
        let sheet = Sheet::new(facts);
        let read = sheet.read("Do we need Stories that dissapear after 24 hours?");
        assert!(read.iter().any(|t| t.text.contains("disappear")));
    }

    #[test]
    fn another_verb_in_the_same_ending_is_no_typo() {
        assert!(other_verb("leaking", "leaving"));
        assert!(other_verb("leaked", "leaved"));
        assert!(!other_verb("stroing", "storing"));
        assert!(!other_verb("leaking", "leakage"));
        let catalog = Catalog::embedded().expect("data");
        let facts = &catalog.problem("pastebin").expect("problem").facts;
        let sheet = Sheet::new(facts);
        let read = sheet.read("Do we ban pastes leaking passwords?");
        assert!(!read.iter().any(|t| t.text.contains("leaving")));
    }

    #[test]
    fn figures_offered_as_options_are_dropped() {
        let catalog = Catalog::embedded().expect("data");
        let facts = &catalog.problem("instagram").expect("problem").facts;
        let sheet = Sheet::new(facts);
        let figures = |q: &str| sheet.read(q).iter().filter(|t| t.number()).count();
        assert_eq!(figures("Photos uploaded per day: 10M, 100M or 500M?"), 0);
        assert_eq!(figures("Is it 1 or 2 photos a second, maybe 5?"), 0);
        // One figure to confirm, or two without a choice, stay.
        assert_eq!(figures("Is 10M photos a day right, or more?"), 1);
        assert_eq!(figures("10M photos a day and 100M views?"), 2);
    }

    #[test]
    fn a_count_after_a_limit_asks_for_the_limit() {
        let catalog = Catalog::embedded().expect("data");
        let facts = &catalog.problem("pastebin").expect("problem").facts;
        let sheet = Sheet::new(facts);
        let counts = |q: &str| {
            sheet
                .read(q)
                .iter()
                .filter(|t| t.required.iter().any(|k| k == "@many"))
                .count()
        };
        assert_eq!(
            counts("Is there a cap on how many pastes one person can create?"),
            0
        );
        assert_eq!(
            counts("Is there a limit on how many pastes a guest makes?"),
            0
        );
        assert_eq!(counts("How many pastes are created a day?"), 1);
    }

    #[test]
    fn typos_are_mended_towards_known_words() {
        // The sheet's own words and (built in) the lexicon's and the word
        // lists' ("many", "availability").
        let vocab: Vec<String> = ["subscribers", "transcoding", "crash", "sorts", "interval"]
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
            // Four letters are mended only by a swap.
            ("cash", "cash"),
            // A real word the project's texts use is no typo.
            ("sports", "sports"),
            ("internal", "internal"),
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
