//! Grading: pure functions of (answer, problem, rubric). Never prompts, never
//! renders; every point given or taken carries its evidence.

pub mod answer;
pub mod facts;
pub mod flags;
pub mod matcher;
mod math;
pub mod score;
pub mod scorecard;
pub mod text;
pub mod topics;

pub use answer::{parse_answer, step_for_heading, Answer};
pub use flags::FlagHit;
pub use score::{Band, Dimensions};

use crate::catalog::{Catalog, Problem, Rubric, Topic};
use crate::error::{Error, Result};
use crate::estimation::{self, ArithmeticCheck, EstimateResult};
use crate::framework::StepId;
use matcher::Matcher;
use serde::Serialize;
use std::collections::BTreeSet;
use text::{sentences, Sentence};

/// Longest quote kept as evidence.
const QUOTE: usize = 200;
/// Points a hint costs on its step.
pub const HINT_COST: f64 = 3.0;

/// A step's text, split into sentences once.
pub struct StepDoc<'a> {
    pub step: StepId,
    pub text: &'a str,
    pub sentences: Vec<Sentence>,
}

/// A topic the answer covered, with the sentence that earned it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TopicHit {
    pub topic: String,
    pub label: String,
    pub evidence: String,
    /// 1.0 with a reason, about 0.6 in prose, about 0.35 as a bare list
    /// entry; times 0.5 when found under another step's heading.
    pub credit: f64,
    /// Found under another step's heading.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub elsewhere: bool,
}

/// A topic the answer missed, with what to study.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Missed {
    pub topic: String,
    pub label: String,
    pub study: String,
    pub weight: f64,
}

/// The grade of one step.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StepGrade {
    pub id: StepId,
    pub title: String,
    pub score: u32,
    pub matched: Vec<TopicHit>,
    /// Ids of missed topics (the stable JSON contract).
    pub missed: Vec<String>,
    /// Missed topics with labels and study pointers.
    pub to_study: Vec<Missed>,
    pub words: usize,
    pub hints: u32,
}

/// Facts of the problem the candidate uncovered by asking.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct FactCoverage {
    pub uncovered: Vec<String>,
    pub key_uncovered: usize,
    pub key_total: usize,
    /// Key facts nobody asked about: `(id, topic)`.
    pub key_missed: Vec<(String, String)>,
}

/// Flags raised, by colour.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Flags {
    pub red: Vec<FlagHit>,
    pub green: Vec<FlagHit>,
}

/// A whole grade.
#[derive(Debug, Clone, Serialize)]
pub struct Grade {
    pub problem: String,
    pub title: String,
    pub score: u32,
    pub band: Band,
    pub free_form: bool,
    pub steps: Vec<StepGrade>,
    pub dimensions: Dimensions,
    pub flags: Flags,
    pub estimates: Vec<EstimateResult>,
    pub arithmetic: Vec<ArithmeticCheck>,
    pub facts: FactCoverage,
    /// Follow-up replies graded against the counter-question bank.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<QuestionGrade>,
}

impl Grade {
    /// The step with the lowest score (first in interview order on ties).
    pub fn weakest_step(&self) -> Option<&StepGrade> {
        self.steps.iter().min_by_key(|s| s.score)
    }
}

/// What a session adds to a written answer.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Hints used per step, in interview order.
    pub hints: [u32; 7],
    /// Facts revealed by the interviewer (session mode); `None` reads the
    /// questions in the requirements text instead.
    pub revealed: Option<Vec<String>>,
    /// Replies to follow-ups drawn from the counter-question bank:
    /// (the ask, the bank id, the reply). Each is graded against the bank.
    pub follow_ups: Vec<(String, String, String)>,
}

fn topic_targets<'a>(topics: &[&'a Topic]) -> Vec<(Vec<&'a str>, Vec<&'a str>)> {
    topics
        .iter()
        .map(|t| {
            (
                t.phrases
                    .iter()
                    .chain(&t.synonyms)
                    .map(String::as_str)
                    .collect(),
                t.patterns.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn regex_error(file: &str, what: &str, id: &str, pattern: &str, err: &str) -> Error {
    let reason = err.lines().last().unwrap_or(err).trim();
    Error::Data {
        file: file.to_string(),
        message: format!(
            "{what} `{id}` has an invalid regex `{pattern}`: {reason}; run `sdcoach lint`"
        ),
    }
}

/// Share of credit a topic earns when it is covered under another step's
/// heading: the content counts, the structure less so.
pub const OTHER_STEP_FACTOR: f64 = 0.5;

/// A text searched for topics, and the step it was written under (`None`:
/// it counts for every step, as a free-form answer does).
pub struct Source<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub step: Option<StepId>,
}

/// Best mention per topic: (credit, source index, sentence index).
type Best = Option<(f64, usize, usize)>;

/// Finds the best-credited mention of every topic over all sources in one
/// pass per source. A topic found under another step's heading earns
/// [`OTHER_STEP_FACTOR`] of its credit.
fn best_mentions(
    topics: &[(&Topic, Option<StepId>)],
    sources: &[Source],
    file: &str,
) -> Result<Vec<Best>> {
    let plain: Vec<&Topic> = topics.iter().map(|(t, _)| *t).collect();
    let matcher = Matcher::new(&topic_targets(&plain))
        .map_err(|(i, pat, err)| regex_error(file, "topic", &plain[i].id, &pat, &err))?;
    let mut best: Vec<Best> = vec![None; topics.len()];
    for (si, src) in sources.iter().enumerate() {
        for m in matcher.find(src.text, src.sentences) {
            if m.negated {
                continue;
            }
            let factor = match (src.step, topics[m.target].1) {
                (Some(a), Some(b)) if a != b => OTHER_STEP_FACTOR,
                _ => 1.0,
            };
            let c = topics::credit(src.sentences, m.sentence) * factor;
            if best[m.target].is_none_or(|(b, _, _)| c > b) {
                best[m.target] = Some((c, si, m.sentence));
            }
        }
    }
    Ok(best)
}

/// Step score, matched topics with evidence and missed topics with what to study.
fn tally(
    topics: &[&Topic],
    best: &[Best],
    sources: &[Source],
    own: Option<StepId>,
) -> (f64, Vec<TopicHit>, Vec<Missed>) {
    let total: f64 = topics.iter().map(|t| t.weight).sum();
    let mut earned = 0.0;
    let mut matched = Vec::new();
    let mut missed = Vec::new();
    for (t, b) in topics.iter().zip(best) {
        match *b {
            Some((c, si, sent)) => {
                earned += c * t.weight;
                let src = &sources[si];
                matched.push(TopicHit {
                    topic: t.id.clone(),
                    label: t.label.clone(),
                    evidence: src.sentences[sent].quote(src.text, QUOTE),
                    credit: c,
                    elsewhere: matches!((src.step, own), (Some(a), Some(b)) if a != b),
                });
            }
            None => missed.push(Missed {
                topic: t.id.clone(),
                label: t.label.clone(),
                study: t.study.clone(),
                weight: t.weight,
            }),
        }
    }
    let ratio = if total > 0.0 { earned / total } else { 0.0 };
    (score::coverage_score(ratio), matched, missed)
}

/// Scores topics over one text: best credit per topic with its evidence.
pub fn score_topics(
    topics: &[&Topic],
    text: &str,
    sents: &[Sentence],
    file: &str,
) -> Result<(f64, Vec<TopicHit>, Vec<Missed>)> {
    let sources = [Source {
        text,
        sentences: sents,
        step: None,
    }];
    let tagged: Vec<(&Topic, Option<StepId>)> = topics.iter().map(|t| (*t, None)).collect();
    let best = best_mentions(&tagged, &sources, file)?;
    Ok(tally(topics, &best, &sources, None))
}

/// Which facts the questions in `text` uncover.
fn facts_from_questions(problem: &Problem, sents: &[Sentence], text: &str) -> Vec<String> {
    let mut ids = BTreeSet::new();
    for s in sents.iter().filter(|s| s.question) {
        let q = text.get(s.span.clone()).unwrap_or("");
        for f in facts::match_facts(q, &problem.facts) {
            ids.insert(f.id.clone());
        }
    }
    ids.into_iter().collect()
}

/// Grades an answer to a problem.
pub fn grade(
    catalog: &Catalog,
    problem_id: &str,
    answer: &Answer,
    extras: &Extras,
) -> Result<Grade> {
    let problem = catalog.problem(problem_id)?;
    let rubric = catalog.rubric(problem_id)?;
    grade_with(catalog, problem, rubric, answer, extras)
}

fn grade_with(
    catalog: &Catalog,
    problem: &Problem,
    rubric: &Rubric,
    answer: &Answer,
    extras: &Extras,
) -> Result<Grade> {
    let file = format!("rubrics/{}.yaml", problem.id);
    // A free-form answer has the same text in every step: split it once.
    let shared = answer
        .free_form
        .then(|| sentences(answer.step(StepId::Requirements)));
    let docs: Vec<StepDoc> = StepId::ALL
        .iter()
        .map(|&step| StepDoc {
            step,
            text: answer.step(step),
            sentences: shared
                .clone()
                .unwrap_or_else(|| sentences(answer.step(step))),
        })
        .collect();

    // Facts uncovered in requirements.
    let uncovered = match &extras.revealed {
        Some(ids) => ids.clone(),
        None => facts_from_questions(problem, &docs[0].sentences, docs[0].text),
    };
    let key: Vec<_> = problem.facts.iter().filter(|f| f.key).collect();
    let facts = FactCoverage {
        key_uncovered: key.iter().filter(|f| uncovered.contains(&f.id)).count(),
        key_total: key.len(),
        key_missed: key
            .iter()
            .filter(|f| !uncovered.contains(&f.id))
            .map(|f| (f.id.clone(), f.topic.clone()))
            .collect(),
        uncovered,
    };

    // Estimates and arithmetic: the estimation step, or the whole answer
    // when that step names no figure (numbers written under another heading).
    let weights: Vec<(String, f64)> = rubric
        .estimates
        .iter()
        .map(|e| (e.id.clone(), e.weight))
        .collect();
    let found = |results: &[EstimateResult]| results.iter().filter(|r| r.found.is_some()).count();
    let step_text = math::plain(if answer.free_form {
        answer.step(StepId::Requirements)
    } else {
        answer.step(StepId::Estimation)
    });
    let mut est_text = step_text;
    let mut estimates = estimation::compare_estimates(&est_text, problem, &weights);
    if !answer.free_form && found(&estimates) == 0 {
        let whole = math::plain(&answer.steps.join("\n\n"));
        let wider = estimation::compare_estimates(&whole, problem, &weights);
        if found(&wider) > 0 {
            estimates = wider;
            est_text = whole;
        }
    }
    let arithmetic = estimation::check_arithmetic(&est_text);
    let numbers_score = estimation::estimation_score(&estimates, &arithmetic);

    // Every topic of every step in one pass per step text.
    let sources: Vec<Source> = if answer.free_form {
        vec![Source {
            text: docs[0].text,
            sentences: &docs[0].sentences,
            step: None,
        }]
    } else {
        docs.iter()
            .map(|d| Source {
                text: d.text,
                sentences: &d.sentences,
                step: Some(d.step),
            })
            .collect()
    };
    let tagged: Vec<(&Topic, Option<StepId>)> = StepId::ALL
        .iter()
        .flat_map(|&step| {
            rubric
                .steps
                .get(step.as_str())
                .into_iter()
                .flat_map(move |s| s.topics.iter().map(move |t| (t, Some(step))))
        })
        .collect();
    let best = best_mentions(&tagged, &sources, &file)?;
    let mut steps = Vec::new();
    for doc in &docs {
        let idx: Vec<usize> = (0..tagged.len())
            .filter(|&i| tagged[i].1 == Some(doc.step))
            .collect();
        let topics: Vec<&Topic> = idx.iter().map(|&i| tagged[i].0).collect();
        let step_best: Vec<Best> = idx.iter().map(|&i| best[i]).collect();
        let own = (!answer.free_form).then_some(doc.step);
        let (mut s, matched, to_study) = tally(&topics, &step_best, &sources, own);
        if doc.step == StepId::Requirements && facts.key_total > 0 {
            s = score::blend_facts(s, facts.key_uncovered, facts.key_total);
        }
        if doc.step == StepId::Estimation && !estimates.is_empty() {
            s = score::blend_estimates(s, numbers_score);
        }
        let hints = extras.hints[doc.step.index()];
        s = (s - HINT_COST * f64::from(hints)).max(0.0);
        steps.push(StepGrade {
            id: doc.step,
            title: doc.step.info().title.to_string(),
            score: s.round().clamp(0.0, 100.0) as u32,
            missed: to_study.iter().map(|m| m.topic.clone()).collect(),
            matched,
            to_study,
            words: doc.sentences.iter().map(Sentence::len).sum(),
            hints,
        });
    }

    let tech_names: Vec<&str> = catalog
        .common
        .technologies
        .iter()
        .map(String::as_str)
        .collect();
    let tech = Matcher::new(
        &tech_names
            .iter()
            .map(|t| (vec![*t], vec![]))
            .collect::<Vec<_>>(),
    )
    .map_err(|(_, p, e)| regex_error("rubrics/common.yaml", "technology", &p, &p, &e))?;
    let reds: Vec<_> = catalog
        .common
        .red_flags
        .iter()
        .chain(&rubric.red_flags)
        .cloned()
        .collect();
    let greens: Vec<_> = catalog
        .common
        .green_flags
        .iter()
        .chain(&rubric.green_flags)
        .cloned()
        .collect();
    let flag_err = |list: &[crate::catalog::Flag], (i, p, e): (usize, String, String)| {
        let id = list.get(i).map(|f| f.id.clone()).unwrap_or_default();
        regex_error(&file, "flag", &id, &p, &e)
    };
    let flags = Flags {
        red: flags::raise(&reds, &docs, answer.free_form, false, &tech)
            .map_err(|e| flag_err(&reds, e))?,
        green: flags::raise(&greens, &docs, answer.free_form, true, &tech)
            .map_err(|e| flag_err(&greens, e))?,
    };

    let (score, dimensions) = score::overall(&steps, &flags);
    // The replies already count in the deep dive; this says how each one
    // fares against the key points of its bank question.
    let mut follow_ups = Vec::new();
    for (ask, id, reply) in &extras.follow_ups {
        if reply.trim().is_empty() {
            continue;
        }
        let mut g = grade_question(catalog, id, reply)?;
        g.ask = ask.clone();
        follow_ups.push(g);
    }
    Ok(Grade {
        problem: problem.id.clone(),
        title: problem.title.clone(),
        score,
        band: Band::from_score(score),
        free_form: answer.free_form,
        steps,
        dimensions,
        flags,
        estimates,
        arithmetic,
        facts,
        follow_ups,
    })
}

/// Flags one step's text raises by its wording: phrases, patterns and the
/// over-engineering check. Checks that need the whole answer (no numbers
/// anywhere, no trade-offs anywhere) are left out. Red flags first.
pub fn step_flags(
    catalog: &Catalog,
    rubric: &Rubric,
    step: StepId,
    text: &str,
) -> Result<Vec<FlagHit>> {
    let file = format!("rubrics/{}.yaml", rubric.problem);
    let docs = [StepDoc {
        step,
        text,
        sentences: sentences(text),
    }];
    let tech_names: Vec<(Vec<&str>, Vec<&str>)> = catalog
        .common
        .technologies
        .iter()
        .map(|t| (vec![t.as_str()], vec![]))
        .collect();
    let tech = Matcher::new(&tech_names)
        .map_err(|(_, p, e)| regex_error("rubrics/common.yaml", "technology", &p, &p, &e))?;
    let wording = |f: &&crate::catalog::Flag| {
        matches!(
            f.detector,
            None | Some(crate::catalog::Detector::OverEngineering)
        )
    };
    let mut out = Vec::new();
    for (list, green) in [(&rubric.red_flags, false), (&rubric.green_flags, true)] {
        let common = if green {
            &catalog.common.green_flags
        } else {
            &catalog.common.red_flags
        };
        let flags: Vec<crate::catalog::Flag> = common
            .iter()
            .chain(list.iter())
            .filter(wording)
            .cloned()
            .collect();
        let hits = flags::raise(&flags, &docs, false, green, &tech).map_err(|(i, p, e)| {
            let id = flags.get(i).map(|f| f.id.clone()).unwrap_or_default();
            regex_error(&file, "flag", &id, &p, &e)
        })?;
        out.extend(hits);
    }
    Ok(out)
}

/// The grade of an answer to a counter-question.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuestionGrade {
    pub question: String,
    pub ask: String,
    pub score: u32,
    pub matched: Vec<TopicHit>,
    pub missed: Vec<String>,
    pub to_study: Vec<Missed>,
}

/// Grades an answer to a counter-question from the bank.
pub fn grade_question(catalog: &Catalog, question_id: &str, text: &str) -> Result<QuestionGrade> {
    let q = catalog.question(question_id)?;
    let points: Vec<&Topic> = q.points.iter().collect();
    let sents = sentences(text);
    let (s, matched, to_study) = score_topics(&points, text, &sents, "rubrics/questions.yaml")?;
    Ok(QuestionGrade {
        question: q.id.clone(),
        ask: q.ask.clone(),
        score: s.round().clamp(0.0, 100.0) as u32,
        missed: to_study.iter().map(|m| m.topic.clone()).collect(),
        matched,
        to_study,
    })
}
