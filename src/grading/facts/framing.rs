//! The way a question is put, apart from what it asks: a lead-in that only
//! says how to take it ("Ballpark, …", "From the user's side, …"), a tail
//! that asks to confirm a statement ("Does that match what you have in
//! mind?", "…, unless you say otherwise"), a scale whose two ends frame
//! the answer ("On a scale from 'a few seconds' to 'next time I open
//! it', …"), and a frame that names a subject before the real question
//! ("Where do you draw the line on read receipts: …", "What would make
//! you unhappy about reliability? …").

use regex::Regex;
use std::sync::OnceLock;

/// A regex of this file's own, compiled once.
fn compiled(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a valid built-in pattern"))
}

/// Lead-ins that say how loosely or from where the question is asked, and
/// name nothing asked: they are dropped.
fn loose_lead() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    compiled(
        &CELL,
        r"(?i)^\s*(?:from (?:the|a|an) (?:end[- ])?(?:user|users|user['’]s|users['’]|customer|customers|customer['’]s|customers['’]|member|member['’]s|rider['’]s|viewer['’]s) (?:side|point of view|perspective|view|end)|ballpark|as a ballpark|roughly speaking|realistically|broadly speaking|in practice|off the top of your head|order of magnitude|in round numbers|back of the envelope|back-of-the-envelope)\s*,\s*|^\s*before (?:i|we) (?:size|estimate|sketch|design|draw|build|pick|choose|commit to|go any further|go further|dive in)\b[^:,;?.]{0,30}[:,]\s*",
    )
}

/// A tail that asks to confirm what was just said, and names nothing of
/// its own: "Does that match what you have in mind?", "Does that fit your
/// expectations?", "…, unless you say otherwise", "…, unless you have
/// different numbers in mind", "…, is that right?".
fn confirming_tail() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    compiled(
        &CELL,
        r"(?i)[.,;!]?\s*(?:(?:does|do|would|will) (?:that|this|it) (?:match|fit|sound right|square with|line up with|agree with)\b[^?.]*|unless you (?:say|tell me|think|see it|feel) otherwise|unless you have (?:a |an )?(?:different|other|another|tighter|looser|stricter|better)\b[^?.]*|(?:is that|that['’]s) (?:right|correct|fair|accurate)|(?:is that|that) about right)\s*[?.!]?\s*$",
    )
}

/// Openings of a picture put up for confirmation ("I'm picturing …"):
/// with a confirming tail, what follows is asked about.
fn picture_opening() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    compiled(
        &CELL,
        r"(?i)^\s*(?:i['’]?m picturing|i picture|i['’]?m imagining|i imagine|i['’]?m envisioning|i envision|my picture is|my mental model is)\s+(?:that\s+)?",
    )
}

/// A scale whose two ends frame the answer: "On a scale from 'a few
/// seconds' to 'whenever it next opens', …".
fn scale_lead() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    compiled(
        &CELL,
        r"(?i)^\s*on a scale (?:from|of|between) .{1,60}? (?:to|and) .{1,60}?,\s*",
    )
}

/// Frames that name a subject and ask nothing of it yet: the question that
/// follows a colon or a question mark asks about it.
fn subject_frame() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    compiled(
        &CELL,
        r"(?i)^\s*(?:where do (?:you|we) draw the line (?:on|with|for|around)|where['’]?s the line (?:on|for)|(?:are there )?any (?:constraints|limits|requirements|restrictions|expectations) (?:on|for|around)|what does (?:success|good|done) look like (?:for|on|in|with)|what would (?:make you unhappy|disappoint you|worry you) (?:about|with)|help me understand)\s+(?P<subject>[^:?,;.]{2,60}?)\s*[:?]\s*(?P<rest>\S.*)$",
    )
}

/// Most words of a subject a frame names: a longer one ("our side, like
/// an existing cloud provider, a budget cap …") asks things of its own.
const SUBJECT_WORDS: usize = 7;

/// The question without lead-ins that only say how loosely it is asked and
/// without a tail that asks to confirm it, with words in another sense put
/// plainly; a picture put up for confirmation ("I'm picturing X. Does that
/// match?") is asked about ("X?"). `None` when nothing changed.
pub(super) fn without_asking_manner(question: &str) -> Option<String> {
    let mut q = loose_lead().replace(question, "").into_owned();
    q = in_the_plain_sense(&q);
    if let Some(m) = confirming_tail().find(&q) {
        if m.start() > 0 {
            let body = q[..m.start()].trim_end_matches([' ', '.', ',', ';']);
            let body = picture_opening().replace(body, "");
            q = format!("{}?", body.trim());
        }
    }
    (q != question && q.split_whitespace().count() >= 3).then_some(q)
}

/// Words of speed, load or deletion used in another sense: "slow them
/// down" of senders is throttling, not how fast anything feels; an app that
/// "won't load" is down, not under load; deleting a sent message "for
/// everyone" is unsending it, a feature, not how long data is kept.
fn other_sense() -> &'static [(Regex, &'static str)] {
    static CELL: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    CELL.get_or_init(|| {
        [
            (
                r"(?i)\bslow (them|him|her|those|these|such \w+|the \w+|bots|spammers|users|senders|clients|callers) down\b",
                "throttle $1",
            ),
            (
                r"(?i)\b(?:won['’]?t|doesn['’]?t|does not|will not|can['’]?t|cannot|fails to|isn['’]?t|is not) (?:even )?load(?:ing)?\b",
                "is down",
            ),
            (
                r#"(?i)\b(?:delete|deletes|deleting)\s+(?:(?:a|the|my|that|this|their|your)\s+)?(?:messages?\s+)?["“]?for (?:everyone|everybody|both (?:sides|of us|of them))["”]?"#,
                "unsend a message",
            ),
        ]
        .into_iter()
        .map(|(p, to)| (Regex::new(p).expect("a valid built-in pattern"), to))
        .collect()
    })
}

/// The question with words used in another sense put plainly ("slow them
/// down" as "throttle them", "won't load" as "is down", "delete for
/// everyone" as "unsend").
fn in_the_plain_sense(question: &str) -> String {
    other_sense()
        .iter()
        .fold(question.to_string(), |q, (re, to)| {
            re.replace_all(&q, *to).into_owned()
        })
}

/// The question after a scale that frames it; the scale's ends may be
/// what names the subject, so the caller falls back on the whole.
pub(super) fn after_scale(question: &str) -> Option<&str> {
    let m = scale_lead().find(question)?;
    let rest = question[m.end()..].trim();
    (rest.split_whitespace().count() >= 4).then_some(rest)
}

/// The subject a frame names and the question that follows it ("Where do
/// you draw the line on read receipts: are the ticks all required?" gives
/// "read receipts" and "are the ticks all required?"). `None` when there
/// is no such frame or its subject is too long to be only a subject.
pub(super) fn framed(question: &str) -> Option<(&str, &str)> {
    let c = subject_frame().captures(question)?;
    let subject = c.name("subject")?.as_str().trim();
    let rest = c.name("rest")?.as_str().trim();
    (subject.split_whitespace().count() <= SUBJECT_WORDS).then_some((subject, rest))
}

/// "How much does X matter", "how much should X shape the design": the
/// weighing names no quantity ("how much" counts nothing here), so the
/// part asks about X.
fn weighing_verb() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    compiled(
        &CELL,
        r"(?i)^\s*how much (?:does|do|should|will|would) (?P<subject>.{3,80}?) (?:matter|matters|shape|drive|influence|affect)(?: the design| our design| the architecture| things| here| for us| to you)?\s*[?.]?\s*$",
    )
}

/// The subject of a part that asks how much it weighs, by a verb after
/// it ("how much does offline use matter" asks about offline use).
pub(super) fn weighed_by_verb(part: &str) -> Option<&str> {
    let subject = weighing_verb().captures(part)?.name("subject")?.as_str();
    (subject.split_whitespace().count() >= 2).then_some(subject)
}

/// Whether a frame's subject is only kinds of requirement ("uptime",
/// "reliability"): then it asks for the fact of its own, as "what does
/// success look like for uptime" does, and keeps it; a thing of the
/// system ("the map") is only what the question after it is about.
pub(super) fn names_a_kind(sheet: &super::sheet::Sheet, subject: &str) -> bool {
    let ts = sheet.read(subject);
    let named: Vec<_> = ts.iter().filter(|t| !t.head && !t.plain()).collect();
    !named.is_empty()
        && named.iter().all(|t| {
            t.keys
                .iter()
                .any(|k| super::groups::KINDS.contains(&k.as_str()))
        })
}

/// A count asked within one thing ("how many photos can go in one post",
/// "how many people in a single group"): the thing, singular as written.
fn count_within() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    compiled(
        &CELL,
        r"(?i)\bhow many\b.*\b(?:in|into|on) (?:one|a single|each|a given) (?P<thing>[a-z]+)",
    )
}

/// Units of time: a count in one of them is a rate ("how many posts in
/// one day"), which a rate answers.
const TIMES: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "session", "visit",
];

/// A count of the people who only do one thing ("how many just scroll
/// without ever posting"): a number of people, which a ratio of reads to
/// writes does not give.
fn counts_people_of_a_kind() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    compiled(
        &CELL,
        r"(?i)^\s*(?:and\s+)?how many(?:\s+(?:people|users|accounts|of them|of those))?\s+(?:just|only|merely|never)\b",
    )
}

/// Whether a fact is a ratio: its ways of asking name one.
fn is_a_ratio(fact: &crate::catalog::Fact) -> bool {
    fact.asks
        .iter()
        .any(|a| a.to_ascii_lowercase().contains("ratio"))
}

/// Whether a fact may answer a part as to how it counts: a count of people
/// who only do one thing is no ratio, and a count within one thing ("how many photos can go in one post") is a limit of that
/// thing, which a fact about a rate or a total does not give; only a fact
/// whose ways of asking count within or per the thing does.
pub(super) fn counts_fit(part: &str, fact: &crate::catalog::Fact) -> bool {
    if counts_people_of_a_kind().is_match(part) && is_a_ratio(fact) {
        return false;
    }
    let Some(c) = count_within().captures(part) else {
        return true;
    };
    let thing = c["thing"].to_ascii_lowercase();
    if TIMES.contains(&thing.as_str()) {
        return true;
    }
    let within = [
        format!("per {thing}"),
        format!("in one {thing}"),
        format!("in a {thing}"),
        format!("each {thing}"),
    ];
    fact.asks
        .iter()
        .chain(&fact.covers)
        .any(|a| within.iter().any(|w| a.to_ascii_lowercase().contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_people_of_a_kind_is_told_from_a_ratio() {
        assert!(counts_people_of_a_kind().is_match("how many just scroll without ever posting"));
        assert!(counts_people_of_a_kind().is_match("How many users only read"));
        assert!(!counts_people_of_a_kind().is_match("How many reads per write"));
    }

    #[test]
    fn a_step_of_the_speakers_own_is_dropped() {
        assert_eq!(
            without_asking_manner("Before I size anything: how many people use it daily?")
                .as_deref(),
            Some("how many people use it daily?")
        );
    }

    #[test]
    fn speed_and_load_words_in_another_sense_are_put_plainly() {
        assert_eq!(
            in_the_plain_sense("Should the design slow them down?"),
            "Should the design throttle them?"
        );
        assert_eq!(
            in_the_plain_sense("If the app won't load for a minute, is that bad?"),
            "If the app is down for a minute, is that bad?"
        );
        assert_eq!(
            in_the_plain_sense("Can I delete a message \"for everyone\" after sending it?"),
            "Can I unsend a message after sending it?"
        );
        assert_eq!(
            in_the_plain_sense("If someone deletes a photo, must it vanish for everyone?"),
            "If someone deletes a photo, must it vanish for everyone?"
        );
        assert_eq!(
            in_the_plain_sense("Does a slow load time matter?"),
            "Does a slow load time matter?"
        );
    }

    #[test]
    fn a_loose_lead_in_is_dropped() {
        assert_eq!(
            without_asking_manner("Ballpark, how many people watch at peak?").as_deref(),
            Some("how many people watch at peak?")
        );
        assert_eq!(
            without_asking_manner("From the user's side, how big can a photo be?").as_deref(),
            Some("how big can a photo be?")
        );
        assert_eq!(
            without_asking_manner("How many people watch at peak?"),
            None
        );
    }

    #[test]
    fn a_confirming_tail_leaves_the_statement_asked() {
        assert_eq!(
            without_asking_manner("I'm picturing links that never expire. Does that match yours?")
                .as_deref(),
            Some("links that never expire?")
        );
        assert_eq!(
            without_asking_manner("I'll assume a paste is immutable, unless you say otherwise.")
                .as_deref(),
            Some("I'll assume a paste is immutable?")
        );
        assert_eq!(
            without_asking_manner("I'm picturing a single home region, is that right?").as_deref(),
            Some("a single home region?")
        );
    }

    #[test]
    fn a_count_within_one_thing_is_no_rate() {
        let fact = |covers: &[&str]| crate::catalog::Fact {
            id: "f".into(),
            topic: "t".into(),
            asks: Vec::new(),
            covers: covers.iter().map(|c| c.to_string()).collect(),
            answer: "a".into(),
            key: false,
        };
        let rate = fact(&["how many photos", "photos per day"]);
        let limit = fact(&["photos per post"]);
        assert!(!counts_fit("how many photos can go in one post", &rate));
        assert!(counts_fit("how many photos can go in one post", &limit));
        assert!(counts_fit("how many photos are posted in one day", &rate));
        assert!(counts_fit("how many photos a day", &rate));
        assert_eq!(
            weighed_by_verb("how much does offline use matter?"),
            Some("offline use")
        );
        assert_eq!(
            weighed_by_verb("how much should storage cost shape the design?"),
            Some("storage cost")
        );
        assert_eq!(weighed_by_verb("how much storage does a user get?"), None);
        // "Weigh" of a thing is its size.
        assert_eq!(weighed_by_verb("How much does each photo weigh?"), None);
    }

    #[test]
    fn a_frame_lends_its_subject_to_the_question_after_it() {
        assert_eq!(
            framed("Where do you draw the line on read receipts: are the ticks all required?"),
            Some(("read receipts", "are the ticks all required?"))
        );
        assert_eq!(
            framed("What would make you unhappy about reliability? Is a minute down bad?"),
            Some(("reliability", "Is a minute down bad?"))
        );
        // A long list after the frame is a question of its own.
        assert_eq!(
            framed("Any constraints on our side, like an existing cloud provider or a budget cap? Also, DMs?"),
            None
        );
        assert_eq!(
            after_scale("On a scale from 'seconds' to 'next open', how fast should sync be?"),
            Some("how fast should sync be?")
        );
    }
}
