//! What a card is (its id and where it comes from) and what it asks on a
//! given day: the prompt, the answer key and how an answer is checked.

use super::estimate::{self, Fresh};
use super::numbers::Numbers;
use super::{mix, Kind};
use crate::catalog::{Catalog, Estimate, Problem, Topic};
use crate::error::{Error, Result};
use crate::estimation::parse_unit;
use crate::framework::StepId;
use serde::{Deserialize, Serialize};

/// A card: a stable id and what it is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// `question/ID`, `estimation/PROBLEM/ESTIMATE`, `numbers/ID`,
    /// `misses/PROBLEM/STEP/TOPIC` or `misses/PROBLEM/estimate/ESTIMATE`.
    pub id: String,
    pub kind: Kind,
    pub source: Source,
}

/// What a card is made from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A counter-question of the bank.
    Question(String),
    /// An estimate of a problem, asked with fresh inputs.
    Estimation { problem: String, estimate: String },
    /// A figure of the numbers file.
    Numbers(String),
    /// Something missed in a saved session.
    Miss(Miss),
}

/// Something missed in a saved practice session; kept in the drill state,
/// since the sessions it came from may be deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Miss {
    /// A rubric topic the answer did not cover.
    Topic {
        problem: String,
        step: StepId,
        topic: String,
    },
    /// A reference estimate the answer got off (more than 10x away).
    Estimate { problem: String, estimate: String },
}

impl Miss {
    /// The card id.
    pub fn id(&self) -> String {
        match self {
            Miss::Topic {
                problem,
                step,
                topic,
            } => format!("misses/{problem}/{}/{topic}", step.as_str()),
            Miss::Estimate { problem, estimate } => format!("misses/{problem}/estimate/{estimate}"),
        }
    }

    /// The problem it belongs to.
    pub fn problem(&self) -> &str {
        match self {
            Miss::Topic { problem, .. } | Miss::Estimate { problem, .. } => problem,
        }
    }
}

impl Card {
    /// The card of a bank question.
    pub fn question(id: &str) -> Card {
        Card {
            id: format!("question/{id}"),
            kind: Kind::Question,
            source: Source::Question(id.to_string()),
        }
    }

    /// The card of a problem's estimate.
    pub fn estimation(problem: &str, estimate: &str) -> Card {
        Card {
            id: format!("estimation/{problem}/{estimate}"),
            kind: Kind::Estimation,
            source: Source::Estimation {
                problem: problem.to_string(),
                estimate: estimate.to_string(),
            },
        }
    }

    /// The card of a figure.
    pub fn numbers(id: &str) -> Card {
        Card {
            id: format!("numbers/{id}"),
            kind: Kind::Numbers,
            source: Source::Numbers(id.to_string()),
        }
    }

    /// The card of a miss.
    pub fn miss(miss: Miss) -> Card {
        Card {
            id: miss.id(),
            kind: Kind::Misses,
            source: Source::Miss(miss),
        }
    }

    /// The problem the card belongs to, if any (bank questions belong to
    /// the problems whose follow-ups use them: see [`Card::belongs_to`]).
    pub fn problem(&self) -> Option<&str> {
        match &self.source {
            Source::Estimation { problem, .. } => Some(problem),
            Source::Miss(m) => Some(m.problem()),
            Source::Question(_) | Source::Numbers(_) => None,
        }
    }

    /// Whether the card is part of `problem`: its estimates, its misses and
    /// the bank questions its follow-ups ask.
    pub fn belongs_to(&self, catalog: &Catalog, problem: &str) -> bool {
        match &self.source {
            Source::Question(q) => catalog.problem(problem).is_ok_and(|p| {
                p.probes
                    .values()
                    .flatten()
                    .any(|probe| probe.question.as_deref() == Some(q))
            }),
            _ => self.problem() == Some(problem),
        }
    }
}

/// A card as asked on one day.
#[derive(Debug, Clone)]
pub struct Instance {
    pub id: String,
    pub kind: Kind,
    /// Where it comes from: "URL shortener · deep dive", "caching".
    pub context: String,
    pub prompt: String,
    /// How to answer ("a few lines", "a number with its unit (/s)").
    pub how: String,
    /// The answer key: the expected value with its unit, or the key points.
    pub answer: String,
    pub check: Check,
}

/// How an answer to a card is checked.
#[derive(Debug, Clone)]
pub enum Check {
    /// A number with a unit, by the estimation engine.
    Quantity(Box<QuantityCheck>),
    /// Words, against key points graded like rubric topics.
    Points(PointsCheck),
}

/// A figure checked by the estimation engine against one estimate.
#[derive(Debug, Clone)]
pub struct QuantityCheck {
    /// A problem holding this card's inputs and the one estimate, so that
    /// the engine compares (and recomputes from stated inputs) as it does
    /// in a full answer.
    pub problem: Problem,
    pub expected: f64,
    pub unit: String,
    pub tolerance: f64,
    /// The worked calculation, shown after the answer.
    pub worked: Vec<String>,
}

/// Key points, graded like rubric topics.
#[derive(Debug, Clone)]
pub struct PointsCheck {
    /// The bank question, graded by `grading::grade_question`.
    pub question: Option<String>,
    pub points: Vec<Topic>,
    /// File the points come from, for messages.
    pub file: String,
}

/// The label cue the engine finds the answer by: answers are checked one
/// line at a time as `answer: LINE`.
pub const CUE: &str = "answer";

/// What a card asks on the day `seed` stands for.
pub fn instance(card: &Card, catalog: &Catalog, numbers: &Numbers, seed: u64) -> Result<Instance> {
    let gone = |what: &str| Error::Data {
        file: what.to_string(),
        message: format!("card `{}` refers to something no longer there", card.id),
    };
    match &card.source {
        Source::Question(id) => {
            let q = catalog.question(id)?;
            Ok(Instance {
                id: card.id.clone(),
                kind: card.kind,
                context: format!("counter-question · {}", q.area),
                prompt: q.ask.clone(),
                how: "a few lines, with your reasons".into(),
                answer: key_points(&q.points),
                check: Check::Points(PointsCheck {
                    question: Some(q.id.clone()),
                    points: q.points.clone(),
                    file: "rubrics/questions.yaml".into(),
                }),
            })
        }
        Source::Estimation { problem, estimate } => {
            let p = catalog.problem(problem)?;
            let est = find_estimate(p, estimate).ok_or_else(|| gone(problem))?;
            let fresh = estimate::fresh(p, est, mix(seed, &card.id))
                .ok_or_else(|| gone(&format!("problems/{problem}.yaml")))?;
            Ok(quantity_instance(card, p, est, &fresh, true))
        }
        Source::Numbers(id) => {
            let f = numbers.get(id).ok_or_else(|| gone(super::numbers::FILE))?;
            let est = Estimate {
                id: f.id.clone(),
                label: CUE.into(),
                value: f.value,
                unit: f.unit.clone(),
                cues: vec![CUE.into()],
                tolerance: f.tolerance,
                calculation: f.work.clone(),
                formula: None,
                key: false,
            };
            let check = QuantityCheck {
                problem: synthetic(&f.id, &f.ask, Vec::new(), est),
                expected: f.value,
                unit: f.unit.clone(),
                tolerance: f.tolerance.unwrap_or(2.0),
                worked: vec![f.work.clone(), format!("Source: {}", f.source())],
            };
            Ok(Instance {
                id: card.id.clone(),
                kind: card.kind,
                context: "numbers to know".into(),
                prompt: f.ask.clone(),
                how: how_quantity(&f.unit),
                answer: estimate::with_unit(f.value, &f.unit),
                check: Check::Quantity(Box::new(check)),
            })
        }
        Source::Miss(Miss::Estimate { problem, estimate }) => {
            let p = catalog.problem(problem)?;
            let est = find_estimate(p, estimate).ok_or_else(|| gone(problem))?;
            let fresh = estimate::reference(p, est).unwrap_or(Fresh {
                inputs: Vec::new(),
                expected: est.value,
            });
            Ok(quantity_instance(card, p, est, &fresh, false))
        }
        Source::Miss(Miss::Topic {
            problem,
            step,
            topic,
        }) => {
            let p = catalog.problem(problem)?;
            let rubric = catalog.rubric(problem)?;
            let t = rubric
                .steps
                .get(step.as_str())
                .and_then(|s| s.topics.iter().find(|t| t.id == *topic))
                .ok_or_else(|| gone(&format!("rubrics/{problem}.yaml")))?;
            // A follow-up that asks for this topic reads like an interviewer;
            // without one, the topic is named.
            let probe = p
                .probes
                .get(step.as_str())
                .and_then(|ps| ps.iter().find(|pr| pr.topics.iter().any(|x| x == topic)));
            let prompt = match probe {
                Some(pr) => format!("{} (the point you missed: {})", pr.ask, t.label),
                None => format!("Explain, with a reason: {}.", t.label),
            };
            Ok(Instance {
                id: card.id.clone(),
                kind: card.kind,
                context: format!("{} · {}", p.title, step.info().title.to_lowercase()),
                prompt,
                how: "a few lines, with your reasons".into(),
                answer: key_points(std::slice::from_ref(t)),
                check: Check::Points(PointsCheck {
                    question: None,
                    points: vec![t.clone()],
                    file: format!("rubrics/{problem}.yaml"),
                }),
            })
        }
    }
}

fn find_estimate<'a>(p: &'a Problem, id: &str) -> Option<&'a Estimate> {
    p.estimates.iter().find(|e| e.id == id)
}

/// An estimation card (fresh inputs) or a missed estimate (reference inputs).
fn quantity_instance(
    card: &Card,
    p: &Problem,
    est: &Estimate,
    fresh: &Fresh,
    fresh_inputs: bool,
) -> Instance {
    let mut lines = vec![format!("{}: {}.", p.title, est.label)];
    if !fresh.inputs.is_empty() {
        lines.push(if fresh_inputs {
            "Given:".to_string()
        } else {
            "With the problem's reference inputs:".to_string()
        });
    }
    for i in &fresh.inputs {
        lines.push(format!(
            "  {}: {}",
            i.label,
            estimate::as_written(i.value, &i.unit)
        ));
    }
    let worked = match est.formula.as_deref() {
        Some(f) if fresh_inputs => estimate::worked(f, &fresh.inputs, fresh.expected, &est.unit),
        _ => vec![est.calculation.clone()],
    };
    let mut worked = worked;
    if fresh_inputs {
        worked.push(format!(
            "Reference (problem file): {} = {}; {}",
            est.label,
            estimate::with_unit(est.value, &est.unit),
            est.calculation
        ));
    }
    let mut problem = p.clone();
    for a in &mut problem.assumptions {
        if let Some(i) = fresh.inputs.iter().find(|i| i.id == a.id) {
            a.value = i.value;
        }
    }
    problem.estimates = vec![Estimate {
        label: CUE.into(),
        cues: vec![CUE.into()],
        value: fresh.expected,
        ..est.clone()
    }];
    Instance {
        id: card.id.clone(),
        kind: card.kind,
        context: if fresh_inputs {
            format!("{} · estimation", p.title)
        } else {
            format!("{} · estimation (missed in a session)", p.title)
        },
        prompt: lines.join("\n"),
        how: how_quantity(&est.unit),
        answer: estimate::with_unit(fresh.expected, &est.unit),
        check: Check::Quantity(Box::new(QuantityCheck {
            problem,
            expected: fresh.expected,
            unit: est.unit.clone(),
            tolerance: est.tolerance(),
            worked,
        })),
    }
}

/// A problem holding only what a figure card needs.
fn synthetic(
    id: &str,
    title: &str,
    assumptions: Vec<crate::catalog::Assumption>,
    est: Estimate,
) -> Problem {
    Problem {
        id: id.to_string(),
        title: title.to_string(),
        difficulty: crate::catalog::Difficulty::Easy,
        order: None,
        prompt: String::new(),
        facts: Vec::new(),
        assumptions,
        estimates: vec![est],
        probes: Default::default(),
        hints: Default::default(),
        curveballs: Vec::new(),
    }
}

/// "a number with its unit (/s)", or a plain number for counts.
fn how_quantity(unit: &str) -> String {
    let counted = parse_unit(unit).is_some_and(|(_, d)| d.is_count());
    if unit.trim().is_empty() {
        "a number".into()
    } else if counted {
        format!("a number ({})", unit.trim())
    } else {
        format!("a number with its unit ({})", unit.trim())
    }
}

/// The key points as prose: each point's label, then the words that earn
/// it in a sentence of their own (a label may word the point negatively,
/// "codes not guessable", which earns nothing as typed).
pub fn key_points(points: &[Topic]) -> String {
    points
        .iter()
        .map(|t| {
            let label = t.label.trim_end_matches('.');
            match t.phrases.first() {
                Some(p) => format!("{label}: say {p}."),
                None => format!("{label}."),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
