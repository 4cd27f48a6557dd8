//! Rejection and framing: "instead of a global counter", "a full table scan
//! would be far too slow", "one option is polling", "having every device
//! poll would mean…".

use super::outcome::{is_bad_outcome, is_reason_turn};
use crate::grading::text::{Sentence, Token};

/// Words just before a mention that turn it down: "instead of X", "rather
/// than X", "faster than X", "can't just X", "avoid X".
pub(super) fn rejected_before(tokens: &[Token], at: usize) -> bool {
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
            || (w == "than" && than_rejects(tokens, j))
            || matches!(
                w,
                "avoid" | "avoids" | "avoiding" | "replace" | "replaces" | "replacing" | "against"
            )
            || (matches!(w, "can't" | "cannot" | "cant") && at - j <= 4)
            || keeps_away(w, prev, j.checked_sub(2).map(|p| tokens[p].word.as_str()))
            // "as opposed to X", "in contrast to X", "unlike X".
            || (w == "to" && matches!(prev, Some("opposed" | "contrast")))
            || w == "unlike"
            || turned_down_by(tokens, j, at)
            // "The textbook mistake is one bitrate for everyone", "the
            // problem with transcoding when someone presses play is …".
            || (matches!(w, "mistake" | "mistakes" | "pitfall" | "antipattern") && at - j <= 4)
            || (w == "with"
                && matches!(
                    prev,
                    Some("problem" | "problems" | "issue" | "trouble" | "downside" | "danger")
                ))
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

/// A verb of turning down, said by someone, before the mention with no turn
/// between: "I also reject storing video in a database", "the first thing
/// we rejected was keeping file bytes in the database". "We rejected X in
/// favour of Y" turns Y down no more than "rejected requests" does.
fn turned_down_by(tokens: &[Token], j: usize, at: usize) -> bool {
    let verb = matches!(
        tokens[j].word.as_str(),
        "reject" | "rejects" | "rejected" | "rejecting" | "dismissed" | "discarded" | "vetoed"
    );
    let said = tokens[j.saturating_sub(2)..j].iter().any(|t| {
        matches!(
            t.word.as_str(),
            "i" | "we" | "i'd" | "we'd" | "they" | "someone" | "team" | "would" | "should"
        )
    });
    let turn = tokens[j + 1..at].iter().any(|t| {
        matches!(
            t.word.as_str(),
            "for" | "favour" | "favor" | "with" | "and" | "but" | "so" | "because" | "instead"
        )
    });
    verb && said && !turn
}

/// "steer clear of X", "stay away from X", "we moved away from X": keeping
/// off an approach. The verb must be one of keeping away, so "far away from
/// the user" turns nothing down.
fn keeps_away(w: &str, prev: Option<&str>, verb: Option<&str>) -> bool {
    let keeping = verb.is_some_and(|v| {
        matches!(
            v,
            "steer"
                | "steers"
                | "steering"
                | "stay"
                | "stays"
                | "staying"
                | "keep"
                | "keeps"
                | "shy"
                | "move"
                | "moved"
                | "moving"
                | "walked"
                | "got"
        )
    });
    keeping && ((w == "of" && prev == Some("clear")) || (w == "from" && prev == Some("away")))
}

/// Comparatives that favour the subject over what follows "than": "faster
/// than X", "a better fit than X", "more reliable than X".
fn favours_subject(w: &str, before: Option<&str>) -> bool {
    matches!(
        w,
        "faster"
            | "cheaper"
            | "better"
            | "simpler"
            | "easier"
            | "safer"
            | "quicker"
            | "sooner"
            | "lighter"
    ) || (before == Some("more")
        && matches!(
            w,
            "reliable" | "efficient" | "scalable" | "robust" | "durable" | "available"
        ))
        || (before == Some("less")
            && matches!(
                w,
                "expensive" | "complex" | "complicated" | "costly" | "fragile" | "risky"
            ))
}

/// Words that start a quantity: "more than 100 GB", "more than one
/// machine", "fewer than a few".
fn is_quantity(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            w,
            "one" | "two" | "three" | "few" | "couple" | "half" | "twice" | "n" | "x"
        )
}

/// True when the "than" at `j` turns down what follows it: "rather than
/// X", "faster than X", "a better fit than X". A quantity ("more than 100
/// GB"), a priority ("matters more than creation") or a cost the subject
/// pays ("worse than batching", "more complex than pure push") turns
/// nothing down.
fn than_rejects(tokens: &[Token], j: usize) -> bool {
    let clause = tokens[j].clause;
    if tokens
        .get(j + 1)
        .is_some_and(|n| n.clause == clause && is_quantity(&n.word))
    {
        return false;
    }
    let word = |i: Option<usize>| {
        i.and_then(|i| tokens.get(i))
            .filter(|t| t.clause == clause)
            .map(|t| t.word.as_str())
    };
    let rather = tokens[..j]
        .iter()
        .rev()
        .take_while(|t| t.clause == clause)
        .any(|t| t.word == "rather");
    rather
        || (1..=2).any(|back| {
            let i = j.checked_sub(back);
            word(i).is_some_and(|w| favours_subject(w, word(i.and_then(|i| i.checked_sub(1)))))
        })
}

/// A maybe, not a design: "we could maybe add caching later", "maybe we
/// can add a cache later if needed", "we could also use MD5 I guess". Doubt
/// ("maybe", "perhaps", "I guess") in the mention's clause, doubled by a
/// modal or a deferral in its sentence: the candidate names the idea and
/// leaves it. A single "could" is an option weighed; a single "maybe" a
/// guess at a choice.
pub(super) fn deferred(tokens: &[Token], at: usize) -> bool {
    let word = |i: usize| tokens.get(i).map(|t| t.word.as_str());
    let clause = tokens[at].clause;
    let guess = |i: usize, w: &str| w == "i" && word(i + 1) == Some("guess");
    let doubt = tokens.iter().enumerate().any(|(i, t)| {
        t.clause == clause && (matches!(t.word.as_str(), "maybe" | "perhaps") || guess(i, &t.word))
    });
    let doubled = tokens.iter().enumerate().any(|(i, t)| {
        let w = t.word.as_str();
        let next = word(i + 1);
        matches!(w, "could" | "might" | "later" | "someday" | "eventually")
            || (w == "if" && matches!(next, Some("needed" | "necessary" | "required")))
            || (w == "in" && next == Some("future"))
            || (guess(i, w) && t.clause != clause)
    });
    // "Maybe add a cache", "and maybe add a couple more servers": the doubt
    // sits on the action itself, with no one taking it on.
    let tentative = tokens[..at].iter().enumerate().any(|(i, t)| {
        t.clause == clause
            && matches!(t.word.as_str(), "maybe" | "perhaps")
            && matches!(word(i + 1), Some("add" | "use" | "put" | "introduce"))
    });
    doubt && doubled || tentative || until_it_hurts(tokens, at)
}

/// Put off until it hurts: "we can add a cache later if it gets slow",
/// "if that's too slow we could switch to websockets later", "could use
/// caching later if needed". A modal and "later" in the mention's clause,
/// and a trigger that names no figure or growth (only "slow", "needed", "a
/// problem") in its sentence: the idea is named and left for another day.
/// "We can shard by code later when the data grows too big" keeps its
/// credit: a growth trigger is a plan for scale.
fn until_it_hurts(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    let in_clause = |ws: &[&str]| {
        tokens
            .iter()
            .any(|t| t.clause == clause && ws.contains(&t.word.as_str()))
    };
    if !in_clause(&["can", "could", "might", "may"]) || !in_clause(&["later"]) {
        return false;
    }
    tokens.iter().enumerate().any(|(i, t)| {
        matches!(t.word.as_str(), "if" | "when")
            && tokens[i + 1..]
                .iter()
                .take(6)
                .take_while(|n| n.clause == t.clause && !n.numeric)
                .any(|n| {
                    matches!(
                        n.word.as_str(),
                        "slow" | "slower" | "needed" | "necessary" | "required" | "problem"
                    )
                })
    })
}

/// Nouns that name an option put forward: "the second idea", "another
/// easy choice".
fn is_option_noun(w: Option<&str>) -> bool {
    matches!(
        w,
        Some(
            "idea"
                | "option"
                | "approach"
                | "way"
                | "attempt"
                | "choice"
                | "design"
                | "plan"
                | "shortcut"
                | "instinct"
                | "reflex"
                | "temptation"
                | "thought"
                | "thoughts"
                | "impulse"
                | "cut"
                | "draft"
        )
    )
}

/// Words that frame an option without choosing it.
pub(super) fn considered(tokens: &[Token], at: usize) -> bool {
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
                    | "temptation"
            ) || (matches!(w, "first" | "second" | "third" | "another" | "next")
                && (is_option_noun(next)
                    // "Another easy choice is …": one word may describe it.
                    || is_option_noun(tokens.get(j + 2).map(|n| n.word.as_str()))))
                // "content you can cache forever": what is possible, said of
                // anyone, is not the candidate's design.
                || (w == "you" && next == Some("can"))
                || (w == "would" && matches!(next, Some("require") | Some("need") | Some("mean")))
                || (w == "one" && matches!(next, Some("way") | Some("approach") | Some("idea")))
                // "The first thing people often suggest is …", "the first
                // thing people reach for", "I did think about having …",
                // "another is …".
                || matches!(
                    w,
                    "suggest"
                        | "suggests"
                        | "suggested"
                        | "suggestion"
                        | "propose"
                        | "proposes"
                        | "proposed"
                        | "proposal"
                )
                || (matches!(w, "reach" | "reaches") && next == Some("for"))
                // "The first thing that comes to mind is …".
                || (matches!(w, "comes" | "came") && next == Some("to")
                    && tokens.get(j + 2).is_some_and(|t| t.word == "mind"))
                || (matches!(w, "think" | "thought" | "thinking") && next == Some("about"))
                || (w == "another" && j + 1 == at)
                // "Two tempting shortcuts. One is … The other is putting
                // file contents in the database": the second of a pair of
                // options named, not the design.
                // ("the" and "is" are not tokens: "other" opens the
                // sentence and an "-ing" option follows it.)
                || (j == 0
                    && w == "other"
                    && next.is_some_and(|n| n.ends_with("ing")))
        })
}

/// Later in its own sentence the option is refused: "I did think about
/// having the app poll …, but I don't like it".
pub(super) fn refused_after(tokens: &[Token], at: usize) -> bool {
    tokens[at + 1..].windows(3).any(|w| {
        matches!(w[0].word.as_str(), "but" | "however")
            && matches!(w[1].word.as_str(), "i" | "we")
            && matches!(
                w[2].word.as_str(),
                "don't" | "dont" | "wouldn't" | "won't" | "decided" | "rejected" | "dropped"
            )
    }) || kept_instead(&tokens[at + 1..])
}

/// "Large files could be split into chunks …, though I'd keep whole-file
/// upload for the first version": the option weighed, and what is there
/// already kept in its place.
fn kept_instead(after: &[Token]) -> bool {
    after.windows(3).any(|w| {
        matches!(
            w[0].word.as_str(),
            "but" | "however" | "though" | "although"
        ) && matches!(w[1].word.as_str(), "i'd" | "we'd" | "i'll" | "we'll")
            && matches!(w[2].word.as_str(), "keep" | "stick" | "stay")
    })
}

/// The next sentence turns the option down: "Rejected: ...", "That would
/// ...", "It doesn't scale".
pub(super) fn next_rejects(next: Option<&Sentence>) -> bool {
    let Some(n) = next else { return false };
    let w: Vec<&str> = n.tokens.iter().take(4).map(|t| t.word.as_str()).collect();
    // "I don't want that", "We wouldn't do that".
    let refused = matches!(w.first(), Some(&("i" | "we")))
        && matches!(
            w.get(1),
            Some(&("don't" | "dont" | "wouldn't" | "won't" | "can't"))
        )
        && matches!(
            w.get(2),
            Some(&("want" | "like" | "do" | "recommend" | "use" | "take"))
        );
    // "I'd reject that", "We'd avoid it".
    let declined = matches!(w.first(), Some(&("i'd" | "we'd" | "i" | "we")))
        && w.iter().skip(1).take(2).any(|x| {
            matches!(
                *x,
                "reject" | "rejected" | "avoid" | "skip" | "ruled" | "dropped"
            )
        });
    // "We said no: clocks drift", "We voted it down", "We pushed back".
    let said_no = matches!(w.first(), Some(&("i" | "we" | "they")))
        && matches!(
            (w.get(1), w.get(2)),
            (Some(&"said"), Some(&"no"))
                | (Some(&("voted" | "turned" | "shot")), Some(&("it" | "that")))
                | (Some(&"pushed"), Some(&"back"))
        );
    if refused || declined || said_no {
        return true;
    }
    match w.first() {
        Some(&"rejected") => true,
        Some(&("this" | "that" | "it" | "but")) => {
            w.windows(2)
                .enumerate()
                .any(|(i, p)| is_bad_outcome(p[0], Some(p[1])) || (i > 0 && p[0] == "would"))
                || (w.first() != Some(&"but") && judged_bad(n))
        }
        // "That's fine for a small note and terrible for a 2 GB video": a
        // verdict later in the sentence that speaks of the option.
        Some(&("that's" | "it's")) => judged_bad(n),
        _ => false,
    }
}

/// A bad outcome anywhere in the first clauses of a sentence, before any
/// reason is given ("…, because otherwise it would melt" gives a reason).
fn judged_bad(n: &Sentence) -> bool {
    let words: Vec<&str> = n.tokens.iter().take(16).map(|t| t.word.as_str()).collect();
    // The opening word ("that", "this") is the subject, not a reason.
    let end = (1..words.len())
        .find(|&i| is_reason_turn(words[i]))
        .unwrap_or(words.len());
    (0..end).any(|i| is_bad_outcome(words[i], words.get(i + 1).copied()))
}

/// The next sentence takes the option up: "That's also fine", "This works
/// for us", "It's good enough here". An option put forward and then
/// endorsed is chosen.
pub(super) fn next_endorses(next: Option<&Sentence>) -> bool {
    let Some(n) = next else { return false };
    let w: Vec<&str> = n.tokens.iter().take(5).map(|t| t.word.as_str()).collect();
    let opens = matches!(
        w.first(),
        Some(&("that's" | "this" | "that" | "it's" | "it" | "which"))
    );
    opens
        && w.iter().skip(1).any(|x| {
            matches!(
                *x,
                "fine" | "ok" | "okay" | "good" | "acceptable" | "works" | "enough"
            )
        })
        && !w
            .iter()
            .any(|x| matches!(*x, "not" | "isn't" | "wouldn't" | "won't" | "but"))
        && !judged_bad(n)
}

/// "Simple last-write-wins would let…", "Having every device poll would
/// mean…": the mention is the subject of a conditional the candidate has not
/// (yet) taken as theirs. No "we" or "I" comes between it and "would".
pub(super) fn hypothetical(tokens: &[Token], at: usize) -> bool {
    // "Measuring the distance to every driver means a million sums per
    // request": an action as the subject, weighed by what it means.
    let gerund = tokens
        .first()
        .is_some_and(|t| t.word.len() > 4 && t.word.ends_with("ing"));
    // "With 300M phones polling every few seconds we'd get…", "If every
    // device polled, we'd…": a case imagined, then its outcome.
    let imagined = tokens
        .first()
        .is_some_and(|t| matches!(t.word.as_str(), "with" | "if"))
        && tokens[at + 1..]
            .iter()
            .any(|t| matches!(t.word.as_str(), "we'd" | "you'd" | "it'd" | "would"));
    if imagined {
        return true;
    }
    for t in tokens[at + 1..].iter().take(14) {
        match t.word.as_str() {
            "would" | "would've" => return true,
            "means" | "costs" | "leads" | "results" | "causes" if gerund => return true,
            "we" | "i" | "we'll" | "we'd" | "i'd" | "i'll" | "because" | "since" | "so" => {
                return false
            }
            _ => {}
        }
    }
    within_conditional(tokens, at)
}

/// "Having phones ask every few seconds would drain batteries and, with
/// 150M phones asking every 5 s, mean 30M requests a second": the mention
/// goes on inside a conditional opened earlier in its sentence by a subject
/// other than the candidate. "We", "so" or "because" close the conditional.
fn within_conditional(tokens: &[Token], at: usize) -> bool {
    for j in (0..at).rev() {
        match tokens[j].word.as_str() {
            "would" | "would've" => {
                let subject = j.checked_sub(1).map(|p| tokens[p].word.as_str());
                return !matches!(subject, Some("we" | "i" | "you"));
            }
            "we" | "i" | "we'll" | "we'd" | "i'd" | "i'll" | "because" | "since" | "so"
            | "therefore" | "instead" => return false,
            _ => {}
        }
    }
    false
}
