//! Steps the checker cannot be sure it read as meant. A step called wrong
//! here is said to be "not checked" instead: one false "your arithmetic is
//! wrong" costs more trust than a slip let through.
//!
//! Each rule names a way a correct line gets misread: a step that goes on
//! from a figure written elsewhere ("100 KB per open = 1 MB" after the
//! opens were counted), a share of something not on the line ("10% of
//! messages × 150 KB"), a range ("5-10%", "500K-1M"), a rate given as
//! "one report every 4 s" that the figures did not take in, a figure glued to letters it cannot read ("5y"), the right
//! result standing next to the one compared, and a gap no single slip makes
//! (ten thousand times or more). Numbers that give the result as typed are
//! doubted where they are read, in `links.rs`.

use super::super::quantity::Quantity;
use super::links::LineCtx;
use super::*;
use std::ops::Range;

/// A gap this wide is a factor written elsewhere, not a slip: slips are a
/// zero or a unit prefix off (10x, 1000x).
const FAR_OFF: f64 = 1e4;

/// Turns the line's `Wrong` checks into `Unverified` when the line may have
/// been misread.
pub(crate) fn soften(lc: &LineCtx, out: &mut [ArithmeticCheck]) {
    for check in out.iter_mut() {
        if check.verdict != ArithVerdict::Wrong {
            continue;
        }
        if let Some(why) = doubt(lc, check) {
            check.verdict = ArithVerdict::Unverified;
            check.ok = false;
            check.relative_error = 0.0;
            check.explanation = format!("{}: not checked ({why})", check.text);
        }
    }
}

/// Why a step called wrong may be a misreading, if it may.
fn doubt(lc: &LineCtx, check: &ArithmeticCheck) -> Option<&'static str> {
    let local = (check.span.start.saturating_sub(lc.offset))
        ..(check.span.end - lc.offset.min(check.span.end));
    let text = lc.line.get(local.clone())?;
    // ASCII case only, so byte offsets in `lower` are those of `text`.
    let lower = text.to_ascii_lowercase();
    let inside: Vec<&Quantity> = lc
        .quantities
        .iter()
        // Overlapping: a figure's "~" may sit before the step's text.
        .filter(|q| q.span.start < local.end && q.span.end > local.start)
        .collect();
    // Bare numbers are wrong as typed whatever the gap ("1B / 86400 =
    // 11.6 TB"); a gap between figures with units is a factor left out.
    let operands = inside.split_last().map_or(&[][..], |(_, rest)| rest);
    let bare = operands.iter().all(|q| q.dim.is_count());
    if !bare && ratio(check.stated, check.computed) >= FAR_OFF {
        return Some("the gap is too wide for a slip; a factor may be written elsewhere");
    }
    if inside.len() <= 2
        && !has_operator(lc.line, &inside)
        && (goes_on(lc, &inside) || !has_separator(lc.line, &inside))
    {
        return Some("one figure restated as another; it may go on from the figures before it");
    }
    if share_of_something(&lower) {
        return Some("a share of a total not on this line");
    }
    if has_range(text) {
        return Some("a range, not a subtraction");
    }
    if unread_figure(lc, &local) {
        return Some("a figure on it could not be read");
    }
    if unread_every(lc, &local, &lower) {
        return Some("a rate given as \"every …\" that was not read");
    }
    if right_result_nearby(lc, check, &inside) {
        return Some("the result on this line matches; another figure may have been compared");
    }
    None
}

/// How many times one figure is the other, at least 1.
fn ratio(a: f64, b: f64) -> f64 {
    let (a, b) = (a.abs(), b.abs());
    if a == 0.0 || b == 0.0 || !a.is_finite() || !b.is_finite() {
        return f64::INFINITY;
    }
    (a / b).max(b / a)
}

/// An operator between the first and the last figure of the step.
fn has_operator(line: &str, inside: &[&Quantity]) -> bool {
    let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
        return false;
    };
    if inside.len() < 2 {
        return false;
    }
    let Some(between) = line.get(first.span.end..last.span.start) else {
        return true;
    };
    between.contains(['×', '*', '/', '÷', '+', '^'])
        || between
            .split_whitespace()
            .any(|w| matches!(w, "x" | "X" | "times" | "-" | "−"))
}

/// A lone figure that figures before it on the line lead to, with no
/// separator joining them: "about 10 pictures of ~100 KB per open = 1 MB".
/// A conversion at the start of a line ("1 Gbps = 1.25 GB/s") or a link of
/// a chain ("= 50 GB/day ≈ 180 TB/year") is read as written.
fn goes_on(lc: &LineCtx, inside: &[&Quantity]) -> bool {
    let Some(first) = inside.first() else {
        return false;
    };
    let before = lc.line.get(..first.span.start).unwrap_or("");
    let joined = before
        .trim_end_matches(|c: char| c.is_whitespace() || c == '~')
        .ends_with(['=', '≈', '→', '>']);
    let earlier = lc.quantities.iter().any(|q| q.span.end <= first.span.start);
    earlier && !joined
}

/// An equals sign or an arrow between the first and the last figure: "2 MB
/// original plus three sizes (square ~30 KB" has only a "~", which marks
/// the figure approximate.
fn has_separator(line: &str, inside: &[&Quantity]) -> bool {
    let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
        return false;
    };
    // The stated figure's span holds its "≈" mark.
    let end = last.span.end.max(first.span.end);
    line.get(first.span.end..end)
        .is_some_and(|t| t.contains(['=', '≈', '→', '>']))
}

/// A digit of the step that no figure read holds: "5y × ~500 B" (a
/// duration glued to its number) leaves a factor out of the computation.
fn unread_figure(lc: &LineCtx, local: &Range<usize>) -> bool {
    let Some(text) = lc.line.get(local.clone()) else {
        return false;
    };
    let outside = text.char_indices().any(|(i, c)| {
        let at = local.start + i;
        c.is_ascii_digit()
            && !lc
                .quantities
                .iter()
                .any(|q| q.span.start <= at && at < q.span.end)
    });
    // A figure read without the letters glued to it ("5y" read as 5).
    let glued = lc.quantities.iter().any(|q| {
        q.span.start >= local.start
            && q.span.end < local.end
            && lc.line[q.span.end..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    });
    outside || glued
}

/// An "every" the figures did not take in: "one report every 4 s" ("1
/// update every 4 s" is read as a rate and checked).
fn unread_every(lc: &LineCtx, local: &Range<usize>, lower: &str) -> bool {
    lower.match_indices(" every ").any(|(i, _)| {
        let at = local.start + i + 1;
        !lc.quantities
            .iter()
            .any(|q| q.span.start <= at && at < q.span.end)
    })
}

/// "10% of messages × 150 KB": a percentage of a count named by a word.
fn share_of_something(lower: &str) -> bool {
    lower.match_indices('%').any(|(i, _)| {
        let rest = lower[i + 1..].trim_start();
        rest.strip_prefix("of ")
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_alphabetic()))
    })
}

/// "5-10%", "500K-1M", "3-4×": a hyphen between two figures with no space.
fn has_range(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        matches!(w[1], '-' | '–')
            && w[2].is_ascii_digit()
            && (w[0].is_ascii_digit()
                || (matches!(w[0], 'k' | 'K' | 'm' | 'M' | 'b' | 'B')
                    && i > 0
                    && chars[i - 1].is_ascii_digit()))
    })
}

/// Another figure of the stated kind, after the expression, that the
/// computation matches ("≈ 12 writes/s and ~120 reads/s").
fn right_result_nearby(lc: &LineCtx, check: &ArithmeticCheck, inside: &[&Quantity]) -> bool {
    let Some(stated) = inside.last() else {
        return false;
    };
    if check.stated == 0.0 || !check.computed.is_finite() {
        return false;
    }
    // The computation in the stated figure's base units.
    let computed = stated.value * check.computed / check.stated;
    let sep = lc
        .line
        .get(..stated.span.start)
        .and_then(|t| t.rfind(['=', '≈', '→']))
        .unwrap_or(0);
    let first = inside.first().map_or(0, |q| q.span.start);
    lc.quantities.iter().any(|q| {
        !std::ptr::eq(q, *stated)
            && q.dim == stated.dim
            // A figure's span holds its own "≈" mark.
            && q.span.start >= sep.max(first + 1)
            && relative_error(q.value, computed) <= LOOSE_TOLERANCE
    })
}
