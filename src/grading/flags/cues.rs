//! What the framework-wide detectors look for in an answer's words: a
//! trade-off named, a failure handled, a figure worked out, a question or an
//! assumption before the design, a technology given a job.

use super::is_figure;
use crate::framework::StepId;
use crate::grading::stance::is_appeal;
use crate::grading::text::{Sentence, Token};
use crate::grading::StepDoc;

/// Words that name a cost or an alternative weighed against the choice.
pub(super) fn is_trade_off_word(w: &str, n: Option<&str>) -> bool {
    matches!(
        w,
        "tradeoff"
            | "tradeoffs"
            | "downside"
            | "downsides"
            | "versus"
            | "vs"
            | "drawback"
            | "drawbacks"
            | "cons"
            | "disadvantage"
            | "disadvantages"
            | "advantage"
            | "advantages"
            | "unlike"
            | "alternatively"
            | "alternative"
            | "alternatives"
            | "whereas"
            | "however"
            | "sacrifice"
            | "sacrificing"
            | "than"
            | "rejected"
            | "instead"
            | "expense"
            | "compromise"
            | "pros"
            | "traded"
            | "trading"
            // "Push buys read latency with RAM".
            | "buys"
    // "trade-off", "the right trade", "we trade freshness for speed".
    ) || w == "trade"
        // "in exchange for", "in return", "the catch is", "the price is",
        // "on the other hand", "worth the": plain words for a trade-off.
        || (w == "in" && matches!(n, Some("exchange" | "return")))
        || (w == "catch" && matches!(n, Some("that" | "here" | "we")))
        // Not "for the price we multiply distance by a rate".
        || (matches!(w, "price" | "penalty") && matches!(n, Some("that" | "here")))
        || (w == "other" && n == Some("hand"))
        || (w == "worth" && matches!(n, Some("it" | "the")))
        || (w == "give" && n == Some("up"))
        || (w == "rather" && n == Some("than"))
        // "the cost of", "the cost is that" ("is" is not a token).
        || (w == "cost" && matches!(n, Some("of" | "that" | "here")))
        || (w == "price" && n == Some("of"))
        || (w == "compared" && n == Some("to"))
        || (w == "other" && matches!(n, Some("option") | Some("approach") | Some("choice")))
        || (w == "we"
            && matches!(
                n,
                Some("lose") | Some("accept") | Some("give") | Some("pay")
            ))
        // "promote the replica (might lose a few seconds of writes)": a
        // cost the choice accepts, hedged.
        || (matches!(w, "might" | "may") && n == Some("lose"))
        || (w == "costs" && n.is_some_and(|n| !n.starts_with(|c: char| c.is_ascii_digit())))
        || (w == "but"
            && n.is_some_and(|n| {
                matches!(
                    n,
                    "costs" | "slower" | "more" | "less" | "harder" | "adds" | "add" | "needs" | "means"
                        | "then"
                )
            }))
}

/// True when a `#` heading names one of `names` and text follows it before
/// the next heading: "## Trade-offs, plainly" with its list. Headings are
/// not sentences, so their words are not read elsewhere.
pub(super) fn headed_section(docs: &[StepDoc], names: &[&str]) -> bool {
    docs.iter().any(|d| {
        let mut lines = d
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .peekable();
        while let Some(l) = lines.next() {
            // "## Failures" or a bold title on its own line ("**When
            // things break.**"): both head what follows.
            let titled =
                l.starts_with('#') || (l.len() > 4 && l.starts_with("**") && l.ends_with("**"));
            let named = titled && {
                let h = l.to_lowercase();
                names.iter().any(|n| h.contains(n))
            };
            if named && lines.peek().is_some_and(|n| !n.starts_with('#')) {
                return true;
            }
        }
        false
    })
}

/// Words that name what a choice costs, said after "but".
pub(super) fn is_cost_word(w: &str) -> bool {
    matches!(
        w,
        "harder"
            | "slow"
            | "slower"
            | "costlier"
            | "pricier"
            | "worse"
            | "heavier"
            | "heavy"
            | "costly"
            | "expensive"
            | "complex"
            | "lag"
            | "lags"
            | "stale"
            | "delay"
            | "extra"
            | "complexity"
            | "overhead"
    )
}

/// True when a sentence sets a gain against a cost with "but", the cost on
/// either side: "saves storage, but adding a second device is harder",
/// "locations can be a bit stale, but trip status must be exact".
pub(super) fn but_costs(docs: &[StepDoc]) -> bool {
    docs.iter().flat_map(|d| &d.sentences).any(|s| {
        s.tokens.iter().any(|t| t.word == "but") && s.tokens.iter().any(|n| is_cost_word(&n.word))
    })
}

/// What "too …" says a load is for a component ("too much for one
/// database", "too slow for the feed").
const BEYOND: &[&str] = &[
    "much",
    "slow",
    "many",
    "big",
    "large",
    "expensive",
    "costly",
    "heavy",
];

/// True when a sentence states, as a fact, the load at which a choice stops
/// working: "100k writes a second, which is too much for one database".
/// The option has been weighed against the need. "If it gets too slow we
/// buy a bigger server" only puts off the question, so a condition in the
/// clause ("if", "when", "once") does not count.
pub(super) fn names_limit(docs: &[StepDoc]) -> bool {
    docs.iter().flat_map(|d| &d.sentences).any(|s| {
        let t = &s.tokens;
        t.iter().enumerate().any(|(i, w)| {
            w.word == "too"
                && t.get(i + 1)
                    .is_some_and(|a| BEYOND.contains(&a.word.as_str()))
                && t[i + 2..]
                    .iter()
                    .take(2)
                    .any(|f| f.word == "for" && f.clause == w.clause)
                && !t[..i].iter().any(|c| {
                    c.clause == w.clause
                        && matches!(c.word.as_str(), "if" | "when" | "once" | "whenever")
                })
        })
    })
}

/// True when a sentence puts one good against another: "I choose speed
/// here over keeping every point", "we prefer availability over
/// consistency", or names what a choice is good for on either side of a
/// "but".
pub(super) fn prefers_over(docs: &[StepDoc]) -> bool {
    docs.iter().flat_map(|d| &d.sentences).any(|s| {
        let t = &s.tokens;
        let chooses = t.iter().enumerate().any(|(i, c)| {
            matches!(
                c.word.as_str(),
                "choose"
                    | "chose"
                    | "prefer"
                    | "prefers"
                    | "preferred"
                    | "favour"
                    | "favor"
                    | "favours"
                    | "favors"
                    | "prioritise"
                    | "prioritize"
            ) && t[i + 1..]
                .iter()
                .take(8)
                .take_while(|n| n.clause == c.clause)
                .any(|n| n.word == "over")
        });
        // "…, but it is simple" weighs the same way from the other side.
        let appeal_but = t.iter().position(|c| c.word == "but").is_some_and(|b| {
            t[..b].iter().rev().take(4).any(|c| is_appeal(&c.word))
                || t[b + 1..].iter().take(4).any(|c| is_appeal(&c.word))
        });
        chooses || appeal_but
    })
}

/// True when a word names a failure and its handling. A backup or a
/// timeout alone ("backups once a week", "increase the request timeout")
/// says nothing of what happens when a part dies.
pub(super) fn is_failure_word(w: &str, n: Option<&str>) -> bool {
    w.starts_with("fail")
        || w.starts_with("crash")
        || w.starts_with("outage")
        || matches!(w, "retry" | "retries" | "retried" | "retrying")
        || w.starts_with("redundan")
        || w.starts_with("fallback")
        || w.starts_with("replicat")
        || (matches!(w, "goes" | "go" | "went" | "is" | "are") && n == Some("down"))
        || (w == "takes" && n == Some("over"))
        // "devices fall back to asking once a minute", "survives losing
        // several disks", "two standby copies".
        || (matches!(w, "fall" | "falls" | "fell") && n == Some("back"))
        || w.starts_with("surviv")
        || w == "standby"
        || w == "dies"
        || w == "die"
}

/// True when the match at token `at` promises that something never
/// happens ("never loses data", "won't fail") as the outcome of a failure
/// the sentence names before it: "a lost push delays sync and never loses
/// data", "if a node dies we never lose a write" say how a failure is
/// handled, not that there are none. A safeguard ("replicated three times,
/// so we never lose data") names no failure and stays a boast.
pub(super) fn outcome_of_named_failure(s: &Sentence, at: usize) -> bool {
    let t = &s.tokens;
    let promises = t.get(at..at + 2).is_some_and(|m| {
        m.iter()
            .any(|x| matches!(x.word.as_str(), "never" | "won't" | "wont"))
    });
    promises
        && t[..at].iter().enumerate().any(|(i, x)| {
            let next = t.get(i + 1).map(|n| n.word.as_str());
            matches!(
                x.word.as_str(),
                "lost" | "dies" | "died" | "crashes" | "crashed" | "fails" | "failed" | "dropped"
            ) || (matches!(x.word.as_str(), "goes" | "went") && next == Some("down"))
        })
}

/// True when the match ends on "fail" followed by "to": "you never fail to
/// see your own post", "it won't fail to deliver" promise that something
/// always happens, not that nothing ever breaks.
pub(super) fn fail_to_idiom(s: &Sentence, at: usize, words: usize) -> bool {
    let last = at + words.saturating_sub(1);
    s.tokens
        .get(last)
        .is_some_and(|t| matches!(t.word.as_str(), "fail" | "fails"))
        && s.tokens.get(last + 1).is_some_and(|t| t.word == "to")
}

/// True when a sentence says what happens while a part is down: "If the
/// change-news service is down, devices still ask by themselves" ("is" is
/// not a token). "Scale down" or "slow down" names no outage.
pub(super) fn down_case(s: &Sentence) -> bool {
    let t = &s.tokens;
    t.iter().enumerate().any(|(i, d)| {
        d.word == "down"
            && i > 0
            && !matches!(
                t[i - 1].word.as_str(),
                "scale"
                    | "scales"
                    | "slow"
                    | "slows"
                    | "write"
                    | "break"
                    | "narrow"
                    | "cut"
                    | "shut"
                    | "step"
                    | "bring"
                    | "round"
                    | "tone"
                    | "wind"
                    | "trim"
                    | "count"
                    | "load"
                    | "sit"
                    | "settle"
                    | "back"
            )
            && t[i.saturating_sub(7)..i]
                .iter()
                .any(|c| c.clause == d.clause && matches!(c.word.as_str(), "if" | "when" | "while"))
    })
}

/// True when two quantities of a sentence, neither a rate, multiply to the
/// one right after them, within half again: "100M users with 5 GB each is
/// 500 PB" works a size out in words; "1M users with 1 GB each, so about
/// 1 TB" works out nothing.
fn works_a_product(text: &str) -> bool {
    let q = crate::estimation::parse_quantities(text);
    q.windows(3).any(|w| {
        let p = w[0].value * w[1].value;
        w[0].dim.time == 0
            && w[1].dim.time == 0
            && w[0].dim.times(w[1].dim) == Some(w[2].dim)
            && p > 0.0
            && w[2].value > 0.0
            && (p / w[2].value).max(w[2].value / p) <= 1.5
    })
}

/// True when a sentence draws a rate in words from what it states: "10M
/// rides a day and a ping every few seconds, so that's a couple hundred
/// thousand per second".
fn draws_a_rate(s: &Sentence) -> bool {
    let w: Vec<&str> = s.tokens.iter().map(|t| t.word.as_str()).collect();
    let drawn = w
        .iter()
        .any(|x| matches!(*x, "so" | "that's" | "thats" | "means" | "gives"));
    let unit = |x: Option<&&str>| {
        matches!(
            x.copied(),
            Some("second" | "sec" | "minute" | "hour" | "day")
        )
    };
    // "a" is not a token: "two thousand a second" reads "thousand second".
    drawn
        && w.iter().enumerate().any(|(i, x)| {
            let magnitude = matches!(
                *x,
                "hundred"
                    | "hundreds"
                    | "thousand"
                    | "thousands"
                    | "million"
                    | "millions"
                    | "billion"
            );
            magnitude
                && (unit(w.get(i + 1))
                    || (matches!(w.get(i + 1).copied(), Some("per" | "each" | "every"))
                        && unit(w.get(i + 2))))
        })
}

/// True when some sentence of the answer works a figure out in words.
pub(super) fn works_in_words(docs: &[StepDoc]) -> bool {
    docs.iter().any(|d| {
        d.sentences.iter().any(|s| {
            draws_a_rate(s)
                || d.text
                    .get(s.span.clone())
                    .is_some_and(|t| works_a_product(t) || works_an_expression(t))
        })
    })
}

/// True when a sentence sets figures against each other and says what
/// they give, the result in words: "200M hours × 3,600 s / 86,400 s gives
/// about eight million streams".
fn works_an_expression(text: &str) -> bool {
    let c: Vec<char> = text.chars().collect();
    // A figure within a word or two of `i`, stepping by `step`.
    let figure_near = |i: usize, step: isize| {
        let mut j = i as isize + step;
        let mut skipped = 0;
        while j >= 0 && (j as usize) < c.len() && skipped <= 8 {
            let ch = c[j as usize];
            if ch.is_ascii_digit() {
                return true;
            }
            if !(ch.is_alphabetic() || ch == ' ') {
                return false;
            }
            skipped += 1;
            j += step;
        }
        false
    };
    let operated = (1..c.len().saturating_sub(1))
        .any(|i| matches!(c[i], '×' | '*' | '÷') && figure_near(i, -1) && figure_near(i, 1));
    let lower = text.to_lowercase();
    operated
        && [
            "gives",
            "that's",
            "that is",
            "which is",
            "comes to",
            "works out",
            "≈",
            "=",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// A free-form answer that never asks, never states an assumption or its
/// scope, and gives no figure in its first third before it designs: it
/// jumped to a solution. Any one of those cues keeps the flag silent.
pub(super) fn jumps_in_free_form(d: &StepDoc) -> Option<(String, Option<StepId>)> {
    let sents = &d.sentences;
    let words: usize = sents.iter().map(|s| s.tokens.len()).sum();
    // In an answer written as a dialogue, the interviewer's lines are not
    // the candidate's questions.
    let interviewer = |s: &Sentence| {
        d.text
            .get(s.span.clone())
            .is_some_and(|t| t.trim_start().to_lowercase().starts_with("interviewer"))
    };
    let cue = |s: &Sentence| {
        !interviewer(s)
            && (s.asks()
                || s.tokens.iter().enumerate().any(|(i, t)| {
                    let w = t.word.as_str();
                    let next = s.tokens.get(i + 1).map(|n| n.word.as_str());
                    let prev = i.checked_sub(1).map(|p| s.tokens[p].word.as_str());
                    // "I'd ask about…", not "the app asks the server".
                    let candidate_asks = matches!(w, "ask" | "asked")
                        && matches!(
                            prev,
                            Some(
                                "i" | "we"
                                    | "i'd"
                                    | "we'd"
                                    | "i'll"
                                    | "we'll"
                                    | "would"
                                    | "to"
                                    | "first"
                            )
                        );
                    w.starts_with("assum")
                        || w.starts_with("clarif")
                        || w.starts_with("confirm")
                        || w.starts_with("requirement")
                        || matches!(w, "suppose" | "scope")
                        || candidate_asks
                        || (matches!(w, "let's" | "lets") && next == Some("say"))
                }))
    };
    let early = sents.len().div_ceil(3);
    let figure_early = sents[..early]
        .iter()
        .any(|s| s.tokens.iter().any(is_figure));
    // A "## Scope" or "## Assumptions" heading with its list states them;
    // `#` headings are not sentences.
    let headed = d.text.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with('#') && {
            let h = l.to_lowercase();
            [
                "scope",
                "requirement",
                "assum",
                "question",
                "clarif",
                "goals",
            ]
            .iter()
            .any(|w| h.contains(w))
        }
    });
    (words >= 30 && !figure_early && !headed && !sents.iter().any(cue)).then(|| {
        (
            "(no question, assumption or scope anywhere, and no figure before the design)"
                .to_string(),
            None,
        )
    })
}

/// Words that name a kind of component rather than a job in this design:
/// "Kafka for messaging" says what Kafka is, "Cassandra for bookmarks"
/// what it does here.
fn is_generic_job(w: &str) -> bool {
    matches!(
        w,
        "caching"
            | "cache"
            | "messaging"
            | "messages"
            | "queue"
            | "queues"
            | "queuing"
            | "queueing"
            | "storage"
            | "store"
            | "search"
            | "database"
            | "db"
            | "deployment"
            | "orchestration"
            | "streaming"
            | "logging"
            | "logs"
            | "monitoring"
            | "metrics"
            | "analytics"
            | "data"
            | "everything"
            | "events"
            | "scale"
            | "scaling"
            | "scalability"
            | "performance"
            | "speed"
            | "reliability"
            | "containers"
            | "microservices"
            | "backend"
            | "frontend"
            | "persistence"
            | "the"
            | "our"
            | "all"
    )
}

/// A technology given its job in this design next to its name: "Cassandra
/// for bookmarks", "MySQL only for billing", "EVCache in front of
/// everything", "uses Redis to keep each timeline", "a Kafka queue between
/// posting and fan-out", "stores users in PostgreSQL".
pub(super) fn has_job(tokens: &[Token], at: usize, after: usize) -> bool {
    let near: Vec<&str> = tokens
        .iter()
        .skip(after)
        .take(4)
        .map(|t| t.word.as_str())
        .collect();
    let stored_in = at
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| matches!(t.word.as_str(), "in" | "into"))
        && tokens[..at].iter().any(|t| {
            matches!(
                t.word.as_str(),
                "stores"
                    | "store"
                    | "stored"
                    | "keeps"
                    | "keep"
                    | "kept"
                    | "holds"
                    | "hold"
                    | "held"
                    | "writes"
                    | "written"
                    | "saves"
                    | "saved"
                    | "lives"
                    | "live"
            )
        });
    stored_in
        || near.windows(2).any(|w| match w {
            ["for" | "only" | "of" | "as", job] => {
                !is_generic_job(job) && !matches!(*job, "for" | "a" | "an")
            }
            // "uses Redis to keep…", "Kafka to the fan-out workers".
            ["to", _] => true,
            _ => false,
        })
        || near.iter().take(2).any(|w| *w == "between")
        || near.windows(3).any(|w| w == ["in", "front", "of"])
}
