//! The problem file (`problems/<id>.yaml`): what the interviewer knows.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How hard a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// A practice problem.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    pub id: String,
    pub title: String,
    pub difficulty: Difficulty,
    /// Place in the guide's practice list: listings show problems in this
    /// order; problems without one follow, by id.
    #[serde(default)]
    pub order: Option<u32>,
    /// The opening line, short and deliberately vague.
    pub prompt: String,
    /// Facts the interviewer reveals when asked.
    pub facts: Vec<Fact>,
    /// Named inputs of the reference estimates (users, ratios, sizes).
    #[serde(default)]
    pub assumptions: Vec<Assumption>,
    /// Reference estimates with their worked calculation.
    #[serde(default)]
    pub estimates: Vec<Estimate>,
    /// Follow-up questions per step id.
    #[serde(default)]
    pub probes: BTreeMap<String, Vec<Probe>>,
    /// Hint ladder per step id: a nudge, a direction, a concrete pointer
    /// ("in practice companies ...").
    #[serde(default)]
    pub hints: BTreeMap<String, Vec<Hint>>,
    /// Changes of requirement an interviewer throws in during the deep dive.
    #[serde(default)]
    pub curveballs: Vec<Curveball>,
}

/// One rung of a hint ladder: what to say, and the rubric topics of its step
/// it points at (a rung whose topics the candidate has covered is skipped).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "HintRepr", into = "HintRepr")]
pub struct Hint {
    pub text: String,
    pub topics: Vec<String>,
}

/// A rung as written: plain text, or text with its topics.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum HintRepr {
    Text(String),
    #[serde(rename_all = "snake_case")]
    Tagged {
        text: String,
        #[serde(default)]
        topics: Vec<String>,
    },
}

impl From<HintRepr> for Hint {
    fn from(r: HintRepr) -> Hint {
        match r {
            HintRepr::Text(text) => Hint {
                text,
                topics: Vec::new(),
            },
            HintRepr::Tagged { text, topics } => Hint { text, topics },
        }
    }
}

impl From<Hint> for HintRepr {
    fn from(h: Hint) -> HintRepr {
        HintRepr::Tagged {
            text: h.text,
            topics: h.topics,
        }
    }
}

/// A change of requirement mid-interview ("traffic is ten times higher"),
/// with the topics a good adaptation covers, graded like rubric topics.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curveball {
    pub id: String,
    /// What the interviewer says.
    pub say: String,
    pub topics: Vec<crate::catalog::Topic>,
}

/// Something the interviewer reveals when the candidate asks about it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Short name shown on fact sheets ("Scale").
    pub topic: String,
    /// Ways a candidate may ask for it ("how many users", "daily active").
    pub asks: Vec<String>,
    /// The features, quantities and concerns its answer settles, with the
    /// words people use for them ("notifications", "peak viewers").
    #[serde(default)]
    pub covers: Vec<String>,
    /// What the interviewer says.
    pub answer: String,
    /// A key fact: uncovering it is graded in `requirements`.
    #[serde(default)]
    pub key: bool,
}

/// A named input of the worked calculations (e.g. `dau = 100M`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    pub id: String,
    pub label: String,
    pub value: f64,
    /// Unit as people write it: `users`, `/day`, `KB`, `x`.
    pub unit: String,
    /// Words that name it in an answer ("daily active users", "DAU").
    #[serde(default)]
    pub cues: Vec<String>,
}

/// A reference figure the candidate should estimate.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    pub id: String,
    pub label: String,
    pub value: f64,
    /// Unit of `value`: `/s`, `TB`, `TB/year`, `GB/s`, `connections`.
    pub unit: String,
    /// Words that name the figure in an answer ("write qps", "storage per year").
    pub cues: Vec<String>,
    /// Factor within which a figure counts as close (default 2).
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// The worked calculation shown in reports.
    pub calculation: String,
    /// Formula over assumption ids, used to recompute the reference from the
    /// candidate's own inputs (`dau * posts_per_user / 86400`).
    #[serde(default)]
    pub formula: Option<String>,
    /// A key figure: the practice session asks for it when it is missing.
    #[serde(default)]
    pub key: bool,
}

impl Estimate {
    /// Tolerance factor for a `close` verdict.
    pub fn tolerance(&self) -> f64 {
        self.tolerance.unwrap_or(2.0)
    }
}

/// A follow-up question the interviewer asks in a step.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    pub ask: String,
    /// Id of a question in the counter-question bank (`rubrics/questions.yaml`)
    /// whose key points grade the answer.
    #[serde(default)]
    pub question: Option<String>,
    /// Rubric topic ids of this step that a good answer covers.
    #[serde(default)]
    pub topics: Vec<String>,
}

impl Probe {
    /// Two or three probes of a step, varied by a session's seed, so that a
    /// session and a re-created sample of it ask the same ones.
    pub fn choose(probes: &[Probe], seed: u64) -> Vec<&Probe> {
        let mut order: Vec<usize> = (0..probes.len()).collect();
        let mut x = seed ^ 0x9e37_79b9_7f4a_7c15;
        for i in (1..order.len()).rev() {
            // xorshift64: small, deterministic, good enough to vary the order.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            order.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let k = (2 + (seed % 2) as usize).min(probes.len());
        order.into_iter().take(k).map(|i| &probes[i]).collect()
    }
}
