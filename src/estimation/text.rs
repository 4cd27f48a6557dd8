//! Word-level helpers for finding cue words: tokenising, a light stemmer
//! (plural and inflection tolerant) and in-order cue matching.

use std::ops::Range;

/// A word of the text, stemmed, with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub stem: String,
    pub span: Range<usize>,
}

/// Words (letters and digits) of `text[range]`, with absolute spans.
pub(crate) fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            if let Some(w) = slice.get(s..i) {
                out.push(Word {
                    stem: stem(w),
                    span: range.start + s..range.start + i,
                });
            }
        }
    }
    out
}

/// Lower-cases and strips common English endings so "writes", "writing"
/// and "write" meet, as do "users" and "user", "stored" and "storage".
pub(crate) fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    // Unit abbreviations meet their words: "writes/s" names "writes per second".
    let full = match w.as_str() {
        "s" | "sec" | "secs" => Some("second"),
        "min" | "mins" => Some("minute"),
        "h" | "hr" | "hrs" => Some("hour"),
        "yr" | "yrs" => Some("year"),
        _ => None,
    };
    if let Some(full) = full {
        w = full.to_string();
    }
    let len = w.chars().count();
    let strip = |w: &mut String, suffix: &str, add: &str| {
        if let Some(base) = w.strip_suffix(suffix) {
            *w = format!("{base}{add}");
        }
    };
    if len > 4 && w.ends_with("ies") {
        strip(&mut w, "ies", "y");
    } else if len > 3
        && ["sses", "ses", "xes", "zes", "ches", "shes"]
            .iter()
            .any(|s| w.ends_with(s))
    {
        strip(&mut w, "es", "");
    } else if len > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        strip(&mut w, "s", "");
    }
    let len = w.chars().count();
    if len > 5 && w.ends_with("ing") {
        strip(&mut w, "ing", "");
    } else if len > 4 && w.ends_with("ed") {
        strip(&mut w, "ed", "");
    }
    if w.chars().count() > 3 && w.ends_with('e') {
        strip(&mut w, "e", "");
    }
    w
}

/// Two stems name the same word: equal, or one extends the other by at most
/// three letters ("stor" / "storag").
pub(crate) fn same_stem(a: &str, b: &str) -> bool {
    // Cheap exits first: this runs for every word against every cue.
    if a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 4 && long.len() - short.len() <= 3 && long.starts_with(short)
}

const CUE_STOP: [&str; 12] = [
    "a", "an", "the", "of", "per", "for", "in", "on", "to", "each", "and", "every",
];

/// A cue phrase as the stems of its content words.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub stems: Vec<String>,
}

impl Cue {
    /// Content words of `phrase`; stop words count only when nothing else is
    /// left ("per day").
    pub fn new(phrase: &str) -> Cue {
        let all: Vec<String> = words(phrase, 0..phrase.len())
            .into_iter()
            .map(|w| w.stem)
            .collect();
        let content: Vec<String> = all
            .iter()
            .filter(|s| !CUE_STOP.contains(&s.as_str()))
            .cloned()
            .collect();
        Cue {
            stems: if content.is_empty() { all } else { content },
        }
    }
}

/// Where a cue matched: its strength and the byte range of the match.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CueMatch {
    /// Number of cue words, plus a half when they are adjacent.
    pub strength: f64,
    pub span: Range<usize>,
    /// Index of the first matched word in the word list.
    pub first_word: usize,
}

/// Largest gap (in words) allowed between consecutive cue words.
const MAX_GAP: usize = 2;

/// Finds all of the cue's words, in order, with small gaps; the best match
/// (adjacent beats gapped, earlier beats later).
pub(crate) fn match_cue(ws: &[Word], cue: &Cue) -> Option<CueMatch> {
    let first = cue.stems.first()?;
    let mut best: Option<CueMatch> = None;
    for (i, w) in ws.iter().enumerate() {
        if !same_stem(&w.stem, first) {
            continue;
        }
        let mut at = i;
        let mut adjacent = true;
        let mut ok = true;
        for stem in cue.stems.iter().skip(1) {
            let found = (at + 1..=at + 1 + MAX_GAP)
                .find(|&j| ws.get(j).is_some_and(|x| same_stem(&x.stem, stem)));
            match found {
                Some(j) => {
                    adjacent &= j == at + 1;
                    at = j;
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let strength = cue.stems.len() as f64 + if adjacent { 0.5 } else { 0.0 };
        let end = ws.get(at).map_or(w.span.end, |x| x.span.end);
        if best.as_ref().is_none_or(|b| strength > b.strength) {
            best = Some(CueMatch {
                strength,
                span: w.span.start..end,
                first_word: i,
            });
        }
    }
    best
}

/// The best match of any of the cues.
pub(crate) fn match_any(ws: &[Word], cues: &[Cue]) -> Option<CueMatch> {
    let mut best: Option<CueMatch> = None;
    for cue in cues {
        if let Some(m) = match_cue(ws, cue) {
            if best.as_ref().is_none_or(|b| m.strength > b.strength) {
                best = Some(m);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("writes"), stem("write"));
        assert_eq!(stem("Writing"), stem("write"));
        assert_eq!(stem("users"), stem("user"));
        assert_eq!(stem("queries"), stem("query"));
        assert!(same_stem(&stem("stored"), &stem("storage")));
        assert_eq!(stem("QPS"), "qps");
        assert_eq!(stem("Größe"), stem("größe"));
    }

    #[test]
    fn cue_matches_in_order_with_small_gaps() {
        let text = "Peak write QPS is about 35K";
        let ws = words(text, 0..text.len());
        let m = match_cue(&ws, &Cue::new("write qps"));
        assert!(matches!(m, Some(ref m) if m.strength == 2.5));
        let gapped = match_cue(&ws, &Cue::new("peak qps"));
        assert!(matches!(gapped, Some(ref m) if m.strength == 2.0));
        assert!(match_cue(&ws, &Cue::new("read qps")).is_none());
        let per = Cue::new("storage per year");
        assert_eq!(per.stems, vec![stem("storage"), stem("year")]);
        assert_eq!(Cue::new("per day").stems, vec!["day"]);
        assert_eq!(Cue::new("per").stems, vec!["per"]);
    }
}
