//! The candidate's level: the same evidence, judged against what is expected
//! of a new graduate, a mid-level or a senior engineer.

use super::score::Band;
use crate::catalog::{BandThresholds, Catalog};
use crate::framework::StepId;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A candidate's level. The guide is written for new graduates: the default.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    #[default]
    NewGrad,
    Mid,
    Senior,
}

impl Level {
    /// Every level, junior first.
    pub const ALL: [Level; 3] = [Level::NewGrad, Level::Mid, Level::Senior];

    /// `new-grad`, `mid` or `senior`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::NewGrad => "new-grad",
            Level::Mid => "mid",
            Level::Senior => "senior",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Thresholds used when `rubrics/common.yaml` names none for a level.
pub const DEFAULT_BANDS: BandThresholds = BandThresholds {
    strong_hire: 80,
    hire: 65,
    lean_hire: 50,
    lean_no_hire: 35,
};

/// How a level turns step scores into an overall score and a band.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub level: Level,
    pub bands: BandThresholds,
    /// Weight of each step, in interview order.
    pub weights: [f64; 7],
}

impl Policy {
    /// The policy `rubrics/common.yaml` gives `level`; steps it does not
    /// weigh count their minute budget, as the guide's timings do.
    pub fn of(catalog: &Catalog, level: Level) -> Policy {
        let entry = catalog.common.levels.get(level.as_str());
        let mut weights = [0.0; 7];
        for step in StepId::ALL {
            weights[step.index()] = entry
                .and_then(|e| e.step_weights.get(step.as_str()))
                .copied()
                .unwrap_or_else(|| f64::from(step.info().minutes));
        }
        Policy {
            level,
            bands: entry.map_or(DEFAULT_BANDS, |e| e.bands),
            weights,
        }
    }

    /// The band an overall score earns at this level.
    pub fn band(&self, score: u32) -> Band {
        let b = &self.bands;
        if score >= b.strong_hire {
            Band::StrongHire
        } else if score >= b.hire {
            Band::Hire
        } else if score >= b.lean_hire {
            Band::LeanHire
        } else if score >= b.lean_no_hire {
            Band::LeanNoHire
        } else {
            Band::NoHire
        }
    }
}

/// A level name that is not one of `new-grad`, `mid`, `senior`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown level `{0}`: use new-grad, mid or senior")]
pub struct UnknownLevel(pub String);

impl FromStr for Level {
    type Err = UnknownLevel;

    fn from_str(s: &str) -> Result<Level, UnknownLevel> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "new-grad" | "newgrad" | "junior" | "entry" => Ok(Level::NewGrad),
            "mid" | "mid-level" | "intermediate" => Ok(Level::Mid),
            "senior" | "staff" => Ok(Level::Senior),
            _ => Err(UnknownLevel(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_and_print() {
        for l in Level::ALL {
            assert_eq!(l.as_str().parse::<Level>(), Ok(l));
        }
        assert_eq!("Mid".parse::<Level>(), Ok(Level::Mid));
        assert!("principal".parse::<Level>().is_err());
        assert_eq!(Level::default(), Level::NewGrad);
    }

    #[test]
    fn default_policy_matches_the_fixed_bands() {
        let p = Policy {
            level: Level::Mid,
            bands: DEFAULT_BANDS,
            weights: [1.0; 7],
        };
        for score in [0, 34, 35, 49, 50, 64, 65, 79, 80, 100] {
            assert_eq!(p.band(score), Band::from_score(score), "{score}");
        }
    }

    #[test]
    fn built_in_levels_raise_the_bar_in_order() {
        let catalog = Catalog::embedded().expect("built-in data");
        let bars: Vec<u32> = Level::ALL
            .iter()
            .map(|l| Policy::of(&catalog, *l).bands.hire)
            .collect();
        assert!(bars.windows(2).all(|w| w[0] < w[1]), "{bars:?}");
    }
}
