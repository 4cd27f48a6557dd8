//! The cards of one session: due cards first (the longest overdue first),
//! then new ones up to the day's cap (misses before the rest). The order
//! depends only on the state, the filter, the day and the seed, so a
//! worksheet and a drill with the same ones ask the same cards.

use super::card::{Card, Source};
use super::store::State;
use super::{mix, Kind};
use crate::catalog::Catalog;
use chrono::{Datelike, NaiveDate};

/// New cards a day, by default.
pub const DEFAULT_NEW_PER_DAY: usize = 10;
/// Cards in a session, by default.
pub const DEFAULT_COUNT: usize = 20;

/// Which cards a session draws from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// `None`: every kind.
    pub kind: Option<Kind>,
    /// Only the cards of this problem (see [`Card::belongs_to`]).
    pub problem: Option<String>,
}

impl Filter {
    /// Whether a card passes.
    pub fn admits(&self, card: &Card, catalog: &Catalog) -> bool {
        self.kind.is_none_or(|k| k == card.kind)
            && self
                .problem
                .as_deref()
                .is_none_or(|p| card.belongs_to(catalog, p))
    }
}

/// How a session is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub filter: Filter,
    /// Most cards in the session.
    pub count: usize,
    /// Seeds the order of ties and of new cards, and each card's inputs.
    pub seed: u64,
    /// New cards a day.
    pub new_per_day: usize,
}

/// A card drawn for a session.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub card: Card,
    /// Its due date; `None` for a new card.
    pub due: Option<NaiveDate>,
}

/// The default seed of a day: the same all day, so the day's worksheet and
/// drill agree without one.
pub fn day_seed(today: NaiveDate) -> u64 {
    u64::try_from(today.num_days_from_ce()).unwrap_or(0)
}

/// Draws the session's cards from `deck`.
pub fn plan(
    deck: &[Card],
    catalog: &Catalog,
    state: &State,
    opts: &Options,
    today: NaiveDate,
) -> Vec<Planned> {
    let admitted: Vec<&Card> = deck
        .iter()
        .filter(|c| opts.filter.admits(c, catalog))
        .collect();
    let mut due: Vec<(NaiveDate, u64, &Card)> = admitted
        .iter()
        .filter_map(|c| {
            let s = state.cards.get(&c.id)?;
            let d = s.due.filter(|d| *d <= today && s.reviewed())?;
            Some((d, mix(opts.seed, &c.id), *c))
        })
        .collect();
    due.sort_by(|a, b| (a.0, a.1, &a.2.id).cmp(&(b.0, b.1, &b.2.id)));
    // Misses first (the most often missed first), then the rest, shuffled.
    let mut new: Vec<(u8, usize, u64, &Card)> = admitted
        .iter()
        .filter(|c| state.cards.get(&c.id).is_none_or(|s| !s.reviewed()))
        .map(|c| {
            let missed = state.cards.get(&c.id).map_or(0, |s| s.missed_in.len());
            let rank = u8::from(!matches!(c.source, Source::Miss(_)));
            (rank, usize::MAX - missed, mix(opts.seed, &c.id), *c)
        })
        .collect();
    new.sort_by(|a, b| (a.0, a.1, a.2, &a.3.id).cmp(&(b.0, b.1, b.2, &b.3.id)));
    let new_left = opts
        .new_per_day
        .saturating_sub(state.new_reviewed_on(today));
    due.into_iter()
        .map(|(d, _, c)| Planned {
            card: c.clone(),
            due: Some(d),
        })
        .chain(new.into_iter().take(new_left).map(|(_, _, _, c)| Planned {
            card: c.clone(),
            due: None,
        }))
        .take(opts.count)
        .collect()
}
