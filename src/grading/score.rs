//! From topic coverage to step scores, the four dimensions, the overall
//! score and the band.

use super::{Flags, StepGrade};
use crate::framework::StepId;
use serde::Serialize;

/// Share of a step's topic weight, at full credit, that earns 100.
pub const FULL_MARKS_AT: f64 = 0.9;
/// Most points green flags can add to the overall score.
pub const GREEN_CAP: f64 = 8.0;
/// Most points red flags can take: beyond that the step scores already tell.
pub const RED_CAP: f64 = 20.0;

/// Step score from the credited share of topic weight.
pub fn coverage_score(ratio: f64) -> f64 {
    (100.0 * ratio / FULL_MARKS_AT).clamp(0.0, 100.0)
}

/// Requirements: three quarters topics, one quarter key facts uncovered.
pub fn blend_facts(topic_score: f64, uncovered: usize, total: usize) -> f64 {
    let facts = if total == 0 {
        0.0
    } else {
        100.0 * uncovered as f64 / total as f64
    };
    0.75 * topic_score + 0.25 * facts
}

/// Estimation: half topics, half the figures (coverage, arithmetic, closeness).
pub fn blend_estimates(topic_score: f64, numbers: f64) -> f64 {
    0.5 * topic_score + 0.5 * numbers
}

/// Hiring recommendation derived from the overall score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    StrongHire,
    Hire,
    LeanHire,
    LeanNoHire,
    NoHire,
}

impl Band {
    /// 80+ strong hire, 65+ hire, 50+ lean hire, 35+ lean no hire, else no hire.
    pub fn from_score(score: u32) -> Band {
        match score {
            80.. => Band::StrongHire,
            65..=79 => Band::Hire,
            50..=64 => Band::LeanHire,
            35..=49 => Band::LeanNoHire,
            _ => Band::NoHire,
        }
    }

    /// snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::StrongHire => "strong_hire",
            Band::Hire => "hire",
            Band::LeanHire => "lean_hire",
            Band::LeanNoHire => "lean_no_hire",
            Band::NoHire => "no_hire",
        }
    }
}

/// The four dimensions the guide names, each 0-100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Dimensions {
    pub communication: u32,
    pub technical_depth: u32,
    pub practical_experience: u32,
    pub problem_solving: u32,
}

/// Overall score (steps weighted by their minute budgets, plus green flags up
/// to a cap, minus red flags up to a cap) and the dimensions.
pub fn overall(steps: &[StepGrade], flags: &Flags) -> (u32, Dimensions) {
    let minutes = StepId::ALL.map(|s| f64::from(s.info().minutes));
    overall_weighted(steps, flags, &minutes)
}

/// [`overall`] with the step weights of a level, in interview order.
pub fn overall_weighted(
    steps: &[StepGrade],
    flags: &Flags,
    weights: &[f64; 7],
) -> (u32, Dimensions) {
    let scores: Vec<(StepId, u32)> = steps.iter().map(|g| (g.id, g.score)).collect();
    let green: Vec<(&str, f64)> = flags
        .green
        .iter()
        .map(|f| (f.id.as_str(), f.points))
        .collect();
    let red: Vec<(&str, f64)> = flags
        .red
        .iter()
        .map(|f| (f.id.as_str(), f.points))
        .collect();
    overall_from_weighted(&scores, &green, &red, weights)
}

/// [`overall`] from plain step scores and the (id, points) of the flags
/// raised: peer mode computes its checklist score with the same weights.
pub fn overall_from(
    steps: &[(StepId, u32)],
    green: &[(&str, f64)],
    red: &[(&str, f64)],
) -> (u32, Dimensions) {
    let minutes = StepId::ALL.map(|s| f64::from(s.info().minutes));
    overall_from_weighted(steps, green, red, &minutes)
}

/// [`overall_from`] with explicit step weights, in interview order.
pub fn overall_from_weighted(
    steps: &[(StepId, u32)],
    green: &[(&str, f64)],
    red: &[(&str, f64)],
    weights: &[f64; 7],
) -> (u32, Dimensions) {
    let s = |id: StepId| {
        steps
            .iter()
            .find(|(s, _)| *s == id)
            .map_or(0.0, |(_, v)| f64::from(*v))
    };
    let total_weight: f64 = steps.iter().map(|(id, _)| weights[id.index()]).sum();
    let weighted: f64 = steps
        .iter()
        .map(|(id, v)| f64::from(*v) * weights[id.index()])
        .sum::<f64>()
        / total_weight.max(1e-9);
    let green_points: f64 = green.iter().map(|(_, p)| p).sum::<f64>().min(GREEN_CAP);
    let red_points: f64 = red.iter().map(|(_, p)| p).sum::<f64>().min(RED_CAP);
    let score = (weighted + green_points - red_points)
        .round()
        .clamp(0.0, 100.0) as u32;

    let count = |list: &[(&str, f64)], ids: &[&str]| {
        list.iter().filter(|(id, _)| ids.contains(id)).count() as f64
    };
    let clamp = |v: f64| v.round().clamp(0.0, 100.0) as u32;
    let communication =
        (s(StepId::Requirements) + s(StepId::Functional) + s(StepId::NonFunctional)) / 3.0 * 0.85
            + 7.5 * count(green, &["clarifying_questions", "stated_assumptions"])
            - 10.0
                * count(
                    red,
                    &[
                        "under_confidence",
                        "over_confidence",
                        "jumping_to_solution",
                        "i_dont_know",
                    ],
                );
    let technical_depth = 0.35 * s(StepId::HighLevel)
        + 0.65 * s(StepId::DeepDive)
        + 5.0 * count(green, &["explicit_trade_offs"])
        - 10.0 * count(red, &["no_trade_offs", "nosql_always_better", "blockchain"]);
    let practical_experience = 0.5 * s(StepId::Estimation)
        + 0.3 * s(StepId::Bottlenecks)
        + 0.2 * s(StepId::HighLevel)
        + 5.0
            * count(
                green,
                &[
                    "monitoring_operations",
                    "concrete_numbers",
                    "real_experience",
                ],
            )
        - 10.0 * count(red, &["ignoring_scale", "over_engineering"]);
    let problem_solving = 0.4 * s(StepId::DeepDive)
        + 0.4 * s(StepId::Bottlenecks)
        + 0.2 * s(StepId::Estimation)
        + 5.0 * count(green, &["failure_modes"])
        - 10.0 * count(red, &["forgetting_failures", "never_failures"]);
    (
        score,
        Dimensions {
            communication: clamp(communication),
            technical_depth: clamp(technical_depth),
            practical_experience: clamp(practical_experience),
            problem_solving: clamp(problem_solving),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_thresholds() {
        assert_eq!(Band::from_score(100), Band::StrongHire);
        assert_eq!(Band::from_score(80), Band::StrongHire);
        assert_eq!(Band::from_score(79), Band::Hire);
        assert_eq!(Band::from_score(50), Band::LeanHire);
        assert_eq!(Band::from_score(35), Band::LeanNoHire);
        assert_eq!(Band::from_score(0), Band::NoHire);
    }

    #[test]
    fn coverage_reaches_full_marks_before_everything() {
        assert_eq!(coverage_score(0.9), 100.0);
        assert_eq!(coverage_score(0.45), 50.0);
        assert_eq!(coverage_score(1.5), 100.0);
    }
}
