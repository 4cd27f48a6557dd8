//! What a question's words mean beyond their spelling: the ways of asking
//! ("how many", "how fast", "do we need") read as the kind of fact asked,
//! the everyday near-words of requirements ("show up" and "propagate" are
//! freshness, "at once" is concurrency, "guest" is anonymous), and the
//! concepts of the shared lexicon (`rubrics/concepts.yaml`). Every phrase
//! found, in a question or in a fact, adds its group's key to the words it
//! spans, so both sides meet on meaning.

use super::words::{words, Word};
use crate::catalog::{Lexicon, SourceFile};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Groups of general English for the things clarifying questions ask. A
/// phrase's words match by stem; `..` stands for up to four words, `$` for
/// the end of a clause. Written from how people ask, not from any one
/// problem: each group names a kind of requirement every problem has.
#[rustfmt::skip]
const GROUPS: &[(&str, &[&str])] = &[
    // A quantity: how many of something, in total or per unit of time.
    ("count", &["how many", "how much", "number of", "amount of", "count of", "total", "volume",
        "per day", "per second", "per month", "per hour", "per year", "daily", "each day",
        "every day", "each second", "every second", "each month", "every month"]),
    // A size or length.
    ("size", &["how big", "how large", "how long .. be $", "how long .. get $", "how long is",
        "how long are", "size", "sizes",
        "length", "bytes", "kb", "mb", "gb", "kilobytes", "megabytes", "gigabytes", "characters"]),
    // A span of time, of keeping or of waiting.
    ("duration", &["how long", "duration", "how many days", "how many years", "period"]),
    // A maximum.
    ("max", &["max", "maximum", "largest", "biggest", "longest", "upper bound", "at most",
        "highest", "most .. allowed"]),
    // A limit set on something.
    ("limit", &["limit", "limits", "limited", "cap", "capped", "ceiling", "quota"]),
    // An average.
    ("average", &["average", "mean", "on average", "median"]),
    // A peak.
    ("peak", &["peak", "peaks", "busiest", "busy hour", "rush hour", "prime time", "spike",
        "spikes", "burst", "bursts", "highest traffic"]),
    // Latency: how long something takes.
    ("speed", &["how fast", "how quick", "how quickly", "how soon", "how long .. take",
        "how long .. wait", "how long .. load", "latency", "response time", "fast", "quick",
        "slow", "speed", "milliseconds", "ms", "p99", "p95", "p50", "percentile", "snappy",
        "instant", "instantly", "real time", "realtime", "wait"]),
    // Freshness: how soon a change is seen elsewhere.
    ("fresh", &["propagate", "propagation", "visible", "show up", "shows up", "appear", "stale",
        "staleness", "fresh", "freshness", "up to date", "out of date", "lag", "lags", "behind",
        "eventual", "eventually", "consistency", "consistent", "in sync", "see .. change",
        "see .. update", "take effect", "takes effect", "reflect", "right away", "few seconds",
        "few minutes", "seconds later", "minutes later", "right after", "immediately after",
        "as soon as", "immediately", "immediate", "delay", "delayed", "reach"]),
    // A frequency.
    ("often", &["how often", "how frequently", "frequency", "frequent", "interval", "every .. second",
        "every .. minute", "refresh", "refreshed", "refreshes", "per .. second"]),
    // Several at the same moment.
    ("concurrent", &["concurrent", "concurrently", "simultaneous", "simultaneously", "at once",
        "at the same time", "same time", "in parallel", "parallel", "concurrency"]),
    // Without an account.
    ("anonymous", &["anonymous", "anonymously", "unauthenticated", "guest", "guests",
        "without .. sign in", "without .. sign up", "without .. log in", "without .. login",
        "without .. account", "logged out", "not logged in", "signed out", "not signed in",
        "no account", "unregistered", "without .. register"]),
    // Playback that stops to load.
    ("stall", &["stall", "stalls", "buffering", "buffer", "rebuffer", "rebuffering", "freeze",
        "freezes", "stutter", "spinner"]),
    // Things that stop existing after a while.
    ("expire", &["expire", "expires", "expiry", "expiration", "ttl", "time to live", "timeout",
        "time out", "times out", "stop working", "stops working", "self destruct",
        "auto delete", "go away", "goes away"]),
    // How long things are kept.
    ("retain", &["forever", "permanent", "permanently", "indefinitely", "retention", "retain",
        "how long .. keep", "how long .. kept", "how long .. store", "how long .. stored",
        "how long .. last", "how long .. stay", "how long .. live", "how long .. around",
        "how long .. hold", "keep .. forever", "kept forever", "store .. forever", "keep", "kept",
        "stick around", "hold on to"]),
    // What the system does in an unusual case: sheets state requirements,
    // rarely the behaviour in each case.
    ("scenario", &["what happens if", "what happens when", "what if", "what should happen"]),
    // Deleting.
    ("delete", &["delete", "deleted", "deletion", "remove", "removed", "removal", "erase",
        "purge", "purged", "take down", "takedown", "wipe"]),
    // Staying up.
    ("available", &["availability", "how available", "uptime", "downtime", "outage", "outages", "nines", "sla",
        "highly available", "high availability", "go .. down", "goes .. down", "reliable",
        "reliability", "fault tolerance", "fault tolerant", "resilient", "resilience"]),
    // Never losing data.
    ("durable", &["durable", "durability", "lose", "lost", "loss", "never lose", "data loss"]),
    // Money.
    ("cost", &["budget", "cost", "costs", "money", "cheap", "expensive", "spend", "spending",
        "afford", "cloud bill", "price tag"]),
    // The people using it.
    ("person", &["user", "users", "account", "accounts", "people", "person", "customer",
        "customers", "subscriber", "subscribers", "viewer", "viewers"]),
    // The same thing happening twice.
    ("duplicate", &["twice", "identical", "duplicate", "duplicates", "duplicated", "more than once",
        "double", "doubled", "two times", "exactly once", "only once"]),
    // Seeing one's own change at once.
    ("own_writes", &["read your writes", "read your own writes", "read own writes",
        "read after write", "see .. own", "sees .. own", "own .. immediately",
        "own .. right away"]),
    // Having an account and using it.
    ("login", &["log in", "logs in", "logged in", "login", "sign in", "signs in", "signed in",
        "sign up", "signs up", "signed up", "signup", "register", "registration"]),
    // Pictures.
    ("image", &["image", "images", "picture", "pictures", "photo", "photos", "pic", "pics"]),
    // Who a message or a change is for.
    ("recipient", &["recipient", "recipients", "receiver", "receivers", "receiving end"]),
    // A place.
    ("where", &["where", "location", "located", "whereabouts"]),
    // People building it.
    ("team", &["team", "engineers", "engineering", "headcount", "staff", "staffing"]),
    // In or out of scope: the ways of asking whether something is built.
    ("scope", &["in scope", "scope", "do we need", "do we support", "should we support",
        "need to support", "have to support", "supported", "support", "include", "included",
        "includes", "feature", "features", "functionality", "must have", "nice to have",
        "should .. be able to", "be able to", "allowed to", "do we have to", "must support",
        "must do", "needed", "part of"]),
    // Out of scope: what is left out.
    ("out", &["out of scope", "not in scope", "non goals", "not needed", "excluded",
        "excluded features", "left out", "leave out", "not part of", "skip", "ignore"]),
];

/// Kinds of fact that only a fact stating them can answer, when a question
/// asks for them in so many words, with the keys that state them: a
/// maximum the sheet does not give is "your call", and "how fast" asks for
/// a latency or a freshness, never for the feature itself.
pub(super) const REQUIRED: &[(&str, &[&str])] =
    &[("@max", &["@max"]), ("@speed", &["@speed", "@fresh"])];

/// The ways of asking what is in or out of scope.
pub(super) const SCOPE: &[&str] = &["@scope", "@out"];

/// Groups whose phrases are made of asking words but say what the question
/// is about, so they are not only a way of asking.
pub(super) const SUBJECTS: &[&str] = &["@scenario"];

/// Most words a `..` gap stands for.
const GAP: usize = 4;

/// One item of a phrase.
#[derive(Debug, Clone)]
enum Item {
    Word(Word),
    Gap,
    End,
}

/// A phrase and the key it adds.
#[derive(Debug, Clone)]
pub(super) struct Phrase {
    items: Vec<Item>,
    pub key: String,
}

/// A phrase found: its key and the positions of the words it matched.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub key: String,
    pub at: Vec<usize>,
}

fn parse(text: &str, key: &str) -> Option<Phrase> {
    let mut items = Vec::new();
    for piece in text.split_whitespace() {
        match piece {
            ".." => items.push(Item::Gap),
            "$" => items.push(Item::End),
            _ => items.extend(
                words(piece)
                    .into_iter()
                    .filter(|w| w.word != "$")
                    .map(Item::Word),
            ),
        }
    }
    matches!(items.first(), Some(Item::Word(_))).then(|| Phrase {
        items,
        key: key.to_string(),
    })
}

/// The question lexicon and the shared concepts, parsed once, with the
/// phrases by their first word (stem and spelling) so a text is matched
/// against only the phrases that can start at each word.
struct Index {
    phrases: Vec<Phrase>,
    by_first: HashMap<String, Vec<usize>>,
}

fn index() -> &'static Index {
    static ALL: OnceLock<Index> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut phrases: Vec<Phrase> = GROUPS
            .iter()
            .flat_map(|(g, list)| list.iter().filter_map(move |p| parse(p, &format!("@{g}"))))
            .collect();
        for c in &concepts().concepts {
            let key = format!("#{}", c.id);
            phrases.extend(
                c.jargon
                    .iter()
                    .chain(&c.plain)
                    .filter_map(|p| parse(p, &key)),
            );
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in phrases.iter().enumerate() {
            if let Some(Item::Word(w)) = p.items.first() {
                by_first.entry(w.stem.clone()).or_default().push(i);
                if w.word != w.stem {
                    by_first.entry(w.word.clone()).or_default().push(i);
                }
            }
        }
        Index { phrases, by_first }
    })
}

/// The built-in concept lexicon. Question understanding reads the shipped
/// one: it is general vocabulary, not part of a problem.
fn concepts() -> Lexicon {
    SourceFile::embedded()
        .into_iter()
        .find(|f| f.rel == "rubrics/concepts.yaml")
        .and_then(|f| match f.json {
            Some(json) => serde_json::from_str(json).ok(),
            None => serde_yaml::from_str(&f.text).ok(),
        })
        .unwrap_or_default()
}

/// Every word a phrase of the lexicon uses: typos are mended towards them.
pub(super) fn vocabulary() -> impl Iterator<Item = &'static str> {
    index().phrases.iter().flat_map(|p| {
        p.items.iter().filter_map(|i| match i {
            Item::Word(w) => Some(w.word.as_str()),
            _ => None,
        })
    })
}

fn same(a: &Word, b: &Word) -> bool {
    a.stem == b.stem || a.word == b.word
}

/// Matches the phrase's items from `from` on; returns the matched positions.
fn match_at(items: &[Item], ws: &[Word], from: usize, at: &mut Vec<usize>) -> bool {
    let Some((first, rest)) = items.split_first() else {
        return true;
    };
    match first {
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
        Item::Word(pw) => {
            if ws.get(from).is_some_and(|w| same(w, pw)) {
                at.push(from);
                match_at(rest, ws, from + 1, at)
            } else {
                false
            }
        }
    }
}

/// Every phrase of the lexicon found in the words.
pub(super) fn find(ws: &[Word]) -> Vec<Found> {
    let index = index();
    let mut out = Vec::new();
    for i in 0..ws.len() {
        let mut candidates: Vec<usize> = [&ws[i].stem, &ws[i].word]
            .iter()
            .filter_map(|k| index.by_first.get(*k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for c in candidates {
            let p = &index.phrases[c];
            let mut at = Vec::new();
            if match_at(&p.items, ws, i, &mut at) {
                out.push(Found {
                    key: p.key.clone(),
                    at,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let mut k: Vec<String> = find(&words(text)).into_iter().map(|f| f.key).collect();
        k.sort();
        k.dedup();
        k
    }

    #[test]
    fn ways_of_asking_read_as_kinds() {
        assert!(!keys("How mnay users").contains(&"@count".to_string()));
        assert!(keys("How many users?").contains(&"@count".to_string()));
        assert!(keys("How long can a tweet be?").contains(&"@size".to_string()));
        assert!(!keys("How long can a tweet be kept?").contains(&"@size".to_string()));
        assert!(keys("How long do we keep tweets?").contains(&"@retain".to_string()));
        assert!(keys("Can guests paste without signing in?").contains(&"@anonymous".to_string()));
        assert!(keys("users online at the same time").contains(&"@concurrent".to_string()));
        assert!(keys("Is eventual consistency fine").contains(&"#eventual_consistency".to_string()));
    }
}
