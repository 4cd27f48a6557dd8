//! Red and green flags: phrase flags from the rubrics and built-in detectors
//! that look at the shape of an answer.

use super::matcher::Matcher;
use super::text::Sentence;
use super::topics::{has_reason, is_listy};
use super::StepDoc;
use crate::catalog::{Detector, Flag};
use crate::framework::StepId;
use serde::Serialize;
use std::collections::HashSet;

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
    }
}

fn applies(flag: &Flag, step: StepId, free_form: bool) -> bool {
    free_form || flag.steps.is_empty() || flag.steps.iter().any(|s| s == step.as_str())
}

/// Raises the flags of `flags` over the step documents.
/// `green`: phrase flags then need a sentence that is not a bare list entry,
/// so "- Monitoring" in a buzzword list earns nothing.
pub fn raise(
    flags: &[Flag],
    docs: &[StepDoc],
    free_form: bool,
    green: bool,
    technologies: &Matcher,
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
    let matcher = Matcher::new(&targets)?;
    let mut out: Vec<FlagHit> = Vec::new();
    let mut seen = HashSet::new();
    // Free-form answers hold the same text in every step: read it once.
    let docs = if free_form {
        &docs[..1.min(docs.len())]
    } else {
        docs
    };
    for doc in docs {
        for m in matcher.find(doc.text, &doc.sentences) {
            let flag = &flags[m.target];
            let sentence = &doc.sentences[m.sentence];
            let counts = if green {
                m.stance.earns_credit()
            } else {
                m.stance.raises_red()
            };
            if !counts
                || (green && is_listy(sentence))
                || !applies(flag, doc.step, free_form)
                || !seen.insert(m.target)
            {
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
        if let Some((evidence, step)) = detect(det, docs, free_form, technologies) {
            seen.insert(i);
            out.push(hit(flag, evidence, step));
        }
    }
    Ok(out)
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

fn detect(
    det: Detector,
    docs: &[StepDoc],
    free_form: bool,
    tech: &Matcher,
) -> Option<(String, Option<StepId>)> {
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
                if is_listy(s) || !has_reason(s) {
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
                return None;
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
            (before < 15 && design_words >= 30).then(|| {
                (
                    format!("(requirements steps hold {before} words while the design holds {design_words})"),
                    Some(StepId::Requirements),
                )
            })
        }
        Detector::IgnoringScale => {
            let has_number = any_word(docs, &all, |w, _| {
                w.starts_with(|c: char| c.is_ascii_digit())
            });
            (!has_number).then(|| ("(no number anywhere in the answer)".to_string(), None))
        }
        Detector::NoTradeOffs => {
            let found = any_word(docs, &all, |w, n| {
                matches!(
                    w,
                    "tradeoff"
                        | "tradeoffs"
                        | "downside"
                        | "downsides"
                        | "versus"
                        | "vs"
                        | "drawback"
                        | "drawbacks"
                        | "cons"
                        | "disadvantage"
                        | "disadvantages"
                        | "advantage"
                        | "advantages"
                        | "unlike"
                        | "alternatively"
                        | "whereas"
                        | "however"
                        | "catch"
                        | "sacrifice"
                        | "sacrificing"
                ) || (w == "trade" && matches!(n, Some("off") | Some("offs")))
                    || (w == "instead" && n == Some("of"))
                    || (w == "rather" && n == Some("than"))
                    || (w == "cost" && n == Some("of"))
                    || (w == "price" && n == Some("of"))
                    || (w == "compared" && n == Some("to"))
                    || (w == "we" && matches!(n, Some("lose") | Some("accept") | Some("give")))
                    || (w == "but"
                        && n.is_some_and(|n| {
                            matches!(
                                n,
                                "we" | "it"
                                    | "that"
                                    | "this"
                                    | "costs"
                                    | "slower"
                                    | "more"
                                    | "less"
                            )
                        }))
            });
            (!found).then(|| {
                (
                    "(no trade-off named anywhere in the answer)".to_string(),
                    None,
                )
            })
        }
        Detector::ForgettingFailures => {
            let found = any_word(docs, &all, |w, n| {
                w.starts_with("fail")
                    || w.starts_with("crash")
                    || w.starts_with("outage")
                    || w.starts_with("retr")
                    || w.starts_with("redundan")
                    || w.starts_with("backup")
                    || w.starts_with("fallback")
                    || w.starts_with("timeout")
                    || w.starts_with("replica")
                    || w.starts_with("failover")
                    || (w == "goes" && n == Some("down"))
                    || (w == "go" && n == Some("down"))
                    || w == "dies"
            });
            (!found).then(|| {
                (
                    "(no failure mode discussed anywhere in the answer)".to_string(),
                    None,
                )
            })
        }
        Detector::ClarifyingQuestions => {
            let ids: &[StepId] = if free_form {
                &all
            } else {
                &[StepId::Requirements]
            };
            let count: usize = ids
                .iter()
                .filter_map(|id| doc(docs, *id))
                .map(|d| d.sentences.iter().filter(|s| s.question).count())
                .sum();
            if count >= 2 {
                first_sentence(docs, ids, |s| s.question).map(|(q, step)| {
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
            let mut count = 0;
            let mut example = None;
            for d in docs.iter() {
                for s in &d.sentences {
                    let n = s
                        .tokens
                        .iter()
                        .filter(|t| t.word.starts_with(|c: char| c.is_ascii_digit()))
                        .count();
                    if n > 0 && example.is_none() && !s.question {
                        example = Some((s.quote(d.text, QUOTE), d.step));
                    }
                    count += n;
                }
            }
            (count >= 6).then(|| {
                let (q, step) = example.map_or((String::new(), None), |(q, s)| (q, Some(s)));
                (
                    format!("{q} ({count} figures in all)"),
                    step.filter(|_| !free_form),
                )
            })
        }
    }
}
