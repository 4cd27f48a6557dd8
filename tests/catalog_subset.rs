//! The catalog parsed for one problem grades exactly as the whole catalog
//! does (`sdcoach grade` parses only the graded problem's files), and
//! `problems` lists the same problems from the problems alone. Lives here,
//! not beside the catalog, because it grades: the catalog sits below grading.

use sdcoach::catalog::{Catalog, Problem};
use sdcoach::grading::{grade_at, parse_answer, Extras, Grade, Level};
use std::path::Path;

/// Grading with only the graded problem's files parsed gives the same
/// grade, to the last quote, as with the whole catalog.
#[test]
fn one_problems_files_grade_as_the_whole_catalog_does() {
    let whole = Catalog::embedded().expect("built-in data");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut graded = 0;
    for id in whole.ids() {
        let own = Catalog::embedded_for(&id).expect("built-in data");
        assert_eq!(own.ids(), std::slice::from_ref(&id));
        assert!(own.questions.questions.is_empty());
        for dir in ["calibration", "agreement/answers"] {
            let Ok(files) = std::fs::read_dir(root.join(dir).join(&id)) else {
                continue;
            };
            for file in files.flatten() {
                let Ok(text) = std::fs::read_to_string(file.path()) else {
                    continue;
                };
                let answer = parse_answer(&text);
                for level in [Level::NewGrad, Level::Senior] {
                    let a = grade_at(&whole, &id, &answer, &Extras::default(), level);
                    let b = grade_at(&own, &id, &answer, &Extras::default(), level);
                    let json = |g: sdcoach::Result<Grade>| {
                        serde_json::to_string(&g.expect("grades")).expect("json")
                    };
                    assert_eq!(json(a), json(b), "{}", file.path().display());
                    graded += 1;
                }
            }
        }
    }
    assert!(graded > 100, "{graded} grades compared");
    let listed = Catalog::open_problems(None).expect("built-in data");
    let json = |p: &[Problem]| serde_json::to_string(p).expect("json");
    assert_eq!(json(&listed.problems), json(&whole.problems));
    assert!(listed.rubrics.is_empty());
    // An unknown id gets the whole catalog, and so its usual error.
    let all = Catalog::embedded_for("no-such-problem").expect("built-in data");
    assert_eq!(all.ids(), whole.ids());
}
