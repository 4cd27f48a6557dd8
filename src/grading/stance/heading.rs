//! Ideas listed under a heading that turns them down: "**Rejected along
//! the way**" over a list, "### Which designs would I avoid?" over
//! paragraphs that open with a bold title, "ok, a few approaches i'd turn
//! down" over numbered items with bodies.

use crate::grading::text::{Sentence, Token};

/// A list item, or a paragraph opening with an emphasised title, under a
/// heading that lists ideas turned down ("Rejected along the way",
/// "Approaches I'd avoid", "Pitfalls"). Only the item's lead, before its
/// first arrow or colon or the end of its title, is the idea turned down:
/// what follows says why and what is done instead.
pub(super) fn under_rejecting_heading(s: &Sentence, source: &str, tok: &Token) -> bool {
    under_heading(s, source, tok, rejecting_words)
}

/// A list item's lead under a heading that names its entries as tempting
/// ("Tempting, but no", "Tempting shortcuts"): each is set out to be
/// weighed, so it earns what a considered option does and raises no red
/// flag, whatever its body then decides.
pub(super) fn under_tempting_heading(s: &Sentence, source: &str, tok: &Token) -> bool {
    under_heading(s, source, tok, tempting_words)
}

fn under_heading(s: &Sentence, source: &str, tok: &Token, words: fn(&str) -> bool) -> bool {
    let Some(raw) = source.get(s.span.clone()) else {
        return false;
    };
    let before = source.get(..s.span.start).unwrap_or("");
    // The item's own line: a long item reads as prose, so `list_item` is
    // not asked.
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    // Only the item's first sentence leads it.
    let opens_item = before[line_start..].chars().all(|c| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, '-' | '*' | '+' | '.' | '_')
    });
    let line = source
        .get(line_start..)
        .and_then(|rest| rest.lines().next())
        .unwrap_or("");
    if !opens_item || !opens_entry(line) {
        return false;
    }
    // "**A join per timeline load.** It works at 10k users": the title
    // ends where its emphasis closes.
    let opening = line.trim_start();
    let mark_len = opening.len() - opening.trim_start_matches(['*', '_']).len();
    let title_end = if is_list_line(line) || mark_len == 0 {
        None
    } else {
        let mark = &opening[..mark_len];
        let skip = raw.len() - raw.trim_start_matches(['*', '_']).len();
        raw.get(skip..)
            .and_then(|rest| rest.find(mark))
            .map(|i| i + skip)
    };
    let lead_end = ["→", "->", "=>", ":"]
        .iter()
        .filter_map(|m| raw.find(m))
        .chain(title_end)
        .min()
        .unwrap_or(raw.len());
    if tok.pos >= lead_end {
        return false;
    }
    heading_above(&before[..line_start], words)
}

/// Walks up from an item to what the list hangs from. Items and their
/// bodies (lines of the same paragraph as an item) belong to the list; the
/// first other line is its heading or its introduction, and decides.
fn heading_above(text: &str, words: fn(&str) -> bool) -> bool {
    // From the item upward, at most twelve paragraphs: the walk costs the
    // same whatever the length of the answer above it.
    let blocks = text
        .rsplit("\n\n")
        .map(|b| {
            b.lines()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<&str>>()
        })
        .filter(|b| !b.is_empty())
        .take(12);
    for block in blocks {
        // Lines of this block from the item upward: a heading line ends the
        // walk; a block that opens with an item is the list's own.
        for (i, l) in block.iter().enumerate().rev() {
            let t = l.trim();
            if t.starts_with('#') || standalone_title(t) || t.ends_with(':') {
                return words(t);
            }
            if matches!(t, "---" | "***" | "___") {
                return false;
            }
            let item = opens_entry(l) || l.starts_with(char::is_whitespace);
            if !item && (i == 0 || !block[..i].iter().any(|b| opens_entry(b))) {
                // A paragraph of its own before the list introduces it:
                // "ok, a few approaches that i'd turn down". One short
                // sentence: a paragraph that says more ("… The database
                // rejects duplicates.") is prose, not an introduction.
                let one_sentence = !t.trim_end_matches(['.', '!']).contains(". ");
                return one_sentence && t.split_whitespace().count() <= 20 && words(t);
            }
        }
    }
    false
}

/// A line that opens an entry: a list item, or a paragraph whose first
/// words are emphasised ("*1. Encode on demand.*", "**A join per load.**
/// It works …").
fn opens_entry(line: &str) -> bool {
    let t = line.trim_start();
    is_list_line(line)
        || ((t.starts_with('*') || t.starts_with('_'))
            && !standalone_title(t.trim_end())
            && t.trim_start_matches(['*', '_'])
                .starts_with(char::is_alphanumeric))
}

/// A line that is only a bold title, not a numbered item: "**Pitfalls**".
fn standalone_title(t: &str) -> bool {
    t.len() > 4
        && t.starts_with("**")
        && t.ends_with("**")
        && !t[2..].starts_with(|c: char| c.is_ascii_digit())
}

/// A line that opens a list item: "- ", "* ", "+ " or "1. ".
fn is_list_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with("+ ")
        || t.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Words that name what follows as tempting ideas weighed. "It's tempting
/// to keep it all in one database. Instead:" introduces what is done, so a
/// line that says "instead" names nothing weighed.
fn tempting_words(line: &str) -> bool {
    let l = line.to_lowercase();
    l.contains("tempting") && !l.contains("instead")
}

/// Words that name what follows as turned down. A heading over both the
/// design and what is not done ("Design, and the things I'm not doing")
/// turns nothing down: each item says which it is.
fn rejecting_words(line: &str) -> bool {
    let l = line.to_lowercase();
    let mixed = [" and the ", " and what", " & ", " vs", " versus "]
        .iter()
        .any(|w| l.contains(w));
    !mixed
        && [
            "reject",
            "avoid",
            "ruled out",
            "rule out",
            "anti-pattern",
            "antipattern",
            "pitfall",
            "not to do",
            "wouldn't do",
            "won't do",
            "don't do",
            "mistakes",
            "discarded",
            "dismissed",
            "turned down",
            "turn down",
            "turning down",
            "steer clear",
            "didn't choose",
            "not chosen",
            "not do",
            "never do",
            "wouldn't use",
            "won't use",
            "wouldn't build",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// The sentence starting at byte `start` of `source` is part of an entry
/// (its title or the body paragraph below it) listed under a heading that
/// turns its entries down. The body describes the idea turned down and why
/// ("A single bitrate either rebuffers on weak connections…"), so a red
/// flag it matches is no verdict on the design; topic credit still goes by
/// the title alone.
pub(crate) fn in_turned_down_entry(source: &str, start: usize) -> bool {
    let before = source.get(..start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let block_start = before.rfind("\n\n").map_or(0, |i| i + 2);
    // The nearest line of this paragraph, from the sentence's own upward,
    // that opens an entry.
    let mut at = line_start;
    loop {
        let line = source
            .get(at..)
            .and_then(|r| r.lines().next())
            .unwrap_or("");
        if opens_entry(line) {
            let above = &source[..at];
            return heading_above(above, rejecting_words) || heading_above(above, tempting_words);
        }
        if at <= block_start {
            return false;
        }
        at = source[..at - 1]
            .rfind('\n')
            .map_or(0, |i| i + 1)
            .max(block_start);
    }
}
