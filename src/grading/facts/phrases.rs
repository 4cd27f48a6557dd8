//! Matching lexicon phrases in a text's words. Shared by the built-in
//! tables (`lexicon.rs`) and `build.rs`, which reads the built-in sheets
//! with it.

use super::tokens::Word;

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

/// Every phrase of a table found in the words: `phrases` are keys and
/// items, `starting` the phrase numbers whose first word is a stem or a
/// spelling.
pub(super) fn find_in(
    phrases: &[(&'static str, &'static [Item])],
    starting: &dyn Fn(&str) -> &'static [u16],
    ws: &[Word],
) -> Vec<Found> {
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
            let Some(&(key, items)) = phrases.get(usize::from(c)) else {
                continue;
            };
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
