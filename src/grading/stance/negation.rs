//! Negation and not knowing: "we don't need a cache", "monitoring isn't
//! necessary", "surge pricing: I don't know".

use crate::grading::text::{Sentence, Token};

/// Words that cancel a mention that follows them closely in the same clause.
/// "never" and "can't" are left out: "codes can never collide" and "links
/// can't be guessed" state properties, not rejected choices.
const NEGATORS: [&str; 14] = [
    "not",
    "without",
    "won't",
    "wont",
    "don't",
    "dont",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wouldn't",
    "shouldn't",
    "nor",
    "neither",
];

/// Most words a denial reaches back over when an "or" list runs between:
/// "we don't shard, cache or queue the uploads of old devices".
const LISTED_REACH: usize = 9;

/// True when a word closely before `at`, in the same clause, negates it.
pub fn negated(tokens: &[Token], at: usize) -> bool {
    let Some(here) = tokens.get(at) else {
        return false;
    };
    let from = at.saturating_sub(LISTED_REACH);
    for j in (from..at).rev() {
        let t = &tokens[j];
        if t.clause != here.clause {
            break;
        }
        let w = t.word.as_str();
        // Past five words only a denial that runs over a list reaches:
        // "didn't ask about analytics depth or abuse".
        if at - j > 5 {
            let listed = tokens[j + 1..at]
                .iter()
                .any(|c| matches!(c.word.as_str(), "or" | "nor"));
            if listed && NEGATORS.contains(&w) && w != "without" {
                return true;
            }
            continue;
        }
        if w == "not" && reduced_relative(tokens, j) && at - j > 2 {
            // "photos not viewed for a year move to cheaper storage": the
            // "not" belongs to the participle, not to what follows it.
            continue;
        }
        if NEGATORS.contains(&w) {
            return true;
        }
        // "so we never sort by device time": the candidate's own never is
        // a choice refused, where "codes can never collide" is a property.
        // "Never an UPDATE per click: …" opens the sentence with a refusal.
        if w == "never" && j == 0 {
            return true;
        }
        if w == "never"
            && j.checked_sub(1).is_some_and(|p| {
                tokens[p].clause == here.clause
                    && matches!(tokens[p].word.as_str(), "we" | "i" | "we'll" | "i'll")
            })
        {
            return true;
        }
        if w == "no" && at - j <= 3 {
            return true;
        }
        if unnoticed(tokens, j) {
            return true;
        }
    }
    negated_after(tokens, at)
}

/// "No user can perceive global order", "nobody would notice": what no one
/// can tell apart is not needed. The verb sits before the mention and the
/// "no one" within four words before the verb.
fn unnoticed(tokens: &[Token], j: usize) -> bool {
    let verb = matches!(
        tokens[j].word.as_str(),
        "perceive" | "notice" | "tell" | "detect"
    );
    verb && tokens[j.saturating_sub(4)..j].iter().any(|t| {
        t.clause == tokens[j].clause && matches!(t.word.as_str(), "no" | "nobody" | "nobody's")
    })
}

/// Words after which "not" negates the verb of the clause: "is not",
/// "should not", "do not".
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "should"
            | "must"
            | "can"
            | "could"
            | "may"
            | "might"
            | "shall"
            | "has"
            | "have"
            | "had"
            | "need"
            | "needs"
            | "why"
            | "if"
    )
}

/// A "not" that opens a participle phrase after a noun ("photos not viewed
/// for a year"): it negates the participle only.
fn reduced_relative(tokens: &[Token], j: usize) -> bool {
    let Some(next) = tokens.get(j + 1) else {
        return false;
    };
    let prev_ok = j
        .checked_sub(1)
        .is_some_and(|p| !is_auxiliary(&tokens[p].word) && tokens[p].clause == tokens[j].clause);
    let participle = next.word.len() > 4 && next.word.ends_with("ed")
        || matches!(next.word.as_str(), "seen" | "read" | "written" | "shown");
    prev_ok && participle
}

/// "Monitoring isn't necessary", "a cache is not needed": the denial
/// follows the mention in its clause.
fn negated_after(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    let rest: Vec<&str> = tokens[at + 1..]
        .iter()
        .take_while(|t| t.clause == clause)
        .map(|t| t.word.as_str())
        .filter(|w| {
            !matches!(
                *w,
                "really" | "strictly" | "actually" | "that" | "so" | "even" | "very"
            )
        })
        .take(6)
        .collect();
    rest.windows(2).any(|w| {
        matches!(w[0], "not" | "isn't" | "aren't" | "never" | "neither")
            && matches!(
                w[1],
                "necessary" | "needed" | "required" | "important" | "worth" | "useful"
            )
    }) || rest
        .iter()
        .any(|w| matches!(*w, "unnecessary" | "unneeded"))
}

/// Words that say the candidate does not know.
fn unsure_clause(tokens: &[Token], clause: u16) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.clause == clause)
        .map(|t| t.word.as_str())
        .collect();
    words.windows(2).any(|p| {
        (matches!(p[0], "don't" | "dont" | "not") && matches!(p[1], "know" | "sure"))
            || (p[0] == "no" && matches!(p[1], "idea" | "clue"))
    }) || words.windows(3).any(|p| {
        p[0] == "do" && p[1] == "not" && p[2] == "know"
            || (matches!(p[0], "don't" | "dont") && p[1] == "really" && p[2] == "know")
    })
}

/// True when a clause opens with words of not knowing: "For celebrities,
/// I don't know, …", "…, but I don't know how that works".
fn opens_unsure(tokens: &[Token], clause: u16) -> bool {
    let mut opening = tokens
        .iter()
        .skip_while(|t| t.clause != clause)
        .take_while(|t| t.clause == clause)
        .take(5)
        .map(|t| t.word.as_str());
    let mut prev = opening.next();
    for w in opening {
        let unsure = matches!(
            (prev, w),
            (Some("don't" | "dont"), "know")
                | (Some("not"), "sure")
                | (Some("no"), "idea" | "clue")
        );
        if unsure {
            return true;
        }
        prev = Some(w);
    }
    false
}

/// True when the clause of `at` is unsure, or the clause right after it
/// opens unsure ("For big files, I don't know, maybe…"), or a label before
/// a colon whose answer is unsure ("Surge pricing: I don't know").
pub(super) fn unsure(s: &Sentence, at: usize) -> bool {
    let clause = s.tokens[at].clause;
    // The next clause with words: ", but" opens two, the first empty.
    let next = s.tokens[at..]
        .iter()
        .map(|t| t.clause)
        .find(|&c| c > clause)
        .unwrap_or(clause + 1);
    unsure_clause(&s.tokens, clause)
        || (s.breaks.get(usize::from(clause) + 1) == Some(&':')
            && unsure_clause(&s.tokens, clause + 1))
        || (s.breaks.get(usize::from(next)) != Some(&'(') && opens_unsure(&s.tokens, next))
}

/// Words of a lead that names what the answer left out: "Missed: …",
/// "Gaps I know about: …", "Not covered: …", "Left out: …".
fn names_gap(lead: &[&str]) -> bool {
    lead.iter().any(|w| {
        matches!(
            *w,
            "missed" | "gaps" | "gap" | "skipped" | "omitted" | "uncovered" | "unaddressed"
        )
    }) || lead.windows(2).any(|p| {
        matches!(
            (p[0], p[1]),
            ("not", "covered" | "addressed" | "handled" | "done")
                | ("left", "out")
                | ("didn't" | "didnt", "cover" | "address" | "handle")
        )
    })
}

/// Most words of a lead that names a gap: a label, not a sentence that
/// goes on after a colon.
const GAP_LEAD: usize = 6;

/// True when the mention follows a short lead before a colon that names
/// what the answer left out: "Missed: abuse and phishing; expiry cleanup"
/// lists gaps the candidate admits, not parts of the design.
pub(crate) fn admitted_gap(s: &Sentence, at: usize) -> bool {
    let Some(here) = s.tokens.get(at) else {
        return false;
    };
    let Some(colon) = (1..=usize::from(here.clause)).find(|&c| s.breaks.get(c) == Some(&':'))
    else {
        return false;
    };
    let lead: Vec<&str> = s
        .tokens
        .iter()
        .take_while(|t| usize::from(t.clause) < colon)
        .map(|t| t.word.as_str())
        .collect();
    !lead.is_empty() && lead.len() <= GAP_LEAD && names_gap(&lead)
}
