//! The seven-step interview framework from section 15 of the guide, and the
//! small leaf helpers every layer may use: sanitising text for display,
//! `mm:ss` clocks and human number formatting.

pub mod color;
pub mod number;
pub mod sanitize;

pub use color::ColorChoice;

pub use number::human;
pub use sanitize::{one_line, sanitize};

use serde::{Deserialize, Serialize};
use std::fmt;

/// One step of the interview framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepId {
    Requirements,
    Functional,
    NonFunctional,
    Estimation,
    HighLevel,
    DeepDive,
    Bottlenecks,
}

/// Static description of a step: title, minute budget and what it should cover.
#[derive(Debug, Clone, Copy)]
pub struct StepInfo {
    pub id: StepId,
    pub title: &'static str,
    pub minutes: u32,
    pub covers: &'static str,
}

/// The steps in interview order.
pub const STEPS: [StepInfo; 7] = [
    StepInfo {
        id: StepId::Requirements,
        title: "Understand requirements",
        minutes: 5,
        covers: "Ask clarifying questions: who the users are, the scale, read- or write-heavy, availability, budget. State your assumptions.",
    },
    StepInfo {
        id: StepId::Functional,
        title: "Functional requirements",
        minutes: 5,
        covers: "List the core features in scope and say what is out of scope.",
    },
    StepInfo {
        id: StepId::NonFunctional,
        title: "Non-functional requirements",
        minutes: 5,
        covers: "Scale, latency (e.g. P99 < 200 ms), availability (e.g. 99.95%), consistency model and why.",
    },
    StepInfo {
        id: StepId::Estimation,
        title: "Back-of-the-envelope calculations",
        minutes: 5,
        covers: "QPS (average and peak), storage per day and per year, bandwidth, cache size; show the arithmetic.",
    },
    StepInfo {
        id: StepId::HighLevel,
        title: "High-level design",
        minutes: 10,
        covers: "Boxes and arrows: clients, load balancer, API servers, cache, database and replicas, object storage, CDN, queues.",
    },
    StepInfo {
        id: StepId::DeepDive,
        title: "Deep dive",
        minutes: 20,
        covers: "The core algorithm and data model, the trade-offs between approaches, and failure modes.",
    },
    StepInfo {
        id: StepId::Bottlenecks,
        title: "Bottlenecks and trade-offs",
        minutes: 5,
        covers: "Identify hotspots, thundering herds and bandwidth limits; propose fixes and name what each costs.",
    },
];

/// Total minutes of the framework (55): the default length of a session.
pub const TOTAL_MINUTES: u32 = {
    let mut total = 0;
    let mut i = 0;
    while i < STEPS.len() {
        total += STEPS[i].minutes;
        i += 1;
    }
    total
};

/// Total minutes of the framework (55).
pub fn total_minutes() -> u32 {
    TOTAL_MINUTES
}

/// `one` for 1, else `many`: "1 finding", "2 findings".
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `mm:ss` for a number of seconds.
pub fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

impl StepId {
    /// All ids in interview order.
    pub const ALL: [StepId; 7] = [
        StepId::Requirements,
        StepId::Functional,
        StepId::NonFunctional,
        StepId::Estimation,
        StepId::HighLevel,
        StepId::DeepDive,
        StepId::Bottlenecks,
    ];

    /// The id as written in data files (`non_functional`).
    pub fn as_str(self) -> &'static str {
        match self {
            StepId::Requirements => "requirements",
            StepId::Functional => "functional",
            StepId::NonFunctional => "non_functional",
            StepId::Estimation => "estimation",
            StepId::HighLevel => "high_level",
            StepId::DeepDive => "deep_dive",
            StepId::Bottlenecks => "bottlenecks",
        }
    }

    /// Parses a data-file id.
    pub fn parse(s: &str) -> Option<StepId> {
        StepId::ALL.into_iter().find(|id| id.as_str() == s)
    }

    /// Static information for this step.
    pub fn info(self) -> &'static StepInfo {
        &STEPS[self.index()]
    }

    /// Position in interview order (0-based).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for StepId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_follow_the_guide() {
        let minutes: Vec<u32> = STEPS.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, vec![5, 5, 5, 5, 10, 20, 5]);
        assert_eq!(total_minutes(), 55);
    }

    #[test]
    fn ids_round_trip_and_order_matches() {
        for (i, step) in STEPS.iter().enumerate() {
            assert_eq!(step.id.index(), i);
            assert_eq!(StepId::parse(step.id.as_str()), Some(step.id));
        }
        assert_eq!(StepId::parse("deep-dive"), None);
    }
}
