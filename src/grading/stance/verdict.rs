//! Verdicts passed on an option from outside its own clause: a lead-in that
//! turns down what follows ("One version I'd avoid: …"), and a sentence
//! that weighs the option just named ("It is tempting …, but then …").

use crate::grading::text::{Sentence, Token};

/// "One version I'd avoid: the handler loops over every follower": a clause
/// before a colon in which the candidate turns something down. "To avoid
/// hot keys: we shard" states a purpose and turns nothing down.
pub(super) fn after_rejecting_lead(s: &Sentence, at: usize) -> bool {
    let tokens = &s.tokens;
    let Some(here) = tokens.get(at) else {
        return false;
    };
    // The clause opened by the last colon before the mention.
    let Some(colon) = (1..=usize::from(here.clause))
        .rev()
        .find(|&c| s.breaks.get(c) == Some(&':'))
    else {
        return false;
    };
    let lead: Vec<&str> = tokens
        .iter()
        .filter(|t| usize::from(t.clause) < colon)
        .map(|t| t.word.as_str())
        .collect();
    lead.windows(2).any(|p| {
        matches!(p[0], "i'd" | "we'd" | "i" | "we" | "would")
            && matches!(p[1], "avoid" | "reject" | "rejected" | "skip" | "never")
    })
}

/// "It is tempting because auth is easy there, but then the servers become
/// bandwidth machines": a sentence that opens by weighing the option just
/// named speaks of that option, not of the design.
pub(super) fn weighs_previous(tokens: &[Token]) -> bool {
    let first: Vec<&str> = tokens.iter().take(3).map(|t| t.word.as_str()).collect();
    matches!(
        first.first(),
        Some(&("it" | "that" | "this" | "it's" | "that's"))
    ) && first.iter().any(|w| matches!(*w, "tempting" | "naive"))
        && tokens.iter().any(|t| t.word == "but")
}
