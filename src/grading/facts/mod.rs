//! Understanding a clarifying question: split it into the things it asks,
//! and find for each the fact that answers it, by meaning rather than by one
//! exact trigger phrase.
//!
//! Both the question and every fact are read into terms: a word's stem plus
//! the keys of the lexicon phrases it belongs to (`lexicon`: "how fast" is a
//! latency, "show up" a freshness, "guest" anonymous use, and the shared
//! concepts). A fact is matched through its ways of asking (`asks`), what
//! its answer settles (`covers`) and its topic, and more weakly through its
//! answer's own words; words shared by many facts weigh less, and a word
//! the sheet never mentions counts against every fact (it may be what the
//! question is about). Below a confidence threshold the answer is "your
//! call": a wrong fact said confidently is the worst outcome.

mod blob;
mod compare;
mod context;
mod framing;
mod groups;
mod lexicon;
mod lists;
mod persona;
mod phrases;
mod rank;
mod read;
mod sheet;
mod split;
mod terms;
mod tokens;
mod words;

pub use split::{coordinated, split_question};

use crate::catalog::Fact;
use context::{
    after_dash, after_reason, asked_sentence, asks_a_difference, before_example, before_other_side,
    confirms, in_frame_of, is_heading, judges, tells_a_plan, tells_a_story, without_dashed_gloss,
    without_explaining, without_hedges, without_imperative, without_weighing,
};
use groups::KINDS;
use rank::{
    completeness, decide, decide_carried, decide_story, decide_with, explains, paired,
    question_keys, rank, PAIRED,
};
use read::sheet;
use sheet::Sheet;
use terms::Term;
use words::words;

/// One thing a question asks and the fact that answers it, when one does
/// with confidence.
#[derive(Debug, Clone)]
pub struct Reply<'a> {
    /// The words of the question that ask it.
    pub part: String,
    pub fact: Option<&'a Fact>,
}

/// Words that point back at the subject of the part before.
const PRONOUNS: &[&str] = &[
    "it", "they", "them", "its", "their", "this", "these", "those",
];

/// The terms of each part; a part that only says what kind of thing it asks
/// ("and for how long"), or points back with a pronoun and names little
/// else ("how fast should it update"), is also about the subject of the
/// part before it.
fn parts_terms(sheet: &Sheet, parts: &[String]) -> Vec<Vec<Term>> {
    let mut out: Vec<Vec<Term>> = Vec::new();
    for part in parts {
        let mut ts = sheet.read(part);
        // "..., and the GPS traces" asks the part before again, of another
        // thing: its terms are carried over but for its subject.
        if part.starts_with("and ") {
            if let Some(prev) = out.last() {
                // The subject: the first thing named that is not a kind of
                // requirement ("photos" of "how long do we keep photos").
                let named = |t: &Term| !t.head && !t.echo && !t.plain();
                // What is asked of it: a kind of requirement or a quantity
                // ("the max length for the original URL").
                let kind = |t: &Term| {
                    t.keys.iter().any(|k| {
                        KINDS.contains(&k.as_str()) || rank::QUANTITIES.contains(&k.as_str())
                    })
                };
                // "p99 for the timeline? and availability?": a kind of its
                // own asks it of the same thing; only that thing carries.
                if ts.iter().any(|t| !t.head && kind(t)) {
                    ts.extend(prev.iter().filter(|t| !t.echo && !kind(t)).map(|t| Term {
                        echo: true,
                        ..t.clone()
                    }));
                    out.push(ts);
                    continue;
                }
                // "…, and across how many cities": a quantity of a thing
                // of its own is a question of its own; what the part before
                // asked of its subject ("active at peak") is not carried.
                let counts_own = ts.iter().any(|t| {
                    t.head
                        && t.keys
                            .iter()
                            .any(|k| rank::QUANTITIES.contains(&k.as_str()))
                }) && ts.iter().any(|t| named(t) && !kind(t) && !t.everyday());
                if counts_own {
                    out.push(ts);
                    continue;
                }
                let subject = prev
                    .iter()
                    .position(|t| named(t) && !kind(t))
                    .or_else(|| prev.iter().position(named));
                ts.extend(
                    prev.iter()
                        .enumerate()
                        .filter(|(i, t)| Some(*i) != subject && !t.echo)
                        .map(|(_, t)| t.clone()),
                );
                out.push(ts);
                continue;
            }
        }
        let refers = words(part)
            .iter()
            .any(|w| PRONOUNS.contains(&w.word.as_str()));
        if ts.iter().all(|t| t.head) || refers && ts.iter().filter(|t| !t.head).count() <= 2 {
            if let Some(prev) = out.last() {
                let mut more: Vec<Term> = prev
                    .iter()
                    .filter(|t| !t.head && !t.echo)
                    .cloned()
                    .collect();
                for t in &mut more {
                    t.echo = true;
                }
                ts.extend(more);
            }
        }
        out.push(ts);
    }
    out
}

/// The fact a part names with confidence, read on its own.
fn pick(sheet: &Sheet, part: &str, ts: &[Term]) -> Option<usize> {
    // "Should I use Kafka?" asks for the candidate's own design choice: a
    // fact that shares its words would be a wrong answer said confidently.
    if asks_for_a_choice(part) || negated_case(part, ts) {
        return None;
    }
    if tells_a_story(part) {
        return decide_story(&rank(sheet, ts));
    }
    if let Some(kept) = without_denied_kind(part, ts) {
        return decide(&rank(sheet, &kept));
    }
    if ts.iter().any(|t| t.echo) {
        return decide_carried(&rank(sheet, ts));
    }
    decide(&rank(sheet, ts))
}

/// The fact of the question after a dash that ends a lead-in, read on its
/// own when it names enough of its own. One that names nothing ("is that
/// something we offer") or judges what was said ("is that expected") is
/// about the lead-in: `None`, the whole part is read. One that names one
/// thing and points back ("how fast should they load") has the lead-in's
/// things carried over; one that names one thing and does not point back
/// ("what's the sync target") leaves what it is about to the lead-in.
fn dashed(sheet: &Sheet, part: &str) -> Option<usize> {
    let (lead, ask) = after_dash(part)?;
    if judges(ask) {
        return None;
    }
    let mut ts = sheet.read(ask);
    let named = ts.iter().filter(|t| !t.head && !t.plain()).count();
    let any = ts
        .iter()
        .filter(|t| !t.head && (t.everyday() || !t.plain()))
        .count();
    let refers = words(ask)
        .iter()
        .any(|w| matches!(w.word.as_str(), "one" | "that") || PRONOUNS.contains(&w.word.as_str()));
    if named == 0 || !refers && any < 2 {
        return None;
    }
    if refers && named == 1 {
        // The things the lead-in names, not what it says of them ("images
        // take forever to show up" is no retention).
        let kind = |t: &Term| t.keys.iter().any(|k| KINDS.contains(&k.as_str()));
        ts.extend(
            sheet
                .read(lead)
                .into_iter()
                .filter(|t| !t.head && !kind(t))
                .map(|t| Term { echo: true, ..t }),
        );
    }
    pick(sheet, ask, &ts)
}

/// The terms of a part without a kind of requirement it denies, when it
/// asks another kind of what is left ("pastes with no expiry, do we keep
/// them forever": the expiry names which pastes, the keeping is asked).
fn without_denied_kind(part: &str, ts: &[Term]) -> Option<Vec<Term>> {
    let ws: Vec<String> = words(part).into_iter().map(|w| w.word).collect();
    let denied: Vec<&str> = ws
        .iter()
        .enumerate()
        .filter(|(_, w)| matches!(w.as_str(), "no" | "without"))
        .filter_map(|(i, _)| {
            let next = ws.get(i + 1)?;
            if matches!(next.as_str(), "a" | "an" | "any") {
                ws.get(i + 2)
            } else {
                Some(next)
            }
        })
        .map(String::as_str)
        .collect();
    let is_denied =
        |t: &Term| t.words == 1 && denied.contains(&t.text.as_str()) && !kinds(t).is_empty();
    let gone: Vec<&str> = ts.iter().filter(|t| is_denied(t)).flat_map(kinds).collect();
    let kept: Vec<Term> = ts.iter().filter(|t| !is_denied(t)).cloned().collect();
    // Only another kind is asked: "newest first, with no ranking" denies
    // one way of ordering to confirm another, and still asks the order.
    let other = |t: &Term| {
        let ks = kinds(t);
        !ks.is_empty() && ks.iter().all(|k| !gone.contains(k))
    };
    (kept.len() < ts.len() && kept.iter().any(other)).then_some(kept)
}

/// The kinds of requirement a term names (none for the head of a part).
fn kinds(t: &Term) -> Vec<&str> {
    let ks = t.keys.iter().map(String::as_str);
    ks.filter(|k| !t.head && KINDS.contains(k)).collect()
}

/// Words that deny what follows them.
const NEGATIONS: &[&str] = &[
    "no", "not", "never", "nobody", "none", "nothing", "cant", "cannot", "doesnt", "dont", "isnt",
    "arent", "wont", "didnt",
];

/// Whether a part asks what happens in a case that is denied ("what happens
/// if no driver accepts"): a fact that describes the case happening does
/// not say. A denial a lexicon phrase reads ("not logged in") is meant.
fn negated_case(part: &str, ts: &[Term]) -> bool {
    if !ts.iter().any(|t| t.keys.iter().any(|k| k == "@scenario")) {
        return false;
    }
    part.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .replace(['\'', '’'], "")
        })
        .any(|w| {
            NEGATIONS.contains(&w.as_str())
                && !ts
                    .iter()
                    .any(|t| t.words > 1 && t.text.split(' ').any(|x| x.replace('\'', "") == w))
        })
}

/// A part, or its readings one per thing it names ("latency and
/// availability", "editing, search and comments") when one of them names a
/// fact: each thing asked gets its fact or an explicit "your call", even
/// when one fact answers them all.
fn distribute(sheet: &Sheet, part: String) -> Vec<String> {
    let readings = coordinated(&part);
    let named = readings
        .iter()
        .filter(|r| !asks_for_a_choice(r))
        .any(|r| decide_with(&rank(sheet, &sheet.read(r)), true).is_some());
    if named {
        readings
    } else {
        vec![part]
    }
}

/// The things a question asks, each in its own words.
fn parts_of(sheet: &Sheet, question: &str) -> Vec<String> {
    let glossed = without_dashed_gloss(question);
    let question = glossed.as_deref().unwrap_or(question);
    let hedged = without_hedges(question);
    let question = hedged.as_deref().unwrap_or(question);
    let plain = compare::without_comparison(question, |w| {
        sheet.read(w).iter().any(|t| !t.plain() && sheet.knows(t))
    });
    let mut parts = split_question(plain.as_deref().unwrap_or(question));
    for i in 1..parts.len() {
        if let Some(p) = in_frame_of(&parts[i - 1], &parts[i]) {
            parts[i] = p;
        }
    }
    parts
        .into_iter()
        .map(|p| without_imperative(&p).map_or(p.clone(), str::to_string))
        .map(|p| without_weighing(&p).map_or(p.clone(), str::to_string))
        .flat_map(|p| distribute(sheet, p))
        .collect()
}

/// Finds, for each thing the question asks, the fact that answers it.
pub fn understand<'a>(question: &str, facts: &'a [Fact]) -> Vec<Reply<'a>> {
    let sheet = sheet(facts);
    as_asked(&sheet, facts, question).1
}

/// The question as read, without the way it is put (`framing`), and its
/// replies. A scale or a frame is read without its lead-in first, kept when
/// every part then gets its fact (the lead-in may name it). A frame's
/// subject is lent to the question after it and gets no reply of its own
/// ("the map" of "unhappy about the map?") unless a kind ("uptime").
fn as_asked<'a>(sheet: &Sheet, facts: &'a [Fact], question: &str) -> (String, Vec<Reply<'a>>) {
    let answered = |rs: &[Reply]| rs.iter().all(|r| r.fact.is_some());
    let plain = framing::without_asking_manner(question);
    let question = plain.as_deref().unwrap_or(question);
    if let Some(rest) = framing::after_scale(question) {
        let rs = replies(sheet, facts, rest);
        if answered(&rs) {
            return (rest.to_string(), rs);
        }
    }
    if let Some((subject, rest)) = framing::framed(question) {
        let rs = replies(sheet, facts, rest);
        if rest.split_whitespace().count() >= 4 && answered(&rs) {
            return (rest.to_string(), rs);
        }
        let lent = format!("{subject}: {rest}");
        let mut rs = replies(sheet, facts, &lent);
        let only = rs
            .first()
            .is_some_and(|r| r.part.trim().eq_ignore_ascii_case(subject));
        if rs.len() > 1 && only && !framing::names_a_kind(sheet, subject) {
            rs.remove(0); // lent, not asked: not even "your call on …".
        }
        return (lent, rs);
    }
    (question.to_string(), replies(sheet, facts, question))
}

/// The replies to a question read as it is written.
fn replies<'a>(sheet: &Sheet, facts: &'a [Fact], question: &str) -> Vec<Reply<'a>> {
    let parts = parts_of(sheet, question);
    let terms = parts_terms(sheet, &parts);
    let last = parts.len().saturating_sub(1);
    let mut before: Option<&'a Fact> = None;
    // "How big is the catalog: how many titles, and how long is a typical
    // one?": the parts after a heading ask about what it names.
    let heading = parts.len() > 1 && is_heading(question, &parts[0]);
    let mut topic: Option<usize> = None;
    parts
        .into_iter()
        .zip(terms)
        .enumerate()
        .map(|(i, (part, ts))| {
            // "I'll cache hot pastes; how long may a deleted one be
            // served?": the plan told first is context, not a question.
            if i < last && tells_a_plan(&part) {
                before = None;
                return Reply { part, fact: None };
            }
            // "How fast must a match be? Is a few seconds acceptable?": a
            // figure offered for the answer just asked is that question
            // again, not one of its own.
            if i > 0 && confirms(&part) {
                return Reply { part, fact: before };
            }
            // "…, and is it different for logged-in users?": how the figure
            // differs, which a fact about the case does not say.
            if i > 0 && asks_a_difference(&part) {
                before = None;
                return Reply { part, fact: None };
            }
            // "Redirects are the whole product. What availability are we
            // aiming for?": the ask alone first, then with its lead-in.
            let picked = asked_sentence(&part)
                .and_then(|ask| pick(sheet, ask, &sheet.read(ask)))
                .or_else(|| {
                    // "…, or is that up to me?" leaves the choice to the
                    // candidate, whatever the first side names.
                    before_example(&part)
                        .or_else(|| before_other_side(&part))
                        .or_else(|| after_reason(&part))
                        .filter(|_| !asks_for_a_choice(&part))
                        .and_then(|ask| pick(sheet, ask, &sheet.read(ask)))
                })
                .or_else(|| {
                    // "Are private accounts in scope, where only approved
                    // followers see posts?": the explanation is context.
                    without_explaining(&part)
                        .filter(|_| !asks_for_a_choice(&part))
                        .and_then(|ask| pick(sheet, &ask, &sheet.read(&ask)))
                })
                .or_else(|| dashed(sheet, &part))
                .or_else(|| pick(sheet, &part, &ts));
            let picked = match (i, topic) {
                (0, _) => {
                    topic = picked.filter(|_| heading);
                    picked
                }
                (_, Some(t)) => under_heading(sheet, &ts, t, picked),
                _ => picked,
            };
            let fact = picked.and_then(|i| facts.get(i));
            let fact = fact.filter(|f| framing::counts_fit(&part, f));
            before = fact;
            Reply { part, fact }
        })
        .collect()
}

/// The fact for a part under a heading whose fact is `topic`: another
/// fact only when the heading's fact says nothing of the part; the
/// heading's own when it answers the part in full, else "your call" (a
/// figure of something else would be a wrong answer).
fn under_heading(sheet: &Sheet, ts: &[Term], topic: usize, picked: Option<usize>) -> Option<usize> {
    if picked == Some(topic) {
        return picked;
    }
    match rank(sheet, ts).into_iter().find(|r| r.fact == topic) {
        Some(r) if r.complete => Some(topic),
        Some(_) => None,
        None => picked,
    }
}

/// Verbs of building something, after "should I" / "should we".
const BUILD_VERBS: &[&str] = &[
    "use",
    "go",
    "pick",
    "choose",
    "build",
    "store",
    "keep",
    "shard",
    "partition",
    "put",
    "cache",
    "model",
    "implement",
    "write",
    "run",
    "start",
    "generate",
    "encode",
];

/// Things a candidate chooses, after "which" / "what".
const CHOICES: &[&str] = &[
    "database",
    "db",
    "queue",
    "language",
    "framework",
    "protocol",
    "algorithm",
    "library",
    "datastore",
    "store",
    "engine",
    "broker",
    "cloud",
];

/// True when a question part asks the interviewer to make one of the
/// candidate's design decisions ("Should I use Kafka for the stream?",
/// "Which database should we pick?", "Would it be reasonable to keep
/// timelines in Redis?"): the honest answer is "your call".
pub fn asks_for_a_choice(part: &str) -> bool {
    let lower = part.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    // "Should we build our own CDN or rent one?" asks what the company
    // already has or pays for, which the sheet says.
    if build_or_buy(&words) {
        return false;
    }
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    let opens = |w: &[&str]| words.len() >= w.len() && words[..w.len()] == *w;
    (matches!(at(0), "should" | "shall")
        && matches!(at(1), "i" | "we")
        && BUILD_VERBS.contains(&at(2)))
        // "How should I generate the ids?"
        || (at(0) == "how"
            && matches!(at(1), "should" | "shall" | "would" | "do" | "can")
            && matches!(at(2), "i" | "we")
            && BUILD_VERBS.contains(&at(3)))
        || (matches!(at(0), "which" | "what") && CHOICES.contains(&at(1)))
        || (at(0) == "which"
            && words.contains(&"should")
            && words
                .windows(2)
                .any(|p| matches!(p[0], "i" | "we") && BUILD_VERBS.contains(&p[1])))
        || opens(&["would", "it", "be", "reasonable"])
        // "Does it matter to you which one I pick?", "which one should we
        // use", "which of these".
        || lower.contains("matter which")
        || lower.contains("matter to you which")
        || words
            .windows(3)
            .any(|p| p[0] == "which" && matches!(p[1], "one" | "of") && matches!(p[2], "i" | "we" | "should" | "these" | "those" | "the"))
        || lower.contains("up to me")
        || lower.contains("up to you")
        || lower.contains("my call")
        || lower.contains("my choice")
        || (words.contains(&"prefer")
            || words.contains(&"preference")
            || words.windows(2).any(|p| p == ["rather", "i"] || p == ["rather", "we"]))
            && !words.iter().any(|w| MONEY.contains(w))
        // "Should presence go through a separate service?", "Should the
        // CDN cache every size?": how to build it.
        || matches!(at(0), "should" | "shall" | "would" | "could")
            && words.iter().any(|w| PARTS.contains(w))
}

/// Words that name something bought or rented rather than built.
const BOUGHT: &[&str] = &[
    "managed",
    "commercial",
    "rent",
    "renting",
    "rented",
    "buy",
    "buying",
    "vendor",
    "hosted",
    "saas",
];

/// Whether a question weighs building something in-house against buying
/// it ("build our own routing or use Google Maps", "use third-party CDNs,
/// or build our own"): the two sides, and "or" between them.
fn build_or_buy(words: &[&str]) -> bool {
    let own = words
        .windows(2)
        .any(|p| matches!(p[0], "our" | "my" | "their") && p[1] == "own")
        || words.iter().any(|w| matches!(*w, "inhouse" | "homegrown"))
        || words.windows(2).any(|p| p == ["in", "house"]);
    let bought = words.iter().any(|w| BOUGHT.contains(w))
        || words
            .windows(2)
            .any(|p| p == ["third", "party"] || p == ["off", "the"]);
    words.contains(&"or") && (own || bought) && (own || words.contains(&"build"))
}

/// Words of money: a preference asked about spending ("would you rather I
/// cut storage cost or bandwidth cost") asks what the budget favours,
/// which the sheet says, not how to build it. ("Or leave it out" was
/// tried as a scope question too: its "or" splits the question badly.)
const MONEY: &[&str] = &[
    "cost",
    "costs",
    "costly",
    "budget",
    "money",
    "spend",
    "spending",
    "cheap",
    "cheaper",
    "cheapest",
    "expensive",
    "bill",
];

/// The parts a system is built from: a "should" question about one of them
/// asks how to build it.
const PARTS: &[&str] = &[
    "service",
    "microservice",
    "microservices",
    "monolith",
    "database",
    "databases",
    "db",
    "table",
    "tables",
    "cache",
    "caches",
    "caching",
    "queue",
    "queues",
    "broker",
    "index",
    "indexes",
    "indices",
    "shard",
    "shards",
    "sharding",
    "partition",
    "partitions",
    "cluster",
    "clusters",
    "replica",
    "replicas",
    "protocol",
    "websocket",
    "websockets",
    "polling",
    "gateway",
    "balancer",
    "schema",
    "nosql",
    "sql",
    "kafka",
    "redis",
    "s3",
];

/// How a question was read, for tuning and for curious users: each part's
/// terms and its three best facts with score and share explained.
pub fn explain(question: &str, facts: &[Fact]) -> String {
    let sheet = sheet(facts);
    let id = |i: usize| facts.get(i).map_or("?", |f| f.id.as_str());
    // The question as read and the reply said for each part, as
    // `understand` gives them.
    let (question, replies) = as_asked(&sheet, facts, question);
    let parts = parts_of(&sheet, &question);
    let terms = parts_terms(&sheet, &parts);
    let mut out = String::new();
    for (part, ts) in parts.iter().zip(terms) {
        let ranked = rank(&sheet, &ts);
        let shown: Vec<String> = ts
            .iter()
            .map(|t| {
                let w = sheet.weight(t).map_or("-".into(), |w| format!("{w:.1}"));
                let mark = match (t.head, !t.required.is_empty() || t.unit) {
                    (true, true) => "^!",
                    (true, false) => "^",
                    (false, true) => "!",
                    _ => "",
                };
                format!("{mark}{}[{}]={w}", t.text, t.keys.join(","))
            })
            .collect();
        out.push_str(&format!("{part:?}: {}\n", shown.join(" ")));
        let (all, content) = question_keys(&ts);
        for r in ranked.iter().take(3) {
            let f = sheet.facts.get(r.fact);
            let es: Vec<String> = f
                .map(|f| {
                    let complete = completeness(f, &all, &content);
                    let pairs = paired(f, &ts);
                    ts.iter()
                        .zip(pairs)
                        .map(|(t, p)| {
                            let e = explains(f, &complete, t).0;
                            format!("{:.2}", if p { e.max(PAIRED) } else { e })
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.push_str(&format!(
                "   {} {:.1} of {:.1} ({:.0}%){} [{}]\n",
                id(r.fact),
                r.score,
                r.total,
                100.0 * r.score / r.total.max(f64::EPSILON),
                if r.complete { "" } else { " incomplete" },
                es.join(" ")
            ));
        }
        let named = replies
            .iter()
            .find(|r| r.part == *part)
            .map_or("nothing: the frame's subject, lent to what follows", |r| {
                r.fact.map_or("your call", |f| f.id.as_str())
            });
        out.push_str(&format!("   -> {named}\n"));
    }
    out
}

/// The facts a question asks for, each once, in the order asked.
pub fn match_facts<'a>(question: &str, facts: &'a [Fact]) -> Vec<&'a Fact> {
    let mut out: Vec<&Fact> = Vec::new();
    for r in understand(question, facts) {
        if let Some(f) = r.fact {
            if !out.iter().any(|o| o.id == f.id) {
                out.push(f);
            }
        }
    }
    out
}

/// The best single fact for a question.
pub fn match_fact<'a>(question: &str, facts: &'a [Fact]) -> Option<&'a Fact> {
    match_facts(question, facts).into_iter().next()
}

#[cfg(test)]
mod tests;
