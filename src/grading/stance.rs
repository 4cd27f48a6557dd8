//! Stance: how a clause stands towards what it names. "We shard by user"
//! adopts sharding; "instead of a global counter" and "a full table scan
//! would be far too slow" reject; "we don't need a cache" negates; "what is
//! the read/write ratio?" asks; "one option is polling" considers; "I don't
//! know how ranking works" is unsure; "100% uptime" is an absolute claim.
//!
//! Topics earn credit only from adopted, considered and asked mentions; red
//! flags fire only on adopted ones.

use super::text::{Sentence, Token};

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
}

impl Stance {
    /// A topic mentioned this way earns credit.
    pub fn earns_credit(self) -> bool {
        matches!(self, Stance::Adopted | Stance::Considered | Stance::Asked)
    }

    /// A red flag on a mention this way fires: the candidate adopts the
    /// approach, or the phrase is itself the problem (not knowing, an
    /// absolute claim).
    pub fn raises_red(self) -> bool {
        matches!(self, Stance::Adopted | Stance::Unsure | Stance::Absolute)
    }

    /// The mention names an alternative turned down: a trade-off considered.
    pub fn is_contrast(self) -> bool {
        self == Stance::Rejected
    }
}

/// Words that cancel a mention that follows them closely in the same clause.
/// "never" and "can't" are left out: "codes can never collide" and "links
/// can't be guessed" state properties, not rejected choices.
const NEGATORS: [&str; 13] = [
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
];

/// True when a word closely before `at`, in the same clause, negates it.
pub fn negated(tokens: &[Token], at: usize) -> bool {
    let Some(here) = tokens.get(at) else {
        return false;
    };
    let from = at.saturating_sub(5);
    for j in (from..at).rev() {
        let t = &tokens[j];
        if t.clause != here.clause {
            break;
        }
        let w = t.word.as_str();
        if NEGATORS.contains(&w) {
            return true;
        }
        if w == "no" && at - j <= 3 {
            return true;
        }
    }
    negated_after(tokens, at)
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
        matches!(w[0], "not" | "isn't" | "aren't" | "never")
            && matches!(
                w[1],
                "necessary" | "needed" | "required" | "important" | "worth" | "useful"
            )
    }) || rest
        .iter()
        .any(|w| matches!(*w, "unnecessary" | "unneeded"))
}

/// Words just before a mention that turn it down: "instead of X", "rather
/// than X", "faster than X", "can't just X", "avoid X".
fn rejected_before(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    let from = at.saturating_sub(6);
    for j in (from..at).rev() {
        let t = &tokens[j];
        if t.clause != clause {
            break;
        }
        let w = t.word.as_str();
        let prev = j.checked_sub(1).map(|p| tokens[p].word.as_str());
        if (w == "of" && prev == Some("instead"))
            || w == "than"
            || matches!(
                w,
                "avoid" | "avoids" | "avoiding" | "replace" | "replaces" | "replacing" | "against"
            )
            || (matches!(w, "can't" | "cannot" | "cant") && at - j <= 4)
        {
            return true;
        }
        if w == "over"
            && tokens[from..j].iter().any(|t| {
                matches!(
                    t.word.as_str(),
                    "chose"
                        | "choose"
                        | "pick"
                        | "picked"
                        | "prefer"
                        | "preferred"
                        | "favour"
                        | "favor"
                )
            })
        {
            return true;
        }
    }
    false
}

/// Words that say a mention's outcome is bad: "would silently discard",
/// "far too slow", "doesn't scale", "becomes a bottleneck".
fn is_bad_outcome(w: &str, next: Option<&str>) -> bool {
    matches!(
        w,
        "rejected"
            | "discard"
            | "discards"
            | "lose"
            | "loses"
            | "drop"
            | "drops"
            | "overload"
            | "overloads"
            | "melt"
            | "melts"
            | "hammer"
            | "hammers"
            | "waste"
            | "wastes"
            | "wasteful"
            | "unacceptable"
            | "impractical"
            | "infeasible"
            | "overkill"
            | "breaks"
            | "break"
            | "explode"
            | "explodes"
            | "slower"
            | "kills"
            | "drains"
            | "destroy"
            | "destroys"
            | "hammering"
            | "unreliable"
            | "fragile"
            | "brittle"
            | "dangerous"
            | "pointless"
            | "mistake"
    ) || (w == "too"
        && next.is_some_and(|n| {
            matches!(
                n,
                "slow"
                    | "expensive"
                    | "costly"
                    | "big"
                    | "large"
                    | "many"
                    | "much"
                    | "heavy"
                    | "risky"
                    | "complex"
            )
        }))
        || (w == "far" && next == Some("too"))
        || (matches!(w, "doesn't" | "won't" | "wouldn't" | "can't" | "cannot")
            && next.is_some_and(|n| matches!(n, "scale" | "work" | "survive" | "keep" | "fit")))
        || (w == "falls" && next == Some("over"))
}

/// Words that make what follows a reason for the mention, not a verdict on
/// it: "a cache, because otherwise the database would melt".
fn is_reason_turn(w: &str) -> bool {
    matches!(
        w,
        "because"
            | "otherwise"
            | "so"
            | "since"
            | "else"
            | "without"
            | "prevent"
            | "prevents"
            | "avoid"
            | "avoids"
            | "unless"
            | "if"
            | "when"
            | "to"
            | "which"
            | "that"
    )
}

/// A bad outcome that follows the mention closely in its sentence, with no
/// reason word between: "X would make uploads wait", "X is far too slow".
/// An aside in parentheses is skipped; "Rejected" anywhere after it counts.
fn rejected_after(s: &Sentence, at: usize) -> bool {
    let tokens = &s.tokens;
    let aside = |t: &Token| s.breaks.get(usize::from(t.clause)) == Some(&'(');
    if tokens[at + 1..]
        .iter()
        .any(|t| matches!(t.word.as_str(), "rejected" | "rejecting"))
    {
        return true;
    }
    let mut saw_would = false;
    let mut seen = 0;
    for j in at + 1..tokens.len() {
        if aside(&tokens[j]) && !aside(&tokens[at]) {
            continue;
        }
        seen += 1;
        if seen > 14 {
            break;
        }
        let w = tokens[j].word.as_str();
        let next = tokens.get(j + 1).map(|t| t.word.as_str());
        if is_bad_outcome(w, next) {
            return true;
        }
        if matches!(
            w,
            "would" | "would've" | "becomes" | "become" | "gets" | "means"
        ) {
            saw_would = true;
        }
        if saw_would
            && matches!(
                w,
                "require"
                    | "requires"
                    | "wait"
                    | "block"
                    | "blocks"
                    | "slow"
                    | "fail"
                    | "collide"
                    | "bottleneck"
                    | "single"
            )
        {
            return true;
        }
        // A reason word hands the rest to a cause; "we" starts a new act.
        if is_reason_turn(w) || matches!(w, "we" | "i" | "we'll" | "we'd" | "i'd") {
            return false;
        }
    }
    false
}

/// Words that frame an option without choosing it.
fn considered(tokens: &[Token], at: usize) -> bool {
    tokens[..at.min(tokens.len())]
        .iter()
        .enumerate()
        .any(|(j, t)| {
            let w = t.word.as_str();
            let next = tokens.get(j + 1).map(|n| n.word.as_str());
            matches!(
                w,
                "could"
                    | "might"
                    | "option"
                    | "alternative"
                    | "naive"
                    | "naively"
                    | "obvious"
                    | "simplest"
                    | "considered"
                    | "consider"
                    | "tempting"
            ) || (w == "first" && next == Some("idea"))
                || (w == "another" && matches!(next, Some("idea" | "option" | "approach" | "way")))
                // "content you can cache forever": what is possible, said of
                // anyone, is not the candidate's design.
                || (w == "you" && next == Some("can"))
                || (w == "would" && matches!(next, Some("require") | Some("need") | Some("mean")))
                || (w == "one" && matches!(next, Some("way") | Some("approach") | Some("idea")))
        })
}

/// The next sentence turns the option down: "Rejected: ...", "That would
/// ...", "It doesn't scale".
fn next_rejects(next: Option<&Sentence>) -> bool {
    let Some(n) = next else { return false };
    let w: Vec<&str> = n.tokens.iter().take(4).map(|t| t.word.as_str()).collect();
    match w.first() {
        Some(&"rejected") => true,
        Some(&("this" | "that" | "it" | "but")) => w
            .windows(2)
            .enumerate()
            .any(|(i, p)| is_bad_outcome(p[0], Some(p[1])) || (i > 0 && p[0] == "would")),
        _ => false,
    }
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

/// True when the clause of `at` is unsure, or a label before a colon whose
/// answer is unsure ("Surge pricing: I don't know").
fn unsure(s: &Sentence, at: usize) -> bool {
    let clause = s.tokens[at].clause;
    unsure_clause(&s.tokens, clause)
        || (s.breaks.get(usize::from(clause) + 1) == Some(&':')
            && unsure_clause(&s.tokens, clause + 1))
}

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
        if *w == "never"
            && !qualified
            && (near(2).any(|n| matches!(*n, "down" | "fails" | "fail" | "crashes"))
                || near(3).any(|n| *n == "loss")
                || (near(1).any(|n| matches!(*n, "lose" | "loses" | "lost"))
                    && near(3).any(|n| matches!(*n, "data" | "anything" | "any"))))
        {
            return Some(Absolute::NoFailure);
        }
        if *w == "always" && near(1).any(|n| *n == "works") {
            return Some(Absolute::NoFailure);
        }
    }
    None
}

/// "Simple last-write-wins would let…", "Having every device poll would
/// mean…": the mention is the subject of a conditional the candidate has not
/// (yet) taken as theirs. No "we" or "I" comes between it and "would".
fn hypothetical(tokens: &[Token], at: usize) -> bool {
    for t in tokens[at + 1..].iter().take(14) {
        match t.word.as_str() {
            "would" | "would've" => return true,
            "we" | "i" | "we'll" | "we'd" | "i'd" | "i'll" | "because" | "since" | "so" => {
                return false
            }
            _ => {}
        }
    }
    false
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
    if absolute_clause(s, source, tok.clause) {
        return Stance::Absolute;
    }
    if unsure(s, at) {
        return Stance::Unsure;
    }
    if negated(&s.tokens, at) {
        return Stance::Negated;
    }
    if rejected_before(&s.tokens, at) || rejected_after(s, at) {
        return Stance::Rejected;
    }
    if considered(&s.tokens, at) {
        return if next_rejects(sents.get(si + 1)) {
            Stance::Rejected
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
mod tests {
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
}
