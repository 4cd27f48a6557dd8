//! What each fuzz target runs. The main crate's `tests/fuzz_regressions.rs`
//! includes this file too and replays the committed corpus and every crash
//! found through the same functions, so a fixed crash stays fixed without
//! the nightly toolchain.
//!
//! Each function takes raw bytes; text that is not UTF-8 is skipped, as the
//! program refuses it before any of this code runs.

use sdcoach::catalog::{Catalog, SourceFile};
use sdcoach::framework::StepId;
use sdcoach::grading::{self, Extras};
use sdcoach::report::{self, Format, GradeView, ProblemList, ProblemShow, Style, View};
use sdcoach::transcript::Transcript;
use std::collections::HashMap;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("the built-in data loads"))
}

/// Renders a view in every format it has: none may panic.
fn render_all(view: &dyn View) {
    for format in Format::ALL {
        let _ = report::render(view, format, Style::plain());
    }
}

/// The answer reader and grader: any text is read as an answer and graded
/// against the problem the first byte picks, then as the answer to a
/// counter-question. Scores stay within 0-100.
pub fn answer_grader(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let c = catalog();
    let answer = grading::parse_answer(text);
    let id = &c.problems[usize::from(pick) % c.problems.len()].id;
    if let Ok(g) = grading::grade(c, id, &answer, &Extras::default()) {
        assert!(g.score <= 100, "score {}", g.score);
        assert!(g.steps.iter().all(|s| s.score <= 100));
        render_all(&GradeView {
            grade: &g,
            session: None,
        });
    }
    let questions = &c.questions.questions;
    if !questions.is_empty() {
        let q = &questions[usize::from(pick) % questions.len()].id;
        if let Ok(g) = grading::grade_question(c, q, text) {
            assert!(g.score <= 100, "question score {}", g.score);
            render_all(&g);
        }
    }
}

/// The quantity scanner and the arithmetic checker: quantities, typed
/// arithmetic, the comparison with a problem's reference estimates, units
/// and formulas over the problem's assumptions.
pub fn quantities(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    use sdcoach::estimation as e;
    for q in e::parse_quantities(text) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        let _ = e::format_quantity(q.value, q.dim);
        let _ = e::format_quantity_per(q.value, q.dim, q.period);
    }
    let _ = e::check_arithmetic(text);
    let c = catalog();
    let p = &c.problems[text.len() % c.problems.len()];
    let weights: Vec<(String, f64)> = p.estimates.iter().map(|x| (x.id.clone(), 1.0)).collect();
    let _ = e::compare_estimates(text, p, &weights);
    let first_line = text.lines().next().unwrap_or_default();
    let _ = e::parse_unit(first_line);
    let vars: HashMap<String, f64> = p
        .assumptions
        .iter()
        .map(|a| (a.id.clone(), a.value))
        .collect();
    let _ = e::eval_formula(first_line, &vars);
    let _ = e::formula_variables(first_line);
}

/// The transcript loader: whatever loads must answer every question the
/// program asks of a transcript, save and load again unchanged, and review
/// and render in every format.
pub fn transcript_loader(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(t) = Transcript::from_yaml(text, "fuzz.yaml") else {
        return;
    };
    let _ = (t.answer(), t.extras(), t.hints(), t.seconds(), t.is_blank());
    let _ = (t.next_step(), t.timing(), t.scorecard_input());
    for id in StepId::ALL {
        let _ = (t.step(id), t.budget_secs(id));
    }
    let again = Transcript::from_yaml(&t.to_yaml(), "again.yaml")
        .expect("a transcript that loads saves and loads again");
    assert_eq!(again, t, "a save and a load change nothing");
    for as_saved in [false, true] {
        if let Ok(r) = sdcoach::review::review(catalog(), &t, "fuzz.yaml", as_saved) {
            render_all(&r);
        }
    }
}

/// The problem and rubric loader: one data file (picked by the first byte)
/// is replaced by the input; the data is parsed and linted, the problem it
/// belongs to is checked as a session would before its first question,
/// and the problem list and page render.
pub fn data_loader(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut files = SourceFile::embedded();
    let i = usize::from(pick) % files.len();
    files[i].text = text.to_string();
    files[i].json = None;
    let (catalog, _findings) = sdcoach::lint::lint_sources(&files, "fuzz");
    let id = files[i]
        .rel
        .rsplit('/')
        .next()
        .and_then(|n| n.strip_suffix(".yaml"))
        .unwrap_or_default()
        .to_string();
    // The problem the file belongs to, else (a shared file) the first one.
    let problem = catalog
        .problems
        .iter()
        .find(|p| p.id == id)
        .or(catalog.problems.first());
    if let Some(p) = problem {
        let _ = sdcoach::session::start::check_data(&catalog, &p.id);
        render_all(&ProblemShow(p));
    }
    render_all(&ProblemList(&catalog.problems));
}

/// The diagram reader: any text read for Mermaid blocks and arrow lines,
/// within its limits, every arrow between boxes that exist; the structure
/// rules of every rubric checked against it; the listing and the SVG drawn;
/// and the text graded as a high-level step.
pub fn diagram(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    use sdcoach::diagram as dg;
    let d = dg::read_one(text);
    assert!(d.nodes.len() <= dg::model::MAX_NODES);
    assert!(d.edges.len() <= dg::model::MAX_EDGES);
    assert!(d.issues.len() <= dg::model::MAX_ISSUES);
    let n = d.nodes.len();
    assert!(d
        .edges
        .iter()
        .all(|e| e.from < n && e.to < n && e.from != e.to));
    let lines = text.lines().count().max(1);
    assert!(d.issues.iter().all(|i| i.line >= 1 && i.line <= lines + 1));
    let c = catalog();
    for rubric in c.rubrics.values() {
        let results = dg::check(&d, &rubric.structure, text);
        for r in &results {
            assert!(r.edges.iter().all(|&e| e < d.edges.len()));
            assert!(r.nodes.iter().all(|&v| v < n));
        }
        let _ = report::diagram_svg(&d, &results).into_string();
    }
    let _ = report::diagram_read_back(&d, &[]);
    let _ = dg::with_drawing(text, dg::TEMPLATE);
    let id = &c.problems[text.len() % c.problems.len()].id;
    let mut steps: [String; 7] = Default::default();
    steps[StepId::HighLevel.index()] = text.to_string();
    let answer = grading::Answer::from_steps(None, steps);
    if let Ok(g) = grading::grade(c, id, &answer, &Extras::default()) {
        assert!(g.score <= 100, "score {}", g.score);
        render_all(&GradeView {
            grade: &g,
            session: None,
        });
    }
}
