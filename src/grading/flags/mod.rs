//! Red and green flags: phrase flags from the rubrics and built-in detectors
//! that look at the shape of an answer.

use super::matcher::{Matcher, Mention};
use super::stance::{
    absolute_kind, admitted_gap, in_turned_down_entry, stance_at, Absolute, Stance,
};
use super::text::Sentence;
use super::topics::{has_reason, is_listy};
use super::StepDoc;
use crate::catalog::{Detector, Flag};
use crate::framework::StepId;
use serde::Serialize;
use std::collections::HashSet;

mod cues;
mod weighing;
use cues::{
    but_costs, down_case, fail_to_idiom, has_job, headed_section, is_failure_word,
    is_trade_off_word, jumps_in_free_form, names_limit, outcome_of_named_failure, prefers_over,
    works_in_words,
};
use weighing::weighs_in_plain_words;

/// A flag raised by the answer, with the quote that raised it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FlagHit {
    pub id: String,
    pub label: String,
    pub evidence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<StepId>,
    pub points: f64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub advice: String,
    /// Raised by a built-in check on the answer's shape, not by its words.
    #[serde(skip)]
    pub by_detector: bool,
}

const QUOTE: usize = 160;

fn hit(flag: &Flag, evidence: String, step: Option<StepId>) -> FlagHit {
    FlagHit {
        id: flag.id.clone(),
        label: flag.label.clone(),
        evidence,
        step,
        points: flag.points,
        advice: flag.advice.clone(),
        by_detector: false,
    }
}

fn applies(flag: &Flag, step: StepId, free_form: bool) -> bool {
    free_form || flag.steps.is_empty() || flag.steps.iter().any(|s| s == step.as_str())
}

/// What the shape checks need besides the text.
pub struct Context<'a> {
    /// Technology names, for the over-engineering check.
    pub technologies: &'a Matcher,
    /// Reference estimates found plus arithmetic steps typed right: zero means the
    /// answer never sizes the system, whatever stray numbers it holds.
    pub figures: usize,
    /// Spelling variants and word senses from the concept lexicon.
    pub lexicon: &'a super::matcher::Lexicon,
}

/// Raises the flags of `flags` over the step documents.
/// `green`: phrase flags then need a sentence that is not a bare list entry,
/// so "- Monitoring" in a buzzword list earns nothing.
pub fn raise(
    flags: &[Flag],
    docs: &[StepDoc],
    free_form: bool,
    green: bool,
    ctx: &Context,
) -> Result<Vec<FlagHit>, (usize, String, String)> {
    let targets: Vec<(Vec<&str>, Vec<&str>)> = flags
        .iter()
        .map(|f| {
            (
                f.phrases.iter().map(String::as_str).collect(),
                f.patterns.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let matcher = Matcher::with_lexicon(&targets, ctx.lexicon.clone())?;
    let unless: Vec<(Vec<&str>, Vec<&str>)> = flags
        .iter()
        .map(|f| (f.unless.iter().map(String::as_str).collect(), Vec::new()))
        .collect();
    // Built only when some flag names what cancels it.
    let unless = if flags.iter().any(|f| !f.unless.is_empty()) {
        Some(Matcher::new(&unless)?)
    } else {
        None
    };
    let mut out: Vec<FlagHit> = Vec::new();
    let mut seen = HashSet::new();
    // Free-form answers hold the same text in every step: read it once.
    let docs = if free_form {
        &docs[..1.min(docs.len())]
    } else {
        docs
    };
    // Mentions that raise their flag, by step document; and the sentences
    // (over all steps) that show each flag, for `min_mentions`.
    let mut shown: Vec<HashSet<(usize, usize)>> = vec![HashSet::new(); flags.len()];
    let mut raising: Vec<Vec<Mention>> = Vec::new();
    let mut weighed = false;
    for (di, doc) in docs.iter().enumerate() {
        let mentions = matcher.find(doc.text, &doc.sentences);
        // A bad approach named and turned down is an alternative weighed.
        weighed |= !green && mentions.iter().any(|m| m.stance == Stance::Rejected);
        // (flag, sentence) pairs whose sentence names what cancels the flag,
        // said as the candidate's own ("we don't use a pre-signed URL" or
        // "end-to-end, but I don't know how that works" cancels nothing).
        let cancelled: HashSet<(usize, usize)> = match &unless {
            Some(u) if mentions.iter().any(|m| !flags[m.target].unless.is_empty()) => u
                .find(doc.text, &doc.sentences)
                .iter()
                .filter(|u| u.stance.earns_credit())
                .map(|u| (u.target, u.sentence))
                .collect(),
            _ => HashSet::new(),
        };
        let keep: Vec<bool> = mentions
            .iter()
            .map(|m| {
                if cancelled.contains(&(m.target, m.sentence)) {
                    return false;
                }
                let counts = if green {
                    // A bare list entry ("- Monitoring", "Chunking, 4 MB,
                    // rolling hash") earns nothing; a line the flag's words
                    // open, or a short item, that states something with a
                    // figure or a reason ("- Let's assume 100M users",
                    // "Assume 2B accounts, 1B DAU, 50 messages a day") does.
                    let s = &doc.sentences[m.sentence];
                    let stated = (m.at <= 1 || (s.list_item && s.separators < 2)) && has_reason(s);
                    m.stance.earns_credit() && (!is_listy(s) || stated)
                } else {
                    m.stance.raises_red()
                        && !continues_turned_down(&mentions, m)
                        && !verdict_past_match(doc, m)
                        && !in_turned_down_entry(doc.text, doc.sentences[m.sentence].span.start)
                        && !outcome_of_named_failure(&doc.sentences[m.sentence], m.at)
                        && !fail_to_idiom(&doc.sentences[m.sentence], m.at, m.words)
                };
                counts && applies(&flags[m.target], doc.step, free_form)
            })
            .collect();
        let mut kept = Vec::new();
        for (m, k) in mentions.into_iter().zip(keep) {
            if k {
                shown[m.target].insert((di, m.sentence));
                kept.push(m);
            }
        }
        raising.push(kept);
    }
    for (doc, mentions) in docs.iter().zip(&raising) {
        for m in mentions {
            let flag = &flags[m.target];
            if shown[m.target].len() < flag.min_mentions || !seen.insert(m.target) {
                continue;
            }
            let quote = doc.sentences[m.sentence].quote(doc.text, QUOTE);
            out.push(hit(flag, quote, (!free_form).then_some(doc.step)));
        }
    }
    for (i, flag) in flags.iter().enumerate() {
        let Some(det) = flag.detector else { continue };
        if seen.contains(&i) {
            continue;
        }
        if det == Detector::NoTradeOffs && weighed {
            continue;
        }
        if let Some((evidence, step)) = detect(det, docs, free_form, ctx) {
            seen.insert(i);
            let mut h = hit(flag, evidence, step);
            h.by_detector = true;
            out.push(h);
        }
    }
    // Each unrealistic target is one more thing an interviewer would push
    // back on: the flag weighs once per claim, up to MAX_ABSOLUTES.
    for h in &mut out {
        let Some(flag) = flags.iter().find(|f| f.id == h.id) else {
            continue;
        };
        if flag.detector == Some(Detector::AbsoluteClaims) {
            let n = absolute_claims(docs);
            if n > 1 {
                h.points = flag.points * n.min(MAX_ABSOLUTES) as f64;
                h.evidence = format!("{} (+{} more absolute claims)", h.evidence, n - 1);
            }
        }
    }
    Ok(out)
}

/// Most absolute claims the over-confidence flag counts.
const MAX_ABSOLUTES: usize = 3;

/// True when a clause of the sentence sets an unrealistic absolute target
/// (100% uptime, zero latency).
fn sets_absolute_target(s: &Sentence, text: &str) -> bool {
    let clauses = s.tokens.last().map_or(0, |t| t.clause);
    (0..=clauses).any(|c| absolute_kind(s, text, c) == Some(Absolute::Target))
}

/// Sentences that set an unrealistic absolute target.
fn absolute_claims(docs: &[StepDoc]) -> usize {
    docs.iter()
        .map(|d| {
            d.sentences
                .iter()
                .filter(|s| sets_absolute_target(s, d.text))
                .count()
        })
        .sum()
}

/// How many sentences after an option is put forward or turned down a
/// mention of the same flag still belongs to that discussion.
const DISCUSSION: usize = 2;

/// "Transcoding when the user presses play doesn't cut it": a match that
/// runs over a "when" of its own hides the verdict after it from the stance
/// read at its first word; the stance at its last word sees it.
/// Only such a match is read again: "better than SQL" inside a match turns
/// SQL down, not the match.
fn verdict_past_match(doc: &StepDoc, m: &Mention) -> bool {
    let last = m.at + m.words.saturating_sub(1);
    let Some(s) = doc.sentences.get(m.sentence) else {
        return false;
    };
    let own_when = s.tokens.get(m.at + 1..=last).is_some_and(|ts| {
        ts.iter()
            .any(|t| matches!(t.word.as_str(), "when" | "whenever"))
    });
    own_when && stance_at(&doc.sentences, doc.text, m.sentence, last) == Stance::Rejected
}

/// True when the mention goes on about an approach the sentences just before
/// put forward as an option or turned down: "Option 1 is polling every few
/// seconds. With 100M phones polling every 5 s that is 20M requests/s…"
/// works out why it loses; it does not adopt it.
fn continues_turned_down(mentions: &[Mention], m: &Mention) -> bool {
    mentions.iter().any(|o| {
        o.target == m.target
            && o.sentence <= m.sentence
            && m.sentence - o.sentence <= DISCUSSION
            && matches!(
                o.stance,
                Stance::Considered
                    | Stance::Rejected
                    | Stance::Negated
                    | Stance::Required
                    | Stance::Scoped
                    | Stance::Deferred
            )
    })
}

fn doc<'a, 'b>(docs: &'a [StepDoc<'b>], id: StepId) -> Option<&'a StepDoc<'b>> {
    docs.iter().find(|d| d.step == id)
}

fn words(docs: &[StepDoc], ids: &[StepId]) -> usize {
    ids.iter()
        .filter_map(|id| doc(docs, *id))
        .map(|d| d.sentences.iter().map(Sentence::len).sum::<usize>())
        .sum()
}

fn first_sentence(
    docs: &[StepDoc],
    ids: &[StepId],
    pred: impl Fn(&Sentence) -> bool,
) -> Option<(String, StepId)> {
    ids.iter().filter_map(|id| doc(docs, *id)).find_map(|d| {
        d.sentences
            .iter()
            .find(|s| pred(s))
            .map(|s| (s.quote(d.text, QUOTE), d.step))
    })
}

fn any_word(docs: &[StepDoc], ids: &[StepId], pred: impl Fn(&str, Option<&str>) -> bool) -> bool {
    ids.iter().filter_map(|id| doc(docs, *id)).any(|d| {
        d.sentences.iter().any(|s| {
            s.tokens
                .iter()
                .enumerate()
                .any(|(i, t)| pred(&t.word, s.tokens.get(i + 1).map(|n| n.word.as_str())))
        })
    })
}

/// True when a word of a clause the candidate stands behind (adopted or
/// considered) passes `pred`: "if the cache dies" counts, "it should not
/// crash" and "it never goes down" do not. A failure given as the reason an
/// idea is turned down ("one sequencer is a single point of failure") is a
/// failure thought through, so a rejected clause counts too, and so does
/// one the candidate names as a known gap ("Not covered: what happens when
/// a region fails"): the failure is not forgotten.
fn any_stated(docs: &[StepDoc], pred: impl Fn(&str, Option<&str>) -> bool) -> bool {
    docs.iter().any(|d| {
        d.sentences.iter().enumerate().any(|(si, s)| {
            s.tokens.iter().enumerate().any(|(i, t)| {
                pred(&t.word, s.tokens.get(i + 1).map(|n| n.word.as_str())) && {
                    let st = stance_at(&d.sentences, d.text, si, i);
                    st.earns_credit() || st == Stance::Rejected || admitted_gap(s, i)
                }
            })
        })
    })
}

/// Figures an answer needs before it "uses concrete numbers".
const CONCRETE: usize = 6;

/// A word that starts with a digit: "10M", "86400", "4".
pub(super) fn is_figure(t: &super::text::Token) -> bool {
    t.word.starts_with(|c: char| c.is_ascii_digit())
}

/// Figures written in words, counted by their scale words ("two hundred
/// million", "eighty-six thousand").
fn spelled_figures(docs: &[StepDoc]) -> usize {
    docs.iter()
        .flat_map(|d| &d.sentences)
        .map(|s| {
            s.tokens
                .iter()
                .filter(|t| {
                    matches!(
                        t.word.as_str(),
                        "thousand" | "million" | "billion" | "trillion"
                    )
                })
                .count()
        })
        .sum()
}

/// Figures in the answer.
fn figure_count(docs: &[StepDoc]) -> usize {
    docs.iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.iter().filter(|t| is_figure(t)).count())
        .sum()
}

fn detect(
    det: Detector,
    docs: &[StepDoc],
    free_form: bool,
    ctx: &Context,
) -> Option<(String, Option<StepId>)> {
    let tech = ctx.technologies;
    let all: Vec<StepId> = docs.iter().map(|d| d.step).collect();
    match det {
        Detector::OverEngineering => docs.iter().find_map(|d| {
            let mut names = HashSet::new();
            let mut bare = 0usize;
            let mut total = 0usize;
            let mut example = None;
            for m in tech.find(d.text, &d.sentences) {
                let s = &d.sentences[m.sentence];
                total += 1;
                names.insert(m.target);
                let given_a_job = has_job(&s.tokens, m.at, m.at + m.words);
                if (is_listy(s) || !has_reason(s)) && !given_a_job {
                    bare += 1;
                    example.get_or_insert(m.sentence);
                }
            }
            let listy = d.sentences.iter().filter(|s| is_listy(s)).count();
            let mostly_list = listy * 2 >= d.sentences.len();
            (names.len() >= 5 && bare * 10 >= total * 6 && mostly_list).then(|| {
                let q = example
                    .map(|i| d.sentences[i].quote(d.text, QUOTE))
                    .unwrap_or_default();
                (
                    format!(
                        "{q} ({} technology names, {bare} of {total} mentions without a reason)",
                        names.len()
                    ),
                    (!free_form).then_some(d.step),
                )
            })
        }),
        Detector::JumpingToSolution => {
            if free_form {
                return docs.first().and_then(jumps_in_free_form);
            }
            let before = words(
                docs,
                &[
                    StepId::Requirements,
                    StepId::Functional,
                    StepId::NonFunctional,
                ],
            );
            let design_words = words(docs, &[StepId::HighLevel, StepId::DeepDive]);
            // A requirements step of one dismissive line: no question, no
            // figure, no assumption.
            // Requirements written under a "Scope" heading still count:
            // every requirements step is read for a question or an assumption.
            let req_words = words(docs, &[StepId::Requirements]);
            let req_steps = [
                StepId::Requirements,
                StepId::Functional,
                StepId::NonFunctional,
            ];
            // A cue counts only when stated: "I don't think I need to ask
            // anything" asks nothing, and "let's just start designing"
            // assumes nothing.
            let asks_nothing = !req_steps.iter().filter_map(|id| doc(docs, *id)).any(|d| {
                d.sentences.iter().enumerate().any(|(si, s)| {
                    s.asks()
                        || s.tokens.iter().enumerate().any(|(i, t)| {
                            let next = s.tokens.get(i + 1).map(|n| n.word.as_str());
                            let cue = t.numeric
                                || t.word.starts_with("assum")
                                || matches!(
                                    t.word.as_str(),
                                    "suppose" | "confirm" | "clarify" | "ask"
                                )
                                || (t.word == "let's"
                                    && matches!(
                                        next,
                                        Some("assume" | "say" | "suppose" | "estimate" | "take")
                                    ));
                            cue && stance_at(&d.sentences, d.text, si, i).earns_credit()
                        })
                })
            });
            let skipped = req_words < 30 && asks_nothing;
            ((before < 15 || skipped) && design_words >= 30).then(|| {
                (
                    format!("(requirements steps hold {before} words and no question, while the design holds {design_words})"),
                    Some(StepId::Requirements),
                )
            })
        }
        Detector::IgnoringScale => {
            let numbers = figure_count(docs);
            if numbers == 0 && spelled_figures(docs) < 3 {
                Some(("(no number anywhere in the answer)".to_string(), None))
            } else if numbers == 0 {
                // "two hundred million people times ten opens is two
                // billion reads a day": figures in words are not read
                // closely enough to judge either way.
                None
            } else if ctx.figures == 0 && numbers < CONCRETE && !works_in_words(docs) {
                // Many figures, none worked, sit between the two flags:
                // neither "uses concrete numbers" nor "ignores scale".
                Some((
                    "(no estimate worked out: numbers appear, but no rate, size or sum is computed)"
                        .to_string(),
                    None,
                ))
            } else {
                None
            }
        }
        Detector::NoTradeOffs => {
            let found = any_word(docs, &all, is_trade_off_word)
                || but_costs(docs)
                || prefers_over(docs)
                || names_limit(docs)
                || weighs_in_plain_words(docs)
                || headed_section(docs, &["trade-off", "tradeoff", "trade off"]);
            (!found).then(|| {
                (
                    "(no trade-off named anywhere in the answer)".to_string(),
                    None,
                )
            })
        }
        Detector::ForgettingFailures => {
            let found = any_stated(docs, is_failure_word)
                || docs.iter().flat_map(|d| &d.sentences).any(down_case)
                || headed_section(docs, &["failure", "what can go wrong", "when things break"]);
            (!found).then(|| {
                (
                    "(no failure mode discussed anywhere in the answer)".to_string(),
                    None,
                )
            })
        }
        Detector::AbsoluteClaims => docs.iter().find_map(|d| {
            d.sentences.iter().find_map(|s| {
                sets_absolute_target(s, d.text)
                    .then(|| (s.quote(d.text, QUOTE), (!free_form).then_some(d.step)))
            })
        }),
        Detector::ClarifyingQuestions => {
            let ids: &[StepId] = if free_form {
                &all
            } else {
                &[StepId::Requirements]
            };
            let count: usize = ids
                .iter()
                .filter_map(|id| doc(docs, *id))
                .map(|d| d.sentences.iter().filter(|s| s.asks()).count())
                .sum();
            if count >= 2 {
                first_sentence(docs, ids, Sentence::asks).map(|(q, step)| {
                    (
                        format!("{q} (+{} more questions)", count - 1),
                        (!free_form).then_some(step),
                    )
                })
            } else {
                None
            }
        }
        Detector::ConcreteNumbers => {
            let count = figure_count(docs);
            let example = docs.iter().find_map(|d| {
                d.sentences
                    .iter()
                    .find(|s| !s.question && s.tokens.iter().any(is_figure))
                    .map(|s| (s.quote(d.text, QUOTE), d.step))
            });
            // Figures count when some are worked: a reference rate or size
            // reached, or a sum typed out; "10M new URLs per day" alone is
            // a number, not a sizing.
            (count >= CONCRETE && ctx.figures > 0).then(|| {
                let (q, step) = example.map_or((String::new(), None), |(q, s)| (q, Some(s)));
                (
                    format!("{q} ({count} figures in all)"),
                    step.filter(|_| !free_form),
                )
            })
        }
    }
}

#[cfg(test)]
mod tests;
