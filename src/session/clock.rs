//! Time, injectable so tests run with a fixed clock.

use chrono::{DateTime, FixedOffset, Local};
use std::cell::Cell;

/// A source of the current time.
pub trait Clock {
    fn now(&self) -> DateTime<FixedOffset>;
}

/// The system clock, in local time.
#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock that moves only when told (tests).
#[derive(Debug)]
pub struct FakeClock {
    now: Cell<DateTime<FixedOffset>>,
    /// Seconds added on every reading, to simulate typing time.
    pub step_secs: i64,
}

impl FakeClock {
    /// Starts at a fixed instant; each reading advances by `step_secs`.
    pub fn new(rfc3339: &str, step_secs: i64) -> FakeClock {
        let start = DateTime::parse_from_rfc3339(rfc3339)
            .unwrap_or_else(|_| DateTime::<chrono::Utc>::UNIX_EPOCH.fixed_offset());
        FakeClock {
            now: Cell::new(start),
            step_secs,
        }
    }
}

impl Clock for FakeClock {
    fn now(&self) -> DateTime<FixedOffset> {
        let t = self.now.get();
        self.now.set(t + chrono::Duration::seconds(self.step_secs));
        t
    }
}
