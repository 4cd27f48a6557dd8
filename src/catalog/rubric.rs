//! The rubric files: `rubrics/<id>.yaml`, `rubrics/common.yaml`,
//! `rubrics/questions.yaml` and `rubrics/guide.yaml`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What is graded for one problem.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Id of the problem this rubric grades.
    pub problem: String,
    /// Topics per step id.
    pub steps: BTreeMap<String, StepRubric>,
    #[serde(default)]
    pub red_flags: Vec<Flag>,
    #[serde(default)]
    pub green_flags: Vec<Flag>,
    /// Which reference estimates of the problem are graded, and how much.
    #[serde(default)]
    pub estimates: Vec<EstimateCheck>,
    /// Rules for the candidate's diagram (boxes and arrows).
    #[serde(default)]
    pub structure: Structure,
}

/// `structure:`: what a diagram of the design must show and must not.
/// Kinds of boxes are named as `src/diagram/concept.rs` names them
/// (`client`, `load_balancer`, `service`, `cache`, `database`, ...).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    /// Boxes the design needs.
    #[serde(default)]
    pub components: Vec<ComponentRule>,
    /// Routes the arrows must allow.
    #[serde(default)]
    pub paths: Vec<PathRule>,
    /// Shapes that are wrong wherever they appear.
    #[serde(default)]
    pub anti_patterns: Vec<AntiPattern>,
}

impl Structure {
    /// Whether the section holds no rule.
    pub fn is_empty(&self) -> bool {
        self.components.is_empty() && self.paths.is_empty() && self.anti_patterns.is_empty()
    }
}

/// A box of a kind that must be drawn.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentRule {
    pub id: String,
    pub label: String,
    /// The kind of box.
    pub concept: String,
    /// The `high_level` topic a drawn box credits.
    pub topic: String,
}

/// A route through kinds of boxes, each reaching the next along the
/// arrows (all drawn in request order or all in data order).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathRule {
    pub id: String,
    pub label: String,
    /// Kinds in order, at least two (`[client, cache]`).
    pub path: Vec<String>,
    /// Kinds the route may not pass on its way (`[database]`: the cache
    /// comes before the database).
    #[serde(default)]
    pub avoiding: Vec<String>,
    /// Arrows count in either direction (a CDN and its origin are drawn
    /// both ways round).
    #[serde(default)]
    pub either_way: bool,
    /// The `high_level` topic the route credits.
    pub topic: String,
}

/// A shape that raises a red flag, given in one of three ways: a direct
/// arrow between two kinds (`edge`); a route that exists only through a
/// kind (`route` with `only_through`: the cache reached only after the
/// database); or a store of a kind with no replica (`single`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AntiPattern {
    pub id: String,
    pub label: String,
    /// `[from, to]`: an arrow from a box of the first kind to one of the second.
    #[serde(default)]
    pub edge: Vec<String>,
    /// The `edge` counts in either direction.
    #[serde(default)]
    pub either_way: bool,
    /// Kinds in order, as in a path rule.
    #[serde(default)]
    pub route: Vec<String>,
    /// The `route` is flagged when every way along it passes one of these.
    #[serde(default)]
    pub only_through: Vec<String>,
    /// A kind of store flagged when a box of it is written to and nothing
    /// in the drawing or the answer says its data is kept twice (replicas,
    /// a cluster, `x3`).
    #[serde(default)]
    pub single: Option<String>,
    /// Points taken from the overall score.
    #[serde(default = "default_flag_points")]
    pub points: f64,
    /// What to do instead.
    #[serde(default)]
    pub advice: String,
}

/// The expected topics of one step.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRubric {
    pub topics: Vec<Topic>,
}

/// Something a good answer covers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub label: String,
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// The usual terms ("cache", "read replica").
    pub phrases: Vec<String>,
    /// Other ways people say it ("keep hot entries in memory").
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Regular expressions, matched case-insensitively against a sentence.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Ids of concepts in `rubrics/concepts.yaml` whose jargon and plain
    /// forms also cover the topic.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concepts: Vec<String>,
    /// Guide section to study: `Chapter > Section` as in `rubrics/guide.yaml`.
    #[serde(default)]
    pub study: String,
}

fn default_weight() -> f64 {
    1.0
}

/// A red or green flag.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    /// A built-in check instead of (or besides) phrases.
    #[serde(default)]
    pub detector: Option<Detector>,
    /// Step ids where the flag applies (all steps when empty).
    #[serde(default)]
    pub steps: Vec<String>,
    /// Step ids whose peer checklist offers the flag (else `steps`, else the
    /// design steps): a list of every flag at every step would bury the few
    /// that matter there.
    #[serde(default)]
    pub checklist: Vec<String>,
    /// Points taken (red) or given (green) on the overall score.
    #[serde(default = "default_flag_points")]
    pub points: f64,
    /// What to do instead (red) or why it helps (green).
    #[serde(default)]
    pub advice: String,
    /// Sentences that must show the flag before it is raised: a green flag
    /// for a habit ("considers failure modes") needs more than one line.
    #[serde(default = "one")]
    pub min_mentions: usize,
    /// Phrases that, in the same sentence, cancel the flag: "a worker loops
    /// over the followers" is no fan-out inside the request.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<String>,
}

fn one() -> usize {
    1
}

impl Flag {
    /// Whether the peer checklist of a step offers this flag.
    pub fn in_checklist(&self, step: crate::framework::StepId) -> bool {
        let steps = if !self.checklist.is_empty() {
            &self.checklist
        } else {
            &self.steps
        };
        if steps.is_empty() {
            // Problem-specific flags are about the design.
            matches!(
                step,
                crate::framework::StepId::HighLevel | crate::framework::StepId::DeepDive
            )
        } else {
            steps.iter().any(|s| s == step.as_str())
        }
    }
}

fn default_flag_points() -> f64 {
    3.0
}

/// Built-in flag checks that look at the shape of an answer, not a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detector {
    /// A step that is mostly a list of technology names.
    OverEngineering,
    /// High-level design or deep dive written while requirements are empty.
    JumpingToSolution,
    /// No concrete number anywhere in requirements, non-functional or estimation.
    IgnoringScale,
    /// Design steps with no trade-off language at all.
    NoTradeOffs,
    /// Design steps that never mention a failure.
    ForgettingFailures,
    /// Questions asked in the requirements step.
    ClarifyingQuestions,
    /// Concrete numbers used in the answer.
    ConcreteNumbers,
    /// Unrealistic absolute targets: 100% uptime, zero latency, unlimited throughput.
    AbsoluteClaims,
}

/// A graded reference estimate.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EstimateCheck {
    /// Id of an estimate in the problem file.
    pub id: String,
    #[serde(default = "default_weight")]
    pub weight: f64,
}

/// `rubrics/common.yaml`: flags every rubric inherits.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Common {
    pub red_flags: Vec<Flag>,
    pub green_flags: Vec<Flag>,
    /// Technology names, for the over-engineering check.
    #[serde(default)]
    pub technologies: Vec<String>,
    /// Band thresholds and step weights per candidate level (`new-grad`,
    /// `mid`, `senior`); a level left out uses the built-in defaults.
    #[serde(default)]
    pub levels: BTreeMap<String, LevelRubric>,
}

/// What one candidate level expects: the least score for each band and how
/// much each step weighs in the overall score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRubric {
    pub bands: BandThresholds,
    /// Step id to weight; steps left out weigh their minute budget.
    #[serde(default)]
    pub step_weights: BTreeMap<String, f64>,
}

/// The least overall score for each band; below `lean_no_hire` is no hire.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandThresholds {
    pub strong_hire: u32,
    pub hire: u32,
    pub lean_hire: u32,
    pub lean_no_hire: u32,
}

/// `rubrics/questions.yaml`: the counter-question bank.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionBank {
    pub questions: Vec<Question>,
}

/// A counter-question with the key points of a good answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// Guide area: networking, databases, caching, ...
    pub area: String,
    pub ask: String,
    pub study: String,
    /// Key points, graded like topics.
    pub points: Vec<Topic>,
}

/// `rubrics/guide.yaml`: the guide's sections that `study` pointers may name.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideIndex {
    pub sections: Vec<String>,
}
