//! Stance: how a clause stands towards what it names. "We shard by user"
//! adopts sharding; "instead of a global counter" and "a full table scan
//! would be far too slow" reject; "we don't need a cache" negates; "what is
//! the read/write ratio?" asks; "one option is polling" considers; "I don't
//! know how ranking works" is unsure; "100% uptime" is an absolute claim;
//! "messages must not be lost" is a requirement; "No editing in v1" draws
//! the scope.
//!
//! Topics earn credit from adopted, considered, asked, required and scoped
//! mentions; red flags fire only on adopted ones (and on not knowing and
//! absolute claims, which are the problem themselves).

mod absolute;
mod after;
mod framing;
mod heading;
mod negation;
mod outcome;
mod rejection;
mod requirement;
mod verdict;

pub use absolute::{absolute_clause, absolute_kind, Absolute};
pub use negation::negated;
pub(crate) use verdict::is_appeal;

use super::text::{Sentence, Token};
use after::{rejected_after, subject_judged, tried_and_dropped};
use framing::{
    appeals_until, conceded, debated_then_chose, fine_elsewhere, marked_off, stock_then_but,
};
pub(crate) use heading::in_turned_down_entry;
use heading::{under_rejecting_heading, under_tempting_heading};
pub(crate) use negation::admitted_gap;
use negation::unsure;
use rejection::{
    considered, deferred, hypothetical, next_endorses, next_rejects, refused_after, rejected_before,
};
use requirement::{required, scoped};
use verdict::{after_rejecting_lead, titled_verdict, weighed, weighs_previous};

/// The stance of one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// Stated as part of the design.
    Adopted,
    /// Put forward as an option, not (yet) chosen: "we could", "one option".
    Considered,
    /// Named to be turned down: "instead of X", "X would be far too slow".
    Rejected,
    /// Denied: "we don't need X", "X isn't necessary".
    Negated,
    /// Asked about: a question.
    Asked,
    /// The candidate says they do not know.
    Unsure,
    /// An unrealistic absolute: "100% uptime", "zero latency".
    Absolute,
    /// A goal stated in negative words: "messages must not be lost",
    /// "shouldn't add noticeable delay", "to avoid a thundering herd".
    Required,
    /// A feature left out on purpose: "No editing in v1", "Assume no login".
    Scoped,
    /// A maybe put off to later: "we could maybe add caching later".
    Deferred,
}

impl Stance {
    /// A topic mentioned this way earns credit.
    pub fn earns_credit(self) -> bool {
        matches!(
            self,
            Stance::Adopted
                | Stance::Considered
                | Stance::Asked
                | Stance::Required
                | Stance::Scoped
        )
    }

    /// A red flag on a mention this way fires: the candidate adopts the
    /// approach, or the phrase is itself the problem (not knowing, an
    /// absolute claim). A requirement or a scope line adopts no approach.
    pub fn raises_red(self) -> bool {
        matches!(self, Stance::Adopted | Stance::Unsure | Stance::Absolute)
    }

    /// The mention names an alternative turned down: a trade-off considered.
    pub fn is_contrast(self) -> bool {
        self == Stance::Rejected
    }
}

/// A mention inside a bold title that leads its sentence ("**Doing the
/// fan-out synchronously.** I don't want…"): the title names the subject; the
/// text after it says what is done about it.
fn in_title(s: &Sentence, source: &str, tok: &Token) -> bool {
    let Some(raw) = source.get(s.span.clone()) else {
        return false;
    };
    let line = raw.trim_start();
    let line = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .unwrap_or(line)
        .trim_start();
    let Some(title) = line.strip_prefix("**") else {
        return false;
    };
    let Some(len) = title.find("**") else {
        return false;
    };
    // Byte offsets in `raw`, where token positions are counted.
    let start = raw.len() - title.len();
    let close = start + len;
    (start..close).contains(&tok.pos) && raw[close + 2..].trim().len() > 2
}

/// A clarifying question answered on its line with a no: "Edits? → No",
/// "Can links change? No, never", "Video? → out of scope".
fn answered_no(s: &Sentence, source: &str) -> bool {
    let Some(raw) = source.get(s.span.clone()) else {
        return false;
    };
    let Some((_, answer)) = raw.split_once('?') else {
        return false;
    };
    let answer = answer
        .trim_start_matches(|c: char| c.is_whitespace() || "→->=—–:".contains(c))
        .to_lowercase();
    let answer = answer.strip_prefix("a:").unwrap_or(&answer).trim_start();
    ["no", "nope", "not ", "out of scope", "out.", "out,", "none"]
        .iter()
        .any(|w| {
            answer.starts_with(w)
                && (w.len() > 2 || !answer[w.len()..].starts_with(char::is_alphanumeric))
        })
}

/// The stance of the mention at token `at` of sentence `si`.
pub fn stance_at(sents: &[Sentence], source: &str, si: usize, at: usize) -> Stance {
    let Some(s) = sents.get(si) else {
        return Stance::Adopted;
    };
    let Some(tok) = s.tokens.get(at) else {
        return Stance::Adopted;
    };
    if s.question {
        // "The first idea is polling every few seconds: 'anything new?'"
        // puts an option forward; the question mark is the option's own.
        return if considered(&s.tokens, at) {
            Stance::Considered
        } else {
            Stance::Asked
        };
    }
    // "Can a link be changed later? → No.": asked and ruled out, one unit.
    if s.answered && answered_no(s, source) {
        return Stance::Scoped;
    }
    // "| Polling | 20M req/s | ✗ |", "- ~~file bytes in Postgres~~".
    // "Assuming codes never collide is fine for the demo, not for
    // production": a claim kept for a setting that is not this one.
    if marked_off(s, source, tok)
        || fine_elsewhere(&s.tokens, at)
        || titled_verdict(s, source, at)
        || under_tempting_heading(s, source, tok)
    {
        return Stance::Considered;
    }
    if absolute_clause(s, source, tok.clause) {
        return Stance::Absolute;
    }
    if unsure(s, at) {
        return Stance::Unsure;
    }
    if scoped(&s.tokens, at) {
        return Stance::Scoped;
    }
    if required(&s.tokens, at) {
        return Stance::Required;
    }
    if negated(&s.tokens, at) || admitted_gap(s, at) {
        return Stance::Negated;
    }
    if rejected_before(&s.tokens, at)
        || rejected_after(s, at)
        || under_rejecting_heading(s, source, tok)
        || after_rejecting_lead(s, source, at)
        || weighs_previous(&s.tokens)
        || tried_and_dropped(sents, si, at)
        || subject_judged(s, source, at)
    {
        return Stance::Rejected;
    }
    if deferred(&s.tokens, at) {
        return Stance::Deferred;
    }
    if weighed(s, at)
        || stock_then_but(sents, si, at)
        || conceded(&s.tokens, at)
        || appeals_until(&s.tokens, at)
        || debated_then_chose(&s.tokens, at)
    {
        return Stance::Considered;
    }
    if considered(&s.tokens, at) {
        return if refused_after(&s.tokens, at) || next_rejects(sents.get(si + 1)) {
            Stance::Rejected
        } else if next_endorses(sents.get(si + 1)) {
            Stance::Adopted
        } else {
            Stance::Considered
        };
    }
    if hypothetical(&s.tokens, at) || in_title(s, source, tok) {
        return Stance::Considered;
    }
    Stance::Adopted
}

#[cfg(test)]
mod tests;
