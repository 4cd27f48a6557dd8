//! Matching lexicon phrases in a text's words. Shared by the built-in
//! tables (`lexicon.rs`) and `build.rs`, which reads the built-in sheets
//! with it.

use super::tokens::Word;

/// Most words a `..` gap stands for.
const GAP: usize = 4;

/// A string of a table's text: where it starts and how long it is.
pub(super) type Span = (usize, usize);

/// One item of a phrase: a word (as written and its stem, spans of the
/// table's text), a gap of up to `GAP` words, or the end of a clause.
#[derive(Debug, Clone, Copy)]
pub(super) enum Item {
    Word(Span, Span),
    Gap,
    End,
}

/// The lexicon's phrases, with no pointer but the slices themselves, so a
/// built-in table needs no relocation when the program starts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Table {
    /// Every string of the table.
    pub text: &'static str,
    /// Each phrase: its key, and where its items start in `items` and how
    /// many there are.
    pub phrases: &'static [(Span, usize, usize)],
    pub items: &'static [Item],
    /// The stems and spellings phrases start with, sorted, each with where
    /// its phrase numbers start in `firsts` and how many there are.
    pub by_first: &'static [(Span, usize, usize)],
    pub firsts: &'static [u16],
}

impl Table {
    /// The string a span is.
    pub fn at(&self, s: Span) -> &'static str {
        self.text.get(s.0..s.0 + s.1).unwrap_or("")
    }

    /// The numbers of the phrases whose first word is `key` (a stem or a
    /// spelling).
    pub fn starting(&self, key: &str) -> &'static [u16] {
        self.by_first
            .binary_search_by(|(k, _, _)| self.at(*k).cmp(key))
            .ok()
            .and_then(|i| {
                let (_, from, n) = self.by_first[i];
                self.firsts.get(from..from + n)
            })
            .unwrap_or(&[])
    }

    /// A phrase's key and items.
    fn phrase(&self, i: usize) -> Option<(&'static str, &'static [Item])> {
        let &(key, from, n) = self.phrases.get(i)?;
        Some((self.at(key), self.items.get(from..from + n)?))
    }
}

/// A phrase found: its key and the positions of the words it matched.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub key: &'static str,
    pub at: Vec<usize>,
}

/// Matches the phrase's items from `from` on; returns the matched positions.
fn match_at(t: &Table, items: &[Item], ws: &[Word], from: usize, at: &mut Vec<usize>) -> bool {
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
                if match_at(t, rest, ws, i, at) {
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
                .is_some_and(|w| w.stem == t.at(stem) || w.word == t.at(word))
            {
                at.push(from);
                match_at(t, rest, ws, from + 1, at)
            } else {
                false
            }
        }
    }
}

/// Every phrase of a table found in the words.
pub(super) fn find_in(table: &Table, ws: &[Word]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut candidates: Vec<u16> = Vec::new();
    let mut at = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        candidates.clear();
        candidates.extend_from_slice(table.starting(&w.stem));
        if w.word != w.stem {
            candidates.extend_from_slice(table.starting(&w.word));
            candidates.sort_unstable();
            candidates.dedup();
        }
        for &c in &candidates {
            let Some((key, items)) = table.phrase(usize::from(c)) else {
                continue;
            };
            at.clear();
            if match_at(table, items, ws, i, &mut at) {
                out.push(Found {
                    key,
                    at: at.clone(),
                });
            }
        }
    }
    out
}
