//! What a part of a question says around its ask: a plan told before it
//! ("I'll cache hot pastes; …"), a confirmation of the part before it ("Is
//! a few seconds acceptable?"), statements or thinking aloud that lead into
//! it ("I'd want to know how many pastes come in a day").

/// Words that end a confirmation of a figure or a plan ("is a few seconds
/// acceptable", "would 99.9% be enough").
#[rustfmt::skip]
const CONFIRMING: &[&str] = &[
    "acceptable", "acceptible", "ok", "okay", "fine", "enough", "reasonable", "realistic",
    "sufficient", "alright", "good", "tolerable",
];

/// A short part that only asks whether a figure or a plan is acceptable
/// ("Is a few seconds acceptable?", "Would 5 s be fine?"): it confirms the
/// part before it and names nothing of its own.
pub(super) fn confirms(part: &str) -> bool {
    let lower = part.to_lowercase().replace(['’', '\''], "");
    let ws: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '%')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let opens = ws.first().is_some_and(|w| {
        matches!(
            *w,
            "is" | "are" | "would" | "will" | "does" | "do" | "could" | "can" | "isnt"
        )
    });
    let ends = ws.iter().rev().take(2).any(|w| CONFIRMING.contains(w));
    // What is offered is a figure or points back ("a few seconds", "that",
    // "99.9%"), never a thing of its own ("is eventual consistency ok").
    let offered = ws.iter().skip(1).all(|w| {
        CONFIRMING.contains(w)
            || w.starts_with(|c: char| c.is_ascii_digit())
            || FIGURE_WORDS.contains(w)
    });
    opens && ends && offered && ws.len() <= 8
}

/// A part's words in lower case, without punctuation.
fn lower_words(part: &str) -> Vec<String> {
    let lower = part.to_lowercase();
    let ws = lower.split(|c: char| !c.is_alphanumeric());
    ws.filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Whether a part tells a user story for confirmation ("As a user, I paste
/// a long URL and get back a short one, right"): a role, what they do in
/// the first person, and a tag asking to confirm it.
pub(super) fn tells_a_story(part: &str) -> bool {
    let ws = lower_words(part);
    let role =
        ws.len() > 4 && ws[0] == "as" && matches!(ws[1].as_str(), "a" | "an") && ws[3] == "i";
    role && ws
        .last()
        .is_some_and(|w| matches!(w.as_str(), "right" | "correct" | "yes"))
}

/// Words that open a phrase a question's frame ends with ("a cap on",
/// "the target for").
const PREPOSITIONS: &[&str] = &["on", "for", "of", "about", "per"];

/// A part that goes on in the frame of the part before ("Is there a cap on
/// how many accounts one can follow, and on how many tweets a day?") with
/// the frame restored: "Is there a cap on how many tweets a day". `None`
/// when it opens with no preposition the part before has.
pub(super) fn in_frame_of(prev: &str, part: &str) -> Option<String> {
    let rest = part.strip_prefix("and ").unwrap_or(part);
    let first = rest.split_whitespace().next()?.to_lowercase();
    if !PREPOSITIONS.contains(&first.as_str()) {
        return None;
    }
    let lower = prev.to_lowercase();
    let at = lower.find(&format!(" {first} "))?;
    let frame = prev.get(..at)?.trim_end();
    // The frame asks something of its own ("is there a cap"), not a bare
    // subject ("photos").
    if frame.split_whitespace().count() < 2 {
        return None;
    }
    Some(format!("{frame} {rest}"))
}

/// Whether a part asks if what was just asked differs for some case ("is
/// it different for logged-in users", "does that change for big files"):
/// a fact about the case does not say how the figure differs.
pub(super) fn asks_a_difference(part: &str) -> bool {
    let owned = lower_words(part);
    let ws: Vec<&str> = owned.iter().map(String::as_str).collect();
    matches!(
        ws.as_slice(),
        [
            "is" | "are",
            "it" | "that" | "this" | "they" | "those",
            "different" | "any" | "the",
            ..
        ] | [
            "does" | "do" | "would" | "will",
            "it" | "that" | "this" | "they" | "those",
            "change" | "differ" | "vary",
            ..
        ]
    ) && ws
        .iter()
        .any(|w| matches!(*w, "different" | "change" | "differ" | "vary" | "same"))
        && ws
            .iter()
            .any(|w| matches!(*w, "for" | "when" | "if" | "on"))
}

/// Dashes that set off an aside.
const DASHES: &[&str] = &[" — ", " – ", " -- ", " - "];

/// The question without an aside between two dashes that glosses the thing
/// before it, when an alternative follows ("Is the upload side in scope —
/// a studio sends us a master file and we encode it — or just playback"):
/// the gloss's words (master file) belong to other facts, the question is
/// which side is in scope. `None` when there is no such aside.
pub(super) fn without_dashed_gloss(question: &str) -> Option<String> {
    let (open, olen) = DASHES
        .iter()
        .filter_map(|d| question.find(d).map(|i| (i, d.len())))
        .min()?;
    let rest = &question[open + olen..];
    let (close, clen) = DASHES
        .iter()
        .filter_map(|d| rest.find(d).map(|i| (i, d.len())))
        .min()?;
    let after = &rest[close + clen..];
    after
        .starts_with("or ")
        .then(|| format!("{} {after}", question[..open].trim_end()))
}

/// Words of a figure offered for confirmation, and the words around it.
#[rustfmt::skip]
const FIGURE_WORDS: &[&str] = &[
    "a", "an", "the", "that", "this", "it", "few", "couple", "of", "several", "one", "two",
    "three", "five", "ten", "twenty", "thirty", "hundred", "thousand", "million", "billion",
    "second", "seconds", "sec", "secs", "s", "ms", "millisecond", "milliseconds", "minute",
    "minutes", "min", "mins", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "percent", "nines", "kb", "mb", "gb", "tb", "or", "so", "about", "around",
    "roughly", "under", "within", "up", "to", "be", "still", "less", "more", "than", "delay",
    "lag", "like", "say", "maybe", "then", "too", "slow", "long", "much", "many", "is",
];

/// A part that tells what the candidate will build ("I'll put popular
/// pastes in a cache", "I plan to keep a connection per user"): nothing is
/// asked in it. An assumption or a guess ("I'll assume 100M users") asks to
/// be confirmed.
pub(super) fn tells_a_plan(part: &str) -> bool {
    let lower = part.to_lowercase().replace('’', "'");
    let opens = [
        "i'll ",
        "i will ",
        "we'll ",
        "we will ",
        "i'm going to ",
        "we're going to ",
        "i plan ",
        "we plan ",
        "i'm planning ",
        "my plan ",
        "i intend ",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    opens && !lower.contains("assum") && !lower.contains("guess")
}

/// The last sentence of a part that opens with statements of context ("We
/// have a lot of mobile users. How bad can their connections be"), when it
/// says enough on its own; `None` for a part of one sentence.
pub(super) fn asked_sentence(part: &str) -> Option<&str> {
    wondered(part).or_else(|| last_sentence(part))
}

/// Openings of an example added after the ask ("how strict is the
/// consistency, for example a rename on one device and a move on another").
const EXAMPLES: &[&str] = &[
    ", for example",
    ", for instance",
    ", e.g.",
    ", eg ",
    ", say ",
    ", like ",
];

/// The ask before an example that illustrates it, when it says enough on
/// its own: the example's own words (a rename, a device) may belong to
/// another fact, which would then answer what was not asked.
pub(super) fn before_example(part: &str) -> Option<&str> {
    let lower = part.to_ascii_lowercase();
    let cut = EXAMPLES.iter().filter_map(|e| lower.find(e)).min()?;
    let ask = part.get(..cut)?.trim();
    (ask.split_whitespace().count() >= 3).then_some(ask)
}

/// Hedges put on a guess offered for confirmation, with the plain words
/// they stand for ("is it safe to assume 100:1" assumes it; "100:1 sound
/// right?" asks whether it is right): "safe" and "sound" name nothing
/// asked. Matched on lower case.
const HEDGES: &[(&str, &str)] = &[
    ("safe to assume", "assume"),
    ("safe to say", "assume"),
    ("sounds about right", "right"),
    ("sound about right", "right"),
    ("sounds right", "right"),
    ("sound right", "right"),
    ("sounds reasonable", "reasonable"),
    ("sound reasonable", "reasonable"),
    // "What's the ceiling for how short the codes need to be": the "how"
    // asks it already.
    ("the ceiling for how", "how"),
    ("by a wide margin", ""),
    ("by a long way", ""),
];

/// The question with its hedges said plainly; `None` when it has none.
pub(super) fn without_hedges(question: &str) -> Option<String> {
    let mut out = question.to_string();
    let mut any = false;
    for (hedge, plain) in HEDGES {
        // Lower-casing keeps the byte offsets of ASCII text.
        while let Some(at) = out.to_ascii_lowercase().find(hedge) {
            out.replace_range(at..at + hedge.len(), plain);
            any = true;
        }
    }
    any.then(|| out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Words after ", which" that make it a question, not a clause that
/// explains ("If I can only optimise one, which matters more: …").
const WHICH_ASKS: &[&str] = &[
    "matters", "wins", "one", "of", "would", "should", "do", "does", "comes", "counts", "weighs",
];

/// Whether the cut at the start of `from` (of `len` bytes) is ", which"
/// asking to choose rather than explaining the thing before it.
fn asks_which(from: &str, len: usize) -> bool {
    let next = from.get(len..).and_then(|r| r.split_whitespace().next());
    from.trim_start_matches([',', ' ']).starts_with("which ")
        && next.is_some_and(|w| WHICH_ASKS.contains(&w.trim_end_matches([':', ',', '?'])))
}

/// Openings of a clause that explains the thing just named ("private
/// accounts, where only approved followers see posts", "adaptive bitrate,
/// so the quality drops instead of stalling").
const EXPLAINING: &[&str] = &[
    ", where ",
    ", so that ",
    ", so ",
    " so that ",
    ", which ",
    ", meaning ",
    ", i.e. ",
    ", ie ",
];

/// Words after a bare "so" that make it no explanation ("a second or so",
/// "so far", "so many").
const NOT_EXPLAINING: &[&str] = &[
    "far", "many", "much", "long", "on", "what", "is", "are", "do", "does", "how", "can", "should",
];

/// The part without a clause that explains the thing before it, up to the
/// clause's end (a comma) or the part's: its words (stalling, approved
/// followers) may belong to another fact, while the ask is the thing
/// explained. `None` when there is none, or too little is left.
pub(super) fn without_explaining(part: &str) -> Option<String> {
    let lower = part.to_ascii_lowercase();
    // A bare "so" explains only after a question that opens with its verb
    // ("do we need adaptive bitrate so quality drops").
    // An assumption put for confirmation is such a question too ("I assume
    // we keep every message forever so people can search").
    let opens = lower.split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "do" | "does" | "is" | "are" | "should" | "can" | "will" | "must"
        )
    }) || ["i assume ", "i'm assuming ", "assuming ", "i guess "]
        .iter()
        .any(|o| lower.replace('’', "'").starts_with(o));
    let mut cuts: Vec<(usize, usize)> = EXPLAINING
        .iter()
        .filter_map(|e| lower.find(e).map(|i| (i, e.len())))
        .filter(|&(i, len)| !asks_which(&lower[i..], len))
        .collect();
    if opens {
        if let Some(i) = lower.find(" so ") {
            cuts.push((i, 4));
        }
    }
    let (at, len) = cuts.into_iter().min()?;
    let next = lower[at + len..].split_whitespace().next().unwrap_or("");
    let before = lower[..at].split_whitespace().last().unwrap_or("");
    if lower[at..at + len].trim_matches([',', ' ']) == "so"
        && (NOT_EXPLAINING.contains(&next) || matches!(before, "or" | "and" | "not" | "just"))
    {
        return None;
    }
    let end = lower[at + len..]
        .find(", ")
        .map_or(part.len(), |e| at + len + e);
    let rest = part.get(end..)?.trim_start_matches([',', ' ']);
    let kept = format!("{} {}", part.get(..at)?.trim(), rest);
    let kept = kept.trim().to_string();
    (kept.split_whitespace().count() >= 3).then_some(kept)
}

/// The first side of a yes-or-no question whose other side is only a word
/// or two for the opposite ("can a paste be edited, or is it immutable?"):
/// that word alone may belong to another fact, which would then make the
/// reading a tie.
pub(super) fn before_other_side(part: &str) -> Option<&str> {
    let lower = part.to_ascii_lowercase();
    let cut = lower.rfind(", or ")?;
    let rest: Vec<&str> = lower[cut + 5..].split_whitespace().collect();
    let opposite = rest.len() >= 3
        && rest.len() <= 5
        && matches!(rest[0], "is" | "are")
        && matches!(rest[1], "it" | "they" | "these" | "those" | "that");
    let ask = part.get(..cut)?.trim();
    (opposite && ask.split_whitespace().count() >= 3).then_some(ask)
}

/// Openings of a reason or a role given before the ask ("since only
/// developers use it, …", "as a user, …").
const REASONS: &[&str] = &[
    "since ",
    "because ",
    "given that ",
    "now that ",
    "seeing as ",
    "as a ",
    "as an ",
];

/// The ask after a reason or a role that opens a part, up to its first
/// comma, when it says enough on its own: the reason's words ("only
/// developers use it") are context, not what is asked.
pub(super) fn after_reason(part: &str) -> Option<&str> {
    let lower = part.to_ascii_lowercase();
    if !REASONS.iter().any(|r| lower.starts_with(r)) {
        return None;
    }
    let cut = lower.find(", ")?;
    let ask = part.get(cut + 2..)?.trim();
    (ask.split_whitespace().count() >= 3).then_some(ask)
}

/// Words of thinking aloud that the question itself follows ("before I
/// size anything I'd want to know how many pastes come in a day").
const WONDERING: &[&str] = &[
    "want to know ",
    "like to know ",
    "need to know ",
    "wondering ",
    "curious ",
    "not sure ",
    "tell me ",
];

/// What follows the last words of thinking aloud, when it says enough on
/// its own.
fn wondered(part: &str) -> Option<&str> {
    let lower = part.to_ascii_lowercase();
    let cut = WONDERING
        .iter()
        .filter_map(|w| lower.rfind(w).map(|i| i + w.len()))
        .max()?;
    let ask = part.get(cut..)?.trim();
    let ask = ask
        .strip_prefix("about ")
        .or_else(|| ask.strip_prefix("whether "))
        .or_else(|| ask.strip_prefix("if "))
        .unwrap_or(ask);
    (ask.split_whitespace().count() >= 3).then_some(ask)
}

/// The last sentence of a part of several sentences.
fn last_sentence(part: &str) -> Option<&str> {
    // "e.g. a phone", "approx. 10": not an end.
    let abbreviation = |before: &str| {
        before.rsplit(' ').next().is_some_and(|w| {
            (w.len() <= 4 && w.contains('.'))
                || matches!(w, "e.g" | "i.e" | "approx" | "vs" | "etc")
        })
    };
    let end = part
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!')
                && part[i + c.len_utf8()..].starts_with(' ')
                && !abbreviation(&part[..i])
        })
        .map(|(i, c)| i + c.len_utf8());
    let cut = end?;
    let ask = part[cut..].trim();
    (ask.split_whitespace().count() >= 3).then_some(ask)
}

/// Most words of a heading ("How big is the catalog:").
const HEADING_WORDS: usize = 6;

/// Whether the first part of a question is a short heading the rest
/// elaborates: followed in the question by a colon or a dash.
pub(super) fn is_heading(question: &str, first: &str) -> bool {
    let ws: Vec<&str> = first.split_whitespace().collect();
    let Some(last) = ws.last() else {
        return false;
    };
    if ws.len() > HEADING_WORDS {
        return false;
    }
    let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
    question.find(last).is_some_and(|at| {
        question[at + last.len()..]
            .trim_start()
            .starts_with([':', '—', '–', '-'])
    })
}

/// The lead-in and the question of a part whose question follows a
/// statement after a dash ("a customer says links feel slow -- what
/// redirect time do we aim for"): the split keeps only such a dash.
pub(super) fn after_dash(part: &str) -> Option<(&str, &str)> {
    let (at, len) = [" — ", " – ", " -- ", " - "]
        .iter()
        .filter_map(|d| part.rfind(d).map(|i| (i, d.len())))
        .max()?;
    let ask = part[at + len..].trim();
    (ask.split_whitespace().count() >= 3).then(|| (part[..at].trim(), ask))
}

/// Whether a question judges what was said before it ("is that expected",
/// "is that right", "would that be fine").
pub(super) fn judges(ask: &str) -> bool {
    ask.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CONFIRMING.contains(&w) || matches!(w, "expected" | "right" | "correct" | "true"))
}

/// Verbs that open a request put as an order ("Name the latency target",
/// "Give me the number of drivers", "Walk me through the catalogue size").
const IMPERATIVES: &[&str] = &[
    "name", "give", "walk", "talk", "run", "list", "describe", "share", "remind", "quote", "state",
    "outline", "spell", "confirm", "show",
];

/// A request put as an order without its verb and the words that only
/// address the listener ("Give me the number of photos" is "the number of
/// photos"): the verb names nothing asked. `None` when it is not one.
pub(super) fn without_imperative(part: &str) -> Option<&str> {
    let mut rest = part.trim_start();
    let next = |rest: &mut &str| -> Option<String> {
        let (w, tail) = rest.split_once(' ')?;
        let out = w.to_lowercase();
        *rest = tail.trim_start();
        Some(out)
    };
    let verb = next(&mut rest)?;
    if !IMPERATIVES.contains(&verb.as_str()) {
        return None;
    }
    let mut addressed = false;
    loop {
        let before = rest;
        match next(&mut rest).as_deref() {
            Some("me" | "us") => addressed = true,
            Some("through" | "over" | "out") if addressed || verb != "run" => {}
            _ => {
                rest = before;
                break;
            }
        }
    }
    // "Name the ...", "Give me ...": an order only when it addresses the
    // listener or names what is asked with an article; "show previews?"
    // asks whether something is shown.
    let article = rest.split_whitespace().next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "your" | "our"
        )
    });
    ((addressed || article) && rest.split_whitespace().count() >= 2).then_some(rest)
}

/// Openings that ask how much weight a requirement carries ("How much do
/// we care about redirect latency …"): the weighing names no quantity of
/// its own ("how much" here counts nothing), so the part asks about what
/// follows them. Matched on lower case, each followed by the subject.
const WEIGHING: &[&str] = &[
    "how much do we care about ",
    "how much do we need to care about ",
    "how much should we care about ",
    "how much should i care about ",
    "how much do you care about ",
    "how much does the business care about ",
    "how much do we worry about ",
    "how much should we worry about ",
    "how much should i worry about ",
    "how much do we need to worry about ",
    "how much does it matter that ",
    "how much does it matter whether ",
    "how much does it matter if ",
    "how important is it that ",
];

/// A part that asks how much a requirement matters, without the opening
/// that weighs it: "how much do we care about delivery latency on slow
/// networks" asks about delivery latency. `None` when it is not one, or
/// when too little follows to be a subject.
pub(super) fn without_weighing(part: &str) -> Option<&str> {
    let trimmed = part.trim_start();
    let lower = trimmed.to_lowercase();
    let Some(len) = WEIGHING
        .iter()
        .find(|o| lower.starts_with(*o))
        .map(|o| o.len())
    else {
        // "how much does offline use matter": the weighing verb follows.
        return super::framing::weighed_by_verb(part);
    };
    // Lower-casing keeps the byte length of plain ASCII openings.
    let rest = trimmed.get(len..)?.trim_start();
    (rest.split_whitespace().count() >= 2).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_asking_to_choose_explains_nothing() {
        assert_eq!(
            without_explaining("If I can only optimise one, which matters more: speed, or cost?"),
            None
        );
        assert_eq!(
            without_explaining("Do we need folders, which users share, in the app?").as_deref(),
            Some("Do we need folders in the app?")
        );
    }

    #[test]
    fn a_user_story_told_for_confirmation_is_known() {
        assert!(tells_a_story(
            "As a user, I open the app and see posts newest first, right"
        ));
        assert!(!tells_a_story("As a user, can I edit a tweet"));
        assert!(!tells_a_story("I open the app and see posts, right"));
    }

    #[test]
    fn a_part_in_the_frame_of_the_one_before_gets_it_back() {
        assert_eq!(
            in_frame_of(
                "Is there a cap on how many accounts one user can follow",
                "on how many tweets they can post per day"
            )
            .as_deref(),
            Some("Is there a cap on how many tweets they can post per day")
        );
        assert_eq!(
            in_frame_of("How long do we keep photos", "in which regions"),
            None
        );
        assert!(asks_a_difference("is it different for logged-in users"));
        assert!(asks_a_difference("does that change for big files"));
        assert!(!asks_a_difference("is it encrypted"));
        assert_eq!(
            without_dashed_gloss("Is upload in scope — a studio sends a file — or just playback?")
                .as_deref(),
            Some("Is upload in scope or just playback?")
        );
        assert_eq!(
            without_dashed_gloss("Are Stories — posts that vanish — in scope?"),
            None
        );
    }
}
