//! The figures a candidate should know by heart (`drill/numbers.yaml`,
//! compiled in; `--data DIR` may hold its own `drill/numbers.yaml`).

use crate::catalog::{read_text, MAX_DATA_FILE_BYTES};
use crate::error::{Error, Result};
use crate::estimation::parse_unit;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Where the file lives, relative to the data root.
pub const FILE: &str = "drill/numbers.yaml";

/// The built-in file.
const BUILT_IN: &str = include_str!("../../drill/numbers.yaml");

/// The figures file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    pub numbers: Vec<Figure>,
}

/// One figure and where it comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// The question.
    pub ask: String,
    pub value: f64,
    /// A unit the estimation engine reads; empty for a plain count.
    #[serde(default)]
    pub unit: String,
    /// Factor within which an answer is close (default 2).
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// How the figure comes about, shown after the answer.
    pub work: String,
    /// A guide section (as listed in `rubrics/guide.yaml`).
    #[serde(default)]
    pub guide: Option<String>,
    /// A well-known public reference, named.
    #[serde(default)]
    pub reference: Option<String>,
}

impl Figure {
    /// Where the figure comes from, for the answer key.
    pub fn source(&self) -> String {
        match (&self.guide, &self.reference) {
            (Some(g), Some(r)) => format!("guide: {g}; {r}"),
            (Some(g), None) => format!("guide: {g}"),
            (None, Some(r)) => r.clone(),
            (None, None) => String::new(),
        }
    }
}

impl Numbers {
    /// The built-in file, or `DIR/drill/numbers.yaml` when `dir` has one.
    pub fn open(dir: Option<&Path>) -> Result<Numbers> {
        if let Some(file) = dir.map(|d| d.join(FILE)).filter(|f| f.is_file()) {
            let text = read_text(&file, MAX_DATA_FILE_BYTES)?;
            return Numbers::parse(&text, &file.display().to_string());
        }
        Numbers::parse(BUILT_IN, FILE)
    }

    /// Parses and checks the file: unique ids, readable units, positive
    /// values, a tolerance of at least 1, and a source for every figure.
    pub fn parse(text: &str, file: &str) -> Result<Numbers> {
        let numbers: Numbers = serde_yaml::from_str(text).map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            Error::Yaml {
                file: file.to_string(),
                line,
                column,
                message: e.to_string(),
            }
        })?;
        let bad = |id: &str, why: &str| Error::Data {
            file: file.to_string(),
            message: format!("figure `{id}` {why}"),
        };
        let mut seen = std::collections::HashSet::new();
        for f in &numbers.numbers {
            if !seen.insert(f.id.as_str()) {
                return Err(bad(&f.id, "appears twice: ids must be unique"));
            }
            if parse_unit(&f.unit).is_none() {
                return Err(bad(
                    &f.id,
                    &format!("has a unit `{}` the estimation engine cannot read", f.unit),
                ));
            }
            if !(f.value.is_finite() && f.value > 0.0) {
                return Err(bad(&f.id, "needs a positive `value`"));
            }
            if f.tolerance.is_some_and(|t| !(t.is_finite() && t >= 1.0)) {
                return Err(bad(&f.id, "needs a `tolerance` of at least 1"));
            }
            if f.guide.is_none() && f.reference.is_none() {
                return Err(bad(&f.id, "needs a source: `guide` or `reference`"));
            }
        }
        Ok(numbers)
    }

    /// A figure by id.
    pub fn get(&self, id: &str) -> Option<&Figure> {
        self.numbers.iter().find(|f| f.id == id)
    }
}
