//! Build time only: `build.rs` includes this file, not the library. It reads
//! the question lexicon (the groups and the concepts of
//! `rubrics/concepts.yaml`) and every built-in problem's fact sheet with the
//! library's own tokeniser, terms and sheet code, and writes them as Rust
//! source: `lexicon.rs` (phrases, their first words, the words typos are
//! mended towards) and `sheets.rs` (each sheet as `Sheet::to_text`).

use super::catalog::Fact;
use super::groups::GROUPS;
use super::lists::{ASKING, FILLER, GENERAL};
use super::phrases::{find_in, Found, Item, Table};
use super::sheet::{fingerprint, Sheet};
use super::tokens::{self, Word};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The library files whose code runs here, under `src/grading/`.
pub const SOURCES: &[&str] = &[
    "text.rs",
    "facts/blob.rs",
    "fx.rs",
    "facts/groups.rs",
    "facts/lists.rs",
    "facts/phrases.rs",
    "facts/prepare.rs",
    "facts/sheet.rs",
    "facts/terms.rs",
    "facts/tokens.rs",
    "facts/words.rs",
];

static TABLE: OnceLock<Table> = OnceLock::new();

/// A slice for the life of the build script.
fn keep<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// An item of a phrase as read: a word and its stem (`$` for an end), or
/// `None` for a gap.
type RawItem = Option<(String, String)>;

/// A lexicon phrase read as the library reads it: its words (each with its
/// stem), `..` gaps and `$` ends; `None` when it does not start with a word.
fn parse_phrase(text: &str) -> Option<Vec<RawItem>> {
    // `Some((word, stem))`, or `None` for a gap (`..`) or an end (`$`)
    // kept apart by `Item` below.
    let mut items = Vec::new();
    for piece in text.split_whitespace() {
        match piece {
            ".." => items.push(None),
            "$" => items.push(Some(("$".to_string(), "$".to_string()))),
            _ => items.extend(
                tokens::words(piece)
                    .into_iter()
                    .filter(|w| w.word != "$")
                    .map(|w| Some((w.word, w.stem))),
            ),
        }
    }
    matches!(items.first(), Some(Some((w, _))) if w != "$").then_some(items)
}

/// The lexicon's phrases: the groups', then each concept's jargon and plain
/// words, as the library's table.
fn table(concepts: Option<&serde_json::Value>) -> &'static Table {
    TABLE.get_or_init(|| {
        let mut raw: Vec<(String, Vec<RawItem>)> = Vec::new();
        for (g, list) in GROUPS {
            raw.extend(
                list.iter()
                    .filter_map(|p| Some((format!("@{g}"), parse_phrase(p)?))),
            );
        }
        let list = concepts
            .and_then(|v| v.get("concepts"))
            .and_then(|c| c.as_array())
            .cloned()
            .unwrap_or_default();
        let strings = |c: &serde_json::Value, field: &str| -> Vec<String> {
            c.get(field)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        for c in &list {
            let Some(id) = c.get("id").and_then(|v| v.as_str()) else {
                continue;
            };
            for p in strings(c, "jargon").iter().chain(&strings(c, "plain")) {
                if let Some(items) = parse_phrase(p) {
                    raw.push((format!("#{id}"), items));
                }
            }
        }
        let mut text = Text::default();
        let mut phrases = Vec::new();
        let mut items = Vec::new();
        let mut by_first: BTreeMap<String, Vec<u16>> = BTreeMap::new();
        for (i, (key, list)) in raw.iter().enumerate() {
            let n = u16::try_from(i).expect("fewer than 65,536 lexicon phrases");
            if let Some(Some((word, stem))) = list.first() {
                by_first.entry(stem.clone()).or_default().push(n);
                if word != stem {
                    by_first.entry(word.clone()).or_default().push(n);
                }
            }
            phrases.push((text.place(key), items.len(), list.len()));
            items.extend(list.iter().map(|it| match it {
                None => Item::Gap,
                Some((w, _)) if w == "$" => Item::End,
                Some((w, s)) => Item::Word(text.place(w), text.place(s)),
            }));
        }
        let mut firsts = Vec::new();
        let by_first = by_first
            .into_iter()
            .map(|(k, list)| {
                let entry = (text.place(&k), firsts.len(), list.len());
                firsts.extend(list);
                entry
            })
            .collect();
        Table {
            text: Box::leak(text.0.into_boxed_str()),
            phrases: keep(phrases),
            items: keep(items),
            by_first: keep(by_first),
            firsts: keep(firsts),
        }
    })
}

/// Every phrase of the lexicon found in the words, as the library's
/// `lexicon::find` finds them.
pub fn find(ws: &[Word]) -> Vec<Found> {
    match TABLE.get() {
        Some(t) => find_in(t, ws),
        None => Vec::new(),
    }
}

/// The lexicon and the words typos are mended towards, as Rust source for
/// `src/grading/facts/lexicon.rs`. Strings are slices of one text, so the
/// tables need no relocation when the program starts.
pub fn lexicon_source(concepts: Option<&serde_json::Value>) -> String {
    let table = table(concepts);
    let mut text = Text::default();
    let span = |s: &(usize, usize)| format!("({}, {})", s.0, s.1);
    let mut code = format!(
        "/// Every string of the lexicon's tables.\nconst LEXICON_TEXT: &str = {:?};\n/// Each phrase: its key, where its items start and how many.\nconst PHRASES: &[(Span, usize, usize)] = &[{}];\n",
        table.text,
        table
            .phrases
            .iter()
            .map(|(k, from, n)| format!("({}, {from}, {n})", span(k)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut vocabulary: Vec<String> = Vec::new();
    let items: Vec<String> = table
        .items
        .iter()
        .map(|it| match it {
            Item::Word(w, s) => {
                vocabulary.push(table.at(*w).to_string());
                format!("Item::Word({}, {})", span(w), span(s))
            }
            Item::Gap => "Item::Gap".into(),
            Item::End => "Item::End".into(),
        })
        .collect();
    code.push_str(&format!(
        "/// The phrases' items.\nconst ITEMS: &[Item] = &[{}];\n/// The stems and spellings phrases start with, sorted: where their phrase numbers start in `FIRSTS` and how many.\nconst BY_FIRST: &[(Span, usize, usize)] = &[{}];\n/// Phrase numbers by first word.\nconst FIRSTS: &[u16] = &{:?};\n",
        items.join(", "),
        table
            .by_first
            .iter()
            .map(|(k, from, n)| format!("({}, {from}, {n})", span(k)))
            .collect::<Vec<_>>()
            .join(", "),
        table.firsts
    ));
    // The known words: the lexicon's and the word lists'. Each word's stem
    // by its base and its own stem: the first word (in order) wins.
    vocabulary.extend(
        ASKING
            .iter()
            .chain(FILLER)
            .chain(GENERAL)
            .map(|s| s.to_string()),
    );
    vocabulary.retain(|w| w != "$");
    vocabulary.sort();
    vocabulary.dedup();
    let mut words: Vec<(String, String)> = Vec::new();
    let mut bases: BTreeMap<String, String> = BTreeMap::new();
    for w in &vocabulary {
        let wd = tokens::word(w.clone());
        if let Some(b) = tokens::base(w) {
            bases.entry(b).or_insert_with(|| wd.stem.clone());
        }
        bases
            .entry(wd.stem.clone())
            .or_insert_with(|| wd.stem.clone());
        words.push((w.clone(), wd.stem));
    }
    let mut stems: Vec<&String> = words.iter().map(|(_, s)| s).collect();
    stems.sort();
    stems.dedup();
    let pairs = |text: &mut Text, list: &mut dyn Iterator<Item = (&String, &String)>| {
        list.map(|(a, b)| format!("({}, {})", text.span(a), text.span(b)))
            .collect::<Vec<_>>()
            .join(",\n    ")
    };
    let known = pairs(&mut text, &mut words.iter().map(|(a, b)| (a, b)));
    let stems: Vec<String> = stems.iter().map(|s| text.span(s)).collect();
    let bases = pairs(&mut text, &mut bases.iter());
    code.push_str(&format!(
        "/// Known words and their stems, sorted: spans of `KNOWN_TEXT`.\nstatic KNOWN_WORDS: &[(Span, Span)] = &[\n    {known}\n];\n\
         /// The stems of the known words, sorted.\nstatic KNOWN_STEMS: &[Span] = &[\n    {}\n];\n\
         /// A known word's stem by its base and its own stem, sorted by the first.\nstatic KNOWN_BASES: &[(Span, Span)] = &[\n    {bases}\n];\n\
         /// The text the known words' spans are in.\nstatic KNOWN_TEXT: &str = {:?};\n",
        stems.join(",\n    "),
        text.0
    ));
    code
}

/// One text that strings are spans of.
#[derive(Default)]
struct Text(String);

impl Text {
    /// Where `s` is in the text, added when new.
    fn place(&mut self, s: &str) -> (usize, usize) {
        let at = match self.0.find(s) {
            Some(at) if !s.is_empty() => at,
            _ => {
                self.0.push_str(s);
                self.0.len() - s.len()
            }
        };
        (at, s.len())
    }

    /// The span of `s` in the text, as Rust source, added when new.
    fn span(&mut self, s: &str) -> String {
        let (at, n) = self.place(s);
        format!("({at}, {n})")
    }
}

/// The built-in problems' sheets as Rust source for
/// `src/grading/facts/read.rs`: each fact list's fingerprint and the sheet
/// as text.
pub fn sheets_source(problems: &[serde_json::Value]) -> String {
    let text = |v: &serde_json::Value, field: &str| -> String {
        v.get(field)
            .and_then(|s| s.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let list = |v: &serde_json::Value, field: &str| -> Vec<String> {
        v.get(field)
            .and_then(|l| l.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut code = String::from(
        "/// The built-in problems' sheets: fingerprint of the fact list, the sheet as text, its words.\nstatic BUILT: &[(u64, &str, BuiltWords)] = &[\n",
    );
    let mut words_text = Text::default();
    // The lexicon is read before any sheet.
    if TABLE.get().is_some() {
        for p in problems {
            let Some(facts) = p.get("facts").and_then(|f| f.as_array()) else {
                continue;
            };
            let facts: Vec<Fact> = facts
                .iter()
                .map(|f| Fact {
                    id: text(f, "id"),
                    topic: text(f, "topic"),
                    asks: list(f, "asks"),
                    covers: list(f, "covers"),
                    answer: text(f, "answer"),
                })
                .collect();
            let sheet = Sheet::new(&facts);
            let (words, stems, bases) = sheet.known.lists();
            let spans = |t: &mut Text, v: &[String]| -> String {
                v.iter().map(|s| t.span(s)).collect::<Vec<_>>().join(", ")
            };
            let words = spans(&mut words_text, &words);
            let stems = spans(&mut words_text, &stems);
            let bases = bases
                .iter()
                .map(|(a, b)| format!("({}, {})", words_text.span(a), words_text.span(b)))
                .collect::<Vec<_>>()
                .join(", ");
            code.push_str(&format!(
                "    ({}, {:?}, BuiltWords {{ text: SHEET_WORDS, words: &[{words}], stems: &[{stems}], bases: &[{bases}] }}),\n",
                fingerprint(&facts),
                sheet.to_text()
            ));
        }
    }
    code.push_str(&format!(
        "];\n/// The text the built-in sheets' words are spans of.\nconst SHEET_WORDS: &str = {:?};\n",
        words_text.0
    ));
    code
}

/// The words of every built-in problem and rubric, four letters or more,
/// as Rust source for `src/grading/facts/lexicon.rs`: real words a
/// question may use that no sheet does ("sports", "internal"), which typo
/// mending leaves alone rather than turn into another word.
pub fn real_words_source(texts: &[&serde_json::Value]) -> String {
    fn walk(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::String(s) => {
                for w in s.split(|c: char| !c.is_ascii_alphabetic()) {
                    if w.len() >= 4 {
                        out.insert(w.to_ascii_lowercase());
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut words = std::collections::BTreeSet::new();
    for v in texts {
        walk(v, &mut words);
    }
    let list: Vec<&String> = words.iter().collect();
    format!(
        "/// Words of the built-in problems and rubrics, sorted.\nstatic REAL_WORDS: &[&str] = &{list:?};\n"
    )
}
