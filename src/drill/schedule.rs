//! Scheduling with FSRS-6 (the `fsrs` crate, default parameters): a rating
//! turns a card's memory state (stability, difficulty) into the next one
//! and an interval in days. Days are calendar days in the clock's offset:
//! a card is due on a date, and every review moves it at least a day on.
//!
//! Again is a one-day relearning step: the card comes back tomorrow with
//! FSRS's post-lapse memory state, and the interval after that grows from
//! there (FSRS leaves learning steps to the application, as Anki's are).

use super::store::CardState;
use super::Rating;
use crate::error::{Error, Result};
use chrono::{DateTime, FixedOffset, NaiveDate};
use fsrs::{MemoryState, NextStates, FSRS};

/// Probability of recall the intervals aim for.
pub const DESIRED_RETENTION: f32 = 0.9;

/// Days until a card rated Again comes back.
pub const RELEARN_DAYS: i64 = 1;

/// The longest interval given, so a due date stays a sensible date.
pub const MAX_INTERVAL_DAYS: i64 = 36_500;

/// FSRS with its default parameters.
pub struct Scheduler {
    fsrs: FSRS,
}

/// A card after a review.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Next {
    pub stability: f32,
    pub difficulty: f32,
    pub interval_days: i64,
    pub due: NaiveDate,
    /// Whole days since the previous review (0 for a new card).
    pub elapsed_days: u32,
}

impl Scheduler {
    /// The scheduler with FSRS-6's default parameters.
    pub fn new() -> Result<Scheduler> {
        let fsrs = FSRS::new(&[]).map_err(|e| Error::Data {
            file: "FSRS parameters".into(),
            message: e.to_string(),
        })?;
        Ok(Scheduler { fsrs })
    }

    /// The four possible outcomes of reviewing `card` at `now`.
    pub fn preview(
        &self,
        card: Option<&CardState>,
        now: DateTime<FixedOffset>,
    ) -> Result<[Next; 4]> {
        let today = now.date_naive();
        let (memory, elapsed) = match card.and_then(memory_of) {
            Some((m, last)) => (
                Some(m),
                days_between(last.with_timezone(now.offset()).date_naive(), today),
            ),
            None => (None, 0),
        };
        let next: NextStates = self
            .fsrs
            .next_states(memory, DESIRED_RETENTION, elapsed)
            .map_err(|e| Error::Transcript(format!("drill: cannot schedule this card: {e}")))?;
        let out = |s: &fsrs::ItemState| {
            let interval_days = interval(s.interval);
            Next {
                stability: s.memory.stability,
                difficulty: s.memory.difficulty,
                interval_days,
                due: today + chrono::Duration::days(interval_days),
                elapsed_days: elapsed,
            }
        };
        let mut again = out(&next.again);
        again.interval_days = RELEARN_DAYS;
        again.due = today + chrono::Duration::days(RELEARN_DAYS);
        Ok([again, out(&next.hard), out(&next.good), out(&next.easy)])
    }

    /// The outcome of reviewing `card` at `now` with `rating`.
    pub fn review(
        &self,
        card: Option<&CardState>,
        rating: Rating,
        now: DateTime<FixedOffset>,
    ) -> Result<Next> {
        Ok(self.preview(card, now)?[rating as usize])
    }
}

/// The memory state and the date of the last review, when the card has both
/// and they are usable numbers.
fn memory_of(card: &CardState) -> Option<(MemoryState, DateTime<FixedOffset>)> {
    let (s, d, last) = (card.stability?, card.difficulty?, card.last_review?);
    (s.is_finite() && s > 0.0 && d.is_finite()).then_some((
        MemoryState {
            stability: s,
            difficulty: d,
        },
        last,
    ))
}

/// Whole days from `last` to `today`; 0 when `today` is not later (a clock
/// set back never yields a negative gap).
fn days_between(last: NaiveDate, today: NaiveDate) -> u32 {
    u32::try_from((today - last).num_days().max(0)).unwrap_or(u32::MAX)
}

/// Days to wait: FSRS's interval rounded, at least one day (a drill is
/// daily), at most [`MAX_INTERVAL_DAYS`]; an unusable number waits a day.
fn interval(days: f32) -> i64 {
    if !days.is_finite() {
        return 1;
    }
    (days.round() as i64).clamp(1, MAX_INTERVAL_DAYS)
}
