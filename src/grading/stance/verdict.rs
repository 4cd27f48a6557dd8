//! Verdicts passed on an option from outside its own clause: a lead-in that
//! turns down what follows ("One version I'd avoid: …"), and a sentence
//! that weighs the option just named ("It is tempting …, but then …"), and
//! an option set out with what it is good for and a "but" ("Auto-increment
//! ids: simple, but sequential").

use crate::grading::text::{Sentence, Token};

/// "One version I'd avoid: the handler loops over every follower", "What
/// doesn't work: …", "The classic mistake: …": a clause before a colon in
/// which the candidate turns something down. "To avoid
/// hot keys: we shard" states a purpose and turns nothing down.
pub(super) fn after_rejecting_lead(s: &Sentence, source: &str, at: usize) -> bool {
    let Some((here, colon, lead)) = lead_before_colon(s, at) else {
        return false;
    };
    // "What doesn't work: …", "The classic mistake: …".
    lead.windows(2).any(|p| {
        (matches!(p[0], "i'd" | "we'd" | "i" | "we" | "would")
            && matches!(p[1], "avoid" | "reject" | "rejected" | "skip" | "never"))
            || (matches!(p[0], "doesn't" | "don't" | "won't" | "wouldn't" | "didn't")
                && matches!(p[1], "work" | "scale" | "fly"))
    }) || lead
        .iter()
        .any(|w| matches!(*w, "mistake" | "mistakes" | "pitfall" | "pitfalls" | "trap"))
        || (in_list(s, source) && verdict_label(&lead) && {
            let (words, end) = labelled(s, source, colon);
            words <= 8 && here.pos < end
        })
}

/// The mention at `at`, the clause opened by the last colon before it, and
/// the words before that colon (the lead that may pass a verdict).
fn lead_before_colon(s: &Sentence, at: usize) -> Option<(&Token, usize, Vec<&str>)> {
    let here = s.tokens.get(at)?;
    let colon = (1..=usize::from(here.clause))
        .rev()
        .find(|&c| s.breaks.get(c) == Some(&':'))?;
    let lead = s
        .tokens
        .iter()
        .filter(|t| usize::from(t.clause) < colon)
        .map(|t| t.word.as_str())
        .collect();
    Some((here, colon, lead))
}

/// "**Rejected: a single global counter.**", "*Rejected: clients poll.*",
/// "1 rejected idea: use an auto-increment id …": a verdict label that opens
/// an emphasised title, or names what follows as a turned-down option. The
/// option is set out to be weighed, so it earns what a considered one does
/// and raises no red flag; the text after the stop is the candidate's own.
pub(super) fn titled_verdict(s: &Sentence, source: &str, at: usize) -> bool {
    let Some((here, colon, lead)) = lead_before_colon(s, at) else {
        return false;
    };
    verdict_label(&lead) && (emphasised(s, source) || names_rejected_option(&lead)) && {
        let (words, end) = labelled(s, source, colon);
        words <= 16 && here.pos < end
    }
}

/// A line that opens with emphasis, a title of its own ("**Rejected: a
/// single global counter.**", "*Rejected: clients poll.*"): the label and
/// the option it names end at the stop, so the option may run longer than
/// in a plain list entry.
fn emphasised(s: &Sentence, source: &str) -> bool {
    source
        .get(s.span.clone())
        .is_some_and(|raw| matches!(raw.trim_start().as_bytes().first(), Some(b'*' | b'_')))
}

/// "1 rejected idea: …", "2nd rejected option: …": the lead names what
/// follows as a turned-down option, so it cannot be the reason for one named
/// before.
fn names_rejected_option(lead: &[&str]) -> bool {
    lead.windows(2).any(|p| {
        p[0] == "rejected"
            && matches!(
                p[1],
                "idea"
                    | "ideas"
                    | "option"
                    | "options"
                    | "approach"
                    | "approaches"
                    | "design"
                    | "alternative"
            )
    })
}

/// A list item, however long its reason runs ("- Rejected: …" with prose
/// after the option still opens a bullet).
fn in_list(s: &Sentence, source: &str) -> bool {
    s.list_item
        || source
            .get(s.span.clone())
            .is_some_and(|raw| raw.trim_start().starts_with("- "))
}

/// The words a label names after its colon, up to the first full stop,
/// and where they end: in "Rejected: *ordering by client timestamps.* Phone
/// clocks drift; two phones disagree." the option is the four words before
/// the stop; the reason after it is the label's own, and what it names is
/// not turned down.
fn labelled(s: &Sentence, source: &str, colon: usize) -> (usize, usize) {
    let after: Vec<&Token> = s
        .tokens
        .iter()
        .filter(|t| usize::from(t.clause) >= colon)
        .collect();
    let raw = source.get(s.span.clone()).unwrap_or("");
    let stop = after.first().and_then(|first| {
        let rest = raw.get(first.pos..)?;
        let b = rest.as_bytes();
        (0..b.len().saturating_sub(1))
            .find(|&i| b[i] == b'.' && matches!(b[i + 1], b' ' | b'*' | b'_' | b'`'))
            .map(|i| first.pos + i)
    });
    let end = stop.unwrap_or(usize::MAX);
    (after.iter().filter(|t| t.pos < end).count(), end)
}

/// A short label that is itself the verdict: "- Rejected: ordering by
/// client timestamps", "- Ruled out: …", "- Not chosen: …". Only a list
/// item it opens, naming the option in a few words: "Rejected: a viral post
/// gets thousands of likes a second …" gives the reason for an option named
/// before, and "X? Rejected: video comes from edge caches" what is done
/// instead.
fn verdict_label(lead: &[&str]) -> bool {
    lead.len() <= 3
        && (lead.iter().any(|w| {
            matches!(
                *w,
                "rejected" | "discarded" | "dismissed" | "dropped" | "avoided" | "anti-pattern"
            )
        }) || lead.windows(2).any(|p| {
            matches!(
                (p[0], p[1]),
                ("ruled", "out") | ("not", "chosen") | ("turned", "down")
            )
        }))
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

/// Words that say what an option is good for ("simple, but …"); the
/// trade-off detector reads them too.
pub(crate) fn is_appeal(w: &str) -> bool {
    matches!(
        w,
        "simple"
            | "simpler"
            | "easy"
            | "easier"
            | "cheap"
            | "cheaper"
            | "fast"
            | "faster"
            | "tempting"
            | "convenient"
            | "collision-free"
            | "unique"
            | "short"
    )
}

/// "Auto-increment id in base62: simple, but the links become sequential",
/// "X is tempting because it's unique and short, but it's sequential": the
/// option is set out with what it is good for and then a "but". It is
/// weighed, not (yet) chosen, whatever the verdict that follows.
pub(super) fn weighed(s: &Sentence, at: usize) -> bool {
    let tokens = &s.tokens;
    let Some(but) = tokens[at + 1..].iter().position(|t| t.word == "but") else {
        return false;
    };
    let between = &tokens[at + 1..at + 1 + but];
    // The mention leads: nothing of the candidate's own before it in its
    // sentence ("We use X because it is simple, but …" chooses X). A lead
    // before a colon is a preface ("I went back and forth here: X is
    // simpler, but …").
    let here = usize::from(tokens[at].clause);
    let from = (1..=here)
        .rev()
        .find(|&c| s.breaks.get(c) == Some(&':'))
        .filter(|&c| {
            // "We went with: X, simple but …" is a choice, not a preface.
            let lead: Vec<&str> = tokens
                .iter()
                .filter(|t| usize::from(t.clause) < c)
                .map(|t| t.word.as_str())
                .collect();
            !lead.iter().any(|w| {
                matches!(
                    *w,
                    "chose"
                        | "chosen"
                        | "choose"
                        | "pick"
                        | "picked"
                        | "decision"
                        | "decided"
                        | "settled"
                        | "use"
                        | "using"
                )
            }) && !lead.windows(2).any(|p| p == ["went", "with"])
        })
        .unwrap_or(0);
    let leads = !tokens[..at].iter().any(|t| {
        usize::from(t.clause) >= from
            && matches!(
                t.word.as_str(),
                "we" | "i" | "we'll" | "i'll" | "use" | "uses"
            )
    });
    leads && between.len() <= 14 && between.iter().any(|t| is_appeal(&t.word))
}
