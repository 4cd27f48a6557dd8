//! Stance rules, one case each.

use super::*;
use crate::grading::text::sentences;

/// Stance of the first token whose word is `word`.
fn of(text: &str, word: &str) -> Stance {
    let s = sentences(text);
    for (si, sent) in s.iter().enumerate() {
        if let Some(at) = sent.tokens.iter().position(|t| t.word == word) {
            return stance_at(&s, text, si, at);
        }
    }
    panic!("{word} not in {text}");
}

#[test]
fn adopted_by_default() {
    assert_eq!(
        of("We shard the table by user id.", "shard"),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "We add a cache because otherwise the database would melt.",
            "cache"
        ),
        Stance::Adopted
    );
    assert_eq!(of("Codes can never collide.", "collide"), Stance::Adopted);
}

#[test]
fn rejections_are_read() {
    assert_eq!(
        of("We hash the URL instead of a global counter.", "counter"),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "A full table scan is far too slow at this size, so we index by cell.",
            "scan"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Keeping sessions in server memory would drop them when a server dies.",
            "sessions"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "This is much faster than checking every driver.",
            "checking"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Option 1 is plain polling. It would waste battery.",
            "polling"
        ),
        Stance::Rejected
    );
    assert_eq!(of("One option is polling.", "polling"), Stance::Considered);
    assert_eq!(
        of("Immutable content you can cache forever.", "cache"),
        Stance::Considered
    );
    assert_eq!(of("We can cache it forever.", "cache"), Stance::Adopted);
    assert_eq!(
        of("Simple last-write-wins would destroy edits.", "wins"),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Having every device poll would mean a lot of traffic.",
            "poll"
        ),
        Stance::Considered
    );
    assert_eq!(
        of(
            "If the node dies, we would fail over to a replica.",
            "replica"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of("It's tempting to write each ping to the database.", "ping"),
        Stance::Considered
    );
    assert_eq!(
        of(
            "**Doing the fanout synchronously.** I don't want that.",
            "synchronously"
        ),
        Stance::Considered
    );
    assert_eq!(
        of("**Fan-out.** We fan out synchronously.", "synchronously"),
        Stance::Adopted
    );
    assert_eq!(
        of("- **Polling every 5 s.** More on it below.", "polling"),
        Stance::Considered
    );
}

#[test]
fn negation_uncertainty_and_absolutes() {
    assert_eq!(
        of("Monitoring isn't necessary.", "monitoring"),
        Stance::Negated
    );
    assert_eq!(of("We don't need a cache.", "cache"), Stance::Negated);
    assert_eq!(of("Surge pricing: I don't know.", "surge"), Stance::Unsure);
    assert_eq!(
        of("The system has 100% uptime.", "uptime"),
        Stance::Absolute
    );
    assert_eq!(
        of("Zero latency for every read.", "latency"),
        Stance::Absolute
    );
    assert_eq!(
        of("It offers unlimited throughput.", "throughput"),
        Stance::Absolute
    );
    assert_eq!(
        of("There is never any data loss.", "data"),
        Stance::Absolute
    );
    assert_eq!(
        of(
            "Availability 99.99%, with zero-downtime deploys.",
            "availability"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of("Once acknowledged, a message is never lost.", "message"),
        Stance::Adopted
    );
    assert_eq!(of("How many users are there?", "users"), Stance::Asked);
}
