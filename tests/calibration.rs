//! Calibration: answers written at several quality levels must keep their
//! order under the grader, for every problem, and the catalogue must be complete.

use sdcoach::catalog::Catalog;

/// The guide's practice list, in its order.
const PRACTICE_ORDER: [&str; 8] = [
    "url-shortener",
    "pastebin",
    "twitter",
    "instagram",
    "netflix",
    "uber",
    "whatsapp",
    "google-drive",
];
use sdcoach::framework::StepId;
use sdcoach::grading::{grade, grade_question, parse_answer, Extras};
use std::fs;
use std::path::Path;

const LEVELS: [&str; 5] = ["strong", "plain", "medium", "stuffed", "weak"];

fn score(catalog: &Catalog, problem: &str, level: &str) -> u32 {
    let path = Path::new("tests/calibration")
        .join(problem)
        .join(format!("{level}.md"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let g = grade(catalog, problem, &parse_answer(&text), &Extras::default()).expect("grades");
    g.score
}

#[test]
fn quality_order_holds_for_every_problem() {
    let catalog = Catalog::embedded().expect("built-in data");
    let mut table = String::from(
        "| problem | strong | plain | medium | stuffed | weak |\n|---|---:|---:|---:|---:|---:|\n",
    );
    let mut failures = Vec::new();
    // Every problem of the catalogue, so a new one needs its answers too.
    for problem in catalog.ids() {
        let problem = problem.as_str();
        let s: Vec<u32> = LEVELS.iter().map(|l| score(&catalog, problem, l)).collect();
        let (strong, plain, medium, stuffed, weak) = (s[0], s[1], s[2], s[3], s[4]);
        table.push_str(&format!(
            "| {problem} | {strong} | {plain} | {medium} | {stuffed} | {weak} |\n"
        ));
        if !(strong > medium && medium > weak) {
            failures.push(format!(
                "{problem}: strong {strong} > medium {medium} > weak {weak} fails"
            ));
        }
        if stuffed >= medium {
            failures.push(format!(
                "{problem}: stuffed {stuffed} should be below medium {medium}"
            ));
        }
        if plain <= medium {
            failures.push(format!(
                "{problem}: plain-words strong {plain} should beat medium {medium}"
            ));
        }
    }
    eprintln!("{table}");
    assert!(failures.is_empty(), "{}\n{table}", failures.join("\n"));
}

#[test]
fn counter_question_answers_keep_their_order() {
    let catalog = Catalog::embedded().expect("built-in data");
    let dir = Path::new("tests/calibration/questions");
    let mut checked = 0;
    for entry in fs::read_dir(dir).expect("questions folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(id) = name.strip_suffix(".strong.md") else {
            continue;
        };
        let strong = fs::read_to_string(&path).expect("strong");
        let weak = fs::read_to_string(dir.join(format!("{id}.weak.md")))
            .expect("weak answer beside the strong one");
        let s = grade_question(&catalog, id, &strong).expect("grades").score;
        let w = grade_question(&catalog, id, &weak).expect("grades").score;
        eprintln!("{id}: strong {s}, weak {w}");
        assert!(s > w + 30, "{id}: strong {s} vs weak {w}");
        checked += 1;
    }
    assert!(checked >= 5);
}

#[test]
fn the_catalogue_is_complete() {
    let catalog = Catalog::embedded().expect("built-in data");
    let ids: Vec<String> = catalog.ids();
    // The guide's practice list comes first, in its order.
    assert_eq!(
        ids.iter().take(PRACTICE_ORDER.len()).collect::<Vec<_>>(),
        PRACTICE_ORDER.iter().collect::<Vec<_>>()
    );
    assert_eq!(catalog.rubrics.len(), ids.len(), "one rubric per problem");
    for p in &catalog.problems {
        let r = catalog.rubric(&p.id).expect("rubric");
        assert!(p.facts.len() >= 10, "{}: {} facts", p.id, p.facts.len());
        assert!(
            p.estimates.len() >= 5,
            "{}: {} estimates",
            p.id,
            p.estimates.len()
        );
        for step in StepId::ALL {
            let topics = r.steps.get(step.as_str()).map_or(0, |s| s.topics.len());
            let min = if matches!(step, StepId::HighLevel | StepId::DeepDive) {
                8
            } else {
                5
            };
            assert!(
                topics >= min,
                "{} {step}: {topics} topics, want {min}",
                p.id
            );
            let probes = p.probes.get(step.as_str()).map_or(0, Vec::len);
            let min_probes = if step == StepId::DeepDive { 3 } else { 1 };
            assert!(probes >= min_probes, "{} {step}: {probes} probes", p.id);
            let hints = p.hints.get(step.as_str()).map_or(0, Vec::len);
            assert_eq!(hints, 3, "{} {step}: a three-rung hint ladder", p.id);
        }
    }
    assert!(catalog.questions.questions.len() > 20);
    let (_, findings) =
        sdcoach::lint::lint_sources(&sdcoach::catalog::SourceFile::embedded(), "built-in");
    assert!(findings.is_empty(), "{findings:?}");
}

/// `rubrics/guide.yaml` must list the guide's sections, so `study` pointers
/// name real places to read.
#[test]
fn the_guide_index_matches_the_guide() {
    let text = fs::read_to_string("tests/fixtures/guide-outline.md").expect("the outline");
    let catalog = Catalog::embedded().expect("built-in data");
    let mut in_code = false;
    let mut chapter = String::new();
    let mut found = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let clean = |h: &str| {
            h.trim_start_matches(|c: char| !c.is_ascii_alphabetic())
                .trim()
                .to_string()
        };
        if let Some(h) = line.strip_prefix("## ") {
            chapter = clean(h);
            if chapter != "Table of Contents" {
                found.push(chapter.clone());
            }
        } else if let Some(h) = line.strip_prefix("### ") {
            if chapter != "Table of Contents" {
                found.push(format!("{chapter} > {}", clean(h)));
            }
        }
    }
    assert_eq!(catalog.guide.sections, found);
}
