//! Formatting quantities back into text: `11,574/s`, `1 TB`, `1.16B`.

use super::{Dim, PERIODS};

/// Human formatting: `11,574/s`, `1 TB`, `11.6 MB/s`, `1.16B`, `86,400 s`.
/// Counts below 100,000 are written in full with thousands separators,
/// larger ones with K/M/B/T and three significant digits. The output
/// parses back to the same value (within that rounding).
pub fn format_quantity(value: f64, dim: Dim) -> String {
    if !value.is_finite() {
        return "?".to_string();
    }
    match (dim.bytes, dim.time) {
        (0, 0) => format_count(value),
        (0, -1) => format!("{}/s", format_count(value)),
        (1, 0) => format_bytes(value),
        (1, -1) => format!("{}/s", format_bytes(value)),
        (0, 1) => format!("{} s", format_count(value)),
        _ => format!("{} {}", format_count(value), dim.units()),
    }
}

/// Formats a rate per its written period ("1B/day", "365 TB/year"); other
/// quantities as [`format_quantity`].
pub fn format_quantity_per(value: f64, dim: Dim, period: Option<f64>) -> String {
    if dim.is_rate() {
        if let Some(p) = period {
            if let Some(&(secs, name)) = PERIODS.iter().find(|(secs, _)| (*secs - p).abs() < 0.5) {
                if secs > 1.0 {
                    let amount = Dim {
                        bytes: dim.bytes,
                        time: 0,
                    };
                    return format!("{}/{name}", format_quantity(value * secs, amount));
                }
            }
        }
    }
    format_quantity(value, dim)
}

/// Three significant digits, trailing zeros trimmed.
pub(crate) fn sig3(x: f64) -> String {
    let a = x.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        // Enough decimals for three significant digits of a small number.
        let lead = (-a.log10()).floor().clamp(0.0, 20.0) as usize;
        lead + 3
    };
    trim_zeros(format!("{x:.decimals$}"))
}

pub(crate) fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Integer with comma thousands separators.
pub(crate) fn group_int(x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if x < 0.0 && digits != "0" {
        out.push('-');
    }
    let n = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

pub(crate) fn format_count(x: f64) -> String {
    let a = x.abs();
    if a == 0.0 {
        return "0".to_string();
    }
    if !(1e-3..1e15).contains(&a) {
        return format!("{x:.2e}");
    }
    if a < 100.0 {
        return sig3(x);
    }
    if a < 1e5 {
        return group_int(x);
    }
    const SCALES: [(f64, &str); 4] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")];
    for (i, &(factor, suffix)) in SCALES.iter().enumerate() {
        if a >= factor * 0.9995 {
            let mut text = sig3(x / factor);
            let mut suffix = suffix;
            // Rounding can carry into the next scale ("1000K" → "1M").
            if text.trim_start_matches('-') == "1000" && i > 0 {
                if let Some(&(_, bigger)) = SCALES.get(i - 1) {
                    text = if x < 0.0 { "-1" } else { "1" }.to_string();
                    suffix = bigger;
                }
            }
            return format!("{text}{suffix}");
        }
    }
    group_int(x)
}

pub(crate) fn format_bytes(x: f64) -> String {
    let a = x.abs();
    const UNITS: [(f64, &str); 5] = [
        (1e15, "PB"),
        (1e12, "TB"),
        (1e9, "GB"),
        (1e6, "MB"),
        (1e3, "KB"),
    ];
    for (i, &(factor, unit)) in UNITS.iter().enumerate() {
        if a >= factor * 0.9995 {
            let scaled = x / factor;
            if i > 0 && sig3(scaled).trim_start_matches('-') == "1000" {
                if let Some(&(_, bigger)) = UNITS.get(i - 1) {
                    return format!("{} {bigger}", if x < 0.0 { "-1" } else { "1" });
                }
            }
            let number = if scaled.abs() >= 1000.0 {
                format_count(scaled)
            } else {
                sig3(scaled)
            };
            return format!("{number} {unit}");
        }
    }
    // "bytes" in full: a bare "B" would read back as billions.
    format!("{} bytes", format_count(x))
}
