//! What a sentence must hold for a rubric pattern to match it: clauses of
//! literals, each satisfied when the sentence holds one of its literals.
//! `regex-lite` runs a backtracking-free but slow engine (about 3 µs per
//! sentence and pattern); a sentence that lacks a required literal is skipped
//! without running it.
//!
//! The reading is conservative: a construct it does not know gives no clause,
//! and a pattern it cannot read at all gives none, so a skipped sentence can
//! never have matched. Matching is ASCII case-insensitive, as the patterns
//! are compiled, so literals are kept in ASCII lower case and checked against
//! the lower-cased sentence.

/// At most this many strings in a set of exact matches before it is dropped.
const MAX_EXACT: usize = 16;

/// What one part of a pattern can match.
#[derive(Debug, Clone, Default)]
struct Info {
    /// Every string the part can match, when they are few (`None`: many).
    exact: Option<Vec<String>>,
    /// Clauses every match of the part satisfies.
    clauses: Vec<Vec<String>>,
}

impl Info {
    fn any() -> Info {
        Info::default()
    }

    fn exact(strings: Vec<String>) -> Info {
        Info {
            exact: Some(strings),
            clauses: Vec::new(),
        }
    }

    fn empty() -> Info {
        Info::exact(vec![String::new()])
    }

    /// The clauses, the exact set counting as one when it holds no empty string.
    fn into_clauses(self) -> Vec<Vec<String>> {
        let mut out = self.clauses;
        if let Some(set) = self.exact {
            if !set.is_empty() && set.iter().all(|s| !s.is_empty()) {
                out.push(set);
            }
        }
        out
    }
}

/// How rarely a clause holds: its shortest literal's length (the longer,
/// the rarer), then whether every literal that short holds a character
/// other than a letter or a space ("/" is rarer than "s").
fn strength(clause: &[String]) -> (usize, bool) {
    let short = clause.iter().map(String::len).min().unwrap_or(0);
    let rare = clause
        .iter()
        .filter(|l| l.len() == short)
        .all(|l| l.chars().any(|c| !c.is_ascii_alphabetic() && c != ' '));
    (short, rare)
}

/// Every concatenation of a string of `a` with one of `b`, when few.
fn product(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_EXACT {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let s = format!("{x}{y}");
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    Some(out)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

/// The pattern holds something this reader does not follow.
struct Unknown;

type Parsed = Result<Info, Unknown>;

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.at + k).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek();
        self.at += 1;
        c
    }

    /// `a|b|c` up to a closing parenthesis or the end.
    fn alternation(&mut self) -> Parsed {
        let mut branches = vec![self.concat()?];
        while self.peek() == Some('|') {
            self.at += 1;
            branches.push(self.concat()?);
        }
        if branches.len() == 1 {
            return Ok(branches.pop().unwrap_or_default());
        }
        let all_exact: Option<Vec<String>> = branches
            .iter()
            .map(|b| b.exact.clone())
            .collect::<Option<Vec<Vec<String>>>>()
            .map(|sets| sets.concat());
        if let Some(mut set) = all_exact.filter(|s| s.len() <= MAX_EXACT) {
            set.dedup();
            return Ok(Info::exact(set));
        }
        // Any match satisfies one branch, hence the best clause of one branch.
        let mut clause: Vec<String> = Vec::new();
        for b in branches {
            let best = b.into_clauses().into_iter().max_by_key(|c| strength(c));
            match best {
                Some(c) => clause.extend(c),
                None => return Ok(Info::any()),
            }
        }
        clause.dedup();
        Ok(Info {
            exact: None,
            clauses: vec![clause],
        })
    }

    /// A run of quantified atoms.
    fn concat(&mut self) -> Parsed {
        let mut clauses: Vec<Vec<String>> = Vec::new();
        // The exact strings of the atoms read since the last inexact one.
        let mut run: Option<Vec<String>> = Some(vec![String::new()]);
        let mut all_exact = true;
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            let part = self.quantified(atom)?;
            match (run.take(), part.exact.clone()) {
                (Some(r), Some(e)) => match product(&r, &e) {
                    Some(p) => run = Some(p),
                    None => {
                        clauses.extend(Info::exact(r).into_clauses());
                        run = Some(e);
                        all_exact = false;
                    }
                },
                (r, _) => {
                    if let Some(r) = r {
                        clauses.extend(Info::exact(r).into_clauses());
                    }
                    clauses.extend(part.into_clauses());
                    run = Some(vec![String::new()]);
                    all_exact = false;
                }
            }
        }
        if all_exact {
            return Ok(Info {
                exact: run,
                clauses,
            });
        }
        if let Some(r) = run {
            clauses.extend(Info::exact(r).into_clauses());
        }
        Ok(Info {
            exact: None,
            clauses,
        })
    }

    /// Applies a quantifier after an atom, if any.
    fn quantified(&mut self, atom: Info) -> Parsed {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let (min, max, len) = self.counted()?;
                self.at += len - 1;
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.at += 1;
        // A lazy `?` changes which match is found, not what a match holds.
        if self.peek() == Some('?') {
            self.at += 1;
        }
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return Err(Unknown);
        }
        Ok(match (min, max) {
            (0, Some(1)) => match atom.exact {
                Some(mut set) if set.len() < MAX_EXACT => {
                    if !set.contains(&String::new()) {
                        set.push(String::new());
                    }
                    Info::exact(set)
                }
                _ => Info::any(),
            },
            (0, _) => Info::any(),
            (1, Some(1)) => atom,
            _ => Info {
                exact: None,
                clauses: atom.into_clauses(),
            },
        })
    }

    /// `{n}`, `{n,}` or `{n,m}` at the cursor: (min, max, length in chars).
    fn counted(&self) -> Result<(usize, Option<usize>, usize), Unknown> {
        let rest: String = self.chars[self.at..].iter().take(24).collect();
        let end = rest.find('}').ok_or(Unknown)?;
        let body = &rest[1..end];
        let number = |s: &str| s.trim().parse::<usize>().map_err(|_| Unknown);
        let (min, max) = match body.split_once(',') {
            None => {
                let n = number(body)?;
                (n, Some(n))
            }
            Some((a, b)) if b.trim().is_empty() => (number(a)?, None),
            Some((a, b)) => (number(a)?, Some(number(b)?)),
        };
        Ok((min, max, rest[..=end].chars().count()))
    }

    fn atom(&mut self) -> Parsed {
        let Some(c) = self.bump() else {
            return Err(Unknown);
        };
        match c {
            '(' => self.group(),
            '[' => self.class(),
            '\\' => self.escape(),
            '.' => Ok(Info::any()),
            '^' | '$' => Ok(Info::empty()),
            '?' | '*' | '+' | '{' | '}' | ']' => Err(Unknown),
            // Other characters than ASCII letters match only themselves.
            c => Ok(Info::exact(vec![c.to_ascii_lowercase().to_string()])),
        }
    }

    /// After `(`: a group, or a flag setting.
    fn group(&mut self) -> Parsed {
        if self.peek() == Some('?') {
            self.at += 1;
            match self.peek() {
                Some(':') => self.at += 1,
                Some('P') if self.peek_at(1) == Some('<') => self.skip_name(2)?,
                Some('<') => self.skip_name(1)?,
                _ => {
                    // Flags: `(?i)` or `(?i:...)`; verbose mode changes what a
                    // space means, and is not followed.
                    loop {
                        match self.bump() {
                            Some('x') | None => return Err(Unknown),
                            Some(')') => return Ok(Info::empty()),
                            Some(':') => break,
                            Some(f) if f == '-' || f.is_ascii_alphabetic() => {}
                            Some(_) => return Err(Unknown),
                        }
                    }
                }
            }
        }
        let inner = self.alternation()?;
        if self.bump() != Some(')') {
            return Err(Unknown);
        }
        Ok(inner)
    }

    /// Skips `<name>` of a named group, the cursor `skip` chars before the name.
    fn skip_name(&mut self, skip: usize) -> Result<(), Unknown> {
        self.at += skip;
        while let Some(c) = self.bump() {
            if c == '>' {
                return Ok(());
            }
        }
        Err(Unknown)
    }

    /// After `[`: a small class of plain characters is an exact set; any
    /// other class matches one unknown character.
    fn class(&mut self) -> Parsed {
        let start = self.at;
        let mut depth = 1;
        let mut simple = true;
        let mut first = true;
        while depth > 0 {
            let c = self.bump().ok_or(Unknown)?;
            match c {
                '\\' => {
                    self.bump().ok_or(Unknown)?;
                    simple = false;
                }
                '[' => {
                    depth += 1;
                    simple = false;
                }
                // A `]` first in a class is a literal.
                ']' if first => simple = false,
                ']' => depth -= 1,
                '^' if first => simple = false,
                _ => {}
            }
            first = false;
        }
        let body: Vec<char> = self.chars[start..self.at - 1].to_vec();
        let inner_dash = body.len() > 2 && body[1..body.len() - 1].contains(&'-');
        if !simple
            || inner_dash
            || body.is_empty()
            || body.len() > 5
            || body.iter().any(|c| *c == '&' || *c == '~')
        {
            return Ok(Info::any());
        }
        let mut set: Vec<String> = body
            .iter()
            .map(|c| c.to_ascii_lowercase().to_string())
            .collect();
        set.sort();
        set.dedup();
        Ok(Info::exact(set))
    }

    /// After `\`.
    fn escape(&mut self) -> Parsed {
        let c = self.bump().ok_or(Unknown)?;
        match c {
            'b' if self.peek() == Some('{') => {
                while self.bump().ok_or(Unknown)? != '}' {}
                Ok(Info::empty())
            }
            'b' | 'B' | 'A' | 'z' | '<' | '>' => Ok(Info::empty()),
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => Ok(Info::any()),
            'n' => Ok(Info::exact(vec!["\n".into()])),
            't' => Ok(Info::exact(vec!["\t".into()])),
            c if c.is_ascii_punctuation() || c == ' ' => Ok(Info::exact(vec![c.to_string()])),
            _ => Err(Unknown),
        }
    }
}

/// The clauses a sentence must satisfy for `pattern` (compiled
/// case-insensitively) to match it: strongest first, at most four.
pub fn needs(pattern: &str) -> Vec<Vec<String>> {
    let mut p = Parser {
        chars: pattern.chars().collect(),
        at: 0,
    };
    let info = match p.alternation() {
        Ok(info) if p.at == p.chars.len() => info,
        _ => return Vec::new(),
    };
    let mut clauses = info.into_clauses();
    for c in &mut clauses {
        c.sort();
        c.dedup();
        // "strongly" holds "strong": a clause needs only the shorter.
        let all = c.clone();
        c.retain(|l| !all.iter().any(|o| o != l && l.contains(o.as_str())));
    }
    clauses.sort_by(|a, b| strength(b).cmp(&strength(a)).then(a.cmp(b)));
    clauses.dedup();
    clauses.truncate(4);
    clauses
}

/// True when the lower-cased sentence satisfies every clause.
#[cfg(test)]
pub fn admits<C: AsRef<[L]>, L: AsRef<str>>(clauses: &[C], lower: &str) -> bool {
    clauses
        .iter()
        .all(|c| c.as_ref().iter().any(|lit| lower.contains(lit.as_ref())))
}

/// The bytes of a lower-cased sentence and its pairs of neighbouring bytes
/// (hashed to 1,024 bits): a literal with a byte or a pair the sentence
/// lacks is not in it, told without a search. Most literals are absent from
/// most sentences, and a search costs ten times the test.
pub struct Pairs {
    bytes: [u64; 4],
    pairs: [u64; 16],
}

fn pair(a: u8, b: u8) -> usize {
    ((u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9e37_79b1) >> 22) as usize
}

impl Pairs {
    /// The bytes and pairs of `lower`.
    pub fn of(lower: &str) -> Pairs {
        let mut p = Pairs {
            bytes: [0; 4],
            pairs: [0; 16],
        };
        let b = lower.as_bytes();
        for (i, &x) in b.iter().enumerate() {
            p.bytes[usize::from(x >> 6)] |= 1 << (x & 63);
            if let Some(&y) = b.get(i + 1) {
                let h = pair(x, y);
                p.pairs[h >> 6] |= 1 << (h & 63);
            }
        }
        p
    }

    /// False when `lit` cannot be in the sentence.
    fn may_hold(&self, lit: &str) -> bool {
        let b = lit.as_bytes();
        match b {
            [] => true,
            [x] => self.bytes[usize::from(x >> 6)] & (1 << (x & 63)) != 0,
            _ => b.windows(2).all(|w| {
                let h = pair(w[0], w[1]);
                self.pairs[h >> 6] & (1 << (h & 63)) != 0
            }),
        }
    }
}

/// [`admits`], with the sentence's [`Pairs`] to skip most searches.
pub fn admits_with<C: AsRef<[L]>, L: AsRef<str>>(
    clauses: &[C],
    lower: &str,
    pairs: &Pairs,
) -> bool {
    clauses.iter().all(|c| {
        c.as_ref().iter().any(|lit| {
            let lit = lit.as_ref();
            pairs.may_hold(lit) && lower.contains(lit)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use proptest::prelude::*;
    use regex_lite::{Regex, RegexBuilder};

    fn strs(clauses: &[Vec<String>]) -> Vec<Vec<&str>> {
        clauses
            .iter()
            .map(|c| c.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn required_literals_of_rubric_shapes() {
        let n = needs(r"\bjoin\b.{0,40}\b(every|each)\s+(timeline|feed|request|time)");
        assert_eq!(
            strs(&n),
            [
                vec!["each", "every"],
                vec!["feed", "request", "time"],
                vec!["join"]
            ]
        );
        assert_eq!(strs(&needs(r"\d+\s?ms\b")), [vec!["ms"]]);
        assert_eq!(strs(&needs(r"99\.9\d*\s?%")), [vec!["99.9"], vec!["%"]]);
        assert_eq!(
            strs(&needs(r"11[,.]?[56]\d*\s?k?")),
            [vec!["11,5", "11,6", "11.5", "11.6", "115", "116"]]
        );
        assert_eq!(
            strs(&needs(r"strong(ly)?\s+consisten\w*")),
            [vec!["consisten"], vec!["strong"]]
        );
        assert_eq!(
            strs(&needs("Nosql (is|are) Better")),
            [vec!["nosql are better", "nosql is better"]]
        );
        // Optional or unreadable parts require nothing.
        for p in [
            r"(foo)?bar|baz?",
            "(?x) a b",
            "[unclosed",
            r"a{2,x}",
            r"\p{L}+",
            ".*",
            "",
        ] {
            assert!(
                needs(p).iter().all(|c| c.iter().all(|l| !l.is_empty())),
                "{p}"
            );
        }
        assert!(needs("(?x) join").is_empty());
        assert!(needs(r"(foo)?").is_empty());
        assert!(needs(r"a|.").is_empty());
    }

    /// Every pattern of the built-in data and a few odd ones.
    fn patterns() -> Vec<String> {
        let catalog = Catalog::embedded().expect("built-in data");
        let mut out: Vec<String> = [
            r"(?i)a+(?-i)b+",
            r"x[a-c]?y",
            r"[]a]b",
            r"[\]]z",
            r"q(?:u|w)+e",
            r"(?P<n>ab)c",
            r"\b{start}cat",
            r"a{2}b",
            r"(ab|cd){1,3}e",
            r"((a|b)c|d)e",
            r"é?x",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let topics = catalog
            .rubrics
            .values()
            .flat_map(|r| r.steps.values().flat_map(|s| &s.topics))
            .chain(catalog.questions.questions.iter().flat_map(|q| &q.points));
        for t in topics {
            out.extend(t.patterns.iter().cloned());
        }
        let flags = catalog
            .rubrics
            .values()
            .flat_map(|r| r.red_flags.iter().chain(&r.green_flags))
            .chain(&catalog.common.red_flags)
            .chain(&catalog.common.green_flags);
        for f in flags {
            out.extend(f.patterns.iter().cloned());
        }
        out.sort();
        out.dedup();
        out
    }

    type Compiled = Vec<(Regex, Vec<Vec<String>>, String)>;

    fn compiled() -> &'static Compiled {
        static ALL: std::sync::OnceLock<Compiled> = std::sync::OnceLock::new();
        ALL.get_or_init(|| {
            patterns()
                .into_iter()
                .filter_map(|p| {
                    let re = RegexBuilder::new(&p).case_insensitive(true).build().ok()?;
                    Some((re, needs(&p), p))
                })
                .collect()
        })
    }

    fn sound(all: &[(Regex, Vec<Vec<String>>, String)], text: &str) -> Result<(), String> {
        let lower = text.to_ascii_lowercase();
        let pairs = Pairs::of(&lower);
        for (re, n, p) in all {
            if re.is_match(text) && !admits(n, &lower) {
                return Err(format!("{p} matches {text:?} but needs {n:?}"));
            }
            if admits_with(n, &lower, &pairs) != admits(n, &lower) {
                return Err(format!("{p}: the pairs of {text:?} turn {n:?} down"));
            }
        }
        Ok(())
    }

    #[test]
    fn never_skips_a_sentence_that_matches() {
        let all = compiled();
        assert!(all.len() > 50, "{} patterns", all.len());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut texts = 0;
        for dir in ["calibration", "agreement/answers"] {
            for problem in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                for file in std::fs::read_dir(problem.path())
                    .into_iter()
                    .flatten()
                    .flatten()
                {
                    let Ok(text) = std::fs::read_to_string(file.path()) else {
                        continue;
                    };
                    texts += 1;
                    for s in crate::grading::text::sentences(&text) {
                        if let Err(e) = sound(all, &text[s.span.clone()]) {
                            panic!("{}: {e}", file.path().display());
                        }
                    }
                }
            }
        }
        assert!(texts > 50, "{texts} answers read");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Haystacks made of the patterns' own pieces, where matches are likely.
        #[test]
        fn sound_on_pieces(parts in proptest::collection::vec(0usize..64, 1..12)) {
            const PIECES: &[&str] = &[
                "join", " ", "every", "each", "timeline", "feed", "99.9", "%", "ms", "11",
                ".", ",", "5", "6", "k", "1.15", "m", "2.3", "get", "/", "users", "64", "-",
                "bit", "strongly", "consistent", "for", "the", "home", "must", "be", "if",
                "server", "fails", "never", "lose", "data", "i", "don't", "know", "no idea",
                "not sure", "AB", "ab", "c", "d", "e", "x", "y", "q", "u", "w", "é", "z",
                "]", "cat", "a", "b", "sql", "doesn't", "scale", "nosql",
            ];
            let all = compiled();
            let text: String = parts.iter().map(|&i| PIECES[i % PIECES.len()]).collect();
            prop_assert!(sound(all, &text).is_ok(), "{:?}", sound(all, &text));
        }
    }
}
