//! Drills: short daily practice on cards, scheduled with FSRS.
//!
//! A card is one thing to answer: a counter-question from the bank, an
//! estimate of a problem with fresh inputs, a figure to know by heart, or a
//! topic or estimate missed in a saved practice session. Every card is
//! graded by the engines that exist (topics for words, the estimation engine
//! for numbers); the grade proposes a rating and FSRS turns the rating into
//! the next due date. Pure functions over the catalog, the state and a time
//! given by the caller; the only I/O is the state store
//! (`<transcripts>/drill/`).
//!
//! - `card`: what each card asks and how its answer is checked;
//! - `check`: grading an answer and proposing a rating;
//! - `deck`: every card there is; `plan`: the cards of one session;
//! - `estimate`: fresh inputs and worked calculations for estimation cards;
//! - `harvest`: misses of saved sessions become cards;
//! - `numbers`: the figures file; `schedule`: FSRS; `store`: state and log;
//! - `stats` and `sheet`: what `drill stats` and `drill sheet` show.

pub mod card;
pub mod check;
pub mod deck;
pub mod estimate;
pub mod harvest;
pub mod numbers;
pub mod plan;
pub mod schedule;
pub mod sheet;
pub mod stats;
pub mod store;

#[cfg(test)]
mod tests;

pub use card::{instance, Card, Check, Instance, Miss};
pub use check::{check, Graded, Reply};
pub use deck::deck;
pub use harvest::{harvest, misses_of_grade, new_cards_count, new_cards_of, Harvest};
pub use numbers::{Figure, Numbers};
pub use plan::{day_seed, plan, Filter, Options, Planned, DEFAULT_COUNT, DEFAULT_NEW_PER_DAY};
pub use schedule::{Scheduler, DESIRED_RETENTION};
pub use sheet::{worksheet, Sheet, SheetCard};
pub use stats::{stats, Stats};
pub use store::{CardState, DrillStore, LogEntry, State};

use crate::catalog::Catalog;
use crate::error::{did_you_mean, nearest, Error};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The four kinds of card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A counter-question of the bank, graded against its key points.
    Question,
    /// A problem's estimate with fresh inputs, checked by the estimation engine.
    Estimation,
    /// A figure to know by heart.
    Numbers,
    /// A topic or estimate missed in a saved practice session.
    Misses,
}

impl Kind {
    /// Every kind, in the order listings show them.
    pub const ALL: [Kind; 4] = [
        Kind::Question,
        Kind::Estimation,
        Kind::Numbers,
        Kind::Misses,
    ];
    /// Names on the command line (`all` means every kind).
    pub const NAMES: [&'static str; 5] = ["question", "estimation", "numbers", "misses", "all"];

    /// The name on the command line and in card ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Estimation => "estimation",
            Kind::Numbers => "numbers",
            Kind::Misses => "misses",
        }
    }

    /// `None` for `all`; an error naming the valid values otherwise.
    pub fn parse_filter(s: &str) -> crate::Result<Option<Kind>> {
        let s = s.trim().to_ascii_lowercase();
        if s == "all" {
            return Ok(None);
        }
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .map(Some)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "unknown kind `{s}`: use {}",
                    Kind::NAMES.join(", ")
                ))
            })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How well a card was recalled: the four answers of FSRS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    /// Every rating, worst first.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// Capitalised name.
    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }

    /// The key that picks it (`a`, `h`, `g`, `e`).
    pub fn key(self) -> char {
        match self {
            Rating::Again => 'a',
            Rating::Hard => 'h',
            Rating::Good => 'g',
            Rating::Easy => 'e',
        }
    }

    /// Reads a key or a word: `a`/`1`/`again`, `h`/`2`/`hard`, `g`/`3`/`good`,
    /// `e`/`4`/`easy`, any case.
    pub fn parse(s: &str) -> Option<Rating> {
        let s = s.trim().to_ascii_lowercase();
        Rating::ALL.into_iter().find(|r| {
            let n = (*r as usize + 1).to_string();
            s == r.key().to_string() || s == n || s == r.name().to_ascii_lowercase()
        })
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Checks a `--problem` value: an unknown id is a usage error listing the
/// valid ones (and the nearest, when one is close).
pub fn check_problem(catalog: &Catalog, id: &str) -> crate::Result<()> {
    if catalog.problems.iter().any(|p| p.id == id) {
        return Ok(());
    }
    let ids = catalog.ids();
    let suggestions = nearest(id, ids.iter().map(String::as_str));
    Err(Error::Usage(format!(
        "unknown problem `{id}`{}; problems: {}",
        did_you_mean(&suggestions),
        ids.join(", ")
    )))
}

/// A small deterministic mixer (splitmix64): seeds per card from the
/// session's seed and the card id, so one card's inputs do not depend on
/// which other cards were drawn.
pub fn mix(seed: u64, text: &str) -> u64 {
    let mut h = seed ^ 0x9e37_79b9_7f4a_7c15;
    for b in text.bytes() {
        h = splitmix(h ^ u64::from(b));
    }
    splitmix(h)
}

/// One step of splitmix64.
pub fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A drill folder opened for a command: the state (misses of new or
/// changed sessions added), what to tell the person, and every card.
pub struct Opened {
    pub store: DrillStore,
    pub state: State,
    /// A broken state file kept aside: say so.
    pub notice: Option<String>,
    pub harvest: Harvest,
    pub deck: Vec<Card>,
}

/// Opens the drill kept in `transcripts`: loads the state, adds the misses
/// of sessions new or changed since the last search, and lists the cards.
/// `save` writes the state back when the search added to it (a drill does;
/// `stats` and `sheet` only read).
pub fn open(
    catalog: &Catalog,
    numbers: &Numbers,
    transcripts: &std::path::Path,
    now: chrono::DateTime<chrono::FixedOffset>,
    save: bool,
) -> crate::Result<Opened> {
    let store = DrillStore::new(transcripts);
    let loaded = store.load(now)?;
    let mut state = loaded.state;
    let before = state.clone();
    let found = harvest(
        catalog,
        &crate::transcript::Store::new(transcripts),
        &mut state,
        now,
    )?;
    if save && state != before {
        store.save(&state)?;
    }
    let cards = deck(catalog, numbers, &state);
    Ok(Opened {
        store,
        state,
        notice: loaded.notice,
        harvest: found,
        deck: cards,
    })
}
