use super::*;
use crate::grading::matcher::KNOWN_PATTERNS;
use proptest::prelude::*;
use regex_lite::{Regex, RegexBuilder};

fn set(p: &str) -> Option<String> {
    let b = starts(p)?;
    Some((0u8..=255).filter(|&c| b.has(c)).map(char::from).collect())
}

#[test]
fn first_bytes_of_rubric_shapes() {
    assert_eq!(set(r"\b\d+\s*(x|×|times)").as_deref(), Some("0123456789"));
    assert_eq!(set(r"\b(new|write)s?\b").as_deref(), Some("NWnw"));
    assert_eq!(set(r"(a)?b").as_deref(), Some("ABab"));
    assert_eq!(set(r"(?i)\$?[5-7]").as_deref(), Some("$567"));
    assert_eq!(set(r"[\-\*#]x").as_deref(), Some("#*-"));
    assert_eq!(set(r"x{0,3}y").as_deref(), Some("XYxy"));
    assert_eq!(set(r"^\s*(?:-|\*)").as_deref(), Some("\t\n\u{b}\u{c}\r *-"));
    let s = starts("≈ 5").expect("reads");
    assert!(s.has("≈".as_bytes()[0]) && !s.has(b'5'));
    // A match that may start anywhere, or be empty, gives no set.
    for p in [
        r".x",
        r"x*",
        r"[^a]b",
        r"\Wx",
        r"(?x) a",
        r"[[:alpha:]]",
        r"a|",
        r"\pL",
        "(",
    ] {
        assert_eq!(set(p), None, "{p}");
    }
}

/// Every built-in pattern, compiled as the matcher compiles them.
fn compiled() -> &'static [(Regex, Option<Bytes>, &'static str)] {
    static ALL: std::sync::OnceLock<Vec<(Regex, Option<Bytes>, &'static str)>> =
        std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<&'static str> = KNOWN_PATTERNS.iter().map(|(p, _)| *p).collect();
        all.extend([
            r"(?i)a+(?-i)b+",
            r"[]a]b",
            r"q(?:u|w)+e",
            r"(?P<n>ab)c",
            r"\b{start}cat",
        ]);
        all.iter()
            .filter_map(|p| {
                let re = RegexBuilder::new(p).case_insensitive(true).build().ok()?;
                Some((re, starts(p), *p))
            })
            .collect()
    })
}

/// The search from the first byte a match can start with finds what the
/// search from the start finds.
fn same(text: &str) -> Result<(), String> {
    for (re, s, p) in compiled() {
        let from = match s {
            Some(s) => s.first_in(text),
            None => Some(0),
        };
        let skipped = from.and_then(|at| re.find_at(text, at)).map(|m| m.range());
        if skipped != re.find(text).map(|m| m.range()) {
            return Err(format!("{p} on {text:?}"));
        }
    }
    Ok(())
}

#[test]
fn most_built_in_patterns_have_a_set() {
    let all = compiled();
    let with = all.iter().filter(|(_, s, _)| s.is_some()).count();
    assert!(
        all.len() > 100 && with * 10 > all.len() * 8,
        "{with} of {}",
        all.len()
    );
}

#[test]
fn finds_what_a_whole_search_finds_on_every_answer() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut texts = 0;
    for dir in [
        "calibration",
        "agreement/answers",
        "heldout/answers",
        "unseen/answers",
    ] {
        for problem in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            for file in std::fs::read_dir(problem.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let Ok(text) = std::fs::read_to_string(file.path()) else {
                    continue;
                };
                texts += 1;
                for s in crate::grading::text::sentences(&text) {
                    if let Err(e) = same(&text[s.span.clone()]) {
                        panic!("{}: {e}", file.path().display());
                    }
                }
            }
        }
    }
    assert!(texts > 100, "{texts} answers read");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Haystacks made of the patterns' own pieces, where matches are likely.
    #[test]
    fn finds_what_a_whole_search_finds_on_pieces(parts in proptest::collection::vec(0usize..64, 1..14)) {
        const PIECES: &[&str] = &[
            "write", " ", "3", "x", "×", "times", "the", "creates", "10", "m", "million",
            "url", "links", "new", "short", "per", "sec", "/", "s", "second", "a", "each",
            "redirects", "reads", ".", "-", "$", "99.9", "%", "2", ":", "to", "1", "é",
            "≈", "~", "k", "is", "cache", "CACHE", "Cost", "*", "#", "\n", "if", "fails",
            "ms", "62", "^", "**", "/v1", "?v=", "AB", "b", "e", "q", "u", "_", ",", "(",
            "post", "get", "codes",
        ];
        let text: String = parts.iter().map(|&i| PIECES[i % PIECES.len()]).collect();
        prop_assert!(same(&text).is_ok(), "{:?}", same(&text));
    }
}
