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

mod built;
mod lexicon;
mod needs;
mod starts;
mod tables;

use super::stance::{stance_at, Stance};
use super::text::{Sentence, Token};
pub use lexicon::Lexicon;
use regex_lite::{Regex, RegexBuilder};
use std::cell::OnceCell;
use std::sync::Mutex;
pub use tables::GAP;
use tables::{Phrase, Tables, Targets};

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

include!(concat!(env!("OUT_DIR"), "/patterns.rs"));

/// A rubric pattern: compiled when first needed if the build found it
/// compiles (every pattern of the built-in data), else compiled up front so a
/// bad one is reported as before.
#[derive(Debug)]
struct Pattern {
    source: String,
    target: usize,
    needs: Needs,
    regex: OnceCell<Option<Compiled>>,
}

/// A compiled pattern, and the bytes its matches start with.
type Compiled = (Regex, Option<starts::Bytes>);

/// What a sentence needs for a pattern to match: read at build time for the
/// built-in patterns, else when the matcher is built.
#[derive(Debug)]
enum Needs {
    Known(&'static [&'static [&'static str]]),
    Read(Vec<Vec<String>>),
}

impl Needs {
    fn admits(&self, lower: &str, pairs: &needs::Pairs) -> bool {
        match self {
            Needs::Known(clauses) => needs::admits_with(clauses, lower, pairs),
            Needs::Read(clauses) => needs::admits_with(clauses, lower, pairs),
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
                let re = compile(source).map_err(|e| e.to_string())?;
                let _ = regex.set(Some((re, starts::starts(source))));
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

    fn regex(&self) -> Option<&Compiled> {
        self.regex
            .get_or_init(|| Some((compile(&self.source).ok()?, starts::starts(&self.source))))
            .as_ref()
    }

    /// The first match in `text`, searched from the first byte a match can
    /// start with.
    fn find<'t>(&self, text: &'t str) -> Option<regex_lite::Match<'t>> {
        let (re, starts) = self.regex()?;
        let from = match starts {
            Some(s) => s.first_in(text)?,
            None => 0,
        };
        re.find_at(text, from)
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

impl Lexicon {
    /// The variants and senses of `rubrics/concepts.yaml`. Read once per
    /// process for the same data: a grade's matchers all share it.
    pub fn from_catalog(l: &crate::catalog::Lexicon) -> Lexicon {
        static LAST: Mutex<Option<Lexicon>> = Mutex::new(None);
        let senses = l.senses.iter().map(|s| (s.word.as_str(), s.not.as_slice()));
        let key = lexicon::key(&l.variants, senses.clone(), &l.same);
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        match &*last {
            Some(lex) if lex.key() == key => lex.clone(),
            _ => {
                let lex = Lexicon::new(&l.variants, senses, &l.same);
                *last = Some(lex.clone());
                lex
            }
        }
    }
}

/// Compiled phrases and patterns for a set of targets.
#[derive(Debug, Default)]
pub struct Matcher {
    tables: Tables,
    patterns: Vec<Pattern>,
    lexicon: Lexicon,
}

impl Matcher {
    /// Builds a matcher; `targets[i]` holds target i's phrases and regex patterns.
    /// Returns the index of the target and the pattern when a regex is invalid.
    pub fn new(targets: &Targets) -> Result<Matcher, (usize, String, String)> {
        Matcher::with_lexicon(targets, Lexicon::default())
    }

    /// [`Matcher::new`] whose phrases obey the spelling variants and word
    /// senses of `lexicon`, and may hold `..` gaps. The phrases of a
    /// built-in rubric were compiled by the build and are read back.
    pub fn with_lexicon(
        targets: &Targets,
        lexicon: Lexicon,
    ) -> Result<Matcher, (usize, String, String)> {
        let tables = match built::tables(targets, &lexicon) {
            Some(t) => {
                #[cfg(test)]
                tests::read_from_the_build(&t, targets, &lexicon);
                t
            }
            None => {
                #[cfg(test)]
                tests::compiled(targets);
                Tables::build(targets, &lexicon)
            }
        };
        Matcher::from_tables(tables, targets, lexicon)
    }

    /// The matcher over compiled phrases, with the targets' patterns.
    fn from_tables(
        tables: Tables,
        targets: &Targets,
        lexicon: Lexicon,
    ) -> Result<Matcher, (usize, String, String)> {
        let mut patterns = Vec::new();
        for (target, (_, pats)) in targets.iter().enumerate() {
            for pat in pats {
                let p = Pattern::new(pat, target).map_err(|e| (target, pat.to_string(), e))?;
                patterns.push(p);
            }
        }
        Ok(Matcher {
            tables,
            patterns,
            lexicon,
        })
    }

    /// The phrases whose first word has stem `id`, in the order added.
    fn starting_with(&self, id: u32) -> &[u32] {
        let t = &self.tables;
        let id = id as usize;
        match (t.first.get(id), t.first.get(id + 1)) {
            (Some(&a), Some(&b)) => &t.by_first[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Resolves a token to a vocabulary id: by stem, else by a small typo.
    fn resolve(&self, t: &Token) -> Option<u32> {
        if let Some(id) = self.tables.stems.get(self.lexicon.canonical(&t.stem)) {
            return Some(*id);
        }
        if t.numeric || t.word.len() < 5 || !t.word.is_ascii() {
            return None;
        }
        // Not remembered: the search costs less than a map of the words met.
        self.typo_of(&t.word, &t.stem)
    }

    /// The first vocabulary word (in the order the phrases gave them) that
    /// the word, or its stem, is a small typo of: "replcias" is two edits
    /// from "replica", its stem "replcia" one.
    fn typo_of(&self, word: &str, stem: &str) -> Option<u32> {
        let typo = &self.tables.typo;
        let run = typo.starting_with(*word.as_bytes().first()?);
        // Lengths more than two apart are never typos: only the words whose
        // length is near the word's or the stem's are read (a run, as the
        // words of one first byte are ordered by length).
        let with_stem = stem.len() >= 5;
        let (mut lo, mut hi) = (word.len().saturating_sub(2), word.len() + 2);
        if with_stem {
            lo = lo.min(stem.len().saturating_sub(2));
            hi = hi.max(stem.len() + 2);
        }
        let from = run.partition_point(|w| (w.len as usize) < lo);
        let to = run.partition_point(|w| (w.len as usize) <= hi);
        let (word_letters, stem_letters) = (tables::letters(word), tables::letters(stem));
        let mut best: Option<(u32, u32)> = None;
        for w in run.get(from..to).unwrap_or(&[]) {
            if best.is_some_and(|(order, _)| order < w.order) {
                continue;
            }
            let v = typo.word(w);
            // Two edits change at most four letters: skip the call.
            let near = |x: &str, l: u64| {
                x.len().abs_diff(v.len()) <= 2 && (l ^ w.letters).count_ones() <= 4
            };
            if (near(word, word_letters) && is_typo_of(word, v))
                || (with_stem && near(stem, stem_letters) && is_typo_of(stem, v))
            {
                best = Some((w.order, w.id));
            }
        }
        best.map(|(_, id)| id)
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
        let words = &self.tables.arena[p.start as usize..(p.start + p.len) as usize];
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
        let mut ids: Vec<Option<u32>> = Vec::new();
        let mut lower = String::new();
        // The stance at each token of the sentence, once read: the phrases
        // of several targets often start at one word.
        let mut stances: Vec<Option<Stance>> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            ids.clear();
            ids.extend(s.tokens.iter().map(|t| self.resolve(t)));
            stances.clear();
            stances.resize(s.tokens.len(), None);
            let mut stance = |at: usize| match stances.get_mut(at) {
                Some(Some(st)) => *st,
                Some(slot) => *slot.insert(stance_at(sentences, source, si, at)),
                None => stance_at(sentences, source, si, at),
            };
            for (i, id) in ids.iter().enumerate() {
                let Some(id) = id else { continue };
                for &pi in self.starting_with(*id) {
                    let p = &self.tables.phrases[pi as usize];
                    let Some(end) = self.match_at(p, &ids, &s.tokens, i) else {
                        continue;
                    };
                    if (i..end).any(|j| self.lexicon.off_sense(&s.tokens, j)) {
                        continue;
                    }
                    out.push(Mention {
                        target: p.target as usize,
                        sentence: si,
                        at: i,
                        stance: stance(i),
                        words: p.len as usize,
                    });
                }
            }
            if !self.patterns.is_empty() {
                let text = source.get(s.span.clone()).unwrap_or("");
                lower.clear();
                lower.push_str(text);
                lower.make_ascii_lowercase();
                let pairs = needs::Pairs::of(&lower);
                for p in &self.patterns {
                    if !p.needs.admits(&lower, &pairs) {
                        continue;
                    }
                    if let Some(m) = p.find(text) {
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
                            stance: stance(at),
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
    use std::cell::Cell;

    thread_local! {
        /// Matchers with phrases compiled, and read from the build, on this thread.
        static COUNTS: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
    }

    /// Checks tables read from the build against the same compiled now.
    pub(super) fn read_from_the_build(t: &Tables, targets: &Targets, lexicon: &Lexicon) {
        assert!(
            t.same(&Tables::build(targets, lexicon)),
            "a matcher read from the build differs from the same compiled now"
        );
        COUNTS.with(|c| c.set((c.get().0, c.get().1 + 1)));
    }

    pub(super) fn compiled(targets: &Targets) {
        if targets.iter().any(|(p, _)| !p.is_empty()) {
            COUNTS.with(|c| c.set((c.get().0 + 1, c.get().1)));
        }
    }

    #[test]
    fn a_grade_of_a_built_in_problem_reads_its_matchers_from_the_build() {
        let catalog = crate::catalog::Catalog::embedded().expect("built-in data");
        let text = "## High-Level Design\n\nWe put a cache in front of the database.\n";
        let answer = crate::grading::parse_answer(text);
        let ids = catalog.ids();
        assert_eq!(ids.len(), 8);
        for id in ids {
            let (compiled, read) = COUNTS.with(Cell::get);
            crate::grading::grade(&catalog, &id, &answer, &Default::default()).expect("grades");
            let (c, r) = COUNTS.with(Cell::get);
            assert_eq!(c, compiled, "{id}: a matcher was compiled at run time");
            // Topics, red and green flags, what cancels them, technologies.
            assert!(r >= read + 4, "{id}: {} matchers read", r - read);
        }
        assert!(built::count() >= 8 * 3);
    }

    #[test]
    fn tables_read_back_as_written() {
        let lex = crate::catalog::Lexicon {
            variants: vec![("fanout".into(), "fan out".into())],
            senses: vec![],
            same: vec![vec!["tweet".into(), "post".into()]],
            concepts: vec![],
        };
        let lex = Lexicon::from_catalog(&lex);
        let targets: Vec<(Vec<&str>, Vec<&str>)> = vec![
            (vec!["fan-out on write", "keep .. in memory"], vec![]),
            (
                vec!["tweets table", "replication", "fan-out on write"],
                vec![],
            ),
        ];
        let t = Tables::build(&targets, &lex);
        let back = t.round_trip(targets.len()).expect("reads back");
        assert!(back.same(&t));
        assert!(!back.same(&Tables::build(&targets[..1], &lex)));
        let mut data = Vec::new();
        t.write(targets.len(), &mut data, &mut tables::Pool::default());
        assert!(Tables::read(&data, 3, "").is_none(), "other targets");
        assert!(Tables::read(&data[..data.len() - 1], 2, "").is_none());
        assert_ne!(
            tables::key(&targets, &lex),
            tables::key(&targets, &Lexicon::default())
        );
        assert_ne!(
            tables::key(&targets, &lex),
            tables::key(&targets[..1], &lex)
        );
    }

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

    #[test]
    fn up_to_date_is_not_being_up() {
        let catalog = crate::catalog::Catalog::embedded().expect("built-in data");
        let m = Matcher::with_lexicon(
            &[(vec!["stay up", "always up"], vec![])],
            Lexicon::from_catalog(&catalog.concepts),
        )
        .expect("valid");
        let hits = |t: &str| m.find(t, &sentences(t)).len();
        assert_eq!(hits("The feed is always up to date."), 0);
        assert_eq!(hits("Devices stay up to date within seconds."), 0);
        assert_eq!(hits("Reads must stay up when a region fails."), 1);
    }
}
