//! Embeds every YAML file under `problems/` and `rubrics/` into the binary, so
//! `sdcoach` works from any folder. Each file is also embedded as JSON, which
//! parses about ten times faster: start-up stays in single-digit milliseconds.
//! A file that is not valid YAML gets no JSON; the program then reads the YAML
//! and reports the error with its line.
//!
//! Every regex pattern of the data is also compiled here, with the engine and
//! settings the grader uses, and read for the literals a sentence needs for
//! it to match (`src/grading/matcher/needs.rs`, shared with the grader). The
//! grader then skips that work at each start: it compiles a known pattern
//! only when a sentence holds its literals, and the others as before.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::Path;

#[path = "src/grading/matcher/needs.rs"]
#[allow(dead_code)]
mod needs;

// Question understanding's tokeniser and word lists, with the stemmer they
// use (`crate::grading::text`), to read the question lexicon here once.
#[path = "src/grading/text.rs"]
#[allow(dead_code)]
mod text;
mod grading {
    pub(crate) use super::text;
}
#[path = "src/grading/facts/groups.rs"]
mod groups;
#[path = "src/grading/facts/lists.rs"]
#[allow(dead_code)]
mod lists;
#[path = "src/grading/facts/tokens.rs"]
#[allow(dead_code)]
mod tokens;

/// One item of a lexicon phrase, as `src/grading/facts/lexicon.rs` writes it.
enum Item {
    Word(String, String),
    Gap,
    End,
}

/// A lexicon phrase read as `lexicon.rs` reads it: its words (each with its
/// stem), `..` gaps and `$` ends; `None` when it does not start with a word.
fn parse_phrase(text: &str) -> Option<Vec<Item>> {
    let mut items = Vec::new();
    for piece in text.split_whitespace() {
        match piece {
            ".." => items.push(Item::Gap),
            "$" => items.push(Item::End),
            _ => items.extend(
                tokens::words(piece)
                    .into_iter()
                    .filter(|w| w.word != "$")
                    .map(|w| Item::Word(w.word, w.stem)),
            ),
        }
    }
    matches!(items.first(), Some(Item::Word(..))).then_some(items)
}

/// The question lexicon (the groups and the concepts of
/// `rubrics/concepts.yaml`) and the words typos are mended towards, as Rust
/// source for `src/grading/facts/lexicon.rs`.
fn lexicon_table(concepts: Option<&serde_json::Value>) -> String {
    let mut phrases: Vec<(String, Vec<Item>)> = Vec::new();
    for (g, list) in groups::GROUPS {
        for p in *list {
            if let Some(items) = parse_phrase(p) {
                phrases.push((format!("@{g}"), items));
            }
        }
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
                phrases.push((format!("#{id}"), items));
            }
        }
    }
    let mut by_first: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut vocabulary: Vec<String> = Vec::new();
    let mut code = String::from(
        "/// The lexicon's phrases: key and items.\nstatic PHRASES: &[(&str, &[Item])] = &[\n",
    );
    for (i, (key, items)) in phrases.iter().enumerate() {
        if let Some(Item::Word(word, stem)) = items.first() {
            by_first.entry(stem.clone()).or_default().push(i);
            if word != stem {
                by_first.entry(word.clone()).or_default().push(i);
            }
        }
        let shown: Vec<String> = items
            .iter()
            .map(|it| match it {
                Item::Word(w, s) => {
                    vocabulary.push(w.clone());
                    format!("Item::Word({w:?}, {s:?})")
                }
                Item::Gap => "Item::Gap".into(),
                Item::End => "Item::End".into(),
            })
            .collect();
        code.push_str(&format!("    ({key:?}, &[{}]),\n", shown.join(", ")));
    }
    code.push_str("];\n/// Phrase numbers by the stem and the spelling of their first word, sorted.\nstatic BY_FIRST: &[(&str, &[u16])] = &[\n");
    for (k, list) in &by_first {
        code.push_str(&format!("    ({k:?}, &{list:?}),\n"));
    }
    // The known words: the lexicon's and the word lists'. Each word's stem
    // by its base and its own stem: the first word (in order) wins.
    vocabulary.extend(lists::ASKING.iter().map(|s| s.to_string()));
    vocabulary.extend(lists::FILLER.iter().map(|s| s.to_string()));
    vocabulary.extend(lists::GENERAL.iter().map(|s| s.to_string()));
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
    code.push_str(
        "];\n/// Known words and their stems, sorted.\nstatic KNOWN_WORDS: &[(&str, &str)] = &[\n",
    );
    for (w, s) in &words {
        code.push_str(&format!("    ({w:?}, {s:?}),\n"));
    }
    code.push_str(
        "];\n/// The stems of the known words, sorted.\nstatic KNOWN_STEMS: &[&str] = &[\n",
    );
    for s in stems {
        code.push_str(&format!("    {s:?},\n"));
    }
    code.push_str("];\n/// A known word's stem by its base and its own stem, sorted.\nstatic KNOWN_BASES: &[(&str, &str)] = &[\n");
    for (b, s) in &bases {
        code.push_str(&format!("    ({b:?}, {s:?}),\n"));
    }
    code.push_str("];\n");
    code
}

/// Collects the strings of every `patterns:` list in a data file.
fn patterns_in(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("patterns", serde_json::Value::Array(list)) => {
                        out.extend(list.iter().filter_map(|p| p.as_str().map(String::from)));
                    }
                    _ => patterns_in(v, out),
                }
            }
        }
        serde_json::Value::Array(list) => list.iter().for_each(|v| patterns_in(v, out)),
        _ => {}
    }
}

/// The patterns that compile, each with its needs, as Rust source.
fn pattern_table(patterns: Vec<String>) -> String {
    let mut known: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for p in patterns {
        let compiles = regex_lite::RegexBuilder::new(&p)
            .case_insensitive(true)
            .build()
            .is_ok();
        if compiles {
            let n = needs::needs(&p);
            known.insert(p, n);
        }
    }
    let mut code = String::from(
        "/// Patterns of the built-in data that compile, sorted, with what a sentence needs for each to match.\npub static KNOWN_PATTERNS: &[(&str, &[&[&str]])] = &[\n",
    );
    for (p, n) in known {
        let clauses: Vec<String> = n.iter().map(|c| format!("&{c:?}")).collect();
        code.push_str(&format!("    ({p:?}, &[{}]),\n", clauses.join(", ")));
    }
    code.push_str("];\n");
    code
}

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let mut entries = Vec::new();
    for dir in ["problems", "rubrics"] {
        let path = Path::new(&root).join(dir);
        println!("cargo:rerun-if-changed={}", path.display());
        let Ok(read) = fs::read_dir(&path) else {
            continue;
        };
        let mut names: Vec<String> = read
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml"))
            .collect();
        names.sort();
        for name in names {
            let file = path.join(&name);
            println!("cargo:rerun-if-changed={}", file.display());
            entries.push((format!("{dir}/{name}"), file.display().to_string()));
        }
    }
    let mut code = String::from(
        "/// Data files compiled into the binary: (relative path, YAML, JSON when the YAML parses).\npub static EMBEDDED: &[(&str, &str, Option<&str>)] = &[\n",
    );
    let mut patterns = Vec::new();
    let mut concepts = None;
    for (rel, abs) in entries {
        let value = fs::read_to_string(&abs)
            .ok()
            .and_then(|text| serde_yaml::from_str::<serde_json::Value>(&text).ok());
        if let Some(v) = &value {
            patterns_in(v, &mut patterns);
        }
        if rel == "rubrics/concepts.yaml" {
            concepts = value.clone();
        }
        let json = value.and_then(|value| serde_json::to_string(&value).ok());
        code.push_str(&format!(
            "    ({rel:?}, include_str!({abs:?}), {json:?}),\n"
        ));
    }
    code.push_str("];\n");
    let dest = Path::new(&out_dir).join("embedded.rs");
    let mut f = fs::File::create(dest).expect("OUT_DIR is writable");
    f.write_all(code.as_bytes()).expect("OUT_DIR is writable");
    let dest = Path::new(&out_dir).join("patterns.rs");
    let mut f = fs::File::create(dest).expect("OUT_DIR is writable");
    f.write_all(pattern_table(patterns).as_bytes())
        .expect("OUT_DIR is writable");
    for file in [
        "text.rs",
        "facts/groups.rs",
        "facts/lists.rs",
        "facts/tokens.rs",
    ] {
        println!("cargo:rerun-if-changed={root}/src/grading/{file}");
    }
    let dest = Path::new(&out_dir).join("lexicon.rs");
    let mut f = fs::File::create(dest).expect("OUT_DIR is writable");
    f.write_all(lexicon_table(concepts.as_ref()).as_bytes())
        .expect("OUT_DIR is writable");
}
