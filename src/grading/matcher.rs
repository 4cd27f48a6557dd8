//! Phrase and pattern matching over tokenised sentences, tolerant of
//! inflection (via stems) and small typos (via strsim), each mention with
//! the stance of its clause.
//! Matching is linear in the answer: each distinct word is resolved against
//! the rubric's vocabulary once, and phrases are looked up by their first word.
//!
//! One `aho-corasick` automaton for all phrases was measured in place of the
//! first-word index: gapless phrases as their stems joined by spaces,
//! matched overlapping over each sentence's resolved stems (gapped ones kept
//! here), giving the same mentions, so the same agreement figures and the
//! same output on every test answer. On a 1,117-word answer it cost 42.1M
//! instructions (noncontiguous NFA) or 51.6M (the crate's automatic choice)
//! against 30.8M for the whole `sdcoach grade`; 6.6-7.4 ms of CPU against
//! 5.1-5.3 ms; in-process 4.6 ms (1,000 words), 16.9 ms (10,000) and 133 ms
//! (100,000) against 3.1, 11.9 and 99 ms. Building the automaton costs more
//! than the whole index, and a sentence must still be read word by word for
//! stems and typos. So the index stays.

mod needs;

use super::fx::{FxMap, FxSet};
use super::stance::{stance_at, Stance};
use super::text::{for_each_word_with, stem_into, tokenize, Sentence, Token};
use regex_lite::{Regex, RegexBuilder};
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

/// A place where a target (topic, flag, fact ask) was mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub target: usize,
    pub sentence: usize,
    /// Token index where the phrase or pattern match starts.
    pub at: usize,
    /// How the clause stands towards the mention.
    pub stance: Stance,
    /// How many of the sentence's words the match spans: a longer match is
    /// more specific evidence ("fan-out on write" over "write").
    pub words: usize,
}

/// A phrase: its words in [`Matcher::arena`] from `start`, `len` of them.
#[derive(Debug)]
struct Phrase {
    start: u32,
    len: u32,
    target: usize,
}

/// A word of a phrase: its stem id, and the words allowed before it (0 for
/// the first): plain forms of the lexicon leave small gaps ("keep .. in
/// memory").
type PhraseWord = (u32, u8);

include!(concat!(env!("OUT_DIR"), "/patterns.rs"));

/// A rubric pattern: compiled when first needed if the build found it
/// compiles (every pattern of the built-in data), else compiled up front so a
/// bad one is reported as before.
#[derive(Debug)]
struct Pattern {
    source: String,
    target: usize,
    needs: Needs,
    regex: OnceCell<Option<Regex>>,
}

/// What a sentence needs for a pattern to match: read at build time for the
/// built-in patterns, else when the matcher is built.
#[derive(Debug)]
enum Needs {
    Known(&'static [&'static [&'static str]]),
    Read(Vec<Vec<String>>),
}

impl Needs {
    fn admits(&self, lower: &str) -> bool {
        match self {
            Needs::Known(clauses) => needs::admits(clauses, lower),
            Needs::Read(clauses) => needs::admits(clauses, lower),
        }
    }
}

impl Pattern {
    /// Reads a pattern; the error is the regex engine's message.
    fn new(source: &str, target: usize) -> Result<Pattern, String> {
        let known = KNOWN_PATTERNS
            .binary_search_by(|(p, _)| (*p).cmp(source))
            .ok()
            .and_then(|i| KNOWN_PATTERNS.get(i));
        let regex = OnceCell::new();
        let needs = match known {
            Some((_, n)) => Needs::Known(n),
            None => {
                let _ = regex.set(Some(compile(source).map_err(|e| e.to_string())?));
                Needs::Read(needs::needs(source))
            }
        };
        Ok(Pattern {
            source: source.to_string(),
            target,
            needs,
            regex,
        })
    }

    fn regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| compile(&self.source).ok())
            .as_ref()
    }
}

/// Compiles a rubric pattern, case-insensitive. `regex-lite` compiles a
/// pattern about 25 times faster than `regex` (0.01 ms against 0.25 ms),
/// which is most of a grade's start; sentences are short, so its slower
/// matching costs little.
fn compile(pat: &str) -> Result<Regex, regex_lite::Error> {
    RegexBuilder::new(pat).case_insensitive(true).build()
}

/// Most figures a phrase skips between two of its words.
const MAX_FIGURES: usize = 10;

/// Most words a `..` gap in a phrase stands for.
pub const GAP: u8 = 3;

/// Spelling variants and word senses that every phrase of a matcher obeys.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// (one word, the same as several words).
    variants: Vec<(String, Vec<String>)>,
    /// Word to the guard phrases (as words) in which it does not count.
    senses: FxMap<String, Vec<Vec<String>>>,
    /// Stem to the stem of the first word of its `same` group.
    same: FxMap<String, String>,
    /// The words a variant starts with (each one-word spelling, and the
    /// first word of each several-word one).
    triggers: FxSet<String>,
}

impl Lexicon {
    /// The variants and senses of `rubrics/concepts.yaml`.
    pub fn from_catalog(l: &crate::catalog::Lexicon) -> Lexicon {
        let words = |s: &str| -> Vec<String> { tokenize(s).into_iter().map(|t| t.word).collect() };
        let mut senses: FxMap<String, Vec<Vec<String>>> = FxMap::default();
        for s in &l.senses {
            let w = s.word.to_lowercase();
            for g in &s.not {
                let g = words(g);
                if g.len() >= 2 && g.contains(&w) {
                    senses.entry(w.clone()).or_default().push(g);
                }
            }
        }
        let mut same: FxMap<String, String> = FxMap::default();
        for group in &l.same {
            let stems: Vec<String> = group
                .iter()
                .filter_map(|w| tokenize(w).into_iter().next().map(|t| t.stem))
                .collect();
            if let Some(first) = stems.first() {
                for st in &stems[1..] {
                    same.insert(st.clone(), first.clone());
                }
            }
        }
        let variants: Vec<(String, Vec<String>)> = l
            .variants
            .iter()
            .map(|(one, many)| (one.to_lowercase(), words(many)))
            .filter(|(one, many)| !one.is_empty() && many.len() >= 2)
            .collect();
        let triggers = variants
            .iter()
            .flat_map(|(one, many)| std::iter::once(one).chain(many.first()))
            .cloned()
            .collect();
        Lexicon {
            same,
            variants,
            senses,
            triggers,
        }
    }

    /// True when some variant touches this word of a phrase.
    fn touches(&self, word: &str) -> bool {
        self.triggers.contains(word)
    }

    /// Every spelling of a phrase's words: "fan out" also as "fanout".
    fn spellings(&self, words: &[String]) -> Vec<Vec<String>> {
        let mut out = vec![words.to_vec()];
        for (one, many) in &self.variants {
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
    fn canonical<'s>(&'s self, stem: &'s str) -> &'s str {
        self.same.get(stem).map_or(stem, String::as_str)
    }

    /// True when the word at `j` sits inside one of its guard phrases.
    fn off_sense(&self, tokens: &[Token], j: usize) -> bool {
        let Some(guards) = self.senses.get(&tokens[j].word) else {
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

/// Vocabulary words by first byte, for typo matching.
type TypoIndex = FxMap<u8, Vec<(String, u32)>>;

/// Compiled phrases and patterns for a set of targets.
#[derive(Debug, Default)]
pub struct Matcher {
    stems: FxMap<String, u32>,
    /// (word as written in the rubric, its stem id) by first byte, for typo matching.
    words: TypoIndex,
    phrases: Vec<Phrase>,
    /// The words of every phrase, one after the other.
    arena: Vec<PhraseWord>,
    /// Phrase indices ordered by their first word's id (in the order added
    /// within one id), and where each id's run starts: `first[id]..first[id + 1]`.
    by_first: Vec<u32>,
    first: Vec<u32>,
    patterns: Vec<Pattern>,
    lexicon: Lexicon,
    /// Words already resolved by typo, kept across calls to `find`.
    typos: RefCell<HashMap<String, Option<u32>>>,
    /// The words of `words`, to keep each once.
    typo_words: FxSet<String>,
    /// Buffers for stems and words while phrases are read.
    scratch: String,
    word_buf: String,
}

impl Matcher {
    /// Builds a matcher; `targets[i]` holds target i's phrases and regex patterns.
    /// Returns the index of the target and the pattern when a regex is invalid.
    pub fn new(targets: &[(Vec<&str>, Vec<&str>)]) -> Result<Matcher, (usize, String, String)> {
        Matcher::with_lexicon(targets, Lexicon::default())
    }

    /// [`Matcher::new`] whose phrases obey the spelling variants and word
    /// senses of `lexicon`, and may hold `..` gaps.
    pub fn with_lexicon(
        targets: &[(Vec<&str>, Vec<&str>)],
        lexicon: Lexicon,
    ) -> Result<Matcher, (usize, String, String)> {
        let mut m = Matcher {
            lexicon,
            ..Matcher::default()
        };
        // A concept's phrases come once for every topic naming the concept:
        // a phrase read before is copied, with its spellings, for the new target.
        let mut seen: FxMap<&str, (usize, usize)> = FxMap::default();
        for (target, (phrases, patterns)) in targets.iter().enumerate() {
            for phrase in phrases {
                let before = m.phrases.len();
                match seen.get(phrase) {
                    Some(&(from, to)) => {
                        for j in from..to {
                            let (start, len) = (m.phrases[j].start, m.phrases[j].len);
                            m.phrases.push(Phrase { start, len, target });
                        }
                    }
                    None => {
                        m.add_phrase(phrase, target);
                        seen.insert(phrase, (before, m.phrases.len()));
                    }
                }
            }
            for pat in patterns {
                let p = Pattern::new(pat, target).map_err(|e| (target, pat.to_string(), e))?;
                m.patterns.push(p);
            }
        }
        m.index_first_words();
        Ok(m)
    }

    /// Adds a phrase, its spelling variants and its `..` gaps.
    fn add_phrase(&mut self, phrase: &str, target: usize) {
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
                for t in &toks {
                    let id = self.intern(t);
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

    /// Orders phrases by their first word (a stable counting sort: ids are
    /// dense), so a word finds its phrases without hashing.
    fn index_first_words(&mut self) {
        let n = self.stems.len();
        let mut first = vec![0u32; n + 1];
        for p in &self.phrases {
            first[self.arena[p.start as usize].0 as usize + 1] += 1;
        }
        for id in 0..n {
            first[id + 1] += first[id];
        }
        let mut next = first.clone();
        let mut by_first = vec![0u32; self.phrases.len()];
        for (pi, p) in self.phrases.iter().enumerate() {
            let id = self.arena[p.start as usize].0 as usize;
            by_first[next[id] as usize] = pi as u32;
            next[id] += 1;
        }
        self.first = first;
        self.by_first = by_first;
    }

    /// The phrases whose first word has stem `id`, in the order added.
    fn starting_with(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.first.get(id), self.first.get(id + 1)) {
            (Some(&a), Some(&b)) => &self.by_first[a as usize..b as usize],
            _ => &[],
        }
    }

    fn intern(&mut self, t: &Token) -> u32 {
        let mut buf = String::new();
        self.intern_word(&t.word, t.numeric, &mut buf)
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
                self.stems.insert(stem.to_string(), id);
                id
            }
        };
        if !numeric && word.len() >= 5 && word.is_ascii() && !self.typo_words.contains(word) {
            self.typo_words.insert(word.to_string());
            self.words
                .entry(word.as_bytes()[0])
                .or_default()
                .push((word.to_string(), id));
        }
        id
    }

    /// Resolves a token to a vocabulary id: by stem, else by a small typo.
    fn resolve(&self, t: &Token, memo: &mut HashMap<String, Option<u32>>) -> Option<u32> {
        if let Some(id) = self.stems.get(self.lexicon.canonical(&t.stem)) {
            return Some(*id);
        }
        if t.numeric || t.word.len() < 5 || !t.word.is_ascii() {
            return None;
        }
        if let Some(hit) = memo.get(t.word.as_str()) {
            return *hit;
        }
        // The stem too: "replcias" is two edits from "replica", "replcia" one.
        let hit = self.words.get(&t.word.as_bytes()[0]).and_then(|bucket| {
            bucket
                .iter()
                .find(|(w, _)| {
                    // Lengths more than two apart are never typos: skip the call.
                    let near = |x: &str| x.len().abs_diff(w.len()) <= 2;
                    (near(&t.word) && is_typo_of(&t.word, w))
                        || (t.stem.len() >= 5 && near(&t.stem) && is_typo_of(&t.stem, w))
                })
                .map(|(_, id)| *id)
        });
        memo.insert(t.word.clone(), hit);
        hit
    }

    /// The end (exclusive) of phrase `p` matched from token `i`, if it matches.
    fn match_at(
        &self,
        p: &Phrase,
        ids: &[Option<u32>],
        tokens: &[Token],
        i: usize,
    ) -> Option<usize> {
        let mut at = i;
        let words = &self.arena[p.start as usize..(p.start + p.len) as usize];
        for &(want, gap) in words.iter().skip(1) {
            // Figures between a phrase's words are worked arithmetic, not
            // other words: "new links: 100M / 86,400 s ≈ 1,160 per second"
            // says "new links per second".
            let mut from = at + 1;
            let mut skipped = 0;
            while skipped < MAX_FIGURES
                && tokens.get(from).is_some_and(|t| t.numeric)
                && ids.get(from).is_some_and(|id| *id != Some(want))
            {
                from += 1;
                skipped += 1;
            }
            let to = (from + usize::from(gap)).min(ids.len().saturating_sub(1));
            at = (from..=to).find(|&j| j < ids.len() && ids[j] == Some(want))?;
        }
        Some(at + 1)
    }

    /// Finds every mention in the sentences of `source`.
    pub fn find(&self, source: &str, sentences: &[Sentence]) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut memo = self.typos.borrow_mut();
        let mut ids: Vec<Option<u32>> = Vec::new();
        let mut lower = String::new();
        for (si, s) in sentences.iter().enumerate() {
            ids.clear();
            ids.extend(s.tokens.iter().map(|t| self.resolve(t, &mut memo)));
            for (i, id) in ids.iter().enumerate() {
                let Some(id) = id else { continue };
                for &pi in self.starting_with(*id) {
                    let p = &self.phrases[pi as usize];
                    let Some(end) = self.match_at(p, &ids, &s.tokens, i) else {
                        continue;
                    };
                    if (i..end).any(|j| self.lexicon.off_sense(&s.tokens, j)) {
                        continue;
                    }
                    out.push(Mention {
                        target: p.target,
                        sentence: si,
                        at: i,
                        stance: stance_at(sentences, source, si, i),
                        words: p.len as usize,
                    });
                }
            }
            if !self.patterns.is_empty() {
                let text = source.get(s.span.clone()).unwrap_or("");
                lower.clear();
                lower.push_str(text);
                lower.make_ascii_lowercase();
                for p in &self.patterns {
                    if !p.needs.admits(&lower) {
                        continue;
                    }
                    if let Some(m) = p.regex().and_then(|re| re.find(text)) {
                        let at = s
                            .tokens
                            .iter()
                            .position(|t| t.pos + t.word.len() > m.start())
                            .unwrap_or(s.tokens.len().saturating_sub(1));
                        let words = s.tokens[at..]
                            .iter()
                            .take_while(|t| t.pos < m.end())
                            .count();
                        out.push(Mention {
                            target: p.target,
                            sentence: si,
                            at,
                            stance: stance_at(sentences, source, si, at),
                            words,
                        });
                    }
                }
            }
        }
        out
    }
}

/// A small typo of a rubric word: for 5-6 letters only a swap of neighbours or
/// one letter too many or too few (a substitution would turn "shard" into
/// "share"); from 7 letters any single edit; from 10 letters two.
pub fn is_typo_of(word: &str, vocab: &str) -> bool {
    let (w, v) = (word.as_bytes(), vocab.as_bytes());
    let (lw, lv) = (w.len(), v.len());
    if lv < 5 || lw.abs_diff(lv) > 2 || w.first() != v.first() || word == vocab {
        return false;
    }
    if lv >= 10 {
        return osa_within(w, v, 2).is_some_and(|d| d >= 1);
    }
    // Most words met are no typo at all: the common prefix and suffix tell
    // one edit apart without a distance table.
    match one_edit(w, v) {
        Some(Edit::Swap | Edit::Indel) => true,
        Some(Edit::Substitution) => lv >= 7,
        None => false,
    }
}

/// The single edit between two different words, if one edit is all.
#[derive(Debug, PartialEq)]
enum Edit {
    Substitution,
    /// Two neighbouring letters swapped.
    Swap,
    /// One letter inserted or deleted.
    Indel,
}

fn one_edit(a: &[u8], b: &[u8]) -> Option<Edit> {
    let short = a.len().min(b.len());
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
        .min(short - p);
    match a.len().abs_diff(b.len()) {
        0 => match a.len() - p - s {
            1 => Some(Edit::Substitution),
            2 if a[p] == b[p + 1] && a[p + 1] == b[p] => Some(Edit::Swap),
            _ => None,
        },
        1 => (p + s >= short).then_some(Edit::Indel),
        _ => None,
    }
}

/// Words this long or longer are never typos of each other here.
const N: usize = 48;

/// Optimal-string-alignment distance when it is at most `max`, without
/// allocating: three rows of a fixed table, taken in turn.
fn osa_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len() >= N || b.len() >= N || a.len().abs_diff(b.len()) > max {
        return None;
    }
    let (n, m) = (a.len(), b.len());
    let mut rows = [[0u8; N]; 3];
    for (j, slot) in rows[0].iter_mut().enumerate().take(m + 1) {
        *slot = j as u8;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i as u8;
        let mut row_min = i as u8;
        for j in 1..=m {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        if usize::from(row_min) > max {
            return None;
        }
    }
    let d = usize::from(rows[n % 3][m]);
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::text::sentences;

    fn find(phrases: &[&str], text: &str) -> Vec<Mention> {
        let m = Matcher::new(&[(phrases.to_vec(), vec![])]).expect("valid");
        m.find(text, &sentences(text))
    }

    #[test]
    fn matches_inflection_typos_and_articles() {
        assert_eq!(find(&["cache"], "We are caching hot links.").len(), 1);
        assert_eq!(find(&["cache"], "Put a cahce in front.").len(), 1);
        assert_eq!(
            find(&["read replica"], "Add read-replcias for reads.").len(),
            1
        );
        assert_eq!(
            find(
                &["copies of the database"],
                "copies of database serve reads"
            )
            .len(),
            1
        );
        assert!(find(&["shard"], "We share the link.").is_empty());
    }

    #[test]
    fn negated_mentions_are_marked() {
        let hits = find(
            &["cache"],
            "We won't need a cache. We do not cache. Without caching it is slow.",
        );
        assert_eq!(hits.len(), 3);
        assert!(hits.iter().all(|h| h.stance == Stance::Negated));
        let hits = find(&["counter"], "We hash the URL instead of a global counter.");
        assert_eq!(hits[0].stance, Stance::Rejected);
        let hits = find(&["cache"], "No sharding at first, but we cache hot keys.");
        assert_eq!(hits[0].stance, Stance::Adopted);
        let hits = find(&["collide"], "Codes can never collide.");
        assert_eq!(hits[0].stance, Stance::Adopted);
    }

    #[test]
    fn patterns_match_case_insensitively() {
        let m = Matcher::new(&[(vec![], vec![r"\bp99\b"])]).expect("valid");
        let text = "Latency P99 under 100 ms.";
        assert_eq!(m.find(text, &sentences(text)).len(), 1);
        assert!(Matcher::new(&[(vec![], vec!["(unclosed"])]).is_err());
    }

    #[test]
    fn the_build_knows_every_built_in_pattern() {
        for (p, n) in KNOWN_PATTERNS {
            assert!(compile(p).is_ok(), "{p}");
            let read = needs::needs(p);
            let read: Vec<Vec<&str>> = read
                .iter()
                .map(|c| c.iter().map(String::as_str).collect())
                .collect();
            let known: Vec<Vec<&str>> = n.iter().map(|c| c.to_vec()).collect();
            assert_eq!(read, known, "{p}");
        }
        let catalog = crate::catalog::Catalog::embedded().expect("built-in data");
        let mut all: Vec<&str> = Vec::new();
        for r in catalog.rubrics.values() {
            for t in r.steps.values().flat_map(|s| &s.topics) {
                all.extend(t.patterns.iter().map(String::as_str));
            }
            for f in r.red_flags.iter().chain(&r.green_flags) {
                all.extend(f.patterns.iter().map(String::as_str));
            }
        }
        for f in catalog
            .common
            .red_flags
            .iter()
            .chain(&catalog.common.green_flags)
        {
            all.extend(f.patterns.iter().map(String::as_str));
        }
        for q in &catalog.questions.questions {
            all.extend(
                q.points
                    .iter()
                    .flat_map(|t| t.patterns.iter().map(String::as_str)),
            );
        }
        assert!(all.len() > 50);
        for p in all {
            assert!(
                KNOWN_PATTERNS
                    .binary_search_by(|(k, _)| (*k).cmp(p))
                    .is_ok(),
                "{p} is not known to the build"
            );
        }
        // A pattern the build never saw is compiled, and refused, up front.
        assert!(Matcher::new(&[(vec![], vec!["(never seen"])]).is_err());
        let m = Matcher::new(&[(vec![], vec![r"\bnever seen\b"])]).expect("valid");
        let text = "We have never seen it.";
        assert_eq!(m.find(text, &sentences(text)).len(), 1);
    }

    #[test]
    fn typo_rules() {
        assert!(is_typo_of("cahce", "cache"));
        assert!(is_typo_of("replcia", "replica"));
        assert!(is_typo_of("shardnig", "sharding"));
        assert!(!is_typo_of("share", "shard"));
        assert!(!is_typo_of("cat", "cap"));
        assert!(is_typo_of("consistancy", "consistency"));
        assert!(!is_typo_of("cache", "cache"));
        for (a, b) in [
            ("replcia", "replica"),
            ("caching", "cahcing"),
            ("availability", "availabilty"),
            ("partitoning", "partitioning"),
        ] {
            assert_eq!(
                osa_within(a.as_bytes(), b.as_bytes(), 2),
                Some(strsim::osa_distance(a, b)),
                "{a} {b}"
            );
        }
    }

    /// The distance by the full table, and the typo rule as first written.
    fn typo_by_table(word: &str, vocab: &str) -> bool {
        let (w, v) = (word.as_bytes(), vocab.as_bytes());
        let (lw, lv) = (w.len(), v.len());
        if lv < 5 || lw.abs_diff(lv) > 2 || w.first() != v.first() || word == vocab {
            return false;
        }
        if lw >= 48 || lv >= 48 {
            return false;
        }
        let mut t = vec![vec![0usize; lv + 1]; lw + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in t[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=lw {
            for j in 1..=lv {
                let cost = usize::from(w[i - 1] != v[j - 1]);
                let mut d = (t[i - 1][j] + 1)
                    .min(t[i][j - 1] + 1)
                    .min(t[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && w[i - 1] == v[j - 2] && w[i - 2] == v[j - 1] {
                    d = d.min(t[i - 2][j - 2] + 1);
                }
                t[i][j] = d;
            }
        }
        let d = t[lw][lv];
        let max = if lv >= 10 { 2 } else { 1 };
        let swap = lw == lv && {
            let diff: Vec<usize> = (0..lw).filter(|&i| w[i] != v[i]).collect();
            diff.len() == 2
                && diff[1] == diff[0] + 1
                && w[diff[0]] == v[diff[1]]
                && w[diff[1]] == v[diff[0]]
        };
        d <= max
            && match lv {
                5..=6 => d == 1 && (lw != lv || swap),
                _ => d >= 1,
            }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn typo_rule_agrees_with_the_full_table(
            word in "[abcé]{3,13}",
            edits in proptest::collection::vec((0usize..4, 0usize..16, "[abcé]"), 0..3),
        ) {
            // A vocabulary word a few random edits away from the word.
            let mut v: Vec<char> = word.chars().collect();
            for (kind, at, c) in &edits {
                let c = c.chars().next().unwrap_or('a');
                let at = at % (v.len() + 1);
                match kind {
                    0 if at < v.len() => v[at] = c,
                    1 => v.insert(at, c),
                    2 if at < v.len() => { v.remove(at); }
                    _ if at + 1 < v.len() => v.swap(at, at + 1),
                    _ => {}
                }
            }
            let vocab: String = v.into_iter().collect();
            proptest::prop_assert_eq!(
                is_typo_of(&word, &vocab),
                typo_by_table(&word, &vocab),
                "{} {}", word, vocab
            );
        }
    }

    #[test]
    fn lexicon_variants_gaps_and_senses() {
        let lex = crate::catalog::Lexicon {
            variants: vec![("fanout".into(), "fan out".into())],
            senses: vec![crate::catalog::Sense {
                word: "like".into(),
                not: vec!["users like to".into()],
            }],
            same: vec![vec!["tweet".into(), "post".into()]],
            concepts: vec![],
        };
        let m = Matcher::with_lexicon(
            &[
                (vec!["fan-out on write"], vec![]),
                (vec!["keep .. in memory"], vec![]),
                (vec!["likes"], vec![]),
                (vec!["tweets table"], vec![]),
            ],
            Lexicon::from_catalog(&lex),
        )
        .expect("valid");
        let hits =
            |t: &str| -> Vec<usize> { m.find(t, &sentences(t)).iter().map(|h| h.target).collect() };
        assert_eq!(hits("We fanout on write."), [0]);
        assert_eq!(hits("We keep the recent posts in memory."), [1]);
        assert!(hits("We keep posts on disk, and memory is small.").is_empty());
        assert!(hits("Users like to scroll.").is_empty());
        assert_eq!(hits("Users can like a post."), [2]);
        assert_eq!(hits("The posts table is split by id."), [3]);
    }
}
