//! `rubrics/concepts.yaml`: the shared concept lexicon. Rubric topics refer
//! to concepts by id; the grader matches each concept's jargon and plain
//! forms, joins spelling variants and drops words taken in another sense.

use serde::{Deserialize, Serialize};

/// The whole lexicon.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Spellings that are one word or several: `[fanout, fan out]`.
    #[serde(default)]
    pub variants: Vec<(String, String)>,
    /// Words with senses that do not count.
    #[serde(default)]
    pub senses: Vec<Sense>,
    /// Words that stand for each other in every phrase: `[tweet, post]`.
    #[serde(default)]
    pub same: Vec<Vec<String>>,
    #[serde(default)]
    pub concepts: Vec<Concept>,
}

impl Lexicon {
    /// A concept by id.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }
}

/// A word and the phrases in which it means something else.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sense {
    pub word: String,
    /// Phrases holding the word in the sense that does not count.
    pub not: Vec<String>,
}

/// A system-design concept.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    pub label: String,
    /// The terms of the trade.
    #[serde(default)]
    pub jargon: Vec<String>,
    /// Plain-language descriptions; `..` is a gap of up to three words.
    #[serde(default)]
    pub plain: Vec<String>,
}
