//! Plain arrow lines: `Client -> LB -> API servers -> Redis -> Postgres`,
//! with `->`, `-->`, `→`, `=>`, `==>` (and `<->`, `↔` both ways). Several
//! lines add to one graph. A line counts as a drawing only when it reads
//! like one: every part a short name and at least two parts naming a kind
//! of component, so `100M / day → 1,157/s` stays arithmetic and "we do not
//! let clients -> the DB" stays prose.

use super::concept::{classify, words_of, Concept, Shape};
use super::model::{Builder, Seen, Way, MAX_LABEL};

/// Most words in one box of an arrow line.
const MAX_WORDS: usize = 6;

/// Arrow tokens, longest first, and which way they point.
const TOKENS: &[(&str, Way, bool)] = &[
    ("<-->", Way::Both, false),
    ("-->", Way::Forward, false),
    ("==>", Way::Forward, false),
    ("<->", Way::Both, false),
    ("<--", Way::Forward, true),
    ("->", Way::Forward, false),
    ("=>", Way::Forward, false),
    ("<-", Way::Forward, true),
    ("—>", Way::Forward, false),
    ("–>", Way::Forward, false),
    ("⟶", Way::Forward, false),
    ("→", Way::Forward, false),
    ("↔", Way::Both, false),
    ("←", Way::Forward, true),
];

/// Words that make a line a statement about a drawing, not a drawing.
const REJECTING: &[&str] = &[
    "not", "never", "no", "don", "avoid", "instead", "wrong", "bad", "without", "shouldn",
];

/// One box of a line and the arrow after it: (label, way, reversed).
type Part = (String, Option<(Way, bool)>);

/// Splits a line at its arrows; `None` when it has none.
fn split(line: &str) -> Option<Vec<Part>> {
    let mut parts: Vec<Part> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = line.as_bytes();
    while i < line.len() {
        if !line.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &line[i..];
        if let Some((tok, way, back)) = TOKENS.iter().find(|(t, _, _)| rest.starts_with(t)) {
            // `--->` or `==>>`: swallow the rest of a longer run.
            parts.push((line[start..i].to_string(), Some((*way, *back))));
            i += tok.len();
            while i < line.len() && matches!(bytes[i], b'-' | b'=' | b'>') {
                i += 1;
            }
            start = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    if parts.is_empty() {
        return None;
    }
    parts.push((line[start..].to_string(), None));
    Some(parts)
}

/// The line without list marks, emphasis and code marks.
fn plain(line: &str) -> String {
    let t = line.trim();
    let t = t.trim_start_matches('>').trim_start();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
        .unwrap_or(t);
    // `1. ` or `2) `.
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let t = if digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")) {
        &t[digits + 2..]
    } else {
        t
    };
    t.replace("**", "").replace('`', "")
}

/// A box label as written: trimmed of punctuation around it.
fn tidy(part: &str) -> String {
    part.trim()
        .trim_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | '!' | '"' | '\'' | '*' | '_' | '-' | '=' | '<' | '>'
            )
        })
        .trim()
        .to_string()
}

/// Whether brackets in a label close: `(client` is half of a remark.
fn balanced(label: &str) -> bool {
    let count = |c: char| label.chars().filter(|&x| x == c).count();
    count('(') == count(')') && count('[') == count(']') && count('<') == count('>')
}

/// Reads one line; returns whether it was a drawing. Questions, counts
/// ("100M users"), code (`user_id`), table rows and half a remark in
/// brackets are not drawings.
pub fn read_line(line: &str, line_no: usize, b: &mut Builder) -> bool {
    let text = plain(line);
    // A short "Read path:" before the first arrow labels the line's arrows.
    let first_arrow = TOKENS
        .iter()
        .filter_map(|(t, _, _)| text.find(t))
        .min()
        .unwrap_or(0);
    let (caption, body) = match text[..first_arrow].find(':') {
        Some(c) if words_of(&text[..c]).len() <= 4 => {
            (Some(tidy(&text[..c])), text[c + 1..].to_string())
        }
        _ => (None, text.clone()),
    };
    let Some(mut parts) = split(&body) else {
        return false;
    };
    // "Read path: … -> tweet store on a miss; images from a CDN.": under a
    // caption, what follows the last box's clause is a remark. Without one
    // the line may be prose ("a node is lost → its replica takes over; …").
    if let (Some(_), Some((last, _))) = (&caption, parts.last_mut()) {
        if let Some(cut) = last.find("; ").or_else(|| last.find(". ")) {
            last.truncate(cut);
        }
    }
    let labels: Vec<String> = parts.iter().map(|(p, _)| tidy(p)).collect();
    let words: Vec<Vec<String>> = labels.iter().map(|l| words_of(l)).collect();
    let reads_as_boxes = !text.contains('?')
        && labels.iter().zip(&words).all(|(l, w)| {
            !w.is_empty()
                && w.len() <= MAX_WORDS
                && l.chars().count() <= MAX_LABEL
                && l.chars().any(char::is_alphabetic)
                && !w[0].starts_with(|c: char| c.is_ascii_digit())
                && !l.contains(['=', '_'])
                && !l.contains("   ")
                && balanced(l)
        });
    let named = labels
        .iter()
        .filter(|l| classify(l, Shape::Box, None) != Concept::Other)
        .count();
    let rejecting = words_of(&text)
        .iter()
        .any(|w| REJECTING.contains(&w.as_str()));
    if !reads_as_boxes || named < 2 || rejecting {
        return false;
    }
    b.begin();
    let mut prev: Option<(usize, Way, bool)> = None;
    let caption = caption.filter(|c| !c.is_empty());
    for ((_, arrow), label) in parts.iter().zip(&labels) {
        let seen = Seen {
            key: label.to_lowercase(),
            label: Some(label.clone()),
            shape: Shape::Box,
        };
        let Some(id) = b.node(&seen, line_no) else {
            return true;
        };
        if let Some((from, way, back)) = prev {
            let (a, z) = if back { (id, from) } else { (from, id) };
            b.edge(a, z, caption.clone(), way, line_no);
        }
        prev = arrow.map(|(w, back)| (id, w, back));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::model::Diagram;

    fn read(text: &str) -> Diagram {
        let mut b = Builder::default();
        for (i, l) in text.lines().enumerate() {
            read_line(l, i + 1, &mut b);
        }
        b.finish()
    }

    fn labels(d: &Diagram) -> Vec<String> {
        d.edges.iter().map(|e| d.quote(e)).collect()
    }

    #[test]
    fn a_chain_of_arrows_is_a_path() {
        let d = read("Client -> LB -> API servers -> Redis -> Postgres");
        assert_eq!(
            labels(&d),
            [
                "Client → LB",
                "LB → API servers",
                "API servers → Redis",
                "Redis → Postgres"
            ]
        );
        let kinds: Vec<&str> = d.nodes.iter().map(|n| n.concept.as_str()).collect();
        assert_eq!(
            kinds,
            ["client", "load_balancer", "service", "cache", "database"]
        );
        assert_eq!(d.nodes[2].id, "api_servers");
    }

    #[test]
    fn every_arrow_spelling_reads_and_lines_add_up() {
        let d = read(
            "- Client → Load balancer ⟶ App servers\n\
             2. App server => Redis ==> Postgres\n\
             `App servers --> Kafka` \n\
             Kafka <- Fan-out workers\n\
             Write path: API servers <-> Postgres",
        );
        assert_eq!(
            labels(&d),
            [
                "Client → Load balancer",
                "Load balancer → App servers",
                "App servers → Redis",
                "Redis → Postgres",
                "App servers → Kafka",
                "Fan-out workers → Kafka",
                "API servers ↔ Postgres (Write path)",
            ]
        );
    }

    #[test]
    fn arithmetic_and_prose_are_not_drawings() {
        for line in [
            "100M / day -> 1,157/s",
            "Writes: 100M / 2.5M s = 40/s → 4,000 reads/s",
            "peak = 3x -> 12K QPS",
            "We never let clients -> the database directly",
            "cache -> fast",
            "Requests arrive and then go -> somewhere",
            "Q: How many users? -> 100M users",
            "Scale -> 100M users -> 4,000 writes",
            "Session store (Redis): maps user_id -> chat server",
            "PUT  <url>     (client -> object store directly)",
            "| LB -> API servers   | Metadata DB   Block service |",
            "nothing here",
        ] {
            assert!(read(line).edges.is_empty(), "{line}");
        }
    }
}
