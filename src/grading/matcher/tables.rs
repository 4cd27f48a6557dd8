//! A matcher's phrases compiled into tables: each word's stem id, the words
//! typos are matched towards, the phrases' words one after the other and an
//! index by first word. Plain code over the tokeniser and the lexicon, so
//! that `build.rs` compiles the built-in rubrics' matchers with it and
//! writes them out (`Tables::write`); a grade reads them back
//! (`Tables::read`) instead of compiling a rubric's two thousand phrases.

use super::lexicon::Lexicon;
use crate::grading::fx::{Fx, FxMap, FxSet};
use crate::grading::text::{for_each_word_with, stem_into, tokenize, Token};
use std::borrow::Cow;
use std::hash::Hasher;

/// Most words a `..` gap in a phrase stands for.
pub const GAP: u8 = 3;

/// A phrase: its words in [`Tables::arena`] from `start`, `len` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    pub start: u32,
    pub len: u32,
    pub target: u32,
}

/// A word of a phrase: its stem id, and the words allowed before it (0 for
/// the first): plain forms of the lexicon leave small gaps ("keep .. in
/// memory").
pub type PhraseWord = (u32, u8);

/// A matcher's targets: each one's phrases and regex patterns.
pub type Targets<'a> = [(Vec<&'a str>, Vec<&'a str>)];

/// A word typos are matched towards: a span of [`TypoWords::text`], its
/// stem id, the order it was added in, and the letters it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypoWord {
    pub start: u32,
    pub len: u32,
    pub id: u32,
    pub order: u32,
    pub letters: u64,
}

/// The words typos are matched towards, ordered by first byte then length
/// (in the order added within one), and where each byte's run starts:
/// `first[b]..first[b + 1]`.
#[derive(Debug, Clone, Default)]
pub struct TypoWords {
    pub text: Cow<'static, str>,
    pub words: Vec<TypoWord>,
    pub first: Vec<u32>,
}

impl TypoWords {
    /// The words starting with byte `b`.
    pub fn starting_with(&self, b: u8) -> &[TypoWord] {
        let b = usize::from(b);
        match (self.first.get(b), self.first.get(b + 1)) {
            (Some(&x), Some(&y)) => self.words.get(x as usize..y as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// A word as written in the rubric.
    pub fn word(&self, w: &TypoWord) -> &str {
        let (start, len) = (w.start as usize, w.len as usize);
        self.text.get(start..start + len).unwrap_or("")
    }
}

/// The letters a word holds, as bits: `k` edits change at most `2k` of
/// them, so two words far apart in letters are no typos of each other.
pub fn letters(word: &str) -> u64 {
    word.bytes().fold(0, |m, b| m | 1 << (b & 63))
}

/// The compiled phrases of a matcher.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// Each stem's id, dense from 0.
    pub stems: FxMap<Cow<'static, str>, u32>,
    pub typo: TypoWords,
    pub phrases: Vec<Phrase>,
    /// The words of every phrase, one after the other.
    pub arena: Vec<PhraseWord>,
    /// Phrase indices ordered by their first word's id (in the order added
    /// within one id), and where each id's run starts: `first[id]..first[id + 1]`.
    pub by_first: Vec<u32>,
    pub first: Vec<u32>,
}

/// What identifies a matcher's phrases: the lexicon's key, then every
/// target's phrases in order. Patterns are read apart.
pub fn key(targets: &Targets, lexicon: &Lexicon) -> u64 {
    let mut h = Fx::default();
    h.write(&lexicon.key().to_le_bytes());
    for (phrases, _) in targets {
        for p in phrases {
            h.write(p.as_bytes());
            h.write_u8(0xff);
        }
        h.write_u8(0xfe);
    }
    h.write_usize(targets.len());
    h.finish()
}

/// Compiles the phrases of `targets`.
struct Builder<'l> {
    lexicon: &'l Lexicon,
    stems: FxMap<Cow<'static, str>, u32>,
    /// Words for typo matching in the order met, as spans of `typo_text`.
    typo: Vec<TypoWord>,
    typo_text: String,
    /// The words of `typo`, to keep each once.
    typo_seen: FxSet<String>,
    phrases: Vec<Phrase>,
    arena: Vec<PhraseWord>,
    /// Buffers for stems and words while phrases are read.
    scratch: String,
    word_buf: String,
}

impl Tables {
    /// Compiles the phrases of `targets` (their spelling variants by the
    /// lexicon, and their `..` gaps).
    pub fn build(targets: &Targets, lexicon: &Lexicon) -> Tables {
        let mut b = Builder {
            lexicon,
            stems: FxMap::default(),
            typo: Vec::new(),
            typo_text: String::new(),
            typo_seen: FxSet::default(),
            phrases: Vec::new(),
            arena: Vec::new(),
            scratch: String::new(),
            word_buf: String::new(),
        };
        // A concept's phrases come once for every topic naming the concept:
        // a phrase read before is copied, with its spellings, for the new target.
        let mut seen: FxMap<&str, (usize, usize)> = FxMap::default();
        for (target, (phrases, _)) in targets.iter().enumerate() {
            let target = target as u32;
            for phrase in phrases {
                let before = b.phrases.len();
                match seen.get(phrase) {
                    Some(&(from, to)) => {
                        for j in from..to {
                            let (start, len) = (b.phrases[j].start, b.phrases[j].len);
                            b.phrases.push(Phrase { start, len, target });
                        }
                    }
                    None => {
                        b.add_phrase(phrase, target);
                        seen.insert(phrase, (before, b.phrases.len()));
                    }
                }
            }
        }
        b.finish()
    }
}

impl Builder<'_> {
    /// Adds a phrase, its spelling variants and its `..` gaps.
    fn add_phrase(&mut self, phrase: &str, target: u32) {
        // Word ids, each with the gap allowed before it; words are read from
        // the phrase without building tokens.
        let start = self.arena.len();
        let mut touches = false;
        let mut gapped = false;
        let mut buf = std::mem::take(&mut self.scratch);
        let mut words = std::mem::take(&mut self.word_buf);
        for (k, part) in phrase.split("..").enumerate() {
            let mut first = true;
            for_each_word_with(part, &mut words, |word, numeric| {
                let gap = k > 0 && first && self.arena.len() > start;
                gapped |= gap;
                first = false;
                touches |= self.lexicon.touches(word);
                let id = self.intern_word(word, numeric, &mut buf);
                self.arena.push((id, if gap { GAP } else { 0 }));
            });
        }
        self.scratch = buf;
        self.word_buf = words;
        if self.arena.len() == start {
            return;
        }
        self.phrases.push(Phrase {
            start: start as u32,
            len: (self.arena.len() - start) as u32,
            target,
        });
        if gapped || !touches {
            return;
        }
        let words: Vec<String> = phrase
            .split("..")
            .flat_map(tokenize)
            .map(|t| t.word)
            .collect();
        for other in self.lexicon.spellings(&words).into_iter().skip(1) {
            let toks: Vec<Token> = other.iter().flat_map(|w| tokenize(w)).collect();
            if !toks.is_empty() {
                let start = self.arena.len();
                let mut buf = String::new();
                for t in &toks {
                    let id = self.intern_word(&t.word, t.numeric, &mut buf);
                    self.arena.push((id, 0));
                }
                self.phrases.push(Phrase {
                    start: start as u32,
                    len: toks.len() as u32,
                    target,
                });
            }
        }
    }

    /// The id of a word's stem, new if unseen; `buf` holds the stem. Words
    /// of five letters or more are kept for typo matching.
    fn intern_word(&mut self, word: &str, numeric: bool, buf: &mut String) -> u32 {
        let stem = if numeric {
            word
        } else {
            stem_into(word, buf);
            buf.as_str()
        };
        let stem = self.lexicon.canonical(stem);
        let id = match self.stems.get(stem) {
            Some(id) => *id,
            None => {
                let id = self.stems.len() as u32;
                self.stems.insert(Cow::Owned(stem.to_string()), id);
                id
            }
        };
        if !numeric && word.len() >= 5 && word.is_ascii() && !self.typo_seen.contains(word) {
            self.typo_seen.insert(word.to_string());
            let start = self.typo_text.len() as u32;
            self.typo_text.push_str(word);
            self.typo.push(TypoWord {
                start,
                len: word.len() as u32,
                id,
                order: self.typo.len() as u32,
                letters: letters(word),
            });
        }
        id
    }

    /// The tables, with phrases and typo words indexed by first word and
    /// first byte.
    fn finish(mut self) -> Tables {
        let text = self.typo_text.as_bytes();
        let first_byte = |w: &TypoWord| usize::from(text[w.start as usize]);
        self.typo.sort_by_key(|w| (first_byte(w), w.len));
        let (words, first) = counting_sort(&self.typo, 256, first_byte);
        let (by_first, first_word) = counting_sort(
            &(0..self.phrases.len() as u32).collect::<Vec<u32>>(),
            self.stems.len(),
            |&pi| self.arena[self.phrases[pi as usize].start as usize].0 as usize,
        );
        Tables {
            typo: TypoWords {
                text: Cow::Owned(self.typo_text),
                words,
                first,
            },
            stems: self.stems,
            phrases: self.phrases,
            arena: self.arena,
            by_first,
            first: first_word,
        }
    }
}

/// Orders `items` by a dense key below `n` (stable: in the order given
/// within one key), and says where each key's run starts: `first[k]..first[k + 1]`.
fn counting_sort<T: Copy>(items: &[T], n: usize, key: impl Fn(&T) -> usize) -> (Vec<T>, Vec<u32>) {
    let mut first = vec![0u32; n + 1];
    for it in items {
        first[key(it) + 1] += 1;
    }
    for k in 0..n {
        first[k + 1] += first[k];
    }
    let mut next = first.clone();
    let mut out = items.to_vec();
    for it in items {
        let k = key(it);
        out[next[k] as usize] = *it;
        next[k] += 1;
    }
    (out, first)
}

/// Strings written once each into one text, as spans of it.
// Written by `build.rs` and by the tests; the library only reads.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Default)]
pub struct Pool {
    pub text: String,
    at: FxMap<String, u32>,
}

#[cfg_attr(not(test), allow(dead_code))]
impl Pool {
    fn span(&mut self, s: &str) -> (u32, u32) {
        let start = match self.at.get(s) {
            Some(&at) => at,
            None => {
                let at = self.text.len() as u32;
                self.text.push_str(s);
                self.at.insert(s.to_string(), at);
                at
            }
        };
        (start, s.len() as u32)
    }
}

/// Reads back what [`Tables::write`] wrote.
struct Reader<'d> {
    data: &'d [u8],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u32> {
        let b = self.data.get(self.at..self.at + 4)?;
        self.at += 4;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.next()? as usize;
        let mut out = Vec::with_capacity(n.min(self.data.len() / 4));
        for _ in 0..n {
            out.push(f(self)?);
        }
        Some(out)
    }
}

#[cfg_attr(not(test), allow(dead_code))]
fn put(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

impl Tables {
    /// Writes the tables as little-endian numbers, their strings as spans
    /// of `pool`; `targets` is how many targets the phrases serve.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn write(&self, targets: usize, out: &mut Vec<u8>, pool: &mut Pool) {
        put(out, targets as u32);
        let mut stems: Vec<(&str, u32)> = self.stems.iter().map(|(s, &id)| (&**s, id)).collect();
        stems.sort_by_key(|&(_, id)| id);
        put(out, stems.len() as u32);
        for (s, _) in stems {
            let (start, len) = pool.span(s);
            put(out, start);
            put(out, len);
        }
        put(out, self.typo.words.len() as u32);
        for w in &self.typo.words {
            let (start, len) = pool.span(self.typo.word(w));
            put(out, start);
            put(out, len);
            put(out, w.id);
            put(out, w.order);
        }
        put(out, self.typo.first.len() as u32);
        self.typo.first.iter().for_each(|&n| put(out, n));
        put(out, self.phrases.len() as u32);
        for p in &self.phrases {
            put(out, p.start);
            put(out, p.len);
            put(out, p.target);
        }
        put(out, self.arena.len() as u32);
        for &(id, gap) in &self.arena {
            put(out, id);
            put(out, u32::from(gap));
        }
        for list in [&self.by_first, &self.first] {
            put(out, list.len() as u32);
            list.iter().for_each(|&n| put(out, n));
        }
    }

    /// Reads tables written by [`Tables::write`] from `data`, their strings
    /// spans of `text`, when they serve `targets` targets.
    pub fn read(data: &[u8], targets: usize, text: &'static str) -> Option<Tables> {
        let mut r = Reader { data, at: 0 };
        if r.next()? as usize != targets {
            return None;
        }
        let span = |r: &mut Reader| -> Option<&'static str> {
            let start = r.next()? as usize;
            text.get(start..start + r.next()? as usize)
        };
        let n = r.next()? as usize;
        let mut stems = FxMap::default();
        stems.reserve(n);
        for id in 0..n as u32 {
            stems.insert(Cow::Borrowed(span(&mut r)?), id);
        }
        let words = r.list(|r| {
            let (start, len) = (r.next()?, r.next()?);
            let word = text.get(start as usize..(start + len) as usize)?;
            Some(TypoWord {
                start,
                len,
                id: r.next()?,
                order: r.next()?,
                letters: letters(word),
            })
        })?;
        let first = r.list(Reader::next)?;
        let phrases = r.list(|r| {
            Some(Phrase {
                start: r.next()?,
                len: r.next()?,
                target: r.next()?,
            })
        })?;
        let arena = r.list(|r| Some((r.next()?, u8::try_from(r.next()?).ok()?)))?;
        let by_first = r.list(Reader::next)?;
        let first_word = r.list(Reader::next)?;
        let t = Tables {
            stems,
            typo: TypoWords {
                text: Cow::Borrowed(text),
                words,
                first,
            },
            phrases,
            arena,
            by_first,
            first: first_word,
        };
        (r.at == data.len() && t.holds_together(targets)).then_some(t)
    }

    /// True when every index points inside what it indexes, so matching
    /// never reads out of bounds.
    fn holds_together(&self, targets: usize) -> bool {
        let n = self.stems.len();
        let runs = |first: &[u32], of: usize, keys: usize| {
            first.len() == keys + 1
                && first.first() == Some(&0)
                && first.last() == Some(&(of as u32))
                && first.windows(2).all(|w| w[0] <= w[1])
        };
        runs(&self.typo.first, self.typo.words.len(), 256)
            && runs(&self.first, self.by_first.len(), n)
            && self.by_first.len() == self.phrases.len()
            && self
                .by_first
                .iter()
                .all(|&p| (p as usize) < self.phrases.len())
            && self.arena.iter().all(|&(id, _)| (id as usize) < n)
            && self.typo.words.iter().all(|w| (w.id as usize) < n)
            && self.phrases.iter().all(|p| {
                p.len > 0
                    && (p.target as usize) < targets
                    && (p.start as usize + p.len as usize) <= self.arena.len()
            })
    }
}

#[cfg(test)]
impl Tables {
    /// True when both tables hold the same words, phrases and indices
    /// (their strings may sit in different texts).
    pub fn same(&self, o: &Tables) -> bool {
        self.stems == o.stems
            && self.typo.first == o.typo.first
            && self.typo.words.len() == o.typo.words.len()
            && self.typo.words.iter().zip(&o.typo.words).all(|(a, b)| {
                (self.typo.word(a), a.id, a.order, a.letters)
                    == (o.typo.word(b), b.id, b.order, b.letters)
            })
            && self.phrases == o.phrases
            && self.arena == o.arena
            && self.by_first == o.by_first
            && self.first == o.first
    }

    /// The tables written and read back.
    pub fn round_trip(&self, targets: usize) -> Option<Tables> {
        let mut data = Vec::new();
        let mut pool = Pool::default();
        self.write(targets, &mut data, &mut pool);
        let text: &'static str = Box::leak(pool.text.into_boxed_str());
        Tables::read(&data, targets, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_that_point_outside_are_refused() {
        let targets: Vec<(Vec<&str>, Vec<&str>)> = vec![
            (vec!["read replica", "cache"], vec![]),
            (vec!["cache .. memory"], vec![]),
        ];
        let t = Tables::build(&targets, &Lexicon::default());
        assert!(t.holds_together(2));
        assert!(!t.holds_together(1), "a phrase of target 1");
        let mut data = Vec::new();
        let mut pool = Pool::default();
        t.write(2, &mut data, &mut pool);
        let text: &'static str = Box::leak(pool.text.into_boxed_str());
        assert!(Tables::read(&data, 2, text).is_some());
        let mut longer = data.clone();
        longer.extend([0; 4]);
        assert!(Tables::read(&longer, 2, text).is_none());
        for bad in [
            |t: &mut Tables| t.phrases[0].start = 1_000,
            |t: &mut Tables| t.arena[0].0 = 1_000,
            |t: &mut Tables| t.by_first[0] = 1_000,
            |t: &mut Tables| t.first[1] = 1_000,
            |t: &mut Tables| t.typo.words[0].id = 1_000,
        ] {
            let mut t = t.clone();
            bad(&mut t);
            assert!(!t.holds_together(2));
        }
    }
}
