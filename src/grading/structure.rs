//! The diagram's share of a grade: a passed structure rule credits its
//! high-level topic with the arrows as evidence; a found anti-pattern is a
//! red flag quoting them. Reading and checking live in [`crate::diagram`].

use super::answer::Answer;
use super::flags::FlagHit;
use super::score::coverage_score;
use super::types::{Flags, StepGrade, TopicHit, HINT_COST};
use crate::catalog::Rubric;
use crate::diagram::{self, CheckKind, CheckResult, Diagram};
use crate::framework::StepId;

/// The diagram of an answer (when anything was drawn or could not be read)
/// and the rubric's structure rules checked against it.
pub fn read_and_check(answer: &Answer, rubric: &Rubric) -> (Option<Diagram>, Vec<CheckResult>) {
    let texts: Vec<(StepId, &str)> = if answer.free_form {
        vec![(StepId::HighLevel, answer.step(StepId::Requirements))]
    } else {
        StepId::ALL.iter().map(|&s| (s, answer.step(s))).collect()
    };
    let d = diagram::read(&texts);
    let prose: Vec<&str> = texts.iter().map(|(_, t)| *t).collect();
    let results = diagram::check(&d, &rubric.structure, &prose.join("\n"));
    let shown = !d.is_empty() || !d.issues.is_empty();
    (shown.then_some(d), results)
}

/// The high-level topics the passed rules credit, each once at its best
/// credit; used by the grade and by the peer checklist.
pub fn hits(results: &[CheckResult], rubric: &Rubric) -> Vec<TopicHit> {
    let mut out: Vec<TopicHit> = Vec::new();
    for r in results.iter().filter(|r| r.ok) {
        let Some(topic) = &r.topic else { continue };
        let Some(t) = rubric
            .steps
            .get(StepId::HighLevel.as_str())
            .and_then(|s| s.topics.iter().find(|t| &t.id == topic))
        else {
            continue;
        };
        let hit = TopicHit {
            topic: t.id.clone(),
            label: t.label.clone(),
            evidence: format!("diagram: {}", r.evidence),
            credit: r.credit,
            elsewhere: false,
        };
        match out.iter_mut().find(|h| h.topic == hit.topic) {
            Some(h) if h.credit < hit.credit => *h = hit,
            Some(_) => {}
            None => out.push(hit),
        }
    }
    out
}

/// Adds the diagram's credit to the high-level step (rescoring it) and its
/// anti-patterns to the red flags.
pub fn apply(steps: &mut [StepGrade], flags: &mut Flags, results: &[CheckResult], rubric: &Rubric) {
    if let Some(step) = steps.iter_mut().find(|s| s.id == StepId::HighLevel) {
        credit(step, &hits(results, rubric), rubric);
    }
    for r in results
        .iter()
        .filter(|r| !r.ok && r.kind == CheckKind::AntiPattern)
    {
        if flags.red.iter().any(|f| f.id == r.id) {
            continue;
        }
        flags.red.push(FlagHit {
            id: r.id.clone(),
            label: r.label.clone(),
            evidence: format!("diagram: {}", r.evidence),
            step: Some(StepId::HighLevel),
            points: r.points,
            advice: r.advice.clone(),
            // The candidate drew it: their own statement, not a shape check.
            by_detector: false,
        });
    }
}

/// Raises topics to the diagram's credit and rescores the step the way
/// topic coverage is scored (hints still cost their points).
fn credit(step: &mut StepGrade, hits: &[TopicHit], rubric: &Rubric) {
    let mut changed = false;
    for hit in hits {
        match step.matched.iter_mut().find(|m| m.topic == hit.topic) {
            // On a tie the arrows are the clearer evidence.
            Some(m) if m.credit <= hit.credit => {
                *m = hit.clone();
                changed = true;
            }
            Some(_) => {}
            None => {
                step.matched.push(hit.clone());
                step.to_study.retain(|t| t.topic != hit.topic);
                step.missed.retain(|t| *t != hit.topic);
                changed = true;
            }
        }
    }
    if !changed {
        return;
    }
    let topics = rubric
        .steps
        .get(StepId::HighLevel.as_str())
        .map(|s| s.topics.as_slice())
        .unwrap_or(&[]);
    let total: f64 = topics.iter().map(|t| t.weight).sum();
    let earned: f64 = step
        .matched
        .iter()
        .filter_map(|m| {
            topics
                .iter()
                .find(|t| t.id == m.topic)
                .map(|t| t.weight * m.credit)
        })
        .sum();
    let ratio = if total > 0.0 { earned / total } else { 0.0 };
    let s = coverage_score(ratio) - HINT_COST * f64::from(step.hints);
    step.score = s.max(0.0).round().clamp(0.0, 100.0) as u32;
}
