//! What the interviewer says after an answer, decided from what the answer
//! covered: a nudge after an empty or off-topic answer; otherwise the key
//! figures the estimate left out, one probe on a key topic a step missed, and
//! in the deep dive two or three probes on what was missing or thin. A probe
//! never asks about something the answer already covered well.

use crate::catalog::{Lexicon, Probe, Problem, Rubric, Topic};
use crate::estimation::{compare_estimates, EstimateVerdict};
use crate::framework::StepId;
use crate::grading::text::sentences;
use crate::grading::{score_topics_in, TopicHit};
use crate::Result;

/// Most key figures asked for after the estimation answer.
const MAX_FIGURE_ASKS: usize = 3;
/// Credit from which a topic counts as covered well (stated with a reason).
const WELL: f64 = 0.99;
/// Weight from which a topic is a key one of its step.
const KEY_WEIGHT: f64 = 2.0;
/// Fewest words an answer needs before it is judged on its topics.
const MIN_WORDS: usize = 4;

/// One thing the interviewer says after an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUp {
    /// A question to answer; `question` links the counter-question bank.
    Ask {
        ask: String,
        question: Option<String>,
    },
    /// The answer does not address the step yet: say so, ask for nothing.
    Nudge(String),
}

/// How well the answer covered each topic of the step (0 when missed).
fn coverage(
    concepts: &Lexicon,
    rubric: &Rubric,
    step: StepId,
    text: &str,
) -> Result<Vec<(String, f64, f64)>> {
    let topics: Vec<&Topic> = rubric
        .steps
        .get(step.as_str())
        .map(|s| s.topics.iter().collect())
        .unwrap_or_default();
    let file = format!("rubrics/{}.yaml", rubric.problem);
    let hits: Vec<TopicHit> = if text.trim().is_empty() {
        Vec::new()
    } else {
        score_topics_in(concepts, &topics, text, &sentences(text), &file)?.1
    };
    Ok(topics
        .iter()
        .map(|t| {
            let credit = hits
                .iter()
                .filter(|h| h.topic == t.id)
                .map(|h| h.credit)
                .fold(0.0, f64::max);
            (t.id.clone(), t.weight, credit)
        })
        .collect())
}

/// Whether a probe asks only about what the answer left open: none of its
/// topics covered well, at least one missing (or, with `thin`, not yet well).
fn open(probe: &Probe, cover: &[(String, f64, f64)], thin: bool) -> bool {
    let credit = |id: &str| {
        cover
            .iter()
            .find(|(t, _, _)| t == id)
            .map_or(0.0, |(_, _, c)| *c)
    };
    !probe.topics.is_empty()
        && probe.topics.iter().all(|t| credit(t) < WELL)
        && probe.topics.iter().any(|t| {
            if thin {
                credit(t) < WELL
            } else {
                credit(t) == 0.0
            }
        })
}

/// Seeded order, so a session asks the same probes when resumed.
fn shuffled<T>(items: Vec<T>, seed: u64) -> Vec<T> {
    let mut keyed: Vec<(u64, T)> = items
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            // splitmix64 of the seed and the position: a stable shuffle.
            let mut x = seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (x ^ (x >> 31), t)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, t)| t).collect()
}

fn ask(p: &Probe) -> FollowUp {
    FollowUp::Ask {
        ask: p.ask.clone(),
        question: p.question.clone(),
    }
}

/// What to say after the answer to `step`.
pub fn after_answer(
    concepts: &Lexicon,
    problem: &Problem,
    rubric: &Rubric,
    step: StepId,
    text: &str,
    seed: u64,
) -> Result<Vec<FollowUp>> {
    let cover = coverage(concepts, rubric, step, text)?;
    let words = text.split_whitespace().count();
    let nothing = cover.iter().all(|(_, _, c)| *c == 0.0);
    if words < MIN_WORDS || (nothing && step != StepId::Estimation) {
        let what = step.info().covers;
        return Ok(vec![FollowUp::Nudge(if words == 0 {
            format!("You left this step empty. It is about: {what}")
        } else {
            format!("That does not address this step yet. It is about: {what}")
        })]);
    }
    let probes: Vec<&Probe> = problem
        .probes
        .get(step.as_str())
        .map(|p| p.iter().collect())
        .unwrap_or_default();
    Ok(match step {
        StepId::Estimation => {
            let weights: Vec<(String, f64)> = problem
                .estimates
                .iter()
                .filter(|e| e.key)
                .map(|e| (e.id.clone(), 1.0))
                .collect();
            compare_estimates(text, problem, &weights)
                .into_iter()
                .filter(|r| r.verdict == EstimateVerdict::Missing)
                .take(MAX_FIGURE_ASKS)
                .map(|r| FollowUp::Ask {
                    ask: format!(
                        "I don't see your figure for {}. What is it, and how did you get it?",
                        r.label.to_lowercase()
                    ),
                    question: None,
                })
                .collect()
        }
        StepId::DeepDive => {
            // Missing topics first, then thin ones; two or three in all.
            let missing: Vec<&Probe> = probes
                .iter()
                .copied()
                .filter(|p| open(p, &cover, false))
                .collect();
            let thin: Vec<&Probe> = probes
                .iter()
                .copied()
                .filter(|p| open(p, &cover, true) && !open(p, &cover, false))
                .collect();
            let want = 2 + (seed % 2) as usize;
            shuffled(missing, seed)
                .into_iter()
                .chain(shuffled(thin, seed))
                .take(want)
                .map(ask)
                .collect()
        }
        _ => {
            let key_missing = |p: &&Probe| {
                p.topics.iter().any(|t| {
                    cover
                        .iter()
                        .any(|(id, w, c)| id == t && *w >= KEY_WEIGHT && *c == 0.0)
                })
            };
            shuffled(
                probes
                    .iter()
                    .copied()
                    .filter(|p| open(p, &cover, false))
                    .filter(key_missing)
                    .collect(),
                seed,
            )
            .into_iter()
            .take(1)
            .map(ask)
            .collect()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn asks(f: &[FollowUp]) -> Vec<String> {
        f.iter()
            .filter_map(|x| match x {
                FollowUp::Ask { ask, .. } => Some(ask.clone()),
                FollowUp::Nudge(_) => None,
            })
            .collect()
    }

    #[test]
    fn probes_skip_what_the_answer_covered_well() {
        let catalog = Catalog::embedded().expect("data");
        let problem = catalog.problem("twitter").expect("twitter");
        let rubric = catalog.rubric("twitter").expect("rubric");
        let thin = "We use fan-out on write for the timelines.";
        let rich = "Fan-out on write pushes each new tweet into the cached timeline of every \
            follower, because reads outnumber writes 100 to 1; for celebrities with millions \
            of followers we switch to fan-out on read and merge at read time, so that one \
            tweet does not cost 50 million writes.";
        for seed in 0..6 {
            let after_rich = asks(
                &after_answer(
                    &catalog.concepts,
                    problem,
                    rubric,
                    StepId::DeepDive,
                    rich,
                    seed,
                )
                .expect("ok"),
            );
            let after_thin = asks(
                &after_answer(
                    &catalog.concepts,
                    problem,
                    rubric,
                    StepId::DeepDive,
                    thin,
                    seed,
                )
                .expect("ok"),
            );
            let said = after_answer(
                &catalog.concepts,
                problem,
                rubric,
                StepId::DeepDive,
                thin,
                seed,
            )
            .expect("ok");
            assert!((1..=3).contains(&after_thin.len()), "{said:?}");
            // A probe on push versus pull never follows an answer that covered it well.
            assert!(
                after_rich
                    .iter()
                    .all(|a| !a.to_lowercase().contains("push")),
                "{after_rich:?}"
            );
        }
    }

    #[test]
    fn an_empty_or_off_topic_answer_gets_a_nudge_not_a_probe() {
        let catalog = Catalog::embedded().expect("data");
        let problem = catalog.problem("url-shortener").expect("problem");
        let rubric = catalog.rubric("url-shortener").expect("rubric");
        for text in ["", "ok", "I like turtles and long walks on the beach."] {
            let f = after_answer(
                &catalog.concepts,
                problem,
                rubric,
                StepId::DeepDive,
                text,
                1,
            )
            .expect("ok");
            assert!(
                matches!(f.as_slice(), [FollowUp::Nudge(_)]),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_step_missing_a_key_topic_gets_one_probe_on_it() {
        let catalog = Catalog::embedded().expect("data");
        let problem = catalog.problem("twitter").expect("problem");
        let rubric = catalog.rubric("twitter").expect("rubric");
        let f = after_answer(
            &catalog.concepts,
            problem,
            rubric,
            StepId::NonFunctional,
            "The timeline should load fast for users.",
            3,
        )
        .expect("ok");
        assert_eq!(asks(&f).len(), 1, "{f:?}");
    }
}
