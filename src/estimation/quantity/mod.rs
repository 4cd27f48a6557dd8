//! Reading quantities ("1B posts/day", "~11.6K/s", "1 TB", "3x") out of
//! what people type, and formatting them back.
//!
//! The scanner works line by line, one pass, with bounded look-ahead and
//! look-behind, so it is linear in the text length.

mod format;
mod scanner;
mod units;
mod words;

#[cfg(test)]
mod tests;

pub use format::{format_quantity, format_quantity_per};
pub(crate) use scanner::*;
pub(crate) use units::*;
pub(crate) use words::*;

use serde::Serialize;
use std::ops::Range;

/// Physical dimension of a quantity: exponents of bytes and seconds.
///
/// A count is `{0, 0}`, a rate has `time == -1`, a duration `time == 1`.
/// Bits are converted to bytes, so there is no separate bit dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Dim {
    pub bytes: i8,
    pub time: i8,
}

impl Dim {
    /// A plain count ("1B users").
    pub const COUNT: Dim = Dim { bytes: 0, time: 0 };
    /// Events per second ("11.6K/s").
    pub const RATE: Dim = Dim { bytes: 0, time: -1 };
    /// A data size ("1 TB").
    pub const BYTES: Dim = Dim { bytes: 1, time: 0 };
    /// A data rate ("11.6 MB/s").
    pub const BYTE_RATE: Dim = Dim { bytes: 1, time: -1 };
    /// A time span ("86,400 s").
    pub const DURATION: Dim = Dim { bytes: 0, time: 1 };

    /// Largest exponent kept; beyond it a product is treated as unreadable.
    const LIMIT: i8 = 8;

    /// Creates a dimension.
    pub const fn new(bytes: i8, time: i8) -> Dim {
        Dim { bytes, time }
    }

    /// True for a dimensionless count.
    pub fn is_count(self) -> bool {
        self == Dim::COUNT
    }

    /// True for something per unit of time.
    pub fn is_rate(self) -> bool {
        self.time == -1
    }

    /// Product dimension, `None` when the exponents run away.
    pub fn times(self, other: Dim) -> Option<Dim> {
        let bytes = self.bytes.checked_add(other.bytes)?;
        let time = self.time.checked_add(other.time)?;
        (bytes.abs() <= Dim::LIMIT && time.abs() <= Dim::LIMIT).then_some(Dim { bytes, time })
    }

    /// Quotient dimension, `None` when the exponents run away.
    pub fn per(self, other: Dim) -> Option<Dim> {
        self.times(Dim {
            bytes: other.bytes.checked_neg()?,
            time: other.time.checked_neg()?,
        })
    }

    /// Words for messages: "count", "bytes per second", ...
    pub fn describe(self) -> String {
        match (self.bytes, self.time) {
            (0, 0) => "a count".to_string(),
            (0, -1) => "a rate (per second)".to_string(),
            (1, 0) => "bytes".to_string(),
            (1, -1) => "bytes per second".to_string(),
            (0, 1) => "a duration".to_string(),
            _ => self.units(),
        }
    }

    /// Exponents written out, leaving out the zero ones: "s^2", "bytes^2",
    /// "bytes·s^-2".
    fn units(self) -> String {
        let part = |name: &str, e: i8| match e {
            0 => None,
            1 => Some(name.to_string()),
            e => Some(format!("{name}^{e}")),
        };
        let parts: Vec<String> = [part("bytes", self.bytes), part("s", self.time)]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            "a count".to_string()
        } else {
            parts.join("·")
        }
    }
}

/// How a number was written: a plain figure, a multiplier (`3x`), a ratio
/// (`100:1`) or a percentage (`20%`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Plain,
    Multiplier,
    Ratio,
    Percent,
}

/// A number read from text, normalised to base units (bytes, seconds,
/// per second).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Value in base units: bytes, seconds, events or bytes per second.
    pub value: f64,
    pub dim: Dim,
    /// Byte range in the text, including an approximation mark.
    pub span: Range<usize>,
    /// Marked approximate (`~`, `≈`, "about", "roughly", "approx").
    pub approx: bool,
    pub kind: QuantityKind,
    /// Seconds in the period the figure was written per (86,400 for
    /// "/day"); `None` unless it is a rate.
    pub period: Option<f64>,
    /// Base units per unit as written: `value / unit_factor` is the figure
    /// as typed with its scale word applied ("1B posts/day" → 1e9,
    /// "365 TB" → 365; the factor of "TB/day" is 1e12 / 86,400).
    pub unit_factor: f64,
    /// Written in bits (`Mbps`, `bits`); `value` is still in bytes.
    pub bits: bool,
}

impl Quantity {
    /// The figure as typed, in its own unit (365 for "365 TB", 11,600 for "11.6K/s").
    pub fn display_value(&self) -> f64 {
        self.value / self.unit_factor
    }
}

/// Seconds per named period, shortest first.
pub(crate) const PERIODS: [(f64, &str); 7] = [
    (1.0, "s"),
    (60.0, "min"),
    (3_600.0, "hour"),
    (86_400.0, "day"),
    (604_800.0, "week"),
    (2_592_000.0, "month"),
    (31_536_000.0, "year"),
];

pub(crate) const DAY: f64 = 86_400.0;
pub(crate) const MONTH: f64 = 2_592_000.0;
pub(crate) const YEAR: f64 = 31_536_000.0;

/// Reads every quantity in `text`, in order. Never panics; figures that
/// overflow (`10^400`) are skipped.
pub fn parse_quantities(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        scan_line(line, offset, &mut out);
        offset += line.len();
    }
    out
}

/// Parses a unit string from a data file (`TB/year`, `/s`, `users`, `x`,
/// `%`): the factor from that unit to base units and its dimension.
/// `None` when unreadable.
pub fn parse_unit(unit: &str) -> Option<(f64, Dim)> {
    parse_unit_full(unit).map(|u| (u.factor, u.dim))
}

/// A parsed unit string, with the period of a rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UnitInfo {
    pub factor: f64,
    pub dim: Dim,
    pub period: Option<f64>,
    pub kind: QuantityKind,
}

/// Like [`parse_unit`] but keeps the period and kind.
pub(crate) fn parse_unit_full(unit: &str) -> Option<UnitInfo> {
    let s = unit.trim();
    let plain = |factor, kind| UnitInfo {
        factor,
        dim: Dim::COUNT,
        period: None,
        kind,
    };
    match s.to_ascii_lowercase().as_str() {
        "" => return Some(plain(1.0, QuantityKind::Plain)),
        "x" | "×" | "times" => return Some(plain(1.0, QuantityKind::Multiplier)),
        "%" | "percent" | "pct" => return Some(plain(0.01, QuantityKind::Percent)),
        _ => {}
    }
    let tail = parse_tail(s, 0, Mode::UnitString, None)?;
    let rest = s.get(tail.end..)?;
    if !rest.trim().is_empty() {
        return None;
    }
    finite_positive(tail.factor).then_some(UnitInfo {
        factor: tail.factor,
        dim: tail.dim,
        period: tail.period,
        kind: tail.kind,
    })
}

fn finite_positive(x: f64) -> bool {
    x.is_finite() && x > 0.0
}

/// Largest char boundary at or below `i`.
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
