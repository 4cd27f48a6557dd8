//! The peer interview scorecard: what the interviewer's checklist, flags,
//! ratings and notes add up to. Ticked topics earn full credit by weight,
//! ticked flags add or take points, and the four dimensions are derived the
//! way a solo grade derives them. Pure: the input is a plain record that a
//! saved session converts to.

use super::score::{coverage_score, overall_from, Band};
use super::HINT_COST;
use crate::catalog::{Catalog, Flag, Problem, Rubric};
use crate::framework::StepId;
use serde::{Deserialize, Serialize};

/// An interviewer's rating of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// `communication`, `technical_depth`, `practical_experience` or `problem_solving`.
    pub dimension: String,
    /// 1 (poor) to 4 (excellent).
    pub score: u8,
    #[serde(default)]
    pub why: String,
}

/// One step of the interviewer's checklist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckedStep {
    /// Topic ids ticked.
    pub ticked: Vec<String>,
    /// Flag ids ticked.
    pub flags: Vec<String>,
    pub hints: u32,
    pub skipped: bool,
}

/// What a peer session hands the scorecard.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScorecardInput {
    /// One entry per step, in interview order.
    pub steps: Vec<(StepId, CheckedStep)>,
    /// Fact ids revealed to the candidate.
    pub revealed_facts: Vec<String>,
    pub candidate: Option<String>,
    pub ratings: Vec<Rating>,
    pub recommendation: Option<Band>,
    pub notes: String,
    /// The level the candidate is judged at: it sets the band thresholds.
    pub level: super::Level,
}

impl ScorecardInput {
    fn step(&self, id: StepId) -> Option<&CheckedStep> {
        self.steps.iter().find(|(s, _)| *s == id).map(|(_, c)| c)
    }

    fn ticked(&self, id: StepId) -> &[String] {
        self.step(id).map_or(&[], |c| c.ticked.as_slice())
    }

    /// Every flag ticked in any step, once.
    fn ticked_flags(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .steps
            .iter()
            .flat_map(|(_, c)| c.flags.iter().cloned())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

impl Band {
    /// How people say a band: `lean no hire`.
    pub fn words(self) -> String {
        self.as_str().replace('_', " ")
    }

    /// Parses a recommendation: `1`-`5` or a band name (`lean hire`, `lean_no_hire`).
    pub fn parse(text: &str) -> Option<Band> {
        let t = text
            .trim()
            .to_ascii_lowercase()
            .replace(['-', '_'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if let Ok(n) = t.parse::<usize>() {
            return n.checked_sub(1).and_then(|i| Band::ALL.get(i)).copied();
        }
        Band::ALL.into_iter().find(|b| b.words() == t)
    }

    /// Bands from best to worst.
    pub const ALL: [Band; 5] = [
        Band::StrongHire,
        Band::Hire,
        Band::LeanHire,
        Band::LeanNoHire,
        Band::NoHire,
    ];

    fn rank(self) -> i32 {
        Band::ALL.iter().position(|b| *b == self).unwrap_or(0) as i32
    }
}

/// Points between a rating and the checklist beyond which they disagree.
pub const DISAGREEMENT: u32 = 25;

/// One step as the interviewer's checklist scored it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScorecardStep {
    pub step: StepId,
    pub title: String,
    /// 0-100 from the ticked topics' weights, minus hints.
    pub score: u32,
    pub ticked: usize,
    pub total: usize,
    pub hints: u32,
    pub skipped: bool,
}

/// One of the guide's four dimensions: the interviewer's rating beside the
/// checklist's figure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScorecardDimension {
    /// `communication`, `technical_depth`, `practical_experience` or `problem_solving`.
    pub id: String,
    pub label: String,
    /// The interviewer's 1-4 rating, when given.
    pub rating: Option<u8>,
    /// The rating on the 0-100 scale (1 = 0, 2 = 33, 3 = 67, 4 = 100).
    pub rating_pct: Option<u32>,
    /// The same dimension computed from the checklist and flags.
    pub computed: u32,
    pub why: String,
}

/// A topic the candidate did not cover, with where to study it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScorecardGap {
    pub step: StepId,
    pub label: String,
    pub study: String,
}

/// Everything the scorecard shows.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scorecard {
    pub problem: String,
    pub title: String,
    pub candidate: Option<String>,
    pub steps: Vec<ScorecardStep>,
    pub dimensions: Vec<ScorecardDimension>,
    /// Overall score computed from the checklist and the flags ticked.
    pub computed: u32,
    pub computed_band: Band,
    /// The interviewer's recommendation.
    pub recommendation: Option<Band>,
    /// Where the interviewer's view and the checklist differ a lot.
    pub disagreements: Vec<String>,
    pub red_flags: Vec<String>,
    pub green_flags: Vec<String>,
    pub facts_revealed: usize,
    pub facts_total: usize,
    /// Topics of key facts the candidate never asked about.
    pub key_facts_missed: Vec<String>,
    pub hints: u32,
    /// Feedback, in the order interviewers give it.
    pub overall: String,
    pub strengths: Vec<String>,
    pub improvements: Vec<String>,
    pub gaps: Vec<ScorecardGap>,
    pub notes: String,
}

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

fn step_scores(rubric: &Rubric, input: &ScorecardInput) -> Vec<ScorecardStep> {
    StepId::ALL
        .iter()
        .map(|&step| {
            let rec = input.step(step).cloned().unwrap_or_default();
            let ticked = rec.ticked.as_slice();
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
            let hints = rec.hints;
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
    input: &ScorecardInput,
) -> Scorecard {
    let steps = step_scores(rubric, input);
    let flags = catalog.flags(rubric);
    let ticked = input.ticked_flags();
    let (computed, dims) = overall(&steps, &flags, &ticked);
    let peer = input;

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

    let computed_band = super::level::Policy::of(catalog, input.level).band(computed);
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
        if (rec.rank() - computed_band.rank()).abs() >= 2 {
            disagreements.push(format!(
                "Recommendation: you chose {} but the checklist points to {} ({computed}/100).",
                rec.words(),
                computed_band.words()
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

    let revealed = &input.revealed_facts;
    let key_facts_missed: Vec<String> = problem
        .facts
        .iter()
        .filter(|f| f.key && !revealed.contains(&f.id))
        .map(|f| f.topic.clone())
        .collect();

    // Gaps: unticked topics, heaviest first, then in interview order.
    let mut gaps: Vec<(f64, ScorecardGap)> = Vec::new();
    for step in StepId::ALL {
        let ticked = input.ticked(step);
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

    let hints = steps.iter().map(|s| s.hints).sum();
    let ticked_topics: usize = steps.iter().map(|s| s.ticked).sum();
    let all_topics: usize = steps.iter().map(|s| s.total).sum();
    let who = peer
        .candidate
        .clone()
        .unwrap_or_else(|| "The candidate".to_string());
    let rec = peer.recommendation.map_or(String::new(), |b| {
        format!(" Interviewer's recommendation: {}.", b.words())
    });
    let overall = format!(
        "{who} covered {ticked_topics} of {all_topics} expected topics; the checklist scores {computed}/100 ({}).{rec}",
        computed_band.words()
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
        hints,
        overall,
        strengths,
        improvements,
        gaps,
        notes: peer.notes.clone(),
    }
}

fn with_why(head: &str, why: &str) -> String {
    if why.trim().is_empty() {
        head.to_string()
    } else {
        format!("{head}: {}", why.trim())
    }
}
