//! The candidate's level: the same evidence, judged against what is expected
//! of a new graduate, a mid-level or a senior engineer.

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
}
