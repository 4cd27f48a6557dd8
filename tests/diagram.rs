//! Diagrams in graded answers: the calibration answers with drawings earn
//! the topics they show, anti-patterns are red flags quoting the arrows,
//! malformed drawings are reported and the rest is graded, and the JSON
//! grade carries `diagram` and `structure`.

use sdcoach::catalog::Catalog;
use sdcoach::framework::StepId;
use sdcoach::grading::{grade, parse_answer, Answer, Extras, Grade};
use std::fs;

fn answer(problem: &str, name: &str) -> Answer {
    let path = format!("tests/calibration/{problem}/{name}.md");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_answer(&text)
}

fn graded(catalog: &Catalog, problem: &str, a: &Answer) -> Grade {
    grade(catalog, problem, a, &Extras::default()).expect("grades")
}

/// The same answer with its drawing taken out of the high-level step:
/// fenced blocks and arrow lines go, the prose stays.
fn without_drawing(a: &Answer) -> Answer {
    let mut out = a.clone();
    let text = a.step(StepId::HighLevel);
    let mut fenced = false;
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            if l.trim_start().starts_with("```") {
                fenced = !fenced;
                return false;
            }
            !fenced && !l.contains("->")
        })
        .collect();
    out.steps[StepId::HighLevel.index()] = kept.join("\n");
    out
}

fn high_level(g: &Grade) -> &sdcoach::grading::StepGrade {
    &g.steps[StepId::HighLevel.index()]
}

#[test]
fn a_drawn_design_earns_the_high_level_topics_it_shows() {
    let catalog = Catalog::embedded().expect("built-in data");
    let mut table =
        String::from("| problem | drawn | words only | rules passed |\n|---|---:|---:|---:|\n");
    // Every problem of the catalogue, so a new one needs its drawing too.
    for problem in catalog.ids() {
        let problem = problem.as_str();
        let drawn = answer(problem, "drawn");
        let g = graded(&catalog, problem, &drawn);
        let bare = graded(&catalog, problem, &without_drawing(&drawn));
        let d = g.diagram.as_ref().expect("a diagram is read");
        assert!(d.issues.is_empty(), "{problem}: {:?}", d.issues);
        let failed: Vec<_> = g.structure.iter().filter(|r| !r.ok).collect();
        assert!(failed.is_empty(), "{problem}: rules failed: {failed:?}");
        let rules = catalog.rubric(problem).expect("rubric").structure.clone();
        let count = rules.components.len() + rules.paths.len() + rules.anti_patterns.len();
        assert_eq!(g.structure.len(), count, "{problem}");
        let quoted = high_level(&g)
            .matched
            .iter()
            .filter(|m| m.evidence.starts_with("diagram: ") && m.evidence.contains(" → "))
            .count();
        assert!(quoted >= 3, "{problem}: {quoted} topics quote an arrow");
        assert!(
            high_level(&g).score > high_level(&bare).score + 10,
            "{problem}: drawn {} vs words only {}",
            high_level(&g).score,
            high_level(&bare).score
        );
        assert!(g.score > bare.score, "{problem}");
        assert!(bare.diagram.is_none() && bare.structure.is_empty());
        table.push_str(&format!(
            "| {problem} | {} | {} | {}/{count} |\n",
            high_level(&g).score,
            high_level(&bare).score,
            g.structure.iter().filter(|r| r.ok).count()
        ));
    }
    eprintln!("{table}");
}

#[test]
fn a_client_on_the_database_raises_a_red_flag_quoting_the_arrow() {
    let catalog = Catalog::embedded().expect("built-in data");
    let good = graded(&catalog, "pastebin", &answer("pastebin", "drawn"));
    let bad = graded(&catalog, "pastebin", &answer("pastebin", "db-exposed"));
    let flag = bad
        .flags
        .red
        .iter()
        .find(|f| f.id == "client_to_database")
        .expect("the anti-pattern is a red flag");
    assert_eq!(
        flag.evidence,
        "diagram: Client → Metadata DB (primary + replicas)"
    );
    assert!(!good.flags.red.iter().any(|f| f.id == "client_to_database"));
    assert!(bad.score < good.score, "{} vs {}", bad.score, good.score);
    let rule = bad.structure.iter().find(|r| r.id == "client_to_database");
    assert!(rule.is_some_and(|r| !r.ok));
}

#[test]
fn a_cache_behind_the_database_is_flagged_and_earns_no_read_path() {
    let catalog = Catalog::embedded().expect("built-in data");
    let good = graded(&catalog, "url-shortener", &answer("url-shortener", "drawn"));
    let bad = graded(
        &catalog,
        "url-shortener",
        &answer("url-shortener", "cache-behind"),
    );
    let flag = bad
        .flags
        .red
        .iter()
        .find(|f| f.id == "cache_behind_database")
        .expect("flagged");
    assert!(
        flag.evidence
            .ends_with("API servers → DynamoDB, replicated → Redis cache"),
        "{}",
        flag.evidence
    );
    let read_path = bad.structure.iter().find(|r| r.id == "reads_meet_cache");
    assert!(read_path.is_some_and(|r| !r.ok && r.evidence.starts_with("only through the database")));
    assert!(high_level(&bad)
        .missed
        .contains(&"hl_request_flow".to_string()));
    assert!(high_level(&bad).score < high_level(&good).score);
    assert!(bad.score < good.score);
}

#[test]
fn a_malformed_diagram_is_reported_and_the_rest_still_graded() {
    let catalog = Catalog::embedded().expect("built-in data");
    let good = answer("url-shortener", "drawn");
    let mut broken = good.clone();
    let hl = &mut broken.steps[StepId::HighLevel.index()];
    *hl = hl
        .replace("lb --> api[API servers]", "lb --> api[API servers")
        .replace("client[Client] --> lb", "client[Client] ~~> lb");
    let g = graded(&catalog, "url-shortener", &broken);
    let ok = graded(&catalog, "url-shortener", &good);
    let issues = &g.diagram.as_ref().expect("read").issues;
    let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, [6, 7], "{issues:?}");
    assert!(issues[0].message.contains("not an arrow"));
    assert!(issues[1].message.contains("never closed"));
    // Every other step grades as before.
    for (a, b) in g.steps.iter().zip(&ok.steps) {
        if a.id != StepId::HighLevel {
            assert_eq!(a.score, b.score, "{:?}", a.id);
        }
    }
    assert!(high_level(&g).score > 0);
}

#[test]
fn the_json_grade_carries_the_diagram_and_the_structure() {
    let catalog = Catalog::embedded().expect("built-in data");
    let g = graded(&catalog, "url-shortener", &answer("url-shortener", "drawn"));
    let json: serde_json::Value = serde_json::to_value(&g).expect("json");
    let nodes = json["diagram"]["nodes"].as_array().expect("nodes");
    assert_eq!(
        nodes[0],
        serde_json::json!({"id": "client", "label": "Client", "concept": "client"})
    );
    let edges = json["diagram"]["edges"].as_array().expect("edges");
    assert!(edges
        .contains(&serde_json::json!({"from": "api", "to": "cache", "label": "redirect reads"})));
    let structure = json["structure"].as_array().expect("structure");
    assert!(structure
        .iter()
        .all(|r| r["id"].is_string() && r["ok"].is_boolean() && r["evidence"].is_string()));
}
