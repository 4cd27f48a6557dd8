//! A curveball: the interviewer changes a requirement mid-way ("traffic is
//! ten times higher", "the cache cluster just died") and the candidate's
//! reply is graded against what a good adaptation covers, on its own.

use super::tally::score_topics_in;
use super::text::sentences;
use super::types::{Extras, Missed, TopicHit};
use crate::catalog::{Lexicon, Problem, Topic};
use crate::error::Result;
use serde::Serialize;

/// How the reply to a curveball fares against its topics.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CurveballGrade {
    pub id: String,
    /// What the interviewer said.
    pub say: String,
    pub score: u32,
    pub matched: Vec<TopicHit>,
    /// Labels of the topics the reply left out.
    pub missed: Vec<String>,
}

/// Grades the reply to the curveball the session threw, if any. A reply to
/// a curveball the problem no longer has is left out.
pub fn curveball_grade(
    concepts: &Lexicon,
    problem: &Problem,
    extras: &Extras,
) -> Result<Option<CurveballGrade>> {
    let Some((id, reply)) = &extras.curveball else {
        return Ok(None);
    };
    let Some(c) = problem.curveballs.iter().find(|c| &c.id == id) else {
        return Ok(None);
    };
    let topics: Vec<&Topic> = c.topics.iter().collect();
    let file = format!("problems/{}.yaml", problem.id);
    // score_topics_in already maps coverage to 0-100 (near-complete earns 100).
    let (ratio_score, matched, missed): (f64, Vec<TopicHit>, Vec<Missed>) =
        if reply.trim().is_empty() {
            (0.0, Vec::new(), Vec::new())
        } else {
            score_topics_in(concepts, &topics, reply, &sentences(reply), &file)?
        };
    let missed_labels: Vec<String> = if reply.trim().is_empty() {
        c.topics.iter().map(|t| t.label.clone()).collect()
    } else {
        missed.into_iter().map(|m| m.label).collect()
    };
    Ok(Some(CurveballGrade {
        id: c.id.clone(),
        say: c.say.clone(),
        score: ratio_score.round().clamp(0.0, 100.0) as u32,
        matched,
        missed: missed_labels,
    }))
}
