//! The peer scorecard, computed from the interviewer's checklist: ticked
//! topics earn full credit by weight, ticked flags add or take points, and
//! the four dimensions are derived the way a solo grade derives them.

use crate::catalog::{Catalog, Flag, Problem, Rubric};
use crate::framework::StepId;
use crate::grading::score::{coverage_score, overall_from};
use crate::grading::{Band, HINT_COST};
use crate::report::{
    band_words, Scorecard, ScorecardDimension, ScorecardGap, ScorecardStep, DISAGREEMENT,
};
use crate::transcript::{SavedGrade, Transcript};
use chrono::{DateTime, FixedOffset};

/// Most gaps listed in the feedback.
const MAX_GAPS: usize = 6;
/// Most strengths and improvements listed.
const MAX_POINTS: usize = 3;

/// The guide's four dimensions: id and label, in scorecard order.
pub const DIMENSIONS: [(&str, &str); 4] = [
    ("communication", "Communication"),
    ("technical_depth", "Technical depth"),
    ("practical_experience", "Practical experience"),
    ("problem_solving", "Problem solving"),
];

/// A 1-4 rating on the 0-100 scale: 1 = 0, 2 = 33, 3 = 67, 4 = 100.
pub fn rating_pct(score: u8) -> u32 {
    let s = f64::from(score.clamp(1, 4));
    ((s - 1.0) * 100.0 / 3.0).round() as u32
}

/// Parses a recommendation: `1`-`5` or a band name (`lean hire`, `lean_no_hire`).
pub fn parse_band(text: &str) -> Option<Band> {
    let t = text
        .trim()
        .to_ascii_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let bands = [
        Band::StrongHire,
        Band::Hire,
        Band::LeanHire,
        Band::LeanNoHire,
        Band::NoHire,
    ];
    if let Ok(n) = t.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| bands.get(i)).copied();
    }
    bands.into_iter().find(|b| band_words(*b) == t)
}

fn band_rank(b: Band) -> i32 {
    match b {
        Band::StrongHire => 0,
        Band::Hire => 1,
        Band::LeanHire => 2,
        Band::LeanNoHire => 3,
        Band::NoHire => 4,
    }
}

/// Every red and green flag of a rubric (common ones first) with its colour.
pub fn all_flags<'a>(catalog: &'a Catalog, rubric: &'a Rubric) -> Vec<(&'a Flag, bool)> {
    catalog
        .common
        .red_flags
        .iter()
        .chain(&rubric.red_flags)
        .map(|f| (f, false))
        .chain(
            catalog
                .common
                .green_flags
                .iter()
                .chain(&rubric.green_flags)
                .map(|f| (f, true)),
        )
        .collect()
}

/// Where the common flags show up in an interview: a list of 25 flags at
/// every step would bury the few that matter there.
fn usual_steps(flag_id: &str) -> &'static [StepId] {
    use StepId::*;
    match flag_id {
        "clarifying_questions" => &[Requirements],
        "stated_assumptions" => &[Requirements, Functional],
        "jumping_to_solution" => &[Requirements, Functional],
        "under_confidence" | "over_confidence" => &[Requirements, Bottlenecks],
        "ignoring_scale" | "concrete_numbers" => &[NonFunctional, Estimation],
        "i_dont_know" => &[Estimation, Bottlenecks],
        "over_engineering" | "blockchain" | "nosql_always_better" => &[HighLevel],
        "real_experience" => &[HighLevel, Bottlenecks],
        "explicit_trade_offs" | "no_trade_offs" => &[HighLevel, DeepDive, Bottlenecks],
        "failure_modes" | "forgetting_failures" | "never_failures" => &[DeepDive, Bottlenecks],
        "monitoring_operations" => &[Bottlenecks],
        // Problem-specific and unknown flags belong to the design steps.
        _ => &[HighLevel, DeepDive],
    }
}

/// Whether a flag is offered in a step's checklist.
pub fn flag_applies(flag: &Flag, step: StepId) -> bool {
    if flag.steps.is_empty() {
        usual_steps(&flag.id).contains(&step)
    } else {
        flag.steps.iter().any(|s| s == step.as_str())
    }
}

fn ticked_flags(t: &Transcript) -> Vec<String> {
    let mut ids: Vec<String> = t
        .steps
        .iter()
        .filter_map(|s| s.peer.as_ref())
        .flat_map(|p| p.flags.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

fn step_scores(rubric: &Rubric, t: &Transcript) -> Vec<ScorecardStep> {
    StepId::ALL
        .iter()
        .map(|&step| {
            let rec = t.step(step);
            let ticked: &[String] = rec.peer.as_ref().map_or(&[], |p| p.ticked.as_slice());
            let topics = rubric
                .steps
                .get(step.as_str())
                .map(|s| s.topics.as_slice())
                .unwrap_or(&[]);
            let total: f64 = topics.iter().map(|t| t.weight).sum();
            let earned: f64 = topics
                .iter()
                .filter(|t| ticked.contains(&t.id))
                .map(|t| t.weight)
                .sum();
            let ratio = if total > 0.0 { earned / total } else { 0.0 };
            let hints = rec.hints.len() as u32;
            let score = coverage_score(ratio) - HINT_COST * f64::from(hints);
            ScorecardStep {
                step,
                title: step.info().title.to_string(),
                score: score.round().clamp(0.0, 100.0) as u32,
                ticked: topics.iter().filter(|t| ticked.contains(&t.id)).count(),
                total: topics.len(),
                hints,
                skipped: rec.skipped,
            }
        })
        .collect()
}

/// Overall score and the four dimensions from step scores and ticked flags,
/// with the weights solo grading uses.
fn overall(steps: &[ScorecardStep], flags: &[(&Flag, bool)], ticked: &[String]) -> (u32, [u32; 4]) {
    let scores: Vec<(StepId, u32)> = steps.iter().map(|g| (g.step, g.score)).collect();
    let seen = |green: bool| -> Vec<(&str, f64)> {
        flags
            .iter()
            .filter(|(f, g)| *g == green && ticked.contains(&f.id))
            .map(|(f, _)| (f.id.as_str(), f.points))
            .collect()
    };
    let (score, d) = overall_from(&scores, &seen(true), &seen(false));
    (
        score,
        [
            d.communication,
            d.technical_depth,
            d.practical_experience,
            d.problem_solving,
        ],
    )
}

/// The scorecard of a peer session, from its checklist, flags, ratings and notes.
pub fn scorecard(
    catalog: &Catalog,
    problem: &Problem,
    rubric: &Rubric,
    t: &Transcript,
) -> Scorecard {
    let steps = step_scores(rubric, t);
    let flags = all_flags(catalog, rubric);
    let ticked = ticked_flags(t);
    let (computed, dims) = overall(&steps, &flags, &ticked);
    let peer = t.peer.clone().unwrap_or_default();

    let dimensions: Vec<ScorecardDimension> = DIMENSIONS
        .iter()
        .zip(dims)
        .map(|((id, label), computed)| {
            let rating = peer.ratings.iter().find(|r| r.dimension == *id);
            ScorecardDimension {
                id: id.to_string(),
                label: label.to_string(),
                rating: rating.map(|r| r.score),
                rating_pct: rating.map(|r| rating_pct(r.score)),
                computed,
                why: rating.map(|r| r.why.clone()).unwrap_or_default(),
            }
        })
        .collect();

    let computed_band = Band::from_score(computed);
    let mut disagreements = Vec::new();
    for d in &dimensions {
        if let Some(p) = d.rating_pct {
            let gap = p.abs_diff(d.computed);
            if gap > DISAGREEMENT {
                let (higher, lower) = if p > d.computed {
                    ("your rating", "the checklist")
                } else {
                    ("the checklist", "your rating")
                };
                disagreements.push(format!(
                    "{}: {higher} is {gap} points above {lower} ({p} vs {}). Check whether the checklist missed something the candidate said, or whether the rating leans on something the checklist cannot see.",
                    d.label, d.computed
                ));
            }
        }
    }
    if let Some(rec) = peer.recommendation {
        if (band_rank(rec) - band_rank(computed_band)).abs() >= 2 {
            disagreements.push(format!(
                "Recommendation: you chose {} but the checklist points to {} ({computed}/100).",
                band_words(rec),
                band_words(computed_band)
            ));
        }
    }

    let label_of = |green: bool| -> Vec<(String, String)> {
        flags
            .iter()
            .filter(|(f, g)| *g == green && ticked.contains(&f.id))
            .map(|(f, _)| (f.label.clone(), f.advice.clone()))
            .collect()
    };
    let greens = label_of(true);
    let reds = label_of(false);

    let revealed = t.revealed_facts();
    let key_facts_missed: Vec<String> = problem
        .facts
        .iter()
        .filter(|f| f.key && !revealed.contains(&f.id))
        .map(|f| f.topic.clone())
        .collect();

    // Gaps: unticked topics, heaviest first, then in interview order.
    let mut gaps: Vec<(f64, ScorecardGap)> = Vec::new();
    for step in StepId::ALL {
        let ticked: &[String] = t
            .step(step)
            .peer
            .as_ref()
            .map_or(&[], |p| p.ticked.as_slice());
        for topic in rubric
            .steps
            .get(step.as_str())
            .map(|s| s.topics.as_slice())
            .unwrap_or(&[])
        {
            if !ticked.contains(&topic.id) {
                gaps.push((
                    topic.weight,
                    ScorecardGap {
                        step,
                        label: topic.label.clone(),
                        study: topic.study.clone(),
                    },
                ));
            }
        }
    }
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    let gaps: Vec<ScorecardGap> = gaps.into_iter().take(MAX_GAPS).map(|(_, g)| g).collect();

    let mut strengths: Vec<String> = greens
        .iter()
        .map(|(l, a)| {
            if a.is_empty() {
                l.clone()
            } else {
                format!("{l}: {a}")
            }
        })
        .collect();
    let mut by_rating: Vec<&ScorecardDimension> =
        dimensions.iter().filter(|d| d.rating >= Some(3)).collect();
    by_rating.sort_by_key(|d| std::cmp::Reverse(d.rating));
    strengths.extend(by_rating.iter().map(|d| {
        with_why(
            &format!("{} rated {}/4", d.label, d.rating.unwrap_or(0)),
            &d.why,
        )
    }));
    let mut best: Vec<&ScorecardStep> = steps
        .iter()
        .filter(|s| s.score >= 75 && !s.skipped)
        .collect();
    best.sort_by_key(|s| std::cmp::Reverse(s.score));
    strengths.extend(best.iter().map(|s| {
        format!(
            "{}: {} of {} expected topics covered",
            s.title, s.ticked, s.total
        )
    }));
    strengths.truncate(MAX_POINTS);

    let mut improvements: Vec<String> = reds
        .iter()
        .map(|(l, a)| {
            if a.is_empty() {
                l.clone()
            } else {
                format!("{l}: {a}")
            }
        })
        .collect();
    let mut low: Vec<&ScorecardDimension> = dimensions
        .iter()
        .filter(|d| d.rating.is_some_and(|r| r <= 2))
        .collect();
    low.sort_by_key(|d| d.rating);
    improvements.extend(low.iter().map(|d| {
        with_why(
            &format!("{} rated {}/4", d.label, d.rating.unwrap_or(0)),
            &d.why,
        )
    }));
    let mut weak: Vec<&ScorecardStep> = steps.iter().filter(|s| s.score < 50).collect();
    weak.sort_by_key(|s| s.score);
    improvements.extend(weak.iter().map(|s| {
        if s.skipped {
            format!("{}: skipped", s.title)
        } else {
            format!(
                "{}: only {} of {} expected topics covered",
                s.title, s.ticked, s.total
            )
        }
    }));
    if !key_facts_missed.is_empty() {
        improvements.push(format!(
            "Ask before designing: never asked about {}",
            key_facts_missed.join(", ")
        ));
    }
    improvements.truncate(MAX_POINTS);

    let ticked_topics: usize = steps.iter().map(|s| s.ticked).sum();
    let all_topics: usize = steps.iter().map(|s| s.total).sum();
    let who = peer
        .candidate
        .clone()
        .unwrap_or_else(|| "The candidate".to_string());
    let rec = peer.recommendation.map_or(String::new(), |b| {
        format!(" Interviewer's recommendation: {}.", band_words(b))
    });
    let overall = format!(
        "{who} covered {ticked_topics} of {all_topics} expected topics; the checklist scores {computed}/100 ({}).{rec}",
        band_words(computed_band)
    );

    Scorecard {
        problem: problem.id.clone(),
        title: problem.title.clone(),
        candidate: peer.candidate.clone(),
        steps,
        dimensions,
        computed,
        computed_band,
        recommendation: peer.recommendation,
        disagreements,
        red_flags: reds.into_iter().map(|(l, _)| l).collect(),
        green_flags: greens.into_iter().map(|(l, _)| l).collect(),
        facts_revealed: revealed.len(),
        facts_total: problem.facts.len(),
        key_facts_missed,
        hints: t.hints().iter().sum(),
        overall,
        strengths,
        improvements,
        gaps,
        notes: peer.notes,
    }
}

fn with_why(head: &str, why: &str) -> String {
    if why.trim().is_empty() {
        head.to_string()
    } else {
        format!("{head}: {}", why.trim())
    }
}

/// The checklist score in the transcript's grade slot, so lists and progress
/// views show peer sessions beside solo ones.
pub fn saved_grade(card: &Scorecard, at: DateTime<FixedOffset>) -> SavedGrade {
    SavedGrade {
        score: card.computed,
        band: card.computed_band,
        steps: card.steps.iter().map(|s| (s.step, s.score)).collect(),
        graded_at: at,
    }
}
