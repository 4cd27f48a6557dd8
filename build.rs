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
    let mut rubrics = Vec::new();
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
        if let (true, Some(v)) = (rel.starts_with("rubrics/"), &value) {
            rubrics.push((rel.clone(), v.clone()));
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
    let texts: Vec<&serde_json::Value> = problems
        .iter()
        .chain(rubrics.iter().map(|(_, v)| v))
        .collect();
    let dest = Path::new(&out_dir).join("real_words.rs");
    let mut f = fs::File::create(dest).expect("OUT_DIR is writable");
    f.write_all(prepare::real_words_source(&texts).as_bytes())
        .expect("OUT_DIR is writable");
    write_matchers(&root, Path::new(&out_dir), &rubrics);
}

// The built-in rubrics' matchers, compiled here with the library's own code
// (`src/grading/matcher/built.rs` reads them back).
#[path = "src/grading/matcher"]
#[allow(dead_code)]
mod matcher {
    pub mod lexicon;
    pub mod tables;
}

/// The steps in interview order, as the grader lists a rubric's topics.
const STEPS: [&str; 7] = [
    "requirements",
    "functional",
    "non_functional",
    "estimation",
    "high_level",
    "deep_dive",
    "bottlenecks",
];

/// The strings of a list field (a number written bare counts as its text).
fn strings(v: Option<&serde_json::Value>) -> Vec<String> {
    let Some(serde_json::Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .map(|x| match x {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

fn items(v: Option<&serde_json::Value>) -> Vec<serde_json::Value> {
    v.and_then(|v| v.as_array()).cloned().unwrap_or_default()
}

/// A matcher's targets as owned strings: each one's phrases and patterns.
type Owned = Vec<(Vec<String>, Vec<String>)>;

/// The topic targets of a rubric, as the grader makes them
/// (`tally::topic_targets` over every step's topics): each topic's phrases,
/// synonyms, and the jargon and plain forms of the concepts it names.
fn topic_targets(rubric: &serde_json::Value, concepts: &[serde_json::Value]) -> Owned {
    let mut out = Vec::new();
    for step in STEPS {
        let topics = items(
            rubric
                .get("steps")
                .and_then(|s| s.get(step))
                .and_then(|s| s.get("topics")),
        );
        for t in topics {
            let phrases = strings(t.get("phrases"));
            let named = strings(t.get("concepts"));
            let mut all: Vec<String> = phrases.clone();
            all.extend(strings(t.get("synonyms")));
            for c in concepts {
                let id = c.get("id").and_then(|i| i.as_str()).unwrap_or("");
                let jargon = strings(c.get("jargon"));
                let names = named.iter().any(|n| n == id)
                    || jargon
                        .iter()
                        .any(|j| phrases.iter().any(|p| p.eq_ignore_ascii_case(j)));
                if names {
                    all.extend(jargon);
                    all.extend(strings(c.get("plain")));
                }
            }
            out.push((all, strings(t.get("patterns"))));
        }
    }
    out
}

/// The flag targets of `field` (common flags, then the rubric's) as
/// `flags::raise` makes them: phrases and patterns, and what cancels each.
fn flag_targets(
    common: &serde_json::Value,
    rubric: &serde_json::Value,
    field: &str,
) -> (Owned, Owned) {
    let mut flags = items(common.get(field));
    flags.extend(items(rubric.get(field)));
    let raise = flags
        .iter()
        .map(|f| (strings(f.get("phrases")), strings(f.get("patterns"))))
        .collect();
    let unless = flags
        .iter()
        .map(|f| (strings(f.get("unless")), Vec::new()))
        .collect();
    (raise, unless)
}

/// Compiles every matcher a grade of a built-in problem makes and writes
/// them for `src/grading/matcher/built.rs`: `matchers.bin` (each matcher's
/// tables), `matchers.txt` (their strings) and `matchers.rs` (where each
/// starts, by the key of its inputs).
fn write_matchers(root: &str, out_dir: &Path, files: &[(String, serde_json::Value)]) {
    use matcher::lexicon::Lexicon;
    use matcher::tables::{key, Pool, Tables};
    for file in [
        "matcher/lexicon.rs",
        "matcher/tables.rs",
        "text.rs",
        "fx.rs",
    ] {
        println!("cargo:rerun-if-changed={root}/src/grading/{file}");
    }
    let get = |rel: &str| files.iter().find(|(r, _)| r == rel).map(|(_, v)| v.clone());
    let common = get("rubrics/common.yaml").unwrap_or_default();
    let concepts = get("rubrics/concepts.yaml").unwrap_or_default();
    let variants: Vec<(String, String)> = items(concepts.get("variants"))
        .iter()
        .filter_map(|v| {
            let pair = strings(Some(v));
            Some((pair.first()?.clone(), pair.get(1)?.clone()))
        })
        .collect();
    let senses: Vec<(String, Vec<String>)> = items(concepts.get("senses"))
        .iter()
        .map(|s| {
            let word = s
                .get("word")
                .and_then(|w| w.as_str())
                .unwrap_or("")
                .to_string();
            (word, strings(s.get("not")))
        })
        .collect();
    let same: Vec<Vec<String>> = items(concepts.get("same"))
        .iter()
        .map(|g| strings(Some(g)))
        .collect();
    let lexicon = Lexicon::new(
        &variants,
        senses.iter().map(|(w, n)| (w.as_str(), n.as_slice())),
        &same,
    );
    let plain = Lexicon::default();
    let concept_list = items(concepts.get("concepts"));
    let mut jobs: Vec<(Owned, &Lexicon)> = vec![(
        strings(common.get("technologies"))
            .into_iter()
            .map(|t| (vec![t], Vec::new()))
            .collect(),
        &plain,
    )];
    let special = ["common", "concepts", "guide", "questions"].map(|f| format!("rubrics/{f}.yaml"));
    for (rel, rubric) in files {
        if !rel.starts_with("rubrics/") || special.contains(rel) {
            continue;
        }
        jobs.push((topic_targets(rubric, &concept_list), &lexicon));
        for field in ["red_flags", "green_flags"] {
            let (raise, unless) = flag_targets(&common, rubric, field);
            jobs.push((raise, &lexicon));
            if unless.iter().any(|(u, _)| !u.is_empty()) {
                jobs.push((unless, &plain));
            }
        }
    }
    let mut data = Vec::new();
    let mut pool = Pool::default();
    let mut index: BTreeMap<u64, (usize, usize)> = BTreeMap::new();
    for (owned, lex) in &jobs {
        let targets: Vec<(Vec<&str>, Vec<&str>)> = owned
            .iter()
            .map(|(p, r)| {
                (
                    p.iter().map(String::as_str).collect(),
                    r.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        let k = key(&targets, lex);
        if index.contains_key(&k) || targets.iter().all(|(p, _)| p.is_empty()) {
            continue;
        }
        let start = data.len();
        Tables::build(&targets, lex).write(targets.len(), &mut data, &mut pool);
        index.insert(k, (start, data.len()));
    }
    let mut code = String::from(
        "/// (key of the inputs, start and end in `DATA`) of each built matcher, sorted by key.\nstatic BUILT_MATCHERS: &[(u64, u32, u32)] = &[\n",
    );
    for (k, (start, end)) in index {
        code.push_str(&format!("    ({k:#x}, {start}, {end}),\n"));
    }
    code.push_str("];\n");
    for (name, bytes) in [
        ("matchers.rs", code.as_bytes()),
        ("matchers.bin", data.as_slice()),
        ("matchers.txt", pool.text.as_bytes()),
    ] {
        fs::write(out_dir.join(name), bytes).expect("OUT_DIR is writable");
    }
}
