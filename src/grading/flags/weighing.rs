//! Trade-offs said in plain words, with no "trade-off" or "downside" in
//! them: a good and its opposite set side by side ("fast reads, slow
//! writes"), a choice said to cost something ("more renditions cost
//! storage"), a cost accepted ("a minute stale is fine", "no joins, but we
//! don't need any"), a duty a choice brings ("…, but the profile page then
//! has to gather from many shards") or a concern about the choice, hedged
//! ("it might be a lot of writes").

use super::cues::is_cost_word;
use crate::grading::text::Sentence;
use crate::grading::StepDoc;

/// Pairs of opposite qualities; one of each side in a sentence sets a gain
/// against its price.
const OPPOSITES: &[(&[&str], &[&str])] = &[
    (&["fast", "faster", "quick", "quicker"], &["slow", "slower"]),
    (
        &["cheap", "cheaper"],
        &["expensive", "costly", "pricier", "costlier"],
    ),
    (
        &["simple", "simpler", "easy", "easier"],
        &["complex", "harder", "complicated"],
    ),
    (&["fresh", "fresher"], &["stale"]),
];

/// True when a sentence names a good and its opposite: "fan-out on write =
/// fast reads, slow writes", "cheap to store, expensive to scan".
fn sets_opposites(s: &Sentence) -> bool {
    let has = |ws: &[&str]| s.tokens.iter().any(|t| ws.contains(&t.word.as_str()));
    OPPOSITES.iter().any(|(a, b)| has(a) && has(b))
}

/// Words that say more or less of something, before "cost" as a verb.
fn is_amount(w: &str) -> bool {
    matches!(
        w,
        "more"
            | "fewer"
            | "less"
            | "extra"
            | "bigger"
            | "larger"
            | "smaller"
            | "longer"
            | "shorter"
    )
}

/// True when "cost" is the verb of a choice: "more renditions cost encode
/// time", "fewer cost viewers quality", "that would cost us consistency".
/// Not a price ("would cost $5", "costs 20 dollars") nor the noun ("the
/// cost of storage" is read elsewhere).
fn costs_as_verb(s: &Sentence) -> bool {
    let t = &s.tokens;
    t.iter().enumerate().any(|(i, c)| {
        c.word == "cost"
            && t.get(i + 1)
                .is_some_and(|n| !n.numeric && n.clause == c.clause)
            && t[..i]
                .iter()
                .rev()
                .take(4)
                .take_while(|p| p.clause == c.clause)
                .any(|p| {
                    is_amount(&p.word)
                        || matches!(
                            p.word.as_str(),
                            "would" | "will" | "could" | "might" | "may"
                        )
                })
    })
}

/// Words that accept what they follow.
fn is_acceptance(w: &str) -> bool {
    matches!(w, "fine" | "acceptable" | "tolerable" | "okay" | "ok")
}

/// True when a sentence accepts a cost it names: "a resume point a minute
/// stale is fine", "a few seconds of delay are acceptable", or turns a
/// loss aside with a need it does not have: "no joins, but we don't need
/// any". The cost comes first in the clause that accepts it, and no
/// condition puts it off: "the database should be fine, and if it gets
/// slow we add indexes" accepts nothing.
fn accepts_cost(s: &Sentence) -> bool {
    let t = &s.tokens;
    let costed = t.iter().enumerate().any(|(i, a)| {
        is_acceptance(&a.word) && {
            let clause: Vec<_> = t[..i].iter().filter(|c| c.clause == a.clause).collect();
            clause.iter().any(|c| is_cost_word(&c.word))
                && !clause.iter().any(|c| is_condition(&c.word))
        }
    });
    let unneeded = t.iter().enumerate().any(|(i, b)| {
        b.word == "but"
            && t[i + 1..].windows(2).take(4).any(|w| {
                matches!(w[0].word.as_str(), "don't" | "dont" | "doesn't" | "doesnt")
                    && matches!(w[1].word.as_str(), "need" | "matter")
            })
    });
    costed || unneeded
}

/// Words that put what follows off to a condition.
fn is_condition(w: &str) -> bool {
    matches!(w, "if" | "when" | "once" | "whenever" | "unless")
}

/// True when the clause after "but" says what the choice then obliges:
/// "spreads writes evenly, but a user's page then has to gather tweets
/// from many shards".
fn but_obliges(s: &Sentence) -> bool {
    let t = &s.tokens;
    t.iter().enumerate().any(|(i, b)| {
        b.word == "but"
            && t[i + 1..]
                .windows(2)
                .take(8)
                .take_while(|w| w[1].clause == b.clause)
                .any(|w| {
                    matches!(w[0].word.as_str(), "has" | "have" | "needs" | "need")
                        && w[1].word == "to"
                })
    })
}

/// What a hedged concern says a choice may turn out to be.
fn is_concern(w: &str) -> bool {
    matches!(
        w,
        "lot" | "too" | "expensive" | "costly" | "slow" | "heavy" | "bottleneck" | "hotspot"
    )
}

/// True when a sentence hedges a concern about a part of the design it
/// points back to: "it might be a lot of writes", "this could be a
/// bottleneck" ("be" and "a" are not tokens, so the concern follows the
/// modal). "There could be a lot of users" sizes the problem, and "when
/// someone follows many people it might be slow" only puts a case off.
fn hedged_concern(s: &Sentence) -> bool {
    let t = &s.tokens;
    t.iter().enumerate().any(|(i, m)| {
        matches!(m.word.as_str(), "might" | "may" | "could")
            && i > 0
            && matches!(t[i - 1].word.as_str(), "it" | "this" | "that" | "which")
            && t.get(i + 1).is_some_and(|c| is_concern(&c.word))
            && !t[..i]
                .iter()
                .any(|c| c.clause == m.clause && is_condition(&c.word))
    })
}

/// True when a sentence of the answer weighs a choice in plain words.
pub(super) fn weighs_in_plain_words(docs: &[StepDoc]) -> bool {
    docs.iter().flat_map(|d| &d.sentences).any(|s| {
        !s.question
            && (sets_opposites(s)
                || costs_as_verb(s)
                || accepts_cost(s)
                || but_obliges(s)
                || hedged_concern(s))
    })
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::grading::{grade, parse_answer, Extras};

    /// Whether a deep dive graded alone is flagged with no trade-off.
    fn none_named(problem: &str, deep_dive: &str) -> bool {
        let catalog = Catalog::embedded().expect("built-in data");
        let text = format!("## Deep Dive\n\n{deep_dive}\n");
        let g = grade(&catalog, problem, &parse_answer(&text), &Extras::default()).expect("graded");
        g.flags.red.iter().any(|h| h.id == "no_trade_offs")
    }

    const PLAIN: &str = "Writes go to one primary and a worker copies each post to followers.";

    #[test]
    fn the_plain_design_names_no_trade_off() {
        assert!(none_named("twitter", PLAIN));
    }

    #[test]
    fn a_good_and_its_opposite_side_by_side_weigh_a_choice() {
        for said in [
            "Fan-out on write = fast reads, slow and expensive writes.",
            "Copies are cheap to keep and costly to rebuild.",
            "Simple to run, harder to shard.",
        ] {
            assert!(!none_named("twitter", &format!("{PLAIN} {said}")), "{said}");
        }
        assert!(none_named("twitter", &format!("{PLAIN} The feed is fast.")));
    }

    #[test]
    fn cost_said_as_the_verb_of_a_choice_weighs_it() {
        for said in [
            "More renditions cost encode time and storage; fewer cost viewers quality.",
            "A second region would cost us a few seconds of lag on writes.",
        ] {
            assert!(!none_named("netflix", &format!("{PLAIN} {said}")), "{said}");
        }
        let price = "The edge boxes would cost 5000 dollars each.";
        assert!(none_named("netflix", &format!("{PLAIN} {price}")));
    }

    #[test]
    fn a_cost_accepted_or_a_loss_not_needed_is_weighed() {
        for said in [
            "A resume point a minute stale on another device is fine.",
            "Cassandra means no joins, but we don't need any for a lookup by code.",
            "A few seconds of delay is acceptable here.",
        ] {
            assert!(!none_named("netflix", &format!("{PLAIN} {said}")), "{said}");
        }
        for accepts_nothing in [
            "Last write wins is fine.",
            "The database should be fine, and if it gets slow we can add indexes.",
        ] {
            assert!(
                none_named("netflix", &format!("{PLAIN} {accepts_nothing}")),
                "{accepts_nothing}"
            );
        }
    }

    #[test]
    fn what_a_choice_then_obliges_is_its_price() {
        let said = "Sharding by tweet id spreads writes evenly, but a user's profile page \
                    then has to gather tweets from many shards.";
        assert!(!none_named("twitter", &format!("{PLAIN} {said}")));
        let unrelated = "We shard by tweet id. The service has to be fast.";
        assert!(none_named("twitter", &format!("{PLAIN} {unrelated}")));
    }

    #[test]
    fn a_hedged_concern_about_the_design_weighs_it() {
        for said in [
            "It might be a lot of writes. We could add read replicas.",
            "This could be a bottleneck at peak.",
        ] {
            assert!(!none_named("netflix", &format!("{PLAIN} {said}")), "{said}");
        }
        for not_a_concern in [
            "We could add read replicas.",
            "There could be a lot of users.",
            "When someone follows many people it might be slow.",
        ] {
            assert!(
                none_named("netflix", &format!("{PLAIN} {not_a_concern}")),
                "{not_a_concern}"
            );
        }
    }
}
