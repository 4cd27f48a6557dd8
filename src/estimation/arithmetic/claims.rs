//! Claims without an operator: "1M new links a day, so about 12 writes a
//! second", "60 TB a year, so 300 TB over 5 years". Checked only when both
//! figures carry their units, stand in the same line, and a connecting word
//! ("so", "i.e.", "which is", "or") says the second restates the first.

use super::super::quantity::{format_quantity_per, Quantity, QuantityKind};
use super::context::horizon_after;
use super::links::LineCtx;
use super::*;

/// Words that say the second figure restates the first.
const CONNECTORS: [&str; 11] = [
    "so", "i.e", "ie", "or", "which", "that's", "thats", "meaning", "means", "giving", "gives",
];

/// Words naming a different kind of traffic: a figure about reads does not
/// restate one about writes.
const KINDS: [&str; 14] = [
    "peak",
    "read",
    "reads",
    "view",
    "views",
    "redirect",
    "redirects",
    "click",
    "clicks",
    "download",
    "downloads",
    "upload",
    "uploads",
    "concurrent",
];

/// Checks connected pairs of figures on one line that no other check used.
pub(crate) fn check_claims(lc: &LineCtx, out: &mut Vec<ArithmeticCheck>, first_new: usize) {
    let line = lc.line;
    let used = |q: &Quantity| {
        out.get(first_new..).is_some_and(|cs| {
            cs.iter().any(|c| {
                let r = (c.span.start - lc.offset.min(c.span.start))
                    ..(c.span.end - lc.offset.min(c.span.end));
                r.start < q.span.end && q.span.start < r.end
            })
        })
    };
    let mut found = Vec::new();
    for pair in lc.quantities.windows(2) {
        let [a, b] = pair else { continue };
        if a.kind != QuantityKind::Plain || b.kind != QuantityKind::Plain || used(a) || used(b) {
            continue;
        }
        let Some(between) = line.get(a.span.end..b.span.start) else {
            continue;
        };
        // A sentence ends between them: "200k updates/s. That's a lot of
        // writes. Rides maybe 10M/day" speaks of two things.
        let sentence_ends = between.char_indices().any(|(i, c)| {
            matches!(c, '.' | '!' | '?')
                && between[i + 1..]
                    .trim_start()
                    .starts_with(|n: char| n.is_uppercase())
        });
        if between.chars().count() > 40
            || sentence_ends
            || between.contains(|c: char| c.is_ascii_digit() || "×*/÷+=≈→<>^(){}[]|:;".contains(c))
        {
            continue;
        }
        let words: Vec<String> = between
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.'))
            .map(|w| w.trim_matches('.').to_ascii_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        if !words.iter().any(|w| CONNECTORS.contains(&w.as_str()))
            || words.iter().any(|w| w == "x" || w == "times")
        {
            continue;
        }
        // The second figure's own words ("reads" of "4,000 reads/s") against
        // the first's.
        let around = |q: &Quantity, before: usize, after: usize| -> Vec<String> {
            let from = q.span.start.saturating_sub(before);
            let from = (0..=from)
                .rev()
                .find(|&i| line.is_char_boundary(i))
                .unwrap_or(0);
            let to = (q.span.end + after).min(line.len());
            let to = (to..=line.len())
                .find(|&i| line.is_char_boundary(i))
                .unwrap_or(line.len());
            line.get(from..to)
                .unwrap_or("")
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_ascii_lowercase)
                .collect()
        };
        let a_words = around(a, 30, 0);
        let b_words: Vec<String> = words.iter().cloned().chain(around(b, 0, 24)).collect();
        if b_words
            .iter()
            .any(|w| KINDS.contains(&w.as_str()) && !a_words.contains(w))
        {
            continue;
        }
        let expected = if a.dim.is_rate() && b.dim == a.dim && a.period != b.period {
            a.value
        } else if let (true, Some(h)) = (
            a.dim.is_rate() && b.dim.time == 0 && b.dim.bytes == a.dim.bytes,
            horizon_after(line, b.span.end),
        ) {
            a.value * h
        } else {
            continue;
        };
        found.push((a.clone(), b.clone(), expected));
    }
    for (a, b, expected) in found {
        let err = relative_error(b.value, expected);
        let verdict = if err <= LOOSE_TOLERANCE {
            ArithVerdict::Ok
        } else if err >= 0.5 {
            ArithVerdict::Wrong
        } else {
            ArithVerdict::Unverified
        };
        let stated_display = line.get(b.span.clone()).unwrap_or("").trim().to_string();
        let first = line.get(a.span.clone()).unwrap_or("").trim().to_string();
        let computed_display = format_quantity_per(expected, b.dim, b.period);
        let explanation = match verdict {
            ArithVerdict::Ok => {
                format!("{first} is {computed_display}: {stated_display} checks out")
            }
            ArithVerdict::Wrong => format!(
                "{first} is {computed_display}, not {stated_display} (off by {})",
                super::links::percent(err)
            ),
            ArithVerdict::Unverified => {
                format!("{first} is {computed_display}; {stated_display} is not checked")
            }
        };
        let unit = if b.unit_factor.is_finite() && b.unit_factor != 0.0 {
            b.unit_factor
        } else {
            1.0
        };
        out.push(ArithmeticCheck {
            text: line
                .get(a.span.start..b.span.end)
                .unwrap_or("")
                .trim()
                .to_string(),
            span: (lc.offset + a.span.start)..(lc.offset + b.span.end),
            stated: b.value / unit,
            computed: expected / unit,
            stated_display,
            computed_display,
            relative_error: if verdict == ArithVerdict::Unverified {
                0.0
            } else {
                err
            },
            ok: verdict == ArithVerdict::Ok,
            verdict,
            explanation,
        });
    }
}
