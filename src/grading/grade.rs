//! The whole grade: facts, estimates, topics per step, flags, the overall
//! score and band, follow-ups. Each part is a helper; `grade_with` joins them.

use super::answer::Answer;
use super::facts;
use super::flags;
use super::level::{Level, Policy};
use super::matcher::Matcher;
use super::math;
use super::score;
use super::tally::{best_mentions, regex_error, score_topics_in, tally, Best, Source};
use super::text::{sentences, Sentence};
use super::types::{
    Extras, FactCoverage, Flags, Grade, QuestionGrade, StepDoc, StepGrade, HINT_COST,
};
use super::FlagHit;
use crate::catalog::{Catalog, Detector, Flag, Lexicon, Problem, Rubric, Topic};
use crate::error::Result;
use crate::estimation::{self, ArithmeticCheck, EstimateResult, EstimateVerdict};
use crate::framework::StepId;
use std::collections::BTreeSet;

/// Which facts the questions in `text` uncover.
fn facts_from_questions(problem: &Problem, sents: &[Sentence], text: &str) -> Vec<String> {
    let mut ids = BTreeSet::new();
    let questions: Vec<&str> = sents
        .iter()
        .filter(|s| s.asks())
        .map(|s| {
            let q = text.get(s.span.clone()).unwrap_or("");
            // Of "Q: How many users? → 100M" only the question asks.
            if s.answered {
                q.split_once('?').map_or(q, |(ask, _)| ask)
            } else {
                q
            }
        })
        .collect();
    if questions.is_empty() {
        return Vec::new();
    }
    for q in questions {
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
    grade_at(catalog, problem_id, answer, extras, Level::default())
}

/// Grades an answer to a problem for a candidate of `level`: the same
/// evidence, weighed and banded as `rubrics/common.yaml` says for the level.
pub fn grade_at(
    catalog: &Catalog,
    problem_id: &str,
    answer: &Answer,
    extras: &Extras,
    level: Level,
) -> Result<Grade> {
    let problem = catalog.problem(problem_id)?;
    let rubric = catalog.rubric(problem_id)?;
    let policy = Policy::of(catalog, level);
    grade_with(catalog, problem, rubric, answer, extras, &policy)
}

/// The step documents: a free-form answer has the same text in every step,
/// split once.
fn step_docs(answer: &Answer) -> Vec<StepDoc<'_>> {
    let shared = answer
        .free_form
        .then(|| sentences(answer.step(StepId::Requirements)));
    StepId::ALL
        .iter()
        .map(|&step| StepDoc {
            step,
            text: answer.step(step),
            sentences: shared
                .clone()
                .unwrap_or_else(|| sentences(answer.step(step))),
        })
        .collect()
}

/// Facts uncovered in requirements: revealed in a session, or asked in the text.
fn fact_coverage(problem: &Problem, docs: &[StepDoc], extras: &Extras) -> FactCoverage {
    let uncovered = match &extras.revealed {
        Some(ids) => ids.clone(),
        None => facts_from_questions(problem, &docs[0].sentences, docs[0].text),
    };
    let key: Vec<_> = problem.facts.iter().filter(|f| f.key).collect();
    FactCoverage {
        key_uncovered: key.iter().filter(|f| uncovered.contains(&f.id)).count(),
        key_total: key.len(),
        key_missed: key
            .iter()
            .filter(|f| !uncovered.contains(&f.id))
            .map(|f| (f.id.clone(), f.topic.clone()))
            .collect(),
        uncovered,
    }
}

/// Estimates and arithmetic: the estimation step, or the whole answer when
/// that step names no figure (numbers written under another heading).
fn numbers(
    problem: &Problem,
    rubric: &Rubric,
    answer: &Answer,
) -> (Vec<EstimateResult>, Vec<ArithmeticCheck>, f64) {
    let weights: Vec<(String, f64)> = rubric
        .estimates
        .iter()
        .map(|e| (e.id.clone(), e.weight))
        .collect();
    let found = |results: &[EstimateResult]| results.iter().filter(|r| r.found.is_some()).count();
    let mut est_text = math::plain(if answer.free_form {
        answer.step(StepId::Requirements)
    } else {
        answer.step(StepId::Estimation)
    });
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
    (estimates, arithmetic, numbers_score)
}

/// Every topic of the rubric, tagged with its step, in interview order.
fn tagged_topics(rubric: &Rubric) -> Vec<(&Topic, Option<StepId>)> {
    StepId::ALL
        .iter()
        .flat_map(|&step| {
            rubric
                .steps
                .get(step.as_str())
                .into_iter()
                .flat_map(move |s| s.topics.iter().map(move |t| (t, Some(step))))
        })
        .collect()
}

/// What the step scores add to topic coverage.
struct StepInputs<'a> {
    facts: &'a FactCoverage,
    has_estimates: bool,
    numbers_score: f64,
}

/// Every step's grade, from one pass per step text over all topics.
fn step_grades(
    lexicon: &Lexicon,
    rubric: &Rubric,
    answer: &Answer,
    docs: &[StepDoc],
    extras: &Extras,
    inputs: &StepInputs,
    file: &str,
) -> Result<Vec<StepGrade>> {
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
    let tagged = tagged_topics(rubric);
    let best = best_mentions(&tagged, &sources, file, lexicon)?;
    let mut steps = Vec::new();
    for doc in docs {
        let idx: Vec<usize> = (0..tagged.len())
            .filter(|&i| tagged[i].1 == Some(doc.step))
            .collect();
        let topics: Vec<&Topic> = idx.iter().map(|&i| tagged[i].0).collect();
        let step_best: Vec<Best> = idx.iter().map(|&i| best[i]).collect();
        let own = (!answer.free_form).then_some(doc.step);
        let (mut s, matched, to_study) = tally(&topics, &step_best, &sources, own);
        let facts = inputs.facts;
        if doc.step == StepId::Requirements && facts.key_total > 0 {
            s = score::blend_facts(s, facts.key_uncovered, facts.key_total);
        }
        if doc.step == StepId::Estimation && inputs.has_estimates {
            s = score::blend_estimates(s, inputs.numbers_score);
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
    Ok(steps)
}

/// The technology-name matcher of the over-engineering check.
fn technologies(catalog: &Catalog) -> Result<Matcher> {
    let names: Vec<(Vec<&str>, Vec<&str>)> = catalog
        .common
        .technologies
        .iter()
        .map(|t| (vec![t.as_str()], vec![]))
        .collect();
    Matcher::new(&names)
        .map_err(|(_, p, e)| regex_error("rubrics/common.yaml", "technology", &p, &p, &e))
}

/// Raises `list` (framework-wide then the rubric's flags) over the docs.
fn raise_list(
    list: &[Flag],
    docs: &[StepDoc],
    free_form: bool,
    green: bool,
    ctx: &flags::Context,
    file: &str,
) -> Result<Vec<FlagHit>> {
    flags::raise(list, docs, free_form, green, ctx).map_err(|(i, p, e)| {
        let id = list.get(i).map(|f| f.id.clone()).unwrap_or_default();
        regex_error(file, "flag", &id, &p, &e)
    })
}

/// Red flags and the green flags that say the opposite: both never stand.
/// A red flag the candidate's own words raise ("there are no trade-offs")
/// wins; one raised by a shape check gives way to the green evidence.
pub const OPPOSITES: [(&str, &str); 3] = [
    ("forgetting_failures", "failure_modes"),
    ("no_trade_offs", "explicit_trade_offs"),
    ("ignoring_scale", "concrete_numbers"),
];

fn settle_opposites(flags: &mut Flags) {
    for (red, green) in OPPOSITES {
        let Some(r) = flags.red.iter().find(|f| f.id == red) else {
            continue;
        };
        if !flags.green.iter().any(|f| f.id == green) {
            continue;
        }
        if r.by_detector {
            flags.red.retain(|f| f.id != red);
        } else {
            flags.green.retain(|f| f.id != green);
        }
    }
}

/// Red and green flags over the whole answer; `figures` counts reference
/// estimates found and arithmetic typed.
fn answer_flags(
    catalog: &Catalog,
    rubric: &Rubric,
    docs: &[StepDoc],
    free_form: bool,
    figures: usize,
    file: &str,
) -> Result<Flags> {
    let tech = technologies(catalog)?;
    let lexicon = super::matcher::Lexicon::from_catalog(&catalog.concepts);
    let ctx = flags::Context {
        technologies: &tech,
        figures,
        lexicon: &lexicon,
    };
    let joined = |common: &[Flag], own: &[Flag]| -> Vec<Flag> {
        common.iter().chain(own).cloned().collect()
    };
    let reds = joined(&catalog.common.red_flags, &rubric.red_flags);
    let greens = joined(&catalog.common.green_flags, &rubric.green_flags);
    let mut flags = Flags {
        red: raise_list(&reds, docs, free_form, false, &ctx, file)?,
        green: raise_list(&greens, docs, free_form, true, &ctx, file)?,
    };
    settle_opposites(&mut flags);
    Ok(flags)
}

/// Follow-up replies graded against their bank questions. The replies
/// already count in the deep dive; this says how each one fares against the
/// key points of its question.
fn follow_up_grades(catalog: &Catalog, extras: &Extras) -> Result<Vec<QuestionGrade>> {
    let mut out = Vec::new();
    for (ask, id, reply) in &extras.follow_ups {
        if reply.trim().is_empty() {
            continue;
        }
        let mut g = grade_question(catalog, id, reply)?;
        g.ask = ask.clone();
        out.push(g);
    }
    Ok(out)
}

fn grade_with(
    catalog: &Catalog,
    problem: &Problem,
    rubric: &Rubric,
    answer: &Answer,
    extras: &Extras,
    policy: &Policy,
) -> Result<Grade> {
    let file = format!("rubrics/{}.yaml", problem.id);
    let docs = step_docs(answer);
    let facts = fact_coverage(problem, &docs, extras);
    let (estimates, arithmetic, numbers_score) = numbers(problem, rubric, answer);
    let inputs = StepInputs {
        facts: &facts,
        has_estimates: !estimates.is_empty(),
        numbers_score,
    };
    let mut steps = step_grades(
        &catalog.concepts,
        rubric,
        answer,
        &docs,
        extras,
        &inputs,
        &file,
    )?;
    // A figure more than ten times off the reference, with no working
    // shown, is a guess rather than a sizing; a wrong sum is no sizing
    // either.
    let figures = estimates
        .iter()
        .filter(|e| {
            matches!(
                e.verdict,
                EstimateVerdict::Close | EstimateVerdict::OrderOfMagnitude
            )
        })
        .count()
        + arithmetic.iter().filter(|a| a.ok).count();
    let mut flags = answer_flags(catalog, rubric, &docs, answer.free_form, figures, &file)?;
    let (diagram, structure) = super::structure::read_and_check(answer, rubric);
    super::structure::apply(&mut steps, &mut flags, &structure, rubric);
    let (score, dimensions) = score::overall_weighted(&steps, &flags, &policy.weights);
    let follow_ups = follow_up_grades(catalog, extras)?;
    let curveball = super::curveball::curveball_grade(&catalog.concepts, problem, extras)?;
    Ok(Grade {
        problem: problem.id.clone(),
        title: problem.title.clone(),
        score,
        band: policy.band(score),
        level: policy.level,
        free_form: answer.free_form,
        steps,
        dimensions,
        flags,
        estimates,
        arithmetic,
        facts,
        follow_ups,
        curveball,
        diagram,
        structure,
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
    let tech = technologies(catalog)?;
    let lexicon = super::matcher::Lexicon::from_catalog(&catalog.concepts);
    let ctx = flags::Context {
        technologies: &tech,
        figures: 1,
        lexicon: &lexicon,
    };
    let wording = |f: &&Flag| {
        matches!(
            f.detector,
            None | Some(Detector::OverEngineering) | Some(Detector::AbsoluteClaims)
        )
    };
    let mut out = Vec::new();
    for (common, own, green) in [
        (&catalog.common.red_flags, &rubric.red_flags, false),
        (&catalog.common.green_flags, &rubric.green_flags, true),
    ] {
        let list: Vec<Flag> = common.iter().chain(own).filter(wording).cloned().collect();
        out.extend(raise_list(&list, &docs, false, green, &ctx, &file)?);
    }
    Ok(out)
}

/// Grades an answer to a counter-question from the bank.
pub fn grade_question(catalog: &Catalog, question_id: &str, text: &str) -> Result<QuestionGrade> {
    let q = catalog.question(question_id)?;
    let points: Vec<&Topic> = q.points.iter().collect();
    let sents = sentences(text);
    let (s, matched, to_study) = score_topics_in(
        &catalog.concepts,
        &points,
        text,
        &sents,
        "rubrics/questions.yaml",
    )?;
    let off_topic = matched.is_empty() && !shares_content(&q.ask, text);
    Ok(QuestionGrade {
        question: q.id.clone(),
        ask: q.ask.clone(),
        score: s.round().clamp(0.0, 100.0) as u32,
        missed: to_study.iter().map(|m| m.topic.clone()).collect(),
        matched,
        to_study,
        off_topic,
    })
}

/// True when the reply uses a content word (five letters or more, by stem)
/// of the question.
fn shares_content(ask: &str, reply: &str) -> bool {
    let ask: std::collections::HashSet<String> = super::text::tokenize(ask)
        .into_iter()
        .filter(|t| t.word.len() >= 5 && !t.numeric)
        .map(|t| t.stem)
        .collect();
    super::text::tokenize(reply)
        .iter()
        .any(|t| ask.contains(&t.stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_about_something_else_is_called_off_topic() {
        let catalog = Catalog::embedded().expect("built-in data");
        let q = &catalog.questions.questions[0];
        let off =
            grade_question(&catalog, &q.id, "I like turtles and sunny weather.").expect("grades");
        assert!(off.off_topic);
        let on = grade_question(&catalog, &q.id, &q.ask).expect("grades");
        assert!(!on.off_topic);
    }
}
