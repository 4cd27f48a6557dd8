//! Splitting a text into words: lower-cased, stemmed, with the everyday
//! shortcuts people type undone (possessives, adverbs, number words,
//! abbreviations). It needs nothing but the stemmer, so `build.rs` reads the
//! lexicon's phrases with this same code.

use crate::grading::text::stem;

/// One word: as written (normalised) and its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    pub word: String,
    pub stem: String,
}

/// Number words people spell out ("five years", "ten times").
fn number(w: &str) -> Option<&'static str> {
    Some(match w {
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        "twelve" => "12",
        "fifteen" => "15",
        "twenty" => "20",
        "thirty" => "30",
        "fifty" => "50",
        "hundred" => "100",
        "thousand" => "1000",
        _ => return None,
    })
}

/// Shortened words people type in a hurry.
fn abbreviation(w: &str) -> Option<&'static str> {
    Some(match w {
        "avg" => "average",
        "msg" => "message",
        "msgs" => "messages",
        "pic" => "picture",
        "pics" => "pictures",
        "vid" => "video",
        "vids" => "videos",
        "db" => "database",
        "dbs" => "databases",
        "info" => "information",
        "config" => "configuration",
        "perf" => "performance",
        "yr" => "year",
        "yrs" => "years",
        "sec" => "second",
        "secs" => "seconds",
        "min" => "minimum",
        "mins" => "minutes",
        "hr" => "hour",
        "hrs" => "hours",
        "req" => "request",
        "reqs" => "requests",
        "pls" => "please",
        "dm" => "direct message",
        "dms" => "direct messages",
        "pm" => "private message",
        "pms" => "private messages",
        "ppl" => "people",
        "u" => "you",
        "ur" => "your",
        "r" => "are",
        "w" => "with",
        "vs" => "versus",
        "char" => "character",
        "chars" => "characters",
        "mau" => "monthly active users",
        "dau" => "daily active users",
        "auth" => "login",
        "notif" => "notification",
        "notifs" => "notifications",
        "img" => "image",
        "imgs" => "images",
        "txt" => "text",
        "acct" => "account",
        "accts" => "accounts",
        "approx" => "about",
        "pw" => "password",
        "pwd" => "password",
        _ => return None,
    })
}

/// An adverb's adjective ("simultaneously" -> "simultaneous", "newly" ->
/// "new"), so both meet the same stem; words like "reply", "daily", "family"
/// or "apply" keep their ending.
pub(super) fn drop_ly(w: &str) -> &str {
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
    // "US" in capitals is the country, not "us".
    if matches!(raw, "US" | "U.S" | "USA") {
        return "usa".to_string();
    }
    // Most words are plain lower-case ASCII: no copy is needed to read them.
    let lower;
    let w = if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        raw
    } else {
        lower = raw.to_lowercase().replace('’', "'");
        &lower
    };
    let w = w.trim_matches('\'');
    let w = w.strip_suffix("'s").unwrap_or(w);
    number(w)
        .or_else(|| abbreviation(w))
        .unwrap_or(w)
        .to_string()
}

/// A word with its stem; a noun in "-ery" meets its verb ("delivery",
/// "delivered"; "recovery", "recover").
pub(super) fn word(w: String) -> Word {
    let stem = if w.bytes().all(|b| b.is_ascii_digit()) {
        w.clone()
    } else {
        let mut s = stem(drop_ly(&w));
        if s.len() >= 7 && s.ends_with("ery") {
            s.pop();
        }
        // "Daily" is "a day", "monthly" "a month".
        match s.as_str() {
            "daili" => "day".to_string(),
            "hourli" => "hour".to_string(),
            "weekli" => "week".to_string(),
            "monthli" => "month".to_string(),
            "yearli" => "year".to_string(),
            _ => s,
        }
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
            // "50M", "2GB", "3x": a figure and its unit.
            if let Some((n, unit)) = figure(&w) {
                out.push(word(n.to_string()));
                out.push(word(unit.to_string()));
                return;
            }
            // An abbreviation may stand for several words ("dm").
            for part in w.split(' ').filter(|p| !p.is_empty()) {
                out.push(word(part.to_string()));
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
        } else if c == '/' && !cur.is_empty() {
            // "msgs/day", "pastes/sec": so many per unit of time.
            flush(&mut cur, &mut out);
            let next: String = chars.clone().take_while(|c| c.is_alphabetic()).collect();
            if PER.contains(&next.to_lowercase().as_str()) {
                out.push(word("per".to_string()));
            }
        } else if c == '%' {
            // "60%" is a share: "60 percent".
            flush(&mut cur, &mut out);
            out.push(word("percent".to_string()));
        } else {
            flush(&mut cur, &mut out);
            if (matches!(c, '?' | '.' | '!' | ';' | ',' | ':')
                || c == '(' && closes_clause(chars.clone()))
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
    often(&mut out);
    out
}

/// Whether a bracket just opened closes the clause: an aside at its end
/// ("how long are the URLs (on average)?", "how much storage (per
/// user)?") leaves the clause before it whole, so the lexicon's phrases
/// anchored at a clause's end still read it. An aside inside a clause
/// ("how long (roughly) do we keep them") does not end it.
fn closes_clause(rest: impl Iterator<Item = char>) -> bool {
    let mut after = rest.skip_while(|&c| c != ')');
    after.next().is_some()
        && after
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| matches!(c, '?' | '.' | '!' | ',' | ';' | ':'))
}

/// Units a slash reads as "per" after ("msgs/day", "reqs/s").
const PER: &[&str] = &[
    "s", "sec", "second", "min", "minute", "h", "hr", "hour", "d", "day", "wk", "week", "mo",
    "month", "yr", "year", "user", "person", "device",
];

/// "How many times is a paste opened" asks how often, not how many things:
/// read as "how often", unless it compares ("how many times more", "how
/// many times bigger").
fn often(out: &mut Vec<Word>) {
    let mut i = 0;
    while i + 2 < out.len() {
        let compares = out.get(i + 3).is_some_and(|w| {
            matches!(w.word.as_str(), "more" | "less" | "fewer" | "as" | "than")
                || (w.word.len() > 4 && w.word.ends_with("er"))
        });
        if out[i].word == "how"
            && out[i + 1].word == "many"
            && out[i + 2].word == "times"
            && !compares
        {
            out[i + 1] = word("often".to_string());
            out.remove(i + 2);
        }
        i += 1;
    }
}

/// A figure written with its unit ("50m", "2gb", "3x"): the number and the
/// unit as a word.
fn figure(w: &str) -> Option<(&str, &'static str)> {
    let split = w.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = w.split_at(split);
    if n.is_empty() {
        return None;
    }
    Some((
        n,
        match unit {
            // "4k" and "8k" are resolutions.
            "k" if n.len() == 1 => return None,
            "k" => "thousand",
            "m" | "mm" => "million",
            "b" | "bn" => "billion",
            "x" => "times",
            "kb" => "kb",
            "mb" => "mb",
            "gb" => "gb",
            "tb" => "tb",
            "pb" => "pb",
            "ms" => "ms",
            "mbps" => "mbps",
            _ => return None,
        },
    ))
}

/// The end of a sentence or clause, as a word.
fn end_mark() -> Word {
    Word {
        word: "$".into(),
        stem: "$".into(),
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
