//! The people a question puts its case in ("if Maria in Brazil posts a
//! photo, how soon do her friends see it?"): a name stands for any user and
//! its place for anywhere, so neither says which fact is asked.

/// Words after which a capitalised name is the person a case is put in.
const OPENERS: &[&str] = &[
    "if", "when", "whenever", "once", "say", "suppose", "imagine", "after", "before",
];

/// Words that tie a place to the person before them ("Maria in Brazil").
const AT: &[&str] = &["in", "from", "at"];

/// A word as written without its punctuation and possessive.
fn bare(w: &str) -> &str {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// A word written as a name: capitalised, the rest lower-case letters
/// ("Maria", not "EU" nor "iPhone").
fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && cs.all(char::is_lowercase)
}

/// The part without the names of the people its case is put in and their
/// places; `None` when it names nobody. `known` says whether the sheet or
/// the lexicon knows a lower-cased word: a known word after "if" is what
/// the case is about ("if Europe goes down").
pub(super) fn without_persona(part: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    let ws: Vec<&str> = part.split_whitespace().collect();
    let mut drop = vec![false; ws.len()];
    for i in 1..ws.len() {
        let name = bare(ws[i]);
        let opens = OPENERS.contains(&bare(ws[i - 1]).to_lowercase().as_str());
        if !opens || !capitalised(name) || known(&name.to_lowercase()) {
            continue;
        }
        drop[i] = true;
        let place = ws.get(i + 2).is_some_and(|p| capitalised(bare(p)));
        if place && ws.get(i + 1).is_some_and(|a| AT.contains(a)) {
            drop[i + 1] = true;
            drop[i + 2] = true;
        }
    }
    if !drop.contains(&true) {
        return None;
    }
    // A dropped word keeps the punctuation that ends it: a comma still
    // closes the case.
    let kept: Vec<&str> = ws
        .iter()
        .zip(&drop)
        .filter_map(|(w, d)| {
            if !d {
                return Some(*w);
            }
            let tail = w.trim_start_matches(|c: char| c.is_alphanumeric() || c == '\'' || c == '’');
            (!tail.is_empty()).then_some(tail)
        })
        .collect();
    Some(kept.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_person_and_their_place_are_dropped() {
        let none = |_: &str| false;
        assert_eq!(
            without_persona(
                "If Maria in Brazil tweets, how soon do followers see it?",
                none
            )
            .as_deref(),
            Some("If tweets, how soon do followers see it?")
        );
        assert_eq!(
            without_persona("OK so when Sam hits save, can he open it?", none).as_deref(),
            Some("OK so when hits save, can he open it?")
        );
        assert_eq!(without_persona("Should we use Redis?", none), None);
        // A word the sheet knows is what the case is about.
        assert_eq!(
            without_persona("What if Europe goes down?", |w| w == "europe"),
            None
        );
    }
}
