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
//!
//! Question understanding's lexicon and the built-in problems' fact sheets
//! are read here too, with the library's own code
//! (`src/grading/facts/prepare.rs`).

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::Path;

#[path = "src/grading/matcher/needs.rs"]
#[allow(dead_code)]
mod needs;

// Question understanding's lexicon and sheets, read here once with the
// library's own code (`src/grading/facts/prepare.rs` says which).
#[path = "src/grading/fx.rs"]
#[allow(dead_code)]
mod fx;
#[path = "src/grading/text.rs"]
#[allow(dead_code)]
mod text;
mod grading {
    pub(crate) use super::fx;
    pub(crate) use super::text;
}
mod catalog {
    /// What a sheet reads of a problem's fact.
    pub struct Fact {
        pub id: String,
        pub topic: String,
        pub asks: Vec<String>,
        pub covers: Vec<String>,
        pub answer: String,
    }
}
mod lexicon {
    pub(crate) use super::prepare::find;
}
#[path = "src/grading/facts/blob.rs"]
#[allow(dead_code)]
mod blob;
#[path = "src/grading/facts/groups.rs"]
#[allow(dead_code)]
mod groups;
#[path = "src/grading/facts/lists.rs"]
#[allow(dead_code)]
mod lists;
#[path = "src/grading/facts/phrases.rs"]
#[allow(dead_code)]
mod phrases;
#[path = "src/grading/facts/prepare.rs"]
mod prepare;
#[path = "src/grading/facts/sheet.rs"]
#[allow(dead_code)]
mod sheet;
#[path = "src/grading/facts/terms.rs"]
#[allow(dead_code)]
mod terms;
#[path = "src/grading/facts/tokens.rs"]
#[allow(dead_code)]
mod tokens;
#[path = "src/grading/facts/words.rs"]
#[allow(dead_code)]
mod words;

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
    let mut problems = Vec::new();
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
        if rel.starts_with("problems/") {
            problems.extend(value.clone());
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
    for file in prepare::SOURCES {
        println!("cargo:rerun-if-changed={root}/src/grading/{file}");
    }
    let dest = Path::new(&out_dir).join("lexicon.rs");
    let mut f = fs::File::create(dest).expect("OUT_DIR is writable");
    f.write_all(prepare::lexicon_source(concepts.as_ref()).as_bytes())
        .expect("OUT_DIR is writable");
    let dest = Path::new(&out_dir).join("sheets.rs");
    let mut f = fs::File::create(dest).expect("OUT_DIR is writable");
    f.write_all(prepare::sheets_source(&problems).as_bytes())
        .expect("OUT_DIR is writable");
}
