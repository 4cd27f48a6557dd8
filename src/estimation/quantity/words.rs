//! Word tables: scale words, units of size, rate, period and duration,
//! and the words that say whether a "B" is bytes or billions.

use super::*;

// ---------------------------------------------------------------------------
// Word tables

pub(crate) fn scale_word(w: &str) -> Option<f64> {
    match w {
        "K" | "k" => Some(1e3),
        "M" | "m" => Some(1e6),
        "T" => Some(1e12),
        _ => match Lower::new(w).as_str() {
            "thousand" => Some(1e3),
            "mn" | "mil" | "mio" | "million" | "millions" => Some(1e6),
            "bn" | "billion" | "billions" => Some(1e9),
            "tn" | "trillion" | "trillions" => Some(1e12),
            _ => None,
        },
    }
}

/// Sizes written in bits, in bytes per unit: a capital prefix with a
/// small `b` (`Mb`, `Gb`) and the spelled-out words ("megabits").
pub(crate) fn bit_size_word(w: &str) -> Option<f64> {
    let f = match w {
        "Kb" => 125.0,
        "Mb" => 125_000.0,
        "Gb" => 1.25e8,
        "Tb" => 1.25e11,
        "Pb" => 1.25e14,
        _ => match Lower::new(w).as_str() {
            "kilobit" | "kilobits" => 125.0,
            "megabit" | "megabits" => 125_000.0,
            "gigabit" | "gigabits" => 1.25e8,
            "terabit" | "terabits" => 1.25e11,
            _ => return None,
        },
    };
    Some(f)
}

/// Data sizes in bytes per unit; `b`/`B` alone is handled by the caller.
pub(crate) fn size_word(w: &str) -> Option<f64> {
    if let Some(f) = bit_size_word(w) {
        return Some(f);
    }
    let lower = Lower::new(w);
    let f = match lower.as_str() {
        "byte" | "bytes" => 1.0,
        "kb" | "kilobyte" | "kilobytes" => 1e3,
        "mb" | "megabyte" | "megabytes" => 1e6,
        "gb" | "gigabyte" | "gigabytes" => 1e9,
        "tb" | "terabyte" | "terabytes" => 1e12,
        "pb" | "petabyte" | "petabytes" => 1e15,
        "eb" | "exabyte" | "exabytes" => 1e18,
        "kib" => 1024.0,
        "mib" => 1_048_576.0,
        "gib" => 1_073_741_824.0,
        "tib" => 1_099_511_627_776.0,
        "pib" => 1_125_899_906_842_624.0,
        "bit" | "bits" => 0.125,
        "kbit" | "kbits" | "kilobit" | "kilobits" => 125.0,
        "mbit" | "mbits" | "megabit" | "megabits" => 125_000.0,
        "gbit" | "gbits" | "gigabit" | "gigabits" => 1.25e8,
        "tbit" | "tbits" | "terabit" | "terabits" => 1.25e11,
        "pbit" | "pbits" | "petabit" | "petabits" => 1.25e14,
        _ => return None,
    };
    Some(f)
}

/// Bit rates in bytes per second.
pub(crate) fn bitrate_word(w: &str) -> Option<f64> {
    match Lower::new(w).as_str() {
        "bps" => Some(0.125),
        "kbps" => Some(125.0),
        "mbps" => Some(125_000.0),
        "gbps" => Some(1.25e8),
        "tbps" => Some(1.25e11),
        "pbps" => Some(1.25e14),
        _ => None,
    }
}

pub(crate) fn rate_word(w: &str) -> bool {
    matches!(Lower::new(w).as_str(), "qps" | "rps" | "tps" | "wps")
}

/// Period words after `/` or `per`, in seconds.
pub(crate) fn period_word(w: &str) -> Option<f64> {
    let f = match Lower::new(w).as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600.0,
        "d" | "day" | "days" => DAY,
        "wk" | "week" | "weeks" => 604_800.0,
        "mo" | "mon" | "month" | "months" => MONTH,
        "y" | "yr" | "yrs" | "year" | "years" => YEAR,
        _ => return None,
    };
    Some(f)
}

/// Duration units after a number ("86,400 s", "30 days", "200 ms").
pub(crate) fn duration_word(w: &str) -> Option<f64> {
    match Lower::new(w).as_str() {
        "ms" | "msec" | "millisecond" | "milliseconds" => Some(1e-3),
        // Latencies ("µs" is not ASCII; "us" counts only after a number).
        "us" | "usec" | "microsecond" | "microseconds" => Some(1e-6),
        "ns" | "nsec" | "nanosecond" | "nanoseconds" => Some(1e-9),
        "d" | "y" | "mo" | "mon" => None,
        other => period_word(other),
    }
}

/// People counted by how often they come: "daily users", "monthly
/// active viewers" (the first word after the period adverb at `end`, with
/// "active" skipped).
pub(crate) fn people_follow(s: &str, end: usize) -> bool {
    let Some((w, _, next)) = peek_word(s, end, 2) else {
        return false;
    };
    match Lower::new(w).as_str() {
        "actives" => true,
        "active" => peek_word(s, next, 2).is_some_and(|(after, _, _)| person_word(after)),
        _ => person_word(w),
    }
}

/// A noun for the people a system serves.
fn person_word(w: &str) -> bool {
    matches!(
        Lower::new(w).as_str(),
        "users"
            | "people"
            | "viewers"
            | "players"
            | "riders"
            | "drivers"
            | "members"
            | "customers"
            | "subscribers"
            | "visitors"
            | "readers"
            | "listeners"
            | "watchers"
            | "senders"
            | "accounts"
            | "creators"
            | "uploaders"
            | "buyers"
    )
}

/// "1 TB daily".
pub(crate) fn period_adverb(w: &str) -> Option<f64> {
    match Lower::new(w).as_str() {
        "hourly" => Some(3_600.0),
        "daily" => Some(DAY),
        "weekly" => Some(604_800.0),
        "monthly" => Some(MONTH),
        "yearly" | "annually" => Some(YEAR),
        _ => None,
    }
}

pub(crate) const STOP_WORDS: [&str; 44] = [
    "and",
    "or",
    "to",
    "of",
    "in",
    "on",
    "at",
    "the",
    "is",
    "are",
    "was",
    "be",
    "so",
    "with",
    "by",
    "as",
    "x",
    "if",
    "then",
    "than",
    "that",
    "this",
    "it",
    "we",
    "per",
    "each",
    "a",
    "an",
    "every",
    "from",
    "into",
    "for",
    "plus",
    "minus",
    "times",
    "about",
    "roughly",
    "approx",
    "approximately",
    "around",
    "which",
    "gives",
    "means",
    "total",
];

/// A word that can name what is counted ("posts", "users").
pub(crate) fn noun_word(w: &str) -> bool {
    let lower = Lower::new(w);
    w.len() >= 2 && !STOP_WORDS.contains(&lower.as_str()) && period_adverb(w).is_none()
}

pub(crate) const BYTE_CONTEXT: [&str; 14] = [
    "storage",
    "store",
    "stored",
    "size",
    "sized",
    "bytes",
    "byte",
    "payload",
    "metadata",
    "disk",
    "memory",
    "ram",
    "blob",
    "bandwidth",
];

pub(crate) const COUNT_CONTEXT: [&str; 27] = [
    "users",
    "user",
    "posts",
    "tweets",
    "requests",
    "dau",
    "mau",
    "qps",
    "views",
    "reads",
    "writes",
    "events",
    "messages",
    "people",
    "queries",
    "accounts",
    "devices",
    "rows",
    "records",
    "photos",
    "videos",
    "clicks",
    "redirects",
    "urls",
    "links",
    "visits",
    "calls",
];

pub(crate) const BYTE_NOUNS: [&str; 10] = [
    "payload", "metadata", "data", "overhead", "header", "headers", "storage", "disk", "memory",
    "ram",
];
