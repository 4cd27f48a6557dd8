//! `drill stats`: what is due, how much was reviewed, retention, the streak
//! and the cards of each kind.

use super::card::Card;
use super::store::{Log, State};
use super::Kind;
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use std::collections::BTreeSet;

/// The drill at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub today: NaiveDate,
    /// Reviewed cards due today or earlier.
    pub due_today: usize,
    /// Reviewed cards due within the next seven days, today included.
    pub due_this_week: usize,
    /// Reviews in the log.
    pub reviewed: usize,
    pub reviewed_today: usize,
    /// Share of reviews of already learnt cards not rated Again; `None`
    /// before there are any.
    pub retention: Option<f64>,
    /// Days in a row with a review, up to today (or yesterday, when today
    /// has none yet).
    pub streak: u32,
    pub kinds: Vec<KindStats>,
    pub cards: Vec<CardStats>,
    /// Log lines that could not be read.
    #[serde(skip_serializing_if = "is_zero")]
    pub unreadable_log_lines: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Cards of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct KindStats {
    pub kind: Kind,
    /// Every card of the kind there is.
    pub cards: usize,
    /// Reviewed at least once.
    pub reviewed: usize,
    pub due_today: usize,
}

/// One card's schedule, for `--format json`.
#[derive(Debug, Clone, Serialize)]
pub struct CardStats {
    pub id: String,
    pub kind: Kind,
    pub due: Option<NaiveDate>,
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    pub reps: u32,
    pub lapses: u32,
}

/// The statistics of a deck, its state and the review log on `today`.
pub fn stats(deck: &[Card], state: &State, log: &Log, today: NaiveDate) -> Stats {
    let week = today + Duration::days(6);
    let due_by = |limit: NaiveDate| {
        state
            .cards
            .values()
            .filter(|c| c.reviewed() && c.due.is_some_and(|d| d <= limit))
            .count()
    };
    let later: Vec<_> = log.entries.iter().filter(|e| !e.new).collect();
    let retention = (!later.is_empty()).then(|| {
        let kept = later
            .iter()
            .filter(|e| e.rating != super::Rating::Again)
            .count();
        kept as f64 / later.len() as f64
    });
    let days: BTreeSet<NaiveDate> = log.entries.iter().map(|e| e.at.date_naive()).collect();
    let mut day = if days.contains(&today) {
        today
    } else {
        today - Duration::days(1)
    };
    let mut streak = 0;
    while days.contains(&day) {
        streak += 1;
        day -= Duration::days(1);
    }
    let kinds = Kind::ALL
        .into_iter()
        .map(|kind| {
            let of_kind: Vec<&Card> = deck.iter().filter(|c| c.kind == kind).collect();
            let states = || {
                of_kind
                    .iter()
                    .filter_map(|c| state.cards.get(&c.id))
                    .filter(|s| s.reviewed())
            };
            KindStats {
                kind,
                cards: of_kind.len(),
                reviewed: states().count(),
                due_today: states()
                    .filter(|s| s.due.is_some_and(|d| d <= today))
                    .count(),
            }
        })
        .collect();
    Stats {
        today,
        due_today: due_by(today),
        due_this_week: due_by(week),
        reviewed: log.entries.len(),
        reviewed_today: log
            .entries
            .iter()
            .filter(|e| e.at.date_naive() == today)
            .count(),
        retention,
        streak,
        kinds,
        cards: state
            .cards
            .iter()
            .map(|(id, c)| CardStats {
                id: id.clone(),
                kind: c.kind,
                due: c.due,
                stability: c.stability,
                difficulty: c.difficulty,
                reps: c.reps,
                lapses: c.lapses,
            })
            .collect(),
        unreadable_log_lines: log.unreadable,
    }
}
