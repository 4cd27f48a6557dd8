//! What follows a number: percent, ratio, multiplier, scale word, unit,
//! nouns and a period; and whether a "B" means bytes.

use super::*;

/// Where a quantity's unit part ends, and what it says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tail {
    /// Base units per written number (scale words included).
    pub(crate) factor: f64,
    /// The scale word's factor ("K" → 1,000), part of `factor`.
    pub(crate) scale: f64,
    /// Written in bits.
    pub(crate) bits: bool,
    pub(crate) dim: Dim,
    pub(crate) period: Option<f64>,
    pub(crate) kind: QuantityKind,
    pub(crate) end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// After a number in running text.
    Text,
    /// A unit string from a data file: `B` means bytes, nouns may end it.
    UnitString,
}

/// Context for resolving "B" after a number.
pub(crate) struct BContext<'a> {
    pub(crate) line: &'a str,
    pub(crate) number_start: usize,
    pub(crate) value: f64,
    pub(crate) spaced: bool,
    pub(crate) prev: Option<&'a Quantity>,
}

/// Parses what follows a number (or a unit string): percent, ratio,
/// multiplier, scale word, size/rate/duration unit, nouns and a period.
pub(crate) fn parse_tail(s: &str, p: usize, mode: Mode, ctx: Option<&BContext>) -> Option<Tail> {
    let plain = |factor: f64, dim: Dim, kind: QuantityKind, end: usize| Tail {
        factor,
        scale: 1.0,
        bits: false,
        dim,
        period: None,
        kind,
        end,
    };
    if mode == Mode::Text {
        // Percent: "20%", "20 %", "20 percent".
        let q = skip_hspace(s, p, 1);
        if char_at(s, q) == Some('%') {
            return Some(plain(0.01, Dim::COUNT, QuantityKind::Percent, q + 1));
        }
        if let Some((w, _, end)) = peek_word(s, p, 1) {
            if w.eq_ignore_ascii_case("percent") || w.eq_ignore_ascii_case("pct") {
                return Some(plain(0.01, Dim::COUNT, QuantityKind::Percent, end));
            }
        }
        // Ratio: "100:1".
        if char_at(s, p) == Some(':') && s.as_bytes().get(p + 1).is_some_and(|b| b.is_ascii_digit())
        {
            let (den, end) = read_number(s, p + 1);
            return match den {
                Some(d) if d > 0.0 => Some(plain(1.0 / d, Dim::COUNT, QuantityKind::Ratio, end)),
                _ => None,
            };
        }
        // Multiplier: "3x", "3×" glued to the number and not to what follows.
        if let Some(c @ ('x' | 'X' | '×')) = char_at(s, p) {
            let after = p + c.len_utf8();
            match char_at(s, after) {
                Some(n) if n.is_alphanumeric() => {}
                _ => return Some(plain(1.0, Dim::COUNT, QuantityKind::Multiplier, after)),
            }
        }
    }

    let mut pos = p;
    let mut scale = 1.0;
    let mut factor = 1.0;
    let mut dim = Dim::COUNT;
    let mut period: Option<f64> = None;
    let mut unit_read = false;
    let mut bits = false;

    // Scale word or the ambiguous "B".
    if let Some((w, _, end)) = peek_word(s, pos, 1) {
        if (w == "B" || w == "b") && mode == Mode::Text {
            if let Some(ctx) = ctx {
                if b_means_bytes(ctx, end) {
                    dim = Dim::BYTES;
                    unit_read = true;
                } else {
                    scale = 1e9;
                }
                pos = end;
            }
        } else if w == "B" || w == "b" {
            dim = Dim::BYTES;
            unit_read = true;
            pos = end;
        } else if let Some(f) = scale_word(w) {
            scale = f;
            pos = end;
        }
    }

    // Unit word.
    if !unit_read {
        if let Some((w, _, end)) = peek_word(s, pos, 1) {
            let scaled_b = scale != 1.0 && (w == "B" || w == "b");
            if let Some(f) = size_word(w).or(scaled_b.then_some(1.0)) {
                factor = f;
                dim = Dim::BYTES;
                bits =
                    f < 1.0 || bit_size_word(w).is_some() || w.to_ascii_lowercase().contains("bit");
                pos = end;
            } else if let Some(f) = bitrate_word(w) {
                return Some(Tail {
                    factor: scale * f,
                    scale,
                    bits: true,
                    dim: Dim::BYTE_RATE,
                    period: Some(1.0),
                    kind: QuantityKind::Plain,
                    end,
                });
            } else if rate_word(w) {
                return Some(Tail {
                    factor: scale,
                    scale,
                    bits: false,
                    dim: Dim::RATE,
                    period: Some(1.0),
                    kind: QuantityKind::Plain,
                    end,
                });
            } else if let Some((secs, end)) =
                duration_word(w).and_then(|secs| seconds_per_period(s, end, secs, scale, ctx))
            {
                // "2.5M s per month": the length of the period itself, the
                // rule-of-thumb divisor, not a rate of seconds.
                return Some(Tail {
                    scale,
                    ..plain(scale * secs, Dim::DURATION, QuantityKind::Plain, end)
                });
            } else if let Some(secs) = duration_word(w).filter(|_| !followed_by_period(s, end)) {
                // "30 days", "86,400 s"; but "100 hours/day" counts hours of
                // content, read below as a noun with a period.
                return Some(Tail {
                    scale,
                    ..plain(scale * secs, Dim::DURATION, QuantityKind::Plain, end)
                });
            }
        }
    }

    // Nouns and per-item divisors, then a period.
    let mut committed = pos;
    let mut nouns_pending = 0;
    for _ in 0..6 {
        let q = skip_hspace(s, pos, 2);
        if char_at(s, q) == Some('/') {
            let r = skip_hspace(s, q + 1, 1);
            match word_at(s, r) {
                Some((w, end)) if period_word(w).is_some() => {
                    period = period_word(w);
                    committed = end;
                    break;
                }
                // "1 KB/post", "10 posts/user/day": a per-item divisor.
                Some((w, end)) if noun_word(w) || w.len() == 1 => {
                    pos = end;
                    nouns_pending = 0;
                    committed = end;
                    continue;
                }
                _ => break,
            }
        }
        let Some((w, _, end)) = peek_word(s, pos, 2) else {
            break;
        };
        let lower = Lower::new(w);
        if let Some(secs) = period_adverb(w) {
            if !people_follow(s, end) {
                period = Some(secs);
                committed = end;
                break;
            }
            // "100M daily users" counts people seen each day, not a rate:
            // "× 2 files a day" makes the rate.
            pos = end;
            nouns_pending += 1;
            if mode == Mode::UnitString {
                committed = end;
            }
            continue;
        }
        if lower.as_str() == "every" {
            // "one report every 4 s": once per four seconds.
            if let Some((secs, end2)) = every_n(s, end) {
                period = Some(secs);
                committed = end2;
                break;
            }
        }
        if matches!(lower.as_str(), "per" | "a" | "an" | "every" | "each") {
            match peek_word(s, end, 2) {
                Some((w2, _, end2)) if period_word(w2).is_some() => {
                    period = period_word(w2);
                    committed = end2;
                    break;
                }
                Some((w2, _, end2)) if lower.as_str() == "per" && noun_word(w2) => {
                    pos = end2;
                    committed = end2;
                    nouns_pending = 0;
                    continue;
                }
                _ => break,
            }
        }
        if mode == Mode::UnitString && rate_word(w) {
            period = Some(1.0);
            committed = end;
            break;
        }
        if (noun_word(w) || duration_word(w).is_some()) && nouns_pending < 2 {
            pos = end;
            nouns_pending += 1;
            if mode == Mode::UnitString {
                committed = end;
            }
            continue;
        }
        break;
    }
    let mut total = scale * factor;
    if let Some(secs) = period {
        total /= secs;
        dim = Dim {
            bytes: dim.bytes,
            time: dim.time - 1,
        };
    }
    Some(Tail {
        factor: total,
        scale,
        bits,
        dim,
        period,
        kind: QuantityKind::Plain,
        end: committed,
    })
}

/// "4 s" or "30 seconds" after "every": the seconds of the period and
/// where it ends.
fn every_n(s: &str, i: usize) -> Option<(f64, usize)> {
    let start = skip_hspace(s, i, 2);
    let rest = s.get(start..)?;
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let n: f64 = rest.get(..len)?.parse().ok()?;
    let (w, _, end) = peek_word(s, start + len, 1)?;
    let secs = period_word(w)?;
    (n > 0.0).then_some((n * secs, end))
}

/// "/day", "per day", "a day" next.
pub(crate) fn followed_by_period(s: &str, i: usize) -> bool {
    period_after(s, i).is_some()
}

/// The period named next ("/day", "per day", "a day"): its seconds and
/// where the phrase ends.
pub(crate) fn period_after(s: &str, i: usize) -> Option<(f64, usize)> {
    let q = skip_hspace(s, i, 2);
    if char_at(s, q) == Some('/') {
        let r = skip_hspace(s, q + 1, 1);
        let (w, end) = word_at(s, r)?;
        return period_word(w).map(|secs| (secs, end));
    }
    match peek_word(s, i, 2) {
        Some((w, _, end)) if matches!(Lower::new(w).as_str(), "per" | "a" | "an" | "every") => {
            let (w2, _, end2) = peek_word(s, end, 2)?;
            period_word(w2).map(|secs| (secs, end2))
        }
        _ => None,
    }
}

/// "2.5M s per month", "86,400 s/day", "365 days a year": a duration
/// followed by a longer period it (roughly, within 20% for the rules of
/// thumb) fills. Returns the unit's seconds and where the phrase ends.
pub(crate) fn seconds_per_period(
    s: &str,
    end: usize,
    secs: f64,
    scale: f64,
    ctx: Option<&BContext>,
) -> Option<(f64, usize)> {
    let typed = ctx?.value * scale * secs;
    let (period, phrase_end) = period_after(s, end)?;
    (period > secs && typed.is_finite() && (typed - period).abs() <= 0.2 * period)
        .then_some((secs, phrase_end))
}

/// Decides whether "B" after a number means bytes (true) or billion.
///
/// In order: what follows ("users" → billion, "per tweet" / "each" /
/// "payload" → bytes), a neighbouring size operand (`1B × 1 KB` → billion),
/// a spaced `× 500 B` (bytes per item), the words around it ("storage", "payload" vs "users", "posts"), and
/// finally the typography: `500 B` (spaced, ≥ 100) reads as bytes, `1B` as
/// a billion.
pub(crate) fn b_means_bytes(ctx: &BContext, b_end: usize) -> bool {
    let s = ctx.line;
    let q = skip_hspace(s, b_end, 2);
    // A multiplication sign next: "×", "*", "·" or a standalone "x".
    let op_len = match char_at(s, q) {
        Some(op @ ('×' | '*' | '·')) => Some(op.len_utf8()),
        Some('x' | 'X') if word_at(s, q).is_some_and(|(w, _)| w.len() == 1) => Some(1),
        _ => None,
    };
    if let Some(op_len) = op_len {
        let r = skip_hspace(s, q + op_len, 2);
        if s.as_bytes().get(r).is_some_and(|b| b.is_ascii_digit()) {
            let (_, num_end) = read_number(s, r);
            if let Some((w, start, _)) = peek_word(s, num_end, 1) {
                // "2B × 500 B", "1.2B x 500 bytes": a size on the other
                // factor makes this one the count.
                let is_b = w == "B" || w == "b";
                let spaced_b = is_b && start > num_end;
                if size_word(w).is_some() || spaced_b {
                    return false;
                }
                // "1.2 B x 500B": the other factor is glued to its B; this
                // one is the count unless it looks like bytes itself.
                let looks_like_bytes = ctx.spaced && ctx.value >= 100.0 && ctx.value.fract() == 0.0;
                if is_b && !looks_like_bytes {
                    return false;
                }
            }
        }
    } else if let Some((w, end)) = word_at(s, q) {
        let lower = Lower::new(w);
        match lower.as_str() {
            "per" => {
                if let Some((w2, _, _)) = peek_word(s, end, 2) {
                    if period_word(w2).is_none() && noun_word(w2) {
                        return true;
                    }
                }
            }
            "each" | "apiece" => return true,
            "of" => {
                if let Some((w2, _, _)) = peek_word(s, end, 2) {
                    if BYTE_NOUNS.contains(&Lower::new(w2).as_str()) {
                        return true;
                    }
                }
            }
            l if BYTE_NOUNS.contains(&l) => return true,
            _ if noun_word(w) && period_adverb(w).is_none() => return false,
            _ => {}
        }
    } else if char_at(s, q) == Some('/') {
        let r = skip_hspace(s, q + 1, 1);
        if let Some((w, _)) = word_at(s, r) {
            if period_word(w).is_none() && noun_word(w) {
                return true;
            }
        }
    }
    // "1 KB × 1B": the other factor is a size, so this one is a count.
    // "1.2 B x 500B", "100M x 500B": the other factor is a large count, so
    // this one is the size of each.
    if let Some(prev) = ctx.prev {
        let product = s
            .get(prev.span.end.min(ctx.number_start)..ctx.number_start)
            .is_some_and(|gap| matches!(gap.trim(), "×" | "*" | "·" | "x" | "X"));
        if product && prev.dim.bytes > 0 {
            return false;
        }
        if product
            && prev.dim.bytes == 0
            && prev.kind == QuantityKind::Plain
            && prev.display_value() >= 1e6
        {
            return true;
        }
    }
    // "100M photos × 500 B": a spaced B after a multiplication sign is the
    // size of each item.
    if ctx.spaced {
        let before = s.get(..ctx.number_start).unwrap_or("").trim_end();
        let op = before.chars().next_back();
        let standalone_x = matches!(op, Some('x' | 'X'))
            && before
                .chars()
                .rev()
                .nth(1)
                .is_none_or(|c| !c.is_alphanumeric());
        if matches!(op, Some('×' | '*' | '·')) || standalone_x {
            return true;
        }
    }
    // Words around it, within a bounded window.
    let lo = floor_boundary(s, ctx.number_start.saturating_sub(80));
    let hi = floor_boundary(s, (b_end + 80).min(s.len()));
    let window = s.get(lo..hi).unwrap_or("");
    // Only the clause of the figure: "…; caching them at 500 bytes" after
    // "10B / 30 ≈ 333M redirects per day" speaks of another figure.
    let here = ctx.number_start.saturating_sub(lo).min(window.len());
    let clause_start = window
        .get(..here)
        .and_then(|h| h.rfind(';'))
        .map_or(0, |i| i + 1);
    let after = b_end.saturating_sub(lo).min(window.len());
    let clause_end = window
        .get(after..)
        .and_then(|t| t.find(';'))
        .map_or(window.len(), |i| after + i);
    let window = window.get(clause_start..clause_end).unwrap_or(window);
    let (mut bytes_votes, mut count_votes) = (0, 0);
    for w in window
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let lower = Lower::new(w);
        if BYTE_CONTEXT.contains(&lower.as_str()) {
            bytes_votes += 1;
        } else if COUNT_CONTEXT.contains(&lower.as_str()) {
            count_votes += 1;
        }
    }
    if bytes_votes != count_votes {
        return bytes_votes > count_votes;
    }
    ctx.spaced && ctx.value >= 100.0 && ctx.value.fract() == 0.0
}
