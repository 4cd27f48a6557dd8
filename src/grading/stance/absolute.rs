//! Absolute claims: "100% uptime", "zero latency", "unlimited throughput",
//! "never any data loss".

use crate::grading::text::Sentence;

/// Nouns an absolute claim is made about.
fn is_target_noun(w: &str) -> bool {
    matches!(
        w,
        "uptime"
            | "availability"
            | "available"
            | "durability"
            | "durable"
            | "reliable"
            | "reliability"
            | "consistent"
            | "consistency"
            | "accurate"
            | "accuracy"
            | "latency"
            | "downtime"
            | "lag"
            | "delay"
            | "throughput"
            | "scale"
            | "scalability"
            | "scalable"
            | "storage"
            | "capacity"
            | "bandwidth"
    )
}

/// An unrealistic absolute in the clause of `at`: "100% uptime", "zero
/// latency", "unlimited throughput", "never any data loss", "never goes
/// down". Zero-downtime deploys and "never lost once acknowledged" are
/// real targets, not absolutes.
pub fn absolute_clause(s: &Sentence, source: &str, clause: u16) -> bool {
    absolute_kind(s, source, clause).is_some()
}

/// What an absolute claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absolute {
    /// A target no system meets: 100% uptime, zero latency, unlimited scale.
    Target,
    /// A promise that nothing fails or is lost: "never goes down".
    NoFailure,
}

/// A word that leaves room in a "never": "almost never down".
pub(super) fn is_hedge(w: &str) -> bool {
    matches!(
        w,
        "almost" | "nearly" | "practically" | "hardly" | "rarely" | "virtually"
    )
}

/// The kind of absolute claim in a clause, if any.
pub fn absolute_kind(s: &Sentence, source: &str, clause: u16) -> Option<Absolute> {
    let words: Vec<&str> = s
        .tokens
        .iter()
        .filter(|t| t.clause == clause)
        .map(|t| t.word.as_str())
        .collect();
    let raw = source.get(s.span.clone()).unwrap_or("");
    let hundred = raw.contains("100%") || raw.contains("100 %");
    let qualified = s.tokens.iter().any(|t| {
        matches!(
            t.word.as_str(),
            "once"
                | "acknowledged"
                | "acked"
                | "committed"
                | "deploy"
                | "deploys"
                | "deployment"
                | "deployments"
                | "migration"
                | "upgrade"
                | "upgrades"
                | "release"
                | "releases"
                | "rollout"
        )
    });
    for (i, w) in words.iter().enumerate() {
        let near = |n: usize| words[i + 1..(i + 1 + n).min(words.len())].iter();
        let before = |n: usize| words[i.saturating_sub(n)..i].iter();
        if *w == "100"
            && hundred
            && (near(3).any(|n| is_target_noun(n) || *n == "time")
                || before(3).any(|n| is_target_noun(n)))
        {
            return Some(Absolute::Target);
        }
        if matches!(*w, "zero" | "0" | "no")
            && near(2).any(|n| matches!(*n, "latency" | "downtime" | "lag" | "delay"))
            && !qualified
        {
            return Some(Absolute::Target);
        }
        if matches!(*w, "zero" | "no")
            && words.get(i + 1) == Some(&"data")
            && words.get(i + 2) == Some(&"loss")
            && !qualified
        {
            return Some(Absolute::NoFailure);
        }
        if matches!(*w, "unlimited" | "infinite" | "infinitely" | "limitless")
            && (near(3).any(|n| is_target_noun(n) || n.starts_with("scal"))
                || before(2).any(|n| n.starts_with("scal")))
        {
            return Some(Absolute::Target);
        }
        // "Files must never be lost" is the durability requirement every
        // storage design starts from; "S3 will never lose data" is a claim.
        let obliged = i > 0 && matches!(words[i - 1], "must" | "should" | "shall");
        // "Almost never down" is a target with room in it.
        let hedged = i > 0 && is_hedge(words[i - 1]);
        // "Never fail the whole page" asks that parts fail alone.
        let partial = near(3).any(|n| matches!(*n, "whole" | "entire"));
        // "The home page must never fail to load" ranks what matters most
        // when something breaks; "it will never fail" is the claim.
        let priority =
            obliged && words.get(i + 1) == Some(&"fail") && words.get(i + 2) == Some(&"to");
        if *w == "never"
            && !qualified
            && !hedged
            && !partial
            && !priority
            && (near(2).any(|n| matches!(*n, "down" | "fails" | "fail" | "crashes"))
                || (!obliged
                    && (near(3).any(|n| *n == "loss")
                        || (near(1).any(|n| matches!(*n, "lose" | "loses" | "lost"))
                            && near(3).any(|n| matches!(*n, "data" | "anything" | "any"))))))
        {
            return Some(Absolute::NoFailure);
        }
        // "Almost always works" leaves room, like "almost never down".
        if *w == "always" && !hedged && near(1).any(|n| *n == "works") {
            return Some(Absolute::NoFailure);
        }
    }
    None
}
