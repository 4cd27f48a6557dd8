//! Terms: the units of meaning a question and a fact are compared in.

use super::groups::{HOW, KINDS, REQUIRED, SUBJECTS};
use super::lexicon::find;
use super::phrases::Found;
use super::words::{is_filler, is_general, Word};
use crate::grading::fx::FxSet;

/// A unit of meaning: the keys it is matched by (its stem, and the groups
/// and concepts of the lexicon phrases it is part of).
#[derive(Debug, Clone)]
pub(super) struct Term {
    /// Stems of its content words and the keys of its groups (`@`) and
    /// concepts (`#`).
    pub keys: Vec<String>,
    /// The groups and concepts whose phrase spans the whole term: a question
    /// says the term only by saying one of them ("per user limit" is a rate
    /// limit; "user" and "limit" apart are not).
    pub whole: Vec<String>,
    /// Only says what kind of fact is asked ("how many", "do we need").
    pub head: bool,
    /// Keys one of which the fact named must hold: a maximum asked for, a
    /// latency asked for.
    pub required: Vec<String>,
    /// The unit of a "per user" or "each account" quantity: the fact named
    /// must give a quantity per the same unit.
    pub unit: bool,
    /// Carried over from the part before: it weighs less.
    pub echo: bool,
    /// Opens its part: only words that put a question stand before it ("how
    /// many", "what's the average"), not "does it matter how much".
    pub lead: bool,
    /// How many words of the text it spans.
    pub words: usize,
    /// Its words as written, for explanations.
    pub text: String,
}

impl Term {
    /// One everyday word ("send", "main"): how a question is put, not what
    /// it is about.
    pub fn everyday(&self) -> bool {
        self.words == 1 && is_general(&self.text)
    }

    /// One everyday word, one word for the people who use the system
    /// ("users") or a figure: rarely what a question is about.
    pub fn plain(&self) -> bool {
        self.everyday()
            || self.words == 1 && self.keys.iter().any(|k| k == "@person")
            || self.number()
    }

    /// A figure alone ("10", "99"): what a question assumes, rarely what it
    /// is about; the same figure in an answer may be of anything.
    pub fn number(&self) -> bool {
        self.words == 1
            && !self.keys.is_empty()
            && self
                .keys
                .iter()
                .all(|k| k.bytes().all(|b| b.is_ascii_digit()))
    }

    /// Whether a question holding these keys says what the term says: one of
    /// its groups or concepts, or all of its words.
    pub fn meets(&self, keys: &FxSet<String>) -> bool {
        if self.whole.iter().any(|k| keys.contains(k)) {
            return true;
        }
        let mut stems = self.keys.iter().filter(|k| !k.starts_with(['@', '#']));
        match (stems.next(), stems.next()) {
            (None, _) => false,
            (Some(one), None) if self.words == 1 => keys.contains(one),
            _ => {
                self.whole.is_empty()
                    && self
                        .keys
                        .iter()
                        .filter(|k| !k.starts_with(['@', '#']))
                        .all(|k| keys.contains(k))
            }
        }
    }
}

/// Whether the word at `i` may be the unit of a "per user" or "each
/// account" quantity: the first or the last word that names something
/// after "per" or "each" ("per-link click count", "each stored mapping");
/// "per day" is a rate, not a unit.
fn unit(ws: &[Word], i: usize) -> bool {
    const TIME: &[&str] = &["second", "minut", "hour", "day", "week", "month", "year"];
    let names = |w: &Word| w.word != "$" && !is_filler(&w.word) && !is_general(&w.word);
    let per = |w: &Word| matches!(w.word.as_str(), "per" | "each");
    if TIME.contains(&ws[i].stem.as_str()) || !names(&ws[i]) {
        return false;
    }
    let first = ws[..i]
        .iter()
        .rev()
        .find(|w| !is_general(&w.word) || per(w))
        .is_some_and(per);
    let last = !ws.get(i + 1).is_some_and(names)
        && ws[..i]
            .iter()
            .rev()
            .take(3)
            .find(|w| !(names(w) || is_general(&w.word)) || per(w))
            .is_some_and(per);
    first || last
}

/// Whether word `i` names one of many that a quantity is per: "a driver"
/// and "an average user" in "how many rides does a driver do a day" ask a
/// figure per driver, which a fact of daily totals does not give; "an
/// active user sends about 40" in an answer gives one.
fn per_one(ws: &[Word], i: usize) -> bool {
    const TIME: &[&str] = &["second", "minut", "hour", "day", "week", "month", "year"];
    // Not "one": "each one viewed", "a typical one watch" point back.
    const ONE: &[&str] = &["a", "an", "every"];
    const KIND: &[&str] = &[
        "average",
        "typical",
        "single",
        "active",
        "daily",
        "given",
        "normal",
        "regular",
        "individual",
        // "Every online driver's app sends …": one of the drivers online.
        "online",
        "idle",
    ];
    let word = |j: usize| ws.get(j).map_or("", |w: &Word| w.word.as_str());
    let w = &ws[i];
    if w.word == "$" || TIME.contains(&w.stem.as_str()) || is_filler(&w.word) || is_general(&w.word)
    {
        return false;
    }
    // "an uploaded photo": a participle says which, the noun follows.
    if w.word.starts_with(|c: char| c.is_ascii_digit()) || w.word.ends_with("ed") {
        return false;
    }
    // "around a million", "a few": a figure, not one of many.
    if matches!(
        w.word.as_str(),
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen" | "few" | "couple"
    ) {
        return false;
    }
    // Back over up to two words of the kind ("an average daily user").
    let mut j = i;
    while j > 0 && i - j < 2 && KIND.contains(&word(j - 1)) {
        j -= 1;
    }
    let prev = j.checked_sub(1).map_or("", word);
    ONE.contains(&prev) || j < i && prev == "the"
}

/// Words that may stand before the way a question asks ("so roughly how
/// many", "what is the average").
#[rustfmt::skip]
const OPENING: &[&str] = &[
    "and", "so", "ok", "okay", "roughly", "approximately", "about", "around", "what", "whats",
    "which", "is", "are", "there", "the", "a", "an", "on", "in", "at", "also", "then", "just",
    "$",
];

/// The terms of some words: each lexicon phrase found (merged with those it
/// overlaps) is one term, every other content word one more.
pub(super) fn terms(ws: &[Word]) -> Vec<Term> {
    // Phrases found, merged with those they overlap: (positions, finds).
    let mut groups: Vec<(Vec<usize>, Vec<Found>)> = Vec::new();
    let found = find(ws);
    let span = |f: &Found| (f.at[0], f.at[f.at.len() - 1]);
    // The longest phrase of the question lexicon wins: "how long .. kept"
    // is a retention, not also the size of "how long is". A concept's
    // phrase keeps what the words inside it say ("spread around the world"
    // is still where in the world).
    let inside = |f: &Found| {
        let (a, b) = span(f);
        found.iter().any(|g| {
            let (c, d) = span(g);
            g.key != f.key && g.key.starts_with('@') && c <= a && b <= d && d - c > b - a
        })
    };
    // "Where" after a thing named is a relative word ("a dashboard where
    // users see their stats"), not a question about a place.
    // So is "where" after a comma that follows a thing named, when no verb
    // asks after it ("is ride pooling, where strangers share a car, in
    // scope"; not "and users, where are they").
    let relative = |f: &Found| {
        let at = f.at[0];
        let named = |j: usize| !is_filler(&ws[j].word) && ws[j].word != "$";
        f.key == "@where"
            && f.at.len() == 1
            && at > 0
            && ws[at].word == "where"
            && (named(at - 1)
                || ws[at - 1].word == "$"
                    && at > 1
                    && named(at - 2)
                    && !ws
                        .get(at + 1)
                        .is_some_and(|n| ASKING_VERBS.contains(&n.word.as_str())))
    };
    // "What sort of availability": a way of asking, not an order.
    let kind_of = |f: &Found| {
        f.key == "@order"
            && f.at.len() == 1
            && ws[f.at[0]].word == "sort"
            && ws.get(f.at[0] + 1).is_some_and(|n| n.word == "of")
    };
    let kept: Vec<Found> = found
        .iter()
        .filter(|f| !inside(f) && !relative(f) && !kind_of(f))
        .cloned()
        .collect();
    for f in kept {
        let (mut at, mut finds) = (f.at.clone(), vec![f]);
        let mut i = 0;
        while i < groups.len() {
            if groups[i].0.iter().any(|p| at.contains(p)) {
                let (a, k) = groups.swap_remove(i);
                at.extend(a);
                finds.extend(k);
            } else {
                i += 1;
            }
        }
        at.sort_unstable();
        at.dedup();
        groups.push((at, finds));
    }
    let covered: FxSet<usize> = groups.iter().flat_map(|(at, _)| at.clone()).collect();
    let mut out: Vec<(usize, Term)> = groups
        .into_iter()
        .map(|(at, finds)| {
            let mut keys: Vec<String> = finds.iter().map(|f| f.key.to_string()).collect();
            keys.sort();
            keys.dedup();
            let mut whole: Vec<String> = finds
                .iter()
                .filter(|f| at.iter().all(|p| f.at.contains(p)))
                .map(|f| f.key.to_string())
                .collect();
            whole.sort();
            whole.dedup();
            let text: Vec<&str> = at.iter().map(|&i| ws[i].word.as_str()).collect();
            // "In play", "on the table": a way of asking whether something
            // is built, though "play" and "table" are words of their own.
            let idiom = IDIOMS.contains(&text.join(" ").as_str());
            let head = (idiom || at.iter().all(|&i| is_filler(&ws[i].word)))
                && !keys.iter().any(|k| SUBJECTS.contains(&k.as_str()));
            // "a limit", "a peak" say what is asked, not what it is per.
            let unit = unit(ws, at[0])
                || at.len() == 1
                    && keys.iter().all(|k| !k.starts_with('@') || k == "@person")
                    && per_one(ws, at[0]);
            // Asked in so many words: "how fast", not "taken down quickly".
            let asked = ws[at[0]].word == "how";
            let required: Vec<String> = if head {
                REQUIRED
                    .iter()
                    .filter(|(k, _)| keys.iter().any(|x| x == k))
                    .filter(|(k, _)| asked || !HOW.contains(k))
                    .flat_map(|(_, ok)| ok.iter().map(|s| s.to_string()))
                    .collect()
            } else {
                Vec::new()
            };
            for &i in at.iter().filter(|_| !idiom) {
                let plain = is_filler(&ws[i].word) || is_general(&ws[i].word);
                if !plain && !keys.contains(&ws[i].stem) {
                    keys.push(ws[i].stem.clone());
                }
            }
            let term = Term {
                keys,
                whole,
                head,
                required,
                unit,
                echo: false,
                lead: ws[..at[0]]
                    .iter()
                    .all(|w| OPENING.contains(&w.word.as_str())),
                words: at.len(),
                text: text.join(" "),
            };
            (at[0], term)
        })
        .collect();
    for (i, w) in ws.iter().enumerate() {
        if w.word == "$" || is_filler(&w.word) || covered.contains(&i) {
            continue;
        }
        out.push((
            i,
            Term {
                keys: vec![w.stem.clone()],
                whole: Vec::new(),
                head: false,
                required: Vec::new(),
                unit: unit(ws, i) || per_one(ws, i),
                echo: false,
                lead: false,
                words: 1,
                text: w.word.clone(),
            },
        ));
    }
    out.sort_by_key(|(i, _)| *i);
    let mut out: Vec<Term> = out.into_iter().map(|(_, t)| t).collect();
    share_of_a_place(&mut out);
    service_level_of_a_kind(&mut out);
    if let Some(at) = writes_versus_reads(ws) {
        out.push(Term {
            keys: vec![RATIO.to_string()],
            whole: Vec::new(),
            head: false,
            required: Vec::new(),
            unit: false,
            echo: false,
            lead: false,
            words: 1,
            text: ws[at].word.clone(),
        });
    }
    out
}

/// Phrases that only ask whether something is in scope, though not all
/// their words are filler.
const IDIOMS: &[&str] = &["in play", "on the table"];

/// The lexicon's group of how two quantities compare.
const RATIO: &str = "@ratio";

/// Words that ask what share of a whole something is.
const SHARE: &[&str] = &["fraction", "percentage", "percent", "share", "proportion"];

/// "What fraction of users are in North America": a share asked of a place
/// asks where they are, so the share is only the way of asking, not a
/// ratio of two quantities the fact must state.
fn share_of_a_place(ts: &mut [Term]) {
    if !ts.iter().any(|t| t.keys.iter().any(|k| k == "@geo")) {
        return;
    }
    for t in ts.iter_mut() {
        let share = t.text.split(' ').any(|w| SHARE.contains(&w));
        if share && t.keys.iter().any(|k| k == RATIO) && !t.keys.iter().any(|k| k == "@geo") {
            t.head = true;
        }
    }
}

/// Verbs that open a question after "where" ("where are they", "where do
/// they live"): that "where" asks for a place.
const ASKING_VERBS: &[&str] = &[
    "is", "are", "was", "were", "do", "does", "did", "will", "would", "should", "can", "could",
    "must", "shall",
];

/// Words for a service level promised: alone they ask for uptime ("what's
/// the SLA?"), but said of another kind of requirement ("the SLO on
/// redirect latency", "a durability SLA") they only say a target is asked.
const SERVICE_LEVEL: &[&str] = &["slo", "slos", "sla", "slas"];

/// "What's the SLO on redirect latency": a service level said of another
/// kind of requirement (a latency, a freshness, a durability) is the way
/// of asking for that kind's target, not a question about uptime.
fn service_level_of_a_kind(ts: &mut [Term]) {
    let other = |t: &Term| {
        t.keys
            .iter()
            .any(|k| KINDS.contains(&k.as_str()) && k != "@available")
    };
    let service_level = |t: &Term| t.words == 1 && SERVICE_LEVEL.contains(&t.text.as_str());
    if !ts.iter().any(|t| !service_level(t) && other(t)) {
        return;
    }
    for t in ts.iter_mut().filter(|t| service_level(t)) {
        t.head = true;
    }
}

/// How words that make or change something start ("creates", "uploads").
const WRITING: &[&str] = &[
    "creat", "upload", "post", "writ", "send", "sent", "shorten", "publish", "add", "edit",
    "modif", "sav", "tweet", "insert", "update",
];

/// How words that look at or fetch something start ("views", "downloads").
const READING: &[&str] = &[
    "view", "read", "download", "open", "click", "visit", "watch", "fetch", "redirect", "brows",
    "scroll", "play", "stream", "lookup", "access", "load",
];

/// Where "creates vs views", "uploads versus downloads" set making against
/// looking: how the two compare, a ratio, is asked. `None` for "view vs
/// edit permissions" told apart (both sides must be actions of the two
/// kinds, next to the "vs").
fn writes_versus_reads(ws: &[Word]) -> Option<usize> {
    let kind = |w: &Word| {
        let writes = WRITING.iter().any(|p| w.word.starts_with(p));
        let reads = READING.iter().any(|p| w.word.starts_with(p));
        match (writes, reads) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    };
    (1..ws.len().saturating_sub(1)).find(|&i| {
        matches!(ws[i].word.as_str(), "vs" | "versus")
            && ws[i + 1..]
                .iter()
                .find(|w| !is_filler(&w.word))
                .and_then(kind)
                .zip(kind(&ws[i - 1]))
                .is_some_and(|(a, b)| a != b)
    })
}
