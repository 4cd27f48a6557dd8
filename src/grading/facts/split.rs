//! Splitting a question into the things it asks.

use super::lexicon::find;
use super::words::{is_filler, words};

/// Words that open a question of their own after "and".
const OPENERS: &[&str] = &[
    "what", "whats", "how", "do", "does", "did", "is", "are", "can", "could", "should", "will",
    "would", "who", "which", "when", "where", "why", "any", "must", "may", "might", "have", "has",
    "shall",
];

/// Words that may stand between "and" and the question word ("and for how
/// long", "and in what format", "and roughly how many", "and if so how
/// many").
const LEADS: &[&str] = &[
    "for",
    "in",
    "at",
    "to",
    "by",
    "on",
    "with",
    "from",
    "up",
    "roughly",
    "about",
    "approximately",
    "around",
    "also",
    "then",
    "if",
    "so",
    "separately",
    "similarly",
];

/// Words after ", or" that make what follows an alternative answer to the
/// same question rather than a second thing asked ("..., or just photos",
/// "..., or not").
const ALTERNATIVES: &[&str] = &[
    "just",
    "only",
    "simply",
    "merely",
    "rather",
    "instead",
    "not",
    "even",
    "maybe",
    "perhaps",
    "else",
    "otherwise",
    "something",
    "anything",
    "nothing",
    "none",
    "no",
    "both",
    "neither",
];

/// Words that open an example of what was just said ("like editing on a
/// plane", "such as hashtags"): it belongs to the thing before.
const EXAMPLES: &[&str] = &["like", "e.g", "eg", "such", "including", "say", "i.e", "ie"];

/// Words that may open a thing named in a list ("or a discussion thread").
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Words before a list that make it qualify something else.
const PREPOSITIONS: &[&str] = &[
    "between", "of", "for", "from", "with", "to", "in", "on", "at", "by", "about", "across",
    "among", "into", "per", "via", "than", "like",
];

/// A word bare of punctuation, lower-cased, `what's` as `whats`.
fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace(['\'', '’'], "")
}

/// True when the piece names nothing: no content word and no phrase of the
/// question lexicon ("and why").
fn empty(piece: &str) -> bool {
    let ws = words(piece);
    // A figure alone ("is something like 10:1 reasonable") names nothing.
    let named = |w: &super::tokens::Word| {
        w.word != "$" && !is_filler(&w.word) && !w.word.bytes().all(|b| b.is_ascii_digit())
    };
    !ws.iter().any(named) && find(&ws).is_empty()
}

/// Whether the words from `i` on open a question of their own: a question
/// word, after up to two leading words ("for how long", "if so how many").
fn opens_question(words: &[&str], i: usize) -> bool {
    let at = |k: usize| words.get(i + k).map(|n| bare(n)).unwrap_or_default();
    let opener = |k: usize| OPENERS.contains(&at(k).as_str());
    let lead = |k: usize| LEADS.contains(&at(k).as_str());
    opener(0) || lead(0) && opener(1) || lead(0) && lead(1) && opener(2)
}

/// Whether a word ends a clause: a comma, a dash, a colon, or a closing
/// bracket after it.
fn ends_clause(w: &str) -> bool {
    w.ends_with([',', ':', ')'])
}

/// Whether a word is a dash that stands between clauses ("—", "–", "-").
fn is_dash(w: &str) -> bool {
    matches!(w, "—" | "–" | "-" | "--")
}

/// Whether a word is a figure ("100M", "2", "10:1", "99.9%").
fn figure(w: &str) -> bool {
    w.trim_start_matches(['~', '$', '('])
        .starts_with(|c: char| c.is_ascii_digit())
}

/// Whether the words after ", and" ask the clause before again of another
/// thing ("how long do we keep trip data, and the GPS traces", "is storage
/// cost a concern, and bandwidth"): a short tail that opens no question of
/// its own, after a clause that asks something and is not a list.
fn ellipsis(before: &[&str], after: &[&str]) -> bool {
    let list = before
        .iter()
        .take(before.len().saturating_sub(1))
        .any(|w| w.ends_with(','));
    let asks = before
        .first()
        .is_some_and(|w| OPENERS.contains(&bare(w).as_str()));
    let tail = !after.is_empty()
        && after.len() <= 5
        && !opens_question(after, 0)
        && !after
            .iter()
            .any(|w| w.ends_with(',') || matches!(bare(w).as_str(), "and" | "or"))
        && !EXAMPLES.contains(&bare(after[0]).as_str());
    before.len() >= 4 && asks && !list && tail
}

/// "Should I push posts at write time, …": the candidate puts their own
/// options, so ", or …" that follows is the other one.
fn offers_options(current: &[&str]) -> bool {
    let w = |i: usize| current.get(i).map(|w| bare(w)).unwrap_or_default();
    matches!(w(0).as_str(), "should" | "shall" | "would" | "could")
        && matches!(w(1).as_str(), "i" | "we")
}

/// Whether the words before a colon are a question already ("How strict is
/// ordering:"): the question after the colon says the same thing closer.
/// "What about groups:" only names a topic.
fn asks_already(current: &[&str]) -> bool {
    current.len() >= 3 && opens_question(current, 0) && !LEADS.contains(&bare(current[1]).as_str())
}

/// Splits a question into the things it asks: sentences, then clauses that
/// open with a question word after "and", "also" or "plus" ("..., and can it
/// have attachments", "..., and for how long", "..., and roughly how
/// many"), after a dash or a colon ("custom aliases — do we need them",
/// "Likes and comments: in scope"), and a second thing named after ", or"
/// ("budget limits, or existing infra we must reuse"). Alternatives that are
/// answers to the same question stay one thing ("expire, or kept forever",
/// "in scope, or just photos"), and so do examples ("— like editing on a
/// plane"). A piece that names nothing stays with the one before it.
pub fn split_question(question: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for sentence in question.split(['?', ';', '!']) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let b = bare(w);
            let joins = matches!(b.as_str(), "and" | "also" | "plus");
            let after_comma = i > 0 && words[i - 1].ends_with(',');
            let splits = if joins {
                opens_question(&words, i + 1)
            } else if b == "or"
                && after_comma
                && !super::asks_for_a_choice(&current.join(" "))
                && !offers_options(&current)
                && !current.iter().any(|w| w.ends_with(':'))
            {
                // (Not after a choice: "Should I push at write time, or build
                // the feed on read" offers the other option; nor in options
                // listed after a colon: "when none accepts: retry, or stop".)
                // ", or existing infra we must reuse": a second thing asked.
                // A clause of its own ("or do they expire"), a short
                // alternative ("or globally", "or text only") or one marked
                // as such ("or just photos") answers the same question.
                let rest: Vec<String> = words[i + 1..].iter().map(|n| bare(n)).collect();
                let next = rest.first().cloned().unwrap_or_default();
                let last = rest.last().cloned().unwrap_or_default();
                rest.len() >= 3
                    && !ALTERNATIVES.contains(&next.as_str())
                    && (next == "any" || !OPENERS.contains(&next.as_str()))
                    && !EXAMPLES.contains(&next.as_str())
                    && !matches!(last.as_str(), "only" | "alone" | "instead" | "either")
            } else if is_dash(w) {
                // A dash before a question of its own, when what comes
                // before asks something too: "And those GPS updates from
                // drivers - do we keep the whole trail" names what the
                // question after the dash is about.
                opens_question(&words, i + 1) && opens_question(&current, 0)
            } else {
                false
            };
            if splits && !current.is_empty() {
                pieces.push(current.join(" "));
                current.clear();
                continue;
            }
            // "Are we global, what availability are we aiming for": a second
            // question after a comma, when the first is a question too (not
            // "When both are online, how fast…").
            let second_ask = after_comma
                && matches!(b.as_str(), "what" | "how" | "which")
                && opens_question(&words, i)
                && current.first().is_some_and(|f| {
                    matches!(
                        bare(f).as_str(),
                        "is" | "are"
                            | "do"
                            | "does"
                            | "can"
                            | "will"
                            | "should"
                            | "would"
                            | "what"
                            | "how"
                            | "which"
                    )
                });
            if second_ask && !current.is_empty() {
                pieces.push(current.join(" "));
                current.clear();
            }
            // "Assume 100M uploads a day and 2 MB per photo": a second figure
            // assumed, a thing of its own.
            let figures = b == "and"
                && figure(words.get(i + 1).copied().unwrap_or(""))
                && current.iter().any(|w| figure(w));
            if figures && !current.is_empty() {
                pieces.push(current.join(" "));
                current.clear();
                continue;
            }
            // "..., and the GPS traces": the same question of another thing.
            // It keeps its "and", so that it is read with the part before.
            if joins && b == "and" && after_comma && ellipsis(&current, &words[i + 1..]) {
                pieces.push(current.join(" "));
                current.clear();
            }
            if is_dash(w) {
                // "A customer says links feel slow -- what redirect time do
                // we aim for": a statement told before a question is its
                // lead-in; the dash is kept, so that the ask can be read
                // on its own.
                if !current.is_empty() && opens_question(&words, i + 1) {
                    current.push(w);
                }
                continue;
            }
            current.push(w);
            // A colon before a question of its own: "Group chats: is there
            // a limit".
            if w.ends_with(':') && opens_question(&words, i + 1) && !asks_already(&current) {
                pieces.push(current.join(" "));
                current.clear();
            }
        }
        if !current.is_empty() {
            pieces.push(current.join(" "));
        }
    }
    let mut parts: Vec<String> = Vec::new();
    for piece in pieces {
        let piece = piece
            .trim()
            .trim_end_matches([',', '.', ':'])
            .trim_start_matches([',', ':'])
            .trim()
            .to_string();
        if piece.is_empty() {
            continue;
        }
        let first = piece
            .split_whitespace()
            .next()
            .map(bare)
            .unwrap_or_default();
        match parts.last_mut() {
            Some(last) if empty(&piece) || EXAMPLES.contains(&first.as_str()) => {
                last.push_str(", ");
                last.push_str(&piece);
            }
            _ => parts.push(piece),
        }
    }
    if parts.is_empty() {
        parts.push(question.trim().to_string());
    }
    parts
}

/// The part without its asides in parentheses; `None` when it has none
/// or they do not close.
fn without_asides(part: &str) -> Option<String> {
    let (mut out, mut depth, mut any) = (String::with_capacity(part.len()), 0usize, false);
    for c in part.chars() {
        match c {
            '(' => {
                depth += 1;
                any = true;
            }
            ')' if depth == 0 => return None,
            ')' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    (any && depth == 0).then(|| out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Past participles that do not end in "-ed".
const PARTICIPLES: &[&str] = &[
    "sent", "read", "seen", "written", "shown", "done", "given", "taken", "built", "kept",
];

/// The noun the last item of a list ends with, when every other item is one
/// participle that qualifies it too ("sent, delivered and read receipts").
fn shared_head<'a>(toks: &[&'a str], items: &[(usize, usize)]) -> Option<&'a str> {
    let (a, b) = *items.last()?;
    let participle = |w: &str| {
        let w = bare(w);
        w.len() > 3 && w.ends_with("ed") || PARTICIPLES.contains(&w.as_str())
    };
    let others = &items[..items.len() - 1];
    (b - a == 2
        && participle(toks[a])
        && others
            .iter()
            .all(|&(x, y)| y - x == 1 && participle(toks[x])))
    .then(|| toks[b - 1])
}

/// Subjects a verb follows ("do we store …").
const SUBJECTS: &[&str] = &["we", "i", "you", "they"];

/// The readings of a part that names several things joined by "and" or
/// "or" ("What latency and availability are we targeting", "Are read
/// receipts, typing indicators and last seen in scope"): the part once for
/// each thing, the rest of its words kept. Empty when it names one thing.
/// Only the first such list is read; things are runs of words that are not
/// filler, up to three words each.
pub fn coordinated(part: &str) -> Vec<String> {
    // "read receipts (the blue ticks) and last seen": an aside glosses the
    // thing before it; the things asked are read without it.
    if let Some(plain) = without_asides(part) {
        let readings = coordinated(&plain);
        if readings.len() > 1 {
            return readings;
        }
    }
    let toks: Vec<&str> = part.split_whitespace().collect();
    // Alternatives offered ("likes and replies, or just posting") ask which
    // one holds: the part is one question.
    if toks
        .windows(2)
        .any(|p| p[0].ends_with(',') && bare(p[1]) == "or")
    {
        return Vec::new();
    }
    // "Do riders and drivers rate each other": both do it together.
    if toks.windows(2).any(|p| {
        matches!(
            (bare(p[0]).as_str(), bare(p[1]).as_str()),
            ("each", "other") | ("one", "another")
        )
    }) {
        return Vec::new();
    }
    let content = |w: &str| {
        let b = bare(w);
        !b.is_empty()
            && !is_filler(&b)
            && !EXAMPLES.contains(&b.as_str())
            && !PREPOSITIONS.contains(&b.as_str())
    };
    const MOST: usize = 3;
    for (k, w) in toks.iter().enumerate() {
        if !matches!(bare(w).as_str(), "and" | "or" | "&") || w.ends_with(',') {
            continue;
        }
        // The thing after: content words up to the end of the clause, after
        // an article ("comments or a discussion thread").
        let first = k
            + 1
            + usize::from(
                toks.get(k + 1)
                    .is_some_and(|w| ARTICLES.contains(&bare(w).as_str())),
            );
        let mut end = first;
        while end < toks.len() && end - first < MOST && content(toks[end]) {
            end += 1;
            if ends_clause(toks[end - 1]) {
                break;
            }
        }
        if end == first {
            continue;
        }
        // The things before, the one before each ended by a comma: "a, b
        // and c", "a, b, and c".
        let mut items: Vec<(usize, usize)> = vec![(first, end)];
        let mut e = k;
        loop {
            let mut start = e;
            while start > 0
                && e - start < MOST
                && content(toks[start - 1])
                && (start == e || !ends_clause(toks[start - 1]))
            {
                start -= 1;
            }
            if start == e {
                break;
            }
            // "view counts per paste, burn-after-reading pastes, and an
            // API": an item of a list of commas may say what it is per.
            let listed = toks[e - 1].ends_with(',');
            if listed
                && start >= 2
                && matches!(
                    bare(toks[start - 1]).as_str(),
                    "per" | "for" | "with" | "in" | "on" | "by"
                )
                && content(toks[start - 2])
                && !ends_clause(toks[start - 2])
            {
                let mut s = start - 1;
                while s > 0
                    && start - s <= MOST
                    && content(toks[s - 1])
                    && !ends_clause(toks[s - 1])
                {
                    s -= 1;
                }
                start = s;
            }
            items.push((start, e));
            if start > 0 && toks[start - 1].ends_with(',') && content(toks[start - 1]) {
                e = start;
                continue;
            }
            break;
        }
        if items.len() < 2 {
            continue;
        }
        // "availability, 99.9 or 99.99": figures offered for one value,
        // not things asked one by one.
        let figures = items
            .iter()
            .filter(|&&(a, b)| toks[a..b].iter().all(|w| figure(w.trim_end_matches(','))))
            .count();
        if figures + 1 >= items.len() {
            return Vec::new();
        }
        items.sort_unstable();
        items.dedup();
        // "how long do we store trip records and the driver's route": the
        // first item after its subject opens with the verb all items share.
        if items[0].1 - items[0].0 > 1
            && items[0].0 > 0
            && SUBJECTS.contains(&bare(toks[items[0].0 - 1]).as_str())
        {
            items[0].0 += 1;
        }
        let (first, last) = (items[0].0, items[items.len() - 1].1);
        // Things that qualify another ("chat between rider and driver",
        // "ratio of reads and writes") are not asked about one by one.
        if first > 0 && PREPOSITIONS.contains(&bare(toks[first - 1]).as_str()) {
            return Vec::new();
        }
        // "sent, delivered and read receipts": states of one thing, which
        // the last item names for all.
        let shared = shared_head(&toks, &items);
        let before = &toks[..first];
        let after = &toks[last..];
        let clean = |t: &[&str]| -> String {
            t.iter()
                .map(|w| w.trim_end_matches(','))
                .collect::<Vec<_>>()
                .join(" ")
        };
        return items
            .iter()
            .map(|&(a, b)| {
                let mut v = Vec::new();
                if !before.is_empty() {
                    v.push(clean(before));
                }
                v.push(clean(&toks[a..b]));
                if let Some(head) = shared.filter(|_| b - a == 1) {
                    v.push(clean(&[head]));
                }
                if !after.is_empty() {
                    v.push(clean(after));
                }
                v.join(" ")
            })
            .collect();
    }
    Vec::new()
}
