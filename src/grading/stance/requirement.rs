//! Negative words that state a goal, not a denial: "messages must not be
//! lost", "don't waste bandwidth", "shouldn't add noticeable delay", "codes
//! not predictable", "rate-limit rebuilds to avoid a thundering herd" are
//! requirements; "No editing in v1" and "Assume no login" draw the scope.
//! Each names what the design must prevent or leave out, so it covers that
//! point, and it adopts no approach.

use super::absolute::is_hedge;
use crate::grading::text::Token;

/// Words of a harm a requirement forbids: loss, waste, delay, guessing,
/// duplicates. A negation that governs one states a goal.
fn is_harm(w: &str) -> bool {
    matches!(
        w,
        "lost"
            | "lose"
            | "loses"
            | "losing"
            | "loss"
            | "drain"
            | "drains"
            | "waste"
            | "wastes"
            | "wasted"
            | "wasting"
            | "delay"
            | "delays"
            | "delayed"
            | "lag"
            | "stall"
            | "stalls"
            | "stale"
            | "guess"
            | "guessed"
            | "guessable"
            | "predictable"
            | "enumerable"
            | "enumerated"
            | "leak"
            | "leaks"
            | "leaked"
            | "exposed"
            | "corrupt"
            | "corrupted"
            | "duplicate"
            | "duplicated"
            | "duplicates"
            | "twice"
            | "collide"
            | "clash"
            | "overwritten"
            | "reassigned"
            | "draining"
    )
}

/// Words that deny what follows them closely.
fn is_negator(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "no"
            | "never"
            | "don't"
            | "dont"
            | "doesn't"
            | "won't"
            | "wont"
            | "isn't"
            | "aren't"
            | "shouldn't"
            | "mustn't"
            | "can't"
            | "cannot"
            | "cant"
            | "without"
    )
}

/// Words before "never" that make it a claim about the design ("S3 will
/// never lose data", "we can never lose a byte"), not a requirement
/// ("files must never be lost", "a posted tweet is never lost").
fn is_claim_modal(w: &str) -> bool {
    matches!(w, "can" | "could" | "will" | "would" | "we'll" | "it'll")
}

/// A negation closely before the mention (or at it) that governs a harm:
/// "must not be lost", "don't waste bandwidth", "shouldn't be easy to
/// guess". The harm sits at most four words after the negation, and the
/// mention at most two words before or after it, so "don't waste time on
/// monitoring" still denies monitoring. "never" after "can" or "will" is a
/// claim ("we can never lose a byte"), not a requirement; after "must" or
/// "should" it is one whatever follows.
fn forbids_harm(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    let from = at.saturating_sub(4);
    for j in (from..=at).rev() {
        let t = &tokens[j];
        if t.clause != clause {
            break;
        }
        let w = t.word.as_str();
        if !is_negator(w) {
            continue;
        }
        if w == "never" {
            let before = |n: usize| j.checked_sub(n).map(|p| tokens[p].word.as_str());
            if before(1).is_some_and(is_claim_modal) {
                return false;
            }
            // "Playback almost never fails": a target with room in it.
            if before(1).is_some_and(is_hedge) {
                return true;
            }
            // "Never fail the whole page": parts may fail, the whole must
            // not; a goal of graceful degradation.
            if tokens[j + 1..(j + 5).min(tokens.len())]
                .iter()
                .any(|t| t.clause == clause && matches!(t.word.as_str(), "whole" | "entire"))
            {
                return true;
            }
            // "a viewer should almost never see the spinning wheel": what
            // must never happen is the goal, whatever it is.
            if [before(1), before(2)]
                .iter()
                .any(|w| matches!(w, Some("must" | "should" | "shall")))
            {
                return true;
            }
        }
        let end = (j + 4).min(tokens.len() - 1);
        return (j + 1..=end).any(|k| {
            tokens[k].clause == clause && is_harm(&tokens[k].word) && at + 2 >= k && at <= k + 2
        });
    }
    false
}

/// "Rate-limit rebuilds to avoid a thundering herd", "which prevents hot
/// rows": the mention is a problem the design prevents. A bare "avoid X"
/// ("we avoid a global counter") turns an approach down and is left to the
/// rejection rules.
fn averted(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    let from = at.saturating_sub(4);
    (from..at).rev().any(|j| {
        let w = tokens[j].word.as_str();
        let prev = j.checked_sub(1).map(|p| tokens[p].word.as_str());
        tokens[j..=at].iter().all(|t| t.clause == clause)
            && (matches!(w, "prevent" | "prevents" | "preventing" | "avoids")
                || (w == "avoid" && matches!(prev, Some("to" | "which" | "that" | "this"))))
    })
}

/// True when the mention is stated as a requirement: a harm forbidden or a
/// problem prevented.
pub(super) fn required(tokens: &[Token], at: usize) -> bool {
    at < tokens.len() && (forbids_harm(tokens, at) || averted(tokens, at))
}

/// Words that mark a clause as drawing the scope of the design.
fn is_scope_marker(w: &str, next: Option<&str>) -> bool {
    matches!(w, "v1" | "mvp" | "scope" | "non-goal" | "launch")
        || (w == "first" && matches!(next, Some("version" | "release" | "phase")))
        || (w == "version" && next == Some("1"))
}

/// "No editing in v1", "Assume no login", "we won't support comments": a
/// feature left out on purpose. The statement is the scope topic itself,
/// not a denial of it.
pub(super) fn scoped(tokens: &[Token], at: usize) -> bool {
    let Some(here) = tokens.get(at) else {
        return false;
    };
    let word = |i: usize| tokens.get(i).map(|t| t.word.as_str());
    let in_clause = |i: &usize| tokens[*i].clause == here.clause;
    // The clause's tokens: the ones around `at` with its clause number.
    let start = (0..at).rev().take_while(in_clause).last().unwrap_or(at);
    let end = (at..tokens.len())
        .take_while(in_clause)
        .last()
        .unwrap_or(at);
    let mut marked = false;
    for (i, t) in tokens.iter().enumerate().take(end + 1).skip(start) {
        let w = t.word.as_str();
        marked |= is_scope_marker(w, word(i + 1));
        if i >= at {
            continue;
        }
        // "assume no X", "assuming no X": the candidate settles a question.
        if w.starts_with("assum") && word(i + 1) == Some("no") {
            return true;
        }
        // "we won't support X", "no support for X".
        if matches!(w, "not" | "won't" | "don't" | "no")
            && matches!(word(i + 1), Some("support" | "supporting" | "supported"))
        {
            return true;
        }
    }
    marked && negated_close(tokens, at)
}

/// A denial just before the mention in its clause.
fn negated_close(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    (at.saturating_sub(4)..at).any(|j| tokens[j].clause == clause && is_negator(&tokens[j].word))
}
