//! Verdicts that follow a mention in its own sentence (or, for a past
//! attempt, the next): "X would be far too slow", "X is a trap", "X: not
//! worth the latency", "we tried X; it fell over".

use super::outcome::{is_bad_outcome, is_harm, is_past_failure, is_reason_turn, is_replacement};
use crate::grading::text::{Sentence, Token};

/// "Pastes up to 10 MB are accepted; bigger ones are rejected": after a
/// semicolon another subject is turned away by the design's own rule. Only
/// "it", "this", "that" or a bare "rejected" opening the new statement
/// speak of the mention ("X; rejected because …", "X; it was rejected").
fn rule_of_another(s: &Sentence, at: usize, verdict: usize) -> bool {
    let tokens = &s.tokens;
    let Some(start) = (at + 1..verdict).rev().find(|&j| {
        tokens[j].clause != tokens[j - 1].clause
            && s.breaks.get(usize::from(tokens[j].clause)) == Some(&';')
    }) else {
        return false;
    };
    !(start == verdict
        || matches!(
            tokens[start].word.as_str(),
            "it" | "this" | "that" | "which"
        ))
}

/// A bad outcome that follows the mention closely in its sentence, with no
/// reason word between: "X would make uploads wait", "X is far too slow".
/// An aside in parentheses is skipped; "Rejected" anywhere after it counts.
pub(super) fn rejected_after(s: &Sentence, at: usize) -> bool {
    let tokens = &s.tokens;
    let aside = |t: &Token| s.breaks.get(usize::from(t.clause)) == Some(&'(');
    if tokens[at + 1..].iter().enumerate().any(|(k, t)| {
        matches!(t.word.as_str(), "rejected" | "rejecting") && !rule_of_another(s, at, at + 1 + k)
    }) {
        return true;
    }
    // "Last-writer-wins is simpler and I have read the tickets it makes;
    // never again."
    if tokens[at + 1..]
        .windows(2)
        .any(|p| p[0].word == "never" && p[1].word == "again")
    {
        return true;
    }
    if tempting_but_bad(tokens, at)
        || verdict_follows(s, at)
        || aside_verdict(s, at)
        || verdict_after_colon(s, at)
    {
        return true;
    }
    let relative = relative_aside(s, at);
    let mut saw_would = false;
    let mut seen = 0;
    for j in at + 1..tokens.len() {
        if aside(&tokens[j]) && !aside(&tokens[at]) {
            continue;
        }
        // A semicolon opens another statement: "move old photos to a
        // cheaper class; accept a slower first view" turns nothing down.
        // A colon opens what it means: "it must keep working: one broken
        // link breaks every page" gives a reason, not a verdict. A table
        // cell speaks of its own column.
        if tokens[j].clause != tokens[at].clause
            && matches!(
                s.breaks.get(usize::from(tokens[j].clause)),
                Some(&(';' | ':' | '|'))
            )
        {
            break;
        }
        seen += 1;
        if seen > 14 {
            break;
        }
        let w = tokens[j].word.as_str();
        let next = tokens.get(j + 1).map(|t| t.word.as_str());
        // "work on 2G and not drain the battery": a harm denied is a goal.
        let denied = matches!(
            tokens[j - 1].word.as_str(),
            "not" | "never" | "without" | "no" | "don't" | "doesn't" | "won't" | "shouldn't"
        );
        // "AV1 needs 30% fewer bits, but encoding is slower": a gain set
        // against its cost, the choice kept. Harm past the "but" still
        // turns it down ("…, but it silently loses edits").
        let past_but = tokens[at + 1..j].iter().any(|t| t.word == "but");
        let mild = matches!(
            w,
            "slower" | "painful" | "awkward" | "waste" | "wastes" | "wasteful"
        );
        if is_bad_outcome(w, next) && !denied && !(past_but && mild) {
            return true;
        }
        // "photos were kept as BLOB columns, and it hurt": a past choice
        // told with what it cost.
        if matches!(w, "hurt" | "bit")
            && matches!(tokens[j - 1].word.as_str(), "it" | "that" | "this")
        {
            return true;
        }
        // "X is a full scan", "X means a full table scan"; not "…, not a
        // full table scan".
        if w == "full"
            && matches!(next, Some("scan" | "table"))
            && !matches!(
                tokens[j - 1].word.as_str(),
                "not" | "no" | "without" | "never"
            )
        {
            return true;
        }
        // "X only works until the first big release": a limit that rules
        // it out.
        if w == "only"
            && matches!(next, Some("works" | "work" | "scales" | "holds" | "lasts"))
            && tokens.get(j + 2).is_some_and(|t| t.word == "until")
        {
            return true;
        }
        if matches!(
            w,
            "would" | "would've" | "becomes" | "become" | "gets" | "means" | "causes" | "creates"
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
        // "… is also something I'd avoid", "… we would rather not do".
        let then = tokens.get(j + 2).map(|t| t.word.as_str());
        if matches!(w, "i'd" | "we'd") && matches!(next, Some("avoid" | "reject" | "skip"))
            || matches!(w, "i" | "we")
                && next == Some("would")
                && matches!(then, Some("avoid" | "reject" | "skip"))
        {
            return true;
        }
        // "X, which silently throws away edits": what X does, not why. A
        // cost accepted ("which is slower but correct") is no verdict.
        if w == "which" {
            let said = |k: usize| tokens.get(j + k).map(|t| t.word.as_str());
            let first = usize::from(matches!(
                said(1),
                Some("silently" | "quietly" | "just" | "also" | "simply")
            ));
            if is_harm(said(1 + first).unwrap_or(""), said(2 + first)) {
                return true;
            }
        }
        // "X, which is what many first designs do, breaks under load": the
        // aside says who does it; the verdict comes after it.
        if Some(tokens[j].clause) == relative {
            continue;
        }
        // A reason word hands the rest to a cause; "we" starts a new act.
        if is_reason_turn(w) || matches!(w, "we" | "i" | "we'll" | "we'd" | "i'd") {
            return false;
        }
    }
    false
}

/// The clause of a ", which …," aside right after the mention's clause,
/// closed by a comma with more of the sentence after it.
fn relative_aside(s: &Sentence, at: usize) -> Option<u16> {
    let tokens = &s.tokens;
    let next = tokens[at].clause + 1;
    let first = tokens[at + 1..]
        .iter()
        .find(|t| t.clause != tokens[at].clause)?;
    let opens = first.clause == next
        && s.breaks.get(usize::from(next)) == Some(&',')
        && matches!(first.word.as_str(), "which" | "who");
    let closed = s.breaks.get(usize::from(next) + 1) == Some(&',')
        && tokens.iter().any(|t| t.clause == next + 1);
    (opens && closed).then_some(next)
}

/// "Computing the distance to every driver is a common mistake", "Writing
/// every ping to Postgres is too expensive", "X isn't viable": the mention
/// leads its sentence as the subject and its verb ("is", "are", dropped
/// from the tokens and read from the text) passes a verdict. The words
/// before the verb may carry prepositions ("to every driver") that the
/// clause reading takes for a purpose; a "we", a relative or a reason word
/// before the verb leaves the mention alone.
pub(super) fn subject_judged(s: &Sentence, source: &str, at: usize) -> bool {
    let tokens = &s.tokens;
    let clause = tokens[at].clause;
    let Some(raw) = source.get(s.span.clone()) else {
        return false;
    };
    if clause != 0 {
        return false;
    }
    // The raw words between token `k - 1` and token `k`.
    let gap_has_copula = |k: usize| {
        raw.get(tokens[k - 1].pos..tokens[k].pos).is_some_and(|g| {
            g.split_whitespace()
                .skip(1)
                .any(|w| matches!(w.to_lowercase().as_str(), "is" | "are" | "was" | "were"))
        })
    };
    let mut verb = None;
    for (k, t) in tokens
        .iter()
        .enumerate()
        .take(tokens.len().min(at + 13))
        .skip(at + 1)
    {
        if t.clause != clause {
            return false;
        }
        if matches!(t.word.as_str(), "isn't" | "aren't" | "wasn't") {
            verb = Some((k + 1, true));
            break;
        }
        if gap_has_copula(k) {
            verb = Some((k, false));
            break;
        }
        if matches!(
            t.word.as_str(),
            "we" | "i"
                | "you"
                | "they"
                | "which"
                | "who"
                | "that"
                | "because"
                | "so"
                | "if"
                | "when"
                | "since"
                | "but"
        ) {
            return false;
        }
    }
    let Some((from, denied_verb)) = verb else {
        return false;
    };
    let said: Vec<&str> = tokens[from.min(tokens.len())..]
        .iter()
        .take(5)
        .take_while(|t| t.clause == clause)
        .map(|t| t.word.as_str())
        .collect();
    let not = denied_verb || said.first() == Some(&"not");
    // "… is not going to scale".
    if not
        && said
            .windows(3)
            .any(|w| w[0] == "going" && w[1] == "to" && matches!(w[2], "scale" | "work"))
    {
        return true;
    }
    let said: Vec<&str> = said
        .into_iter()
        .take_while(|w| !is_reason_turn(w))
        .collect();
    said.iter().enumerate().any(|(i, w)| {
        let next = said.get(i + 1).copied();
        let denied = i > 0 && matches!(said[i - 1], "not" | "never" | "no");
        (is_bad_outcome(w, next) && !denied && !not)
            || (not
                && matches!(
                    *w,
                    "viable"
                        | "feasible"
                        | "practical"
                        | "realistic"
                        | "sustainable"
                        | "option"
                        | "safe"
                        | "acceptable"
                        | "enough"
                        | "wise"
                ))
    })
}

/// "A global order of all messages: unnecessary and a bottleneck", "Strong
/// resume points across regions: not worth the latency": a short lead that
/// only names the option, then a colon and a verdict in the first words
/// after it. A lead in which the candidate acts or requires ("it must keep
/// working: one broken link breaks every page") gives the verdict's
/// reason, not the verdict.
fn verdict_after_colon(s: &Sentence, at: usize) -> bool {
    let tokens = &s.tokens;
    let clause = tokens[at].clause;
    let next = clause + 1;
    if clause != 0 || s.breaks.get(usize::from(next)) != Some(&':') {
        return false;
    }
    let lead: Vec<&str> = tokens
        .iter()
        .take_while(|t| t.clause == clause)
        .map(|t| t.word.as_str())
        .collect();
    if lead.len() > 10
        || lead.iter().any(|w| {
            matches!(
                *w,
                "we" | "i"
                    | "we'll"
                    | "i'll"
                    | "we'd"
                    | "i'd"
                    | "must"
                    | "should"
                    | "need"
                    | "needs"
                    | "will"
                    | "use"
                    | "uses"
            )
        })
    {
        return false;
    }
    let opening: Vec<&str> = tokens
        .iter()
        .skip_while(|t| t.clause != next)
        .take_while(|t| t.clause == next)
        .take(3)
        .map(|t| t.word.as_str())
        .collect();
    matches!(opening.first(), Some(&("no" | "nope" | "never")))
        || opening.iter().enumerate().any(|(i, w)| {
            let after = opening.get(i + 1).copied();
            is_bad_outcome(w, after)
                || matches!(*w, "unnecessary" | "unneeded" | "bottleneck")
                || (*w == "not" && matches!(after, Some("worth" | "needed" | "necessary")))
        })
}

/// "short polling (ask every few seconds; wasteful, delay N/2), long
/// polling …": an aside opened right after the mention judges it. The aside
/// ends at its closing parenthesis; a reason word in it ("(so the database
/// would not melt)") hands the rest to a cause.
fn aside_verdict(s: &Sentence, at: usize) -> bool {
    let tokens = &s.tokens;
    let break_of = |t: &Token| s.breaks.get(usize::from(t.clause)).copied();
    let Some(open) = (at + 1..tokens.len().min(at + 3))
        .find(|&j| tokens[j].clause != tokens[at].clause && break_of(&tokens[j]) == Some('('))
    else {
        return false;
    };
    // Only the mention's own words may come between it and the aside.
    if tokens[at + 1..open]
        .iter()
        .any(|t| t.clause != tokens[at].clause)
    {
        return false;
    }
    for j in open..tokens.len() {
        if j > open && tokens[j].clause != tokens[j - 1].clause && break_of(&tokens[j]) == Some(')')
        {
            break;
        }
        let w = tokens[j].word.as_str();
        if is_reason_turn(w) {
            return false;
        }
        let denied = j > open
            && matches!(
                tokens[j - 1].word.as_str(),
                "not" | "never" | "no" | "without" | "don't" | "doesn't" | "won't"
            );
        if is_bad_outcome(w, tokens.get(j + 1).map(|t| t.word.as_str())) && !denied {
            return true;
        }
    }
    false
}

/// "Last-writer-wins is tempting because it is one line of code, but it
/// silently destroys edits": the mention is called tempting (or naive)
/// right after it, and past a "but" its sentence names a bad outcome. The
/// reason for the appeal does not hand the verdict over.
fn tempting_but_bad(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    let tempting = tokens[at + 1..]
        .iter()
        .take(3)
        .take_while(|t| t.clause == clause)
        .any(|t| matches!(t.word.as_str(), "tempting" | "naive"))
        // "X is the easy answer, but it turns one machine into…".
        || tokens[at + 1..]
            .windows(2)
            .take(9)
            .take_while(|p| p[1].clause == clause)
            .any(|p| {
                matches!(p[0].word.as_str(), "easy" | "obvious" | "simple" | "quick")
                    && matches!(p[1].word.as_str(), "answer" | "fix" | "choice" | "way" | "option")
            });
    let Some(but) = tempting
        .then(|| tokens[at + 1..].iter().position(|t| t.word == "but"))
        .flatten()
    else {
        return false;
    };
    let after = &tokens[at + 1 + but + 1..];
    after.iter().enumerate().any(|(i, t)| {
        is_bad_outcome(&t.word, after.get(i + 1).map(|n| n.word.as_str()))
            || matches!(t.word.as_str(), "bottleneck" | "bottlenecks")
    })
}

/// "The opposite shortcut, transcoding on the fly when someone presses
/// play, is also wrong": the clause right after the mention's, opened by a
/// comma, is a verdict on it in its first words.
fn verdict_follows(s: &Sentence, at: usize) -> bool {
    let tokens = &s.tokens;
    let next = tokens[at].clause + 1;
    if s.breaks.get(usize::from(next)) != Some(&',') {
        return false;
    }
    let Some(start) = tokens.iter().position(|t| t.clause == next) else {
        return false;
    };
    let opening: Vec<&str> = tokens[start..]
        .iter()
        .take_while(|t| t.clause == next)
        .take(3)
        .map(|t| t.word.as_str())
        .collect();
    // A relative or reason clause ("which is slower but correct") says
    // what it costs, not that it is turned down.
    !opening.first().is_some_and(|w| is_reason_turn(w))
        && opening
            .iter()
            .all(|w| !matches!(*w, "we" | "i" | "not" | "never"))
        && opening
            .iter()
            .enumerate()
            .any(|(i, w)| is_bad_outcome(w, opening.get(i + 1).copied()))
}

/// "We tried short polling in the first version; the load balancers were
/// drowning", "we started with resizing inline and uploads timed out": a
/// past attempt told with how it failed or what replaced it, in its
/// sentence or the next. An attempt told without either ("we tried a
/// cache and kept it") stays adopted.
pub(super) fn tried_and_dropped(sents: &[Sentence], si: usize, at: usize) -> bool {
    let Some(s) = sents.get(si) else {
        return false;
    };
    let tokens = &s.tokens;
    let clause = tokens[at].clause;
    let word = |i: usize| tokens.get(i).map(|t| t.word.as_str());
    let attempt = (at.saturating_sub(6)..at).any(|j| {
        tokens[j].clause == clause
            && match tokens[j].word.as_str() {
                "tried" | "trialled" | "trialed" | "piloted" | "prototyped" => true,
                "started" | "began" => word(j + 1) == Some("with"),
                // "Our prototype had the driver app poll for offers".
                "prototype" | "mvp" | "poc" | "v1" => true,
                "used" => {
                    word(j + 1) == Some("to") && j > 0 && matches!(word(j - 1), Some("we" | "i"))
                }
                _ => false,
            }
    });
    // "we first write every ping into Postgres. … killed us": a first try
    // counts only with how it failed, right after it.
    let first_try = (at.saturating_sub(3)..at).any(|j| {
        tokens[j].clause == clause
            && tokens[j].word == "first"
            && j > 0
            && matches!(word(j - 1), Some("we" | "i"))
    });
    let failed = |ts: &[Token]| {
        ts.iter()
            .enumerate()
            .any(|(i, t)| is_past_failure(&t.word, ts.get(i + 1).map(|n| n.word.as_str())))
    };
    if first_try && !attempt {
        return failed(&tokens[at + 1..]) || sents.get(si + 1).is_some_and(|n| failed(&n.tokens));
    }
    if !attempt {
        return false;
    }
    // "Now the handler fires an event": what is done today replaced it.
    let told = |ts: &[Token]| {
        failed(ts)
            || ts.iter().any(|t| is_replacement(&t.word))
            || ts.first().is_some_and(|t| t.word == "now")
    };
    // The story may take a few sentences to say how it ended.
    told(&tokens[at + 1..]) || sents.iter().skip(si + 1).take(3).any(|n| told(&n.tokens))
}
