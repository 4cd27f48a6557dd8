//! Two attempts side by side: score, step and dimension deltas, and the
//! topics the later attempt newly covered or newly missed.

use super::{regrade, SessionMeta};
use crate::catalog::Catalog;
use crate::framework::StepId;
use crate::grading::{Band, Dimensions, Grade};
use crate::transcript::Transcript;
use serde::Serialize;

/// A score in attempt A and B; `delta` is B − A.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Delta {
    pub name: String,
    pub a: u32,
    pub b: u32,
    pub delta: i64,
}

impl Delta {
    fn new(name: &str, a: u32, b: u32) -> Delta {
        Delta {
            name: name.to_string(),
            a,
            b,
            delta: i64::from(b) - i64::from(a),
        }
    }
}

/// A topic that changed between the attempts.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TopicChange {
    pub step: StepId,
    pub topic: String,
    pub label: String,
    /// Newly covered: the sentence of B that earned it. Newly missed: empty.
    pub evidence: String,
    /// Newly missed: what to study. Newly covered: empty.
    pub study: String,
}

/// Attempt A against attempt B (both re-graded with today's rubric).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Comparison {
    pub a: SessionMeta,
    pub b: SessionMeta,
    pub band_a: Band,
    pub band_b: Band,
    pub score: Delta,
    pub steps: Vec<Delta>,
    pub dimensions: Vec<Delta>,
    /// False when A and B are answers to different problems: topics are
    /// then not compared.
    pub same_problem: bool,
    pub newly_covered: Vec<TopicChange>,
    pub newly_missed: Vec<TopicChange>,
}

/// The four dimensions as `(name, value)` in the guide's order.
pub fn dimension_list(d: &Dimensions) -> [(&'static str, u32); 4] {
    [
        ("communication", d.communication),
        ("technical depth", d.technical_depth),
        ("practical experience", d.practical_experience),
        ("problem solving", d.problem_solving),
    ]
}

fn topic_changes(a: &Grade, b: &Grade) -> (Vec<TopicChange>, Vec<TopicChange>) {
    let mut covered = Vec::new();
    let mut missed = Vec::new();
    for (sa, sb) in a.steps.iter().zip(&b.steps) {
        for hit in &sb.matched {
            if sa.missed.contains(&hit.topic) {
                covered.push(TopicChange {
                    step: sb.id,
                    topic: hit.topic.clone(),
                    label: hit.label.clone(),
                    evidence: hit.evidence.clone(),
                    study: String::new(),
                });
            }
        }
        for m in &sb.to_study {
            if sa.matched.iter().any(|h| h.topic == m.topic) {
                missed.push(TopicChange {
                    step: sb.id,
                    topic: m.topic.clone(),
                    label: m.label.clone(),
                    evidence: String::new(),
                    study: m.study.clone(),
                });
            }
        }
    }
    (covered, missed)
}

/// Compares two transcripts; each is re-graded against today's rubric so
/// that the deltas measure the answers, not rubric changes.
pub fn compare(
    catalog: &Catalog,
    (a, file_a): (&Transcript, &str),
    (b, file_b): (&Transcript, &str),
) -> crate::Result<Comparison> {
    let ga = regrade(catalog, a)?;
    let gb = regrade(catalog, b)?;
    let same_problem = a.problem == b.problem;
    let (newly_covered, newly_missed) = if same_problem {
        topic_changes(&ga, &gb)
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(Comparison {
        a: SessionMeta::of(a, file_a),
        b: SessionMeta::of(b, file_b),
        band_a: ga.band,
        band_b: gb.band,
        score: Delta::new("overall", ga.score, gb.score),
        steps: ga
            .steps
            .iter()
            .zip(&gb.steps)
            .map(|(x, y)| Delta::new(x.id.as_str(), x.score, y.score))
            .collect(),
        dimensions: dimension_list(&ga.dimensions)
            .iter()
            .zip(dimension_list(&gb.dimensions))
            .map(|((name, x), (_, y))| Delta::new(name, *x, y))
            .collect(),
        same_problem,
        newly_covered,
        newly_missed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Mode;
    use chrono::DateTime;

    #[test]
    fn later_attempt_shows_new_topics_and_deltas() {
        let catalog = Catalog::embedded().expect("catalog");
        let at = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date");
        let a = Transcript::new("url-shortener", Mode::Solo, 55, true, 2, at);
        let mut b = a.clone();
        b.step_mut(StepId::HighLevel).answer = "Clients call stateless API servers behind a load balancer so that we can add servers as traffic grows. A Redis cache sits in front of the database because reads dominate.".into();
        let c = compare(&catalog, (&a, "a.yaml"), (&b, "b.yaml")).expect("compares");
        assert!(c.same_problem);
        assert!(!c.newly_covered.is_empty());
        // Other steps' topics may be credited from it too, at a discount.
        assert!(c.newly_covered.iter().any(|t| t.step == StepId::HighLevel));
        assert!(c.newly_missed.is_empty());
        assert!(c.steps[StepId::HighLevel.index()].delta > 0);
        assert_eq!(c.dimensions.len(), 4);
        let back = compare(&catalog, (&b, "b.yaml"), (&a, "a.yaml")).expect("compares");
        assert_eq!(back.newly_missed.len(), c.newly_covered.len());
        assert_eq!(back.score.delta, -c.score.delta);
    }
}
