//! Topic credit: how much a mention earns depends on how it is stated.

use super::text::Sentence;

/// Credit for a topic stated with a reason.
pub const CREDIT_REASONED: f64 = 1.0;
/// Credit for a topic mentioned in prose without a reason.
pub const CREDIT_PROSE: f64 = 0.6;
/// Credit for a bare mention in a list.
pub const CREDIT_LISTED: f64 = 0.35;

/// Single words that introduce a reason, a consequence or a condition.
const REASON_WORDS: &[&str] = &[
    "because",
    "since",
    "so",
    "therefore",
    "thus",
    "hence",
    "otherwise",
    "means",
    "meaning",
    "tradeoff",
    "tradeoffs",
    "cost",
    "costs",
    "downside",
    "upside",
    "drawback",
    "benefit",
    "prevent",
    "prevents",
    "ensure",
    "ensures",
    "reduce",
    "reduces",
    "avoid",
    "avoids",
    "allows",
    "lets",
    "enables",
    "versus",
    "vs",
    "unless",
    "if",
    "when",
    "risk",
];

/// Verbs that make "to VERB" a stated purpose ("a queue to absorb spikes").
const PURPOSE_VERBS: &[&str] = &[
    "reduce",
    "avoid",
    "keep",
    "handle",
    "serve",
    "spread",
    "absorb",
    "make",
    "prevent",
    "protect",
    "survive",
    "scale",
    "support",
    "speed",
    "lower",
    "cut",
    "limit",
    "ensure",
    "guarantee",
    "allow",
    "offload",
    "isolate",
    "smooth",
    "decouple",
    "recover",
    "detect",
    "balance",
    "distribute",
    "minimize",
    "improve",
];

/// True when the sentence gives a reason: because, so that, trade-off,
/// instead of, at the cost of, to avoid ..., or a number.
pub fn has_reason(s: &Sentence) -> bool {
    let t = &s.tokens;
    t.iter().enumerate().any(|(i, tok)| {
        let w = tok.word.as_str();
        let next = t.get(i + 1).map(|n| n.word.as_str());
        tok.numeric
            || w.chars().any(|c| c.is_ascii_digit())
            || REASON_WORDS.contains(&w)
            || (w == "trade" && next == Some("off"))
            || (w == "trade" && next == Some("offs"))
            || (w == "instead" && next == Some("of"))
            || (w == "rather" && next == Some("than"))
            || (w == "which" && matches!(next, Some("means") | Some("keeps") | Some("gives")))
            || (w == "to" && next.is_some_and(|n| PURPOSE_VERBS.contains(&n)))
    }) || failure_then_answer(s)
}

/// True when a word (with the one after it) says a part stops working:
/// "dies", "crashes", "goes down" ("is" is not a token: "is down" reads
/// "down" after the part's name).
fn names_failure(w: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    matches!(
        w,
        "dies" | "die" | "died" | "fails" | "fail" | "failed" | "crashes" | "crash" | "crashed"
    ) || (w == "down"
        && next.is_none()
        && !matches!(prev, Some("slow" | "slows" | "scale" | "scales" | "shut")))
        || (matches!(w, "goes" | "go" | "went") && next == Some("down"))
}

/// True when a clause names a failure and the clause after its colon says
/// what happens then: "A cache node dies: reads go to the database" states
/// the handling as plainly as "if a cache node dies, reads go to …".
fn failure_then_answer(s: &Sentence) -> bool {
    let t = &s.tokens;
    (1..s.breaks.len()).any(|k| {
        if s.breaks[k] != ':' {
            return false;
        }
        let before: Vec<&str> = t
            .iter()
            .filter(|x| usize::from(x.clause) + 1 == k)
            .map(|x| x.word.as_str())
            .collect();
        let after = t.iter().filter(|x| usize::from(x.clause) == k).count();
        after >= 2
            && (0..before.len()).any(|i| {
                let prev = i.checked_sub(1).map(|j| before[j]);
                names_failure(before[i], prev, before.get(i + 1).copied())
            })
    })
}

/// True when the sentence is a bare list entry: a short bullet, or a run of
/// comma-separated names.
pub fn is_listy(s: &Sentence) -> bool {
    let words = s.len();
    (s.list_item && words <= 8) || (s.separators >= 3 && words <= (s.separators + 1) * 3)
}

/// Words that let the next sentence carry this one's reason ("This keeps...").
fn continues(s: &Sentence) -> bool {
    !s.list_item
        && s.tokens.first().is_some_and(|t| {
            matches!(
                t.word.as_str(),
                "this" | "that" | "it" | "so" | "which" | "because" | "otherwise"
            )
        })
}

/// Credit earned by a mention in sentence `i`.
/// Most list items a lead-in line carries.
const LEAD_IN_REACH: usize = 12;

/// The line a list item hangs from, when it ends with a colon ("To keep
/// redirects fast we add:"): the items below share its reason.
fn lead_in(sentences: &[Sentence], i: usize) -> Option<&Sentence> {
    if !sentences.get(i)?.list_item {
        return None;
    }
    let from = i.saturating_sub(LEAD_IN_REACH);
    let j = (from..i).rev().find(|&j| !sentences[j].list_item)?;
    if !sentences[j + 1..i].iter().all(|s| s.list_item) {
        return None;
    }
    let s = &sentences[j];
    let last_clause = s.tokens.last().map_or(0, |t| usize::from(t.clause));
    (s.breaks.last() == Some(&':') && s.breaks.len() > last_clause + 1).then_some(s)
}

pub fn credit(sentences: &[Sentence], i: usize) -> f64 {
    let Some(s) = sentences.get(i) else {
        return 0.0;
    };
    // Asking is what a clarifying question is for: it needs no reason.
    if s.asks() {
        return CREDIT_REASONED;
    }
    let reasoned = has_reason(s)
        || sentences
            .get(i + 1)
            .is_some_and(|n| continues(n) && has_reason(n));
    // A bare item under a lead-in with a reason ("To keep redirects fast we
    // add:") is part of that reasoned unit, however short.
    let led = lead_in(sentences, i).is_some_and(has_reason);
    let reasoned = reasoned || led;
    if is_listy(s) && !(reasoned && (s.len() > 4 || led)) {
        CREDIT_LISTED
    } else if reasoned {
        CREDIT_REASONED
    } else {
        CREDIT_PROSE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::text::sentences;

    fn credits(text: &str) -> Vec<f64> {
        let s = sentences(text);
        (0..s.len()).map(|i| credit(&s, i)).collect()
    }

    #[test]
    fn reasons_earn_full_credit_and_lists_little() {
        assert_eq!(
            credits("We cache hot links in Redis because 80% of reads hit 20% of links."),
            [1.0]
        );
        assert_eq!(
            credits("We cache hot links in Redis near the servers."),
            [0.6]
        );
        assert_eq!(credits("- Redis cache"), [0.35]);
        assert_eq!(
            credits("To keep redirects fast because reads dominate, we add:\n- Redis cache\n"),
            [1.0, 1.0]
        );
        assert_eq!(credits("We add:\n- Redis cache\n"), [0.6, 0.35]);
        assert_eq!(
            credits("Redis, Kafka, Cassandra, Elasticsearch, Kubernetes"),
            [0.35]
        );
        assert_eq!(
            credits("We put a cache in front. This keeps p99 low."),
            [1.0, 1.0]
        );
        assert_eq!(credits("A queue to absorb spikes."), [1.0]);
    }

    #[test]
    fn a_failure_with_its_outcome_after_a_colon_is_reasoned() {
        assert_eq!(
            credits("A cache node dies: reads go to the database for a while."),
            [1.0]
        );
        assert_eq!(
            credits("The primary database goes down: its standby takes over."),
            [1.0]
        );
        assert_eq!(
            credits("- Region down: traffic moves to the other one"),
            [1.0]
        );
        // A colon alone, or a failure without what follows, is no reason.
        assert_eq!(
            credits("We keep a standby database: one in another zone."),
            [0.6]
        );
        assert_eq!(credits("The cache dies: ok."), [0.6]);
        assert_eq!(credits("Slow down: the cache fills up."), [0.6]);
    }
}
