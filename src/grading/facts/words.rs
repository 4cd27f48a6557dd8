//! The words of a question or a fact: split, lower-cased, stemmed, with the
//! everyday shortcuts people type undone (possessives, adverbs, number words,
//! abbreviations) and typos mended against the words the sheet knows.

use crate::grading::matcher::is_typo_of;
use crate::grading::text::stem;
use std::collections::HashSet;

/// One word: as written (normalised) and its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    pub word: String,
    pub stem: String,
}

/// Words that carry no topic in a clarifying question: function words, the
/// ways of asking, and the generic verbs and nouns every question uses
/// ("what are we designing for", "the system", "should we plan around").
/// They still take part in the phrases of the question lexicon ("how many",
/// "at once", "without signing in").
#[rustfmt::skip]
const FILLER: &[&str] = &[
    // function words and ways of asking
    "what", "which", "who", "whom", "whose", "how", "when", "where", "why", "whether", "is",
    "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing",
    "we", "you", "i", "he", "she", "it", "they", "them", "their", "theirs", "our", "ours",
    "your", "yours", "my", "mine", "me", "us", "its", "his", "her", "one", "ones", "there",
    "here", "this", "that", "these", "those", "of", "to", "for", "in", "on", "at", "by",
    "with", "from", "as", "into", "onto", "over", "under", "about", "around", "across",
    "through", "via", "per", "than", "then", "the", "a", "an", "and", "or", "nor", "but",
    "so", "if", "also", "too", "either", "any", "some", "each", "every", "all", "both",
    "much", "many", "such", "just", "only", "even", "still", "yet", "already", "really",
    "very", "quite", "pretty", "rather", "more", "most", "less", "least", "else",
    "other", "another", "own", "ever", "again", "there's", "can", "could", "should",
    "would", "will", "shall", "may", "might", "must", "need", "needs", "needed", "have",
    "has", "had", "having", "get", "gets", "got", "getting", "let", "let's", "i'm", "we're",
    "you're", "it's", "that's", "what's", "don't", "doesn't", "isn't", "aren't", "can't",
    "won't", "shouldn't", "not", "no", "yes", "ok", "okay", "fine", "right", "like", "way",
    "ways", "kind", "sort", "lot", "lots", "bit", "thing", "things", "stuff", "something",
    "anything", "everything", "someone", "anyone", "everyone", "somebody", "anybody",
    "how's", "up", "out", "off", "down", "back", "well", "now", "today", "currently", "whats",
    "hows", "wheres", "whos", "super", "extremely", "highly", "totally", "fairly",
    "completely", "entirely", "ourselves", "yourself", "myself", "itself", "themselves",
    "mainly", "primarily", "largely",
    "versus",
    // words that say which kind of thing is asked, never what about
    "long", "longer", "longest", "big", "bigger", "biggest", "large", "larger", "largest",
    "fast", "faster", "quick", "quickly", "soon", "often", "frequently", "max", "maximum",
    "min", "minimum", "average", "typical", "typically", "times", "high", "low", "support",
    "supports", "supported", "supporting", "include", "includes", "included", "including",
    "require", "requires", "required", "feature", "features", "functionality", "allowed",
    "allow", "allows",
    // generic verbs of asking and designing
    "assume", "assuming", "assumption", "suppose", "expect", "expected", "expecting",
    "expectation", "expectations", "want", "wants", "wanted", "think", "guess", "mean",
    "means", "talk", "talking", "design", "designing", "designed", "build", "building",
    "plan", "planning", "planned", "aim", "aiming", "target", "targets", "targeting", "goal",
    "goals", "go", "going", "goes", "come", "comes", "make", "makes", "made", "making",
    "look", "looking", "consider", "considering", "care", "cares", "worry", "mind",
    "matter", "matters", "handle", "handled", "handling", "deal", "cover", "covered",
    "focus", "know", "tell", "say", "said", "ask", "asking", "try", "trying", "able",
    "happen", "happens", "happening", "ensure", "sure", "acceptable", "take", "takes",
    "took", "taking", "use", "used", "using", "set", "few", "after", "before", "reasonable", "realistic",
    "roughly", "approximately", "approximate", "approx", "ballpark", "estimate",
    "rough", "exactly", "basically", "generally", "general", "overall", "specific",
    "particular", "particularly", "important", "actually", "probably", "usually",
    // the thing being designed
    "system", "systems", "service", "services", "app", "apps", "application", "platform",
    "product", "site", "website", "solution", "interview", "requirement", "requirements",
    "question", "questions", "case", "scenario", "numbers", "number",
];

/// Everyday words that name no feature of their own: when the sheet never
/// uses one, it is how the question is put ("accept", "original", "choose"),
/// not something the sheet lacks, so it counts neither way. When a fact
/// does use it, it counts like any word.
#[rustfmt::skip]
const GENERAL: &[&str] = &[
    // verbs
    "accept", "accepted", "add", "added", "adding", "contain", "contains", "carry", "carries", "apply", "arrive", "arrives", "arrived",
    "become", "becomes", "begin", "bring", "call", "called", "change", "changed", "check",
    "choose", "chosen", "close", "closed", "connect", "connected", "continue", "create",
    "created", "creating", "decide", "depend", "depends", "do", "enable", "enabled", "end",
    "exist", "exists", "expect", "fail", "find", "finish", "follow", "give", "given", "grow",
    "happen", "help", "hit", "hits", "hold", "include", "leave", "left", "live",
    "manage", "meet", "move", "need", "offer", "open", "own", "owns", "pick", "provide",
    "put", "reach", "receive", "resolve", "return", "run", "running", "runs", "save", "see",
    "seen", "send", "sending", "serve", "show", "start", "starts", "started", "stop", "stay",
    "turn", "wait", "work", "works", "worked", "written", "fight",
    "prevent", "avoid", "protect", "combat", "report", "reports", "reported", "saved",
    // adjectives and adverbs
    "able", "actual", "additional", "always", "available", "basic", "best", "better",
    "certain", "common", "complete", "current", "different", "early", "easy", "entire",
    "enough", "every", "everywhere", "exact", "existing", "extra", "final", "first", "full",
    "future", "good", "great", "hard", "initial", "last", "late", "later", "likely", "little",
    "main", "major", "multiple", "necessary", "never", "new", "newly", "next", "normal",
    "old", "original", "possible", "previous", "ready", "real", "regular", "same", "several",
    "short", "simple", "single", "small", "soon", "special", "standard", "sure", "true",
    "usual", "various", "whole", "wrong", "registered", "default", "once",
    // nouns
    "area", "aspect", "choice", "detail", "details", "example", "fact", "idea", "issue",
    "issues", "level", "moment", "option", "options", "part", "parts", "piece", "place",
    "point", "problem", "problems", "process", "reason", "sense", "side", "step", "term",
    "terms", "time", "while", "world", "estimate", "estimates", "estimation",
];

/// True for an everyday word that names no feature of its own.
pub(super) fn is_general(word: &str) -> bool {
    GENERAL.contains(&word) || GENERAL.contains(&drop_ly(word))
}

/// Number words people spell out ("five years", "ten times").
const NUMBERS: &[(&str, &str)] = &[
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("twelve", "12"),
    ("fifteen", "15"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("fifty", "50"),
    ("hundred", "100"),
];

/// Shortened words people type in a hurry.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("avg", "average"),
    ("msg", "message"),
    ("msgs", "messages"),
    ("pic", "picture"),
    ("pics", "pictures"),
    ("vid", "video"),
    ("vids", "videos"),
    ("db", "database"),
    ("dbs", "databases"),
    ("info", "information"),
    ("config", "configuration"),
    ("perf", "performance"),
    ("yr", "year"),
    ("yrs", "years"),
    ("sec", "second"),
    ("secs", "seconds"),
    ("min", "minimum"),
    ("mins", "minutes"),
    ("hr", "hour"),
    ("hrs", "hours"),
    ("req", "request"),
    ("reqs", "requests"),
    ("pls", "please"),
    ("u", "you"),
    ("ur", "your"),
    ("r", "are"),
    ("w", "with"),
    ("vs", "versus"),
];

/// The filler and everyday words: typos are mended towards them too.
pub(super) fn everyday() -> impl Iterator<Item = &'static str> {
    FILLER.iter().chain(GENERAL).copied()
}

/// True for a word that never names what a question is about.
pub(super) fn is_filler(word: &str) -> bool {
    // A lone letter is a list marker or an initial ("Q:", "a)"), never a
    // subject.
    let letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
    letter || FILLER.contains(&word) || FILLER.contains(&drop_ly(word))
}

/// An adverb's adjective ("simultaneously" -> "simultaneous", "newly" ->
/// "new"), so both meet the same stem; words like "reply", "daily", "family"
/// or "apply" keep their ending.
fn drop_ly(w: &str) -> &str {
    match w.strip_suffix("ly") {
        Some(base)
            if w.len() >= 6 && w.is_ascii() && !base.ends_with('p') && !base.ends_with('i') =>
        {
            base
        }
        _ => w,
    }
}

/// One raw word normalised: apostrophes straightened, possessive `'s`
/// dropped, number words as digits, abbreviations spelled out.
fn normalise(raw: &str) -> String {
    let w = raw.to_lowercase().replace('’', "'");
    let w = w.trim_matches('\'');
    let w = w.strip_suffix("'s").unwrap_or(w);
    if let Some((_, d)) = NUMBERS.iter().find(|(n, _)| *n == w) {
        return d.to_string();
    }
    if let Some((_, full)) = ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
        return full.to_string();
    }
    w.to_string()
}

/// A word with its stem.
pub(super) fn word(w: String) -> Word {
    let stem = if w.bytes().all(|b| b.is_ascii_digit()) {
        w.clone()
    } else {
        stem(drop_ly(&w))
    };
    Word { word: w, stem }
}

/// The words of a text, every one kept (fillers included): the question
/// lexicon needs "how", "at" and "without" to read its phrases. `$` marks the
/// end of a sentence or clause for the lexicon's anchored phrases.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let flush = |cur: &mut String, out: &mut Vec<Word>| {
        if !cur.is_empty() {
            let w = normalise(cur);
            cur.clear();
            if !w.is_empty() {
                out.push(word(w));
            }
        }
    };
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if (c == '\'' || c == '’')
            && !cur.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphabetic())
        {
            cur.push('\'');
        } else {
            flush(&mut cur, &mut out);
            if matches!(c, '?' | '.' | '!' | ';' | ',' | ':')
                && out.last().is_some_and(|w: &Word| w.word != "$")
            {
                out.push(end_mark());
            }
        }
    }
    flush(&mut cur, &mut out);
    if out.last().is_some_and(|w| w.word != "$") {
        out.push(end_mark());
    }
    out
}

/// The end of a sentence or clause, as a word.
fn end_mark() -> Word {
    Word {
        word: "$".into(),
        stem: "$".into(),
    }
}

/// The words a sheet knows, for mending a question's words.
#[derive(Debug, Default)]
pub(super) struct Known {
    pub words: HashSet<String>,
    pub stems: HashSet<String>,
    /// Each known word's stem by its base and by its own stem.
    pub bases: std::collections::HashMap<String, String>,
    /// Words typos are mended towards, four letters or more, sorted.
    pub vocab: Vec<String>,
}

impl Known {
    /// The words of a sheet and of the lexicon.
    pub fn new(words: impl IntoIterator<Item = String>) -> Known {
        let mut k = Known::default();
        for w in words {
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
}

/// Mends a word the sheet does not know when it is a small typo of one it
/// does: "registred" -> "registered", and for four-letter words two
/// neighbouring letters swapped ("mnay" -> "many", "lnog" -> "long").
pub(super) fn mend(w: &mut Word, sheet: &Known) {
    if w.word.len() < 4
        || sheet.words.contains(&w.word)
        || sheet.stems.contains(&w.stem)
        || w.word.bytes().any(|b| b.is_ascii_digit())
    {
        return;
    }
    // Another form of a word the sheet uses: "spammers" for "spam",
    // "guess" for "guessable".
    let forms = std::iter::once(w.stem.clone()).chain(base(&w.word));
    for f in forms {
        if let Some(s) = sheet.bases.get(&f) {
            w.stem = s.clone();
            return;
        }
    }
    let vocab = &sheet.vocab;
    let fixed = vocab.iter().find(|v| {
        if w.word.len() == 4 && v.len() == 4 {
            swapped(w.word.as_bytes(), v.as_bytes())
        } else {
            is_typo_of(&w.word, v)
        }
    });
    if let Some(v) = fixed {
        *w = word(v.clone());
    }
}

/// A word without the ending that turns a verb or noun into another kind of
/// word ("spammers" -> "spam", "guessable" -> "guess", "production" ->
/// "produc"), when enough is left; the stem of what is left.
pub(super) fn base(w: &str) -> Option<String> {
    const ENDINGS: &[&str] = &[
        "ers", "er", "ability", "able", "ible", "ation", "tion", "ion", "ness", "ment", "ity",
    ];
    ENDINGS.iter().find_map(|e| {
        let b = w.strip_suffix(e)?;
        (b.len() >= 4 && b.is_ascii()).then(|| {
            let b = b.as_bytes();
            let n = b.len();
            // "spamm" -> "spam"
            let b = if b[n - 1] == b[n - 2] { &b[..n - 1] } else { b };
            stem(&String::from_utf8_lossy(b))
        })
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

/// The words used to ask any question, which typos are mended towards even
/// when no fact uses them.
pub(super) const ASKING: &[&str] = &[
    "registered",
    "available",
    "original",
    "different",
    "multiple",
    "many",
    "much",
    "long",
    "fast",
    "quickly",
    "often",
    "frequently",
    "large",
    "soon",
    "what",
    "which",
    "should",
    "would",
    "could",
    "does",
    "need",
    "support",
    "scope",
    "average",
    "maximum",
    "minimum",
    "typical",
    "expect",
    "assume",
    "there",
    "their",
    "about",
    "store",
    "keep",
    "users",
];

#[cfg(test)]
mod tests {
    use super::*;

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
        let vocab: Vec<String> = ["many", "availability", "registered"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let known = Known::new(vocab.iter().cloned());
        for (typo, want) in [
            ("mnay", "many"),
            ("availabilty", "availability"),
            ("registred", "registered"),
            ("many", "many"),
            ("mane", "mane"),
        ] {
            let mut w = word(typo.into());
            mend(&mut w, &known);
            assert_eq!(w.word, want, "{typo}");
        }
    }
}
