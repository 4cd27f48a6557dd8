//! What a line's arithmetic borrows from around it: figures stated in the
//! sentences before (a record size, a yearly total) that a bare number in
//! the expression repeats, the two readings of a "B", and the horizon a
//! total is stated over.

use super::super::quantity::{period_word, Dim, Quantity, QuantityKind};
use super::interp::{Interp, UVal};

/// Figures with a unit stated earlier in the step, keyed by the number as
/// typed: "Each record is 64 bytes" lets a later `100K × 64` mean 64 bytes.
#[derive(Debug, Default)]
pub(crate) struct Context {
    sizes: Vec<(f64, Interp)>,
}

/// How many earlier figures are remembered; the oldest go first.
const MAX_REMEMBERED: usize = 64;

impl Context {
    /// Remembers the figures of `quantities` that carry a unit.
    pub(crate) fn remember(&mut self, quantities: &[Quantity]) {
        for q in quantities {
            if q.dim.is_count() || q.kind != QuantityKind::Plain || !q.value.is_finite() {
                continue;
            }
            let typed = q.display_value();
            if !typed.is_finite() || typed == 0.0 {
                continue;
            }
            let reading = UVal::from_quantity(q).interps.first().copied();
            if let Some(reading) = reading {
                self.sizes
                    .retain(|(t, i)| !(same(*t, typed) && i.dim == reading.dim));
                if self.sizes.len() >= MAX_REMEMBERED {
                    self.sizes.remove(0);
                }
                self.sizes.push((typed, reading));
            }
        }
    }

    /// The readings of a figure in an expression: as written, plus the
    /// other reading of a "B", plus for a bare number the unit it was given
    /// earlier in the step.
    pub(crate) fn figure(&self, line: &str, q: &Quantity) -> UVal {
        let mut v = UVal::from_quantity(q);
        if let Some((value, dim)) = b_alternative(line, q) {
            v.interps.push(Interp {
                v: value,
                dim,
                period: 1.0,
                rounded: false,
                bits: None,
            });
        }
        if q.dim.is_count() && q.kind == QuantityKind::Plain {
            for (typed, reading) in self.sizes.iter().rev().take(4) {
                if same(*typed, q.value) {
                    v.interps.push(*reading);
                }
            }
        }
        v
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// The other reading of a figure written with a lone "B": "500 B" read as
/// bytes may be 500 billion, "2B" read as billions may be 2 bytes. Returns
/// the value in base units and its dimension.
pub(crate) fn b_alternative(line: &str, q: &Quantity) -> Option<(f64, Dim)> {
    let text = line.get(q.span.clone())?.trim_end();
    let head = text.strip_suffix('B')?;
    let before = head.chars().next_back()?;
    let digits_before = head.trim_end().chars().next_back()?;
    if !(before.is_ascii_digit() || before == ' ') || !digits_before.is_ascii_digit() {
        return None;
    }
    if q.kind != QuantityKind::Plain {
        return None;
    }
    if q.dim == Dim::BYTES {
        Some((q.value * 1e9, Dim::COUNT))
    } else if q.dim == Dim::COUNT {
        Some((q.value / 1e9, Dim::BYTES))
    } else {
        None
    }
}

/// "over 5 years", "in 10 years", "for 3 months", "(5 years)" right after
/// a figure: the horizon a total is stated over, in seconds.
pub(crate) fn horizon_after(line: &str, end: usize) -> Option<f64> {
    let rest = line.get(end..)?;
    let rest: String = rest.chars().take(48).collect();
    let mut words = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase);
    let mut w = words.next()?;
    if matches!(
        w.as_str(),
        "over" | "in" | "for" | "across" | "within" | "after"
    ) {
        w = words.next()?;
        if matches!(w.as_str(), "the" | "next") {
            w = words.next()?;
            if w == "next" {
                w = words.next()?;
            }
        }
    } else if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // "5 years", "5-year", "5yrs".
    let split = w
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(w.len());
    let (number, unit) = w.split_at(split);
    let n: f64 = match number {
        "" if w == "a" || w == "one" => 1.0,
        "" => match w.as_str() {
            "two" => 2.0,
            "three" => 3.0,
            "five" => 5.0,
            "ten" => 10.0,
            _ => return None,
        },
        n => n.parse().ok()?,
    };
    let unit = unit.trim_start_matches('-');
    let unit = if unit.is_empty() {
        words.next()?
    } else {
        unit.to_string()
    };
    let secs = period_word(unit.trim_end_matches(['.', ';', ':']))?;
    let total = n * secs;
    (n > 1.0 && secs > 1.0 && total.is_finite()).then_some(total)
}
