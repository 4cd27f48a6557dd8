//! The text cut into places a figure can be found: sentences, lines, and
//! headings with the line under them.

use super::super::quantity::{parse_quantities, Dim, Quantity, PERIODS};
use super::super::text::{same_stem, words, Word};
use std::ops::Range;

/// A sentence, a line, or a heading with the line under it.
pub(crate) struct Place {
    /// Where cue words are looked for.
    pub(crate) cue_words: Vec<Word>,
    /// Where the figure is taken from.
    pub(crate) values: Range<usize>,
    /// Words of `values` too (period words such as "year").
    pub(crate) value_words: Vec<Word>,
    /// 2 sentence, 1 whole line of several sentences, 0 heading + next line.
    pub(crate) level: u8,
    /// Positions of `=`, `≈`, `→` in `values`.
    pub(crate) relations: Vec<usize>,
    pub(crate) quote: Range<usize>,
    /// The periods of horizons the place speaks of ("5 years" → a year):
    /// an amount there is over the horizon, not per that period.
    pub(crate) horizons: Vec<f64>,
}

pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) quantities: Vec<Quantity>,
    pub(crate) places: Vec<Place>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str) -> Doc<'a> {
        let quantities = parse_quantities(text);
        let mut lines: Vec<Range<usize>> = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            lines.push(offset..offset + body.len());
            offset += line.len();
        }
        let mut doc = Doc {
            text,
            quantities,
            places: Vec::new(),
        };
        for (i, line) in lines.iter().enumerate() {
            let sentences = doc.sentences(line.clone());
            let several = sentences.len() > 1;
            for s in sentences {
                doc.push_place(s.clone(), s, 2);
            }
            if several {
                doc.push_place(line.clone(), line.clone(), 1);
            }
            // A heading ("Write QPS:") with the figure on the next line.
            if doc.quantities_in(line.clone()).is_empty() {
                let next = lines
                    .iter()
                    .skip(i + 1)
                    .take(2)
                    .find(|l| text.get((*l).clone()).is_some_and(|t| !t.trim().is_empty()));
                if let Some(next) = next {
                    doc.push_place(line.clone(), next.clone(), 0);
                }
            }
        }
        doc
    }

    pub(crate) fn quantities_in(&self, r: Range<usize>) -> &[Quantity] {
        let lo = self.quantities.partition_point(|q| q.span.start < r.start);
        let hi = self.quantities.partition_point(|q| q.span.start < r.end);
        self.quantities.get(lo..hi.max(lo)).unwrap_or(&[])
    }

    /// Splits a line at ". ", "! ", "? ", "; " outside figures.
    pub(crate) fn sentences(&self, line: Range<usize>) -> Vec<Range<usize>> {
        let Some(body) = self.text.get(line.clone()) else {
            return Vec::new();
        };
        let qs = self.quantities_in(line.clone());
        let mut out = Vec::new();
        let mut start = line.start;
        let mut iter = body.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = line.start + i;
            let ends = matches!(c, '.' | '!' | '?' | ';')
                && iter.peek().is_none_or(|&(_, n)| n.is_whitespace())
                && !qs.iter().any(|q| q.span.start < at && at < q.span.end);
            if ends {
                out.push(start..at + 1);
                start = at + 1;
            }
        }
        if self
            .text
            .get(start..line.end)
            .is_some_and(|t| !t.trim().is_empty())
            || out.is_empty()
        {
            out.push(start..line.end);
        }
        out
    }

    pub(crate) fn push_place(&mut self, cues: Range<usize>, values: Range<usize>, level: u8) {
        let relations = relation_positions(self.text, values.clone());
        let quote = if level == 0 {
            cues.start..values.end
        } else {
            values.clone()
        };
        let horizons = self
            .quantities_in(values.clone())
            .iter()
            .filter(|q| q.dim == Dim::DURATION && q.unit_factor > 1.0)
            .filter(|q| q.display_value() >= 2.0)
            .map(|q| q.unit_factor)
            .collect();
        self.places.push(Place {
            horizons,
            cue_words: words(self.text, cues),
            value_words: if level == 0 {
                words(self.text, values.clone())
            } else {
                Vec::new()
            },
            values,
            level,
            relations,
            quote,
        });
    }

    pub(crate) fn quote(&self, r: Range<usize>) -> String {
        let t = self.text.get(r).unwrap_or("");
        let collapsed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.chars().count() > 240 {
            let cut: String = collapsed.chars().take(240).collect();
            format!("{cut}…")
        } else {
            collapsed
        }
    }
}

/// Byte positions of the result separators `=`, `≈`, `→`, `->`, `=>`,
/// outside parentheses (an aside like "(≈ 3.5 MB/s at peak)" is not the
/// result).
pub(crate) fn relation_positions(text: &str, r: Range<usize>) -> Vec<usize> {
    let Some(body) = text.get(r.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut prev = ' ';
    let mut depth = 0usize;
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let is_rel = depth == 0
            && match c {
                '≈' | '≃' | '→' | '⇒' | '⟶' => true,
                '=' => !matches!(prev, '<' | '>' | '!' | '='),
                '>' => prev == '-',
                _ => false,
            };
        if is_rel {
            out.push(r.start + i);
        }
        prev = c;
    }
    // Words that state a result: "times 500 bytes is 300 GB", "that gives
    // about 3 TB".
    let lower = body.to_ascii_lowercase();
    for word in [" is ", " gives ", " totals ", " equals ", " comes to "] {
        for (i, _) in lower.match_indices(word) {
            let rest = lower.get(i + word.len()..).unwrap_or("");
            let rest = ["about ", "roughly ", "around ", "~"]
                .iter()
                .find_map(|w| rest.strip_prefix(w))
                .unwrap_or(rest)
                .trim_start();
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                out.push(r.start + i + 1);
            }
        }
    }
    out.sort_unstable();
    out
}

/// Words that say which period an amount is per ("365 TB" on a line about
/// a year).
pub(crate) fn period_words(period: f64) -> &'static [&'static str] {
    let name = PERIODS
        .iter()
        .find(|(p, _)| (p - period).abs() < 0.5)
        .map_or("", |(_, n)| *n);
    match name {
        // Already stemmed (see `text::stem`).
        "year" => &["year", "yearly", "annual", "annually", "yr", "annum"],
        "month" => &["month", "monthly"],
        "week" => &["week", "weekly"],
        "day" => &["day", "daily"],
        "hour" => &["hour", "hourly"],
        _ => &[],
    }
}

pub(crate) fn mentions(place: &Place, list: &[&str]) -> bool {
    place
        .cue_words
        .iter()
        .chain(place.value_words.iter())
        .any(|x| list.iter().any(|w| x.stem == *w || same_stem(&x.stem, w)))
}
