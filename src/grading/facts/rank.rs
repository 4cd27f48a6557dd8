//! Ranking the facts for one part of a question, and deciding whether the
//! best is sure enough to be said.

use super::groups::{KINDS, SCOPE};
use super::sheet::{Indexed, Sheet};
use super::terms::Term;
use super::words::is_general_stem;
use crate::grading::fx::FxSet;

/// Least evidence for naming a fact.
const MIN_SCORE: f64 = 1.5;
/// Least share of the question's weight the fact must explain: a question
/// that is mostly about something no fact mentions gets "your call".
const MIN_COVERAGE: f64 = 0.66;
/// The share a reading made up from a list must explain.
const STRICT_COVERAGE: f64 = 0.75;
/// How much more the question's subject (its first term that is not a way
/// of asking) weighs.
const FOCUS: f64 = 2.0;
/// A runner-up this close to the best makes the answer a guess.
const AMBIGUOUS: f64 = 0.9;
/// Evidence strong enough to name a fact that explains less of the
/// question (which has words of its own, "are we launching in one city, one
/// country, or globally"), when no rival comes near.
const STRONG: f64 = 8.0;
const STRONG_COVERAGE: f64 = 0.55;
const CLEAR: f64 = 0.6;
/// How much a term counts when it is only part of a longer phrase of the
/// fact whose other words the question lacks ("concurrent drivers" for
/// "concurrent trips").
const PARTIAL: f64 = 0.6;
/// How much a term counts when only the fact's answer holds it.
const WEAK: f64 = 0.5;
/// How much a term counts when the fact meets it only through a lexicon
/// group or concept, not through the word itself.
const NEAR: f64 = 0.8;
/// How much a word the sheet knows but the fact does not explain counts
/// against it: it is often the problem's context ("links", "users").
const MISS_KNOWN: f64 = 0.5;
/// How much of its closeness a phrase loses that meets none of a term's
/// groups and concepts.
const GROUPS_SHARE: f64 = 0.25;

/// Whether a key is a lexicon group or concept rather than a word's stem.
fn is_group(k: &str) -> bool {
    k.starts_with(['@', '#'])
}

/// Which of the fact's phrases the question says in full: each of a
/// phrase's terms met. A term of several words that says what the fact is
/// about can only be met by what the question is about, not by its way of
/// asking ("how fast" does not complete "real time editing"; it does
/// complete "delivery speed").
pub(super) fn completeness(f: &Indexed, all: &FxSet<String>, content: &FxSet<String>) -> Vec<bool> {
    // A fact that shares no key with the question says none of its phrases.
    if !all.iter().any(|k| f.strong.contains(k)) {
        return vec![false; f.phrases.len()];
    }
    f.phrases
        .iter()
        .map(|ph| {
            ph.iter().all(|pt| {
                pt.meets(if pt.head || pt.words == 1 {
                    all
                } else {
                    content
                })
            })
        })
        .collect()
}

/// How much of a term the fact explains: 1 through a phrase whose every
/// term the question holds, `PARTIAL` through part of a longer phrase,
/// `WEAK` through its answer only; `NEAR` times that when only a lexicon
/// group or concept is shared, not the word. A term of several words
/// ("read to write ratio") is explained by a phrase in the share of its
/// words the phrase holds, unless they share its group or concept.
pub(super) fn explains(f: &Indexed, complete: &[bool], t: &Term) -> (f64, bool) {
    let stems = t.keys.iter().filter(|k| !is_group(k)).count();
    let groups = t.keys.iter().filter(|k| is_group(k)).count();
    let closeness = |has: &dyn Fn(&String) -> bool| -> f64 {
        let (mut group, mut shared, mut met) = (0.0f64, 0usize, 0usize);
        for k in t.keys.iter().filter(|k| has(k)) {
            if is_group(k) {
                // A way of asking is only ever a group: meeting it is exact.
                group = group.max(if t.head { 1.0 } else { NEAR });
                met += 1;
            } else {
                shared += 1;
            }
        }
        // A phrase that meets more of the term's readings ("expiration
        // date" is an expiry and a concept shared with retention; "viewed
        // more than" is a ratio, not only a view) is closer.
        let readings = if !t.head && groups > 0 {
            1.0 - GROUPS_SHARE * (1.0 - met as f64 / groups as f64)
        } else {
            1.0
        };
        let share = if stems == 0 {
            0.0
        } else {
            shared as f64 / stems as f64
        };
        group.max(share) * readings
    };
    let mut best: f64 = 0.0;
    // Most terms share no key with most facts' phrases.
    let shared = t.keys.iter().any(|k| f.strong.contains(k));
    for (ph, whole) in f.phrases.iter().zip(complete).filter(|_| shared) {
        let c = closeness(&|k| ph.iter().any(|pt| pt.keys.contains(k)));
        best = best.max(c * if *whole { 1.0 } else { PARTIAL });
    }
    if best > 0.0 {
        return (best, true);
    }
    (WEAK * closeness(&|k| f.weak.contains(k)), false)
}

/// The keys of a question's terms: all of them, and those of what it is
/// about (not its ways of asking).
pub(super) fn question_keys(ts: &[Term]) -> (FxSet<String>, FxSet<String>) {
    let all = ts.iter().flat_map(|t| t.keys.iter().cloned()).collect();
    let content = ts
        .iter()
        .filter(|t| !t.head)
        .flat_map(|t| t.keys.iter().cloned())
        .collect();
    (all, content)
}

/// The ways of asking for a quantity.
pub(super) const QUANTITIES: &[&str] = &[
    "@count", "@size", "@max", "@average", "@peak", "@limit", "@often",
];

/// The ways of asking for how much of a thing there is: what follows is
/// what is measured ("how many files", "average paste size").
const MEASURES: &[&str] = &["@count", "@size", "@max", "@average"];

/// Kinds of requirement whose "how much" asks how much of it is borne
/// ("how much downtime is tolerable", "how much lag").
const TOLERANCES: &[&str] = &["@available", "@durable", "@fresh", "@speed", "@stall"];

/// The group of the ways of asking what happens in a case.
const SCENARIO: &str = "@scenario";

/// The group of things happening at the same moment.
const CONCURRENT: &str = "@concurrent";

/// Whether the fact states how many of the things a question counts happen
/// at once: a phrase with both ("concurrent drivers" for "how many drivers
/// are online at the same time"). How many users are online at once is
/// rarely what a sheet of daily figures gives, and "concurrent drivers"
/// does not say how many trips run at once.
fn states_concurrent(f: &Indexed, ts: &[Term]) -> bool {
    // The thing counted: the first that is not an everyday word.
    // The thing counted: the first that is not an everyday word, or the
    // one after it when the first only qualifies it ("simultaneous online
    // drivers").
    let things: Vec<&String> = ts
        .iter()
        .filter(|t| !t.head && !t.keys.iter().any(|k| k == CONCURRENT))
        .filter(|t| !t.everyday())
        .take(2)
        .flat_map(|t| t.keys.iter().filter(|k| !is_group(k)))
        .collect();
    // People are counted by any word for them ("people watching at the
    // same time": "concurrent viewers").
    let people = things.iter().any(|k| is_person(k));
    f.phrases.iter().any(|ph| {
        let keys = || ph.iter().flat_map(|pt| pt.keys.iter());
        keys().any(|k| k == CONCURRENT)
            && keys().any(|k| things.contains(&k) || people && is_person(k))
    })
}

/// How much a term counts when the fact's answer says it next to another
/// word of the question ("followers seeing slightly different timelines"
/// for "can followers see different timelines").
pub(super) const PAIRED: f64 = 0.8;
/// Most words between two that are said together.
const NEAR_BY: usize = 2;

/// Which of the question's terms the fact's answer says close to another
/// of them, as the question does.
pub(super) fn paired(f: &Indexed, ts: &[Term]) -> Vec<bool> {
    let mut out = vec![false; ts.len()];
    // The question's words that name something, with their places.
    // Terms of one word: a phrase's other words would not be said.
    let named: Vec<usize> = (0..ts.len())
        .filter(|&i| {
            let t = &ts[i];
            !t.head
                && !t.echo
                && !t.everyday()
                && t.keys.iter().filter(|k| !is_group(k)).count() == 1
        })
        .collect();
    let at = |t: &Term| -> Vec<usize> {
        let ss: Vec<&String> = t.keys.iter().filter(|k| !is_group(k)).collect();
        f.said
            .iter()
            .enumerate()
            .filter(|(_, ks)| ks.iter().any(|k| ss.contains(&k)))
            .map(|(p, _)| p)
            .collect()
    };
    let places: Vec<Vec<usize>> = named.iter().map(|&i| at(&ts[i])).collect();
    for a in 0..named.len() {
        for b in a + 1..named.len().min(a + 1 + NEAR_BY) {
            let close = places[a].iter().any(|p| {
                places[b]
                    .iter()
                    .any(|q| p != q && p.abs_diff(*q) <= NEAR_BY)
            });
            if close {
                out[named[a]] = true;
                out[named[b]] = true;
            }
        }
    }
    out
}

/// Whether the fact's answer gives a number of the thing counted: a
/// number just before one of its words ("about 20 tweets per page", "at
/// most 256 members").
fn counts(f: &Indexed, counted: Option<&Term>) -> bool {
    let Some(t) = counted else {
        return false;
    };
    let stems: Vec<&String> = t.keys.iter().filter(|k| !is_group(k)).collect();
    // People counted are counted by any word for them ("how many people in
    // a group": "at most 256 members").
    let people = stems.iter().any(|k| is_person(k));
    let number = |ks: &Vec<String>| ks.iter().any(|k| k.bytes().all(|b| b.is_ascii_digit()));
    f.said.iter().enumerate().any(|(p, ks)| {
        number(ks)
            && f.said[p + 1..].iter().take(2).any(|next| {
                next.iter()
                    .any(|k| stems.contains(&k) || people && is_person(k))
            })
    })
}

/// How a fact ranks for one part of a question.
#[derive(Debug, Clone)]
pub(super) struct Ranked {
    /// Position of the fact in the problem's list.
    pub fact: usize,
    pub score: f64,
    /// The weight of what the fact leaves unexplained, with the score.
    pub total: f64,
    /// It explains every term the question requires.
    pub complete: bool,
    /// How much it explains each of the weighing terms, with the term's
    /// weight.
    pub explained: Vec<(f64, f64)>,
    /// It explains the question's subject through one of its phrases.
    pub on_subject: bool,
    /// It explains nothing of the heaviest word that names what the
    /// question is about.
    pub misses_heaviest: bool,
    /// The score and total over the part's own terms, without those
    /// carried from the part before.
    pub own: (f64, f64),
}

/// Words for a rate of requests ("read QPS at peak").
const RATES: &[&str] = &["qps", "rps", "tps", "throughput"];

/// Whether the term at `i` comes just before a device ("cheap phones"): it
/// says what kind of device, not what something costs.
fn before_device(ts: &[Term], i: usize) -> bool {
    ts.get(i + 1)
        .is_some_and(|n| n.keys.iter().any(|k| k == "@device"))
}

/// Ranks the facts for the terms of one part.
pub(super) fn rank(sheet: &Sheet, ts: &[Term]) -> Vec<Ranked> {
    let (all, content) = question_keys(ts);
    let mut heads: FxSet<&String> = FxSet::default();
    // The subject is named by a word that is not an everyday one ("send",
    // "launch" say how it is asked), nor the people who use the system
    // ("can users set a password").
    // "What happens if ..." says how the question is put; what it asks
    // about is the case that follows.
    let scenario = |t: &Term| t.keys.iter().any(|k| k == SCENARIO);
    let subject = ts
        .iter()
        .position(|t| !t.head && !t.echo && !t.plain() && !scenario(t));
    // A case the sheet speaks of: every word naming it must be explained
    // ("what happens if a CDN node fails" is not answered by a fact about
    // the CDN's cost).
    let case = ts.iter().any(scenario);
    // A question that only asks what is in or out of scope ("Which
    // features?", "Out of scope?") is about the scope: its words weigh
    // fully and suffice. "How big?" alone says too little.
    let only_heads = ts.iter().any(|t| t.head)
        && ts
            .iter()
            .filter(|t| !t.everyday())
            .all(|t| t.head && t.keys.iter().any(|k| SCOPE.contains(&k.as_str())));
    let weighted: Vec<(&Term, f64, bool, bool)> = ts
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.head || t.keys.iter().any(|k| heads.insert(k)))
        .filter_map(|(i, t)| {
            let w = if only_heads {
                sheet.full_weight(t)?
            } else {
                sheet.weight(t)?
            };
            let focus = subject == Some(i);
            Some((t, if focus { w * FOCUS } else { w }, sheet.knows(t), focus))
        })
        .collect();
    // "Per car" names the unit of a quantity only when one is asked for
    // ("how many messages per user", not "one rider per car").
    let quantity = ts
        .iter()
        .any(|t| t.head && t.keys.iter().any(|k| QUANTITIES.contains(&k.as_str())));
    // A question that is about a quantity ("how many tweets are deleted a
    // day"), not one that mentions one ("does it matter how much battery").
    let asks_quantity = ts
        .iter()
        .any(|t| t.head && t.lead && t.keys.iter().any(|k| QUANTITIES.contains(&k.as_str())));
    // What a quantity is asked of ("how much growth", "how many files"):
    // a fact that does not explain it does not give that quantity.
    let counted_term: Option<&Term> = ts
        .iter()
        .position(|t| t.head && t.keys.iter().any(|k| MEASURES.contains(&k.as_str())))
        .and_then(|i| {
            ts[i + 1..].iter().find(|t| {
                !t.head && !t.everyday() && !t.keys.iter().any(|k| QUANTITIES.contains(&k.as_str()))
            })
        });
    // "How much downtime", "how much lag": the tolerance of a kind of
    // requirement, not a quantity of things.
    let tolerance =
        counted_term.is_some_and(|t| t.keys.iter().any(|k| TOLERANCES.contains(&k.as_str())));
    let asks_quantity = asks_quantity && !tolerance;
    let counted_term = counted_term.filter(|_| !tolerance);
    let counted: Option<&str> = counted_term.map(|t| t.text.as_str());
    // "The biggest cost", "the maximum downtime": the most of a kind of
    // requirement is that requirement, which its fact states.
    let most_of_kind: Option<usize> = ts
        .iter()
        .position(|t| t.head && t.keys.iter().any(|k| k == "@max"))
        .filter(|&i| {
            ts.get(i + 1)
                .is_some_and(|n| !n.head && n.keys.iter().any(|k| KINDS.contains(&k.as_str())))
        });
    let named = ts.iter().any(|t| !t.head && !t.plain());
    // The unit of the quantity asked, in one of its words. A size is of
    // the thing named ("how big is each message"), not per a unit.
    let size = ts
        .iter()
        .any(|t| t.keys.iter().any(|k| k == "@size" || k == "@big"));
    let units: Vec<&String> = if quantity && !size {
        ts.iter()
            .filter(|t| t.unit)
            .flat_map(|t| t.keys.iter().filter(|k| !is_group(k)))
            .collect()
    } else {
        Vec::new()
    };
    // "How many at once?" asks for a quantity at a moment.
    let concurrent = ts
        .iter()
        .any(|t| t.head && t.keys.iter().any(|k| k == "@count"))
        && ts
            .iter()
            .any(|t| !t.head && t.keys.iter().any(|k| k == CONCURRENT));
    // "How many redirects per second at peak": a rate asked at its peak
    // is answered by the fact that gives the rate (peak figures are
    // derived from it), though it may not say "peak".
    let rate = ts.iter().any(|t| {
        t.keys.iter().any(|k| k == "@count") && t.keys.iter().any(|k| k == "@often")
            || t.words == 1 && RATES.contains(&t.text.as_str())
    });
    let costs = ts.iter().any(|t| t.keys.iter().any(|k| k == "@cost"));
    let timed = ts
        .iter()
        .any(|t| !t.head && t.keys.iter().any(|k| k == "@speed"));
    let places = ts
        .iter()
        .any(|t| !t.head && t.keys.iter().any(|k| k == "@geo"));
    // The heaviest word naming what is asked about, when it is a kind of
    // requirement: a fact that says nothing of it answers another question
    // ("is there a limit on how many accounts a user can follow" is not
    // answered by how many they do follow).
    let heaviest = weighted
        .iter()
        .enumerate()
        .filter(|(_, (t, ..))| !t.head)
        .fold(None, |m: Option<(usize, f64)>, (j, (_, w, ..))| match m {
            Some((_, mw)) if mw >= *w => m,
            _ => Some((j, *w)),
        })
        .map(|(j, _)| j)
        .filter(|&j| {
            let t = weighted[j].0;
            let device = ts
                .iter()
                .position(|x| std::ptr::eq(x, t))
                .is_some_and(|i| before_device(ts, i));
            t.keys
                .iter()
                .any(|k| KINDS.contains(&k.as_str()) && !(device && k == "@cost"))
        });
    let mut ranked: Vec<Ranked> = sheet
        .facts
        .iter()
        .map(|f| {
            let complete = completeness(f, &all, &content);
            let (mut score, mut total, mut all) = (0.0, 0.0, true);
            let (mut strong, mut subject, mut asked) = (false, true, false);
            let (mut explained, mut on_subject) = (Vec::with_capacity(weighted.len()), false);
            let mut own = (0.0, 0.0);
            let pairs = paired(f, ts);
            for (t, w, known, focus) in &weighted {
                let (e, phrase) = explains(f, &complete, t);
                let i = ts.iter().position(|x| std::ptr::eq(x, *t)).unwrap_or(0);
                let e = if pairs.get(i).copied().unwrap_or(false) {
                    e.max(PAIRED)
                } else {
                    e
                };
                explained.push((e, *w));
                on_subject |= *focus && phrase && e >= PARTIAL;
                asked |= t.head && phrase && e >= 1.0;
                subject &= counted != Some(t.text.as_str()) || e >= 0.5;
                strong |= (only_heads || !t.head) && phrase;
                let missed = w * (e + (1.0 - e) * if *known { MISS_KNOWN } else { 1.0 });
                score += w * e;
                total += missed;
                if !t.echo {
                    own = (own.0 + w * e, own.1 + missed);
                }

                // A quantity of something else is a wrong figure: every
                // word that names what is measured ("how many tweets are
                // deleted a day") must be explained.
                let names = !(t.head
                    || t.echo
                    || t.plain()
                    || scenario(t)
                    || sheet.is_context(t)
                    || t.keys.iter().any(|k| QUANTITIES.contains(&k.as_str()))
                    || t.words == 1 && t.keys.iter().any(|k| is_general_stem(k))
                    // "Are we ok storing", "when scrolling": how it is put.
                    || t.words == 1 && t.text.ends_with("ing"));
                all &= !((asks_quantity || case) && names && e == 0.0);
                // A kind of requirement asked ("how long do we keep ...",
                // "is it encrypted") is answered only by a fact that says
                // something of that kind: a fact about the same thing that
                // does not is a wrong answer.
                let mut kinds = t.keys.iter().filter(|k| KINDS.contains(&k.as_str()));
                let kind = kinds.clone().next().is_some();
                all &= t.head
                    || t.echo
                    || !kind
                    || kinds.any(|k| {
                        let has = |k: &str| f.strong.contains(k) || f.weak.contains(k);
                        // A cap is a limit.
                        has(k)
                            || k == "@limit" && has("@max")
                            || k == "@peak" && rate
                            // "A budget cap", "a cost ceiling": the
                            // budget asked, which its fact states.
                            || k == "@limit" && costs
                            // "Launching in many countries at once": the
                            // places asked, all at one time, not how many
                            // things happen together.
                            || k == CONCURRENT && places && !concurrent
                            // "Latency-wise, what budget do we have": a
                            // budget of time, not of money.
                            || k == "@cost" && timed && t.text == "budget"
                            // "Cheap phones": what kind of device, not
                            // what it costs us.
                            || k == "@cost" && before_device(ts, i)
                    });
                // A fact states a latency or a maximum where it says what
                // it is about, not in passing; a number of things is stated
                // by its answer too ("about 20 tweets per page").
                all &= t.required.is_empty()
                    || most_of_kind == Some(i)
                    || t.required.iter().any(|k| f.strong.contains(k))
                    // A cap its answer states ("capped at 10 MB").
                    || t.required.iter().any(|k| k == "@max") && f.weak.contains("@max")
                    // An interval its answer states ("every 4 seconds").
                    || t.required.iter().any(|k| k == "@often") && f.weak.contains("@often")
                    || t.required.iter().any(|k| k == "@count") && counts(f, counted_term);
            }
            all &= !concurrent || states_concurrent(f, ts);
            // The same unit in so many words: "per account" is not "per
            // user" when a plan is shared.
            // A person is a user ("messages each person sends" is "per user");
            // an account is not.
            all &= units.is_empty()
                || units.iter().any(|k| {
                    f.units.contains(*k) || is_person(k) && f.units.iter().any(|u| is_person(u))
                });
            let misses_heaviest = heaviest.is_some_and(|j| explained[j].0 == 0.0);
            Ranked {
                fact: f.fact,
                score,
                total,
                // A question that names only people ("are the users mostly
                // in the US") needs its way of asking met too ("how many
                // users").
                complete: all && strong && subject && (named || asked),
                explained,
                on_subject,
                misses_heaviest,
                own,
            }
        })
        .filter(|r| r.score > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    ranked
}

/// Stems that name one person who uses the system.
fn is_person(stem: &str) -> bool {
    matches!(stem, "user" | "person" | "peopl" | "individu" | "member")
        || ["viewer", "subscrib", "customer"]
            .iter()
            .any(|p| stem.starts_with(p))
}

/// The share of the question a fact must explain to win a near-tie.
const TIE_COVERAGE: f64 = 0.85;
/// Least weight of the word a near-tie is won on: a common word ("users",
/// "posting") does not tell two readings apart.
const TIE_WORD: f64 = 1.5;

/// Whether the best fact wins over its close rivals as the better answer
/// to the same ask: all say the question in full and about its subject,
/// and the best explains every word at least as well as each rival and
/// one telling word better ("is 500 ms OK for posting a tweet": the
/// posting latency explains posting, how soon followers see it does not).
/// Both would
/// answer; the better is said. A rival that explains some word better
/// reads the question otherwise, and an even tie is a guess.
fn better_of_same(best: &Ranked, ranked: &[Ranked]) -> bool {
    let mut close = ranked
        .iter()
        .filter(|r| r.complete && r.fact != best.fact)
        .take_while(|r| r.score >= best.score * AMBIGUOUS);
    best.on_subject
        && best.score >= best.total * TIE_COVERAGE
        && close.all(|r| {
            let pairs = || best.explained.iter().zip(&r.explained);
            r.on_subject
                && pairs().all(|(b, o)| b.0 >= o.0)
                && pairs().any(|(b, o)| b.0 > o.0 && b.1 >= TIE_WORD)
        })
}

/// The fact a ranking names with confidence.
pub(super) fn decide(ranked: &[Ranked]) -> Option<usize> {
    decide_with(ranked, false)
}

/// The fact a ranking names with confidence; `strict` for a reading made
/// up from a question ("Do we need collections" of "folders or
/// collections"), which must explain more of itself and may not lean on
/// strong evidence alone.
pub(super) fn decide_with(ranked: &[Ranked], strict: bool) -> Option<usize> {
    // A fact that lacks what the question requires is no candidate, not
    // even a rival.
    let mut able = ranked.iter().filter(|r| r.complete);
    let best = able.next()?;
    if best.misses_heaviest {
        return None;
    }
    let runner = able.next().map_or(0.0, |r| r.score);
    let covered = |share: f64| best.score >= best.total * share;
    let least = if strict {
        STRICT_COVERAGE
    } else {
        MIN_COVERAGE
    };
    let sure = best.score >= MIN_SCORE
        && covered(least)
        && (runner < best.score * AMBIGUOUS || !strict && better_of_same(best, ranked))
        || !strict
            && best.score >= STRONG
            && covered(STRONG_COVERAGE)
            && runner <= best.score * CLEAR;
    sure.then_some(best.fact)
}

/// The fact a part with terms carried from the part before names: as
/// `decide`, when it also explains as much of the part's own words as a
/// reading made up from a list must. The carried words help choose among
/// facts; they do not make up for what the part itself asks ("…, and do
/// we need resumable uploads for those" is not answered by the features
/// fact on the strength of the files carried over).
pub(super) fn decide_carried(ranked: &[Ranked]) -> Option<usize> {
    let fact = decide(ranked)?;
    let best = ranked.iter().find(|r| r.fact == fact)?;
    (best.own.0 >= best.own.1 * STRICT_COVERAGE).then_some(fact)
}

/// The least share of a user story told for confirmation that its fact
/// must explain: most of its words tell the flow ("I open the app and see
/// posts"); what is to be confirmed is the requirement it names ("newest
/// first", "right away"), which only a fact that says it in full answers.
const STORY_COVERAGE: f64 = 0.33;

/// The fact a user story told for confirmation names: as `decide`, or the
/// one fact that says all it requires when no rival comes near.
pub(super) fn decide_story(ranked: &[Ranked]) -> Option<usize> {
    decide(ranked).or_else(|| {
        let mut able = ranked.iter().filter(|r| r.complete);
        let best = able.next()?;
        let runner = able.next().map_or(0.0, |r| r.score);
        let sure = !best.misses_heaviest
            && best.score >= MIN_SCORE
            && best.score >= best.total * STORY_COVERAGE
            && runner < best.score * AMBIGUOUS;
        sure.then_some(best.fact)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranked(misses_heaviest: bool) -> Ranked {
        Ranked {
            fact: 0,
            score: 6.6,
            total: 9.6,
            complete: true,
            explained: vec![(0.0, 3.0), (1.0, 2.6)],
            on_subject: true,
            misses_heaviest,
            own: (6.6, 8.0),
        }
    }

    #[test]
    fn a_carried_reading_must_explain_the_parts_own_words() {
        // The whole reading is sure, but the part's own words are mostly
        // unexplained: the carried words chose the fact.
        let mut r = ranked(false);
        assert_eq!(decide_carried(&[r.clone()]), Some(0));
        r.own = (1.0, 4.0);
        assert_eq!(decide(&[r.clone()]), Some(0));
        assert_eq!(decide_carried(&[r]), None);
    }

    #[test]
    fn a_fact_silent_on_the_kind_asked_is_not_said() {
        // "Is there a limit on how many accounts a user can follow": the
        // fact on how many they follow says nothing of a limit.
        assert_eq!(decide(&[ranked(false)]), Some(0));
        assert_eq!(decide(&[ranked(true)]), None);
    }
}
