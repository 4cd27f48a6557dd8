//! The line scanner: numbers, their approximation marks, and the
//! quantity each one starts. Bounded look-ahead and look-behind, so linear
//! in the text length.

use super::*;

// ---------------------------------------------------------------------------
// Scanner primitives (all slicing through `get`, always at char boundaries)

pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

pub(crate) fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Skips at most `max` horizontal spaces.
pub(crate) fn skip_hspace(s: &str, mut i: usize, max: usize) -> usize {
    for _ in 0..max {
        match char_at(s, i) {
            Some(c) if is_hspace(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// The ASCII-letter word starting exactly at `i`, with its end.
pub(crate) fn word_at(s: &str, i: usize) -> Option<(&str, usize)> {
    let rest = s.get(i..)?;
    let len = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    if len == 0 {
        return None;
    }
    // A word glued to digits or non-ASCII letters is not a unit word.
    let end = i + len;
    match char_at(s, end) {
        Some(c) if c.is_alphanumeric() || c == '_' => None,
        _ => rest.get(..len).map(|w| (w, end)),
    }
}

/// The word after at most `max_space` spaces: (word, start, end).
pub(crate) fn peek_word(s: &str, i: usize, max_space: usize) -> Option<(&str, usize, usize)> {
    let start = skip_hspace(s, i, max_space);
    word_at(s, start).map(|(w, end)| (w, start, end))
}

/// A short ASCII word lower-cased on the stack: the unit tables are looked
/// up for every figure, so no allocation. Longer or non-ASCII words read as
/// "", which matches no table entry.
pub(crate) struct Lower {
    pub(crate) buf: [u8; 16],
    pub(crate) len: usize,
}

impl Lower {
    pub(crate) fn new(w: &str) -> Lower {
        let mut buf = [0u8; 16];
        if w.len() > buf.len() || !w.is_ascii() {
            return Lower { buf, len: 0 };
        }
        for (d, b) in buf.iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        Lower { buf, len: w.len() }
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }
}

// ---------------------------------------------------------------------------
// The scanner

pub(crate) fn scan_line(line: &str, offset: usize, out: &mut Vec<Quantity>) {
    let first_new = out.len();
    let mut i = 0;
    while i < line.len() {
        let Some(c) = char_at(line, i) else { break };
        let starts_number = c.is_ascii_digit()
            || (c == '.' && char_at(line, i + 1).is_some_and(|d| d.is_ascii_digit()));
        if !starts_number {
            i += c.len_utf8();
            continue;
        }
        // Digits glued to letters ("P99", "x86", "S3") are names, not figures.
        let glued =
            char_before(line, i).is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '.');
        // ...except "3x10", where the x is an operator between numbers.
        let times = matches!(char_before(line, i), Some('x' | 'X'))
            && char_before(line, i - 1).is_some_and(|p| p.is_ascii_digit());
        if glued && !times {
            i = skip_alnum(line, i);
            continue;
        }
        // The previous figure on this line, back in line coordinates.
        let prev = out.get(first_new..).and_then(|v| v.last()).map(|q| {
            let mut q = q.clone();
            q.span = q.span.start.saturating_sub(offset)..q.span.end.saturating_sub(offset);
            q
        });
        match read_quantity(line, i, prev) {
            (Some(mut q), end) => {
                q.span = (q.span.start + offset)..(q.span.end + offset);
                out.push(q);
                i = end.max(i + 1);
            }
            (None, end) => i = end.max(i + 1),
        }
    }
}

pub(crate) fn skip_alnum(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// A number: digits with `,`/space grouping, decimals, exponent, and the
/// scientific forms `1.2 x 10^4` and `10^9`. Returns the value (None when it
/// overflows) and where the number ends.
pub(crate) fn read_number(s: &str, start: usize) -> (Option<f64>, usize) {
    let bytes = s.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_digit());
    let mut i = start;
    let mut mantissa = String::new();
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        mantissa.push(char::from(b));
        i += 1;
    }
    let int_len = mantissa.len();
    // Thousands grouping: exactly three digits per group, not followed by
    // another digit. Comma grouping and space grouping do not mix.
    let group_of_three = |j: usize| digit(j) && digit(j + 1) && digit(j + 2) && !digit(j + 3);
    if int_len > 0 {
        if bytes.get(i) == Some(&b',') && group_of_three(i + 1) {
            while bytes.get(i) == Some(&b',') && group_of_three(i + 1) {
                mantissa.push_str(s.get(i + 1..i + 4).unwrap_or(""));
                i += 4;
            }
        } else if int_len <= 3 {
            while let Some(sep) = char_at(s, i).filter(|c| is_hspace(*c)) {
                let j = i + sep.len_utf8();
                // "11 574 posts" groups; "3 100K" or "2 100-node" does not.
                let after = char_at(s, j + 3);
                let clean_end = match after {
                    None => true,
                    Some(a) => {
                        a.is_whitespace() || matches!(a, ',' | ';' | ')' | '=' | '/' | '≈' | '~')
                    }
                };
                if group_of_three(j) && clean_end {
                    mantissa.push_str(s.get(j..j + 3).unwrap_or(""));
                    i = j + 3;
                } else {
                    break;
                }
            }
        }
    }
    if bytes.get(i) == Some(&b'.') && digit(i + 1) {
        mantissa.push('.');
        i += 1;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            mantissa.push(char::from(b));
            i += 1;
        }
    }
    if mantissa.is_empty() || mantissa == "." {
        return (None, i.max(start + 1));
    }
    let mut exponent: i64 = 0;
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        let negative = bytes.get(j) == Some(&b'-');
        if matches!(bytes.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digit(j) {
            let (e, end) = read_exponent(bytes, j);
            exponent = if negative { -e } else { e };
            i = end;
        }
    }
    let typed_ten = mantissa == "10" && exponent == 0;
    let mut value = parse_scaled(&mantissa, exponent);
    // "10^9"
    if typed_ten && bytes.get(i) == Some(&b'^') {
        if let Some((e, end)) = signed_exponent(bytes, i + 1) {
            value = parse_scaled("1", e);
            i = end;
        }
    }
    // "1.2 x 10^4", "3 × 10^9"
    let j = skip_hspace(s, i, 2);
    if let Some(op) = char_at(s, j) {
        if matches!(op, 'x' | 'X' | '×' | '*' | '·') {
            let k = skip_hspace(s, j + op.len_utf8(), 2);
            if s.get(k..k + 3) == Some("10^") {
                if let Some((e, end)) = signed_exponent(bytes, k + 3) {
                    value = value.and_then(|v| {
                        let p = parse_scaled("1", e)?;
                        let r = v * p;
                        r.is_finite().then_some(r)
                    });
                    i = end;
                }
            }
        }
    }
    (value.filter(|v| v.is_finite()), i)
}

/// Digits of an exponent, saturating so "e99999999999" cannot overflow.
pub(crate) fn read_exponent(bytes: &[u8], mut j: usize) -> (i64, usize) {
    let mut e: i64 = 0;
    while let Some(b) = bytes.get(j).filter(|b| b.is_ascii_digit()) {
        e = (e * 10 + i64::from(b - b'0')).min(100_000);
        j += 1;
    }
    (e, j)
}

pub(crate) fn signed_exponent(bytes: &[u8], mut j: usize) -> Option<(i64, usize)> {
    let negative = bytes.get(j) == Some(&b'-');
    if matches!(bytes.get(j), Some(b'+' | b'-')) {
        j += 1;
    }
    if !bytes.get(j).is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    let (e, end) = read_exponent(bytes, j);
    Some((if negative { -e } else { e }, end))
}

/// `mantissa × 10^exponent` through the standard parser (exact rounding);
/// `None` when not finite.
pub(crate) fn parse_scaled(mantissa: &str, exponent: i64) -> Option<f64> {
    let text = format!("{mantissa}e{exponent}");
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

pub(crate) fn read_quantity(
    line: &str,
    start: usize,
    prev: Option<Quantity>,
) -> (Option<Quantity>, usize) {
    let (value, num_end) = read_number(line, start);
    let Some(value) = value else {
        // Skip the rest of an unreadable figure (e.g. a 5,000-digit number).
        return (None, skip_alnum(line, num_end));
    };
    let (approx, span_start) = approx_before(line, start);
    let ctx = BContext {
        line,
        number_start: start,
        value,
        spaced: char_at(line, num_end).is_some_and(is_hspace),
        prev: prev.as_ref(),
    };
    let Some(tail) = parse_tail(line, num_end, Mode::Text, Some(&ctx)) else {
        return (None, num_end);
    };
    let total = value * tail.factor;
    if !total.is_finite() {
        return (None, tail.end);
    }
    let q = Quantity {
        value: total,
        dim: tail.dim,
        span: span_start..tail.end,
        approx,
        kind: tail.kind,
        period: tail.period,
        unit_factor: tail.factor / tail.scale,
        bits: tail.bits,
    };
    (Some(q), tail.end)
}

/// Looks back from a number for `~`, `≈`, "about", "roughly", "approx".
pub(crate) fn approx_before(line: &str, start: usize) -> (bool, usize) {
    let mut j = start;
    let mut spaces = 0;
    while spaces < 3 {
        match char_before(line, j) {
            Some(c) if is_hspace(c) => {
                j -= c.len_utf8();
                spaces += 1;
            }
            _ => break,
        }
    }
    match char_before(line, j) {
        Some(c @ ('~' | '≈' | '≃')) => return (true, j - c.len_utf8()),
        Some('=') => {
            // "~= 35K", "=~ 35K" style marks; the separator stays outside the span.
            let before = char_before(line, j - 1);
            return (before == Some('~'), start);
        }
        _ => {}
    }
    let mut k = j;
    if char_before(line, k) == Some('.') {
        k -= 1;
    }
    let word_start = line
        .get(..k)
        .map(|head| {
            k - head
                .bytes()
                .rev()
                .take_while(|b| b.is_ascii_alphabetic())
                .count()
        })
        .unwrap_or(k);
    let word = Lower::new(line.get(word_start..k).unwrap_or(""));
    let before_ok = char_before(line, word_start).is_none_or(|c| !c.is_alphanumeric());
    if before_ok
        && matches!(
            word.as_str(),
            "about" | "roughly" | "approx" | "approximately" | "around" | "circa" | "ca"
        )
    {
        return (true, word_start);
    }
    (false, start)
}
